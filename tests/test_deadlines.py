"""Durations and deadline rules, worked by hand from the specifications' own time limits."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import numpy as np
import pytest

from childcare_commissioning.calendars import EVERY_DAY, CalendarSpec
from childcare_commissioning.deadlines import DeadlineRule, Party, evaluate, evaluate_many
from childcare_commissioning.durations import Direction, Duration, DurationKind
from childcare_commissioning.errors import ModelValueError
from childcare_commissioning.model import Citation, Urgency

LONDON = ZoneInfo("Europe/London")
K = DurationKind
CITE = Citation("test", "1", "a quote")


def rule(kind: DurationKind, amount: int = 0, **kwargs: object) -> DeadlineRule:
    return DeadlineRule(
        id="r",
        title="Duty",
        trigger="event",
        duration=Duration(kind, amount),
        citation=CITE,
        **kwargs,  # type: ignore[arg-type]
    )


def london(*args: int, fold: int = 0) -> dt.datetime:
    return dt.datetime(*args, tzinfo=LONDON, fold=fold)  # type: ignore[misc]


def test_24_hours_across_the_spring_clock_change() -> None:
    """Plymouth 5: written notice "within 24 hours". Event 10:00 GMT Saturday 29 Mar 2025;
    clocks go forward at 01:00 GMT on Sunday 30 Mar. 24 elapsed hours later is 10:00 UTC
    on Sunday, which is 11:00 BST."""
    deadline = evaluate(rule(K.CLOCK_HOURS, 24), london(2025, 3, 29, 10, 0))
    assert london(2025, 3, 30, 11, 0) == deadline.due_at
    assert "+01:00" == deadline.due_at.isoformat()[-6:]


def test_24_hours_before_an_event_across_the_spring_clock_change() -> None:
    """Hours counted back from an event (audit tests.md D3): a duty due 24 clock hours
    *before* a meeting at 10:00 BST on Sunday 30 Mar 2025 (09:00 UTC). 24 elapsed hours
    earlier is 09:00 UTC on Saturday 29 Mar, which is 09:00 GMT (the clocks went forward
    at 01:00 GMT in between), not the wall clock's 10:00; and certainly not after the
    meeting (Monday 31 Mar 10:00, were the direction ignored)."""
    deadline = evaluate(
        rule(K.CLOCK_HOURS, 24, direction=Direction.BEFORE), london(2025, 3, 30, 10, 0)
    )
    assert dt.datetime(2025, 3, 29, 9, 0, tzinfo=dt.UTC) == deadline.due_at
    assert "2025-03-29T09:00:00+00:00" == deadline.due_at.isoformat()
    assert dt.date(2025, 3, 29) == deadline.due_date


def test_24_hours_across_the_autumn_clock_change() -> None:
    """Event 10:00 BST Saturday 25 Oct 2025 (09:00 UTC); clocks go back at 02:00 BST on
    Sunday 26 Oct. 24 hours later is 09:00 UTC Sunday = 09:00 GMT."""
    deadline = evaluate(rule(K.CLOCK_HOURS, 24), london(2025, 10, 25, 10, 0))
    assert dt.datetime(2025, 10, 26, 9, 0, tzinfo=dt.UTC) == deadline.due_at
    assert "2025-10-26T09:00:00+00:00" == deadline.due_at.isoformat()


def test_one_hour_inside_the_repeated_hour() -> None:
    """Derby 3.3.1: offers "within 1 hour for an urgent referral". A referral at the first
    01:30 on 26 Oct 2025 (BST, 00:30 UTC) is due at 01:30 UTC, the *second* 01:30 (GMT)."""
    deadline = evaluate(rule(K.CLOCK_HOURS, 1), london(2025, 10, 26, 1, 30, fold=0))
    assert deadline.due_at is not None
    # Compare in UTC: Python never calls datetimes in different zones equal inside the
    # repeated hour (PEP 495), though they are the same instant.
    assert dt.datetime(2025, 10, 26, 1, 30, tzinfo=dt.UTC) == deadline.due_at.astimezone(dt.UTC)
    assert "2025-10-26T01:30:00+00:00" == deadline.due_at.isoformat()


def test_72_hours_over_a_weekend_and_the_spring_change() -> None:
    """Somerset: urgent referral plans agreed "within 72 hours". Received 18:00 GMT Friday
    28 Mar 2025; 72 elapsed hours is 18:00 UTC Monday 31 Mar = 19:00 BST."""
    deadline = evaluate(rule(K.CLOCK_HOURS, 72), london(2025, 3, 28, 18, 0))
    assert london(2025, 3, 31, 19, 0) == deadline.due_at


def test_escalation_three_working_days_twice_over_christmas() -> None:
    """Plymouth escalation: no reply within three working days, then a further three.
    Raised Monday 23 Dec 2024 at 16:00: Tue 24 (1), 25-26 closed, weekend, Fri 27 (2),
    Mon 30 (3): escalate to the manager after Monday 30 Dec. From there: Tue 31 (1),
    Wed 1 Jan closed, Thu 2 (2), Fri 3 (3): to the commissioning team after Friday 3 Jan."""
    three = rule(K.WORKING_DAYS, 3)
    first = evaluate(three, london(2024, 12, 23, 16, 0))
    assert dt.date(2024, 12, 30) == first.due_date
    assert first.due_at is None
    second = evaluate(three, london(2024, 12, 30, 23, 59))
    assert dt.date(2025, 1, 3) == second.due_date


def test_at_least_five_working_days_before_a_meeting() -> None:
    """Plymouth 11: monitoring information "at least 5 working days before each contract
    review meeting". Meeting Wednesday 8 Jan 2025: Tue 7, Mon 6, Fri 3, Thu 2, (Wed 1
    closed), Tue 31 Dec is the 5th working day before: send by Tuesday 31 December."""
    before = rule(K.WORKING_DAYS, 5, direction=Direction.BEFORE)
    assert dt.date(2024, 12, 31) == evaluate(before, london(2025, 1, 8, 10, 0)).due_date


def test_review_within_28_days_is_calendar_days() -> None:
    """Plymouth 3.1: review "initially within 28 days of the commencement". Commenced
    Monday 2 Dec 2024: 28 days later is Monday 30 Dec 2024 (Christmas does not stop it)."""
    assert (
        dt.date(2024, 12, 30)
        == evaluate(rule(K.CALENDAR_DAYS, 28), london(2024, 12, 2, 9)).due_date
    )


def test_one_weeks_notice() -> None:
    """Plymouth: "a minimum of one week's notice". To end on Friday 10 Jan 2025, notice
    must be given by Friday 3 Jan 2025."""
    before = rule(K.WEEKS, 1, direction=Direction.BEFORE)
    assert dt.date(2025, 1, 3) == evaluate(before, london(2025, 1, 10, 17)).due_date


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (dt.date(2024, 1, 31), 1, dt.date(2024, 2, 29)),  # leap year
        (dt.date(2023, 1, 31), 1, dt.date(2023, 2, 28)),
        (dt.date(2024, 8, 31), 3, dt.date(2024, 11, 30)),
        (dt.date(2018, 7, 1), 3, dt.date(2018, 10, 1)),
    ],
)
def test_months_clamp_to_the_end_of_a_shorter_month(
    start: dt.date, months: int, expected: dt.date
) -> None:
    """31 January + 1 month is the last day of February."""
    at = dt.datetime.combine(start, dt.time(12), tzinfo=LONDON)
    assert expected == evaluate(rule(K.MONTHS, months), at).due_date


def test_dbs_renewed_every_three_years_from_29_february() -> None:
    """Stoke 4.1: DBS "renewed every 3 years". Checked 29 Feb 2020: renewal due 28 Feb 2023."""
    at = london(2020, 2, 29, 12)
    assert dt.date(2023, 2, 28) == evaluate(rule(K.YEARS, 3), at).due_date


def test_same_day_and_same_working_day() -> None:
    """Derby: concerns notified "the same day"; an emergency placement "on the same working
    day". On Saturday 4 Jan 2025 the same day is Saturday; the same working day is Monday 6."""
    at = london(2025, 1, 4, 15)
    assert dt.date(2025, 1, 4) == evaluate(rule(K.SAME_DAY), at).due_date
    assert dt.date(2025, 1, 6) == evaluate(rule(K.SAME_WORKING_DAY), at).due_date


