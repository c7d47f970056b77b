"""The HTTP service, tested as a client uses it: the real server (uvicorn) on a loopback
port, called over HTTP. Its answers are the command line's (the same JSON for the same
question), each cited object naming its rules and plugin; its errors are RFC 9457
problem details that locate every problem and repeat nothing personal."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("starlette")
httpx = pytest.importorskip("httpx")

from childcare_commissioning.cli import main  # noqa: E402
from childcare_commissioning.examples import read_example  # noqa: E402
from childcare_commissioning.service.background import serving  # noqa: E402
from childcare_commissioning.service.settings import ServiceSettings  # noqa: E402
from tests.test_cli import BATCH  # noqa: E402

PROBLEM = "application/problem+json"


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    """One server for the module, with the default (safe) settings."""
    with serving(ServiceSettings()) as url:
        yield url


@pytest.fixture(scope="module")
def client(base: str) -> Iterator[Any]:
    with httpx.Client(base_url=base, timeout=60) as http:
        yield http


def cli_json(capsys: pytest.CaptureFixture[str], *argv: str) -> Any:
    """What the command line prints with ``--format json`` for ``argv``."""
    main([*argv, "--format", "json"])
    return json.loads(capsys.readouterr().out)


def test_working_days_add_over_christmas(client: Any) -> None:
    """2 working days after Wed 24 Dec 2025 in England and Wales: Thu 25 (Christmas Day)
    and Fri 26 (Boxing Day) are bank holidays, Sat 27 and Sun 28 the weekend; Mon 29 is
    the first working day, Tue 30 the second."""
    response = client.get("/working-days/add", params={"date": "2025-12-24", "n": 2})
    assert 200 == response.status_code
    assert "application/json" == response.headers["content-type"]
    assert {
        "date": "2025-12-24",
        "n": 2,
        "calendar": "england-and-wales",
        "result": "2025-12-30",
        "projected": False,
    } == response.json()


def test_working_days_between_matches_the_cli(
    client: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    """Working days after Fri 19 Dec up to Fri 2 Jan 2026: 22, 23, 24, 29, 30, 31 Dec and
    2 Jan (25, 26 Dec and 1 Jan are bank holidays) = 7; the command line says the same."""
    params = {"start": "2025-12-19", "end": "2026-01-02"}
    answer = client.get("/working-days/between", params=params).json()
    assert 7 == answer["working_days"]
    assert cli_json(capsys, "working-days", "between", "2025-12-19", "2026-01-02") == answer


def test_councils_name_their_plugin_and_register(client: Any) -> None:
    """Every council names its distribution and version; Testshire is the test plugin."""
    councils = {c["id"]: c for c in client.get("/councils").json()}
    testshire = councils["testshire"]
    assert ("childcare-commissioning-testshire", "0.1.0") == (
        testshire["distribution"],
        testshire["version"],
    )
    assert client.get("/councils/testshire").json() == testshire


def test_council_rules_and_register_match_the_cli(
    client: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    """``ids rules`` and ``clauses`` over HTTP: the same entries as the command line."""
    rules = client.get("/councils/plymouth/ids/rules").json()
    assert cli_json(capsys, "ids", "rules", "--council", "plymouth") == rules
    assert "council-documents" in {r["id"] for r in rules}
    register = client.get("/councils/plymouth/register", params={"status": "rule"}).json()
    assert cli_json(capsys, "clauses", "--council", "plymouth", "--status", "rule") == register
    assert register
    assert {"rule"} == {e["status"] for e in register}


def test_deadline_carries_its_trace(client: Any) -> None:
    """Plymouth's council-documents rule: "within 5 working days of commencement". From
    Fri 28 Mar 2025: Mon 31, Tue 1, Wed 2, Thu 3, Fri 4 Apr: due 2025-04-04, cited, with
    the rule id and the plugin's distribution and version."""
    response = client.get(
        "/councils/plymouth/deadlines",
        params={"at": "2025-03-28T10:00", "rule": "council-documents"},
    )
    [deadline] = response.json()
    assert "2025-04-04" == deadline["due_date"]
    assert ["deadlines/council-documents"] == deadline["rules"]
    assert "within 5 working days" in deadline["citation"]["quote"]
    source = deadline["source"]
    assert ("plymouth", "childcare-commissioning-plymouth") == (
        source["council"],
        source["distribution"],
    )
    assert source["version"]


