"""The defects of the Derby audit (shared/audits/derby.md), each worked by hand from
shared/specs/derby.txt. Every docstring says how the expected value follows from the text."""

from __future__ import annotations

import datetime as dt
import json
import re
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import attrs
import pytest
from childcare_commissioning_derby import (
    SPEC,
    AccommodationType,
    CareEpisode,
    Variation,
    check_placement,
    ipa_payments,
    is_care_leaver,
)

from childcare_commissioning import ChildOrYoungPerson, Referral, Referrer, Status, Urgency
from childcare_commissioning.cli import main
from childcare_commissioning.conformance import register_violations
from childcare_commissioning.deadlines import evaluate, resolve_calendar
from childcare_commissioning.model import Channel, Package, Severity
from childcare_commissioning.obligations import obligations_between
from childcare_commissioning.referrals import check_referral
from childcare_commissioning.register import coverage
from childcare_commissioning.safeguarding import Concern, route_concern
from childcare_commissioning.workforce import (
    Completion,
    Declaration,
    Reference,
    Worker,
    check_worker,
)

#: A complete referral pack (3.3.1, reading 'referral-pack'): the redacted Pathway plan and
#: the indicative budget.
PACK = {"pathway_plan": "redacted plan", "indicative_budget": "600.00 a week"}

D = dt.date
LONDON = ZoneInfo("Europe/London")
UTC = dt.UTC


def _rule(rule_id: str):  # type: ignore[no-untyped-def]
    return next(r for r in SPEC.deadlines if r.id == rule_id)


def _package(
    category: str, start: dt.date, end: dt.date | None, hours: str | None = None
) -> Package:
    return Package(
        "P",
        "derby",
        "YP",
        start,
        end,
        lot="lot-1" if category.startswith("1") else "lot-2",
        category=category,
        hours_per_week=Decimal(hours) if hours else None,
    )


def _codes(findings: list[object]) -> set[str]:
    return {f.code for f in findings}  # type: ignore[attr-defined]


# --- the register ----------------------------------------------------------------------------


def test_every_sentence_is_accounted_for_with_no_violation() -> None:
    """The register covers all 463 sentences of the shipped text (the sentence split of
    childcare_commissioning.register), every quote is found and every declared id is named."""
    result = coverage(SPEC.register)  # type: ignore[arg-type]
    assert (result.sentences, result.covered, result.problems) == (463, 463, ())
    assert register_violations(SPEC) == []


def test_every_operational_clause_of_the_audit_is_a_rule_duty_or_not_encoded() -> None:
    """The audit's inventory D01-D142: every clause number appears in the note of an entry
    whose status is rule, duty, definition (a reading) or not-encoded, never context."""
    assert SPEC.register is not None
    seen: dict[int, set[str]] = {}
    for entry in SPEC.register.entries:
        for number in re.findall(r"D(\d{2,3})", entry.note):
            seen.setdefault(int(number), set()).add(entry.status.value)
    missing = sorted(set(range(1, 143)) - set(seen))
    assert missing == []
    assert all("context" not in statuses for statuses in seen.values())


# --- defect 1: emergency provision the same day, 7 days a week --------------------------------


@pytest.mark.parametrize(
    ("at", "due"),
    [
        # Saturday 8 February 2025, 10:00 GMT: the service runs 7 days a week, so that day.
        (dt.datetime(2025, 2, 8, 10, tzinfo=UTC), D(2025, 2, 8)),
        # Good Friday 18 April 2025 10:00 BST: bank holidays are not excepted (3.3.6).
        (dt.datetime(2025, 4, 18, 9, tzinfo=UTC), D(2025, 4, 18)),
        # Easter Monday 21 April 2025: the same.
        (dt.datetime(2025, 4, 21, 9, tzinfo=UTC), D(2025, 4, 21)),
        # Christmas Day 2025 (a Thursday).
        (dt.datetime(2025, 12, 25, 15, tzinfo=UTC), D(2025, 12, 25)),
        # 23:30 UTC on Saturday 25 October 2025 is 00:30 BST on Sunday 26 October in Derby
        # (clocks go back at 01:00 UTC that morning): Derby's local date, the Sunday.
        (dt.datetime(2025, 10, 25, 23, 30, tzinfo=UTC), D(2025, 10, 26)),
        # 23:30 UTC on Saturday 29 March 2025 is 23:30 GMT (BST starts 01:00 UTC on the 30th).
        (dt.datetime(2025, 3, 29, 23, 30, tzinfo=UTC), D(2025, 3, 29)),
        # 23:30 UTC on Sunday 30 March 2025 is 00:30 BST on Monday 31 March.
        (dt.datetime(2025, 3, 30, 23, 30, tzinfo=UTC), D(2025, 3, 31)),
    ],
)
def test_emergency_support_is_due_the_same_day_every_day(at: dt.datetime, due: dt.date) -> None:
    """3.2.5: emergency provision 'available on the same day' (1.1) for 'same day
    referrals' (2.1); 3.3.5's 'same working day' is read on the service's own calendar,
    '7 days a week' (3.3.6), bank holidays included (reading 'emergency-same-day'). The audit
    found Saturday pushed to Monday and Good Friday to Tuesday."""
    assert evaluate(_rule("emergency-support"), at, SPEC.calendars).due_date == due


