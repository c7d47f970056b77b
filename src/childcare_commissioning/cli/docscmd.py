"""``docs generate`` and ``docs build``: the handbook from the installed plugins.

Nothing the caller has is lost: the pages are written through
:func:`~childcare_commissioning.safefiles.write_folder` (a manifest lists the pages it
wrote; no other file is replaced without ``--force`` or ever removed), and the site is
built into a new folder beside ``--site-dir`` that replaces it only when the build
succeeded; a site folder holding files the command did not build is replaced only with
``--force``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from childcare_commissioning.cli._contract import InputError
from childcare_commissioning.cli._output import print_json
from childcare_commissioning.errors import CommissioningError
from childcare_commissioning.registry import get_registry
from childcare_commissioning.safefiles import OutputError, OutputFiles, replace_folder

__all__ = ["SITE_MARKER", "run"]

SITE_MARKER = ".childcare-commissioning-site"
"""The file a built site carries: a folder holding it may be replaced without ``--force``."""


class DocsBuildError(CommissioningError, RuntimeError):
    """mkdocs reported an error (or a warning, in strict mode)."""


def _site_dir(args: argparse.Namespace) -> Path:
    if args.site_dir:
        # As mkdocs reads it: a relative folder is relative to the config file's folder.
        return Path(args.config).parent / str(args.site_dir)
    try:
        from mkdocs.config import load_config
    except ImportError:
        raise DocsBuildError(
            "docs build needs the 'docs' extra: pip install 'childcare-commissioning[docs]' "
            "[extra-missing]"
        ) from None
    try:
        config = load_config(args.config)
    except Exception as exc:  # mkdocs raises its own kinds for a bad config
        raise DocsBuildError(f"--config {args.config!r}: cannot be read ({exc})") from None
    return Path(str(config["site_dir"]))


def _check_site(site: Path, args: argparse.Namespace) -> None:
    """Refuse a site folder whose replacement would lose something."""
    checker = OutputFiles([args.config, args.out], force=args.force, option="--site-dir")
    checker.check_folder(site, whole=True)
    if site.is_symlink():
        raise OutputError(
            f"--site-dir {str(site)!r}: is a symbolic link; nothing is written through one "
            "[no-symlink]"
        )
    ours = (site / SITE_MARKER).is_file()
    if site.is_dir() and any(site.iterdir()) and not ours and not args.force:
        raise OutputError(
            f"--site-dir {str(site)!r}: holds files this command did not build; pass "
            "--force to replace the folder [no-overwrite]"
        )


def _build(args: argparse.Namespace, site: Path) -> None:
    """Build into a new folder beside ``site`` and put it in ``site``'s place."""
    site.parent.mkdir(parents=True, exist_ok=True)
    built = Path(tempfile.mkdtemp(dir=site.parent, prefix=f".{site.name}.build."))
    try:
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", args.config]
        command += ["--site-dir", str(built)]
        # Material prints an end-of-life notice on every build; it is known (DESIGN.md).
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        result = subprocess.run(command, env=env, capture_output=True, text=True)
        if result.returncode != 0:
            raise DocsBuildError(
                "mkdocs build failed (the site folder is unchanged; `docs build` needs the "
                f"'docs' extra):\n{result.stdout}{result.stderr}"
            )
        (built / SITE_MARKER).write_text("built by childcare-commissioning docs build\n")
        replace_folder(built, site)
    finally:
        shutil.rmtree(built, ignore_errors=True)


def run(args: argparse.Namespace) -> int:
    """Write the generated pages; for ``build`` also run ``mkdocs build --strict``."""
    try:
        from childcare_commissioning.handbook import write_handbook
    except ModuleNotFoundError as exc:  # drawsvg (the pictures) missing
        raise InputError(
            f"the handbook needs the 'docs' extra ({exc.name} is missing): "
            "pip install 'childcare-commissioning[docs]' [extra-missing]"
        ) from None
    site = None
    if args.action == "build":
        site = _site_dir(args)
        _check_site(site, args)  # before anything is written
    from childcare_commissioning.service.pages import api_pages

    inputs = [Path(args.config)] if args.action == "build" else []
    written = write_handbook(
        get_registry(), Path(args.out), force=args.force, inputs=inputs, extra=api_pages()
    )
    if site is not None:
        _build(args, site)
    if args.format == "json":
        print_json({"pages": [str(p) for p in written], "built": args.action == "build"})
    else:
        print(
            f"Wrote {len(written)} pages under {args.out}"
            + (" and built the site" if args.action == "build" else "")
        )
    return 0
