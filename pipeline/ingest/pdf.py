"""PDF: born-digital pages from their text layer, scanned pages by OCR.

Each page is read by pdfplumber, turned first if its text is drawn sideways
or upside down (orientation.py): its characters (faux-bold duplicates
removed by `dedupe_chars`) become lines (layout.py), its ruled tables rows of
cells (pdf_tables.py). A page without a usable text layer (no characters,
or mostly `(cid:NNN)` glyphs that have no Unicode value) is rendered and
read by Tesseract (ocr.py). Then, over the whole document:
- lines that recur at the same height on many pages (running headers,
  footers, page numbers with their digits masked) are dropped;
- a table that opens a page continues the one that closed the previous
  page when both have as many columns;
- lines of a paragraph wrapped at the right margin are joined again, so a
  paragraph is one line as in a text file.
Every line keeps its page; a table row is one line of TAB-separated cells.
"""
from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass, replace
from statistics import median
from pathlib import Path

import regex

from pipeline.ingest.columns import unruled_tables
from pipeline.ingest.errors import IngestError
from pipeline.ingest.furniture import furniture
from pipeline.ingest.layout import COLUMN_GAP, Glyph, TextLine, glyphs_to_lines, indent_for
from pipeline.ingest.orientation import upright_page
from pipeline.ingest.pdf_tables import TableBlock, continue_table, find_tables, same_table
from pipeline.ingest.two_up import shifted, two_up_middle
from pipeline.model import CELL_SEP, SCANNED_METHODS, PageInfo, RawLine, Source
from pipeline.normalize import clean_line, join_wrapped

MIN_TEXT_GLYPHS = 20  # fewer readable characters on a page with an image: a scan
UNREADABLE_SHARE = 0.5  # more (cid:NNN) glyphs than this: the text layer is unusable
SCAN_COVER = 0.8  # share of the page an image covers for the page to be a scan
CID = regex.compile(r"^\(cid:\d+\)$")
TESSERACT_FONT = "GlyphLessFont"  # the invisible font of Tesseract's text layer
VERTICAL_BARS = ("|", "｜", "¦")  # how OCR writes a table's column rule it takes for a character
UNREADABLE = "\ufffd"  # the replacement character; normalize drops it
SENTENCE_END = regex.compile(r"[。)」]$")
COMMAS = ("、", "，", ",")  # never the end of a paragraph
# A line that starts a block of its own after a finished sentence: 第N条, a
# paragraph or item number, a caption, 別表, a party marker, a bullet.
BLOCK_START = regex.compile(r"^(?:第\s*[0-9一二三四五六七八九十百]+\s*条|\d{1,2}\s|\(|[ア-ン]\s|[一二三四五六七八九十]+\s"
                            r"|別表|[甲乙丙丁](?:\s|$)|[※・○●■◆□【])")

# The spaces layout.spaces_for writes for a gap of COLUMN_GAP ems or more
# inside a line: columns (cells of a table without rules) stand apart there.
COLUMN_GAP_RUN = regex.compile(r"\S {%d,}\S" % round(2 * COLUMN_GAP))

Block = TextLine | TableBlock


def sniff(path: Path, head: bytes) -> bool:
    return head.startswith(b"%PDF") or path.suffix.lower() == ".pdf"


@dataclass(frozen=True)
class Page:
    number: int
    width: float
    height: float
    blocks: tuple[Block, ...]  # in reading order
    info: PageInfo
    warnings: tuple[str, ...] = ()
    halves: tuple[Page, ...] = ()  # the two pages of a sheet printed 2-up (two_up.py), left first


def read(path: Path, data: bytes) -> Source:
    pages = [half for page in read_pages(data) for half in page.halves or (page,)]
    warnings = tuple(w for page in pages for w in page.warnings)
    pages = drop_furniture(pages)
    lines = pages_to_raw_lines(pages)
    if not any(line.text.strip() for line in lines):
        raise IngestError("PDF without text: no page has a text layer or readable scanned text")
    return Source(doc_id=path.stem, path=str(path), format="pdf", sha256=hashlib.sha256(data).hexdigest(),
                  encoding="", lines=lines, pages=tuple({p.number: p.info for p in pages}.values()),
                  warnings=warnings)


