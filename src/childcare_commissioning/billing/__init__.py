"""Billing: rate bands and quotations, delivery against what was commissioned, invoice runs
in arrears, retention, budgets and block discounts. Money is ``Decimal`` pounds."""

from __future__ import annotations

from typing import TYPE_CHECKING

from childcare_commissioning._lazy import lazy_exports

# Exports load on first use (PEP 562): a council plugin that declares its terms imports
# only the declarations, not every engine of the package.
_EXPORTS: dict[str, str] = {
    "BillingCycle": "childcare_commissioning.billing.terms",
    "BillingTerms": "childcare_commissioning.billing.terms",
    "Block": "childcare_commissioning.billing.weekly",
    "BlockDiscount": "childcare_commissioning.billing.terms",
    "Budget": "childcare_commissioning.billing.terms",
    "BudgetUse": "childcare_commissioning.billing.ledger",
    "Claim": "childcare_commissioning.billing.claims",
    "Component": "childcare_commissioning.billing.terms",
    "Contribution": "childcare_commissioning.billing.weekly",
    "ContributionTerm": "childcare_commissioning.billing.terms",
    "DeliveryRecord": "childcare_commissioning.billing.records",
    "Invoice": "childcare_commissioning.billing.invoices",
    "InvoiceLine": "childcare_commissioning.billing.invoices",
    "InvoiceRun": "childcare_commissioning.billing.invoices",
    "Ledger": "childcare_commissioning.billing.ledger",
    "LineKind": "childcare_commissioning.billing.invoices",
    "MileageAgreement": "childcare_commissioning.billing.terms",
    "MileagePolicy": "childcare_commissioning.billing.terms",
    "Notice": "childcare_commissioning.billing.weekly",
    "PackageInvoices": "childcare_commissioning.billing.stream",
    "PaymentTerms": "childcare_commissioning.billing.terms",
    "PlannedSession": "childcare_commissioning.billing.records",
    "Quotation": "childcare_commissioning.billing.terms",
    "Rate": "childcare_commissioning.billing.terms",
    "RateBand": "childcare_commissioning.billing.terms",
    "RateCondition": "childcare_commissioning.billing.terms",
    "RecordStatus": "childcare_commissioning.billing.records",
    "Release": "childcare_commissioning.billing.terms",
    "Retention": "childcare_commissioning.billing.terms",
    "RetentionYear": "childcare_commissioning.billing.ledger",
    "UngroupedInputError": "childcare_commissioning.billing.stream",
    "WeeklyAgreement": "childcare_commissioning.billing.weekly",
    "WeeklyCost": "childcare_commissioning.billing.weekly",
    "agreement_end": "childcare_commissioning.billing.weekly",
    "block_discount": "childcare_commissioning.billing.ledger",
    "budget_use": "childcare_commissioning.billing.ledger",
    "claim_invoices": "childcare_commissioning.billing.claims",
    "collect_run": "childcare_commissioning.billing.stream",
    "invoices_csv": "childcare_commissioning.billing.output",
    "period_containing": "childcare_commissioning.billing.periods",
    "periods_between": "childcare_commissioning.billing.periods",
    "render_invoice": "childcare_commissioning.billing.output",
    "retention_ledger": "childcare_commissioning.billing.ledger",
    "run_invoices": "childcare_commissioning.billing.invoices",
    "stream_invoices": "childcare_commissioning.billing.stream",
    "weekly_invoices": "childcare_commissioning.billing.weekly",
}


__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, globals())


if TYPE_CHECKING:
    from childcare_commissioning.billing.claims import Claim, claim_invoices
    from childcare_commissioning.billing.invoices import (
        Invoice,
        InvoiceLine,
        InvoiceRun,
        LineKind,
        run_invoices,
    )
    from childcare_commissioning.billing.ledger import (
        BudgetUse,
        Ledger,
        RetentionYear,
        block_discount,
        budget_use,
        retention_ledger,
    )
    from childcare_commissioning.billing.output import invoices_csv, render_invoice
    from childcare_commissioning.billing.periods import period_containing, periods_between
    from childcare_commissioning.billing.records import DeliveryRecord, PlannedSession, RecordStatus
    from childcare_commissioning.billing.stream import (
        PackageInvoices,
        UngroupedInputError,
        collect_run,
        stream_invoices,
    )
    from childcare_commissioning.billing.terms import (
        BillingCycle,
        BillingTerms,
        BlockDiscount,
        Budget,
        Component,
        ContributionTerm,
        MileageAgreement,
        MileagePolicy,
        PaymentTerms,
        Quotation,
        Rate,
        RateBand,
        RateCondition,
        Release,
        Retention,
    )
    from childcare_commissioning.billing.weekly import (
        Block,
        Contribution,
        Notice,
        WeeklyAgreement,
        WeeklyCost,
        agreement_end,
        weekly_invoices,
    )


__all__ = [
    "BillingCycle",
    "BillingTerms",
    "Block",
    "BlockDiscount",
    "Budget",
    "BudgetUse",
    "Claim",
    "Component",
    "Contribution",
    "ContributionTerm",
    "DeliveryRecord",
    "Invoice",
    "InvoiceLine",
    "InvoiceRun",
    "Ledger",
    "LineKind",
    "MileageAgreement",
    "MileagePolicy",
    "Notice",
    "PackageInvoices",
    "PaymentTerms",
    "PlannedSession",
    "Quotation",
    "Rate",
    "RateBand",
    "RateCondition",
    "RecordStatus",
    "Release",
    "Retention",
    "RetentionYear",
    "UngroupedInputError",
    "WeeklyAgreement",
    "WeeklyCost",
    "agreement_end",
    "block_discount",
    "budget_use",
    "claim_invoices",
    "collect_run",
    "invoices_csv",
    "period_containing",
    "periods_between",
    "render_invoice",
    "retention_ledger",
    "run_invoices",
    "stream_invoices",
    "weekly_invoices",
]
