"""Derby's readings: where the text is unclear or contradicts itself, the reading chosen."""

from __future__ import annotations

from childcare_commissioning import Reading
from childcare_commissioning_derby._cite import cite

__all__ = ["READINGS"]

DETAIL_CLAUSE = "3.2.5 Lot Detail"
READINGS = (
    Reading(
        "16-18",
        "Several cohorts are '16-18 years', though looked after children and homeless 16/17 year olds are under 18.",
        "16-18 is read as ages 16 and 17 for those cohorts; 18-year-olds are served as care leavers.",
        cite(
            "3.1.1 Introduction and Aim",
            "Looked After Children leaving foster and residential care 16–18 years",
        ),
    ),
    Reading(
        "school-leaving-age",
        "The care leaver definition turns on 'school-leaving age', which the text does not define.",
        "School-leaving age is reached on the last Friday in June of the school year in which the person turns 16 (the law in England).",
        cite(
            "3.1.2 Definitions",
            "who was looked after by the local authority at school-leaving age or after that date",
        ),
    ),
    Reading(
        "thirteen-weeks",
        "'At least 13 weeks since the age of 14' does not say whether the weeks must be continuous.",
        "The 13 weeks (91 days) are counted in total across care episodes from the 14th birthday, as the leaving care regulations count them.",
        cite("3.1.2 Definitions", "for at least 13 weeks since the age of 14"),
    ),
    Reading(
        "office-hours",
        "Out of hours support runs 'from normal office closing times to normal office opening times', not given.",
        "Office hours are read as 09:00-17:00 on England and Wales working days.",
        cite(
            "3.3.6 Services Timescales",
            "from normal office closing times to normal office opening times",
        ),
    ),
    Reading(
        "block-discount",
        "The block discount percentage 'will be outlined further at the time of the mini competition'.",
        "The rule (five beds or more, off the accommodation costs) is encoded; the percentage is recorded for each block (a payments batch's block discount_percent, later the contract's) and applied on its invoices; a block of five or more with no percentage recorded is a finding, never a guess.",
        cite(
            "3.2.5 Lot Detail", "This will be outlined further at the time of the mini competition."
        ),
    ),
    Reading(
        "billing-cycle",
        "The text sets no invoicing cycle.",
        "Monthly payments are assumed, periods labelled from the agreement's start; each day costs the weekly rate in force that day / 7, accommodation and support on their own lines, each line rounded to the penny.",
        cite("3.2.5 Lot Detail", "with consequent change in payments where appropriate"),
    ),
    Reading(
        "notice-days",
        "Notice periods are in days.",
        "Calendar days from the written notice; the agreement ends on the last day of notice.",
        cite("3.8.1 Monitoring and Reporting", "Notice period (days)"),
    ),
    Reading(
        "notice-circumstances",
        "The notice periods apply 'in normal circumstances'; the period 'could, in some cases, depend on the circumstances'.",
        "The library gives the normal periods (30 and 14 days: notice rule 'notice-general' or 'notice-specific'); a different period is the Council's to set and is an explicit input (termination_date(days=...), a payments notice's days with its basis), never assumed.",
        cite(
            "3.8.1 Monitoring and Reporting",
            "The notice period could, in some cases, depend on the circumstances surrounding the termination.",
        ),
    ),
    Reading(
        "upper-ages",
        "'Up to 21' and 'up to 25 years if still in education or training' do not say whether the top age is included; 3.2.2 says '(25 in some circumstances)'.",
        "Inclusive, as the care leaver definition's 'aged 25 or under' is: a care leaver is served to the day before the 22nd birthday, or the 26th in education or training (the only circumstances the text names).",
        cite("3.1.1 Introduction and Aim", "up to 25 years if still in education or training"),
    ),
    Reading(
        "at-risk-of-homelessness",
        "3.2.2 includes young people 16-18 'who are or at risk of homelessness'; 3.1.1 names homeless young people who become children in need or in care; Lot 2 is 'Children in Need / Young Homeless'.",
        "At risk of homelessness counts as homelessness does: a 16-17 year old child in need or in care who is homeless or at risk of homelessness (Status.AT_RISK_OF_HOMELESSNESS) is in Lot 2's cohorts ('homeless-16-17', 'at-risk-16-17'); 'required to be accommodated by the local authority' is read as the child in need or looked after status.",
        cite(
            "3.2.2 Service Users/Young People",
            "This specification also includes young adults aged 16-18 years who are or at risk of homelessness",
        ),
    ),
    Reading(
        "emergency-same-day",
        "Emergency provision is 'available on the same day' (3.2.5, categories 1.1 and 2.1) and support 'may be requested on the same working day' (3.3.5), in a service available '7 days a week' (3.3.6).",
        "The working day is the service's own: every day of the week, bank holidays included (calendar 'derby-daytime'). An emergency requested on a Saturday, Sunday or bank holiday is due that same day, as 'same day' says.",
        cite(
            "3.2.5 Lot Detail",
            "The expectation of this category is to ensure that there is emergency provision available on the same day",
        ),
    ),
    Reading(
        "service-hours-gap",
        "Support runs 08:00-20:00 and emergency accommodation contacts 22:00-09:00: nothing names 20:00-22:00, and 08:00-09:00 is in both.",
        "Each window is encoded as written; between 20:00 and 22:00 the provider's out of hours support system (from office closing time) is the route. The overlap is harmless: both are open.",
        cite(
            "3.3.6 Services Timescales",
            "when accommodation is required between 22.00 – 09.00 hours.",
        ),
    ),
    Reading(
        "agreement-length",
        "Agreements are 'generally 3 - 12 months', and emergency entries 'may mean that this is a shorter Individual Placement Agreement'.",
        "A warning, not an error, when an agreement (both days included) is under 3 or over 12 calendar months; emergency categories 1.1 and 2.1 may be shorter.",
        cite(
            "3.2.5 Lot Detail",
            "which may mean that this is a shorter Individual Placement Agreement",
        ),
    ),
    Reading(
        "in-arrears",
        "The text does not say whether payments are made in advance or in arrears.",
        "In arrears, for each period once it has ended (the library's billing default): payments follow the days actually provided, including variations and an end by notice.",
        cite("3.2.5 Lot Detail", "with consequent change in payments where appropriate"),
    ),
    Reading(
        "registration",
        "3.1.4 says providers need not be regulated or registered; 3.4.6 requires compliance with 'all requirements for registration under the Children Act 1989'.",
        "The provider complies with whatever registration the law requires at the time; the text sets none for this service, so the library checks no registration.",
        cite(
            "3.4.6 Protection of Children, Young People and Vulnerable Adults",
            "the Provider has complied with all requirements for registration under the Children Act 1989",
        ),
    ),
    Reading(
        "crb-isa",
        "3.4.6 names Criminal Record Bureau and Independent Safeguarding Authority checks; both were replaced by the Disclosure and Barring Service, which 3.6.1 names.",
        "Read as the DBS checks of 3.6.1 (workforce 'dbs').",
        cite(
            "3.4.6 Protection of Children, Young People and Vulnerable Adults",
            "including Criminal Record Bureau and Independent Safeguarding Authority checks",
        ),
    ),
    Reading(
        "concern-notification",
        "Concerns or alerts 'have to be notified to the Council the same day'; no team, channel or number is given, and the heading covers vulnerable adults.",
        "Every concern (about a child, about a vulnerable adult such as a care leaver over 18, or an allegation against a worker) goes to the Council the same day (the local date in Derby): in normal office hours (reading 'office-hours') through the Children in Care Commissioning and Placements team that monitors the IPA; at every other instant (nights, weekends, weekday bank holidays) through the Council's Emergency Careline, the only out of hours contact the text gives (3.3.6). The text gives no number for either: the answer says so ('the text gives no number'), and phone is the library's choice, as the fastest way to meet the same day.",
        cite(
            "3.4.6 Protection of Children, Young People and Vulnerable Adults",
            "This means that any concerns or alerts have to be notified to the Council the same day.",
        ),
    ),
    Reading(
        "performance-table",
        "The 3.7.1 table lost its layout: 'Access' lists four measures, then '100%' and 'Quarterly' once; the quality statements have no frequency; 'as stated in 3.1' points to timescales that are in 3.3.1.",
        "Quarterly applies to all four Access measures; the 100% target only to responses within timescale (a 100% target for placements ending unexpectedly would be meaningless); the timescales are 3.3.1's. The quality statements are evidenced at placement reviews, with no frequency of their own.",
        cite("3.7.1 Reports", "as stated in 3.1"),
    ),
    Reading(
        "review-intervals",
        "'Within 2 weeks ... then at 3 month intervals' does not say whether the 3 months run from the placement start or from the first review.",
        "From the first review: the first is due 2 weeks after the placement starts, the next 3 calendar months after that, and so on (month ends clamp without drifting). Reviews belong to each placement: anchor them on its start.",
        cite(
            "3.8.1 Monitoring and Reporting",
            "A formal review will be held within 2 weeks to ensure the package is in place then at 3 month intervals",
        ),
    ),
    Reading(
        "quarterly",
        "The Access KPIs are reported 'Quarterly', without saying whether financial quarters or quarters of the contract, or on which day the report is due.",
        "UK financial quarters, the quarters the Access figures are computed over (April to "
        "June, July to September, October to December, January to March): the report on a "
        "quarter is due the day after it ends (1 July, 1 October, 1 January, 1 April). A "
        "contract that starts inside a quarter reports that part quarter on the next of those "
        "days (a contract starting 15 May 2025 reports on 1 July 2025, not on 15 August). A "
        "report sent after its day is late by the days after it.",
        cite("3.7.1 Reports", "100%\tQuarterly"),
    ),
    Reading(
        "specification-version",
        "The text gives no version, date or effective date; it says the 2019-21 Corporate Parenting Strategy 'is expected to be available in February 2020'.",
        "The version is 'undated (before February 2020)'. The effective date the library carries (1 April 2019) is not in the text either: it is a placeholder the core's Specification requires, not a contract start; dated answers take the contract's own dates.",
        cite(
            "3.1.4 Evidence Base / Legal Context",
            "The 2019-21 version is expected to be available in February 2020",
        ),
    ),
    Reading(
        "emergency-one-hour",
        "3.3.1 gives offers 'within 24 hours for a standard referral and within 1 hour for an urgent referral'; emergency referrals (3.3.5) are given no response time.",
        "An emergency referral is at least as urgent as an urgent one: the provider's offer is due within 1 hour (deadline 'offer-emergency'), and the Access KPI counts it with the urgent referrals.",
        cite("3.3.1 Accessing the Service", "within 1 hour for an urgent referral"),
    ),
    Reading(
        "until-18",
        "Category 2.3 is 'up until 18 years' and 2.2 moves on 'once the young person reaches 18 years': is the 18th birthday itself inside?",
        "The agreement may run to and including the 18th birthday (the day the young person reaches 18 and moves on); an agreement ending after it, or open-ended, is a finding.",
        cite(DETAIL_CLAUSE, "Accommodation only, up until 18 years without support hours."),
    ),
    Reading(
        "housing-benefit-contribution",
        "Housing Benefit 'will contribute towards the accommodation cost and should be taken in account by such Service Providers' (children in need and young homeless 16-17 year olds); the amount is not the Council's.",
        "On a Lot 2 package's invoice, the Housing Benefit award the caller records (weekly, from a date) is shown as a contribution line off the accommodation, prorated by the day like the cost; the Council pays the rest. The library never computes the award (the housing authority does), refuses it on Lot 1 packages, and refuses a contribution above the accommodation cost.",
        cite(
            "3.1.4 Evidence Base / Legal Context",
            "claim Housing Benefits which will contribute towards the accommodation cost",
        ),
    ),
    Reading(
        "referral-pack",
        "3.3.1: 'where there are eligible needs' the teams give providers 'a copy of the Pathway plan (with personal identification details removed) and indicative budget'; 3.3.5: in an emergency 'the minimum assessment and pathway plan (if care leaver) will be shared'.",
        "A standard or urgent referral is incomplete without the indicative budget, and, in Lot 1 (care leavers and looked after young people, who have Pathway plans), without the redacted Pathway plan; an emergency referral is incomplete without the minimum assessment, and in Lot 1 without the Pathway plan. Items are the referral's information 'indicative_budget', 'pathway_plan' and 'minimum_assessment'; that the plan is redacted is the sender's duty ('share-pathway-plan'), not checked.",
        cite(
            "3.3.1 Accessing the Service",
            "where there are eligible needs the relevant teams will provide a copy of the Pathway plan",
        ),
    ),
    Reading(
        "review-duties",
        "The matrix re-assessment (3.2.4 'the review of each package'), the amended support plan 'following the review' (3.8.1) and an EIA 'as part of any service review process' (3.4.3) are tied to reviews but given no time of their own.",
        "Each is listed for each placement on the date of each of its formal reviews (2 weeks after the start, then every 3 months), as duties due at the review; a placement review is read as a service review for the EIA. Reviews triggered by a change or a request carry the same duties when they are held.",
        cite(
            "3.2.4 Lots Overview",
            "The review of each package will involve re-assessing using the matrix",
        ),
    ),
    Reading(
        "ir35",
        "The Council states IR35 does not apply, yet says tax and National Insurance will be deducted from invoices if it decides an engagement is employment.",
        "No deduction is computed: the Council states IR35 is not applicable; if it decides otherwise for an engagement, the deduction is HMRC's computation.",
        cite(
            "3.13 IR35 (Intermediaries Legislation) Amendment for off-payroll working in the public sector",
            "The Council believes that IR35 is not applicable to this requirement.",
        ),
    ),
)
