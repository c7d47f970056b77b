"""Deadline rules at their edges (issue #27: survivors of the mutation run).

Dates are worked by hand on the England and Wales calendar (Mon-Fri except bank holidays;
Easter 2025: Good Friday 18 Apr, Easter Monday 21 Apr). The sentences asserted are the
ones a user reads (``describe``, ``explain``, errors).
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator
from zoneinfo import ZoneInfo

import numpy as np
import pytest

from childcare_commissioning.calendars import CalendarSpec, Weekday
from childcare_commissioning.deadlines import (
    DeadlineRule,
    Party,
    evaluate,
    evaluate_many,
    resolve_calendar,
)
from childcare_commissioning.durations import Direction, Duration, DurationKind
from childcare_commissioning.model import Citation

LONDON = ZoneInfo("Europe/London")
K = DurationKind
D = dt.date
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


def london(y: int, m: int, d: int, h: int, mi: int = 0) -> dt.datetime:
    return dt.datetime(y, m, d, h, mi, tzinfo=LONDON)


def test_rules_describe_themselves() -> None:
    assert "provider: within 3 working days after event" == rule(K.WORKING_DAYS, 3).describe()
    assert "council: at least 5 working days before event" == (
        rule(K.WORKING_DAYS, 5, direction=Direction.BEFORE, owed_by=Party.COUNCIL).describe()
    )


def test_explain_a_day_deadline_resting_on_projected_bank_holidays() -> None:
    """3 working days after 10:00 Mon 3 Jan 2028 (past the announced list, which ends
    31 Dec 2027): Tue 4, Wed 5, Thu 6 Jan 2028."""
    deadline = evaluate(rule(K.WORKING_DAYS, 3), london(2028, 1, 3, 10))
    assert (D(2028, 1, 6), None, True) == (deadline.due_date, deadline.due_at, deadline.projected)
    assert (
        "Duty: due end of 2028-01-06 (bank holidays projected, not yet announced) — "
        "3 working days after 2028-01-03T10:00:00+00:00, england-and-wales calendar "
        '[r; test 1: "a quote"]'
    ) == deadline.explain()


def test_explain_an_hour_deadline_on_announced_dates() -> None:
    """24 hours after 10:00 BST Tue 3 Jun 2025 is 10:00 BST Wed 4 Jun; not projected."""
    deadline = evaluate(rule(K.CLOCK_HOURS, 24), london(2025, 6, 3, 10))
    assert (D(2025, 6, 4), london(2025, 6, 4, 10), False) == (
        deadline.due_date,
        deadline.due_at,
        deadline.projected,
    )
    assert (
        "Duty: due 2025-06-04T10:00:00+01:00 — 24 hours after 2025-06-03T10:00:00+01:00, "
        'england-and-wales calendar [r; test 1: "a quote"]'
    ) == deadline.explain()


def test_projection_follows_the_trigger_or_the_due_date() -> None:
    """20 calendar days after Fri 24 Dec 2027 is Thu 13 Jan 2028: the trigger is announced,
    the due date projected, so the answer is projected; 5 days after Mon 20 Dec 2027 (due
    Sat 25 Dec 2027) is not."""
    assert evaluate(rule(K.CALENDAR_DAYS, 20), london(2027, 12, 24, 9)).projected
    assert D(2028, 1, 13) == evaluate(rule(K.CALENDAR_DAYS, 20), london(2027, 12, 24, 9)).due_date
    assert not evaluate(rule(K.CALENDAR_DAYS, 5), london(2027, 12, 20, 9)).projected


def test_the_trigger_is_shown_in_the_calendars_zone() -> None:
    """23:30Z on Sun 30 Mar 2025 is 00:30 BST on Mon 31 Mar: the deadline shows that local
    instant, and 1 working day after Monday is Tue 1 Apr."""
    deadline = evaluate(rule(K.WORKING_DAYS, 1), dt.datetime(2025, 3, 30, 23, 30, tzinfo=dt.UTC))
    assert "2025-03-31T00:30:00+01:00" == deadline.trigger_at.isoformat()
    assert D(2025, 4, 1) == deadline.due_date


def test_a_council_calendar_is_found_before_the_built_ins() -> None:
    """A council declaring its own calendar: it is used, and its id appears, sorted, in the
    error for an unknown calendar beside the built-ins."""
    seven = CalendarSpec("seven-day", "Every day", working_weekdays=frozenset(Weekday))
    assert "seven-day" == resolve_calendar("seven-day", [seven]).spec.id
    assert "scotland" == resolve_calendar("scotland", [seven]).spec.id
    with pytest.raises(LookupError) as unknown:
        resolve_calendar("narnia", [seven])
    assert (
        "unknown calendar 'narnia'; known: england-and-wales, northern-ireland, scotland, seven-day"
    ) == str(unknown.value)
    # Sat 5 Apr 2025 + 1 working day: Sun 6 Apr on the seven-day calendar, Mon 7 on the
    # built-in one.
    assert (
        D(2025, 4, 6)
        == evaluate(
            rule(K.WORKING_DAYS, 1, calendar="seven-day"), london(2025, 4, 5, 9), [seven]
        ).due_date
    )
    assert D(2025, 4, 7) == evaluate(rule(K.WORKING_DAYS, 1), london(2025, 4, 5, 9)).due_date


def test_evaluate_many_refuses_hour_rules() -> None:
    with pytest.raises(
        ValueError, match=r"^rule 'r' is hour-based: use evaluate\(\) for instants$"
    ):
        evaluate_many(rule(K.CLOCK_HOURS, 2), [london(2025, 4, 5, 9)])
    with pytest.raises(ValueError, match="hour-based"):
        evaluate_many(rule(K.IMMEDIATELY), [london(2025, 4, 5, 9)])


def test_evaluate_many_of_no_events() -> None:
    assert 0 == evaluate_many(rule(K.WORKING_DAYS, 1), []).size


#: Events and their hand-worked due dates, one per kind, in both directions.
#: Thu 17 Apr 2025 10:00 BST; Good Friday 18 Apr and Easter Monday 21 Apr are bank holidays.
EASTER = london(2025, 4, 17, 10)
#: 23:30Z on Sun 30 Mar 2025 is Mon 31 Mar locally.
LATE = dt.datetime(2025, 3, 30, 23, 30, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("kind", "amount", "direction", "expected"),
    [
        (K.WORKING_DAYS, 1, Direction.AFTER, [D(2025, 4, 22), D(2025, 4, 1)]),
        (K.WORKING_DAYS, 1, Direction.BEFORE, [D(2025, 4, 16), D(2025, 3, 28)]),
        (K.SAME_WORKING_DAY, 0, Direction.AFTER, [D(2025, 4, 17), D(2025, 3, 31)]),
        (K.SAME_DAY, 0, Direction.AFTER, [D(2025, 4, 17), D(2025, 3, 31)]),
        (K.CALENDAR_DAYS, 3, Direction.AFTER, [D(2025, 4, 20), D(2025, 4, 3)]),
        (K.CALENDAR_DAYS, 3, Direction.BEFORE, [D(2025, 4, 14), D(2025, 3, 28)]),
        (K.WEEKS, 2, Direction.AFTER, [D(2025, 5, 1), D(2025, 4, 14)]),
        (K.WEEKS, 1, Direction.BEFORE, [D(2025, 4, 10), D(2025, 3, 24)]),
        (K.MONTHS, 1, Direction.BEFORE, [D(2025, 3, 17), D(2025, 2, 28)]),
        (K.YEARS, 1, Direction.AFTER, [D(2026, 4, 17), D(2026, 3, 31)]),
    ],
)
def test_evaluate_many_by_hand(
    kind: DurationKind, amount: int, direction: Direction, expected: list[dt.date]
) -> None:
    """Thu 17 Apr 2025 (before Easter) and 23:30Z Sun 30 Mar 2025 (Mon 31 Mar in London):
    1 working day after Thursday skips Good Friday, the weekend and Easter Monday to Tue
    22 Apr; before it is Wed 16. From Mon 31 Mar: Tue 1 Apr after, Fri 28 Mar before.
    31 Mar minus one month clamps to 28 Feb; the bulk path answers from the local date."""
    r = rule(kind, amount, direction=direction)
    bulk = evaluate_many(r, [EASTER, LATE])
    assert expected == [d.item() for d in bulk]
    assert expected == [evaluate(r, e).due_date for e in (EASTER, LATE)]


def test_evaluate_many_takes_local_dates_as_they_are() -> None:
    """datetime64 dates are already local dates: Sun 30 Mar 2025 + 1 working day is
    Mon 31 Mar (not Tue 1 Apr, which the instant 23:30Z would give)."""
    days = np.array([D(2025, 3, 30)], dtype="datetime64[D]")
    assert [D(2025, 3, 31)] == [d.item() for d in evaluate_many(rule(K.WORKING_DAYS, 1), days)]


@pytest.fixture
def tokyo_machine(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The machine's own zone set to Tokyo (nine hours ahead of London in winter)."""
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.usefixtures("tokyo_machine")
def test_a_day_deadline_is_met_by_the_london_date_whatever_the_machines_zone() -> None:
    """1 working day after Mon 6 Jan 2025 is due by the end of Tue 7 Jan (London). 20:00
    GMT on Tue 7 Jan meets it, though Tokyo is already on Wed 8 Jan (05:00); 00:30 GMT on
    Wed 8 Jan does not."""
    deadline = evaluate(rule(K.WORKING_DAYS, 1), london(2025, 1, 6, 9))
    assert D(2025, 1, 7) == deadline.due_date
    assert deadline.is_met_by(london(2025, 1, 7, 20))
    assert not deadline.is_met_by(london(2025, 1, 8, 0, 30))


