"""Stoke-on-Trent's monitoring, worked by hand from shared/specs/stoke.txt on the bundled
example log (src/childcare_commissioning_stoke/examples/monitoring.jsonl), as of the end of
Friday 4 April 2025, for a contract starting 1 April 2024.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from importlib.resources import files
from typing import Any

from childcare_commissioning_stoke import SPEC
from childcare_commissioning_stoke.monitoring import MONITORING

from childcare_commissioning.conformance import check_council
from childcare_commissioning.monitoring import DutyStatus, Monitor, end_of_day, read_events

LOG = files("childcare_commissioning_stoke").joinpath("examples", "monitoring.jsonl")


def _report() -> Any:
    spec = SPEC
    monitor = Monitor(spec, end_of_day(dt.date(2025, 4, 4)), contract_start=dt.date(2024, 4, 1))
    with LOG.open(encoding="utf-8") as stream:
        closed = monitor.feed_all(read_events(stream))
    return monitor.report(closed)


def test_pilot_mobilised_late_and_evaluated_from_actual_mobilisation() -> None:
    """Award 15 Jan 2024: mobilised "within three months", by 15 Apr 2024; mobilised 1 May:
    16 days late. The 12-month evaluation runs from 1 May 2024 (due 1 May 2025, open on 4
    April 2025), not from 15 April."""
    found = {d.rule_id: d for d in _report().deadlines}
    mobilised = found["pilot-mobilised"]
    assert (dt.date(2024, 4, 15), DutyStatus.LATE, 16) == (
        mobilised.due_date,
        mobilised.status,
        mobilised.late_days,
    )
    evaluation = found["pilot-evaluation"]
    assert (dt.date(2025, 5, 1), DutyStatus.OPEN) == (evaluation.due_date, evaluation.status)


def test_missed_quarterly_complaints_report_and_reviews() -> None:
    """Complaints quarterly from 1 Apr 2024: 1 Jul, 1 Oct, 1 Jan, 1 Apr, then 1 Jul 2025:
    sent 30 Jun (on time), 2 Oct (1 day late), nothing for January, 31 Mar marked as the
    fourth: missing in January. Satisfaction data six-monthly: 1 Oct 2024 (sent 27 Sep)
    and 1 Apr 2025 (missing). Performance reviews monthly in year one, 1 May 2024 to 1 Apr
    2025: twelve, none logged, all missing; then 1 Jul 2025, open."""
    report = _report()

    def statuses(obligation: str) -> list[str]:
        return [o.status.value for o in report.obligations if o.obligation_id == obligation]

    assert ["met", "late", "missing", "met", "open"] == statuses("complaints-report")
    assert ["met", "missing", "open"] == statuses("satisfaction-data")
    assert ["missing"] * 12 + ["open"] == statuses("performance-review")


def test_placement_stability_on_the_example() -> None:
    """Financial years (reading placement-stability-counts). 2024/25: SGH-01, a core child,
    moved out of the city on Mon 9 Dec 2024 = 1 move. Pilot placements held: FC-01 (from
    1 Jul 2024) and FC-02 (5 Aug 2024 to 20 Jan 2025) = 2; FC-02 broke down unplanned =
    1; 1 / 2 = 50.0 %. 2025/26 (to 4 Apr): no move; FC-01 still placed, 0 / 1 = 0.0 %.
    11 events, all used; satisfaction stays for the performance reviews."""
    report = _report()
    figures = {(k.kpi_id, k.period_label): k for k in report.kpis}
    moves = figures[("sgh-out-of-city-moves", "2024/25")]
    assert (1, ("SGH-01",)) == (moves.numerator, moves.numerator_cases)
    assert 0 == figures[("sgh-out-of-city-moves", "2025/26")].numerator
    year = figures[("pilot-placement-breakdowns", "2024/25")]
    assert (1, 2, Decimal("50.0")) == (year.numerator, year.denominator, year.percent)
    assert (("FC-02",), ("FC-01", "FC-02")) == (year.numerator_cases, year.denominator_cases)
    now = figures[("pilot-placement-breakdowns", "2025/26")]
    assert (0, 1, ("FC-01",)) == (now.numerator, now.denominator, now.denominator_cases)
    assert "service-user-satisfaction" in dict(report.unmeasured)
    assert "core-placement-stability" not in dict(report.unmeasured)
    assert (11, 11) == (report.counts["read"], report.counts["used"])
    spec = SPEC
    assert [] == [str(v) for v in check_council(spec) if v.check == "monitoring"]


def test_the_council_declares_its_monitoring() -> None:
    """The plugin's SPEC carries the monitoring declaration these tests exercise."""
    assert MONITORING is SPEC.monitoring
