"""Audit round 2, defect 5: every instant of the year routes a concern to a reachable Derby
contact, with the number the text gives or an explicit "the text gives no number".

3.3.6: the provider's out of hours support "will operate from normal office closing times to
normal office opening times" and "Derby City Council's Emergency Careline will have access to
numbers on the DPS for out of hours"; 3.4.6: "any concerns or alerts have to be notified to
the Council the same day". Normal office hours are read as 09:00-17:00 on England and Wales
working days (reading 'office-hours'); the Careline covers every other instant, weekday bank
holidays included (reading 'concern-notification').
"""

from __future__ import annotations

import datetime as dt
import json
from zoneinfo import ZoneInfo

import pytest
from childcare_commissioning_derby import SPEC

from childcare_commissioning.cli import main
from childcare_commissioning.deadlines import resolve_calendar
from childcare_commissioning.safeguarding import NO_NUMBER, Concern, route

LONDON = ZoneInfo("Europe/London")
UTC = dt.UTC
OFFICE = resolve_calendar("derby-office-hours", SPEC.calendars)
CARELINE = resolve_calendar("derby-out-of-hours", SPEC.calendars)


def _year_of_instants() -> list[dt.datetime]:
    """Every quarter of an hour of 2025 in UTC (35,040 instants): both clock changes (30
    March, 26 October), every weekday bank holiday (1 Jan, 18 and 21 Apr, 5 and 26 May,
    25 Aug, 25 and 26 Dec) and every office opening and closing edge are among them."""
    start = dt.datetime(2025, 1, 1, tzinfo=UTC)
    return [start + dt.timedelta(minutes=15 * i) for i in range(365 * 24 * 4)]


YEAR = _year_of_instants()


def test_the_careline_is_open_exactly_when_the_office_is_closed() -> None:
    """The two calendars are complements at every instant of the year: no instant with
    neither open (the audit found 12:00 on Christmas Day and on Good Friday 2025), none
    with both."""
    both_or_neither = [at for at in YEAR if OFFICE.is_open(at) == CARELINE.is_open(at)]
    assert both_or_neither == []


@pytest.mark.parametrize(
    ("local", "office"),
    [
        # Worked by hand from 09:00-17:00 on England and Wales working days:
        ((2025, 2, 10, 11, 0), True),  # Monday 11:00
        ((2025, 2, 10, 8, 59), False),  # Monday before opening
        ((2025, 2, 14, 16, 59), True),  # Friday, a minute before closing
        ((2025, 2, 14, 17, 0), False),  # Friday closing time
        ((2025, 2, 8, 23, 0), False),  # Saturday night (the audit's case)
        ((2025, 2, 9, 12, 0), False),  # Sunday noon
        ((2025, 12, 25, 12, 0), False),  # Christmas Day (Thursday)
        ((2025, 4, 18, 12, 0), False),  # Good Friday
        ((2025, 4, 21, 9, 0), False),  # Easter Monday opening time
        ((2025, 4, 22, 9, 0), True),  # the Tuesday after
        ((2025, 12, 26, 16, 0), False),  # Boxing Day (Friday)
        ((2025, 3, 31, 9, 0), True),  # first Monday of summer time, 08:00Z
        ((2025, 10, 27, 8, 30), False),  # first Monday of winter time
    ],
)
def test_each_instant_names_the_team_in_office_hours_and_the_careline_otherwise(
    local: tuple[int, int, int, int, int], office: bool
) -> None:
    at = dt.datetime(*local, tzinfo=LONDON)
    for concern in (c.concern for c in SPEC.routing):
        routing = route(SPEC, concern, at)
        assert routing.specified
        (step,) = routing.steps
        assert step.recipient == ("derby-city-council" if office else "emergency-careline")
        assert step.reach == NO_NUMBER
        # Same day: the local date of the concern.
        assert step.deadline.due_date == at.date()


def test_every_quarter_hour_of_the_year_reaches_an_open_contact() -> None:
    """For every routed concern at every quarter hour of 2025: exactly one step, to a
    contact whose own hours are open at that instant, reached by the number the text gives
    or by an explicit 'the text gives no number'; due the same local day."""
    concerns = sorted({rule.concern for rule in SPEC.routing})
    assert set(concerns) == {
        Concern.CHILD,
        Concern.ADULT_AT_RISK,
        Concern.ALLEGATION_AGAINST_WORKER,
        Concern.ALLEGATION_ABOUT_ADULT_CLIENT,
    }
    unreachable = []
    for at in YEAR[::3]:  # every 45 minutes: 11,680 instants x 4 concerns
        for concern in concerns:
            (step,) = route(SPEC, concern, at).steps
            contact = step.contact
            assert contact is not None
            hours = resolve_calendar(contact.hours, SPEC.calendars) if contact.hours else None
            if hours is not None and not hours.is_open(at):
                unreachable.append((at, concern))
            assert step.reach == (contact.phone or contact.email or NO_NUMBER)
            assert step.deadline.due_date == at.astimezone(LONDON).date()
    assert unreachable == []


def test_the_command_line_names_the_careline_at_night_and_says_there_is_no_number(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The audit's reproduction: `safeguarding route --concern child --at
    2025-02-08T23:00` (a Saturday night) named the daytime team with phone null."""
    code = main(
        [
            "safeguarding",
            "route",
            "--council",
            "derby",
            "--concern",
            "child",
            "--at",
            "2025-02-08T23:00:00+00:00",
            "--format",
            "json",
        ]
    )
    assert code == 0
    (step,) = json.loads(capsys.readouterr().out)
    assert step["recipient"] == "emergency-careline"
    assert step["reach"] == "the text gives no number"
    assert step["contact"]["phone"] is None
    main(["safeguarding", "route", "--council", "derby", "--concern", "child", "--at",
          "2025-12-25T12:00:00+00:00"])  # fmt: skip
    assert "Emergency Careline" in capsys.readouterr().out
