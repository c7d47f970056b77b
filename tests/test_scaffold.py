"""The scaffold generates a plugin that installs, passes its tests, and is listed."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from childcare_commissioning.cli import main
from childcare_commissioning.conformance import ConformanceSuite
from childcare_commissioning.scaffold import ScaffoldError, scaffold

ROOT = Path(__file__).resolve().parents[1]


def _fresh_venv(path: Path) -> Path:
    """A new virtual environment that sees this environment's packages (through a .pth
    file, so no network is needed) and in which new distributions install separately."""
    subprocess.run([sys.executable, "-m", "venv", str(path)], check=True)
    python = path / "bin" / "python"
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    ours = sysconfig.get_paths()["purelib"]
    (Path(site) / "_parent_env.pth").write_text(
        f"import site; site.addsitedir({ours!r})\n", encoding="utf-8"
    )
    return python


@pytest.mark.slow
def test_scaffolded_plugin_installs_passes_and_is_listed(tmp_path: Path) -> None:
    """Scaffold 'north-yorkshire', install it into a fresh venv, run its tests (the
    conformance kit included) and see it in `councils --format json`."""
    folder = scaffold("north-yorkshire", tmp_path)
    python = _fresh_venv(tmp_path / "venv")
    env = {k: v for k, v in os.environ.items() if k != "CHILDCARE_COMMISSIONING_PLUGINS"}
    subprocess.run(
        [
            str(python),
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            str(folder),
        ],
        check=True,
        env=env,
        capture_output=True,
    )
    tests = subprocess.run(
        [str(python), "-m", "pytest", "-q", "-p", "no:cacheprovider", str(folder / "tests")],
        capture_output=True,
        text=True,
        env=env,
        cwd=folder,
    )
    assert 0 == tests.returncode, tests.stdout + tests.stderr
    kit_tests = [name for name in dir(ConformanceSuite) if name.startswith("test_")]
    # The kit plus one worked example for each role of the package (TESTS below).
    assert f"{len(kit_tests) + len(TESTS) - 1} passed" in tests.stdout
    listed = subprocess.run(
        [str(python), "-m", "childcare_commissioning.cli", "councils", "--format", "json"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    councils = {c["id"]: c for c in json.loads(listed.stdout)}
    assert "childcare-commissioning-north-yorkshire" == councils["north-yorkshire"]["distribution"]
    # The built handbook (a copy of docs/ and mkdocs.yml, so the repository is untouched).
    handbook = tmp_path / "handbook"
    shutil.copytree(ROOT / "docs", handbook / "docs", ignore=shutil.ignore_patterns("generated"))
    shutil.copy(ROOT / "mkdocs.yml", handbook / "mkdocs.yml")
    shutil.copytree(ROOT / "docs_hooks", handbook / "docs_hooks")  # mkdocs.yml's hooks
    shutil.copytree(ROOT / "src", handbook / "src")  # the API reference reads the sources
    subprocess.run(
        [
            str(python),
            "-m",
            "childcare_commissioning.cli",
            "docs",
            "build",
            "--out",
            "docs/generated",
            "--site-dir",
            "site",
        ],
        check=True,
        env=env,
        cwd=handbook,
        capture_output=True,
    )
    page = handbook / "site" / "generated" / "councils" / "north-yorkshire.html"
    assert "North Yorkshire Council" in page.read_text(encoding="utf-8")


def test_bad_names_and_existing_folders_are_refused(tmp_path: Path) -> None:
    """Council ids are lower case with hyphens; an existing folder is never overwritten."""
    with pytest.raises(ScaffoldError, match="lower case"):
        scaffold("North Yorkshire", tmp_path)
    scaffold("york", tmp_path)
    with pytest.raises(ScaffoldError, match="already exists"):
        scaffold("york", tmp_path)


def test_new_council_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The command writes the files and says where."""
    assert 0 == main(["new-council", "hull", "--dir", str(tmp_path), "--format", "json"])
    assert str(tmp_path / "hull") == json.loads(capsys.readouterr().out)["path"]
    assert (tmp_path / "hull" / "src" / "childcare_commissioning_hull" / "__init__.py").exists()
    assert 2 == main(["new-council", "hull", "--dir", str(tmp_path)])


#: The one shape every council plugin shares (docs/tutorial.md, "The shape of a plugin"):
#: module -> role.
SHAPE = {
    "__init__.py": "SPEC and the hook implementations",
    "_cite.py": "cite(clause, quote) into the council's own text",
    "rules": "the declarations the library evaluates, one module per role",
    "duties.py": "the monitoring checklist and the computations",
    "register.py": "the account of the whole text",
    "monitoring.py": "what events show",
    "checks.py": "the rules computed in code",
    "examples": "example documents for the examples hook",
    "specification.txt": "the text itself",
    "py.typed": "typing marker",
}

