"""The second Somerset audit's defects (shared/audits/2026-12/somerset.md), issue #38.

Every expected value is worked by hand from shared/specs/somerset.txt; the docstrings say
how. Mon 2 Jun 2025 is a working day (British Summer Time); 6, 8 and 13 Jan 2025 are a
Monday, a Wednesday and a Monday.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import attrs
import pytest
from childcare_commissioning_somerset import LOOKED_AFTER_DEFINITION, SPEC

from childcare_commissioning import ChildOrYoungPerson, Referral, Referrer, Status, Urgency
from childcare_commissioning.billing import (
    DeliveryRecord,
    MileageAgreement,
    Quotation,
    Rate,
    run_invoices,
)
from childcare_commissioning.cli import main
from childcare_commissioning.durations import Duration, DurationKind
from childcare_commissioning.formats.ssda903 import load
from childcare_commissioning.model import CareEpisode, Channel, Package
from childcare_commissioning.referrals import Outcome, check_referral
from childcare_commissioning.register import EntryStatus, covering
from childcare_commissioning.repeats import count_repeats
from childcare_commissioning.safeguarding import Concern, route
from childcare_commissioning.statuses import evaluate_status

D = dt.date
LONDON = ZoneInfo("Europe/London")
MON = dt.datetime(2025, 6, 2, 14, tzinfo=LONDON)
STAFF = "3.2 Provider requirements and staff competencies"


def referral(**changes: object) -> Referral:
    """A 14-year-old (born 1 Jan 2011) in Taunton, referred by an SCC social worker of the
    Placements Team through the portal at 10:00 on Mon 2 Jun 2025 (working hours)."""
    base = Referral(
        id="R",
        received_at=dt.datetime(2025, 6, 2, 10, tzinfo=LONDON),
        urgency=Urgency.STANDARD,
        referrer=Referrer("social-worker", organisation="SCC", team="Placements Team"),
        child=ChildOrYoungPerson(
            "YP", area="taunton", date_of_birth=D(2011, 1, 1), statuses=frozenset()
        ),
        service="crisis-homecare",
        channel=Channel.PORTAL,
    )
    return attrs.evolve(base, **changes)  # type: ignore[misc, arg-type]


def child(*statuses: Status) -> ChildOrYoungPerson:
    return ChildOrYoungPerson(
        "YP", area="taunton", date_of_birth=D(2011, 1, 1), statuses=frozenset(statuses)
    )


# Defect 2: 3.2 X "any safeguarding concerns".


@pytest.mark.parametrize(
    "concern",
    [
        Concern.CHILD,
        Concern.ALLEGATION_AGAINST_WORKER,
        Concern.ADULT_AT_RISK,
        Concern.ALLEGATION_ABOUT_ADULT_CLIENT,
    ],
)
def test_every_safeguarding_concern_goes_to_childrens_social_care(concern: Concern) -> None:
    """3.2 X: "The Provider will liaise immediately with SCC Children's Social Care if there
    are any safeguarding concerns." Any kind of concern, an allegation against a worker
    included, is routed to SCC Children's Social Care by phone, due at the moment it arises
    (14:00 on Mon 2 Jun 2025), citing 3.2 X (reading 'any-safeguarding-concerns')."""
    routing = route(SPEC, concern, MON, "taunton")
    assert routing.specified, routing.message
    [step] = routing.steps
    assert step.contact is not None
    assert (
        "Somerset County Council Children's Social Care",
        Channel.PHONE,
        MON,
        STAFF,
    ) == (
        step.contact.organisation,
        step.channel,
        step.deadline.due_at,
        step.deadline.citation.clause,
    )


def test_gross_misconduct_is_not_a_concern_the_text_routes() -> None:
    """The text has no gross-misconduct or dismissal clause: 'not specified', the nearest
    contact being Children's Social Care (the allegation-against-worker routing)."""
    routing = route(SPEC, Concern.GROSS_MISCONDUCT, MON, "taunton")
    assert not routing.specified
    assert ["childrens-social-care"] == [c.id for c in routing.nearest]


def test_allegation_against_worker_on_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    """The audit's reproduction now exits 0 and names Children's Social Care."""
    argv = "safeguarding route --council somerset --concern allegation-against-worker"
    code = main([*argv.split(), "--area", "taunton", "--at", "2025-06-02T14:00:00+01:00"])
    assert 0 == code
    assert "Children's Social Care" in capsys.readouterr().out


