"""Access to ../shared/data, the official reference data the tests check against."""

from __future__ import annotations

import datetime as dt
import json
import os
from functools import cache
from pathlib import Path

import pytest

#: ``../shared`` beside the repository; ``CHILDCARE_COMMISSIONING_SHARED`` overrides it for
#: runs from a copy of the tests (``scripts/mutation`` runs them from ``mutants/``).
SHARED = (
    Path(
        os.environ.get(
            "CHILDCARE_COMMISSIONING_SHARED", Path(__file__).resolve().parents[1].parent / "shared"
        )
    )
    / "data"
)


@cache
def govuk_bank_holidays() -> dict[str, set[dt.date]]:
    """The GOV.UK feed's dates by division ('england-and-wales', 'scotland', ...)."""
    path = SHARED / "govuk-bank-holidays-2019-2027.json"
    if not path.exists():
        pytest.fail(f"reference data missing: {path} (CI clones ../shared beside the repo)")
    feed = json.loads(path.read_text(encoding="utf-8"))
    return {
        division: {dt.date.fromisoformat(e["date"]) for e in body["events"]}
        for division, body in feed.items()
    }
