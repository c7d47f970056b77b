"""Somerset's monitoring, worked by hand from shared/specs/somerset.txt on the bundled
example log (src/childcare_commissioning_somerset/examples/monitoring.jsonl), as of the end
of Friday 4 April 2025. Clocks went forward at 01:00 GMT on 30 March 2025.
"""

from __future__ import annotations

import datetime as dt
from importlib.resources import files
from typing import Any

from childcare_commissioning_somerset import SPEC
from childcare_commissioning_somerset.monitoring import MONITORING

from childcare_commissioning.conformance import check_council
from childcare_commissioning.monitoring import DutyStatus, Monitor, end_of_day, read_events

LOG = files("childcare_commissioning_somerset").joinpath("examples", "monitoring.jsonl")


def _report() -> Any:
    monitor = Monitor(SPEC, end_of_day(dt.date(2025, 4, 4)))
    with LOG.open(encoding="utf-8") as stream:
        closed = monitor.feed_all(read_events(stream))
    return monitor.report(closed)


def _by(report: Any) -> dict[tuple[str, str], Any]:
    return {(d.case, d.rule_id): d for d in report.deadlines}


def test_plans_agreed_within_72_hours_across_the_clock_change() -> None:
    """SO-01, urgent, Fri 28 Mar 10:00 GMT: 72 elapsed hours end Mon 31 Mar 10:00 UTC,
    11:00 BST; plans agreed 11:30 BST: 30 min late (a wall-clock reading, due 10:00 BST,
    would say 1 h 30 min). SO-02, emergency, Mon 3 Mar 09:00: due Thu 6 Mar 09:00, agreed
    Wed 5 Mar: met. SO-03 is a standard referral: no 72-hour rule."""
    found = _by(_report())
    late = found[("SO-01", "urgent-plans-agreed")]
    assert (DutyStatus.LATE, dt.timedelta(minutes=30)) == (late.status, late.late_by)
    assert DutyStatus.MET == found[("SO-02", "emergency-plans-agreed")].status
    assert not [key for key in found if key[0] == "SO-03" and "plans" in key[1]]


def test_initial_reviews() -> None:
    """SO-02 support from Thu 6 Mar: review within 4 weeks, by Thu 3 Apr; held 3 Apr: met.
    SO-03 support from Wed 5 Mar: due Wed 2 Apr, none held: overdue by the two days from
    the end of 2 April to the end of 4 April."""
    found = _by(_report())
    assert DutyStatus.MET == found[("SO-02", "initial-review")].status
    overdue = found[("SO-03", "initial-review")]
    assert (dt.date(2025, 4, 2), DutyStatus.OVERDUE, 2) == (
        overdue.due_date,
        overdue.status,
        overdue.late_days,
    )


def test_no_kpi_is_computed_and_the_outcomes_stay_for_visits() -> None:
    """Somerset's outcomes are evidence agreed annually: none is computed from events, all
    are listed as not measurable; every one of the 8 events is used."""
    report = _report()
    assert [] == list(report.kpis)
    assert len(SPEC.outcomes) == len(report.unmeasured)
    assert (8, 8) == (report.counts["read"], report.counts["used"])
    spec = SPEC
    assert [] == [str(v) for v in check_council(spec) if v.check == "monitoring"]


def test_the_council_declares_its_monitoring() -> None:
    """The plugin's SPEC carries the monitoring declaration these tests exercise."""
    assert MONITORING is SPEC.monitoring
