"""The conformance kit: checks any council plugin can run against itself.

:func:`check_council` is a pure function returning every :class:`Violation` (which rule,
which check, what to fix). :class:`ConformanceSuite` wraps it for pytest: subclass it in
the plugin's tests and set ``council_id``::

    from childcare_commissioning.conformance import ConformanceSuite

    class TestConformance(ConformanceSuite):
        council_id = "mycouncil"

Why a base class rather than a ``pytest11`` plugin: a ``pytest11`` entry point would load
into every pytest run of every project that has this library installed; a base class runs
only where an integrator asks for it, and shows in the plugin's own test file what is
being checked.

Checks: the plugin loads through its entry point with no misspelled hook; every rule
carries a complete citation into the council's own specification; ids are well formed,
unique and (with a snapshot file) stable; every deadline rule, routing step and
notifiable event evaluates on a grid of instants across bank holidays and clock changes;
obligations list over two years; contacts are well formed; billing terms are consistent;
eligibility answers for every age from 0 to 30 in every service.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar
from zoneinfo import ZoneInfo

import attrs

from childcare_commissioning.council import CouncilSpec
from childcare_commissioning.deadlines import evaluate, resolve_calendar
from childcare_commissioning.durations import DurationKind
from childcare_commissioning.errors import ModelValueError
from childcare_commissioning.model import ChildOrYoungPerson, Citation, Referral, Referrer
from childcare_commissioning.model.people import Status
from childcare_commissioning.model.referral import Urgency
from childcare_commissioning.monitoring.model import check_references
from childcare_commissioning.obligations import obligations_between
from childcare_commissioning.referrals import check_referral
from childcare_commissioning.register import EntryStatus, coverage, normalise_text
from childcare_commissioning.safeguarding import contact_findings, notify, route, route_concern
from childcare_commissioning.schedules import FinancialYear

__all__ = [
    "GRID",
    "ConformanceSuite",
    "Violation",
    "check_council",
    "computed_ids",
    "declarations",
    "normalise_text",
    "quote_violations",
    "referable_ids",
    "register_violations",
    "rule_entry_violations",
    "rule_ids",
]

LONDON = ZoneInfo("Europe/London")

#: The billing terms' optional parts, each a declaration (``billing/<part>``) of its own.
BILLING_PARTS = ("mileage", "retention", "block_discount", "payment_terms")


def _grid() -> tuple[dt.datetime, ...]:
    days = [
        dt.date(2024, 12, 20),
        dt.date(2024, 12, 24),
        dt.date(2024, 12, 25),
        dt.date(2024, 12, 31),
        dt.date(2025, 4, 17),
        dt.date(2025, 4, 18),
        dt.date(2025, 4, 21),
        dt.date(2025, 3, 29),
        dt.date(2025, 3, 30),
        dt.date(2025, 10, 25),
        dt.date(2025, 10, 26),
        dt.date(2026, 12, 24),
        dt.date(2027, 12, 27),
        dt.date(2028, 12, 25),
        dt.date(2028, 2, 29),
    ]
    times = [dt.time(0, 0), dt.time(1, 30), dt.time(9, 0), dt.time(17, 30), dt.time(23, 59)]
    instants = [dt.datetime.combine(d, t, tzinfo=LONDON) for d in days for t in times]
    # The repeated autumn hour, both times round.
    instants.append(dt.datetime(2025, 10, 26, 1, 30, tzinfo=LONDON, fold=1))
    return tuple(instants)


#: Instants every deadline rule must evaluate at: Christmas and New Year, Easter, both
#: clock changes (inside the repeated hour too), projected years and 29 February.
GRID = _grid()


@attrs.frozen
class Violation:
    """One thing wrong with a council plugin: the rule, the check, and what to fix."""

    rule_id: str
    check: str
    message: str

    def __str__(self) -> str:
        return f"[{self.check}] {self.rule_id}: {self.message}"


_COLLECTIONS = (
    "services",
    "glossary",
    "readings",
    "calendars",
    "deadlines",
    "obligations",
    "routes",
    "offers",
    "required_information",
    "cohorts",
    "exclusions",
    "limits",
    "workforce",
    "contacts",
    "routing",
    "notifiable_events",
    "outcomes",
    "reference_tables",
    "duties",
    "computations",
    "offer_lists",
    "area_rules",
    "status_definitions",
    "variables",
)


def _rules(spec: CouncilSpec) -> Iterator[tuple[str, str, Any]]:
    """(collection, id, item) for every declared rule."""
    for collection in _COLLECTIONS:
        for item in getattr(spec, collection):
            rule_id = str(getattr(item, "id", None) or getattr(item, "term", "?"))
            yield collection, rule_id, item


def rule_ids(spec: CouncilSpec) -> list[str]:
    """Every rule's qualified id (``deadlines/first-review``), sorted: the snapshot that
    keeps ids stable between releases."""
    return sorted(f"{collection}/{rule_id}" for collection, rule_id, _ in _rules(spec))


def _check_citations(spec: CouncilSpec) -> Iterator[Violation]:
    def check(where: str, citation: Citation | None) -> Iterator[Violation]:
        if citation is None:
            yield Violation(where, "citation", "has no citation: add Citation(spec, clause, quote)")
            return
        if citation.spec != spec.id:
            yield Violation(
                where,
                "citation",
                f"cites specification {citation.spec!r}, not this council's {spec.id!r}",
            )

    yield from check("council", spec.citation)
    for collection, rule_id, item in _rules(spec):
        yield from check(f"{collection}/{rule_id}", getattr(item, "citation", None))
    if spec.billing is not None:
        yield from check("billing", spec.billing.citation)
        for band in spec.billing.rate_bands:
            yield from check(f"billing/rate-bands/{band.id}", band.citation)


def _check_deadlines(spec: CouncilSpec) -> Iterator[Violation]:
    for rule in spec.deadlines:
        for at in GRID:
            try:
                deadline = evaluate(rule, at, spec.calendars)
            except Exception as exc:
                yield Violation(
                    f"deadlines/{rule.id}",
                    "deadline",
                    f"raised {type(exc).__name__} at {at.isoformat()}: {exc}; check its "
                    f"calendar {rule.calendar!r} and duration {rule.duration}",
                )
                break
            if rule.direction == "after" and deadline.due_date < at.astimezone(LONDON).date():
                yield Violation(f"deadlines/{rule.id}", "deadline", "falls due before its trigger")
                break


def _check_steps(spec: CouncilSpec) -> Iterator[Violation]:

    at = GRID[2]
    for rule in spec.routing:
        try:
            route_concern(spec, rule.concern, at, rule.area)
        except Exception as exc:
            yield Violation(f"routing/{rule.id}", "routing", f"raised {type(exc).__name__}: {exc}")
    for event in spec.notifiable_events:
        try:
            notify(spec, event.id, at)
        except Exception as exc:
            yield Violation(
                f"notifiable_events/{event.id}", "routing", f"raised {type(exc).__name__}: {exc}"
            )


def _check_obligations(spec: CouncilSpec) -> Iterator[Violation]:

    start = spec.specification.effective_from
    try:
        obligations_between(
            spec.all_obligations(), start, start, start + dt.timedelta(days=730), spec.calendars
        )
    except Exception as exc:
        yield Violation("obligations", "obligations", f"listing two years raised {exc}")


def _check_contacts(spec: CouncilSpec) -> Iterator[Violation]:

    for finding in contact_findings(spec.contacts):
        if finding.severity == "error":
            yield Violation(finding.path, "contact", finding.message)


def _check_billing(spec: CouncilSpec) -> Iterator[Violation]:

    terms = spec.billing
    if terms is None:
        return
    for budget in terms.budgets:
        try:
            FinancialYear.parse(budget.financial_year)
        except ValueError:
            yield Violation(
                f"billing/budgets/{budget.financial_year}",
                "billing",
                "financial year must look like '2019/20'",
            )
    if terms.block_discount is not None and terms.block_discount.minimum_units < 2:
        yield Violation("billing/block-discount", "billing", "a block needs at least 2 units")
    if terms.mileage is not None and terms.mileage.per_mile > 5:
        yield Violation(
            "billing/mileage", "billing", "mileage is in pounds per mile (0.45 for 45p)"
        )


def _check_eligibility(spec: CouncilSpec) -> Iterator[Violation]:

    services: list[str | None] = [s.id for s in spec.services] or [None]
    route = spec.routes[0] if spec.routes else None
    referrer = Referrer(
        sorted(route.referrer_roles)[0] if route and route.referrer_roles else "social-worker",
        organisation=sorted(route.organisations)[0] if route and route.organisations else None,
    )
    on = dt.datetime(2025, 1, 8, 11, 0, tzinfo=LONDON)
    for service in services:
        for age in range(31):
            for status in Status:
                child = ChildOrYoungPerson(
                    "conformance",
                    date_of_birth=dt.date(2025 - age, 1, 1),
                    statuses=frozenset({status}),
                )
                referral = Referral(
                    "conformance", on, Urgency.STANDARD, referrer, child, service=service
                )
                try:
                    check_referral(spec, referral)
                except Exception as exc:
                    yield Violation(
                        f"services/{service}",
                        "eligibility",
                        f"no answer for age {age} ({status}): {type(exc).__name__}: {exc}",
                    )
                    return


def declarations(spec: CouncilSpec) -> list[tuple[str, Citation | None]]:
    """Every declaration's qualified id and citation: the council itself, every rule
    (:func:`rule_ids`) and the billing terms' parts (as :func:`referable_ids` names them)."""
    found: list[tuple[str, Citation | None]] = [("council", spec.citation)]
    found += [(f"{c}/{i}", getattr(item, "citation", None)) for c, i, item in _rules(spec)]
    if spec.monitoring is not None:
        found += [(f"monitoring/kpis/{k.id}", k.citation) for k in spec.monitoring.kpis]
        found += [(f"monitoring/gates/{g.id}", g.citation) for g in spec.monitoring.gates]
    if spec.billing is not None:
        found.append(("billing", spec.billing.citation))
        found += [(f"billing/rate-bands/{b.id}", b.citation) for b in spec.billing.rate_bands]
        for name in BILLING_PARTS:
            part = getattr(spec.billing, name)
            if part is not None:
                found.append((f"billing/{name.replace('_', '-')}", part.citation))
        found += [(f"billing/budgets/{b.financial_year}", b.citation) for b in spec.billing.budgets]
    return found


