"""Derby's staff requirements (3.6)."""

from __future__ import annotations

from childcare_commissioning.durations import Duration, DurationKind
from childcare_commissioning.workforce import Requirement, RequirementKind
from childcare_commissioning_derby._cite import cite

__all__ = ["WORKFORCE"]


K = DurationKind
RECRUIT = "3.6.1 Recruitment"
WORKFORCE = (
    Requirement(
        "application-form",
        RequirementKind.CHECK,
        "application-form",
        "Recruited with an application form and a job description",
        cite(
            RECRUIT,
            "application forms and job descriptions are used during the recruitment process",
        ),
    ),
    Requirement(
        "interview",
        RequirementKind.CHECK,
        "interview",
        "Interviewed against the essential criteria for the post",
        cite(
            RECRUIT,
            "the interview process determines whether the applicant meets the essential criteria for the post as a minimum",
        ),
    ),
    Requirement(
        "contract-of-employment",
        RequirementKind.CHECK,
        "contract-of-employment",
        "A clear contract of employment or terms of service, with a written job description",
        cite(
            RECRUIT,
            "staff have a clear contract of employment or terms of service/role specifying",
        ),
    ),
    Requirement(
        "conviction-declaration",
        RequirementKind.DECLARATION,
        "convictions",
        "Declaration of current and spent convictions; a declared conviction blocks assignment until the Council approves",
        cite(
            RECRUIT,
            "any member of staff with a declared conviction is not assigned to any child/young person until the Provider has obtained approval (or not) from the Council",
        ),
        approver="Derby City Council",
    ),
    Requirement(
        "references",
        RequirementKind.REFERENCES,
        "references",
        "At least two written references, one from the present or last employer",
        cite(
            RECRUIT,
            "at least 2 written satisfactory references are taken up prior to employment. One reference will be from the present or last employer",
        ),
        count=2,
        last_employer=True,
        before_employment=True,
    ),
    Requirement(
        "employment-history",
        RequirementKind.CHECK,
        "employment-history",
        "Full employment history validated",
        cite(
            RECRUIT,
            "all attempts are made to validate the full employment history of the applicant",
        ),
    ),
    Requirement(
        "dbs",
        RequirementKind.CHECK,
        "dbs-enhanced",
        "DBS checks (including children's and adults' barred lists)",
        cite(
            RECRUIT,
            "Disclosure and Barring Service (including Protection of Children Act and Protection of Vulnerable Adults list) checks are undertaken",
        ),
    ),
    Requirement(
        "data-protection",
        RequirementKind.TRAINING,
        "data-protection",
        "Data protection training, refreshed at least every two years",
        cite(
            "3.15 PERSONAL DATA",
            "The Service Provider will train their staff and provide refresher training at least every two years.",
        ),
        refresh=Duration(K.YEARS, 2),
    ),
    Requirement(
        "safeguarding",
        RequirementKind.TRAINING,
        "safeguarding-young-people",
        "Trained to understand safeguarding issues for vulnerable young people",
        cite(
            "3.10 TRAINING AND MAINTENANCE",
            "all staff and volunteers are trained to understand safeguarding issues in relation to vulnerable young people.",
        ),
    ),
    Requirement(
        "appraisal",
        RequirementKind.TRAINING,
        "appraisal",
        "Annual appraisal",
        cite(
            "3.10 TRAINING AND MAINTENANCE",
            "Staff appraisals shall be carried out annually on all staff",
        ),
        refresh=Duration(K.YEARS, 1),
    ),
)
