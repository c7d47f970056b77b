"""Reading a Placement record into a Referral, its weekly costs and the readings made."""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import attrs

from childcare_commissioning.errors import ModelValueError
from childcare_commissioning.formats.placements.costs import WeeklyCosts
from childcare_commissioning.formats.placements.validation import validate
from childcare_commissioning.formats.placements.vocabulary import (
    _COST_FIELDS,
    _INFORMATION,
    _SCHEMES,
    DEFAULT_REFERRER_ROLE,
    LONDON,
    RISK_FIELDS,
    URGENCY,
    concept,
)
from childcare_commissioning.model.core import Finding, Severity
from childcare_commissioning.model.people import ChildOrYoungPerson, Status
from childcare_commissioning.model.referral import Referral, Referrer

__all__ = ["PlacementRecord", "read_placement", "with_costs"]


@attrs.frozen
class PlacementRecord:
    """A Placement record read: the referral, the weekly costs (when the record has an
    ActualPlacement whose parts add up to its total), every reading made as a finding,
    and the source document (kept whole, hidden from ``repr``) that
    :func:`write_placement` carries the unmodelled fields from."""

    referral: Referral
    costs: WeeklyCosts | None
    findings: tuple[Finding, ...]
    source: Mapping[str, Any] = attrs.field(repr=False, eq=False)


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return "; ".join(_text(v) for v in value)
    return str(value)


def _vocabulary(field: str) -> str | None:
    if field in _SCHEMES:
        return field
    if field.endswith("Suitability"):
        return "suitability"
    return None


def _information(document: Mapping[str, Any], risks: tuple[str, ...]) -> dict[str, str]:
    items: dict[str, str] = {}
    for block, field, key in _INFORMATION:
        value = document.get(block, {}).get(field)
        if value is None:
            continue
        scheme = _vocabulary(field)
        if scheme is not None:
            value = (
                [concept(scheme, v) for v in value]
                if isinstance(value, list)
                else concept(scheme, value)
            )
        items[key] = _text(value)
    if not risks:
        # Every risk field is required; all "No known risk" says so in terms Stoke's
        # "(say 'none known' if none)" asks for.
        items["safeguarding_risks"] = "none known"
    return items


def _referral_id(document: Mapping[str, Any]) -> str:
    for candidate in (
        document.get("placementId"),
        document.get("placementAvailability", {}).get("placementId"),
        document.get("@id"),
        document.get("childId"),
    ):
        if isinstance(candidate, str) and candidate.strip():
            return candidate
    raise ModelValueError("childId", "non-empty", "must not be empty")  # pragma: no cover


def _read_costs(actual: Mapping[str, Any], found: list[Finding]) -> WeeklyCosts | None:
    given = {name: actual[key] for name, key in _COST_FIELDS if key in actual}
    if not given:
        found.append(
            Finding(
                Severity.INFO,
                "placements.costs.total-only",
                "the ActualPlacement gives only totalWeeklyCost, no breakdown: costs are "
                "not read into WeeklyCosts; the total is carried through unchanged",
                "$.actualPlacement.totalWeeklyCost",
            )
        )
        return None
    if "core" not in given:
        found.append(
            Finding(
                Severity.WARNING,
                "placements.costs.no-core",
                "the ActualPlacement breaks its costs down but gives no coreWeeklyCost: "
                "costs are not read into WeeklyCosts; they are carried through unchanged",
                "$.actualPlacement.coreWeeklyCost",
            )
        )
        return None
    try:
        costs = WeeklyCosts(**{name: Decimal(value) for name, value in given.items()})
    except ModelValueError as exc:
        found.append(
            Finding(
                Severity.WARNING,
                "placements.costs.unread",
                f"a weekly cost part cannot be read as whole pennies ({exc.field}): costs "
                "are carried through unchanged",
                "$.actualPlacement",
            )
        )
        return None
    if costs.total != Decimal(actual["totalWeeklyCost"]):
        found.append(
            Finding(
                Severity.WARNING,
                "placements.costs.unreconciled",
                "the weekly cost parts given (absent parts read as £0.00) do not add up to "
                "totalWeeklyCost: costs are carried through unchanged",
                "$.actualPlacement.totalWeeklyCost",
            )
        )
        return None
    return costs


