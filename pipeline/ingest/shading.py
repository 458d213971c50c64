"""Tables drawn with shaded cells and no rules -> the lines of their grid.

Some 別表 have no ruling line at all: the header cells are grey rectangles
with white gaps between them, and the body rows are striped (every other
row shaded) or left white. A reader sees the columns in the header fills and
the rows in the stripes; pdfplumber's table finder sees only rectangles,
whose edges make a one-row table of the header. Here the fills are read as
a reader reads them, and the grid they imply is handed back as explicit
lines for pdfplumber to cut into cells (pdf_tables.tables_of_shaded_cells):

- columns: between the header fills (the middle of each white gap); when
  only the rows are striped, where the words inside line up (pdfplumber's
  word alignment, as its "text" strategy finds columns);
- rows: each fill's top and bottom; in white space (a white row between two
  stripes, the white body under a shaded header, the last row under the
  last stripe) from the line spacing, since lines of one cell follow each
  other closer than rows do. Text below the fills belongs to the table
  while it keeps to the columns: a paragraph runs across them.

A fill inside a ruled table is only the shading of a ruled cell: a region
with any rule is left to the ruled-table readers.
"""
from __future__ import annotations

from dataclasses import dataclass
from statistics import median

from pipeline.ingest.layout import Glyph, vertical_bands

EDGE_TOLERANCE = 3.0  # points: edges closer than this are one (pdfplumber's snap tolerance)
MAX_RULE_WIDTH = 2.0  # points: a filled rectangle thinner than this is drawn as a rule
MAX_PAGE_SHARE = 0.5  # a fill covering more of the page is the page's background, no table
MIN_ALIGNED_WORDS = 3  # words starting at one x that make a column (pdfplumber's min_words_vertical)
# Lines of one cell follow each other at about 1.5 em, top to top; a new row
# adds the cells' padding (as in columns.py for scans).
ROW_PITCH = 2.0
MAX_ROW_GAP = 2.5  # ems of white between two lines of a table; more ends it
CELL_GAP = 0.4  # ems between the text of two cells at least; closer glyphs are one run of text
WHITE = 0.99  # a fill this light is not seen as shading (Word's lightest grey, F2F2F2, is 0.95)


@dataclass(frozen=True)
class Band:
    """Fills side by side at one height: the header's cells, or one stripe."""
    fills: tuple[dict, ...]

    @property
    def top(self) -> float:
        return min(f["top"] for f in self.fills)

    @property
    def bottom(self) -> float:
        return max(f["bottom"] for f in self.fills)

    @property
    def x0(self) -> float:
        return min(f["x0"] for f in self.fills)

    @property
    def x1(self) -> float:
        return max(f["x1"] for f in self.fills)


@dataclass(frozen=True)
class Grid:
    xs: tuple[float, ...]  # column boundaries, left to right
    ys: tuple[float, ...]  # row boundaries, top to bottom

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return self.xs[0], self.ys[0], self.xs[-1], self.ys[-1]


def is_background(obj: dict) -> bool:
    """A filled rectangle without an outline, thicker than a rule: a cell's
    or a row's shading, whose sides are no ruling lines."""
    return obj.get("object_type") == "rect" and bool(obj.get("fill")) and not obj.get("stroke") \
        and min(obj["width"], obj["height"]) > MAX_RULE_WIDTH


def shaded_grids(page, glyphs: list[Glyph]) -> list[Grid]:
    """The grids of the page's tables of shaded cells, without rules."""
    fills = shading_fills(page)
    if not fills:
        return []
    rules = [e for e in page.filter(lambda obj: not is_background(obj)).edges]
    grids = []
    for run in runs_of_bands(bands_of(fills)):
        grid = grid_of_run(page, run, glyphs)
        if grid is not None and not any(crosses(rule, grid.bbox) for rule in rules):
            grids.append(grid)
    return grids


def shading_fills(page) -> list[dict]:
    """Visible background fills smaller than the page: white rectangles
    are invisible, and one under the whole page is its paper colour."""
    area = float(page.width * page.height)
    return [r for r in page.rects if is_background(r) and not is_white(r)
            and r["width"] * r["height"] < MAX_PAGE_SHARE * area]


