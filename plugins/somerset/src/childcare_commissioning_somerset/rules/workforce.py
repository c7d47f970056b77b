"""Somerset's staff requirements (3.2)."""

from __future__ import annotations

from childcare_commissioning.workforce import Requirement, RequirementKind, Scope
from childcare_commissioning_somerset._cite import cite

__all__ = ["WORKFORCE"]

STAFF = "3.2 Provider requirements and staff competencies"
_SUBJECTS = (
    ("a", "safeguarding", "Safeguarding"),
    ("b", "first-aid", "First Aid"),
    ("c", "self-harm", "Self Harm"),
    ("d", "sexual-health", "Sexual Health"),
    ("e", "substance-misuse", "Drug and Alcohol misuse"),
    ("f", "conflict-resolution", "Conflict resolution"),
    ("g", "equality-diversity", "Equal Opportunities and Anti-Discriminatory Practice"),
    ("h", "missing-persons", "Missing Person's Protocols"),
    ("i", "mental-health", "Mental Health issues"),
    ("j", "data-protection", "Confidentiality and Data Protection"),
    ("k", "complaints-allegations", "Complaints and Allegations"),
)
WORKFORCE = (
    *(
        Requirement(
            f"training-{letter}",
            RequirementKind.TRAINING,
            subject,
            f"{letter}. {wording}",
            cite(STAFF, "All staff will be sufficiently trained in;"),
        )
        for letter, subject, wording in _SUBJECTS
    ),
    Requirement(
        "risk-assessment",
        RequirementKind.TRAINING,
        "risk-assessment",
        "Skilled at assessing risk and vulnerability (or trained in it)",
        cite(
            STAFF,
            "All staff will be skilled at assessing risk and vulnerability of young people across all areas, or required to undertake training relevant to this.",
        ),
    ),
    Requirement(
        "dbs",
        RequirementKind.CHECK,
        "dbs-enhanced",
        "Enhanced DBS check",
        cite(STAFF, "All staff working with young people will be subject to enhanced DBS checks"),
        scope=Scope(direct_work=True),
    ),
    Requirement(
        "staff-id",
        RequirementKind.CHECK,
        "photo-id",
        "Staff carry ID at all times",
        cite(STAFF, "Staff will carry ID with them at all times."),
    ),
)
