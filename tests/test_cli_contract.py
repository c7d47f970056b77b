"""The exit-status contract and hostile input (the table of shared/audits/usability.md).

Every bad input must end with exit status 2 and one message on standard error naming the
file, field or option and the rule; never a traceback; never an input value echoed.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from childcare_commissioning import __version__
from childcare_commissioning.cli import main

GOOD_REFERRAL = {
    "id": "R-9",
    "received_at": "2025-01-06T10:00:00+00:00",
    "urgency": "standard",
    "council": "testshire",
    "referrer": {"role": "social-worker"},
    "child": {
        "id": "YP-9",
        "date_of_birth": "2012-05-01",
        "statuses": ["child-in-need"],
        "name": "Alex Invented",
    },
    "service": "outreach",
}

REFERRAL = ["referral", "check", "--council", "testshire"]


def _write(tmp_path: Path, name: str, data: bytes | str) -> str:
    path = tmp_path / name
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return str(path)


def _refuses(argv: list[str], capsys: pytest.CaptureFixture[str], *said: str) -> str:
    """Run ``argv``: exit status 2, no traceback, the message says each of ``said``."""
    assert 2 == main(argv)
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert err.startswith("childcare-commissioning: error: ")
    for words in said:
        assert words in err
    assert "Alex Invented" not in err
    return err


def _referral(**changes: object) -> str:
    return json.dumps({**GOOD_REFERRAL, **changes})


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (b"", "the file is empty [not-empty]"),
        (b"   \n", "the file is empty [not-empty]"),
        (b"Alex Invented, born 2009-02-28", "not valid JSON (line 1, column 1"),
        (b"[]", "expected an object (Referral), got array"),
        ('{"id": "caf\xe9"}'.encode("latin-1"), "not UTF-8 text"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe", "not UTF-8 text"),
        (b'{"a": "\x00"}', "binary data, not text"),
        (b"[" * 100_000, "nested too deeply to read [json-depth]"),
        (
            _referral(distance_miles=0)
            .replace('"distance_miles": 0', '"distance_miles": ' + "9" * 5001)
            .encode(),
            "more than 4300 digits [json-number]",
        ),
        (
            _referral()
            .replace('"urgency": "standard"', '"urgency": "urgent", "urgency": "standard"')
            .encode(),
            "duplicate key 'urgency'",
        ),
        (
            _referral(child={**GOOD_REFERRAL["child"], "date_of_birth": "2025-02-01"}).encode(),
            "$.child.date_of_birth: is after the referral was received [born-by-receipt]",
        ),
        (_referral(council="derby").encode(), "$.council: the referral is addressed to 'derby'"),
    ],
    ids=[
        "empty",
        "blank",
        "not-json",
        "array",
        "latin-1",
        "binary",
        "nul",
        "deep",
        "huge-int",
        "duplicate-key",
        "born-after-referral",
        "other-council",
    ],
)
def test_referral_hostile_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, said: str
) -> None:
    """Each bad referral file of the audit: exit 2, the rule named, no traceback."""
    _refuses([*REFERRAL, _write(tmp_path, "r.json", content)], capsys, said)


def test_missing_file_and_directory(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A path that does not exist, and a directory, for every command reading a file."""
    missing = str(tmp_path / "nope.json")
    for argv in (
        [*REFERRAL, missing],
        ["staff-check", missing, "--council", "testshire", "--on", "2025-01-06"],
        ["invoice", missing, "--council", "testshire", "--as-of", "2025-01-06"],
    ):
        _refuses(argv, capsys, "no such file [file-exists]")
        argv[argv.index(missing)] = str(tmp_path)
        _refuses(argv, capsys, "is a directory, not a file")
        argv[argv.index(str(tmp_path))] = missing


def test_bom_and_stdin_are_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A UTF-8 BOM (Windows, Excel) is dropped; ``-`` reads the same bytes from stdin."""
    data = b"\xef\xbb\xbf" + _referral().encode()
    assert 0 == main([*REFERRAL, _write(tmp_path, "r.json", data)])
    capsys.readouterr()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert 0 == main([*REFERRAL, "-", "--format", "json"])
    assert "eligible" == json.loads(capsys.readouterr().out)["outcome"]


def test_unknown_service_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--service that the council does not offer: exit 2 listing the services (not rc 1)."""
    path = _write(tmp_path, "r.json", _referral())
    _refuses([*REFERRAL, path, "--service", "nope"], capsys, "services: outreach")


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (b"", "the file is empty"),
        (b"not json", "not valid JSON"),
        (b"\xff\xfe\x00", "not UTF-8 text"),
        (b'{"workers": {}}', "expected a list of object (Worker)s, got object"),
        (b'{"staff": []}', "$.workers: required field missing"),
        (b'[{"id": "W1", "id": "W2"}]', "duplicate key 'id'"),
    ],
)
def test_staff_check_hostile_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, said: str
) -> None:
    """The roster cases that were tracebacks (empty, not JSON, binary) are now exit 2."""
    argv = ["staff-check", _write(tmp_path, "w.json", content), "--council", "testshire"]
    _refuses([*argv, "--on", "2025-01-06"], capsys, said)


