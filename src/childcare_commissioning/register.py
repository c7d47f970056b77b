"""The clause register: an account of a council's whole text, sentence by sentence.

A council's :class:`Register` walks its specification in order. Each :class:`Entry` points
into the text (the clause, a verbatim ``start`` quote and an optional ``end`` quote) and
says what the library does with the sentences it spans:

- ``rule``: computed; ``rules`` names the qualified ids that carry it, at least one of them
  a declaration the library evaluates (a deadline, a dated obligation, a cohort, a limit,
  a requirement, a KPI...: the conformance kit checks it);
- ``duty``: a duty a person must perform that no date or number decides: a checklist item
  with its evidence question; ``rules`` names the :class:`Duty` declarations
  (``duties/no-smoking``), and may name the outcomes (``outcomes/<id>``), the
  trigger-only obligations (``obligations/<id>``) and the lists (``reference_tables/<id>``)
  the checklist item evidences, and the readings (``readings/<id>``) that say how it is
  read;
- ``definition``: a glossary term or a reading (``rules`` may name them);
- ``context``: background with no duty (history, policy, aspirations, local statistics);
  ``rules`` may name the reference tables or services that show it;
- ``not-encoded``: not encoded, and ``reason`` says why (never empty).

**How the text is split into sentences** (:func:`split_sentences`), deterministically:

1. The text is read line by line; every non-blank line is a block (a paragraph, a list
   item, a table cell or row, a heading).
2. Each block is normalised as quotes are (:func:`normalise_text`): markdown links and
   emphasis, HTML tags and escapes removed, typographic quotes and dashes made plain,
   white space collapsed.
3. A block is split into sentences after ``.``, ``!`` or ``?`` followed by white space
   and then a capital letter, a digit, a bracket or a quotation mark.
4. A bare enumerator at the start of a block ("a.", "IV.", "- 1.") is not a sentence of
   its own: it stays with the piece it numbers ("a. Safeguarding").
5. Every list item and table cell is a sentence however short: a block that starts with
   a bullet (``-``, ``*``, ``·``, ``•``) or an enumerator ("a.", "1.", "(iv)"), and a line
   that starts with a tab (a cell of a table the extraction laid out one cell a line),
   counts when it has a letter or a digit ("Neglect", "available immediately", "425").
   An enumerated block in capitals only ("1. INTRODUCTION") is a heading.
6. Any other piece with fewer than three words containing a letter (a heading such as
   "3.1.2 Definitions" or "### Retention") is a label, not a sentence, and needs no entry;
   so is a piece with no letter or digit at all ("%", "-").

**How entries cover sentences** (:func:`coverage`): the normalised sentences are joined
with single spaces into one document. Entries are read in order; each entry's ``start``
is found at or after the previous entry's start (so the register follows the text, and a
phrase that recurs is matched where the reader is), and its ``end`` at or after its start.
The entry spans from the beginning of ``start`` to the end of ``end`` (or of ``start`` when
there is no ``end``). A sentence is covered when any entry's span touches it.
"""

from __future__ import annotations

import bisect
import enum
import functools
import re
from collections.abc import Iterable, Sequence
from importlib import resources
from typing import Any

import attrs

from childcare_commissioning.deadlines import Party
from childcare_commissioning.errors import ModelValueError
from childcare_commissioning.measures import OutcomeMeasure
from childcare_commissioning.model._fields import identifier, non_empty, to_tuple
from childcare_commissioning.model.core import Citation
from childcare_commissioning.obligations import Obligation, ObligationKind
from childcare_commissioning.schedules import Schedule

__all__ = [
    "Computation",
    "Coverage",
    "Duty",
    "Entry",
    "EntryStatus",
    "Register",
    "Sentence",
    "Summary",
    "checklist_duty",
    "context",
    "definition",
    "duty",
    "normalise_text",
    "not_encoded",
    "rule",
    "split_sentences",
    "summarise",
]


