"""SSDA903 code lists (as enums) and what each code means.

The lists are the union over the collection years the Data to Insight validator checks
(2022 to 2023 up to 2025 to 2026), from its code-list rules (``rule_101``, ``rule_143``,
``rule_144``, ``rule_145``, ``rule_146``, ``rule_149``, ``rule_178``, ``rule_1009``); the
meanings are the DfE guide's words, shortened.
"""

from __future__ import annotations

import enum

__all__ = [
    "CategoryOfNeed",
    "LegalStatus",
    "PlacementProvider",
    "PlacementType",
    "ReasonEpisodeCeased",
    "ReasonNewEpisode",
    "ReasonPlaceChange",
    "Sex",
]


class _Code(enum.StrEnum):
    """An SSDA903 code; ``meaning`` is the DfE guide's description."""

    @property
    def meaning(self) -> str:
        """What the code means (the DfE guide's words, shortened)."""
        return _MEANINGS[type(self)][self.value]


class Sex(_Code):
    """``SEX``: ``1``/``2`` to 2023 to 2024, ``M``/``F``/``U`` from 2024 to 2025."""

    MALE_1 = "1"
    FEMALE_2 = "2"
    MALE = "M"
    FEMALE = "F"
    UNKNOWN = "U"


class ReasonNewEpisode(_Code):
    """``RNE``: why a new episode of care began."""

    S = "S"
    L = "L"
    P = "P"
    T = "T"
    U = "U"
    B = "B"


class LegalStatus(_Code):
    """``LS``: the legal status under which the child is looked after."""

    C1 = "C1"
    C2 = "C2"
    D1 = "D1"
    E1 = "E1"
    V2 = "V2"
    V3 = "V3"
    V4 = "V4"
    J1 = "J1"
    J2 = "J2"
    J3 = "J3"
    L1 = "L1"
    L2 = "L2"
    L3 = "L3"


class CategoryOfNeed(_Code):
    """``CIN``: the main reason the child is in need."""

    N1 = "N1"
    N2 = "N2"
    N3 = "N3"
    N4 = "N4"
    N5 = "N5"
    N6 = "N6"
    N7 = "N7"
    N8 = "N8"


class PlacementType(_Code):
    """``PLACE``: where the child is placed."""

    A3 = "A3"
    A4 = "A4"
    A5 = "A5"
    A6 = "A6"
    H5 = "H5"
    K1 = "K1"
    K2 = "K2"
    K3 = "K3"
    P1 = "P1"
    P2 = "P2"
    P3 = "P3"
    R1 = "R1"
    R2 = "R2"
    R3 = "R3"
    R5 = "R5"
    S1 = "S1"
    T0 = "T0"
    T1 = "T1"
    T2 = "T2"
    T3 = "T3"
    T4 = "T4"
    U1 = "U1"
    U2 = "U2"
    U3 = "U3"
    U4 = "U4"
    U5 = "U5"
    U6 = "U6"
    Z1 = "Z1"
    Z11 = "Z11"
    Z12 = "Z12"
    Z13 = "Z13"
    Z14 = "Z14"


class PlacementProvider(_Code):
    """``PLACE_PROVIDER``: who provides the placement."""

    PR0 = "PR0"
    PR1 = "PR1"
    PR2 = "PR2"
    PR3 = "PR3"
    PR4 = "PR4"
    PR5 = "PR5"


class ReasonEpisodeCeased(_Code):
    """``REC``: why the episode ended (``X1``: a new episode began the same day)."""

    E11 = "E11"
    E12 = "E12"
    E13 = "E13"
    E14 = "E14"
    E15 = "E15"
    E16 = "E16"
    E17 = "E17"
    E2 = "E2"
    E3 = "E3"
    E41 = "E41"
    E45 = "E45"
    E46 = "E46"
    E47 = "E47"
    E48 = "E48"
    E4A = "E4A"
    E4B = "E4B"
    E5 = "E5"
    E6 = "E6"
    E7 = "E7"
    E8 = "E8"
    E9 = "E9"
    X1 = "X1"


class ReasonPlaceChange(_Code):
    """``REASON_PLACE_CHANGE``: why the placement changed."""

    CARPL = "CARPL"
    CLOSE = "CLOSE"
    ALLEG = "ALLEG"
    STAND = "STAND"
    APPRR = "APPRR"
    CREQB = "CREQB"
    CREQO = "CREQO"
    CHILD = "CHILD"
    LAREQ = "LAREQ"
    PLACE = "PLACE"
    CUSTOD = "CUSTOD"
    OTHER = "OTHER"


