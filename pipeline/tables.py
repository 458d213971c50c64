"""Documents -> the output tables (pandas DataFrames with typed columns).

One function per table; the column lists are the output contract (names as
in the gold FORMAT.md plus provenance columns). Rows are ordered by doc_id
and position so that output never depends on processing order.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from pipeline.model import Document

if TYPE_CHECKING:  # pandas is imported where frames are built: a no-op batch re-run never needs it
    import pandas as pd

# column -> pandas dtype; "date" columns hold datetime.date (Parquet date32).
SCHEMAS: dict[str, dict[str, str]] = {
    "documents": {
        "doc_id": "string", "source_file": "string", "sha256": "string", "duplicate_of": "string",
        "format": "string",
        "doc_type": "string", "title": "string", "area_name": "string",
        "party_a": "string", "party_a_code": "string", "party_b": "string", "party_b_code": "string",
        "signed_date": "date", "n_articles": "Int64", "n_paragraphs": "Int64",
        "n_signatories": "Int64", "n_appendix_rows": "Int64", "n_corrections": "Int64",
        "n_warnings": "Int64", "status": "string", "warnings": "string",
    },
    "parties": {"doc_id": "string", "role": "string", "municipality": "string",
                "municipality_code": "string"},
    "articles": {"doc_id": "string", "position": "Int64", "article_no": "string", "number": "Int64",
                 "branch": "Int64", "caption": "string", "text": "string", "n_paragraphs": "Int64",
                 "source_lines": "string", "source_pages": "string"},
    "paragraphs": {"doc_id": "string", "article_no": "string", "paragraph_no": "Int64",
                   "text": "string", "source_lines": "string", "source_pages": "string"},
    "signatories": {"doc_id": "string", "role": "string", "municipality": "string",
                    "municipality_code": "string", "address": "string", "title": "string",
                    "name": "string", "family_name": "string", "given_name": "string",
                    "redacted": "boolean", "source_lines": "string"},
    "appendix": {"doc_id": "string", "row_no": "Int64", "section_no": "Int64", "section_title": "string",
                 "subsection_no": "Int64", "subsection_title": "string", "label": "string",
                 "measure": "string", "content": "string", "role_a": "string", "role_b": "string",
                 "role_c": "string", "role_b_others": "string", "note": "string", "source_lines": "string", "source_pages": "string"},
    "dates": {"doc_id": "string", "kind": "string", "date": "date", "raw": "string", "line_no": "Int64"},
    "corrections": {"doc_id": "string", "line_no": "Int64", "original": "string", "corrected": "string",
                    "rule": "string", "evidence": "string", "confidence": "float64"},
}
TABLE_NAMES = tuple(SCHEMAS)


def document_rows(doc: Document) -> dict[str, list[dict]]:
    """All rows one document contributes, table by table (a pure function,
    so a batch engine can map it over files and concatenate)."""
    party_a, party_b = doc.party("甲"), doc.party("乙")
    return {
        "documents": [{
            "doc_id": doc.doc_id, "source_file": doc.source_file, "sha256": doc.sha256,
            "duplicate_of": "",  # set by the batch runner, which sees the other files
            "format": doc.format, "doc_type": doc.doc_type, "title": doc.title,
            "area_name": doc.area_name,
            "party_a": party_a.municipality if party_a else "", "party_a_code": party_a.code if party_a else "",
            "party_b": party_b.municipality if party_b else "", "party_b_code": party_b.code if party_b else "",
            "signed_date": doc.signed_date, "n_articles": len(doc.articles),
            "n_paragraphs": sum(len(a.paragraphs) for a in doc.articles),
            "n_signatories": len(doc.signatories), "n_appendix_rows": len(doc.appendix),
            "n_corrections": len(doc.corrections), "n_warnings": len(doc.warnings),
            "status": doc.status, "warnings": "; ".join(doc.warnings),
        }],
        "parties": [{"doc_id": doc.doc_id, "role": p.role, "municipality": p.municipality,
                     "municipality_code": p.code} for p in doc.parties],
        "articles": [{
            "doc_id": doc.doc_id, "position": i, "article_no": a.article_no, "number": a.number,
            "branch": a.branch, "caption": a.caption, "text": a.text, "n_paragraphs": len(a.paragraphs),
            "source_lines": a.span.lines_label, "source_pages": a.span.pages_label,
        } for i, a in enumerate(doc.articles, 1)],
        "paragraphs": [{
            "doc_id": doc.doc_id, "article_no": a.article_no, "paragraph_no": j, "text": text,
            "source_lines": span.lines_label if span else a.span.lines_label,
            "source_pages": span.pages_label if span else a.span.pages_label,
        } for a in doc.articles
            for j, (text, span) in enumerate(zip(a.paragraphs, a.paragraph_spans or [None] * len(a.paragraphs)), 1)],
        "signatories": [{
            "doc_id": doc.doc_id, "role": s.role, "municipality": s.municipality,
            "municipality_code": s.municipality_code, "address": s.address, "title": s.title,
            "name": s.name, "family_name": s.family_name, "given_name": s.given_name,
            "redacted": s.redacted, "source_lines": s.span.lines_label,
        } for s in doc.signatories],
        "appendix": [{
            "doc_id": doc.doc_id, "row_no": i, "section_no": r.section_no, "section_title": r.section_title,
            "subsection_no": r.subsection_no, "subsection_title": r.subsection_title, "label": r.label,
            "measure": r.measure, "content": r.content, "role_a": r.role_a, "role_b": r.role_b,
            "role_c": r.role_c, "role_b_others": r.role_b_others, "note": r.note,
            "source_lines": r.span.lines_label, "source_pages": r.span.pages_label,
        } for i, r in enumerate(doc.appendix, 1)],
        "dates": [{"doc_id": doc.doc_id, "kind": d.kind, "date": d.iso, "raw": d.raw, "line_no": d.line_no}
                  for d in doc.dates],
        "corrections": [{"doc_id": doc.doc_id, "line_no": c.line_no, "original": c.original,
                         "corrected": c.corrected, "rule": c.rule, "evidence": c.evidence,
                         "confidence": c.confidence} for c in doc.corrections],
    }


def rows_to_frames(per_document: Iterable[dict[str, list[dict]]]) -> dict[str, pd.DataFrame]:
    """Concatenate per-document rows into typed frames, ordered by doc_id."""
    collected: dict[str, list[dict]] = {name: [] for name in SCHEMAS}
    for rows in sorted(per_document, key=lambda r: r["documents"][0]["doc_id"]):
        for name in SCHEMAS:
            collected[name].extend(rows.get(name, []))
    return {name: typed_frame(collected[name], SCHEMAS[name]) for name in SCHEMAS}


def documents_to_frames(docs: Iterable[Document]) -> dict[str, pd.DataFrame]:
    return rows_to_frames(document_rows(doc) for doc in docs)


def typed_frame(rows: list[dict], schema: dict[str, str]) -> pd.DataFrame:
    import pandas as pd

    frame = pd.DataFrame(rows, columns=list(schema))
    for column, dtype in schema.items():
        if dtype == "date":
            frame[column] = frame[column].astype("object").where(frame[column].notna(), None)
        else:
            frame[column] = frame[column].astype(dtype)
    return frame
