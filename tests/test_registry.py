"""The registry: real entry points, strict loading, clear errors naming distributions."""

from __future__ import annotations

import pytest

from childcare_commissioning.errors import (
    DuplicateCouncilError,
    PluginLoadError,
    UnknownCouncilError,
)
from childcare_commissioning.registry import PLUGINS_ENV, get_registry, load_registry

from .conftest import MakeDist

GOOD_PLUGIN = """
import datetime as dt
from childcare_commissioning.hookspecs import hookimpl
from childcare_commissioning import Citation, CouncilSpec, Specification

@hookimpl
def childcare_commissioning_council():
    return CouncilSpec(
        id="{council_id}",
        name="Made-up council",
        specification=Specification("Made-up spec", "1", dt.date(2024, 1, 1)),
        citation=Citation("made-up", "1", "a quote"),
    )
"""


def test_testshire_is_found_through_its_installed_entry_point() -> None:
    """The Testshire test distribution is installed by the test command, not patched in."""
    registry = load_registry(only=["testshire"])
    council = registry.council("testshire")
    assert "Testshire County Council" == council.name
    assert "childcare-commissioning-testshire" == council.distribution
    assert "0.1.0" == council.version
    assert ("testshire",) == tuple(c.id for c in registry.councils())


def test_default_registry_includes_testshire_and_is_cached() -> None:
    """get_registry() loads every installed plugin once per process."""
    assert "testshire" in get_registry()
    assert get_registry() is get_registry()


def test_unknown_council_lists_the_known_ones() -> None:
    """Asking for a council that is not installed names those that are."""
    registry = load_registry(only=["testshire"])
    with pytest.raises(UnknownCouncilError, match=r"unknown council 'nowhere'.*testshire"):
        registry.council("nowhere")
    with pytest.raises(LookupError):
        registry.council("nowhere")


def test_environment_variable_restricts_loading(make_plugin_dist: MakeDist) -> None:
    """Only the entry points named in the variable are loaded."""
    make_plugin_dist("ccc-other", "othershire", GOOD_PLUGIN.format(council_id="othershire"))
    both = load_registry(environ={PLUGINS_ENV: "testshire, othershire"})
    assert ["othershire", "testshire"] == [c.id for c in both.councils()]
    one = load_registry(environ={PLUGINS_ENV: "othershire"})
    assert ["othershire"] == [c.id for c in one.councils()]
    assert "ccc-other" == one.council("othershire").distribution
    assert "1.2.3" == one.council("othershire").version


def test_environment_variable_naming_a_missing_plugin_is_an_error() -> None:
    """A typo in the variable is reported, not silently ignored."""
    with pytest.raises(UnknownCouncilError, match="testshir'"):
        load_registry(environ={PLUGINS_ENV: "testshir"})


def test_duplicate_council_ids_name_both_distributions(make_plugin_dist: MakeDist) -> None:
    """Two plugins declaring 'testshire' is an error naming both distributions."""
    make_plugin_dist("ccc-impostor", "impostor", GOOD_PLUGIN.format(council_id="testshire"))
    with pytest.raises(DuplicateCouncilError) as caught:
        load_registry(only=["impostor", "testshire"])
    message = str(caught.value)
    assert "'testshire'" in message
    assert "childcare-commissioning-testshire" in message
    assert "ccc-impostor" in message


def test_plugin_that_fails_to_import_names_its_distribution(make_plugin_dist: MakeDist) -> None:
    """An exception while importing the plugin says which distribution to fix."""
    make_plugin_dist("ccc-broken", "broken", "raise RuntimeError('boom')\n")
    with pytest.raises(PluginLoadError) as caught:
        load_registry(only=["broken"])
    assert "ccc-broken" == caught.value.distribution
    assert "RuntimeError: boom" in str(caught.value)
    assert PLUGINS_ENV in str(caught.value)


def test_misspelled_hook_is_an_error(make_plugin_dist: MakeDist) -> None:
    """A hookimpl whose name matches no hookspec is caught by check_pending."""
    source = GOOD_PLUGIN.format(council_id="typo") + (
        "\n@hookimpl\ndef childcare_commissioning_councl():\n    return None\n"
    )
    make_plugin_dist("ccc-typo", "typo", source)
    with pytest.raises(PluginLoadError, match="childcare_commissioning_councl") as caught:
        load_registry(only=["typo"])
    assert "ccc-typo" == caught.value.distribution


