"""Document -> what its review page shows: source lines beside extracted facts.

Every fact carries the source lines it came from as a label ("57-59"), which
the page uses to highlight them. Articles, 別表 rows, signatories, dates and
corrections know their lines from extraction; title, 圏域 and parties are
found by searching the lines for their text.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import regex

from pipeline.model import Document, Line
from pipeline.review.pdfpages import PageImage

LOCATED = regex.compile(r"\blines? (\d+)(?:-(\d+))?")
# Which part of the page a warning is about, by the words it uses.
WARNING_SECTIONS = (
    ("title", "title"), ("part", "parties"), ("date", "dates"), ("article", "articles"),
    ("signator", "signatories"), ("row", "appendix"), ("table", "appendix"), ("column", "appendix"),
    ("別表", "appendix"),
)


@dataclass(frozen=True)
class Fact:
    label: str
    value: str
    lines: str = ""  # "57" or "57-59"; empty when the value was not found in the text


@dataclass(frozen=True)
class Note:
    """A warning or correction, placed on the page where it applies."""

    kind: str  # "warning" | "correction"
    text: str
    lines: str  # source lines it is about, "" for the document as a whole
    section: str = ""  # the part of the page a warning is about


@dataclass(frozen=True)
class SourceLine:
    no: int
    page: int | None
    cells: tuple[str, ...]  # one cell for a plain line, several for a table row
    notes: tuple[Note, ...] = ()

    @property
    def is_row(self) -> bool:
        return len(self.cells) > 1


@dataclass(frozen=True)
class ArticleView:
    heading: str
    caption: str
    lines: str
    paragraphs: tuple[Fact, ...]


@dataclass
class DocumentView:
    doc: Document
    header: list[Fact]
    parties: list[Fact]
    dates: list[Fact]
    articles: list[ArticleView]
    signatories: list[list[Fact]]
    appendix: list[list[Fact]]
    warnings: list[Note]
    lines: list[SourceLine]
    pages: list[PageImage] = field(default_factory=list)

    def warnings_for(self, section: str) -> list[Note]:
        return [w for w in self.warnings if w.section == section]

    @property
    def has_page_numbers(self) -> bool:
        return any(line.page is not None for line in self.lines)


def document_view(doc: Document, pages: list[PageImage] | None = None) -> DocumentView:
    warnings = [locate_warning(w) for w in doc.warnings]
    corrections = [Note("correction", f"{c.original} → {c.corrected} ({c.rule})", str(c.line_no))
                   for c in doc.corrections]
    return DocumentView(
        doc=doc, header=header_facts(doc), parties=party_facts(doc), dates=date_facts(doc),
        articles=article_views(doc), signatories=signatory_facts(doc), appendix=appendix_facts(doc),
        warnings=warnings,
        lines=source_lines(doc.lines, [*corrections, *warnings]), pages=pages or [])


def header_facts(doc: Document) -> list[Fact]:
    return [Fact("表題", doc.title, line_of(doc.lines, doc.title)),
            Fact("圏域", doc.area_name, line_of(doc.lines, doc.area_name)),
            Fact("締結日", str(doc.signed_date or ""), next(
                (str(d.line_no) for d in doc.dates if d.kind == "signed" and d.iso == doc.signed_date), ""))]


def party_facts(doc: Document) -> list[Fact]:
    return [Fact(p.role, p.municipality + (f" ({p.code})" if p.code else ""),
                 line_of(doc.lines, p.municipality, also=f"「{p.role}」"))
            for p in doc.parties]


def date_facts(doc: Document) -> list[Fact]:
    return [Fact(d.kind, f"{d.iso.isoformat()} ({d.raw})", str(d.line_no)) for d in doc.dates]


def article_views(doc: Document) -> list[ArticleView]:
    views = []
    for a in doc.articles:
        spans = a.paragraph_spans or (a.span,) * len(a.paragraphs)
        heading = f"第{a.number}条" + (f"の{a.branch}" if a.branch else "")
        views.append(ArticleView(heading, a.caption, a.span.lines_label, tuple(
            Fact(str(j), text, span.lines_label) for j, (text, span) in enumerate(zip(a.paragraphs, spans), 1))))
    return views


def signatory_facts(doc: Document) -> list[list[Fact]]:
    return [[Fact("当事者", s.role, s.span.lines_label), Fact("市町村", s.municipality, s.span.lines_label),
             Fact("住所", s.address, s.span.lines_label), Fact("職名", s.title, s.span.lines_label),
             Fact("氏名", s.name + (" [黒塗り]" if s.redacted else ""), s.span.lines_label)]
            for s in doc.signatories]


# Columns shown only for a document that fills them in some row, and then
# in every row: the page's header is the first row's labels, and a 備考
# column is often empty in the first rows.
OPTIONAL_APPENDIX_COLUMNS = (("乙の役割(他の市町村)", "role_b_others"), ("丙の役割", "role_c"), ("備考", "note"))


def appendix_facts(doc: Document) -> list[list[Fact]]:
    rows = []
    shown = [(label, name) for label, name in OPTIONAL_APPENDIX_COLUMNS if any(getattr(r, name) for r in doc.appendix)]
    for row_no, r in enumerate(doc.appendix, 1):
        lines = r.span.lines_label
        section = " ".join(str(x) for x in (r.section_no, r.section_title) if x not in (None, ""))
        subsection = " ".join(str(x) for x in (r.subsection_no, r.subsection_title) if x not in (None, ""))
        rows.append([Fact("#", str(row_no), lines), Fact("分野", " / ".join(p for p in (section, subsection) if p), lines),
                     Fact("施策", " ".join(p for p in (r.label, r.measure) if p), lines),
                     Fact("取組内容", r.content, lines), Fact("甲の役割", r.role_a, lines),
                     Fact("乙の役割", r.role_b, lines)]
                    + [Fact(label, getattr(r, name), lines) for label, name in shown])
    return rows


def locate_warning(text: str) -> Note:
    found = LOCATED.search(text)
    lines = "" if not found else found.group(1) + (f"-{found.group(2)}" if found.group(2) else "")
    lowered = text.lower()
    section = next((name for word, name in WARNING_SECTIONS if word in lowered), "document")
    return Note("warning", text, lines, section)


def line_of(lines, text: str, also: str = "") -> str:
    """The first line that contains text (and `also`, if such a line exists)."""
    if not text:
        return ""
    containing = [ln for ln in lines if text in ln.text]
    best = next((ln for ln in containing if also and also in ln.text), containing[0] if containing else None)
    return str(best.no) if best else ""


def source_lines(lines: tuple[Line, ...], notes: list[Note]) -> list[SourceLine]:
    by_line: dict[int, list[Note]] = {}
    for note in notes:
        if note.lines:
            by_line.setdefault(int(note.lines.split("-")[0]), []).append(note)
    return [SourceLine(ln.no, ln.page, tuple(ln.cells), tuple(by_line.get(ln.no, ()))) for ln in lines]
