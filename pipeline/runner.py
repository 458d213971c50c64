"""The batch runner: find files, run each through the stages, write tables.

A file that fails (unreadable, or a bug in a stage) becomes a `failed` row
with its reason; the others go on. Tables are written only at the end, each
atomically, so an interrupted run leaves the previous tables in place.
"""
from __future__ import annotations

import json
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from pipeline import run
from pipeline.model import Document, failed_document
from pipeline.tables import documents_to_frames
from pipeline.write import atomic_write, write_tables

SKIP_NAMES = {".git", ".venv", "__pycache__", ".DS_Store"}


@dataclass
class RunReport:
    documents: list[Document] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def failed(self) -> list[Document]:
        return [d for d in self.documents if d.status == "failed"]

    def summary(self) -> dict:
        warnings = Counter(w.split(":")[0] for d in self.documents for w in d.warnings)
        return {
            "files": len(self.documents),
            "seconds": round(self.seconds, 3),
            "status": dict(Counter(d.status for d in self.documents)),
            "format": dict(Counter(d.format or "unknown" for d in self.documents)),
            "doc_type": dict(Counter(d.doc_type for d in self.documents)),
            "failed": [{"file": d.source_file, "reason": "; ".join(d.warnings)} for d in self.failed],
            "top_warnings": warnings.most_common(10),
        }


def discover(paths: list[Path], out_dir: Path | None = None) -> list[Path]:
    """Every regular file below the given paths, sorted, hidden files and the
    output folder excluded; symlink loops are not followed twice."""
    found: set[Path] = set()
    out_resolved = out_dir.resolve() if out_dir else None
    for root in map(Path, paths):
        if root.is_file():
            found.add(root)
            continue
        seen_dirs: set[Path] = set()
        stack = [root]
        while stack:
            folder = stack.pop()
            try:
                real = folder.resolve()
                if real in seen_dirs or real == out_resolved:
                    continue
                seen_dirs.add(real)
                entries = list(folder.iterdir())
            except OSError:
                continue
            for entry in entries:
                if entry.name in SKIP_NAMES or entry.name.startswith("."):
                    continue
                if entry.is_dir():
                    stack.append(entry)
                elif entry.is_file() or entry.is_symlink():
                    found.add(entry)
    return sorted(found)


def process_file(path: Path) -> Document:
    try:
        return run(path)
    except Exception as exc:  # a bug must not stop the batch
        where = traceback.extract_tb(exc.__traceback__)[-1]
        return failed_document(path.stem, str(path),
                               f"internal error: {type(exc).__name__}: {exc} ({Path(where.filename).name}:{where.lineno})")


def run_batch(paths: list[Path], out_dir: Path, headers: str = "en") -> RunReport:
    started = time.perf_counter()
    report = RunReport()
    for path in discover(paths, out_dir):
        report.documents.append(process_file(path))
    write_tables(documents_to_frames(report.documents), out_dir, headers=headers)
    report.seconds = time.perf_counter() - started
    atomic_write(Path(out_dir) / "run_report.json",
                 lambda tmp: tmp.write_text(json.dumps(report.summary(), ensure_ascii=False, indent=1),
                                            encoding="utf-8"))
    return report
