"""The second Triborough audit's defects (shared/audits/2026-12/triborough.md), issue #38.

Every expected value is worked by hand from shared/specs/triborough.txt; the docstrings
say how. Mon 2 Jun 2025 is a working day (British Summer Time).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from childcare_commissioning_triborough import SPEC

from childcare_commissioning.cli import main
from childcare_commissioning.register import EntryStatus, covering
from childcare_commissioning.safeguarding import Concern, route, route_concern
from childcare_commissioning.workforce import Worker, check_worker

D = dt.date
LONDON = ZoneInfo("Europe/London")
MON = dt.datetime(2025, 6, 2, 14, tzinfo=LONDON)


# Defect 1: 6.10, 6.11, 7.2 scope the DBS check and the training.


def test_an_administrator_with_no_contact_with_families_is_compliant() -> None:
    """6.10 'all those working with vulnerable groups', 6.11 'all Staff working with
    vulnerable children and adults at risk', 7.2 'all necessary Staff' (reading
    'vulnerable-groups'): an administrator recorded with no direct work needs no DBS check
    and no safeguarding training, so with nothing on record they are compliant."""
    admin = Worker("ADM-9", roles=frozenset({"administrator"}), direct_work=False)
    report = check_worker(SPEC.workforce, admin, D(2025, 6, 2))
    assert report.compliant
    assert () == report.findings


def test_a_home_visitor_with_nothing_on_record_misses_all_three() -> None:
    """A key worker visiting families (direct work) with nothing on record misses the
    enhanced DBS check (7.2) and both trainings (6.11): three findings."""
    visitor = Worker("KW-1", roles=frozenset({"key-worker"}))
    report = check_worker(SPEC.workforce, visitor, D(2025, 6, 2))
    assert not report.compliant
    assert [
        ("workforce.check.missing", "7.2"),
        ("workforce.training.missing", "6.11"),
        ("workforce.training.missing", "6.11"),
    ] == [(f.code, f.citation.clause if f.citation else None) for f in report.findings]


def test_the_audit_roster_now_exits_zero(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The audit's reproduction: staff-check of the administrator exits 0."""
    roster = tmp_path / "roster.json"
    roster.write_text(
        json.dumps([{"id": "ADM-9", "roles": ["administrator"], "direct_work": False}]),
        encoding="utf-8",
    )
    code = main(["staff-check", str(roster), "--council", "triborough", "--on", "2025-06-02"])
    assert 0 == code, capsys.readouterr().out


# Defect 7: a child concern without a borough.


def test_a_child_concern_without_a_borough_asks_for_it_and_offers_the_child_lines() -> None:
    """6.6 routes child concerns per borough: Westminster 020 7641 4000, Hammersmith and
    Fulham 020 8753 5392, Kensington and Chelsea 020 7361 3013. Without a borough the answer
    asks for it and offers those three lines only: not the adults' or the LADO's."""
    routing = route(SPEC, Concern.CHILD, MON)
    assert not routing.specified
    assert routing.message.startswith("area needed")
    assert {"westminster", "kensington-and-chelsea", "hammersmith-and-fulham"} == set(
        routing.areas_needed
    )
    assert {"020 7641 4000", "020 8753 5392", "020 7361 3013"} == {c.phone for c in routing.nearest}
    assert {"childrens-services"} == {c.role for c in routing.nearest}


def test_the_audit_command_asks_for_the_borough(capsys: pytest.CaptureFixture[str]) -> None:
    """The audit's reproduction: exit 1 (an answer, not an error), no LADO line."""
    argv = "safeguarding route --council triborough --concern child"
    code = main([*argv.split(), "--at", "2025-06-02T14:00:00+01:00"])
    out = capsys.readouterr().out
    assert 1 == code
    assert "area needed" in out
    assert "lado" not in out.casefold()
    assert "020 7641 6108" not in out


# Defect 8: the Council is notified under 6.9.


def test_the_council_notification_cites_6_9() -> None:
    """6.8 refers to the DBS; 6.9 'The Provider shall notify the Council of any referrals
    made to the Independent Safeguarding Authority': the second step cites 6.9."""
    dbs, council = route_concern(SPEC, Concern.DISMISSAL_FOR_HARM, MON, "westminster")
    assert ("6.8", "6.9") == (dbs.deadline.citation.clause, council.deadline.citation.clause)
    assert "Westminster City Council (the Council)" == council.recipient


# Defect 9: section 2's instruction is a duty.


def test_the_health_inequalities_instruction_is_a_duty() -> None:
    """Section 2: 'Work with the families of Young Carers to reduce the health inequalities
    that they face ...' is an instruction (duty health-support), not context."""
    assert SPEC.register is not None
    found = {
        (entry.status, rule)
        for entry, sentences in covering(SPEC.register)
        if any("reduce the health inequalities" in s.text.casefold() for s in sentences)
        for rule in entry.rules
    }
    assert {(EntryStatus.DUTY, "duties/health-support")} == found
