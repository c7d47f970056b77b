"""SSDA903 as councils export it: the whole return folder, messy cells, every bad cell.

The upstream files are committed under tests/fixtures/ssda903 (SOURCE.md says where each
comes from): the Data to Insight validator's whole fake return (13 CSV tables) and
liia-tools' two Episodes samples. Every count asserted here was worked out from the files
with awk or by eye, as each test's comment shows, never copied from this library's output.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import shutil
import sys
from pathlib import Path

import pytest

from childcare_commissioning.cli import main
from childcare_commissioning.formats import ssda903
from childcare_commissioning.formats.ssda903 import LegalStatus, PlacementType, Ssda903Errors

FIXTURES = Path(__file__).parent / "fixtures" / "ssda903"
LIIA = FIXTURES / "liia-tools"
HEAD = ",".join(ssda903.HEADER_COLUMNS)
EPISODE_HEAD = ",".join(ssda903.EPISODES_COLUMNS)

#: Each file of the validator's fake return and its table, by comparing each file's first
#: line with the column lists of lac_validator/config.py (by eye; sw_episodes.csv starts
#: with a byte-order mark and ends its lines in CRLF).
FAKE_RETURN = {
    "header.csv": "Header",
    "episodes.csv": "Episodes",
    "uasc.csv": "UASC",
    "reviews.csv": "Reviews",
    "oc2.csv": "OC2",
    "oc3.csv": "OC3",
    "ad1.csv": "AD1",
    "placed_for_adoption.csv": "PlacedAdoption",
    "placed_for_adoption_errors.csv": "PlacedAdoption",
    "previous_permanence.csv": "PrevPerm",
    "missing.csv": "Missing",
    "sw_episodes.csv": "SWEpisodes",
    "DoLo.csv": "DoLo",
}


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def _json(capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    data: dict[str, object] = json.loads(capsys.readouterr().out)
    return data


# -- a whole export folder ----------------------------------------------------------------


def test_every_table_of_the_fake_return_is_recognised_by_its_columns() -> None:
    found = {path.name: ssda903.identify(path) for path in FIXTURES.glob("*.csv")}
    assert found == FAKE_RETURN
    # UASC has CHILD, SEX and DOB, as the Header does: it is UASC, never a second Header.
    assert ssda903.recognise(("CHILD", "SEX", "DOB", "DUC")).table is ssda903.TABLES["UASC"]


def test_a_table_with_a_systems_own_column_is_still_recognised() -> None:
    def name(*columns: str) -> str | None:
        table = ssda903.recognise(columns).table
        return None if table is None else table.name

    assert name(*ssda903.HEADER_COLUMNS, "LA") == "Header"
    assert name("CHILD", "SEX", "DOB") == "Header"  # the columns the Header needs
    assert name("CHILD", "SEX", "DOB", "DUC", "LA") == "UASC"  # 4 shared columns beat 3
    assert name(*ssda903.EPISODES_COLUMNS, "YEAR") == "Episodes"
    # Episodes without URN is still Episodes (then refused, naming URN, when read).
    assert name("CHILD", "DECOM", "DEC") == "Episodes"
    assert name("CHILD", "DOB", "REVIEW", "REVIEW_CODE", "NOTE") == "Reviews"


def test_a_file_of_no_table_says_why() -> None:
    lower = ssda903.recognise([c.lower() for c in ssda903.EPISODES_COLUMNS])
    assert lower.table is None
    assert "closest: Episodes" in lower.reason
    assert "not in upper case" in lower.reason
    semicolons = ssda903.recognise((";".join(ssda903.EPISODES_COLUMNS),))
    assert semicolons.table is None
    assert "another separator" in semicolons.reason


def test_the_whole_fake_return_folder_imports(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The audit's S1: the folder exited 2 (UASC taken for a second Header).

    Counts, from the files with awk:
    - children: header.csv has 2,676 lines, one the column header: 2,675;
    - looked after on 31/03/2022: distinct CHILD of episodes.csv rows with LS not V4,
      DECOM <= 31/03/2022 and DEC blank or after it: 1,300;
    - Header rows with no episode (CHILD not in episodes.csv's CHILD column): 552;
    - tables not read: 13 files less header.csv and episodes.csv: 11.
    """
    folder = tmp_path / "return"
    shutil.copytree(FIXTURES, folder, ignore=shutil.ignore_patterns("liia-tools", "*.md"))
    argv = ["import", "ssda903", str(folder), "--on", "2022-03-31", "--format", "json"]
    assert 0 == main(argv)
    data = _json(capsys)
    children = data["children"]
    assert isinstance(children, list)
    assert len(children) == 2675
    assert sum(1 for c in children if c["looked_after"]) == 1300
    findings = data["findings"]
    assert isinstance(findings, list)
    codes = [f["code"] for f in findings]
    assert codes.count("ssda903.no-episodes") == 552
    skipped = {f["path"] for f in findings if f["code"] == "ssda903.table-not-read"}
    assert codes.count("ssda903.table-not-read") == 11
    assert skipped == {f"$.{t}" for t in FAKE_RETURN.values()} - {"$.Header", "$.Episodes"}
    assert {Path(t["file"]).name: t["table"] for t in data["tables"]} == FAKE_RETURN  # type: ignore[attr-defined]
    assert Path(str(data["header"])).name == "header.csv"


