"""Properties over the commands that read records and write files (hostile audit, #39).

For arbitrary batches, records (ids repeated, visits of no time, unknown packages), CSV
with quotes dropped in anywhere, and an output path that may be an input, an existing file
or a link:

- the exit status is 0, 1 or 2 (never 3);
- every input file is byte for byte as it was;
- nothing is doubled: no record id is on two invoices (or twice on one);
- nothing is lost: every record given is invoiced, pending, held or named in a finding,
  and the rows read are the rows used plus the rows reported;
- no existing file is replaced without ``--force``, and nothing is written through a link.

Bounded (a few dozen examples each) to run in the normal test time.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from childcare_commissioning.cli import main
from childcare_commissioning.convert import unstructure
from tests.test_ubl import SETTINGS, _invoice

BOUNDED = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
PACKAGE_IDS = ("P0", "P1", "P2")
TIMES = ("09:00", "10:00", "10:30", "13:15", "23:00")


@st.composite
def batches(draw: st.DrawFn) -> dict[str, Any]:
    packages = [
        {
            "id": pid,
            "council": "testshire",
            "child_id": f"YP-{pid}",
            "start": "2024-12-02",
            "purchase_order": f"PO-{pid}",
        }
        for pid in PACKAGE_IDS
    ]
    quotations = [
        {"package_id": pid, "rates": [{"amount": "18.50", "effective_from": "2024-12-02"}]}
        for pid in PACKAGE_IDS
        if draw(st.integers(0, 5))  # now and then a package without a rate: a finding
    ]
    planned = [
        {"id": f"S{i}", "package_id": draw(st.sampled_from(PACKAGE_IDS)), "date": f"2024-12-{d:02}"}
        | {"minutes": draw(st.sampled_from([60, 120, 180]))}
        for i, d in enumerate(draw(st.lists(st.integers(2, 13), max_size=4)))
    ]
    records = []
    for index in range(draw(st.integers(0, 8))):
        rid = f"R{draw(st.integers(0, index))}"  # sometimes an id given before
        record: dict[str, Any] = {
            "id": rid,
            "package_id": draw(st.sampled_from([*PACKAGE_IDS, "PX"])),
            "date": f"2024-12-{draw(st.integers(2, 20)):02}",
        }
        if draw(st.booleans()):
            record["start"], record["end"] = (
                draw(st.sampled_from(TIMES)),
                draw(st.sampled_from(TIMES)),
            )
        else:
            record["hours"] = draw(st.sampled_from(["1", "0.5", "-1", "2.25"]))
        if planned and draw(st.booleans()):
            record["planned_id"] = draw(st.sampled_from([s["id"] for s in planned]))
        records.append(record)
    return {
        "as_of": "2024-12-16",
        "packages": packages,
        "quotations": quotations,
        "planned": planned,
        "records": records,
    }


@contextlib.contextmanager
def folder() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as name:
        yield Path(name)


def run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(argv)
    return status, out.getvalue(), err.getvalue()


def digest(paths: list[Path]) -> dict[Path, str]:
    return {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in paths}


def accounted(records: list[dict[str, Any]], document: dict[str, Any], err: str) -> None:
    """Nothing doubled, nothing lost, for one `invoice --format json` document: each record
    is invoiced, pending, held, or named in a finding, or its package is (a package not
    invoiced at all: no quoted rate)."""
    invoiced = [rid for invoice in document["invoices"] for rid in invoice["record_ids"]]
    assert len(invoiced) == len(set(invoiced)), "a record on two invoices"
    said = " ".join(f["message"] for f in document["findings"]) + err
    for record in records:
        rid = record["id"]
        assert (
            rid in invoiced
            or rid in document["pending"]
            or rid in document["held"]
            or repr(rid) in said
            or f"package {record['package_id']!r} has no quoted rate" in said
        ), f"record {rid} lost"


@BOUNDED
@given(batches())
def test_an_invoice_run_loses_and_doubles_nothing(batch: dict[str, Any]) -> None:
    with folder() as here:
        path = here / "batch.json"
        path.write_text(json.dumps(batch), encoding="utf-8")
        before = digest([path])
        status, out, err = run(["invoice", str(path), "--council", "testshire", "--format", "json"])
        assert status in (0, 1, 2)
        assert before == digest([path])
        if status == 2:
            assert "error:" in err
            return
        document = json.loads(out)
        read = len(batch["records"])
        counts = document["records"]
        assert counts["read"] == read == counts["used"] + counts["reported"]
        accounted(batch["records"], document, err)


@BOUNDED
@given(batches())
def test_the_stream_loses_nothing_and_says_whether_it_completed(batch: dict[str, Any]) -> None:
    with folder() as here:
        records = batch.pop("records")
        # The stream checks record ids within a package (its docstring: only the batch run
        # sees an id repeated in another package), so here ids are scoped to their package.
        for record in records:
            record["id"] = f"{record['package_id']}-{record['id']}"
        # Grouped by package, in the batch's order, as the stream needs.
        order = {pid: i for i, pid in enumerate([*PACKAGE_IDS, "PX"])}
        records.sort(key=lambda r: order[r["package_id"]])
        lines = here / "records.jsonl"
        lines.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        packages = here / "packages.json"
        packages.write_text(json.dumps(batch), encoding="utf-8")
        findings = here / "findings.csv"
        before = digest([lines, packages])
        argv = ["invoice-stream", str(lines), "--packages", str(packages), "--council", "testshire"]
        status, out, _ = run([*argv, "--findings", str(findings)])
        assert status in (0, 1, 2)
        assert before == digest([lines, packages])
        end = json.loads(out.splitlines()[-1])
        if status == 2:
            assert False is end["error"]["complete"]
            assert not findings.exists()  # whole or nothing
            return
        summary = end["summary"]
        assert summary["complete"]
        counts = summary["records"]
        assert counts["read"] == len(records) == counts["used"] + counts["reported"]
        invoices = [json.loads(line) for line in out.splitlines()[:-1]]
        assert summary["invoices"] == len(invoices)
        invoiced = [rid for invoice in invoices for rid in invoice["record_ids"]]
        assert len(invoiced) == len(set(invoiced))
        assert findings.read_text(encoding="utf-8").startswith("severity,code,")


@BOUNDED
@given(
    st.lists(
        st.tuples(st.sampled_from(PACKAGE_IDS), st.integers(2, 13), st.sampled_from(["1", "2"])),
        min_size=1,
        max_size=6,
    ),
    st.lists(st.tuples(st.integers(0, 5), st.integers(0, 4), st.integers(0, 12)), max_size=3),
)
def test_csv_quotes_anywhere_never_swallow_a_row(
    rows: list[tuple[str, int, str]], quotes: list[tuple[int, int, int]]
) -> None:
    """Quotes dropped into cells: either the file is refused naming a line ([csv-quote],
    exit 2), or every data row is read (read = rows given)."""
    cells = [
        [f"R{i}", pid, f"2024-12-{day:02}", hours, f"W-{i}"]
        for i, (pid, day, hours) in enumerate(rows)
    ]
    for row, column, at in quotes:
        if row < len(cells):
            text = cells[row][column]
            cells[row][column] = text[:at] + '"' + text[at:]
    body = "id,package_id,date,hours,worker_id\r\n" + "".join(",".join(c) + "\r\n" for c in cells)
    with folder() as here:
        path = here / "records.csv"
        path.write_text(body, encoding="utf-8")
        batch = {
            "as_of": "2024-12-16",
            "packages": [
                {
                    "id": pid,
                    "council": "testshire",
                    "child_id": "YP",
                    "start": "2024-12-02",
                    "purchase_order": "PO",
                }
                for pid in PACKAGE_IDS
            ],
            "quotations": [
                {"package_id": pid, "rates": [{"amount": "18.50", "effective_from": "2024-12-02"}]}
                for pid in PACKAGE_IDS
            ],
        }
        packages = here / "packages.json"
        packages.write_text(json.dumps(batch), encoding="utf-8")
        argv = ["invoice", str(path), "--packages", str(packages), "--council", "testshire"]
        status, out, err = run([*argv, "--format", "json"])
        assert status in (0, 1, 2)
        if status == 2:
            assert "[csv-quote]" in err or "[csv-shape]" in err or "cannot read" in err
            assert "line " in err or "cannot read" in err
            return
        assert len(rows) == json.loads(out)["records"]["read"]


@BOUNDED
@given(
    target=st.sampled_from(["batch", "existing", "new", "link", "nested-new"]),
    force=st.booleans(),
)
def test_an_output_never_destroys_an_input_a_file_or_a_links_target(
    target: str, force: bool
) -> None:
    with folder() as here:
        batch = here / "batch.json"
        batch.write_text(
            json.dumps(
                {
                    "as_of": "2024-12-16",
                    "packages": [
                        {
                            "id": "P0",
                            "council": "testshire",
                            "child_id": "YP",
                            "start": "2024-12-02",
                            "purchase_order": "PO",
                        }
                    ],
                    "quotations": [
                        {
                            "package_id": "P0",
                            "rates": [{"amount": "18.50", "effective_from": "2024-12-02"}],
                        }
                    ],
                    "records": [
                        {"id": "R1", "package_id": "P0", "date": "2024-12-03", "hours": "1"}
                    ],
                }
            ),
            encoding="utf-8",
        )
        existing = here / "existing.csv"
        existing.write_text("someone's\n", encoding="utf-8")
        victim = here / "victim.txt"
        victim.write_text("victim\n", encoding="utf-8")
        (here / "link.csv").symlink_to(victim)
        paths = {
            "batch": batch,
            "existing": existing,
            "new": here / "new.csv",
            "link": here / "link.csv",
            "nested-new": here / "a" / "b" / "new.csv",
        }
        before = digest([batch, victim])
        argv = ["invoice", str(batch), "--council", "testshire", "--findings", str(paths[target])]
        status, _, _ = run([*argv, "--force"] if force else argv)
        assert before == digest([batch, victim])
        if target in ("batch", "link"):
            assert 2 == status
        elif target == "existing":
            assert (status == 0) is force
            assert ("someone's\n" == existing.read_text(encoding="utf-8")) is not force
        else:
            assert 0 == status
            assert paths[target].read_text(encoding="utf-8").startswith("severity,")
        # No temporary file is left behind, whatever happened.
        assert not list(here.rglob("*.part"))


@BOUNDED
@given(
    numbers=st.lists(
        st.sampled_from(["INV-1", "inv-1", "INV-2", "../x", "a\nb", ".hidden", "INV-3"]),
        min_size=1,
        max_size=3,
    ),
    existing=st.sets(st.sampled_from(["INV-1.xml", "INV-2.xml", "notes.txt"])),
    force=st.booleans(),
)
def test_export_ubl_writes_every_file_or_none(
    numbers: list[str], existing: set[str], force: bool
) -> None:
    """Invoices numbered anyhow (repeated, differing in case, not file names) into a folder
    holding files already: exit 2 leaves the folder exactly as it was; exit 0 writes one
    file per invoice and leaves every other file as it was."""
    with folder() as here:
        invoices = [{**unstructure(_invoice()), "number": n} for n in numbers]
        source = here / "invoices.json"
        source.write_text(json.dumps(invoices, default=str), encoding="utf-8")
        parties = here / "parties.json"
        parties.write_text(json.dumps(unstructure(SETTINGS)), encoding="utf-8")
        out = here / "out"
        out.mkdir()
        for name in existing:
            (out / name).write_text("someone's\n", encoding="utf-8")
        before = digest(sorted(out.iterdir()))
        inputs = digest([source, parties])
        argv = ["export", "ubl", str(source), "--parties", str(parties), "--out", str(out)]
        status, _, _ = run([*argv, "--force"] if force else argv)
        assert status in (0, 1, 2)
        assert inputs == digest([source, parties])
        if status == 2:
            assert before == digest(sorted(out.iterdir()))
            return
        written = {f"{n}.xml" for n in numbers}
        assert written <= {p.name for p in out.iterdir()}
        for path, value in before.items():
            if path.name not in written:
                assert value == digest([path])[path]
        assert not list(out.glob("*.part"))
