"""Contracts: what a provider and a council actually work under, let under a council's text.

A council's specification is a framework *text* (:class:`~.council.CouncilSpec`): it says
what the rules are, not when a particular contract started. A :class:`Contract` is the
unit of every dated answer: its own start and end, the packages or placements in force at
its start (so an event log may begin mid-placement), the dates of contract events some
rules run from (award, mobilisation, framework entry), and the *variations* the text
allows the parties to agree ("unless otherwise agreed"):

======================  ===========================================  ==========================
variation               what it changes                              allowed by
======================  ===========================================  ==========================
``deadlines``           a deadline rule's duration (a notice period)  a :class:`Variable` of
                                                                     kind ``deadline``
``invoicing_cycles``    one package's (or every package's) billing   a :class:`Variable` of
                        cycle                                        kind ``invoicing-cycle``
``training_matrix``     the provider's refresher interval for a      a requirement the council
                        training subject (a ``TrainingMatrix``)      marks ``provider_matrix``
``schedules``           when a scheduled obligation recurs (extra    a :class:`Variable` of
                        monitoring while a provider is under         kind ``schedule``
                        concern)
======================  ===========================================  ==========================

Every variation is checked against what the council declares (:func:`check_contract`): one
the text does not allow is an error finding that says no clause allows it; one it allows
carries that clause's citation (:func:`allowed_by`). :func:`contract_spec` gives the rules
with the contract's variations applied, so every capability evaluates the contract's own
rules without knowing about contracts.

Nothing here invents a date: a contract has the start its parties give; an answer that
needs a contract date and has none says so (:class:`MissingContractDate`).
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import attrs

from childcare_commissioning.billing.terms import BillingCycle
from childcare_commissioning.durations import Duration
from childcare_commissioning.errors import CommissioningError, ModelValueError
from childcare_commissioning.model._fields import (
    end_not_before_start,
    identifier,
    non_empty,
    to_frozenset,
    to_tuple,
    unique_ids,
)
from childcare_commissioning.model.core import Citation, Finding, Severity
from childcare_commissioning.model.council import term_findings
from childcare_commissioning.model.package import Package
from childcare_commissioning.schedules import Schedule
from childcare_commissioning.training_matrix import TrainingMatrix

if TYPE_CHECKING:
    from childcare_commissioning.council import CouncilSpec

__all__ = [
    "CONTRACT_END",
    "CONTRACT_START",
    "Contract",
    "ContractDate",
    "CycleVariation",
    "DeadlineVariation",
    "MissingContractDate",
    "ScheduleVariation",
    "Variable",
    "VariationKind",
    "allowed_by",
    "check_contract",
    "contract_spec",
    "term_findings",
]

#: The trigger a rule names to run from the contract's start (Derby's Information Sharing
#: Agreement "signed and dated prior to contract start").
CONTRACT_START = "contract-start"
#: The trigger a rule names to run from the contract's end.
CONTRACT_END = "contract-end"


class MissingContractDate(CommissioningError, ValueError):
    """An answer needs a date only a contract can give, and none was given.

    The message names what is missing (``"contract start"``) and what needed it; the
    command line turns it into exit status 2.
    """

    def __init__(self, what: str, needed_by: str) -> None:
        self.what = what
        self.needed_by = needed_by
        super().__init__(
            f"{needed_by} needs the {what}, which only a contract gives: pass --contract FILE "
            "(or the date itself); no date is assumed [contract-date]"
        )


class VariationKind(enum.StrEnum):
    """What a contract may vary, where its council's text allows it."""

    DEADLINE = "deadline"
    INVOICING_CYCLE = "invoicing-cycle"
    REFRESHER = "refresher"
    SCHEDULE = "schedule"


@attrs.frozen
class Variable:
    """Something a council's text lets the parties to a contract agree otherwise.

    ``targets`` are the ids the variation may name (deadline rule ids, obligation ids);
    empty means the kind itself has no target (a contract's invoicing cycle). ``citation``
    is the clause that allows it ("unless otherwise agreed ... case by case").
    """

    id: str = attrs.field(validator=identifier)
    kind: VariationKind
    citation: Citation
    targets: frozenset[str] = attrs.field(default=frozenset(), converter=to_frozenset)
    note: str = ""


