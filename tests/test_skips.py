"""The browser and Spark tests: skipped with a reason outside CI, required in it (#39)."""

from __future__ import annotations

import pytest

from tests.skips import require_tool


@pytest.mark.parametrize("ci", ["", "false", "0"])
def test_outside_ci_a_missing_tool_skips_saying_why(
    monkeypatch: pytest.MonkeyPatch, ci: str
) -> None:
    monkeypatch.setenv("CI", ci)
    with pytest.raises(pytest.skip.Exception, match=r"Java is needed.*skipped outside CI"):
        require_tool("Java is needed")


@pytest.mark.parametrize("ci", ["true", "TRUE", "1"])
def test_in_ci_a_missing_tool_fails(monkeypatch: pytest.MonkeyPatch, ci: str) -> None:
    monkeypatch.setenv("CI", ci)
    with pytest.raises(pytest.fail.Exception, match=r"Java is needed \(CI=true: required\)"):
        require_tool("Java is needed")
