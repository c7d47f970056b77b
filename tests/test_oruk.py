"""Open Referral UK (HSDS 3): every council's export against the published schemas.

The schemas and examples under tests/fixtures/oruk/ are the published files
(tests/fixtures/oruk/SOURCE.md): ``uk-profile`` is OpenReferralUK/uk-profile (HSDS 3.0 UK
profile), ``hsds-3.0`` is openreferral/specification (international HSDS 3.0).
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
import shutil
import subprocess
import sys
import uuid
from pathlib import Path
from typing import Any

import pytest

from childcare_commissioning.cli import main
from childcare_commissioning.formats.oruk import (
    NAMESPACE,
    ProblemKind,
    export_council,
    read_organization,
    stable_id,
    validate,
)
from childcare_commissioning.registry import get_registry
from tests.shared_data import SHARED

FIXTURES = Path(__file__).parent / "fixtures" / "oruk"
UK = FIXTURES / "uk-profile" / "schema"
HSDS = FIXTURES / "hsds-3.0" / "schema"
UK_EXAMPLE = FIXTURES / "uk-profile" / "examples" / "organization_full.json"
HSDS_EXAMPLE = FIXTURES / "hsds-3.0" / "examples" / "organization_full.json"
AS_OF = dt.date(2026, 1, 5)
COUNCILS = [c.id for c in get_registry().councils()]

#: What the UK profile removes from HSDS 3.0 that the export writes, read off the profile's
#: own declarations: profile/contact.json sets "email": null and "phones": null,
#: profile/service.json sets "eligibility_description": null.
OUTSIDE_UK_PROFILE = re.compile(
    r"services/\d+/(eligibility_description|contacts/\d+/(email|phones))"
)


def _spec_text(council: str) -> str:
    path = SHARED.parent / "specs" / f"{council}.txt"
    if not path.exists():
        pytest.fail(f"specification text missing: {path} (CI clones ../shared beside the repo)")
    return " ".join(path.read_text(encoding="utf-8").split())


def _export(council: str) -> dict[str, Any]:
    return export_council(get_registry().council(council).spec, AS_OF).document


def test_testshire_is_among_the_councils_exported() -> None:
    """The tests' invented council is installed, so the loop below covers it too."""
    assert "testshire" in COUNCILS
    assert len(COUNCILS) >= 6


@pytest.mark.parametrize("council", COUNCILS)
def test_every_council_is_valid_hsds_3(council: str) -> None:
    """Valid against international HSDS 3.0, with no property it does not declare."""
    assert [] == list(validate(_export(council), HSDS))


@pytest.mark.parametrize("council", COUNCILS)
def test_every_council_is_valid_uk_profile(council: str) -> None:
    """Valid against the UK profile; the only undeclared properties are those the
    profile removed from HSDS 3.0 (see OUTSIDE_UK_PROFILE), and nothing else."""
    problems = validate(_export(council), UK)
    assert [] == [p for p in problems if p.kind is ProblemKind.INVALID]
    undeclared = [p.path for p in problems if p.kind is ProblemKind.UNDECLARED]
    assert [] == [p for p in undeclared if not OUTSIDE_UK_PROFILE.fullmatch(p)]


def test_triborough_phones_are_reported_outside_the_uk_profile() -> None:
    """Triborough publishes 9 contacts with phone numbers and 3 with emails (6.7, 6.8 of
    its text); one service. So 9 phones + 3 emails + 1 eligibility_description."""
    problems = validate(_export("triborough"), UK)
    undeclared = sorted(p.path.rsplit("/", 1)[-1] for p in problems)
    assert ["eligibility_description"] + ["email"] * 3 + ["phones"] * 9 == undeclared


def test_published_examples_pass_their_own_schemas() -> None:
    """The validator set-up (registry, $refs, formats) accepts the standard's own example."""
    uk_example = json.loads(UK_EXAMPLE.read_text(encoding="utf-8"))
    assert () == validate(uk_example, UK)
    hsds_example = json.loads(HSDS_EXAMPLE.read_text(encoding="utf-8"))
    assert () == validate(hsds_example, HSDS)