@attrs.frozen
class ContractDate:
    """A dated contract event some rule runs from: ``event`` is the trigger id the rule
    names (``"contract-award"``, ``"mobilisation"``, ``"framework-entry"``)."""

    event: str = attrs.field(validator=identifier)
    """The id of the contract event a rule runs from, as `ids triggers` lists them
    ("contract-award", "mobilisation", "framework-entry")."""
    on: dt.date
    """The day the event happened (a London date)."""


@attrs.frozen
class DeadlineVariation:
    """Deadline rule ``rule`` runs for ``duration`` under this contract (an agreed notice
    period instead of the text's one)."""

    rule: str = attrs.field(validator=identifier)
    """The id of the council's deadline rule varied (`ids rules` lists them); the council must
    declare it variable."""
    duration: Duration
    """The duration agreed for that rule under this contract (an agreed notice period instead of
    the text's)."""


@attrs.frozen
class CycleVariation:
    """Packages ``packages`` (every package when empty) are invoiced every ``cycle``."""

    cycle: BillingCycle
    """The invoicing cycle agreed: fortnightly, four-weekly, monthly or financial-quarters."""
    packages: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)
    """The ids of the packages invoiced on that cycle; empty: every package of the contract."""


@attrs.frozen
class ScheduleVariation:
    """Scheduled obligation ``obligation`` recurs on ``schedule`` under this contract."""

    obligation: str = attrs.field(validator=identifier)
    """The id of the council's scheduled obligation varied (`ids rules` lists them); the council
    must declare it variable."""
    schedule: Schedule
    """When the obligation recurs under this contract (extra monitoring while a provider is under
    concern)."""


def _unique_events(instance: Contract, attribute: attrs.Attribute[Any], value: Any) -> None:
    events = [d.event for d in value]
    for reserved in (CONTRACT_START, CONTRACT_END):
        if reserved in events:
            raise ModelValueError(
                attribute.name, "contract-date", f"{reserved!r} is the contract's start or end"
            )
    if len(events) != len(set(events)):
        raise ModelValueError(attribute.name, "unique", "each event may be dated once")


@attrs.frozen
class Contract:
    """A contract let under one council's text.

    ``council`` is the council id; ``specification_version`` the version of its text the
    contract was let under (``None``: the version in force on ``start``). ``packages``
    are the packages or placements in force at the start (an event log may begin while
    they run) and any let later that the caller lists; each is a monitored case under its
    ``id``. ``dates`` date the contract events rules run from. The variations are what the
    parties agreed where the text allows it (see the module docstring).
    """

    council: str = attrs.field(validator=identifier)
    """The id of the council whose text the contract was let under (as `councils` lists them)."""
    provider: str = attrs.field(validator=non_empty)
    """The provider's name (an organisation, not a person)."""
    start: dt.date
    """The first day of the contract (a London date); dated answers run from it. Never assumed: the
    parties give it."""
    end: dt.date | None = attrs.field(default=None, validator=end_not_before_start)
    """The last day of the contract, included; omitted: open-ended. Not before start."""
    reference: str | None = None
    """The contract's reference, for the record."""
    specification_version: str | None = None
    """The version of the council's text the contract was let under; omitted: the version in force
    on start."""
    dates: tuple[ContractDate, ...] = attrs.field(
        default=(), converter=to_tuple, validator=_unique_events
    )
    """The dates of the contract events some rules run from (award, mobilisation, framework entry);
    each event once."""
    packages: tuple[Package, ...] = attrs.field(
        default=(), converter=to_tuple, validator=unique_ids
    )
    """The packages or placements in force at the start and any let later that the caller lists;
    each is a monitored case under its id, ids unique."""
    deadlines: tuple[DeadlineVariation, ...] = attrs.field(default=(), converter=to_tuple)
    """Agreed durations of deadline rules the text lets the parties vary (notice periods)."""
    invoicing_cycles: tuple[CycleVariation, ...] = attrs.field(default=(), converter=to_tuple)
    """Agreed invoicing cycles, per package or for every package, where the text allows them."""
    training_matrix: TrainingMatrix | None = None
    """The provider's training matrix: refresher intervals for the subjects the council leaves to
    the provider."""
    schedules: tuple[ScheduleVariation, ...] = attrs.field(default=(), converter=to_tuple)
    """Agreed schedules of scheduled obligations the text lets the parties vary (extra
    monitoring)."""

    def date_of(self, event: str) -> dt.date | None:
        """The date of contract event ``event`` (its start and end included), if given."""
        if event == CONTRACT_START:
            return self.start
        if event == CONTRACT_END:
            return self.end
        return next((d.on for d in self.dates if d.event == event), None)

    def covers(self, on: dt.date) -> bool:
        """Whether ``on`` falls within the contract's start and end."""
        return self.start <= on and (self.end is None or on <= self.end)

    def cycles(self) -> dict[str, BillingCycle]:
        """Each package's agreed invoicing cycle, by package id (``"*"``: every package)."""
        found: dict[str, BillingCycle] = {}
        for variation in self.invoicing_cycles:
            for package in variation.packages or ("*",):
                found[package] = variation.cycle
        return found


