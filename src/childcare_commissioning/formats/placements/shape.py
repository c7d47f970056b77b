"""The standard's own files (SHACL shape and JSON-LD context, shipped unchanged) and what
the library checks by them before and after pyshacl: the compact form it reads, the
record's structure, and each SHACL result as a :class:`~childcare_commissioning.errors.Problem`."""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Final

from childcare_commissioning.errors import Problem
from childcare_commissioning.formats.placements.vocabulary import _BASE

__all__ = ["CONTEXT_FILE", "SHAPE_FILE", "context"]

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
