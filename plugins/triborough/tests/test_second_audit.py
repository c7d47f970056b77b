"""The second Triborough audit's defects (shared/audits/2026-12/triborough.md), issue #38.

Every expected value is worked by hand from shared/specs/triborough.txt; the docstrings
say how. Mon 2 Jun 2025 is a working day (British Summer Time).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from zoneinfo import ZoneInfo

import attrs
import pytest
from childcare_commissioning_triborough import SPEC

from childcare_commissioning import ChildOrYoungPerson, Referral, Referrer, Status, Urgency
from childcare_commissioning.cli import main
from childcare_commissioning.referrals import Outcome, check_referral
from childcare_commissioning.register import EntryStatus, covering
from childcare_commissioning.safeguarding import Concern, route, route_concern
from childcare_commissioning.workforce import Worker, check_worker

D = dt.date
LONDON = ZoneInfo("Europe/London")
MON = dt.datetime(2025, 6, 2, 14, tzinfo=LONDON)


# Defect 1: 6.10, 6.11, 7.2 scope the DBS check and the training.


def test_an_administrator_with_no_contact_with_families_is_compliant() -> None:
    """6.10 'all those working with vulnerable groups', 6.11 'all Staff working with
    vulnerable children and adults at risk', 7.2 'all necessary Staff' (reading
    'vulnerable-groups'): an administrator recorded with no direct work needs no DBS check
    and no safeguarding training, so with nothing on record they are compliant."""
    admin = Worker("ADM-9", roles=frozenset({"administrator"}), direct_work=False)
    report = check_worker(SPEC.workforce, admin, D(2025, 6, 2))
    assert report.compliant
    assert () == report.findings


def test_a_home_visitor_with_nothing_on_record_misses_all_three() -> None:
    """A key worker visiting families (direct work) with nothing on record misses the
    enhanced DBS check (7.2) and both trainings (6.11): three findings."""
    visitor = Worker("KW-1", roles=frozenset({"key-worker"}))
    report = check_worker(SPEC.workforce, visitor, D(2025, 6, 2))
    assert not report.compliant
    assert [
        ("workforce.check.missing", "7.2"),
        ("workforce.training.missing", "6.11"),
        ("workforce.training.missing", "6.11"),
    ] == [(f.code, f.citation.clause if f.citation else None) for f in report.findings]


def test_the_audit_roster_now_exits_zero(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The audit's reproduction: staff-check of the administrator exits 0."""
    roster = tmp_path / "roster.json"
    roster.write_text(
        json.dumps([{"id": "ADM-9", "roles": ["administrator"], "direct_work": False}]),
        encoding="utf-8",
    )
    code = main(["staff-check", str(roster), "--council", "triborough", "--on", "2025-06-02"])
    assert 0 == code, capsys.readouterr().out


# Defect 5: who may refer (3.3, 3.5, 3.8, 3.11), reading 'who-may-refer'.


def referral(role: str, **changes: object) -> Referral:
    """A 15-year-old young carer (born 1 Jan 2010) in Westminster, with a carer's assessment
    (3.6), received at 14:00 on Mon 2 Jun 2025."""
    base = Referral(
        id="R",
        received_at=MON,
        urgency=Urgency.STANDARD,
        referrer=Referrer(role),
        child=ChildOrYoungPerson(
            "YC",
            date_of_birth=D(2010, 1, 1),
            statuses=frozenset({Status.YOUNG_CARER}),
            area="westminster",
        ),
        information={"carers_assessment": "eCAF completed"},
    )
    return attrs.evolve(base, **changes)  # type: ignore[misc, arg-type]


@pytest.mark.parametrize(
    "role", ["young-carers-support-service", "camhs", "adult-social-care", "college"]
)
def test_the_service_and_the_named_partners_refer(role: str) -> None:
    """3.3: the young carers support service; 3.8 names adult social care services, 3.11
    CAMHS and colleges: eligible."""
    decision = check_referral(SPEC, referral(role))
    assert Outcome.ELIGIBLE == decision.outcome, decision.findings


