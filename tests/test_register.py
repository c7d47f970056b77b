"""The clause register: sentences split as documented, entries placed in order, coverage
measured, the kit's checks, duties in the checklist and the obligations calendar."""

from __future__ import annotations

import datetime as dt
import json
import types

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from childcare_commissioning.cli import main
from childcare_commissioning.conformance import register_violations
from childcare_commissioning.council import CouncilSpec
from childcare_commissioning.deadlines import Party
from childcare_commissioning.errors import ModelValueError
from childcare_commissioning.model import Citation
from childcare_commissioning.obligations import obligations_between, to_icalendar
from childcare_commissioning.register import (
    Duty,
    Entry,
    EntryStatus,
    Register,
    Sentence,
    Summary,
    _uncovered,
    context,
    coverage,
    not_encoded,
    rule,
    split_sentences,
    summarise,
)
from childcare_commissioning.registry import get_registry, load_registry

TEXT = """3.1.2 Definitions

**Care Leavers:** a person aged 25 or under. They were looked after.
- the Provider will keep a record of every visit;
Meaning
See [the “policy”](http://example.org) – it applies e.g. to all staff. 2 more words here.
"""


def _testshire() -> CouncilSpec:
    return load_registry(only=["testshire"]).council("testshire").spec


def test_sentences_are_split_as_documented() -> None:
    """Worked by hand from the rules in the module docstring: the heading (2 words) and
    'Meaning' (1 word) are labels; 'Care Leavers: a person...' breaks before 'They'; the
    list item is one sentence; the last line's link and emphasis are removed, quotes and the
    dash made plain, and it breaks before the digit '2' but not inside 'e.g. to'."""
    sentences, document = split_sentences(TEXT)
    assert [
        (3, "Care Leavers: a person aged 25 or under."),
        (3, "They were looked after."),
        (4, "- the Provider will keep a record of every visit;"),
        (6, 'See the "policy" - it applies e.g. to all staff.'),
        (6, "2 more words here."),
    ] == [(s.line, s.text) for s in sentences]
    assert [1, 2, 3, 4, 5] == [s.number for s in sentences]
    # Offsets point into the case-folded document.
    assert all(document[s.start : s.end] == s.text.casefold() for s in sentences)


def test_list_items_and_table_cells_count_however_short() -> None:
    """Worked from rules 4-6: '- Neglect' is a list item and '\tMeaning', '\t425' table
    cells, so each is a sentence; '\t%' has no letter or digit; 'a.' stays with
    'Safeguarding' (one item, not a lone enumerator and a dropped word); '1. INTRODUCTION'
    is a heading in capitals; '### Retention' and 'Short heading' are two-word labels."""
    text = (
        "3.1.2 Definitions\n- Neglect\n\tMeaning\n\t425\n\t%\na. Safeguarding\n"
        "1. INTRODUCTION\n### Retention\nShort heading\n- available immediately\n"
    )
    sentences, _ = split_sentences(text)
    assert [
        (2, "- Neglect"),
        (3, "Meaning"),
        (4, "425"),
        (6, "a. Safeguarding"),
        (10, "- available immediately"),
    ] == [(s.line, s.text) for s in sentences]


def test_a_sentence_left_out_is_reported_with_its_line() -> None:
    """Entries for lines 3 and 6 only: the list item on line 4 is the one gap."""
    register = Register(
        (
            context("3.1.2", "Care Leavers:", "They were looked after."),
            context("3.1.2", "See the", "2 more words here."),
        ),
        package="childcare_commissioning_testshire",
    )
    result = coverage(register, TEXT)
    assert (5, 4) == (result.sentences, result.covered)
    [gap] = result.uncovered
    assert (4, 3) == (gap.line, gap.number)
    assert pytest.approx(80.0) == result.percent


def test_an_entry_touching_part_of_a_sentence_covers_it() -> None:
    """A start quote from the middle of a sentence is enough to cover that sentence, and
    a span from 'aged 25' to 'keep a record' touches the first three sentences."""
    register = Register(
        (not_encoded("3.1.2", "aged 25", "keep a record", "for the test"),),
        package="childcare_commissioning_testshire",
    )
    assert 3 == coverage(register, TEXT).covered


