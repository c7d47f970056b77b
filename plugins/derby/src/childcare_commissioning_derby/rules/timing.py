"""Derby's calendars (service hours), deadlines and dated obligations."""

from __future__ import annotations

import datetime as dt

from childcare_commissioning.calendars import (
    EVERY_DAY,
    WEEKDAYS,
    CalendarSpec,
    OpeningHours,
    TimeWindow,
    Weekday,
)
from childcare_commissioning.deadlines import DeadlineRule, Party
from childcare_commissioning.durations import Direction, Duration, DurationKind
from childcare_commissioning.model import Urgency
from childcare_commissioning.obligations import Anchor, Obligation, ObligationKind
from childcare_commissioning.schedules import Phase, Schedule
from childcare_commissioning_derby._cite import cite

__all__ = ["CALENDARS", "DEADLINES", "OBLIGATIONS", "REVIEWS", "WEEKEND"]


K = DurationKind
TIMES = "3.3.6 Services Timescales"
ACCESS = "3.3.1 Accessing the Service"
MONITOR = "3.8.1 Monitoring and Reporting"
PROTECT = "3.4.6 Protection of Children, Young People and Vulnerable Adults"
WEEKEND = frozenset({Weekday.SATURDAY, Weekday.SUNDAY})
CALENDARS = (
    CalendarSpec(
        "derby-daytime",
        "7 days a week, 08:00-20:00",
        working_weekdays=EVERY_DAY,
        closed_on_bank_holidays=False,
        hours=(OpeningHours(EVERY_DAY, (TimeWindow(dt.time(8), dt.time(20)),)),),
        citation=cite(
            TIMES,
            "will be available as required 7 days a week between the hours of 08:00 – 20.00 to deliver support to young people.",
        ),
        notes="Bank holidays are not excepted by the text.",
    ),
    CalendarSpec(
        "derby-office-hours",
        "Normal office hours: Monday to Friday 09:00-17:00 except bank holidays (assumed)",
        hours=(OpeningHours(WEEKDAYS, (TimeWindow(dt.time(9), dt.time(17)),)),),
        citation=cite(
            TIMES,
            "this will operate from normal office closing times to normal office opening times.",
        ),
        notes="Office hours are not given in the text (see 'office-hours').",
    ),
    CalendarSpec(
        "derby-emergency-accommodation",
        "Emergency accommodation contacts, 22:00-09:00",
        working_weekdays=EVERY_DAY,
        closed_on_bank_holidays=False,
        hours=(OpeningHours(EVERY_DAY, (TimeWindow(dt.time(22), dt.time(9)),)),),
        citation=cite(TIMES, "when accommodation is required between 22.00 – 09.00 hours."),
    ),
    CalendarSpec(
        "derby-out-of-hours",
        "Out of hours: outside normal office hours (17:00-09:00 on weekdays; all weekend)",
        working_weekdays=EVERY_DAY,
        closed_on_bank_holidays=False,
        hours=(
            OpeningHours(EVERY_DAY, (TimeWindow(dt.time(17), dt.time(9)),)),
            OpeningHours(WEEKEND, (TimeWindow(dt.time(0), dt.time(0)),)),
        ),
        citation=cite(
            TIMES,
            "Derby City Council's Emergency Careline will have access to numbers on the DPS for out of hours.",
        ),
        bank_holiday_hours=(TimeWindow(dt.time(0), dt.time(0)),),
        notes="The complement of 'derby-office-hours' (see 'office-hours'): open whenever the "
        "office is closed, all day on weekday bank holidays included.",
    ),
)
DEADLINES = (
    DeadlineRule(
        "offer-standard",
        "Provider's offer (standard referral)",
        "referral-received",
        Duration(K.CLOCK_HOURS, 24),
        urgency=Urgency.STANDARD,
        citation=cite(
            ACCESS,
            "Providers will be expected to respond with any offers within 24 hours for a standard referral",
        ),
    ),
    DeadlineRule(
        "offer-urgent",
        "Provider's offer (urgent referral)",
        "referral-received",
        Duration(K.CLOCK_HOURS, 1),
        urgency=Urgency.URGENT,
        citation=cite(ACCESS, "within 1 hour for an urgent referral"),
    ),
    DeadlineRule(
        "offer-emergency",
        "Provider's offer (emergency referral)",
        "referral-received",
        Duration(K.CLOCK_HOURS, 1),
        urgency=Urgency.EMERGENCY,
        citation=cite(ACCESS, "within 1 hour for an urgent referral"),
        notes="An emergency is at least as urgent: one hour.",
    ),
    DeadlineRule(
        "emergency-support",
        "Support in an emergency, when requested the same working day",
        "emergency-request",
        Duration(K.SAME_WORKING_DAY),
        calendar="derby-daytime",
        citation=cite(
            "3.3.5 Emergency Provision Timescales and Processes",
            "On some occasions support may be requested on the same working day.",
        ),
        notes="Working days are the service's own: 7 days a week, bank holidays included "
        "(3.3.6), so a Saturday or Good Friday request is due that day (reading:emergency-same-day).",
    ),
    DeadlineRule(
        "full-information",
        "Council supplies full information after an emergency placement",
        "emergency-placement",
        Duration(K.CLOCK_HOURS, 72),
        owed_by=Party.COUNCIL,
        citation=cite(
            "3.3.5 Emergency Provision Timescales and Processes",
            "with full information supplied within 72 hours.",
        ),
    ),
    DeadlineRule(
        "first-review",
        "Formal review: the package is in place",
        "placement-start",
        Duration(K.WEEKS, 2),
        owed_by=Party.BOTH,
        citation=cite(
            MONITOR,
            "A formal review will be held within 2 weeks to ensure the package is in place then at 3 month intervals",
        ),
    ),
    DeadlineRule(
        "notice-general",
        "Council's written notice to terminate an IPA (any general reason)",
        "ipa-termination",
        Duration(K.CALENDAR_DAYS, 30),
        direction=Direction.BEFORE,
        owed_by=Party.COUNCIL,
        citation=cite(MONITOR, "Any General Reason\t30"),
    ),
    DeadlineRule(
        "notice-specific",
        "Council's written notice to terminate an IPA (more specific reasons)",
        "ipa-termination",
        Duration(K.CALENDAR_DAYS, 14),
        direction=Direction.BEFORE,
        owed_by=Party.COUNCIL,
        citation=cite(MONITOR, "More Specific Reasons\t14"),
    ),
    DeadlineRule(
        "concern-same-day",
        "Safeguarding concern or alert notified to the Council",
        "concern",
        Duration(K.SAME_DAY),
        citation=cite(
            PROTECT,
            "any concerns or alerts have to be notified to the Council the same day.",
        ),
    ),
    DeadlineRule(
        "service-failure",
        "Tell the Council the service cannot be provided",
        "service-failure",
        Duration(K.IMMEDIATELY),
        citation=cite(
            "3.12.1 Emergency Planning",
            "shall notify the Council immediately of any situation where the service cannot be provided.",
        ),
    ),
)
#: A placement's formal reviews: within 2 weeks of its start, then every 3 months.
REVIEWS = Schedule(first=Duration(K.WEEKS, 2), phases=(Phase(Duration(K.MONTHS, 3)),))
#: Duties the text ties to each review, listed on the review's date for each placement
#: (reading 'review-duties'): (id, title, party, clause, quote).
_AT_REVIEW = (
    (
        "review-matrix",
        "At the placement review: re-assess the package with the Risk and Needs matrix",
        Party.BOTH,
        "3.2.4 Lots Overview",
        "The review of each package will involve re-assessing using the matrix to reduce the package and move to independence.",
    ),
    (
        "review-support-plan",
        "Following the placement review: amend the support plan, copies to the young person and the Council",
        Party.PROVIDER,
        MONITOR,
        "The young person's support plan will be amended as appropriate following the review",
    ),
    (
        "review-eia",
        "At the placement review: undertake and document an Equality Impact Assessment",
        Party.PROVIDER,
        "3.4.3 Equality Issues",
        "Equality Impact Assessment (EIA) must be undertaken and documented as part of any service review process",
    ),
)
OBLIGATIONS = (
    *(
        Obligation(
            obligation_id,
            title,
            ObligationKind.DUTY,
            party,
            cite(clause, quote),
            schedule=REVIEWS,
            anchor=Anchor.PACKAGE,
            notes="Due on each placement review's date, anchored on the placement (see "
            "'review-duties'); the text gives no later time.",
        )
        for obligation_id, title, party, clause, quote in _AT_REVIEW
    ),
    Obligation(
        "weekly-support-schedule",
        "Give the young person this week's support schedule (times and dates), seen by the Council",
        ObligationKind.DUTY,
        Party.PROVIDER,
        cite(
            "3.6.5 Time Sheets/Diary Sheets/ Records of Performance",
            "that sets out the details of the care and support they should be receiving on a weekly basis",
        ),
        schedule=Schedule(phases=(Phase(Duration(K.WEEKS, 1)),)),
        anchor=Anchor.PACKAGE,
        notes="For each young person: weekly from their placement's start, to its end (audit "
        "D96). The monthly housing pathway meetings are the Council's, on its dates: a duty "
        "to attend ('pathway-meetings'), never dated by the library.",
    ),
    Obligation(
        "placement-review",
        "Formal review of the placement (within 2 weeks, then every 3 months)",
        ObligationKind.REVIEW,
        Party.BOTH,
        cite(
            MONITOR,
            "A formal review will be held within 2 weeks to ensure the package is in place then at 3 month intervals",
        ),
        schedule=REVIEWS,
        anchor=Anchor.PACKAGE,
        notes="Anchored on each placement's own start, to its end (see 'review-intervals'); "
        "reviews triggered by a significant change or the young person's request are "
        "'review-on-change' and 'review-on-request'.",
    ),
    Obligation(
        "review-on-change",
        "Formal review triggered by a significant change in circumstances",
        ObligationKind.REVIEW,
        Party.BOTH,
        cite(MONITOR, "or may be triggered by any significant change in circumstances"),
        trigger="significant-change",
    ),
    Obligation(
        "review-on-request",
        "Formal review at the young person's request",
        ObligationKind.REVIEW,
        Party.BOTH,
        cite(MONITOR, "or if requested by the young person"),
        trigger="young-person-request",
    ),
    Obligation(
        "access-kpis",
        "Access KPIs: responses within timescale (target 100%), suitable placements offered, placements ending unexpectedly",
        ObligationKind.REPORT,
        Party.PROVIDER,
        cite(
            "3.7.1 Reports",
            "Number of responses received to referrals received by the Council within the specified timescale",
        ),
        schedule=Schedule(months=(1, 4, 7, 10)),
        notes="Quarterly for all four Access measures; the 100% target is the responses "
        "measure's only (see 'performance-table'). One report per UK financial quarter, "
        "the quarters the figures are computed over, due the day after the quarter ends "
        "(see 'quarterly').",
    ),
    Obligation(
        "equality-objectives",
        "One or more equality objectives",
        ObligationKind.PLAN,
        Party.PROVIDER,
        cite(
            "3.14 EQUALITIES", "provide one or more equality objectives at least every four years"
        ),
        schedule=Schedule(phases=(Phase(Duration(K.YEARS, 4)),)),
    ),
    Obligation(
        "significant-change",
        "Notice to the Leaving Care Team and Children in Care of significant changes in need",
        ObligationKind.NOTICE,
        Party.PROVIDER,
        cite(
            MONITOR,
            "shall give notice to the Leaving Care Team and Children in care of any significant changes in a Customer's needs",
        ),
        trigger="significant-change",
        recipient="the Leaving Care Team or Children in Care team, and the young person's social worker",
        notes="3.6.2 also asks for significant changes in circumstances to be reported to "
        "the Council 'and the Social Worker' so that support arrangements are reviewed.",
    ),
    Obligation(
        "sub-contracting",
        "No sub-contractor without the Council's written agreement before it starts work",
        ObligationKind.NOTICE,
        Party.PROVIDER,
        cite(
            "3.4.4 Sub-contractors and staff",
            "No sub-contractors will provide any element of this Service unless agreed in writing by the Council prior to the sub-contractor starting work.",
        ),
        trigger="sub-contracting-proposed",
    ),
    Obligation(
        "timesheets",
        "Timesheets signed by the young person (or parent/carer) confirming hours received",
        ObligationKind.REPORT,
        Party.PROVIDER,
        cite(
            "3.6.5 Time Sheets/Diary Sheets/ Records of Performance",
            "facilitating the Service User and/or their parents/carers to sign time sheets",
        ),
        trigger="support-delivered",
    ),
    Obligation(
        "out-of-hours-numbers",
        "Out of hours numbers available to the Emergency Careline from the contract start",
        ObligationKind.NOTICE,
        Party.PROVIDER,
        cite(
            TIMES,
            "Providers will be expected to ensure that these numbers are available from the start date of the contract.",
        ),
        trigger="contract-start",
    ),
    Obligation(
        "information-sharing-agreement",
        "Information Sharing Agreement (Appendix Three) signed and dated before the contract starts",
        ObligationKind.PLAN,
        Party.PROVIDER,
        cite(
            "3.15 PERSONAL DATA",
            "will adhere to the Information Sharing Agreement at Appendix Three signed and dated prior to contract start",
        ),
        trigger="contract-start",
        notes="Due before the contract start, for the duration of the contract.",
    ),
    Obligation(
        "complaints-report",
        "Report each complaint received to the Council, with the investigation and outcome",
        ObligationKind.REPORT,
        Party.PROVIDER,
        cite(
            "3.9 PROBLEM SOLVING",
            "The provider will be expected to report complaints received to the local authority with a report of the investigations and outcomes.",
        ),
        trigger="complaint-received",
        recipient="derby-city-council",
    ),
)