def quote_violations(spec: CouncilSpec, text: str) -> list[Violation]:
    """Quotes (each part around '...') that do not occur in the specification's ``text``."""
    haystack = normalise_text(text)
    found = []
    citations = declarations(spec)
    for where, citation in citations:
        if citation is None:
            continue
        for part in citation.quote.split("..."):
            if normalise_text(part) and normalise_text(part) not in haystack:
                found.append(
                    Violation(where, "quotes", f"quote not found in the text: {part.strip()!r}")
                )
    return found


def _check_routing_dead_ends(spec: CouncilSpec) -> Iterator[Violation]:
    """Every concern kind the council routes reaches somebody at every instant of the grid
    (in hours, out of hours, bank holidays, both clock changes), in every area it routes
    it for: a rule whose steps are all in-hours leaves the night with nobody to tell."""
    for rule in spec.routing:
        for at in GRID:
            try:
                routing = route(spec, rule.concern, at, rule.area)
            except Exception as exc:
                yield Violation(
                    f"routing/{rule.id}", "routing-dead-end", f"raised {type(exc).__name__}: {exc}"
                )
                break
            if not routing.steps:
                yield Violation(
                    f"routing/{rule.id}",
                    "routing-dead-end",
                    f"a {rule.concern} concern at {at.isoformat()} reaches nobody: add a step "
                    "for that time (an out-of-hours variant) or make a step ALWAYS",
                )
                break


