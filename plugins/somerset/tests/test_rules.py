"""Somerset: hand-worked tests of the declarations in ``rules/`` (calendars, deadlines,
obligations, routes, cohorts, staff requirements, safeguarding, billing). Every expected
value is worked out by hand from the text, with the working in the docstring."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from childcare_commissioning_somerset import (
    LOOKED_AFTER_DEFINITION,
    MILEAGE,
    SPEC,
)

from childcare_commissioning import ChildOrYoungPerson, Referral, Referrer, Status, Urgency
from childcare_commissioning.billing import (
    DeliveryRecord,
    MileageAgreement,
    PlannedSession,
    Quotation,
    Rate,
    RecordStatus,
    run_invoices,
)
from childcare_commissioning.convert import structure
from childcare_commissioning.deadlines import evaluate, resolve_calendar
from childcare_commissioning.formats.ssda903 import load
from childcare_commissioning.model import CareEpisode, Channel, Package
from childcare_commissioning.obligations import obligations_between
from childcare_commissioning.referrals import Outcome, check_referral
from childcare_commissioning.registry import load_registry
from childcare_commissioning.safeguarding import Concern, notify, route, route_concern
from childcare_commissioning.statuses import evaluate_status
from childcare_commissioning.workforce import Completion, Worker, check_worker

from .helpers import LONDON, MONDAY_10AM, D, june_referral, referral


def at(*parts: int, fold: int = 0) -> dt.datetime:
    """A Europe/London wall-clock instant (``fold=1``: the second of a repeated hour)."""
    return dt.datetime(*parts, tzinfo=LONDON, fold=fold)  # type: ignore[misc]


def unrouted_referral(**changes: object) -> Referral:
    """A 14-year-old on the edge of care, referred by an SCC social worker via the portal,
    naming no route (so the core chooses one by the hour)."""
    base = Referral(
        id="R",
        received_at=at(2025, 1, 6, 10),
        urgency=Urgency.STANDARD,
        referrer=Referrer(
            "social-worker", organisation="Somerset County Council", team="Placements Team"
        ),
        child=ChildOrYoungPerson(
            "YP",
            area="taunton",
            date_of_birth=D(2011, 1, 1),
            statuses=frozenset({Status.EDGE_OF_CARE}),
        ),
        service="crisis-homecare",
        channel=Channel.PORTAL,
    )
    return attrs.evolve(base, **changes)  # type: ignore[misc, arg-type]


PLACEMENTS = Referrer("social-worker", organisation="SCC", team="Placements Team")

EDT = Referrer("social-worker", organisation="SCC", team="Emergency Duty Team")

LOCALITY = Referrer("social-worker", organisation="SCC", team="Taunton locality team")

NO_TEAM = Referrer("social-worker", organisation="SCC")

#: (referrer, instant, expected outcome), each worked from 2.6 e "All support requests will
#: come from the Placements Team, unless out of hours, when requests will come from EDT",
#: with working hours read as 09:00-17:00 Monday to Friday except England and Wales bank
#: holidays (reading 'working-hours').
TEAM_CASES = [
    (PLACEMENTS, at(2025, 1, 6, 16, 59), Outcome.ELIGIBLE),  # Monday 16:59, in hours
    (PLACEMENTS, at(2025, 1, 6, 17, 0), Outcome.NOT_ELIGIBLE),  # 17:00 is out of hours
    (PLACEMENTS, at(2024, 12, 27, 22, 15), Outcome.NOT_ELIGIBLE),  # Friday night
    (PLACEMENTS, at(2025, 1, 11, 10, 0), Outcome.NOT_ELIGIBLE),  # Saturday 10:00
    (PLACEMENTS, at(2025, 5, 26, 10, 0), Outcome.NOT_ELIGIBLE),  # Spring bank holiday Monday
    (EDT, at(2025, 1, 11, 10, 0), Outcome.ELIGIBLE),  # EDT on Saturday
    (EDT, at(2025, 5, 26, 10, 0), Outcome.ELIGIBLE),  # EDT on the bank holiday
    (EDT, at(2025, 1, 6, 10, 0), Outcome.NOT_ELIGIBLE),  # EDT in hours
    (EDT, at(2025, 1, 7, 8, 59), Outcome.ELIGIBLE),  # Tuesday before 09:00
    (LOCALITY, at(2025, 1, 6, 10, 0), Outcome.NOT_ELIGIBLE),  # requests come from the team
    (NO_TEAM, at(2024, 12, 27, 22, 15), Outcome.NOT_ELIGIBLE),  # no team given
]

MON = dt.datetime(2025, 6, 2, 14, tzinfo=LONDON)

STAFF = "3.2 Provider requirements and staff competencies"


def child(*statuses: Status) -> ChildOrYoungPerson:
    return ChildOrYoungPerson(
        "YP", area="taunton", date_of_birth=D(2011, 1, 1), statuses=frozenset(statuses)
    )


FIXTURE = Path(__file__).parents[3] / "tests" / "fixtures" / "ssda903"


UTC = dt.UTC


def london(*parts: int) -> dt.datetime:
    return dt.datetime(*parts, tzinfo=LONDON)  # type: ignore[misc]


@pytest.mark.parametrize(
    "instant",
    [
        at(2025, 3, 30, 2, 30),  # the first half hour of BST, spring change (01:00 GMT skipped)
        at(2025, 10, 26, 1, 30, fold=1),  # the repeated hour, autumn change, second time
        at(2025, 12, 25, 0, 0),  # local midnight, Christmas Day (a bank holiday)
        at(2025, 5, 26, 12, 0),  # Spring bank holiday Monday, midday
        at(2025, 1, 4, 23, 59),  # a Saturday night
    ],
)
def test_the_service_is_available_out_of_hours(instant: dt.datetime) -> None:
    """2.6 a "available out of hours": the service calendar is open at every one of these
    instants, while the Council's working hours (09:00-17:00 Monday to Friday except bank
    holidays, the 'working-hours' reading) are closed at each of them: nights, weekends, bank
    holidays, both clock changes."""
    service = resolve_calendar("somerset-service-hours", SPEC.calendars)
    office = resolve_calendar("somerset-working-hours", SPEC.calendars)
    assert (True, False) == (service.is_open(instant), office.is_open(instant))


def test_a_request_is_answered_immediately_even_in_the_repeated_autumn_hour() -> None:
    """2.6 a "available immediately": an urgent request through EDT at 01:30 GMT on Sunday
    26 Oct 2025 (the second 01:30, after the clocks went back) is to be answered at that very
    instant; its plans are due 72 elapsed hours later, 01:30 GMT on Wednesday 29 Oct."""
    received = at(2025, 10, 26, 1, 30, fold=1)
    decision = check_referral(
        SPEC,
        unrouted_referral(
            received_at=received,
            urgency=Urgency.URGENT,
            referrer=Referrer("emergency-duty-team-worker", organisation="SCC", team="EDT"),
        ),
    )
    assert Outcome.ELIGIBLE == decision.outcome
    due = {d.rule_id: d.due_at for d in decision.deadlines}
    assert received == due["available-immediately"]
    assert dt.datetime(2025, 10, 29, 1, 30, tzinfo=dt.UTC) == due["urgent-plans-agreed"]


def test_immediately_at_local_midnight_on_christmas_day() -> None:
    """A request at 00:00 on Thursday 25 Dec 2025 is answered at 00:00 that day: no working
    day rule pushes it to Monday 29 Dec (Boxing Day is a bank holiday too)."""
    midnight = at(2025, 12, 25, 0, 0)
    deadline = evaluate(SPEC.deadline("available-immediately"), midnight, SPEC.calendars)
    assert (midnight, D(2025, 12, 25)) == (deadline.due_at, deadline.due_date)


def test_a_stood_down_session_costs_the_council_nothing() -> None:
    """2.6 a "able to be stood down, if no longer required - without a resource impact"
    (reading 'stand-down'). Two 3-hour sessions commissioned in January 2025 at £18 an hour:
    3 x 18 = £54.00 each. The first is delivered 15:00-18:00 (3 h, £54.00); the second,
    on 8 Jan, is stood down by the Council the same afternoon. Commissioned £108.00, the
    stood-down session deducted in full (-£54.00): the Council pays £54.00, exactly what
    was delivered."""
    package = Package("P", "somerset", "YP", D(2025, 1, 1))
    run = run_invoices(
        "somerset",
        SPEC.billing,  # type: ignore[arg-type]
        [package],
        [Quotation("P", (Rate(Decimal(18), D(2025, 1, 1)),))],
        [
            PlannedSession("S1", "P", D(2025, 1, 6), 180),
            PlannedSession("S2", "P", D(2025, 1, 8), 180),
        ],
        [
            DeliveryRecord(
                "V1", "P", D(2025, 1, 6), start=dt.time(15), end=dt.time(18), planned_id="S1"
            ),
            DeliveryRecord(
                "V2", "P", D(2025, 1, 8), RecordStatus.CANCELLED_BY_COUNCIL, planned_id="S2"
            ),
        ],
        D(2025, 2, 1),
    )
    [invoice] = run.invoices
    assert Decimal("54.00") == invoice.net
    assert [Decimal("54.00"), Decimal("54.00"), Decimal("-54.00")] == sorted(
        (line.amount for line in invoice.lines), reverse=True
    )
    assert [] == list(run.findings)


@pytest.mark.parametrize(
    ("born", "expected"),
    [
        (D(2009, 1, 6), Outcome.ELIGIBLE),  # 16 on the day of the referral
        (D(2007, 1, 7), Outcome.ELIGIBLE),  # 17, turning 18 tomorrow
        (D(2007, 1, 6), Outcome.NEEDS_APPROVAL),  # 18 today: outside 10-17 ('ages-between')
    ],
)
def test_homeless_sixteen_and_seventeen_year_olds_are_at_risk_of_care(
    born: dt.date, expected: Outcome
) -> None:
    """2.3 lists "16 and 17 year olds (in particular) presenting as homeless" among the
    "groups at risk of care": a child whose only status is homeless, referred on Monday 6 Jan
    2025, is in the edge-of-care cohort (reading 'at-risk-groups'); at 18 the age falls
    outside "predominantly aged between 10-17", which needs approval."""
    child = ChildOrYoungPerson(
        "YP", area="taunton", date_of_birth=born, statuses=frozenset({Status.HOMELESS})
    )
    assert expected == check_referral(SPEC, unrouted_referral(child=child)).outcome


@pytest.mark.parametrize(
    ("organisation", "expected"),
    [
        ("Somerset County Council", Outcome.ELIGIBLE),
        ("SCC", Outcome.ELIGIBLE),  # the glossary: "SCC  Somerset County Council."
        ("scc", Outcome.ELIGIBLE),  # the same name in other case
        ("Devon County Council", Outcome.NOT_ELIGIBLE),  # "only ... from Somerset County Council"
        # No organisation: not shown to be SCC, so incomplete (say who refers), not refused
        # (the core's rule since the Plymouth audit 2026-12, D4).
        (None, Outcome.INCOMPLETE),
    ],
)
def test_only_somerset_county_council_social_workers_refer(
    organisation: str | None, expected: Outcome
) -> None:
    """1.1 "referrals into the service will only come from Social Workers from Somerset
    County Council"; the text abbreviates the Council as SCC (reading 'scc')."""
    referrer = Referrer("social-worker", organisation=organisation, team="Placements Team")
    assert expected == check_referral(SPEC, unrouted_referral(referrer=referrer)).outcome


