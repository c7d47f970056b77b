"""The handbook's picture kinds, drawn as SVG with drawsvg: no script, no font or file
fetched from the web, so a picture shows wherever the page does (served or opened as a
file).

Each function takes plain rows of text (worked out from a council's declarations by
:mod:`~childcare_commissioning.handbook.pictures`) and returns the SVG document. Text is
wrapped to its column by an estimate of a sans-serif character's width, generous so that
a line never runs out of its box.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

import attrs
import drawsvg as draw

__all__ = ["Bar", "Flow", "Moment", "Rung", "bars", "flow", "ladder", "timeline"]

FONT = 13
SMALL = 11
LINE = 17
CHAR = 7.4  # px: a 13 px sans-serif character, on the wide side
PAD = 8
INK = "#1f2933"
MUTED = "#52606d"
ACCENT = "#3949ab"
PALE = "#e8eaf6"
LEDGE = "#9fa8da"
#: Colours of the outcomes in a bar: met, late, open, missed (colour-blind safe pairs).
GOOD, LATE, OPEN, BAD = "#2e7d32", "#ef6c00", "#90a4ae", "#c62828"
WIDTH = 640  # about the content column of a 1280 px window: text stays full size


def wrap(text: str, width: float, size: int = FONT) -> list[str]:
    """``text`` in lines no wider than ``width`` px (a long id is broken, never clipped)."""
    per_line = max(6, int(width / (CHAR * size / FONT)))
    return textwrap.wrap(text, per_line, break_long_words=True, break_on_hyphens=True) or [""]


def _text(
    lines: Sequence[str],
    x: float,
    y: float,
    *,
    size: int = FONT,
    fill: str = INK,
    anchor: str = "start",
    bold: bool = False,
) -> draw.Text:
    """Lines of text whose first baseline sits one font size below ``y``."""
    return draw.Text(
        list(lines),
        size,
        x,
        y + size,
        line_height=LINE / size,
        fill=fill,
        text_anchor=anchor,
        font_weight="bold" if bold else "normal",
    )


def _svg(title: str, width: float, height: float, elements: Sequence[draw.DrawingElement]) -> str:
    drawing = draw.Drawing(width, height, font_family="sans-serif", role="img", aria_label=title)
    drawing.append(draw.Title(title))
    drawing.append(draw.Rectangle(0, 0, width, height, fill="white"))
    for element in elements:
        drawing.append(element)
    return str(drawing.as_svg())


def _arrow() -> draw.Marker:
    marker = draw.Marker(-0.1, -0.5, 0.9, 0.5, scale=7, orient="auto")
    marker.append(draw.Lines(-0.1, -0.5, -0.1, 0.5, 0.9, 0, fill=MUTED, close=True))
    return marker


def _height(lines: int) -> float:
    return lines * LINE + 2 * PAD


@attrs.frozen
class Flow:
    """A diagram read left to right: each row is one path through the columns; rows that
    share their first cells share those boxes (a tree)."""

    title: str
    headers: tuple[str, ...]
    widths: tuple[int, ...]
    rows: tuple[tuple[str, ...], ...]


def _groups(rows: Sequence[tuple[str, ...]], column: int) -> list[tuple[int, int]]:
    """(first row, last row + 1) of each run of rows sharing cells 0..column."""
    runs: list[tuple[int, int]] = []
    for index, row in enumerate(rows):
        if runs and rows[runs[-1][0]][: column + 1] == row[: column + 1]:
            runs[-1] = (runs[-1][0], index + 1)
        else:
            runs.append((index, index + 1))
    return runs


def flow(diagram: Flow) -> str:
    """The diagram as SVG: a box per distinct cell, an arrow from each box to the boxes
    of the next column it leads to."""
    gap = 26
    rows = diagram.rows
    lines = [
        [wrap(row[c], diagram.widths[c] - 2 * PAD) for c in range(len(diagram.headers))]
        for row in rows
    ]
    heights = [0.0] * len(rows)
    groups = [_groups(rows, c) for c in range(len(diagram.headers))]
    for column, runs in enumerate(groups):
        for first, end in runs:
            need = _height(len(lines[first][column])) + 6
            have = sum(heights[first:end])
            if need > have:
                heights[end - 1] += need - have
    top = 2 * LINE
    tops = [top + sum(heights[:i]) for i in range(len(rows))]
    xs = [sum(diagram.widths[:c]) + gap * c for c in range(len(diagram.headers))]
    width = xs[-1] + diagram.widths[-1] + 2
    arrow = _arrow()
    elements: list[draw.DrawingElement] = [
        _text([h], x, 4, bold=True) for h, x in zip(diagram.headers, xs, strict=True)
    ]
    middles: list[list[tuple[int, int, float]]] = []
    for column, runs in enumerate(groups):
        placed = []
        for first, end in runs:
            y = tops[first] + 3
            h = sum(heights[first:end]) - 6
            elements.append(
                draw.Rectangle(
                    xs[column], y, diagram.widths[column], h, rx=5, fill=PALE, stroke=LEDGE
                )
            )
            elements.append(_text(lines[first][column], xs[column] + PAD, y + PAD - 2))
            placed.append((first, end, y + min(h / 2, PAD + LINE / 2)))
        middles.append(placed)
    for column in range(len(groups) - 1):
        x1, x2 = xs[column] + diagram.widths[column], xs[column + 1]
        for first, end, y1 in middles[column]:
            for child_first, _, y2 in middles[column + 1]:
                if first <= child_first < end:
                    elements.append(
                        draw.Path(stroke=MUTED, fill="none", marker_end=arrow)
                        .M(x1, y1)
                        .H(x1 + gap / 2)
                        .V(y2)
                        .H(x2 - 4)
                    )
    return _svg(diagram.title, width, top + sum(heights) + 4, elements)


@attrs.frozen
class Moment:
    """A point on a timeline: when (``offset``, ``due``) and what (``what``, ``who``).
    ``repeats`` marks a scheduled obligation (a hollow square), ``None`` offsets an item
    the text gives no time for."""

    offset: str
    due: str
    what: str
    who: str
    repeats: bool = False


def timeline(title: str, start: str, moments: Sequence[Moment]) -> str:
    """A vertical timeline from ``start`` down through ``moments`` (already in order)."""
    axis, right = 170, WIDTH
    elements: list[draw.DrawingElement] = [
        draw.Circle(axis, 14, 7, fill=ACCENT),
        _text(wrap(start, right - axis - 30), axis + 16, 4, bold=True),
    ]
    y = 14 + LINE * len(wrap(start, right - axis - 30)) + 8
    for moment in moments:
        left = wrap(moment.offset, axis - 30) + wrap(moment.due, axis - 30, SMALL)
        what = wrap(moment.what, right - axis - 30)
        height = max(len(left), len(what) + 1) * LINE + 12
        mark_y = y + LINE / 2 + 2
        if moment.repeats:
            elements.append(
                draw.Rectangle(axis - 6, mark_y - 6, 12, 12, fill="white", stroke=ACCENT)
            )
        else:
            elements.append(draw.Circle(axis, mark_y, 6, fill="white", stroke=ACCENT))
        offset = wrap(moment.offset, axis - 30)
        elements.append(_text(offset, axis - 16, y, anchor="end", bold=True))
        elements.append(
            _text(
                wrap(moment.due, axis - 30, SMALL),
                axis - 16,
                y + LINE * len(offset),
                size=SMALL,
                fill=MUTED,
                anchor="end",
            )
        )
        elements.append(_text(what, axis + 16, y))
        elements.append(
            _text([moment.who], axis + 16, y + LINE * len(what), size=SMALL, fill=MUTED)
        )
        y += height
    elements.insert(0, draw.Line(axis, 14, axis, y - 6, stroke=LEDGE, stroke_width=3))
    return _svg(title, right, y + 4, elements)


@attrs.frozen
class Rung:
    """One step up a ladder: how long is waited (``wait``) and what is done then."""

    wait: str
    then: str


def ladder(title: str, start: str, rungs: Sequence[Rung]) -> str:
    """An escalation ladder: ``start`` at the bottom, each rung above the last, the wait
    written beside the arrow that climbs to it."""
    box_x, box_w = 200, WIDTH - 206
    boxes = [start, *[r.then for r in rungs]]
    waits = ["", *[r.wait for r in rungs]]
    wrapped = [wrap(b, box_w - 2 * PAD) for b in boxes]
    heights = [_height(len(w)) for w in wrapped]
    climb = 46
    total = sum(heights) + climb * (len(boxes) - 1) + 8
    arrow = _arrow()
    elements: list[draw.DrawingElement] = []
    y = total - 4
    previous_top = 0.0
    for index, (lines, height) in enumerate(zip(wrapped, heights, strict=True)):
        y -= height
        elements.append(
            draw.Rectangle(
                box_x,
                y,
                box_w,
                height,
                rx=5,
                fill=PALE if index else "white",
                stroke=ACCENT if index else LEDGE,
            )
        )
        elements.append(_text(lines, box_x + PAD, y + PAD - 2, bold=index == len(boxes) - 1))
        if index:
            mid = box_x + 40
            elements.append(
                draw.Line(mid, previous_top, mid, y + height + 4, stroke=MUTED, marker_end=arrow)
            )
            elements.append(
                _text(
                    wrap(waits[index], box_x - 20),
                    box_x - 10,
                    y + height + 4,
                    anchor="end",
                    fill=MUTED,
                )
            )
        previous_top = y
        y -= climb
    return _svg(title, WIDTH, total, elements)


@attrs.frozen
class Bar:
    """One bar: ``segments`` of (share of the full width, colour, name); ``note`` is
    written after it and ``mark`` (a share) draws a target line across it."""

    label: str
    segments: tuple[tuple[float, str, str], ...]
    note: str
    mark: float | None = None


def bars(title: str, heading: str, rows: Sequence[Bar], legend: Sequence[tuple[str, str]]) -> str:
    """Horizontal bars, one per row, with a legend of ``(colour, name)`` at the foot."""
    label_w, bar_x, bar_w = 200, 208, 260
    elements: list[draw.DrawingElement] = [_text([heading], 0, 0, bold=True)]
    y = LINE + 10
    for row in rows:
        label = wrap(row.label, label_w)
        note = wrap(row.note, WIDTH - bar_x - bar_w - 8, SMALL)
        height = max(len(label) * LINE, len(note) * LINE, 22) + 10
        elements.append(_text(label, 0, y))
        elements.append(draw.Rectangle(bar_x, y + 2, bar_w, 18, fill="#f5f5f5", stroke="#cfd8dc"))
        x = float(bar_x)
        for share, colour, name in row.segments:
            if share > 0:
                block = draw.Rectangle(x, y + 2, share * bar_w, 18, fill=colour)
                block.append_title(name)
                elements.append(block)
                x += share * bar_w
        if row.mark is not None:
            mx = bar_x + row.mark * bar_w
            elements.append(draw.Line(mx, y - 2, mx, y + 24, stroke=INK, stroke_width=2))
        elements.append(_text(note, bar_x + bar_w + 8, y + 2, size=SMALL, fill=MUTED))
        y += height
    x = 0.0
    for colour, name in legend:
        elements.append(draw.Rectangle(x, y + 4, 12, 12, fill=colour))
        elements.append(_text([name], x + 16, y + 1, size=SMALL))
        x += 16 + len(name) * CHAR * SMALL / FONT + 18
    return _svg(title, WIDTH, y + 24, elements)