# --- checking ---------------------------------------------------------------------------


def _error(code: str, message: str, path: str, citation: Citation | None = None) -> Finding:
    return Finding(Severity.ERROR, f"contract.{code}", message, path, citation)


def allowed_by(spec: CouncilSpec, kind: VariationKind, target: str | None) -> Citation | None:
    """The clause of ``spec``'s text that allows varying ``target`` (a rule, obligation
    or training subject id; ``None`` for a kind with no target), or ``None`` if none does.

    A training subject may be varied where a requirement of that subject is marked
    ``provider_matrix`` (the text makes the provider's matrix the interval); the
    requirement's citation is the clause.
    """
    if kind is VariationKind.REFRESHER:
        for requirement in spec.workforce:
            if requirement.provider_matrix and requirement.subject == target:
                return requirement.citation
    for variable in spec.variables:
        if variable.kind is kind and (not variable.targets or target in variable.targets):
            return variable.citation
    return None


def _not_allowed(spec: CouncilSpec, what: str, path: str) -> Finding:
    return _error(
        "variation.not-allowed",
        f"no clause of {spec.name}'s text allows a contract to vary {what}; "
        "the text's own rule applies",
        path,
    )


def _check_variations(spec: CouncilSpec, contract: Contract) -> list[Finding]:
    findings: list[Finding] = []
    deadline_ids = {d.id for d in spec.deadlines}
    for index, dv in enumerate(contract.deadlines):
        path = f"$.deadlines[{index}].rule"
        if dv.rule not in deadline_ids:
            findings.append(_error("unknown-rule", f"no deadline rule {dv.rule!r}", path))
        elif allowed_by(spec, VariationKind.DEADLINE, dv.rule) is None:
            findings.append(_not_allowed(spec, f"deadline rule {dv.rule!r}", path))
    package_ids = {p.id for p in contract.packages}
    for index, cv in enumerate(contract.invoicing_cycles):
        path = f"$.invoicing_cycles[{index}]"
        if spec.billing is None:
            findings.append(_error("no-billing", f"{spec.name} declares no billing terms", path))
        elif allowed_by(spec, VariationKind.INVOICING_CYCLE, None) is None:
            findings.append(_not_allowed(spec, "the invoicing cycle", path))
        for package in cv.packages:
            if package not in package_ids:
                findings.append(
                    _error(
                        "unknown-package",
                        f"the invoicing cycle names package {package!r}, not in the contract",
                        f"{path}.packages",
                    )
                )
    entries = contract.training_matrix.entries if contract.training_matrix else ()
    for index, entry in enumerate(entries):
        path = f"$.training_matrix.entries[{index}].subject"
        if allowed_by(spec, VariationKind.REFRESHER, entry.subject) is None:
            what = f"the refresher interval of {entry.subject!r}"
            findings.append(_not_allowed(spec, what, path))
    obligation_ids = {o.id for o in spec.all_obligations() if o.schedule is not None}
    for index, sv in enumerate(contract.schedules):
        path = f"$.schedules[{index}].obligation"
        if sv.obligation not in obligation_ids:
            findings.append(
                _error("unknown-obligation", f"no scheduled obligation {sv.obligation!r}", path)
            )
        elif allowed_by(spec, VariationKind.SCHEDULE, sv.obligation) is None:
            findings.append(_not_allowed(spec, f"the schedule of {sv.obligation!r}", path))
    return findings


def _triggers(spec: CouncilSpec) -> set[str]:
    found = {d.trigger for d in spec.deadlines}
    found |= {o.trigger for o in spec.all_obligations() if o.trigger is not None}
    return found