def test_mileage_is_read_as_45p_a_mile() -> None:
    """ ".45p per mile" is read as 45p (reading 'mileage-pence'): 12.5 agreed miles x £0.45 =
    £5.625, rounded half up to £5.63; 33.3 miles = £14.985 -> £14.99. Read literally
    (0.45p) 12.5 miles would be £0.05625, about 6p."""
    reading = next(r for r in SPEC.readings if r.id == "mileage-pence")
    assert ".45p per mile" == reading.citation.quote
    assert Decimal("0.45") == MILEAGE.per_mile
    assert MILEAGE.requires_agreement
    assert [Decimal("5.63"), Decimal("14.99")] == [
        (miles * MILEAGE.per_mile).quantize(Decimal("0.01"), rounding="ROUND_HALF_UP")
        for miles in (Decimal("12.5"), Decimal("33.3"))
    ]


def test_the_in_force_date_comes_from_a_recorded_reading() -> None:
    """The text has no contract dates; its latest date is "In April 2018" (1.4). The library
    takes 1 April 2018 (reading 'in-force-date'): in force on that day, not on 31 March."""
    reading = next(r for r in SPEC.readings if r.id == "in-force-date")
    assert "April 2018" in reading.citation.quote
    assert D(2018, 4, 1) == SPEC.specification.effective_from
    assert (False, True) == (
        SPEC.specification.in_force(D(2018, 3, 31)),
        SPEC.specification.in_force(D(2018, 4, 1)),
    )


