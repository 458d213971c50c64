"""Ruled tables of a PDF page -> rows of cell texts; a 別表 broken over pages -> one table.

pdfplumber's table finder turns ruling lines into cells; the glyphs inside a
cell (characters of the text layer, or OCR words) are read as lines and
joined, so a cell wrapped over several lines stays one cell. A row broken
at a page break often has no rule where the page ends and none where the
next page begins: those open ends of the column rules are closed with
explicit lines, or the fragments would fall out of the table.

Across pages (`merge_continued_tables`): a table that opens a page and has
as many columns as the table that closed the previous page continues it; a
repeat of its header rows (one, or both of a two-level header) is dropped,
and a first row whose key cell is empty or, in a table that labels its rows
(ア, イ …), unlabeled, is the rest of the row the page break cut, joined to
it cell by cell.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from statistics import median

from extractors.tables import TERMINATED, join_fragment, split_label
from pipeline.ingest.layout import Glyph, glyphs_to_lines
from pipeline.ingest.shading import EDGE_TOLERANCE, aligned_edges, is_background, shaded_grids, touches
from pipeline.model import CELL_SEP
from pipeline.normalize import clean_line, join_wrapped

SAME_ROW_SIMILARITY = 0.75  # a repeated header row read by OCR differs in a character or two
HANGING = {"、", "。", ",", ".", "，", "．"}  # set hanging past the right margin, never first on a line
HANG_EM = 0.5  # how far into a cell, in ems, hanging punctuation of the cell to its left reaches
MIN_CHAR_EM, MAX_CHAR_EM = 0.4, 1.6  # width per character of an OCR word whose box can be cut
HEADER_CELL_LENGTH = 20  # characters: a column title is never longer


@dataclass(frozen=True)
class TableBlock:
    rows: tuple[tuple[str, ...], ...]
    x0: float
    top: float
    x1: float
    bottom: float
    pages: tuple[int, ...] = ()  # the page each row starts on
    end_pages: tuple[int, ...] = ()  # the page each row ends on (a later one for a row a page break cut)

    @property
    def width(self) -> int:
        return len(self.rows[0]) if self.rows else 0


@dataclass(frozen=True)
class Cell:
    x0: float
    top: float
    x1: float
    bottom: float


def find_tables(page, glyphs: list[Glyph], rules: list[dict] | None = None,
                ocr: bool | None = None) -> tuple[list[TableBlock], list[Glyph]]:
    """The page's ruled tables with the glyphs read into their cells, and
    the glyphs outside every table. `rules` replaces the page's own vector
    lines: for a scan, the rules found in the image (glyphs are then OCR
    words, unless `ocr` is False: a text layer laid over a scan)."""
    ocr = rules is not None if ocr is None else ocr
    tables = page.find_tables(table_settings(page, rules))
    if rules is None:
        shaded = tables_of_shaded_cells(page, glyphs)
        # the fills' edges alone make pdfplumber a table of the header: the shaded table replaces it
        tables = [t for t in tables if not any(overlaps(t.bbox, s.bbox) for s in shaded)] + shaded
        tables += tables_ruled_across_only(page, tables)
    blocks, outside = [], glyphs
    for table in tables:
        rows = [[Cell(*bbox) if bbox else None for bbox in row.cells] for row in table.rows]
        x0, top, x1, bottom = table.bbox
        inside = [g for g in outside if x0 <= (g.x0 + g.x1) / 2 <= x1 and top <= g.middle <= bottom]
        if not inside and len(rows) < 2:
            continue  # a ruled box without text is a frame, not a table
        taken = set(map(id, inside))
        outside = [g for g in outside if id(g) not in taken]
        texts = cells_to_texts(rows, inside, ocr=ocr)
        blocks.append(TableBlock(tuple(tuple(r) for r in texts if any(r)), x0, top, x1, bottom,
                                 (page.page_number,) * len(texts)))
    return [b for b in blocks if b.rows], outside


def tables_of_shaded_cells(page, glyphs: list[Glyph]) -> list:
    """Tables drawn with shaded cells and no rules (shading.py), cut into
    cells by pdfplumber along the grid the fills imply."""
    tables = []
    for grid in shaded_grids(page, glyphs):
        x0, top, x1, bottom = grid.bbox
        tables += page.find_tables({
            "vertical_strategy": "explicit", "horizontal_strategy": "explicit",
            "explicit_vertical_lines": [rule(x, top, x, bottom) for x in grid.xs],
            "explicit_horizontal_lines": [rule(x0, y, x1, y) for y in grid.ys]})
    return tables


def overlaps(a: tuple, b: tuple) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def tables_ruled_across_only(page, found: list) -> list:
    """Tables ruled only by horizontal lines (above, between and below the
    rows, no column rules): three or more rules of the same extent with no
    table found between them. The rows are where the rules are; the columns
    where the text inside lines up (pdfplumber's word alignment, as its
    "text" strategy finds them), drawn from the top rule to the bottom one:
    cells of a ruled row are set close together, so no gap tells them apart."""
    tables = []
    for box in stacked_rules(page):
        if any(touches(t.bbox, box) for t in found):
            continue
        x0, top, x1, bottom = box
        region = page.crop((x0, top - EDGE_TOLERANCE, x1, bottom + EDGE_TOLERANCE))
        columns = [edge["x0"] for edge in aligned_edges(region.extract_words())]
        if len(columns) >= 3:  # two columns at least: text at one margin is a paragraph
            tables += region.find_tables({"vertical_strategy": "explicit", "explicit_vertical_lines": columns,
                                          "horizontal_strategy": "lines"})
    return tables


def stacked_rules(page) -> list[tuple[float, float, float, float]]:
    """Bounding boxes of groups of horizontal rules that start and end at
    the same x (three at least) without a vertical rule between them."""
    page = page.filter(lambda obj: not is_background(obj))
    groups: dict[tuple[int, int], list[dict]] = {}
    for edge in page.edges:
        if edge["orientation"] == "h" and edge["x1"] - edge["x0"] > 0.3 * float(page.width):
            groups.setdefault((round(edge["x0"] / EDGE_TOLERANCE), round(edge["x1"] / EDGE_TOLERANCE)), []).append(edge)
    vertical = [e for e in page.edges if e["orientation"] == "v"]
    boxes = []
    for rules in groups.values():
        tops = sorted({round(r["top"], 1) for r in rules})
        box = (min(r["x0"] for r in rules), tops[0], max(r["x1"] for r in rules), tops[-1])
        crossed = any(box[0] - EDGE_TOLERANCE <= v["x0"] <= box[2] + EDGE_TOLERANCE
                      and v["top"] < box[3] and v["bottom"] > box[1] for v in vertical)
        if len(tops) >= 3 and not crossed:
            boxes.append(box)
    return boxes


def table_settings(page, rules: list[dict] | None) -> dict:
    if rules is not None:
        vertical = [r for r in rules if r["x0"] == r["x1"]]
        horizontal = [r for r in rules if r["top"] == r["bottom"]]
        closing = open_rule_ends(vertical, horizontal)
        return {"vertical_strategy": "explicit", "horizontal_strategy": "explicit",
                "explicit_vertical_lines": vertical or [0, 0],
                "explicit_horizontal_lines": horizontal + [full_width_rule(page, y) for y in closing] or [0, 0]}
    edges = page.edges
    vertical = [e for e in edges if e["orientation"] == "v"]
    horizontal = [e for e in edges if e["orientation"] == "h"]
    return {"vertical_strategy": "lines", "horizontal_strategy": "lines",
            "explicit_horizontal_lines": open_rule_ends(vertical, horizontal)}


def open_rule_ends(vertical: list[dict], horizontal: list[dict]) -> list[float]:
    """Heights where column rules end without a row rule to meet them: where
    a page break cut a row."""
    ends = set()
    for v in vertical:
        x = v["x0"]
        for y in (v["top"], v["bottom"]):
            closed = any(abs(h["top"] - y) <= EDGE_TOLERANCE and h["x0"] - EDGE_TOLERANCE <= x <= h["x1"] + EDGE_TOLERANCE
                         for h in horizontal)
            if not closed:
                ends.add(round(y, 1))
    return sorted(ends)


def full_width_rule(page, y: float) -> dict:
    x0, _, x1, _ = page.bbox
    return rule(x0, y, x1, y)


def rule(x0: float, top: float, x1: float, bottom: float) -> dict:
    """A ruling line as pdfplumber's explicit table settings take it."""
    return {"object_type": "line", "x0": x0, "x1": x1, "top": top, "bottom": bottom,
            "width": x1 - x0, "height": bottom - top}


