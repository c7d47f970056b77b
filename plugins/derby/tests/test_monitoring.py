"""Derby's monitoring, worked by hand from shared/specs/derby.txt on the bundled example log
(src/childcare_commissioning_derby/examples/monitoring.jsonl), as of the end of Friday
4 April 2025, for a contract (the access report's schedule) starting 1 April 2024.

3.3.1: "respond with any offers within 24 hours for a standard referral and within 1 hour
for an urgent referral" (an emergency read as urgent); 3.3.5: the Council's "full
information supplied within 72 hours" of an emergency placement; 3.7.1: the access KPI
"Number of responses received to referrals received by the Council within the specified
timescale", target 100 %, quarterly. Clocks went forward at 01:00 GMT on 30 March 2025.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from importlib.resources import files
from typing import Any

from childcare_commissioning_derby import SPEC
from childcare_commissioning_derby.monitoring import MONITORING, QUALITY_OUTCOMES

from childcare_commissioning.conformance import check_council, quote_violations
from childcare_commissioning.contract import Contract
from childcare_commissioning.convert import loads
from childcare_commissioning.monitoring import DutyStatus, Monitor, end_of_day, read_events
from childcare_commissioning.obligations import obligations_between
from childcare_commissioning.testing.monitoring import monitor_rows
from childcare_commissioning.testing.texts import specification_text

TEXT = specification_text("derby", __file__)

LOG = files("childcare_commissioning_derby").joinpath("examples", "monitoring.jsonl")

CONTRACT = files("childcare_commissioning_derby").joinpath("examples", "contract.json")


def _report() -> Any:
    spec = SPEC
    contract = loads(CONTRACT.read_text(encoding="utf-8"), Contract)
    monitor = Monitor(spec, end_of_day(dt.date(2025, 4, 4)), source="derby", contract=contract)
    with LOG.open(encoding="utf-8") as stream:
        closed = monitor.feed_all(read_events(stream))
    return monitor.report(closed)


AUDIT_2 = [
    {
        "case": "C2",
        "kind": "referral-received",
        "at": "2025-01-01T10:00:00+00:00",
        "urgency": "standard",
    },
    {"case": "C2", "kind": "offer-made", "at": "2025-01-01T12:00:00+00:00"},
    {"case": "C2", "kind": "placement-start", "at": "2025-01-06T10:00:00+00:00"},
    {"case": "C2", "kind": "review-held", "at": "2025-01-15T10:00:00+00:00"},
    {"kind": "access-report-submitted", "at": "2025-03-28T12:00:00+00:00"},
    {"kind": "access-report-submitted", "at": "2025-06-27T12:00:00+01:00"},
]


def _run(rows: list[dict[str, Any]], as_of: dt.date, start: dt.date | None = None) -> Any:
    contract = None if start is None else Contract("derby", "Example", start)
    return monitor_rows(SPEC, rows, as_of, contract)


def test_offers_met_late_and_overdue() -> None:
    """DY-001 standard, Mon 3 Mar 09:00, offer next day 08:00: met. DY-002 urgent 10:00,
    offer 11:20: 20 min late. DY-003 standard Sat 29 Mar 10:00 GMT: 24 elapsed hours end
    Sun 30 Mar 11:00 BST, offer 10:30 BST: met (a wall-clock reading, due 10:00, would call
    it late). DY-004 standard Mon 31 Mar 12:00, offer 1 Apr 15:00: 3 h late. DY-005
    emergency Wed 2 Apr 09:00, due 10:00, no offer: overdue by 2 d 14 h at midnight ending
    4 Apr. Two late offers, one overdue."""
    offers = {d.case: d for d in _report().deadlines if d.rule_id.startswith("offer-")}
    assert ["met", "late", "met", "late", "overdue"] == [
        offers[f"DY-00{n}"].status.value for n in range(1, 6)
    ]
    assert dt.timedelta(minutes=20) == offers["DY-002"].late_by
    assert dt.datetime(2025, 3, 30, 10, 0, tzinfo=dt.UTC) == offers["DY-003"].due_at
    assert dt.timedelta(hours=3) == offers["DY-004"].late_by
    assert dt.timedelta(days=2, hours=14) == offers["DY-005"].late_by
    assert "offer-emergency" == offers["DY-005"].rule_id
    assert 2 == sum(d.status is DutyStatus.LATE for d in offers.values())


def test_full_information_late_across_the_clock_change() -> None:
    """Emergency placement Fri 28 Mar 17:00 GMT; 72 elapsed hours end Mon 31 Mar 17:00 UTC,
    18:00 BST. Information at 18:30 BST: 30 min late (wall-clock: 1 h 30 min)."""
    [info] = [d for d in _report().deadlines if d.rule_id == "full-information"]
    assert (DutyStatus.LATE, dt.timedelta(minutes=30)) == (info.status, info.late_by)
    assert "council" == info.owed_by.value


def test_missed_quarterly_access_report() -> None:
    """Every 3 months from 1 Apr 2024: 1 Jul, 1 Oct, 1 Jan 2025, 1 Apr 2025, 1 Jul 2025.
    Sent 28 Jun (on time), 1 Oct (on the day), 8 Jan (7 days late); nothing for 1 April:
    missing as of 4 April; July not yet due."""
    reports = [o for o in _report().obligations if o.obligation_id == "access-kpis"]
    assert [
        ("2024-07-01", "met"),
        ("2024-10-01", "met"),
        ("2025-01-01", "late"),
        ("2025-04-01", "missing"),
        ("2025-07-01", "open"),
    ] == [(o.due_date.isoformat(), o.status.value) for o in reports]
    assert 7 == reports[2].late_days


def test_access_kpi_per_quarter() -> None:
    """2024-Q4 (Jan-Mar 2025): 4 referrals, offers in time for DY-001 and DY-003: 50.0 %.
    2025-Q1: DY-005 only, no offer: 0.0 %. Target 100 %: missed both."""
    report = _report()
    figures = {k.period_label: k for k in report.kpis if k.kpi_id == "responses-in-time"}
    q4, q1 = figures["2024-Q4"], figures["2025-Q1"]
    assert (2, 4, Decimal("50.0")) == (q4.numerator, q4.denominator, q4.percent)
    assert ("DY-001", "DY-003") == q4.numerator_cases
    assert (0, 1, Decimal("0.0")) == (q1.numerator, q1.denominator, q1.percent)
    assert q4.meets_target is False
    assert {"read": 22, "used": 22} == {k: report.counts[k] for k in ("read", "used")}
    assert "quality-1" in dict(report.unmeasured)
    assert "access" not in dict(report.unmeasured)


def test_kpi_quote_is_in_the_text() -> None:
    """The KPI's quote occurs in Derby's text, and the declaration checks out (the
    conformance kit's monitoring check, which runs on the plugin once its spec carries
    ``monitoring=MONITORING``)."""
    spec = SPEC
    found = quote_violations(spec, TEXT.read_text(encoding="utf-8"))
    assert [] == [str(v) for v in found if v.rule_id.startswith("monitoring/")]
    assert [] == [str(v) for v in check_council(spec) if v.check == "monitoring"]


def test_the_council_declares_its_monitoring() -> None:
    """The plugin's SPEC carries the monitoring declaration these tests exercise."""
    assert MONITORING is SPEC.monitoring