def test_monitoring_evidence_is_agreed_every_year_on_the_anniversary() -> None:
    """3.1 "agreed and finalised at a pre contract award meeting and on an annual basis
    thereafter": from a contract starting 1 April 2019, the evidence is agreed again on
    1 April 2020, 2021 and 2022; from 29 February 2020 (a leap day) on 28 February 2021,
    2022 and 2023, and on 29 February 2024."""

    def dates(start: dt.date, until: dt.date) -> list[dt.date]:
        found = obligations_between(SPEC.all_obligations(), start, start, until, SPEC.calendars)
        return [o.due_date for o in found if o.obligation_id == "monitoring-evidence"]

    assert [D(2020, 4, 1), D(2021, 4, 1), D(2022, 4, 1)] == dates(D(2019, 4, 1), D(2022, 4, 1))
    assert [D(2021, 2, 28), D(2022, 2, 28), D(2023, 2, 28), D(2024, 2, 29)] == dates(
        D(2020, 2, 29), D(2024, 3, 1)
    )


@pytest.mark.parametrize(("referrer", "received", "expected"), TEAM_CASES)
def test_out_of_hours_requests_come_from_edt_whatever_route_is_left_open(
    referrer: Referrer, received: dt.datetime, expected: Outcome
) -> None:
    """The referral names no route, so the core chooses among the routes open at the time:
    the Placements Team route (in hours) takes only the Placements Team, the EDT route (out
    of hours) only EDT, so the team decides. A locality team, or a referrer who gives no
    team, is neither: the text says every request comes from one of the two."""
    decision = check_referral(SPEC, unrouted_referral(referrer=referrer, received_at=received))
    assert expected == decision.outcome


def test_a_placements_team_request_at_night_is_sent_to_edt() -> None:
    """The defect: at 22:15 on Friday 27 Dec 2024 the core accepted a Placements Team social
    worker's request through the open EDT route. Now the EDT route refuses it by the team,
    naming the teams it takes, and the in-hours route is shut; the finding cites 2.6 e."""
    night = check_referral(
        SPEC, unrouted_referral(referrer=PLACEMENTS, received_at=at(2024, 12, 27, 22, 15))
    )
    assert Outcome.NOT_ELIGIBLE == night.outcome
    [finding] = [f for f in night.findings if f.code.startswith("referral.")]
    assert "referral.referrer.not-permitted" == finding.code
    assert "placements-team: not open at this time" in finding.message
    assert (
        "emergency-duty-team: only the teams EDT, Emergency Duty Team, SCC EDT, SCC Emergency "
        "Duty Team may use it (the referrer's team is not one of them)"
    ) in finding.message
    assert finding.citation is not None
    assert "when requests will come from EDT" in finding.citation.quote


def test_a_placements_team_request_naming_the_edt_route_at_night_is_refused_by_team() -> None:
    """Naming the EDT route does not help a Placements Team referrer at night: the finding
    is on the team field and says which route refused it."""
    night = unrouted_referral(
        referrer=PLACEMENTS, received_at=at(2024, 12, 27, 22, 15), route="emergency-duty-team"
    )
    decision = check_referral(SPEC, night)
    assert Outcome.NOT_ELIGIBLE == decision.outcome
    assert [("referral.referrer.not-permitted", "$.referrer.team")] == [
        (f.code, f.path) for f in decision.findings if f.code.startswith("referral.")
    ]
    assert "route 'emergency-duty-team'" in decision.findings[0].message


@pytest.mark.parametrize(
    "team",
    [
        "placements team",
        "CHILDREN'S SOCIAL CARE PLACEMENTS TEAM",
        "Children’s Social Care Placements Team",
    ],
)
def test_the_placements_team_is_known_by_every_name_the_text_gives_it(team: str) -> None:
    """The Glossary's "Children’s Social Care Placements Team" (typographic apostrophe as in
    the text, or plain), in any case, is the Placements Team: in hours its request is
    accepted."""
    referrer = Referrer("social-worker", organisation="SCC", team=team)
    assert Outcome.ELIGIBLE == check_referral(SPEC, unrouted_referral(referrer=referrer)).outcome


