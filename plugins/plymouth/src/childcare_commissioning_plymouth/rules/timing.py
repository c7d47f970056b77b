"""Plymouth's time limits, schedules, obligations and escalation."""

from __future__ import annotations

from childcare_commissioning.calendars import EVERY_DAY, CalendarSpec
from childcare_commissioning.deadlines import DeadlineRule, Party
from childcare_commissioning.durations import Direction, Duration, DurationKind
from childcare_commissioning.model import Urgency
from childcare_commissioning.obligations import Obligation, ObligationKind, Relative
from childcare_commissioning.schedules import Phase, Schedule
from childcare_commissioning_plymouth._cite import cite

__all__ = ["CALENDARS", "DEADLINES", "ESCALATION", "OBLIGATIONS"]

K = DurationKind
WORKING = "england-and-wales"

CALENDARS = (
    CalendarSpec(
        id="plymouth-24-7",
        name="24 hours a day, 7 days a week, including bank holidays",
        working_weekdays=EVERY_DAY,
        closed_on_bank_holidays=False,
        citation=cite(
            "3.4 Opening times",
            "services are available 24 hours a day, 7 days a week, including bank holidays",
        ),
        notes="Provider availability and access; working-day limits use England and Wales "
        "working days.",
    ),
)

_DOCS = "3.3 Referral routes"
DEADLINES = (
    DeadlineRule(
        id="council-documents",
        title="Council makes all relevant documents available",
        trigger="package-commenced",
        duration=Duration(K.WORKING_DAYS, 5),
        owed_by=Party.COUNCIL,
        citation=cite(_DOCS, "in any event within 5 working days of commencement of delivery"),
        notes="Wherever possible before delivery starts; 5 working days is the outer limit.",
    ),
    DeadlineRule(
        id="council-planning-meeting",
        title="Council convenes the planning meeting (where required)",
        trigger="package-commenced",
        duration=Duration(K.WORKING_DAYS, 5),
        owed_by=Party.COUNCIL,
        citation=cite(_DOCS, "convene such planning meeting ... within 5 working days"),
    ),
    DeadlineRule(
        id="council-practical-matters",
        title="Council confirms agreed practical matters for temporary accommodation in writing",
        trigger="temporary-accommodation-commenced",
        duration=Duration(K.WORKING_DAYS, 5),
        owed_by=Party.COUNCIL,
        citation=cite(
            _DOCS,
            "confirmed in writing by the Council ... in any event within 5 working days",
        ),
        notes="Only for services in safe temporary accommodation in an emergency or crisis: "
        "the clock starts when delivery in the temporary accommodation commences (trigger "
        "temporary-accommodation-commenced), not for every package.",
    ),
    DeadlineRule(
        id="emergency-commencement",
        title="Services commence (emergency or crisis)",
        trigger="referral-received",
        duration=Duration(K.SAME_DAY),
        urgency=Urgency.EMERGENCY,
        citation=cite(
            "3.3 Access to the service",
            "may require services to commence on the same day as the referral is made",
        ),
        notes="'May require': the same day is the outer limit when the Council asks for it.",
    ),
    DeadlineRule(
        id="first-review",
        title="First review of the service package",
        trigger="package-commenced",
        duration=Duration(K.CALENDAR_DAYS, 28),
        owed_by=Party.BOTH,
        citation=cite(
            "3.1 Key activity", "initially within 28 days of the commencement of delivery"
        ),
        notes="Thereafter as agreed between the Council and the Provider.",
    ),
    DeadlineRule(
        id="provider-notice-to-end",
        title="Provider's notice to end a package (verbal, confirmed in writing)",
        trigger="package-end",
        duration=Duration(K.WEEKS, 1),
        direction=Direction.BEFORE,
        citation=cite(_DOCS, "a minimum of one week's notice"),
        notes="Not required when the immediate safety of the child or young person is in "
        "question; the written confirmation goes to the commissioning mailbox.",
    ),
    DeadlineRule(
        id="unable-to-deliver",
        title="Tell the Council the Provider cannot deliver part of a package",
        trigger="unable-to-deliver",
        duration=Duration(K.IMMEDIATELY),
        citation=cite(_DOCS, "the Provider will make the Council aware of this immediately"),
    ),
    DeadlineRule(
        id="escalate-to-manager",
        title="Reply window of the nominated contact closes (no appropriate reply by the end "
        "of this day: email the other party's nominated manager the next working day)",
        trigger="issue-raised",
        duration=Duration(K.WORKING_DAYS, 3),
        owed_by=Party.BOTH,
        citation=cite(
            "3.3 Escalation process",
            "If an appropriate reply is not received within three working days",
        ),
        notes="Counted from the day the issue was confirmed by email (reading "
        "escalation-reply-window). The date is the last day of the reply window, not a "
        "cut-off for escalating: escalating before it ends is premature.",
    ),
    DeadlineRule(
        id="escalate-to-commissioning",
        title="Reply window of the nominated manager closes (no appropriate reply by the end "
        "of this day: email the Strategic Cooperative Commissioning Team the next working "
        "day)",
        trigger="manager-emailed",
        duration=Duration(K.WORKING_DAYS, 3),
        owed_by=Party.BOTH,
        citation=cite(
            "3.3 Escalation process",
            "not received from the nominated manager within a further three working days",
        ),
        notes="Counted from the day the nominated manager was emailed (reading "
        "escalation-reply-window); the team's address is published as Plyplacements@ "
        "(reading mailbox-spelling).",
    ),
    DeadlineRule(
        id="access-difficulty",
        title="Advise the Council of a difficulty in accessing services for the child",
        trigger="access-difficulty",
        duration=Duration(K.IMMEDIATELY),
        citation=cite(
            "3.1 Key activity",
            "advise the Council of any difficulty in accessing services or support on behalf "
            "of the child or young person",
        ),
        notes="'Without delay' is read as immediately: the text allows no waiting period.",
    ),
    DeadlineRule(
        id="share-mobile-numbers",
        title="Share the mobile numbers of the package's staff with the Council and any other "
        "provider involved",
        trigger="package-commenced",
        duration=Duration(K.IMMEDIATELY),
        direction=Direction.BEFORE,
        citation=cite(
            "4 Networks and links",
            "prior to commencement of the required services, the Provider will ensure that "
            "mobile contact number(s) of relevant staff member(s) are shared with the Council",
        ),
        notes="Due by the moment delivery commences (done at or before it is on time).",
    ),
    DeadlineRule(
        id="notify-immediately",
        title="Notify the Council of a significant or notifiable event",
        trigger="notifiable-event",
        duration=Duration(K.IMMEDIATELY),
        citation=cite(
            "5 Significant and notifiable events",
            "notify the Council immediately of all significant or notifiable events",
        ),
    ),
    DeadlineRule(
        id="notify-in-writing",
        title="Written notification of a significant or notifiable event",
        trigger="notifiable-event",
        duration=Duration(K.CLOCK_HOURS, 24),
        citation=cite(
            "5 Significant and notifiable events",
            "must always be notified to the Council in writing within 24 hours",
        ),
        notes="Elapsed hours: across a clock change 24 hours is 23 or 25 on the clock face.",
    ),
    DeadlineRule(
        id="monitoring-before-review",
        title="Monitoring information before the contract review meeting",
        trigger="contract-review-meeting",
        duration=Duration(K.WORKING_DAYS, 5),
        direction=Direction.BEFORE,
        citation=cite(
            "11 Contract management", "at least 5 working days before each contract review meeting"
        ),
    ),
    DeadlineRule(
        id="bcp-activation-notice",
        title="Notify the Council that the Business Continuity Plan was activated",
        trigger="bcp-activated",
        duration=Duration(K.WORKING_DAYS, 5),
        citation=cite(
            "12 Business continuity",
            "in any event no later than 5 Business Days from the date of such activation",
        ),
        notes="'Business Days' read as England and Wales working days; 'as soon as "
        "reasonably practicable' comes first.",
    ),
)

