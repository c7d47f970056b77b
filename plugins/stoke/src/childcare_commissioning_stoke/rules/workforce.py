"""Stoke's staff requirements (4.1)."""

from __future__ import annotations

from childcare_commissioning.durations import Duration, DurationKind
from childcare_commissioning.workforce import Requirement, RequirementKind
from childcare_commissioning_stoke._cite import cite

__all__ = ["WORKFORCE"]

K = DurationKind
_STAFF = "4.1 Staffing levels, training, qualifications and experience"
WORKFORCE = (
    Requirement(
        "qualified-psychologist",
        RequirementKind.QUALIFICATION,
        "psychologist",
        "Qualified clinical or educational psychologist/psychotherapist (or equivalent), two years' post-qualification experience",
        cite(
            _STAFF,
            "Be qualified clinical or educational psychologists/psycho therapists   (or equivalent) with a minimum two years post qualification experience",
        ),
        alternatives=frozenset(
            {
                "clinical-psychologist",
                "educational-psychologist",
                "psychotherapist",
                "psychologist-equivalent",
            }
        ),
        experience_years=2,
        notes="The experience must be 'of working with vulnerable children young people and "
        "their carers': the roster's experience_since is read as the date from which that "
        "experience runs (reading 'vulnerable-children-experience').",
    ),
    Requirement(
        "safeguarding-level-2",
        RequirementKind.TRAINING,
        "safeguarding-children",
        "Safeguarding level 2 as a minimum, from an SCB-approved training provider",
        cite(_STAFF, "Be trained to a minimum of Safeguarding level 2"),
        level=2,
        notes="Training on safeguarding children 'should be from a SCBs approved training provider' (4.2).",
    ),
    Requirement(
        "higher-safeguarding",
        RequirementKind.TRAINING,
        "safeguarding-children",
        "Some staff trained in safeguarding above level 2",
        cite(_STAFF, "with some staff trained to higher levels"),
        level=3,
        team=True,
        notes="A team requirement: 'some staff' is read as at least one worker, 'higher "
        "levels' as level 3 or above (reading 'higher-safeguarding-levels'); nobody at level "
        "3 is a team finding, not a gap in any one worker.",
    ),
    Requirement(
        "supervision",
        RequirementKind.TRAINING,
        "supervision",
        "Regular supervision",
        cite(_STAFF, "Have regular supervision"),
        provider_matrix=True,
        notes="No interval is stated: supervision must be recorded, and its interval is the "
        "one agreed (the training matrix, from the contract); without it each check is a "
        "query giving the latest supervision's date (reading 'regular-supervision').",
    ),
    Requirement(
        "dbs",
        RequirementKind.CHECK,
        "dbs-enhanced",
        "Enhanced DBS clearance, renewed every 3 years",
        cite(
            "4.3 Quality Assurance: safety and consistency",
            "DBS checks for all new staff or volunteers and renewed every 3 years",
        ),
        refresh=Duration(K.YEARS, 3),
    ),
    Requirement(
        "safer-recruitment",
        RequirementKind.CHECK,
        "safer-recruitment",
        "Recruited following safer recruitment guidelines",
        cite(
            _STAFF,
            "Ensure safer recruitment training is completed and guidelines are adhered to during the recruitment process",
        ),
    ),
)
