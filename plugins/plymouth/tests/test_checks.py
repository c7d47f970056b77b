"""Plymouth: the rules computed in code (``checks.py``), worked by hand from the text."""

from __future__ import annotations

from decimal import Decimal

import pytest
from childcare_commissioning_plymouth import (
    POLICIES,
    PolicyReview,
    policy_kpi,
)

from childcare_commissioning.errors import ModelValueError
from childcare_commissioning.workforce import (
    Completion,
    Worker,
)

from .helpers import HEALTHCARE, D, team_codes


def test_healthcare_team_with_nobody_trained_gets_all_eight_findings() -> None:
    """Section 6: 'sufficient numbers of staff undertaking direct work with children and
    young people with personal / healthcare needs' are trained in eight subjects. Two
    direct-work staff who work with healthcare needs, neither trained in any of them: each
    of the eight subjects is short (0 of 2 trained, at least 1 needed, reading
    sufficient-numbers)."""
    team = [
        Worker("A", works_with=frozenset({"healthcare"})),
        Worker("B", works_with=frozenset({"healthcare"})),
    ]
    codes = team_codes(team, D(2025, 1, 6))
    assert {f"workforce.team.{s}" for s in HEALTHCARE} <= codes


def test_one_peg_trained_worker_meets_peg_feeding_but_not_tracheostomy() -> None:
    """One of the two trained in PEG feeding (1 Jul 2024; the text sets no refresher for
    these subjects, so it is still valid on 6 Jan 2025): 1 >= 1, PEG feeding is met;
    tracheostomy care (text: 'Tracheotomy care') still has nobody."""
    team = [
        Worker(
            "A",
            works_with=frozenset({"healthcare"}),
            completions=(Completion("peg-feeding", D(2024, 7, 1)),),
        ),
        Worker("B", works_with=frozenset({"healthcare"})),
    ]
    codes = team_codes(team, D(2025, 1, 6))
    assert "workforce.team.peg-feeding" not in codes
    assert "workforce.team.tracheostomy" in codes


def test_a_social_care_only_team_is_not_asked_for_healthcare_training() -> None:
    """The eight subjects are for staff working with personal / healthcare needs: a team
    working only with social-care needs gets none of those findings (but still the nine
    'sufficient numbers' subjects for all direct-work staff, e.g. first aid)."""
    team = [Worker("A", works_with=frozenset({"social-care"}))]
    codes = team_codes(team, D(2025, 1, 6))
    assert not {f"workforce.team.{s}" for s in HEALTHCARE} & codes
    assert "workforce.team.first-aid" in codes


def test_clinical_governance_may_be_not_applicable() -> None:
    """8.1 lists 'Clinical governance structure (where relevant)'. A provider without
    clinical staff marks it not applicable and has the other 15 in date: 15/15 = 100%
    (the audit's V41 gave 93.8% with an error)."""
    clinical = "Clinical governance structure (where relevant)"
    reviews = {p: PolicyReview(D(2024, 6, 1), D(2025, 6, 1)) for p in POLICIES if p != clinical}
    percent, findings = policy_kpi(reviews, D(2025, 1, 6), not_applicable=frozenset({clinical}))
    assert (Decimal("100.0"), []) == (percent, findings)


def test_not_applicable_with_one_overdue() -> None:
    """Clinical governance not applicable and the lone working policy overdue (next due
    1 Jun 2024, checked 6 Jan 2025): 14 of 15 = 93.33...% -> 93.3%."""
    clinical = "Clinical governance structure (where relevant)"
    reviews = {p: PolicyReview(D(2024, 6, 1), D(2025, 6, 1)) for p in POLICIES}
    reviews["Lone working policy"] = PolicyReview(D(2023, 6, 1), D(2024, 6, 1))
    percent, findings = policy_kpi(reviews, D(2025, 1, 6), not_applicable=frozenset({clinical}))
    assert (Decimal("93.3"), ["plymouth.kpi.policy-overdue"]) == (
        percent,
        [f.code for f in findings],
    )


def test_only_where_relevant_policies_may_be_not_applicable() -> None:
    """Safeguarding Children is not '(where relevant)': it cannot be left out."""
    with pytest.raises(ModelValueError, match="not_applicable"):
        policy_kpi({}, D(2025, 1, 6), not_applicable=frozenset({"Safeguarding Children"}))


def test_policy_kpi() -> None:
    """Sixteen policies; 15 reviewed in time and one overdue on 6 Jan 2025 is 15/16 =
    93.75%, shown as 93.8%, below the 100% target."""
    reviews = {p: PolicyReview(D(2024, 6, 1), D(2025, 6, 1)) for p in POLICIES}
    reviews["Lone working policy"] = PolicyReview(D(2023, 6, 1), D(2024, 6, 1))
    percent, findings = policy_kpi(reviews, D(2025, 1, 6))
    assert (Decimal("93.8"), 1) == (percent, len(findings))
    assert 16 == len(POLICIES)
