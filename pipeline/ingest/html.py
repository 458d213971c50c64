"""HTML (例規集 pages, converter output): text blocks become lines, table
cells become TAB-separated cells, <br> a line break (inside a cell the
wrapped parts are joined, as Japanese text has no spaces between them).
A cell spanning rows or columns (rowspan/colspan, the 分野 cell beside all of
its measures) is repeated in each row and column it covers, as
pandas.read_html does, so every row keeps its columns in place."""
from __future__ import annotations

import hashlib
from html.parser import HTMLParser
from pathlib import Path

import regex

from pipeline.ingest import text
from pipeline.model import RawLine, Source

HTML_START = regex.compile(rb"^\s*(?:<!doctype\s+html|<html|<\?xml[^>]*>\s*<html)", regex.IGNORECASE)
BLOCK_TAGS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "section",
              "article", "header", "footer", "blockquote", "pre", "title", "caption", "table"}
SKIP_TAGS = {"script", "style", "head", "noscript"}
# <ruby>八戸<rp>(</rp><rt>はちのへ</rt><rp>)</rp></ruby>: the reading printed
# over a name is not part of the text (八戸, not 八戸(はちのへ)). HTML lets
# </rt> and </rp> be omitted, so the next <rt>/<rp>/<rb> or </ruby> ends one too.
RUBY_ANNOTATION_TAGS = {"rt", "rp"}


def sniff(path: Path, head: bytes) -> bool:
    return path.suffix.lower() in (".html", ".htm", ".xhtml") or bool(HTML_START.match(head))


class _LineBuilder(HTMLParser):
    """Collects (source line, text) pairs; table rows as TAB-joined cells."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[tuple[int, str]] = []
        self._buffer: list[str] = []
        self._buffer_line = 1
        self._skip = 0
        self._in_ruby_annotation = False
        self._row: list[str] | None = None
        self._cell: list[str] | None = None
        self._row_line = 1
        self._span = (1, 1)  # rowspan, colspan of the open cell
        self._carried: dict[int, list] = {}  # column -> [rows still covered, text] of a rowspan cell

    def _flush(self) -> None:
        content = "".join(self._buffer)
        if content.strip():
            self.lines.append((self._buffer_line, content.strip()))
        self._buffer = []

    def handle_starttag(self, tag, attrs):
        if tag in ("rt", "rp", "rb"):
            self._in_ruby_annotation = tag in RUBY_ANNOTATION_TAGS
        elif tag in SKIP_TAGS:
            self._skip += 1
        elif tag == "tr":
            self._flush()
            self._row, self._row_line = [], self.getpos()[0]
        elif tag in ("td", "th") and self._row is not None:
            self._fill_carried()
            self._cell, self._span = [], (span_of(attrs, "rowspan"), span_of(attrs, "colspan"))
        elif tag == "table":
            self._flush()
            self._carried = {}
        elif tag == "br" and self._cell is None:
            self._flush()
        elif tag in BLOCK_TAGS and self._cell is None:
            self._flush()

    def handle_endtag(self, tag):
        if tag in RUBY_ANNOTATION_TAGS or tag == "ruby":
            self._in_ruby_annotation = False
        elif tag in SKIP_TAGS:
            self._skip = max(0, self._skip - 1)
        elif tag in ("td", "th") and self._row is not None and self._cell is not None:
            content = " ".join("".join(self._cell).split())
            rows, columns = self._span
            for _ in range(columns):
                if rows > 1:
                    self._carried[len(self._row)] = [rows - 1, content]
                self._row.append(content)
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self._fill_carried()
            if any(self._row):
                self.lines.append((self._row_line, "\t".join(self._row)))
            self._row = None
        elif tag in BLOCK_TAGS and self._cell is None:
            self._flush()

    def _fill_carried(self) -> None:
        """The cells of earlier rows' rowspans that cover the next column."""
        while (carried := self._carried.get(len(self._row))) is not None:
            self._row.append(carried[1])
            carried[0] -= 1
            if carried[0] == 0:
                del self._carried[len(self._row) - 1]

    def handle_data(self, data):
        if self._skip or self._in_ruby_annotation:
            return
        if self._cell is not None:
            self._cell.append(data.replace("\n", "").replace("\r", ""))
            return
        if not self._buffer:
            self._buffer_line = self.getpos()[0]
        self._buffer.append(data.replace("\r", "").replace("\n", ""))

    def close(self):
        super().close()
        self._flush()


def span_of(attrs: list[tuple[str, str | None]], name: str) -> int:
    """rowspan="3" -> 3; missing or malformed -> 1 (capped: a bad page must not explode)."""
    value = dict(attrs).get(name) or ""
    return min(int(value), 100) if value.strip().isdigit() and int(value) > 0 else 1


def read(path: Path, data: bytes) -> Source:
    decoded, encoding = text.decode(data)
    builder = _LineBuilder()
    builder.feed(decoded)
    builder.close()
    lines = tuple(RawLine(text=content, line_no=line_no) for line_no, content in builder.lines)
    return Source(doc_id=path.stem, path=str(path), format="html",
                  sha256=hashlib.sha256(data).hexdigest(), encoding=encoding, lines=lines)
