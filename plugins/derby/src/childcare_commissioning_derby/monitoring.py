"""What Derby's contract manager can measure from a case record system's events.

The offers "within 24 hours for a standard referral and within 1 hour for an urgent
referral" (3.3.1), the Council's full information within 72 hours of an emergency
placement, the formal review within 2 weeks of a placement starting, same-working-day
emergency support and same-day notice of concerns; the quarterly access report (3.7.1);
and the first access KPI, "Number of responses received to referrals received by the
Council within the specified timescale" (target 100 %), per UK financial quarter.

Not measured from events, and left for the quarterly report and visits: the other three
access measures (suitable placements against those put forward, placements ending
unexpectedly at either party's instigation: the events do not say which placements were
suitable or who instigated an ending), the eight quality statements, and the IPA
termination notices (30 or 14 days depending on the reason, which an event does not
carry).

Declared here, outside the plugin's ``CouncilSpec``, until the spec references it as
``monitoring=MONITORING``.
"""

from __future__ import annotations

from decimal import Decimal

from childcare_commissioning.monitoring import (
    Completion,
    Count,
    DutyStatus,
    Kpi,
    Monitoring,
    Submission,
)
from childcare_commissioning_derby._cite import cite

__all__ = ["MONITORING"]

OFFERS = ("offer-standard", "offer-urgent", "offer-emergency")

MONITORING = Monitoring(
    completions=(
        *(Completion(rule, "offer-made") for rule in OFFERS),
        Completion("full-information", "information-supplied"),
        Completion("first-review", "review-held"),
        Completion("emergency-support", "support-provided"),
        Completion("concern-same-day", "concern-notified"),
    ),
    submissions=(Submission("access-kpis", "access-report-submitted"),),
    kpis=(
        Kpi(
            "responses-in-time",
            "Responses to referrals within the specified timescale",
            numerator=Count(rules=OFFERS, statuses={DutyStatus.MET}),
            denominator=Count(event="referral-received"),
            citation=cite(
                "3.7.1 Reports",
                "Number of responses received to referrals received by the Council within the "
                "specified timescale",
            ),
            target=Decimal(100),
            outcome="access",
            notes="The specified timescale is 3.3.1's: 24 hours (standard), 1 hour (urgent; "
            "emergency read as urgent). A referral with no offer counts against the figure.",
        ),
    ),
    opening=("referral-received", "emergency-placement"),
    kinds=("placement-start", "emergency-request", "concern"),
    year_start_month=4,
)
