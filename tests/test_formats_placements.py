"""The Children's Social Care Placements Data Standard (v2): the standard's own published
examples (tests/fixtures/placements, see SOURCE.md) read, checked and written back.

Expected values are read off the example files and the standard's SHACL shape and JSON-LD
context by hand (each test says which lines), never from the code's output.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from childcare_commissioning.billing import Quotation, Rate, RateCondition
from childcare_commissioning.cli import main
from childcare_commissioning.cli._input import parse_json
from childcare_commissioning.errors import CommissioningError, ConversionError, ModelValueError
from childcare_commissioning.formats.placements import (
    WeeklyCosts,
    concept,
    context,
    dumps,
    read_placement,
    validate,
    weekly_costs,
    with_costs,
    write_placement,
)
from childcare_commissioning.model import Package, Referrer, StaffRatio, Status, Urgency
from childcare_commissioning.money import Rounding

FIXTURES = Path(__file__).parent / "fixtures" / "placements"
VALID = ("valid-placement", "valid-neededby-symbolic", "valid-other-options")
LONDON = ZoneInfo("Europe/London")


def load(name: str) -> Any:
    return parse_json((FIXTURES / f"{name}.jsonld").read_text("utf-8"))


# -- the standard's invalid examples are refused, naming the field ---------------------------

# For each invalid example, the fields that break the shape, found by diffing it against
# valid-placement.jsonld and reading shacl-shape.ttl: "MaybePets" is no pets-allowance
# concept, "Severe" no risk-level, "XYZ" no communication-need; totalWeeklyCost 50 is under
# the £100 sense-check (sh:minInclusive 100); the riskAssessment block is absent (sh:minCount
# 1); otherWeeklyCost -50.00 breaks sh:minInclusive 0; "NOT A POSTCODE" breaks the outward
# postcode pattern; each "Other" without its free text breaks the four sh:not rules.
INVALID = {
    "invalid-bad-enum": {
        "$.placementRequirements.pets",
        "$.riskAssessment.riskSelfHarm",
        "$.placementRequirements.specificCommunicationRequirement",
    },
    "invalid-cost-out-of-range": {"$.actualPlacement.totalWeeklyCost"},
    "invalid-missing-required": {"$.riskAssessment"},
    "invalid-negative-cost": {"$.actualPlacement.otherWeeklyCost"},
    "invalid-postcode": {"$.actualPlacement.placementLocation"},
    "invalid-other-missing-text": {
        "$.placementAvailability.outOfLAReasonOther",
        "$.placementRequirements.culturalNeedsOther",
        "$.placementRequirements.specificCommunicationRequirementOther",
        "$.placementRequirements.additionalSupportOther",
    },
}


@pytest.mark.parametrize("name", sorted(INVALID))
def test_invalid_examples_are_refused_naming_each_field(name: str) -> None:
    with pytest.raises(ConversionError) as caught:
        read_placement(load(name))
    assert INVALID[name] == {p.path for p in caught.value.problems}


@pytest.mark.parametrize("name", VALID)
def test_valid_examples_pass(name: str) -> None:
    validate(load(name))  # raises if not


def test_errors_never_repeat_values() -> None:
    """The invalid values, and the officers' names beside them, stay out of the message."""
    texts = []
    for name in ("invalid-bad-enum", "invalid-postcode"):
        with pytest.raises(ConversionError) as caught:
            read_placement(load(name))
        texts.append(str(caught.value))
    for value in ("MaybePets", "Severe", "XYZ", "NOT A POSTCODE", "Beth Green"):
        assert all(value not in text for text in texts)
    # The shape's own sh:message is quoted as the rule.
    assert "pets must be Yes-must / Yes-can / No / Not known." in texts[0]
    assert "UK outward postcode prefix" in texts[1]


def _problems(document: Any) -> dict[str, str]:
    with pytest.raises(ConversionError) as caught:
        validate(document)
    return {p.path: f"{p.message} [{p.rule}]" for p in caught.value.problems}


