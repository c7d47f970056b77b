"""Stoke's rules computed in code (each named by a ``Computation`` in
``duties.COMPUTATIONS``): NHS CAMHS priority access from an SDQ score (1.4.2)."""

from __future__ import annotations

from childcare_commissioning_stoke._cite import cite

__all__ = ["CAMHS_PRIORITY", "camhs_priority_access"]

CAMHS_PRIORITY = cite(
    "1.4.2 Current Service Provision", "Priority access for LAC scoring 17 and above"
)


def camhs_priority_access(sdq_score: int, looked_after: bool) -> bool:
    """Whether NHS CAMHS gives priority access: a looked after child scoring 17 or above on
    the Strengths and Difficulties Questionnaire (scores run 0 to 40)."""
    if not 0 <= sdq_score <= 40:
        raise ValueError("an SDQ total difficulties score is between 0 and 40")
    return looked_after and sdq_score >= 17
