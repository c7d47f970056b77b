"""What a council declares about itself: areas, services, its specification, its glossary."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

from childcare_commissioning.errors import ModelValueError
from childcare_commissioning.model._fields import identifier, non_empty
from childcare_commissioning.model.core import Citation

__all__ = ["Area", "GlossaryTerm", "Reading", "Service", "Specification"]


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
