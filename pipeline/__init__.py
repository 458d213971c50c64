"""kyoyaku: Japanese inter-municipal agreements -> tables.

    from pipeline import run
    doc = run(Path("raw/001_37a5c5a8a2ee1a5b.txt"))

Stages, each a module of this package and each runnable alone:
ingest -> normalize -> repair -> segment -> extract -> write.
"""
from __future__ import annotations

from pathlib import Path

from pipeline.model import Document, failed_document

__version__ = "0.1.0"


def run(path: Path) -> Document:
    """One file through every stage; never raises for bad input: a file
    that cannot be read becomes a `failed` Document with the reason."""
    from pipeline.extract import extract
    from pipeline.ingest import IngestError, ingest
    from pipeline.normalize import normalize
    from pipeline.repair import repair
    from pipeline.segment import segment

    path = Path(path)
    try:
        source = ingest(path)
    except IngestError as exc:
        return failed_document(path.stem, str(path), str(exc))
    repaired = repair(normalize(source))
    return extract(segment(repaired.lines), source, repaired)