#: Words in a deadline rule's id, title or trigger that mark it as an emergency or
#: out-of-hours rule.
_EMERGENCY_WORDS = ("emergency", "out-of-hours", "out of hours")


def _check_deadline_calendars(spec: CouncilSpec) -> Iterator[Violation]:
    """Every deadline names a calendar that resolves (checked on construction too); an
    emergency or out-of-hours rule that counts working days ("same working day", "within
    N working days") must run on a calendar that works every day, or name the
    :class:`~childcare_commissioning.model.Reading` that says why the text means office
    working days (``notes`` containing ``reading:<id>``). "Same day" is
    ``DurationKind.SAME_DAY``: the day itself, whatever the calendar."""
    readings = {r.id for r in spec.readings}
    for rule in spec.deadlines:
        try:
            calendar = resolve_calendar(rule.calendar, spec.calendars)
        except LookupError as exc:
            yield Violation(f"deadlines/{rule.id}", "deadline-calendar", str(exc))
            continue
        words = f"{rule.id} {rule.title} {rule.trigger}".casefold()
        emergency = rule.urgency is Urgency.EMERGENCY or any(w in words for w in _EMERGENCY_WORDS)
        counts_working_days = rule.duration.kind in (
            DurationKind.WORKING_DAYS,
            DurationKind.SAME_WORKING_DAY,
        )
        every_day = len(calendar.spec.working_weekdays) == 7
        named = {
            part.removeprefix("reading:").strip(".,;()")
            for part in rule.notes.split()
            if part.startswith("reading:")
        }
        if emergency and counts_working_days and not every_day and not named & readings:
            yield Violation(
                f"deadlines/{rule.id}",
                "deadline-calendar",
                f"an emergency or out-of-hours rule counts {rule.duration} on calendar "
                f"{calendar.spec.id!r}, which does not work every day: use the service's "
                "own calendar (or SAME_DAY for 'the same day'), or name the Reading that "
                "says the text means office working days (notes: 'reading:<id>')",
            )


