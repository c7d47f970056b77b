"""``new-council``: scaffold a complete council plugin distribution.

The generated distribution installs and passes its own tests (the conformance kit and a
hand-worked example) as generated. Its example rules are placeholders with placeholder
citations: replace each with the council's own text, following ``SPEC-NOTES.md``.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import unicodedata
from pathlib import Path
from string import Template

__all__ = ["compatible_range", "scaffold"]

MAX_NAME = 40
"""The longest council id accepted (it becomes a folder, a module and a distribution name)."""

_NAME = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")

_PYPROJECT = """\
[build-system]
requires = ["hatchling>=1.21"]
build-backend = "hatchling.build"

[project]
name = "childcare-commissioning-$name"
version = "0.1.0"
description = "$title's specification as cited rules for childcare-commissioning."
readme = "README.md"
requires-python = ">=3.11"
# The core versions this council works with (the registry refuses it under any other):
# widen the range once the plugin's tests pass under a newer core.
dependencies = ["childcare-commissioning$core_range"]

[project.optional-dependencies]
# The conformance kit checks the council's contacts (the core's contacts extra).
test = ["pytest>=8", "hypothesis>=6.100", "childcare-commissioning[contacts]"]

[project.entry-points."childcare_commissioning.councils"]
$name = "$module"

[tool.hatch.build.targets.wheel]
packages = ["src/$module"]
"""

_README = """\
# childcare-commissioning-$name

$title's specification as cited rules for childcare-commissioning, registered through the
`childcare_commissioning.councils` entry point as council id `$name`.

    pip install -e .[test]
    pytest                      # the conformance kit and the hand-worked examples
    childcare-commissioning councils

The sections below are the ones every council plugin's README has, in this order: fill
each in as the transcription goes (`SPEC-NOTES.md`).

## The text in three numbers

`childcare-commissioning clauses --summary --council $name`: the sentences computed, on
the monitoring checklist and not decided, plus context.

## The whole text accounted for

The plugin ships its text (`specification.txt`) and a clause register (`register.py`)
that accounts for every one of its sentences (`clauses --council $name`).

## What is covered

Placeholders: replace each rule in `src/$module/rules/` with the council's own text and
citation.

## Readings

Where the text is unclear, the reading chosen (`rules/readings.py`, shown in the
handbook).

## What the library does not decide

The `not-encoded` entries of the register, with their reasons.

## Examples

The documents of `examples/`, and what the commands answer over them.

## The package

The shape every council plugin shares: `__init__.py` (SPEC and the hooks), `rules/` (one
module per kind of declaration), `duties.py`, `register.py`, `monitoring.py`, `checks.py`,
`examples/`; the tests beside it are named for the same roles.
"""

_NOTES = """\
# Transcribing $title's specification

1. Replace `src/$module/specification.txt` with the specification's text, byte for byte
   (the plugin ships it: the clause register is measured on it). This plugin's
   specification id is `$name`: every `Citation` names that id, the clause (its number
   and heading) and a short verbatim quote.
2. Declare the council's metadata: specification title, version, effective dates,
   services, areas.
3. Go through the text clause by clause. For each operational rule choose the rule kind:
   deadlines (`DeadlineRule`), schedules and duties (`Obligation`), referral routes and
   eligibility (`ReferralRoute`, `Cohort`, `Exclusion`, `Limit`, `RequiredInformation`,
   `Offer`), workforce (`Requirement`), safeguarding (`Contact`, `RoutingRule`,
   `NotifiableEvent`), billing (`BillingTerms`), glossary (`GlossaryTerm`). Each goes in
   the `rules/` module of its kind (`timing`, `referrals`, `workforce`, `safeguarding`,
   `billing`, `outcomes`, `glossary`, `readings`), re-exported by `rules/__init__.py`;
   code goes in `checks.py`, named by a `Computation` in `duties.py`.
4. Where the text is ambiguous or contradicts itself, choose a reading, record it as a
   `Reading` and test it.
5. For each rule write a test whose expected value you work out from the text by hand,
   with the reasoning in its docstring.
