"""Statuses computed from a care history (#17), on Derby 3.1.2's care leaver definition:
"a person aged 25 or under, who has been looked after by a local authority for at least 13
weeks since the age of 14; and who was looked after by the local authority at
school-leaving age or after that date". 13 weeks = 91 days. Expected values by hand.
"""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from childcare_commissioning import Citation, CouncilSpec, Specification
from childcare_commissioning.eligibility import AgeBand, Cohort
from childcare_commissioning.model import (
    CareEpisode,
    ChildOrYoungPerson,
    Referral,
    Referrer,
    Service,
    Severity,
    Status,
    Urgency,
)
from childcare_commissioning.referrals import Outcome, check_referral
from childcare_commissioning.statuses import (
    StatusDefinition,
    evaluate_status,
    merge_episodes,
    school_leaving_date,
)

D = dt.date
CITE = Citation("derby", "3.1.2", "for at least 13 weeks since the age of 14")
CARE_LEAVER = StatusDefinition(
    "care-leaver",
    Status.CARE_LEAVER,
    CITE,
    minimum_days=91,
    since_age=14,
    maximum_age=25,
    at_school_leaving_age=True,
)


@pytest.mark.parametrize(
    ("born", "leaving"),
    [
        # Born Feb 2008: turns 16 in the school year 2023/24; last Friday of June 2024 is
        # the 28th.
        (D(2008, 2, 29), D(2024, 6, 28)),
        # Born Oct 2007: turns 16 in Oct 2023, school year 2023/24: also 28 Jun 2024.
        (D(2007, 10, 1), D(2024, 6, 28)),
        # Born Aug 2008: turns 16 in Aug 2024, school year 2023/24: 28 Jun 2024.
        (D(2008, 8, 31), D(2024, 6, 28)),
        # Born Sep 2008: turns 16 in Sep 2024, school year 2024/25: last Friday of June
        # 2025 is the 27th.
        (D(2008, 9, 1), D(2025, 6, 27)),
    ],
)
def test_school_leaving_date(born: dt.date, leaving: dt.date) -> None:
    assert leaving == school_leaving_date(born)


def test_the_derby_worked_example_on_29_february() -> None:
    """Born 29 Feb 2008: 14 on 1 Mar 2022 (a common year), so 28 Feb 2022 does not count.
    Looked after 28 Feb-29 May 2022: 1 Mar-29 May = 31 + 30 + 29 = 90 days; and on 28 Jun
    2024 (the school-leaving date), 1 day: 91 in all. On 1 Jan 2025 (aged 16): holds."""
    episodes = [
        CareEpisode(D(2022, 2, 28), D(2022, 5, 29)),
        CareEpisode(D(2024, 6, 28), D(2024, 6, 28)),
    ]
    result = evaluate_status(CARE_LEAVER, D(2008, 2, 29), episodes, D(2025, 1, 1))
    assert (True, 91, True, 16) == (
        result.holds,
        result.days,
        result.looked_after_late_enough,
        result.age,
    )
    without_june = evaluate_status(CARE_LEAVER, D(2008, 2, 29), episodes[:1], D(2025, 1, 1))
    assert (False, 90, False) == (
        without_june.holds,
        without_june.days,
        without_june.looked_after_late_enough,
    )


@pytest.mark.parametrize(
    ("episodes", "days"),
    [
        # The same episode recorded twice: 1 Sep-31 Oct 2022 = 30 + 31 = 61 days, not 122.
        ([CareEpisode(D(2022, 9, 1), D(2022, 10, 31))] * 2, 61),
        # Overlapping: 1 Sep-31 Oct and 15 Oct-30 Nov = 1 Sep-30 Nov = 30 + 31 + 30 = 91.
        (
            [
                CareEpisode(D(2022, 9, 1), D(2022, 10, 31)),
                CareEpisode(D(2022, 10, 15), D(2022, 11, 30)),
            ],
            91,
        ),
        # Adjoining: 1-30 Sep and 1-31 Oct = 61 days, one span.
        (
            [
                CareEpisode(D(2022, 9, 1), D(2022, 9, 30)),
                CareEpisode(D(2022, 10, 1), D(2022, 10, 31)),
            ],
            61,
        ),
        # Ongoing from 1 Dec 2022, counted to 1 Jan 2023 inclusive: 31 + 1 = 32.
        ([CareEpisode(D(2022, 12, 1))], 32),
    ],
)
def test_overlapping_and_duplicate_episodes_count_each_day_once(
    episodes: list[CareEpisode], days: int
) -> None:
    """Born 10 May 2006 (14 on 10 May 2020); counted on 1 Jan 2023."""
    assert days == evaluate_status(CARE_LEAVER, D(2006, 5, 10), episodes, D(2023, 1, 1)).days


