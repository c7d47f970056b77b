"""Derby's rules, worked by hand from shared/specs/derby.txt."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

import attrs
import pytest
from childcare_commissioning_derby import (
    SPEC,
    AccommodationType,
    CareEpisode,
    Variation,
    block_discount_for,
    check_placement,
    ipa_payments,
    is_care_leaver,
    may_call_off,
    school_leaving_date,
    termination_date,
)

from childcare_commissioning import ChildOrYoungPerson, Referral, Referrer, Status, Urgency
from childcare_commissioning.billing import block_discount
from childcare_commissioning.calendars import working_calendar
from childcare_commissioning.convert import structure
from childcare_commissioning.deadlines import evaluate
from childcare_commissioning.model import Package
from childcare_commissioning.obligations import obligations_between
from childcare_commissioning.referrals import Outcome, check_referral
from childcare_commissioning.registry import load_registry
from childcare_commissioning.workforce import (
    Completion,
    Declaration,
    Reference,
    Worker,
    check_worker,
)

#: A complete referral pack (3.3.1, reading 'referral-pack'): the redacted Pathway plan and
#: the indicative budget.
PACK = {"pathway_plan": "redacted plan", "indicative_budget": "600.00 a week"}

D = dt.date
LONDON = ZoneInfo("Europe/London")
EXAMPLES = load_registry(only=["derby"]).examples("derby")


def test_care_leaver_from_a_care_history() -> None:
    """Born 10 May 2006: 14 on 10 May 2020; school-leaving date is the last Friday in June
    2022 (turning 16 in May 2022), 24 June 2022. Looked after 4 Jan-31 Mar 2021 is 28 + 28
    + 31 = 87 days: short of 13 weeks (91), and before school-leaving age. Adding 1-10 Sep
    2022 (10 days, after school-leaving) makes 97 days: a care leaver on 1 Jan 2023."""
    born = D(2006, 5, 10)
    first = CareEpisode(D(2021, 1, 4), D(2021, 3, 31))
    assert D(2022, 6, 24) == school_leaving_date(born)
    alone = is_care_leaver(born, [first], D(2023, 1, 1))
    assert (False, 87, False) == (
        alone.is_care_leaver,
        alone.days_looked_after_since_14,
        alone.looked_after_at_or_after_school_leaving,
    )
    both = is_care_leaver(born, [first, CareEpisode(D(2022, 9, 1), D(2022, 9, 10))], D(2023, 1, 1))
    assert (True, 97) == (both.is_care_leaver, both.days_looked_after_since_14)


def test_time_before_fourteen_does_not_count_and_26_is_too_old() -> None:
    """A year in care at 12 counts for nothing; at 26 nobody is a care leaver."""
    born = D(2006, 5, 10)
    early = is_care_leaver(born, [CareEpisode(D(2018, 1, 1), D(2018, 12, 31))], D(2023, 1, 1))
    assert 0 == early.days_looked_after_since_14
    long_ago = [CareEpisode(D(2021, 1, 1), D(2023, 1, 1))]
    assert is_care_leaver(born, long_ago, D(2032, 5, 9)).is_care_leaver  # 25
    assert not is_care_leaver(born, long_ago, D(2032, 5, 10)).is_care_leaver  # 26


@pytest.mark.parametrize(
    ("born", "leaving"),
    [
        (D(2000, 9, 1), D(2017, 6, 30)),
        (D(2001, 8, 31), D(2017, 6, 30)),
        (D(2001, 9, 1), D(2018, 6, 29)),
    ],
)
def test_school_leaving_date(born: dt.date, leaving: dt.date) -> None:
    """Born 1 Sep 2000 and 31 Aug 2001 are in the same school year: both leave on Friday
    30 June 2017; born 1 Sep 2001: Friday 29 June 2018."""
    assert leaving == school_leaving_date(born)


def test_urgent_out_of_hours_referral() -> None:
    """The example: Housing Options refers a homeless 16-year-old child in need for an
    emergency bed (category 2.1) at 23:10 on Saturday 8 Feb 2025: eligible for Lot 2; the
    provider's offer is due within 1 hour, 00:10 on Sunday 9 Feb."""
    decision = check_referral(SPEC, structure(EXAMPLES["referral"], Referral))
    assert Outcome.ELIGIBLE == decision.outcome
    [offer] = decision.deadlines
    assert dt.datetime(2025, 2, 9, 0, 10, tzinfo=LONDON) == offer.due_at


def referral(age: int, statuses: set[Status], lot: str) -> Referral:
    child = ChildOrYoungPerson(
        "YP", date_of_birth=D(2025 - age, 1, 1), statuses=frozenset(statuses)
    )
    return Referral(
        "R",
        dt.datetime(2025, 2, 10, 10, 0, tzinfo=LONDON),
        Urgency.STANDARD,
        Referrer("leaving-care-team"),
        child,
        service=lot,
        information=dict(PACK),
    )


