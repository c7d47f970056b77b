"""Plymouth: hand-worked tests of the declarations in ``rules/`` (calendars, deadlines,
obligations, routes, cohorts, staff requirements, safeguarding, billing). Every expected
value is worked out by hand from the text, with the working in the docstring."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import attrs
import pytest
from childcare_commissioning_plymouth import (
    ESCALATION,
    GLOSSARY,
    SPEC,
)

from childcare_commissioning import ChildOrYoungPerson, Referral, Referrer, Status, Urgency
from childcare_commissioning.billing import DeliveryRecord, Quotation, Rate, run_invoices
from childcare_commissioning.cli import main
from childcare_commissioning.deadlines import evaluate
from childcare_commissioning.durations import Duration, DurationKind
from childcare_commissioning.handbook import council_page
from childcare_commissioning.model import Channel, Package, Severity
from childcare_commissioning.obligations import obligations_between
from childcare_commissioning.referrals import Outcome, check_referral
from childcare_commissioning.register import EntryStatus, covering
from childcare_commissioning.registry import load_registry
from childcare_commissioning.safeguarding import Concern, contact_findings, notify, route
from childcare_commissioning.workforce import (
    Completion,
    Registration,
    Worker,
    check_roster,
    check_team,
    check_worker,
)

from .helpers import HEALTHCARE, D

LONDON = ZoneInfo("Europe/London")


def referral(**changes: object) -> Referral:
    """A Council social worker's standard referral by secure email, Mon 16 Jun 2025 10:00."""
    base = Referral(
        id="R",
        received_at=dt.datetime(2025, 6, 16, 10, 0, tzinfo=LONDON),
        urgency=Urgency.STANDARD,
        referrer=Referrer("social-worker", organisation="Plymouth City Council"),
        child=ChildOrYoungPerson("YP", statuses=frozenset({Status.LOOKED_AFTER})),
        route="council",
        channel=Channel.SECURE_EMAIL,
        requested_services=("placement-at-risk",),
    )
    return attrs.evolve(base, **changes)  # type: ignore[arg-type]


def staff_check(
    roster: object, capsys: pytest.CaptureFixture[str], tmp_path: Path, *extra: str
) -> tuple[int, dict[str, Any]]:
    path = tmp_path / "roster.json"
    path.write_text(json.dumps(roster), encoding="utf-8")
    argv = ["staff-check", str(path), "--council", "plymouth", "--on", "2025-01-06"]
    status = main([*argv, *extra, "--format", "json"])
    return status, json.loads(capsys.readouterr().out)


def codes(document: dict[str, Any], worker: int = 0) -> list[str]:
    return [f["code"] for f in document["workers"][worker]["findings"]]


SOCIAL_WORKER = {
    "id": "W",
    "roles": ["family-support-worker"],
    "works_with": ["social-care"],
    "completions": [{"subject": "self-harm", "completed_on": "2024-01-05"}],
}


def codes_of(worker: dict[str, Any]) -> list[str]:
    return [f["code"] for f in worker["findings"]]


#: Plymouth package P1 of the D11 batches: a purchase order naming the department its
#: invoices go to.
P1 = {
    "id": "P1",
    "council": "plymouth",
    "child_id": "Y1",
    "start": "2025-01-06",
    "purchase_order": "PO-1",
    "invoice_to": "Children, Young People and Families",
}

SHIFTS = [
    {"id": "A", "date": "2025-03-29", "start": "14:00", "end": "22:00", "worker_id": "W1"},
    {"id": "B", "date": "2025-03-30", "start": "07:00", "end": "15:00", "worker_id": "W1"},
    {"id": "C", "date": "2025-03-30", "start": "09:00", "end": "12:00", "worker_id": "W2"},
    {"id": "D", "date": "2025-03-30", "start": "11:00", "end": "13:00", "worker_id": "W2"},
    {"id": "E", "date": "2025-03-30", "hours": "3", "worker_id": "W3"},
    {"id": "F", "date": "2025-03-31", "start": "09:00", "end": "10:00"},
]


