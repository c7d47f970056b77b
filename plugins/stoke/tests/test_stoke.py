"""Stoke's rules, worked by hand from shared/specs/stoke.txt."""

from __future__ import annotations

import datetime as dt
import json
import re
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import attrs
import pytest
from childcare_commissioning_stoke import (
    PLACEMENT_STABILITY,
    SDQ_SCORES,
    SPEC,
    camhs_priority_access,
)
from childcare_commissioning_stoke.checks import CAMHS_PRIORITY
from childcare_commissioning_stoke.rules import (
    PLACEMENT_BREAKDOWNS_2017,
    SDQ_CHANGE,
    SGH_SDQ_CHANGE,
    SGH_SDQ_SCORES,
)

from childcare_commissioning import ChildOrYoungPerson, Referral, Referrer, Status, Urgency
from childcare_commissioning.billing import (
    BudgetUse,
    Claim,
    DeliveryRecord,
    Quotation,
    Rate,
    budget_use,
    claim_invoices,
    retention_ledger,
    run_invoices,
)
from childcare_commissioning.calendars import working_calendar
from childcare_commissioning.cli import main
from childcare_commissioning.convert import structure, unstructure
from childcare_commissioning.deadlines import Party, evaluate
from childcare_commissioning.model import Package
from childcare_commissioning.obligations import obligations_between
from childcare_commissioning.referrals import Outcome, check_referral
from childcare_commissioning.register import EntryStatus
from childcare_commissioning.registry import load_registry
from childcare_commissioning.safeguarding import Concern, route
from childcare_commissioning.workforce import Completion, Qualification, Worker, check_worker

D = dt.date
LONDON = ZoneInfo("Europe/London")
TERMS = SPEC.billing
assert TERMS is not None
assert TERMS.retention is not None


def quarterly(
    year: int, amount_hours: int = 300
) -> tuple[Package, Quotation, list[DeliveryRecord]]:
    """A core package for financial year ``year``/``year+1`` at £100 an hour, one record a quarter."""
    package = Package(
        f"CORE-{year}", "stoke", "service", D(year, 4, 1), D(year + 1, 3, 31), service="core"
    )
    quote = Quotation(package.id, (Rate(Decimal(100), D(year, 4, 1)),))
    days = (D(year, 5, 1), D(year, 8, 1), D(year, 11, 1), D(year + 1, 2, 1))
    return (
        package,
        quote,
        [
            DeliveryRecord(f"{package.id}-{i}", package.id, d, hours=Decimal(amount_hours))
            for i, d in enumerate(days)
        ],
    )


def test_2018_19_retention_is_released_in_quarter_1_of_2019_20() -> None:
    """From 1 July 2018: quarters 2-4 of 2018/19 at £30,000 each = £90,000; 5% = £4,500
    ("5% (£4500)"), released from 1 April 2019, the start of quarter 1 2019/20."""
    package = Package("CORE", "stoke", "service", D(2018, 7, 1), D(2019, 3, 31), service="core")
    quote = Quotation("CORE", (Rate(Decimal(100), D(2018, 7, 1)),))
    records = [
        DeliveryRecord(f"R{i}", "CORE", d, hours=Decimal(300))
        for i, d in enumerate((D(2018, 8, 1), D(2018, 11, 1), D(2019, 2, 1)))
    ]
    run = run_invoices("stoke", TERMS, [package], [quote], [], records, D(2019, 4, 1))  # type: ignore[arg-type]
    ledger = retention_ledger(run.invoices, TERMS.retention)  # type: ignore[union-attr, arg-type]
    assert (Decimal(90000), Decimal(4500)) == (ledger.billed, ledger.withheld)
    assert D(2019, 4, 1) == ledger.years[0].release_from
    assert ledger.reconciles()


def test_2020_21_retention_reading() -> None:
    """The text says 2020/21's 5% is paid "in quarter 1 2020/21"; the reading chosen (as
    every other year) releases it from quarter 1 of 2021/22: 1 April 2021, and only on
    evidence (recorded here on 20 May 2021)."""
    package, quote, records = quarterly(2020)
    run = run_invoices("stoke", TERMS, [package], [quote], [], records, D(2021, 4, 1))  # type: ignore[arg-type]
    ledger = retention_ledger(run.invoices, TERMS.retention, {"2020/21": D(2021, 5, 20)})  # type: ignore[union-attr, arg-type]
    [year] = ledger.years
    assert ("2020/21", D(2021, 4, 1), D(2021, 5, 20)) == (
        year.financial_year,
        year.release_from,
        year.released_on,
    )
    assert "retention-2020-21" in {r.id for r in SPEC.readings}


