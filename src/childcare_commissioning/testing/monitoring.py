"""Monitoring a few hand-written events, for tests worked by hand from a council's text.

>>> report = monitor_rows(SPEC, [{"case": "C1", "kind": "concern", "at": "2025-03-10T10:00"}],
...                       dt.date(2025, 4, 4), contract)
"""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Iterable, Mapping
from typing import Any

from childcare_commissioning.contract import Contract
from childcare_commissioning.council import CouncilSpec
from childcare_commissioning.monitoring import Monitor, MonitoringReport, end_of_day, read_events

__all__ = ["monitor_rows"]


def monitor_rows(
    spec: CouncilSpec,
    rows: Iterable[Mapping[str, Any]],
    as_of: dt.date,
    contract: Contract | None = None,
) -> MonitoringReport:
    """``rows`` (event-log lines as dicts, local times without offsets read as
    Europe/London) monitored under ``contract`` as of the end of ``as_of``."""
    monitor = Monitor(spec, end_of_day(as_of), contract=contract)
    text = "\n".join(json.dumps(dict(row)) for row in rows)
    return monitor.report(monitor.feed_all(read_events(io.StringIO(text))))
