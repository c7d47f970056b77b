"""Triborough: hand-worked tests of the declarations in ``rules/`` (calendars, deadlines,
obligations, routes, cohorts, staff requirements, safeguarding, billing). Every expected
value is worked out by hand from the text, with the working in the docstring."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from zoneinfo import ZoneInfo

import attrs
import pytest
from childcare_commissioning_triborough import (
    OUTCOMES,
    REGISTER,
    SPEC,
)

from childcare_commissioning import (
    ChildOrYoungPerson,
    Referral,
    Referrer,
    Status,
    Urgency,
    get_registry,
)
from childcare_commissioning.cli import main
from childcare_commissioning.deadlines import evaluate
from childcare_commissioning.handbook import council_page
from childcare_commissioning.model import Channel
from childcare_commissioning.obligations import obligations_between
from childcare_commissioning.referrals import Outcome, check_referral
from childcare_commissioning.register import covering, normalise_text
from childcare_commissioning.safeguarding import Concern, contact_findings, route, route_concern
from childcare_commissioning.workforce import Completion, Worker, check_worker

from .helpers import TEXT, D

LONDON = ZoneInfo("Europe/London")

UTC = dt.UTC

AT = dt.datetime(2025, 1, 6, 14, 0, tzinfo=LONDON)


def referral_by(referrer: str, **changes: object) -> Referral:
    base = Referral(
        id="R",
        received_at=AT,
        urgency=Urgency.STANDARD,
        referrer=Referrer(referrer),
        child=ChildOrYoungPerson(
            "YC",
            date_of_birth=D(2010, 1, 1),
            statuses=frozenset({Status.YOUNG_CARER}),
            area="westminster",
        ),
        information={"carers_assessment": "eCAF completed"},
    )
    return attrs.evolve(base, **changes)  # type: ignore[misc, arg-type]


def _worker(*completions: tuple[str, D]) -> Worker:
    return Worker("W1", completions=tuple(Completion(s, on) for s, on in completions))


MON = dt.datetime(2025, 6, 2, 14, tzinfo=LONDON)


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


@pytest.mark.parametrize(
    "referrer",
    [
        "young-carers-support-service",
        "school",
        "social-worker",
        "early-help",
        "gp",
        "adult-social-care",
        "camhs",
        "college",
    ],
)
def test_any_referrer_with_a_carers_assessment_is_accepted(referrer: str) -> None:
    """3.3 names the young carers support service as one source; 3.8 expects referral systems
    with Early Help, social work teams, schools, adult services and health 'including
    without limitation' (an open list). A 15-year-old young carer with a carer's assessment
    (3.6) is eligible from the service and from each partner 3.8 and 3.11 name (adult
    social care; CAMHS and colleges in 3.11) (reading 'who-may-refer'; a referrer they do
    not name needs approval, below)."""
    decision = check_referral(SPEC, referral_by(referrer))
    assert Outcome.ELIGIBLE == decision.outcome, decision.findings


def test_the_open_route_still_needs_the_carers_assessment() -> None:
    """3.6 (second): a school's referral without the carer's assessment is incomplete, not
    refused."""
    decision = check_referral(SPEC, referral_by("school", information={}))
    assert Outcome.INCOMPLETE == decision.outcome


@pytest.mark.parametrize("role", ["self", "parent", "housing-officer"])
def test_a_referrer_the_text_does_not_name_needs_the_services_agreement(role: str) -> None:
    """No clause names a self-referral, a parent's or a housing officer's, and none forbids
    one: the partner lists are open ('including without limitation'), so the referral is
    not refused but needs the agreement of the young carers support service, which
    identifies the needs (3.5)."""
    decision = check_referral(SPEC, referral_by(role))
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
    parent = check_referral(SPEC, referral_by("parent", route="partner-referral"))
    assert Outcome.NEEDS_APPROVAL == parent.outcome
    school = check_referral(SPEC, referral_by("school", route="partner-referral"))
    assert Outcome.ELIGIBLE == school.outcome, school.findings


def test_the_handbook_shows_the_open_list_and_who_agrees() -> None:
    """The handbook's routes table says who else may refer, and with whose agreement."""
    page = council_page(get_registry().council("triborough"))
    assert (
        "others with the agreement of the young carers support service, which identifies "
        "the needs (3.5)"
    ) in page


