"""Schedules, financial years and obligations, from the specifications' reporting cycles."""

from __future__ import annotations

import datetime as dt

import icalendar
import pytest

from childcare_commissioning.deadlines import Party
from childcare_commissioning.durations import Direction, Duration, DurationKind
from childcare_commissioning.errors import ModelValueError
from childcare_commissioning.model import Citation, Package
from childcare_commissioning.obligations import (
    Anchor,
    Obligation,
    ObligationKind,
    Relative,
    obligations_between,
    to_icalendar,
)
from childcare_commissioning.schedules import (
    FinancialYear,
    Period,
    Phase,
    Schedule,
    anchored_periods,
    financial_year,
)

D = dt.date
K = DurationKind
CITE = Citation("test", "11", "quarterly in the first year")


def months(n: int) -> Duration:
    return Duration(K.MONTHS, n)


QUARTERLY_THEN_SIX_MONTHLY = Schedule(phases=(Phase(months(3), until=months(12)), Phase(months(6))))


def test_quarterly_in_the_first_year_then_six_monthly() -> None:
    """Plymouth 11: contract reviews "quarterly in the first year ... thereafter on a six
    monthly basis". Entry 1 Apr 2025: 1 Jul, 1 Oct 2025, 1 Jan, 1 Apr 2026 (end of year one),
    then 1 Oct 2026, 1 Apr 2027."""
    assert [
        D(2025, 7, 1),
        D(2025, 10, 1),
        D(2026, 1, 1),
        D(2026, 4, 1),
        D(2026, 10, 1),
        D(2027, 4, 1),
    ] == list(QUARTERLY_THEN_SIX_MONTHLY.occurrences(D(2025, 4, 1), D(2027, 6, 30)))


def test_monthly_in_year_one_then_three_monthly() -> None:
    """Stoke 5.1: performance reviews monthly in year one, then three-monthly. Contract from
    1 Jul 2018: twelve monthly reviews to 1 Jul 2019, then 1 Oct 2019 and 1 Jan 2020."""
    schedule = Schedule(phases=(Phase(months(1), until=months(12)), Phase(months(3))))
    found = list(schedule.occurrences(D(2018, 7, 1), D(2020, 1, 31)))
    assert 14 == len(found)
    assert [D(2018, 8, 1), D(2019, 7, 1), D(2019, 10, 1), D(2020, 1, 1)] == [
        found[0],
        found[11],
        found[12],
        found[13],
    ]


def test_within_two_weeks_then_at_three_month_intervals() -> None:
    """Derby 3.8.1: review "within 2 weeks ... then at 3 month intervals". Placement from
    31 Dec 2024: 14 Jan 2025, then 14 Apr, 14 Jul, 14 Oct 2025."""
    schedule = Schedule(first=Duration(K.WEEKS, 2), phases=(Phase(months(3)),))
    assert [D(2025, 1, 14), D(2025, 4, 14), D(2025, 7, 14), D(2025, 10, 14)] == list(
        schedule.occurrences(D(2024, 12, 31), D(2025, 12, 31))
    )


def test_month_steps_do_not_drift_from_the_31st() -> None:
    """Monthly from 31 Jan 2024: 29 Feb, 31 Mar, 30 Apr, 31 May (not 29 Mar, 29 Apr...)."""
    schedule = Schedule(phases=(Phase(months(1)),))
    assert [D(2024, 2, 29), D(2024, 3, 31), D(2024, 4, 30), D(2024, 5, 31)] == list(
        schedule.occurrences(D(2024, 1, 31), D(2024, 5, 31))
    )


def test_a_single_first_occurrence() -> None:
    """Plymouth: reviews "initially within 28 days", then as agreed: one date only."""
    schedule = Schedule(first=Duration(K.CALENDAR_DAYS, 28))
    assert [D(2024, 12, 30)] == list(schedule.occurrences(D(2024, 12, 2), D(2030, 1, 1)))
    assert "first within 28 days" == schedule.describe()


def test_schedules_step_in_days_or_longer() -> None:
    """An hourly schedule is refused with the rule named."""
    with pytest.raises(ModelValueError, match="day-based"):
        Phase(Duration(K.CLOCK_HOURS, 6))