# -- pages --------------------------------------------------------------------

def read_pages(data: bytes) -> list[Page]:
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfminer.psparser import PSException
    from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            if not pdf.pages:
                raise IngestError("PDF without pages")
            pages = [read_text_layer(upright_page(page)) for page in pdf.pages]
            scans_with_text = [i for i, page in enumerate(pages)
                               if page is not None and page.info.method == "scan-text" and not pdf.pages[i].edges]
            if scans_with_text:  # their tables' rules are in the image only
                from pipeline.ingest.ocr import image_rules

                for i, rules in zip(scans_with_text, image_rules(data, scans_with_text)):
                    pages[i] = read_text_layer(upright_page(pdf.pages[i]), rules) if rules else pages[i]
            layers = {i: pages[i] for i in tesseract_layers_to_read_again(pdf, pages)}
            scanned = [i for i, page in enumerate(pages) if page is None or i in layers]
            if scanned:
                ocr_results = read_scans(data, pdf, scanned, again=set(layers))
                for i, page in zip(scanned, ocr_results):
                    pages[i] = layers[i] if i in layers and page.info.method == "empty" else page
            return pages
    except PDFPasswordIncorrect:
        raise IngestError("encrypted PDF: it cannot be opened without its password") from None
    except PdfminerException as exc:
        if isinstance(exc.args[0] if exc.args else None, PDFPasswordIncorrect):
            raise IngestError("encrypted PDF: it cannot be opened without its password") from None
        raise IngestError(f"damaged PDF: {exc}") from None
    except (MalformedPDFException, PSException) as exc:
        raise IngestError(f"damaged PDF: {exc}") from None


def read_text_layer(page, rules: list[dict] | None = None) -> Page | None:
    """The page from its text layer, or None when it has to be OCR'd;
    `rules`: its tables' rules found in the page's image."""
    page = page.dedupe_chars(tolerance=1)
    chars = [c for c in page.chars if c.get("upright", True)]
    unreadable = sum(1 for c in chars if CID.match(c["text"]))
    if rules:
        chars = [c for c in chars if not is_rule_read_as_bar(c, rules)]
    readable = [c for c in chars if c["text"].strip() and not CID.match(c["text"])]
    if unreadable > UNREADABLE_SHARE * (unreadable + len(readable)) or \
            (len(readable) < MIN_TEXT_GLYPHS and page.images):
        return None
    warnings = ()
    if unreadable:
        warnings = (f"page {page.page_number}: {unreadable} glyphs without a Unicode value (cid:NNN)",)
    method = "scan-text" if readable and is_scan_with_text(page) else "text" if readable else "empty"
    info = PageInfo(page.page_number, method, None, unreadable)
    words = tesseract_words(chars) if method == "scan-text" else None
    if words:  # Tesseract's word boxes, read as our own OCR's are
        return layout_page(page, words, info, warnings, rules if rules is not None else [])
    # an unreadable glyph keeps its place as U+FFFD, so no space is read into its gap
    glyphs = [Glyph(UNREADABLE if CID.match(c["text"]) else c["text"], c["x0"], c["x1"], c["top"], c["bottom"])
              for c in chars]
    return layout_page(page, glyphs, info, warnings, rules, ocr=False)


def tesseract_words(chars: list[dict]) -> list[Glyph] | None:
    """The words of a text layer Tesseract wrote (its PDF renderer, also
    OCRmyPDF's default, in its GlyphLessFont), each one Glyph over its word
    box; None for any other layer. Tesseract writes each word with a space
    after it (連携 中枢 都市 圏 の: spaces inside Japanese) and stretches the
    word and that space together over the word's box, so its characters'
    boxes say nothing of where their ink is (中 9 points wide in a 50-point
    line): only the word's box does, the box our own OCR reads (ocr.py)."""
    if not is_tesseract_layer(chars):
        return None
    words: list[Glyph] = []
    word: list[dict] = []
    for char in chars:
        if word and not same_line(word[-1], char):
            words.append(word_box(word, word[-1]["x1"]))
            word = []
        if char["text"].strip():
            word.append(char)
        elif word:  # the space closing a word: the box runs to its end
            words.append(word_box(word, char["x1"]))
            word = []
    if word:
        words.append(word_box(word, word[-1]["x1"]))
    return words


