"""Stoke: the rules computed in code (``checks.py``), worked by hand from the text."""

from __future__ import annotations

import pytest
from childcare_commissioning_stoke import camhs_priority_access


def test_camhs_priority_access() -> None:
    """ "Priority access for LAC scoring 17 and above"."""
    assert (True, False, False) == (
        camhs_priority_access(17, looked_after=True),
        camhs_priority_access(16, looked_after=True),
        camhs_priority_access(30, looked_after=False),
    )
    with pytest.raises(ValueError, match="between 0 and 40"):
        camhs_priority_access(41, looked_after=True)
