"""Releases (#45): the changelog's fragments, ``scripts/release``, and the built distributions.

The slow tests build the sdist and wheel of the core and of every plugin in ``plugins/``
(``python -m build --no-isolation``: the wheel is built from the sdist, so a file missing
from the sdist fails here), check their metadata and contents, install the wheels into a
fresh virtual environment outside the checkout (dependencies from the package index) and
run the command line from there.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tomllib
import venv
import zipfile
from importlib.util import module_from_spec, spec_from_file_location
from pathlib import Path
from types import ModuleType

import pytest
from packaging.metadata import Metadata
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parent.parent
PLUGINS = sorted(p.parent for p in ROOT.glob("plugins/*/pyproject.toml"))
FRAGMENT = re.compile(r"^\d+\.(feature|bugfix|doc|removal)(\.\d+)?\.md$")


def _core_version() -> str:
    text = (ROOT / "src/childcare_commissioning/__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__ = "([^"]+)"$', text, re.MULTILINE)
    assert match is not None
    return match.group(1)


def _project(path: Path) -> dict[str, object]:
    project: dict[str, object] = tomllib.loads(
        (path / "pyproject.toml").read_text(encoding="utf-8")
    )["project"]
    return project


def _load_release_script() -> ModuleType:
    spec = spec_from_file_location("release_script", ROOT / "scripts" / "release.py")
    assert spec is not None
    assert spec.loader is not None
    module = module_from_spec(spec)
    sys.modules["release_script"] = module
    spec.loader.exec_module(module)
    return module


# --- the changelog's fragments ----------------------------------------------------------


def test_every_fragment_is_named_as_towncrier_reads_it() -> None:
    """`<issue>.<type>.md` or `<issue>.<type>.<n>.md`: any other name would be compiled under
    a garbled issue number, or not at all."""
    names = sorted(p.name for p in (ROOT / "changelog.d").iterdir() if p.name != "README.md")
    assert [] == [name for name in names if not FRAGMENT.match(name)]


def test_changelog_exists_with_towncriers_start_marker() -> None:
    """scripts/release inserts each release below the marker the configuration names."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    marker = config["tool"]["towncrier"]["start_string"]
    assert marker in (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")


# --- scripts/release --------------------------------------------------------------------


def _git(where: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=where, capture_output=True, text=True, check=True
    ).stdout


@pytest.fixture
def release_tree(tmp_path: Path) -> Path:
    """A git repository holding what scripts/release reads and writes, copied from here."""
    tree = tmp_path / "tree"
    for relative in [
        "pyproject.toml",
        "CHANGELOG.md",
        "src/childcare_commissioning/__init__.py",
        *(str(p.relative_to(ROOT) / "pyproject.toml") for p in PLUGINS),
        "tests/plugins/testshire/pyproject.toml",
    ]:
        (tree / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / relative, tree / relative)
    (tree / "changelog.d").mkdir()
    (tree / "changelog.d/README.md").write_text("fragments\n", encoding="utf-8")
    (tree / "changelog.d/101.feature.md").write_text("A new thing.\n", encoding="utf-8")
    (tree / "changelog.d/101.feature.1.md").write_text("A second thing.\n", encoding="utf-8")
    (tree / "changelog.d/7.bugfix.md").write_text("A fixed thing.\n", encoding="utf-8")
    _git(tree, "init", "-q")
    _git(tree, "add", "-A")
    _git(tree, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "base")
    return tree


def test_release_sets_every_version_and_compiles_the_changelog(release_tree: Path) -> None:
    """0.1.1 is inside every plugin's >=0.1.0,<0.2: the core's and each released plugin's
    version become 0.1.1 (the test plugin keeps its own), the three fragments become one
    dated release in CHANGELOG.md under their issues, and nothing is committed."""
    script = _load_release_script()
    head = _git(release_tree, "rev-parse", "HEAD")
    lines = script.release(release_tree, "0.1.1", dt.date(2027, 1, 15), build=False)
    init = (release_tree / "src/childcare_commissioning/__init__.py").read_text("utf-8")
    assert '__version__ = "0.1.1"' in init
    for plugin in PLUGINS:
        text = (release_tree / plugin.relative_to(ROOT) / "pyproject.toml").read_text("utf-8")
        assert 1 == text.count('version = "0.1.1"'), plugin.name
    testshire = (release_tree / "tests/plugins/testshire/pyproject.toml").read_text("utf-8")
    assert 'version = "0.1.0"' in testshire
    changelog = (release_tree / "CHANGELOG.md").read_text(encoding="utf-8")
    release = changelog.split("<!-- towncrier release notes start -->", 1)[1]
    assert release.lstrip().startswith("## 0.1.1 (2027-01-15)")
    assert "### Features\n\n- A new thing. (#101)\n- A second thing. (#101)" in release
    assert "### Fixes\n\n- A fixed thing. (#7)" in release
    assert ["README.md"] == sorted(p.name for p in (release_tree / "changelog.d").iterdir())
    assert head == _git(release_tree, "rev-parse", "HEAD")  # staged, not committed
    staged = _git(release_tree, "diff", "--cached", "--name-only").split()
    assert "CHANGELOG.md" in staged
    assert "src/childcare_commissioning/__init__.py" in staged
    assert "changelog.d/101.feature.md" in staged
    assert "" == _git(release_tree, "remote")  # nothing to push to, and nothing pushed
    assert any("git push" in line for line in lines)


@pytest.mark.parametrize(
    ("version", "words"),
    [
        # Every plugin declares <0.2: a core 0.2.0 needs each range widened by hand first.
        ("0.2.0", "plugins/derby declares childcare-commissioning<0.2,>=0.1.0"),
        ("0.1.1.dev0", "development or local version"),
        ("0.0.9", "below the core's version"),
        ("one", "not a PEP 440 version"),
    ],
)
def test_release_refuses_without_changing_anything(
    release_tree: Path, version: str, words: str
) -> None:
    """Each refusal says why, and leaves the tree as it was."""
    script = _load_release_script()
    with pytest.raises(script.ReleaseError, match=re.escape(words)):
        script.release(release_tree, version, dt.date(2027, 1, 15), build=False)
    assert "" == _git(release_tree, "status", "--porcelain")


def test_release_refuses_a_dirty_tree_and_a_version_already_released(
    release_tree: Path,
) -> None:
    """Uncommitted work is never swept into a release; a version is released once."""
    script = _load_release_script()
    changelog = release_tree / "CHANGELOG.md"
    changelog.write_text(changelog.read_text("utf-8") + "\n## 0.1.1 (2027-01-01)\n", "utf-8")
    with pytest.raises(script.ReleaseError, match="uncommitted changes"):
        script.release(release_tree, "0.1.1", dt.date(2027, 1, 15), build=False)
    _git(release_tree, "-c", "user.name=t", "-c", "user.email=t@e.org", "commit", "-qam", "x")
    with pytest.raises(script.ReleaseError, match=r"already has a release 0\.1\.1"):
        script.release(release_tree, "0.1.1", dt.date(2027, 1, 15), build=False)


# --- the built distributions ------------------------------------------------------------


@pytest.fixture(scope="module")
def dists(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sdist and wheel of the core and of every plugin, built from this checkout."""
    out = tmp_path_factory.mktemp("dist")
    for project in [ROOT, *PLUGINS]:
        subprocess.run(
            [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(project)],
            capture_output=True,
            check=True,
            timeout=600,
        )
    return out


def _distributions() -> list[tuple[str, Path]]:
    return [(str(_project(p)["name"]), p) for p in [ROOT, *PLUGINS]]


def _files(dists: Path, name: str, version: str) -> tuple[Path, Path]:
    stem = f"{name.replace('-', '_')}-{version}"
    wheel, sdist = dists / f"{stem}-py3-none-any.whl", dists / f"{stem}.tar.gz"
    assert wheel.exists(), sorted(p.name for p in dists.iterdir())
    assert sdist.exists(), sorted(p.name for p in dists.iterdir())
    return wheel, sdist


def _source_files(package: Path) -> set[str]:
    """Every file of a package's source folder, as paths inside the wheel."""
    return {
        str(path.relative_to(package.parent))
        for path in package.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }


@pytest.mark.slow
@pytest.mark.parametrize(("name", "project"), _distributions(), ids=lambda v: getattr(v, "name", v))
def test_wheel_and_sdist_carry_the_release_and_everything_shipped(
    dists: Path, name: str, project: Path
) -> None:
    """Valid core metadata at the source's version; the wheel holds exactly the package's
    files (schemas, examples, specification texts, py.typed included; no caches, no tests);
    the sdist holds the sources the wheel was built from."""
    info = _project(project)
    version = _core_version() if project == ROOT else str(info["version"])
    wheel, sdist = _files(dists, name, version)
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        dist_info = f"{name.replace('-', '_')}-{version}.dist-info"
        raw = archive.read(f"{dist_info}/METADATA").decode("utf-8")
        entry_points = archive.read(f"{dist_info}/entry_points.txt").decode("utf-8")
    metadata = Metadata.from_email(raw, validate=True)  # raises on invalid core metadata
    assert name == metadata.name
    assert version == str(metadata.version)
    assert ">=3.11" == str(metadata.requires_python)
    assert "MIT" == metadata.license_expression
    assert "text/markdown" == metadata.description_content_type
    assert f"{dist_info}/licenses/LICENSE" in names
    dependencies = info["dependencies"]
    assert isinstance(dependencies, list)
    declared = {str(Requirement(r)) for r in dependencies}
    required = {str(r) for r in metadata.requires_dist or [] if r.marker is None}
    assert declared == required
    package = next((project / "src").iterdir())
    shipped = {n for n in names if not n.startswith(dist_info)}
    assert _source_files(package) == shipped
    assert f"{package.name}/py.typed" in shipped
    with tarfile.open(sdist) as archive:
        members = {m.split("/", 1)[1] for m in archive.getnames() if "/" in m}
    assert {"pyproject.toml", "PKG-INFO", "README.md", "LICENSE"} <= members
    assert {f"src/{n}" for n in shipped} <= members
    assert not [m for m in members if "__pycache__" in m or m.endswith(".pyc")]
    if project == ROOT:
        schemas = {p.name for p in (package / "schemas").glob("*.schema.json")}
        assert {"contract.schema.json", "referral.schema.json", "roster.schema.json"} <= schemas
        assert {f"childcare_commissioning/schemas/{s}" for s in schemas} <= shipped
        assert "childcare_commissioning/examples/referral.json" in shipped
        assert "[console_scripts]\nchildcare-commissioning = " in entry_points
        assert "CHANGELOG.md" in members
        assert not [m for m in members if m.startswith(("plugins/", "benchmarks/", "docs/"))]
        assert {"bulk", "contacts", "oruk", "ubl", "arrow"} <= set(metadata.provides_extra or [])
    else:
        assert f"{package.name}/specification.txt" in shipped
        assert f"{package.name}/examples/contract.json" in shipped
        council = project.name
        assert f"[childcare_commissioning.councils]\n{council} = {package.name}" in entry_points
        core = [r for r in metadata.requires_dist or [] if r.name == "childcare-commissioning"]
        assert 1 == len(core)
        assert _core_version() in core[0].specifier  # the core released beside it fits


@pytest.fixture(scope="module")
def fresh(dists: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new virtual environment outside the checkout with the built wheels installed
    (their dependencies from the package index); yields its bin folder."""
    place = tmp_path_factory.mktemp("fresh")
    assert not place.resolve().is_relative_to(ROOT)
    venv.EnvBuilder(with_pip=True).create(place / "venv")
    bin_dir = place / "venv" / "bin"
    wheels = sorted(str(p) for p in dists.glob("*.whl"))
    assert 1 + len(PLUGINS) == len(wheels)
    subprocess.run(
        [str(bin_dir / "python"), "-m", "pip", "install", "--quiet", *wheels],
        capture_output=True,
        check=True,
        cwd=place,
        timeout=900,
    )
    return bin_dir


def _run_in(bin_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The installed console script, run from outside the checkout with a clean env."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env.pop("CHILDCARE_COMMISSIONING_PLUGINS", None)
    return subprocess.run(
        [str(bin_dir / "childcare-commissioning"), *args],
        capture_output=True,
        text=True,
        cwd=bin_dir.parent.parent,
        env=env,
        check=False,
        timeout=300,
    )


def _run_here(*args: str) -> subprocess.CompletedProcess[str]:
    """The same command from this checkout's environment."""
    return subprocess.run(
        [sys.executable, "-m", "childcare_commissioning.cli", *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


@pytest.mark.slow
def test_installed_wheels_import_from_the_new_environment_only(fresh: Path) -> None:
    """The code answering is the installed copy, not this checkout; numpy and phonenumbers
    (the bulk and contacts extras) are not installed; pip finds nothing inconsistent."""
    modules = ["childcare_commissioning", *(f"childcare_commissioning_{p.name}" for p in PLUGINS)]
    script = (
        "import importlib, sys\nfor m in sys.argv[1:]: print(importlib.import_module(m).__file__)"
    )
    result = subprocess.run(
        [str(fresh / "python"), "-c", script, *modules],
        capture_output=True,
        text=True,
        check=True,
        cwd=fresh.parent.parent,
    )
    files = result.stdout.split()
    assert len(modules) == len(files)
    assert all(Path(f).is_relative_to(fresh.parent) for f in files), files
    missing = (
        "import importlib.util as u; "
        "print([m for m in ('numpy', 'phonenumbers') if u.find_spec(m)])"
    )
    found = subprocess.run([str(fresh / "python"), "-c", missing], capture_output=True, text=True)
    assert "[]" == found.stdout.strip()
    check = subprocess.run([str(fresh / "python"), "-m", "pip", "check"], capture_output=True)
    assert 0 == check.returncode, check.stdout


@pytest.mark.slow
def test_installed_version_and_councils(fresh: Path) -> None:
    """`--version` prints the release; `councils` lists every plugin built, each from its
    installed distribution at its own version, and no other (Testshire is not shipped)."""
    version = _run_in(fresh, "--version")
    assert 0 == version.returncode, version.stderr
    assert f"childcare-commissioning {_core_version()}" == version.stdout.strip()
    assert "dev" not in _core_version()
    councils = _run_in(fresh, "councils", "--format", "json")
    assert 0 == councils.returncode, councils.stderr
    listed = {c["id"]: (c["distribution"], c["version"]) for c in json.loads(councils.stdout)}
    expected = {p.name: (str(_project(p)["name"]), str(_project(p)["version"])) for p in PLUGINS}
    assert expected == listed


@pytest.mark.slow
@pytest.mark.parametrize("plugin", PLUGINS, ids=lambda p: p.name)
def test_each_council_answers_from_the_install_as_from_the_checkout(
    fresh: Path, plugin: Path
) -> None:
    """A deadline answer and a check of the council's shipped example contract (read from
    the installed package) are the same, byte for byte, as this checkout's answers."""
    council = plugin.name
    deadlines = ("deadlines", "--council", council, "--at", "2025-03-28T10:00", "--format", "json")
    installed, here = _run_in(fresh, *deadlines), _run_here(*deadlines)
    assert 0 == installed.returncode, installed.stderr
    assert (here.stdout, here.stderr) == (installed.stdout, installed.stderr)  # warnings too
    assert json.loads(installed.stdout)  # at least one deadline answered
    where = subprocess.run(
        [
            str(fresh / "python"),
            "-c",
            f"from importlib.resources import files; "
            f"print(files('childcare_commissioning_{council}') / 'examples' / 'contract.json')",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert Path(where).is_relative_to(fresh.parent)
    ours = next(plugin.glob("src/*/examples/contract.json"))
    check = ("contract", "check", "--format", "json")
    installed, here = (
        _run_in(fresh, *check[:2], where, *check[2:]),
        _run_here(*check[:2], str(ours), *check[2:]),
    )
    assert 0 == installed.returncode, installed.stderr
    assert (here.stdout, here.stderr) == (installed.stdout, installed.stderr)
    assert council == json.loads(installed.stdout)["council"]
