"""Triborough: the examples hook's documents (``examples/``) and the commands run over them."""

from __future__ import annotations

import pytest

from childcare_commissioning.registry import load_registry

from .helpers import run


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