def test_entries_follow_the_text_in_order() -> None:
    """A start quote that only occurs before the previous entry is a problem, named."""
    register = Register(
        (
            context("6", "See the"),
            context("3", "They were looked after."),
        ),
        package="childcare_commissioning_testshire",
    )
    [problem] = coverage(register, TEXT).problems
    assert "'They were looked after.'" in problem
    assert "occurs earlier" in problem


def test_a_missing_end_quote_is_a_problem() -> None:
    register = Register(
        (context("3", "Care Leavers", "not in the text"),),
        package="childcare_commissioning_testshire",
    )
    [problem] = coverage(register, TEXT).problems
    assert "end quote 'not in the text' not found" in problem


def test_testshire_accounts_for_every_sentence() -> None:
    """Testshire's invented text has 28 sentences (counted by hand: 2 title lines, 2 in
    §1, 2 in §2, 2 in §3, 3 in §4, 2 in §5, 5 in §6 (two on the quarterly KPI report since
    #24), 3 in §7, 2 in §8, 2 in §9, 1 in §10, 2 in Appendix A; the 12 headings are
    labels) and all are covered; the two KPI sentences are two more rule entries."""
    register = _testshire().register
    assert register is not None
    result = coverage(register)
    assert (28, 28, ()) == (result.sentences, result.covered, result.problems)
    assert {"rule": 9, "duty": 3, "definition": 2, "context": 3, "not-encoded": 1} == (
        result.by_status
    )


def test_testshire_in_three_numbers() -> None:
    """Worked by hand from the text and the entries: computed are §2 (2), §3 (2), §4 (3),
    §5 (2), §6's meetings, monitoring return and KPI (3), §7 (3), §8's DBS check (1) and §9
    (2) = 18; on the checklist §6's safeguarding policy and family rating (2) and §8's no
    smoking (1) = 3; not decided §10 (1); context the title (2), §1 (the service's
    definition and its history, 2) and Appendix A (2) = 6. 18 + 3 + 1 + 6 = 28."""
    register = _testshire().register
    assert register is not None
    assert Summary(28, 18, 3, 1, 6, 0) == summarise(register)


def test_the_kit_lists_each_uncovered_sentence() -> None:
    """Drop the no-smoking entry: the kit names its sentence (line 34 of the text) and
    the duty that no entry reaches any more."""
    spec = _testshire()
    assert spec.register is not None
    entries = tuple(e for e in spec.register.entries if "duties/no-smoking" not in e.rules)
    broken = attrs.evolve(spec, register=attrs.evolve(spec.register, entries=entries))
    found = [(v.check, v.rule_id) for v in register_violations(broken)]
    assert [("register", "duties/no-smoking"), ("coverage", "line 34")] == found
    coverage_violation = register_violations(broken)[-1]
    assert "Staff will not smoke in a family's home." in coverage_violation.message


def test_the_kit_refuses_an_entry_naming_an_unknown_rule() -> None:
    spec = _testshire()
    assert spec.register is not None
    wrong = rule("8 Staff", "Every worker needs", None, "workforce/dbs", "workforce/typo")
    entries = tuple(
        wrong if e.start == "Every worker needs an enhanced DBS" else e
        for e in spec.register.entries
    )
    broken = attrs.evolve(spec, register=attrs.evolve(spec.register, entries=entries))
    [violation] = register_violations(broken)
    assert ("register/8 Staff", "register") == (violation.rule_id, violation.check)
    assert "'workforce/typo'" in violation.message


def test_entries_validate_their_status() -> None:
    """A rule entry names ids, a duty entry names duties, a not-encoded entry says why."""
    with pytest.raises(ModelValueError, match="must name the rule ids"):
        Entry("1", "x", EntryStatus.RULE)
    with pytest.raises(ModelValueError, match="names its duties/<id>"):
        Entry("1", "x", EntryStatus.DUTY, rules=("deadlines/x",))
    with pytest.raises(ModelValueError, match="names its duties/<id>"):
        Entry("1", "x", EntryStatus.DUTY, rules=("outcomes/x",))  # an outcome needs its duty
    with pytest.raises(ModelValueError, match="names its duties/<id>"):
        Entry("1", "x", EntryStatus.DUTY, rules=("duties/x", "deadlines/y"))
    both = Entry("1", "x", EntryStatus.DUTY, rules=("duties/outcome-x", "outcomes/x"))
    assert ("duties/outcome-x", "outcomes/x") == both.rules
    with pytest.raises(ModelValueError, match="needs a reason"):
        not_encoded("1", "x", None, "  ")


