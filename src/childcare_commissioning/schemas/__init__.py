"""JSON Schemas of every input document, generated from the attrs models.

No schema is written by hand: :func:`json_schema` walks a model's attrs fields and their
types, the same types the cattrs converter (:mod:`childcare_commissioning.convert`) reads,
so a field added to a model appears in its schema the next time the schemas are generated.
(No maintained library generates JSON Schema from attrs classes: cattrs has no schema
generator and ``attrs-jsonschema`` is a 2017 sketch, so this module is that generator.)

The generated schemas are shipped with the package as ``<document>.schema.json`` beside
this module; a test checks they match the models. Regenerate them after a model change::

    python -m childcare_commissioning.schemas

``childcare-commissioning schema DOCUMENT`` prints one; ``childcare-commissioning schema``
lists the documents. The schemas describe shape and types (JSON Schema draft 2020-12);
rules between fields (an end not before its start, a non-negative distance) are checked
when the document is read, and reported by JSON path.
"""

from __future__ import annotations

import ast
import datetime as dt
import enum
import functools
import inspect
import itertools
import json
import textwrap
import types
from collections.abc import Mapping
from decimal import Decimal
from importlib.resources import files
from pathlib import Path
from typing import Any, Union, get_args, get_origin

import attrs

__all__ = [
    "DOCUMENTS",
    "PERSONAL_NOTE",
    "SOURCE_SCHEMA",
    "Document",
    "field_docs",
    "generate",
    "json_schema",
    "schema_parts",
    "shipped_schema",
    "write_all",
]

DIALECT = "https://json-schema.org/draft/2020-12/schema"
_DECIMAL_TEXT = r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$"


@attrs.frozen
class Document:
    """An input document: its name, what it is, which command reads it, and its type."""

    name: str
    title: str
    read_by: str
    build: Any = attrs.field(repr=False)
    """A function returning the document's Python type (imported lazily)."""
    answer: bool = False
    """Whether the document is also a command's answer read back (its root objects may
    carry the ``source`` explain adds)."""


def _referral() -> Any:
    from childcare_commissioning.model import Referral

    return Referral


def _package() -> Any:
    from childcare_commissioning.model import Package

    return Package


def _roster() -> Any:
    from childcare_commissioning.roster import Roster
    from childcare_commissioning.workforce import Worker

    return Roster | list[Worker]


def _record() -> Any:
    from childcare_commissioning.billing import DeliveryRecord

    return DeliveryRecord


def _contract() -> Any:
    from childcare_commissioning.contract import Contract

    return Contract


def _invoices() -> Any:
    from childcare_commissioning.billing import Invoice
    from childcare_commissioning.billing.answers import InvoiceRunDocument

    return list[Invoice] | InvoiceRunDocument


def _policy_report() -> Any:
    from childcare_commissioning.policies import PolicyReport

    return PolicyReport


def _batch() -> Any:
    from childcare_commissioning.billing import Claim, DeliveryRecord, PlannedSession, Quotation
    from childcare_commissioning.model import Package

    @attrs.frozen
    class InvoiceBatch:
        """An invoice run's input: packages, their quotations (rates), planned sessions and
        delivery records, or the amounts claimed per period where the text pays against a
        budget with no rate (claims); ``as_of`` (optional) invoices periods ended before
        that date."""

        as_of: dt.date | None = None
        """The run's date (a London date): only billing periods ended before it are
        invoiced; omitted, --as-of gives it (when both are given they must agree)."""
        packages: list[Package] = attrs.Factory(list)
        """The packages invoiced."""
        quotations: list[Quotation] = attrs.Factory(list)
        """The provider's quotations: the rates (and mileage agreements) per package."""
        planned: list[PlannedSession] = attrs.Factory(list)
        """The sessions the council commissioned, against which delivery is billed."""
        records: list[DeliveryRecord] = attrs.Factory(list)
        """The delivery records (timesheets) of the sessions delivered, missed or cancelled."""
        claims: list[Claim] = attrs.Factory(list)
        """The amounts claimed per period, where the council pays against a budget with no
        rate."""

    return attrs.resolve_types(InvoiceBatch, localns=locals())