def _check_limit_readings(spec: CouncilSpec) -> Iterator[Violation]:
    """A limit with a margin of individual review names the Reading that declares it."""
    readings = {r.id for r in spec.readings}
    for limit in spec.limits:
        if limit.review_margin and limit.reading not in readings:
            yield Violation(
                f"limits/{limit.id}",
                "limit-reading",
                f"a review margin of {limit.review_margin} {limit.unit} is a reading of the "
                f"text: name the council's Reading (limit.reading={limit.reading!r})",
            )
    areas = {a.id.casefold() for a in spec.areas}
    for rule in spec.area_rules:
        unknown = sorted(a for a in rule.areas if a.casefold() not in areas)
        if unknown:
            yield Violation(
                f"area_rules/{rule.id}",
                "limit-reading",
                f"names areas the council does not declare: {', '.join(unknown)}",
            )


def referable_ids(spec: CouncilSpec) -> set[str]:
    """Every qualified id a register entry may name: :func:`rule_ids` plus the billing
    terms' parts (``billing``, ``billing/rate-bands/<id>``, ``billing/mileage``,
    ``billing/retention``, ``billing/block-discount``, ``billing/payment-terms``,
    ``billing/budgets/<year>``), the
    monitoring KPIs (``monitoring/kpis/<id>``) and gates (``monitoring/gates/<id>``)."""
    found = set(rule_ids(spec))
    if spec.monitoring is not None:
        found |= {f"monitoring/kpis/{k.id}" for k in spec.monitoring.kpis}
        found |= {f"monitoring/gates/{g.id}" for g in spec.monitoring.gates}
    terms = spec.billing
    if terms is not None:
        found.add("billing")
        found |= {f"billing/rate-bands/{band.id}" for band in terms.rate_bands}
        found |= {f"billing/budgets/{budget.financial_year}" for budget in terms.budgets}
        for name in BILLING_PARTS:
            if getattr(terms, name) is not None:
                found.add(f"billing/{name.replace('_', '-')}")
    return found