def test_a_scheduled_duty_is_in_the_obligations_calendar_and_ics() -> None:
    """Testshire's yearly safeguarding-policy review from a 1 April 2025 start falls on
    1 April 2026 (every 1 year from the start); the no-smoking duty has no date."""
    spec = _testshire()
    found = obligations_between(
        spec.all_obligations(), dt.date(2025, 4, 1), dt.date(2025, 4, 1), dt.date(2026, 4, 30)
    )
    duties = [o for o in found if o.kind == "duty"]
    assert [("duty-safeguarding-policy-review", dt.date(2026, 4, 1))] == [
        (o.obligation_id, o.due_date) for o in duties
    ]
    ics_bytes = to_icalendar(
        duties,
        council_id="testshire",
        council_name="Testshire",
        generated_at=dt.datetime(2025, 1, 1, tzinfo=dt.UTC),
    )
    ics = ics_bytes.decode().replace("\r\n ", "")  # unfold RFC 5545 lines
    assert "SUMMARY:Review the safeguarding policy and share it with the Council (provider)" in (
        ics
    )


def test_a_duty_without_schedule_is_no_obligation() -> None:
    duty = Duty(
        "x",
        "Keep a record",
        Party.PROVIDER,
        "the Council",
        "the record",
        "May I see the record?",
        Citation("t", "1", "q"),
    )
    assert duty.as_obligation() is None


