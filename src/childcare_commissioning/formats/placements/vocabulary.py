"""The standard's controlled vocabularies and the fields the library reads: each concept
scheme with the labels the context maps to it, the urgency and risk mappings, and which
fields become Referral information and weekly costs."""

from __future__ import annotations

from typing import Final
from zoneinfo import ZoneInfo

from childcare_commissioning.errors import ModelValueError
from childcare_commissioning.model.referral import Urgency

__all__ = ["DEFAULT_REFERRER_ROLE", "LONDON", "RISK_FIELDS", "URGENCY", "concept"]

LONDON: Final = ZoneInfo("Europe/London")

#: Whom a record's referral is taken to come from when the caller does not say: the
#: standard assumes "Placement teams rather than social workers or finance teams will
#: either directly enter or 'own' the data" (reading ``placements-referrer``).
DEFAULT_REFERRER_ROLE: Final = "placements-team"

_BASE = "https://ns.socialcaredata.io/placements/"

# Each controlled field: its concept scheme (prefix, namespace) and, per concept, the labels
# the standard's context.jsonld maps to it. Taken from shacl-shape.ttl (sh:in) and
# context.jsonld at SocialCareData/standard 8c2f0739.
_SCHEMES: Final[dict[str, tuple[str, str, dict[str, tuple[str, ...]]]]] = {
    "neededBy": (
        "pu",
        "placement-urgency",
        {"Today": (), "WithinFiveDays": ("< 5 days",), "MoreThanFiveDays": ("> 5 days",)},
    ),
    "outOfLAReason": (
        "olr",
        "outof-la-reason",
        {
            "SafeguardingConcerns": ("Safeguarding concerns",),
            "BailConditions": ("Bail conditions",),
            "CourtOrder": ("Court order",),
            "OutOfLAReasonOther": ("Other",),
        },
    ),
    "communicationNeeds": (
        "yns",
        "presence-status",
        {"Yes": (), "No": (), "NotSpecified": ("Not Specified",)},
    ),
    "specificCommunicationRequirement": (
        "cn",
        "communication-need",
        {"ESOL": (), "BSL": (), "Makaton": (), "Other": (), "None": ()},
    ),
    "culturalNeeds": (
        "cln",
        "cultural-need",
        {
            "Required": (),
            "NotRequired": ("Not Required",),
            "NotKnown": ("Not Known",),
            "Other": (),
        },
    ),
    "livingCompanions": (
        "la",
        "living-arrangement",
        {
            "SoloPlacement": ("Solo placement recommended",),
            "WithOtherChildren": ("With Other children recommended",),
            "OnlyWithOlderChildren": ("Only With Other older children",),
            "OnlyWithYoungerChildren": ("Only With Other younger children",),
            "NoPreference": ("No preference",),
        },
    ),
    "pets": (
        "pa",
        "pets-allowance",
        {"YesMust": ("Yes-must",), "YesCan": ("Yes-can",), "No": (), "NotKnown": ("Not known",)},
    ),
    "additionalSupport": (
        "st",
        "support-type",
        {
            "AdditionalSupervision": ("Additional supervision",),
            "TherapeuticSupport": ("Therapeutic support",),
            "WorkerForRespite": ("A worker for respite",),
            "TaxisToSchool": ("Taxis to school",),
            "NotApplicable": ("NA",),
            "Other": (),
        },
    ),
    "suitability": (
        "sl",
        "suitability-level",
        {
            "Preferred": (),
            "SuitableButNotPreferred": ("Suitable but not preferred",),
            "Unsuitable": (),
            "NotSpecified": ("Not specified",),
        },
    ),
    "risk": (
        "rl",
        "risk-level",
        {"NoKnownRisk": ("No known risk",), "RiskPresent": ("Risk Present",)},
    ),
    "placementType": (
        "pt",
        "placement-type",
        {"Foster": (), "Residential": (), "SupportedAccommodation": ("Supported Accommodation",)},
    ),
}