#: Collections whose every declaration the library evaluates: a referral, a deadline, a
#: roster, an invoice or a route is decided by it.
_EVALUATED = frozenset(
    {
        "area_rules",
        "calendars",
        "cohorts",
        "computations",
        "contacts",
        "deadlines",
        "exclusions",
        "limits",
        "notifiable_events",
        "offer_lists",
        "offers",
        "required_information",
        "routes",
        "routing",
        "status_definitions",
        "variables",
        "workforce",
    }
)

#: Why a declaration of the other collections computes nothing by itself.
_NOT_EVALUATED = {
    "glossary": "a glossary term",
    "readings": "a reading",
    "duties": "a checklist duty (label the entry duty)",
    "reference_tables": "reference data",
    "services": "a service's name",
}


def computed_ids(spec: CouncilSpec) -> set[str]:
    """The qualified ids of the declarations the library evaluates: deadlines, cohorts,
    exclusions, limits, routes, requirements, routing, notices, offers, areas, statuses,
    variables, computations, calendars and contacts; obligations with a schedule, a
    relative timing or a deadline (a trigger alone dates nothing); every billing term, KPI
    and monitoring gate; and the outcomes a KPI measures. Glossary terms, readings,
    duties, reference tables, services and outcomes no KPI measures are text the library
    shows, not decides."""
    found = {f"{c}/{i}" for c, i, _ in _rules(spec) if c in _EVALUATED}
    for obligation in spec.all_obligations():
        timed = obligation.schedule or obligation.relative_to or obligation.deadline
        if timed is not None:
            found.add(f"obligations/{obligation.id}")
    if spec.monitoring is not None:
        found |= {f"outcomes/{k.outcome}" for k in spec.monitoring.kpis if k.outcome}
    found |= {i for i in referable_ids(spec) if i.startswith(("billing", "monitoring/"))}
    return found


def _why_not_computed(spec: CouncilSpec, rule_id: str) -> str:
    collection = rule_id.split("/", 1)[0]
    if collection == "obligations":
        return f"{rule_id} has a trigger but no schedule or deadline"
    if collection == "outcomes":
        return f"{rule_id} is measured by no KPI"
    return f"{rule_id} is {_NOT_EVALUATED.get(collection, 'not evaluated')}"


def rule_entry_violations(spec: CouncilSpec) -> list[Violation]:
    """Entries labelled ``rule`` that name nothing the library evaluates
    (:func:`computed_ids`): each names the entry, its quote and why every id it names
    does not compute. Text a person monitors is a ``duty`` with its evidence question;
    the rest is ``not-encoded`` with a reason."""
    register = spec.register
    if register is None:
        return []
    computed = computed_ids(spec)
    found = []
    for number, entry in enumerate(register.entries, start=1):
        if entry.status is not EntryStatus.RULE or computed & set(entry.rules):
            continue
        whys = "; ".join(_why_not_computed(spec, r) for r in entry.rules)
        found.append(
            Violation(
                f"register/{number} {entry.clause}",
                "rule-computes",
                f"labelled rule at {entry.start!r} but names nothing the library evaluates "
                f"({whys}): name the deadline, obligation, requirement, KPI... that decides "
                "it, or relabel it duty (with its evidence question) or not-encoded "
                "(with a reason)",
            )
        )
    return found


