"""KPI figures from events: tallies per reporting period, with the cases behind each.

A :class:`~.model.Kpi` counts events (narrowed by who instigated them, why, repeats, or
each case once), deadline outcomes, or the cases present in a period and those that
ended in it (a span: staff employed and leavers, placements held and broken down). A
ratio is ``100 * numerator / denominator`` per cent, rounded half up to one decimal
place (1 of 16 is 6.25 %, shown 6.3 %); a period whose denominator is zero has no
percentage. A count stands alone against the minimum the text sets, judged once its
period is complete.

The cases behind each figure are kept as a bitmap per KPI, side and period over the
cases' numbers (one bit a case), so however long the log, a period's cases take an
eighth of a byte each: memory grows with the cases and periods, never with the events.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from childcare_commissioning.monitoring.model import (
    Count,
    DeadlineStatus,
    Event,
    Kpi,
    KpiFigure,
    KpiPeriod,
    Monitoring,
)
from childcare_commissioning.monitoring.periods import (
    half_of,
    parse_period,
    period_label,
    present_in,
    year_of,
)
from childcare_commissioning.schedules import Period

__all__ = ["PERCENT", "Tallies", "percent"]

#: KPI percentages are shown to one decimal place, rounded half up.
PERCENT = Decimal("0.1")


def percent(numerator: int, denominator: int) -> Decimal | None:
    """``100 * numerator / denominator`` rounded half up to 0.1 (``None`` for 0/0)."""
    if not denominator:
        return None
    ratio = Decimal(100 * numerator) / Decimal(denominator)
    return ratio.quantize(PERCENT, rounding=ROUND_HALF_UP)


class Tallies:
    """The running counts of one monitor's KPIs."""

    def __init__(
        self, declaration: Monitoring, contract_start: dt.date | None, as_of_date: dt.date
    ) -> None:
        self.declaration = declaration
        self.contract_start = contract_start
        self.as_of_date = as_of_date
        self._events: dict[str, list[tuple[int, int, Count]]] = defaultdict(list)
        self._rules: dict[str, list[tuple[int, int, Count]]] = defaultdict(list)
        #: Span (start kind, end kind) -> case -> its spans: [first day, last day, the
        #: end's by, the end's reason, the case's service].
        self._spans: dict[tuple[str, str], dict[str, list[list[Any]]]] = {}
        for index, kpi in enumerate(declaration.kpis):
            for side, count in enumerate((kpi.numerator, kpi.denominator)):
                if count is None:
                    continue
                if count.event is not None:
                    self._events[count.event].append((index, side, count))
                if count.span is not None:
                    self._spans.setdefault(count.span, {})
                for rule_id in count.rules:
                    self._rules[rule_id].append((index, side, count))
        #: Event kinds a KPI counts, and those whose repeats it counts.
        self.event_kinds = frozenset(self._events) | {k for span in self._spans for k in span}
        self.repeat_kinds = frozenset(
            kind for kind, uses in self._events.items() if any(c.repeat for _, _, c in uses)
        )
        # (kpi index, side, period label) -> ([count], bitmap of the cases' numbers)
        self._tallies: dict[tuple[int, int, str], tuple[list[int], bytearray]] = {}
        #: Each case counted, numbered in the order first counted.
        self._ids: list[str] = []
        self._number: dict[str, int] = {}
        self._periods: dict[str, Period] = {}
        self._labels: dict[tuple[KpiPeriod, dt.date], str] = {}

    def _label(self, kpi: Kpi, day: dt.date) -> str:
        key = (kpi.period, day)
        label = self._labels.get(key)
        if label is None:
            start_month = self.declaration.year_start_month
            if kpi.period is KpiPeriod.YEAR:
                label, period = year_of(day, self.contract_start, start_month)
            elif kpi.period is KpiPeriod.HALF:
                label, period = half_of(day, self.contract_start, start_month)
            elif kpi.period is KpiPeriod.REPORTING_YEAR:
                label, period = year_of(day, None, start_month)
            else:
                label = period_label(day, start_month)
                period = parse_period(label, start_month)
            self._labels[key] = label
            self._periods[label] = period
        return label

    def _tally(self, index: int, side: int, day: dt.date, case: str) -> None:
        kpi = self.declaration.kpis[index]
        key = (index, side, self._label(kpi, day))
        entry = self._tallies.get(key)
        if entry is None:
            entry = self._tallies[key] = ([0], bytearray())
        entry[0][0] += 1
        if case:
            number = self._number.get(case)
            if number is None:
                number = self._number[case] = len(self._ids)
                self._ids.append(case)
            bits = entry[1]
            byte = number >> 3
            if byte >= len(bits):
                bits.extend(bytes(byte + 1 - len(bits)))
            bits[byte] |= 1 << (number & 7)

    def _cases(self, bits: bytearray) -> list[str]:
        """The cases whose bits are set."""
        ids = self._ids
        return [
            ids[byte << 3 | bit]
            for byte, value in enumerate(bits)
            if value
            for bit in range(8)
            if value >> bit & 1
        ]

    def count_event(
        self,
        kind: str,
        event: Event,
        case: str,
        day: dt.date,
        seen_before: bool,
        service: str | None = None,
    ) -> bool | str:
        """Count an event of ``kind`` (London date ``day``; ``service``: its case's)
        wherever a KPI counts it; whether any KPI counts that kind at all, or why an end
        of a span was not taken (a message)."""
        uses = self._events.get(kind)
        for index, side, count in uses or ():
            if count.takes(event, seen_before, service):
                self._tally(index, side, day, case)
        spanned = self._span(kind, event, case, day, service)
        return spanned if isinstance(spanned, str) else bool(uses) or spanned

    def _span(
        self, kind: str, event: Event, case: str, day: dt.date, service: str | None
    ) -> bool | str:
        used = False
        refused: str | None = None
        for (start, end), cases in self._spans.items():
            if kind not in (start, end):
                continue
            spans = cases.setdefault(case, [])
            last = spans[-1] if spans else None
            if kind == start:
                if last is None or last[1] is not None:
                    spans.append([day, None, None, None, service])
                used = True
            if kind == end:
                if last is not None and last[1] is None:
                    last[1:] = [day, event.by, event.reason, service]
                elif last is None:
                    # The span began before the log: present from before it.
                    spans.append([None, day, event.by, event.reason, service])
                else:
                    # Said once; every other span this kind starts or ends is still kept.
                    refused = f"ends a {start} to {end} span that had already ended"
                    continue
                used = True
        return refused if refused is not None else used

    def count_status(self, status: DeadlineStatus) -> None:
        """Count a deadline's outcome wherever a KPI counts its rule."""
        for index, side, count in self._rules.get(status.rule_id, ()):
            if not count.statuses or status.status in count.statuses:
                self._tally(index, side, status.trigger_at.date(), status.case)

    def _value(self, index: int, side: int, label: str) -> tuple[int, tuple[str, ...]]:
        kpi = self.declaration.kpis[index]
        count = kpi.numerator if side == 0 else kpi.denominator
        if count is not None and count.span is not None:
            return self._present(count, self._periods[label])
        number, bits = self._tallies.get((index, side, label), ([0], bytearray()))
        cases = self._cases(bits)
        distinct = count is not None and count.distinct
        return (len(cases) if distinct else number[0]), tuple(sorted(cases))

    def _present(self, count: Count, period: Period) -> tuple[int, tuple[str, ...]]:
        """The cases of a span count in ``period``: present, or (``ended``) ended in it."""
        assert count.span is not None
        spans = (
            ((case, span), span[0], span[1])
            for case, recorded in self._spans[count.span].items()
            for span in recorded
            if not count.services or span[4] in count.services
        )
        present, ended = present_in(spans, period.start, period.end)
        if count.ended:
            present = [item for item in ended if count.matches(item[1][2], item[1][3])]
        cases = sorted({case for case, _ in present})
        return len(cases), tuple(cases)

    def _span_labels(self, kpi: Kpi) -> set[str]:
        """Every period from the first day a span of ``kpi`` records (not before the
        contract's start) to the as-of date: a period nobody ended in is a figure too."""
        days = [
            day
            for count in (kpi.numerator, kpi.denominator)
            if count is not None and count.span is not None
            for recorded in self._spans[count.span].values()
            for span in recorded
            for day in span[:2]
            if day is not None
        ]
        if not days:
            return set()
        day = min(days)
        if self.contract_start is not None:
            day = max(day, self.contract_start)
        labels = set()
        while day <= self.as_of_date:
            label = self._label(kpi, day)
            labels.add(label)
            day = self._periods[label].end + dt.timedelta(days=1)
        return labels

    def figures(self, period: str | None = None) -> list[KpiFigure]:
        """Each KPI's figure per period seen (or only the quarter ``period`` and the year
        containing its start), in declaration order then period order."""
        start_month = self.declaration.year_start_month
        wanted: Period | None = None
        if period is not None:
            wanted = parse_period(period, start_month)
        result = []
        kpis = self.declaration.kpis
        for index, kpi in enumerate(kpis):
            # Every period any KPI of this kind saw: a count of 0 is a figure too.
            labels = {label for (i, _, label) in self._tallies if kpis[i].period is kpi.period}
            for other in kpis:
                if other.period is kpi.period:
                    labels |= self._span_labels(other)
            if wanted is not None:
                labels = {self._label(kpi, wanted.start)}
            for label in sorted(labels, key=lambda x: self._periods[x].start):
                num, num_cases = self._value(index, 0, label)
                den: int | None = None
                den_cases: tuple[str, ...] = ()
                if kpi.denominator is not None:
                    den, den_cases = self._value(index, 1, label)
                span = self._periods[label]
                result.append(
                    KpiFigure(
                        kpi.id,
                        kpi.title,
                        label,
                        span,
                        num,
                        den,
                        None if den is None else percent(num, den),
                        kpi.target,
                        kpi.citation,
                        num_cases,
                        den_cases,
                        minimum=kpi.minimum,
                        complete=span.end < self.as_of_date,
                    )
                )
        return result