def check_contract(spec: CouncilSpec, contract: Contract) -> list[Finding]:
    """Everything wrong or worth knowing about ``contract`` under ``spec``'s text.

    Errors: another council's contract or package, another version of the text, a dated
    event no rule of the text runs from, a variation naming something the text does not
    declare or that no clause allows. Warnings: a contract starting before or running
    past the text's own term (named, with its clause).
    """
    findings: list[Finding] = []
    if contract.council != spec.id:
        findings.append(
            _error(
                "other-council",
                f"the contract is for {contract.council!r}, not {spec.id!r}",
                "$.council",
            )
        )
    version = contract.specification_version
    if version is not None and version != spec.specification.version:
        findings.append(
            _error(
                "version",
                f"the contract names version {version!r} of the text; this is version "
                f"{spec.specification.version!r}",
                "$.specification_version",
            )
        )
    for index, package in enumerate(contract.packages):
        if package.council != contract.council:
            findings.append(
                _error(
                    "package.other-council",
                    f"package {package.id!r} belongs to {package.council!r}",
                    f"$.packages[{index}].council",
                )
            )
        if contract.end is not None and package.start > contract.end:
            findings.append(
                _error(
                    "package.after-end",
                    f"package {package.id!r} starts after the contract ends",
                    f"$.packages[{index}].start",
                )
            )
    triggers = _triggers(spec)
    for index, date in enumerate(contract.dates):
        if date.event not in triggers:
            events = (t for t in triggers if t.startswith(("contract", "framework")))
            known = ", ".join(sorted(events))
            findings.append(
                _error(
                    "unknown-date",
                    f"no rule of {spec.name}'s text runs from {date.event!r}"
                    + (f" (contract events it uses: {known})" if known else ""),
                    f"$.dates[{index}].event",
                )
            )
    findings += _check_variations(spec, contract)
    term = spec.specification.term
    if term is not None:
        if term.end is not None and (contract.end is None or contract.end > term.end):
            runs = "has no end" if contract.end is None else "ends after it"
            findings.append(
                Finding(
                    Severity.WARNING,
                    "contract.past-term",
                    f"{spec.name}'s text runs {term.describe()}; this contract {runs}: "
                    "dated answers after the term's end apply a text past its term",
                    "$.end",
                    term.citation,
                )
            )
        if term.start is not None and contract.start < term.start:
            findings.append(
                Finding(
                    Severity.WARNING,
                    "contract.before-term",
                    f"{spec.name}'s text runs {term.describe()}; this contract starts before it",
                    "$.start",
                    term.citation,
                )
            )
    return findings


# --- applying ---------------------------------------------------------------------------


def contract_spec(spec: CouncilSpec, contract: Contract, *, checked: bool = False) -> CouncilSpec:
    """``spec`` with ``contract``'s deadline and schedule variations applied.

    Raises :class:`ModelValueError` if the contract has error findings
    (:func:`check_contract`): a contract the text does not allow is not applied in part.
    ``checked``: the caller has just checked it and found no error (not checked again).
    Invoicing cycles and the training matrix are read by the capabilities that use them
    (:meth:`Contract.cycles`, :meth:`Contract.matrix`).
    """
    errors = (
        []
        if checked
        else [f for f in check_contract(spec, contract) if f.severity is Severity.ERROR]
    )
    if errors:
        first = errors[0]
        raise ModelValueError(first.path, first.code, first.message)
    durations: Mapping[str, Duration] = {d.rule: d.duration for d in contract.deadlines}
    schedules: Mapping[str, Schedule] = {s.obligation: s.schedule for s in contract.schedules}
    if not durations and not schedules:
        return spec
    deadlines = tuple(
        attrs.evolve(rule, duration=durations[rule.id]) if rule.id in durations else rule
        for rule in spec.deadlines
    )
    obligations = tuple(
        attrs.evolve(o, schedule=schedules[o.id]) if o.id in schedules else o
        for o in spec.obligations
    )
    duties = tuple(
        attrs.evolve(d, schedule=schedules[f"duty-{d.id}"]) if f"duty-{d.id}" in schedules else d
        for d in spec.duties
    )
    return attrs.evolve(spec, deadlines=deadlines, obligations=obligations, duties=duties)
