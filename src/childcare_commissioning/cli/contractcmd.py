"""Contracts on the command line: ``--contract FILE`` for every dated command, the text's
term warnings, and ``contract check`` / ``councils diff``.

:func:`resolve` is the one place a command turns ``--council`` and ``--contract`` into the
rules to apply: the version of the text the contract names (or the one in force on the
command's date), with the contract's variations applied. A contract the text does not
allow is bad input (exit 2, naming the field and the rule); warnings (a contract past its
text's term) go to standard error, as does :func:`warn_term` for a date outside the term.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import attrs

from childcare_commissioning.cli._contract import EXIT_NO, EXIT_OK, InputError
from childcare_commissioning.cli._input import read_document
from childcare_commissioning.cli._output import print_json, print_table
from childcare_commissioning.model.core import Finding, Severity
from childcare_commissioning.model.council import term_findings
from childcare_commissioning.registry import RegisteredCouncil, Registry, get_registry

if TYPE_CHECKING:
    from childcare_commissioning.contract import Contract
    from childcare_commissioning.council import CouncilSpec

__all__ = [
    "Resolved",
    "council_for",
    "diff_specs",
    "example_contract",
    "resolve",
    "run",
    "variation_rows",
    "warn",
    "warn_term",
]


@attrs.frozen
class Resolved:
    """What a command works with: the registered council (the version resolved), the rules
    (the contract's variations applied), the contract if one was given, and warnings."""

    council: RegisteredCouncil
    spec: CouncilSpec
    contract: Contract | None
    warnings: tuple[Finding, ...] = ()


def warn(findings: Iterable[Finding]) -> None:
    """Write each warning to standard error, with its clause."""
    for finding in findings:
        source = f" ({finding.citation})" if finding.citation else ""
        with contextlib.suppress(OSError, ValueError):
            print(f"childcare-commissioning: warning: {finding.message}{source}", file=sys.stderr)


def warn_term(spec: CouncilSpec, days: Iterable[dt.date], what: str = "the date") -> None:
    """Warn on standard error when any of ``days`` is outside the text's own term."""
    warn(term_findings(spec, days, what))


def example_contract(registry: Registry, council: RegisteredCouncil) -> Contract | None:
    """The example contract ``council``'s plugin bundles (``examples/contract.json`` in its
    package), or ``None`` if it has none."""
    from importlib.resources import files

    from childcare_commissioning.contract import Contract
    from childcare_commissioning.convert import loads

    plugin = registry.plugin_manager.get_plugin(council.entry_point)
    package = getattr(plugin, "__name__", "")
    if not package:
        return None
    path = files(package).joinpath("examples", "contract.json")
    if not path.is_file():
        return None
    return loads(path.read_text(encoding="utf-8"), Contract)


def council_for(registry: Registry, contract: Contract) -> RegisteredCouncil:
    """The version of the council's text ``contract`` was let under: the one it names, or
    the one in force on its start."""
    version = contract.specification_version
    return registry.council(
        contract.council, version=version, on=None if version else contract.start
    )


def load_contract(path: str) -> Contract:
    """The contract in ``path`` (every problem named by JSON path)."""
    from childcare_commissioning.contract import Contract

    return read_document(path, Contract)


def resolve(args: argparse.Namespace, on: dt.date | None = None) -> Resolved:
    """The council, rules and contract for a command with ``--council`` and, where it has
    one, ``--contract``. Without a contract the version of the text is the one in force
    on ``on`` (the command's date), else the current one."""
    path = getattr(args, "contract", None)
    registry = get_registry()
    if path is None:
        if not getattr(args, "council", None):
            raise InputError("--council or --contract: say which council [council]")
        council = registry.council(args.council, on=on)
        return Resolved(council, council.spec, None)
    from childcare_commissioning.contract import check_contract, contract_spec

    contract = load_contract(path)
    if getattr(args, "council", None) and args.council != contract.council:
        raise InputError(
            f"--council {args.council!r} but the contract is for {contract.council!r} "
            "[contract-council]"
        )
    council = council_for(registry, contract)
    findings = check_contract(council.spec, contract)
    errors = [f for f in findings if f.severity is Severity.ERROR]
    if errors:
        listed = "; ".join(f"{f.path}: {f.message} [{f.code}]" for f in errors)
        raise InputError(f"{path!r}: the contract cannot be used: {listed}")
    warnings = tuple(f for f in findings if f.severity is not Severity.ERROR)
    warn(warnings)
    return Resolved(
        council, contract_spec(council.spec, contract, checked=True), contract, warnings
    )


def variation_rows(spec: CouncilSpec, contract: Contract) -> list[tuple[str, str, str, str]]:
    """One row per variation the contract agrees: kind, what, agreed value, allowing clause."""
    from childcare_commissioning.contract import VariationKind, allowed_by

    rows: list[tuple[str, str, str, str]] = []

    def clause(kind: VariationKind, target: str | None) -> str:
        found = allowed_by(spec, kind, target)
        return str(found) if found else "no clause allows it"

    for d in contract.deadlines:
        rows.append(("deadline", d.rule, str(d.duration), clause(VariationKind.DEADLINE, d.rule)))
    for c in contract.invoicing_cycles:
        what = ", ".join(c.packages) or "every package"
        rows.append(
            ("invoicing cycle", what, c.cycle.value, clause(VariationKind.INVOICING_CYCLE, None))
        )
    for e in contract.training_matrix or ():
        what = clause(VariationKind.REFRESHER, e.subject)
        rows.append(("refresher", e.subject, str(e.every), what))
    for s in contract.schedules:
        rows.append(
            ("schedule", s.obligation, "varied", clause(VariationKind.SCHEDULE, s.obligation))
        )
    return rows


def _check(args: argparse.Namespace) -> int:
    from childcare_commissioning.contract import check_contract

    contract = load_contract(args.file)
    registry = get_registry()
    council = council_for(registry, contract)
    spec = council.spec
    findings = check_contract(spec, contract)
    rows = variation_rows(spec, contract)
    if args.format == "json":
        print_json(
            {
                "council": spec.id,
                "specification_version": spec.specification.version,
                "term": None
                if spec.specification.term is None
                else spec.specification.term.describe(),
                "start": contract.start.isoformat(),
                "end": contract.end.isoformat() if contract.end else None,
                "packages": [p.id for p in contract.packages],
                "dates": {d.event: d.on.isoformat() for d in contract.dates},
                "variations": [
                    {"kind": k, "what": w, "agreed": a, "allowed_by": c} for k, w, a, c in rows
                ],
                "findings": [_finding_json(f) for f in findings],
            }
        )
    else:
        term = spec.specification.term
        print_table(
            f"Contract under {spec.name}'s text, version {spec.specification.version}",
            ("", ""),
            [
                ("Provider", contract.provider),
                ("Reference", contract.reference or ""),
                ("Start", contract.start.isoformat()),
                ("End", contract.end.isoformat() if contract.end else "open"),
                ("Text's term", term.describe() if term else "the text gives no term"),
                ("Packages in force", ", ".join(p.id for p in contract.packages) or "none"),
                *((f"Date: {d.event}", d.on.isoformat()) for d in contract.dates),
            ],
        )
        if rows:
            print_table("Variations agreed", ("kind", "what", "agreed", "allowed by"), rows)
        else:
            print("No variations agreed: the text's own rules apply.")
        if findings:
            print_table(
                "Findings",
                ("severity", "where", "code", "message"),
                [(f.severity.value, f.path, f.code, f.message) for f in findings],
            )
    return EXIT_NO if any(f.severity is Severity.ERROR for f in findings) else EXIT_OK


def _finding_json(finding: Finding) -> dict[str, Any]:
    return {
        "severity": finding.severity.value,
        "code": finding.code,
        "message": finding.message,
        "where": finding.path,
        "citation": str(finding.citation) if finding.citation else None,
    }


def diff_specs(old: CouncilSpec, new: CouncilSpec) -> list[tuple[str, str, str]]:
    """What changed from ``old`` to ``new``: ``(change, what, id)`` rows, ``change`` one of
    added, changed, removed, for every declaration with an id (rules, routes, cohorts,
    requirements, contacts, obligations, duties, readings...) and every register entry
    (by clause and first words)."""
    from childcare_commissioning.council import CouncilSpec

    rows: list[tuple[str, str, str]] = []
    for field in attrs.fields(CouncilSpec):
        before, after = getattr(old, field.name), getattr(new, field.name)
        if field.name in ("billing", "monitoring") and before != after:
            rows.append(("changed", field.name, "(the whole declaration)"))
        if not isinstance(before, tuple) or not all(hasattr(x, "id") for x in before + after):
            continue
        rows += _compare(field.name, {x.id: x for x in before}, {x.id: x for x in after})
    entries_old = {(e.clause, e.start): e for e in (old.register.entries if old.register else ())}
    entries_new = {(e.clause, e.start): e for e in (new.register.entries if new.register else ())}
    rows += _compare(
        "register",
        {f"{c}: {s}": e for (c, s), e in entries_old.items()},
        {f"{c}: {s}": e for (c, s), e in entries_new.items()},
    )
    return rows


def _compare(
    what: str, before: dict[str, Any], after: dict[str, Any]
) -> list[tuple[str, str, str]]:
    rows = [("removed", what, key) for key in sorted(set(before) - set(after))]
    rows += [("added", what, key) for key in sorted(set(after) - set(before))]
    rows += [
        ("changed", what, key)
        for key in sorted(set(before) & set(after))
        if before[key] != after[key]
    ]
    return rows


def _diff(args: argparse.Namespace) -> int:
    registry = get_registry()
    old = registry.council(args.council, version=args.old).spec
    new = registry.council(args.council, version=args.new).spec
    rows = diff_specs(old, new)
    if args.format == "json":
        print_json(
            {
                "council": args.council,
                "from": args.old,
                "to": args.new,
                "changes": [{"change": c, "what": w, "id": i} for c, w, i in rows],
            }
        )
        return EXIT_OK
    title = f"{new.name}: version {args.old} to version {args.new}"
    print_table(title, ("change", "what", "id"), rows)
    if not rows:
        print("No declaration or register entry changed.")
    return EXIT_OK


def _versions(args: argparse.Namespace) -> int:
    versions = get_registry().versions(args.council)
    rows = []
    for council in versions:
        s = council.spec.specification
        until = s.effective_to.isoformat() if s.effective_to else "open"
        term = s.term.describe() if s.term else "the text gives no term"
        rows.append((s.version, s.title, f"{s.effective_from.isoformat()} to {until}", term))
    if args.format == "json":
        print_json(
            [dict(zip(("version", "title", "in_force", "term"), r, strict=True)) for r in rows]
        )
        return EXIT_OK
    print_table(f"{args.council}: versions of the text", ("version", "title", "used", "term"), rows)
    return EXIT_OK


def run(args: argparse.Namespace) -> int:
    """Run ``contract check``, ``councils diff`` or ``councils versions``."""
    if args.command == "contract-check":
        return _check(args)
    if args.command == "councils-diff":
        return _diff(args)
    return _versions(args)
