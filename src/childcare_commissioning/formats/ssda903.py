"""SSDA903, the children looked after return: the Header and Episodes tables.

Councils in England send the Department for Education a return of every child they looked
after in the year (the "SSDA903" or "903"). Their case management systems export it as CSV
files, one per table; this module reads the two tables that hold a child's care history:

- **Header**: ``CHILD, SEX, DOB`` (and ``ETHNIC, UPN, MOTHER, MC_DOB``);
- **Episodes**: ``CHILD, DECOM, RNE, LS, CIN, PLACE, PLACE_PROVIDER, DEC, REC,
  REASON_PLACE_CHANGE, HOME_POST, PL_POST, URN``,

into :class:`HeaderRecord` and :class:`Episode` records (codes as enums, dates as
``datetime.date``), and from them each child's :class:`~childcare_commissioning.model.
ChildOrYoungPerson`, :class:`~childcare_commissioning.model.CareEpisode` history and
statuses (:class:`LookedAfterChild`), so a council's defined status (Derby's care leaver)
is computed from the real episodes. :func:`write_header` and :func:`write_episodes` write
the tables back out.

Field meanings, the date format (``dd/mm/YYYY``) and the code lists follow the Data to
Insight validator (``data-to-insight/csc-validator-be-903``, the tool councils run before
submitting) and the DfE guide to the SSDA903 collection. Code lists are the union over the
collection years the validator checks (2022 to 2023 to 2025 to 2026): a code retired in a
later year (``PLACE`` ``Z1``, ``SEX`` ``1``/``2``) still reads, so older returns do.

Reading is streaming: :func:`read_header` and :func:`read_episodes` yield one record per
row and hold nothing else. Nothing in a row is dropped: columns this module does not model
(``ETHNIC``, ``UPN``, ``MOTHER``, ``MC_DOB`` or any a system adds) are kept, in order, in
the record's ``extra`` and written back out; :func:`column_findings` reports them.

Bad input (a missing column, a date that is not ``dd/mm/YYYY``, a code not in the list, a
row with more cells than the header) raises :class:`Ssda903Error` naming the file, line,
column and rule; no message or ``repr`` holds a date of birth, postcode or other cell value.

Readings (see ``docs/formats/ssda903.md`` and :data:`READINGS`):

- ``DEC`` is the first day the episode no longer covers (the DfE counts an episode's days
  as ``DEC - DECOM``; a child who leaves care on their 18th birthday has that birthday as
  ``DEC``), so the care episode's last day is the day before ``DEC``. An episode that
  starts and ends on one day holds no whole day and gives no care episode.
- Legal status ``V4`` episodes record a short-breaks agreement, not the days the child
  was looked after, so they give no care episode (``V3``, one short break each, does).
"""

from __future__ import annotations

import csv
import datetime as dt
import enum
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from types import MappingProxyType
from typing import IO, Any, TypeVar

import attrs

from childcare_commissioning.csvsafe import CsvQuoteError, strict_rows
from childcare_commissioning.errors import CommissioningError
from childcare_commissioning.model import (
    CareEpisode,
    ChildOrYoungPerson,
    Citation,
    Finding,
    Reading,
    Severity,
)
from childcare_commissioning.model._fields import personal
from childcare_commissioning.model.people import Status
from childcare_commissioning.statuses import StatusDefinition, evaluate_status

