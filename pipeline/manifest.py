"""What a batch run remembers between runs: OUT/manifest.json.

One entry per input file: the content hash and the stat signature it had, the
doc_id it was given, how it went (status, format, warnings, seconds) and where
its rows sit in the published tables. The next run compares an archive with
it: a file whose size, mtime, ctime and inode are unchanged keeps its hash
without being read (as git's index does); a file whose content hash and
pipeline version are known is not extracted again; a file whose rows and
name are unchanged is copied from the previous tables without being rendered.

The pipeline version is the package version plus a hash of every source file
that decides what a document's rows are, so a code change reprocesses.
"""
from __future__ import annotations

import hashlib
import io
import json
import os
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

MANIFEST_NAME = "manifest.json"
FORMAT = 1  # bumped when the manifest layout changes; an older manifest is ignored

PACKAGES = ("pipeline", "extractors")
# Modules that run batches or write files but do not decide a document's rows
# (results.py does: it makes the cached rows): changing them republishes the
# tables but does not reprocess the archive.
BATCH_MODULES = {"pipeline/__main__.py", "pipeline/cli.py", "pipeline/runner.py", "pipeline/archive.py",
                 "pipeline/manifest.py", "pipeline/workers.py", "pipeline/publish.py", "pipeline/outdir.py",
                 "pipeline/progress.py", "pipeline/atomic.py", "pipeline/distributed.py", "pipeline/write.py",
                 "pipeline/workbook.py", "pipeline/headers.py"}
REVIEW = "pipeline/review/"  # the review pages read the tables, they never make them


@cache
def source_files() -> tuple[tuple[str, Path], ...]:
    """(name relative to the project, path) of every file the packages ship."""
    root = Path(__file__).resolve().parent.parent
    found = []
    for package in PACKAGES:
        for path in (root / package).rglob("*"):
            name = path.relative_to(root).as_posix()
            if path.is_file() and "__pycache__" not in name and not path.name.startswith("."):
                found.append((name, path))
    return tuple(sorted(found))


def digest_of(files) -> str:
    digest = hashlib.sha256()
    for name, path in files:
        digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:12]


@cache
def pipeline_version() -> str:
    """Changes when anything that makes a document's rows changes."""
    from pipeline import __version__

    relevant = [(name, path) for name, path in source_files()
                if name not in BATCH_MODULES and not name.startswith(REVIEW)]
    return f"{__version__}+{digest_of(relevant)}"


@cache
def output_version() -> str:
    """Changes when anything in the packages changes: the tables are then rebuilt."""
    return f"{pipeline_version()}/{digest_of(source_files())}"


def stat_signature(path: Path) -> tuple[int, int, int, int]:
    """(size, mtime_ns, ctime_ns, inode): any write to the file changes it."""
    st = os.stat(path)
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)


def content_sha256(path: Path) -> str:
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


@dataclass(frozen=True)
class Outcome:
    """How one file went: what the run report counts."""

    status: str  # ok | partial | failed
    format: str
    doc_type: str
    warnings: tuple[str, ...]
    seconds: float = 0.0
    stages: dict[str, float] = field(default_factory=dict)
    # (timeout s, memory MB) when the result came from hitting a limit: a run
    # with other limits tries the file again; None when only the bytes decide.
    limits: tuple[float, int] | None = None

    def to_json(self) -> dict:
        return {"status": self.status, "format": self.format, "doc_type": self.doc_type,
                "warnings": self.warnings, "seconds": self.seconds, "stages": self.stages, "limits": self.limits}

    @staticmethod
    def from_json(data: dict) -> "Outcome":
        limits = data.get("limits")
        return Outcome(status=data["status"], format=data["format"], doc_type=data["doc_type"],
                       warnings=tuple(data["warnings"]), seconds=data["seconds"], stages=data["stages"],
                       limits=tuple(limits) if limits else None)


@dataclass(frozen=True)
class FileEntry:
    path: str  # as found under the paths given to `kyoyaku run`; the source_file column
    doc_id: str
    key: str  # result cache key (content hash + kind of name); "" when the file could not be read
    sha256: str
    stat: tuple[int, ...]  # stat_signature(), () when the file could not be read
    outcome: Outcome
    duplicate_of: str = ""
    # table -> (byte offset, byte length, first row, row count) in the published tables
    placement: dict[str, tuple[int, int, int, int]] = field(default_factory=dict)

    def to_json(self) -> dict:
        # by hand: dataclasses.asdict deep-copies every value, 0.6 ms an entry
        return {"path": self.path, "doc_id": self.doc_id, "key": self.key, "sha256": self.sha256,
                "stat": self.stat, "outcome": self.outcome.to_json(), "duplicate_of": self.duplicate_of,
                "placement": self.placement}

    @staticmethod
    def from_json(data: dict) -> "FileEntry":
        return FileEntry(path=data["path"], doc_id=data["doc_id"], key=data["key"], sha256=data["sha256"],
                         stat=tuple(data["stat"]), outcome=Outcome.from_json(data["outcome"]),
                         duplicate_of=data["duplicate_of"],
                         placement={name: tuple(span) for name, span in data["placement"].items()})


@dataclass(frozen=True)
class Manifest:
    pipeline_version: str
    tables_id: str  # fingerprint of what the published tables hold (see runner.tables_id)
    entries: tuple[FileEntry, ...]

    def by_path(self) -> dict[str, FileEntry]:
        return {entry.path: entry for entry in self.entries}

    def to_json(self) -> str:
        out = io.StringIO()
        self.write_json(out)
        return out.getvalue()

    def write_json(self, out) -> None:
        """The JSON written entry by entry: a manifest of 20,000 files is
        never held as one list of dicts or one string (≈ 90 MB at once)."""
        head = json.dumps({"format": FORMAT, "pipeline_version": self.pipeline_version,
                           "tables_id": self.tables_id, "files": []}, ensure_ascii=False, separators=(",", ":"))
        out.write(head[:-2])  # ...,"files":[
        for i, entry in enumerate(self.entries):
            out.write(("," if i else "") + json.dumps(entry.to_json(), ensure_ascii=False, separators=(",", ":")))
        out.write("]}")


def load_manifest(path: Path) -> Manifest | None:
    """The manifest at path, or None when there is none or it is unreadable
    (then everything is treated as new: slower, never wrong)."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        if data.get("format") != FORMAT:
            return None
        return Manifest(pipeline_version=data["pipeline_version"], tables_id=data["tables_id"],
                        entries=tuple(FileEntry.from_json(e) for e in data["files"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None
