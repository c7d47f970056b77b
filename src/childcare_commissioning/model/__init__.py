"""The typed vocabulary every other module speaks: frozen, slotted attrs classes."""

from childcare_commissioning.model._fields import is_personal, personal
from childcare_commissioning.model.core import Citation, Finding, Severity, citer
from childcare_commissioning.model.council import (
    Area,
    GlossaryTerm,
    Reading,
    Service,
    Specification,
    Term,
)
from childcare_commissioning.model.package import Package, StaffRatio
from childcare_commissioning.model.people import CareEpisode, ChildOrYoungPerson, Status
from childcare_commissioning.model.referral import Channel, Referral, Referrer, Urgency

__all__ = [
    "Area",
    "CareEpisode",
    "Channel",
    "ChildOrYoungPerson",
    "Citation",
    "Finding",
    "GlossaryTerm",
    "Package",
    "Reading",
    "Referral",
    "Referrer",
    "Service",
    "Severity",
    "Specification",
    "StaffRatio",
    "Status",
    "Term",
    "Urgency",
    "citer",
    "is_personal",
    "personal",
]
