"""Plymouth's KPI: organisational policies and procedures kept up to date (8.1)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal

import attrs

from childcare_commissioning.model import Finding, Severity
from childcare_commissioning_plymouth._cite import cite

__all__ = ["POLICIES", "PolicyReview", "policy_kpi"]

#: The sixteen policies and procedures of the KPI, in the text's order.
POLICIES = (
    "Behaviour Management policy including restraint",
    "Clinical governance structure (where relevant)",
    "Data Protection / Information Governance",
    "Equality & Diversity",
    "Food hygiene",
    "Health & Safety",
    "Infection Prevention and Control (IPC)",
    "Lone working policy",
    "Manual (Person) Handling",
    "Medication administration",
    "Missing Person protocol",
    "Quality Management and Improvement",
    "Reporting procedures (Significant and notifiable events)",
    "Safeguarding Adults",
    "Safeguarding Children",
    "Staff Handbook & Code of Conduct",
)
KPI_CITE = cite(
    "8.1 Key Performance Indicators",
    "100% of policies reviewed / updated within appropriate timescale",
)


@attrs.frozen
class PolicyReview:
    """One row of the quarterly report: last review, next due, key changes."""

    last_reviewed: dt.date
    next_due: dt.date
    key_changes: str = ""


def policy_kpi(reviews: Mapping[str, PolicyReview], on: dt.date) -> tuple[Decimal, list[Finding]]:
    """The percentage of the sixteen policies within their review timescale on ``on``
    (target 100%), and a finding for each missing or overdue one."""
    findings = []
    for policy in POLICIES:
        review = reviews.get(policy)
        if review is None:
            findings.append(
                Finding(
                    Severity.ERROR,
                    "plymouth.kpi.policy-missing",
                    f"no review recorded for {policy!r}",
                    "$.policies",
                    KPI_CITE,
                )
            )
        elif review.next_due < on:
            findings.append(
                Finding(
                    Severity.ERROR,
                    "plymouth.kpi.policy-overdue",
                    f"{policy!r} was due for review on {review.next_due.isoformat()}",
                    "$.policies",
                    KPI_CITE,
                )
            )
    within = len(POLICIES) - len(findings)
    return (Decimal(100) * within / len(POLICIES)).quantize(Decimal("0.1")), findings
