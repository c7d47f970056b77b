"""A plugin's declared range of core versions, read from its installed metadata and enforced
by the registry before the plugin's code is imported (#45)."""

from __future__ import annotations

import os
import subprocess
import sys
from importlib.metadata import requires
from pathlib import Path

import pytest

import childcare_commissioning
from childcare_commissioning.errors import IncompatiblePluginError, PluginLoadError
from childcare_commissioning.registry import load_registry
from childcare_commissioning.scaffold import compatible_range, scaffold

from .conftest import MakeDist
from .test_registry import GOOD_PLUGIN

# Imported only if the registry lets it through: the refusal must come before the import.
EXPLODES_ON_IMPORT = "raise RuntimeError('imported although incompatible')\n"


def _loads(make: MakeDist, dist: str, council: str, requires: list[str]) -> bool:
    """Install a well-formed plugin declaring ``requires``: whether the registry loads it."""
    make(dist, council, GOOD_PLUGIN.format(council_id=council), requires=requires)
    return council in load_registry(only=[council])


def test_testshire_declares_its_range_in_its_installed_metadata() -> None:
    """The range lives in one place, the plugin's pyproject dependency, and reaches the
    registry as the installed distribution's Requires-Dist."""
    declared = requires("childcare-commissioning-testshire") or []
    core = [r for r in declared if r.startswith("childcare-commissioning")]
    assert 1 == len(core)
    assert {">=0.1.0", "<0.2"} == set(core[0].removeprefix("childcare-commissioning").split(","))


def test_testshire_loads_under_this_core() -> None:
    """0.1.0 (this core) lies in >=0.1.0,<0.2: loaded as before."""
    assert "0.1.0" == childcare_commissioning.__version__
    assert "testshire" in load_registry(only=["testshire"])


