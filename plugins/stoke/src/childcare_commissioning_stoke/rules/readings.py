"""Stoke's readings: where the text is unclear or contradicts itself, the reading chosen."""

from __future__ import annotations

from childcare_commissioning import Reading
from childcare_commissioning_stoke._cite import cite

__all__ = ["READINGS"]

READINGS = (
    Reading(
        "retention-2020-21",
        "For 2020/21 the text says the 5% is paid 'in quarter 1 2020/21', the words used for "
        "2019/20; every other year is released in quarter 1 of the following year.",
        "The 2020/21 retention is released from quarter 1 of 2021/22 (1 April 2021), as the "
        "pattern of the other years gives; money cannot be released in the year it is withheld "
        "for before that year's outcomes are evidenced.",
        cite(
            "6.1 Service delivery budget 2020/21",
            "5% of the total annual budget will be withheld and paid in quarter 1 2020/21",
        ),
    ),
    Reading(
        "up-to-18",
        "'Up to the age of 18' could include 18-year-olds.",
        "Read as under 18 (ages 0-17): the text plans transition to adult services 'post 18 "
        "years', so 18 is the point where the service hands over.",
        cite(
            "2.1 Scope",
            "The service will focus on children and young people up to the age of 18 years.",
        ),
    ),
    Reading(
        "near-the-limit",
        "Placements outside but 'near to' the 20-mile limit are 'reviewed on an individual "
        "basis'; 'near' is not defined.",
        "'Near' is read as within 2 miles beyond the limit (a tenth of the radius): up to 20 "
        "miles is eligible; over 20 and up to 22 miles needs individual review (the answer "
        "is 'needs approval', naming the review and this reading); beyond 22 miles is not "
        "eligible. The text does not say who reviews: the library names the Strategic "
        "Manager for Looked after Children, who decides the pilot's other exceptions. The "
        "Council should confirm the margin.",
        cite("2.1.2 Pilot", "to be reviewed on an individual basis"),
    ),
    Reading(
        "retention-of-payments",
        "5% is withheld 'of the budget'; payments are quarterly in arrears on outcomes.",
        "5% is withheld from each quarterly payment; when the year's budget is paid in full "
        "this is 5% of the budget (£4,500 of £90,000 in 2018/19). The text sets a retention "
        "for 2018/19, 2019/20 and 2020/21 and none for the final part-year 2021/22 (April-June "
        "2021), so the retention is declared for those three years only: an invoice for a "
        "quarter ending in 2021/22 withholds nothing and is paid in full (audit D5; before "
        "#21 it withheld 5%, to be released from 1 April 2022, nine months after the "
        "contract ends). Should the contract be extended ('an option to extend for a further "
        "one year'), the extension's terms say whether a retention applies; none is assumed.",
        cite("6.1 Service delivery budget", "5% (£4500) of the  budget for 2018/19"),
    ),
    Reading(
        "regular-supervision",
        "Staff 'have regular supervision' with no interval.",
        "Supervision must be recorded (none on record is a gap). 'Regular' is an interval "
        "the text leaves to the parties, so the library invents none: given the interval "
        "agreed (the training matrix, `matrix={'supervision': Duration}`, which the contract "
        "supplies), a supervision older than it has lapsed; without it every check is a "
        "query (warning 'workforce.training.interval-unset') that gives the latest "
        "supervision's date and how many days before the check it was, so a supervision "
        "in 2016 checked in 2019 is put to the contract manager, not passed in silence "
        "(second audit, defect 7).",
        cite(
            "4.1 Staffing levels, training, qualifications and experience",
            "Have regular supervision",
        ),
    ),
    Reading(
        "network-referrals",
        "The pathway is 'a system that can be activated by anyone within the child or young "
        "person's network', yet 'Referrals may be made by the child's social worker in "
        "collaboration with the foster carers' supervising social worker'.",
        "Anyone in the child's network (a foster carer, a residential worker, a relative) "
        "may start the pathway; the referral itself is made by the child's social worker. A "
        "referral from anyone else, refused by the route only for the referrer's role, is "
        "redirected: the outcome is 'incomplete' (referral.referrer.redirect), naming the "
        "child's social worker, never 'not eligible' (second audit, defect 11). The text "
        "does not list the network, so any role other than the social worker's counts.",
        cite(
            "2.3 Service Model and Approach",
            "a system that can be activated by anyone within the child or young person",
        ),
    ),
    Reading(
        "higher-safeguarding-levels",
        "All staff are 'trained to a minimum of Safeguarding level 2, with some staff "
        "trained to higher levels'; neither 'some' nor the higher level is numbered.",
        "Checked over the roster as a team requirement (workforce/higher-safeguarding): at "
        "least one worker holds safeguarding children training at level 3 or above on the "
        "check date; if none does, a team finding (a warning: 'some' sets no number to "
        "refuse on). The level scale is the roster's (levels 1, 2, 3...); "
        "duties/higher-safeguarding-training still asks whether the levels suit the roles "
        "(second audit, defect 10).",
        cite(
            "4.1 Staffing levels, training, qualifications and experience",
            "with some staff trained to higher levels",
        ),
    ),
    Reading(
        "vulnerable-children-experience",
        "Staff need 'a minimum two years post qualification experience of working with "
        "vulnerable children young people and their carers'.",
        "The roster's experience_since for a Stoke worker is the date from which their "
        "post-qualification experience of working with vulnerable children, young people "
        "and their carers runs (not merely the date of qualifying): two years from it are "
        "checked (workforce/qualified-psychologist). The library cannot see what the "
        "experience was; the roster's date is the provider's statement of it, which a "
        "monitoring visit may ask to see (second audit, defect 10; audit ST-45).",
        cite(
            "4.1 Staffing levels, training, qualifications and experience",
            "of working with vulnerable children young people and their carers",
        ),
    ),
    Reading(
        "staggered-mobilisation",
        "'The core service and pilot mobilisations start dates and time frame may be "
        "staggered'; the text gives neither date (the mobilisation plan, added on award, "
        "will).",
        "Each service starts when its own packages start: a package's start is the start of "
        "its service's delivery, and invoices (quarterly in arrears from the package's "
        "start), retention and budgets follow each package, so a pilot mobilised on 1 "
        "October 2018 is first invoiced for October-December 2018 while the core is "
        "invoiced from July. The pilot's own limit, mobilised within three months of award, "
        "is deadlines/pilot-mobilised. No start date is assumed for either service. The "
        "dated duties of the contract (performance reviews, reports) are one schedule for "
        "both services (reading 'performance-review-services'), run from the start the "
        "caller gives; a start per service for them is the contract's to give (second "
        "audit, defect 9).",
        cite("5.2 Mobilisation Period", "The core service and pilot mobilisations start dates"),
    ),
    Reading(
        "payment-by-claim",
        "'Payments will be made quarterly in arrears on the achievement of outcomes/targets "
        "in the Performance Management Framework' against budgets 'up to a maximum of' a "
        "sum per year and service; the text sets no hourly or unit rate.",
        "The provider's invoice for a quarter is a claim: an amount, for one service "
        "(package) and one ended financial quarter, naming the evidence of the outcomes it "
        "is paid on (batch key 'claims'; billing.claim_invoices). The library invents no "
        "rate and no instalment: the amount is the provider's, checked against the year's "
        "budget (firm in 2018/19, indicative after), the budget windows, the package's "
        "dates and the quarter having ended (in arrears), with the 5% retention withheld. "
        "Whether the outcomes/targets were achieved is the Council's judgement against the "
        "Framework, which is not in the text: a claim naming no evidence is a warning "
        "(billing.claim.outcomes-unevidenced), not a refusal. A quarter with no claim has no "
        "invoice. An hourly run stays available where a contract agrees a rate, which this "
        "text does not (second audit, defect 13).",
        cite(
            "6.2. Payments",
            "Payments will be made quarterly in arrears on the achievement of outcomes/targets",
        ),
    ),
    Reading(
        "pilot-referral-agreement",
        "A pilot referral 'will then need to be agreed by the Strategic Manager'.",
        "The referral records the Strategic Manager's agreement (information item "
        "'strategic_manager_agreement'); without it the referral is incomplete.",
        cite(
            "2.3 Referral Pathways and Acceptance Criteria",
            "This will then need to be agreed by the Strategic Manager.",
        ),
    ),
    Reading(
        "pilot-discretion",
        "The referral criteria are looked after children 'resident with in-house foster "
        "carers'; the exclusion criteria exclude children 'not in the care of Stoke-on-Trent "
        "in-house foster carers, unless agreed at the discretion of the Strategic Manager for "
        "Looked after Children'.",
        "Read together: a looked after child under 18 with in-house (or connected "
        "persons/kinship) foster carers is eligible; one placed elsewhere needs the Strategic "
        "Manager's approval, which is the answer the library gives ('needs approval'), never "
        "a refusal. A child who is not looked after is not eligible.",
        cite(
            "2.3 Exclusion criteria",
            "unless agreed at the discretion of the Strategic Manager for Looked after Children",
        ),
    ),
    Reading(
        "small-group-home-residence",
        "The core service is for young people 'resident in the LA's Small Group Homes'; "
        "'residential care' covers any children's home, the Council's or an external one.",
        "The core cohort requires the status 'la-residential-home' (living in a home the "
        "local authority runs itself) with 'looked-after': a young person in an external, "
        "agency or independent residential placement is not eligible for the core service "
        "(before #21 such a referral was eligible, then incomplete for want of the home's "
        "name). The text does not list the homes (ten, twelve planned) and the core service "
        "has no referral form ('All the Local Authority's in house Small Group Homes will "
        "receive support'), so no home's name is asked: the status is the referrer's "
        "statement that the young person lives in one of the Council's homes.",
        cite(
            "2.1.1 Core service",
            "Children and young people up to the age of 18 who are resident in the LA's Small Group Homes.",
        ),
    ),
    Reading(
        "indicative-budgets",
        "Each year after 2018/19 is 'anticipated to be in the region of up to a maximum of' "
        "a sum, 'however this is only an indication and final funding levels will be "
        "confirmed by January'; 2021/22 gives one figure, £30,000, for both services.",
        "2018/19's 'up to a maximum of' caps are firm (passing one is an error). The later "
        "budgets are declared as printed but indicative: passing one is a warning, not an "
        "error, until the Council confirms the final level. The annual £120,000 (2019/20, "
        "2020/21) and the 2021/22 £30,000 span core and pilot together, so spending on both "
        "services counts against them.",
        cite(
            "6.1 Service Delivery Budget final year 2021/22",
            "up to a maximum of £30,000 however this is only an indication",
        ),
    ),
    Reading(
        "safeguarding-routing",
        "The text says safeguarding information 'can be shared with the relevant "
        "safeguarding agencies and the police', and that the Provider complies with the "
        "Safeguarding Children Board's requirements and the LADO's process; it gives no "
        "time limit, channel, phone number or email for any of them.",
        "No routing rule is declared: inventing a deadline or a channel would put words in "
        "the text. Asked whom to tell, the library answers 'not specified' and names the "
        "contacts the text gives (the Board, whose site holds the procedures, the LADO and "
        "the police); the procedures themselves are the Board's.",
        cite(
            "2.3 Confidentiality",
            "can be shared with the relevant safeguarding agencies and the police",
        ),
    ),
    Reading(
        "section-11",
        "The text twice cites 'section 11 of the Children Act 2007'; the duty to safeguard "
        "and promote the welfare of children is section 11 of the Children Act 2004.",
        "Read as section 11 of the Children Act 2004 and its statutory guidance; the "
        "safeguarding-compliance duty asks for it. Nothing is computed from the Act.",
        cite(
            "4.2 Local/national quality service standards and guidance",
            "section 11 of the Children Act 2007",
        ),
    ),
    Reading(
        "sdq-2017-18-average",
        "The 2017-18 average SDQ score of all children is 14 in the 'All SDQ Scores' table "
        "and 13.9 in the summary table.",
        "The reference table keeps 14 as that table prints it (a rounding of 13.9, the "
        "summary's figure to one decimal); 13.9 is the more precise value and is the one to "
        "compare against. No rule computes with either.",
        cite("1.4.2 Evidence of need", "13.9"),
    ),
    Reading(
        "camhs-priority-clause",
        "'Priority access for LAC scoring 17 and above' sits under 'Current Service "
        "Provision' at the end of section 1, before '2. DESCRIPTON'.",
        "Cited as 1.4.2 Current Service Provision. It describes NHS CAMHS's own access rule, "
        "not a duty of this service: the library computes it "
        "(computations/camhs-priority-access) so a worker can tell whether a child would get "
        "priority when supporting a CAMHS referral.",
        cite("1.4.2 Current Service Provision", "Priority access for LAC scoring 17 and above"),
    ),
    Reading(
        "pilot-identification",
        "2.2.2 says the pilot's children 'will be identified by Children's Services Senior "
        "Management Team (fostering), using criteria to be refined'; 2.3 says 'Referrals may "
        "be made by the child's social worker'.",
        "The Senior Management Team's identification chooses the cohort; each referral is "
        "still made by the child's social worker with the supervising social worker and "
        "agreed by the Strategic Manager (routes/pilot-social-worker). The team's criteria "
        "are 'to be refined' and are not in the text, so nothing checks them.",
        cite(
            "2.2.2 Pilot",
            "will be identified by Children's Services Senior Management Team (fostering)",
        ),
    ),
    Reading(
        "support-not-time-limited",
        "Support plans 'identify review dates and an envisaged end date', yet 'support will "
        "not be time limited'.",
        "The envisaged end date is a planning date in the support plan, not a cut-off: "
        "support may continue past it when the plan's review says so, and no rule ends a "
        "case on a date.",
        cite("2.3 Service Model and Approach", "support will not be time limited"),
    ),
    Reading(
        "safeguarding-boards",
        "'both Stoke-on-Trent Safeguarding Children's Boards (SCB)' names one board; 2.3 "
        "refers to 'Stoke-on-Trent and Staffordshire Safeguarding Policies and Procedures'.",
        "Read as the Stoke-on-Trent and the Staffordshire Safeguarding Children Boards; the "
        "only address the text gives is www.safeguardingchildren.stoke.gov.uk (contacts/scb).",
        cite(
            "4.2 Local/national quality service standards and guidance",
            "both Stoke-on-Trent Safeguarding Children's Boards (SCB)",
        ),
    ),
    Reading(
        "performance-management-framework",
        "The 'Performance Management Framework' is referred to in 4.2, 5, 5.1 and 6.2 and "
        "is not part of the text.",
        "Nothing in the Framework is encoded: the complaints report is quarterly (as 4.2 "
        "says) with no content checked, and payment 'on the achievement of outcomes/targets' "
        "is encoded only as the 5% retention released on evidence.",
        cite("5 Quality and performance", "Please refer to the Performance Management Framework."),
    ),
    Reading(
        "performance-review-services",
        "Performance reviews are monthly in the first year, then three-monthly, and 'may "
        "differ between the core service and pilot'.",
        "One schedule serves both services until the Commissioners set a different one; "
        "extra reviews 'with reasonable notice' are not scheduled.",
        cite(
            "4.3 Quality Assurance: safety and consistency",
            "This may differ between the core service and pilot.",
        ),
    ),
    Reading(
        "budget-2018-19-start",
        "The 2018/19 budget runs 'from 1st July 2018', while the pilot is mobilised 'within "
        "three months of the contract award'.",
        "Both 2018/19 budgets cover 1 July 2018 to 31 March 2019; the pilot's money may be "
        "spent only once it is mobilised, which the budget does not check.",
        cite("6.1 Service delivery budget", "from 1st July 2018 to 31 March 2019"),
    ),
    Reading(
        "pilot-funding",
        "A '12-month pilot', yet pilot budgets run to 2020/21 and 'Funding for the pilot will "
        "be dependent on the evaluation and demonstration of value for money'.",
        "The 2019/20 and 2020/21 pilot budgets are declared as printed; they are indications "
        "the Council confirms by January (duties/funding-confirmation) after the evaluation "
        "(deadlines/pilot-evaluation).",
        cite(
            "6.1 Service delivery budget 2019/20",
            "Funding for the pilot will be dependent on the evaluation and demonstration of value for money.",
        ),
    ),
)