def cells_to_texts(rows: list[list[Cell | None]], glyphs: list[Glyph], ocr: bool = False) -> list[list[str]]:
    """Each glyph goes to the cell its middle lies in; a cell's lines are
    joined as wrapped text. An OCR word that runs across a column rule is
    cut there first; punctuation hanging past a cell's right rule stays in
    that cell."""
    row_tops = [min(c.top for c in row if c) for row in rows]
    content: dict[tuple[int, int], list[Glyph]] = {}
    sizes = [g.size for g in glyphs if len(g.text.strip()) == 1] or [g.size for g in glyphs]
    em = median(sizes) if sizes else 0.0  # a character's height; OCR words of one character tell it best
    for glyph in glyphs:
        r = bisect_right(row_tops, glyph.middle) - 1
        if r < 0:
            continue
        for part in split_at_rules(glyph, rows[r], em) if ocr else (glyph,):
            at = cell_at(rows, r, start_side(part, rows[r]) if ocr else (part.x0 + part.x1) / 2, part.middle)
            if at is not None:
                content.setdefault(at, []).append(part)
    keep_hanging_punctuation(rows, content, em)
    return [[join_wrapped([ln.text for ln in glyphs_to_lines(content.get((r, c), []), ocr)])
             for c in range(len(row))] for r, row in enumerate(rows)]


