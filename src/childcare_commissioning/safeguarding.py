"""Safeguarding: contacts as published, routing of concerns, notifiable events.

Contacts keep the text exactly as the specification prints it. :func:`contact_findings`
checks them (UK phone numbers with ``phonenumbers``, email syntax with
``email-validator``) and reports a contact that the text gives in two different ways
(``variant_of``) instead of silently normalising one into the other.

A concern (about a child, an adult at risk, an allegation against a worker...) in an area
at an instant is routed through the council's :class:`RoutingRule` steps: whom to
contact, how, and by when, each deadline evaluated by the deadline calculus. A notifiable
event works the same way.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

import attrs

from childcare_commissioning.deadlines import Deadline, evaluate, resolve_calendar
from childcare_commissioning.model._fields import (
    identifier,
    non_empty,
    optional_identifier,
    to_tuple,
)
from childcare_commissioning.model.core import Citation, Finding, Severity
from childcare_commissioning.model.referral import Channel
from childcare_commissioning.referrals import RouteTime

if TYPE_CHECKING:
    from childcare_commissioning.council import CouncilSpec

__all__ = [
    "Concern",
    "Contact",
    "NotifiableEvent",
    "RouteStep",
    "Routed",
    "RoutingRule",
    "contact_findings",
    "notify",
    "route_concern",
]


class Concern(enum.StrEnum):
    """Kinds of safeguarding concern the specifications route."""

    CHILD = "child"
    ADULT_AT_RISK = "adult-at-risk"
    ALLEGATION_AGAINST_WORKER = "allegation-against-worker"
    GROSS_MISCONDUCT = "gross-misconduct"
    DISMISSAL_FOR_HARM = "dismissal-for-harm"


@attrs.frozen
class Contact:
    """A contact as published: organisation, role, area, and how to reach it.

    ``role`` is a stable id (``"childrens-services"``, ``"adult-safeguarding"``,
    ``"lado"``, ``"commissioning-mailbox"``); ``hours`` names a calendar whose opening
    hours the contact keeps; ``variant_of`` marks a second spelling the text gives for the
    contact ``variant_of``.
    """

    id: str = attrs.field(validator=identifier)
    organisation: str = attrs.field(validator=non_empty)
    role: str = attrs.field(validator=identifier)
    citation: Citation
    area: str | None = attrs.field(default=None, validator=optional_identifier)
    phone: str | None = None
    email: str | None = None
    url: str | None = None
    hours: str | None = None
    variant_of: str | None = attrs.field(default=None, validator=optional_identifier)
    notes: str = ""


@attrs.frozen
class RouteStep:
    """One action: contact ``recipient`` (a contact id, or a person such as "the child's
    social worker") by ``channel`` within the deadline rule ``deadline``."""

    recipient: str = attrs.field(validator=non_empty)
    channel: Channel
    deadline: str = attrs.field(validator=identifier)
    when: RouteTime = RouteTime.ALWAYS
    calendar: str | None = None
    copy_to: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)


@attrs.frozen
class RoutingRule:
    """How a concern is raised in an area (``None``: every area)."""

    id: str = attrs.field(validator=identifier)
    concern: Concern
    steps: tuple[RouteStep, ...] = attrs.field(converter=to_tuple)
    citation: Citation
    area: str | None = attrs.field(default=None, validator=optional_identifier)
    notes: str = ""


@attrs.frozen
class NotifiableEvent:
    """An event the provider must notify, and the notices it owes."""

    id: str = attrs.field(validator=identifier)
    name: str = attrs.field(validator=non_empty)
    steps: tuple[RouteStep, ...] = attrs.field(converter=to_tuple)
    citation: Citation
    notes: str = ""


@attrs.frozen
class Routed:
    """One step applied: the recipient (resolved to a contact where it names one), the
    channel, and the deadline."""

    recipient: str
    contact: Contact | None
    channel: Channel
    deadline: Deadline
    copy_to: tuple[Contact | str, ...] = attrs.field(converter=to_tuple)


def _resolve(spec: CouncilSpec, name: str) -> Contact | None:
    return next((c for c in spec.contacts if c.id == name), None)


