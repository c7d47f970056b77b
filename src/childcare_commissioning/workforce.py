"""Workforce compliance: what staff must have, and when it lapses.

Requirements are data a council declares, each mapping the council's own wording
(``wording``) to a shared subject id (``subject``, e.g. ``"safeguarding-children"``), with
its citation. Kinds:

- ``TRAINING``: a dated completion of a subject (at ``level`` or above), refreshed every
  ``refresh``; supervision and appraisal are dated completions too;
- ``CHECK``: a dated check such as an enhanced DBS check, re-checked every ``refresh``;
- ``QUALIFICATION``: any of ``alternatives`` held, with ``experience_years`` since the
  worker's post-qualification date;
- ``REFERENCES``: at least ``count`` written references, one from the last employer when
  ``last_employer`` is set;
- ``DECLARATION``: a declaration made; a declared conviction blocks assignment until the
  council (``approver``) approves it;
- ``REGISTRATION``: a current professional registration (NMC), with its revalidation date.

With ``provider_matrix`` the refresh interval is a default that the provider's own
training matrix may replace ("at the intervals set out in their organisational training
matrix, or at least every three years where not otherwise specified"): pass the matrix
as ``matrix={subject: Duration}``. A ``provider_matrix`` requirement with no ``refresh``
("regular supervision", no interval in the text) takes its interval from the matrix
alone; without one it is a query (a warning, ``workforce.<kind>.interval-unset``, giving
the latest date on record), never a silent pass nor an invented interval.

``team`` requirements ("sufficient numbers of staff ... trained") are judged over a team
by :func:`check_team`, not per worker. A completion is valid up to and including the day
its refresh interval ends; it lapses the day after.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Mapping, Sequence

import attrs

from childcare_commissioning.calendars import working_calendar
from childcare_commissioning.durations import Duration, shift_date
from childcare_commissioning.eligibility import age_on
from childcare_commissioning.model._fields import (
    identifier,
    non_empty,
    personal,
    to_frozenset,
    to_tuple,
)
from childcare_commissioning.model.core import Citation, Finding, Severity

__all__ = [
    "Completion",
    "Declaration",
    "Lapse",
    "Qualification",
    "Reference",
    "Registration",
    "Requirement",
    "RequirementKind",
    "RosterReport",
    "Scope",
    "Worker",
    "WorkerReport",
    "check_roster",
    "check_team",
    "check_worker",
]


class RequirementKind(enum.StrEnum):
    """The kinds of workforce requirement the specifications make."""

    TRAINING = "training"
    CHECK = "check"
    QUALIFICATION = "qualification"
    REFERENCES = "references"
    DECLARATION = "declaration"
    REGISTRATION = "registration"


@attrs.frozen
class Scope:
    """Who a requirement applies to: everyone, or only staff in direct work, or only some
    roles (``"rgn"``, ``"family-support-worker"``), or only staff working with some needs
    (``"social-care"``, ``"healthcare"``). Every given condition must hold."""

    direct_work: bool = False
    roles: frozenset[str] = attrs.field(default=frozenset(), converter=to_frozenset)
    needs: frozenset[str] = attrs.field(default=frozenset(), converter=to_frozenset)

    def covers(self, worker: Worker) -> bool:
        """Whether the scope includes ``worker``."""
        return (
            (not self.direct_work or worker.direct_work)
            and (not self.roles or bool(self.roles & worker.roles))
            and (not self.needs or bool(self.needs & worker.works_with))
        )

    def __str__(self) -> str:
        parts = ["staff in direct work" if self.direct_work else "all staff"]
        if self.roles:
            parts.append("roles " + ", ".join(sorted(self.roles)))
        if self.needs:
            parts.append("working with " + ", ".join(sorted(self.needs)) + " needs")
        return "; ".join(parts)


@attrs.frozen
class Requirement:
    """One workforce requirement of a council, in its own words, mapped to a subject."""

    id: str = attrs.field(validator=identifier)
    kind: RequirementKind
    subject: str = attrs.field(validator=identifier)
    wording: str = attrs.field(validator=non_empty)
    citation: Citation
    scope: Scope = Scope()
    refresh: Duration | None = None
    level: int | None = None
    alternatives: frozenset[str] = attrs.field(default=frozenset(), converter=to_frozenset)
    experience_years: int | None = None
    count: int = 1
    last_employer: bool = False
    approver: str | None = None
    team: bool = False
    team_minimum: int = 1
    provider_matrix: bool = False
    notes: str = ""
    #: "prior to employment": the references (or the check, training, declaration) must be
    #: in place on or before the worker's ``employed_from`` date.
    before_employment: bool = False


@attrs.frozen
class Completion:
    """A dated completion: a training course, a check (DBS), a supervision, an appraisal."""

    subject: str = attrs.field(validator=non_empty)
    completed_on: dt.date
    level: int | None = None


@attrs.frozen
class Qualification:
    """A qualification held."""

    subject: str = attrs.field(validator=non_empty)
    awarded_on: dt.date | None = None


@attrs.frozen
class Reference:
    """A written reference received."""

    received_on: dt.date
    last_employer: bool = False
    referee: str | None = personal(default=None)


@attrs.frozen
class Declaration:
    """A declaration made by the worker (``"convictions"``) and, where something was
    declared, the council's approval."""

    subject: str = attrs.field(validator=non_empty)
    declared_on: dt.date
    something_declared: bool = False
    approved_on: dt.date | None = None