def test_a_warning_of_the_shape_refuses_and_says_so() -> None:
    """invalid-cost-out-of-range: totalWeeklyCost 50 breaks only the shape's sh:Warning
    property shape (sh:minInclusive 100, "totalWeeklyCost outside the expected £100 -
    £100,000 range; please sense-check."): refused (reading placements-warnings-refuse),
    the rule naming the severity."""
    assert {
        "$.actualPlacement.totalWeeklyCost": "totalWeeklyCost outside the expected £100 - "
        "£100,000 range; please sense-check. [sh:minInclusive, sh:Warning]"
    } == _problems(load("invalid-cost-out-of-range"))


def test_results_without_a_shape_message_say_the_constraint() -> None:
    """providerURN's and siblingCount's property shapes have no sh:message: the words come
    from the constraint and the shape's own parameter (sh:minCount 1, sh:datatype
    xsd:nonNegativeInteger), never the value."""
    document = load("valid-placement")
    del document["actualPlacement"]["providerURN"]
    document["placementAvailability"]["siblingCount"] = -1
    assert {
        "$.actualPlacement.providerURN": "is required (at least 1 value(s)) [sh:minCount]",
        "$.placementAvailability.siblingCount": "must be a valid xsd:nonNegativeInteger "
        "[sh:datatype]",
    } == _problems(document)


def test_json_integers_are_decimals_where_the_context_says_so() -> None:
    """The context types totalWeeklyCost xsd:decimal; JSON-LD writes 4500 as "4500"^^xsd:
    decimal, which the shape's sh:datatype xsd:decimal accepts."""
    document = load("valid-placement")
    document["actualPlacement"]["totalWeeklyCost"] = 4500
    document["actualPlacement"]["coreWeeklyCost"] = 2500
    validate(document)


def test_out_of_la_reason_labels_name_concepts() -> None:
    """Reading placements-out-of-la-reason: "Court order", "CourtOrder" and "Other" are the
    scoped context's labels for olr concepts (accepted); any other text is not one of the
    shape's sh:in concepts."""
    for label in ("Court order", "CourtOrder", "SafeguardingConcerns", "Bail conditions"):
        document = load("valid-placement")
        document["placementAvailability"]["outOfLAReason"] = label
        validate(document)
    document["placementAvailability"]["outOfLAReason"] = "Nope"
    assert {
        "$.placementAvailability.outOfLAReason": "outOfLAReason must be a outof-la-reason "
        "concept (Safeguarding concerns, Bail conditions, Court order, other). [sh:in]"
    } == _problems(document)


def test_the_context_is_never_fetched() -> None:
    """Any reference is read as the standard's context from the package (an unreachable
    address still validates); an inline copy of it is accepted; another inline context, or
    one inside the record, is refused by path."""
    document = load("valid-placement")
    document["@context"] = "https://unreachable.invalid/context.jsonld"
    validate(document)
    del document["@context"]
    validate(document)
    document["@context"] = context()["@context"]
    validate(document)
    document["@context"] = {"childId": "https://elsewhere.invalid/id"}
    assert ["$.@context"] == list(_problems(document))
    document = load("valid-placement")
    document["placementAvailability"]["@context"] = "https://unreachable.invalid/c.jsonld"
    assert ["$.placementAvailability.@context"] == list(_problems(document))


def test_compact_form_by_the_shape_declarations() -> None:
    """A block (sh:class) must be an inline object, a sh:maxCount 1 field one value, a
    multi-valued field values: JSON-LD's null or a value object are refused, by path."""
    document = load("valid-placement")
    document["actualPlacement"]["coreWeeklyCost"] = None
    document["qualityAssurance"]["referralDate"] = {"@value": "2024-01-01"}
    document["placementRequirements"]["additionalSupport"] = []
    document["riskAssessment"] = "ex:elsewhere"
    assert {
        "$.actualPlacement.coreWeeklyCost",
        "$.qualityAssurance.referralDate",
        "$.placementRequirements.additionalSupport",
        "$.riskAssessment",
    } == set(_problems(document))
    assert all("placements-compact-form" in text for text in _problems(document).values())


