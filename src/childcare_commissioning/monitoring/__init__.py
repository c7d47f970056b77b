"""Contract monitoring: from what happened (an event log) to met, late, open and overdue,
obligations submitted or missing, and the councils' KPI figures.

See :mod:`.model` for the declarations and records, :mod:`.reader` for reading logs and
:mod:`.engine` for the rules applied.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from childcare_commissioning._lazy import lazy_exports

# Exports load on first use (PEP 562): a council plugin that declares its terms imports
# only the declarations, not every engine of the package.
_EXPORTS: dict[str, str] = {
    "Completion": "childcare_commissioning.monitoring.model",
    "Condition": "childcare_commissioning.monitoring.model",
    "Count": "childcare_commissioning.monitoring.model",
    "DeadlineStatus": "childcare_commissioning.monitoring.model",
    "DutyStatus": "childcare_commissioning.monitoring.model",
    "Ending": "childcare_commissioning.monitoring.model",
    "Escalation": "childcare_commissioning.monitoring.model",
    "Event": "childcare_commissioning.monitoring.model",
    "FIELDS": "childcare_commissioning.monitoring.reader",
    "Gate": "childcare_commissioning.monitoring.model",
    "Kpi": "childcare_commissioning.monitoring.model",
    "KpiFigure": "childcare_commissioning.monitoring.model",
    "KpiPeriod": "childcare_commissioning.monitoring.model",
    "Monitor": "childcare_commissioning.monitoring.engine",
    "Monitoring": "childcare_commissioning.monitoring.model",
    "MonitoringReport": "childcare_commissioning.monitoring.engine",
    "ObligationStatus": "childcare_commissioning.monitoring.model",
    "Submission": "childcare_commissioning.monitoring.model",
    "check_references": "childcare_commissioning.monitoring.model",
    "end_of_day": "childcare_commissioning.monitoring.engine",
    "event_kinds": "childcare_commissioning.monitoring.kinds",
    "event_from_mapping": "childcare_commissioning.monitoring.reader",
    "open_log": "childcare_commissioning.monitoring.reader",
    "parse_period": "childcare_commissioning.monitoring.engine",
    "percent": "childcare_commissioning.monitoring.figures",
    "period_label": "childcare_commissioning.monitoring.engine",
    "period_of": "childcare_commissioning.monitoring.engine",
    "read_events": "childcare_commissioning.monitoring.reader",
    "year_of": "childcare_commissioning.monitoring.periods",
}


__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, globals())


if TYPE_CHECKING:
    from childcare_commissioning.monitoring.engine import (
        Monitor,
        MonitoringReport,
        end_of_day,
        parse_period,
        period_label,
        period_of,
    )
    from childcare_commissioning.monitoring.figures import percent
    from childcare_commissioning.monitoring.kinds import event_kinds
    from childcare_commissioning.monitoring.model import (
        Completion,
        Condition,
        Count,
        DeadlineStatus,
        DutyStatus,
        Ending,
        Escalation,
        Event,
        Gate,
        Kpi,
        KpiFigure,
        KpiPeriod,
        Monitoring,
        ObligationStatus,
        Submission,
        check_references,
    )
    from childcare_commissioning.monitoring.periods import year_of
    from childcare_commissioning.monitoring.reader import (
        FIELDS,
        event_from_mapping,
        open_log,
        read_events,
    )


__all__ = [
    "FIELDS",
    "Completion",
    "Condition",
    "Count",
    "DeadlineStatus",
    "DutyStatus",
    "Ending",
    "Escalation",
    "Event",
    "Gate",
    "Kpi",
    "KpiFigure",
    "KpiPeriod",
    "Monitor",
    "Monitoring",
    "MonitoringReport",
    "ObligationStatus",
    "Submission",
    "check_references",
    "end_of_day",
    "event_from_mapping",
    "event_kinds",
    "open_log",
    "parse_period",
    "percent",
    "period_label",
    "period_of",
    "read_events",
    "year_of",
]
