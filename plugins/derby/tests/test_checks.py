"""Derby: the rules computed in code (``checks.py``), worked by hand from the text."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

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
from childcare_commissioning_derby.checks import CARE_LEAVER_DEFINITION

from childcare_commissioning import ChildOrYoungPerson, Status
from childcare_commissioning.billing import block_discount
from childcare_commissioning.convert import structure
from childcare_commissioning.formats import ssda903
from childcare_commissioning.model import Package, Severity
from childcare_commissioning.referrals import check_referral

from .helpers import (
    CARE_LEAVER,
    EPISODES,
    EXAMPLES,
    HEADER,
    UTC,
    D,
    child,
    example_batch,
    load_example_return,
    lot_referral,
    nets_by_invoice,
    run_payments,
)


def _package(
    category: str, start: dt.date, end: dt.date | None, hours: str | None = None
) -> Package:
    return Package(
        "P",
        "derby",
        "YP",
        start,
        end,
        lot="lot-1" if category.startswith("1") else "lot-2",
        category=category,
        hours_per_week=Decimal(hours) if hours else None,
    )


def _codes(findings: list[object]) -> set[str]:
    return {f.code for f in findings}  # type: ignore[attr-defined]


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


@pytest.mark.parametrize(
    ("born", "end", "finding"),
    [
        # 18 on 20 June 2026: a package to 31 August 2026 runs past it.
        (D(2008, 6, 20), D(2026, 8, 31), True),
        # ending on the 18th birthday itself: moved on as 18 is reached.
        (D(2008, 6, 20), D(2026, 6, 20), False),
        (D(2008, 6, 20), D(2026, 6, 21), True),
        # born 29 February 2008: 18 on 1 March 2026 (no 29 February in 2026).
        (D(2008, 2, 29), D(2026, 3, 1), False),
        (D(2008, 2, 29), D(2026, 3, 2), True),
    ],
)
def test_category_2_2_moves_on_at_18(born: dt.date, end: dt.date, finding: bool) -> None:
    """3.2.5 Category 2.2: 'plans in place to ensure once the young person reaches 18 years
    they move on'. The audit (V16) found 2.2 never checked. Packages start 1 December 2025,
    at least 3 months before each end, so no length warning interferes."""
    found = check_placement(
        _package("2.2", D(2025, 12, 1), end, "10"), ChildOrYoungPerson("YP", date_of_birth=born)
    )
    assert ("derby.placement.move-on-at-18" in _codes(found)) is finding


@pytest.mark.parametrize(
    ("accommodation", "start", "finding"),
    [
        (AccommodationType.BED_AND_BREAKFAST, D(2026, 6, 19), True),  # 17 the day before 18
        ("bed-and-breakfast", D(2026, 6, 19), True),  # the enum's value, as JSON carries it
        (AccommodationType.BED_AND_BREAKFAST, D(2026, 6, 20), False),  # 18 on 20 June 2026
        (AccommodationType.SEMI_INDEPENDENT, D(2026, 6, 19), False),
        (None, D(2026, 6, 19), False),  # not given: nothing to check
    ],
)
def test_no_bed_and_breakfast_at_16_or_17(
    accommodation: AccommodationType | None, start: dt.date, finding: bool
) -> None:
    """3.1.4 and 3.2.2: 'a ban on placing 16/17 year olds ... in bed and breakfast' and
    'avoiding the use of Bed & Breakfast provision'. Born 20 June 2008: 17 on 19 June 2026,
    18 on 20 June."""
    found = check_placement(
        _package("1.2", start, start + dt.timedelta(days=120), "5"),
        ChildOrYoungPerson("YP", date_of_birth=D(2008, 6, 20)),
        accommodation,
    )
    assert ("derby.placement.bed-and-breakfast" in _codes(found)) is finding


@pytest.mark.parametrize(
    "wording", ["B&B hotel", "Bed and Breakfast accommodation", "Bed & Breakfast", "hostel"]
)
def test_free_text_accommodation_is_refused_not_passed(wording: str) -> None:
    """Audit round 2, defect 9: 'B&B hotel' and 'Bed and Breakfast accommodation' passed the
    ban because the type was free text. The type is now an AccommodationType: any wording
    that is not one of its values is refused with the field and rule named."""
    with pytest.raises(ValueError, match=r"accommodation: .* \[accommodation-type\]"):
        check_placement(
            _package("1.2", D(2026, 1, 5), D(2026, 4, 30), "5"),
            ChildOrYoungPerson("YP", date_of_birth=D(2009, 9, 1)),
            wording,  # type: ignore[arg-type]
        )


def test_bed_and_breakfast_from_the_16th_birthday() -> None:
    """Born 20 June 2010: 15 on 19 June 2026 (outside the 16/17 ban, and outside the
    service), 16 on 20 June 2026 (inside the ban)."""
    young = ChildOrYoungPerson("YP", date_of_birth=D(2010, 6, 20))
    bnb = AccommodationType.BED_AND_BREAKFAST
    before = check_placement(_package("1.2", D(2026, 6, 19), D(2026, 10, 31)), young, bnb)
    on = check_placement(_package("1.2", D(2026, 6, 20), D(2026, 10, 31)), young, bnb)
    assert "derby.placement.bed-and-breakfast" not in _codes(before)
    assert "derby.placement.bed-and-breakfast" in _codes(on)


def test_duplicate_episodes_count_once() -> None:
    """Audit V35. Born 10 May 2006 (14 on 10 May 2020). The episode 1 September-31 October
    2022 (30 + 31 = 61 days) recorded twice is still 61 days, short of 13 weeks (91): not a
    care leaver on 1 January 2023. The audit found 122 days and a care leaver."""
    episode = CareEpisode(D(2022, 9, 1), D(2022, 10, 31))
    result = is_care_leaver(D(2006, 5, 10), [episode, episode], D(2023, 1, 1))
    assert (result.is_care_leaver, result.days_looked_after_since_14) == (False, 61)


def test_overlapping_episodes_are_merged() -> None:
    """1 September-31 October and 1 October-30 November 2022 overlap in October: together
    1 September-30 November = 30 + 31 + 30 = 91 days, exactly 13 weeks; looked after after
    the school-leaving date (last Friday of June 2022, 24 June), aged 16 on 1 January 2023:
    a care leaver. Summed without merging they would be 61 + 61 = 122."""
    result = is_care_leaver(
        D(2006, 5, 10),
        [CareEpisode(D(2022, 10, 1), D(2022, 11, 30)), CareEpisode(D(2022, 9, 1), D(2022, 10, 31))],
        D(2023, 1, 1),
    )
    assert (result.is_care_leaver, result.days_looked_after_since_14) == (True, 91)


def test_one_day_short_after_merging() -> None:
    """1 September-30 October and 1 October-29 November 2022: the union is 1 September-29
    November = 30 + 31 + 29 = 90 days, one short of 13 weeks."""
    result = is_care_leaver(
        D(2006, 5, 10),
        [CareEpisode(D(2022, 9, 1), D(2022, 10, 30)), CareEpisode(D(2022, 10, 1), D(2022, 11, 29))],
        D(2023, 1, 1),
    )
    assert (result.is_care_leaver, result.days_looked_after_since_14) == (False, 90)


@pytest.mark.parametrize(
    ("category", "start", "end", "warned"),
    [
        ("1.2", D(2025, 1, 1), D(2025, 3, 31), False),  # 1 Jan-31 Mar: exactly 3 months
        ("1.2", D(2025, 1, 1), D(2025, 3, 30), True),  # one day short of 3 months
        ("1.2", D(2025, 1, 1), D(2025, 12, 31), False),  # exactly 12 months
        ("1.2", D(2025, 1, 1), D(2026, 1, 31), True),  # 13 months
        ("1.1", D(2025, 1, 1), D(2025, 1, 10), False),  # emergency: may be shorter
        ("1.1", D(2025, 1, 1), D(2026, 1, 31), True),  # but not longer than 12 months
        ("2.2", D(2024, 11, 30), D(2025, 2, 26), True),  # ends 2 days before 28 Feb
        ("2.2", D(2024, 11, 30), D(2025, 2, 27), False),  # 30 Nov + 3 months = 28 Feb
    ],
)
def test_agreements_are_generally_3_to_12_months(
    category: str, start: dt.date, end: dt.date, warned: bool
) -> None:
    """3.2.5: 'short term (generally 3 - 12 months)'; emergency entries 'may mean that this
    is a shorter Individual Placement Agreement' (reading 'agreement-length'). Both days
    are included, so 1 January-31 March is 3 whole months. The audit (V31) found 1 January-
    31 March warned (counted as 2) and 13 months passed (counted as 12). 30 November + 3
    months clamps to 28 February 2025, so an agreement to 27 February (the day before) is 3
    months and one to 26 February is short. The young
    person is 16 throughout (born 1 September 2008)."""
    found = check_placement(
        _package(category, start, end, "5"), ChildOrYoungPerson("YP", date_of_birth=D(2008, 9, 1))
    )
    assert ("derby.placement.agreement-length" in _codes(found)) is warned


def test_bespoke_package_above_25_hours_is_negotiated_not_refused() -> None:
    """3.2.4: 0-25 hours a week from the matrix; 'on very rare occasions an individual
    package may be sourced with providers to meet bespoke needs ... advertised and
    negotiated'. 30 hours: an error for an ordinary package, a warning (no error) for a
    bespoke one; 25 hours is within the matrix either way."""
    young = ChildOrYoungPerson("YP", date_of_birth=D(2008, 9, 1))
    ordinary = check_placement(_package("1.2", D(2025, 1, 1), D(2025, 6, 30), "30"), young)
    bespoke = check_placement(
        _package("1.2", D(2025, 1, 1), D(2025, 6, 30), "30"), young, bespoke=True
    )
    assert [(f.code, f.severity) for f in ordinary] == [
        ("derby.placement.support-hours", Severity.ERROR)
    ]
    assert [(f.code, f.severity) for f in bespoke] == [
        ("derby.placement.bespoke-package", Severity.WARNING)
    ]
    assert check_placement(_package("1.2", D(2025, 1, 1), D(2025, 6, 30), "25"), young) == []


@pytest.mark.parametrize(("benefit", "finding"), [(False, True), (True, False), (None, False)])
def test_category_2_3_is_for_young_people_on_housing_benefit(
    benefit: bool | None, finding: bool
) -> None:
    """3.2.5 Category 2.3: 'accommodation only without support to young people in receipt
    of Housing Benefit'. Not in receipt: a finding; in receipt or not known: none. Born
    1 September 2008, the package 1 January-31 May 2026 ends before the 18th birthday."""
    found = check_placement(
        _package("2.3", D(2026, 1, 1), D(2026, 5, 31)),
        ChildOrYoungPerson("YP", date_of_birth=D(2008, 9, 1)),
        housing_benefit=benefit,
    )
    assert ("derby.placement.housing-benefit" in _codes(found)) is finding


def test_first_payment_period_starts_with_the_agreement() -> None:
    """Audit V20b: an IPA from 15 February 2024 at £350 a week (£50 a day), £420 (£60 a
    day) from 29 February: February is 14 x £50 + £60 = £760.00 for 15-29 February, labelled
    from 15 February; March 31 x £60 = £1,860.00."""
    payments = ipa_payments(
        D(2024, 2, 15),
        D(2024, 3, 31),
        [Variation(D(2024, 2, 15), Decimal(350)), Variation(D(2024, 2, 29), Decimal(420))],
    )
    assert payments == [
        (D(2024, 2, 15), D(2024, 2, 29), Decimal("760.00")),
        (D(2024, 3, 1), D(2024, 3, 31), Decimal("1860.00")),
    ]


def test_care_leaver_status_is_computed_from_the_care_history() -> None:
    """Audit D07: with care episodes, the referral check applies 3.1.2 instead of taking
    CARE_LEAVER on trust. Born 10 May 2006 (14 on 10 May 2020; school-leaving date 24 June
    2022). One 61-day episode (1 September-31 October 2022) recorded twice is 61 days, short
    of 13 weeks (91): the computed status is used (not a care leaver, so no Lot 1 cohort:
    not eligible) and the disagreement with the asserted status is named. With 1 September-30 November 2022 (91 days) it is eligible, aged 19 on
    20 June 2025."""
    at = dt.datetime(2025, 6, 20, 11, tzinfo=UTC)
    short = CareEpisode(D(2022, 9, 1), D(2022, 10, 31))
    enough = CareEpisode(D(2022, 9, 1), D(2022, 11, 30))

    def decide(episodes: tuple[CareEpisode, ...]) -> tuple[str, bool]:
        referral = attrs.evolve(
            lot_referral(D(2006, 5, 10), CARE_LEAVER, "lot-1", at), care_episodes=episodes
        )
        decision = check_referral(SPEC, referral)
        codes = {f.code for f in decision.findings}
        return decision.outcome.value, "eligibility.status.care-leaver.disagrees" in codes

    assert decide((enough,)) == ("eligible", False)
    assert decide((short, short)) == ("not-eligible", True)


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


def test_block_booking_discount() -> None:
    """The example block: 6 beds at £2,100 a week with 7.5% agreed at mini competition is
    £157.50 off; 4 beds would get nothing (the rule starts at five)."""
    block = EXAMPLES["block"]
    rule = block_discount_for(Decimal(block["percent"]))
    assert Decimal("157.50") == block_discount(
        rule, block["beds"], Decimal(block["weekly_accommodation_cost"])
    )
    assert Decimal(0) == block_discount(rule, 4, Decimal(block["weekly_accommodation_cost"]))


def test_councils_that_may_call_off() -> None:
    """Derby, Derbyshire, Nottinghamshire and Nottingham City may use the DPS; others not."""
    assert [True, True, False] == [
        may_call_off(c)
        for c in ("Nottingham City Council", "derby city council", "Leicester City Council")
    ]


def test_invoices_agree_with_ipa_payments() -> None:
    """The same agreement through the Python function (one weekly cost): 700 then 560 a
    week from 3 Mar, ending on 19 Apr, gives the same four monthly totals."""
    payments = ipa_payments(
        D(2025, 1, 6),
        D(2025, 4, 19),
        [Variation(D(2025, 1, 6), Decimal(700)), Variation(D(2025, 3, 3), Decimal(560))],
    )
    assert [p[2] for p in payments] == [
        Decimal("2600.00"),
        Decimal("2800.00"),
        Decimal("2520.00"),
        Decimal("1520.00"),
    ]


def test_an_agreed_notice_period_other_than_30_or_14_days(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """3.8.1: 'The notice period could, in some cases, depend on the circumstances': 21 days
    agreed, notice on 20 Mar, so the IPA ends on 10 Apr: 1-10 Apr is 10 days,
    420x10/7 = 600.00 + 140x10/7 = 200.00 = 800.00."""
    batch = example_batch()
    batch["agreements"][0]["notice"] = {
        "given_on": "2025-03-20",
        "days": 21,
        "basis": "agreed by the Council for this termination",
    }
    code, document = run_payments(capsys, tmp_path, batch)
    assert code == 0
    assert nets_by_invoice(document)["derby-DCC-IPA-0311-20250401"] == (
        "2025-04-01",
        "2025-04-10",
        "800.00",
    )
    assert termination_date(D(2025, 3, 20), False, days=21) == D(2025, 4, 10)
    assert termination_date(D(2025, 3, 20), False) == D(2025, 4, 19)
    assert termination_date(D(2025, 3, 20), True) == D(2025, 4, 3)


def test_care_leaver_from_episodes_with_a_break_in_care(tmp_path: Path) -> None:
    a1 = load_example_return(tmp_path).child("A1")
    assert a1.header is not None
    born = a1.header.date_of_birth
    on = dt.date(2026, 9, 1)
    result = is_care_leaver(born, a1.care_episodes(), on)
    # Since the 14th birthday: 10/03/2019 to 30/06/2019 is 22 + 30 + 31 + 30 = 113 days
    # (the X1 change on 01/04/2019 counted once), then 20/06 to 27/06/2021 is 8: 121 >= 91.
    assert result.days_looked_after_since_14 == 121
    assert result.school_leaving_date == dt.date(2021, 6, 25)
    assert result.looked_after_at_or_after_school_leaving
    assert result.age == 21
    assert result.is_care_leaver
    assert Status.CARE_LEAVER in a1.statuses(on, (CARE_LEAVER_DEFINITION,))
    # Not looked after on 01/09/2026, so no other status.
    assert a1.statuses(on, (CARE_LEAVER_DEFINITION,)) == {Status.CARE_LEAVER}
    # 25 or under: still on 09/03/2031 (the day before the 26th birthday), not on 10/03/2031.
    assert is_care_leaver(born, a1.care_episodes(), dt.date(2031, 3, 9)).is_care_leaver
    assert not is_care_leaver(born, a1.care_episodes(), dt.date(2031, 3, 10)).is_care_leaver
    # Before the week in June 2021 the school-leaving condition failed.
    before = is_care_leaver(born, a1.care_episodes(), dt.date(2021, 6, 19))
    assert before.days_looked_after_since_14 == 113
    assert not before.is_care_leaver


def test_short_break_agreement_is_not_time_looked_after(tmp_path: Path) -> None:
    b2 = load_example_return(tmp_path).child("B2")
    assert b2.header is not None
    # 01/01/2020 to 30/03/2020 (DEC 31/03): 31 + 29 + 30 = 90 days, one short of 13 weeks;
    # the V4 agreement of summer 2022 adds no day and is not "looked after" at 24/06/2022.
    result = is_care_leaver(b2.header.date_of_birth, b2.care_episodes(), dt.date(2023, 1, 1))
    assert result.days_looked_after_since_14 == 90
    assert not result.looked_after_at_or_after_school_leaving
    assert not result.is_care_leaver
    assert Status.LOOKED_AFTER not in b2.statuses(dt.date(2022, 7, 1))


def test_one_short_break_at_school_leaving_age_completes_the_definition(tmp_path: Path) -> None:
    c3 = load_example_return(tmp_path).child("C3")
    assert c3.header is not None
    # 90 days in 2020, plus the V3 break covering 24/06/2022 (DEC 25/06): 91 days, and
    # looked after on the school-leaving date itself.
    result = is_care_leaver(c3.header.date_of_birth, c3.care_episodes(), dt.date(2023, 1, 1))
    assert result.days_looked_after_since_14 == 91
    assert result.school_leaving_date == dt.date(2022, 6, 24)
    assert result.looked_after_at_or_after_school_leaving
    assert result.is_care_leaver


def test_lower_case_codes_give_the_same_care_leaver(tmp_path: Path) -> None:
    """The audit's m1: C3's codes written in lower case (``v2``, ``u6``, ``pr4``, ``v3``,
    ``r1``, ``e8``) stopped the import; the DfE validator upper-cases every cell on load,
    so C3 reads as above and is a care leaver on 01/01/2023 (91 days, looked after on the
    school-leaving date)."""
    (tmp_path / "header.csv").write_text(HEADER, encoding="utf-8")
    head, *rows = EPISODES.splitlines()
    lowered = [row.lower() if row.startswith("C3") else row for row in rows]
    lowered = [row.replace("c3,", "C3,", 1) for row in lowered]  # the id as given
    (tmp_path / "episodes.csv").write_text("\n".join([head, *lowered]) + "\n", encoding="utf-8")
    result = ssda903.load(tmp_path / "header.csv", tmp_path / "episodes.csv")
    c3 = result.child("C3")
    assert Status.CARE_LEAVER in c3.statuses(dt.date(2023, 1, 1), (CARE_LEAVER_DEFINITION,))
    assert any(f.code == "ssda903.normalised" for f in result.findings)


def test_an_episode_ceasing_before_it_began_is_reported_not_silently_dropped(
    tmp_path: Path,
) -> None:
    """The audit's m6 (validator rule 356): A1's week in June 2021 recorded with DEC
    19/06/2021 before DECOM 20/06/2021. Reading ssda903-episode-ceased-before-start: that
    episode covers no day and the 2019 episodes still count: 113 days since 14 (as
    ``before`` above), not looked after at school-leaving age, so not a care leaver; and a
    warning names the line (4) and the child."""
    (tmp_path / "header.csv").write_text(HEADER, encoding="utf-8")
    text = EPISODES.replace(
        "A1,20/06/2021,S,V2,N4,R1,PR4,28/06/2021", "A1,20/06/2021,S,V2,N4,R1,PR4,19/06/2021"
    )
    (tmp_path / "episodes.csv").write_text(text, encoding="utf-8")
    result = ssda903.load(tmp_path / "header.csv", tmp_path / "episodes.csv")
    a1 = result.child("A1")
    assert a1.header is not None
    outcome = is_care_leaver(a1.header.date_of_birth, a1.care_episodes(), dt.date(2026, 9, 1))
    assert outcome.days_looked_after_since_14 == 113
    assert not outcome.is_care_leaver
    warnings = [f.message for f in result.findings if f.code == "ssda903.dec-before-decom"]
    assert len(warnings) == 1
    assert "line 4: child A1" in warnings[0]