def register_violations(spec: CouncilSpec, text: str | None = None) -> list[Violation]:
    """What keeps the council's register from accounting for its whole text: no register,
    entries whose quotes are not found, entries naming ids that do not exist, declared
    rules no entry reaches, and every sentence no entry covers (with its line)."""
    register = spec.register
    if register is None:
        return [
            Violation(
                "register",
                "register",
                "no clause register: declare CouncilSpec.register (see the tutorial)",
            )
        ]
    found = []
    result = coverage(register, text)
    found += [Violation("register", "register", problem) for problem in result.problems]
    known = referable_ids(spec)
    named: set[str] = set()
    for entry in register.entries:
        for rule_id in entry.rules:
            named.add(rule_id)
            if rule_id not in known:
                found.append(
                    Violation(
                        f"register/{entry.clause}",
                        "register",
                        f"names {rule_id!r}, which this council does not declare",
                    )
                )
    for rule_id in sorted(set(rule_ids(spec)) - named):
        found.append(Violation(rule_id, "register", "is declared but no register entry names it"))
    for sentence in result.uncovered:
        found.append(
            Violation(
                f"line {sentence.line}",
                "coverage",
                f"sentence {sentence.number} is not accounted for: {sentence.text!r}",
            )
        )
    return found


def _check_monitoring(spec: CouncilSpec) -> Iterator[Violation]:
    """The monitoring declaration names rules, obligations and outcomes that exist, and
    each KPI cites this council's text."""
    if spec.monitoring is None:
        return
    try:
        check_references(spec, spec.monitoring)
    except ModelValueError as exc:
        yield Violation("monitoring", "monitoring", exc.message)
    for kpi in spec.monitoring.kpis:
        if kpi.citation.spec != spec.id:
            yield Violation(
                f"monitoring/kpis/{kpi.id}",
                "monitoring",
                f"cites specification {kpi.citation.spec!r}, not this council's {spec.id!r}",
            )


def check_council(spec: CouncilSpec, snapshot: Path | None = None) -> list[Violation]:
    """Every violation in ``spec``; with ``snapshot`` (a file of ids, one per line), ids
    that disappeared since it was written are violations too."""
    found = [
        *_check_citations(spec),
        *_check_deadlines(spec),
        *_check_steps(spec),
        *_check_obligations(spec),
        *_check_contacts(spec),
        *_check_billing(spec),
        *_check_eligibility(spec),
        *_check_routing_dead_ends(spec),
        *_check_deadline_calendars(spec),
        *_check_limit_readings(spec),
        *register_violations(spec),
        *rule_entry_violations(spec),
        *_check_monitoring(spec),
    ]
    if snapshot is not None and snapshot.exists():
        previous = {line.strip() for line in snapshot.read_text(encoding="utf-8").splitlines()}
        for gone in sorted(previous - set(rule_ids(spec)) - {""}):
            found.append(
                Violation(
                    gone,
                    "stable-ids",
                    "was in the snapshot and is gone: ids are stable; "
                    "restore it, or update the snapshot on purpose",
                )
            )
    return found


def _fail_listing(check: str, violations: list[str]) -> None:
    """Fail the test with every violation on its own line (a bare ``assert`` inside an
    installed library is not rewritten by pytest, and would say nothing)."""
    if violations:
        import pytest

        listing = "\n".join(f"  - {v}" for v in violations)
        pytest.fail(f"{len(violations)} {check} violation(s):\n{listing}", pytrace=False)


