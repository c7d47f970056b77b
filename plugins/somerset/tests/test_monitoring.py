"""Somerset's monitoring, worked by hand from shared/specs/somerset.txt on the bundled
example log (src/childcare_commissioning_somerset/examples/monitoring.jsonl), as of the end
of Friday 4 April 2025. Clocks went forward at 01:00 GMT on 30 March 2025.
"""

from __future__ import annotations

import datetime as dt
import json
from importlib.resources import files
from typing import Any

from childcare_commissioning_somerset import SPEC
from childcare_commissioning_somerset.monitoring import MONITORING

from childcare_commissioning import ChildOrYoungPerson
from childcare_commissioning.conformance import check_council
from childcare_commissioning.durations import Duration, DurationKind
from childcare_commissioning.monitoring import DutyStatus, Monitor, end_of_day, read_events
from childcare_commissioning.register import EntryStatus
from childcare_commissioning.repeats import count_repeats

from .helpers import LONDON, D, june_referral

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


def test_repeat_referrals_are_counted_and_the_other_outcomes_stay_for_visits() -> None:
    """3.1 "A reduction in the number of repeat referrals": SO-03 is referred Tue 4 Mar
    and again Thu 20 Mar, one repeat in 2024-Q4 (January to March 2025), with its case;
    the other five monitored outcomes and the objectives stay evidence for visits. Every
    one of the 13 events is used."""
    report = _report()
    [figure] = report.kpis
    assert ("repeat-referrals", "2024-Q4", 1, None, ("SO-03",)) == (
        figure.kpi_id,
        figure.period_label,
        figure.numerator,
        figure.denominator,
        figure.numerator_cases,
    )
    assert len(SPEC.outcomes) - 1 == len(report.unmeasured)
    assert "monitoring-3" not in dict(report.unmeasured)
    assert (13, 13) == (report.counts["read"], report.counts["used"])
    spec = SPEC
    assert [] == [str(v) for v in check_council(spec) if v.check == "monitoring"]


def test_risk_assessment_agreed_before_engagement() -> None:
    """3.2 II "to be agreed before engagement" (reading engagement-gate). SO-03, standard:
    support started Wed 5 Mar 10:00, the risk assessment agreed Thu 6 Mar 10:00: a breach,
    late by 24 hours. SO-04, standard: agreed Wed 12 Mar 15:00, support Thu 13 Mar: met.
    SO-02 (emergency) and SO-01 (urgent) follow the 72 hours instead: not gated."""
    found = _by(_report())
    gate = "risk-assessment-before-engagement"
    late = found[("SO-03", gate)]
    assert (DutyStatus.LATE, dt.timedelta(hours=24)) == (late.status, late.late_by)
    assert DutyStatus.MET == found[("SO-04", gate)].status
    assert ("SO-02", gate) not in found


def test_audit_1_engagement_without_an_agreed_risk_assessment_fails() -> None:
    """Audit 2026-12 Somerset defect 1: a standard referral Mon 2 Jun 2025 10:00, support
    started 11:00, no agreed risk assessment: as of 31 Jul the gate is overdue (exit 1)."""
    import io

    rows = [
        {"case": "X", "kind": "referral-received", "at": "2025-06-02T10:00", "urgency": "standard"},
        {"case": "X", "kind": "support-started", "at": "2025-06-02T11:00"},
        {"case": "X", "kind": "review-held", "at": "2025-06-20T10:00"},
    ]
    monitor = Monitor(SPEC, end_of_day(dt.date(2025, 7, 31)))
    text = "".join(json.dumps(row) + "\n" for row in rows)
    report = monitor.report(monitor.feed_all(read_events(io.StringIO(text))))
    gate = _by(report)[("X", "risk-assessment-before-engagement")]
    assert DutyStatus.OVERDUE == gate.status
    assert 1 == report.failures


def test_the_council_declares_its_monitoring() -> None:
    """The plugin's SPEC carries the monitoring declaration these tests exercise."""
    assert MONITORING is SPEC.monitoring


def test_repeat_referrals_for_the_same_case_are_counted() -> None:
    """The audit's two referrals for case Y (2 Jun and 1 Sep 2025, 10:00) and one for Z
    (3 Jun). April-June: Y (2 Jun) and Z (3 Jun), two referrals, no repeat. July-September: Y's second (1 Sep), one referral, one repeat of Y's first. With a
    three-month look-back (2 Jun + 3 months = 2 Sep, on or after 1 Sep) it is a repeat;
    with two months (2 Aug, before 1 Sep) it is not."""
    at = dt.datetime
    referrals = [
        june_referral(
            id="Y1", child=ChildOrYoungPerson("Y"), received_at=at(2025, 6, 2, 10, tzinfo=LONDON)
        ),
        june_referral(
            id="Y2", child=ChildOrYoungPerson("Y"), received_at=at(2025, 9, 1, 10, tzinfo=LONDON)
        ),
        june_referral(
            id="Z1", child=ChildOrYoungPerson("Z"), received_at=at(2025, 6, 3, 10, tzinfo=LONDON)
        ),
    ]
    spring = count_repeats(referrals, D(2025, 4, 1), D(2025, 6, 30))
    assert (2, 0) == (spring.referrals, spring.count)
    summer = count_repeats(referrals, D(2025, 7, 1), D(2025, 9, 30))
    assert (1, 1) == (summer.referrals, summer.count)
    [repeat] = summer.repeats
    assert ("Y2", "Y1") == (repeat.referral_id, repeat.previous_id)
    months = DurationKind.MONTHS
    assert 1 == count_repeats(referrals, D(2025, 7, 1), D(2025, 9, 30), Duration(months, 3)).count
    assert 0 == count_repeats(referrals, D(2025, 7, 1), D(2025, 9, 30), Duration(months, 2)).count


def test_the_risk_assessment_before_engagement_is_computed_by_the_gate() -> None:
    """3.2 II "to be agreed before engagement": the monitor's gate decides it (support
    started before the referrer agreed the assessment is a breach), so the entry is a
    rule naming the gate, which the kit counts as computed."""
    from childcare_commissioning.conformance import computed_ids

    assert SPEC.register is not None
    [entry] = [
        e
        for e in SPEC.register.entries
        if e.start.startswith("At the time of referral the Provider shall undertake")
    ]
    assert EntryStatus.RULE is entry.status
    gate = "monitoring/gates/risk-assessment-before-engagement"
    assert gate in entry.rules
    assert gate in computed_ids(SPEC)
    assert "obligations/risk-assessment" not in computed_ids(SPEC)  # a trigger alone
