"""Each child of a return: their Header row and episodes, care history and statuses."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import attrs

from childcare_commissioning.formats.ssda903.codes import (
    LegalStatus,
    PlacementProvider,
    PlacementType,
)
from childcare_commissioning.formats.ssda903.records import (
    EPISODES_COLUMNS,
    HEADER_COLUMNS,
    Episode,
    HeaderRecord,
)
from childcare_commissioning.model import CareEpisode, ChildOrYoungPerson, Finding
from childcare_commissioning.model.people import Status
from childcare_commissioning.statuses import StatusDefinition, evaluate_status

__all__ = ["LookedAfterChild", "Ssda903Return", "placement_statuses"]


def placement_statuses(episode: Episode) -> frozenset[Status]:
    """The library's placement statuses for where an episode places the child:

    - ``U1``-``U3`` (foster placement with relatives or friends): kinship care;
    - ``U4``-``U6`` (other foster carers): in-house foster care when the provider is the
      council itself (``PR1``), agency foster care when private or voluntary (``PR4``,
      ``PR5``), neither otherwise (another council's or public provision);
    - ``K1``, ``K2`` (children's homes) and ``R1`` (residential care home): residential
      care, and a ``K2`` home the council runs itself (``PR1``) is also an LA residential
      home.

    Other placements (adoption, with parents, independent or supported living, temporary
    moves, custody, other) give no placement status.
    """
    place, provider = episode.placement, episode.placement_provider
    if place in (PlacementType.U1, PlacementType.U2, PlacementType.U3):
        return frozenset({Status.KINSHIP_CARE})
    if place in (PlacementType.U4, PlacementType.U5, PlacementType.U6):
        if provider is PlacementProvider.PR1:
            return frozenset({Status.IN_HOUSE_FOSTER_CARE})
        if provider in (PlacementProvider.PR4, PlacementProvider.PR5):
            return frozenset({Status.AGENCY_FOSTER_CARE})
        return frozenset()
    if place in (PlacementType.K1, PlacementType.K2, PlacementType.R1):
        if place is PlacementType.K2 and provider is PlacementProvider.PR1:
            return frozenset({Status.RESIDENTIAL_CARE, Status.LA_RESIDENTIAL_HOME})
        return frozenset({Status.RESIDENTIAL_CARE})
    return frozenset()


@attrs.frozen
class LookedAfterChild:
    """A child of the return: their Header row (None when the Header has no row for them)
    and their episodes, in start order."""

    child: str
    header: HeaderRecord | None
    episodes: tuple[Episode, ...]

    def care_episodes(self) -> tuple[CareEpisode, ...]:
        """The care history as the library's :class:`CareEpisode` s (:data:`READINGS`)."""
        return tuple(c for c in (e.care_episode() for e in self.episodes) if c is not None)

    def episode_on(self, day: dt.date) -> Episode | None:
        """The episode covering ``day`` (the latest starting, if records overlap)."""
        found = None
        for episode in self.episodes:
            if episode.covers(day) and episode.legal_status is not LegalStatus.V4:
                found = episode
        return found

    def statuses(
        self, on: dt.date, definitions: Sequence[StatusDefinition] = ()
    ) -> frozenset[Status]:
        """The child's statuses on ``on``: looked after (with the placement's statuses,
        :func:`placement_statuses`) when an episode covers the day, and each of a council's
        ``definitions`` that holds on its care history."""
        found: set[Status] = set()
        current = self.episode_on(on)
        if current is not None:
            found.add(Status.LOOKED_AFTER)
            found |= placement_statuses(current)
        if self.header is not None and definitions:
            history = self.care_episodes()
            for definition in definitions:
                born = self.header.date_of_birth
                if born <= on and evaluate_status(definition, born, history, on).holds:
                    found.add(definition.status)
        return frozenset(found)

    def person(
        self, on: dt.date, definitions: Sequence[StatusDefinition] = ()
    ) -> ChildOrYoungPerson:
        """The child as the library's model holds them, with their statuses on ``on``."""
        statuses = self.statuses(on, definitions)
        if self.header is None:
            return ChildOrYoungPerson(id=self.child, statuses=statuses)
        return self.header.person(statuses)


@attrs.frozen
class Ssda903Return:
    """The children of a return (in Header order, then children with episodes but no
    Header row) and what reading it found worth saying."""

    children: tuple[LookedAfterChild, ...]
    findings: tuple[Finding, ...] = ()
    header_columns: tuple[str, ...] = HEADER_COLUMNS
    episodes_columns: tuple[str, ...] = EPISODES_COLUMNS

    def child(self, child_id: str) -> LookedAfterChild:
        """The child with id ``child_id`` (KeyError if absent)."""
        for child in self.children:
            if child.child == child_id:
                return child
        raise KeyError(child_id)
