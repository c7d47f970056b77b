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
from childcare_commissioning.errors import MissingExtraError
from childcare_commissioning.model._fields import (
    identifier,
    non_empty,
    optional_identifier,
    to_frozenset,
    to_tuple,
)
from childcare_commissioning.model.core import Citation, Finding, Severity
from childcare_commissioning.model.referral import Channel
from childcare_commissioning.referrals import RouteTime

if TYPE_CHECKING:
    from childcare_commissioning.council import CouncilSpec

__all__ = [
    "NO_NUMBER",
    "Concern",
    "Contact",
    "NotifiableEvent",
    "RouteStep",
    "Routed",
    "Routing",
    "RoutingRule",
    "contact_findings",
    "notify",
    "route",
    "route_concern",
]


class Concern(enum.StrEnum):
    """Kinds of safeguarding concern the specifications route.

    ``ALLEGATION_AGAINST_WORKER`` is an allegation that a person who works with children
    has harmed a child (the LADO's); ``ALLEGATION_ABOUT_ADULT_CLIENT`` is a similar
    concern about an adult client (Triborough 6.7: "referred to the Safeguarding Adults
    Team"). Out-of-hours variants are steps with ``when`` and ``calendar``.
    """

    CHILD = "child"
    ADULT_AT_RISK = "adult-at-risk"
    ALLEGATION_AGAINST_WORKER = "allegation-against-worker"
    ALLEGATION_ABOUT_ADULT_CLIENT = "allegation-about-adult-client"
    GROSS_MISCONDUCT = "gross-misconduct"
    DISMISSAL_FOR_HARM = "dismissal-for-harm"


#: For a concern the text does not route, the concerns whose contacts are nearest, in
#: order: an adult client's allegation is nearest the adult team, then the LADO.
NEAREST: dict[Concern, tuple[Concern, ...]] = {
    Concern.CHILD: (Concern.ALLEGATION_AGAINST_WORKER,),
    Concern.ADULT_AT_RISK: (Concern.ALLEGATION_ABOUT_ADULT_CLIENT, Concern.CHILD),
    Concern.ALLEGATION_AGAINST_WORKER: (Concern.CHILD, Concern.GROSS_MISCONDUCT),
    Concern.ALLEGATION_ABOUT_ADULT_CLIENT: (
        Concern.ADULT_AT_RISK,
        Concern.ALLEGATION_AGAINST_WORKER,
    ),
    Concern.GROSS_MISCONDUCT: (Concern.ALLEGATION_AGAINST_WORKER, Concern.DISMISSAL_FOR_HARM),
    Concern.DISMISSAL_FOR_HARM: (Concern.GROSS_MISCONDUCT, Concern.ALLEGATION_AGAINST_WORKER),
}