# Defect 4: 2.8 "Mileage (to be agreed in advance)", dated.


def test_mileage_agreed_after_the_journey_is_a_finding_and_not_paid() -> None:
    """Agreement MA-1 is made on Wed 8 Jan 2025. Three visits 15:30-18:30 (3 hours each at
    GBP 18: GBP 54 each, GBP 162) carry miles: Mon 6 Jan, 14 miles, before the agreement
    (not in advance: a finding, not billed); Wed 8 Jan, 14 miles, the day of the agreement
    (taken as in advance, reading 'mileage-in-advance'); Mon 13 Jan, 9 miles. Mileage paid:
    (14 + 9) x GBP 0.45 = GBP 10.35. January nets 162 + 10.35 = GBP 172.35."""
    package = Package("P", "somerset", "YP", D(2025, 1, 1))
    quotation = Quotation(
        "P", (Rate(Decimal(18), D(2025, 1, 1)),), (MileageAgreement("MA-1", D(2025, 1, 8)),)
    )
    records = [
        DeliveryRecord(
            rid,
            "P",
            day,
            start=dt.time(15, 30),
            end=dt.time(18, 30),
            miles=Decimal(miles),
            mileage_agreement="MA-1",
        )
        for rid, day, miles in (
            ("V1", D(2025, 1, 6), 14),
            ("V2", D(2025, 1, 8), 14),
            ("V3", D(2025, 1, 13), 9),
        )
    ]
    run = run_invoices(
        "somerset",
        SPEC.billing,
        [package],
        [quotation],
        [],
        records,
        D(2025, 2, 1),  # type: ignore[arg-type]
    )
    [invoice] = [i for i in run.invoices if i.lines]
    assert Decimal("172.35") == invoice.net
    assert [
        ("billing.mileage.agreed-after-journey", "$.records['V1'].miles", "2.8 Service rates")
    ] == [(f.code, f.path, f.citation.clause if f.citation else None) for f in run.findings]


def test_the_shipped_example_agrees_its_mileage_before_the_journeys() -> None:
    """examples/billing.json: MA-0091 agreed on 20 Dec 2024, before the 6 and 8 Jan journeys."""
    path = Path(__file__).parents[1] / "src/childcare_commissioning_somerset/examples/billing.json"
    [quotation] = json.loads(path.read_text(encoding="utf-8"))["quotations"]
    assert [{"id": "MA-0091", "agreed_on": "2024-12-20"}] == quotation["mileage_agreements"]


# Defect 5: SEND alone is not a disability (1.1, 2.1).


def test_send_alone_is_not_the_disabilities_strand() -> None:
    """1.1 'children and young people with disabilities', 2.1 'those who have disabilities':
    a 14-year-old whose only status is SEND is in no cohort (not eligible); with a recorded
    disability as well they are in the disabilities-at-home strand (eligible)."""
    send_only = check_referral(SPEC, referral(child=child(Status.SEND)))
    assert Outcome.NOT_ELIGIBLE == send_only.outcome
    assert "eligibility.cohort.none" in [f.code for f in send_only.findings]
    both = check_referral(SPEC, referral(child=child(Status.SEND, Status.DISABLED)))
    assert Outcome.ELIGIBLE == both.outcome, both.findings
    assert "eligibility.cohort.disabilities-at-home" in [f.code for f in both.findings]


# Defects 7 and 8: the register's labels.


def _statuses(quote: str) -> set[EntryStatus]:
    assert SPEC.register is not None
    return {
        entry.status
        for entry, sentences in covering(SPEC.register)
        if any(quote.casefold() in s.text.casefold() for s in sentences)
    }


def test_the_statistic_is_context_and_the_looked_after_test_a_rule() -> None:
    """1.4's 'In April 2018, Somerset had 517 children looked after' is a statistic
    (context, not a definition); its statutory test of 'looked after' is a rule
    (status_definitions/looked-after), no longer not-encoded."""
    assert {EntryStatus.CONTEXT} == _statuses("Somerset had 517 children looked after")
    assert {EntryStatus.RULE} == _statuses("Is subject to a care order")


# Defect 8: the looked-after test applied to a care history.


