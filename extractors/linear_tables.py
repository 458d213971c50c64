"""別表 grids whose cells come one per line, rebuilt into TAB rows.

pdftotext without -layout and copies from PDF viewers linearize a table:
the header cells stand on lines of their own (連携施策 / 取組内容 / 甲の役割 /
乙の役割), then each row's cells in order, a long cell wrapped over several
lines. What tells the cells apart:
- the header gives the number of columns;
- the sentence columns (取組内容, the roles) end each cell with 。, so a row
  is its measure and then one 。-ended run of lines per sentence column;
- a measure that wraps (ア 高度な医療サービスの / 提供体制の構築) ends at
  a line shorter than the content column: every wrapped line of a cell but
  its last is as wide as the cell;
- row labels (ア, イ …) keep their sequence, and the next one never stands
  inside a row.
A header of sentence columns only (取組の内容 / 甲の役割 / 乙の役割, under a
measure's title) gives rows of sentences; a name between them (numbered,
or over the header repeated) is a title line kept for the 別表 reader.
A 備考 column last in the header (its cells need no 。, and an empty one
prints nothing) ends each row: up to the next label, or, between blank
lines, the block after the roles when a measure (no 。) follows it.
A row that fails these checks (an empty cell, a cell without 。, a cell of
several sentences broken at a line end) is left out with a warning rather
than put together wrongly; a table without labels cannot be resynchronised,
so its rows from there on are left out.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import regex

from extractors.tables import NOTE_COLUMN, UNPLACED_ROLE, header_columns, is_placeholder, recognised_columns
from pipeline.model import CELL_SEP, Line, Party
from pipeline.normalize import display_width

SENTENCE_COLUMNS = {"content", "role_a", "role_b", "role_c", "roles", UNPLACED_ROLE}
MAX_HEADER_CELLS = 6
# A line that is no row of the table: a note, 附則, the next 別表.
TABLE_END = regex.compile(r"^(?:※|注\s*\d*[::)]|\(注|附\s*則|別[表紙記])")
# A line shorter than the content column by more than this (display
# columns: two characters) is the last line of a cell, not a wrapped one.
WRAP_SLACK = 4
# Two cells printed side by side on one line, as pdftotext without -layout
# joins cells whose lines share a baseline: one space between Japanese text.
SIDE_BY_SIDE = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}ー、。)」] +[\p{Han}\p{Hiragana}\p{Katakana}(「]")
# A row label before the measure (ア 産業振興, (1) 医療): its space is no cell gap.
LEADING_LABEL = regex.compile(r"^\(?[\p{Katakana}\p{Latin}\d]{1,2}[).]?\s+")
BLANK = regex.compile(r"\s")  # a header cell has none


def rebuild_linearized_tables(lines: list[Line], parties: list[Party]) -> tuple[list[Line], list[str]]:
    """The region's lines with each linearized grid replaced by its header
    and rows as TAB lines; lines of rows that cannot be rebuilt are dropped."""
    out: list[Line] = []
    warnings: list[str] = []
    i = 0
    while i < len(lines):
        width = header_length(lines, i, parties)
        if not width:
            out.append(lines[i])
            i += 1
            continue
        table = LinearTable(lines, i, width, parties)
        table.read()
        out += table.output()
        warnings += table.warnings
        i = table.end
    return out, warnings


def parse_heading(text: str):
    from extractors.appendix import parse_heading as heading_of  # appendix reads the rows built here

    return heading_of(text)


def header_length(lines: list[Line], start: int, parties: list[Party]) -> int:
    """How many lines from `start` are header cells standing alone (three or
    more, among them a role column), or 0."""
    best = 0
    for end in range(start + 1, min(len(lines), start + MAX_HEADER_CELLS) + 1):
        line = lines[end - 1]
        if line.is_row or BLANK.search(line.text):
            break
        found = recognised_columns([ln.text for ln in lines[start:end]], parties)
        if not found or len(found) < end - start:
            break
        best = end - start
    if best < 3:
        return 0
    kinds = list(recognised_columns([ln.text for ln in lines[start:start + best]], parties).values())
    if kinds[-1] == NOTE_COLUMN:  # 備考 last: a cell of any text, perhaps none, after the sentences
        kinds = kinds[:-1]
    if kinds[0] == "content":  # 取組の内容 | 甲の役割 | 乙の役割 under a measure's title: sentences only
        kinds = ["measure", *kinds]
    return best if kinds[0] == "measure" and set(kinds[1:]) <= SENTENCE_COLUMNS and \
        set(kinds) & {"role_a", "role_b", "roles"} else 0


@dataclass
class Row:
    lines: list[Line]
    ends: list[int]  # index in lines of the last line of each sentence cell
    note: list[Line] = field(default_factory=list)  # the 備考 cell's lines, after the sentence cells


@dataclass
class LinearTable:
    lines: list[Line]
    start: int  # the first header line
    width: int  # header cells
    parties: list[Party]
    end: int = 0
    items: list = field(default_factory=list)  # Row or a heading Line, in order
    warnings: list[str] = field(default_factory=list)
    label_style: str | None = None  # the numbering of row labels; "" when rows have none
    label_number: int | None = None
    failed: bool = False  # a row could not be rebuilt
    blocky: bool = False  # blank lines part the cells (pdftotext without -layout)
    has_note: bool = False  # the header's last cell is 備考 (摘要, 特記事項): each row ends with its note
    has_measure: bool = True  # the rows open with their measure, not (under a measure's title) with their content

    @property
    def header_texts(self) -> set[str]:
        return {ln.text for ln in self.lines[self.start:self.start + self.width]}

    def is_header_cell(self, i: int) -> bool:
        """A header cell printed apart from the rest of its header: pdftotext
        moves 甲の役割 / 乙の役割 beside a row or after a page break."""
        return self.lines[i].text in self.header_texts

    def __post_init__(self) -> None:
        header = [ln.text for ln in self.lines[self.start:self.start + self.width]]
        kinds = recognised_columns(header, self.parties) or {}
        self.has_note = kinds.get(self.width - 1) == NOTE_COLUMN
        self.has_measure = kinds.get(0) != "content"

    @property
    def sentence_cells(self) -> int:
        return self.width - self.has_measure - self.has_note

    def read(self) -> None:
        i = self.start + self.width
        body = self.lines[i:i + 4 * self.width]
        self.blocky = sum(ln.blank_before for ln in body) >= self.width  # a blank line after each cell
        while i < len(self.lines):
            line, header = self.lines[i], header_length(self.lines, i, self.parties)
            if header == self.width:  # repeated on a new page or section
                i += self.width
            elif header or TABLE_END.match(line.text) or line.is_row:  # another table
                break
            elif self.blocky and self.is_header_cell(i):
                i += 1
            elif self.is_section_heading(i):
                self.items.append(line)
                self.label_number = None
                i += 1
            else:
                i = self.read_row(i)
        self.end = i

    def is_section_heading(self, i: int) -> bool:
        """A numbered line at a row's start in another style than the row
        labels; before the first row, one followed by another numbered line
        or the header."""
        text = self.lines[i].text
        heading = parse_heading(text)
        if not self.has_measure and not text.endswith("。"):  # rows of sentences only: a name between them titles them
            return heading is not None or header_length(self.lines, i + 1, self.parties) > 0
        if heading is None:
            return False
        if self.label_style is not None:
            return heading.style != self.label_style
        following = self.lines[i + 1] if i + 1 < len(self.lines) else None
        return following is None or bool(parse_heading(following.text)) or \
            header_length(self.lines, i + 1, self.parties) > 0

    def read_row(self, start: int) -> int:
        """Collect one row from `start`; returns where the next one starts."""
        if self.has_measure:
            label_ok = self.take_label(self.lines[start]) and not self.lines[start].text.endswith("。")
            taken, ends, i = [self.lines[start]], [], start + 1
        else:  # no label, no measure: the first sentence cell starts the row
            label_ok, taken, ends, i = True, [], [], start
        while i < len(self.lines) and len(ends) < self.sentence_cells and not self.starts_row(i):
            if not (self.blocky and self.is_header_cell(i)):
                taken.append(self.lines[i])
                if self.lines[i].text.endswith("。") or is_placeholder(self.lines[i].text):
                    ends.append(len(taken) - 1)
            i += 1
        complete = len(ends) == self.sentence_cells
        note_end = self.note_end(i) if complete and self.has_note else i
        if note_end is None:
            complete = False  # no labels or blank lines show where the note ends and the next measure starts
        else:
            note, i = self.lines[i:note_end], note_end
        if complete and self.label_style and i < len(self.lines) and not self.starts_row(i):
            complete = False  # lines before the next label: a cell held more sentences than its line ends show
            while i < len(self.lines) and not self.starts_row(i):
                i += 1
        if label_ok and complete and (not self.blocky or not self.has_measure or cells_are_blocks(taken, ends)):
            self.items.append(Row(taken, ends, note))
            return i
        self.failed = True
        self.warnings.append(f"lines {self.lines[start].no}-{self.lines[i - 1].no}: a 別表 row given one "
                             f"cell per line whose {self.width} cells could not be told apart; left out")
        if self.label_style:
            return i
        # Unlabelled: only blank lines parting the cells show where a row may start again.
        return self.next_measure(start + 1) if self.blocky else self.skip_to_end(i)

    def note_end(self, i: int) -> int | None:
        """Where the 備考 cell starting at line i ends: at the next row's
        label; in text parting cells by blank lines, after its block when
        the block after that ends no sentence (the next measure, whose
        content follows; a block ending with 。 after a block is the
        content of a measure, and the note was left empty); None when
        nothing shows it."""
        if i >= len(self.lines) or self.starts_row(i):
            return i
        if self.label_style:
            end = i
            while end < len(self.lines) and not self.starts_row(end):
                end += 1
            return end
        if not self.blocky:
            return None
        end = block_end(self.lines, i)
        if end >= len(self.lines) or self.starts_row(end) or self.lines[end - 1].text.endswith("。") \
                or not block_ends_sentence(self.lines, end):
            return end
        return i

    def next_measure(self, i: int) -> int:
        """The next run of lines that a blank line or a finished sentence
        opens and that ends without 。 (a measure), or the table's end."""
        while i < len(self.lines) and not self.starts_row(i):
            opens = self.lines[i].blank_before or self.lines[i - 1].text.endswith("。")
            if opens and not self.is_header_cell(i) and not block_ends_sentence(self.lines, i):
                return i
            i += 1
        return i

    def take_label(self, line: Line) -> bool:
        """The row's label continues the sequence, or restarts it at 1; the
        first row decides whether the table labels its rows ("" = it does not)."""
        heading = parse_heading(line.text)
        if self.label_style is None:
            self.label_style = heading.style if heading else ""
        if not self.label_style:
            return heading is None
        if heading is None or heading.style != self.label_style:
            return False
        expected = 1 if self.label_number is None else self.label_number + 1
        self.label_number = heading.number
        return heading.number in (expected, 1)

    def starts_row(self, i: int) -> bool:
        """Inside a row: the next label, a numbered line of another style,
        the header again or the end of the table."""
        line = self.lines[i]
        if line.is_row or TABLE_END.match(line.text) or header_length(self.lines, i, self.parties):
            return True
        heading = parse_heading(line.text)
        if heading is None or self.label_style is None:
            return False
        expected = 1 if self.label_number is None else self.label_number + 1
        return heading.style != self.label_style or heading.number == expected

    def skip_to_end(self, i: int) -> int:
        while i < len(self.lines) and not (self.lines[i].is_row or TABLE_END.match(self.lines[i].text)):
            i += 1
        return i

    # -- rows as TAB lines -------------------------------------------------
    def output(self) -> list[Line]:
        header = self.lines[self.start:self.start + self.width]
        out = [joined_line(header, [ln.text for ln in header])]
        if self.failed and not self.label_style and not self.blocky:  # rows without labels after a failed one may be shifted
            self.warnings.append(f"lines {header[0].no}-{self.lines[self.end - 1].no}: the rows of this 別表 "
                                 "have no labels to check them by; all left out")
            return out + [item for item in self.items if isinstance(item, Line)]
        content_width = self.content_width()
        references = self.column_widths() if self.blocky and self.has_measure else None
        for item in self.items:
            if isinstance(item, Line):
                out.append(item)
            elif references is None or fits_columns(self.block_cells(item), references):
                out.append(self.row_line(item, content_width))
            else:
                self.warnings.append(f"lines {item.lines[0].no}-{item.lines[-1].no}: a 別表 row whose cells "
                                     "are not as wide as their columns (printed out of order); left out")
        return out

    def measureless_row_line(self, row: Row) -> Line:
        """A row of sentence cells only (and its note)."""
        cells = ["".join(ln.text for ln in row.lines[begin + 1:end + 1]) for begin, end in zip([-1, *row.ends], row.ends)]
        if self.has_note:
            cells.append("".join(ln.text for ln in row.note))
        return joined_line(row.lines + row.note, cells)

    # -- blocky text: cells are runs of lines between blank lines ----------
    def block_cells(self, row: Row) -> list[list[Line]]:
        """The row's cells as line lists: the measure is its first block."""
        first = row.lines[:row.ends[0] + 1]
        measure_end = next(k for k in range(1, len(first)) if first[k].blank_before)
        cells = [first[:measure_end], first[measure_end:]]
        return cells + [row.lines[begin + 1:end + 1] for begin, end in zip(row.ends, row.ends[1:])]

    def column_widths(self) -> list[int]:
        """Each column's width: the median of its cells' widest lines."""
        cells = [self.block_cells(row) for row in self.rows()]
        widths = []
        for column in range(self.sentence_cells + 1):
            found = sorted(max(display_width(ln.text) for ln in row[column]) for row in cells if len(row[column]) > 1)
            widths.append(found[len(found) // 2] if found else 0)
        return widths

    def content_width(self) -> int:
        """The content column's width: its widest line, a full wrapped one."""
        widths = [display_width(ln.text) for row in self.rows() for ln in row.lines[1:row.ends[0] + 1]]
        return max(widths, default=0)

    def rows(self) -> list[Row]:
        return [item for item in self.items if isinstance(item, Row)]

    def row_line(self, row: Row, content_width: int) -> Line:
        if not self.has_measure:
            return self.measureless_row_line(row)
        first_cell = row.lines[:row.ends[0] + 1]
        measure_end = len(self.block_cells(row)[0]) if self.blocky else measure_length(first_cell, content_width)
        cells = ["".join(ln.text for ln in first_cell[:measure_end]),
                 "".join(ln.text for ln in first_cell[measure_end:])]
        for begin, end in zip(row.ends, row.ends[1:]):
            cells.append("".join(ln.text for ln in row.lines[begin + 1:end + 1]))
        if self.has_note:
            cells.append("".join(ln.text for ln in row.note))
        return joined_line(row.lines + row.note, cells)


def cells_are_blocks(lines: list[Line], ends: list[int]) -> bool:
    """In text whose cells blank lines part: the measure and the content
    are one block each, no other cell holds a blank line, and no line holds
    two cells side by side."""
    if any(SIDE_BY_SIDE.search(LEADING_LABEL.sub("", ln.text)) for ln in lines):
        return False
    first_gaps = sum(ln.blank_before for ln in lines[1:ends[0] + 1])
    later_gaps = any(ln.blank_before for begin, end in zip(ends, ends[1:]) for ln in lines[begin + 2:end + 1])
    return first_gaps == 1 and not later_gaps


def block_end(lines: list[Line], i: int) -> int:
    """The index after the run of lines from i up to the next blank line."""
    end = i + 1
    while end < len(lines) and not lines[end].blank_before:
        end += 1
    return end


def block_ends_sentence(lines: list[Line], i: int) -> bool:
    """Whether the run of lines from i up to the next blank line ends with 。."""
    end = i
    while end + 1 < len(lines) and not lines[end + 1].blank_before and not lines[end].text.endswith("。"):
        end += 1
    return lines[end].text.endswith("。") or is_placeholder(lines[end].text)


def fits_columns(cells: list[list[Line]], widths: list[int]) -> bool:
    """Every wrapped line but a cell's last fills its column, and no line
    is wider (by more than a half-width letter's column): a cell out of its
    column's place shows in its width."""
    for cell, width in zip(cells, widths):
        if not width:
            continue
        if any(not width - WRAP_SLACK <= display_width(ln.text) <= width + 1 for ln in cell[:-1]):
            return False
        if display_width(cell[-1].text) > width + 1:
            return False
    return True


def measure_length(first_cell: list[Line], content_width: int) -> int:
    """Lines of the measure at the head of measure + content: up to the last
    line before the content's final one that falls short of the content
    column (a wrapped content line fills it)."""
    length = 1
    for k in range(1, len(first_cell) - 1):
        if display_width(first_cell[k].text) < content_width - WRAP_SLACK:
            length = k + 1
    return length


def joined_line(lines: list[Line], cells: list[str]) -> Line:
    first, last = lines[0], lines[-1]
    end_page = last.end_page or last.page
    return Line(first.no, CELL_SEP.join(cells), first.page, first.blank_before,
                end_page if end_page != first.page else first.end_page, first.ocr, last.no)


# -- a cell's paragraphs exported as lines of their own (Word's plain text) --
def join_split_cells(lines: list[Line], parties: list[Party]) -> list[Line]:
    """Word saves a table as one TAB line per row, but a cell holding two
    paragraphs breaks its row there: `ア 産業振興<TAB>…に取り組む。` /
    `創業を支援する。<TAB>甲の役割…<TAB>乙の役割…`. A row short of the
    header's cells is joined with the lines after it when each of them opens
    with a sentence (…。), which the measure or 分野 column never holds, and
    together they give exactly the header's cells."""
    out: list[Line] = []
    width = 0
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.is_row and header_columns(line.cells, parties):
            width = len(line.cells)
        end = split_row_end(lines, i, width) if width and line.is_row else i + 1
        out.append(line if end == i + 1 else joined_line(lines[i:end], joined_cells(lines[i:end])))
        i = end
    return out


def split_row_end(lines: list[Line], start: int, width: int) -> int:
    """The line after the last piece of a row Word broke at a cell's
    paragraph, or start + 1 when the row is whole."""
    count, end = len(lines[start].cells), start + 1
    while count < width and end < len(lines) and lines[end].cells[0].strip().endswith("。"):
        count += len(lines[end].cells) - 1
        end += 1
    return end if count == width else start + 1


def joined_cells(pieces: list[Line]) -> list[str]:
    cells = list(pieces[0].cells)
    for piece in pieces[1:]:
        first, *rest = piece.cells
        cells[-1] += first
        cells += rest
    return cells