def test_projected_when_the_target_lies_past_the_announced_list() -> None:
    """At least 5 working days before a meeting on Wed 5 Jan 2028: back over Tue 4 Jan (1),
    Mon 3 Jan (the projected substitute for New Year's Day, Saturday 1 Jan: skipped), Fri
    31 Dec (2), Thu 30 (3), Wed 29 (4), Tue 28 and Mon 27 Dec (substitutes for Christmas
    and Boxing Day, a Saturday and Sunday: skipped), Fri 24 Dec 2027 (5). The due date is
    announced but the count rests on the projected 3 January, so the answer is projected."""
    deadline = evaluate(rule(K.WORKING_DAYS, 5, direction=Direction.BEFORE), london(2028, 1, 5, 10))
    assert (D(2027, 12, 24), True) == (deadline.due_date, deadline.projected)


def test_evaluate_many_on_a_council_calendar() -> None:
    """Sat 5 Apr 2025 + 1 working day on a council's seven-day calendar is Sun 6 Apr."""
    seven = CalendarSpec("seven-day", "Every day", working_weekdays=frozenset(Weekday))
    bulk = evaluate_many(
        rule(K.WORKING_DAYS, 1, calendar="seven-day"), [london(2025, 4, 5, 9)], [seven]
    )
    assert [D(2025, 4, 6)] == [d.item() for d in bulk]


@pytest.mark.parametrize(
    ("kind", "amount", "expected"),
    [
        (K.SAME_DAY, 0, D(2025, 3, 30)),
        (K.CALENDAR_DAYS, 3, D(2025, 4, 2)),
        (K.WORKING_DAYS, 1, D(2025, 3, 31)),
    ],
)
def test_evaluate_many_takes_python_dates_as_local_dates(
    kind: DurationKind, amount: int, expected: dt.date
) -> None:
    """Sun 30 Mar 2025 given as a date: same day is that day, 3 calendar days later is Wed
    2 Apr, 1 working day later Mon 31 Mar; the answer is always a datetime64[D] array."""
    bulk = evaluate_many(rule(kind, amount), [D(2025, 3, 30)])
    assert np.dtype("datetime64[D]") == bulk.dtype
    assert [expected] == [d.item() for d in bulk]
