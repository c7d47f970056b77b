"""Checking a referral against a council: routes, required information, eligibility,
limits, and the deadlines the referral starts.

:func:`check_referral` returns a :class:`ReferralDecision`: one of four outcomes
(eligible, not eligible, needs approval, incomplete), every reason a
:class:`~childcare_commissioning.model.Finding` with its citation, and the response
deadlines (rules whose trigger is ``"referral-received"``) evaluated at the referral's
time. All problems are reported at once; the referral is never modified.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from decimal import Context, Decimal, InvalidOperation, localcontext
from typing import TYPE_CHECKING, Any

import attrs

from childcare_commissioning.calendars import LONDON, local_date
from childcare_commissioning.deadlines import Deadline, evaluate, resolve_calendar
from childcare_commissioning.eligibility import AgeBand, Cohort, Effect, Exclusion, Limit, age_on
from childcare_commissioning.model._fields import (
    identifier,
    non_empty,
    optional_identifier,
    to_frozenset,
    to_tuple,
)
from childcare_commissioning.model.core import Citation, Finding, Severity
from childcare_commissioning.model.referral import Channel, Referral, Urgency
from childcare_commissioning.organisations import Organisation
from childcare_commissioning.statuses import evaluate_status

if TYPE_CHECKING:
    from childcare_commissioning.council import CouncilSpec

__all__ = [
    "REFERRAL_RECEIVED",
    "Confirmation",
    "Offer",
    "OfferList",
    "Outcome",
    "ReferralDecision",
    "ReferralRoute",
    "RequiredInformation",
    "RouteTime",
    "check_referral",
    "value_at",
]

#: The trigger name of deadline rules that a referral starts.
REFERRAL_RECEIVED = "referral-received"


class RouteTime(enum.StrEnum):
    """When a route may be used, judged by its calendar's opening hours."""

    ALWAYS = "always"
    IN_HOURS = "in-hours"
    OUT_OF_HOURS = "out-of-hours"


@attrs.frozen
class Confirmation:
    """How a referral that arrives by another channel is to be confirmed: Plymouth's
    Provider is "accessible to the Council by telephone ... 24 hours a day" and has
    "arrangements in place for receiving referrals from the Council ... via secure email".
    Such a referral is not refused: it is accepted with a warning that it is to be
    confirmed by one of ``channels`` (by ``by``), citing ``citation``."""

    channels: frozenset[Channel] = attrs.field(
        converter=to_frozenset, validator=attrs.validators.min_len(1)
    )
    citation: Citation
    by: str = attrs.field(default="the referrer", validator=non_empty)


