"""Metamorphic robustness: each text document of the corpus and each bundled
sample, rewritten in one way a careful reader does not notice (line ends, a
BOM, the encoding, blank lines, indents, full- or half-width digits and
brackets, page breaks with footers and running headers, a prose line
hard-wrapped), must give the same values as the document itself. A rule
that works only because of a document's exact layout fails here.

Expected values: the corpus's hand-written `<stem>.expected.json`; for the
samples, their own extraction (it scores 1.000 against the shared gold, so it
is their gold). Documents are compared as the scorer compares them
(tests/expected_values.py). One transformation at a time, so a failure names
the rewriting that broke the reading.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest
import regex

from pipeline import run
from pipeline.ingest.text import decode, split_lines
from tests.conftest import SEEDS
from tests.expected_values import Diff, compare_everything, expected_from
from tests.test_corpus import DOCUMENTS as CORPUS_DOCUMENTS
from tests.test_corpus import expected_of

TEXT_DOCUMENTS = [p for p in CORPUS_DOCUMENTS if p.suffix == ".txt"] + list(SEEDS)

# --- reading the documents ------------------------------------------------


@lru_cache(maxsize=None)
def lines_of(path: Path) -> tuple[str, ...]:
    """The document's lines, decoded as the pipeline decodes it."""
    text, _ = decode(path.read_bytes())
    return tuple(split_lines(text))


@lru_cache(maxsize=None)
def expected_values(path: Path) -> dict:
    original = run(path)
    if path in SEEDS:
        return expected_from(original)
    expected = expected_of(path)
    if expected.get("corrections") is None:
        # A clean document has no repairs: a rewriting must not make any.
        expected = expected | {"corrections": [{"original": c.original, "corrected": c.corrected}
                                               for c in original.corrections]}
    return expected


def utf8(lines: list[str]) -> bytes:
    return "\n".join(lines).encode("utf-8")


# --- what a table row, a heading and prose look like ----------------------

CELL_GAP = regex.compile(r"\S(?: {2,}|\u3000{2,}|\t)\S")
BORDERED = regex.compile(r"^\s*[|｜│┃┌├└+]")
ARTICLE_START = regex.compile(r"^[\s\u3000]*第[0-9０-９一二三四五六七八九十百]+条")
CAPTION_LINE = regex.compile(r"^[\s\u3000]*[（(【「]?[^\s、。（）()]{1,20}[）)】」]?[\s\u3000]*$")
APPENDIX_START = regex.compile(r"^[\s\u3000]*別表")


def is_blank(line: str) -> bool:
    return not line.strip()


def is_table_row(line: str) -> bool:
    """Cells apart by TABs or wide gaps, or drawn borders."""
    return bool(CELL_GAP.search(line.strip()) or BORDERED.match(line))


def is_prose(line: str) -> bool:
    body = line.strip()
    return len(body) > 35 and body.endswith("。") and not is_table_row(line)


def body_end(lines: list[str]) -> int:
    """Where the 別表 starts (or the end): page breaks and wrapping go into
    the text above it, where a reader sees plain paragraphs."""
    return next((i for i, line in enumerate(lines) if APPENDIX_START.match(line)), len(lines))


def paragraph_starts(lines: list[str]) -> list[int]:
    """Lines a page may begin at without cutting a paragraph or a table row:
    an article's first line (or the caption or blank lines above it), else a
    prose line after a blank line."""
    end = body_end(lines)
    starts = [i for i in range(1, end) if ARTICLE_START.match(lines[i])]
    if not starts:
        starts = [i for i in range(1, end) if is_blank(lines[i - 1]) and is_prose(lines[i])
                  and not is_table_row(lines[i - 2] if i >= 2 else "")]
    return [start_of_block(lines, i) for i in starts]


def start_of_block(lines: list[str], i: int) -> int:
    """Up over the blank lines and a caption on its own line above an
    article: a page break falls before （目的）, not between it and 第1条."""
    while i > 1 and is_blank(lines[i - 1]):
        i -= 1
    if i > 1 and CAPTION_LINE.match(lines[i - 1]) and not ARTICLE_START.match(lines[i - 1]):
        i -= 1
    return i


# --- the rewritings -------------------------------------------------------
# Each takes the document's lines and returns the bytes of the rewritten
# file, or None where it does not apply (then there is no such case).


def crlf(lines):
    return "\r\n".join(lines).encode("utf-8")


def utf8_bom(lines):
    return b"\xef\xbb\xbf" + utf8(lines)


def cp932(lines):
    try:
        return "\n".join(lines).encode("cp932")
    except UnicodeEncodeError:
        return None  # a character Shift_JIS has not: the file could not be saved so


def utf16(lines):
    """Notepad's "Unicode": UTF-16 with its BOM, CRLF."""
    return "\r\n".join(lines).encode("utf-16")


# What web pages and word processors leave between letters, unseen: a
# zero-width space, a BOM mid-file, a soft hyphen, a word joiner.
INVISIBLE = ("\u200b", "\ufeff", "\u00ad", "\u2060")
# What asks a font for a kanji's variant glyph (an IVS, or a standardized one).
VARIATION_SELECTORS = ("\U000e0100", "\U000e0101", "\ufe00")
KANJI = regex.compile(r"\p{Han}")


