"""``new-council``: scaffold a plugin distribution."""

from __future__ import annotations

import argparse
from pathlib import Path

from childcare_commissioning.cli._output import print_json
from childcare_commissioning.errors import CommissioningError
from childcare_commissioning.scaffold import ScaffoldError, scaffold

__all__ = ["run"]


class NewCouncilError(CommissioningError, ValueError):
    """The plugin could not be scaffolded."""


def run(args: argparse.Namespace) -> int:
    """Write the plugin and say what to do next."""
    from childcare_commissioning.registry import get_registry

    installed = {c.id for c in get_registry().councils()}
    if args.name in installed:
        raise NewCouncilError(
            f"council id {args.name!r} is already installed; installing a second plugin with "
            "it would replace the first. Choose another name [council-id-unique]"
        )
    try:
        folder = scaffold(args.name, Path(args.dir), args.title)
    except ScaffoldError as exc:
        raise NewCouncilError(str(exc)) from None
    if args.format == "json":
        print_json({"council": args.name, "path": str(folder)})
    else:
        print(f"Created {folder}. Next:\n  pip install -e {folder}[test]\n  pytest {folder}")
    return 0
