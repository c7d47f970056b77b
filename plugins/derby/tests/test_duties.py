"""Derby: the monitoring checklist and the computations' list in ``duties.py``."""

from __future__ import annotations

import datetime as dt

from childcare_commissioning_derby import SPEC


def test_triggered_duties_are_listed_at_each_review() -> None:
    """Section 4 of the round 2 audit (reading 'review-duties'): the matrix re-assessment
    (3.2.4), the amended support plan and its copies (3.8.1) and the EIA (3.4.3) are listed
    with each formal review. Placement from Monday 6 January 2025 to 5 July 2025: reviews
    on 20 January (2 weeks), then 20 April (3 months on); 20 July is after its end. Listed
    from 1 January to 31 December 2025, each review date carries the review and the three
    duties, for that placement."""
    from childcare_commissioning.model import Package
    from childcare_commissioning.obligations import obligations_between

    placement = Package("IPA-1", "derby", "YP-1", dt.date(2025, 1, 6), dt.date(2025, 7, 5))
    found = obligations_between(
        SPEC.all_obligations(),
        dt.date(2025, 1, 1),
        dt.date(2025, 1, 1),
        dt.date(2025, 12, 31),
        SPEC.calendars,
        packages=[placement],
    )
    at_reviews: dict[dt.date, set[str]] = {}
    for occurrence in found:
        if occurrence.package_id == "IPA-1" and occurrence.obligation_id.startswith(
            ("placement-review", "review-")
        ):
            at_reviews.setdefault(occurrence.due_date, set()).add(occurrence.obligation_id)
    together = {"placement-review", "review-matrix", "review-support-plan", "review-eia"}
    assert at_reviews == {dt.date(2025, 1, 20): together, dt.date(2025, 4, 20): together}
