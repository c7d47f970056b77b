"""What a PEPPOL BIS invoice needs beyond the library's invoice: the parties, the VAT
treatment, references, payment terms; the identifiers and codes of the specification."""

from __future__ import annotations

import enum

import attrs

from childcare_commissioning.errors import CommissioningError
from childcare_commissioning.model._fields import non_negative, personal

__all__ = [
    "CUSTOMIZATION_ID",
    "NS",
    "PROFILE_ID",
    "UNIT_CODES",
    "Party",
    "UblError",
    "UblSettings",
    "VatCategory",
    "VatTreatment",
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
