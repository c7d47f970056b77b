"""Redaction: a copy of any model with every personal-data field cleared.

Fields declared with :func:`~childcare_commissioning.model.personal` (names, dates of
birth, addresses, free-text information) are reset to their defaults, recursively, so a
council can share a referral with providers before award, as Derby shares pathway plans
"with identifying details removed". The pseudonymous ids stay, so answers can be matched
back. The library produces the redacted view; nobody edits one by hand.
"""

from __future__ import annotations

from typing import Any, TypeVar

import attrs

from childcare_commissioning.model._fields import is_personal

__all__ = ["redact"]

T = TypeVar("T")


def _redact_value(value: Any) -> Any:
    if attrs.has(type(value)):
        return redact(value)
    if isinstance(value, tuple):
        return tuple(_redact_value(v) for v in value)
    return value


def redact(value: T) -> T:
    """A copy of ``value`` (an attrs model) with all personal fields at their defaults."""
    if not attrs.has(type(value)):
        raise TypeError(f"redact() takes a model instance, not {type(value).__name__}")
    changes: dict[str, Any] = {}
    for field in attrs.fields(type(value)):  # type: ignore[arg-type]
        current = getattr(value, field.name)
        if is_personal(field):
            default = field.default
            if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
                default = default.factory()
            if default is attrs.NOTHING:
                raise TypeError(f"personal field {field.name} has no default to redact to")
            changes[field.alias or field.name] = default
        else:
            replaced = _redact_value(current)
            if replaced is not current:
                changes[field.alias or field.name] = replaced
    return attrs.evolve(value, **changes) if changes else value  # type: ignore[misc]
