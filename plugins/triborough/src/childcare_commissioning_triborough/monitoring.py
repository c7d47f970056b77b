"""What the Triborough CCGs' contract manager can measure from logged events.

The written report of a gross misconduct allegation "within 5 working days"; the quarterly
report "prior to the Quarterly meeting" (one working day before, as the plugin reads it)
and the quarterly meetings themselves.

The priority outcomes have "Specific targets to be determined in the light of 2016-17
out-turns", so no KPI figure can be computed; the families worked with per year are
counted by :mod:`childcare_commissioning_triborough.volumes` from family records, not
from this log. The "immediately" referral to the LADO and the DBS re-checks stay for
monitoring visits.

Declared here, outside the plugin's ``CouncilSpec``, until the spec references it as
``monitoring=MONITORING``.
"""

from __future__ import annotations

from childcare_commissioning.model import Reading
from childcare_commissioning.monitoring import Completion, Monitoring, Submission

__all__ = ["MONITORING", "MONITORING_READINGS"]

MONITORING = Monitoring(
    completions=(Completion("gross-misconduct-written-report", "written-report-sent"),),
    submissions=(
        Submission("quarterly-report", "quarterly-report-submitted"),
        Submission("quarterly-meeting", "quarterly-meeting-held"),
    ),
    opening=("referral-received", "gross-misconduct-allegation"),
    year_start_month=4,
)

#: How monitoring reads what the text leaves open (shown with the council's readings).
MONITORING_READINGS: tuple[Reading, ...] = ()
