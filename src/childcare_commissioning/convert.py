"""JSON in and out: one cattrs converter for every model in the library.

- Unknown keys are an error (a typo in a rule file must not pass silently).
- A bad document raises one :class:`~childcare_commissioning.errors.ConversionError` that
  lists *every* problem with its JSON path, what was expected and the type of what was
  found. Values are never echoed: they may be personal data.
- Strings, numbers and lists are read strictly: ``"5"`` is not an int, ``"abc"`` is not a
  list of three letters, ``12.5`` (a float) becomes ``Decimal("12.5")`` through its
  shortest repr, never through binary floating point.
- An answer the command line wrote reads back as its model: what
  :func:`~childcare_commissioning.explain.explain` adds (``rules`` beside a ``citation``,
  ``source`` naming the plugin) is checked to be shaped as :class:`Explanation` and is not
  part of the model (it is derived from the council again whenever an answer is written).

Plugins and later capabilities register hooks for their own types on :data:`converter`.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import types
from collections.abc import Callable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar, Union, get_args, get_origin

import attrs
import cattrs
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)

from childcare_commissioning.errors import ConversionError, ModelValueError, Problem
from childcare_commissioning.model.package import StaffRatio

__all__ = [
    "Explanation",
    "Source",
    "converter",
    "dumps",
    "loads",
    "structure",
    "unstructure",
]

T = TypeVar("T")

converter = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
"""The library's one converter. Register hooks for new types here."""

_MISSING = object()


# --- scalar hooks -------------------------------------------------------------------------


def _strict(kind: type, accept: tuple[type, ...], reject: tuple[type, ...] = ()) -> Any:
    """A hook that takes ``kind`` as it is and refuses anything else (no ``str(17)``).

    cattrs dispatches ``str`` hooks by class, so a ``StrEnum`` field arrives here too:
    it is read as its enum, by value.
    """

    def hook(value: Any, target: Any) -> Any:
        if isinstance(target, type) and issubclass(target, enum.Enum):
            return target(value)
        if isinstance(value, accept) and not isinstance(value, reject):
            return value
        raise TypeError(f"expected {kind.__name__}")

    return hook


YEARS = (1900, 2199)
"""The years a date in a document may fall in: a date outside them is a typing slip (0001,
9999), refused rather than computed on for minutes (a package starting in year 1)."""

MAGNITUDE = Decimal(10) ** 9
"""A decimal in a document is below this in size (a billion: pounds, hours or miles):
anything larger is refused rather than overflowing the penny arithmetic."""


class _OutOfRange(ValueError):
    """A value of the right type outside the range a document's values may take."""


def _in_years(value: dt.date) -> None:
    if not YEARS[0] <= value.year <= YEARS[1]:
        raise _OutOfRange(f"a date from {YEARS[0]} to {YEARS[1]}")


def _structure_date(value: Any, _: Any) -> dt.date:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        _in_years(value)
        return value
    if isinstance(value, str) and len(value) == 10:
        day = dt.date.fromisoformat(value)
        _in_years(day)
        return day
    raise ValueError("expected an ISO date")


def _structure_datetime(value: Any, _: Any) -> dt.datetime:
    parsed = value if isinstance(value, dt.datetime) else None
    if isinstance(value, str) and "T" in value:
        parsed = dt.datetime.fromisoformat(value)
    if parsed is None or parsed.utcoffset() is None:
        raise ValueError("expected an aware ISO date-time")
    _in_years(parsed)
    return parsed


def _structure_time(value: Any, _: Any) -> dt.time:
    if isinstance(value, dt.time):
        return value
    if isinstance(value, str) and len(value) in (5, 8):
        return dt.time.fromisoformat(value)
    raise ValueError("expected a time")


def _unstructure_time(value: dt.time) -> str:
    return value.isoformat("seconds" if value.second else "minutes")


def _structure_decimal(value: Any, _: Any) -> Decimal:
    if isinstance(value, bool):
        raise TypeError("expected a decimal")
    try:
        number = Decimal(str(value)) if isinstance(value, float | int | str) else value
    except InvalidOperation:
        raise ValueError("expected a decimal") from None
    if not isinstance(number, Decimal) or not number.is_finite():
        raise ValueError("expected a finite decimal")
    if abs(number) >= MAGNITUDE:
        raise _OutOfRange("a decimal number below 1,000,000,000 in size")
    return number


def _structure_ratio(value: Any, _: Any) -> StaffRatio:
    if isinstance(value, StaffRatio):
        return value
    if not isinstance(value, str):
        raise TypeError("expected a staff ratio")
    try:
        return StaffRatio.parse(value)
    except ModelValueError:
        raise ValueError("expected a staff ratio") from None


