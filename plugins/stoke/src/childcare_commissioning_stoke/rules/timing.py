"""Stoke's calendars, deadlines and dated obligations."""

from __future__ import annotations

from childcare_commissioning.calendars import EVERY_DAY, AnnualClosure, CalendarSpec
from childcare_commissioning.deadlines import DeadlineRule, Party
from childcare_commissioning.durations import Duration, DurationKind
from childcare_commissioning.obligations import Obligation, ObligationKind
from childcare_commissioning.schedules import Phase, Schedule
from childcare_commissioning_stoke._cite import cite

__all__ = ["CALENDARS", "DEADLINES", "OBLIGATIONS"]

K = DurationKind
HOURS = "2.3 Accessibility / Days/hours"
CALENDARS = (
    CalendarSpec(
        id="stoke-service",
        name="Every day including evenings and weekends, except bank holidays, Christmas Day and Boxing Day",
        working_weekdays=EVERY_DAY,
        annual_closures=(
            AnnualClosure(12, 25, "Christmas Day"),
            AnnualClosure(12, 26, "Boxing Day"),
        ),
        citation=cite(
            HOURS,
            "The service will operate 52 weeks per year excluding bank holidays and Christmas Day and Boxing Day.",
        ),
        notes="Bank holidays close it; so do 25 and 26 December when they fall at a weekend "
        "(the substitute weekday is then a bank holiday too).",
    ),
)
DEADLINES = (
    DeadlineRule(
        id="pilot-mobilised",
        title="Pilot mobilised",
        trigger="contract-award",
        duration=Duration(K.MONTHS, 3),
        service="pilot",
        citation=cite(
            "1.1 Overall purpose and aims of the service",
            "a 12–month pilot to be mobilised within three months of the contract award",
        ),
    ),
    DeadlineRule(
        id="pilot-evaluation",
        title="Pilot reviewed and evaluated (end of the 12-month pilot)",
        trigger="pilot-mobilised",
        duration=Duration(K.MONTHS, 12),
        owed_by=Party.BOTH,
        service="pilot",
        citation=cite(
            "1.1 Overall purpose and aims of the service",
            "subject to review and evaluation to inform roll out after this period",
        ),
        notes="The 12 months are read as running from mobilisation.",
    ),
    DeadlineRule(
        id="dbs-renewal",
        title="DBS check renewed",
        trigger="dbs-check",
        duration=Duration(K.YEARS, 3),
        citation=cite(
            "4.3 Quality Assurance: safety and consistency",
            "DBS checks for all new staff or volunteers and renewed every 3 years",
        ),
    ),
)
OBLIGATIONS = (
    Obligation(
        id="performance-review",
        title="Performance review with the Commissioners",
        kind=ObligationKind.REVIEW,
        owed_by=Party.BOTH,
        schedule=Schedule(
            phases=(
                Phase(Duration(K.MONTHS, 1), until=Duration(K.MONTHS, 12)),
                Phase(Duration(K.MONTHS, 3)),
            )
        ),
        citation=cite(
            "4.3 Quality Assurance: safety and consistency",
            "In the first year, Performance Reviews will initially be held monthly, moving to three monthly in future years",
        ),
        notes="Three-monthly 'providing performance is satisfactory'; either side may call an "
        "extra review with reasonable notice.",
    ),
    Obligation(
        id="satisfaction-data",
        title="Service user satisfaction data and evaluations",
        kind=ObligationKind.REPORT,
        owed_by=Party.PROVIDER,
        schedule=Schedule(phases=(Phase(Duration(K.MONTHS, 6)),)),
        citation=cite(
            "4.4 Service User involvement",
            "Collect 6 monthly as a minimum Service User satisfaction data",
        ),
    ),
    Obligation(
        id="complaints-report",
        title="Complaints report",
        kind=ObligationKind.REPORT,
        owed_by=Party.PROVIDER,
        schedule=Schedule(phases=(Phase(Duration(K.MONTHS, 3)),)),
        citation=cite(
            "4.2 Local/national quality service standards and guidance",
            "The Provider will report on complaints quarterly",
        ),
    ),
    Obligation(
        id="policies-updated",
        title="Safer recruitment, health and safety, risk and safeguarding policies updated",
        kind=ObligationKind.RENEWAL,
        owed_by=Party.PROVIDER,
        schedule=Schedule(phases=(Phase(Duration(K.YEARS, 1)),)),
        citation=cite(
            "4.3 Quality Assurance: safety and consistency", "which are updated annually"
        ),
    ),
    Obligation(
        id="support-plan",
        title="Support plan with review dates and an envisaged end date, negotiated with the service user",
        kind=ObligationKind.PLAN,
        owed_by=Party.PROVIDER,
        trigger="support-started",
        citation=cite(
            "2.3 Discharge Criteria and Exit Planning",
            "Support plans will identify review dates and an envisaged end date.",
        ),
    ),
    Obligation(
        id="exit-strategy",
        title="Safe exit strategy including relapse prevention, agreed with all involved",
        kind=ObligationKind.PLAN,
        owed_by=Party.PROVIDER,
        trigger="support-ending",
        citation=cite(
            "2.3 Discharge Criteria and Exit Planning",
            "propose a safe exit strategy including relapse prevention",
        ),
    ),
    Obligation(
        id="disengagement",
        title="Follow up disengagement and share it with the referrer",
        kind=ObligationKind.NOTICE,
        owed_by=Party.PROVIDER,
        trigger="disengagement",
        citation=cite(
            "2.3 Engagement / Disengagement",
            "Any disengagement will be shared with the referrer and alternative next steps will be agreed.",
        ),
    ),
    Obligation(
        id="waiting-list",
        title="Prioritise need with the Strategic Manager; keep commissioners updated on the waiting list",
        kind=ObligationKind.REPORT,
        owed_by=Party.PROVIDER,
        trigger="waiting-list",
        citation=cite(
            "2.3 Waiting for Service Commencement",
            "Prioritise need in agreement with the Strategic Manager",
        ),
    ),
    Obligation(
        id="sub-contracting",
        title="No sub-contracting without the commissioner's permission, in writing",
        kind=ObligationKind.NOTICE,
        owed_by=Party.PROVIDER,
        trigger="sub-contracting-proposed",
        citation=cite(
            "3.2 Sub-contractors",
            "The provider may not sub contract any elements of this without the permission of the commissioner.",
        ),
    ),
    Obligation(
        id="media-consent",
        title="No statement to the media about a referred young person without the Press Officer's written consent",
        kind=ObligationKind.NOTICE,
        owed_by=Party.PROVIDER,
        trigger="media-contact",
        citation=cite(
            "4.2 Media Communications",
            "without the prior written consent of the relevant Council Press Officer",
        ),
    ),
)