__all__ = [
    "DATE_FORMAT",
    "EPISODES_COLUMNS",
    "HEADER_COLUMNS",
    "READINGS",
    "CategoryOfNeed",
    "Episode",
    "HeaderRecord",
    "LegalStatus",
    "LookedAfterChild",
    "PlacementProvider",
    "PlacementType",
    "ReasonEpisodeCeased",
    "ReasonNewEpisode",
    "ReasonPlaceChange",
    "Sex",
    "Ssda903Error",
    "Ssda903Return",
    "column_findings",
    "identify",
    "load",
    "placement_statuses",
    "read_episodes",
    "read_header",
    "write_episodes",
    "write_header",
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

_SOURCE = (
    "DfE, Children looked after by local authorities in England: guide to the SSDA903 "
    "collection; code lists as checked by data-to-insight/csc-validator-be-903"
)
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


class _Code(enum.StrEnum):
    """An SSDA903 code; ``meaning`` is the DfE guide's description."""

    @property
    def meaning(self) -> str:
        """What the code means (the DfE guide's words, shortened)."""
        return _MEANINGS[type(self)][self.value]


class Sex(_Code):
    """``SEX``: ``1``/``2`` to 2023 to 2024, ``M``/``F``/``U`` from 2024 to 2025."""

    MALE_1 = "1"
    FEMALE_2 = "2"
    MALE = "M"
    FEMALE = "F"
    UNKNOWN = "U"


class ReasonNewEpisode(_Code):
    """``RNE``: why a new episode of care began."""

    S = "S"
    L = "L"
    P = "P"
    T = "T"
    U = "U"
    B = "B"


class LegalStatus(_Code):
    """``LS``: the legal status under which the child is looked after."""

    C1 = "C1"
    C2 = "C2"
    D1 = "D1"
    E1 = "E1"
    V2 = "V2"
    V3 = "V3"
    V4 = "V4"
    J1 = "J1"
    J2 = "J2"
    J3 = "J3"
    L1 = "L1"
    L2 = "L2"
    L3 = "L3"


class CategoryOfNeed(_Code):
    """``CIN``: the main reason the child is in need."""

    N1 = "N1"
    N2 = "N2"
    N3 = "N3"
    N4 = "N4"
    N5 = "N5"
    N6 = "N6"
    N7 = "N7"
    N8 = "N8"


class PlacementType(_Code):
    """``PLACE``: where the child is placed."""

    A3 = "A3"
    A4 = "A4"
    A5 = "A5"
    A6 = "A6"
    H5 = "H5"
    K1 = "K1"
    K2 = "K2"
    K3 = "K3"
    P1 = "P1"
    P2 = "P2"
    P3 = "P3"
    R1 = "R1"
    R2 = "R2"
    R3 = "R3"
    R5 = "R5"
    S1 = "S1"
    T0 = "T0"
    T1 = "T1"
    T2 = "T2"
    T3 = "T3"
    T4 = "T4"
    U1 = "U1"
    U2 = "U2"
    U3 = "U3"
    U4 = "U4"
    U5 = "U5"
    U6 = "U6"
    Z1 = "Z1"
    Z11 = "Z11"
    Z12 = "Z12"
    Z13 = "Z13"
    Z14 = "Z14"


class PlacementProvider(_Code):
    """``PLACE_PROVIDER``: who provides the placement."""

    PR0 = "PR0"
    PR1 = "PR1"
    PR2 = "PR2"
    PR3 = "PR3"
    PR4 = "PR4"
    PR5 = "PR5"


class ReasonEpisodeCeased(_Code):
    """``REC``: why the episode ended (``X1``: a new episode began the same day)."""

    E11 = "E11"
    E12 = "E12"
    E13 = "E13"
    E14 = "E14"
    E15 = "E15"
    E16 = "E16"
    E17 = "E17"
    E2 = "E2"
    E3 = "E3"
    E41 = "E41"
    E45 = "E45"
    E46 = "E46"
    E47 = "E47"
    E48 = "E48"
    E4A = "E4A"
    E4B = "E4B"
    E5 = "E5"
    E6 = "E6"
    E7 = "E7"
    E8 = "E8"
    E9 = "E9"
    X1 = "X1"


class ReasonPlaceChange(_Code):
    """``REASON_PLACE_CHANGE``: why the placement changed."""

    CARPL = "CARPL"
    CLOSE = "CLOSE"
    ALLEG = "ALLEG"
    STAND = "STAND"
    APPRR = "APPRR"
    CREQB = "CREQB"
    CREQO = "CREQO"
    CHILD = "CHILD"
    LAREQ = "LAREQ"
    PLACE = "PLACE"
    CUSTOD = "CUSTOD"
    OTHER = "OTHER"


_OTHER_2025 = "Other placement (one of the four codes that replace Z1 from 2025 to 2026)"
_MEANINGS: dict[type[_Code], dict[str, str]] = {
    Sex: {
        "1": "Male (code used to 2023 to 2024)",
        "2": "Female (code used to 2023 to 2024)",
        "M": "Male",
        "F": "Female",
        "U": "Unknown (sex not recorded)",
    },
    ReasonNewEpisode: {
        "S": "Started to be looked after",
        "L": "Change of legal status only",
        "P": "Change of placement and carer(s) only",
        "T": "Change of placement (but same carer(s)) only",
        "U": "Change of legal status and of placement and carer(s) at the same time",
        "B": "Change of legal status and of placement (but same carer(s)) at the same time",
    },
    LegalStatus: {
        "C1": "Interim care order",
        "C2": "Full care order",
        "D1": "Freeing order granted",
        "E1": "Placement order granted",
        "V2": "Single period of accommodation under section 20 (Children Act 1989)",
        "V3": "Accommodated under an agreed series of short-term breaks, when individual "
        "episodes of care are recorded",
        "V4": "Accommodated under an agreed series of short-term breaks, when agreements are "
        "recorded (not individual episodes of care)",
        "J1": "Remanded to local authority accommodation or to youth detention accommodation",
        "J2": "Placed in local authority accommodation under the Police and Criminal "
        "Evidence Act 1984",
        "J3": "Sentenced to a youth rehabilitation order with a residence or intensive "
        "fostering requirement",
        "L1": "Under police protection and in local authority accommodation",
        "L2": "Emergency protection order",
        "L3": "Under a child assessment order and in local authority accommodation",
    },
    CategoryOfNeed: {
        "N1": "Abuse or neglect",
        "N2": "Child's disability",
        "N3": "Parental illness or disability",
        "N4": "Family in acute stress",
        "N5": "Family dysfunction",
        "N6": "Socially unacceptable behaviour",
        "N7": "Low income",
        "N8": "Absent parenting",
    },
    PlacementType: {
        "A3": "Placed for adoption with parental consent with current foster carer(s)",
        "A4": "Placed for adoption with parental consent not with current foster carer(s)",
        "A5": "Placed for adoption with a placement order with current foster carer(s)",
        "A6": "Placed for adoption with a placement order not with current foster carer(s)",
        "H5": "Semi-independent living accommodation not subject to children's homes regulations",
        "K1": "Secure children's home",
        "K2": "Children's home subject to children's homes regulations",
        "K3": "Supported accommodation not subject to children's homes regulations",
        "P1": "Placed with own parent(s) or other person(s) with parental responsibility",
        "P2": "Independent living (flat, lodgings, bedsit, B&B or with friends)",
        "P3": "Residential employment",
        "R1": "Residential care home",
        "R2": "NHS or health trust establishment providing medical or nursing care",
        "R3": "Family centre or mother and baby unit",
        "R5": "Young offender institution",
        "S1": "Residential school (except where also registered as a children's home)",
        "T0": "Temporary move of any type",
        "T1": "Temporary period in hospital",
        "T2": "Temporary absence of the child on holiday",
        "T3": "Temporary accommodation while the normal foster carer(s) are on holiday",
        "T4": "Temporary accommodation of seven days or less not covered by T1 to T3",
        "U1": "Foster placement with relative(s) or friend(s): long-term fostering",
        "U2": "Foster placement with relative(s) or friend(s) who are also approved "
        "adopter(s): fostering for adoption or concurrent planning",
        "U3": "Foster placement with relative(s) or friend(s): not long-term or fostering "
        "for adoption",
        "U4": "Foster placement with other foster carer(s): long-term fostering",
        "U5": "Foster placement with other foster carer(s) who are also approved "
        "adopter(s): fostering for adoption or concurrent planning",
        "U6": "Foster placement with other foster carer(s): not long-term or fostering for "
        "adoption",
        "Z1": "Other placement (code used to 2024 to 2025)",
        "Z11": _OTHER_2025,
        "Z12": _OTHER_2025,
        "Z13": _OTHER_2025,
        "Z14": _OTHER_2025,
    },
    PlacementProvider: {
        "PR0": "Parent(s) or other person(s) with parental responsibility",
        "PR1": "Own provision (by the local authority)",
        "PR2": "Other local authority provision",
        "PR3": "Other public provision",
        "PR4": "Private provision",
        "PR5": "Voluntary or third sector provision",
    },
    ReasonEpisodeCeased: {
        "E11": "Adopted: application for an adoption order unopposed",
        "E12": "Adopted: consent dispensed with by the court",
        "E13": "Left care to live with parent(s), relative(s) or other person(s) with no "
        "parental responsibility",
        "E14": "Accommodation on remand ended",
        "E15": "Age assessment determined the child is aged 18 or over",
        "E16": "Child moved abroad",
        "E17": "Aged 18 or over and remained with current carers (staying put)",
        "E2": "Died",
        "E3": "Care taken over by another local authority in the UK",
        "E41": "Residence order or child arrangements order granted",
        "E45": "Special guardianship order made to former foster carer(s) who are "
        "relative(s) or friend(s)",
        "E46": "Special guardianship order made to former foster carer(s) other than "
        "relative(s) or friend(s)",
        "E47": "Special guardianship order made to carer(s), not former foster carer(s), "
        "who are relative(s) or friend(s)",
        "E48": "Special guardianship order made to carer(s), not former foster carer(s), "
        "other than relative(s) or friend(s)",
        "E4A": "Returned home to live with parent(s) or others with parental "
        "responsibility as part of the care planning process",
        "E4B": "Returned home to live with parent(s) or others with parental "
        "responsibility not as part of the care planning process",
        "E5": "Moved into independent living with formalised advice or support",
        "E6": "Moved into independent living without formalised advice or support",
        "E7": "Transferred to residential care funded by adult social care services",
        "E8": "Period of being looked after ceased for any other reason",
        "E9": "Sentenced to custody",
        "X1": "Episode ceases and a new episode begins on the same day, for any reason",
    },
    ReasonPlaceChange: {
        "CARPL": "Change to or implementation of the care plan",
        "CLOSE": "Resignation or closure of the provision",
        "ALLEG": "Allegation (section 47)",
        "STAND": "Standards of care concern",
        "APPRR": "Approval removed",
        "CREQB": "Carer(s) asked for the placement to end because of the child's behaviour",
        "CREQO": "Carer(s) asked for the placement to end for another reason",
        "CHILD": "Child asked for the placement to end",
        "LAREQ": "Responsible or area authority asked for the placement to end",
        "PLACE": "Change in the status of the placement only",
        "CUSTOD": "Custody arrangement",
        "OTHER": "Other",
    },
}

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


# -- reading ---------------------------------------------------------------------------

_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
E = TypeVar("E", bound=_Code)


class _Rows:
    """The rows of one CSV table, checked against the columns it must have."""

    def __init__(self, handle: IO[str], name: str, required: Sequence[str], table: str):
        self.name = name
        # Strict: an unterminated or stray quote is an error naming its line, never rows
        # swallowed into one cell.
        self.reader = strict_rows(handle)
        try:
            first = next(self.reader, None)
        except CsvQuoteError as exc:
            raise Ssda903Error(name, exc.line, None, "csv-quote", exc.message) from None
        if first is None:
            raise Ssda903Error(name, None, None, "not-empty", "the file is empty")
        self.columns = tuple(cell.strip() for cell in first[1])
        seen: set[str] = set()
        for column in self.columns:
            if column in seen:
                raise Ssda903Error(name, 1, column, "unique-columns", "the column appears twice")
            seen.add(column)
        for column in required:
            if column not in seen:
                raise Ssda903Error(
                    name, 1, column, "required-column", f"the {table} table needs this column"
                )
        self.index = {column: i for i, column in enumerate(self.columns)}

    def __iter__(self) -> Iterator[tuple[int, list[str]]]:
        width = len(self.columns)
        try:
            for line, cells in self.reader:
                if len(cells) > width:
                    raise Ssda903Error(
                        self.name,
                        line,
                        None,
                        "csv-shape",
                        f"{len(cells)} cells but {width} columns in the header",
                    )
                if not any(cell.strip() for cell in cells):
                    continue
                if len(cells) < width:
                    cells = cells + [""] * (width - len(cells))
                yield line, cells
        except CsvQuoteError as exc:
            raise Ssda903Error(self.name, exc.line, None, "csv-quote", exc.message) from None


def _date(rows: _Rows, line: int, column: str, text: str) -> dt.date:
    match = _DATE.fullmatch(text)
    if match is not None:
        day, month, year = (int(part) for part in match.groups())
        try:
            return dt.date(year, month, day)
        except ValueError:
            pass
    raise Ssda903Error(rows.name, line, column, "date", "expected a date as dd/mm/YYYY")


def _code(rows: _Rows, line: int, column: str, text: str, kind: type[E]) -> E | None:
    if not text:
        return None
    try:
        return kind(text)
    except ValueError:
        allowed = ", ".join(member.value for member in kind)
        raise Ssda903Error(
            rows.name, line, column, "code-list", f"not a {column} code (codes: {allowed})"
        ) from None


def _extra_cells(rows: _Rows, cells: list[str], modelled: frozenset[str]) -> dict[str, str]:
    """The non-empty cells of the columns not modelled, by column name in file order."""
    return {
        column: cells[i] for column, i in rows.index.items() if column not in modelled and cells[i]
    }


def _open(source: str | Path | IO[str]) -> tuple[IO[str], str, bool]:
    if isinstance(source, str | Path):
        path = Path(source)
        try:
            handle = path.open(encoding="utf-8-sig", newline="")
        except FileNotFoundError:
            raise Ssda903Error(str(path), None, None, "file-exists", "no such file") from None
        except IsADirectoryError:
            raise Ssda903Error(str(path), None, None, "file-exists", "is a directory") from None
        except OSError as exc:
            raise Ssda903Error(
                str(path), None, None, "file-readable", f"cannot be read ({exc.strerror})"
            ) from None
        return handle, str(path), True
    return source, getattr(source, "name", "<stream>"), False


def _text(rows: _Rows, cells: list[str], column: str) -> str:
    i = rows.index.get(column)
    return "" if i is None else cells[i].strip()


def read_header(source: str | Path | IO[str], name: str | None = None) -> Iterator[HeaderRecord]:
    """The Header table's rows, one at a time. ``source`` is a path or an open text
    stream (opened with ``newline=""``); ``name`` names it in errors."""
    handle, label, owned = _open(source)
    label = name or label
    try:
        try:
            rows = _Rows(handle, label, _HEADER_REQUIRED, "Header")
            for line, cells in rows:
                child = _text(rows, cells, "CHILD")
                if not child:
                    raise Ssda903Error(label, line, "CHILD", "required", "the child id is blank")
                dob = _text(rows, cells, "DOB")
                if not dob:
                    raise Ssda903Error(label, line, "DOB", "required", "the date of birth is blank")
                extra = _extra_cells(rows, cells, _HEADER_MODELLED)
                yield HeaderRecord(
                    child=child,
                    date_of_birth=_date(rows, line, "DOB", dob),
                    sex=_code(rows, line, "SEX", _text(rows, cells, "SEX"), Sex),
                    extra=extra,
                    line=line,
                )
        except UnicodeDecodeError as exc:
            raise Ssda903Error(
                label, None, None, "utf-8", f"not UTF-8 text (near byte {exc.start})"
            ) from None
    finally:
        if owned:
            handle.close()


_EPISODE_MODELLED = frozenset(EPISODES_COLUMNS)


def _codes(kind: type[E]) -> dict[str, E]:
    return {member.value: member for member in kind}


#: The code-list columns of the Episodes table and their enums.
_EPISODE_CODES: tuple[tuple[str, type[_Code]], ...] = (
    ("RNE", ReasonNewEpisode),
    ("LS", LegalStatus),
    ("CIN", CategoryOfNeed),
    ("PLACE", PlacementType),
    ("PLACE_PROVIDER", PlacementProvider),
    ("REC", ReasonEpisodeCeased),
    ("REASON_PLACE_CHANGE", ReasonPlaceChange),
)


def read_episodes(source: str | Path | IO[str], name: str | None = None) -> Iterator[Episode]:
    """The Episodes table's rows, one at a time (every column of :data:`EPISODES_COLUMNS`
    must be present; blank codes read as None, a blank ``DEC`` as an open episode)."""
    handle, label, owned = _open(source)
    label = name or label
    try:
        try:
            rows = _Rows(handle, label, EPISODES_COLUMNS, "Episodes")
            index = rows.index
            i_child, i_decom, i_dec = index["CHILD"], index["DECOM"], index["DEC"]
            i_home, i_pl, i_urn = index["HOME_POST"], index["PL_POST"], index["URN"]
            # Per code column: its position, name and code -> member table (a dict lookup
            # per cell, where calling the enum would cost a function call or two).
            code_columns = [
                (index[column], column, _codes(kind), kind) for column, kind in _EPISODE_CODES
            ]
            # Dates repeat across a return (a few thousand distinct days): parse each once.
            dates: dict[str, dt.date] = {}
            has_extra = len(rows.columns) > len(EPISODES_COLUMNS)
            for line, cells in rows:
                child = cells[i_child].strip()
                if not child:
                    raise Ssda903Error(label, line, "CHILD", "required", "the child id is blank")
                decom = cells[i_decom].strip()
                if not decom:
                    raise Ssda903Error(
                        label, line, "DECOM", "required", "the date the episode began is blank"
                    )
                start = dates.get(decom)
                if start is None:
                    start = dates[decom] = _date(rows, line, "DECOM", decom)
                dec = cells[i_dec].strip()
                end = dates.get(dec) if dec else None
                if dec and end is None:
                    end = dates[dec] = _date(rows, line, "DEC", dec)
                codes: list[_Code | None] = []
                for i, column, table, kind in code_columns:
                    text = cells[i].strip()
                    if not text:
                        codes.append(None)
                        continue
                    member = table.get(text)
                    if member is None:
                        _code(rows, line, column, text, kind)  # raises, naming the column
                    codes.append(member)
                home = cells[i_home].strip()
                placed = cells[i_pl].strip()
                urn = cells[i_urn].strip()
                yield Episode(
                    child,
                    start,
                    codes[0],  # type: ignore[arg-type]
                    codes[1],  # type: ignore[arg-type]
                    codes[2],  # type: ignore[arg-type]
                    codes[3],  # type: ignore[arg-type]
                    codes[4],  # type: ignore[arg-type]
                    end,
                    codes[5],  # type: ignore[arg-type]
                    codes[6],  # type: ignore[arg-type]
                    home or None,
                    placed or None,
                    urn or None,
                    _extra_cells(rows, cells, _EPISODE_MODELLED) if has_extra else _NOTHING,
                    line,
                )
        except UnicodeDecodeError as exc:
            raise Ssda903Error(
                label, None, None, "utf-8", f"not UTF-8 text (near byte {exc.start})"
            ) from None
    finally:
        if owned:
            handle.close()


def identify(source: str | Path) -> str | None:
    """Which table a CSV file holds, from its column header: ``"Episodes"`` (has ``DECOM``),
    ``"Header"`` (has ``SEX`` and ``DOB`` but no ``DECOM``), None for any other (the
    return's other tables: reviews, UASC, OC2, ...)."""
    handle, label, _ = _open(source)
    with handle:
        try:
            first = next(csv.reader(handle), None)
        except (csv.Error, UnicodeDecodeError):
            raise Ssda903Error(label, 1, None, "csv", "the column header cannot be read") from None
    columns = {cell.strip() for cell in first or ()}
    if "DECOM" in columns:
        return "Episodes"
    if {"SEX", "DOB"} <= columns:
        return "Header"
    return None


def column_findings(columns: Sequence[str], table: str, file: str) -> list[Finding]:
    """Info findings for the columns of ``table`` this module keeps without modelling
    (carried in ``extra`` and written back out)."""
    known = HEADER_COLUMNS if table == "Header" else EPISODES_COLUMNS
    modelled = _HEADER_MODELLED if table == "Header" else _EPISODE_MODELLED
    findings = []
    for column in columns:
        if column in modelled:
            continue
        kind = "an SSDA903 column" if column in known else "not an SSDA903 column"
        findings.append(
            Finding(
                Severity.INFO,
                "ssda903.column-kept",
                f"{file}: column {column} ({kind}) is not modelled; its cells are kept in "
                "each record's extra and written back out",
                f"$.{table}.{column}",
            )
        )
    return findings


# -- writing ---------------------------------------------------------------------------


def _fmt(value: dt.date | None) -> str:
    return "" if value is None else value.strftime(DATE_FORMAT)


def _columns(standard: Sequence[str], records: Iterable[HeaderRecord | Episode]) -> list[str]:
    columns = list(standard)
    for record in records:
        for column in record.extra:
            if column not in columns:
                columns.append(column)
    return columns


_R = TypeVar("_R", "HeaderRecord", "Episode")


def _write_table(
    records: Iterable[_R],
    out: IO[str],
    standard: Sequence[str],
    columns: Sequence[str] | None,
    lineterminator: str,
    cells: Callable[[_R], dict[str, str | None]],
) -> None:
    """Write one table: the header (``columns``, or ``standard`` then any other column
    found in the records' ``extra``), then each record's modelled cells (``cells``) and its
    kept ``extra`` cells, every cell through
    :func:`~childcare_commissioning.csvsafe.safe_cell` (safe in a spreadsheet)."""
    from childcare_commissioning.csvsafe import safe_cell

    rows: Iterable[_R] = records
    if columns is None:
        rows = list(records)
        header = _columns(standard, rows)
    else:
        header = list(columns)
    writer = csv.writer(out, lineterminator=lineterminator)
    writer.writerow(header)
    for record in rows:
        values = cells(record)
        writer.writerow(
            [safe_cell(values[c] if c in values else record.extra.get(c, "")) for c in header]
        )


def _cell(value: object) -> str | None:
    return None if value is None else str(value)


def write_header(
    records: Iterable[HeaderRecord],
    out: IO[str],
    columns: Sequence[str] | None = None,
    lineterminator: str = "\r\n",
) -> None:
    """Write the Header table: ``columns`` (default :data:`HEADER_COLUMNS` then any other
    column found in the records' ``extra``), dates as ``dd/mm/YYYY``. Text cells go
    through :func:`~childcare_commissioning.csvsafe.safe_cell` (safe in a spreadsheet)."""
    _write_table(
        records,
        out,
        HEADER_COLUMNS,
        columns,
        lineterminator,
        lambda record: {
            "CHILD": record.child,
            "SEX": "" if record.sex is None else record.sex.value,
            "DOB": _fmt(record.date_of_birth),
        },
    )


def write_episodes(
    episodes: Iterable[Episode],
    out: IO[str],
    columns: Sequence[str] | None = None,
    lineterminator: str = "\r\n",
) -> None:
    """Write the Episodes table: ``columns`` (default :data:`EPISODES_COLUMNS` then any
    other column found in the episodes' ``extra``), dates as ``dd/mm/YYYY``."""
    _write_table(
        episodes,
        out,
        EPISODES_COLUMNS,
        columns,
        lineterminator,
        lambda e: {
            "CHILD": e.child,
            "DECOM": _fmt(e.start),
            "RNE": _cell(e.reason_new_episode),
            "LS": _cell(e.legal_status),
            "CIN": _cell(e.category_of_need),
            "PLACE": _cell(e.placement),
            "PLACE_PROVIDER": _cell(e.placement_provider),
            "DEC": _fmt(e.end),
            "REC": _cell(e.reason_ceased),
            "REASON_PLACE_CHANGE": _cell(e.reason_place_change),
            "HOME_POST": e.home_postcode,
            "PL_POST": e.placement_postcode,
            "URN": e.urn,
        },
    )


# -- children, care histories and statuses ---------------------------------------------


def placement_statuses(episode: Episode) -> frozenset[Status]:
    """The library's placement statuses for where an episode places the child:

    - ``U1``-``U3`` (foster placement with relatives or friends): kinship care;
    - ``U4``-``U6`` (other foster carers): in-house foster care when the provider is the
      council itself (``PR1``), agency foster care when private or voluntary (``PR4``,
      ``PR5``), neither otherwise (another council's or public provision);
    - ``K1``, ``K2`` (children's homes) and ``R1`` (residential care home): residential
      care, and a ``K2`` home the council runs itself (``PR1``) is also an LA residential
      home.

    Other placements (adoption, with parents, independent or supported living, temporary
    moves, custody, other) give no placement status.
    """
    place, provider = episode.placement, episode.placement_provider
    if place in (PlacementType.U1, PlacementType.U2, PlacementType.U3):
        return frozenset({Status.KINSHIP_CARE})
    if place in (PlacementType.U4, PlacementType.U5, PlacementType.U6):
        if provider is PlacementProvider.PR1:
            return frozenset({Status.IN_HOUSE_FOSTER_CARE})
        if provider in (PlacementProvider.PR4, PlacementProvider.PR5):
            return frozenset({Status.AGENCY_FOSTER_CARE})
        return frozenset()
    if place in (PlacementType.K1, PlacementType.K2, PlacementType.R1):
        if place is PlacementType.K2 and provider is PlacementProvider.PR1:
            return frozenset({Status.RESIDENTIAL_CARE, Status.LA_RESIDENTIAL_HOME})
        return frozenset({Status.RESIDENTIAL_CARE})
    return frozenset()


@attrs.frozen
class LookedAfterChild:
    """A child of the return: their Header row (None when the Header has no row for them)
    and their episodes, in start order."""

    child: str
    header: HeaderRecord | None
    episodes: tuple[Episode, ...]

    def care_episodes(self) -> tuple[CareEpisode, ...]:
        """The care history as the library's :class:`CareEpisode` s (:data:`READINGS`)."""
        return tuple(c for c in (e.care_episode() for e in self.episodes) if c is not None)

    def episode_on(self, day: dt.date) -> Episode | None:
        """The episode covering ``day`` (the latest starting, if records overlap)."""
        found = None
        for episode in self.episodes:
            if episode.covers(day) and episode.legal_status is not LegalStatus.V4:
                found = episode
        return found

    def statuses(
        self, on: dt.date, definitions: Sequence[StatusDefinition] = ()
    ) -> frozenset[Status]:
        """The child's statuses on ``on``: looked after (with the placement's statuses,
        :func:`placement_statuses`) when an episode covers the day, and each of a council's
        ``definitions`` that holds on its care history."""
        found: set[Status] = set()
        current = self.episode_on(on)
        if current is not None:
            found.add(Status.LOOKED_AFTER)
            found |= placement_statuses(current)
        if self.header is not None and definitions:
            history = self.care_episodes()
            for definition in definitions:
                born = self.header.date_of_birth
                if born <= on and evaluate_status(definition, born, history, on).holds:
                    found.add(definition.status)
        return frozenset(found)

    def person(
        self, on: dt.date, definitions: Sequence[StatusDefinition] = ()
    ) -> ChildOrYoungPerson:
        """The child as the library's model holds them, with their statuses on ``on``."""
        statuses = self.statuses(on, definitions)
        if self.header is None:
            return ChildOrYoungPerson(id=self.child, statuses=statuses)
        return self.header.person(statuses)


@attrs.frozen
class Ssda903Return:
    """The children of a return (in Header order, then children with episodes but no
    Header row) and what reading it found worth saying."""

    children: tuple[LookedAfterChild, ...]
    findings: tuple[Finding, ...] = ()
    header_columns: tuple[str, ...] = HEADER_COLUMNS
    episodes_columns: tuple[str, ...] = EPISODES_COLUMNS

    def child(self, child_id: str) -> LookedAfterChild:
        """The child with id ``child_id`` (KeyError if absent)."""
        for child in self.children:
            if child.child == child_id:
                return child
        raise KeyError(child_id)


def _columns_of(source: str | Path) -> tuple[str, ...]:
    handle, _, _ = _open(source)
    with handle:
        first = next(csv.reader(handle), None)
    return tuple(cell.strip() for cell in first or ())


def load(header: str | Path, episodes: str | Path) -> Ssda903Return:
    """Read a return's Header and Episodes files into its children.

    Each child's episodes are grouped (the files need not be sorted) and put in start
    order; episodes whose child has no Header row, and Header rows with no episode, are
    reported as warnings (ids only: a CHILD id is pseudonymous, never a date or postcode).
    """
    findings: list[Finding] = []
    header_columns = _columns_of(header)
    episodes_columns = _columns_of(episodes)
    findings += column_findings(header_columns, "Header", str(header))
    findings += column_findings(episodes_columns, "Episodes", str(episodes))
    headers: dict[str, HeaderRecord] = {}
    for record in read_header(header):
        if record.child in headers:
            raise Ssda903Error(
                str(header), record.line, "CHILD", "unique-child", "the child has two Header rows"
            )
        headers[record.child] = record
    grouped: dict[str, list[Episode]] = {}
    for episode in read_episodes(episodes):
        grouped.setdefault(episode.child, []).append(episode)
        findings += _implausible(episode, headers.get(episode.child), str(episodes))
    children = []
    for child_id, record in headers.items():
        mine = grouped.pop(child_id, [])
        if not mine:
            findings.append(
                Finding(
                    Severity.WARNING,
                    "ssda903.no-episodes",
                    f"{header} line {record.line}: the child has no episode",
                    "$.Header.CHILD",
                )
            )
        children.append(LookedAfterChild(child_id, record, tuple(sorted(mine, key=_start))))
    for child_id, mine in grouped.items():
        findings.append(
            Finding(
                Severity.WARNING,
                "ssda903.no-header",
                f"{episodes} line {mine[0].line}: the child has episodes but no Header row; "
                "their statuses are computed without a date of birth",
                "$.Episodes.CHILD",
            )
        )
        children.append(LookedAfterChild(child_id, None, tuple(sorted(mine, key=_start))))
    return Ssda903Return(tuple(children), tuple(findings), header_columns, episodes_columns)


def _implausible(episode: Episode, header: HeaderRecord | None, file: str) -> list[Finding]:
    """Warnings for an episode the dates make impossible, never read silently as 0 days:
    one that ceases before it began, one that began before the child was born. They name
    the line and the columns, never a date (a date of birth is personal data)."""
    found = []
    if episode.end is not None and episode.end < episode.start:
        found.append(
            Finding(
                Severity.WARNING,
                "ssda903.dec-before-decom",
                f"{file} line {episode.line}: the episode ceases (DEC) before it began "
                "(DECOM); it is counted as covering no day",
                "$.Episodes.DEC",
            )
        )
    if header is not None and episode.start < header.date_of_birth:
        found.append(
            Finding(
                Severity.WARNING,
                "ssda903.decom-before-birth",
                f"{file} line {episode.line}: the episode began (DECOM) before the child's "
                "date of birth (Header DOB)",
                "$.Episodes.DECOM",
            )
        )
    return found


def _start(episode: Episode) -> dt.date:
    return episode.start