def invisible_characters(lines):
    """One of them after every seventh character of each line."""
    return utf8(["".join(ch + (INVISIBLE[i // 7 % 4] if i % 7 == 6 else "") for i, ch in enumerate(line))
                 for line in lines])


def variation_selectors(lines):
    """One after every fifth kanji: the same characters, other glyphs."""
    def marked(line: str) -> str:
        out, kanji = [], 0
        for ch in line:
            out.append(ch)
            if KANJI.match(ch):
                kanji += 1
                if kanji % 5 == 0:
                    out.append(VARIATION_SELECTORS[kanji // 5 % 3])
        return "".join(out)
    out = [marked(line) for line in lines]
    return utf8(out) if out != list(lines) else None


def bars_between_cells(lines):
    """a | b | c for a<TAB>b<TAB>c: Markdown without its outer pipes, or a
    table's vertical rules as a text export or OCR gives them."""
    out = [line.replace("\t", " | ") for line in lines]
    return utf8(out) if out != list(lines) else None


def no_blank_lines(lines):
    return utf8([line for line in lines if not is_blank(line)])


def blank_lines_doubled(lines):
    return utf8([copy for line in lines for copy in ([line, line] if is_blank(line) else [line])])


def trailing_spaces(lines):
    return utf8([line + "   " for line in lines])


def ideographic_indent(lines):
    return utf8(["\u3000" + line if line.strip() else line for line in lines])


# 第3条, 第3項, and dates: 令和2年3月27日, 平成31年4月1日.
NUMBERED = regex.compile(r"第[0-9０-９]+(?:条|項|号)(?:の[0-9０-９]+)?|"
                         r"(?:明治|大正|昭和|平成|令和)[\s\u3000]*[0-9０-９元]+[\s\u3000]*年"
                         r"(?:[\s\u3000]*[0-9０-９]+[\s\u3000]*月(?:[\s\u3000]*[0-9０-９]+[\s\u3000]*日)?)?")
# Each digit or bracket in the other width: a file types them all one way.
OTHER_WIDTH_DIGIT = str.maketrans("0123456789０１２３４５６７８９", "０１２３４５６７８９0123456789")
OTHER_WIDTH_BRACKET = str.maketrans("()（）", "（）()")


def other_width_digits(lines):
    """第３条 ⇄ 第3条, 令和２年３月２７日 ⇄ 令和2年3月27日, outside table rows
    (where a wider digit would move the columns a layout aligns)."""
    out = [line if is_table_row(line) else NUMBERED.sub(lambda m: m[0].translate(OTHER_WIDTH_DIGIT), line)
           for line in lines]
    return utf8(out) if out != list(lines) else None


# A caption: alone on its line or right after 第N条: （目的） ⇄ (目的).
CAPTION = regex.compile(r"(?:^[\s\u3000]*|(?<=条[\s\u3000]*))[（(][^（）()、。]{1,20}[）)](?=[\s\u3000]|$)")


def other_width_parentheses(lines):
    out = [line if is_table_row(line) else CAPTION.sub(lambda m: m[0].translate(OTHER_WIDTH_BRACKET), line)
           for line in lines]
    return utf8(out) if out != list(lines) else None


FOOTER = "- {} -"
RUNNING_HEADER = "市町村連携協約集"


def page_breaks_at(lines, starts: list[int], header: str | None) -> bytes | None:
    """A footer `- N -` and a form feed before each start line; with a
    running header, it opens every page, the first too, and the last page
    has its footer."""
    if not starts:
        return None
    out, page = ([header] if header else []), 1
    for i, line in enumerate(lines):
        if i in starts:
            out += [FOOTER.format(page), "\f" + (header or "")] if header else [FOOTER.format(page), "\f"]
            page += 1
        out.append(line)
    if header:
        out.append(FOOTER.format(page))
    return utf8(out)


def footer_and_form_feed(lines):
    starts = paragraph_starts(list(lines))
    return page_breaks_at(lines, starts[len(starts) // 2:][:1], None)


def running_header_pages(lines):
    starts = paragraph_starts(list(lines))
    return page_breaks_at(lines, sorted({starts[len(starts) * k // 4] for k in (1, 2, 3)}) if starts else [],
                          RUNNING_HEADER)


WRAP_WIDTH = 35


def hard_wrapped_prose(lines):
    """The longest prose line above the 別表 cut every 35 characters, as a
    fixed-width export prints it."""
    lines = list(lines)
    candidates = [i for i in range(body_end(lines)) if is_prose(lines[i])]
    if not candidates:
        return None
    i = max(candidates, key=lambda n: len(lines[n]))
    line = lines[i].rstrip()
    pieces = [line[n:n + WRAP_WIDTH] for n in range(0, len(line), WRAP_WIDTH)]
    return utf8(lines[:i] + pieces + lines[i + 1:])


TRANSFORMATIONS = {f.__name__: f for f in (
    crlf, utf8_bom, cp932, utf16, invisible_characters, variation_selectors, bars_between_cells,
    no_blank_lines, blank_lines_doubled, trailing_spaces, ideographic_indent,
    other_width_digits, other_width_parentheses,
    footer_and_form_feed, running_header_pages, hard_wrapped_prose)}

# (document stem prefix, transformation) -> the gap that makes it fail: not
# run until the gap is closed (README, Tests).
KNOWN_GAPS: dict[tuple[str, str], str] = {}


def cases():
    """Every (document, rewriting) that applies, but the known gaps: those
    are listed above and in the README, not run as tests expected to fail."""
    for path in TEXT_DOCUMENTS:
        for name, rewrite in TRANSFORMATIONS.items():
            if (path.stem[:3].rstrip("_"), name) in KNOWN_GAPS or rewrite(lines_of(path)) is None:
                continue
            yield pytest.param(path, name, id=f"{path.stem[:24]}-{name}")


@pytest.mark.parametrize(("path", "transformation"), list(cases()))
def test_a_rewriting_a_reader_does_not_notice_changes_nothing(path, transformation, tmp_path):
    copy = tmp_path / path.name
    copy.write_bytes(TRANSFORMATIONS[transformation](lines_of(path)))
    diff = Diff(f"{path.name} ({transformation})")
    compare_everything(diff, expected_values(path), run(copy))
    diff.check()
