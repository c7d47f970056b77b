"""The hostile audit's reproductions (shared/audits/2026-12/hostile.md), each run again.

Every row of the audit's table whose count was not zero has a test here that runs its
reproduction and asserts the safe outcome: nothing lost, nothing chosen silently, no exit
status 3 for ordinary input, no write through a link, bounded work, deterministic output.
The batch is the audit's own (Plymouth; each package names whom its invoices go to, which
Plymouth now asks for). P1: S1 commissions 3 h on Tue 3 Dec at £18.50 =
£55.50; R1 delivers 13:00-15:15 = 2.25 h, £41.625 -> £41.63, so the deduction is
£41.63 - £55.50 = -£13.87; R2 (1 h, unplanned) is additional £18.50; net £60.13. P2: R3
10:00-11:30 = 1.5 h at £16.00 = £24.00.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from childcare_commissioning.cli import main

FIXTURES = Path(__file__).parent / "fixtures"
BATCH: dict[str, Any] = {
    "as_of": "2024-12-16",
    "packages": [
        {
            "id": "P1",
            "council": "plymouth",
            "child_id": "YP-1",
            "start": "2024-12-02",
            "purchase_order": "PO-1",
            "hours_per_week": "6",
            "invoice_to": "Children, Young People and Families",
        },
        {
            "id": "P2",
            "council": "plymouth",
            "child_id": "YP-2",
            "start": "2024-12-02",
            "purchase_order": "PO-2",
            "invoice_to": "Children, Young People and Families",
        },
    ],
    "quotations": [
        {"package_id": "P1", "rates": [{"amount": "18.50", "effective_from": "2024-12-02"}]},
        {"package_id": "P2", "rates": [{"amount": "16.00", "effective_from": "2024-12-02"}]},
    ],
    "planned": [{"id": "S1", "package_id": "P1", "date": "2024-12-03", "minutes": 180}],
}
RECORDS = [
    {
        "id": "R1",
        "package_id": "P1",
        "date": "2024-12-03",
        "start": "13:00",
        "end": "15:15",
        "planned_id": "S1",
    },
    {"id": "R2", "package_id": "P1", "date": "2024-12-04", "start": "09:00", "end": "10:00"},
    {"id": "R3", "package_id": "P2", "date": "2024-12-05", "start": "10:00", "end": "11:30"},
]
INVOICE = ["--council", "plymouth"]


def _full() -> dict[str, Any]:
    return json.loads(json.dumps({**BATCH, "records": RECORDS}))


def _write(path: Path, data: Any) -> str:
    path.write_text(json.dumps(data) if not isinstance(data, str) else data, encoding="utf-8")
    return str(path)


def _jsonl(path: Path, records: list[dict[str, Any]]) -> str:
    return _write(path, "".join(json.dumps(r) + "\n" for r in records))


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(argv)
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def _nets(out: str) -> list[tuple[str, str]]:
    return [(i["package_id"], i["net"]) for i in json.loads(out)["invoices"]]


# -- row: --findings destroys an input; follows a link; overwrites --------------------------


def test_findings_naming_an_input_is_refused_and_the_input_kept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Audit 2: `--findings in.jsonl` emptied the records and invoiced nothing at exit 0.
    Now exit 2 before anything is written, and every input is byte for byte as it was."""
    records = _jsonl(tmp_path / "in.jsonl", RECORDS)
    batch = _write(tmp_path / "batch.json", BATCH)
    full = _write(tmp_path / "full.json", _full())
    before = {p: Path(p).read_bytes() for p in (records, batch, full)}
    stream = ["invoice-stream", records, "--packages", batch, *INVOICE, "--force"]
    for argv in (
        [*stream, "--findings", records],
        [*stream, "--findings", batch],
        ["invoice", full, *INVOICE, "--findings", full, "--force"],
    ):
        status, _, err = _run(argv, capsys)
        assert 2 == status
        assert "[output-is-input]" in err
    assert before == {p: Path(p).read_bytes() for p in before}


