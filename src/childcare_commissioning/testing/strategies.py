"""Hypothesis strategies for every model class.

Every new model joins :data:`MODELS`; the core's tests check that none is missing and that
each round-trips through JSON.
"""

from __future__ import annotations

import datetime as dt
import string
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from hypothesis import strategies as st

from childcare_commissioning import billing as bi
from childcare_commissioning import calendars as cal
from childcare_commissioning import contract as ct
from childcare_commissioning import deadlines as dl
from childcare_commissioning import durations as du
from childcare_commissioning import eligibility as el
from childcare_commissioning import measures as me
from childcare_commissioning import model as m
from childcare_commissioning import obligations as ob
from childcare_commissioning import referrals as rf
from childcare_commissioning import repeats as rp
from childcare_commissioning import safeguarding as sg
from childcare_commissioning import schedules as sc
from childcare_commissioning import statuses as stt
from childcare_commissioning import training_matrix as tm
from childcare_commissioning import workforce as wf
from childcare_commissioning.council import CouncilSpec
from childcare_commissioning.errors import Problem
from childcare_commissioning.money import Rounding
from childcare_commissioning.registry import RegisteredCouncil

ids = st.text(string.ascii_lowercase + string.digits, min_size=1, max_size=8)
texts = st.text(min_size=1, max_size=20).filter(lambda s: s.strip() != "")
dates = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2040, 12, 31))
aware_datetimes = st.datetimes(
    # Hypothesis takes naive bounds and applies `timezones` itself.
    min_value=dt.datetime(2000, 1, 1),  # noqa: DTZ001
    max_value=dt.datetime(2040, 12, 31),  # noqa: DTZ001
    timezones=st.sampled_from([dt.UTC, ZoneInfo("Europe/London")]),
)
decimals = st.decimals(min_value=0, max_value=1000, places=2, allow_nan=False)


