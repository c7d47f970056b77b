"""Plymouth's monitoring, worked by hand from shared/specs/plymouth.txt on the bundled
example log (src/childcare_commissioning_plymouth/examples/monitoring.jsonl), as of the
end of Friday 4 April 2025, for a framework entry on 1 April 2024. England and Wales
working days; clocks went forward at 01:00 GMT on 30 March 2025.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from importlib.resources import files
from typing import Any

import pytest
from childcare_commissioning_plymouth import SPEC
from childcare_commissioning_plymouth.monitoring import MONITORING

from childcare_commissioning.conformance import check_council, quote_violations
from childcare_commissioning.contract import Contract
from childcare_commissioning.model import Severity
from childcare_commissioning.monitoring import DutyStatus, Monitor, end_of_day, read_events
from childcare_commissioning.testing.texts import specification_text

TEXT = specification_text("plymouth", __file__)

LOG = files("childcare_commissioning_plymouth").joinpath("examples", "monitoring.jsonl")


def _report() -> Any:
    spec = SPEC
    monitor = Monitor(
        spec, end_of_day(dt.date(2025, 4, 4)), source="plymouth", contract_start=dt.date(2024, 4, 1)
    )
    with LOG.open(encoding="utf-8") as stream:
        closed = monitor.feed_all(read_events(stream))
    return monitor.report(closed)


def _deadline(report: Any, case: str, rule: str) -> Any:
    [found] = [d for d in report.deadlines if (d.case, d.rule_id) == (case, rule)]
    return found


CONTRACT = Contract("plymouth", "Example Provider", dt.date(2025, 3, 1))

RAISED = {"case": "E", "kind": "issue-raised", "at": "2025-03-17T10:00"}

OPENED = {"case": "E", "kind": "referral-received", "at": "2025-03-10T09:00", "urgency": "standard"}


def _run(rows: list[dict[str, Any]], as_of: dt.date) -> Any:
    monitor = Monitor(SPEC, end_of_day(as_of), contract=CONTRACT)
    text = "".join(json.dumps(row) + "\n" for row in rows)
    return monitor.report(monitor.feed_all(read_events(io.StringIO(text))))


def _rows(report: Any) -> dict[str, Any]:
    return {d.rule_id: d for d in report.deadlines if d.case == "E"}


START = {"case": "C1", "kind": "package-commenced", "at": "2025-03-11T09:00"}

END = {"case": "C1", "kind": "package-end", "at": "2025-03-20T09:00"}


def test_package_deadlines() -> None:
    """PL-01: emergency referral Mon 3 Mar, services commenced 17:00 the same day: met.
    Commencement starts the 28-day first review (due Mon 31 Mar; held Wed 2 Apr: 2 days
    late) and the Council's documents (5 working days: Tue 4 to Mon 10 Mar; provided Fri
    7 Mar: met)."""
    report = _report()
    assert DutyStatus.MET == _deadline(report, "PL-01", "emergency-commencement").status
    review = _deadline(report, "PL-01", "first-review")
    assert (dt.date(2025, 3, 31), DutyStatus.LATE, 2) == (
        review.due_date,
        review.status,
        review.late_days,
    )
    documents = _deadline(report, "PL-01", "council-documents")
    assert (dt.date(2025, 3, 10), DutyStatus.MET) == (documents.due_date, documents.status)


def test_escalation_ladder_on_the_example() -> None:
    """PL-02: issue raised Mon 17 Mar; the reply window is three working days (Tue 18, Wed
    19, Thu 20). No reply came, so emailing the nominated manager is owed the working day
    after, Fri 21 Mar (reading escalation-ladder); emailed Mon 24 Mar: 3 days late (22, 23,
    24). That email opens "a further three working days" (Tue 25, Wed 26, Thu 27 Mar) and
    the manager replies Wed 26 Mar: in time, so the ladder stops (nothing is owed to the
    Commissioning Team). The same reply answers the first window 6 days late (21 to 26
    Mar)."""
    report = _report()
    step = _deadline(report, "PL-02", "email-nominated-manager")
    assert (dt.date(2025, 3, 21), DutyStatus.LATE, 3) == (
        step.due_date,
        step.status,
        step.late_days,
    )
    first = _deadline(report, "PL-02", "escalate-to-manager")
    assert (dt.date(2025, 3, 20), DutyStatus.LATE, 6) == (
        first.due_date,
        first.status,
        first.late_days,
    )
    team = _deadline(report, "PL-02", "escalate-to-commissioning")
    assert (dt.date(2025, 3, 27), DutyStatus.MET) == (team.due_date, team.status)
    assert not [d for d in report.deadlines if d.rule_id == "email-commissioning-team"]


def test_a_reply_window_due_on_the_as_of_date_is_open() -> None:
    """PL-05: issue raised Tue 1 Apr; the window is Wed 2, Thu 3, Fri 4 Apr, the as-of
    date: the reply is still open and no escalation is owed yet."""
    report = _report()
    window = _deadline(report, "PL-05", "escalate-to-manager")
    assert (dt.date(2025, 4, 4), DutyStatus.OPEN) == (window.due_date, window.status)
    assert not [d for d in report.deadlines if d.case == "PL-05" and d.rule_id.startswith("email")]


def test_a_council_planned_end_owes_no_notice_and_ends_the_first_review() -> None:
    """PL-06: commenced Mon 10 Mar, ended by the Council (planned) Thu 20 Mar. The first
    review would be due Mon 7 Apr (28 days): no longer owed (ended). The Provider's notice
    is owed only when the Provider ends a package: none is listed."""
    report = _report()
    review = _deadline(report, "PL-06", "first-review")
    assert (dt.date(2025, 4, 7), DutyStatus.ENDED) == (review.due_date, review.status)
    assert not [
        d for d in report.deadlines if (d.case, d.rule_id) == ("PL-06", "provider-notice-to-end")
    ]


def test_written_notice_late_across_the_clock_change() -> None:
    """PL-03: notifiable event Sat 29 Mar 10:00 GMT; "in writing within 24 hours" ends Sun
    30 Mar 11:00 BST. Written notice 11:30 BST: 30 minutes late."""
    notice = _deadline(_report(), "PL-03", "notify-in-writing")
    assert (DutyStatus.LATE, dt.timedelta(minutes=30)) == (notice.status, notice.late_by)


def test_week_of_notice_before_a_package_ends() -> None:
    """PL-04: package ends Tue 25 Mar; a week's notice is due by Tue 18 Mar; given Thu 20
    Mar (logged before the end): 2 days late."""
    notice = _deadline(_report(), "PL-04", "provider-notice-to-end")
    assert (dt.date(2025, 3, 18), DutyStatus.LATE, 2) == (
        notice.due_date,
        notice.status,
        notice.late_days,
    )


def test_five_late_deadlines_in_all() -> None:
    """Late: first review, the first reply and the escalation to the manager, written
    notice, notice to end (the Provider ended PL-04)."""
    late = sorted((d.case, d.rule_id) for d in _report().deadlines if d.status.is_failure)
    assert [
        ("PL-01", "first-review"),
        ("PL-02", "email-nominated-manager"),
        ("PL-02", "escalate-to-manager"),
        ("PL-03", "notify-in-writing"),
        ("PL-04", "provider-notice-to-end"),
    ] == late


def test_missed_monitoring_information_and_quarterly_reports() -> None:
    """Meetings from 1 Apr 2024: 1 Jul, 1 Oct, 1 Jan 2025, 1 Apr 2025 (quarterly in year
    one), then 1 Oct 2025. Monitoring information 5 working days before: 24 Jun, 24 Sep,
    23 Dec (25 and 26 Dec are bank holidays), 25 Mar, 24 Sep 2025: sent 21 Jun, 20 Sep,
    20 Dec, nothing in March (missing). The meeting scheduled on 1 Jan (a bank holiday) is
    due the next working day, Thu 2 Jan (reading meeting-working-day); held Mon 6 Jan: 4
    days late (3, 4, 5, 6 Jan). The information for it is due 5 working days before the
    meeting as held (reading before-the-meeting-held): Fri 3, Thu 2, Tue 31, Mon 30, Fri
    27 Dec; sent 20 Dec, on time. The policies report is due with the monitoring information, 5
    working days before each reporting quarter ends (Plymouth's reading report-due-dates;
    quarters from entry end 1 Jul, 1 Oct, 1 Jan, 1 Apr): 24 Jun, 24 Sep, 23 Dec, 25 Mar;
    sent 21 Jun, 20 Sep, 20 Dec, March's missing; the compliments report has none at all, and one
    submission names no report ("compliments" is not an obligation id): a finding."""
    report = _report()

    def statuses(obligation: str) -> list[str]:
        return [o.status.value for o in report.obligations if o.obligation_id == obligation]

    assert ["met", "met", "met", "missing", "open"] == statuses("monitoring-information")
    assert ["met", "met", "late", "met", "open"] == statuses("contract-review-meeting")
    assert ["met", "met", "met", "missing", "open"] == statuses("policies-report")
    assert ["missing"] * 4 + ["open"] == statuses("compliments-report")
    [late_meeting] = [
        o
        for o in report.obligations
        if o.obligation_id == "contract-review-meeting" and o.status is DutyStatus.LATE
    ]
    assert 4 == late_meeting.late_days
    assert {"read": 30, "used": 29, "reported": 1} == {
        k: report.counts[k] for k in ("read", "used", "reported")
    }
    assert ["line 30"] == [
        f.path for f in report.findings if f.code == "monitoring.event.unknown-obligation"
    ]
    assert not report.kpis
    assert "policies-up-to-date" in dict(report.unmeasured)


def test_declaration_checks_out() -> None:
    spec = SPEC
    assert [] == [str(v) for v in check_council(spec) if v.check == "monitoring"]
    found = quote_violations(spec, TEXT.read_text(encoding="utf-8"))
    assert [] == [str(v) for v in found if v.rule_id.startswith("monitoring/")]


def test_notice_logged_after_the_package_ended_is_late_and_not_reused() -> None:
    """Package ends Tue 25 Mar (notice due by Tue 18 Mar); notice logged Wed 26 Mar: 8 days
    late. A second package end on Tue 15 Apr for the same case (notice due Tue 8 Apr) finds
    no notice: the late one was used up, so it is overdue as of Fri 18 Apr by 10 days."""
    rows = [
        {"case": "PL-09", "kind": "referral-received", "at": "2025-03-01T09:00"},
        {"case": "PL-09", "kind": "package-end", "at": "2025-03-25T10:00", "by": "provider"},
        {"case": "PL-09", "kind": "notice-given", "at": "2025-03-26T10:00"},
        {"case": "PL-09", "kind": "package-end", "at": "2025-04-15T10:00", "by": "provider"},
    ]
    spec = SPEC
    monitor = Monitor(spec, end_of_day(dt.date(2025, 4, 18)))
    text = "".join(json.dumps(r) + "\n" for r in rows)
    closed = monitor.feed_all(read_events(io.StringIO(text)))
    report = monitor.report(closed)
    notices = [d for d in report.deadlines if d.rule_id == "provider-notice-to-end"]
    assert [("2025-03-18", "late", 8), ("2025-04-08", "overdue", 10)] == [
        (d.due_date.isoformat(), d.status.value, d.late_days) for d in notices
    ]


def test_the_council_declares_its_monitoring() -> None:
    """The plugin's SPEC carries the monitoring declaration these tests exercise."""
    assert MONITORING is SPEC.monitoring


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
    """Two packages (C1 and C2) ended without 'by': two findings, each a warning, and the
    report's counts say 2 such events, each still used (read 4 = used 4 + reported 0)."""
    other = [{**START, "case": "C2"}, {**END, "case": "C2"}]
    report = _run([START, END, *other], dt.date(2025, 4, 30))
    missing = [f for f in report.findings if f.code == "monitoring.event.instigator-missing"]
    assert 2 == len(missing) == report.counts["event.instigator-missing"]
    assert {Severity.WARNING} == {f.severity for f in missing}
    assert (4, 4, 0) == tuple(report.counts.get(k, 0) for k in ("read", "used", "reported"))
