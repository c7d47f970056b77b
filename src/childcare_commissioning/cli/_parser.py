"""Argument declarations for every subcommand; deliberately free of heavy imports."""

from __future__ import annotations

import argparse

__all__ = ["build_parser"]


def _command(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], name: str, module: str, help: str
) -> argparse.ArgumentParser:
    command = sub.add_parser(name, help=help, description=help)
    command.add_argument(
        "--format", choices=("table", "json"), default="table", help="output format"
    )
    command.set_defaults(module=module)
    return command


def build_parser() -> argparse.ArgumentParser:
    """The parser for ``childcare-commissioning`` and all its subcommands."""
    parser = argparse.ArgumentParser(
        prog="childcare-commissioning",
        description="UK councils' children's social care specifications as cited, typed rules.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    _command(sub, "councils", "councils", "list the installed councils and their plugins")
    _command(sub, "demo", "demo", "run an end-to-end tour on bundled example data")
    return parser
