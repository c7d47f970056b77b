"""Somerset: the monitoring checklist and the computations' list in ``duties.py``."""

from __future__ import annotations

from childcare_commissioning_somerset import SPEC

from childcare_commissioning.register import EntryStatus, covering


def test_medication_agreement_is_a_duty_with_a_monitoring_question() -> None:
    """3.2 IV "ensuring the agreement of the administration of any medications" (audit
    SO-41, missing there): a provider duty whose question asks for the recorded agreement."""
    duty = next(d for d in SPEC.duties if d.id == "medication-agreement")
    assert "provider" == duty.owed_by
    assert "agreement" in duty.question
    assert "administration of any medications" in duty.citation.quote


def test_the_key_objectives_are_on_the_checklist_not_computed() -> None:
    """2.2.1's outcomes are prose with no measure: the register labels them duty, and the
    checklist item says how they are evidenced (3.1: evidence agreed at the pre contract
    award meeting and annually thereafter)."""

    assert SPEC.register is not None
    [status] = {
        entry.status
        for entry, sentences in covering(SPEC.register)
        for sentence in sentences
        if sentence.text == "· Relationships between family members improves"
    }
    assert EntryStatus.DUTY is status
    [item] = [d for d in SPEC.duties if d.id == "outcome-objective-1"]
    assert "pre contract award meeting and annually thereafter (3.1)" in item.evidence
    assert item.question.startswith("Which of the outcomes of Key Objective 1")
