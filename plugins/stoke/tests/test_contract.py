"""A Stoke log that begins after the contract award (issue #32): the pilot is in the
contract's opening state, so its events are monitored, not dropped as "unknown-case";
and the text's term (to 30 June 2021) is reported on an answer dated after it."""

from __future__ import annotations

import datetime as dt

from childcare_commissioning_stoke import SPEC

from childcare_commissioning.contract import Contract
from childcare_commissioning.model import Package
from childcare_commissioning.monitoring import DutyStatus, MonitoringReport
from childcare_commissioning.testing.monitoring import monitor_rows

CONTRACT = Contract(
    "stoke",
    "Example Psychology Partnership",
    dt.date(2020, 4, 1),
    dt.date(2021, 6, 30),
    packages=(Package("PILOT-1", "stoke", "CARER-1", dt.date(2020, 4, 1), service="pilot"),),
)

#: No contract-award event: the award came before the log begins.
LOG = [
    {"case": "PILOT-1", "kind": "pilot-mobilised", "at": "2020-05-01T09:00"},
    {"case": "PILOT-1", "kind": "pilot-evaluated", "at": "2021-05-10T09:00"},
]


def _report(contract: Contract | None, as_of: dt.date = dt.date(2025, 4, 4)) -> MonitoringReport:
    return monitor_rows(SPEC, LOG, as_of, contract)


def test_the_pilot_evaluation_of_a_running_pilot_is_judged() -> None:
    """1.1: a 12-month pilot "subject to review and evaluation": mobilised Fri 1 May 2020,
    evaluation due 12 months later, Sat 1 May 2021; evaluated Mon 10 May: 9 days late. As
    of 31 May 2021, within the text's term: no term warning."""
    report = _report(CONTRACT, dt.date(2021, 5, 31))
    (evaluation,) = [d for d in report.deadlines if d.rule_id == "pilot-evaluation"]
    assert (DutyStatus.LATE, dt.date(2021, 5, 1), 9) == (
        evaluation.status,
        evaluation.due_date,
        evaluation.late_days,
    )
    assert "specification.outside-term" not in [f.code for f in report.findings]


def test_an_answer_after_the_term_carries_its_warning() -> None:
    """6.1: "The contract will run until 30th June 2021": as of 1 July 2021 the answer
    applies the text past its term, and says so (a warning: the verdicts are unchanged)."""
    report = _report(CONTRACT, dt.date(2021, 7, 1))
    (term,) = [f for f in report.findings if f.code == "specification.outside-term"]
    assert "30 June 2021" in term.message
    assert [DutyStatus.LATE] == [d.status for d in report.deadlines if d.status.is_failure]


def test_without_the_pilot_in_the_contract_its_events_are_reported_not_used() -> None:
    """Without the contract's opening state the log's case was never opened: every one
    of its events is reported (unknown case), none used."""
    report = _report(None, dt.date(2021, 5, 31))
    assert () == report.deadlines
    assert len(LOG) == report.counts["reported"]
