"""Pages whose text a viewer shows sideways or upside down, read turned upright.

pdfminer lays a page out as a viewer shows it: turned clockwise by the
page's /Rotate. A landscape 別表 written as a portrait page with /Rotate 90
and its content drawn turned the other way so comes out upright already.
Not so a page whose content is drawn upright in a landscape MediaBox that
/Rotate then turns on screen, nor a landscape table drawn turned on a
portrait page without /Rotate: there a reader turns the page (or the
screen) to read it, and the characters come out turned: sideways ones
are not upright (pdf.py drops those, as it drops a stamp set sideways),
upside down ones count as upright and read backwards, last line first.
Such a page is laid out again with the /Rotate that brings most of its
characters upright, so its lines, rules and tables are those of the
landscape page a reader sees.

Vertical writing (縦書き) is not turned text: its characters stand upright,
one under the other. Only the direction of the characters themselves (the
text matrix) decides, never the direction the lines run, so a page of
vertical writing is left as it is.
"""
from __future__ import annotations

import copy
from collections import Counter
from math import atan2, degrees


def upright_page(page):
    """The pdfplumber page, or the same page turned so that most of its
    characters stand upright."""
    turn = text_turn(page.chars)
    if not turn:
        return page
    return with_rotation(page, (page.rotation + turn) % 360)


def text_turn(chars: list[dict]) -> int:
    """The clockwise turn (0, 90, 180 or 270) that sets most of the visible
    characters upright; 0 unless more of them need that turn than stand
    upright already (a stamp or a note set sideways in the margin of an
    upright page does not turn it)."""
    turns = Counter(char_turn(c["matrix"]) for c in chars if c["text"].strip())
    if not turns:
        return 0
    turn, count = turns.most_common(1)[0]
    return turn if count > turns[0] else 0


def char_turn(matrix: tuple[float, ...]) -> int:
    """The clockwise turn that sets a character with this text rendering
    matrix upright: its baseline runs along (a, b), counter-clockwise from
    the x axis in PDF space (y up)."""
    a, b = matrix[0], matrix[1]
    return round(degrees(atan2(b, a)) / 90) * 90 % 360


def with_rotation(page, rotation: int):
    """The page laid out again as if its /Rotate were `rotation`: pdfminer
    turns what it reads by the page object's `rotate`, pdfplumber its page
    box by the Rotate attribute, so a copy of the page object with both set
    yields chars, rules and boxes in the turned frame."""
    from pdfplumber.page import Page

    page_obj = copy.copy(page.page_obj)
    page_obj.attrs = {**page_obj.attrs, "Rotate": rotation}
    page_obj.rotate = rotation
    return Page(page.pdf, page_obj, page.page_number, page.initial_doctop)