def test_any_looked_after_child_is_in_the_in_care_cohort() -> None:
    """1.1 "those in care, whose placements are unstable": instability is the referring
    social worker's judgement (reading 'unstable-placements'), so a looked-after 12-year-old
    referred with no word on the placement is eligible, in the in-care cohort."""
    child = ChildOrYoungPerson(
        "YP", area="taunton", date_of_birth=D(2012, 6, 1), statuses=frozenset({Status.LOOKED_AFTER})
    )
    decision = check_referral(SPEC, unrouted_referral(child=child))
    assert Outcome.ELIGIBLE == decision.outcome
    assert ["eligibility.cohort.in-care"] == [
        f.code for f in decision.findings if f.code.startswith("eligibility.cohort")
    ]


@pytest.mark.parametrize("role", ["youth-offending-team-worker", "teacher", "parent"])
def test_referring_agencies_other_than_scc_social_workers_are_refused(role: str) -> None:
    """The glossary's "Referring Agencies: Person or organisation making the initial
    request" does not widen 1.1 "referrals into the service will only come from Social
    Workers from Somerset County Council" (reading 'referring-agencies'): a YOT worker or a
    teacher of SCC, or a parent, is refused."""
    referrer = Referrer(role, organisation="Somerset County Council", team="Placements Team")
    decision = check_referral(SPEC, unrouted_referral(referrer=referrer))
    assert Outcome.NOT_ELIGIBLE == decision.outcome
    [finding] = [f for f in decision.findings if f.code == "referral.referrer.not-permitted"]
    assert f"placements-team: referrer role {role!r} may not use it" in finding.message


def test_dbs_is_for_staff_working_with_young_people_volunteers_included() -> None:
    """Glossary "A Provider's Staff includes all employees, agents and volunteers"; 3.2 IX
    "All staff working with young people will be subject to enhanced DBS checks". A
    volunteer in direct work with every training subject and ID but no DBS is not compliant
    (one gap: the DBS); a back-office agent with no DBS owes none. The text gives no refresh
    interval, so a 2010 DBS checked on 6 Jan 2025 still counts."""
    subjects = [r.subject for r in SPEC.workforce if r.kind == "training"]
    trained = tuple(Completion(s, D(2015, 1, 1)) for s in [*subjects, "photo-id"])
    volunteer = Worker("volunteer", roles={"volunteer"}, completions=trained)
    report = check_worker(SPEC.workforce, volunteer, D(2025, 1, 6))
    assert ["Enhanced DBS check: no dbs-enhanced on record"] == [f.message for f in report.findings]
    assert not report.compliant
    agent = Worker("agent", roles={"agent"}, direct_work=False, completions=trained)
    assert check_worker(SPEC.workforce, agent, D(2025, 1, 6)).compliant
    with_dbs = attrs.evolve(
        volunteer, completions=(*trained, Completion("dbs-enhanced", D(2010, 1, 1)))
    )
    assert check_worker(SPEC.workforce, with_dbs, D(2025, 1, 6)).compliant


@pytest.mark.parametrize(
    ("night", "hours", "amount"),
    [
        (D(2025, 3, 29), Decimal("8.00"), Decimal("144.00")),  # clocks forward 01:00 -> 02:00
        (D(2025, 10, 25), Decimal("10.00"), Decimal("180.00")),  # clocks back 02:00 -> 01:00
        (D(2025, 1, 11), Decimal("9.00"), Decimal("162.00")),  # an ordinary Saturday night
    ],
)
def test_a_night_visit_is_billed_for_the_hours_worked(
    night: dt.date, hours: Decimal, amount: Decimal
) -> None:
    """An out-of-hours night visit 22:00-07:00 at £18 an hour (within "£15-20 per hour").
    The night of Sat 29 Mar 2025 loses an hour at 01:00 GMT: 8 hours worked, 8 x 18 =
    £144.00. The night of Sat 25 Oct 2025 gains one at 02:00 BST: 10 hours, 10 x 18 =
    £180.00. A night without a change: 9 hours, £162.00. Hours worked are elapsed time."""
    package = Package("P", "somerset", "YP", D(2025, 1, 1))
    run = run_invoices(
        "somerset",
        SPEC.billing,  # type: ignore[arg-type]
        [package],
        [Quotation("P", (Rate(Decimal(18), D(2025, 1, 1)),))],
        [],
        [DeliveryRecord("N", "P", night, start=dt.time(22), end=dt.time(7))],
        D(2026, 1, 1),
    )
    [invoice] = [i for i in run.invoices if i.period.start <= night <= i.period.end]
    [line] = invoice.lines
    assert (hours, amount, amount) == (line.quantity, line.amount, invoice.net)
    assert Decimal(0) == sum((i.net for i in run.invoices if i is not invoice), Decimal(0))


@pytest.mark.parametrize(
    ("area", "expected"),
    [
        ("sedgemoor", Outcome.ELIGIBLE),  # one of the five District and Borough areas
        ("West-Somerset", Outcome.ELIGIBLE),  # the same id in other case
        ("devon", Outcome.NEEDS_APPROVAL),  # outside the county: the Placements Team decides
        (None, Outcome.INCOMPLETE),  # no area: the check cannot be made
    ],
)
def test_the_childs_area_is_checked_against_the_county(area: str | None, expected: Outcome) -> None:
    """2.5 "a Somerset county-wide service"; the Glossary's five areas (Mendip, Sedgemoor,
    South Somerset, Taunton, West Somerset). Outside them the Placements Team decides
    (reading 'out-of-county'); a referral giving no area is incomplete."""
    child = ChildOrYoungPerson(
        "YP", area=area, date_of_birth=D(2011, 1, 1), statuses=frozenset({Status.EDGE_OF_CARE})
    )
    decision = check_referral(SPEC, unrouted_referral(child=child))
    assert expected == decision.outcome
    if expected is not Outcome.ELIGIBLE:
        [finding] = [f for f in decision.findings if f.code.startswith("eligibility.area")]
        assert "$.child.area" == finding.path


