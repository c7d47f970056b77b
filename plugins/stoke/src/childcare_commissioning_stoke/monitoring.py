"""What Stoke-on-Trent's contract manager can measure from logged events.

The pilot "to be mobilised within three months of the contract award" and its review and
evaluation twelve months after mobilisation (counted from when it was actually
mobilised); the performance reviews ("initially be held monthly, moving to three monthly"),
the quarterly complaints report and the six-monthly service user satisfaction data.

Stoke's text sets no case-level time limit and no KPI a number over events measures:
placement stability and satisfaction are evidence for the performance reviews, listed as
not measurable from events.

Declared here, outside the plugin's ``CouncilSpec``, until the spec references it as
``monitoring=MONITORING``.
"""

from __future__ import annotations

from childcare_commissioning.model import Reading
from childcare_commissioning.monitoring import Completion, Monitoring, Submission

__all__ = ["MONITORING", "MONITORING_READINGS"]

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
    opening=("contract-award", "referral-received"),
    year_start_month=4,
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
MONITORING_READINGS: tuple[Reading, ...] = ()
