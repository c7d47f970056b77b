"""``childcare-commissioning demo``: a tour of the library on bundled example data.

Each capability adds a section here as it lands, so the demo exercises the public API
end to end.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from childcare_commissioning.cli._output import print_json, print_table
from childcare_commissioning.cli.councils import council_summary
from childcare_commissioning.cli.monitorcmd import monitoring_examples
from childcare_commissioning.convert import loads, unstructure
from childcare_commissioning.deadlines import DeadlineRule, evaluate
from childcare_commissioning.durations import Direction, Duration, DurationKind
from childcare_commissioning.errors import ConversionError
from childcare_commissioning.examples import read_example
from childcare_commissioning.model import Citation, Referral
from childcare_commissioning.obligations import obligations_between
from childcare_commissioning.registry import get_registry

__all__ = ["run"]


#: Worked examples of the calculus: copies of three of Plymouth's rules (same ids, triggers,
#: durations and citations; a test checks they match the plugin), so the demo runs even
#: when no council plugin is installed.
_EXAMPLES = (
    (
        DeadlineRule(
            id="escalate-to-manager",
            title="Escalate to the other party's nominated manager",
            trigger="issue-raised",
            duration=Duration(DurationKind.WORKING_DAYS, 3),
            citation=Citation(
                "plymouth",
                "3.3 Escalation process",
                "If an appropriate reply is not received within three working days",
            ),
        ),
        "2024-12-23T16:00:00+00:00",
    ),
    (
        DeadlineRule(
            id="notify-in-writing",
            title="Written notification of a significant or notifiable event",
            trigger="notifiable-event",
            duration=Duration(DurationKind.CLOCK_HOURS, 24),
            citation=Citation(
                "plymouth",
                "5 Significant and notifiable events",
                "must always be notified to the Council in writing within 24 hours",
            ),
        ),
        "2025-03-29T10:00:00+00:00",
    ),
    (
        DeadlineRule(
            id="monitoring-before-review",
            title="Monitoring information before the contract review meeting",
            trigger="contract-review-meeting",
            duration=Duration(DurationKind.WORKING_DAYS, 5),
            direction=Direction.BEFORE,
            citation=Citation(
                "plymouth",
                "11 Contract management",
                "at least 5 working days before each contract review meeting",
            ),
        ),
        "2025-01-08T10:00:00+00:00",
    ),
)


def _deadline_examples() -> list[dict[str, str]]:
    import datetime as dt

    found = []
    for rule, at in _EXAMPLES:
        deadline = evaluate(rule, dt.datetime.fromisoformat(at))
        found.append({"rule": rule.describe(), "event": at, "explanation": deadline.explain()})
    return found


def _obligation_examples(registry: Any) -> dict[str, dict[str, Any]]:
    """Each council's dated obligations in the first year of its example contract (from
    the contract's start, with its packages and variations): no start date is assumed, so
    a council with no example contract lists none."""
    import datetime as dt

    from childcare_commissioning.cli.contractcmd import example_contract
    from childcare_commissioning.cli.monitorcmd import contract_summary
    from childcare_commissioning.contract import contract_spec

    listed: dict[str, dict[str, Any]] = {}
    for council in registry.councils():
        contract = example_contract(registry, council)
        if contract is None:
            listed[council.id] = {"contract": None, "obligations": []}
            continue
        spec = contract_spec(council.spec, contract)
        until = contract.start.replace(year=contract.start.year + 1) - dt.timedelta(days=1)
        if contract.end is not None:
            until = min(until, contract.end)
        found = obligations_between(
            spec.obligations,
            contract.start,
            contract.start,
            until,
            spec.calendars,
            contract.packages,
        )
        listed[spec.id] = {
            "contract": contract_summary(contract),
            "obligations": [
                {
                    "due": o.due_date.isoformat(),
                    "obligation": o.title + (f" [{o.package_id}]" if o.package_id else ""),
                    "owed_by": o.owed_by.value,
                }
                for o in found
            ],
        }
    return listed


#: Example billing terms; each cites the text the term comes from.
def _example_terms() -> Any:
    from decimal import Decimal

    from childcare_commissioning.billing import BillingCycle, BillingTerms, MileagePolicy, RateBand

    return BillingTerms(
        cycle=BillingCycle.FORTNIGHTLY,
        citation=Citation(
            "plymouth", "3.3 Referral routes", "Invoices are submitted fortnightly in arrears"
        ),
        purchase_order_required=True,
        rate_bands=(
            RateBand(
                "hourly",
                "Hourly rate",
                Decimal(15),
                Decimal(20),
                Citation("somerset", "2.8 Service rates", "Range: £15-20 per hour"),
            ),
        ),
        mileage=MileagePolicy(
            Decimal("0.45"), Citation("somerset", "2.8 Service rates", ".45p per mile")
        ),
    )


def _billing_example() -> dict[str, Any]:
    import datetime as dt

    from childcare_commissioning.billing import (
        PlannedSession,
        Quotation,
        invoices_csv,
        render_invoice,
        run_invoices,
    )
    from childcare_commissioning.cli.invoicecmd import read_records
    from childcare_commissioning.convert import structure
    from childcare_commissioning.model import Finding, Package

    batch = json.loads(read_example("billing.json"))
    findings: list[Finding] = []
    result = run_invoices(
        "example",
        _example_terms(),
        structure(batch["packages"], list[Package]),
        structure(batch["quotations"], list[Quotation]),
        structure(batch["planned"], list[PlannedSession]),
        read_records(batch["records"], findings),
        dt.date(2024, 12, 16),
    )
    [invoice] = result.invoices
    return {
        "invoice": render_invoice(invoice),
        "net": str(invoice.net),
        "csv_lines": len(invoices_csv(result.invoices).splitlines()) - 1,
        "findings": [f.message for f in [*findings, *result.findings]],
    }


def _council_examples(registry: Any) -> dict[str, dict[str, Any]]:
    """Run each council's own example data (from its plugin) through its own rules."""
    import datetime as dt
    from decimal import Decimal

    from childcare_commissioning.cli.invoicecmd import run_batch
    from childcare_commissioning.convert import structure
    from childcare_commissioning.model import Finding
    from childcare_commissioning.money import format_gbp
    from childcare_commissioning.workforce import Worker, check_roster

    tours: dict[str, dict[str, Any]] = {}
    for council in registry.councils():
        spec = council.spec
        examples = registry.examples(spec.id)
        tour: dict[str, Any] = {}
        for event in examples.get("events", []):
            at = dt.datetime.fromisoformat(event["at"])
            tour.setdefault("deadlines", []).extend(
                evaluate(rule, at, spec.calendars).explain()
                for rule in spec.deadlines
                if rule.trigger == event["trigger"]
            )
        if "roster" in examples:
            workers = structure(examples["roster"], list[Worker])
            on = dt.date(2025, 1, 6)
            report = check_roster(spec.workforce, workers, on)
            tour["roster"] = {
                "on": on.isoformat(),
                "compliant": f"{report.compliant} of {len(workers)}",
                "gaps": [f"{w.worker_id}: {f.message}" for w in report.workers for f in w.findings],
                "team": [f.message for f in report.team],
            }
        if "billing" in examples and spec.billing is not None:
            batch = json.loads(json.dumps(examples["billing"]), parse_float=Decimal)
            findings: list[Finding] = []
            as_of = dt.date.fromisoformat(batch["as_of"])
            # Hourly records or claims (a text with no rate), as `invoice` runs them.
            result, _ = run_batch(spec, batch, as_of, [], findings)
            tour["invoices"] = [
                f"{i.number} PO {i.purchase_order}: net {format_gbp(i.net)} "
                f"({len(i.lines)} line{'' if len(i.lines) == 1 else 's'})"
                for i in result.invoices
            ]
            tour["invoice_net"] = [str(i.net) for i in result.invoices]
        if tour:
            tours[spec.id] = tour
    return tours