@attrs.frozen
class Registration:
    """A professional registration (``body="nmc"``) with its expiry or revalidation date."""

    body: str = attrs.field(validator=non_empty)
    valid_until: dt.date
    number: str | None = personal(default=None)


@attrs.frozen
class Worker:
    """A member of staff, known by a pseudonymous ``id``; the name is personal data."""

    id: str = attrs.field(validator=non_empty)
    roles: frozenset[str] = attrs.field(default=frozenset(), converter=to_frozenset)
    direct_work: bool = True
    works_with: frozenset[str] = attrs.field(default=frozenset(), converter=to_frozenset)
    completions: tuple[Completion, ...] = attrs.field(default=(), converter=to_tuple)
    qualifications: tuple[Qualification, ...] = attrs.field(default=(), converter=to_tuple)
    experience_since: dt.date | None = None
    references: tuple[Reference, ...] = attrs.field(default=(), converter=to_tuple)
    declarations: tuple[Declaration, ...] = attrs.field(default=(), converter=to_tuple)
    registrations: tuple[Registration, ...] = attrs.field(default=(), converter=to_tuple)
    name: str | None = personal(default=None)
    #: When the worker's employment began: what "prior to employment" is checked against.
    employed_from: dt.date | None = None


@attrs.frozen
class Lapse:
    """A requirement a worker meets today that lapses on ``lapses_on``."""

    requirement_id: str
    subject: str
    lapses_on: dt.date
    citation: Citation


@attrs.frozen
class WorkerReport:
    """One worker on one date: compliant or not, every gap, and what lapses soon."""

    worker_id: str
    on: dt.date
    findings: tuple[Finding, ...] = attrs.field(converter=to_tuple)
    lapsing: tuple[Lapse, ...] = attrs.field(converter=to_tuple)

    @property
    def compliant(self) -> bool:
        """No error-level finding."""
        return not any(f.severity is Severity.ERROR for f in self.findings)


def _latest(worker: Worker, subject: str, level: int | None, on: dt.date) -> Completion | None:
    """The latest completion of ``subject`` (at ``level`` or above) on or before ``on``.

    The record is read as it stood on ``on``: a completion dated later (a renewal in a
    roster exported with its history) does not exist yet, and must not hide the earlier
    ones."""
    found = [
        c
        for c in worker.completions
        if c.subject == subject
        and c.completed_on <= on
        and (level is None or (c.level or 0) >= level)
    ]
    return max(found, key=lambda c: c.completed_on, default=None)


def _lapses_on(completed: dt.date, refresh: Duration) -> dt.date:
    due = shift_date(completed, refresh.kind, refresh.amount, working_calendar("england-and-wales"))
    return due + dt.timedelta(days=1)


def _error(req: Requirement, code: str, message: str, worker: Worker) -> Finding:
    return Finding(
        Severity.ERROR,
        f"workforce.{req.kind}.{code}",
        f"{req.wording}: {message}",
        f"$.workers[{worker.id!r}]",
        req.citation,
    )