def test_a_care_history_covering_the_day_makes_the_child_looked_after() -> None:
    """Care episode from Sat 1 Mar 2025, ongoing; referral Mon 2 Jun 2025: looked after on
    the day, 31 (March) + 30 (April) + 31 (May) + 2 (June) = 94 days. The referral asserts
    looked-after: agreed, the in-care cohort takes the child (eligible)."""
    decision = check_referral(
        SPEC,
        referral(child=child(Status.LOOKED_AFTER), care_episodes=(CareEpisode(D(2025, 3, 1)),)),
    )
    assert Outcome.ELIGIBLE == decision.outcome, decision.findings
    [status] = [f for f in decision.findings if f.code == "eligibility.status.looked-after"]
    assert "covers the day of the referral: yes" in status.message
    assert "94 days" in status.message
    assert "1.4 Local Context" == (status.citation.clause if status.citation else None)
    assert "eligibility.cohort.in-care" in [f.code for f in decision.findings]


def test_a_care_history_that_ended_overrides_the_asserted_status() -> None:
    """Episode 1 Mar-30 Apr 2025 (61 days), referral 2 Jun 2025: not looked after on the
    day. The asserted status disagrees (needs approval: confirm the history) and the
    computed one is used, so the in-care cohort does not apply: not eligible."""
    decision = check_referral(
        SPEC,
        referral(
            child=child(Status.LOOKED_AFTER),
            care_episodes=(CareEpisode(D(2025, 3, 1), D(2025, 4, 30)),),
        ),
    )
    codes = [f.code for f in decision.findings]
    assert "eligibility.status.looked-after.disagrees" in codes
    assert "eligibility.cohort.none" in codes
    assert Outcome.NOT_ELIGIBLE == decision.outcome


def test_a_history_the_referral_does_not_assert_needs_approval() -> None:
    """An ongoing episode, with looked-after not asserted: the computed status is used (the
    in-care cohort) and the disagreement needs approval."""
    decision = check_referral(SPEC, referral(care_episodes=(CareEpisode(D(2025, 3, 1)),)))
    codes = [f.code for f in decision.findings]
    assert "eligibility.status.looked-after.disagrees" in codes
    assert "eligibility.cohort.in-care" in codes
    assert Outcome.NEEDS_APPROVAL == decision.outcome


# 3.1 "A reduction in the number of repeat referrals".


def test_repeat_referrals_for_the_same_case_are_counted() -> None:
    """The audit's two referrals for case Y (2 Jun and 1 Sep 2025, 10:00) and one for Z
    (3 Jun). April-June: Y (2 Jun) and Z (3 Jun), two referrals, no repeat. July-September: Y's second (1 Sep), one referral, one repeat of Y's first. With a
    three-month look-back (2 Jun + 3 months = 2 Sep, on or after 1 Sep) it is a repeat;
    with two months (2 Aug, before 1 Sep) it is not."""
    at = dt.datetime
    referrals = [
        referral(
            id="Y1", child=ChildOrYoungPerson("Y"), received_at=at(2025, 6, 2, 10, tzinfo=LONDON)
        ),
        referral(
            id="Y2", child=ChildOrYoungPerson("Y"), received_at=at(2025, 9, 1, 10, tzinfo=LONDON)
        ),
        referral(
            id="Z1", child=ChildOrYoungPerson("Z"), received_at=at(2025, 6, 3, 10, tzinfo=LONDON)
        ),
    ]
    spring = count_repeats(referrals, D(2025, 4, 1), D(2025, 6, 30))
    assert (2, 0) == (spring.referrals, spring.count)
    summer = count_repeats(referrals, D(2025, 7, 1), D(2025, 9, 30))
    assert (1, 1) == (summer.referrals, summer.count)
    [repeat] = summer.repeats
    assert ("Y2", "Y1") == (repeat.referral_id, repeat.previous_id)
    months = DurationKind.MONTHS
    assert 1 == count_repeats(referrals, D(2025, 7, 1), D(2025, 9, 30), Duration(months, 3)).count
    assert 0 == count_repeats(referrals, D(2025, 7, 1), D(2025, 9, 30), Duration(months, 2)).count


FIXTURE = Path(__file__).parents[3] / "tests" / "fixtures" / "ssda903"