def test_financial_year_quarters() -> None:
    """Stoke 6.1: 5% released "in quarter 1" of the following year. For 2019/20 that is
    quarter 1 of 2020/21: 1 April to 30 June 2020. Quarter 4 of 2019/20 is Jan-Mar 2020."""
    year = FinancialYear.parse("2019/20")
    assert Period(D(2020, 4, 1), D(2020, 6, 30)) == year.next().quarter(1)
    assert Period(D(2020, 1, 1), D(2020, 3, 31)) == year.quarter(4)
    assert "2020/21" == year.next().label
    assert FinancialYear(2019) == financial_year(D(2020, 3, 31))
    assert FinancialYear(2020) == financial_year(D(2020, 4, 1))
    assert 4 == year.quarter_of(D(2020, 2, 29))


@pytest.mark.parametrize("label", ["2019/21", "2019-20", "19/20", "2099/01"])
def test_financial_year_labels_must_be_consecutive(label: str) -> None:
    """ "2019/21" is not a financial year."""
    with pytest.raises(ModelValueError, match="financial-year"):
        FinancialYear.parse(label)


def test_quarters_from_a_commencement_date() -> None:
    """Triborough: a "Quarter" is three months from the Commencement Date, not the
    financial quarter. From 15 May 2024: 15 May-14 Aug, 15 Aug-14 Nov, 15 Nov-14 Feb."""
    assert [
        Period(D(2024, 5, 15), D(2024, 8, 14)),
        Period(D(2024, 8, 15), D(2024, 11, 14)),
        Period(D(2024, 11, 15), D(2025, 2, 14)),
    ] == list(anchored_periods(D(2024, 5, 15), months(3), D(2025, 1, 1)))


MEETING = Obligation(
    id="contract-review",
    title="Contract review meeting",
    kind=ObligationKind.MEETING,
    owed_by=Party.BOTH,
    citation=CITE,
    schedule=QUARTERLY_THEN_SIX_MONTHLY,
)
MONITORING = Obligation(
    id="monitoring-information",
    title="Monitoring information",
    kind=ObligationKind.REPORT,
    owed_by=Party.PROVIDER,
    citation=CITE,
    relative_to=Relative("contract-review", Duration(K.WORKING_DAYS, 5), Direction.BEFORE),
    recipient="commissioning@example.org",
)


def test_relative_obligations_follow_their_target() -> None:
    """Monitoring information 5 working days before each meeting. Meetings 1 Jul 2025
    (Tue), 1 Oct 2025 (Wed) and 1 Jan 2026 (Thu, New Year's Day: a meeting falls on a
    working day, so Fri 2 Jan; reading meeting-working-day). Before 1 Jul: Mon 30 Jun, Fri
    27, Thu 26, Wed 25, Tue 24 Jun. Before Fri 2 Jan 2026: Wed 31 (Thu 1 Jan closed), Tue
    30, Mon 29 Dec, (Fri 26 and Thu 25 closed), Wed 24, Tue 23 Dec."""
    found = obligations_between([MEETING, MONITORING], D(2025, 4, 1), D(2025, 4, 1), D(2026, 1, 31))
    assert [
        (D(2025, 6, 24), "monitoring-information"),
        (D(2025, 7, 1), "contract-review"),
        (D(2025, 9, 24), "monitoring-information"),
        (D(2025, 10, 1), "contract-review"),
        (D(2025, 12, 23), "monitoring-information"),
        (D(2026, 1, 2), "contract-review"),
    ] == [(o.due_date, o.obligation_id) for o in found]
    assert D(2026, 1, 2) == found[4].relative_to_date
    assert (D(2026, 1, 1), None) == (found[5].counted_date, found[3].counted_date)


def test_range_includes_relative_occurrences_whose_target_is_later() -> None:
    """Listing only December 2025 still finds the 23 Dec monitoring return for 1 Jan 2026."""
    found = obligations_between(
        [MEETING, MONITORING], D(2025, 4, 1), D(2025, 12, 1), D(2025, 12, 31)
    )
    assert [(D(2025, 12, 23), "monitoring-information")] == [
        (o.due_date, o.obligation_id) for o in found
    ]


def test_obligation_needs_exactly_one_timing() -> None:
    """Both a schedule and a trigger is ambiguous; neither is meaningless."""
    with pytest.raises(ModelValueError, match="exactly one"):
        Obligation("x", "X", ObligationKind.REPORT, Party.PROVIDER, CITE)
    with pytest.raises(ModelValueError, match="exactly one"):
        Obligation(
            "x",
            "X",
            ObligationKind.REPORT,
            Party.PROVIDER,
            CITE,
            schedule=QUARTERLY_THEN_SIX_MONTHLY,
            trigger="event",
        )


