"""Organisations known by identity, not by one spelling.

A council names itself, and the texts name its departments ("Children, Young People and
Families"), while a case system records a referrer's organisation however its author
wrote it: "Plymouth City Council", "plymouth city council (Children, Young People and
Families)", "Children's Social Care, Plymouth City Council". An :class:`Organisation` the
council declares says which of these are the same body: its name, the other names it goes
by (``aliases``) and its parts (``departments``). A recorded name is the organisation when
it is, ignoring case, spacing, punctuation and "&"/"and":

- its name or an alias;
- one of its declared departments on its own;
- its name or an alias with a part named beside it, set off by a bracket, dash, comma,
  colon or slash ("Plymouth City Council (Out of Hours service)", "Out of Hours service,
  Plymouth City Council"): the departments and teams of an organisation are that
  organisation, declared or not.

A name that merely starts with the organisation's name ("Plymouth City Council Housing
Association") is not it.
"""

from __future__ import annotations

import re

import attrs

from childcare_commissioning.model._fields import identifier, non_empty, to_frozenset
from childcare_commissioning.model.core import Citation

__all__ = ["Organisation", "same_name"]

_SEPARATORS = "(-\u2013\u2014,:/"


def _normal(text: str) -> str:
    """``text`` casefolded, "&" read as "and", apostrophes dropped, every other run of
    non-alphanumerics one space."""
    text = text.casefold().replace("&", " and ").replace("'", "").replace("\u2019", "")
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


def same_name(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` are the same name, ignoring case, spacing and punctuation."""
    return _normal(a) == _normal(b) != ""


def _beside(text: str, name: str) -> bool:
    """Whether ``text`` is ``name`` with a part set off beside it by a separator."""
    pattern = r"\W+".join(re.escape(word) for word in _normal(name).split())
    folded = text.casefold().replace("&", " and ")
    for found in re.finditer(rf"(?<!\w){pattern}(?!\w)", folded):
        before, after = folded[: found.start()].strip(), folded[found.end() :].strip()
        if not before and after and after[0] in _SEPARATORS and _normal(after):
            return True
        if not after and before and before[-1] in _SEPARATORS and _normal(before):
            return True
        if before and after and before[-1] == "(" and after[0] == ")":
            return True
    return False


@attrs.frozen
class Organisation:
    """An organisation a council's rules name (who may refer, who is contacted), with
    every name by which the same body is recorded."""

    id: str = attrs.field(validator=identifier)
    name: str = attrs.field(validator=non_empty)
    citation: Citation
    aliases: frozenset[str] = attrs.field(default=frozenset(), converter=to_frozenset)
    departments: frozenset[str] = attrs.field(default=frozenset(), converter=to_frozenset)
    notes: str = ""

    @property
    def names(self) -> frozenset[str]:
        """The name and the aliases."""
        return self.aliases | {self.name}

    def named(self, text: str) -> bool:
        """Whether ``text`` names this organisation as a whole (its id, name or an alias)."""
        return same_name(text, self.id) or any(same_name(text, n) for n in self.names)

    def recognises(self, text: str | None) -> bool:
        """Whether a recorded organisation ``text`` is this organisation or a part of it."""
        if text is None or not _normal(text):
            return False
        if any(same_name(text, n) for n in self.names | self.departments):
            return True
        return any(_beside(text, n) for n in self.names)
