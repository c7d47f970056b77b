"""Workforce answers at their edges (#27): the day a completion lapses and the day before,
the horizon of "lapses soon", levels, experience, references, declarations, registrations
and team minimums, each refused case beside an accepted one, and which worker and which
requirement a finding names. Every date below is worked by hand.

Rule of the module (its docstring): a completion is valid up to and including the day its
refresh interval ends and lapses the day after; "within N days" is on + N days inclusive.
"""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from childcare_commissioning.durations import Duration, DurationKind
from childcare_commissioning.model import Citation, Severity
from childcare_commissioning.workforce import (
    Completion,
    Declaration,
    Lapse,
    Qualification,
    Reference,
    Registration,
    Requirement,
    RequirementKind,
    Scope,
    Worker,
    check_roster,
    check_team,
    check_worker,
)

D = dt.date
K = RequirementKind
CITE = Citation("stoke", "4.1", "DBS checks renewed every 3 years")
DBS = Requirement(
    "dbs",
    K.CHECK,
    "dbs-enhanced",
    "Enhanced DBS",
    CITE,
    refresh=Duration(DurationKind.YEARS, 3),
)
# Completed Tue 15 Mar 2022: 3 years on is Sat 15 Mar 2025, the last valid day; it lapses
# on Sun 16 Mar 2025.
CHECKED = Worker("W1", completions=(Completion("dbs-enhanced", D(2022, 3, 15)),))


def codes(report_findings: object) -> list[tuple[str, str]]:
    return [(f.code, f.path) for f in report_findings]  # type: ignore[attr-defined]


def errors(requirement: Requirement, worker: Worker, on: dt.date) -> list[str]:
    report = check_worker([requirement], worker, on)
    return [f.code for f in report.findings if f.severity is Severity.ERROR]


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        (D(2022, 3, 14), ["workforce.check.missing"]),  # the day before it was done
        (D(2022, 3, 15), []),  # the day it was done
        (D(2025, 3, 15), []),  # the last valid day
        (D(2025, 3, 16), ["workforce.check.lapsed"]),  # the day it lapses
    ],
)
def test_a_check_is_valid_through_the_last_day_of_its_interval(
    on: dt.date, expected: list[str]
) -> None:
    assert expected == errors(DBS, CHECKED, on)


def test_the_lapsed_message_names_both_dates_and_the_interval() -> None:
    [finding] = check_worker([DBS], CHECKED, D(2025, 3, 16)).findings
    assert (
        "Enhanced DBS: dbs-enhanced of 2022-03-15 lapsed on 2025-03-16 (every 3 years)"
        == finding.message
    )
    assert ("$.workers['W1']", CITE) == (finding.path, finding.citation)


@pytest.mark.parametrize(
    ("on", "lapsing"),
    [
        # 60 days after 15 Jan 2025 is 16 Mar 2025, the lapse day: listed.
        (D(2025, 1, 15), [Lapse("dbs", "dbs-enhanced", D(2025, 3, 16), CITE)]),
        # 60 days after 14 Jan 2025 is 15 Mar 2025: the lapse is beyond the horizon.
        (D(2025, 1, 14), []),
    ],
)
def test_lapsing_within_the_horizon_is_inclusive(on: dt.date, lapsing: list[Lapse]) -> None:
    report = check_worker([DBS], CHECKED, on)
    assert lapsing == list(report.lapsing)
    assert report.compliant
    expected = [("workforce.lapsing", "dbs-enhanced lapses on 2025-03-16")] if lapsing else []
    assert expected == [(f.code, f.message) for f in report.findings]


def test_the_latest_completion_counts() -> None:
    """DBS on 15 Mar 2022 and again on 1 Mar 2025: on 1 Apr 2025 the first has lapsed
    (16 Mar 2025) but the latest holds until 1 Mar 2028."""
    worker = Worker(
        "W",
        completions=(
            Completion("dbs-enhanced", D(2025, 3, 1)),
            Completion("dbs-enhanced", D(2022, 3, 15)),
        ),
    )
    assert [] == errors(DBS, worker, D(2025, 4, 1))


SAFEGUARDING = Requirement(
    "safeguarding",
    K.TRAINING,
    "safeguarding-children",
    "Safeguarding level 2 minimum",
    CITE,
    level=2,
)


