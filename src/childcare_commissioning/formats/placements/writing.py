"""Writing a Placement record back: the modelled fields from the Referral, the weekly
costs, every other field of the source unchanged."""

from __future__ import annotations

import copy
import json
import secrets
from decimal import Decimal
from typing import Any

from childcare_commissioning.errors import ConversionError, Problem
from childcare_commissioning.formats.placements.reading import PlacementRecord
from childcare_commissioning.formats.placements.validation import validate
from childcare_commissioning.formats.placements.vocabulary import (
    _COST_FIELDS,
    LONDON,
    RISK_FIELDS,
    URGENCY,
    concept,
)

__all__ = ["dumps", "write_placement"]


def _keep(scheme: str, old: Any, new_local: str) -> Any:
    """The source's own spelling when it means the same concept, else the local name."""
    if isinstance(old, str) and concept(scheme, old) == new_local:
        return old
    return new_local


def _amount(old: Any, amount: Decimal) -> Any:
    """A weekly cost as the record carries it: the source's own value when it is the same
    amount (the standard's examples write JSON numbers, ``4500.00``), else the amount as a
    string of pounds and pence, ``"350.25"``, which the context types ``xsd:decimal``.
    Never a JSON number with pence: JSON-LD converts one as a double (``3.5025E2``), which
    is no ``xsd:decimal``, and the standard's validator refuses it (reading
    ``placements-decimal-amounts``)."""
    if isinstance(old, int | str | Decimal) and not isinstance(old, bool):
        try:
            if Decimal(old) == amount:
                return old
        except ArithmeticError:  # a string that is not a number: replaced
            pass
    return f"{amount:.2f}"


def write_placement(record: PlacementRecord) -> dict[str, Any]:
    """The Placement record of ``record``: the source, with childId, neededBy, the eleven
    risk fields, referralDate and referralOfficerName written from the referral, and the
    ActualPlacement's costs from ``record.costs`` (when set); validated before it is
    returned. Raises :class:`~childcare_commissioning.errors.ConversionError` if the
    result would not be a valid record (costs set on a record with no ActualPlacement)."""
    out: dict[str, Any] = copy.deepcopy(dict(record.source))
    referral = record.referral
    out["childId"] = referral.child.id
    availability = out["placementAvailability"]
    needed = {u: k for k, u in URGENCY.items()}[referral.urgency]
    availability["neededBy"] = _keep("neededBy", availability.get("neededBy"), needed)
    assessment = out["riskAssessment"]
    for field, risk_id in RISK_FIELDS.items():
        level = "RiskPresent" if risk_id in referral.risks else "NoKnownRisk"
        assessment[field] = _keep("risk", assessment.get(field), level)
    qa = out["qualityAssurance"]
    qa["referralDate"] = referral.received_at.astimezone(LONDON).date().isoformat()
    if referral.referrer.name is not None:
        qa["referralOfficerName"] = referral.referrer.name
    else:
        qa.pop("referralOfficerName", None)
    if record.costs is not None:
        actual = out.get("actualPlacement")
        if not isinstance(actual, dict):
            raise ConversionError(
                "a Placements Data Standard v2 record",
                [
                    Problem(
                        "$.actualPlacement",
                        "the record has no ActualPlacement to write the costs into; add its "
                        "placementType, providerURN, placementLocation, isLocationPreferred, "
                        "isEducationContinuous and siblingsPlacedTogether first",
                        "placements-actual-placement",
                    )
                ],
            )
        for name, key in _COST_FIELDS:
            amount: Decimal = getattr(record.costs, name)
            if key in actual or amount:
                actual[key] = _amount(actual.get(key), amount)
        actual["totalWeeklyCost"] = _amount(actual.get("totalWeeklyCost"), record.costs.total)
    validate(out)
    return out


def dumps(document: Any, indent: int | None = 2) -> str:
    """``document`` as JSON text, ``Decimal`` amounts written as JSON numbers with their
    exact digits (``4500.00``), never through float."""
    token = secrets.token_hex(8)
    numbers: dict[str, str] = {}

    def mark(value: Any) -> Any:
        if isinstance(value, Decimal):
            key = f"{token}:{len(numbers)}"
            numbers[key] = format(value, "f")
            return key
        if isinstance(value, dict):
            return {k: mark(v) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return [mark(v) for v in value]
        return value

    text = json.dumps(mark(document), indent=indent, ensure_ascii=False)
    for key, number in numbers.items():
        text = text.replace(json.dumps(key), number, 1)
    return text
