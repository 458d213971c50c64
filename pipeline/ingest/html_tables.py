"""HTML tables as a reader sees them (pipeline.ingest.html feeds them).

A row's cells become one TAB-separated line; a cell spanning rows or columns
is repeated in each row and column it covers, as pandas.read_html does. Some
tables are no grid of values and are read as the text they lay out, each
cell's lines one cell after the other: signature blocks side by side
(甲 … | 乙 …), and a table framing the page (menus in one cell, the whole
agreement in another; the rows under that one are the frame's footer). A
table nested in a value's cell gives words of that cell; nested in a cell
framing the page it stays a table of its own.

Each table's last line goes out marked as its end (the page's text after
</table> continues none of its cells: a side menu after the 別表 is no
part of its last cell, however that cell ends).

HTML lets </td>, </th> and </tr> be left out: the next cell, row or the
table's end closes them, as a browser does.
"""
from __future__ import annotations

from collections.abc import Callable

import regex

# A cell's lines: the source line each starts on, its text, and whether it
# is the last row of a table nested in the cell (the table ends there)
Block = list[tuple[int, str, bool]]
Emit = Callable[[int, str, bool], None]  # (source line, text, the table ends with it)

# A cell of this many lines holds a page, not a value: the frame of an old
# city site or 例規集 (a menu cell beside the agreement's cell). No 別表 cell
# comes near it (a content cell runs to a few sentences), and no agreement
# is shorter (title, preamble, articles, date, two signature blocks).
PAGE_LINES = 12


class Cell:
    """A cell's text so far, in lines: <br> and block elements break them.
    The rows of a table nested in it are lines of their own, marked so that
    read as a value they become words (a nested table's cells are words)."""

    def __init__(self, line_no: int, rowspan: int, colspan: int) -> None:
        self.parts: list[list[str]] = [[]]
        self.starts = [line_no]
        self.table_rows: set[int] = set()  # indexes of parts that are a nested table's lines
        self.table_ends: set[int] = set()  # indexes of parts that are a nested table's last line
        self.rowspan, self.colspan = rowspan, colspan

    def add(self, text: str) -> None:
        self.parts[-1].append(text.replace("\n", "").replace("\r", ""))

    def break_line(self, line_no: int) -> None:
        self.parts.append([])
        self.starts.append(line_no)

    def add_table_line(self, line_no: int, text: str, ends_table: bool = False) -> None:
        self.break_line(line_no)
        self.parts[-1].append(text)
        self.table_rows.add(len(self.parts) - 1)
        if ends_table:
            self.table_ends.add(len(self.parts) - 1)
        self.break_line(line_no)

    def value(self) -> str:
        """The cell as a value of its row: wrapped lines joined without a space
        (Japanese has none between them), a nested table's cells as words."""
        pieces = [f" {''.join(part)} " if index in self.table_rows else "".join(part)
                  for index, part in enumerate(self.parts)]
        return " ".join("".join(pieces).split())

    def block(self) -> Block:
        return [(start, "".join(part).strip(), index in self.table_ends)
                for index, (start, part) in enumerate(zip(self.starts, self.parts)) if "".join(part).strip()]


class Table:
    """One <table> being read: its open row and cell, the rowspans still
    covering columns, and a row of role marks (甲 | 乙) waiting for the
    blocks under it. Finished rows go to `emit` (the page, or the cell the
    table is nested in), each held back until the next one comes or the
    table ends, so that the last goes out marked as the table's end."""

    def __init__(self, emit: Emit) -> None:
        self.sink = emit
        self.held: tuple[int, str, bool] | None = None  # the line emitted last, not passed on yet
        self.row: list[str] | None = None
        self.row_blocks: list[Block] = []  # each cell's lines, for layouts read block by block
        self.row_line = 1
        self.cell: Cell | None = None
        self.carried: dict[int, list] = {}  # column -> [rows still covered, text] of a rowspan cell
        self.marks_row: tuple[int, list[str], list[Block]] | None = None
        self.frames_page = False  # a row held the page: the rows after it are the frame's footer

    def start_row(self, line_no: int) -> None:
        self.end_row()
        self.row, self.row_line, self.row_blocks = [], line_no, []

    def start_cell(self, line_no: int, attrs) -> None:
        self.end_cell()
        if self.row is None:  # <table><td>: a browser opens the row itself
            self.start_row(line_no)
        self._fill_carried()
        self.cell = Cell(line_no, span_of(attrs, "rowspan"), span_of(attrs, "colspan"))

    def end_cell(self) -> None:
        cell, self.cell = self.cell, None
        if cell is None or self.row is None:
            return
        content, block = cell.value(), cell.block()
        for _ in range(cell.colspan):
            if cell.rowspan > 1:
                self.carried[len(self.row)] = [cell.rowspan - 1, content]
            self.row.append(content)
            self.row_blocks.append(block)
            block = []  # a block spanning columns is one block

    def end_row(self) -> None:
        self.end_cell()
        if self.row is None:
            return
        self._fill_carried()
        row, blocks, line = self.row, self.row_blocks, self.row_line
        self.row = None
        if is_role_marks_row(row):  # 甲 | 乙 alone: the blocks may follow in the next row
            self._emit_marks_row()
            self.marks_row = (line, row, blocks)
            return
        if self.marks_row is not None:
            marked = [marks + block for marks, block in zip(self.marks_row[2], blocks)]
            if is_side_by_side_blocks(marked):
                self.marks_row = None
                self._emit_blocks(marked)
                return
            self._emit_marks_row()
        self.frames_page = self.frames_page or holds_a_page(blocks)
        if self.frames_page or is_side_by_side_blocks(blocks):
            self._emit_blocks(blocks)
        elif is_article_row(blocks):
            self._emit_article(blocks)
        elif any(row):
            self.emit(line, "\t".join(row))

    def end(self) -> None:
        self.end_row()
        self._emit_marks_row()
        if self.held is not None:
            self.sink(self.held[0], self.held[1], True)
            self.held = None

    def emit(self, line_no: int, text: str, ends_table: bool = False) -> None:
        """Pass the line held on and hold this one: the last may end the table."""
        if self.held is not None:
            self.sink(*self.held)
        self.held = (line_no, text, ends_table)

    def _emit_blocks(self, blocks: list[Block]) -> None:
        """Cells that lay out text: one cell's lines after the other."""
        for block in blocks:
            for line_no, text, ends_table in block:
                self.emit(line_no, text, ends_table)

    def _emit_article(self, blocks: list[Block]) -> None:
        """(目的) / 第1条 | この協約は…。: the caption (above or under the
        number in its cell), then the article's number opening its text."""
        numbered, text = blocks[0], blocks[1]
        at = article_number_at(numbered)
        self._emit_blocks([numbered[:at] + numbered[at + 1:]])
        line_no, number, _ = numbered[at]
        self.emit(line_no, f"{number}\u3000{text[0][1]}")
        self._emit_blocks([text[1:]])

    def _emit_marks_row(self) -> None:
        if self.marks_row is not None:
            line, row, _ = self.marks_row
            self.emit(line, "\t".join(row))
            self.marks_row = None

    def _fill_carried(self) -> None:
        """The cells of earlier rows' rowspans that cover the next column."""
        while (carried := self.carried.get(len(self.row))) is not None:
            self.row.append(carried[1])
            self.row_blocks.append([])  # a spanning cell's block was the row's it started in
            carried[0] -= 1
            if carried[0] == 0:
                del self.carried[len(self.row) - 1]


