"""``POST /councils/{council}/monitor``: an uploaded event log, monitored.

One small function, :func:`monitor_log`, calls the existing
:class:`~childcare_commissioning.monitoring.Monitor` with the contract start the request
gives (``contract_start`` is required: never a default). When monitoring takes a
``Contract``, this is the one place to re-wire.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Any

import attrs

from childcare_commissioning.contract import Contract, check_contract
from childcare_commissioning.model.core import Severity
from childcare_commissioning.registry import RegisteredCouncil

__all__ = ["ContractLog", "monitor_log"]


@attrs.frozen
class ContractLog:
    """An event log to monitor under a contract: the contract document (``schema
    contract``) and the log's text, JSON Lines or CSV as ``format`` says."""

    contract: Contract
    """The contract the log is monitored under: its start, packages and variations."""
    log: str
    """The event log's text: JSON Lines, or CSV with a header row."""
    format: str = "jsonl"
    """``jsonl`` or ``csv``."""


def monitor_log(
    council: RegisteredCouncil,
    log: str,
    format: str,
    as_of: dt.date,
    contract_start: dt.date | None,
    period: str | None,
    contract: Contract | None = None,
) -> dict[str, Any]:
    """The ``monitor --format json`` document for the event ``log`` (JSON Lines or CSV
    text) as of the end of ``as_of``, under ``contract`` (checked against the council's
    text: a variation no clause allows is refused) or, without one, for a contract that
    started on ``contract_start``."""
    from childcare_commissioning.cli._contract import InputError
    from childcare_commissioning.cli.monitorcmd import report_json
    from childcare_commissioning.monitoring import Monitor, end_of_day, parse_period, read_events

    spec = council.spec
    if format not in ("jsonl", "csv"):
        raise InputError("$.format: must be jsonl or csv [log-format]")
    if period is not None:
        parse_period(period, spec.monitoring.year_start_month if spec.monitoring else 4)
    source = f"{council.distribution} {council.version}"
    if contract is not None:
        errors = [f for f in check_contract(spec, contract) if f.severity is Severity.ERROR]
        if errors:
            listed = "; ".join(f"$.contract{f.path[1:]}: {f.message} [{f.code}]" for f in errors)
            raise InputError(f"the contract cannot be used: {listed}")
    monitor = Monitor(
        spec,
        end_of_day(as_of),
        source=source,
        contract=contract,
        contract_start=None if contract is not None else contract_start,
    )
    try:
        closed = monitor.feed_all(read_events(io.StringIO(log, newline=""), format))
    except csv.Error as exc:
        raise InputError(f"the request body: not valid CSV ({exc}) [csv]") from None
    return report_json(monitor.report(closed, period), source)
