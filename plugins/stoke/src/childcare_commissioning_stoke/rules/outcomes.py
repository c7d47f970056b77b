"""Stoke's outcome measures and the reference data of 1.4.2 Evidence of need they are
evidenced against (CAMHS priority access is computed by ``checks.camhs_priority_access``)."""

from __future__ import annotations

from childcare_commissioning.measures import OutcomeMeasure, ReferenceTable
from childcare_commissioning_stoke._cite import cite

__all__ = [
    "CHILDREN_IN_CARE_2017",
    "LONG_TERM_STABILITY",
    "OUTCOMES",
    "PLACEMENT_BREAKDOWNS_2017",
    "PLACEMENT_STABILITY",
    "REFERENCE_TABLES",
    "SDQ_CHANGE",
    "SDQ_SCORES",
    "SGH_OUT_OF_CITY_MOVES",
    "SGH_SDQ_CHANGE",
    "SGH_SDQ_SCORES",
]

#: All SDQ scores by year: (below 17, 17 and above, total recorded, average, median).
#: The 2017-18 average is 14 in this table and 13.9 in the summary table: the reading
#: ``sdq-2017-18-average`` keeps the table as printed (14) and records the 13.9.
SDQ_SCORES = {
    "2014-15": (131, 82, 213, 14.4, 14),
    "2015-16": (160, 116, 276, 14.9, 15),
    "2016-17": (203, 146, 349, 14.3, 14),
    "2017-18": (155, 89, 244, 14.0, 13),
}
SDQ_CITATION = cite(
    "1.4.2 Evidence of need",
    "strength and difficulty questionnaires on young people who have been in care for more than one year",
)

#: Short-term placement stability at 31/12/17: placements -> (all, own, external).
PLACEMENT_STABILITY = {
    "3 or more": (56, 6, 14),
    "2": (149, 34, 49),
    "1": (431, 127, 112),
    "total": (636, 167, 175),
}
STABILITY_CITATION = cite(
    "1.4.2 Evidence of need",
    "As at 31/12/17 there were 636 Children included in our short term placement stability measure.",
)

#: All SDQ scores, change on the following year: (worsened, stayed same, improved, total in
#: cohort, percentage of previous year, average difference), as printed.
SDQ_CHANGE = {
    "2015-16": (68, 8, 74, 150, "70.4%", "0.70"),
    "2016-17": (92, 23, 108, 223, "80.8%", "0.76"),
    "2017-18": (90, 11, 83, 184, "52.7%", "0.41"),
}

#: SDQ scores of children in a small group home during the year: (below 17, 17 and above,
#: in SGH during year, average).
SGH_SDQ_SCORES = {
    "2014-15": (4, 9, 13, "18.6"),
    "2015-16": (6, 11, 17, "20.1"),
    "2016-17": (3, 9, 12, "19.1"),
    "2017-18": (5, 7, 12, "18.9"),
}

#: Children in a small group home in both years with an SDQ score: (worsened, stayed same,
#: improved, total in cohort, percentage of previous year, average difference), as printed.
SGH_SDQ_CHANGE = {
    "2015-16": (3, 0, 2, 5, "38.5%", "1.0"),
    "2016-17": (3, 0, 4, 7, "41.2%", "1.6"),
    "2017-18": (3, 0, 2, 5, "41.7%", "-1.4"),
}

#: Unplanned placement breakdowns in 2017 by how long the placement had lasted:
#: duration -> (own provision, own %, agency provision, agency %), as printed.
PLACEMENT_BREAKDOWNS_2017 = {
    "Between 1 day and 1 month": (5, "23.8%", 8, "12.9%"),
    "Between 1 Month and 6 Months": (6, "28.6%", 17, "27.4%"),
    "Between 6 Months and 1 year": (4, "19.0%", 7, "11.3%"),
    "More than 1 year": (6, "28.6%", 30, "48.4%"),
    "Total": (21, "100.0%", 62, "100.0%"),
}

