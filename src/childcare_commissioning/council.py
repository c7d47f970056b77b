"""A council's declaration: who it is, what it commissions, and its rules.

A council plugin returns one :class:`CouncilSpec`. Each capability adds its collection of
rules here (calendars, deadlines, obligations, referral routes, eligibility, billing,
workforce, safeguarding, outcomes and reference data);
every rule and declaration carries a :class:`~childcare_commissioning.model.Citation`.
The spec checks its own references on construction: deadline rules and obligations must
name calendars that exist and obligations must be relative to obligations that exist.
"""

from __future__ import annotations

from typing import Any

import attrs

from childcare_commissioning.billing.terms import BillingTerms
from childcare_commissioning.calendars import BUILTIN_CALENDARS, CalendarSpec
from childcare_commissioning.contract import Variable
from childcare_commissioning.deadlines import DeadlineRule
from childcare_commissioning.eligibility import AreaRule, Cohort, Exclusion, Limit
from childcare_commissioning.errors import ModelValueError
from childcare_commissioning.measures import OutcomeMeasure, ReferenceTable
from childcare_commissioning.model._fields import identifier, non_empty, to_tuple, unique_ids
from childcare_commissioning.model.core import Citation
from childcare_commissioning.model.council import (
    Area,
    GlossaryTerm,
    Reading,
    Service,
    Specification,
)
from childcare_commissioning.monitoring.model import Monitoring
from childcare_commissioning.obligations import Obligation
from childcare_commissioning.organisations import Organisation
from childcare_commissioning.policies import PolicyList
from childcare_commissioning.referrals import Offer, OfferList, ReferralRoute, RequiredInformation
from childcare_commissioning.register import Computation, Duty, Register
from childcare_commissioning.safeguarding import Contact, NotifiableEvent, RoutingRule
from childcare_commissioning.statuses import StatusDefinition
from childcare_commissioning.workforce import Requirement

__all__ = ["CouncilSpec"]


def _references(instance: CouncilSpec, attribute: attrs.Attribute[Any], value: Any) -> None:
    calendars = set(BUILTIN_CALENDARS) | {c.id for c in instance.calendars}
    rules: list[DeadlineRule | Obligation] = [*instance.deadlines, *instance.obligations]
    for rule in rules:
        if rule.calendar not in calendars:
            raise ModelValueError(
                "calendar",
                "known-calendar",
                f"{rule.id!r} names unknown calendar {rule.calendar!r}",
            )
    obligation_ids = {o.id for o in instance.obligations}
    deadline_ids = {d.id for d in instance.deadlines}
    for obligation in instance.obligations:
        if obligation.relative_to and obligation.relative_to.obligation not in obligation_ids:
            raise ModelValueError(
                "obligations",
                "known-obligation",
                f"{obligation.id!r} is relative to an unknown obligation",
            )
        if obligation.deadline and obligation.deadline not in deadline_ids:
            raise ModelValueError(
                "obligations", "known-deadline", f"{obligation.id!r} names an unknown deadline rule"
            )


def _step_references(instance: CouncilSpec, attribute: attrs.Attribute[Any], value: Any) -> None:
    deadline_ids = {d.id for d in instance.deadlines}
    holders: list[RoutingRule | NotifiableEvent] = [*instance.routing, *instance.notifiable_events]
    for holder in holders:
        for step in holder.steps:
            if step.deadline not in deadline_ids:
                message = f"{holder.id!r} uses unknown deadline rule {step.deadline!r}"
                raise ModelValueError("steps", "known-deadline", message)


