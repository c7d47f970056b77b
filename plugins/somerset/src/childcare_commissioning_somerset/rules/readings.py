"""Somerset's readings: where the text is unclear or contradicts itself, the reading chosen."""

from __future__ import annotations

from childcare_commissioning import Reading
from childcare_commissioning_somerset._cite import cite

__all__ = ["READINGS"]

READINGS = (
    Reading(
        "ages-between",
        "The service is for 10-17 year olds 'predominantly', and only 'people aged 26 and over' "
        "are out of scope: the text says nothing of ages 0-9 and 18-25.",
        "Ages 10-17 are eligible; 26 and over are not; every other age gets 'needs approval' "
        "(by the Placements Team, or EDT out of hours), never a silent yes or no.",
        cite("2.1 Overview", "predominantly aged between 10-17 years"),
    ),
    Reading(
        "working-hours",
        "Requests come from the Placements Team, 'unless out of hours, when requests will come "
        "from EDT'; the text never says what the working hours are.",
        "Working hours are read as 09:00-17:00, Monday to Friday, except England and Wales bank "
        "holidays; confirm with the Council.",
        cite(
            "2.6 Service Access and Availability",
            "unless out of hours, when requests will come from EDT",
        ),
    ),
    Reading(
        "request-team",
        "1.1 says referrals 'will only come from Social Workers from Somerset County Council' "
        "and 'will be directed through the Placements Team'; 2.6 e that 'All support requests "
        "will come from the Placements Team, unless out of hours, when requests will come from "
        "EDT'. A request's referrer could be read as the child's social worker, of any team.",
        "The referrer of a request is the team that sends it to the Provider: an SCC social "
        "worker (or EDT worker) of the Placements Team in working hours, of EDT outside them, "
        "named by any name the text gives the team. A request that gives another team, or no "
        "team, is not eligible: it is to be sent through the team of the hour.",
        cite(
            "2.6 Service Access and Availability",
            "All support requests will come from the Placements Team, unless out of hours, when requests will come from EDT.",
        ),
    ),
    Reading(
        "complex-health-needs",
        "'This does not include children and young people with complex health needs' follows "
        "the disabilities strand.",
        "Complex health needs are out of scope for the whole service.",
        cite(
            "2.1 Overview",
            "This does not include children and young people with complex health needs.",
        ),
    ),
    Reading(
        "as-soon-as-possible",
        "Accidents and incidents are reported 'as soon as possible'.",
        "Encoded as immediately: the duty starts with the event; there is no later due time.",
        cite("3.2 Provider requirements and staff competencies", "as soon as possible"),
    ),
    Reading(
        "invoicing-cycle",
        "The text sets rates but no invoicing cycle.",
        "Monthly in arrears is assumed for invoice runs; confirm with the Council.",
        cite("2.8 Service rates", "pricing will be individualised"),
    ),
    Reading(
        "emergency-referrals",
        "The 72-hour rule is written for 'urgent referrals'.",
        "Emergency referrals get the same 72 hours (they are at least as urgent).",
        cite(
            "3.2 Provider requirements and staff competencies",
            "With urgent referrals where there is a need to engage quickly",
        ),
    ),
    Reading(
        "elapsed-hours",
        "'agreed with the referrer within 72hrs' does not say whether the hours are working "
        "hours or elapsed time.",
        "72 elapsed hours from the referral, across nights, weekends, bank holidays and clock "
        "changes (an urgent referral needs to 'engage quickly'; EDT covers out of hours).",
        cite(
            "3.2 Provider requirements and staff competencies",
            "agreed with the referrer within 72hrs",
        ),
    ),
    Reading(
        "availability",
        "'available out of hours' and 'available immediately' give no hours and no time "
        "limit; the only hours the text implies are the Council's working hours, which decide "
        "whether the Placements Team or EDT sends a request.",
        "The Provider's service is available every hour of every day, bank holidays included "
        "(calendar somerset-service-hours), and answers a support request at once when it "
        "arrives (deadline available-immediately). 'Immediately' is the response to the "
        "request; engagement follows the risk assessment of 3.2 II.",
        cite("2.6 Service Access and Availability", "available out of hours"),
    ),
    Reading(
        "stand-down",
        "The service must be 'able to be stood down, if no longer required - without a "
        "resource impact'; the text states no notice period or cancellation charge.",
        "A session the Council stands down (cancelled by the Council) is not charged, "
        "whatever the notice: the invoice deducts it in full from what was commissioned.",
        cite(
            "2.6 Service Access and Availability",
            "able to be stood down, if no longer required",
        ),
    ),
    Reading(
        "mileage-pence",
        "The rate table gives mileage as '.45p per mile', which read literally is 0.45 of a penny.",
        "Read as 45p (GBP 0.45) a mile, the usual business mileage rate; 0.45 of a penny a mile "
        "would be a nonsense. Mileage is paid only where agreed in advance.",
        cite("2.8 Service rates", ".45p per mile"),
    ),
    Reading(
        "mileage-in-advance",
        "2.8 pays mileage 'to be agreed in advance' and gives no form for the agreement; "
        "agreements and journeys are recorded by day, not by hour.",
        "A mileage agreement is dated (the package's quotation lists each agreement's "
        "reference and the day it was agreed) and a journey names the agreement it relies "
        "on. A journey on or after the day of the agreement is paid; a journey before it "
        "was not agreed in advance: a finding (billing.mileage.agreed-after-journey), and "
        "the mileage is not billed. An agreement made on the day of the journey is taken "
        "as made before it (the day is all the records hold).",
        cite("2.8 Service rates", "Mileage (to be agreed in advance)"),
    ),
    Reading(
        "scc",
        "1.1 requires referrals from 'Social Workers from Somerset County Council'; the text "
        "itself abbreviates the Council as SCC (Glossary; 'SCC Children's Social Care').",
        "A referrer whose organisation is given as 'SCC' is from Somerset County Council; "
        "any other organisation is refused.",
        cite("Glossary", "Somerset County Council."),
    ),
    Reading(
        "referring-agencies",
        "The glossary defines 'Referring Agencies' as any 'Person or organisation making the "
        "initial request', but 1.1 says referrals 'will only come from Social Workers from "
        "Somerset County Council' and 2.6 that 'Service users may not self-refer'.",
        "The operational clauses decide: only SCC social workers (through the Placements Team, "
        "or EDT out of hours) refer; the glossary describes the term, not who may refer.",
        cite(
            "1.1 Introduction",
            "referrals into the service will only come from Social Workers from Somerset County Council",
        ),
    ),
    Reading(
        "unstable-placements",
        "1.1 covers 'those in care, whose placements are unstable and require some additional "
        "support': the referral carries no measure of instability.",
        "Instability is the referring SCC social worker's judgement, made in referring: any "
        "looked-after child within the ages is in the in-care cohort.",
        cite(
            "1.1 Introduction",
            "those in care, whose placements are unstable and require some additional support",
        ),
    ),
    Reading(
        "at-risk-groups",
        "2.3 lists 'Specific groups at risk of care', including '16 and 17 year olds (in "
        "particular) presenting as homeless'; a referral records statuses, not these groups.",
        "A child at risk of care is on the edge of care: the edge-of-care cohort takes the "
        "edge-of-care, child-in-need and child-protection statuses, and a homeless child; the "
        "other groups are described by needs the social worker records as edge of care.",
        cite("2.3 Service Users", "16 and 17 year olds (in particular) presenting as homeless"),
    ),
    Reading(
        "out-of-county",
        "2.5 calls this 'a Somerset county-wide service', but does not say what happens to a "
        "child of the Council (a looked-after child, say) living outside the county.",
        "A child whose area is one of the five District and Borough Council areas is in the "
        "area served; any other area needs the agreement of the Placements Team (not a "
        "refusal: the text does not exclude them); a referral without an area is incomplete.",
        cite("2.5 Geographical coverage", "This is a Somerset county-wide service"),
    ),
    Reading(
        "any-safeguarding-concerns",
        "3.2 X: 'The Provider will liaise immediately with SCC Children's Social Care if there "
        "are any safeguarding concerns.' The text names no LADO, no adult team and no other "
        "recipient.",
        "Every kind of safeguarding concern goes to SCC Children's Social Care immediately: a "
        "concern about a child, an allegation that a worker (employee, agent or volunteer) "
        "has harmed or may harm a child, a concern about an adult at risk (a young person "
        "of 18-25 in the service, a parent) and one about an adult client. Gross misconduct "
        "and a dismissal for harm are employment steps, not concerns the text routes: 'not "
        "specified', with Children's Social Care as the nearest contact.",
        cite(
            "3.2 Provider requirements and staff competencies",
            "if there are any safeguarding concerns",
        ),
    ),
    Reading(
        "send-not-disability",
        "1.1 covers 'children and young people with disabilities who live at home' and 2.1 "
        "'those who have disabilities'; a referral may record special educational needs "
        "(SEND) without a disability.",
        "The disabilities strand takes a child recorded as disabled. A special educational "
        "need is not necessarily a disability: a child whose only relevant status is SEND is "
        "in no cohort on that account (not eligible unless another strand takes them); the "
        "social worker records a disability where there is one.",
        cite(
            "2.1 Overview",
            "those who have disabilities and need support in order to remain at home",
        ),
    ),
    Reading(
        "looked-after-history",
        "1.4 gives the Children Act 1989 test of who is looked after (accommodated for a "
        "continuous period of more than 24 hours, a care order, a placement order); a "
        "referral records the status, and may carry the child's care history.",
        "Where a referral gives the care history (or an SSDA903 return is imported for "
        "Somerset), the child is looked after when a care episode covers the day of the "
        "referral, and the computed status is used (one the referral asserts against the "
        "history needs approval). A 903 episode, or one given by hand, is a period looked "
        "after in the Act's sense: the 903 records no stay of under a whole day, nor a V4 "
        "short-breaks agreement, and the library does not re-test the order or the 24 "
        "hours. With no care history the social worker's recorded status is taken.",
        cite(
            "1.4 Local Context",
            "Is provided with accommodation for a continuous period for more than 24 hours",
        ),
    ),
    Reading(
        "in-force-date",
        "The text gives no contract dates. Its latest dates are its statistics ('In April "
        "2018, Somerset had 517 children looked after') and its data source (13/2/18).",
        "The library treats the specification as in force from 1 April 2018, the start of the "
        "2018/19 financial year its statistics lead up to. The date is the library's, not the "
        "text's: confirm the contract dates with the Council.",
        cite("1.4 Local Context", "In April 2018, Somerset had 517 children looked after"),
    ),
)
