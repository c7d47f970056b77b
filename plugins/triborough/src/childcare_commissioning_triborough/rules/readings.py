"""Triborough's readings: where the text is unclear or contradicts itself, the reading chosen."""

from __future__ import annotations

from childcare_commissioning import Reading
from childcare_commissioning_triborough._cite import cite

__all__ = ["READINGS"]

DEFS = "1 Definitions"

READINGS = (
    Reading(
        "quarter",
        "Reporting 'each Quarter' uses the contract's definition of a Quarter.",
        "Quarters run three months at a time from the Commencement Date, not on financial-year "
        "quarters; quarterly obligations are anchored on the Commencement Date.",
        cite(DEFS, "the first of which starts on the Commencement Date"),
    ),
    Reading(
        "volumes",
        "3.4 sets 'a minimum of Thirty families per year'; the table in 3.5 expects 30 or more "
        "families per borough in year 1 (90 in all).",
        "The per-borough figures are the targets progress is checked against; thirty a year is "
        "the overall floor.",
        cite("3.4", "The Provider shall work with a minimum of Thirty families per year."),
    ),
    Reading(
        "young-people-to-19",
        "'Young People' are 13-19, yet a Young Carer is under 18.",
        "Eligibility follows the Young Carer definition (under 18); the age groups are used "
        "for reporting only.",
        cite(DEFS, "People aged 13-19 years"),
    ),
    Reading(
        "report-before-meeting",
        "The quarterly report is due 'prior to the Quarterly meeting' with no lead time.",
        "Due at the latest the working day before the meeting.",
        cite("4.2", "prior to the Quarterly meeting"),
    ),
    Reading(
        "prompt-referral",
        "Concerns about children and adults are to be referred (6.6) with 'prompt, timely' "
        "action (6.7); only the LADO referral says 'immediately'.",
        "All safeguarding referrals are due immediately.",
        cite("6.7", "prompt, timely and appropriate action"),
    ),
    Reading(
        "dbs-referral-timing",
        "Referrals to the DBS (6.8) and telling the Council of them (6.9) have no time limit; "
        "6.9 still names the Independent Safeguarding Authority.",
        "Both are due without delay; the Independent Safeguarding Authority is read as the DBS, "
        "which replaced it (as the definitions say).",
        cite(
            "6.9",
            "The Provider shall notify the Council of any referrals made to the Independent Safeguarding Authority.",
        ),
    ),
    Reading(
        "access-and-assessment",
        "The definitions say every potential child protection issue 'should be referred via "
        "this system' (Access and Assessment), while 6.6 gives a number per borough.",
        "The two agree: 6.6's numbers are each borough's access and assessment front door "
        "(Hammersmith and Fulham's is even called the Contact and Assessment Team), so a "
        "child concern is routed to the borough's 6.6 number.",
        cite(
            DEFS,
            "All issues with a potential child protection issue should be referred via this system.",
        ),
    ),
    Reading(
        "quarter-end",
        "The first Quarter 'ends 3 months after the Commencement Date': on that day, or the "
        "day before?",
        "A Quarter is 'a calendar period of 3 months', so the next Quarter starts 3 months "
        "after the Commencement Date and the first ends the day before (commencing 31 Jan, "
        "the first Quarter runs to 29 Apr and the second starts 30 Apr). Quarterly meetings "
        "fall on the quarter days (3, 6, 9... months after the Commencement Date, clamped "
        "to the month's end), as listed, even on a weekend or bank holiday: the text fixes "
        "no weekday, and the report is due the working day before.",
        cite(DEFS, "ends 3 months after the Commencement Date"),
    ),
    Reading(
        "table-ages",
        "The table in 3.5 counts young carers 'aged 18 and under'; a Young Carer is 'under 18'.",
        "The census column is background (2001 figures) and is shown as printed; eligibility "
        "follows the definition: 17 is the oldest eligible age.",
        cite("3.5", "Number of Young Carers (aged 18 and under, census 2001 figures)"),
    ),
    Reading(
        "paragraph-numbers",
        "Paragraph numbers 3.5 and 3.6 are each used twice (interventions, lone working; "
        "then the volumes table, the carer's assessment), and there is no 2.27.",
        "Citations keep the printed numbers; the register names the first and second use "
        "('3.5 (first)', '3.5 (second)'); the quoted words say which paragraph is meant.",
        cite("3.5", "During the Contract Period the Provider shall support the number of families"),
    ),
    Reading(
        "working-together-editions",
        "Working Together is cited as 2013 (definitions, 2.26) and as 2010 (6.4 and "
        "Appendix 1); the London procedures as April 2011.",
        "The provider follows the edition of Working Together and of the London procedures "
        "in force when it acts (each has been replaced since); the dates are kept as printed "
        "in citations and the duty 'protection-procedures' asks which editions are followed.",
        cite("2.26", "in line with Working Together (DCSF, 2013)"),
    ),
    Reading(
        "commencement-date",
        "The text gives no Commencement Date or date of coming into force.",
        "Appendix 1 sets targets 'in the light out-turns for, and trends in, 2016-17', so the service starts "
        "in 2017-18 at the earliest: the specification is taken to be in force from "
        "1 April 2017 (the first day of 2017-18). This date is the library's, not the "
        "text's; quarters, contract years and volumes take the actual Commencement Date "
        "as an input.",
        cite(
            "Appendix 1",
            "Specific targets to be determined in the light out-turns for, and trends in, 2016-17",
        ),
    ),
    Reading(
        "report-truncated",
        "4.2 ends mid-sentence: 'any proposals that it has in terms of improving .'",
        "Read as proposals for improving the service; the report's contents are listed as printed.",
        cite("4.2", "any proposals that it has in terms of improving"),
    ),
    Reading(
        "who-may-refer",
        "3.3 names the young carers support service as a source of referrals (of hidden young "
        "carers) and 3.5 has it identify the needs; 3.8 expects the provider's 'referral "
        "systems' to build relationships with Early Help, social work teams, schools, adult "
        "services and health 'including without limitation', and 3.11 lists partners "
        "'without limitation'. No clause names a self-referral or a parent's.",
        "Referrals come from the young carers support service (3.3: it refers hidden young "
        "carers, and 3.5: it identifies the needs) or from the partner agencies 3.8 and 3.11 "
        "name (Early Help, social work teams, schools and colleges, adult mental health and "
        "social care, GPs and health services, CAMHS, youth offending, drug and alcohol, "
        "early years, community and voluntary services: route 'partner-referral'), each with "
        "the carer's assessment (3.6). The text never speaks of a self-referral or a "
        "family's own, and does not forbid one: its lists are open ('including without "
        "limitation'), so a referrer they do not name (the young carer, a parent, an "
        "unnamed agency) is not refused but needs the agreement of the young carers support "
        "service, which identifies the needs (3.5).",
        cite("3.8", "including without limitation building effective relationships"),
    ),
    Reading(
        "three-boroughs",
        "3.1 engages 'the families of Young Carers from the three boroughs'.",
        "The service is for families living in Westminster, Kensington and Chelsea or "
        "Hammersmith and Fulham (the council's areas): a referral for a family elsewhere is "
        "not eligible, one that gives no area is incomplete, and volumes are counted for "
        "those three boroughs only.",
        cite("3.1", "engage the families of Young Carers from the three boroughs"),
    ),
    Reading(
        "adult-team-if-known",
        "Adult concerns go 'to the relevant adult social care team, if known, or to the' "
        "borough's listed number.",
        "A known team is the caller's knowledge, not the library's: the route gives the "
        "borough's listed contact, which always applies.",
        cite("6.6", "to the relevant adult social care team, if known, or to the"),
    ),
    Reading(
        "adult-client-allegations",
        "6.7 sends concerns that a worker is harming a young person to the LADO, and "
        "'similar concerns in relation to adult clients' to 'the Safeguarding Adults Team at "
        "the same contacts specified in 6.6'.",
        "An allegation that a worker is harming an adult client goes to the borough's adult "
        "safeguarding contact of 6.6 (not the LADO), immediately.",
        cite(
            "6.7",
            "Similar concerns in relation to adult clients shall be referred to the Safeguarding Adults Team",
        ),
    ),
    Reading(
        "the-council",
        "'The Council' (6.9, 7.4, 7.5) is never defined: the commissioners are three CCGs "
        "serving three borough councils, and no contact is given for it.",
        "The Council is the council of the borough concerned (the family's borough, or each "
        "borough whose families the member of staff works with); the CCG is the commissioning "
        "CCGs. Routing names that council but gives no number or address, as the text gives "
        "none: the contract must supply them.",
        cite("7.5", "inform the Council and CCG immediately"),
    ),
    Reading(
        "isa-and-crb",
        "6.10 asks for an 'Enhanced Criminal Records Bureau Certificate' and 7.3 for referral "
        "to 'the Independent Safeguarding Authority's register'; both bodies were merged into "
        "the Disclosure and Barring Service (as the definitions say).",
        "Read as an enhanced DBS certificate (workforce 'dbs') and a referral to the DBS for "
        "consideration for barring (duty 'refer-unsuitable-staff-for-barring').",
        cite(
            DEFS,
            "merges the functions previously carried out by the Criminal Records Bureau (CRB) and Independent Safeguarding Authority (ISA)",
        ),
    ),
    Reading(
        "vulnerable-groups",
        "6.10 asks for a certificate for 'all those working with vulnerable groups (as defined "
        "by the Safeguarding Vulnerable Groups Act 2006)', 7.2 for a DBS check of 'all "
        "necessary Staff' and a re-check of 'all relevant Staff', 6.11 for training of 'all "
        "Staff working with vulnerable children and adults at risk'. None says every member "
        "of staff; none says how to tell who works with vulnerable groups.",
        "The enhanced DBS check (with its three-yearly re-check) and both safeguarding "
        "trainings are required of the staff in direct work with the families (a roster's "
        "'direct_work', true unless the roster says otherwise): home visitors, key workers "
        "and their managers. A member of staff recorded with no direct work (an "
        "administrator with no contact with families) needs none of the three. Whether a "
        "post is regulated activity under the 2006 Act is the Provider's judgement, recorded "
        "in the roster.",
        cite(
            "6.10",
            "all those working with vulnerable groups (as defined by the Safeguarding Vulnerable Groups Act 2006)",
        ),
    ),
    Reading(
        "equality-monitoring-frequency",
        "Appendix 1 asks for monitoring information by the eight equality protected groups "
        "but sets no frequency.",
        "Reported each Quarter with the quarterly report (4.2 reports 'against each of the "
        "outcomes and outputs identified', and this is an Appendix 1 output).",
        cite(
            "4.2",
            "report setting out its level of achievement against each of the outcomes and outputs identified",
        ),
    ),
    Reading(
        "rbkc-adult-number",
        "RBKC's adult safeguarding number is printed '0207 361 3013'; its children's number "
        "'020 7361 3013'.",
        "Both are kept exactly as published; they are the same number.",
        cite("6.6", "0207 361 3013"),
    ),
)