def test_an_unnamed_referrer_still_needs_the_carers_assessment() -> None:
    """3.6: a parent's referral without the carer's assessment is incomplete (incomplete
    outranks needs approval)."""
    assert Outcome.INCOMPLETE == check_referral(SPEC, referral_by("parent", information={})).outcome


def test_child_and_adult_concerns_are_timed_by_6_7_prompt_action() -> None:
    """6.6 gives no time; 6.7 says 'prompt, timely and appropriate action' (read as without
    delay). The child concern's deadline cites that sentence, not the LADO's 'referred
    immediately'; both fall due at the moment the concern arises (Mon 6 Jan 2025 14:00)."""
    [child] = route_concern(SPEC, Concern.CHILD, AT, "westminster")
    [adult] = route_concern(SPEC, Concern.ADULT_AT_RISK, AT, "westminster")
    [lado] = route_concern(SPEC, Concern.ALLEGATION_AGAINST_WORKER, AT, "westminster")
    assert ("prompt-referral", "prompt-referral", "immediately") == (
        child.deadline.rule_id,
        adult.deadline.rule_id,
        lado.deadline.rule_id,
    )
    assert "prompt, timely" in child.deadline.citation.quote
    assert "referred immediately" in lado.deadline.citation.quote
    assert AT == child.deadline.due_at == lado.deadline.due_at


@pytest.mark.parametrize(
    ("area", "council"),
    [
        ("westminster", "Westminster City Council"),
        ("kensington-and-chelsea", "Royal Borough of Kensington and Chelsea"),
        ("hammersmith-and-fulham", "London Borough of Hammersmith and Fulham"),
    ],
)
def test_the_council_is_the_boroughs_council(area: str, council: str) -> None:
    """7.5 'inform the Council and CCG': read as the council of the borough concerned and the
    commissioning CCGs (reading 'the-council'); 6.9 likewise for the DBS referral."""
    phone, letter = route_concern(SPEC, Concern.GROSS_MISCONDUCT, AT, area)
    assert f"{council} (the Council) and the commissioning CCGs" == phone.recipient
    assert (Channel.PHONE, Channel.LETTER) == (phone.channel, letter.channel)
    dbs, notice = route_concern(SPEC, Concern.DISMISSAL_FOR_HARM, AT, area)
    assert ("the Disclosure and Barring Service", f"{council} (the Council)") == (
        dbs.recipient,
        notice.recipient,
    )
    assert AT == dbs.deadline.due_at == notice.deadline.due_at