def test_each_placement_is_reviewed_within_two_weeks_then_every_three_months() -> None:
    """3.8.1 "within 2 weeks ... then at 3 month intervals", per placement. The contract's
    DCC-IPA-0311 started Mon 6 Jan 2025: review 1 due Mon 20 Jan, held Fri 17 Jan (met);
    review 2 due 20 Apr (open as of 4 Apr). DY-001 placed Mon 10 Mar: due Mon 24 Mar,
    held Wed 26 Mar: 2 days late; the next due 3 months on, Tue 24 Jun (open). DY-002 placed Wed 12 Mar and ended unexpectedly by the
    Provider Thu 20 Mar, before its first review (due Wed 26 Mar) fell due: none owed."""
    report = _report()
    reviews = [
        (o.package_id, o.sequence, o.due_date.isoformat(), o.status.value, o.late_days)
        for o in report.obligations
        if o.obligation_id == "placement-review"
    ]
    assert [
        ("DCC-IPA-0311", 1, "2025-01-20", "met", None),
        ("DCC-IPA-0311", 2, "2025-04-20", "open", None),
        ("DY-001", 1, "2025-03-24", "late", 2),
        ("DY-001", 2, "2025-06-24", "open", None),
    ] == reviews


def test_the_other_access_measures_with_their_cases() -> None:
    """2024-Q4 (Jan-Mar 2025): 4 placements put forward (referrals DY-001 to DY-004), one
    offer judged suitable (DY-001): 1/4 = 25.0 %. One placement ended unexpectedly at the
    Provider's instigation (DY-002), none at the Council's (no figure for a period with no
    such end)."""
    report = _report()
    figures = {(k.kpi_id, k.period_label): k for k in report.kpis}
    suitable = figures[("suitable-placements", "2024-Q4")]
    assert (1, 4, Decimal("25.0")) == (suitable.numerator, suitable.denominator, suitable.percent)
    assert ("DY-001",) == suitable.numerator_cases
    provider = figures[("unexpected-ends-provider", "2024-Q4")]
    assert (1, None, ("DY-002",)) == (
        provider.numerator,
        provider.denominator,
        provider.numerator_cases,
    )
    assert "1" == provider.figure
    council = figures[("unexpected-ends-council", "2024-Q4")]
    assert (0, ()) == (council.numerator, council.numerator_cases)