def _dated(
    req: Requirement,
    worker: Worker,
    on: dt.date,
    horizon: dt.date,
    matrix: Mapping[str, Duration] | None = None,
) -> tuple[list[Finding], list[Lapse]]:
    if req.provider_matrix and matrix and req.subject in matrix:
        req = attrs.evolve(req, refresh=matrix[req.subject])
    latest = _latest(worker, req.subject, req.level, on)
    level = f" at level {req.level} or above" if req.level else ""
    if latest is None:
        return [_error(req, "missing", f"no {req.subject}{level} on record", worker)], []
    done = [c.completed_on for c in worker.completions if c.subject == req.subject]
    early = _before_employment(req, worker, [d for d in done if d <= on])
    if req.refresh is None and req.provider_matrix:
        return [_interval_unset(req, worker, latest.completed_on, on), *early], []
    if req.refresh is None:
        return early, []
    lapses_on = _lapses_on(latest.completed_on, req.refresh)
    if lapses_on <= on:
        message = (
            f"{req.subject} of {latest.completed_on.isoformat()} lapsed on "
            f"{lapses_on.isoformat()} (every {req.refresh})"
        )
        return [_error(req, "lapsed", message, worker), *early], []
    if lapses_on <= horizon:
        return early, [Lapse(req.id, req.subject, lapses_on, req.citation)]
    return early, []


def _interval_unset(req: Requirement, worker: Worker, latest: dt.date, on: dt.date) -> Finding:
    """A query, not a gap: the text sets no interval ("regular supervision") and none was
    given (``matrix``), so whether ``latest`` is recent enough cannot be decided."""
    days = (on - latest).days
    return Finding(
        Severity.WARNING,
        f"workforce.{req.kind}.interval-unset",
        f"{req.wording}: the latest {req.subject} on record is of {latest.isoformat()}, "
        f"{days} days before {on.isoformat()}; the text sets no interval, so whether it "
        f"has lapsed is for the interval agreed for {req.subject} (give it as the "
        "training matrix) to decide",
        f"$.workers[{worker.id!r}]",
        req.citation,
    )


def _qualification(req: Requirement, worker: Worker, on: dt.date) -> list[Finding]:
    accepted = req.alternatives or frozenset({req.subject})
    held = [q for q in worker.qualifications if q.awarded_on is None or q.awarded_on <= on]
    if not any(q.subject in accepted for q in held):
        listed = ", ".join(sorted(accepted))
        return [_error(req, "missing", f"holds none of: {listed}", worker)]
    if req.experience_years:
        since = worker.experience_since
        years = age_on(since, on) if since is not None and since <= on else 0
        if years < req.experience_years:
            message = f"{years} years' post-qualification experience of {req.experience_years}"
            return [_error(req, "experience", message, worker)]
    return []


def _before_employment(req: Requirement, worker: Worker, dates: list[dt.date]) -> list[Finding]:
    """For a "prior to employment" requirement: enough of ``dates`` on or before the
    worker's employment start; a missing start is a warning (it cannot be checked)."""
    if not req.before_employment:
        return []
    start = worker.employed_from
    if start is None:
        return [
            Finding(
                Severity.WARNING,
                f"workforce.{req.kind}.employment-start-unknown",
                f"{req.wording}: must be in place before employment, but the worker's "
                "employment start (employed_from) is not given",
                f"$.workers[{worker.id!r}].employed_from",
                req.citation,
            )
        ]
    before = [d for d in dates if d <= start]
    if len(before) < req.count:
        message = (
            f"{len(before)} of {req.count} in place before employment began on {start.isoformat()}"
        )
        return [_error(req, "after-employment", message, worker)]
    return []


def _references(req: Requirement, worker: Worker, on: dt.date) -> list[Finding]:
    received = [r for r in worker.references if r.received_on <= on]
    problems = []
    if len(received) < req.count:
        problems.append(
            _error(req, "missing", f"{len(received)} of {req.count} references", worker)
        )
    if req.last_employer and not any(r.last_employer for r in received):
        problems.append(_error(req, "last-employer", "none from the last employer", worker))
    if not problems:
        problems += _before_employment(req, worker, [r.received_on for r in received])
    return problems


def _declaration(req: Requirement, worker: Worker, on: dt.date) -> list[Finding]:
    made = [d for d in worker.declarations if d.subject == req.subject and d.declared_on <= on]
    if not made:
        return [_error(req, "missing", f"no {req.subject} declaration", worker)]
    latest = max(made, key=lambda d: d.declared_on)
    if latest.something_declared and (latest.approved_on is None or latest.approved_on > on):
        approver = req.approver or "the council"
        message = f"a declared {req.subject} blocks assignment until {approver} approves"
        return [_error(req, "awaiting-approval", message, worker)]
    return []


