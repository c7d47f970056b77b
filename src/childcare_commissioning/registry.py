"""Finding council plugins and answering "which councils are there?".

Council plugins are distributions that expose a module through the entry-point group
:data:`ENTRY_POINT_GROUP`. Loading is strict: a plugin that fails to import, misspells a
hook, returns something other than a :class:`CouncilSpec` or repeats another plugin's
council id stops the load with an error naming its distribution, because a rules library
that silently drops a council gives wrong answers. Set :data:`PLUGINS_ENV` to a
comma-separated list of entry-point names to load only those, and :data:`TRACE_ENV` to
``1`` to trace hook calls on standard error.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Collection, Iterable, Mapping
from typing import TYPE_CHECKING, Any

import attrs
import pluggy

from childcare_commissioning import hookspecs
from childcare_commissioning.council import CouncilSpec
from childcare_commissioning.errors import (
    DuplicateCouncilError,
    PluginLoadError,
    UnknownCouncilError,
)

if TYPE_CHECKING:
    from importlib.metadata import EntryPoint

__all__ = [
    "ENTRY_POINT_GROUP",
    "PLUGINS_ENV",
    "TRACE_ENV",
    "RegisteredCouncil",
    "Registry",
    "get_registry",
    "load_registry",
]

ENTRY_POINT_GROUP = "childcare_commissioning.councils"
PLUGINS_ENV = "CHILDCARE_COMMISSIONING_PLUGINS"
TRACE_ENV = "CHILDCARE_COMMISSIONING_TRACE"


@attrs.frozen
class RegisteredCouncil:
    """A council as the registry knows it: its declaration and where it came from."""

    spec: CouncilSpec
    distribution: str
    version: str
    entry_point: str

    @property
    def id(self) -> str:
        """The council id (``spec.id``)."""
        return self.spec.id

    @property
    def name(self) -> str:
        """The council's name (``spec.name``)."""
        return self.spec.name


class Registry:
    """The loaded council plugins, looked up by council id."""

    def __init__(
        self, plugin_manager: pluggy.PluginManager, councils: Mapping[str, RegisteredCouncil]
    ) -> None:
        self.plugin_manager = plugin_manager
        self._councils = dict(sorted(councils.items()))

    @property
    def hook(self) -> pluggy.HookRelay:
        """The plugin manager's hook relay, for capabilities that call plugin hooks."""
        return self.plugin_manager.hook

    def councils(self) -> tuple[RegisteredCouncil, ...]:
        """Every registered council, sorted by id."""
        return tuple(self._councils.values())

    def council(self, council_id: str) -> RegisteredCouncil:
        """The council with ``council_id``; :class:`UnknownCouncilError` listing the known ids."""
        try:
            return self._councils[council_id]
        except KeyError:
            raise UnknownCouncilError(council_id, list(self._councils)) from None

    def examples(self, council_id: str) -> dict[str, Any]:
        """Example documents the council's plugin provides (merged; empty if none)."""
        self.council(council_id)
        merged: dict[str, Any] = {}
        for found in self.hook.childcare_commissioning_examples(council_id=council_id):
            if found:
                merged.update(found)
        return merged

    def __contains__(self, council_id: object) -> bool:
        return council_id in self._councils

    def __len__(self) -> int:
        return len(self._councils)


def _selected(found: Iterable[EntryPoint], only: Collection[str] | None) -> list[EntryPoint]:
    candidates = sorted(found, key=lambda ep: ep.name)
    if only is None:
        return candidates
    names = {ep.name for ep in candidates}
    missing = sorted(set(only) - names)
    if missing:
        raise UnknownCouncilError(", ".join(missing), sorted(names))
    return [ep for ep in candidates if ep.name in only]


def _only_from_environment(environ: Mapping[str, str]) -> list[str] | None:
    raw = environ.get(PLUGINS_ENV, "").strip()
    if not raw:
        return None
    return [name.strip() for name in raw.split(",") if name.strip()]


def _distribution(ep: EntryPoint) -> tuple[str, str]:
    dist = ep.dist
    if dist is None:
        return ("<unknown distribution>", "?")
    return (dist.metadata["Name"] or dist.name, dist.version)


def load_registry(
    *,
    group: str = ENTRY_POINT_GROUP,
    only: Collection[str] | None = None,
    environ: Mapping[str, str] | None = None,
) -> Registry:
    """Load the council plugins of ``group`` into a new :class:`Registry`.

    ``only`` (or, when it is ``None``, the :data:`PLUGINS_ENV` variable) restricts loading
    to the named entry points; naming one that is not installed is an error.
    """
    # importlib.metadata costs ~15 ms to import: only pay for it when plugins are loaded.
    from importlib.metadata import entry_points

    env = os.environ if environ is None else environ
    if only is None:
        only = _only_from_environment(env)
    pm = pluggy.PluginManager(hookspecs.PROJECT)
    pm.add_hookspecs(hookspecs)
    if env.get(TRACE_ENV, "") not in ("", "0"):
        pm.trace.root.setwriter(sys.stderr.write)
        pm.enable_tracing()

    origins: dict[str, tuple[str, str, str]] = {}
    for ep in _selected(entry_points(group=group), only):
        dist, version = _distribution(ep)
        try:
            plugin = ep.load()
            pm.register(plugin, name=ep.name)
        except Exception as exc:  # any failure inside third-party code
            raise PluginLoadError(dist, ep.name, f"{type(exc).__name__}: {exc}") from exc
        origins[ep.name] = (dist, version, ep.name)

    try:
        pm.check_pending()
    except pluggy.PluginValidationError as exc:
        name = pm.get_name(exc.plugin) or "?"
        dist = origins.get(name, ("<unknown distribution>", "?", name))[0]
        raise PluginLoadError(dist, name, str(exc)) from exc

    councils: dict[str, RegisteredCouncil] = {}
    for impl in pm.hook.childcare_commissioning_council.get_hookimpls():
        dist, version, name = origins.get(
            impl.plugin_name, ("<unknown distribution>", "?", impl.plugin_name)
        )
        try:
            spec = impl.function()
        except Exception as exc:
            raise PluginLoadError(dist, name, f"{type(exc).__name__}: {exc}") from exc
        if not isinstance(spec, CouncilSpec):
            got = type(spec).__name__
            raise PluginLoadError(dist, name, f"returned {got}, expected a CouncilSpec")
        if spec.id in councils:
            raise DuplicateCouncilError(spec.id, councils[spec.id].distribution, dist)
        councils[spec.id] = RegisteredCouncil(spec, dist, version, name)
    return Registry(pm, councils)


@functools.cache
def get_registry() -> Registry:
    """The process-wide registry, loaded on first use from the installed plugins."""
    return load_registry()
