"""What a council declares about itself: areas, services, its specification, its glossary."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import attrs

from childcare_commissioning.errors import ModelValueError
from childcare_commissioning.model._fields import identifier, non_empty
from childcare_commissioning.model.core import Citation, Finding, Severity

if TYPE_CHECKING:
    from childcare_commissioning.council import CouncilSpec

__all__ = [
    "Area",
    "GlossaryTerm",
    "Reading",
    "Service",
    "Specification",
    "Term",
    "term_findings",
]


@attrs.frozen
class Area:
    """A geographical area a council serves or distinguishes (a borough, a district)."""

    id: str = attrs.field(validator=identifier)
    name: str = attrs.field(validator=non_empty)
    kind: str = "area"
    citation: Citation | None = None


@attrs.frozen
class Service:
    """One service a specification declares (Stoke's core service and its pilot)."""

    id: str = attrs.field(validator=identifier)
    name: str = attrs.field(validator=non_empty)
    summary: str = attrs.field(validator=non_empty)
    citation: Citation


def _effective_order(instance: Specification, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and value < instance.effective_from:
        raise ModelValueError(
            attribute.name, "effective-dates", "must not be before effective_from"
        )


def _term_order(instance: Term, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and instance.start is not None and value < instance.start:
        raise ModelValueError(attribute.name, "term-dates", "must not be before the term's start")
    if instance.start is None and value is None:
        raise ModelValueError("term", "term-dates", "give a start, an end or both")


@attrs.frozen
class Term:
    """The period a council's text itself says it runs for, with the clause that says so.

    Either end may be open where the text gives only the other (Stoke's text runs from
    1 July 2018 to 30 June 2021). A text that gives no term declares none
    (``Specification.term`` is ``None``): then no answer is outside it.
    """

    start: dt.date | None
    end: dt.date | None = attrs.field(validator=_term_order)
    citation: Citation

    def covers(self, on: dt.date) -> bool:
        """Whether ``on`` falls within the term."""
        return (self.start is None or self.start <= on) and (self.end is None or on <= self.end)

    def describe(self) -> str:
        """The term in words: ``"1 July 2018 to 30 June 2021"``."""
        start = _long(self.start) if self.start else "a start the text does not give"
        end = _long(self.end) if self.end else "no end the text gives"
        return f"{start} to {end}"


def _long(day: dt.date) -> str:
    return f"{day.day} {day.strftime('%B')} {day.year}"


@attrs.frozen
class Specification:
    """The document a council's rules transcribe, with its version and effective dates.

    Two versions of one council's text can sit side by side: rules are evaluated against
    the specification in force on the date in question.
    """

    title: str = attrs.field(validator=non_empty)
    version: str = attrs.field(validator=non_empty)
    effective_from: dt.date
    effective_to: dt.date | None = attrs.field(default=None, validator=_effective_order)
    source: str | None = None
    #: The term the text gives itself, with its clause; ``None`` when the text gives none.
    term: Term | None = None

    def in_force(self, on: dt.date) -> bool:
        """Whether the specification applies on ``on``."""
        return self.effective_from <= on and (self.effective_to is None or on <= self.effective_to)


@attrs.frozen
class GlossaryTerm:
    """A term as one council's text defines it."""

    term: str = attrs.field(validator=non_empty)
    definition: str = attrs.field(validator=non_empty)
    citation: Citation


@attrs.frozen
class Reading:
    """A reading chosen where the text is ambiguous or contradicts itself.

    ``subject`` says what is unclear, ``reading`` what the library does about it; the docs
    show every reading beside the rules it affects. ``confirm``, when given, is the
    question to put to the council because answers rest on the reading (an assumed date, a
    number the text does not give): the handbook lists these together as readings to
    confirm.
    """

    id: str = attrs.field(validator=identifier)
    subject: str = attrs.field(validator=non_empty)
    reading: str = attrs.field(validator=non_empty)
    citation: Citation
    confirm: str = ""


def term_findings(
    spec: CouncilSpec, days: Iterable[dt.date], what: str = "the date"
) -> list[Finding]:
    """A warning for each of ``days`` outside the term ``spec``'s text gives itself (one
    finding naming the first and last such day); none where the text gives no term."""
    term = spec.specification.term
    if term is None:
        return []
    outside = sorted({day for day in days if not term.covers(day)})
    if not outside:
        return []
    span = outside[0].isoformat()
    if outside[-1] != outside[0]:
        span += f" to {outside[-1].isoformat()}"
    return [
        Finding(
            Severity.WARNING,
            "specification.outside-term",
            f"{what} ({span}) is outside the term {spec.name}'s text gives itself "
            f"({term.describe()}): the answer applies the text beyond its term",
            "$",
            term.citation,
        )
    ]
