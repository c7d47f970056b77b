"""Somerset's safeguarding contacts, where each kind of concern goes, and notifiable events."""

from __future__ import annotations

from childcare_commissioning.model import Channel
from childcare_commissioning.referrals import RouteTime
from childcare_commissioning.safeguarding import (
    Concern,
    Contact,
    NotifiableEvent,
    RouteStep,
    RoutingRule,
)
from childcare_commissioning_somerset._cite import cite

__all__ = ["CONTACTS", "NOTIFIABLE_EVENTS", "ROUTING", "SAFEGUARDING_CONCERNS"]

STAFF = "3.2 Provider requirements and staff competencies"
CONTACTS = (
    Contact(
        "placements-team",
        "Somerset County Council Children's Social Care Placements Team",
        "placements-team",
        cite(
            "Glossary",
            "The Council's service responsible for identifying placements for Children in Care",
        ),
    ),
    Contact(
        "emergency-duty-team",
        "Somerset Emergency Duty Team (EDT)",
        "emergency-duty-team",
        cite(
            "Glossary",
            "The Council's and District and Borough Council's (out of working hours) emergency response team.",
        ),
        notes="Out of the Council's working hours: outside somerset-working-hours (evenings, "
        "nights, weekends and bank holidays).",
    ),
    Contact(
        "childrens-social-care",
        "Somerset County Council Children's Social Care",
        "childrens-services",
        cite(STAFF, "liaise immediately with SCC Children's Social Care"),
    ),
)
_INCIDENT = cite(STAFF, "inform the Social Worker/Duty Worker (out of hours) as soon as possible")
_LIAISE = cite(
    STAFF,
    "The Provider will liaise immediately with SCC Children's Social Care if there are any safeguarding concerns.",
)
#: 3.2 X "any safeguarding concerns": every kind of safeguarding concern goes to SCC
#: Children's Social Care immediately (reading 'any-safeguarding-concerns'). Gross misconduct
#: and a dismissal for harm are employment steps the text does not route.
SAFEGUARDING_CONCERNS = (
    ("safeguarding-concern", Concern.CHILD, ""),
    (
        "allegation-against-worker",
        Concern.ALLEGATION_AGAINST_WORKER,
        "A concern that a member of the Provider's Staff (employee, agent or volunteer) has "
        "harmed, or may harm, a child is a safeguarding concern: the text names no LADO, so "
        "it goes to SCC Children's Social Care.",
    ),
    (
        "adult-at-risk",
        Concern.ADULT_AT_RISK,
        "The text names no adult team: a concern about an adult at risk (a young person of "
        "18-25 in the service, a parent) goes to SCC Children's Social Care too.",
    ),
    (
        "allegation-about-adult-client",
        Concern.ALLEGATION_ABOUT_ADULT_CLIENT,
        "The text names no adult team: SCC Children's Social Care.",
    ),
)
ROUTING = tuple(
    RoutingRule(
        rule_id,
        concern,
        (RouteStep("childrens-social-care", Channel.PHONE, "safeguarding-liaison"),),
        _LIAISE,
        notes=notes,
    )
    for rule_id, concern, notes in SAFEGUARDING_CONCERNS
)
NOTIFIABLE_EVENTS = (
    NotifiableEvent(
        "accident-or-incident",
        "Accident or incident",
        (
            RouteStep(
                "the child's Social Worker",
                Channel.PHONE,
                "incident-reported",
                when=RouteTime.IN_HOURS,
                calendar="somerset-working-hours",
            ),
            RouteStep(
                "the Duty Worker (EDT)",
                Channel.PHONE,
                "incident-reported",
                when=RouteTime.OUT_OF_HOURS,
                calendar="somerset-working-hours",
            ),
        ),
        _INCIDENT,
    ),
)