def test_a_core_past_the_range_refuses_testshire_naming_plugin_range_and_core(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Under a core 0.2.0, Testshire's <0.2 excludes it: refused with everything needed."""
    monkeypatch.setattr(childcare_commissioning, "__version__", "0.2.0")
    with pytest.raises(IncompatiblePluginError) as caught:
        load_registry(only=["testshire"])
    error = caught.value
    assert isinstance(error, PluginLoadError)
    assert "childcare-commissioning-testshire" == error.distribution
    assert "testshire" == error.entry_point
    assert "0.2.0" == error.core_version
    message = str(error)
    assert "'testshire'" in message
    assert "childcare-commissioning-testshire 0.1.0 declares childcare-commissioning" in message
    assert ">=0.1.0" in message
    assert "<0.2" in message
    assert "the core installed is childcare-commissioning 0.2.0" in message
    assert "[plugin-core-version]" in message


# Worked by hand from PEP 440 for the range >=0.1.0,<0.2:
# 0.1.0 is the inclusive lower bound; 0.1.1.dev0 (a core between releases) is above 0.1.0
# and below 0.2; 0.1.9 is below 0.2. 0.0.9 and 0.1.0rc1 sort before 0.1.0; 0.2.0 is the
# exclusive upper bound; 0.2.0.dev0 is a pre-release of 0.2, which "<0.2" never admits.
@pytest.mark.parametrize(
    ("core", "accepted"),
    [
        ("0.1.0", True),
        ("0.1.1.dev0", True),
        ("0.1.9", True),
        ("0.0.9", False),
        ("0.1.0rc1", False),
        ("0.2.0", False),
        ("0.2.0.dev0", False),
    ],
)
def test_range_bounds(
    make_plugin_dist: MakeDist, monkeypatch: pytest.MonkeyPatch, core: str, accepted: bool
) -> None:
    """Each core version is accepted or refused as PEP 440 orders it."""
    monkeypatch.setattr(childcare_commissioning, "__version__", core)
    declared = ["childcare-commissioning>=0.1.0,<0.2"]
    if accepted:
        assert _loads(make_plugin_dist, "ccc-range", "rangeshire", declared)
    else:
        make_plugin_dist("ccc-range", "rangeshire", EXPLODES_ON_IMPORT, requires=declared)
        with pytest.raises(IncompatiblePluginError, match=f"childcare-commissioning {core};"):
            load_registry(only=["rangeshire"])


def test_no_range_declared_means_any_core(
    make_plugin_dist: MakeDist, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A plugin requiring the core without a range, or not at all, loads under any core."""
    monkeypatch.setattr(childcare_commissioning, "__version__", "9.9.9")
    make_plugin_dist(
        "ccc-bare",
        "bareshire",
        GOOD_PLUGIN.format(council_id="bareshire"),
        requires=["childcare-commissioning", "attrs>=23"],
    )
    make_plugin_dist("ccc-none", "noneshire", GOOD_PLUGIN.format(council_id="noneshire"))
    registry = load_registry(only=["bareshire", "noneshire"])
    assert ["bareshire", "noneshire"] == [c.id for c in registry.councils()]


def test_only_requirements_that_apply_are_enforced(
    make_plugin_dist: MakeDist, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A range under one of the plugin's extras does not bind the plugin; a marker that
    holds here (every Python this library runs on is >= 3) does."""
    monkeypatch.setattr(childcare_commissioning, "__version__", "0.1.0")
    extra = ['childcare-commissioning[ubl]>=5; extra == "docs"']
    assert _loads(make_plugin_dist, "ccc-extra", "extrashire", extra)
    make_plugin_dist(
        "ccc-marker",
        "markershire",
        EXPLODES_ON_IMPORT,
        requires=['childcare_commissioning>=5; python_version >= "3"'],
    )
    with pytest.raises(IncompatiblePluginError, match="childcare_commissioning>=5"):
        load_registry(only=["markershire"])


def test_an_unreadable_requirement_on_the_core_is_refused(
    make_plugin_dist: MakeDist,
) -> None:
    """A requirement on the core the registry cannot read cannot be judged compatible; one
    on another project is not the registry's to judge."""
    make_plugin_dist(
        "ccc-garbled", "garbledshire", EXPLODES_ON_IMPORT, requires=["childcare-commissioning>>1"]
    )
    with pytest.raises(PluginLoadError, match="unreadable requirement") as caught:
        load_registry(only=["garbledshire"])
    assert "ccc-garbled" == caught.value.distribution
    assert _loads(make_plugin_dist, "ccc-other-garbled", "othergarbled", ["attrs>>1"])


def test_the_command_line_refuses_an_incompatible_plugin_in_words(
    make_plugin_dist: MakeDist, tmp_path: Path
) -> None:
    """`councils` with an incompatible plugin installed: exit 2, one line naming it, its
    range and the core, no traceback."""
    make_plugin_dist(
        "ccc-future", "futureshire", EXPLODES_ON_IMPORT, requires=["childcare-commissioning>=1.0"]
    )
    env = {**os.environ, "PYTHONPATH": str(tmp_path), "CHILDCARE_COMMISSIONING_PLUGINS": ""}
    result = subprocess.run(
        [sys.executable, "-m", "childcare_commissioning.cli", "councils"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=120,
    )
    assert 2 == result.returncode
    assert "Traceback" not in result.stderr
    assert "'futureshire'" in result.stderr
    assert "ccc-future 1.2.3 declares childcare-commissioning>=1.0" in result.stderr
    assert "childcare-commissioning 0.1.0" in result.stderr
    assert "" == result.stdout


# Worked by hand: while the major is 0 a minor release may break plugins (0.1 -> 0.2), after
# it a major one (1.x -> 2); a dev core's range starts at itself so its own scaffold loads.
@pytest.mark.parametrize(
    ("core", "expected"),
    [
        ("0.1.0", ">=0.1.0,<0.2"),
        ("0.1.3", ">=0.1.3,<0.2"),
        ("0.2.0.dev0", ">=0.2.0.dev0,<0.3"),
        ("1.4.2", ">=1.4.2,<2"),
    ],
)
def test_a_new_plugin_declares_the_range_of_the_core_it_was_written_for(
    core: str, expected: str
) -> None:
    """compatible_range: the range new-council writes into a scaffolded pyproject."""
    assert expected == compatible_range(core)


def test_scaffolded_pyproject_declares_this_cores_range(tmp_path: Path) -> None:
    """A council scaffolded under core 0.1.0 requires childcare-commissioning>=0.1.0,<0.2."""
    folder = scaffold("hull", tmp_path)
    text = (folder / "pyproject.toml").read_text(encoding="utf-8")
    assert 'dependencies = ["childcare-commissioning>=0.1.0,<0.2"]' in text