#: Children in care at 31/12/17: group -> (children, share of the 697 as printed, average
#: placement duration in days). The in-house share (194 of 697) is the baseline of the
#: pilot's "more children ... placed ... with in-house foster carers" (2.2.2: "evidenced
#: against the baseline in section 1.4.2").
CHILDREN_IN_CARE_2017 = {
    "All children in care": (697, "100%", 513),
    "Stoke foster carers (not connected carers)": (194, "27.8%", 564),
    "Agency foster carers": (196, "28.1%", 519),
}

#: Long term placement stability at 31/12/17 (looked after more than 2.5 years, in the same
#: placement 2 or more years): carers -> (children, share of the 213 as printed).
LONG_TERM_STABILITY = {
    "All": (213, "100%"),
    "Stoke foster carers": (67, "31.5%"),
    "Agency foster carers": (63, "29.6%"),
}

#: Looked after children who moved from small group homes to out of city placements, by
#: year: the baseline of the core's "reduction in external residential placements".
SGH_OUT_OF_CITY_MOVES = {"2014/15": 8, "2016/17": 3}

_CHANGE_COLUMNS = (
    "Year",
    "Worsened",
    "Stayed same",
    "Improved",
    "Total in cohort",
    "Percentage of previous year",
    "Average difference",
)

REFERENCE_TABLES = (
    ReferenceTable(
        "sdq-scores",
        "All SDQ scores, children in care for more than one year",
        ("Year", "Below 17", "17 and above", "Total recorded", "Average", "Median"),
        [
            (year, str(b), str(a), str(t), str(avg), str(med))
            for year, (b, a, t, avg, med) in SDQ_SCORES.items()
        ],
        SDQ_CITATION,
        notes="17 and above is the threshold for priority access to NHS CAMHS. The "
        "2017-18 average is printed as 14 here and 13.9 in the summary table (reading "
        "'sdq-2017-18-average').",
    ),
    ReferenceTable(
        "sdq-change",
        "All SDQ scores: change in the following year",
        _CHANGE_COLUMNS,
        [(year, *(str(v) for v in row)) for year, row in SDQ_CHANGE.items()],
        cite("1.4.2 Evidence of need", "Worsened in Following Year"),
        notes="No figures are printed for 2014-15 (the first year has no previous year).",
    ),
    ReferenceTable(
        "sgh-sdq-scores",
        "SDQ scores of children in a small group home during the year",
        ("Year", "Below 17", "17 and above", "In SGH during year", "Average"),
        [(year, *(str(v) for v in row)) for year, row in SGH_SDQ_SCORES.items()],
        cite("1.4.2 Evidence of need", "In SGH During Year"),
    ),
    ReferenceTable(
        "sgh-sdq-change",
        "Children in a small group home in both years with an SDQ score: change",
        _CHANGE_COLUMNS,
        [(year, *(str(v) for v in row)) for year, row in SGH_SDQ_CHANGE.items()],
        cite(
            "1.4.2 Evidence of need",
            "In Small Group Home During Both Years and SDQ Score Available",
        ),
        notes="The summary table prints the average differences as 1.00, 1.60 and -1.40.",
    ),
    ReferenceTable(
        "placement-breakdowns-2017",
        "Unplanned placement breakdowns in 2017 by duration: Stoke foster carers and agency",
        ("Duration", "Own provision", "Own %", "Agency provision", "Agency %"),
        [(k, str(a), b, str(c), d) for k, (a, b, c, d) in PLACEMENT_BREAKDOWNS_2017.items()],
        cite(
            "1.4.2 Evidence of need",
            "21 (13.7%) of those 153 were to Stoke Foster Carers (not including Connected).",
        ),
        notes="153 unplanned breakdowns in 2017, of 114 children, 350 days on average. Own "
        "provision: 21 placements of 19 children, 263 days on average; agency: 62 "
        "placements of 51 children, 505 days on average.",
    ),
    ReferenceTable(
        "children-in-care-2017",
        "Children in care at 31/12/17: Stoke and agency foster carers (baseline)",
        ("Group", "Children", "Share of 697", "Average placement duration (days)"),
        [(k, str(n), share, str(days)) for k, (n, share, days) in CHILDREN_IN_CARE_2017.items()],
        cite(
            "1.4.2 Current CIC Population",
            "194 (27.8%) of 697 children were placed with Stoke Foster Carers",
        ),
        notes="The baseline of the pilot's outcome (more children placed with in-house "
        "foster carers, less dependency on external placements): 2.2.2 'evidenced against "
        "the baseline in section 1.4.2'. The rest of the 697 (connected carers, residential "
        "and other placements) is not broken down in the text.",
    ),
    ReferenceTable(
        "long-term-placement-stability",
        "Long term placement stability at 31/12/17 (looked after over 2.5 years, same "
        "placement 2 years or more)",
        ("Carers", "Children", "Share of 213"),
        [(k, str(n), share) for k, (n, share) in LONG_TERM_STABILITY.items()],
        cite("1.4.2 Long Term Placement Stability", "67 (31.5%) of the 213 children"),
    ),
    ReferenceTable(
        "sgh-out-of-city-moves",
        "Looked after children moving from small group homes to out of city placements (baseline)",
        ("Year", "Moves"),
        [(year, str(moves)) for year, moves in SGH_OUT_OF_CITY_MOVES.items()],
        cite(
            "1.4.2 Out of city placements",
            "In 2014/2015 (prior to the current service) 8 LAC moved from SGHs to out of city placements",
        ),
        notes="2014/15 is before the current service; 2015/16 is not printed. The baseline "
        "of the core's outcome 'reduction in external residential placements' (2.2.2).",
    ),
    ReferenceTable(
        "short-term-placement-stability",
        "Short term placement stability at 31/12/17",
        ("Placements", "All", "Own (in-house)", "External"),
        [(k, str(a), str(o), str(e)) for k, (a, o, e) in PLACEMENT_STABILITY.items()],
        STABILITY_CITATION,
    ),
)

