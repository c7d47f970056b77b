"""Stoke-on-Trent's monitoring, worked by hand from shared/specs/stoke.txt on the bundled
example log (src/childcare_commissioning_stoke/examples/monitoring.jsonl), as of the end of
Friday 4 April 2025, for a contract starting 1 April 2024.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from importlib.resources import files
from typing import Any

import pytest
from childcare_commissioning_stoke import SPEC
from childcare_commissioning_stoke.monitoring import MONITORING

from childcare_commissioning.cli import main
from childcare_commissioning.conformance import check_council
from childcare_commissioning.contract import Contract
from childcare_commissioning.monitoring import DutyStatus, Monitor, end_of_day, read_events
from childcare_commissioning.testing.monitoring import monitor_rows

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


# ----------------------------------------------------------------------
# Stoke-on-Trent's placement stability as KPIs computed by ``monitor`` from placement
# events, worked by hand from 1.1 and 1.4.2 of the text (reading
# placement-stability-counts): "In 2014/2015 (prior to the current service) 8 LAC moved
# from SGHs to out of city placements, in 2016/17 there have been three." and "There were
# 153 unplanned placement breakdowns in 2017." Counted per financial year (April to March)
# whatever the contract's start; the contract starts Mon 1 Apr 2024; as of the end of Fri
# 4 Apr 2025.

D = dt.date
STABILITY_CONTRACT = Contract("stoke", "Example Provider", D(2024, 4, 1))
STABILITY_AS_OF = D(2025, 4, 4)

STABILITY_ROWS = [
    # Core (small group home) children.
    {"case": "K1", "kind": "referral-received", "at": "2024-05-01T10:00", "service": "core"},
    {"case": "K1", "kind": "placement-end", "at": "2024-11-05T10:00", "reason": "out-of-city"},
    {"case": "K2", "kind": "referral-received", "at": "2024-06-01T10:00", "service": "core"},
    {"case": "K2", "kind": "placement-end", "at": "2025-01-10T10:00", "reason": "planned"},
    {"case": "K3", "kind": "referral-received", "at": "2025-02-01T10:00", "service": "core"},
    {"case": "K3", "kind": "placement-end", "at": "2025-04-02T10:00", "reason": "out-of-city"},
    # Pilot children, placed with in-house foster carers.
    {"case": "P1", "kind": "placement-start", "at": "2023-09-01T10:00", "service": "pilot"},
    {"case": "P1", "kind": "placement-end", "at": "2024-12-20T10:00", "reason": "unplanned"},
    {"case": "P2", "kind": "placement-start", "at": "2024-07-01T10:00", "service": "pilot"},
    {"case": "P3", "kind": "placement-start", "at": "2024-08-01T10:00", "service": "pilot"},
    {"case": "P3", "kind": "placement-end", "at": "2025-02-14T10:00", "reason": "planned"},
    {"case": "P4", "kind": "referral-received", "at": "2024-04-20T10:00", "service": "pilot"},
    {"case": "P4", "kind": "placement-end", "at": "2024-05-10T10:00", "reason": "unplanned"},
    {"case": "P5", "kind": "referral-received", "at": "2024-04-22T10:00", "service": "pilot"},
    {"case": "P5", "kind": "placement-end", "at": "2024-06-03T10:00", "reason": "out-of-city"},
]


def _stability_figures(kpi: str) -> dict[str, Any]:
    report = monitor_rows(SPEC, STABILITY_ROWS, STABILITY_AS_OF, STABILITY_CONTRACT)
    return {k.period_label: k for k in report.kpis if k.kpi_id == kpi}


def test_moves_from_small_group_homes_to_out_of_city_placements_per_financial_year() -> None:
    """2024/25 (1 Apr 2024 to 31 Mar 2025): K1 moved out of the city on 5 Nov 2024 = 1.
    K2's placement ended as planned (not a move out of the city); P5 is a pilot child, not
    in a small group home. 2025/26: K3 moved on Wed 2 Apr 2025 = 1, the year not over. The
    text sets no target: the count stands against the baseline (8, then 3)."""
    found = _stability_figures("sgh-out-of-city-moves")
    assert ["2024/25", "2025/26"] == list(found)
    year = found["2024/25"]
    assert (1, None, ("K1",)) == (year.numerator, year.denominator, year.numerator_cases)
    assert (D(2024, 4, 1), D(2025, 3, 31)) == (year.period.start, year.period.end)
    assert (1, ("K3",), False) == (
        found["2025/26"].numerator,
        found["2025/26"].numerator_cases,
        found["2025/26"].complete,
    )
    assert year.meets_target is None


def test_unplanned_breakdowns_of_the_pilots_placements_against_those_held() -> None:
    """2024/25: pilot placements held on any day of the year: P1 (from 1 Sep 2023 to 20
    Dec 2024), P2 (from 1 Jul 2024), P3 (1 Aug 2024 to 14 Feb 2025), P4 (start not logged:
    from before, to 10 May 2024) and P5 (from before, to 3 Jun 2024) = 5. Unplanned
    breakdowns among them: P1 and P4 = 2 (P3 ended as planned, P5 moved out of the
    city); 2 / 5 = 40.0 %. 2025/26 (to 4 Apr): only P2 is placed, nothing broke down:
    0 / 1 = 0.0 %. No figure for 2023/24, before the contract, though P1 was placed then;
    core children (K1-K3) are not the pilot's."""
    found = _stability_figures("pilot-placement-breakdowns")
    assert ["2024/25", "2025/26"] == list(found)
    year = found["2024/25"]
    assert (2, 5, Decimal("40.0")) == (year.numerator, year.denominator, year.percent)
    assert ("P1", "P4") == year.numerator_cases
    assert ("P1", "P2", "P3", "P4", "P5") == year.denominator_cases
    now = found["2025/26"]
    assert (0, 1, Decimal("0.0"), ("P2",)) == (
        now.numerator,
        now.denominator,
        now.percent,
        now.denominator_cases,
    )


