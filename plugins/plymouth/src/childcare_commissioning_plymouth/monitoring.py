"""What Plymouth's contract manager can measure from a case record system's events.

Deadlines a logged event discharges: services commenced the same day as an emergency
referral (the commencement discharges it), the first review "initially within 28 days of
the commencement of delivery" (no longer owed once the package ends before it falls due),
the Council's documents within 5 working days of commencement, written notice of a
significant or notifiable event within 24 hours, the Provider's week's notice before a
package ends (only when the Provider ends it, and not when the child's immediate safety
is in question: the ``package-end`` event says ``by`` and ``reason``), and notice of a
Business Continuity Plan activation within 5 Business Days.

The escalation ladder (3.3) is read the way the text runs: a ``reply-received`` within
three working days of the issue raised stops it; with no reply, emailing the nominated
manager is owed the working day after the window (``manager-emailed``), which opens "a
further three working days" for the manager's reply; with none, the Commissioning Team
is emailed the working day after (``commissioning-team-emailed``). Emailing a manager
inside an unanswered window is a premature escalation (a finding). Dated
obligations a logged submission meets: the monitoring information 5 working days before
each contract review meeting, the meetings themselves, and the three quarterly reports
of 8.1 (one event kind, ``quarterly-report-submitted``, whose ``reference`` names the
report).

Staff turnover (8.2, "percentage of leavers over the last 6 months") is computed per
half-year of the contract from the provider's staff events: ``staff-started`` (the first
day of employment) and ``staff-left`` (the last day), each for a worker's pseudonymous id
as the case: the leavers of the staff employed on any day of the six months, as
``staff-check --turnover`` counts them from a roster (reading turnover-of-staff), with
the workers behind both counts. A leaver whose start is not logged was employed from
before the log. The text names no sector-norm figure, so no target is judged.

8.1's one KPI ("100% of policies reviewed / updated within appropriate timescale") is
about policy documents, computed by :func:`childcare_commissioning_plymouth.policy_kpi`;
compliments and complaints are counts with no target. The "immediately" duties, the planning meeting "where required" and the
Council's practical matters stay for monitoring visits.

Declared here, outside the plugin's ``CouncilSpec``, until the spec references it as
``monitoring=MONITORING``.
"""

from __future__ import annotations

from childcare_commissioning.deadlines import Party
from childcare_commissioning.model import Reading
from childcare_commissioning.monitoring import (
    Completion,
    Condition,
    Count,
    Ending,
    Escalation,
    Kpi,
    KpiPeriod,
    Monitoring,
    Submission,
)
from childcare_commissioning_plymouth._cite import cite
from childcare_commissioning_plymouth.rules.readings import READINGS

__all__ = ["ALL_READINGS", "MONITORING", "MONITORING_READINGS"]

_ESCALATION = "3.3 Escalation process"
#: A worker's employment in the event log: from the first day to the last.
EMPLOYED = ("staff-started", "staff-left")
_TURNOVER = cite("8.2 Outcomes", "percentage of leavers over the last 6 months")