def is_white(rect: dict) -> bool:
    colour = rect.get("non_stroking_color")
    values = colour if isinstance(colour, (tuple, list)) else (colour,)
    if not values or any(not isinstance(v, (int, float)) for v in values):
        return False  # a pattern or an unknown colour space: shading of some kind
    if len(values) == 4:  # CMYK: white has no ink
        return max(values) <= 1 - WHITE
    return min(values) >= WHITE


def bands_of(fills: list[dict]) -> list[Band]:
    """Fills grouped by the height they stand at, top to bottom."""
    bands: list[list[dict]] = []
    for fill in sorted(fills, key=lambda f: (f["top"], f["x0"])):
        if bands and abs(bands[-1][0]["top"] - fill["top"]) <= EDGE_TOLERANCE \
                and abs(bands[-1][0]["bottom"] - fill["bottom"]) <= EDGE_TOLERANCE:
            bands[-1].append(fill)
        else:
            bands.append([fill])
    return [Band(tuple(b)) for b in bands]


def runs_of_bands(bands: list[Band]) -> list[list[Band]]:
    """Bands stacked over the same width: one table's header and stripes."""
    runs: list[list[Band]] = []
    for band in bands:
        last = runs[-1][-1] if runs else None
        if last and abs(last.x0 - band.x0) <= EDGE_TOLERANCE and abs(last.x1 - band.x1) <= EDGE_TOLERANCE:
            runs[-1].append(band)
        else:
            runs.append([band])
    return runs


def grid_of_run(page, run: list[Band], glyphs: list[Glyph]) -> Grid | None:
    """Columns and rows of the table a run of bands draws, or None when it
    is no table (a single shaded box, text in one column)."""
    x0, x1 = min(b.x0 for b in run), max(b.x1 for b in run)
    header = next((b for b in run if len(b.fills) >= 2), None)
    if header is None and len(run) < 2:
        return None  # one shaded box: a highlighted paragraph as likely as a table
    inside = [g for g in glyphs if not g.is_blank and x0 - EDGE_TOLERANCE <= g.x0 and g.x1 <= x1 + EDGE_TOLERANCE]
    if not inside:
        return None
    em = median(g.size for g in inside)
    xs = header_columns(header) if header else aligned_columns(page, run, x0, x1, em)
    if len(xs) < 3:
        return None
    lines = [sorted(band, key=lambda g: g.x0) for band in vertical_bands(inside)]
    ys = rows_of_run(run, lines, xs, em)
    return Grid(tuple(xs), tuple(ys)) if len(ys) >= 3 else None


def header_columns(header: Band) -> list[float]:
    """Column boundaries from header cells drawn as fills: the outer
    edges and the middle of each gap between two fills."""
    fills = sorted(header.fills, key=lambda f: f["x0"])
    inner = [(a["x1"] + b["x0"]) / 2 for a, b in zip(fills, fills[1:])]
    return [fills[0]["x0"], *inner, fills[-1]["x1"]]


def aligned_edges(words: list[dict]) -> list[dict]:
    """Where at least MIN_ALIGNED_WORDS words start at one x (pdfplumber's
    "text" strategy). pdfplumber is imported here, when a PDF needs it: a
    batch of text files is spared its 0.08 s import in every worker."""
    from pdfplumber.table import words_to_edges_v

    return words_to_edges_v(words, MIN_ALIGNED_WORDS)


def aligned_columns(page, run: list[Band], x0: float, x1: float, em: float) -> list[float]:
    """Column boundaries where the cells' texts in the striped rows line
    up. A word runs on over spaces and up to a gap of cell padding, so that
    the label and the name of a measure (ア 職員の交流) are one cell."""
    region = page.crop((x0, run[0].top, x1, run[-1].bottom))
    words = region.extract_words(keep_blank_chars=True, x_tolerance=CELL_GAP * em)
    edges = aligned_edges(words)[:-1]  # the last one: the text's right end
    inner = [e["x0"] for e in edges if x0 + em < e["x0"] < x1 - em]  # the first column's text starts a padding in
    return [x0, *inner, x1]