def test_only_a_placement_is_checked() -> None:
    """The shape targets pl:Placement: a record of another type would pass unchecked, so it
    is refused; so is a record that is not a JSON object."""
    document = load("valid-placement")
    document["@type"] = "Referral"
    assert ["$.@type"] == list(_problems(document))
    assert ["$"] == list(_problems([load("valid-placement")]))


def test_ill_typed_values_stay_out_of_logs(caplog: pytest.LogCaptureFixture) -> None:
    """rdflib logs an ill-typed literal with its lexical form; the library drops that line
    and the shape names the field (sh:datatype xsd:date: "referralDate is required
    (xsd:date).")."""
    document = load("valid-placement")
    document["qualityAssurance"]["referralDate"] = "2024-13-45"
    with caplog.at_level(logging.DEBUG):
        problems = _problems(document)
    assert "referralDate is required (xsd:date). [sh:datatype]" == problems.pop(
        "$.qualityAssurance.referralDate"
    )
    assert {} == problems
    assert "2024-13-45" not in caplog.text


def test_nan_is_not_a_cost() -> None:
    """JSON's NaN passes "minimum" comparisons (every comparison is false): refused."""
    document = load("valid-placement")
    document["actualPlacement"]["otherWeeklyCost"] = float("nan")
    with pytest.raises(ConversionError) as caught:
        validate(document)
    assert "$.actualPlacement.otherWeeklyCost" in {p.path for p in caught.value.problems}


# -- reading into a Referral -----------------------------------------------------------------


def test_valid_placement_read_by_hand() -> None:
    """valid-placement.jsonld: no placementId, so the id is its @id; neededBy "< 5 days",
    which context.jsonld maps to pu:WithinFiveDays (urgent); riskSelfHarm and riskMissing
    are "Risk Present", the other nine "No known risk"; referralDate 2024-02-12 (GMT, so
    midnight London is 00:00Z); costs 2500.00 + 1500.00 + 0.00 + 500.00 = 4500.00, the
    total it gives."""
    record = read_placement(load("valid-placement"))
    referral = record.referral
    assert "ex:ABCD2012-001" == referral.id
    assert "ABCD2012" == referral.child.id
    assert frozenset({Status.LOOKED_AFTER}) == referral.child.statuses
    assert Urgency.URGENT is referral.urgency
    assert ("self-harm", "going-missing") == referral.risks
    assert dt.datetime(2024, 2, 12, tzinfo=dt.UTC) == referral.received_at
    assert "placements-team" == referral.referrer.role
    assert "Alex Brown" == referral.referrer.name
    info = referral.information
    assert "CourtOrder" == info["out_of_la_reason"]
    assert "OnlyWithYoungerChildren" == info["living_companions"]
    assert "NotSpecified" == info["communication_needs"]
    assert "ESOL" == info["specific_communication_requirements"]
    assert "TaxisToSchool" == info["additional_support"]
    assert "2" == info["sibling_count"]
    assert "no" == info["preferred_location_local"]
    assert "yes" == info["deprivation_of_liberty"]
    assert "SuitableButNotPreferred" == info["residential_care_suitability"]
    assert "safeguarding_risks" not in info  # risks are present: listed in risks
    assert (
        WeeklyCosts(Decimal("2500.00"), Decimal("1500.00"), Decimal("0.00"), Decimal("500.00"))
        == record.costs
    )
    assert Decimal("4500.00") == record.costs.total
    codes = {f.code for f in record.findings}
    assert {
        "placements.received-at.start-of-day",
        "placements.referrer.placements-team",
        "placements.kept-in-record",
    } == codes
    kept = next(f for f in record.findings if f.code == "placements.kept-in-record")
    # Read off the file: the context, the block ids and types, and ActualPlacement and
    # QualityAssurance fields no Referral field holds; never a value.
    for path in (
        "$.@context",
        "$.@type",
        "$.placementAvailability.@id",
        "$.actualPlacement.providerURN",
        "$.actualPlacement.totalWeeklyCost",
        "$.qualityAssurance.placementOfficerName",
        "$.qualityAssurance.costDate",
    ):
        assert path in kept.message
    for path in ("$.childId", "$.riskAssessment.riskSelfHarm", "$.placementRequirements.pets"):
        assert path not in kept.message
    assert "Beth Green" not in kept.message
    assert "ABCD10293002" not in kept.message


