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
import difflib
from collections.abc import Iterable, Mapping, Sequence

import attrs

from childcare_commissioning.calendars import working_calendar
from childcare_commissioning.durations import Duration, shift_date
from childcare_commissioning.eligibility import age_on
from childcare_commissioning.model._fields import (
    to_tuple,
)
from childcare_commissioning.model.core import Citation, Finding, Severity
from childcare_commissioning.training_matrix import TrainingMatrix, as_matrix
from childcare_commissioning.workforce_model import (
    Completion,
    Declaration,
    Qualification,
    Reference,
    Registration,
    Requirement,
    RequirementKind,
    Scope,
    Worker,
)

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
    matrix: TrainingMatrix | None = None,
) -> tuple[list[Finding], list[Lapse]]:
    interval = matrix.interval(req.subject) if req.provider_matrix and matrix else None
    if interval is not None:
        req = attrs.evolve(req, refresh=interval)
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
    matrix: TrainingMatrix | Mapping[str, Duration] | None = None,
) -> WorkerReport:
    """Check ``worker`` against every individual requirement in scope on ``on``; list what
    lapses within ``horizon_days``. ``matrix`` is the provider's training matrix (a
    :class:`~childcare_commissioning.training_matrix.TrainingMatrix`, or ``{subject:
    interval}``). Also reported, never skipped in silence: requirements scoped to needs
    when the worker's ``works_with`` is not given, and completions of a subject no
    requirement names (they count for nothing)."""
    requirements = list(requirements)
    if worker.employed_until is not None and worker.employed_until < on:
        left = Finding(
            Severity.INFO,
            "workforce.worker.left",
            f"left on {worker.employed_until.isoformat()}: not checked",
            f"$.workers[{worker.id!r}].employed_until",
        )
        return WorkerReport(worker.id, on, [left], [])
    horizon = on + dt.timedelta(days=horizon_days)
    findings: list[Finding] = _needs_not_given(requirements, worker)
    lapsing: list[Lapse] = []
    table = as_matrix(matrix)
    for req in requirements:
        if req.team or not req.scope.covers(worker):
            continue
        if req.kind in (RequirementKind.TRAINING, RequirementKind.CHECK):
            found, lapses = _dated(req, worker, on, horizon, table)
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


def _needs_not_given(requirements: list[Requirement], worker: Worker) -> list[Finding]:
    """A warning when ``worker.works_with`` is not given and individual requirements
    scoped to needs would otherwise reach the worker: they cannot be applied."""
    if worker.works_with is not None:
        return []
    skipped: dict[str, list[Requirement]] = {}
    for req in requirements:
        unscoped = attrs.evolve(req.scope, needs=frozenset())
        if req.scope.needs and not req.team and unscoped.covers(worker):
            for need in req.scope.needs:
                skipped.setdefault(need, []).append(req)
    if not skipped:
        return []
    counts = ", ".join(f"{need}: {len(reqs)}" for need, reqs in sorted(skipped.items()))
    first = next(iter(skipped.values()))[0]
    return [
        Finding(
            Severity.WARNING,
            "workforce.works-with.missing",
            f"works_with is not given, so the requirements for staff working with these "
            f"needs were not applied ({counts}); give works_with, an empty list if the "
            "worker works with none of them",
            f"$.workers[{worker.id!r}].works_with",
            first.citation,
        )
    ]


def _unknown_subjects(requirements: list[Requirement], worker: Worker) -> list[Finding]:
    """A warning for each completion whose subject no dated requirement names: it counts
    for nothing, so a misspelt subject would otherwise look like a gap only."""
    dated = (RequirementKind.TRAINING, RequirementKind.CHECK)
    known = sorted({r.subject for r in requirements if r.kind in dated})
    if not known:
        return []
    found = []
    for index, completion in enumerate(worker.completions):
        if completion.subject in known:
            continue
        near = difflib.get_close_matches(completion.subject, known, n=1)
        hint = f" (did you mean {near[0]!r}?)" if near else ""
        found.append(
            Finding(
                Severity.WARNING,
                "workforce.completion.unknown-subject",
                f"{completion.subject!r} is not a subject of these requirements, so this "
                f"completion counts for nothing{hint}; `ids subjects` lists them",
                f"$.workers[{worker.id!r}].completions[{index}].subject",
            )
        )
    return found


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
    """Every worker's report, team findings, and counts. ``notes`` are findings about the
    roster as given (matrix entries not applied, requirements no worker was in scope for
    because the roster does not say), never a gap of a worker or the team."""

    on: dt.date
    workers: tuple[WorkerReport, ...] = attrs.field(converter=to_tuple)
    team: tuple[Finding, ...] = attrs.field(converter=to_tuple)
    notes: tuple[Finding, ...] = attrs.field(default=(), converter=to_tuple)

    @property
    def compliant(self) -> int:
        """How many workers are compliant."""
        return sum(1 for w in self.workers if w.compliant)