DOCUMENTS: dict[str, Document] = {
    d.name: d
    for d in (
        Document("referral", "A referral", "referral check FILE", _referral),
        Document("package", "A commissioned package", "invoice (inside a batch)", _package),
        Document(
            "roster",
            "A roster: a list of workers, or the workers with the provider's training matrix",
            "staff-check FILE",
            _roster,
        ),
        Document(
            "invoice-batch",
            "An invoice batch",
            "invoice FILE (or --packages when FILE holds records)",
            _batch,
        ),
        Document(
            "records-csv",
            "One delivery record: a row of a records CSV (one column per property) or a "
            "line of a JSON Lines file",
            "invoice FILE.csv|FILE.jsonl --packages BATCH",
            _record,
        ),
        Document(
            "invoices",
            "Invoices already issued: a list of invoices (JSON, or JSON Lines with one "
            "invoice a line) or a previous run's `invoice --format json`",
            "invoice --previous FILE, export ubl FILE",
            _invoices,
            answer=True,
        ),
        Document(
            "contract",
            "A contract let under a council's text",
            "--contract FILE (monitor, obligations, deadlines, invoice), contract check FILE",
            _contract,
        ),
        Document(
            "policy-report",
            "A provider's policy report: each policy's last review, next review due and "
            "key changes",
            "policies FILE",
            _policy_report,
        ),
    )
}
"""Every input document the command line reads, by the name ``schema`` takes."""


#: What :func:`childcare_commissioning.explain.explain` adds to every cited object of an
#: answer (``rules``) and to it and the answer (``source``: :func:`~childcare_commissioning.
#: explain.source_of`'s keys).
SOURCE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "Where an answer comes from: the council, its plugin distribution and "
    "version, and the specification's title and version.",
    "properties": {
        key: {"type": "string"}
        for key in ("council", "distribution", "version", "specification", "specification_version")
    },
    "required": ["council", "distribution", "version", "specification", "specification_version"],
}
RULES_SCHEMA: dict[str, Any] = {
    "type": "array",
    "items": {"type": "string"},
    "description": "the qualified ids of the council's declarations carrying this citation",
}


PERSONAL_NOTE = "Personal data: never shown in output or errors."


@functools.lru_cache(maxsize=256)
def field_docs(cls: type) -> dict[str, str]:
    """The attribute docstrings of an attrs class and its bases: the string literal written
    under a field (as Sphinx, mkdocstrings and pydantic's ``use_attribute_docstrings`` read
    them), by field name, white space folded. The models keep each field's meaning there,
    in one place, so the API reference and the JSON Schemas say the same."""
    docs: dict[str, str] = {}
    for klass in reversed(cls.__mro__):
        if not attrs.has(klass):
            continue
        try:
            source = textwrap.dedent(inspect.getsource(klass))
        except (OSError, TypeError):  # no source (a frozen build): no descriptions
            continue
        body = ast.parse(source).body[0]
        if not isinstance(body, ast.ClassDef):
            continue
        for node, after in itertools.pairwise(body.body):
            if (
                isinstance(node, ast.AnnAssign)
                and isinstance(node.target, ast.Name)
                and isinstance(after, ast.Expr)
                and isinstance(after.value, ast.Constant)
                and isinstance(after.value.value, str)
            ):
                docs[node.target.id] = " ".join(after.value.value.split())
    return docs


def _describe(schema: dict[str, Any], doc: str | None, personal: bool) -> dict[str, Any]:
    """``schema`` with the field's description before the type's own note (a decimal, a
    date-time) and, for personal data, the personal-data note after it."""
    parts = [doc.replace("``", "`")] if doc else []  # reST literals as Markdown ones
    note = schema.get("description")
    if note:
        parts.append(f"Format: {note}." if doc else note)
    if personal:
        parts.append(PERSONAL_NOTE)
    if parts:
        schema["description"] = " ".join(parts)
    return schema