@pytest.mark.parametrize(
    ("at", "due"),
    [
        # Thu 17 Apr 2025 16:00: Fri 18 (Good Friday) and Mon 21 (Easter Monday) are bank
        # holidays: Tue 22 (1), Wed 23 (2), Thu 24 (3), Fri 25 (4), Mon 28 Apr (5).
        (dt.datetime(2025, 4, 17, 16, 0, tzinfo=LONDON), D(2025, 4, 28)),
        # Fri 19 Dec 2025 15:00: Mon 22 (1), Tue 23 (2), Wed 24 (3), Thu 25 and Fri 26 are
        # bank holidays, Mon 29 (4), Tue 30 Dec (5).
        (dt.datetime(2025, 12, 19, 15, 0, tzinfo=LONDON), D(2025, 12, 30)),
        # Sat 29 Mar 2025 23:30 GMT, the night the clocks go forward: Mon 31 Mar (1),
        # Tue 1 (2), Wed 2 (3), Thu 3 (4), Fri 4 Apr (5).
        (dt.datetime(2025, 3, 29, 23, 30, tzinfo=LONDON), D(2025, 4, 4)),
        # Sun 26 Oct 2025 01:30 GMT, the second (repeated) 01:30 as the clocks go back:
        # Mon 27 (1), Tue 28 (2), Wed 29 (3), Thu 30 (4), Fri 31 Oct (5).
        (dt.datetime(2025, 10, 26, 1, 30, fold=1, tzinfo=LONDON), D(2025, 10, 31)),
        # 23:30 UTC on Thu 1 May 2025 is 00:30 BST on Fri 2 May in London: the London date
        # counts. Mon 5 May is a bank holiday: Tue 6 (1), Wed 7 (2), Thu 8 (3), Fri 9 (4),
        # Mon 12 May (5). (Counting from the UTC date, Thu 1 May, would give Fri 9 May.)
        (dt.datetime(2025, 5, 1, 23, 30, tzinfo=UTC), D(2025, 5, 12)),
    ],
)
def test_gross_misconduct_written_report_in_five_working_days(at: dt.datetime, due: D) -> None:
    """7.5 'immediately initially by telephone, followed by a written report within 5
    working days': the telephone is due at the allegation itself, the report on the fifth
    working day after the (London) day of the allegation."""
    phone, letter = route_concern(SPEC, Concern.GROSS_MISCONDUCT, at, "westminster")
    assert phone.deadline.due_at is not None
    assert at.astimezone(UTC) == phone.deadline.due_at.astimezone(UTC)
    assert due == letter.deadline.due_date


def test_a_quarterly_meeting_on_a_bank_holiday_is_listed_as_the_text_fixes_it() -> None:
    """Commencement Wed 26 Feb 2025: meetings every 3 months (4.3) fall on 26 May 2025 (the
    Spring bank holiday), 26 Aug 2025 (Tue; Mon 25 Aug is the Summer bank holiday) and
    26 Nov 2025. The text fixes no weekday, so the meeting is listed on the quarter day; the
    report is due the working day before: Fri 23 May, Fri 22 Aug (Mon 25 is a holiday),
    Tue 25 Nov."""
    found = obligations_between(
        SPEC.obligations, D(2025, 2, 26), D(2025, 2, 26), D(2025, 11, 30), SPEC.calendars
    )
    meetings = [o.due_date for o in found if o.obligation_id == "quarterly-meeting"]
    reports = [o.due_date for o in found if o.obligation_id == "quarterly-report"]
    assert [D(2025, 5, 26), D(2025, 8, 26), D(2025, 11, 26)] == meetings
    assert [D(2025, 5, 23), D(2025, 8, 22), D(2025, 11, 25)] == reports


def test_appendix_1_outputs_are_complete_and_verbatim() -> None:
    """Counted by hand from Appendix 1: priority 1 has 8 bullets (the two events under
    'Attend events' folded into one), priority 2 has 4, priority 3 the example line and
    5 bullets, priority 4 has 3, priority 5 has 4. Every output but the folded one occurs
    in the text word for word."""
    assert [8, 4, 6, 3, 4] == [len(outputs) for outputs in OUTCOMES.values()]
    for outputs in OUTCOMES.values():
        for output in outputs:
            if output.startswith("Attend events"):
                continue
            assert normalise_text(output) in TEXT, output


