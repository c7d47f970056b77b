"""A UBL 2.1 invoice read back: totals, allowances and lines, and what was not read."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import attrs

from childcare_commissioning.formats.ubl.settings import NS, UblError

__all__ = ["UblLine", "UblSummary", "read_ubl"]


@attrs.frozen
class UblLine:
    """One ``InvoiceLine`` read back: id, quantity and unit code, amount, price (per base
    quantity) and item name."""

    id: str
    quantity: Decimal
    unit_code: str
    amount: Decimal
    price: Decimal
    base_quantity: Decimal
    name: str
    properties: tuple[tuple[str, str], ...] = ()


@attrs.frozen
class UblSummary:
    """What :func:`read_ubl` reads from a UBL invoice: identity, period, references,
    the monetary totals (BG-22), allowances and lines; ``unread`` names every child
    element of ``Invoice`` it did not interpret (nothing is dropped silently)."""

    number: str
    issue_date: dt.date
    currency: str
    period_start: dt.date | None
    period_end: dt.date | None
    buyer_reference: str | None
    order_reference: str | None
    line_extension: Decimal
    allowance_total: Decimal
    charge_total: Decimal
    tax_exclusive: Decimal
    tax_total: Decimal
    tax_inclusive: Decimal
    prepaid: Decimal
    payable: Decimal
    allowances: tuple[tuple[Decimal, str], ...]
    lines: tuple[UblLine, ...]
    unread: tuple[str, ...]
    due_date: dt.date | None = None
    """The payment due date (BT-9), where the invoice states one."""
    payment_terms: str | None = None
    """The payment terms (BT-20), where the invoice states them."""


_READ = {
    "CustomizationID",
    "ProfileID",
    "ID",
    "IssueDate",
    "DueDate",
    "DocumentCurrencyCode",
    "InvoicePeriod",
    "BuyerReference",
    "OrderReference",
    "PaymentTerms",
    "AllowanceCharge",
    "TaxTotal",
    "LegalMonetaryTotal",
    "InvoiceLine",
}


def read_ubl(xml: bytes) -> UblSummary:
    """Read a UBL 2.1 invoice's totals and lines (enough to compare with the library's
    invoice); raises :class:`UblError` when it is not a UBL invoice or a required
    total is missing."""
    from lxml import etree

    try:
        root = etree.fromstring(xml, parser=etree.XMLParser(resolve_entities=False))
    except etree.XMLSyntaxError as exc:
        raise UblError(f"not well-formed XML: line {exc.lineno} [xml-syntax]") from None
    if root.tag != f"{{{NS['inv']}}}Invoice":
        raise UblError("the document is not a UBL 2.1 Invoice [ubl-root]")

    def text(path: str, node: Any = root) -> str | None:
        found = node.find(path, NS)
        return None if found is None or found.text is None else str(found.text).strip()

    def amount(path: str, node: Any = root, required: bool = False) -> Decimal:
        value = text(path, node)
        if value is None:
            if required:
                raise UblError(f"{path.split('/')[-1]}: missing [ubl-required]")
            return Decimal(0)
        return Decimal(value)

    def day(path: str) -> dt.date | None:
        value = text(path)
        return None if value is None else dt.date.fromisoformat(value)

    total = root.find("cac:LegalMonetaryTotal", NS)
    if total is None:
        raise UblError("LegalMonetaryTotal: missing (BG-22) [ubl-required]")
    lines = []
    for node in root.findall("cac:InvoiceLine", NS):
        quantity = node.find("cbc:InvoicedQuantity", NS)
        lines.append(
            UblLine(
                id=text("cbc:ID", node) or "",
                quantity=amount("cbc:InvoicedQuantity", node, required=True),
                unit_code=str(quantity.get("unitCode", "")) if quantity is not None else "",
                amount=amount("cbc:LineExtensionAmount", node, required=True),
                price=amount("cac:Price/cbc:PriceAmount", node, required=True),
                base_quantity=amount("cac:Price/cbc:BaseQuantity", node) or Decimal(1),
                name=text("cac:Item/cbc:Name", node) or "",
                properties=tuple(
                    (text("cbc:Name", p) or "", text("cbc:Value", p) or "")
                    for p in node.findall("cac:Item/cac:AdditionalItemProperty", NS)
                ),
            )
        )
    allowances = tuple(
        (amount("cbc:Amount", node, required=True), text("cbc:AllowanceChargeReason", node) or "")
        for node in root.findall("cac:AllowanceCharge", NS)
        if text("cbc:ChargeIndicator", node) == "false"
    )
    unread = sorted(
        {etree.QName(child).localname for child in root if isinstance(child.tag, str)} - _READ
    )
    issue = day("cbc:IssueDate")
    if issue is None:
        raise UblError("IssueDate: missing (BT-2) [ubl-required]")
    return UblSummary(
        number=text("cbc:ID") or "",
        issue_date=issue,
        currency=text("cbc:DocumentCurrencyCode") or "",
        period_start=day("cac:InvoicePeriod/cbc:StartDate"),
        period_end=day("cac:InvoicePeriod/cbc:EndDate"),
        buyer_reference=text("cbc:BuyerReference"),
        order_reference=text("cac:OrderReference/cbc:ID"),
        line_extension=amount("cbc:LineExtensionAmount", total, required=True),
        allowance_total=amount("cbc:AllowanceTotalAmount", total),
        charge_total=amount("cbc:ChargeTotalAmount", total),
        tax_exclusive=amount("cbc:TaxExclusiveAmount", total, required=True),
        tax_total=sum(
            (Decimal(t.text) for t in root.findall("cac:TaxTotal/cbc:TaxAmount", NS)[:1] if t.text),
            Decimal(0),
        ),
        tax_inclusive=amount("cbc:TaxInclusiveAmount", total, required=True),
        prepaid=amount("cbc:PrepaidAmount", total),
        payable=amount("cbc:PayableAmount", total, required=True),
        allowances=allowances,
        lines=tuple(lines),
        unread=tuple(unread),
        due_date=day("cbc:DueDate"),
        payment_terms=text("cac:PaymentTerms/cbc:Note"),
    )
