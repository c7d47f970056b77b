"""What a council declares for monitoring, the event record, and the results.

A council's :class:`Monitoring` declaration builds on the deadline rules, obligations and
outcomes it already declares:

- :class:`Completion`: the event kind that discharges a deadline rule ("offer-made"
  discharges "respond to a referral"). The rule's own ``trigger`` names the event kind that
  starts its clock, so a rule whose trigger is another rule's completion (Plymouth's
  escalation ladder) is counted from when that step *actually* happened.
- :class:`Submission`: the event kind that shows a dated obligation was met (a quarterly
  report submitted, a review meeting held).
- :class:`Kpi`: a KPI a number can measure, as a numerator and a denominator over events
  and deadline outcomes (:class:`Count`), with its target in per cent, or a count alone
  (families worked with) against a minimum. Outcomes the council declares that no KPI
  measures stay text: the handbook and the ``monitor`` command list them as "not
  measurable from events", with what evidences them.
- :class:`Escalation`: a step of an escalation ladder. The step's window is a deadline
  rule (three working days for a reply), discharged by a *reply*; the step (email the
  manager) is owed only when no reply came in the window, and is due the working day
  after it.
- :class:`Condition`: a rule that applies only to some trigger events: the Provider's
  notice to end a package only when the Provider ends it, and not for the child's
  immediate safety (the event's ``by`` and ``reason``).
- :class:`Ending`: an event kind that ends a case's package: the duties it names that
  had not yet fallen due are no longer owed (status ``ended``), and package-anchored
  obligations stop.
- :class:`Gate`: something that must happen before something else (a risk assessment
  agreed before engagement): the later event without the earlier one is a breach.

:class:`Event` is one line of an event log; :class:`DeadlineStatus`,
:class:`ObligationStatus` and :class:`KpiFigure` are what monitoring answers.
"""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from childcare_commissioning.deadlines import Party
from childcare_commissioning.errors import ModelValueError
from childcare_commissioning.model._fields import (
    identifier,
    non_empty,
    personal,
    to_frozenset,
    to_tuple,
)
from childcare_commissioning.model.core import Citation
from childcare_commissioning.model.referral import Urgency
from childcare_commissioning.schedules import Period

if TYPE_CHECKING:
    from childcare_commissioning.council import CouncilSpec

__all__ = [
    "Completion",
    "Condition",
    "Count",
    "DeadlineStatus",
    "DutyStatus",
    "Ending",
    "Escalation",
    "Event",
    "Gate",
    "Kpi",
    "KpiFigure",
    "KpiPeriod",
    "Monitoring",
    "ObligationStatus",
    "Submission",
    "check_references",
]


class DutyStatus(enum.StrEnum):
    """Where a duty stands: done in time, done late, not done and not yet due, not done and
    past due (a deadline: overdue; a dated obligation: missing), or no longer owed because
    the case's package ended before it fell due (ended)."""

    MET = "met"
    LATE = "late"
    OPEN = "open"
    OVERDUE = "overdue"
    MISSING = "missing"
    ENDED = "ended"

    @property
    def is_failure(self) -> bool:
        """Whether this status means the duty was not done in time."""
        return self in (DutyStatus.LATE, DutyStatus.OVERDUE, DutyStatus.MISSING)


# --- declarations ---------------------------------------------------------------------------


@attrs.frozen
class Completion:
    """Events of kind ``kind`` discharge deadline rule ``rule``."""

    rule: str = attrs.field(validator=identifier)
    kind: str = attrs.field(validator=identifier)


@attrs.frozen
class Submission:
    """Events of kind ``kind`` meet dated obligation ``obligation``. When several
    obligations share a kind, the event's ``reference`` names the obligation."""

    obligation: str = attrs.field(validator=identifier)
    kind: str = attrs.field(validator=identifier)


@attrs.frozen
class Escalation:
    """One step of an escalation ladder (Plymouth 3.3: "If an appropriate reply is not
    received within three working days the Provider or Council will email the other
    party's nominated manager").

    ``window`` is the deadline rule of the reply window (its trigger starts it: the issue
    raised, or the previous step taken); the kinds that discharge it
    (:class:`Completion`) are *replies*. A reply in the window stops the ladder. With no
    reply by the end of the window the step ``id`` is owed, due by the end of the next
    working day of the window's calendar, and done by an event of kind ``kind`` (which
    usually triggers the next window). A step taken while its window is still open and
    unanswered is *premature*: a finding, not a met duty.
    """

    window: str = attrs.field(validator=identifier)
    id: str = attrs.field(validator=identifier)
    kind: str = attrs.field(validator=identifier)
    title: str = attrs.field(validator=non_empty)
    citation: Citation
    owed_by: Party = Party.BOTH


