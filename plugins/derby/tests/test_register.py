"""Derby: the account of the text in ``register.py``: every sentence, list item and
table cell accounted for, and each audit clause reached by an entry."""

from __future__ import annotations

import re

from childcare_commissioning_derby import SPEC

from childcare_commissioning.conformance import register_violations
from childcare_commissioning.register import coverage


def test_every_sentence_is_accounted_for_with_no_violation() -> None:
    """The register covers all 473 sentences of the shipped text (the sentence split of
    childcare_commissioning.register), every quote is found and every declared id is named.
    473 = the 463 sentences of three words or more, and 10 short list items and cells that
    count since #34: '- Children Act 1989,' (line 43), '- Maintaining them;' (55),
    '- Equality Act 2010' (89), '- Homelessness Act 2002' (96), '- Eliminating
    discrimination' (314), '- staff rosters;' (401), the 'Frequency' cell (423),
    '1. service accountability' (454), '- collaborative working' (456), '- 3. flexible
    delivery' (457)."""
    result = coverage(SPEC.register)  # type: ignore[arg-type]
    assert (result.sentences, result.covered, result.problems) == (473, 473, ())
    assert register_violations(SPEC) == []


def test_every_operational_clause_of_the_audit_is_a_rule_duty_or_not_encoded() -> None:
    """The audit's inventory D01-D142: every clause number appears in the note of an entry
    whose status is rule, duty, definition (a reading) or not-encoded, never context."""
    assert SPEC.register is not None
    seen: dict[int, set[str]] = {}
    for entry in SPEC.register.entries:
        for number in re.findall(r"D(\d{2,3})", entry.note):
            seen.setdefault(int(number), set()).add(entry.status.value)
    missing = sorted(set(range(1, 143)) - set(seen))
    assert missing == []
    assert all("context" not in statuses for statuses in seen.values())
