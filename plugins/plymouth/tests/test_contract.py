"""A Plymouth log that begins mid-package (issue #32): the package is in the contract's
opening state, so its events are monitored, not dropped as "unknown-case"."""

from __future__ import annotations

import datetime as dt

from childcare_commissioning_plymouth import SPEC

from childcare_commissioning.contract import Contract
from childcare_commissioning.model import Package
from childcare_commissioning.monitoring import DutyStatus, MonitoringReport
from childcare_commissioning.testing.monitoring import monitor_rows

CONTRACT = Contract(
    "plymouth",
    "Example Care Staffing Ltd",
    dt.date(2024, 4, 1),
    packages=(Package("PL-9", "plymouth", "CYP-9", dt.date(2024, 10, 7)),),
)

#: No referral or commencement event: the package was running when the log begins.
LOG = [
    {"case": "PL-9", "kind": "notifiable-event", "at": "2025-03-20T10:00"},
    {"case": "PL-9", "kind": "written-notice-given", "at": "2025-03-21T12:00"},
    {"case": "PL-9", "kind": "notice-given", "at": "2025-03-24T09:00"},
    {"case": "PL-9", "kind": "package-end", "at": "2025-03-28T17:00", "by": "provider"},
]


def _report(contract: Contract | None, as_of: dt.date = dt.date(2025, 4, 4)) -> MonitoringReport:
    return monitor_rows(SPEC, LOG, as_of, contract)


def test_notice_and_ending_of_a_running_package_are_judged() -> None:
    """3.4: written notice of a notifiable event within 24 hours: Thu 20 Mar 10:00 GMT is
    due Fri 21 Mar 10:00, given 12:00: 2 hours late. 3.6: a week's notice before the
    package ends: ending Fri 28 Mar, due by Fri 21 Mar, given Mon 24 Mar: 3 days late."""
    report = _report(CONTRACT)
    by_rule = {d.rule_id: d for d in report.deadlines}
    notice = by_rule["notify-in-writing"]
    assert (DutyStatus.LATE, dt.timedelta(hours=2)) == (notice.status, notice.late_by)
    ending = by_rule["provider-notice-to-end"]
    assert (DutyStatus.LATE, dt.date(2025, 3, 21), 3) == (
        ending.status,
        ending.due_date,
        ending.late_days,
    )
    assert (4, 4, 0) == tuple(report.counts.get(k, 0) for k in ("read", "used", "reported"))


def test_without_the_package_in_the_contract_its_events_are_reported_not_used() -> None:
    """Without the contract's opening state the log's case was never opened: every one
    of its events is reported (unknown case), none used."""
    report = _report(None)
    assert () == report.deadlines
    assert len(LOG) == report.counts["reported"]