MONITORING = Monitoring(
    completions=(
        Completion("emergency-commencement", "package-commenced"),
        Completion("first-review", "review-held"),
        Completion("council-documents", "documents-provided"),
        Completion("escalate-to-manager", "reply-received"),
        Completion("escalate-to-commissioning", "reply-received"),
        Completion("notify-in-writing", "written-notice-given"),
        Completion("provider-notice-to-end", "notice-given"),
        Completion("bcp-activation-notice", "bcp-notice-given"),
    ),
    submissions=(
        Submission("monitoring-information", "monitoring-information-submitted"),
        Submission("contract-review-meeting", "contract-review-held"),
        Submission("policies-report", "quarterly-report-submitted"),
        Submission("compliments-report", "quarterly-report-submitted"),
        Submission("complaints-report", "quarterly-report-submitted"),
    ),
    opening=("referral-received", "package-commenced", *EMPLOYED),
    year_start_month=4,
    kpis=(
        Kpi(
            "staff-turnover",
            "Staff retention/turnover: leavers over the last 6 months",
            numerator=Count(span=EMPLOYED, ended=True),
            denominator=Count(span=EMPLOYED),
            citation=_TURNOVER,
            outcome="workforce-retention",
            period=KpiPeriod.HALF,
            notes="Leavers (staff-left in the half-year) of the staff employed on any day "
            "of it, as staff-check --turnover counts them (reading turnover-of-staff); no "
            "target: the text names no sector-norm figure.",
        ),
    ),
    escalations=(
        Escalation(
            "escalate-to-manager",
            "email-nominated-manager",
            "manager-emailed",
            "Email the other party's nominated manager (no appropriate reply in three working "
            "days)",
            cite(
                _ESCALATION,
                "If an appropriate reply is not received within three working days the "
                "Provider or Council will email the other party's nominated manager",
            ),
        ),
        Escalation(
            "escalate-to-commissioning",
            "email-commissioning-team",
            "commissioning-team-emailed",
            "Raise the issue by email with the Strategic Cooperative Commissioning Team (no "
            "appropriate reply from the nominated manager in a further three working days)",
            cite(
                _ESCALATION,
                "If an appropriate reply is not received from the nominated manager within a "
                "further three working days the issue will be raised via email",
            ),
        ),
    ),
    conditions=(
        Condition(
            "provider-notice-to-end",
            {Party.PROVIDER},
            cite(
                "3.3 Referral routes",
                "Unless the immediate safety of the child or young person is in question, the "
                "Provider will give a minimum of one week's notice if it intends to end",
            ),
            unless={"immediate-safety"},
        ),
    ),
    endings=(Ending("package-end", closes=("first-review",)),),
    evidence=(
        (
            "policies-up-to-date",
            "The quarterly report (8.1): for each of the sixteen policies and procedures, the "
            "date of last review, the date next review due and an overview of any key changes "
            "made this reporting period; the 100% is computed from those dates by policy_kpi.",
        ),
        (
            "compliments",
            "The quarterly report (8.1): the number and subject of compliments, thanks, "
            "suggestions and requests received, and the actions planned or completed as a "
            "result. No target (N/A).",
        ),
        (
            "complaints",
            "The quarterly report (8.1): the number, subject and stage of complaints, and the "
            "organisational learning derived. No target (N/A).",
        ),
        (
            "service-improvement",
            "The Annual Service Improvement Plan (8.2 evidence source): continual service "
            "improvement and a person-centred approach; work with partner agencies and other "
            "stakeholders; improvements informed by the voices of children, young people and "
            "families ('they said, we did'), staff, partners' feedback and changes in "
            "legislation, policy and practice.",
        ),
        (
            "individual-outcomes",
            "Each child's or young person's outcomes as set out in the Care Plan, and progress "
            "in delivering them at each package review, which checks 'suitability and "
            "effectiveness at meeting need' (8.2).",
        ),
    ),
)

#: How monitoring reads what the text leaves open (shown with the council's readings).
MONITORING_READINGS = (
    Reading(
        "escalation-ladder",
        "3.3 escalates 'If an appropriate reply is not received within three working days': "
        "is escalating a duty on its own, and what stops it?",
        "The reply is what the window waits for: a reply logged within the window "
        "(reply-received) stops the ladder and no escalation is owed. Only when no reply came "
        "is the next step owed, due by the end of the working day after the window; a reply "
        "that arrives after the window but by the end of that day still stops it. Emailing "
        "the manager while the window is open and unanswered is premature (a finding). The "
        "reply itself is scored against the window (late or overdue when it did not come).",
        cite(_ESCALATION, "If an appropriate reply is not received within three working days"),
    ),
    Reading(
        "notice-to-end-instigator",
        "The Provider's week of notice applies 'if it intends to end delivery', 'Unless the "
        "immediate safety of the child or young person is in question'.",
        "Owed only for a package-end logged with by=provider and a reason other than "
        "immediate-safety; an end the Council decides (by=council) owes none. An end that "
        "does not say who ended it is not judged: a finding asks for 'by'. The first review "
        "is no longer owed when the package ends before it falls due.",
        cite("3.3 Referral routes", "if it intends to end delivery of a package of services"),
    ),
    Reading(
        "meeting-working-day",
        "Contract review meetings fall 'quarterly' and 'on a six monthly basis' from entry to "
        "the framework; the text names no day, and the count can land on a weekend or a bank "
        "holiday.",
        "A meeting whose counted day is not a working day is due the next working day (1 Jan "
        "2025 is due Thu 2 Jan). The monitoring information is due 5 working days before the "
        "meeting as held when it was logged, and before its due day otherwise.",
        cite("11 Contract management", "at least 5 working days before each contract review"),
    ),
    Reading(
        "turnover-half-years",
        "8.2: 'Staff retention/turnover: percentage of leavers over the last 6 months', "
        "reported six monthly: which six months does monitoring figure?",
        "Each half-year of the contract from its start (entry to the framework Tue 1 Oct "
        "2024: 1 Oct 2024 to 31 Mar 2025, then 1 Apr to 30 Sep 2025), the six months each "
        "six-monthly report covers; without a contract, the halves of the financial year. "
        "Leavers and staff are counted as reading turnover-of-staff counts them, from the "
        "log's staff-started and staff-left events.",
        _TURNOVER,
    ),
)

#: Every reading of the declaration: the text's (``rules.readings``) and the monitoring's.
ALL_READINGS = READINGS + MONITORING_READINGS