def test_summer_referral_date_is_bst_midnight() -> None:
    """valid-neededby-symbolic: referralDate 2024-05-01, in BST: midnight London is
    23:00Z the day before. neededBy "> 5 days" is pu:MoreThanFiveDays (standard); every
    risk "NoKnownRisk", so no risks and safeguarding "none known"; placementId given."""
    referral = read_placement(load("valid-neededby-symbolic")).referral
    assert dt.datetime(2024, 4, 30, 23, 0, tzinfo=dt.UTC) == referral.received_at
    assert Urgency.STANDARD is referral.urgency
    assert () == referral.risks
    assert "none known" == referral.information["safeguarding_risks"]
    assert "PLC-NEEDEDBY-001" == referral.id
    assert referral.referrer.name is None


def test_other_options_free_text_is_read() -> None:
    """valid-other-options: two outOfLAReasonOther texts, BSL and Other, three supports;
    riskToOthersPhysical the only risk; no ActualPlacement, so no costs."""
    record = read_placement(load("valid-other-options"))
    info = record.referral.information
    assert "OutOfLAReasonOther" == info["out_of_la_reason"]
    assert info["out_of_la_reason_other"].startswith("Budget constraints")
    assert "; Specialist provider" in info["out_of_la_reason_other"]
    assert "BSL; Other" == info["specific_communication_requirements"]
    assert "TaxisToSchool; TherapeuticSupport; Other" == info["additional_support"]
    assert "YesCan" == info["pets"]
    assert ("physical-harm-to-others",) == record.referral.risks
    assert record.costs is None


def test_caller_gives_referrer_time_and_child() -> None:
    record = read_placement(
        load("valid-placement"),
        council="stoke",
        service="pilot",
        referrer=Referrer(role="social-worker"),
        received_at=dt.datetime(2024, 2, 12, 9, 30, tzinfo=LONDON),
    )
    assert "social-worker" == record.referral.referrer.role
    assert "Alex Brown" == record.referral.referrer.name  # from referralOfficerName
    assert dt.datetime(2024, 2, 12, 9, 30, tzinfo=LONDON) == record.referral.received_at
    assert ["placements.kept-in-record"] == [f.code for f in record.findings]
    with pytest.raises(ModelValueError, match="received-on-referral-date"):
        read_placement(
            load("valid-placement"), received_at=dt.datetime(2024, 2, 13, 9, tzinfo=LONDON)
        )


def test_personal_data_stays_out_of_repr() -> None:
    record = read_placement(load("valid-other-options"))
    text = repr(record)
    for value in ("Dana Khan", "Eli Rivera", "psychiatric", "Budget constraints"):
        assert value not in text


def test_concept_spellings() -> None:
    """context.jsonld: "< 5 days" is pu:WithinFiveDays; a prefixed name and the full IRI
    denote the same concept; an unknown value is refused without being repeated."""
    full = "https://ns.socialcaredata.io/placements/placement-urgency#WithinFiveDays"
    for spelling in ("< 5 days", "WithinFiveDays", "pu:WithinFiveDays", full):
        assert "WithinFiveDays" == concept("neededBy", spelling)
    with pytest.raises(ModelValueError) as caught:
        concept("pets", "MaybePets")
    assert "MaybePets" not in str(caught.value)


