"""Eligibility that follows the texts' logic (#17): local dates, discretion, open lists,
the council's own identification, areas, limits with a margin of review, new statuses.

The council below is built here from the kinds of clause the five texts use, each citing
the text it imitates; expected values are worked by hand in each docstring.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

import attrs
import pytest

from childcare_commissioning import Citation, CouncilSpec, Specification
from childcare_commissioning.calendars import local_date
from childcare_commissioning.eligibility import (
    AgeBand,
    AreaRule,
    Cohort,
    Effect,
    Exclusion,
    Limit,
)
from childcare_commissioning.model import (
    ChildOrYoungPerson,
    Referral,
    Referrer,
    Service,
    Status,
    Urgency,
)
from childcare_commissioning.referrals import Offer, OfferList, Outcome, check_referral

LONDON = ZoneInfo("Europe/London")
UTC = dt.UTC
S = Status


def cite(spec: str, clause: str, quote: str) -> Citation:
    return Citation(spec, clause, quote)


SPEC = CouncilSpec(
    id="logic",
    name="Logic council",
    specification=Specification("Logic", "1", dt.date(2018, 1, 1)),
    citation=cite("stoke", "1", "psychologically informed support"),
    services=(
        Service("pilot", "Pilot", "Foster carers", cite("stoke", "2.1.2", "pilot")),
        Service("young-carers", "Young carers", "Families", cite("triborough", "3.1", "carers")),
        Service("support", "Support", "Statutory", cite("plymouth", "3.2", "support")),
        Service("housing", "Housing", "16-17", cite("derby", "3.2.2", "homelessness")),
    ),
    cohorts=(
        Cohort(
            "in-house-foster",
            "Looked after children with in-house foster carers",
            cite("stoke", "2.1.2", "in the care of Stoke-on-Trent in-house foster carers"),
            statuses=frozenset({S.IN_HOUSE_FOSTER_CARE, S.KINSHIP_CARE}),
            ages=AgeBand(None, 17),
            service="pilot",
        ),
        Cohort(
            "statutory",
            "Children identified by the Council as eligible for statutory intervention",
            cite("plymouth", "3.2", "identified by the Council as being eligible"),
            statuses=frozenset({S.LOOKED_AFTER, S.CHILD_IN_NEED}),
            identified_by="the Council",
            service="support",
        ),
        Cohort(
            "homeless-16-17",
            "Young people aged 16-17 who are or are at risk of homelessness",
            cite("derby", "3.2.2", "who are or at risk of homelessness"),
            statuses=frozenset({S.HOMELESS, S.AT_RISK_OF_HOMELESSNESS}),
            ages=AgeBand(16, 17),
            service="housing",
        ),
    ),
    exclusions=(
        Exclusion(
            "not-in-house",
            "looked after children not with in-house foster carers",
            cite("stoke", "2.3", "unless agreed at the discretion of the Strategic Manager"),
            statuses=frozenset({S.LOOKED_AFTER}),
            unless_statuses=frozenset({S.IN_HOUSE_FOSTER_CARE, S.KINSHIP_CARE}),
            effect=Effect.NEEDS_APPROVAL,
            approver="the Strategic Manager",
            service="pilot",
        ),
    ),
    offers=(
        Offer("one-to-one", "One to one key-work", cite("plymouth", "3.1", "key-work"), "support"),
        Offer("transport", "Transport", cite("plymouth", "3.1", "transport"), "support"),
        Offer("breaks", "Short breaks", cite("triborough", "3.5", "short breaks"), "young-carers"),
    ),
    offer_lists=(
        OfferList(
            "support-activities",
            cite("plymouth", "3.1", "including but not limited to"),
            approver="the commissioning officer",
            service="support",
        ),
    ),
    area_rules=(
        AreaRule(
            "three-boroughs",
            frozenset({"westminster", "hammersmith-fulham", "kensington-chelsea"}),
            cite("triborough", "3.1", "families of Young Carers from the three boroughs"),
            service="young-carers",
        ),
    ),
)


def referral(
    *,
    service: str,
    statuses: frozenset[Status],
    born: dt.date | None = dt.date(2012, 5, 1),
    at: dt.datetime = dt.datetime(2025, 1, 6, 10, 0, tzinfo=LONDON),
    requested: tuple[str, ...] = (),
    area: str | None = None,
    identified: bool = False,
) -> Referral:
    return Referral(
        id="R-1",
        received_at=at,
        urgency=Urgency.STANDARD,
        referrer=Referrer("social-worker"),
        child=ChildOrYoungPerson("YP-1", date_of_birth=born, statuses=statuses, area=area),
        service=service,
        requested_services=requested,
        identified_eligible=identified,
    )


# --- local dates ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("at", "expected"),
    [
        # 23:30Z on 19 June is 00:30 BST on 20 June: the date in England is the 20th.
        (dt.datetime(2025, 6, 19, 23, 30, tzinfo=UTC), dt.date(2025, 6, 20)),
        (
            dt.datetime(2025, 6, 20, 0, 30, tzinfo=dt.timezone(dt.timedelta(hours=1))),
            dt.date(2025, 6, 20),
        ),
        # 22:59Z is 23:59 BST on the 19th.
        (dt.datetime(2025, 6, 19, 22, 59, tzinfo=UTC), dt.date(2025, 6, 19)),
        # In winter London is on UTC: 23:30Z on 14 Jan is still 14 Jan, even written as
        # 04:30+05:00 on the 15th.
        (
            dt.datetime(2026, 1, 15, 4, 30, tzinfo=dt.timezone(dt.timedelta(hours=5))),
            dt.date(2026, 1, 14),
        ),
        # Spring change (30 Mar 2025, 01:00 GMT -> 02:00 BST): 23:30Z on the 30th is 00:30
        # BST on the 31st; autumn change (26 Oct 2025): 23:30Z on the 26th is 23:30 GMT.
        (dt.datetime(2025, 3, 30, 23, 30, tzinfo=UTC), dt.date(2025, 3, 31)),
        (dt.datetime(2025, 10, 26, 23, 30, tzinfo=UTC), dt.date(2025, 10, 26)),
    ],
)
def test_local_date_of_an_instant(at: dt.datetime, expected: dt.date) -> None:
    assert expected == local_date(at)


def test_local_date_refuses_a_naive_datetime() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        local_date(dt.datetime(2025, 6, 19, 23, 30))  # noqa: DTZ001


@pytest.mark.parametrize(
    ("at", "age", "outcome"),
    [
        # Born 20 Jun 2007: 18 on 20 Jun 2025. 23:30Z on the 19th is 00:30 BST on the
        # 20th: 18, outside "up to 17". Written with +01:00 it is the same instant.
        (dt.datetime(2025, 6, 19, 23, 30, tzinfo=UTC), 18, Outcome.NOT_ELIGIBLE),
        (
            dt.datetime(2025, 6, 20, 0, 30, tzinfo=dt.timezone(dt.timedelta(hours=1))),
            18,
            Outcome.NOT_ELIGIBLE,
        ),
        # 22:30Z is 23:30 BST on the 19th: still 17.
        (dt.datetime(2025, 6, 19, 22, 30, tzinfo=UTC), 17, Outcome.ELIGIBLE),
    ],
)
def test_age_is_taken_on_the_local_date(at: dt.datetime, age: int, outcome: Outcome) -> None:
    decision = check_referral(
        SPEC,
        referral(
            service="pilot",
            statuses=frozenset({S.LOOKED_AFTER, S.IN_HOUSE_FOSTER_CARE}),
            born=dt.date(2007, 6, 20),
            at=at,
        ),
    )
    assert (age, outcome) == (decision.age, decision.outcome)


@pytest.mark.parametrize(
    ("at", "age"),
    [
        # Born 29 Feb 2008; 2026 is a common year, so the 18th birthday is 1 Mar 2026.
        # In winter London is on GMT: 23:59Z on 28 Feb is still 28 Feb (17), local
        # midnight 00:00Z on 1 Mar is 18. Written as 01:00+02:00 on 1 Mar it is 23:00Z on
        # 28 Feb: still 17.
        (dt.datetime(2026, 2, 28, 23, 59, tzinfo=UTC), 17),
        (dt.datetime(2026, 3, 1, 0, 0, tzinfo=LONDON), 18),
        (dt.datetime(2026, 3, 1, 1, 0, tzinfo=dt.timezone(dt.timedelta(hours=2))), 17),
    ],
)
def test_29_february_birthday_at_local_midnight(at: dt.datetime, age: int) -> None:
    decision = check_referral(
        SPEC,
        referral(
            service="pilot",
            statuses=frozenset({S.LOOKED_AFTER, S.IN_HOUSE_FOSTER_CARE}),
            born=dt.date(2008, 2, 29),
            at=at,
        ),
    )
    assert age == decision.age


# --- discretion ------------------------------------------------------------------------


def test_discretion_outranks_no_matching_cohort() -> None:
    """Stoke 2.3: looked after children "who are not in the care of ... in-house foster
    carers, unless agreed at the discretion of the Strategic Manager". A child in agency
    foster care matches no cohort (the pilot is for in-house carers), but the text leaves
    exactly this child to the Strategic Manager: needs approval, naming him."""
    decision = check_referral(
        SPEC, referral(service="pilot", statuses=frozenset({S.LOOKED_AFTER, S.AGENCY_FOSTER_CARE}))
    )
    assert Outcome.NEEDS_APPROVAL == decision.outcome
    by_code = {f.code: f for f in decision.findings}
    assert "the Strategic Manager" in by_code["eligibility.cohort.none"].message
    assert "warning" == by_code["eligibility.cohort.none"].severity
    assert "needs approval by the Strategic Manager" in (
        by_code["eligibility.exclusion.not-in-house"].message
    )


def test_without_the_excluded_status_no_cohort_is_still_no() -> None:
    """A child who is not looked after is neither in the cohort nor under the
    discretion (which is about looked after children): not eligible."""
    decision = check_referral(
        SPEC, referral(service="pilot", statuses=frozenset({S.CHILD_IN_NEED}))
    )
    assert Outcome.NOT_ELIGIBLE == decision.outcome


# --- open lists ------------------------------------------------------------------------


def test_open_list_accepts_listed_and_sends_unlisted_to_approval() -> None:
    """Plymouth 3.1 "including but not limited to": transport is listed (eligible);
    family time is not listed but the list is open (needs approval by the declared
    approver, never not eligible)."""
    listed = check_referral(
        SPEC,
        referral(service="support", statuses=frozenset({S.LOOKED_AFTER}), requested=("transport",)),
    )
    assert Outcome.ELIGIBLE == listed.outcome
    unlisted = check_referral(
        SPEC,
        referral(
            service="support",
            statuses=frozenset({S.LOOKED_AFTER}),
            requested=("transport", "family-time"),
        ),
    )
    assert Outcome.NEEDS_APPROVAL == unlisted.outcome
    [finding] = [f for f in unlisted.findings if f.code == "referral.requested.unlisted"]
    assert "$.requested_services[1]" == finding.path
    assert "the commissioning officer" in finding.message


def test_a_closed_list_still_refuses() -> None:
    """The young carers' offers declare no open list: an unlisted request is refused."""
    decision = check_referral(
        SPEC,
        referral(
            service="young-carers",
            statuses=frozenset({S.YOUNG_CARER}),
            requested=("holiday",),
            area="westminster",
        ),
    )
    assert Outcome.NOT_ELIGIBLE == decision.outcome
    assert "referral.requested.unknown" in {f.code for f in decision.findings}


