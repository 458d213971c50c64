"""別表 rows: one row per measure, with its section, content and roles.

Layouts read here (tables.py assembles grid rows):
- grids: TAB-separated rows under a header row, broken across pages; a
  measure whose wrapped rest stands alone on the next line;
- grids given one cell per line (pdftotext without -layout), rebuilt into
  TAB rows first by linear_tables.py;
- key/value blocks: a measure line, then `取組内容\t…`, `甲の役割\t…`,
  `乙の役割\t…` (also `取組内容: …`, `【取組内容】…`, `(取組内容) …`);
- measures nested inside an article: (1) field / a measure / (a) 取組内容 /
  (b) 役割分担 / i 甲の役割 / ii 乙の役割;
- `別表第1` … `別表第3` as sections;
- an overview whose two-column layout broke every line in two
  (measure | content).
Section headings may be numbered 1, I, Ⅰ, ①, 第1, (1), 1-1, 一 …: the first
numbering style met is the section level, the second the subsection level;
a style whose items carry 取組内容/役割 is the measure level instead.
"""
from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from extractors.tables import (BARE_LABEL, FIELDS, FINISHED, NOTE_COLUMN, NO_VALUE, ROLE_A_KEY, ROLE_B_KEY, ROLE_COLUMNS, SAME_AS_ABOVE, SAME_AS_LEFT, SUMMARY,
                               TERMINATED,
                               UNPLACED_ROLE, GridRow, assign_free_columns, default_columns, header_columns, is_continuation,
                               is_header_row, is_open,
                               join_fragment, is_placeholder, merge_into, next_label, numbered_town, recognised_columns, row_cells,
                               shared_role_cell,
                               shared_role_towns,
                               split_expected_label,
                               split_label, split_roles, terminated_indexes, terminated_kinds)
from extractors.linear_tables import join_split_cells, rebuild_linearized_tables
from pipeline.model import AppendixRow, Kind, Line, Party, Segment, Span
from pipeline.numerals import IROHA, label_ordinal, to_int
from pipeline.segment import APPENDIX_WORDS

HEADING_STYLES = (
    ("beppyo", regex.compile(r"^別[表紙記]\s*第?\s*(?P<num>[0-9一二三四五六七八九十]+)(?:\s*\([^)]*\))?\s*(?P<title>.*)$")),
    ("dai", regex.compile(r"^第\s*(?P<num>\d+|[一二三四五六七八九十]+)(?![条項号])[\s.、]*(?P<title>.+)$")),
    # 【分野1】観光 / 【1】観光
    ("bracket", regex.compile(r"^【\s*(?:分野|区分|第)?\s*(?P<num>\d{1,2}|[一二三四五六七八九十]+)\s*】\s*(?P<title>.+)$")),
    ("paren_digit", regex.compile(r"^\(\s*(?P<num>\d{1,2})\s*\)\s*(?P<title>.+)$")),
    # 1-1 医療 / 1-2 福祉: numbered under its section's number, counted by the second
    ("dash", regex.compile(r"^\d{1,2}\s*-\s*(?P<num>\d{1,2})(?:\s*[.、.]\s*|\s+)(?P<title>.+)$")),
    # (一) 医療 / (二) 福祉, as statutes number the items of a list
    ("paren_kanji", regex.compile(r"^\(\s*(?P<num>[一二三四五六七八九十]{1,3})\s*\)\s*(?P<title>.+)$")),
    ("paren_kata", regex.compile(r"^\(\s*(?P<num>[ア-ン])\s*\)\s*(?P<title>.+)$")),
    ("paren_latin", regex.compile(r"^\(\s*(?P<num>[a-z])\s*\)\s*(?P<title>.+)$")),
    ("digit", regex.compile(r"^(?P<num>\d{1,2})(?:\s*[.、.]\s*|\s+)(?P<title>.+)$")),
    # OCR reads a lone roman I as ! (! 圏域全体の…)
    ("roman", regex.compile(r"^(?P<num>[IVX]{1,5}|![IVX]{0,4})(?:\s*[.、.]\s*|\s+)(?P<title>.+)$")),
    ("kanji", regex.compile(r"^(?P<num>[一二三四五六七八九十]{1,3})(?:\s*[.、]\s*|\s+)(?P<title>.+)$")),
    ("roman_lower", regex.compile(r"^(?P<num>(?:ii|iii|iv|vi{0,3}|ix|x))(?:\s*[.)]\s*|\s+)(?P<title>.+)$")),
    ("kata", regex.compile(r"^(?P<num>[ア-ン])(?:\s*[.、]\s*|\s+)(?P<title>.+)$")),
    ("latin", regex.compile(r"^(?P<num>[a-z])(?:\s*[.)]\s*|\s+)(?P<title>.+)$")),
)
PARTY_JOIN = "(?:及び|並びに|と|・|、)"
KEYS = (
    ("content", regex.compile(r"^(?:具体的な)?(?:取組|事業|連携)?(?:の)?(?:内容|概要)"
                              r"|^連携する(?:具体的な)?(?:取組|事項|事業)の(?:内容|概要)(?=\s|[::]|$)")),
    # 連携する取組 names the content under a measure heading ((1) 医療 / ア 連携
    # する取組 / sentence), but the measure in a block that gives its content
    # under a key of its own (【連携する取組】… / 【取組の内容】…): see Reader.linked
    ("linked", regex.compile(r"^連携する(?:具体的な)?(?:取組|事項|事業)(?=\s|[::】)]|$)")),
    # 甲及び乙の役割 (甲・乙の役割, 甲、乙及び丙の役割, 乙及び丙の役割 where 丙
    # is a third party): one value for each party named
    *((f"roles_{fields}", regex.compile("^" + PARTY_JOIN.join(roles) + "の役割(?:分担)?"))
      for fields, roles in (("abc", "甲乙丙"), ("ab", "甲乙"), ("ac", "甲丙"), ("bc", "乙丙"))),
    # 甲の役割 …, and 甲: … as the items under a 役割分担 heading
    ("role_a", regex.compile(rf"^{ROLE_A_KEY}|^甲(?=\s*[::])")),
    ("role_b", regex.compile(rf"^{ROLE_B_KEY}|^乙(?=\s*[::])")),
    ("role_c", regex.compile(r"^丙の役割(?:分担)?|^丙(?=\s*[::])")),
    ("roles", regex.compile(r"^役割分担")),
    # 【摘要】: the measure's summary given first, its content; after it, a remark (see set_value)
    (SUMMARY, regex.compile(r"^摘要(?:欄)?(?=\s|[::】)>〉》\]]|$)")),
    # 【備考】 令和4年度から / 備考: 県事業: a remark on the measure, its note
    (NOTE_COLUMN, regex.compile(r"^(?:備考|特記事項)(?:欄)?(?=\s|[::】)>〉》\]]|$)")),
    # 連携施策 / 施策名 / 取組名 as a key opens the next measure (a two-column 項目 | 内容 table)
    ("measure", regex.compile(r"^(?:連携(?:する)?)?施策名?(?=\s|[::]|$)|^(?:取組|事業)名(?=\s|[::]|$)|^連携事業名?(?=\s|[::]|$)"
                              r"|^(?:取組|連携)事項(?=\s|[::]|$)")),
)
# A key closes with its bracket, a colon or a space: 【甲の役割】…, (取組内容) …, <甲の役割> …
KEY_SEPARATOR = regex.compile(r"^\s*(?:[::】)>〉》\]]\s*|\s+|$)")
# ① 取組の内容 (NFKC: 1 取組の内容) numbers the keys of a block as (a) or ア do;
# a bullet (■ 取組の内容, ・甲の役割) or a bracket opens one too, the bracket
# perhaps around a town's note ((乙の役割(鏡野町)), 〔〕 after normalizing).
KEY_MARKER = regex.compile(r"^(?:\(\s*[a-zア-ン0-9]{1,3}\s*\)|[ivx]{1,4}\s|[a-zア-ン0-9]\s|[【<〈《\[■□◆◇●○◎・]"
                           r"|\((?=[^()]{2,12}(?:\([^()]{1,20}\))?\)))\s*")
HEADING_MARKER = regex.compile(r"^\(?\s*([^\s.、.)]+)")
# 別表(第3条関係) …, also after the title: 別表第1 経済成長のけん引(第3条関係)
CLAUSE_REFERENCE = regex.compile(r"^\(\s*第\s*\d+\s*条関係\s*\)\s*|\s*\(\s*第\s*\d+\s*条関係\s*\)$")
# (つづき), 別表(続き), 別表第1 つづき, (次ページへ続く): the table goes on (on a new
# page), in its section; no cell's text. Each needs 続 or つづき (CONTINUED_WORDS).
CONTINUED = regex.compile(r"^(?:別[表紙記]\s*(?:第?\s*(?P<num>[0-9一二三四五六七八九十]+))?\s*)?\(?\s*(?:続き|つづき|続)\s*\)?$"
                          r"|^\(?\s*次(?:ページ|頁)(?:へ|に)続く\s*\)?$")
