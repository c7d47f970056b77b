"""Billing: rate bands and quotations, delivery against what was commissioned, invoice runs
in arrears, retention, budgets and block discounts. Money is ``Decimal`` pounds."""

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
