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
from childcare_commissioning.monitoring.model import (
    Completion,
    Count,
    DeadlineStatus,
    DutyStatus,
    Event,
    Kpi,
    KpiFigure,
    Monitoring,
    ObligationStatus,
    Submission,
    check_references,
)
from childcare_commissioning.monitoring.reader import (
    FIELDS,
    event_from_mapping,
    open_log,
    read_events,
)

__all__ = [
    "FIELDS",
    "Completion",
    "Count",
    "DeadlineStatus",
    "DutyStatus",
    "Event",
    "Kpi",
    "KpiFigure",
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
    "period_label",
    "period_of",
    "read_events",
]
