"""Contract monitoring: from what happened (an event log) to met, late, open and overdue,
obligations submitted or missing, and the councils' KPI figures.

See :mod:`.model` for the declarations and records, :mod:`.reader` for reading logs and
:mod:`.engine` for the rules applied.
"""

from childcare_commissioning.monitoring.engine import (
    Monitor,
    MonitoringReport,
    end_of_day,
    parse_period,
    period_label,
    period_of,
)
from childcare_commissioning.monitoring.figures import percent
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
    "open_log",
    "parse_period",
    "percent",
    "period_label",
    "period_of",
    "read_events",
    "year_of",
]