def normalise_text(text: str, *, fold: bool = True) -> str:
    """Text as quotes are compared: markup from the extraction removed (markdown links and
    emphasis, HTML tags, escapes), typographic quotes and dashes made plain, white space
    collapsed, and (with ``fold``) case folded. The words themselves are never changed."""
    if "[" in text:
        text = _LINK.sub(r"\1", text)
    if "<" in text:
        text = _TAG.sub(" ", text)
    text = text.replace("**", "").replace("\\", "").translate(_PLAIN)
    text = _SPACE.sub(" ", text).strip()
    return text.casefold() if fold else text


_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_TAG = re.compile(r"</?[a-z]+[^>]*>")
_SPACE = re.compile(r"\s+")
_PLAIN = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-"})


class EntryStatus(enum.StrEnum):
    """What the library does with a stretch of a council's text."""

    RULE = "rule"
    DUTY = "duty"
    DEFINITION = "definition"
    CONTEXT = "context"
    NOT_ENCODED = "not-encoded"


@attrs.frozen
class Duty:
    """A duty a person must perform that no date or number decides.

    ``title`` says what must be done ("Share staff rotas with the Council on request");
    ``owed_by`` who owes it and ``owed_to`` to whom; ``evidence`` what shows it is done;
    ``question`` what a contract manager asks at a monitoring visit. ``services`` narrows it
    to some of the council's services (empty: all). A duty with a ``schedule`` (an annual
    policy review) is also an obligation: it appears in the obligations calendar and its
    iCalendar export (see :meth:`as_obligation`).
    """

    id: str = attrs.field(validator=identifier)
    title: str = attrs.field(validator=non_empty)
    owed_by: Party
    owed_to: str = attrs.field(validator=non_empty)
    evidence: str = attrs.field(validator=non_empty)
    question: str = attrs.field(validator=non_empty)
    citation: Citation
    services: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)
    schedule: Schedule | None = None
    calendar: str = "england-and-wales"

    def as_obligation(self) -> Obligation | None:
        """The duty as a scheduled obligation (id ``duty-<id>``), or ``None`` without a
        schedule."""
        if self.schedule is None:
            return None
        return Obligation(
            f"duty-{self.id}",
            self.title,
            ObligationKind.DUTY,
            self.owed_by,
            self.citation,
            schedule=self.schedule,
            calendar=self.calendar,
            recipient=self.owed_to,
            notes=f"Evidence: {self.evidence}",
        )


def checklist_duty(
    source: Obligation | OutcomeMeasure,
    evidence: str,
    question: str,
    *,
    owed_to: str = "the Council",
    owed_by: Party = Party.PROVIDER,
) -> Duty:
    """The checklist item for an obligation with a trigger and no time, or for an
    outcome no KPI measures: same id and citation, with what evidences it and what a
    contract manager asks. An outcome's service narrows the duty to it."""
    if isinstance(source, Obligation):
        return Duty(
            source.id,
            source.title,
            source.owed_by,
            source.recipient or owed_to,
            evidence,
            question,
            source.citation,
            calendar=source.calendar,
        )
    services = (source.service,) if source.service else ()
    return Duty(
        f"outcome-{source.id}",
        source.outcome,
        owed_by,
        owed_to,
        evidence,
        question,
        source.citation,
        services=services,
    )


@attrs.frozen
class Computation:
    """A rule a plugin computes in code rather than declares as data (Somerset's job sheet,
    Triborough's volumes): named so the register can point at it (``computations/<id>``).

    ``function`` is the dotted path of the function (``package.module:name``).
    """

    id: str = attrs.field(validator=identifier)
    title: str = attrs.field(validator=non_empty)
    function: str = attrs.field(validator=non_empty)
    citation: Citation


_DUTY_NAMES = ("duties/", "outcomes/", "obligations/", "reference_tables/", "readings/")


