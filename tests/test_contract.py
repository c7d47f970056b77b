"""Contracts: the unit of every dated answer (issue #32).

A contract is checked against the text it was let under (variations only where a clause
allows them), applied to the rules, and required wherever an answer needs a contract date:
nothing assumes a start date. Versions of a text resolve by date or by name, and a text's
own term is reported on answers outside it.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest

from childcare_commissioning.cli import main
from childcare_commissioning.cli.contractcmd import diff_specs
from childcare_commissioning.contract import (
    Contract,
    ContractDate,
    DeadlineVariation,
    ScheduleVariation,
    check_contract,
    contract_spec,
    term_findings,
)
from childcare_commissioning.convert import dumps, loads
from childcare_commissioning.deadlines import evaluate
from childcare_commissioning.durations import Duration, DurationKind
from childcare_commissioning.errors import ModelValueError, UnknownVersionError
from childcare_commissioning.model import Package, Severity
from childcare_commissioning.registry import get_registry
from childcare_commissioning.schedules import Phase, Schedule
from childcare_commissioning.training_matrix import TrainingMatrix

ROOT = Path(__file__).resolve().parents[1]
LONDON = dt.timezone(dt.timedelta(0))


def _spec(council: str) -> Any:
    return get_registry().council(council).spec


def _codes(findings: Any) -> list[str]:
    return [f.code for f in findings]


# --- the document ---------------------------------------------------------------------


def test_a_contract_round_trips_through_json() -> None:
    """Every field survives JSON out and in (the document `--contract FILE` reads)."""
    contract = Contract(
        "derby",
        "Example Housing Ltd",
        dt.date(2024, 4, 1),
        dt.date(2026, 3, 31),
        reference="DPS-1",
        specification_version="2019",
        dates=(ContractDate("contract-award", dt.date(2024, 2, 1)),),
        packages=(Package("IPA-1", "derby", "YP-1", dt.date(2024, 5, 1)),),
        deadlines=(DeadlineVariation("notice-general", Duration(DurationKind.CALENDAR_DAYS, 28)),),
        training_matrix=TrainingMatrix.of({"first-aid": Duration(DurationKind.YEARS, 2)}, "v3"),
    )
    assert contract == loads(dumps(contract), Contract)


def test_a_contract_ending_before_it_starts_is_refused() -> None:
    with pytest.raises(ModelValueError, match="must not be before start"):
        Contract("derby", "P", dt.date(2024, 4, 1), dt.date(2024, 3, 31))


def test_the_contract_start_cannot_be_dated_twice() -> None:
    """The start and end are the contract's own fields, not dated events."""
    with pytest.raises(ModelValueError, match="contract's start or end"):
        Contract(
            "derby",
            "P",
            dt.date(2024, 4, 1),
            dates=(ContractDate("contract-start", dt.date(2024, 4, 1)),),
        )


def test_the_contract_schema_is_shipped_and_printed(capsys: pytest.CaptureFixture[str]) -> None:
    assert 0 == main(["schema", "contract"])
    schema = json.loads(capsys.readouterr().out)
    assert {"council", "provider", "start"} == set(schema["required"])
    assert "training_matrix" in schema["properties"]


# --- what a text allows -----------------------------------------------------------------


def test_derby_allows_another_notice_period_citing_its_clause() -> None:
    """3.8.1: "The notice period could, in some cases, depend on the circumstances": the
    30 days' general notice may be agreed otherwise, and the finding-free check says so."""
    spec = _spec("derby")
    contract = Contract(
        "derby",
        "P",
        dt.date(2024, 4, 1),
        deadlines=(DeadlineVariation("notice-general", Duration(DurationKind.CALENDAR_DAYS, 28)),),
    )
    assert [] == check_contract(spec, contract)
    varied = contract_spec(spec, contract)
    # An IPA to end Mon 3 Mar 2025: 28 calendar days' notice is due by Mon 3 Feb (the
    # text's own 30 days, by Sat 1 Feb).
    at = dt.datetime(2025, 3, 3, 10, tzinfo=dt.UTC)
    assert dt.date(2025, 2, 3) == evaluate(varied.deadline("notice-general"), at).due_date
    assert dt.date(2025, 2, 1) == evaluate(spec.deadline("notice-general"), at).due_date