#: The escalation ladder, in order: who is contacted at each step and the rule that
#: moves the issue to the next step.
ESCALATION = (
    ("nominated contact / nominated social worker or lead professional", None),
    ("the other party's nominated manager", "escalate-to-manager"),
    ("the Strategic Cooperative Commissioning Team", "escalate-to-commissioning"),
    ("senior managers of either party, via the Commissioning Team", None),
)

_QUARTERLY = Schedule(phases=(Phase(Duration(K.MONTHS, 3)),))
_REVIEW = Schedule(
    phases=(
        Phase(Duration(K.MONTHS, 3), until=Duration(K.MONTHS, 12)),
        Phase(Duration(K.MONTHS, 6)),
    )
)
MAILBOX = "Plymplacements@plymouth.gov.uk"
_FIVE_WORKING_DAYS = Duration(K.WORKING_DAYS, 5)
_BEFORE_QUARTER_END = Relative("reporting-quarter-ends", _FIVE_WORKING_DAYS, Direction.BEFORE)
_BEFORE_HALF_YEAR_END = Relative("reporting-half-year-ends", _FIVE_WORKING_DAYS, Direction.BEFORE)
_BEFORE_YEAR_END = Relative("reporting-year-ends", _FIVE_WORKING_DAYS, Direction.BEFORE)
_PERIOD_NOTES = (
    "Periods are counted from entry to the framework, like the contract reviews. Reports "
    "for a period are due with the monitoring information, 5 working days before the "
    "period ends (reading report-due-dates)."
)