def _entry_fields(instance: Entry, attribute: attrs.Attribute[Any], value: Any) -> None:
    if instance.status in (EntryStatus.RULE, EntryStatus.DUTY) and not instance.rules:
        raise ModelValueError(
            "rules", "register-entry", f"a {instance.status} entry must name the rule ids"
        )
    if instance.status is EntryStatus.DUTY and (
        not any(r.startswith("duties/") for r in instance.rules)
        or any(not r.startswith(_DUTY_NAMES) for r in instance.rules)
    ):
        raise ModelValueError(
            "rules",
            "register-entry",
            "a duty entry names its duties/<id> and only the outcomes/<id>, "
            "obligations/<id>, reference_tables/<id> or readings/<id> it evidences",
        )
    if instance.status is EntryStatus.NOT_ENCODED and not instance.reason.strip():
        raise ModelValueError("reason", "register-entry", "a not-encoded entry needs a reason")


@attrs.frozen
class Entry:
    """One stretch of the text, from ``start`` to ``end`` (verbatim quotes), and what the
    library does with it. Build entries with :func:`rule`, :func:`duty`,
    :func:`definition`, :func:`context` and :func:`not_encoded`."""

    clause: str = attrs.field(validator=non_empty)
    start: str = attrs.field(validator=non_empty)
    status: EntryStatus
    end: str | None = None
    rules: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)
    reason: str = attrs.field(default="", validator=_entry_fields)
    #: Anything a reader should know: the audit's clause number, why this account differs
    #: from an audit, the reading chosen.
    note: str = ""


def rule(clause: str, start: str, end: str | None, *rules: str, note: str = "") -> Entry:
    """An encoded stretch of text and the qualified ids that carry it."""
    return Entry(clause, start, EntryStatus.RULE, end, rules, note=note)


def duty(clause: str, start: str, end: str | None, *duties: str, note: str = "") -> Entry:
    """A stretch of text that is a duty: name its ``duties/<id>`` declarations (and the
    ``outcomes/<id>`` or trigger-only ``obligations/<id>`` they put on the checklist)."""
    return Entry(clause, start, EntryStatus.DUTY, end, duties, note=note)


def definition(
    clause: str, start: str, end: str | None = None, *terms: str, note: str = ""
) -> Entry:
    """A definition; may name the ``glossary/<term>`` or ``readings/<id>`` carrying it."""
    return Entry(clause, start, EntryStatus.DEFINITION, end, terms, note=note)


def context(clause: str, start: str, end: str | None = None, *shown: str, note: str = "") -> Entry:
    """Background with no duty: history, policy context, aspirations, local statistics;
    may name the ``reference_tables/<id>`` or ``services/<id>`` that show it."""
    return Entry(clause, start, EntryStatus.CONTEXT, end, shown, note=note)


def not_encoded(clause: str, start: str, end: str | None, reason: str, *, note: str = "") -> Entry:
    """A stretch of text the library does not encode, and why."""
    return Entry(clause, start, EntryStatus.NOT_ENCODED, end, reason=reason, note=note)


@attrs.frozen
class Register:
    """A council's account of its whole text: ``entries`` in the text's order, and where
    the text itself is shipped (``package`` and ``resource``, read through
    :mod:`importlib.resources`, so a plugin carries its own text)."""

    entries: tuple[Entry, ...] = attrs.field(converter=to_tuple)
    package: str = attrs.field(validator=non_empty)
    resource: str = "specification.txt"

    def text(self) -> str:
        """The specification's text as shipped with the plugin."""
        return _read_text(self.package, self.resource)


@functools.cache
def _read_text(package: str, resource: str) -> str:
    return resources.files(package).joinpath(resource).read_text(encoding="utf-8")


@attrs.frozen
class Sentence:
    """One sentence of a text: its number (from 1), the line it is on (from 1), its
    normalised text, and where it sits in the normalised, case-folded document."""

    number: int
    line: int
    text: str
    start: int
    end: int


_BREAK = re.compile(r"(?<=[.!?])\s+(?=[\"'(\[]?[A-Z0-9])")
_WORD = re.compile(r"\S*[^\W\d_]\S*")
_ENUMERATOR = r"(?:\d{1,2}|[a-z]|[ivxlc]{1,5})[.)]|\((?:\d{1,2}|[a-z]|[ivxlc]{1,5})\)"
_BARE_ENUMERATOR = re.compile(rf"[-*·•]?\s*(?:{_ENUMERATOR})", re.IGNORECASE)
_LIST_ITEM = re.compile(rf"(?:[-*·•]|(?:{_ENUMERATOR})(?=\s))", re.IGNORECASE)
_ALNUM = re.compile(r"[^\W_]")


