"""Validation of a record against the standard's SHACL shape: the record read as RDF,
each node located by its JSON path, then pyshacl."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

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
