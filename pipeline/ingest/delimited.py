"""Excel's CSV and TSV (an agreement's 別表 kept as a sheet, or the whole
agreement pasted into column A): one record a line, its cells TAB-separated
as the text reader gives a table's. A cell Excel quotes may hold commas, ""
for a quote and its own line breaks (Alt+Enter): those of a cell beside
others are a wrapped cell's, joined; a record of one cell (column A) is
text, and keeps its lines. Encodings as for plain text (Excel writes CP932,
UTF-8 with BOM, or UTF-16 for "Unicode text")."""
from __future__ import annotations

import csv
import hashlib
import io
from pathlib import Path

from pipeline.ingest import text
from pipeline.ingest.errors import IngestError
from pipeline.model import CELL_SEP, RawLine, Source
from pipeline.normalize import join_wrapped

DELIMITERS = {".csv": ",", ".tsv": "\t"}


def sniff(path: Path, head: bytes) -> bool:
    return path.suffix.lower() in DELIMITERS


def read(path: Path, data: bytes) -> Source:
    utf16 = text.utf16_text(data)
    if utf16 is None and text.looks_binary(data):
        raise IngestError("binary file: not text, HTML or PDF")
    decoded, encoding = utf16 or text.decode(data)
    lines = tuple(record_lines(decoded, DELIMITERS[path.suffix.lower()]))
    return Source(doc_id=path.stem, path=str(path), format="csv" if path.suffix.lower() == ".csv" else "tsv",
                  sha256=hashlib.sha256(data).hexdigest(), encoding=encoding, lines=lines)


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