@attrs.frozen
class ReferralRoute:
    """A way a referral may arrive: who may refer (roles, organisations, teams), how
    (channels), and when (in or out of the hours of ``calendar``). Empty sets mean "any".

    ``organisations`` are the names of organisations that may refer; where the council
    declares an :class:`~childcare_commissioning.organisations.Organisation` of that name
    (``CouncilSpec.organisations``), the referrer's organisation is matched by identity
    (its aliases and departments: "Plymouth City Council (Children, Young People and
    Families)" is the Council), otherwise case-insensitively; a referrer who gives no
    organisation makes the referral incomplete. ``teams`` are compared with the referrer's
    team case-insensitively. ``channels`` refuses a referral by any other channel;
    ``confirm`` instead accepts it with a warning that it is to be confirmed. A route
    that names teams ("All support requests will come from the Placements Team, unless
    out of hours, when requests will come from EDT") takes only a
    referrer whose :attr:`~childcare_commissioning.model.Referrer.team` is one of them: a
    referrer of another team, or one who gives no team, is refused (as a referrer who gives
    no organisation is by a route that names organisations). List every name the text gives
    the team ("EDT", "Emergency Duty Team").

    With ``open_roles`` the roles are the text's open list ("including without
    limitation"): a referrer of a role the list does not name is not refused, but the
    referral needs approval by ``approver`` (the council when none is named), as an
    unlisted service of an open :class:`OfferList` does.
    """

    id: str = attrs.field(validator=identifier)
    name: str = attrs.field(validator=non_empty)
    citation: Citation
    referrer_roles: frozenset[str] = attrs.field(default=frozenset(), converter=to_frozenset)
    #: Roles the route refuses whatever their organisation ("The Provider will not accept
    #: self-referrals": the child, a parent, a carer).
    refused_roles: frozenset[str] = attrs.field(default=frozenset(), converter=to_frozenset)
    organisations: frozenset[str] = attrs.field(default=frozenset(), converter=to_frozenset)
    teams: frozenset[str] = attrs.field(default=frozenset(), converter=to_frozenset)
    channels: frozenset[Channel] = attrs.field(default=frozenset(), converter=to_frozenset)
    confirm: Confirmation | None = None
    when: RouteTime = RouteTime.ALWAYS
    calendar: str | None = None
    service: str | None = attrs.field(default=None, validator=optional_identifier)
    notes: str = ""
    open_roles: bool = False
    approver: str | None = None

    def unlisted(self, referrer_role: str) -> bool:
        """Whether the route takes ``referrer_role`` only as an unlisted role of its open
        list (so only with approval)."""
        return (
            self.open_roles
            and bool(self.referrer_roles)
            and (referrer_role not in self.referrer_roles)
        )

    #: Who makes the referral for someone the route does not take by role ("the child's
    #: social worker"), where the text lets anyone start one ("a system that can be
    #: activated by anyone within the child or young person's network"): such a referral
    #: is redirected to them (outcome incomplete, ``referral.referrer.redirect``), not
    #: refused. Only a referral refused for the referrer's role alone is redirected.
    redirect_to: str | None = None
    #: The reading that chose the redirect, named in its finding.
    redirect_reading: str | None = attrs.field(default=None, validator=optional_identifier)

    def open_at(self, at: dt.datetime, calendars: Iterable[Any]) -> bool:
        """Whether the route may be used at ``at``."""
        if self.when is RouteTime.ALWAYS or self.calendar is None:
            return True
        is_open = resolve_calendar(self.calendar, calendars).is_open(at)
        return is_open if self.when is RouteTime.IN_HOURS else not is_open


@attrs.frozen
class RequiredInformation:
    """An item a referral must contain, as a dotted path into the referral
    (``"child.date_of_birth"``, ``"information.birth_family_history"``); alternatives are
    separated by ``|`` (``"referrer.phone|referrer.email"``: either will do)."""

    id: str = attrs.field(validator=identifier)
    path: str = attrs.field(validator=non_empty)
    reason: str = attrs.field(validator=non_empty)
    citation: Citation
    service: str | None = attrs.field(default=None, validator=optional_identifier)
    urgency: Urgency | None = None


@attrs.frozen
class Offer:
    """Something a service offers that a referral can request (Plymouth's "short break
    care in the community", Derby's category 1.2): a referral's ``requested_services``
    must name declared offers."""

    id: str = attrs.field(validator=identifier)
    name: str = attrs.field(validator=non_empty)
    citation: Citation
    service: str | None = attrs.field(default=None, validator=optional_identifier)
    notes: str = ""


@attrs.frozen
class OfferList:
    """How a service's list of offers reads. ``open`` for "including but not limited
    to": a requested service the list does not name is not refused but needs approval by
    ``approver`` (the council when none is named); a closed list (the default, when a
    council declares no ``OfferList``) refuses it."""

    id: str = attrs.field(validator=identifier)
    citation: Citation
    open: bool = True
    approver: str | None = None
    service: str | None = attrs.field(default=None, validator=optional_identifier)
    notes: str = ""


class Outcome(enum.StrEnum):
    """The answer to "can this referral be accepted?"."""

    ELIGIBLE = "eligible"
    NOT_ELIGIBLE = "not-eligible"
    NEEDS_APPROVAL = "needs-approval"
    INCOMPLETE = "incomplete"