def test_retention_in_2020_21_and_none_in_april_to_june_2021() -> None:
    """Audit D5. 6.1 sets "5% of the total annual budget will be withheld" for 2018/19,
    2019/20 and 2020/21; for 2021/22 ("3 months service delivery April 2021 – June 2021")
    it sets none. Worked by hand at £100 an hour: the quarter Jan-Mar 2021 (in 2020/21),
    200 h = £20,000, withholds 5% = £1,000.00 and pays £19,000.00; the quarter Apr-Jun
    2021, 200 h = £20,000, withholds £0.00 and pays £20,000.00 (before #21: £1,000.00
    withheld until 1 Apr 2022). The ledger: billed £40,000 = paid £39,000 + withheld
    £1,000, all of it 2020/21's, released from 1 Apr 2021 on evidence."""
    package = Package("CORE-Q", "stoke", "service", D(2021, 1, 1), D(2021, 6, 30), service="core")
    quote = Quotation(package.id, (Rate(Decimal(100), D(2021, 1, 1)),))
    records = [
        DeliveryRecord("JAN-MAR", package.id, D(2021, 2, 1), hours=Decimal(200)),
        DeliveryRecord("APR-JUN", package.id, D(2021, 5, 1), hours=Decimal(200)),
    ]
    run = run_invoices("stoke", TERMS, [package], [quote], [], records, D(2021, 7, 1))  # type: ignore[arg-type]
    assert [
        (D(2021, 3, 31), Decimal("1000.00"), Decimal("19000.00")),
        (D(2021, 6, 30), Decimal("0.00"), Decimal("20000.00")),
    ] == [(i.period.end, i.withheld, i.payable) for i in run.invoices]
    ledger = retention_ledger(run.invoices, TERMS.retention)  # type: ignore[union-attr, arg-type]
    assert (Decimal(40000), Decimal(39000), Decimal(1000)) == (
        ledger.billed,
        ledger.paid,
        ledger.withheld,
    )
    assert ledger.reconciles()
    assert [("2020/21", D(2021, 4, 1))] == [
        (y.financial_year, y.release_from) for y in ledger.years
    ]


def test_quarterly_payments_in_arrears() -> None:
    """Payments are "quarterly in arrears": on 31 Dec 2019 quarters 1 and 2 of 2019/20
    have ended and are invoiced (issued 1 Jul and 1 Oct 2019); quarter 3 ends that day,
    so it is invoiced from 1 Jan 2020."""
    package, quote, records = quarterly(2019)
    run = run_invoices("stoke", TERMS, [package], [quote], [], records, D(2019, 12, 31))  # type: ignore[arg-type]
    assert [D(2019, 7, 1), D(2019, 10, 1)] == [i.issued_on for i in run.invoices]
    run = run_invoices("stoke", TERMS, [package], [quote], [], records, D(2020, 1, 1))  # type: ignore[arg-type]
    assert D(2020, 1, 1) == run.invoices[-1].issued_on


def test_example_year_uses_the_whole_core_budget() -> None:
    """The example year: four quarterly claims of £20,000 (6.2 "Payments will be made
    quarterly in arrears"; no rate in the text) = £80,000, the whole 2019/20 core budget
    (a warning at 100%, not an excess); £1,000 withheld each quarter, £4,000 in all."""
    batch = load_registry(only=["stoke"]).examples("stoke")["billing"]
    run = claim_invoices(
        "stoke",
        TERMS,  # type: ignore[arg-type]
        structure(batch["packages"], list[Package]),
        structure(batch["claims"], list[Claim]),
        D.fromisoformat(batch["as_of"]),
    )
    assert [Decimal(1000)] * 4 == [i.withheld for i in run.invoices]
    uses = {
        (u.budget.financial_year, u.budget.service): u
        for u in budget_use(TERMS.budgets, run.invoices, {"STOKE-CORE-2019": "core"})
    }  # type: ignore[union-attr]
    core = uses[("2019/20", "core")]
    assert (Decimal(80000), "billing.budget.near-cap") == (core.spent, core.finding.code)  # type: ignore[union-attr]


def test_service_calendar_over_christmas_2021() -> None:
    """Open at weekends, closed bank holidays and Christmas/Boxing Day: in 2021 Sat 25 and
    Sun 26 are closed by name, Mon 27 and Tue 28 are the substitute bank holidays. After
    Fri 24 Dec the next service day is Wed 29 Dec."""
    calendar = working_calendar(SPEC.calendars[0])
    assert D(2021, 12, 29) == calendar.add(D(2021, 12, 24), 1)
    assert calendar.is_working_day(D(2021, 12, 18))  # an ordinary Saturday


def pilot_referral(**changes: object) -> Referral:
    base = Referral(
        id="R",
        received_at=dt.datetime(2019, 2, 4, 10, 0, tzinfo=LONDON),
        urgency=Urgency.STANDARD,
        referrer=Referrer("social-worker", name="Invented Referrer", email="sw@example.org"),
        child=ChildOrYoungPerson(
            "YP",
            date_of_birth=D(2008, 5, 1),
            name="Invented Child",
            address="1 Example Road",
            gender="recorded",
            ethnicity="recorded",
            statuses=frozenset({Status.LOOKED_AFTER, Status.IN_HOUSE_FOSTER_CARE}),
        ),
        service="pilot",
        distance_miles=Decimal(12),
        risks=("none known",),
        information={
            "carer": "invented carers",
            "parental_responsibility": "the Council",
            "birth_family_history": "none",
            "previous_interventions": "none; not open to CAMHS",
            "supervising_social_worker": "recorded",
            "strategic_manager_agreement": "2019-02-01",
        },
    )
    return attrs.evolve(base, **changes)  # type: ignore[misc, arg-type]


