"""From what happened to met, late, open and overdue: the monitoring engine.

:class:`Monitor` takes a council's declarations and an as-of instant, is fed events one
at a time (a log of any size streams through it: it keeps per case only the deadlines
still open and the last instant seen) and answers:

- **the case timeline**: every deadline the events trigger (each rule whose ``trigger`` is
  the event's kind, narrowed by urgency and service, and by who instigated it where the
  council declares a :class:`~.model.Condition`), discharged by the first later event
  of a kind the council's :class:`~.model.Completion` names. Hour-based limits are elapsed
  time across clock changes; "late by" is elapsed time for them and calendar days (of
  the Europe/London date) for day-based ones. A rule triggered by another rule's
  completion starts from when that step actually happened. A ``before`` rule ("a week's
  notice before the package ends") is met by a completion at or before its due date,
  whichever of the two events came first.
- **escalation ladders** (:class:`~.model.Escalation`): a reply in the window stops the
  ladder; the step is owed only when no reply came, due the working day after the
  window; a step taken inside an unanswered window is a *premature* finding.
- **ends** (:class:`~.model.Ending`): duties of an ended package that had not yet fallen
  due are ``ended`` (no longer owed); package-anchored obligations stop.
- **gates** (:class:`~.model.Gate`): the later event before the earlier one is a breach.
- **obligation tracking** (:mod:`.tracking`): each dated occurrence of an obligation the
  council names in a :class:`~.model.Submission`, against the submissions logged.
- **KPI figures** (:mod:`.figures`) per reporting period, with the cases behind each.

Every event read is either *used* (it opened a case, triggered or discharged a deadline,
was a submission, or is counted by a KPI) or *reported* as a :class:`Finding`: after the
as-of instant, an unknown kind, a case no opening event opened, earlier than the case's
previous event (out of order), a repeat of an event at the same instant (duplicate), or
matched nothing. ``counts`` reconcile: ``read == used + reported``.

**As of**: events up to the as-of instant count (the CLI's ``--as-of DATE`` is the end of
that date, Europe/London). A duty not done is *overdue* when its time ran out strictly
before the as-of instant (the end of its due date for day-based rules, its due instant
for hour-based ones) and *open* otherwise; a day-based duty due on the as-of date itself
is therefore still open.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

import attrs

from childcare_commissioning.contract import Contract, contract_spec, term_findings
from childcare_commissioning.deadlines import Deadline, evaluate, resolve_calendar
from childcare_commissioning.durations import Direction, Duration, DurationKind
from childcare_commissioning.errors import ModelValueError
from childcare_commissioning.model.core import Finding, Severity
from childcare_commissioning.model.package import Package
from childcare_commissioning.model.referral import Urgency
from childcare_commissioning.monitoring.figures import Tallies
from childcare_commissioning.monitoring.model import (
    DeadlineStatus,
    DutyStatus,
    Escalation,
    Event,
    Gate,
    KpiFigure,
    Monitoring,
    ObligationStatus,
    check_references,
)
from childcare_commissioning.monitoring.periods import (
    LONDON,
    end_of_day,
    parse_period,
    period_label,
    period_of,
)
from childcare_commissioning.monitoring.tracking import Tracker

if TYPE_CHECKING:
    from childcare_commissioning.council import CouncilSpec

__all__ = [
    "Monitor",
    "MonitoringReport",
    "end_of_day",
    "parse_period",
    "period_label",
    "period_of",
]

_UTC = dt.UTC
_BEGINNING = dt.datetime.min.replace(tzinfo=_UTC)
_NEXT_WORKING_DAY = Duration(DurationKind.WORKING_DAYS, 1)


@attrs.define
class _Open:
    deadline: Deadline
    trigger_kind: str
    #: The ladder step this window leads to, and whether the step was already owed.
    escalation: Escalation | None = None
    stepped: bool = False
    #: For a step: the window it follows (a reply up to the step's due date stops it).
    window_rule: str | None = None


class _Case:
    __slots__ = ("id", "keys", "last", "marks", "open", "service", "urgency")

    def __init__(self, case_id: str, at: dt.datetime) -> None:
        # One string per case, shared by every figure and status that names the case.
        self.id = case_id
        self.last = at
        self.keys: set[tuple[str, str | None, str | None]] = set()
        self.open: list[_Open] = []
        #: When the case first had an event of a kind something later needs (a "before"
        #: completion, a gate's requirement, a repeat count's kind).
        self.marks: dict[str, dt.datetime] = {}
        self.urgency: Urgency | None = None
        self.service: str | None = None


@attrs.frozen
class MonitoringReport:
    """Everything :meth:`Monitor.report` answers, in one value."""

    council: str
    as_of: dt.datetime
    deadlines: tuple[DeadlineStatus, ...]
    obligations: tuple[ObligationStatus, ...]
    kpis: tuple[KpiFigure, ...]
    unmeasured: tuple[tuple[str, str], ...]
    findings: tuple[Finding, ...]
    counts: Mapping[str, int]
    #: Obligations monitored by submission that were not judged because no contract
    #: start was given (never assumed).
    undated: tuple[str, ...] = ()
    #: The contract monitored (its reference or provider), if one was given.
    contract: str | None = None
    #: What evidences each unmeasured outcome, by outcome id (where the council says).
    evidence: Mapping[str, str] = attrs.field(factory=dict)

    @property
    def failures(self) -> int:
        """Deadlines late or overdue plus obligations late or missing."""
        return sum(d.status.is_failure for d in self.deadlines) + sum(
            o.status.is_failure for o in self.obligations
        )


class Monitor:
    """Feed it events (:meth:`feed`, :meth:`feed_all`); read the answers (:meth:`finish`
    and :meth:`report`). See the module docstring for the rules it applies.

    ``source`` is the plugin distribution and version the rules come from (shown on each
    deadline). ``contract`` is the contract monitored: its variations are applied to the
    rules, its start anchors scheduled obligations, its packages are cases already open
    (a log may begin mid-placement) and anchor per-package obligations. Without a
    contract, ``contract_start`` alone may anchor scheduled obligations; with neither,
    contract-anchored obligations are not judged at all (:attr:`MonitoringReport.undated`
    names them): no start date is ever assumed. ``aliases`` maps a user's own event kinds
    to the council's (added to the council's own aliases). ``applied``: ``spec`` already
    carries the contract's variations, the contract checked (as the CLI resolves it), so
    they are not applied or checked again.
    """

    def __init__(
        self,
        spec: CouncilSpec,
        as_of: dt.datetime,
        *,
        source: str = "",
        contract: Contract | None = None,
        contract_start: dt.date | None = None,
        aliases: Mapping[str, str] | None = None,
        monitoring: Monitoring | None = None,
        applied: bool = False,
    ) -> None:
        if as_of.tzinfo is None:
            raise ModelValueError("as_of", "aware", "must be timezone-aware")
        if contract is not None:
            if contract_start is not None and contract_start != contract.start:
                raise ModelValueError(
                    "contract_start", "contract-start", "differs from the contract's start"
                )
            if not applied:
                spec = contract_spec(spec, contract)
            contract_start = contract.start
        self.spec = spec
        self.contract = contract
        self.declaration = monitoring or spec.monitoring or Monitoring()
        self.as_of = as_of
        self._as_of_utc = as_of.astimezone(_UTC)
        #: The last date the as-of instant covers (its own date unless it is a midnight).
        self.as_of_date = (self._as_of_utc - dt.timedelta(microseconds=1)).astimezone(LONDON).date()
        self.source = source
        #: The anchor of scheduled obligations: the contract's start, never assumed.
        self.contract_start = contract_start
        decl = self.declaration
        check_references(spec, decl)
        self._aliases = {**dict(decl.aliases), **dict(aliases or {})}
        tracked = {c.rule for c in decl.completions}
        self._triggered: dict[str, list[str]] = defaultdict(list)
        self._rules = {rule.id: rule for rule in spec.deadlines}
        self._completes: dict[str, list[str]] = defaultdict(list)
        self._marked: set[str] = set()
        self._before_kinds: set[str] = set()
        for rule in spec.deadlines:
            if rule.id in tracked:
                self._triggered[rule.trigger].append(rule.id)
        for completion in decl.completions:
            self._completes[completion.kind].append(completion.rule)
            if self._rules[completion.rule].direction is Direction.BEFORE:
                self._before_kinds.add(completion.kind)
        self._conditions = {c.rule: c for c in decl.conditions}
        self._ladder = {e.window: e for e in decl.escalations}
        self._steps: dict[str, list[Escalation]] = defaultdict(list)
        for escalation in decl.escalations:
            self._steps[escalation.kind].append(escalation)
        self._endings = {e.kind: e for e in decl.endings}
        self._gates_after: dict[str, list[Gate]] = defaultdict(list)
        self._gates_before: dict[str, list[Gate]] = defaultdict(list)
        for gate in decl.gates:
            self._gates_after[gate.before].append(gate)
            self._gates_before[gate.requires].append(gate)
            self._marked.add(gate.requires)
        self._package_starts = frozenset(decl.package_starts)
        self._opening = frozenset(decl.opening)
        self._submission_of: dict[str, list[str]] = defaultdict(list)
        for submission in decl.submissions:
            self._submission_of[submission.kind].append(submission.obligation)
        self.tallies = Tallies(decl, contract_start, self.as_of_date)
        self._marked |= self.tallies.repeat_kinds
        self._known = (
            set(self._triggered)
            | set(self._completes)
            | self._opening
            | set(decl.kinds)
            | set(self._steps)
            | set(self._endings)
            | set(self._gates_after)
            | set(self._gates_before)
            | self._package_starts
            | self.tallies.event_kinds
        )
        self._cases: dict[str, _Case] = {}
        for package in contract.packages if contract is not None else ():
            # Already open when the log begins: any of its events is in order.
            case = self._cases[package.id] = _Case(package.id, _BEGINNING)
            case.service = package.service
        #: Packages the log started or ended: case -> (start, end) London dates.
        self._log_starts: dict[str, dt.date] = {}
        self._log_ends: dict[str, dt.date] = {}
        self._submissions: dict[str, list[Event]] = defaultdict(list)
        self.findings: list[Finding] = []
        self.counts: Counter[str] = Counter()
        self._finished: list[DeadlineStatus] | None = None
        self._tracked: Tracker | None = None

    # --- intake -----------------------------------------------------------------------------

    def _report(self, event: Event, kind: str, code: str, reason: str) -> None:
        self.counts["reported"] += 1
        self.counts[code] += 1
        severity = Severity.INFO if code == "unmatched" else Severity.WARNING
        what = f"{kind!r} event for case {event.case!r}" if event.case else f"{kind!r} event"
        message = f"{what} {reason}"
        self.findings.append(
            Finding(severity, f"monitoring.event.{code}", message, f"line {event.line}")
        )

    def _note(self, event: Event, code: str, message: str) -> None:
        """A finding about a used event (it still counts as used)."""
        self.counts[code] += 1
        self.findings.append(
            Finding(Severity.WARNING, f"monitoring.{code}", message, f"line {event.line}")
        )

    def feed_all(self, events: Iterable[Event]) -> list[DeadlineStatus]:
        """Feed every event; the deadlines they closed (met or late), in order."""
        closed: list[DeadlineStatus] = []
        for event in events:
            closed.extend(self.feed(event))
        return closed

    def _intake(self, event: Event, kind: str, at: dt.datetime) -> _Case | None:
        """The event's case if the event is in order and known; reported otherwise."""
        if kind not in self._known:
            self._report(event, kind, "unknown-kind", "is of an unknown kind")
            return None
        case = self._cases.get(event.case)
        key = (kind, event.reference, event.actor)
        if case is None:
            if kind not in self._opening or not event.case:
                opening = ", ".join(sorted(self._opening)) or "none declared"
                reason = f"is for a case no opening event ({opening}) opened"
                self._report(event, kind, "unknown-case", reason)
                return None
            case = self._cases[event.case] = _Case(event.case, at)
        elif at < case.last:
            self._report(event, kind, "out-of-order", "is earlier than the case's last event")
            return None
        elif at == case.last:
            if key in case.keys:
                self._report(event, kind, "duplicate", "repeats an event at the same instant")
                return None
        else:
            case.last = at
            case.keys = set()
        case.keys.add(key)
        return case

    def feed(self, event: Event) -> list[DeadlineStatus]:
        """Take one event; return the deadlines it closed (met, late or ended)."""
        if self._finished is not None:
            raise RuntimeError("this monitor has finished; start a new one")
        self.counts["read"] += 1
        kind = self._aliases.get(event.kind, event.kind)
        at = event.at.astimezone(_UTC)
        if at >= self._as_of_utc:
            self._report(event, kind, "after-as-of", "is after the as-of instant")
            return []
        if kind in self._submission_of:
            return self._submission(event, kind)
        case = self._intake(event, kind, at)
        if case is None:
            return []
        if case.urgency is None:
            case.urgency = event.urgency
        if case.service is None:
            case.service = event.service
        closed: list[DeadlineStatus] = []
        self._advance(case, at)
        used = kind in self._opening
        day = event.at.astimezone(LONDON).date()
        counted = self.tallies.count_event(
            kind, event, case.id, day, kind in case.marks, case.service
        )
        if isinstance(counted, str):
            self._note(event, "event.span-ended", f"case {case.id!r}: {kind!r} {counted}")
        used = bool(counted) or used
        if kind in self._package_starts:
            self._log_starts.setdefault(case.id, day)
            used = True
        used = self._complete(case, kind, event, closed) or used
        used = self._step(case, kind, event, closed) or used
        used = self._gate(case, kind, event, closed) or used
        used = self._trigger(case, kind, event, closed) or used
        ending = self._endings.get(kind)
        if ending is not None:
            self._log_ends[case.id] = day
            self._end(case, ending.closes, event, closed)
            used = True
        if kind in self._marked:
            case.marks.setdefault(kind, event.at)
        if not used:
            self._report(event, kind, "unmatched", "discharged or started nothing open")
        else:
            self.counts["used"] += 1
        return closed

    def _complete(self, case: _Case, kind: str, event: Event, closed: list[DeadlineStatus]) -> bool:
        used = closed_before = False
        for rule_id in self._completes.get(kind, ()):
            for position, item in enumerate(case.open):
                if item.deadline.rule_id == rule_id and item.window_rule is None:
                    del case.open[position]
                    closed.append(self._closed(case.id, item, event.at))
                    used = True
                    closed_before |= item.deadline.direction is Direction.BEFORE
                    if item.escalation is not None:
                        self._reply_stops(case, rule_id, event.at)
                    break
        if kind in self._before_kinds and not closed_before:
            # Kept for a "before" rule whose target is logged later (notice, then the end).
            case.marks[kind] = event.at
            used = True
        return used

    def _reply_stops(self, case: _Case, window: str, at: dt.datetime) -> None:
        """A reply to ``window`` stops the ladder: the step it would have led to is not
        owed if the reply came by the end of the step's due date."""
        for position, item in enumerate(case.open):
            if item.window_rule == window and at < end_of_day(item.deadline.due_date):
                del case.open[position]
                return

    def _advance(self, case: _Case, at: dt.datetime, strictly: bool = False) -> None:
        """Owe each ladder step whose reply window closed, unanswered, by ``at`` (an
        event at the closing instant comes after it; the as-of instant, ``strictly``,
        does not: a window due on the as-of date is still open)."""
        for item in list(case.open):
            escalation = item.escalation
            if escalation is None or item.stepped:
                continue
            closes = end_of_day(item.deadline.due_date)
            if closes < at or (closes == at and not strictly):
                item.stepped = True
                case.open.append(self._step_item(item, escalation, closes))

    def _step_item(self, window: _Open, escalation: Escalation, closes: dt.datetime) -> _Open:
        rule = self._rules[escalation.window]
        calendar = resolve_calendar(rule.calendar, self.spec.calendars)
        due = calendar.add(window.deadline.due_date, 1)
        deadline = Deadline(
            rule_id=escalation.id,
            title=escalation.title,
            trigger_at=closes.astimezone(LONDON),
            due_date=due,
            due_at=None,
            duration=_NEXT_WORKING_DAY,
            direction=Direction.AFTER,
            calendar=calendar.spec.id,
            citation=escalation.citation,
            projected=calendar.is_projected(due),
            owed_by=escalation.owed_by,
        )
        return _Open(deadline, f"no reply to {escalation.window}", window_rule=escalation.window)

    def _step(self, case: _Case, kind: str, event: Event, closed: list[DeadlineStatus]) -> bool:
        used = False
        for escalation in self._steps.get(kind, ()):
            for position, item in enumerate(case.open):
                if item.window_rule == escalation.window:
                    del case.open[position]
                    closed.append(self._closed(case.id, item, event.at))
                    used = True
                    break
            else:
                for position, item in enumerate(case.open):
                    if item.escalation is escalation and not item.stepped:
                        # Inside an unanswered window: the ladder moves on, prematurely.
                        del case.open[position]
                        due = item.deadline.due_date.isoformat()
                        self._note(
                            event,
                            "escalation.premature",
                            f"case {case.id!r}: {escalation.id} taken before the reply window "
                            f"({escalation.window}) closed at the end of {due}; the text "
                            "escalates only when no reply came in the window",
                        )
                        used = True
                        break
        return used

    def _gate(self, case: _Case, kind: str, event: Event, closed: list[DeadlineStatus]) -> bool:
        used = False
        for gate in self._gates_before.get(kind, ()):
            for position, item in enumerate(case.open):
                if item.deadline.rule_id == gate.id:
                    del case.open[position]
                    closed.append(self._closed(case.id, item, event.at))
                    break
            used = True
        local: dt.datetime | None = None
        for gate in self._gates_after.get(kind, ()):
            if case.urgency in gate.exempt:
                continue
            if local is None:
                local = event.at.astimezone(LONDON)
            deadline = Deadline(
                rule_id=gate.id,
                title=gate.title,
                trigger_at=local,
                due_date=local.date(),
                due_at=local,
                duration=Duration(DurationKind.IMMEDIATELY),
                direction=Direction.BEFORE,
                calendar="every-day",
                citation=gate.citation,
                projected=False,
                owed_by=gate.owed_by,
            )
            item = _Open(deadline, kind)
            done = case.marks.get(gate.requires)
            if done is not None:
                closed.append(self._closed(case.id, item, done))
            else:
                case.open.append(item)
            used = True
        return used

    def _trigger(self, case: _Case, kind: str, event: Event, closed: list[DeadlineStatus]) -> bool:
        used = False
        for rule_id in self._triggered.get(kind, ()):
            rule = self._rules[rule_id]
            if rule.urgency is not None and rule.urgency != case.urgency:
                continue
            if rule.service is not None and rule.service != case.service:
                continue
            used = True
            condition = self._conditions.get(rule_id)
            if condition is not None:
                if event.by is None:
                    who = "/".join(sorted(p.value for p in condition.by))
                    self._note(
                        event,
                        "event.instigator-missing",
                        f"case {case.id!r}: {rule_id} is owed only when the {who} instigates "
                        f"{kind}; the event does not say who (field 'by'): not judged",
                    )
                    continue
                if event.by not in condition.by or event.reason in condition.unless:
                    continue
            item = _Open(
                evaluate(rule, event.at, self.spec.calendars),
                kind,
                escalation=self._ladder.get(rule_id),
            )
            done = None
            if rule.direction is Direction.BEFORE:
                for completion_kind in self.declaration.completion_kinds(rule.id):
                    done = case.marks.pop(completion_kind, None) or done
            if done is not None:
                closed.append(self._closed(case.id, item, done))
            else:
                case.open.append(item)
        return used

    def _end(
        self, case: _Case, closes: Iterable[str], event: Event, closed: list[DeadlineStatus]
    ) -> None:
        """The package ended: duties in ``closes`` not yet due are no longer owed."""
        rules = set(closes)
        kept = []
        for item in case.open:
            d = item.deadline
            ends = d.due_at if d.due_at is not None else end_of_day(d.due_date)
            if d.rule_id in rules and ends.astimezone(_UTC) > event.at.astimezone(_UTC):
                closed.append(self._status(case.id, item, DutyStatus.ENDED))
            else:
                kept.append(item)
        case.open = kept

    def _submission(self, event: Event, kind: str) -> list[DeadlineStatus]:
        candidates = self._submission_of[kind]
        if len(candidates) > 1:
            if event.reference not in candidates:
                self._report(
                    event,
                    kind,
                    "unknown-obligation",
                    f"has a reference naming none of {', '.join(candidates)}",
                )
                return []
            obligation = event.reference
        else:
            obligation = candidates[0]
        self._submissions[obligation].append(event)
        self.counts["used"] += 1
        return []

    # --- statuses ---------------------------------------------------------------------------

    def _status(
        self,
        case: str,
        item: _Open,
        status: DutyStatus,
        done_at: dt.datetime | None = None,
        late_by: dt.timedelta | None = None,
        late_days: int | None = None,
    ) -> DeadlineStatus:
        d = item.deadline
        found = DeadlineStatus(
            case=case,
            rule_id=d.rule_id,
            title=d.title,
            owed_by=d.owed_by,
            trigger_kind=item.trigger_kind,
            trigger_at=d.trigger_at,
            due_date=d.due_date,
            due_at=d.due_at,
            status=status,
            citation=d.citation,
            source=self.source,
            done_at=done_at,
            late_by=late_by,
            late_days=late_days,
        )
        self.tallies.count_status(found)
        return found

    def _closed(self, case: str, item: _Open, done_at: dt.datetime) -> DeadlineStatus:
        d = item.deadline
        local = done_at.astimezone(LONDON)
        if d.is_met_by(done_at):
            return self._status(case, item, DutyStatus.MET, local)
        if d.due_at is not None:
            # Elapsed time: subtract in UTC (same-zone subtraction is wall-clock time).
            late = done_at.astimezone(_UTC) - d.due_at.astimezone(_UTC)
            return self._status(case, item, DutyStatus.LATE, local, late_by=late)
        days = (local.date() - d.due_date).days
        return self._status(case, item, DutyStatus.LATE, local, late_days=days)

    def finish(self) -> list[DeadlineStatus]:
        """The deadlines still open at the as-of instant: open or overdue (once)."""
        if self._finished is not None:
            return self._finished
        result = []
        for case_id, case in self._cases.items():
            self._advance(case, self._as_of_utc, strictly=True)
            for item in case.open:
                d = item.deadline
                ends = d.due_at if d.due_at is not None else end_of_day(d.due_date)
                ends_utc = ends.astimezone(_UTC)
                if ends_utc >= self._as_of_utc:
                    result.append(self._status(case_id, item, DutyStatus.OPEN))
                elif d.due_at is not None:
                    late = self._as_of_utc - ends_utc
                    result.append(self._status(case_id, item, DutyStatus.OVERDUE, late_by=late))
                else:
                    days = (self.as_of_date - d.due_date).days
                    result.append(self._status(case_id, item, DutyStatus.OVERDUE, late_days=days))
            case.open = []
        self._finished = result
        return result

    # --- obligations ------------------------------------------------------------------------

    def _tracker(self) -> Tracker:
        if self._tracked is not None:
            return self._tracked
        end = self.contract.end if self.contract is not None else None
        self._tracked = Tracker(
            self.spec.all_obligations(),
            self.spec.calendars,
            {s.obligation for s in self.declaration.submissions},
            self.contract_start,
            self.as_of_date,
            end,
        )
        return self._tracked

    def undated(self) -> list[str]:
        """The obligations monitored by submission that cannot be dated: the
        contract-anchored ones when no contract start was given (nothing is assumed)."""
        return self._tracker().undated()

    def packages(self) -> list[Package]:
        """The packages whose per-package obligations are judged: the contract's (ended
        where the log ends them) and those the log started (a placement started)."""
        found = []
        listed = self.contract.packages if self.contract is not None else ()
        for package in listed:
            end = self._log_ends.get(package.id)
            if end is not None and (package.end is None or end < package.end):
                package = attrs.evolve(package, end=max(end, package.start))
            found.append(package)
        known = {p.id for p in listed}
        for case, start in self._log_starts.items():
            if case in known:
                continue
            end = self._log_ends.get(case)
            end = None if end is None else max(end, start)
            found.append(Package(case, self.spec.id, case, start, end))
        return found

    def obligations(self) -> list[ObligationStatus]:
        """Each dated occurrence of every obligation with a declared submission kind, due
        from its anchor to the as-of date (and to the contract's end), plus the next one,
        against the submissions logged (see :mod:`.tracking`). Contract-anchored ones need
        a contract start (see :meth:`undated`).

        A submission whose ``reference`` is an occurrence's sequence number (``"4"``: the
        fourth) answers that occurrence. Otherwise submissions answer the oldest outstanding
        occurrence first: occurrence *n* (due ``d[n]``) takes the earliest submission left
        that is dated after ``d[n-1]`` (the previous occurrence's due date; the anchor
        for the first) and no later than ``d[n+1]``. It is on time when dated on or
        before ``d[n]`` and late otherwise; without one it is *missing* once ``d[n]`` is
        before the as-of date and *open* while it is not. A submission no occurrence takes
        is a finding.
        """
        tracker = self._tracker()
        before = len(tracker.findings)
        result = tracker.judge(self._submissions, self.packages())
        self.findings.extend(tracker.findings[before:])
        return result

    # --- KPIs -------------------------------------------------------------------------------

    def kpis(self, period: str | None = None) -> list[KpiFigure]:
        """Each KPI's figure per reporting period seen (or only the quarter ``period``
        and the year containing it), percentages rounded half up to 0.1; a period with a
        zero denominator has no percentage."""
        self.finish()
        return self.tallies.figures(period)

    def unmeasured(self) -> list[tuple[str, str]]:
        """The council's outcomes and KPIs that no declared KPI measures from events, as
        ``(id, outcome)``: they stay text, for a monitoring visit."""
        measured = {k.outcome for k in self.declaration.kpis}
        return [(o.id, o.outcome) for o in self.spec.outcomes if o.id not in measured]

    def report(
        self, closed: Iterable[DeadlineStatus], period: str | None = None
    ) -> MonitoringReport:
        """Everything at once: ``closed`` are the statuses :meth:`feed` returned."""
        deadlines = [*closed, *self.finish()]
        obligations = self.obligations()
        kpis = self.kpis(period)
        findings = [
            *term_findings(self.spec, [self.as_of_date], "the as-of date"),
            *self.findings,
        ]
        contract = self.contract
        return MonitoringReport(
            council=self.spec.id,
            as_of=self.as_of,
            deadlines=tuple(sorted(deadlines, key=lambda d: (d.case, d.trigger_at, d.rule_id))),
            obligations=tuple(obligations),
            kpis=tuple(kpis),
            unmeasured=tuple(self.unmeasured()),
            findings=tuple(findings),
            counts=dict(self.counts),
            undated=tuple(self.undated()),
            contract=None if contract is None else (contract.reference or contract.provider),
            evidence=dict(self.declaration.evidence),
        )
