"""The documents the ``invoice`` command writes, as models: what ``invoice --format json``
prints is read back (by ``invoice --previous`` and ``export ubl``) as
:class:`InvoiceRunDocument`, through the library's converter, never by hand."""

from __future__ import annotations

import attrs

from childcare_commissioning.billing.documents import InvoiceRun
from childcare_commissioning.billing.ledger import BudgetUse, Ledger
from childcare_commissioning.convert import Source

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
class InvoiceRunDocument(InvoiceRun):
    """A previous run's ``invoice --format json`` output: the run (its invoices, every
    finding including the budgets', records pending and held), the records'
    reconciliation, the budgets' use and the retention ledger where the council declares
    budgets, and where the answer comes from."""

    records: RecordCounts | None = None
    """The records' reconciliation."""
    budgets: tuple[BudgetUse, ...] | None = None
    """The budgets' use by this run and those before it, where the council declares
    budgets."""
    retention: Ledger | None = None
    """The retention ledger, where the council declares budgets."""
    source: Source | None = None
    """Where the answer comes from: the council's plugin and specification."""