CONTINUED_WORDS = ("続", "つづき")
# What follows 別表N in an amending agreement's instruction (…の項中イの項の
# 次に次のように加える。): no title of the section.
AMENDING_INSTRUCTION = regex.compile(r"次のように(?:加える|改める)。$")
NOTE = regex.compile(r"^(?:※|注\s*\d*[::)]|\(注)")
# A remark that names the table it stands under (この表において「圏域」とは…,
# 本表の…): a note on the whole table, not on the measure above it.
TABLE_ITSELF = regex.compile(r"^(?:この|本|上記?の|前記の)表")
# Under a 役割分担 heading the roles may be sentences with the party as
# subject: (ア) 甲は、…を支援する。 / (イ) 乙は、…。 The subject names the field.
ROLE_SENTENCE = regex.compile(r"^(?:\(\s*[a-zア-ン0-9]{1,3}\s*\)|[ivx]{1,4}\s|[a-zア-ン]\s)?\s*"
                              r"(?P<role>[甲乙丙])は[、,]\s*(?P<value>\S.*)$")
ROLE_FIELDS = {"甲": "role_a", "乙": "role_b", "丙": "role_c"}
# The fields a key fills: its own, or each party's that a shared key names.
KEY_FIELDS = {f"roles_{fields}": tuple(f"role_{field}" for field in fields) for fields in ("abc", "ab", "ac", "bc")}
# The rest of a wrapped measure: it opens with a particle or a suffix (の裾野
# 拡大, 及び連携, 等の推進), or the measure above breaks off after one (…による).
PHRASE_TAIL = regex.compile(r"^(?:[のをにとへやで]|及び|並びに|又は|等)")
PHRASE_CUT = regex.compile(r"(?:[のをにとへやで、・]|及び|並びに|による|に係る|における)$")
MEASURE_TAIL_MAX = 25
# An item of a list inside a value (【取組の内容】 / ・ … / ・ …).
BULLET = regex.compile(r"^[・●○◯■□◆◇]")
# i heads a list numbered in lower-case roman (i, ii, iii) as well as the
# ninth of one lettered a, b, c …: a region with an ii item numbers in roman.
LOWER_ROMAN_TWO = regex.compile(r"^ii(?:\s|[.)])")


@dataclass(frozen=True)
class Heading:
    style: str
    number: int | None
    title: str


@dataclass
class Context:
    section_no: int | None = None
    section_title: str = ""
    subsection_no: int | None = None
    subsection_title: str = ""


ROW_FIELDS = ("measure", "content", "role_a", "role_b")


@dataclass(frozen=True)
class GridTitles:
    """Lines (by index) titling a grid whose header names no measure column."""

    measures: frozenset[int] = frozenset()  # each names the measure of the rows below it
    groups: frozenset[int] = frozenset()  # an unnumbered title over measure titles: their section
    sentences: frozenset[int] = frozenset()  # measure titles whose grid's contents are sentences (…する。)


@dataclass
class PendingRow:
    context: Context
    row: GridRow
    kind: str  # "grid" | "keyvalue"
    fields: tuple[str, ...] = ROW_FIELDS  # the cells its table has (a grid may have no content column)