@attrs.frozen
class ReferralDecision:
    """The outcome, every reason with its citation, and the deadlines now running."""

    council: str
    service: str | None
    referral_id: str
    outcome: Outcome
    age: int | None
    findings: tuple[Finding, ...] = attrs.field(converter=to_tuple)
    deadlines: tuple[Deadline, ...] = attrs.field(converter=to_tuple)

    @property
    def acceptable(self) -> bool:
        """Whether the referral may be accepted as it stands."""
        return self.outcome is Outcome.ELIGIBLE


_MISSING = object()


def value_at(obj: Any, path: str) -> Any:
    """The value at a dotted ``path`` in a model (attributes, then mapping keys), or a
    sentinel-free ``None`` when any step is absent."""
    current = obj
    for part in path.split("."):
        if isinstance(current, dict):
            current = current.get(part, _MISSING)
        else:
            current = getattr(current, part, _MISSING)
        if current is _MISSING or current is None:
            return None
    return current


def _present(value: Any) -> bool:
    if value is None:
        return False
    if isinstance(value, str | tuple | frozenset | dict | list):
        return bool(value.strip() if isinstance(value, str) else value)
    return True


_SEVERITY = {Outcome.ELIGIBLE: Severity.INFO, Outcome.NEEDS_APPROVAL: Severity.WARNING}
_ANY_AGE = AgeBand()


class _Collector:
    """Findings with the outcome each one forces."""

    def __init__(self) -> None:
        self.items: list[tuple[Outcome, Finding]] = []

    def add(
        self,
        effect: Outcome,
        code: str,
        message: str,
        path: str = "$",
        citation: Citation | None = None,
        severity: Severity | None = None,
    ) -> None:
        severity = severity or _SEVERITY.get(effect, Severity.ERROR)
        self.items.append((effect, Finding(severity, code, message, path, citation)))

    def outcome(self) -> Outcome:
        effects = {effect for effect, _ in self.items}
        for outcome in (Outcome.NOT_ELIGIBLE, Outcome.INCOMPLETE, Outcome.NEEDS_APPROVAL):
            if outcome in effects:
                return outcome
        return Outcome.ELIGIBLE


def _applies(rule_service: str | None, service: str | None) -> bool:
    return rule_service is None or rule_service == service


def _default_service(spec: CouncilSpec, service: str | None) -> str | None:
    if service is None and len(spec.services) == 1:
        return spec.services[0].id
    return service


def _check_required(
    spec: CouncilSpec, referral: Referral, service: str | None, found: _Collector
) -> None:
    for item in spec.required_information:
        if not _applies(item.service, service):
            continue
        if item.urgency is not None and item.urgency is not referral.urgency:
            continue
        paths = item.path.split("|")
        if not any(_present(value_at(referral, path)) for path in paths):
            found.add(
                Outcome.INCOMPLETE,
                "referral.information.missing",
                f"missing {' or '.join(paths)}: {item.reason}",
                f"$.{paths[0]}",
                item.citation,
            )


def _one_of(value: str | None, names: frozenset[str]) -> bool:
    """Whether ``value`` is one of ``names``, compared case-insensitively."""
    return value is not None and value.strip().casefold() in {n.casefold() for n in names}


def _organisation_ok(
    value: str | None, names: frozenset[str], known: Iterable[Organisation]
) -> bool:
    """Whether ``value`` is one of the organisations ``names``: by identity where the
    council declares an organisation of that name, else case-insensitively."""
    declared = [o for o in known if any(o.named(n) for n in names)]
    return _one_of(value, names) or any(o.recognises(value) for o in declared)


#: A reason a route does not take a referral: the path it reads, why, and the outcome.
_Problem = tuple[str, str, Outcome]