def test_dbs_recheck_and_training_on_a_roster() -> None:
    """7.2 'a re-check ... at least every three years': an enhanced DBS check of Thu 29 Feb
    2024 runs three years to 28 Feb 2027 (2027 has no 29 Feb) and has lapsed on 1 Mar 2027.
    6.11 asks for both children's and adults' safeguarding training: a worker without the
    adults' training is not compliant."""
    full = _worker(
        ("dbs-enhanced", D(2024, 2, 29)),
        ("safeguarding-children", D(2024, 3, 1)),
        ("safeguarding-adults", D(2024, 3, 1)),
    )
    on_last_day = check_worker(SPEC.workforce, full, D(2027, 2, 28))
    assert on_last_day.compliant
    assert [("dbs", D(2027, 3, 1))] == [
        (x.requirement_id, x.lapses_on) for x in on_last_day.lapsing
    ]
    assert not check_worker(SPEC.workforce, full, D(2027, 3, 1)).compliant
    no_adults = _worker(("dbs-enhanced", D(2024, 2, 29)), ("safeguarding-children", D(2024, 3, 1)))
    report = check_worker(SPEC.workforce, no_adults, D(2025, 1, 6))
    assert [("workforce.training.missing", "6.11")] == [
        (f.code, f.citation.clause) for f in report.findings
    ]


def test_quarterly_reviews_and_monitoring_follow_the_quarter() -> None:
    """4.4 'reviewed regularly each Quarter' and the equality monitoring (reading
    'equality-monitoring-frequency': each Quarter): commencement Thu 15 May 2025 -> 15 Aug,
    15 Nov 2025, 15 Feb 2026."""
    found = obligations_between(
        SPEC.obligations, D(2025, 5, 15), D(2025, 5, 15), D(2026, 2, 28), SPEC.calendars
    )
    expected = [D(2025, 8, 15), D(2025, 11, 15), D(2026, 2, 15)]
    for obligation in ("complaints-feedback-review", "equality-monitoring"):
        assert expected == [o.due_date for o in found if o.obligation_id == obligation]


@pytest.mark.parametrize(
    ("born", "expected"),
    [
        # Referral Mon 6 Jan 2025: born 6 Jan 2007 is 18 that day, so not under 18.
        (D(2007, 1, 6), Outcome.NOT_ELIGIBLE),
        # Born 7 Jan 2007: 18 tomorrow, 17 today.
        (D(2007, 1, 7), Outcome.ELIGIBLE),
        # The table counts carers "aged 18 and under", but eligibility follows the
        # definition: an 18-year-old (born 1 Jan 2007) is not eligible.
        (D(2007, 1, 1), Outcome.NOT_ELIGIBLE),
        # A five-year-old (born 6 Jan 2020) can be a young carer: no lower age is set.
        (D(2020, 1, 6), Outcome.ELIGIBLE),
    ],
)
def test_under_18_on_the_day_of_referral(born: D, expected: Outcome) -> None:
    """'Children and Young People under 18': the age on the London date of the referral."""
    child = ChildOrYoungPerson(
        "YC",
        date_of_birth=born,
        statuses=frozenset({Status.YOUNG_CARER}),
        area="westminster",
    )
    assert expected == check_referral(SPEC, referral_by("school", child=child)).outcome


def test_the_lone_worker_policy_is_due_at_commencement() -> None:
    """3.6 (first) 'expected to have a lone worker policy in place': no date is given, so it
    is due when the service commences (here Tue 1 Apr 2025 09:00), before any home visit."""
    at = dt.datetime(2025, 4, 1, 9, 0, tzinfo=LONDON)
    deadline = evaluate(SPEC.deadline("lone-worker-policy-in-place"), at)
    assert (D(2025, 4, 1), at) == (deadline.due_date, deadline.due_at)


