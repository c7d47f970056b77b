"""Plymouth's readings: where the text is unclear or contradicts itself, the reading chosen."""

from __future__ import annotations

from childcare_commissioning.model import Reading
from childcare_commissioning_plymouth._cite import cite

__all__ = ["READINGS"]

READINGS = (
    Reading(
        "mailbox-spelling",
        "The commissioning mailbox is Plymplacements@plymouth.gov.uk in 3.3 (notice), 5 and 11, "
        "and Plyplacements@plymouth.gov.uk in escalation step 3.",
        "Both spellings are kept exactly as published (the second as a variant of the first) "
        "and the difference is reported; the library never corrects either silently. Callers "
        "should confirm the address with the Council.",
        cite("3.3 Escalation process", "Plyplacements@plymouth.gov.uk"),
    ),
    Reading(
        "effective-date",
        "The draft specification carries no date.",
        "It is treated as in force from 1 April 2021, the start of the 2021-2026 strategic "
        "plan it cites; change it when the Council confirms a date.",
        cite("I Introduction", "A_Bright_Future_2021-2026"),
        confirm=(
            "From what date is the specification in force? (The draft is undated; 1 April "
            "2021 is assumed, and every dated answer without a contract start rests on it.)"
        ),
    ),
    Reading(
        "refresher-scope",
        "'Refresher training in these subjects ... at least every three years' follows the list "
        "for staff working with social care needs; the core subjects and 'sufficient numbers' "
        "subjects state no interval.",
        "The three-year default (or the provider's matrix) applies to the social-care list; "
        "core subjects are checked as completed, with no lapse date.",
        cite("6 Staff", "refresher training in these subjects"),
    ),
    Reading(
        "business-days",
        "Section 12 says '5 Business Days'; elsewhere the text says 'working days'.",
        "Business Days are read as England and Wales working days.",
        cite("12 Business continuity", "no later than 5 Business Days"),
    ),
    Reading(
        "review-year-one",
        "Contract reviews are 'quarterly in the first year ... thereafter on a six monthly basis'.",
        "Meetings fall 3, 6, 9 and 12 months after entry to the framework, then every six "
        "months from the 12-month meeting.",
        cite("11 Contract management", "quarterly in the first year"),
    ),
    Reading(
        "two-sections-3-3",
        "The text numbers both 'Referral routes' and 'Access to the service' as 3.3.",
        "Citations give the number with the heading to tell them apart.",
        cite("3.3 Access to the service", "3.3 Access to the service"),
    ),
    Reading(
        "council-identification",
        "3.2: the Provider supports 'any child or young person identified by the Council as "
        "being eligible for statutory intervention'; the text lists no statuses.",
        "A referral made by the Council is its identification of eligibility. No status "
        "list is applied: a young carer, a homeless young person or an unaccompanied asylum "
        "seeker referred by the Council is eligible like a child in need.",
        cite("3.2 Eligibility criteria", "identified by the Council as being eligible"),
    ),
    Reading(
        "open-list-of-circumstances",
        "3.1 lists ten circumstances and then key activities, each 'including but not limited to'.",
        "The listed circumstances and the key activities (family time, multi-agency "
        "meetings, engagement with other services, transport, medicines) are offers a "
        "referral may request. The list is open: a request it does not name is not refused "
        "but needs the agreement of Plymouth City Council (offer list key-activity).",
        cite("3.1 Key activity", "in a range of circumstances, including but not limited to"),
    ),
    Reading(
        "short-breaks",
        "3.2 says children with profound and complex disabilities 'are eligible for short "
        "breaks', and also that the Provider supports any child the Council identifies.",
        "The disability sentence says who short breaks are for; it does not take away the "
        "Council's identification, which every referral carries (3.2's first sentence). A "
        "short break the Council requests for a child with no disability status is not "
        "refused: the Council, which assessed the need, decides.",
        cite("3.2 Eligibility criteria", "are eligible for 'short breaks'"),
        confirm=(
            "Must a child referred for a short break have a profound and complex disability? "
            "(Read as no: the Council's identification decides.)"
        ),
    ),
    Reading(
        "escalation-reply-window",
        "'If an appropriate reply is not received within three working days the Provider or "
        "Council will email the other party's nominated manager': when does the clock start, "
        "and is the date a cut-off for escalating?",
        "The three working days run from the day the issue was confirmed by email (the text: "
        "'in any event will be confirmed via email'). The deadline's date is the last day "
        "of the reply window: escalation to the manager is due only after it, on the next "
        "working day. The second window runs from the email to the manager.",
        cite("3.3 Escalation process", "in any event will be confirmed via email"),
        confirm=(
            "When does each three-working-day reply window start, and is its last day a cut-"
            "off for escalating? (Read as from the confirming email; escalation follows the "
            "window, on the next working day.)"
        ),
    ),
    Reading(
        "appendix-2-to-follow",
        "Staff handling medicines follow 'Appendix 2', which the text says is a 'document to "
        "follow'; the appendix heading has no content.",
        "No medicines procedure is checked until the Council publishes Appendix 2. The "
        "'Medicines handling' training of sufficient staff is checked (team requirement "
        "sufficient-medicines).",
        cite("Appendix 2", "Appendix 2 document to follow"),
    ),
    Reading(
        "restraint-training-standard",
        "Behaviour management training 'must be compliant with the ethical Training "
        "Standards developed by the Restraint Reduction Network and Health Education "
        "England (first published 2019)'.",
        "A separate requirement (social-care-restraint-standard) asks for a completion of an "
        "RRN-certified course (Team Teach or an equivalent certified programme), recorded as "
        "subject 'rrn-certified-behaviour-management'; a plain behaviour-management "
        "completion does not show the standard.",
        cite("6 Staff", "Example: Team Teach positive behaviour training or equivalent programme"),
    ),
    Reading(
        "sufficient-numbers",
        "'Sufficient numbers' of direct-work staff must be trained in the listed subjects; "
        "the text gives no number.",
        "At least one worker of the team on a package holds each subject (a warning when "
        "none does); the Council may ask for more on a package.",
        cite("6 Staff", "sufficient numbers of staff undertaking direct work"),
        confirm=(
            "How many trained workers are 'sufficient numbers', on a team or on a package? "
            "(Read as at least one.)"
        ),
    ),
    Reading(
        "tracheotomy-care",
        "The text says 'Tracheotomy care' (the operation); the care given to a child is "
        "tracheostomy care.",
        "The subject id is 'tracheostomy'; a provider's record keyed 'tracheotomy' must be "
        "renamed to match.",
        cite("6 Staff", "Tracheotomy care"),
    ),
    Reading(
        "policy-not-applicable",
        "The KPI lists 'Clinical governance structure (where relevant)' among sixteen policies "
        "that must all be reviewed within an appropriate timescale.",
        "A provider to whom clinical governance is not relevant may mark it not applicable; "
        "the percentage is then over the fifteen others. Only the '(where relevant)' policy "
        "may be marked so.",
        cite("8.1 Key Performance Indicators", "Clinical governance structure (where relevant)"),
    ),
    Reading(
        "report-due-dates",
        "The quarterly, six-monthly and annual reports have no stated due day, while "
        "monitoring information is due 'at least 5 working days before each contract review "
        "meeting'.",
        "Reporting periods are quarters, half-years and years of framework membership, "
        "counted from entry like the contract reviews. Each report is monitoring "
        "information, so it is due 5 working days before its period ends: in year one every "
        "quarterly report arrives with the monitoring information for that quarter's review "
        "meeting, and no report falls due on a bank holiday or after the meeting it informs.",
        cite("8.1 Key Performance Indicators", "Quarterly report"),
        confirm=(
            "When is each quarterly, six-monthly and annual report due? (Read as 5 working "
            "days before its period of framework membership ends, with the monitoring "
            "information.)"
        ),
    ),
    Reading(
        "notice-clock-start",
        "Significant and notifiable events 'must always be notified to the Council in "
        "writing within 24 hours': from the event, or from when the Provider learns of it?",
        "From the event: the Provider's staff are with the child when most events happen. "
        "Where the Provider could not have known at once (a DBS referral made elsewhere), "
        "give the moment it learned of the event as the trigger. The 24 hours are elapsed "
        "hours, 23 or 25 on the clock face across a clock change.",
        cite("5 Significant and notifiable events", "in writing within 24 hours"),
    ),
    Reading(
        "first-review-calendar-days",
        "Packages are reviewed 'initially within 28 days of the commencement of delivery'.",
        "Calendar days (the text says days, not working days), counted from the day delivery "
        "commenced; the review is due by the end of the 28th day.",
        cite("3.1 Key activity", "initially within 28 days of the commencement of delivery"),
    ),
    Reading(
        "days-before",
        "Monitoring information is due 'at least 5 working days before each contract review "
        "meeting'.",
        "The meeting day is not counted: the information is due by the end of the fifth "
        "working day before it (Mon 23 Dec 2024 for a meeting on Wed 1 Jan 2025).",
        cite("11 Contract management", "at least 5 working days before each contract review"),
    ),
    Reading(
        "fortnight-anchor",
        "Invoices are 'submitted fortnightly in arrears (unless otherwise agreed between the "
        "parties on a case by case basis)'; the text gives no start for the fortnights.",
        "Fortnights run from each package's start date (a package starting Wed 4 Dec 2024 is "
        "invoiced for 4-17 Dec on 18 Dec). A different cycle agreed for one package is not "
        "modelled: invoice such a package outside the fortnightly run.",
        cite("3.3 Referral routes", "unless otherwise agreed between the parties"),
    ),
    Reading(
        "invoice-deductions",
        "The invoice 'accurately reflects the services the Provider has delivered - with all "
        "relevant deductions and adjustments' for anything commissioned but not delivered.",
        "Only what was delivered is charged: every commissioned session not delivered is "
        "deducted, whoever cancelled it; the text provides no payment for cancellations.",
        cite("3.3 Referral routes", "accurately reflects the services the Provider has delivered"),
        confirm=(
            "Is a session the Council cancels paid? (Read as not: only what was delivered is "
            "charged, whoever cancelled.)"
        ),
    ),
    Reading(
        "phone-referrals",
        "The Provider must be 'accessible to the Council by telephone ... 24 hours a day' and "
        "have 'arrangements in place for receiving referrals from the Council ... via secure "
        "email'; emergency and out-of-hours referrals are often made by telephone. Is a "
        "referral by telephone a referral?",
        "Yes: the text refuses only self-referrals. A Council referral by telephone (or any "
        "channel other than secure email) is accepted, with a warning "
        "(referral.channel.confirm) that the Council is to confirm it by secure email, the "
        "channel the Provider's referral arrangements and its expression of interest use.",
        cite(
            "3.3 Access to the service",
            "have arrangements in place for receiving referrals from the Council",
        ),
    ),
    Reading(
        "transport-documents",
        "'In all circumstances where the Provider is required to transport a child ... the "
        "vehicle used is roadworthy (i.e. it has a valid MOT certificate) and ... the driver "
        "of the vehicle has a full current driving licence and the appropriate "
        "classification(s) of business vehicle insurance'. Who is checked, and whose is the "
        "MOT?",
        "Whoever drives a child, whatever their role: a worker whose tasks include "
        "'transport' is checked for all three documents (the text's role types name no "
        "driver). The MOT belongs to the vehicle; it is recorded, with its expiry, on the "
        "worker who drives that vehicle. A roster on which no worker transports children "
        "says that the documents were checked for nobody (workforce.tasks.none).",
        cite("3.1 Key activity", "the driver of the vehicle has a full current driving licence"),
    ),
    Reading(
        "turnover-of-staff",
        "'Staff retention/turnover: percentage of leavers over the last 6 months': the text "
        "names no denominator and no exact period.",
        "The last 6 months to a date D run from the day after the same date 6 months "
        "earlier to D (to Mon 6 Jan 2025: Sun 7 Jul 2024 to Mon 6 Jan 2025). Leavers are "
        "workers whose last day of employment (employed_until) falls in the period; the "
        "percentage is of every worker employed on any day of it, to one decimal place, "
        "so it never exceeds 100 %. Both counts are reported, so a Council that reads "
        "another denominator (average headcount) can work it from them.",
        cite("8.2 Outcomes", "percentage of leavers over the last 6 months"),
    ),
    Reading(
        "package-sufficient-numbers",
        "'Sufficient numbers' of direct-work staff trained in communication methods (BSL, "
        "Makaton, PECS), So SAFE! ('for people with moderate to severe Intellectual "
        "Disability and Autism Spectrum Disorder'), DoLS working, and, for children with "
        "personal / healthcare needs, eight healthcare subjects: which of them does one "
        "package's team need?",
        "A package (roster document packages: its workers and its child's needs) is asked "
        "for a skill when its child has the need the text ties it to: bsl, makaton or pecs "
        "for a child who communicates by that method; intellectual-disability or autism "
        "for So SAFE!; dols for DoLS working; each healthcare subject for the need of the "
        "same name (peg-feeding for a tube-fed child), or all eight for a child with "
        "healthcare needs not named one by one. First aid, food hygiene, health and safety "
        "and medicines handling are asked of every package. At least one of the package's "
        "direct-work staff holds each (reading sufficient-numbers).",
        cite("6 Staff", "In order to deliver services which are safe and inclusive"),
    ),
    Reading(
        "no-age-band",
        "Eligibility is by statutory intervention under three Acts; no ages are stated.",
        "No age limit is applied; the Council's identification of eligibility is decisive.",
        cite("3.2 Eligibility criteria", "identified by the Council as being eligible"),
    ),
)