def same_line(before: dict, after: dict) -> bool:
    """after goes on before's line, to its right (a line's last word has no space after it)."""
    return abs(after["top"] - before["top"]) < (before["bottom"] - before["top"]) / 2 and after["x0"] >= before["x0"]


def word_box(chars: list[dict], right: float) -> Glyph:
    return Glyph("".join(c["text"] for c in chars), chars[0]["x0"], right,
                 min(c["top"] for c in chars), max(c["bottom"] for c in chars))


def is_rule_read_as_bar(char: dict, rules: list[dict]) -> bool:
    """A "|" in someone's OCR text layer that lies on a column rule of the
    page image: Tesseract read the rule as a character. It places the bar
    within about half a line's height of the rule, beside the line of text
    it crosses; a bar written in a cell stands clear of the cell's rules."""
    if char["text"] not in VERTICAL_BARS:
        return False
    middle_x, middle_y = (char["x0"] + char["x1"]) / 2, (char["top"] + char["bottom"]) / 2
    reach = (char["bottom"] - char["top"]) / 2
    return any(rule["x0"] == rule["x1"] and abs(rule["x0"] - middle_x) <= reach
               and rule["top"] - reach <= middle_y <= rule["bottom"] + reach for rule in rules)


def is_scan_with_text(page) -> bool:
    """A text layer laid over an image of the whole page: a scan made
    searchable by someone's OCR, whose characters are guesses like ours."""
    area = float(page.width * page.height)
    return any((image["x1"] - image["x0"]) * (image["bottom"] - image["top"]) >= SCAN_COVER * area
               for image in page.images)


def tesseract_layers_to_read_again(pdf, pages: list[Page | None]) -> list[int]:
    """Indexes of the scanned pages whose text layer Tesseract wrote (its
    GlyphLessFont: its own PDF output, OCRmyPDF's), when OCR can run here.
    Such a layer is the same engine's reading of the raw image, in its
    default page segmentation, which runs a table's neighbouring cells into
    one line (a 別表's columns read as one text): our own reading, of the
    image with its rules painted out (ocr.py), is better: bench/scanned.py
    scores the five samples made searchable by `tesseract … pdf` 0.517 from
    the layer, 0.637 read again (strict)."""
    from pipeline.ingest.ocr import tesseract_problem

    found = [i for i, page in enumerate(pages) if page is not None and page.info.method == "scan-text"
             and is_tesseract_layer(pdf.pages[i].chars)]
    return found if found and not tesseract_problem() else []


def is_tesseract_layer(chars: list[dict]) -> bool:
    return bool(chars) and all(c.get("fontname", "").endswith(TESSERACT_FONT) for c in chars)


def read_scans(data: bytes, pdf, indexes: list[int], again: frozenset[int] | set[int] = frozenset()) -> list[Page]:
    """Scanned pages (by 0-based index) through OCR; `again`: those whose
    Tesseract text layer is read again (see tesseract_layers_to_read_again)."""
    from pipeline.ingest.ocr import DPI, check_tesseract, ocr_pages, render_pages

    check_tesseract()
    results = ocr_pages(render_pages(data, indexes), DPI / 72)
    pages = []
    for i, result in zip(indexes, results):
        page = pdf.pages[i]
        unreadable = sum(1 for c in page.chars if CID.match(c["text"]))
        method = "ocr" if result.words else "empty"
        info = PageInfo(page.page_number, method, result.confidence, unreadable, result.skew, result.despeckled)
        notes = ([f"straightened by {result.skew:g}°"] if result.skew else []) + (
            ["despeckled"] if result.despeckled else [])
        read = "its Tesseract text layer read again by OCR" if i in again else "no usable text layer, read by OCR"
        warning = f"page {page.page_number}: {read} (mean confidence {', '.join([str(result.confidence), *notes])})"
        pages.append(layout_page(page, list(result.words), info, (warning,) if result.words else (),
                                 rules=list(result.rules)))
    return pages