class _Generator:
    """Input mode: what the converter reads, including what an answer's ``explain`` adds
    (optional ``rules`` and ``source`` on cited objects, ``source`` on the document's root
    objects: the converter reads them as :class:`~childcare_commissioning.convert.Explanation`
    and leaves them aside). Output
    mode (``output=True``): what :func:`~childcare_commissioning.convert.unstructure` writes
    (every field, decimals as text), with ``rules`` and ``source`` on cited objects,
    definitions named ``<Model>Out``."""

    def __init__(self, output: bool = False) -> None:
        self.defs: dict[str, Any] = {}
        self.output = output

    def of(self, t: Any) -> dict[str, Any]:
        origin = get_origin(t)
        if origin is Union or isinstance(t, types.UnionType):
            options = [self.of(a) for a in get_args(t)]
            return {"anyOf": options}
        if t is type(None):
            return {"type": "null"}
        if origin in (list, tuple, frozenset, set):
            args = [a for a in get_args(t) if a is not Ellipsis]
            if origin is tuple and len(get_args(t)) > 1 and get_args(t)[1] is not Ellipsis:
                items = [self.of(a) for a in get_args(t)]
                return {"type": "array", "prefixItems": items, "items": False}
            return {"type": "array", "items": self.of(args[0]) if args else {}}
        if origin in (dict, Mapping) or t in (dict, Mapping):
            pair = get_args(t)
            return {"type": "object", "additionalProperties": self.of(pair[1]) if pair else {}}
        if isinstance(t, type) and issubclass(t, enum.Enum):
            return {"enum": [m.value for m in t]}
        if attrs.has(t):
            return self._model(t)
        return self._scalar(t)

    def _scalar(self, t: Any) -> dict[str, Any]:
        from childcare_commissioning.model.package import StaffRatio

        scalars: dict[Any, dict[str, Any]] = {
            str: {"type": "string"},
            int: {"type": "integer"},
            float: {"type": "number"},
            bool: {"type": "boolean"},
            Decimal: {
                "anyOf": [{"type": "number"}, {"type": "string", "pattern": _DECIMAL_TEXT}],
                "description": 'a decimal number; write money as a string ("12.50")',
            },
            dt.date: {"type": "string", "format": "date"},
            dt.datetime: {
                "type": "string",
                "format": "date-time",
                "description": "ISO 8601 with a UTC offset (2025-03-29T10:00:00+00:00)",
            },
            dt.time: {"type": "string", "pattern": r"^\d{2}:\d{2}(:\d{2})?$"},
            StaffRatio: {"type": "string", "pattern": r"^\d+:\d+$"},
            Any: {},
        }
        if self.output and t is Decimal:
            return {"type": "string", "pattern": _DECIMAL_TEXT, "description": "a decimal"}
        if t in scalars:
            return dict(scalars[t])
        raise TypeError(f"no JSON Schema for {t!r}")  # a new type needs a line above

    def _model(self, cls: type) -> dict[str, Any]:
        name = cls.__name__ + ("Out" if self.output else "")
        if name not in self.defs:
            self.defs[name] = {}  # reserve: recursive models refer to themselves
            attrs.resolve_types(cls)
            from childcare_commissioning.model._fields import is_personal

            properties: dict[str, Any] = {}
            required = []
            docs = field_docs(cls)
            for field in attrs.fields(cls):
                if not field.init and not self.output:
                    continue
                key = field.name if self.output else field.alias or field.name
                text = docs.get(field.name)
                properties[key] = _describe(self.of(field.type), text, is_personal(field))
                if field.default is attrs.NOTHING or self.output:
                    required.append(key)
            if self.output and "citation" in properties:
                properties["rules"] = dict(RULES_SCHEMA)
                properties["source"] = {"$ref": "#/$defs/Source"}
                self.defs["Source"] = SOURCE_SCHEMA
            if not self.output:
                self._explained(properties)
            definition: dict[str, Any] = {"type": "object"}
            doc = (cls.__doc__ or "").strip().split("\n\n")[0]
            if doc:
                definition["description"] = " ".join(doc.split())
            definition["properties"] = properties
            if required:
                definition["required"] = required
            if not self.output:
                definition["additionalProperties"] = False
            self.defs[name] = definition
        return {"$ref": f"#/$defs/{name}"}

    def _explained(self, properties: dict[str, Any]) -> None:
        """What an answer's ``explain`` adds beside a ``citation``, as the converter reads
        it back: ``rules`` and ``source`` (both optional)."""
        from childcare_commissioning.convert import Explanation

        if "citation" in properties:
            docs = field_docs(Explanation)
            properties.setdefault(
                "rules", _describe(self.of(tuple[str, ...]), docs["rules"], False)
            )
            self.sourced(properties)

    def sourced(self, properties: dict[str, Any]) -> None:
        """An optional ``source`` (explain's) among ``properties``, unless a field has it."""
        from childcare_commissioning.convert import Source

        where = "Where the answer this object was read from comes from (optional)."
        properties.setdefault("source", _describe(self.of(Source), where, False))

    def roots(self, root: dict[str, Any]) -> None:
        """An optional ``source`` on the document's root objects (the root model, each
        item of a root list, each option of a root union), where explain adds one."""
        for option in root.get("anyOf", [root]):
            target = option.get("items", option)
            name = str(target.get("$ref", "")).rsplit("/", 1)[-1]
            if name in self.defs:
                self.sourced(self.defs[name]["properties"])


