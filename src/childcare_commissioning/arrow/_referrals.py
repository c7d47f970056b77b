"""Ages, decisions and reasons for a table of referrals (:func:`referral_decisions`)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from childcare_commissioning.arrow._base import (
    REFERRAL_DECISIONS_SCHEMA,
    ArrowInputError,
    Data,
    OnError,
    _as_batches,
    _citation,
    _Councils,
    _describe,
    _nest,
    _problem_column,
    _run_rows,
    _table,
)
from childcare_commissioning.convert import structure
from childcare_commissioning.errors import ConversionError, ModelValueError
from childcare_commissioning.model.referral import Referral
from childcare_commissioning.referrals import check_referral
from childcare_commissioning.registry import Registry

#: Input column -> the referral document's JSON path (see ``referral.schema.json``).
REFERRAL_COLUMNS: dict[str, str] = {
    "referral_id": "id",
    "council": "council",
    "received_at": "received_at",
    "urgency": "urgency",
    "referrer_role": "referrer.role",
    "referrer_organisation": "referrer.organisation",
    "child_id": "child.id",
    "date_of_birth": "child.date_of_birth",
    "statuses": "child.statuses",
    "area": "child.area",
    "service": "service",
    "route": "route",
    "channel": "channel",
    "requested_services": "requested_services",
    "risks": "risks",
    "distance_miles": "distance_miles",
    "identified_eligible": "identified_eligible",
}
_REFERRAL_REQUIRED = (
    "referral_id",
    "council",
    "received_at",
    "urgency",
    "referrer_role",
    "child_id",
)


def referral_decisions_batches(
    batches: Iterable[Any], *, registry: Registry | None = None, on_error: OnError = "raise"
) -> Iterator[Any]:
    """The iterator form of :func:`referral_decisions`: one output batch per input batch."""
    councils = _Councils(registry)
    name = "referral_decisions"

    def answer(row: dict[str, Any], index: int) -> dict[str, Any]:
        for column in _REFERRAL_REQUIRED:
            if row.get(column) is None:
                raise ArrowInputError(name, column, index, "is empty")
        try:
            spec = councils.spec(row["council"])
        except LookupError as error:
            raise ArrowInputError(name, "council", index, str(error)) from None
        try:
            referral = structure(_nest(row, REFERRAL_COLUMNS), Referral)
        except (ConversionError, ModelValueError) as error:
            column = _problem_column(error, REFERRAL_COLUMNS, "referral_id")
            raise ArrowInputError(name, column, index, _describe(error)) from None
        decision = check_referral(spec, referral)
        codes = [f.code for f in decision.findings]
        prefix = "eligibility.cohort."
        return {
            "referral_id": decision.referral_id,
            "council": decision.council,
            "service": decision.service,
            "age": decision.age,
            "outcome": str(decision.outcome),
            "cohorts": [
                c[len(prefix) :] for c in codes if c.startswith(prefix) and c != prefix + "none"
            ],
            "rule_ids": codes,
            "findings": [
                {
                    "code": f.code,
                    "severity": str(f.severity),
                    "message": f.message,
                    "path": f.path,
                    **_citation(f.citation),
                }
                for f in decision.findings
            ],
            "error": None,
        }

    def failed(row: dict[str, Any], message: str) -> dict[str, Any]:
        return {
            "referral_id": row.get("referral_id"),
            "council": row.get("council"),
            "error": message,
        }

    yield from _run_rows(
        batches,
        name,
        _REFERRAL_REQUIRED,
        tuple(REFERRAL_COLUMNS),
        answer,
        failed,
        REFERRAL_DECISIONS_SCHEMA,
        on_error,
    )


def referral_decisions(
    referrals: Data, *, registry: Registry | None = None, on_error: OnError = "raise"
) -> Any:
    """Ages, decisions and reasons for a table of referrals.

    Columns in (see :data:`REFERRAL_COLUMNS`): required ``referral_id``, ``council``,
    ``received_at`` (timestamp with a time zone), ``urgency``, ``referrer_role``,
    ``child_id``; optional ``date_of_birth`` (date), ``statuses`` (list of strings),
    ``area``, ``service``, ``route``, ``channel``, ``referrer_organisation``,
    ``requested_services``, ``risks`` (lists of strings), ``distance_miles`` (decimal),
    ``identified_eligible`` (bool). A null is "not given". Out: one row per referral,
    columns :data:`REFERRAL_DECISIONS_SCHEMA`: the age on the council's local date of
    receipt, the outcome of :func:`~childcare_commissioning.referrals.check_referral`,
    the cohorts the child is in, and every finding with its code (the rule id) and
    citation.
    """
    batches = _as_batches(referrals, "referral_decisions")
    return _table(
        referral_decisions_batches(batches, registry=registry, on_error=on_error),
        REFERRAL_DECISIONS_SCHEMA,
    )
