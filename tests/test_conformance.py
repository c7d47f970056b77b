"""The conformance kit catches broken plugins and names the rule to fix."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import attrs
import pytest

from childcare_commissioning import Citation, CouncilSpec, PluginLoadError, Specification
from childcare_commissioning.calendars import CalendarSpec
from childcare_commissioning.conformance import ConformanceSuite, check_council, rule_ids
from childcare_commissioning.deadlines import DeadlineRule
from childcare_commissioning.durations import Duration, DurationKind
from childcare_commissioning.registry import load_registry

from .conftest import MakeDist


class TestTestshireConformance(ConformanceSuite):
    """The invented council passes the kit, as every plugin must."""

    council_id = "testshire"


def _spec(**changes: object) -> CouncilSpec:
    base = load_registry(only=["testshire"]).council("testshire").spec
    return attrs.evolve(base, **changes)  # type: ignore[misc, arg-type]


def test_a_rule_citing_another_specification_is_named() -> None:
    """A deadline citing the wrong specification is a violation naming the rule."""
    spec = _spec()
    wrong = attrs.evolve(spec.deadlines[0], citation=Citation("elsewhere", "1", "a quote"))
    violations = check_council(attrs.evolve(spec, deadlines=(wrong, *spec.deadlines[1:])))
    assert ["deadlines/referral-response"] == [v.rule_id for v in violations]
    assert "citation" == violations[0].check


def test_a_calendar_without_citation_is_named() -> None:
    """A council calendar is a rule: it needs a citation."""
    spec = _spec()
    bare = attrs.evolve(spec.calendars[0], citation=None)
    [violation] = check_council(attrs.evolve(spec, calendars=(bare,)))
    assert ("calendars/testshire-service", "citation") == (violation.rule_id, violation.check)
    assert "add Citation" in violation.message


def test_a_deadline_rule_that_raises_is_named() -> None:
    """A calendar with no working days makes its working-day rule raise: caught, named."""
    spec = _spec(
        calendars=(CalendarSpec("never", "Never open", working_weekdays=frozenset()),),
        deadlines=(
            DeadlineRule(
                "callback",
                "Call back",
                "event",
                Duration(DurationKind.WORKING_DAYS, 1),
                Citation("testshire", "3", "call back"),
                calendar="never",
            ),
        ),
        obligations=(),
        notifiable_events=(),
        routing=(),
    )
    violations = [v for v in check_council(spec) if v.check == "deadline"]
    assert ["deadlines/callback"] == [v.rule_id for v in violations]
    assert "calendar 'never'" in violations[0].message


def test_removed_rule_ids_break_the_snapshot(tmp_path: Path) -> None:
    """Ids are stable: one that disappears since the snapshot is a violation."""
    spec = _spec()
    snapshot = tmp_path / "rule-ids.txt"
    snapshot.write_text("\n".join(rule_ids(spec)) + "\n", encoding="utf-8")
    assert [] == check_council(spec, snapshot)
    fewer = attrs.evolve(spec, deadlines=spec.deadlines[1:])
    [violation] = [v for v in check_council(fewer, snapshot) if v.check == "stable-ids"]
    assert ("deadlines/referral-response", "stable-ids") == (violation.rule_id, violation.check)


BROKEN_SOURCE = """
import datetime as dt
from childcare_commissioning import Citation, CouncilSpec, Service, Specification
from childcare_commissioning.hookspecs import hookimpl

cite = Citation("{council}", "1", "a quote")
SERVICES = {services}

@hookimpl
def {hook}():
    return CouncilSpec(id="{council}", name="Broken", citation=cite,
                       specification=Specification("Broken", "1", dt.date(2024, 1, 1)),
                       services=SERVICES)
"""


def _suite(council: str) -> ConformanceSuite:
    suite_class = type("Suite", (ConformanceSuite,), {"council_id": council})
    return suite_class()  # type: ignore[no-any-return]


def test_a_misspelled_hook_fails_the_kit_naming_it(make_plugin_dist: MakeDist) -> None:
    """`childcare_commissioning_councl` is caught when the kit loads the plugin."""
    source = BROKEN_SOURCE.format(
        council="typoshire", services="()", hook="childcare_commissioning_councl"
    )
    make_plugin_dist("ccc-typoshire", "typoshire", source)
    with pytest.raises(PluginLoadError, match="childcare_commissioning_councl"):
        _suite("typoshire").test_loads_through_its_entry_point()


def test_a_duplicate_id_fails_the_kit_naming_it(make_plugin_dist: MakeDist) -> None:
    """Two services with id 'outreach': the load fails naming the id and the distribution."""
    services = "(Service('outreach', 'A', 'a', cite), Service('outreach', 'B', 'b', cite))"
    source = BROKEN_SOURCE.format(
        council="dupshire", services=services, hook="childcare_commissioning_council"
    )
    make_plugin_dist("ccc-dupshire", "dupshire", source)
    with pytest.raises(PluginLoadError, match=r"ccc-dupshire.*'outreach' appears twice"):
        _suite("dupshire").test_every_rule_is_cited()


def test_grid_covers_the_awkward_instants() -> None:
    """The grid includes Christmas Day, Good Friday, both clock changes (and the repeated
    hour twice), a projected year and 29 February."""
    from childcare_commissioning.conformance import GRID

    days = {g.date() for g in GRID}
    assert {
        dt.date(2024, 12, 25),
        dt.date(2025, 4, 18),
        dt.date(2025, 3, 30),
        dt.date(2025, 10, 26),
        dt.date(2028, 2, 29),
    } <= days
    assert any(g.fold == 1 for g in GRID)


def test_specification_with_no_rules_has_only_its_missing_register() -> None:
    """A bare council (metadata only) violates one thing: it gives no account of its text."""
    spec = CouncilSpec(
        id="bare",
        name="Bare",
        citation=Citation("bare", "1", "quote"),
        specification=Specification("Bare", "1", dt.date(2024, 1, 1)),
    )
    [violation] = check_council(spec)
    assert ("register", "register") == (violation.rule_id, violation.check)


# --- a rule entry must name something the library computes ------------------------------

#: A plugin that takes Testshire's text and declarations but labels two stretches `rule`
#: while naming only text: "The Provider also reports how families rate the service" by
#: its outcome (which no KPI measures) and "Care Plan: reviewed monthly." by its glossary
#: term.
TEXT_ONLY_RULES_SOURCE = """
import attrs
from childcare_commissioning.hookspecs import hookimpl
from childcare_commissioning.register import rule
from childcare_commissioning_testshire import SPEC

