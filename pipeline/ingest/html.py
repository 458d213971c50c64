"""HTML (例規集 pages, converter output, Word's "Save as Web Page", a city
website's page): text blocks become lines, table cells become TAB-separated
cells, <br> a line break (inside a cell the wrapped parts are joined, as
Japanese text has no spaces between them); text in <pre> keeps its lines as
typed. Tables are read by pipeline.ingest.html_tables: spanning cells
repeated where they cover, end tags HTML lets be left out closed as a
browser closes them, a table nested in a cell text of that cell, signature
blocks laid side by side and a table framing the whole page read as the
text they lay out.

What a browser shows is what is read: an image's alt text stands where the
image does (a 外字 drawn as a picture, a seal 印), an <ol> item carries the
number printed before it, and a page that marks its <main> content has only
that read (menus, breadcrumbs, sidebars and the city's footer are not the
agreement).

The encoding a page declares (<meta charset>, http-equiv, the XML
declaration) is taken as a browser takes it, unless the bytes read as more
Japanese in another (text.decode): a CMS may convert a page and keep its meta."""
from __future__ import annotations

import contextlib
import hashlib
from html.parser import HTMLParser
from pathlib import Path

import regex

from pipeline.ingest import text
from pipeline.ingest.html_tables import Cell, Table
from pipeline.model import RawLine, Source

HTML_START = regex.compile(rb"^\s*(?:<!doctype\s+html|<html|<\?xml[^>]*>\s*(?:<!doctype[^>]*>\s*)?<html)",
                           regex.IGNORECASE)
BLOCK_TAGS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "section",
              "article", "header", "footer", "blockquote", "pre", "title", "caption", "table",
              "main", "ol", "ul", "dl"}
SKIP_TAGS = {"script", "style", "head", "noscript", "nav"}
# <ruby>八戸<rp>(</rp><rt>はちのへ</rt><rp>)</rp></ruby>: the reading printed
# over a name is not part of the text (八戸, not 八戸(はちのへ)). HTML lets
# </rt> and </rp> be omitted, so the next <rt>/<rp>/<rb> or </ruby> ends one too.
RUBY_ANNOTATION_TAGS = {"rt", "rp"}
CELL_TAGS = ("td", "th")
# <main>, or an element with role="main": a page that marks its content so.
MAIN_MARK = regex.compile(r"<main[\s>]|\srole\s*=\s*[\"']?main\b", regex.IGNORECASE)
# The encoding a page declares, looked for where browsers look: in its head,
# outside comments (the WHATWG prescan reads 1024 bytes; Word and converters
# write theirs a little later at times), <meta> before the XML declaration.
DECLARATION_REACH = 4096
META_CHARSET = regex.compile(rb"<meta\s[^>]*?charset\s*=\s*[\"']?\s*([\w.:-]+)", regex.IGNORECASE)
XML_ENCODING = regex.compile(rb"\s*<\?xml\s[^>]*?encoding\s*=\s*[\"']\s*([\w.:-]+)", regex.IGNORECASE)
COMMENT = regex.compile(rb"<!--.*?(?:-->|$)", regex.DOTALL)


def sniff(path: Path, head: bytes) -> bool:
    return path.suffix.lower() in (".html", ".htm", ".xhtml") or bool(HTML_START.match(markup_bytes(head)))