# -- round trips -----------------------------------------------------------------------------


@pytest.mark.parametrize("name", VALID)
def test_round_trip_keeps_every_field(name: str) -> None:
    """Document in, model, document out: equal to the source, field for field (the modelled
    fields regenerated from the Referral, the rest carried), and valid."""
    source = load(name)
    out = write_placement(read_placement(source))
    assert source == out
    assert out is not source


def test_round_trip_text_keeps_exact_digits() -> None:
    text = dumps(write_placement(read_placement(load("valid-placement"))))
    assert '"totalWeeklyCost": 4500.00' in text
    assert '"educationWeeklyCost": 0.00' in text
    assert load("valid-placement") == parse_json(text)


def test_modelled_fields_are_written_from_the_referral() -> None:
    """Change the referral: neededBy, the risk fields and referralDate follow it."""
    record = read_placement(load("valid-placement"))
    referral = attrs.evolve(
        record.referral,
        urgency=Urgency.EMERGENCY,
        risks=("fire-setting",),
        received_at=dt.datetime(2024, 2, 14, 23, 30, tzinfo=dt.UTC),
    )
    out = write_placement(attrs.evolve(record, referral=referral))
    assert "Today" == out["placementAvailability"]["neededBy"]
    assert "RiskPresent" == out["riskAssessment"]["riskToOthersFire"]
    assert "NoKnownRisk" == out["riskAssessment"]["riskSelfHarm"]
    assert "No known risk" == out["riskAssessment"]["riskDrugAlcohol"]  # same: kept
    assert "2024-02-14" == out["qualityAssurance"]["referralDate"]  # 23:30Z is GMT


# -- costs -----------------------------------------------------------------------------------


def _package(hours: str = "2.5") -> Package:
    return Package(
        id="PKG-1",
        council="testshire",
        child_id="ABCD2012",
        start=dt.date(2024, 3, 21),
        hours_per_week=Decimal(hours),
    )


def _quotation() -> Quotation:
    return Quotation(
        package_id="PKG-1",
        rates=(
            Rate(Decimal("18.25"), dt.date(2024, 3, 21)),
            Rate(Decimal("30.00"), dt.date(2024, 3, 21), RateCondition.BANK_HOLIDAY),
            Rate(Decimal("19.10"), dt.date(2024, 4, 1)),
        ),
    )


def test_weekly_costs_half_up_and_half_even() -> None:
    """2.5 hours x £18.25 = £45.625: half-up £45.63, half-even £45.62. From 1 April the
    uplifted £19.10: 2.5 x 19.10 = £47.75. The bank-holiday rate is never the weekly
    rate."""
    on = dt.date(2024, 3, 25)
    up = weekly_costs(_package(), _quotation(), on, other=Decimal("500"))
    assert Decimal("45.63") == up.core
    assert Decimal("545.63") == up.total
    even = weekly_costs(_package(), _quotation(), on, rounding=Rounding.HALF_EVEN)
    assert Decimal("45.62") == even.core
    later = weekly_costs(_package(), _quotation(), dt.date(2024, 4, 8))
    assert Decimal("47.75") == later.core


def test_weekly_costs_pay_each_worker_of_the_ratio() -> None:
    """2:1 for 2.5 hours: two workers each 2.5 hours, 5 x £18.25 = £91.25; 1:2 (one worker
    shared by two): 1.25 x £18.25 = £22.8125, half-up £22.81."""
    on = dt.date(2024, 3, 25)
    two = attrs.evolve(_package(), staff_ratio=StaffRatio(2, 1))
    assert Decimal("91.25") == weekly_costs(two, _quotation(), on).core
    shared = attrs.evolve(_package(), staff_ratio=StaffRatio(1, 2))
    assert Decimal("22.81") == weekly_costs(shared, _quotation(), on).core


