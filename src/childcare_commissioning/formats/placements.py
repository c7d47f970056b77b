"""The Children's Social Care Placements Data Standard (v2, SocialCareData).

A *Placement* record (JSON-LD, in the compact form of the standard's context) holds a
placement referral (PlacementAvailability, PlacementRequirements, PlacementRecommendation,
RiskAssessment, QualityAssurance) and, once a placement is agreed, its ActualPlacement
(type, provider, location and weekly costs). This module:

- :func:`validate` checks a record against the standard's own SHACL shape
  (``placements_v2/shacl-shape.ttl``, shipped unchanged) with pyshacl, on the RDF that
  rdflib's JSON-LD parser reads using the standard's context (``placements_v2/context.jsonld``,
  shipped unchanged; a record's own ``@context`` reference is never fetched). Needs the
  ``placements`` extra (``pyshacl``, which brings ``rdflib``); nothing here imports them
  until a record is validated.
- :func:`read_placement` reads a record into a :class:`~childcare_commissioning.model.Referral`
  that :func:`~childcare_commissioning.referrals.check_referral` can check, with the weekly
  costs (:class:`WeeklyCosts`) when the record has an ActualPlacement, and
  :class:`~childcare_commissioning.model.Finding` s for every reading it made.
- :func:`weekly_costs` prices a :class:`~childcare_commissioning.model.Package` for one
  week from its :class:`~childcare_commissioning.billing.Quotation`, and
  :func:`write_placement` writes a record back: the fields the Referral models from the
  Referral, the costs from :class:`WeeklyCosts`, and every other field of the source
  carried through unchanged.

Errors name the JSON path (from the SHACL result's focus node and path) and the rule (the
shape's own ``sh:message`` where it has one), never a value: records carry officers' names
and free text about a child.
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import json
import logging
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
from childcare_commissioning.money import Rounding, is_whole_pennies, to_penny

__all__ = [
    "CONTEXT_FILE",
    "DEFAULT_REFERRER_ROLE",
    "RISK_FIELDS",
    "SHAPE_FILE",
    "URGENCY",
    "PlacementRecord",
    "WeeklyCosts",
    "concept",
    "context",
    "dumps",
    "read_placement",
    "validate",
    "weekly_costs",
    "with_costs",
    "write_placement",
]

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

#: The standard's own files the library validates with, shipped in this package unchanged
#: (``formats/placements_v2/``, see its SOURCE.md): the SHACL shape and the JSON-LD context.
SHAPE_FILE: Final = "placements_v2/shacl-shape.ttl"
CONTEXT_FILE: Final = "placements_v2/context.jsonld"

# Blank records resolve their relative IRIs against this (a reserved, never-fetched name).
_DOCUMENT_BASE: Final = "https://placement.invalid/"
_SH: Final = "http://www.w3.org/ns/shacl#"
_RDF_TYPE: Final = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"

# What a SHACL constraint component checks, in words, with the shape parameter quoted (a
# value of the shape, never of the record): used when a property shape has no sh:message.
_COMPONENT_WORDS: Final = {
    "MinCount": ("minCount", "is required (at least {} value(s))"),
    "MaxCount": ("maxCount", "must have at most {} value(s)"),
    "Datatype": ("datatype", "must be a valid {}"),
    "Class": ("class", "must be a {} block (its @type)"),
    "NodeKind": ("nodeKind", "must be a node of kind {}"),
    "In": (None, "is not one of the concepts allowed"),
    "MinInclusive": ("minInclusive", "must be at least {}"),
    "MaxInclusive": ("maxInclusive", "must be at most {}"),
    "Pattern": ("pattern", "must match the pattern {}"),
    "MaxLength": ("maxLength", "must be at most {} characters"),
}


def _resource(name: str) -> str:
    from importlib.resources import files

    return files("childcare_commissioning.formats").joinpath(name).read_text("utf-8")


def context() -> dict[str, Any]:
    """The standard's JSON-LD context (``{"@context": {...}}``, a fresh copy) as shipped."""
    loaded: dict[str, Any] = json.loads(_resource(CONTEXT_FILE))
    return loaded