def layout_page(page, glyphs: list[Glyph], info: PageInfo, warnings: tuple[str, ...],
                rules: list[dict] | None = None, ocr: bool = True) -> Page:
    """`rules` from the page's image, `ocr`: whether its glyphs are OCR words."""
    ocr = ocr and rules is not None
    middle = two_up_middle(page, glyphs) if rules is None else None
    if middle is not None:
        return two_up_page(page, glyphs, info, warnings, middle)
    tables, outside = find_tables(page, glyphs, rules, ocr)
    if ocr:  # a scan: tables without rules too, by their header words
        unruled, outside = unruled_tables(outside, page.page_number)
        tables += unruled
    blocks: list[Block] = [*glyphs_to_lines(outside, ocr=ocr), *tables]
    blocks.sort(key=lambda b: b.top)
    return Page(page.page_number, float(page.width), float(page.height), tuple(blocks), info, warnings)


def two_up_page(page, glyphs: list[Glyph], info: PageInfo, warnings: tuple[str, ...], middle: float) -> Page:
    """A sheet holding two pages side by side: each half laid out as a page
    of its own (its lines never joined with the other's at the same height),
    the right one moved onto the left one's place so both share margins."""
    width, height = float(page.width), float(page.height)
    halves = []
    for x0, x1 in ((0.0, middle), (middle, width)):
        inside = [g for g in glyphs if x0 <= (g.x0 + g.x1) / 2 < x1]
        tables, outside = find_tables(page.crop((x0, 0, x1, height)), inside, None, False)
        blocks: list[Block] = [*glyphs_to_lines([shifted(g, x0) for g in outside]),
                               *(replace(t, x0=t.x0 - x0, x1=t.x1 - x0) for t in tables)]
        blocks.sort(key=lambda b: b.top)
        halves.append(Page(page.page_number, x1 - x0, height, tuple(blocks), info, warnings if not halves else ()))
    return Page(page.page_number, width, height, halves[0].blocks + halves[1].blocks, info, warnings, tuple(halves))


# -- page furniture -------------------------------------------------------------

def drop_furniture(pages: list[Page]) -> list[Page]:
    """Without running headers, footers and page numbers (furniture.py)."""
    lines = [[b for b in page.blocks if isinstance(b, TextLine)] for page in pages]
    dropped = furniture(lines, [page.info.method in SCANNED_METHODS for page in pages], [page.height for page in pages])
    return [replace(page, blocks=tuple(b for b in page.blocks if id(b) not in dropped)) for page in pages]


# -- lines --------------------------------------------------------------------

def pages_to_raw_lines(pages: list[Page]) -> tuple[RawLine, ...]:
    """Pages -> numbered lines: tables continued across pages, wrapped
    paragraphs joined, a blank line where the page leaves a line's gap."""
    margins = text_margins(pages)
    pages = join_continued_tables(pages)
    lines: list[RawLine] = []
    for page in pages:
        previous: Block | None = None
        for block in join_wrapped_lines(list(page.blocks), margins):
            if previous is not None and leaves_blank_line(previous, block):
                lines.append(RawLine("", len(lines) + 1, page.number))
            if isinstance(block, TableBlock):
                for row, row_page, end_page in zip(block.rows, block.pages, block.end_pages or block.pages):
                    lines.append(RawLine(CELL_SEP.join(row), len(lines) + 1, row_page,
                                         end_page if end_page != row_page else None))
            else:
                lines.append(RawLine(text_with_indent(block, margins[0]), len(lines) + 1, page.number))
            previous = block
    return tuple(lines)


def text_with_indent(line: TextLine, left_margin: float) -> str:
    """A line keeps its indent, so that normalize can tell which column of
    a table without rules (or of signature blocks side by side) it stands
    in, as in a text layout."""
    return indent_for(line.x0, left_margin, line.size) + line.text


