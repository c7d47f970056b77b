"""A Somerset log that begins after the referral (issue #32): the package is in the
contract's opening state, so its events are monitored, not dropped as "unknown-case"."""

from __future__ import annotations

import datetime as dt

from childcare_commissioning_somerset import SPEC

from childcare_commissioning.contract import Contract
from childcare_commissioning.model import Package
from childcare_commissioning.monitoring import DutyStatus, MonitoringReport
from childcare_commissioning.testing.monitoring import monitor_rows

CONTRACT = Contract(
    "somerset",
    "Example Homecare Ltd",
    dt.date(2024, 4, 1),
    packages=(Package("SO-9", "somerset", "CYP-9", dt.date(2025, 2, 24)),),
)

#: No referral event: the referral came before the log begins.
LOG = [
    {"case": "SO-9", "kind": "support-started", "at": "2025-02-24T09:00"},
    {"case": "SO-9", "kind": "review-held", "at": "2025-03-25T10:00"},
]


def _report(contract: Contract | None, as_of: dt.date = dt.date(2025, 4, 4)) -> MonitoringReport:
    return monitor_rows(SPEC, LOG, as_of, contract)


def test_the_initial_review_of_a_running_package_is_judged() -> None:
    """The initial review within 4 weeks of support starting: started Mon 24 Feb 2025, due
    Mon 24 Mar, held Tue 25 Mar: 1 day late."""
    report = _report(CONTRACT)
    (review,) = [d for d in report.deadlines if d.rule_id == "initial-review"]
    assert (DutyStatus.LATE, dt.date(2025, 3, 24), 1) == (
        review.status,
        review.due_date,
        review.late_days,
    )
    assert 0 == report.counts.get("reported", 0)


def test_without_the_package_in_the_contract_its_events_are_reported_not_used() -> None:
    """Without the contract's opening state the log's case was never opened: every one
    of its events is reported (unknown case), none used."""
    report = _report(None)
    assert () == report.deadlines
    assert len(LOG) == report.counts["reported"]