def breaks(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, *extra: str
) -> tuple[int, dict[str, Any]]:
    path = tmp_path / "records.json"
    path.write_text(json.dumps([{"package_id": "P"} | r for r in SHIFTS]), encoding="utf-8")
    status = main(["breaks", str(path), "--council", "plymouth", "--format", "json", *extra])
    return status, json.loads(capsys.readouterr().out)


def at(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=LONDON)  # type: ignore[misc, arg-type]


def referral_at(**changes: object) -> Referral:
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


def restraint(worker: Worker, on: dt.date) -> list[str]:
    rules = [r for r in SPEC.workforce if r.id == "social-care-restraint-standard"]
    return [f.code for f in check_worker(rules, worker, on, horizon_days=0).findings]


def due(rule_id: str, when: dt.datetime) -> dt.date:
    return evaluate(SPEC.deadline(rule_id), when, SPEC.calendars).due_date


def council_referral(**changes: object) -> Referral:
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


def test_an_out_of_hours_phone_referral_from_the_council_is_accepted_with_a_warning() -> None:
    """The audit's R-B: Sat 14 Jun 2025 23:10 BST, emergency, Out of Hours service, by
    phone. 3.3 refuses only self-referrals; the Provider is 'accessible to the Council by
    telephone ... 24 hours a day' and receives referrals 'via secure email'. So: eligible,
    with one warning citing the secure-email arrangements sentence, and the same-day
    commencement deadline (emergency) still runs: due Sat 14 Jun 2025."""
    decision = check_referral(
        SPEC,
        referral(
            received_at=dt.datetime(2025, 6, 14, 23, 10, tzinfo=LONDON),
            urgency=Urgency.EMERGENCY,
            referrer=Referrer(
                "social-worker", organisation="Plymouth City Council", team="Out of Hours service"
            ),
            channel=Channel.PHONE,
            requested_services=("edge-of-care",),
        ),
    )
    assert Outcome.ELIGIBLE == decision.outcome
    [confirm] = [f for f in decision.findings if f.code == "referral.channel.confirm"]
    assert Severity.WARNING == confirm.severity
    assert "confirmed by secure-email by Plymouth City Council" in confirm.message
    assert confirm.citation is not None
    assert "receiving referrals from the Council" in confirm.citation.quote
    assert [("emergency-commencement", D(2025, 6, 14))] == [
        (d.rule_id, d.due_date) for d in decision.deadlines
    ]


def test_a_secure_email_referral_needs_no_confirmation() -> None:
    """By secure email already: nothing to confirm, no warning."""
    decision = check_referral(SPEC, referral())
    assert Outcome.ELIGIBLE == decision.outcome
    assert "referral.channel.confirm" not in {f.code for f in decision.findings}


def test_a_self_referral_by_phone_is_still_refused() -> None:
    """'The Provider will not accept self-referrals': a parent telephoning is refused, by
    role, whatever the channel."""
    decision = check_referral(SPEC, referral(referrer=Referrer("parent"), channel=Channel.PHONE))
    assert Outcome.NOT_ELIGIBLE == decision.outcome
    assert ["$.referrer.role"] == [f.path for f in decision.findings]


@pytest.mark.parametrize(
    "organisation",
    [
        "Plymouth City Council (Children, Young People and Families)",  # the audit's R-D
        "plymouth city council - Out of Hours service",
        "Children's Social Care, Plymouth City Council",
        "Education, Participation and Skills",  # a department the text names (3.3, 4)
        "Children, Young People & Family Services",
        "PLYMOUTH CITY COUNCIL",
    ],
)
def test_the_councils_departments_and_teams_are_the_council(organisation: str) -> None:
    """3.3 'referred by the Council'; 4 names its departments (Children, Young People and
    Family Services, Education, Participation and Skills...). Each is the Council."""
    decision = check_referral(
        SPEC, referral(referrer=Referrer("social-worker", organisation=organisation))
    )
    assert (Outcome.ELIGIBLE, []) == (
        decision.outcome,
        [f.code for f in decision.findings if f.severity is not Severity.INFO],
    )


