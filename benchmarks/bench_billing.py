"""A year of fortnightly invoicing for 10,000 packages: time and peak memory.

Each package has two visits a week for a year (104 records, about a million in all), half
of them against planned sessions, a few with agreed mileage. Reference, measured in the
same run: a plain-Python sum of hours x rate + miles x 45p over the same records, rounded
once per record (the least any invoicing must do). Times from untraced runs; peak memory
from a second, traced run.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _harness import measure

from childcare_commissioning.billing import (
    BillingCycle,
    BillingTerms,
    DeliveryRecord,
    MileagePolicy,
    PlannedSession,
    Quotation,
    Rate,
    RateBand,
    run_invoices,
)
from childcare_commissioning.model import Citation, Package
from childcare_commissioning.money import to_penny

PACKAGES = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
CITE = Citation("bench", "1", "fortnightly in arrears")
TERMS = BillingTerms(
    BillingCycle.FORTNIGHTLY,
    CITE,
    purchase_order_required=True,
    rate_bands=(RateBand("hourly", "Hourly", Decimal(15), Decimal(20), CITE),),
    mileage=MileagePolicy(Decimal("0.45"), CITE),
)
START = dt.date(2024, 4, 1)


def inputs() -> tuple[list[Package], list[Quotation], list[PlannedSession], list[DeliveryRecord]]:
    rng = random.Random(5)
    packages, quotes, planned, records = [], [], [], []
    for p in range(PACKAGES):
        pid = f"P{p}"
        packages.append(Package(pid, "bench", f"YP{p}", START, purchase_order=f"PO{p}"))
        quotes.append(
            Quotation(
                pid, (Rate(Decimal(rng.randrange(1500, 2001)) / 100, START),), frozenset({"MA"})
            )
        )
        for week in range(52):
            for visit in range(2):
                day = START + dt.timedelta(days=7 * week + 2 * visit + 1)
                rid = f"{pid}-{week}-{visit}"
                planned_id = None
                if visit == 0:
                    planned_id = f"S-{rid}"
                    planned.append(PlannedSession(planned_id, pid, day, 120))
                hour = rng.randrange(8, 18)
                records.append(
                    DeliveryRecord(
                        rid,
                        pid,
                        day,
                        start=dt.time(hour),
                        end=dt.time(hour + rng.choice((1, 2, 3)), rng.choice((0, 15, 30))),
                        planned_id=planned_id,
                        miles=Decimal(rng.choice((0, 0, 0, 12))),
                        mileage_agreement="MA",
                    )
                )
    return packages, quotes, planned, records


def main() -> None:
    packages, quotes, planned, records = inputs()
    print(f"{PACKAGES:,} packages, {len(records):,} records, {len(planned):,} planned sessions")
    rates = {q.package_id: q.rates[0].amount for q in quotes}

    def reference() -> Decimal:
        total = Decimal(0)
        for r in records:
            total += to_penny(
                rates[r.package_id] * Decimal(r.minutes) / 60 + r.miles * Decimal("0.45")
            )
        return total

    ref_time, _ = measure("reference: plain-Python sum", reference)
    run_time, result = measure(
        "run_invoices over the year",
        lambda: run_invoices(
            "bench", TERMS, packages, quotes, planned, records, dt.date(2025, 4, 1)
        ),
    )
    billed = sum(len(i.record_ids) for i in result.invoices)
    print(
        f"  {len(result.invoices):,} invoices, {billed:,} records billed, "
        f"{len(result.pending):,} pending, {len(result.findings)} findings, net {result.net}"
    )
    print(
        f"ratio: run_invoices takes {run_time / ref_time:.1f}x the plain sum "
        f"({run_time / len(records) * 1e6:.1f} µs per record)"
    )


if __name__ == "__main__":
    main()