_OTHER_2025 = "Other placement (one of the four codes that replace Z1 from 2025 to 2026)"
_MEANINGS: dict[type[_Code], dict[str, str]] = {
    Sex: {
        "1": "Male (code used to 2023 to 2024)",
        "2": "Female (code used to 2023 to 2024)",
        "M": "Male",
        "F": "Female",
        "U": "Unknown (sex not recorded)",
    },
    ReasonNewEpisode: {
        "S": "Started to be looked after",
        "L": "Change of legal status only",
        "P": "Change of placement and carer(s) only",
        "T": "Change of placement (but same carer(s)) only",
        "U": "Change of legal status and of placement and carer(s) at the same time",
        "B": "Change of legal status and of placement (but same carer(s)) at the same time",
    },
    LegalStatus: {
        "C1": "Interim care order",
        "C2": "Full care order",
        "D1": "Freeing order granted",
        "E1": "Placement order granted",
        "V2": "Single period of accommodation under section 20 (Children Act 1989)",
        "V3": "Accommodated under an agreed series of short-term breaks, when individual "
        "episodes of care are recorded",
        "V4": "Accommodated under an agreed series of short-term breaks, when agreements are "
        "recorded (not individual episodes of care)",
        "J1": "Remanded to local authority accommodation or to youth detention accommodation",
        "J2": "Placed in local authority accommodation under the Police and Criminal "
        "Evidence Act 1984",
        "J3": "Sentenced to a youth rehabilitation order with a residence or intensive "
        "fostering requirement",
        "L1": "Under police protection and in local authority accommodation",
        "L2": "Emergency protection order",
        "L3": "Under a child assessment order and in local authority accommodation",
    },
    CategoryOfNeed: {
        "N1": "Abuse or neglect",
        "N2": "Child's disability",
        "N3": "Parental illness or disability",
        "N4": "Family in acute stress",
        "N5": "Family dysfunction",
        "N6": "Socially unacceptable behaviour",
        "N7": "Low income",
        "N8": "Absent parenting",
    },
    PlacementType: {
        "A3": "Placed for adoption with parental consent with current foster carer(s)",
        "A4": "Placed for adoption with parental consent not with current foster carer(s)",
        "A5": "Placed for adoption with a placement order with current foster carer(s)",
        "A6": "Placed for adoption with a placement order not with current foster carer(s)",
        "H5": "Semi-independent living accommodation not subject to children's homes regulations",
        "K1": "Secure children's home",
        "K2": "Children's home subject to children's homes regulations",
        "K3": "Supported accommodation not subject to children's homes regulations",
        "P1": "Placed with own parent(s) or other person(s) with parental responsibility",
        "P2": "Independent living (flat, lodgings, bedsit, B&B or with friends)",
        "P3": "Residential employment",
        "R1": "Residential care home",
        "R2": "NHS or health trust establishment providing medical or nursing care",
        "R3": "Family centre or mother and baby unit",
        "R5": "Young offender institution",
        "S1": "Residential school (except where also registered as a children's home)",
        "T0": "Temporary move of any type",
        "T1": "Temporary period in hospital",
        "T2": "Temporary absence of the child on holiday",
        "T3": "Temporary accommodation while the normal foster carer(s) are on holiday",
        "T4": "Temporary accommodation of seven days or less not covered by T1 to T3",
        "U1": "Foster placement with relative(s) or friend(s): long-term fostering",
        "U2": "Foster placement with relative(s) or friend(s) who are also approved "
        "adopter(s): fostering for adoption or concurrent planning",
        "U3": "Foster placement with relative(s) or friend(s): not long-term or fostering "
        "for adoption",
        "U4": "Foster placement with other foster carer(s): long-term fostering",
        "U5": "Foster placement with other foster carer(s) who are also approved "
        "adopter(s): fostering for adoption or concurrent planning",
        "U6": "Foster placement with other foster carer(s): not long-term or fostering for "
        "adoption",
        "Z1": "Other placement (code used to 2024 to 2025)",
        "Z11": _OTHER_2025,
        "Z12": _OTHER_2025,
        "Z13": _OTHER_2025,
        "Z14": _OTHER_2025,
    },
    PlacementProvider: {
        "PR0": "Parent(s) or other person(s) with parental responsibility",
        "PR1": "Own provision (by the local authority)",
        "PR2": "Other local authority provision",
        "PR3": "Other public provision",
        "PR4": "Private provision",
        "PR5": "Voluntary or third sector provision",
    },
    ReasonEpisodeCeased: {
        "E11": "Adopted: application for an adoption order unopposed",
        "E12": "Adopted: consent dispensed with by the court",
        "E13": "Left care to live with parent(s), relative(s) or other person(s) with no "
        "parental responsibility",
        "E14": "Accommodation on remand ended",
        "E15": "Age assessment determined the child is aged 18 or over",
        "E16": "Child moved abroad",
        "E17": "Aged 18 or over and remained with current carers (staying put)",
        "E2": "Died",
        "E3": "Care taken over by another local authority in the UK",
        "E41": "Residence order or child arrangements order granted",
        "E45": "Special guardianship order made to former foster carer(s) who are "
        "relative(s) or friend(s)",
        "E46": "Special guardianship order made to former foster carer(s) other than "
        "relative(s) or friend(s)",
        "E47": "Special guardianship order made to carer(s), not former foster carer(s), "
        "who are relative(s) or friend(s)",
        "E48": "Special guardianship order made to carer(s), not former foster carer(s), "
        "other than relative(s) or friend(s)",
        "E4A": "Returned home to live with parent(s) or others with parental "
        "responsibility as part of the care planning process",
        "E4B": "Returned home to live with parent(s) or others with parental "
        "responsibility not as part of the care planning process",
        "E5": "Moved into independent living with formalised advice or support",
        "E6": "Moved into independent living without formalised advice or support",
        "E7": "Transferred to residential care funded by adult social care services",
        "E8": "Period of being looked after ceased for any other reason",
        "E9": "Sentenced to custody",
        "X1": "Episode ceases and a new episode begins on the same day, for any reason",
    },
    ReasonPlaceChange: {
        "CARPL": "Change to or implementation of the care plan",
        "CLOSE": "Resignation or closure of the provision",
        "ALLEG": "Allegation (section 47)",
        "STAND": "Standards of care concern",
        "APPRR": "Approval removed",
        "CREQB": "Carer(s) asked for the placement to end because of the child's behaviour",
        "CREQO": "Carer(s) asked for the placement to end for another reason",
        "CHILD": "Child asked for the placement to end",
        "LAREQ": "Responsible or area authority asked for the placement to end",
        "PLACE": "Change in the status of the placement only",
        "CUSTOD": "Custody arrangement",
        "OTHER": "Other",
    },
}