converter.register_structure_hook(str, _strict(str, (str,)))
converter.register_structure_hook(int, _strict(int, (int,), (bool,)))
converter.register_structure_hook(bool, _strict(bool, (bool,)))
converter.register_structure_hook(dt.date, _structure_date)
converter.register_structure_hook(dt.datetime, _structure_datetime)
converter.register_structure_hook(dt.time, _structure_time)
converter.register_structure_hook(Decimal, _structure_decimal)
converter.register_structure_hook(StaffRatio, _structure_ratio)
converter.register_unstructure_hook(dt.date, dt.date.isoformat)
converter.register_unstructure_hook(dt.datetime, dt.datetime.isoformat)
converter.register_unstructure_hook(dt.time, _unstructure_time)
converter.register_unstructure_hook(Decimal, str)
converter.register_unstructure_hook(StaffRatio, str)


# --- collections: a list in JSON, never a string or an object -----------------------------

_COLLECTIONS: dict[Any, Callable[[list[Any]], Any]] = {
    tuple: tuple,
    list: list,
    frozenset: frozenset,
    set: set,
}


def _is_collection(t: Any) -> bool:
    return get_origin(t) in _COLLECTIONS


def _collection_hook(t: Any) -> Callable[[Any, Any], Any]:
    origin = get_origin(t)
    build = _COLLECTIONS[origin]
    args = get_args(t)
    if origin is tuple and not (len(args) == 2 and args[1] is Ellipsis):
        return converter.gen_structure_hetero_tuple(t)
    element = args[0] if args else Any
    element_hook = converter.get_structure_hook(element)

    def hook(value: Any, _: Any) -> Any:
        if not isinstance(value, list | tuple | set | frozenset):
            raise TypeError("expected a list")
        items: list[Any] = []
        errors: list[Exception] = []
        for index, item in enumerate(value):
            try:
                items.append(element_hook(item, element))
            except Exception as exc:
                exc.__notes__ = [
                    *getattr(exc, "__notes__", []),
                    IterableValidationNote(f"Structuring {t!r} @ index {index}", index, element),
                ]
                errors.append(exc)
        if errors:
            raise IterableValidationError(f"While structuring {t!r}", errors, t)
        return build(items)

    return hook


def _unstructure_set(value: frozenset[Any] | set[Any]) -> list[Any]:
    items = [converter.unstructure(v) for v in value]
    return sorted(items, key=lambda v: (str(type(v)), str(v)))


converter.register_structure_hook_factory(_is_collection, _collection_hook)


def _is_set(t: Any) -> bool:
    return t in (frozenset, set) or get_origin(t) in (frozenset, set)


converter.register_unstructure_hook_func(_is_set, _unstructure_set)


# --- explained answers read back ----------------------------------------------------------


@attrs.frozen
class Source:
    """Where an answer comes from (``source``): the council, its plugin distribution and
    version, and the specification's title and version."""

    council: str
    """The council's id."""
    distribution: str
    """The plugin distribution that declares the council."""
    version: str
    """The plugin distribution's version."""
    specification: str
    """The title of the council's specification."""
    specification_version: str
    """The specification's version."""


@attrs.frozen
class Explanation:
    """What :func:`~childcare_commissioning.explain.explain` adds to an object of an answer:
    ``rules`` (the council's declarations carrying its ``citation``) and ``source``."""

    rules: tuple[str, ...] = ()
    """The qualified ids of the council's declarations carrying the object's citation."""
    source: Source | None = None
    """Where the answer comes from."""


def _explained_hook(t: Any) -> Callable[[Any, Any], Any]:
    """The converter's own hook for the attrs class ``t``, also reading an object that
    carries explain's ``rules`` (a class with a ``citation``) or ``source``: they are
    structured as :class:`Explanation` (so a malformed one is a problem at its path) and
    left out of the model. A class with a field of that name reads it as its own."""
    base = converter.gen_structure_attrs_fromdict(t)
    names = {field.alias or field.name for field in attrs.fields(t)}
    keys = {"source"} - names
    if "citation" in names:
        keys |= {"rules"} - names
    if not keys:
        return base

    def hook(value: Any, _: Any) -> Any:
        if isinstance(value, Mapping) and not keys.isdisjoint(value):
            converter.structure({k: value[k] for k in keys if k in value}, Explanation)
            value = {k: v for k, v in value.items() if k not in keys}
        return base(value, t)

    return hook


converter.register_structure_hook_factory(attrs.has, _explained_hook)


# --- error reporting ----------------------------------------------------------------------