def _parties(value: Any) -> frozenset[Party]:
    return frozenset(Party(v) for v in value)


@attrs.frozen
class Condition:
    """Deadline rule ``rule`` applies only to trigger events whose ``by`` (who
    instigated: who ended the package) is one of ``by`` and whose ``reason`` is none of
    ``unless``. A trigger event that does not say who instigated it is not judged: a
    finding says what is missing (never assumed)."""

    rule: str = attrs.field(validator=identifier)
    by: frozenset[Party] = attrs.field(converter=_parties)
    citation: Citation
    unless: frozenset[str] = attrs.field(default=frozenset(), converter=to_frozenset)


@attrs.frozen
class Ending:
    """Events of kind ``kind`` end the case's package: each open deadline of a rule in
    ``closes`` that had not yet fallen due is no longer owed (``ended``); one already past
    due stays owed. Package-anchored obligations of the case stop at the end's date."""

    kind: str = attrs.field(validator=identifier)
    closes: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)
    citation: Citation | None = None


def _urgencies(value: Any) -> frozenset[Urgency]:
    return frozenset(Urgency(v) for v in value)


@attrs.frozen
class Gate:
    """An event of kind ``before`` (support starting) must come after one of kind
    ``requires`` (the risk assessment agreed) for the same case: due at the instant of the
    ``before`` event; ``late`` (by elapsed time) when the requirement came afterwards,
    ``overdue`` when it never came. Cases of an urgency in ``exempt`` are not gated (the
    text gives them another route: "With urgent referrals ... within 72hrs")."""

    id: str = attrs.field(validator=identifier)
    title: str = attrs.field(validator=non_empty)
    requires: str = attrs.field(validator=identifier)
    before: str = attrs.field(validator=identifier)
    citation: Citation
    owed_by: Party = Party.PROVIDER
    exempt: frozenset[Urgency] = attrs.field(default=frozenset(), converter=_urgencies)


def _one_source(instance: Count, attribute: attrs.Attribute[Any], value: Any) -> None:
    given = (instance.event is not None) + bool(instance.rules) + (instance.span is not None)
    if given != 1:
        raise ModelValueError("count", "count-source", "give exactly one of event, rules, span")
    if instance.ended and instance.span is None:
        raise ModelValueError("count", "count-ended", "ended counts the ends of a span")


def _span(value: Any) -> tuple[str, str] | None:
    if value is None:
        return None
    start, end = value
    return (str(start), str(end))


def _statuses(value: Any) -> frozenset[DutyStatus]:
    return frozenset(DutyStatus(v) for v in value)


@attrs.frozen
class Count:
    """One side of a KPI: what is counted in a reporting period.

    ``Count(event="referral-received")`` counts events of that kind dated in the period;
    ``Count(rules=("offer-standard", "offer-urgent"), statuses={MET})`` counts deadlines of
    those rules whose trigger falls in the period and whose status is one of ``statuses``
    (all statuses when empty). Dates are Europe/London dates.

    An event count may be narrowed to events whose ``by`` is one of ``by`` (placements
    ended at the Provider's instigation) or whose ``reason`` is one of ``reasons``;
    ``repeat`` counts only events of a case that already had one of that kind (repeat
    referrals); ``distinct`` counts each case once per period (families worked with).

    ``Count(span=("staff-started", "staff-left"))`` counts the cases *present* on any
    day of the period: from the London date of an event of the first kind to that of the
    next event of the second kind, both days included (a case whose first such event is
    the end was present from before the log; one not yet ended is present still). With
    ``ended=True`` it counts those of them whose end falls in the period, narrowed by the
    end event's ``by`` and ``reason``: leavers of the staff employed in six months, the
    placements that broke down of those held in a year. It is the computation
    ``staff-check --turnover`` makes (:func:`~.periods.present_in`).

    ``services`` narrows any count to cases of those services (the service a case was
    first given).
    """

    event: str | None = None
    rules: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)
    span: tuple[str, str] | None = attrs.field(default=None, converter=_span)
    ended: bool = False
    statuses: frozenset[DutyStatus] = attrs.field(
        default=frozenset(), converter=_statuses, validator=_one_source
    )
    by: frozenset[Party] = attrs.field(default=frozenset(), converter=_parties)
    reasons: frozenset[str] = attrs.field(default=frozenset(), converter=to_frozenset)
    repeat: bool = False
    distinct: bool = False
    services: frozenset[str] = attrs.field(default=frozenset(), converter=to_frozenset)

    def _narrowed(self, words: str) -> str:
        if self.by:
            words += f" by {'/'.join(sorted(p.value for p in self.by))}"
        if self.reasons:
            words += f" for {'/'.join(sorted(self.reasons))}"
        if self.services:
            words += f" ({'/'.join(sorted(self.services))} service)"
        return words

    def describe(self) -> str:
        """The count in words."""
        if self.span is not None:
            start, end = self.span
            if self.ended:
                return self._narrowed(f"cases ended ({end}) in the period")
            return self._narrowed(f"cases present ({start} to {end}) in the period")
        if self.event is not None:
            words = self._narrowed(f"{self.event} events")
            if self.repeat:
                words = f"repeat {words}"
            return f"cases with {words}" if self.distinct else words
        wanted = "/".join(sorted(s.value for s in self.statuses)) or "all"
        return self._narrowed(f"{' + '.join(self.rules)} deadlines ({wanted})")

    def matches(self, by: Party | None, reason: str | None) -> bool:
        """Whether an event that says ``by`` and ``reason`` is of those counted."""
        if self.by and by not in self.by:
            return False
        return not self.reasons or reason in self.reasons

    def takes(self, event: Event, seen_before: bool, service: str | None = None) -> bool:
        """Whether an event of this count's kind is counted (``seen_before``: its case
        already had an event of the kind; ``service``: the case's)."""
        if self.services and service not in self.services:
            return False
        if not self.matches(event.by, event.reason):
            return False
        return seen_before or not self.repeat