# --- defect 4: safeguarding contacts and routing --------------------------------------------


@pytest.mark.parametrize(
    ("local", "open_"),
    [
        (dt.datetime(2025, 2, 8, 23, 0, tzinfo=LONDON), True),  # Saturday night
        (dt.datetime(2025, 2, 8, 12, 0, tzinfo=LONDON), True),  # Saturday midday: offices closed
        (dt.datetime(2025, 2, 10, 11, 0, tzinfo=LONDON), False),  # Monday 11:00: office hours
        (dt.datetime(2025, 2, 10, 17, 0, tzinfo=LONDON), True),  # Monday 17:00: offices just closed
        (dt.datetime(2025, 2, 11, 8, 59, tzinfo=LONDON), True),  # Tuesday 08:59: not yet open
        (dt.datetime(2025, 2, 11, 9, 0, tzinfo=LONDON), False),  # Tuesday 09:00: open
        (dt.datetime(2025, 2, 10, 3, 0, tzinfo=LONDON), True),  # Monday 03:00, after a Sunday
        (dt.datetime(2025, 3, 30, 12, 0, tzinfo=LONDON), True),  # Sunday of the spring clock change
    ],
)
def test_emergency_careline_keeps_out_of_hours(local: dt.datetime, open_: bool) -> None:
    """3.3.6: the Emergency Careline has the providers' numbers 'for out of hours', i.e.
    'from normal office closing times to normal office opening times', read as 17:00-09:00
    on weekdays and all weekend (reading 'office-hours': offices Monday-Friday 09:00-17:00).
    The audit found it declared with office hours."""
    careline = next(c for c in SPEC.contacts if c.id == "emergency-careline")
    assert careline.hours == "derby-out-of-hours"
    calendar = resolve_calendar(careline.hours, SPEC.calendars)
    assert calendar.is_open(local) is open_


def test_safeguarding_procedure_websites_are_contacts() -> None:
    """3.4.6: 'These procedures can be found at: www.derbyshirescb.org.uk www.derbyscb.org.uk'."""
    urls = {c.url for c in SPEC.contacts if c.role == "safeguarding-procedures"}
    assert urls == {"https://www.derbyshirescb.org.uk", "https://www.derbyscb.org.uk"}


@pytest.mark.parametrize(
    "concern", [Concern.CHILD, Concern.ADULT_AT_RISK, Concern.ALLEGATION_AGAINST_WORKER]
)
def test_every_concern_goes_to_the_council_the_same_local_day(concern: Concern) -> None:
    """3.4.6: 'any concerns or alerts have to be notified to the Council the same day'; the
    heading covers vulnerable adults (care leavers 18-25) and the procedures cover
    'allegations or concerns about vulnerable service users' (reading
    'concern-notification'). A concern at 23:30 UTC on 25 October 2025 is 00:30 BST on
    26 October in Derby: due 26 October. The audit found no routing for adults or
    allegations. A Sunday night is out of office hours, so the Council is reached through
    its Emergency Careline (audit round 2, defect 5)."""
    [step] = route_concern(SPEC, concern, dt.datetime(2025, 10, 25, 23, 30, tzinfo=UTC))
    assert (step.recipient, step.channel, step.deadline.due_date) == (
        "emergency-careline",
        Channel.PHONE,
        D(2025, 10, 26),
    )


# --- defect 3: category 2.2 ends at 18 --------------------------------------------------------


@pytest.mark.parametrize(
    ("born", "end", "finding"),
    [
        # 18 on 20 June 2026: a package to 31 August 2026 runs past it.
        (D(2008, 6, 20), D(2026, 8, 31), True),
        # ending on the 18th birthday itself: moved on as 18 is reached.
        (D(2008, 6, 20), D(2026, 6, 20), False),
        (D(2008, 6, 20), D(2026, 6, 21), True),
        # born 29 February 2008: 18 on 1 March 2026 (no 29 February in 2026).
        (D(2008, 2, 29), D(2026, 3, 1), False),
        (D(2008, 2, 29), D(2026, 3, 2), True),
    ],
)
def test_category_2_2_moves_on_at_18(born: dt.date, end: dt.date, finding: bool) -> None:
    """3.2.5 Category 2.2: 'plans in place to ensure once the young person reaches 18 years
    they move on'. The audit (V16) found 2.2 never checked. Packages start 1 December 2025,
    at least 3 months before each end, so no length warning interferes."""
    found = check_placement(
        _package("2.2", D(2025, 12, 1), end, "10"), ChildOrYoungPerson("YP", date_of_birth=born)
    )
    assert ("derby.placement.move-on-at-18" in _codes(found)) is finding


