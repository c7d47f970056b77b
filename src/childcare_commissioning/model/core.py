"""Citations and findings: what every rule carries and what every check returns."""

from __future__ import annotations

import enum
from collections.abc import Callable

import attrs

from childcare_commissioning.model._fields import non_empty

__all__ = ["Citation", "Finding", "Severity", "citer"]


@attrs.frozen
class Citation:
    """Where a rule comes from: the specification, the clause, and the words it rests on.

    ``spec`` is the specification's id (``"plymouth"``), ``clause`` its section number or
    heading (``"3.3 Referral routes"``), ``quote`` a short verbatim extract.
    """

    spec: str = attrs.field(validator=non_empty)
    """The id of the specification cited ("plymouth")."""
    clause: str = attrs.field(validator=non_empty)
    """The clause's section number or heading ("3.3 Referral routes")."""
    quote: str = attrs.field(validator=non_empty)
    """A short verbatim extract of the clause, the words the rule rests on."""
    url: str | None = None
    """Where the specification can be read, if published."""

    def __str__(self) -> str:
        return f'{self.spec} {self.clause}: "{self.quote}"'


def citer(spec: str) -> Callable[[str, str], Citation]:
    """A citation maker for one specification: ``cite = citer("derby")`` then
    ``cite("3.3.1 Accessing the Service", "within 1 hour for an urgent referral")``."""

    def cite(clause: str, quote: str) -> Citation:
        return Citation(spec, clause, quote)

    return cite


class Severity(enum.StrEnum):
    """How much a finding matters. ``ERROR`` makes the checked thing unacceptable."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@attrs.frozen
class Finding:
    """The one result type of every check in the library.

    ``code`` is a stable, dotted identifier a program can switch on
    (``"referral.route.out-of-hours"``); ``message`` is for people; ``path`` is the JSON
    path of the input the finding is about (``"$.child.date_of_birth"``); ``citation`` says
    which clause of which specification the rule comes from.
    """

    severity: Severity
    """How serious: ``error``, ``warning`` or ``info``."""
    code: str = attrs.field(validator=non_empty)
    """A stable, dotted identifier a program can switch on."""
    message: str = attrs.field(validator=non_empty)
    """What was found, for people."""
    path: str = "$"
    """The JSON path of the input the finding is about."""
    citation: Citation | None = None
    """The clause of the specification the rule comes from."""
