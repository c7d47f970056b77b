"""SSDA903 Header and Episodes: reading, writing back, errors, care histories, the CLI.

The published example is the Data to Insight validator's own fake return
(tests/fixtures/ssda903, see SOURCE.md). Expected values are read off the fixture rows by
eye or worked out by hand from the DfE code meanings and the readings in
``formats.ssda903.READINGS``, never taken from the code's output.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from childcare_commissioning.cli import main
from childcare_commissioning.formats import ssda903
from childcare_commissioning.formats.ssda903 import (
    Episode,
    LegalStatus,
    PlacementProvider,
    PlacementType,
    ReasonEpisodeCeased,
    ReasonNewEpisode,
    Sex,
    Ssda903Error,
)
from childcare_commissioning.model import CareEpisode, Severity, Status

FIXTURES = Path(__file__).parent / "fixtures" / "ssda903"
HEADER = FIXTURES / "header.csv"
EPISODES = FIXTURES / "episodes.csv"


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# -- the published example ----------------------------------------------------------------


def test_reads_the_validators_fake_return_row_by_row() -> None:
    header = list(ssda903.read_header(HEADER))
    episodes = list(ssda903.read_episodes(EPISODES))
    # header.csv has 2,676 lines (one the column header); episodes.csv 5,051.
    assert len(header) == 2675
    assert len(episodes) == 5050
    # First Header row: "566910,2,27/03/2008,WROM,D051910639385,,"
    first = header[0]
    assert first.child == "566910"
    assert first.sex is Sex.FEMALE_2
    assert first.date_of_birth == dt.date(2008, 3, 27)
    assert first.extra == {"ETHNIC": "WROM", "UPN": "D051910639385"}
    # Second Episodes row (line 3):
    # "566910,14/08/2017,T,C2,N3,A3,PR3,,X1,,EG19 7TT,WV27 9FW,8969628"
    second = episodes[1]
    assert second.line == 3
    assert second.start == dt.date(2017, 8, 14)
    assert second.end is None
    assert second.reason_new_episode is ReasonNewEpisode.T
    assert second.legal_status is LegalStatus.C2
    assert second.placement is PlacementType.A3
    assert second.placement_provider is PlacementProvider.PR3
    assert second.reason_ceased is ReasonEpisodeCeased.X1
    assert second.reason_place_change is None
    assert second.home_postcode == "EG19 7TT"
    assert second.placement_postcode == "WV27 9FW"
    assert second.urn == "8969628"


def test_round_trip_gives_back_the_published_files_exactly() -> None:
    """Our model in, the two tables out: byte for byte the source (which ends lines in LF)."""
    for path, read, write in (
        (HEADER, ssda903.read_header, ssda903.write_header),
        (EPISODES, ssda903.read_episodes, ssda903.write_episodes),
    ):
        out = io.StringIO()
        write(read(path), out, lineterminator="\n")  # type: ignore[operator]
        assert out.getvalue() == path.read_text(encoding="utf-8")


def test_load_groups_episodes_by_child_in_start_order() -> None:
    result = ssda903.load(HEADER, EPISODES)
    assert len(result.children) == 2675
    # Child 550084 has three episodes in the fixture (lines 8-10), from 18/02/2017.
    child = result.child("550084")
    assert [e.start for e in child.episodes] == [
        dt.date(2017, 2, 18),
        dt.date(2017, 11, 5),
        dt.date(2017, 11, 19),
    ]
    # ETHNIC, UPN, MOTHER and MC_DOB are kept, not modelled: one finding each.
    kept = {f.path for f in result.findings if f.code == "ssda903.column-kept"}
    assert kept == {"$.Header.ETHNIC", "$.Header.UPN", "$.Header.MOTHER", "$.Header.MC_DOB"}


def test_statuses_of_a_fixture_child() -> None:
    """Child 550084: 18/02/2017 L J1 A5 PR3 to 05/11/2017; 05/11/2017 P J1 R1 PR2 to
    19/11/2017; 19/11/2017 P J1 T0 PR3, open."""
    child = ssda903.load(HEADER, EPISODES).child("550084")
    # Placed for adoption (A5): looked after, no placement status.
    assert child.statuses(dt.date(2017, 3, 1)) == {Status.LOOKED_AFTER}
    # 05/11/2017 is the R1 episode's first day (the A5 episode's DEC is not its day).
    assert child.statuses(dt.date(2017, 11, 5)) == {Status.LOOKED_AFTER, Status.RESIDENTIAL_CARE}
    # 18/11/2017 is the R1 episode's last day; 19/11 the temporary move's first.
    assert Status.RESIDENTIAL_CARE in child.statuses(dt.date(2017, 11, 18))
    assert child.statuses(dt.date(2017, 11, 19)) == {Status.LOOKED_AFTER}
    assert child.statuses(dt.date(2017, 2, 17)) == frozenset()
    # One unbroken period 18/02/2017 .. 31/12/2017 when asked on 31/12/2017:
    # 11 (Feb) + 31+30+31+30+31+31+30+31+30+31 (Mar-Dec) = 317 days.
    history = child.care_episodes()
    from childcare_commissioning.statuses import merge_episodes

    assert merge_episodes(history, dt.date(2017, 12, 31)) == [
        (dt.date(2017, 2, 18), dt.date(2017, 12, 31))
    ]
    person = child.person(dt.date(2017, 11, 6))
    assert person.id == "550084"
    assert person.date_of_birth == dt.date(2008, 5, 4)
    assert person.gender == "Female (code used to 2023 to 2024)"
    assert person.ethnicity == "AOTH"


# -- readings: what an episode counts as ----------------------------------------------------


def _episode(start: dt.date, end: dt.date | None, ls: LegalStatus = LegalStatus.C2) -> Episode:
    return Episode("c1", start, legal_status=ls, end=end)


def test_dec_is_the_first_day_not_covered() -> None:
    """DECOM 01/01/2020, DEC 01/04/2020: the care episode runs 01/01 to 31/03/2020."""
    episode = _episode(dt.date(2020, 1, 1), dt.date(2020, 4, 1))
    assert episode.care_episode() == CareEpisode(dt.date(2020, 1, 1), dt.date(2020, 3, 31))
    assert episode.covers(dt.date(2020, 3, 31))
    assert not episode.covers(dt.date(2020, 4, 1))
    assert _episode(dt.date(2020, 1, 1), None).care_episode() == CareEpisode(dt.date(2020, 1, 1))


def test_same_day_and_short_break_agreement_episodes_are_no_time_looked_after() -> None:
    day = dt.date(2020, 5, 5)
    assert _episode(day, day).care_episode() is None
    assert _episode(day, dt.date(2020, 9, 1), LegalStatus.V4).care_episode() is None
    v3 = _episode(day, dt.date(2020, 5, 7), LegalStatus.V3).care_episode()
    assert v3 == CareEpisode(day, dt.date(2020, 5, 6))
    assert {r.id for r in ssda903.READINGS} == {
        "ssda903-date-ceased",
        "ssda903-short-break-agreements",
        "ssda903-episode-ceased-before-start",
    }


@pytest.mark.parametrize(
    ("place", "provider", "expected"),
    [
        ("U1", "PR1", {Status.KINSHIP_CARE}),
        ("U3", "PR4", {Status.KINSHIP_CARE}),
        ("U4", "PR1", {Status.IN_HOUSE_FOSTER_CARE}),
        ("U6", "PR4", {Status.AGENCY_FOSTER_CARE}),
        ("U5", "PR5", {Status.AGENCY_FOSTER_CARE}),
        ("U6", "PR2", set()),
        ("K2", "PR1", {Status.RESIDENTIAL_CARE, Status.LA_RESIDENTIAL_HOME}),
        ("K2", "PR4", {Status.RESIDENTIAL_CARE}),
        ("R1", "PR1", {Status.RESIDENTIAL_CARE}),
        ("P1", "PR0", set()),
        ("T2", None, set()),
    ],
)
def test_placement_statuses(place: str, provider: str | None, expected: set[Status]) -> None:
    episode = Episode(
        "c1",
        dt.date(2020, 1, 1),
        placement=PlacementType(place),
        placement_provider=None if provider is None else PlacementProvider(provider),
    )
    assert ssda903.placement_statuses(episode) == expected


def test_code_meanings_are_the_dfe_descriptions() -> None:
    assert ReasonEpisodeCeased.X1.meaning.startswith("Episode ceases and a new episode begins")
    assert LegalStatus.C2.meaning == "Full care order"
    assert PlacementProvider.PR1.meaning == "Own provision (by the local authority)"
    for kind in (
        Sex,
        ReasonNewEpisode,
        LegalStatus,
        ssda903.CategoryOfNeed,
        PlacementType,
        PlacementProvider,
        ReasonEpisodeCeased,
        ssda903.ReasonPlaceChange,
    ):
        assert all(member.meaning for member in kind)


# -- personal data ------------------------------------------------------------------------


def test_reprs_hold_no_date_of_birth_or_postcode() -> None:
    header = next(ssda903.read_header(HEADER))
    episode = list(ssda903.read_episodes(EPISODES))[1]
    text = repr(header) + repr(episode)
    for secret in ("2008", "27/03", "D051910639385", "WROM", "EG19 7TT", "WV27 9FW", "2017"):
        assert secret not in text
    assert "566910" in text


# -- bad input ----------------------------------------------------------------------------

EPISODE_HEAD = ",".join(ssda903.EPISODES_COLUMNS)


def _episodes_error(tmp_path: Path, text: str) -> Ssda903Error:
    path = _write(tmp_path, "eps.csv", text)
    with pytest.raises(Ssda903Error) as caught:
        list(ssda903.read_episodes(path))
    return caught.value


def test_missing_column_is_named(tmp_path: Path) -> None:
    error = _episodes_error(tmp_path, EPISODE_HEAD.replace(",URN", "") + "\n")
    assert (error.line, error.column, error.rule) == (1, "URN", "required-column")
    assert "eps.csv line 1, column URN" in str(error)


def test_bad_date_names_file_line_and_column_not_the_value(tmp_path: Path) -> None:
    good = "1,01/02/2020,S,C2,N1,U4,PR1,,X1,,AB1 2CD,EF3 4GH,1234567"
    bad = "2,31/02/2020,S,C2,N1,U4,PR1,,X1,,AB1 2CD,EF3 4GH,1234567"
    error = _episodes_error(tmp_path, f"{EPISODE_HEAD}\n{good}\n{bad}\n")
    assert (error.line, error.column, error.rule) == (3, "DECOM", "date")
    assert "31/02" not in str(error)
    iso = "2,2020-02-01,S,C2,N1,U4,PR1,,X1,,AB1 2CD,EF3 4GH,1234567"
    assert _episodes_error(tmp_path, f"{EPISODE_HEAD}\n{iso}\n").rule == "date"


def test_unknown_code_is_refused_without_echoing_it(tmp_path: Path) -> None:
    # A postcode typed into PLACE: refused, and the postcode is not repeated.
    row = "1,01/02/2020,S,C2,N1,AB1 2CD,PR1,,X1,,,,"
    error = _episodes_error(tmp_path, f"{EPISODE_HEAD}\n{row}\n")
    assert (error.line, error.column, error.rule) == (2, "PLACE", "code-list")
    assert "AB1 2CD" not in str(error)
    # Lower case reads as the code, as the validator upper-cases every cell on load ("p"
    # is "P"); a code that is none in upper case either is refused.
    lower = "1,01/02/2020,p,C2,N1,U4,PR1,,X1,,,,"
    path = _write(tmp_path, "lower.csv", f"{EPISODE_HEAD}\n{lower}\n")
    assert next(ssda903.read_episodes(path)).reason_new_episode is ReasonNewEpisode.P
    other = "1,01/02/2020,q,C2,N1,U4,PR1,,X1,,,,"
    assert _episodes_error(tmp_path, f"{EPISODE_HEAD}\n{other}\n").column == "RNE"


def test_too_many_cells_and_bad_header_dob(tmp_path: Path) -> None:
    row = "1,01/02/2020,S,C2,N1,U4,PR1,,X1,,,,123,extra"
    assert _episodes_error(tmp_path, f"{EPISODE_HEAD}\n{row}\n").rule == "csv-shape"
    path = _write(tmp_path, "h.csv", "CHILD,SEX,DOB\n7,1,AB1 2CD\n")
    with pytest.raises(Ssda903Error) as caught:
        list(ssda903.read_header(path))
    assert (caught.value.line, caught.value.column) == (2, "DOB")
    assert "AB1" not in str(caught.value)


def test_unknown_columns_are_kept_and_written_back(tmp_path: Path) -> None:
    text = "CHILD,SEX,DOB,LOCAL_REF\r\n9,M,01/01/2010,=HYPERLINK(1)\r\n8,U,02/01/2010,\r\n"
    header = _write(tmp_path, "h.csv", text)
    records = list(ssda903.read_header(header))
    assert records[0].extra == {"LOCAL_REF": "=HYPERLINK(1)"}
    out = io.StringIO()
    ssda903.write_header(records, out)
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert rows[0] == ["CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB", "LOCAL_REF"]
    # Kept, and made safe to open in a spreadsheet (a leading quote on a formula).
    assert rows[1] == ["9", "M", "01/01/2010", "", "", "", "", "'=HYPERLINK(1)"]
    assert rows[2][:3] == ["8", "U", "02/01/2010"]
    findings = ssda903.column_findings(("CHILD", "SEX", "DOB", "LOCAL_REF"), "Header", "h.csv")
    assert [(f.severity, f.path) for f in findings] == [(Severity.INFO, "$.Header.LOCAL_REF")]
    assert "not an SSDA903 column" in findings[0].message


_codes = st.sampled_from
POSTCODE = r"[A-Z]{1,2}[0-9]{1,2} [0-9][A-Z]{2}"


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)),
            st.one_of(st.none(), st.integers(0, 2000)),
            _codes(list(ReasonNewEpisode)),
            _codes(list(LegalStatus)),
            _codes(list(PlacementType)),
            st.one_of(st.none(), _codes(list(PlacementProvider))),
            st.one_of(st.none(), _codes(list(ssda903.ReasonPlaceChange))),
            st.one_of(st.none(), st.from_regex(POSTCODE, fullmatch=True)),
        ),
        max_size=8,
    )
)
def test_written_episodes_read_back_equal(rows: list[tuple[object, ...]]) -> None:
    episodes = [
        Episode(
            child=f"c{i}",
            start=start,  # type: ignore[arg-type]
            reason_new_episode=rne,  # type: ignore[arg-type]
            legal_status=ls,  # type: ignore[arg-type]
            placement=place,  # type: ignore[arg-type]
            placement_provider=provider,  # type: ignore[arg-type]
            end=None if days is None else start + dt.timedelta(days=days),  # type: ignore[operator]
            reason_place_change=rpc,  # type: ignore[arg-type]
            home_postcode=post,  # type: ignore[arg-type]
        )
        for i, (start, days, rne, ls, place, provider, rpc, post) in enumerate(rows)
    ]
    out = io.StringIO()
    ssda903.write_episodes(episodes, out)
    assert list(ssda903.read_episodes(io.StringIO(out.getvalue()), name="mem")) == episodes


# -- the CLI ------------------------------------------------------------------------------


def test_cli_reads_an_export_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(HEADER, tmp_path / "header.csv")
    shutil.copy(EPISODES, tmp_path / "episodes.csv")
    _write(tmp_path, "reviews.csv", "CHILD,DOB,REVIEW,REVIEW_CODE\n")
    assert 0 == main(["import", "ssda903", str(tmp_path), "--on", "2017-11-06", "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert len(data["children"]) == 2675
    child = next(c for c in data["children"] if c["child"] == "550084")
    # 18/02/2017 to 05/11/2017 inclusive on 06/11: 11 + 31+30+31+30+31+31+30+31 + 6 = 262.
    assert child == {
        "child": "550084",
        "episodes": 3,
        "care_episodes": 3,
        "days_looked_after": 262,
        "looked_after": True,
        "placement": "R1",
        "legal_status": "J1",
        "statuses": ["looked-after", "residential-care"],
    }
    codes = [f["code"] for f in data["findings"]]
    assert "ssda903.table-not-read" in codes
    assert "dob" not in json.dumps(child).lower()


def test_cli_bad_input_exits_2_naming_file_line_and_column(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _write(tmp_path, "header.csv", "CHILD,SEX,DOB\n1,1,01/01/2010\n")
    _write(tmp_path, "episodes.csv", f"{EPISODE_HEAD}\n1,01/13/2020,S,C2,N1,U4,PR1,,X1,,,,\n")
    assert 2 == main(["import", "ssda903", str(tmp_path), "--on", "2021-01-01"])
    err = capsys.readouterr().err
    assert "episodes.csv line 2, column DECOM" in err
    assert "[date]" in err
    assert "Traceback" not in err
    assert "01/13" not in err
    (tmp_path / "episodes.csv").unlink()
    assert 2 == main(["import", "ssda903", str(tmp_path)])
    assert "Episodes table: expected one file, found none in the folder" in (
        capsys.readouterr().err
    )


def test_cli_table_output_and_duplicate_header_rows(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    header = _write(tmp_path, "header.csv", "CHILD,SEX,DOB\n1,F,01/01/2010\n2,M,01/01/2011\n")
    episodes = _write(
        tmp_path, "episodes.csv", f"{EPISODE_HEAD}\n1,01/02/2020,S,C2,N1,U1,PR1,,,,,,\n"
    )
    assert 0 == main(["import", "ssda903", str(header), str(episodes), "--on", "2020-02-11"])
    out = capsys.readouterr().out
    # Child 1: 01/02 to 11/02/2020 is 11 days, in kinship care (U1); child 2 has no episode.
    assert "kinship-care, looked-after" in out
    assert " 11 " in out
    assert "ssda903.no-episodes" in out
    _write(tmp_path, "header.csv", "CHILD,SEX,DOB\n1,F,01/01/2010\n1,F,01/01/2010\n")
    assert 2 == main(["import", "ssda903", str(tmp_path)])
    err = capsys.readouterr().err
    assert "header.csv line 3, column CHILD" in err
    assert "[unique-child]" in err
    assert 2 == main(["import", "ssda903", str(tmp_path / "absent")])
    assert "no such file or folder [file-exists]" in capsys.readouterr().err


def test_episodes_extra_column_round_trips_in_the_source_order(tmp_path: Path) -> None:
    """A system's own column in the middle of the Episodes table is kept and, given the
    source's column order (``Ssda903Return.episodes_columns``), written back in place."""
    columns = list(ssda903.EPISODES_COLUMNS)
    columns.insert(3, "LOCAL_ID")
    text = ",".join(columns) + "\n" + "7,01/02/2020,S,L-77,C2,N1,U4,PR1,,,,,,\n"
    path = _write(tmp_path, "episodes.csv", text)
    header = _write(tmp_path, "header.csv", "CHILD,SEX,DOB\n7,F,01/01/2010\n")
    result = ssda903.load(header, path)
    episode = result.child("7").episodes[0]
    assert episode.extra == {"LOCAL_ID": "L-77"}
    assert episode.legal_status is LegalStatus.C2
    assert result.episodes_columns == tuple(columns)
    out = io.StringIO()
    ssda903.write_episodes([episode], out, columns=result.episodes_columns, lineterminator="\n")
    assert out.getvalue() == text
    kept = [f.path for f in result.findings if f.code == "ssda903.column-kept"]
    assert kept == ["$.Episodes.LOCAL_ID"]