# --- bed and breakfast, by accommodation type, at 16 and 17 ----------------------------------


@pytest.mark.parametrize(
    ("accommodation", "start", "finding"),
    [
        (AccommodationType.BED_AND_BREAKFAST, D(2026, 6, 19), True),  # 17 the day before 18
        ("bed-and-breakfast", D(2026, 6, 19), True),  # the enum's value, as JSON carries it
        (AccommodationType.BED_AND_BREAKFAST, D(2026, 6, 20), False),  # 18 on 20 June 2026
        (AccommodationType.SEMI_INDEPENDENT, D(2026, 6, 19), False),
        (None, D(2026, 6, 19), False),  # not given: nothing to check
    ],
)
def test_no_bed_and_breakfast_at_16_or_17(
    accommodation: AccommodationType | None, start: dt.date, finding: bool
) -> None:
    """3.1.4 and 3.2.2: 'a ban on placing 16/17 year olds ... in bed and breakfast' and
    'avoiding the use of Bed & Breakfast provision'. Born 20 June 2008: 17 on 19 June 2026,
    18 on 20 June."""
    found = check_placement(
        _package("1.2", start, start + dt.timedelta(days=120), "5"),
        ChildOrYoungPerson("YP", date_of_birth=D(2008, 6, 20)),
        accommodation,
    )
    assert ("derby.placement.bed-and-breakfast" in _codes(found)) is finding


@pytest.mark.parametrize(
    "wording", ["B&B hotel", "Bed and Breakfast accommodation", "Bed & Breakfast", "hostel"]
)
def test_free_text_accommodation_is_refused_not_passed(wording: str) -> None:
    """Audit round 2, defect 9: 'B&B hotel' and 'Bed and Breakfast accommodation' passed the
    ban because the type was free text. The type is now an AccommodationType: any wording
    that is not one of its values is refused with the field and rule named."""
    with pytest.raises(ValueError, match=r"accommodation: .* \[accommodation-type\]"):
        check_placement(
            _package("1.2", D(2026, 1, 5), D(2026, 4, 30), "5"),
            ChildOrYoungPerson("YP", date_of_birth=D(2009, 9, 1)),
            wording,  # type: ignore[arg-type]
        )


def test_bed_and_breakfast_from_the_16th_birthday() -> None:
    """Born 20 June 2010: 15 on 19 June 2026 (outside the 16/17 ban, and outside the
    service), 16 on 20 June 2026 (inside the ban)."""
    young = ChildOrYoungPerson("YP", date_of_birth=D(2010, 6, 20))
    bnb = AccommodationType.BED_AND_BREAKFAST
    before = check_placement(_package("1.2", D(2026, 6, 19), D(2026, 10, 31)), young, bnb)
    on = check_placement(_package("1.2", D(2026, 6, 20), D(2026, 10, 31)), young, bnb)
    assert "derby.placement.bed-and-breakfast" not in _codes(before)
    assert "derby.placement.bed-and-breakfast" in _codes(on)


# --- defect 7: the care leaver test does not double-count ---------------------------------------


def test_duplicate_episodes_count_once() -> None:
    """Audit V35. Born 10 May 2006 (14 on 10 May 2020). The episode 1 September-31 October
    2022 (30 + 31 = 61 days) recorded twice is still 61 days, short of 13 weeks (91): not a
    care leaver on 1 January 2023. The audit found 122 days and a care leaver."""
    episode = CareEpisode(D(2022, 9, 1), D(2022, 10, 31))
    result = is_care_leaver(D(2006, 5, 10), [episode, episode], D(2023, 1, 1))
    assert (result.is_care_leaver, result.days_looked_after_since_14) == (False, 61)


def test_overlapping_episodes_are_merged() -> None:
    """1 September-31 October and 1 October-30 November 2022 overlap in October: together
    1 September-30 November = 30 + 31 + 30 = 91 days, exactly 13 weeks; looked after after
    the school-leaving date (last Friday of June 2022, 24 June), aged 16 on 1 January 2023:
    a care leaver. Summed without merging they would be 61 + 61 = 122."""
    result = is_care_leaver(
        D(2006, 5, 10),
        [CareEpisode(D(2022, 10, 1), D(2022, 11, 30)), CareEpisode(D(2022, 9, 1), D(2022, 10, 31))],
        D(2023, 1, 1),
    )
    assert (result.is_care_leaver, result.days_looked_after_since_14) == (True, 91)


def test_one_day_short_after_merging() -> None:
    """1 September-30 October and 1 October-29 November 2022: the union is 1 September-29
    November = 30 + 31 + 29 = 90 days, one short of 13 weeks."""
    result = is_care_leaver(
        D(2006, 5, 10),
        [CareEpisode(D(2022, 9, 1), D(2022, 10, 30)), CareEpisode(D(2022, 10, 1), D(2022, 11, 29))],
        D(2023, 1, 1),
    )
    assert (result.is_care_leaver, result.days_looked_after_since_14) == (False, 90)