@pytest.mark.parametrize(
    ("concern", "area", "phone", "email"),
    [
        # 6.6 children: Westminster Children's Services Team; LBHF Contact and Assessment
        # Team; RBKC Social Services.
        (Concern.CHILD, "westminster", "020 7641 4000", None),
        (Concern.CHILD, "hammersmith-and-fulham", "020 8753 5392", None),
        (Concern.CHILD, "kensington-and-chelsea", "020 7361 3013", None),
        # 6.6 adults: number "or by email to" the address, as printed.
        (
            Concern.ADULT_AT_RISK,
            "westminster",
            "020 7641 2176",
            "safeguardingadults@westminster.gov.uk",
        ),
        (
            Concern.ADULT_AT_RISK,
            "hammersmith-and-fulham",
            "0845 313 3935",
            "h&fadvice.care@lbhf.gov.uk",
        ),
        (
            Concern.ADULT_AT_RISK,
            "kensington-and-chelsea",
            "0207 361 3013",
            "socialservicesline@rbkc.gov.uk",
        ),
        # 6.7 the LADO.
        (Concern.ALLEGATION_AGAINST_WORKER, "westminster", "020 7641 6108", None),
        (Concern.ALLEGATION_AGAINST_WORKER, "hammersmith-and-fulham", "020 8753 3636", None),
        (Concern.ALLEGATION_AGAINST_WORKER, "kensington-and-chelsea", "020 7361 3317", None),
    ],
)
def test_all_nine_contacts_as_printed(
    concern: Concern, area: str, phone: str, email: str | None
) -> None:
    """Every number and address of 6.6 and 6.7, character for character, in its borough."""
    [step] = route_concern(SPEC, concern, AT, area)
    assert step.contact is not None
    assert (phone, email, area) == (step.contact.phone, step.contact.email, step.contact.area)
    assert phone in REGISTER.text()


@pytest.mark.parametrize(
    ("area", "phone", "email"),
    [
        ("westminster", "020 7641 2176", "safeguardingadults@westminster.gov.uk"),
        ("hammersmith-and-fulham", "0845 313 3935", "h&fadvice.care@lbhf.gov.uk"),
        ("kensington-and-chelsea", "0207 361 3013", "socialservicesline@rbkc.gov.uk"),
    ],
)
def test_allegations_about_adult_clients_go_to_the_adult_team(
    area: str, phone: str, email: str
) -> None:
    """6.7: 'Similar concerns in relation to adult clients shall be referred to the
    Safeguarding Adults Team at the same contacts specified in 6.6': the borough's adult
    number and email of 6.6, not the LADO (RBKC's LADO is 020 7361 3317); 'similar' to the
    LADO referral, so immediately (Mon 6 Jan 2025 14:00)."""
    [step] = route_concern(SPEC, Concern.ALLEGATION_ABOUT_ADULT_CLIENT, AT, area)
    assert step.contact is not None
    assert (phone, email, "adult-safeguarding") == (
        step.contact.phone,
        step.contact.email,
        step.contact.role,
    )
    assert ("adult-client-allegation", AT) == (step.deadline.rule_id, step.deadline.due_at)


@pytest.mark.parametrize(
    ("area", "expected"),
    [
        ("westminster", Outcome.ELIGIBLE),
        ("kensington-and-chelsea", Outcome.ELIGIBLE),
        ("hammersmith-and-fulham", Outcome.ELIGIBLE),
        # Camden borders Westminster but is not one of 'the three boroughs'.
        ("camden", Outcome.NOT_ELIGIBLE),
        # No borough given: the check cannot be made.
        (None, Outcome.INCOMPLETE),
    ],
)
def test_families_from_the_three_boroughs(area: str | None, expected: Outcome) -> None:
    """3.1 'engage the families of Young Carers from the three boroughs' (reading
    'three-boroughs'): a 15-year-old young carer, with a carer's assessment, referred by the
    young carers support service."""
    child = attrs.evolve(referral_by("young-carers-support-service").child, area=area)
    assert expected == check_referral(SPEC, referral_by("school", child=child)).outcome


def test_18th_birthday_at_local_midnight() -> None:
    """'Under 18' on the London date: 23:30 UTC on Sat 14 Jun 2025 is 00:30 BST on Sun
    15 Jun. Born 15 Jun 2007, the child is 18 in London (not eligible); counted on the UTC
    date (14 Jun) they would still be 17. Born 16 Jun 2007: 17 either way (eligible)."""
    at = dt.datetime(2025, 6, 14, 23, 30, tzinfo=UTC)
    base = referral_by("school", received_at=at)
    turned = attrs.evolve(base.child, date_of_birth=D(2007, 6, 15))
    not_yet = attrs.evolve(base.child, date_of_birth=D(2007, 6, 16))
    assert Outcome.NOT_ELIGIBLE == check_referral(SPEC, attrs.evolve(base, child=turned)).outcome
    assert Outcome.ELIGIBLE == check_referral(SPEC, attrs.evolve(base, child=not_yet)).outcome


