"""What a workforce check reads: a council's requirements (kind, scope) and a worker
with what they hold (completions, qualifications, references, declarations,
registrations). Re-exported by :mod:`childcare_commissioning.workforce`, which checks
them; see its docstring for the kinds."""

from __future__ import annotations

import datetime as dt
import enum

import attrs

from childcare_commissioning.durations import Duration
from childcare_commissioning.model._fields import (
    identifier,
    non_empty,
    personal,
    to_frozenset,
    to_tuple,
)
from childcare_commissioning.model.core import Citation

__all__ = [
    "Completion",
    "Declaration",
    "Qualification",
    "Reference",
    "Registration",
    "Requirement",
    "RequirementKind",
    "Scope",
    "Worker",
]


class RequirementKind(enum.StrEnum):
    """The kinds of workforce requirement the specifications make."""

    TRAINING = "training"
    CHECK = "check"
    QUALIFICATION = "qualification"
    REFERENCES = "references"
    DECLARATION = "declaration"
    REGISTRATION = "registration"


@attrs.frozen
class Scope:
    """Who a requirement applies to: everyone, or only staff in direct work, or only some
    roles (``"rgn"``, ``"family-support-worker"``), or only staff working with some needs
    (``"social-care"``, ``"healthcare"``), or only staff who do some task, whatever their
    role (``"transport"``: whoever drives a child). Every given condition must hold."""

    direct_work: bool = False
    roles: frozenset[str] = attrs.field(default=frozenset(), converter=to_frozenset)
    needs: frozenset[str] = attrs.field(default=frozenset(), converter=to_frozenset)
    tasks: frozenset[str] = attrs.field(default=frozenset(), converter=to_frozenset)

    def covers(self, worker: Worker) -> bool:
        """Whether the scope includes ``worker`` (a worker whose ``works_with`` is not
        given works with no needs here: :func:`check_worker` says so)."""
        return (
            (not self.direct_work or worker.direct_work)
            and (not self.roles or bool(self.roles & worker.roles))
            and (not self.needs or bool(self.needs & (worker.works_with or frozenset())))
            and (not self.tasks or bool(self.tasks & worker.tasks))
        )

    def __str__(self) -> str:
        parts = ["staff in direct work" if self.direct_work else "all staff"]
        if self.roles:
            parts.append("roles " + ", ".join(sorted(self.roles)))
        if self.needs:
            parts.append("working with " + ", ".join(sorted(self.needs)) + " needs")
        if self.tasks:
            parts.append("who " + ", ".join(sorted(self.tasks)))
        return "; ".join(parts)


@attrs.frozen
class Requirement:
    """One workforce requirement of a council, in its own words, mapped to a subject."""

    id: str = attrs.field(validator=identifier)
    kind: RequirementKind
    subject: str = attrs.field(validator=identifier)
    wording: str = attrs.field(validator=non_empty)
    citation: Citation
    scope: Scope = Scope()
    refresh: Duration | None = None
    level: int | None = None
    alternatives: frozenset[str] = attrs.field(default=frozenset(), converter=to_frozenset)
    experience_years: int | None = None
    count: int = 1
    last_employer: bool = False
    approver: str | None = None
    team: bool = False
    team_minimum: int = 1
    provider_matrix: bool = False
    notes: str = ""
    #: "prior to employment": the references (or the check, training, declaration) must be
    #: in place on or before the worker's ``employed_from`` date.
    before_employment: bool = False
    #: For a team requirement: the child's needs that call for it on a package ("bsl": a
    #: child who communicates by British Sign Language; "peg-feeding": a child fed by
    #: gastrostomy tube). A package team is asked for it only when its child has one of
    #: them (or one of ``scope.needs``): see ``roster.check_package_team``.
    for_needs: frozenset[str] = attrs.field(default=frozenset(), converter=to_frozenset)


@attrs.frozen
class Completion:
    """A dated completion: a training course, a check (DBS), a supervision, an appraisal."""

    subject: str = attrs.field(validator=non_empty)
    """The subject id ("safeguarding", "dbs-enhanced", "supervision"), as `ids subjects` lists the
    council's."""
    completed_on: dt.date
    """The day it was completed (a London date); refresher intervals run from it."""
    level: int | None = None
    """The level reached (safeguarding level 3), where the subject has levels; a requirement at a
    level is met at that level or above."""


