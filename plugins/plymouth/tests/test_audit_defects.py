"""The defects of the Plymouth audit (shared/audits/plymouth.md, section 4), each worked by
hand from shared/specs/plymouth.txt. Docstrings say how each expected value was reached."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

import attrs
import pytest
from childcare_commissioning_plymouth import (
    POLICIES,
    SPEC,
    PolicyReview,
    check_staff,
    policy_kpi,
)

from childcare_commissioning import ChildOrYoungPerson, Referral, Referrer, Status, Urgency
from childcare_commissioning.conformance import check_council
from childcare_commissioning.convert import structure
from childcare_commissioning.deadlines import evaluate
from childcare_commissioning.errors import ModelValueError
from childcare_commissioning.model import Channel
from childcare_commissioning.obligations import obligations_between
from childcare_commissioning.referrals import Outcome, check_referral
from childcare_commissioning.register import EntryStatus, covering
from childcare_commissioning.registry import load_registry
from childcare_commissioning.workforce import Completion, Worker, check_roster, check_worker

LONDON = ZoneInfo("Europe/London")
D = dt.date
HEALTHCARE = (
    "catheter-stoma",
    "continence",
    "peg-feeding",
    "hoisting",
    "intimate-care",
    "suction",
    "tracheostomy",
    "ventilation",
)


def at(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=LONDON)  # type: ignore[misc, arg-type]


def referral(**changes: object) -> Referral:
    """A Council social worker's referral by secure email on Tue 7 Jan 2025 at 10:00."""
    base = Referral(
        id="R",
        received_at=at(2025, 1, 7, 10, 0),
        urgency=Urgency.STANDARD,
        referrer=Referrer("social-worker", organisation="Plymouth City Council"),
        child=ChildOrYoungPerson("YP", statuses=frozenset({Status.LOOKED_AFTER})),
        channel=Channel.SECURE_EMAIL,
        requested_services=("placement-at-risk",),
    )
    return attrs.evolve(base, **changes)  # type: ignore[arg-type]


def team_codes(workers: list[Worker], on: dt.date) -> set[str]:
    return {f.code for f in check_staff(workers, on).team}


# D1 (audit C83, V36): healthcare training is evaluated on the roster path.


def test_healthcare_team_with_nobody_trained_gets_all_eight_findings() -> None:
    """Section 6: 'sufficient numbers of staff undertaking direct work with children and
    young people with personal / healthcare needs' are trained in eight subjects. Two
    direct-work staff who work with healthcare needs, neither trained in any of them: each
    of the eight subjects is short (0 of 2 trained, at least 1 needed, reading
    sufficient-numbers)."""
    team = [
        Worker("A", works_with=frozenset({"healthcare"})),
        Worker("B", works_with=frozenset({"healthcare"})),
    ]
    codes = team_codes(team, D(2025, 1, 6))
    assert {f"workforce.team.{s}" for s in HEALTHCARE} <= codes


def test_one_peg_trained_worker_meets_peg_feeding_but_not_tracheostomy() -> None:
    """One of the two trained in PEG feeding (1 Jul 2024; the text sets no refresher for
    these subjects, so it is still valid on 6 Jan 2025): 1 >= 1, PEG feeding is met;
    tracheostomy care (text: 'Tracheotomy care') still has nobody."""
    team = [
        Worker(
            "A",
            works_with=frozenset({"healthcare"}),
            completions=(Completion("peg-feeding", D(2024, 7, 1)),),
        ),
        Worker("B", works_with=frozenset({"healthcare"})),
    ]
    codes = team_codes(team, D(2025, 1, 6))
    assert "workforce.team.peg-feeding" not in codes
    assert "workforce.team.tracheostomy" in codes


def test_a_social_care_only_team_is_not_asked_for_healthcare_training() -> None:
    """The eight subjects are for staff working with personal / healthcare needs: a team
    working only with social-care needs gets none of those findings (but still the nine
    'sufficient numbers' subjects for all direct-work staff, e.g. first aid)."""
    team = [Worker("A", works_with=frozenset({"social-care"}))]
    codes = team_codes(team, D(2025, 1, 6))
    assert not {f"workforce.team.{s}" for s in HEALTHCARE} & codes
    assert "workforce.team.first-aid" in codes


