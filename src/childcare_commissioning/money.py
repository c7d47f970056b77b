"""Money: ``Decimal`` pounds, rounded to the penny by an explicit policy, shown with babel.

Amounts are never floats. Every computed amount goes through :func:`to_penny` with the
council's rounding mode (half-up unless a council says otherwise), and totals are sums of
already-rounded lines, so they reconcile to the penny by construction.
"""

from __future__ import annotations

import decimal
import enum
from decimal import Decimal

__all__ = ["PENNY", "Rounding", "format_gbp", "is_whole_pennies", "to_penny"]

PENNY = Decimal("0.01")


class Rounding(enum.StrEnum):
    """Rounding modes a council may choose (``decimal`` module names, lower case)."""

    HALF_UP = "half-up"
    HALF_EVEN = "half-even"
    DOWN = "down"
    UP = "up"


_MODES = {
    Rounding.HALF_UP: decimal.ROUND_HALF_UP,
    Rounding.HALF_EVEN: decimal.ROUND_HALF_EVEN,
    Rounding.DOWN: decimal.ROUND_DOWN,
    Rounding.UP: decimal.ROUND_UP,
}


def to_penny(amount: Decimal, rounding: Rounding = Rounding.HALF_UP) -> Decimal:
    """``amount`` rounded to a whole penny with ``rounding``."""
    return amount.quantize(PENNY, rounding=_MODES[rounding])


def is_whole_pennies(amount: Decimal) -> bool:
    """Whether ``amount`` is a whole number of pennies (no rounding needed)."""
    return amount == amount.quantize(PENNY)


def format_gbp(amount: Decimal, locale: str = "en_GB") -> str:
    """``£1,234.50`` (and ``-£4.50``), formatted by babel for ``locale``."""
    from babel.numbers import format_currency

    text: str = format_currency(amount, "GBP", locale=locale)
    return text