def test_hammersmith_and_fulhams_row_is_carried_by_the_volume_rule() -> None:
    """#34: the row's cells (lines 198-202: 425 young carers, 99 known, 30, 30 and 39
    families in years 1-3) are sentences, each covered by the entry naming the volume
    computation, not dropped as short labels."""

    carried = {
        (sentence.line, sentence.text): entry.rules
        for entry, sentences in covering(REGISTER)
        for sentence in sentences
    }
    for line, cell in ((198, "425"), (199, "99"), (200, "30"), (201, "30"), (202, "39")):
        assert "computations/volume-progress" in carried[(line, cell)]


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
    argv = "safeguarding route --council triborough --concern child"
    code = main([*argv.split(), "--at", "2025-06-02T14:00:00+01:00"])
    out = capsys.readouterr().out
    assert 1 == code
    assert "area needed" in out
    assert "lado" not in out.casefold()
    assert "020 7641 6108" not in out


def test_the_council_notification_cites_6_9() -> None:
    """6.8 refers to the DBS; 6.9 'The Provider shall notify the Council of any referrals
    made to the Independent Safeguarding Authority': the second step cites 6.9."""
    dbs, council = route_concern(SPEC, Concern.DISMISSAL_FOR_HARM, MON, "westminster")
    assert ("6.8", "6.9") == (dbs.deadline.citation.clause, council.deadline.citation.clause)
    assert "Westminster City Council (the Council)" == council.recipient


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
    """Commencement 15 May 2025: Quarter meetings 15 Aug, 15 Nov 2025, 15 Feb 2026. Reports
    are due the working day before: Thu 14 Aug; 15 Nov is a Saturday, so Fri 14 Nov;
    15 Feb is a Sunday, so Fri 13 Feb."""
    found = obligations_between(
        SPEC.obligations, D(2025, 5, 15), D(2025, 5, 15), D(2026, 2, 28), SPEC.calendars
    )
    meetings = [o.due_date for o in found if o.obligation_id == "quarterly-meeting"]
    reports = [o.due_date for o in found if o.obligation_id == "quarterly-report"]
    assert [D(2025, 8, 15), D(2025, 11, 15), D(2026, 2, 15)] == meetings
    assert [D(2025, 8, 14), D(2025, 11, 14), D(2026, 2, 13)] == reports


def test_carers_week_and_carers_rights_day() -> None:
    """Appendix 1: events in June and December each year."""
    found = obligations_between(
        SPEC.obligations, D(2025, 4, 1), D(2025, 4, 1), D(2026, 3, 31), SPEC.calendars
    )
    assert [D(2025, 6, 1), D(2025, 12, 1)] == [
        o.due_date for o in found if o.obligation_id == "carers-events"
    ]


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


def test_the_priority_outcomes_target_is_quoted_as_the_text_words_it() -> None:
    """Appendix 1 reads "(Specific targets to be determined in the light out-turns for, and
    trends in, 2016-17)": each priority outcome's target repeats it word for word (it was
    quoted as "in the light of 2016-17 out-turns", words the text does not have)."""
    from childcare_commissioning_triborough.rules.outcomes import MEASURES

    priority = [m for m in MEASURES if m.id.startswith("priority-")]
    assert len(priority) == 5
    wanted = "Specific targets to be determined in the light out-turns for, and trends in, 2016-17"
    assert {m.target for m in priority} == {wanted}
    assert normalise_text(wanted) in normalise_text(TEXT)
    assert "in the light of" not in normalise_text(TEXT)
