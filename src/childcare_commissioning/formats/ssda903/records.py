"""The Header and Episodes records, the errors reading them raises, and the readings taken
of the return."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import Any

import attrs

from childcare_commissioning.errors import CommissioningError
from childcare_commissioning.formats.ssda903.codes import (
    CategoryOfNeed,
    LegalStatus,
    PlacementProvider,
    PlacementType,
    ReasonEpisodeCeased,
    ReasonNewEpisode,
    ReasonPlaceChange,
    Sex,
)
from childcare_commissioning.model import CareEpisode, ChildOrYoungPerson, Citation, Reading
from childcare_commissioning.model._fields import personal
from childcare_commissioning.model.people import Status

__all__ = [
    "DATE_FORMAT",
    "EPISODES_COLUMNS",
    "HEADER_COLUMNS",
    "MAX_ERRORS",
    "READINGS",
    "Episode",
    "HeaderRecord",
    "Ssda903Error",
    "Ssda903Errors",
]

DATE_FORMAT = "%d/%m/%Y"
"""Dates in the tables: ``dd/mm/YYYY`` (the validator's format)."""

HEADER_COLUMNS = ("CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB")
"""The Header table's columns, in the validator's order (``lac_validator/config.py``)."""
EPISODES_COLUMNS = (
    "CHILD",
    "DECOM",
    "RNE",
    "LS",
    "CIN",
    "PLACE",
    "PLACE_PROVIDER",
    "DEC",
    "REC",
    "REASON_PLACE_CHANGE",
    "HOME_POST",
    "PL_POST",
    "URN",
)
"""The Episodes table's columns, in the validator's order."""

#: Columns a table must have to be read (the others of the table are kept when present).
_HEADER_REQUIRED = ("CHILD", "SEX", "DOB")
_HEADER_MODELLED = frozenset(_HEADER_REQUIRED)
_EPISODE_MODELLED = frozenset(EPISODES_COLUMNS)

_VALIDATOR = "https://github.com/data-to-insight/csc-validator-be-903"


class Ssda903Error(CommissioningError, ValueError):
    """A table cannot be read: ``file``, ``line`` (1 is the column header), ``column`` and
    ``rule`` say where and why. The message never holds a cell's value."""

    def __init__(self, file: str, line: int | None, column: str | None, rule: str, message: str):
        self.file = file
        self.line = line
        self.column = column
        self.rule = rule
        where = file if line is None else f"{file} line {line}"
        if column is not None:
            where = f"{where}, column {column}"
        super().__init__(f"{where}: {message} [{rule}]")


MAX_ERRORS = 50
"""The most bad cells one :class:`Ssda903Errors` lists; the others are counted."""


class Ssda903Errors(Ssda903Error):
    """Bad cells of a return, every one found (the first :data:`MAX_ERRORS` listed, in file
    order, the rest counted): ``errors`` holds them, ``total`` counts them all. ``file``,
    ``line``, ``column`` and ``rule`` are the first one's. No message holds a cell's
    value."""

    def __init__(self, errors: Sequence[Ssda903Error], total: int):
        first = errors[0]
        self.file, self.line, self.column, self.rule = (
            first.file,
            first.line,
            first.column,
            first.rule,
        )
        self.errors = tuple(errors)
        self.total = total
        listed = "\n".join(f"  - {error}" for error in self.errors)
        more = total - len(self.errors)
        tail = f"\n  - and {more} more (the first {len(self.errors)} are listed)" if more else ""
        noun = "bad cell" if total == 1 else "bad cells"
        CommissioningError.__init__(self, f"the return has {total} {noun}:\n{listed}{tail}")


READINGS = (
    Reading(
        "ssda903-date-ceased",
        "Whether the day in DEC (date episode ceased) is a day the episode covers.",
        "DEC is the first day the episode no longer covers: the care episode ends the day "
        "before DEC (the DfE counts an episode's days as DEC - DECOM; the next episode of "
        "an unbroken period begins on DEC). An episode with DEC equal to DECOM covers no "
        "whole day and gives no care episode.",
        Citation("ssda903", "Episodes: DEC", "date episode ceased", _VALIDATOR),
    ),
    Reading(
        "ssda903-short-break-agreements",
        "Whether an episode under legal status V4 is time looked after.",
        "V4 episodes record an agreement for a series of short breaks, not the breaks, so "
        "they give no care episode; V3 episodes (each one short break) do.",
        Citation("ssda903", "Episodes: LS", "V4", _VALIDATOR),
    ),
    Reading(
        "ssda903-episode-ceased-before-start",
        "What an episode whose DEC (date episode ceased) is before its DECOM (date episode "
        "commenced) counts for, and whether the child's other episodes still count.",
        "The episode is reported (a warning, ssda903.dec-before-decom, naming the file, line "
        "and child: the validator's rule 356) and counts as covering no day, since no day is "
        "both on or after DECOM and before DEC; the child's other episodes still count, as "
        "the validator flags that row alone. A status judged on the care history (a care "
        "leaver) is then judged without the episode, and the warning says it may change "
        "once the dates are corrected.",
        Citation(
            "ssda903",
            "Episodes: DEC",
            "The date the episode ceased is before the date the same episode started",
            _VALIDATOR,
        ),
    ),
)
"""The readings this module takes of the return, with what it does about each."""


#: The ``extra`` of a row with nothing extra: one shared, read-only empty mapping (an
#: empty dict per episode would cost 64 bytes each).
_NOTHING: Mapping[str, str] = MappingProxyType({})


def _to_extra(value: Mapping[str, str]) -> Mapping[str, str]:
    return MappingProxyType(dict(value)) if value else _NOTHING


def _extra() -> Any:
    return personal(default=_NOTHING, converter=_to_extra, hash=False)


@attrs.frozen
class HeaderRecord:
    """One row of the Header table. ``sex`` and ``date_of_birth`` are personal data, out of
    ``repr``; so is ``extra``, the columns not modelled (``ETHNIC``, ``UPN``, ``MOTHER``,
    ``MC_DOB`` and any other), kept by column name in file order. ``line`` is the row's line
    in its file."""

    child: str
    date_of_birth: dt.date = personal()
    sex: Sex | None = personal(default=None)
    extra: Mapping[str, str] = _extra()
    line: int | None = attrs.field(default=None, eq=False)

    def person(self, statuses: Iterable[Status] = ()) -> ChildOrYoungPerson:
        """The child as the library's model holds them (``ETHNIC`` as ``ethnicity``, the
        ``SEX`` code's meaning as ``gender``)."""
        return ChildOrYoungPerson(
            id=self.child,
            date_of_birth=self.date_of_birth,
            gender=None if self.sex is None else self.sex.meaning,
            ethnicity=self.extra.get("ETHNIC") or None,
            statuses=frozenset(statuses),
        )


@attrs.frozen
class Episode:
    """One row of the Episodes table: ``start`` is ``DECOM``, ``end`` ``DEC`` (None: the
    episode is open). Dates and postcodes are personal data, out of ``repr``; ``extra``
    holds columns not modelled, by name in file order."""

    child: str
    start: dt.date = attrs.field(repr=False)
    reason_new_episode: ReasonNewEpisode | None = None
    legal_status: LegalStatus | None = None
    category_of_need: CategoryOfNeed | None = None
    placement: PlacementType | None = None
    placement_provider: PlacementProvider | None = None
    end: dt.date | None = attrs.field(default=None, repr=False)
    reason_ceased: ReasonEpisodeCeased | None = None
    reason_place_change: ReasonPlaceChange | None = None
    home_postcode: str | None = personal(default=None)
    placement_postcode: str | None = personal(default=None)
    urn: str | None = None
    extra: Mapping[str, str] = _extra()
    line: int | None = attrs.field(default=None, eq=False)

    def covers(self, day: dt.date) -> bool:
        """Whether ``day`` falls in the episode (from ``DECOM`` to the day before ``DEC``)."""
        return self.start <= day and (self.end is None or day < self.end)

    def care_episode(self) -> CareEpisode | None:
        """The episode as time looked after (:data:`READINGS`): the last day is the day
        before ``DEC``; None for a same-day episode or a ``V4`` short-breaks agreement."""
        if self.legal_status is LegalStatus.V4:
            return None
        if self.end is None:
            return CareEpisode(self.start)
        if self.end <= self.start:
            return None
        return CareEpisode(self.start, self.end - dt.timedelta(days=1))