def read_placement(
    document: Any,
    *,
    council: str | None = None,
    service: str | None = None,
    referrer: Referrer | None = None,
    received_at: dt.datetime | None = None,
    child: ChildOrYoungPerson | None = None,
) -> PlacementRecord:
    """Read a Placement record (validated first) into a :class:`PlacementRecord`.

    The record does not say who referred, when in the day, nor the child's personal
    details; the caller may give them (``referrer``; ``received_at``, which must fall on
    the record's referralDate in Europe/London; ``child``, whose id must be the record's
    childId). Without them: the referrer is :data:`DEFAULT_REFERRER_ROLE` named by
    referralOfficerName, received at the start of referralDate (Europe/London), the
    child known only by childId. Either way the child is looked after (the standard is
    for "children in care at the point they are referred for placement"). Each reading
    taken is a finding.
    """
    validate(document)
    found: list[Finding] = []
    qa = document["qualityAssurance"]
    referral_date = dt.date.fromisoformat(qa["referralDate"][:10])
    if received_at is None:
        received_at = dt.datetime.combine(referral_date, dt.time(0), tzinfo=LONDON)
        timed = len(str(qa["referralDate"]).strip()) > 10
        found.append(
            Finding(
                Severity.WARNING if timed else Severity.INFO,
                "placements.received-at.start-of-day",
                (
                    "the record's referralDate carries a time of day, which the standard's "
                    "date field does not: only its date is read, received at 00:00 "
                    "Europe/London (give the time as received_at to judge deadlines in hours)"
                    if timed
                    else "the record gives the referral's date only: received at 00:00 "
                    "Europe/London that day (give the time to judge deadlines in hours)"
                ),
                "$.qualityAssurance.referralDate",
            )
        )
    else:
        if received_at.tzinfo is None or received_at.utcoffset() is None:
            raise ModelValueError("received_at", "timezone-aware", "must have a timezone")
        if received_at.astimezone(LONDON).date() != referral_date:
            raise ModelValueError(
                "received_at",
                "received-on-referral-date",
                "must fall on the record's qualityAssurance.referralDate (Europe/London)",
            )
    officer = qa.get("referralOfficerName")
    if referrer is None:
        referrer = Referrer(role=DEFAULT_REFERRER_ROLE, name=officer)
        found.append(
            Finding(
                Severity.INFO,
                "placements.referrer.placements-team",
                f"the record does not say who referred: read as the council's placements "
                f"team (role {DEFAULT_REFERRER_ROLE!r}); give the referrer to check a route",
                "$.qualityAssurance",
            )
        )
    elif referrer.name is None and officer is not None:
        referrer = attrs.evolve(referrer, name=officer)
    child_id = document["childId"]
    if child is None:
        child = ChildOrYoungPerson(id=child_id, statuses=frozenset({Status.LOOKED_AFTER}))
    elif child.id != child_id:
        raise ModelValueError("child.id", "child-id-matches", "is not the record's childId")
    else:
        child = attrs.evolve(child, statuses=child.statuses | {Status.LOOKED_AFTER})
    assessment = document["riskAssessment"]
    risks = tuple(
        risk_id
        for field, risk_id in RISK_FIELDS.items()
        if concept("risk", assessment[field]) == "RiskPresent"
    )
    needed_by = concept("neededBy", document["placementAvailability"]["neededBy"])
    referral = Referral(
        id=_referral_id(document),
        received_at=received_at,
        urgency=URGENCY[needed_by],
        referrer=referrer,
        child=child,
        council=council,
        service=service,
        risks=risks,
        information=_information(document, risks),
    )
    actual = document.get("actualPlacement")
    costs = _read_costs(actual, found) if actual is not None else None
    kept = _not_in_referral(document)
    if kept:
        found.append(
            Finding(
                Severity.INFO,
                "placements.kept-in-record",
                "not part of the Referral, kept in the record and written back unchanged "
                f"(the weekly costs also as PlacementRecord.costs): {', '.join(kept)}",
                "$",
            )
        )
    return PlacementRecord(referral, costs, tuple(found), copy.deepcopy(document))


def _not_in_referral(document: Mapping[str, Any]) -> list[str]:
    """The paths of the record's fields the Referral does not hold (names, never values)."""
    read = {"childId", "placementAvailability.neededBy", "qualityAssurance.referralDate"}
    read |= {"qualityAssurance.referralOfficerName", "placementId"}
    read |= {f"riskAssessment.{field}" for field in RISK_FIELDS}
    read |= {f"{block}.{field}" for block, field, _ in _INFORMATION}
    if "placementId" not in document:
        read.add("placementAvailability.placementId")
        if "placementAvailability" not in document or (
            "placementId" not in document["placementAvailability"]
        ):
            read.add("@id")
    paths = []
    for key, value in document.items():
        if isinstance(value, dict):
            paths += [f"{key}.{inner}" for inner in value if f"{key}.{inner}" not in read]
        elif key not in read:
            paths.append(key)
    return [f"$.{path}" for path in paths]


def with_costs(record: PlacementRecord, costs: WeeklyCosts) -> PlacementRecord:
    """``record`` with its weekly costs replaced (the source is not changed)."""
    return attrs.evolve(record, costs=costs)
