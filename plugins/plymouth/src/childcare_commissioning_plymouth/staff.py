"""Checking a Plymouth roster, with the healthcare training the team's needs call for."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from childcare_commissioning.durations import Duration
from childcare_commissioning.training_matrix import TrainingMatrix
from childcare_commissioning.workforce import RosterReport, Worker, check_roster
from childcare_commissioning_plymouth.workforce import WORKFORCE

__all__ = ["check_staff"]


def check_staff(
    workers: Sequence[Worker],
    on: dt.date,
    horizon_days: int = 60,
    matrix: TrainingMatrix | Mapping[str, Duration] | None = None,
) -> RosterReport:
    """Check a Plymouth team on ``on``: each worker, and the "sufficient numbers" training
    of the team, including the healthcare subjects (PEG feeding, tracheostomy care,
    suction, ventilation...) whenever any worker works with healthcare needs.

    Section 6 asks for "sufficient numbers of staff undertaking direct work with children
    and young people with personal / healthcare needs" trained in eight subjects. The
    core's ``check_roster`` takes the team's needs from the needs its workers work with
    (``Worker.works_with``), so the command line's ``staff-check`` gives the same answer;
    this is Plymouth's requirements applied through it.

    ``matrix`` is the Provider's organisational training matrix, the primary refresher
    interval of the social-care subjects ("at the intervals set out in their
    organisational training matrix, or at least every three years where not otherwise
    specified"); the command line reads it from the roster document's
    ``training_matrix``.
    """
    return check_roster(WORKFORCE, workers, on, horizon_days, matrix)