def _route_problems(
    route: ReferralRoute, referral: Referral, known: Iterable[Organisation] = ()
) -> list[_Problem]:
    """Why ``route`` does not take ``referral``, each with the path of the field it reads
    and the outcome it forces (a missing organisation: incomplete). The messages name the
    route's allowed values, never the referrer's own team or organisation."""
    problems = []
    referrer = referral.referrer
    refused = Outcome.NOT_ELIGIBLE
    if route.referrer_roles and referrer.role not in route.referrer_roles and not route.open_roles:
        allowed = ", ".join(sorted(route.referrer_roles))
        problems.append(
            (
                "$.referrer",
                f"referrer role {referrer.role!r} may not use it (allowed: {allowed})",
                refused,
            )
        )
    organisations = ", ".join(sorted(route.organisations))
    if referrer.role in route.refused_roles:
        problems.append(
            ("$.referrer.role", f"a referral by a {referrer.role} is not accepted", refused)
        )
    elif route.organisations and not (referrer.organisation or "").strip():
        problems.append(
            (
                "$.referrer.organisation",
                f"no organisation given: say which organisation refers (only {organisations} "
                "may refer)",
                Outcome.INCOMPLETE,
            )
        )
    elif route.organisations and not _organisation_ok(
        referrer.organisation, route.organisations, known
    ):
        problems.append(("$.referrer", f"only {organisations} may refer", refused))
    if route.teams and not _one_of(referrer.team, route.teams):
        teams = ", ".join(sorted(route.teams))
        given = "the referrer's team is not one of them" if referrer.team else "no team given"
        problems.append(
            ("$.referrer.team", f"only the teams {teams} may use it ({given})", refused)
        )
    if route.channels and referral.channel not in route.channels:
        channels = ", ".join(sorted(route.channels))
        problems.append(("$.channel", f"it takes referrals by {channels}", refused))
    return problems


def _route_matches(
    route: ReferralRoute, referral: Referral, known: Iterable[Organisation] = ()
) -> list[str]:
    return [problem for _, problem, _ in _route_problems(route, referral, known)]


def _check_confirmation(route: ReferralRoute, referral: Referral, found: _Collector) -> None:
    """A referral by a channel other than the one ``route`` confirms in: accepted, with a
    warning that it is to be confirmed."""
    confirm = route.confirm
    if confirm is None or referral.channel in confirm.channels:
        return
    channels = " or ".join(sorted(confirm.channels))
    how = (
        f"made by {referral.channel}"
        if referral.channel is not None
        else "made (channel not given)"
    )
    found.add(
        Outcome.ELIGIBLE,
        "referral.channel.confirm",
        f"route {route.id!r}: a referral {how} is accepted, and is to be confirmed by "
        f"{channels} by {confirm.by}",
        "$.channel",
        confirm.citation,
        severity=Severity.WARNING,
    )


def _only_the_role(route: ReferralRoute, referral: Referral) -> bool:
    """Whether ``route`` refuses ``referral`` for the referrer's role and nothing else."""
    if not route.referrer_roles or referral.referrer.role in route.referrer_roles:
        return False
    return not _route_problems(attrs.evolve(route, referrer_roles=frozenset()), referral)


def _redirected(route: ReferralRoute, referral: Referral, found: _Collector) -> bool:
    """Redirect ``referral`` to whoever makes it on ``route`` (its ``redirect_to``) when
    the route refuses it for the referrer's role alone; whether it did."""
    if route.redirect_to is None or not _only_the_role(route, referral):
        return False
    allowed = ", ".join(sorted(route.referrer_roles))
    reading = f" (reading {route.redirect_reading!r})" if route.redirect_reading else ""
    found.add(
        Outcome.INCOMPLETE,
        "referral.referrer.redirect",
        f"route {route.id!r} takes referrals from {allowed}: a {referral.referrer.role!r} "
        f"starts one through {route.redirect_to}, who makes the referral{reading}",
        "$.referrer",
        route.citation,
    )
    return True