def test_hsds_3_checks_our_phones_and_emails() -> None:
    """Against HSDS 3.0 the contact's email and phones are schema-checked (phone.json via
    $ref): Testshire's north duty line with its number removed and a malformed email."""
    document = _export("testshire")
    contact = document["services"][0]["contacts"][0]
    assert "0113 496 0111" == contact["phones"][0]["number"]
    del contact["phones"][0]["number"]
    contact["email"] = "no-at-sign"
    problems = validate(document, HSDS)
    assert [
        ("services/0/contacts/0/email", "'no-at-sign' is not a 'email'"),
        ("services/0/contacts/0/phones/0", "'number' is a required property"),
    ] == [(p.path, p.message) for p in problems]


def test_validation_rejects_a_broken_example() -> None:
    """Three faults put into the UK example by hand, each found where it was put:
    a status outside the enum, a contact id that is not a UUID (format checked through
    the $ref to contact.json), and a missing required organization description."""
    document = json.loads(UK_EXAMPLE.read_text(encoding="utf-8"))
    broken = copy.deepcopy(document)
    broken["services"][0]["status"] = "open"
    broken["services"][0]["contacts"][0]["id"] = "not-a-uuid"
    del broken["description"]
    invalid = sorted(p.path for p in validate(broken, UK) if p.kind is ProblemKind.INVALID)
    assert ["", "services/0/contacts/0/id", "services/0/status"] == invalid


def test_reads_the_published_uk_example() -> None:
    """Values read off examples/organization_full.json by hand."""
    document = json.loads(UK_EXAMPLE.read_text(encoding="utf-8"))
    read = read_organization(document)
    assert "Example Organization Inc." == read.name
    (service,) = read.services
    assert "Community Counselling" == service.name
    assert "active" == service.status
    assert (12, 100) == (service.minimum_age, service.maximum_age)
    assert 1 == len(service.areas)
    assert service.areas[0].startswith("The service is available to all residents of the MyCity")
    assert "Ann Persona" == service.contacts[0].name
    assert "Reception Manager" == service.contacts[0].title
    assert () == service.contacts[0].phones
    # Fields the reader does not use are listed, not passed over.
    for path in ("website", "organization_identifiers", "services/0/schedules"):
        assert path in read.unread
    assert "services/0/minimum_age" not in read.unread


@pytest.mark.parametrize("council", COUNCILS)
def test_round_trip_reads_back_what_the_council_declares(council: str) -> None:
    """Our document read back holds every service and contact as declared, and the
    reader finds nothing it does not read."""
    spec = get_registry().council(council).spec
    read = read_organization(_export(council))
    assert () == read.unread
    assert spec.name == read.name
    assert [s.name for s in spec.services] == [s.name for s in read.services]
    for service in read.services:
        assert [c.organisation for c in spec.contacts] == [c.name for c in service.contacts]
        assert [c.email for c in spec.contacts] == [c.email for c in service.contacts]
        assert [(c.phone,) if c.phone else () for c in spec.contacts] == [
            c.phones for c in service.contacts
        ]


def test_triborough_lado_phone_and_age_range_as_the_text_states() -> None:
    """Triborough 6.8 lists the LADO numbers: "Westminster City Council - 020 7641 6108";
    its glossary: young carers are "Children and Young People under 18", so the oldest
    served is 17 and the text sets no lower age. The service is for the three boroughs."""
    text = _spec_text("triborough")
    assert "Westminster City Council - 020 7641 6108" in text
    assert "Means Children and Young People under 18 who provide" in text
    (service,) = read_organization(_export("triborough")).services
    lado = next(c for c in service.contacts if c.title == "lado (Westminster City Council)")
    assert ("020 7641 6108",) == lado.phones
    assert (None, 17) == (service.minimum_age, service.maximum_age)
    assert {
        "Westminster City Council",
        "Royal Borough of Kensington and Chelsea",
        "London Borough of Hammersmith and Fulham",
    } == set(service.areas)


