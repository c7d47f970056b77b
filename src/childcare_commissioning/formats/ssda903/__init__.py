"""SSDA903, the children looked after return: its tables, and the Header and Episodes read.

Councils in England send the Department for Education a return of every child they looked
after in the year (the "SSDA903" or "903"). Their case management systems export it as CSV
files, one per table (Header, Episodes, UASC, Reviews, OC2, OC3, AD1, placed for adoption,
previous permanence, missing, social worker episodes, deprivation of liberty). Each file is
recognised by its columns (:func:`identify`, :data:`TABLES`); this package reads the two
tables that hold a child's care history:

- **Header**: ``CHILD, SEX, DOB`` (and ``ETHNIC, UPN, MOTHER, MC_DOB``);
- **Episodes**: ``CHILD, DECOM, RNE, LS, CIN, PLACE, PLACE_PROVIDER, DEC, REC,
  REASON_PLACE_CHANGE, HOME_POST, PL_POST, URN``,

into :class:`HeaderRecord` and :class:`Episode` records (codes as enums, dates as
``datetime.date``), and from them each child's :class:`~childcare_commissioning.model.
ChildOrYoungPerson`, :class:`~childcare_commissioning.model.CareEpisode` history and
statuses (:class:`LookedAfterChild`), so a council's defined status (Derby's care leaver)
is computed from the real episodes. :func:`write_header` and :func:`write_episodes` write
the tables back out. The other tables are recognised and named, not read.

Field meanings, the date format (``dd/mm/YYYY``), the tables' columns and the code lists
follow the Data to Insight validator (``data-to-insight/csc-validator-be-903``, the tool
councils run before submitting) and the DfE guide to the SSDA903 collection. Code lists
are the union over the collection years the validator checks (2022 to 2023 to 2025 to
2026): a code retired in a later year (``PLACE`` ``Z1``, ``SEX`` ``1``/``2``) still reads,
so older returns do. Cells are upper-cased and trimmed before they are checked, as the
validator upper-cases them on load (:mod:`.reading`), and each normalisation is reported.

Reading is streaming: :func:`read_header` and :func:`read_episodes` yield one record per
row and hold nothing else. Nothing in a row is dropped: columns this package does not model
(``ETHNIC``, ``UPN``, ``MOTHER``, ``MC_DOB`` or any a system adds) are kept, in order, in
the record's ``extra`` and written back out; :func:`column_findings` reports them.

Bad input (a missing column, a date that is not ``dd/mm/YYYY``, a code not in the list, a
row with more cells than the header, text that is not UTF-8) raises :class:`Ssda903Error`
naming the file, line, column and rule; :func:`load` finds every bad cell of both tables
first and raises them together (:class:`Ssda903Errors`, the first :data:`MAX_ERRORS`
listed). No message or ``repr`` holds a date of birth, postcode or other cell value.

Readings (see ``docs/formats/ssda903.md`` and :data:`READINGS`):

- ``DEC`` is the first day the episode no longer covers (the DfE counts an episode's days
  as ``DEC - DECOM``; a child who leaves care on their 18th birthday has that birthday as
  ``DEC``), so the care episode's last day is the day before ``DEC``. An episode that
  starts and ends on one day holds no whole day and gives no care episode.
- Legal status ``V4`` episodes record a short-breaks agreement, not the days the child
  was looked after, so they give no care episode (``V3``, one short break each, does).
- An episode ceasing before it began is reported and covers no day; the child's other
  episodes still count.

Modules: :mod:`.codes` (code lists), :mod:`.records` (records, errors, readings),
:mod:`.tables` (recognising a file), :mod:`.source` (decoding, rows), :mod:`.reading`,
:mod:`.writing`, :mod:`.children` (care histories, statuses), :mod:`.loading`.
"""

from __future__ import annotations

from childcare_commissioning.formats.ssda903.children import (
    LookedAfterChild,
    Ssda903Return,
    placement_statuses,
)
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
from childcare_commissioning.formats.ssda903.loading import column_findings, load
from childcare_commissioning.formats.ssda903.reading import ReadReport, read_episodes, read_header
from childcare_commissioning.formats.ssda903.records import (
    DATE_FORMAT,
    EPISODES_COLUMNS,
    HEADER_COLUMNS,
    MAX_ERRORS,
    READINGS,
    Episode,
    HeaderRecord,
    Ssda903Error,
    Ssda903Errors,
)
from childcare_commissioning.formats.ssda903.source import Source
from childcare_commissioning.formats.ssda903.tables import (
    TABLES,
    Recognition,
    Table,
    identify,
    recognise,
    recognise_file,
)
from childcare_commissioning.formats.ssda903.writing import write_episodes, write_header

__all__ = [
    "DATE_FORMAT",
    "EPISODES_COLUMNS",
    "HEADER_COLUMNS",
    "MAX_ERRORS",
    "READINGS",
    "TABLES",
    "CategoryOfNeed",
    "Episode",
    "HeaderRecord",
    "LegalStatus",
    "LookedAfterChild",
    "PlacementProvider",
    "PlacementType",
    "ReadReport",
    "ReasonEpisodeCeased",
    "ReasonNewEpisode",
    "ReasonPlaceChange",
    "Recognition",
    "Sex",
    "Source",
    "Ssda903Error",
    "Ssda903Errors",
    "Ssda903Return",
    "Table",
    "column_findings",
    "identify",
    "load",
    "placement_statuses",
    "read_episodes",
    "read_header",
    "recognise",
    "recognise_file",
    "write_episodes",
    "write_header",
]