OUTCOMES = (
    OutcomeMeasure(
        "core-placement-stability",
        "Fewer external residential placements; more children from the small group homes placed, and staying, with in-house foster carers",
        cite(
            "1.1 Overall purpose and aims of the service",
            "Expected high level outcomes include reduction in external residential placements",
        ),
        (
            "Increased/maintained placement stability within the SGHs",
            "Moves from the small group homes to out of city placements, against the "
            "baseline of 8 in 2014/15 and 3 in 2016/17 (reference_tables/sgh-out-of-city-moves)",
        ),
        objective="Core service",
        service="core",
    ),
    OutcomeMeasure(
        "pilot-placement-stability",
        "Increased placement stability; more children placed, and staying, with in-house foster carers",
        cite(
            "1.1 Overall purpose and aims of the service",
            "Expected high level outcomes include increased placement stability and more children being able to be placed and remain with in-house foster carers.",
        ),
        (
            "Reduced need for external residential placements",
            "Value for money",
            "Children placed with Stoke foster carers, against the baseline of 194 "
            "(27.8%) of 697 children in care at 31/12/17, and 196 (28.1%) with agency "
            "foster carers (reference_tables/children-in-care-2017)",
        ),
        objective="Pilot",
        service="pilot",
    ),
    OutcomeMeasure(
        "service-user-satisfaction",
        "Service users' satisfaction and evaluation of the service",
        cite(
            "4.4 Service User involvement",
            "Collect 6 monthly as a minimum Service User satisfaction data",
        ),
        ("Service user satisfaction data and evaluations",),
        reported="Six-monthly as a minimum",
        objective="Quality",
    ),
    OutcomeMeasure(
        "complaints",
        "Complaints",
        cite(
            "4.2 Local/national quality service standards and guidance",
            "The Provider will report on complaints quarterly",
        ),
        ("Complaints received, per the Performance Management Framework",),
        reported="Quarterly",
        objective="Quality",
    ),
)
