"""Every hook a council plugin can implement, in one place.

The docstring of each hookspec *is* its reference documentation: the docs site renders it
and a test fails if a hook has none. Implementations are marked with :data:`hookimpl` and
may accept fewer arguments than the spec, so specs can grow without breaking plugins.

A minimal council plugin module::

    from childcare_commissioning.hookspecs import hookimpl

    @hookimpl
    def childcare_commissioning_council():
        return SPEC  # a CouncilSpec

registered in the plugin's ``pyproject.toml``::

    [project.entry-points."childcare_commissioning.councils"]
    mycouncil = "childcare_commissioning_mycouncil"
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pluggy

from childcare_commissioning.council import CouncilSpec

__all__ = ["PROJECT", "hookimpl", "hookspec"]

PROJECT = "childcare_commissioning"

hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


# --- declaration ---------------------------------------------------------------------------


@hookspec
def childcare_commissioning_council() -> CouncilSpec | Sequence[CouncilSpec]:  # type: ignore[empty-body]
    """Return the :class:`~childcare_commissioning.council.CouncilSpec` this plugin declares,
    or a list of dated versions of it (one id, distinct ``specification.version`` values;
    the registry resolves the one a contract names or the one in force on a date).

    Called once per plugin when the registry loads. Each plugin declares exactly one
    council; its ``id`` must be unique across every installed plugin. The returned object
    is data only: building it must not read files or the network beyond the plugin's own
    package.
    """


# --- examples ---------------------------------------------------------------------------


@hookspec
def childcare_commissioning_examples(council_id: str) -> Mapping[str, Any] | None:
    """Return example documents for council ``council_id`` (JSON-ready data by name), or
    ``None`` if this plugin is not that council's.

    Names the demo understands: ``"roster"`` (a list of workers for ``staff-check``),
    ``"billing"`` (a batch of packages, quotations, planned sessions and records for
    ``invoice``, with ``"as_of"``), ``"events"`` (a list of ``{"trigger", "at"}`` to
    evaluate deadlines at). All people in examples must be invented.
    """