@pytest.mark.parametrize(
    ("level", "expected"),
    [(3, []), (2, []), (1, ["workforce.training.missing"]), (None, ["workforce.training.missing"])],
)
def test_training_at_the_level_or_above(level: int | None, expected: list[str]) -> None:
    worker = Worker("W", completions=(Completion("safeguarding-children", D(2024, 1, 1), level),))
    assert expected == errors(SAFEGUARDING, worker, D(2024, 6, 1))


def test_the_missing_message_names_the_level() -> None:
    [finding] = check_worker([SAFEGUARDING], Worker("W"), D(2024, 6, 1)).findings
    assert (
        "Safeguarding level 2 minimum: no safeguarding-children at level 2 or above on record"
        == (finding.message)
    )


EXPERIENCED = Requirement(
    "qualified",
    K.QUALIFICATION,
    "psychologist",
    "Two years post-qualification",
    CITE,
    alternatives=frozenset({"clinical-psychologist", "educational-psychologist"}),
    experience_years=2,
)


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        (D(2025, 3, 14), ["workforce.qualification.experience"]),  # 1 year, 364 days
        (D(2025, 3, 15), []),  # exactly 2 years
        (D(2023, 3, 14), ["workforce.qualification.experience"]),  # before it began: 0
    ],
)
def test_post_qualification_experience_from_the_day(on: dt.date, expected: list[str]) -> None:
    worker = Worker(
        "W",
        qualifications=(Qualification("educational-psychologist"),),
        experience_since=D(2023, 3, 15),
    )
    assert expected == errors(EXPERIENCED, worker, on)


def test_experience_message_and_a_qualification_not_listed() -> None:
    short = Worker(
        "W",
        qualifications=(Qualification("clinical-psychologist"),),
        experience_since=D(2024, 1, 1),
    )
    [finding] = check_worker([EXPERIENCED], short, D(2025, 3, 15)).findings
    assert "Two years post-qualification: 1 years' post-qualification experience of 2" == (
        finding.message
    )
    other = Worker("W", qualifications=(Qualification("psychotherapist"),))
    [missing] = check_worker([EXPERIENCED], other, D(2025, 3, 15)).findings
    assert (
        "Two years post-qualification: holds none of: clinical-psychologist, "
        "educational-psychologist" == missing.message
    )
    # With no alternatives, the subject itself is the qualification.
    plain = Requirement("q", K.QUALIFICATION, "nvq3", "NVQ 3", CITE)
    assert [] == errors(plain, Worker("W", qualifications=(Qualification("nvq3"),)), D(2025, 1, 1))
    assert ["workforce.qualification.missing"] == errors(plain, Worker("W"), D(2025, 1, 1))


REFERENCES = Requirement(
    "refs",
    K.REFERENCES,
    "references",
    "Two written references, one from the last employer, prior to employment",
    CITE,
    count=2,
    last_employer=True,
    before_employment=True,
)
REFS = (Reference(D(2024, 1, 10), last_employer=True), Reference(D(2024, 2, 1)))


@pytest.mark.parametrize(
    ("on", "employed_from", "expected"),
    [
        # On 31 Jan only the first has been received: 1 of 2.
        (D(2024, 1, 31), D(2024, 2, 1), ["workforce.references.missing"]),
        # On 1 Feb both, and both on or before employment on 1 Feb.
        (D(2024, 2, 1), D(2024, 2, 1), []),
        # Employment from 31 Jan: the second came a day after it began.
        (D(2024, 2, 1), D(2024, 1, 31), ["workforce.references.after-employment"]),
    ],
)
def test_references_by_count_and_before_employment(
    on: dt.date, employed_from: dt.date, expected: list[str]
) -> None:
    worker = Worker("W", references=REFS, employed_from=employed_from)
    assert expected == errors(REFERENCES, worker, on)


def test_reference_messages() -> None:
    worker = Worker("W", references=REFS, employed_from=D(2024, 1, 31))
    [finding] = check_worker([REFERENCES], worker, D(2024, 2, 1)).findings
    assert finding.message.endswith("1 of 2 in place before employment began on 2024-01-31")
    none_last = Worker("W", references=(Reference(D(2024, 1, 10)), Reference(D(2024, 1, 11))))
    report = check_worker([REFERENCES], none_last, D(2024, 2, 1))
    assert [("workforce.references.last-employer", "none from the last employer")] == [
        (f.code, f.message.split(": ", 1)[1]) for f in report.findings
    ]
    [short] = check_worker([REFERENCES], Worker("W"), D(2024, 2, 1)).findings[:1]
    assert short.message.endswith(": 0 of 2 references")