def markup_bytes(head: bytes) -> bytes:
    """The head as bytes HTML_START reads: without a UTF-8 BOM (Notepad's),
    and UTF-16 (Word's "Unicode" web page, an editor's) decoded, as its
    markup is ASCII with a zero byte beside each character."""
    if order := text.utf16_byte_order(head):
        return head[:len(head) // 2 * 2].decode(order, errors="ignore").encode("utf-8")
    return head.removeprefix(b"\xef\xbb\xbf")


class _LineBuilder(HTMLParser):
    """Collects (source line, text, ends a table) triples; table rows as TAB-joined cells."""

    def __init__(self, main_only: bool = False) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[tuple[int, str, bool]] = []
        self._buffer: list[str] = []
        self._buffer_line = 1
        self._skip = 0
        self._main: MainElement | None = MainElement() if main_only else None
        self._in_ruby_annotation = False
        self._tables: list[Table] = []  # open tables, the innermost last
        self._lists: list[ListNumbering | None] = []  # open <ol> (numbering) and <ul> (None)
        self._marker = ""  # the number of the <ol> item whose first line is still to come
        self._preformatted = 0  # open <pre> elements: their line breaks are lines, as a browser shows them
        self._pre_opened = False  # no text yet since <pre>: a newline right after it is no line (HTML drops it)
        self._term_lists: list[int] = []  # open <dl>s outside tables: the number of lines when each opened
        self.warnings: list[str] = []

    def _flush(self) -> None:
        content = "".join(self._buffer).strip()
        if content:
            if self._marker and not OWN_MARKER.match(content):
                content = f"{self._marker} {content}"
            self._marker = ""
            self.lines.append((self._buffer_line, content, False))
        self._buffer = []

    @property
    def _skipping(self) -> bool:
        return bool(self._skip or (self._main and not self._main.open))

    @property
    def _open_cell(self) -> Cell | None:
        """The innermost open cell: text inside a table but outside its cells
        (a nested table's stray text) belongs to the cell around that table."""
        for table in reversed(self._tables):
            if table.cell is not None:
                return table.cell
        return None

    def handle_starttag(self, tag, attrs):
        if self._main:
            self._main.start(tag, attrs)
        if tag in ("rt", "rp", "rb"):
            self._in_ruby_annotation = tag in RUBY_ANNOTATION_TAGS
        elif tag in SKIP_TAGS:
            self._skip += 1
        elif tag == "img":
            alt = dict(attrs).get("alt") or ""
            if "別表" in alt and not self._skipping:  # its rows are pixels: none is read, none made up
                self.warnings.append(f"line {self.getpos()[0]}: 別表 shown as an image ({alt.strip()[:40]}); "
                                     "its rows are not read")
            self.handle_data(alt)
        elif tag == "table":
            self._start_table()
        elif tag == "tr" and self._tables:
            self._flush()  # text straying between rows comes before them
            self._tables[-1].start_row(self.getpos()[0])
        elif tag in CELL_TAGS and self._tables:
            self._tables[-1].start_cell(self.getpos()[0], attrs)
        elif (cell := self._open_cell) is not None:
            if tag == "br" or tag in BLOCK_TAGS:
                cell.break_line(self.getpos()[0])
        elif tag in ("ol", "ul"):
            self._flush()
            self._lists.append(ListNumbering.of(attrs) if tag == "ol" else None)
        elif tag == "dl":
            self._flush()
            self._term_lists.append(len(self.lines))
        elif tag == "li":
            self._flush()
            numbering = self._lists[-1] if self._lists else None
            self._marker = numbering.next_marker() if numbering and not self._skipping else ""
        elif tag == "br" or tag in BLOCK_TAGS:
            self._flush()
        if tag == "pre":
            self._preformatted += 1
            self._pre_opened = True

    def handle_endtag(self, tag):
        if self._main:
            self._main.end(tag)
        if tag == "pre" and self._preformatted:
            if "".join(self._buffer).strip():  # the newline before </pre> ends the last line, not a blank one
                self._end_preformatted_line()
            self._buffer = []
            self._preformatted -= 1
        if tag in RUBY_ANNOTATION_TAGS or tag == "ruby":
            self._in_ruby_annotation = False
        elif tag in SKIP_TAGS:
            self._skip = max(0, self._skip - 1)
        elif tag == "table":
            if self._tables:
                self._tables.pop().end()
        elif tag in CELL_TAGS and self._tables:
            self._tables[-1].end_cell()
        elif tag == "tr" and self._tables:
            self._tables[-1].end_row()
        elif (cell := self._open_cell) is not None:
            if tag in BLOCK_TAGS:
                cell.break_line(self.getpos()[0])
        elif tag in ("ol", "ul"):
            self._flush()
            if self._lists:
                self._lists.pop()
        elif tag == "dl":
            self._flush()
            self._end_term_list()
        elif tag in BLOCK_TAGS:
            self._flush()

    def _end_term_list(self) -> None:
        """A <dl> is a table of terms and their values (取組の内容 | …): its
        last line ends it as </table> ends a table's last row."""
        opened = self._term_lists.pop() if self._term_lists else len(self.lines)
        if len(self.lines) > opened:
            line_no, content, _ = self.lines[-1]
            self.lines[-1] = (line_no, content, True)

    def _start_table(self) -> None:
        """A table's rows go to the page, or to the cell it is nested in."""
        cell = self._open_cell
        if cell is None:
            self._flush()
            self._tables.append(Table(lambda line_no, text, ends_table: self.lines.append((line_no, text, ends_table))))
        else:
            self._tables.append(Table(cell.add_table_line))

    def handle_data(self, data):
        if self._skipping or self._in_ruby_annotation:
            return
        if (cell := self._open_cell) is not None:
            cell.add(data)
            return
        if self._preformatted:
            self._add_preformatted(data)
            return
        if not self._buffer:
            self._buffer_line = self.getpos()[0]
        self._buffer.append(data.replace("\r", "").replace("\n", ""))

    def _add_preformatted(self, data: str) -> None:
        """Text in <pre>: each of its lines a line as typed, numbered where it
        stands in the page; indents and blank lines kept, as a table aligned
        with spaces is read by its columns and its rows by the blank lines."""
        first_line = self.getpos()[0]
        data = data.replace("\r", "")
        if self._pre_opened and data.startswith("\n"):
            data, first_line = data[1:], first_line + 1
        self._pre_opened = False
        for offset, part in enumerate(data.split("\n")):
            if offset:
                self._end_preformatted_line()
            if not self._buffer:
                self._buffer_line = first_line + offset
            self._buffer.append(part)

    def _end_preformatted_line(self) -> None:
        self.lines.append((self._buffer_line, "".join(self._buffer).rstrip(), False))
        self._buffer = []

    def close(self):
        super().close()
        while self._tables:  # a page cut off inside a table: what was read of it still counts
            self._tables.pop().end()
        self._flush()


class MainElement:
    """Whether the reader is inside the page's <main> (or role="main") element."""

    def __init__(self) -> None:
        self.tag = ""
        self.depth = 0  # open elements named as the main one, itself included

    @property
    def open(self) -> bool:
        return self.depth > 0

    def start(self, tag: str, attrs) -> None:
        if self.open and tag == self.tag:
            self.depth += 1
        elif not self.open and (tag == "main" or (dict(attrs).get("role") or "").lower() == "main"):
            self.tag, self.depth = tag, 1

    def end(self, tag: str) -> None:
        if self.open and tag == self.tag:
            self.depth -= 1


# An item that prints its own number ((1) 医療, 1 医療, 一 医療, ア 医療, ①):
# its list is styled without markers, so none is added.
OWN_MARKER = regex.compile(r"^(?:[(（][^()（）]{1,3}[)）]|[0-9０-９]{1,2}[.．、)）\s\u3000]|[一二三四五六七八九十]{1,3}[、\s\u3000]"
                           r"|[ア-ン][.．、\s\u3000]|[①-⑳])")
ROMAN = (("m", 1000), ("cm", 900), ("d", 500), ("cd", 400), ("c", 100), ("xc", 90), ("l", 50), ("xl", 40),
         ("x", 10), ("ix", 9), ("v", 5), ("iv", 4), ("i", 1))


class ListNumbering:
    """The numbers a browser prints before the items of an <ol>: 1. 2. …,
    a. b. …, i. ii. … (type="a", type="i", list-style-type), none when the
    list is styled without them."""

    def __init__(self, kind: str, start: int) -> None:
        self.kind, self.number = kind, start

    @classmethod
    def of(cls, attrs) -> ListNumbering:
        attributes = dict(attrs)
        style = (attributes.get("style") or "").lower().replace(" ", "")
        kind = attributes.get("type") or "1"
        for name, as_type in (("none", ""), ("lower-alpha", "a"), ("lower-latin", "a"), ("upper-alpha", "A"),
                              ("upper-latin", "A"), ("lower-roman", "i"), ("upper-roman", "I"), ("decimal", "1")):
            if regex.search(rf"list-style(?:-type)?:{name}\b", style):
                kind = as_type
                break
        start = attributes.get("start") or ""
        return cls(kind, int(start) if start.strip().isdigit() else 1)

    def next_marker(self) -> str:
        number, self.number = self.number, self.number + 1
        if self.kind in ("a", "A") and 1 <= number <= 26:
            letter = chr(ord("a") + number - 1)
            return f"{letter.upper() if self.kind == 'A' else letter}."
        if self.kind in ("i", "I") and number >= 1:
            roman = to_roman(number)
            return f"{roman.upper() if self.kind == 'I' else roman}."
        return f"{number}." if self.kind else ""


def to_roman(number: int) -> str:
    out = ""
    for letters, value in ROMAN:
        while number >= value:
            out, number = out + letters, number - value
    return out


def declared_charset(data: bytes) -> str | None:
    """The charset label of <meta charset="…">, of <meta http-equiv="Content-Type"
    content="text/html; charset=…"> or of <?xml … encoding="…"?>, as written."""
    head = COMMENT.sub(b"", data[:DECLARATION_REACH])
    found = META_CHARSET.search(head) or XML_ENCODING.match(head)
    return found[1].decode("ascii") if found else None


def page_text(data: bytes) -> tuple[str, str]:
    """(text, encoding) of the page. UTF-16 by its zero bytes, BOM or none:
    its markup is ASCII, so text.decode's test of UTF-16 without a BOM (a
    tenth of the letters kana) would fail a page of tags and kanji."""
    order = text.utf16_byte_order(data[:DECLARATION_REACH])
    if order:
        with contextlib.suppress(UnicodeDecodeError):
            return data.decode(order), order
    return text.decode(data, declared_charset(data))


# 第4条 opens an article (its 項 numbered from 2); 2, ３: a 項's number alone.
ARTICLE_OPENING = regex.compile(r"^第[0-9０-９一二三四五六七八九十百]+条")
BARE_NUMBER = regex.compile(r"[0-9０-９]{1,2}")
NUMBER_OPENING = regex.compile(r"^([0-9０-９]{1,2})[\s\u3000]")


def paragraph_numbers_before_their_text(lines: list[tuple[int, str, bool]]) -> list[tuple[int, str, bool]]:
    """A 項's number in an element of its own (例規集: <div class="num">2</div>
    <div class="text">…</div>) opens the text after it, as the page shows it.
    Only the number the article's next 項 takes: a page number left by a
    converter (2 on a line of its own) is not glued to the text below it."""
    joined: list[tuple[int, str, bool]] = []
    next_paragraph = 0  # the number the open article's next 項 takes; 0 outside articles
    for line_no, content, ends_table in lines:
        if ARTICLE_OPENING.match(content):
            next_paragraph = 2
        previous = joined[-1][1] if joined else ""
        if next_paragraph and BARE_NUMBER.fullmatch(previous) and int(previous) == next_paragraph \
                and not BARE_NUMBER.fullmatch(content) and "\t" not in content:
            joined[-1] = (joined[-1][0], f"{previous}\u3000{content}", ends_table)
            next_paragraph += 1
            continue
        if next_paragraph and (opening := NUMBER_OPENING.match(content)) and int(opening[1]) == next_paragraph:
            next_paragraph += 1  # a 項 numbered on its own line
        joined.append((line_no, content, ends_table))
    return joined


def read(path: Path, data: bytes) -> Source:
    decoded, encoding = page_text(data)
    builder = _LineBuilder(main_only=bool(MAIN_MARK.search(decoded)))
    builder.feed(decoded)
    builder.close()
    lines = tuple(RawLine(text=content, line_no=line_no, table_end=ends_table)
                  for line_no, content, ends_table in paragraph_numbers_before_their_text(builder.lines))
    return Source(doc_id=path.stem, path=str(path), format="html",
                  sha256=hashlib.sha256(data).hexdigest(), encoding=encoding, lines=lines,
                  warnings=tuple(builder.warnings))