@pytest.mark.parametrize(
    ("age", "statuses", "lot", "expected"),
    [
        (21, {Status.CARE_LEAVER}, "lot-1", Outcome.ELIGIBLE),
        (22, {Status.CARE_LEAVER}, "lot-1", Outcome.NOT_ELIGIBLE),
        (22, {Status.CARE_LEAVER, Status.IN_EDUCATION}, "lot-1", Outcome.ELIGIBLE),
        (25, {Status.CARE_LEAVER, Status.IN_TRAINING}, "lot-1", Outcome.ELIGIBLE),
        (26, {Status.CARE_LEAVER, Status.IN_TRAINING}, "lot-1", Outcome.NOT_ELIGIBLE),
        (17, {Status.LOOKED_AFTER}, "lot-1", Outcome.ELIGIBLE),
        (17, {Status.HOMELESS, Status.CHILD_IN_NEED}, "lot-2", Outcome.ELIGIBLE),
        (18, {Status.HOMELESS, Status.CHILD_IN_NEED}, "lot-2", Outcome.NOT_ELIGIBLE),
        (19, {Status.CARE_LEAVER}, "lot-2", Outcome.NOT_ELIGIBLE),
    ],
)
def test_cohorts(age: int, statuses: set[Status], lot: str, expected: Outcome) -> None:
    """Care leavers up to 21, or 25 in education or training; looked after children leaving
    care and homeless 16-17 year olds; Lot 2 is for children in need and young homeless."""
    assert expected == check_referral(SPEC, referral(age, statuses, lot)).outcome


SIXTEEN_IN_2024 = D(2008, 6, 20)


def child(born: dt.date = SIXTEEN_IN_2024) -> ChildOrYoungPerson:
    return ChildOrYoungPerson("YP", date_of_birth=born)


def package(
    category: str, start: dt.date, end: dt.date | None, hours: str | None = None
) -> Package:
    lot = "lot-1" if category.startswith("1") else "lot-2"
    return Package(
        "P",
        "derby",
        "YP",
        start,
        end,
        lot=lot,
        category=category,
        hours_per_week=Decimal(hours) if hours else None,
    )


def codes(findings: list[object]) -> set[str]:
    return {f.code for f in findings}  # type: ignore[attr-defined]


def test_category_constraints() -> None:
    """2.1 is 1-7 nights (8 is too long); 2.3 has no support hours and ends by the 18th
    birthday (20 Jun 2026 here); no package exceeds 25 hours a week."""
    assert not check_placement(package("2.1", D(2025, 2, 8), D(2025, 2, 15)), child())  # 7 nights
    assert "derby.placement.emergency-nights" in codes(
        check_placement(package("2.1", D(2025, 2, 8), D(2025, 2, 16)), child())
    )
    too_long = check_placement(package("2.3", D(2025, 3, 1), D(2026, 6, 21), "2"), child())
    assert {"derby.placement.accommodation-only", "derby.placement.until-18"} <= codes(too_long)
    assert "derby.placement.until-18" not in codes(
        check_placement(package("2.3", D(2025, 9, 1), D(2026, 6, 20)), child())
    )
    assert "derby.placement.support-hours" in codes(
        check_placement(package("1.2", D(2025, 1, 6), D(2025, 7, 5), "26"), child())
    )


def test_no_bed_and_breakfast_for_16_and_17_year_olds() -> None:
    """Bed and breakfast for a 16-year-old is refused; the rule is about 16-17."""
    placement = package("2.2", D(2025, 3, 1), D(2025, 8, 1), "10")
    assert "derby.placement.bed-and-breakfast" in codes(
        check_placement(placement, child(), accommodation=AccommodationType.BED_AND_BREAKFAST)
    )


def test_agreements_are_generally_three_to_twelve_months() -> None:
    """A two-month agreement is a warning, not an error."""
    [finding] = check_placement(package("1.2", D(2025, 1, 6), D(2025, 3, 5), "5"), child())
    assert ("derby.placement.agreement-length", "warning") == (finding.code, finding.severity)


def test_payments_follow_variations() -> None:
    """The example IPA: 6 Jan-5 Jul 2025 at £700 a week (£100 a day), varied to £560 (£80
    a day) from 3 Mar. Monthly: Jan 26 days = £2,600; Feb 28 = £2,800; Mar 2 x £100 + 29 x
    £80 = £2,520; Apr 30 x £80 = £2,400; May £2,480; Jun £2,400; Jul 5 days = £400."""
    example = EXAMPLES["package"]
    placement = structure(example["package"], Package)
    variations = structure(example["variations"], list[Variation])
    payments = ipa_payments(placement.start, placement.end, variations)  # type: ignore[arg-type]
    assert [Decimal(x) for x in ("2600", "2800", "2520", "2400", "2480", "2400", "400")] == [
        p[2] for p in payments
    ]
    assert not check_placement(placement, child(D(2007, 3, 1)))