def test_the_core_roster_check_sees_the_healthcare_subjects_too() -> None:
    """The audit's V36 on the path every user takes: the core's check_roster (and so the
    command line's staff-check) takes the team's needs from its workers, so an untrained
    healthcare team shows all eight healthcare subjects; a team with no healthcare needs
    shows none of them."""
    team = [Worker("A", works_with=frozenset({"healthcare"}))]
    core = {f.code for f in check_roster(SPEC.workforce, team, D(2025, 1, 6)).team}
    assert {f"workforce.team.{s}" for s in HEALTHCARE} <= core
    social = [Worker("B")]
    plain = {f.code for f in check_roster(SPEC.workforce, social, D(2025, 1, 6)).team}
    assert not {f"workforce.team.{s}" for s in HEALTHCARE} & plain


def test_example_roster_healthcare_gaps() -> None:
    """The bundled roster: W-02 (RGN, healthcare) holds PEG feeding of 1 Jul 2024, nobody
    holds the other seven healthcare subjects: on 6 Jan 2025 seven findings, not PEG."""
    roster = load_registry(only=["plymouth"]).examples("plymouth")["roster"]
    workers = structure(roster, list[Worker])
    codes = team_codes(workers, D(2025, 1, 6))
    missing = {s for s in HEALTHCARE if f"workforce.team.{s}" in codes}
    assert set(HEALTHCARE) - {"peg-feeding"} == missing


# D2 (audit C01, V25): the key activities the text lists are requestable.


@pytest.mark.parametrize(
    "requested",
    ["family-time", "transport", "multi-agency-meetings", "engagement-with-services", "medicines"],
)
def test_listed_key_activities_are_eligible(requested: str) -> None:
    """3.1 'Key activities which the Provider may be required to undertake include':
    facilitating family time, multi-agency meetings, engagement with other services,
    transporting, administering medication. A Council referral for any of them is
    eligible (the audit's V25 refused family time)."""
    decision = check_referral(SPEC, referral(requested_services=(requested,)))
    assert Outcome.ELIGIBLE == decision.outcome, decision.findings


# D3 (audit C18, V26): the Council's identification decides, not a status list.


@pytest.mark.parametrize(
    "statuses",
    [
        frozenset({Status.YOUNG_CARER}),
        frozenset({Status.COMPLEX_HEALTH_NEEDS}),
        frozenset({Status.HOMELESS}),
        frozenset({Status.UNACCOMPANIED_ASYLUM_SEEKER}),
        frozenset(),
    ],
)
def test_any_child_the_council_refers_is_eligible(statuses: frozenset[Status]) -> None:
    """3.2: 'any child or young person identified by the Council as being eligible for
    statutory intervention' (CA 1989 / CFA 2014 / Care Act 2014). The text lists no status,
    so a young carer (CFA 2014), a homeless or asylum-seeking young person, or a child
    whose statuses the referral does not give, referred by the Council, is eligible
    (reading council-identification)."""
    child = ChildOrYoungPerson("YP", statuses=statuses)
    assert Outcome.ELIGIBLE == check_referral(SPEC, referral(child=child)).outcome


def test_a_twenty_four_year_old_with_an_ehc_plan_is_not_refused_for_age() -> None:
    """No age band (reading no-age-band): the glossary's EHC Plan runs to 25 and Pathway
    Plans 16 to 25. A Council referral of a 24-year-old (born 8 Jan 2000, referred 7 Jan
    2025: 24 until the next day) is eligible."""
    child = ChildOrYoungPerson("YP", date_of_birth=D(2000, 1, 8), statuses=frozenset())
    decision = check_referral(SPEC, referral(child=child))
    assert (Outcome.ELIGIBLE, 24) == (decision.outcome, decision.age)


# D4 (audit C21, V24): any Council referrer, nobody else.


@pytest.mark.parametrize(
    "role", ["team-manager", "independent-reviewing-officer", "out-of-hours-worker"]
)
def test_any_council_referrer_may_refer(role: str) -> None:
    """3.3: 'identified and referred by the Council'. A Council team manager, IRO or Out of
    Hours worker refers like a social worker (the audit's V24 refused a team manager)."""
    decision = check_referral(
        SPEC, referral(referrer=Referrer(role, organisation="Plymouth City Council"))
    )
    assert Outcome.ELIGIBLE == decision.outcome