def _check_offers(
    spec: CouncilSpec, referral: Referral, service: str | None, found: _Collector
) -> None:
    offers = [o for o in spec.offers if _applies(o.service, service)]
    if not offers:
        return
    known = {o.id for o in offers}
    lists = [x for x in spec.offer_lists if _applies(x.service, service)]
    open_list = next((x for x in lists if x.open), None)
    for index, requested in enumerate(referral.requested_services):
        if requested not in known and open_list is not None:
            found.add(
                Outcome.NEEDS_APPROVAL,
                "referral.requested.unlisted",
                f"{requested!r} is not among the services {spec.id} lists "
                f'({", ".join(sorted(known))}), but the list is open ("including but not '
                f'limited to"): needs agreement by {open_list.approver or "the council"}',
                f"$.requested_services[{index}]",
                open_list.citation,
            )
        elif requested not in known:
            found.add(
                Outcome.NOT_ELIGIBLE,
                "referral.requested.unknown",
                f"{requested!r} is not a service {spec.id} offers here "
                f"(offers: {', '.join(sorted(known))})",
                f"$.requested_services[{index}]",
                offers[0].citation,
            )


def _check_routes(
    spec: CouncilSpec, referral: Referral, service: str | None, found: _Collector
) -> None:
    routes = [r for r in spec.routes if _applies(r.service, service)]
    if not routes:
        return
    known = spec.organisations
    at = referral.received_at
    open_now = [r for r in routes if r.open_at(at, spec.calendars)]
    if referral.route is not None:
        chosen = [r for r in routes if r.id == referral.route]
        if not chosen:
            names = ", ".join(r.id for r in routes)
            found.add(
                Outcome.NOT_ELIGIBLE,
                "referral.route.unknown",
                f"route {referral.route!r} is not a referral route of {spec.id} (routes: {names})",
                "$.route",
                routes[0].citation,
            )
            return
        route = chosen[0]
        if route not in open_now:
            instead = ", ".join(r.id for r in open_now) or "none"
            found.add(
                Outcome.NOT_ELIGIBLE,
                f"referral.route.{route.when}",
                f"route {route.id!r} is for referrals {route.when} only; at "
                f"{at.isoformat()} use: {instead}",
                "$.route",
                route.citation,
            )
        if _redirected(route, referral, found):
            return
        problems = _route_problems(route, referral, known)
        _add_problems(route, problems, found)
        if not problems:
            _check_unlisted(spec, [route], referral, found)
            _check_confirmation(route, referral, found)
        return
    usable = [r for r in open_now if not _route_problems(r, referral, known)]
    if usable:
        _check_unlisted(spec, usable, referral, found)
        if all(r.confirm is not None for r in usable):
            _check_confirmation(usable[0], referral, found)
        return
    redirects = [r for r in open_now if _only_the_role(r, referral) and r.redirect_to]
    if redirects:
        _redirected(redirects[0], referral, found)
        return
    # A route that would take the referral once something missing is given: incomplete.
    for route in open_now:
        problems = _route_problems(route, referral, known)
        if all(outcome is Outcome.INCOMPLETE for _, _, outcome in problems):
            _add_problems(route, problems, found)
            return
    reasons = "; ".join(
        f"{r.id}: {', '.join(_route_matches(r, referral, known)) or 'not open at this time'}"
        for r in routes
    )
    found.add(
        Outcome.NOT_ELIGIBLE,
        "referral.referrer.not-permitted",
        f"no referral route accepts this referral ({reasons})",
        "$.referrer",
        routes[0].citation,
    )


def _add_problems(route: ReferralRoute, problems: list[_Problem], found: _Collector) -> None:
    for path, problem, outcome in problems:
        code = (
            "referral.referrer.missing"
            if outcome is Outcome.INCOMPLETE
            else "referral.referrer.not-permitted"
        )
        found.add(outcome, code, f"route {route.id!r}: {problem}", path, route.citation)


def _check_unlisted(
    spec: CouncilSpec, usable: list[ReferralRoute], referral: Referral, found: _Collector
) -> None:
    """Approval where every route that takes the referral takes its referrer only as an
    unlisted role of an open list."""
    role = referral.referrer.role
    if not all(r.unlisted(role) for r in usable):
        return
    route = usable[0]
    listed = ", ".join(sorted(route.referrer_roles))
    found.add(
        Outcome.NEEDS_APPROVAL,
        "referral.referrer.unlisted",
        f"referrer role {role!r} is not among those route {route.id!r} names ({listed}), "
        f"but the list is open: needs agreement by {route.approver or spec.name}",
        "$.referrer.role",
        route.citation,
    )