def test_a_tenth_birthday_at_local_midnight_written_in_utc() -> None:
    """A child born on 1 Jun 2015, referred at 23:30Z on 31 May 2025, which is 00:30 BST on
    1 June in Somerset: 10 that day, inside "predominantly aged between 10-17" (eligible).
    Written as 00:30+01:00 the same instant gives the same answer; 22:59Z (23:59 BST on
    31 May) is still 9, which needs approval ('ages-between'). It is a Saturday night, out
    of hours, so the referral comes from EDT."""
    child = ChildOrYoungPerson(
        "YP", area="mendip", date_of_birth=D(2015, 6, 1), statuses=frozenset({Status.EDGE_OF_CARE})
    )
    edt = Referrer("emergency-duty-team-worker", organisation="SCC", team="EDT")

    def outcome(received: dt.datetime) -> Outcome:
        return check_referral(
            SPEC, unrouted_referral(child=child, referrer=edt, received_at=received)
        ).outcome

    assert [Outcome.ELIGIBLE, Outcome.ELIGIBLE, Outcome.NEEDS_APPROVAL] == [
        outcome(dt.datetime(2025, 5, 31, 23, 30, tzinfo=dt.UTC)),
        outcome(dt.datetime(2025, 6, 1, 0, 30, tzinfo=dt.timezone(dt.timedelta(hours=1)))),
        outcome(dt.datetime(2025, 5, 31, 22, 59, tzinfo=dt.UTC)),
    ]


@pytest.mark.parametrize(
    "concern",
    [
        Concern.CHILD,
        Concern.ALLEGATION_AGAINST_WORKER,
        Concern.ADULT_AT_RISK,
        Concern.ALLEGATION_ABOUT_ADULT_CLIENT,
    ],
)
def test_every_safeguarding_concern_goes_to_childrens_social_care(concern: Concern) -> None:
    """3.2 X: "The Provider will liaise immediately with SCC Children's Social Care if there
    are any safeguarding concerns." Any kind of concern, an allegation against a worker
    included, is routed to SCC Children's Social Care by phone, due at the moment it arises
    (14:00 on Mon 2 Jun 2025), citing 3.2 X (reading 'any-safeguarding-concerns')."""
    routing = route(SPEC, concern, MON, "taunton")
    assert routing.specified, routing.message
    [step] = routing.steps
    assert step.contact is not None
    assert (
        "Somerset County Council Children's Social Care",
        Channel.PHONE,
        MON,
        STAFF,
    ) == (
        step.contact.organisation,
        step.channel,
        step.deadline.due_at,
        step.deadline.citation.clause,
    )


def test_gross_misconduct_is_not_a_concern_the_text_routes() -> None:
    """The text has no gross-misconduct or dismissal clause: 'not specified', the nearest
    contact being Children's Social Care (the allegation-against-worker routing)."""
    routing = route(SPEC, Concern.GROSS_MISCONDUCT, MON, "taunton")
    assert not routing.specified
    assert ["childrens-social-care"] == [c.id for c in routing.nearest]


def test_mileage_agreed_after_the_journey_is_a_finding_and_not_paid() -> None:
    """Agreement MA-1 is made on Wed 8 Jan 2025. Three visits 15:30-18:30 (3 hours each at
    GBP 18: GBP 54 each, GBP 162) carry miles: Mon 6 Jan, 14 miles, before the agreement
    (not in advance: a finding, not billed); Wed 8 Jan, 14 miles, the day of the agreement
    (taken as in advance, reading 'mileage-in-advance'); Mon 13 Jan, 9 miles. Mileage paid:
    (14 + 9) x GBP 0.45 = GBP 10.35. January nets 162 + 10.35 = GBP 172.35."""
    package = Package("P", "somerset", "YP", D(2025, 1, 1))
    quotation = Quotation(
        "P", (Rate(Decimal(18), D(2025, 1, 1)),), (MileageAgreement("MA-1", D(2025, 1, 8)),)
    )
    records = [
        DeliveryRecord(
            rid,
            "P",
            day,
            start=dt.time(15, 30),
            end=dt.time(18, 30),
            miles=Decimal(miles),
            mileage_agreement="MA-1",
        )
        for rid, day, miles in (
            ("V1", D(2025, 1, 6), 14),
            ("V2", D(2025, 1, 8), 14),
            ("V3", D(2025, 1, 13), 9),
        )
    ]
    run = run_invoices(
        "somerset",
        SPEC.billing,
        [package],
        [quotation],
        [],
        records,
        D(2025, 2, 1),  # type: ignore[arg-type]
    )
    [invoice] = [i for i in run.invoices if i.lines]
    assert Decimal("172.35") == invoice.net
    assert [
        ("billing.mileage.agreed-after-journey", "$.records['V1'].miles", "2.8 Service rates")
    ] == [(f.code, f.path, f.citation.clause if f.citation else None) for f in run.findings]


def test_send_alone_is_not_the_disabilities_strand() -> None:
    """1.1 'children and young people with disabilities', 2.1 'those who have disabilities':
    a 14-year-old whose only status is SEND is in no cohort (not eligible); with a recorded
    disability as well they are in the disabilities-at-home strand (eligible)."""
    send_only = check_referral(SPEC, june_referral(child=child(Status.SEND)))
    assert Outcome.NOT_ELIGIBLE == send_only.outcome
    assert "eligibility.cohort.none" in [f.code for f in send_only.findings]
    both = check_referral(SPEC, june_referral(child=child(Status.SEND, Status.DISABLED)))
    assert Outcome.ELIGIBLE == both.outcome, both.findings
    assert "eligibility.cohort.disabilities-at-home" in [f.code for f in both.findings]


