"""Plymouth's monitoring, worked by hand from shared/specs/plymouth.txt on the bundled
example log (src/childcare_commissioning_plymouth/examples/monitoring.jsonl), as of the
end of Friday 4 April 2025, for a framework entry on 1 April 2024. England and Wales
working days; clocks went forward at 01:00 GMT on 30 March 2025.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from decimal import Decimal
from importlib.resources import files
from typing import Any

import pytest
from childcare_commissioning_plymouth import SPEC
from childcare_commissioning_plymouth.monitoring import MONITORING

from childcare_commissioning.conformance import check_council, quote_violations
from childcare_commissioning.contract import Contract
from childcare_commissioning.model import Severity
from childcare_commissioning.monitoring import (
    DutyStatus,
    Monitor,
    end_of_day,
    event_kinds,
    read_events,
)
from childcare_commissioning.roster import turnover
from childcare_commissioning.testing.monitoring import monitor_rows
from childcare_commissioning.testing.texts import specification_text
from childcare_commissioning.workforce_model import Worker

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
    return monitor_rows(SPEC, rows, as_of, CONTRACT)


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
    sent 21 Jun, 20 Sep, 20 Dec, March's missing. The compliments report was sent once,
    Thu 2 Jan 2025: the oldest occurrence it can answer is the third (due Mon 23 Dec, the
    first whose predecessor, 24 Sep, is before it): 10 days late; the others are missing.
    The staff events count towards the turnover KPI (test_monitoring_turnover): 35 events,
    all used."""
    report = _report()

    def statuses(obligation: str) -> list[str]:
        return [o.status.value for o in report.obligations if o.obligation_id == obligation]

    assert ["met", "met", "met", "missing", "open"] == statuses("monitoring-information")
    assert ["met", "met", "late", "met", "open"] == statuses("contract-review-meeting")
    assert ["met", "met", "met", "missing", "open"] == statuses("policies-report")
    assert ["missing", "missing", "late", "missing", "open"] == statuses("compliments-report")
    [compliments] = [
        o for o in report.obligations if o.obligation_id == "compliments-report" and o.late_days
    ]
    assert (3, 10) == (compliments.sequence, compliments.late_days)
    [late_meeting] = [
        o
        for o in report.obligations
        if o.obligation_id == "contract-review-meeting" and o.status is DutyStatus.LATE
    ]
    assert 4 == late_meeting.late_days
    assert (35, 35, 0) == tuple(report.counts.get(k, 0) for k in ("read", "used", "reported"))
    assert "policies-up-to-date" in dict(report.unmeasured)


def test_a_quarterly_report_naming_no_report_is_a_finding() -> None:
    """Three reports share the kind quarterly-report-submitted (8.1); its reference names
    which. "compliments" (not "compliments-report") names none of them: reported, with its
    line, not guessed."""
    row = {
        "kind": "quarterly-report-submitted",
        "at": "2024-06-21T12:00",
        "reference": "compliments",
    }
    contract = Contract("plymouth", "Example Provider", dt.date(2024, 4, 1))
    report = monitor_rows(SPEC, [row], dt.date(2025, 4, 4), contract)
    assert ["line 1"] == [
        f.path for f in report.findings if f.code == "monitoring.event.unknown-obligation"
    ]
    assert (1, 0, 1) == tuple(report.counts.get(k, 0) for k in ("read", "used", "reported"))


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


# ----------------------------------------------------------------------
# Plymouth's staff turnover as a KPI computed by ``monitor`` from the provider's staff
# events, worked by hand from 8.2 of the text: "Staff retention/turnover: percentage of
# leavers over the last 6 months", reported "Six monthly" (readings turnover-of-staff,
# turnover-half-years). The contract (entry to the framework) starts Tue 1 Oct 2024, so its
# half-years run 1 Oct 2024 to 31 Mar 2025 and 1 Apr to 30 Sep 2025; as of the end of Fri
# 4 Apr 2025.

D = dt.date
TURNOVER_CONTRACT = Contract("plymouth", "Example Provider", D(2024, 10, 1))
TURNOVER_AS_OF = D(2025, 4, 4)

#: The six workers of staff-check's turnover, as events (the same count: test_the_same_count_as_staff_check_turnover).
TURNOVER_ROWS = [
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


def _turnover_figures(rows: list[dict[str, Any]]) -> dict[str, Any]:
    report = monitor_rows(SPEC, rows, TURNOVER_AS_OF, TURNOVER_CONTRACT)
    return {k.period_label: k for k in report.kpis if k.kpi_id == "staff-turnover"}


def test_turnover_per_half_year_of_the_contract_with_the_workers_behind_it() -> None:
    """First half-year, Tue 1 Oct 2024 to Mon 31 Mar 2025: employed on any day of it are
    A, B (to 31 Oct), C (to 31 Mar: the last day counts) and D (from 1 Dec) = 4; E left
    on 30 Sep, the day before, and F joined after. Leavers: B and C = 2; 2 / 4 = 50.0 %.
    Second half-year, Tue 1 Apr to Tue 30 Sep 2025 (not over on 4 Apr): A, D and F = 3
    (C's last day was 31 Mar), no leaver: 0 / 3 = 0.0 %. No figure before the contract
    starts, though E and B were employed from 2021 and 2022."""
    found = _turnover_figures(TURNOVER_ROWS)
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
    first = _turnover_figures(TURNOVER_ROWS)["contract half-year 1"]
    months = turnover(workers, D(2024, 10, 1), D(2025, 3, 31))
    assert (months.leavers, months.staff, months.percent) == (
        first.numerator,
        first.denominator,
        first.percent,
    )


def test_every_staff_event_is_used_and_a_second_leaving_is_a_finding() -> None:
    """8 events, all used (staff-started and staff-left open a worker's case). B leaving
    again without starting again is said, not counted twice: B is still one leaver."""
    report = monitor_rows(SPEC, TURNOVER_ROWS, TURNOVER_AS_OF, TURNOVER_CONTRACT)
    assert (8, 8, 0) == (
        report.counts["read"],
        report.counts["used"],
        report.counts.get("reported", 0),
    )
    again = [*TURNOVER_ROWS, {"case": "W-B", "kind": "staff-left", "at": "2024-11-30T17:00"}]
    report = monitor_rows(SPEC, again, TURNOVER_AS_OF, TURNOVER_CONTRACT)
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
    report = monitor_rows(SPEC, TURNOVER_ROWS, TURNOVER_AS_OF)
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


def test_each_end_that_does_not_say_who_is_counted() -> None:
    """Two packages (C1 and C2) ended without 'by': two findings, each a warning, and the
    report's counts say 2 such events, each still used (read 4 = used 4 + reported 0)."""
    other = [{**START, "case": "C2"}, {**END, "case": "C2"}]
    report = _run([START, END, *other], dt.date(2025, 4, 30))
    missing = [f for f in report.findings if f.code == "monitoring.event.instigator-missing"]
    assert 2 == len(missing) == report.counts["event.instigator-missing"]
    assert {Severity.WARNING} == {f.severity for f in missing}
    assert (4, 4, 0) == tuple(report.counts.get(k, 0) for k in ("read", "used", "reported"))
