"""A roster as a document, and what is counted over it: staff turnover.

A roster document is either a plain list of workers or an object that also carries the
provider's training matrix (``{"workers": [...], "training_matrix": {...}}``): the
matrix is where the text puts the refresher intervals ("at the intervals set out in their
organisational training matrix, or at least every three years where not otherwise
specified"), so it belongs with the staff records it is applied to.

Turnover: "percentage of leavers over the last 6 months" (Plymouth 8.2). A leaver is a
worker whose ``employed_until`` falls in the period; the percentage is of the workers
employed at any time in the period (a worker with no ``employed_from`` counts as
employed from before it, as the roster lists them). The text names no denominator: the
council reads its own (see the reading its plugin records); :class:`Turnover` keeps both
counts so any other can be worked from them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import attrs

from childcare_commissioning.calendars import working_calendar
from childcare_commissioning.durations import DurationKind, shift_date
from childcare_commissioning.model._fields import non_empty, to_frozenset, to_tuple
from childcare_commissioning.model.core import Finding, Severity
from childcare_commissioning.monitoring.periods import present_in
from childcare_commissioning.training_matrix import TrainingMatrix
from childcare_commissioning.workforce import check_team
from childcare_commissioning.workforce_model import Requirement, Worker

__all__ = [
    "PackageTeam",
    "Roster",
    "Turnover",
    "check_package_team",
    "last_months",
    "roster_of",
    "turnover",
]


@attrs.frozen
class PackageTeam:
    """The staff on one package and the needs of its child: the general ones
    (``"healthcare"``, ``"social-care"``) and specific ones the council's team
    requirements name (``"bsl"``, ``"peg-feeding"``: ``ids needs`` lists them).
    ``workers`` are ids of workers on the roster."""

    id: str = attrs.field(validator=non_empty)
    """The id of the package whose team this is."""
    workers: frozenset[str] = attrs.field(converter=to_frozenset)
    """The ids of the workers on the package, each a worker of the roster."""
    needs: frozenset[str] = attrs.field(default=frozenset(), converter=to_frozenset)
    """The needs of the package's child: general ones ("healthcare", "social-care") and specific
    ones the council's team requirements name ("bsl", "peg-feeding"; `ids needs` lists them)."""


@attrs.frozen
class Roster:
    """A roster: the workers, the provider's training matrix when it sets refresher
    intervals (``training_matrix``), and the packages whose teams are checked for the
    "sufficient numbers" their children's needs call for (``packages``)."""

    workers: tuple[Worker, ...] = attrs.field(converter=to_tuple)
    """The provider's staff."""
    training_matrix: TrainingMatrix | None = None
    """The provider's training matrix, where it sets refresher intervals the council's text leaves
    to it."""
    packages: tuple[PackageTeam, ...] = attrs.field(default=(), converter=to_tuple)
    """The packages whose teams are checked for the sufficient numbers their children's needs call
    for."""


def _asked(req: Requirement, needs: frozenset[str]) -> bool:
    """Whether a package whose child has ``needs`` is asked for team requirement ``req``:
    always when it names no needs; else when the child has one it names (a specific
    need, or a general one such as healthcare)."""
    if not req.for_needs and not req.scope.needs:
        return True
    return bool((req.for_needs | req.scope.needs) & needs)


def check_package_team(
    requirements: Sequence[Requirement],
    package: PackageTeam,
    workers: Sequence[Worker],
    on: dt.date,
) -> list[Finding]:
    """The "sufficient numbers" of one package's team on ``on``: each team requirement
    the child's needs call for (:func:`_asked`), held by at least its ``team_minimum`` of
    the package's direct-work staff. A worker id the roster does not have is an error."""
    path = f"$.packages[{package.id!r}]"
    known = {w.id: w for w in workers}
    findings = [
        Finding(
            Severity.ERROR,
            "workforce.package.unknown-worker",
            f"package {package.id!r} names worker {worker_id!r}, who is not on the roster",
            f"{path}.workers",
        )
        for worker_id in sorted(package.workers - set(known))
    ]
    team = [known[i] for i in sorted(package.workers & set(known))]
    asked = [
        attrs.evolve(r, scope=attrs.evolve(r.scope, needs=frozenset()))
        for r in requirements
        if r.team and _asked(r, package.needs)
    ]
    for finding in check_team(asked, team, on):
        findings.append(
            attrs.evolve(finding, message=f"package {package.id!r}: {finding.message}", path=path)
        )
    return findings


def roster_of(document: Any) -> Any:
    """A roster document as parsed JSON in the object form: a plain list of workers is
    the ``workers`` of a roster with no matrix (read it with the converter as
    :class:`Roster`)."""
    return {"workers": document} if isinstance(document, list) else document


@attrs.frozen
class Turnover:
    """Staff turnover over ``start``-``end`` (both days included): ``leavers`` of the
    ``staff`` employed at any time in the period."""

    start: dt.date
    end: dt.date
    leavers: int
    staff: int

    @property
    def percent(self) -> Decimal | None:
        """Leavers as a percentage of the staff, to one decimal place (half up); ``None``
        when nobody was employed in the period."""
        if not self.staff:
            return None
        share = Decimal(100 * self.leavers) / Decimal(self.staff)
        return share.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def last_months(end: dt.date, months: int = 6) -> tuple[dt.date, dt.date]:
    """The ``months`` months ending with ``end``: from the day after the same date
    ``months`` months earlier (clamped to a shorter month) to ``end``. The last 6 months
    to Tue 30 Sep 2025 are Mon 31 Mar to Tue 30 Sep 2025."""
    # Month arithmetic reads no working days; shift_date takes a calendar for all kinds.
    calendar = working_calendar("england-and-wales")
    start = shift_date(end, DurationKind.MONTHS, -months, calendar) + dt.timedelta(days=1)
    return start, end


def turnover(workers: Sequence[Worker], start: dt.date, end: dt.date) -> Turnover:
    """Turnover over ``start``-``end``: leavers are workers whose last day of employment
    falls in it; staff are workers employed on any day of it."""
    # The monitor's span counts (a staff-turnover KPI from an event log) use the same.
    staff, leavers = present_in(
        ((w, w.employed_from, w.employed_until) for w in workers), start, end
    )
    return Turnover(start, end, len(leavers), len(staff))
