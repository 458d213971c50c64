"""PDF: placeholder until the PDF reader lands (issue 3)."""
from __future__ import annotations

from pathlib import Path

from pipeline.ingest.errors import IngestError
from pipeline.model import Source


def sniff(path: Path, head: bytes) -> bool:
    return head.startswith(b"%PDF") or path.suffix.lower() == ".pdf"


def read(path: Path, data: bytes) -> Source:
    raise IngestError("PDF input is not supported yet")
