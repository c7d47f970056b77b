"""Triborough's deadlines and dated obligations."""

from __future__ import annotations

from childcare_commissioning.deadlines import DeadlineRule, Party
from childcare_commissioning.durations import Direction, Duration, DurationKind
from childcare_commissioning.obligations import Obligation, ObligationKind, Relative
from childcare_commissioning.schedules import Phase, Schedule
from childcare_commissioning_triborough._cite import cite

__all__ = ["DEADLINES", "OBLIGATIONS", "QUARTERLY"]

K = DurationKind
QUARTERLY = Schedule(phases=(Phase(Duration(K.MONTHS, 3)),))
DEADLINES = (
    DeadlineRule(
        "prompt-referral",
        "Prompt, timely referral of a safeguarding concern",
        "concern",
        Duration(K.IMMEDIATELY),
        cite(
            "6.7",
            "act on actual or suspected cases of abuse with prompt, timely and appropriate action",
        ),
        notes="'Prompt, timely' sets no hours: read as without delay (reading 'prompt-referral').",
    ),
    DeadlineRule(
        "immediately",
        "Immediately",
        "concern",
        Duration(K.IMMEDIATELY),
        cite(
            "6.7",
            "the matter shall be referred immediately to the Local Authority Designated Officer",
        ),
    ),
    DeadlineRule(
        "adult-client-allegation",
        "Refer a concern about a worker and an adult client to the Safeguarding Adults Team",
        "concern",
        Duration(K.IMMEDIATELY),
        cite(
            "6.7",
            "Similar concerns in relation to adult clients shall be referred to the Safeguarding Adults Team",
        ),
        notes="'Similar concerns' are referred as the LADO's are: immediately (reading "
        "'adult-client-allegations').",
    ),
    DeadlineRule(
        "gross-misconduct-telephone",
        "Telephone the Council and CCG about a gross misconduct allegation",
        "gross-misconduct-allegation",
        Duration(K.IMMEDIATELY),
        cite("7.5", "inform the Council and CCG immediately initially by telephone"),
    ),
    DeadlineRule(
        "dbs-referral-without-delay",
        "Refer to the DBS, and tell the Council, without delay",
        "dismissal-for-harm",
        Duration(K.IMMEDIATELY),
        cite(
            "6.8",
            "The Provider shall refer information to the Disclosure and Barring Service",
        ),
        notes="No time limit is given (reading 'dbs-referral-timing').",
    ),
    DeadlineRule(
        "council-notified-of-dbs-referral",
        "Notify the Council of a referral made to the DBS (formerly the ISA)",
        "dismissal-for-harm",
        Duration(K.IMMEDIATELY),
        cite(
            "6.9",
            "The Provider shall notify the Council of any referrals made to the Independent Safeguarding Authority.",
        ),
        notes="No time limit is given: read as without delay, with the referral itself "
        "(reading 'dbs-referral-timing'); the ISA is now the DBS (reading 'isa-and-crb').",
    ),
    DeadlineRule(
        "gross-misconduct-written-report",
        "Written report of a gross misconduct allegation",
        "gross-misconduct-allegation",
        Duration(K.WORKING_DAYS, 5),
        cite("7.5", "followed by a written report within 5 working days"),
    ),
    DeadlineRule(
        "quarterly-report-before-meeting",
        "Quarterly report to the CCGs, before the quarterly meeting",
        "quarterly-meeting",
        Duration(K.WORKING_DAYS, 1),
        direction=Direction.BEFORE,
        citation=cite(
            "4.2",
            "Each Quarter (prior to the Quarterly meeting described in paragraph 4.3 below) the Provider shall prepare and submit to the CCGs a report",
        ),
        notes="'Prior to' sets no lead time: at the latest the working day before.",
    ),
    DeadlineRule(
        "lone-worker-policy-in-place",
        "Lone worker policy in place when the home-based service starts",
        "commencement",
        Duration(K.IMMEDIATELY),
        cite("3.6", "expected to have a lone worker policy in place"),
        notes="The text sets no date: read as in place from the Commencement Date, when home "
        "visits can begin.",
    ),
    DeadlineRule(
        "dbs-recheck",
        "DBS re-check",
        "dbs-check",
        Duration(K.YEARS, 3),
        cite(
            "7.2",
            "A Disclosure and Barring Service re-check shall be carried out by the Provider for all relevant Staff at least every three years.",
        ),
    ),
)
OBLIGATIONS = (
    Obligation(
        "quarterly-meeting",
        "Quarterly meeting of the Contract Manager with CCG officers",
        ObligationKind.MEETING,
        Party.BOTH,
        cite("4.3", "attends meetings every 3 months (a \u201cQuarter\u201d) with CCG officers"),
        schedule=QUARTERLY,
        notes="Quarters run from the Commencement Date, not the financial year.",
    ),
    Obligation(
        "quarterly-report",
        "Quarterly report: achievement against outcomes and outputs, concerns, improvements",
        ObligationKind.REPORT,
        Party.PROVIDER,
        cite("4.2", "prepare and submit to the CCGs a report"),
        relative_to=Relative("quarterly-meeting", Duration(K.WORKING_DAYS, 1), Direction.BEFORE),
    ),
    Obligation(
        "complaints-feedback-review",
        "Complaints and feedback policy reviewed",
        ObligationKind.REVIEW,
        Party.PROVIDER,
        cite("4.4", "these are reviewed regularly each Quarter"),
        schedule=QUARTERLY,
    ),
    Obligation(
        "equality-monitoring",
        "Monitoring information by the eight protected groups and by care group",
        ObligationKind.REPORT,
        Party.PROVIDER,
        cite(
            "Appendix 1",
            "Provide monitoring information broken down, where appropriate, by the eight equality protected groups by specific care group",
        ),
        schedule=QUARTERLY,
        notes="Reported with the quarterly report.",
    ),
    Obligation(
        "carers-events",
        "Attend events for Carers' Week (June) and Carers' Rights Day (December)",
        ObligationKind.EVENT,
        Party.PROVIDER,
        cite("Appendix 1", "Carers' Week (June)"),
        schedule=Schedule(months=(6, 12)),
        notes="Carers' Rights Day (December) is listed beside it; both 'where appropriate'.",
    ),
    Obligation(
        "lone-worker-policy",
        "A lone worker policy for the home-based model",
        ObligationKind.PLAN,
        Party.PROVIDER,
        cite(
            "3.6",
            "The Service will be a home based Model and expected to have a lone worker policy in place",
        ),
        trigger="commencement",
        deadline="lone-worker-policy-in-place",
    ),
    Obligation(
        "gross-misconduct",
        "Gross misconduct allegation: telephone immediately, written report within 5 working days, outcome of the investigation",
        ObligationKind.NOTICE,
        Party.PROVIDER,
        cite("7.5", "inform the Council and CCG immediately initially by telephone"),
        trigger="gross-misconduct-allegation",
        deadline="gross-misconduct-written-report",
    ),
    Obligation(
        "dbs-referral",
        "Refer to the DBS staff dismissed (or who left) for harming a child or vulnerable adult, and notify the Council",
        ObligationKind.NOTICE,
        Party.PROVIDER,
        cite(
            "6.8",
            "in respect of any member of Staff or volunteer who has been dismissed because they have harmed a child or vulnerable adult",
        ),
        trigger="dismissal-for-harm",
    ),
)