def test_notice_ends_payments() -> None:
    """General notice given on 2 May 2025: 30 days, so the IPA ends on 1 Jun 2025; June is
    paid for one day (£80). Specific reasons: 14 days, ending 16 May."""
    end = termination_date(D(2025, 5, 2), specific_reason=False)
    assert D(2025, 6, 1) == end
    assert D(2025, 5, 16) == termination_date(D(2025, 5, 2), specific_reason=True)
    variations = [Variation(D(2025, 1, 6), Decimal(700)), Variation(D(2025, 3, 3), Decimal(560))]
    assert (D(2025, 6, 1), D(2025, 6, 1), Decimal(80)) == ipa_payments(
        D(2025, 1, 6), end, variations
    )[-1]


def test_notice_periods_as_deadlines() -> None:
    """To end an IPA on 30 Jun 2025: general notice by 31 May, specific by 16 Jun."""
    end = dt.datetime(2025, 6, 30, 12, 0, tzinfo=LONDON)
    assert (D(2025, 5, 31), D(2025, 6, 16)) == (
        evaluate(SPEC.deadline("notice-general"), end).due_date,
        evaluate(SPEC.deadline("notice-specific"), end).due_date,
    )


def test_block_booking_discount() -> None:
    """The example block: 6 beds at £2,100 a week with 7.5% agreed at mini competition is
    £157.50 off; 4 beds would get nothing (the rule starts at five)."""
    block = EXAMPLES["block"]
    rule = block_discount_for(Decimal(block["percent"]))
    assert Decimal("157.50") == block_discount(
        rule, block["beds"], Decimal(block["weekly_accommodation_cost"])
    )
    assert Decimal(0) == block_discount(rule, 4, Decimal(block["weekly_accommodation_cost"]))


def test_reviews_within_two_weeks_then_three_monthly() -> None:
    """Placement from 6 Jan 2025: 20 Jan, then 20 Apr, 20 Jul, 20 Oct 2025 (anchored on the
    placement; the contract start given, 1 Apr 2024, plays no part)."""
    found = obligations_between(
        SPEC.obligations,
        D(2024, 4, 1),
        D(2025, 1, 6),
        D(2025, 12, 31),
        SPEC.calendars,
        packages=[Package("P", "derby", "YP", D(2025, 1, 6))],
    )
    assert [D(2025, 1, 20), D(2025, 4, 20), D(2025, 7, 20), D(2025, 10, 20)] == [
        o.due_date for o in found if o.obligation_id == "placement-review"
    ]


def test_recruitment_checks() -> None:
    """A declared conviction blocks assignment until the Council approves; two references
    with one from the last employer; data protection of 20 Dec 2022 lapsed on 21 Dec 2024
    (every two years). The worker has the application form, interview and contract of
    employment 3.6.1 requires."""
    worker = Worker(
        "W",
        completions=(
            Completion("application-form", D(2023, 11, 20)),
            Completion("interview", D(2023, 11, 27)),
            Completion("contract-of-employment", D(2024, 1, 1)),
            Completion("employment-history", D(2024, 1, 1)),
            Completion("dbs-enhanced", D(2024, 1, 5)),
            Completion("data-protection", D(2022, 12, 20)),
            Completion("safeguarding-young-people", D(2024, 1, 8)),
            Completion("appraisal", D(2024, 6, 1)),
        ),
        references=(Reference(D(2023, 12, 1), last_employer=True), Reference(D(2023, 12, 2))),
        declarations=(Declaration("convictions", D(2023, 12, 1), something_declared=True),),
        employed_from=D(2024, 1, 1),
    )
    report = check_worker(SPEC.workforce, worker, D(2025, 1, 6))
    assert {"workforce.declaration.awaiting-approval", "workforce.training.lapsed"} == {
        f.code for f in report.findings
    }
    approved = attrs.evolve(
        worker,
        declarations=(Declaration("convictions", D(2023, 12, 1), True, approved_on=D(2024, 1, 2)),),
        completions=(*worker.completions, Completion("data-protection", D(2025, 1, 6))),
    )
    assert check_worker(SPEC.workforce, approved, D(2025, 1, 6)).compliant


def test_service_hours() -> None:
    """Support 08:00-20:00 every day; emergency accommodation contacts 22:00-09:00."""
    daytime = working_calendar(next(c for c in SPEC.calendars if c.id == "derby-daytime"))
    night = working_calendar(
        next(c for c in SPEC.calendars if c.id == "derby-emergency-accommodation")
    )
    sunday_7am = dt.datetime(2025, 2, 9, 7, 0, tzinfo=LONDON)
    assert (False, True) == (daytime.is_open(sunday_7am), night.is_open(sunday_7am))


def test_councils_that_may_call_off() -> None:
    """Derby, Derbyshire, Nottinghamshire and Nottingham City may use the DPS; others not."""
    assert [True, True, False] == [
        may_call_off(c)
        for c in ("Nottingham City Council", "derby city council", "Leicester City Council")
    ]


def test_concerns_notified_the_same_day() -> None:
    """A concern at 21:00 on Friday 7 Feb 2025 is notified by the end of that day."""
    at = dt.datetime(2025, 2, 7, 21, 0, tzinfo=LONDON)
    assert D(2025, 2, 7) == evaluate(SPEC.deadline("concern-same-day"), at).due_date
