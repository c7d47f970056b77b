"""Every JSON the command line writes that a command documents as its input is read back by
that command, unchanged in content, and validates against the shipped JSON Schema of that
input (`childcare-commissioning schema DOCUMENT`), checked with jsonschema.

The documented routes (README.md, docs/):

- `invoice --format json` -> `invoice --previous` (README: "a previous run's `--format
  json` output") and `invoice-stream --previous` (its help: "a previous --format json
  run"), schema `invoices`;
- `invoice --format json` -> `export ubl FILE` (docs/formats/ubl.md, README), schema
  `invoices`;
- `import placements --format json` -> `referral check` (docs/formats/placements.md),
  schema `referral`;
- `export placements` -> `import placements` (a record in, a record out), the standard's
  SHACL shape.

Not a route: `invoice-stream`'s JSON Lines end with a `summary` (or `error`) record, so
they are no list of invoices and no command documents them as input (its invoice lines
are written as `invoice --format json` writes each invoice, and read as such). Nothing
documents `import ssda903 --format json`, `monitor` or `weekly` output as a command's input.

The 2026-12 formats audit (U1) found the first two refused (`lines[0].rules`: unknown
field) and the run document failing `schema invoices`: the tests fed `unstructure(Invoice)`
instead of the command's own output. These feed the command's own output.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from childcare_commissioning.billing import Invoice
from childcare_commissioning.cli import invoicecmd, main
from childcare_commissioning.cli._input import parse_json
from childcare_commissioning.convert import structure, unstructure
from childcare_commissioning.registry import get_registry
from childcare_commissioning.schemas import shipped_schema

jsonschema = pytest.importorskip("jsonschema")

ROOT = Path(__file__).parents[1]
PLACEMENTS = Path(__file__).parent / "fixtures" / "placements"


def example(council: str) -> Path:
    """The council's bundled billing example (an invoice batch)."""
    return ROOT / f"plugins/{council}/src/childcare_commissioning_{council}/examples/billing.json"


def schema_errors(document: str, data: Any) -> list[str]:
    """Every error of ``data`` against the shipped schema of ``document`` (draft 2020-12,
    formats checked)."""
    validator = jsonschema.Draft202012Validator(
        json.loads(shipped_schema(document)), format_checker=jsonschema.FormatChecker()
    )
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)]


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(argv)
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def library_run(council: str, batch_file: Path) -> list[Invoice]:
    """The invoices the library itself makes of the batch (no command line, no JSON)."""
    spec = get_registry().council(council).spec
    batch = invoicecmd.read_batch(json.loads(batch_file.read_text("utf-8")))
    result, _ = invoicecmd.run_batch(spec, batch, invoicecmd.batch_as_of(None, batch), [], [])
    return list(result.invoices)


