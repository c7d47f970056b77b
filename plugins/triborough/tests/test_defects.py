"""The audit's defects (shared/audits/triborough.md), each answered from the text.

Every expected value is worked by hand from shared/specs/triborough.txt; the docstrings
say how. Dates: England and Wales bank holidays (Good Friday 18 Apr and Easter Monday
21 Apr 2025; Early May 5 May 2025; Spring 26 May 2025; Christmas 25 and 26 Dec 2025);
British Summer Time began Sun 30 Mar 2025 01:00 GMT and ended Sun 26 Oct 2025 02:00 BST.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from zoneinfo import ZoneInfo

import attrs
import pytest
from childcare_commissioning_triborough import (
    OUTCOMES,
    REGISTER,
    SPEC,
    Quarter,
    minimum_progress,
    quarter,
)

from childcare_commissioning import (
    ChildOrYoungPerson,
    Referral,
    Referrer,
    Status,
    Urgency,
    get_registry,
)
from childcare_commissioning.deadlines import evaluate
from childcare_commissioning.handbook import council_page
from childcare_commissioning.model import Channel
from childcare_commissioning.obligations import obligations_between
from childcare_commissioning.referrals import Outcome, check_referral
from childcare_commissioning.register import EntryStatus, coverage, normalise_text
from childcare_commissioning.safeguarding import Concern, route_concern
from childcare_commissioning.workforce import Completion, Worker, check_worker

D = dt.date
LONDON = ZoneInfo("Europe/London")
UTC = dt.UTC
AT = dt.datetime(2025, 1, 6, 14, 0, tzinfo=LONDON)
TEXT = normalise_text(REGISTER.text())


def referral(referrer: str, **changes: object) -> Referral:
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


# Defect 2 (V12): who may refer.


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
    decision = check_referral(SPEC, referral(referrer))
    assert Outcome.ELIGIBLE == decision.outcome, decision.findings


def test_the_open_route_still_needs_the_carers_assessment() -> None:
    """3.6 (second): a school's referral without the carer's assessment is incomplete, not
    refused."""
    decision = check_referral(SPEC, referral("school", information={}))
    assert Outcome.INCOMPLETE == decision.outcome


# Second audit (issue #38) defect 5: who may refer, revisited against 3.3, 3.5, 3.8 and
# 3.11 (reading 'who-may-refer').


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
    assert Outcome.INCOMPLETE == check_referral(SPEC, referral("parent", information={})).outcome


# Issue: child-concern timing cited the allegations clause.


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


# Defect 5: "the Council" (6.9, 7.5).


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


# 7.5: five working days across bank holidays, clock changes and local midnight.


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


# Defect 6: meetings on weekends and bank holidays (reading 'quarter-end').


def test_a_quarterly_meeting_on_a_bank_holiday_is_listed_on_the_next_working_day() -> None:
    """Commencement Wed 26 Feb 2025: meetings every 3 months (4.3) are counted to 26 May
    2025 (the Spring bank holiday), 26 Aug 2025 (Tue; Mon 25 Aug is the Summer bank
    holiday) and 26 Nov 2025 (Wed). The text fixes no day, so a meeting counted to a day
    that is not a working day is due the next working day, Tue 27 May, as monitor judges
    it (reading meeting-working-day); the report is due the working day before the
    meeting: Fri 23 May (Mon 26 is a holiday), Fri 22 Aug (Mon 25 is a holiday), Tue 25
    Nov."""
    found = obligations_between(
        SPEC.obligations, D(2025, 2, 26), D(2025, 2, 26), D(2025, 11, 30), SPEC.calendars
    )
    meetings = [o.due_date for o in found if o.obligation_id == "quarterly-meeting"]
    reports = [o.due_date for o in found if o.obligation_id == "quarterly-report"]
    assert [D(2025, 5, 27), D(2025, 8, 26), D(2025, 11, 26)] == meetings
    assert [D(2025, 5, 23), D(2025, 8, 22), D(2025, 11, 25)] == reports


def test_obligations_and_its_calendar_list_the_meeting_where_monitor_judges_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The same reading, from one place (obligations_between): commencement Wed 26 Feb
    2025, the first meeting is counted to Mon 26 May 2025 (Spring bank holiday) and due
    Tue 27 May in the `obligations` table, its JSON and its ICS calendar, and in
    `monitor` (nothing logged: open on 1 May, the day it is due next). The report before
    it is due Fri 23 May in all of them."""
    import json

    import icalendar

    from childcare_commissioning.cli import main
    from childcare_commissioning.monitoring import Monitor, end_of_day

    common = ["--council", "triborough", "--start", "2025-02-26", "--until", "2025-06-30"]
    assert 0 == main(["obligations", *common, "--format", "json"])
    listed = json.loads(capsys.readouterr().out)
    listed = listed.get("result", listed) if isinstance(listed, dict) else listed
    [meeting] = [o for o in listed if o["obligation_id"] == "quarterly-meeting"]
    assert ("2025-05-27", "2025-05-26") == (meeting["due_date"], meeting["counted_date"])
    assert 0 == main(["obligations", *common, "--format", "ics"])
    calendar = icalendar.Calendar.from_ical(capsys.readouterr().out)
    [event] = [
        e
        for e in calendar.walk("VEVENT")
        if str(e["uid"]).startswith("triborough-quarterly-meeting-1@")
    ]
    assert D(2025, 5, 27) == event.decoded("dtstart")
    assert "Counted to 2025-05-26, not a working day" in str(event["description"])
    assert 0 == main(["obligations", *common])
    assert "counted to 2025-05-26" in capsys.readouterr().out
    monitor = Monitor(SPEC, end_of_day(D(2025, 5, 1)), contract_start=D(2025, 2, 26))
    judged = {o.obligation_id: o.due_date for o in monitor.obligations() if o.sequence == 1}
    assert {"quarterly-meeting": D(2025, 5, 27), "quarterly-report": D(2025, 5, 23)} == judged


