"""What the service answers: one :class:`Operation` per endpoint, each a thin call of the
function the command line calls for the same answer.

An operation declares its path, query parameters (parsed by the command line's own
argument types, so a date means the same in both), the model its body is read into and
the model its answer is written from; :mod:`~childcare_commissioning.service.openapi`
builds the OpenAPI document from these declarations, and
:mod:`~childcare_commissioning.service.app` serves them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import attrs

from childcare_commissioning.cli._parser import ID_KIND_NAMES, bounded, instant, iso_date
from childcare_commissioning.convert import structure, unstructure
from childcare_commissioning.registry import RegisteredCouncil, get_registry
from childcare_commissioning.service import answers

__all__ = ["OPERATIONS", "Call", "Operation", "Param"]


@attrs.frozen
class Param:
    """A query (or path) parameter: its name, JSON Schema, whether required, what it is,
    and the command line's parser for it (``None``: taken as text)."""

    name: str
    schema: dict[str, Any]
    description: str
    required: bool = False
    parse: Callable[[str], Any] | None = None
    where: str = "query"


@attrs.frozen
class Call:
    """One request as an operation sees it: the council (for ``/councils/{council}/...``),
    the parsed parameters and the parsed body."""

    council: RegisteredCouncil | None
    params: dict[str, Any]
    body: Any


@attrs.frozen
class Operation:
    """An endpoint: ``answer(call)`` returns JSON-ready data (or, for ``stream``, an
    iterator of JSON-ready lines) shaped as ``answers`` (a type the schema generator
    knows); ``body`` is the type the request body is read into (``str``: a text body)."""

    method: str
    path: str
    operation_id: str
    summary: str
    tag: str
    answer: Callable[[Call], Any]
    answers: Any
    params: tuple[Param, ...] = ()
    body: Any = None
    body_media: str = "application/json"
    stream: bool = False
    explained: bool = True
    #: The ``ids`` a council declares that the parameters take, for the description.
    see: str = ""


_DATE = {"type": "string", "format": "date"}
_INSTANT = {
    "type": "string",
    "description": "ISO 8601 date-time; without an offset, Europe/London local time",
}
_TEXT = {"type": "string"}


def _date(name: str, description: str, required: bool = True) -> Param:
    return Param(name, _DATE, description, required, iso_date)


def _at(description: str) -> Param:
    return Param("at", _INSTANT, description, True, instant)


def _spec(call: Call) -> Any:
    assert call.council is not None
    return call.council.spec


# --- councils, their rules and register ---------------------------------------------------


def _councils(call: Call) -> Any:
    from childcare_commissioning.cli.councils import council_summary

    found = [council_summary(c) for c in get_registry().councils()]
    return answers.fits(found, list[answers.CouncilSummary])


def _council(call: Call) -> Any:
    from childcare_commissioning.cli.councils import council_summary

    assert call.council is not None
    return answers.fits(council_summary(call.council), answers.CouncilSummary)


def _ids(call: Call) -> Any:
    from childcare_commissioning.cli.schemacmd import ID_KINDS

    _, listing = ID_KINDS[call.params["kind"]]
    found = [{"id": i, "description": d} for i, d in listing(_spec(call))]
    return answers.fits(found, list[answers.IdEntry])


def _register(call: Call) -> Any:
    from childcare_commissioning.cli.clausescmd import register_entries

    assert call.council is not None
    found = register_entries(call.council, call.params.get("status"))
    return answers.fits(found, list[answers.RegisterEntry])


# --- dates ---------------------------------------------------------------------------------


def _working_days_add(call: Call) -> Any:
    from childcare_commissioning.cli.timecmds import working_days

    p = call.params
    found = working_days(
        "add", p["date"], p["n"], p.get("calendar", "england-and-wales"), p.get("council")
    )
    return answers.fits(found, answers.WorkingDaysAdded)


def _working_days_between(call: Call) -> Any:
    from childcare_commissioning.cli.timecmds import working_days

    p = call.params
    found = working_days(
        "between", p["start"], p["end"], p.get("calendar", "england-and-wales"), p.get("council")
    )
    return answers.fits(found, answers.WorkingDaysBetween)


def _deadlines(call: Call) -> Any:
    from childcare_commissioning.cli.timecmds import deadline_rules
    from childcare_commissioning.deadlines import evaluate

    spec = _spec(call)
    rules = deadline_rules(spec, call.params.get("rule"), call.params.get("trigger"))
    return unstructure([evaluate(rule, call.params["at"], spec.calendars) for rule in rules])


# --- referrals, staff, safeguarding ------------------------------------------------------


def _referral(call: Call) -> Any:
    from childcare_commissioning.cli.referralcmd import check_service, decide
    from childcare_commissioning.model import Referral

    spec = _spec(call)
    service = call.params.get("service")
    check_service(spec, service)
    return unstructure(decide(spec, structure(call.body, Referral), service))