@dataclass
class Reader:
    """Walks one region's lines and collects rows in document order."""

    parties: list[Party]
    rows: list[PendingRow] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    context: Context = field(default_factory=Context)
    section_styles: list[str] = field(default_factory=list)
    section_level_styles: set[str] = field(default_factory=set)  # styles first met numbering the sections on
    measure_styles: set[str] = field(default_factory=set)
    columns: dict[int, str] | None = None
    towns: dict[int, str] = field(default_factory=dict)  # columns of towns sharing one role, and their names
    header_above: dict[int, str] | None = None  # the columns of a header row just read, which a sub-header completes
    # The header's untitled column read as the measure, the columns it names and its width,
    # until the first row shows whether that column holds labels only
    untitled_measure: tuple[int, dict[int, str], int] | None = None
    last_key: str = ""
    roles_open: bool = False  # under a 役割分担 heading, whose role items follow
    terminated: set[int] = field(default_factory=set)  # column indexes whose cells end with 。
    lower_roman: bool = False  # the region numbers items i, ii, iii
    loose: Line | None = None  # the line just read, if nothing took it: a measure's first line?
    page_top: bool = False  # the line being read opens a page
    previous: Line | None = None  # the line read before this one
    linked_from: GridRow | None = None  # the row whose content a 連携する取組 key gave
    made_under: dict[int, Context] = field(default_factory=dict)  # a section made of a measure heading -> the context it stands under
    titles: GridTitles = field(default_factory=GridTitles)  # lines titling a grid without a measure column
    titled: GridRow | None = None  # the measure such a title opened, whose grid rows are being read
    header_cells: list[str] | None = None  # the cells of the last header row read
    # A grid row with a label has been read: the grid labels its rows. Kept as
    # rows are added (rows and labels only ever come), not found again by a
    # scan of every row read so far for each row, quadratic in a long 別表.
    grid_labelled: bool = False
    titled_sentences: bool = False  # the titled grid's contents are sentences, an open one goes on below
    index: int = 0  # the index of the line being read
    lines: list[Line] = field(default_factory=list)  # the region's lines
    under_measure_heading: bool = False  # the line read before names the measure of the grid whose header comes next

    def read(self, lines: list[Line]) -> None:
        self.lines = lines
        self.measure_styles = styles_followed_by_keys(lines, self.parties)
        self.lower_roman = any(not line.is_row and LOWER_ROMAN_TWO.match(line.text) for line in lines)
        self.terminated = terminated_indexes(lines)
        self.titles = grid_titles(lines, self.parties)
        for i, line in enumerate(lines):
            self.index = i
            following = lines[i + 1] if i + 1 < len(lines) else None
            self.previous = lines[i - 1] if i > 0 else None
            self.page_top = self.previous is not None and line.page is not None and line.page != self.previous.page
            if line.is_row:
                self.loose = None
                self.read_row(line, following)
            else:
                self.header_above = None
                self.read_text(line, following)
            if line.table_end:  # a key's value in the table's last line ends with the table
                self.last_key = ""

    # -- rows ----------------------------------------------------------
    def read_row(self, line: Line, following: Line | None = None) -> None:
        cells = line.cells
        header_above, self.header_above = self.header_above, None  # kept only by a header row
        under_heading, self.under_measure_heading = self.under_measure_heading, False
        spanning = spanning_heading(cells) or self.numbered_heading(cells, following) or spanning_remark(cells) \
            or (spanning_text(cells) if self.index in self.titles.measures or self.index in self.titles.groups else "")
        if spanning:  # a section row or a remark across the table (colspan): a heading or a note, no measure
            self.last_key = ""  # a row of its own: no value above it goes on in it
            self.read_text(Line(line.no, spanning, line.page, line.blank_before, line.end_page,
                                table_end=line.table_end), following)
            return
        group = self.group_row(cells, following) if len(cells) > 1 and (cells[1] == cells[0] or not cells[1].strip()) else ""
        if group:  # most rows have a second cell of their own: no group's
            self.last_key = ""
            self.open_group(group)
            return
        columns = header_columns(cells, self.parties)
        if columns:
            cells, columns = self.without_spanned_label_header(cells, columns)
        if columns and under_heading:  # 取組の内容 | 役割分担 under ア 企業誘致: the content column is no measure's
            columns = measureless_columns(cells, self.parties) or columns
        if columns:
            if not under_heading:  # a grid of its own, not the one a title above opened
                self.titled = None
            if header_above is not None:
                columns = completed_by_sub_header(header_above, cells, columns)
            self.header_above = columns
            if columns != self.columns:
                self.warnings += unplaced_column_warnings(line, columns)
            self.columns, self.towns = columns, shared_role_towns(cells, columns, self.parties)
            self.header_cells = cells
            self.untitled_measure = None if header_above is not None else untitled_measure(cells, columns, self.parties)
            return
        key, town = key_of(cells[0], self.parties), ""
        if not key and "役割" in cells[0]:  # 乙の役割(奈義町)\t…: a town's role key in its cell
            found = split_town_key(cells[0].strip(), self.parties)
            key, town = (found[0], found[2]) if found and not found[1] else ("", "")
        if key and len([c for c in cells if c.strip()]) <= 2:
            self.set_value(key, " ".join(c for c in cells[1:] if c.strip()), line, town, following)
            return
        if self.columns is None:
            self.columns, self.towns = default_columns(len(cells)), {}
            self.warnings.append(f"line {line.no}: table without a header row, columns taken as "
                                 + "/".join(self.columns.values()))
        if self.untitled_measure is not None:
            self.columns = self.with_label_column(cells)
        cells_by_field = row_cells(line, self.columns, self.towns)
        previous = self.last_grid_row()
        if self.titled is not None and self.starts_another_content(cells_by_field, previous):
            self.add_row(GridRow(cells_by_field | {"measure": self.titled.cells["measure"]}, [line], self.titled.label), "grid")
            return
        uses_labels = self.grid_labelled
        if is_continuation(cells_by_field, previous, uses_labels, terminated_kinds(self.terminated, self.columns)) \
                or not uses_labels and goes_on_unruled(cells_by_field, previous):
            merge_into(previous, cells_by_field, line)
            return
        label, measure = split_label(cells_by_field["measure"])
        if not label and BARE_LABEL.match(measure):  # ア alone, its measure's name on the line below
            label, measure = measure.strip("()【】.、 "), ""
        if not label and uses_labels and previous is not None:
            label, measure = split_expected_label(measure, next_label(previous.label))
        if not label and cells_by_field.get("label"):
            label = cells_by_field["label"].strip("()【】.、 ")  # (1) in a label column reads 1, as (1) 医療 does
        cells_by_field["measure"] = measure
        self.add_row(GridRow(cells_by_field, [line], label), "grid", column_fields(self.columns))

    def without_spanned_label_header(self, cells: list[str], columns: dict[int, str]) -> tuple[list[str], dict[int, str]]:
        """連携する取組 spanning two columns (colspan repeats it): the first of
        them is read as untitled, so that a column of labels alone (ア | 企業
        誘致の推進) is their label column, not a field above the measures."""
        named = recognised_columns(cells, self.parties) or {}
        spanned = next((i for i in range(1, len(cells)) if named.get(i) == named.get(i - 1) == "measure"
                        and cells[i].strip() == cells[i - 1].strip()), None)
        if spanned is None:
            return cells, columns
        untitled = cells[:spanned - 1] + [""] + cells[spanned:]
        return untitled, header_columns(untitled, self.parties) or columns

    def with_label_column(self, cells: list[str]) -> dict[int, str]:
        """The columns once the first row is read: an untitled column whose
        cells are labels alone (ア | 企業誘致 | 企業誘致を推進する。 under
        | 取組 | 取組の内容) is the label column, and the measure and content
        are the text columns after it; where only one is left (| 取組の内容
        over 企業誘致の推進), it names the measure, as a grid without a
        measure column reads its first one. An untitled column giving some
        row's name (ア, then 企業誘致の推進 on the row's next line) holds the
        measures with their labels."""
        at, named, width = self.untitled_measure
        self.untitled_measure = None
        if at >= len(cells) or not BARE_LABEL.match(cells[at].strip()) or not self.labels_only_below(at):
            return self.columns
        relabelled = assign_free_columns(named | {at: "label"}, width)
        kept = set(relabelled.values())
        return relabelled if set(self.columns.values()) - {"content"} <= kept and "measure" in kept else self.columns

    def labels_only_below(self, at: int) -> bool:
        """Every cell of column `at` from the row being read to the grid's
        end is a label or empty."""
        for line in itertools.takewhile(lambda ln: ln.is_row, self.lines[self.index:]):
            if header_columns(line.cells, self.parties):
                break
            cell = line.cells[at].strip() if at < len(line.cells) else ""
            if cell and not BARE_LABEL.match(cell):
                return False
        return True

    def group_row(self, cells: list[str], following: Line | None) -> str:
        """An unnumbered name spanning a grid that has a measure column
        (圏域全体の経済成長のけん引 over the measures of that field): HTML's
        colspan repeats it in every cell; a PDF table finder leaves the
        other cells empty (see opens_group). '' for any other row."""
        text = spanning_text(cells) if self.columns is not None and "measure" in self.columns.values() else ""
        if not text or len(text) > GRID_TITLE_MAX or TERMINATED.search(text) or parse_heading(text):
            return ""
        return text if sum(cell.strip() == text for cell in cells) > 1 or self.opens_group(following) else ""

    def opens_group(self, following: Line | None) -> bool:
        """An unnumbered name alone between a grid's rows (a line of text,
        or a row of one cell) titles the measures below it when the row
        below starts their labels anew (ア, 1, (1)) and the row above has
        no cell open for it to finish."""
        if following is None or not following.is_row or self.columns is None or "measure" not in self.columns.values() \
                or header_columns(following.cells, self.parties):
            return False
        label = split_label(row_cells(following, self.columns, self.towns)["measure"])[0]
        above = self.last_grid_row()
        return label_ordinal(label) == 1 and (above is None or not self.open_cells(above))

    def open_group(self, title: str) -> None:
        """An unnumbered title over measures: their section, or the level
        under a numbered section."""
        title = bare_title(title)
        self.context = Context(None, title) if not self.section_styles else \
            Context(self.context.section_no, self.context.section_title, None, title)
        self.titled = None

    def numbered_heading(self, cells: list[str], following: Line | None) -> str:
        """A section heading Word numbered with a TAB (2<TAB>高次の都市機能の…),
        which reads as a row of two cells, when it stands in a grid or over
        its header; under a 番号 column the number is a measure's own."""
        if self.columns is None and not (following is not None and following.is_row
                                         and header_columns(following.cells, self.parties)):
            return ""
        if self.columns is not None and self.columns.get(0) == "label":
            return ""
        return numbered_title_cells(cells)

    def last_grid_row(self) -> GridRow | None:
        """The row a line may continue: not one above a section heading."""
        if self.rows and self.rows[-1].kind == "grid" and self.rows[-1].context is self.context:
            return self.rows[-1].row
        return None

    # -- text lines ----------------------------------------------------
    def read_text(self, line: Line, following: Line | None) -> None:
        loose, self.loose = self.loose, None
        text = line.text
        if NOTE.match(text) or self.continues_table(text):
            return
        key_value = split_town_key(text, self.parties) or self.role_sentence(text) or self.town_value(text)
        if key_value:
            self.set_value(*key_value[:2], line, town=key_value[2] if len(key_value) > 2 else "", following=following)
            return
        if self.describes_measure(text):  # text under a measure, before any key: its content
            self.last_key = "content"
        if self.continues_value(text) and not self.opens_measure(text, following):
            pending = self.rows[-1].row
            for name in self.value_fields():
                pending.cells[name] = join_fragment(pending.cells[name], text)
            pending.lines.append(line)
            return
        heading = self.heading_of(text)
        if heading and heading.style == "beppyo":
            self.set_section(heading, line)
            return
        if self.index in self.titles.measures:
            self.open_grid_measure(text, line, following)
            return
        if self.index in self.titles.groups:  # 圏域全体の経済成長のけん引 over measures titled in its grid
            self.open_group(text)
            return
        if starts_measure(following, self.parties) or (heading and heading.style in self.measure_styles
                                                        and not self.heads_list_below(heading, following)):
            if heading:
                label, measure = str(heading_label(heading, text)), heading.title
            else:  # a measure's name wrapped: its first line, right above, took no key
                label, measure = split_label(join_fragment(loose.text, text) if wrapped_onto(loose, line) else text)
            if not self.repeats_header_row(measure):
                self.open_measure(label, measure, line)
            return
        if heading and not TERMINATED.search(heading.title):
            self.set_section(heading, line)
            return
        if self.context.section_no is not None and not self.context.section_title and not self.rows_in_section():
            self.context.section_title = text  # 別表第2 / 生活機能の強化に係る政策分野
        else:
            cell = self.cell_continued_by(line, following)
            if cell:
                merge_into(self.last_grid_row(), {cell: text}, line)
            elif not heading and len(text) <= GRID_TITLE_MAX and not TERMINATED.search(text) \
                    and self.opens_group(following):
                self.open_group(text)
            else:
                self.loose = line

    def continues_table(self, text: str) -> bool:
        """(つづき) or 別表第1(続き) atop a page the table runs onto: the
        section open goes on (別表第2(続き) after 別表第1 opens 別表第2)."""
        if not any(word in text for word in CONTINUED_WORDS):
            return False
        mark = CONTINUED.match(text)
        return mark is not None and (mark["num"] is None or to_int(mark["num"]) == self.context.section_no)

    def cell_continued_by(self, line: Line, following: Line | None) -> str:
        """The cell of the grid row above whose wrapped rest `line` is, or ''.
        A row whose one cell wrapped further than the others prints that
        rest on a line alone, its empty cells (trailing TABs) gone, so it
        reads as text right under the row (or atop the next page, where the
        row broke). A sentence cell left without its 。 (…の造成と) takes it,
        if only one is open; with none open, a short fragment is the rest
        of the measure when it visibly ends a phrase (の裾野拡大), the
        measure breaks off after a particle (…による), or the rows go on
        right below it in their own order (地域経済 / 裾野拡大 between ア and
        イ): a section heading would start the order anew."""
        row = self.last_grid_row()
        if row is None or row.lines[-1] is not self.previous or self.after_table_end():
            return ""
        open_cells = self.open_cells(row)
        if open_cells:  # a blank line may stand where a footer was dropped: the sentence still needs its end
            return open_cells[0] if len(open_cells) == 1 else ""
        text = line.text
        if line.blank_before and not self.page_top or len(text) > MEASURE_TAIL_MAX or TERMINATED.search(text):
            return ""
        if PHRASE_TAIL.match(text) or PHRASE_CUT.search(row.cells["measure"]) or self.next_row_of(row, following):
            return "measure"
        return ""

    def open_cells(self, row: GridRow) -> list[str]:
        """The sentence cells of `row` not ended yet (no 。); under a
        measure's title, the content (取組の内容) is one, though it opens
        the grid (the first column counts only as a measure)."""
        kinds = terminated_kinds(self.terminated, self.columns or {})
        if self.titled is not None and self.titled_sentences:
            kinds = kinds | {"content"}
        return [name for name in kinds if is_open(row.cells.get(name, ""))]

    def after_table_end(self) -> bool:
        """The line read follows a table's end (HTML's </table>): the page's
        text after a table continues none of its cells."""
        return self.previous is not None and self.previous.table_end

    def next_row_of(self, row: GridRow, following: Line | None) -> bool:
        """`following` is the grid's next data row after `row`: labelled with
        the label after row's, or, in a grid without labels, any data row."""
        if following is None or not following.is_row or self.columns is None \
                or header_columns(following.cells, self.parties):
            return False
        if not row.label:
            return True
        cells = row_cells(following, self.columns, self.towns)
        label = split_label(cells["measure"])[0] or cells.get("label", "")
        return labels_in_order(row.label, label)

    def heads_list_below(self, heading: Heading, following: Line | None) -> bool:
        """An item in the measures' numbering that a numbered line follows at
        once, not its keys, heads a list of its own: a section. NFKC writes
        １ field and ① measure alike (1 …), so the two levels share a style;
        what tells them apart is the line below, a level not met yet
        ((1) 産業振興) or the same style starting again at 1 (1 図書館)."""
        below = None if following is None or following.is_row else self.heading_of(following.text)
        if below is None or below.style == "beppyo":
            return False
        if below.style == heading.style:
            return below.number == 1
        return below.style not in self.section_styles

    def repeats_header_row(self, measure: str) -> bool:
        """A table whose first row is a measure alone (子育て支援の充実 | ) looks
        like a header to a word processor, which prints it again atop each
        page the table runs onto ("repeat as header row"): the section's first
        measure named again at a page's top is that copy, not a measure."""
        first = next((p.row for p in self.rows if p.context is self.context), None)
        return self.page_top and first is not None and first.cells["measure"] == measure

    def role_sentence(self, text: str) -> tuple[str, str] | None:
        """甲は、… under a 役割分担 heading: 甲's role (the subject dropped, as
        a role column or a 甲の役割 key gives it)."""
        match = ROLE_SENTENCE.match(text) if self.roles_open else None
        return (ROLE_FIELDS[match["role"]], match["value"]) if match else None

    def town_value(self, text: str) -> tuple[str, str, str] | None:
        """鏡野町: … / (奈義町) … under 【乙の役割】: the role of one of the
        towns sharing 乙, each on a line of its own after its name."""
        if not (self.last_key == "role_b" or self.last_key.startswith(OTHER_TOWN)) or not self.rows:
            return None
        found = split_town_value(text, self.parties)
        return ("role_b", *found) if found else None

    def continues_value(self, text: str) -> bool:
        """A value given on the lines after its key (`(a) 取組内容` / text), or
        one that wrapped before its 。, goes on until it is finished; a value
        that opens a list (・ …) goes on with each further item. A
        placeholder (同上, a dash, なし) is a whole value without its 。."""
        if not (self.rows and self.rows[-1].kind == "keyvalue" and self.last_key):
            return False
        value = self.rows[-1].row.cells[self.value_fields()[0]]
        return not value or not (TERMINATED.search(value) or is_placeholder(value.strip())) \
            or bool(BULLET.match(value) and BULLET.match(text))

    def opens_measure(self, text: str, following: Line | None) -> bool:
        """The line is the next measure, numbered as the measures are and
        its keys below it, though the value above it ended without 。
        (乙の役割: 情報提供 / 備考: 県事業, then イ 観光振興 / 取組の内容: …)."""
        heading = self.heading_of(text) if self.measure_styles else None
        return heading is not None and heading.style in self.measure_styles and starts_measure(following, self.parties)

    def value_fields(self) -> tuple[str, ...]:
        return KEY_FIELDS.get(self.last_key, (self.last_key,))

    def heading_of(self, text: str) -> Heading | None:
        heading = parse_heading(text)
        if heading and heading.style == "latin" and text.startswith("i") and self.lower_roman:
            return Heading("roman_lower", 1, heading.title)
        return heading

    def describes_measure(self, text: str) -> bool:
        if not (self.rows and self.rows[-1].kind == "keyvalue" and self.rows_in_section()):
            return False
        row = self.rows[-1].row
        return not self.last_key and not row.cells["content"] and len(row.lines) == 1 \
            and parse_heading(text) is None

    def rows_in_section(self) -> bool:
        return bool(self.rows) and self.rows[-1].context is self.context

    def set_value(self, key: str, value: str, line: Line, town: str = "", following: Line | None = None) -> None:
        if key == "roles" and not value:  # (b) 役割分担: a heading over the role items
            self.last_key, self.roles_open = "", True
            return
        self.roles_open = self.roles_open and key in ROLE_FIELDS.values()
        if key == SUMMARY:
            key = "content" if self.nothing_given_yet() else NOTE_COLUMN
        if key == "linked":
            key = self.linked()
        elif key == "content" and self.linked_names_measure():
            self.heading_to_section()
        if key == "measure":  # 連携施策\t産業振興: the key names the measure; its keys follow
            self.open_measure(*split_label(value.strip()), line)
            self.last_key = "measure" if not value.strip() else ""  # the name on the lines below
            return
        if key == NOTE_COLUMN and self.notes_the_table(value, following):
            self.warnings.append(f"line {line.no}: 備考 outside any row; its text is left out")
            self.last_key = ""
            return
        if not self.rows or self.rows[-1].kind != "keyvalue":
            self.warnings.append(f"line {line.no}: {key} without a measure before it")
            return
        pending = self.rows[-1].row
        pending.lines.append(line)
        if key == "role_b" and not town:  # 【乙の役割】鏡野町: …, the other towns on the lines below
            value, town = split_town_value(value, self.parties) or (value, "")
        if key == "role_b" and town:
            key = self.town_role_key(pending, town)
        if key == "roles":  # 役割分担 甲:…乙:… on one line
            role_a, role_b = split_roles(value.strip())
            pending.cells["role_a"] = join_fragment(pending.cells["role_a"], role_a)
            pending.cells["role_b"] = join_fragment(pending.cells["role_b"], role_b)
            self.last_key = "role_b"
            return
        for name in KEY_FIELDS.get(key, (key,)):
            pending.cells[name] = join_fragment(pending.cells.get(name, ""), value.strip())
        self.last_key = key

    def nothing_given_yet(self) -> bool:
        """The open measure's block has given no content and no role yet."""
        if not self.rows or self.rows[-1].kind != "keyvalue":
            return False
        cells = self.rows[-1].row.cells
        return not any(cells.get(name) for name in ("content", *ROLE_FIELDS_ALL))

    def notes_the_table(self, value: str, following: Line | None) -> bool:
        """A 備考 that is no measure's: under a grid (whose rows take theirs
        from a 備考 column) or before any measure, or one opening a numbered
        list of notes (備考 1 … / 備考, then 1 … below) or speaking of the
        table itself (備考 この表において…), which closes a table of key/value
        blocks as it closes a grid."""
        if not self.rows or self.rows[-1].kind != "keyvalue":
            return True
        first = value.strip() or (following.text if following is not None and not following.is_row else "")
        heading = parse_heading(first) if first else None
        return heading is not None and heading.number == 1 and heading.style != "beppyo" \
            or TABLE_ITSELF.match(first) is not None

    def town_role_key(self, pending: GridRow, town: str) -> str:
        """The cell a 乙 town's role key fills: role_b for the first town
        (party_b is the first 乙 town, as in a grid's columns), a cell of
        its own for each other, which makes role_b_others (奈義町:…)."""
        first = pending.cells.setdefault(FIRST_TOWN, town)
        return "role_b" if town == first else OTHER_TOWN + town

    def linked(self) -> str:
        """連携する取組 names the content of the measure open above it, and
        opens a measure where none is open or the open one is complete."""
        pending = self.rows[-1] if self.rows and self.rows[-1].context is self.context else None
        if pending is None or pending.kind != "keyvalue" or pending.row.cells["content"] and \
                (pending.row.cells["role_a"] or pending.row.cells["role_b"]):
            return "measure"
        self.linked_from = pending.row
        return "content"

    def linked_names_measure(self) -> bool:
        """A content key after 連携する取組 took a content, under a measure
        heading: that was a name (no sentence), the measure's, and the
        heading above it the section's (1 観光振興 / 【連携する取組】広域観光
        ルートの造成 / 【取組の内容】…)."""
        pending = self.rows[-1].row if self.rows else None
        return pending is not None and pending is self.linked_from and bool(pending.cells["measure"]) \
            and bool(pending.cells["content"]) and not TERMINATED.search(pending.cells["content"]) \
            and label_ordinal(pending.label) is not None

    def heading_to_section(self) -> None:
        """The measure heading made a section, or a subsection of the section
        it stands under (1 生活機能… / (1) 医療 / 【連携する取組】…)."""
        pending = self.rows[-1]
        row = pending.row
        above = self.made_under.get(id(pending.context), pending.context)  # 2 産業振興 after 1 観光振興: a sibling
        number, title = label_ordinal(row.label), row.cells["measure"]
        if above.section_no is not None or above.section_title:
            self.context = Context(above.section_no, above.section_title, number, title)
        else:
            self.context = Context(number, title)
        self.made_under[id(self.context)] = above
        pending.context = self.context
        # the name may carry the measure's label (【連携する取組】ア 広域観光ルートの造成)
        (row.label, row.cells["measure"]), row.cells["content"] = split_label(row.cells["content"]), ""
        self.linked_from = None

    def open_grid_measure(self, text: str, line: Line, following: Line | None) -> None:
        """A measure named above its own grid (ア 企業誘致の推進 / 取組の内容 |
        役割分担 / rows) or inside one under its header: the grid's rows give
        its content and roles, and continue this row, as their measure cells
        are none; each other content is a row of this measure."""
        heading = parse_heading(text)
        label, measure = (heading_label(heading, text), heading.title) if heading else ("", bare_title(text))
        # every field a grid row has: the rows below merge theirs (備考 too) into it
        self.titled = GridRow(dict.fromkeys(FIELDS, "") | {"measure": measure}, [line], label)
        self.titled_sentences = self.index in self.titles.sentences
        self.add_row(self.titled, "grid")
        measureless = measureless_columns(self.header_cells, self.parties) if self.header_cells else None
        if following is not None and following.is_row and measureless and not header_columns(following.cells, self.parties):
            self.columns = measureless  # the rows go on under the header above: its first column is their content
        else:
            self.columns, self.under_measure_heading = None, True

    def starts_another_content(self, cells: dict[str, str], previous: GridRow | None) -> bool:
        """A grid row under a measure's title giving a content of its own,
        after one the title's measure holds already (finished: an open one
        goes on in this row; a rowspan repeats it beside each party)."""
        content = cells["content"].strip()
        if previous is None or cells["measure"] or not content or not previous.cells["content"]:
            return False
        return content != previous.cells["content"] and not (self.titled_sentences and is_open(previous.cells["content"]))

    def open_measure(self, label: str, measure: str, line: Line) -> None:
        """A measure whose content and roles follow as keys."""
        self.add_row(GridRow({"measure": measure, "content": "", "role_a": "", "role_b": ""}, [line], label),
                     "keyvalue")
        self.columns, self.titled = None, None

    def set_section(self, heading: Heading, line: Line) -> None:
        if heading.style not in self.section_styles:
            if self.continues_sections(heading):
                self.section_level_styles.add(heading.style)
            self.section_styles.append(heading.style)
        level = 0 if heading.style in self.section_level_styles else self.section_styles.index(heading.style)
        title = CLAUSE_REFERENCE.sub("", heading.title).strip()
        if AMENDING_INSTRUCTION.search(title):  # 別表1の項中イの項の次に次のように加える。: section 1, its title is in the amended agreement
            title = ""
        if level == 0:
            self.context = Context(heading.number, title)
        else:
            self.context = Context(self.context.section_no, self.context.section_title, heading.number, title)
        self.columns = None if heading.style == "beppyo" else self.columns
        self.last_key, self.roles_open, self.titled = "", False, None

    def continues_sections(self, heading: Heading) -> bool:
        """A style met first on a heading numbered after the section open
        (1 … / 2 … / (3) …), not 1 as a list under it starts nor the next of
        its subsections: the sections go on in another style, as a document
        numbering them by hand may slip."""
        ctx = self.context
        return heading.number is not None and ctx.section_no is not None and heading.number == ctx.section_no + 1 \
            and heading.number != (ctx.subsection_no or 0) + 1 and bool(self.section_styles)

    def add_row(self, row: GridRow, kind: str, fields: tuple[str, ...] = ROW_FIELDS) -> None:
        self.rows.append(PendingRow(self.context, row, kind, fields))
        self.grid_labelled = self.grid_labelled or kind == "grid" and bool(row.label)
        self.last_key, self.roles_open = "", False


