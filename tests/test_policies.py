"""A policy report against a list of policies (Plymouth audit 2026-12, section 4 need 8):
each status at its edge, and nothing the report gives dropped."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from childcare_commissioning.model import Citation
from childcare_commissioning.policies import (
    PolicyEntry,
    PolicyList,
    PolicyReport,
    PolicyStatus,
    check_policy_report,
)

D = dt.date
LIST = PolicyList(
    "policies",
    "Policies",
    ("Health & Safety", "Lone working", "Clinical governance (where relevant)"),
    Citation("sample", "8.1", "100% of policies"),
    optional=frozenset({"Clinical governance (where relevant)"}),
)
ON = D(2025, 1, 6)


def statuses(*entries: PolicyEntry) -> tuple[list[PolicyStatus], Decimal, list[str]]:
    result = check_policy_report(LIST, PolicyReport(ON, entries))
    return [r.status for r in result.rows], result.percent, [f.code for f in result.findings]


def test_due_on_the_day_is_in_date_and_the_day_before_is_overdue() -> None:
    """Next review due Mon 6 Jan 2025 on 6 Jan: in date; due Sun 5 Jan: overdue. Clinical
    governance not applicable: 1 of 2 applicable in date = 50.0 %."""
    assert (
        [PolicyStatus.IN_DATE, PolicyStatus.OVERDUE, PolicyStatus.NOT_APPLICABLE],
        Decimal("50.0"),
        ["policies.overdue"],
    ) == statuses(
        PolicyEntry("health and safety", D(2024, 1, 6), ON),
        PolicyEntry("Lone working", D(2024, 1, 5), D(2025, 1, 5)),
        PolicyEntry("Clinical governance (where relevant)", not_applicable=True),
    )


def test_missing_dates_a_future_review_and_a_refused_not_applicable_are_not_in_date() -> None:
    """Health & Safety with no next_due, Lone working reviewed after the report's day,
    clinical governance not reported at all: 0 of 3 = 0.0 %. A non-optional policy marked
    not applicable is refused and counted as not in date; a duplicate is reported."""
    assert (
        [PolicyStatus.NOT_REPORTED] * 3,
        Decimal("0.0"),
        ["policies.date.missing", "policies.date.future", "policies.not-reported"],
    ) == statuses(
        PolicyEntry("Health & Safety", D(2024, 1, 6)),
        PolicyEntry("Lone working", D(2025, 1, 7), D(2026, 1, 7)),
    )
    _, _, codes = statuses(
        PolicyEntry("Health & Safety", not_applicable=True),
        PolicyEntry("Health & Safety", D(2024, 1, 6), ON),
    )
    assert ["policies.duplicate", "policies.not-applicable.refused"] == sorted(codes)[:2]


def test_two_thirds_rounds_half_up_to_one_place() -> None:
    """2 of 3 in date = 66.666... = 66.7 %."""
    _, percent, _ = statuses(
        PolicyEntry("Health & Safety", D(2024, 1, 6), ON),
        PolicyEntry("Lone working", D(2024, 1, 6), ON),
    )
    assert Decimal("66.7") == percent
