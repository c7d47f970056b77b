"""Example documents bundled with the package, used by ``childcare-commissioning demo``.

All people in them are invented.
"""

from __future__ import annotations

from importlib.resources import files

__all__ = ["read_example"]


def read_example(name: str) -> str:
    """The text of the bundled example file ``name`` (``"referral.json"``)."""
    return files(__name__).joinpath(name).read_text(encoding="utf-8")
