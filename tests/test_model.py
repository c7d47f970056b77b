"""The model: round-trips through JSON, validation rules, and personal data kept out of sight."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import childcare_commissioning
from childcare_commissioning import (
    billing,
    calendars,
    contract,
    council,
    deadlines,
    durations,
    eligibility,
    measures,
    model,
    obligations,
    redaction,
    referrals,
    repeats,
    safeguarding,
    schedules,
    statuses,
    training_matrix,
    workforce,
)
from childcare_commissioning.convert import dumps, loads, structure, unstructure
from childcare_commissioning.council import CouncilSpec
from childcare_commissioning.errors import ModelValueError
from childcare_commissioning.model import ChildOrYoungPerson, Package, Referral, StaffRatio
from childcare_commissioning.testing import strategies

PUBLIC_MODULES = [
    childcare_commissioning,
    contract,
    billing,
    model,
    calendars,
    durations,
    deadlines,
    schedules,
    obligations,
    council,
    eligibility,
    referrals,
    redaction,
    workforce,
    safeguarding,
    measures,
    statuses,
    repeats,
    training_matrix,
]
ALL_MODELS = sorted(
    {
        getattr(module, name)
        for module in PUBLIC_MODULES
        for name in module.__all__
        if attrs.has(getattr(module, name))
    },
    key=lambda cls: cls.__qualname__,
)


def test_every_model_has_a_strategy() -> None:
    """A model class added to the public API must also join the shared strategies."""
    assert set(ALL_MODELS) == set(strategies.MODELS)


@pytest.mark.parametrize("cls", ALL_MODELS, ids=lambda c: c.__name__)
def test_every_model_is_frozen_and_slotted(cls: type) -> None:
    """Models are values: frozen (immutable) and slotted."""
    assert attrs.fields(cls)  # an attrs class
    assert "__slots__" in cls.__dict__
    assert cls.__setattr__ is not object.__setattr__


@pytest.mark.parametrize("cls", ALL_MODELS, ids=lambda c: c.__name__)
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_every_model_round_trips_through_json_text(cls: type, data: st.DataObject) -> None:
    """Every model survives JSON text unchanged.

    Compared as JSON and, once read, as objects: Python never calls two datetimes in
    different zones equal during the autumn clock-change fold (PEP 495), though both
    denote the same instant and write the same text.
    """
    value = data.draw(strategies.MODELS[cls])
    text = dumps(value)
    once = loads(text, cls)
    assert json.loads(text) == json.loads(dumps(once))
    assert once == loads(dumps(once), cls)
    if "Europe/London" not in repr(value):
        assert value == once


@given(strategies.referrals)
@settings(max_examples=50, deadline=None)
def test_structuring_never_mutates_the_callers_document(referral: Referral) -> None:
    """The caller's dict is left exactly as it was given."""
    document = unstructure(referral)
    snapshot = json.dumps(document, sort_keys=True, default=str)
    structure(document, Referral)
    assert snapshot == json.dumps(document, sort_keys=True, default=str)


PERSONAL_VALUES = {
    "name": "Zebedee Quixote",
    "address": "42 Nowhere Lane, PL1 9ZZ",
    "gender": "GenderValueX",
    "ethnicity": "EthnicityValueY",
}


def test_personal_data_is_not_in_repr() -> None:
    """Name, address, date of birth, gender and ethnicity never appear in a repr."""
    child = ChildOrYoungPerson(id="YP-7", date_of_birth=dt.date(2008, 2, 29), **PERSONAL_VALUES)
    referral = structure(
        {
            "id": "R-1",
            "received_at": "2024-01-05T09:00:00+00:00",
            "urgency": "standard",
            "referrer": {"role": "social-worker", "name": "Referrer Person", "phone": "0700"},
            "child": unstructure(child),
            "information": {"birth_family_history": "Sensitive history text"},
        },
        Referral,
    )
    text = repr(referral) + repr(child) + str(referral)
    for secret in [*PERSONAL_VALUES.values(), "2008", "Referrer Person", "0700", "Sensitive"]:
        assert secret not in text
    assert "YP-7" in text  # the pseudonymous id is what identifies the person


@given(strategies.people)
def test_personal_fields_are_marked_as_such(child: ChildOrYoungPerson) -> None:
    """Every field hidden from repr is marked personal, so redaction can find it."""
    hidden = {f.name for f in attrs.fields(ChildOrYoungPerson) if not f.repr}
    marked = {f.name for f in attrs.fields(ChildOrYoungPerson) if model.is_personal(f)}
    assert {"date_of_birth", "name", "address", "gender", "ethnicity"} == marked
    assert hidden == marked
    assert repr(child.id) in repr(child)


