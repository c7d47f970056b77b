"""The roster document, the provider's training matrix and staff turnover (Plymouth audit
2026-12, D6, D7, D10 and section 4 need 9): hand-worked edges of the core pieces."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from childcare_commissioning.convert import structure
from childcare_commissioning.durations import Duration, DurationKind
from childcare_commissioning.errors import CommissioningError, ModelValueError
from childcare_commissioning.model import Citation
from childcare_commissioning.roster import Roster, last_months, roster_of, turnover
from childcare_commissioning.training_matrix import MatrixEntry, TrainingMatrix
from childcare_commissioning.workforce import (
    Completion,
    Requirement,
    RequirementKind,
    Scope,
    Worker,
    check_roster,
    check_worker,
)

D = dt.date
YEAR = Duration(DurationKind.YEARS, 1)
CITE = Citation("sample", "6", "refresher training")
SOCIAL = Requirement(
    "social-self-harm",
    RequirementKind.TRAINING,
    "self-harm",
    "Self-harm",
    CITE,
    scope=Scope(needs=frozenset({"social-care"})),
    refresh=Duration(DurationKind.YEARS, 3),
    provider_matrix=True,
)


def test_a_matrix_interval_must_be_a_day_based_refresher() -> None:
    with pytest.raises(ModelValueError, match="refresher-interval"):
        MatrixEntry("self-harm", Duration(DurationKind.WORKING_DAYS, 5))
    with pytest.raises(ModelValueError, match="refresher-interval"):
        MatrixEntry("self-harm", Duration(DurationKind.CLOCK_HOURS, 5))


def test_a_subject_is_listed_once() -> None:
    with pytest.raises(ModelValueError, match="unique-subjects"):
        TrainingMatrix((MatrixEntry("self-harm", YEAR), MatrixEntry("self-harm", YEAR)))


def test_a_mapping_and_a_matrix_give_the_same_answer() -> None:
    """Self-harm done 10 Jan 2023, matrix one year: valid to 10 Jan 2024, lapsed 11 Jan."""
    worker = Worker(
        "W",
        works_with=frozenset({"social-care"}),
        completions=(Completion("self-harm", D(2023, 1, 10)),),
    )
    on = D(2024, 1, 11)
    by_map = check_worker([SOCIAL], worker, on, matrix={"self-harm": YEAR}).findings
    by_matrix = check_worker([SOCIAL], worker, on, matrix=TrainingMatrix.of({"self-harm": YEAR}))
    assert by_map == by_matrix.findings
    assert ["workforce.training.lapsed"] == [f.code for f in by_map]
    assert () == check_worker([SOCIAL], worker, D(2024, 1, 10), horizon_days=0).findings


def test_the_roster_document_reads_a_list_or_an_object() -> None:
    as_list = structure(roster_of([{"id": "W"}]), Roster)
    as_object = structure(
        roster_of(
            {
                "workers": [{"id": "W"}],
                "training_matrix": {
                    "entries": [{"subject": "self-harm", "every": {"kind": "years", "amount": 1}}]
                },
            }
        ),
        Roster,
    )
    assert (None, YEAR) == (
        as_list.training_matrix,
        as_object.training_matrix and as_object.training_matrix.interval("self-harm"),
    )
    with pytest.raises(CommissioningError):
        structure(roster_of({"workers": [{"id": "W"}], "matrix": {}}), Roster)


def test_works_with_not_given_differs_from_none() -> None:
    """Not given: the social-care requirement is not applied and a warning says so; an
    empty list: nothing applies and nothing to say."""
    silent = check_worker([SOCIAL], Worker("W"), D(2025, 1, 6)).findings
    said = check_worker([SOCIAL], Worker("W", works_with=frozenset()), D(2025, 1, 6)).findings
    assert (["workforce.works-with.missing"], ()) == ([f.code for f in silent], said)
    assert "(social-care: 1)" in silent[0].message


def test_team_needs_unknown_when_workers_do_not_say() -> None:
    team = Requirement(
        "peg",
        RequirementKind.TRAINING,
        "peg-feeding",
        "PEG feeding",
        CITE,
        scope=Scope(needs=frozenset({"healthcare"})),
        team=True,
    )
    silent = check_roster([team], [Worker("A")], D(2025, 1, 6))
    said = check_roster([team], [Worker("A", works_with=frozenset())], D(2025, 1, 6))
    assert (["workforce.works-with.missing"], ()) == ([n.code for n in silent.notes], said.notes)


def test_last_six_months_clamp_to_a_shorter_month() -> None:
    """31 Aug 2025 less 6 months is 28 Feb 2025 (clamped); the period starts the day
    after, 1 Mar 2025."""
    assert (D(2025, 3, 1), D(2025, 8, 31)) == last_months(D(2025, 8, 31))


def test_turnover_edges() -> None:
    """A worker who joined the day after the period ends and one who left the day before it
    starts are not staff of it; one leaver of three in-period staff is 33.3 %; no staff
    gives no percentage."""
    start, end = D(2025, 1, 1), D(2025, 6, 30)
    workers = [
        Worker("late", employed_from=D(2025, 7, 1)),
        Worker("gone", employed_until=D(2024, 12, 31)),
        Worker("first-day", employed_until=D(2025, 1, 1)),
        Worker("joined-last-day", employed_from=D(2025, 6, 30)),
        Worker("stays"),
    ]
    result = turnover(workers, start, end)
    assert (1, 3, Decimal("33.3")) == (result.leavers, result.staff, result.percent)
    assert turnover([], start, end).percent is None
    with pytest.raises(ModelValueError, match="end-after-start"):
        turnover(workers, end, start)