def test_merge_keeps_disjoint_spans_apart() -> None:
    spans = merge_episodes(
        [CareEpisode(D(2022, 10, 5), D(2022, 10, 6)), CareEpisode(D(2022, 9, 1), D(2022, 9, 2))],
        D(2023, 1, 1),
    )
    assert [(D(2022, 9, 1), D(2022, 9, 2)), (D(2022, 10, 5), D(2022, 10, 6))] == spans


SPEC = CouncilSpec(
    id="leaving",
    name="Leaving care",
    specification=Specification("Leaving care", "1", D(2018, 1, 1)),
    citation=CITE,
    services=(Service("leaving-care", "Leaving care", "Care leavers", CITE),),
    cohorts=(
        Cohort(
            "care-leavers",
            "Care leavers 16-21",
            CITE,
            frozenset({Status.CARE_LEAVER}),
            ages=AgeBand(16, 21),
        ),
    ),
    status_definitions=(CARE_LEAVER,),
)


def referral(statuses: frozenset[Status], episodes: list[CareEpisode]) -> Referral:
    return Referral(
        "R",
        dt.datetime(2025, 1, 1, 12, 0, tzinfo=dt.UTC),
        Urgency.STANDARD,
        Referrer("social-worker"),
        ChildOrYoungPerson("YP", date_of_birth=D(2008, 2, 29), statuses=statuses),
        care_episodes=episodes,
    )


FULL = [CareEpisode(D(2022, 2, 28), D(2022, 5, 29)), CareEpisode(D(2024, 6, 28), D(2024, 6, 28))]


@pytest.mark.parametrize(
    ("statuses", "episodes", "outcome", "code"),
    [
        # Asserted and met (91 days, looked after on the school-leaving date): eligible.
        (frozenset({Status.CARE_LEAVER}), FULL, Outcome.ELIGIBLE, "eligibility.status.care-leaver"),
        # Not asserted but met: the computed status is used; the disagreement is named.
        (frozenset(), FULL, Outcome.NEEDS_APPROVAL, "eligibility.status.care-leaver.disagrees"),
        # Asserted but not met (90 days, nothing at school-leaving age): the cohort no
        # longer matches (not eligible) and the disagreement is named.
        (
            frozenset({Status.CARE_LEAVER}),
            FULL[:1],
            Outcome.NOT_ELIGIBLE,
            "eligibility.status.care-leaver.disagrees",
        ),
        # No care history given: the asserted status is taken as given.
        (frozenset({Status.CARE_LEAVER}), [], Outcome.ELIGIBLE, None),
    ],
)
def test_referral_check_computes_the_status(
    statuses: frozenset[Status], episodes: list[CareEpisode], outcome: Outcome, code: str | None
) -> None:
    decision = check_referral(SPEC, referral(statuses, episodes))
    assert outcome == decision.outcome
    codes = {f.code for f in decision.findings if f.code.startswith("eligibility.status")}
    assert ({code} if code else set()) == codes
    # No date in any message: the care history and the date of birth are personal data.
    assert not any("2022" in f.message or "2024" in f.message for f in decision.findings)


LATE = "looked after at or after the age the definition names"
DETAIL = f"91 days looked after since age 14 (needs 91); {LATE}: yes"
SHORT = f"90 days looked after since age 14 (needs 91); {LATE}: no"
CONFIRM = "; the computed status is used: confirm the care history"