def test_immediately_is_due_at_the_event() -> None:
    """Notify "immediately": due at the instant of the event."""
    at = london(2025, 1, 4, 15, 12)
    assert at == evaluate(rule(K.IMMEDIATELY), at).due_at


def test_late_evening_events_count_from_the_local_day() -> None:
    """23:30 BST on Friday 27 Jun 2025 is 22:30 UTC: still Friday in London, so 1 working day
    later is Monday 30 Jun, whatever the UTC date."""
    at = dt.datetime(2025, 6, 27, 22, 30, tzinfo=dt.UTC)
    assert dt.date(2025, 6, 30) == evaluate(rule(K.WORKING_DAYS, 1), at).due_date


def test_deadlines_carry_rule_citation_calendar_and_projection_flag() -> None:
    """The answer says which rule, which clause and calendar; 2028 holidays are projected."""
    r = rule(K.WORKING_DAYS, 3, owed_by=Party.COUNCIL, urgency=Urgency.URGENT)
    announced = evaluate(r, london(2027, 12, 1, 9))
    projected = evaluate(r, london(2028, 12, 22, 9))
    assert ("r", CITE, "england-and-wales") == (
        announced.rule_id,
        announced.citation,
        announced.calendar,
    )
    assert (False, True) == (announced.projected, projected.projected)
    assert "projected" in projected.explain()
    assert "test 1" in announced.explain()