def test_hook_returning_the_wrong_type_is_an_error(make_plugin_dist: MakeDist) -> None:
    """A plugin must return a CouncilSpec."""
    source = """
from childcare_commissioning.hookspecs import hookimpl

@hookimpl
def childcare_commissioning_council():
    return {"id": "dict-council"}
"""
    make_plugin_dist("ccc-dict", "dictish", source)
    with pytest.raises(PluginLoadError, match="returned dict, expected a CouncilSpec"):
        load_registry(only=["dictish"])


def test_hook_that_raises_names_its_distribution(make_plugin_dist: MakeDist) -> None:
    """An exception inside the hook is reported with the distribution, not as a bare trace."""
    source = """
from childcare_commissioning.hookspecs import hookimpl

@hookimpl
def childcare_commissioning_council():
    raise ValueError("bad data")
"""
    make_plugin_dist("ccc-raises", "raises", source)
    with pytest.raises(PluginLoadError, match=r"ccc-raises.*ValueError: bad data"):
        load_registry(only=["raises"])


def test_hookspecs_are_all_documented() -> None:
    """Every hookspec has a docstring: it is the hook's reference documentation."""
    from childcare_commissioning import hookspecs

    hooks = [name for name in dir(hookspecs) if name.startswith("childcare_commissioning_")]
    assert hooks
    for name in hooks:
        doc = getattr(hookspecs, name).__doc__ or ""
        assert len(doc.strip()) > 40, f"hookspec {name} has no real docstring"


# --- loading as asked (the process-wide registry) ----------------------------------------


def test_a_question_about_one_council_loads_only_its_plugin() -> None:
    """In a fresh process, asking the process-wide registry for Testshire imports its
    plugin and no other council's; listing the councils then loads every one."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from childcare_commissioning.registry import get_registry\n"
        "registry = get_registry()\n"
        "assert registry.council('testshire').name == 'Testshire County Council'\n"
        "print(sorted(m for m in sys.modules if m.startswith('childcare_commissioning_')"
        " and '.' not in m))\n"
        "print(len(registry.councils()) > 1)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout.splitlines()
    assert ["['childcare_commissioning_testshire']", "True"] == out


def test_a_council_whose_entry_point_has_another_name_is_still_found(
    make_plugin_dist: MakeDist,
) -> None:
    """The entry point's name is only a guess at the council: a plugin named ``elsewhere``
    declaring ``othershire`` is found by loading the others."""
    make_plugin_dist("ccc-else", "elsewhere", GOOD_PLUGIN.format(council_id="othershire"))
    registry = load_registry(only=["elsewhere", "testshire"], lazy=True)
    assert "ccc-else" == registry.council("othershire").distribution
    assert "othershire" in registry
    assert "nowhere" not in registry


def test_loading_as_asked_is_as_strict_as_loading_all(make_plugin_dist: MakeDist) -> None:
    """Two plugins declaring Testshire are refused once both are loaded (listing the
    councils loads them), and a plugin that fails to import fails every later question,
    never leaving a registry that silently lacks it."""
    make_plugin_dist("ccc-impostor", "impostor", GOOD_PLUGIN.format(council_id="testshire"))
    registry = load_registry(only=["impostor", "testshire"], lazy=True)
    with pytest.raises(DuplicateCouncilError, match="ccc-impostor"):
        registry.councils()
    make_plugin_dist("ccc-broken", "broken", "raise RuntimeError('boom')\n")
    broken = load_registry(only=["broken", "testshire"], lazy=True)
    assert "testshire" == broken.council("testshire").id  # Testshire's own plugin loads
    for _ in range(2):
        with pytest.raises(PluginLoadError, match="ccc-broken"):
            broken.councils()
    with pytest.raises(PluginLoadError, match="ccc-broken"):
        broken.council("testshire")


def test_threads_asking_at_once_load_each_plugin_once() -> None:
    """The service answers in threads: eight asking the same fresh registry at once for
    Testshire all get it, from one load of its plugin (a second load would be refused by
    the plugin manager as a name registered twice)."""
    from concurrent.futures import ThreadPoolExecutor

    registry = load_registry(only=["testshire"], lazy=True)
    with ThreadPoolExecutor(max_workers=8) as pool:
        names = list(pool.map(lambda _: registry.council("testshire").name, range(8)))
    assert ["Testshire County Council"] * 8 == names
    assert ["testshire"] == [c.id for c in registry.councils()]