@pytest.mark.parametrize("role", ["self", "parent", "housing-officer"])
def test_a_referrer_the_text_does_not_name_needs_the_services_agreement(role: str) -> None:
    """No clause names a self-referral, a parent's or a housing officer's, and none forbids
    one: the partner lists are open ('including without limitation'), so the referral is
    not refused but needs the agreement of the young carers support service, which
    identifies the needs (3.5)."""
    decision = check_referral(SPEC, referral(role))
    assert Outcome.NEEDS_APPROVAL == decision.outcome
    [finding] = [f for f in decision.findings if f.code == "referral.referrer.unlisted"]
    assert "young carers support service" in finding.message
    assert ("3.8", "$.referrer.role") == (
        finding.citation.clause if finding.citation else None,
        finding.path,
    )


def test_naming_the_partner_route_does_not_skip_the_agreement() -> None:
    """A parent's referral that names route partner-referral itself: still needs approval;
    a school's that names it: eligible."""
    parent = check_referral(SPEC, referral("parent", route="partner-referral"))
    assert Outcome.NEEDS_APPROVAL == parent.outcome
    school = check_referral(SPEC, referral("school", route="partner-referral"))
    assert Outcome.ELIGIBLE == school.outcome, school.findings


def test_an_unnamed_referrer_still_needs_the_carers_assessment() -> None:
    """3.6: a parent's referral without the carer's assessment is incomplete (incomplete
    outranks needs approval)."""
    assert Outcome.INCOMPLETE == check_referral(SPEC, referral("parent", information={})).outcome


# Defect 7: a child concern without a borough.


def test_a_child_concern_without_a_borough_asks_for_it_and_offers_the_child_lines() -> None:
    """6.6 routes child concerns per borough: Westminster 020 7641 4000, Hammersmith and
    Fulham 020 8753 5392, Kensington and Chelsea 020 7361 3013. Without a borough the answer
    asks for it and offers those three lines only: not the adults' or the LADO's."""
    routing = route(SPEC, Concern.CHILD, MON)
    assert not routing.specified
    assert routing.message.startswith("area needed")
    assert {"westminster", "kensington-and-chelsea", "hammersmith-and-fulham"} == set(
        routing.areas_needed
    )
    assert {"020 7641 4000", "020 8753 5392", "020 7361 3013"} == {c.phone for c in routing.nearest}
    assert {"childrens-services"} == {c.role for c in routing.nearest}


def test_the_audit_command_asks_for_the_borough(capsys: pytest.CaptureFixture[str]) -> None:
    """The audit's reproduction: exit 1 (an answer, not an error), no LADO line."""
    code = main(
        [
            "safeguarding",
            "route",
            "--council",
            "triborough",
            "--concern",
            "child",
            "--at",
            "2025-06-02T14:00:00+01:00",
        ]
    )
    out = capsys.readouterr().out
    assert 1 == code
    assert "area needed" in out
    assert "lado" not in out.casefold()
    assert "020 7641 6108" not in out


# Defect 8: the Council is notified under 6.9.


def test_the_council_notification_cites_6_9() -> None:
    """6.8 refers to the DBS; 6.9 'The Provider shall notify the Council of any referrals
    made to the Independent Safeguarding Authority': the second step cites 6.9."""
    dbs, council = route_concern(SPEC, Concern.DISMISSAL_FOR_HARM, MON, "westminster")
    assert ("6.8", "6.9") == (dbs.deadline.citation.clause, council.deadline.citation.clause)
    assert "Westminster City Council (the Council)" == council.recipient


# Defect 9: section 2's instruction is a duty.


def test_the_health_inequalities_instruction_is_a_duty() -> None:
    """Section 2: 'Work with the families of Young Carers to reduce the health inequalities
    that they face ...' is an instruction (duty health-support), not context."""
    assert SPEC.register is not None
    found = {
        (entry.status, rule)
        for entry, sentences in covering(SPEC.register)
        if any("reduce the health inequalities" in s.text.casefold() for s in sentences)
        for rule in entry.rules
    }
    assert {(EntryStatus.DUTY, "duties/health-support")} == found
