"""Dated obligations against the submissions logged for them.

Each dated occurrence of an obligation a council monitors by submission (a quarterly
report, a review meeting, a review of each placement) is matched with the submissions
logged: on time, late, missing, or not yet due. Two readings apply to every council
(the handbook's monitoring page shows them):

- **A meeting falls on a working day.** A text that says "every 3 months" or "quarterly"
  names no day, so a meeting whose scheduled day is not a working day of its calendar (a
  bank holiday, a weekend) is due the next working day. The dates come from
  :func:`~childcare_commissioning.obligations.obligations_between`, which applies it, so
  ``obligations`` and its calendar list the same days.
- **"Prior to the meeting" means the meeting as held.** An obligation due a time before
  another one (a report "prior to the Quarterly meeting", information "5 working days
  before each contract review meeting") counts back from the day that meeting was
  actually held when it was logged, and from its scheduled (working) day otherwise.

Package-anchored obligations (a review of each placement) run from each package's start
to its end: the contract's packages and the packages the log starts (a placement
started), each ending when the log ends it.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

import attrs

from childcare_commissioning.calendars import CalendarSpec
from childcare_commissioning.deadlines import resolve_calendar
from childcare_commissioning.durations import Direction, shift_date
from childcare_commissioning.model.core import Finding, Severity
from childcare_commissioning.model.package import Package
from childcare_commissioning.monitoring.model import DutyStatus, Event, ObligationStatus
from childcare_commissioning.monitoring.periods import LONDON
from childcare_commissioning.obligations import (
    Anchor,
    Obligation,
    Occurrence,
    obligations_between,
)

__all__ = ["Tracker"]

Stream = tuple[str, str | None]


class Tracker:
    """Judges the dated obligations of one council for one monitor (see the module
    docstring). ``submissions`` are the submission events by obligation id."""

    def __init__(
        self,
        spec_obligations: Sequence[Obligation],
        calendars: Sequence[CalendarSpec],
        wanted: Iterable[str],
        contract_start: dt.date | None,
        as_of_day: dt.date,
        contract_end: dt.date | None,
    ) -> None:
        self.by_id = {o.id: o for o in spec_obligations}
        self.calendars = calendars
        self.wanted = set(wanted)
        self.contract_start = contract_start
        self.as_of_day = as_of_day
        horizon = as_of_day + dt.timedelta(days=800)
        if contract_end is not None:
            horizon = min(horizon, contract_end)
        self.horizon = horizon
        self.findings: list[Finding] = []
        self._anchors: dict[str, Anchor | None] = {}

    def undated(self) -> list[str]:
        """The monitored obligations that cannot be dated: contract-anchored ones (and
        those relative to them) when no contract start was given."""
        if self.contract_start is not None:
            return []
        return sorted(o for o in self.wanted if self._anchor(o) is Anchor.CONTRACT)

    def _anchor(self, obligation_id: str) -> Anchor | None:
        """What an obligation's dates count from, through its relative chain (walked once
        per obligation)."""
        if obligation_id in self._anchors:
            return self._anchors[obligation_id]
        obligation = self.by_id.get(obligation_id)
        while obligation is not None and obligation.relative_to is not None:
            obligation = self.by_id.get(obligation.relative_to.obligation)
        found = None if obligation is None or obligation.schedule is None else obligation.anchor
        self._anchors[obligation_id] = found
        return found

    def judge(
        self, submissions: Mapping[str, list[Event]], packages: Sequence[Package]
    ) -> list[ObligationStatus]:
        """Every monitored occurrence due to the as-of date, plus the next one of each
        stream, against ``submissions``; leftover submissions are findings."""
        start = self.contract_start
        dated = [o for o in self.by_id.values() if self._anchor(o.id) is not None]
        if start is None:
            dated = [o for o in dated if self._anchor(o.id) is Anchor.PACKAGE]
        first = min([p.start for p in packages] + ([start] if start else []), default=None)
        anchor_start = start or first or self.as_of_day
        horizon = max(self.horizon, anchor_start)
        streams: dict[Stream, list[Occurrence]] = defaultdict(list)
        for occ in obligations_between(
            dated, anchor_start, first or anchor_start, horizon, self.calendars, packages
        ):
            streams[(occ.obligation_id, occ.package_id)].append(occ)
        package_starts = {p.id: p.start for p in packages}
        held: dict[tuple[str, str | None, int], dt.date] = {}
        result: list[ObligationStatus] = []
        # Targets first, so that an obligation due before a meeting knows when it was held.
        order = sorted(
            (o for o in self.wanted if o in self.by_id and self._anchor(o) is not None),
            key=lambda o: (self.by_id[o].relative_to is not None, o),
        )
        for obligation_id in order:
            if start is None and self._anchor(obligation_id) is Anchor.CONTRACT:
                continue
            obligation = self.by_id[obligation_id]
            logged = sorted(submissions.get(obligation_id, ()), key=lambda e: e.at)
            keys = sorted((k for k in streams if k[0] == obligation_id), key=lambda k: k[1] or "")
            for key in keys:
                package_id = key[1]
                mine = [e for e in logged if package_id is None or e.case == package_id]
                taken = {id(e) for e in mine}
                rest = [e for e in logged if id(e) not in taken]
                begin = package_starts.get(package_id or "", start or anchor_start)
                occs = [self._dated(obligation, occ, held) for occ in streams[key]]
                statuses = self._stream(occs, mine, begin)
                for status in statuses:
                    if status.submitted_at is not None:
                        day = status.submitted_at.date()
                        held[(obligation_id, package_id, status.sequence)] = day
                result += statuses
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
        return sorted(result, key=lambda o: (o.obligation_id, o.package_id or "", o.sequence))

    def _dated(
        self,
        obligation: Obligation,
        occ: Occurrence,
        held: Mapping[tuple[str, str | None, int], dt.date],
    ) -> Occurrence:
        relative = obligation.relative_to
        if relative is None:
            return occ
        # Counted from the meeting as held when it was logged (the scheduled working day,
        # from obligations_between, otherwise).
        base = held.get((relative.obligation, occ.package_id, occ.sequence))
        if base is None:
            return occ
        calendar = resolve_calendar(obligation.calendar, self.calendars)
        sign = -1 if relative.direction is Direction.BEFORE else 1
        due = shift_date(base, relative.offset.kind, sign * relative.offset.amount, calendar)
        if due == occ.due_date:
            return occ
        return attrs.evolve(occ, due_date=due)

    def _stream(
        self, occs: list[Occurrence], logged: list[Event], begin: dt.date
    ) -> list[ObligationStatus]:
        """One obligation's occurrences (for one package, if anchored on packages) against
        its submissions; submissions left over stay in ``logged``."""
        as_of_day = self.as_of_day
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
        previous = begin - dt.timedelta(days=1)
        for number, occ in enumerate(shown):
            following = occs[number + 1].due_date if number + 1 < len(occs) else self.horizon
            if occ.sequence not in matched:
                for position, event in enumerate(free):
                    if previous < event.at.astimezone(LONDON).date() <= following:
                        matched[occ.sequence] = free.pop(position)
                        break
            previous = occ.due_date
            result.append(_occurrence_status(occ, matched.get(occ.sequence), as_of_day))
        logged[:] = free
        return result


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
    local = match.at.astimezone(LONDON)
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
