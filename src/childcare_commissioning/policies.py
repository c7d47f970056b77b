"""A provider's policies kept up to date: the list a council declares, the report a
provider returns, and the KPI computed from it.

A council declares a :class:`PolicyList` (Plymouth 8.1: sixteen policies and procedures,
"100% of policies reviewed / updated within appropriate timescale", reported quarterly
with the date of last review, the date the next review is due and key changes). The
provider's :class:`PolicyReport` gives one :class:`PolicyEntry` per policy;
:func:`check_policy_report` answers, policy by policy, whether each is within its review
timescale on the report's date, and the percentage. Nothing the report gives is dropped:
a policy the list does not name, or one given twice, is reported; a policy missing from
the report counts as not reviewed. Policy names are matched ignoring case, spacing and
punctuation ("Equality and Diversity" is "Equality & Diversity").
"""

from __future__ import annotations

import datetime as dt
import enum
from decimal import ROUND_HALF_UP, Decimal

import attrs

from childcare_commissioning.model._fields import identifier, non_empty, to_frozenset, to_tuple
from childcare_commissioning.model.core import Citation, Finding, Severity
from childcare_commissioning.organisations import same_name

__all__ = [
    "PolicyEntry",
    "PolicyList",
    "PolicyReport",
    "PolicyResult",
    "PolicyRow",
    "PolicyStatus",
    "check_policy_report",
]


@attrs.frozen
class PolicyList:
    """The policies a council asks to be kept up to date, and how they are reported.
    ``optional`` are those the text lists "(where relevant)": the provider may mark them
    not applicable, and they then leave the count."""

    id: str = attrs.field(validator=identifier)
    title: str = attrs.field(validator=non_empty)
    policies: tuple[str, ...] = attrs.field(converter=to_tuple)
    citation: Citation
    optional: frozenset[str] = attrs.field(default=frozenset(), converter=to_frozenset)
    target: Decimal = Decimal(100)
    reported: str = ""
    notes: str = ""

    def find(self, name: str) -> str | None:
        """The listed policy ``name`` names, or ``None``."""
        return next((p for p in self.policies if same_name(p, name)), None)


@attrs.frozen
class PolicyEntry:
    """One row of the provider's report: the policy (as listed), its last review, when the
    next is due, the key changes, or that it is not applicable (only an optional one)."""

    policy: str = attrs.field(validator=non_empty)
    """The policy, as the council's list names it."""
    last_reviewed: dt.date | None = None
    """The day the policy was last reviewed."""
    next_due: dt.date | None = None
    """The day the next review is due."""
    key_changes: str = ""
    """The key changes made at the last review, as text; empty: none reported."""
    not_applicable: bool = False
    """True when the policy does not apply to the provider; allowed only for a policy the council
    lists as optional."""


@attrs.frozen
class PolicyReport:
    """A provider's policy report on ``on`` (the day it is judged), for ``period`` (a
    label such as "2025-Q1"), one entry per policy."""

    on: dt.date
    """The day the report is judged on (a London date): a next review due before it is overdue."""
    policies: tuple[PolicyEntry, ...] = attrs.field(converter=to_tuple)
    """One entry per policy."""
    period: str = ""
    """The reporting period, as a label ("2025-Q1")."""


class PolicyStatus(enum.StrEnum):
    """Where a policy stands on the report's date."""

    IN_DATE = "in-date"
    OVERDUE = "overdue"
    NOT_REPORTED = "not-reported"
    NOT_APPLICABLE = "not-applicable"


@attrs.frozen
class PolicyRow:
    """A listed policy, its status, and the entry the report gave for it."""

    policy: str
    status: PolicyStatus
    entry: PolicyEntry | None = None


@attrs.frozen
class PolicyResult:
    """The report checked: a row per listed policy, the percentage of the applicable ones
    in date (one decimal place, half up), the target, and every finding."""

    list_id: str
    on: dt.date
    period: str
    rows: tuple[PolicyRow, ...] = attrs.field(converter=to_tuple)
    percent: Decimal
    target: Decimal
    findings: tuple[Finding, ...] = attrs.field(converter=to_tuple)

    @property
    def met(self) -> bool:
        """Whether the percentage reaches the target and nothing is wrong with the report."""
        errors = any(f.severity is Severity.ERROR for f in self.findings)
        return self.percent >= self.target and not errors