def test_a_care_history_covering_the_day_makes_the_child_looked_after() -> None:
    """Care episode from Sat 1 Mar 2025, ongoing; referral Mon 2 Jun 2025: looked after on
    the day, 31 (March) + 30 (April) + 31 (May) + 2 (June) = 94 days. The referral asserts
    looked-after: agreed, the in-care cohort takes the child (eligible)."""
    decision = check_referral(
        SPEC,
        june_referral(
            child=child(Status.LOOKED_AFTER), care_episodes=(CareEpisode(D(2025, 3, 1)),)
        ),
    )
    assert Outcome.ELIGIBLE == decision.outcome, decision.findings
    [status] = [f for f in decision.findings if f.code == "eligibility.status.looked-after"]
    assert "covers the day of the referral: yes" in status.message
    assert "94 days" in status.message
    assert "1.4 Local Context" == (status.citation.clause if status.citation else None)
    assert "eligibility.cohort.in-care" in [f.code for f in decision.findings]


def test_a_care_history_that_ended_overrides_the_asserted_status() -> None:
    """Episode 1 Mar-30 Apr 2025 (61 days), referral 2 Jun 2025: not looked after on the
    day. The asserted status disagrees (needs approval: confirm the history) and the
    computed one is used, so the in-care cohort does not apply: not eligible."""
    decision = check_referral(
        SPEC,
        june_referral(
            child=child(Status.LOOKED_AFTER),
            care_episodes=(CareEpisode(D(2025, 3, 1), D(2025, 4, 30)),),
        ),
    )
    codes = [f.code for f in decision.findings]
    assert "eligibility.status.looked-after.disagrees" in codes
    assert "eligibility.cohort.none" in codes
    assert Outcome.NOT_ELIGIBLE == decision.outcome


def test_a_history_the_referral_does_not_assert_needs_approval() -> None:
    """An ongoing episode, with looked-after not asserted: the computed status is used (the
    in-care cohort) and the disagreement needs approval."""
    decision = check_referral(SPEC, june_referral(care_episodes=(CareEpisode(D(2025, 3, 1)),)))
    codes = [f.code for f in decision.findings]
    assert "eligibility.status.looked-after.disagrees" in codes
    assert "eligibility.cohort.in-care" in codes
    assert Outcome.NEEDS_APPROVAL == decision.outcome


@pytest.mark.skipif(not FIXTURE.is_dir(), reason="the repository's SSDA903 fixture")
@pytest.mark.parametrize("on", [D(2016, 3, 31), D(2016, 10, 1), D(2017, 3, 31)])
def test_the_definition_agrees_with_the_903_on_every_child_of_a_return(on: dt.date) -> None:
    """The 903 return's own looked-after (an episode with any legal status but V4 covers the
    day, DEC excluded) and Somerset's 1.4 definition applied to the same return's care
    episodes agree for every child born by the day (reading 'looked-after-history')."""
    found = load(FIXTURE / "header.csv", FIXTURE / "episodes.csv")
    disagree = [
        c.child
        for c in found.children
        if c.header is not None
        and c.header.date_of_birth <= on
        and (Status.LOOKED_AFTER in c.statuses(on))
        != evaluate_status(
            LOOKED_AFTER_DEFINITION, c.header.date_of_birth, c.care_episodes(), on
        ).holds
    ]
    assert [] == disagree
    assert any(Status.LOOKED_AFTER in c.statuses(on) for c in found.children)


@pytest.mark.parametrize(
    ("age", "expected"),
    [
        (9, Outcome.NEEDS_APPROVAL),
        (10, Outcome.ELIGIBLE),
        (17, Outcome.ELIGIBLE),
        (18, Outcome.NEEDS_APPROVAL),
        (25, Outcome.NEEDS_APPROVAL),
        (26, Outcome.NOT_ELIGIBLE),
    ],
)
def test_ages(age: int, expected: Outcome) -> None:
    """ "Predominantly aged between 10-17"; out of scope "People aged 26 and over". The ages
    the text does not mention (0-9, 18-25) need approval (the 'ages-between' reading)."""
    assert expected == check_referral(SPEC, referral(age)).outcome


def test_out_of_hours_referral_must_come_from_edt() -> None:
    """Friday 27 Dec 2024 at 22:15 is out of working hours: the Placements Team route is
    refused and the finding names the EDT route; from EDT, through its route, the referral is
    accepted and
    the 72-hour rule runs to 22:15 GMT on Monday 30 Dec 2024 (72 h = 3 days, no clock change in
    December); the Provider answers the request at once (2.6a "available immediately"),
    at 22:15 that Friday night."""
    late = dt.datetime(2024, 12, 27, 22, 15, tzinfo=LONDON)
    refused = check_referral(SPEC, referral(received_at=late, urgency=Urgency.URGENT))
    [route] = [f for f in refused.findings if f.code.startswith("referral.route")]
    assert "emergency-duty-team" in route.message
    edt = Referrer("social-worker", organisation="Somerset County Council", team="EDT")
    accepted = check_referral(
        SPEC,
        referral(
            received_at=late, urgency=Urgency.URGENT, route="emergency-duty-team", referrer=edt
        ),
    )
    assert Outcome.ELIGIBLE == accepted.outcome
    assert {
        "available-immediately": late,
        "urgent-plans-agreed": dt.datetime(2024, 12, 30, 22, 15, tzinfo=LONDON),
    } == {d.rule_id: d.due_at for d in accepted.deadlines}


