"""The documents the ``invoice`` command writes, as models: what ``invoice --format json``
prints is read back (by ``invoice --previous`` and ``export ubl``) as
:class:`InvoiceRunDocument`, through the library's converter, never by hand."""

from __future__ import annotations

import datetime as dt

import attrs

from childcare_commissioning.billing.documents import Invoice
from childcare_commissioning.billing.ledger import BudgetUse, Ledger
from childcare_commissioning.convert import Source
from childcare_commissioning.model._fields import to_tuple
from childcare_commissioning.model.core import Finding

__all__ = ["InvoiceRunDocument", "RecordCounts"]


@attrs.frozen
class RecordCounts:
    """The records' reconciliation of a run: ``read`` = ``used`` + ``reported``."""

    read: int
    """Delivery records in the input."""
    used: int
    """Records read and billed (or held) by the run."""
    reported: int
    """Records not read, each a finding."""


@attrs.frozen
class InvoiceRunDocument:
    """A previous run's ``invoice --format json`` output: the run (its invoices, findings,
    records pending and held), the records' reconciliation, the budgets' use and the
    retention ledger where the council declares budgets, and where the answer comes from."""

    council: str
    """The id of the council invoiced."""
    as_of: dt.date
    """The run's date: periods ended before it were invoiced."""
    invoices: tuple[Invoice, ...] = attrs.field(converter=to_tuple)
    """The invoices of the run."""
    findings: tuple[Finding, ...] = attrs.field(converter=to_tuple)
    """Every finding of the run: unreadable records, the run's own, the budgets'."""
    pending: tuple[str, ...] = attrs.field(converter=to_tuple)
    """Records not yet billed: their period has not ended."""
    held: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)
    """Records held back, unbilled, by a finding about an implausible record."""
    records: RecordCounts | None = None
    """The records' reconciliation."""
    budgets: tuple[BudgetUse, ...] | None = None
    """The budgets' use by this run and those before it, where the council declares
    budgets."""
    retention: Ledger | None = None
    """The retention ledger, where the council declares budgets."""
    source: Source | None = None
    """Where the answer comes from: the council's plugin and specification."""
