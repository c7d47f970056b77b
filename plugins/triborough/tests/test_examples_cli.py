"""The bundled examples through the CLI, with the answers plugins/triborough/README.md states.

Worked by hand: a gross misconduct allegation on Fri 20 Dec 2024 at 15:00 (GMT) is
telephoned at once (7.5 'immediately') and reported in writing within 5 working days: Mon 23
(1), Tue 24 (2), Wed 25 and Thu 26 are bank holidays, Fri 27 (3), Mon 30 (4), Tue 31 Dec
(5). A child concern in Kensington and Chelsea on Mon 6 Jan 2025 14:00 goes to Social
Services on 020 7361 3013 (6.6) at once (6.7 'prompt, timely').
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from childcare_commissioning.cli import main
from childcare_commissioning.registry import load_registry


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> Any:
    assert 0 == main([*argv, "--format", "json"])
    return json.loads(capsys.readouterr().out)


def test_gross_misconduct_example(capsys: pytest.CaptureFixture[str]) -> None:
    [event, _] = load_registry(only=["triborough"]).examples("triborough")["events"]
    found = run(
        capsys,
        "deadlines",
        "--council",
        "triborough",
        "--trigger",
        event["trigger"],
        "--at",
        event["at"],
    )
    assert [
        ("gross-misconduct-telephone", "2024-12-20", "2024-12-20T15:00:00+00:00"),
        ("gross-misconduct-written-report", "2024-12-31", None),
    ] == [(d["rule_id"], d["due_date"], d["due_at"]) for d in found]


def test_child_concern_example(capsys: pytest.CaptureFixture[str]) -> None:
    [_, event] = load_registry(only=["triborough"]).examples("triborough")["events"]
    [step] = run(
        capsys,
        "safeguarding",
        "route",
        "--council",
        "triborough",
        "--concern",
        "child",
        "--area",
        "kensington-and-chelsea",
        "--at",
        event["at"],
    )
    assert ("020 7361 3013", "prompt-referral", "2025-01-06T14:00:00+00:00") == (
        step["contact"]["phone"],
        step["deadline"]["rule_id"],
        step["deadline"]["due_at"],
    )


def test_clauses_summary_is_complete(capsys: pytest.CaptureFixture[str]) -> None:
    """`clauses --summary` exits 0 only at 100 %: all 234 sentences covered (see
    test_the_whole_text_is_accounted_for)."""
    [summary] = run(capsys, "clauses", "--council", "triborough", "--summary")
    assert (234, 234) == (summary["sentences"], summary["covered"])
