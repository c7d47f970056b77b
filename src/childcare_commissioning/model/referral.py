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
from childcare_commissioning.model.people import ChildOrYoungPerson

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
    organisation: str | None = None
    team: str | None = None
    name: str | None = personal(default=None)
    phone: str | None = personal(default=None)
    email: str | None = personal(default=None)


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
    """

    id: str = attrs.field(validator=non_empty)
    received_at: dt.datetime = attrs.field(validator=aware)
    urgency: Urgency
    referrer: Referrer
    child: ChildOrYoungPerson = attrs.field(validator=_born_by_receipt)
    council: str | None = attrs.field(default=None, validator=optional_identifier)
    service: str | None = attrs.field(default=None, validator=optional_identifier)
    route: str | None = None
    channel: Channel | None = None
    requested_services: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)
    risks: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)
    distance_miles: Decimal | None = attrs.field(default=None, validator=non_negative)
    information: dict[str, str] = personal(factory=dict, hash=False)