def holds_a_page(blocks: list[Block]) -> bool:
    """A row of a table framing the page: one of its cells holds a page's lines."""
    return any(len(block) >= PAGE_LINES for block in blocks)


# A signature block opens with its party's role mark: 甲 alone, or before the address.
ROLE_OPENING = regex.compile(r"^[(（]?(?P<role>[甲乙丙丁戊])[)）]?(?:[\s\u3000:：]|$)")
ROLE_ORDER = "甲乙丙丁戊"
HEAD_OF_OFFICE = regex.compile(r"(?:都|道|府|県|市|町|村|区)長|知事|管理者")


def is_role_marks_row(cells: list[str]) -> bool:
    """甲 | 乙 (| 丙): a row of role marks alone, in order (not the 甲 | 乙
    under a 役割分担 header, whose other cells the spans above fill)."""
    filled = [cell.strip() for cell in cells if cell.strip()]
    marks = [ROLE_OPENING.match(cell) for cell in filled]
    return len(filled) >= 2 and all(m and m.end() == len(cell) for m, cell in zip(marks, filled)) \
        and "".join(m["role"] for m in marks) in ROLE_ORDER


def is_side_by_side_blocks(blocks: list[Block]) -> bool:
    """A row laying signature blocks side by side: every filled cell opens
    with the next role mark (甲, 乙 …) and names a head of office (…市長)
    on a line of its own; a 別表 row's cells are sentences, not such blocks."""
    filled = [block for block in blocks if block]
    if len(filled) < 2 or any(len(block) < 2 for block in filled):
        return False
    marks = [ROLE_OPENING.match(block[0][1]) for block in filled]
    return all(marks) and "".join(m["role"] for m in marks) in ROLE_ORDER \
        and all(any(HEAD_OF_OFFICE.search(text) for _, text, _ in block) for block in filled)


# A cell numbering an article (第1条, 第5条の2), its caption above it or after it.
ARTICLE_NUMBER_CELL = regex.compile(r"^第[0-9０-９一二三四五六七八九十百]+条(?:の[0-9０-９一二三四五六七八九十]+)?"
                                    r"[\s\u3000]*(?:[(（][^()（）]{1,20}[)）])?$")
SENTENCE_END = regex.compile(r"[。)）」]$")


def is_article_row(blocks: list[Block]) -> bool:
    """A row laying out an article: its number in the first cell (a caption
    line above it), its text in the second ending a sentence; not a table of
    contents (第1条 | 目的), whose cells end none."""
    if len(blocks) != 2 or not blocks[0] or not blocks[1] or len(blocks[0]) > 2:
        return False
    return article_number_at(blocks[0]) >= 0 and bool(SENTENCE_END.search(blocks[1][-1][1]))


def article_number_at(block: Block) -> int:
    """The index of the block's line numbering an article, or -1."""
    return next((i for i, (_, text, _) in enumerate(block) if "条" in text and ARTICLE_NUMBER_CELL.match(text)), -1)


def span_of(attrs: list[tuple[str, str | None]], name: str) -> int:
    """rowspan="3" -> 3; missing or malformed -> 1 (capped: a bad page must not explode)."""
    value = dict(attrs).get(name) or ""
    return min(int(value), 100) if value.strip().isdigit() and int(value) > 0 else 1
