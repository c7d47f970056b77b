"""Who may refer to Plymouth's framework, for what, and who is eligible."""

from __future__ import annotations

from childcare_commissioning.eligibility import Cohort
from childcare_commissioning.model import Channel, Status
from childcare_commissioning.referrals import Offer, ReferralRoute
from childcare_commissioning_plymouth._cite import cite

__all__ = ["COHORTS", "OFFERS", "ROUTES"]

KEY = "3.1 Key activity"

ROUTES = (
    ReferralRoute(
        id="council",
        name="Referral by Plymouth City Council (secure email, in and out of hours)",
        citation=cite(
            "3.3 Referral routes",
            "identified and referred by the Council. The Provider will not accept self-referrals.",
        ),
        referrer_roles=frozenset({"social-worker", "lead-professional", "commissioning-officer"}),
        organisations=frozenset({"Plymouth City Council"}),
        channels=frozenset({Channel.SECURE_EMAIL}),
        notes="Referrals arrive via secure email, including out of hours (3.3 Access to the "
        "service); the provider answers with an expression of interest.",
    ),
)

#: The ten circumstances of 3.1 that a referral may request.
OFFERS = (
    Offer(
        "short-breaks-community",
        "Short break care/support in the community (SEND)",
        cite(KEY, "'short break' care/support in the community"),
    ),
    Offer(
        "short-breaks-home",
        "Short break care/support in the family home (profound and complex disabilities)",
        cite(KEY, "'short break' care/support in the family home"),
    ),
    Offer(
        "edge-of-care",
        "Support at the edge of care",
        cite(KEY, "level of health and/or social care need is at 'edge of care'"),
    ),
    Offer(
        "parent-baby-hospital",
        "Parent and newborn baby support or supervision in hospital",
        cite(
            KEY,
            "a parent and newborn baby/ies subject to statutory children's social care intervention",
        ),
    ),
    Offer(
        "child-in-hospital",
        "Support or supervision of a child or young person in hospital",
        cite(KEY, "requires support and/or supervision whilst in hospital"),
    ),
    Offer(
        "dols",
        "Services for a child or young person under court ordered DoLS (or LPS)",
        cite(KEY, "subject to court ordered Deprivation of Liberty Safeguards (DoLS)"),
    ),
    Offer(
        "emergency-entry-to-care",
        "Emergency or crisis entry to care, until a matched placement",
        cite(KEY, "enters local authority care in response to an 'emergency' or 'crisis'"),
    ),
    Offer(
        "transition-between-placements",
        "Transition between placements",
        cite(KEY, "in transition between placements as a result of changing needs"),
    ),
    Offer(
        "placement-at-risk",
        "A placement at risk of breaking down",
        cite(KEY, "at risk of breaking down, to promote stability and continuity"),
    ),
    Offer(
        "reunification",
        "Reunification with family after being looked after",
        cite(KEY, "in the process of reunification with their family"),
    ),
)

COHORTS = (
    Cohort(
        "statutory-intervention",
        "Eligible for statutory intervention (Children Act 1989, Children and Families Act "
        "2014, Care Act 2014)",
        cite(
            "3.2 Eligibility criteria",
            "eligible for statutory intervention as set out in the Children Act 1989 and/or "
            "Children and Families Act 2014 and/or the Care Act 2014",
        ),
        statuses=frozenset(
            {
                Status.CHILD_IN_NEED,
                Status.CHILD_PROTECTION,
                Status.LOOKED_AFTER,
                Status.EDGE_OF_CARE,
                Status.CARE_LEAVER,
                Status.SEND,
                Status.DISABLED,
            }
        ),
        notes="The text sets no age band: eligibility follows the named Acts as the Council "
        "identifies it, so no age limit is applied here.",
    ),
)