def rows_of_run(run: list[Band], lines: list[list[Glyph]], xs: list[float], em: float) -> list[float]:
    """Row boundaries top to bottom: a header line above the first stripe,
    every fill's edges, rows by line spacing in the white between fills and
    under the last one, as long as the text keeps to the columns."""
    ys = header_above(run[0], lines, xs, em)
    for band, following in zip(run, run[1:] + [None]):
        ys += [band.top, band.bottom]
        white = [ln for ln in lines if band.bottom <= middle(ln) and (following is None or middle(ln) <= following.top)]
        table_lines = lines_in_table(white, band.bottom, xs, em)
        if following is not None and len(table_lines) < len(white):
            break  # text across the columns between two fills: the table ended above it
        ys += row_breaks(table_lines, em)
        if following is None and table_lines:
            ys.append(max(g.bottom for g in table_lines[-1]) + em / 4)
    return merge_close(ys)


def header_above(first: Band, lines: list[list[Glyph]], xs: list[float], em: float) -> list[float]:
    """The top of a white header row over a first stripe: the line just
    above it, keeping to the columns and naming two of them at least."""
    if len(first.fills) >= 2:
        return []  # the header is shaded itself
    above = [ln for ln in lines if middle(ln) < first.top]
    if not above:
        return []
    line = above[-1]
    near = first.top - max(g.bottom for g in line) <= MAX_ROW_GAP * em
    if near and keeps_to_columns(line, xs, em) and len(columns_filled(line, xs)) >= 2:
        return [min(g.top for g in line) - em / 4]
    return []


def lines_in_table(lines: list[list[Glyph]], top: float, xs: list[float], em: float) -> list[list[Glyph]]:
    """The lines from the top that still belong to the table: each close
    to the one before and keeping to the columns."""
    taken, previous_bottom = [], top
    for line in lines:
        if min(g.top for g in line) - previous_bottom > MAX_ROW_GAP * em or not keeps_to_columns(line, xs, em):
            break
        taken.append(line)
        previous_bottom = max(g.bottom for g in line)
    return taken


def row_breaks(lines: list[list[Glyph]], em: float) -> list[float]:
    """Boundaries between rows among white lines: where the step from one
    line's top to the next grows past that of lines inside one cell."""
    breaks = []
    for above, below in zip(lines, lines[1:]):
        above_top, below_top = min(g.top for g in above), min(g.top for g in below)
        if below_top - above_top > ROW_PITCH * em:
            breaks.append((max(g.bottom for g in above) + below_top) / 2)
    return breaks


def keeps_to_columns(line: list[Glyph], xs: list[float], em: float) -> bool:
    """No run of text (glyphs closer than cell padding) reaches across a
    column boundary, and none lies outside the table."""
    if line[0].x0 < xs[0] - EDGE_TOLERANCE or line[-1].x1 > xs[-1] + EDGE_TOLERANCE:
        return False
    for start, end in text_runs(line, em):
        if any(start < x < end for x in xs[1:-1]):
            return False
    return True


def text_runs(line: list[Glyph], em: float) -> list[tuple[float, float]]:
    """(x0, x1) of the line's stretches of text, split at gaps of cell padding."""
    runs = [[line[0].x0, line[0].x1]]
    for glyph in line[1:]:
        if glyph.x0 - runs[-1][1] >= CELL_GAP * em:
            runs.append([glyph.x0, glyph.x1])
        else:
            runs[-1][1] = max(runs[-1][1], glyph.x1)
    return [(a, b) for a, b in runs]


def columns_filled(line: list[Glyph], xs: list[float]) -> set[int]:
    return {sum(1 for x in xs[1:-1] if x <= (g.x0 + g.x1) / 2) for g in line}


def middle(line: list[Glyph]) -> float:
    return (min(g.top for g in line) + max(g.bottom for g in line)) / 2


def crosses(edge: dict, bbox: tuple[float, float, float, float]) -> bool:
    return touches((edge["x0"], edge["top"], edge["x1"], edge["bottom"]), bbox)


def touches(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    """Two boxes (x0, top, x1, bottom) overlap or meet."""
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


def merge_close(ys: list[float]) -> list[float]:
    """Sorted, boundaries closer than the snap tolerance as one (the white
    gap between the header fills and a stripe is no row)."""
    merged: list[list[float]] = []
    for y in sorted(ys):
        if merged and y - merged[-1][-1] <= EDGE_TOLERANCE:
            merged[-1].append(y)
        else:
            merged.append([y])
    return [sum(group) / len(group) for group in merged]