# TR-58: Appendix 1 outputs in full.


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


# The register: the whole text, and every clause of the audit's inventory.


def test_every_audit_clause_is_a_rule_a_duty_or_not_encoded_with_a_reason() -> None:
    """The audit lists 62 operational clauses (TR-01 to TR-62); each is named in the note of
    at least one entry, and at least one of those is a rule, a duty or not-encoded."""
    operational = {EntryStatus.RULE, EntryStatus.DUTY, EntryStatus.NOT_ENCODED}
    statuses: dict[int, set[EntryStatus]] = {}
    for entry in REGISTER.entries:
        for number in re.findall(r"TR-(\d\d)", entry.note):
            statuses.setdefault(int(number), set()).add(entry.status)
    assert set(range(1, 63)) == set(statuses)
    assert [] == [n for n, found in sorted(statuses.items()) if not found & operational]


def test_the_whole_text_is_accounted_for() -> None:
    """234 sentences (counted by the register's splitting rules), all covered: the 200 of
    three words or more, and since #34 the 34 short list items and table cells: '1.
    Definitions', the definitions table's cells 'apply:', 'Definition', 'Meaning', 'Young
    Carer', 'Outreach Model', 'Quarter', 'Children', 'Young People', 'IYSS', 'Hidden
    Carers' (10), the volume table's 'Local Authority', 'Year 1'-'Year 3' and its 15
    numbers, Hammersmith and Fulham's row (425, 99, 30, 30, 39) among them (19), '·
    Community services;', the 'Behaviour management' heading cell, and Appendix 1's
    'Priority Outcome' and 'Outputs' cells: 1 + 10 + 19 + 4 = 34."""
    found = coverage(REGISTER)
    assert (234, 234, ()) == (found.sentences, found.covered, found.problems)


@pytest.mark.parametrize(
    ("duty_id", "clause"),
    [
        ("whistle-blowing-policy", "6.4"),
        ("abuse-procedures", "6.4"),
        ("adult-abuse-procedures", "6.5"),
        ("behaviour-anti-bullying-policy", "5.2"),
        ("records-and-early-assessment", "5.3"),
        ("equipment", "5.5"),
        ("personnel-file-access", "7.4"),
        ("refer-unsuitable-staff-for-barring", "7.3"),
        ("family-permission-for-referrals", "2.21"),
        ("investigate-gross-misconduct", "7.5"),
    ],
)
def test_the_missing_duties_are_declared(duty_id: str, clause: str) -> None:
    """Audit defect 4: each duty it lists is declared, cites its clause, and its quote is in
    the text."""
    [duty] = [d for d in SPEC.duties if d.id == duty_id]
    assert clause == duty.citation.clause
    assert normalise_text(duty.citation.quote) in TEXT


# TR-04 / Q11: the Quarter, and TR-20: the floor of thirty families.


