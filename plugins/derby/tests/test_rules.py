"""Derby: hand-worked tests of the declarations in ``rules/`` (calendars, deadlines,
obligations, routes, cohorts, staff requirements, safeguarding, billing). Every expected
value is worked out by hand from the text, with the working in the docstring."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import attrs
import pytest
from childcare_commissioning_derby import SPEC

from childcare_commissioning import ChildOrYoungPerson, Referral, Referrer, Status, Urgency
from childcare_commissioning.billing import (
    BillingCycle,
    BillingTerms,
    LineKind,
    Notice,
    WeeklyAgreement,
    WeeklyCost,
    weekly_invoices,
)
from childcare_commissioning.calendars import working_calendar
from childcare_commissioning.cli import main
from childcare_commissioning.cli.weeklycmd import notice_days
from childcare_commissioning.convert import structure
from childcare_commissioning.deadlines import evaluate, resolve_calendar
from childcare_commissioning.model import Channel, Citation, Package
from childcare_commissioning.obligations import obligations_between
from childcare_commissioning.referrals import Outcome, check_referral
from childcare_commissioning.safeguarding import NO_NUMBER, Concern, route, route_concern
from childcare_commissioning.workforce import (
    Completion,
    Declaration,
    Reference,
    Worker,
    check_worker,
)

from .helpers import (
    CARE_LEAVER,
    EXAMPLES,
    PACK,
    UTC,
    D,
    example_batch,
    lot_referral,
    nets_by_invoice,
    run_payments,
)

LONDON = ZoneInfo("Europe/London")


def _rule(rule_id: str):  # type: ignore[no-untyped-def]
    return next(r for r in SPEC.deadlines if r.id == rule_id)


HOMELESS_CIN = {Status.HOMELESS, Status.CHILD_IN_NEED}


IN_EDUCATION = {Status.CARE_LEAVER, Status.IN_EDUCATION}


def referral(age: int, statuses: set[Status], lot: str) -> Referral:
    child = ChildOrYoungPerson(
        "YP", date_of_birth=D(2025 - age, 1, 1), statuses=frozenset(statuses)
    )
    return Referral(
        "R",
        dt.datetime(2025, 2, 10, 10, 0, tzinfo=LONDON),
        Urgency.STANDARD,
        Referrer("leaving-care-team"),
        child,
        service=lot,
        information=dict(PACK),
    )


OFFICE = resolve_calendar("derby-office-hours", SPEC.calendars)

CARELINE = resolve_calendar("derby-out-of-hours", SPEC.calendars)


def _year_of_instants() -> list[dt.datetime]:
    """Every quarter of an hour of 2025 in UTC (35,040 instants): both clock changes (30
    March, 26 October), every weekday bank holiday (1 Jan, 18 and 21 Apr, 5 and 26 May,
    25 Aug, 25 and 26 Dec) and every office opening and closing edge are among them."""
    start = dt.datetime(2025, 1, 1, tzinfo=UTC)
    return [start + dt.timedelta(minutes=15 * i) for i in range(365 * 24 * 4)]


YEAR = _year_of_instants()


AT = dt.datetime(2025, 2, 10, 10, 0, tzinfo=ZoneInfo("Europe/London"))

CARE_LEAVER_YP = ChildOrYoungPerson(
    "YP", date_of_birth=dt.date(2005, 1, 1), statuses=frozenset({Status.CARE_LEAVER})
)

HOMELESS_CIN_YP = ChildOrYoungPerson(
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
    requested by the young person'; 3.9 complaints are reported to the local authority; 3.15
    the Information Sharing Agreement is signed 'prior to contract start'."""
    triggers = {o.id: o.trigger for o in SPEC.obligations if o.trigger is not None}
    assert triggers["review-on-change"] == "significant-change"
    assert triggers["review-on-request"] == "young-person-request"
    assert triggers["complaints-report"] == "complaint-received"
    assert triggers["information-sharing-agreement"] == "contract-start"


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
    assert check_referral(SPEC, lot_referral(born, statuses, lot, at)).outcome.value == expected


def test_significant_changes_go_to_the_social_worker_too() -> None:
    """3.6.2: 'Significant changes in an individual's circumstances shall be reported to the
    Council (and the Social Worker)'; 3.8.1: notice 'to the Leaving Care Team and Children in
    care'. Audit D93 found the social worker missing."""
    [change] = [o for o in SPEC.obligations if o.id == "significant-change"]
    assert change.recipient is not None
    assert "social worker" in change.recipient
    assert "Leaving Care Team" in change.recipient


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
    assert check_referral(SPEC, lot_referral(born, statuses, lot, at)).outcome.value == expected