def test_a_referral_from_outside_the_council_is_refused() -> None:
    """The Council refers; a health visitor of another organisation cannot (and a parent's
    self-referral 'will not' be accepted)."""
    nhs = check_referral(SPEC, referral(referrer=Referrer("health-visitor", organisation="NHS")))
    parent = check_referral(SPEC, referral(referrer=Referrer("parent")))
    assert (Outcome.NOT_ELIGIBLE, Outcome.NOT_ELIGIBLE) == (nhs.outcome, parent.outcome)


# D6 (audit C80): the Restraint Reduction Network training standard.


def restraint(worker: Worker, on: dt.date) -> list[str]:
    rules = [r for r in SPEC.workforce if r.id == "social-care-restraint-standard"]
    return [f.code for f in check_worker(rules, worker, on, horizon_days=0).findings]


def test_plain_behaviour_management_does_not_show_the_rrn_standard() -> None:
    """6: behaviour management training 'must be compliant with the ethical Training
    Standards developed by the Restraint Reduction Network'. A social-care worker with only
    a plain behaviour-management course has no RRN-certified completion: missing."""
    worker = Worker(
        "W",
        works_with=frozenset({"social-care"}),
        completions=(Completion("behaviour-management", D(2024, 5, 1)),),
    )
    assert ["workforce.training.missing"] == restraint(worker, D(2025, 1, 6))


def test_rrn_certified_course_lapses_after_three_years() -> None:
    """Team Teach (RRN-certified) completed Tue 10 Jan 2023: refresher 'at least every three
    years' -> valid to 10 Jan 2026 inclusive, lapsed on 11 Jan 2026."""
    worker = Worker(
        "W",
        works_with=frozenset({"social-care"}),
        completions=(Completion("rrn-certified-behaviour-management", D(2023, 1, 10)),),
    )
    assert [] == restraint(worker, D(2026, 1, 10))
    assert ["workforce.training.lapsed"] == restraint(worker, D(2026, 1, 11))


def test_healthcare_only_staff_are_not_asked_for_restraint_training() -> None:
    """The standard sits in the list for 'staff working directly with children and young
    people with social care needs': a healthcare-only nurse is outside it."""
    nurse = Worker("N", roles=frozenset({"rgn"}), works_with=frozenset({"healthcare"}))
    assert [] == restraint(nurse, D(2025, 1, 6))


# D7 (audit C13): medicines handling depends on Appendix 2, 'to follow'.


def test_medicines_appendix_is_recorded_as_not_yet_published() -> None:
    """The sentence 'staff handling medicines do so in accordance with ... Appendix 2' is
    accounted for as not encoded, and the reason says the appendix is to follow; a
    reading records it."""
    [(entry, sentences)] = [
        (e, s)
        for e, s in covering(SPEC.register)  # type: ignore[arg-type]
        if e.start.startswith("The Provider will ensure that all staff handling medicines")
    ]
    assert EntryStatus.NOT_ENCODED == entry.status
    assert "to follow" in entry.reason
    assert 2 == len(sentences)  # the duty and the '(Note: Appendix 2 document to follow)'
    assert "appendix-2-to-follow" in {r.id for r in SPEC.readings}


# D8: checkable duties that were silently absent.


@pytest.mark.parametrize(
    ("duty_id", "quote"),
    [
        ("share-mobile-numbers", "prior to commencement"),
        ("managerial-advice-24-7", "competent managerial/supervisory advice"),
        ("rectify-deficiencies", "rectify these immediately"),
        ("remove-staff-on-request", "borne by the Provider"),
        ("no-unsafe-subcontracting", "will not sub-contract"),
        ("rotas-with-photos", "rotas including staff photographs"),
        ("business-continuity-plan", "prepare and maintain a robust Business Continuity"),
        ("cyber-resilience", "review, update and test their BCP"),
        ("no-nicotine", "refrain from using nicotine"),
        ("family-time-not-supervised", "will NOT include supervision"),
    ],
)
def test_checkable_duties_are_declared(duty_id: str, quote: str) -> None:
    """Each duty the audit names (C57, C75, C105, C91, C67, C86, C115, C117, C89, C09)
    exists, cites the sentence that imposes it and asks a monitoring question."""
    [duty] = [d for d in SPEC.duties if d.id == duty_id]
    assert quote.casefold() in duty.citation.quote.casefold()
    assert duty.question.endswith(("?", "."))


