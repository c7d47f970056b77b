"""The council pages' pictures, drawn from the declarations, and the month page."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from childcare_commissioning.handbook.markdown import cell, cite
from childcare_commissioning.handbook.pictures import Picture, council_pictures
from childcare_commissioning.handbook.this_month import this_month
from childcare_commissioning.model import Citation
from childcare_commissioning.registry import get_registry

SVG = "{http://www.w3.org/2000/svg}"


def _pictures(council: str) -> dict[str, Picture]:
    registry = get_registry()
    return {p.name: p for p in council_pictures(registry, registry.council(council))}


def _texts(picture: Picture) -> list[str]:
    """Every line of text the picture shows, in drawing order."""
    root = ET.fromstring(picture.svg)
    return [span.text or "" for span in root.iter(f"{SVG}tspan")]


def test_every_picture_is_offline_svg() -> None:
    """Each picture is one SVG document with a title: no script, no reference to a file or
    address outside itself (it shows opened as a file, with no network)."""
    for council in get_registry().councils():
        for picture in _pictures(council.id).values():
            root = ET.fromstring(picture.svg)
            assert root.tag == f"{SVG}svg"
            assert root.find(f"{SVG}title") is not None
            assert "<script" not in picture.svg
            assert not re.search(r"(href|src)=\"(https?:|//)", picture.svg)
            assert picture.alt.startswith(council.name)


def test_derby_referral_clock_in_due_order() -> None:
    """Derby 3.3.1: an urgent or emergency offer within 1 hour, a standard one within 24
    hours. From the example Mon 6 Jan 2025 10:00 (GMT, a working day): 1 hour is 11:00
    the same day, 24 hours is Tue 7 Jan 10:00, so the two 1-hour offers come first."""
    texts = " ".join(_texts(_pictures("derby")["referral"]))
    assert texts.count("due Mon 6 Jan 2025 11:00 (GMT)") == 2
    assert texts.count("due Tue 7 Jan 2025 10:00 (GMT)") == 1
    assert texts.index("(urgent referral)") < texts.index("(standard referral)")
    assert texts.index("(emergency referral)") < texts.index("(standard referral)")


def test_derby_placement_clock_has_the_first_review() -> None:
    """Derby: "a formal review will be held within 2 weeks" of a placement's start: from
    Mon 6 Jan 2025 that is the end of Mon 20 Jan 2025 (14 calendar days)."""
    texts = " ".join(_texts(_pictures("derby")["placement"]))
    assert "Formal review: the package is in place" in texts
    assert "due end of Mon 20 Jan" in texts


def test_plymouth_escalation_ladder() -> None:
    """Plymouth 3.3: three working days for the nominated contact, then three more for
    the nominated manager, each counted from its own start; the ladder climbs from the
    issue being raised to the commissioning team."""
    picture = _pictures("plymouth")["escalation"]
    texts = " ".join(_texts(picture))
    assert "Start: issue raised" in texts
    assert "3 working days after issue" in texts
    assert "3 working days after manager" in texts
    heights = {
        "".join(t.itertext()): float(t.get("y", 0))
        for t in ET.fromstring(picture.svg).iter(f"{SVG}text")
    }
    start = next(y for text, y in heights.items() if text.startswith("Start"))
    top = next(y for text, y in heights.items() if "Strategic Cooperative" in text)
    assert top < start  # the commissioning team is the top rung, drawn above the start
    assert "escalation" not in _pictures("derby")  # no rule of Derby's is named so


def test_derby_safeguarding_routing_by_time_of_day() -> None:
    """Derby routes every concern to the Council in office hours and to the Emergency
    Careline out of hours, by phone the same day: the four concerns share one box and
    the diagram shows both times of day."""
    texts = " ".join(_texts(_pictures("derby")["safeguarding"]))
    assert "in office" in texts
    assert "out of hours" in texts
    assert "Careline" in texts
    assert texts.count("Child") == 1


def test_triborough_routing_by_area() -> None:
    """Triborough routes a child concern to each borough's own children's services: the
    diagram names the three areas."""
    texts = " ".join(_texts(_pictures("triborough")["safeguarding"]))
    for area in ("Westminster", "Kensington", "Hammersmith"):
        assert area in texts


def test_monitoring_chart_shows_the_kpi_against_its_target() -> None:
    """Derby's access KPI has a 100% target: the chart draws the target line and writes
    the target beside each period's figure."""
    picture = _pictures("derby")["monitoring"]
    texts = " ".join(_texts(picture))
    assert "Responses to referrals within" in texts
    assert "(target 100 %)" in texts


@pytest.mark.parametrize("council", ["plymouth", "derby"])
def test_each_picture_appears_on_the_council_page(council: str) -> None:
    """The page embeds every drawn picture by its file name, with its text alternative."""
    from childcare_commissioning.handbook import council_page

    registered = get_registry().council(council)
    pictures = council_pictures(get_registry(), registered)
    page = council_page(registered, pictures)
    for picture in pictures:
        assert f"![{picture.alt}]({council}/{picture.name}.svg)" in page


def test_cells_drop_heading_markers_and_fold_long_quotes() -> None:
    """A sentence that starts with the text's own heading marker shows without it; a long
    quote folds under its first six words, a short one stays in the row."""
    assert cell("### Evidence informed practice The Provider") == (
        "Evidence informed practice The Provider"
    )
    assert cell("a | b `c|d`") == "a \\| b `c|d`"
    short = cite(Citation("x", "3.3", "within three working days"))
    assert short == "**3.3** — “within three working days”"
    long = cite(Citation("x", "3.3", "word " * 30))
    assert long.startswith("**3.3** — <details><summary>“word word word word word word …”")


def test_month_page_folds_weekly_items() -> None:
    """Derby's example contract (placement DCC-IPA-0311 from Mon 6 Jan 2025): the weekly
    support schedule falls due on Mondays 13, 20 and 27 January (weekly from the start),
    written once with its days; the quarterly access KPI report on 1 July 2024."""
    registry = get_registry()
    page = this_month(registry, registry.council("derby"))
    [january] = [line for line in page.splitlines() if line.startswith("| January 2025")]
    weekly = "Mon 13, Mon 20, Mon 27: Give the young person this week's support schedule"
    assert weekly in january
    assert "| July 2024 | Mon 1: Access KPIs" in page
