"""Reference data from 1.4.2 Evidence of need, and CAMHS priority access (2.1 links)."""

from __future__ import annotations

from childcare_commissioning.measures import ReferenceTable
from childcare_commissioning_stoke._cite import cite

__all__ = [
    "CAMHS_PRIORITY",
    "PLACEMENT_STABILITY",
    "REFERENCE_TABLES",
    "SDQ_SCORES",
    "camhs_priority_access",
]

#: All SDQ scores by year: (below 17, 17 and above, total recorded, average, median).
SDQ_SCORES = {
    "2014-15": (131, 82, 213, 14.4, 14),
    "2015-16": (160, 116, 276, 14.9, 15),
    "2016-17": (203, 146, 349, 14.3, 14),
    "2017-18": (155, 89, 244, 14.0, 13),
}
SDQ_CITATION = cite(
    "1.4.2 Evidence of need",
    "strength and difficulty questionnaires on young people who have been in care for more than one year",
)

#: Short-term placement stability at 31/12/17: placements -> (all, own, external).
PLACEMENT_STABILITY = {
    "3 or more": (56, 6, 14),
    "2": (149, 34, 49),
    "1": (431, 127, 112),
    "total": (636, 167, 175),
}
STABILITY_CITATION = cite(
    "1.4.2 Evidence of need",
    "As at 31/12/17 there were 636 Children included in our short term placement stability measure.",
)

CAMHS_PRIORITY = cite("2 Description", "Priority access for LAC scoring 17 and above")


def camhs_priority_access(sdq_score: int, looked_after: bool) -> bool:
    """Whether NHS CAMHS gives priority access: a looked after child scoring 17 or above on
    the Strengths and Difficulties Questionnaire (scores run 0 to 40)."""
    if not 0 <= sdq_score <= 40:
        raise ValueError("an SDQ total difficulties score is between 0 and 40")
    return looked_after and sdq_score >= 17


REFERENCE_TABLES = (
    ReferenceTable(
        "sdq-scores",
        "All SDQ scores, children in care for more than one year",
        ("Year", "Below 17", "17 and above", "Total recorded", "Average", "Median"),
        [
            (year, str(b), str(a), str(t), str(avg), str(med))
            for year, (b, a, t, avg, med) in SDQ_SCORES.items()
        ],
        SDQ_CITATION,
        notes="17 and above is the threshold for priority access to NHS CAMHS.",
    ),
    ReferenceTable(
        "short-term-placement-stability",
        "Short term placement stability at 31/12/17",
        ("Placements", "All", "Own (in-house)", "External"),
        [(k, str(a), str(o), str(e)) for k, (a, o, e) in PLACEMENT_STABILITY.items()],
        STABILITY_CITATION,
    ),
)