def json_schema(
    t: Any, title: str | None = None, *, output: bool = False, answer: bool = False
) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of type ``t``: an attrs model, a list of models, or
    any type the converter reads; models become ``$defs`` entries. With ``output``, the
    schema of ``t`` as an answer: what :func:`~childcare_commissioning.convert.unstructure`
    writes and :func:`~childcare_commissioning.explain.explain` adds. With ``answer``, an
    input that is also an answer read back: its root objects may carry ``source``."""
    generator = _Generator(output)
    root = generator.of(t)
    if answer and not output:
        generator.roots(root)
    schema: dict[str, Any] = {"$schema": DIALECT}
    if title:
        schema["title"] = title
    if "$ref" in root and len(root) == 1:
        name = root["$ref"].rsplit("/", 1)[1]
        schema.update(generator.defs.pop(name))
        text = json.dumps(generator.defs)
        # References to the root model (a recursive model) point at the root.
        generator.defs = json.loads(text.replace(f'"#/$defs/{name}"', '"#"'))
    else:
        schema.update(root)
    if generator.defs:
        schema["$defs"] = dict(sorted(generator.defs.items()))
    return schema


def schema_parts(t: Any, *, output: bool = False) -> tuple[dict[str, Any], dict[str, Any]]:
    """The schema of ``t`` as a root (which ``$ref``s ``#/$defs/<Model>``) and its
    definitions, unhoisted: for a document gathering many types' definitions in one place
    (the OpenAPI document of :mod:`childcare_commissioning.service`)."""
    generator = _Generator(output)
    root = generator.of(t)
    return root, generator.defs


def generate(document: str) -> dict[str, Any]:
    """The schema of the named input document (a key of :data:`DOCUMENTS`)."""
    found = DOCUMENTS[document]
    return json_schema(found.build(), found.title, answer=found.answer)


def _text(schema: Mapping[str, Any]) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def shipped_schema(document: str) -> str:
    """The schema shipped with the package for ``document``, as JSON text."""
    DOCUMENTS[document]  # a KeyError names an unknown document
    return files(__name__).joinpath(f"{document}.schema.json").read_text(encoding="utf-8")


def write_all(folder: Path | None = None) -> list[Path]:
    """(Re)generate every shipped schema file into ``folder`` (default: beside this module)."""
    target = folder or Path(__file__).parent
    written = []
    for name in DOCUMENTS:
        path = target / f"{name}.schema.json"
        path.write_text(_text(generate(name)), encoding="utf-8")
        written.append(path)
    return written
