"""Every outcome and KPI no event measures says what evidences it (issue #33): in the
monitoring report, in `monitor`'s table and on the handbook's council page."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from childcare_commissioning.cli import main
from childcare_commissioning.errors import ModelValueError
from childcare_commissioning.handbook.monitoring import monitoring
from childcare_commissioning.monitoring import Monitor, Monitoring, check_references, end_of_day
from childcare_commissioning.registry import get_registry

COUNCILS = ("derby", "plymouth", "somerset", "stoke", "triborough")
AS_OF = end_of_day(dt.date(2025, 4, 4))


@pytest.mark.parametrize("council", COUNCILS)
def test_every_unmeasured_outcome_says_what_evidences_it(council: str) -> None:
    """Each council keeps outcomes no event measures (its texts' quality statements,
    outcomes and plans); each one's evidence is a non-empty sentence, and the declaration
    names no outcome the council does not have."""
    spec = get_registry().council(council).spec
    report = Monitor(spec, AS_OF).report([])
    assert report.unmeasured
    missing = [oid for oid, _ in report.unmeasured if not report.evidence.get(oid, "").strip()]
    assert [] == missing
    assert set(report.evidence) <= {o.id for o in spec.outcomes}


@pytest.mark.parametrize("council", COUNCILS)
def test_the_handbook_shows_the_evidence(council: str) -> None:
    """The page's visit table has an "Evidenced by" column and no outcome left at the
    placeholder."""
    spec = get_registry().council(council).spec
    page = monitoring(spec)
    assert "| Outcome or KPI | Evidenced by | Source |" in page
    assert "*not said*" not in page


def test_monitor_table_shows_the_evidence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Stoke measures no outcome from events: its complaints outcome is evidenced by the
    quarterly complaints report of 4.2, shown beside it."""
    log = tmp_path / "log.jsonl"
    log.write_text('{"case": "S1", "kind": "referral-received", "at": "2025-03-03T09:00"}\n')
    main(["monitor", str(log), "--council", "stoke", "--as-of", "2025-04-04"])
    out = capsys.readouterr().out
    assert "Evidenced by" in out
    assert "quarterly complaints report" in out


def test_evidence_for_an_unknown_outcome_is_refused() -> None:
    """A typo in an evidence id would hide the evidence: the declaration is refused."""
    spec = get_registry().council("stoke").spec
    with pytest.raises(ModelValueError, match="known-outcome"):
        check_references(spec, Monitoring(evidence=(("complaint", "typo"),)))


#: The trigger-only obligations of issue #33, the words of their texts (shared/specs/), and
#: why none has a time a log can judge: each is now a checklist duty.
CHECKLIST = (
    # Plymouth 5: "support the child or young person to participate in a return interview
    # as required": "as required" names no time.
    ("plymouth", "return-interview", "participate in a return interview as required"),
    # Derby 3.15: "signed and dated prior to contract start": the time is the contract's
    # start, but the signing is a fact of the contract's papers, checked at a visit.
    ("derby", "information-sharing-agreement", "signed and dated prior to contract start"),
    # Stoke 2.3: support plans "will identify review dates and an envisaged end date", a
    # safe exit strategy is proposed, the waiting list kept: no time in any of them.
    ("stoke", "support-plan", "Support plans will identify review dates"),
    ("stoke", "exit-strategy", "propose a safe exit strategy"),
    ("stoke", "waiting-list", "Prioritise need in agreement with the Strategic Manager"),
)


@pytest.mark.parametrize(("council", "duty", "quote"), CHECKLIST)
def test_trigger_only_obligations_are_checklist_duties(council: str, duty: str, quote: str) -> None:
    """Each is a duty on the checklist with its evidence and its visit question; what the
    text declares of it is at most a trigger (no schedule, relative time or deadline) and
    no monitoring submission tracks it, so nothing pretends to date or monitor it; the
    register accounts for its sentence as that duty."""
    spec = get_registry().council(council).spec
    [found] = [d for d in spec.duties if d.id == duty]
    assert quote in found.citation.quote
    assert found.evidence.strip()
    assert found.question.strip()
    assert found.schedule is None
    tracked = {s.obligation for s in spec.monitoring.submissions} if spec.monitoring else set()
    assert duty not in tracked
    for o in spec.all_obligations():
        if o.id == duty:
            assert (o.schedule, o.relative_to, o.deadline) == (None, None, None)
    assert spec.register is not None
    assert any(f"duties/{duty}" in e.rules for e in spec.register.entries)


def test_the_information_sharing_agreement_question_names_its_time() -> None:
    """Derby 3.15's time, 'prior to contract start', is what the visit checks."""
    spec = get_registry().council("derby").spec
    [found] = [d for d in spec.duties if d.id == "information-sharing-agreement"]
    assert "before the contract start" in found.question
