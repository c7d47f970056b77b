"""Somerset's rules, worked by hand from shared/specs/somerset.txt."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

import attrs
import pytest
from childcare_commissioning_somerset import (
    BAND,
    MILEAGE,
    SPEC,
    AtHome,
    JobSheet,
    JobSheetLine,
    check_job_sheet,
    job_sheet_for,
    living_at_home_outcome,
)

from childcare_commissioning import ChildOrYoungPerson, Referral, Referrer, Status, Urgency, loads
from childcare_commissioning.billing import (
    DeliveryRecord,
    PlannedSession,
    Quotation,
    Rate,
    run_invoices,
)
from childcare_commissioning.convert import structure
from childcare_commissioning.deadlines import evaluate
from childcare_commissioning.model import Channel, Package
from childcare_commissioning.referrals import Outcome, check_referral
from childcare_commissioning.registry import load_registry
from childcare_commissioning.safeguarding import notify
from childcare_commissioning.workforce import Completion, Worker, check_worker

D = dt.date
LONDON = ZoneInfo("Europe/London")
MONDAY_10AM = dt.datetime(2025, 1, 6, 10, 0, tzinfo=LONDON)


def referral(age: int = 14, **changes: object) -> Referral:
    base = Referral(
        id="R",
        received_at=MONDAY_10AM,
        urgency=Urgency.STANDARD,
        referrer=Referrer(
            "social-worker", organisation="Somerset County Council", team="Placements Team"
        ),
        child=ChildOrYoungPerson(
            "YP",
            area="taunton",
            date_of_birth=D(2025 - age, 1, 1),
            statuses=frozenset({Status.EDGE_OF_CARE}),
        ),
        service="crisis-homecare",
        route="placements-team",
        channel=Channel.PORTAL,
    )
    return attrs.evolve(base, **changes)  # type: ignore[misc, arg-type]


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


def test_the_bundled_out_of_hours_crisis_referral() -> None:
    """The plugin's example: an EDT worker's urgent referral at 22:15 on 27 Dec is eligible."""
    document = load_registry(only=["somerset"]).examples("somerset")["referral"]
    decision = check_referral(SPEC, structure(document, Referral))
    assert Outcome.ELIGIBLE == decision.outcome


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


def test_job_sheet_from_a_package_and_quotation() -> None:
    """4 weeks of 6 hours a week at £18.00 = 24 h = £432.00; 20 agreed miles a week at 45p
    for 4 weeks = 80 miles = £36.00; total £468.00. Authorised the day after the request."""
    package = Package("P", "somerset", "YP", D(2025, 1, 6), hours_per_week=Decimal(6))
    quote = Quotation("P", (Rate(Decimal(18), D(2025, 1, 1)),))
    child = ChildOrYoungPerson(
        "YP", area="taunton", date_of_birth=D(2011, 4, 2), name="Invented Child", gender="recorded"
    )
    sheet = job_sheet_for(
        package,
        quote,
        child,
        D(2025, 1, 3),
        "Invented Officer",
        weeks=4,
        agreed_miles_per_week=Decimal(20),
        mileage=MILEAGE,
        lcs_number="LCS-1",
        authorised_by="Placements Team manager",
        authorised_date=D(2025, 1, 4),
    )
    assert [Decimal("432.00"), Decimal("36.00")] == [line.cost for line in sheet.services]
    assert Decimal("468.00") == sheet.total
    assert [] == check_job_sheet(sheet, BAND, MILEAGE)
    assert "Invented Child" not in repr(sheet)


def test_incomplete_job_sheet_is_reported() -> None:
    """No LCS number, a £25 hourly cost, mileage at 50p and no authorisation: four findings."""
    sheet = JobSheet(
        request_date=D(2025, 1, 3),
        child_id="YP",
        services=(
            JobSheetLine("Support", Decimal(10), "hour", Decimal(25)),
            JobSheetLine("Mileage", Decimal(10), "mile", Decimal("0.50")),
        ),
        form_completed_by="Officer",
        child_name="Invented",
        date_of_birth=D(2011, 4, 2),
        gender="recorded",
    )
    assert {
        "somerset.job-sheet.missing",
        "somerset.job-sheet.rate-outside-band",
        "somerset.job-sheet.mileage-rate",
        "somerset.job-sheet.not-authorised",
    } == {f.code for f in check_job_sheet(sheet, BAND, MILEAGE)}


def test_job_sheet_round_trips_and_rejects_authorisation_before_request() -> None:
    """The job sheet is JSON in and out; an authorisation dated before the request is refused."""
    sheet = JobSheet(
        D(2025, 1, 3),
        "YP",
        (JobSheetLine("Support", Decimal(4), "hour", Decimal(18)),),
        authorised_by="M",
        authorised_date=D(2025, 1, 3),
    )
    from childcare_commissioning import dumps

    assert sheet == loads(dumps(sheet), JobSheet)
    with pytest.raises(ValueError, match="authorised_date"):
        attrs.evolve(sheet, authorised_date=D(2025, 1, 2))


@pytest.mark.parametrize(
    ("on", "entered_care", "expected"),
    [
        (D(2025, 3, 1), None, AtHome.PENDING),
        (D(2025, 7, 31), None, AtHome.ACHIEVED),
        (D(2025, 7, 30), None, AtHome.PENDING),
        (D(2025, 9, 1), D(2025, 5, 1), AtHome.NOT_ACHIEVED),
        (D(2025, 9, 1), D(2025, 8, 15), AtHome.ACHIEVED),
    ],
)
def test_living_at_home_six_months_after(
    on: dt.date, entered_care: dt.date | None, expected: AtHome
) -> None:
    """First served 31 Jan 2025: judged six months later, 31 Jul 2025. Entering care on
    1 May fails it; entering care on 15 Aug, after the window, does not."""
    outcome, judged = living_at_home_outcome(D(2025, 1, 31), on, entered_care)
    assert (expected, D(2025, 7, 31)) == (outcome, judged)


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