@pytest.mark.parametrize(
    ("on", "number", "first", "last"),
    [
        # Commencement Fri 31 Jan 2025. 3 months on is 30 Apr (April has 30 days), 6 months
        # 31 Jul, 9 months 31 Oct, 12 months 31 Jan 2026: each Quarter ends the day before
        # the next begins.
        (D(2025, 1, 31), 1, D(2025, 1, 31), D(2025, 4, 29)),
        (D(2025, 4, 29), 1, D(2025, 1, 31), D(2025, 4, 29)),
        (D(2025, 4, 30), 2, D(2025, 4, 30), D(2025, 7, 30)),
        (D(2025, 7, 31), 3, D(2025, 7, 31), D(2025, 10, 30)),
        (D(2026, 1, 30), 4, D(2025, 10, 31), D(2026, 1, 30)),
        (D(2026, 1, 31), 5, D(2026, 1, 31), D(2026, 4, 29)),
    ],
)
def test_quarters_from_a_month_end_commencement(on: D, number: int, first: D, last: D) -> None:
    """'A calendar period of 3 months (the first of which starts on the Commencement Date
    ...)': reading 'quarter-end'."""
    assert Quarter(number, first, last) == quarter(D(2025, 1, 31), on)


def test_the_floor_of_thirty_families_a_year() -> None:
    """3.4: at least thirty a year across the boroughs. Commencement 1 Apr 2025; on 30 Jun
    2025 91 of the year's 365 days have passed: 30 x 91 / 365 = 7.479 -> 7.5 expected.
    Seven families are behind; eight are on track. On 31 Mar 2026 (365/365) 30 are
    expected."""
    start = D(2025, 4, 1)
    behind = minimum_progress(
        {"westminster": 3, "hammersmith-and-fulham": 4}, start, D(2025, 6, 30)
    )
    ahead = minimum_progress({"westminster": 4, "kensington-and-chelsea": 4}, start, D(2025, 6, 30))
    assert (7, Decimal("7.5"), False) == (
        behind.worked_with,
        behind.expected_by_now,
        behind.on_track,
    )
    assert (8, True) == (ahead.worked_with, ahead.on_track)
    assert Decimal("30.0") == minimum_progress({}, start, D(2026, 3, 31)).expected_by_now
    with pytest.raises(ValueError, match="unknown boroughs: camden"):
        minimum_progress({"camden": 30}, start, D(2025, 6, 30))
    with pytest.raises(ValueError, match="cannot be negative: westminster"):
        minimum_progress({"westminster": -1}, start, D(2025, 6, 30))


# 6.10, 6.11, 7.2: the staffing requirements.


def _worker(*completions: tuple[str, D]) -> Worker:
    return Worker("W1", completions=tuple(Completion(s, on) for s, on in completions))


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


# Age boundaries: 'under 18' (the Young Carer definition; reading 'table-ages').


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
    assert expected == check_referral(SPEC, referral("school", child=child)).outcome


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


# Defect 1 (V14): allegations about adult clients (6.7, last sentence).


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


# Defect 3 (V13): the three boroughs (3.1).


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
    child = attrs.evolve(referral("young-carers-support-service").child, area=area)
    assert expected == check_referral(SPEC, referral("school", child=child)).outcome


def test_18th_birthday_at_local_midnight() -> None:
    """'Under 18' on the London date: 23:30 UTC on Sat 14 Jun 2025 is 00:30 BST on Sun
    15 Jun. Born 15 Jun 2007, the child is 18 in London (not eligible); counted on the UTC
    date (14 Jun) they would still be 17. Born 16 Jun 2007: 17 either way (eligible)."""
    at = dt.datetime(2025, 6, 14, 23, 30, tzinfo=UTC)
    base = referral("school", received_at=at)
    turned = attrs.evolve(base.child, date_of_birth=D(2007, 6, 15))
    not_yet = attrs.evolve(base.child, date_of_birth=D(2007, 6, 16))
    assert Outcome.NOT_ELIGIBLE == check_referral(SPEC, attrs.evolve(base, child=turned)).outcome
    assert Outcome.ELIGIBLE == check_referral(SPEC, attrs.evolve(base, child=not_yet)).outcome


def test_hammersmith_and_fulhams_row_is_carried_by_the_volume_rule() -> None:
    """#34: the row's cells (lines 198-202: 425 young carers, 99 known, 30, 30 and 39
    families in years 1-3) are sentences, each covered by the entry naming the volume
    computation, not dropped as short labels."""
    from childcare_commissioning.register import covering

    carried = {
        (sentence.line, sentence.text): entry.rules
        for entry, sentences in covering(REGISTER)
        for sentence in sentences
    }
    for line, cell in ((198, "425"), (199, "99"), (200, "30"), (201, "30"), (202, "39")):
        assert "computations/volume-progress" in carried[(line, cell)]
