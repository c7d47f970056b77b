"""Plymouth's outcomes and KPI (8.1, 8.2): the sixteen policies and procedures kept up to date
and the outcome measures (the KPI's computation is ``checks.policy_kpi``)."""

from __future__ import annotations

from childcare_commissioning.measures import OutcomeMeasure, ReferenceTable
from childcare_commissioning.policies import (
    PolicyList,
)
from childcare_commissioning_plymouth._cite import cite

__all__ = [
    "KPI_CITE",
    "OUTCOMES",
    "POLICIES",
    "POLICY_LIST",
    "POLICY_TABLE",
    "WHERE_RELEVANT",
]

#: The sixteen policies and procedures of the KPI, in the text's order.
POLICIES = (
    "Behaviour Management policy including restraint",
    "Clinical governance structure (where relevant)",
    "Data Protection / Information Governance",
    "Equality & Diversity",
    "Food hygiene",
    "Health & Safety",
    "Infection Prevention and Control (IPC)",
    "Lone working policy",
    "Manual (Person) Handling",
    "Medication administration",
    "Missing Person protocol",
    "Quality Management and Improvement",
    "Reporting procedures (Significant and notifiable events)",
    "Safeguarding Adults",
    "Safeguarding Children",
    "Staff Handbook & Code of Conduct",
)
KPI_CITE = cite(
    "8.1 Key Performance Indicators",
    "100% of policies reviewed / updated within appropriate timescale",
)


#: Policies the KPI lists "(where relevant)": a provider may mark them not applicable.
WHERE_RELEVANT = frozenset(p for p in POLICIES if p.endswith("(where relevant)"))

#: The sixteen as the list a provider's quarterly policy report is checked against
#: (`childcare-commissioning policies REPORT --council plymouth`).
POLICY_LIST = PolicyList(
    "policies",
    "Organisational policies and procedures kept up to date (quarterly report)",
    POLICIES,
    KPI_CITE,
    optional=WHERE_RELEVANT,
    reported="Quarterly report: date of last review, date next review due, key changes",
    notes="'(where relevant)' policies may be marked not applicable (reading "
    "policy-not-applicable).",
)


_KPI = "8.1 Key Performance Indicators"
_OUT = "8.2 Outcomes"
OUTCOMES = (
    OutcomeMeasure(
        "policies-up-to-date",
        "Provider's organisational policies and procedures remain up to date",
        KPI_CITE,
        ("Policies and procedures reviewed within appropriate timescale (the sixteen listed)",),
        target="100% of policies reviewed / updated within appropriate timescale",
        reported="Quarterly report",
        objective="Key Performance Indicators",
    ),
    OutcomeMeasure(
        "compliments",
        "Compliments / Thanks / Suggestions / Requests",
        cite(
            _KPI,
            "Number and subject of feedback received; actions planned or completed as a result.",
        ),
        ("Number and subject of feedback received; actions planned or completed as a result",),
        target="N/A",
        reported="Quarterly report",
        objective="Key Performance Indicators",
    ),
    OutcomeMeasure(
        "complaints",
        "Complaints",
        cite(_KPI, "Number, subject and stage"),
        ("Number, subject and stage", "Organisational learning derived"),
        target="N/A",
        reported="Quarterly report",
        objective="Key Performance Indicators",
    ),
    OutcomeMeasure(
        "service-improvement",
        "Needs of children and young people are met through continual service improvement",
        cite(
            _OUT, "Needs of children and young people are met through continual service improvement"
        ),
        ("Annual Service Improvement Plan",),
        reported="Annual",
        objective="Service outcomes",
    ),
    OutcomeMeasure(
        "workforce-retention",
        "Competent staff are retained and motivated by access to appropriate workforce development opportunities",
        cite(
            _OUT,
            "competent staff are retained and motivated by access to appropriate workforce development opportunities",
        ),
        (
            "Annual Workforce Development Plan",
            "Staff retention/turnover: percentage of leavers over the last 6 months",
        ),
        reported="Annual plan; six monthly turnover report",
        objective="Service outcomes",
    ),
    OutcomeMeasure(
        "individual-outcomes",
        "Outcomes for each child or young person, as set out in the Care Plan",
        cite(_OUT, "as set out in the Care Plan"),
        (
            "Increased engagement with other services identified within the Care Plan",
            "Improved emotional wellbeing and mental health",
            "Improved behaviour regulation",
            "Improved relationships with parents / carers / other family members",
            "Reduction in harmful risk-taking behaviour",
            "Increased parental/carer skills and confidence",
            "Improved Placement stability (for looked after children and young people)",
        ),
        reported="At each package review",
        objective="Individual outcomes (examples)",
    ),
)

POLICY_TABLE = ReferenceTable(
    "policies",
    "The sixteen policies and procedures of the KPI",
    ("Policy or procedure",),
    [(p,) for p in POLICIES],
    KPI_CITE,
    notes="Reported quarterly for each: date of last review, date next review due, key changes.",
)
