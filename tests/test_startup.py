"""Start-up: a single answer imports what it needs, and a council's deferred parts read as
the parts given directly (#42). No timings here: what is imported, and what answers."""

from __future__ import annotations

import argparse
import datetime as dt
import subprocess
import sys

import attrs
import pytest
from childcare_commissioning_plymouth.rules import timing

from childcare_commissioning.cli import _lazyparser, _parser
from childcare_commissioning.council import CouncilSpec, deferred
from childcare_commissioning.errors import ModelValueError
from childcare_commissioning.model import Area, Citation, Specification

AT = "2025-03-03T10:00:00+00:00"
ROUTE = ("safeguarding", "route", "--council", "plymouth", "--concern", "child", "--at", AT)

# Read by deferred parts below (``deferred(__name__, ...)``).
TWICE = (
    Area("north", "North", citation=Citation("made-up", "1", "a quote")),
    Area("north", "North again", citation=Citation("made-up", "1", "a quote")),
)
AS_LIST = list(TWICE[:1])
#: Plymouth's first deadline rule, made to name a calendar no council declares.
STRAY = (attrs.evolve(timing.DEADLINES[0], calendar="nowhere"),)


def _imported_by(*argv: str, status: int = 0) -> set[str]:
    """The modules a fresh process has imported once the command ``argv`` has answered
    (with exit ``status``)."""
    script = (
        "import contextlib, io, sys\n"
        "from childcare_commissioning.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    status = main({list(argv)!r})\n"
        "print(status)\n"
        "print('\\n'.join(sorted(sys.modules)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    answered, *modules = done.stdout.splitlines()
    assert str(status) == answered, done.stderr
    return set(modules)


def _any_of(modules: set[str], *prefixes: str) -> list[str]:
    return sorted(m for m in modules if m.startswith(prefixes))


def test_deadlines_table_imports_no_part_it_does_not_read() -> None:
    """Plymouth's deadlines read its calendars and deadline rules: not its register,
    billing terms, monitoring, workforce, referral routes or safeguarding contacts, nor the
    contract model (no --contract), the converter (a table) or the package metadata
    parser's other users."""
    modules = _imported_by("deadlines", "--council", "plymouth", "--at", AT)
    assert "childcare_commissioning_plymouth.rules.timing" in modules  # it did load the council
    assert [] == _any_of(
        modules,
        "childcare_commissioning.billing",
        "childcare_commissioning.register",
        "childcare_commissioning.monitoring",
        "childcare_commissioning.workforce",
        "childcare_commissioning.referrals",
        "childcare_commissioning.safeguarding",
        "childcare_commissioning.contract",
        "childcare_commissioning.convert",
        "cattrs",
        "childcare_commissioning_plymouth.register",
        "childcare_commissioning_plymouth.rules.billing",
        "childcare_commissioning_plymouth.rules.safeguarding",
        "childcare_commissioning_plymouth.monitoring",
    )


def test_deadlines_json_reads_every_declaration_but_not_the_register() -> None:
    """``--format json`` names, beside each answer, every declaration citing the same
    words (explain), so it reads every part that declares rules; the register (an account
    of the text, not a rule) and rich (tables) stay unimported."""
    modules = _imported_by("deadlines", "--council", "plymouth", "--at", AT, "--format", "json")
    assert "childcare_commissioning_plymouth.rules.safeguarding" in modules
    assert [] == _any_of(modules, "childcare_commissioning_plymouth.register", "rich")


def test_safeguarding_route_table_reads_contacts_and_deadlines_only() -> None:
    """Plymouth gives no routing for a child concern (exit 1: the answer is no) and names
    the nearest contacts: its contacts and routing are read, not its other parts."""
    modules = _imported_by(*ROUTE, status=1)
    assert "childcare_commissioning_plymouth.rules.safeguarding" in modules
    assert [] == _any_of(
        modules,
        "childcare_commissioning.billing",
        "childcare_commissioning.register",
        "childcare_commissioning.monitoring",
        "childcare_commissioning.convert",
        "childcare_commissioning_plymouth.register",
        "childcare_commissioning_plymouth.rules.billing",
        "childcare_commissioning_plymouth.rules.workforce",
    )


# --- deferred parts ------------------------------------------------------------------------


def _spec(**parts: object) -> CouncilSpec:
    return CouncilSpec(
        id="made-up",
        name="Made-up council",
        specification=Specification("Made-up spec", "1", dt.date(2024, 1, 1)),
        citation=Citation("made-up", "1", "a quote"),
        **parts,  # type: ignore[arg-type]
    )


def test_a_deferred_part_reads_as_the_part_given_directly() -> None:
    """The same object, and a spec equal to the eager one in every field."""
    eager = _spec(calendars=timing.CALENDARS, deadlines=timing.DEADLINES)
    lazy = _spec(
        calendars=deferred(timing.__name__, "CALENDARS"),
        deadlines=deferred(timing.__name__, "DEADLINES"),
    )
    assert lazy.deadlines is timing.DEADLINES
    assert eager == lazy
    assert attrs.asdict(eager) == attrs.asdict(lazy)
    assert eager == attrs.evolve(lazy, name="Made-up council")


def test_a_deferred_part_is_converted_when_read() -> None:
    """A list given by name becomes the tuple a list given directly becomes."""
    spec = _spec(areas=deferred(__name__, "AS_LIST"))
    assert isinstance(spec.areas, tuple)
    assert ("north",) == tuple(a.id for a in spec.areas)


def test_a_deferred_part_is_checked_when_read_and_every_time_it_fails() -> None:
    """Two areas with one id: refused on construction when given, on reading when
    deferred; a failed read keeps nothing, so the next read fails the same way."""
    with pytest.raises(ModelValueError, match="id 'north' appears twice"):
        _spec(areas=TWICE)
    spec = _spec(areas=deferred(__name__, "TWICE"))
    for _ in range(2):
        with pytest.raises(ModelValueError, match="id 'north' appears twice"):
            _ = spec.areas


def test_deferred_references_are_checked_when_the_part_is_read() -> None:
    """A deadline rule naming a calendar the council does not declare: refused on
    construction when given, when read when deferred."""
    with pytest.raises(ModelValueError, match="names unknown calendar 'nowhere'"):
        _spec(deadlines=STRAY)
    spec = _spec(deadlines=deferred(__name__, "STRAY"))
    with pytest.raises(ModelValueError, match="names unknown calendar 'nowhere'"):
        _ = spec.deadlines


def test_importing_the_plugin_builds_only_the_parts_a_deadline_needs() -> None:
    """Importing Plymouth builds its calendars and deadline rules; the other parts are
    declared by name and built when read, and its lazy exports are the same objects."""
    script = (
        "import sys\n"
        "import childcare_commissioning_plymouth as p\n"
        "before = sorted(m for m in sys.modules if m.startswith('childcare_commissioning_'))\n"
        "print(' '.join(before))\n"
        "print(p.SPEC.billing is p.BILLING, p.SPEC.register is not None)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    before, after = done.stdout.splitlines()
    assert [
        "childcare_commissioning_plymouth",
        "childcare_commissioning_plymouth._cite",
        "childcare_commissioning_plymouth.rules",
        "childcare_commissioning_plymouth.rules.glossary",
        "childcare_commissioning_plymouth.rules.readings",
        "childcare_commissioning_plymouth.rules.timing",
    ] == before.split()
    assert "True True" == after


# --- the lazy subcommand parsers -------------------------------------------------------------


def _helps(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()) -> dict[str, str]:
    """The help text of ``parser`` and of every subcommand under it, by command path."""
    found = {" ".join(path): parser.format_help()}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found.update(_helps(sub, (*path, name)))
    return found


def test_every_subcommand_parses_and_helps_as_an_eagerly_built_parser(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The parser with subcommands built on use gives every (nested) subcommand the same
    help, hence the same arguments, defaults and choices, as argparse building them all."""
    lazy = _helps(_parser.build_parser())
    monkeypatch.setattr(_lazyparser, "LazyParser", argparse.ArgumentParser)
    eager = _helps(_parser.build_parser())
    assert len(eager) > 30  # every command and subcommand: 38 when written
    assert eager == lazy


def test_a_subcommand_s_parser_is_built_only_when_it_runs() -> None:
    parser = _parser.build_parser()
    args = parser.parse_args(["working-days", "add", "2025-03-01", "10"])
    assert ("working-days-add", dt.date(2025, 3, 1), 10) == (args.command, args.date, args.n)
    [subparsers] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    built = sorted(
        name
        for name, sub in subparsers.choices.items()
        if not isinstance(sub, _lazyparser.LazyParser) or sub.__dict__["_lazy_built"]
    )
    assert ["working-days"] == built


def test_a_council_spec_reads_back_from_json_through_its_own_hook() -> None:
    """A council spec's part types are named for type checkers only; the converter resolves
    them when a spec is read: Testshire's spec written out and read back is the same spec."""
    from childcare_commissioning_testshire import SPEC

    from childcare_commissioning.convert import structure, unstructure
    from childcare_commissioning.council import CouncilSpec

    assert structure(unstructure(SPEC), CouncilSpec) == SPEC