def test_complete_pilot_referral_is_eligible() -> None:
    """A 10-year-old with in-house foster carers 12 miles away, all minimum information."""
    assert Outcome.ELIGIBLE == check_referral(SPEC, pilot_referral()).outcome


def test_missing_minimum_information_is_incomplete() -> None:
    """Without ethnicity and the Strategic Manager's agreement, the referral is incomplete."""
    child = attrs.evolve(pilot_referral().child, ethnicity=None)
    info = {
        k: v for k, v in pilot_referral().information.items() if k != "strategic_manager_agreement"
    }
    decision = check_referral(SPEC, pilot_referral(child=child, information=info))
    assert Outcome.INCOMPLETE == decision.outcome
    assert {"$.child.ethnicity", "$.information.strategic_manager_agreement"} == {
        f.path for f in decision.findings if f.code == "referral.information.missing"
    }


TEN_YEAR_OLD = D(2008, 5, 1)


def with_statuses(*statuses: Status, born: dt.date = TEN_YEAR_OLD) -> Referral:
    child = attrs.evolve(pilot_referral().child, statuses=frozenset(statuses), date_of_birth=born)
    return pilot_referral(child=child)


def test_agency_foster_care_needs_the_strategic_managers_discretion() -> None:
    """Audit D2/V6. 2.3 Exclusion criteria: "Looked after children who are not in the care
    of Stoke-on-Trent in-house foster carers, unless agreed at the discretion of the
    Strategic Manager for Looked after Children". A looked after 10-year-old with agency
    foster carers is therefore for the Strategic Manager to decide: needs approval, and the
    finding names who approves (reading 'pilot-discretion'). Before #17/#21 this came out
    'not eligible'."""
    decision = check_referral(SPEC, with_statuses(Status.LOOKED_AFTER, Status.AGENCY_FOSTER_CARE))
    assert Outcome.NEEDS_APPROVAL == decision.outcome
    assert any(
        "Strategic Manager for Looked after Children" in f.message for f in decision.findings
    )


@pytest.mark.parametrize(
    ("statuses", "expected"),
    [
        # in-house foster carers: the referral criteria, eligible
        ((Status.LOOKED_AFTER, Status.IN_HOUSE_FOSTER_CARE), Outcome.ELIGIBLE),
        # connected persons/kinship foster carers are in-house carers (2.2.2)
        ((Status.LOOKED_AFTER, Status.KINSHIP_CARE), Outcome.ELIGIBLE),
        # a looked after child in a residential home: not with in-house foster carers,
        # so the Strategic Manager's discretion
        ((Status.LOOKED_AFTER, Status.RESIDENTIAL_CARE), Outcome.NEEDS_APPROVAL),
        # not looked after at all: outside "looked after by Stoke-on-Trent LA"
        ((Status.CHILD_IN_NEED,), Outcome.NOT_ELIGIBLE),
    ],
)
def test_pilot_referral_criteria_by_placement(
    statuses: tuple[Status, ...], expected: Outcome
) -> None:
    """2.3 Referral Criteria ("looked after by Stoke -on-Trent LA and who are resident with
    in-house foster carers") read with the exclusion's discretion."""
    assert expected == check_referral(SPEC, with_statuses(*statuses)).outcome


def test_discretion_does_not_reach_past_18() -> None:
    """The discretion lifts the placement condition only: a young person with agency carers
    born 4 Feb 2001 is 18 on the referral day, 4 Feb 2019, and "up to the age of 18" (read
    as under 18) still refuses."""
    referral = with_statuses(Status.LOOKED_AFTER, Status.AGENCY_FOSTER_CARE, born=D(2001, 2, 4))
    assert Outcome.NOT_ELIGIBLE == check_referral(SPEC, referral).outcome


@pytest.mark.parametrize(
    ("miles", "expected"),
    [
        ("20", Outcome.ELIGIBLE),  # "within a 20 mile radius": 20 is inside
        ("20.01", Outcome.NEEDS_APPROVAL),  # just outside: near, individual review
        ("20.5", Outcome.NEEDS_APPROVAL),
        ("22", Outcome.NEEDS_APPROVAL),  # the edge of "near" (reading: 2 miles)
        ("22.01", Outcome.NOT_ELIGIBLE),  # beyond near
        ("40", Outcome.NOT_ELIGIBLE),
    ],
)
def test_twenty_mile_radius(miles: str, expected: Outcome) -> None:
    """Audit D3/V5. 2.1.2: "within a 20 mile radius of Stoke-on-Trent, to be reviewed on an
    individual basis should an otherwise eligible child or young person's placement fall
    outside, but near to the outer geographical limit". With the reading 'near-the-limit'
    (near = up to 2 miles beyond): 20 eligible, over 20 to 22 needs review, over 22 not
    eligible. Before #21, 20.5 came out 'not eligible' with no review."""
    assert expected == check_referral(SPEC, pilot_referral(distance_miles=Decimal(miles))).outcome


