"""What Derby's contract manager can measure from a case record system's events.

The offers "within 24 hours for a standard referral and within 1 hour for an urgent
referral" (3.3.1), the Council's full information within 72 hours of an emergency
placement, same-working-day emergency support and same-day notice of concerns; the formal
review of each placement "within 2 weeks ... then at 3 month intervals" (3.8.1), per
placement, from the contract's placements and from each ``placement-start`` the log
records, to the placement's end (``placement-end``); the quarterly access report (3.7.1),
due the day after each UK financial quarter ends (reading ``quarterly``);
and the four Access measures of 3.7.1 per UK financial quarter: responses received within
the specified timescale (target 100 %), suitable placements against the placements put
forward by the Council (``offer-suitable``: the Council judged an offer suitable), and the
placements that end unexpectedly at the Provider's and at the Council's instigation
(``placement-end`` with ``by`` and ``reason: unexpected``), with the cases behind each.

A log may begin at a placement (``placement-start`` opens the case): a concern or an
emergency request for a young person placed before the log's first referral is judged.

Not measured from events, and left for the quarterly report and visits: the eight
quality statements (each evidenced as its Outcome column says: ``evidence``), and the IPA termination
notices (30 or 14 days depending on the reason, which an event does not carry).
"""

from __future__ import annotations

from decimal import Decimal

from childcare_commissioning.deadlines import Party
from childcare_commissioning.model import Reading
from childcare_commissioning.monitoring import (
    Completion,
    Count,
    DutyStatus,
    Ending,
    Kpi,
    Monitoring,
    Submission,
)
from childcare_commissioning_derby._cite import cite

__all__ = ["MONITORING", "MONITORING_READINGS", "QUALITY_OUTCOMES"]

OFFERS = ("offer-standard", "offer-urgent", "offer-emergency")
_REPORTS = "3.7.1 Reports"
_UNEXPECTED = frozenset({"unexpected"})
#: 3.7.1's Measure column, the same for every quality statement.
_MEASURE = (
    "Review of Care plans. Feedback from Young people. Feedback from Social worker and "
    "Independent Reviewing Officer"
)
#: 3.7.1's Outcome column for quality statements 1 to 8, verbatim: what the Council looks
#: for when it evidences each statement (none is measured from events).
QUALITY_OUTCOMES = (
    "Young People report that they feel they receive warm and nurturing care. young people "
    "report well-being and self-esteem",
    "Young people feedback that they do not have to retell their life and medical history "
    "when accessing services. Young people report that information is shared appropriately "
    "about them. Carers and professionals feel that they are working as part of a team.",
    "Young people are satisfied with their placement. Young people are involved in decisions "
    "about placements and packages of support.",
    "1. Evidence that young people are encouraged to explore their identities in a safe way. "
    "2. Young people report that they are encouraged and supported to have contact with "
    "people they value. 3. Evidence that young people have a supportive peer network.",
    "Evidence that young people have access to services that they need. Evidence that young "
    "people are encourage to access local services to them.",
    "1. Evidence that young people are supported to remain in contact with professionals and "
    "people they value if moved cross boundaries. 2. Evidence that the provider works to a "
    "high standard with the Council to ensure health services are in place and specialist "
    "services are sourced where appropriate.",
    "1. Evidence that young people have access to Education/training/ employment and are "
    "engaging with this. 2. Evidence of support to access further and higher education. "
    "3. Young people are involved in creative arts, physical activities or hobbies and their "
    "well-being and self \u2014esteem is good.",
    "1. the provider is working with the Council to ensure pathway plans are followed and "
    "delivered upon. 2. the young person is ready and able to move into independent living "
    "and sustain a tenancy.",
)

MONITORING = Monitoring(
    completions=(
        *(Completion(rule, "offer-made") for rule in OFFERS),
        Completion("full-information", "information-supplied"),
        Completion("emergency-support", "support-provided"),
        Completion("concern-same-day", "concern-notified"),
    ),
    submissions=(
        Submission("access-kpis", "access-report-submitted"),
        Submission("placement-review", "review-held"),
    ),
    kpis=(
        Kpi(
            "responses-in-time",
            "Responses to referrals within the specified timescale",
            numerator=Count(rules=OFFERS, statuses={DutyStatus.MET}),
            denominator=Count(event="referral-received"),
            citation=cite(
                _REPORTS,
                "Number of responses received to referrals received by the Council within the "
                "specified timescale",
            ),
            target=Decimal(100),
            outcome="access",
            notes="The specified timescale is 3.3.1's: 24 hours (standard), 1 hour (urgent; "
            "emergency read as urgent). A referral with no offer counts against the figure.",
        ),
        Kpi(
            "suitable-placements",
            "Suitable placements available against the placements put forward by the Council",
            numerator=Count(event="offer-suitable", distinct=True),
            denominator=Count(event="referral-received"),
            citation=cite(
                _REPORTS,
                "Number of suitable placement available against the total number of "
                "placements put forward by the Council",
            ),
            outcome="access-suitable-placements",
            notes="A placement put forward is a referral received; one with an offer the "
            "Council judged suitable (offer-suitable) counts once. No target: the 100 % is "
            "the responses measure's (reading performance-table).",
        ),
        Kpi(
            "unexpected-ends-provider",
            "Placements that end unexpectedly at the Provider's instigation",
            numerator=Count(event="placement-end", by={Party.PROVIDER}, reasons=_UNEXPECTED),
            denominator=None,
            citation=cite(
                _REPORTS,
                "Number of placements that end unexpectedly at the provider's instigation",
            ),
            outcome="access-ended-by-provider",
        ),
        Kpi(
            "unexpected-ends-council",
            "Placements that end unexpectedly at the Council's instigation",
            numerator=Count(event="placement-end", by={Party.COUNCIL}, reasons=_UNEXPECTED),
            denominator=None,
            citation=cite(
                _REPORTS,
                "Number of placements that end unexpectedly at the Councils instigation",
            ),
            outcome="access-ended-by-council",
        ),
    ),
    opening=("referral-received", "emergency-placement", "placement-start"),
    kinds=("emergency-request", "concern"),
    year_start_month=4,
    package_starts=("placement-start",),
    endings=(Ending("placement-end"),),
    evidence=tuple(
        (
            f"quality-{index}",
            f"{outcome} (3.7.1 Outcome column.) Measured by: {_MEASURE}.",
        )
        for index, outcome in enumerate(QUALITY_OUTCOMES, start=1)
    ),
)

#: How monitoring reads what the text leaves open (shown with the council's readings).
MONITORING_READINGS = (
    Reading(
        "reviews-per-placement",
        "3.8.1: 'A formal review will be held within 2 weeks to ensure the package is in "
        "place then at 3 month intervals'.",
        "Each placement is reviewed on its own schedule from its own start: the first "
        "review within 2 weeks, then every 3 months from that due date, until the placement "
        "ends. A review-held event for the placement (its case id) answers the oldest review "
        "outstanding; the first review is the first of these, not a separate deadline.",
        cite(
            "3.8.1 Monitoring and Reporting",
            "A formal review will be held within 2 weeks to ensure the package is in place then "
            "at 3 month intervals",
        ),
    ),
)
