"""Finding council plugins and answering "which councils are there?".

Council plugins are distributions that expose a module through the entry-point group
:data:`ENTRY_POINT_GROUP`. Loading is strict: a plugin that fails to import, misspells a
hook, returns something other than a :class:`CouncilSpec` or repeats another plugin's
council id stops the load with an error naming its distribution, because a rules library
that silently drops a council gives wrong answers. Set :data:`PLUGINS_ENV` to a
comma-separated list of entry-point names to load only those, and :data:`TRACE_ENV` to
``1`` to trace hook calls on standard error.

A plugin states the core versions it works with as its distribution's requirement on
childcare-commissioning (``dependencies = ["childcare-commissioning>=0.1.0,<0.2"]``, read
back from the installed ``Requires-Dist``); a plugin whose range excludes the running core is
refused before its code is imported (:class:`IncompatiblePluginError`).

:func:`get_registry` loads plugins as they are asked for: a question about one council
imports the entry point of that name (a plugin whose entry point is not named after its
council is found by loading the others), and listing the councils loads them all. Each
plugin is checked as strictly when it loads; two plugins declaring the same council are
caught once both are loaded (listing the councils loads every one).

A plugin may declare several dated versions of its council's text (a re-let, a revised
specification) by returning them all from its hook. :meth:`Registry.council` gives the
current one (the latest ``effective_from``), the one a contract names (``version=``) or the
one in force on a date (``on=``); :meth:`Registry.versions` lists them.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import re
import sys
import threading
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs
import pluggy

from childcare_commissioning import hookspecs
from childcare_commissioning.council import CouncilSpec
from childcare_commissioning.errors import (
    DuplicateCouncilError,
    IncompatiblePluginError,
    PluginLoadError,
    UnknownCouncilError,
    UnknownVersionError,
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
_CORE_NAME = re.compile(r"\s*childcare[-_.]commissioning(?![-_.\w])", re.IGNORECASE)


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
    """The loaded council plugins, looked up by council id (loaded as asked for when the
    registry comes from :func:`get_registry`)."""

    def __init__(
        self,
        plugin_manager: pluggy.PluginManager,
        councils: Mapping[str, RegisteredCouncil | Sequence[RegisteredCouncil]],
        loader: _Loader | None = None,
    ) -> None:
        self.plugin_manager = plugin_manager
        self._versions: dict[str, tuple[RegisteredCouncil, ...]] = {}
        self._councils: dict[str, RegisteredCouncil] = {}
        self._loader = loader
        self._add(councils)

    def _add(self, councils: Mapping[str, RegisteredCouncil | Sequence[RegisteredCouncil]]) -> None:
        for council_id, found in councils.items():
            listed = (found,) if isinstance(found, RegisteredCouncil) else tuple(found)
            if council_id in self._versions:
                first = self._versions[council_id][0].distribution
                raise DuplicateCouncilError(council_id, first, listed[0].distribution)
            self._versions[council_id] = tuple(
                sorted(listed, key=lambda c: c.spec.specification.effective_from)
            )
        self._versions = dict(sorted(self._versions.items()))
        self._councils = {cid: versions[-1] for cid, versions in self._versions.items()}

    def _load(self, council_id: str | None = None) -> None:
        """Load the plugin named ``council_id`` if it is waiting (all of them when it is
        ``None`` or that does not declare the council). A plugin that fails to load fails
        every later question too, as the eager load would have."""
        loader = self._loader
        if loader is None:
            return
        if loader.failed is not None:
            raise loader.failed
        if council_id is not None and council_id in self._councils:
            return  # the common case: loaded already, no lock taken
        with loader.lock:  # one thread loads; another waits, then finds it loaded
            if loader.failed is not None:
                raise loader.failed
            if not loader.waiting or (council_id is not None and council_id in self._councils):
                return
            try:
                if council_id is not None and council_id in loader.waiting:
                    self._add(loader.load([council_id]))
                    if council_id in self._councils:
                        return
                if loader.waiting:
                    self._add(loader.load(list(loader.waiting)))
            except (PluginLoadError, DuplicateCouncilError) as error:
                loader.failed = error
                raise

    @property
    def hook(self) -> pluggy.HookRelay:
        """The plugin manager's hook relay, for capabilities that call plugin hooks (every
        plugin loaded)."""
        self._load()
        return self.plugin_manager.hook

    def councils(self) -> tuple[RegisteredCouncil, ...]:
        """Every registered council, sorted by id."""
        self._load()
        return tuple(self._councils.values())

    def council(
        self, council_id: str, *, version: str | None = None, on: dt.date | None = None
    ) -> RegisteredCouncil:
        """The council with ``council_id``; :class:`UnknownCouncilError` listing the known ids.

        Of its versions: the one named ``version`` (:class:`UnknownVersionError` listing
        them otherwise), else the one in force on ``on`` (the latest that took effect on or
        before it; the first if ``on`` is before them all), else the current one. A date
        after a text's term still resolves to it: the answer carries the term's warning.
        """
        self._load(council_id)
        try:
            versions = self._versions[council_id]
        except KeyError:
            raise UnknownCouncilError(council_id, list(self._councils)) from None
        if version is not None:
            for found in versions:
                if found.spec.specification.version == version:
                    return found
            known = [v.spec.specification.version for v in versions]
            raise UnknownVersionError(council_id, version, known)
        if on is not None:
            started = [v for v in versions if v.spec.specification.effective_from <= on]
            return started[-1] if started else versions[0]
        return versions[-1]

    def versions(self, council_id: str) -> tuple[RegisteredCouncil, ...]:
        """Every version of the council's text, oldest first."""
        self.council(council_id)
        return self._versions[council_id]

    def examples(self, council_id: str) -> dict[str, Any]:
        """Example documents the council's plugin provides (merged; empty if none)."""
        self.council(council_id)
        merged: dict[str, Any] = {}
        for found in self.hook.childcare_commissioning_examples(council_id=council_id):
            if found:
                merged.update(found)
        return merged

    def __contains__(self, council_id: object) -> bool:
        if isinstance(council_id, str):
            self._load(council_id)
        return council_id in self._councils

    def __len__(self) -> int:
        self._load()
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