DECLARATION = Requirement(
    "convictions",
    K.DECLARATION,
    "convictions",
    "Declaration of convictions",
    CITE,
    approver="the Head of Service",
)


@pytest.mark.parametrize(
    ("declarations", "on", "expected"),
    [
        ((Declaration("convictions", D(2024, 5, 1)),), D(2024, 5, 1), []),
        ((Declaration("convictions", D(2024, 5, 2)),), D(2024, 5, 1), ["missing"]),
        ((Declaration("other", D(2024, 5, 1)),), D(2024, 5, 1), ["missing"]),
        ((Declaration("convictions", D(2024, 5, 1), True),), D(2024, 5, 1), ["awaiting-approval"]),
        (
            (Declaration("convictions", D(2024, 5, 1), True, D(2024, 5, 10)),),
            D(2024, 5, 10),
            [],
        ),
        (
            (Declaration("convictions", D(2024, 5, 1), True, D(2024, 5, 10)),),
            D(2024, 5, 9),
            ["awaiting-approval"],
        ),
        # The latest declaration counts: an unapproved one superseded by a clean one.
        (
            (
                Declaration("convictions", D(2024, 5, 1), True),
                Declaration("convictions", D(2024, 6, 1)),
            ),
            D(2024, 6, 1),
            [],
        ),
    ],
)
def test_declarations(
    declarations: tuple[Declaration, ...], on: dt.date, expected: list[str]
) -> None:
    worker = Worker("W", declarations=declarations)
    assert [f"workforce.declaration.{c}" for c in expected] == errors(DECLARATION, worker, on)


def test_a_declared_conviction_names_the_approver() -> None:
    worker = Worker("W", declarations=(Declaration("convictions", D(2024, 5, 1), True),))
    [finding] = check_worker([DECLARATION], worker, D(2024, 5, 1)).findings
    assert finding.message.endswith(
        "a declared convictions blocks assignment until the Head of Service approves"
    )


NMC = Requirement("nmc", K.REGISTRATION, "nmc", "NMC registration", CITE)


@pytest.mark.parametrize(
    ("valid_until", "errors_", "lapsing"),
    [
        (D(2025, 1, 9), ["workforce.registration.expired"], []),  # the day before
        (D(2025, 1, 10), [], [D(2025, 1, 11)]),  # valid through today
        (D(2025, 3, 10), [], [D(2025, 3, 11)]),  # a day before the horizon
        (D(2025, 3, 11), [], []),  # the horizon day itself (10 Jan + 60 days)
    ],
)
def test_registration_expiry_and_horizon(
    valid_until: dt.date, errors_: list[str], lapsing: list[dt.date]
) -> None:
    worker = Worker("N", registrations=(Registration("nmc", valid_until),))
    report = check_worker([NMC], worker, D(2025, 1, 10))
    assert errors_ == [f.code for f in report.findings if f.severity is Severity.ERROR]
    assert lapsing == [x.lapses_on for x in report.lapsing]


def test_the_latest_registration_counts_and_another_body_does_not() -> None:
    worker = Worker(
        "N",
        registrations=(Registration("nmc", D(2030, 1, 1)), Registration("nmc", D(2020, 1, 1))),
    )
    assert [] == errors(NMC, worker, D(2025, 1, 10))
    hcpc = Worker("N", registrations=(Registration("hcpc", D(2030, 1, 1)),))
    assert ["workforce.registration.missing"] == errors(NMC, hcpc, D(2025, 1, 10))


@pytest.mark.parametrize(
    ("scope", "worker", "covered"),
    [
        (Scope(direct_work=True), Worker("W", direct_work=True), True),
        (Scope(direct_work=True), Worker("W", direct_work=False), False),
        (Scope(), Worker("W", direct_work=False), True),
        (Scope(roles=frozenset({"rgn"})), Worker("W", roles=frozenset({"rgn", "x"})), True),
        (Scope(roles=frozenset({"rgn"})), Worker("W", roles=frozenset({"x"})), False),
        (
            Scope(needs=frozenset({"healthcare"})),
            Worker("W", works_with=frozenset({"healthcare"})),
            True,
        ),
        (
            Scope(needs=frozenset({"healthcare"})),
            Worker("W", works_with=frozenset({"social-care"})),
            False,
        ),
    ],
)
def test_scope_covers_each_condition(scope: Scope, worker: Worker, covered: bool) -> None:
    requirement = Requirement("q", K.QUALIFICATION, "nvq3", "NVQ 3", CITE, scope=scope)
    expected = ["workforce.qualification.missing"] if covered else []
    assert expected == errors(requirement, worker, D(2025, 1, 1))