def test_near_the_limit_names_the_review_and_the_reading() -> None:
    """At 20.1 miles the finding says it is a review, who decides, and the reading."""
    decision = check_referral(SPEC, pilot_referral(distance_miles=Decimal("20.1")))
    [finding] = [f for f in decision.findings if f.code.startswith("eligibility.limit.radius")]
    assert "Strategic Manager for Looked after Children" in finding.message
    assert "near-the-limit" in finding.message


@pytest.mark.parametrize(
    ("born", "expected"), [(D(2001, 2, 5), Outcome.ELIGIBLE), (D(2001, 2, 4), Outcome.NOT_ELIGIBLE)]
)
def test_up_to_18(born: dt.date, expected: Outcome) -> None:
    """Referral on 4 Feb 2019: born 5 Feb 2001 is 17 (eligible); born 4 Feb 2001 turned 18
    that day (the 'up-to-18' reading: under 18)."""
    child = attrs.evolve(pilot_referral().child, date_of_birth=born)
    assert expected == check_referral(SPEC, pilot_referral(child=child)).outcome


def test_camhs_priority_access() -> None:
    """ "Priority access for LAC scoring 17 and above"."""
    assert (True, False, False) == (
        camhs_priority_access(17, looked_after=True),
        camhs_priority_access(16, looked_after=True),
        camhs_priority_access(30, looked_after=False),
    )
    with pytest.raises(ValueError, match="between 0 and 40"):
        camhs_priority_access(41, looked_after=True)


def test_evidence_tables_add_up() -> None:
    """Transcription check: below 17 + 17 and above = total each year (2014-15: 131 + 82 =
    213, 38.5% at 17+); placements 56 + 149 + 431 = 636."""
    for below, above, total, _, _ in SDQ_SCORES.values():
        assert total == below + above
    assert Decimal("38.5") == (Decimal(82) * 100 / 213).quantize(Decimal("0.1"))
    assert PLACEMENT_STABILITY["total"][0] == sum(
        v[0] for k, v in PLACEMENT_STABILITY.items() if k != "total"
    )


def test_performance_reviews_monthly_then_three_monthly() -> None:
    """From 1 July 2018: monthly to 1 July 2019 (twelve), then 1 Oct 2019, 1 Jan 2020."""
    found = obligations_between(
        SPEC.obligations, D(2018, 7, 1), D(2018, 7, 1), D(2020, 1, 31), SPEC.calendars
    )
    reviews = [o.due_date for o in found if o.obligation_id == "performance-review"]
    assert 14 == len(reviews)
    assert [D(2018, 8, 1), D(2019, 7, 1), D(2019, 10, 1), D(2020, 1, 1)] == [
        reviews[0],
        reviews[11],
        reviews[12],
        reviews[13],
    ]


def test_pilot_mobilised_within_three_months_of_award() -> None:
    """Award on 31 May 2018: mobilised by 31 Aug 2018; pilot evaluated 12 months later."""
    award = dt.datetime(2018, 5, 31, 12, 0, tzinfo=LONDON)
    assert D(2018, 8, 31) == evaluate(SPEC.deadline("pilot-mobilised"), award).due_date
    mobilised = dt.datetime(2018, 8, 31, 12, 0, tzinfo=LONDON)
    assert D(2019, 8, 31) == evaluate(SPEC.deadline("pilot-evaluation"), mobilised).due_date


def test_psychologist_with_two_years_and_dbs_every_three_years() -> None:
    """A clinical psychologist qualified 1 Sep 2016 with DBS of 1 Jul 2018: compliant on
    1 Jul 2019; DBS lapsed on 2 Jul 2021."""
    worker = Worker(
        "P1",
        qualifications=(Qualification("clinical-psychologist"),),
        experience_since=D(2016, 9, 1),
        completions=(
            Completion("dbs-enhanced", D(2018, 7, 1)),
            Completion("safeguarding-children", D(2018, 6, 1), 2),
            Completion("supervision", D(2019, 6, 1)),
            Completion("safer-recruitment", D(2018, 6, 1)),
        ),
    )
    assert check_worker(SPEC.workforce, worker, D(2019, 7, 1)).compliant
    codes = {f.code for f in check_worker(SPEC.workforce, worker, D(2021, 7, 2)).findings}
    assert "workforce.check.lapsed" in codes


# --- the clause register and duties (#21) ----------------------------------------------------

#: The audit's inventory (shared/audits/stoke.md, section 1) numbers 87 operational clauses,
#: ST-01 to ST-87. ST-09 and ST-10 are the text's definitions of "Looked after child" and
#: "Service user": the register accounts for them as glossary definitions.
AUDIT_DEFINITIONS = {9, 10}


