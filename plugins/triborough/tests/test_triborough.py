"""Triborough's rules, worked by hand from shared/specs/triborough.txt."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

import attrs
import pytest
from childcare_commissioning_triborough import SPEC, age_group, contract_year, volume_progress

from childcare_commissioning import ChildOrYoungPerson, Referral, Referrer, Status, Urgency
from childcare_commissioning.deadlines import evaluate
from childcare_commissioning.model import Channel
from childcare_commissioning.obligations import obligations_between
from childcare_commissioning.referrals import Outcome, check_referral
from childcare_commissioning.registry import load_registry
from childcare_commissioning.safeguarding import Concern, contact_findings, route_concern

D = dt.date
LONDON = ZoneInfo("Europe/London")
AT = dt.datetime(2025, 1, 6, 14, 0, tzinfo=LONDON)


@pytest.mark.parametrize(
    ("concern", "area", "phone"),
    [
        (Concern.CHILD, "kensington-and-chelsea", "020 7361 3013"),
        (Concern.CHILD, "westminster", "020 7641 4000"),
        (Concern.CHILD, "hammersmith-and-fulham", "020 8753 5392"),
        (Concern.ADULT_AT_RISK, "westminster", "020 7641 2176"),
        (Concern.ALLEGATION_AGAINST_WORKER, "hammersmith-and-fulham", "020 8753 3636"),
        (Concern.ALLEGATION_AGAINST_WORKER, "kensington-and-chelsea", "020 7361 3317"),
    ],
)
def test_concerns_go_to_the_borough_as_published(concern: Concern, area: str, phone: str) -> None:
    """6.6 and 6.7: each borough's number for each kind of concern, due immediately."""
    [step] = route_concern(SPEC, concern, AT, area)
    assert (phone, AT) == (step.contact.phone, step.deadline.due_at)  # type: ignore[union-attr]


def test_adult_concern_carries_the_published_email() -> None:
    """LBHF adults: 0845 313 3935 or h&fadvice.care@lbhf.gov.uk, exactly as printed."""
    [step] = route_concern(SPEC, Concern.ADULT_AT_RISK, AT, "hammersmith-and-fulham")
    assert ("0845 313 3935", "h&fadvice.care@lbhf.gov.uk") == (
        step.contact.phone,
        step.contact.email,
    )  # type: ignore[union-attr]


def test_gross_misconduct_phone_then_writing_within_five_working_days() -> None:
    """7.5: allegation on Friday 20 Dec 2024 at 15:00: telephone immediately; written report
    by Mon 23 (1), Tue 24 (2), Fri 27 (3), Mon 30 (4), Tue 31 Dec 2024 (5)."""
    at = dt.datetime(2024, 12, 20, 15, 0, tzinfo=LONDON)
    phone, letter = route_concern(SPEC, Concern.GROSS_MISCONDUCT, at)
    assert (Channel.PHONE, at) == (phone.channel, phone.deadline.due_at)
    assert D(2024, 12, 31) == letter.deadline.due_date


def test_dismissal_for_harm_goes_to_the_dbs_and_the_council() -> None:
    """6.8 and 6.9: refer to the DBS; tell the Council. Without an area, 'the Council' is
    every borough concerned (reading 'the-council')."""
    steps = route_concern(SPEC, Concern.DISMISSAL_FOR_HARM, AT)
    assert ["the Disclosure and Barring Service", "the Council of each borough concerned"] == [
        s.recipient for s in steps
    ]


def test_contacts_are_valid_as_published() -> None:
    """Every number and address parses; none is reported as malformed."""
    assert [] == contact_findings(SPEC.contacts)
    assert 9 == len(SPEC.contacts)


def test_quarters_run_from_the_commencement_date() -> None:
    """Commencement 15 May 2025: Quarter meetings counted to Fri 15 Aug, Sat 15 Nov 2025
    and Sun 15 Feb 2026; a meeting falls on a working day (reading meeting-working-day), so
    Mon 17 Nov and Mon 16 Feb. Reports are due the working day before the meeting: Thu 14
    Aug, Fri 14 Nov, Fri 13 Feb."""
    found = obligations_between(
        SPEC.obligations, D(2025, 5, 15), D(2025, 5, 15), D(2026, 2, 28), SPEC.calendars
    )
    meetings = [o.due_date for o in found if o.obligation_id == "quarterly-meeting"]
    reports = [o.due_date for o in found if o.obligation_id == "quarterly-report"]
    assert [D(2025, 8, 15), D(2025, 11, 17), D(2026, 2, 16)] == meetings
    assert [D(2025, 8, 14), D(2025, 11, 14), D(2026, 2, 13)] == reports


