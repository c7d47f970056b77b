"""Plymouth: the examples hook's documents (``examples/``) and the commands run over them."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from childcare_commissioning_plymouth import (
    POLICIES,
    SPEC,
)

from childcare_commissioning.billing import DeliveryRecord, Quotation, run_invoices
from childcare_commissioning.cli import main
from childcare_commissioning.convert import structure
from childcare_commissioning.model import Package
from childcare_commissioning.registry import load_registry
from childcare_commissioning.workforce import Worker

from .helpers import HEALTHCARE, D, team_codes


def test_the_quarterly_policy_report_through_the_command_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """8.1: '100% of policies reviewed / updated within appropriate timescale', reported
    quarterly with last review, next due and key changes. A report judged on Mon 6 Jan
    2025: clinical governance '(where relevant)' not applicable (reading
    policy-not-applicable), Lone working due 1 Dec 2024 (overdue), the other 14 reviewed
    1 Jun 2024 and due 1 Jun 2025 (in date; 'Equality and Diversity' is the listed
    'Equality & Diversity'), and a 'Whistleblowing' policy the list does not name. In date:
    14 of 15 applicable = 93.333... = 93.3 %, below the 100 % target: exit 1. The unlisted
    policy is reported, not dropped."""
    clinical = "Clinical governance structure (where relevant)"
    entries: list[dict[str, object]] = [
        {
            "policy": "Equality and Diversity" if p == "Equality & Diversity" else p,
            "last_reviewed": "2024-06-01",
            "next_due": "2025-06-01",
        }
        for p in POLICIES
        if p not in (clinical, "Lone working policy")
    ]
    entries += [
        {"policy": clinical, "not_applicable": True},
        {"policy": "Lone working policy", "last_reviewed": "2023-12-01", "next_due": "2024-12-01"},
        {"policy": "Whistleblowing", "last_reviewed": "2024-06-01", "next_due": "2025-06-01"},
    ]
    path = tmp_path / "report.json"
    path.write_text(
        json.dumps({"on": "2025-01-06", "period": "2024-Q3", "policies": entries}), "utf-8"
    )
    status = main(["policies", str(path), "--council", "plymouth", "--format", "json"])
    document = json.loads(capsys.readouterr().out)
    assert (1, "93.3", False) == (status, str(document["percent"]), document["met"])
    statuses = {r["policy"]: r["status"] for r in document["rows"]}
    assert 16 == len(statuses)
    assert ("not-applicable", "overdue", "in-date") == (
        statuses[clinical],
        statuses["Lone working policy"],
        statuses["Equality & Diversity"],
    )
    assert [
        ("policies.overdue", "$.policies[15].next_due"),
        ("policies.unknown", "$.policies[16].policy"),
    ] == sorted((f["code"], f["path"]) for f in document["findings"])
    assert 0 == main(["schema", "policy-report"])
    assert "PolicyEntry" in json.loads(capsys.readouterr().out)["$defs"]


def test_example_roster_healthcare_gaps() -> None:
    """The bundled roster: W-02 (RGN, healthcare) holds PEG feeding of 1 Jul 2024, nobody
    holds the other seven healthcare subjects: on 6 Jan 2025 seven findings, not PEG."""
    roster = load_registry(only=["plymouth"]).examples("plymouth")["roster"]
    workers = structure(roster, list[Worker])
    codes = team_codes(workers, D(2025, 1, 6))
    missing = {s for s in HEALTHCARE if f"workforce.team.{s}" in codes}
    assert set(HEALTHCARE) - {"peg-feeding"} == missing


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
    from childcare_commissioning.billing import PlannedSession
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