# --- the council's identification -------------------------------------------------------


@pytest.mark.parametrize(
    ("identified", "outcome"),
    [(True, Outcome.ELIGIBLE), (False, Outcome.NOT_ELIGIBLE)],
)
def test_council_identification_is_decisive(identified: bool, outcome: Outcome) -> None:
    """Plymouth 3.2: a child "identified by the Council as being eligible for statutory
    intervention". A young carer (no listed status) whom the Council identified is
    eligible; without that identification the status list decides: not eligible."""
    decision = check_referral(
        SPEC,
        referral(service="support", statuses=frozenset({S.YOUNG_CARER}), identified=identified),
    )
    assert outcome == decision.outcome
    if identified:
        [finding] = [f for f in decision.findings if f.code == "eligibility.cohort.statutory"]
        assert "identified as eligible by the Council" in finding.message


# --- areas -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("area", "outcome", "code"),
    [
        ("westminster", Outcome.ELIGIBLE, None),
        ("Kensington-Chelsea", Outcome.ELIGIBLE, None),  # case does not matter
        ("camden", Outcome.NOT_ELIGIBLE, "eligibility.area.three-boroughs"),
        (None, Outcome.INCOMPLETE, "eligibility.area.three-boroughs.missing"),
    ],
)
def test_area_is_checked(area: str | None, outcome: Outcome, code: str | None) -> None:
    """Triborough 3.1: "families of Young Carers from the three boroughs". Camden is not
    one of them; a referral that gives no area cannot be checked."""
    decision = check_referral(
        SPEC, referral(service="young-carers", statuses=frozenset({S.YOUNG_CARER}), area=area)
    )
    assert outcome == decision.outcome
    if code is not None:
        assert code in {f.code for f in decision.findings}