OBLIGATIONS = (
    Obligation(
        id="reporting-quarter-ends",
        title="A reporting quarter ends (quarterly reports are due 5 working days before)",
        kind=ObligationKind.EVENT,
        owed_by=Party.BOTH,
        schedule=_QUARTERLY,
        citation=cite("8.1 Key Performance Indicators", "Quarterly report"),
        notes=_PERIOD_NOTES,
    ),
    Obligation(
        id="reporting-half-year-ends",
        title="A six-month reporting period ends (the six-monthly report is due 5 working "
        "days before)",
        kind=ObligationKind.EVENT,
        owed_by=Party.BOTH,
        schedule=Schedule(phases=(Phase(Duration(K.MONTHS, 6)),)),
        citation=cite("8.2 Outcomes", "Six monthly"),
        notes=_PERIOD_NOTES,
    ),
    Obligation(
        id="reporting-year-ends",
        title="A year of framework membership ends (annual plans are due 5 working days before)",
        kind=ObligationKind.EVENT,
        owed_by=Party.BOTH,
        schedule=Schedule(phases=(Phase(Duration(K.YEARS, 1)),)),
        citation=cite("8.2 Outcomes", "Annual Service Improvement Plan"),
        notes=_PERIOD_NOTES,
    ),
    Obligation(
        id="contract-review-meeting",
        title="Contract review meeting",
        kind=ObligationKind.MEETING,
        owed_by=Party.BOTH,
        schedule=_REVIEW,
        citation=cite(
            "11 Contract management",
            "quarterly in the first year following entry to the Framework Agreement, and "
            "thereafter on a six monthly basis",
        ),
        notes="Anchored on entry to the framework; the 12-month meeting closes year one.",
    ),
    Obligation(
        id="monitoring-information",
        title="Monitoring information to the commissioning team",
        kind=ObligationKind.REPORT,
        owed_by=Party.PROVIDER,
        relative_to=Relative(
            "contract-review-meeting", Duration(K.WORKING_DAYS, 5), Direction.BEFORE
        ),
        recipient=MAILBOX,
        citation=cite(
            "11 Contract management", "at least 5 working days before each contract review meeting"
        ),
    ),
    Obligation(
        id="policies-report",
        title="KPI report: policies and procedures reviewed (last review, next due, changes)",
        kind=ObligationKind.REPORT,
        owed_by=Party.PROVIDER,
        relative_to=_BEFORE_QUARTER_END,
        recipient=MAILBOX,
        citation=cite("8.1 Key Performance Indicators", "Quarterly report"),
    ),
    Obligation(
        id="compliments-report",
        title="Compliments, thanks, suggestions and requests report",
        kind=ObligationKind.REPORT,
        owed_by=Party.PROVIDER,
        relative_to=_BEFORE_QUARTER_END,
        recipient=MAILBOX,
        citation=cite("8.1 Key Performance Indicators", "Compliments / Thanks / Suggestions"),
    ),
    Obligation(
        id="complaints-report",
        title="Complaints report (number, subject, stage, learning)",
        kind=ObligationKind.REPORT,
        owed_by=Party.PROVIDER,
        relative_to=_BEFORE_QUARTER_END,
        recipient=MAILBOX,
        citation=cite("8.1 Key Performance Indicators", "Number, subject and stage"),
    ),
    Obligation(
        id="staff-turnover-report",
        title="Staff retention/turnover report (leavers over the last 6 months)",
        kind=ObligationKind.REPORT,
        owed_by=Party.PROVIDER,
        relative_to=_BEFORE_HALF_YEAR_END,
        recipient=MAILBOX,
        citation=cite("8.2 Outcomes", "percentage of leavers over the last 6 months"),
    ),
    Obligation(
        id="service-improvement-plan",
        title="Annual Service Improvement Plan",
        kind=ObligationKind.PLAN,
        owed_by=Party.PROVIDER,
        relative_to=_BEFORE_YEAR_END,
        recipient=MAILBOX,
        citation=cite("8.2 Outcomes", "Annual Service Improvement Plan"),
    ),
    Obligation(
        id="workforce-development-plan",
        title="Annual Workforce Development Plan",
        kind=ObligationKind.PLAN,
        owed_by=Party.PROVIDER,
        relative_to=_BEFORE_YEAR_END,
        recipient=MAILBOX,
        citation=cite("8.2 Outcomes", "Annual Workforce Development Plan"),
    ),
    Obligation(
        id="notifiable-event-notice",
        title="Written notice of a significant or notifiable event",
        kind=ObligationKind.NOTICE,
        owed_by=Party.PROVIDER,
        trigger="notifiable-event",
        deadline="notify-in-writing",
        citation=cite(
            "5 Significant and notifiable events",
            "notified to the Council in writing within 24 hours",
        ),
    ),
    Obligation(
        id="bcp-activation",
        title="Notice of Business Continuity Plan activation",
        kind=ObligationKind.NOTICE,
        owed_by=Party.PROVIDER,
        trigger="bcp-activated",
        deadline="bcp-activation-notice",
        citation=cite("12 Business continuity", "no later than 5 Business Days"),
    ),
    Obligation(
        id="return-interview",
        title="Support the child or young person to take part in a return interview",
        kind=ObligationKind.EVENT,
        owed_by=Party.PROVIDER,
        trigger="missing-episode",
        citation=cite(
            "5 Child or Young Person missing episode",
            "support the child or young person to participate in a return interview as required",
        ),
    ),
    Obligation(
        id="risk-management-meeting",
        title="Work with the Council to convene a Risk Management meeting",
        kind=ObligationKind.MEETING,
        owed_by=Party.BOTH,
        trigger="risks-escalate",
        citation=cite(
            "5 Risk Management", "work with the Council to convene a Risk Management meeting"
        ),
    ),
    Obligation(
        id="notice-to-end",
        title="Notice to end a package of services",
        kind=ObligationKind.NOTICE,
        owed_by=Party.PROVIDER,
        trigger="package-end",
        deadline="provider-notice-to-end",
        recipient=MAILBOX,
        citation=cite("3.3 Referral routes", "a minimum of one week's notice"),
        notes="May be given verbally first, but must be confirmed in writing by secure email "
        "to the Strategic Cooperative Commissioning Team. Not required when the immediate "
        "safety of the child or young person is in question.",
    ),
)