@pytest.mark.parametrize(
    ("statuses", "episodes", "code", "message"),
    [
        # Born 29 Feb 2008, 14 on 1 Mar 2022 (no 29 Feb that year): 1 Mar-29 May 2022 is
        # 90 days, plus the school-leaving date 28 Jun 2024: 91, looked after late enough.
        (
            frozenset({Status.CARE_LEAVER}),
            FULL,
            "eligibility.status.care-leaver",
            f"care-leaver computed: {DETAIL}",
        ),
        (
            frozenset(),
            FULL,
            "eligibility.status.care-leaver.disagrees",
            "the referral does not assert care-leaver, but the care history meets the "
            f"definition ({DETAIL}){CONFIRM}",
        ),
        # Without the school-leaving day: 90 days, not looked after late enough.
        (
            frozenset({Status.CARE_LEAVER}),
            FULL[:1],
            "eligibility.status.care-leaver.disagrees",
            "the referral asserts care-leaver, but the care history does not meet the "
            f"definition ({SHORT}){CONFIRM}",
        ),
        (frozenset(), FULL[:1], "eligibility.status.care-leaver", f"care-leaver not met: {SHORT}"),
    ],
)
def test_the_status_finding_says_what_the_history_shows(
    statuses: frozenset[Status], episodes: list[CareEpisode], code: str, message: str
) -> None:
    decision = check_referral(SPEC, referral(statuses, episodes))
    # A disagreement needs approval (a warning); an agreeing history is information.
    severity = Severity.WARNING if code.endswith(".disagrees") else Severity.INFO
    assert [(code, message, "$.care_episodes", CITE, severity)] == [
        (f.code, f.message, f.path, f.citation, f.severity)
        for f in decision.findings
        if f.code.startswith("eligibility.status")
    ]


def test_a_definition_with_no_age_to_be_looked_after_from_says_only_the_days() -> None:
    """91 days since age 14 and nothing about when: the FULL history's 91 days meet it."""
    plain = attrs.evolve(CARE_LEAVER, at_school_leaving_age=False)
    decision = check_referral(
        attrs.evolve(SPEC, status_definitions=(plain,)), referral(frozenset(), FULL)
    )
    assert [
        "the referral does not assert care-leaver, but the care history meets the definition "
        f"(91 days looked after since age 14 (needs 91)){CONFIRM}"
    ] == [f.message for f in decision.findings if f.code.startswith("eligibility.status")]


@pytest.mark.parametrize(
    ("born", "computed"),
    [
        # Born on the day the referral is received (1 Jan 2025): the history is read
        # (nothing since age 14), so the asserted status is named as not met.
        (D(2025, 1, 1), True),
        # No date of birth: no age to read the history by; the status is taken as given.
        (None, False),
    ],
)
def test_the_history_is_read_from_the_day_of_birth_on(born: dt.date | None, computed: bool) -> None:
    given = attrs.evolve(
        referral(frozenset({Status.CARE_LEAVER}), [CareEpisode(D(2025, 1, 1))]),
        child=ChildOrYoungPerson(
            "YP", date_of_birth=born, statuses=frozenset({Status.CARE_LEAVER})
        ),
    )
    codes = [
        f.code
        for f in check_referral(SPEC, given).findings
        if f.code.startswith("eligibility.status")
    ]
    assert (["eligibility.status.care-leaver.disagrees"] if computed else []) == codes


def test_on_the_day_asks_for_an_episode_covering_the_day() -> None:
    """A definition of who *is* looked after (on_the_day): an episode 1-10 Mar 2025 covers
    10 Mar (holds, 10 days) but not 11 Mar (does not hold, still 10 days); without
    on_the_day the history alone (10 days >= 1) holds on 11 Mar."""
    now = StatusDefinition(
        "now", Status.LOOKED_AFTER, Citation("x", "1", "q"), minimum_days=1, on_the_day=True
    )
    ever = attrs.evolve(now, on_the_day=False)
    episodes = [CareEpisode(D(2025, 3, 1), D(2025, 3, 10))]
    on_tenth = evaluate_status(now, D(2010, 1, 1), episodes, D(2025, 3, 10))
    assert (True, True, 10) == (on_tenth.holds, on_tenth.looked_after_on_the_day, on_tenth.days)
    on_eleventh = evaluate_status(now, D(2010, 1, 1), episodes, D(2025, 3, 11))
    assert (False, False, 10) == (
        on_eleventh.holds,
        on_eleventh.looked_after_on_the_day,
        on_eleventh.days,
    )
    assert evaluate_status(ever, D(2010, 1, 1), episodes, D(2025, 3, 11)).holds
