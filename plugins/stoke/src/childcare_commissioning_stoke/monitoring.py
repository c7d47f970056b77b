"""What Stoke-on-Trent's contract manager can measure from logged events.

The pilot "to be mobilised within three months of the contract award" and its review and
evaluation twelve months after mobilisation (counted from when it was actually
mobilised); the performance reviews ("initially be held monthly, moving to three monthly"),
the quarterly complaints report and the six-monthly service user satisfaction data.

Stoke's text sets no case-level time limit. Placement stability is counted per
financial year, the years of the baselines 1.4.2 gives: the children who moved from a
small group home to an out of city placement (core cases whose ``placement-end`` says
``reason: out-of-city``; 8 in 2014/15, three in 2016/17), and the unplanned breakdowns
of the pilot's placements (``placement-end`` with ``reason: unplanned``; 153 in 2017, 21
with Stoke foster carers) against the pilot placements held in the year (from
``placement-start``, or from before the log when a placement's start is not logged, to
``placement-end``), with the children behind each count. The text sets no target for
either: they are evidence against the baseline (reading placement-stability-counts).
Satisfaction stays evidence for the performance reviews, not measurable from events.

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
from childcare_commissioning_stoke._cite import cite

__all__ = ["MONITORING", "MONITORING_READINGS"]

#: A child's placement in the event log: from its start to its end.
PLACED = ("placement-start", "placement-end")
_MOVES = cite(
    "1.4.2 Out of city placements",
    "In 2014/2015 (prior to the current service) 8 LAC moved from SGHs to out of city "
    "placements, in 2016/17 there have been three.",
)
_BREAKDOWNS = cite(
    "1.4.2 Evidence of need", "There were 153 unplanned placement breakdowns in 2017."
)

MONITORING = Monitoring(
    completions=(
        Completion("pilot-mobilised", "pilot-mobilised"),
        Completion("pilot-evaluation", "pilot-evaluated"),
    ),
    submissions=(
        Submission("performance-review", "performance-review-held"),
        Submission("complaints-report", "complaints-report-submitted"),
        Submission("satisfaction-data", "satisfaction-data-submitted"),
    ),
    opening=("contract-award", "referral-received", *PLACED),
    year_start_month=4,
    kpis=(
        Kpi(
            "sgh-out-of-city-moves",
            "Children who moved from a small group home to an out of city placement",
            numerator=Count(
                event="placement-end", reasons={"out-of-city"}, services={"core"}, distinct=True
            ),
            denominator=None,
            citation=_MOVES,
            outcome="core-placement-stability",
            period=KpiPeriod.REPORTING_YEAR,
            notes="Each child (a core case) once a year; no target: the baseline is 8 in "
            "2014/15 and 3 in 2016/17 (reading placement-stability-counts).",
        ),
        Kpi(
            "pilot-placement-breakdowns",
            "Unplanned breakdowns of the pilot's placements against the placements held",
            numerator=Count(span=PLACED, ended=True, reasons={"unplanned"}, services={"pilot"}),
            denominator=Count(span=PLACED, services={"pilot"}),
            citation=_BREAKDOWNS,
            period=KpiPeriod.REPORTING_YEAR,
            notes="Placements with in-house foster carers (pilot cases) that ended unplanned, "
            "of those held on any day of the year; no target. The text's 153 (21 with Stoke "
            "foster carers) is every placement of the city in calendar 2017, not the pilot's: "
            "a context, not a like-for-like baseline (reading placement-stability-counts).",
        ),
    ),
    evidence=(
        (
            "core-placement-stability",
            "At each Performance Review (4.3): progress towards full core service delivery, "
            "including the achievement of outcomes, and the Provider's performance data for "
            "the preceding monthly/quarterly period; moves from the small group homes to out "
            "of city placements against the baseline (8 in 2014/15, 3 in 2016/17).",
        ),
        (
            "pilot-placement-stability",
            "At each Performance Review (4.3): progress towards service delivery of the pilot, "
            "including the achievement of outcomes; the pilot's review and evaluation (1.1); "
            "children placed with Stoke foster carers against the baseline (194, 27.8%, at "
            "31/12/17).",
        ),
        (
            "service-user-satisfaction",
            "Service User satisfaction data and evaluations, collected 6 monthly as a minimum "
            "(4.4), and the results of satisfaction surveys, service evaluation studies and "
            "feedback at each Performance Review (4.3 (v)).",
        ),
        (
            "complaints",
            "The quarterly complaints report, as detailed in the Performance Management "
            "Framework (4.2), and the complaints received in the preceding monthly/quarterly "
            "period at each Performance Review (4.3 (vi)).",
        ),
    ),
)

#: How monitoring reads what the text leaves open (shown with the council's readings).
MONITORING_READINGS = (
    Reading(
        "placement-stability-counts",
        "1.1 expects 'increased/maintained placement stability within the SGHs' and, for the "
        "pilot, 'increased placement stability'; 1.4.2 gives baselines as counts per year "
        "(8 moves from SGHs to out of city placements in 2014/15, three in 2016/17; 153 "
        "unplanned breakdowns in 2017, 21 with Stoke foster carers) and sets no target.",
        "Monitoring counts both per financial year (the years of the moves baseline; the "
        "breakdowns' 153 is calendar 2017 and every placement of the city, so the pilot's "
        "count is shown beside it, never compared as like for like), whatever "
        "the contract's start: each core child whose placement-end says reason out-of-city "
        "once, and each pilot placement that ended with reason unplanned, shown against the "
        "pilot placements held on any day of the year. No figure is judged against a target "
        "the text does not set; the counts are compared with the baseline at the "
        "Performance Reviews. A placement is the case's service's (core: a small group "
        "home; pilot: in-house foster carers), as its referral gives it.",
        _MOVES,
    ),
)
