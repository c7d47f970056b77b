"""A provider's organisational training matrix: how often it refreshes each subject.

Some texts make the provider's own matrix the refresher interval and the text's number
only a fallback (Plymouth, 6 Staff: "refresher training in these subjects at the
intervals set out in their organisational training matrix, or at least every three years
where not otherwise specified"). A :class:`TrainingMatrix` is that matrix as a value: it
is given with a roster (the ``training_matrix`` of a roster document) or by a contract,
and the workforce check uses its interval for every requirement that allows it
(``Requirement.provider_matrix``); a subject it does not list keeps the text's interval.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import attrs

from childcare_commissioning.durations import Duration, DurationKind
from childcare_commissioning.errors import ModelValueError
from childcare_commissioning.model._fields import non_empty, to_tuple

__all__ = ["MatrixEntry", "TrainingMatrix", "as_matrix"]

#: The kinds of interval a refresher can be given in.
REFRESHER_KINDS = frozenset(
    {DurationKind.YEARS, DurationKind.MONTHS, DurationKind.WEEKS, DurationKind.CALENDAR_DAYS}
)


def _refresher(instance: Any, attribute: attrs.Attribute[Any], value: Duration) -> None:
    if value.kind not in REFRESHER_KINDS or value.amount < 1:
        kinds = ", ".join(sorted(REFRESHER_KINDS))
        raise ModelValueError(
            attribute.name, "refresher-interval", f"must be at least 1 of: {kinds}"
        )


@attrs.frozen
class MatrixEntry:
    """One line of the matrix: a training subject (the council's subject id, as ``ids
    subjects`` lists them) and the interval at which it is refreshed."""

    subject: str = attrs.field(validator=non_empty)
    """The training subject's id, as `ids subjects` lists the council's."""
    every: Duration = attrs.field(validator=_refresher)
    """The interval at which the subject is refreshed (12 months, 3 years)."""


def _unique_subjects(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    seen: set[str] = set()
    for entry in value:
        if entry.subject in seen:
            raise ModelValueError(
                attribute.name, "unique-subjects", f"subject {entry.subject!r} is listed twice"
            )
        seen.add(entry.subject)


@attrs.frozen
class TrainingMatrix:
    """The provider's organisational training matrix: a refresher interval per subject.
    ``source`` says which matrix it is (its title, version or date), for the record."""

    entries: tuple[MatrixEntry, ...] = attrs.field(
        default=(), converter=to_tuple, validator=_unique_subjects
    )
    """One refresher interval per subject; each subject once."""
    source: str = ""
    """Which matrix this is (its title, version or date), for the record."""

    @classmethod
    def of(cls, intervals: Mapping[str, Duration], source: str = "") -> TrainingMatrix:
        """A matrix from ``{subject: interval}``."""
        return cls(tuple(MatrixEntry(s, d) for s, d in intervals.items()), source)

    def interval(self, subject: str) -> Duration | None:
        """The matrix's interval for ``subject``, or ``None`` when it does not list it."""
        return next((e.every for e in self.entries if e.subject == subject), None)

    def __iter__(self) -> Iterator[MatrixEntry]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)


def as_matrix(matrix: TrainingMatrix | Mapping[str, Duration] | None) -> TrainingMatrix | None:
    """``matrix`` as a :class:`TrainingMatrix` (a mapping ``{subject: interval}`` is the
    older way of giving one)."""
    if matrix is None or isinstance(matrix, TrainingMatrix):
        return matrix
    return TrainingMatrix.of(matrix)