def test_derby_lot_1_ages_as_the_text_states() -> None:
    """Derby 2: "Young people will be young adults aged 16-18, and may be up to 21 (25 in
    some circumstances)": lot 1 serves 16 to 25. Lot 2 is "Young Homeless 16 & 17 years"."""
    assert "young adults aged 16-18, and may be up to 21 (25 in some circumstances)" in (
        _spec_text("derby")
    )
    lot_1, lot_2 = read_organization(_export("derby")).services
    assert (16, 25) == (lot_1.minimum_age, lot_1.maximum_age)
    assert (16, 17) == (lot_2.minimum_age, lot_2.maximum_age)


def test_somerset_age_limit_comes_from_the_exclusion_not_the_predominant_band() -> None:
    """Somerset excludes "People aged 26 and over." (so 25 is the oldest served) and says
    its cohorts are predominantly 10-17, which is no limit: no minimum_age."""
    assert "People aged 26 and over." in _spec_text("somerset")
    (service,) = read_organization(_export("somerset")).services
    assert (None, 25) == (service.minimum_age, service.maximum_age)
    assert service.eligibility_description is not None
    assert "predominantly 10-17" in service.eligibility_description


def test_what_hsds_cannot_hold_is_reported() -> None:
    """Stoke's pilot is limited to "within a 20 mile radius of Stoke-on-Trent" (no HSDS
    field) and its Safeguarding Children Board is a web address (an HSDS contact has none);
    Somerset's area rule lets the council approve referrals from elsewhere."""
    assert "within a 20 mile radius of Stoke-on-Trent" in _spec_text("stoke")
    stoke = export_council(get_registry().council("stoke").spec, AS_OF)
    left_out = {(n.item, n.field): n.value for n in stoke.not_exported}
    assert "distance_miles at most 20 miles" == left_out[("service:pilot", "limits.radius")]
    assert "http://www.safeguardingchildren.stoke.gov.uk" == left_out[("contact:scb", "url")]
    # Each contact is reported once, though it is listed on both services.
    assert 1 == sum(1 for n in stoke.not_exported if (n.item, n.field) == ("contact:scb", "url"))
    somerset = export_council(get_registry().council("somerset").spec, AS_OF)
    effects = {(n.item, n.field): n.value for n in somerset.not_exported}
    assert (
        "needs-approval"
        == effects[("service:crisis-homecare", "area_rules.somerset-county.effect")]
    )


def test_ids_are_stable_uuid5_and_unique() -> None:
    """Two exports are identical; every id is a version-5 UUID in our namespace, and no
    two items share one (contacts repeat per service with their own ids)."""
    assert _export("stoke") == _export("stoke")
    document = _export("stoke")
    assert str(uuid.uuid5(NAMESPACE, "stoke")) == document["id"] == stable_id("stoke")
    ids = re.findall(r'"id": "([^"]+)"', json.dumps(document))
    assert len(ids) == len(set(ids))
    assert all(uuid.UUID(i).version == 5 for i in ids)
    assert _export("derby")["id"] != document["id"]


def test_status_follows_the_specification_in_force() -> None:
    """Stoke's contract "will run until 30th June 2021": active that day, inactive after."""
    assert "The contract will run until 30th June 2021" in _spec_text("stoke")
    spec = get_registry().council("stoke").spec
    on = export_council(spec, dt.date(2021, 6, 30)).document["services"]
    after = export_council(spec, dt.date(2021, 7, 1)).document["services"]
    assert ["active", "active"] == [s["status"] for s in on]
    assert ["inactive", "inactive"] == [s["status"] for s in after]


def test_cli_json_summary_with_validation(capsys: pytest.CaptureFixture[str]) -> None:
    """`export oruk --format json --validate` prints the summary, the document and the
    problems; exit 0 because undeclared properties are information, not rejection."""
    argv = ["export", "oruk", "--council", "stoke", "--as-of", "2021-01-04"]
    assert 0 == main([*argv, "--format", "json", "--validate", str(UK)])
    (result,) = json.loads(capsys.readouterr().out)
    assert "stoke" == result["council"]
    assert (2, 6) == (result["services"], result["contacts"])
    # Stoke's text gives its contacts no phone or email ("gives no phone or email"), so
    # the only fields outside the UK profile are the two services' eligibility texts.
    assert [
        ("undeclared", "services/0/eligibility_description"),
        ("undeclared", "services/1/eligibility_description"),
    ] == [(p["kind"], p["path"]) for p in result["problems"]]
    assert ("service:pilot", "limits.radius") in {
        (n["item"], n["field"]) for n in result["not_exported"]
    }
    assert (
        result["document"]
        == export_council(get_registry().council("stoke").spec, dt.date(2021, 1, 4)).document
    )