# --- lesser defects: agreement length, bespoke packages, Housing Benefit ------------------------


@pytest.mark.parametrize(
    ("category", "start", "end", "warned"),
    [
        ("1.2", D(2025, 1, 1), D(2025, 3, 31), False),  # 1 Jan-31 Mar: exactly 3 months
        ("1.2", D(2025, 1, 1), D(2025, 3, 30), True),  # one day short of 3 months
        ("1.2", D(2025, 1, 1), D(2025, 12, 31), False),  # exactly 12 months
        ("1.2", D(2025, 1, 1), D(2026, 1, 31), True),  # 13 months
        ("1.1", D(2025, 1, 1), D(2025, 1, 10), False),  # emergency: may be shorter
        ("1.1", D(2025, 1, 1), D(2026, 1, 31), True),  # but not longer than 12 months
        ("2.2", D(2024, 11, 30), D(2025, 2, 26), True),  # ends 2 days before 28 Feb
        ("2.2", D(2024, 11, 30), D(2025, 2, 27), False),  # 30 Nov + 3 months = 28 Feb
    ],
)
def test_agreements_are_generally_3_to_12_months(
    category: str, start: dt.date, end: dt.date, warned: bool
) -> None:
    """3.2.5: 'short term (generally 3 - 12 months)'; emergency entries 'may mean that this
    is a shorter Individual Placement Agreement' (reading 'agreement-length'). Both days
    are included, so 1 January-31 March is 3 whole months. The audit (V31) found 1 January-
    31 March warned (counted as 2) and 13 months passed (counted as 12). 30 November + 3
    months clamps to 28 February 2025, so an agreement to 27 February (the day before) is 3
    months and one to 26 February is short. The young
    person is 16 throughout (born 1 September 2008)."""
    found = check_placement(
        _package(category, start, end, "5"), ChildOrYoungPerson("YP", date_of_birth=D(2008, 9, 1))
    )
    assert ("derby.placement.agreement-length" in _codes(found)) is warned


def test_bespoke_package_above_25_hours_is_negotiated_not_refused() -> None:
    """3.2.4: 0-25 hours a week from the matrix; 'on very rare occasions an individual
    package may be sourced with providers to meet bespoke needs ... advertised and
    negotiated'. 30 hours: an error for an ordinary package, a warning (no error) for a
    bespoke one; 25 hours is within the matrix either way."""
    young = ChildOrYoungPerson("YP", date_of_birth=D(2008, 9, 1))
    ordinary = check_placement(_package("1.2", D(2025, 1, 1), D(2025, 6, 30), "30"), young)
    bespoke = check_placement(
        _package("1.2", D(2025, 1, 1), D(2025, 6, 30), "30"), young, bespoke=True
    )
    assert [(f.code, f.severity) for f in ordinary] == [
        ("derby.placement.support-hours", Severity.ERROR)
    ]
    assert [(f.code, f.severity) for f in bespoke] == [
        ("derby.placement.bespoke-package", Severity.WARNING)
    ]
    assert check_placement(_package("1.2", D(2025, 1, 1), D(2025, 6, 30), "25"), young) == []


@pytest.mark.parametrize(("benefit", "finding"), [(False, True), (True, False), (None, False)])
def test_category_2_3_is_for_young_people_on_housing_benefit(
    benefit: bool | None, finding: bool
) -> None:
    """3.2.5 Category 2.3: 'accommodation only without support to young people in receipt
    of Housing Benefit'. Not in receipt: a finding; in receipt or not known: none. Born
    1 September 2008, the package 1 January-31 May 2026 ends before the 18th birthday."""
    found = check_placement(
        _package("2.3", D(2026, 1, 1), D(2026, 5, 31)),
        ChildOrYoungPerson("YP", date_of_birth=D(2008, 9, 1)),
        housing_benefit=benefit,
    )
    assert ("derby.placement.housing-benefit" in _codes(found)) is finding


def test_first_payment_period_starts_with_the_agreement() -> None:
    """Audit V20b: an IPA from 15 February 2024 at £350 a week (£50 a day), £420 (£60 a
    day) from 29 February: February is 14 x £50 + £60 = £760.00 for 15-29 February, labelled
    from 15 February; March 31 x £60 = £1,860.00."""
    payments = ipa_payments(
        D(2024, 2, 15),
        D(2024, 3, 31),
        [Variation(D(2024, 2, 15), Decimal(350)), Variation(D(2024, 2, 29), Decimal(420))],
    )
    assert payments == [
        (D(2024, 2, 15), D(2024, 2, 29), Decimal("760.00")),
        (D(2024, 3, 1), D(2024, 3, 31), Decimal("1860.00")),
    ]


# --- performance table ---------------------------------------------------------------------------


