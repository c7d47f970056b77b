"""Safeguarding contacts, routing and notifiable events, worked from the texts."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from childcare_commissioning import CouncilSpec, Specification
from childcare_commissioning.deadlines import DeadlineRule
from childcare_commissioning.durations import Duration, DurationKind
from childcare_commissioning.model import Channel, Citation
from childcare_commissioning.safeguarding import (
    Concern,
    Contact,
    NotifiableEvent,
    RouteStep,
    RoutingRule,
    contact_findings,
    notify,
    route_concern,
)

LONDON = ZoneInfo("Europe/London")
TRI = Citation("triborough", "6.6", "Concerns in relation to Children and Young People")
LADO = Citation(
    "triborough", "6.7", "referred immediately to the Local Authority Designated Officer"
)

CONTACTS = (
    Contact(
        "wcc-children",
        "Westminster City Council",
        "childrens-services",
        TRI,
        area="westminster",
        phone="020 7641 4000",
    ),
    Contact(
        "rbkc-children",
        "Royal Borough of Kensington and Chelsea",
        "childrens-services",
        TRI,
        area="kensington-and-chelsea",
        phone="020 7361 3013",
    ),
    Contact(
        "lbhf-adults",
        "London Borough of Hammersmith and Fulham",
        "adult-safeguarding",
        TRI,
        area="hammersmith-and-fulham",
        phone="0845 313 3935",
        email="h&fadvice.care@lbhf.gov.uk",
    ),
    Contact(
        "rbkc-lado",
        "Royal Borough of Kensington and Chelsea",
        "lado",
        LADO,
        area="kensington-and-chelsea",
        phone="020 7361 3317",
    ),
    Contact(
        "mailbox",
        "Plymouth City Council",
        "commissioning-mailbox",
        Citation("plymouth", "3.3", "Plymplacements@plymouth.gov.uk"),
        email="Plymplacements@plymouth.gov.uk",
    ),
    Contact(
        "mailbox-escalation",
        "Plymouth City Council",
        "commissioning-mailbox",
        Citation("plymouth", "Escalation process", "Plyplacements@plymouth.gov.uk"),
        email="Plyplacements@plymouth.gov.uk",
        variant_of="mailbox",
    ),
)
DEADLINES = (
    DeadlineRule("immediately", "Immediately", "concern", Duration(DurationKind.IMMEDIATELY), LADO),
    DeadlineRule(
        "in-writing-5-working-days",
        "In writing",
        "concern",
        Duration(DurationKind.WORKING_DAYS, 5),
        Citation("triborough", "7", "in writing within 5 working days"),
    ),
    DeadlineRule(
        "in-writing-24-hours",
        "In writing",
        "notifiable-event",
        Duration(DurationKind.CLOCK_HOURS, 24),
        Citation("plymouth", "5", "in writing within 24 hours"),
    ),
)
SPEC = CouncilSpec(
    id="sample",
    name="Sample",
    specification=Specification("Sample", "1", dt.date(2015, 1, 1)),
    citation=TRI,
    contacts=CONTACTS,
    deadlines=DEADLINES,
    routing=(
        RoutingRule(
            "child-rbkc",
            Concern.CHILD,
            (RouteStep("rbkc-children", Channel.PHONE, "immediately"),),
            TRI,
            area="kensington-and-chelsea",
        ),
        RoutingRule(
            "child-wcc",
            Concern.CHILD,
            (RouteStep("wcc-children", Channel.PHONE, "immediately"),),
            TRI,
            area="westminster",
        ),
        RoutingRule(
            "allegation-rbkc",
            Concern.ALLEGATION_AGAINST_WORKER,
            (RouteStep("rbkc-lado", Channel.PHONE, "immediately"),),
            LADO,
            area="kensington-and-chelsea",
        ),
        RoutingRule(
            "gross-misconduct",
            Concern.GROSS_MISCONDUCT,
            (
                RouteStep("the Council and the CCG", Channel.PHONE, "immediately"),
                RouteStep("the Council and the CCG", Channel.LETTER, "in-writing-5-working-days"),
            ),
            Citation("triborough", "7", "immediately by telephone"),
        ),
    ),
    notifiable_events=(
        NotifiableEvent(
            "missing",
            "Child or young person missing",
            (
                RouteStep("the child's social worker", Channel.PHONE, "immediately"),
                RouteStep(
                    "the child's social worker",
                    Channel.SECURE_EMAIL,
                    "in-writing-24-hours",
                    copy_to=("mailbox",),
                ),
            ),
            Citation("plymouth", "5", "episode wherein the child or young person is 'missing'"),
        ),
    ),
)


def test_published_contacts_validate_and_the_mailbox_spelling_is_reported() -> None:
    """Every Triborough number parses as a UK number; Plymouth's mailbox is spelled two
    ways and that is reported with both clauses, not silently corrected."""
    findings = contact_findings(CONTACTS)
    [finding] = findings
    assert "contact.email.inconsistent" == finding.code
    assert "Plymplacements@plymouth.gov.uk" in finding.message
    assert "Plyplacements@plymouth.gov.uk" in finding.message
    assert CONTACTS[5].email == "Plyplacements@plymouth.gov.uk"  # kept as published


def test_bad_phone_and_email_are_errors() -> None:
    """A truncated number and an address without a domain are reported."""
    bad = Contact("x", "Org", "lado", TRI, phone="020 7641", email="someone@")
    assert {"contact.phone.invalid", "contact.email.invalid"} == {
        f.code for f in contact_findings([bad])
    }


def test_concern_about_a_child_goes_to_the_borough() -> None:
    """A concern about a child in Kensington and Chelsea: RBKC Social Services by phone,
    immediately."""
    at = dt.datetime(2025, 1, 6, 14, 0, tzinfo=LONDON)
    [step] = route_concern(SPEC, Concern.CHILD, at, "kensington-and-chelsea")
    assert ("020 7361 3013", Channel.PHONE, at) == (
        step.contact.phone,
        step.channel,
        step.deadline.due_at,
    )  # type: ignore[union-attr]


def test_allegation_against_a_worker_goes_to_the_lado() -> None:
    """Triborough 6.7: "referred immediately to the Local Authority Designated Officer"."""
    at = dt.datetime(2025, 1, 6, 14, 0, tzinfo=LONDON)
    [step] = route_concern(SPEC, Concern.ALLEGATION_AGAINST_WORKER, at, "kensington-and-chelsea")
    assert "lado" == step.contact.role  # type: ignore[union-attr]


def test_gross_misconduct_phone_then_writing_within_five_working_days() -> None:
    """Reported Friday 20 Dec 2024 15:00: phone immediately; in writing by Mon 23 (1),
    Tue 24 (2), Fri 27 (3), Mon 30 (4), Tue 31 Dec (5)."""
    at = dt.datetime(2024, 12, 20, 15, 0, tzinfo=LONDON)
    phone, letter = route_concern(SPEC, Concern.GROSS_MISCONDUCT, at, "westminster")
    assert at == phone.deadline.due_at
    assert dt.date(2024, 12, 31) == letter.deadline.due_date


def test_unknown_area_lists_the_areas_covered() -> None:
    """Routing a child concern for an area the council does not route says which it does."""
    with pytest.raises(LookupError, match="kensington-and-chelsea, westminster"):
        route_concern(SPEC, Concern.CHILD, dt.datetime(2025, 1, 6, tzinfo=LONDON), "camden")


def test_missing_episode_notices() -> None:
    """Plymouth 5: notify immediately, then in writing within 24 hours to the social worker
    with a copy to the commissioning mailbox. Missing at 10:00 GMT Sat 29 Mar 2025: the
    written notice is due 10:00 UTC Sun 30 Mar = 11:00 BST."""
    at = dt.datetime(2025, 3, 29, 10, 0, tzinfo=LONDON)
    phone, written = notify(SPEC, "missing", at)
    assert at == phone.deadline.due_at
    assert dt.datetime(2025, 3, 30, 11, 0, tzinfo=LONDON) == written.deadline.due_at
    [copy] = written.copy_to
    assert "Plymplacements@plymouth.gov.uk" == copy.email  # type: ignore[union-attr]
    with pytest.raises(LookupError, match="missing"):
        notify(SPEC, "runaway", at)
