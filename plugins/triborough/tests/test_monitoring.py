"""Triborough's monitoring, worked by hand from shared/specs/triborough.txt on the bundled
example log (src/childcare_commissioning_triborough/examples/monitoring.jsonl), as of the
end of Friday 4 April 2025, for a contract commencing 1 April 2024.
"""

from __future__ import annotations

import datetime as dt
from importlib.resources import files
from typing import Any

from childcare_commissioning_triborough import SPEC
from childcare_commissioning_triborough.monitoring import MONITORING

from childcare_commissioning.conformance import check_council
from childcare_commissioning.monitoring import DutyStatus, Monitor, end_of_day, read_events

LOG = files("childcare_commissioning_triborough").joinpath("examples", "monitoring.jsonl")


def _report() -> Any:
    spec = SPEC
    monitor = Monitor(spec, end_of_day(dt.date(2025, 4, 4)), contract_start=dt.date(2024, 4, 1))
    with LOG.open(encoding="utf-8") as stream:
        closed = monitor.feed_all(read_events(stream))
    return monitor.report(closed)


def test_written_report_of_gross_misconduct() -> None:
    """Allegation Thu 27 Mar 2025: 5 working days are Fri 28, Mon 31, Tue 1, Wed 2, Thu 3
    Apr (the clock change on Sunday 30 March moves no working day); report sent Fri 4 Apr:
    1 day late."""
    [report] = _report().deadlines
    assert (dt.date(2025, 4, 3), DutyStatus.LATE, 1) == (
        report.due_date,
        report.status,
        report.late_days,
    )


def test_missed_quarterly_report() -> None:
    """Meetings every 3 months from 1 Apr 2024: 1 Jul, 1 Oct, 1 Jan 2025, 1 Apr 2025, then
    1 Jul. "Every 3 months" names no day: the 1 January meeting (New Year's Day, a bank
    holiday) is due the next working day, Thu 2 Jan (reading meeting-working-day), and held
    on 2 January it is on time (audit 2026-12 Triborough defect 2). Reports one working day
    before each meeting as held (reading before-the-meeting-held): Fri 28 Jun, Mon 30 Sep,
    Tue 31 Dec (the working day before Thu 2 Jan), Mon 31 Mar, Mon 30 Jun 2025. Sent 27 Jun
    and 30 Sep (on time), nothing in December (missing), 28 Mar marked as the fourth (on
    time)."""
    report = _report()
    reports = [o for o in report.obligations if o.obligation_id == "quarterly-report"]
    assert [
        ("2024-06-28", "met"),
        ("2024-09-30", "met"),
        ("2024-12-31", "missing"),
        ("2025-03-31", "met"),
        ("2025-06-30", "open"),
    ] == [(o.due_date.isoformat(), o.status.value) for o in reports]
    meetings = [o for o in report.obligations if o.obligation_id == "quarterly-meeting"]
    assert ["met", "met", "met", "met", "open"] == [o.status.value for o in meetings]
    assert "2025-01-02" == meetings[2].due_date.isoformat()


def test_families_worked_with_per_contract_year() -> None:
    """3.4 "a minimum of Thirty families per year", per contract year from 1 Apr 2024.
    Year 1 (1 Apr 2024 to 31 Mar 2025): F-01, F-02 (referred twice, one family) and F-03
    (31 Mar 16:00, the year's last day): 3 families, short of 30 once the year is over.
    Year 2 began 1 Apr 2025: F-04, 1 so far, not judged before the year ends. The
    priority outcomes (targets "to be determined") stay for visits."""
    report = _report()
    figures = {k.period_label: k for k in report.kpis}
    one, two = figures["contract year 1"], figures["contract year 2"]
    assert (dt.date(2024, 4, 1), dt.date(2025, 3, 31)) == (one.period.start, one.period.end)
    assert (3, ("F-01", "F-02", "F-03"), False) == (
        one.numerator,
        one.numerator_cases,
        one.meets_target,
    )
    assert "3 (at least 30)" == one.figure
    assert (1, None) == (two.numerator, two.meets_target)
    assert "families-per-year" not in dict(report.unmeasured)
    assert "priority-1" in dict(report.unmeasured)
    assert (14, 14) == (report.counts["read"], report.counts["used"])
    spec = SPEC
    assert [] == [str(v) for v in check_council(spec) if v.check == "monitoring"]


def test_the_council_declares_its_monitoring() -> None:
    """The plugin's SPEC carries the monitoring declaration these tests exercise."""
    assert MONITORING is SPEC.monitoring