class KpiPeriod(enum.StrEnum):
    """The reporting period a KPI is figured over: a quarter of the council's reporting
    year (see :attr:`Monitoring.year_start_month`); a year (of the contract from its
    start, or the reporting year without a contract); a half-year (six months, of the
    contract from its start, or halves of the reporting year without one: "the last 6
    months" of a six-monthly report); or the reporting year whatever the contract (a
    baseline the text gives per financial year, "in 2016/17")."""

    QUARTER = "quarter"
    YEAR = "year"
    HALF = "half"
    REPORTING_YEAR = "reporting-year"


@attrs.frozen
class Kpi:
    """A KPI a number can measure: ``numerator / denominator`` per reporting period, in per
    cent, against ``target`` (per cent; ``None`` when the text sets none); or, without a
    denominator, a count against ``minimum`` (at least that many in the period: "a
    minimum of Thirty families per year"). ``outcome`` names the
    :class:`~childcare_commissioning.measures.OutcomeMeasure` it measures; ``period`` the
    reporting period (quarters unless the text counts per year)."""

    id: str = attrs.field(validator=identifier)
    title: str = attrs.field(validator=non_empty)
    numerator: Count
    denominator: Count | None
    citation: Citation
    target: Decimal | None = None
    outcome: str | None = None
    notes: str = ""
    minimum: int | None = None
    period: KpiPeriod = KpiPeriod.QUARTER


def _months(_: object, attribute: attrs.Attribute[Any], value: int) -> None:
    if not 1 <= value <= 12:
        raise ModelValueError(attribute.name, "month", "months are 1 to 12")


@attrs.frozen
class Monitoring:
    """A council's monitoring declaration (see the module docstring).

    ``opening`` are the event kinds that open a case: an event of any other kind for a
    case no opening event has opened is a finding ("unknown case"). ``kinds`` are further
    event kinds the council's records use that no rule names (a placement ended); KPIs may
    count them. ``aliases`` map a user's own names to these kinds. ``year_start_month`` is
    the first month of the council's reporting year (4: UK financial quarters, April to
    June is Q1; 1: calendar quarters).
    """

    completions: tuple[Completion, ...] = attrs.field(default=(), converter=to_tuple)
    submissions: tuple[Submission, ...] = attrs.field(default=(), converter=to_tuple)
    kpis: tuple[Kpi, ...] = attrs.field(default=(), converter=to_tuple)
    opening: tuple[str, ...] = attrs.field(default=("referral-received",), converter=to_tuple)
    kinds: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)
    aliases: tuple[tuple[str, str], ...] = attrs.field(default=(), converter=to_tuple)
    year_start_month: int = attrs.field(default=4, validator=_months)
    citation: Citation | None = None
    escalations: tuple[Escalation, ...] = attrs.field(default=(), converter=to_tuple)
    conditions: tuple[Condition, ...] = attrs.field(default=(), converter=to_tuple)
    endings: tuple[Ending, ...] = attrs.field(default=(), converter=to_tuple)
    gates: tuple[Gate, ...] = attrs.field(default=(), converter=to_tuple)
    #: Event kinds that start a package (a placement) in the log: the case's
    #: package-anchored obligations (three-monthly reviews) run from that date.
    package_starts: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)
    #: What evidences each outcome no KPI measures, by outcome id (shown with it).
    evidence: tuple[tuple[str, str], ...] = attrs.field(default=(), converter=to_tuple)

    def completion_kinds(self, rule_id: str) -> tuple[str, ...]:
        """The event kinds that discharge ``rule_id``."""
        return tuple(c.kind for c in self.completions if c.rule == rule_id)