def test_every_placement_event_is_used() -> None:
    """15 events: each opens a case (referral-received, placement-start) or ends a
    placement a KPI counts; none is reported."""
    report = monitor_rows(SPEC, STABILITY_ROWS, STABILITY_AS_OF, STABILITY_CONTRACT)
    assert (15, 15) == (report.counts["read"], report.counts["used"])
    assert 0 == report.counts.get("reported", 0)


def test_the_kpis_cite_1_4_2_verbatim() -> None:
    """Each stability KPI's quote is in Stoke's text word for word (compared as the
    register compares: white space and quote marks folded), and names the baseline."""
    from childcare_commissioning.register import normalise_text
    from childcare_commissioning.testing.texts import specification_text

    text = normalise_text(specification_text("stoke", __file__).read_text(encoding="utf-8"))
    kpis = {k.id: k for k in MONITORING.kpis}
    for kpi in ("sgh-out-of-city-moves", "pilot-placement-breakdowns"):
        assert normalise_text(kpis[kpi].citation.quote) in text
    assert kpis["sgh-out-of-city-moves"].citation.quote.startswith(
        "In 2014/2015 (prior to the current service) 8 LAC moved from SGHs"
    )
    assert (
        "There were 153 unplanned placement breakdowns in 2017."
        == kpis["pilot-placement-breakdowns"].citation.quote
    )
    assert "core-placement-stability" == kpis["sgh-out-of-city-moves"].outcome


def test_the_events_the_kpis_need_are_documented(capsys: pytest.CaptureFixture[str]) -> None:
    """`ids monitor-events` names each kind the log needs and what it does: a placement's
    start and end (with the reasons counted) and the referral giving a case its service."""
    assert 0 == main(["ids", "monitor-events", "--council", "stoke", "--format", "json"])
    found = {row["id"]: row["description"] for row in json.loads(capsys.readouterr().out)}
    assert "starts a span KPI pilot-placement-breakdowns counts" in found["placement-start"]
    assert (
        "counted by KPI sgh-out-of-city-moves for out-of-city (core service)"
        in (found["placement-end"])
    )
    assert (
        "ends a span KPI pilot-placement-breakdowns counts for unplanned (pilot service)"
        in (found["placement-end"])
    )
    assert found["referral-received"].startswith("opens a case")