def _registration(
    req: Requirement, worker: Worker, on: dt.date, horizon: dt.date
) -> tuple[list[Finding], list[Lapse]]:
    held = [r for r in worker.registrations if r.body == req.subject]
    if not held:
        return [_error(req, "missing", f"no {req.subject} registration", worker)], []
    latest = max(held, key=lambda r: r.valid_until)
    if latest.valid_until < on:
        message = f"{req.subject} registration expired on {latest.valid_until.isoformat()}"
        return [_error(req, "expired", message, worker)], []
    if latest.valid_until < horizon:
        lapse = Lapse(req.id, req.subject, latest.valid_until + dt.timedelta(days=1), req.citation)
        return [], [lapse]
    return [], []


def check_worker(
    requirements: Iterable[Requirement],
    worker: Worker,
    on: dt.date,
    horizon_days: int = 60,
    matrix: Mapping[str, Duration] | None = None,
) -> WorkerReport:
    """Check ``worker`` against every individual requirement in scope on ``on``; list what
    lapses within ``horizon_days``. ``matrix`` is the provider's training matrix."""
    horizon = on + dt.timedelta(days=horizon_days)
    findings: list[Finding] = []
    lapsing: list[Lapse] = []
    for req in requirements:
        if req.team or not req.scope.covers(worker):
            continue
        if req.kind in (RequirementKind.TRAINING, RequirementKind.CHECK):
            found, lapses = _dated(req, worker, on, horizon, matrix)
        elif req.kind is RequirementKind.REGISTRATION:
            found, lapses = _registration(req, worker, on, horizon)
        elif req.kind is RequirementKind.QUALIFICATION:
            found, lapses = _qualification(req, worker, on), []
        elif req.kind is RequirementKind.REFERENCES:
            found, lapses = _references(req, worker, on), []
        else:
            found, lapses = _declaration(req, worker, on), []
        findings += found
        lapsing += lapses
    for lapse in lapsing:
        findings.append(
            Finding(
                Severity.WARNING,
                "workforce.lapsing",
                f"{lapse.subject} lapses on {lapse.lapses_on.isoformat()}",
                f"$.workers[{worker.id!r}]",
                lapse.citation,
            )
        )
    return WorkerReport(worker.id, on, findings, sorted(lapsing, key=lambda x: x.lapses_on))


def check_team(
    requirements: Iterable[Requirement],
    workers: Sequence[Worker],
    on: dt.date,
    needs: frozenset[str] = frozenset(),
) -> list[Finding]:
    """Team-level ("sufficient numbers") requirements over the workers of a package.

    A requirement applies when it names no needs or shares one with ``needs`` (the
    package's: ``"healthcare"`` for PEG feeding and tracheostomy care); it is met when at
    least ``team_minimum`` workers of its direct-work and role scope hold a valid
    completion of the subject.
    """
    findings = []
    far = on + dt.timedelta(days=1)
    for req in requirements:
        if not req.team or (req.scope.needs and not req.scope.needs & needs):
            continue
        role_scope = Scope(req.scope.direct_work, req.scope.roles)
        in_scope = [w for w in workers if role_scope.covers(w)]
        trained = [w for w in in_scope if not _dated(req, w, on, far)[0]]
        if len(trained) < req.team_minimum:
            findings.append(
                Finding(
                    Severity.WARNING,
                    f"workforce.team.{req.subject}",
                    f"{req.wording}: {len(trained)} of {len(workers)} staff trained "
                    f"(at least {req.team_minimum} needed)",
                    "$.workers",
                    req.citation,
                )
            )
    return findings


@attrs.frozen
class RosterReport:
    """Every worker's report, team findings, and counts."""

    on: dt.date
    workers: tuple[WorkerReport, ...] = attrs.field(converter=to_tuple)
    team: tuple[Finding, ...] = attrs.field(converter=to_tuple)

    @property
    def compliant(self) -> int:
        """How many workers are compliant."""
        return sum(1 for w in self.workers if w.compliant)


def check_roster(
    requirements: Sequence[Requirement],
    workers: Sequence[Worker],
    on: dt.date,
    horizon_days: int = 60,
    matrix: Mapping[str, Duration] | None = None,
    needs: frozenset[str] | None = None,
) -> RosterReport:
    """Check a whole roster: each worker, then the team-level requirements.

    The team's ``needs`` default to every need its workers work with
    (``Worker.works_with``), so a team working with healthcare needs is checked for the
    "sufficient numbers" trained in the healthcare subjects; pass ``needs`` to check a
    package's own."""
    reports = [check_worker(requirements, w, on, horizon_days, matrix) for w in workers]
    if needs is None:
        needs = frozenset().union(*(w.works_with for w in workers))
    return RosterReport(on, reports, check_team(requirements, workers, on, needs))
