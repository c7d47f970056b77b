"""Triborough: the rules computed in code (``checks.py``), worked by hand from the text."""

from __future__ import annotations

from decimal import Decimal

import pytest
from childcare_commissioning_triborough import (
    Quarter,
    age_group,
    contract_year,
    minimum_progress,
    quarter,
    volume_progress,
)

from childcare_commissioning.registry import load_registry

from .helpers import D


@pytest.mark.parametrize(
    ("on", "number", "first", "last"),
    [
        # Commencement Fri 31 Jan 2025. 3 months on is 30 Apr (April has 30 days), 6 months
        # 31 Jul, 9 months 31 Oct, 12 months 31 Jan 2026: each Quarter ends the day before
        # the next begins.
        (D(2025, 1, 31), 1, D(2025, 1, 31), D(2025, 4, 29)),
        (D(2025, 4, 29), 1, D(2025, 1, 31), D(2025, 4, 29)),
        (D(2025, 4, 30), 2, D(2025, 4, 30), D(2025, 7, 30)),
        (D(2025, 7, 31), 3, D(2025, 7, 31), D(2025, 10, 30)),
        (D(2026, 1, 30), 4, D(2025, 10, 31), D(2026, 1, 30)),
        (D(2026, 1, 31), 5, D(2026, 1, 31), D(2026, 4, 29)),
    ],
)
def test_quarters_from_a_month_end_commencement(on: D, number: int, first: D, last: D) -> None:
    """'A calendar period of 3 months (the first of which starts on the Commencement Date
    ...)': reading 'quarter-end'."""
    assert Quarter(number, first, last) == quarter(D(2025, 1, 31), on)


def test_the_floor_of_thirty_families_a_year() -> None:
    """3.4: at least thirty a year across the boroughs. Commencement 1 Apr 2025; on 30 Jun
    2025 91 of the year's 365 days have passed: 30 x 91 / 365 = 7.479 -> 7.5 expected.
    Seven families are behind; eight are on track. On 31 Mar 2026 (365/365) 30 are
    expected."""
    start = D(2025, 4, 1)
    behind = minimum_progress(
        {"westminster": 3, "hammersmith-and-fulham": 4}, start, D(2025, 6, 30)
    )
    ahead = minimum_progress({"westminster": 4, "kensington-and-chelsea": 4}, start, D(2025, 6, 30))
    assert (7, Decimal("7.5"), False) == (
        behind.worked_with,
        behind.expected_by_now,
        behind.on_track,
    )
    assert (8, True) == (ahead.worked_with, ahead.on_track)
    assert Decimal("30.0") == minimum_progress({}, start, D(2026, 3, 31)).expected_by_now
    with pytest.raises(ValueError, match="unknown boroughs: camden"):
        minimum_progress({"camden": 30}, start, D(2025, 6, 30))
    with pytest.raises(ValueError, match="cannot be negative: westminster"):
        minimum_progress({"westminster": -1}, start, D(2025, 6, 30))


def test_volume_progress_in_the_first_quarter() -> None:
    """Commencement 1 Apr 2025; on 30 Jun 2025, 91 of the year's 365 days have passed, so
    each year-1 target of 30 expects 30 x 91 / 365 = 7.48 -> 7.5 families by now.
    Westminster (9) and Hammersmith and Fulham (8) are on track; Kensington and Chelsea (6)
    is behind."""
    example = load_registry(only=["triborough"]).examples("triborough")["families"]
    progress = {
        p.borough: p
        for p in volume_progress(
            example["families"],
            D.fromisoformat(example["commencement"]),
            D.fromisoformat(example["on"]),
        )
    }
    assert {b: (p.target, p.expected_by_now, p.on_track) for b, p in progress.items()} == {
        "westminster": (30, Decimal("7.5"), True),
        "kensington-and-chelsea": (30, Decimal("7.5"), False),
        "hammersmith-and-fulham": (30, Decimal("7.5"), True),
    }


def test_year_two_targets() -> None:
    """From 1 Apr 2026 it is contract year 2: targets 35, 35 and 30."""
    assert 2 == contract_year(D(2025, 4, 1), D(2026, 4, 1))
    assert 1 == contract_year(D(2025, 4, 1), D(2026, 3, 31))
    targets = {p.borough: p.target for p in volume_progress({}, D(2025, 4, 1), D(2026, 4, 1))}
    assert {
        "westminster": 35,
        "kensington-and-chelsea": 35,
        "hammersmith-and-fulham": 30,
    } == targets
    with pytest.raises(ValueError, match="unknown boroughs: camden"):
        volume_progress({"camden": 1}, D(2025, 4, 1), D(2025, 6, 1))


@pytest.mark.parametrize(
    ("age", "group"), [(12, "children"), (13, "young people"), (19, "young people"), (20, None)]
)
def test_age_groups_of_the_definitions(age: int, group: str | None) -> None:
    """ "Children": 12 years and under; "Young People": 13-19 years."""
    assert group == age_group(age)
