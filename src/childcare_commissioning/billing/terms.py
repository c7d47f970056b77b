"""Billing terms as data: rate bands, rates, mileage, cycles, retention, discounts, budgets."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import attrs

from childcare_commissioning.calendars import TimeWindow
from childcare_commissioning.errors import ModelValueError
from childcare_commissioning.model._fields import (
    identifier,
    non_empty,
    non_negative,
    optional_identifier,
    to_frozenset,
    to_tuple,
)
from childcare_commissioning.model.core import Citation
from childcare_commissioning.money import Rounding
from childcare_commissioning.schedules import FinancialYear, financial_year

__all__ = [
    "BillingCycle",
    "BillingTerms",
    "BlockDiscount",
    "Budget",
    "Component",
    "ContributionTerm",
    "MileageAgreement",
    "MileagePolicy",
    "Quotation",
    "Rate",
    "RateBand",
    "RateCondition",
    "Release",
    "Retention",
    "terms_with_cycle",
]


def _percent(_: object, attribute: attrs.Attribute[Any], value: Decimal) -> None:
    if not Decimal(0) <= value <= Decimal(100):
        raise ModelValueError(attribute.name, "percentage", "must be between 0 and 100")


def _band_order(instance: RateBand, attribute: attrs.Attribute[Any], value: Decimal) -> None:
    if value < instance.minimum:
        raise ModelValueError(attribute.name, "rate-band", "must not be below minimum")


@attrs.frozen
class RateBand:
    """The range a council allows for a unit price ("£15-20 per hour")."""

    id: str = attrs.field(validator=identifier)
    name: str = attrs.field(validator=non_empty)
    minimum: Decimal = attrs.field(validator=non_negative)
    maximum: Decimal = attrs.field(validator=_band_order)
    citation: Citation
    unit: str = "hour"

    def contains(self, amount: Decimal) -> bool:
        """Whether ``amount`` is inside the band (both ends included)."""
        return self.minimum <= amount <= self.maximum


class RateCondition(enum.StrEnum):
    """When a rate applies; the most specific applicable condition wins."""

    STANDARD = "standard"
    NIGHT = "night"
    BANK_HOLIDAY = "bank-holiday"
    WEEKEND = "weekend"


@attrs.frozen
class Rate:
    """An hourly price agreed in a quotation, from ``effective_from`` (an uplift is a new
    rate with a later date), for time meeting ``condition``: a night rate for the time
    inside ``window`` (local time), a weekend rate for time on a Saturday or Sunday, a
    bank-holiday rate for time on an England and Wales bank holiday. A visit that crosses
    a boundary (22:00 into a night window, midnight into a bank holiday) is split there,
    by local time, each part billed at its own rate for its elapsed time. Where several
    apply, bank holiday beats night, night beats weekend, weekend beats standard."""

    amount: Decimal = attrs.field(validator=non_negative)
    """The hourly price in pounds, a decimal ("18.50"); not negative."""
    effective_from: dt.date
    """The first day the rate applies; an uplift is a new rate with a later date."""
    condition: RateCondition = RateCondition.STANDARD
    """Which time the rate is for: standard (the default), night (inside window), weekend (Saturday
    or Sunday) or bank-holiday (England and Wales); bank holiday beats night, night beats weekend,
    weekend beats standard."""
    window: TimeWindow | None = None
    """For a night rate: the local times it covers (22:00-07:00)."""
    band: str | None = attrs.field(default=None, validator=optional_identifier)
    """The id of the council's rate band the price must fall in; omitted: the council's only band,
    if it has one."""


@attrs.frozen
class MileageAgreement:
    """Mileage agreed for a package (Somerset 2.8 "Mileage (to be agreed in advance)"): the
    reference a delivery record quotes, and the day it was agreed. A journey before that day
    was not agreed in advance."""

    id: str = attrs.field(validator=non_empty)
    """The agreement's reference, which a delivery record quotes in mileage_agreement."""
    agreed_on: dt.date
    """The day the mileage was agreed; a journey before that day was not agreed in advance."""


@attrs.frozen
class Quotation:
    """What a provider quoted for one package: its rates and the mileage agreements, each
    dated."""

    package_id: str = attrs.field(validator=non_empty)
    """The id of the package quoted for."""
    rates: tuple[Rate, ...] = attrs.field(converter=to_tuple)
    """The hourly rates quoted, each dated."""
    mileage_agreements: tuple[MileageAgreement, ...] = attrs.field(default=(), converter=to_tuple)
    """The mileage agreed for the package, each dated."""
    reference: str | None = None
    """The provider's reference for the quotation."""

    def mileage_agreement(self, agreement_id: str | None) -> MileageAgreement | None:
        """The agreement with id ``agreement_id`` (the earliest, if given twice), if any."""
        found = [a for a in self.mileage_agreements if a.id == agreement_id]
        return min(found, key=lambda a: a.agreed_on, default=None)


