"""Validating one Placements Data Standard record with the standard's SHACL shape (pyshacl).

References in the same run: reading the record's JSON (``parse_json``) for the per-record
cost, and ``import childcare_commissioning`` for the first record in a fresh process (which
also pays for importing rdflib and pyshacl and parsing the shape once).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _harness import measure, report, time_call, time_command

from childcare_commissioning.cli._input import parse_json
from childcare_commissioning.formats.placements import read_placement, validate

RECORD = (
    Path(__file__).parent.parent / "tests" / "fixtures" / "placements" / "valid-placement.jsonld"
)
REPEAT = 20


def main() -> None:
    text = RECORD.read_text("utf-8")
    document = parse_json(text)
    print("one record, warm (shape parsed once per process):")
    report(
        {
            "reference: parse_json of the record": time_call(lambda: parse_json(text), REPEAT),
            "validate (rdflib JSON-LD + pyshacl)": time_call(lambda: validate(document), REPEAT),
            "read_placement (validates)": time_call(lambda: read_placement(document), REPEAT),
        },
        "reference: parse_json of the record",
    )
    print("peak memory:")
    measure("parse_json of the record", lambda: parse_json(text))
    measure("validate", lambda: validate(document))
    print("first record in a fresh process:")
    first = (
        "from pathlib import Path; from childcare_commissioning.cli._input import parse_json; "
        "from childcare_commissioning.formats.placements import validate; "
        f"validate(parse_json(Path({str(RECORD)!r}).read_text('utf-8')))"
    )
    report(
        {
            "reference: import childcare_commissioning": time_command(
                [sys.executable, "-c", "import childcare_commissioning"], 5
            ),
            "import + validate one record": time_command([sys.executable, "-c", first], 5),
        },
        "reference: import childcare_commissioning",
    )


if __name__ == "__main__":
    main()