def concept(scheme: str, value: str) -> str:
    """The local name of the concept ``value`` denotes in ``scheme`` (a field name of the
    standard, or ``"suitability"``/``"risk"``): ``"< 5 days"``, ``"WithinFiveDays"``,
    ``"pu:WithinFiveDays"`` and the full IRI all give ``"WithinFiveDays"``. Raises
    :class:`ModelValueError` for a value the scheme does not have (not repeating it)."""
    prefix, namespace, table = _SCHEMES[scheme]
    for local, labels in table.items():
        if value in (local, *labels, f"{prefix}:{local}", f"{_BASE}{namespace}#{local}"):
            return local
    raise ModelValueError(scheme, "controlled-vocabulary", f"is not a {namespace} concept")


#: How the standard's neededBy maps to the library's urgency (reading
#: ``placements-urgency``): needed today is an emergency, within five days urgent, later
#: standard.
URGENCY: Final[dict[str, Urgency]] = {
    "Today": Urgency.EMERGENCY,
    "WithinFiveDays": Urgency.URGENT,
    "MoreThanFiveDays": Urgency.STANDARD,
}

#: The RiskAssessment fields and the risk ids a Referral lists when the field is "Risk
#: Present" (every field is required; "No known risk" lists nothing).
RISK_FIELDS: Final[dict[str, str]] = {
    "riskSelfHarm": "self-harm",
    "riskSexualExploitation": "sexual-exploitation",
    "riskCriminalExploitation": "criminal-exploitation",
    "riskDrugAlcohol": "drug-and-alcohol-use",
    "riskEatingDisorder": "eating-disorder",
    "riskMissing": "going-missing",
    "riskToOthersPhysical": "physical-harm-to-others",
    "riskToOthersSexual": "sexual-harm-to-others",
    "riskToOthersFire": "fire-setting",
    "riskToOthersAnimals": "harm-to-animals",
    "riskToOthersCriminal": "criminal-exploitation-of-others",
}

# Referral.information items read from the record: (block, field, information key).
_INFORMATION: Final = (
    ("placementAvailability", "siblingCount", "sibling_count"),
    ("placementAvailability", "isPreferredLocationLocal", "preferred_location_local"),
    ("placementAvailability", "outOfLAReason", "out_of_la_reason"),
    ("placementAvailability", "outOfLAReasonOther", "out_of_la_reason_other"),
    ("placementRequirements", "communicationNeeds", "communication_needs"),
    (
        "placementRequirements",
        "specificCommunicationRequirement",
        "specific_communication_requirements",
    ),
    (
        "placementRequirements",
        "specificCommunicationRequirementOther",
        "specific_communication_requirements_other",
    ),
    ("placementRequirements", "culturalNeeds", "cultural_needs"),
    ("placementRequirements", "culturalNeedsOther", "cultural_needs_other"),
    ("placementRequirements", "livingCompanions", "living_companions"),
    ("placementRequirements", "pets", "pets"),
    ("placementRequirements", "additionalSupport", "additional_support"),
    ("placementRequirements", "additionalSupportOther", "additional_support_other"),
    ("placementRequirements", "homeAdaptationRequired", "home_adaptation_required"),
    ("placementRequirements", "deprivationOfLiberty", "deprivation_of_liberty"),
    ("placementRecommendation", "fosterCareSuitability", "foster_care_suitability"),
    ("placementRecommendation", "residentialCareSuitability", "residential_care_suitability"),
    (
        "placementRecommendation",
        "supportedAccommodationSuitability",
        "supported_accommodation_suitability",
    ),
)

_COST_FIELDS: Final = (
    ("core", "coreWeeklyCost"),
    ("additional_support", "additionalSupportWeeklyCost"),
    ("education", "educationWeeklyCost"),
    ("other", "otherWeeklyCost"),
)