def _computed_statuses(
    spec: CouncilSpec, referral: Referral, on: dt.date, found: _Collector
) -> frozenset[Any]:
    """The child's statuses, with each status the council defines by a care history
    computed from ``referral.care_episodes`` (when given, with a date of birth): the
    computed answer is used, and an asserted status that disagrees needs approval."""
    statuses = referral.child.statuses
    born = referral.child.date_of_birth
    if not referral.care_episodes or born is None or born > on:
        return statuses
    for definition in spec.status_definitions:
        result = evaluate_status(definition, born, referral.care_episodes, on)
        asserted = definition.status in statuses
        detail = (
            (
                "a care episode covers the day of the referral: "
                f"{'yes' if result.looked_after_on_the_day else 'no'}; "
                if definition.on_the_day
                else ""
            )
            + f"{result.days} days looked after since age {definition.since_age} (needs "
            f"{definition.minimum_days})"
            + (
                # No dates: they would reveal the date of birth.
                f"; looked after at or after the age the definition names: "
                f"{'yes' if result.looked_after_late_enough else 'no'}"
                if result.from_date is not None
                else ""
            )
        )
        if result.holds:
            statuses = statuses | {definition.status}
        else:
            statuses = statuses - {definition.status}
        if asserted != result.holds:
            found.add(
                Outcome.NEEDS_APPROVAL,
                f"eligibility.status.{definition.id}.disagrees",
                f"the referral {'asserts' if asserted else 'does not assert'} "
                f"{definition.status}, but the care history "
                f"{'does not meet' if asserted else 'meets'} the definition ({detail}); "
                "the computed status is used: confirm the care history",
                "$.care_episodes",
                definition.citation,
            )
        else:
            found.add(
                Outcome.ELIGIBLE,
                f"eligibility.status.{definition.id}",
                f"{definition.status} {'computed' if result.holds else 'not met'}: {detail}",
                "$.care_episodes",
                definition.citation,
            )
    return statuses


def _timezone(spec: CouncilSpec) -> str:
    """The council's local time zone: its calendars' (they all agree in practice), else
    Europe/London."""
    zones = {c.timezone for c in spec.calendars}
    return zones.pop() if len(zones) == 1 else LONDON


def _check_people(
    spec: CouncilSpec, referral: Referral, service: str | None, found: _Collector
) -> int | None:
    child = referral.child
    # Ages are taken on the council's local date, whatever offset the timestamp carries.
    on = local_date(referral.received_at, _timezone(spec))
    cohorts = [c for c in spec.cohorts if _applies(c.service, service)]
    exclusions = [e for e in spec.exclusions if _applies(e.service, service)]
    age = None
    if child.date_of_birth is not None and child.date_of_birth > on:
        # Possible where the council's local date is behind London's (a referral is
        # refused outright for a birth after its London date).
        found.add(
            Outcome.INCOMPLETE,
            "eligibility.age.future-birth",
            "date of birth is after the referral",
            "$.child.date_of_birth",
        )
    elif child.date_of_birth is not None:
        age = age_on(child.date_of_birth, on)
    needs_age = any(c.ages != _ANY_AGE for c in cohorts) or any(
        e.minimum_age is not None for e in exclusions
    )
    if age is None and needs_age and child.date_of_birth is None:
        found.add(
            Outcome.INCOMPLETE,
            "eligibility.age.unknown",
            "date of birth is needed to check the age limits",
            "$.child.date_of_birth",
            next(c.citation for c in cohorts) if cohorts else None,
        )
    statuses = _computed_statuses(spec, referral, on, found)
    applied = [e for e in exclusions if e.applies(statuses, age)]
    discretion = next((e for e in applied if e.effect is Effect.NEEDS_APPROVAL), None)
    if cohorts:
        _check_cohorts(cohorts, statuses, age, found, referral.identified_eligible, discretion)
    for exclusion in applied:
        effect = (
            Outcome.NEEDS_APPROVAL
            if exclusion.effect is Effect.NEEDS_APPROVAL
            else Outcome.NOT_ELIGIBLE
        )
        approval = (
            f"; needs approval by {exclusion.approver or 'the council'}"
            if exclusion.effect is Effect.NEEDS_APPROVAL
            else ""
        )
        found.add(
            effect,
            f"eligibility.exclusion.{exclusion.id}",
            f"excluded: {exclusion.name}{approval}",
            "$.child",
            exclusion.citation,
        )
    return age