def test_a_variation_no_clause_allows_is_refused() -> None:
    """Derby's 24-hour offer deadline (3.3.1) is not said to be negotiable: refused, and the
    contract is not applied in part."""
    spec = _spec("derby")
    contract = Contract(
        "derby",
        "P",
        dt.date(2024, 4, 1),
        deadlines=(DeadlineVariation("offer-standard", Duration(DurationKind.CLOCK_HOURS, 48)),),
    )
    findings = check_contract(spec, contract)
    assert ["contract.variation.not-allowed"] == _codes(findings)
    assert "$.deadlines[0].rule" == findings[0].path
    assert "no clause" in findings[0].message
    with pytest.raises(ModelValueError, match="no clause"):
        contract_spec(spec, contract)


def test_unknown_rules_councils_versions_and_dates_are_each_named() -> None:
    spec = _spec("derby")
    contract = Contract(
        "plymouth",
        "P",
        dt.date(2024, 4, 1),
        specification_version="2030",
        dates=(ContractDate("mobilisation", dt.date(2024, 3, 1)),),
        deadlines=(DeadlineVariation("no-such-rule", Duration(DurationKind.CALENDAR_DAYS, 1)),),
        schedules=(
            ScheduleVariation(
                "no-such", Schedule(phases=(Phase(Duration(DurationKind.MONTHS, 1)),))
            ),
        ),
    )
    assert [
        "contract.other-council",
        "contract.version",
        "contract.unknown-date",
        "contract.unknown-rule",
        "contract.unknown-obligation",
    ] == _codes(check_contract(spec, contract))


def test_plymouth_training_matrix_is_allowed_where_the_text_makes_it_the_interval() -> None:
    """Plymouth 6: refresher training "at the intervals set out in their organisational
    training matrix": allowed for subjects the text puts under the matrix, not for DBS."""
    spec = _spec("plymouth")
    matrix_subject = next(r.subject for r in spec.workforce if r.provider_matrix)
    matrix_subjects = {r.subject for r in spec.workforce if r.provider_matrix}
    other = next(r.subject for r in spec.workforce if r.subject not in matrix_subjects)
    ok = Contract(
        "plymouth",
        "P",
        dt.date(2024, 4, 1),
        training_matrix=TrainingMatrix.of({matrix_subject: Duration(DurationKind.YEARS, 2)}),
    )
    assert [] == check_contract(spec, ok)
    bad = Contract(
        "plymouth",
        "P",
        dt.date(2024, 4, 1),
        training_matrix=TrainingMatrix.of({other: Duration(DurationKind.YEARS, 9)}),
    )
    assert ["contract.variation.not-allowed"] == _codes(check_contract(spec, bad))


def test_plymouth_may_monitor_more_often_under_its_contract_management_clause() -> None:
    """11: the Council "may implement additional and/or more frequent monitoring": a
    contract review meeting every month from the start lands on the 1st of each month."""
    spec = _spec("plymouth")
    monthly = Schedule(phases=(Phase(Duration(DurationKind.MONTHS, 1)),))
    contract = Contract(
        "plymouth",
        "P",
        dt.date(2024, 4, 1),
        schedules=(ScheduleVariation("contract-review-meeting", monthly),),
    )
    assert [] == check_contract(spec, contract)
    varied = contract_spec(spec, contract)
    meeting = next(o for o in varied.obligations if o.id == "contract-review-meeting")
    days = list(meeting.schedule.occurrences(dt.date(2024, 4, 1), dt.date(2024, 7, 1)))  # type: ignore[union-attr]
    assert [dt.date(2024, 5, 1), dt.date(2024, 6, 1), dt.date(2024, 7, 1)] == days


# --- the term ---------------------------------------------------------------------------


def test_stoke_answers_after_30_june_2021_carry_the_term_warning() -> None:
    """6.1: "The contract will run until 30th June 2021"; delivery from 1 July 2018."""
    spec = _spec("stoke")
    after = term_findings(spec, [dt.date(2021, 7, 1)])
    assert ["specification.outside-term"] == _codes(after)
    assert Severity.WARNING is after[0].severity
    assert "30 June 2021" in after[0].message
    assert "6.1" in after[0].citation.clause  # type: ignore[union-attr]
    assert [] == term_findings(spec, [dt.date(2018, 7, 1), dt.date(2021, 6, 30)])
    assert ["specification.outside-term"] == _codes(term_findings(spec, [dt.date(2018, 6, 30)]))


def test_a_text_that_gives_no_term_warns_of_nothing() -> None:
    assert [] == term_findings(_spec("derby"), [dt.date(2099, 1, 1)])


