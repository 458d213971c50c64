"""ingest: Path -> Source. The only stage that reads files.

Each format is one module with a `sniff(path, head) -> bool` and a
`read(path, data) -> Source`; adding a format means adding a module to
READERS. Anything unreadable raises IngestError with a sentence a person
can act on; the runner turns it into a `failed` row.
"""
from __future__ import annotations

from pathlib import Path

from pipeline.ingest import delimited, html, pdf, text
from pipeline.ingest.errors import IngestError, unreadable
from pipeline.model import Source

# Tried in order; the first whose sniff() accepts the file reads it.
READERS = (pdf, html, delimited, text)

__all__ = ["IngestError", "ingest", "READERS"]


def ingest(path: Path) -> Source:
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise unreadable(exc) from None
    if not data.strip():
        raise IngestError("empty file")
    for reader in READERS:
        if reader.sniff(path, data[:4096]):
            return reader.read(path, data)
    raise IngestError("unsupported format")
