"""Somerset's rules computed in code (each named by a ``Computation`` in
``duties.COMPUTATIONS``): Appendix 1's Unregulated Services Job Sheet, as a typed and
validated document, and the measurable outcome of Key Objective 2 (remaining at home six
months after the first service)."""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal
from typing import Any

import attrs

from childcare_commissioning.billing import MileagePolicy, Quotation, RateBand
from childcare_commissioning.calendars import working_calendar
from childcare_commissioning.durations import DurationKind, shift_date
from childcare_commissioning.errors import ModelValueError
from childcare_commissioning.model import ChildOrYoungPerson, Finding, Package, Severity, personal
from childcare_commissioning.model._fields import non_negative, to_tuple
from childcare_commissioning.money import to_penny
from childcare_commissioning_somerset._cite import cite

__all__ = [
    "JOB_SHEET_CITATION",
    "AtHome",
    "JobSheet",
    "JobSheetLine",
    "check_job_sheet",
    "job_sheet_for",
    "living_at_home_outcome",
]

JOB_SHEET_CITATION = cite("Appendix 1: Unregulated Services Job Sheet", "Placement Authorisation")


@attrs.frozen
class JobSheetLine:
    """One line of "Services Requested": what, how much, at what unit cost."""

    description: str
    quantity: Decimal = attrs.field(validator=non_negative)
    unit: str
    unit_cost: Decimal = attrs.field(validator=non_negative)

    @property
    def cost(self) -> Decimal:
        """quantity x unit cost, to the penny."""
        return to_penny(self.quantity * self.unit_cost)


def _authorised_after_request(
    instance: JobSheet, attribute: attrs.Attribute[Any], value: Any
) -> None:
    if value is not None and value < instance.request_date:
        raise ModelValueError(
            attribute.name, "authorised-after-request", "must not be before the date of request"
        )


@attrs.frozen
class JobSheet:
    """The job sheet: who completed it and when, the young person (personal details hidden
    from repr), the services requested and their costs, and the placement authorisation."""

    request_date: dt.date
    child_id: str
    services: tuple[JobSheetLine, ...] = attrs.field(converter=to_tuple)
    form_completed_by: str | None = personal(default=None)
    child_name: str | None = personal(default=None)
    date_of_birth: dt.date | None = personal(default=None)
    lcs_number: str | None = personal(default=None)
    gender: str | None = personal(default=None)
    authorised_by: str | None = None
    authorised_date: dt.date | None = attrs.field(default=None, validator=_authorised_after_request)

    @property
    def total(self) -> Decimal:
        """The COSTS box: the sum of the lines."""
        return sum((line.cost for line in self.services), Decimal(0))

    @property
    def authorised(self) -> bool:
        """Whether the placement authorisation (by whom and when) is filled in."""
        return bool(self.authorised_by) and self.authorised_date is not None


def check_job_sheet(sheet: JobSheet, band: RateBand, mileage: MileagePolicy) -> list[Finding]:
    """Problems with a job sheet: missing details, hourly costs outside the band, mileage at
    another rate, no placement authorisation."""
    findings = []
    for field in ("form_completed_by", "child_name", "date_of_birth", "lcs_number", "gender"):
        if getattr(sheet, field) in (None, ""):
            findings.append(
                Finding(
                    Severity.ERROR,
                    "somerset.job-sheet.missing",
                    f"{field} is not filled in",
                    f"$.{field}",
                    JOB_SHEET_CITATION,
                )
            )
    if not sheet.services:
        findings.append(
            Finding(
                Severity.ERROR,
                "somerset.job-sheet.no-services",
                "no services requested",
                "$.services",
                JOB_SHEET_CITATION,
            )
        )
    for index, line in enumerate(sheet.services):
        if line.unit == "hour" and not band.contains(line.unit_cost):
            findings.append(
                Finding(
                    Severity.ERROR,
                    "somerset.job-sheet.rate-outside-band",
                    f"{line.description}: {line.unit_cost} an hour is outside {band.minimum}-{band.maximum}",
                    f"$.services[{index}].unit_cost",
                    band.citation,
                )
            )
        if line.unit == "mile" and line.unit_cost != mileage.per_mile:
            findings.append(
                Finding(
                    Severity.ERROR,
                    "somerset.job-sheet.mileage-rate",
                    f"{line.description}: mileage is paid at {mileage.per_mile} a mile",
                    f"$.services[{index}].unit_cost",
                    mileage.citation,
                )
            )
    if not sheet.authorised:
        findings.append(
            Finding(
                Severity.ERROR,
                "somerset.job-sheet.not-authorised",
                "the placement authorisation (by whom and when) is not completed",
                "$.authorised_by",
                JOB_SHEET_CITATION,
            )
        )
    return findings


def job_sheet_for(
    package: Package,
    quotation: Quotation,
    child: ChildOrYoungPerson,
    request_date: dt.date,
    completed_by: str,
    weeks: int,
    agreed_miles_per_week: Decimal = Decimal(0),
    mileage: MileagePolicy | None = None,
    lcs_number: str | None = None,
    authorised_by: str | None = None,
    authorised_date: dt.date | None = None,
) -> JobSheet:
    """A job sheet for ``weeks`` of a package: its weekly hours at the quoted rate in force on
    the request date, plus mileage agreed in advance."""
    if package.hours_per_week is None:
        raise ValueError(f"package {package.id!r} has no hours_per_week to put on a job sheet")
    rates = [
        r for r in quotation.rates if r.effective_from <= request_date and r.condition == "standard"
    ]
    if not rates:
        raise ValueError(
            f"quotation for {package.id!r} has no standard rate in force on {request_date}"
        )
    rate = max(rates, key=lambda r: r.effective_from)
    lines: list[JobSheetLine] = [
        JobSheetLine(
            f"Support, {package.hours_per_week} hours a week for {weeks} weeks",
            package.hours_per_week * weeks,
            "hour",
            rate.amount,
        )
    ]
    if agreed_miles_per_week and mileage is not None:
        lines.append(
            JobSheetLine(
                f"Mileage agreed in advance, {agreed_miles_per_week} miles a week",
                agreed_miles_per_week * weeks,
                "mile",
                mileage.per_mile,
            )
        )
    return JobSheet(
        request_date=request_date,
        child_id=child.id,
        services=lines,
        form_completed_by=completed_by,
        child_name=child.name,
        date_of_birth=child.date_of_birth,
        lcs_number=lcs_number,
        gender=child.gender,
        authorised_by=authorised_by,
        authorised_date=authorised_date,
    )


class AtHome(enum.StrEnum):
    """The state of the six-month outcome for one child."""

    ACHIEVED = "achieved"
    NOT_ACHIEVED = "not-achieved"
    PENDING = "pending"


def living_at_home_outcome(
    first_service: dt.date, on: dt.date, entered_care_on: dt.date | None = None
) -> tuple[AtHome, dt.date]:
    """The outcome on ``on`` for a child first served on ``first_service``, and the date it
    is judged (six calendar months later, clamped to the month's end). Entering care on or
    before that date means not achieved; otherwise it is achieved once the date has passed."""
    judged = shift_date(
        first_service, DurationKind.MONTHS, 6, working_calendar("england-and-wales")
    )
    if entered_care_on is not None and entered_care_on <= min(judged, on):
        return AtHome.NOT_ACHIEVED, judged
    return (AtHome.ACHIEVED if on >= judged else AtHome.PENDING), judged
