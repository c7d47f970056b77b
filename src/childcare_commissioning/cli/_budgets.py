"""Budget use and the retention ledger, as the invoicing commands report them.

``invoice``, ``invoice-stream`` and ``export ubl`` count every invoice of the run, with
those issued before it (``--previous``), against the council's budgets
(:mod:`childcare_commissioning.billing.control`): an exceeded firm cap is an error (exit
status 1), an indicative one or a cap nearly reached a warning. The retention ledger says
what is withheld per financial year, from when it may be released and whether it is
(``--retention-evidence 2018/19=2019-05-15``: the date evidence of outcomes was given).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from childcare_commissioning.billing.control import BudgetReport
from childcare_commissioning.cli._contract import InputError
from childcare_commissioning.errors import ModelValueError
from childcare_commissioning.model import Finding, Severity
from childcare_commissioning.money import format_gbp
from childcare_commissioning.schedules import FinancialYear

__all__ = [
    "budget_lines",
    "budget_rows",
    "has_errors",
    "ledger_rows",
    "parse_evidence",
]

BUDGET_HEADERS = ("budget", "window", "cap", "kind", "spent", "remaining", "finding")
LEDGER_HEADERS = ("year", "withheld", "release from", "evidence", "released on")


def parse_evidence(values: Sequence[str] | None) -> dict[str, dt.date]:
    """``["2018/19=2019-05-15"]`` as ``{"2018/19": date(2019, 5, 15)}``; anything else
    is an input error naming the option and rule."""
    evidence: dict[str, dt.date] = {}
    for value in values or ():
        year, _, day = value.partition("=")
        try:
            label = FinancialYear.parse(year).label
            date = dt.date.fromisoformat(day.strip())
        except (ModelValueError, ValueError):
            raise InputError(
                "--retention-evidence: expected YEAR=DATE such as 2018/19=2019-05-15 "
                "[retention-evidence]"
            ) from None
        if label != year.strip() or label in evidence:
            raise InputError(
                "--retention-evidence: each financial year once, written like 2018/19 "
                "[retention-evidence]"
            )
        evidence[label] = date
    return evidence


def has_errors(findings: Iterable[Finding]) -> bool:
    """Whether any finding is an error (warnings alone leave the exit status 0)."""
    return any(f.severity is Severity.ERROR for f in findings)


def _window(use: Any) -> str:
    budget = use.budget
    if budget.start is None and budget.end is None:
        return "whole year"
    return f"{budget.start or ''} to {budget.end or ''}"


def budget_rows(report: BudgetReport) -> list[tuple[str, ...]]:
    """One row per budget: what it covers, its cap, spent, remaining and its finding."""
    return [
        (
            use.budget.label,
            _window(use),
            format_gbp(use.budget.amount),
            "indicative" if use.budget.indicative else "firm",
            format_gbp(use.spent),
            format_gbp(use.remaining),
            use.finding.code.rsplit(".", 1)[-1] if use.finding else "",
        )
        for use in report.uses
    ]


def ledger_rows(report: BudgetReport) -> list[tuple[str, ...]]:
    """One row per financial year of the retention ledger."""
    if report.ledger is None:
        return []
    return [
        (
            year.financial_year,
            format_gbp(year.withheld),
            year.release_from.isoformat(),
            year.evidence_on.isoformat() if year.evidence_on else "not given",
            year.released_on.isoformat() if year.released_on else "withheld",
        )
        for year in report.ledger.years
    ]


def budget_lines(report: BudgetReport) -> list[str]:
    """The report as lines for standard error (``budget: ...``, ``retention: ...``)."""
    lines = [
        f"budget: {label} ({window}): {spent} of {cap} ({kind})"
        for label, window, cap, kind, spent, _, _ in budget_rows(report)
    ]
    lines += [
        f"retention: {year}: {withheld} withheld, release from {start}, evidence {shown}, "
        f"{released if released == 'withheld' else 'released on ' + released}"
        for year, withheld, start, shown, released in ledger_rows(report)
    ]
    return lines