@pytest.mark.parametrize(
    "organisation",
    ["Devon County Council", "Plymouth City Council Housing Association", "Plymouth"],
)
def test_other_organisations_are_not_the_council(organisation: str) -> None:
    """Another council, a body whose name only begins with the Council's, and a place
    name are not the Council: not eligible."""
    decision = check_referral(
        SPEC, referral(referrer=Referrer("social-worker", organisation=organisation))
    )
    assert Outcome.NOT_ELIGIBLE == decision.outcome


def test_a_referral_with_no_organisation_is_incomplete_not_refused() -> None:
    """A social worker who gives no organisation may well be the Council's: the referral
    is incomplete (say who refers), not refused."""
    decision = check_referral(SPEC, referral(referrer=Referrer("social-worker")))
    assert Outcome.INCOMPLETE == decision.outcome
    assert ["$.referrer.organisation"] == [f.path for f in decision.findings]


def test_the_providers_matrix_in_the_roster_document_sets_the_refresher(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """6 Staff: refresher training 'at the intervals set out in their organisational
    training matrix, or at least every three years where not otherwise specified'.
    Self-harm done Fri 5 Jan 2024. Matrix 'every 1 year': valid to Sun 5 Jan 2025, lapsed
    on Mon 6 Jan 2025, the day checked. Without the matrix (three years): valid to Tue 5 Jan
    2027, no gap."""
    with_matrix = {
        "workers": [SOCIAL_WORKER],
        "training_matrix": {
            "entries": [{"subject": "self-harm", "every": {"kind": "years", "amount": 1}}],
            "source": "Provider training matrix v2",
        },
    }
    _, document = staff_check(with_matrix, capsys, tmp_path)
    [lapsed] = [
        f for f in document["workers"][0]["findings"] if f["code"] == "workforce.training.lapsed"
    ]
    assert "self-harm of 2024-01-05 lapsed on 2025-01-06 (every 1 year)" in lapsed["message"]
    _, plain = staff_check([SOCIAL_WORKER], capsys, tmp_path)
    assert "workforce.training.lapsed" not in codes(plain)


def test_a_matrix_entry_the_text_does_not_let_the_matrix_set_is_reported(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The matrix sets the refresher of 'these subjects' (the social-care list, reading
    refresher-scope). An entry for the enhanced DBS check (no interval in the text) is not
    applied, and the roster notes say so at the entry's path; an entry for an unknown
    subject likewise."""
    roster = {
        "workers": [SOCIAL_WORKER],
        "training_matrix": {
            "entries": [
                {"subject": "dbs-enhanced", "every": {"kind": "years", "amount": 1}},
                {"subject": "tracheotomy", "every": {"kind": "years", "amount": 1}},
            ]
        },
    }
    _, document = staff_check(roster, capsys, tmp_path)
    notes = [
        (n["path"], n["message"].split(": ")[-1])
        for n in document["notes"]
        if n["code"] == "workforce.matrix.not-applied"
    ]
    assert [
        (
            "$.training_matrix.entries[0]",
            "the text does not let the provider's matrix set its refresher",
        ),
        ("$.training_matrix.entries[1]", "it is not a subject of these requirements"),
    ] == notes


def test_a_roster_without_works_with_says_what_was_not_applied(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The audit's D7 roster: a family support worker with no works_with. The 26
    social-care requirements (25 subjects of 6 Staff plus the RRN standard) are not
    applied, and the check says so: a warning naming 'social-care: 26', and the answer is
    not 'compliant' (exit 1). With works_with: [] (works with neither) there is no such
    warning."""
    status, document = staff_check(
        [{"id": "W", "roles": ["family-support-worker"], "completions": []}], capsys, tmp_path
    )
    [warning] = [
        f for f in document["workers"][0]["findings"] if f["code"] == "workforce.works-with.missing"
    ]
    assert "social-care: 26" in warning["message"]
    assert (1, ["W"]) == (status, document["workers_not_fully_checked"])
    _, said = staff_check(
        [{"id": "W", "roles": ["family-support-worker"], "works_with": []}], capsys, tmp_path
    )
    assert "workforce.works-with.missing" not in codes(said)


def test_an_unknown_training_subject_is_reported_with_the_near_subject(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The audit's D10 nurse: a completion keyed 'tracheotomy' (as the text spells it).
    Reading tracheotomy-care names the subject 'tracheostomy': the completion counts for
    nothing, and a warning at its path says so and names 'tracheostomy'."""
    nurse = {
        "id": "N1",
        "roles": ["rgn"],
        "works_with": ["healthcare"],
        "completions": [{"subject": "tracheotomy", "completed_on": "2024-01-01"}],
        "registrations": [{"body": "nmc", "valid_until": "2026-01-31"}],
    }
    _, document = staff_check([nurse], capsys, tmp_path)
    [unknown] = [
        f
        for f in document["workers"][0]["findings"]
        if f["code"] == "workforce.completion.unknown-subject"
    ]
    assert "$.workers['N1'].completions[0].subject" == unknown["path"]
    assert "did you mean 'tracheostomy'?" in unknown["message"]
    assert "workforce.team.tracheostomy" in [f["code"] for f in document["team"]]


def test_whoever_transports_a_child_is_checked_for_the_driving_documents(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """3.1: 'In all circumstances where the Provider is required to transport a child
    ... the driver of the vehicle has a full current driving licence ...' (reading
    transport-documents). A family support worker who transports children (tasks:
    transport), with none of the three documents: three registration gaps. Her colleague
    who does not: none."""
    fsw = {"id": "FSW", "roles": ["family-support-worker"], "works_with": ["social-care"]}
    _, document = staff_check(
        [fsw | {"tasks": ["transport"]}, fsw | {"id": "OTHER"}], capsys, tmp_path
    )
    transport = [
        [m for m in w["findings"] if m["code"] == "workforce.registration.missing"]
        for w in document["workers"]
    ]
    assert [3, 0] == [len(found) for found in transport]
    subjects = {"driving-licence", "mot", "business-insurance"}
    assert subjects == {
        f["message"].split("no ")[1].split(" registration")[0] for f in transport[0]
    }
    assert "workforce.tasks.none" not in [n["code"] for n in document["notes"]]


def test_a_roster_where_nobody_transports_says_the_documents_were_checked_for_nobody(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """No worker's tasks include transport: the three transport requirements are noted as
    checked for nobody (info), never silently."""
    _, document = staff_check([SOCIAL_WORKER], capsys, tmp_path)
    assert 3 == sum(n["code"] == "workforce.tasks.none" for n in document["notes"])


def test_turnover_over_the_last_six_months_from_leaving_dates(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """8.2 'percentage of leavers over the last 6 months' (reading turnover-of-staff). On
    Mon 6 Jan 2025 the last 6 months are Sun 7 Jul 2024 to Mon 6 Jan 2025. Staff employed
    in it: A (current), B (left 31 Oct 2024), C (left 6 Jan 2025, the last day counts),
    D (joined 1 Dec 2024) = 4; E left 30 Jun 2024, before the period, is not counted.
    Leavers: B and C = 2. 2 / 4 = 50.0 %. B, C and E have left by the day checked: B and E
    are reported as not checked (left before 6 Jan), C is checked (still employed that day)."""
    roster = [
        {"id": "A", "works_with": []},
        {"id": "B", "works_with": [], "employed_until": "2024-10-31"},
        {"id": "C", "works_with": [], "employed_until": "2025-01-06"},
        {"id": "D", "works_with": [], "employed_from": "2024-12-01"},
        {"id": "E", "works_with": [], "employed_until": "2024-06-30"},
    ]
    _, document = staff_check(roster, capsys, tmp_path, "--turnover")
    assert {
        "start": "2024-07-07",
        "end": "2025-01-06",
        "leavers": 2,
        "staff": 4,
        "percent": "50.0",
    } == document["turnover"]
    left = [w["worker_id"] for w in document["workers"] if codes_of(w) == ["workforce.worker.left"]]
    assert ["B", "E"] == left


def test_invoices_only_for_fortnights_with_delivery_sent_to_the_po_department(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The audit's D11 batch, as of Mon 17 Feb 2025. Fortnights from Mon 6 Jan 2025:
    6-19 Jan, 20 Jan-2 Feb, 3-16 Feb have ended. P1 (PO-1, invoices to Children, Young
    People and Families) has 4 hours on Tue 7 Jan at £20.00 = £80.00, nothing after:
    one invoice, 6-19 Jan, £80.00, issued Mon 20 Jan, to that department ('submitted via
    email directly to the relevant department as detailed on the Purchase Order'); the two
    empty fortnights get no invoice ('invoices ... for services delivered'), each said by
    an info finding. P2 has no PO: refused, citing 'The relevant individual Purchase Order
    number is shown on all invoices', and a warning that it names no department."""
    batch = {
        "as_of": "2025-02-17",
        "packages": [
            P1,
            {"id": "P2", "council": "plymouth", "child_id": "Y2", "start": "2025-01-06"},
        ],
        "quotations": [
            {"package_id": p, "rates": [{"amount": "20.00", "effective_from": "2025-01-06"}]}
            for p in ("P1", "P2")
        ],
        "planned": [],
        "records": [
            {"id": t, "package_id": p, "date": "2025-01-07", "start": "09:00", "end": "13:00"}
            for t, p in (("T1", "P1"), ("T2", "P2"))
        ],
    }
    path = tmp_path / "batch.json"
    path.write_text(json.dumps(batch), encoding="utf-8")
    main(["invoice", str(path), "--council", "plymouth", "--format", "json"])
    document = json.loads(capsys.readouterr().out)
    assert [("P1", "2025-01-06", "2025-01-20", "80.00", "Children, Young People and Families")] == [
        (i["package_id"], i["period"]["start"], i["issued_on"], str(i["net"]), i["send_to"])
        for i in document["invoices"]
    ]
    findings = {(f["code"], f["path"]): f for f in document["findings"]}
    nothing = [
        f["message"].split(": ")[1]
        for f in document["findings"]
        if f["code"] == "billing.period.nothing-to-invoice"
    ]
    assert [
        "nothing delivered or commissioned 2025-01-20 to 2025-02-02",
        "nothing delivered or commissioned 2025-02-03 to 2025-02-16",
    ] == nothing
    missing_po = findings[("billing.purchase-order.missing", "$.packages['P2']")]
    assert missing_po["citation"]["quote"] == (
        "The relevant individual Purchase Order number is shown on all invoices"
    )
    assert ("billing.invoice-to.missing", "$.packages['P2'].invoice_to") in findings


def test_a_child_concern_points_to_the_partnerships_procedures_not_the_mailbox() -> None:
    """9: 'adhere to the child protection procedures of the Local Safeguarding Children
    Partnership'; the text gives no number or address for a concern about a child. The
    answer stays 'not specified', and the one nearest contact is the pointer to those
    procedures (no phone, no email), never the commissioning mailbox."""
    routing = route(SPEC, Concern.CHILD, dt.datetime(2025, 1, 6, 14, tzinfo=LONDON), "plymouth")
    assert (False, ["child-protection-procedures"]) == (
        routing.specified,
        [c.id for c in routing.nearest],
    )
    [pointer] = routing.nearest
    assert (None, None) == (pointer.phone, pointer.email)
    assert "the procedures it names for child concerns" in routing.message


def test_the_council_page_lists_the_six_readings_to_confirm_together() -> None:
    """Audit section 4: effective-date, report-due-dates, invoice-deductions,
    short-breaks, sufficient-numbers and escalation-reply-window. Each carries the question
    for the Council, and the page shows them in one section, before the full list of
    readings, in the order declared."""
    registered = load_registry(only=["plymouth"]).council("plymouth")
    page = council_page(registered)
    section = page.split("## Readings to confirm")[1].split("\n## ")[0]
    listed = [line.split("`")[1] for line in section.splitlines() if line.startswith("| `")]
    assert [
        "effective-date",
        "short-breaks",
        "escalation-reply-window",
        "sufficient-numbers",
        "report-due-dates",
        "invoice-deductions",
    ] == listed
    assert page.index("## Readings to confirm") < page.index("## Readings chosen")
    assert "From what date is the specification in force?" in section


def test_the_shortest_break_is_elapsed_time_across_the_clock_change(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """6: 'best endeavours ... sufficient breaks between shifts'; the text gives no
    number, so none is applied unless the caller gives one. W1 ends Sat 29 Mar 2025 22:00
    GMT and starts again Sun 30 Mar 07:00 BST; the clocks go forward at 01:00, so the
    break is 8 hours elapsed (9 on the clock face). W2's shifts overlap by 1 hour (11:00
    start, 12:00 end): a warning. W3's record in hours and F's with no worker cannot be
    placed: each said (info). Exit 1 (the overlap)."""
    status, document = breaks(capsys, tmp_path)
    shortest = {
        w["worker_id"]: (w["shifts"], w["shortest"]["minutes"]) for w in document["workers"]
    }
    assert {"W1": (2, 480), "W2": (2, -60)} == shortest
    assert (1, None) == (status, document["minimum_minutes"])
    assert [
        "shifts.overlap",
        "shifts.times.missing",
        "shifts.worker.missing",
    ] == sorted(f["code"] for f in document["findings"])


def test_a_minimum_given_by_the_caller_reports_shorter_breaks(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """With --minimum-hours 11 (the caller's number), W1's 8-hour break is reported; with
    8, it is not (8h00 is not under 8h00)."""
    _, eleven = breaks(capsys, tmp_path, "--minimum-hours", "11")
    _, eight = breaks(capsys, tmp_path, "--minimum-hours", "8")
    short = [
        [f["message"] for f in d["findings"] if f["code"] == "shifts.break.short"]
        for d in (eleven, eight)
    ]
    assert [["worker 'W1': 8h00 between shifts 'A' and 'B', under the 11h00 given"], []] == short


def test_each_package_team_is_asked_for_the_skills_its_childs_needs_call_for(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """6 Staff, reading package-sufficient-numbers. On Mon 6 Jan 2025: A holds BSL (1 May
    2024), B PEG feeding (1 Jul 2024), C nothing. DEAF-1 (a child who signs: bsl) staffed
    by C lacks BSL; DEAF-2 staffed by A has it. TUBE-1 (peg-feeding) staffed by B has PEG
    and is not asked for tracheostomy care or BSL; TUBE-2 staffed by C lacks PEG. Every
    package is asked for first aid (nobody holds it). A package naming a worker not on the
    roster (Z) is an error. Tied skills only:
    DEAF-1 {bsl}, DEAF-2 {}, TUBE-1 {}, TUBE-2 {peg-feeding}."""
    roster = {
        "workers": [
            {
                "id": "A",
                "works_with": ["social-care"],
                "completions": [{"subject": "bsl", "completed_on": "2024-05-01"}],
            },
            {
                "id": "B",
                "works_with": ["healthcare"],
                "completions": [{"subject": "peg-feeding", "completed_on": "2024-07-01"}],
            },
            {"id": "C", "works_with": ["social-care"]},
        ],
        "packages": [
            {"id": "DEAF-1", "workers": ["C"], "needs": ["bsl"]},
            {"id": "DEAF-2", "workers": ["A"], "needs": ["bsl"]},
            {"id": "TUBE-1", "workers": ["B"], "needs": ["peg-feeding"]},
            {"id": "TUBE-2", "workers": ["C", "Z"], "needs": ["peg-feeding"]},
        ],
    }
    status, document = staff_check(roster, capsys, tmp_path)
    tied = {
        "workforce.team.bsl",
        "workforce.team.makaton",
        "workforce.team.pecs",
        "workforce.team.so-safe",
        "workforce.team.dols-working",
        *(f"workforce.team.{s}" for s in ("peg-feeding", "tracheostomy", "suction")),
    }
    by_package = {p["id"]: {f["code"] for f in p["findings"]} for p in document["packages"]}
    assert {
        "DEAF-1": {"workforce.team.bsl"},
        "DEAF-2": set(),
        "TUBE-1": set(),
        "TUBE-2": {"workforce.team.peg-feeding"},
    } == {p: codes & tied for p, codes in by_package.items()}
    assert all("workforce.team.first-aid" in codes for codes in by_package.values())
    assert "workforce.package.unknown-worker" in by_package["TUBE-2"]
    assert 1 == status


def test_a_fortnight_with_nothing_to_invoice_is_said_but_is_not_a_problem(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """P1 alone (the D11 batch without P2): one invoice, two info findings for the empty
    fortnights, and exit 0 (nothing is wrong)."""
    batch = {
        "as_of": "2025-02-17",
        "packages": [P1],
        "quotations": [
            {"package_id": "P1", "rates": [{"amount": "20.00", "effective_from": "2025-01-06"}]}
        ],
        "records": [
            {"id": "T1", "package_id": "P1", "date": "2025-01-07", "start": "09:00", "end": "13:00"}
        ],
    }
    path = tmp_path / "batch.json"
    path.write_text(json.dumps(batch), encoding="utf-8")
    status = main(["invoice", str(path), "--council", "plymouth", "--format", "json"])
    document = json.loads(capsys.readouterr().out)
    assert (0, 1, ["info", "info"]) == (
        status,
        len(document["invoices"]),
        [f["severity"] for f in document["findings"]],
    )


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


@pytest.mark.parametrize(
    "requested",
    ["family-time", "transport", "multi-agency-meetings", "engagement-with-services", "medicines"],
)
def test_listed_key_activities_are_eligible(requested: str) -> None:
    """3.1 'Key activities which the Provider may be required to undertake include':
    facilitating family time, multi-agency meetings, engagement with other services,
    transporting, administering medication. A Council referral for any of them is
    eligible (the audit's V25 refused family time)."""
    decision = check_referral(SPEC, referral_at(requested_services=(requested,)))
    assert Outcome.ELIGIBLE == decision.outcome, decision.findings


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
    assert Outcome.ELIGIBLE == check_referral(SPEC, referral_at(child=child)).outcome


def test_a_twenty_four_year_old_with_an_ehc_plan_is_not_refused_for_age() -> None:
    """No age band (reading no-age-band): the glossary's EHC Plan runs to 25 and Pathway
    Plans 16 to 25. A Council referral of a 24-year-old (born 8 Jan 2000, referred 7 Jan
    2025: 24 until the next day) is eligible."""
    child = ChildOrYoungPerson("YP", date_of_birth=D(2000, 1, 8), statuses=frozenset())
    decision = check_referral(SPEC, referral_at(child=child))
    assert (Outcome.ELIGIBLE, 24) == (decision.outcome, decision.age)


@pytest.mark.parametrize(
    "role", ["team-manager", "independent-reviewing-officer", "out-of-hours-worker"]
)
def test_any_council_referrer_may_refer(role: str) -> None:
    """3.3: 'identified and referred by the Council'. A Council team manager, IRO or Out of
    Hours worker refers like a social worker (the audit's V24 refused a team manager)."""
    decision = check_referral(
        SPEC, referral_at(referrer=Referrer(role, organisation="Plymouth City Council"))
    )
    assert Outcome.ELIGIBLE == decision.outcome


def test_a_referral_from_outside_the_council_is_refused() -> None:
    """The Council refers; a health visitor of another organisation cannot (and a parent's
    self-referral 'will not' be accepted)."""
    nhs = check_referral(SPEC, referral_at(referrer=Referrer("health-visitor", organisation="NHS")))
    parent = check_referral(SPEC, referral_at(referrer=Referrer("parent")))
    assert (Outcome.NOT_ELIGIBLE, Outcome.NOT_ELIGIBLE) == (nhs.outcome, parent.outcome)


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


def test_short_break_for_a_child_the_council_refers_is_not_refused() -> None:
    """3.2 says who short breaks are for, but its first sentence makes the Council's
    identification decisive (reading short-breaks): a Council request for a short break in
    the family home for a child in need with no disability status is eligible. The audit
    (V27) wanted a flag; see the reading for why the library does not refuse it."""
    child = ChildOrYoungPerson("YP", statuses=frozenset({Status.CHILD_IN_NEED}))
    decision = check_referral(
        SPEC, referral_at(child=child, requested_services=("short-breaks-home",))
    )
    assert Outcome.ELIGIBLE == decision.outcome
    assert "short-breaks" in {r.id for r in SPEC.readings}


def test_emergency_referral_just_after_local_midnight_in_bst() -> None:
    """Referral at 23:30 UTC on Sun 30 Mar 2025 = 00:30 BST on Mon 31 Mar: services
    commence 'on the same day as the referral is made', the local day, 31 Mar (not the UTC
    date 30 Mar)."""
    received = dt.datetime(2025, 3, 30, 23, 30, tzinfo=dt.UTC)
    decision = check_referral(SPEC, referral_at(received_at=received, urgency=Urgency.EMERGENCY))
    [deadline] = decision.deadlines
    assert ("emergency-commencement", D(2025, 3, 31)) == (deadline.rule_id, deadline.due_date)


def test_a_newborn_with_a_parent_in_hospital_is_eligible() -> None:
    """3.1 lists 'a parent and newborn baby/ies ... require support and/or supervision in
    hospital'; no age band applies: a baby born on the day of the referral (age 0) is
    eligible."""
    baby = ChildOrYoungPerson("B", date_of_birth=D(2025, 1, 7), statuses=frozenset())
    decision = check_referral(
        SPEC, referral_at(child=baby, requested_services=("parent-baby-hospital",))
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


def test_an_unlisted_request_needs_the_councils_agreement_not_refusal() -> None:
    """3.1: 'in a range of circumstances, including but not limited to': a Council
    request for 'respite' (not listed) is not refused; it needs the agreement of Plymouth
    City Council (reading open-list-of-circumstances). A listed one stays eligible."""
    decision = check_referral(SPEC, referral_at(requested_services=("respite",)))
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
    then 1 Apr 2026. Monitoring 5 working days before 1 Jan 2025 (Wed): Tue 31 (1), Mon 30
    (2), Fri 27 (3), Tue 24 (4), Mon 23 Dec 2024 (5)."""
    found = obligations_between(
        SPEC.obligations, D(2024, 10, 1), D(2024, 10, 1), D(2026, 4, 30), SPEC.calendars
    )
    meetings = [o.due_date for o in found if o.obligation_id == "contract-review-meeting"]
    assert [D(2025, 1, 1), D(2025, 4, 1), D(2025, 7, 1), D(2025, 10, 1), D(2026, 4, 1)] == meetings
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


def test_council_referral_at_any_hour_and_same_day_commencement() -> None:
    """A Council social worker's emergency referral at 03:00 on Christmas Day is accepted
    (24/7 including bank holidays) and services must commence the same day."""
    decision = check_referral(SPEC, council_referral())
    assert Outcome.ELIGIBLE == decision.outcome
    [deadline] = decision.deadlines
    assert ("emergency-commencement", D(2024, 12, 25)) == (deadline.rule_id, deadline.due_date)


def test_self_referral_is_refused() -> None:
    """ "The Provider will not accept self-referrals": a parent referring is refused."""
    parent = check_referral(SPEC, council_referral(referrer=Referrer("parent")))
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
