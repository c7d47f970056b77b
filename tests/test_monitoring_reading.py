"""Reading event logs and declaring monitoring, beyond the worked examples: the CSV edge
cases, standard input with a byte-order mark, and the declarations' own conversions and
checks (the monitoring package's mutation run found each unpinned, issue #44). Every
expected line number and path is counted by hand from the text given."""

from __future__ import annotations

import datetime as dt
import io
import sys
from pathlib import Path

import pytest

from childcare_commissioning.deadlines import Party
from childcare_commissioning.errors import ConversionError, ModelValueError
from childcare_commissioning.model import Citation, Urgency
from childcare_commissioning.monitoring import (
    Condition,
    Count,
    DutyStatus,
    Gate,
    KpiFigure,
    Monitoring,
    open_log,
    period_of,
    read_events,
)
from childcare_commissioning.monitoring.model import _duration_text
from childcare_commissioning.monitoring.periods import year_of
from childcare_commissioning.schedules import Period

CITE = Citation("testshire", "1", "a quote")
HEADER = "case,kind,at,reference\n"


def _csv(text: str) -> list[tuple[int, str, str, str | None]]:
    return [(e.line, e.case, e.kind, e.reference) for e in read_events(io.StringIO(text), "csv")]


def _csv_error(text: str) -> tuple[str, str, str]:
    with pytest.raises(ConversionError) as caught:
        _csv(text)
    [problem] = caught.value.problems
    assert "event" == problem.rule  # every reading problem names the event rule
    return caught.value.target, problem.path, problem.message


def test_csv_rows_keep_their_line_numbers_across_blank_lines_and_short_rows() -> None:
    """Line 1 the header; line 2 C1 with a reference; line 3 blank (skipped, as
    csv.DictReader does); line 4 C2 with one cell fewer than the header (its reference
    absent); line 5 C3 with the reference cell empty (absent too). Cells are trimmed."""
    text = (
        HEADER
        + "C1,referral-received,2025-03-03T10:00,R-1\n"
        + "\n"
        + "C2,referral-received,2025-03-04T10:00\n"
        + " C3 ,referral-received,2025-03-05T10:00,\n"
    )
    assert [
        (2, "C1", "referral-received", "R-1"),
        (4, "C2", "referral-received", None),
        (5, "C3", "referral-received", None),
    ] == _csv(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An empty file has no header: the first required column is missing.
        ("", ("event log line 1", "$.case", "column missing from the header")),
        ("case,kind\n", ("event log line 1", "$.at", "column missing from the header")),
        ("kind,at,case,kind\n", ("event log line 1", "$.kind", "column given twice in the header")),
        (
            HEADER + "C1,referral-received,2025-03-03T10:00,R-1,extra\n",
            ("event log line 2", "$.", "more cells than the header has columns"),
        ),
        (
            HEADER + 'C1,referral-received,2025-03-03T10:00,R-1\nC2,x,2025-03-03T11:00,"open\n',
            ("event log line 3", "$.", None),
        ),
    ],
    ids=["empty", "no-at", "kind-twice", "too-many-cells", "unterminated-quote"],
)
def test_a_broken_csv_log_names_the_line_and_column(
    text: str, expected: tuple[str, str, str | None]
) -> None:
    target, path, message = _csv_error(text)
    assert expected[:2] == (target, path)
    if expected[2] is not None:
        assert expected[2] == message
    else:
        assert "quote" in message


def test_an_unknown_log_format_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown event log format 'xml': use jsonl or csv"):
        read_events(io.StringIO(""), "xml")


