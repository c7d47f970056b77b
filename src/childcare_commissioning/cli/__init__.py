"""The ``childcare-commissioning`` console script.

Arguments are declared in :mod:`childcare_commissioning.cli._parser`, which imports
nothing heavy; each subcommand's module is imported only when it runs, so ``--help``
loads neither holidays nor babel. Every command takes ``--format json`` for scripts.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Sequence

from childcare_commissioning.cli._parser import build_parser

__all__ = ["main"]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the console script and return its exit status (2 for a usage or input error)."""
    args = build_parser().parse_args(argv)
    module = importlib.import_module(f"childcare_commissioning.cli.{args.module}")
    from childcare_commissioning.errors import CommissioningError

    try:
        status: int = module.run(args)
    except CommissioningError as exc:
        print(f"childcare-commissioning: error: {exc}", file=sys.stderr)
        return 2
    return status