def test_findings_never_overwrite_without_force_nor_follow_a_link(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    full = _write(tmp_path / "full.json", _full())
    findings = tmp_path / "findings.csv"
    findings.write_text("someone else's\n", encoding="utf-8")
    status, _, err = _run(["invoice", full, *INVOICE, "--findings", str(findings)], capsys)
    assert (2, "someone else's\n") == (status, findings.read_text(encoding="utf-8"))
    assert "pass --force" in err
    assert 0 == main(["invoice", full, *INVOICE, "--findings", str(findings), "--force"])
    assert "severity,code,message,path,source\n" == findings.read_text(encoding="utf-8")
    victim = tmp_path / "outside.txt"
    victim.write_text("victim\n", encoding="utf-8")
    (tmp_path / "link.csv").symlink_to(victim)
    argv = ["invoice", full, *INVOICE, "--findings", str(tmp_path / "link.csv"), "--force"]
    status, _, err = _run(argv, capsys)
    assert (2, "victim\n") == (status, victim.read_text(encoding="utf-8"))
    assert "[no-symlink]" in err


# -- row: a stray or unterminated quote swallows rows ----------------------------------------

QUOTED = (
    "id,package_id,date,hours,worker_id\r\n"
    "R1,P1,2024-12-03,1,W-1\r\n"
    'R2,P1,2024-12-04,1,"W-2\r\n'
    "R3,P1,2024-12-05,1,W-3\r\n"
    'R4,P1,2024-12-06,1,W-4"\r\n'
    "R5,P2,2024-12-05,1,W-5\r\n"
)


def test_an_unterminated_quote_is_an_error_naming_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Audit 3: R3 and R4 vanished into R2's worker_id at exit 0. The quote opens on line 3
    (header line 1, R1 line 2) and closes on line 5: exit 2 naming line 3."""
    rows = _write(tmp_path / "q.csv", QUOTED)
    batch = _write(tmp_path / "batch.json", BATCH)
    for command in ("invoice", "invoice-stream"):
        status, out, err = _run([command, rows, "--packages", batch, *INVOICE], capsys)
        assert 2 == status, command
        assert "'q.csv' line 3: a quoted cell runs on past the end of the line (to line 5)" in (
            err.replace(str(tmp_path) + "/", "")
        )
    # The stream's last record says it stopped.
    assert {"complete": False} == {
        "complete": json.loads(out.splitlines()[-1])["error"]["complete"]
    }


def test_a_stray_quote_inside_a_cell_is_an_error_and_a_doubled_one_is_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    batch = _write(tmp_path / "batch.json", BATCH)
    stray = _write(
        tmp_path / "s.csv", 'id,package_id,date,hours,worker_id\r\nR1,P1,2024-12-03,1,W"1\r\n'
    )
    status, _, err = _run(["invoice", stray, "--packages", batch, *INVOICE], capsys)
    assert 2 == status
    assert "line 2: a quote inside an unquoted cell" in err
    fine = _write(
        tmp_path / "f.csv",
        'id,package_id,date,hours,worker_id\r\nR1,P1,2024-12-03,1,"W""1"\r\n"R3",P2,2024-12-05,1,"a,b"\r\n',
    )
    status, out, err = _run(
        ["invoice", fine, "--packages", batch, *INVOICE, "--format", "json"], capsys
    )
    # 2 rows read, both used; P1: 1 h at £18.50 on S1's day is 3 h commissioned, 1 h
    # delivered: 55.50 + (18.50 - 55.50) = 18.50; P2: 1 h at £16.00.
    assert {"read": 2, "used": 2, "reported": 0} == json.loads(out)["records"]
    assert [("P1", "18.50"), ("P2", "16.00")] == _nets(out)


def _return(tmp_path: Path, episodes: str) -> Path:
    """A 903 return's folder: C1 (born 01/01/2009) and C2 (born 01/01/2010) in the Header
    table, and ``episodes`` (rows) under the Episodes table's header."""
    folder = tmp_path / "r903"
    folder.mkdir()
    _write(
        folder / "header.csv",
        "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\r\nC1,1,01/01/2009,WBRI,A1,,\r\n"
        "C2,2,01/01/2010,WBRI,B1,,\r\n",
    )
    _write(
        folder / "episodes.csv",
        "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,"
        "PL_POST,URN\r\n" + episodes,
    )
    return folder


def test_ssda903_unterminated_quote_names_the_episode_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _return(
        tmp_path,
        'C1,01/04/2020,S,C2,N1,U1,PR1,,,,"AB1 2CD,,\r\nC2,01/05/2020,S,C2,N1,U1,PR1,,,,,,\r\n',
    )
    status, _, err = _run(["import", "ssda903", str(folder), "--on", "2025-03-31"], capsys)
    assert 2 == status
    assert "episodes.csv line 2:" in err
    assert "[csv-quote]" in err


def test_a_headerless_csv_is_refused_without_echoing_its_first_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Audit 14: the first cell (a person's name) was echoed as an unknown column."""
    rows = _write(tmp_path / "h.csv", "Zephyrine Quockerwodger,x\r\n")
    batch = _write(tmp_path / "batch.json", BATCH)
    status, _, err = _run(["invoice", rows, "--packages", batch, *INVOICE], capsys)
    assert 2 == status
    assert "not a header row" in err
    assert "Zephyrine" not in err


# -- row: silent billing choices -------------------------------------------------------------


@pytest.mark.parametrize(
    ("edit", "rule", "places"),
    [
        (
            lambda b: b["packages"].append({**b["packages"][0], "purchase_order": "PO-OTHER"}),
            "unique-package-ids",
            ("$.packages[2].id", "$.packages[0]"),
        ),
        (
            lambda b: b["quotations"].append(
                {"package_id": "P1", "rates": [{"amount": "99.00", "effective_from": "2024-12-02"}]}
            ),
            "one-quotation",
            ("$.quotations[2].package_id", "$.quotations[0]"),
        ),
        (
            lambda b: b["quotations"][0]["rates"].append(
                {"amount": "99.00", "effective_from": "2024-12-02"}
            ),
            "one-rate-a-day",
            ("$.quotations[0].rates[1]", "rates[0]"),
        ),
        (
            lambda b: b["planned"].append(b["planned"][0]),
            "unique-session-ids",
            ("$.planned[1].id", "$.planned[0]"),
        ),
    ],
)
def test_anything_given_twice_is_refused_naming_both(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    edit: Any,
    rule: str,
    places: tuple[str, str],
) -> None:
    """Audit 4: last one wins (£321.75), or a session commissioned twice (£101.76), at
    exit 0. Now exit 2 naming both places, in the batch command and the stream."""
    full = _full()
    edit(full)
    status, _, err = _run(["invoice", _write(tmp_path / "b.json", full), *INVOICE], capsys)
    assert 2 == status
    assert f"[{rule}]" in err
    assert all(place in err for place in places)
    batch = {k: v for k, v in full.items() if k != "records"}
    records = _jsonl(tmp_path / "r.jsonl", RECORDS)
    argv = ["invoice-stream", records, "--packages", _write(tmp_path / "p.json", batch), *INVOICE]
    status, out, err = _run(argv, capsys)
    assert 2 == status
    assert f"[{rule}]" in err
    assert "error" in json.loads(out.splitlines()[-1])


def test_a_visit_ending_when_it_starts_is_no_time_and_a_finding(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Audit 4: R2 10:00-10:00 was billed as 24 h (£444.00). Now it is held with a finding
    (exit 1): P1 is 55.50 - 13.87 = £41.63, P2 £24.00."""
    full = _full()
    full["records"][1]["start"] = full["records"][1]["end"] = "10:00"
    status, out, _ = _run(
        ["invoice", _write(tmp_path / "b.json", full), *INVOICE, "--format", "json"], capsys
    )
    assert 1 == status
    assert [("P1", "41.63"), ("P2", "24.00")] == _nets(out)
    assert ["billing.record.no-time"] == [f["code"] for f in json.loads(out)["findings"]]


def test_an_empty_records_file_is_a_finding(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Audit 9: exit 0 with P1 at £0.00. Now a finding (exit 1), and the summary says 0 read."""
    empty = _write(tmp_path / "empty.jsonl", "")
    batch = _write(tmp_path / "batch.json", BATCH)
    for command in ("invoice", "invoice-stream"):
        status, out, err = _run([command, empty, "--packages", batch, *INVOICE], capsys)
        assert 1 == status, command
        assert "billing.records.none" in err + out
    summary = json.loads(out.splitlines()[-1])["summary"]
    assert {"read": 0, "used": 0, "reported": 0} == summary["records"]


# -- row: partial output ---------------------------------------------------------------------


def test_records_out_of_order_end_the_stream_with_an_error_record(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Audit 9: a complete-looking P1 invoice, then exit 2 with nothing on stdout saying so.
    The last line is now an error record; a complete run's is a summary (tested above)."""
    records = _jsonl(tmp_path / "o.jsonl", [RECORDS[2], RECORDS[0]])
    batch = _write(tmp_path / "batch.json", BATCH)
    findings = tmp_path / "f.csv"
    argv = ["invoice-stream", records, "--packages", batch, *INVOICE, "--findings", str(findings)]
    status, out, _ = _run(argv, capsys)
    assert 2 == status
    end = json.loads(out.splitlines()[-1])
    assert False is end["error"]["complete"]
    assert "[grouped-by-package]" in end["error"]["message"]
    assert not findings.exists()  # whole or nothing


# -- rows: exit 3 for ordinary input; markup; ranges ---------------------------------------


def test_console_markup_in_ids_is_shown_as_typed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Audit 5: `[/]` as a package id was exit 3; a [link=...] purchase order showed as
    `PO-1-X` with a hyperlink. Now both are shown exactly as typed, exit 0."""
    full = _full()
    link = "[link=https://evil.example/x]PO-1[/link][bold]-X"
    full["packages"][0]["purchase_order"] = link
    for part in ("packages", "quotations", "planned", "records"):
        for item in full[part]:
            key = "id" if part == "packages" else "package_id"
            if item[key] == "P1":
                item[key] = "[/]"
    status, out, _ = _run(["invoice", _write(tmp_path / "m.json", full), *INVOICE], capsys)
    assert 0 == status
    assert link in out
    assert "plymouth-[/]-20241202" in out
    roster = _write(tmp_path / "roster.json", [{"id": "[/]"}])
    assert main(["staff-check", roster, *INVOICE, "--on", "2025-01-06"]) in (0, 1)


@pytest.mark.parametrize(
    ("where", "value"),
    [
        (("quotations", 0, "rates", 0, "amount"), "1E+26"),
        (("packages", 0, "start"), "0001-01-01"),
        (("packages", 0, "start"), "9999-12-31"),
    ],
)
def test_absurd_amounts_and_dates_are_refused_not_exit_3_nor_a_hang(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], where: tuple[Any, ...], value: str
) -> None:
    """Audit 6 and 11: £1E+26 was exit 3; a start in year 1 made 52,803 invoices (23 s)."""
    full = _full()
    item: Any = full
    for key in where[:-1]:
        item = item[key]
    item[where[-1]] = value
    status, _, err = _run(["invoice", _write(tmp_path / "x.json", full), *INVOICE], capsys)
    assert 2 == status
    assert "[sane-range]" in err


def test_a_run_over_more_than_twenty_years_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A start in 1990 with as_of in 2024 is 34 years of fortnights: refused, exit 2."""
    full = _full()
    full["packages"][1]["start"] = "1990-01-01"
    full["quotations"][1]["rates"][0]["effective_from"] = "1990-01-01"
    status, _, err = _run(["invoice", _write(tmp_path / "x.json", full), *INVOICE], capsys)
    assert 2 == status
    assert "$.packages[1].start" in err
    assert "[bounded-run]" in err


def test_an_unpaired_surrogate_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Audit 12: "\\udcff" was written to standard output as a raw 0xFF byte."""
    full = _full()
    full["packages"][0]["purchase_order"] = "\udcff"
    status, _, err = _run(["invoice", _write(tmp_path / "s.json", full), *INVOICE], capsys)
    assert 2 == status
    assert "unpaired surrogate" in err


def test_a_placement_without_core_cost_is_a_finding_not_exit_3(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("pyshacl")
    record = json.loads((FIXTURES / "placements" / "valid-placement.jsonld").read_text())
    del record["actualPlacement"]["coreWeeklyCost"]
    path = _write(tmp_path / "no-core.jsonld", record)
    status, _, err = _run(["import", "placements", path, "--format", "json"], capsys)
    assert status in (0, 1)
    assert "placements.costs.no-core" in err


# -- rows: export ubl / oruk ----------------------------------------------------------------


def _ubl_inputs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[str, str, Any]:
    pytest.importorskip("lxml")
    from childcare_commissioning.convert import unstructure
    from tests.test_ubl import SETTINGS

    assert 0 == main(
        ["invoice", _write(tmp_path / "full.json", _full()), *INVOICE, "--format", "json"]
    )
    run = json.loads(capsys.readouterr().out)
    parties = _write(tmp_path / "parties.json", unstructure(SETTINGS))
    return str(tmp_path / "full.json"), parties, run


def test_export_ubl_refuses_duplicate_and_bad_numbers_writing_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Audit 8: one file for two invoices of the same number; `ok-1.xml` written before
    `../escaped` was refused. Now exit 2 and the folder is not even created."""
    _, parties, run = _ubl_inputs(tmp_path, capsys)
    for numbers, rule in (
        (["same", "same"], "[unique-outputs]"),
        (["ok-1", "../escaped"], "[out]"),
    ):
        document = json.loads(json.dumps(run))
        for invoice, number in zip(document["invoices"], numbers, strict=True):
            invoice["number"] = number
        source = _write(tmp_path / "run.json", document)
        out = tmp_path / "u"
        status, _, err = _run(
            ["export", "ubl", source, "--parties", parties, "--out", str(out)], capsys
        )
        assert 2 == status
        assert rule in err
        assert not out.exists()


def test_export_ubl_never_writes_through_a_link_nor_replaces_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    full, parties, _ = _ubl_inputs(tmp_path, capsys)
    out = tmp_path / "u3"
    out.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("victim\n", encoding="utf-8")
    (out / "plymouth-P1-20241202.xml").symlink_to(victim)
    argv = ["export", "ubl", full, "--council", "plymouth", "--parties", parties, "--out", str(out)]
    status, _, err = _run([*argv, "--force"], capsys)
    assert (2, "victim\n") == (status, victim.read_text(encoding="utf-8"))
    assert "[no-symlink]" in err
    (out / "plymouth-P1-20241202.xml").unlink()
    assert 0 == main(argv)
    capsys.readouterr()
    status, _, err = _run(argv, capsys)
    assert 2 == status
    assert "[no-overwrite]" in err
    assert 0 == main([*argv, "--force"])


def test_export_oruk_never_writes_through_a_link(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("victim\n", encoding="utf-8")
    out = tmp_path / "o"
    out.mkdir()
    (out / "plymouth.json").symlink_to(victim)
    argv = ["export", "oruk", "--council", "plymouth", "--as-of", "2026-01-05", "--out", str(out)]
    status, _, err = _run([*argv, "--force"], capsys)
    assert (2, "victim\n") == (status, victim.read_text(encoding="utf-8"))
    assert "[no-symlink]" in err


@pytest.mark.parametrize(
    ("organization", "rule"),
    [
        ("[1, 2]", "not a schema"),
        ('{"type": "object", "type": "string"}', "duplicate key"),
        ('{"properties": {"name": {"pattern": "^(.*.*)*$x"}}}', "[time-limit]"),
    ],
)
def test_export_oruk_hostile_schemas_are_refused_in_bounded_time(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    organization: str,
    rule: str,
) -> None:
    """Audit 6, 11, 15: `[1,2]` was exit 3, a backtracking pattern hung for 30 s, a
    duplicate key was accepted."""
    pytest.importorskip("jsonschema")
    from childcare_commissioning.cli import orukcmd

    monkeypatch.setattr(orukcmd, "VALIDATE_SECONDS", 1)
    schemas = tmp_path / "schema"
    shutil.copytree(FIXTURES / "oruk" / "uk-profile" / "schema", schemas)
    (schemas / "organization.json").write_text(organization, encoding="utf-8")
    argv = ["export", "oruk", "--council", "plymouth", "--as-of", "2026-01-05"]
    status, _, err = _run([*argv, "--validate", str(schemas)], capsys)
    assert 2 == status
    assert rule in err


# -- rows: docs and new-council -------------------------------------------------------------


def test_docs_generate_leaves_files_it_did_not_write(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Audit 1: every other *.md under --out was deleted, exit 0."""
    notes = tmp_path / "notes"
    (notes / "sub").mkdir(parents=True)
    (notes / "NOTES.md").write_text("mine\n", encoding="utf-8")
    (notes / "sub" / "chapter.md").write_text("mine\n", encoding="utf-8")
    assert 0 == main(["docs", "generate", "--out", str(notes)])
    assert "mine\n" == (notes / "NOTES.md").read_text(encoding="utf-8")
    assert "mine\n" == (notes / "sub" / "chapter.md").read_text(encoding="utf-8")
    (notes / "compare.md").unlink()
    (notes / "compare.md").write_text("mine too\n", encoding="utf-8")
    capsys.readouterr()
    # compare.md is listed in the manifest: ours to replace. A page it never wrote is not.
    assert 0 == main(["docs", "generate", "--out", str(notes)])
    (notes / "glossary.md").unlink()
    manifest = notes / ".childcare-commissioning-pages.json"
    listed = json.loads(manifest.read_text(encoding="utf-8"))
    listed["files"].remove("glossary.md")
    manifest.write_text(json.dumps(listed), encoding="utf-8")
    (notes / "glossary.md").write_text("not theirs\n", encoding="utf-8")
    status, _, err = _run(["docs", "generate", "--out", str(notes)], capsys)
    assert 2 == status
    assert "[no-overwrite]" in err
    assert "not theirs\n" == (notes / "glossary.md").read_text(encoding="utf-8")


@pytest.mark.slow
def test_docs_build_never_empties_a_site_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Audit 1b: the site folder was wiped, also by a build that then failed. Now a folder
    holding files the command did not build is refused without --force, and a failing
    build (a nav entry that does not exist, strict) leaves it as it was even with it."""
    pytest.importorskip("mkdocs")
    site = tmp_path / "site"
    site.mkdir()
    (site / "keep.txt").write_text("precious\n", encoding="utf-8")
    pages = tmp_path / "d"
    pages.mkdir()
    (pages / "index.md").write_text("# Home\n", encoding="utf-8")
    config = _write(tmp_path / "mkdocs.yml", "site_name: x\ndocs_dir: d\nnav:\n  - missing.md\n")
    argv = ["docs", "build", "--config", config, "--out", str(pages / "generated")]
    status, _, err = _run([*argv, "--site-dir", str(site)], capsys)
    assert 2 == status
    assert "[no-overwrite]" in err
    status, _, err = _run([*argv, "--site-dir", str(site), "--force"], capsys)
    assert 2 == status
    assert "mkdocs build failed (the site folder is unchanged" in err
    assert ["keep.txt"] == [p.name for p in site.iterdir()]


@pytest.mark.parametrize(
    ("argv", "rule"),
    [
        (["north", "--title", 'North "Shire"'], "[title]"),
        (["north", "--title", "North\\Shire"], "[title]"),
        (["north", "--title", "North\nShire"], "[title]"),
        (["east\n"], "must start with a letter"),
    ],
)
def test_new_council_refuses_what_would_break_the_plugin(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], rule: str
) -> None:
    """Audit 13: these made plugins that do not parse, at exit 0."""
    status, _, err = _run(["new-council", *argv, "--dir", str(tmp_path)], capsys)
    assert 2 == status
    assert rule in err
    assert [] == list(tmp_path.iterdir())


def test_new_council_with_an_apostrophe_parses(tmp_path: Path) -> None:
    import ast
    import tomllib

    assert 0 == main(["new-council", "north", "--dir", str(tmp_path), "--title", "King's Lynn"])
    folder = tmp_path / "north"
    ast.parse((folder / "src" / "childcare_commissioning_north" / "__init__.py").read_text())
    tomllib.loads((folder / "pyproject.toml").read_text())
    assert ["north"] == [p.name for p in tmp_path.iterdir()]  # no temporary folder left


# -- rows: determinism, pipes ---------------------------------------------------------------


def test_obligations_ics_is_the_same_every_run(capsys: pytest.CaptureFixture[str]) -> None:
    """Audit 15: DTSTAMP was the clock. Now it is 00:00 on the contract's first day in
    London: 1 April 2025 is BST (from 30 March), so 2025-03-31 23:00 UTC."""
    argv = ["obligations", *INVOICE, "--start", "2025-04-01", "--until", "2025-12-31"]
    runs = []
    for _ in range(2):
        assert 0 == main([*argv, "--format", "ics"])
        runs.append(capsys.readouterr().out)
    assert runs[0] == runs[1]
    assert "DTSTAMP:20250331T230000Z" in runs[0]


def test_table_output_into_head_exits_0() -> None:
    """Audit 15: rich exited 1 after a broken pipe."""
    command = [
        sys.executable,
        "-m",
        "childcare_commissioning.cli",
        "import",
        "ssda903",
        str(FIXTURES / "ssda903" / "header.csv"),
        str(FIXTURES / "ssda903" / "episodes.csv"),
        "--on",
        "2025-03-31",
    ]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None
    process.stdout.readline()
    process.stdout.close()
    assert 0 == process.wait(timeout=120)


# -- rows: the other readers ------------------------------------------------------------------


def test_monitor_csv_with_an_unterminated_quote_names_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Audit 3: C2 and C3 vanished into C1's actor, and read = used + reported still held."""
    log = _write(
        tmp_path / "ev.csv",
        "case,kind,at,actor,urgency\r\n"
        'C1,referral-received,2025-03-03T09:00,"A,emergency\r\n'
        "C2,referral-received,2025-03-04T09:00,B,emergency\r\n"
        'C3,referral-received,2025-03-05T09:00,C",emergency\r\n',
    )
    argv = ["monitor", log, *INVOICE, "--as-of", "2025-04-04", "--format", "json"]
    status, _, err = _run(argv, capsys)
    assert 2 == status
    assert "event log line 2" in err
    assert "(to line 4)" in err


def test_ssda903_impossible_episode_dates_are_findings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Audit 15: DEC before DECOM was read as 0 days, and a DECOM 19 years before the DOB
    accepted, with no word. C1's episode (line 2) ceases 01/03/2020 before it began
    01/04/2020; C2's (line 3) began 01/05/1991, before the DOB 01/01/2010."""
    folder = _return(
        tmp_path,
        "C1,01/04/2020,S,C2,N1,U1,PR1,01/03/2020,E11,,,,\r\nC2,01/05/1991,S,C2,N1,U1,PR1,,,,,,\r\n",
    )
    argv = ["import", "ssda903", str(folder), "--on", "2025-03-31", "--format", "json"]
    status, out, err = _run(argv, capsys)
    assert status in (0, 1)
    said = out + err
    assert "ssda903.dec-before-decom" in said
    assert "episodes.csv line 2" in said
    assert "ssda903.decom-before-birth" in said
    assert "episodes.csv line 3" in said
    assert "2010" not in err  # a date of birth is never shown


def test_a_referral_date_with_a_time_says_the_time_is_not_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Audit 15: `2024-02-12T10:00:00` was read as 00:00 with the note for a date only."""
    pytest.importorskip("pyshacl")
    record = json.loads((FIXTURES / "placements" / "valid-placement.jsonld").read_text())
    record["qualityAssurance"]["referralDate"] = "2024-02-12T10:00:00"
    path = _write(tmp_path / "timed.jsonld", record)
    status, _, err = _run(["import", "placements", path, "--format", "json"], capsys)
    if status == 2:  # the standard's shapes may refuse a time in a date field: also fine
        assert "referralDate" in err
        return
    assert "carries a time of day" in err


def test_export_placements_refuses_a_package_id_given_twice(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """As for invoices: two packages P1 in the batch, one silently taken before; now exit 2."""
    pytest.importorskip("pyshacl")
    full = _full()
    full["packages"].append({**full["packages"][0], "purchase_order": "PO-OTHER"})
    into = FIXTURES / "placements" / "valid-placement.jsonld"
    argv = ["export", "placements", _write(tmp_path / "b.json", full), *INVOICE]
    status, _, err = _run(
        [*argv, "--package", "P1", "--on", "2024-12-03", "--into", str(into)], capsys
    )
    assert 2 == status
    assert "exactly one package with this id (found 2)" in err