def test_every_audit_clause_is_a_rule_a_duty_or_not_encoded_with_a_reason() -> None:
    """Each ST-nn of the audit is named in the note of an entry whose status is rule, duty
    or not-encoded (definitions for ST-09 and ST-10 only), and every not-encoded entry has a
    reason of more than a few words."""
    register = SPEC.register
    assert register is not None
    statuses: dict[int, set[EntryStatus]] = {}
    for entry in register.entries:
        for number in re.findall(r"ST-(\d+)", entry.note):
            statuses.setdefault(int(number), set()).add(entry.status)
        if entry.status is EntryStatus.NOT_ENCODED:
            assert len(entry.reason.split()) >= 8, entry.clause
    assert set(range(1, 88)) == set(statuses)
    operational = {EntryStatus.RULE, EntryStatus.DUTY, EntryStatus.NOT_ENCODED}
    for number, found in statuses.items():
        if number in AUDIT_DEFINITIONS:
            assert {EntryStatus.DEFINITION} == found
        else:
            assert found & operational, f"ST-{number:02d}"


def test_progress_reports_monthly_quarterly_and_annual() -> None:
    """6.1: the contract runs on "satisfactory reports of progress on a monthly, quarterly
    and annual basis" (audit ST-80). From a start of 1 July 2018, listed to 1 July 2019:
    monthly 1 Aug 2018 ... 1 Jul 2019 (12), quarterly 1 Oct 2018, 1 Jan, 1 Apr, 1 Jul 2019
    (4), annual 1 Jul 2019 (1). 1 Jan 2019 is a bank holiday and stays the due date: the
    text sets the frequency, not a working day."""
    found = obligations_between(
        SPEC.all_obligations(), D(2018, 7, 1), D(2018, 7, 1), D(2019, 7, 1), SPEC.calendars
    )

    def dates(duty_id: str) -> list[dt.date]:
        return [o.due_date for o in found if o.obligation_id == f"duty-{duty_id}"]

    monthly = dates("progress-reports-monthly")
    assert 12 == len(monthly)
    assert (D(2018, 8, 1), D(2019, 1, 1), D(2019, 7, 1)) == (monthly[0], monthly[5], monthly[-1])
    assert [D(2018, 10, 1), D(2019, 1, 1), D(2019, 4, 1), D(2019, 7, 1)] == dates(
        "progress-reports-quarterly"
    )
    assert [D(2019, 7, 1)] == dates("progress-reports-annual")


def test_performance_data_comes_before_every_review() -> None:
    """4.3: each review considers "Provider performance data for the preceding
    monthly/quarterly period" (audit ST-61), so the data is due on each review date:
    monthly in the first year (1 Aug 2018 to 1 Jul 2019), then 1 Oct 2019 and 1 Jan 2020."""
    found = obligations_between(
        SPEC.all_obligations(), D(2018, 7, 1), D(2018, 7, 1), D(2020, 1, 31), SPEC.calendars
    )
    data = [o.due_date for o in found if o.obligation_id == "duty-performance-data"]
    reviews = [o.due_date for o in found if o.obligation_id == "performance-review"]
    assert 14 == len(data)
    assert [D(2019, 7, 1), D(2019, 10, 1), D(2020, 1, 1)] == data[-3:]
    assert reviews == data


def test_duties_the_audit_found_missing() -> None:
    """Audit item 7: referrer feedback (2.3), transition planning after 18 (2.3), the
    extension option (6.1, the Council's to decide), the invoice recipient (6.2) and
    data-sharing consent (4.2) are declared duties, each with the party the text names."""
    duties = {d.id: d for d in SPEC.duties}
    expected = {
        "referrer-feedback": Party.PROVIDER,
        "transition-planning": Party.PROVIDER,
        "extension-decision": Party.COUNCIL,
        "funding-confirmation": Party.COUNCIL,
        "invoices-by-email": Party.PROVIDER,
        "data-protection": Party.PROVIDER,
    }
    assert expected == {k: duties[k].owed_by for k in expected}
    assert "Sue Hammersley" in duties["invoices-by-email"].title
    assert ("pilot",) == duties["referrer-feedback"].services


def test_safeguarding_contacts_as_published() -> None:
    """2.3 and 4.2 name where safeguarding goes: the Safeguarding Children Board at
    www.safeguardingchildren.stoke.gov.uk, the Stoke-on-Trent LADO and the police (audit
    D6, ST-26, ST-50, ST-51). The text gives no phone or email for any of them, so none is
    invented."""
    contacts = {c.id: c for c in SPEC.contacts}
    assert "http://www.safeguardingchildren.stoke.gov.uk" == contacts["scb"].url
    assert {"lado", "police", "scb"} == set(contacts)
    assert all(c.phone is None and c.email is None for c in contacts.values())


@pytest.mark.parametrize("concern", [Concern.CHILD, Concern.ALLEGATION_AGAINST_WORKER])
def test_safeguarding_route_is_not_specified_and_names_the_contacts(concern: Concern) -> None:
    """Audit D6. The text routes nothing with a time or channel (reading
    'safeguarding-routing'): at 01:30 on 31 March 2019 (the hour the clocks skip, a Sunday)
    the answer is "not specified", never an error, naming the Board, the LADO and the
    police and no other contact. Before #21 it was an error ("stoke has no routing")."""
    at = dt.datetime(2019, 3, 31, 1, 30, tzinfo=UTC)
    answer = route(SPEC, concern, at)
    assert (False, ()) == (answer.specified, answer.steps)
    assert {"scb", "lado", "police"} == {c.id for c in answer.nearest}
    assert "not specified" in answer.message