@attrs.frozen
class Contact:
    """A contact as published: organisation, role, area, and how to reach it.

    ``role`` is a stable id (``"childrens-services"``, ``"adult-safeguarding"``,
    ``"lado"``, ``"commissioning-mailbox"``); ``hours`` names a calendar whose opening
    hours the contact keeps; ``variant_of`` marks a second spelling the text gives for the
    contact ``variant_of``. ``concerns`` are the concerns the text points to this contact
    for without routing them (Plymouth 9: "adhere to the child protection procedures of the
    Local Safeguarding Children Partnership", with no number or address): for such a
    concern it is the nearest contact, and may carry no phone or email at all.
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
    concerns: frozenset[Concern] = attrs.field(default=frozenset(), converter=to_frozenset)


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


#: What :attr:`Routed.reach` says for a published contact the text gives no number or
#: address for: said, never left blank.
NO_NUMBER = "the text gives no number"


@attrs.frozen
class Routed:
    """One step applied: the recipient (resolved to a contact where it names one), the
    channel, and the deadline. ``reach`` is how to reach the contact as the text gives it
    (phone, email), or :data:`NO_NUMBER` when the text gives neither; empty for a
    recipient that is a person, not a published contact ("the child's social worker")."""

    recipient: str
    contact: Contact | None
    channel: Channel
    deadline: Deadline
    copy_to: tuple[Contact | str, ...] = attrs.field(converter=to_tuple)
    reach: str = ""


def _reach(contact: Contact | None) -> str:
    if contact is None:
        return ""
    return " / ".join(x for x in (contact.phone, contact.email) if x) or NO_NUMBER


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
        contact = _resolve(spec, step.recipient)
        routed.append(
            Routed(step.recipient, contact, step.channel, deadline, copies, _reach(contact))
        )
    return routed


def route_concern(
    spec: CouncilSpec, concern: Concern, at: dt.datetime, area: str | None = None
) -> list[Routed]:
    """Whom to contact about ``concern`` in ``area`` at ``at``, how, and by when.

    Rules for the area come before rules for every area. ``LookupError`` names the areas
    the council routes this concern for, when none applies.
    """
    rules = _rules_for(spec, concern, area)
    if not rules:
        areas = sorted({r.area or "any" for r in spec.routing if r.concern is concern})
        raise LookupError(
            f"{spec.id} has no routing for a {concern} concern in area {area!r}; "
            f"areas: {', '.join(areas) or 'none'}"
        )
    return _apply(spec, rules[0].steps, at)


@attrs.frozen
class Routing:
    """The answer to "whom do I tell about this concern?".

    ``specified`` is true when the council's text routes the concern (in ``area`` or for
    every area) and ``steps`` are its steps at the instant. Where the text routes the
    concern area by area and no area is given, the area decides: ``areas_needed`` lists
    the areas the text routes it in, ``nearest`` the contacts it gives for this concern in
    each of them (and no others: a child concern is offered the child lines, not the
    adults' or the LADO's), and ``message`` asks for the area. Otherwise the text does not
    say: ``steps`` is empty, ``nearest`` lists the contacts the text gives for the nearest
    concern kinds (:data:`NEAREST`) in that area, else all its contacts, and ``message``
    says so. Never an error.
    """

    concern: Concern
    area: str | None
    specified: bool
    steps: tuple[Routed, ...] = attrs.field(converter=to_tuple)
    nearest: tuple[Contact, ...] = attrs.field(default=(), converter=to_tuple)
    message: str = ""
    areas_needed: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)


def _rules_for(spec: CouncilSpec, concern: Concern, area: str | None) -> list[RoutingRule]:
    rules = [r for r in spec.routing if r.concern is concern and r.area in (area, None)]
    rules.sort(key=lambda r: r.area is None)
    return rules


def _contacts_of(spec: CouncilSpec, rules: Iterable[RoutingRule]) -> list[Contact]:
    """The declared contacts the steps of ``rules`` name, once each, in order."""
    found: list[Contact] = []
    for rule in rules:
        for step in rule.steps:
            for name in (step.recipient, *step.copy_to):
                contact = _resolve(spec, name)
                if contact is not None and contact not in found:
                    found.append(contact)
    return found


def _named(contacts: Iterable[Contact]) -> str:
    return ", ".join(
        f"{c.organisation} ({c.role}{': ' + c.phone if c.phone else ''})" for c in contacts
    )


def route(spec: CouncilSpec, concern: Concern, at: dt.datetime, area: str | None = None) -> Routing:
    """Route ``concern`` like :func:`route_concern`, but answer "not specified", naming
    the nearest contacts, where the text gives no routing for it, and ask for the area
    where the text routes it area by area and none is given."""
    rules = _rules_for(spec, concern, area)
    if rules:
        return Routing(concern, area, True, _apply(spec, rules[0].steps, at))
    by_area = [r for r in spec.routing if r.concern is concern and r.area is not None]
    if area is None and by_area:
        areas = tuple(dict.fromkeys(r.area for r in by_area if r.area is not None))
        own = _contacts_of(spec, by_area)
        message = (
            f"area needed: {spec.id}'s text routes a {concern} concern by area "
            f"({', '.join(areas)}); give the area. Its contacts for this concern: "
            f"{_named(own) or 'none declared'}"
        )
        return Routing(concern, None, False, (), own, message, areas)
    # Contacts the text points to for this concern (procedures it names) come first.
    nearest: list[Contact] = [
        c for c in spec.contacts if concern in c.concerns and c.area in (area, None)
    ]
    via = f"the procedures it names for {concern}" if nearest else None
    for kin in () if nearest else NEAREST[concern]:
        nearest = _contacts_of(spec, _rules_for(spec, kin, area)[:1])
        if nearest:
            via = f"the contacts it gives for {kin}"
            break
    if not nearest:
        nearest = [c for c in spec.contacts if c.area in (area, None)] or list(spec.contacts)
    where = f" in area {area!r}" if area else ""
    named = _named(nearest)
    basis = f"{via} concerns" if via else "its contacts"
    message = (
        f"not specified: {spec.id}'s text gives no routing for a {concern} concern{where}; "
        f"nearest, {basis}: {named or 'none declared'}"
    )
    return Routing(concern, area, False, (), nearest, message)


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
    organisation and role published with two different emails). Needs the ``contacts``
    extra (phonenumbers, email-validator;
    :class:`~childcare_commissioning.errors.MissingExtraError` names it)."""
    try:
        import phonenumbers
        from email_validator import EmailNotValidError, validate_email
    except ImportError:
        raise MissingExtraError("validating contacts (contact_findings)", "contacts") from None

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
