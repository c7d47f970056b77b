"""Shared fixtures: plugin distributions made on the fly for registry tests."""

from __future__ import annotations

import os
import textwrap
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

MakeDist = Callable[..., str]


@pytest.fixture
def make_plugin_dist(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> MakeDist:
    """Write a real distribution (``*.dist-info`` with an entry point) onto ``sys.path``.

    This is what ``pip install`` leaves behind, so ``importlib.metadata`` discovers it the
    same way; no registry internals are patched. Returns the entry-point name.
    """
    monkeypatch.syspath_prepend(str(tmp_path))

    def make(
        dist: str, entry: str, source: str, module: str | None = None, requires: Sequence[str] = ()
    ) -> str:
        module = module or f"ccplugin_{entry}_{dist.replace('-', '_')}"
        (tmp_path / f"{module}.py").write_text(textwrap.dedent(source), encoding="utf-8")
        info = tmp_path / f"{dist.replace('-', '_')}-1.2.3.dist-info"
        info.mkdir()
        requirements = "".join(f"Requires-Dist: {line}\n" for line in requires)
        (info / "METADATA").write_text(
            f"Metadata-Version: 2.1\nName: {dist}\nVersion: 1.2.3\n{requirements}",
            encoding="utf-8",
        )
        (info / "entry_points.txt").write_text(
            f"[childcare_commissioning.councils]\n{entry} = {module}\n", encoding="utf-8"
        )
        return entry

    return make


@pytest.fixture(autouse=True)
def _fresh_calendars_under_mutation() -> None:
    """Under `scripts/mutation` (mutmut sets MUTANT_UNDER_TEST), calendars built before the
    mutant was switched on would be served from working_calendar's cache, hiding mutants
    of the calendar's construction: build them afresh for every test there."""
    if os.environ.get("MUTANT_UNDER_TEST"):
        from childcare_commissioning.calendars import working_calendar

        working_calendar.cache_clear()
