"""Exceptions raised by childcare-commissioning.

Each exception also subclasses the builtin a caller would naturally catch (``ValueError``
for bad input, ``LookupError`` for an unknown id), so code that does not know this library
still handles it sensibly. No exception message ever contains a personal-data value.

What a message may echo (the rule, kept by every command): never a value of a personal-data
field (a name, a date of birth, an address, a postcode, free text about a person); it may
quote an identifier the caller chose (a record, package or invoice id, a council id), a
key or column name, an option's value or a path, always through :func:`quote`: escaped as
``repr`` does (control characters, quotes and unpaired surrogates shown as escapes, so no
terminal markup or sequence can take effect) and shortened to :data:`QUOTE_LIMIT`
characters.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import attrs

__all__ = [
    "QUOTE_LIMIT",
    "CommissioningError",
    "ConversionError",
    "DuplicateCouncilError",
    "DuplicateKeyError",
    "IncompatiblePluginError",
    "MissingExtraError",
    "ModelValueError",
    "PluginLoadError",
    "Problem",
    "UnknownCouncilError",
    "UnknownVersionError",
    "quote",
    "unique_keys",
]

QUOTE_LIMIT = 40
"""The most characters of a caller's identifier, key or value a message shows."""


def quote(value: object) -> str:
    """``value`` as a message may show it: at most :data:`QUOTE_LIMIT` characters (longer
    ones cut, ending in ``…``), quoted and escaped as ``repr`` escapes a string."""
    text = str(value)
    if len(text) > QUOTE_LIMIT:
        text = text[: QUOTE_LIMIT - 1] + "…"
    return repr(text)


class CommissioningError(Exception):
    """Base class of every error this library raises on purpose."""


class ModelValueError(CommissioningError, ValueError):
    """A value broke one of a model's rules (an empty id, a naive datetime, end before start).

    ``field`` names the attribute and ``rule`` the rule it broke; the message describes the
    rule and never repeats the value, which may be personal data.
    """

    def __init__(self, field: str, rule: str, message: str) -> None:
        super().__init__(f"{field}: {message} [{rule}]")
        self.field = field
        self.rule = rule
        self.message = message


@attrs.frozen
class Problem:
    """One thing wrong with an input document, located by its JSON path."""

    path: str
    message: str
    rule: str = "structure"

    def __str__(self) -> str:
        return f"{self.path}: {self.message} [{self.rule}]"


class ConversionError(CommissioningError, ValueError):
    """A document could not be read into a model: every problem at once, each with its path.

    ``problems`` lists them in document order, e.g.
    ``$.child.date_of_birth: expected a date (YYYY-MM-DD), got int [structure]``.
    Values are described by their type only, never echoed.
    """

    def __init__(self, target: str, problems: Sequence[Problem]) -> None:
        self.target = target
        self.problems = tuple(problems)
        lines = "\n".join(f"  - {p}" for p in self.problems)
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        super().__init__(f"cannot read {target}: {count} {noun}\n{lines}")


class UnknownCouncilError(CommissioningError, LookupError):
    """No registered council has the requested id; the message lists the ones that exist."""

    def __init__(self, council_id: str, known: Sequence[str]) -> None:
        self.council_id = council_id
        self.known = tuple(known)
        listed = ", ".join(self.known) if self.known else "none are installed"
        super().__init__(f"unknown council {council_id!r}; known councils: {listed}")


class UnknownVersionError(CommissioningError, LookupError):
    """A council has no version of its text with the requested name; the message lists the
    versions it has."""

    def __init__(self, council_id: str, version: str, known: Sequence[str]) -> None:
        self.council_id = council_id
        self.version = version
        self.known = tuple(known)
        super().__init__(
            f"council {council_id!r} has no version {version!r} of its text; "
            f"versions: {', '.join(self.known)} [specification-version]"
        )


class PluginLoadError(CommissioningError, RuntimeError):
    """A council plugin could not be loaded; the message names its distribution."""

    def __init__(self, distribution: str, entry_point: str, reason: str) -> None:
        self.distribution = distribution
        self.entry_point = entry_point
        self.reason = reason
        super().__init__(
            f"council plugin {entry_point!r} from distribution {distribution!r} failed to "
            f"load: {reason}. Uninstall or fix it, or set CHILDCARE_COMMISSIONING_PLUGINS "
            f"to the plugins you want loaded."
        )


class IncompatiblePluginError(PluginLoadError):
    """A council plugin declares a range of core versions (its ``Requires-Dist`` on
    childcare-commissioning) that excludes the core installed; the message names the plugin,
    its range and the core's version."""

    def __init__(
        self, distribution: str, version: str, entry_point: str, declared: str, core: str
    ) -> None:
        self.declared = declared
        self.core_version = core
        super().__init__(
            distribution,
            entry_point,
            f"{distribution} {version} declares {declared}, and the "
            f"core installed is childcare-commissioning {core}; install a release of "
            f"{distribution} made for {core}, or a childcare-commissioning in its range "
            f"[plugin-core-version]",
        )


class DuplicateCouncilError(PluginLoadError):
    """Two plugins declared the same council id; the message names both distributions."""

    def __init__(self, council_id: str, first: str, second: str) -> None:
        self.council_id = council_id
        self.first = first
        self.second = second
        CommissioningError.__init__(
            self,
            f"council id {council_id!r} is declared by two distributions: {first!r} and "
            f"{second!r}; council ids must be unique",
        )
        self.distribution = second
        self.entry_point = council_id
        self.reason = "duplicate council id"


class DuplicateKeyError(ValueError):
    """A JSON object gives the same key twice: which value is meant is unclear. ``key``
    names it (a key, never a value)."""

    def __init__(self, key: str) -> None:
        super().__init__(f"duplicate key {key!r}")
        self.key = key


def unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """``object_pairs_hook`` for :mod:`json`: the object as a dict, or
    :class:`DuplicateKeyError` naming a key given twice."""
    found: dict[str, Any] = {}
    for key, value in pairs:
        if key in found:
            raise DuplicateKeyError(key)
        found[key] = value
    return found


class MissingExtraError(CommissioningError, ImportError):
    """A function needs an optional dependency that is not installed; the message names the
    extra that installs it."""

    def __init__(self, purpose: str, extra: str) -> None:
        self.extra = extra
        super().__init__(
            f"{purpose} needs the {extra!r} extra: "
            f"pip install 'childcare-commissioning[{extra}]' [extra-missing]"
        )
