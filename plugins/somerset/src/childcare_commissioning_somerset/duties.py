"""Somerset's checklist: the duties no date or number decides (each with the question a
contract manager asks at a monitoring visit) and the rules the plugin computes in code.

Audit clause numbers (``audit SO-nn``) refer to ``shared/audits/somerset.md``.
"""

from __future__ import annotations

from childcare_commissioning.deadlines import Party
from childcare_commissioning.register import Computation, Duty, checklist_duty
from childcare_commissioning_somerset._cite import cite
from childcare_commissioning_somerset.rules import OBLIGATIONS, OUTCOMES

__all__ = ["ACCESS", "COMPUTATIONS", "DUTIES", "STAFF"]

ACCESS = "2.6 Service Access and Availability"
STAFF = "3.2 Provider requirements and staff competencies"
_COUNCIL = "Somerset County Council (the Placements Team)"

DUTIES: tuple[Duty, ...] = (
    Duty(
        "equality-of-access",
        "Ensure equality of access to the service across the whole county",
        Party.PROVIDER,
        _COUNCIL,
        "referrals accepted and declined by district, with the reasons",
        "Have you accepted requests from all five districts alike, and where you declined "
        "one, why?",
        cite(
            "2.5 Geographical coverage",
            "Providers will be expected to ensure equality of access prevails across the County.",
        ),
    ),
    Duty(
        "responsive-service",
        "Be responsive, easy to access and quick to mobilise, and proactive to avoid "
        "additional distress to the child",
        Party.PROVIDER,
        _COUNCIL,
        "request and start times; the daily logs of the first days of each package",
        "How quickly did staff start with each child this quarter, and what did you do to "
        "avoid distress to the child while mobilising?",
        cite(ACCESS, "The service needs to be responsive, easy to access and quick to mobilise"),
    ),
    Duty(
        "bespoke-support",
        "Adapt support to the child's identified needs, through discussion with social care "
        "staff and as the intervention request details, stepping it up or down as needs change",
        Party.PROVIDER,
        "the child's social worker",
        "support plans and their revisions, with the discussions that led to them",
        "Show me a package that was stepped up or down: who decided it with the social worker, "
        "and how did the plan change?",
        cite(
            ACCESS, "It should offer bespoke support adapted to the identified needs of the child"
        ),
    ),
    Duty(
        "activities-linked-to-plans",
        "Offer activity based options that are appropriate and reasonable, linked to the care "
        "or education plan, with measurable outcomes where possible",
        Party.PROVIDER,
        "the child's social worker",
        "activity records referring to the care or education plan, and their outcomes",
        "Which activities did this child take part in, how do they link to the care or "
        "education plan, and what outcome was measured?",
        cite(
            ACCESS, "activities to be appropriate and reasonable, linked to care / education plan"
        ),
    ),
    Duty(
        "high-risk-specialist-support",
        "Provide specialist support able to manage very high risk, complex young people, "
        "including potentially violent behaviour",
        Party.PROVIDER,
        _COUNCIL,
        "the staff deployed to high-risk young people, their experience and training; risk "
        "assessments with staff ratios",
        "Who works with your highest-risk young people, and what shows they can manage violent "
        "behaviour safely?",
        cite(
            ACCESS,
            "able to manage very high risk, complex young people, including potentially violent behavior",
        ),
    ),
    Duty(
        "justify-quotations",
        "Justify every quotation and demonstrate value for money",
        Party.PROVIDER,
        _COUNCIL,
        "each quotation with its breakdown (hours, rate within GBP 15-20, agreed mileage) and "
        "the reasons for it",
        "Why is this package quoted at this rate and these hours, and what makes it value for "
        "money?",
        cite(
            "2.8 Service rates",
            "Framework Providers bidding for work will be expected to justify all quotations and demonstrate value for money.",
        ),
    ),
    Duty(
        "further-review-dates",
        "Agree the further monitoring review dates at the initial review of each support plan",
        Party.BOTH,
        "the Provider and the child's social worker",
        "the initial review record with the next review dates agreed",
        "At this child's initial review, which further review dates were agreed, and were they "
        "kept?",
        cite(
            "3.1 Contract Monitoring",
            "with further monitoring review dates being agreed at the time of the initial review",
        ),
    ),
    Duty(
        "promote-positive-behaviour",
        "Promote positive behaviours and engagement, preventing the need for more support or "
        "for emergency services",
        Party.PROVIDER,
        "the child and the Council",
        "support plans and daily logs showing the work on behaviour and engagement",
        "What have staff done to promote positive behaviour with this child, and has the need "
        "for emergency services fallen?",
        cite(
            STAFF, "The Provider will be pro-active in promoting positive behaviours and engagement"
        ),
    ),
    Duty(
        "parents-included",
        "Include parents and carers in developing the support plans",
        Party.PROVIDER,
        "parents and carers",
        "support plans recording the parents' and carers' contributions",
        "How were this child's parents or carers involved in writing the support plan?",
        cite(
            STAFF,
            "The Provider will ensure parents and carers are included in the development of support plans",
        ),
    ),
    Duty(
        "medication-agreement",
        "Ensure the agreement to the administration of any medication before staff give it",
        Party.PROVIDER,
        "parents and carers, and the child's social worker",
        "a recorded agreement for each medication given, and the medication record",
        "For each child your staff give medication to, where is the recorded agreement to its "
        "administration, and who gave it?",
        cite(STAFF, "ensuring the agreement of the administration of any medications"),
    ),
    Duty(
        "partnership-working",
        "Work closely with the other providers and partners delivering services to the family "
        "or young person",
        Party.PROVIDER,
        "other providers and partners, and the Council",
        "records of joint meetings and shared plans (multi-agency plan)",
        "Which other services work with this family, and when did your staff last work with them?",
        cite(
            STAFF,
            "Staff will work closely with other providers and partners delivering services to the family/child or young person.",
        ),
    ),
    Duty(
        "document-of-authority",
        "Print off the document of authority with the job sheet's placement authorisation",
        Party.REFERRER,
        "the Provider and the Placements Team",
        "the document of authority kept with the authorised job sheet",
        "For this package, where is the printed document of authority that goes with the "
        "authorised job sheet?",
        cite(
            "Appendix 1: Unregulated Services Job Sheet",
            "please also print off document of authority",
        ),
    ),
)