def test_audit_2_three_monthly_reviews_are_due_and_missing() -> None:
    """Audit 2026-12 Derby defect 2: placed Mon 6 Jan 2025, reviewed Wed 15 Jan (the first,
    due Mon 20 Jan: met). Then every 3 months from 20 Jan: Sun 20 Apr and Sun 20 Jul, both
    missing as of 30 Sep; the next, Mon 20 Oct, open. Exit status 1 (failures)."""
    report = _run(AUDIT_2, dt.date(2025, 9, 30), dt.date(2025, 1, 1))
    reviews = [
        (o.due_date.isoformat(), o.status.value)
        for o in report.obligations
        if o.obligation_id == "placement-review"
    ]
    assert [
        ("2025-01-20", "met"),
        ("2025-04-20", "missing"),
        ("2025-07-20", "missing"),
        ("2025-10-20", "open"),
    ] == reviews
    assert report.failures >= 2


def test_audit_1_a_log_that_begins_at_the_placement_is_judged() -> None:
    """Audit 2026-12 Derby defect 1: placed Thu 1 May 2025 (the log's first line), a
    concern Tue 10 Jun 12:00 notified Fri 13 Jun: "the same day" was 10 Jun, so 3 days
    late, and the placement's first review (due Thu 15 May) is missing as of 20 Jun (the
    next, 3 months on, Fri 15 Aug, is open)."""
    rows = [
        {"case": "C9", "kind": "placement-start", "at": "2025-05-01T12:00:00+01:00"},
        {"case": "C9", "kind": "concern", "at": "2025-06-10T12:00:00+01:00"},
        {"case": "C9", "kind": "concern-notified", "at": "2025-06-13T13:00:00+01:00"},
    ]
    report = _run(rows, dt.date(2025, 6, 20), dt.date(2025, 4, 1))
    [concern] = report.deadlines
    assert ("concern-same-day", DutyStatus.LATE, 3) == (
        concern.rule_id,
        concern.status,
        concern.late_days,
    )
    reviews = [o for o in report.obligations if o.obligation_id == "placement-review"]
    assert [("2025-05-15", "missing"), ("2025-08-15", "open")] == [
        (o.due_date.isoformat(), o.status.value) for o in reviews
    ]
    assert 0 == report.counts.get("reported", 0)


