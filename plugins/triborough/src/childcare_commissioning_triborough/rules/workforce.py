"""Triborough's staff requirements."""

from __future__ import annotations

from childcare_commissioning.durations import Duration, DurationKind
from childcare_commissioning.workforce import Requirement, RequirementKind, Scope
from childcare_commissioning_triborough._cite import cite

__all__ = ["VULNERABLE_GROUPS", "WORKFORCE"]

K = DurationKind
#: 6.10 "all those working with vulnerable groups", 6.11 "all Staff working with vulnerable
#: children and adults at risk", 7.2 "all necessary Staff": the staff in direct work with the
#: families (``Worker.direct_work``), not every member of staff (reading 'vulnerable-groups').
VULNERABLE_GROUPS = Scope(direct_work=True)
WORKFORCE = (
    Requirement(
        "dbs",
        RequirementKind.CHECK,
        "dbs-enhanced",
        "Enhanced DBS check, re-checked at least every three years",
        cite(
            "7.2",
            "A Disclosure and Barring Service re-check shall be carried out by the Provider for all relevant Staff at least every three years.",
        ),
        scope=VULNERABLE_GROUPS,
        refresh=Duration(K.YEARS, 3),
        notes="6.10 'all those working with vulnerable groups' and 7.2 'all necessary Staff': "
        "staff whose work brings them into contact with the families (reading "
        "'vulnerable-groups'); an administrator with no contact with families needs none.",
    ),
    Requirement(
        "safeguarding-children",
        RequirementKind.TRAINING,
        "safeguarding-children",
        "Safeguarding children training (London Safeguarding Children Board)",
        cite("6.11", "children as specified by the London Safeguarding Children Board"),
        scope=VULNERABLE_GROUPS,
        notes="6.11 'all Staff working with vulnerable children and adults at risk' "
        "(reading 'vulnerable-groups').",
    ),
    Requirement(
        "safeguarding-adults",
        RequirementKind.TRAINING,
        "safeguarding-adults",
        "Safeguarding adults training (National Competence Framework for Safeguarding Adults 2010)",
        cite(
            "6.11",
            "adults as detailed in the Bournemouth University and Learn to Care: National Competence Framework for Safeguarding Adults 2010",
        ),
        scope=VULNERABLE_GROUPS,
        notes="6.11 'all Staff working with vulnerable children and adults at risk' "
        "(reading 'vulnerable-groups').",
    ),
)