TEAM = Requirement(
    "peg",
    K.TRAINING,
    "peg-feeding",
    "Sufficient numbers of staff trained in PEG feeding",
    CITE,
    scope=Scope(direct_work=True, needs=frozenset({"healthcare"})),
    refresh=Duration(DurationKind.YEARS, 1),
    team=True,
    team_minimum=2,
)


def trained(wid: str, on: dt.date, direct: bool = True) -> Worker:
    return Worker(wid, direct_work=direct, completions=(Completion("peg-feeding", on),))


def test_a_team_minimum_counts_valid_completions_of_direct_workers() -> None:
    """Two needed. On 1 Jun 2025: A (1 Jun 2024: valid through 1 Jun 2025) and B are
    trained; C's (31 May 2024) lapsed on 1 Jun 2025; D is not in direct work. Two: met.
    Without B: 1 of 4, a warning naming the counts."""
    on = D(2025, 6, 1)
    a, b = trained("A", D(2024, 6, 1)), trained("B", D(2025, 1, 1))
    c, d = trained("C", D(2024, 5, 31)), trained("D", D(2025, 1, 1), direct=False)
    healthcare = frozenset({"healthcare"})
    assert [] == check_team([TEAM], [a, b, c, d], on, healthcare)
    [finding] = check_team([TEAM], [a, c, d, Worker("E")], on, healthcare)
    assert (
        "workforce.team.peg-feeding",
        "Sufficient numbers of staff trained in PEG feeding: 1 of 4 staff trained "
        "(at least 2 needed)",
        Severity.WARNING,
    ) == (finding.code, finding.message, finding.severity)
    # A package without healthcare needs is not asked for it.
    assert [] == check_team([TEAM], [a], on, frozenset({"social-care"}))
    # Team requirements are not checked per worker.
    assert () == check_worker([TEAM], Worker("E"), on).findings


def test_a_roster_names_which_worker_is_not_compliant() -> None:
    """On 1 Apr 2025: W1's DBS (15 Mar 2022) lapsed on 16 Mar 2025; W2's (1 Mar 2025) holds.
    The team works with healthcare needs (W2's), so the PEG minimum is checked: none of 2
    trained."""
    w1 = CHECKED
    w2 = Worker(
        "W2",
        works_with=frozenset({"healthcare"}),
        completions=(Completion("dbs-enhanced", D(2025, 3, 1)),),
    )
    roster = check_roster([DBS, TEAM], [w1, w2], D(2025, 4, 1))
    assert [("W1", False), ("W2", True)] == [(w.worker_id, w.compliant) for w in roster.workers]
    assert 1 == roster.compliant
    assert [("workforce.check.lapsed", "$.workers['W1']")] == codes(roster.workers[0].findings)
    assert ["workforce.team.peg-feeding"] == [f.code for f in roster.team]
    # Passing the package's own needs (none of them healthcare) leaves the team unchecked.
    assert () == check_roster([DBS, TEAM], [w1, w2], D(2025, 4, 1), needs=frozenset()).team


def test_a_provider_matrix_replaces_the_default_interval_for_its_subject_only() -> None:
    """Default 3 years; the provider's matrix says 1 year for dbs-enhanced: a check of
    15 Mar 2022 lapsed on 16 Mar 2023, so on 1 Jan 2024 it is lapsed; without the matrix
    it holds."""
    matrix_req = Requirement(
        "dbs",
        K.CHECK,
        "dbs-enhanced",
        "Enhanced DBS",
        CITE,
        refresh=Duration(DurationKind.YEARS, 3),
        provider_matrix=True,
    )
    one_year = {"dbs-enhanced": Duration(DurationKind.YEARS, 1)}
    on = D(2024, 1, 1)
    assert ["workforce.check.lapsed"] == [
        f.code for f in check_worker([matrix_req], CHECKED, on, matrix=one_year).findings
    ]
    assert () == check_worker([matrix_req], CHECKED, on).findings
    other = {"first-aid": Duration(DurationKind.YEARS, 1)}
    assert () == check_worker([matrix_req], CHECKED, on, matrix=other).findings
    # A requirement that does not defer to the matrix keeps its own interval.
    assert () == check_worker([DBS], CHECKED, on, matrix=one_year).findings


