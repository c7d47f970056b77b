"""What the Triborough CCGs' contract manager can measure from logged events.

The written report of a gross misconduct allegation "within 5 working days"; the quarterly
report "prior to the Quarterly meeting" (one working day before, as the plugin reads it)
and the quarterly meetings themselves.

The quarterly meeting is due on the day "every 3 months" from the Commencement Date
counts to, or the next working day when that is a bank holiday or a weekend; the report
is due the working day before the meeting as held (readings meeting-working-day and
before-the-meeting-held). The families worked with (3.4, "a minimum of Thirty families
per year") are counted from the log per contract year: each family (case) referred in
the year once, with the cases behind the count, judged against thirty once the year is
over. The priority outcomes have "Specific targets to be determined in the light out-turns
for, and trends in, 2016-17", so no other figure can be judged. The "immediately" referral to the LADO and the DBS re-checks stay for
monitoring visits.

Declared here, outside the plugin's ``CouncilSpec``, until the spec references it as
``monitoring=MONITORING``.
"""

from __future__ import annotations

from childcare_commissioning.model import Reading
from childcare_commissioning.monitoring import (
    Completion,
    Count,
    Kpi,
    KpiPeriod,
    Monitoring,
    Submission,
)
from childcare_commissioning_triborough._cite import cite

__all__ = ["MONITORING", "MONITORING_READINGS"]

_QUARTERLY = (
    "The quarterly report, submitted each Quarter prior to the Quarterly meeting, setting "
    "out the Provider's level of achievement against this outcome and each of its Appendix 1 "
    "outputs (4.2), reviewed at the Quarterly meeting (4.3). No figure can be judged: "
    "'Specific targets to be determined in the light out-turns for, and trends in, "
    "2016-17'."
)

MONITORING = Monitoring(
    completions=(Completion("gross-misconduct-written-report", "written-report-sent"),),
    submissions=(
        Submission("quarterly-report", "quarterly-report-submitted"),
        Submission("quarterly-meeting", "quarterly-meeting-held"),
    ),
    opening=("referral-received", "gross-misconduct-allegation"),
    year_start_month=4,
    kpis=(
        Kpi(
            "families-per-year",
            "Families worked with in the contract year",
            numerator=Count(event="referral-received", distinct=True),
            denominator=None,
            citation=cite(
                "3.4", "The Provider shall work with a minimum of Thirty families per year."
            ),
            outcome="families-per-year",
            minimum=30,
            period=KpiPeriod.YEAR,
            notes="Each family referred in the year counts once (a case is a family).",
        ),
    ),
    evidence=tuple((f"priority-{index}", _QUARTERLY) for index in range(1, 6)),
)

#: How monitoring reads what the text leaves open (shown with the council's readings).
MONITORING_READINGS = (
    Reading(
        "meeting-working-day",
        "4.3: the Contract Manager 'attends meetings every 3 months (a \u201cQuarter\u201d)'; "
        "the text names no day, and three months from the Commencement Date can fall on a "
        "bank holiday or a weekend.",
        "A meeting whose counted day is not a working day is due the next working day: a "
        "meeting counted to Wed 1 Jan 2025 (New Year's Day) and held Thu 2 Jan is on time.",
        cite("4.3", "attends meetings every 3 months"),
    ),
    Reading(
        "before-the-meeting-held",
        "4.2: the report is due 'prior to the Quarterly meeting'; meetings move.",
        "The report is due the working day before the meeting as held when the meeting is "
        "logged (quarterly-meeting-held), and before its due day otherwise: a report sent "
        "before a meeting that moved is on time.",
        cite("4.2", "prior to the Quarterly meeting"),
    ),
)
