"""Boxes of text -> lines of text, for the PDF text layer and for OCR alike.

A `Glyph` is a character of the text layer or a word Tesseract read, with
its box in PDF points (origin top-left, as pdfplumber gives them). Lines are
glyphs whose boxes share a vertical band, read left to right. Spaces come
from space glyphs, or from gaps wider than a share of the character size
(`X_TOLERANCE_RATIO`, pdfplumber's `x_tolerance_ratio`): a fixed tolerance in
points reads the letter spacing of justified Japanese as word spaces. A gap
between two Japanese characters is not a space unless it is as wide as a
full-width character, since Japanese has no spaces between words.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from statistics import median

import regex

X_TOLERANCE_RATIO = 0.25  # a gap over a quarter of the character size separates ASCII words
FULL_WIDTH_GAP = 0.9  # between Japanese characters only a gap of about 1 em is a space
# OCR word boxes hug the ink, so their gaps are wider than those between the
# character boxes of a text layer; a line-initial label (ア, 1, 甲, 第1条)
# followed by a half-width space shows a gap of 0.6-1.2 em, other words
# 0.2-0.6 em. Punctuation has little ink in a full-width box: no measure.
OCR_LABEL_GAP = 0.6
# Two ems or more between the words of a line separate columns: cells of a
# table without rules, signature blocks printed side by side. Such a gap is
# written as one space per half em, as a text layout (pdftotext -layout)
# prints it, so that normalize reads both the same way.
COLUMN_GAP = 2.0
# Spaced out: a space glyph after at least this share of a line's characters (of 4 or more).
SPACED_OUT_SHARE, SPACED_OUT_MIN = 0.8, 4
PUNCTUATION = regex.compile(r"[、。,.・「」『』()（）【】〔〕:：;；]")
CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}ー々〆、。・「」『』（）【】〔〕，．：；！？\u3000-\u303f\uff01-\uff60]")


@dataclass(frozen=True)
class Glyph:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float

    @property
    def size(self) -> float:
        return self.bottom - self.top

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2

    @property
    def is_blank(self) -> bool:
        return not self.text.strip()


@dataclass(frozen=True)
class TextLine:
    text: str
    x0: float
    x1: float  # right edge of the last character that is not punctuation hanging in the margin
    top: float
    bottom: float
    size: float  # median character height
    end: float | None = None  # right edge of the last character, punctuation included


def glyphs_to_lines(glyphs: Iterable[Glyph], ocr: bool = False) -> list[TextLine]:
    """Group glyphs into lines (top to bottom), each read left to right;
    `ocr` when the glyphs are word boxes Tesseract found."""
    lines = []
    for band in vertical_bands(glyphs):
        line = band_to_line(sorted(band, key=lambda g: g.x0), ocr)
        if line is not None:
            lines.append(line)
    return lines


def vertical_bands(glyphs: Iterable[Glyph]) -> list[list[Glyph]]:
    """Glyphs whose vertical middle falls inside the band of the glyphs
    already taken belong to the same line."""
    bands: list[list[Glyph]] = []
    band_top = band_bottom = 0.0
    for glyph in sorted(glyphs, key=lambda g: (g.top, g.x0)):
        if bands and band_top <= glyph.middle <= band_bottom:
            bands[-1].append(glyph)
            band_bottom = max(band_bottom, glyph.bottom)
        else:
            bands.append([glyph])
            band_top, band_bottom = glyph.top, glyph.bottom
    return bands


def band_to_line(glyphs: list[Glyph], ocr: bool = False) -> TextLine | None:
    visible = [g for g in glyphs if not g.is_blank]
    if not visible:
        return None
    size = median(g.size for g in visible)
    spacing = 0.0 if ocr else letter_spacing(visible)
    spaced_out = not ocr and is_spaced_out(glyphs, len(visible))
    parts: list[str] = []
    previous: Glyph | None = None
    blanks = 0  # space glyphs since the previous character
    label_possible = ocr  # until the first gap between two Japanese words
    for glyph in glyphs:
        if glyph.is_blank:
            blanks += previous is not None
            continue
        if previous is not None:
            is_label = label_possible and len(previous.text) == 1
            # a spaced-out line puts one space glyph between all its characters: only more is a word space
            space_glyph = blanks > 1 if spaced_out else blanks > 0
            if space_glyph or needs_space(previous, glyph, size, is_label, spacing):
                parts.append(spaces_for(glyph.x0 - previous.x1, size))
            if CJK.search(previous.text[-1]) and CJK.search(glyph.text[0]):
                label_possible = False
        parts.append(glyph.text)
        previous, blanks = glyph, 0
    last = visible[-1]
    hanging = len(visible) > 1 and last.text in "、。,.」』)）】"
    right = visible[-2].x1 if hanging else last.x1
    return TextLine("".join(parts), visible[0].x0, right, min(g.top for g in visible),
                    max(g.bottom for g in visible), size, last.x1)


def spaces_for(gap: float, size: float) -> str:
    """One space, or one per half em across a column gap."""
    return " " * round(2 * gap / size) if gap >= COLUMN_GAP * size else " "


def indent_for(x0: float, left_margin: float, size: float) -> str:
    """Spaces for a line's indent, one per half em (see spaces_for)."""
    return " " * max(0, round(2 * (x0 - left_margin) / size))


def is_spaced_out(glyphs: list[Glyph], visible: int) -> bool:
    """A line whose text layer has a space glyph between (nearly) every two
    characters (連 携 協 約, as some converters write letter-spaced or
    justified text): those spaces are its letter spacing, not word spaces."""
    if visible < SPACED_OUT_MIN:
        return False
    spaced = sum(1 for a, b in zip(glyphs, glyphs[1:]) if not a.is_blank and b.is_blank)
    return spaced >= SPACED_OUT_SHARE * (visible - 1)


def letter_spacing(glyphs: list[Glyph]) -> float:
    """The space a line puts between all its characters: the median gap.
    A justified line spreads its characters, ASCII digits among them (第 3 条),
    and only a gap wider than that spread is a word space. Zero for a line
    set solid, whose gaps are mostly none."""
    gaps = [b.x0 - a.x1 for a, b in zip(glyphs, glyphs[1:])]
    return max(0.0, median(gaps)) if len(gaps) >= 3 else 0.0


def needs_space(left: Glyph, right: Glyph, size: float, ocr_label: bool = False, spacing: float = 0.0) -> bool:
    """ocr_label: left is a one-character OCR word before the line's first
    gap between Japanese words, where labels (ア, 甲, 第1条) stand; spacing:
    the line's letter spacing, which no gap is a space for."""
    if right.x0 - left.x1 >= COLUMN_GAP * size:  # a column gap, also after 。 ending a cell
        return True
    gap = right.x0 - left.x1 - spacing
    left_cjk, right_cjk = CJK.search(left.text[-1]), CJK.search(right.text[0])
    punctuation = PUNCTUATION.search(left.text[-1] + right.text[0])
    if (left_cjk or right_cjk) and punctuation:
        return False  # Japanese punctuation carries its spacing inside its own box
    if left_cjk and right_cjk:
        return gap >= (OCR_LABEL_GAP if ocr_label else FULL_WIDTH_GAP) * size
    return gap > X_TOLERANCE_RATIO * size