def test_at_risk_of_homelessness_is_eligible_for_lot_2() -> None:
    """Audit V32, 3.2.2: 'young adults aged 16-18 years who are or at risk of homelessness';
    a 17-year-old child in need at risk of homelessness (born 1 September 2007, referred at
    noon on 20 June 2025) is eligible for Lot 2 (reading 'at-risk-of-homelessness'); at 18
    (born 20 June 2007) not; and at risk without child in need or looked after status, not."""
    at = dt.datetime(2025, 6, 20, 11, tzinfo=UTC)
    at_risk = {Status.AT_RISK_OF_HOMELESSNESS, Status.CHILD_IN_NEED}
    outcomes = [
        check_referral(SPEC, lot_referral(born, statuses, "lot-2", at)).outcome.value
        for born, statuses in (
            (D(2007, 9, 1), at_risk),
            (D(2007, 6, 20), at_risk),
            (D(2007, 9, 1), {Status.AT_RISK_OF_HOMELESSNESS}),
        )
    ]
    assert outcomes == ["eligible", "not-eligible", "not-eligible"]


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


def test_urgent_out_of_hours_referral() -> None:
    """The example: Housing Options refers a homeless 16-year-old child in need for an
    emergency bed (category 2.1) at 23:10 on Saturday 8 Feb 2025: eligible for Lot 2; the
    provider's offer is due within 1 hour, 00:10 on Sunday 9 Feb."""
    decision = check_referral(SPEC, structure(EXAMPLES["referral"], Referral))
    assert Outcome.ELIGIBLE == decision.outcome
    [offer] = decision.deadlines
    assert dt.datetime(2025, 2, 9, 0, 10, tzinfo=LONDON) == offer.due_at


@pytest.mark.parametrize(
    ("age", "statuses", "lot", "expected"),
    [
        (21, {Status.CARE_LEAVER}, "lot-1", Outcome.ELIGIBLE),
        (22, {Status.CARE_LEAVER}, "lot-1", Outcome.NOT_ELIGIBLE),
        (22, {Status.CARE_LEAVER, Status.IN_EDUCATION}, "lot-1", Outcome.ELIGIBLE),
        (25, {Status.CARE_LEAVER, Status.IN_TRAINING}, "lot-1", Outcome.ELIGIBLE),
        (26, {Status.CARE_LEAVER, Status.IN_TRAINING}, "lot-1", Outcome.NOT_ELIGIBLE),
        (17, {Status.LOOKED_AFTER}, "lot-1", Outcome.ELIGIBLE),
        (17, {Status.HOMELESS, Status.CHILD_IN_NEED}, "lot-2", Outcome.ELIGIBLE),
        (18, {Status.HOMELESS, Status.CHILD_IN_NEED}, "lot-2", Outcome.NOT_ELIGIBLE),
        (19, {Status.CARE_LEAVER}, "lot-2", Outcome.NOT_ELIGIBLE),
    ],
)
def test_cohorts(age: int, statuses: set[Status], lot: str, expected: Outcome) -> None:
    """Care leavers up to 21, or 25 in education or training; looked after children leaving
    care and homeless 16-17 year olds; Lot 2 is for children in need and young homeless."""
    assert expected == check_referral(SPEC, referral(age, statuses, lot)).outcome


def test_notice_periods_as_deadlines() -> None:
    """To end an IPA on 30 Jun 2025: general notice by 31 May, specific by 16 Jun."""
    end = dt.datetime(2025, 6, 30, 12, 0, tzinfo=LONDON)
    assert (D(2025, 5, 31), D(2025, 6, 16)) == (
        evaluate(SPEC.deadline("notice-general"), end).due_date,
        evaluate(SPEC.deadline("notice-specific"), end).due_date,
    )


def test_reviews_within_two_weeks_then_three_monthly() -> None:
    """Placement from 6 Jan 2025: 20 Jan, then 20 Apr, 20 Jul, 20 Oct 2025 (anchored on the
    placement; the contract start given, 1 Apr 2024, plays no part)."""
    found = obligations_between(
        SPEC.obligations,
        D(2024, 4, 1),
        D(2025, 1, 6),
        D(2025, 12, 31),
        SPEC.calendars,
        packages=[Package("P", "derby", "YP", D(2025, 1, 6))],
    )
    assert [D(2025, 1, 20), D(2025, 4, 20), D(2025, 7, 20), D(2025, 10, 20)] == [
        o.due_date for o in found if o.obligation_id == "placement-review"
    ]