def test_mobile_numbers_are_due_by_the_moment_delivery_commences() -> None:
    """4: mobile numbers are shared 'prior to commencement of the required services'. A
    package commencing at 09:00 on Sun 30 Mar 2025 (the first day of BST): due at 09:00
    BST = 08:00 UTC; shared at 08:59 BST is on time, at 09:01 BST late."""
    deadline = evaluate(SPEC.deadline("share-mobile-numbers"), at(2025, 3, 30, 9, 0))
    assert "2025-03-30T08:00:00+00:00" == deadline.due_at.astimezone(dt.UTC).isoformat()  # type: ignore[union-attr]
    assert deadline.is_met_by(at(2025, 3, 30, 8, 59))
    assert not deadline.is_met_by(at(2025, 3, 30, 9, 1))


def test_access_difficulty_is_reported_without_delay() -> None:
    """3.1: advise the Council of any difficulty in accessing services 'without delay',
    read as immediately: due at the instant the difficulty arises, 23:30 GMT on Sun 26 Oct
    2025 (the day the clocks went back)."""
    deadline = evaluate(SPEC.deadline("access-difficulty"), at(2025, 10, 26, 23, 30))
    assert "2025-10-26T23:30:00+00:00" == deadline.due_at.isoformat()  # type: ignore[union-attr]


# D9: deadline framing and scope.


def test_escalation_dates_are_the_end_of_reply_windows() -> None:
    """Issue confirmed by email Thu 17 Apr 2025: three working days, skipping Good Friday
    18 and Easter Monday 21 Apr: Tue 22 (1), Wed 23 (2), Thu 24 (3). The reply window
    closes at the end of Thu 24 Apr; only then (Fri 25) is the manager emailed. The title
    says so, rather than inviting escalation by that date."""
    rule = SPEC.deadline("escalate-to-manager")
    deadline = evaluate(rule, at(2025, 4, 17, 11, 0))
    assert D(2025, 4, 24) == deadline.due_date
    assert rule.title.startswith("Reply window")
    assert not SPEC.deadline("escalate-to-commissioning").title.startswith("Escalate")


def test_escalation_second_window_over_christmas() -> None:
    """Nominated manager emailed Wed 24 Dec 2025: 25 and 26 Dec are bank holidays, so Mon
    29 (1), Tue 30 (2), Wed 31 Dec (3): the team is emailed from Thu 1 Jan... which is a
    bank holiday, so in practice Fri 2 Jan 2026 (the window itself ends 31 Dec)."""
    deadline = evaluate(SPEC.deadline("escalate-to-commissioning"), at(2025, 12, 24, 15, 0))
    assert D(2025, 12, 31) == deadline.due_date


def test_practical_matters_run_only_for_temporary_accommodation() -> None:
    """3.3: the practical-matters agreement concerns 'safe temporary accommodation': the
    rule's trigger is delivery commencing there, so a package commencing elsewhere starts
    only the documents and planning-meeting clocks. From Thu 28 Aug 2025 (Mon 25 Aug was
    the bank holiday): Fri 29 (1), Mon 1 (2), Tue 2 (3), Wed 3 (4), Thu 4 Sep (5)."""
    on_commencement = {r.id for r in SPEC.deadlines if r.trigger == "package-commenced"}
    assert "council-practical-matters" not in on_commencement
    assert {"council-documents", "council-planning-meeting"} <= on_commencement
    rule = SPEC.deadline("council-practical-matters")
    assert "temporary-accommodation-commenced" == rule.trigger
    assert D(2025, 9, 4) == evaluate(rule, at(2025, 8, 28, 9, 0)).due_date


def test_notice_to_end_goes_to_the_commissioning_mailbox() -> None:
    """3.3: notice 'must also be confirmed in writing, via secure email to the Strategic
    Cooperative Commissioning Team at Plymplacements@plymouth.gov.uk'; one week before an
    end on Thu 1 Jan 2026 is Thu 25 Dec 2025 (calendar weeks; no bank-holiday rule)."""
    [notice] = [o for o in SPEC.obligations if o.id == "notice-to-end"]
    assert "Plymplacements@plymouth.gov.uk" == notice.recipient
    deadline = evaluate(SPEC.deadline("provider-notice-to-end"), at(2026, 1, 1, 9, 0))
    assert D(2025, 12, 25) == deadline.due_date


