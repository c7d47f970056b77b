"""Hypothesis drives every input document and every command with arbitrary input.

Arbitrary bytes are never a valid document: exit status 2 with one message. Arbitrary
JSON (and arbitrary values put into an otherwise valid document, and arbitrary argument
text) may happen to be valid, so: exit 0, 1 or 2, never 3 (a bug), never a traceback, and
a message whenever it is 2. The CLI runs in-process through ``main``; examples are bounded
so the suite stays fast.
"""

from __future__ import annotations

import contextlib
import io
import json
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from childcare_commissioning.cli import main

FUZZ = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
PREFIX = "childcare-commissioning: error: "

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=12,
)

VALID = {
    "referral": {
        "id": "R-1",
        "received_at": "2025-01-06T10:00:00+00:00",
        "urgency": "standard",
        "referrer": {"role": "social-worker"},
        "child": {"id": "YP-1", "date_of_birth": "2012-05-01", "statuses": ["child-in-need"]},
        "service": "outreach",
    },
    "roster": [
        {"id": "W1", "completions": [{"subject": "dbs-enhanced", "completed_on": "2021-03-15"}]}
    ],
    "batch": {
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
        "records": [{"id": "R1", "package_id": "P1", "date": "2024-12-03", "hours": "2"}],
    },
}

_DIR = Path(tempfile.mkdtemp(prefix="cc-fuzz-"))
_BATCH = _DIR / "batch.json"
_BATCH.write_text(json.dumps(VALID["batch"]), encoding="utf-8")

#: Every command that reads a file: how to run it on FILE.
FILE_COMMANDS = {
    "referral": ["referral", "check", "FILE", "--council", "testshire"],
    "roster": ["staff-check", "FILE", "--council", "testshire", "--on", "2025-01-06"],
    "roster-jsonl": [
        "staff-check",
        "FILE",
        "--council",
        "testshire",
        "--on",
        "2025-01-06",
        "--input-format",
        "jsonl",
    ],
    "batch": ["invoice", "FILE", "--council", "testshire"],
    "records-csv": [
        "invoice",
        "FILE",
        "--input-format",
        "csv",
        "--packages",
        str(_BATCH),
        "--council",
        "testshire",
    ],
    "records-jsonl": [
        "invoice",
        "FILE",
        "--input-format",
        "jsonl",
        "--packages",
        str(_BATCH),
        "--council",
        "testshire",
    ],
    "packages": [
        "invoice",
        str(_BATCH),
        "--input-format",
        "csv",
        "--packages",
        "FILE",
        "--council",
        "testshire",
    ],
    "previous": ["invoice", str(_BATCH), "--previous", "FILE", "--council", "testshire"],
    **{
        f"events-{fmt}": [
            "monitor",
            "FILE",
            "--council",
            "testshire",
            "--as-of",
            "2025-04-04",
            "--input-format",
            fmt,
        ]
        for fmt in ("jsonl", "csv")
    },
}


@contextlib.contextmanager
def _captured() -> Iterator[tuple[io.StringIO, io.StringIO]]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        yield out, err


def _run(argv: list[str]) -> tuple[int, str]:
    with _captured() as (_, err):
        try:
            status = main(argv)
        except SystemExit as exit_:  # argparse: usage errors
            status = int(exit_.code or 0)
    text = err.getvalue()
    assert "Traceback" not in text
    return status, text


def _run_on(command: str, data: bytes, fmt: str = "json") -> tuple[int, str]:
    path = _DIR / f"input.{fmt}"
    path.write_bytes(data)
    argv = [str(path) if a == "FILE" else a for a in FILE_COMMANDS[command]]
    return _run([*argv, "--format", "json"])


@pytest.mark.parametrize("command", sorted(FILE_COMMANDS))
@FUZZ
@given(data=st.binary(max_size=300))
def test_arbitrary_bytes_are_refused(command: str, data: bytes) -> None:
    """Random bytes (after a `{`, so most are not even whitespace) are never a document.
    The rare draw that is a JSON object per line is a readable records file whose bad
    records are findings (exit 1), tested on its own below."""
    if command.startswith("records"):
        assume(not _json_lines(b"{" + data))
    status, err = _run_on(command, b"{" + data)
    assert 2 == status
    assert err.startswith(PREFIX)


