"""The Children's Social Care Placements Data Standard (v2, SocialCareData).

A *Placement* record (JSON-LD, in the compact form of the standard's context) holds a
placement referral (PlacementAvailability, PlacementRequirements, PlacementRecommendation,
RiskAssessment, QualityAssurance) and, once a placement is agreed, its ActualPlacement
(type, provider, location and weekly costs). This module:

- :func:`validate` checks a record against the JSON Schema shipped with the library
  (``placements-v2.schema.json``), a clause-by-clause translation of the standard's SHACL
  shape: the standard publishes SHACL, not a JSON Schema. Needs the ``placements`` extra
  (``jsonschema``); nothing here imports it until a record is validated.
- :func:`read_placement` reads a record into a :class:`~childcare_commissioning.model.Referral`
  that :func:`~childcare_commissioning.referrals.check_referral` can check, with the weekly
  costs (:class:`WeeklyCosts`) when the record has an ActualPlacement, and
  :class:`~childcare_commissioning.model.Finding` s for every reading it made.
- :func:`weekly_costs` prices a :class:`~childcare_commissioning.model.Package` for one
  week from its :class:`~childcare_commissioning.billing.Quotation`, and
  :func:`write_placement` writes a record back: the fields the Referral models from the
  Referral, the costs from :class:`WeeklyCosts`, and every other field of the source
  carried through unchanged.

Errors name the JSON path and the rule (the SHACL shape's own message where it has one),
never a value: records carry officers' names and free text about a child.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import secrets
from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Final
from zoneinfo import ZoneInfo

import attrs

from childcare_commissioning.billing.terms import Quotation, RateCondition
from childcare_commissioning.errors import (
    CommissioningError,
    ConversionError,
    ModelValueError,
    Problem,
)
from childcare_commissioning.model.core import Finding, Severity
from childcare_commissioning.model.package import Package
from childcare_commissioning.model.people import ChildOrYoungPerson, Status
from childcare_commissioning.model.referral import Referral, Referrer, Urgency
from childcare_commissioning.money import PENNY, Rounding, to_penny

__all__ = [
    "DEFAULT_REFERRER_ROLE",
    "RISK_FIELDS",
    "SCHEMA_NAME",
    "URGENCY",
    "PlacementRecord",
    "WeeklyCosts",
    "concept",
    "dumps",
    "read_placement",
    "schema",
    "validate",
    "weekly_costs",
    "with_costs",
    "write_placement",
]

SCHEMA_NAME: Final = "placements-v2.schema.json"
"""The JSON Schema file shipped in this package (see the module docstring)."""

LONDON: Final = ZoneInfo("Europe/London")

#: Whom a record's referral is taken to come from when the caller does not say: the
#: standard assumes "Placement teams rather than social workers or finance teams will
#: either directly enter or 'own' the data" (reading ``placements-referrer``).
DEFAULT_REFERRER_ROLE: Final = "placements-team"

_BASE = "https://ns.socialcaredata.io/placements/"

# Each controlled field: its concept scheme (prefix, namespace) and, per concept, the labels
# the standard's context.jsonld maps to it. Taken from shacl-shape.ttl (sh:in) and
# context.jsonld at SocialCareData/standard 8c2f0739.
_SCHEMES: Final[dict[str, tuple[str, str, dict[str, tuple[str, ...]]]]] = {
    "neededBy": (
        "pu",
        "placement-urgency",
        {"Today": (), "WithinFiveDays": ("< 5 days",), "MoreThanFiveDays": ("> 5 days",)},
    ),
    "outOfLAReason": (
        "olr",
        "outof-la-reason",
        {
            "SafeguardingConcerns": ("Safeguarding concerns",),
            "BailConditions": ("Bail conditions",),
            "CourtOrder": ("Court order",),
            "OutOfLAReasonOther": ("Other",),
        },
    ),
    "communicationNeeds": (
        "yns",
        "presence-status",
        {"Yes": (), "No": (), "NotSpecified": ("Not Specified",)},
    ),
    "specificCommunicationRequirement": (
        "cn",
        "communication-need",
        {"ESOL": (), "BSL": (), "Makaton": (), "Other": (), "None": ()},
    ),
    "culturalNeeds": (
        "cln",
        "cultural-need",
        {
            "Required": (),
            "NotRequired": ("Not Required",),
            "NotKnown": ("Not Known",),
            "Other": (),
        },
    ),
    "livingCompanions": (
        "la",
        "living-arrangement",
        {
            "SoloPlacement": ("Solo placement recommended",),
            "WithOtherChildren": ("With Other children recommended",),
            "OnlyWithOlderChildren": ("Only With Other older children",),
            "OnlyWithYoungerChildren": ("Only With Other younger children",),
            "NoPreference": ("No preference",),
        },
    ),
    "pets": (
        "pa",
        "pets-allowance",
        {"YesMust": ("Yes-must",), "YesCan": ("Yes-can",), "No": (), "NotKnown": ("Not known",)},
    ),
    "additionalSupport": (
        "st",
        "support-type",
        {
            "AdditionalSupervision": ("Additional supervision",),
            "TherapeuticSupport": ("Therapeutic support",),
            "WorkerForRespite": ("A worker for respite",),
            "TaxisToSchool": ("Taxis to school",),
            "NotApplicable": ("NA",),
            "Other": (),
        },
    ),
    "suitability": (
        "sl",
        "suitability-level",
        {
            "Preferred": (),
            "SuitableButNotPreferred": ("Suitable but not preferred",),
            "Unsuitable": (),
            "NotSpecified": ("Not specified",),
        },
    ),
    "risk": (
        "rl",
        "risk-level",
        {"NoKnownRisk": ("No known risk",), "RiskPresent": ("Risk Present",)},
    ),
    "placementType": (
        "pt",
        "placement-type",
        {"Foster": (), "Residential": (), "SupportedAccommodation": ("Supported Accommodation",)},
    ),
}


def concept(scheme: str, value: str) -> str:
    """The local name of the concept ``value`` denotes in ``scheme`` (a field name of the
    standard, or ``"suitability"``/``"risk"``): ``"< 5 days"``, ``"WithinFiveDays"``,
    ``"pu:WithinFiveDays"`` and the full IRI all give ``"WithinFiveDays"``. Raises
    :class:`ModelValueError` for a value the scheme does not have (not repeating it)."""
    prefix, namespace, table = _SCHEMES[scheme]
    for local, labels in table.items():
        if value in (local, *labels, f"{prefix}:{local}", f"{_BASE}{namespace}#{local}"):
            return local
    raise ModelValueError(scheme, "controlled-vocabulary", f"is not a {namespace} concept")


#: How the standard's neededBy maps to the library's urgency (reading
#: ``placements-urgency``): needed today is an emergency, within five days urgent, later
#: standard.
URGENCY: Final[dict[str, Urgency]] = {
    "Today": Urgency.EMERGENCY,
    "WithinFiveDays": Urgency.URGENT,
    "MoreThanFiveDays": Urgency.STANDARD,
}

#: The RiskAssessment fields and the risk ids a Referral lists when the field is "Risk
#: Present" (every field is required; "No known risk" lists nothing).
RISK_FIELDS: Final[dict[str, str]] = {
    "riskSelfHarm": "self-harm",
    "riskSexualExploitation": "sexual-exploitation",
    "riskCriminalExploitation": "criminal-exploitation",
    "riskDrugAlcohol": "drug-and-alcohol-use",
    "riskEatingDisorder": "eating-disorder",
    "riskMissing": "going-missing",
    "riskToOthersPhysical": "physical-harm-to-others",
    "riskToOthersSexual": "sexual-harm-to-others",
    "riskToOthersFire": "fire-setting",
    "riskToOthersAnimals": "harm-to-animals",
    "riskToOthersCriminal": "criminal-exploitation-of-others",
}

# Referral.information items read from the record: (block, field, information key).
_INFORMATION: Final = (
    ("placementAvailability", "siblingCount", "sibling_count"),
    ("placementAvailability", "isPreferredLocationLocal", "preferred_location_local"),
    ("placementAvailability", "outOfLAReason", "out_of_la_reason"),
    ("placementAvailability", "outOfLAReasonOther", "out_of_la_reason_other"),
    ("placementRequirements", "communicationNeeds", "communication_needs"),
    (
        "placementRequirements",
        "specificCommunicationRequirement",
        "specific_communication_requirements",
    ),
    (
        "placementRequirements",
        "specificCommunicationRequirementOther",
        "specific_communication_requirements_other",
    ),
    ("placementRequirements", "culturalNeeds", "cultural_needs"),
    ("placementRequirements", "culturalNeedsOther", "cultural_needs_other"),
    ("placementRequirements", "livingCompanions", "living_companions"),
    ("placementRequirements", "pets", "pets"),
    ("placementRequirements", "additionalSupport", "additional_support"),
    ("placementRequirements", "additionalSupportOther", "additional_support_other"),
    ("placementRequirements", "homeAdaptationRequired", "home_adaptation_required"),
    ("placementRequirements", "deprivationOfLiberty", "deprivation_of_liberty"),
    ("placementRecommendation", "fosterCareSuitability", "foster_care_suitability"),
    ("placementRecommendation", "residentialCareSuitability", "residential_care_suitability"),
    (
        "placementRecommendation",
        "supportedAccommodationSuitability",
        "supported_accommodation_suitability",
    ),
)

_COST_FIELDS: Final = (
    ("core", "coreWeeklyCost"),
    ("additional_support", "additionalSupportWeeklyCost"),
    ("education", "educationWeeklyCost"),
    ("other", "otherWeeklyCost"),
)


# -- validation -------------------------------------------------------------------------


def schema() -> dict[str, Any]:
    """The JSON Schema of a Placement record (a fresh copy)."""
    from importlib.resources import files

    text = files("childcare_commissioning.formats").joinpath(SCHEMA_NAME).read_text("utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def _problem(error: Any) -> Problem:
    """A schema error as a Problem: the JSON path, what the rule says (the shape's
    message, or the field that is missing), the keyword as the rule; never the value."""
    path = error.json_path
    keyword = error.validator
    if keyword == "required":
        present = error.instance if isinstance(error.instance, dict) else {}
        missing = [name for name in error.validator_value if name not in present]
        described = error.schema.get("description")
        message = described or "required"
        return Problem(
            f"{path}.{missing[0]}" if missing else path,
            f"is missing: {message}" if described else "is required (missing)",
            "placements-required",
        )
    described = error.schema.get("description")
    if described is None and error.parent is not None:
        described = error.parent.schema.get("description")
    rules = {
        "enum": "is not one of the concepts allowed",
        "anyOf": "is not one of the concepts allowed",
        "type": f"must be of JSON type {error.validator_value}",
        "minimum": f"must be at least {error.validator_value}",
        "maximum": f"must be at most {error.validator_value}",
        "pattern": "does not match the pattern the standard requires",
        "maxLength": f"must be at most {error.validator_value} characters",
        "minItems": f"must have at least {error.validator_value} item(s)",
        "format": f"must be a valid {error.validator_value}",
    }
    message = rules.get(keyword, f"breaks the schema's {keyword!r} rule")
    if described:
        message = f"{message} ({described})"
    return Problem(path, message, f"placements-{keyword}")


def _no_floats(value: Any, path: str, found: list[Problem]) -> None:
    """JSON's NaN and Infinity (the only floats :func:`parse_json` lets through) are not
    numbers the standard can hold."""
    if isinstance(value, float):
        found.append(Problem(path, "must be a finite number", "placements-number"))
    elif isinstance(value, dict):
        for key, item in value.items():
            _no_floats(item, f"{path}.{key}", found)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _no_floats(item, f"{path}[{index}]", found)


def validate(document: Any) -> None:
    """Check ``document`` against the Placement record schema; raise
    :class:`~childcare_commissioning.errors.ConversionError` listing every problem (path,
    rule, never the value). Needs the ``placements`` extra."""
    try:
        import jsonschema
    except ImportError:  # pragma: no cover - the test environment installs the extra
        raise CommissioningError(
            "validating a Placements Data Standard record needs jsonschema: "
            "pip install 'childcare-commissioning[placements]' [extra-installed]"
        ) from None
    problems: list[Problem] = []
    _no_floats(document, "$", problems)
    validator = jsonschema.Draft202012Validator(
        schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    errors = sorted(validator.iter_errors(document), key=lambda e: list(map(str, e.path)))
    problems.extend(_problem(error) for error in errors)
    if problems:
        raise ConversionError("a Placements Data Standard v2 record", problems)


# -- costs ------------------------------------------------------------------------------


def _pounds(_: object, attribute: attrs.Attribute[Any], value: Decimal) -> None:
    if not isinstance(value, Decimal) or not value.is_finite():
        raise ModelValueError(attribute.name, "decimal-pounds", "must be a Decimal amount")
    if value < 0:
        raise ModelValueError(attribute.name, "non-negative", "must not be negative")
    if value != value.quantize(PENNY):
        raise ModelValueError(attribute.name, "whole-pennies", "must be whole pennies")


@attrs.frozen
class WeeklyCosts:
    """A placement's weekly costs as the standard's ActualPlacement breaks them down,
    ``Decimal`` pounds in whole pennies. ``total`` is the sum of the four parts, so it
    reconciles to the penny by construction."""

    core: Decimal = attrs.field(validator=_pounds)
    additional_support: Decimal = attrs.field(default=Decimal("0.00"), validator=_pounds)
    education: Decimal = attrs.field(default=Decimal("0.00"), validator=_pounds)
    other: Decimal = attrs.field(default=Decimal("0.00"), validator=_pounds)

    @property
    def total(self) -> Decimal:
        """``core + additional_support + education + other``: totalWeeklyCost."""
        return self.core + self.additional_support + self.education + self.other


def weekly_costs(
    package: Package,
    quotation: Quotation,
    on: dt.date,
    *,
    additional_support: Decimal = Decimal(0),
    education: Decimal = Decimal(0),
    other: Decimal = Decimal(0),
    rounding: Rounding = Rounding.HALF_UP,
) -> WeeklyCosts:
    """The weekly costs of ``package`` in the week of ``on``.

    The core cost is the package's ``hours_per_week`` at the quotation's standard hourly
    rate in effect on ``on`` (the latest with ``effective_from`` on or before it), times
    the staff ratio's staff per person (a 2:1 package pays two workers for each hour, as
    the invoice run bills each worker's visit; 1:2 half a worker: reading
    ``placements-staff-ratio``), rounded to the penny with ``rounding``; night, weekend
    and bank-holiday rates depend on when the hours fall, which a weekly figure does not
    know, so they are not used. The other
    parts are what the caller gives (the library does not price education or additional
    support), each rounded the same way.
    """
    if quotation.package_id != package.id:
        raise ModelValueError(
            "quotation.package_id", "quotation-for-package", "is for another package"
        )
    if package.hours_per_week is None:
        raise ModelValueError(
            "package.hours_per_week", "hours-known", "is needed to price the core weekly cost"
        )
    if on < package.start or (package.end is not None and on > package.end):
        raise ModelValueError("on", "in-package", "is outside the package's dates")
    standard = [
        r
        for r in quotation.rates
        if r.condition is RateCondition.STANDARD and r.effective_from <= on
    ]
    if not standard:
        raise ModelValueError(
            "quotation.rates", "rate-in-effect", "has no standard rate in effect on that date"
        )
    rate = max(standard, key=lambda r: r.effective_from)
    ratio = package.staff_ratio
    staff_hours = package.hours_per_week
    if ratio is not None:
        staff_hours = staff_hours * ratio.staff / ratio.people
    return WeeklyCosts(
        core=to_penny(staff_hours * rate.amount, rounding),
        additional_support=to_penny(Decimal(additional_support), rounding),
        education=to_penny(Decimal(education), rounding),
        other=to_penny(Decimal(other), rounding),
    )


# -- reading ----------------------------------------------------------------------------


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
        found.append(
            Finding(
                Severity.INFO,
                "placements.received-at.start-of-day",
                "the record gives the referral's date only: received at 00:00 Europe/London "
                "that day (give the time to judge deadlines in hours)",
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


# -- writing ----------------------------------------------------------------------------


def _keep(scheme: str, old: Any, new_local: str) -> Any:
    """The source's own spelling when it means the same concept, else the local name."""
    if isinstance(old, str) and concept(scheme, old) == new_local:
        return old
    return new_local


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
                actual[key] = amount
        actual["totalWeeklyCost"] = record.costs.total
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
