"""Excel's CSV and TSV (an agreement's 別表 kept as a sheet, or the whole
agreement pasted into column A): one record a line, its cells TAB-separated
as the text reader gives a table's. A cell Excel quotes may hold commas, ""
for a quote and its own line breaks (Alt+Enter): those of a cell beside
others are a wrapped cell's, joined; a record of one cell (column A) is
text, and keeps its lines. Encodings as for plain text (Excel writes CP932,
UTF-8 with BOM, or UTF-16 for "Unicode text").

A CSV saved or pasted under another name (.txt, no suffix) is told by its
content: its records have one number of cells (Excel pads every row to the
sheet's width), which the lines of prose that uses commas never keep."""
from __future__ import annotations

import csv
import functools
import hashlib
import io
import re
from collections import Counter
from pathlib import Path

from pipeline.ingest import text
from pipeline.ingest.errors import IngestError
from pipeline.model import CELL_SEP, RawLine, Source
from pipeline.normalize import join_wrapped

DELIMITERS = {".csv": ",", ".tsv": "\t"}
HEAD_SIZE = 4096  # the bytes ingest() hands to sniff()
# A sample is taken for a table when four in five of its non-blank records
# have one number of cells, two or more, and it shows a spreadsheet's marks:
# a quoted cell or an empty one (Excel pads each row to the sheet's width).
# Without them, only many wide records: lines of prose with a comma or two
# each (commas for 、) have one width too.
MARKED_RECORDS_NEEDED = 3
UNMARKED_RECORDS_NEEDED = 6
UNMARKED_WIDTH_NEEDED = 3
SHARE_OF_ONE_WIDTH = 0.8


def sniff(path: Path, head: bytes) -> bool:
    return path.suffix.lower() in DELIMITERS or sniffed_delimiter(head) is not None


def read(path: Path, data: bytes) -> Source:
    delimiter = DELIMITERS.get(path.suffix.lower()) or sniffed_delimiter(data[:HEAD_SIZE])
    utf16 = text.utf16_text(data)
    if utf16 is None and text.looks_binary(data):
        raise IngestError("binary file: not text, HTML or PDF")
    decoded, encoding = utf16 or text.decode(data)
    lines = tuple(record_lines(decoded, delimiter))
    return Source(doc_id=path.stem, path=str(path), format="csv" if delimiter == "," else "tsv",
                  sha256=hashlib.sha256(data).hexdigest(), encoding=encoding, lines=lines)


def sniffed_delimiter(head: bytes) -> str | None:
    """"," or TAB if the head of a file of another name reads as CSV or TSV,
    else None. A TSV needs a quoted cell too: unquoted, its lines read as
    text are the same cells (TAB is the cell separator), and text indented
    or laid out with TABs is no table to reread."""
    # the byte tests first: most text has no comma, and its TABs no quote
    candidates = [delimiter for delimiter, needed in ((",", (b",",)), ("\t", (b"\t", b'"')))
                  if all(byte in head for byte in needed)]
    if not candidates:
        return None
    sample = head_text(head)
    if sample is None or "\f" in sample:  # form feeds: pages of text
        return None
    for delimiter in candidates:
        quoted = quoted_cell(delimiter).search(sample) is not None
        if (quoted or delimiter == ",") and has_one_width(sample, delimiter, quoted, cut=len(head) >= HEAD_SIZE):
            return delimiter
    return None


def head_text(head: bytes) -> str | None:
    """The head as text good enough to count delimiters, quotes and line
    breaks in. Those bytes are never part of a multi-byte character of
    UTF-8, CP932 or EUC-JP, so those read byte for byte (latin-1, no
    decoding guess); UTF-16 and ISO-2022-JP (escape codes) are decoded."""
    utf16 = text.utf16_byte_order(head)
    if utf16:
        return head[:len(head) // 2 * 2].decode(utf16, errors="ignore")
    if b"\x00" in head:
        return None  # binary
    if b"\x1b" in head:
        return head.decode("iso2022_jp", errors="ignore")
    return head.decode("latin-1")


@functools.cache
def quoted_cell(delimiter: str) -> re.Pattern:
    """A cell Excel quoted: a quote opening a cell and one closing a cell."""
    d = re.escape(delimiter)
    return re.compile(rf'(?:^|{d})"[^"]*"(?:{d}|\r?$)', re.MULTILINE)


def has_one_width(sample: str, delimiter: str, quoted: bool, cut: bool) -> bool:
    """Nearly all non-blank records have one number of cells, two or more,
    and enough of them (see MARKED_RECORDS_NEEDED)."""
    rows = list(csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter, strict=False))
    if cut:
        rows = rows[:-1]  # the head may end inside the last record
    rows = [row for row in rows if any(cell.strip() for cell in row)]
    widths = Counter(len(row) for row in rows)
    if not widths:
        return False
    width, count = widths.most_common(1)[0]
    if width < 2 or count < SHARE_OF_ONE_WIDTH * len(rows):
        return False
    if quoted or any(not cell.strip() for row in rows for cell in row):
        return count >= MARKED_RECORDS_NEEDED
    return count >= UNMARKED_RECORDS_NEEDED and width >= UNMARKED_WIDTH_NEEDED


def record_lines(decoded: str, delimiter: str):
    """RawLines of the records, each numbered by the source line it starts on."""
    rows = csv.reader(io.StringIO(decoded.lstrip("\ufeff"), newline=""), delimiter=delimiter, strict=False)
    start = 1
    for row in rows:
        filled = [cell for cell in row if cell.strip()]
        if len(filled) == 1 and row[0].strip():  # column A: text, its line breaks its own
            for k, part in enumerate(text.split_lines(row[0])):
                yield RawLine(text=part, line_no=start + k)
        else:
            yield RawLine(text=CELL_SEP.join(join_wrapped(text.split_lines(cell)) for cell in row).rstrip(CELL_SEP),
                          line_no=start)
        start = rows.line_num + 1