6. Account for every sentence in the clause register (`REGISTER`), in the text's order:
   `rule` (naming the rule ids that carry it, at least one the library evaluates),
   `duty` (naming `Duty` declarations: who owes it, to whom, the evidence, the question a
   contract manager asks; outcome prose and obligations with a trigger and no time are
   duties, `checklist_duty`), `definition`,
   `context` (background only) or `not_encoded` (with the reason). The kit fails on
   every sentence left out: `childcare-commissioning clauses --council $name
   --uncovered` lists them.
7. Run `pytest`: the conformance kit checks citations, ids, deadlines on a grid of awkward
   dates, contacts, billing terms, eligibility for every age, that every quote is in the
   text, and that the register accounts for 100 % of its sentences.
"""

_TEXT = """\
$title service specification (placeholder: replace this file with the council's own text)

1 Purpose
placeholder: the sentence that describes the service.

2 Scope
placeholder: children aged up to 17 who are in need or looked after.

3 Hours
placeholder: Monday to Friday, except bank holidays.

4 Referrals
placeholder: referrals come from social workers.
placeholder: within three working days of a referral, the provider responds.

5 Staff
placeholder: enhanced DBS renewed every three years.
placeholder: staff do not smoke in a family's home.

6 Safeguarding
placeholder: concerns about a child go to the duty team.
placeholder: duty team 0113 496 0000.
placeholder: immediately, by phone.

7 Monitoring
placeholder: quarterly monitoring reports.

8 Payment
placeholder: invoices monthly in arrears.
placeholder: £15-20 an hour.

9 Other
placeholder: a clause the plugin does not encode.

Glossary
placeholder: Care Plan, the council's plan for a child.
"""

_CITE = '''\
"""Citations into $title's specification (every rule module uses ``cite``)."""

from childcare_commissioning import Citation


def cite(clause: str, quote: str) -> Citation:
    """A citation into this council's specification."""
    return Citation("$name", clause, quote)
'''

_RULES_INIT = '''\
"""$title: the declarations the library evaluates, one module per role (the same names
in every council plugin): ``timing`` (calendars, deadlines, obligations), ``referrals``
(areas, services, routes, cohorts), ``workforce``, ``safeguarding`` (contacts, routing),
``billing``, ``outcomes`` (outcome measures, reference tables), ``glossary`` and
``readings``. Every name is importable from ``rules`` itself. (Scaffolded placeholders:
replace each with the council's own text and citation.)"""

from __future__ import annotations

from $module.rules.billing import BILLING
from $module.rules.glossary import GLOSSARY
from $module.rules.readings import READINGS
from $module.rules.referrals import AREAS, COHORTS, ROUTES, SERVICES
from $module.rules.safeguarding import CONTACTS, ROUTING
from $module.rules.timing import CALENDARS, DEADLINES, OBLIGATIONS
from $module.rules.workforce import WORKFORCE

__all__ = [
    "AREAS",
    "BILLING",
    "CALENDARS",
    "COHORTS",
    "CONTACTS",
    "DEADLINES",
    "GLOSSARY",
    "OBLIGATIONS",
    "READINGS",
    "ROUTES",
    "ROUTING",
    "SERVICES",
    "WORKFORCE",
]
'''

_RULES_TIMING = '''\
"""$title: calendars, deadlines and dated obligations."""

from __future__ import annotations

from childcare_commissioning.calendars import CalendarSpec
from childcare_commissioning.deadlines import DeadlineRule, Party
from childcare_commissioning.durations import Duration, DurationKind
from childcare_commissioning.obligations import Obligation, ObligationKind
from childcare_commissioning.schedules import Phase, Schedule

from $module._cite import cite

CALENDARS = (
    CalendarSpec(
        "office-hours",
        "Office hours: Monday to Friday except bank holidays",
        citation=cite("3 Hours", "placeholder: Monday to Friday"),
    ),
)
DEADLINES = (
    DeadlineRule(
        id="referral-response",
        title="Respond to a referral",
        trigger="referral-received",
        duration=Duration(DurationKind.WORKING_DAYS, 3),
        citation=cite("4 Referrals", "placeholder: within three working days"),
    ),
    DeadlineRule(
        id="immediately",
        title="Immediately",
        trigger="concern",
        duration=Duration(DurationKind.IMMEDIATELY),
        citation=cite("6 Safeguarding", "placeholder: immediately"),
    ),
)
OBLIGATIONS = (
    Obligation(
        id="quarterly-report",
        title="Quarterly monitoring report",
        kind=ObligationKind.REPORT,
        owed_by=Party.PROVIDER,
        schedule=Schedule(phases=(Phase(Duration(DurationKind.MONTHS, 3)),)),
        citation=cite("7 Monitoring", "placeholder: quarterly"),
    ),
)
'''

_RULES_REFERRALS = '''\
"""$title: areas, services, referral routes and who is eligible."""

from __future__ import annotations

from childcare_commissioning import Area, Service
from childcare_commissioning.eligibility import AgeBand, Cohort
from childcare_commissioning.model import Status
from childcare_commissioning.referrals import ReferralRoute

from $module._cite import cite

AREAS = (Area("$name", "$title", "council"),)
SERVICES = (
    Service("main", "Main service", "What the service does.", cite("2 Scope", "placeholder")),
)
ROUTES = (
    ReferralRoute(
        id="social-worker",
        name="Referral by the council's social workers",
        referrer_roles=frozenset({"social-worker"}),
        citation=cite("4 Referrals", "placeholder: referrals come from social workers"),
    ),
)
COHORTS = (
    Cohort(
        "children",
        "Children in need or looked after, up to 17",
        cite("2 Scope", "placeholder: children aged up to 17"),
        statuses=frozenset({Status.CHILD_IN_NEED, Status.LOOKED_AFTER}),
        ages=AgeBand(None, 17),
    ),
)
'''

_RULES_WORKFORCE = '''\
"""$title: staff requirements."""

from __future__ import annotations

from childcare_commissioning.durations import Duration, DurationKind
from childcare_commissioning.workforce import Requirement, RequirementKind

from $module._cite import cite

WORKFORCE = (
    Requirement(
        "dbs",
        RequirementKind.CHECK,
        "dbs-enhanced",
        "Enhanced DBS check every three years",
        cite("5 Staff", "placeholder: enhanced DBS renewed every three years"),
        refresh=Duration(DurationKind.YEARS, 3),
    ),
)
'''

_RULES_SAFEGUARDING = '''\
"""$title: safeguarding contacts and where each kind of concern goes."""

from __future__ import annotations

from childcare_commissioning.model import Channel
from childcare_commissioning.safeguarding import Concern, Contact, RouteStep, RoutingRule

from $module._cite import cite

CONTACTS = (
    Contact(
        "duty-team",
        "$title",
        "childrens-services",
        cite("6 Safeguarding", "placeholder: duty team 0113 496 0000"),
        phone="0113 496 0000",
    ),
)
ROUTING = (
    RoutingRule(
        "child",
        Concern.CHILD,
        (RouteStep("duty-team", Channel.PHONE, "immediately"),),
        cite("6 Safeguarding", "placeholder: concerns about a child"),
    ),
)
'''

_RULES_BILLING = '''\
"""$title: billing terms."""

from __future__ import annotations

from decimal import Decimal

from childcare_commissioning.billing import BillingCycle, BillingTerms, RateBand

from $module._cite import cite

BILLING = BillingTerms(
    cycle=BillingCycle.MONTHLY,
    citation=cite("8 Payment", "placeholder: invoices monthly in arrears"),
    rate_bands=(
        RateBand(
            "hourly",
            "Hourly rate",
            Decimal(15),
            Decimal(20),
            cite("8 Payment", "placeholder: £15-20"),
        ),
    ),
)
'''

_RULES_GLOSSARY = '''\
"""$title: the glossary."""

from __future__ import annotations

from childcare_commissioning import GlossaryTerm

from $module._cite import cite

GLOSSARY = (GlossaryTerm("Care Plan", "Placeholder definition.", cite("Glossary", "placeholder")),)
'''

_RULES_READINGS = '''\
"""$title: where the text is unclear or contradicts itself, the reading chosen."""

from __future__ import annotations

from childcare_commissioning import Reading

from $module._cite import cite

READINGS = (
    Reading(
        "placeholder",
        "Placeholder: what the text leaves unclear.",
        "Placeholder: the reading chosen, and why.",
        cite("2 Scope", "placeholder"),
    ),
)
'''

_DUTIES = '''\
"""$title: the monitoring checklist (duties no date or number decides, each with the
evidence and the question a contract manager asks) and the rules computed in code."""

from __future__ import annotations

from childcare_commissioning.deadlines import Party
from childcare_commissioning.register import Computation, Duty

from $module._cite import cite

DUTIES = (
    Duty(
        "no-smoking",
        "Staff do not smoke in a family's home",
        Party.PROVIDER,
        "families and the council",
        "placeholder: what shows it is done (a code of conduct, supervision notes)",
        "placeholder: what a contract manager asks at a monitoring visit",
        cite("5 Staff", "placeholder: staff do not smoke"),
    ),
)
COMPUTATIONS = (
    Computation(
        "response-due",
        "The date a referral must be answered by",
        "$module.checks:response_due",
        cite("4 Referrals", "placeholder: within three working days"),
    ),
)
'''

_REGISTER = '''\
"""$title: the account of the whole text, sentence by sentence, in its order."""

from __future__ import annotations

from childcare_commissioning.register import (
    Register,
    context,
    definition,
    duty,
    not_encoded,
    rule,
)

REGISTER = Register(
    (
        context("Title", "service specification (placeholder"),
        definition("1 Purpose", "placeholder: the sentence", None, "services/main"),
        rule(
            "2 Scope",
            "placeholder: children aged up to 17",
            None,
            "cohorts/children",
            "readings/placeholder",
        ),
        rule("3 Hours", "placeholder: Monday to Friday", None, "calendars/office-hours"),
        rule(
            "4 Referrals",
            "placeholder: referrals come from",
            "the provider responds.",
            "routes/social-worker",
            "deadlines/referral-response",
            "computations/response-due",
        ),
        rule("5 Staff", "placeholder: enhanced DBS", None, "workforce/dbs"),
        duty("5 Staff", "placeholder: staff do not smoke", None, "duties/no-smoking"),
        rule(
            "6 Safeguarding",
            "placeholder: concerns about a child",
            "immediately, by phone.",
            "contacts/duty-team",
            "routing/child",
            "deadlines/immediately",
        ),
        rule("7 Monitoring", "placeholder: quarterly", None, "obligations/quarterly-report"),
        rule(
            "8 Payment",
            "placeholder: invoices monthly",
            "£15-20 an hour.",
            "billing",
            "billing/rate-bands/hourly",
        ),
        not_encoded(
            "9 Other",
            "placeholder: a clause the plugin does not encode",
            None,
            "placeholder: say why it is not encoded",
        ),
        definition("Glossary", "placeholder: Care Plan", None, "glossary/Care Plan"),
    ),
    package="$module",
)
'''

_MONITORING = '''\
"""$title: what a case record system's events show (see childcare_commissioning.monitoring):
the event that discharges each deadline rule, the event that meets each dated obligation."""

from __future__ import annotations

from childcare_commissioning.monitoring.model import Completion, Monitoring, Submission

MONITORING = Monitoring(
    completions=(Completion("referral-response", "referral-responded"),),
    submissions=(Submission("quarterly-report", "quarterly-report-submitted"),),
)
'''

_CHECKS = '''\
"""$title: the rules the plugin computes in code (each named by a ``Computation`` in
``duties.COMPUTATIONS``)."""

from __future__ import annotations

import datetime as dt

from childcare_commissioning.deadlines import evaluate

from $module.rules import CALENDARS, DEADLINES


def response_due(received: dt.datetime) -> dt.date:
    """The day a referral received at ``received`` must be answered by."""
    [rule] = [d for d in DEADLINES if d.id == "referral-response"]
    return evaluate(rule, received, CALENDARS).due_date
'''

_EVENTS = """\
[
  {"trigger": "referral-received", "at": "2024-12-23T10:00:00+00:00"}
]
"""

_MODULE = '''\
"""$title: children's social care specification as cited rules (scaffolded; replace the
placeholders with the council's own text). The shape every council plugin shares:
``rules/`` (what the library evaluates), ``duties`` (the checklist and computations),
``register`` (the account of the text), ``monitoring``, ``checks`` (code), ``examples/``."""

from __future__ import annotations

import datetime as dt
from typing import Any

from childcare_commissioning import CouncilSpec, Specification
from childcare_commissioning.examples import load_examples
from childcare_commissioning.hookspecs import hookimpl

from $module._cite import cite
from $module.duties import COMPUTATIONS, DUTIES
from $module.monitoring import MONITORING
from $module.register import REGISTER
from $module.rules import (
    AREAS,
    BILLING,
    CALENDARS,
    COHORTS,
    CONTACTS,
    DEADLINES,
    GLOSSARY,
    OBLIGATIONS,
    READINGS,
    ROUTES,
    ROUTING,
    SERVICES,
    WORKFORCE,
)

__all__ = ["SPEC", "childcare_commissioning_council", "childcare_commissioning_examples"]

SPEC = CouncilSpec(
    id="$name",
    name="$title",
    specification=Specification("$title service specification", "1", dt.date(2025, 4, 1)),
    citation=cite("1 Purpose", "placeholder: the sentence that describes the service"),
    commissioners=("$title",),
    areas=AREAS,
    services=SERVICES,
    calendars=CALENDARS,
    deadlines=DEADLINES,
    obligations=OBLIGATIONS,
    routes=ROUTES,
    cohorts=COHORTS,
    workforce=WORKFORCE,
    contacts=CONTACTS,
    routing=ROUTING,
    billing=BILLING,
    glossary=GLOSSARY,
    readings=READINGS,
    duties=DUTIES,
    computations=COMPUTATIONS,
    register=REGISTER,
    monitoring=MONITORING,
)


@hookimpl
def childcare_commissioning_council() -> CouncilSpec:
    """Declare $title."""
    return SPEC


@hookimpl
def childcare_commissioning_examples(council_id: str) -> dict[str, Any] | None:
    """Example documents (``examples/``): replace with the council's own cases."""
    if council_id != SPEC.id:
        return None
    return load_examples(__name__, ("events",))
'''

_CONFORMANCE_TEST = '''\
"""$title runs the conformance kit against itself."""

from pathlib import Path

from childcare_commissioning.conformance import ConformanceSuite


class TestConformance(ConformanceSuite):
    """Every check of the kit; quotes and the register measured on the shipped text."""

    council_id = "$name"
    text = Path(__file__).parents[1] / "src" / "$module" / "specification.txt"
'''

_RULE_TEST = '''\
"""Hand-worked examples: replace with cases worked from the council's own text."""

import datetime as dt
from zoneinfo import ZoneInfo

from childcare_commissioning.deadlines import evaluate

from $module import SPEC


def test_referral_response_over_christmas() -> None:
    """Referral on Monday 23 Dec 2024: Tue 24 (1), 25-26 Dec closed, Fri 27 (2),
    Mon 30 Dec (3)."""
    at = dt.datetime(2024, 12, 23, 10, 0, tzinfo=ZoneInfo("Europe/London"))
    assert dt.date(2024, 12, 30) == evaluate(SPEC.deadline("referral-response"), at).due_date
'''


_CHECKS_TEST = '''\
"""The rules computed in code (``checks.py``), worked by hand: replace with the
council's own."""

import datetime as dt
from zoneinfo import ZoneInfo

from $module.checks import response_due


def test_response_due_over_easter() -> None:
    """Referral on Good Friday, 18 Apr 2025: Sat 19, Sun 20 and Easter Monday 21 are
    closed; Tue 22 (1), Wed 23 (2), Thu 24 Apr (3)."""
    at = dt.datetime(2025, 4, 18, 10, 0, tzinfo=ZoneInfo("Europe/London"))
    assert dt.date(2025, 4, 24) == response_due(at)
'''

_REGISTER_TEST = '''\
"""The account of the text (``register.py``), counted by hand: update with the
council's own text."""

from childcare_commissioning.register import Summary, summarise

from $module.register import REGISTER


def test_the_text_in_three_numbers() -> None:
    """16 sentences: the title and the 15 placeholder lines (the headings are under three
    words). Computed: 2 Scope, 3 Hours, 4 Referrals (2), 5 Staff's DBS, 6 Safeguarding
    (3), 7 Monitoring, 8 Payment (2) = 11; checklist: no smoking = 1; not decided: 9 Other
    = 1; context: the title, 1 Purpose, Glossary = 3."""
    assert Summary(16, 11, 1, 1, 3, 0) == summarise(REGISTER)
'''

_DUTIES_TEST = '''\
"""The checklist and the computations (``duties.py``): replace with the council's own."""

from childcare_commissioning.register import EntryStatus

from $module import SPEC


def test_no_smoking_is_a_checklist_item_and_the_response_is_computed() -> None:
    """5 Staff: 'staff do not smoke' is monitored by a person (a duty entry); 4 Referrals'
    response date is computed by checks.response_due."""
    carried = [e.status for e in SPEC.register.entries if "duties/no-smoking" in e.rules]
    assert [EntryStatus.DUTY] == carried
    assert ["$module.checks:response_due"] == [c.function for c in SPEC.computations]
'''

_MONITORING_TEST = '''\
"""What events show (``monitoring.py``), worked by hand: replace with the council's own."""

import datetime as dt

from childcare_commissioning.monitoring import DutyStatus, Monitor, end_of_day, read_events

from $module import SPEC


def test_a_response_after_the_christmas_deadline_is_late() -> None:
    """Referral Mon 23 Dec 2024 10:00, due Mon 30 Dec (three working days: Tue 24, Fri 27,
    Mon 30); the response on Tue 31 Dec is late."""
    log = [
        '{"case": "C1", "kind": "referral-received", "at": "2024-12-23T10:00"}',
        '{"case": "C1", "kind": "referral-responded", "at": "2024-12-31T09:00"}',
    ]
    monitor = Monitor(SPEC, end_of_day(dt.date(2025, 1, 10)))
    [status] = monitor.feed_all(read_events(log))
    assert (dt.date(2024, 12, 30), DutyStatus.LATE) == (status.due_date, status.status)
'''

_EXAMPLES_TEST = '''\
"""The examples hook's documents (``examples/``): replace with the council's own."""

import datetime as dt

from childcare_commissioning.deadlines import evaluate

from $module import SPEC, childcare_commissioning_examples


def test_the_example_referral_is_due_after_christmas() -> None:
    """The example event: a referral at 10:00 GMT on Mon 23 Dec 2024, answered by Mon 30
    Dec (Tue 24, Fri 27, Mon 30)."""
    examples = childcare_commissioning_examples(SPEC.id)
    assert examples is not None
    [event] = examples["events"]
    at = dt.datetime.fromisoformat(event["at"])
    assert dt.date(2024, 12, 30) == evaluate(SPEC.deadline("referral-response"), at).due_date
'''


def compatible_range(core: str) -> str:
    """The range of core versions a plugin written against ``core`` declares: from ``core``
    up to the next release that may break plugins (the next minor release while the major
    is 0, the next major after: ``0.1.0`` gives ``>=0.1.0,<0.2``, ``1.4.2`` ``>=1.4.2,<2``).
    """
    from packaging.version import Version

    version = Version(core)
    upper = f"0.{version.minor + 1}" if version.major == 0 else str(version.major + 1)
    return f">={version.public},<{upper}"


class ScaffoldError(ValueError):
    """The council name is not usable or the target exists."""


def scaffold(name: str, target: Path, title: str | None = None) -> Path:
    """Write a plugin distribution for council ``name`` into ``target/name`` and return
    its folder. ``name`` is the council id (lower case, digits and hyphens)."""
    if len(name) > MAX_NAME:
        raise ScaffoldError(f"council name is {len(name)} characters; at most {MAX_NAME}")
    if not _NAME.fullmatch(name):
        raise ScaffoldError(
            f"council name {name!r} must start with a letter and be lower case letters and "
            "digits, words joined by '-'"
        )
    title = _check_title(title)
    folder = target / name
    if folder.exists() or folder.is_symlink():
        raise ScaffoldError(f"{folder} already exists; choose another --dir or remove it")
    from childcare_commissioning import __version__

    module = "childcare_commissioning_" + name.replace("-", "_")
    values = {
        "core_range": compatible_range(__version__),
        "name": name,
        "module": module,
        "title": title or name.replace("-", " ").title() + " Council",
    }
    files = {
        "pyproject.toml": _PYPROJECT,
        "README.md": _README,
        "SPEC-NOTES.md": _NOTES,
        f"src/{module}/__init__.py": _MODULE,
        f"src/{module}/_cite.py": _CITE,
        f"src/{module}/rules/__init__.py": _RULES_INIT,
        f"src/{module}/rules/timing.py": _RULES_TIMING,
        f"src/{module}/rules/referrals.py": _RULES_REFERRALS,
        f"src/{module}/rules/workforce.py": _RULES_WORKFORCE,
        f"src/{module}/rules/safeguarding.py": _RULES_SAFEGUARDING,
        f"src/{module}/rules/billing.py": _RULES_BILLING,
        f"src/{module}/rules/glossary.py": _RULES_GLOSSARY,
        f"src/{module}/rules/readings.py": _RULES_READINGS,
        f"src/{module}/duties.py": _DUTIES,
        f"src/{module}/register.py": _REGISTER,
        f"src/{module}/monitoring.py": _MONITORING,
        f"src/{module}/checks.py": _CHECKS,
        f"src/{module}/examples/events.json": _EVENTS,
        f"src/{module}/py.typed": "",
        f"src/{module}/specification.txt": _TEXT,
        "tests/test_conformance.py": _CONFORMANCE_TEST,
        "tests/test_rules.py": _RULE_TEST,
        "tests/test_register.py": _REGISTER_TEST,
        "tests/test_duties.py": _DUTIES_TEST,
        "tests/test_monitoring.py": _MONITORING_TEST,
        "tests/test_checks.py": _CHECKS_TEST,
        "tests/test_examples.py": _EXAMPLES_TEST,
    }
    # Written into a new folder beside the plugin's and renamed into place when complete:
    # a failure leaves no half-written plugin.
    try:
        target.mkdir(parents=True, exist_ok=True)
        building = Path(tempfile.mkdtemp(dir=target, prefix=f".{name}."))
    except OSError as exc:
        raise ScaffoldError(f"{target}: cannot create the plugin here ({exc.strerror})") from None
    try:
        for relative, template in files.items():
            path = building / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(Template(template).substitute(values), encoding="utf-8")
        building.chmod(0o777 & ~_umask())
        os.rename(building, folder)
    except OSError as exc:
        raise ScaffoldError(f"{folder}: cannot be written ({exc.strerror})") from None
    finally:
        shutil.rmtree(building, ignore_errors=True)
    return folder


def _umask() -> int:
    umask = os.umask(0o022)
    os.umask(umask)
    return umask


MAX_TITLE = 120
"""The longest council title accepted."""


def _check_title(title: str | None) -> str | None:
    """``title`` if it can stand, as written, inside the generated Python, TOML and
    Markdown; otherwise a :class:`ScaffoldError` naming the rule."""
    if title is None:
        return None
    if not title.strip() or title != title.strip():
        raise ScaffoldError("--title must not be empty or start or end with a space [title]")
    if len(title) > MAX_TITLE:
        raise ScaffoldError(f"--title is {len(title)} characters; at most {MAX_TITLE} [title]")
    if any(c in '"\\`' or unicodedata.category(c)[0] == "C" for c in title):
        raise ScaffoldError(
            "--title must not hold a double quote, a backslash, a backtick, a line break or "
            "another control character (it is written inside Python and TOML strings) [title]"
        )
    return title
