"""A council's declaration: who it is, what it commissions, and its rules.

A council plugin returns one :class:`CouncilSpec`. Each capability adds its collection of
rules here (calendars, deadlines, obligations, referral routes, eligibility, billing,
workforce, safeguarding, outcomes and reference data);
every rule and declaration carries a :class:`~childcare_commissioning.model.Citation`.
The spec checks its own references on construction: deadline rules and obligations must
name calendars that exist and obligations must be relative to obligations that exist.

Every part but ``id``, ``name``, ``specification`` and ``citation`` may be given as
:func:`deferred`: the plugin's module that builds it is imported when the part is first
read (a command asking for deadlines does not import the register, the billing terms or
the monitoring model). A deferred part is converted and checked when it is read, as it
would have been on construction, and then kept; what it reads is the same either way.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

import attrs

from childcare_commissioning.calendars import BUILTIN_CALENDARS
from childcare_commissioning.errors import ModelValueError
from childcare_commissioning.model._fields import identifier, non_empty, to_tuple, unique_ids

if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import TypeAlias

    from childcare_commissioning.billing.terms import BillingTerms
    from childcare_commissioning.calendars import CalendarSpec
    from childcare_commissioning.contract import Variable
    from childcare_commissioning.deadlines import DeadlineRule
    from childcare_commissioning.eligibility import AreaRule, Cohort, Exclusion, Limit
    from childcare_commissioning.measures import OutcomeMeasure, ReferenceTable
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
    from childcare_commissioning.referrals import (
        Offer,
        OfferList,
        ReferralRoute,
        RequiredInformation,
    )
    from childcare_commissioning.register import Computation, Duty, Register
    from childcare_commissioning.safeguarding import Contact, NotifiableEvent, RoutingRule
    from childcare_commissioning.statuses import StatusDefinition
    from childcare_commissioning.workforce import Requirement

    _Check: TypeAlias = Callable[[Any, attrs.Attribute[Any], Any], None]

__all__ = ["CouncilSpec", "Deferred", "deferred", "resolve_types"]


class Deferred:
    """A part of a :class:`CouncilSpec` read from its plugin's module when first asked for
    (made by :func:`deferred`)."""

    __slots__ = ("module", "name")

    def __init__(self, module: str, name: str) -> None:
        self.module = module
        self.name = name

    def load(self) -> Any:
        """Import the module and read the part."""
        return getattr(importlib.import_module(self.module), self.name)

    def __repr__(self) -> str:
        return f"deferred({self.module!r}, {self.name!r})"


def deferred(module: str, name: str) -> Any:
    """A part of a council's declaration given by name: ``name`` in ``module``, imported
    when the part is first read (``register=deferred("childcare_commissioning_plymouth.
    register", "REGISTER")``). The part is converted and checked then, as a part given
    directly is on construction."""
    return Deferred(module, name)


def _tuple(value: Any) -> Any:
    # Converter of a tuple part: any iterable, or a deferred part as it is (until read).
    return value if type(value) is Deferred else tuple(value)


class _Part:
    """Descriptor of a part on the slotted class: reads through the slot and, the first
    time a deferred part is read, loads, converts, checks and keeps it."""

    __slots__ = ("attribute", "checks", "slot")

    def __init__(self, slot: Any, attribute: attrs.Attribute[Any], checks: tuple[_Check, ...]):
        self.slot = slot
        self.attribute = attribute
        self.checks = checks

    def check(self, instance: Any) -> None:
        """Check the part as given on construction (a deferred part: when it is read)."""
        value = self.slot.__get__(instance, type(instance))
        if type(value) is not Deferred:
            for check in self.checks:
                check(instance, self.attribute, value)

    def __get__(self, instance: Any, owner: type | None = None) -> Any:
        if instance is None:
            return self.slot
        value = self.slot.__get__(instance, owner)
        if type(value) is not Deferred:
            return value
        loaded = value.load()
        if self.attribute.converter is not None:
            loaded = self.attribute.converter(loaded)  # type: ignore[operator]
        self.slot.__set__(instance, loaded)  # kept first: checks may read it
        try:
            self.check(instance)
        except BaseException:
            self.slot.__set__(instance, value)  # not kept: read again, fails again
            raise
        return loaded

    def __set__(self, instance: Any, value: Any) -> None:
        self.slot.__set__(instance, value)

    def __delete__(self, instance: Any) -> None:
        self.slot.__delete__(instance)


def _references(instance: CouncilSpec, attribute: attrs.Attribute[Any], value: Any) -> None:
    # Checks this part's own rules (deadline rules or obligations), reading the other parts
    # only as far as they are referred to.
    calendars = set(BUILTIN_CALENDARS) | {c.id for c in instance.calendars}
    rules: tuple[DeadlineRule | Obligation, ...] = value
    for rule in rules:
        if rule.calendar not in calendars:
            raise ModelValueError(
                "calendar",
                "known-calendar",
                f"{rule.id!r} names unknown calendar {rule.calendar!r}",
            )
    if attribute.name != "obligations":
        return
    obligations: tuple[Obligation, ...] = value
    obligation_ids = {o.id for o in obligations}
    named = any(o.deadline for o in obligations)
    deadline_ids = {d.id for d in instance.deadlines} if named else set()
    for obligation in obligations:
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
    holders: tuple[RoutingRule | NotifiableEvent, ...] = value  # this part's own steps
    if not any(holder.steps for holder in holders):
        return  # nothing refers to a deadline rule: the rules are not read
    deadline_ids = {d.id for d in instance.deadlines}
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
    areas: tuple[Area, ...] = attrs.field(default=(), converter=_tuple)
    services: tuple[Service, ...] = attrs.field(default=(), converter=_tuple)
    glossary: tuple[GlossaryTerm, ...] = attrs.field(default=(), converter=_tuple)
    readings: tuple[Reading, ...] = attrs.field(default=(), converter=_tuple)
    calendars: tuple[CalendarSpec, ...] = attrs.field(default=(), converter=_tuple)
    deadlines: tuple[DeadlineRule, ...] = attrs.field(default=(), converter=_tuple)
    obligations: tuple[Obligation, ...] = attrs.field(default=(), converter=_tuple)
    routes: tuple[ReferralRoute, ...] = attrs.field(default=(), converter=_tuple)
    required_information: tuple[RequiredInformation, ...] = attrs.field(
        default=(), converter=_tuple
    )
    offers: tuple[Offer, ...] = attrs.field(default=(), converter=_tuple)
    cohorts: tuple[Cohort, ...] = attrs.field(default=(), converter=_tuple)
    exclusions: tuple[Exclusion, ...] = attrs.field(default=(), converter=_tuple)
    limits: tuple[Limit, ...] = attrs.field(default=(), converter=_tuple)
    billing: BillingTerms | None = None
    workforce: tuple[Requirement, ...] = attrs.field(default=(), converter=_tuple)
    contacts: tuple[Contact, ...] = attrs.field(default=(), converter=_tuple)
    routing: tuple[RoutingRule, ...] = attrs.field(default=(), converter=_tuple)
    notifiable_events: tuple[NotifiableEvent, ...] = attrs.field(default=(), converter=_tuple)
    outcomes: tuple[OutcomeMeasure, ...] = attrs.field(default=(), converter=_tuple)
    reference_tables: tuple[ReferenceTable, ...] = attrs.field(default=(), converter=_tuple)
    #: How the lists of offers read ("including but not limited to": open).
    offer_lists: tuple[OfferList, ...] = attrs.field(default=(), converter=_tuple)
    #: Organisations the rules name, with every name by which each is recorded (a
    #: route's ``organisations`` are matched by identity through them).
    organisations: tuple[Organisation, ...] = attrs.field(default=(), converter=_tuple)
    #: Policies the provider keeps up to date and reports on (`policies` checks a report).
    policy_lists: tuple[PolicyList, ...] = attrs.field(default=(), converter=_tuple)
    #: The areas each service serves; a referral's ``child.area`` is checked against them.
    area_rules: tuple[AreaRule, ...] = attrs.field(default=(), converter=_tuple)
    #: Statuses the text defines by a care history (Derby's care leaver).
    status_definitions: tuple[StatusDefinition, ...] = attrs.field(default=(), converter=_tuple)
    duties: tuple[Duty, ...] = attrs.field(default=(), converter=_tuple)
    computations: tuple[Computation, ...] = attrs.field(default=(), converter=_tuple)
    #: What the text lets the parties to a contract agree otherwise, each with the clause
    #: that allows it (see :mod:`.contract`).
    variables: tuple[Variable, ...] = attrs.field(default=(), converter=_tuple)
    #: The account of the whole text, sentence by sentence (see :mod:`.register`).
    register: Register | None = None
    #: What can be monitored from events: completions, submissions, KPIs (see
    #: :mod:`.monitoring`). Its references are checked by the conformance kit and when a
    #: :class:`~childcare_commissioning.monitoring.Monitor` is built.
    monitoring: Monitoring | None = None

    def __attrs_post_init__(self) -> None:
        # The parts' checks, in order, as validators would run them; a deferred part's
        # when it is first read.
        for part in _PARTS:
            part.check(self)

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


#: The parts given eagerly always: who the council is and which text it declares.
_ALWAYS = frozenset({"id", "name", "specification", "citation", "commissioners"})
#: Each part's checks (every other tuple part's ids must be distinct).
_CHECKS: dict[str, tuple[_Check, ...]] = {
    "glossary": (),
    "deadlines": (unique_ids, _references),
    "obligations": (unique_ids, _references),
    "routing": (unique_ids, _step_references),
    "notifiable_events": (unique_ids, _step_references),
    "billing": (),
    "register": (),
    "monitoring": (),
}
_PARTS: list[_Part] = []
for _attribute in attrs.fields(CouncilSpec):
    if _attribute.name not in _ALWAYS:
        _checks = _CHECKS.get(_attribute.name, (unique_ids,))
        _PARTS.append(_Part(vars(CouncilSpec)[_attribute.name], _attribute, _checks))
        setattr(CouncilSpec, _attribute.name, _PARTS[-1])


#: Where each type the parts' annotations name is defined: imported by
#: :func:`resolve_types` only (the annotations are for type checkers).
_PART_TYPES = {
    "childcare_commissioning.billing.terms": ("BillingTerms",),
    "childcare_commissioning.calendars": ("CalendarSpec",),
    "childcare_commissioning.contract": ("Variable",),
    "childcare_commissioning.deadlines": ("DeadlineRule",),
    "childcare_commissioning.eligibility": ("AreaRule", "Cohort", "Exclusion", "Limit"),
    "childcare_commissioning.measures": ("OutcomeMeasure", "ReferenceTable"),
    "childcare_commissioning.model.core": ("Citation",),
    "childcare_commissioning.model.council": (
        *("Area", "GlossaryTerm", "Reading", "Service", "Specification"),
    ),
    "childcare_commissioning.monitoring.model": ("Monitoring",),
    "childcare_commissioning.obligations": ("Obligation",),
    "childcare_commissioning.organisations": ("Organisation",),
    "childcare_commissioning.policies": ("PolicyList",),
    "childcare_commissioning.referrals": (
        *("Offer", "OfferList", "ReferralRoute", "RequiredInformation"),
    ),
    "childcare_commissioning.register": ("Computation", "Duty", "Register"),
    "childcare_commissioning.safeguarding": ("Contact", "NotifiableEvent", "RoutingRule"),
    "childcare_commissioning.statuses": ("StatusDefinition",),
    "childcare_commissioning.workforce": ("Requirement",),
}


def resolve_types() -> type[CouncilSpec]:
    """:class:`CouncilSpec` with its fields' types resolved, importing every part's module
    (its annotations name them only for type checkers, so that declaring a council does
    not import them): for the converter and tools that read the fields' types."""
    namespace = {
        name: getattr(importlib.import_module(module), name)
        for module, names in _PART_TYPES.items()
        for name in names
    }
    return attrs.resolve_types(CouncilSpec, localns=namespace)


def _find(items: tuple[Any, ...], item_id: str, what: str, council: str) -> Any:
    for item in items:
        if item.id == item_id:
            return item
    known = ", ".join(i.id for i in items) or "none"
    raise LookupError(f"council {council!r} has no {what} {item_id!r}; known: {known}")