def join_continued_tables(pages: list[Page]) -> list[Page]:
    """A table opening a page that continues the table closing the previous
    page is appended to it (and removed from its own page)."""
    result = list(pages)
    for i in range(1, len(result)):
        target = last_table_index(result, i)
        if target is None or not result[i].blocks or not isinstance(result[i].blocks[0], TableBlock):
            continue
        page_at, block_at = target
        closing, opening = result[page_at].blocks[block_at], result[i].blocks[0]
        if not same_table(closing, opening):
            continue
        blocks = list(result[page_at].blocks)
        blocks[block_at] = continue_table(closing, opening)
        result[page_at] = replace(result[page_at], blocks=tuple(blocks))
        result[i] = replace(result[i], blocks=result[i].blocks[1:])
    return result


def last_table_index(pages: list[Page], i: int) -> tuple[int, int] | None:
    """The table that the page before page i ends with, if it ends with one;
    a page made only of a table's continuation hands on that table."""
    for p in range(i - 1, -1, -1):
        if pages[p].blocks:
            last = len(pages[p].blocks) - 1
            return (p, last) if isinstance(pages[p].blocks[last], TableBlock) else None
    return None


def text_margins(pages: list[Page]) -> tuple[float, float]:
    """Left and right edge of the body text over the document. The right
    edge is the furthest line end that other lines reach too (within a
    character): one line sticking out (a stray mark, an OCR box) is not it."""
    lines = [b for page in pages for b in page.blocks if isinstance(b, TextLine)]
    if not lines:
        return 0.0, 0.0
    size = median(ln.size for ln in lines)
    ends = sorted((ln.x1 for ln in lines), reverse=True)
    right = next((x for i, x in enumerate(ends) if i + 2 < len(ends) and ends[i + 2] >= x - size), ends[0])
    return min(ln.x0 for ln in lines), right


def join_wrapped_lines(blocks: list[Block], margins: tuple[float, float]) -> list[Block]:
    joined: list[Block] = []
    for block in blocks:
        previous = joined[-1] if joined else None
        if isinstance(block, TextLine) and isinstance(previous, TextLine) and wraps_into(previous, block, margins):
            joined[-1] = TextLine(join_wrapped([previous.text, block.text]), previous.x0, block.x1,
                                  previous.top, block.bottom, previous.size, block.end)
        else:
            joined.append(block)
    return joined


def wraps_into(line: TextLine, following: TextLine, margins: tuple[float, float]) -> bool:
    """following continues line's paragraph: line starts at the left margin
    and runs to the right one, following comes right under it, and does not
    start a block of its own after a finished sentence."""
    left, right = margins
    size = line.size
    if right - left < 20 * size:  # no body text wide enough to have wrapped
        return False
    if COLUMN_GAP_RUN.search(line.text) or COLUMN_GAP_RUN.search(following.text):
        return False  # cells of a table without rules side by side, not a paragraph
    gap = following.top - line.bottom  # a joined line's bottom is its last part's
    if gap > 0.8 * size or abs(following.size - size) > 0.2 * size:
        return False
    if line.x0 > left + 3 * size or not reaches_margin(line, right) or following.x0 > line.x0 + 1.5 * size:
        return False
    return not (SENTENCE_END.search(clean_line(line.text)) and BLOCK_START.match(clean_line(following.text)))


def reaches_margin(line: TextLine, right: float) -> bool:
    """The line runs to the right margin: up to it but for punctuation set
    hanging past it, or with its last character, punctuation too, flush
    with it, as a justified line is set; or it ends with a comma set inside
    the margin, where the next character did not fit (a comma never ends a
    paragraph, so the comma itself, not the character before it, is measured)."""
    end = line.end or 0.0
    return line.x1 >= right - 1.2 * line.size or end >= right - 0.3 * line.size or \
        line.text.endswith(COMMAS) and end >= right - 1.2 * line.size


def leaves_blank_line(previous: Block, block: Block) -> bool:
    size = previous.size if isinstance(previous, TextLine) else block.size if isinstance(block, TextLine) else 10.0
    return block.top - previous.bottom > 1.0 * size
