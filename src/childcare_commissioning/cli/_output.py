"""Printing results: JSON for scripts, rich tables for people."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from childcare_commissioning.registry import RegisteredCouncil

__all__ = ["print_json", "print_table"]


def print_json(data: Any, council: RegisteredCouncil | None = None) -> None:
    """Write ``data`` (already JSON-ready) to standard output; with ``council``, every
    cited result names its rules and its source first (:func:`~childcare_commissioning.
    explain.explain`)."""
    if council is not None:
        from childcare_commissioning.explain import explain

        data = explain(data, council)
    json.dump(data, sys.stdout, indent=2, ensure_ascii=False, default=str)
    sys.stdout.write("\n")


def print_table(title: str, headers: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    """Write a table; ``rows`` of plain values, rendered with ``str``.

    Every cell, header and the title is plain text: console markup in it (``[/]``,
    ``[link=...]``, which ids and purchase orders from a file may hold) is shown as typed,
    never interpreted. A reader that stops reading (``head``) ends the command quietly."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    class _Console(Console):
        def on_broken_pipe(self) -> None:
            # rich exits with status 1 here; the command's guard makes it a quiet 0.
            raise BrokenPipeError

    table = Table(title=Text(title), title_justify="left")
    for header in headers:
        table.add_column(Text(header), overflow="fold")
    for row in rows:
        table.add_row(*(Text(str(cell)) for cell in row))
    # Piped output has no terminal width; rich would fold cells at 80 columns.
    width = None if sys.stdout.isatty() else 160
    _Console(soft_wrap=False, width=width).print(table)