# A word's rest that opens no measure: a particle or suffix (PHRASE_TAIL), or
# a kana no word starts with (ンド化 from ブラ|ンド化, ー, small kana).
WORD_REST = regex.compile(r"^(?:[のをにとへやでンーァィゥェォッャュョヮぁぃぅぇぉっゃゅょ]|及び|並びに|又は|等)")
SENTENCE_FIELDS = ("content", "role_a", "role_b", "role_c")


def goes_on_unruled(cells: dict[str, str], previous: GridRow | None) -> bool:
    """A line of a row wrapped over several lines with no blank or rule
    between rows (pdftotext -layout of a table without labels): its measure
    cell goes on with the word the line above cut (農産物のブラ | ンド化, 広域避難
    体制の | 整備) while every sentence cell above is still open (no 。): the
    same row. A measure of its own opens with a word, and follows a row
    whose sentences ended."""
    if previous is None or not cells["measure"]:
        return False
    sentences = [previous.cells.get(name, "") for name in SENTENCE_FIELDS]
    if not any(is_open(cell) for cell in sentences) or any(cell and FINISHED.search(cell) for cell in sentences):
        return False
    return bool(WORD_REST.match(cells["measure"]) or PHRASE_CUT.search(previous.cells["measure"]))


def untitled_measure(cells: list[str], columns: dict[int, str],
                     parties: list[Party]) -> tuple[int, dict[int, str], int] | None:
    """(index, named columns, width) of a header's measure column whose
    header cell is empty, or None."""
    at = next((i for i, kind in columns.items() if kind == "measure" and (i >= len(cells) or not cells[i].strip())), None)
    if at is None:
        return None
    return at, recognised_columns(cells, parties) or {}, len(cells)


