"""Packages and placement agreements: what a council has commissioned for one person."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

import attrs

from childcare_commissioning.errors import ModelValueError
from childcare_commissioning.model._fields import (
    end_not_before_start,
    identifier,
    non_empty,
    non_negative,
    optional_identifier,
)

__all__ = ["Package", "StaffRatio"]

_RATIO = re.compile(r"^\s*(\d+)\s*:\s*(\d+)\s*$")


def _at_least_one(_: object, attribute: attrs.Attribute[Any], value: int) -> None:
    if value < 1:
        raise ModelValueError(attribute.name, "staff-ratio", "must be at least 1")


@attrs.frozen
class StaffRatio:
    """Staff to people supported, written ``"2:1"`` (two staff to one young person)."""

    staff: int = attrs.field(validator=_at_least_one)
    """How many staff; at least 1."""
    people: int = attrs.field(default=1, validator=_at_least_one)
    """To how many people supported; at least 1."""

    @classmethod
    def parse(cls, text: str) -> StaffRatio:
        """Read ``"2:1"``; raise :class:`ModelValueError` for anything else."""
        match = _RATIO.match(text)
        if match is None:
            raise ModelValueError("staff_ratio", "staff-ratio", "must look like '2:1'")
        return cls(int(match.group(1)), int(match.group(2)))

    def __str__(self) -> str:
        return f"{self.staff}:{self.people}"


@attrs.frozen
class Package:
    """A package of services or a placement agreement, usually bought on a purchase order.

    ``child_id`` is the pseudonymous id of the person it is for; ``lot`` and ``category``
    carry a framework's structure where it has one (Derby's Lot 1, category 1.2).
    ``invoice_to`` is whom the purchase order says to send invoices to (Plymouth: "the
    relevant department as detailed on the Purchase Order").
    """

    id: str = attrs.field(validator=non_empty)
    """The package's reference (the purchase order line or placement agreement id), by which
    records, sessions and quotations refer to it; unique within a contract."""
    council: str = attrs.field(validator=identifier)
    """The id of the commissioning council (as `councils` lists them)."""
    child_id: str = attrs.field(validator=non_empty)
    """The pseudonymous id of the child or young person the package is for; never a name."""
    start: dt.date
    """The first day of the package (a London date)."""
    end: dt.date | None = attrs.field(default=None, validator=end_not_before_start)
    """The last day of the package, included; omitted: open-ended. Not before start."""
    service: str | None = attrs.field(default=None, validator=optional_identifier)
    """The id of the council's service commissioned (`ids services` lists them); omitted: the
    council's only service."""
    purchase_order: str | None = None
    """The purchase order number the package is bought on; invoices quote it."""
    hours_per_week: Decimal | None = attrs.field(default=None, validator=non_negative)
    """The hours a week commissioned, as a decimal number of hours; not negative."""
    staff_ratio: StaffRatio | None = None
    """Staff to people supported, written "2:1" (two staff to one young person)."""
    lot: str | None = None
    """The framework lot the package is let under, where the framework has lots (Derby's "Lot
    1")."""
    category: str | None = None
    """The framework category within the lot, where it has them (Derby's "1.2")."""
    invoice_to: str | None = None
    """Whom the purchase order says to send invoices to (Plymouth: the relevant department as
    detailed on the Purchase Order)."""
