"""Outcomes, KPIs and reference data a specification declares.

An :class:`OutcomeMeasure` is an outcome (or a KPI) with how it is measured or evidenced,
its target and how often it is reported. A :class:`ReferenceTable` is data the text gives
as evidence or context (Stoke's SDQ scores, Triborough's expected families per borough):
kept verbatim as rows of text, cited, and shown in the handbook.
"""

from __future__ import annotations

from typing import Any

import attrs

from childcare_commissioning.errors import ModelValueError
from childcare_commissioning.model._fields import (
    identifier,
    non_empty,
    optional_identifier,
    to_tuple,
)
from childcare_commissioning.model.core import Citation

__all__ = ["OutcomeMeasure", "ReferenceTable"]


@attrs.frozen
class OutcomeMeasure:
    """An outcome or KPI: what, measured or evidenced how, against what target, how often.

    ``objective`` groups outcomes under a heading the text uses (Somerset's key objectives,
    Triborough's priority outcomes).
    """

    id: str = attrs.field(validator=identifier)
    outcome: str = attrs.field(validator=non_empty)
    citation: Citation
    measures: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)
    target: str | None = None
    reported: str | None = None
    objective: str | None = None
    service: str | None = attrs.field(default=None, validator=optional_identifier)


def _rows_fit(
    instance: ReferenceTable, attribute: attrs.Attribute[Any], value: tuple[tuple[str, ...], ...]
) -> None:
    for index, row in enumerate(value):
        if len(row) != len(instance.columns):
            raise ModelValueError(
                attribute.name,
                "row-width",
                f"row {index} has {len(row)} cells for {len(instance.columns)} columns",
            )


def _tuple_of_rows(value: Any) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(row) for row in value)


@attrs.frozen
class ReferenceTable:
    """A table of reference data from the text, cell by cell as printed."""

    id: str = attrs.field(validator=identifier)
    title: str = attrs.field(validator=non_empty)
    columns: tuple[str, ...] = attrs.field(converter=to_tuple)
    rows: tuple[tuple[str, ...], ...] = attrs.field(converter=_tuple_of_rows, validator=_rows_fit)
    citation: Citation
    notes: str = ""