def check_references(spec: CouncilSpec, monitoring: Monitoring) -> None:
    """Raise :class:`ModelValueError` when ``monitoring`` names a deadline rule, obligation
    or outcome ``spec`` does not declare (the conformance kit and :class:`.Monitor` call
    it)."""
    rules = {d.id for d in spec.deadlines}
    obligations = {o.id for o in spec.all_obligations()}
    outcomes = {o.id for o in spec.outcomes}
    for completion in monitoring.completions:
        if completion.rule not in rules:
            raise ModelValueError(
                "monitoring", "known-deadline", f"completion names unknown rule {completion.rule!r}"
            )
    for submission in monitoring.submissions:
        if submission.obligation not in obligations:
            message = f"submission names unknown obligation {submission.obligation!r}"
            raise ModelValueError("monitoring", "known-obligation", message)
    for escalation in monitoring.escalations:
        if escalation.window not in rules:
            message = f"escalation step {escalation.id!r} names unknown rule {escalation.window!r}"
            raise ModelValueError("monitoring", "known-deadline", message)
        if escalation.id in rules:
            message = f"escalation step {escalation.id!r} has the id of a deadline rule"
            raise ModelValueError("monitoring", "unique", message)
    named = [c.rule for c in monitoring.conditions] + [
        r for e in monitoring.endings for r in e.closes
    ]
    for rule in named:
        if rule not in rules:
            message = f"condition or ending names unknown rule {rule!r}"
            raise ModelValueError("monitoring", "known-deadline", message)
    for kpi in monitoring.kpis:
        if kpi.denominator is None and kpi.target is not None:
            message = f"KPI {kpi.id!r} is a count: give a minimum, not a percentage target"
            raise ModelValueError("monitoring", "kpi-target", message)
        for count in (kpi.numerator, kpi.denominator):
            if count is None:
                continue
            for rule in count.rules:
                if rule not in rules:
                    message = f"KPI {kpi.id!r} counts unknown rule {rule!r}"
                    raise ModelValueError("monitoring", "known-deadline", message)
        if kpi.outcome is not None and kpi.outcome not in outcomes:
            message = f"KPI {kpi.id!r} measures unknown outcome {kpi.outcome!r}"
            raise ModelValueError("monitoring", "known-outcome", message)
    for outcome, _ in monitoring.evidence:
        if outcome not in outcomes:
            message = f"evidence names unknown outcome {outcome!r}"
            raise ModelValueError("monitoring", "known-outcome", message)


# --- events ---------------------------------------------------------------------------------


@attrs.frozen
class Event:
    """One thing that happened, as a case record system logs it.

    ``case`` is the case or package id (pseudonymous; contract-level events such as a
    report submitted may leave it empty); ``kind`` what happened (``"referral-received"``,
    ``"offer-made"``, ``"notice-given"``...); ``at`` when (timezone-aware); ``actor`` who
    (personal data: never shown in reprs or findings); ``reference`` a document or
    obligation reference; ``urgency`` and ``service`` narrow the deadline rules that apply
    (a case keeps the first it is given). ``by`` is the party that instigated what
    happened (who ended a package) and ``reason`` why (``"immediate-safety"``,
    ``"unexpected"``: the council's declarations name the reasons they use). ``line`` is
    the line of the log it came from.
    """

    case: str
    kind: str
    at: dt.datetime
    actor: str | None = personal(default=None)
    reference: str | None = None
    urgency: Urgency | None = None
    service: str | None = None
    line: int = 0
    by: Party | None = None
    reason: str | None = None


# --- results --------------------------------------------------------------------------------


