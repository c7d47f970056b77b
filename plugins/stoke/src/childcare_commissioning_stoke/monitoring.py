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
)

#: How monitoring reads what the text leaves open (shown with the council's readings).
MONITORING_READINGS: tuple[Reading, ...] = ()