class ConformanceSuite:
    """pytest base class: subclass it with ``council_id`` (and optionally ``snapshot``, a
    path to a file of rule ids written by :func:`rule_ids`)."""

    council_id: ClassVar[str]
    snapshot: ClassVar[Path | None] = None
    #: The specification's text; when given, every quote must occur in it.
    text: ClassVar[Path | None] = None
    #: While a council's clause register is still being written, the issue tracking it
    #: (``"#19"``): the register and coverage tests then report as expected failures
    #: naming it, instead of passing silently.
    register_pending: ClassVar[str | None] = None

    def _spec(self) -> CouncilSpec:
        from childcare_commissioning.registry import load_registry

        return load_registry(only=[self.council_id]).council(self.council_id).spec

    def _violations(self, check: str) -> list[str]:
        return [str(v) for v in check_council(self._spec(), self.snapshot) if v.check == check]

    def _expect_none(self, check: str) -> None:
        _fail_listing(check, self._violations(check))

    def _pending(self) -> None:
        if self.register_pending is not None:
            import pytest

            pytest.xfail(f"clause register in progress ({self.register_pending})")

    def test_loads_through_its_entry_point(self) -> None:
        """The plugin registers through the entry point; no hook is misspelled."""
        found = self._spec().id
        if found != self.council_id:
            _fail_listing("loading", [f"entry point {self.council_id!r} loaded council {found!r}"])

    def test_every_rule_is_cited(self) -> None:
        """Every rule cites this council's specification with a clause and a quote."""
        self._expect_none("citation")

    def test_deadline_rules_evaluate_on_the_grid(self) -> None:
        """Every deadline rule answers across bank holidays and clock changes."""
        self._expect_none("deadline")

    def test_routing_and_notices_evaluate(self) -> None:
        """Every routing rule and notifiable event resolves its steps."""
        self._expect_none("routing")

    def test_obligations_list(self) -> None:
        """Two years of obligations can be listed."""
        self._expect_none("obligations")

    def test_contacts_are_well_formed(self) -> None:
        """Phone numbers and emails parse."""
        self._expect_none("contact")

    def test_billing_terms_are_consistent(self) -> None:
        """Budgets, discounts and mileage make sense."""
        self._expect_none("billing")

    def test_eligibility_answers_every_age(self) -> None:
        """Every service answers for every age from 0 to 30 and every status."""
        self._expect_none("eligibility")

    def test_every_quotation_is_in_the_text(self) -> None:
        """Each quote (its parts around '...') occurs in the specification's text."""
        if self.text is None:
            return
        text = self.text.read_text(encoding="utf-8")
        _fail_listing("quotes", [str(v) for v in quote_violations(self._spec(), text)])

    def test_register_names_existing_rules(self) -> None:
        """The clause register places every entry in the text, names only declared ids,
        and every declared rule is reached from some entry."""
        self._pending()
        self._expect_none("register")

    def test_every_rule_entry_computes(self) -> None:
        """Every entry labelled ``rule`` names at least one declaration the library
        evaluates; text a person checks is a duty, the rest not-encoded with a reason."""
        self._pending()
        self._expect_none("rule-computes")

    def test_every_sentence_is_accounted_for(self) -> None:
        """100 % of the text's sentences are covered by a register entry."""
        self._pending()
        self._expect_none("coverage")

    def test_shipped_text_is_the_specification(self) -> None:
        """The text the plugin ships (and the register is measured on) is the
        specification's text itself."""
        register = self._spec().register
        if self.text is None or register is None:
            return
        if self.text.read_text(encoding="utf-8") != register.text():
            _fail_listing(
                "shipped-text",
                [f"{register.package}/{register.resource} differs from {self.text}"],
            )

    def test_monitoring_declaration_is_consistent(self) -> None:
        """What the council declares for monitoring names its own rules, obligations and
        outcomes, and every KPI cites its text."""
        self._expect_none("monitoring")

    def test_ids_are_stable(self) -> None:
        """No rule id in the snapshot has disappeared."""
        self._expect_none("stable-ids")

    def test_no_routing_dead_end(self) -> None:
        """Every concern the council routes reaches somebody at every instant of the grid."""
        self._expect_none("routing-dead-end")

    def test_emergency_deadlines_run_on_their_calendar(self) -> None:
        """Emergency and out-of-hours rules do not count office working days unless a
        Reading says the text means them."""
        self._expect_none("deadline-calendar")

    def test_limit_margins_and_areas_are_declared(self) -> None:
        """Review margins name their Reading; area rules name declared areas."""
        self._expect_none("limit-reading")