# D10: the KPI's "(where relevant)" and report due dates.


def test_clinical_governance_may_be_not_applicable() -> None:
    """8.1 lists 'Clinical governance structure (where relevant)'. A provider without
    clinical staff marks it not applicable and has the other 15 in date: 15/15 = 100%
    (the audit's V41 gave 93.8% with an error)."""
    clinical = "Clinical governance structure (where relevant)"
    reviews = {p: PolicyReview(D(2024, 6, 1), D(2025, 6, 1)) for p in POLICIES if p != clinical}
    percent, findings = policy_kpi(reviews, D(2025, 1, 6), not_applicable=frozenset({clinical}))
    assert (Decimal("100.0"), []) == (percent, findings)


def test_not_applicable_with_one_overdue() -> None:
    """Clinical governance not applicable and the lone working policy overdue (next due
    1 Jun 2024, checked 6 Jan 2025): 14 of 15 = 93.33...% -> 93.3%."""
    clinical = "Clinical governance structure (where relevant)"
    reviews = {p: PolicyReview(D(2024, 6, 1), D(2025, 6, 1)) for p in POLICIES}
    reviews["Lone working policy"] = PolicyReview(D(2023, 6, 1), D(2024, 6, 1))
    percent, findings = policy_kpi(reviews, D(2025, 1, 6), not_applicable=frozenset({clinical}))
    assert (Decimal("93.3"), ["plymouth.kpi.policy-overdue"]) == (
        percent,
        [f.code for f in findings],
    )


def test_only_where_relevant_policies_may_be_not_applicable() -> None:
    """Safeguarding Children is not '(where relevant)': it cannot be left out."""
    with pytest.raises(ModelValueError, match="not_applicable"):
        policy_kpi({}, D(2025, 1, 6), not_applicable=frozenset({"Safeguarding Children"}))


def test_reports_are_due_with_the_monitoring_information_not_on_bank_holidays() -> None:
    """Entry to the framework Tue 1 Oct 2024 (reading report-due-dates). The first quarter
    ends Wed 1 Jan 2025, a bank holiday and the first review meeting; 5 working days
    before: Tue 31 (1), Mon 30 (2), Fri 27 (3), Tue 24 (4), Mon 23 Dec 2024 (5) - the
    same day as the monitoring information. The second quarter (and first half-year)
    ends Tue 1 Apr 2025: Mon 31 (1), Fri 28 (2), Thu 27 (3), Wed 26 (4), Tue 25 Mar (5).
    The first year ends Wed 1 Oct 2025: Tue 30 (1), Mon 29 (2), Fri 26 (3), Thu 25 (4),
    Wed 24 Sep (5)."""
    found = obligations_between(
        SPEC.obligations, D(2024, 10, 1), D(2024, 10, 1), D(2025, 10, 31), SPEC.calendars
    )

    def dates(obligation_id: str) -> list[dt.date]:
        return [o.due_date for o in found if o.obligation_id == obligation_id]

    assert [D(2024, 12, 23), D(2025, 3, 25)] == dates("policies-report")[:2]
    assert dates("monitoring-information")[0] == dates("complaints-report")[0]
    assert [D(2025, 3, 25), D(2025, 9, 24)] == dates("staff-turnover-report")
    assert [D(2025, 9, 24)] == dates("service-improvement-plan")
    assert [D(2025, 9, 24)] == dates("workforce-development-plan")
    report = next(o for o in found if o.obligation_id == "policies-report")
    assert "Plymplacements@plymouth.gov.uk" == report.recipient


# The register: every audit clause C01-C120 is accounted for by number.


def test_every_audit_clause_is_named_in_a_note() -> None:
    """Each of the audit's 120 operational clauses appears in some entry's note (single,
    'C39-C40' ranges and 'C34-C37' ranges expanded), and no entry for one of them is
    context."""
    import re

    named: set[int] = set()
    for entry in SPEC.register.entries:  # type: ignore[union-attr]
        for first, last in re.findall(r"C(\d{2,3})(?:-C(\d{2,3}))?", entry.note):
            numbers = range(int(first), int(last or first) + 1)
            named |= set(numbers)
            assert entry.status is not EntryStatus.CONTEXT, entry.note
    assert set(range(1, 121)) - named == set()


