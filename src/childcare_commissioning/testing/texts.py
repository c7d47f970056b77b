"""Where a council's tests find its specification text (the shared folder of texts)."""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["specification_text"]


def specification_text(council: str, test_file: str) -> Path:
    """``<shared>/specs/<council>.txt``, where ``<shared>`` is ``CHILDCARE_COMMISSIONING_SHARED``
    when set (``scripts/mutation`` runs the tests from a copy of the repository, where the
    folder beside it is not the shared one), else ``../shared`` beside the repository that
    holds ``test_file`` (a council's test, ``plugins/<council>/tests/<file>``)."""
    beside = Path(test_file).resolve().parents[3].parent / "shared"
    shared = Path(os.environ.get("CHILDCARE_COMMISSIONING_SHARED", beside))
    return shared / "specs" / f"{council}.txt"
