"""Triborough's safeguarding contacts per borough and where each kind of concern goes (6.6)."""

from __future__ import annotations

from childcare_commissioning.model import Channel
from childcare_commissioning.safeguarding import Concern, Contact, RouteStep, RoutingRule
from childcare_commissioning_triborough._cite import cite

__all__ = ["CONTACTS", "ROUTING"]

_CHILD = cite("6.6", "Concerns in relation to Children and Young People shall be referred to:")
_ADULT = cite(
    "6.6",
    "Concerns in relation to adults shall be referred to the relevant adult social care team, if known, or to the:",
)
_LADO = cite(
    "6.7", "the matter shall be referred immediately to the Local Authority Designated Officer"
)
WCC, RBKC, LBHF = "westminster", "kensington-and-chelsea", "hammersmith-and-fulham"
CONTACTS = (
    Contact(
        "wcc-children",
        "Westminster City Council - Children's Services Team",
        "childrens-services",
        _CHILD,
        area=WCC,
        phone="020 7641 4000",
    ),
    Contact(
        "lbhf-children",
        "London Borough of Hammersmith and Fulham - Contact and Assessment Team",
        "childrens-services",
        _CHILD,
        area=LBHF,
        phone="020 8753 5392",
    ),
    Contact(
        "rbkc-children",
        "Royal Borough of Kensington and Chelsea - Social Services",
        "childrens-services",
        _CHILD,
        area=RBKC,
        phone="020 7361 3013",
    ),
    Contact(
        "wcc-adults",
        "Westminster City Council",
        "adult-safeguarding",
        _ADULT,
        area=WCC,
        phone="020 7641 2176",
        email="safeguardingadults@westminster.gov.uk",
    ),
    Contact(
        "lbhf-adults",
        "London Borough of Hammersmith and Fulham",
        "adult-safeguarding",
        _ADULT,
        area=LBHF,
        phone="0845 313 3935",
        email="h&fadvice.care@lbhf.gov.uk",
    ),
    Contact(
        "rbkc-adults",
        "Royal Borough of Kensington and Chelsea",
        "adult-safeguarding",
        _ADULT,
        area=RBKC,
        phone="0207 361 3013",
        email="socialservicesline@rbkc.gov.uk",
        notes="Published as 0207 361 3013, the same number as RBKC Social Services (020 7361 3013) written another way; kept as published.",
    ),
    Contact(
        "wcc-lado",
        "Westminster City Council - Local Authority Designated Officer (LADO)",
        "lado",
        _LADO,
        area=WCC,
        phone="020 7641 6108",
    ),
    Contact(
        "lbhf-lado",
        "London Borough of Hammersmith and Fulham - Local Authority Designated Officer (LADO)",
        "lado",
        _LADO,
        area=LBHF,
        phone="020 8753 3636",
    ),
    Contact(
        "rbkc-lado",
        "Royal Borough of Kensington and Chelsea - Local Authority Designated Officer (LADO)",
        "lado",
        _LADO,
        area=RBKC,
        phone="020 7361 3317",
    ),
)
_PREFIX = {WCC: "wcc", RBKC: "rbkc", LBHF: "lbhf"}
_COUNCILS = (
    (WCC, "wcc", "Westminster City Council"),
    (LBHF, "lbhf", "London Borough of Hammersmith and Fulham"),
    (RBKC, "rbkc", "Royal Borough of Kensington and Chelsea"),
)
_CCGS = "the commissioning CCGs"
_DBS = "the Disclosure and Barring Service"
_CLIENT = cite(
    "6.7",
    "Similar concerns in relation to adult clients shall be referred to the Safeguarding Adults Team at the same contacts specified in 6.6 above.",
)
_GROSS = cite(
    "7.5",
    "inform the Council and CCG immediately initially by telephone, followed by a written report within 5 working days",
)
_NOTIFY = cite(
    "6.9",
    "The Provider shall notify the Council of any referrals made to the Independent Safeguarding Authority.",
)
ROUTING = (
    *(
        RoutingRule(
            f"child-{p}",
            Concern.CHILD,
            (RouteStep(f"{p}-children", Channel.PHONE, "prompt-referral"),),
            _CHILD,
            area=a,
        )
        for a, p in _PREFIX.items()
    ),
    *(
        RoutingRule(
            f"adult-{p}",
            Concern.ADULT_AT_RISK,
            (RouteStep(f"{p}-adults", Channel.PHONE, "prompt-referral"),),
            _ADULT,
            area=a,
        )
        for a, p in _PREFIX.items()
    ),
    *(
        RoutingRule(
            f"allegation-{p}",
            Concern.ALLEGATION_AGAINST_WORKER,
            (RouteStep(f"{p}-lado", Channel.PHONE, "immediately"),),
            _LADO,
            area=a,
        )
        for a, p in _PREFIX.items()
    ),
    *(
        RoutingRule(
            f"adult-client-allegation-{p}",
            Concern.ALLEGATION_ABOUT_ADULT_CLIENT,
            (RouteStep(f"{p}-adults", Channel.PHONE, "adult-client-allegation"),),
            _CLIENT,
            area=a,
            notes="6.7: to the Safeguarding Adults Team at the 6.6 adult contacts, not the LADO "
            "(reading 'adult-client-allegations').",
        )
        for a, p in _PREFIX.items()
    ),
    *(
        RoutingRule(
            f"gross-misconduct-{p}",
            Concern.GROSS_MISCONDUCT,
            (
                RouteStep(
                    f"{name} (the Council) and {_CCGS}", Channel.PHONE, "gross-misconduct-telephone"
                ),
                RouteStep(
                    f"{name} (the Council) and {_CCGS}",
                    Channel.LETTER,
                    "gross-misconduct-written-report",
                ),
            ),
            _GROSS,
            area=a,
            notes="'The Council' is read as the council of the borough concerned (reading "
            "'the-council'); the text gives it no number or address.",
        )
        for a, p, name in _COUNCILS
    ),
    RoutingRule(
        "gross-misconduct",
        Concern.GROSS_MISCONDUCT,
        (
            RouteStep(
                f"the Council of each borough concerned and {_CCGS}",
                Channel.PHONE,
                "gross-misconduct-telephone",
            ),
            RouteStep(
                f"the Council of each borough concerned and {_CCGS}",
                Channel.LETTER,
                "gross-misconduct-written-report",
            ),
        ),
        _GROSS,
        notes="Without an area: every borough whose families the member of staff works with "
        "(reading 'the-council').",
    ),
    *(
        RoutingRule(
            f"dismissal-for-harm-{p}",
            Concern.DISMISSAL_FOR_HARM,
            (
                RouteStep(_DBS, Channel.LETTER, "dbs-referral-without-delay"),
                RouteStep(
                    f"{name} (the Council)", Channel.EMAIL, "council-notified-of-dbs-referral"
                ),
            ),
            _NOTIFY,
            area=a,
            notes="No time limit or channel is given: due without delay ('dbs-referral-timing'); "
            "'the Council' is the borough's council ('the-council').",
        )
        for a, p, name in _COUNCILS
    ),
    RoutingRule(
        "dismissal-for-harm",
        Concern.DISMISSAL_FOR_HARM,
        (
            RouteStep(_DBS, Channel.LETTER, "dbs-referral-without-delay"),
            RouteStep(
                "the Council of each borough concerned",
                Channel.EMAIL,
                "council-notified-of-dbs-referral",
            ),
        ),
        _NOTIFY,
        notes="No time limit or channel is given: due without delay ('dbs-referral-timing').",
    ),
)