def test_the_kit_finds_nothing_wrong() -> None:
    """The conformance kit over the whole declaration: citations, register, coverage."""
    assert [] == [str(v) for v in check_council(SPEC)]


# Short breaks (audit C19, V27): the audit expected a flag; this library reads otherwise.


def test_short_break_for_a_child_the_council_refers_is_not_refused() -> None:
    """3.2 says who short breaks are for, but its first sentence makes the Council's
    identification decisive (reading short-breaks): a Council request for a short break in
    the family home for a child in need with no disability status is eligible. The audit
    (V27) wanted a flag; see the reading for why the library does not refuse it."""
    child = ChildOrYoungPerson("YP", statuses=frozenset({Status.CHILD_IN_NEED}))
    decision = check_referral(
        SPEC, referral(child=child, requested_services=("short-breaks-home",))
    )
    assert Outcome.ELIGIBLE == decision.outcome
    assert "short-breaks" in {r.id for r in SPEC.readings}


# Local midnight and age boundaries.


def test_emergency_referral_just_after_local_midnight_in_bst() -> None:
    """Referral at 23:30 UTC on Sun 30 Mar 2025 = 00:30 BST on Mon 31 Mar: services
    commence 'on the same day as the referral is made', the local day, 31 Mar (not the UTC
    date 30 Mar)."""
    received = dt.datetime(2025, 3, 30, 23, 30, tzinfo=dt.UTC)
    decision = check_referral(SPEC, referral(received_at=received, urgency=Urgency.EMERGENCY))
    [deadline] = decision.deadlines
    assert ("emergency-commencement", D(2025, 3, 31)) == (deadline.rule_id, deadline.due_date)


def test_a_newborn_with_a_parent_in_hospital_is_eligible() -> None:
    """3.1 lists 'a parent and newborn baby/ies ... require support and/or supervision in
    hospital'; no age band applies: a baby born on the day of the referral (age 0) is
    eligible."""
    baby = ChildOrYoungPerson("B", date_of_birth=D(2025, 1, 7), statuses=frozenset())
    decision = check_referral(
        SPEC, referral(child=baby, requested_services=("parent-baby-hospital",))
    )
    assert (Outcome.ELIGIBLE, 0) == (decision.outcome, decision.age)


def test_direct_work_staff_carry_a_business_mobile_phone() -> None:
    """4: staff working directly with children 'are equipped with mobile phones for
    business use'; an office-only manager is not asked."""
    rules = [r for r in SPEC.workforce if r.id == "business-mobile-phone"]
    direct = check_worker(rules, Worker("W"), D(2025, 1, 6))
    office = check_worker(rules, Worker("M", direct_work=False), D(2025, 1, 6))
    assert (["workforce.check.missing"], []) == (
        [f.code for f in direct.findings],
        [f.code for f in office.findings],
    )


# Billing readings (audit section 5: fortnight anchor, deductions).


def test_fortnights_run_from_the_package_start_and_council_cancellations_are_deducted() -> None:
    """Package from Wed 4 Dec 2024 at £24.00/h (reading fortnight-anchor): the first
    fortnight is 4-17 Dec, invoiced in arrears on 18 Dec. Two commissioned 8-hour days:
    Thu 5 Dec delivered 09:00-17:00 (8 h x £24.00 = £192.00), Fri 6 Dec cancelled by the
    Council: deducted (reading invoice-deductions), so net £192.00, not £384.00."""
    from childcare_commissioning.billing import (
        DeliveryRecord,
        PlannedSession,
        Quotation,
        Rate,
        RecordStatus,
        run_invoices,
    )
    from childcare_commissioning.model import Package

    package = Package("P", "plymouth", "YP", D(2024, 12, 4), purchase_order="PO-1")
    quote = Quotation("P", (Rate(Decimal("24.00"), D(2024, 12, 4)),))
    planned = [
        PlannedSession("S1", "P", D(2024, 12, 5), 480, dt.time(9, 0)),
        PlannedSession("S2", "P", D(2024, 12, 6), 480, dt.time(9, 0)),
    ]
    records = [
        DeliveryRecord(
            "T1", "P", D(2024, 12, 5), start=dt.time(9, 0), end=dt.time(17, 0), planned_id="S1"
        ),
        DeliveryRecord(
            "T2", "P", D(2024, 12, 6), status=RecordStatus.CANCELLED_BY_COUNCIL, planned_id="S2"
        ),
    ]
    result = run_invoices(
        "plymouth",
        SPEC.billing,  # type: ignore[arg-type]
        [package],
        [quote],
        planned,
        records,
        D(2024, 12, 18),
    )
    [invoice] = result.invoices
    assert (D(2024, 12, 4), D(2024, 12, 18), Decimal("192.00")) == (
        invoice.period.start,
        invoice.issued_on,
        invoice.net,
    )


