"""What a batch run remembers between runs: OUT/manifest.jsonl.

One entry per input file: the content hash and the stat signature it had, the
doc_id it was given, how it went (status, format, warnings, seconds) and where
its rows sit in the published tables. The next run compares an archive with
it: a file whose size, mtime, ctime and inode are unchanged keeps its hash
without being read (as git's index does); a file whose content hash and
pipeline version are known is not extracted again; a file whose rows and
name are unchanged is copied from the previous tables without being rendered.

The manifest is a header line and one JSON line per file, in doc_id order,
written as the tables are published. A run keeps only a small index of the
previous one in memory (Known: stat, key, outcome digest, line offset) and
reads a whole entry back when it publishes that file's rows, so its memory
does not grow with the archive.

The pipeline version is the package version plus a hash of every source file
that decides what a document's rows are, so a code change reprocesses.

JSON goes through orjson: a re-run reads each entry twice and writes it once,
and the standard library's ~30 µs a line made that a second of a re-run of
20,000 files.
"""
from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import NamedTuple

import orjson

MANIFEST_NAME = "manifest.jsonl"  # a header line, then one line per file in doc_id order
FORMAT = 2  # bumped when the manifest layout changes; an older manifest is ignored

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


class Known(NamedTuple):
    """What a run needs of a previous entry before publishing: small, so the
    index of a large archive costs little memory; the full entry is read back
    from the manifest file at `offset` when its rows are published."""

    stat: tuple[int, ...]
    key: str
    digest: bytes  # outcome_digest of its outcome
    limits: tuple[float, int] | None
    offset: int

    @property
    def sha256(self) -> str:
        return self.key.split(".")[0]


def outcome_digest(outcome: Outcome | dict) -> bytes:
    """Equal for equal outcomes, whether an Outcome or its JSON form."""
    data = outcome.to_json() if isinstance(outcome, Outcome) else outcome
    return hashlib.blake2b(orjson.dumps(data), digest_size=12).digest()


class PreviousManifest:
    """A manifest on disk: read once into a compact index by path (Known);
    whole entries are parsed again only when asked for, one at a time."""

    def __init__(self, path: Path, pipeline_version: str, tables_id: str, index: dict[str, Known]) -> None:
        self.path = Path(path)
        self.pipeline_version = pipeline_version
        self.tables_id = tables_id
        self.index = index
        self.handle = None  # opened when the first entry is read back

    def entry(self, known: Known) -> FileEntry:
        if self.handle is None:
            self.handle = open(self.path, "rb")
        self.handle.seek(known.offset)
        return FileEntry.from_json(orjson.loads(self.handle.readline()))

    def close(self) -> None:
        if self.handle is not None:
            self.handle.close()
            self.handle = None

    def entries(self) -> Iterator[FileEntry]:
        """Every entry, in the order written (doc_id)."""
        with open(self.path, "rb") as handle:
            handle.readline()
            for line in handle:
                yield FileEntry.from_json(orjson.loads(line))


def load_manifest(path: Path) -> PreviousManifest | None:
    """The manifest at path, or None when there is none or it is unreadable
    (then everything is treated as new: slower, never wrong)."""
    try:
        with open(path, "rb") as handle:
            head = orjson.loads(handle.readline())
            if head.get("format") != FORMAT:
                return None
            index, offset = {}, handle.tell()
            for line in handle:
                data = orjson.loads(line)
                outcome = data["outcome"]
                limits = outcome["limits"]
                index[data["path"]] = Known(tuple(data["stat"]), data["key"], outcome_digest(outcome),
                                            tuple(limits) if limits else None, offset)
                offset += len(line)
        return PreviousManifest(path, head["pipeline_version"], head["tables_id"], index)
    except (OSError, ValueError, KeyError, TypeError):
        return None


class ManifestWriter:
    """Writes a manifest entry by entry as the tables are published: one
    JSON line each after a header line, so that neither writing nor reading
    it ever holds the whole archive's entries. handle: a binary file."""

    def __init__(self, handle, pipeline_version: str, tables_id: str) -> None:
        self.handle = handle
        head = {"format": FORMAT, "pipeline_version": pipeline_version, "tables_id": tables_id}
        handle.write(orjson.dumps(head) + b"\n")

    def add(self, entry: FileEntry) -> None:
        self.handle.write(orjson.dumps(entry.to_json()) + b"\n")
