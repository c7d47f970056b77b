"""An invoice written as a PEPPOL BIS Billing 3.0 UBL ``Invoice``, element by element in
schema order (lxml)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from childcare_commissioning.formats.ubl.settings import (
    CUSTOMIZATION_ID,
    NS,
    PROFILE_ID,
    UNIT_CODES,
    Party,
    UblError,
    UblSettings,
    VatCategory,
    VatTreatment,
)
from childcare_commissioning.money import is_whole_pennies

if TYPE_CHECKING:
    from childcare_commissioning.billing.invoices import Invoice, InvoiceLine
    from childcare_commissioning.billing.terms import Retention

__all__ = ["invoice_to_ubl"]


def _money(value: Decimal, where: str) -> str:
    if not is_whole_pennies(value):
        raise UblError(f"{where}: {value} is not a whole number of pence [money-to-penny]")
    return f"{value:.2f}"


def _number(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text if text != "-0" else "0"


class _Builder:
    """Elements in the UBL 2.1 namespaces, built with lxml in schema order."""

    def __init__(self) -> None:
        from lxml import etree

        self.etree = etree

    def el(self, tag: str, *children: Any, **attrib: str) -> Any:
        prefix, name = tag.split(":")
        element = self.etree.Element(f"{{{NS[prefix]}}}{name}", nsmap=_prefixes(), **attrib)
        for child in children:
            if child is None:
                continue
            if isinstance(child, str):
                element.text = child
            else:
                element.append(child)
        return element


def _party(b: _Builder, role: str, party: Party, vat: VatTreatment) -> Any:
    address = b.el(
        "cac:PostalAddress",
        b.el("cbc:StreetName", party.street) if party.street else None,
        b.el("cbc:CityName", party.city) if party.city else None,
        b.el("cbc:PostalZone", party.postcode) if party.postcode else None,
        b.el("cac:Country", b.el("cbc:IdentificationCode", party.country)),
    )
    schemes = []
    if party.vat_id and not (role == "seller" and vat.category is VatCategory.OUTSIDE_SCOPE):
        schemes.append(
            b.el(
                "cac:PartyTaxScheme",
                b.el("cbc:CompanyID", party.vat_id),
                b.el("cac:TaxScheme", b.el("cbc:ID", "VAT")),
            )
        )
    if party.tax_registration_id and role == "seller":
        schemes.append(
            b.el(
                "cac:PartyTaxScheme",
                b.el("cbc:CompanyID", party.tax_registration_id),
                b.el("cac:TaxScheme", b.el("cbc:ID", "TAX")),
            )
        )
    return b.el(
        "cac:AccountingSupplierParty" if role == "seller" else "cac:AccountingCustomerParty",
        b.el(
            "cac:Party",
            b.el("cbc:EndpointID", party.endpoint_id, schemeID=party.endpoint_scheme),
            address,
            *schemes,
            b.el(
                "cac:PartyLegalEntity",
                b.el("cbc:RegistrationName", party.name),
                b.el("cbc:CompanyID", party.legal_id) if party.legal_id else None,
            ),
        ),
    )


def _category(b: _Builder, tag: str, vat: VatTreatment, reason: bool = False) -> Any:
    exempt = vat.category is VatCategory.EXEMPT
    return b.el(
        tag,
        b.el("cbc:ID", vat.category.value),
        # BR-E-05/06/08: rate 0 for exempt; BR-O-05/06/08: no rate outside the scope.
        b.el("cbc:Percent", "0") if exempt else None,
        b.el("cbc:TaxExemptionReasonCode", vat.reason_code) if reason and vat.reason_code else None,
        b.el("cbc:TaxExemptionReason", vat.reason) if reason and vat.reason else None,
        b.el("cac:TaxScheme", b.el("cbc:ID", "VAT")),
    )


def _properties(line: InvoiceLine) -> list[tuple[str, str]]:
    """Every field of the line UBL has no element for, as (name, value)."""
    pairs = [("Kind", line.kind.value), ("Rule", line.rule)]
    if line.citation is not None:
        pairs.append(("Source", str(line.citation)))
    if line.date is not None:
        pairs.append(("Date", line.date.isoformat()))
    if line.record_id is not None:
        pairs.append(("Record", line.record_id))
    if line.planned_id is not None:
        pairs.append(("Planned session", line.planned_id))
    if line.minutes is not None:
        pairs.append((f"Quantity ({line.unit})", _number(line.quantity)))
    return pairs


def _line(
    b: _Builder, position: int, line: InvoiceLine, invoice: Invoice, settings: UblSettings
) -> Any:
    where = f"invoice {invoice.number!r} line {position}"
    currency = settings.currency
    if line.minutes is not None and line.unit == "hour":
        # Minutes at the hourly rate per 60 minutes: quantity x price / base re-computes
        # the amount within a penny (PEPPOL-EN16931-R120), which hours to 2 places do not.
        quantity, unit, base = Decimal(line.minutes), "MIN", "60"
    else:
        unit_code = UNIT_CODES.get(line.unit)
        if unit_code is None:
            raise UblError(
                f"{where}: unit {line.unit!r} has no UN/ECE Recommendation 20 code here "
                "[ubl-unit-code]"
            )
        quantity, unit, base = line.quantity, unit_code, None
    if line.unit_price < 0:
        raise UblError(f"{where}: the unit price is negative (BR-27) [ubl-price]")
    period = invoice.period
    inside = line.date is not None and line.date in period
    return b.el(
        "cac:InvoiceLine",
        b.el("cbc:ID", str(position)),
        b.el("cbc:InvoicedQuantity", _number(quantity), unitCode=unit),
        b.el(
            "cbc:LineExtensionAmount",
            _money(line.amount, f"{where} amount"),
            currencyID=currency,
        ),
        b.el(
            "cac:InvoicePeriod",
            b.el("cbc:StartDate", line.date.isoformat()),
            b.el("cbc:EndDate", line.date.isoformat()),
        )
        if inside and line.date is not None
        else None,
        b.el(
            "cac:Item",
            b.el("cbc:Name", line.description),
            _category(b, "cac:ClassifiedTaxCategory", settings.vat),
            *(
                b.el("cac:AdditionalItemProperty", b.el("cbc:Name", n), b.el("cbc:Value", v))
                for n, v in _properties(line)
            ),
        ),
        b.el(
            "cac:Price",
            b.el("cbc:PriceAmount", _number(line.unit_price), currencyID=currency),
            b.el("cbc:BaseQuantity", base, unitCode=unit) if base else None,
        ),
    )


def _note(invoice: Invoice) -> str:
    records = ", ".join(invoice.record_ids) or "none"
    return f"Package {invoice.package_id}. Delivery records billed: {records}."


def invoice_to_ubl(
    invoice: Invoice, settings: UblSettings, retention: Retention | None = None
) -> bytes:
    """``invoice`` as a PEPPOL BIS Billing 3.0 UBL ``Invoice`` (UTF-8 XML bytes).

    ``retention`` (the council's :class:`~childcare_commissioning.billing.Retention`),
    when given, states the percentage and base of the withheld allowance; the amount is
    always the invoice's own ``withheld``. Raises :class:`UblError` when the invoice
    cannot be a valid PEPPOL invoice: no lines (BR-16), no buyer reference and no purchase order
    (PEPPOL-EN16931-R003), an exempt invoice whose seller has no VAT or tax registration
    identifier (BR-E-01), a seller with neither a stated VAT identifier nor a legal
    registration identifier (BR-CO-26), an amount that is not whole pence, totals that do
    not add up.
    """
    where = f"invoice {invoice.number!r}"
    if not invoice.lines:
        raise UblError(f"{where}: has no lines; a UBL invoice needs one (BR-16) [ubl-lines]")
    if not settings.buyer_reference and not invoice.purchase_order:
        raise UblError(
            f"{where}: needs a buyer reference or a purchase order number "
            "(PEPPOL-EN16931-R003) [ubl-buyer-reference]"
        )
    vat = settings.vat
    if vat.category is VatCategory.EXEMPT and not (
        settings.seller.vat_id or settings.seller.tax_registration_id
    ):
        raise UblError(
            f"{where}: VAT category E (exempt) needs the seller's vat_id or "
            "tax_registration_id (BR-E-01) [ubl-seller-tax-id]"
        )
    seller_vat = settings.seller.vat_id if vat.category is VatCategory.EXEMPT else None
    if not seller_vat and not settings.seller.legal_id:
        raise UblError(
            f"{where}: the seller needs a legal_id (company number) when no VAT identifier "
            "is stated (BR-CO-26) [ubl-seller-id]"
        )
    if not vat.reason and not vat.reason_code:
        raise UblError(f"{where}: VAT category {vat.category} needs a reason [ubl-vat-reason]")
    if invoice.payable > 0 and not settings.payment_terms and settings.payment_due_days is None:
        raise UblError(
            f"{where}: an amount due needs the payment terms agreed with the council: give "
            "payment_terms (BT-20) or payment_due_days (BT-9, the due date) in the parties "
            "document (BR-CO-25) [ubl-payment-terms]"
        )
    due = (
        None
        if settings.payment_due_days is None
        else invoice.issued_on + dt.timedelta(days=settings.payment_due_days)
    )
    lines_total = sum((line.amount for line in invoice.lines), Decimal(0))
    if lines_total != invoice.net or invoice.net - invoice.withheld != invoice.payable:
        raise UblError(
            f"{where}: lines, net, withheld and payable do not add up [ubl-totals-reconcile]"
        )
    b = _Builder()
    currency = settings.currency
    net = _money(invoice.net, f"{where} net")
    payable = _money(invoice.payable, f"{where} payable")
    allowance = None
    if invoice.withheld:
        reason = "Retention withheld until outcomes are evidenced"
        with_rate = retention is not None and invoice.net > 0
        if retention is not None:
            reason += f" ({_number(retention.percent)}%, released {retention.release})"
        allowance = b.el(
            "cac:AllowanceCharge",
            b.el("cbc:ChargeIndicator", "false"),
            b.el("cbc:AllowanceChargeReason", reason),
            b.el("cbc:MultiplierFactorNumeric", _number(retention.percent))
            if with_rate and retention is not None
            else None,
            b.el("cbc:Amount", _money(invoice.withheld, f"{where} withheld"), currencyID=currency),
            b.el("cbc:BaseAmount", net, currencyID=currency) if with_rate else None,
            _category(b, "cac:TaxCategory", vat),
        )
    nsmap: dict[str | None, str] = {None: NS["inv"], "cac": NS["cac"], "cbc": NS["cbc"]}
    root = b.etree.Element(f"{{{NS['inv']}}}Invoice", nsmap=nsmap)
    children = [
        b.el("cbc:CustomizationID", CUSTOMIZATION_ID),
        b.el("cbc:ProfileID", PROFILE_ID),
        b.el("cbc:ID", invoice.number),
        b.el("cbc:IssueDate", invoice.issued_on.isoformat()),
        b.el("cbc:DueDate", due.isoformat()) if due is not None else None,
        b.el("cbc:InvoiceTypeCode", "380"),
        b.el("cbc:Note", _note(invoice)),
        b.el("cbc:DocumentCurrencyCode", currency),
        b.el("cbc:BuyerReference", settings.buyer_reference) if settings.buyer_reference else None,
        b.el(
            "cac:InvoicePeriod",
            b.el("cbc:StartDate", invoice.period.start.isoformat()),
            b.el("cbc:EndDate", invoice.period.end.isoformat()),
        ),
        b.el("cac:OrderReference", b.el("cbc:ID", invoice.purchase_order))
        if invoice.purchase_order
        else None,
        b.el(
            "cac:AdditionalDocumentReference",
            b.el("cbc:ID", invoice.package_id),
            b.el("cbc:DocumentTypeCode", "130"),
        ),
        _party(b, "seller", settings.seller, vat),
        _party(b, "buyer", settings.buyer, vat),
        b.el("cac:PaymentTerms", b.el("cbc:Note", settings.payment_terms))
        if settings.payment_terms
        else None,
        allowance,
        b.el(
            "cac:TaxTotal",
            b.el("cbc:TaxAmount", "0.00", currencyID=currency),
            b.el(
                "cac:TaxSubtotal",
                b.el("cbc:TaxableAmount", payable, currencyID=currency),
                b.el("cbc:TaxAmount", "0.00", currencyID=currency),
                _category(b, "cac:TaxCategory", vat, reason=True),
            ),
        ),
        b.el(
            "cac:LegalMonetaryTotal",
            b.el("cbc:LineExtensionAmount", net, currencyID=currency),
            b.el("cbc:TaxExclusiveAmount", payable, currencyID=currency),
            b.el("cbc:TaxInclusiveAmount", payable, currencyID=currency),
            b.el("cbc:AllowanceTotalAmount", _money(invoice.withheld, where), currencyID=currency)
            if invoice.withheld
            else None,
            b.el("cbc:PayableAmount", payable, currencyID=currency),
        ),
        *(
            _line(b, position, line, invoice, settings)
            for position, line in enumerate(invoice.lines, start=1)
        ),
    ]
    for child in children:
        if child is not None:
            root.append(child)
    b.etree.cleanup_namespaces(root)
    data: bytes = b.etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return data


def _prefixes() -> dict[str, str]:
    return {"cac": NS["cac"], "cbc": NS["cbc"]}
