"""Plymouth's staff requirements (section 6)."""

from __future__ import annotations

from childcare_commissioning.durations import Duration, DurationKind
from childcare_commissioning.measures import ReferenceTable
from childcare_commissioning.workforce import Requirement, RequirementKind, Scope
from childcare_commissioning_plymouth._cite import cite

__all__ = [
    "CORE_SUBJECTS",
    "HEALTHCARE_SUBJECTS",
    "PACKAGE_NEEDS",
    "ROLE_TYPES",
    "ROLE_TYPE_TABLE",
    "SOCIAL_CARE_SUBJECTS",
    "SUFFICIENT_SUBJECTS",
    "WORKFORCE",
]

K = RequirementKind
STAFF = "6 Staff"
THREE_YEARS = Duration(DurationKind.YEARS, 3)
DIRECT = Scope(direct_work=True)
SOCIAL_CARE = Scope(direct_work=True, needs=frozenset({"social-care"}))
HEALTHCARE = Scope(direct_work=True, needs=frozenset({"healthcare"}))

#: Role types the provider may supply (id, as the text names it).
ROLE_TYPES = (
    ("family-support-worker", "Family Support Worker"),
    ("health-care-assistant", "Health Care Assistant"),
    ("rgn", "Registered General Nurse (RGN)"),
    ("rnld", "Registered Learning Disability Nurse (RNLD)"),
    ("rmn", "Registered Mental Health Nurse (RMN)"),
    ("youth-worker", "Youth Worker"),
)

#: The role types as a reference table (an open list: "could include, but are not limited to").
ROLE_TYPE_TABLE = ReferenceTable(
    "role-types",
    "Role types the Provider may supply (an open list)",
    ("Role id", "Role"),
    ROLE_TYPES,
    cite(STAFF, "These roles could include, but are not limited to"),
    notes="Workers may hold other roles; the NMC requirement applies to the three nurse roles.",
)

CORE_SUBJECTS = (
    (
        "data-protection",
        "Data Protection Act 2018 and the EU General Data Protection Regulation (GDPR)",
    ),
    ("equality-diversity", "Equality and Diversity: anti-discriminatory practice"),
    ("safeguarding-adults", "Safeguarding Adults"),
    ("safeguarding-children", "Safeguarding Children and Young People"),
    ("trauma-informed", "Trauma Informed / Trauma Skilled practice"),
)

SOCIAL_CARE_SUBJECTS = (
    ("risk-assessment", "Assessment of Risk & Vulnerability"),
    ("asylum-refugee-awareness", "Asylum Seeker and Refugee Awareness"),
    ("autism", "Autistic Spectrum: awareness and skills for adapting practice"),
    ("behaviour-management", "Behaviour Management"),
    ("criminal-exploitation", "Child Criminal Exploitation"),
    ("complaints-allegations", "Complaints and Allegations"),
    ("dols", "Deprivation of Liberty Safeguards (DoLS)"),
    ("eating-disorders", "Eating disorders"),
    ("communication", "Effective Communication with children and young people"),
    ("emotional-abuse", "Emotional Abuse, including Bullying and 'Cyber-Bullying'"),
    ("mental-health", "Emotional Wellbeing & Mental Health: awareness and skills"),
    ("gender-identity", "Gender Identity"),
    ("harmful-sexual-behaviour", "Harmful sexual behaviour by children and young people"),
    ("learning-disabilities", "Learning Difficulties / Disabilities"),
    ("neglect", "Neglect"),
    ("physical-abuse", "Physical Abuse"),
    ("physical-disability", "Physical Disability Awareness (including Sensory)"),
    ("prevent", "Radicalisation [WRAP] and Violent Extremism (Channel Programme)"),
    ("relationships-sexual-health", "Relationships & Sexual Health"),
    ("sexual-abuse", "Sexual Abuse"),
    ("self-harm", "Self-harm"),
    ("substance-misuse", "Substance Misuse (including new Psychoactive Substances)"),
    ("suicide-prevention", "Suicide Prevention"),
    ("young-carers", "Young Carers"),
    ("other-abuse", "Understanding other forms of Abuse and Violence"),
)

