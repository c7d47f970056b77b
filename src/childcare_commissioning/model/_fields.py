"""Field helpers and validators shared by the model classes.

Validators raise :class:`~childcare_commissioning.errors.ModelValueError`, whose message
states the rule without repeating the value (values may be personal data).
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any, TypeVar

import attrs

from childcare_commissioning.errors import ModelValueError

T = TypeVar("T")

PERSONAL = "personal"
_ID = re.compile(r"^[a-z0-9][a-z0-9._-]*$")


def personal(**kwargs: Any) -> Any:
    """An attrs field holding personal data: hidden from ``repr`` and marked for redaction."""
    metadata = dict(kwargs.pop("metadata", {}))
    metadata[PERSONAL] = True
    return attrs.field(repr=False, metadata=metadata, **kwargs)


def is_personal(field: attrs.Attribute[Any]) -> bool:
    """Whether an attrs field was declared with :func:`personal`."""
    return bool(field.metadata.get(PERSONAL, False))


def non_empty(_: object, attribute: attrs.Attribute[Any], value: str) -> None:
    """The string must contain something other than white space."""
    if not value.strip():
        raise ModelValueError(attribute.name, "non-empty", "must not be empty")


def identifier(_: object, attribute: attrs.Attribute[Any], value: str) -> None:
    """A stable id: lower-case letters, digits, '.', '_' and '-', not starting with a sign."""
    if not _ID.match(value):
        raise ModelValueError(
            attribute.name,
            "identifier",
            "must be a lower-case id (letters, digits, '.', '_', '-')",
        )


def optional_identifier(
    instance: object, attribute: attrs.Attribute[Any], value: str | None
) -> None:
    """As :func:`identifier`, allowing ``None``."""
    if value is not None:
        identifier(instance, attribute, value)


def aware(_: object, attribute: attrs.Attribute[Any], value: dt.datetime) -> None:
    """Datetimes must carry a UTC offset: a naive one is ambiguous across clock changes."""
    if value.tzinfo is None or value.utcoffset() is None:
        raise ModelValueError(
            attribute.name, "timezone-aware", "must include a UTC offset or time zone"
        )


def non_negative(_: object, attribute: attrs.Attribute[Any], value: Decimal | int | None) -> None:
    """Numbers that count or measure something cannot be negative."""
    if value is not None and value < 0:
        raise ModelValueError(attribute.name, "non-negative", "must not be negative")


def unique_ids(_: object, attribute: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
    """Items of a collection must have distinct ``id`` attributes."""
    seen: set[str] = set()
    for item in value:
        if item.id in seen:
            raise ModelValueError(attribute.name, "unique-ids", f"id {item.id!r} appears twice")
        seen.add(item.id)


def to_tuple(value: Any) -> tuple[Any, ...]:
    """Converter: accept any iterable for a tuple field (lists from JSON, generators)."""
    return tuple(value)


def to_frozenset(value: Any) -> frozenset[Any]:
    """Converter: accept any iterable for a frozenset field."""
    return frozenset(value)


def sorted_repr(value: frozenset[Any]) -> str:
    """``repr`` of a set field with its members sorted, so reprs (and the output built from
    them) are the same on every run whatever the hash seed."""
    return "frozenset({" + ", ".join(sorted(repr(v) for v in value)) + "})"


def end_not_before_start(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Validator of an ``end`` date: not before the instance's ``start`` (open when ``None``)."""
    if value is not None and value < instance.start:
        raise ModelValueError(attribute.name, "end-after-start", "must not be before start")