def test_weekly_costs_refuses_what_it_cannot_price() -> None:
    with pytest.raises(ModelValueError, match="hours-known"):
        weekly_costs(
            attrs.evolve(_package(), hours_per_week=None), _quotation(), dt.date(2024, 4, 1)
        )
    with pytest.raises(ModelValueError, match="in-package"):
        weekly_costs(_package(), _quotation(), dt.date(2024, 3, 20))
    with pytest.raises(ModelValueError, match="whole-pennies"):
        WeeklyCosts(Decimal("10.005"))
    with pytest.raises(ModelValueError, match="non-negative"):
        WeeklyCosts(Decimal("10.00"), other=Decimal("-1.00"))


def test_package_costs_written_as_actual_placement() -> None:
    """Into valid-placement's ActualPlacement: core £45.63 (above), additional support
    £1,200.50, education £0, other £500: total 45.63 + 1200.50 + 0 + 500 = £1,746.13. The
    placement's other facts (type, URN, location) are carried."""
    record = read_placement(load("valid-placement"))
    costs = weekly_costs(
        _package(),
        _quotation(),
        dt.date(2024, 3, 25),
        additional_support=Decimal("1200.5"),
        other=Decimal("500"),
    )
    out = write_placement(with_costs(record, costs))
    actual = out["actualPlacement"]
    # Changed amounts are written as strings (a JSON number with pence is no xsd:decimal
    # to JSON-LD); unchanged ones keep the source's own numbers (0.00 and 500.00).
    assert "45.63" == actual["coreWeeklyCost"]
    assert "1200.50" == actual["additionalSupportWeeklyCost"]
    assert Decimal("0.00") == actual["educationWeeklyCost"]
    assert isinstance(actual["educationWeeklyCost"], Decimal)
    assert Decimal("500.00") == actual["otherWeeklyCost"]
    assert isinstance(actual["otherWeeklyCost"], Decimal)
    assert "1746.13" == actual["totalWeeklyCost"]
    assert "ABCD10293002" == actual["providerURN"]
    assert "N18" == actual["placementLocation"]


def test_costs_below_the_sense_check_are_refused() -> None:
    """2.5 hours at £18.25 alone is £45.63 a week: under the standard's £100 check."""
    record = read_placement(load("valid-placement"))
    costs = weekly_costs(_package(), _quotation(), dt.date(2024, 3, 25))
    with pytest.raises(ConversionError) as caught:
        write_placement(with_costs(record, costs))
    assert ["$.actualPlacement.totalWeeklyCost"] == [p.path for p in caught.value.problems]


def test_costs_need_an_actual_placement() -> None:
    record = read_placement(load("valid-other-options"))
    with pytest.raises(ConversionError) as caught:
        write_placement(with_costs(record, WeeklyCosts(Decimal("900.00"))))
    assert ["$.actualPlacement"] == [p.path for p in caught.value.problems]


def test_unreconciled_source_costs_are_reported_and_carried() -> None:
    """Parts 2500 + 1500 + 0 + 500 = 4500, total changed to 4600: a warning; the source's
    figures are written back unchanged."""
    source = load("valid-placement")
    source["actualPlacement"]["totalWeeklyCost"] = Decimal("4600.00")
    record = read_placement(source)
    assert record.costs is None
    assert "placements.costs.unreconciled" in {f.code for f in record.findings}
    assert source == write_placement(record)


# -- the console script ----------------------------------------------------------------------


def test_cli_import_writes_referral_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert 0 == main(
        ["import", "placements", str(FIXTURES / "valid-placement.jsonld"), "--format", "json"]
    )
    captured = capsys.readouterr()
    referral = json.loads(captured.out)
    assert "ABCD2012" == referral["child"]["id"]
    assert "urgent" == referral["urgency"]
    assert ["self-harm", "going-missing"] == referral["risks"]
    assert "placements.received-at.start-of-day" in captured.err