_OBLIGATIONS = {o.id: o for o in OBLIGATIONS}
_OUTCOMES = {o.id: o for o in OUTCOMES}
#: 3.1: "The evidence required to demonstrate these will be discussed, agreed and finalised
#: at a pre contract award meeting and on an annual basis thereafter."
_AGREED_EVIDENCE = (
    "the evidence agreed at the pre contract award meeting and annually thereafter (3.1), "
    "and each family's case record"
)

#: The key objectives' and service users' outcomes (2.2.1-2.2.3, 2.4) and the obligations
#: of 3.2 that have a trigger and no time: checked at a monitoring visit, not computed.
#: (3.2 II's risk assessment is computed: the monitor's gate, see monitoring.py.)
DUTIES += (
    *(
        checklist_duty(
            _OUTCOMES[outcome_id],
            _AGREED_EVIDENCE,
            f"Which of the outcomes of {heading} did the families supported achieve, and "
            "what evidence shows it?",
            owed_to=_COUNCIL,
        )
        for outcome_id, heading in (
            ("objective-1", "Key Objective 1 (families stay together)"),
            ("objective-2", "Key Objective 2 (positive activities, less risk)"),
            ("objective-3", "Key Objective 3 (placements remain stable)"),
            ("expected-outcomes", "2.4 (expected outcomes for service users)"),
        )
    ),
    checklist_duty(
        _OBLIGATIONS["support-plan"],
        "the support plan based on a full assessment of needs, and the note of the meeting "
        "with the referrer that agreed it",
        "Is each support plan based on a full assessment, and when did you meet the "
        "referrer to agree it?",
        owed_to="the referrer (Social Worker)",
    ),
    checklist_duty(
        _OBLIGATIONS["statutory-reviews"],
        "reports to and attendance at the statutory reviews of the children supported",
        "Which statutory reviews did you contribute to this period, and how?",
        owed_to=_COUNCIL,
    ),
)

COMPUTATIONS = (
    Computation(
        "job-sheet",
        "Appendix 1 job sheet: its details, costs within the band, mileage rate, authorisation",
        "childcare_commissioning_somerset.checks:check_job_sheet",
        cite("Appendix 1: Unregulated Services Job Sheet", "Placement Authorisation"),
    ),
    Computation(
        "job-sheet-for",
        "A job sheet drawn up from a package and its quotation",
        "childcare_commissioning_somerset.checks:job_sheet_for",
        cite(
            "Appendix 1: Unregulated Services Job Sheet",
            "Please write down the breakdown of services required",
        ),
    ),
    Computation(
        "living-at-home",
        "Remain living at home 6 months after first receiving a service",
        "childcare_commissioning_somerset.checks:living_at_home_outcome",
        cite(
            "2.2.2 Key Objective 2",
            "Children supported by this service remain living at home 6 months after initially receiving a service",
        ),
    ),
    Computation(
        "repeat-referrals",
        "Repeat referrals: a period's referrals for a case (child) referred before",
        "childcare_commissioning.repeats:count_repeats",
        cite("3.1 Contract Monitoring", "A reduction in the number of repeat referrals."),
    ),
)
