"""``POST /councils/{council}/invoices/stream``: an invoice run as JSON Lines.

The batch is read and checked before the first line is written (a bad batch is a problem
response, never half a stream); then :func:`~childcare_commissioning.billing.stream_invoices`
invoices one package at a time and each package's invoices and findings are written as
soon as they are known: ``{"invoice": ...}`` (its cited lines naming their rules and
source, as ``invoice-stream`` writes them), ``{"finding": ...}``, and last
``{"pending": [...], "held": [...]}``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from childcare_commissioning.registry import RegisteredCouncil

__all__ = ["invoice_lines"]


def invoice_lines(council: RegisteredCouncil, body: Any, as_of: dt.date | None) -> Iterator[Any]:
    """Check the batch ``body`` now; return the iterator of the run's JSON-ready lines."""
    from childcare_commissioning.billing import stream_invoices
    from childcare_commissioning.cli.invoicecmd import batch_as_of, read_batch, read_records
    from childcare_commissioning.cli.streamcmd import stream_inputs
    from childcare_commissioning.convert import unstructure
    from childcare_commissioning.explain import explain
    from childcare_commissioning.model import Finding

    spec = council.spec
    batch = read_batch(body)
    day = batch_as_of(as_of, batch)
    terms, packages, quotations, planned = stream_inputs(spec, batch)
    raw = batch.get("records", [])
    if not isinstance(raw, list):
        from childcare_commissioning.cli.invoicecmd import BatchError

        raise BatchError("$.records: expected a list of records [structure]")
    unread: list[Finding] = []

    def records() -> Iterator[Any]:
        for index, item in enumerate(raw):
            yield from read_records([item], unread, index)

    def lines() -> Iterator[Any]:
        pending: list[str] = []
        held: list[str] = []
        for result in stream_invoices(
            spec.id, terms, packages, quotations, planned, records(), day, []
        ):
            for finding in [*unread, *result.findings]:
                yield explain({"finding": unstructure(finding)}, council)
            unread.clear()
            pending += result.pending
            held += result.held
            for invoice in result.invoices:
                yield {"invoice": explain(unstructure(invoice), council)}
        for finding in unread:
            yield explain({"finding": unstructure(finding)}, council)
        yield {"pending": pending, "held": held}

    return lines()
