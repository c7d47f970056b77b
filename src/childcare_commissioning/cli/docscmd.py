"""``docs generate`` and ``docs build``: the handbook from the installed plugins."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from childcare_commissioning.cli._contract import InputError
from childcare_commissioning.cli._output import print_json
from childcare_commissioning.errors import CommissioningError
from childcare_commissioning.registry import get_registry

__all__ = ["run"]


class DocsBuildError(CommissioningError, RuntimeError):
    """mkdocs reported an error (or a warning, in strict mode)."""


def run(args: argparse.Namespace) -> int:
    """Write the generated pages; for ``build`` also run ``mkdocs build --strict``."""
    try:
        from childcare_commissioning.handbook import write_handbook
    except ModuleNotFoundError as exc:  # drawsvg (the pictures) missing
        raise InputError(
            f"the handbook needs the 'docs' extra ({exc.name} is missing): "
            "pip install 'childcare-commissioning[docs]' [extra-missing]"
        ) from None
    written = write_handbook(get_registry(), Path(args.out))
    from childcare_commissioning.service.pages import write_api_pages

    written += write_api_pages(Path(args.out) / "api")
    if args.action == "build":
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", args.config]
        if args.site_dir:
            command += ["--site-dir", args.site_dir]
        # Material prints an end-of-life notice on every build; it is known (DESIGN.md).
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        result = subprocess.run(command, env=env, capture_output=True, text=True)
        if result.returncode != 0:
            raise DocsBuildError(f"mkdocs build failed:\n{result.stdout}{result.stderr}")
    if args.format == "json":
        print_json({"pages": [str(p) for p in written], "built": args.action == "build"})
    else:
        print(
            f"Wrote {len(written)} pages under {args.out}"
            + (" and built the site" if args.action == "build" else "")
        )
    return 0