def _sections() -> dict[str, Any]:
    registry = get_registry()
    referral = loads(read_example("referral.json"), Referral)
    try:
        loads(read_example("referral-broken.json"), Referral)
    except ConversionError as exc:
        problems = [str(p) for p in exc.problems]
    else:  # pragma: no cover - the example is broken on purpose
        raise AssertionError("referral-broken.json was read without error")
    return {
        "councils": [council_summary(c) for c in registry.councils()],
        "referral": {
            "repr": repr(referral),
            "urgency": referral.urgency.value,
            "received_at": referral.received_at.isoformat(),
            "statuses": unstructure(referral.child.statuses),
        },
        "broken_referral_problems": problems,
        "deadlines": _deadline_examples(),
        "obligations_first_year": _obligation_examples(registry),
        "billing": _billing_example(),
        "councils_own_examples": _council_examples(registry),
        "monitoring": monitoring_examples(registry),
    }


def run(args: argparse.Namespace) -> int:
    """Run the tour and print each section."""
    sections = _sections()
    if args.format == "json":
        print_json(sections)
        return 0
    councils = sections["councils"]
    print_table(
        "1. Installed councils",
        ("id", "name", "plugin"),
        [(c["id"], c["name"], f"{c['distribution']} {c['version']}") for c in councils],
    )
    print("\n2. A referral read from JSON (personal data never appears in its repr):")
    print("   " + sections["referral"]["repr"])
    print("\n3. A broken referral: every problem at once, with its JSON path:")
    for problem in sections["broken_referral_problems"]:
        print(f"   - {problem}")
    print("\n4. Deadlines over Christmas, New Year and the clock change:")
    for example in sections["deadlines"]:
        print(f"   - {example['explanation']}")
    print("\n5. Each council's dated obligations in the first year of its example contract:")
    for council_id, listed in sections["obligations_first_year"].items():
        found = listed["obligations"]
        if listed["contract"] is None:
            print(f"   {council_id}: no example contract, so no dates (none is assumed)")
            continue
        print(f"   {council_id} (contract {listed['contract']}): {len(found)} in its first year")
        for item in found[:6]:
            print(f"     {item['due']}  {item['obligation']} ({item['owed_by']})")
        if len(found) > 6:
            print(f"     ... and {len(found) - 6} more (obligations --contract FILE)")
    print("\n6. A fortnight invoiced in arrears: commissioned, deductions, mileage:")
    print("\n".join("   " + line for line in sections["billing"]["invoice"].splitlines()))
    print("\n7. Each council's own example data (from its plugin) through its own rules:")
    for council_id, tour in sections["councils_own_examples"].items():
        print(f"\n   {council_id}")
        for line in tour.get("deadlines", []):
            print(f"   - {line}")
        if "roster" in tour:
            roster = tour["roster"]
            print(f"   Roster on {roster['on']}: {roster['compliant']} compliant")
            listed = roster["gaps"] + roster["team"]
            for gap in listed[:6]:
                print(f"     {gap}")
            if len(listed) > 6:
                print(f"     ... and {len(listed) - 6} more (--format json lists them all)")
        for line in tour.get("invoices", []):
            print(f"   Invoice {line}")
    print(
        "\n8. Contract monitoring: each council's example event log under its example "
        "contract, as of 4 April 2025\n   (monitor LOG --contract CONTRACT --as-of 2025-04-04):"
    )
    for council_id, found in sections["monitoring"].items():
        counts = found["counts"]
        contract = found["contract"] or "no contract: obligations not judged"
        print(
            f"   {council_id} ({contract}): {counts.get('read', 0)} events, "
            f"{found['failures']} late or missing"
        )
        for line in found["lines"]:
            print(f"     {line}")
    print("\n(JSON of this tour: childcare-commissioning demo --format json)")
    json.dumps(sections)  # the tour must stay JSON-serialisable
    return 0