@pytest.mark.parametrize(
    ("scope", "text"),
    [
        (Scope(), "all staff"),
        (Scope(direct_work=True), "staff in direct work"),
        (
            Scope(True, frozenset({"rgn", "family-support-worker"}), frozenset({"healthcare"})),
            "staff in direct work; roles family-support-worker, rgn; working with healthcare needs",
        ),
        (
            Scope(needs=frozenset({"social-care", "healthcare"})),
            "all staff; working with healthcare, social-care needs",
        ),
    ],
)
def test_a_scope_reads_as_the_handbook_prints_it(scope: Scope, text: str) -> None:
    assert text == str(scope)


def test_experience_with_no_start_date_is_none() -> None:
    """One year needed and no post-qualification date given: 0 years, not enough."""
    one_year = Requirement(
        "q", K.QUALIFICATION, "nvq3", "NVQ 3, a year on", CITE, experience_years=1
    )
    worker = Worker("W", qualifications=(Qualification("nvq3"),))
    [finding] = check_worker([one_year], worker, D(2025, 1, 1)).findings
    assert "NVQ 3, a year on: 0 years' post-qualification experience of 1" == finding.message


def test_missing_and_expired_messages_name_the_subject() -> None:
    [declaration] = check_worker([DECLARATION], Worker("W"), D(2024, 5, 1)).findings
    assert "Declaration of convictions: no convictions declaration" == declaration.message
    [missing] = check_worker([NMC], Worker("N"), D(2025, 1, 10)).findings
    assert "NMC registration: no nmc registration" == missing.message
    expired = Worker("N", registrations=(Registration("nmc", D(2025, 1, 9)),))
    [finding] = check_worker([NMC], expired, D(2025, 1, 10)).findings
    assert "NMC registration: nmc registration expired on 2025-01-09" == finding.message
    # No approver named: the council approves.
    council = Requirement("convictions", K.DECLARATION, "convictions", "Convictions", CITE)
    declared = Worker("W", declarations=(Declaration("convictions", D(2024, 5, 1), True),))
    [awaiting] = check_worker([council], declared, D(2024, 5, 1)).findings
    assert awaiting.message.endswith("blocks assignment until the council approves")


def test_a_registration_lapsing_soon_is_listed_whole() -> None:
    worker = Worker("N", registrations=(Registration("nmc", D(2025, 2, 1)),))
    report = check_worker([NMC], worker, D(2025, 1, 10))
    assert [Lapse("nmc", "nmc", D(2025, 2, 2), CITE)] == list(report.lapsing)


def test_a_roster_looks_60_days_ahead_and_uses_the_matrix() -> None:
    """On 15 Jan 2025 a DBS of 15 Mar 2022 lapses on 16 Mar 2025, 60 days on: listed by
    default; on 14 Jan it is 61 days on: not listed. With the provider's matrix at 1 year
    (and the requirement deferring to it) the same check lapsed on 16 Mar 2023."""
    assert [D(2025, 3, 16)] == [
        x.lapses_on for x in check_roster([DBS], [CHECKED], D(2025, 1, 15)).workers[0].lapsing
    ]
    assert () == check_roster([DBS], [CHECKED], D(2025, 1, 14)).workers[0].lapsing
    deferring = Requirement(
        "dbs",
        K.CHECK,
        "dbs-enhanced",
        "Enhanced DBS",
        CITE,
        refresh=Duration(DurationKind.YEARS, 3),
        provider_matrix=True,
    )
    roster = check_roster(
        [deferring],
        [CHECKED],
        D(2024, 1, 1),
        matrix={"dbs-enhanced": Duration(DurationKind.YEARS, 1)},
    )
    assert ["workforce.check.lapsed"] == [f.code for f in roster.workers[0].findings]


def test_a_level_one_requirement_is_not_met_by_a_completion_of_no_level() -> None:
    level_one = attrs.evolve(SAFEGUARDING, level=1, wording="Safeguarding level 1")
    worker = Worker("W", completions=(Completion("safeguarding-children", D(2024, 1, 1)),))
    assert ["workforce.training.missing"] == errors(level_one, worker, D(2024, 6, 1))
    at_one = Worker("W", completions=(Completion("safeguarding-children", D(2024, 1, 1), 1),))
    assert [] == errors(level_one, at_one, D(2024, 6, 1))