def measureless_columns(cells: list[str], parties: list[Party]) -> dict[int, str] | None:
    """The columns of a header naming every column, a content column and
    roles but no measure (取組の内容 | 役割分担, 取組の内容 | 甲の役割 | 乙の
    役割), as it names them; None for any other header."""
    found = recognised_columns(cells, parties)
    if not found or len(found) != len(cells) or "measure" in found.values() or "content" not in found.values() \
            or not any(kind in ROLE_COLUMNS for kind in found.values()):
        return None
    return found


def grid_titles(lines: list[Line], parties: list[Party]) -> GridTitles:
    """The titles naming the measure of the grid rows right below them: a
    title (ア 企業誘致の推進, or 企業誘致の推進 unnumbered: bold, or a row
    spanning the table) over a header that names content and roles but no
    measure (取組の内容 | 役割分担), or inside such a grid under its header,
    the titles taking turns with their rows. A numbered title at the
    region's first level over several contents is their section instead
    (1 産業の振興 / a grid listing its measures), as one over one content
    (a rowspan cell may repeat it) is that measure. An unnumbered title
    over such measure titles is their section."""
    if not any(line.is_row and CONTENT_WORD.search(line.text) for line in lines):
        return GridTitles()  # no header names a content column: no grid without a measure column
    headers = [line.is_row and is_header_row(line.cells, parties) for line in lines]
    measureless = {i: line.cells for i, line in enumerate(lines)
                   if headers[i] and measureless_columns(line.cells, parties)}  # header index -> its cells
    if not measureless:
        return GridTitles()
    measures, candidates, sentences = set(), [], set()
    header: list[str] | None = None  # the grid's header cells, when it names no measure column
    first_style = ""
    sentence_columns: set[int] | None = None  # columns whose cells end with 。 somewhere in the region, once asked

    def ends_sentences() -> set[int]:
        nonlocal sentence_columns
        if sentence_columns is None:
            sentence_columns = {n for line in lines if line.is_row for n, cell in enumerate(line.cells)
                                if FINISHED.search(cell.strip())}
        return sentence_columns

    for i, line in enumerate(lines):
        if headers[i]:
            header = measureless.get(i)
            continue
        title = grid_title(line, lines[i - 1] if i else None)
        heading = parse_heading(title) if title else None
        if heading is not None and heading.style == "beppyo":
            header = None
            continue
        first_style = first_style or (heading.style if heading else "")
        if not title:
            continue
        candidates.append(i)
        rows_at, grid = titled_grid(lines, i, header, headers, measureless)
        if grid is None or rows_at == i + 1 and i and not headers[i - 1] \
                and wraps_row_above(line, lines[i - 1], ends_sentences()):
            continue
        content_at = next(n for n, kind in measureless_columns(grid, parties).items() if kind == "content")
        rows = itertools.takewhile(lambda n: lines[n].is_row and not headers[n] and not spanning_text(lines[n].cells),
                                   range(rows_at, len(lines)))
        contents = {lines[n].cells[content_at].strip() for n in rows if content_at < len(lines[n].cells)} - {""}
        if len(contents) == 1 or contents and (heading is None or heading.style != first_style):
            measures.add(i)
            if content_at in ends_sentences():
                sentences.add(i)
    if len(measures) == 1 and heads_region(lines, min(measures)):
        measures, sentences = set(), set()  # a caption over the 別表's one grid (連携して取り組む事項), no measure
    groups = {i for i in candidates if i not in measures and parse_heading(title_text(lines[i])) is None
              and (i + 2 if i + 1 < len(lines) and headers[i + 1] else i + 1) in measures}
    return GridTitles(frozenset(measures), frozenset(groups), frozenset(sentences))


# A name set off as a title: ■企業誘致の推進, 【企業誘致の推進】, <企業誘致の推進>.
TITLE_BULLETS = "■□◆◇●○◎・ "
TITLE_BRACKETS = ("【】", "<>", "〈〉", "《》", "[]")


def bare_title(text: str) -> str:
    """The name without the marks setting it off."""
    name = text.lstrip(TITLE_BULLETS)
    if len(name) > 2 and name[0] + name[-1] in TITLE_BRACKETS:
        name = name[1:-1].strip()
    return name or text