def _pieces(block: str) -> list[str]:
    """The block split at sentence ends, a bare enumerator kept with what it numbers."""
    pieces: list[str] = []
    for piece in _BREAK.split(block):
        if pieces and _BARE_ENUMERATOR.fullmatch(pieces[-1]):
            pieces[-1] = f"{pieces[-1]} {piece}"
        else:
            pieces.append(piece)
    return pieces


def _counts(piece: str, item: bool) -> bool:
    """Whether ``piece`` is a sentence (rules 5 and 6 of the module docstring)."""
    if not _ALNUM.search(piece):
        return False
    if item:
        return True
    return len(_WORD.findall(piece)) >= 3


def _is_item(line: str, block: str) -> bool:
    """A list item or a table cell (rule 5): bullets and enumerators, tab-led lines."""
    if line.startswith("\t"):
        return True
    marker = _LIST_ITEM.match(block)
    if marker is None:
        return False
    if marker.group() in "-*·•":
        return True
    return block.upper() != block  # "1. INTRODUCTION" is a heading


def split_sentences(text: str) -> tuple[list[Sentence], str]:
    """The sentences of ``text`` and the normalised, case-folded document they sit in
    (see the module docstring for the rules)."""
    sentences, document = _split(text)
    return list(sentences), document


@functools.lru_cache(maxsize=16)
def _split(text: str) -> tuple[tuple[Sentence, ...], str]:
    """:func:`split_sentences`, once per text (coverage, the entries' sentences and the
    three numbers of one council each ask for it; sentences are immutable)."""
    sentences: list[Sentence] = []
    parts: list[str] = []
    offset = 0
    for line_number, line in enumerate(text.splitlines(), start=1):
        block = normalise_text(line, fold=False)
        if not block:
            continue
        item = _is_item(line, block)
        for piece in _pieces(block):
            folded = piece.casefold()
            if parts:
                offset += 1  # the joining space
            start, offset = offset, offset + len(folded)
            parts.append(folded)
            if _counts(piece, item):
                sentences.append(Sentence(len(sentences) + 1, line_number, piece, start, offset))
    return tuple(sentences), " ".join(parts)


@attrs.frozen
class Coverage:
    """How much of a text a register accounts for.

    ``uncovered`` lists the sentences no entry touches; ``problems`` entries whose quotes
    could not be found (each names the entry's clause and quote).
    """

    sentences: int
    covered: int
    by_status: dict[str, int]
    uncovered: tuple[Sentence, ...]
    problems: tuple[str, ...]
    spans: tuple[tuple[Entry, int, int], ...] = attrs.field(repr=False)

    @property
    def percent(self) -> float:
        """Sentences accounted for, as a percentage (100 for an empty text)."""
        return 100.0 if not self.sentences else 100.0 * self.covered / self.sentences


def locate(
    entries: Sequence[Entry], document: str
) -> tuple[list[tuple[Entry, int, int]], list[str]]:
    """Each entry's span in ``document`` (start and end offsets), and the entries that
    could not be placed, in words."""
    spans: list[tuple[Entry, int, int]] = []
    problems: list[str] = []
    cursor = 0
    for entry in entries:
        start_quote = normalise_text(entry.start)
        where = document.find(start_quote, cursor)
        if where < 0:
            anywhere = document.find(start_quote)
            hint = (
                "it occurs earlier: entries follow the text's order"
                if anywhere >= 0
                else "it is not in the text"
            )
            problems.append(f"{entry.clause}: start quote {entry.start!r} not found ({hint})")
            continue
        cursor = where
        end = where + len(start_quote)
        if entry.end is not None:
            end_quote = normalise_text(entry.end)
            found = document.find(end_quote, where)
            if found < 0:
                problems.append(
                    f"{entry.clause}: end quote {entry.end!r} not found after its start quote"
                )
                continue
            end = max(end, found + len(end_quote))
        spans.append((entry, where, end))
    return spans, problems