def _relabel(entry):
    if entry.start == "The Provider also reports how families":
        return rule(entry.clause, entry.start, None, "outcomes/family-rating")
    if entry.start == "Care Plan: reviewed monthly.":
        return rule(entry.clause, entry.start, None, "glossary/Care Plan")
    return entry

@hookimpl
def childcare_commissioning_council():
    entries = tuple(_relabel(e) for e in SPEC.register.entries)
    return attrs.evolve(
        SPEC, id="textshire", register=attrs.evolve(SPEC.register, entries=entries)
    )
"""


def test_computed_ids_are_what_the_library_evaluates() -> None:
    """Worked from Testshire's declarations: the review meeting is scheduled (quarterly,
    then six-monthly) and the monitoring return is relative to it, so both compute; the
    response outcome is measured by KPI `referral-response-kpi`, the family rating by none;
    a service's name, a glossary term and a duty compute nothing."""
    from childcare_commissioning.conformance import computed_ids

    computed = computed_ids(_spec())
    assert {
        "obligations/review-meeting",
        "obligations/monitoring-return",
        "outcomes/referral-response-kpi",
        "deadlines/referral-response",
        "workforce/dbs",
        "billing/mileage",
    } <= computed
    assert (
        not {
            "outcomes/family-rating",
            "services/outreach",
            "glossary/Care Plan",
            "duties/no-smoking",
        }
        & computed
    )


def test_a_trigger_only_obligation_does_not_make_a_rule() -> None:
    """An obligation timed by a trigger alone ('report any significant change', no time)
    dates nothing: a rule entry naming only it is listed with the reason."""
    from childcare_commissioning.conformance import rule_entry_violations
    from childcare_commissioning.obligations import Obligation, ObligationKind
    from childcare_commissioning.register import rule

    spec = _spec()
    assert spec.register is not None
    change = Obligation(
        "significant-change",
        "Report a significant change",
        ObligationKind.NOTICE,
        spec.obligations[0].owed_by,
        Citation("testshire", "6 Monitoring", "share it with the Council"),
        trigger="significant-change",
    )
    entries = tuple(
        rule(e.clause, e.start, e.end, "obligations/significant-change")
        if e.start == "review its safeguarding policy"
        else e
        for e in spec.register.entries
    )
    broken = attrs.evolve(
        spec,
        obligations=(*spec.obligations, change),
        register=attrs.evolve(spec.register, entries=entries),
    )
    [violation] = rule_entry_violations(broken)
    assert ("register/9 6 Monitoring", "rule-computes") == (violation.rule_id, violation.check)
    assert "obligations/significant-change has a trigger but no schedule or deadline" in str(
        violation
    )


def test_a_plugin_whose_rule_entries_name_only_text_fails_with_a_list(
    make_plugin_dist: MakeDist,
) -> None:
    """The installed plugin fails the kit's rule check; the failure lists both entries, each
    with its number, clause, quote and why (no bare AssertionError)."""
    make_plugin_dist("ccc-textshire", "textshire", TEXT_ONLY_RULES_SOURCE)
    with pytest.raises(pytest.fail.Exception) as failed:
        _suite("textshire").test_every_rule_entry_computes()
    message = str(failed.value)
    lines = message.splitlines()
    assert "2 rule-computes violation(s):" == lines[0]
    assert lines[1].startswith("  - [rule-computes] register/11 6 Monitoring: labelled rule at")
    assert "outcomes/family-rating is measured by no KPI" in lines[1]
    assert lines[2].startswith("  - [rule-computes] register/17 Appendix A: labelled rule at")
    assert "glossary/Care Plan is a glossary term" in lines[2]
    # The same plugin passes the checks its relabelling did not touch.
    _suite("textshire").test_every_sentence_is_accounted_for()


def test_every_kit_failure_lists_its_violations() -> None:
    """A failing check names each violation on its own line, not a bare AssertionError:
    a deadline on a calendar with no working days fails `deadline` with its rule named."""
    spec = _spec(
        calendars=(CalendarSpec("never", "Never open", working_weekdays=frozenset()),),
        deadlines=tuple(attrs.evolve(d, calendar="never") for d in _spec().deadlines[:1]),
        obligations=(),
        notifiable_events=(),
        routing=(),
    )
    suite = _suite("testshire")
    suite._spec = lambda: spec  # type: ignore[method-assign]
    with pytest.raises(pytest.fail.Exception) as failed:
        suite.test_deadline_rules_evaluate_on_the_grid()
    [head, item] = str(failed.value).splitlines()
    assert "1 deadline violation(s):" == head
    assert item.startswith("  - [deadline] deadlines/referral-response: raised")