def _apply(spec: CouncilSpec, steps: Iterable[RouteStep], at: dt.datetime) -> list[Routed]:
    routed = []
    for step in steps:
        if step.when is not RouteTime.ALWAYS and step.calendar is not None:
            is_open = resolve_calendar(step.calendar, spec.calendars).is_open(at)
            if is_open != (step.when is RouteTime.IN_HOURS):
                continue
        deadline = evaluate(spec.deadline(step.deadline), at, spec.calendars)
        copies = tuple(_resolve(spec, c) or c for c in step.copy_to)
        routed.append(
            Routed(step.recipient, _resolve(spec, step.recipient), step.channel, deadline, copies)
        )
    return routed


def route_concern(
    spec: CouncilSpec, concern: Concern, at: dt.datetime, area: str | None = None
) -> list[Routed]:
    """Whom to contact about ``concern`` in ``area`` at ``at``, how, and by when.

    Rules for the area come before rules for every area. ``LookupError`` names the areas
    the council routes this concern for, when none applies.
    """
    rules = [r for r in spec.routing if r.concern is concern and r.area in (area, None)]
    rules.sort(key=lambda r: r.area is None)
    if not rules:
        areas = sorted({r.area or "any" for r in spec.routing if r.concern is concern})
        raise LookupError(
            f"{spec.id} has no routing for a {concern} concern in area {area!r}; "
            f"areas: {', '.join(areas) or 'none'}"
        )
    return _apply(spec, rules[0].steps, at)


def notify(spec: CouncilSpec, event_id: str, at: dt.datetime) -> list[Routed]:
    """The notices owed for notifiable event ``event_id`` that happened at ``at``."""
    for event in spec.notifiable_events:
        if event.id == event_id:
            return _apply(spec, event.steps, at)
    known = ", ".join(e.id for e in spec.notifiable_events) or "none"
    raise LookupError(f"{spec.id} has no notifiable event {event_id!r}; known: {known}")


def contact_findings(contacts: Sequence[Contact]) -> list[Finding]:
    """Problems with published contacts: unparseable UK phone numbers, invalid emails, and
    contacts the text gives inconsistently (a ``variant_of`` whose details differ, or one
    organisation and role published with two different emails)."""
    import phonenumbers
    from email_validator import EmailNotValidError, validate_email

    findings = []
    for contact in contacts:
        path = f"$.contacts[{contact.id!r}]"
        if contact.phone is not None:
            try:
                number = phonenumbers.parse(contact.phone, "GB")
                valid = phonenumbers.is_valid_number(number)
            except phonenumbers.NumberParseException:
                valid = False
            if not valid:
                findings.append(
                    Finding(
                        Severity.ERROR,
                        "contact.phone.invalid",
                        f"{contact.id}: {contact.phone!r} is not a valid UK phone number",
                        path + ".phone",
                        contact.citation,
                    )
                )
        if contact.email is not None:
            try:
                validate_email(contact.email, check_deliverability=False)
            except EmailNotValidError as exc:
                findings.append(
                    Finding(
                        Severity.ERROR,
                        "contact.email.invalid",
                        f"{contact.id}: {contact.email!r} is not a valid email ({exc})",
                        path + ".email",
                        contact.citation,
                    )
                )
    by_id = {c.id: c for c in contacts}
    for contact in contacts:
        if contact.variant_of is None:
            continue
        original = by_id.get(contact.variant_of)
        if original is None:
            findings.append(
                Finding(
                    Severity.ERROR,
                    "contact.variant.unknown",
                    f"{contact.id} is a variant of unknown contact {contact.variant_of!r}",
                    f"$.contacts[{contact.id!r}]",
                    contact.citation,
                )
            )
            continue
        for field in ("email", "phone"):
            mine, theirs = getattr(contact, field), getattr(original, field)
            if mine != theirs:
                findings.append(
                    Finding(
                        Severity.WARNING,
                        f"contact.{field}.inconsistent",
                        f"the text gives {original.id}'s {field} as {theirs!r} "
                        f"({original.citation.clause}) and as {mine!r} "
                        f"({contact.citation.clause})",
                        f"$.contacts[{contact.id!r}].{field}",
                        contact.citation,
                    )
                )
    return findings
