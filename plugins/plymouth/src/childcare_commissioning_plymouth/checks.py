"""Plymouth's rules computed in code (each named by a ``Computation`` in
``duties.COMPUTATIONS``): the roster check, with the healthcare training the team's needs
call for, and the policies KPI (8.1)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from decimal import Decimal

import attrs

from childcare_commissioning.durations import Duration
from childcare_commissioning.errors import ModelValueError
from childcare_commissioning.model import Finding
from childcare_commissioning.policies import PolicyEntry, PolicyReport, check_policy_report
from childcare_commissioning.training_matrix import TrainingMatrix
from childcare_commissioning.workforce import RosterReport, Worker, check_roster
from childcare_commissioning_plymouth.rules import POLICY_LIST, WHERE_RELEVANT, WORKFORCE

__all__ = ["PolicyReview", "check_staff", "policy_kpi"]


def check_staff(
    workers: Sequence[Worker],
    on: dt.date,
    horizon_days: int = 60,
    matrix: TrainingMatrix | Mapping[str, Duration] | None = None,
) -> RosterReport:
    """Check a Plymouth team on ``on``: each worker, and the "sufficient numbers" training
    of the team, including the healthcare subjects (PEG feeding, tracheostomy care,
    suction, ventilation...) whenever any worker works with healthcare needs.

    Section 6 asks for "sufficient numbers of staff undertaking direct work with children
    and young people with personal / healthcare needs" trained in eight subjects. The
    core's ``check_roster`` takes the team's needs from the needs its workers work with
    (``Worker.works_with``), so the command line's ``staff-check`` gives the same answer;
    this is Plymouth's requirements applied through it.

    ``matrix`` is the Provider's organisational training matrix, the primary refresher
    interval of the social-care subjects ("at the intervals set out in their
    organisational training matrix, or at least every three years where not otherwise
    specified"); the command line reads it from the roster document's
    ``training_matrix``.
    """
    return check_roster(WORKFORCE, workers, on, horizon_days, matrix)


@attrs.frozen
class PolicyReview:
    """One row of the quarterly report: last review, next due, key changes."""

    last_reviewed: dt.date
    next_due: dt.date
    key_changes: str = ""


def policy_kpi(
    reviews: Mapping[str, PolicyReview],
    on: dt.date,
    not_applicable: frozenset[str] = frozenset(),
) -> tuple[Decimal, list[Finding]]:
    """The percentage of the applicable policies within their review timescale on ``on``
    (target 100%), and a finding for each missing or overdue one.

    ``not_applicable`` names policies the KPI lists "(where relevant)" that do not apply to
    the provider (a provider with no clinical staff has no clinical governance structure):
    they leave the count (reading policy-not-applicable). Naming any other policy is an
    error, since the text makes only those optional. The same check as the command line's
    ``policies`` (:func:`childcare_commissioning.policies.check_policy_report` over
    :data:`POLICY_LIST`).
    """
    unknown = sorted(not_applicable - WHERE_RELEVANT)
    if unknown:
        raise ModelValueError(
            "not_applicable",
            "policy-kpi",
            f"only {', '.join(sorted(WHERE_RELEVANT))} may be not applicable; "
            f"got {', '.join(repr(u) for u in unknown)}",
        )
    entries = [
        PolicyEntry(policy, review.last_reviewed, review.next_due, review.key_changes)
        for policy, review in reviews.items()
        if policy not in not_applicable
    ]
    entries += [PolicyEntry(policy, not_applicable=True) for policy in sorted(not_applicable)]
    result = check_policy_report(POLICY_LIST, PolicyReport(on, entries))
    codes = {
        "policies.not-reported": "plymouth.kpi.policy-missing",
        "policies.overdue": "plymouth.kpi.policy-overdue",
    }
    findings = [
        attrs.evolve(f, code=codes.get(f.code, f.code), path="$.policies") for f in result.findings
    ]
    return result.percent, findings