def test_audit_3_the_report_quarters_are_the_kpi_quarters() -> None:
    """Audit 2026-12 Derby defect 3, reading quarterly: a contract starting
    Thu 15 May 2025. The Access figures are per UK financial quarter (April-June is
    2025-Q1), so the reports are due the day after each quarter ends: Tue 1 Jul 2025 (the
    part quarter 15 May-30 Jun), Wed 1 Oct, Thu 1 Jan 2026, then Wed 1 Apr 2026; not 15 Aug,
    15 Nov and 15 Feb (every 3 months from the start, the audit's reproduction). Sent Mon
    30 Jun (on time) and Fri 3 Oct (1 Oct + 2 days: 2 days late); nothing for 1 Jan:
    missing as of Sat 10 Jan 2026; 1 Apr open. The referral of Tue 20 May answered 2 hours
    later (24 hours allowed) is 1 of 1 in 2025-Q1, the quarter the 1 July report covers."""
    rows: list[dict[str, Any]] = [
        {
            "case": "Q1",
            "kind": "referral-received",
            "at": "2025-05-20T10:00:00+01:00",
            "urgency": "standard",
        },
        {"case": "Q1", "kind": "offer-made", "at": "2025-05-20T12:00:00+01:00"},
        {"kind": "access-report-submitted", "at": "2025-06-30T12:00:00+01:00"},
        {"kind": "access-report-submitted", "at": "2025-10-03T12:00:00+01:00"},
    ]
    report = _run(rows, dt.date(2026, 1, 10), dt.date(2025, 5, 15))
    reports = [
        (o.due_date.isoformat(), o.status.value, o.late_days)
        for o in report.obligations
        if o.obligation_id == "access-kpis"
    ]
    assert [
        ("2025-07-01", "met", None),
        ("2025-10-01", "late", 2),
        ("2026-01-01", "missing", None),
        ("2026-04-01", "open", None),
    ] == reports
    figures = {k.period_label: k for k in report.kpis if k.kpi_id == "responses-in-time"}
    assert (1, 1, Decimal("100.0")) == (
        figures["2025-Q1"].numerator,
        figures["2025-Q1"].denominator,
        figures["2025-Q1"].percent,
    )
    listed = obligations_between(
        SPEC.obligations, dt.date(2025, 5, 15), dt.date(2025, 5, 15), dt.date(2026, 3, 31)
    )
    assert ["2025-07-01", "2025-10-01", "2026-01-01"] == [
        o.due_date.isoformat() for o in listed if o.obligation_id == "access-kpis"
    ]
    assert "financial quarters" in {r.id: r.reading for r in SPEC.readings}["quarterly"]


def test_quality_statements_are_evidenced_by_their_outcome_column() -> None:
    """Audit 2026-12 Derby defect 4: the evidence of each quality statement is 3.7.1's
    Outcome column, verbatim (row 3: "Young people are satisfied with their placement."),
    and its Measure column; the three other Access measures are computed, so only the
    eight statements stay for a visit."""
    text = " ".join(TEXT.read_text(encoding="utf-8").split())
    evidence = dict(MONITORING.evidence)
    assert 8 == len(QUALITY_OUTCOMES)
    for index, outcome in enumerate(QUALITY_OUTCOMES, start=1):
        assert " ".join(outcome.split()) in text
        assert evidence[f"quality-{index}"].startswith(outcome)
        assert "Independent Reviewing Officer" in evidence[f"quality-{index}"]
    assert "Young people are satisfied with their placement." in evidence["quality-3"]
    report = _run([], dt.date(2025, 4, 4))
    assert [f"quality-{n}" for n in range(1, 9)] == [oid for oid, _ in report.unmeasured]


def test_placements_ended_unexpectedly_by_who_instigated_it() -> None:
    """3.7.1 counts the placements that end unexpectedly at the provider's and at the
    Council's instigation. 2024-Q4 (January to March 2025): DY-002 ended Thu 20 Mar by
    the provider (unexpected) = 1 at the provider's, 0 at the Council's. 2025-Q1 (April to
    June 2025): DY-003 ended Thu 3 Apr by the Council (unexpected) = 1 at the Council's, 0
    at the provider's."""
    report = _report()

    def figures(kpi: str) -> dict[str, tuple[int, tuple[str, ...]]]:
        return {
            k.period_label: (k.numerator, k.numerator_cases) for k in report.kpis if k.kpi_id == kpi
        }

    assert {"2024-Q4": (1, ("DY-002",)), "2025-Q1": (0, ())} == figures("unexpected-ends-provider")
    assert {"2024-Q4": (0, ()), "2025-Q1": (1, ("DY-003",))} == figures("unexpected-ends-council")
