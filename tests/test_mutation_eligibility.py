"""Eligibility declarations at their edges (issue #27: survivors of the mutation run).

Each expected value is worked by hand from the declaration's meaning: whole years of age,
inclusive bands, "empty statuses means anyone", and the errors a council author sees when a
declaration is wrong (which name the field and the rule, never the value).
"""

from __future__ import annotations

import datetime as dt

import pytest

from childcare_commissioning.eligibility import AgeBand, Cohort, Exclusion, age_on
from childcare_commissioning.errors import ModelValueError
from childcare_commissioning.model import Citation, Status

D = dt.date
CITE = Citation("testshire", "2 Scope", "children in need")


# --- age_on ----------------------------------------------------------------------------------


def test_age_on_the_day_of_birth_is_zero_and_a_day_before_is_refused() -> None:
    """Born 10 May 2015: on 10 May 2015 aged 0 (the day of birth is not before it); on
    9 May 2015 there is no age, and the error says why."""
    assert 0 == age_on(D(2015, 5, 10), D(2015, 5, 10))
    with pytest.raises(ValueError, match=r"^the date is before the date of birth$"):
        age_on(D(2015, 5, 10), D(2015, 5, 9))


@pytest.mark.parametrize(
    ("on", "age"),
    [
        (D(2025, 5, 9), 9),  # the day before the 10th birthday
        (D(2025, 5, 10), 10),  # the birthday itself
        (D(2025, 4, 30), 9),  # an earlier month, a later day
        (D(2025, 6, 1), 10),  # a later month, an earlier day
    ],
)
def test_age_on_around_a_birthday(on: dt.date, age: int) -> None:
    """Born 10 May 2015: 2025 - 2015 = 10 from 10 May 2025, 9 before it."""
    assert age == age_on(D(2015, 5, 10), on)


# --- AgeBand --------------------------------------------------------------------------------


def test_a_maximum_below_the_minimum_is_refused_naming_field_and_rule() -> None:
    """AgeBand(10, 5): the maximum (5) is below the minimum (10). The error names the field
    ``maximum`` and the rule ``age-band``; the accepted neighbour 10-10 is a one-year band."""
    with pytest.raises(ModelValueError) as refused:
        AgeBand(10, 5)
    assert ("maximum", "age-band") == (refused.value.field, refused.value.rule)
    assert "maximum: must not be below minimum [age-band]" == str(refused.value)
    band = AgeBand(10, 10)
    assert (10, 10) == (band.minimum, band.maximum)


def _band(field: str, value: int) -> AgeBand:
    return AgeBand(minimum=value) if field == "minimum" else AgeBand(maximum=value)


@pytest.mark.parametrize("field", ["minimum", "maximum"])
def test_a_negative_bound_is_refused_naming_the_field_and_zero_is_accepted(field: str) -> None:
    """-1 is not an age; 0 is (a newborn). Each bound alone."""
    with pytest.raises(ModelValueError) as refused:
        _band(field, -1)
    assert (field, "age-band") == (refused.value.field, refused.value.rule)
    assert f"{field}: must not be negative [age-band]" == str(refused.value)
    assert 0 == getattr(_band(field, 0), field)


def test_only_the_maximum_is_compared_with_the_minimum() -> None:
    """A minimum alone, or a maximum alone, has nothing to be below: AgeBand(18) and
    AgeBand(None, 3) are accepted (18 and over; up to 3)."""
    assert (18, None) == (AgeBand(18).minimum, AgeBand(18).maximum)
    assert (None, 3) == (AgeBand(None, 3).minimum, AgeBand(None, 3).maximum)


@pytest.mark.parametrize(
    ("band", "text"),
    [
        (AgeBand(10, 17), "10-17"),
        (AgeBand(16), "16 and over"),
        (AgeBand(None, 17), "up to 17"),
        (AgeBand(), "any age"),
        (AgeBand(10, 17, predominant=True), "predominantly 10-17"),
        (AgeBand(predominant=True), "predominantly any age"),
    ],
)
def test_age_bands_in_words(band: AgeBand, text: str) -> None:
    """The words referral findings and the handbook show ("age 19 is outside the 10-17
    band"), one per shape of band."""
    assert text == str(band)


# --- Cohort and Exclusion ---------------------------------------------------------------------


def test_identification_is_decisive_only_when_the_cohort_names_who_identifies() -> None:
    """A cohort of looked-after children. Identified as eligible with no ``identified_by``:
    the statuses still decide (a child in need only is not a member); with
    ``identified_by="the council"`` the identification decides."""
    plain = Cohort("cla", "Looked after", CITE, statuses=frozenset({Status.LOOKED_AFTER}))
    by_council = Cohort(
        "cla2",
        "Looked after",
        CITE,
        statuses=frozenset({Status.LOOKED_AFTER}),
        identified_by="the council",
    )
    cin = frozenset({Status.CHILD_IN_NEED})
    assert not plain.matches_statuses(cin, identified_eligible=True)
    assert by_council.matches_statuses(cin, identified_eligible=True)
    assert not by_council.matches_statuses(cin, identified_eligible=False)
    assert not by_council.matches_statuses(cin)  # not identified unless the caller says so
    assert plain.matches_statuses(frozenset({Status.LOOKED_AFTER}), identified_eligible=False)


def test_a_cohort_with_only_required_statuses() -> None:
    """No ``statuses`` (anyone) but ``required_statuses`` {looked after}: anyone looked
    after matches, whatever else they hold; nobody without it does."""
    cohort = Cohort("req", "Required", CITE, required_statuses=frozenset({Status.LOOKED_AFTER}))
    assert cohort.matches_statuses(frozenset({Status.LOOKED_AFTER}))
    assert cohort.matches_statuses(frozenset({Status.LOOKED_AFTER, Status.CHILD_IN_NEED}))
    assert not cohort.matches_statuses(frozenset({Status.CHILD_IN_NEED}))
    assert not cohort.matches_statuses(frozenset())


@pytest.mark.parametrize(
    ("statuses", "age", "applies"),
    [
        (frozenset(), 17, False),  # below the age, no status
        (frozenset(), 18, True),  # exactly the minimum age
        (frozenset(), None, False),  # unknown age never matches an age condition
        (frozenset({Status.CHILD_IN_NEED}), 5, True),  # by status
        (frozenset({Status.CHILD_IN_NEED, Status.LOOKED_AFTER}), 19, False),  # lifted
    ],
)
def test_exclusion_by_status_or_age_unless(
    statuses: frozenset[Status], age: int | None, applies: bool
) -> None:
    """Excludes children in need, or anyone 18 or over, unless looked after."""
    exclusion = Exclusion(
        "x",
        "Excluded",
        CITE,
        statuses=frozenset({Status.CHILD_IN_NEED}),
        minimum_age=18,
        unless_statuses=frozenset({Status.LOOKED_AFTER}),
    )
    assert applies == exclusion.applies(statuses, age)
