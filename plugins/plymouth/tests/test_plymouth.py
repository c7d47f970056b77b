"""Plymouth's rules, worked by hand from shared/specs/plymouth.txt."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

import attrs
import pytest
from childcare_commissioning_plymouth import (
    ESCALATION,
    GLOSSARY,
    POLICIES,
    SPEC,
    PolicyReview,
    policy_kpi,
)

from childcare_commissioning import ChildOrYoungPerson, Referral, Referrer, Status, Urgency
from childcare_commissioning.billing import DeliveryRecord, Quotation, Rate, run_invoices
from childcare_commissioning.deadlines import evaluate
from childcare_commissioning.durations import Duration, DurationKind
from childcare_commissioning.model import Channel, Package
from childcare_commissioning.obligations import obligations_between
from childcare_commissioning.referrals import Outcome, check_referral
from childcare_commissioning.registry import load_registry
from childcare_commissioning.safeguarding import contact_findings, notify
from childcare_commissioning.workforce import (
    Completion,
    Registration,
    Worker,
    check_team,
    check_worker,
)

LONDON = ZoneInfo("Europe/London")
D = dt.date


def at(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=LONDON)  # type: ignore[misc]


def due(rule_id: str, when: dt.datetime) -> dt.date:
    return evaluate(SPEC.deadline(rule_id), when, SPEC.calendars).due_date


def test_plymouth_is_registered_through_its_entry_point() -> None:
    """The plugin is found by the registry like any third-party plugin."""
    council = load_registry(only=["plymouth"]).council("plymouth")
    assert ("childcare-commissioning-plymouth", SPEC) == (council.distribution, council.spec)


def test_escalation_over_christmas() -> None:
    """Issue raised Monday 23 Dec 2024: no reply within three working days (Tue 24, Fri 27,
    Mon 30) -> email the nominated manager after Mon 30 Dec; a further three (Tue 31, Thu 2,
    Fri 3 Jan) -> the Strategic Cooperative Commissioning Team after Fri 3 Jan 2025."""
    assert D(2024, 12, 30) == due("escalate-to-manager", at(2024, 12, 23, 16, 0))
    assert D(2025, 1, 3) == due("escalate-to-commissioning", at(2024, 12, 30, 17, 0))
    assert 4 == len(ESCALATION)


def test_contract_reviews_and_monitoring_information() -> None:
    """Entry to the framework 1 Oct 2024: reviews 1 Jan, 1 Apr, 1 Jul, 1 Oct 2025 (year one),
    then 1 Apr 2026. Wed 1 Jan 2025 is New Year's Day: the meeting is due Thu 2 Jan
    (reading meeting-working-day), as monitor judges it. Monitoring 5 working days before
    Thu 2 Jan 2025: Tue 31 (1; 1 Jan closed), Mon 30 (2), Fri 27 (3), Tue 24 (4), Mon 23
    Dec 2024 (5)."""
    found = obligations_between(
        SPEC.obligations, D(2024, 10, 1), D(2024, 10, 1), D(2026, 4, 30), SPEC.calendars
    )
    meetings = [o.due_date for o in found if o.obligation_id == "contract-review-meeting"]
    assert [D(2025, 1, 2), D(2025, 4, 1), D(2025, 7, 1), D(2025, 10, 1), D(2026, 4, 1)] == meetings
    monitoring = [o for o in found if o.obligation_id == "monitoring-information"]
    assert D(2024, 12, 23) == monitoring[0].due_date
    assert "Plymplacements@plymouth.gov.uk" == monitoring[0].recipient


def test_council_duties_within_five_working_days_over_easter() -> None:
    """Commenced Thursday 17 Apr 2025: Good Friday and Easter Monday are not working days;
    Tue 22 (1) ... Mon 28 Apr (5) for documents, planning meeting and practical matters."""
    for rule in ("council-documents", "council-planning-meeting", "council-practical-matters"):
        assert D(2025, 4, 28) == due(rule, at(2025, 4, 17, 9, 0))


def test_first_review_within_28_days() -> None:
    """Commenced Monday 2 Dec 2024: first review by Monday 30 Dec 2024 (calendar days)."""
    assert D(2024, 12, 30) == due("first-review", at(2024, 12, 2, 9, 0))


def test_provider_notice_of_one_week() -> None:
    """To end a package on Friday 10 Jan 2025, notice by Friday 3 Jan 2025."""
    assert D(2025, 1, 3) == due("provider-notice-to-end", at(2025, 1, 10, 17, 0))


def test_bcp_activation_notice_over_christmas() -> None:
    """BCP activated Friday 19 Dec 2025: Mon 22 (1), Tue 23 (2), Wed 24 (3), Christmas and
    Boxing Day closed, Mon 29 (4), Tue 30 Dec (5)."""
    assert D(2025, 12, 30) == due("bcp-activation-notice", at(2025, 12, 19, 12, 0))


def test_missing_episode_across_the_autumn_clock_change() -> None:
    """Missing at 22:30 BST on Saturday 25 Oct 2025 (21:30 UTC): notify immediately; in
    writing within 24 elapsed hours, i.e. 21:30 UTC Sunday = 21:30 GMT, to the social
    worker with a copy to Plymplacements@ (the spelling used in section 5)."""
    phone, written = notify(SPEC, "missing", at(2025, 10, 25, 22, 30))
    assert (Channel.PHONE, at(2025, 10, 25, 22, 30)) == (phone.channel, phone.deadline.due_at)
    assert "2025-10-26T21:30:00+00:00" == written.deadline.due_at.isoformat()  # type: ignore[union-attr]
    [copy] = written.copy_to
    assert "Plymplacements@plymouth.gov.uk" == copy.email  # type: ignore[union-attr]
    assert 8 == len(SPEC.notifiable_events)


def test_mailbox_spelled_two_ways_is_reported() -> None:
    """The text gives Plyplacements@ once (escalation step 3): reported, not corrected."""
    [finding] = contact_findings(SPEC.contacts)
    assert "contact.email.inconsistent" == finding.code
    assert "Plyplacements@plymouth.gov.uk" in finding.message


def referral(**changes: object) -> Referral:
    base = Referral(
        id="R",
        received_at=at(2024, 12, 25, 3, 0),  # 03:00 on Christmas Day
        urgency=Urgency.EMERGENCY,
        referrer=Referrer("social-worker", organisation="Plymouth City Council"),
        child=ChildOrYoungPerson(
            "YP", date_of_birth=D(2010, 5, 1), statuses=frozenset({Status.LOOKED_AFTER})
        ),
        channel=Channel.SECURE_EMAIL,
        requested_services=("placement-at-risk",),
    )
    return attrs.evolve(base, **changes)  # type: ignore[misc, arg-type]


def test_council_referral_at_any_hour_and_same_day_commencement() -> None:
    """A Council social worker's emergency referral at 03:00 on Christmas Day is accepted
    (24/7 including bank holidays) and services must commence the same day."""
    decision = check_referral(SPEC, referral())
    assert Outcome.ELIGIBLE == decision.outcome
    [deadline] = decision.deadlines
    assert ("emergency-commencement", D(2024, 12, 25)) == (deadline.rule_id, deadline.due_date)


def test_self_referral_is_refused() -> None:
    """ "The Provider will not accept self-referrals": a parent referring is refused."""
    parent = check_referral(SPEC, referral(referrer=Referrer("parent")))
    assert Outcome.NOT_ELIGIBLE == parent.outcome
    assert "referral.referrer.not-permitted" in {f.code for f in parent.findings}


def test_offers_are_the_ten_circumstances_and_five_key_activities() -> None:
    """3.1 lists ten circumstances, then key activities: family time, multi-agency
    meetings, engagement with other services, transport, medicines (5) = 15 offers."""
    assert 15 == len(SPEC.offers)


def test_nurse_needs_nmc_registration() -> None:
    """An RGN without a current NMC registration has a gap; with one, none on that rule."""
    nurse = Worker("N", roles=frozenset({"rgn"}), direct_work=False)
    codes = {f.code for f in check_worker(SPEC.workforce, nurse, D(2025, 1, 6)).findings}
    assert "workforce.registration.missing" in codes
    registered = attrs.evolve(nurse, registrations=(Registration("nmc", D(2026, 1, 1)),))
    codes = {f.code for f in check_worker(SPEC.workforce, registered, D(2025, 1, 6)).findings}
    assert "workforce.registration.missing" not in codes


def test_social_care_refresher_every_three_years_unless_the_matrix_says_otherwise() -> None:
    """Self-harm training of 1 Jun 2021 lapsed on 2 Jun 2024 (three years); a provider
    matrix of four years keeps it valid on 6 Jan 2025."""
    worker = Worker(
        "W",
        works_with=frozenset({"social-care"}),
        completions=(Completion("self-harm", D(2021, 6, 1)),),
    )
    self_harm = [r for r in SPEC.workforce if r.subject == "self-harm"]
    [finding] = check_worker(self_harm, worker, D(2025, 1, 6)).findings
    assert "lapsed on 2024-06-02" in finding.message
    matrix = {"self-harm": Duration(DurationKind.YEARS, 4)}
    assert check_worker(self_harm, worker, D(2025, 1, 6), matrix=matrix).compliant


def test_sufficient_numbers_of_first_aiders() -> None:
    """A team with nobody trained in first aid gets a team finding, citing section 6."""
    findings = check_team(SPEC.workforce, [Worker("A"), Worker("B")], D(2025, 1, 6))
    first_aid = [f for f in findings if f.code == "workforce.team.first-aid"]
    assert 1 == len(first_aid)
    assert "6 Staff" == first_aid[0].citation.clause  # type: ignore[union-attr]


def test_invoices_need_a_purchase_order() -> None:
    """ "The relevant individual Purchase Order number is shown on all invoices": a package
    without one is not invoiced; with one, fortnightly in arrears from its start (a
    fortnight with nothing delivered gets no invoice: audit 2026-12 D11)."""
    package = Package(
        "P", "plymouth", "YP", D(2024, 12, 2), invoice_to="Children, Young People and Families"
    )
    quote = Quotation("P", (Rate(Decimal("24.00"), D(2024, 12, 2)),))
    result = run_invoices("plymouth", SPEC.billing, [package], [quote], [], [], D(2024, 12, 30))  # type: ignore[arg-type]
    assert ["billing.purchase-order.missing"] == [
        f.code for f in result.findings if f.severity == "error"
    ]
    with_po = attrs.evolve(package, purchase_order="PO-1")
    records = [
        DeliveryRecord(f"T{day}", "P", D(2024, 12, day), start=dt.time(9), end=dt.time(10))
        for day in (3, 17)
    ]
    result = run_invoices(
        "plymouth", SPEC.billing, [with_po], [quote], [], records, D(2024, 12, 30)
    )  # type: ignore[arg-type]
    assert [D(2024, 12, 16), D(2024, 12, 30)] == [i.issued_on for i in result.invoices]


def test_policy_kpi() -> None:
    """Sixteen policies; 15 reviewed in time and one overdue on 6 Jan 2025 is 15/16 =
    93.75%, shown as 93.8%, below the 100% target."""
    reviews = {p: PolicyReview(D(2024, 6, 1), D(2025, 6, 1)) for p in POLICIES}
    reviews["Lone working policy"] = PolicyReview(D(2023, 6, 1), D(2024, 6, 1))
    percent, findings = policy_kpi(reviews, D(2025, 1, 6))
    assert (Decimal("93.8"), 1) == (percent, len(findings))
    assert 16 == len(POLICIES)


def test_glossary() -> None:
    """Six terms from Appendix 1."""
    assert [
        "Care Plan",
        "Education, Health and Care Plan (EHC Plan)",
        "Looked After Child",
        "Pathway Plan",
        "Personal Education Plan (PEP)",
        "Virtual School",
    ] == [t.term for t in GLOSSARY]


@pytest.mark.parametrize("rule", [r.id for r in SPEC.deadlines])
def test_every_deadline_rule_evaluates_around_christmas_and_clock_changes(rule: str) -> None:
    """Each rule gives an answer at awkward instants (a smoke test the conformance kit
    generalises)."""
    for when in (at(2024, 12, 24, 23, 59), at(2025, 3, 30, 0, 30), at(2025, 10, 26, 1, 30)):
        assert evaluate(SPEC.deadline(rule), when, SPEC.calendars).due_date >= D(2024, 12, 1)


def test_example_fortnight_invoice() -> None:
    """The plugin's example fortnight from Mon 2 Dec 2024, PO on the invoice:
    shift 1: 8 h x £23.50 = £188.00 delivered in full;
    shift 2: £188.00 commissioned, 6.5 h delivered = £152.75, deduction -£35.25;
    shift 3: night shift 22:00-08:00 delivered in full; the quoted night rate covers
    22:00-07:00, so (#17: split at the window's end, by local time) 9 h x £27.00 = £243.00
    plus 07:00-08:00 at the standard rate, 1 h x £23.50 = £23.50: £266.50;
    shift 4 (9 Dec): cancelled by the provider, £188.00 deducted in full.
    Net £188.00 + £152.75 + £266.50 + £0 = £607.25."""
    registry = load_registry(only=["plymouth"])
    batch = registry.examples("plymouth")["billing"]
    from childcare_commissioning.billing import DeliveryRecord, PlannedSession
    from childcare_commissioning.convert import structure

    result = run_invoices(
        "plymouth",
        SPEC.billing,  # type: ignore[arg-type]
        structure(batch["packages"], list[Package]),
        structure(batch["quotations"], list[Quotation]),
        structure(batch["planned"], list[PlannedSession]),
        structure(batch["records"], list[DeliveryRecord]),
        D(2024, 12, 16),
    )
    [invoice] = result.invoices
    assert (Decimal("607.25"), "PO-CYPF-104421") == (invoice.net, invoice.purchase_order)
    assert [] == list(result.findings)
    assert {"roster", "billing", "events"} == set(registry.examples("plymouth"))
