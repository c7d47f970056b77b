"""Who may refer to Plymouth's framework, for what, and who is eligible."""

from __future__ import annotations

from childcare_commissioning.eligibility import Cohort
from childcare_commissioning.measures import ReferenceTable
from childcare_commissioning.model import Channel
from childcare_commissioning.referrals import Offer, OfferList, ReferralRoute
from childcare_commissioning_plymouth._cite import cite

__all__ = ["COHORTS", "DOCUMENTS", "OFFERS", "OFFER_LISTS", "ROUTES"]

KEY = "3.1 Key activity"

ROUTES = (
    ReferralRoute(
        id="council",
        name="Referral by Plymouth City Council (secure email, in and out of hours)",
        citation=cite(
            "3.3 Referral routes",
            "identified and referred by the Council. The Provider will not accept self-referrals.",
        ),
        organisations=frozenset({"Plymouth City Council"}),
        channels=frozenset({Channel.SECURE_EMAIL}),
        notes="Any referrer of Plymouth City Council may refer (social worker, lead "
        "professional, team manager, IRO, Out of Hours...): the text asks only that the "
        "Council refers. Referrals arrive via secure email, including out of hours (3.3 "
        "Access to the service); the provider answers with an expression of interest.",
    ),
)

#: The ten circumstances of 3.1, then the key activities 3.1 lists, that a referral may
#: request. Both lists are open ("including but not limited to").
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
    Offer(
        "family-time",
        "Facilitating and supporting family time (not supervising, observing, assessing or "
        "recording it)",
        cite(KEY, "Facilitating and supporting family time"),
        notes="Facilitation of family time will NOT include supervision of these "
        "arrangements, or undertaking observations, assessment or recording of family time.",
    ),
    Offer(
        "multi-agency-meetings",
        "Contributing to multi-agency meetings and statutory reviews",
        cite(KEY, "Contributing to multi-agency meetings / statutory reviews"),
    ),
    Offer(
        "engagement-with-services",
        "Supporting the child's engagement with other services in the Care/Pathway Plan",
        cite(KEY, "Proactively supporting and encouraging the child or young person's engagement"),
    ),
    Offer(
        "transport",
        "Transporting children and young people",
        cite(KEY, "Transporting children and young people"),
        notes="Roadworthy vehicle (valid MOT), full current driving licence, business "
        "insurance (workforce transport-*).",
    ),
    Offer(
        "medicines",
        "Administering medication",
        cite(KEY, "may be required to administer medication"),
        notes="Staff follow Appendix 2, which the text says is 'to follow' (reading "
        "appendix-2-to-follow).",
    ),
)

#: 3.1's lists are open: a request they do not name needs the Council's agreement.
OFFER_LISTS = (
    OfferList(
        "key-activity",
        cite(KEY, "in a range of circumstances, including but not limited to"),
        approver="Plymouth City Council",
        notes="The circumstances and the key activities ('include, but are not limited "
        "to') are both open lists (reading open-list-of-circumstances). Facilitating family "
        "time never includes supervising, observing, assessing or recording it (duty "
        "family-time-not-supervised).",
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
        identified_by="Plymouth City Council",
        notes="Eligibility is the Council's identification of a child as eligible for "
        "statutory intervention; the text gives no status list and no age band, so none is "
        "applied (readings council-identification and no-age-band). A referral by the "
        "Council (route council) is that identification.",
    ),
)

#: The documents the Council makes available (an open list: "could include, but are not
#: limited to"), by 5 working days after commencement (deadline council-documents).
DOCUMENTS = ReferenceTable(
    "council-documents",
    "Relevant documents the Council makes available to the Provider",
    ("Document",),
    [
        (d,)
        for d in (
            "Care Plan / Pathway Plan",
            "Chronology",
            "Delegated Authority",
            "Education, Health & Care (EHC) Plan",
            "Medical Consent",
            "Personal Education Plan (PEP)",
            "Review Health Assessment (RHA)",
            "Risk Assessment",
            "Single Assessment",
        )
    ],
    cite("3.3 Referral routes", "Relevant documents could include, but are not limited to"),
    notes="Wherever possible before delivery; in any event within 5 working days of commencement.",
)