def test_cli_writes_every_council_identically_twice(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without --council every council is written; a second run gives the same bytes."""
    for run in ("a", "b"):
        assert 0 == main(["export", "oruk", "--as-of", "2026-01-05", "--out", str(tmp_path / run)])
    capsys.readouterr()
    names = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert [f"{c}.json" for c in sorted(COUNCILS)] == names
    for name in names:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    written = json.loads((tmp_path / "a" / "triborough.json").read_text(encoding="utf-8"))
    assert _export("triborough") == written


def test_cli_exit_1_when_the_schema_rejects(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A schema copy that requires a service url (we write none) rejects every service."""
    schema = tmp_path / "schema"
    shutil.copytree(UK, schema)
    service = json.loads((schema / "service.json").read_text(encoding="utf-8"))
    service["required"].append("url")
    (schema / "service.json").write_text(json.dumps(service), encoding="utf-8")
    argv = ["export", "oruk", "--council", "testshire", "--format", "json"]
    assert 1 == main([*argv, "--validate", str(schema)])
    (result,) = json.loads(capsys.readouterr().out)
    invalid = [p for p in result["problems"] if p["kind"] == "invalid"]
    assert ["services/0"] == [p["path"] for p in invalid]
    assert "'url' is a required property" == invalid[0]["message"]


@pytest.mark.parametrize(
    ("extra", "named"),
    [
        (["--council", "nowhere"], "nowhere"),
        (["--validate", "/nonexistent/schema"], "--validate"),
        (["--as-of", "2026-13-01"], "YYYY-MM-DD"),
    ],
)
def test_cli_usage_errors_exit_2(
    extra: list[str], named: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Bad usage: exit 2 and a message naming what was wrong, no traceback."""
    try:
        status = main(["export", "oruk", *extra])
    except SystemExit as exit_:  # argparse's own usage errors
        status = int(exit_.code or 0)
    assert 2 == status
    err = capsys.readouterr().err
    assert named in err
    assert "Traceback" not in err


def test_jsonschema_is_not_imported_with_the_package() -> None:
    """The oruk extra stays optional: importing the package and the exporter loads no
    jsonschema (only validate() does)."""
    code = (
        "import sys, childcare_commissioning, childcare_commissioning.formats.oruk\n"
        "print('jsonschema' in sys.modules, 'referencing' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert "False False" == result.stdout.strip()


def test_cli_table_lists_every_council(capsys: pytest.CaptureFixture[str]) -> None:
    """The table names each council with its counts: Triborough has 1 service, 9 contacts
    and 1 item not exported (the note on RBKC adults' number, its only contact note)."""
    assert 0 == main(["export", "oruk", "--as-of", "2026-01-05"])
    out = capsys.readouterr().out
    for council in COUNCILS:
        assert council in out
    assert re.search(r"triborough\s*│\s*1\s*│\s*9\s*│\s*1\s*│", out)


def test_cli_unreadable_schema_file_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A schema folder with a file that is not JSON is bad input, named, exit 2."""
    schema = tmp_path / "schema"
    shutil.copytree(UK, schema)
    (schema / "phone.json").write_text("{not json", encoding="utf-8")
    assert 2 == main(["export", "oruk", "--council", "testshire", "--validate", str(schema)])
    err = capsys.readouterr().err
    assert "--validate: cannot use the schemas" in err
    assert "Traceback" not in err


def test_reader_names_the_field_it_cannot_read() -> None:
    """A service without its required status is refused with the field's path."""
    document = json.loads(UK_EXAMPLE.read_text(encoding="utf-8"))
    del document["services"][0]["status"]
    with pytest.raises(ValueError, match=r"^services/0/status: required by HSDS 3 and missing$"):
        read_organization(document)
