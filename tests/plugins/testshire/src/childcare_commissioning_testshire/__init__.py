"""Testshire: an invented council for the core's own tests. Not a real specification."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs

from childcare_commissioning import (
    Area,
    Citation,
    CouncilSpec,
    GlossaryTerm,
    Service,
    Specification,
)
from childcare_commissioning.billing import BillingCycle, BillingTerms, MileagePolicy, RateBand
from childcare_commissioning.calendars import AnnualClosure, CalendarSpec, Weekday
from childcare_commissioning.deadlines import DeadlineRule, Party
from childcare_commissioning.durations import Direction, Duration, DurationKind
from childcare_commissioning.eligibility import AgeBand, Cohort
from childcare_commissioning.hookspecs import hookimpl
from childcare_commissioning.measures import OutcomeMeasure
from childcare_commissioning.model import Channel, Status
from childcare_commissioning.monitoring import (
    Completion,
    Count,
    DutyStatus,
    Kpi,
    Monitoring,
    Submission,
)
from childcare_commissioning.obligations import Obligation, ObligationKind, Relative
from childcare_commissioning.referrals import ReferralRoute, RequiredInformation
from childcare_commissioning.register import (
    Duty,
    Register,
    checklist_duty,
    context,
    definition,
    duty,
    not_encoded,
    rule,
)
from childcare_commissioning.safeguarding import (
    Concern,
    Contact,
    NotifiableEvent,
    RouteStep,
    RoutingRule,
)
from childcare_commissioning.schedules import Phase, Schedule
from childcare_commissioning.workforce import Requirement, RequirementKind

SPEC_ID = "testshire"


def cite(clause: str, quote: str) -> Citation:
    """A citation into the invented Testshire specification."""
    return Citation(SPEC_ID, clause, quote)


DUTIES: tuple[Duty, ...] = (
    Duty(
        "no-smoking",
        "Staff do not smoke in a family's home",
        Party.PROVIDER,
        "families and the Council",
        "code of conduct; supervision records",
        "How do you make sure staff never smoke in a family's home?",
        cite("8 Staff", "Staff will not smoke in a family's home."),
    ),
    Duty(
        "safeguarding-policy-review",
        "Review the safeguarding policy and share it with the Council",
        Party.PROVIDER,
        "the Council",
        "the policy with its review date",
        "When was the safeguarding policy last reviewed, and has the Council a copy?",
        cite("6 Monitoring", "review its safeguarding policy every year"),
        schedule=Schedule(phases=(Phase(Duration(DurationKind.YEARS, 1)),)),
    ),
)

#: The account of Testshire's whole text, in its order (see childcare_commissioning.register).
REGISTER = Register(
    (
        context("Title", "TESTSHIRE COUNTY COUNCIL", "(INVENTED FOR TESTS)"),
        definition("1 Purpose", "The Provider will deliver outreach", None, "services/outreach"),
        context("1 Purpose", "Testshire has long valued"),
        rule(
            "2 Scope",
            "The service is home-based outreach",
            "looked after children aged up to 17.",
            "services/outreach",
            "cohorts/children-in-need",
        ),
        rule(
            "3 Hours",
            "The service runs every day",
            "on the next service day.",
            "calendars/testshire-service",
            "deadlines/service-day-callback",
        ),
        rule(
            "4 Referrals",
            "Referrals come only from",
            "within three working days.",
            "routes/social-care",
            "required_information/date-of-birth",
            "deadlines/referral-response",
        ),
        rule(
            "5 Incidents",
            "The Provider will tell the duty team",
            "in writing within 24 hours.",
            "deadlines/immediately",
            "deadlines/incident-notice",
            "notifiable_events/incident",
        ),
        rule(
            "6 Monitoring",
            "Contract review meetings",
            "before each meeting.",
            "obligations/review-meeting",
            "obligations/monitoring-return",
        ),
        duty(
            "6 Monitoring",
            "review its safeguarding policy",
            "share it with the Council.",
            "duties/safeguarding-policy-review",
        ),
        rule(
            "6 Monitoring",
            "Each quarter the Provider reports",
            "against a target of 95%.",
            "outcomes/referral-response-kpi",
        ),
        duty(
            "6 Monitoring",
            "The Provider also reports how families",
            None,
            "duties/outcome-family-rating",
            "outcomes/family-rating",
        ),
        rule(
            "7 Invoicing",
            "The Provider invoices fortnightly",
            "agreed in advance.",
            "billing",
            "billing/rate-bands/outreach",
            "billing/mileage",
        ),
        rule("8 Staff", "Every worker needs an enhanced DBS", None, "workforce/dbs"),
        duty("8 Staff", "Staff will not smoke", None, "duties/no-smoking"),
        rule(
            "9 Safeguarding",
            "Concerns about a child in the north",
            "0113 496 0222.",
            "contacts/north-duty",
            "contacts/lado",
            "routing/child-north",
        ),
        not_encoded(
            "10 Premises",
            "The Council may in future publish",
            None,
            "depends on an appendix the text says is to follow",
        ),
        definition("Appendix A", "Care Plan: reviewed monthly.", None, "glossary/Care Plan"),
        context("Appendix A", "It is written by the social worker"),
    ),
    package="childcare_commissioning_testshire",
)

OUTCOMES = (
    OutcomeMeasure(
        "referral-response-kpi",
        "Referrals answered within three working days",
        cite("6 Monitoring", "the share of referrals answered within three working days"),
        measures=("referrals answered within three working days / referrals received",),
        target="95%",
        reported="quarterly",
    ),
    OutcomeMeasure(
        "family-rating",
        "How families rate the service",
        cite("6 Monitoring", "how families rate the service"),
    ),
)

#: No KPI measures how families rate the service (the text gives no scale or count): it
#: is a checklist item, evidenced by the Provider's report.
DUTIES += (
    checklist_duty(
        OUTCOMES[1],
        "the Provider's report of how families rate the service",
        "How did families rate the service this period, and how were they asked?",
    ),
)

#: What can be monitored from a case record system's events (see
#: childcare_commissioning.monitoring): the response to a referral, the written notice of
#: an incident, the monitoring return and review meeting, and the response KPI.
MONITORING = Monitoring(
    completions=(
        Completion("referral-response", "referral-responded"),
        Completion("service-day-callback", "called-back"),
        Completion("incident-notice", "written-notice-given"),
    ),
    submissions=(
        Submission("monitoring-return", "monitoring-return-submitted"),
        Submission("review-meeting", "review-meeting-held"),
    ),
    kpis=(
        Kpi(
            "referral-response",
            "Referrals answered within three working days",
            numerator=Count(rules=("referral-response",), statuses={DutyStatus.MET}),
            denominator=Count(event="referral-received"),
            citation=cite("6 Monitoring", "against a target of 95%"),
            target=Decimal(95),
            outcome="referral-response-kpi",
        ),
    ),
    kinds=("case-closed",),
)

SPEC = CouncilSpec(
    id="testshire",
    name="Testshire County Council",
    specification=Specification(
        title="Testshire outreach support (invented for tests)",
        version="1.0",
        effective_from=dt.date(2024, 4, 1),
    ),
    citation=cite("1 Purpose", "The Provider will deliver outreach support in Testshire."),
    commissioners=("Testshire County Council",),
    areas=(
        Area("north", "North Testshire", "district"),
        Area("south", "South Testshire", "district"),
    ),
    services=(
        Service(
            "outreach",
            "Outreach support",
            "Home-based outreach for families.",
            cite("2 Scope", "home-based outreach for families"),
        ),
    ),
    calendars=(
        CalendarSpec(
            id="testshire-service",
            name="Every day except bank holidays and 25-26 December",
            working_weekdays=frozenset(Weekday),
            annual_closures=(AnnualClosure(12, 25, "Christmas Day"), AnnualClosure(12, 26)),
            citation=cite("3 Hours", "every day except bank holidays, 25 and 26 December"),
        ),
    ),
    deadlines=(
        DeadlineRule(
            id="referral-response",
            title="Respond to a referral",
            trigger="referral-received",
            duration=Duration(DurationKind.WORKING_DAYS, 3),
            citation=cite("4 Referrals", "respond within three working days"),
        ),
        DeadlineRule(
            id="incident-notice",
            title="Written notice of an incident",
            trigger="incident",
            duration=Duration(DurationKind.CLOCK_HOURS, 24),
            citation=cite("5 Incidents", "in writing within 24 hours"),
        ),
        DeadlineRule(
            id="immediately",
            title="Immediately",
            trigger="concern",
            duration=Duration(DurationKind.IMMEDIATELY),
            citation=cite("5 Incidents", "tell the duty team immediately"),
        ),
        DeadlineRule(
            id="service-day-callback",
            title="Call back on a service day",
            trigger="referral-received",
            duration=Duration(DurationKind.WORKING_DAYS, 1),
            calendar="testshire-service",
            citation=cite("3 Hours", "call back on the next service day"),
        ),
    ),
    obligations=(
        Obligation(
            id="review-meeting",
            title="Contract review meeting",
            kind=ObligationKind.MEETING,
            owed_by=Party.BOTH,
            schedule=Schedule(
                phases=(
                    Phase(
                        Duration(DurationKind.MONTHS, 3), until=Duration(DurationKind.MONTHS, 12)
                    ),
                    Phase(Duration(DurationKind.MONTHS, 6)),
                )
            ),
            citation=cite("6 Monitoring", "quarterly in year one, then six-monthly"),
        ),
        Obligation(
            id="monitoring-return",
            title="Monitoring return",
            kind=ObligationKind.REPORT,
            owed_by=Party.PROVIDER,
            relative_to=Relative(
                "review-meeting", Duration(DurationKind.WORKING_DAYS, 5), Direction.BEFORE
            ),
            citation=cite("6 Monitoring", "at least 5 working days before each meeting"),
        ),
    ),
    routes=(
        ReferralRoute(
            id="social-care",
            name="Testshire children's social care",
            citation=cite("4 Referrals", "referrals come only from Testshire social workers"),
            referrer_roles=frozenset({"social-worker"}),
        ),
    ),
    required_information=(
        RequiredInformation(
            "date-of-birth",
            "child.date_of_birth",
            "ages decide eligibility",
            cite("4 Referrals", "the referral gives the child's date of birth"),
        ),
    ),
    cohorts=(
        Cohort(
            "children-in-need",
            "Children in need or looked after",
            cite("2 Scope", "children in need and looked after children aged up to 17"),
            statuses=frozenset({Status.CHILD_IN_NEED, Status.LOOKED_AFTER}),
            ages=AgeBand(None, 17),
        ),
    ),
    billing=BillingTerms(
        cycle=BillingCycle.FORTNIGHTLY,
        citation=cite("7 Invoicing", "invoices fortnightly in arrears quoting the purchase order"),
        purchase_order_required=True,
        rate_bands=(
            RateBand(
                "outreach",
                "Outreach hourly rate",
                Decimal(15),
                Decimal(20),
                cite("7 Invoicing", "hourly rates between £15 and £20"),
            ),
        ),
        mileage=MileagePolicy(
            Decimal("0.45"), cite("7 Invoicing", "45p a mile, agreed in advance")
        ),
    ),
    workforce=(
        Requirement(
            "dbs",
            RequirementKind.CHECK,
            "dbs-enhanced",
            "Enhanced DBS check every three years",
            cite("8 Staff", "an enhanced DBS check renewed every three years"),
            refresh=Duration(DurationKind.YEARS, 3),
        ),
    ),
    contacts=(
        Contact(
            "north-duty",
            "Testshire County Council",
            "childrens-services",
            cite("9 Safeguarding", "North duty team 0113 496 0111"),
            area="north",
            phone="0113 496 0111",
        ),
        Contact(
            "lado",
            "Testshire Local Authority Designated Officer (LADO)",
            "lado",
            cite("9 Safeguarding", "allegations against staff go to the LADO on 0113 496 0222"),
            phone="0113 496 0222",
        ),
    ),
    routing=(
        RoutingRule(
            "child-north",
            Concern.CHILD,
            (RouteStep("north-duty", Channel.PHONE, "immediately"),),
            cite("9 Safeguarding", "concerns about a child in the north go to the duty team"),
            area="north",
        ),
    ),
    notifiable_events=(
        NotifiableEvent(
            "incident",
            "Serious incident",
            (RouteStep("the social worker", Channel.EMAIL, "incident-notice"),),
            cite("5 Incidents", "in writing within 24 hours"),
        ),
    ),
    glossary=(
        GlossaryTerm(
            "Care Plan",
            "Testshire's own plan for a child, reviewed monthly.",
            cite("Appendix A", "Care Plan: reviewed monthly"),
        ),
    ),
    duties=DUTIES,
    register=REGISTER,
    outcomes=OUTCOMES,
    monitoring=MONITORING,
)


def _earlier_version() -> CouncilSpec:
    """Version 0.9 of Testshire's (invented) text, in force from 1 April 2020 to 31 March
    2024: referrals were answered within five working days, and there was no call back on
    the next service day. Version 1.0 (``SPEC``) replaced it from 1 April 2024."""
    five = Duration(DurationKind.WORKING_DAYS, 5)
    deadlines = tuple(
        attrs.evolve(d, duration=five) if d.id == "referral-response" else d
        for d in SPEC.deadlines
        if d.id != "service-day-callback"
    )
    assert SPEC.monitoring is not None
    assert SPEC.register is not None
    monitoring = attrs.evolve(
        SPEC.monitoring,
        completions=tuple(
            c for c in SPEC.monitoring.completions if c.rule != "service-day-callback"
        ),
        kpis=(),
    )
    entries = tuple(
        attrs.evolve(e, rules=tuple(r for r in e.rules if r != "deadlines/service-day-callback"))
        for e in SPEC.register.entries
    )
    return attrs.evolve(
        SPEC,
        specification=Specification(
            title="Testshire outreach support (invented for tests)",
            version="0.9",
            effective_from=dt.date(2020, 4, 1),
            effective_to=dt.date(2024, 3, 31),
        ),
        deadlines=deadlines,
        monitoring=monitoring,
        register=attrs.evolve(SPEC.register, entries=entries),
    )


#: The earlier version of the text (see :func:`_earlier_version`).
SPEC_V0_9 = _earlier_version()


@hookimpl
def childcare_commissioning_council() -> tuple[CouncilSpec, ...]:
    """Declare Testshire: both versions of its text."""
    return (SPEC_V0_9, SPEC)