# Both clock changes for the 24-hour written notice (audit V13-V15).


@pytest.mark.parametrize(
    ("event", "due_utc"),
    [
        # Sat 29 Mar 2025 10:00 GMT; clocks go forward at 01:00 GMT on Sun 30 Mar: 24
        # elapsed hours is 10:00 UTC on Sun 30 Mar, shown 11:00 BST.
        (at(2025, 3, 29, 10, 0), "2025-03-30T10:00:00+00:00"),
        # 01:30 BST (first time round, 00:30 UTC) on Sun 26 Oct 2025: 24 hours later is
        # 00:30 UTC on Mon 27 Oct, shown 00:30 GMT.
        (at(2025, 10, 26, 1, 30), "2025-10-27T00:30:00+00:00"),
        # 01:30 GMT (second time round, 01:30 UTC): 01:30 GMT on Mon 27 Oct.
        (dt.datetime(2025, 10, 26, 1, 30, tzinfo=LONDON, fold=1), "2025-10-27T01:30:00+00:00"),
    ],
)
def test_written_notice_is_24_elapsed_hours_across_both_clock_changes(
    event: dt.datetime, due_utc: str
) -> None:
    """5: 'notified to the Council in writing within 24 hours' (reading
    notice-clock-start): elapsed hours from the event."""
    deadline = evaluate(SPEC.deadline("notify-in-writing"), event)
    assert due_utc == deadline.due_at.astimezone(dt.UTC).isoformat()  # type: ignore[union-attr]


# With the core's #17 mechanisms: open offer list, elapsed hours in billing.


def test_an_unlisted_request_needs_the_councils_agreement_not_refusal() -> None:
    """3.1: 'in a range of circumstances, including but not limited to': a Council
    request for 'respite' (not listed) is not refused; it needs the agreement of Plymouth
    City Council (reading open-list-of-circumstances). A listed one stays eligible."""
    decision = check_referral(SPEC, referral(requested_services=("respite",)))
    assert Outcome.NEEDS_APPROVAL == decision.outcome
    assert ["referral.requested.unlisted"] == [
        f.code for f in decision.findings if f.code.startswith("referral.requested")
    ]
    assert "Plymouth City Council" in next(
        f.message for f in decision.findings if f.code == "referral.requested.unlisted"
    )


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        # Autumn: 22:00 BST Sat 25 Oct 2025 to 07:00 GMT Sun 26 Oct: 21:00 UTC to 07:00
        # UTC = 10 elapsed hours x £20.00 = £200.00 (the clock face says 9; audit V39).
        (D(2025, 10, 25), Decimal("200.00")),
        # Spring: 22:00 GMT Sat 29 Mar 2025 to 07:00 BST Sun 30 Mar: 22:00 UTC to 06:00
        # UTC = 8 elapsed hours x £20.00 = £160.00.
        (D(2025, 3, 29), Decimal("160.00")),
    ],
)
def test_night_shift_across_a_clock_change_is_billed_in_elapsed_hours(
    day: dt.date, expected: Decimal
) -> None:
    """3.3: the invoice 'accurately reflects the services the Provider has delivered': a
    night shift 22:00-07:00 at £20.00/h is billed for the hours actually worked."""
    from childcare_commissioning.billing import DeliveryRecord, Quotation, Rate, run_invoices
    from childcare_commissioning.model import Package

    start = day - dt.timedelta(days=day.weekday())
    package = Package("P", "plymouth", "YP", start, purchase_order="PO-1")
    quote = Quotation("P", (Rate(Decimal("20.00"), start),))
    record = DeliveryRecord("T", "P", day, start=dt.time(22, 0), end=dt.time(7, 0))
    result = run_invoices(
        "plymouth",
        SPEC.billing,  # type: ignore[arg-type]
        [package],
        [quote],
        [],
        [record],
        start + dt.timedelta(days=14),
    )
    [invoice] = result.invoices
    assert expected == invoice.net
