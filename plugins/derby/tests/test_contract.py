"""A Derby log that begins mid-placement (issue #32): the placement is in the contract's
opening state, so its events are monitored, not dropped as "unknown-case"."""

from __future__ import annotations

import datetime as dt

from childcare_commissioning_derby import SPEC

from childcare_commissioning.contract import Contract
from childcare_commissioning.model import Package
from childcare_commissioning.monitoring import DutyStatus, MonitoringReport
from childcare_commissioning.testing.monitoring import monitor_rows

CONTRACT = Contract(
    "derby",
    "Example Supported Housing Ltd",
    dt.date(2024, 4, 1),
    packages=(Package("IPA-7", "derby", "YP-7", dt.date(2024, 11, 4), service="lot-1"),),
)

#: No referral or placement event: the placement was running when the log begins.
LOG = [
    {"case": "IPA-7", "kind": "concern", "at": "2025-03-10T10:00"},
    {"case": "IPA-7", "kind": "concern-notified", "at": "2025-03-13T10:00"},
]


def _report(contract: Contract | None, as_of: dt.date = dt.date(2025, 4, 4)) -> MonitoringReport:
    return monitor_rows(SPEC, LOG, as_of, contract)


def test_a_concern_in_a_running_placement_is_notified_late() -> None:
    """3.4.6 (concern-same-day): a concern is notified the same day. Raised Mon 10 Mar
    2025, notified Thu 13 Mar: due the end of 10 Mar, late by 3 days."""
    report = _report(CONTRACT)
    (concern,) = [d for d in report.deadlines if d.rule_id == "concern-same-day"]
    assert (DutyStatus.LATE, dt.date(2025, 3, 10), 3) == (
        concern.status,
        concern.due_date,
        concern.late_days,
    )
    assert {"read": 2, "used": 2, "reported": 0} == {
        k: report.counts.get(k, 0) for k in ("read", "used", "reported")
    }
    assert 1 == sum(d.status.is_failure for d in report.deadlines)


def test_without_the_placement_in_the_contract_its_events_are_reported_not_used() -> None:
    """Without the contract's opening state the placement was never opened: both events
    are reported as for an unknown case, none used."""
    report = _report(None)
    assert () == report.deadlines
    codes = [f.code for f in report.findings]
    assert ["monitoring.event.unknown-case"] * len(LOG) == codes


def test_the_assessment_before_referral_is_the_councils_checklist_item() -> None:
    """3.2.2 (audit S105): young people "will be assessed by the Local authority before
    referrals are made". The referral check cannot see that assessment, so the sentence
    is a checklist duty owed by the Council, not a rule naming the referral route."""
    from childcare_commissioning.deadlines import Party

    (duty,) = [d for d in SPEC.duties if d.id == "assessment-before-referral"]
    assert Party.COUNCIL is duty.owed_by
    assert "assessed by the Local authority before referrals are made" in duty.citation.quote
    assert SPEC.register is not None
    (entry,) = [e for e in SPEC.register.entries if e.start.startswith("These young people again")]
    assert ("duties/assessment-before-referral",) == entry.rules
    assert "duty" == entry.status.value