def invoice_json(
    council: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> tuple[int, Path, Any]:
    status, out, err = run(
        ["invoice", str(example(council)), "--council", council, "--format", "json"], capsys
    )
    assert status in (0, 1), err  # 1: a finding of the example, never a refusal
    path = tmp_path / f"run-{council}.json"
    path.write_text(out, "utf-8")
    return status, path, parse_json(out)


COUNCILS = ("plymouth", "somerset", "stoke")  # each ships a billing example


@pytest.mark.parametrize("council", COUNCILS)
def test_invoice_json_validates_and_is_read_back_as_the_librarys_invoices(
    council: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The run document (cited lines with `rules` and `source`, budgets, retention, the
    records' reconciliation, the answer's source) is an `invoices` document, and reading it
    gives back the very invoices the library made: every line, amount, date and citation."""
    _, _, document = invoice_json(council, tmp_path, capsys)
    assert any("rules" in line for i in document["invoices"] for line in i["lines"])
    assert [] == schema_errors("invoices", document)
    assert library_run(council, example(council)) == invoicecmd.invoices_document(document)
    # A document that is not one is still refused, naming the field.
    broken = json.loads(json.dumps(document))
    broken["invoices"][0]["lines"][0]["rules"] = "not a list"
    assert schema_errors("invoices", broken)
    with pytest.raises(Exception, match=r"\$\.invoices\[0\]\.lines\[0\]\.rules"):
        invoicecmd.invoices_document(broken)


@pytest.mark.parametrize("council", COUNCILS)
def test_invoice_previous_reads_a_previous_run(
    council: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The same batch run again with its own output as --previous: read (not exit 2), every
    period it invoiced is not invoiced again (the previous invoices' periods are known),
    and the budgets' use is the first run's (each previous invoice counted once)."""
    _, path, first = invoice_json(council, tmp_path, capsys)
    assert first["invoices"]
    argv = ["invoice", str(example(council)), "--council", council, "--format", "json"]
    again, out, err = run([*argv, "--previous", str(path)], capsys)
    assert again in (0, 1), err
    second = parse_json(out)
    assert [] == second["invoices"]
    assert first["budgets"] == second["budgets"]


def test_invoice_stream_previous_reads_invoice_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Plymouth's example streamed with its own `invoice --format json` as --previous: the
    one fortnight invoiced before is not invoiced again; only the summary line is written,
    its records all used (4 read = 4 used + 0 reported)."""
    _, path, first = invoice_json("plymouth", tmp_path, capsys)
    assert 1 == len(first["invoices"])
    batch = json.loads(example("plymouth").read_text("utf-8"))
    records = tmp_path / "records.jsonl"
    records.write_text("".join(json.dumps(r) + "\n" for r in batch.pop("records")), "utf-8")
    packages = tmp_path / "batch.json"
    packages.write_text(json.dumps(batch), "utf-8")
    argv = ["invoice-stream", str(records), "--packages", str(packages), "--council", "plymouth"]
    status, out, err = run([*argv, "--previous", str(path)], capsys)
    assert status in (0, 1), err
    [summary] = [json.loads(line) for line in out.splitlines()]
    assert (0, {"read": 4, "used": 4, "reported": 0}) == (
        summary["summary"]["invoices"],
        summary["summary"]["records"],
    )


@pytest.mark.parametrize("council", COUNCILS)
def test_export_ubl_reads_invoice_json(
    council: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """docs/formats/ubl.md's pipeline: `invoice --format json > run.json`, then `export ubl
    run.json`: one file per invoice, each paying what the library's invoice pays (Stoke's
    invoices are claims: one lump sum, `LS`, a line)."""
    pytest.importorskip("lxml")
    from childcare_commissioning.formats.ubl import read_ubl
    from tests.test_ubl import SETTINGS

    _, path, _ = invoice_json(council, tmp_path, capsys)
    parties = tmp_path / "parties.json"
    parties.write_text(json.dumps(unstructure(SETTINGS) | {"buyer_reference": "REF"}), "utf-8")
    out = tmp_path / "ubl"
    status, _, err = run(
        ["export", "ubl", str(path), "--parties", str(parties), "--out", str(out)], capsys
    )
    assert 0 == status, err
    invoices = library_run(council, example(council))
    read = {p.stem: read_ubl(p.read_bytes()).payable for p in out.iterdir()}
    assert {i.number: i.payable for i in invoices if i.lines} == read


def test_import_placements_json_is_a_referral_that_referral_check_reads(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """docs/formats/placements.md: `import placements ... --format json > referral.json`,
    then `referral check referral.json`: a `referral` document, read as the referral the
    library read from the record."""
    pytest.importorskip("pyshacl")
    from childcare_commissioning.formats.placements import read_placement
    from childcare_commissioning.model import Referral, Referrer

    record = PLACEMENTS / "valid-placement.jsonld"
    options = ["--council", "stoke", "--service", "pilot", "--referrer-role", "social-worker"]
    status, out, err = run(
        ["import", "placements", str(record), "--format", "json", *options], capsys
    )
    assert 0 == status, err
    referral = parse_json(out)
    assert [] == schema_errors("referral", referral)
    expected = read_placement(
        parse_json(record.read_text("utf-8")),
        council="stoke",
        service="pilot",
        referrer=Referrer(role="social-worker"),
    ).referral
    assert expected == structure(referral, Referral)
    path = tmp_path / "referral.json"
    path.write_text(out, "utf-8")
    status, _, err = run(["referral", "check", str(path), "--council", "stoke"], capsys)
    assert status in (0, 1), err  # checked (1: the referral has problems), never refused


def test_export_placements_writes_a_record_import_placements_reads(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A record written by `export placements` (with pence: the audit's case) is read by
    `import placements`: 6 h x £18.50 = £111.00 core + £350.25 additional = £461.25."""
    pytest.importorskip("pyshacl")
    from tests.test_formats_placements import PACKAGE_BATCH

    batch = tmp_path / "batch.json"
    batch.write_text(json.dumps(PACKAGE_BATCH), "utf-8")
    argv = ["export", "placements", str(batch), "--council", "testshire", "--package", "PKG-1"]
    argv += ["--on", "2024-03-25", "--into", str(PLACEMENTS / "valid-placement.jsonld")]
    status, out, err = run([*argv, "--additional-support", "350.25", "--format", "json"], capsys)
    assert 0 == status, err
    written = tmp_path / "record.jsonld"
    written.write_text(out, "utf-8")
    status, referral, err = run(["import", "placements", str(written), "--format", "json"], capsys)
    assert 0 == status, err
    assert "ABCD2012" == parse_json(referral)["child"]["id"]
    assert "461.25" == parse_json(out)["actualPlacement"]["totalWeeklyCost"]
