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
from pathlib import Path
from typing import Any

from childcare_commissioning_derby import SPEC
from childcare_commissioning_derby.monitoring import MONITORING

from childcare_commissioning.conformance import check_council, quote_violations
from childcare_commissioning.monitoring import DutyStatus, Monitor, end_of_day, read_events

TEXT = Path(__file__).resolve().parents[3].parent / "shared" / "specs" / "derby.txt"
LOG = files("childcare_commissioning_derby").joinpath("examples", "monitoring.jsonl")


def _report() -> Any:
    spec = SPEC
    monitor = Monitor(
        spec, end_of_day(dt.date(2025, 4, 4)), source="derby", contract_start=dt.date(2024, 4, 1)
    )
    with LOG.open(encoding="utf-8") as stream:
        closed = monitor.feed_all(read_events(stream))
    return monitor.report(closed)


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
    reports = _report().obligations
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
    figures = {k.period_label: k for k in report.kpis}
    q4, q1 = figures["2024-Q4"], figures["2025-Q1"]
    assert (2, 4, Decimal("50.0")) == (q4.numerator, q4.denominator, q4.percent)
    assert ("DY-001", "DY-003") == q4.numerator_cases
    assert (0, 1, Decimal("0.0")) == (q1.numerator, q1.denominator, q1.percent)
    assert q4.meets_target is False
    assert {"read": 14, "used": 14} == {k: report.counts[k] for k in ("read", "used")}
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
