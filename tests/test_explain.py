"""Explanations name their source fully: every cited result in JSON output names the
rules that carry its citation and the plugin distribution and version it came from."""

from __future__ import annotations

import copy
import json

import pytest

from childcare_commissioning.cli import main
from childcare_commissioning.explain import explain, rules_by_citation, source_of
from childcare_commissioning.registry import get_registry

TESTSHIRE_SOURCE = {
    "council": "testshire",
    "distribution": "childcare-commissioning-testshire",
    "version": "0.1.0",
    "specification": "Testshire outreach support (invented for tests)",
    "specification_version": "1.0",
}


def test_source_names_the_plugin_and_the_specification() -> None:
    assert TESTSHIRE_SOURCE == source_of(get_registry().council("testshire"))


def test_a_citation_shared_by_two_declarations_names_both() -> None:
    """Testshire's incident-notice deadline and its incident notifiable event both cite
    §5 "in writing within 24 hours" (see the plugin), so the citation names both."""
    index = rules_by_citation(get_registry().council("testshire").spec)
    assert ["deadlines/incident-notice", "notifiable_events/incident"] == index[
        ("testshire", "5 Incidents", "in writing within 24 hours")
    ]


def test_deadlines_json_carries_rule_citation_and_source(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`deadlines --format json` for a referral received: each due date keeps its
    rule_id and citation, and gains the rules and the plugin it came from."""
    argv = ["deadlines", "--council", "testshire", "--at", "2025-03-29T10:00"]
    assert 0 == main([*argv, "--trigger", "referral-received", "--format", "json"])
    results = json.loads(capsys.readouterr().out)
    by_rule = {r["rule_id"]: r for r in results}
    assert ["deadlines/referral-response"] == by_rule["referral-response"]["rules"]
    assert ["deadlines/service-day-callback"] == by_rule["service-day-callback"]["rules"]
    assert all(TESTSHIRE_SOURCE == r["source"] for r in results)


def test_explain_leaves_its_input_alone() -> None:
    council = get_registry().council("testshire")
    data = {
        "findings": [
            {
                "code": "x",
                "citation": {
                    "spec": "testshire",
                    "clause": "8 Staff",
                    "quote": "an enhanced DBS check renewed every three years",
                },
            },
            {"code": "uncited", "citation": None},
        ]
    }
    before = copy.deepcopy(data)
    explained = explain(data, council)
    assert before == data
    assert ["workforce/dbs"] == explained["findings"][0]["rules"]
    assert "rules" not in explained["findings"][1]  # nothing cited, nothing claimed
    assert TESTSHIRE_SOURCE == explained["source"]
