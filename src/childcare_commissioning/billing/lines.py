"""Invoice lines of one billing period: commissioned sessions against delivery (deductions,
additional time), unplanned visits, mileage and late records, one line per rate."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from childcare_commissioning.billing.documents import InvoiceLine, LineKind
from childcare_commissioning.billing.rates import (
    _LABELS,
    _RULES,
    _hours,
    _money,
    session_parts,
    visit_parts,
)
from childcare_commissioning.billing.records import (
    DeliveryRecord,
    PlannedSession,
    RecordStatus,
)
from childcare_commissioning.billing.screening import _finding, _Package
from childcare_commissioning.billing.terms import (
    BillingTerms,
    Rate,
)
from childcare_commissioning.model.core import Finding
from childcare_commissioning.money import to_penny
from childcare_commissioning.schedules import Period


def _mileage_line(
    record: DeliveryRecord, entry: _Package, terms: BillingTerms, findings: list[Finding]
) -> InvoiceLine | None:
    policy = terms.mileage
    if not record.miles:
        return None
    path = f"$.records[{record.id!r}].miles"
    if policy is None:
        findings.append(
            _finding(
                "billing.mileage.not-payable",
                f"record {record.id!r}: this council pays no mileage",
                path,
                terms.citation,
            )
        )
        return None
    agreement = entry.agreement(record.mileage_agreement)
    if policy.requires_agreement and agreement is None:
        findings.append(
            _finding(
                "billing.mileage.no-agreement",
                f"record {record.id!r}: {record.miles} miles without a mileage agreement "
                "made in advance; mileage not billed",
                path,
                policy.citation,
            )
        )
        return None
    if policy.requires_agreement and agreement is not None and agreement.agreed_on > record.date:
        findings.append(
            _finding(
                "billing.mileage.agreed-after-journey",
                f"record {record.id!r}: {record.miles} miles on {record.date.isoformat()}, but "
                f"mileage agreement {agreement.id!r} was made on "
                f"{agreement.agreed_on.isoformat()}, after the journey, not in advance; "
                "mileage not billed",
                path,
                policy.citation,
            )
        )
        return None
    return InvoiceLine(
        LineKind.MILEAGE,
        f"Mileage {record.date.isoformat()} ({record.mileage_agreement or 'no reference'})",
        record.miles,
        "mile",
        policy.per_mile,
        to_penny(record.miles * policy.per_mile, terms.rounding),
        "mileage",
        policy.citation,
        record.date,
        record.id,
    )


def _record_rates(record: DeliveryRecord, entry: _Package) -> list[tuple[Rate | None, int]]:
    """Delivered elapsed minutes of ``record`` at each rate (split at rate boundaries);
    none for a record not delivered or not lasting a minute."""
    assert entry.rates is not None
    if record.status is not RecordStatus.DELIVERED:
        return []
    if record.start is None or record.end is None:
        minutes = record.minutes
        return [(entry.rates.for_session(record.date, None), minutes)] if minutes else []
    # Nothing for a visit of no elapsed minutes (or ending before its start).
    rates = entry.rates
    return rates.priced(
        visit_parts(record.date, record.start, record.end, record.end_date, rates.edges)
    )


def _session_rates(session: PlannedSession, entry: _Package) -> list[tuple[Rate | None, int]]:
    """Commissioned minutes of ``session`` at each rate (split at rate boundaries when its
    start is known)."""
    assert entry.rates is not None
    if session.start is None or not session.minutes:
        return [(entry.rates.for_session(session.date, session.start), session.minutes)]
    rates = entry.rates
    return rates.priced(session_parts(session.date, session.start, session.minutes, rates.edges))


def _no_rate(day: dt.date, entry: _Package, findings: list[Finding], path: str) -> None:
    findings.append(
        _finding(
            "billing.rate.none-in-force",
            f"no quoted rate in force on {day.isoformat()}",
            path,
            entry.terms.citation,
        )
    )


def _service_lines(
    kind: LineKind,
    text: str,
    record: DeliveryRecord,
    entry: _Package,
    findings: list[Finding],
) -> list[InvoiceLine]:
    """One line per rate for the delivered time of ``record``."""
    lines = []
    for rate, minutes in _record_rates(record, entry):
        if rate is None:
            _no_rate(record.date, entry, findings, f"$.records[{record.id!r}]")
            continue
        lines.append(
            InvoiceLine(
                kind,
                f"{text} {record.date.isoformat()}{_LABELS[rate.condition]}",
                _hours(minutes),
                "hour",
                rate.amount,
                _money(minutes, rate, entry.terms),
                _RULES[rate.condition],
                entry.terms.citation,
                record.date,
                record.id,
                record.planned_id,
                minutes,
            )
        )
    return lines


def _period_lines(
    period: Period,
    sessions: list[PlannedSession],
    records: list[DeliveryRecord],
    entry: _Package,
    findings: list[Finding],
) -> list[InvoiceLine]:
    lines: list[InvoiceLine] = []
    linked: dict[str, list[DeliveryRecord]] = defaultdict(list)
    for record in records:
        if record.planned_id is not None:
            linked[record.planned_id].append(record)
    planned_ids = set()
    for session in sorted(sessions, key=lambda s: (s.date, s.id)):
        if not period.start <= session.date <= period.end:  # as ``in period``, inline
            continue
        planned_ids.add(session.id)
        delivered = linked.get(session.id, [])
        # Commissioned and delivered minutes per rate (a session or a visit crossing a
        # rate boundary is split there); one commissioned line and at most one
        # difference line per rate.
        per_rate: dict[int, tuple[Rate | None, int, int]] = {}
        for rate, minutes in _session_rates(session, entry):
            old = per_rate.get(id(rate), (rate, 0, 0))
            per_rate[id(rate)] = (rate, old[1] + minutes, old[2])
        for record in delivered:
            for rate, minutes in _record_rates(record, entry):
                old = per_rate.get(id(rate), (rate, 0, 0))
                per_rate[id(rate)] = (rate, old[1], old[2] + minutes)
        if any(rate is None for rate, _, _ in per_rate.values()):
            _no_rate(session.date, entry, findings, f"$.planned[{session.id!r}]")
            continue
        for rate, planned_minutes, minutes in per_rate.values():
            assert rate is not None
            commissioned = _money(planned_minutes, rate, entry.terms)
            # The deduction (or addition) is computed from the two rounded values, so the
            # invoice comes to exactly the rounded value of what was delivered.
            difference = _money(minutes, rate, entry.terms) - commissioned
            if planned_minutes:
                lines.append(
                    InvoiceLine(
                        LineKind.COMMISSIONED,
                        f"Commissioned session {session.date.isoformat()}{_LABELS[rate.condition]}",
                        _hours(planned_minutes),
                        "hour",
                        rate.amount,
                        commissioned,
                        _RULES[rate.condition],
                        entry.terms.citation,
                        session.date,
                        None,
                        session.id,
                        planned_minutes,
                    )
                )
            if minutes == planned_minutes:
                continue
            if minutes < planned_minutes:
                statuses = sorted(
                    {r.status.value for r in delivered if r.status is not RecordStatus.DELIVERED}
                )
                reason = ", ".join(statuses) or ("short" if minutes else "missed, no record")
                kind, text = LineKind.DEDUCTION, f"Commissioned but not delivered ({reason})"
            else:
                kind, text = LineKind.ADDITIONAL, "Delivered beyond the commissioned session"
            lines.append(
                InvoiceLine(
                    kind,
                    f"{text} {session.date.isoformat()}{_LABELS[rate.condition]}",
                    _hours(minutes - planned_minutes),
                    "hour",
                    rate.amount,
                    difference,
                    "commissioned-not-delivered"
                    if kind is LineKind.DEDUCTION
                    else _RULES[rate.condition],
                    entry.terms.citation,
                    session.date,
                    None,
                    session.id,
                    minutes - planned_minutes,
                )
            )
    for record in sorted(records, key=lambda r: (r.date, r.id)):
        unplanned = record.planned_id is None or record.planned_id not in planned_ids
        if unplanned:
            lines += _service_lines(
                LineKind.ADDITIONAL,
                "Delivered without a commissioned session",
                record,
                entry,
                findings,
            )
        if record.miles:  # no mileage line (nor finding) for none
            mileage = _mileage_line(record, entry, entry.terms, findings)
            if mileage is not None:
                lines.append(mileage)
    return lines