@pytest.mark.parametrize("horizon", ["-5", "100000000", "1e3"])
def test_staff_check_horizon_range(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], horizon: str
) -> None:
    """--horizon outside 0-3660 days (was an OverflowError traceback) is a usage error."""
    path = _write(tmp_path, "w.json", "[]")
    with pytest.raises(SystemExit) as caught:
        main(
            [
                "staff-check",
                path,
                "--council",
                "testshire",
                "--on",
                "2025-01-06",
                "--horizon",
                horizon,
            ]
        )
    assert 2 == caught.value.code
    assert "--horizon" in capsys.readouterr().err


def test_staff_check_json_has_compliant_flags(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """W1 has a DBS check of 15 Mar 2021 (valid three years, to 15 Mar 2024: testshire's
    rule) so on 1 Mar 2024 is compliant; W2 has nothing: not compliant. The document says
    so per worker and overall (1 of 2, compliant false), and exit status is 1."""
    roster = [
        {"id": "W1", "completions": [{"subject": "dbs-enhanced", "completed_on": "2021-03-15"}]},
        {"id": "W2"},
    ]
    path = _write(tmp_path, "w.jsonl", "\n".join(json.dumps(w) for w in roster))
    argv = ["staff-check", path, "--council", "testshire", "--on", "2024-03-01"]
    assert 1 == main([*argv, "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    assert (False, 1, 2) == (
        report["compliant"],
        report["compliant_workers"],
        report["workers_checked"],
    )
    assert {"W1": True, "W2": False} == {w["worker_id"]: w["compliant"] for w in report["workers"]}


BATCH = {
    "as_of": "2024-12-16",
    "packages": [
        {
            "id": "P1",
            "council": "testshire",
            "child_id": "YP-1",
            "start": "2024-12-02",
            "purchase_order": "PO-1",
        }
    ],
    "quotations": [
        {"package_id": "P1", "rates": [{"amount": "18.50", "effective_from": "2024-12-02"}]}
    ],
    "planned": [],
    "records": [
        {"id": "R1", "package_id": "P1", "date": "2024-12-03", "hours": "2"},
        {"id": "R2", "package_id": "P1", "date": "2024-12-04", "hours": "1", "miles": "5"},
    ],
}


def test_invoice_findings_in_every_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """R2 claims 5 miles with no mileage agreement (testshire requires one): a finding.
    Every format shows it (CSV and text on standard error, so the invoice stays clean), the
    --findings file holds it (replaced by each run: --force), and the exit status is 1 in
    every format."""
    path = _write(tmp_path, "b.json", json.dumps(BATCH))
    findings = tmp_path / "findings.csv"
    for fmt in ("table", "json", "csv", "text"):
        argv = ["invoice", path, "--council", "testshire", "--format", fmt, "--force"]
        assert 1 == main([*argv, "--findings", str(findings)])
        captured = capsys.readouterr()
        shown = captured.out if fmt in ("table", "json") else captured.err
        assert "billing.mileage.no-agreement" in shown, fmt
        assert findings.read_text(encoding="utf-8").startswith(
            "severity,code,message,path,source\nerror,billing.mileage.no-agreement,"
        )


def test_invoice_batch_errors_locate_the_list(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A negative rate is located under quotations; a package of another council is refused;
    --as-of that disagrees with the batch's as_of is refused."""
    bad = json.loads(json.dumps(BATCH))
    bad["quotations"][0]["rates"][0]["amount"] = "-18"
    argv = ["invoice", _write(tmp_path, "b.json", json.dumps(bad)), "--council", "testshire"]
    _refuses(argv, capsys, "$.quotations[0].rates[0].amount: must not be negative")
    bad = json.loads(json.dumps(BATCH))
    bad["packages"][0]["council"] = "derby"
    argv = ["invoice", _write(tmp_path, "b.json", json.dumps(bad)), "--council", "testshire"]
    _refuses(argv, capsys, "$.packages[0].council", "[package-council]")
    argv = ["invoice", _write(tmp_path, "b.json", json.dumps(BATCH)), "--council", "testshire"]
    _refuses([*argv, "--as-of", "2025-01-01"], capsys, "[as-of-agrees]")
    _refuses([*argv, "--previous", _write(tmp_path, "p.json", "")], capsys, "the file is empty")


def test_invoice_csv_records_from_stdin_with_bom(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Excel's "CSV UTF-8" starts with a BOM: the first column is still `id`. CSV on stdin
    needs --input-format csv. R1 (2 h at £18.50 = £37.00) is billed; no findings: exit 0."""
    packages = {k: v for k, v in BATCH.items() if k != "records"}
    batch = _write(tmp_path, "b.json", json.dumps(packages))
    csv_bytes = b"\xef\xbb\xbfid,package_id,date,hours\r\nR1,P1,2024-12-03,2\r\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(csv_bytes)))
    argv = ["invoice", "-", "--input-format", "csv", "--packages", batch, "--council", "testshire"]
    assert 0 == main([*argv, "--format", "json"])
    [invoice] = json.loads(capsys.readouterr().out)["invoices"]
    assert ("37.00", ["R1"]) == (invoice["net"], invoice["record_ids"])


@pytest.mark.parametrize(
    "argv",
    [
        ["deadlines", "--council", "testshire", "--at", "2100-12-31T10:00"],
        ["deadlines", "--council", "testshire", "--at", "1900-01-01T10:00"],
        ["working-days", "between", "0001-01-01", "9999-12-31"],
        ["obligations", "--council", "testshire", "--start", "2025-04-01", "--until", "9999-12-31"],
    ],
)
def test_dates_outside_what_the_calendars_support(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """Dates past the calendars' 1975-2100 range and ranges too long: exit 2, said."""
    err = _refuses(argv, capsys)
    assert "range" in err


def test_working_days_n_out_of_range(capsys: pytest.CaptureFixture[str]) -> None:
    """n beyond ±36500 working days is refused by the parser (was a traceback)."""
    with pytest.raises(SystemExit) as caught:
        main(["working-days", "add", "2024-12-20", "99999999"])
    assert 2 == caught.value.code
    assert "must be from -36500 to 36500" in capsys.readouterr().err


def test_rule_and_trigger_must_agree(capsys: pytest.CaptureFixture[str]) -> None:
    """--rule of one trigger with --trigger of another was silently ignored: now refused."""
    argv = ["deadlines", "--council", "testshire", "--at", "2025-01-06T10:00"]
    _refuses(
        [*argv, "--rule", "referral-response", "--trigger", "nope"], capsys, "[rule-trigger-agree]"
    )


def test_new_council_refuses_installed_and_long_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An installed id would replace the real plugin when installed; a 300-character name
    was an OSError traceback; '1foo' must say it has to start with a letter."""
    _refuses(["new-council", "testshire", "--dir", str(tmp_path)], capsys, "already installed")
    _refuses(["new-council", "a" * 300, "--dir", str(tmp_path)], capsys, "at most 40")
    _refuses(["new-council", "1foo", "--dir", str(tmp_path)], capsys, "start with a letter")
    assert [] == list(tmp_path.iterdir())


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    """--version prints the package version and exits 0."""
    with pytest.raises(SystemExit) as caught:
        main(["--version"])
    assert 0 == caught.value.code
    assert f"childcare-commissioning {__version__}" == capsys.readouterr().out.strip()


def test_help_states_the_exit_statuses(capsys: pytest.CaptureFixture[str]) -> None:
    """--help documents 0/1/2 and the debug variable."""
    with pytest.raises(SystemExit):
        main(["--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "exit status: 0 done and acceptable; 1 done, and the answer is no" in out
    assert "CHILDCARE_COMMISSIONING_DEBUG=1" in out


def _script(
    *args: str, env: dict[str, str] | None = None, stdin: bytes = b""
) -> subprocess.CompletedProcess[bytes]:
    import os

    code = "import sys; from childcare_commissioning.cli import main; sys.exit(main(sys.argv[1:]))"
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        input=stdin,
        capture_output=True,
        env={**os.environ, **(env or {})},
        timeout=60,
    )


def test_real_process_no_traceback_unless_debugging(tmp_path: Path) -> None:
    """As a real process: a missing file is exit 2 and one line; with the debug variable
    set, the same exit status and the traceback."""
    missing = str(tmp_path / "nope.json")
    plain = _script(*REFERRAL, missing)
    assert 2 == plain.returncode
    assert b"Traceback" not in plain.stderr
    assert 1 == len(plain.stderr.splitlines())
    debug = _script(*REFERRAL, missing, env={"CHILDCARE_COMMISSIONING_DEBUG": "1"})
    assert 2 == debug.returncode
    assert b"Traceback (most recent call last)" in debug.stderr


def test_real_process_broken_pipe_is_quiet() -> None:
    """`councils --format json | head -2`: the reader closes the pipe early; no
    BrokenPipeError traceback, exit 0."""
    code = (
        "import subprocess, sys\n"
        "p = subprocess.Popen([sys.executable, '-c', 'import sys; from childcare_commissioning."
        "cli import main; sys.exit(main(sys.argv[1:]))', 'demo', '--format', 'json'],"
        " stdout=subprocess.PIPE, stderr=subprocess.PIPE)\n"
        "p.stdout.readline(); p.stdout.close()\n"
        "err = p.stderr.read(); rc = p.wait()\n"
        "print(rc, b'Traceback' in err)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert "0 False" == result.stdout.strip()
