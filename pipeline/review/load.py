"""OUT -> the documents of that run, with their normalized source lines.

The tables hold what was extracted but not the source text it came from, so
each file listed in OUT/documents.parquet is run through the pipeline again
(a few milliseconds for a text file). If the file has changed or gone since
the run, the page says so instead of silently showing something else.
"""
from __future__ import annotations

import dataclasses
from pathlib import Path

import pandas as pd

from pipeline.model import Document, failed_document
from pipeline.runner import process_file

# Parquet, not CSV: its columns keep snake_case names whatever --headers said.
RUN_TABLE = "documents.parquet"


class NoRunError(Exception):
    """OUT does not hold the tables of a run."""


def load_run_documents(out_dir: Path) -> list[Document]:
    table = Path(out_dir) / RUN_TABLE
    if not table.exists():
        raise NoRunError(f"{table} not found: run `kyoyaku run FILES --out {out_dir}` first")
    recorded = pd.read_parquet(table, columns=["doc_id", "source_file", "sha256", "status", "warnings"])
    return [reload_document(row, Path(out_dir)) for row in recorded.itertuples(index=False)]


def reload_document(row, out_dir: Path) -> Document:
    path = resolve_source(row.source_file, out_dir)
    if path is None:
        reason = row.warnings if row.status == "failed" else f"status in the run: {row.status}"
        return failed_document(row.doc_id, row.source_file,
                               f"source file no longer found ({reason})", sha256=row.sha256 or "")
    doc = process_file(path)
    doc = dataclasses.replace(doc, doc_id=row.doc_id, source_file=row.source_file)
    if row.sha256 and doc.sha256 and doc.sha256 != row.sha256:
        doc = dataclasses.replace(doc, warnings=(
            "source file changed since the run: this page shows the file as it is now, "
            "the tables show it as it was", *doc.warnings))
    return doc


def resolve_source(source_file: str, out_dir: Path) -> Path | None:
    """Paths in the tables are as given to `kyoyaku run`, so relative to the
    folder it ran in: usually this one, else the one OUT lies in."""
    path = Path(source_file)
    candidates = [path] if path.is_absolute() else [path, out_dir.resolve().parent / path]
    return next((p for p in candidates if p.is_file()), None)
