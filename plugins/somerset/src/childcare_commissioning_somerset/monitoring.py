"""What Somerset's contract manager can measure from a case record system's events.

For urgent and emergency referrals, "all risk assessments, outcomes and support plans will
be agreed with the referrer within 72hrs" (elapsed hours, across clock changes); support
plans "reviewed initially within 4 weeks of the support being put in place".

Not measured from events: the accident and incident notice "as soon as possible" and the
immediate safeguarding liaison (no time limit a log can judge), the six monitoring
outcomes (evidence agreed annually), the key objectives, and remaining at home six
months after the first service (computed by
:func:`childcare_commissioning_somerset.living_at_home_outcome` from care records, not
from this log). Somerset's text dates no monitoring return, so no obligation is tracked.

Declared here, outside the plugin's ``CouncilSpec``, until the spec references it as
``monitoring=MONITORING``.
"""

from __future__ import annotations

from childcare_commissioning.model import Reading
from childcare_commissioning.monitoring import Completion, Monitoring

__all__ = ["MONITORING", "MONITORING_READINGS"]

MONITORING = Monitoring(
    completions=(
        Completion("urgent-plans-agreed", "plans-agreed"),
        Completion("emergency-plans-agreed", "plans-agreed"),
        Completion("initial-review", "review-held"),
    ),
    opening=("referral-received",),
    kinds=("incident", "concern"),
    year_start_month=4,
)

#: How monitoring reads what the text leaves open (shown with the council's readings).
MONITORING_READINGS: tuple[Reading, ...] = ()
