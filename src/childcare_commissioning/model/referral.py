"""Referrals: a request from a council (or another permitted referrer) for a service."""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal
from typing import Any

import attrs

from childcare_commissioning.errors import ModelValueError
from childcare_commissioning.model._fields import (
    aware,
    non_empty,
    non_negative,
    optional_identifier,
    personal,
    to_tuple,
)
from childcare_commissioning.model.people import CareEpisode, ChildOrYoungPerson

__all__ = ["Channel", "Referral", "Referrer", "Urgency"]


class Urgency(enum.StrEnum):
    """How fast a referral must be answered; councils map these to response deadlines."""

    EMERGENCY = "emergency"
    URGENT = "urgent"
    STANDARD = "standard"


class Channel(enum.StrEnum):
    """How a referral or notice was sent."""

    PHONE = "phone"
    EMAIL = "email"
    SECURE_EMAIL = "secure-email"
    PORTAL = "portal"
    IN_PERSON = "in-person"
    LETTER = "letter"


@attrs.frozen
class Referrer:
    """Who made the referral: a role (``"social-worker"``), their organisation and team."""

    role: str = attrs.field(validator=non_empty)
    """The referrer's role, as an id such as "social-worker" or "health-visitor"; councils say
    which roles may refer."""
    organisation: str | None = None
    """The referrer's organisation (a council, a health trust, a school), as free text."""
    team: str | None = None
    """The referrer's team within the organisation, as free text."""
    name: str | None = personal(default=None)
    """The referrer's name."""
    phone: str | None = personal(default=None)
    """The referrer's phone number."""
    email: str | None = personal(default=None)
    """The referrer's email address."""


def _born_by_receipt(
    instance: Referral, _: attrs.Attribute[Any], value: ChildOrYoungPerson
) -> None:
    """A referral cannot be for a child born after it was received (Europe/London date)."""
    born = value.date_of_birth
    if born is None:
        return
    from zoneinfo import ZoneInfo

    if born > instance.received_at.astimezone(ZoneInfo("Europe/London")).date():
        raise ModelValueError(
            "child.date_of_birth", "born-by-receipt", "is after the referral was received"
        )


@attrs.frozen
class Referral:
    """A referral as received: when, how urgent, from whom, by which route, for whom.

    ``information`` holds any further items the referral provides (``"birth_family_history"``,
    ``"previous_interventions"``), keyed by name; its values may be personal data and are
    hidden from ``repr``. ``distance_miles`` is the distance that a service's distance
    limit is measured on (Stoke's pilot: the foster carers' home from Stoke-on-Trent).
    ``identified_eligible`` records that the council itself has identified the child as
    eligible: where a cohort says the council's identification decides
    (:attr:`~childcare_commissioning.eligibility.Cohort.identified_by`), it is decisive.
    ``care_episodes`` is the child's care history, from which a council's defined
    statuses (Derby's care leaver) are computed.
    """

    id: str = attrs.field(validator=non_empty)
    """The referral's reference, as the council or referrer gave it; pseudonymous, never a name."""
    received_at: dt.datetime = attrs.field(validator=aware)
    """When the provider received the referral; response deadlines run from this moment."""
    urgency: Urgency
    """How fast the referral must be answered: emergency, urgent or standard; the council maps each
    to a response deadline."""
    referrer: Referrer
    """Who made the referral."""
    child: ChildOrYoungPerson = attrs.field(validator=_born_by_receipt)
    """The child or young person the referral is for."""
    council: str | None = attrs.field(default=None, validator=optional_identifier)
    """The id of the council the referral is addressed to (as `councils` lists them); when
    given, it must be the council checked (--council)."""
    service: str | None = attrs.field(default=None, validator=optional_identifier)
    """The id of the council's service referred to (`ids services` lists them); a --service option
    is used instead when given; with neither, the council's only service."""
    route: str | None = None
    """The id of the referral route used (`ids routes` lists them), checked to be open at
    received_at; omitted: any open route the referral fits."""
    channel: Channel | None = None
    """How the referral was sent: phone, email, secure-email, portal, in-person or letter."""
    requested_services: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)
    """The ids of the services the referral asks for, each checked against what the council
    commissions."""
    risks: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)
    """Risks the referral identifies (safeguarding, health), as short ids or phrases."""
    distance_miles: Decimal | None = attrs.field(default=None, validator=non_negative)
    """The distance, in miles, that a service's distance limit is measured on (Stoke's pilot: the
    foster carers' home from Stoke-on-Trent); not negative."""
    information: dict[str, str] = personal(factory=dict, hash=False)
    """Any further items the referral provides, keyed by name ("birth_family_history",
    "previous_interventions"), each value as text."""
    identified_eligible: bool = False
    """True when the council itself has identified the child as eligible; decisive where a cohort
    says the council's identification decides."""
    care_episodes: tuple[CareEpisode, ...] = personal(default=(), converter=to_tuple)
    """The child's care history: the periods looked after by a local authority, from which statuses
    such as care leaver are computed."""