@attrs.frozen
class CouncilSpec:
    """Everything one council plugin declares.

    ``id`` is the stable council id used on the command line and in the registry
    (``"plymouth"``); ``commissioners`` names the bodies that commission the service
    (three CCGs for Triborough); ``citation`` points at the text that describes the service
    as a whole; ``readings`` record how the library reads ambiguous passages.
    """

    id: str = attrs.field(validator=identifier)
    name: str = attrs.field(validator=non_empty)
    specification: Specification
    citation: Citation
    commissioners: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)
    areas: tuple[Area, ...] = attrs.field(default=(), converter=to_tuple, validator=unique_ids)
    services: tuple[Service, ...] = attrs.field(
        default=(), converter=to_tuple, validator=unique_ids
    )
    glossary: tuple[GlossaryTerm, ...] = attrs.field(default=(), converter=to_tuple)
    readings: tuple[Reading, ...] = attrs.field(
        default=(), converter=to_tuple, validator=unique_ids
    )
    calendars: tuple[CalendarSpec, ...] = attrs.field(
        default=(), converter=to_tuple, validator=unique_ids
    )
    deadlines: tuple[DeadlineRule, ...] = attrs.field(
        default=(), converter=to_tuple, validator=unique_ids
    )
    obligations: tuple[Obligation, ...] = attrs.field(
        converter=to_tuple, validator=[unique_ids, _references], default=()
    )
    routes: tuple[ReferralRoute, ...] = attrs.field(
        default=(), converter=to_tuple, validator=unique_ids
    )
    required_information: tuple[RequiredInformation, ...] = attrs.field(
        default=(), converter=to_tuple, validator=unique_ids
    )
    offers: tuple[Offer, ...] = attrs.field(default=(), converter=to_tuple, validator=unique_ids)
    cohorts: tuple[Cohort, ...] = attrs.field(default=(), converter=to_tuple, validator=unique_ids)
    exclusions: tuple[Exclusion, ...] = attrs.field(
        default=(), converter=to_tuple, validator=unique_ids
    )
    limits: tuple[Limit, ...] = attrs.field(default=(), converter=to_tuple, validator=unique_ids)
    billing: BillingTerms | None = None
    workforce: tuple[Requirement, ...] = attrs.field(
        default=(), converter=to_tuple, validator=unique_ids
    )
    contacts: tuple[Contact, ...] = attrs.field(
        default=(), converter=to_tuple, validator=unique_ids
    )
    routing: tuple[RoutingRule, ...] = attrs.field(
        default=(), converter=to_tuple, validator=unique_ids
    )
    notifiable_events: tuple[NotifiableEvent, ...] = attrs.field(
        default=(), converter=to_tuple, validator=[unique_ids, _step_references]
    )
    outcomes: tuple[OutcomeMeasure, ...] = attrs.field(
        default=(), converter=to_tuple, validator=unique_ids
    )
    reference_tables: tuple[ReferenceTable, ...] = attrs.field(
        default=(), converter=to_tuple, validator=unique_ids
    )
    #: How the lists of offers read ("including but not limited to": open).
    offer_lists: tuple[OfferList, ...] = attrs.field(
        default=(), converter=to_tuple, validator=unique_ids
    )
    #: Organisations the rules name, with every name by which each is recorded (a
    #: route's ``organisations`` are matched by identity through them).
    organisations: tuple[Organisation, ...] = attrs.field(
        default=(), converter=to_tuple, validator=unique_ids
    )
    #: Policies the provider keeps up to date and reports on (`policies` checks a report).
    policy_lists: tuple[PolicyList, ...] = attrs.field(
        default=(), converter=to_tuple, validator=unique_ids
    )
    #: The areas each service serves; a referral's ``child.area`` is checked against them.
    area_rules: tuple[AreaRule, ...] = attrs.field(
        default=(), converter=to_tuple, validator=unique_ids
    )
    #: Statuses the text defines by a care history (Derby's care leaver).
    status_definitions: tuple[StatusDefinition, ...] = attrs.field(
        default=(), converter=to_tuple, validator=unique_ids
    )
    duties: tuple[Duty, ...] = attrs.field(default=(), converter=to_tuple, validator=unique_ids)
    computations: tuple[Computation, ...] = attrs.field(
        default=(), converter=to_tuple, validator=unique_ids
    )
    #: What the text lets the parties to a contract agree otherwise, each with the clause
    #: that allows it (see :mod:`.contract`).
    variables: tuple[Variable, ...] = attrs.field(
        default=(), converter=to_tuple, validator=unique_ids
    )
    #: The account of the whole text, sentence by sentence (see :mod:`.register`).
    register: Register | None = None
    #: What can be monitored from events: completions, submissions, KPIs (see
    #: :mod:`.monitoring`). Its references are checked by the conformance kit and when a
    #: :class:`~childcare_commissioning.monitoring.Monitor` is built.
    monitoring: Monitoring | None = None

    def all_obligations(self) -> tuple[Obligation, ...]:
        """The declared obligations and every duty with a schedule, as obligations: what
        the obligations calendar and its iCalendar export list."""
        from_duties = (d.as_obligation() for d in self.duties)
        return self.obligations + tuple(o for o in from_duties if o is not None)

    def service(self, service_id: str) -> Service:
        """The service with ``service_id``; :class:`LookupError` naming the known ones if none."""
        found: Service = _find(self.services, service_id, "service", self.id)
        return found

    def deadline(self, rule_id: str) -> DeadlineRule:
        """The deadline rule with ``rule_id``; :class:`LookupError` naming the known ones."""
        found: DeadlineRule = _find(self.deadlines, rule_id, "deadline rule", self.id)
        return found


def _find(items: tuple[Any, ...], item_id: str, what: str, council: str) -> Any:
    for item in items:
        if item.id == item_id:
            return item
    known = ", ".join(i.id for i in items) or "none"
    raise LookupError(f"council {council!r} has no {what} {item_id!r}; known: {known}")
