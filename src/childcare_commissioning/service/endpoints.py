"""The table of every operation the service answers: its path, parameters, body and
answer, in the order the OpenAPI document lists them. The answers themselves are in
:mod:`~childcare_commissioning.service.operations` and
:mod:`~childcare_commissioning.service.exports`."""

from __future__ import annotations

from typing import Any

from childcare_commissioning.cli._parser import ID_KIND_NAMES, bounded
from childcare_commissioning.cli.placementscmd import pounds
from childcare_commissioning.service import answers, exports
from childcare_commissioning.service import operations as ops
from childcare_commissioning.service.monitoring import ContractLog
from childcare_commissioning.service.operations import Operation, Param, at_param, date_param

__all__ = ["OPERATIONS", "build_operations"]

_TEXT = {"type": "string"}
_POUNDS = {"type": "string", "description": "pounds in whole pennies, e.g. 350 or 12.50"}

_COUNCIL = Param("council", _TEXT, "council id (see GET /councils)", True, where="path")
_BATCH_AS_OF = date_param(
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
            ops.councils,
            list[answers.CouncilSummary],
            explained=False,
        ),
        Operation(
            "GET",
            council,
            "getCouncil",
            "One council",
            "councils",
            ops.council,
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
            ops.ids,
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
            ops.register,
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
            ops.working_days_add,
            answers.WorkingDaysAdded,
            (
                date_param("date", "the starting date"),
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
            ops.working_days_between,
            answers.WorkingDaysBetween,
            (
                date_param("start", "the first date (not counted)"),
                date_param("end", "the last date (counted)"),
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
            ops.deadlines,
            list[Deadline],
            (
                _COUNCIL,
                at_param("when the event happened"),
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
            ops.referral,
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
            ops.staff,
            RosterReport,
            (
                _COUNCIL,
                date_param("on", "the date to check"),
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
            ops.route,
            Routing,
            (
                _COUNCIL,
                Param(
                    "concern", _TEXT, "child, adult-at-risk, allegation-against-worker, ...", True
                ),
                Param("area", _TEXT, "area id (a borough)"),
                at_param("when the concern arose"),
            ),
        ),
        Operation(
            "GET",
            council + "/safeguarding/notify",
            "notifyEvent",
            "The notices owed for a notifiable event",
            "safeguarding",
            ops.notify,
            list[Routed],
            (
                _COUNCIL,
                Param("event", _TEXT, "notifiable event id", True),
                at_param("when the event happened"),
            ),
        ),
        Operation(
            "POST",
            council + "/invoices",
            "runInvoices",
            "An invoice run over a batch of delivery records",
            "invoices",
            ops.invoices,
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
            ops.invoice_stream,
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
            ops.monitor,
            answers.MonitoringAnswer,
            (
                _COUNCIL,
                date_param("as_of", "judge as of the end of this date"),
                date_param("contract_start", "the contract's start: anchors dated obligations"),
                Param("format", {"enum": ["jsonl", "csv"]}, "the log's format", True),
                Param("period", _TEXT, "KPIs for this reporting quarter only, e.g. 2026-Q3"),
            ),
            body=str,
            body_media="text/plain",
            explained=False,
        ),
        Operation(
            "POST",
            council + "/contracts/monitor",
            "monitorContract",
            "An event log monitored under a contract (its start, packages in force and "
            "agreed variations, checked against the council's text)",
            "monitoring",
            ops.monitor_contract,
            answers.MonitoringAnswer,
            (
                _COUNCIL,
                date_param("as_of", "judge as of the end of this date"),
                Param("period", _TEXT, "KPIs for this reporting quarter only, e.g. 2026-Q3"),
            ),
            body=ContractLog,
            explained=False,
        ),
        Operation(
            "GET",
            council + "/exports/oruk",
            "exportOruk",
            "The council's services and safeguarding contacts as Open Referral UK (HSDS 3) JSON",
            "exports",
            exports.oruk,
            dict[str, Any],
            (_COUNCIL, date_param("as_of", "the date deciding each service's status")),
            explained=False,
        ),
        Operation(
            "POST",
            council + "/exports/ubl",
            "exportUbl",
            "Invoices (or an invoice batch, run) as PEPPOL BIS Billing 3.0 (UBL 2.1) XML, "
            "one document per invoice, as `export ubl` writes them",
            "exports",
            exports.ubl,
            exports.UblAnswer,
            (_COUNCIL, _BATCH_AS_OF),
            body=exports.UblRequest,
            needs=("lxml", "ubl"),
        ),
        Operation(
            "POST",
            council + "/exports/placements",
            "exportPlacements",
            "A package's weekly costs written into a Placement record's ActualPlacement "
            "(Placements Data Standard v2, JSON-LD), as `export placements` writes it",
            "exports",
            exports.placements,
            dict[str, Any],
            (
                _COUNCIL,
                Param("package", _TEXT, "the package id", True),
                date_param("on", "a date in the week priced (the rate in effect)"),
                *(
                    Param(name, _POUNDS, f"weekly {what} cost, pounds (default 0)", False, pounds)
                    for name, what in (
                        ("additional_support", "additional support"),
                        ("education", "education"),
                        ("other", "other"),
                    )
                ),
            ),
            body=exports.PlacementsRequest,
            answer_media="application/ld+json",
            explained=False,
            needs=("pyshacl", "placements"),
        ),
    )


OPERATIONS = build_operations()
"""Every operation, built once."""
