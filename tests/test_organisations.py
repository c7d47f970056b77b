"""Organisations matched by identity (Plymouth audit 2026-12, D4): each accepted spelling
beside one refused, worked from the module's rules."""

from __future__ import annotations

import pytest

from childcare_commissioning.model import Citation
from childcare_commissioning.organisations import Organisation, same_name

ORG = Organisation(
    "somerset-council",
    "Somerset Council",
    Citation("somerset", "1", "Somerset Council"),
    aliases=frozenset({"SCC"}),
    departments=frozenset({"Children's Services"}),
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Somerset Council", True),
        ("  somerset   COUNCIL ", True),  # case and spacing
        ("SCC", True),  # an alias
        ("Childrens Services", True),  # a declared department alone; apostrophe dropped
        ("Somerset Council (Edge of Care)", True),  # any part, in brackets
        ("Somerset Council - EDT", True),  # after a dash
        ("Somerset Council: Placements Team", True),  # after a colon
        ("Edge of Care, Somerset Council", True),  # before, after a comma
        ("Edge of Care (Somerset Council)", True),  # the organisation in brackets
        ("SCC / Placements Team", True),  # an alias with a part
        ("Somerset Council Housing", False),  # no separator: another body
        ("North Somerset Council", False),  # a longer name
        ("Somerset", False),
        ("Placements Team", False),  # an undeclared part alone
        ("", False),
        (None, False),
        ("Somerset Council ()", True),  # empty brackets are only punctuation
    ],
)
def test_a_recorded_name_is_the_organisation_or_not(text: str | None, expected: bool) -> None:
    assert expected is ORG.recognises(text)


def test_named_means_the_whole_organisation_by_id_name_or_alias() -> None:
    assert (True, True, True, False) == (
        ORG.named("somerset-council"),
        ORG.named("somerset council"),
        ORG.named("scc"),
        ORG.named("Children's Services"),
    )


def test_same_name_reads_ampersand_as_and_and_ignores_punctuation() -> None:
    assert same_name("Children, Young People & Families", "children young people and families")
    assert not same_name("", "")
