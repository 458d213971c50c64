"""Running headers, footers and page numbers: found by recurrence, not by wording.

A line among the first or last lines of a page is page furniture when lines
at about the same height on many other pages say the same thing once their
numbers are masked (`- 3 -` and `- 4 -` are both `-#-`). OCR reads the same
small footer differently on each page (`- 3 -`, `=4>`, `ー3一`), so for
scanned pages "the same" means similar enough, and any short line without a
word in it (at most one Japanese character) that recurs at the height of a
page number counts as one.
"""
from __future__ import annotations

from difflib import SequenceMatcher

import regex

from pipeline.ingest.layout import CJK, TextLine
from pipeline.normalize import clean_line

SHARE = 0.5  # on at least this share of the pages (and on two) a line is furniture
EDGE_LINES = 2  # how many lines at the top and at the bottom of a page are looked at
SAME_HEIGHT = 12.0  # points: header and footer stand at the same height on every page
SIMILAR = 0.6  # OCR variants of one header are at least this similar
NUMBER_LIKE_LENGTH = 6
DIGITS = regex.compile(r"\d+")
DASH_LIKE = regex.compile(r"[-ー一―‐−–—]")


def furniture(pages: list[list[TextLine]], scanned: list[bool], heights: list[float] | None = None) -> set[int]:
    """ids of the lines (per page, in reading order) that are page furniture;
    scanned pages compare their lines loosely. heights: each page's height,
    so that a footer is found at the same distance from the bottom of a
    landscape page as of a portrait one."""
    if len(pages) < 2:
        return set()
    heights = heights or [0.0] * len(pages)
    edges = [edge_lines(lines) for lines in pages]
    needed = max(2, SHARE * len(pages))
    found = set()
    for n, lines in enumerate(edges):
        for line in lines:
            support = 1 + sum(any(same_place(line, heights[n], other, heights[m])
                                  and recurs(line, other, scanned[n] and scanned[m]) for other in others)
                              for m, others in enumerate(edges) if m != n)
            if support >= needed:
                found.add(id(line))
    return found


def edge_lines(lines: list[TextLine]) -> list[TextLine]:
    if len(lines) <= 2 * EDGE_LINES:
        return list(lines)
    return lines[:EDGE_LINES] + lines[-EDGE_LINES:]


def same_place(line: TextLine, height: float, other: TextLine, other_height: float) -> bool:
    """As far from the top of its page as the other line, or as far from
    the bottom: a header keeps its distance from the top edge, a footer
    from the bottom one, whatever the page's size or orientation."""
    return abs(line.top - other.top) <= SAME_HEIGHT or \
        abs((height - line.bottom) - (other_height - other.bottom)) <= SAME_HEIGHT


def recurs(line: TextLine, other: TextLine, loosely: bool) -> bool:
    text, other_text = masked(line.text), masked(other.text)
    if text == other_text:
        return True
    if not loosely:
        return False
    if number_like(text) or number_like(other_text):
        return max(len(text), len(other_text)) <= NUMBER_LIKE_LENGTH
    return SequenceMatcher(None, text, other_text).ratio() >= SIMILAR


def masked(text: str) -> str:
    return DASH_LIKE.sub("-", DIGITS.sub("#", clean_line(text))).replace(" ", "")


def number_like(text: str) -> bool:
    """A page number, however OCR read it: short, at most one Japanese character."""
    return 0 < len(text) <= NUMBER_LIKE_LENGTH and len(CJK.findall(text)) <= 1