def optional(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.none() | strategy


citations = st.builds(m.Citation, texts, texts, texts, optional(texts))
findings = st.builds(
    m.Finding, st.sampled_from(m.Severity), texts, texts, texts, optional(citations)
)
people = st.builds(
    m.ChildOrYoungPerson,
    id=texts,
    date_of_birth=optional(dates),
    name=optional(texts),
    address=optional(texts),
    gender=optional(texts),
    ethnicity=optional(texts),
    statuses=st.frozensets(st.sampled_from(m.Status)),
    area=optional(ids),
)
referrers = st.builds(
    m.Referrer, texts, optional(texts), optional(texts), optional(texts), optional(texts)
)


@st.composite
def _referrals(draw: st.DrawFn) -> m.Referral:
    """A referral; its child (if a date of birth is given) was born by the day it arrived."""
    received_at = draw(aware_datetimes)
    referral: m.Referral = draw(
        st.builds(
            m.Referral,
            id=texts,
            received_at=st.just(received_at),
            urgency=st.sampled_from(m.Urgency),
            referrer=referrers,
            child=people.filter(
                lambda child: (
                    child.date_of_birth is None
                    or child.date_of_birth
                    <= received_at.astimezone(ZoneInfo("Europe/London")).date()
                )
            ),
            council=optional(ids),
            service=optional(ids),
            route=optional(texts),
            channel=optional(st.sampled_from(m.Channel)),
            requested_services=st.lists(texts, max_size=3),
            risks=st.lists(texts, max_size=3),
            distance_miles=optional(decimals),
            information=st.dictionaries(ids, texts, max_size=3),
            identified_eligible=st.booleans(),
            care_episodes=st.lists(
                dates.map(lambda d: m.CareEpisode(d, d + dt.timedelta(days=30))), max_size=2
            ),
        )
    )
    return referral


referrals = _referrals()
ratios = st.builds(m.StaffRatio, st.integers(1, 4), st.integers(1, 4))


@st.composite
def packages(draw: st.DrawFn) -> m.Package:
    start = draw(dates)
    end = draw(optional(dates.filter(lambda d: d >= start)))
    return m.Package(
        id=draw(texts),
        council=draw(ids),
        child_id=draw(texts),
        start=start,
        end=end,
        service=draw(optional(ids)),
        purchase_order=draw(optional(texts)),
        hours_per_week=draw(optional(decimals)),
        staff_ratio=draw(optional(ratios)),
        lot=draw(optional(texts)),
        category=draw(optional(texts)),
    )


areas = st.builds(m.Area, ids, texts, texts, optional(citations))
services = st.builds(m.Service, ids, texts, texts, citations)
glossary_terms = st.builds(m.GlossaryTerm, texts, texts, citations)
readings = st.builds(m.Reading, ids, texts, texts, citations, st.text(max_size=10))


@st.composite
def terms(draw: st.DrawFn) -> m.Term:
    start = draw(optional(dates))
    later = dates.filter(lambda d: start is None or d >= start)
    end = draw(later if start is None else optional(later))
    return m.Term(start, end, draw(citations))


@st.composite
def specifications(draw: st.DrawFn) -> m.Specification:
    start = draw(dates)
    end = draw(optional(dates.filter(lambda d: d >= start)))
    return m.Specification(
        draw(texts), draw(texts), start, end, draw(optional(texts)), draw(optional(terms()))
    )


def _unique(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.lists(strategy, max_size=3, unique_by=lambda item: item.id)


times = st.times().map(lambda t: t.replace(microsecond=0))
closures = st.builds(cal.AnnualClosure, st.just(12), st.integers(1, 31), texts) | st.builds(
    cal.AnnualClosure, st.just(2), st.integers(1, 29), texts
)
windows = st.builds(cal.TimeWindow, times, times)
opening_hours = st.builds(
    cal.OpeningHours,
    st.frozensets(st.sampled_from(cal.Weekday), min_size=1),
    st.lists(windows, max_size=2),
)
calendar_specs = st.builds(
    cal.CalendarSpec,
    id=ids,
    name=texts,
    division=st.sampled_from(cal.Division),
    working_weekdays=st.frozensets(st.sampled_from(cal.Weekday), min_size=1),
    closed_on_bank_holidays=st.booleans(),
    annual_closures=st.lists(closures, max_size=2),
    closures=st.lists(dates, max_size=2),
    hours=st.lists(opening_hours, max_size=2),
    timezone=st.just("Europe/London"),
    citation=optional(citations),
    notes=st.text(max_size=10),
)
_unitless = {
    du.DurationKind.SAME_DAY,
    du.DurationKind.SAME_WORKING_DAY,
    du.DurationKind.IMMEDIATELY,
}
durations = st.sampled_from(du.DurationKind).flatmap(
    lambda kind: st.builds(
        du.Duration, st.just(kind), st.just(0) if kind in _unitless else st.integers(1, 60)
    )
)
day_durations = st.builds(
    du.Duration,
    st.sampled_from(
        [
            du.DurationKind.CALENDAR_DAYS,
            du.DurationKind.WEEKS,
            du.DurationKind.MONTHS,
            du.DurationKind.WORKING_DAYS,
        ]
    ),
    st.integers(1, 12),
)
deadline_rules = st.builds(
    dl.DeadlineRule,
    id=ids,
    title=texts,
    trigger=ids,
    duration=durations,
    citation=citations,
    direction=st.sampled_from(du.Direction),
    calendar=st.sampled_from(list(cal.BUILTIN_CALENDARS)),
    owed_by=st.sampled_from(dl.Party),
    urgency=optional(st.sampled_from(m.Urgency)),
    service=optional(ids),
    notes=st.text(max_size=10),
)
deadline_results = st.builds(
    dl.Deadline,
    rule_id=ids,
    title=texts,
    trigger_at=aware_datetimes,
    due_date=dates,
    due_at=optional(aware_datetimes),
    duration=durations,
    direction=st.sampled_from(du.Direction),
    calendar=ids,
    citation=citations,
    projected=st.booleans(),
    owed_by=st.sampled_from(dl.Party),
)
dues = st.builds(du.Due, dates, optional(aware_datetimes))
phases = st.builds(sc.Phase, day_durations, optional(day_durations))
schedules = st.builds(
    sc.Schedule,
    optional(day_durations),
    st.lists(phases, max_size=2),
    st.lists(st.integers(1, 12), max_size=2),
)
periods = st.builds(sc.Period, dates, dates)
financial_years = st.builds(sc.FinancialYear, st.integers(1990, 2040))
relatives = st.builds(ob.Relative, ids, day_durations, st.sampled_from(du.Direction))


@st.composite
def obligations(draw: st.DrawFn) -> ob.Obligation:
    timing = draw(st.sampled_from(["schedule", "relative_to", "trigger"]))
    strategy: st.SearchStrategy[Any] = {
        "schedule": schedules,
        "relative_to": relatives,
        "trigger": ids,
    }[timing]
    chosen: dict[str, Any] = {timing: draw(strategy)}
    return ob.Obligation(
        id=draw(ids),
        title=draw(texts),
        kind=draw(st.sampled_from(ob.ObligationKind)),
        owed_by=draw(st.sampled_from(dl.Party)),
        citation=draw(citations),
        deadline=None,
        recipient=draw(optional(texts)),
        anchor=draw(st.sampled_from(ob.Anchor)),
        **chosen,
    )


occurrences = st.builds(
    ob.Occurrence,
    ids,
    texts,
    st.sampled_from(ob.ObligationKind),
    st.sampled_from(dl.Party),
    dates,
    st.integers(1, 50),
    citations,
    optional(dates),
    optional(texts),
    optional(texts),
)


statuses = st.frozensets(st.sampled_from(m.Status), max_size=3)


@st.composite
def age_bands(draw: st.DrawFn) -> el.AgeBand:
    low = draw(optional(st.integers(0, 30)))
    high = draw(optional(st.integers(low or 0, 40)))
    return el.AgeBand(low, high, draw(st.booleans()), draw(optional(texts)))


cohorts = st.builds(
    el.Cohort,
    id=ids,
    name=texts,
    citation=citations,
    statuses=statuses,
    required_statuses=statuses,
    ages=age_bands(),
    service=optional(ids),
    notes=st.text(max_size=10),
    identified_by=optional(texts),
)
exclusions = st.builds(
    el.Exclusion,
    id=ids,
    name=texts,
    citation=citations,
    statuses=statuses,
    minimum_age=optional(st.integers(0, 40)),
    unless_statuses=statuses,
    effect=st.sampled_from(el.Effect),
    approver=optional(texts),
    service=optional(ids),
    notes=st.text(max_size=10),
)
limits = st.builds(
    el.Limit,
    id=ids,
    name=texts,
    field=texts,
    maximum=decimals,
    citation=citations,
    review_margin=decimals,
    approver=optional(texts),
    unit=st.text(max_size=5),
    service=optional(ids),
    notes=st.text(max_size=10),
    reading=optional(ids),
)
confirmations = st.builds(
    rf.Confirmation,
    st.frozensets(st.sampled_from(m.Channel), min_size=1, max_size=2),
    citations,
    texts,
)
routes = st.builds(
    rf.ReferralRoute,
    id=ids,
    name=texts,
    citation=citations,
    referrer_roles=st.frozensets(ids, max_size=2),
    refused_roles=st.frozensets(ids, max_size=2),
    organisations=st.frozensets(texts, max_size=2),
    channels=st.frozensets(st.sampled_from(m.Channel), max_size=2),
    confirm=optional(confirmations),
    when=st.sampled_from(rf.RouteTime),
    calendar=optional(ids),
    service=optional(ids),
    notes=st.text(max_size=10),
)
required_information = st.builds(
    rf.RequiredInformation,
    ids,
    texts,
    texts,
    citations,
    optional(ids),
    optional(st.sampled_from(m.Urgency)),
)
offers = st.builds(rf.Offer, ids, texts, citations, optional(ids), st.text(max_size=10))
care_episodes = st.builds(m.CareEpisode, dates, st.none())
status_definitions = st.builds(
    stt.StatusDefinition,
    ids,
    st.sampled_from(m.Status),
    citations,
    st.integers(0, 200),
    st.integers(0, 20),
    optional(st.integers(0, 30)),
    st.booleans(),
    optional(st.integers(0, 25)),
    st.lists(ids, max_size=2).map(tuple),
    st.text(max_size=10),
    st.booleans(),
)
status_results = st.builds(
    stt.StatusResult,
    ids,
    st.booleans(),
    st.integers(0, 30),
    st.integers(0, 999),
    st.booleans(),
    optional(dates),
    st.booleans(),
)
offer_lists = st.builds(
    rf.OfferList,
    ids,
    citations,
    st.booleans(),
    optional(texts),
    optional(ids),
    st.text(max_size=10),
)
area_rules = st.builds(
    el.AreaRule,
    ids,
    st.frozensets(ids, max_size=3),
    citations,
    st.sampled_from(el.Effect),
    optional(texts),
    optional(ids),
    st.text(max_size=10),
)
referral_decisions = st.builds(
    rf.ReferralDecision,
    council=ids,
    service=optional(ids),
    referral_id=texts,
    outcome=st.sampled_from(rf.Outcome),
    age=optional(st.integers(0, 30)),
    findings=st.lists(findings, max_size=3),
    deadlines=st.lists(deadline_results, max_size=2),
)


money = st.decimals(min_value=0, max_value=500, places=2, allow_nan=False)
percents = st.decimals(min_value=0, max_value=100, places=1, allow_nan=False)


@st.composite
def rate_bands(draw: st.DrawFn) -> bi.RateBand:
    low = draw(money)
    return bi.RateBand(draw(ids), draw(texts), low, low + draw(money), draw(citations), "hour")


rates = st.builds(
    bi.Rate,
    money,
    dates,
    st.sampled_from(bi.RateCondition),
    optional(windows),
    optional(ids),
)
mileage_agreements = st.builds(bi.MileageAgreement, ids, dates)
quotations = st.builds(
    bi.Quotation,
    texts,
    st.lists(rates, max_size=3),
    st.lists(mileage_agreements, max_size=2),
    optional(texts),
)
mileage_policies = st.builds(bi.MileagePolicy, money, citations, st.booleans())
retentions = st.builds(
    bi.Retention,
    percents,
    st.sampled_from(bi.Release),
    citations,
    st.booleans(),
    st.frozensets(financial_years.map(lambda year: year.label), max_size=2),
)
block_discounts = st.builds(bi.BlockDiscount, st.integers(1, 10), optional(percents), citations)
contribution_terms = st.builds(
    bi.ContributionTerm,
    ids,
    texts,
    st.sampled_from(bi.Component),
    citations,
    st.frozensets(ids, max_size=2),
)
weekly_costs = st.builds(bi.WeeklyCost, dates, money, money)
notices = st.one_of(
    st.builds(bi.Notice, dates, rule=ids),
    st.builds(bi.Notice, dates, days=st.integers(1, 60), basis=optional(texts)),
)
contributions = st.builds(bi.Contribution, ids, money, dates)
blocks = st.builds(bi.Block, texts, st.integers(1, 20), optional(percents))
weekly_agreements = st.builds(
    bi.WeeklyAgreement,
    texts,
    st.lists(weekly_costs, min_size=1, max_size=3),
    optional(notices),
    optional(texts),
    st.lists(contributions, max_size=2),
)
budgets = st.builds(
    bi.Budget,
    texts,
    money,
    citations,
    optional(ids),
    optional(dates),
    optional(dates),
    st.frozensets(ids, max_size=2),
    st.booleans(),
)
payment_terms = st.builds(bi.PaymentTerms, texts, citations)
billing_terms = st.builds(
    bi.BillingTerms,
    cycle=st.sampled_from(bi.BillingCycle),
    citation=citations,
    in_arrears=st.booleans(),
    purchase_order_required=st.booleans(),
    rate_bands=st.lists(rate_bands(), max_size=2),
    mileage=optional(mileage_policies),
    retention=optional(retentions),
    block_discount=optional(block_discounts),
    contributions=st.lists(contribution_terms, max_size=2),
    budgets=st.lists(budgets, max_size=2),
    rounding=st.sampled_from(Rounding),
    notes=st.text(max_size=10),
    payment_terms=optional(payment_terms),
)
planned_sessions = st.builds(
    bi.PlannedSession, texts, texts, dates, st.integers(0, 600), optional(times)
)
claims = st.builds(bi.Claim, texts, texts, dates, money, optional(texts), texts)
delivery_records = st.builds(
    bi.DeliveryRecord,
    id=texts,
    package_id=texts,
    date=dates,
    status=st.just(bi.RecordStatus.DELIVERED),
    hours=st.integers(0, 600).map(lambda m: Decimal(m) / 60).filter(lambda h: not (h * 60) % 1),
    worker_id=optional(texts),
    planned_id=optional(texts),
    miles=money,
    mileage_agreement=optional(texts),
    purchase_order=optional(texts),
    confirmed_by=optional(texts),
    end_date=optional(dates),
)
invoice_lines = st.builds(
    bi.InvoiceLine,
    st.sampled_from(bi.LineKind),
    texts,
    money,
    texts,
    money,
    money,
    ids,
    optional(citations),
    optional(dates),
    optional(texts),
    optional(texts),
    optional(st.integers(-600, 600)),
)
invoices = st.builds(
    bi.Invoice,
    number=texts,
    council=ids,
    package_id=texts,
    purchase_order=optional(texts),
    period=periods,
    issued_on=dates,
    lines=st.lists(invoice_lines, max_size=3),
    net=money,
    withheld=money,
    payable=money,
    record_ids=st.lists(texts, max_size=3),
)
invoice_runs = st.builds(
    bi.InvoiceRun,
    ids,
    dates,
    st.lists(invoices, max_size=2),
    st.lists(findings, max_size=2),
    st.lists(texts, max_size=2),
    st.lists(texts, max_size=2),
)
package_invoices = st.builds(
    bi.PackageInvoices,
    texts,
    st.lists(invoices, max_size=2),
    st.lists(findings, max_size=2),
    st.lists(texts, max_size=2),
    st.lists(texts, max_size=2),
    st.booleans(),
)
retention_years = st.builds(bi.RetentionYear, texts, money, dates, optional(dates), optional(dates))
ledgers = st.builds(bi.Ledger, money, money, money, money, st.lists(retention_years, max_size=2))
budget_uses = st.builds(bi.BudgetUse, budgets, money, optional(findings))


scopes = st.builds(
    wf.Scope, st.booleans(), st.frozensets(ids, max_size=2), st.frozensets(ids, max_size=2)
)
requirements = st.builds(
    wf.Requirement,
    id=ids,
    kind=st.sampled_from(wf.RequirementKind),
    subject=ids,
    wording=texts,
    citation=citations,
    scope=scopes,
    refresh=optional(day_durations),
    level=optional(st.integers(1, 4)),
    alternatives=st.frozensets(ids, max_size=2),
    experience_years=optional(st.integers(0, 5)),
    count=st.integers(1, 3),
    last_employer=st.booleans(),
    approver=optional(texts),
    team=st.booleans(),
    team_minimum=st.integers(1, 3),
    provider_matrix=st.booleans(),
    notes=st.text(max_size=10),
)
completions = st.builds(wf.Completion, texts, dates, optional(st.integers(1, 4)))
qualifications = st.builds(wf.Qualification, texts, optional(dates))
references = st.builds(wf.Reference, dates, st.booleans(), optional(texts))
declarations = st.builds(wf.Declaration, texts, dates, st.booleans(), optional(dates))
registrations = st.builds(wf.Registration, texts, dates, optional(texts))
workers = st.builds(
    wf.Worker,
    id=texts,
    roles=st.frozensets(ids, max_size=2),
    direct_work=st.booleans(),
    works_with=optional(st.frozensets(ids, max_size=2)),
    tasks=st.frozensets(ids, max_size=2),
    completions=st.lists(completions, max_size=3),
    qualifications=st.lists(qualifications, max_size=2),
    experience_since=optional(dates),
    references=st.lists(references, max_size=2),
    declarations=st.lists(declarations, max_size=2),
    registrations=st.lists(registrations, max_size=2),
    name=optional(texts),
)
lapses = st.builds(wf.Lapse, ids, texts, dates, citations)
worker_reports = st.builds(
    wf.WorkerReport, texts, dates, st.lists(findings, max_size=2), st.lists(lapses, max_size=2)
)
roster_reports = st.builds(
    wf.RosterReport, dates, st.lists(worker_reports, max_size=2), st.lists(findings, max_size=2)
)
contacts = st.builds(
    sg.Contact,
    id=ids,
    organisation=texts,
    role=ids,
    citation=citations,
    area=optional(ids),
    phone=optional(texts),
    email=optional(texts),
    url=optional(texts),
    hours=optional(ids),
    variant_of=optional(ids),
    notes=st.text(max_size=10),
)
route_steps = st.builds(
    sg.RouteStep,
    texts,
    st.sampled_from(m.Channel),
    ids,
    st.sampled_from(rf.RouteTime),
    optional(ids),
    st.lists(texts, max_size=2),
)
routing_rules = st.builds(
    sg.RoutingRule,
    ids,
    st.sampled_from(sg.Concern),
    st.lists(route_steps, max_size=2),
    citations,
    optional(ids),
    st.text(max_size=10),
)
notifiable_events = st.builds(
    sg.NotifiableEvent,
    ids,
    texts,
    st.lists(route_steps, max_size=2),
    citations,
    st.text(max_size=10),
)
routed = st.builds(
    sg.Routed,
    texts,
    optional(contacts),
    st.sampled_from(m.Channel),
    deadline_results,
    st.lists(texts, max_size=2),
)
routings = st.builds(
    sg.Routing,
    st.sampled_from(sg.Concern),
    optional(ids),
    st.booleans(),
    st.lists(routed, max_size=2),
    st.lists(contacts, max_size=2),
    st.text(max_size=20),
)


outcome_measures = st.builds(
    me.OutcomeMeasure,
    ids,
    texts,
    citations,
    st.lists(texts, max_size=2),
    optional(texts),
    optional(texts),
    optional(texts),
    optional(ids),
)


@st.composite
def reference_tables(draw: st.DrawFn) -> me.ReferenceTable:
    columns = draw(st.lists(texts, min_size=1, max_size=3))
    rows = draw(st.lists(st.lists(texts, min_size=len(columns), max_size=len(columns)), max_size=3))
    return me.ReferenceTable(
        draw(ids), draw(texts), columns, rows, draw(citations), draw(st.text(max_size=10))
    )


@st.composite
def council_specs(draw: st.DrawFn) -> CouncilSpec:
    obligation_list = [
        o for o in draw(_unique(obligations())) if o.relative_to is None
    ]  # relative ones need a target; the converter test covers them via plugins
    return CouncilSpec(
        id=draw(ids),
        name=draw(texts),
        specification=draw(specifications()),
        citation=draw(citations),
        commissioners=draw(st.lists(texts, max_size=3)),
        areas=draw(_unique(areas)),
        services=draw(_unique(services)),
        glossary=draw(st.lists(glossary_terms, max_size=2)),
        readings=draw(_unique(readings)),
        calendars=draw(_unique(calendar_specs)),
        deadlines=draw(_unique(deadline_rules)),
        obligations=obligation_list,
        routes=draw(_unique(routes)),
        required_information=draw(_unique(required_information)),
        offers=draw(_unique(offers)),
        cohorts=draw(_unique(cohorts)),
        exclusions=draw(_unique(exclusions)),
        limits=draw(_unique(limits)),
        billing=draw(optional(billing_terms)),
        workforce=draw(_unique(requirements)),
        contacts=draw(_unique(contacts)),
        outcomes=draw(_unique(outcome_measures)),
        reference_tables=draw(_unique(reference_tables())),
        offer_lists=draw(_unique(offer_lists)),
        area_rules=draw(_unique(area_rules)),
        status_definitions=draw(_unique(status_definitions)),
    )


repeat_referrals = st.builds(
    rp.RepeatReferral, texts, texts, aware_datetimes, texts, aware_datetimes
)
repeat_counts = st.builds(
    rp.RepeatCount, dates, dates, st.integers(0, 50), st.lists(repeat_referrals, max_size=2)
)

matrix_entries = st.builds(
    tm.MatrixEntry,
    ids,
    st.builds(
        du.Duration,
        st.sampled_from(sorted(tm.REFRESHER_KINDS)),
        st.integers(1, 36),
    ),
)
training_matrices = st.builds(
    tm.TrainingMatrix,
    st.lists(matrix_entries, max_size=3, unique_by=lambda e: e.subject),
    st.text(max_size=10),
)
variables = st.builds(
    ct.Variable,
    ids,
    st.sampled_from(ct.VariationKind),
    citations,
    st.frozensets(ids, max_size=3),
    st.text(max_size=10),
)
contract_dates = st.builds(
    ct.ContractDate, ids.filter(lambda e: e not in (ct.CONTRACT_START, ct.CONTRACT_END)), dates
)
deadline_variations = st.builds(ct.DeadlineVariation, ids, durations)
cycle_variations = st.builds(
    ct.CycleVariation, st.sampled_from(bi.BillingCycle), st.lists(ids, max_size=2)
)
schedule_variations = st.builds(ct.ScheduleVariation, ids, schedules)


@st.composite
def contracts(draw: st.DrawFn) -> ct.Contract:
    start = draw(dates)
    return ct.Contract(
        draw(ids),
        draw(texts),
        start,
        draw(optional(dates.filter(lambda d: d >= start))),
        draw(optional(texts)),
        draw(optional(texts)),
        draw(st.lists(contract_dates, max_size=2, unique_by=lambda d: d.event)),
        draw(st.lists(packages(), max_size=2, unique_by=lambda p: p.id)),
        draw(st.lists(deadline_variations, max_size=2)),
        draw(st.lists(cycle_variations, max_size=2)),
        draw(optional(training_matrices)),
        draw(st.lists(schedule_variations, max_size=2)),
    )


MODELS: dict[type, st.SearchStrategy[Any]] = {
    m.Term: terms(),
    ct.Variable: variables,
    ct.ContractDate: contract_dates,
    ct.DeadlineVariation: deadline_variations,
    ct.CycleVariation: cycle_variations,
    ct.ScheduleVariation: schedule_variations,
    ct.Contract: contracts(),
    tm.MatrixEntry: matrix_entries,
    tm.TrainingMatrix: training_matrices,
    rp.RepeatReferral: repeat_referrals,
    rp.RepeatCount: repeat_counts,
    m.Citation: citations,
    m.Finding: findings,
    m.ChildOrYoungPerson: people,
    m.Referrer: referrers,
    m.Referral: referrals,
    m.StaffRatio: ratios,
    m.Package: packages(),
    m.Area: areas,
    m.Service: services,
    m.GlossaryTerm: glossary_terms,
    m.Reading: readings,
    m.Specification: specifications(),
    CouncilSpec: council_specs(),
    Problem: st.builds(Problem, texts, texts, ids),
    RegisteredCouncil: st.builds(RegisteredCouncil, council_specs(), texts, texts, ids),
    cal.AnnualClosure: closures,
    cal.TimeWindow: windows,
    cal.OpeningHours: opening_hours,
    cal.CalendarSpec: calendar_specs,
    du.Duration: durations,
    du.Due: dues,
    dl.DeadlineRule: deadline_rules,
    dl.Deadline: deadline_results,
    sc.Phase: phases,
    sc.Schedule: schedules,
    sc.Period: periods,
    sc.FinancialYear: financial_years,
    ob.Relative: relatives,
    ob.Obligation: obligations(),
    ob.Occurrence: occurrences,
    el.AgeBand: age_bands(),
    el.Cohort: cohorts,
    el.Exclusion: exclusions,
    el.Limit: limits,
    rf.ReferralRoute: routes,
    rf.Confirmation: confirmations,
    rf.RequiredInformation: required_information,
    rf.ReferralDecision: referral_decisions,
    rf.Offer: offers,
    rf.OfferList: offer_lists,
    m.CareEpisode: care_episodes,
    stt.StatusDefinition: status_definitions,
    stt.StatusResult: status_results,
    el.AreaRule: area_rules,
    bi.RateBand: rate_bands(),
    bi.Rate: rates,
    bi.Quotation: quotations,
    bi.MileageAgreement: mileage_agreements,
    bi.MileagePolicy: mileage_policies,
    bi.Retention: retentions,
    bi.BlockDiscount: block_discounts,
    bi.Budget: budgets,
    bi.ContributionTerm: contribution_terms,
    bi.WeeklyCost: weekly_costs,
    bi.Notice: notices,
    bi.Contribution: contributions,
    bi.Block: blocks,
    bi.WeeklyAgreement: weekly_agreements,
    bi.BillingTerms: billing_terms,
    bi.PaymentTerms: payment_terms,
    bi.PlannedSession: planned_sessions,
    bi.Claim: claims,
    bi.DeliveryRecord: delivery_records,
    bi.InvoiceLine: invoice_lines,
    bi.Invoice: invoices,
    bi.InvoiceRun: invoice_runs,
    bi.PackageInvoices: package_invoices,
    bi.RetentionYear: retention_years,
    bi.Ledger: ledgers,
    bi.BudgetUse: budget_uses,
    wf.Scope: scopes,
    wf.Requirement: requirements,
    wf.Completion: completions,
    wf.Qualification: qualifications,
    wf.Reference: references,
    wf.Declaration: declarations,
    wf.Registration: registrations,
    wf.Worker: workers,
    wf.Lapse: lapses,
    wf.WorkerReport: worker_reports,
    wf.RosterReport: roster_reports,
    sg.Contact: contacts,
    sg.RouteStep: route_steps,
    sg.RoutingRule: routing_rules,
    sg.NotifiableEvent: notifiable_events,
    sg.Routed: routed,
    sg.Routing: routings,
    me.OutcomeMeasure: outcome_measures,
    me.ReferenceTable: reference_tables(),
}