def heads_region(lines: list[Line], i: int) -> bool:
    """Line i is an unnumbered name with no line but headings above it."""
    return parse_heading(title_text(lines[i])) is None and all(
        not line.is_row and parse_heading(line.text) is not None for line in lines[:i])


def titled_grid(lines: list[Line], i: int, header: list[str] | None, headers: list, measureless: dict[int, list[str]]
                ) -> tuple[int, list[str] | None]:
    """(index of the first row, the header cells) of the grid a title at i
    heads: its own header right below, or the header above whose rows go
    on below it; None when no grid without a measure column follows."""
    if i + 1 >= len(lines) or not lines[i + 1].is_row:
        return i + 1, None
    if headers[i + 1]:
        return i + 2, measureless.get(i + 1)
    return i + 1, header


# A grid without a measure column has a content column, which its header names
# as HEADER_WORDS["content"] does (…内容, …概要) or as 摘要 (see with_summary_as_content).
CONTENT_WORD = regex.compile(f"内容|概要|{SUMMARY}")
# A caption over the whole table (連携する取組及び役割分担, 取組一覧) titles no measure.
TABLE_CAPTION = regex.compile(r"役割|一覧|別表|事項$|取り組む")
GRID_TITLE_MAX = 40


def title_text(line: Line) -> str:
    return spanning_text(line.cells) if line.is_row else line.text


def grid_title(line: Line, above: Line | None) -> str:
    """The text of a line that may title a grid: a name (no sentence, no
    note, no caption, no key) on a line of its own or alone in a row
    spanning the table."""
    if line.is_row and len(line.cells) < 2:
        return ""
    text = title_text(line).strip()
    if not text or len(text) > GRID_TITLE_MAX or TERMINATED.search(text) or NOTE.match(text) \
            or TABLE_CAPTION.search(text) or key_in_cell(KEY_MARKER.sub("", text).replace(" ", "")):
        return ""
    if above is not None and not above.is_row and untitled_beppyo(above.text):
        return ""  # 別表第2 / 生活機能の強化: the section's title
    return text


def wraps_row_above(line: Line, above: Line, sentence_columns: set[int]) -> bool:
    """A line between a grid's rows may be the wrapped rest of the data row
    above, a sentence cell of which (in a column whose cells end with 。)
    is still open (a PDF table's row cut into two, text after a grid row),
    unless the line repeats its text across cells (a colspan)."""
    if not above.is_row or spanning_text(above.cells):
        return False
    if line.is_row and sum(bool(cell.strip()) for cell in line.cells) > 1:
        return False
    return any(n in sentence_columns and is_open(cell.strip()) for n, cell in enumerate(above.cells))


def untitled_beppyo(text: str) -> bool:
    """別表第2 or 別表第2(第3条関係): a section whose title the next line gives."""
    heading = parse_heading(text)
    return heading is not None and heading.style == "beppyo" and not CLAUSE_REFERENCE.sub("", heading.title).strip()


def spanning_text(cells: list[str]) -> str:
    """The text of a row holding one cell's text alone (HTML colspan repeats
    it in every cell; a PDF table finder leaves the others empty), or ''."""
    texts = {cell.strip() for cell in cells if cell.strip()}
    return texts.pop() if len(texts) == 1 and cells[0].strip() else ""


def labels_in_order(previous: str, label: str) -> bool:
    """`label` comes right after `previous` in their series: ア イ, a b, 1 2,
    ① ②, ii iii, or イ ロ ハ."""
    if not previous or not label:
        return False
    at = IROHA.find(previous)
    if len(previous) == 1 and at >= 0 and IROHA.find(label) == at + 1:
        return True
    first, then = label_ordinal(previous), label_ordinal(label)
    return first is not None and then == first + 1


def wrapped_onto(above: Line | None, line: Line) -> bool:
    """`line` goes on from `above`: no blank line between them (a blank
    line parts rows and paragraphs in text from a PDF) and `above` breaks
    off unfinished (no 。)."""
    return above is not None and not line.blank_before and not TERMINATED.search(above.text)


def spanning_heading(cells: list[str]) -> str:
    """A numbered section heading that fills a whole row: one cell spanning
    the table (HTML colspan repeats it in every cell; a PDF table finder
    leaves the others empty)."""
    texts = {cell.strip() for cell in cells if cell.strip()}
    if len(texts) != 1:
        return ""
    text = texts.pop()
    heading = parse_heading(text)
    spans = sum(cell.strip() == text for cell in cells) > 1 or cells[0].strip() == text
    return text if spans and heading and heading.style in SECTION_CELL_STYLES else ""


def spanning_remark(cells: list[str]) -> str:
    """A remark on the table in a row of one cell spanning it (HTML colspan
    repeats it in every cell): 備考 この表において… or ※ …, read as the line
    of text it is, not as a measure named, described and given to each party."""
    first = cells[0].strip()
    if len(cells) < 2 or not first or any(cell.strip() != first for cell in cells[1:]):
        return ""
    is_remark = NOTE.match(first) or (key_opening(KEY_MARKER.sub("", first)) or ("",))[0] in (NOTE_COLUMN, SUMMARY)
    return first if is_remark else ""


SECTION_NUMBER_CELL = regex.compile(r"^(?:第\s*)?(?:\d{1,2}|\(\s*\d{1,2}\s*\)|[IVX]{1,5}|[一二三四五六七八九十]{1,3})[.、]?$")


def numbered_title_cells(cells: list[str]) -> str:
    """`2 高次の都市機能の集積・強化` for the cells 2 | 高次の都市機能の集積・強化
    and no other: a section's number alone in the first cell, a title (no
    sentence) in the second; else ""."""
    filled = [cell.strip() for cell in cells if cell.strip()]
    if len(filled) != 2 or cells[0].strip() != filled[0] or "。" in filled[1]:
        return ""
    if not SECTION_NUMBER_CELL.match(filled[0]):
        return ""
    text = f"{filled[0]} {filled[1]}"
    heading = parse_heading(text)
    return text if heading and heading.style in SECTION_CELL_STYLES and heading.title == filled[1] else ""


@lru_cache(maxsize=8192)
def parse_heading(text: str) -> Heading | None:
    """The heading a line opens with (1 …, (1) …, ア …, 第2 …), or None.
    Remembered: the reader asks it of each line more than once, and
    agreements repeat their heading lines."""
    for style, pattern in HEADING_STYLES:
        match = pattern.match(text)
        if match:
            num = match["num"].replace("!", "I") if style == "roman" else match["num"]
            number = label_ordinal(num) if style in ("kata", "paren_kata", "latin", "paren_latin") else to_int(num)
            return Heading(style, number, match["title"].strip())
    return None


def heading_label(heading: Heading, text: str) -> str:
    match = HEADING_MARKER.match(text)
    return match.group(1) if match else ""


def key_of(text: str, parties: list[Party]) -> str:
    """The field a key cell names: 取組内容 -> content, 甲の役割 -> role_a …"""
    text = text.replace(" ", "")
    kind = key_in_cell(text)
    if kind:
        return kind
    for party in parties[:2]:
        if text == f"{party.municipality}の役割":
            return "role_a" if party.role == "甲" else "role_b"
    if text in ("甲", "乙"):
        return "role_a" if text == "甲" else "role_b"
    return ""


# KEYS are tried in turn on every line of a region, some lines several
# times (is it a key? does a key follow?): the answers for the words alone,
# which parties do not change, are remembered.
@lru_cache(maxsize=8192)
def key_in_cell(text: str) -> str:
    """The field the KEYS name in a cell that holds little else, or ''."""
    for kind, pattern in KEYS:
        match = pattern.match(text)
        if match and len(text) - match.end() <= 2:
            return kind
    return ""


@lru_cache(maxsize=8192)
def key_opening(body: str) -> tuple[str, str] | None:
    """(field, the text after the key) of the first KEYS pattern body opens with."""
    for kind, pattern in KEYS:
        match = pattern.match(body)
        if match:
            return kind, body[match.end():]
    return None


def split_key(text: str, parties: list[Party]) -> tuple[str, str] | None:
    """'(a) 取組内容 …', '取組内容: …', '【甲の役割】…', 'i 甲の役割' -> (field, value)."""
    found = split_town_key(text, parties)
    return found[:2] if found else None


# 乙の役割(鏡野町), 乙(鏡野町)の役割, 鏡野町(乙)の役割: a role key naming
# which of the towns sharing the role it is for (one key per town).
TOWN_NOTE = regex.compile(r"^\(\s*([^()\s]{1,20}?)\s*\)")
TOWN_NOTED_ROLE_KEY = regex.compile(r"^(?:(?P<role>[甲乙丙])\(\s*(?P<town>[^()\s]{1,20}?)\s*\)"
                                    r"|(?P<town>[^()\s]{1,20}?)\(\s*(?P<role>[甲乙丙])\s*\))の役割(?:分担)?")


# 乙1の役割, 乙10の役割: the key of one of the towns defined as 乙1 … 乙10.
NUMBERED_ROLE_KEY = regex.compile(r"^(?P<otsu>乙[1-9]\d?)の役割(?:分担)?")


