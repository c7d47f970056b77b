"""Synthetic but realistic national-year invoicing data, generated lazily, package by package.

:func:`national_year` yields one :class:`PackageYear` at a time (the package, its quotation,
its planned sessions and its delivery records), so a caller that consumes it package by
package holds one package's year at a time whatever the number of packages. The same
``(packages, fortnights, seed)`` always gives the same data: each package draws from its own
random generator seeded by ``(seed, index)``.

What a package's year holds (each drawn per package or per fortnight):

- a start on one of the 14 days of the first fortnight (so billing periods, anchored on the
  package's start, differ between packages); fortnightly billing with 5 % retention;
- a quoted standard rate from £15.00 to £20.00 (inside the band), an uplift of 50p from
  1 April 2025, a night rate for 22:00-07:00, a weekend rate and a bank-holiday rate;
- per fortnight two commissioned daytime sessions (2 or 3 hours, with a start time) and
  their delivery records: most delivered as planned, some short or long, about 5 % missed
  and 3 % cancelled by the provider (deductions);
- in a fifth of fortnights a visit without a commissioned session (additional time), often
  on a Saturday or Sunday (weekend rate);
- for a fifth of packages an overnight visit 22:00-07:00 every fortnight (the night rate;
  across 30 March and 26 October 2025 it is 8 and 10 elapsed hours);
- mileage (12 or 20 miles under the package's agreement) on about a quarter of visits.

The year starts on Monday 3 March 2025, so 26 fortnights cover both clock changes and the
England and Wales bank holidays from Good Friday 2025 to New Year's Day 2026; a session on a
bank holiday is billed at the bank-holiday rate. Each package has its own workers (``W<p>-<k>``)
and record ids (``P<p>-<fortnight>-<k>``).
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from decimal import Decimal

import attrs

from childcare_commissioning.billing import (
    BillingCycle,
    BillingTerms,
    DeliveryRecord,
    MileageAgreement,
    MileagePolicy,
    PlannedSession,
    Quotation,
    Rate,
    RateBand,
    RateCondition,
    RecordStatus,
    Release,
    Retention,
)
from childcare_commissioning.calendars import TimeWindow
from childcare_commissioning.model import Citation, Package

__all__ = [
    "COUNCIL",
    "START",
    "TERMS",
    "PackageYear",
    "as_of",
    "national_packages",
    "national_year",
]

COUNCIL = "bench"
START = dt.date(2025, 3, 3)
_CITE = Citation("bench", "1", "fortnightly in arrears")
TERMS = BillingTerms(
    BillingCycle.FORTNIGHTLY,
    _CITE,
    purchase_order_required=True,
    rate_bands=(RateBand("hourly", "Hourly", Decimal(15), Decimal(25), _CITE),),
    mileage=MileagePolicy(Decimal("0.45"), _CITE),
    retention=Retention(Decimal(5), Release.NEXT_FINANCIAL_YEAR_Q1, _CITE),
)
_UPLIFT = dt.date(2025, 4, 1)
_NIGHT = TimeWindow(dt.time(22), dt.time(7))


@attrs.frozen
class PackageYear:
    """One package's year: the package, its quotation, planned sessions and records."""

    package: Package
    quotation: Quotation
    planned: list[PlannedSession]
    records: list[DeliveryRecord]


def as_of(fortnights: int) -> dt.date:
    """The run date by which every package's ``fortnights`` periods have ended."""
    return START + dt.timedelta(days=14 * fortnights + 14)


