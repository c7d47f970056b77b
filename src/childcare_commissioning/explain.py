"""Explanations that name their source fully: which rule, which clause, which plugin.

Every computed result the library returns cites its clause (``citation``); deadlines also
carry their ``rule_id``. :func:`explain` adds, to a JSON-ready result, for every object
that carries a citation:

- ``rules``: the qualified ids of the council's declarations that carry that citation
  (``cohorts/edge-of-care``, ``deadlines/first-review``; more than one only when two
  declarations cite the very same words), found by :func:`rules_by_citation`;
- ``source``: the council, the plugin distribution and version, and the specification's
  title and version, as :func:`source_of` gives them;

and ``source`` at the top level of an object. The input is never changed: a new structure
is returned. The command line applies it to every ``--format json`` output of a council.
An explained answer reads back as its model through the library's converter, which reads
and leaves aside what was added (:class:`~childcare_commissioning.convert.Explanation`).
"""

from __future__ import annotations

from typing import Any

from childcare_commissioning.council import CouncilSpec
from childcare_commissioning.registry import RegisteredCouncil

__all__ = ["explain", "rules_by_citation", "source_of"]


def source_of(council: RegisteredCouncil) -> dict[str, str]:
    """Where a council's answers come from: council id, plugin distribution and version,
    the specification's title and version."""
    spec = council.spec
    return {
        "council": spec.id,
        "distribution": council.distribution,
        "version": council.version,
        "specification": spec.specification.title,
        "specification_version": spec.specification.version,
    }


def _key(citation: Any) -> tuple[str, str, str] | None:
    names = ("spec", "clause", "quote")
    if isinstance(citation, dict):
        spec, clause, quote = (citation.get(name) for name in names)
    else:
        spec, clause, quote = (getattr(citation, name, None) for name in names)
    if isinstance(spec, str) and isinstance(clause, str) and isinstance(quote, str):
        return spec, clause, quote
    return None


def rules_by_citation(spec: CouncilSpec) -> dict[tuple[str, str, str], list[str]]:
    """Every citation the council's declarations carry, keyed ``(spec, clause, quote)``,
    with the qualified ids (sorted) of the declarations that carry it."""
    from childcare_commissioning.conformance import declarations

    index: dict[tuple[str, str, str], list[str]] = {}
    for rule_id, citation in declarations(spec):
        key = _key(citation)
        if key is not None:
            index.setdefault(key, []).append(rule_id)
    return {key: sorted(set(ids)) for key, ids in index.items()}


def explain(data: Any, council: RegisteredCouncil) -> Any:
    """``data`` (JSON-ready: dicts, lists, strings, numbers) with ``rules`` and ``source``
    added to every object that carries a ``citation``, and ``source`` added to a top-level
    object. ``data`` itself is not changed."""
    source = source_of(council)
    index = rules_by_citation(council.spec)

    def walk(value: Any) -> Any:
        if isinstance(value, list):
            return [walk(v) for v in value]
        if not isinstance(value, dict):
            return value
        result = {k: walk(v) for k, v in value.items()}
        key = _key(value.get("citation"))
        if key is not None:
            result.setdefault("rules", index.get(key, []))
            result.setdefault("source", source)
        return result

    explained = walk(data)
    if isinstance(explained, dict):
        explained.setdefault("source", source)
    return explained
