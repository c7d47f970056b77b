"""Plymouth: the monitoring checklist and the computations' list in ``duties.py``."""

from __future__ import annotations

import pytest
from childcare_commissioning_plymouth import SPEC


@pytest.mark.parametrize(
    ("duty_id", "quote"),
    [
        ("share-mobile-numbers", "prior to commencement"),
        ("managerial-advice-24-7", "competent managerial/supervisory advice"),
        ("rectify-deficiencies", "rectify these immediately"),
        ("remove-staff-on-request", "borne by the Provider"),
        ("no-unsafe-subcontracting", "will not sub-contract"),
        ("rotas-with-photos", "rotas including staff photographs"),
        ("business-continuity-plan", "prepare and maintain a robust Business Continuity"),
        ("cyber-resilience", "review, update and test their BCP"),
        ("no-nicotine", "refrain from using nicotine"),
        ("family-time-not-supervised", "will NOT include supervision"),
    ],
)
def test_checkable_duties_are_declared(duty_id: str, quote: str) -> None:
    """Each duty the audit names (C57, C75, C105, C91, C67, C86, C115, C117, C89, C09)
    exists, cites the sentence that imposes it and asks a monitoring question."""
    [duty] = [d for d in SPEC.duties if d.id == duty_id]
    assert quote.casefold() in duty.citation.quote.casefold()
    assert duty.question.endswith(("?", "."))