def _matrix_notes(requirements: Sequence[Requirement], matrix: TrainingMatrix) -> list[Finding]:
    """Each matrix entry that sets no interval: its subject is unknown, or no requirement
    lets the provider's matrix set its refresher."""
    allowing = {r.subject: r for r in requirements if r.provider_matrix}
    known = {r.subject for r in requirements}
    notes = []
    for index, entry in enumerate(matrix.entries):
        if entry.subject in allowing:
            continue
        why = (
            "the text does not let the provider's matrix set its refresher"
            if entry.subject in known
            else "it is not a subject of these requirements"
        )
        notes.append(
            Finding(
                Severity.WARNING,
                "workforce.matrix.not-applied",
                f"training matrix entry {entry.subject!r} ({entry.every}) is not applied: {why}",
                f"$.training_matrix.entries[{index}]",
                next(iter(allowing.values())).citation if allowing else None,
            )
        )
    return notes


def _task_notes(requirements: Sequence[Requirement], workers: Sequence[Worker]) -> list[Finding]:
    """A note for each task-scoped requirement no worker on the roster is recorded as
    doing: it was checked for nobody (say ``tasks`` on the workers who do it)."""
    done = frozenset().union(*(w.tasks for w in workers))
    notes = []
    for req in requirements:
        if req.scope.tasks and not req.scope.tasks & done:
            tasks = ", ".join(sorted(req.scope.tasks))
            notes.append(
                Finding(
                    Severity.INFO,
                    "workforce.tasks.none",
                    f"{req.wording}: checked for nobody, as no worker's tasks include {tasks}",
                    "$.workers",
                    req.citation,
                )
            )
    return notes


def _team_needs_note(
    requirements: Sequence[Requirement], workers: Sequence[Worker], needs: frozenset[str]
) -> list[Finding]:
    """A warning when workers do not say what needs they work with and team requirements
    for other needs were therefore not applied."""
    silent = sum(1 for w in workers if w.works_with is None)
    unapplied = sorted({n for r in requirements if r.team for n in r.scope.needs} - needs)
    if not silent or not unapplied:
        return []
    return [
        Finding(
            Severity.WARNING,
            "workforce.works-with.missing",
            f"{silent} worker(s) do not give works_with, so the team's needs may include "
            f"{', '.join(unapplied)}, whose team requirements were not applied",
            "$.workers",
        )
    ]


def check_roster(
    requirements: Sequence[Requirement],
    workers: Sequence[Worker],
    on: dt.date,
    horizon_days: int = 60,
    matrix: TrainingMatrix | Mapping[str, Duration] | None = None,
    needs: frozenset[str] | None = None,
) -> RosterReport:
    """Check a whole roster: each worker, then the team-level requirements.

    The team's ``needs`` default to every need its workers work with
    (``Worker.works_with``), so a team working with healthcare needs is checked for the
    "sufficient numbers" trained in the healthcare subjects; pass ``needs`` to check a
    package's own. Each worker's completions of a subject no requirement names are
    reported (they count for nothing), and so are matrix entries not applied and
    requirements the roster gives no one to check against (``notes``)."""
    table = as_matrix(matrix)
    reports = [
        attrs.evolve(
            report, findings=(*_unknown_subjects(list(requirements), worker), *report.findings)
        )
        for worker, report in (
            (w, check_worker(requirements, w, on, horizon_days, table)) for w in workers
        )
    ]
    notes = _matrix_notes(requirements, table) if table is not None else []
    notes += _task_notes(requirements, workers)
    if needs is None:
        needs = frozenset().union(*(w.works_with or frozenset() for w in workers))
        notes += _team_needs_note(requirements, workers, needs)
    return RosterReport(on, reports, check_team(requirements, workers, on, needs), notes)
