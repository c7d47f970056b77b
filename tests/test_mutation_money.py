"""Money at its edges (issue #27: survivors of the mutation run).

Amounts shown to people (invoices, the handbook) are formatted by babel; the expected
strings are how each locale writes pounds: en_GB puts the sign before the pound sign and
groups thousands with commas; de_DE groups with full stops, uses a decimal comma and puts
the symbol after the amount.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from childcare_commissioning.money import Rounding, format_gbp, to_penny


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        (Decimal("1234.5"), "£1,234.50"),
        (Decimal("-4.5"), "-£4.50"),
        (Decimal("0"), "£0.00"),
    ],
)
def test_format_gbp_in_british_english_by_default(amount: Decimal, text: str) -> None:
    assert text == format_gbp(amount)


def test_format_gbp_follows_the_locale_given() -> None:
    """In German, £1,234.50 is written 1.234,50 with the symbol after a (no-break) space."""
    assert "1.234,50\xa0£" == format_gbp(Decimal("1234.5"), "de_DE")


def test_to_penny_defaults_to_half_up() -> None:
    """£0.125 to the penny: half-up gives £0.13 (half-even would give £0.12)."""
    assert Decimal("0.13") == to_penny(Decimal("0.125"))
    assert Decimal("0.12") == to_penny(Decimal("0.125"), Rounding.HALF_EVEN)
