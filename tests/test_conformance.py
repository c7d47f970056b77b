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