SUFFICIENT_SUBJECTS = (
    ("bsl", "British Sign Language (BSL)"),
    ("makaton", "Makaton"),
    ("pecs", "Picture Exchange Communication System (PECS)"),
    ("first-aid", "First aid, including cardiopulmonary resuscitation (CPR)"),
    ("food-hygiene", "Food hygiene"),
    ("health-and-safety", "Health and Safety, including Fire Safety and Manual Handling"),
    ("medicines", "Medicines handling"),
    ("so-safe", "So SAFE! or equivalent programme"),
    (
        "dols-working",
        "working safely and effectively with children ... subject to court ordered DoLS",
    ),
)

HEALTHCARE_SUBJECTS = (
    ("catheter-stoma", "Catheter / Stoma care"),
    ("continence", "Continence care"),
    ("peg-feeding", "Gastroenteric tube feeding (PEG/RIG)"),
    ("hoisting", "Hoisting / Turning / Manual (Person) Handling"),
    ("intimate-care", "Intimate care for children and young people with complex needs"),
    ("suction", "Suction"),
    ("tracheostomy", "Tracheotomy care"),
    ("ventilation", "Ventilation training"),
)

#: The child's needs that call for a "sufficient numbers" skill on a package (reading
#: package-sufficient-numbers): the communication methods for a child who communicates by
#: them, So SAFE! for a child with an intellectual disability or autism (the programme is
#: "for people with moderate to severe Intellectual Disability and Autism Spectrum
#: Disorder"), DoLS working for a child subject to DoLS. Each healthcare subject is called
#: for by the need of the same name (a tube-fed child: peg-feeding), or by healthcare.
PACKAGE_NEEDS = {
    "bsl": frozenset({"bsl"}),
    "makaton": frozenset({"makaton"}),
    "pecs": frozenset({"pecs"}),
    "so-safe": frozenset({"intellectual-disability", "autism"}),
    "dols-working": frozenset({"dols"}),
}

_CORE_CITE = cite(STAFF, "receive training to an appropriate level in a range of core subjects")
_SOCIAL_CITE = cite(
    STAFF,
    "refresher training in these subjects at the intervals set out in their organisational "
    "training matrix, or at least every three years where not otherwise specified",
)
_SUFFICIENT_CITE = cite(STAFF, "sufficient numbers of staff undertaking direct work")
_HEALTH_CITE = cite(STAFF, "children and young people with personal / healthcare needs")