def test_is_met_by() -> None:
    """A day deadline is met any time on the due date (local), not after."""
    deadline = evaluate(rule(K.WORKING_DAYS, 1), london(2025, 1, 6, 9))  # due Tue 7 Jan
    assert deadline.is_met_by(london(2025, 1, 7, 23, 59))
    assert not deadline.is_met_by(london(2025, 1, 8, 0, 0))


def test_naive_event_times_are_refused() -> None:
    """A naive datetime is ambiguous across clock changes."""
    with pytest.raises(ValueError, match="timezone-aware"):
        evaluate(rule(K.CLOCK_HOURS, 1), dt.datetime(2025, 1, 1, 9))  # noqa: DTZ001


def test_unknown_calendar_lists_known_ones() -> None:
    """A rule naming a calendar nobody declared is a clear error."""
    with pytest.raises(LookupError, match="known: england-and-wales"):
        evaluate(rule(K.WORKING_DAYS, 1, calendar="narnia"), london(2025, 1, 6, 9))


@pytest.mark.parametrize(
    ("kind", "amount"),
    [(K.WORKING_DAYS, 0), (K.CLOCK_HOURS, -1), (K.SAME_DAY, 2), (K.IMMEDIATELY, 1)],
)
def test_duration_amount_must_fit_its_kind(kind: DurationKind, amount: int) -> None:
    """Counted kinds need a positive amount; same-day and immediately take none."""
    with pytest.raises(ModelValueError, match="amount"):
        Duration(kind, amount)


def test_duration_words() -> None:
    """Durations read as the specs write them."""
    assert ["3 working days", "1 hour", "same working day"] == [
        str(Duration(K.WORKING_DAYS, 3)),
        str(Duration(K.CLOCK_HOURS, 1)),
        str(Duration(K.SAME_WORKING_DAY)),
    ]


@pytest.mark.parametrize(
    ("kind", "amount", "direction"),
    [
        (K.WORKING_DAYS, 5, Direction.AFTER),
        (K.WORKING_DAYS, 5, Direction.BEFORE),
        (K.CALENDAR_DAYS, 28, Direction.AFTER),
        (K.WEEKS, 2, Direction.BEFORE),
        (K.MONTHS, 3, Direction.AFTER),
        (K.SAME_WORKING_DAY, 0, Direction.AFTER),
    ],
)
def test_evaluate_many_matches_evaluate(
    kind: DurationKind, amount: int, direction: Direction
) -> None:
    """The bulk path gives the scalar path's answer for a caseload of events."""
    r = rule(kind, amount, direction=direction)
    events = [london(2024, 12, 1, 9) + dt.timedelta(days=i, hours=7 * i) for i in range(120)]
    bulk = evaluate_many(r, events)
    assert [evaluate(r, e).due_date for e in events] == [d.item() for d in bulk]
    assert np.dtype("datetime64[D]") == bulk.dtype


