"""Sheets printed two pages to a side (2-up): the two pages told apart.

An agreement printed "2 in 1" (a printer's or Acrobat's N-up, a booklet
layout) puts two portrait pages side by side on a landscape sheet, each with
its own margins and its own page number centred under it (- 3 -  - 4 -).
Read as one page, the lines of the left page and of the right one that
stand at the same height would be one line. A sheet is split when a reader
sees two pages on it: the sheet is landscape, nothing (no character, no
rule) crosses the gutter down its middle, and each half ends in a short
line standing at the same height and at the same place within its half in
both (centred, or at its right margin): its page number. A landscape 別表
has rules or cells across the middle, or no such pair of numbers.
"""
from __future__ import annotations

from statistics import median

from pipeline.ingest.layout import Glyph, vertical_bands

MIN_ASPECT = 1.2  # a sheet this much wider than tall is landscape
GUTTER_EMS = 1.0  # half-width of the strip down the middle that nothing may cross, in ems
NUMBER_LENGTH = 8  # characters in a page number line at most (- 12 -, 3/12, ページ 3)
SAME_PLACE = 0.05  # of a half's width: how far apart within their halves the two numbers may stand
SAME_HEIGHT = 3.0  # points: the two page numbers stand on one line
MIN_LINES = 3  # lines a half holds above its page number, to be a page


def two_up_middle(page, glyphs: list[Glyph]) -> float | None:
    """The x of the gutter of a 2-up sheet, or None for an ordinary page."""
    width, height = float(page.width), float(page.height)
    visible = [g for g in glyphs if not g.is_blank]
    if width < MIN_ASPECT * height or not visible:
        return None
    middle = width / 2
    em = median(g.size for g in visible)
    low, high = middle - GUTTER_EMS * em, middle + GUTTER_EMS * em
    if any(g.x0 < high and g.x1 > low for g in visible):
        return None
    if any(e["x0"] < high and e["x1"] > low for e in page.edges):
        return None  # a rule across the middle: one table or one frame
    left = page_number_line([g for g in visible if g.x1 <= low])
    right = page_number_line([g for g in visible if g.x0 >= high])
    if left is None or right is None or abs(left[0] - right[0]) > SAME_HEIGHT \
            or abs(left[1] - (right[1] - middle)) > SAME_PLACE * middle:
        return None
    return middle


def page_number_line(glyphs: list[Glyph]) -> tuple[float, float] | None:
    """The top and the middle x of the half's last line when it is short
    and has lines of text above it (a page number); else None."""
    bands = vertical_bands(glyphs)
    if len(bands) <= MIN_LINES:
        return None
    last = bands[-1]
    if sum(len(g.text.strip()) for g in last) > NUMBER_LENGTH:
        return None
    return min(g.top for g in last), (min(g.x0 for g in last) + max(g.x1 for g in last)) / 2


def shifted(glyph: Glyph, dx: float) -> Glyph:
    return Glyph(glyph.text, glyph.x0 - dx, glyph.x1 - dx, glyph.top, glyph.bottom)
