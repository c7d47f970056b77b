"""Example documents bundled with the package, used by ``childcare-commissioning demo``.

All people in them are invented.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from importlib.resources import files
from typing import Any

__all__ = ["load_examples", "read_example"]


def read_example(name: str) -> str:
    """The text of the bundled example file ``name`` (``"referral.json"``)."""
    return files(__name__).joinpath(name).read_text(encoding="utf-8")


def load_examples(package: str, names: Iterable[str]) -> dict[str, Any]:
    """Parsed JSON example documents ``<name>.json`` from the ``examples`` folder of
    ``package`` (a council plugin's import name), for its examples hook."""
    folder = files(package).joinpath("examples")
    return {
        name: json.loads(folder.joinpath(f"{name}.json").read_text(encoding="utf-8"))
        for name in names
    }