def cell_index(row: list[Cell | None], x: float) -> int | None:
    return next((c for c, cell in enumerate(row) if cell and cell.x0 <= x <= cell.x1), None)


def cell_at(rows: list[list[Cell | None]], r: int, x: float, y: float) -> tuple[int, int] | None:
    """(row, column) of the cell at x in row r, or of the merged cell from a
    row above that covers the point: pdfplumber lists a cell spanning rows
    (a 分野 cell over its measures, a header over two header rows) in its
    first row only, while its text, centred vertically, sits lower down."""
    c = cell_index(rows[r], x)
    if c is not None:
        return r, c
    for k in range(r - 1, -1, -1):
        c = cell_index(rows[k], x)
        if c is not None:
            return (k, c) if rows[k][c].bottom >= y else None
    return None


def start_side(word: Glyph, row: list[Cell | None]) -> float:
    """Where an OCR word is placed: its middle, or just left of the column
    rule it still runs across once split_at_rules has cut what it could (a
    word of one character, a cut that would leave a side empty). A cell's
    text starts a little right of its rule, never across it, while a line
    runs up to its cell's right rule and Tesseract's box for the last
    character often reaches past it (a 町 or 、 boxed over the rule, its
    middle beyond): on the scanned samples every such word ends a line of
    the cell to the left."""
    middle = (word.x0 + word.x1) / 2
    edge = next((cell.x0 for cell in row[1:] if cell and word.x0 < cell.x0 < word.x1), None)
    return middle if edge is None else min(middle, edge - 0.01)


def split_at_rules(glyph: Glyph, row: list[Cell | None], em: float) -> list[Glyph]:
    """An OCR word cut where a column rule (painted out before OCR) runs
    through it, its characters shared out by width: Tesseract joins the end
    of one cell's line and the start of the next cell's into one word when
    nothing but the rule stood between them. Only a box about as wide as its
    characters is cut (Tesseract sometimes gives a word a box far wider than
    its text; where its characters stand is then unknown)."""
    text, width = glyph.text, glyph.x1 - glyph.x0
    if len(text) < 2 or not em or not MIN_CHAR_EM * em <= width / len(text) <= MAX_CHAR_EM * em:
        return [glyph]
    step = width / len(text)
    for cell in row[1:]:
        if cell and glyph.x0 + step / 2 < cell.x0 < glyph.x1 - step / 2:
            cut = round((cell.x0 - glyph.x0) / step)
            if 0 < cut < len(text):
                left = Glyph(text[:cut], glyph.x0, cell.x0, glyph.top, glyph.bottom)
                right = Glyph(text[cut:], cell.x0, glyph.x1, glyph.top, glyph.bottom)
                return [left, *split_at_rules(right, row, em)]
    return [glyph]


def keep_hanging_punctuation(rows: list[list[Cell | None]], content: dict[tuple[int, int], list[Glyph]],
                             em: float) -> None:
    """、 or 。 at the very start of a cell line never starts a line in
    Japanese: it is the end of the line of the cell to the left, set hanging
    past the rule (ぶら下げ). Moved there when that cell has a line at the
    same height that runs up to its right edge."""
    for (r, c), cell_glyphs in list(content.items()):
        cell = rows[r][c]
        left_c = next((k for k in range(c - 1, -1, -1) if rows[r][k]), None)
        if left_c is None:
            continue
        left_cell = rows[r][left_c]
        for glyph in list(cell_glyphs):
            if glyph.text not in HANGING or glyph.x0 > cell.x0 + HANG_EM * em:
                continue
            beside = [g for g in content.get((r, left_c), []) if g.top - 0.3 * em <= glyph.middle <= g.bottom + 0.3 * em]
            if beside and max(g.x1 for g in beside) >= left_cell.x1 - 2 * em:
                cell_glyphs.remove(glyph)
                content[(r, left_c)].append(glyph)