@pytest.mark.parametrize(
    ("done", "met"),
    [
        # Derby 3.3.1: an urgent referral at 00:30Z on 26 Oct 2025 (01:30 BST, first pass)
        # is due one elapsed hour later: 01:30Z, the second 01:30 (GMT). An offer at 01:40
        # BST (fold 0) is 00:40Z: 50 minutes early. 01:31Z is a minute late.
        (london(2025, 10, 26, 1, 40), True),
        (dt.datetime(2025, 10, 26, 0, 40, tzinfo=dt.UTC), True),
        (london(2025, 10, 26, 1, 30, fold=1), True),
        (dt.datetime(2025, 10, 26, 1, 31, tzinfo=dt.UTC), False),
        (london(2025, 10, 26, 1, 31, fold=1), False),
    ],
)
def test_is_met_by_in_the_repeated_autumn_hour(done: dt.datetime, met: bool) -> None:
    deadline = evaluate(
        rule(DurationKind.CLOCK_HOURS, 1), dt.datetime(2025, 10, 26, 0, 30, tzinfo=dt.UTC)
    )
    assert deadline.due_at is not None
    assert dt.datetime(2025, 10, 26, 1, 30, tzinfo=dt.UTC) == deadline.due_at.astimezone(dt.UTC)
    assert met == deadline.is_met_by(done)


SEVEN_DAY = CalendarSpec(
    id="seven-day",
    name="Every day of the year",
    working_weekdays=EVERY_DAY,
    closed_on_bank_holidays=False,
)


@pytest.mark.parametrize(
    ("at", "kind", "calendar", "due"),
    [
        # Derby 3.2.5: emergency provision "available on the same day". Saturday 8 Feb
        # 2025 at 10:00: the same day is Saturday, on any calendar.
        (
            london(2025, 2, 8, 10, 0),
            DurationKind.SAME_DAY,
            "england-and-wales",
            dt.date(2025, 2, 8),
        ),
        # "The same working day" on the England and Wales calendar is a different answer:
        # Monday 10 Feb. Good Friday 18 Apr 2025: Tuesday 22 Apr (Easter Monday skipped).
        (
            london(2025, 2, 8, 10, 0),
            DurationKind.SAME_WORKING_DAY,
            "england-and-wales",
            dt.date(2025, 2, 10),
        ),
        (
            london(2025, 4, 18, 10, 0),
            DurationKind.SAME_WORKING_DAY,
            "england-and-wales",
            dt.date(2025, 4, 22),
        ),
        # On a 24/7 service's calendar every day is a working day: Saturday and Good
        # Friday themselves.
        (
            london(2025, 2, 8, 10, 0),
            DurationKind.SAME_WORKING_DAY,
            "seven-day",
            dt.date(2025, 2, 8),
        ),
        (
            london(2025, 4, 18, 10, 0),
            DurationKind.SAME_WORKING_DAY,
            "seven-day",
            dt.date(2025, 4, 18),
        ),
        # Local midnight: 23:30Z on Sat 29 Mar 2025 is 23:30 GMT, still Saturday; 23:30Z
        # on Sun 30 Mar is 00:30 BST on Monday 31 Mar.
        (
            dt.datetime(2025, 3, 29, 23, 30, tzinfo=dt.UTC),
            DurationKind.SAME_DAY,
            "seven-day",
            dt.date(2025, 3, 29),
        ),
        (
            dt.datetime(2025, 3, 30, 23, 30, tzinfo=dt.UTC),
            DurationKind.SAME_DAY,
            "seven-day",
            dt.date(2025, 3, 31),
        ),
    ],
)
def test_same_day_and_same_working_day_on_the_rules_calendar(
    at: dt.datetime, kind: DurationKind, calendar: str, due: dt.date
) -> None:
    deadline = evaluate(rule(kind, calendar=calendar), at, [SEVEN_DAY])
    assert (due, calendar) == (deadline.due_date, deadline.calendar)
    # The explanation says which: "same day" or "same working day", and the calendar.
    assert f"{kind.value.replace('-', ' ')} after" in deadline.explain()
    assert f"{calendar} calendar" in deadline.explain()