@attrs.frozen
class MileagePolicy:
    """Pence per mile (as pounds: 0.45) and whether mileage must be agreed in advance."""

    per_mile: Decimal = attrs.field(validator=non_negative)
    citation: Citation
    requires_agreement: bool = True


class BillingCycle(enum.StrEnum):
    """How delivery is grouped into invoices."""

    FORTNIGHTLY = "fortnightly"
    FOUR_WEEKLY = "four-weekly"
    MONTHLY = "monthly"
    FINANCIAL_QUARTERS = "financial-quarters"


class Release(enum.StrEnum):
    """When withheld money is released (on evidence)."""

    NEXT_FINANCIAL_YEAR_Q1 = "next-financial-year-q1"


def _release(value: Release | str) -> Release:
    """A release rule given as the enum or its text (``"next-financial-year-q1"``); any
    other value is refused, naming the field, so no unknown rule reaches the ledger."""
    try:
        return Release(value)
    except ValueError:
        allowed = ", ".join(repr(str(r)) for r in Release)
        raise ModelValueError("release", "release-rule", f"must be one of {allowed}") from None


def _financial_years(_: object, attribute: attrs.Attribute[Any], value: frozenset[str]) -> None:
    for label in value:
        try:
            canonical = FinancialYear.parse(label).label
        except ModelValueError:
            canonical = None
        if canonical != label:
            raise ModelValueError(
                attribute.name,
                "financial-year",
                "each must be a UK financial year written like '2019/20'",
            )


@attrs.frozen
class Retention:
    """A percentage withheld from each invoice, released on evidence of outcomes.

    ``financial_years`` limits the retention to the years the text sets it for
    (``{"2018/19", "2019/20"}``): an invoice whose billing period ends in another
    financial year withholds nothing. Empty (the default) means every invoice. The year
    of an invoice is the UK financial year (1 April to 31 March) of its period's last
    day, the same year :func:`~childcare_commissioning.billing.retention_ledger` files
    the withheld money under.
    """

    percent: Decimal = attrs.field(validator=_percent)
    release: Release = attrs.field(converter=_release)
    citation: Citation
    evidence_required: bool = True
    financial_years: frozenset[str] = attrs.field(
        default=frozenset(), converter=to_frozenset, validator=_financial_years
    )

    def applies_to(self, period_end: dt.date) -> bool:
        """Whether an invoice whose billing period ends on ``period_end`` has money
        withheld: always, unless ``financial_years`` is given and that day's financial
        year is not among them."""
        return not self.financial_years or financial_year(period_end).label in (
            self.financial_years
        )


@attrs.frozen
class BlockDiscount:
    """A percentage off accommodation costs for any block of ``minimum_units`` or more.

    ``percent`` is ``None`` where the text leaves it to each block (Derby: "outlined further
    at the time of the mini competition"): each block then records its own."""

    minimum_units: int
    percent: Decimal | None = attrs.field(validator=attrs.validators.optional(_percent))
    citation: Citation


class Component(enum.StrEnum):
    """What a weekly cost pays for."""

    ACCOMMODATION = "accommodation"
    SUPPORT = "support"


@attrs.frozen
class ContributionTerm:
    """A contribution by a third party the text names (Housing Benefit "will contribute
    towards the accommodation cost"), towards ``towards``, for packages of ``services``
    (matched with a package's service or lot; empty: every service)."""

    id: str = attrs.field(validator=identifier)
    name: str = attrs.field(validator=non_empty)
    towards: Component
    citation: Citation
    services: frozenset[str] = attrs.field(default=frozenset(), converter=to_frozenset)
    notes: str = ""