def _duration_text(delta: dt.timedelta) -> str:
    minutes = int(delta.total_seconds() // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    parts = [f"{days} d"] if days else []
    if hours or days:
        parts.append(f"{hours} h")
    parts.append(f"{mins} min")
    return " ".join(parts)


@attrs.frozen
class DeadlineStatus:
    """One deadline a case's events triggered, and where it stands.

    ``late_by`` is elapsed time past ``due_at`` for hour-based rules (across clock
    changes); ``late_days`` is calendar days past ``due_date`` for day-based ones. For an
    overdue deadline they are measured to the as-of instant (hour-based) or the as-of date
    (day-based: due 1 April, as of 4 April, 3 days). ``source`` is the
    plugin distribution and version the rule came from.
    """

    case: str
    rule_id: str
    title: str
    owed_by: Party
    trigger_kind: str
    trigger_at: dt.datetime
    due_date: dt.date
    due_at: dt.datetime | None
    status: DutyStatus
    citation: Citation
    source: str
    done_at: dt.datetime | None = None
    late_by: dt.timedelta | None = None
    late_days: int | None = None

    @property
    def how_late(self) -> str:
        """ "2 days", "1 h 0 min" or "" when not late."""
        if self.late_by is not None:
            return _duration_text(self.late_by)
        if self.late_days is not None:
            return f"{self.late_days} day{'' if self.late_days == 1 else 's'}"
        return ""

    @property
    def due(self) -> str:
        """The due instant, or the due date (met by the end of that day)."""
        if self.due_at is not None:
            return self.due_at.isoformat()
        return f"end of {self.due_date.isoformat()}"

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready."""
        return {
            "case": self.case,
            "rule": self.rule_id,
            "title": self.title,
            "owed_by": self.owed_by.value,
            "trigger": self.trigger_kind,
            "trigger_at": self.trigger_at.isoformat(),
            "due_date": self.due_date.isoformat(),
            "due_at": self.due_at.isoformat() if self.due_at else None,
            "done_at": self.done_at.isoformat() if self.done_at else None,
            "status": self.status.value,
            "late_by_seconds": int(self.late_by.total_seconds()) if self.late_by else None,
            "late_days": self.late_days,
            "how_late": self.how_late,
            "citation": str(self.citation),
            "source": self.source,
        }


@attrs.frozen
class ObligationStatus:
    """One dated occurrence of an obligation against the submissions made for it."""

    obligation_id: str
    title: str
    sequence: int
    due_date: dt.date
    status: DutyStatus
    citation: Citation
    submitted_at: dt.datetime | None = None
    late_days: int | None = None
    line: int | None = None
    #: The package (placement) a per-package occurrence belongs to.
    package_id: str | None = None

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready."""
        return {
            "obligation": self.obligation_id,
            "package": self.package_id,
            "title": self.title,
            "sequence": self.sequence,
            "due_date": self.due_date.isoformat(),
            "status": self.status.value,
            "submitted_at": self.submitted_at.isoformat() if self.submitted_at else None,
            "late_days": self.late_days,
            "citation": str(self.citation),
        }


@attrs.frozen
class KpiFigure:
    """A KPI's figure for one reporting period, with the cases behind it."""

    kpi_id: str
    title: str
    period_label: str
    period: Period
    numerator: int
    denominator: int | None
    percent: Decimal | None
    target: Decimal | None
    citation: Citation
    numerator_cases: tuple[str, ...]
    denominator_cases: tuple[str, ...]
    #: For a count: the least the text asks for in a whole period.
    minimum: int | None = None
    #: Whether the period had ended by the as-of date (a count judged only then).
    complete: bool = True

    @property
    def meets_target(self) -> bool | None:
        """Whether the figure reaches the target (``None`` without a figure or target); a
        count reaches its minimum, judged once its period is complete (``None`` before:
        a year half gone is not yet short)."""
        if self.minimum is not None:
            if self.numerator >= self.minimum:
                return True
            return False if self.complete else None
        if self.percent is None or self.target is None:
            return None
        return self.percent >= self.target

    @property
    def figure(self) -> str:
        """The figure in words: ``"3/4 = 75.0%"``, ``"3/0 = no figure"`` or ``"31 (at
        least 30)"``."""
        if self.denominator is None:
            least = "" if self.minimum is None else f" (at least {self.minimum})"
            return f"{self.numerator}{least}"
        shown = "no figure" if self.percent is None else f"{self.percent}%"
        return f"{self.numerator}/{self.denominator} = {shown}"

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready (per cent as a string, exact)."""
        return {
            "kpi": self.kpi_id,
            "title": self.title,
            "period": self.period_label,
            "start": self.period.start.isoformat(),
            "end": self.period.end.isoformat(),
            "numerator": self.numerator,
            "denominator": self.denominator,
            "percent": None if self.percent is None else str(self.percent),
            "target": None if self.target is None else str(self.target),
            "minimum": self.minimum,
            "complete": self.complete,
            "meets_target": self.meets_target,
            "numerator_cases": list(self.numerator_cases),
            "denominator_cases": list(self.denominator_cases),
            "citation": str(self.citation),
        }