def test_sdq_change_tables_add_up() -> None:
    """Transcription check worked from the printed tables: worsened + same + improved =
    total in cohort (2015-16: 68 + 8 + 74 = 150; SGH 2016-17: 3 + 0 + 4 = 7); SGH below 17
    + 17 and above = in SGH during year (2014-15: 4 + 9 = 13); 68/150 = 45.3% as printed."""
    for table in (SDQ_CHANGE, SGH_SDQ_CHANGE):
        for worse, same, better, total, _, _ in table.values():
            assert total == worse + same + better
    for below, above, total, _ in SGH_SDQ_SCORES.values():
        assert total == below + above
    assert Decimal("45.3") == (Decimal(68) * 100 / 150).quantize(Decimal("0.1"))


def test_sdq_2017_18_average_reading() -> None:
    """Audit Q6: the table prints 14, the summary 13.9. The table keeps 14 as printed and
    the reading records 13.9 (13.9 rounds to 14 at no decimals, so the two agree)."""
    assert 14.0 == SDQ_SCORES["2017-18"][3]
    reading = next(r for r in SPEC.readings if r.id == "sdq-2017-18-average")
    assert "13.9" in reading.reading
    assert Decimal(14) == Decimal("13.9").quantize(Decimal(1))


def test_camhs_priority_is_cited_where_the_text_puts_it() -> None:
    """Audit Q7: the sentence is under 'Current Service Provision' in section 1, and the
    register points at the computation that carries it."""
    assert CAMHS_PRIORITY.clause.startswith("1.4.2")
    [computation] = SPEC.computations
    assert computation.function.endswith(":camhs_priority_access")


FIFTEEN_IN_2019 = D(2003, 3, 1)


def core_referral(*statuses: Status, born: dt.date = FIFTEEN_IN_2019) -> Referral:
    """A core-service referral received 4 Feb 2019 for a young person with ``statuses``."""
    child = attrs.evolve(pilot_referral().child, statuses=frozenset(statuses), date_of_birth=born)
    return pilot_referral(child=child, service="core")


SGH_RESIDENT = (Status.LOOKED_AFTER, Status.RESIDENTIAL_CARE, Status.LA_RESIDENTIAL_HOME)


@pytest.mark.parametrize(
    ("statuses", "expected"),
    [
        # In one of the Council's own homes: eligible (15 on 4 Feb 2019, born 1 Mar 2003).
        (SGH_RESIDENT, Outcome.ELIGIBLE),
        # The status alone says so; "residential care" is not needed as well.
        ((Status.LOOKED_AFTER, Status.LA_RESIDENTIAL_HOME), Outcome.ELIGIBLE),
        # An external (agency or independent) children's home: not an SGH.
        ((Status.LOOKED_AFTER, Status.RESIDENTIAL_CARE), Outcome.NOT_ELIGIBLE),
        # With in-house foster carers: the pilot's cohort, not the core's.
        ((Status.LOOKED_AFTER, Status.IN_HOUSE_FOSTER_CARE), Outcome.NOT_ELIGIBLE),
        # The Council's home but not looked after: 2.1.1 is about looked after children.
        ((Status.LA_RESIDENTIAL_HOME,), Outcome.NOT_ELIGIBLE),
    ],
)
def test_core_service_is_for_the_councils_own_small_group_homes(
    statuses: tuple[Status, ...], expected: Outcome
) -> None:
    """Audit D4/V7. 2.1.1: the core service is for young people "resident in the LA's Small
    Group Homes"; "Core service: Small Group homes". A looked after 15-year-old living in
    one of the Council's homes (status 'la-residential-home') is eligible; one in an
    external residential placement is not (before #21: eligible, then 'incomplete' for
    want of the home's name). Reading 'small-group-home-residence'."""
    decision = check_referral(SPEC, core_referral(*statuses))
    assert expected == decision.outcome
    if expected is Outcome.NOT_ELIGIBLE:
        assert "eligibility.cohort.none" in {f.code for f in decision.findings}
    else:
        assert not [f for f in decision.findings if f.code == "referral.information.missing"]


def test_small_group_home_resident_turning_18() -> None:
    """Up to the age of 18 (read as under 18): born 1 Mar 2001 is 17 on 4 Feb 2019 and
    eligible; born 4 Feb 2001 is 18 that day and not eligible."""
    for born, expected in (
        (D(2001, 3, 1), Outcome.ELIGIBLE),
        (D(2001, 2, 4), Outcome.NOT_ELIGIBLE),
    ):
        assert expected == check_referral(SPEC, core_referral(*SGH_RESIDENT, born=born)).outcome


def test_placement_breakdowns_add_up() -> None:
    """1.4.2 Placement Breakdowns (2017), worked from the text: own provision 5 + 6 + 4 + 6
    = 21 ("21 (13.7%) of those 153"); agency 8 + 17 + 7 + 30 = 62 ("62 (40.5%) of the
    153"); 30/62 = 48.4% as printed."""
    rows = [v for k, v in PLACEMENT_BREAKDOWNS_2017.items() if k != "Total"]
    assert (21, 62) == (sum(r[0] for r in rows), sum(r[2] for r in rows))
    assert (21, 62) == (
        PLACEMENT_BREAKDOWNS_2017["Total"][0],
        PLACEMENT_BREAKDOWNS_2017["Total"][2],
    )
    assert Decimal("48.4") == (Decimal(30) * 100 / 62).quantize(Decimal("0.1"))