@attrs.frozen
class Qualification:
    """A qualification held."""

    subject: str = attrs.field(validator=non_empty)
    """The qualification's id ("clinical-psychologist"), as the council's
    requirements name it."""
    awarded_on: dt.date | None = None
    """The day it was awarded, if known."""


@attrs.frozen
class Reference:
    """A written reference received."""

    received_on: dt.date
    """The day the reference was received; a requirement before employment compares it with
    employed_from."""
    last_employer: bool = False
    """True when the reference is from the worker's last employer."""
    referee: str | None = personal(default=None)
    """The referee's name."""


@attrs.frozen
class Declaration:
    """A declaration made by the worker (``"convictions"``) and, where something was
    declared, the council's approval."""

    subject: str = attrs.field(validator=non_empty)
    """What was declared about ("convictions"), as the council's requirements name it."""
    declared_on: dt.date
    """The day the declaration was made."""
    something_declared: bool = False
    """True when the worker declared something (a conviction); the council must then approve
    them."""
    approved_on: dt.date | None = None
    """The day the council approved the worker despite what was declared; omitted: not approved."""


@attrs.frozen
class Registration:
    """A professional registration (``body="nmc"``) with its expiry or revalidation date."""

    body: str = attrs.field(validator=non_empty)
    """The registering body's id ("nmc", "social-work-england")."""
    valid_until: dt.date
    """The last day the registration is valid: its expiry or revalidation date."""
    number: str | None = personal(default=None)
    """The registration number."""


@attrs.frozen
class Worker:
    """A member of staff, known by a pseudonymous ``id``; the name is personal data.

    ``works_with`` is the needs the worker works with (``"social-care"``,
    ``"healthcare"``); not given (``None``) is not the same as none (``[]``): requirements
    scoped to needs cannot be applied, and the check says so. ``tasks`` are what the worker
    does whatever the role (``"transport"``: drives children). ``employed_until`` is the
    last day of employment of a worker who has left (staff turnover counts leavers).
    """

    id: str = attrs.field(validator=non_empty)
    """The pseudonymous id of the member of staff; never a name. Package teams and delivery
    records refer to the worker by it."""
    roles: frozenset[str] = attrs.field(default=frozenset(), converter=to_frozenset)
    """The worker's role ids ("rgn", "family-support-worker"); requirements scoped to roles apply
    to them."""
    direct_work: bool = True
    """True (the default) when the worker works directly with children and young people;
    requirements for staff in direct work apply."""
    works_with: frozenset[str] | None = attrs.field(
        default=None, converter=attrs.converters.optional(to_frozenset)
    )
    """The needs the worker works with ("social-care", "healthcare"); omitted is not the same as
    none ([]): requirements scoped to needs cannot be applied, and the check says so."""
    tasks: frozenset[str] = attrs.field(default=frozenset(), converter=to_frozenset)
    """What the worker does whatever the role ("transport": drives children); requirements scoped
    to tasks apply."""
    completions: tuple[Completion, ...] = attrs.field(default=(), converter=to_tuple)
    """Dated completions: training courses, checks (DBS), supervisions, appraisals."""
    qualifications: tuple[Qualification, ...] = attrs.field(default=(), converter=to_tuple)
    """Qualifications held."""
    experience_since: dt.date | None = None
    """The day the worker's relevant (post-qualification) experience began; years of experience are
    counted from it."""
    references: tuple[Reference, ...] = attrs.field(default=(), converter=to_tuple)
    """Written references received."""
    declarations: tuple[Declaration, ...] = attrs.field(default=(), converter=to_tuple)
    """Declarations the worker made ("convictions") and any approval."""
    registrations: tuple[Registration, ...] = attrs.field(default=(), converter=to_tuple)
    """Professional registrations, each with its expiry or revalidation date."""
    name: str | None = personal(default=None)
    """The worker's name."""
    employed_from: dt.date | None = None
    """When the worker's employment began: what "prior to employment" is checked against."""
    employed_until: dt.date | None = None
    """The last day of employment of a worker who has left (staff turnover counts leavers);
    omitted: still employed."""
