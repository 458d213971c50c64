"""Build pipeline inputs from inline text, for tests that read like documents."""
from __future__ import annotations

from textwrap import dedent

from pipeline.model import RawLine, Source
from pipeline.normalize import normalize
from pipeline.segment import segment


def source_of(text: str, doc_id: str = "doc") -> Source:
    lines = dedent(text).strip("\n").split("\n")
    return Source(doc_id=doc_id, path=f"{doc_id}.txt", format="text", sha256="", encoding="utf-8",
                  lines=tuple(RawLine(t, i) for i, t in enumerate(lines, 1)))


def segments_of(text: str):
    return segment(normalize(source_of(text)))


def document_of(text: str, doc_id: str = "doc"):
    from pipeline.extract import extract
    from pipeline.repair import repair

    source = source_of(text, doc_id)
    repaired = repair(normalize(source))
    return extract(segment(repaired.lines), source, repaired)


def paged_document_of(pages: list[list[str]]):
    """A document as pdftotext gives it: a form feed opens each page after the first."""
    from pipeline.extract import extract
    from pipeline.ingest.text import paged_lines
    from pipeline.repair import repair

    texts = [("\f" if n and not k else "") + text for n, page in enumerate(pages) for k, text in enumerate(page)]
    source = Source(doc_id="d", path="d.txt", format="text", sha256="", encoding="utf-8",
                    lines=tuple(paged_lines(texts)))
    repaired = repair(normalize(source))
    return extract(segment(repaired.lines), source, repaired)