@attrs.frozen
class Budget:
    """A cap on spending in one financial year (``"2019/20"``), or a part-year
    ``start``-``end`` inside it.

    It covers ``service``, or every service in ``services`` (a budget spanning services:
    "up to a maximum of £30,000" for core and pilot together), or, with neither, every
    service of the council. ``indicative`` caps ("indicative value about £3m a year",
    "dependent on the evaluation") warn when passed rather than refuse.
    """

    financial_year: str = attrs.field(validator=non_empty)
    """The financial year capped (``"2019/20"``)."""
    amount: Decimal = attrs.field(validator=non_negative)
    """The cap, in pounds."""
    citation: Citation
    """The clause of the text that sets the cap."""
    service: str | None = attrs.field(default=None, validator=optional_identifier)
    """The one service capped."""
    start: dt.date | None = None
    """The first day of a part-year budget."""
    end: dt.date | None = None
    """The last day of a part-year budget."""
    services: frozenset[str] = attrs.field(default=frozenset(), converter=to_frozenset)
    """The services one budget caps together."""
    indicative: bool = False
    """Whether the cap is indicative: passing it warns rather than refuses."""

    @property
    def named(self) -> frozenset[str]:
        """The services named (``service`` and ``services``); empty for every service."""
        return self.services | ({self.service} if self.service else frozenset())

    @property
    def label(self) -> str:
        """``"core 2018/19"``, ``"core + pilot 2021/22"``, ``"all services 2019/20"``."""
        return f"{' + '.join(sorted(self.named)) or 'all services'} {self.financial_year}"

    def in_window(self, day: dt.date) -> bool:
        """Whether ``day`` (already in the budget's financial year) is inside its
        ``start``-``end`` part of the year."""
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    def covers(self, service: str | None, day: dt.date) -> bool:
        """Whether spending on ``service`` dated ``day`` (already in the budget's financial
        year) counts against this budget."""
        return self.in_window(day) and (not self.named or service in self.named)


@attrs.frozen
class PaymentTerms:
    """When the council pays, in the text's words (an e-invoice's payment terms, BT-20)."""

    text: str = attrs.field(validator=non_empty)
    """The text's sentence on payment, verbatim."""
    citation: Citation
    """The clause it comes from."""


@attrs.frozen
class BillingTerms:
    """How a council is invoiced.

    ``cycle`` groups delivery into periods (fortnightly periods are anchored on each
    package's start date); invoices are issued only after a period ends (in arrears).
    With ``nil_invoices`` false, a period with nothing on it (nothing delivered,
    commissioned or adjusted) gets no invoice, and the run says so; invoices "for services
    delivered" (Plymouth) are not issued for nothing.

    ``purchase_order_citation`` is the clause asking for the purchase order number on
    every invoice (the missing-number finding cites it; ``citation`` when not given).
    ``invoice_to_citation``, when given, is the clause sending each invoice to the
    department its purchase order names: a package's ``invoice_to`` is then expected, and
    copied onto each of its invoices (``Invoice.send_to``).
    """

    cycle: BillingCycle
    citation: Citation
    in_arrears: bool = True
    purchase_order_required: bool = False
    purchase_order_citation: Citation | None = None
    invoice_to_citation: Citation | None = None
    nil_invoices: bool = True
    rate_bands: tuple[RateBand, ...] = attrs.field(default=(), converter=to_tuple)
    mileage: MileagePolicy | None = None
    retention: Retention | None = None
    block_discount: BlockDiscount | None = None
    contributions: tuple[ContributionTerm, ...] = attrs.field(default=(), converter=to_tuple)
    budgets: tuple[Budget, ...] = attrs.field(default=(), converter=to_tuple)
    rounding: Rounding = Rounding.HALF_UP
    notes: str = ""
    payment_terms: PaymentTerms | None = None
    """When the council pays, where its text says (written as a UBL invoice's payment
    terms when the parties document gives none)."""

    def outside_budget_windows(self, service: str | None, day: dt.date) -> tuple[Budget, ...]:
        """The budgets of ``day``'s financial year for ``service`` when none of them covers
        ``day``: work dated outside the window the text gives that year's money for
        (Stoke: before "service delivery from 1st July 2018", after "April 2021 - June
        2021"). Empty when one covers it, or when no budget is declared for that year and
        service (a year without a budget is not capped). With ``service`` unknown, every
        budget of the year counts."""
        if not self.budgets:  # the common case, asked for every record and session
            return ()
        label = financial_year(day).label
        year = tuple(
            b
            for b in self.budgets
            if b.financial_year == label and (service is None or not b.named or service in b.named)
        )
        return () if any(b.in_window(day) for b in year) else year

    def band(self, band_id: str | None) -> RateBand | None:
        """The rate band ``band_id`` (or the only band, when ``None`` and there is one)."""
        if band_id is None:
            return self.rate_bands[0] if len(self.rate_bands) == 1 else None
        return next((b for b in self.rate_bands if b.id == band_id), None)


def terms_with_cycle(
    terms: BillingTerms, cycles: Mapping[str, BillingCycle] | None, package_id: str
) -> BillingTerms:
    """``terms`` with the invoicing cycle a contract agrees for ``package_id`` (``cycles``
    by package id, ``"*"`` for every package: :meth:`~childcare_commissioning.contract.
    Contract.cycles`); ``terms`` itself where none is agreed."""
    cycle = (cycles or {}).get(package_id, (cycles or {}).get("*", terms.cycle))
    return terms if cycle is terms.cycle else attrs.evolve(terms, cycle=cycle)