def _staff(call: Call) -> Any:
    from childcare_commissioning.cli.staffcmd import check_staff, roster_document
    from childcare_commissioning.roster import Roster, roster_of

    roster = structure(roster_of(call.body), Roster)
    horizon = call.params.get("horizon", 60)
    answer = check_staff(_spec(call), roster, call.params["on"], horizon, roster.training_matrix)
    return roster_document(answer)


def _route(call: Call) -> Any:
    from childcare_commissioning.cli.safeguardingcmd import concern_of
    from childcare_commissioning.safeguarding import route

    concern = concern_of(call.params["concern"])
    return unstructure(route(_spec(call), concern, call.params["at"], call.params.get("area")))


def _notify(call: Call) -> Any:
    from childcare_commissioning.cli.safeguardingcmd import SafeguardingUsageError
    from childcare_commissioning.safeguarding import notify

    try:
        return unstructure(notify(_spec(call), call.params["event"], call.params["at"]))
    except LookupError as exc:
        raise SafeguardingUsageError(str(exc)) from None


# --- invoices --------------------------------------------------------------------------------


def _invoices(call: Call) -> Any:
    from childcare_commissioning.billing.control import budget_report
    from childcare_commissioning.cli._contract import InputError
    from childcare_commissioning.cli.invoicecmd import (
        batch_as_of,
        read_batch,
        run_batch,
        run_document,
    )

    spec = _spec(call)
    if spec.billing is None:
        raise InputError(f"council {spec.id!r} declares no billing terms [billing-terms]")
    batch = read_batch(call.body)
    findings: list[Any] = []
    result, packages = run_batch(
        spec, batch, batch_as_of(call.params.get("as_of"), batch), [], findings
    )
    # The run's invoices against the council's budgets, as `invoice` counts them.
    budgets = budget_report(
        spec.billing, list(result.invoices), {p.id: p.service for p in packages}, {}
    )
    return run_document(result, [*findings, *result.findings, *budgets.findings], budgets)


def _invoice_stream(call: Call) -> Iterator[Any]:
    from childcare_commissioning.service.streaming import invoice_lines

    assert call.council is not None
    return invoice_lines(call.council, call.body, call.params.get("as_of"))


# --- monitoring --------------------------------------------------------------------------------


def _monitor(call: Call) -> Any:
    from childcare_commissioning.service.monitoring import monitor_log

    assert call.council is not None
    p = call.params
    found = monitor_log(
        call.council, call.body, p["format"], p["as_of"], p["contract_start"], p.get("period")
    )
    return answers.fits(found, answers.MonitoringAnswer)


# --- the sector's formats --------------------------------------------------------------------


def _oruk(call: Call) -> Any:
    from childcare_commissioning.formats.oruk import export_council, summary

    export = export_council(_spec(call), call.params["as_of"])
    found = summary(export)
    found["document"] = export.document
    return found


_COUNCIL = Param("council", _TEXT, "council id (see GET /councils)", True, where="path")
_BATCH_AS_OF = _date(
    "as_of", "invoice periods ended before this date (default: the batch's as_of)", False
)


def _batch_type() -> Any:
    from childcare_commissioning.schemas import DOCUMENTS

    return DOCUMENTS["invoice-batch"].build()


