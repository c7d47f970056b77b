"""Validation of a record against the standard's SHACL shape: the record read as RDF,
each node located by its JSON path, then pyshacl."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Final

from childcare_commissioning.errors import CommissioningError, ConversionError, Problem
from childcare_commissioning.formats.placements.shape import (
    _DOCUMENT_BASE,
    _RDF_TYPE,
    _SH,
    _compact_form,
    _reading_context,
    _shape_problem,
    _shapes,
    _structure,
)
from childcare_commissioning.formats.placements.vocabulary import _BASE

__all__ = ["validate"]


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


def _quiet() -> None:
    logger = logging.getLogger("rdflib.term")
    if _QUIET not in logger.filters:
        logger.addFilter(_QUIET)


#: The lexical space of ``xsd:decimal`` (XML Schema 1.1 Part 2, 3.3.3): no exponent.
_XSD_DECIMAL: Final = re.compile(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)")


_DECIMAL_IRI: Final = "<http://www.w3.org/2001/XMLSchema#decimal>"
_DECIMAL_LITERAL: Final = re.compile(r'"((?:[^"\\]|\\.)*)"\^\^' + re.escape(_DECIMAL_IRI))
#: The datatype a literal typed ``xsd:decimal`` outside its lexical space is given instead.
_NOT_A_DECIMAL: Final = "<urn:childcare-commissioning:not-an-xsd-decimal>"


def _lexical_decimals(nquads: str) -> str:
    """``nquads`` with each literal typed ``xsd:decimal`` outside its lexical space
    (``"3.5025E2"``) retyped as no decimal: rdflib would read it (Python's ``Decimal``
    takes an exponent) where the standard's validator, like XML Schema, finds no decimal, so
    the shape's ``sh:datatype`` refuses it (reading ``placements-decimal-lexical``). Done on
    the text, never by changing how rdflib reads ``xsd:decimal`` for the whole process."""

    def retype(match: re.Match[str]) -> str:
        if _XSD_DECIMAL.fullmatch(match.group(1)):
            return match.group(0)
        return f'"{match.group(1)}"^^{_NOT_A_DECIMAL}'

    return _DECIMAL_LITERAL.sub(retype, nquads)


def _refuse_fetch(url: str, options: Any = None) -> Any:
    """The JSON-LD document loader: nothing is ever fetched (the context is given inline)."""
    raise ValueError("a Placement record is read without fetching anything")


def _json_ld_value(value: Decimal) -> float | int:
    """A JSON number as JSON-LD reads it (a double): the text's ``350.25`` is what the
    standard's validator (jsonld.js) converts, whatever the digits were parsed into here."""
    return int(value) if value == value.to_integral_value() else float(value)


def _graph(document: Mapping[str, Any]) -> Any:
    """The record as RDF: the JSON-LD processor pyld converts it (JSON-LD 1.1 toRDF, as
    the standard's own validator does with jsonld.js) with the shipped context in place of
    the record's own reference, and rdflib reads the N-Triples written. Nothing is
    fetched. JSON-LD writes a fractional JSON number coerced to ``xsd:decimal`` in the
    canonical form of a double (``3.5025E2``), which is no ``xsd:decimal``: the shape
    refuses it, as the standard's validator does (write the amount as a string)."""
    import rdflib
    from pyld import jsonld

    data = {k: v for k, v in document.items() if k != "@context"}
    text = json.dumps({"@context": _reading_context(), **data}, default=_json_ld_value)
    triples = jsonld.to_rdf(
        json.loads(text),
        {"format": "application/n-quads", "base": _DOCUMENT_BASE, "documentLoader": _refuse_fetch},
    )
    _quiet()
    return rdflib.Graph().parse(data=_lexical_decimals(triples), format="nt")


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