def test_no_self_referral_and_only_through_the_portal() -> None:
    """ "Service users may not self-refer"; referrals are made via the Lot 5 portal."""
    parent = check_referral(SPEC, referral(referrer=Referrer("parent")))
    emailed = check_referral(SPEC, referral(channel=Channel.EMAIL))
    assert (Outcome.NOT_ELIGIBLE, Outcome.NOT_ELIGIBLE) == (parent.outcome, emailed.outcome)


def test_complex_health_needs_are_out_of_scope() -> None:
    """A disabled child with complex health needs is not eligible."""
    child = ChildOrYoungPerson(
        "YP",
        date_of_birth=D(2012, 1, 1),
        statuses=frozenset({Status.DISABLED, Status.COMPLEX_HEALTH_NEEDS}),
    )
    assert Outcome.NOT_ELIGIBLE == check_referral(SPEC, referral(child=child)).outcome


def test_initial_review_within_four_weeks() -> None:
    """Support in place on Monday 30 Dec 2024: initial review by Monday 27 Jan 2025."""
    at = dt.datetime(2024, 12, 30, 10, 0, tzinfo=LONDON)
    assert D(2025, 1, 27) == evaluate(SPEC.deadline("initial-review"), at).due_date


def test_incidents_go_to_the_social_worker_in_hours_and_the_duty_worker_out_of_hours() -> None:
    """Monday 10:00: the Social Worker; Saturday night: the Duty Worker."""
    [day] = notify(SPEC, "accident-or-incident", MONDAY_10AM)
    [night] = notify(SPEC, "accident-or-incident", dt.datetime(2025, 1, 4, 23, 0, tzinfo=LONDON))
    assert ("the child's Social Worker", "the Duty Worker (EDT)") == (
        day.recipient,
        night.recipient,
    )


def test_invoice_with_agreed_mileage() -> None:
    """January 2025 at £18.00 an hour: three 3-hour visits = 9 h = £162.00; 14 + 14 agreed
    miles at 45p = £12.60; the 9 miles on 13 Jan have no agreement reference and are not
    billed (a finding). Net £174.60."""
    batch = load_registry(only=["somerset"]).examples("somerset")["billing"]
    run = run_invoices(
        "somerset",
        SPEC.billing,  # type: ignore[arg-type]
        structure(batch["packages"], list[Package]),
        structure(batch["quotations"], list[Quotation]),
        structure(batch["planned"], list[PlannedSession]),
        structure(batch["records"], list[DeliveryRecord]),
        D.fromisoformat(batch["as_of"]),
    )
    [invoice] = run.invoices
    assert Decimal("174.60") == invoice.net
    assert ["billing.mileage.no-agreement"] == [f.code for f in run.findings]


def test_rates_outside_fifteen_to_twenty_pounds_are_refused() -> None:
    """A £21 hourly rate is outside "£15-20 per hour"."""
    package = Package("P", "somerset", "YP", D(2025, 1, 1))
    run = run_invoices(
        "somerset",
        SPEC.billing,
        [package],
        [Quotation("P", (Rate(Decimal(21), D(2025, 1, 1)),))],
        [],
        [],
        D(2025, 2, 1),
    )  # type: ignore[arg-type]
    assert ["billing.rate.outside-band"] == [f.code for f in run.findings]


def test_eleven_training_subjects_and_dbs() -> None:
    """Subjects a to k, enhanced DBS and staff ID: a worker with all of them is compliant;
    without Missing Person's Protocols (h) they are not."""
    subjects = [r.subject for r in SPEC.workforce if r.kind == "training"]
    assert 12 == len(subjects)  # a-k plus risk assessment
    completions = tuple(
        Completion(s, D(2024, 1, 1)) for s in [*subjects, "dbs-enhanced", "photo-id"]
    )
    assert check_worker(
        SPEC.workforce, Worker("W", completions=completions), D(2025, 1, 6)
    ).compliant
    missing = tuple(c for c in completions if c.subject != "missing-persons")
    [gap] = check_worker(SPEC.workforce, Worker("W", completions=missing), D(2025, 1, 6)).findings
    assert gap.message.startswith("h. Missing Person's Protocols")


@pytest.mark.parametrize(
    ("received", "due"),
    [
        # Sat 29 Mar 2025 10:00 GMT; the clocks go forward on Sun 30 Mar: 72 elapsed hours
        # end at 10:00 UTC on Tue 1 Apr, which is 11:00 BST.
        (london(2025, 3, 29, 10), london(2025, 4, 1, 11)),
        # Fri 24 Oct 2025 12:00 BST; the clocks go back on Sun 26 Oct: 72 h end at 11:00 UTC
        # on Mon 27 Oct, which is 11:00 GMT.
        (london(2025, 10, 24, 12), london(2025, 10, 27, 11)),
        # Sat 25 Oct 2025 23:30 BST (22:30 UTC) -> 22:30 UTC on Tue 28 Oct = 22:30 GMT.
        (london(2025, 10, 25, 23, 30), london(2025, 10, 28, 22, 30)),
        # Christmas Eve 2025 18:00 GMT: bank holidays do not stop the clock -> 27 Dec 18:00.
        (london(2025, 12, 24, 18), london(2025, 12, 27, 18)),
    ],
)
def test_urgent_plans_are_agreed_within_72_elapsed_hours(
    received: dt.datetime, due: dt.datetime
) -> None:
    """3.2 II "agreed with the referrer within 72hrs", as elapsed time (reading
    'elapsed-hours')."""
    deadline = evaluate(SPEC.deadline("urgent-plans-agreed"), received, SPEC.calendars)
    assert deadline.due_at is not None
    assert (due, due.utcoffset()) == (deadline.due_at, deadline.due_at.utcoffset())