def _package(index: int, fortnights: int, seed: int) -> tuple[Package, Quotation, bool]:
    """Package ``index``, its quotation and whether it has overnight visits."""
    rng = random.Random(f"{seed}:{index}:package")
    pid = f"P{index}"
    start = START + dt.timedelta(days=rng.randrange(14))
    end = start + dt.timedelta(days=14 * fortnights - 1)
    package = Package(pid, COUNCIL, f"YP{index}", start, end, purchase_order=f"PO{index}")
    base = Decimal(rng.randrange(1500, 2001)) / 100
    agreement = f"MA{index}"
    quotation = Quotation(
        pid,
        (
            Rate(base, start, band="hourly"),
            Rate(base + Decimal("0.50"), _UPLIFT, band="hourly"),
            Rate(base + Decimal(2), start, RateCondition.NIGHT, _NIGHT),
            Rate(base + Decimal("1.50"), start, RateCondition.WEEKEND),
            Rate(base + Decimal(4), start, RateCondition.BANK_HOLIDAY),
        ),
        # Agreed on the package's first day, in advance of every journey.
        (MileageAgreement(agreement, start),),
    )
    return package, quotation, rng.random() < 0.2


def _package_year(index: int, fortnights: int, seed: int) -> PackageYear:
    package, quotation, overnight = _package(index, fortnights, seed)
    rng = random.Random(f"{seed}:{index}:year")
    pid, start, agreement = package.id, package.start, f"MA{index}"
    workers = [f"W{index}-{k}" for k in range(3)]
    planned: list[PlannedSession] = []
    records: list[DeliveryRecord] = []

    def miles() -> Decimal:
        return Decimal(rng.choice((12, 20))) if rng.random() < 0.25 else Decimal(0)

    for fortnight in range(fortnights):
        first = start + dt.timedelta(days=14 * fortnight)
        for k, offset in enumerate((rng.randrange(0, 5), rng.randrange(7, 12))):
            day = first + dt.timedelta(days=offset)
            hour = rng.randrange(8, 17)
            minutes = rng.choice((120, 180))
            sid = f"S{index}-{fortnight}-{k}"
            planned.append(PlannedSession(sid, pid, day, minutes, dt.time(hour)))
            roll = rng.random()
            rid = f"{pid}-{fortnight}-{k}"
            if roll < 0.05:
                records.append(DeliveryRecord(rid, pid, day, RecordStatus.MISSED, planned_id=sid))
                continue
            if roll < 0.08:
                status = RecordStatus.CANCELLED_BY_PROVIDER
                records.append(DeliveryRecord(rid, pid, day, status, planned_id=sid))
                continue
            delivered = minutes + rng.choice((0, 0, 0, 0, -30, -15, 15))
            finish = dt.datetime.combine(day, dt.time(hour)) + dt.timedelta(minutes=delivered)
            records.append(
                DeliveryRecord(
                    rid,
                    pid,
                    day,
                    start=dt.time(hour),
                    end=finish.time(),
                    worker_id=workers[k],
                    planned_id=sid,
                    miles=miles(),
                    mileage_agreement=agreement,
                )
            )
        if rng.random() < 0.2:
            day = first + dt.timedelta(days=rng.choice((5, 6, 12, 13, 3)))
            hour = rng.randrange(10, 16)
            records.append(
                DeliveryRecord(
                    f"{pid}-{fortnight}-2",
                    pid,
                    day,
                    start=dt.time(hour),
                    end=dt.time(hour + rng.choice((1, 2)), rng.choice((0, 30))),
                    worker_id=workers[2],
                    miles=miles(),
                    mileage_agreement=agreement,
                )
            )
        if overnight:
            day = first + dt.timedelta(days=rng.randrange(0, 13))
            records.append(
                DeliveryRecord(
                    f"{pid}-{fortnight}-3",
                    pid,
                    day,
                    start=dt.time(22),
                    end=dt.time(7),
                    worker_id=workers[2],
                )
            )
    return PackageYear(package, quotation, planned, records)


def national_packages(
    packages: int, fortnights: int = 26, seed: int = 26
) -> Iterator[tuple[Package, Quotation]]:
    """Each package and its quotation, as :func:`national_year` gives them, without the
    year's records (cheap: for a streaming run, which takes the packages first)."""
    for index in range(packages):
        package, quotation, _ = _package(index, fortnights, seed)
        yield package, quotation


def national_year(packages: int, fortnights: int = 26, seed: int = 26) -> Iterator[PackageYear]:
    """Each package's year in turn (package ids ``P0``, ``P1``, ... in that order)."""
    for index in range(packages):
        yield _package_year(index, fortnights, seed)