def _reading_context() -> dict[str, Any]:
    """The context records are read with: the standard's, except that ``outOfLAReason`` is
    read as a vocabulary value (``@type: @vocab``) so that its own scoped labels ("Court
    order", "CourtOrder", "Other") name the olr concepts (reading
    ``placements-out-of-la-reason``): typed ``@id``, JSON-LD would read every label as a
    relative IRI, and the standard's valid examples would break its own shape."""
    body: dict[str, Any] = context()["@context"]
    body["outOfLAReason"] = {**body["outOfLAReason"], "@type": "@vocab"}
    return body


@functools.cache
def _shapes() -> Any:
    """The standard's SHACL shape as an rdflib graph (parsed once per process)."""
    import rdflib

    return rdflib.Graph().parse(data=_resource(SHAPE_FILE), format="turtle")


@functools.cache
def _property_kinds() -> dict[str, str]:
    """Each property of the shape by its context term (its ``pl:`` local name): ``block``
    (sh:class, a nested record), ``one`` (sh:maxCount 1) or ``many``."""
    import rdflib

    sh = rdflib.Namespace(_SH)
    shapes = _shapes()
    kinds: dict[str, str] = {}
    for shape, path in shapes.subject_objects(sh.path):
        name = str(path).removeprefix(_BASE)
        if shapes.value(shape, sh["class"]) is not None:
            kinds[name] = "block"
        elif shapes.value(shape, sh.maxCount) == rdflib.Literal(1):
            kinds.setdefault(name, "one")
        else:
            kinds.setdefault(name, "many")
    return kinds


def _compact_form(document: Mapping[str, Any]) -> list[Problem]:
    """The compact form the library reads (reading ``placements-compact-form``), checked
    by the shape's own declarations: a block (sh:class) is a JSON object written inline, a
    single-valued field (sh:maxCount 1) one string, number or boolean, any other field
    one such value or an array of them. JSON-LD would also take ``null``, ``[]``, a
    one-item array or a value object (``{"@value": ...}``) there; the standard's examples
    never do, and reading them as the same record would need a second reader."""
    kinds = _property_kinds()
    found: list[Problem] = []

    def scalar(value: Any) -> bool:
        return isinstance(value, str | bool | int | Decimal)

    def walk(node: Mapping[str, Any], path: str) -> None:
        for key, value in node.items():
            kind = kinds.get(key)
            at = f"{path}.{key}"
            if kind == "block":
                if isinstance(value, dict):
                    walk(value, at)
                else:
                    found.append(
                        Problem(
                            at,
                            "must be a JSON object (the block written inline)",
                            "placements-compact-form",
                        )
                    )
            elif kind == "one" and not scalar(value):
                found.append(
                    Problem(at, "must be one string, number or boolean", "placements-compact-form")
                )
            elif kind == "many" and not (
                scalar(value)
                or (isinstance(value, list) and value and all(scalar(v) for v in value))
            ):
                found.append(
                    Problem(
                        at,
                        "must be a string, number or boolean, or a non-empty array of them",
                        "placements-compact-form",
                    )
                )

    walk(document, "$")
    return found


class _NoLexicalLog(logging.Filter):
    """rdflib logs an ill-typed literal's lexical form, or an IRI it cannot write, with the
    record's value (and a traceback); the shape, or :func:`_bad_iris`, reports the field,
    so those log lines are dropped."""

    def filter(self, record: logging.LogRecord) -> bool:
        text = record.getMessage()
        return not (
            text.startswith("Failed to convert Literal lexical form")
            or "does not look like a valid URI" in text
        )


_QUIET = _NoLexicalLog()


