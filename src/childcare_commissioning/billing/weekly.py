"""Placements priced by the week: accommodation and support, invoiced by the day.

A :class:`WeeklyAgreement` (Derby's Individual Placement Agreement) prices a package by the
week, split into accommodation and support; each :class:`WeeklyCost` is a variation from
its ``effective_from`` day. Every day of the agreement costs the weekly cost in force that
day divided by 7, so a variation, a start or an end mid-period are prorated by the day. A
:class:`Notice` ends the agreement: on the day a council's notice rule gives (``rule``, a
deadline rule counted in calendar days, such as 30 or 14 days) or after an agreed period
(``days``, a period other than the normal ones, taken from the contract).

Rules of a run, one invoice per agreement and ended billing period (in arrears, like
:func:`~childcare_commissioning.billing.run_invoices`, numbered the same way):

- one line per component and run of days at one weekly cost: ``quantity`` days at
  ``unit_price`` (the weekly cost / 7), ``amount`` the weekly cost x days / 7 rounded to
  the penny;
- a block discount (the terms' :class:`BlockDiscount`: its minimum block size, and its
  percentage or, where the text leaves it to each block, the one the block records) is a
  ``discount`` line off the period's accommodation, rounded to the penny;
- a contribution the terms declare (Housing Benefit towards accommodation) is a
  ``contribution`` line, its weekly amount prorated by the day like a cost, for packages of
  the services the declaration names;
- net is the sum of the lines; retention as for every invoice; payable = net - withheld;
- an agreement with any problem (no such package, no cost from its start, an unknown
  notice rule, block or contribution, a contribution above the accommodation, a block of
  the minimum size with no percentage) is a finding naming it and is not invoiced; nothing
  else in the run is affected.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import Any

import attrs

from childcare_commissioning.billing.documents import period_invoice
from childcare_commissioning.billing.invoices import Invoice, InvoiceLine, InvoiceRun, LineKind
from childcare_commissioning.billing.periods import periods_between
from childcare_commissioning.billing.terms import (
    BillingTerms,
    BlockDiscount,
    Component,
    ContributionTerm,
)
from childcare_commissioning.errors import ModelValueError
from childcare_commissioning.model._fields import identifier, non_empty, non_negative, to_tuple
from childcare_commissioning.model.core import Citation, Finding, Severity
from childcare_commissioning.model.package import Package
from childcare_commissioning.money import Rounding, to_penny
from childcare_commissioning.schedules import Period

__all__ = [
    "Block",
    "Contribution",
    "Notice",
    "WeeklyAgreement",
    "WeeklyCost",
    "agreement_end",
    "weekly_invoices",
]

ONE_DAY = dt.timedelta(days=1)


@attrs.frozen
class WeeklyCost:
    """The weekly cost of accommodation and of support from ``effective_from`` (the agreed
    price, or a variation of it)."""

    effective_from: dt.date
    accommodation: Decimal = attrs.field(validator=non_negative)
    support: Decimal = attrs.field(default=Decimal(0), validator=non_negative)

    def of(self, component: Component) -> Decimal:
        """The weekly cost of ``component``."""
        return self.accommodation if component is Component.ACCOMMODATION else self.support


def _one_basis(instance: Notice, attribute: attrs.Attribute[Any], value: int | None) -> None:
    if (instance.rule is None) == (value is None):
        raise ModelValueError(
            attribute.name, "notice-basis", "give either rule (the text's period) or days"
        )
    if value is not None and value < 1:
        raise ModelValueError(attribute.name, "notice-days", "must be at least 1")


@attrs.frozen
class Notice:
    """Written notice ending an agreement, given on ``given_on``: the period is the
    council's deadline rule ``rule`` (the text's normal period) or ``days`` agreed for this
    case (with its ``basis``, e.g. the contract's clause); the agreement ends on the last
    day of notice, ``given_on`` + the period, which is still paid."""

    given_on: dt.date
    rule: str | None = attrs.field(default=None, validator=attrs.validators.optional(identifier))
    days: int | None = attrs.field(default=None, validator=_one_basis)
    basis: str | None = None


@attrs.frozen
class Contribution:
    """A weekly amount a third party contributes (``kind``, a declared
    :class:`ContributionTerm`) from ``effective_from``; 0 ends it."""

    kind: str = attrs.field(validator=identifier)
    weekly: Decimal = attrs.field(validator=non_negative)
    effective_from: dt.date


@attrs.frozen
class WeeklyAgreement:
    """A package priced by the week: its costs and variations, an end by notice, the block
    it was bought in, and contributions towards it."""

    package_id: str = attrs.field(validator=non_empty)
    costs: tuple[WeeklyCost, ...] = attrs.field(converter=to_tuple)
    notice: Notice | None = None
    block: str | None = None
    contributions: tuple[Contribution, ...] = attrs.field(default=(), converter=to_tuple)


def _beds(_: object, attribute: attrs.Attribute[Any], value: int) -> None:
    if value < 1:
        raise ModelValueError(attribute.name, "beds", "must be at least 1")


@attrs.frozen
class Block:
    """A block of ``beds`` bought at one time, with the discount percentage agreed for it
    (where the text leaves the percentage to each block: Derby's mini competition)."""

    id: str = attrs.field(validator=non_empty)
    beds: int = attrs.field(validator=_beds)
    discount_percent: Decimal | None = attrs.field(
        default=None, validator=attrs.validators.optional(non_negative)
    )


def agreement_end(package: Package, notice_end: dt.date | None) -> dt.date | None:
    """The last paid day: the package's end or the notice's, whichever is earlier."""
    ends = [d for d in (package.end, notice_end) if d is not None]
    return min(ends) if ends else None


def _runs(
    costs: tuple[WeeklyCost, ...], component: Component, first: dt.date, last: dt.date
) -> Iterator[tuple[dt.date, dt.date, Decimal]]:
    """Runs of days from ``first`` to ``last`` at one weekly cost of ``component`` (a
    variation that leaves this component's cost unchanged does not split its run);
    ``costs`` in order of ``effective_from``."""
    runs: list[tuple[dt.date, dt.date, Decimal]] = []
    for index, cost in enumerate(costs):
        start = max(cost.effective_from, first)
        following = costs[index + 1].effective_from if index + 1 < len(costs) else None
        end = last if following is None else min(last, following - ONE_DAY)
        if start > end:
            continue
        weekly = cost.of(component)
        if runs and runs[-1][2] == weekly and runs[-1][1] + ONE_DAY == start:
            start = runs.pop()[0]
        runs.append((start, end, weekly))
    yield from runs


def _day_line(
    kind: LineKind,
    text: str,
    start: dt.date,
    end: dt.date,
    weekly: Decimal,
    rule: str,
    citation: Citation | None,
    rounding: Rounding,
    sign: int = 1,
) -> InvoiceLine:
    days = (end - start).days + 1
    amount = to_penny(weekly * days / 7, rounding)
    return InvoiceLine(
        kind,
        f"{text}, {days} days at {weekly} a week, {start.isoformat()} to {end.isoformat()}",
        Decimal(sign * days),
        "day",
        weekly / 7,
        sign * amount,
        rule,
        citation,
        start,
    )


class _Problems:
    def __init__(self, findings: list[Finding], terms: BillingTerms) -> None:
        self.findings, self.terms, self.bad = findings, terms, False

    def add(
        self,
        code: str,
        message: str,
        path: str,
        citation: Citation | None = None,
        severity: Severity = Severity.ERROR,
    ) -> None:
        error = severity is Severity.ERROR
        self.findings.append(
            Finding(
                severity,
                f"billing.weekly.{code}",
                message + ("; not invoiced" if error else ""),
                path,
                citation or self.terms.citation,
            )
        )
        self.bad = self.bad or error

    def failed(self) -> bool:
        """Whether an error was found (the agreement is not invoiced)."""
        return self.bad


def weekly_invoices(
    council: str,
    terms: BillingTerms,
    packages: Iterable[Package],
    agreements: Iterable[WeeklyAgreement],
    as_of: dt.date,
    *,
    blocks: Iterable[Block] = (),
    notice_days: dict[str, int] | None = None,
) -> InvoiceRun:
    """Invoice every billing period of each agreement that ended before ``as_of``; see the
    module docstring. ``notice_days`` maps the council's notice rule ids to their periods
    in calendar days."""
    findings: list[Finding] = []
    by_id = {p.id: p for p in packages}
    block_by_id = {b.id: b for b in blocks}
    invoices: list[Invoice] = []
    seen: set[str] = set()
    for index, agreement in enumerate(agreements):
        path = f"$.agreements[{index}]"
        problems = _Problems(findings, terms)
        package = by_id.get(agreement.package_id)
        if agreement.package_id in seen:
            problems.add("duplicate", f"a second agreement for {agreement.package_id!r}", path)
        seen.add(agreement.package_id)
        if package is None:
            problems.add("package", f"no package {agreement.package_id!r} in the batch", path)
            continue
        if package.council != council:
            problems.add("package-council", f"package {package.id!r} is not {council}'s", path)
        if not agreement.costs or min(c.effective_from for c in agreement.costs) > package.start:
            problems.add("costs", f"package {package.id!r} has no weekly cost from its start", path)
        end = _notice_end(agreement, package, notice_days or {}, problems, path)
        discount = _discount(agreement, block_by_id, terms, problems, path)
        contributions = _contributions(agreement, package, terms, problems, path)
        if problems.failed():
            continue
        invoices += _invoices(
            council, terms, package, agreement, end, discount, contributions, as_of, problems, path
        )
        if problems.failed():
            invoices = [i for i in invoices if i.package_id != package.id]
    return InvoiceRun(council, as_of, invoices, findings, ())


def _notice_end(
    agreement: WeeklyAgreement,
    package: Package,
    notice_days: dict[str, int],
    problems: _Problems,
    path: str,
) -> dt.date | None:
    notice = agreement.notice
    if notice is None:
        return package.end
    days = notice.days
    if notice.rule is not None:
        days = notice_days.get(notice.rule)
        if days is None:
            known = ", ".join(sorted(notice_days)) or "none"
            problems.add("notice-rule", f"no notice rule {notice.rule!r}; known: {known}", path)
            return None
    if notice.given_on < package.start:
        problems.add("notice-date", "notice given before the package starts", f"{path}.notice")
    assert days is not None
    return agreement_end(package, notice.given_on + dt.timedelta(days=days))


def _discount(
    agreement: WeeklyAgreement,
    blocks: dict[str, Block],
    terms: BillingTerms,
    problems: _Problems,
    path: str,
) -> tuple[BlockDiscount, Block, Decimal] | None:
    if agreement.block is None:
        return None
    block = blocks.get(agreement.block)
    rule = terms.block_discount
    if block is None or rule is None:
        why = "no such block in the batch" if block is None else "the terms set no block discount"
        problems.add("block", f"block {agreement.block!r}: {why}", f"{path}.block")
        return None
    if block.beds < rule.minimum_units:
        if block.discount_percent:
            problems.add(
                "block-size",
                f"block {block.id!r} of {block.beds} beds records {block.discount_percent}%, but "
                f"the discount is for blocks of {rule.minimum_units} or more: not applied",
                f"$.blocks[{block.id!r}].beds",
                rule.citation,
                Severity.WARNING,
            )
        return None
    percent = rule.percent if rule.percent is not None else block.discount_percent
    if percent is None:
        problems.add(
            "block-percent",
            f"block {block.id!r} of {block.beds} beds: the discount percentage is not recorded "
            "(give the block's discount_percent)",
            f"$.blocks[{block.id!r}].discount_percent",
            rule.citation,
        )
        return None
    if rule.percent is not None and block.discount_percent not in (None, rule.percent):
        problems.add(
            "block-percent",
            f"block {block.id!r} records {block.discount_percent}% but the terms set "
            f"{rule.percent}%",
            f"$.blocks[{block.id!r}].discount_percent",
            rule.citation,
        )
        return None
    return rule, block, percent


def _contributions(
    agreement: WeeklyAgreement,
    package: Package,
    terms: BillingTerms,
    problems: _Problems,
    path: str,
) -> dict[ContributionTerm, list[Contribution]]:
    declared = {t.id: t for t in terms.contributions}
    found: dict[ContributionTerm, list[Contribution]] = defaultdict(list)
    for index, contribution in enumerate(agreement.contributions):
        where = f"{path}.contributions[{index}]"
        term = declared.get(contribution.kind)
        if term is None:
            known = ", ".join(declared) or "none"
            problems.add(
                "contribution",
                f"{contribution.kind!r} is not a contribution the "
                f"terms declare (declared: {known})",
                where,
            )
        elif term.services and not {package.service, package.lot} & term.services:
            problems.add(
                "contribution-service",
                f"the text names {term.name} as a contribution for "
                f"{', '.join(sorted(term.services))}, not for package {package.id!r}",
                where,
                term.citation,
            )
        else:
            found[term].append(contribution)
    return found


def _invoices(
    council: str,
    terms: BillingTerms,
    package: Package,
    agreement: WeeklyAgreement,
    end: dt.date | None,
    discount: tuple[BlockDiscount, Block, Decimal] | None,
    contributions: dict[ContributionTerm, list[Contribution]],
    as_of: dt.date,
    problems: _Problems,
    path: str,
) -> list[Invoice]:
    invoices = []
    ordered = tuple(sorted(agreement.costs, key=lambda c: c.effective_from))
    # Each contribution as weekly costs in date order, once for every period.
    contributed = {
        term: tuple(
            WeeklyCost(c.effective_from, c.weekly)
            for c in sorted(given, key=lambda c: c.effective_from)
        )
        for term, given in contributions.items()
    }
    stop = as_of if end is None else min(end, as_of)
    for whole in periods_between(package.start, stop, terms.cycle, package.start):
        last = whole.end if end is None else min(whole.end, end)
        period = Period(max(whole.start, package.start), last)
        if period.end >= as_of:
            continue  # in arrears: the period has not ended
        lines: list[InvoiceLine] = []
        accommodation = Decimal(0)
        for component in Component:
            for start, stop, weekly in _runs(ordered, component, period.start, period.end):
                if weekly:
                    line = _day_line(
                        LineKind.COMMISSIONED,
                        component.value.capitalize(),
                        start,
                        stop,
                        weekly,
                        f"weekly-{component.value}",
                        terms.citation,
                        terms.rounding,
                    )
                    lines.append(line)
                    if component is Component.ACCOMMODATION:
                        accommodation += line.amount
        if discount is not None and accommodation:
            rule, block, percent = discount
            off = to_penny(accommodation * percent / 100, terms.rounding)
            lines.append(
                InvoiceLine(
                    LineKind.DISCOUNT,
                    f"Block discount {percent}% of accommodation {accommodation} "
                    f"(block {block.id}, {block.beds} beds)",
                    -percent,
                    "percent",
                    accommodation / 100,
                    -off,
                    "block-discount",
                    rule.citation,
                    period.start,
                )
            )
        for term, costs in contributed.items():
            total = Decimal(0)
            for start, stop, weekly in _runs(
                costs, Component.ACCOMMODATION, period.start, period.end
            ):
                if weekly:
                    line = _day_line(
                        LineKind.CONTRIBUTION,
                        f"{term.name} (contribution)",
                        start,
                        stop,
                        weekly,
                        term.id,
                        term.citation,
                        terms.rounding,
                        -1,
                    )
                    lines.append(line)
                    total -= line.amount
            if total > accommodation:
                problems.add(
                    "contribution-above-cost",
                    f"{term.name} of {total} is more than "
                    f"the accommodation of {accommodation} in {period.start} to "
                    f"{period.end}",
                    path,
                    term.citation,
                )
        invoices.append(period_invoice(council, terms, package, period, lines, ()))
    return invoices
