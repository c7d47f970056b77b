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
  ``payment_due_days``) come from :class:`UblSettings` (the command line falls back on
  the council's text's :class:`~childcare_commissioning.billing.PaymentTerms`, where it
  declares them): EN 16931 needs one of the two when the amount due is positive
  (BR-CO-25, fatal in OpenPEPPOL 3.0.x and the rule builds up to 2026.3), so the export
  refuses an invoice with neither rather than invent a term.

Nothing is dropped silently: what UBL has no place for goes in the one document note
(package, records billed) or in item properties, and :func:`read_ubl` lists every element
it did not read.

The package's modules: :mod:`.settings` (parties, VAT, payment terms, codes),
:mod:`.writing` (:func:`invoice_to_ubl`) and :mod:`.reading` (:func:`read_ubl`).
"""

from __future__ import annotations

from childcare_commissioning.formats.ubl.reading import UblLine, UblSummary, read_ubl
from childcare_commissioning.formats.ubl.settings import (
    CUSTOMIZATION_ID,
    PROFILE_ID,
    Party,
    UblError,
    UblSettings,
    VatCategory,
    VatTreatment,
)
from childcare_commissioning.formats.ubl.writing import invoice_to_ubl

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