def _json_lines(data: bytes) -> bool:
    try:
        lines = [line for line in data.decode("utf-8").splitlines() if line.strip()]
        return bool(lines) and all(isinstance(json.loads(line), dict) for line in lines)
    except ValueError:
        return False


def test_a_records_file_of_empty_objects_is_read_and_each_record_reported() -> None:
    """`{}` is a readable JSON Lines records file holding one record with no fields: the
    run goes ahead and the record is a finding naming the missing field (exit 1), never
    silently dropped."""
    status, _ = _run_on("records-jsonl", b"{}")
    assert 1 == status


@pytest.mark.parametrize("command", sorted(FILE_COMMANDS))
@FUZZ
@given(value=json_values)
def test_arbitrary_json_never_crashes(command: str, value: Any) -> None:
    """Any JSON value (a CSV of its text, for the CSV commands): 0, 1 or 2, never a bug."""
    status, err = _run_on(command, json.dumps(value).encode())
    assert status in (0, 1, 2)
    if status == 2:
        assert err.startswith(PREFIX) or "usage:" in err


@pytest.mark.parametrize("document", ["referral", "batch"])
@FUZZ
@given(data=st.data())
def test_one_field_replaced_by_arbitrary_json(document: str, data: st.DataObject) -> None:
    """A valid document with one (possibly nested) value replaced by arbitrary JSON."""
    doc = json.loads(json.dumps(VALID[document]))
    node: Any = doc
    while True:
        keys = list(node) if isinstance(node, dict) else list(range(len(node)))
        key = data.draw(st.sampled_from(keys))
        if isinstance(node[key], dict | list) and node[key] and data.draw(st.booleans()):
            node = node[key]
            continue
        node[key] = data.draw(json_values)
        break
    command = "referral" if document == "referral" else "batch"
    status, err = _run_on(command, json.dumps(doc).encode())
    assert status in (0, 1, 2)
    if status == 2:
        assert err.startswith(PREFIX)


texts = st.text(max_size=30)
ARGUMENT_COMMANDS = {
    "working-days add": lambda a, b: ["working-days", "add", a, b],
    "working-days between": lambda a, b: ["working-days", "between", a, b],
    "deadlines": lambda a, b: ["deadlines", "--council", "testshire", "--at", a, "--trigger", b],
    "deadlines rule": lambda a, b: [
        "deadlines",
        "--council",
        a,
        "--at",
        "2025-01-06T10:00",
        "--rule",
        b,
    ],
    "obligations": lambda a, b: [
        "obligations",
        "--council",
        "testshire",
        "--start",
        a,
        "--until",
        b,
    ],
    "safeguarding route": lambda a, b: [
        "safeguarding",
        "route",
        "--council",
        "testshire",
        "--concern",
        a,
        "--area",
        b,
        "--at",
        "2025-01-06T10:00",
    ],
    "safeguarding notify": lambda a, b: [
        "safeguarding",
        "notify",
        "--council",
        "testshire",
        "--event",
        a,
        "--at",
        b,
    ],
    "referral service": lambda a, b: [
        "referral",
        "check",
        a,
        "--council",
        "testshire",
        "--service",
        b,
    ],
    "staff-check horizon": lambda a, b: [
        "staff-check",
        str(_BATCH),
        "--council",
        "testshire",
        "--on",
        a,
        "--horizon",
        b,
    ],
    "invoice as-of": lambda a, b: ["invoice", str(_BATCH), "--council", a, "--as-of", b],
    "new-council": lambda a, b: ["new-council", a, "--dir", str(_DIR / "new"), "--title", b],
    "ids": lambda a, b: ["ids", a, "--council", b],
    "schema": lambda a, b: ["schema", a],
    "clauses": lambda a, b: ["clauses", "--council", a, "--status", b],
    "clauses uncovered": lambda a, b: ["clauses", "--council", a, "--uncovered", "--format", b],
    "duties": lambda a, b: ["duties", "--council", a, "--service", b, "--format", "md"],
}


@pytest.mark.parametrize("command", sorted(ARGUMENT_COMMANDS))
@FUZZ
@given(first=texts, second=texts)
def test_arbitrary_arguments_never_crash(command: str, first: str, second: str) -> None:
    """Arbitrary text in every argument: 0, 1 or 2 (argparse included), never a bug."""
    status, err = _run(ARGUMENT_COMMANDS[command](first, second))
    assert status in (0, 1, 2)
    if status == 2:
        assert err.startswith(PREFIX) or "usage:" in err
