"""Prepare a release of the core and the council plugins in ``plugins/`` (issue #45).

``python scripts/release.py VERSION [--date YYYY-MM-DD] [--no-build]`` (``scripts/release``
runs it in its own environment):

1. refuses unless the git tree is clean, VERSION is a PEP 440 release (no ``.dev``, no local
   part) not below the core's version and not already in ``CHANGELOG.md``, and every council
   plugin's declared range of core versions (``plugins/*`` and the test plugins in
   ``tests/plugins/*``) admits VERSION, naming each one that does not: a range is widened by
   hand, after checking the plugin works with the new core;
2. sets VERSION in each version's one place: ``src/childcare_commissioning/__init__.py``
   (``__version__``, hatch's version source) and ``version`` in each ``plugins/*/
   pyproject.toml`` (the core and the plugins here are released together; the test plugins
   are never released);
3. compiles the fragments in ``changelog.d/`` into ``CHANGELOG.md`` with towncrier, which
   removes them (``git rm``);
4. builds every distribution's sdist and wheel into ``dist/VERSION/`` (unless ``--no-build``).

The changes are staged, never committed, tagged or pushed: the last lines printed say how.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import subprocess
import sys
import tomllib
from pathlib import Path
from zoneinfo import ZoneInfo

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import InvalidVersion, Version

CORE = "childcare-commissioning"
CORE_VERSION_FILE = Path("src/childcare_commissioning/__init__.py")
CORE_VERSION = re.compile(r'^__version__ = "([^"]+)"$', re.MULTILINE)
PLUGIN_VERSION = re.compile(r'^version = "([^"]+)"$', re.MULTILINE)


class ReleaseError(Exception):
    """Why the release was refused (nothing changed, unless the message says otherwise)."""


def released_plugins(root: Path) -> list[Path]:
    """The council plugins released with the core: ``plugins/*`` with a pyproject.toml."""
    return sorted(p.parent for p in root.glob("plugins/*/pyproject.toml"))


def core_range(pyproject: Path) -> str | None:
    """The plugin's declared range of core versions (``>=0.1.0,<0.2``), ``""`` for any, or
    ``None`` when it does not require the core."""
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    for line in project.get("dependencies", []):
        requirement = Requirement(line)
        if canonicalize_name(requirement.name) == CORE:
            return str(requirement.specifier)
    return None


def check(root: Path, version: str) -> Version:
    """Refuse the release (:class:`ReleaseError`) for any reason in step 1."""
    try:
        wanted = Version(version)
    except InvalidVersion:
        raise ReleaseError(f"{version!r} is not a PEP 440 version") from None
    if wanted.is_devrelease or wanted.local is not None:
        raise ReleaseError(f"{version} is a development or local version, not a release")
    match = CORE_VERSION.search((root / CORE_VERSION_FILE).read_text(encoding="utf-8"))
    if match is None:
        raise ReleaseError(f"no __version__ line in {CORE_VERSION_FILE}")
    if wanted < Version(match.group(1)):
        raise ReleaseError(f"{version} is below the core's version {match.group(1)}")
    changelog = root / "CHANGELOG.md"
    if changelog.exists() and re.search(
        rf"^## {re.escape(version)} ", changelog.read_text(encoding="utf-8"), re.MULTILINE
    ):
        raise ReleaseError(f"CHANGELOG.md already has a release {version}")
    refused = []
    for project in [*released_plugins(root), *sorted(root.glob("tests/plugins/*/"))]:
        declared = core_range(project / "pyproject.toml")
        if declared and wanted not in Requirement(f"{CORE}{declared}").specifier:
            refused.append(f"{project.relative_to(root)} declares {CORE}{declared}")
    if refused:
        raise ReleaseError(
            f"{'; '.join(refused)}: none admits {version}. Check each works with the new "
            f"core, then widen its range in its pyproject.toml"
        )
    return wanted


def set_versions(root: Path, version: str) -> list[Path]:
    """Write ``version`` into the core's version file and each released plugin's
    pyproject.toml; returns the files changed."""
    changed = []
    targets = [(root / CORE_VERSION_FILE, CORE_VERSION, f'__version__ = "{version}"')]
    for plugin in released_plugins(root):
        targets.append((plugin / "pyproject.toml", PLUGIN_VERSION, f'version = "{version}"'))
    for path, pattern, line in targets:
        text = path.read_text(encoding="utf-8")
        new, count = pattern.subn(line, text)
        if count != 1:
            raise ReleaseError(f"{path.relative_to(root)}: expected one version line")
        path.write_text(new, encoding="utf-8")
        changed.append(path)
    return changed


def _run(root: Path, *command: str) -> str:
    result = subprocess.run(command, cwd=root, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise ReleaseError(f"{' '.join(command)} failed:\n{result.stdout}{result.stderr}")
    return result.stdout


def release(root: Path, version: str, date: dt.date, build: bool = True) -> list[str]:
    """Steps 1-4; returns the instructions to finish the release by hand."""
    if _run(root, "git", "status", "--porcelain").strip():
        raise ReleaseError("the git tree has uncommitted changes: commit or stash them first")
    check(root, version)
    out = root / "dist" / version
    try:
        changed = set_versions(root, version)
        _run(root, "git", "add", *(str(p.relative_to(root)) for p in changed))
        _run(
            root,
            *(sys.executable, "-m", "towncrier", "build", "--yes"),
            *("--version", version, "--date", date.isoformat()),
        )
        for project in [root, *released_plugins(root)] if build else []:
            where = str(project.relative_to(root))
            _run(root, sys.executable, "-m", "build", "--no-isolation", "-o", str(out), where)
    except ReleaseError as exc:
        raise ReleaseError(f"{exc}\nHalf done: git reset --hard HEAD undoes it") from None
    return [
        f"Release {version} prepared and staged (versions, CHANGELOG.md, fragments removed).",
        "Review: git diff --cached",
        f'Commit: git commit -m "Release {version}"',
        f'Tag: git tag -a v{version} -m "childcare-commissioning {version}"',
        f"Then, by hand: git push --follow-tags; upload {out}/* to the package index",
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("version", help="the release's version, e.g. 0.2.0")
    parser.add_argument("--date", type=dt.date.fromisoformat, help="default: today in London")
    parser.add_argument("--no-build", action="store_true", help="skip building the dists")
    args = parser.parse_args(argv)
    date = args.date or dt.datetime.now(ZoneInfo("Europe/London")).date()
    try:
        for line in release(Path.cwd(), args.version, date, build=not args.no_build):
            print(line)
    except ReleaseError as exc:
        print(f"release refused: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