def split_town_key(text: str, parties: list[Party]) -> tuple[str, str, str] | None:
    """(field, value, town) of a key line; town is the municipality a role
    key names (【乙の役割(奈義町)】…, 奈義町の役割: …), else ''."""
    body = KEY_MARKER.sub("", text)
    key = key_opening(body)
    if key:
        kind, rest = key
        town = ""
        note = TOWN_NOTE.match(rest) if kind in ROLE_FIELDS.values() and rest.startswith("(") else None
        if note and note[1] not in ROLE_FIELDS:  # 乙の役割(鏡野町); 役割分担(乙) is no town
            town, rest = note[1], rest[note.end():]
        found = value_after(kind, rest)
        return (*found, town) if found else None
    numbered = NUMBERED_ROLE_KEY.match(body) if body.startswith("乙") else None
    if numbered:  # 乙1の役割: the town defined as 乙1, the first 乙 in order
        found = value_after(ROLE_FIELDS["乙"], body[numbered.end():])
        return (*found, numbered_town(numbered["otsu"], parties)) if found else None
    noted = TOWN_NOTED_ROLE_KEY.match(body) if "(" in body and "役割" in body else None
    if noted:
        found = value_after(ROLE_FIELDS[noted["role"]], body[noted.end():])
        return (*found, noted["town"]) if found else None
    for party in parties:  # 釧路市の役割: …
        key = f"{party.municipality}の役割"
        if party.role in ROLE_FIELDS and body.startswith(key):
            found = value_after(ROLE_FIELDS[party.role], body[len(key):].removeprefix("分担"))
            return (*found, party.municipality) if found else None
    return None


def split_town_value(text: str, parties: list[Party]) -> tuple[str, str] | None:
    """(value, town) of 鏡野町: …, (鏡野町) …, 【鏡野町】… or 鏡野町 alone (its
    value on the lines below) naming a 乙 town."""
    towns = [p.municipality for p in parties if p.role == "乙"]
    if text in towns:
        return "", text
    match = TOWN_VALUE.match(text) if text[:1] in "(【" or ":" in text or ":" in text else None
    return (match["value"], match["town"]) if match and match["town"] in towns else None


def value_after(kind: str, rest: str) -> tuple[str, str] | None:
    separator = KEY_SEPARATOR.match(rest)
    return (kind, rest[separator.end():].strip()) if separator else None


def starts_measure(following: Line | None, parties: list[Party]) -> bool:
    """A line is a measure when the next line gives its content or role."""
    return following is not None and is_key_line(following, parties)


def styles_followed_by_keys(lines: list[Line], parties: list[Party]) -> set[str]:
    """Numbering styles whose items carry 取組内容/役割 keys before the next
    item: those items are measures, not sections."""
    styles = set()
    for i, line in enumerate(lines):
        heading = None if line.is_row else parse_heading(line.text)
        if not heading or heading.style == "beppyo" or split_key(line.text, parties):
            continue
        window = lines[i + 1:i + 12]
        for j, later in enumerate(window):
            if is_key_line(later, parties):
                styles.add(heading.style)
                break
            next_is_key = j + 1 < len(window) and is_key_line(window[j + 1], parties)
            if later.is_row or parse_heading(later.text) or (next_is_key and not TERMINATED.search(later.text)):
                break  # another item, or a measure line of its own (a noun phrase, not a sentence)
    return styles


def is_key_line(line: Line, parties: list[Party]) -> bool:
    """A line giving a field of the measure above it (連携施策 … opens a measure of its own)."""
    if line.is_row:  # a header row (連携する取組 | 取組の内容 | …) names columns, not one row's fields
        key = key_of(line.cells[0], parties)
        return key not in ("", "measure") and header_columns(line.cells, parties) is None
    found = split_key(line.text, parties)
    return found is not None and found[0] != "measure"


def unplaced_column_warnings(line: Line, columns: dict[int, str]) -> list[str]:
    """A header naming a party past 丙 (丁の役割, a fourth town): its column
    has no field, and its cells are left out of the rows."""
    return [f"line {line.no}: column {line.cells[i].strip()} is a role without a field "
            f"(a fourth or later party's); its cells are left out" for i, kind in sorted(columns.items())
            if kind == UNPLACED_ROLE and i < len(line.cells)]


def column_fields(columns: dict[int, str]) -> tuple[str, ...]:
    """The row fields a grid's columns provide (役割分担 holds both roles)."""
    kinds = set(columns.values())
    if "roles" in kinds:
        kinds |= {"role_a", "role_b"}
    return tuple(field for field in ROW_FIELDS if field in kinds)


def kept_rows(reader: Reader) -> list[PendingRow]:
    """The rows that become appendix rows: a measure or a content at least."""
    return [p for p in reader.rows if p.row.cells.get("measure") or p.row.cells.get("content")]


# ○ in a party's column of a 取組一覧 (番号 | 事業名 | 事業概要 | 松江市 | 安来市):
# the party takes part in the measure; its role is stated elsewhere, if at all.
PARTICIPATION_MARK = regex.compile(r"^[○◯●◎]$")
ROLE_FIELDS_ALL = ("role_a", "role_b", "role_c")


def with_roles_given_apart(rows: list[PendingRow]) -> list[PendingRow]:
    """A measure named again in a later section with roles only (別表第2
    役割分担 after a 別表第1 取組一覧) completes the row it names: one row
    per measure, its roles in place of the participation marks."""
    kept: list[PendingRow] = []
    for pending in rows:
        earlier = named_earlier(pending, kept)
        if earlier is None:
            kept.append(pending)
            continue
        for name in ROLE_FIELDS_ALL:
            value = pending.row.cells.get(name, "")
            if value or PARTICIPATION_MARK.match(earlier.row.cells.get(name, "").strip()):
                earlier.row.cells[name] = value
        earlier.row.lines.extend(pending.row.lines)
    return kept


def named_earlier(pending: PendingRow, kept: list[PendingRow]) -> PendingRow | None:
    """The row of another section with the same measure (and label, where
    both have one), when this one gives roles and no content."""
    cells = pending.row.cells
    if cells.get("content") or not any(cells.get(name) for name in ROLE_FIELDS_ALL) or not cells.get("measure"):
        return None
    for earlier in kept:
        same_label = not (earlier.row.label and pending.row.label) or earlier.row.label == pending.row.label
        if earlier.context is not pending.context and earlier.row.cells.get("measure") == cells["measure"] \
                and same_label and earlier.row.cells.get("content"):
            return earlier
    return None


CELL_ORDER = ("measure", "content", "role_a", "role_b", "role_c", NOTE_COLUMN)
# A key/value block's role keys of the towns sharing 乙 after the first
# (【乙の役割(奈義町)】): each town's value in a cell of its own, named so.
OTHER_TOWN = "role_b_others:"
# 鏡野町: … / (鏡野町) … / 【鏡野町】…: a town's role under a shared 乙 key.
TOWN_VALUE = regex.compile(r"^(?:\(\s*(?P<town>[^()\s]{1,20})\s*\)|【\s*(?P<town>[^【】\s]{1,20})\s*】"
                           r"|(?P<town>[^\s::]{1,20}?)\s*[::])\s*(?P<value>.*)$")
FIRST_TOWN = "role_b_town"


def completed_by_sub_header(above: dict[int, str], cells: list[str], columns: dict[int, str]) -> dict[int, str]:
    """The second row of a two-level header (甲 | 乙 under 役割分担) names
    only the columns it splits; a column it leaves empty keeps the name the
    row above gave it (分野, 取組 … spanning both rows), a party's role too
    (甲の役割 beside 乙の役割 split into its towns, 三川町 | 庄内町): the
    sub-header alone would read that column as more content. A spanning
    役割分担 and a role the sub-header names itself are not kept."""
    named = set(columns.values()) & set(ROLE_COLUMNS)
    kept = {i: kind for i, kind in above.items()
            if kind != "roles" and kind not in named and (i >= len(cells) or not cells[i].strip())}
    return dict(sorted((columns | kept).items()))


def resolved_cells(pending: PendingRow, above: dict[str, str] | None) -> dict[str, str]:
    """The row's cells with placeholders replaced by what they stand for."""
    cells = dict(pending.row.cells)
    order = [name for name in CELL_ORDER if name in pending.fields or cells.get(name)]
    for at, name in enumerate(order):
        value = cells.get(name, "").strip()
        # most cells: nothing to resolve (a mark is one letter: value is stripped)
        if not is_placeholder(value) and not (len(value) == 1 and PARTICIPATION_MARK.match(value)):
            continue
        if name != "measure" and NO_VALUE.match(value) or name in ROLE_FIELDS_ALL and PARTICIPATION_MARK.match(value):
            cells[name] = ""
        elif name == NOTE_COLUMN and SAME_AS_ABOVE.match(value):  # 備考 同上: the remark of the measure above, in any layout
            cells[name] = above.get(name, "") if above is not None else ""
        elif pending.kind == "grid" and SAME_AS_LEFT.match(value) and at > 0:
            cells[name] = cells[order[at - 1]]
        elif pending.kind == "grid" and SAME_AS_ABOVE.match(value) and above is not None:
            cells[name] = above.get(name, "")
        elif pending.kind == "keyvalue" and SAME_AS_ABOVE.match(value) and at > 0:
            # a block lists its fields one under another: 乙の役割 同上 is 甲's role
            cells[name] = cells[order[at - 1]]
    others = [(name[len(OTHER_TOWN):], value.strip()) for name, value in cells.items() if name.startswith(OTHER_TOWN)]
    if others:  # 同上 under the first town's key stands for its role
        others = [(town, cells.get("role_b", "") if SAME_AS_ABOVE.match(value) else value) for town, value in others]
        cells["role_b_others"] = join_fragment(cells.get("role_b_others", ""), shared_role_cell(others))
    return cells


