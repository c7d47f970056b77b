"""Triborough: the account of the text in ``register.py``: every sentence, list item and
table cell accounted for, and each audit clause reached by an entry."""

from __future__ import annotations

import re

import pytest
from childcare_commissioning_triborough import REGISTER

from childcare_commissioning.register import EntryStatus, coverage

from .helpers import run


def test_every_audit_clause_is_a_rule_a_duty_or_not_encoded_with_a_reason() -> None:
    """The audit lists 62 operational clauses (TR-01 to TR-62); each is named in the note of
    at least one entry, and at least one of those is a rule, a duty or not-encoded."""
    operational = {EntryStatus.RULE, EntryStatus.DUTY, EntryStatus.NOT_ENCODED}
    statuses: dict[int, set[EntryStatus]] = {}
    for entry in REGISTER.entries:
        for number in re.findall(r"TR-(\d\d)", entry.note):
            statuses.setdefault(int(number), set()).add(entry.status)
    assert set(range(1, 63)) == set(statuses)
    assert [] == [n for n, found in sorted(statuses.items()) if not found & operational]


def test_the_whole_text_is_accounted_for() -> None:
    """234 sentences (counted by the register's splitting rules), all covered: the 200 of
    three words or more, and since #34 the 34 short list items and table cells: '1.
    Definitions', the definitions table's cells 'apply:', 'Definition', 'Meaning', 'Young
    Carer', 'Outreach Model', 'Quarter', 'Children', 'Young People', 'IYSS', 'Hidden
    Carers' (10), the volume table's 'Local Authority', 'Year 1'-'Year 3' and its 15
    numbers, Hammersmith and Fulham's row (425, 99, 30, 30, 39) among them (19), '·
    Community services;', the 'Behaviour management' heading cell, and Appendix 1's
    'Priority Outcome' and 'Outputs' cells: 1 + 10 + 19 + 4 = 34."""
    found = coverage(REGISTER)
    assert (234, 234, ()) == (found.sentences, found.covered, found.problems)


def test_clauses_summary_is_complete(capsys: pytest.CaptureFixture[str]) -> None:
    """`clauses --summary` exits 0 only at 100 %: all 234 sentences covered (see
    test_the_whole_text_is_accounted_for)."""
    [summary] = run(capsys, "clauses", "--council", "triborough", "--summary")
    assert (234, 234) == (summary["sentences"], summary["covered"])