def _check_core_version(ep: EntryPoint, dist: str, version: str) -> None:
    """Refuse the plugin if its distribution's requirement on the core excludes this core."""
    if ep.dist is None:
        return
    from packaging.requirements import InvalidRequirement, Requirement
    from packaging.utils import canonicalize_name

    from childcare_commissioning import __version__ as core

    for line in ep.dist.requires or ():
        try:
            requirement = Requirement(line)
        except InvalidRequirement as exc:
            if _CORE_NAME.match(line):
                raise PluginLoadError(dist, ep.name, f"unreadable requirement: {exc}") from None
            continue  # another project's requirement: not the registry's to judge
        if canonicalize_name(requirement.name) != "childcare-commissioning":
            continue
        if requirement.marker is not None and not requirement.marker.evaluate({"extra": ""}):
            continue  # a requirement of one of the plugin's extras, not of the plugin
        if not requirement.specifier.contains(core, prereleases=True):
            declared = line.split(";", 1)[0].strip()  # as the plugin wrote it
            raise IncompatiblePluginError(dist, version, ep.name, declared, core)


class _Loader:
    """Entry points not loaded yet, loaded (strictly) into one plugin manager on demand."""

    def __init__(self, pm: pluggy.PluginManager, entry_points: Iterable[EntryPoint]) -> None:
        self.pm = pm
        self.waiting = {ep.name: ep for ep in entry_points}
        self.failed: PluginLoadError | DuplicateCouncilError | None = None
        self.lock = threading.RLock()

    def load(self, names: Sequence[str]) -> dict[str, list[RegisteredCouncil]]:
        """Import and register the entry points ``names`` and read their councils."""
        pm = self.pm
        origins: dict[str, tuple[str, str, str]] = {}
        for name in names:
            ep = self.waiting.pop(name)
            dist, version = _distribution(ep)
            _check_core_version(ep, dist, version)
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
        councils: dict[str, list[RegisteredCouncil]] = {}
        for impl in pm.hook.childcare_commissioning_council.get_hookimpls():
            if impl.plugin_name not in origins:
                continue  # loaded before
            dist, version, name = origins[impl.plugin_name]
            found = _declared(impl.function, dist, version, name)
            council_id = found[0].id
            if council_id in councils:
                raise DuplicateCouncilError(council_id, councils[council_id][0].distribution, dist)
            councils[council_id] = found
        return councils


def _declared(
    hook: Callable[[], object], dist: str, version: str, name: str
) -> list[RegisteredCouncil]:
    """The versions of its council a plugin's hook declares, checked."""
    try:
        declared = hook()
    except Exception as exc:
        raise PluginLoadError(dist, name, f"{type(exc).__name__}: {exc}") from exc
    listed: list[object] = list(declared) if isinstance(declared, list | tuple) else [declared]
    specs = [spec for spec in listed if isinstance(spec, CouncilSpec)]
    if not specs or len(specs) != len(listed):
        got = type(declared).__name__
        raise PluginLoadError(
            dist, name, f"returned {got}, expected a CouncilSpec or a list of its versions"
        )
    ids = {spec.id for spec in specs}
    versions = [spec.specification.version for spec in specs]
    if len(ids) != 1 or len(set(versions)) != len(versions):
        raise PluginLoadError(
            dist, name, "versions must share one council id and differ in version"
        )
    return [RegisteredCouncil(spec, dist, version, name) for spec in specs]


def load_registry(
    *,
    group: str = ENTRY_POINT_GROUP,
    only: Collection[str] | None = None,
    environ: Mapping[str, str] | None = None,
    lazy: bool = False,
) -> Registry:
    """Load the council plugins of ``group`` into a new :class:`Registry`.

    ``only`` (or, when it is ``None``, the :data:`PLUGINS_ENV` variable) restricts loading
    to the named entry points; naming one that is not installed is an error. ``lazy``
    loads each plugin when it is first asked for (see the module docstring), not now.
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
    loader = _Loader(pm, _selected(entry_points(group=group), only))
    registry = Registry(pm, {}, loader)
    if not lazy:
        registry.councils()
    return registry


@functools.cache
def get_registry() -> Registry:
    """The process-wide registry of the installed plugins, each loaded on first use."""
    return load_registry(lazy=True)