def test_standard_input_with_a_byte_order_mark_reads_as_utf8(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``-`` reads standard input as BOM-tolerant UTF-8 whatever its encoding was: the
    bytes of a byte-order mark and "Zoë" (UTF-8) read as the event, not as Latin-1."""
    raw = (
        b'\xef\xbb\xbf{"case": "Zo\xc3\xab", "kind": "referral-received", '
        b'"at": "2025-03-03T10:00"}\n'
    )
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw), encoding="latin-1"))
    [event] = list(read_events(open_log("-")))
    assert ("Zoë", "referral-received") == (event.case, event.kind)


def test_declarations_convert_their_texts_to_members() -> None:
    """A declaration written from JSON gives members as their texts: the instigators, the
    exempt urgencies and the statuses counted are read as the enums' members."""
    condition = Condition("notice", ["provider", "council"], CITE)
    assert frozenset({Party.PROVIDER, Party.COUNCIL}) == condition.by
    gate = Gate("gate", "Gate", "assessed", "started", CITE, exempt=["urgent"])
    assert frozenset({Urgency.URGENT}) == gate.exempt
    count = Count(rules=("offer",), statuses=["met", "late"], by=["provider"])
    assert (frozenset({DutyStatus.MET, DutyStatus.LATE}), frozenset({Party.PROVIDER})) == (
        count.statuses,
        count.by,
    )


@pytest.mark.parametrize(
    "kwargs",
    [
        {},
        {"event": "referral-received", "rules": ("offer",)},
        {"event": "referral-received", "span": ("staff-started", "staff-left")},
    ],
    ids=["none", "event-and-rules", "event-and-span"],
)
def test_a_count_counts_events_deadlines_or_a_span_exactly_one(kwargs: dict[str, object]) -> None:
    """A count has one source: events of a kind, deadlines of rules, or the cases present
    over a span (start and end kinds); none or two of them is refused, naming the three."""
    with pytest.raises(ModelValueError) as caught:
        Count(**kwargs)  # type: ignore[arg-type]
    assert "count: give exactly one of event, rules, span [count-source]" == str(caught.value)


def test_a_count_of_either_kind_is_accepted() -> None:
    assert "referral-received events" == Count(event="referral-received").describe()
    assert "offer deadlines (all)" == Count(rules=("offer",)).describe()


@pytest.mark.parametrize(("month", "accepted"), [(0, False), (1, True), (12, True), (13, False)])
def test_the_reporting_year_starts_in_a_month_1_to_12(month: int, accepted: bool) -> None:
    if accepted:
        assert month == Monitoring(year_start_month=month).year_start_month
        return
    with pytest.raises(ModelValueError) as caught:
        Monitoring(year_start_month=month)
    assert "year_start_month: months are 1 to 12 [month]" == str(caught.value)


def test_the_period_of_a_day_is_its_quarter_label_and_dates() -> None:
    """15 Nov 2026: in UK financial quarters (April to June is Q1) the third quarter of
    2026/27, October to December; in calendar quarters, the fourth of 2026."""
    october_to_december = Period(dt.date(2026, 10, 1), dt.date(2026, 12, 31))
    assert ("2026-Q3", october_to_december) == period_of(dt.date(2026, 11, 15))
    assert ("2026-Q4", october_to_december) == period_of(dt.date(2026, 11, 15), 1)


def test_a_count_says_what_it_counts() -> None:
    """Every narrowing in words, instigators and reasons sorted: a distinct count of
    repeat ends by the council or the provider for a breakdown or a move; and a count of
    two rules' deadlines that were late or met."""
    ends = Count(
        event="placement-ended",
        by=["provider", "council"],
        reasons=["moved", "breakdown"],
        repeat=True,
        distinct=True,
    )
    assert (
        "cases with repeat placement-ended events by council/provider for breakdown/moved"
        == ends.describe()
    )
    assert (
        "a + b deadlines (late/met)" == Count(rules=("a", "b"), statuses=["met", "late"]).describe()
    )


@pytest.mark.parametrize(
    ("delta", "text"),
    [
        (dt.timedelta(seconds=59), "0 min"),
        (dt.timedelta(hours=2), "2 h 0 min"),
        (dt.timedelta(days=1, minutes=5), "1 d 0 h 5 min"),
        (dt.timedelta(days=2, hours=3, minutes=4, seconds=59), "2 d 3 h 4 min"),
    ],
)
def test_how_late_in_days_hours_and_whole_minutes(delta: dt.timedelta, text: str) -> None:
    """Whole minutes (seconds dropped); hours shown once there are any, or any days."""
    assert text == _duration_text(delta)


@pytest.mark.parametrize(
    ("day", "start", "month", "expected"),
    [
        # Without a contract: UK financial years (April), or calendar years.
        (dt.date(2025, 3, 31), None, 4, ("2024/25", dt.date(2024, 4, 1), dt.date(2025, 3, 31))),
        (dt.date(2025, 4, 1), None, 4, ("2025/26", dt.date(2025, 4, 1), dt.date(2026, 3, 31))),
        (dt.date(2100, 1, 15), None, 4, ("2099/00", dt.date(2099, 4, 1), dt.date(2100, 3, 31))),
        (dt.date(2025, 12, 31), None, 1, ("2025", dt.date(2025, 1, 1), dt.date(2025, 12, 31))),
        # A contract from 29 Feb 2024: its anniversary in a common year is 1 March, so
        # year 1 runs to 28 Feb 2025 and year 2 from 1 Mar 2025 to 28 Feb 2026; a day
        # before the start is in year 0 (1 Mar 2023 to 28 Feb 2024).
        (
            dt.date(2025, 2, 28),
            dt.date(2024, 2, 29),
            4,
            ("contract year 1", dt.date(2024, 2, 29), dt.date(2025, 2, 28)),
        ),
        (
            dt.date(2025, 3, 1),
            dt.date(2024, 2, 29),
            4,
            ("contract year 2", dt.date(2025, 3, 1), dt.date(2026, 2, 28)),
        ),
        (
            dt.date(2024, 2, 1),
            dt.date(2024, 2, 29),
            4,
            ("contract year 0", dt.date(2023, 3, 1), dt.date(2024, 2, 28)),
        ),
    ],
)
def test_the_year_of_a_day(
    day: dt.date, start: dt.date | None, month: int, expected: tuple[str, dt.date, dt.date]
) -> None:
    label, period = year_of(day, start, month)
    assert expected == (label, period.start, period.end)


def test_a_csv_file_with_cr_lf_line_ends_and_a_line_break_in_a_cell(tmp_path: Path) -> None:
    """A spreadsheet's CSV ends its lines with CR LF: the rows read as with LF. A cell
    holding a line break (quoted, CR LF inside) is refused, naming line 2 where the row
    starts: a cell may not hold a line break."""
    path = tmp_path / "events.csv"
    path.write_bytes(b"case,kind,at\r\nC1,referral-received,2025-03-03T10:00\r\n")
    with open_log(str(path)) as stream:
        assert [(2, "C1")] == [(e.line, e.case) for e in read_events(stream, "csv")]
    path.write_bytes(b'case,kind,at,reference\r\nC1,x,2025-03-03T10:00,"R-1\r\nR-2"\r\n')
    with open_log(str(path)) as stream, pytest.raises(ConversionError) as caught:
        list(read_events(stream, "csv"))
    assert "event log line 2" == caught.value.target
    assert "a cell may not hold a line break" in caught.value.problems[0].message


def test_the_contract_year_of_a_far_future_contract() -> None:
    """A contract from 1 Jan 5000 (a date a caller can give): 1 Jun 5001 is in its second
    year, 1 Jan to 31 Dec 5001, as for any other start."""
    label, period = year_of(dt.date(5001, 6, 1), dt.date(5000, 1, 1))
    assert ("contract year 2", dt.date(5001, 1, 1), dt.date(5001, 12, 31)) == (
        label,
        period.start,
        period.end,
    )


def test_the_year_of_a_day_defaults_to_uk_financial_years() -> None:
    """Without a contract or a month, years start in April: 15 Apr 2025 is in 2025/26."""
    label, period = year_of(dt.date(2025, 4, 15), None)
    assert ("2025/26", dt.date(2025, 4, 1)) == (label, period.start)


def test_a_count_figure_without_a_percentage_or_target_says_none() -> None:
    """A count KPI (families worked with, at least 30 a year) has no percentage and no
    target: its JSON row gives null for both, and 31 families meet the minimum of 30."""
    figure = KpiFigure(
        "families",
        "Families worked with",
        "2025/26",
        Period(dt.date(2025, 4, 1), dt.date(2026, 3, 31)),
        31,
        None,
        None,
        None,
        CITE,
        (),
        (),
        minimum=30,
    )
    row = figure.as_dict()
    assert (None, None, None, 30, True) == (
        row["percent"],
        row["target"],
        row["denominator"],
        row["minimum"],
        row["meets_target"],
    )