# -- tables across pages ------------------------------------------------------

def continue_table(previous: TableBlock, following: TableBlock) -> TableBlock:
    """previous (closing one page) with following (opening the next) appended."""
    repeated = repeated_header_rows(previous, following)
    rows = list(following.rows)[repeated:]
    pages = list(following.pages)[repeated:]
    ends = end_pages_of(following)[repeated:]
    merged = list(previous.rows)
    merged_ends = end_pages_of(previous)
    if rows and merged and is_cut_row(rows[0], merged, previous.rows[:max(1, repeated)], rows[1:]):
        merged[-1] = tuple(join_fragment(a, b) for a, b in zip(merged[-1], rows[0]))
        if merged_ends and ends:
            merged_ends[-1] = ends[0]  # the row now ends where its rest ends
        rows, pages, ends = rows[1:], pages[1:], ends[1:]
    return replace(previous, rows=tuple(merged + rows), pages=previous.pages + tuple(pages),
                   end_pages=tuple(merged_ends + ends), bottom=following.bottom)


def repeated_header_rows(previous: TableBlock, following: TableBlock) -> int:
    """How many rows the following part opens with that repeat the table's
    first rows: its header, of one row or of two (役割分担 over 甲 | 乙)
    when the word processor repeats a two-level header on every page.
    Past the first, a repeated row must read as a header: rows of a
    templated 別表 (…について甲と連携して取り組む。) are as alike as
    OCR's readings of one header."""
    count = 0
    for row, first in zip(following.rows, previous.rows):
        if not same_row(row, first) or count and not is_header_like(row):
            break
        count += 1
    return count


def is_header_like(row: tuple[str, ...]) -> bool:
    """Column titles: short cells, none ending a sentence."""
    cells = [clean_line(cell) for cell in row]
    return all(len(cell) <= HEADER_CELL_LENGTH and not TERMINATED.search(cell) for cell in cells)


def end_pages_of(block: TableBlock) -> list[int]:
    """The page each row ends on, one per row."""
    ends = list(block.end_pages or block.pages)[:len(block.rows)]
    return ends + [ends[-1] if ends else 0] * (len(block.rows) - len(ends))


def is_cut_row(row: tuple[str, ...], rows: list[tuple[str, ...]], header: tuple[tuple[str, ...], ...],
               after: list[tuple[str, ...]] | tuple = ()) -> bool:
    """The rest of the last row: an empty key cell; in a table that labels
    its rows (ア, イ …) an unlabeled one; else a key cell beside text cells
    that go on where the last row stopped mid-sentence. header: the table's
    header rows, which say nothing about its body; after: the rows that
    follow `row` on its page, whole rows, which show the key column too
    when the page before holds a single row (a 分野 column it fills)."""
    body = [r for r in rows if r not in header]
    if not body:
        return False
    k = key_column(body + list(after))
    key = clean_line(row[k])
    if not key:
        return True
    if sum(bool(split_label(clean_line(r[k]))[0]) for r in body) >= len(body) / 2:
        return not split_label(key)[0]
    last = body[-1]
    return any(last[c] and row[c] and not TERMINATED.search(clean_line(last[c]))
               for c in prose_columns(body[:-1] or body))


def key_column(body: list[tuple[str, ...]]) -> int:
    """The first column that every row fills: the measure. A 分野 column
    before it is empty below each section's first row (its cell spans the
    rows), so an empty cell there says nothing about a cut row."""
    return next((c for c in range(len(body[0])) if all(r[c].strip() for r in body)), 0)


def prose_columns(rows: list[tuple[str, ...]]) -> list[int]:
    """Text columns whose cells mostly end a sentence (。): there a cell
    without one is unfinished. Judged on the rows before the last, which
    may be the one cut short."""
    columns = []
    for c in range(1, len(rows[0])):
        cells = [clean_line(r[c]) for r in rows if r[c].strip()]
        if cells and sum(bool(TERMINATED.search(t)) for t in cells) >= 0.6 * len(cells):
            columns.append(c)
    return columns


def same_row(row: tuple[str, ...], other: tuple[str, ...]) -> bool:
    """Equal, or nearly so for OCR (甲の役割 read once as 申の役割)."""
    if row == other:
        return True
    text, other_text = clean_line(CELL_SEP.join(row)), clean_line(CELL_SEP.join(other))
    return SequenceMatcher(None, text, other_text).ratio() >= SAME_ROW_SIMILARITY


def same_table(previous: TableBlock, following: TableBlock) -> bool:
    return previous.width == following.width
