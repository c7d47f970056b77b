"""What the service answers: one :class:`Operation` per endpoint, each a thin call of the
function the command line calls for the same answer.

An operation declares its path, query parameters (parsed by the command line's own
argument types, so a date means the same in both), the model its body is read into and
the model its answer is written from. The answers are here and, for the sector's formats,
in :mod:`~childcare_commissioning.service.exports`; the table of every operation is
:mod:`~childcare_commissioning.service.endpoints`, from which
:mod:`~childcare_commissioning.service.openapi` builds the OpenAPI document and
:mod:`~childcare_commissioning.service.app` serves them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import attrs

from childcare_commissioning.cli._parser import instant, iso_date
from childcare_commissioning.convert import structure, unstructure
from childcare_commissioning.registry import RegisteredCouncil, get_registry
from childcare_commissioning.service import answers

__all__ = [
    "Call",
    "Operation",
    "Param",
    "at_param",
    "check_extra",
    "date_param",
    "spec_of",
]


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
    #: The answer's media type; other than JSON, ``answer`` returns the text to send and
    #: the notes on it (sent as ``Childcare-Commissioning-Note`` headers).
    answer_media: str = "application/json"
    stream: bool = False
    explained: bool = True
    #: ``(module, extra)``: the operation needs the optional ``extra``, which brings
    #: ``module``; without it the answer is a 501 problem naming the extra.
    needs: tuple[str, str] | None = None
    #: The ``ids`` a council declares that the parameters take, for the description.
    see: str = ""


_DATE = {"type": "string", "format": "date"}
_INSTANT = {
    "type": "string",
    "description": "ISO 8601 date-time; without an offset, Europe/London local time",
}


def check_extra(op: Operation) -> None:
    """Raise a 501 problem naming the optional extra ``op`` needs when it is missing."""
    import importlib.util

    from childcare_commissioning.service.problems import ServiceProblem

    if op.needs is not None and importlib.util.find_spec(op.needs[0]) is None:
        extra = op.needs[1]
        raise ServiceProblem(
            501,
            "extra-missing",
            "An optional extra is not installed",
            f"{op.operation_id} needs the {extra!r} extra: "
            f"pip install 'childcare-commissioning[{extra}]' [extra-missing]",
        )


def date_param(name: str, description: str, required: bool = True) -> Param:
    return Param(name, _DATE, description, required, iso_date)


def at_param(description: str) -> Param:
    return Param("at", _INSTANT, description, True, instant)


def spec_of(call: Call) -> Any:
    assert call.council is not None
    return call.council.spec


# --- councils, their rules and register ---------------------------------------------------


def councils(call: Call) -> Any:
    from childcare_commissioning.cli.councils import council_summary

    found = [council_summary(c) for c in get_registry().councils()]
    return answers.fits(found, list[answers.CouncilSummary])


def council(call: Call) -> Any:
    from childcare_commissioning.cli.councils import council_summary

    assert call.council is not None
    return answers.fits(council_summary(call.council), answers.CouncilSummary)


def ids(call: Call) -> Any:
    from childcare_commissioning.cli.schemacmd import ID_KINDS

    _, listing = ID_KINDS[call.params["kind"]]
    found = [{"id": i, "description": d} for i, d in listing(spec_of(call))]
    return answers.fits(found, list[answers.IdEntry])


def register(call: Call) -> Any:
    from childcare_commissioning.cli.clausescmd import register_entries

    assert call.council is not None
    found = register_entries(call.council, call.params.get("status"))
    return answers.fits(found, list[answers.RegisterEntry])


# --- dates ---------------------------------------------------------------------------------


def working_days_add(call: Call) -> Any:
    from childcare_commissioning.cli.timecmds import working_days

    p = call.params
    found = working_days(
        "add", p["date"], p["n"], p.get("calendar", "england-and-wales"), p.get("council")
    )
    return answers.fits(found, answers.WorkingDaysAdded)


def working_days_between(call: Call) -> Any:
    from childcare_commissioning.cli.timecmds import working_days

    p = call.params
    found = working_days(
        "between", p["start"], p["end"], p.get("calendar", "england-and-wales"), p.get("council")
    )
    return answers.fits(found, answers.WorkingDaysBetween)


def deadlines(call: Call) -> Any:
    from childcare_commissioning.cli.timecmds import deadline_rules
    from childcare_commissioning.deadlines import evaluate

    spec = spec_of(call)
    rules = deadline_rules(spec, call.params.get("rule"), call.params.get("trigger"))
    return unstructure([evaluate(rule, call.params["at"], spec.calendars) for rule in rules])


# --- referrals, staff, safeguarding ------------------------------------------------------


def referral(call: Call) -> Any:
    from childcare_commissioning.cli.referralcmd import check_service, decide
    from childcare_commissioning.model import Referral

    spec = spec_of(call)
    service = call.params.get("service")
    check_service(spec, service)
    return unstructure(decide(spec, structure(call.body, Referral), service))


def staff(call: Call) -> Any:
    from childcare_commissioning.cli.staffcmd import check_staff, roster_document
    from childcare_commissioning.roster import Roster, roster_of

    roster = structure(roster_of(call.body), Roster)
    horizon = call.params.get("horizon", 60)
    answer = check_staff(spec_of(call), roster, call.params["on"], horizon, roster.training_matrix)
    return roster_document(answer)


def route(call: Call) -> Any:
    from childcare_commissioning.cli.safeguardingcmd import concern_of
    from childcare_commissioning.safeguarding import route

    concern = concern_of(call.params["concern"])
    return unstructure(route(spec_of(call), concern, call.params["at"], call.params.get("area")))


def notify(call: Call) -> Any:
    from childcare_commissioning.cli.safeguardingcmd import SafeguardingUsageError
    from childcare_commissioning.safeguarding import notify

    try:
        return unstructure(notify(spec_of(call), call.params["event"], call.params["at"]))
    except LookupError as exc:
        raise SafeguardingUsageError(str(exc)) from None


# --- invoices --------------------------------------------------------------------------------


def invoices(call: Call) -> Any:
    from childcare_commissioning.billing.control import budget_report
    from childcare_commissioning.cli._contract import InputError
    from childcare_commissioning.cli.invoicecmd import (
        batch_as_of,
        read_batch,
        run_batch,
        run_document,
    )

    spec = spec_of(call)
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


def invoice_stream(call: Call) -> Iterator[Any]:
    from childcare_commissioning.service.streaming import invoice_lines

    assert call.council is not None
    return invoice_lines(call.council, call.body, call.params.get("as_of"))


# --- monitoring --------------------------------------------------------------------------------


def monitor(call: Call) -> Any:
    from childcare_commissioning.service.monitoring import monitor_log

    assert call.council is not None
    p = call.params
    found = monitor_log(
        call.council, call.body, p["format"], p["as_of"], p["contract_start"], p.get("period")
    )
    return answers.fits(found, answers.MonitoringAnswer)


def monitor_contract(call: Call) -> Any:
    from childcare_commissioning.cli.contractcmd import council_for
    from childcare_commissioning.registry import get_registry
    from childcare_commissioning.service.monitoring import ContractLog, monitor_log

    assert call.council is not None
    body = structure(call.body, ContractLog)
    contract = body.contract
    # The version of the text the contract was let under (or in force at its start).
    council = call.council
    if contract.council == council.id:
        council = council_for(get_registry(), contract)
    p = call.params
    found = monitor_log(council, body.log, body.format, p["as_of"], None, p.get("period"), contract)
    return answers.fits(found, answers.MonitoringAnswer)
