"""Each council's bundled example log under its example contract, as the demo runs it
(``monitorcmd.monitoring_examples``, as of the end of 4 April 2025): no phantom item (every
event used, no monitoring finding, no obligation dated outside the contract), at least one
duty met, one late and one open, and every KPI the council declares with a figure that
names the cases behind it.
"""

from __future__ import annotations

from importlib.resources import files
from typing import Any

import pytest

from childcare_commissioning.cli.contractcmd import example_contract
from childcare_commissioning.cli.monitorcmd import EXAMPLE_AS_OF, monitoring_examples
from childcare_commissioning.monitoring import (
    DutyStatus,
    Monitor,
    MonitoringReport,
    end_of_day,
    read_events,
)
from childcare_commissioning.registry import get_registry

COUNCILS = ("derby", "plymouth", "somerset", "stoke", "triborough")


def _report(council_id: str) -> tuple[Any, MonitoringReport]:
    registry = get_registry()
    council = registry.council(council_id)
    contract = example_contract(registry, council)
    assert contract is not None, "every council ships an example contract"
    monitor = Monitor(council.spec, end_of_day(EXAMPLE_AS_OF), contract=contract)
    log = files(f"childcare_commissioning_{council_id}").joinpath("examples", "monitoring.jsonl")
    with log.open(encoding="utf-8") as stream:
        return contract, monitor.report(monitor.feed_all(read_events(stream)))


@pytest.mark.parametrize("council", COUNCILS)
def test_the_example_has_no_phantom_item(council: str) -> None:
    """Every event of the log is used; nothing is reported about an event, a submission
    or a ladder; every obligation listed falls inside the contract."""
    contract, report = _report(council)
    assert report.counts["read"] == report.counts["used"]
    assert 0 == report.counts.get("reported", 0)
    assert [] == [f.code for f in report.findings if f.code.startswith("monitoring.")]
    assert report.undated == ()
    for occurrence in report.obligations:
        assert occurrence.due_date >= contract.start
        assert contract.end is None or occurrence.due_date <= contract.end


@pytest.mark.parametrize("council", COUNCILS)
def test_the_example_shows_a_met_a_late_and_an_open_duty(council: str) -> None:
    _, report = _report(council)
    found = {d.status for d in report.deadlines} | {o.status for o in report.obligations}
    assert {DutyStatus.MET, DutyStatus.LATE, DutyStatus.OPEN} <= found


@pytest.mark.parametrize("council", COUNCILS)
def test_the_example_shows_every_kpi_with_the_cases_behind_it(council: str) -> None:
    """Each KPI the council declares has at least one figure that counts someone, and
    the demo prints the cases under each figure."""
    _, report = _report(council)
    declared = get_registry().council(council).spec.monitoring
    assert declared is not None
    assert declared.kpis, "every council measures at least one KPI from events"
    for kpi in declared.kpis:
        figures = [k for k in report.kpis if k.kpi_id == kpi.id]
        assert any(k.numerator_cases for k in figures), kpi.id
    lines = monitoring_examples(get_registry())[council]["lines"]
    figures_shown = [n for n, line in enumerate(lines) if line.startswith("KPI ")]
    assert len(figures_shown) == len(report.kpis)
    for n in figures_shown:
        assert lines[n + 1].startswith("    cases counted: ")