def _describe(t: Any) -> str:
    """Say what a type looks like in JSON, for a person fixing a document."""
    origin = get_origin(t)
    if origin is Union or isinstance(t, types.UnionType):
        options = [a for a in get_args(t) if a is not type(None)]
        described = " or ".join(_describe(a) for a in options)
        return f"{described} or null" if len(options) < len(get_args(t)) else described
    if origin in _COLLECTIONS:
        args = [a for a in get_args(t) if a is not Ellipsis]
        return f"a list of {_plural(args[0])}" if args else "a list"
    if origin in (dict, Mapping) or t in (dict, Mapping):
        return "an object"
    if isinstance(t, type) and issubclass(t, enum.Enum):
        return "one of " + ", ".join(repr(m.value) for m in t)
    simple = {
        str: "a string",
        int: "a whole number",
        bool: "true or false",
        Decimal: 'a decimal number (e.g. "12.50")',
        dt.date: "a date (YYYY-MM-DD)",
        dt.time: "a time of day (HH:MM)",
        dt.datetime: "a date-time with UTC offset (YYYY-MM-DDTHH:MM:SS+00:00)",
        StaffRatio: 'a staff ratio (e.g. "2:1")',
    }
    if t in simple:
        return simple[t]
    if attrs.has(t):
        return f"an object ({t.__name__})"
    return getattr(t, "__name__", repr(t))


def _plural(t: Any) -> str:
    text = _describe(t)
    for article in ("a ", "an "):
        if text.startswith(article):
            return text[len(article) :] + "s"
    return text


def _json_type(value: Any) -> str:
    if value is _MISSING:
        return "nothing"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float | Decimal):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, Mapping):
        return "object"
    if isinstance(value, list | tuple | set | frozenset):
        return "array"
    return type(value).__name__


def _child(doc: Any, key: Any) -> Any:
    if isinstance(doc, Mapping):
        return doc.get(key, _MISSING)
    if isinstance(doc, list | tuple) and isinstance(key, int) and 0 <= key < len(doc):
        return doc[key]
    return _MISSING


def _leaf(exc: BaseException, path: str, expected: Any, doc: Any) -> list[Problem]:
    if isinstance(exc, ModelValueError):
        return [Problem(f"{path}.{exc.field}", exc.message, exc.rule)]
    if isinstance(exc, ForbiddenExtraKeysError):
        return [
            Problem(f"{path}.{key}", "unknown field", "no-unknown-fields")
            for key in sorted(exc.extra_fields)
        ]
    if isinstance(exc, _OutOfRange):
        return [Problem(path, f"expected {exc}; this one is outside it", "sane-range")]
    if isinstance(exc, KeyError) or doc is _MISSING:
        return [Problem(path, "required field missing", "required")]
    if isinstance(exc, ClassValidationError | IterableValidationError):
        return _problems(exc, path, doc)
    got = _json_type(doc)
    if expected is None:
        return [Problem(path, f"invalid value (got {got})")]
    return [Problem(path, f"expected {_describe(expected)}, got {got}")]


def _problems(exc: BaseException, path: str, doc: Any) -> list[Problem]:
    if isinstance(exc, ClassValidationError):
        with_notes, without = exc.group_exceptions()
        found: list[Problem] = []
        for sub, note in with_notes:
            found += _leaf(sub, f"{path}.{note.name}", note.type, _child(doc, note.name))
        for sub in without:
            found += _leaf(sub, path, None, doc)
        return found
    if isinstance(exc, IterableValidationError):
        with_inotes, iwithout = exc.group_exceptions()
        found = []
        for sub, inote in with_inotes:
            found += _leaf(sub, f"{path}[{inote.index!r}]", inote.type, _child(doc, inote.index))
        for sub in iwithout:
            found += _leaf(sub, path, None, doc)
        return found
    return _leaf(exc, path, None, doc)


# --- public API ---------------------------------------------------------------------------


def structure(data: Any, cls: type[T]) -> T:
    """Read ``data`` (parsed JSON) into ``cls``.

    Raises :class:`ConversionError` listing every problem, each with its JSON path.
    ``data`` itself is never modified.
    """
    try:
        return converter.structure(data, cls)
    except (ClassValidationError, IterableValidationError, ModelValueError) as exc:
        raise ConversionError(cls.__name__, _problems(exc, "$", data)) from None
    except (TypeError, ValueError, KeyError, AttributeError) as exc:
        raise ConversionError(cls.__name__, _leaf(exc, "$", cls, data)) from None


def unstructure(obj: Any) -> Any:
    """Turn a model into JSON-ready data (dicts, lists, strings, numbers)."""
    return converter.unstructure(obj)


def loads(text: str | bytes, cls: type[T]) -> T:
    """Parse a JSON document into ``cls``; decimals in the text keep their exact digits."""
    try:
        data = json.loads(text, parse_float=Decimal)
    except json.JSONDecodeError as exc:
        problem = Problem("$", f"not valid JSON (line {exc.lineno}, column {exc.colno})", "json")
        raise ConversionError(cls.__name__, [problem]) from None
    return structure(data, cls)


def _json_default(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def dumps(obj: Any, *, indent: int | None = 2) -> str:
    """Write a model (or a list of models) as JSON text."""
    return json.dumps(unstructure(obj), indent=indent, ensure_ascii=False, default=_json_default)