@pytest.mark.parametrize(
    ("name", "field"),
    [("invalid-postcode", "placementLocation"), ("invalid-missing-required", "riskAssessment")],
)
def test_cli_import_refuses_invalid_with_exit_2(
    name: str, field: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert 2 == main(["import", "placements", str(FIXTURES / f"{name}.jsonld")])
    err = capsys.readouterr().err
    assert field in err
    assert "Traceback" not in err
    assert "NOT A POSTCODE" not in err


#: One Testshire package of 6 hours a week at £18.50 an hour from 21 March 2024.
PACKAGE_BATCH = {
    "packages": [
        {
            "id": "PKG-1",
            "council": "testshire",
            "child_id": "ABCD2012",
            "start": "2024-03-21",
            "hours_per_week": "6",
        }
    ],
    "quotations": [
        {"package_id": "PKG-1", "rates": [{"amount": "18.50", "effective_from": "2024-03-21"}]}
    ],
}


def test_cli_export_writes_costs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Testshire rounds half-up: 6 hours x £18.50 = £111.00 core; + £350 additional
    support = £461.00 total."""
    batch = PACKAGE_BATCH
    path = tmp_path / "batch.json"
    path.write_text(json.dumps(batch), "utf-8")
    status = main(
        [
            "export",
            "placements",
            str(path),
            "--council",
            "testshire",
            "--package",
            "PKG-1",
            "--on",
            "2024-03-25",
            "--into",
            str(FIXTURES / "valid-placement.jsonld"),
            "--additional-support",
            "350",
            "--format",
            "json",
        ]
    )
    captured = capsys.readouterr()
    assert 0 == status, captured.err
    assert '"coreWeeklyCost": "111.00"' in captured.out
    assert '"totalWeeklyCost": "461.00"' in captured.out
    document = parse_json(captured.out)
    assert "0.00" == document["actualPlacement"]["otherWeeklyCost"]
    assert "placements.costs.replaced" in captured.err
    # An unknown package: exit 2, naming the option.
    assert 2 == main(
        [
            "export",
            "placements",
            str(path),
            "--council",
            "testshire",
            "--package",
            "NOPE",
            "--on",
            "2024-03-25",
            "--into",
            str(FIXTURES / "valid-placement.jsonld"),
        ]
    )
    assert "--package" in capsys.readouterr().err


def _export(extra: list[str], capsys: pytest.CaptureFixture[str], tmp_path: Path) -> Any:
    path = tmp_path / "batch.json"
    path.write_text(json.dumps(PACKAGE_BATCH), "utf-8")
    argv = ["export", "placements", str(path), "--council", "testshire", "--package", "PKG-1"]
    argv += ["--on", "2024-03-25", "--into", str(FIXTURES / "valid-placement.jsonld")]
    status = main([*argv, *extra, "--format", "json"])
    captured = capsys.readouterr()
    assert 0 == status, captured.err
    return captured.out


def test_cli_export_with_pence_is_what_the_standards_validator_accepts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Audit 2026-12 formats, P1: `--additional-support 350.25` into the standard's own
    valid-placement.jsonld wrote the amounts as JSON numbers, which JSON-LD (jsonld.js in
    the standard's validator, pyld here) converts as doubles, "3.5025E2"^^xsd:decimal: not
    an xsd:decimal, so the standard's validator refused the record while the library read
    it back. Core 6 h x £18.50 = £111.00, additional support £350.25, education and other
    £0.00: total 111.00 + 350.25 = £461.25, each written as a decimal string."""
    out = _export(["--additional-support", "350.25"], capsys, tmp_path)
    written = parse_json(out)
    actual = written["actualPlacement"]
    assert ("111.00", "350.25", "461.25") == (
        actual["coreWeeklyCost"],
        actual["additionalSupportWeeklyCost"],
        actual["totalWeeklyCost"],
    )
    record = read_placement(written)
    assert record.costs is not None
    assert (Decimal("350.25"), Decimal("461.25")) == (
        record.costs.additional_support,
        record.costs.total,
    )
    # The record as the library wrote it before: the amounts as JSON numbers with pence.
    # Refused now, as by the standard's validator (sh:datatype on the fractional amounts).
    as_numbers = parse_json(out.replace('"350.25"', "350.25").replace('"461.25"', "461.25"))
    with pytest.raises(ConversionError) as caught:
        read_placement(as_numbers)
    datatype = {p.path for p in caught.value.problems if p.rule == "sh:datatype"}
    assert {
        "$.actualPlacement.additionalSupportWeeklyCost",
        "$.actualPlacement.totalWeeklyCost",
    } == datatype


def test_a_json_number_with_pence_is_refused_as_json_ld_reads_it() -> None:
    """The standard's valid-placement.jsonld with otherWeeklyCost 500.50 and the total
    4500.50 as JSON numbers: JSON-LD writes both as doubles (5.005E2, 4.5005E3), no
    xsd:decimal; the same amounts as strings are decimals and valid."""
    record = load("valid-placement")
    record["actualPlacement"]["otherWeeklyCost"] = Decimal("500.50")
    record["actualPlacement"]["totalWeeklyCost"] = Decimal("4500.50")
    with pytest.raises(ConversionError) as caught:
        validate(record)
    assert {"$.actualPlacement.otherWeeklyCost", "$.actualPlacement.totalWeeklyCost"} == {
        p.path for p in caught.value.problems if p.rule == "sh:datatype"
    }
    record["actualPlacement"]["otherWeeklyCost"] = "500.50"
    record["actualPlacement"]["totalWeeklyCost"] = "4500.50"
    validate(record)
    costs = read_placement(record).costs
    assert costs is not None
    assert Decimal("4500.50") == costs.total


def test_rdflib_pyshacl_and_pyld_are_not_imported_with_the_package() -> None:
    code = (
        "import sys, childcare_commissioning, childcare_commissioning.formats.placements, "
        "childcare_commissioning.cli._parser as p; p.build_parser(); "
        "sys.exit(any(m in sys.modules for m in ('rdflib', 'pyshacl', 'pyld')))"
    )
    assert 0 == subprocess.run([sys.executable, "-c", code], check=False).returncode


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=12),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=6,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_one_field_replaced_by_arbitrary_json_is_read_or_refused(data: st.DataObject) -> None:
    """A published valid record with one (possibly nested) value replaced: it is read (and
    written back equal) or refused with a library error, never another exception."""
    document = load(data.draw(st.sampled_from(VALID)))
    node: Any = document
    while True:
        keys = list(node) if isinstance(node, dict) else list(range(len(node)))
        key = data.draw(st.sampled_from(keys))
        if isinstance(node[key], dict | list) and node[key] and data.draw(st.booleans()):
            node = node[key]
            continue
        node[key] = data.draw(_json)
        break
    try:
        record = read_placement(document)
    except CommissioningError:
        return
    assert document == write_placement(record)


def test_validating_leaves_rdflibs_reading_of_decimals_as_it_was() -> None:
    """A record with a fractional JSON number is refused (sh:datatype) without changing how
    rdflib reads ``xsd:decimal`` for the rest of the caller's process: afterwards rdflib
    still reads the literal "3.5E2"^^xsd:decimal as 350, as it does out of the box."""
    import rdflib

    record = load("valid-placement")
    record["actualPlacement"]["otherWeeklyCost"] = Decimal("500.50")
    with pytest.raises(ConversionError):
        validate(record)
    assert rdflib.Literal("3.5E2", datatype=rdflib.XSD.decimal).value == Decimal(350)