UTC = dt.UTC


@pytest.mark.parametrize(
    ("award", "due"),
    [
        # 23:30 UTC on 30 June 2018 is 00:30 BST on 1 July in Stoke: three months from
        # 1 July is 1 October (not 30 September, the UTC date's answer).
        (dt.datetime(2018, 6, 30, 23, 30, tzinfo=UTC), D(2018, 10, 1)),
        # 23:30 UTC on 27 Oct 2018 is 00:30 BST on 28 Oct, the night the clocks go back
        # at 02:00: the local date is 28 Oct, so 28 Jan 2019.
        (dt.datetime(2018, 10, 27, 23, 30, tzinfo=UTC), D(2019, 1, 28)),
        # 23:30 UTC on 30 Mar 2019 is still GMT (the clocks go forward at 01:00 UTC on
        # 31 Mar): 30 Mar locally, so 30 June 2019.
        (dt.datetime(2019, 3, 30, 23, 30, tzinfo=UTC), D(2019, 6, 30)),
        # 30 Nov 2018 noon: three months is 28 Feb 2019 (no 30 Feb; the month's last day).
        (dt.datetime(2018, 11, 30, 12, 0, tzinfo=LONDON), D(2019, 2, 28)),
    ],
)
def test_pilot_mobilisation_at_local_midnight_and_clock_changes(
    award: dt.datetime, due: dt.date
) -> None:
    """1.1: "mobilised within three months of the contract award", counted from the award's
    date in Stoke (Europe/London), whatever offset the award instant is given in."""
    assert due == evaluate(SPEC.deadline("pilot-mobilised"), award).due_date


@pytest.mark.parametrize(
    ("day", "open_"),
    [
        (D(2019, 4, 19), False),  # Good Friday: a bank holiday
        (D(2019, 4, 20), True),  # Easter Saturday: a weekend day, open
        (D(2019, 4, 21), True),  # Easter Sunday: open ("evenings and weekends")
        (D(2019, 4, 22), False),  # Easter Monday: a bank holiday
        (D(2019, 3, 31), True),  # the Sunday the clocks go forward: an ordinary Sunday
        (D(2018, 10, 28), True),  # the Sunday the clocks go back
        (D(2020, 12, 25), False),  # Christmas Day (a Friday)
        (D(2020, 12, 26), False),  # Boxing Day on a Saturday: closed by name
        (D(2020, 12, 27), True),  # Sunday 27 Dec 2020: neither, open
        (D(2020, 12, 28), False),  # the substitute Boxing Day bank holiday
        (D(2020, 5, 4), True),  # 2020's early May bank holiday moved to Fri 8 May
        (D(2020, 5, 8), False),  # VE Day, the moved bank holiday
    ],
)
def test_service_calendar_bank_holidays_and_weekends(day: dt.date, open_: bool) -> None:
    """2.3: "52 weeks per year excluding bank holidays and Christmas Day and Boxing Day",
    including "evenings and weekends" (England and Wales bank holidays)."""
    calendar = working_calendar(SPEC.calendars[0])
    assert open_ == calendar.is_working_day(day)


def test_funding_confirmed_each_january() -> None:
    """6.1: final funding levels "will be confirmed by January 2019" (2019/20), "by January
    2020" (2020/21) and "by January 2021" (2021/22). From a start of 1 July 2018 to the
    contract's end on 30 June 2021 the Council's confirmation falls in January 2019, 2020
    and 2021 (listed on the 1st, standing for the month)."""
    found = obligations_between(
        SPEC.all_obligations(), D(2018, 7, 1), D(2018, 7, 1), D(2021, 6, 30), SPEC.calendars
    )
    dates = [o.due_date for o in found if o.obligation_id == "duty-funding-confirmation"]
    assert [D(2019, 1, 1), D(2020, 1, 1), D(2021, 1, 1)] == dates


