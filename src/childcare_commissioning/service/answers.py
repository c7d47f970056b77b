"""The shapes of the answers the command line builds as plain JSON objects.

Most answers are the library's own attrs models (a referral decision, a roster report,
an invoice run), unstructured by the one converter. A few commands build their JSON
objects themselves (``councils``, ``clauses``, ``ids``, ``working-days``, ``monitor``):
their shapes are declared here once, as attrs models, so the OpenAPI document is generated
for them as for the rest. The service builds each answer with the command's own function
and reads it through :func:`fits`, so an answer that ever drifted from its declared shape
fails loudly (a test) instead of breaking a client.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, TypeVar

import attrs

from childcare_commissioning.billing import Invoice
from childcare_commissioning.convert import structure, unstructure
from childcare_commissioning.errors import ConversionError
from childcare_commissioning.model import Finding
from childcare_commissioning.register import EntryStatus

__all__ = [
    "AnswerShapeError",
    "CouncilSummary",
    "Coverage",
    "IdEntry",
    "MonitoringAnswer",
    "RegisterEntry",
    "StreamEnd",
    "StreamedFinding",
    "StreamedInvoice",
    "WorkingDaysAdded",
    "WorkingDaysBetween",
    "fits",
]

T = TypeVar("T")


class AnswerShapeError(RuntimeError):
    """The service's own answer does not have its declared shape: a bug of the service
    (500), never the caller's input (it is not a ``CommissioningError``)."""


def fits(data: Any, shape: type[T]) -> Any:
    """``data`` (a command's JSON answer) read into ``shape`` and written back: the same
    data, checked to have exactly the declared shape. An answer that drifted raises
    :class:`AnswerShapeError` (a 500 naming no value), not the caller's 422."""
    try:
        return unstructure(structure(data, shape))
    except ConversionError as exc:
        paths = ", ".join(p.path for p in exc.problems)
        raise AnswerShapeError(f"answer drifted from {exc.target} at {paths}") from None


@attrs.frozen
class Coverage:
    """How much of the council's text its clause register accounts for."""

    register: bool
    sentences: int | None
    covered: int
    percent: float
    by_status: dict[str, int]
    #: The text in three numbers (and its context): sentences computed, on the checklist,
    #: not decided (with reasons).
    computed: int
    checklist: int
    not_decided: int
    context: int


@attrs.frozen
class CouncilSummary:
    """An installed council: its plugin distribution and version, specification,
    services, areas and the coverage of its clause register."""

    id: str
    name: str
    distribution: str
    version: str
    specification: str
    specification_version: str
    services: list[str]
    areas: list[str]
    coverage: Coverage


@attrs.frozen
class IdEntry:
    """An id the council declares (a deadline rule, a trigger, a route...) and what it is."""

    id: str
    description: str


@attrs.frozen
class RegisterEntry:
    """An entry of the clause register: what the library does with some sentences of the
    council's text (a rule, a duty, a definition, context, or not encoded and why)."""

    entry: int
    clause: str
    status: EntryStatus
    start: str
    end: str | None
    rules: list[str]
    reason: str
    note: str
    sentences: list[int]


@attrs.frozen
class WorkingDaysAdded:
    """The ``n``-th working day after ``date`` in ``calendar`` (``projected``: past the
    official bank holiday list)."""

    date: dt.date
    n: int
    calendar: str
    result: dt.date
    projected: bool


@attrs.frozen
class WorkingDaysBetween:
    """The working days after ``start`` up to ``end`` in ``calendar``."""

    start: dt.date
    end: dt.date
    calendar: str
    working_days: int
    projected: bool


@attrs.frozen
class ObligationsNotJudged:
    """Dated obligations not judged because no contract start was given (never assumed)."""

    reason: str | None
    obligations: list[str]


@attrs.frozen
class MonitoringAnswer:
    """An event log judged against the council's deadlines, obligations and KPIs (the
    ``monitor --format json`` document)."""

    council: str
    source: str
    as_of: dt.datetime
    contract: str | None
    obligations_not_judged: ObligationsNotJudged
    counts: dict[str, int]
    failures: int
    deadlines: list[dict[str, Any]]
    obligations: list[dict[str, Any]]
    kpis: list[dict[str, Any]]
    not_measurable_from_events: list[dict[str, str | None]]
    findings: list[dict[str, Any]]


@attrs.frozen
class StreamedInvoice:
    """A line of a streamed invoice run: one invoice."""

    invoice: Invoice


@attrs.frozen
class StreamedFinding:
    """A line of a streamed invoice run: one finding (about a record or a package)."""

    finding: Finding


@attrs.frozen
class StreamEnd:
    """The last line of a streamed invoice run: the records not yet billed (their period
    has not ended) and those held back by a finding."""

    pending: list[str]
    held: list[str]
