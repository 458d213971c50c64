"""Tables without rules on a scanned page: columns from the header words.

A line whose words stand apart by more than a couple of characters and read
as column titles (取組, 取組内容, 甲の役割 … as the 別表 parser knows them)
starts a table. Each column begins where its title begins; the lines below
belong to the table while their words keep to those columns. Rows are told
apart by the extra space between them: lines of one cell follow each other
at about 1.5 em, a new row starts after a wider step.
"""
from __future__ import annotations

from bisect import bisect_right

from extractors.tables import header_columns
from pipeline.ingest.layout import COLUMN_GAP, Glyph, glyphs_to_lines, vertical_bands
from pipeline.ingest.pdf_tables import TableBlock
from pipeline.normalize import join_wrapped

ALIGN_SLACK = 1.0  # ems a cell's text may start left of its column title
ROW_PITCH = 2.0  # ems from one line to the next: more starts a new row (lines of a cell are ~1.5 apart)
TABLE_END_GAP = 3.0  # a gap this many times the pitch ends the table


def unruled_tables(glyphs: list[Glyph], page_number: int) -> tuple[list[TableBlock], list[Glyph]]:
    """Tables found by their header lines, and the glyphs left outside them."""
    bands = sorted(vertical_bands(glyphs), key=lambda band: min(g.top for g in band))
    tables, taken = [], set()
    i = 0
    while i < len(bands):
        starts = header_starts(bands[i])
        if starts is None:
            i += 1
            continue
        end = table_end(bands, i, starts)
        table = bands_to_table(bands[i:end], starts, page_number)
        tables.append(table)
        taken.update(id(g) for band in bands[i:end] for g in band)
        i = end
    return tables, [g for g in glyphs if id(g) not in taken]


def words_of(band: list[Glyph]) -> list[list[Glyph]]:
    """The band's glyphs split where the gap is as wide as a column gap."""
    ordered = sorted(band, key=lambda g: g.x0)
    size = em(band)
    words = [[ordered[0]]]
    for glyph in ordered[1:]:
        if glyph.x0 - words[-1][-1].x1 >= COLUMN_GAP * size:
            words.append([glyph])
        else:
            words[-1].append(glyph)
    return words


def header_starts(band: list[Glyph]) -> list[float] | None:
    """Left edges of the column titles, if the band is a header line."""
    words = words_of(band)
    if len(words) < 2:
        return None
    titles = [join_wrapped([line.text for line in glyphs_to_lines(word, ocr=True)]) for word in words]
    if header_columns(titles, []) is None:
        return None
    return [word[0].x0 for word in words]


def table_end(bands: list[list[Glyph]], header: int, starts: list[float]) -> int:
    """Index after the last band that keeps to the columns."""
    pitch = em(bands[header]) * 1.5
    end = header + 1
    while end < len(bands):
        band, previous = bands[end], bands[end - 1]
        gap = min(g.top for g in band) - max(g.bottom for g in previous)
        if gap > TABLE_END_GAP * pitch or not keeps_to_columns(band, starts):
            break
        end += 1
    return end


def keeps_to_columns(band: list[Glyph], starts: list[float]) -> bool:
    """No word starts left of the first column or runs across a column start."""
    slack = ALIGN_SLACK * em(band)
    return all(glyph.x0 >= starts[0] - slack
               and not any(glyph.x0 < start - slack / 2 and glyph.x1 > start + slack / 2 for start in starts[1:])
               for glyph in band)


def bands_to_table(bands: list[list[Glyph]], starts: list[float], page_number: int) -> TableBlock:
    """The header band is the first row; below it a row starts wherever
    the line pitch grows past that of lines inside one cell."""
    size = em([g for band in bands for g in band])
    rows: list[list[list[Glyph]]] = []
    previous_top = None
    for n, band in enumerate(bands):
        top = min(g.top for g in band)
        if n <= 1 or top - previous_top > ROW_PITCH * size:
            rows.append([[] for _ in starts])
        slack = ALIGN_SLACK * em(band)
        for glyph in band:
            column = max(0, bisect_right(starts, glyph.x0 + slack) - 1)
            rows[-1][column].append(glyph)
        previous_top = top
    texts = tuple(tuple(join_wrapped([ln.text for ln in glyphs_to_lines(cell, ocr=True)]) for cell in row)
                  for row in rows)
    every = [g for band in bands for g in band]
    return TableBlock(texts, min(g.x0 for g in every), min(g.top for g in every), max(g.x1 for g in every),
                      max(g.bottom for g in every), (page_number,) * len(texts))


def em(glyphs: list[Glyph]) -> float:
    heights = sorted(g.size for g in glyphs)
    return heights[len(heights) // 2]
