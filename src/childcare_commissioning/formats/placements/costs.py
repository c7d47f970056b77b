"""A placement's weekly costs: the ActualPlacement's breakdown, priced for a package."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import attrs

from childcare_commissioning.billing.terms import Quotation, RateCondition
from childcare_commissioning.errors import ModelValueError
from childcare_commissioning.model.package import Package
from childcare_commissioning.money import Rounding, is_whole_pennies, to_penny

__all__ = ["WeeklyCosts", "weekly_costs"]


def _pounds(_: object, attribute: attrs.Attribute[Any], value: Decimal) -> None:
    if not isinstance(value, Decimal) or not value.is_finite():
        raise ModelValueError(attribute.name, "decimal-pounds", "must be a Decimal amount")
    if value < 0:
        raise ModelValueError(attribute.name, "non-negative", "must not be negative")
    if not is_whole_pennies(value):
        raise ModelValueError(attribute.name, "whole-pennies", "must be whole pennies")


@attrs.frozen
class WeeklyCosts:
    """A placement's weekly costs as the standard's ActualPlacement breaks them down,
    ``Decimal`` pounds in whole pennies. ``total`` is the sum of the four parts, so it
    reconciles to the penny by construction."""

    core: Decimal = attrs.field(validator=_pounds)
    additional_support: Decimal = attrs.field(default=Decimal("0.00"), validator=_pounds)
    education: Decimal = attrs.field(default=Decimal("0.00"), validator=_pounds)
    other: Decimal = attrs.field(default=Decimal("0.00"), validator=_pounds)

    @property
    def total(self) -> Decimal:
        """``core + additional_support + education + other``: totalWeeklyCost."""
        return self.core + self.additional_support + self.education + self.other


def weekly_costs(
    package: Package,
    quotation: Quotation,
    on: dt.date,
    *,
    additional_support: Decimal = Decimal(0),
    education: Decimal = Decimal(0),
    other: Decimal = Decimal(0),
    rounding: Rounding = Rounding.HALF_UP,
) -> WeeklyCosts:
    """The weekly costs of ``package`` in the week of ``on``.

    The core cost is the package's ``hours_per_week`` at the quotation's standard hourly
    rate in effect on ``on`` (the latest with ``effective_from`` on or before it), times
    the staff ratio's staff per person (a 2:1 package pays two workers for each hour, as
    the invoice run bills each worker's visit; 1:2 half a worker: reading
    ``placements-staff-ratio``), rounded to the penny with ``rounding``; night, weekend
    and bank-holiday rates depend on when the hours fall, which a weekly figure does not
    know, so they are not used. The other
    parts are what the caller gives (the library does not price education or additional
    support), each rounded the same way.
    """
    if quotation.package_id != package.id:
        raise ModelValueError(
            "quotation.package_id", "quotation-for-package", "is for another package"
        )
    if package.hours_per_week is None:
        raise ModelValueError(
            "package.hours_per_week", "hours-known", "is needed to price the core weekly cost"
        )
    if on < package.start or (package.end is not None and on > package.end):
        raise ModelValueError("on", "in-package", "is outside the package's dates")
    standard = [
        r
        for r in quotation.rates
        if r.condition is RateCondition.STANDARD and r.effective_from <= on
    ]
    if not standard:
        raise ModelValueError(
            "quotation.rates", "rate-in-effect", "has no standard rate in effect on that date"
        )
    rate = max(standard, key=lambda r: r.effective_from)
    ratio = package.staff_ratio
    staff_hours = package.hours_per_week
    if ratio is not None:
        staff_hours = staff_hours * ratio.staff / ratio.people
    return WeeklyCosts(
        core=to_penny(staff_hours * rate.amount, rounding),
        additional_support=to_penny(Decimal(additional_support), rounding),
        education=to_penny(Decimal(education), rounding),
        other=to_penny(Decimal(other), rounding),
    )