def test_a_missing_check_without_a_level_says_so_plainly() -> None:
    [finding] = check_worker([DBS], Worker("W"), D(2025, 1, 1)).findings
    assert "Enhanced DBS: no dbs-enhanced on record" == finding.message


def test_a_refresh_in_working_days_skips_bank_holidays() -> None:
    """Every 5 working days from Fri 20 Dec 2024: Mon 23, Tue 24, (Christmas and Boxing
    Day), Fri 27, Mon 30, Tue 31 Dec is the last valid day; it lapses on Wed 1 Jan 2025."""
    weekly = Requirement(
        "supervision",
        K.TRAINING,
        "supervision",
        "Supervision",
        CITE,
        refresh=Duration(DurationKind.WORKING_DAYS, 5),
    )
    worker = Worker("W", completions=(Completion("supervision", D(2024, 12, 20)),))
    assert [] == errors(weekly, worker, D(2024, 12, 31))
    assert ["workforce.training.lapsed"] == errors(weekly, worker, D(2025, 1, 1))


def test_a_check_done_on_the_first_day_of_employment_counts_as_before_it() -> None:
    prior = attrs.evolve(DBS, before_employment=True)
    worker = Worker(
        "W", completions=(Completion("dbs-enhanced", D(2024, 2, 1)),), employed_from=D(2024, 2, 1)
    )
    assert () == check_worker([prior], worker, D(2024, 2, 1)).findings
    late = attrs.evolve(worker, employed_from=D(2024, 1, 31))
    assert ["workforce.check.after-employment"] == errors(prior, late, D(2024, 2, 1))


def test_an_unknown_employment_start_is_a_warning_naming_the_field() -> None:
    prior = attrs.evolve(DBS, before_employment=True)
    [finding] = check_worker([prior], CHECKED, D(2024, 2, 1)).findings
    assert (
        Severity.WARNING,
        "workforce.check.employment-start-unknown",
        "Enhanced DBS: must be in place before employment, but the worker's employment start "
        "(employed_from) is not given",
        "$.workers['W1'].employed_from",
        CITE,
    ) == (finding.severity, finding.code, finding.message, finding.path, finding.citation)


def test_a_team_minimum_counts_only_its_roles_and_names_the_workers() -> None:
    """Two nurses needed: A and B are trained, but only A is a nurse: 1 of 2."""
    nurses = attrs.evolve(TEAM, scope=Scope(direct_work=True, roles=frozenset({"nurse"})))
    a = attrs.evolve(trained("A", D(2025, 1, 1)), roles=frozenset({"nurse"}))
    b = trained("B", D(2025, 1, 1))
    [finding] = check_team([nurses], [a, b], D(2025, 6, 1))
    assert ("$.workers", CITE) == (finding.path, finding.citation)
    assert finding.message.endswith(": 1 of 2 staff trained (at least 2 needed)")
    c = attrs.evolve(trained("C", D(2025, 1, 1)), roles=frozenset({"nurse"}))
    assert [] == check_team([nurses], [a, b, c], D(2025, 6, 1))


def test_every_lapse_within_the_horizon_is_listed_by_date_with_a_warning() -> None:
    """On 15 Jan 2025 (horizon 16 Mar): the DBS of 15 Mar 2022 lapses on 16 Mar 2025; the
    NMC registration valid until 1 Feb 2025 lapses on 2 Feb. Both listed, earliest first;
    each a warning naming the worker, in the order of the requirements."""
    worker = attrs.evolve(CHECKED, registrations=(Registration("nmc", D(2025, 2, 1)),))
    report = check_worker([DBS, NMC], worker, D(2025, 1, 15))
    assert [
        Lapse("nmc", "nmc", D(2025, 2, 2), CITE),
        Lapse("dbs", "dbs-enhanced", D(2025, 3, 16), CITE),
    ] == list(report.lapsing)
    assert [
        (Severity.WARNING, "workforce.lapsing", "dbs-enhanced lapses on 2025-03-16"),
        (Severity.WARNING, "workforce.lapsing", "nmc lapses on 2025-02-02"),
    ] == [(f.severity, f.code, f.message) for f in report.findings]
    assert {("$.workers['W1']", CITE)} == {(f.path, f.citation) for f in report.findings}
    assert report.compliant
