"""What Somerset's contract manager can measure from a case record system's events.

For urgent and emergency referrals, "all risk assessments, outcomes and support plans will
be agreed with the referrer within 72hrs" (elapsed hours, across clock changes); support
plans "reviewed initially within 4 weeks of the support being put in place". For every
other referral the risk assessment, with its staff ratio, is "to be agreed before
engagement" (3.2 II): support started (``support-started``) before the referrer agreed it
(``risk-assessment-agreed``) is a breach, late by the time it took or overdue. Repeat
referrals (3.1 "A reduction in the number of repeat referrals") are counted per quarter:
a second referral of a case already referred, with the cases behind the count.

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

from childcare_commissioning.model import Reading, Urgency
from childcare_commissioning.monitoring import Completion, Count, Gate, Kpi, Monitoring
from childcare_commissioning_somerset._cite import cite

__all__ = ["MONITORING", "MONITORING_READINGS"]

_AGREED = (
    "The evidence agreed with the Council at the pre contract award meeting and annually "
    "thereafter (3.1: the evidence 'will be discussed, agreed and finalised at a pre "
    "contract award meeting and on an annual basis thereafter'); the text names none."
)
_PLANS = (
    "Each child's outcomes in the support plan agreed with the referrer (3.2 II-III), and "
    "progress at its reviews: initially within 4 weeks of the support being put in place, "
    "then on the review dates agreed at that review (3.1)."
)

MONITORING = Monitoring(
    completions=(
        Completion("urgent-plans-agreed", "plans-agreed"),
        Completion("emergency-plans-agreed", "plans-agreed"),
        Completion("initial-review", "review-held"),
    ),
    opening=("referral-received",),
    kinds=("incident", "concern"),
    year_start_month=4,
    gates=(
        Gate(
            "risk-assessment-before-engagement",
            "Risk assessment (with the staff ratio) agreed by the referrer before engagement",
            requires="risk-assessment-agreed",
            before="support-started",
            citation=cite(
                "3.2 Provider requirements and staff competencies",
                "A copy of the risk assessment (including staff ratio deemed necessary) will be "
                "sent to the referrer (Social Worker) to be agreed before engagement.",
            ),
            exempt={Urgency.URGENT, Urgency.EMERGENCY},
        ),
    ),
    kpis=(
        Kpi(
            "repeat-referrals",
            "Repeat referrals (a case referred again)",
            numerator=Count(event="referral-received", repeat=True),
            denominator=None,
            citation=cite(
                "3.1 Contract Monitoring", "A reduction in the number of repeat referrals."
            ),
            outcome="monitoring-3",
            notes="A count per quarter; the target is a reduction, judged between quarters.",
        ),
    ),
    evidence=(
        *(
            (f"monitoring-{index}", _AGREED + extra)
            for index, extra in (
                (1, ""),
                (2, ""),
                (4, ""),
                (5, " Service user feedback and the improvements it informed."),
                (6, ""),
            )
        ),
        *((f"objective-{index}", _PLANS) for index in (1, 2, 3)),
        ("expected-outcomes", _PLANS),
        (
            "living-at-home-6-months",
            "Care records: each child's first service date and the date of any entry to "
            "care; living_at_home_outcome judges it six calendar months after the first "
            "service (2.2.2).",
        ),
    ),
)

#: How monitoring reads what the text leaves open (shown with the council's readings).
MONITORING_READINGS = (
    Reading(
        "engagement-gate",
        "3.2 II: the risk assessment, with the staff ratio, is sent to the referrer 'to be "
        "agreed before engagement'; 'With urgent referrals where there is a need to engage "
        "quickly' it is agreed 'within 72hrs'.",
        "Engagement is support starting (support-started). For a referral that is neither "
        "urgent nor emergency, support started before the referrer agreed the risk "
        "assessment (risk-assessment-agreed) is a breach: late by the elapsed time until it "
        "was agreed, overdue if it never was. Urgent and emergency referrals follow the 72 "
        "hours instead.",
        cite(
            "3.2 Provider requirements and staff competencies",
            "to be agreed before engagement",
        ),
    ),
)
