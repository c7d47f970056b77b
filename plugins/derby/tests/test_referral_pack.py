"""Section 4 of the round 2 audit: referral pack completeness as required information.

3.3.1: "where there are eligible needs the relevant teams will provide a copy of the Pathway
plan (with personal identification details removed) and indicative budget to providers";
3.3.5: "In such emergency situations the minimum assessment and pathway plan (if care
leaver) will be shared." Reading 'referral-pack': Lot 1 (care leavers, looked after young
people) has Pathway plans; every standard or urgent referral needs the indicative budget.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from childcare_commissioning_derby import SPEC

from childcare_commissioning import ChildOrYoungPerson, Referral, Referrer, Status, Urgency
from childcare_commissioning.referrals import Outcome, check_referral

AT = dt.datetime(2025, 2, 10, 10, 0, tzinfo=ZoneInfo("Europe/London"))
CARE_LEAVER = ChildOrYoungPerson(
    "YP", date_of_birth=dt.date(2005, 1, 1), statuses=frozenset({Status.CARE_LEAVER})
)
HOMELESS_CIN = ChildOrYoungPerson(
    "YP",
    date_of_birth=dt.date(2008, 6, 20),
    statuses=frozenset({Status.HOMELESS, Status.CHILD_IN_NEED}),
)


def _missing(
    child: ChildOrYoungPerson, lot: str, urgency: Urgency, information: dict[str, str]
) -> tuple[Outcome, list[str]]:
    decision = check_referral(
        SPEC,
        Referral(
            "R",
            AT,
            urgency,
            Referrer("leaving-care-team"),
            child,
            service=lot,
            information=information,
        ),
    )
    paths = sorted(
        f.path or "" for f in decision.findings if f.code == "referral.information.missing"
    )
    return decision.outcome, paths


@pytest.mark.parametrize("urgency", [Urgency.STANDARD, Urgency.URGENT])
def test_a_lot_1_pack_needs_the_pathway_plan_and_the_budget(urgency: Urgency) -> None:
    assert _missing(CARE_LEAVER, "lot-1", urgency, {}) == (
        Outcome.INCOMPLETE,
        ["$.information.indicative_budget", "$.information.pathway_plan"],
    )
    assert _missing(CARE_LEAVER, "lot-1", urgency, {"pathway_plan": "redacted"}) == (
        Outcome.INCOMPLETE,
        ["$.information.indicative_budget"],
    )
    complete = {"pathway_plan": "redacted", "indicative_budget": "600.00 a week"}
    assert _missing(CARE_LEAVER, "lot-1", urgency, complete) == (Outcome.ELIGIBLE, [])


def test_a_lot_2_pack_needs_the_budget_only() -> None:
    """A homeless child in need (Lot 2) has no Pathway plan to send."""
    assert _missing(HOMELESS_CIN, "lot-2", Urgency.STANDARD, {}) == (
        Outcome.INCOMPLETE,
        ["$.information.indicative_budget"],
    )
    assert _missing(
        HOMELESS_CIN, "lot-2", Urgency.STANDARD, {"indicative_budget": "500.00 a week"}
    ) == (Outcome.ELIGIBLE, [])


def test_the_emergency_minimum() -> None:
    """In an emergency: the minimum assessment always, the Pathway plan for a care leaver;
    no budget is required (the placement is made the same day)."""
    assert _missing(HOMELESS_CIN, "lot-2", Urgency.EMERGENCY, {}) == (
        Outcome.INCOMPLETE,
        ["$.information.minimum_assessment"],
    )
    assert _missing(CARE_LEAVER, "lot-1", Urgency.EMERGENCY, {}) == (
        Outcome.INCOMPLETE,
        ["$.information.minimum_assessment", "$.information.pathway_plan"],
    )
    assert _missing(
        CARE_LEAVER,
        "lot-1",
        Urgency.EMERGENCY,
        {"minimum_assessment": "summary", "pathway_plan": "redacted"},
    ) == (Outcome.ELIGIBLE, [])


def test_triggered_duties_are_listed_at_each_review() -> None:
    """Section 4 of the round 2 audit (reading 'review-duties'): the matrix re-assessment
    (3.2.4), the amended support plan and its copies (3.8.1) and the EIA (3.4.3) are listed
    with each formal review. Placement from Monday 6 January 2025 to 5 July 2025: reviews
    on 20 January (2 weeks), then 20 April (3 months on); 20 July is after its end. Listed
    from 1 January to 31 December 2025, each review date carries the review and the three
    duties, for that placement."""
    from childcare_commissioning.model import Package
    from childcare_commissioning.obligations import obligations_between

    placement = Package("IPA-1", "derby", "YP-1", dt.date(2025, 1, 6), dt.date(2025, 7, 5))
    found = obligations_between(
        SPEC.all_obligations(),
        dt.date(2025, 1, 1),
        dt.date(2025, 1, 1),
        dt.date(2025, 12, 31),
        SPEC.calendars,
        packages=[placement],
    )
    at_reviews: dict[dt.date, set[str]] = {}
    for occurrence in found:
        if occurrence.package_id == "IPA-1" and occurrence.obligation_id.startswith(
            ("placement-review", "review-")
        ):
            at_reviews.setdefault(occurrence.due_date, set()).add(occurrence.obligation_id)
    together = {"placement-review", "review-matrix", "review-support-plan", "review-eia"}
    assert at_reviews == {dt.date(2025, 1, 20): together, dt.date(2025, 4, 20): together}