def test_clauses_summary_json_has_one_object_per_council(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """With Testshire alone: one object, 28 of 28 (26 sentences and, since #24, two on
    its quarterly KPI report), exit 0."""
    monkeypatch.setenv("CHILDCARE_COMMISSIONING_PLUGINS", "testshire")
    get_registry.cache_clear()
    try:
        assert 0 == main(["clauses", "--summary", "--format", "json"])
    finally:
        get_registry.cache_clear()
    [summary] = json.loads(capsys.readouterr().out)
    assert "testshire" == summary["id"]
    assert (28, 28) == (summary["sentences"], summary["covered"])
    assert 3 == summary["by_status"]["duty"]
    # The three numbers, worked in test_testshire_in_three_numbers.
    assert {"computed": 18, "checklist": 3, "not_decided": 1, "context": 6} == {
        k: summary[k] for k in ("computed", "checklist", "not_decided", "context")
    }


def test_clauses_summary_table_shows_the_three_numbers(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The table has a column for each number: Testshire's row reads 18, 3, 1, 6."""
    monkeypatch.setenv("CHILDCARE_COMMISSIONING_PLUGINS", "testshire")
    get_registry.cache_clear()
    try:
        assert 0 == main(["clauses", "--summary", "--format", "csv"])
    finally:
        get_registry.cache_clear()
    header, row = capsys.readouterr().out.strip().splitlines()
    assert header.startswith("council,sentences,covered,coverage,computed,on the checklist,")
    assert row.startswith("testshire,28,28,100.0 %,18,3,1,6,")


def test_clauses_summary_exits_1_while_a_council_has_gaps(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Every council is listed; one without a full register makes the exit status 1."""
    status = main(["clauses", "--summary", "--format", "json"])
    summaries = json.loads(capsys.readouterr().out)
    complete = all(s["covered"] == s["sentences"] for s in summaries)
    assert (0 if complete else 1) == status
    assert "testshire" in {s["id"] for s in summaries}


def test_clauses_lists_entries_by_status(capsys: pytest.CaptureFixture[str]) -> None:
    assert 0 == main(["clauses", "--council", "testshire", "--status", "duty", "--format", "json"])
    entries = json.loads(capsys.readouterr().out)
    assert [
        ["duties/safeguarding-policy-review"],
        ["duties/outcome-family-rating", "outcomes/family-rating"],
        ["duties/no-smoking"],
    ] == [e["rules"] for e in entries]
    # §8's no-smoking duty spans one sentence.
    assert 1 == len(entries[2]["sentences"])


def test_councils_json_carries_coverage(capsys: pytest.CaptureFixture[str]) -> None:
    assert 0 == main(["councils", "--format", "json"])
    councils = {c["id"]: c for c in json.loads(capsys.readouterr().out)}
    assert 100.0 == councils["testshire"]["coverage"]["percent"]


def test_duties_checklist_csv_and_markdown(capsys: pytest.CaptureFixture[str]) -> None:
    assert 0 == main(["duties", "--council", "testshire", "--format", "csv"])
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("id,duty,owed by,owed to,evidence,question")
    # A header and three duties: no smoking, the policy review, the family rating.
    assert 4 == len(lines)
    assert lines[3].startswith("outcome-family-rating,How families rate the service,")
    assert 0 == main(["duties", "--council", "testshire", "--format", "md"])
    md = capsys.readouterr().out
    assert "- [ ] **Staff do not smoke in a family's home**" in md
    assert "Ask: How do you make sure staff never smoke" in md


def test_duties_for_an_unknown_service_is_a_usage_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert 2 == main(["duties", "--council", "testshire", "--service", "nope"])
    assert "known: outreach" in capsys.readouterr().err


def test_checklist_csv_neutralises_formulas(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A duty whose text begins with '=' or '-' (a careless or hostile plugin) is written
    to the checklist CSV as text (prefixed with '), not as a formula."""
    from childcare_commissioning.cli import clausescmd

    spec = _testshire()
    hostile = attrs.evolve(spec.duties[0], title="=HYPERLINK(1)", evidence="-1")
    council = types.SimpleNamespace(
        id="testshire",
        spec=attrs.evolve(spec, duties=(hostile,)),
        distribution="d",
        version="0",
    )
    monkeypatch.setattr(clausescmd, "_council", lambda args: council)
    assert 0 == main(["duties", "--council", "testshire", "--format", "csv"])
    [_, row] = capsys.readouterr().out.splitlines()
    assert row.startswith("no-smoking,'=HYPERLINK(1),provider,families and the Council,'-1,")


def test_each_plugin_readme_states_its_three_numbers() -> None:
    """Each council plugin's README says its text in three numbers, and they are the
    register's own (so a README cannot drift from the register)."""
    import re
    from pathlib import Path

    plugins = Path(__file__).resolve().parent.parent / "plugins"
    checked = 0
    for council in get_registry().councils():
        readme = plugins / council.id / "README.md"
        if not readme.exists() or council.spec.register is None:
            continue
        text = " ".join(readme.read_text(encoding="utf-8").split())
        three = summarise(council.spec.register)
        pattern = (
            rf"Of the {three.sentences} sentences .*\*\*{three.computed} computed\*\*.*"
            rf"\*\*{three.checklist} on the monitoring checklist\*\*.*"
            rf"\*\*{three.not_decided} not decided\*\*.*plus {three.context} of context"
        )
        assert re.search(pattern, text), council.id
        checked += 1
    assert checked >= 5


_SPANS = st.lists(
    st.tuples(st.integers(0, 60), st.integers(0, 20)).map(lambda p: (p[0], p[0] + p[1])),
    max_size=8,
)


@settings(max_examples=200, deadline=None)
@given(
    spans=_SPANS,
    bounds=st.lists(st.tuples(st.integers(0, 60), st.integers(1, 15)), min_size=1, max_size=8),
)
def test_uncovered_sentences_are_those_no_span_overlaps(
    spans: list[tuple[int, int]], bounds: list[tuple[int, int]]
) -> None:
    """The merged-runs search finds exactly the sentences that no span overlaps, checked
    span by span: a span covers a sentence when it starts before the sentence ends and
    ends after it starts (touching is not overlapping; an empty span inside counts)."""
    sentences = [
        Sentence(n, 1, "words words words", start, start + length)
        for n, (start, length) in enumerate(bounds, start=1)
    ]
    expected = [x for x in sentences if not any(s < x.end and x.start < e for s, e in spans)]
    assert expected == _uncovered(sentences, spans)