@pytest.mark.skipif(not FIXTURE.is_dir(), reason="the repository's SSDA903 fixture")
@pytest.mark.parametrize("on", [D(2016, 3, 31), D(2016, 10, 1), D(2017, 3, 31)])
def test_the_definition_agrees_with_the_903_on_every_child_of_a_return(on: dt.date) -> None:
    """The 903 return's own looked-after (an episode with any legal status but V4 covers the
    day, DEC excluded) and Somerset's 1.4 definition applied to the same return's care
    episodes agree for every child born by the day (reading 'looked-after-history')."""
    found = load(FIXTURE / "header.csv", FIXTURE / "episodes.csv")
    disagree = [
        c.child
        for c in found.children
        if c.header is not None
        and c.header.date_of_birth <= on
        and (Status.LOOKED_AFTER in c.statuses(on))
        != evaluate_status(
            LOOKED_AFTER_DEFINITION, c.header.date_of_birth, c.care_episodes(), on
        ).holds
    ]
    assert [] == disagree
    assert any(Status.LOOKED_AFTER in c.statuses(on) for c in found.children)


def test_every_table_cell_and_list_item_is_a_sentence_of_the_register() -> None:
    """#34: 229 sentences, worked by hand: the 197 of three words or more, plus 32 short
    list items and table cells: the glossary's 19 cells of one or two words (Term,
    Description, ARC, CAMHS, CWD, DBS, EDHR, EDT, EoC, ETE, getset, Multi-agency Plan,
    Provider(s), Provider's Staff, Referring Agencies, SCC, SW, Social Worker, YOT), '·
    available immediately' (2.6), the 'Hourly Rate' cell (2.8), five training subjects of
    3.2 VII (a. Safeguarding, b. First Aid, c. Self Harm, d. Sexual Health, f. Conflict
    resolution) and six job-sheet fields (Child Name:, LCS Number :, Gender:, COSTS,
    Authorised by:, Authorised date:). All are covered; 'available immediately' by the
    rule naming the deadline, the authorisation fields by the job sheet's computation."""
    from childcare_commissioning.register import EntryStatus, coverage, covering

    assert SPEC.register is not None
    result = coverage(SPEC.register)
    assert (229, 229) == (result.sentences, result.covered)
    carried: dict[str, set[str]] = {}
    for entry, sentences in covering(SPEC.register):
        if entry.status is EntryStatus.RULE:
            for sentence in sentences:
                carried.setdefault(sentence.text, set()).update(entry.rules)
    assert "deadlines/available-immediately" in carried["· available immediately"]
    assert "computations/job-sheet" in carried["Authorised by:"]
    assert "computations/job-sheet" in carried["Authorised date:"]


def test_the_key_objectives_are_on_the_checklist_not_computed() -> None:
    """2.2.1's outcomes are prose with no measure: the register labels them duty, and the
    checklist item says how they are evidenced (3.1: evidence agreed at the pre contract
    award meeting and annually thereafter)."""
    from childcare_commissioning.register import EntryStatus, covering

    assert SPEC.register is not None
    [status] = {
        entry.status
        for entry, sentences in covering(SPEC.register)
        for sentence in sentences
        if sentence.text == "· Relationships between family members improves"
    }
    assert EntryStatus.DUTY is status
    [item] = [d for d in SPEC.duties if d.id == "outcome-objective-1"]
    assert "pre contract award meeting and annually thereafter (3.1)" in item.evidence
    assert item.question.startswith("Which of the outcomes of Key Objective 1")


def test_the_risk_assessment_before_engagement_is_computed_by_the_gate() -> None:
    """3.2 II "to be agreed before engagement": the monitor's gate decides it (support
    started before the referrer agreed the assessment is a breach), so the entry is a
    rule naming the gate, which the kit counts as computed."""
    from childcare_commissioning.conformance import computed_ids
    from childcare_commissioning.register import EntryStatus

    assert SPEC.register is not None
    [entry] = [
        e
        for e in SPEC.register.entries
        if e.start.startswith("At the time of referral the Provider shall undertake")
    ]
    assert EntryStatus.RULE is entry.status
    gate = "monitoring/gates/risk-assessment-before-engagement"
    assert gate in entry.rules
    assert gate in computed_ids(SPEC)
    assert "obligations/risk-assessment" not in computed_ids(SPEC)  # a trigger alone