def test_the_100_percent_target_is_on_responses_only() -> None:
    """3.7.1's Access row lists four measures, then '100%' and 'Quarterly' once (reading
    'performance-table'): all four are reported quarterly; only responses within timescale
    carry the 100% target."""
    access = {o.id: (o.target, o.reported) for o in SPEC.outcomes if o.id.startswith("access")}
    assert access == {
        "access": ("100%", "Quarterly"),
        "access-suitable-placements": (None, "Quarterly"),
        "access-ended-by-provider": (None, "Quarterly"),
        "access-ended-by-council": (None, "Quarterly"),
    }


# --- recurring duties and triggered reviews ---------------------------------------------------


def test_weekly_schedules_follow_each_young_person_and_meetings_are_not_dated() -> None:
    """3.6.5: the support each young person 'should be receiving on a weekly basis' (audit
    D96, round 2 row 24): weekly from each placement's start, not from the contract's. A
    placement from Wednesday 9 April 2025, listed to 1 May: 16, 23 and 30 April, each for
    that placement. 3.1.4: the housing pathway meeting 'held monthly' is the Council's, on
    its dates (round 2 row 23): the library dates none, from a contract start or otherwise."""
    placement = Package("IPA-9", "derby", "YP-9", D(2025, 4, 9), D(2025, 9, 30))
    found = obligations_between(
        SPEC.all_obligations(),
        D(2025, 4, 1),
        D(2025, 4, 1),
        D(2025, 5, 1),
        SPEC.calendars,
        packages=[placement],
    )
    by_id: dict[str, list[tuple[dt.date, str | None]]] = {}
    for occurrence in found:
        by_id.setdefault(occurrence.obligation_id, []).append(
            (occurrence.due_date, occurrence.package_id)
        )
    assert by_id["weekly-support-schedule"] == [
        (D(2025, 4, 16), "IPA-9"),
        (D(2025, 4, 23), "IPA-9"),
        (D(2025, 4, 30), "IPA-9"),
    ]
    assert not any("pathway" in obligation_id for obligation_id in by_id)
    without = obligations_between(
        SPEC.all_obligations(), D(2025, 4, 1), D(2025, 4, 1), D(2025, 5, 1), SPEC.calendars
    )
    assert [o for o in without if "weekly" in o.obligation_id or "pathway" in o.obligation_id] == []


def test_reviews_are_also_triggered_by_change_or_request() -> None:
    """3.8.1: a review 'may be triggered by any significant change in circumstances or if
    requested by the young person'; 3.9 complaints are reported to the local authority."""
    triggers = {o.id: o.trigger for o in SPEC.obligations if o.trigger is not None}
    assert triggers["review-on-change"] == "significant-change"
    assert triggers["review-on-request"] == "young-person-request"
    assert triggers["complaints-report"] == "complaint-received"


# --- vetting: the recruitment records of 3.6.1 ----------------------------------------------


def test_references_are_taken_up_prior_to_employment() -> None:
    """3.6.1: "at least 2 written satisfactory references are taken up prior to employment"
    (audit D85). Employed from 1 Jan 2024: references of 1 and 2 Dec 2023 are in place
    before; if the second arrived on 3 Jan 2024 only one was, and the worker is not
    compliant; with no employment start the timing cannot be checked (a warning)."""
    requirement = next(r for r in SPEC.workforce if r.id == "references")
    on = D(2025, 1, 6)
    before = Worker(
        "W",
        references=(Reference(D(2023, 12, 1), last_employer=True), Reference(D(2023, 12, 2))),
        employed_from=D(2024, 1, 1),
    )
    assert () == check_worker([requirement], before, on).findings
    after = attrs.evolve(
        before,
        references=(Reference(D(2023, 12, 1), last_employer=True), Reference(D(2024, 1, 3))),
    )
    [late] = check_worker([requirement], after, on).findings
    assert "workforce.references.after-employment" == late.code
    unknown = attrs.evolve(before, employed_from=None)
    [warning] = check_worker([requirement], unknown, on).findings
    assert ("warning", "workforce.references.employment-start-unknown") == (
        warning.severity,
        warning.code,
    )


def test_recruitment_records_are_required_of_every_worker() -> None:
    """3.6.1: 'application forms and job descriptions are used', 'the interview process
    determines whether the applicant meets the essential criteria', 'staff have a clear
    contract of employment or terms of service'. A worker with every other 3.6.1, 3.10 and
    3.15 record but none of these three misses exactly those three (audit D82, D84, D88)."""
    on = D(2025, 1, 6)
    worker = Worker(
        "W",
        completions=(
            Completion("employment-history", D(2024, 1, 1)),
            Completion("dbs-enhanced", D(2024, 1, 5)),
            Completion("data-protection", D(2024, 1, 6)),
            Completion("safeguarding-young-people", D(2024, 1, 8)),
            Completion("appraisal", D(2024, 6, 1)),
        ),
        references=(Reference(D(2023, 12, 1), last_employer=True), Reference(D(2023, 12, 2))),
        declarations=(Declaration("convictions", D(2023, 12, 1)),),
        employed_from=D(2024, 1, 1),
    )
    report = check_worker(SPEC.workforce, worker, on)
    assert not report.compliant
    assert sorted((f.code, f.message.split(": ")[-1]) for f in report.findings) == [
        ("workforce.check.missing", "no application-form on record"),
        ("workforce.check.missing", "no contract-of-employment on record"),
        ("workforce.check.missing", "no interview on record"),
    ]
    complete = Worker(
        "W",
        completions=(
            *worker.completions,
            Completion("application-form", D(2023, 11, 20)),
            Completion("interview", D(2023, 11, 27)),
            Completion("contract-of-employment", D(2024, 1, 1)),
        ),
        references=worker.references,
        declarations=worker.declarations,
    )
    assert check_worker(SPEC.workforce, complete, on).compliant


