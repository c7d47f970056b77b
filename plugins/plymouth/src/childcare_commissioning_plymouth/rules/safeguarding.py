"""Plymouth's published contacts and its significant and notifiable events."""

from __future__ import annotations

from childcare_commissioning.model import Channel
from childcare_commissioning.safeguarding import Concern, Contact, NotifiableEvent, RouteStep
from childcare_commissioning_plymouth._cite import cite

__all__ = ["CONTACTS", "NOTIFIABLE_EVENTS"]

MAILBOX = "Plymplacements@plymouth.gov.uk"

CONTACTS = (
    Contact(
        "commissioning-mailbox",
        "Plymouth City Council, Strategic Cooperative Commissioning Team",
        "commissioning-mailbox",
        cite("11 Contract management", "Plymplacements@plymouth.gov.uk"),
        email=MAILBOX,
        notes="Also given in 3.3 (notice to end a package) and 5 (notifiable events).",
    ),
    Contact(
        "commissioning-mailbox-escalation",
        "Plymouth City Council, Strategic Cooperative Commissioning Team",
        "commissioning-mailbox",
        cite("3.3 Escalation process", "Plyplacements@plymouth.gov.uk"),
        email="Plyplacements@plymouth.gov.uk",
        variant_of="commissioning-mailbox",
        notes="Kept exactly as published. Every other mention spells it Plymplacements@; "
        "contact_findings reports the difference.",
    ),
    Contact(
        "child-protection-procedures",
        "The Local Safeguarding Children Partnership (its child protection procedures)",
        "child-protection-procedures",
        cite(
            "9 Quality requirements",
            "adhere to the child protection procedures of the Local Safeguarding Children "
            "Partnership",
        ),
        concerns=frozenset({Concern.CHILD}),
        notes="A pointer, not a contact: the text names the Partnership's child protection "
        "procedures and 'Working Together to Safeguard Children' but gives no telephone "
        "number, address or out-of-hours route for a concern about a child. Follow those "
        "procedures; the commissioning mailbox is not a child-protection route. A concern "
        "that is also a notifiable event (5) is notified to the child's Social Worker as well.",
    ),
)

_EVENTS = "5 Significant and notifiable events"
_STEPS = (
    RouteStep("the child or young person's Social Worker", Channel.PHONE, "notify-immediately"),
    RouteStep(
        "the child or young person's Social Worker",
        Channel.EMAIL,
        "notify-in-writing",
        copy_to=("commissioning-mailbox",),
    ),
)

NOTIFIABLE_EVENTS = tuple(
    NotifiableEvent(event_id, name, _STEPS, cite(_EVENTS, quote))
    for event_id, name, quote in (
        (
            "serious-illness-accident-death",
            "Serious illness, accident or death",
            "serious illness/accident, or death",
        ),
        ("missing", "Missing episode", "episode wherein the child or young person is 'missing'"),
        (
            "restraint",
            "Use of restraint",
            "occurrence of use of restraint of a child or young person",
        ),
        (
            "police-called",
            "Serious incident needing the police",
            "serious incident necessitating calling the police",
        ),
        (
            "serious-offence-allegation",
            "Allegation of a serious offence by the child",
            "allegation that a child or young person has committed a serious offence",
        ),
        (
            "criminal-exploitation",
            "Criminal exploitation (or suspected)",
            "involvement or suspected involvement of a child or young person in any form of criminal exploitation",
        ),
        (
            "serious-complaint",
            "Serious complaint about a staff member",
            "serious complaint about any staff member directly working with a child or young person",
        ),
        (
            "dbs-referral",
            "Information given to the DBS about a worker",
            "information is provided to the Disclosure and Barring Service under any of sections 35, 36, 39, 41 or 45",
        ),
    )
)