def test_a_folder_without_episodes_is_refused_naming_what_it_holds(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copy(FIXTURES / "header.csv", tmp_path / "header.csv")
    shutil.copy(FIXTURES / "uasc.csv", tmp_path / "uasc.csv")
    assert 2 == main(["import", "ssda903", str(tmp_path)])
    err = capsys.readouterr().err
    assert "Episodes table: expected one file, found none in the folder" in err
    assert "uasc.csv: UASC" in err


def test_an_unrecognised_file_is_refused_naming_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copy(FIXTURES / "header.csv", tmp_path / "header.csv")
    _write(tmp_path / "episodes.csv", EPISODE_HEAD.lower() + "\n")
    assert 2 == main(["import", "ssda903", str(tmp_path)])
    err = capsys.readouterr().err
    assert "episodes.csv: its columns match no SSDA903 table (closest: Episodes" in err
    assert "[ssda903-table]" in err


# -- values normalised as the DfE validator does -------------------------------------------


def test_lower_case_codes_and_spaces_read_as_the_validator_reads_them(tmp_path: Path) -> None:
    """The audit's m1: ``c2`` stopped the import; the validator upper-cases every cell on
    load (lac_validator/ingress.py, capitalise_object_dtype_cols). Row 2 has five
    lower-case codes (s, c2, n1, u1, pr1) and a DEC with a space either side; row 3 a
    lower-case LS (v2)."""
    header = _write(tmp_path / "h.csv", "CHILD,SEX,DOB\nC1,m,01/05/2006\n")
    episodes = _write(
        tmp_path / "e.csv",
        f"{EPISODE_HEAD}\nC1,01/03/2021,s,c2,n1,u1,pr1, 15/07/2022 ,,,,,\n"
        "C1,15/07/2022,S,v2,N1,U1,PR1,,,,,,\n",
    )
    result = ssda903.load(header, episodes)
    first, second = result.child("C1").episodes
    assert first.legal_status is LegalStatus.C2
    assert first.placement is PlacementType.U1
    assert first.end == dt.date(2022, 7, 15)
    assert second.legal_status is LegalStatus.V2
    said = {f.path for f in result.findings if f.code == "ssda903.normalised"}
    # Upper-cased: SEX (Header), RNE, LS (rows 2 and 3: 2 cells), CIN, PLACE,
    # PLACE_PROVIDER; trimmed: DEC. One finding per table and column.
    episodes_columns = ("RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC")
    assert said == {"$.Header.SEX"} | {f"$.Episodes.{c}" for c in episodes_columns}
    ls = [f for f in result.findings if f.path == "$.Episodes.LS"]
    assert len(ls) == 1
    assert "2 cells upper-cased (first at line 2)" in ls[0].message
    dec = [f for f in result.findings if f.path == "$.Episodes.DEC"]
    assert "1 cell trimmed (first at line 2)" in dec[0].message
    # Written back in the normal form.
    out = io.StringIO()
    ssda903.write_episodes(result.child("C1").episodes, out, lineterminator="\n")
    assert out.getvalue().splitlines()[1].startswith("C1,01/03/2021,S,C2,N1,U1,PR1,15/07/2022,")


def test_spaces_in_any_column_are_trimmed_and_reported(tmp_path: Path) -> None:
    """A tab before CHILD, a space after the home postcode, a space before URN: each read
    without them, one finding per column; a postcode's own space is kept."""
    episodes = _write(
        tmp_path / "e.csv",
        f"{EPISODE_HEAD}\n\tC1,01/03/2021,S,C2,N1,U1,PR1,,,,AB1 2CD ,, 1234567\n",
    )
    result = ssda903.load(None, episodes)
    [episode] = result.child("C1").episodes
    assert (episode.home_postcode, episode.urn) == ("AB1 2CD", "1234567")
    trimmed = {f.path for f in result.findings if f.code == "ssda903.normalised"}
    assert trimmed == {"$.Episodes.CHILD", "$.Episodes.HOME_POST", "$.Episodes.URN"}


def test_any_white_space_str_strip_removes_is_trimmed_not_only_spaces(tmp_path: Path) -> None:
    """A no-break space after CHILD and a quoted carriage return after the home postcode
    (as a spreadsheet may write them): both are white space ``str.strip`` removes, so the
    episode is child C1 at AB1 2CD, each column reported once, as for a space. (A clean
    row with the same dates comes first, so the row is read as rows usually are, not as
    the first row with new dates.)"""
    episodes = _write(
        tmp_path / "e.csv",
        f"{EPISODE_HEAD}\nC0,01/03/2021,S,C2,N1,U1,PR1,,,,,,\n"
        f'C1\u00a0,01/03/2021,S,C2,N1,U1,PR1,,,,"AB1 2CD\r",,\n',
    )
    result = ssda903.load(None, episodes)
    [episode] = result.child("C1").episodes
    assert episode.home_postcode == "AB1 2CD"
    trimmed = {f.path for f in result.findings if f.code == "ssda903.normalised"}
    assert trimmed == {"$.Episodes.CHILD", "$.Episodes.HOME_POST"}


# -- every bad cell ----------------------------------------------------------------------


def test_every_bad_cell_is_reported_with_table_line_and_column(tmp_path: Path) -> None:
    """The audit's m12: two bad codes on two lines, only the first was reported. Here:
    line 2 PLACE XX; line 3 DECOM 31/02 and LS C9; the Header's line 3 SEX Q."""
    header = _write(tmp_path / "h.csv", "CHILD,SEX,DOB\nC1,F,01/05/2006\nC2,Q,01/05/2006\n")
    episodes = _write(
        tmp_path / "e.csv",
        f"{EPISODE_HEAD}\nC1,01/03/2021,S,C2,N1,XX,PR1,,,,,,\nC1,31/02/2021,S,C9,N1,U1,PR1,,,,,,\n",
    )
    with pytest.raises(Ssda903Errors) as caught:
        ssda903.load(header, episodes)
    where = [(Path(e.file).name, e.line, e.column, e.rule) for e in caught.value.errors]
    assert where == [
        ("h.csv", 3, "SEX", "code-list"),
        ("e.csv", 2, "PLACE", "code-list"),
        ("e.csv", 3, "DECOM", "date"),
        ("e.csv", 3, "LS", "code-list"),
    ]
    assert caught.value.total == 4
    assert str(caught.value).startswith("the return has 4 bad cells:")
    assert "31/02" not in str(caught.value)


def test_liia_tools_iso_dates_are_every_one_reported() -> None:
    """liia-tools' fixes sample writes dates as YYYY-MM-DD, refused as the validator
    refuses them (rule 102: dd/mm/YYYY). awk -F, 'NR>1{if($2!="")n++; if($8!="")n++}'
    counts 37 non-blank DECOM and DEC cells in its 23 rows: 37 errors, all listed
    (fewer than MAX_ERRORS, 50)."""
    path = LIIA / "SSDA903_episodes_for_testing_fixes_INPUT.csv"
    with pytest.raises(Ssda903Errors) as caught:
        ssda903.load(None, path)
    assert caught.value.total == 37
    assert len(caught.value.errors) == 37
    assert {(e.column, e.rule) for e in caught.value.errors} == {("DECOM", "date"), ("DEC", "date")}
    assert (caught.value.errors[0].line, caught.value.errors[0].column) == (2, "DECOM")


def test_bad_cells_beyond_the_cap_are_counted(tmp_path: Path) -> None:
    """60 rows each with one bad PLACE: 60 counted, MAX_ERRORS (50) listed, 10 more said."""
    rows = "".join(f"C{i},01/03/2021,S,C2,N1,ZZ,PR1,,,,,,\n" for i in range(60))
    episodes = _write(tmp_path / "e.csv", f"{EPISODE_HEAD}\n{rows}")
    with pytest.raises(Ssda903Errors) as caught:
        ssda903.load(None, episodes)
    assert ssda903.MAX_ERRORS == 50
    assert caught.value.total == 60
    assert len(caught.value.errors) == 50
    assert caught.value.errors[-1].line == 51  # the 50th data row is line 51
    assert str(caught.value).endswith("and 10 more (the first 50 are listed)")


# -- a record the import cannot use -------------------------------------------------------


def test_an_episode_ceasing_before_it_began_is_reported_and_the_others_still_count(
    tmp_path: Path,
) -> None:
    """The audit's m6 and the validator's rule 356. C1: 01/01/2020 to DEC 01/03/2020 (a
    care episode 01/01 to 29/02/2020), then DECOM 01/06/2020 with DEC 01/05/2020."""
    header = _write(tmp_path / "h.csv", "CHILD,SEX,DOB\nC1,F,01/05/2006\n")
    episodes = _write(
        tmp_path / "e.csv",
        f"{EPISODE_HEAD}\nC1,01/01/2020,S,C2,N1,U1,PR1,01/03/2020,E8,,,,\n"
        "C1,01/06/2020,S,C2,N1,U1,PR1,01/05/2020,E8,,,,\n",
    )
    result = ssda903.load(header, episodes)
    child = result.child("C1")
    assert len(child.episodes) == 2  # kept, not dropped
    assert [(c.start, c.end) for c in child.care_episodes()] == [
        (dt.date(2020, 1, 1), dt.date(2020, 2, 29))
    ]
    [finding] = [f for f in result.findings if f.code == "ssda903.dec-before-decom"]
    assert "e.csv line 3: child C1" in finding.message
    assert "ssda903-episode-ceased-before-start" in finding.message
    assert finding.citation is not None
    assert finding.citation.quote.startswith("The date the episode ceased is before")
    assert "ssda903-episode-ceased-before-start" in {r.id for r in ssda903.READINGS}


# -- encodings and standard input ---------------------------------------------------------


def test_a_non_utf8_byte_is_reported_at_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The audit's m11: a cp1252 é on line 3 was reported at line 1, as a csv error."""
    shutil.copy(FIXTURES / "header.csv", tmp_path / "header.csv")
    text = (
        f"{EPISODE_HEAD}\n1,01/03/2021,S,C2,N1,U1,PR1,,,,,,\n"
        "2,01/03/2021,S,C2,N1,U1,PR1,,,,Caf\xe9,,\n"
    )
    (tmp_path / "episodes.csv").write_bytes(text.encode("cp1252"))
    assert 2 == main(["import", "ssda903", str(tmp_path)])
    err = capsys.readouterr().err
    assert "episodes.csv line 3: not UTF-8 text" in err
    assert "[utf-8]" in err
    (tmp_path / "episodes.csv").write_bytes(f"{EPISODE_HEAD}\n".encode("utf-16"))
    assert 2 == main(["import", "ssda903", str(tmp_path)])
    assert "episodes.csv line 1: UTF-16 text, not UTF-8" in capsys.readouterr().err


class _Stdin:
    def __init__(self, data: bytes) -> None:
        self.buffer = io.BytesIO(data)


def test_one_table_on_standard_input(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """liia-tools' 2020 sample, 5 episodes of 2 children (awk: distinct first cells of
    lines 2-6: 689661, 249901), recognised as Episodes by its columns. 689661's first row
    is V4 (a short-breaks agreement: no care episode), so 3 episodes give 2."""
    data = (LIIA / "SSDA903_2020_episodes.csv").read_bytes()
    monkeypatch.setattr(sys, "stdin", _Stdin(data))
    assert 0 == main(["import", "ssda903", "-", "--on", "2019-05-01", "--format", "json"])
    out = _json(capsys)
    assert out["episodes"] == "standard input"
    assert out["header"] is None
    children = {c["child"]: c for c in out["children"]}  # type: ignore[attr-defined]
    assert set(children) == {"689661", "249901"}
    assert (children["689661"]["episodes"], children["689661"]["care_episodes"]) == (3, 2)
    assert [f["code"] for f in out["findings"]] == ["ssda903.no-header-table"]  # type: ignore[attr-defined]


def test_a_table_on_standard_input_that_is_not_header_or_episodes_is_refused(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", _Stdin((FIXTURES / "uasc.csv").read_bytes()))
    assert 2 == main(["import", "ssda903", "-"])
    err = capsys.readouterr().err
    assert "standard input: UASC" in err
    assert "[ssda903-files]" in err