def to_appendix_rows(reader: Reader) -> list[AppendixRow]:
    rows, column_section, column_subsection, last_context, above = [], None, None, None, None
    for pending in kept_rows(reader):
        cells, ctx = resolved_cells(pending, above), pending.context
        above = cells
        if ctx != last_context:
            column_section, column_subsection, last_context = None, None, ctx
        section_no, section_title = ctx.section_no, ctx.section_title
        if not section_title and cells.get("section"):
            column_section, column_subsection = section_of_cell(cells["section"], section_no), None
        if not section_title and column_section:
            # a 分野 cell spans the rows below it, which leave theirs empty
            section_no, section_title = column_section
        subsection_no, subsection_title = ctx.subsection_no, ctx.subsection_title
        if not subsection_title and cells.get("subsection"):
            column_subsection = section_of_cell(cells["subsection"], None)
        if not subsection_title and column_subsection:  # 施策 under 分野: spans its rows as 分野 does
            subsection_no, subsection_title = column_subsection
        rows.append(AppendixRow(
            section_no=section_no, section_title=section_title,
            subsection_no=subsection_no, subsection_title=subsection_title,
            label=pending.row.label, measure=cells.get("measure", ""), content=cells.get("content", ""),
            role_a=cells.get("role_a", ""), role_b=cells.get("role_b", ""), span=Span.of(pending.row.lines),
            role_c=cells.get("role_c", ""), role_b_others=cells.get("role_b_others", ""), note=cells.get(NOTE_COLUMN, "")))
    return rows


# Numbering a 分野 column's cell may carry (1 経済成長のけん引, Ⅰ …, (1) …, 第1 …).
SECTION_CELL_STYLES = ("dai", "paren_digit", "digit", "roman", "kanji")


def section_of_cell(text: str, section_no: int | None) -> tuple[int | None, str]:
    """(number, title) of a section given in a column of the grid."""
    heading = parse_heading(text)
    if heading is None or heading.style not in SECTION_CELL_STYLES:
        return section_no, text
    return heading.number, heading.title


def incomplete_row_warnings(reader: Reader) -> list[str]:
    """A row missing a cell its table has (not one its table lacks: a grid of
    連携する取組 | 甲の役割 | 乙の役割 has no content column)."""
    warnings = []
    for n, pending in enumerate(kept_rows(reader), 1):
        cells = pending.row.cells
        filled = sum(bool(cells.get(field)) for field in pending.fields)
        if filled < len(pending.fields) and (cells.get("role_a") or cells.get("role_b")):
            warnings.append(f"row {n} has {filled} of {len(pending.fields)} cells "
                            f"(line {Span.of(pending.row.lines).lines_label})")
    return warnings


def read_region(lines: list[Line], parties: list[Party]) -> tuple[list[AppendixRow], list[str]]:
    reader = Reader(parties)
    reader.read(lines)
    reader.rows = with_roles_given_apart(reader.rows)
    rows = to_appendix_rows(reader)
    return rows, reader.warnings + incomplete_row_warnings(reader)


def extract_appendix(segments: list[Segment], parties: list[Party]) -> tuple[list[AppendixRow], list[str]]:
    rows: list[AppendixRow] = []
    warnings: list[str] = []
    for seg in segments:
        if seg.kind == Kind.APPENDIX:
            region, notes = rebuild_linearized_tables(
                list(seg.lines[1:]) if seg.lines[0].text.startswith(APPENDIX_WORDS)
                and not parse_heading(seg.lines[0].text) else list(seg.lines), parties)
            region = join_split_cells(region, parties)
            found, more = read_region(region, parties)
            notes += more
        elif seg.kind == Kind.ARTICLE and has_nested_measures(seg, parties):
            found, notes = read_region(list(seg.lines[1:]), parties)
        elif seg.kind == Kind.OVERVIEW_TABLE:
            found = overview_rows(list(seg.lines))
            # a table of measures read as none is a layout not understood, not an empty table
            notes = [] if found else [f"line {seg.lines[0].no} ({seg.lines[0].text[:40]}): "
                                      "overview table gave no rows"]
        else:
            continue
        rows.extend(found)
        warnings.extend(notes)
    return rows, warnings


def has_nested_measures(seg: Segment, parties: list[Party]) -> bool:
    """An article that lists measures with 取組内容 / 役割 items itself."""
    return sum(split_key(ln.text, parties) is not None for ln in seg.lines[1:]) >= 2


# -- overview: a two-column layout broken into lines -------------------
def overview_rows(lines: list[Line]) -> list[AppendixRow]:
    """Lines after the header alternate between short measure fragments
    (the narrow left column) and content sentences (the wide right column)
    that end with 。; a line may also hold both, split by a space."""
    body = lines[1:]
    if lines[0].is_row and sum(line.is_row for line in body) * 2 >= len(body):
        return overview_grid_rows(lines)
    width = measure_column_width(body)
    rows: list[AppendixRow] = []
    measure: list[Line] = []
    content: list[Line] = []

    def emit() -> None:
        if measure and content:
            rows.append(AppendixRow(None, "", None, "", "", "".join(m.text for m in measure),
                                    "".join(c.text for c in content), "", "", Span.of(measure + content)))

    for line in body:
        text = line.text.replace("\t", " ")
        if text.startswith(("【", "※")):
            break
        if content and not TERMINATED.search(content[-1].text):
            content.append(line)
            continue
        if content:
            emit()
            measure, content = [], []
        head, _, tail = text.partition(" ")
        if tail and len(head) <= width and (len(tail) > width or tail.endswith("。")) and not measure:
            measure.append(Line(line.no, head, line.page))
            content.append(Line(line.no, tail.strip(), line.page))
        elif len(text) <= width and not text.endswith("。"):
            measure.append(line)
        else:
            content.append(line)
    emit()
    return rows


def overview_grid_rows(lines: list[Line]) -> list[AppendixRow]:
    """An overview's table kept as cells (施策 | 取組内容 | 関係市町): one row
    per line, its label (番号), measure, content and the roles its header names (中心市の
    役割 | 連携市町村の役割 are 甲's and 乙's; most overviews give none) and
    its 備考 (the note) in the columns its header names, else the first two cells; a line whose
    measure cell is empty continues the row above, and a 分野 cell left
    empty is the one above it (a spanning cell). Columns of ○ under each
    partner town say who takes part, which no field holds. The table ends at
    its last row. Cells need not end with 。 here, so nothing runs on into
    the next row."""
    at = overview_columns(lines[0].cells)
    rows: list[tuple[dict[str, str], list[Line]]] = []
    section = ""
    for line in itertools.takewhile(lambda ln: ln.is_row, lines[1:]):
        cells = [cell.strip() for cell in line.cells] + [""] * len(lines[0].cells)
        section = cells[at["section"]] if "section" in at and cells[at["section"]] else section
        found = {name: overview_cell(cells[i], name) for name, i in at.items() if name != "section"}
        if found["measure"] or not rows:
            rows.append(({"label": "", "content": "", "role_a": "", "role_b": "", NOTE_COLUMN: "", **found, "section": section},
                         [line]))
        else:
            for name, value in found.items():
                rows[-1][0][name] = join_fragment(rows[-1][0][name], value)
            rows[-1][1].append(line)
    return [AppendixRow(*section_of_cell(row["section"], None), None, "", row["label"], row["measure"], row["content"],
                        row["role_a"], row["role_b"], Span.of(found), note=row[NOTE_COLUMN])
            for row, found in rows if row["measure"] or row["content"]]


OVERVIEW_FIELDS = ("section", "label", "measure", "content", "role_a", "role_b", NOTE_COLUMN)


def overview_cell(text: str, name: str) -> str:
    """A cell's value; a role cell's dash or なし gives no role, a 備考 cell's no remark."""
    if name == NOTE_COLUMN:
        return "" if NO_VALUE.match(text) else text
    return "" if name.startswith("role_") and (NO_VALUE.match(text) or PARTICIPATION_MARK.match(text)) else text


def overview_columns(header: list[str]) -> dict[str, int]:
    """Field -> column of an overview's table: by the header's names when it
    names the measure column, else measure and content are the first two."""
    named: dict[str, int] = {}
    for i, kind in sorted((recognised_columns(header, []) or {}).items()):
        if kind in OVERVIEW_FIELDS:
            named.setdefault(kind, i)
    return named if "measure" in named else {"measure": 0, "content": 1}


def measure_column_width(lines: list[Line]) -> int:
    """Half the widest full line: the narrow measure column holds less than
    half of what the wide content column does."""
    return max((len(ln.text) for ln in lines if " " not in ln.text), default=0) // 2
