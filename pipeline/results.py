"""What one file produces, and where it is kept between runs.

`file_rows(path)` is the per-file step of a batch: a pure function from a
path to a FileResult (table rows + outcome) that never raises, so a process
pool here, or a Dask or Ray cluster elsewhere, can map it over an archive.

Results are kept in OUT/.cache/<pipeline version>/<key>.pkl, where the key is
the content hash (plus the kind of file name, since a .pdf or .html suffix
decides how bytes are read): a file whose bytes this pipeline has seen before
is never extracted again, whatever it is called now, and an interrupted run
loses only the files that were in progress.
"""
from __future__ import annotations

import os
import pickle
import shutil
import time
import traceback
import zlib
from dataclasses import dataclass
from pathlib import Path

from pipeline import run_timed
from pipeline.manifest import Outcome
from pipeline.model import Document, failed_document
from pipeline.tables import SCHEMAS, document_rows

# Columns whose value depends on the file's name, not its content: filled in
# when the tables are published, since one cached result may serve several names.
NAME_COLUMNS = ("doc_id", "source_file", "duplicate_of")
OUT_OF_MEMORY = "out of memory: the document needed more than the per-file memory limit"


@dataclass(frozen=True)
class FileResult:
    outcome: Outcome
    rows: dict[str, list[tuple]]  # table -> rows, values in SCHEMAS column order

    def row_dicts(self, **names: str) -> dict[str, list[dict]]:
        """Rows as column -> value dicts (tables.rows_to_frames takes these),
        with name columns such as doc_id= and source_file= set."""
        out = {}
        for table, rows in self.rows.items():
            columns = list(SCHEMAS[table])
            out[table] = [{**dict(zip(columns, row)), **{k: v for k, v in names.items() if k in columns}}
                          for row in rows]
        return out


def file_rows(path: Path) -> FileResult:
    """The per-file step: path -> rows and outcome. Never raises: a bug in a
    stage or a document too big for memory becomes a failed result."""
    path = Path(path)
    started = time.perf_counter()
    try:
        doc, stages = run_timed(path)
    except MemoryError:
        doc, stages = failed_document(path.stem, str(path), OUT_OF_MEMORY), {}
    except Exception as exc:  # a bug must not stop the batch
        doc, stages = failed_document(path.stem, str(path), internal_error(exc)), {}
    return result_of(doc, time.perf_counter() - started, stages)


def internal_error(exc: Exception) -> str:
    where = traceback.extract_tb(exc.__traceback__)[-1]
    return f"internal error: {type(exc).__name__}: {exc} ({Path(where.filename).name}:{where.lineno})"


def result_of(doc: Document, seconds: float = 0.0, stages: dict[str, float] | None = None,
              limits: tuple[float, int] | None = None) -> FileResult:
    outcome = Outcome(status=doc.status, format=doc.format, doc_type=doc.doc_type, warnings=doc.warnings,
                      seconds=round(seconds, 6), stages={k: round(v, 6) for k, v in (stages or {}).items()},
                      limits=limits)
    rows = {table: [tuple(row[column] for column in SCHEMAS[table]) for row in table_rows]
            for table, table_rows in document_rows(doc).items()}
    return FileResult(outcome, rows)


def failed_result(path: Path, reason: str, limits: tuple[float, int] | None = None,
                  seconds: float = 0.0) -> FileResult:
    path = Path(path)
    return result_of(failed_document(path.stem, str(path), reason), seconds=seconds, limits=limits)


def cache_key(sha256: str, path: Path) -> str:
    """Content hash plus the kind of file name: readers sniff .pdf/.html names."""
    suffix = Path(path).suffix.lower().lstrip(".")
    kind = suffix if suffix.isascii() and suffix.isalnum() and len(suffix) <= 8 else "other"
    return f"{sha256}.{kind or 'none'}"


class ResultCache:
    """FileResults by key, for one pipeline version, one file each (written
    atomically, so a killed run leaves whole entries or none)."""

    def __init__(self, root: Path, version: str) -> None:
        self.root = Path(root)
        self.folder = self.root / version.replace("/", "_")

    def keys(self) -> set[str]:
        try:
            return {name[:-4] for name in os.listdir(self.folder) if name.endswith(".pkl")}
        except FileNotFoundError:
            return set()

    def path(self, key: str) -> Path:
        return self.folder / f"{key}.pkl"

    def get(self, key: str) -> FileResult | None:
        try:
            return pickle.loads(zlib.decompress(self.path(key).read_bytes()))
        except (OSError, zlib.error, pickle.UnpicklingError, EOFError, AttributeError, TypeError):
            return None  # missing or unreadable: the file is processed again

    def put(self, key: str, result: FileResult) -> None:
        data = zlib.compress(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL), 1)
        # Named by the process: each writes one file at a time, and every
        # worker writes thousands (mkstemp, a folder check and an unlink a
        # file cost a few % of a small document's time).
        tmp = f"{self.folder}/.{key}.{os.getpid()}.tmp"
        try:
            try:
                handle = open(tmp, "wb")
            except FileNotFoundError:  # the first result of this version
                self.folder.mkdir(parents=True, exist_ok=True)
                handle = open(tmp, "wb")
            with handle:
                handle.write(data)
            os.replace(tmp, self.path(key))
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def prune(self, keep: set[str]) -> None:
        """Drop other pipeline versions and entries no file refers to any more."""
        for other in self.root.glob("*"):
            if other.is_dir() and other != self.folder:
                shutil.rmtree(other, ignore_errors=True)
        for key in self.keys() - keep:
            self.path(key).unlink(missing_ok=True)
        for stale in self.folder.glob(".*.tmp"):
            stale.unlink(missing_ok=True)
