"""Somerset's calendars, deadlines and dated obligations."""

from __future__ import annotations

import datetime as dt

from childcare_commissioning.calendars import (
    EVERY_DAY,
    WEEKDAYS,
    CalendarSpec,
    OpeningHours,
    TimeWindow,
)
from childcare_commissioning.deadlines import DeadlineRule, Party
from childcare_commissioning.durations import Duration, DurationKind
from childcare_commissioning.model import Urgency
from childcare_commissioning.obligations import Obligation, ObligationKind
from childcare_commissioning.schedules import Phase, Schedule
from childcare_commissioning_somerset._cite import cite

__all__ = ["CALENDARS", "DEADLINES", "OBLIGATIONS"]

K = DurationKind
ACCESS = "2.6 Service Access and Availability"
STAFF = "3.2 Provider requirements and staff competencies"
CALENDARS = (
    CalendarSpec(
        id="somerset-working-hours",
        name="Working hours: Monday to Friday 09:00-17:00 except bank holidays (assumed)",
        hours=(OpeningHours(WEEKDAYS, (TimeWindow(dt.time(9), dt.time(17)),)),),
        citation=cite(
            "Glossary",
            "The Council's and District and Borough Council's (out of working hours) emergency response team.",
        ),
        notes="The text names 'working hours' but never gives them; 09:00-17:00 on working days "
        "is the reading chosen (see 'working-hours').",
    ),
    CalendarSpec(
        id="somerset-service-hours",
        name="The service's availability: every hour of every day, bank holidays included",
        working_weekdays=EVERY_DAY,
        closed_on_bank_holidays=False,
        citation=cite(ACCESS, "available out of hours"),
        notes="'Available out of hours' and 'available immediately': the Provider's service "
        "never closes (see the reading 'availability'). The Council's own working hours "
        "(somerset-working-hours) decide only who sends a request.",
    ),
)
DEADLINES = (
    DeadlineRule(
        "available-immediately",
        "Respond to a support request at once, at any hour of any day",
        "referral-received",
        Duration(K.IMMEDIATELY),
        calendar="somerset-service-hours",
        citation=cite(ACCESS, "available immediately"),
        notes="'Available out of hours' and 'available immediately': the Provider answers a "
        "request when it arrives, nights, weekends and bank holidays included. Engagement "
        "itself follows the risk assessment (3.2 II; within 72 hours for urgent referrals).",
    ),
    DeadlineRule(
        "urgent-plans-agreed",
        "Risk assessments, outcomes and support plans agreed with the referrer (urgent referrals)",
        "referral-received",
        Duration(K.CLOCK_HOURS, 72),
        urgency=Urgency.URGENT,
        owed_by=Party.BOTH,
        citation=cite(
            STAFF,
            "all risk assessments, outcomes and support plans will be agreed with the referrer within 72hrs",
        ),
    ),
    DeadlineRule(
        "emergency-plans-agreed",
        "Risk assessments, outcomes and support plans agreed with the referrer (emergency referrals)",
        "referral-received",
        Duration(K.CLOCK_HOURS, 72),
        urgency=Urgency.EMERGENCY,
        owed_by=Party.BOTH,
        citation=cite(STAFF, "With urgent referrals where there is a need to engage quickly"),
        notes="An emergency is at least as urgent as an urgent referral: the 72 hours apply.",
    ),
    DeadlineRule(
        "initial-review",
        "Support plan reviewed initially",
        "support-started",
        Duration(K.WEEKS, 4),
        owed_by=Party.BOTH,
        citation=cite(
            "3.1 Contract Monitoring",
            "support plans will be reviewed initially within 4 weeks of the support being put in place",
        ),
    ),
    DeadlineRule(
        "incident-reported",
        "Inform the Social Worker (or the Duty Worker out of hours) of an accident or incident",
        "incident",
        Duration(K.IMMEDIATELY),
        citation=cite(
            STAFF, "inform the Social Worker/Duty Worker (out of hours) as soon as possible"
        ),
        notes="'As soon as possible' is encoded as immediately (see 'as-soon-as-possible').",
    ),
    DeadlineRule(
        "safeguarding-liaison",
        "Liaise with SCC Children's Social Care about a safeguarding concern",
        "concern",
        Duration(K.IMMEDIATELY),
        citation=cite(
            STAFF,
            "The Provider will liaise immediately with SCC Children's Social Care if there are any safeguarding concerns.",
        ),
    ),
)
OBLIGATIONS = (
    Obligation(
        "risk-assessment",
        "Risk assessment (including the staff ratio) sent to the referring social worker, agreed before engagement",
        ObligationKind.REPORT,
        Party.PROVIDER,
        cite(
            STAFF,
            "A copy of the risk assessment (including staff ratio deemed necessary) will be sent to the referrer (Social Worker) to be agreed before engagement.",
        ),
        trigger="referral-received",
    ),
    Obligation(
        "support-plan",
        "Support plan from a full assessment, agreed with the referrer, parents and carers included",
        ObligationKind.PLAN,
        Party.PROVIDER,
        cite(STAFF, "the Provider will meet with the referrer to agree the plans"),
        trigger="referral-accepted",
    ),
    Obligation(
        "initial-review",
        "Initial review of the support plan",
        ObligationKind.REVIEW,
        Party.BOTH,
        cite("3.1 Contract Monitoring", "within 4 weeks of the support being put in place"),
        trigger="support-started",
        deadline="initial-review",
    ),
    Obligation(
        "daily-log",
        "Daily log",
        ObligationKind.REPORT,
        Party.PROVIDER,
        cite(STAFF, "The Provider will keep daily logs"),
        trigger="support-day",
    ),
    Obligation(
        "incident-form",
        "Accident/incident form, and the social worker or duty worker informed",
        ObligationKind.NOTICE,
        Party.PROVIDER,
        cite(STAFF, "complete accident/incident forms"),
        trigger="incident",
        deadline="incident-reported",
    ),
    Obligation(
        "statutory-reviews",
        "Contribute to statutory reviews",
        ObligationKind.REVIEW,
        Party.PROVIDER,
        cite(STAFF, "contribute to any statutory review process that is required"),
        trigger="statutory-review",
    ),
    Obligation(
        "monitoring-evidence",
        "Evidence for the contract monitoring outcomes, agreed annually",
        ObligationKind.REPORT,
        Party.PROVIDER,
        cite(
            "3.1 Contract Monitoring",
            "discussed, agreed and finalised at a pre contract award meeting and on an annual basis thereafter",
        ),
        schedule=Schedule(phases=(Phase(Duration(K.YEARS, 1)),)),
        notes="Agreed first at the pre contract award meeting (before the contract starts), "
        "then every year on the contract's anniversary.",
    ),
)
