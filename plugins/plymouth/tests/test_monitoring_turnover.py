"""Plymouth's staff turnover as a KPI computed by ``monitor`` from the provider's staff
events, worked by hand from 8.2 of the text: "Staff retention/turnover: percentage of
leavers over the last 6 months", reported "Six monthly" (readings turnover-of-staff,
turnover-half-years). The contract (entry to the framework) starts Tue 1 Oct 2024, so its
half-years run 1 Oct 2024 to 31 Mar 2025 and 1 Apr to 30 Sep 2025; as of the end of Fri
4 Apr 2025.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from childcare_commissioning_plymouth import SPEC
from childcare_commissioning_plymouth.monitoring import MONITORING

from childcare_commissioning.contract import Contract
from childcare_commissioning.model import Severity
from childcare_commissioning.monitoring import event_kinds
from childcare_commissioning.roster import turnover
from childcare_commissioning.testing.monitoring import monitor_rows
from childcare_commissioning.workforce_model import Worker

D = dt.date
CONTRACT = Contract("plymouth", "Example Provider", D(2024, 10, 1))
AS_OF = D(2025, 4, 4)

#: The workers of staff-check's turnover test (tests/test_audit_2026_12.py), as events.
ROWS = [
    # A: employed since 2023, still employed.
    {"case": "W-A", "kind": "staff-started", "at": "2023-05-01T09:00"},
    # B: left Thu 31 Oct 2024 (its last day).
    {"case": "W-B", "kind": "staff-started", "at": "2022-01-10T09:00"},
    {"case": "W-B", "kind": "staff-left", "at": "2024-10-31T17:00"},
    # C: its start is not logged (employed from before the log); left Mon 31 Mar 2025.
    {"case": "W-C", "kind": "staff-left", "at": "2025-03-31T17:00"},
    # D: joined Sun 1 Dec 2024.
    {"case": "W-D", "kind": "staff-started", "at": "2024-12-01T09:00"},
    # E: left Mon 30 Sep 2024, the day before the first half-year.
    {"case": "W-E", "kind": "staff-started", "at": "2021-03-01T09:00"},
    {"case": "W-E", "kind": "staff-left", "at": "2024-09-30T17:00"},
    # F: joined Tue 1 Apr 2025, the first day of the second half-year.
    {"case": "W-F", "kind": "staff-started", "at": "2025-04-01T09:00"},
]


def _figures(rows: list[dict[str, Any]]) -> dict[str, Any]:
    report = monitor_rows(SPEC, rows, AS_OF, CONTRACT)
    return {k.period_label: k for k in report.kpis if k.kpi_id == "staff-turnover"}


def test_turnover_per_half_year_of_the_contract_with_the_workers_behind_it() -> None:
    """First half-year, Tue 1 Oct 2024 to Mon 31 Mar 2025: employed on any day of it are
    A, B (to 31 Oct), C (to 31 Mar: the last day counts) and D (from 1 Dec) = 4; E left
    on 30 Sep, the day before, and F joined after. Leavers: B and C = 2; 2 / 4 = 50.0 %.
    Second half-year, Tue 1 Apr to Tue 30 Sep 2025 (not over on 4 Apr): A, D and F = 3
    (C's last day was 31 Mar), no leaver: 0 / 3 = 0.0 %. No figure before the contract
    starts, though E and B were employed from 2021 and 2022."""
    found = _figures(ROWS)
    assert ["contract half-year 1", "contract half-year 2"] == list(found)
    first, second = found["contract half-year 1"], found["contract half-year 2"]
    assert (D(2024, 10, 1), D(2025, 3, 31)) == (first.period.start, first.period.end)
    assert (2, 4, Decimal("50.0")) == (first.numerator, first.denominator, first.percent)
    assert ("W-B", "W-C") == first.numerator_cases
    assert ("W-A", "W-B", "W-C", "W-D") == first.denominator_cases
    assert (D(2025, 4, 1), D(2025, 9, 30)) == (second.period.start, second.period.end)
    assert (0, 3, Decimal("0.0")) == (second.numerator, second.denominator, second.percent)
    assert ("W-A", "W-D", "W-F") == second.denominator_cases
    assert (True, False) == (first.complete, second.complete)
    assert first.target is None  # no sector-norm figure
    assert first.meets_target is None


def test_the_same_count_as_staff_check_turnover() -> None:
    """The KPI is staff-check --turnover's computation: the same workers as a roster give
    the same leavers and staff over the same six months."""
    workers = [
        Worker("W-A", employed_from=D(2023, 5, 1)),
        Worker("W-B", employed_from=D(2022, 1, 10), employed_until=D(2024, 10, 31)),
        Worker("W-C", employed_until=D(2025, 3, 31)),
        Worker("W-D", employed_from=D(2024, 12, 1)),
        Worker("W-E", employed_from=D(2021, 3, 1), employed_until=D(2024, 9, 30)),
        Worker("W-F", employed_from=D(2025, 4, 1)),
    ]
    first = _figures(ROWS)["contract half-year 1"]
    months = turnover(workers, D(2024, 10, 1), D(2025, 3, 31))
    assert (months.leavers, months.staff, months.percent) == (
        first.numerator,
        first.denominator,
        first.percent,
    )


def test_every_staff_event_is_used_and_a_second_leaving_is_a_finding() -> None:
    """8 events, all used (staff-started and staff-left open a worker's case). B leaving
    again without starting again is said, not counted twice: B is still one leaver."""
    report = monitor_rows(SPEC, ROWS, AS_OF, CONTRACT)
    assert (8, 8, 0) == (
        report.counts["read"],
        report.counts["used"],
        report.counts.get("reported", 0),
    )
    again = [*ROWS, {"case": "W-B", "kind": "staff-left", "at": "2024-11-30T17:00"}]
    report = monitor_rows(SPEC, again, AS_OF, CONTRACT)
    [finding] = [f for f in report.findings if f.code == "monitoring.event.span-ended"]
    assert Severity.WARNING == finding.severity
    assert "W-B" in finding.message
    first = next(k for k in report.kpis if k.period_label == "contract half-year 1")
    assert (2, 4) == (first.numerator, first.denominator)


def test_without_a_contract_the_halves_of_the_financial_year() -> None:
    """No contract: halves of the financial year. 2024/25 H2 is 1 Oct 2024 to 31 Mar
    2025, the same six months as above: 2 leavers of 4. The earliest staff event is E's
    start on Mon 1 Mar 2021 (2020/21 H2, October 2020 to March 2021), so every half from
    it to the as-of date has a figure: ten halves, 2020/21 H2 to 2025/26 H1. In 2020/21
    H2 only E (from 1 Mar 2021) and C (from before the log) were employed; nobody left."""
    report = monitor_rows(SPEC, ROWS, AS_OF)
    found = {k.period_label: k for k in report.kpis if k.kpi_id == "staff-turnover"}
    assert 10 == len(found)
    assert ("2020/21 H2", "2025/26 H1") == (next(iter(found)), list(found)[-1])
    assert (2, 4) == (found["2024/25 H2"].numerator, found["2024/25 H2"].denominator)
    assert ("W-C", "W-E") == found["2020/21 H2"].denominator_cases
    assert 0 == found["2020/21 H2"].numerator


def test_the_kpi_cites_8_2_and_measures_workforce_retention() -> None:
    [kpi] = [k for k in MONITORING.kpis if k.id == "staff-turnover"]
    assert "percentage of leavers over the last 6 months" == kpi.citation.quote
    assert "workforce-retention" == kpi.outcome
    assert {"staff-started", "staff-left"} <= set(MONITORING.opening)


def test_the_staff_events_are_documented() -> None:
    """The kinds the turnover KPI needs, as `ids monitor-events` lists them."""
    found = dict(event_kinds(SPEC))
    assert "opens a case; starts a span KPI staff-turnover counts" == found["staff-started"]
    assert "opens a case; ends a span KPI staff-turnover counts" == found["staff-left"]
