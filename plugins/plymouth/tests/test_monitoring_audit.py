"""The second audit's Plymouth monitoring defects (audits 2026-12, plymouth.md D1, D3),
each reproduction worked by hand from 3.3 of the text. England and Wales working days;
the contract starts 1 March 2025.

3.3 Escalation process: "If an appropriate reply is not received within three working
days the Provider or Council will email the other party's nominated manager. If an
appropriate reply is not received from the nominated manager within a further three
working days the issue will be raised via email to the ... Commissioning Team."
3.3 Referral routes: "Unless the immediate safety of the child or young person is in
question, the Provider will give a minimum of one week's notice if it intends to end
delivery of a package of services."
"""

from __future__ import annotations

import datetime as dt
import io
import json
from typing import Any

import pytest
from childcare_commissioning_plymouth import SPEC

from childcare_commissioning.contract import Contract
from childcare_commissioning.model import Severity
from childcare_commissioning.monitoring import DutyStatus, Monitor, end_of_day, read_events

CONTRACT = Contract("plymouth", "Example Provider", dt.date(2025, 3, 1))
RAISED = {"case": "E", "kind": "issue-raised", "at": "2025-03-17T10:00"}
OPENED = {"case": "E", "kind": "referral-received", "at": "2025-03-10T09:00", "urgency": "standard"}


def _run(rows: list[dict[str, Any]], as_of: dt.date) -> Any:
    monitor = Monitor(SPEC, end_of_day(as_of), contract=CONTRACT)
    text = "".join(json.dumps(row) + "\n" for row in rows)
    return monitor.report(monitor.feed_all(read_events(io.StringIO(text))))


def _rows(report: Any) -> dict[str, Any]:
    return {d.rule_id: d for d in report.deadlines if d.case == "E"}


def test_d1_escalating_the_working_day_after_the_window_is_on_time() -> None:
    """Raised Mon 17 Mar; window Tue 18, Wed 19, Thu 20; no reply; the manager emailed
    Fri 21 Mar 09:00, the working day after the window: met. The reply never came: as of
    Mon 24 Mar it is overdue by 4 days (21 to 24 Mar) against the other party."""
    rows = _rows(
        _run(
            [OPENED, RAISED, {**RAISED, "kind": "manager-emailed", "at": "2025-03-21T09:00"}],
            dt.date(2025, 3, 24),
        )
    )
    step = rows["email-nominated-manager"]
    assert (dt.date(2025, 3, 21), DutyStatus.MET) == (step.due_date, step.status)
    reply = rows["escalate-to-manager"]
    assert (DutyStatus.OVERDUE, 4) == (reply.status, reply.late_days)
    # The manager's own window: Mon 24, Tue 25, Wed 26 Mar; open as of 24 Mar.
    assert (dt.date(2025, 3, 26), DutyStatus.OPEN) == (
        rows["escalate-to-commissioning"].due_date,
        rows["escalate-to-commissioning"].status,
    )


def test_d1_a_reply_in_the_window_settles_the_issue() -> None:
    """Raised Mon 17 Mar, replied Wed 19 Mar (inside Tue 18 to Thu 20): the reply is met
    and nothing is owed after it; as of 30 Apr nothing is overdue (exit 0)."""
    reply = {"case": "E", "kind": "reply-received", "at": "2025-03-19T12:00"}
    report = _run([OPENED, RAISED, reply], dt.date(2025, 4, 30))
    rows = _rows(report)
    assert {"escalate-to-manager"} == set(rows)
    assert DutyStatus.MET == rows["escalate-to-manager"].status
    assert 0 == report.failures


def test_d1_escalating_thirty_minutes_after_raising_is_premature_not_met() -> None:
    """Raised Mon 17 Mar 10:00, manager emailed 10:30 the same day, inside the unanswered
    window (to Thu 20 Mar): a finding, and no escalation step is scored met. The email
    still starts the manager's window: Tue 18, Wed 19, Thu 20 Mar, open as of Wed 19."""
    early = {"case": "E", "kind": "manager-emailed", "at": "2025-03-17T10:30"}
    report = _run([OPENED, RAISED, early], dt.date(2025, 3, 19))
    rows = _rows(report)
    assert "email-nominated-manager" not in rows
    assert "escalate-to-manager" not in rows
    assert (dt.date(2025, 3, 20), DutyStatus.OPEN) == (
        rows["escalate-to-commissioning"].due_date,
        rows["escalate-to-commissioning"].status,
    )
    [premature] = [f for f in report.findings if f.code == "monitoring.escalation.premature"]
    assert "line 3" == premature.path
    assert "2025-03-20" in premature.message


