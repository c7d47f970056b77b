"""The sector's formats over HTTP: Open Referral UK, PEPPOL BIS Billing 3.0 (UBL) and the
Placements Data Standard, each answered by the function its ``export`` command uses
(:mod:`~childcare_commissioning.cli.ublcmd`,
:mod:`~childcare_commissioning.cli.placementscmd`), so a request means what the command
means and fails with its messages."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import attrs

from childcare_commissioning.billing import Invoice
from childcare_commissioning.errors import ConversionError, Problem
from childcare_commissioning.formats.ubl import UblSettings
from childcare_commissioning.model import Finding
from childcare_commissioning.service.answers import fits
from childcare_commissioning.service.operations import Call, spec_of

__all__ = [
    "PlacementsRequest",
    "UblAnswer",
    "UblRequest",
    "UblRow",
    "oruk",
    "placements",
    "ubl",
]


@attrs.frozen
class UblRequest:
    """What ``export ubl`` reads: the parties document (``--parties``) and either the
    invoices (a list, as ``invoice --format json`` writes them) or an invoice batch,
    run as ``invoice`` runs it."""

    parties: UblSettings
    invoices: list[Invoice] | None = None
    batch: dict[str, Any] | None = None


@attrs.frozen
class UblRow:
    """One exported invoice, as ``export ubl --format json`` lists it."""

    invoice: str
    file: str | None
    lines: int
    net: str
    withheld: str
    payable: str


@attrs.frozen
class UblAnswer:
    """``documents``: each invoice's UBL 2.1 XML by invoice number (the files ``export ubl
    --out`` writes); ``invoices``: the command's JSON rows; ``not_exported``: invoices
    without lines, which UBL cannot carry (BR-16); ``findings``: the batch run's and the
    council's budgets' (the command's standard error)."""

    documents: dict[str, str]
    invoices: list[UblRow]
    not_exported: list[str]
    findings: list[Finding]


@attrs.frozen
class PlacementsRequest:
    """What ``export placements`` reads: the invoice batch with the package and its
    quotation (FILE) and the Placement record to write the costs into (``--into``)."""

    batch: dict[str, Any]
    record: dict[str, Any]


@contextlib.contextmanager
def _within(key: str) -> Iterator[None]:
    """Problems of a part of the body located from the body's root (``$.<key>...``)."""
    try:
        yield
    except ConversionError as exc:
        problems = [Problem(f"$.{key}{p.path[1:]}", p.message, p.rule) for p in exc.problems]
        raise ConversionError(f"the request's {key}", problems) from None


def _part(body: Any, key: str, required: bool = True) -> Any:
    from childcare_commissioning.cli._contract import InputError

    if not isinstance(body, dict):
        raise InputError("the request body must be a JSON object [object]")
    if required and key not in body:
        raise InputError(f"the request body needs {key!r} [required]")
    return body.get(key)


def oruk(call: Call) -> Any:
    from childcare_commissioning.formats.oruk import export_council, summary

    export = export_council(spec_of(call), call.params["as_of"])
    found = summary(export)
    found["document"] = export.document
    return found


def ubl(call: Call) -> Any:
    """``export ubl`` of the body's invoices (or batch, run for the path's council)."""
    from childcare_commissioning.billing.control import budget_report
    from childcare_commissioning.cli._contract import InputError
    from childcare_commissioning.cli.ublcmd import invoices_of, summary_rows, ubl_documents
    from childcare_commissioning.convert import unstructure

    spec = spec_of(call)
    parties = _part(call.body, "parties")
    unknown = sorted(set(call.body) - {"parties", "invoices", "batch"})
    if unknown or ("invoices" in call.body) == ("batch" in call.body):
        raise InputError(
            "the request body needs 'parties' and one of 'invoices' or 'batch' "
            f"(unknown: {', '.join(map(repr, unknown)) or 'none'}) [ubl-request]"
        )
    key = "invoices" if "invoices" in call.body else "batch"
    with _within(key):
        data = call.body[key]
        if key == "batch" and not isinstance(data, dict):
            raise InputError("'batch' must be an invoice batch (a JSON object) [object]")
        invoices, findings, services = invoices_of(data, spec.id, call.params.get("as_of"))
    numbers = [invoice.number for invoice in invoices]
    if len(set(numbers)) != len(numbers):
        # The answer holds one document per number: a second would replace the first.
        raise InputError("two invoices have the same number [unique-number]")
    with _within("parties"):
        documents, empty = ubl_documents(invoices, parties, spec.id)
    if spec.billing is not None:
        # The council's budgets against these invoices, as `export ubl --council` counts
        # them (without a batch, no invoice's service is known).
        report = budget_report(spec.billing, invoices, services or {}, {})
        findings = [*findings, *report.findings]
    found = {
        "documents": {invoice.number: xml.decode("utf-8") for invoice, xml in documents},
        "invoices": summary_rows(documents, {}),
        "not_exported": empty,
        "findings": unstructure(findings),
    }
    return fits(found, UblAnswer)


def placements(call: Call) -> tuple[str, list[str]]:
    """``export placements``: the package's weekly costs written into the body's
    Placement record, answered as the record (JSON-LD, its costs as JSON numbers) and the
    command's note when the record's own costs were replaced."""
    from childcare_commissioning.cli.placementscmd import costs_into_record
    from childcare_commissioning.formats.placements import dumps, read_placement

    p = call.params
    spec = spec_of(call)
    batch = _part(call.body, "batch")
    with _within("record"):
        record = read_placement(_part(call.body, "record"), council=spec.id)
    with _within("batch"):
        document, _, replaced = costs_into_record(
            spec,
            batch,
            p["package"],
            p["on"],
            record,
            p.get("additional_support", Decimal(0)),
            p.get("education", Decimal(0)),
            p.get("other", Decimal(0)),
        )
    notes = []
    if replaced:
        notes.append(
            f"$.record.actualPlacement: replaced the record's {', '.join(replaced)} with "
            "the package's [placements.costs.replaced]"
        )
    return dumps(document) + "\n", notes
