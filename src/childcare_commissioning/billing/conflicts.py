"""No silent choice in an invoice batch: anything given twice where one is meant is refused.

An invoice run that met two packages with one id, two quotations for one package, two
rates of one kind from the same day, or one planned session given twice, would have to
choose (the last one given, or both): a different invoice from the one the caller meant,
with nothing said. :func:`check_batch` refuses such a batch with a
:class:`BatchConflictError` naming both places (by JSON path) and the rule. A later rate
of the same kind from a later day is not a conflict: it is an uplift.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable, Sequence

from childcare_commissioning.billing.records import PlannedSession
from childcare_commissioning.billing.terms import Quotation, Rate
from childcare_commissioning.errors import ConversionError, Problem, quote
from childcare_commissioning.model.package import Package

__all__ = [
    "MAX_RUN_YEARS",
    "BatchConflictError",
    "batch_conflicts",
    "check_batch",
    "check_span",
    "rate_key",
]

MAX_RUN_YEARS = 20
"""The longest a package may have run before ``as_of`` in one invoice run: a start in year
1900 (a typing slip) would otherwise make thousands of invoices, minutes of work."""


class BatchConflictError(ConversionError):
    """A batch gives something twice where one is meant (exit status 2): every conflict
    is listed with both places."""


def rate_key(rate: Rate) -> tuple[Hashable, ...]:
    """What makes two rates of one quotation the same choice: their kind (condition and,
    for a night rate, its window; their band) and the day they take effect."""
    return (rate.condition, rate.window, rate.band, rate.effective_from)


def _twice(
    items: Sequence[object], key: str, path: str, what: str, rule: str, problems: list[Problem]
) -> None:
    first: dict[object, int] = {}
    for index, item in enumerate(items):
        value = getattr(item, key)
        if value in first:
            problems.append(
                Problem(
                    f"$.{path}[{index}].{key}",
                    f"{what} {quote(value)} is also $.{path}[{first[value]}]; which one is "
                    "meant is unclear, so the batch is refused",
                    rule,
                )
            )
        else:
            first[value] = index


def batch_conflicts(
    packages: Sequence[Package],
    quotations: Sequence[Quotation],
    planned: Sequence[PlannedSession],
) -> list[Problem]:
    """Every conflict in a batch, in document order (none: an empty list)."""
    problems: list[Problem] = []
    _twice(packages, "id", "packages", "package id", "unique-package-ids", problems)
    _twice(
        quotations, "package_id", "quotations", "a quotation for package", "one-quotation", problems
    )
    for q_index, quotation in enumerate(quotations):
        first: dict[tuple[Hashable, ...], int] = {}
        for r_index, rate in enumerate(quotation.rates):
            key = rate_key(rate)
            if key in first:
                day: dt.date = rate.effective_from
                problems.append(
                    Problem(
                        f"$.quotations[{q_index}].rates[{r_index}]",
                        f"a second {rate.condition.value} rate from {day.isoformat()} (the "
                        f"first is rates[{first[key]}]); which one is meant is unclear, so "
                        "the batch is refused",
                        "one-rate-a-day",
                    )
                )
            else:
                first[key] = r_index
    _twice(planned, "id", "planned", "planned session id", "unique-session-ids", problems)
    return problems


def check_batch(
    packages: Sequence[Package],
    quotations: Sequence[Quotation],
    planned: Sequence[PlannedSession],
) -> None:
    """Raise :class:`BatchConflictError` if the batch gives anything twice."""
    problems = batch_conflicts(packages, quotations, planned)
    if problems:
        raise BatchConflictError("the batch", problems)


def check_span(packages: Sequence[Package], as_of: dt.date) -> None:
    """Refuse a run over more than :data:`MAX_RUN_YEARS` of any package's periods (its
    start that long before ``as_of``), naming each such package by its place."""
    try:
        earliest = as_of.replace(year=as_of.year - MAX_RUN_YEARS)
    except ValueError:  # 29 February
        earliest = as_of.replace(year=as_of.year - MAX_RUN_YEARS, day=28)
    problems = [
        Problem(
            f"$.packages[{index}].start",
            f"package {quote(package.id)} starts more than {MAX_RUN_YEARS} years before the "
            "run's as_of; a run covers at most that (invoice earlier periods in earlier runs)",
            "bounded-run",
        )
        for index, package in enumerate(packages)
        if package.start < earliest
    ]
    if problems:
        raise BatchConflictError("the batch", problems)
