"""Invoices as CSV lines and as text a person reads (money and dates through babel)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from childcare_commissioning.billing.invoices import Invoice
from childcare_commissioning.csvsafe import csv_text
from childcare_commissioning.money import format_gbp

__all__ = ["CSV_COLUMNS", "invoice_rows", "invoices_csv", "render_invoice"]

CSV_COLUMNS = (
    "invoice",
    "purchase_order",
    "package",
    "period_start",
    "period_end",
    "kind",
    "date",
    "description",
    "quantity",
    "unit",
    "unit_price",
    "amount",
    "record",
    "planned",
    "rule",
    "source",
)


def invoice_rows(invoice: Invoice) -> list[tuple[object, ...]]:
    """The CSV rows of one invoice (one per line, in :data:`CSV_COLUMNS` order), not yet
    made spreadsheet-safe: write them through :mod:`childcare_commissioning.csvsafe`."""
    return [
        (
            invoice.number,
            invoice.purchase_order or "",
            invoice.package_id,
            invoice.period.start.isoformat(),
            invoice.period.end.isoformat(),
            line.kind.value,
            line.date.isoformat() if line.date else "",
            line.description,
            line.quantity,
            line.unit,
            line.unit_price,
            line.amount,
            line.record_id or "",
            line.planned_id or "",
            line.rule,
            str(line.citation or ""),
        )
        for line in invoice.lines
    ]


def invoices_csv(invoices: Iterable[Invoice]) -> str:
    """One CSV row per invoice line, amounts as plain decimals; text cells that a
    spreadsheet could read as a formula are neutralised (:mod:`childcare_commissioning.csvsafe`)."""
    return csv_text(CSV_COLUMNS, [row for invoice in invoices for row in invoice_rows(invoice)])


def render_invoice(invoice: Invoice, locale: str = "en_GB") -> str:
    """A plain-text invoice for a person: lines, net, withheld, payable."""
    from babel.dates import format_date

    def day(value: dt.date) -> str:
        return str(format_date(value, format="d MMM yyyy", locale=locale))

    rows = [
        f"Invoice {invoice.number}",
        f"Purchase order: {invoice.purchase_order or '(none)'}",
        f"Period: {day(invoice.period.start)} to {day(invoice.period.end)} "
        f"(issued {day(invoice.issued_on)})",
        "",
    ]
    rows.extend(
        f"  {line.kind.value:<13} {line.description[:52]:<52} "
        f"{line.quantity:>7} {line.unit:<5} {format_gbp(line.amount, locale):>12}"
        for line in invoice.lines
    )
    rows += [
        "",
        f"  {'Net':<80}{format_gbp(invoice.net, locale):>12}",
        f"  {'Withheld (retention)':<80}{format_gbp(-invoice.withheld, locale):>12}",
        f"  {'Payable':<80}{format_gbp(invoice.payable, locale):>12}",
    ]
    return "\n".join(rows)