# --- timing across both clock changes -----------------------------------------------------------


@pytest.mark.parametrize(
    ("rule_id", "at", "due_utc"),
    [
        # 3.3.1 standard, 24 elapsed hours: Sat 29 Mar 2025 10:00 GMT (10:00Z) -> 30 Mar
        # 10:00Z, which is 11:00 BST (clocks went forward at 01:00Z).
        ("offer-standard", dt.datetime(2025, 3, 29, 10, tzinfo=UTC), (2025, 3, 30, 10, 0)),
        # Sat 25 Oct 2025 10:00 BST (09:00Z) -> 26 Oct 09:00Z = 09:00 GMT.
        ("offer-standard", dt.datetime(2025, 10, 25, 9, tzinfo=UTC), (2025, 10, 26, 9, 0)),
        # 3.3.1 urgent, 1 hour: 00:30 GMT 30 Mar -> 01:30Z = 02:30 BST (01:xx never exists).
        ("offer-urgent", dt.datetime(2025, 3, 30, 0, 30, tzinfo=UTC), (2025, 3, 30, 1, 30)),
        # 00:30Z 26 Oct = 01:30 BST (first pass) -> 01:30Z = 01:30 GMT (second pass).
        ("offer-urgent", dt.datetime(2025, 10, 26, 0, 30, tzinfo=UTC), (2025, 10, 26, 1, 30)),
        # 3.3.5, 72 hours: Fri 28 Mar 10:00 GMT -> Mon 31 Mar 10:00Z = 11:00 BST.
        ("full-information", dt.datetime(2025, 3, 28, 10, tzinfo=UTC), (2025, 3, 31, 10, 0)),
        # Fri 24 Oct 12:00 BST (11:00Z) -> Mon 27 Oct 11:00Z = 11:00 GMT.
        ("full-information", dt.datetime(2025, 10, 24, 11, tzinfo=UTC), (2025, 10, 27, 11, 0)),
    ],
)
def test_hour_limits_are_elapsed_across_clock_changes(
    rule_id: str, at: dt.datetime, due_utc: tuple[int, int, int, int, int]
) -> None:
    """'within 24 hours', 'within 1 hour' (3.3.1) and 'within 72 hours' (3.3.5) are elapsed
    hours, worked in UTC and shown in Derby's time."""
    due = evaluate(_rule(rule_id), at, SPEC.calendars).due_at
    assert due is not None
    assert due.astimezone(UTC) == dt.datetime(*due_utc, tzinfo=UTC)


# --- ages on each boundary (local dates at noon) --------------------------------------------------


def _referral(born: dt.date, statuses: set[Status], lot: str, at: dt.datetime) -> Referral:
    return Referral(
        "R",
        at,
        Urgency.STANDARD,
        Referrer("leaving-care-team"),
        ChildOrYoungPerson("YP", date_of_birth=born, statuses=frozenset(statuses)),
        service=lot,
        information=dict(PACK),
    )


HOMELESS_CIN = {Status.HOMELESS, Status.CHILD_IN_NEED}
CARE_LEAVER = {Status.CARE_LEAVER}
IN_EDUCATION = {Status.CARE_LEAVER, Status.IN_EDUCATION}


@pytest.mark.parametrize(
    ("born", "statuses", "lot", "expected"),
    [
        # Lot 2, 16-17 (reading '16-18'): 16 on 20 June 2025 -> eligible that day,
        (D(2009, 6, 20), HOMELESS_CIN, "lot-2", "eligible"),
        # not the day before (born 21 June 2009: still 15 on 20 June 2025).
        (D(2009, 6, 21), HOMELESS_CIN, "lot-2", "not-eligible"),
        # 18 on 20 June 2025: no longer 16-17.
        (D(2007, 6, 20), HOMELESS_CIN, "lot-2", "not-eligible"),
        (D(2007, 6, 21), HOMELESS_CIN, "lot-2", "eligible"),
        # care leavers 'up to 21' inclusive (reading 'upper-ages'): 22 on 20 June 2025 is out,
        (D(2003, 6, 20), CARE_LEAVER, "lot-1", "not-eligible"),
        # 21 until the day before the 22nd birthday is in.
        (D(2003, 6, 21), CARE_LEAVER, "lot-1", "eligible"),
        # 'up to 25 years if still in education or training': 26 on 20 June 2025 is out,
        (D(1999, 6, 20), IN_EDUCATION, "lot-1", "not-eligible"),
        (D(1999, 6, 21), IN_EDUCATION, "lot-1", "eligible"),
    ],
)
def test_age_boundaries_on_the_birthday(
    born: dt.date, statuses: set[Status], lot: str, expected: str
) -> None:
    """A referral at noon on Friday 20 June 2025 in Derby (11:00Z). Each pair is the
    birthday itself and the day after it (born a day later), worked from 3.1.1's 'up to 21',
    'up to 25 years if still in education or training' and '16-17 years'."""
    at = dt.datetime(2025, 6, 20, 11, tzinfo=UTC)
    assert check_referral(SPEC, _referral(born, statuses, lot, at)).outcome.value == expected


