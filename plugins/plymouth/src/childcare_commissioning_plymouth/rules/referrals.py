"""Who may refer to Plymouth's framework, for what, and who is eligible."""

from __future__ import annotations

from childcare_commissioning.eligibility import Cohort
from childcare_commissioning.measures import ReferenceTable
from childcare_commissioning.model import Channel
from childcare_commissioning.organisations import Organisation
from childcare_commissioning.referrals import Confirmation, Offer, OfferList, ReferralRoute
from childcare_commissioning_plymouth._cite import cite

__all__ = ["COHORTS", "COUNCIL", "DOCUMENTS", "OFFERS", "OFFER_LISTS", "ROUTES"]

KEY = "3.1 Key activity"

#: The Council, with the departments the text names (4 Networks and links; 3.3
#: invoices): a referrer recorded as any of them, or as the Council with a department or
#: team beside its name, is the Council.
COUNCIL = Organisation(
    "plymouth-city-council",
    "Plymouth City Council",
    cite(
        "4 Networks and links",
        "The Council \u2013 in particular these departments: Children, Young People and Family "
        "Services (including Children's Social Care, including Out of Hours service)",
    ),
    departments=frozenset(
        {
            "Children, Young People and Family Services",
            "Children, Young People and Families",
            "Children's Social Care",
            "Out of Hours service",
            "Education, Participation and Skills",
            "Virtual School",
            "Strategic Cooperative Commissioning",
            "Strategic Cooperative Commissioning Team",
            "Strategic Co-operative Commissioning Team",
        }
    ),
    notes="Departments as the text spells them in 4 (Networks and links), 3.3 (invoices: "
    "'Children, Young People and Families or Education, Participation and Skills') and 11 "
    "('Strategic Co-operative Commissioning Team'). Any other part of the Council is "
    "recognised when recorded beside the Council's name.",
)

ROUTES = (
    ReferralRoute(
        id="council",
        name="Referral by Plymouth City Council (in and out of hours; confirmed by secure email)",
        citation=cite(
            "3.3 Referral routes",
            "identified and referred by the Council. The Provider will not accept self-referrals.",
        ),
        organisations=frozenset({"Plymouth City Council"}),
        refused_roles=frozenset(
            {"self", "child", "young-person", "parent", "carer", "guardian", "family-member"}
        ),
        confirm=Confirmation(
            frozenset({Channel.SECURE_EMAIL}),
            cite(
                "3.3 Access to the service",
                "have arrangements in place for receiving referrals from the Council and "
                "submitting expressions of interest in delivering services as specified in "
                "the referral, via secure email",
            ),
            by="Plymouth City Council",
        ),
        notes="Any referrer of Plymouth City Council, any department or team (organisation "
        "council), may refer: the text asks only that the Council refers and refuses only "
        "self-referrals (a referrer whose role is the child's own or the family's: self, "
        "child, young-person, parent, carer, guardian, family-member). The Provider is accessible to the Council by telephone 24 hours a "
        "day and receives referrals via secure email, including out of hours (3.3 Access to "
        "the service): a referral by telephone is accepted, with a warning that it is to be "
        "confirmed by secure email (reading phone-referrals).",
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
