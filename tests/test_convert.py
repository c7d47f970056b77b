"""Reading documents: every problem at once, with its JSON path, never echoing a value."""

from __future__ import annotations

import pytest

from childcare_commissioning.convert import loads, structure
from childcare_commissioning.errors import ConversionError, Problem
from childcare_commissioning.examples import read_example
from childcare_commissioning.model import Package, Referral


def _good_referral() -> dict[str, object]:
    return {
        "id": "R-1",
        "received_at": "2024-12-24T18:00:00+00:00",
        "urgency": "urgent",
        "referrer": {"role": "social-worker"},
        "child": {"id": "YP-1", "date_of_birth": "2010-06-01", "name": "Secret Name"},
    }


def _problems(document: object, cls: type) -> list[Problem]:
    with pytest.raises(ConversionError) as caught:
        structure(document, cls)
    return list(caught.value.problems)


def test_two_bad_fields_are_reported_together_with_their_paths() -> None:
    """A wrong date of birth and a wrong urgency are both reported, each at its path."""
    document = _good_referral()
    document["urgency"] = "asap"
    document["child"] = {"id": "YP-1", "date_of_birth": "01/06/2010"}
    problems = _problems(document, Referral)
    assert ["$.urgency", "$.child.date_of_birth"] == [p.path for p in problems]
    assert "expected one of 'emergency', 'urgent', 'standard', got string" == problems[0].message
    assert "expected a date (YYYY-MM-DD) or null, got string" == problems[1].message


def test_the_bundled_broken_referral_reports_all_four_problems() -> None:
    """The demo's broken example has four problems; all are reported at once."""
    with pytest.raises(ConversionError) as caught:
        loads(read_example("referral-broken.json"), Referral)
    assert [
        "$.received_at",
        "$.urgency",
        "$.referrer.nmae",
        "$.child.date_of_birth",
    ] == [p.path for p in caught.value.problems]
    assert "4 problems" in str(caught.value)


def test_unknown_keys_are_errors_at_every_level() -> None:
    """A typo is an error, not a silently ignored key."""
    document = _good_referral()
    document["urgncy"] = "urgent"
    document["child"] = {"id": "YP-1", "dob": "2010-06-01"}
    problems = _problems(document, Referral)
    assert {("$.child.dob", "no-unknown-fields"), ("$.urgncy", "no-unknown-fields")} == {
        (p.path, p.rule) for p in problems
    }


def test_missing_required_fields_are_named() -> None:
    """A referral without its time and referrer says both are missing."""
    document = _good_referral()
    del document["received_at"]
    del document["referrer"]
    problems = _problems(document, Referral)
    assert {"$.received_at", "$.referrer"} == {p.path for p in problems}
    assert {"required field missing"} == {p.message for p in problems}


def test_error_text_never_contains_personal_values() -> None:
    """Bad personal values are described by type only: the error text is safe to log."""
    document = _good_referral()
    document["child"] = {
        "id": "YP-1",
        "date_of_birth": "Born 3rd of May 2009 in Truro",
        "name": ["Secret", "Name"],
        "address": 12345,
    }
    with pytest.raises(ConversionError) as caught:
        structure(document, Referral)
    text = str(caught.value)
    assert "$.child.date_of_birth" in text
    assert "$.child.name" in text
    assert "$.child.address" in text
    for secret in ("Truro", "Secret", "12345", "2009"):
        assert secret not in text


def test_strings_are_not_split_into_lists() -> None:
    """'abc' for a list field is an error, not ['a', 'b', 'c']."""
    document = _good_referral()
    document["risks"] = "self-harm"
    assert ["$.risks"] == [p.path for p in _problems(document, Referral)]


def test_list_items_are_located_by_index() -> None:
    """A bad item in a list is reported at its index."""
    document = _good_referral()
    document["child"] = {"id": "YP-1", "statuses": ["looked-after", "orphan", 3]}
    assert ["$.child.statuses[1]", "$.child.statuses[2]"] == [
        p.path for p in _problems(document, Referral)
    ]


def test_numbers_are_not_silently_converted() -> None:
    """A number where text is expected (and text where a number is) is an error."""
    problems = _problems(
        {
            "id": 17,
            "council": "plymouth",
            "child_id": "YP",
            "start": "2024-01-01",
            "hours_per_week": "lots",
        },
        Package,
    )
    assert ["$.id", "$.hours_per_week"] == [p.path for p in problems]


def test_rule_violations_name_the_field_and_rule() -> None:
    """A package that ends before it starts: the path and the rule are both given."""
    problems = _problems(
        {
            "id": "P",
            "council": "plymouth",
            "child_id": "YP",
            "start": "2024-02-01",
            "end": "2024-01-01",
        },
        Package,
    )
    assert [Problem("$.end", "must not be before start", "end-after-start")] == problems


def test_not_an_object_at_all() -> None:
    """A list where an object is expected is said plainly."""
    assert [Problem("$", "expected an object (Package), got array")] == _problems([], Package)


def test_invalid_json_text() -> None:
    """Text that is not JSON gives a located error, not a traceback."""
    with pytest.raises(ConversionError, match=r"not valid JSON \(line 1, column 9\)"):
        loads('{"id": 1', Package)