# --- the bundled examples through the CLI, with the outcomes the README states ------------------

EXAMPLES_DIR = (
    Path(__file__).resolve().parents[1] / "src" / "childcare_commissioning_derby" / "examples"
)


def test_example_referral_through_the_cli(capsys: pytest.CaptureFixture[str]) -> None:
    """README: the urgent Saturday-night referral (23:10Z on 8 February 2025, GMT) of a
    homeless child in need born 20 June 2008 (16) is eligible for Lot 2, and the offer is
    due one hour later, 00:10Z on 9 February (3.3.1 'within 1 hour for an urgent
    referral')."""
    code = main(
        [
            "referral",
            "check",
            "--council",
            "derby",
            "--format",
            "json",
            str(EXAMPLES_DIR / "referral.json"),
        ]
    )
    result = json.loads(capsys.readouterr().out)
    assert code == 0
    assert result["outcome"] == "eligible"
    assert [d["due_at"] for d in result["deadlines"]] == ["2025-02-09T00:10:00+00:00"]


def test_good_friday_emergency_through_the_cli(capsys: pytest.CaptureFixture[str]) -> None:
    """README: an emergency request at 10:00 BST on Good Friday, 18 April 2025, is due the
    same day (reading 'emergency-same-day')."""
    code = main(
        [
            "deadlines",
            "--council",
            "derby",
            "--rule",
            "emergency-support",
            "--at",
            "2025-04-18T10:00:00+01:00",
            "--format",
            "json",
        ]
    )
    [deadline] = json.loads(capsys.readouterr().out)
    assert (code, deadline["due_date"], deadline["calendar"]) == (0, "2025-04-18", "derby-daytime")


def test_allegation_route_through_the_cli(capsys: pytest.CaptureFixture[str]) -> None:
    """README: an allegation against a worker at 23:30Z on 25 October 2025 (00:30 BST on
    the 26th in Derby, a Sunday night) goes to the Council's Emergency Careline by phone by
    the end of 26 October."""
    code = main(
        [
            "safeguarding",
            "route",
            "--council",
            "derby",
            "--concern",
            "allegation-against-worker",
            "--at",
            "2025-10-25T23:30:00+00:00",
            "--format",
            "json",
        ]
    )
    [step] = json.loads(capsys.readouterr().out)
    assert code == 0
    assert (step["recipient"], step["channel"], step["deadline"]["due_date"]) == (
        "emergency-careline",
        "phone",
        "2025-10-26",
    )


def test_significant_changes_go_to_the_social_worker_too() -> None:
    """3.6.2: 'Significant changes in an individual's circumstances shall be reported to the
    Council (and the Social Worker)'; 3.8.1: notice 'to the Leaving Care Team and Children in
    care'. Audit D93 found the social worker missing."""
    [change] = [o for o in SPEC.obligations if o.id == "significant-change"]
    assert change.recipient is not None
    assert "social worker" in change.recipient
    assert "Leaving Care Team" in change.recipient


# --- with the core mechanisms of #17 -----------------------------------------------------------


@pytest.mark.parametrize(
    ("born", "statuses", "lot", "expected"),
    [
        # 23:30Z on Thu 19 June 2025 is 00:30 BST on Fri 20 June in Derby.
        # 16 on 20 June 2025 (born 20 June 2009): in Lot 2's 16-17 band in Derby.
        (D(2009, 6, 20), HOMELESS_CIN, "lot-2", "eligible"),
        # 18 on 20 June 2025 (born 20 June 2007): out of the band (audit V14 found 17).
        (D(2007, 6, 20), HOMELESS_CIN, "lot-2", "not-eligible"),
        # 22 on 20 June 2025: past 'up to 21'.
        (D(2003, 6, 20), CARE_LEAVER, "lot-1", "not-eligible"),
        # 26 on 20 June 2025: past 'up to 25 years if still in education or training'.
        (D(1999, 6, 20), IN_EDUCATION, "lot-1", "not-eligible"),
    ],
)
def test_ages_on_derbys_local_date_at_midnight(
    born: dt.date, statuses: set[Status], lot: str, expected: str
) -> None:
    """Audit V14: a referral sent at 23:30Z on 19 June 2025 arrives at 00:30 BST on
    20 June in Derby, the birthday in each case, so the age is the new one (16, 18, 22,
    26), not the one on the UTC date."""
    at = dt.datetime(2025, 6, 19, 23, 30, tzinfo=UTC)
    assert check_referral(SPEC, _referral(born, statuses, lot, at)).outcome.value == expected


