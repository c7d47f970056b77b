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

from childcare_commissioning.registry import RegisteredCouncil

__all__ = ["monitor_log"]


def monitor_log(
    council: RegisteredCouncil,
    log: str,
    format: str,
    as_of: dt.date,
    contract_start: dt.date,
    period: str | None,
) -> dict[str, Any]:
    """The ``monitor --format json`` document for the event ``log`` (JSON Lines or CSV
    text) as of the end of ``as_of``, for a contract that started on ``contract_start``."""
    from childcare_commissioning.cli._contract import InputError
    from childcare_commissioning.cli.monitorcmd import report_json
    from childcare_commissioning.monitoring import Monitor, end_of_day, parse_period, read_events

    spec = council.spec
    if period is not None:
        parse_period(period, spec.monitoring.year_start_month if spec.monitoring else 4)
    source = f"{council.distribution} {council.version}"
    monitor = Monitor(spec, end_of_day(as_of), source=source, contract_start=contract_start)
    try:
        closed = monitor.feed_all(read_events(io.StringIO(log, newline=""), format))
    except csv.Error as exc:
        raise InputError(f"the request body: not valid CSV ({exc}) [csv]") from None
    return report_json(monitor.report(closed, period), source)
