"""Somerset: the rules computed in code (``checks.py``), worked by hand from the text."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs
import pytest
from childcare_commissioning_somerset import (
    BAND,
    MILEAGE,
    AtHome,
    JobSheet,
    JobSheetLine,
    check_job_sheet,
    job_sheet_for,
    living_at_home_outcome,
)

from childcare_commissioning import ChildOrYoungPerson, loads
from childcare_commissioning.billing import (
    Quotation,
    Rate,
)
from childcare_commissioning.model import Package

from .helpers import D


def test_job_sheet_from_a_package_and_quotation() -> None:
    """4 weeks of 6 hours a week at £18.00 = 24 h = £432.00; 20 agreed miles a week at 45p
    for 4 weeks = 80 miles = £36.00; total £468.00. Authorised the day after the request."""
    package = Package("P", "somerset", "YP", D(2025, 1, 6), hours_per_week=Decimal(6))
    quote = Quotation("P", (Rate(Decimal(18), D(2025, 1, 1)),))
    child = ChildOrYoungPerson(
        "YP", area="taunton", date_of_birth=D(2011, 4, 2), name="Invented Child", gender="recorded"
    )
    sheet = job_sheet_for(
        package,
        quote,
        child,
        D(2025, 1, 3),
        "Invented Officer",
        weeks=4,
        agreed_miles_per_week=Decimal(20),
        mileage=MILEAGE,
        lcs_number="LCS-1",
        authorised_by="Placements Team manager",
        authorised_date=D(2025, 1, 4),
    )
    assert [Decimal("432.00"), Decimal("36.00")] == [line.cost for line in sheet.services]
    assert Decimal("468.00") == sheet.total
    assert [] == check_job_sheet(sheet, BAND, MILEAGE)
    assert "Invented Child" not in repr(sheet)


def test_incomplete_job_sheet_is_reported() -> None:
    """No LCS number, a £25 hourly cost, mileage at 50p and no authorisation: four findings."""
    sheet = JobSheet(
        request_date=D(2025, 1, 3),
        child_id="YP",
        services=(
            JobSheetLine("Support", Decimal(10), "hour", Decimal(25)),
            JobSheetLine("Mileage", Decimal(10), "mile", Decimal("0.50")),
        ),
        form_completed_by="Officer",
        child_name="Invented",
        date_of_birth=D(2011, 4, 2),
        gender="recorded",
    )
    assert {
        "somerset.job-sheet.missing",
        "somerset.job-sheet.rate-outside-band",
        "somerset.job-sheet.mileage-rate",
        "somerset.job-sheet.not-authorised",
    } == {f.code for f in check_job_sheet(sheet, BAND, MILEAGE)}


def test_job_sheet_round_trips_and_rejects_authorisation_before_request() -> None:
    """The job sheet is JSON in and out; an authorisation dated before the request is refused."""
    sheet = JobSheet(
        D(2025, 1, 3),
        "YP",
        (JobSheetLine("Support", Decimal(4), "hour", Decimal(18)),),
        authorised_by="M",
        authorised_date=D(2025, 1, 3),
    )
    from childcare_commissioning import dumps

    assert sheet == loads(dumps(sheet), JobSheet)
    with pytest.raises(ValueError, match="authorised_date"):
        attrs.evolve(sheet, authorised_date=D(2025, 1, 2))


@pytest.mark.parametrize(
    ("on", "entered_care", "expected"),
    [
        (D(2025, 3, 1), None, AtHome.PENDING),
        (D(2025, 7, 31), None, AtHome.ACHIEVED),
        (D(2025, 7, 30), None, AtHome.PENDING),
        (D(2025, 9, 1), D(2025, 5, 1), AtHome.NOT_ACHIEVED),
        (D(2025, 9, 1), D(2025, 8, 15), AtHome.ACHIEVED),
    ],
)
def test_living_at_home_six_months_after(
    on: dt.date, entered_care: dt.date | None, expected: AtHome
) -> None:
    """First served 31 Jan 2025: judged six months later, 31 Jul 2025. Entering care on
    1 May fails it; entering care on 15 Aug, after the window, does not."""
    outcome, judged = living_at_home_outcome(D(2025, 1, 31), on, entered_care)
    assert (expected, D(2025, 7, 31)) == (outcome, judged)
