"""The console script: councils, demo, and a fast, lazy --help."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from childcare_commissioning.cli import main


def test_councils_json_lists_testshire_with_its_distribution(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`councils --format json` is a list of objects with id, name, distribution, version."""
    assert 0 == main(["councils", "--format", "json"])
    councils = {c["id"]: c for c in json.loads(capsys.readouterr().out)}
    testshire = councils["testshire"]
    assert "Testshire County Council" == testshire["name"]
    assert "childcare-commissioning-testshire" == testshire["distribution"]
    assert "0.1.0" == testshire["version"]
    assert ["outreach"] == testshire["services"]


def test_councils_table_shows_each_council(capsys: pytest.CaptureFixture[str]) -> None:
    """The human table names the council and its plugin distribution."""
    assert 0 == main(["councils"])
    out = capsys.readouterr().out
    assert "testshire" in out
    assert "Testshire County Council" in out


def test_demo_json_covers_each_section(capsys: pytest.CaptureFixture[str]) -> None:
    """The demo reads the example referral and reports the broken one's four problems."""
    assert 0 == main(["demo", "--format", "json"])
    tour = json.loads(capsys.readouterr().out)
    assert "urgent" == tour["referral"]["urgency"]
    assert "Alex Invented" not in tour["referral"]["repr"]
    assert 4 == len(tour["broken_referral_problems"])
    assert any(c["id"] == "testshire" for c in tour["councils"])


def test_unknown_command_is_a_usage_error() -> None:
    """argparse rejects an unknown subcommand with exit status 2."""
    with pytest.raises(SystemExit) as caught:
        main(["frobnicate"])
    assert 2 == caught.value.code


def test_help_does_not_import_heavy_dependencies() -> None:
    """--help must start fast: holidays, babel, pendulum and rich stay unloaded."""
    code = (
        "import sys\n"
        "from childcare_commissioning.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('holidays', 'babel', 'pendulum', 'rich') if m in sys.modules]\n"
        "print('HEAVY=' + ','.join(heavy))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert "HEAVY=" == result.stdout.strip().splitlines()[-1]
