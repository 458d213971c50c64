"""The document model passed between stages.

    ingest     Path            -> Source    (raw lines with source line/page numbers)
    normalize  Source          -> list[Line]
    repair     list[Line]      -> Repaired  (lines + corrections + warnings)
    segment    list[Line]      -> list[Segment]
    extract    list[Segment]   -> Document
    write      list[Document]  -> out/*.csv, out/*.parquet

Every value keeps the source lines it came from (a `Span`), so a reviewer can
go from a cell in a spreadsheet back to the line of the agreement.
Table rows travel as lines whose cells are separated by TAB, whatever the
input format (text, HTML, PDF table finder), so one table parser serves all.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum

CELL_SEP = "\t"


@dataclass(frozen=True)
class RawLine:
    """One line as read from the file, before any cleaning."""

    text: str
    line_no: int  # 1-based line number in the source (running number for PDF)
    page: int | None = None  # 1-based page for paged formats
    end_page: int | None = None  # where a table row cut by a page break ends (else as page)
    table_end: bool = False  # the last line of a table whose end the source marks (HTML's </table>, </dl>)

    def __init__(self, text: str, line_no: int, page: int | None = None, end_page: int | None = None,
                 table_end: bool = False):
        # Written out (see Line.__init__): ingest makes one RawLine a source line.
        vars(self).update(text=text, line_no=line_no, page=page, end_page=end_page, table_end=table_end)


SCANNED_METHODS = ("ocr", "scan-text")  # PageInfo.method of pages whose characters are OCR's guesses


@dataclass(frozen=True)
class PageInfo:
    """How one page of a paged source was read (text layer or OCR)."""

    page: int
    method: str  # "text" | "ocr" | "empty" | "scan-text" (a text layer over a page image: someone's OCR)
    ocr_confidence: float | None = None
    cid_glyphs: int = 0
    skew: float = 0.0  # degrees a scanned page was turned, and turned back before OCR
    despeckled: bool = False  # read again through a median filter: a noisy scan


@dataclass(frozen=True)
class Source:
    doc_id: str
    path: str
    format: str  # "text" | "html" | "pdf"
    sha256: str
    encoding: str
    lines: tuple[RawLine, ...]
    pages: tuple[PageInfo, ...] = ()
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Line:
    """A normalized, non-blank line; `no` points back to the source line."""

    no: int
    text: str
    page: int | None = None
    blank_before: bool = False  # a blank line preceded it in the source
    end_page: int | None = None  # a PDF table row cut by a page break ends on the next page
    ocr: bool = False  # read by OCR from a scanned page: its characters are guesses
    through: int | None = None  # a 別表 row rebuilt from cells given one per line ends at this source line
    running_header: bool = False  # the first of a line opening every page (連携協約書(写)): never the title
    at_margin: bool = False  # a paged text's line running to the right margin: wrapped there, whatever it ends with
    # The last line of a table the source closes there (HTML's </table>, or
    # </dl>, a table of terms and values): the text after it is none of its
    # cells or values, however the last one ends.
    table_end: bool = False

    def __init__(self, no: int, text: str, page: int | None = None, blank_before: bool = False,
                 end_page: int | None = None, ocr: bool = False, through: int | None = None,
                 running_header: bool = False, at_margin: bool = False, table_end: bool = False):
        # Written out, the fields above in their order with their defaults
        # (tests/test_model.py checks): the __init__ a frozen dataclass is
        # given sets each field through object.__setattr__, ~1,300
        # instructions a field, and normalize, repair and the extractors
        # make a hundred Lines a document. One update of the instance's
        # dict is what object.__setattr__ does field by field; the instance
        # stays frozen (assigning a field raises), equal and hashable by fields.
        vars(self).update(no=no, text=text, page=page, blank_before=blank_before, end_page=end_page, ocr=ocr,
                          through=through, running_header=running_header, at_margin=at_margin, table_end=table_end)

    @property
    def cells(self) -> list[str]:
        return self.text.split(CELL_SEP)

    @property
    def is_row(self) -> bool:
        return CELL_SEP in self.text


@dataclass(frozen=True)
class Span:
    first: int
    last: int
    pages: tuple[int, ...] = ()

    def __init__(self, first: int, last: int, pages: tuple[int, ...] = ()):
        vars(self).update(first=first, last=last, pages=pages)  # written out: see Line.__init__

    @staticmethod
    def of(lines) -> "Span":
        lines = list(lines)
        if not lines:
            return Span(0, 0)
        pages = tuple(sorted({page for ln in lines for page in (ln.page, ln.end_page) if page is not None}))
        return Span(min(ln.no for ln in lines), max(ln.through or ln.no for ln in lines), pages)

    @property
    def lines_label(self) -> str:
        return str(self.first) if self.first == self.last else f"{self.first}-{self.last}"

    @property
    def pages_label(self) -> str:
        if not self.pages:
            return ""
        lo, hi = self.pages[0], self.pages[-1]
        return str(lo) if lo == hi else f"{lo}-{hi}"


class Kind(str, Enum):
    """What a run of lines is, as decided by the segmenter."""

    TITLE = "title"
    COVER = "cover"
    PREAMBLE = "preamble"
    CAPTION = "caption"
    ARTICLE = "article"
    CLOSING = "closing"
    DATE = "date"
    SIGNATORY = "signatory"
    APPENDIX = "appendix"
    OVERVIEW_TABLE = "overview_table"
    QUOTE = "quote"
    OTHER = "other"


@dataclass(frozen=True)
class Segment:
    kind: Kind
    lines: tuple[Line, ...]
    label: str = ""  # e.g. the article number "3" or "252_2", the role "甲"

    @property
    def span(self) -> Span:
        return Span.of(self.lines)

    @property
    def text(self) -> str:
        return "\n".join(ln.text for ln in self.lines)


@dataclass(frozen=True)
class Article:
    article_no: str  # "3", "252_2" (第二百五十二条の二), as in 法令標準XML Num
    number: int
    branch: int | None
    caption: str
    paragraphs: tuple[str, ...]
    span: Span
    paragraph_spans: tuple[Span, ...] = ()

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs)


@dataclass(frozen=True)
class DateValue:
    iso: dt.date
    raw: str
    kind: str  # "signed" | "referenced" | "planned" (the day a press release announces the signing for)
    line_no: int


@dataclass(frozen=True)
class Party:
    role: str  # 甲, 乙, 丙, …
    municipality: str
    code: str = ""  # 全国地方公共団体コード when the gazetteer knows the name


@dataclass(frozen=True)
class Signatory:
    role: str
    municipality: str
    address: str
    title: str
    name: str
    family_name: str
    given_name: str
    redacted: bool
    span: Span
    municipality_code: str = ""


@dataclass(frozen=True)
class AppendixRow:
    section_no: int | None
    section_title: str
    subsection_no: int | None
    subsection_title: str
    label: str
    measure: str
    content: str
    role_a: str
    role_b: str
    span: Span
    role_c: str = ""  # 丙's role, where three parties share the measures
    # The roles of the other towns that share 乙 with party_b (乙 is 鏡野町 and
    # 奈義町, each with a column): "奈義町:…。", each after its town's name.
    role_b_others: str = ""
    # The 備考 of the measure (its cell in a 備考 column, or its 【備考】 key's
    # value): 令和4年度から, 県事業. Notes on the whole table are no row's.
    note: str = ""

    def __init__(self, section_no: int | None, section_title: str, subsection_no: int | None,
                 subsection_title: str, label: str, measure: str, content: str, role_a: str, role_b: str,
                 span: Span, role_c: str = "", role_b_others: str = "", note: str = ""):
        # written out (see Line.__init__): a dozen fields, a dozen 別表 rows a document
        vars(self).update(section_no=section_no, section_title=section_title, subsection_no=subsection_no,
                          subsection_title=subsection_title, label=label, measure=measure, content=content,
                          role_a=role_a, role_b=role_b, span=span, role_c=role_c, role_b_others=role_b_others,
                          note=note)


@dataclass(frozen=True)
class Correction:
    line_no: int
    original: str
    corrected: str
    rule: str
    evidence: str
    confidence: float


@dataclass(frozen=True)
class Document:
    doc_id: str
    source_file: str
    sha256: str
    format: str
    doc_type: str  # "agreement" | "overview" | "other"
    title: str
    area_name: str
    parties: tuple[Party, ...]
    signed_date: dt.date | None
    articles: tuple[Article, ...] = ()
    signatories: tuple[Signatory, ...] = ()
    appendix: tuple[AppendixRow, ...] = ()
    dates: tuple[DateValue, ...] = ()
    corrections: tuple[Correction, ...] = ()
    warnings: tuple[str, ...] = ()
    status: str = "ok"  # "ok" | "partial" | "failed"
    lines: tuple[Line, ...] = field(default=(), repr=False)  # normalized text, for review
    pages: tuple[PageInfo, ...] = ()

    def party(self, role: str) -> Party | None:
        return next((p for p in self.parties if p.role == role), None)


def failed_document(doc_id: str, source_file: str, reason: str, *, sha256: str = "",
                    fmt: str = "") -> Document:
    """The row a file gets when it cannot be read at all."""
    return Document(doc_id=doc_id, source_file=source_file, sha256=sha256, format=fmt,
                    doc_type="other", title="", area_name="", parties=(), signed_date=None,
                    warnings=(reason,), status="failed")