def test_carers_week_and_carers_rights_day() -> None:
    """Appendix 1: events in June and December each year."""
    found = obligations_between(
        SPEC.obligations, D(2025, 4, 1), D(2025, 4, 1), D(2026, 3, 31), SPEC.calendars
    )
    assert [D(2025, 6, 1), D(2025, 12, 1)] == [
        o.due_date for o in found if o.obligation_id == "carers-events"
    ]


def test_volume_progress_in_the_first_quarter() -> None:
    """Commencement 1 Apr 2025; on 30 Jun 2025, 91 of the year's 365 days have passed, so
    each year-1 target of 30 expects 30 x 91 / 365 = 7.48 -> 7.5 families by now.
    Westminster (9) and Hammersmith and Fulham (8) are on track; Kensington and Chelsea (6)
    is behind."""
    example = load_registry(only=["triborough"]).examples("triborough")["families"]
    progress = {
        p.borough: p
        for p in volume_progress(
            example["families"],
            D.fromisoformat(example["commencement"]),
            D.fromisoformat(example["on"]),
        )
    }
    assert {b: (p.target, p.expected_by_now, p.on_track) for b, p in progress.items()} == {
        "westminster": (30, Decimal("7.5"), True),
        "kensington-and-chelsea": (30, Decimal("7.5"), False),
        "hammersmith-and-fulham": (30, Decimal("7.5"), True),
    }


def test_year_two_targets() -> None:
    """From 1 Apr 2026 it is contract year 2: targets 35, 35 and 30."""
    assert 2 == contract_year(D(2025, 4, 1), D(2026, 4, 1))
    assert 1 == contract_year(D(2025, 4, 1), D(2026, 3, 31))
    targets = {p.borough: p.target for p in volume_progress({}, D(2025, 4, 1), D(2026, 4, 1))}
    assert {
        "westminster": 35,
        "kensington-and-chelsea": 35,
        "hammersmith-and-fulham": 30,
    } == targets
    with pytest.raises(ValueError, match="unknown boroughs: camden"):
        volume_progress({"camden": 1}, D(2025, 4, 1), D(2025, 6, 1))


@pytest.mark.parametrize(
    ("age", "group"), [(12, "children"), (13, "young people"), (19, "young people"), (20, None)]
)
def test_age_groups_of_the_definitions(age: int, group: str | None) -> None:
    """ "Children": 12 years and under; "Young People": 13-19 years."""
    assert group == age_group(age)


def referral(age: int = 15, **changes: object) -> Referral:
    base = Referral(
        id="R",
        received_at=AT,
        urgency=Urgency.STANDARD,
        referrer=Referrer("young-carers-support-service"),
        child=ChildOrYoungPerson(
            "YC",
            date_of_birth=D(2025 - age, 1, 1),
            statuses=frozenset({Status.YOUNG_CARER}),
            area="westminster",
        ),
        information={"carers_assessment": "eCAF completed"},
    )
    return attrs.evolve(base, **changes)  # type: ignore[misc, arg-type]


@pytest.mark.parametrize(("age", "expected"), [(17, Outcome.ELIGIBLE), (18, Outcome.NOT_ELIGIBLE)])
def test_young_carers_are_under_18(age: int, expected: Outcome) -> None:
    """ "Children and Young People under 18"."""
    assert expected == check_referral(SPEC, referral(age)).outcome


def test_referrals_need_the_carers_assessment() -> None:
    """3.6 (second): needs are identified through a comprehensive carer's assessment, so a
    referral without one is incomplete."""
    assert Outcome.INCOMPLETE == check_referral(SPEC, referral(information={})).outcome


def test_dbs_recheck_at_least_every_three_years() -> None:
    """7.2: checked 10 Jan 2022, re-check due by 10 Jan 2025."""
    at = dt.datetime(2022, 1, 10, 9, 0, tzinfo=LONDON)
    assert D(2025, 1, 10) == evaluate(SPEC.deadline("dbs-recheck"), at).due_date