def test_at_risk_of_homelessness_is_eligible_for_lot_2() -> None:
    """Audit V32, 3.2.2: 'young adults aged 16-18 years who are or at risk of homelessness';
    a 17-year-old child in need at risk of homelessness (born 1 September 2007, referred at
    noon on 20 June 2025) is eligible for Lot 2 (reading 'at-risk-of-homelessness'); at 18
    (born 20 June 2007) not; and at risk without child in need or looked after status, not."""
    at = dt.datetime(2025, 6, 20, 11, tzinfo=UTC)
    at_risk = {Status.AT_RISK_OF_HOMELESSNESS, Status.CHILD_IN_NEED}
    outcomes = [
        check_referral(SPEC, _referral(born, statuses, "lot-2", at)).outcome.value
        for born, statuses in (
            (D(2007, 9, 1), at_risk),
            (D(2007, 6, 20), at_risk),
            (D(2007, 9, 1), {Status.AT_RISK_OF_HOMELESSNESS}),
        )
    ]
    assert outcomes == ["eligible", "not-eligible", "not-eligible"]


def test_care_leaver_status_is_computed_from_the_care_history() -> None:
    """Audit D07: with care episodes, the referral check applies 3.1.2 instead of taking
    CARE_LEAVER on trust. Born 10 May 2006 (14 on 10 May 2020; school-leaving date 24 June
    2022). One 61-day episode (1 September-31 October 2022) recorded twice is 61 days, short
    of 13 weeks (91): the computed status is used (not a care leaver, so no Lot 1 cohort:
    not eligible) and the disagreement with the asserted status is named. With 1 September-30 November 2022 (91 days) it is eligible, aged 19 on
    20 June 2025."""
    at = dt.datetime(2025, 6, 20, 11, tzinfo=UTC)
    short = CareEpisode(D(2022, 9, 1), D(2022, 10, 31))
    enough = CareEpisode(D(2022, 9, 1), D(2022, 11, 30))

    def decide(episodes: tuple[CareEpisode, ...]) -> tuple[str, bool]:
        referral = attrs.evolve(
            _referral(D(2006, 5, 10), CARE_LEAVER, "lot-1", at), care_episodes=episodes
        )
        decision = check_referral(SPEC, referral)
        codes = {f.code for f in decision.findings}
        return decision.outcome.value, "eligibility.status.care-leaver.disagrees" in codes

    assert decide((enough,)) == ("eligible", False)
    assert decide((short, short)) == ("not-eligible", True)


def test_reviews_follow_each_placement_not_the_contract() -> None:
    """Audit V34, 3.8.1: 'A formal review will be held within 2 weeks ... then at 3 month
    intervals', for each placement. DPS contract from 1 April 2025 (no review of its own).
    Placement A from Sat 15 Feb 2025: 1 Mar, then 1 Jun, 1 Sep, 1 Dec 2025. Placement B
    from 17 May 2025 to 30 Sep 2025: 31 May, then 31 Aug (30 Nov is after its end).
    Listed 1 April-31 December 2025. Without placements there are no reviews at all."""
    placements = [
        Package("A", "derby", "YP-1", D(2025, 2, 15)),
        Package("B", "derby", "YP-2", D(2025, 5, 17), D(2025, 9, 30)),
    ]
    reviews = [o for o in SPEC.obligations if o.id == "placement-review"]
    found = obligations_between(
        reviews, D(2025, 4, 1), D(2025, 4, 1), D(2025, 12, 31), SPEC.calendars, packages=placements
    )
    assert [(o.due_date, o.package_id) for o in found] == [
        (D(2025, 5, 31), "B"),
        (D(2025, 6, 1), "A"),
        (D(2025, 8, 31), "B"),
        (D(2025, 9, 1), "A"),
        (D(2025, 12, 1), "A"),
    ]
    assert obligations_between(reviews, D(2025, 4, 1), D(2025, 4, 1), D(2025, 12, 31)) == []


def test_allegation_about_an_adult_client_goes_to_the_council() -> None:
    """3.4.6: 'allegations or concerns about vulnerable service users'; a care leaver of 18
    or over is an adult client. An allegation at 10:00 on Saturday 8 February 2025 (GMT,
    10:00Z) is due to the Council the same day, 8 February; on a Saturday through its
    Emergency Careline."""
    [step] = route_concern(
        SPEC, Concern.ALLEGATION_ABOUT_ADULT_CLIENT, dt.datetime(2025, 2, 8, 10, tzinfo=UTC)
    )
    assert (step.recipient, step.deadline.due_date) == ("emergency-careline", D(2025, 2, 8))
