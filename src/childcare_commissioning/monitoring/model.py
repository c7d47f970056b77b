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
  and deadline outcomes (:class:`Count`), with its target in per cent. Outcomes the
  council declares that no KPI measures stay text: the handbook and the ``monitor``
  command list them as "not measurable from events".

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
from childcare_commissioning.model._fields import identifier, non_empty, personal, to_tuple
from childcare_commissioning.model.core import Citation
from childcare_commissioning.model.referral import Urgency
from childcare_commissioning.schedules import Period

if TYPE_CHECKING:
    from childcare_commissioning.council import CouncilSpec

__all__ = [
    "Completion",
    "Count",
    "DeadlineStatus",
    "DutyStatus",
    "Event",
    "Kpi",
    "KpiFigure",
    "Monitoring",
    "ObligationStatus",
    "Submission",
    "check_references",
]


class DutyStatus(enum.StrEnum):
    """Where a duty stands: done in time, done late, not done and not yet due, not done and
    past due (a deadline: overdue; a dated obligation: missing)."""

    MET = "met"
    LATE = "late"
    OPEN = "open"
    OVERDUE = "overdue"
    MISSING = "missing"

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


def _one_source(instance: Count, attribute: attrs.Attribute[Any], value: Any) -> None:
    if (instance.event is None) == (not instance.rules):
        raise ModelValueError("count", "count-source", "give exactly one of event, rules")


def _statuses(value: Any) -> frozenset[DutyStatus]:
    return frozenset(DutyStatus(v) for v in value)


@attrs.frozen
class Count:
    """One side of a KPI: what is counted in a reporting period.

    ``Count(event="referral-received")`` counts events of that kind dated in the period;
    ``Count(rules=("offer-standard", "offer-urgent"), statuses={MET})`` counts deadlines of
    those rules whose trigger falls in the period and whose status is one of ``statuses``
    (all statuses when empty). Dates are Europe/London dates.
    """

    event: str | None = None
    rules: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)
    statuses: frozenset[DutyStatus] = attrs.field(
        default=frozenset(), converter=_statuses, validator=_one_source
    )

    def describe(self) -> str:
        """The count in words."""
        if self.event is not None:
            return f"{self.event} events"
        wanted = "/".join(sorted(s.value for s in self.statuses)) or "all"
        return f"{' + '.join(self.rules)} deadlines ({wanted})"


@attrs.frozen
class Kpi:
    """A KPI a number can measure: ``numerator / denominator`` per reporting period, in per
    cent, against ``target`` (per cent; ``None`` when the text sets none). ``outcome``
    names the :class:`~childcare_commissioning.measures.OutcomeMeasure` it measures."""

    id: str = attrs.field(validator=identifier)
    title: str = attrs.field(validator=non_empty)
    numerator: Count
    denominator: Count
    citation: Citation
    target: Decimal | None = None
    outcome: str | None = None
    notes: str = ""


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
    for kpi in monitoring.kpis:
        for count in (kpi.numerator, kpi.denominator):
            for rule in count.rules:
                if rule not in rules:
                    message = f"KPI {kpi.id!r} counts unknown rule {rule!r}"
                    raise ModelValueError("monitoring", "known-deadline", message)
        if kpi.outcome is not None and kpi.outcome not in outcomes:
            message = f"KPI {kpi.id!r} measures unknown outcome {kpi.outcome!r}"
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
    (a case keeps the first it is given). ``line`` is the line of the log it came from.
    """

    case: str
    kind: str
    at: dt.datetime
    actor: str | None = personal(default=None)
    reference: str | None = None
    urgency: Urgency | None = None
    service: str | None = None
    line: int = 0


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
    denominator: int
    percent: Decimal | None
    target: Decimal | None
    citation: Citation
    numerator_cases: tuple[str, ...]
    denominator_cases: tuple[str, ...]

    @property
    def meets_target(self) -> bool | None:
        """Whether the figure reaches the target (``None`` without a figure or target)."""
        if self.percent is None or self.target is None:
            return None
        return self.percent >= self.target

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
            "meets_target": self.meets_target,
            "numerator_cases": list(self.numerator_cases),
            "denominator_cases": list(self.denominator_cases),
            "citation": str(self.citation),
        }