def test_stoke_deadlines_warn_outside_the_term_and_not_within(
    capfd: pytest.CaptureFixture[str],
) -> None:
    """6.1: delivery "from 1st July 2018", and "The contract will run until 30th June
    2021": a DBS check on 1 May 2024 is outside that term (warned), one on 1 May 2020
    within it (no warning)."""
    argv = ["deadlines", "--council", "stoke", "--trigger", "dbs-check", "--format", "json"]
    assert 0 == main([*argv, "--at", "2024-05-01T10:00"])
    err = capfd.readouterr().err
    assert "outside the term" in err
    assert "1 July 2018 to 30 June 2021" in err
    assert 0 == main([*argv, "--at", "2020-05-01T10:00"])
    assert "outside the term" not in capfd.readouterr().err


def test_a_stoke_contract_running_past_the_term_is_reported() -> None:
    """6.1's term ends 30 June 2021: a contract to 30 June 2022 (the text's "option to
    extend for a further one year" taken) runs past it; one ending on 30 June 2021 does
    not."""
    spec = _spec("stoke")
    findings = check_contract(
        spec, Contract("stoke", "P", dt.date(2020, 4, 1), dt.date(2022, 6, 30))
    )
    assert ["contract.past-term"] == _codes(findings)
    assert [] == check_contract(
        spec, Contract("stoke", "P", dt.date(2019, 4, 1), dt.date(2021, 6, 30))
    )


# --- no date is ever assumed ---------------------------------------------------------------


def test_obligations_without_a_contract_start_exit_2_naming_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert 2 == main(["obligations", "--council", "derby", "--until", "2025-03-31"])
    assert "contract's start" in capsys.readouterr().err