WORKFORCE = (
    Requirement(
        "safer-recruitment",
        K.CHECK,
        "safer-recruitment",
        "Recruited in accordance with the Safer Recruitment Good Practice Guidance",
        cite(STAFF, "recruited in accordance with Safer Recruitment Good Practice Guidance"),
    ),
    Requirement(
        "dbs",
        K.CHECK,
        "dbs-enhanced",
        "Enhanced Disclosure and Barring Service (DBS) check",
        cite(STAFF, "subject to an enhanced Disclosure and Barring Service (DBS) check"),
        scope=DIRECT,
        notes="The text sets no recheck interval.",
    ),
    *(
        Requirement(f"core-{subject}", K.TRAINING, subject, wording, _CORE_CITE)
        for subject, wording in CORE_SUBJECTS
    ),
    *(
        Requirement(
            f"social-care-{subject}",
            K.TRAINING,
            subject,
            wording,
            _SOCIAL_CITE,
            scope=SOCIAL_CARE,
            refresh=THREE_YEARS,
            provider_matrix=True,
        )
        for subject, wording in SOCIAL_CARE_SUBJECTS
    ),
    Requirement(
        "social-care-restraint-standard",
        K.TRAINING,
        "rrn-certified-behaviour-management",
        "Behaviour management and physical intervention training certified as compliant with "
        "the Restraint Reduction Network (RRN) Training Standards (RRN and Health Education "
        "England, 2019), e.g. Team Teach or an equivalent programme",
        cite(
            STAFF,
            "Training must be compliant with the ethical Training Standards developed by the "
            "Restraint Reduction Network and Health Education England",
        ),
        scope=SOCIAL_CARE,
        refresh=THREE_YEARS,
        provider_matrix=True,
        notes="Record the completion of an RRN-certified course as subject "
        "'rrn-certified-behaviour-management'; a plain 'behaviour-management' completion "
        "does not show the standard (reading restraint-training-standard).",
    ),
    *(
        Requirement(
            f"sufficient-{subject}",
            K.TRAINING,
            subject,
            wording,
            _SUFFICIENT_CITE,
            scope=DIRECT,
            team=True,
            for_needs=PACKAGE_NEEDS.get(subject, frozenset()),
        )
        for subject, wording in SUFFICIENT_SUBJECTS
    ),
    *(
        Requirement(
            f"healthcare-{subject}",
            K.TRAINING,
            subject,
            wording,
            _HEALTH_CITE,
            scope=HEALTHCARE,
            team=True,
            for_needs=frozenset({subject}),
        )
        for subject, wording in HEALTHCARE_SUBJECTS
    ),
    Requirement(
        "nmc",
        K.REGISTRATION,
        "nmc",
        "NMC registration and revalidation",
        cite(
            STAFF,
            "adhere to the revalidation requirements of the Nursing and Midwifery Council (NMC)",
        ),
        scope=Scope(roles=frozenset({"rgn", "rmn", "rnld"})),
    ),
    Requirement(
        "appraisal",
        K.TRAINING,
        "appraisal",
        "Performance appraised and learning needs reviewed at least annually",
        cite(STAFF, "reviewed at least annually"),
        scope=DIRECT,
        refresh=Duration(DurationKind.YEARS, 1),
    ),
    Requirement(
        "supervision",
        K.TRAINING,
        "supervision",
        "Reflective, restorative and clinical supervision at least quarterly",
        cite(
            STAFF,
            "regular (i.e. at least quarterly) reflective, restorative and clinical supervision",
        ),
        scope=DIRECT,
        refresh=Duration(DurationKind.MONTHS, 3),
    ),
    Requirement(
        "business-mobile-phone",
        K.CHECK,
        "business-mobile-phone",
        "Equipped with a mobile phone for business use",
        cite("4 Networks and links", "are equipped with mobile phones for business use"),
        scope=DIRECT,
        notes="Record the issue of the phone as a completion of subject "
        "'business-mobile-phone'; its number is shared before each package commences "
        "(deadline share-mobile-numbers).",
    ),
    Requirement(
        "photo-id",
        K.CHECK,
        "photo-id",
        "Employee ID (including photograph) carried on duty",
        cite(STAFF, "carry employee ID (including photograph) at all times whilst on duty"),
        scope=DIRECT,
    ),
    *(
        Requirement(
            f"transport-{subject}",
            K.REGISTRATION,
            subject,
            wording,
            cite(
                "3.1 Key activity",
                "a valid MOT certificate ... a full current driving licence and the appropriate "
                "classification(s) of business vehicle insurance",
            ),
            scope=Scope(tasks=frozenset({"transport"})),
            notes="'In all circumstances where the Provider is required to transport a child': "
            "applies to whoever drives a child, whatever their role (a worker whose tasks "
            "include 'transport'); the text's role types name no driver. Each document is "
            "recorded as a registration with its expiry date; the MOT is the vehicle's, "
            "recorded on the worker who drives it (reading transport-documents).",
        )
        for subject, wording in (
            ("driving-licence", "Full current driving licence"),
            ("mot", "Valid MOT certificate for the vehicle used"),
            ("business-insurance", "Business vehicle insurance of the appropriate classification"),
        )
    ),
)