# --- statuses the texts need -------------------------------------------------------------


@pytest.mark.parametrize(
    ("statuses", "born", "outcome"),
    [
        # Born 1 Mar 2008: 16 on 6 Jan 2025, at risk of homelessness: in the cohort.
        (frozenset({S.AT_RISK_OF_HOMELESSNESS}), dt.date(2008, 3, 1), Outcome.ELIGIBLE),
        (frozenset({S.HOMELESS}), dt.date(2008, 3, 1), Outcome.ELIGIBLE),
        # Born 6 Jan 2007: 18 on 6 Jan 2025, outside 16-17.
        (frozenset({S.AT_RISK_OF_HOMELESSNESS}), dt.date(2007, 1, 6), Outcome.NOT_ELIGIBLE),
    ],
)
def test_at_risk_of_homelessness(
    statuses: frozenset[Status], born: dt.date, outcome: Outcome
) -> None:
    """Derby 3.2.2: "aged 16-18 years who are or at risk of homelessness"."""
    decision = check_referral(SPEC, referral(service="housing", statuses=statuses, born=born))
    assert outcome == decision.outcome


def test_limit_margin_names_the_review_and_the_reading() -> None:
    """A limit with a declared margin names the review, who decides and the reading."""
    spec = CouncilSpec(
        id="radius",
        name="Radius",
        specification=Specification("Radius", "1", dt.date(2018, 1, 1)),
        citation=cite("stoke", "1", "support"),
        limits=(
            Limit(
                "radius",
                "distance from Stoke-on-Trent",
                "distance_miles",
                Decimal(20),
                cite("stoke", "2.1.2", "outside, but near to the outer geographical limit"),
                review_margin=Decimal(2),
                approver="the Strategic Manager",
                unit="miles",
                reading="near-the-limit",
            ),
        ),
    )
    base = referral(service="pilot", statuses=frozenset())
    decision = check_referral(
        spec, attrs.evolve(base, service=None, distance_miles=Decimal("20.5"))
    )
    assert Outcome.NEEDS_APPROVAL == decision.outcome
    [finding] = decision.findings
    assert "eligibility.limit.radius.review" == finding.code
    assert "the Strategic Manager" in finding.message
    assert "near-the-limit" in finding.message
