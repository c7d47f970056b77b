"""JSON Schemas: generated from the models, shipped with the package, printed by `schema`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from childcare_commissioning.cli import main
from childcare_commissioning.cli._parser import DOCUMENT_NAMES, ID_KIND_NAMES
from childcare_commissioning.cli.schemacmd import ID_KINDS
from childcare_commissioning.schemas import (
    DOCUMENTS,
    PERSONAL_NOTE,
    field_docs,
    generate,
    shipped_schema,
    write_all,
)


def test_shipped_schemas_match_the_models(tmp_path: Path) -> None:
    """Every shipped file equals what the generator makes from today's models (if this
    fails, run `python -m childcare_commissioning.schemas` and commit the files)."""
    for path in write_all(tmp_path):
        name = path.name.removesuffix(".schema.json")
        assert path.read_text(encoding="utf-8") == shipped_schema(name), name


def _undescribed(node: object, path: str) -> list[str]:
    """The JSON paths of the properties under ``node`` that have no description."""
    found: list[str] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "properties" and isinstance(value, dict):
                bare = [name for name, p in value.items() if not p.get("description")]
                found += [f"{path}.properties.{name}" for name in bare]
            found += _undescribed(value, f"{path}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found += _undescribed(value, f"{path}[{i}]")
    return found


def test_every_field_of_every_shipped_schema_is_described() -> None:
    """Each property of each shipped schema, at the root and in every definition, carries
    a description (taken from the model field's docstring)."""
    shipped = {name: json.loads(shipped_schema(name)) for name in DOCUMENTS}
    missing = [path for name, schema in shipped.items() for path in _undescribed(schema, name)]
    assert [] == missing


def test_undescribed_finds_a_bare_property() -> None:
    """The check above can fail: a property without a description is reported by path."""
    schema = {
        "$defs": {
            "A": {
                "properties": {
                    "x": {"type": "string", "description": "an x"},
                    "y": {"type": "string"},
                }
            }
        }
    }
    assert ["s.$defs.A.properties.y"] == _undescribed(schema, "s")


def test_field_docs_reads_the_string_under_a_field() -> None:
    """The description of a field is the string literal written under it, white space
    folded; a field without one has none, and a base class's fields are inherited."""
    import attrs

    @attrs.frozen
    class Base:
        a: int
        """The a,
        in two lines."""

    @attrs.frozen
    class Child(Base):
        b: str = "x"
        c: int = 0
        """The c."""

    assert {"a": "The a, in two lines.", "c": "The c."} == field_docs(Child)


def test_parser_lists_the_same_documents_and_kinds() -> None:
    """The parser's lists (kept import-free for a fast --help) match the real ones."""
    assert tuple(DOCUMENTS) == DOCUMENT_NAMES
    assert tuple(ID_KINDS) == ID_KIND_NAMES


def test_referral_schema_by_hand() -> None:
    """Referral's attrs fields without defaults are id, received_at, urgency, referrer and
    child (model/referral.py): exactly the schema's required list. Unknown keys are refused
    (additionalProperties false, as the converter forbids extra keys); urgency is one of
    the three Urgency values; the child's name is marked personal data after its meaning;
    every field says what it is (the id: pseudonymous, never a name)."""
    schema = generate("referral")
    assert ["id", "received_at", "urgency", "referrer", "child"] == schema["required"]
    assert schema["additionalProperties"] is False
    assert ["emergency", "urgent", "standard"] == schema["properties"]["urgency"]["enum"]
    child = schema["$defs"]["ChildOrYoungPerson"]
    assert child["properties"]["name"]["description"].endswith(PERSONAL_NOTE)
    assert PERSONAL_NOTE not in child["properties"]["id"]["description"]
    assert "never a name" in child["properties"]["id"]["description"]
    received = schema["properties"]["received_at"]
    assert "date-time" == received["format"]
    # The field's meaning first, then the type's own note (datetime: the UTC offset).
    assert received["description"].startswith("When the provider received the referral")
    assert received["description"].endswith(
        "Format: ISO 8601 with a UTC offset (2025-03-29T10:00:00+00:00)."
    )


def test_batch_schema_lists_the_batch_keys() -> None:
    """The invoice batch has exactly the keys the invoice command accepts."""
    from childcare_commissioning.cli.invoicecmd import BATCH_KEYS

    schema = generate("invoice-batch")
    assert BATCH_KEYS == set(schema["properties"])
    assert "required" not in schema
    assert {"$ref": "#/$defs/DeliveryRecord"} == schema["properties"]["records"]["items"]


def test_examples_use_only_schema_properties() -> None:
    """Every key of the bundled referral is a property of the referral schema (a check a
    JSON Schema validator would make first)."""
    from importlib.resources import files

    referral = json.loads(
        files("childcare_commissioning.examples").joinpath("referral.json").read_text("utf-8")
    )
    schema = generate("referral")
    assert set(referral) <= set(schema["properties"])
    assert set(referral["child"]) <= set(schema["$defs"]["ChildOrYoungPerson"]["properties"])


def test_schema_command(capsys: pytest.CaptureFixture[str]) -> None:
    """`schema` lists the documents; `schema roster` prints the shipped schema (a Roster
    object with the training matrix, or an array of Worker objects); an unknown document
    is a usage error."""
    assert 0 == main(["schema", "--format", "json"])
    listed = [d["document"] for d in json.loads(capsys.readouterr().out)]
    assert list(DOCUMENT_NAMES) == listed
    assert 0 == main(["schema", "roster"])
    roster = json.loads(capsys.readouterr().out)
    assert [{"$ref": "#/$defs/Roster"}, {"type": "array", "items": {"$ref": "#/$defs/Worker"}}] == (
        roster["anyOf"]
    )
    assert {"workers", "training_matrix", "packages"} == set(
        roster["$defs"]["Roster"]["properties"]
    )
    with pytest.raises(SystemExit) as caught:
        main(["schema", "nope"])
    assert 2 == caught.value.code


def test_ids_command(capsys: pytest.CaptureFixture[str]) -> None:
    """Testshire declares one notifiable event, `incident` (tests/plugins/testshire), and
    its referral-response rule is started by `referral-received`."""
    assert 0 == main(["ids", "events", "--council", "testshire", "--format", "json"])
    assert ["incident"] == [e["id"] for e in json.loads(capsys.readouterr().out)]
    assert 0 == main(["ids", "rules", "--council", "testshire", "--format", "json"])
    assert "referral-response" in [r["id"] for r in json.loads(capsys.readouterr().out)]