def test_recruitment_checks() -> None:
    """A declared conviction blocks assignment until the Council approves; two references
    with one from the last employer; data protection of 20 Dec 2022 lapsed on 21 Dec 2024
    (every two years). The worker has the application form, interview and contract of
    employment 3.6.1 requires."""
    worker = Worker(
        "W",
        completions=(
            Completion("application-form", D(2023, 11, 20)),
            Completion("interview", D(2023, 11, 27)),
            Completion("contract-of-employment", D(2024, 1, 1)),
            Completion("employment-history", D(2024, 1, 1)),
            Completion("dbs-enhanced", D(2024, 1, 5)),
            Completion("data-protection", D(2022, 12, 20)),
            Completion("safeguarding-young-people", D(2024, 1, 8)),
            Completion("appraisal", D(2024, 6, 1)),
        ),
        references=(Reference(D(2023, 12, 1), last_employer=True), Reference(D(2023, 12, 2))),
        declarations=(Declaration("convictions", D(2023, 12, 1), something_declared=True),),
        employed_from=D(2024, 1, 1),
    )
    report = check_worker(SPEC.workforce, worker, D(2025, 1, 6))
    assert {"workforce.declaration.awaiting-approval", "workforce.training.lapsed"} == {
        f.code for f in report.findings
    }
    approved = attrs.evolve(
        worker,
        declarations=(Declaration("convictions", D(2023, 12, 1), True, approved_on=D(2024, 1, 2)),),
        completions=(*worker.completions, Completion("data-protection", D(2025, 1, 6))),
    )
    assert check_worker(SPEC.workforce, approved, D(2025, 1, 6)).compliant


def test_service_hours() -> None:
    """Support 08:00-20:00 every day; emergency accommodation contacts 22:00-09:00."""
    daytime = working_calendar(next(c for c in SPEC.calendars if c.id == "derby-daytime"))
    night = working_calendar(
        next(c for c in SPEC.calendars if c.id == "derby-emergency-accommodation")
    )
    sunday_7am = dt.datetime(2025, 2, 9, 7, 0, tzinfo=LONDON)
    assert (False, True) == (daytime.is_open(sunday_7am), night.is_open(sunday_7am))


def test_concerns_notified_the_same_day() -> None:
    """A concern at 21:00 on Friday 7 Feb 2025 is notified by the end of that day."""
    at = dt.datetime(2025, 2, 7, 21, 0, tzinfo=LONDON)
    assert D(2025, 2, 7) == evaluate(SPEC.deadline("concern-same-day"), at).due_date


def test_the_careline_is_open_exactly_when_the_office_is_closed() -> None:
    """The two calendars are complements at every instant of the year: no instant with
    neither open (the audit found 12:00 on Christmas Day and on Good Friday 2025), none
    with both."""
    both_or_neither = [at for at in YEAR if OFFICE.is_open(at) == CARELINE.is_open(at)]
    assert both_or_neither == []


@pytest.mark.parametrize(
    ("local", "office"),
    [
        # Worked by hand from 09:00-17:00 on England and Wales working days:
        ((2025, 2, 10, 11, 0), True),  # Monday 11:00
        ((2025, 2, 10, 8, 59), False),  # Monday before opening
        ((2025, 2, 14, 16, 59), True),  # Friday, a minute before closing
        ((2025, 2, 14, 17, 0), False),  # Friday closing time
        ((2025, 2, 8, 23, 0), False),  # Saturday night (the audit's case)
        ((2025, 2, 9, 12, 0), False),  # Sunday noon
        ((2025, 12, 25, 12, 0), False),  # Christmas Day (Thursday)
        ((2025, 4, 18, 12, 0), False),  # Good Friday
        ((2025, 4, 21, 9, 0), False),  # Easter Monday opening time
        ((2025, 4, 22, 9, 0), True),  # the Tuesday after
        ((2025, 12, 26, 16, 0), False),  # Boxing Day (Friday)
        ((2025, 3, 31, 9, 0), True),  # first Monday of summer time, 08:00Z
        ((2025, 10, 27, 8, 30), False),  # first Monday of winter time
    ],
)
def test_each_instant_names_the_team_in_office_hours_and_the_careline_otherwise(
    local: tuple[int, int, int, int, int], office: bool
) -> None:
    at = dt.datetime(*local, tzinfo=LONDON)
    for concern in (c.concern for c in SPEC.routing):
        routing = route(SPEC, concern, at)
        assert routing.specified
        (step,) = routing.steps
        assert step.recipient == ("derby-city-council" if office else "emergency-careline")
        assert step.reach == NO_NUMBER
        # Same day: the local date of the concern.
        assert step.deadline.due_date == at.date()