#: The modules of ``rules/``: a plugin has those of the roles its text has.
RULE_MODULES = {
    "__init__.py": "every declaration, importable from ``rules``",
    "timing.py": "calendars, deadlines, obligations",
    "referrals.py": "areas, services, routes, offers, cohorts, exclusions, limits",
    "workforce.py": "staff requirements",
    "safeguarding.py": "contacts, routing, notifiable events",
    "billing.py": "billing terms, budgets",
    "outcomes.py": "outcome measures, reference tables",
    "glossary.py": "the glossary",
    "readings.py": "the readings chosen where the text is unclear",
}

#: The tests beside every plugin, one file per role of the package.
TESTS = {
    "test_conformance.py": "the conformance kit",
    "test_rules.py": "hand-worked tests of the declarations",
    "test_register.py": "the account of the text",
    "test_duties.py": "the checklist and the computations' list",
    "test_monitoring.py": "what events show",
    "test_checks.py": "the code the hooks call",
    "test_examples.py": "the examples hook and the commands over the examples",
}
#: Present where the plugin has them: contract variations, the ids snapshot, helpers the
#: tests of two or more roles share (imported as ``from .helpers import ...``).
OPTIONAL_TESTS = {"test_contract.py", "rule-ids.txt", "helpers.py"}

COUNCILS = ("derby", "plymouth", "somerset", "stoke", "triborough")


def _layout(folder: Path) -> tuple[set[str], set[str], set[str]]:
    """A plugin distribution's layout: the names in its package (caches left out), the
    modules of its ``rules/`` and the files of its ``tests/``."""
    package = next((folder / "src").glob("childcare_commissioning_*"))
    names = {p.name for p in package.iterdir() if p.name != "__pycache__"}
    rules = package / "rules"
    modules = {p.name for p in rules.iterdir() if p.suffix == ".py"} if rules.is_dir() else set()
    tests = {p.name for p in (folder / "tests").iterdir() if p.name != "__pycache__"}
    return names, modules, tests


def _misfits(name: str, folder: Path) -> list[str]:
    """What in ``folder``'s layout is not the one shape (an empty list when it is)."""
    names, modules, tests = _layout(folder)
    wrong = [f"{name}: package lacks {m}" for m in sorted(set(SHAPE) - names)]
    wrong += [f"{name}: package has {m}, no role of the shape" for m in sorted(names - set(SHAPE))]
    wrong += [f"{name}: rules/ has {m}" for m in sorted(modules - set(RULE_MODULES))]
    if "__init__.py" not in modules:
        wrong.append(f"{name}: rules/ lacks __init__.py")
    wrong += [f"{name}: tests lack {m}" for m in sorted(set(TESTS) - tests)]
    wrong += [f"{name}: tests have {m}" for m in sorted(tests - set(TESTS) - OPTIONAL_TESTS)]
    return wrong


def test_the_five_plugins_and_the_scaffold_share_one_layout(tmp_path: Path) -> None:
    """The scaffold's output and every shipped council plugin have the same package
    modules (SHAPE), ``rules/`` modules from the same list (RULE_MODULES) and the same test
    files (TESTS, with OPTIONAL_TESTS where the plugin has them): what differs is listed."""
    folders = {"scaffold": scaffold("north-yorkshire", tmp_path)}
    folders |= {council: ROOT / "plugins" / council for council in COUNCILS}
    assert [] == [w for name, folder in folders.items() for w in _misfits(name, folder)]


def test_a_plugin_out_of_shape_is_named_with_what_differs(tmp_path: Path) -> None:
    """A scaffolded plugin given a chapter module and a test file named for an audit, and
    with no checks.py, is reported on each count."""
    folder = scaffold("york", tmp_path)
    package = folder / "src" / "childcare_commissioning_york"
    (package / "checks.py").rename(package / "timing.py")
    (folder / "tests" / "test_checks.py").rename(folder / "tests" / "test_audit_defects.py")
    assert [
        "york: package lacks checks.py",
        "york: package has timing.py, no role of the shape",
        "york: tests lack test_checks.py",
        "york: tests have test_audit_defects.py",
    ] == _misfits("york", folder)


#: The sections of every plugin's README, in order (the scaffold writes them).
README_SECTIONS = [
    "The text in three numbers",
    "The whole text accounted for",
    "What is covered",
    "Readings",
    "What the library does not decide",
    "Examples",
    "The package",
]


def test_every_readme_has_the_same_sections_in_the_same_order(tmp_path: Path) -> None:
    """The second-level headings of the scaffold's README and of each plugin's."""
    folders = {"scaffold": scaffold("north-yorkshire", tmp_path)}
    folders |= {council: ROOT / "plugins" / council for council in COUNCILS}
    for name, folder in folders.items():
        text = (folder / "README.md").read_text(encoding="utf-8")
        sections = [line[3:] for line in text.splitlines() if line.startswith("## ")]
        assert README_SECTIONS == sections, name
