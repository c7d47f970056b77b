"""Workforce requirements, worked from the texts' own limits."""

from __future__ import annotations

import datetime as dt

import attrs

from childcare_commissioning.durations import Duration, DurationKind
from childcare_commissioning.model import Citation
from childcare_commissioning.workforce import (
    Completion,
    Declaration,
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
YEARS = DurationKind.YEARS


def cite(spec: str, clause: str, quote: str) -> Citation:
    return Citation(spec, clause, quote)


DBS = Requirement(
    "dbs",
    K.CHECK,
    "dbs-enhanced",
    "Enhanced DBS, renewed every 3 years",
    cite("stoke", "4.1", "DBS checks renewed every 3 years"),
    refresh=Duration(YEARS, 3),
)
PSYCHOLOGIST = Requirement(
    "qualified",
    K.QUALIFICATION,
    "psychologist",
    "Qualified clinical or educational psychologist, two years post-qualification",
    cite("stoke", "4.1", "at least two years post qualification experience"),
    alternatives=frozenset(
        {"clinical-psychologist", "educational-psychologist", "psychotherapist"}
    ),
    experience_years=2,
)
SAFEGUARDING_L2 = Requirement(
    "safeguarding-l2",
    K.TRAINING,
    "safeguarding-children",
    "Safeguarding level 2 minimum",
    cite("stoke", "4.1", "safeguarding level 2 as a minimum"),
    level=2,
)
REFERENCES = Requirement(
    "references",
    K.REFERENCES,
    "references",
    "Two written references, one from the last employer",
    cite("derby", "3.6.1", "two written references"),
    count=2,
    last_employer=True,
)
CONVICTIONS = Requirement(
    "convictions",
    K.DECLARATION,
    "convictions",
    "Declaration of convictions",
    cite("derby", "3.6.1", "approval of the Council"),
    approver="the Council",
)
DATA_PROTECTION = Requirement(
    "data-protection",
    K.TRAINING,
    "data-protection",
    "Data protection refresher every two years",
    cite("derby", "3.15", "at least every two years"),
    refresh=Duration(YEARS, 2),
)
TRAUMA = Requirement(
    "trauma",
    K.TRAINING,
    "trauma-informed",
    "Trauma informed practice, refreshed every 3 years",
    cite("plymouth", "6", "at least every three years"),
    refresh=Duration(YEARS, 3),
    scope=Scope(direct_work=True, needs=frozenset({"social-care"})),
)
NMC = Requirement(
    "nmc",
    K.REGISTRATION,
    "nmc",
    "NMC registration and revalidation",
    cite("plymouth", "6", "revalidation requirements of the Nursing and Midwifery Council"),
    scope=Scope(roles=frozenset({"rgn", "rmn", "rnld"})),
)
SUPERVISION = Requirement(
    "supervision",
    K.TRAINING,
    "supervision",
    "Supervision at least quarterly",
    cite("plymouth", "6", "at least quarterly"),
    refresh=Duration(DurationKind.MONTHS, 3),
    scope=Scope(direct_work=True),
)
FIRST_AID = Requirement(
    "first-aid",
    K.TRAINING,
    "first-aid",
    "Sufficient numbers trained in first aid",
    cite("plymouth", "6", "sufficient numbers of staff"),
    team=True,
    refresh=Duration(YEARS, 3),
    scope=Scope(direct_work=True),
)
PEG = Requirement(
    "peg",
    K.TRAINING,
    "peg-feeding",
    "Sufficient numbers trained in PEG feeding",
    cite("plymouth", "6", "Gastroenteric tube feeding (PEG/RIG)"),
    team=True,
    scope=Scope(direct_work=True, needs=frozenset({"healthcare"})),
)


def test_dbs_renewed_every_three_years() -> None:
    """A DBS check of 15 Mar 2021 covers three years: still valid on 15 Mar 2024, lapsed
    on 16 Mar 2024. On 1 Feb 2024 it shows as lapsing on 16 Mar (within 60 days)."""
    worker = Worker("W1", completions=(Completion("dbs-enhanced", D(2021, 3, 15)),))
    assert check_worker([DBS], worker, D(2024, 3, 15)).compliant
    lapsed = check_worker([DBS], worker, D(2024, 3, 16))
    assert ["workforce.check.lapsed"] == [f.code for f in lapsed.findings]
    [lapse] = check_worker([DBS], worker, D(2024, 2, 1)).lapsing
    assert D(2024, 3, 16) == lapse.lapses_on
    assert not check_worker([DBS], worker, D(2023, 12, 1)).lapsing  # > 60 days away


def test_two_years_post_qualification_experience() -> None:
    """Qualified with experience from 1 Sep 2022: one year on 31 Aug 2024, two on 1 Sep."""
    worker = Worker(
        "W2",
        qualifications=(Qualification("educational-psychologist"),),
        experience_since=D(2022, 9, 1),
    )
    assert not check_worker([PSYCHOLOGIST], worker, D(2024, 8, 31)).compliant
    assert check_worker([PSYCHOLOGIST], worker, D(2024, 9, 1)).compliant
    nurse = Worker("W3", qualifications=(Qualification("rgn"),), experience_since=D(2010, 1, 1))
    [finding] = check_worker([PSYCHOLOGIST], nurse, D(2024, 9, 1)).findings
    assert "clinical-psychologist" in finding.message


def test_safeguarding_level_two_minimum() -> None:
    """Level 1 does not meet "level 2 as a minimum"; level 3 does."""
    level1 = Worker("W", completions=(Completion("safeguarding-children", D(2024, 1, 1), 1),))
    level3 = Worker("W", completions=(Completion("safeguarding-children", D(2024, 1, 1), 3),))
    assert (False, True) == (
        check_worker([SAFEGUARDING_L2], level1, D(2024, 6, 1)).compliant,
        check_worker([SAFEGUARDING_L2], level3, D(2024, 6, 1)).compliant,
    )


def test_references_and_a_declared_conviction() -> None:
    """Derby: two references, one from the last employer; a declared conviction blocks
    assignment until the Council approves (approved 10 Jan 2025)."""
    worker = Worker(
        "W4",
        references=(Reference(D(2024, 11, 1)), Reference(D(2024, 11, 3))),
        declarations=(
            Declaration("convictions", D(2024, 11, 1), True, approved_on=D(2025, 1, 10)),
        ),
    )
    report = check_worker([REFERENCES, CONVICTIONS], worker, D(2025, 1, 6))
    assert {"workforce.references.last-employer", "workforce.declaration.awaiting-approval"} == {
        f.code for f in report.findings
    }
    approved = check_worker([CONVICTIONS], worker, D(2025, 1, 10))
    assert approved.compliant


def test_data_protection_every_two_years() -> None:
    """Trained 29 Feb 2024: the refresher is due by 28 Feb 2026; lapsed on 1 Mar 2026."""
    worker = Worker("W5", completions=(Completion("data-protection", D(2024, 2, 29)),))
    assert check_worker([DATA_PROTECTION], worker, D(2026, 2, 28)).compliant
    assert not check_worker([DATA_PROTECTION], worker, D(2026, 3, 1)).compliant


def test_scopes_direct_work_needs_and_roles() -> None:
    """Trauma training binds direct workers with social-care needs; NMC binds nurses only."""
    office = Worker("W6", direct_work=False, works_with=frozenset({"social-care"}))
    carer = Worker("W7", works_with=frozenset({"social-care"}))
    nurse = Worker(
        "W8", roles=frozenset({"rgn"}), registrations=(Registration("nmc", D(2025, 3, 31)),)
    )
    assert check_worker([TRAUMA, NMC], office, D(2025, 1, 6)).compliant
    assert not check_worker([TRAUMA, NMC], carer, D(2025, 1, 6)).compliant
    report = check_worker([TRAUMA, NMC], nurse, D(2025, 3, 1))
    assert report.compliant
    assert [D(2025, 4, 1)] == [lapse.lapses_on for lapse in report.lapsing]
    assert not check_worker([NMC], nurse, D(2025, 4, 1)).compliant


def test_supervision_at_least_quarterly() -> None:
    """Supervised 30 Nov 2024: the next is due by 28 Feb 2025 (clamped), lapsed 1 Mar."""
    worker = Worker("W9", completions=(Completion("supervision", D(2024, 11, 30)),))
    assert check_worker([SUPERVISION], worker, D(2025, 2, 28)).compliant
    assert not check_worker([SUPERVISION], worker, D(2025, 3, 1)).compliant


def test_sufficient_numbers_is_a_team_requirement() -> None:
    """Nobody first-aid trained in a team of two: a team finding, not a worker gap. PEG
    feeding applies only to a package with healthcare needs."""
    team = [Worker("A"), Worker("B", completions=(Completion("peg-feeding", D(2024, 5, 1)),))]
    assert check_worker([FIRST_AID], team[0], D(2025, 1, 6)).compliant
    assert ["workforce.team.first-aid"] == [
        f.code for f in check_team([FIRST_AID, PEG], team, D(2025, 1, 6))
    ]
    assert [] == check_team([PEG], team, D(2025, 1, 6), needs=frozenset({"healthcare"}))
    assert ["workforce.team.peg-feeding"] == [
        f.code for f in check_team([PEG], team[:1], D(2025, 1, 6), needs=frozenset({"healthcare"}))
    ]


def test_roster_report_counts() -> None:
    """A roster of three: one compliant. On 6 Jan 2025 a DBS of 1 Jan 2024 is valid (3-year
    renewal: until 1 Jan 2027); one of 1 Jan 2019 lapsed on 1 Jan 2022; NEW has none. First
    aid is a team requirement ("sufficient numbers"), so it is one team finding (nobody
    has it), not a gap in any one worker."""
    ok = Worker("OK", completions=(Completion("dbs-enhanced", D(2024, 1, 1)),))
    lapsed = Worker("OLD", completions=(Completion("dbs-enhanced", D(2019, 1, 1)),))
    report = check_roster([DBS, FIRST_AID], [ok, lapsed, Worker("NEW")], D(2025, 1, 6))
    assert (1, 3, 1) == (report.compliant, len(report.workers), len(report.team))
    # Which worker is compliant, not only how many.
    assert [("OK", True), ("OLD", False), ("NEW", False)] == [
        (w.worker_id, w.compliant) for w in report.workers
    ]
    # ...and the team finding is about first aid (the requirement id), not the DBS check.
    assert "workforce.team.first-aid" == report.team[0].code


def test_worker_names_stay_out_of_findings() -> None:
    """Findings name the worker's id, never their name. W10 has no DBS check on record, so
    there is exactly one finding (the test is not passed by an empty report): the
    requirement's wording, "no dbs-enhanced on record", at the worker's id."""
    report = check_worker([DBS], Worker("W10", name="Secret Person"), D(2025, 1, 6))
    [finding] = report.findings
    assert (
        "workforce.check.missing",
        "Enhanced DBS, renewed every 3 years: no dbs-enhanced on record",
        "$.workers['W10']",
    ) == (finding.code, finding.message, finding.path)
    assert "Secret" not in repr(report)
    assert "Secret" not in repr(Worker("W10", name="Secret Person"))


def test_provider_training_matrix_overrides_the_default_interval() -> None:
    """Plymouth: refresher "at the intervals set out in their organisational training
    matrix, or at least every three years where not otherwise specified". Trained 1 Jun
    2022: by default valid on 1 Jan 2025; with a two-year matrix entry, lapsed 2 Jun 2024."""
    req = Requirement(
        "self-harm",
        K.TRAINING,
        "self-harm",
        "Self-harm",
        cite("plymouth", "6", "at least every three years"),
        refresh=Duration(YEARS, 3),
        provider_matrix=True,
    )
    worker = Worker("W", completions=(Completion("self-harm", D(2022, 6, 1)),))
    assert check_worker([req], worker, D(2025, 1, 1)).compliant
    matrix = {"self-harm": Duration(YEARS, 2)}
    [finding] = check_worker([req], worker, D(2025, 1, 1), matrix=matrix).findings
    assert "lapsed on 2024-06-02" in finding.message
    strict = attrs_evolve(req, provider_matrix=False)
    assert check_worker([strict], worker, D(2025, 1, 1), matrix=matrix).compliant


def attrs_evolve(req: Requirement, **changes: object) -> Requirement:
    import attrs

    return attrs.evolve(req, **changes)  # type: ignore[misc, arg-type]


# --- "prior to employment" ------------------------------------------------------------------

PRIOR_REFERENCES = Requirement(
    "references",
    K.REFERENCES,
    "references",
    "Two written references before employment",
    cite("derby", "3.6.1", "at least 2 written satisfactory references are taken up prior"),
    count=2,
    before_employment=True,
)
PRIOR_DBS = Requirement(
    "dbs-before",
    K.CHECK,
    "dbs-enhanced",
    "Enhanced DBS before starting",
    cite("derby", "3.6.1", "prior to employment"),
    before_employment=True,
)


def test_references_taken_up_before_employment_are_compliant() -> None:
    """Employed from 1 Mar 2025, references of 10 and 20 Feb: both before the start, so on
    1 Apr 2025 the requirement is met."""
    worker = Worker(
        "W1",
        references=(Reference(D(2025, 2, 10)), Reference(D(2025, 2, 20))),
        employed_from=D(2025, 3, 1),
    )
    assert () == check_worker([PRIOR_REFERENCES], worker, D(2025, 4, 1)).findings


def test_a_reference_taken_up_after_employment_began_is_named() -> None:
    """The second reference arrived 5 Mar, after the 1 Mar start: two references are held,
    but only one was in place before employment: not compliant, and the finding says so."""
    worker = Worker(
        "W2",
        references=(Reference(D(2025, 2, 10)), Reference(D(2025, 3, 5))),
        employed_from=D(2025, 3, 1),
    )
    report = check_worker([PRIOR_REFERENCES], worker, D(2025, 4, 1))
    [finding] = report.findings
    assert ("workforce.references.after-employment", False) == (finding.code, report.compliant)
    assert "1 of 2 in place before employment began on 2025-03-01" in finding.message


def test_without_an_employment_start_prior_to_employment_is_a_warning() -> None:
    """No employed_from: the timing cannot be checked; said as a warning naming the field,
    the references themselves still count."""
    worker = Worker("W3", references=(Reference(D(2025, 2, 10)), Reference(D(2025, 2, 20))))
    report = check_worker([PRIOR_REFERENCES], worker, D(2025, 4, 1))
    [finding] = report.findings
    assert ("warning", "workforce.references.employment-start-unknown") == (
        finding.severity,
        finding.code,
    )
    assert finding.path.endswith(".employed_from")
    assert report.compliant


def test_a_check_before_employment() -> None:
    """DBS dated 2 Mar 2025 for a worker employed from 1 Mar: after the start (an error);
    dated 1 Mar itself: on or before the start (met)."""
    late = Worker(
        "W4", completions=(Completion("dbs-enhanced", D(2025, 3, 2)),), employed_from=D(2025, 3, 1)
    )
    on_time = attrs.evolve(late, completions=(Completion("dbs-enhanced", D(2025, 3, 1)),))
    assert ["workforce.check.after-employment"] == [
        f.code for f in check_worker([PRIOR_DBS], late, D(2025, 4, 1)).findings
    ]
    assert () == check_worker([PRIOR_DBS], on_time, D(2025, 4, 1)).findings


# --- the record read as of the check date ---------------------------------------------------
# A roster exported with its history holds completions dated after the date it is checked
# on (a monitoring visit, an audit period). Each requirement reads the record as it stood
# on that date: a later renewal does not exist yet, and must not hide the earlier one.

DBS_HISTORY = Worker(
    "W11",
    completions=(
        Completion("dbs-enhanced", D(2018, 5, 9)),
        Completion("dbs-enhanced", D(2021, 5, 2)),
    ),
)


def test_a_later_renewal_does_not_hide_the_check_in_force() -> None:
    """Stoke 4.3 "DBS checks renewed every 3 years". DBS of 9 May 2018: valid through
    9 May 2021 (three years), lapsing on 10 May 2021. The renewal of 2 May 2021 did not
    exist on 11 Feb 2020, so on that date the worker holds the 2018 check: compliant, and
    nothing lapses within 60 days (11 Feb + 60 days = 11 Apr 2020, before 10 May 2021)."""
    report = check_worker([DBS], DBS_HISTORY, D(2020, 2, 11))
    assert (True, (), ()) == (report.compliant, report.findings, report.lapsing)


def test_the_check_in_force_lapses_as_of_its_own_date() -> None:
    """On 1 Apr 2021 the 2018 check still holds and lapses on 10 May 2021, within the 60
    days (1 Apr + 60 = 31 May): a lapse warning dated from the 2018 check, not from the
    renewal. On 3 May 2021 the renewal of 2 May holds: it lapses on 3 May 2024."""
    [early] = check_worker([DBS], DBS_HISTORY, D(2021, 4, 1)).lapsing
    assert D(2021, 5, 10) == early.lapses_on
    after = check_worker([DBS], DBS_HISTORY, D(2021, 5, 3))
    assert (True, ()) == (after.compliant, after.lapsing)
    [late] = check_worker([DBS], DBS_HISTORY, D(2024, 4, 1)).lapsing
    assert D(2024, 5, 3) == late.lapses_on


def test_before_any_completion_the_worker_has_none() -> None:
    """On 8 May 2018, the day before the first check, nothing is on record."""
    [finding] = check_worker([DBS], DBS_HISTORY, D(2018, 5, 8)).findings
    assert ("workforce.check.missing", "no dbs-enhanced on record") == (
        finding.code,
        finding.message.split(": ", 1)[1],
    )


def test_a_later_higher_level_does_not_stand_in_for_a_missing_one() -> None:
    """Level 1 in Jan 2024, level 3 in Jan 2026: on 1 Jun 2025 only level 1 exists, short
    of "level 2 as a minimum"; on 1 Jun 2026 the level 3 meets it."""
    worker = Worker(
        "W12",
        completions=(
            Completion("safeguarding-children", D(2024, 1, 1), 1),
            Completion("safeguarding-children", D(2026, 1, 1), 3),
        ),
    )
    [finding] = check_worker([SAFEGUARDING_L2], worker, D(2025, 6, 1)).findings
    assert "workforce.training.missing" == finding.code
    assert check_worker([SAFEGUARDING_L2], worker, D(2026, 6, 1)).compliant


def test_a_qualification_awarded_after_the_check_date_is_not_yet_held() -> None:
    """Educational psychologist awarded 1 Sep 2024, experience from 1 Sep 2021: on 1 Jun
    2024 the qualification is not held (holds none); on 1 Sep 2024 it is, with three
    years' experience (>= 2). A qualification with no award date is taken as held."""
    worker = Worker(
        "W13",
        qualifications=(Qualification("educational-psychologist", D(2024, 9, 1)),),
        experience_since=D(2021, 9, 1),
    )
    [finding] = check_worker([PSYCHOLOGIST], worker, D(2024, 6, 1)).findings
    assert "workforce.qualification.missing" == finding.code
    assert check_worker([PSYCHOLOGIST], worker, D(2024, 9, 1)).compliant


def test_a_team_is_counted_as_of_the_check_date() -> None:
    """First aid, a team requirement: one worker trained on 1 Mar 2025. On 1 Feb 2025
    nobody was yet trained (a team finding); on 1 Apr 2025 one is (met)."""
    team = [Worker("A", completions=(Completion("first-aid", D(2025, 3, 1)),))]
    assert ["workforce.team.first-aid"] == [
        f.code for f in check_team([FIRST_AID], team, D(2025, 2, 1))
    ]
    assert [] == check_team([FIRST_AID], team, D(2025, 4, 1))


REGULAR_SUPERVISION = Requirement(
    "supervision-regular",
    K.TRAINING,
    "supervision",
    "Regular supervision",
    cite("stoke", "4.1", "Have regular supervision"),
    provider_matrix=True,
)


def test_regular_supervision_without_an_interval_is_a_query() -> None:
    """ "Regular" with no interval: supervised only on 15 Jan 2016, checked on 1 Jul 2019.
    15 Jan 2016 to 15 Jan 2019 is 366 + 365 + 365 = 1,096 days; to 1 Jul 2019 another
    16 (January) + 28 + 31 + 30 + 31 + 30 + 1 = 167: 1,263 days. Nothing decides whether
    that lapsed, so it is a warning (a query), not a pass in silence and not a gap."""
    worker = Worker("W14", completions=(Completion("supervision", D(2016, 1, 15)),))
    report = check_worker([REGULAR_SUPERVISION], worker, D(2019, 7, 1))
    [query] = report.findings
    assert (True, "warning", "workforce.training.interval-unset") == (
        report.compliant,
        query.severity,
        query.code,
    )
    assert "2016-01-15, 1263 days before 2019-07-01" in query.message


def test_regular_supervision_with_the_agreed_interval_lapses() -> None:
    """Given the interval agreed, three months: 15 Jan 2016 + 3 months = 15 Apr 2016, so
    it lapsed on 16 Apr 2016, an error on 1 Jul 2019. None on record is a gap either way."""
    worker = Worker("W15", completions=(Completion("supervision", D(2016, 1, 15)),))
    matrix = {"supervision": Duration(DurationKind.MONTHS, 3)}
    [lapsed] = check_worker([REGULAR_SUPERVISION], worker, D(2019, 7, 1), matrix=matrix).findings
    assert ("workforce.training.lapsed", True) == (
        lapsed.code,
        "lapsed on 2016-04-16" in lapsed.message,
    )
    [missing] = check_worker([REGULAR_SUPERVISION], Worker("W16"), D(2019, 7, 1)).findings
    assert "workforce.training.missing" == missing.code
