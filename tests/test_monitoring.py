"""Contract monitoring on Testshire, every figure worked out by hand from the invented text.

Testshire (tests/plugins/testshire): "The Provider will respond within three working days"
(England and Wales working days); "Serious incidents are notified in writing within 24
hours" (elapsed hours); contract review meetings "quarterly in year one, then six-monthly"
from 1 April 2024, with a monitoring return "at least 5 working days before each meeting";
the KPI "the share of referrals answered within three working days, against a target of
95%" per UK financial quarter.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from decimal import Decimal
from typing import Any

import attrs
import pytest
from childcare_commissioning_testshire import SPEC
from hypothesis import given, settings
from hypothesis import strategies as st

from childcare_commissioning.cli import main
from childcare_commissioning.contract import Contract
from childcare_commissioning.errors import ConversionError, ModelValueError
from childcare_commissioning.monitoring import (
    Completion,
    DutyStatus,
    Event,
    Monitor,
    Monitoring,
    end_of_day,
    open_log,
    parse_period,
    percent,
    period_label,
    read_events,
)
from childcare_commissioning.schedules import Period

AS_OF = end_of_day(dt.date(2025, 4, 4))

#: The log of the worked example, one JSON object per line, in this order.
LOG: list[dict[str, Any]] = [
    {"case": "C1", "kind": "referral-received", "at": "2025-03-03T10:00", "urgency": "standard"},
    {"case": "C1", "kind": "referral-responded", "at": "2025-03-05T16:00", "actor": "A Worker"},
    {"case": "C2", "kind": "referral-received", "at": "2025-03-06T09:00"},
    {"case": "C2", "kind": "referral-received", "at": "2025-03-06T09:00"},  # 4: duplicate
    {"case": "C2", "kind": "referral-responded", "at": "2025-03-13T11:00"},
    {"case": "C3", "kind": "referral-received", "at": "2025-03-14T14:00"},
    {"case": "C3", "kind": "referral-responded", "at": "2025-03-21T10:00"},
    {"case": "C3", "kind": "case-closed", "at": "2025-03-20T10:00"},  # 8: out of order
    {"case": "C4", "kind": "referral-received", "at": "2025-03-27T12:00"},
    {"case": "C1", "kind": "incident", "at": "2025-03-29T10:00:00+00:00"},
    {"case": "C1", "kind": "written-notice-given", "at": "2025-03-30T11:30:00+01:00"},
    {"case": "X9", "kind": "referral-responded", "at": "2025-03-10T10:00"},  # 12: unknown case
    {"case": "C1", "kind": "phone-call", "at": "2025-03-12T10:00"},  # 13: unknown kind
    {"case": "C1", "kind": "case-closed", "at": "2025-03-31T17:00"},  # 14: matches nothing
    {"case": "C1", "kind": "referral-responded", "at": "2025-04-10T10:00"},  # 15: after as-of
    {"kind": "monitoring-return-submitted", "at": "2024-06-20T12:00"},
    {"kind": "monitoring-return-submitted", "at": "2024-09-27T12:00"},
    {"kind": "monitoring-return-submitted", "at": "2025-03-24T12:00", "reference": "4"},
    {"kind": "review-meeting-held", "at": "2024-07-01T10:00"},
    {"kind": "review-meeting-held", "at": "2024-10-01T10:00"},
    {"kind": "review-meeting-held", "at": "2024-12-20T10:00"},
    {"kind": "review-meeting-held", "at": "2025-04-01T10:00"},
]


def _jsonl(rows: list[dict[str, Any]]) -> str:
    return "".join(json.dumps(row) + "\n" for row in rows)


#: The contract the log is monitored under: it starts on 1 April 2024.
CONTRACT = Contract("testshire", "Example Provider", dt.date(2024, 4, 1))


def _run(rows: list[dict[str, Any]], as_of: dt.datetime = AS_OF) -> Any:
    monitor = Monitor(SPEC, as_of, source="testshire 0", contract=CONTRACT)
    closed = monitor.feed_all(read_events(io.StringIO(_jsonl(rows))))
    return monitor.report(closed)


def _by(report: Any, rule: str) -> dict[str, Any]:
    return {d.case: d for d in report.deadlines if d.rule_id == rule}


def test_referral_responses_met_late_and_overdue() -> None:
    """Three working days (E&W): C1 received Mon 3 Mar, due Thu 6 Mar, answered 5 Mar: met.
    C2 received Thu 6 Mar: Fri 7, Mon 10, Tue 11, answered Thu 13: late by 2 days. C3
    received Fri 14: Mon 17, Tue 18, Wed 19, answered Fri 21: 2 days late. C4 received Thu
    27: Fri 28, Mon 31, Tue 1 Apr, never answered: as of Fri 4 Apr it is overdue by 3
    days (1 to 4 April; a day-based duty is late by calendar days)."""
    report = _run(LOG)
    found = _by(report, "referral-response")
    assert {"C1": dt.date(2025, 3, 6), "C2": dt.date(2025, 3, 11)} == {
        k: found[k].due_date for k in ("C1", "C2")
    }
    assert dt.date(2025, 3, 19) == found["C3"].due_date
    assert dt.date(2025, 4, 1) == found["C4"].due_date
    assert [DutyStatus.MET, DutyStatus.LATE, DutyStatus.LATE, DutyStatus.OVERDUE] == [
        found[c].status for c in ("C1", "C2", "C3", "C4")
    ]
    assert (2, 2) == (found["C2"].late_days, found["C3"].late_days)
    assert 3 == found["C4"].late_days
    late_offers = [d for d in found.values() if d.status is DutyStatus.LATE]
    assert 2 == len(late_offers)
    assert "testshire 0" == found["C2"].source
    assert "respond within three working days" == found["C2"].citation.quote


def test_written_notice_late_across_the_spring_clock_change() -> None:
    """Incident Sat 29 Mar 2025 10:00 GMT; 24 elapsed hours end Sun 30 Mar 11:00 BST (the
    clocks went forward at 01:00). Notice at 11:30 BST is 30 minutes late; a wall-clock
    reading (due 10:00 BST) would say 1 h 30 min."""
    notice = _by(_run(LOG), "incident-notice")["C1"]
    assert DutyStatus.LATE == notice.status
    assert dt.datetime(2025, 3, 30, 10, 0, tzinfo=dt.UTC) == notice.due_at
    assert dt.timedelta(minutes=30) == notice.late_by
    assert "30 min" == notice.how_late


def test_written_notice_across_the_autumn_clock_change() -> None:
    """Incident Sat 25 Oct 2025 12:00 BST (11:00 UTC); 24 elapsed hours end Sun 26 Oct
    11:00 GMT (clocks went back at 02:00 BST). Notice 11:30 GMT: 30 min late, where a
    wall-clock reading (due 12:00) would call it met."""
    rows = [
        {"case": "C9", "kind": "referral-received", "at": "2025-10-20T09:00"},
        {"case": "C9", "kind": "referral-responded", "at": "2025-10-21T09:00"},
        {"case": "C9", "kind": "incident", "at": "2025-10-25T12:00"},
        {"case": "C9", "kind": "written-notice-given", "at": "2025-10-26T11:30"},
    ]
    notice = _by(_run(rows, end_of_day(dt.date(2025, 10, 31))), "incident-notice")["C9"]
    assert (DutyStatus.LATE, dt.timedelta(minutes=30)) == (notice.status, notice.late_by)


def test_every_event_is_used_or_reported() -> None:
    """22 events: line 4 repeats line 3, line 8 is earlier than C3's answer (line 7), line
    12's case was never opened, line 13's kind is unknown, line 14 (a declared kind no rule
    or KPI uses) matches nothing, line 15 is after the as-of date: 6 reported, 16 used."""
    report = _run(LOG)
    counts = report.counts
    assert (22, 16, 6) == (counts["read"], counts["used"], counts["reported"])
    assert counts["read"] == counts["used"] + counts["reported"]
    codes = {f.path: f.code.rsplit(".", 1)[1] for f in report.findings}
    assert {
        "line 4": "duplicate",
        "line 8": "out-of-order",
        "line 12": "unknown-case",
        "line 13": "unknown-kind",
        "line 14": "unmatched",
        "line 15": "after-as-of",
    } == codes


def test_missed_quarterly_return_and_meetings() -> None:
    """Meetings (from 1 Apr 2024): 1 Jul, 1 Oct, 1 Jan 2025 (a bank holiday: due the next
    working day, Thu 2 Jan, reading meeting-working-day), 1 Apr 2025, then 1 Oct 2025; the
    third was held early, on Fri 20 Dec 2024. Returns 5 working days before each meeting as
    held (reading before-the-meeting-held): Mon 24 Jun (Jun 28, 27, 26, 25, 24), Tue 24 Sep
    (Sep 30, 27, 26, 25, 24), Fri 13 Dec 2024 (Dec 19, 18, 17, 16, 13), Tue 25 Mar 2025
    (Mar 31, 28, 27, 26, 25) and, the fifth not yet held, Wed 24 Sep 2025. Submitted 20
    Jun (on time), 27 Sep (3 days late, the oldest outstanding), 24 Mar with reference 4
    (the fourth, on time): the third is missing and the fifth not yet due."""
    report = _run(LOG)
    returns = [o for o in report.obligations if o.obligation_id == "monitoring-return"]
    assert [
        dt.date(2024, 6, 24),
        dt.date(2024, 9, 24),
        dt.date(2024, 12, 13),
        dt.date(2025, 3, 25),
        dt.date(2025, 9, 24),
    ] == [o.due_date for o in returns]
    assert [
        DutyStatus.MET,
        DutyStatus.LATE,
        DutyStatus.MISSING,
        DutyStatus.MET,
        DutyStatus.OPEN,
    ] == [o.status for o in returns]
    assert 3 == returns[1].late_days
    meetings = [o for o in report.obligations if o.obligation_id == "review-meeting"]
    assert [DutyStatus.MET] * 4 + [DutyStatus.OPEN] == [o.status for o in meetings]
    assert dt.date(2025, 1, 2) == meetings[2].due_date


def test_without_a_reference_submissions_answer_the_oldest_outstanding() -> None:
    """Drop the reference: 24 Mar answers the third return (due 13 Dec, before the
    meeting held on 20 Dec), 101 days late (18 days to 31 Dec, 31 in January, 28 in
    February, 24 in March), and the fourth is missing."""
    rows = [dict(r) for r in LOG]
    del rows[17]["reference"]
    returns = [o for o in _run(rows).obligations if o.obligation_id == "monitoring-return"]
    assert [DutyStatus.MET, DutyStatus.LATE, DutyStatus.LATE, DutyStatus.MISSING] == [
        o.status for o in returns[:4]
    ]
    assert 101 == returns[2].late_days


def test_kpi_figure_with_its_cases() -> None:
    """2024-Q4 (January to March 2025): 4 referrals received (C1-C4; C2's repeat is not
    counted), 1 answered in time (C1): 25.0 % against 95 %."""
    report = _run(LOG)
    [figure] = report.kpis
    assert ("referral-response", "2024-Q4") == (figure.kpi_id, figure.period_label)
    assert Period(dt.date(2025, 1, 1), dt.date(2025, 3, 31)) == figure.period
    assert (1, 4, Decimal("25.0")) == (figure.numerator, figure.denominator, figure.percent)
    assert figure.meets_target is False
    assert ("C1",) == figure.numerator_cases
    assert ("C1", "C2", "C3", "C4") == figure.denominator_cases
    assert [("family-rating", "How families rate the service")] == list(report.unmeasured)


def test_a_chain_step_counts_from_when_the_previous_step_happened() -> None:
    """A step whose trigger is the previous step's completion starts when that completion
    actually happened: the incident notice's clock starts at the incident, and the response
    rule is started by a referral whenever it is logged. Here an invented declaration makes
    the written notice the trigger-completion link: response completed by "incident"."""
    chained = Monitoring(
        completions=(
            Completion("referral-response", "incident"),
            Completion("incident-notice", "written-notice-given"),
        )
    )
    rows = [
        {"case": "C1", "kind": "referral-received", "at": "2025-03-03T10:00"},
        {"case": "C1", "kind": "incident", "at": "2025-03-10T10:00"},
        {"case": "C1", "kind": "written-notice-given", "at": "2025-03-11T09:00"},
    ]
    monitor = Monitor(SPEC, AS_OF, monitoring=chained)
    closed = monitor.feed_all(read_events(io.StringIO(_jsonl(rows))))
    response, notice = sorted(closed, key=lambda d: d.trigger_at)
    # First step due Thu 6 Mar, done Mon 10 Mar: 4 days late.
    assert (DutyStatus.LATE, 4) == (response.status, response.late_days)
    # Second step from when the first actually happened (10 Mar 10:00), not from 6 Mar.
    assert dt.datetime(2025, 3, 11, 10, 0, tzinfo=dt.UTC) == notice.due_at
    assert DutyStatus.MET == notice.status


def test_a_users_own_event_names_map_to_the_councils() -> None:
    """With REF and RESP mapped to the council's kinds, C1's referral (Mon 3 Mar) answered
    on Wed 5 Mar meets the three working days; unmapped, both are unknown kinds."""
    rows = [
        {"case": "C1", "kind": "REF", "at": "2025-03-03T10:00"},
        {"case": "C1", "kind": "RESP", "at": "2025-03-05T10:00"},
    ]
    aliases = {"REF": "referral-received", "RESP": "referral-responded"}
    monitor = Monitor(SPEC, AS_OF, aliases=aliases)
    [closed] = monitor.feed_all(read_events(io.StringIO(_jsonl(rows))))
    assert ("referral-response", DutyStatus.MET) == (closed.rule_id, closed.status)
    plain = Monitor(SPEC, AS_OF)
    assert [] == plain.feed_all(read_events(io.StringIO(_jsonl(rows))))
    assert 2 == plain.counts["unknown-kind"]


def test_a_bad_period_exits_2(
    tmp_path: Any, capsys: pytest.CaptureFixture[str], testshire_only: None
) -> None:
    log = tmp_path / "events.jsonl"
    log.write_text(_jsonl(LOG[:1]), encoding="utf-8")
    args = ["monitor", str(log), "--council", "testshire", "--as-of", "2025-04-04"]
    assert 2 == main([*args, "--period", "2025-Q5"])
    assert "period" in capsys.readouterr().err


def test_csv_log_with_a_byte_order_mark_reads_the_same(tmp_path: Any) -> None:
    """A spreadsheet's CSV starts with a byte-order mark: the first column is still
    "case", and empty cells are absent values."""
    path = tmp_path / "events.csv"
    path.write_bytes(
        b"\xef\xbb\xbfcase,kind,at,reference\nC1,referral-received,2025-03-03T10:00,\n"
    )
    with open_log(str(path)) as stream:
        rows = list(read_events(stream, "csv"))
    assert [("C1", "referral-received", None)] == [(e.case, e.kind, e.reference) for e in rows]


@pytest.mark.parametrize(
    ("line", "field"),
    [
        ('{"case": "C1", "kind": "x", "at": "yesterday"}', "$.at"),
        ('{"case": "C1", "at": "2025-03-03T10:00"}', "$.kind"),
        ('{"case": "C1", "kind": "x", "kind": "y", "at": "2025-03-03T10:00"}', "$.kind"),
        ('{"case": "C1", "kind": "x", "at": "2025-10-26T01:30"}', "$.at"),
        ('{"case": "C1", "kind": "x", "at": "2025-03-03T10:00", "urgency": "soon"}', "$.urgency"),
        ('{"case": "C1", "kind": "x", "at": "2025-03-03T10:00", "urgncy": "urgent"}', "$.urgncy"),
    ],
)
def test_a_broken_line_is_an_error_naming_line_and_field(line: str, field: str) -> None:
    """Bad times, missing or repeated fields, the repeated autumn hour without an offset and
    unknown urgencies stop the read, naming the line (2) and the field."""
    text = '{"case": "C0", "kind": "referral-received", "at": "2025-03-01T10:00"}\n' + line
    with pytest.raises(ConversionError) as caught:
        list(read_events(io.StringIO(text)))
    assert "event log line 2" == caught.value.target
    assert field == caught.value.problems[0].path


def test_the_actor_is_personal_data_and_stays_out_of_reprs() -> None:
    event = next(read_events(io.StringIO(_jsonl(LOG[1:2]))))
    assert "A Worker" == event.actor
    assert "A Worker" not in repr(event)


def test_periods_are_the_councils_quarters() -> None:
    """UK financial quarters: 2026-Q3 is October to December 2026; calendar quarters when
    the reporting year starts in January."""
    assert Period(dt.date(2026, 10, 1), dt.date(2026, 12, 31)) == parse_period("2026-Q3")
    assert Period(dt.date(2026, 7, 1), dt.date(2026, 9, 30)) == parse_period("2026-Q3", 1)
    assert "2025-Q4" == period_label(dt.date(2026, 2, 1))
    with pytest.raises(ModelValueError):
        parse_period("2026-Q5")


def test_declaration_must_name_rules_the_council_declares() -> None:
    broken = Monitoring(completions=(Completion("no-such-rule", "x"),))
    with pytest.raises(ModelValueError, match="unknown rule 'no-such-rule'"):
        Monitor(attrs.evolve(SPEC, monitoring=broken), AS_OF)


def test_event_times_must_be_aware() -> None:
    with pytest.raises(ModelValueError):
        Monitor(SPEC, dt.datetime(2025, 4, 4))  # noqa: DTZ001 (naive on purpose)
    assert Event("C1", "x", AS_OF).case == "C1"


# --- the command --------------------------------------------------------------------------


@pytest.fixture
def testshire_only(monkeypatch: pytest.MonkeyPatch) -> Any:
    from childcare_commissioning.registry import get_registry

    monkeypatch.setenv("CHILDCARE_COMMISSIONING_PLUGINS", "testshire")
    get_registry.cache_clear()
    yield
    get_registry.cache_clear()


def test_monitor_command_json_and_exit_status(
    tmp_path: Any, capsys: pytest.CaptureFixture[str], testshire_only: None
) -> None:
    """Late and overdue deadlines make the exit status 1; the JSON carries the same figures."""
    log = tmp_path / "events.jsonl"
    log.write_text(_jsonl(LOG), encoding="utf-8")
    status = main(
        ["monitor", str(log), "--council", "testshire", "--as-of", "2025-04-04", "--format", "json"]
    )
    assert 1 == status
    out = json.loads(capsys.readouterr().out)
    assert {"read": 22, "used": 16, "reported": 6} == {
        k: out["counts"][k] for k in ("read", "used", "reported")
    }
    statuses = [d["status"] for d in out["deadlines"] if d["rule"] == "referral-response"]
    assert ["met", "late", "late", "overdue"] == statuses
    [kpi] = out["kpis"]
    assert ("25.0", ["C1"]) == (kpi["percent"], kpi["numerator_cases"])


def test_monitor_command_exit_0_when_all_is_in_time(
    tmp_path: Any, capsys: pytest.CaptureFixture[str], testshire_only: None
) -> None:
    """One referral (Mon 3 Mar) called back the same afternoon (due the next service day,
    4 Mar) and answered on 5 Mar (due 6 Mar), with the contract starting 1 Mar 2025 (first
    return due in May): nothing late, exit 0."""
    log = tmp_path / "events.jsonl"
    called = {"case": "C1", "kind": "called-back", "at": "2025-03-03T15:00"}
    log.write_text(_jsonl([LOG[0], called, LOG[1]]), encoding="utf-8")
    assert 0 == main(
        ["monitor", str(log), "--council", "testshire", "--as-of", "2025-03-05",
         "--contract-start", "2025-03-01"]
    )  # fmt: skip
    assert "referral-response" in capsys.readouterr().out


def test_monitor_command_one_case_timeline(
    tmp_path: Any, capsys: pytest.CaptureFixture[str], testshire_only: None
) -> None:
    """C1's timeline: its response (met), its call back (never logged: overdue) and its
    incident notice (30 min late), with the rule, the citation and the plugin."""
    log = tmp_path / "events.jsonl"
    log.write_text(_jsonl(LOG), encoding="utf-8")
    args = ["monitor", str(log), "--council", "testshire", "--as-of", "2025-04-04"]
    assert 1 == main([*args, "--case", "C1"])
    out = capsys.readouterr().out
    # Rows start with the event's kind; folded cells continue on lines starting "│  ".
    lines = [line for line in out.splitlines() if line.startswith("│ ") and "Event" not in line]
    rows = [line for line in lines if not line.startswith("│  ")]
    assert ["referral-received", "referral-received", "incident"] == [
        row.split("│")[1].strip() for row in rows
    ]
    assert "│ met " in rows[0]
    assert "│ overdue │ 31 days" in rows[1]  # due 4 March, as of 4 April
    assert "│ late " in rows[2]
    assert "30 min" in rows[2]
    assert "childcare-commis" in rows[0]  # the plugin distribution (folded by the table)


def test_monitor_command_csv_is_spreadsheet_safe(
    tmp_path: Any, capsys: pytest.CaptureFixture[str], testshire_only: None
) -> None:
    """A case id beginning with '=' is written with a leading apostrophe."""
    log = tmp_path / "events.csv"
    log.write_text(
        "case,kind,at\n=HYPERLINK(1),referral-received,2025-03-03T10:00\n", encoding="utf-8"
    )
    main(["monitor", str(log), "--council", "testshire", "--as-of", "2025-03-04",
          "--format", "csv"])  # fmt: skip
    out = capsys.readouterr().out
    assert "'=HYPERLINK(1)" in out
    assert "\n=HYPERLINK" not in out


def test_monitor_command_bad_line_exits_2(
    tmp_path: Any, capsys: pytest.CaptureFixture[str], testshire_only: None
) -> None:
    log = tmp_path / "events.jsonl"
    log.write_text('{"case": "C1", "kind": "referral-received", "at": "soon"}\n')
    assert 2 == main(["monitor", str(log), "--council", "testshire", "--as-of", "2025-03-04"])
    err = capsys.readouterr().err
    assert "event log line 1" in err
    assert "$.at" in err


def test_handbook_section_lists_what_events_measure_and_what_stays_for_a_visit() -> None:
    """Testshire's page: the response rule (started by referral-received, done by
    referral-responded) is measured; the "immediately" rule is not (no completion); the
    KPI reads "referral-response deadlines (met) / referral-received events"; the family
    rating stays for a visit."""
    from childcare_commissioning.handbook import council_page
    from childcare_commissioning.registry import RegisteredCouncil

    page = council_page(RegisteredCouncil(SPEC, "testshire", "0", "testshire"))
    section = page.split("## Monitoring this contract")[1].split("\n## ")[0]
    measured = section.split("### Deadlines measured from events")[1].split("###")[0]
    assert "| `referral-received` | `referral-responded` | Respond to a referral |" in measured
    assert "Immediately" not in measured
    assert "referral-response deadlines (met) / referral-received events" in section
    visit = section.split("### Not measurable from events")[1]
    assert "How families rate the service" in visit
    assert "| `immediately` | Immediately |" in visit


def test_the_demo_monitors_the_bundled_example_log(
    capsys: pytest.CaptureFixture[str], testshire_only: None
) -> None:
    """Testshire's bundled log is the worked example above (called-back events are not in
    it): late or overdue are the 4 response deadlines but C1's, the incident notice, the 4
    call backs (due the next service day, none logged), plus 2 monitoring returns (one
    late, one missing): 10."""
    assert 0 == main(["demo", "--format", "json"])
    found = json.loads(capsys.readouterr().out)["monitoring"]["testshire"]
    assert 10 == found["failures"]
    assert 22 == found["counts"]["read"]
    assert "KPI referral-response 2024-Q4: 1/4 = 25.0%" in found["lines"]


_KINDS = ("referral-received", "referral-responded", "incident", "written-notice-given",
          "case-closed", "phone-call", "monitoring-return-submitted")  # fmt: skip


@given(
    st.lists(
        st.tuples(
            st.sampled_from(("C1", "C2", "C3", "")),
            st.sampled_from(_KINDS),
            st.integers(min_value=0, max_value=60 * 24 * 40),
        ),
        max_size=40,
    )
)
@settings(max_examples=60, deadline=None)
def test_counts_always_reconcile(rows: list[tuple[str, str, int]]) -> None:
    """Whatever the log (any order, repeats, unknown cases and kinds, events after the
    as-of date): every event read is used or reported, each reported one is a finding, and
    no deadline is both closed and still open."""
    start = dt.datetime(2025, 3, 1, tzinfo=dt.UTC)
    events = [
        Event(case, kind, start + dt.timedelta(minutes=minutes), line=number)
        for number, (case, kind, minutes) in enumerate(rows, start=1)
    ]
    monitor = Monitor(SPEC, end_of_day(dt.date(2025, 4, 4)))
    report = monitor.report(monitor.feed_all(events))
    counts = report.counts
    assert len(rows) == counts.get("read", 0)
    assert counts.get("read", 0) == counts.get("used", 0) + counts.get("reported", 0)
    event_findings = [f for f in report.findings if f.code.startswith("monitoring.event.")]
    assert counts.get("reported", 0) == len(event_findings)
    keys = [(d.case, d.rule_id, d.trigger_at) for d in report.deadlines]
    assert len(keys) == len(set(keys))


# --- arithmetic the audit's mutants showed unpinned (audits 2026-12, tests.md M1-M3, M6) ---


@pytest.mark.parametrize(
    ("incident", "notice"),
    [
        ("2025-03-29T00:30:00+00:00", "2025-03-30T03:00:00+01:00"),
        # The same instants as London wall-clock times (a log without offsets): the due
        # time and the notice then share London's zone, where Python subtracts wall-clock
        # times; only the conversion to UTC gives elapsed time (audit tests.md M1).
        ("2025-03-29T00:30", "2025-03-30T03:00"),
    ],
    ids=["with-offsets", "london-local"],
)
def test_late_by_is_elapsed_time_across_the_spring_clock_change(incident: str, notice: str) -> None:
    """M1. Incident 00:30 GMT Sat 29 Mar 2025; 24 elapsed hours end 00:30 GMT Sun 30 Mar
    (still GMT: the clocks went forward at 01:00 GMT). Notice at 03:00 BST (02:00 UTC):
    1 h 30 min late. The wall-clock difference (03:00 - 00:30) would say 2 h 30 min."""
    rows = [
        {"case": "D1", "kind": "referral-received", "at": "2025-03-27T10:00"},
        {"case": "D1", "kind": "incident", "at": incident},
        {"case": "D1", "kind": "written-notice-given", "at": notice},
    ]
    notice = _by(_run(rows), "incident-notice")["D1"]
    assert (DutyStatus.LATE, dt.timedelta(hours=1, minutes=30)) == (notice.status, notice.late_by)
    assert "1 h 30 min" == notice.how_late


def test_days_late_count_the_london_date() -> None:
    """M2. Received Mon 2 Jun 2025: three working days are Tue 3, Wed 4, Thu 5 Jun. The
    answer at 23:30 UTC on Thu 5 Jun is 00:30 BST on Fri 6 Jun in London: 1 day late (the
    UTC date would say on time)."""
    rows = [
        {"case": "D2", "kind": "referral-received", "at": "2025-06-02T10:00"},
        {"case": "D2", "kind": "referral-responded", "at": "2025-06-05T23:30:00+00:00"},
    ]
    answer = _by(_run(rows, end_of_day(dt.date(2025, 6, 30))), "referral-response")["D2"]
    assert (dt.date(2025, 6, 5), DutyStatus.LATE, 1) == (
        answer.due_date,
        answer.status,
        answer.late_days,
    )


def test_a_duty_due_on_the_as_of_date_is_open_not_overdue() -> None:
    """M3. Received Tue 1 Apr 2025: due Fri 4 Apr (Wed 2, Thu 3, Fri 4). As of the end of
    Fri 4 Apr it is still open (no late days); as of the end of Mon 7 Apr it is overdue by
    3 days (5, 6, 7 Apr)."""
    rows = [{"case": "D3", "kind": "referral-received", "at": "2025-04-01T10:00"}]
    open_ = _by(_run(rows, end_of_day(dt.date(2025, 4, 4))), "referral-response")["D3"]
    assert (DutyStatus.OPEN, None) == (open_.status, open_.late_days)
    overdue = _by(_run(rows, end_of_day(dt.date(2025, 4, 7))), "referral-response")["D3"]
    assert (DutyStatus.OVERDUE, 3) == (overdue.status, overdue.late_days)


@pytest.mark.parametrize(
    ("numerator", "denominator", "shown"),
    [
        (1, 16, "6.3"),  # 6.25: half up (half-even would give 6.2)
        (3, 8, "37.5"),  # exact
        (1, 6, "16.7"),  # 16.666...
        (5, 16, "31.3"),  # 31.25
        (16, 16, "100.0"),
        (0, 4, "0.0"),
    ],
)
def test_kpi_percentages_round_half_up_to_one_place(
    numerator: int, denominator: int, shown: str
) -> None:
    """M6. 100 x numerator / denominator, rounded half up to 0.1 as documented."""
    assert Decimal(shown) == percent(numerator, denominator)
    assert shown == str(percent(numerator, denominator))


def test_a_kpi_of_one_in_sixteen_reads_six_point_three() -> None:
    """M6 through the monitor: 16 referrals in January 2025, only the first answered in
    time (within three working days): 1/16 = 6.25 %, shown 6.3 % in 2024-Q4."""
    rows: list[dict[str, Any]] = []
    for number in range(16):
        rows.append(
            {"case": f"K{number:02d}", "kind": "referral-received", "at": "2025-01-06T09:00"}
        )
    rows.append({"case": "K00", "kind": "referral-responded", "at": "2025-01-07T09:00"})
    [figure] = _run(rows).kpis
    assert (1, 16, Decimal("6.3")) == (figure.numerator, figure.denominator, figure.percent)


def test_half_years_of_a_contract_clamp_to_shorter_months() -> None:
    """A contract from Sat 31 Aug 2024: six months on is 28 Feb 2025 (February has no
    31st), so the first half-year is 31 Aug 2024 to 27 Feb 2025 and the second starts 28
    Feb 2025; without a contract, halves of the financial year (H2: October to March)."""
    from childcare_commissioning.monitoring.periods import half_of

    label, first = half_of(dt.date(2024, 9, 15), dt.date(2024, 8, 31))
    assert ("contract half-year 1", dt.date(2024, 8, 31), dt.date(2025, 2, 27)) == (
        label,
        first.start,
        first.end,
    )
    assert "contract half-year 2" == half_of(dt.date(2025, 2, 28), dt.date(2024, 8, 31))[0]
    label, second = half_of(dt.date(2025, 1, 1), None)
    assert ("2024/25 H2", dt.date(2024, 10, 1), dt.date(2025, 3, 31)) == (
        label,
        second.start,
        second.end,
    )


def test_a_span_count_takes_one_source_and_ended_needs_a_span() -> None:
    from childcare_commissioning.monitoring import Count

    with pytest.raises(ModelValueError, match="exactly one of event, rules, span"):
        Count(event="staff-left", span=("staff-started", "staff-left"))
    with pytest.raises(ModelValueError, match="ended counts the ends of a span"):
        Count(event="staff-left", ended=True)
    assert (
        "cases ended (staff-left) in the period for unplanned"
        == Count(span=("staff-started", "staff-left"), ended=True, reasons={"unplanned"}).describe()
    )


def test_the_json_rows_of_a_deadline_an_obligation_and_a_kpi() -> None:
    """What `monitor` writes for one row of each kind, every field from the worked
    examples above: C2's answer (received Thu 6 Mar 09:00 GMT, due Tue 11 Mar, answered
    Thu 13 Mar 11:00: 2 days late); C1's incident notice (due 11:00 BST 30 Mar, given
    11:30 BST: 1,800 seconds late); the second monitoring return (due Tue 24 Sep 2024,
    submitted Fri 27 Sep 12:00 BST: 3 days late); the KPI of 1 in 16 (6.25 %, shown 6.3,
    against 95: not met; January to March 2025 ended before the as-of date)."""
    report = _run(LOG)
    answer = _by(report, "referral-response")["C2"]
    assert {
        "case": "C2",
        "rule": "referral-response",
        "title": "Respond to a referral",
        "owed_by": "provider",
        "trigger": "referral-received",
        "trigger_at": "2025-03-06T09:00:00+00:00",
        "due_date": "2025-03-11",
        "due_at": None,
        "done_at": "2025-03-13T11:00:00+00:00",
        "status": "late",
        "late_by_seconds": None,
        "late_days": 2,
        "how_late": "2 days",
        "citation": 'testshire 4 Referrals: "respond within three working days"',
        "source": "testshire 0",
    } == answer.as_dict()
    notice = _by(report, "incident-notice")["C1"].as_dict()
    assert ("2025-03-30T11:00:00+01:00", "2025-03-30T11:30:00+01:00") == (
        notice["due_at"],
        notice["done_at"],
    )
    assert (1800, None, "30 min") == (
        notice["late_by_seconds"],
        notice["late_days"],
        notice["how_late"],
    )
    returns = [o for o in report.obligations if o.obligation_id == "monitoring-return"]
    assert {
        "obligation": "monitoring-return",
        "package": None,
        "title": "Monitoring return",
        "sequence": 2,
        "due_date": "2024-09-24",
        "status": "late",
        "submitted_at": "2024-09-27T12:00:00+01:00",
        "late_days": 3,
        "citation": 'testshire 6 Monitoring: "at least 5 working days before each meeting"',
    } == returns[1].as_dict()
    rows: list[dict[str, Any]] = [
        {"case": f"K{n:02d}", "kind": "referral-received", "at": "2025-01-06T09:00"}
        for n in range(16)
    ]
    rows.append({"case": "K00", "kind": "referral-responded", "at": "2025-01-07T09:00"})
    [figure] = _run(rows).kpis
    assert {
        "kpi": "referral-response",
        "title": "Referrals answered within three working days",
        "period": "2024-Q4",
        "start": "2025-01-01",
        "end": "2025-03-31",
        "numerator": 1,
        "denominator": 16,
        "percent": "6.3",
        "target": "95",
        "minimum": None,
        "complete": True,
        "meets_target": False,
        "numerator_cases": ["K00"],
        "denominator_cases": [f"K{n:02d}" for n in range(16)],
        "citation": 'testshire 6 Monitoring: "against a target of 95%"',
    } == figure.as_dict()


def test_an_end_refused_for_one_span_is_still_taken_by_another() -> None:
    """Two spans end with the same kind (``left``): A from ``a-joined``, B from
    ``b-joined``. Case C joins A and leaves it, then joins B and leaves: the second
    ``left`` ends an A span that had already ended (said once), and must still end C's open
    B span, so C is no longer present in B after 10 March."""
    import datetime as dt

    from childcare_commissioning.model import Citation
    from childcare_commissioning.monitoring import Count, Event, Kpi, Monitoring
    from childcare_commissioning.monitoring.figures import Tallies

    cite = Citation("testshire", "1", "spans")
    kpis = [
        Kpi(f"k{name}", name, Count(span=(f"{name}-joined", "left")), None, cite)
        for name in ("a", "b")
    ]
    tallies = Tallies(Monitoring(kpis=kpis), dt.date(2025, 1, 1), dt.date(2025, 6, 30))
    london = dt.UTC
    steps = [("a-joined", 1), ("left", 2), ("b-joined", 3), ("left", 10)]
    answers = []
    for kind, day in steps:
        event = Event("C", kind, dt.datetime(2025, 3, day, 9, tzinfo=london))
        answers.append(tallies.count_event(kind, event, "C", dt.date(2025, 3, day), True))
    assert answers[:3] == [True, True, True]
    assert answers[3] == "ends a a-joined to left span that had already ended"
    # (B's first span, to 2 March, is the first ``left``: present from before the log.)
    assert tallies._spans[("b-joined", "left")]["C"][-1][:2] == [
        dt.date(2025, 3, 3),
        dt.date(2025, 3, 10),
    ]