def test_icalendar_export_round_trips() -> None:
    """The .ics parses back with one all-day event per occurrence and stable UIDs."""
    found = obligations_between(
        [MEETING, MONITORING], D(2025, 4, 1), D(2025, 4, 1), D(2025, 12, 31)
    )
    stamp = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
    data = to_icalendar(found, council_id="c", council_name="C", generated_at=stamp)
    assert data == to_icalendar(found, council_id="c", council_name="C", generated_at=stamp)
    events = icalendar.Calendar.from_ical(data).walk("VEVENT")
    assert len(found) == len(events)
    first = events[0]
    assert D(2025, 6, 24) == first.decoded("dtstart")
    assert "c-monitoring-information-1@childcare-commissioning" == str(first["uid"])
    assert "test 11" in str(first["description"])


def test_every_year_in_a_month() -> None:
    """Triborough: events for Carers' Week (June) and Carers' Rights Day (December). From a
    commencement on 1 Apr 2025 to 31 Dec 2026: June and December 2025, June and December
    2026, each standing as the 1st of the month."""
    schedule = Schedule(months=(12, 6))
    assert [D(2025, 6, 1), D(2025, 12, 1), D(2026, 6, 1), D(2026, 12, 1)] == list(
        schedule.occurrences(D(2025, 4, 1), D(2026, 12, 31))
    )
    assert "every year in June, December" == schedule.describe()
    with pytest.raises(ModelValueError, match="months are 1 to 12"):
        Schedule(months=(13,))


PLACEMENT_REVIEW = Obligation(
    id="placement-review",
    title="Formal review of the placement",
    kind=ObligationKind.REVIEW,
    owed_by=Party.BOTH,
    citation=Citation(
        "derby",
        "3.8.1",
        "A formal review will be held within 2 weeks to ensure the package is in place then "
        "at 3 month intervals",
    ),
    schedule=Schedule(first=Duration(K.WEEKS, 2), phases=(Phase(months(3)),)),
    anchor=Anchor.PACKAGE,
)
REVIEW_PAPERS = Obligation(
    id="review-papers",
    title="Papers before each placement review",
    kind=ObligationKind.REPORT,
    owed_by=Party.PROVIDER,
    citation=CITE,
    relative_to=Relative("placement-review", Duration(K.WORKING_DAYS, 1), Direction.BEFORE),
)


def test_reviews_are_anchored_on_each_package_and_listed_per_package() -> None:
    """Derby 3.8.1, per placement, with a DPS contract from 1 Apr 2025 (not an anchor).
    Package A from Sat 15 Feb 2025: 2 weeks = 1 Mar; then 1 Jun, 1 Sep, 1 Dec 2025.
    Package B from 17 May 2025, ending 30 Sep 2025: 31 May; then 31 Aug (30 Nov is after
    its end). Listed 1 Apr-31 Dec 2025, by date. The papers are due one working day
    before each review of the same package: before Sat 31 May and Sun 1 Jun, Fri 30 May;
    before Sun 31 Aug and Mon 1 Sep, Fri 29 Aug; before Mon 1 Dec, Fri 28 Nov."""
    packages = [
        Package("A", "derby", "YP-1", D(2025, 2, 15)),
        Package("B", "derby", "YP-2", D(2025, 5, 17), D(2025, 9, 30)),
    ]
    found = obligations_between(
        [PLACEMENT_REVIEW, REVIEW_PAPERS],
        D(2025, 4, 1),
        D(2025, 4, 1),
        D(2025, 12, 31),
        packages=packages,
    )
    assert [
        (D(2025, 5, 30), "review-papers", "A"),
        (D(2025, 5, 30), "review-papers", "B"),
        (D(2025, 5, 31), "placement-review", "B"),
        (D(2025, 6, 1), "placement-review", "A"),
        (D(2025, 8, 29), "review-papers", "A"),
        (D(2025, 8, 29), "review-papers", "B"),
        (D(2025, 8, 31), "placement-review", "B"),
        (D(2025, 9, 1), "placement-review", "A"),
        (D(2025, 11, 28), "review-papers", "A"),
        (D(2025, 12, 1), "placement-review", "A"),
    ] == [(o.due_date, o.obligation_id, o.package_id) for o in found]


def test_package_anchored_reviews_have_no_dates_without_packages() -> None:
    """Without packages there is no placement to review: nothing is invented from the
    contract start (the audit's phantom reviews from the DPS start)."""
    assert [] == obligations_between(
        [PLACEMENT_REVIEW], D(2025, 4, 1), D(2025, 4, 1), D(2025, 12, 31)
    )