def test_monitor_without_a_contract_judges_no_obligation(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Derby's access report is quarterly from the contract's start: without a contract it
    is listed as not judged, never dated from a start nobody gave."""
    log = tmp_path / "log.jsonl"
    log.write_text(
        '{"kind": "access-report-submitted", "at": "2024-06-28T12:00"}\n', encoding="utf-8"
    )
    assert 0 == main(
        ["monitor", str(log), "--council", "derby", "--as-of", "2025-04-04", "--format", "json"]
    )
    report = json.loads(capsys.readouterr().out)
    assert [] == report["obligations"]
    assert ["access-kpis"] == report["obligations_not_judged"]["obligations"]


def test_no_literal_contract_date_outside_examples_and_tests() -> None:
    """Grep the library and the plugins' code: no `date(YYYY, M, D)` is used as a start in
    monitoring, obligations or the CLI (the calendar's coverage and the texts' own dates
    are declarations, cited)."""
    pattern = re.compile(r"dt\.date\(20\d\d, \d+, \d+\)")
    places = [
        ROOT / "src/childcare_commissioning/monitoring",
        ROOT / "src/childcare_commissioning/obligations.py",
        ROOT / "src/childcare_commissioning/contract.py",
        *(ROOT / "src/childcare_commissioning/cli").glob("*cmd*.py"),
    ]
    found = []
    for place in places:
        for path in [place] if place.is_file() else place.rglob("*.py"):
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if pattern.search(line) and "EXAMPLE_AS_OF" not in line:
                    found.append(f"{path.name}:{number}")
    assert [] == found


# --- contracts through the command line ---------------------------------------------------


def _write(tmp_path: Path, data: dict[str, Any]) -> str:
    path = tmp_path / "contract.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


def test_a_contract_the_text_does_not_allow_is_bad_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(
        tmp_path,
        {"council": "derby", "provider": "P", "start": "2024-04-01",
         "deadlines": [
             {"rule": "offer-standard", "duration": {"kind": "clock-hours", "amount": 48}}
         ]},
    )  # fmt: skip
    assert 2 == main(["obligations", "--contract", path, "--until", "2024-12-31"])
    err = capsys.readouterr().err
    assert "$.deadlines[0].rule" in err
    assert "contract.variation.not-allowed" in err
    assert 1 == main(["contract", "check", path])


def test_contract_check_names_the_clause_behind_each_variation(
    capsys: pytest.CaptureFixture[str],
) -> None:
    example = ROOT / "plugins/plymouth/src/childcare_commissioning_plymouth/examples/contract.json"
    assert 0 == main(["contract", "check", str(example), "--format", "json"])
    checked = json.loads(capsys.readouterr().out)
    assert [] == checked["findings"]
    (variation,) = checked["variations"]
    assert "four-weekly" == variation["agreed"]
    assert (
        "unless otherwise agreed between the parties on a case by case basis"
        in variation["allowed_by"]
    )


def test_plymouth_invoices_a_package_on_its_agreed_cycle(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """3.3: fortnightly in arrears "unless otherwise agreed ... case by case". PLY-PKG-0042
    starts Mon 2 Dec 2024: its first fortnight is 2-15 Dec; agreed four-weekly, its first
    period is 2-29 Dec, so as of 16 Dec nothing is invoiced yet and as of 30 Dec one
    four-weekly invoice is."""
    example = ROOT / "plugins/plymouth/src/childcare_commissioning_plymouth/examples/billing.json"
    data = json.loads(example.read_text(encoding="utf-8"))
    del data["as_of"]
    batch = tmp_path / "batch.json"
    batch.write_text(json.dumps(data), encoding="utf-8")
    path = _write(
        tmp_path,
        {"council": "plymouth", "provider": "P", "start": "2024-04-01",
         "packages": [
             {"id": "PLY-PKG-0042", "council": "plymouth", "child_id": "C", "start": "2024-12-02"}
         ],
         "invoicing_cycles": [{"cycle": "four-weekly", "packages": ["PLY-PKG-0042"]}]},
    )  # fmt: skip

    def periods(*extra: str) -> list[dict[str, str]]:
        main(["invoice", str(batch), "--format", "json", *extra])
        return [i["period"] for i in json.loads(capsys.readouterr().out)["invoices"]]

    assert [{"start": "2024-12-02", "end": "2024-12-15"}] == periods(
        "--council", "plymouth", "--as-of", "2024-12-16"
    )
    assert [] == periods("--contract", path, "--as-of", "2024-12-16")
    assert [{"start": "2024-12-02", "end": "2024-12-29"}] == periods(
        "--contract", path, "--as-of", "2024-12-30"
    )


def test_obligations_list_each_placement_review_from_the_contract(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Derby 3.6.2: a formal review within 2 weeks of a placement, then every 3 months.
    IPA-1 starts Mon 6 Jan 2025: reviews Mon 20 Jan, then 20 Apr and 20 Jul."""
    path = _write(
        tmp_path,
        {"council": "derby", "provider": "P", "start": "2024-04-01",
         "packages": [{"id": "IPA-1", "council": "derby", "child_id": "C", "start": "2025-01-06"}]},
    )  # fmt: skip
    assert 0 == main(
        ["obligations", "--contract", path, "--until", "2025-07-31", "--format", "json"]
    )
    reviews = [
        o for o in json.loads(capsys.readouterr().out) if o["obligation_id"] == "placement-review"
    ]
    assert [("2025-01-20", "IPA-1"), ("2025-04-20", "IPA-1"), ("2025-07-20", "IPA-1")] == [
        (o["due_date"], o["package_id"]) for o in reviews
    ]


def test_every_council_example_log_under_its_example_contract_matches_the_demo(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The demo's monitoring section is what `monitor LOG --contract CONTRACT` answers."""
    assert 0 == main(["demo", "--format", "json"])
    demo = json.loads(capsys.readouterr().out)["monitoring"]
    for council in ("derby", "plymouth", "somerset", "stoke", "triborough"):
        package = (
            ROOT / "plugins" / council / "src" / f"childcare_commissioning_{council}" / "examples"
        )
        status = main(
            ["monitor", str(package / "monitoring.jsonl"),
             "--contract", str(package / "contract.json"),
             "--as-of", "2025-04-04", "--format", "json"]
        )  # fmt: skip
        report = json.loads(capsys.readouterr().out)
        assert (demo[council]["failures"], demo[council]["counts"]) == (
            report["failures"],
            report["counts"],
        )
        assert status == (1 if report["failures"] else 0)
        assert [] == report["obligations_not_judged"]["obligations"]


# --- versions of a text -------------------------------------------------------------------


def test_two_versions_of_testshire_resolve_by_date_and_by_name() -> None:
    """Testshire 0.9 (from 1 April 2020, five working days to answer a referral) was
    replaced by 1.0 on 1 April 2024 (three working days)."""
    registry = get_registry()
    assert ["0.9", "1.0"] == [v.spec.specification.version for v in registry.versions("testshire")]
    assert "1.0" == registry.council("testshire").spec.specification.version
    assert (
        "0.9" == registry.council("testshire", on=dt.date(2024, 3, 31)).spec.specification.version
    )
    assert "1.0" == registry.council("testshire", on=dt.date(2024, 4, 1)).spec.specification.version
    assert "0.9" == registry.council("testshire", version="0.9").spec.specification.version
    with pytest.raises(UnknownVersionError, match=r"versions: 0\.9, 1\.0"):
        registry.council("testshire", version="2.0")
    # Received Mon 1 Apr 2024 10:00: 1.0 answers by Thu 4 Apr; a referral under 0.9
    # received Mon 25 Mar answers five working days later, Wed 3 Apr (Good Friday 29 Mar
    # and Easter Monday 1 Apr are bank holidays: 26, 27, 28 Mar, 2, 3 Apr).
    new = registry.council("testshire", on=dt.date(2024, 4, 1)).spec.deadline("referral-response")
    old = registry.council("testshire", on=dt.date(2024, 3, 25)).spec.deadline("referral-response")
    assert dt.date(2024, 4, 4) == evaluate(new, dt.datetime(2024, 4, 1, 10, tzinfo=dt.UTC)).due_date
    assert (
        dt.date(2024, 4, 3) == evaluate(old, dt.datetime(2024, 3, 25, 10, tzinfo=dt.UTC)).due_date
    )


def test_a_contract_names_the_version_it_was_let_under(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(
        tmp_path,
        {
            "council": "testshire",
            "provider": "P",
            "start": "2024-06-01",
            "specification_version": "0.9",
        },
    )
    assert 0 == main(
        [
            "deadlines",
            "--contract",
            path,
            "--at",
            "2024-06-03T10:00",
            "--rule",
            "referral-response",
            "--format",
            "json",
        ]
    )
    (deadline,) = json.loads(capsys.readouterr().out)
    # Mon 3 Jun: five working days is Mon 10 Jun (4, 5, 6, 7, 10).
    assert "2024-06-10" == deadline["due_date"]


def test_the_diff_lists_rules_and_register_entries_added_changed_and_removed(
    capsys: pytest.CaptureFixture[str],
) -> None:
    registry = get_registry()
    old = registry.council("testshire", version="0.9").spec
    new = registry.council("testshire", version="1.0").spec
    rows = diff_specs(old, new)
    assert ("added", "deadlines", "service-day-callback") in rows
    assert ("changed", "deadlines", "referral-response") in rows
    assert ("changed", "monitoring", "(the whole declaration)") in rows
    assert any(change == "changed" and what == "register" for change, what, _ in rows)
    assert ("removed", "deadlines", "service-day-callback") in diff_specs(new, old)
    assert [] == diff_specs(new, new)
    assert 0 == main(["councils", "diff", "testshire", "0.9", "1.0", "--format", "json"])
    changes = json.loads(capsys.readouterr().out)["changes"]
    assert {"change": "added", "what": "deadlines", "id": "service-day-callback"} in changes


def test_invoice_stream_uses_the_contracts_cycle(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The stream agrees with the batch run: PLY-PKG-0042 agreed four-weekly is invoiced
    2-29 Dec 2024 as of 30 Dec, where the text's fortnights would give 2-15 and 16-29 Dec."""
    example = ROOT / "plugins/plymouth/src/childcare_commissioning_plymouth/examples/billing.json"
    data = json.loads(example.read_text(encoding="utf-8"))
    records = tmp_path / "records.jsonl"
    records.write_text("".join(json.dumps(r) + "\n" for r in data.pop("records")), "utf-8")
    del data["as_of"]
    packages = tmp_path / "packages.json"
    packages.write_text(json.dumps(data), encoding="utf-8")
    path = _write(
        tmp_path,
        {"council": "plymouth", "provider": "P", "start": "2024-04-01",
         "invoicing_cycles": [{"cycle": "four-weekly"}]},
    )  # fmt: skip

    def periods(*extra: str) -> list[dict[str, str]]:
        argv = ["invoice-stream", str(records), "--packages", str(packages), "--as-of"]
        main([*argv, "2024-12-30", *extra])
        lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
        return [line["period"] for line in lines if "period" in line]

    # The text's fortnights: 2-15 Dec holds the records; 16-29 Dec has nothing to invoice
    # and Plymouth issues no nil invoice.
    assert [{"start": "2024-12-02", "end": "2024-12-15"}] == periods("--council", "plymouth")
    assert [{"start": "2024-12-02", "end": "2024-12-29"}] == periods("--contract", path)
