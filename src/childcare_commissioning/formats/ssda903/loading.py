"""Loading a return: its Header and Episodes into children, with every finding."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from childcare_commissioning.formats.ssda903.children import LookedAfterChild, Ssda903Return
from childcare_commissioning.formats.ssda903.reading import ReadReport, read_episodes, read_header
from childcare_commissioning.formats.ssda903.records import (
    _EPISODE_MODELLED,
    _HEADER_MODELLED,
    EPISODES_COLUMNS,
    HEADER_COLUMNS,
    READINGS,
    Episode,
    HeaderRecord,
    Ssda903Error,
)
from childcare_commissioning.formats.ssda903.source import Source
from childcare_commissioning.model import Finding, Severity

__all__ = ["column_findings", "load"]

_CEASED_BEFORE_START = next(r for r in READINGS if r.id == "ssda903-episode-ceased-before-start")


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


def load(header: Source | None, episodes: Source | None) -> Ssda903Return:
    """Read a return's Header and Episodes tables (paths or streams) into its children.

    Every bad cell of both tables is found before any is raised: :class:`~childcare_
    commissioning.formats.ssda903.Ssda903Errors` lists them (table, line, column, rule).
    Each child's episodes are grouped (the files need not be sorted) and put in start
    order; episodes whose child has no Header row, Header rows with no episode, episodes
    ceasing before they begin (reading ``ssda903-episode-ceased-before-start``) or
    beginning before the child's birth are reported as warnings (ids and lines only: a
    CHILD id is pseudonymous, never a date or postcode). Either table may be None (a
    single table given): one warning then says what is not known without it.
    """
    if header is None and episodes is None:
        raise Ssda903Error("the return", None, None, "ssda903-files", "no table was given")
    report = ReadReport()
    findings: list[Finding] = []
    headers: dict[str, HeaderRecord] = {}
    if header is not None:
        for record in read_header(header, report=report):
            if record.child in headers:
                first = headers[record.child].line
                report.add(
                    Ssda903Error(
                        report.tables["Header"][0],
                        record.line,
                        "CHILD",
                        "unique-child",
                        f"the child has two Header rows (the first on line {first})",
                    )
                )
                continue
            headers[record.child] = record
    grouped: dict[str, list[Episode]] = {}
    if episodes is not None:
        for episode in read_episodes(episodes, report=report):
            grouped.setdefault(episode.child, []).append(episode)
    report.raise_errors()
    header_file, header_columns = report.tables.get("Header", ("", HEADER_COLUMNS))
    episodes_file, episodes_columns = report.tables.get("Episodes", ("", EPISODES_COLUMNS))
    if header is not None:
        findings += column_findings(header_columns, "Header", header_file)
    if episodes is not None:
        findings += column_findings(episodes_columns, "Episodes", episodes_file)
    findings += report.findings()
    for mine in grouped.values():
        for episode in mine:
            findings += _implausible(episode, headers.get(episode.child), episodes_file)
    findings += _missing_table(header, episodes, len(headers), len(grouped))
    children = []
    for child_id, record in headers.items():
        mine = grouped.pop(child_id, [])
        if not mine and episodes is not None:
            findings.append(
                Finding(
                    Severity.WARNING,
                    "ssda903.no-episodes",
                    f"{header_file} line {record.line}: the child has no episode",
                    "$.Header.CHILD",
                )
            )
        children.append(LookedAfterChild(child_id, record, tuple(sorted(mine, key=_start))))
    for child_id, mine in grouped.items():
        if header is not None:
            findings.append(
                Finding(
                    Severity.WARNING,
                    "ssda903.no-header",
                    f"{episodes_file} line {mine[0].line}: the child has episodes but no "
                    "Header row; their statuses are computed without a date of birth",
                    "$.Episodes.CHILD",
                )
            )
        children.append(LookedAfterChild(child_id, None, tuple(sorted(mine, key=_start))))
    return Ssda903Return(tuple(children), tuple(findings), header_columns, episodes_columns)


def _missing_table(
    header: Source | None, episodes: Source | None, headers: int, grouped: int
) -> list[Finding]:
    """The one warning for a return given without its Header or its Episodes table."""
    if header is None:
        return [
            Finding(
                Severity.WARNING,
                "ssda903.no-header-table",
                f"no Header table was given: the {grouped} children of the Episodes table "
                "have no date of birth, so no status defined by age and care history (a "
                "care leaver) is computed for them",
                "$.Header",
            )
        ]
    if episodes is None:
        return [
            Finding(
                Severity.WARNING,
                "ssda903.no-episodes-table",
                f"no Episodes table was given: the {headers} children of the Header table "
                "have no care history, so none is looked after or has a status defined by "
                "a care history",
                "$.Episodes",
            )
        ]
    return []


def _implausible(episode: Episode, header: HeaderRecord | None, file: str) -> list[Finding]:
    """Warnings for an episode the dates make impossible, never read silently as 0 days:
    one that ceases before it began (the validator's rule 356), one that began before the
    child was born. They name the line, the child and the columns, never a date (a date of
    birth is personal data)."""
    found = []
    if episode.end is not None and episode.end < episode.start:
        found.append(
            Finding(
                Severity.WARNING,
                "ssda903.dec-before-decom",
                f"{file} line {episode.line}: child {episode.child}: the episode ceases (DEC) "
                "before it began (DECOM) (DfE validator rule 356); it is counted as covering "
                "no day and the child's other episodes still count, so a status judged on "
                "the care history (a care leaver) may change once the dates are corrected "
                "(reading ssda903-episode-ceased-before-start)",
                "$.Episodes.DEC",
                _CEASED_BEFORE_START.citation,
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