def test_a_standard_referral_starts_no_72_hour_rule() -> None:
    """The 72 hours are for "urgent referrals" (and emergencies, reading
    'emergency-referrals'): a standard referral starts only the immediate response."""
    standard = Referral(
        "R",
        london(2025, 1, 6, 10),
        Urgency.STANDARD,
        Referrer("social-worker", organisation="Somerset County Council", team="Placements Team"),
        ChildOrYoungPerson(
            "YP", area="taunton", date_of_birth=D(2011, 1, 1), statuses={Status.EDGE_OF_CARE}
        ),
        channel=Channel.PORTAL,
    )
    emergency = attrs.evolve(standard, urgency=Urgency.EMERGENCY)
    assert ["available-immediately"] == [
        d.rule_id for d in check_referral(SPEC, standard).deadlines
    ]
    assert {
        "available-immediately": london(2025, 1, 6, 10),
        "emergency-plans-agreed": london(2025, 1, 9, 10),
    } == {d.rule_id: d.due_at for d in check_referral(SPEC, emergency).deadlines}


@pytest.mark.parametrize(
    ("started", "due"),
    [
        (london(2025, 12, 22, 10), D(2026, 1, 19)),  # 4 weeks = 28 days, across the new year
        (london(2025, 1, 31, 10), D(2025, 2, 28)),  # 31 Jan + 28 days
        (london(2024, 2, 1, 10), D(2024, 2, 29)),  # a leap year: 29 February exists
        # 23:30 UTC on 30 Jun 2025 is 00:30 BST on 1 Jul: the local date counts -> 29 Jul.
        (dt.datetime(2025, 6, 30, 23, 30, tzinfo=UTC), D(2025, 7, 29)),
        # Support started on Easter Monday 21 Apr 2025 (bank holiday): calendar weeks -> 19 May.
        (london(2025, 4, 21, 9), D(2025, 5, 19)),
    ],
)
def test_initial_review_within_four_calendar_weeks(started: dt.datetime, due: dt.date) -> None:
    """3.1 "support plans will be reviewed initially within 4 weeks of the support being put
    in place": 28 calendar days from the local date support started."""
    assert due == evaluate(SPEC.deadline("initial-review"), started, SPEC.calendars).due_date


@pytest.mark.parametrize(
    ("when", "recipient"),
    [
        (london(2025, 1, 6, 9, 0), "the child's Social Worker"),  # Monday 09:00, in hours
        (london(2025, 1, 6, 16, 59), "the child's Social Worker"),
        (london(2025, 1, 6, 17, 0), "the Duty Worker (EDT)"),  # 17:00 is out of hours
        (london(2025, 5, 26, 11, 0), "the Duty Worker (EDT)"),  # Spring bank holiday
        (london(2025, 3, 30, 2, 30), "the Duty Worker (EDT)"),  # the night the clocks change
        (london(2025, 12, 25, 0, 0), "the Duty Worker (EDT)"),  # local midnight, Christmas
    ],
)
def test_incidents_are_reported_at_once_to_the_social_worker_or_the_duty_worker(
    when: dt.datetime, recipient: str
) -> None:
    """3.2 V "inform the Social Worker/Duty Worker (out of hours) as soon as possible": the
    Social Worker in working hours (09:00-17:00 Mon-Fri except bank holidays), the Duty
    Worker otherwise; due at once (reading 'as-soon-as-possible')."""
    [routed] = notify(SPEC, "accident-or-incident", when)
    assert recipient == routed.recipient
    assert when == routed.deadline.due_at


def test_safeguarding_concerns_go_to_childrens_social_care_immediately() -> None:
    """3.2 X "liaise immediately with SCC Children's Social Care if there are any
    safeguarding concerns", at any hour: at 03:00 on Sunday 26 Oct 2025 it is due then."""
    night = london(2025, 10, 26, 3)
    [routed] = route_concern(SPEC, Concern.CHILD, night)
    assert routed.contact is not None
    assert "childrens-social-care" == routed.contact.id
    assert night == routed.deadline.due_at


@pytest.mark.parametrize(
    ("born", "received", "expected"),
    [
        # 10th birthday at local midnight (BST): 10 that day -> inside 10-17.
        (D(2015, 6, 1), london(2025, 6, 1, 0, 0), Outcome.ELIGIBLE),
        # a minute before local midnight: still 9 -> outside the predominant band, approval.
        (D(2015, 6, 1), london(2025, 5, 31, 23, 59), Outcome.NEEDS_APPROVAL),
        # 18th birthday: no longer 10-17 -> approval ('ages-between').
        (D(2007, 3, 30), london(2025, 3, 30, 9), Outcome.NEEDS_APPROVAL),
        # the day before the 26th birthday: 25 -> approval; on it: 26, out of scope (2.7).
        (D(1999, 6, 1), london(2025, 5, 31, 12), Outcome.NEEDS_APPROVAL),
        (D(1999, 6, 1), london(2025, 6, 1, 12), Outcome.NOT_ELIGIBLE),
    ],
)
def test_age_boundaries(born: dt.date, received: dt.datetime, expected: Outcome) -> None:
    """2.1 "predominantly aged between 10-17 years" and 2.7 "People aged 26 and over": ages
    on the local date of the referral. Every instant is on a weekend, out of working hours,
    so EDT's route is open."""
    referral = Referral(
        "R",
        received,
        Urgency.URGENT,
        Referrer("emergency-duty-team-worker", organisation="Somerset County Council", team="EDT"),
        ChildOrYoungPerson(
            "YP", area="taunton", date_of_birth=born, statuses={Status.EDGE_OF_CARE}
        ),
        channel=Channel.PORTAL,
    )
    assert expected == check_referral(SPEC, referral).outcome
