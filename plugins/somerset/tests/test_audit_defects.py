"""The defects of the Somerset audit (shared/audits/somerset.md) and issue #22, each with
expected values worked by hand from shared/specs/somerset.txt (the docstrings say how)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

import attrs
import pytest
from childcare_commissioning_somerset import MILEAGE, SPEC

from childcare_commissioning import ChildOrYoungPerson, Referral, Referrer, Status, Urgency
from childcare_commissioning.billing import (
    DeliveryRecord,
    PlannedSession,
    Quotation,
    Rate,
    RecordStatus,
    run_invoices,
)
from childcare_commissioning.deadlines import evaluate, resolve_calendar
from childcare_commissioning.model import Channel, Package
from childcare_commissioning.obligations import obligations_between
from childcare_commissioning.referrals import Outcome, check_referral
from childcare_commissioning.register import EntryStatus, covering
from childcare_commissioning.workforce import Completion, Worker, check_worker

D = dt.date
LONDON = ZoneInfo("Europe/London")


def at(*parts: int, fold: int = 0) -> dt.datetime:
    """A Europe/London wall-clock instant (``fold=1``: the second of a repeated hour)."""
    return dt.datetime(*parts, tzinfo=LONDON, fold=fold)  # type: ignore[misc]


def referral(**changes: object) -> Referral:
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


# --- Every operational clause of the audit's inventory is a rule, a duty or not encoded ---

#: One quote per clause of the audit's inventory (SO-01..SO-51), as the text words it.
INVENTORY = {
    "SO-01": "(out of working hours) emergency response team",
    "SO-02": "whose care needs are the responsibility of the Council",
    "SO-03": "identifying placements for Children in Care and undertaking contract management",
    "SO-04": "A Provider's Staff includes all employees, agents and volunteers",
    "SO-05": "The five Local Authority areas of Somerset",
    "SO-06": "whose placements are unstable",
    "SO-07": "solely commissioned by Somerset County Council (SCC)",
    "SO-08": "referrals into the service will only come from Social Workers",
    "SO-09": "All referrals / support requests will be directed through the Placements Team",
    "SO-10": "Is provided with accommodation for a continuous period for more than 24 hours",
    "SO-11": "predominantly aged between 10-17 years",
    "SO-12": "planned, longer term support to young people with disabilities, notably autism",
    "SO-13": "This does not include children and young people with complex health needs.",
    "SO-14": "Child's behaviour at home is improved",
    "SO-15": "Family members are protected from violence in the home",
    "SO-16": "remain living at home 6 months after initially receiving a service",
    "SO-17": "Placement stability improves",
    "SO-18": "16 and 17 year olds (in particular) presenting as homeless",
    "SO-19": "Stay safe and feel secure",
    "SO-20": "a Somerset county-wide service with allocation based on need",
    "SO-21": "available out of hours",
    "SO-22": "able to be stood down, if no longer required",
    "SO-23": "ability to step up/step down as needs change",
    "SO-24": "activities to be appropriate and reasonable, linked to care / education plan",
    "SO-25": "able to manage very high risk, complex young people",
    "SO-26": "unless out of hours, when requests will come from EDT",
    "SO-27": "Service users may not self-refer to the Service.",
    "SO-28": "People aged 26 and over.",
    "SO-29": "justify all quotations and demonstrate value for money",
    "SO-30": "Range: £15-20 per hour",
    "SO-31": ".45p per mile",
    "SO-32": "A reduction in the number of repeat referrals.",
    "SO-33": "on an annual basis thereafter",
    "SO-34": "reviewed initially within 4 weeks of the support being put in place",
    "SO-35": "further monitoring review dates being agreed at the time of the initial review",
    "SO-36": "pro-active in promoting positive behaviours and engagement",
    "SO-37": "to be agreed before engagement",
    "SO-38": "agreed with the referrer within 72hrs",
    "SO-39": "meet with the referrer to agree the plans",
    "SO-40": "parents and carers are included in the development of support plans",
    "SO-41": "ensuring the agreement of the administration of any medications",
    "SO-42": "The Provider will keep daily logs",
    "SO-43": "inform the Social Worker/Duty Worker (out of hours) as soon as possible",
    "SO-44": "contribute to any statutory review process",
    "SO-45": "Missing Person's Protocols",
    "SO-46": "skilled at assessing risk and vulnerability",
    "SO-47": "subject to enhanced DBS checks",
    "SO-48": "liaise immediately with SCC Children's Social Care",
    "SO-49": "Staff will carry ID with them at all times.",
    "SO-50": "work closely with other providers and partners",
    "SO-51": "Placement Authorisation",
}
_OPERATIONAL = {EntryStatus.RULE, EntryStatus.DUTY, EntryStatus.NOT_ENCODED}


@pytest.mark.parametrize(("clause", "quote"), sorted(INVENTORY.items()))
def test_every_operational_clause_is_a_rule_a_duty_or_not_encoded(clause: str, quote: str) -> None:
    """Each quote's sentence is reached by at least one entry that is a rule, a duty or
    not-encoded: never only by context or a definition."""
    assert SPEC.register is not None
    wanted = quote.casefold()
    statuses = {
        entry.status
        for entry, sentences in covering(SPEC.register)
        if any(wanted in s.text.casefold() for s in sentences)
    }
    assert statuses, f"{clause}: no entry reaches {quote!r}"
    assert statuses & _OPERATIONAL, f"{clause}: only {sorted(statuses)}"


def test_medication_agreement_is_a_duty_with_a_monitoring_question() -> None:
    """3.2 IV "ensuring the agreement of the administration of any medications" (audit
    SO-41, missing there): a provider duty whose question asks for the recorded agreement."""
    duty = next(d for d in SPEC.duties if d.id == "medication-agreement")
    assert "provider" == duty.owed_by
    assert "agreement" in duty.question
    assert "administration of any medications" in duty.citation.quote


# --- Availability: out of hours and immediately (audit SO-21, defect 2) --------------------


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
        referral(
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


# --- Stand down without a resource impact (audit SO-22, V18) ------------------------------


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


# --- Homeless 16 and 17 year olds are at risk of care (audit SO-18, V14) ------------------


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
    assert expected == check_referral(SPEC, referral(child=child)).outcome


# --- "SCC" is the Council (audit Q13, V13) -------------------------------------------------


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
    assert expected == check_referral(SPEC, referral(referrer=referrer)).outcome


# --- ".45p per mile" (audit Q7) ------------------------------------------------------------


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


# --- The in-force date is the library's, not the text's (audit Q10) -------------------------


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


# --- Monitoring evidence, agreed annually (audit SO-33, defect 6) ---------------------------


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


# --- The referrer's team decides who sends a request (issue #22) ----------------------------

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


@pytest.mark.parametrize(("referrer", "received", "expected"), TEAM_CASES)
def test_out_of_hours_requests_come_from_edt_whatever_route_is_left_open(
    referrer: Referrer, received: dt.datetime, expected: Outcome
) -> None:
    """The referral names no route, so the core chooses among the routes open at the time:
    the Placements Team route (in hours) takes only the Placements Team, the EDT route (out
    of hours) only EDT, so the team decides. A locality team, or a referrer who gives no
    team, is neither: the text says every request comes from one of the two."""
    decision = check_referral(SPEC, referral(referrer=referrer, received_at=received))
    assert expected == decision.outcome


def test_a_placements_team_request_at_night_is_sent_to_edt() -> None:
    """The defect: at 22:15 on Friday 27 Dec 2024 the core accepted a Placements Team social
    worker's request through the open EDT route. Now the EDT route refuses it by the team,
    naming the teams it takes, and the in-hours route is shut; the finding cites 2.6 e."""
    night = check_referral(
        SPEC, referral(referrer=PLACEMENTS, received_at=at(2024, 12, 27, 22, 15))
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
    night = referral(
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
    assert Outcome.ELIGIBLE == check_referral(SPEC, referral(referrer=referrer)).outcome


# --- Readings of the referral clauses (audit SO-06/Q11, Q8) ------------------------------


def test_any_looked_after_child_is_in_the_in_care_cohort() -> None:
    """1.1 "those in care, whose placements are unstable": instability is the referring
    social worker's judgement (reading 'unstable-placements'), so a looked-after 12-year-old
    referred with no word on the placement is eligible, in the in-care cohort."""
    child = ChildOrYoungPerson(
        "YP", area="taunton", date_of_birth=D(2012, 6, 1), statuses=frozenset({Status.LOOKED_AFTER})
    )
    decision = check_referral(SPEC, referral(child=child))
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
    decision = check_referral(SPEC, referral(referrer=referrer))
    assert Outcome.NOT_ELIGIBLE == decision.outcome
    [finding] = [f for f in decision.findings if f.code == "referral.referrer.not-permitted"]
    assert f"placements-team: referrer role {role!r} may not use it" in finding.message


# --- Staff: every employee, agent and volunteer (audit SO-04, SO-47, V19) -----------------


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


# --- Night visits across the clock changes (audit V11, defect 1; core #17) ----------------


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


# --- The child's area against the county the service covers (audit V15, defect 5) ---------


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
    decision = check_referral(SPEC, referral(child=child))
    assert expected == decision.outcome
    if expected is not Outcome.ELIGIBLE:
        [finding] = [f for f in decision.findings if f.code.startswith("eligibility.area")]
        assert "$.child.area" == finding.path


# --- Ages on the local date, whatever offset the instant is written with (core #17) --------


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
            SPEC, referral(child=child, referrer=edt, received_at=received)
        ).outcome

    assert [Outcome.ELIGIBLE, Outcome.ELIGIBLE, Outcome.NEEDS_APPROVAL] == [
        outcome(dt.datetime(2025, 5, 31, 23, 30, tzinfo=dt.UTC)),
        outcome(dt.datetime(2025, 6, 1, 0, 30, tzinfo=dt.timezone(dt.timedelta(hours=1)))),
        outcome(dt.datetime(2025, 5, 31, 22, 59, tzinfo=dt.UTC)),
    ]
