"""Somerset's outcomes: contract monitoring targets, the three key objectives, and the
measurable "remain living at home 6 months after initially receiving a service" (computed by
``checks.living_at_home_outcome``)."""

from __future__ import annotations

from childcare_commissioning.measures import OutcomeMeasure
from childcare_commissioning_somerset._cite import cite

__all__ = [
    "AT_HOME_CITATION",
    "CONTRACT_MONITORING",
    "CONTRACT_MONITORING_CITATION",
    "EXPECTED_OUTCOMES",
    "KEY_OBJECTIVES",
    "OUTCOMES",
]

CONTRACT_MONITORING = (
    "A reduction in the numbers of young people entering care.",
    "Providers will demonstrate how they have achieved a person centred approach.",
    "A reduction in the number of repeat referrals.",
    "Providers are able to demonstrate active links and partnership working with other early help/support services.",
    "An increase in service user satisfaction and providers are able to demonstrate continuous improvement informed by service user feedback.",
    "Evidence that consideration has been taken to Equality, Diversity and Human Rights (EDHR) within all service provision and decision making.",
)
CONTRACT_MONITORING_CITATION = cite(
    "3.1 Contract Monitoring", "Providers will be monitored on the following outcomes and targets."
)

#: 2.4 Expected Outcomes for Service Users: "All children and young people;" ...
EXPECTED_OUTCOMES = (
    "Stay safe and feel secure",
    "Are able to identify the positive outcomes and aspirations that matter to them",
    "Experience stability to enable them to improve their lives",
    "Access and benefit from educational provision including being given the opportunity to achieve the best results they can",
    "Are listened to, cared for and supported",
    "Are able to plan for tomorrow/their future",
    "Are respected and not discriminated against.",
)

KEY_OBJECTIVES = {
    "Families Stay Together - Supporting Parents & Parenting": (
        "Child's behaviour at home is improved",
        "Child's behaviour and attendance at school/college is improved",
        "Relationships between family members improves",
        "Increase involvement of father/significant males in care of child and in decision making about their wellbeing",
        "Parents have the information they need to look after their children's health needs",
        "Families know how to access the support they require within their local communities",
    ),
    "Children and Young People engage in positive activities and reduce their exposure to risks and risk-taking behaviours": (
        "Family members are protected from violence in the home",
        "Reduction in anti-social behaviour or violence perpetrated by family members",
        "Reduced offending and repeat offending of family members",
        "Reduced alcohol and/or substance misuse",
        "Children and adults' mental health and wellbeing is improved",
        "Children supported by this service remain living at home 6 months after initially receiving a service",
        "Provider works in conjunction with other agencies to support family",
    ),
    "Placements remain stable": (
        "Improved school attendance and achievement",
        "Reduction in anti-social behaviour or violence",
        "Reduced offending and repeat offending",
        "Reduced alcohol and/or substance misuse",
        "Mental health and wellbeing is improved",
        "Provider works in conjunction with other agencies to support family",
        "Placement stability improves",
    ),
}
AT_HOME_CITATION = cite(
    "2.2.2 Key Objective 2",
    "Children supported by this service remain living at home 6 months after initially receiving a service",
)


_OBJECTIVE_CLAUSES = {
    "Families Stay Together - Supporting Parents & Parenting": (
        "2.2.1",
        "Key Objective 1: Families Stay Together- Supporting Parents & Parenting",
    ),
    "Children and Young People engage in positive activities and reduce their exposure to risks and risk-taking behaviours": (
        "2.2.2",
        "Key Objective 2: Children and Young People engage in positive activities and reduce their exposure to risks and risk-taking behaviours",
    ),
    "Placements remain stable": ("2.2.3", "Key Objective 3: Placements remain stable"),
}
OUTCOMES = (
    *(
        OutcomeMeasure(
            f"monitoring-{index}",
            text,
            CONTRACT_MONITORING_CITATION,
            ("Evidence agreed at a pre contract award meeting, then annually",),
            reported="Annually agreed evidence",
            objective="Contract monitoring",
        )
        for index, text in enumerate(CONTRACT_MONITORING, start=1)
    ),
    *(
        OutcomeMeasure(
            f"objective-{index}",
            objective,
            cite(
                f"{_OBJECTIVE_CLAUSES[objective][0]} Key Objective {index}",
                _OBJECTIVE_CLAUSES[objective][1],
            ),
            outcomes,
            objective="Key objectives",
        )
        for index, (objective, outcomes) in enumerate(KEY_OBJECTIVES.items(), start=1)
    ),
    OutcomeMeasure(
        "expected-outcomes",
        "Expected outcomes for all children and young people served",
        cite("2.4 Expected Outcomes for Service Users", "All children and young people;"),
        EXPECTED_OUTCOMES,
        objective="Expected outcomes for service users",
    ),
    OutcomeMeasure(
        "living-at-home-6-months",
        "Children supported remain living at home 6 months after initially receiving a service",
        AT_HOME_CITATION,
        (
            "living_at_home_outcome(first service, on, entered care on): judged six calendar months after the first service",
        ),
        target="Remaining at home at six months",
        objective="Key objective 2 (measurable)",
    ),
)