def _check_cohorts(
    cohorts: list[Cohort],
    statuses: frozenset[Any],
    age: int | None,
    found: _Collector,
    identified: bool = False,
    discretion: Exclusion | None = None,
) -> None:
    by_status = [c for c in cohorts if c.matches_statuses(statuses, identified)]
    if not by_status:
        names = "; ".join(c.name for c in cohorts)
        # A discretion ("unless agreed at the discretion of ...") covers exactly the
        # people the service is otherwise not for: the decision is its approver's.
        found.add(
            Outcome.NEEDS_APPROVAL if discretion is not None else Outcome.NOT_ELIGIBLE,
            "eligibility.cohort.none",
            f"the child's statuses match no cohort of the service ({names})"
            + (
                f"; the exclusion {discretion.id!r} leaves it to the discretion of "
                f"{discretion.approver or 'the council'}"
                if discretion is not None
                else ""
            ),
            "$.child.statuses",
            cohorts[0].citation,
        )
        # The discretion reaches the status condition, not the service's age limits: a
        # child older (or younger) than every cohort's hard band is still not eligible.
        if discretion is not None and age is not None:
            within = [c for c in cohorts if c.ages.contains(age) or c.ages.predominant]
            if not within:
                bands = "; ".join(f"{c.name}: {c.ages}" for c in cohorts)
                found.add(
                    Outcome.NOT_ELIGIBLE,
                    "eligibility.age.outside",
                    f"age {age} is outside every cohort's ages ({bands}); the discretion "
                    f"of {discretion.approver or 'the council'} does not reach the age "
                    "limits",
                    "$.child.date_of_birth",
                    cohorts[0].citation,
                )
        return
    if age is None:
        return
    inside = [c for c in by_status if c.ages.contains(age)]
    if inside:
        for cohort in inside:
            by_whom = (
                f"; identified as eligible by {cohort.identified_by}"
                if identified and cohort.identified_by is not None
                else ""
            )
            found.add(
                Outcome.ELIGIBLE,
                f"eligibility.cohort.{cohort.id}",
                f"in cohort {cohort.name!r} (ages {cohort.ages}; age {age}){by_whom}",
                "$.child",
                cohort.citation,
            )
        return
    soft = [c for c in by_status if c.ages.predominant]
    if soft:
        cohort = soft[0]
        approver = cohort.ages.approver or "the council"
        found.add(
            Outcome.NEEDS_APPROVAL,
            "eligibility.age.outside-predominant",
            f"age {age} is outside the {cohort.ages} band of {cohort.name!r}: the service "
            f"may accept it only on individual agreement with {approver}",
            "$.child.date_of_birth",
            cohort.citation,
        )
        return
    bands = "; ".join(f"{c.name}: {c.ages}" for c in by_status)
    found.add(
        Outcome.NOT_ELIGIBLE,
        "eligibility.age.outside",
        f"age {age} is outside every matching cohort's ages ({bands})",
        "$.child.date_of_birth",
        by_status[0].citation,
    )


def _check_limits(
    spec: CouncilSpec, referral: Referral, service: str | None, found: _Collector
) -> None:
    # The library's own decimal context, not the caller's: a caller's reduced precision
    # (rounding limit + margin) or untrapped InvalidOperation (None read as NaN, which
    # compares false: "eligible") must not change the answer.
    with localcontext(Context()):
        for limit in spec.limits:
            if _applies(limit.service, service):
                _check_limit(limit, referral, found)


