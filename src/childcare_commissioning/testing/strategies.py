"""Hypothesis strategies for every model class.

Every new model joins :data:`MODELS`; the core's tests check that none is missing and that
each round-trips through JSON.
"""

from __future__ import annotations

import datetime as dt
import string
from typing import Any
from zoneinfo import ZoneInfo

from hypothesis import strategies as st

from childcare_commissioning import model as m

ids = st.text(string.ascii_lowercase + string.digits, min_size=1, max_size=8)
texts = st.text(min_size=1, max_size=20).filter(lambda s: s.strip() != "")
dates = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2040, 12, 31))
aware_datetimes = st.datetimes(
    # Hypothesis takes naive bounds and applies `timezones` itself.
    min_value=dt.datetime(2000, 1, 1),  # noqa: DTZ001
    max_value=dt.datetime(2040, 12, 31),  # noqa: DTZ001
    timezones=st.sampled_from([dt.UTC, ZoneInfo("Europe/London")]),
)
decimals = st.decimals(min_value=0, max_value=1000, places=2, allow_nan=False)


def optional(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.none() | strategy


citations = st.builds(m.Citation, texts, texts, texts, optional(texts))
findings = st.builds(
    m.Finding, st.sampled_from(m.Severity), texts, texts, texts, optional(citations)
)
people = st.builds(
    m.ChildOrYoungPerson,
    id=texts,
    date_of_birth=optional(dates),
    name=optional(texts),
    address=optional(texts),
    gender=optional(texts),
    ethnicity=optional(texts),
    statuses=st.frozensets(st.sampled_from(m.Status)),
    area=optional(ids),
)
referrers = st.builds(
    m.Referrer, texts, optional(texts), optional(texts), optional(texts), optional(texts)
)
referrals = st.builds(
    m.Referral,
    id=texts,
    received_at=aware_datetimes,
    urgency=st.sampled_from(m.Urgency),
    referrer=referrers,
    child=people,
    council=optional(ids),
    service=optional(ids),
    route=optional(texts),
    channel=optional(st.sampled_from(m.Channel)),
    requested_services=st.lists(texts, max_size=3),
    risks=st.lists(texts, max_size=3),
    information=st.dictionaries(ids, texts, max_size=3),
)
ratios = st.builds(m.StaffRatio, st.integers(1, 4), st.integers(1, 4))


@st.composite
def packages(draw: st.DrawFn) -> m.Package:
    start = draw(dates)
    end = draw(optional(dates.filter(lambda d: d >= start)))
    return m.Package(
        id=draw(texts),
        council=draw(ids),
        child_id=draw(texts),
        start=start,
        end=end,
        service=draw(optional(ids)),
        purchase_order=draw(optional(texts)),
        hours_per_week=draw(optional(decimals)),
        staff_ratio=draw(optional(ratios)),
        lot=draw(optional(texts)),
        category=draw(optional(texts)),
    )


areas = st.builds(m.Area, ids, texts, texts, optional(citations))
services = st.builds(m.Service, ids, texts, texts, citations)
glossary_terms = st.builds(m.GlossaryTerm, texts, texts, citations)
readings = st.builds(m.Reading, ids, texts, texts, citations)


@st.composite
def specifications(draw: st.DrawFn) -> m.Specification:
    start = draw(dates)
    end = draw(optional(dates.filter(lambda d: d >= start)))
    return m.Specification(draw(texts), draw(texts), start, end, draw(optional(texts)))


def _unique(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[list[Any]]:
    return st.lists(strategy, max_size=3, unique_by=lambda item: item.id)


council_specs = st.builds(
    m.CouncilSpec,
    id=ids,
    name=texts,
    specification=specifications(),
    citation=citations,
    commissioners=st.lists(texts, max_size=3),
    areas=_unique(areas),
    services=_unique(services),
    glossary=st.lists(glossary_terms, max_size=2),
    readings=_unique(readings),
)

MODELS: dict[type, st.SearchStrategy[Any]] = {
    m.Citation: citations,
    m.Finding: findings,
    m.ChildOrYoungPerson: people,
    m.Referrer: referrers,
    m.Referral: referrals,
    m.StaffRatio: ratios,
    m.Package: packages(),
    m.Area: areas,
    m.Service: services,
    m.GlossaryTerm: glossary_terms,
    m.Reading: readings,
    m.Specification: specifications(),
    m.CouncilSpec: council_specs,
}
