"""Tests that need a system tool: required in CI, skipped with a reason elsewhere."""

from __future__ import annotations

import os

import pytest

__all__ = ["require_tool"]


def require_tool(reason: str) -> None:
    """A test needs a system tool that is missing (Chromium, Java): in CI (``CI=true``)
    that is a failure, since scripts/test installs them there; elsewhere (a laptop, a
    shared machine where apt-get is not ours to run) the test is skipped, saying why."""
    if os.environ.get("CI", "").lower() in ("true", "1", "yes"):
        pytest.fail(f"{reason} (CI=true: required)")
    pytest.skip(f"{reason} (skipped outside CI; CI=true requires it)")