def _finding(code: str, message: str, path: str, citation: Citation) -> Finding:
    return Finding(Severity.ERROR, code, message, path, citation)


def check_policy_report(policy_list: PolicyList, report: PolicyReport) -> PolicyResult:
    """Each listed policy's status on ``report.on`` and the percentage in date.

    In date: a last review on or before the day, and the next review due on or after it.
    A policy with no entry, or an entry without both dates, is not reported (not in date);
    a next review due before the day is overdue. Not applicable is accepted only for the
    list's optional policies."""
    cite = policy_list.citation
    findings: list[Finding] = []
    given: dict[str, tuple[int, PolicyEntry]] = {}
    for index, entry in enumerate(report.policies):
        path = f"$.policies[{index}]"
        listed = policy_list.find(entry.policy)
        if listed is None:
            findings.append(
                _finding(
                    "policies.unknown",
                    f"{entry.policy!r} is not one of the {len(policy_list.policies)} listed "
                    "policies (`schema policy-report`; the council page lists them)",
                    f"{path}.policy",
                    cite,
                )
            )
        elif listed in given:
            findings.append(
                _finding(
                    "policies.duplicate",
                    f"{listed!r} is given twice (entries {given[listed][0]} and {index}); "
                    "the first is used",
                    f"{path}.policy",
                    cite,
                )
            )
        else:
            given[listed] = (index, entry)
    rows = []
    for policy in policy_list.policies:
        found = given.get(policy)
        rows.append(_row(policy_list, policy, found, report.on, findings))
    applicable = [r for r in rows if r.status is not PolicyStatus.NOT_APPLICABLE]
    in_date = sum(r.status is PolicyStatus.IN_DATE for r in applicable)
    percent = (
        (Decimal(100 * in_date) / Decimal(len(applicable))).quantize(
            Decimal("0.1"), rounding=ROUND_HALF_UP
        )
        if applicable
        else Decimal(100)
    )
    return PolicyResult(
        policy_list.id, report.on, report.period, rows, percent, policy_list.target, findings
    )


def _row(
    policy_list: PolicyList,
    policy: str,
    found: tuple[int, PolicyEntry] | None,
    on: dt.date,
    findings: list[Finding],
) -> PolicyRow:
    cite = policy_list.citation
    if found is None:
        findings.append(
            _finding(
                "policies.not-reported", f"no review reported for {policy!r}", "$.policies", cite
            )
        )
        return PolicyRow(policy, PolicyStatus.NOT_REPORTED)
    index, entry = found
    path = f"$.policies[{index}]"
    if entry.not_applicable:
        if policy in policy_list.optional:
            return PolicyRow(policy, PolicyStatus.NOT_APPLICABLE, entry)
        findings.append(
            _finding(
                "policies.not-applicable.refused",
                f"{policy!r} may not be marked not applicable (only: "
                f"{', '.join(sorted(policy_list.optional)) or 'none'}); counted as not in date",
                f"{path}.not_applicable",
                cite,
            )
        )
        return PolicyRow(policy, PolicyStatus.NOT_REPORTED, entry)
    if entry.last_reviewed is None or entry.next_due is None:
        missing = "last_reviewed" if entry.last_reviewed is None else "next_due"
        findings.append(
            _finding(
                "policies.date.missing",
                f"{policy!r}: {missing} is not given",
                f"{path}.{missing}",
                cite,
            )
        )
        return PolicyRow(policy, PolicyStatus.NOT_REPORTED, entry)
    if entry.last_reviewed > on:
        findings.append(
            _finding(
                "policies.date.future",
                f"{policy!r}: last reviewed after the report's date",
                f"{path}.last_reviewed",
                cite,
            )
        )
        return PolicyRow(policy, PolicyStatus.NOT_REPORTED, entry)
    if entry.next_due < on:
        findings.append(
            _finding(
                "policies.overdue",
                f"{policy!r} was due for review on {entry.next_due.isoformat()}",
                f"{path}.next_due",
                cite,
            )
        )
        return PolicyRow(policy, PolicyStatus.OVERDUE, entry)
    return PolicyRow(policy, PolicyStatus.IN_DATE, entry)
