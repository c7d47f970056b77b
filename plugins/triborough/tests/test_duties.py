"""Triborough: the monitoring checklist and the computations' list in ``duties.py``."""

from __future__ import annotations

import pytest
from childcare_commissioning_triborough import (
    SPEC,
)

from childcare_commissioning.register import EntryStatus, covering, normalise_text

from .helpers import TEXT


@pytest.mark.parametrize(
    ("duty_id", "clause"),
    [
        ("whistle-blowing-policy", "6.4"),
        ("abuse-procedures", "6.4"),
        ("adult-abuse-procedures", "6.5"),
        ("behaviour-anti-bullying-policy", "5.2"),
        ("records-and-early-assessment", "5.3"),
        ("equipment", "5.5"),
        ("personnel-file-access", "7.4"),
        ("refer-unsuitable-staff-for-barring", "7.3"),
        ("family-permission-for-referrals", "2.21"),
        ("investigate-gross-misconduct", "7.5"),
    ],
)
def test_the_missing_duties_are_declared(duty_id: str, clause: str) -> None:
    """Audit defect 4: each duty it lists is declared, cites its clause, and its quote is in
    the text."""
    [duty] = [d for d in SPEC.duties if d.id == duty_id]
    assert clause == duty.citation.clause
    assert normalise_text(duty.citation.quote) in TEXT


def test_the_health_inequalities_instruction_is_a_duty() -> None:
    """Section 2: 'Work with the families of Young Carers to reduce the health inequalities
    that they face ...' is an instruction (duty health-support), not context."""
    assert SPEC.register is not None
    found = {
        (entry.status, rule)
        for entry, sentences in covering(SPEC.register)
        if any("reduce the health inequalities" in s.text.casefold() for s in sentences)
        for rule in entry.rules
    }
    assert {(EntryStatus.DUTY, "duties/health-support")} == found
