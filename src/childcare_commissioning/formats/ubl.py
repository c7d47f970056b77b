"""Invoices as PEPPOL BIS Billing 3.0 documents (UBL 2.1 ``Invoice``, EN 16931).

Needs the ``ubl`` extra (``pip install childcare-commissioning[ubl]``: lxml). The mapping,
element by element with its EN 16931 business term (BT) number, is in the handbook
(``docs/formats/ubl.md``); in short:

- one ``InvoiceLine`` per library line, in the library's order (service, deduction,
  additional, adjustment and mileage lines alike). Timed lines are invoiced in minutes
  (``MIN``) at the hourly rate per 60 minutes (``BaseQuantity``), so quantity times price
  re-computes the line to the penny as PEPPOL-EN16931-R120 requires; mileage is in miles
  (``SMI``); every other field of the line (kind, rule, source, record, planned session,
  date, hours) is kept as an ``AdditionalItemProperty``;
- retention (money withheld until outcomes are evidenced) is a document-level
  ``AllowanceCharge`` (an allowance, BG-20) of exactly the library's ``withheld``, so
  ``PayableAmount`` (BT-115) is the library's ``payable`` and ``LineExtensionAmount``
  (BT-106) its ``net``, to the penny;
- VAT: social care is normally exempt. :class:`VatTreatment` chooses category ``E``
  (exempt, with a reason) by default, or ``O`` (outside the scope of VAT); the tax total
  is 0.00 either way;
- the purchase order is the order reference (BT-13); a buyer reference (BT-10) comes from
  :class:`UblSettings`; PEPPOL needs at least one of the two and the export refuses an
  invoice with neither;
- payment terms (BT-20) or a due date (BT-9, the issue date plus the agreed
  ``payment_due_days``) come from :class:`UblSettings`: EN 16931 needs one of the two when
  the amount due is positive (BR-CO-25, fatal in OpenPEPPOL 3.0.x and the rule builds up
  to 2026.3) and no council's text states one, so the export refuses an invoice with
  neither rather than invent a term.

Nothing is dropped silently: what UBL has no place for goes in the one document note
(package, records billed) or in item properties, and :func:`read_ubl` lists every element
it did not read.
"""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from childcare_commissioning.errors import CommissioningError
from childcare_commissioning.model._fields import non_negative, personal
from childcare_commissioning.money import is_whole_pennies

if TYPE_CHECKING:
    from childcare_commissioning.billing.invoices import Invoice, InvoiceLine
    from childcare_commissioning.billing.terms import Retention

__all__ = [
    "CUSTOMIZATION_ID",
    "PROFILE_ID",
    "Party",
    "UblError",
    "UblLine",
    "UblSettings",
    "UblSummary",
    "VatCategory",
    "VatTreatment",
    "invoice_to_ubl",
    "read_ubl",
]

CUSTOMIZATION_ID = "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0"
"""BT-24: PEPPOL BIS Billing 3.0."""
PROFILE_ID = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0"
"""BT-23: the PEPPOL billing process."""

NS = {
    "inv": "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2",
    "cac": "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
    "cbc": "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
}
#: The library's line units as UN/ECE Recommendation 20 codes (BT-130).
UNIT_CODES = {
    "hour": "HUR",
    "mile": "SMI",
    "minute": "MIN",
    "day": "DAY",
    "percent": "P1",
    "claim": "LS",  # an amount claimed for a period: one lump sum
}


class UblError(CommissioningError, ValueError):
    """An invoice that cannot be written as a valid PEPPOL BIS invoice; the message names
    the invoice, the field and the rule (never a personal value)."""


class VatCategory(enum.StrEnum):
    """The EN 16931 VAT category (BT-151, BT-118, BT-95) of every line."""

    #: Exempt from VAT (UNCL5305 ``E``): needs an exemption reason and a seller VAT or tax
    #: registration identifier (BR-E-01, BR-E-10).
    EXEMPT = "E"
    #: Not subject to VAT (``O``): the seller carries no VAT identifier (BR-O-02).
    OUTSIDE_SCOPE = "O"


#: The default exemption reason (BT-120): welfare services are exempt in UK law.
WELFARE_EXEMPTION = (
    "Exempt: welfare services (Value Added Tax Act 1994, Schedule 9, Group 7, Item 9)"
)


@attrs.frozen
class VatTreatment:
    """How the invoice's VAT is stated: ``category`` with an exemption ``reason`` (BT-120)
    and optional VATEX ``reason_code`` (BT-121). The default is exempt (``E``) as welfare
    services; choose ``O`` for supplies outside the scope of VAT."""

    category: VatCategory = VatCategory.EXEMPT
    reason: str = WELFARE_EXEMPTION
    reason_code: str | None = None


@attrs.frozen
class Party:
    """A seller (BG-4) or buyer (BG-7): the PEPPOL endpoint (BT-34/BT-49 with its EAS
    scheme), legal name (BT-27/BT-44), postal address (BG-5/BG-8: ``country`` is required,
    ISO 3166 alpha-2) and tax identifiers (BT-31 VAT, BT-32 other tax registration).
    Names and addresses are hidden from reprs (a provider may be a person)."""

    endpoint_id: str
    endpoint_scheme: str
    name: str = personal()
    country: str = "GB"
    street: str | None = personal(default=None)
    city: str | None = personal(default=None)
    postcode: str | None = personal(default=None)
    vat_id: str | None = None
    tax_registration_id: str | None = None
    legal_id: str | None = None


@attrs.frozen
class UblSettings:
    """What a UBL invoice needs beyond the library's invoice: the two parties, the VAT
    treatment, an optional buyer reference (BT-10), the payment terms (BT-20) and/or the
    days to the due date (BT-9) agreed with the council, and currency. An invoice with a
    positive amount due needs ``payment_terms`` or ``payment_due_days`` (BR-CO-25)."""

    seller: Party
    buyer: Party
    vat: VatTreatment = attrs.field(factory=VatTreatment)
    buyer_reference: str | None = None
    payment_terms: str | None = None
    """The payment terms agreed with the council, in words (BT-20), such as ``"30 days
    from receipt of a valid invoice"``."""
    payment_due_days: int | None = attrs.field(default=None, validator=non_negative)
    """The days after the issue date by which payment is due, as agreed with the council:
    written as the due date (BT-9)."""
    currency: str = "GBP"


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