def build_operations() -> tuple[Operation, ...]:
    """Every operation the service answers, in the order the OpenAPI document lists them."""
    from childcare_commissioning.billing import InvoiceRun
    from childcare_commissioning.deadlines import Deadline
    from childcare_commissioning.model import Referral
    from childcare_commissioning.referrals import ReferralDecision
    from childcare_commissioning.roster import Roster
    from childcare_commissioning.safeguarding import Routed, Routing
    from childcare_commissioning.workforce import RosterReport, Worker

    council = "/councils/{council}"
    return (
        Operation(
            "GET",
            "/councils",
            "listCouncils",
            "The installed councils",
            "councils",
            _councils,
            list[answers.CouncilSummary],
            explained=False,
        ),
        Operation(
            "GET",
            council,
            "getCouncil",
            "One council",
            "councils",
            _council,
            answers.CouncilSummary,
            (_COUNCIL,),
            explained=False,
        ),
        Operation(
            "GET",
            council + "/ids/{kind}",
            "listIds",
            "The ids a council declares: rules, triggers, routes, events...",
            "councils",
            _ids,
            list[answers.IdEntry],
            (
                _COUNCIL,
                Param("kind", {"enum": list(ID_KIND_NAMES)}, "which ids", True, where="path"),
            ),
            explained=False,
        ),
        Operation(
            "GET",
            council + "/register",
            "getRegister",
            "The clause register: what the library does with every sentence of the text",
            "councils",
            _register,
            list[answers.RegisterEntry],
            (
                _COUNCIL,
                Param(
                    "status",
                    {"enum": ["rule", "duty", "definition", "context", "not-encoded"]},
                    "only entries of this status",
                ),
            ),
            explained=False,
        ),
        Operation(
            "GET",
            "/working-days/add",
            "addWorkingDays",
            "The N-th working day after a date (N < 0: before)",
            "dates",
            _working_days_add,
            answers.WorkingDaysAdded,
            (
                _date("date", "the starting date"),
                Param(
                    "n",
                    {"type": "integer", "minimum": -36500, "maximum": 36500},
                    "working days to add",
                    True,
                    bounded(-36500, 36500),
                ),
                Param("calendar", _TEXT, "calendar id (default england-and-wales)"),
                Param("council", _TEXT, "the council whose calendars to use"),
            ),
            explained=False,
        ),
        Operation(
            "GET",
            "/working-days/between",
            "countWorkingDays",
            "Working days after START up to END",
            "dates",
            _working_days_between,
            answers.WorkingDaysBetween,
            (
                _date("start", "the first date (not counted)"),
                _date("end", "the last date (counted)"),
                Param("calendar", _TEXT, "calendar id (default england-and-wales)"),
                Param("council", _TEXT, "the council whose calendars to use"),
            ),
            explained=False,
        ),
        Operation(
            "GET",
            council + "/deadlines",
            "getDeadlines",
            "A council's deadline rules applied to an event",
            "dates",
            _deadlines,
            list[Deadline],
            (
                _COUNCIL,
                _at("when the event happened"),
                Param("rule", _TEXT, "one rule id (default: every rule of the trigger)"),
                Param("trigger", _TEXT, "every rule started by this trigger"),
            ),
        ),
        Operation(
            "POST",
            council + "/referrals/check",
            "checkReferral",
            "Is this referral acceptable, and why (or why not)?",
            "referrals",
            _referral,
            ReferralDecision,
            (_COUNCIL, Param("service", _TEXT, "service id (default: the referral's)")),
            body=Referral,
        ),
        Operation(
            "POST",
            council + "/staff-check",
            "checkStaff",
            "A roster against the council's workforce requirements on a date",
            "staff",
            _staff,
            RosterReport,
            (
                _COUNCIL,
                _date("on", "the date to check"),
                Param(
                    "horizon",
                    {"type": "integer", "minimum": 0, "maximum": 3660},
                    "days ahead to list lapses (default 60)",
                    False,
                    bounded(0, 3660),
                ),
            ),
            body=Roster | list[Worker],
        ),
        Operation(
            "GET",
            council + "/safeguarding/route",
            "routeConcern",
            "Whom to contact about a safeguarding concern, how and by when",
            "safeguarding",
            _route,
            Routing,
            (
                _COUNCIL,
                Param(
                    "concern", _TEXT, "child, adult-at-risk, allegation-against-worker, ...", True
                ),
                Param("area", _TEXT, "area id (a borough)"),
                _at("when the concern arose"),
            ),
        ),
        Operation(
            "GET",
            council + "/safeguarding/notify",
            "notifyEvent",
            "The notices owed for a notifiable event",
            "safeguarding",
            _notify,
            list[Routed],
            (
                _COUNCIL,
                Param("event", _TEXT, "notifiable event id", True),
                _at("when the event happened"),
            ),
        ),
        Operation(
            "POST",
            council + "/invoices",
            "runInvoices",
            "An invoice run over a batch of delivery records",
            "invoices",
            _invoices,
            InvoiceRun,
            (_COUNCIL, _BATCH_AS_OF),
            body=_batch_type(),
        ),
        Operation(
            "POST",
            council + "/invoices/stream",
            "streamInvoices",
            "An invoice run written as JSON Lines, one package at a time: a line "
            '{"invoice": ...} per invoice, {"finding": ...} per finding, then '
            '{"pending": [...], "held": [...]}',
            "invoices",
            _invoice_stream,
            answers.StreamedInvoice | answers.StreamedFinding | answers.StreamEnd,
            (_COUNCIL, _BATCH_AS_OF),
            body=_batch_type(),
            stream=True,
        ),
        Operation(
            "POST",
            council + "/monitor",
            "monitorLog",
            "An event log (JSON Lines or CSV) against the council's deadlines, "
            "obligations and KPIs",
            "monitoring",
            _monitor,
            answers.MonitoringAnswer,
            (
                _COUNCIL,
                _date("as_of", "judge as of the end of this date"),
                _date("contract_start", "the contract's start: anchors dated obligations"),
                Param("format", {"enum": ["jsonl", "csv"]}, "the log's format", True),
                Param("period", _TEXT, "KPIs for this reporting quarter only, e.g. 2026-Q3"),
            ),
            body=str,
            body_media="text/plain",
            explained=False,
        ),
        Operation(
            "GET",
            council + "/exports/oruk",
            "exportOruk",
            "The council's services and safeguarding contacts as Open Referral UK (HSDS 3) JSON",
            "exports",
            _oruk,
            dict[str, Any],
            (_COUNCIL, _date("as_of", "the date deciding each service's status")),
            explained=False,
        ),
    )


OPERATIONS = build_operations()
"""Every operation, built once."""
