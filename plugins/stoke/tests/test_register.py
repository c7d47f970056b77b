"""Stoke: the account of the text in ``register.py``: every sentence, list item and
table cell accounted for, and each audit clause reached by an entry."""

from __future__ import annotations

import re

from childcare_commissioning_stoke import SPEC

from childcare_commissioning.register import EntryStatus

#: The audit's inventory (shared/audits/stoke.md, section 1) numbers 87 operational clauses,
#: ST-01 to ST-87. ST-09 and ST-10 are the text's definitions of "Looked after child" and
#: "Service user": the register accounts for them as glossary definitions.
AUDIT_DEFINITIONS = {9, 10}


def test_no_not_encoded_reason_puts_the_baseline_in_the_framework() -> None:
    """The text says the comparison is made "against the baseline in section 1.4.2"
    (2.2.2), not in the Performance Management Framework: no entry of 1.4.2 is left
    not-encoded on that ground. The out of city and CIC figures are the baselines the
    placement-stability outcomes are evidenced against: since #34 ('rule' means computed)
    they are context naming their reference tables, and the checklist item of each outcome
    asks for the evidence against them."""
    assert SPEC.register is not None
    entries = [e for e in SPEC.register.entries if e.clause.startswith("1.4.2")]
    for entry in entries:
        if entry.status is EntryStatus.NOT_ENCODED:
            assert "Performance Management Framework" not in entry.reason
    by_clause = {e.clause: e for e in entries}
    assert (
        "reference_tables/sgh-out-of-city-moves" in by_clause["1.4.2 Out of city placements"].rules
    )
    assert EntryStatus.CONTEXT is by_clause["1.4.2 Current CIC Population"].status
    assert (
        "reference_tables/children-in-care-2017" in by_clause["1.4.2 Current CIC Population"].rules
    )
    [core] = [d for d in SPEC.duties if d.id == "outcome-core-placement-stability"]
    assert "against the baseline in 1.4.2" in core.evidence
    assert "sgh-out-of-city-moves" in core.evidence


def test_budget_cells_are_sentences_carried_by_the_budgets() -> None:
    """#34: the budget tables' cells ('Core service', '£60,000', 'Pilot', '£30,000' for
    2018/19, lines 924-928; £80,000 and £40,000 for 2019/20 and 2020/21) were dropped as
    short labels; they are sentences now, each covered by the entry naming that year's
    budget, and the register still covers the whole text."""
    from childcare_commissioning.register import coverage, covering

    assert SPEC.register is not None
    carried: dict[tuple[int, str], tuple[str, ...]] = {
        (sentence.line, sentence.text): entry.rules
        for entry, sentences in covering(SPEC.register)
        for sentence in sentences
    }
    for line, cell, budget in (
        (925, "£60,000", "billing/budgets/2018/19"),
        (928, "£30,000", "billing/budgets/2018/19"),
        (936, "£80,000", "billing/budgets/2019/20"),
        (939, "£40,000", "billing/budgets/2019/20"),
        (946, "£80,000", "billing/budgets/2020/21"),
        (949, "£40,000", "billing/budgets/2020/21"),
    ):
        assert budget in carried[(line, cell)]
    result = coverage(SPEC.register)
    assert result.sentences == result.covered


def test_every_audit_clause_is_a_rule_a_duty_or_not_encoded_with_a_reason() -> None:
    """Each ST-nn of the audit is named in the note of an entry whose status is rule, duty
    or not-encoded (definitions for ST-09 and ST-10 only), and every not-encoded entry has a
    reason of more than a few words."""
    register = SPEC.register
    assert register is not None
    statuses: dict[int, set[EntryStatus]] = {}
    for entry in register.entries:
        for number in re.findall(r"ST-(\d+)", entry.note):
            statuses.setdefault(int(number), set()).add(entry.status)
        if entry.status is EntryStatus.NOT_ENCODED:
            assert len(entry.reason.split()) >= 8, entry.clause
    assert set(range(1, 88)) == set(statuses)
    operational = {EntryStatus.RULE, EntryStatus.DUTY, EntryStatus.NOT_ENCODED}
    for number, found in statuses.items():
        if number in AUDIT_DEFINITIONS:
            assert {EntryStatus.DEFINITION} == found
        else:
            assert found & operational, f"ST-{number:02d}"