def test_referral_check_is_the_cli_answer(
    client: Any, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The bundled example referral: the same decision as ``referral check --format
    json``, every cited finding naming its rules and source; no personal data echoed."""
    text = read_example("referral.json")
    response = client.post(
        "/councils/plymouth/referrals/check",
        content=text,
        headers={"content-type": "application/json"},
    )
    assert 200 == response.status_code
    path = tmp_path / "referral.json"
    path.write_text(text, encoding="utf-8")
    assert cli_json(capsys, "referral", "check", str(path), "--council", "plymouth") == (
        response.json()
    )
    cited = [f for f in response.json()["findings"] if f["citation"]]
    assert cited
    assert all(f["rules"] and f["source"]["distribution"] for f in cited)
    assert "Alex Invented" not in response.text


def test_broken_referral_is_a_problem_with_json_paths(
    client: Any, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The bundled broken referral: 422, one problem per fault with its JSON path and the
    command line's message; nothing from the document repeated."""
    text = read_example("referral-broken.json")
    response = client.post("/councils/plymouth/referrals/check", content=text)
    assert 422 == response.status_code
    assert PROBLEM == response.headers["content-type"]
    problem = response.json()
    assert "urn:childcare-commissioning:problem:invalid-document" == problem["type"]
    path = tmp_path / "broken.json"
    path.write_text(text, encoding="utf-8")
    assert 2 == main(["referral", "check", str(path), "--council", "plymouth"])
    err = capsys.readouterr().err
    # The command line lists the same problems, in the same words.
    for item in problem["problems"]:
        assert f"{item['path']}: {item['message']} [{item['rule']}]" in err
    assert "$.received_at" in {p["path"] for p in problem["problems"]}
    assert "Traceback" not in response.text
    document = json.loads(text)
    assert document["child"]["name"] not in response.text


def test_unknown_council_and_path_are_404_problems(client: Any) -> None:
    response = client.get("/councils/nowhere/deadlines", params={"at": "2025-01-06T10:00"})
    assert (404, PROBLEM) == (response.status_code, response.headers["content-type"])
    assert "unknown council 'nowhere'" in response.json()["detail"]
    assert 404 == client.get("/nothing-here").json()["status"]


def test_missing_and_bad_parameters_are_named(client: Any) -> None:
    """A missing ``at`` and an impossible date: 400, naming the parameter."""
    response = client.get("/councils/testshire/deadlines")
    assert 400 == response.status_code
    assert [("at", "required")] == [
        (p["parameter"], p["rule"]) for p in response.json()["problems"]
    ]
    response = client.get("/working-days/add", params={"date": "2025-02-30", "n": 1})
    assert "date" == response.json()["problems"][0]["parameter"]


def test_staff_check_matches_the_cli(
    client: Any, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """As test_cli's staff check: W1's DBS of 15 Mar 2021 lapses on 16 Mar 2024; W2 has no
    DBS; the roster is not compliant. The name is never echoed."""
    roster = [
        {"id": "W1", "completions": [{"subject": "dbs-enhanced", "completed_on": "2021-03-15"}]},
        {"id": "W2", "name": "Private Person"},
    ]
    response = client.post("/councils/testshire/staff-check?on=2024-03-01", json=roster)
    answer = response.json()
    assert (False, 1, 2) == (
        answer["compliant"],
        answer["compliant_workers"],
        answer["workers_checked"],
    )
    workers = {w["worker_id"]: w for w in answer["workers"]}
    assert "2024-03-16" == workers["W1"]["lapsing"][0]["lapses_on"]
    assert "Private Person" not in response.text
    path = tmp_path / "roster.json"
    path.write_text(json.dumps(roster), encoding="utf-8")
    argv = ["staff-check", str(path), "--council", "testshire", "--on", "2024-03-01"]
    assert cli_json(capsys, *argv) == answer


def test_safeguarding_route_and_notify(client: Any) -> None:
    """As test_cli: a child concern in the north goes to the duty team by phone; an
    incident at 10:00 on Sat 29 Mar 2025 needs written notice by 11:00 BST on the 30th
    (24 elapsed hours across the clock change: 10:00 GMT + 24 h = 11:00 BST)."""
    routing = client.get(
        "/councils/testshire/safeguarding/route",
        params={"concern": "child", "area": "north", "at": "2025-01-06T14:00"},
    ).json()
    assert routing["specified"]
    [step] = routing["steps"]
    assert ("0113 496 0111", "phone") == (step["contact"]["phone"], step["channel"])
    [notice] = client.get(
        "/councils/testshire/safeguarding/notify",
        params={"event": "incident", "at": "2025-03-29T10:00"},
    ).json()
    assert "2025-03-30T11:00:00+01:00" == notice["deadline"]["due_at"]
    assert notice["deadline"]["rules"]
    bad = client.get(
        "/councils/testshire/safeguarding/route",
        params={"concern": "dragons", "at": "2025-01-06T14:00"},
    )
    assert 422 == bad.status_code
    assert "unknown concern" in bad.json()["detail"]


def test_invoice_batch_and_stream(client: Any, capsys: pytest.CaptureFixture[str]) -> None:
    """test_cli's batch: R1 billed, net £55.50 - £13.87 + £10.35 = £51.98; R2 (negative
    hours) a finding at $.records[1].hours. The stream writes the same invoice, the
    finding, and last the pending and held records."""
    response = client.post("/councils/testshire/invoices?as_of=2024-12-16", json=BATCH)
    answer = response.json()
    [invoice] = answer["invoices"]
    assert "51.98" == invoice["net"]
    [finding] = answer["findings"]
    assert "$.records[1].hours" == finding["path"]
    assert any(line.get("rules") for line in invoice["lines"])
    streamed = client.post("/councils/testshire/invoices/stream?as_of=2024-12-16", json=BATCH)
    assert "application/jsonl" == streamed.headers["content-type"]
    lines = [json.loads(line) for line in streamed.text.splitlines()]
    [alone] = [line["invoice"] for line in lines if "invoice" in line]
    # Written alone, as invoice-stream writes it, the invoice names its source itself.
    assert "childcare-commissioning-testshire" == alone.pop("source")["distribution"]
    assert invoice == alone
    assert ["$.records[1].hours"] == [
        line["finding"]["path"] for line in lines if "finding" in line
    ]
    assert {"pending", "held"} == set(lines[-1])


def test_monitor_needs_a_contract_start(client: Any, capsys: pytest.CaptureFixture[str]) -> None:
    """Never a default contract start: without one, 400 naming ``contract_start``; with
    one, the command line's monitoring document."""
    log_path = (Path(__file__).parents[1] / "plugins/derby/src/childcare_commissioning_derby"
                / "examples/monitoring.jsonl")  # fmt: skip
    log = log_path.read_text(encoding="utf-8")
    path = "/councils/derby/monitor?as_of=2025-04-04&format=jsonl"
    missing = client.post(path, content=log, headers={"content-type": "text/plain"})
    assert 400 == missing.status_code
    assert "contract_start" == missing.json()["problems"][0]["parameter"]
    response = client.post(path + "&contract_start=2024-04-01", content=log)
    report = response.json()
    # The end of 4 April 2025 is midnight starting 5 April, British Summer Time.
    assert ("derby", "2025-04-05T00:00:00+01:00") == (report["council"], report["as_of"])
    argv = ["monitor", str(log_path), "--council", "derby", "--as-of", "2025-04-04"]
    cli = cli_json(capsys, *argv, "--contract-start", "2024-04-01")

    # The CLI writes deadlines as they close (flat memory); the service answers them sorted.
    def by_case(doc: dict[str, Any]) -> dict[str, Any]:
        deadlines = sorted(doc["deadlines"], key=lambda d: (d["case"], d["trigger_at"], d["rule"]))
        return {**doc, "deadlines": deadlines}

    assert by_case(cli) == by_case(report)


def test_monitor_under_a_contract_document(client: Any, capsys: pytest.CaptureFixture[str]) -> None:
    """Derby's example log under Derby's example contract: the command line's answer (the
    demo's); a contract the text does not allow is a problem naming its field."""
    examples = (
        Path(__file__).parents[1] / "plugins/derby/src/childcare_commissioning_derby/examples"
    )
    log = (examples / "monitoring.jsonl").read_text(encoding="utf-8")
    contract = json.loads((examples / "contract.json").read_text(encoding="utf-8"))
    path = "/councils/derby/contracts/monitor?as_of=2025-04-04"
    report = client.post(path, json={"contract": contract, "log": log}).json()
    assert "DCC-DPS-EXAMPLE-01" == report["contract"]
    assert [] == report["obligations_not_judged"]["obligations"]
    argv = [
        "monitor",
        str(examples / "monitoring.jsonl"),
        "--contract",
        str(examples / "contract.json"),
    ]
    cli = cli_json(capsys, *argv, "--as-of", "2025-04-04")
    assert (cli["failures"], cli["counts"]) == (report["failures"], report["counts"])
    bad = {
        **contract,
        "deadlines": [
            {"rule": "offer-standard", "duration": {"kind": "clock-hours", "amount": 48}}
        ],
    }
    refused = client.post(path, json={"contract": bad, "log": log})
    assert 400 <= refused.status_code < 500
    assert "contract.variation.not-allowed" in refused.text
    assert "$.contract.deadlines[0].rule" in refused.text


def test_oruk_export(client: Any) -> None:
    answer = client.get("/councils/derby/exports/oruk", params={"as_of": "2025-04-01"}).json()
    assert answer["services"] == len(answer["document"]["services"])


def test_ubl_export_of_a_batch(client: Any) -> None:
    """test_cli's batch run for Testshire as UBL: one invoice (R2, negative hours, is a
    finding at $.records[1].hours of the batch, as the invoice run says). Its lines are
    £55.50 commissioned, -£13.87 not delivered, £10.35 mileage: line extension £51.98
    (BT-106, the sum of the line nets); payable equals what the invoice run says."""
    pytest.importorskip("lxml")
    from childcare_commissioning.convert import unstructure
    from childcare_commissioning.formats.ubl import read_ubl
    from tests.test_ubl import SETTINGS

    body = {"parties": unstructure(SETTINGS), "batch": BATCH}
    response = client.post("/councils/testshire/exports/ubl?as_of=2024-12-16", json=body)
    assert 200 == response.status_code, response.text
    answer = response.json()
    [row] = answer["invoices"]
    assert ("51.98", 3, None) == (row["net"], row["lines"], row["file"])
    summary = read_ubl(answer["documents"][row["invoice"]].encode("utf-8"))
    assert (Decimal("51.98"), 3) == (summary.line_extension, len(summary.lines))
    assert Decimal(row["payable"]) == summary.payable
    assert [] == answer["not_exported"]
    assert "$.records[1].hours" in [f["path"] for f in answer["findings"]]
    # The same invoices given as a list (the run's own output) give the same document.
    run = client.post("/councils/testshire/invoices?as_of=2024-12-16", json=BATCH).json()
    again = client.post(
        "/councils/testshire/exports/ubl",
        json={"parties": unstructure(SETTINGS), "invoices": run["invoices"]},
    ).json()
    assert answer["documents"] == again["documents"]
    # The same invoice twice: refused, never one document silently replacing the other.
    twice = client.post(
        "/councils/testshire/exports/ubl",
        json={"parties": unstructure(SETTINGS), "invoices": run["invoices"] * 2},
    )
    assert (422, True) == (twice.status_code, "[unique-number]" in twice.json()["detail"])
    # Parties without a buyer: 422 naming the field under $.parties, nothing echoed.
    bad = client.post(
        "/councils/testshire/exports/ubl?as_of=2024-12-16",
        json={"parties": {"seller": unstructure(SETTINGS)["seller"]}, "batch": BATCH},
    )
    assert 422 == bad.status_code, bad.text
    assert any(p["path"].startswith("$.parties") for p in bad.json()["problems"])


def test_placements_export_writes_the_weekly_costs(client: Any) -> None:
    """Testshire rounds half-up: 6 hours x £18.50 = £111.00 core; + £350 additional
    support = £461.00 total (as test_formats_placements works it for the command)."""
    pytest.importorskip("pyshacl")
    fixtures = Path(__file__).parent / "fixtures" / "placements"
    record = json.loads((fixtures / "valid-placement.jsonld").read_text("utf-8"))
    from tests.test_formats_placements import PACKAGE_BATCH as batch

    params = {"package": "PKG-1", "on": "2024-03-25", "additional_support": "350"}
    response = client.post(
        "/councils/testshire/exports/placements",
        params=params,
        json={"batch": batch, "record": record},
    )
    assert 200 == response.status_code, response.text
    assert "application/ld+json" == response.headers["content-type"]
    assert '"coreWeeklyCost": "111.00"' in response.text
    # The record had costs of its own: the command's note says they were replaced.
    assert "[placements.costs.replaced]" in response.headers["childcare-commissioning-note"]
    actual = json.loads(response.text, parse_float=Decimal)["actualPlacement"]
    assert ("111.00", "350.00", "461.00") == (
        actual["coreWeeklyCost"],
        actual["additionalSupportWeeklyCost"],
        actual["totalWeeklyCost"],
    )
    # An unknown package: 422 in the command line's words; a bad amount: 400 naming it.
    unknown = client.post(
        "/councils/testshire/exports/placements",
        params={**params, "package": "NOPE"},
        json={"batch": batch, "record": record},
    )
    assert (422, True) == (unknown.status_code, "[known-package]" in unknown.json()["detail"])
    bad = client.post(
        "/councils/testshire/exports/placements",
        params={**params, "other": "0.001"},
        json={"batch": batch, "record": record},
    )
    assert (400, "other") == (bad.status_code, bad.json()["problems"][0]["parameter"])
    # A record the standard's shape refuses: 422, each problem located under $.record.
    invalid = json.loads((fixtures / "invalid-missing-required.jsonld").read_text("utf-8"))
    refused = client.post(
        "/councils/testshire/exports/placements",
        params=params,
        json={"batch": batch, "record": invalid},
    )
    assert 422 == refused.status_code
    problems = refused.json()["problems"]
    assert problems
    assert all(p["path"].startswith("$.record") for p in problems)


def test_missing_extra_is_a_501_naming_it(client: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without lxml (the 'ubl' extra) or pyshacl (the 'placements' extra) the server
    answers 501 naming the extra to install, before reading the body."""
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name, *a: None if name in {"lxml", "pyshacl"} else real(name, *a),
    )
    for path, extra in (("ubl", "ubl"), ("placements", "placements")):
        response = client.post(f"/councils/testshire/exports/{path}", json={})
        assert 501 == response.status_code
        problem = response.json()
        assert "urn:childcare-commissioning:problem:extra-missing" == problem["type"]
        assert f"childcare-commissioning[{extra}]" in problem["detail"]


def test_openapi_document_and_offline_page(client: Any) -> None:
    """The document is OpenAPI 3.1, every operation answers 200 with a schema; the page
    loads Swagger UI from the service itself, never a CDN."""
    document = client.get("/openapi.json").json()
    assert "3.1.0" == document["openapi"]
    operations = [op for item in document["paths"].values() for op in item.values()]
    assert 18 == len(operations)
    assert all("schema" in next(iter(op["responses"]["200"]["content"].values()))
               for op in operations)  # fmt: skip
    page = client.get("/docs").text
    assert "http" not in page.replace("http-equiv", "")
    assert 200 == client.get("/docs/static/swagger-ui-bundle.js").status_code


def test_access_log_has_no_bodies_or_query_values(
    client: Any, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="childcare_commissioning.service"):
        client.post("/councils/plymouth/referrals/check?service=secret-query-value",
                    content=read_example("referral.json"))  # fmt: skip
    text = "\n".join(r.getMessage() for r in caplog.records)
    assert '"POST /councils/plymouth/referrals/check"' in text
    assert "secret-query-value" not in text
    assert "Alex Invented" not in text


def test_cors_is_off_by_default(client: Any) -> None:
    response = client.get("/councils", headers={"origin": "https://example.org"})
    assert "access-control-allow-origin" not in response.headers


def test_token_and_body_limit() -> None:
    """With a token, a request without it is 401 (``/health`` stays open); a body over
    the limit is 413 before it is read."""
    settings = ServiceSettings(token="s3cret", max_body_bytes=1000)
    with serving(settings) as url, httpx.Client(base_url=url, timeout=60) as http:
        refused = http.get("/councils")
        assert (401, "Bearer") == (
            refused.status_code,
            refused.headers["www-authenticate"].split()[0],
        )
        assert 401 == http.get("/councils", headers={"authorization": "Bearer wrong"}).status_code
        assert 200 == http.get("/health").status_code
        auth = {"authorization": "Bearer s3cret"}
        assert 200 == http.get("/councils", headers=auth).status_code
        big = http.post("/councils/testshire/staff-check?on=2024-03-01", headers=auth,
                        content=b"[" + b" " * 2000 + b"]")  # fmt: skip
        assert 413 == big.status_code


def test_time_limit() -> None:
    """An answer slower than the limit is a 503 problem (here: a limit of a millisecond,
    which a whole invoice run cannot meet)."""
    settings = ServiceSettings(timeout_seconds=0.001)
    with serving(settings) as url, httpx.Client(base_url=url, timeout=60) as http:
        response = http.post("/councils/testshire/invoices?as_of=2024-12-16", json=BATCH)
        assert (503, "urn:childcare-commissioning:problem:timeout") == (
            response.status_code,
            response.json()["type"],
        )


def test_an_answer_that_drifted_from_its_shape_is_the_services_bug_not_the_callers() -> None:
    """The service checks its own answers against their declared shapes; an answer that
    does not fit is a 500 (a bug to report), never a 422 blaming the caller's input, and
    the problem repeats no value of the answer."""
    from childcare_commissioning.service.answers import (
        AnswerShapeError,
        WorkingDaysAdded,
        fits,
    )
    from childcare_commissioning.service.problems import problem_for

    drifted = {"date": "2025-12-24", "n": "two", "calendar": "x", "result": "2025-12-30"}
    with pytest.raises(AnswerShapeError, match=r"\$\.n") as raised:
        fits(drifted, WorkingDaysAdded)
    problem = problem_for(raised.value)
    assert 500 == problem["status"]
    assert "two" not in json.dumps(problem)
    # The same document given by a caller would still be the caller's problem (422).
    from childcare_commissioning.convert import structure
    from childcare_commissioning.errors import ConversionError

    with pytest.raises(ConversionError) as given:
        structure(drifted, WorkingDaysAdded)
    assert 422 == problem_for(given.value)["status"]
