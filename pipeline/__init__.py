"""kyoyaku: Japanese inter-municipal agreements -> tables.

    from pipeline import run
    doc = run(Path("raw/001_37a5c5a8a2ee1a5b.txt"))

Stages, each a module of this package and each runnable alone:
ingest -> normalize -> repair -> segment -> extract -> write.
"""
from __future__ import annotations

import time
from contextlib import contextmanager
from pathlib import Path

from pipeline.model import Document, failed_document

__version__ = "0.1.0"


def run(path: Path) -> Document:
    """One file through every stage; never raises for bad input: a file
    that cannot be read becomes a `failed` Document with the reason."""
    return run_timed(path)[0]


def run_timed(path: Path) -> tuple[Document, dict[str, float]]:
    """run(path) plus the seconds each stage took, for the batch report."""
    from pipeline.extract import extract
    from pipeline.ingest import IngestError, ingest
    from pipeline.normalize import normalize
    from pipeline.repair import repair
    from pipeline.segment import segment

    path = Path(path)
    seconds: dict[str, float] = {}
    try:
        with timed(seconds, "ingest"):
            source = ingest(path)
    except IngestError as exc:
        return failed_document(path.stem, str(path), str(exc)), seconds
    with timed(seconds, "normalize"):
        lines = normalize(source)
    with timed(seconds, "repair"):
        repaired = repair(lines)
    with timed(seconds, "segment"):
        segments = segment(repaired.lines)
    with timed(seconds, "extract"):
        doc = extract(segments, source, repaired)
    return doc, seconds


@contextmanager
def timed(seconds: dict[str, float], stage: str):
    """Adds the wall time of the `with` block to seconds[stage]."""
    started = time.perf_counter()
    try:
        yield
    finally:
        seconds[stage] = seconds.get(stage, 0.0) + time.perf_counter() - started
