"""Plymouth: the account of the text in ``register.py``: every sentence, list item and
table cell accounted for, and each audit clause reached by an entry."""

from __future__ import annotations

from childcare_commissioning_plymouth import SPEC

from childcare_commissioning.conformance import check_council
from childcare_commissioning.register import EntryStatus, covering

#: The audit's (2026-12, 1.5) operational list items of one or two words that the splitter
#: dropped: 16 training subjects, 5 Council documents, a role, a statute, 11 approaches,
#: 6 services and outcome examples, a place and a partner (the guidance URL on line 368 is
#: neither a list item nor a table cell: a one-word line, still a label).
SHORT_ITEMS = {
    386: "- Safeguarding Adults",
    419: "- Behaviour Management:",
    428: "- Eating disorders",
    432: "- Gender Identity",
    435: "- Neglect",
    436: "- Physical Abuse",
    440: "- Sexual Abuse",
    441: "- Self-harm",
    443: "- Suicide Prevention",
    444: "- Young Carers",
    453: "- Makaton",
    456: "- Food hygiene",
    465: "- Continence care",
    472: "- Suction",
    473: "- Tracheotomy care",
    474: "- Ventilation training",
    216: "- Chronology",
    217: "- Delegated Authority",
    219: "- Medical Consent",
    222: "- Risk Assessment",
    223: "- Single Assessment",
    362: "- Youth Worker.",
    552: "- Children Act 1989",
    83: "- Attachment theory",
    85: "- Mindfulness",
    86: "- Motivational interviewing",
    89: "- Incredible Years",
    90: "- Parenting Puzzle",
    92: "- Solihull",
    93: "- Strengthening Families",
    94: "- Take 3",
    95: "- Therapeutic Parenting",
    98: "- Role modelling",
    100: "- Systemic practice",
    159: "- Education",
    160: "- Health",
    162: "- Young Carers",
    526: "- Education",
    527: "- Health professionals",
    529: "- Young Carers",
    289: "- hospital;",
    305: "- Police",
}


def test_short_list_items_are_sentences_each_carried_by_an_operational_entry() -> None:
    """Each of the 42 items is now a sentence of the register (on its own line, with its
    own text), and the entry covering it is a rule, a duty or not-encoded: none is left to
    context, and the register still covers the whole text."""
    from childcare_commissioning.register import EntryStatus, coverage

    assert SPEC.register is not None
    status_of: dict[tuple[int, str], set[EntryStatus]] = {}
    for entry, sentences in covering(SPEC.register):
        for sentence in sentences:
            status_of.setdefault((sentence.line, sentence.text), set()).add(entry.status)
    for line, text in SHORT_ITEMS.items():
        statuses = status_of.get((line, text))
        assert statuses, f"line {line} {text!r} is not a sentence of the register"
        assert statuses - {EntryStatus.CONTEXT, EntryStatus.DEFINITION}, (line, text)
    result = coverage(SPEC.register)
    assert result.sentences == result.covered


def test_every_audit_clause_is_named_in_a_note() -> None:
    """Each of the audit's 120 operational clauses appears in some entry's note (single,
    'C39-C40' ranges and 'C34-C37' ranges expanded), and no entry for one of them is
    context."""
    import re

    named: set[int] = set()
    for entry in SPEC.register.entries:  # type: ignore[union-attr]
        for first, last in re.findall(r"C(\d{2,3})(?:-C(\d{2,3}))?", entry.note):
            numbers = range(int(first), int(last or first) + 1)
            named |= set(numbers)
            assert entry.status is not EntryStatus.CONTEXT, entry.note
    assert set(range(1, 121)) - named == set()


def test_the_kit_finds_nothing_wrong() -> None:
    """The conformance kit over the whole declaration: citations, register, coverage."""
    assert [] == [str(v) for v in check_council(SPEC)]