def test_every_quarter_hour_of_the_year_reaches_an_open_contact() -> None:
    """For every routed concern at every quarter hour of 2025: exactly one step, to a
    contact whose own hours are open at that instant, reached by the number the text gives
    or by an explicit 'the text gives no number'; due the same local day."""
    concerns = sorted({rule.concern for rule in SPEC.routing})
    assert set(concerns) == {
        Concern.CHILD,
        Concern.ADULT_AT_RISK,
        Concern.ALLEGATION_AGAINST_WORKER,
        Concern.ALLEGATION_ABOUT_ADULT_CLIENT,
    }
    unreachable = []
    for at in YEAR[::3]:  # every 45 minutes: 11,680 instants x 4 concerns
        for concern in concerns:
            (step,) = route(SPEC, concern, at).steps
            contact = step.contact
            assert contact is not None
            hours = resolve_calendar(contact.hours, SPEC.calendars) if contact.hours else None
            if hours is not None and not hours.is_open(at):
                unreachable.append((at, concern))
            assert step.reach == (contact.phone or contact.email or NO_NUMBER)
            assert step.deadline.due_date == at.astimezone(LONDON).date()
    assert unreachable == []


@pytest.mark.parametrize("output", ["csv", "text", "table"])
def test_the_documents_carry_the_lines(
    output: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "batch.json"
    path.write_text(json.dumps(example_batch()), encoding="utf-8")
    assert main(["payments", str(path), "--council", "derby", "--format", output]) == 0
    out = capsys.readouterr().out
    if output == "table":
        assert "£1,163.75" in out
    elif output == "csv":
        assert "derby-DCC-IPA-0420-20250210" in out
        assert ",-71.25," in out
    else:
        assert "Block discount 7.5%" in out
        assert "Housing Benefit" in out


def test_housing_benefit_is_not_a_lot_1_contribution(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The text names Housing Benefit for children in need and young homeless 16-17 year
    olds (Lot 2): on the Lot 1 agreement it is a finding and that agreement is not
    invoiced (never silently dropped, nor silently deducted)."""
    batch = example_batch()
    batch["agreements"][0]["contributions"] = [
        {"kind": "housing-benefit", "weekly": "70.00", "effective_from": "2025-01-06"}
    ]
    code, document = run_payments(capsys, tmp_path, batch)
    assert code == 1
    assert [f["code"] for f in document["findings"]] == ["billing.weekly.contribution-service"]
    assert {i["package_id"] for i in document["invoices"]} == {"DCC-IPA-0420"}


def test_a_block_of_five_without_a_percentage_says_what_is_missing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    batch = example_batch()
    batch["blocks"] = [{"id": "DCC-BLOCK-2025-01", "beds": 5}]
    code, document = run_payments(capsys, tmp_path, batch)
    assert code == 1
    (finding,) = document["findings"]
    assert finding["code"] == "billing.weekly.block-percent"
    assert "not recorded" in finding["message"]
    assert {i["package_id"] for i in document["invoices"]} == {"DCC-IPA-0311"}


def test_a_block_of_four_gets_no_discount(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Four beds is below 'five beds or more': the recorded 7.5% is not applied (a
    warning says so) and February is 950.00 + 475.00 - 190.00 = 1235.00."""
    batch = example_batch()
    batch["blocks"][0]["beds"] = 4
    code, document = run_payments(capsys, tmp_path, batch)
    assert code == 1
    assert [f["code"] for f in document["findings"]] == ["billing.weekly.block-size"]
    assert nets_by_invoice(document)["derby-DCC-IPA-0420-20250210"][2] == "1235.00"


def test_notice_names_the_texts_rule_or_an_agreed_period_never_both(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    batch = example_batch()
    batch["agreements"][0]["notice"] = {
        "given_on": "2025-03-20",
        "rule": "notice-general",
        "days": 9,
    }
    path = tmp_path / "batch.json"
    path.write_text(json.dumps(batch), encoding="utf-8")
    assert main(["payments", str(path), "--council", "derby"]) == 2
    assert "notice-basis" in capsys.readouterr().err
    assert notice_days(SPEC) == {"notice-general": 30, "notice-specific": 14}


def test_per_day_proration_rounds_each_line_to_the_penny() -> None:
    """£555 a week for 10 days (1-10 Jan 2025, ended by 11 Jan): 555x10/7 = 792.857...,
    792.86 (half up)."""
    package = Package("P", "derby", "YP", D(2025, 1, 1), D(2025, 1, 10), service="lot-1")
    run = weekly_invoices(
        "derby",
        BillingTerms(BillingCycle.MONTHLY, Citation("derby", "3.2.5 Lot Detail", "payments")),
        [package],
        [WeeklyAgreement("P", [WeeklyCost(D(2025, 1, 1), Decimal(555))])],
        D(2025, 1, 11),
    )
    (invoice,) = run.invoices
    (line,) = invoice.lines
    assert (line.kind, line.quantity, line.amount) == (
        LineKind.COMMISSIONED,
        Decimal(10),
        Decimal("792.86"),
    )
    assert invoice.net == Decimal("792.86")
    assert Notice(D(2025, 1, 5), days=3).days == 3


def test_weekly_invoices_are_ubl_invoices() -> None:
    """Each of the example's invoices is written as a PEPPOL UBL invoice: days (DAY) and the
    discount in percent (P1) have unit codes, and the payable amount is the invoice's."""
    pytest.importorskip("lxml")
    from childcare_commissioning.billing import Block
    from childcare_commissioning.formats.ubl import Party, UblSettings, invoice_to_ubl

    batch = example_batch()
    assert SPEC.billing is not None
    run = weekly_invoices(
        "derby",
        SPEC.billing,
        structure(batch["packages"], list[Package]),
        structure(batch["agreements"], list[WeeklyAgreement]),
        D(2025, 5, 1),
        blocks=structure(batch["blocks"], list[Block]),
        notice_days=notice_days(SPEC),
    )
    assert len(run.invoices) == 7
    settings = UblSettings(
        Party(
            "7300010000001",
            "0088",
            "Example Housing Ltd",
            city="Derby",
            postcode="DE1 1AA",
            vat_id="GB928741974",
        ),
        Party("7300010000001", "0088", "Derby City Council", city="Derby", postcode="DE1 2FS"),
        payment_terms="30 days",
    )
    for invoice in run.invoices:
        xml = invoice_to_ubl(invoice, settings).decode("utf-8")
        assert f">{invoice.payable}</cbc:PayableAmount>" in xml
        assert 'unitCode="DAY"' in xml


@pytest.mark.parametrize("urgency", [Urgency.STANDARD, Urgency.URGENT])
def test_a_lot_1_pack_needs_the_pathway_plan_and_the_budget(urgency: Urgency) -> None:
    assert _missing(CARE_LEAVER_YP, "lot-1", urgency, {}) == (
        Outcome.INCOMPLETE,
        ["$.information.indicative_budget", "$.information.pathway_plan"],
    )
    assert _missing(CARE_LEAVER_YP, "lot-1", urgency, {"pathway_plan": "redacted"}) == (
        Outcome.INCOMPLETE,
        ["$.information.indicative_budget"],
    )
    complete = {"pathway_plan": "redacted", "indicative_budget": "600.00 a week"}
    assert _missing(CARE_LEAVER_YP, "lot-1", urgency, complete) == (Outcome.ELIGIBLE, [])


def test_a_lot_2_pack_needs_the_budget_only() -> None:
    """A homeless child in need (Lot 2) has no Pathway plan to send."""
    assert _missing(HOMELESS_CIN_YP, "lot-2", Urgency.STANDARD, {}) == (
        Outcome.INCOMPLETE,
        ["$.information.indicative_budget"],
    )
    assert _missing(
        HOMELESS_CIN_YP, "lot-2", Urgency.STANDARD, {"indicative_budget": "500.00 a week"}
    ) == (Outcome.ELIGIBLE, [])


def test_the_emergency_minimum() -> None:
    """In an emergency: the minimum assessment always, the Pathway plan for a care leaver;
    no budget is required (the placement is made the same day)."""
    assert _missing(HOMELESS_CIN_YP, "lot-2", Urgency.EMERGENCY, {}) == (
        Outcome.INCOMPLETE,
        ["$.information.minimum_assessment"],
    )
    assert _missing(CARE_LEAVER_YP, "lot-1", Urgency.EMERGENCY, {}) == (
        Outcome.INCOMPLETE,
        ["$.information.minimum_assessment", "$.information.pathway_plan"],
    )
    assert _missing(
        CARE_LEAVER_YP,
        "lot-1",
        Urgency.EMERGENCY,
        {"minimum_assessment": "summary", "pathway_plan": "redacted"},
    ) == (Outcome.ELIGIBLE, [])
