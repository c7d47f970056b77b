"""Derby's safeguarding contacts and where each kind of concern goes."""

from __future__ import annotations

from childcare_commissioning.model import Channel
from childcare_commissioning.referrals import RouteTime
from childcare_commissioning.safeguarding import Concern, Contact, RouteStep, RoutingRule
from childcare_commissioning_derby._cite import cite

__all__ = ["CONTACTS", "ROUTING"]


TIMES = "3.3.6 Services Timescales"
MONITOR = "3.8.1 Monitoring and Reporting"
PROTECT = "3.4.6 Protection of Children, Young People and Vulnerable Adults"
CONTACTS = (
    Contact(
        "derby-city-council",
        "Derby City Council Children in Care Commissioning and Placements Team",
        "commissioning",
        cite(
            MONITOR,
            "this agreement will be monitored by the Children in Care Commissioning and Placements team.",
        ),
        hours="derby-office-hours",
        notes="No number is given in the text. Reached in normal office hours; out of hours "
        "the Council is reached through its Emergency Careline (see 'concern-notification').",
    ),
    Contact(
        "emergency-careline",
        "Derby City Council Emergency Careline",
        "emergency-duty-team",
        cite(
            TIMES,
            "Derby City Council's Emergency Careline will have access to numbers on the DPS for out of hours.",
        ),
        hours="derby-out-of-hours",
        notes="No number is given in the text; the Careline calls the providers' out of hours numbers.",
    ),
    Contact(
        "derbyshire-safeguarding-children",
        "Derby and Derbyshire Safeguarding Children procedures (Derbyshire)",
        "safeguarding-procedures",
        cite(PROTECT, "www.derbyshirescb.org.uk"),
        url="https://www.derbyshirescb.org.uk",
    ),
    Contact(
        "derby-safeguarding-children",
        "Derby and Derbyshire Safeguarding Children procedures (Derby)",
        "safeguarding-procedures",
        cite(PROTECT, "www.derbyscb.org.uk"),
        url="https://www.derbyscb.org.uk",
    ),
)
_TO_COUNCIL = (
    RouteStep(
        "derby-city-council",
        Channel.PHONE,
        "concern-same-day",
        when=RouteTime.IN_HOURS,
        calendar="derby-office-hours",
    ),
    RouteStep(
        "emergency-careline",
        Channel.PHONE,
        "concern-same-day",
        when=RouteTime.OUT_OF_HOURS,
        calendar="derby-office-hours",
    ),
)
_CHANNEL_NOTE = (
    "The text says 'notified to the Council the same day' and gives no channel or number: "
    "in office hours the Council is reached through the team that monitors the IPA, out of "
    "hours (nights, weekends, bank holidays) through its Emergency Careline, by phone (see "
    "'concern-notification'); the procedures are at the two safeguarding websites."
)
ROUTING = (
    RoutingRule(
        "concern",
        Concern.CHILD,
        _TO_COUNCIL,
        cite(
            PROTECT,
            "Providers working with children should adopt the Derby and Derbyshire Safeguarding Children procedures.",
        ),
        notes=_CHANNEL_NOTE,
    ),
    RoutingRule(
        "adult-concern",
        Concern.ADULT_AT_RISK,
        _TO_COUNCIL,
        cite(
            PROTECT,
            "with allegations or concerns about vulnerable service users",
        ),
        notes="Care leavers aged 18-25 are vulnerable adults under 3.4.6's heading; 'any "
        "concerns or alerts' go to the Council the same day. " + _CHANNEL_NOTE,
    ),
    RoutingRule(
        "adult-client-allegation",
        Concern.ALLEGATION_ABOUT_ADULT_CLIENT,
        _TO_COUNCIL,
        cite(
            PROTECT,
            "with allegations or concerns about vulnerable service users",
        ),
        notes="An allegation about a service user aged 18 or over (a care leaver) is among "
        "'any concerns or alerts'. " + _CHANNEL_NOTE,
    ),
    RoutingRule(
        "allegation",
        Concern.ALLEGATION_AGAINST_WORKER,
        _TO_COUNCIL,
        cite(
            PROTECT,
            "The Provider must ensure that appropriate procedures are in place to ensure that staff report, and deal appropriately, with allegations or concerns about vulnerable service users.",
        ),
        notes="Allegations against staff are among 'any concerns or alerts'. " + _CHANNEL_NOTE,
    ),
)