def _structure(document: Any) -> list[Problem]:
    """What the compact form the library reads needs before the shape can judge it: a JSON
    object, its context the standard's (a reference, which is never fetched, or the
    standard's own body), no other ``@context`` inside (it would redefine the standard's
    terms, and could name a remote file), no NaN or Infinity."""
    if not isinstance(document, dict):
        return [Problem("$", "must be a JSON object (a Placement record)", "placements-record")]
    found: list[Problem] = []
    given = document.get("@context")
    if not (given is None or isinstance(given, str) or given == context()["@context"]):
        found.append(
            Problem(
                "$.@context",
                "must reference the standard's context (the library reads records with its "
                "own copy and never fetches one) or be absent",
                "placements-context",
            )
        )

    def walk(value: Any, path: str) -> None:
        if isinstance(value, float) or (isinstance(value, Decimal) and not value.is_finite()):
            found.append(Problem(path, "must be a finite number", "placements-number"))
        elif isinstance(value, dict):
            for key, item in value.items():
                if key == "@context" and path != "$":
                    found.append(
                        Problem(
                            f"{path}.@context",
                            "must not be given inside a record: the standard's context "
                            "applies throughout",
                            "placements-context",
                        )
                    )
                    continue
                walk(item, f"{path}.{key}")
        elif isinstance(value, list):
            for index, item in enumerate(value):
                walk(item, f"{path}[{index}]")

    walk({k: v for k, v in document.items() if k != "@context"}, "$")
    return found


def _graph(document: Mapping[str, Any]) -> Any:
    """The record as RDF: rdflib's JSON-LD parser with the shipped context given in place
    of the record's own reference (so nothing is fetched). Typed literals are rebuilt from
    their lexical form, as JSON-LD's RDF conversion writes them: rdflib keeps a JSON
    integer's Python value under a coerced ``xsd:decimal``, which pyshacl would not take
    for a decimal, and a ``-1`` coerced to ``xsd:nonNegativeInteger`` must be ill-typed."""
    import rdflib
    from rdflib.plugins.parsers.jsonld import to_rdf

    data = {k: v for k, v in document.items() if k != "@context"}
    graph = rdflib.Graph()
    logger = logging.getLogger("rdflib.term")
    if _QUIET not in logger.filters:
        logger.addFilter(_QUIET)
    to_rdf(data, graph, base=_DOCUMENT_BASE, context_data=_reading_context())
    for s, p, o in list(graph):
        if isinstance(o, rdflib.Literal) and o.datatype is not None and o.value is not None:
            graph.remove((s, p, o))
            graph.add((s, p, rdflib.Literal(str(o), datatype=o.datatype)))
    return graph


def _paths(graph: Any) -> tuple[Any, dict[Any, str]] | Problem:
    """The record's Placement node and the JSON path of each node reachable from it: ``$``
    for the Placement, ``$.<term>`` for each block, and so on down (every term of the
    standard's context is the local name of its ``pl:`` property)."""
    import rdflib

    placement = rdflib.URIRef(_BASE + "Placement")
    roots = list(graph.subjects(rdflib.URIRef(_RDF_TYPE), placement))
    if len(roots) != 1 or (None, None, roots[0]) in graph:
        return Problem(
            "$.@type",
            "the record must be one Placement (@type Placement) at the top: the standard's "
            "shape checks only Placement records",
            "placements-record-type",
        )
    root = roots[0]
    where: dict[Any, str] = {root: "$"}
    queue = [root]
    while queue:
        subject = queue.pop(0)
        for predicate, node in graph.predicate_objects(subject):
            name = str(predicate).removeprefix(_BASE)
            if not isinstance(node, rdflib.Literal) and node not in where:
                where[node] = f"{where[subject]}.{name}"
                queue.append(node)
    return root, where


def _bad_iris(graph: Any, where: Mapping[Any, str]) -> list[Problem]:
    """IRIs rdflib read but cannot write (``"neededBy": {"<": false}`` reads as the
    concept ``pu:<``): pyshacl could not report on them, so they are refused first."""
    import rdflib

    found = []
    for subject, predicate, node in graph:
        at = where.get(subject, "$")
        field = f"{at}.{str(predicate).removeprefix(_BASE)}"
        for term, path in ((subject, f"{at}.@id"), (predicate, field), (node, field)):
            if isinstance(term, rdflib.URIRef):
                try:
                    term.n3()
                except Exception:  # rdflib raises a bare Exception for an IRI it cannot write
                    found.append(Problem(path, "is not a valid IRI", "placements-iri"))
    return sorted(set(found), key=lambda p: p.path)