def test_d1_a_late_reply_before_the_step_falls_due_stops_the_ladder() -> None:
    """No reply by Thu 20 Mar; the reply comes Fri 21 Mar 09:00, before the end of the day
    the step is due: the reply is 1 day late and no escalation is owed."""
    reply = {"case": "E", "kind": "reply-received", "at": "2025-03-21T09:00"}
    rows = _rows(_run([OPENED, RAISED, reply], dt.date(2025, 4, 30)))
    assert {"escalate-to-manager"} == set(rows)
    assert (DutyStatus.LATE, 1) == (
        rows["escalate-to-manager"].status,
        rows["escalate-to-manager"].late_days,
    )


def test_d1_no_reply_and_no_escalation_is_overdue_from_the_day_after_the_window() -> None:
    """Nothing after the issue: the step due Fri 21 Mar is overdue by 40 days as of Wed 30
    Apr (10 days to 31 Mar, 30 in April)."""
    rows = _rows(_run([OPENED, RAISED], dt.date(2025, 4, 30)))
    step = rows["email-nominated-manager"]
    assert (dt.date(2025, 3, 21), DutyStatus.OVERDUE, 40) == (
        step.due_date,
        step.status,
        step.late_days,
    )


START = {"case": "C1", "kind": "package-commenced", "at": "2025-03-11T09:00"}
END = {"case": "C1", "kind": "package-end", "at": "2025-03-20T09:00"}


@pytest.mark.parametrize(
    ("by", "reason", "owed"),
    [
        ("council", "planned", False),  # the Council's planned end
        ("provider", "immediate-safety", False),  # "Unless the immediate safety ..."
        ("provider", "needs-not-met", True),  # "if it intends to end delivery"
    ],
)
def test_d3_notice_only_when_the_provider_ends_a_package(by: str, reason: str, owed: bool) -> None:
    """Ended Thu 20 Mar: a week's notice is due by Thu 13 Mar. Owed (and overdue by 48
    days as of 30 Apr: 18 days to 31 Mar, 30 in April) only when the Provider ends the
    package for a reason other than the child's immediate safety."""
    report = _run([START, {**END, "by": by, "reason": reason}], dt.date(2025, 4, 30))
    notices = [d for d in report.deadlines if d.rule_id == "provider-notice-to-end"]
    if owed:
        [notice] = notices
        assert (dt.date(2025, 3, 13), DutyStatus.OVERDUE, 48) == (
            notice.due_date,
            notice.status,
            notice.late_days,
        )
    else:
        assert [] == notices


def test_d3_the_first_review_ends_with_the_package() -> None:
    """Commenced Tue 11 Mar; the first review would be due Tue 8 Apr (28 days); the package
    ended Thu 20 Mar, before it fell due: ended, not overdue."""
    report = _run([START, {**END, "by": "council"}], dt.date(2025, 4, 30))
    [review] = [d for d in report.deadlines if d.rule_id == "first-review"]
    assert (dt.date(2025, 4, 8), DutyStatus.ENDED) == (review.due_date, review.status)
    assert not review.status.is_failure


def test_d3_an_end_that_does_not_say_who_is_not_judged() -> None:
    """Without 'by' the notice is neither owed nor waived: a finding names what is
    missing."""
    report = _run([START, END], dt.date(2025, 4, 30))
    assert not [d for d in report.deadlines if d.rule_id == "provider-notice-to-end"]
    [finding] = [f for f in report.findings if f.code == "monitoring.event.instigator-missing"]
    assert "'by'" in finding.message


def test_each_end_that_does_not_say_who_is_counted() -> None:
    """Two packages (C1 and C2) ended without 'by': two findings, and the report's counts
    say 2 such events, each still used (read 4 = used 4 + reported 0)."""
    other = [{**START, "case": "C2"}, {**END, "case": "C2"}]
    report = _run([START, END, *other], dt.date(2025, 4, 30))
    missing = [f for f in report.findings if f.code == "monitoring.event.instigator-missing"]
    assert 2 == len(missing) == report.counts["event.instigator-missing"]
    assert {Severity.WARNING} == {f.severity for f in missing}
    assert (4, 4, 0) == tuple(report.counts.get(k, 0) for k in ("read", "used", "reported"))