def _uncovered(sentences: Sequence[Sentence], spans: Iterable[tuple[int, int]]) -> list[Sentence]:
    """The sentences no span overlaps (a span ``(start, end)`` overlaps a sentence when
    it starts before the sentence ends and ends after it starts)."""
    # The spans merged into disjoint runs: a sentence is covered when the first run that
    # ends after the sentence starts also starts before the sentence ends (one binary
    # search per sentence, not a pass over every span).
    runs: list[list[int]] = []
    for start, end in sorted(spans):
        if runs and start < runs[-1][1]:
            runs[-1][1] = max(runs[-1][1], end)
        else:
            runs.append([start, end])
    ends = [end for _, end in runs]
    uncovered = []
    for sentence in sentences:
        index = bisect.bisect_right(ends, sentence.start)
        if index == len(runs) or runs[index][0] >= sentence.end:
            uncovered.append(sentence)
    return uncovered


def coverage(register: Register, text: str | None = None) -> Coverage:
    """How much of ``text`` (default: the register's own shipped text) the register
    accounts for."""
    sentences, document = split_sentences(register.text() if text is None else text)
    spans, problems = locate(register.entries, document)
    uncovered = _uncovered(sentences, [(start, end) for _, start, end in spans])
    by_status = {status.value: 0 for status in EntryStatus}
    for entry in register.entries:
        by_status[entry.status.value] += 1
    return Coverage(
        len(sentences),
        len(sentences) - len(uncovered),
        by_status,
        tuple(uncovered),
        tuple(problems),
        tuple(spans),
    )


def covering(register: Register, text: str | None = None) -> list[tuple[Entry, list[Sentence]]]:
    """Every entry of the register with the sentences it spans, in order (entries whose
    quotes are not found get none)."""
    sentences, document = split_sentences(register.text() if text is None else text)
    spans, _ = locate(register.entries, document)
    placed = {id(entry): (start, end) for entry, start, end in spans}
    result: list[tuple[Entry, list[Sentence]]] = []
    for entry in register.entries:
        if id(entry) not in placed:
            result.append((entry, []))
            continue
        start, end = placed[id(entry)]
        result.append((entry, [s for s in sentences if s.start < end and start < s.end]))
    return result


def duties_for(duties: Iterable[Duty], service: str | None) -> list[Duty]:
    """The duties that apply to ``service`` (all of them when ``service`` is ``None``)."""
    return [d for d in duties if service is None or not d.services or service in d.services]


@attrs.frozen
class Summary:
    """A council's text in three numbers, plus context: sentences ``computed`` (touched by
    a ``rule`` entry), on the ``checklist`` (a ``duty`` entry and no rule), ``not_decided``
    (``not-encoded`` only, each entry with its reason), and ``context`` (context or
    definition only). ``uncovered`` sentences belong to no entry; the five add up to
    ``sentences``."""

    sentences: int
    computed: int
    checklist: int
    not_decided: int
    context: int
    uncovered: int


#: A sentence touched by several entries counts under the first of these it has.
_PRECEDENCE = (EntryStatus.RULE, EntryStatus.DUTY, EntryStatus.NOT_ENCODED)


def summarise(register: Register, text: str | None = None) -> Summary:
    """The register's :class:`Summary` of ``text`` (default: its own shipped text)."""
    sentences, _ = split_sentences(register.text() if text is None else text)
    labels: dict[int, set[EntryStatus]] = {s.number: set() for s in sentences}
    for entry, touched in covering(register, text):
        for sentence in touched:
            labels[sentence.number].add(entry.status)
    counts = dict.fromkeys((*_PRECEDENCE, EntryStatus.CONTEXT), 0)
    uncovered = 0
    for statuses in labels.values():
        if not statuses:
            uncovered += 1
            continue
        first = next((s for s in _PRECEDENCE if s in statuses), EntryStatus.CONTEXT)
        counts[first] += 1
    return Summary(
        len(sentences),
        counts[EntryStatus.RULE],
        counts[EntryStatus.DUTY],
        counts[EntryStatus.NOT_ENCODED],
        counts[EntryStatus.CONTEXT],
        uncovered,
    )