def _shape_problem(report: Any, result: Any, where: Mapping[Any, str]) -> Problem:
    """One SHACL validation result as a Problem: where (the focus node's JSON path and the
    result path's term), what (the shape's own sh:message, else the constraint in words
    with the shape's parameter), the rule (``sh:<constraint>``, and the severity when it is
    not a violation); never the value."""
    import rdflib

    sh = rdflib.Namespace(_SH)
    shapes = _shapes()
    focus = report.value(result, sh.focusNode)
    base_path = where.get(focus, "$")
    source = report.value(result, sh.sourceShape)
    component = str(report.value(result, sh.sourceConstraintComponent)).removeprefix(_SH)
    component = component.removesuffix("ConstraintComponent")
    field = report.value(result, sh.resultPath)
    if field is None and component == "Not":
        # The shape's idiom for "B is required when A is X": not (A has X and B has
        # sh:maxCount 0). The field missing is B.
        negated = shapes.value(source, sh["not"])
        for inner in shapes.objects(negated, sh.property):
            if shapes.value(inner, sh.maxCount) == rdflib.Literal(0):
                field = shapes.value(inner, sh.path)
    path = base_path
    if isinstance(field, rdflib.URIRef):
        path = f"{base_path}.{str(field).removeprefix(_BASE)}"
    message = shapes.value(source, sh.message)
    if message is None:
        parameter, words = _COMPONENT_WORDS.get(component, (None, f"breaks sh:{component}"))
        value = shapes.value(source, sh[parameter]) if parameter else None
        shown = str(value) if value is not None else ""
        if isinstance(value, rdflib.URIRef):
            shown = shapes.namespace_manager.normalizeUri(value)
        message = words.format(shown)
    rule = f"sh:{component[:1].lower()}{component[1:]}"
    severity = str(report.value(result, sh.resultSeverity)).removeprefix(_SH)
    if severity != "Violation":
        rule = f"{rule}, sh:{severity}"
    return Problem(path, str(message), rule)


def validate(document: Any) -> None:
    """Check ``document`` against the standard's own SHACL shape (pyshacl, on the RDF that
    rdflib's JSON-LD parser reads with the standard's context shipped in this package; no
    network); raise :class:`~childcare_commissioning.errors.ConversionError` listing every
    problem (path, rule, never the value). Every result refuses, warnings included
    (reading ``placements-warnings-refuse``): SHACL reports a record with any result as not
    conforming. Needs the ``placements`` extra (pyshacl), imported only here."""
    try:
        import pyshacl
    except ImportError:  # pragma: no cover - the test environment installs the extra
        raise CommissioningError(
            "validating a Placements Data Standard record needs pyshacl: "
            "pip install 'childcare-commissioning[placements]' [extra-installed]"
        ) from None
    problems = _structure(document)
    if not problems:
        problems = _compact_form(document)
    if problems:
        raise ConversionError("a Placements Data Standard v2 record", problems)
    try:
        graph = _graph(document)
    except Exception:  # rdflib's JSON-LD parser raises many kinds on JSON it cannot read
        raise ConversionError(
            "a Placements Data Standard v2 record",
            [Problem("$", "is not JSON-LD the standard's context can read", "placements-json-ld")],
        ) from None
    located = _paths(graph)
    if isinstance(located, Problem):
        raise ConversionError("a Placements Data Standard v2 record", [located])
    _, where = located
    problems = _bad_iris(graph, where)
    if problems:
        raise ConversionError("a Placements Data Standard v2 record", problems)
    conforms, report, _ = pyshacl.validate(
        graph, shacl_graph=_shapes(), inference="none", inplace=True
    )
    if conforms:
        return
    import rdflib

    sh = rdflib.Namespace(_SH)
    found = {
        _shape_problem(report, result, where)
        for result in report.subjects(rdflib.URIRef(_RDF_TYPE), sh.ValidationResult)
    }
    raise ConversionError(
        "a Placements Data Standard v2 record",
        sorted(found, key=lambda p: (p.path, p.rule, p.message)),
    )


# -- costs ------------------------------------------------------------------------------


def _pounds(_: object, attribute: attrs.Attribute[Any], value: Decimal) -> None:
    if not isinstance(value, Decimal) or not value.is_finite():
        raise ModelValueError(attribute.name, "decimal-pounds", "must be a Decimal amount")
    if value < 0:
        raise ModelValueError(attribute.name, "non-negative", "must not be negative")
    if not is_whole_pennies(value):
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
