"""Triborough: helpers the tests of two or more roles share."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from childcare_commissioning_triborough import (
    REGISTER,
)

from childcare_commissioning.cli import main
from childcare_commissioning.register import normalise_text

D = dt.date


TEXT = normalise_text(REGISTER.text())


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> Any:
    assert 0 == main([*argv, "--format", "json"])
    return json.loads(capsys.readouterr().out)