def _check_limit(limit: Limit, referral: Referral, found: _Collector) -> None:
    raw = value_at(referral, limit.field)
    path = f"$.{limit.field}"
    try:
        value = Decimal(str(raw)) if raw is not None else None
    except InvalidOperation:
        value = None
    if value is not None and not value.is_finite():
        value = None  # "NaN" or "Infinity" in the information given: no number to compare
    if value is None:
        found.add(
            Outcome.INCOMPLETE,
            f"eligibility.limit.{limit.id}.missing",
            f"{limit.field} is needed to check {limit.name}",
            path,
            limit.citation,
        )
    elif value > limit.maximum + limit.review_margin:
        found.add(
            Outcome.NOT_ELIGIBLE,
            f"eligibility.limit.{limit.id}",
            f"{limit.name}: {value} {limit.unit} is beyond the limit of {limit.maximum}"
            + (
                f" and beyond the {limit.review_margin} {limit.unit} margin of individual review"
                if limit.review_margin
                else ""
            ),
            path,
            limit.citation,
        )
    elif value > limit.maximum:
        reading = f" (margin: reading {limit.reading!r})" if limit.reading else ""
        found.add(
            Outcome.NEEDS_APPROVAL,
            f"eligibility.limit.{limit.id}.review",
            f"{limit.name}: {value} {limit.unit} is outside, but near, the limit of "
            f"{limit.maximum}{reading}; needs individual review by "
            f"{limit.approver or 'the council'}",
            path,
            limit.citation,
        )


def _check_areas(
    spec: CouncilSpec, referral: Referral, service: str | None, found: _Collector
) -> None:
    for rule in spec.area_rules:
        if not _applies(rule.service, service):
            continue
        area = referral.child.area
        served = ", ".join(sorted(rule.areas))
        if area is None or not area.strip():
            found.add(
                Outcome.INCOMPLETE,
                f"eligibility.area.{rule.id}.missing",
                f"child.area is needed to check the areas served ({served})",
                "$.child.area",
                rule.citation,
            )
        elif not rule.serves(area):
            needs = rule.effect is Effect.NEEDS_APPROVAL
            found.add(
                Outcome.NEEDS_APPROVAL if needs else Outcome.NOT_ELIGIBLE,
                f"eligibility.area.{rule.id}",
                f"area {area!r} is not one the service serves ({served})"
                + (f"; needs approval by {rule.approver or 'the council'}" if needs else ""),
                "$.child.area",
                rule.citation,
            )


def check_referral(
    spec: CouncilSpec, referral: Referral, service: str | None = None
) -> ReferralDecision:
    """Check ``referral`` against ``spec`` (for ``service``, or the referral's own)."""
    found = _Collector()
    service = _default_service(spec, service or referral.service)
    if service is not None and all(s.id != service for s in spec.services):
        known = ", ".join(s.id for s in spec.services) or "none"
        found.add(
            Outcome.NOT_ELIGIBLE,
            "referral.service.unknown",
            f"{spec.id} has no service {service!r} (services: {known})",
            "$.service",
            spec.citation,
        )
    elif service is None and spec.services:
        known = ", ".join(s.id for s in spec.services)
        found.add(
            Outcome.INCOMPLETE,
            "referral.service.missing",
            f"say which service the referral is for ({known})",
            "$.service",
            spec.citation,
        )
    _check_required(spec, referral, service, found)
    _check_offers(spec, referral, service, found)
    _check_routes(spec, referral, service, found)
    age = _check_people(spec, referral, service, found)
    _check_limits(spec, referral, service, found)
    _check_areas(spec, referral, service, found)
    deadlines = tuple(
        evaluate(rule, referral.received_at, spec.calendars)
        for rule in spec.deadlines
        if rule.trigger == REFERRAL_RECEIVED
        and _applies(rule.service, service)
        and (rule.urgency is None or rule.urgency is referral.urgency)
    )
    return ReferralDecision(
        council=spec.id,
        service=service,
        referral_id=referral.id,
        outcome=found.outcome(),
        age=age,
        findings=tuple(f for _, f in found.items),
        deadlines=deadlines,
    )
