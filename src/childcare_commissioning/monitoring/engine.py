"""From what happened to met, late, open and overdue: the monitoring engine.

:class:`Monitor` takes a council's declarations and an as-of instant, is fed events one
at a time (a log of any size streams through it: it keeps per case only the deadlines
still open and the last instant seen) and answers:

- **the case timeline**: every deadline the events trigger (each rule whose ``trigger`` is
  the event's kind, narrowed by urgency and service), discharged by the first later event
  of a kind the council's :class:`~.model.Completion` names. Hour-based limits are elapsed
  time across clock changes; "late by" is elapsed time for them and calendar days for
  day-based ones. A rule triggered by another rule's completion (an escalation ladder)
  starts from when that step actually happened. A ``before`` rule ("a week's notice
  before the package ends") is met by a completion at or before its due date, whichever
  of the two events came first.
- **obligation tracking**: each dated occurrence of an obligation the council names in a
  :class:`~.model.Submission`, against the submissions logged: on time, late, missing, or
  not yet due.
- **KPI figures** per reporting period, with the cases behind each figure.

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
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

import attrs

from childcare_commissioning.contract import Contract, contract_spec, term_findings
from childcare_commissioning.deadlines import Deadline, DeadlineRule, evaluate
from childcare_commissioning.durations import Direction
from childcare_commissioning.errors import ModelValueError
from childcare_commissioning.model.core import Finding, Severity
from childcare_commissioning.model.referral import Urgency
from childcare_commissioning.monitoring.model import (
    Count,
    DeadlineStatus,
    DutyStatus,
    Event,
    KpiFigure,
    Monitoring,
    ObligationStatus,
    check_references,
)
from childcare_commissioning.obligations import Occurrence, obligations_between
from childcare_commissioning.schedules import Period

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

_LONDON = ZoneInfo("Europe/London")
_UTC = dt.UTC
_PERCENT = Decimal("0.1")
_BEGINNING = dt.datetime.min.replace(tzinfo=_UTC)


def end_of_day(day: dt.date) -> dt.datetime:
    """The instant a Europe/London date ends (midnight starting the next day)."""
    return dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), tzinfo=_LONDON)


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def period_label(day: dt.date, year_start_month: int = 4) -> str:
    """The reporting quarter of ``day``: ``"2026-Q3"`` is the third quarter of the
    reporting year starting in 2026 (with UK financial years, October to December 2026)."""
    year = day.year if day.month >= year_start_month else day.year - 1
    quarter = (day.month - year_start_month) % 12 // 3 + 1
    return f"{year}-Q{quarter}"


def parse_period(label: str, year_start_month: int = 4) -> Period:
    """The dates of quarter ``label`` (``"2026-Q3"``); :class:`ModelValueError` otherwise."""
    head, _, tail = label.strip().partition("-Q")
    if not (head.isdigit() and len(head) == 4 and tail in ("1", "2", "3", "4")):
        raise ModelValueError("period", "period", "must look like 2026-Q3 (quarters 1 to 4)")
    start = _add_months(dt.date(int(head), year_start_month, 1), 3 * (int(tail) - 1))
    return Period(start, _add_months(start, 3) - dt.timedelta(days=1))


def period_of(day: dt.date, year_start_month: int = 4) -> tuple[str, Period]:
    """The label and dates of the quarter containing ``day``."""
    label = period_label(day, year_start_month)
    return label, parse_period(label, year_start_month)


@attrs.define
class _Open:
    rule: DeadlineRule
    deadline: Deadline
    trigger_kind: str


class _Case:
    __slots__ = ("done_before", "id", "keys", "last", "open", "service", "urgency")

    def __init__(self, case_id: str, at: dt.datetime) -> None:
        # One string per case, shared by every figure and status that names the case.
        self.id = case_id
        self.last = at
        self.keys: set[tuple[str, str | None, str | None]] = set()
        self.open: list[_Open] = []
        self.done_before: dict[str, dt.datetime] = {}
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
    dated obligations are not judged at all (:attr:`MonitoringReport.undated` names them):
    no start date is ever assumed. ``aliases`` maps a user's own event kinds to the
    council's (added to the council's own aliases).
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
    ) -> None:
        if as_of.tzinfo is None:
            raise ModelValueError("as_of", "aware", "must be timezone-aware")
        if contract is not None:
            if contract_start is not None and contract_start != contract.start:
                raise ModelValueError(
                    "contract_start", "contract-start", "differs from the contract's start"
                )
            spec = contract_spec(spec, contract)
            contract_start = contract.start
        self.spec = spec
        self.contract = contract
        self.declaration = monitoring or spec.monitoring or Monitoring()
        self.as_of = as_of
        self._as_of_utc = as_of.astimezone(_UTC)
        #: The last date the as-of instant covers (its own date unless it is a midnight).
        self.as_of_date = (
            (self._as_of_utc - dt.timedelta(microseconds=1)).astimezone(_LONDON).date()
        )
        self.source = source
        #: The anchor of scheduled obligations: the contract's start, never assumed.
        self.contract_start = contract_start
        decl = self.declaration
        check_references(spec, decl)
        self._aliases = {**dict(decl.aliases), **dict(aliases or {})}
        tracked = {c.rule for c in decl.completions}
        self._triggered: dict[str, list[DeadlineRule]] = defaultdict(list)
        self._completes: dict[str, list[str]] = defaultdict(list)
        self._before_kinds: set[str] = set()
        for rule in spec.deadlines:
            if rule.id in tracked:
                self._triggered[rule.trigger].append(rule)
        for completion in decl.completions:
            self._completes[completion.kind].append(completion.rule)
            if spec.deadline(completion.rule).direction is Direction.BEFORE:
                self._before_kinds.add(completion.kind)
        self._opening = frozenset(decl.opening)
        self._submission_of: dict[str, list[str]] = defaultdict(list)
        for submission in decl.submissions:
            self._submission_of[submission.kind].append(submission.obligation)
        self._kpi_events: dict[str, list[tuple[int, int]]] = defaultdict(list)
        self._kpi_rules: dict[str, list[tuple[int, int, Count]]] = defaultdict(list)
        for index, kpi in enumerate(decl.kpis):
            for side, count in enumerate((kpi.numerator, kpi.denominator)):
                if count.event is not None:
                    self._kpi_events[count.event].append((index, side))
                for rule_id in count.rules:
                    self._kpi_rules[rule_id].append((index, side, count))
        self._known = (
            set(self._triggered)
            | set(self._completes)
            | self._opening
            | set(decl.kinds)
            | set(self._kpi_events)
        )
        # (kpi index, side, period label) -> [count, cases]
        self._tallies: dict[tuple[int, int, str], tuple[list[int], set[str]]] = {}
        self._periods: dict[dt.date, str] = {}
        self._cases: dict[str, _Case] = {}
        for package in contract.packages if contract is not None else ():
            # Already open when the log begins: any of its events is in order.
            case = self._cases[package.id] = _Case(package.id, _BEGINNING)
            case.service = package.service
        self._submissions: dict[str, list[Event]] = defaultdict(list)
        self.findings: list[Finding] = []
        self.counts: Counter[str] = Counter()
        self._finished: list[DeadlineStatus] | None = None

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

    def _period(self, day: dt.date) -> str:
        label = self._periods.get(day)
        if label is None:
            label = self._periods[day] = period_label(day, self.declaration.year_start_month)
        return label

    def _tally(self, index: int, side: int, day: dt.date, case: str) -> None:
        key = (index, side, self._period(day))
        entry = self._tallies.get(key)
        if entry is None:
            entry = self._tallies[key] = ([0], set())
        entry[0][0] += 1
        if case:
            entry[1].add(case)

    def feed_all(self, events: Iterable[Event]) -> list[DeadlineStatus]:
        """Feed every event; the deadlines they closed (met or late), in order."""
        closed: list[DeadlineStatus] = []
        for event in events:
            closed.extend(self.feed(event))
        return closed

    def feed(self, event: Event) -> list[DeadlineStatus]:
        """Take one event; return the deadlines it closed (met or late)."""
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
        if kind not in self._known:
            self._report(event, kind, "unknown-kind", "is of an unknown kind")
            return []
        case = self._cases.get(event.case)
        key = (kind, event.reference, event.actor)
        if case is None:
            if kind not in self._opening or not event.case:
                opening = ", ".join(sorted(self._opening)) or "none declared"
                reason = f"is for a case no opening event ({opening}) opened"
                self._report(event, kind, "unknown-case", reason)
                return []
            case = self._cases[event.case] = _Case(event.case, at)
        elif at < case.last:
            self._report(event, kind, "out-of-order", "is earlier than the case's last event")
            return []
        elif at == case.last:
            if key in case.keys:
                self._report(event, kind, "duplicate", "repeats an event at the same instant")
                return []
        else:
            case.last = at
            case.keys = set()
        case.keys.add(key)
        if case.urgency is None:
            case.urgency = event.urgency
        if case.service is None:
            case.service = event.service
        used = kind in self._opening
        tallies = self._kpi_events.get(kind)
        if tallies:
            day = event.at.astimezone(_LONDON).date()
            for index, side in tallies:
                self._tally(index, side, day, case.id)
            used = True
        closed: list[DeadlineStatus] = []
        closed_before = False
        for rule_id in self._completes.get(kind, ()):
            for position, item in enumerate(case.open):
                if item.rule.id == rule_id:
                    del case.open[position]
                    closed.append(self._closed(case.id, item, event.at))
                    closed_before = closed_before or item.rule.direction is Direction.BEFORE
                    used = True
                    break
        if kind in self._before_kinds and not closed_before:
            # Kept for a "before" rule whose target is logged later (notice, then the end).
            case.done_before[kind] = event.at
            used = True
        for rule in self._triggered.get(kind, ()):
            if rule.urgency is not None and rule.urgency != case.urgency:
                continue
            if rule.service is not None and rule.service != case.service:
                continue
            used = True
            item = _Open(rule, evaluate(rule, event.at, self.spec.calendars), kind)
            done = None
            if rule.direction is Direction.BEFORE:
                for completion_kind in self.declaration.completion_kinds(rule.id):
                    done = case.done_before.pop(completion_kind, None) or done
            if done is not None:
                closed.append(self._closed(case.id, item, done))
            else:
                case.open.append(item)
        if not used:
            self._report(event, kind, "unmatched", "discharged or started nothing open")
        else:
            self.counts["used"] += 1
        return closed

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
        for index, side, count in self._kpi_rules.get(d.rule_id, ()):
            if not count.statuses or status in count.statuses:
                self._tally(index, side, d.trigger_at.date(), case)
        return found

    def _closed(self, case: str, item: _Open, done_at: dt.datetime) -> DeadlineStatus:
        d = item.deadline
        local = done_at.astimezone(_LONDON)
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

    def undated(self) -> list[str]:
        """The obligations monitored by submission that cannot be dated: every one when no
        contract start was given (nothing is assumed), none otherwise."""
        if self.contract_start is not None:
            return []
        return sorted({s.obligation for s in self.declaration.submissions})

    def obligations(self) -> list[ObligationStatus]:
        """Each dated occurrence of every obligation with a declared submission kind, due
        from the contract start to the as-of date (and to the contract's end), plus the
        next one, against the submissions logged. Without a contract start there are none
        (see :meth:`undated`).

        Package-anchored obligations (a review of each placement) are listed per package
        of the contract and answered by submissions whose ``case`` is that package.
        A submission whose ``reference`` is an occurrence's sequence number (``"4"``: the
        fourth) answers that occurrence. Otherwise submissions answer the oldest outstanding
        occurrence first: occurrence *n* (due ``d[n]``) takes the earliest submission left
        that is dated after ``d[n-1]`` (the previous occurrence's due date; the contract
        start for the first) and no later than ``d[n+1]``. It is on time when dated on or
        before ``d[n]`` and late otherwise; without one it is *missing* once ``d[n]`` is
        before the as-of date and *open* while it is not. A submission no occurrence takes
        is a finding.
        """
        if self.contract_start is None:
            return []
        as_of_day = self.as_of_date
        horizon = as_of_day + dt.timedelta(days=800)
        if self.contract is not None and self.contract.end is not None:
            horizon = min(horizon, self.contract.end)
        horizon = max(horizon, self.contract_start)
        wanted = {s.obligation for s in self.declaration.submissions}
        packages = self.contract.packages if self.contract is not None else ()
        streams: dict[tuple[str, str | None], list[Occurrence]] = defaultdict(list)
        for occ in obligations_between(
            self.spec.all_obligations(),
            self.contract_start,
            self.contract_start,
            horizon,
            self.spec.calendars,
            packages,
        ):
            if occ.obligation_id in wanted:
                streams[(occ.obligation_id, occ.package_id)].append(occ)
        result: list[ObligationStatus] = []
        for obligation_id in sorted(wanted):
            logged = sorted(self._submissions.get(obligation_id, ()), key=lambda e: e.at)
            keys = sorted((k for k in streams if k[0] == obligation_id), key=lambda k: k[1] or "")
            for key in keys:
                package_id = key[1]
                mine = [e for e in logged if package_id is None or e.case == package_id]
                taken = {id(e) for e in mine}
                rest = [e for e in logged if id(e) not in taken]
                result += self._stream_statuses(streams[key], mine, as_of_day, horizon)
                logged = rest + mine  # what this stream left, and what it never saw
            for event in logged:
                self.findings.append(
                    Finding(
                        Severity.WARNING,
                        "monitoring.submission.unmatched",
                        f"submission for {obligation_id!r} matches no due occurrence",
                        f"line {event.line}",
                    )
                )
        return result

    def _stream_statuses(
        self, occs: list[Occurrence], logged: list[Event], as_of_day: dt.date, horizon: dt.date
    ) -> list[ObligationStatus]:
        """One obligation's occurrences (for one package, if anchored on packages) against
        its submissions; submissions left over stay in ``logged``."""
        assert self.contract_start is not None
        shown = [o for o in occs if o.due_date < as_of_day]
        shown += [o for o in occs if o.due_date >= as_of_day][:1]
        matched: dict[int, Event] = {}
        free: list[Event] = []
        by_sequence = {o.sequence: o for o in shown}
        for event in logged:
            ref = (event.reference or "").strip()
            if ref.isdigit() and int(ref) in by_sequence and int(ref) not in matched:
                matched[int(ref)] = event
            else:
                free.append(event)
        result = []
        previous = self.contract_start - dt.timedelta(days=1)
        for number, occ in enumerate(shown):
            following = occs[number + 1].due_date if number + 1 < len(occs) else horizon
            if occ.sequence not in matched:
                for position, event in enumerate(free):
                    if previous < event.at.astimezone(_LONDON).date() <= following:
                        matched[occ.sequence] = free.pop(position)
                        break
            previous = occ.due_date
            result.append(self._occurrence_status(occ, matched.get(occ.sequence), as_of_day))
        logged[:] = free
        return result

    @staticmethod
    def _occurrence_status(
        occ: Occurrence, match: Event | None, as_of_day: dt.date
    ) -> ObligationStatus:
        if match is None:
            status = DutyStatus.OPEN if occ.due_date >= as_of_day else DutyStatus.MISSING
            return ObligationStatus(
                occ.obligation_id,
                occ.title,
                occ.sequence,
                occ.due_date,
                status,
                occ.citation,
                package_id=occ.package_id,
            )
        local = match.at.astimezone(_LONDON)
        late = (local.date() - occ.due_date).days
        return ObligationStatus(
            occ.obligation_id,
            occ.title,
            occ.sequence,
            occ.due_date,
            DutyStatus.MET if late <= 0 else DutyStatus.LATE,
            occ.citation,
            submitted_at=local,
            late_days=late if late > 0 else None,
            line=match.line,
            package_id=occ.package_id,
        )

    # --- KPIs -------------------------------------------------------------------------------

    def kpis(self, period: str | None = None) -> list[KpiFigure]:
        """Each KPI's figure per reporting period seen (or only ``period``), percentages
        rounded half up to 0.1; a period with a zero denominator has no percentage."""
        self.finish()
        decl = self.declaration
        labels = sorted({label for (_, _, label) in self._tallies})
        if period is not None:
            parse_period(period, decl.year_start_month)
            labels = [period]
        figures = []
        for index, kpi in enumerate(decl.kpis):
            for label in labels:
                num_count, num_cases = self._tallies.get((index, 0, label), ([0], set()))
                den_count, den_cases = self._tallies.get((index, 1, label), ([0], set()))
                percent = None
                if den_count[0]:
                    ratio = Decimal(100 * num_count[0]) / Decimal(den_count[0])
                    percent = ratio.quantize(_PERCENT, rounding=ROUND_HALF_UP)
                figures.append(
                    KpiFigure(
                        kpi.id,
                        kpi.title,
                        label,
                        parse_period(label, decl.year_start_month),
                        num_count[0],
                        den_count[0],
                        percent,
                        kpi.target,
                        kpi.citation,
                        tuple(sorted(num_cases)),
                        tuple(sorted(den_cases)),
                    )
                )
        return figures

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
        )
