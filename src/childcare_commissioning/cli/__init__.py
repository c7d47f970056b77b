"""The ``childcare-commissioning`` console script.

Arguments are declared in :mod:`childcare_commissioning.cli._parser`, which imports
nothing heavy; each subcommand's module is imported only when it runs, so ``--help``
loads neither holidays nor babel. Every command takes ``--format json`` for scripts.

Shared machinery for every command (new commands use it too):

- `childcare_commissioning.cli._contract`: the exit statuses (0 acceptable, 1 the answer
  is no, 2 bad input or usage, 3 a bug), `InputError`, and the one place an exception
  becomes a message (no tracebacks unless debugging);
- `childcare_commissioning.cli._input`: every file argument read the same way (``-`` for
  standard input, BOM, encoding, duplicate keys, JSON Lines, CSV);
- `childcare_commissioning.csvsafe`: CSV that is safe to open in a spreadsheet.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence

from childcare_commissioning.cli._contract import guarded
from childcare_commissioning.cli._parser import build_parser

__all__ = ["main"]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the console script and return its exit status (see ``--help``: 0 acceptable,
    1 the answer is no, 2 bad input or usage, 3 a bug)."""
    args = build_parser().parse_args(argv)

    def command() -> int:
        module = importlib.import_module(f"childcare_commissioning.cli.{args.module}")
        status: int = module.run(args)
        return status

    return guarded(command, debug=args.debug)