def test_discretion_through_the_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The same agency-foster-care referral (a 10-year-old, 12 miles, all minimum
    information) through `referral check --format json`: the outcome is needs-approval,
    and the exit status is 1 (the project's contract: only an acceptable answer exits 0),
    not 2 (the input is good)."""
    referral = with_statuses(Status.LOOKED_AFTER, Status.AGENCY_FOSTER_CARE)
    path = tmp_path / "referral.json"
    path.write_text(json.dumps(unstructure(referral)), encoding="utf-8")
    status = main(["referral", "check", str(path), "--council", "stoke", "--format", "json"])
    decision = json.loads(capsys.readouterr().out)
    assert (1, "needs-approval") == (status, decision["outcome"])


def spending(*parts: tuple[str, str, dt.date, dt.date, int]) -> list[BudgetUse]:
    """Budget use for packages (id, service, start, end, hours at £100, delivered once in
    the package's first month), invoiced in arrears by 1 Jan 2022."""
    packages = [Package(i, "stoke", "service", a, b, service=svc) for i, svc, a, b, _ in parts]
    quotes = [Quotation(i, (Rate(Decimal(100), a),)) for i, _, a, _, _ in parts]
    records = [
        DeliveryRecord(f"{i}-1", i, a + dt.timedelta(days=14), hours=Decimal(h))
        for i, _, a, _, h in parts
    ]
    run = run_invoices("stoke", TERMS, packages, quotes, [], records, D(2022, 1, 1))  # type: ignore[arg-type]
    return budget_use(TERMS.budgets, run.invoices, {i: svc for i, svc, *_ in parts})  # type: ignore[union-attr]


def findings_by_budget(uses: list[BudgetUse], year: str) -> dict[str, tuple[Decimal, str | None]]:
    return {
        "+".join(sorted(u.budget.services | ({u.budget.service} if u.budget.service else set()))): (
            u.spent,
            u.finding.code if u.finding else None,
        )
        for u in uses
        if u.budget.financial_year == year
    }


def test_april_june_2021_cap_spans_both_services() -> None:
    """Audit D1/V11. 6.1: 2021/22 is "3 months service delivery April 2021 - June 2021 ...
    up to a maximum of £30,000 however this is only an indication". Core 250 h and pilot
    100 h at £100 in April 2021: £25,000 + £10,000 = £35,000 against the one £30,000 for
    both services: beyond it, a warning because the text calls it an indication (reading
    'indicative-budgets'). Before #21 this spending reached no budget at all."""
    uses = spending(
        ("C21", "core", D(2021, 4, 1), D(2021, 6, 30), 250),
        ("P21", "pilot", D(2021, 4, 1), D(2021, 6, 30), 100),
    )
    assert {"core+pilot": (Decimal(35000), "billing.budget.indicative-exceeded")} == (
        findings_by_budget(uses, "2021/22")
    )


def test_2021_22_cap_within_budget() -> None:
    """£20,000 core + £5,000 pilot = £25,000 of £30,000: 83%, under the 90% warning line,
    so no finding."""
    uses = spending(
        ("C21", "core", D(2021, 4, 1), D(2021, 6, 30), 200),
        ("P21", "pilot", D(2021, 4, 1), D(2021, 6, 30), 50),
    )
    assert {"core+pilot": (Decimal(25000), None)} == findings_by_budget(uses, "2021/22")


def test_2019_20_budgets_are_indications_and_2018_19_caps_are_firm() -> None:
    """6.1: 2019/20 is "up to a maximum of £120,000, however this is only an indication"
    (core £80,000, pilot £40,000). Core 850 h = £85,000 and pilot 400 h = £40,000: core
    over its £80,000 and the year's £125,000 over £120,000, both warnings; the pilot at
    exactly £40,000 is 100% of its budget (near the cap, not over). 2018/19's "up to a
    maximum of" core £60,000 is firm: 610 h = £61,000 is an error."""
    uses = spending(
        ("C19", "core", D(2019, 4, 1), D(2020, 3, 31), 850),
        ("P19", "pilot", D(2019, 4, 1), D(2020, 3, 31), 400),
        ("C18", "core", D(2018, 7, 1), D(2019, 3, 31), 610),
    )
    assert {
        "core": (Decimal(85000), "billing.budget.indicative-exceeded"),
        "pilot": (Decimal(40000), "billing.budget.near-cap"),
        "core+pilot": (Decimal(125000), "billing.budget.indicative-exceeded"),
    } == findings_by_budget(uses, "2019/20")
    assert (Decimal(61000), "billing.budget.exceeded") == findings_by_budget(uses, "2018/19")[
        "core"
    ]


@pytest.mark.parametrize(
    ("received_at", "expected"),
    [
        # 23:30 UTC on 30 June 2019 is 00:30 BST on 1 July in Stoke: born 1 July 2001, the
        # young person is 18 that day, so "up to the age of 18" (under 18) refuses.
        (dt.datetime(2019, 6, 30, 23, 30, tzinfo=UTC), Outcome.NOT_ELIGIBLE),
        # The same instant written in BST: the same answer.
        (dt.datetime(2019, 7, 1, 0, 30, tzinfo=LONDON), Outcome.NOT_ELIGIBLE),
        # 22:59 UTC on 30 June is 23:59 BST on 30 June: still 17, eligible.
        (dt.datetime(2019, 6, 30, 22, 59, tzinfo=UTC), Outcome.ELIGIBLE),
    ],
)
def test_age_is_taken_on_the_stoke_date(received_at: dt.datetime, expected: Outcome) -> None:
    """Audit V3: age on the referral's date in Europe/London, whatever offset the instant
    is given in (core #17's local dates; Stoke's boundary worked by hand)."""
    referral = with_statuses(Status.LOOKED_AFTER, Status.IN_HOUSE_FOSTER_CARE, born=D(2001, 7, 1))
    assert expected == check_referral(SPEC, attrs.evolve(referral, received_at=received_at)).outcome