def test_naive_datetimes_are_refused_in_python_too() -> None:
    """A referral time without an offset is ambiguous across clock changes."""
    with pytest.raises(ModelValueError, match="received_at") as caught:
        Referral(
            id="R",
            received_at=dt.datetime(2024, 3, 31, 1, 30),  # noqa: DTZ001 - the point of the test
            urgency=model.Urgency.URGENT,
            referrer=model.Referrer("social-worker"),
            child=ChildOrYoungPerson("YP"),
        )
    assert "timezone-aware" == caught.value.rule


def test_package_end_before_start_is_refused() -> None:
    """A package cannot end before it starts; the error names the field and rule."""
    with pytest.raises(ModelValueError) as caught:
        Package("P", "plymouth", "YP", dt.date(2024, 2, 1), end=dt.date(2024, 1, 31))
    assert ("end", "end-after-start") == (caught.value.field, caught.value.rule)


@pytest.mark.parametrize(
    ("text", "expected"), [("2:1", StaffRatio(2, 1)), (" 1 : 3 ", StaffRatio(1, 3))]
)
def test_staff_ratio_parses_the_usual_notation(text: str, expected: StaffRatio) -> None:
    """Ratios are written staff:people."""
    assert expected == StaffRatio.parse(text)
    assert f"{expected.staff}:{expected.people}" == str(expected)


@pytest.mark.parametrize("text", ["2", "0:1", "2:0", "two:one", ""])
def test_staff_ratio_rejects_anything_else(text: str) -> None:
    """A ratio needs two whole numbers of at least one."""
    with pytest.raises(ModelValueError):
        StaffRatio.parse(text)


@pytest.mark.parametrize(
    ("given_value", "expected"),
    [("12.50", Decimal("12.50")), (12, Decimal(12)), (0.45, Decimal("0.45"))],
)
def test_decimals_are_exact(given_value: Any, expected: Decimal) -> None:
    """0.45 (a float from someone's json.loads) is read as 0.45, not 0.450000000000000011."""
    package = structure(
        {
            "id": "P",
            "council": "c",
            "child_id": "YP",
            "start": "2024-01-01",
            "hours_per_week": given_value,
        },
        Package,
    )
    assert expected == package.hours_per_week
    assert str(expected) == unstructure(package)["hours_per_week"]


def test_council_spec_rejects_duplicate_service_ids() -> None:
    """Two services with one id would make lookups ambiguous."""
    cite = model.Citation("x", "1", "q")
    service = model.Service("core", "Core", "Core service", cite)
    with pytest.raises(ModelValueError, match="services"):
        CouncilSpec(
            id="x",
            name="X",
            specification=model.Specification("T", "1", dt.date(2020, 1, 1)),
            citation=cite,
            services=(service, service),
        )


def test_council_spec_service_lookup_lists_known_services() -> None:
    """Asking for a service the council does not have names the ones it has."""
    cite = model.Citation("x", "1", "q")
    spec = CouncilSpec(
        id="x",
        name="X",
        specification=model.Specification("T", "1", dt.date(2020, 1, 1)),
        citation=cite,
        services=(model.Service("core", "Core", "Core service", cite),),
    )
    assert "core" == spec.service("core").id
    with pytest.raises(LookupError, match="known: core"):
        spec.service("pilot")


def test_specification_in_force() -> None:
    """Effective dates are inclusive at both ends."""
    spec = model.Specification("T", "1", dt.date(2018, 7, 1), dt.date(2021, 6, 30))
    assert [False, True, True, False] == [
        spec.in_force(d)
        for d in (
            dt.date(2018, 6, 30),
            dt.date(2018, 7, 1),
            dt.date(2021, 6, 30),
            dt.date(2021, 7, 1),
        )
    ]


def test_reference_table_rows_must_fit_the_columns() -> None:
    """A row with the wrong number of cells is refused, naming the row."""
    from childcare_commissioning.measures import ReferenceTable

    cite = model.Citation("x", "1", "q")
    with pytest.raises(ModelValueError, match="row 1 has 1 cells for 2 columns"):
        ReferenceTable("t", "T", ("a", "b"), [("1", "2"), ("3",)], cite)
