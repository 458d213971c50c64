"""What is in an archive: its files, their doc_ids, their stat and content hash.

The batch runner's first two steps. Nothing here reads a file beyond hashing
it; a file that cannot even be stat'ed or hashed is planned with the reason,
and becomes a `failed` row without reaching a worker.
"""
from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

from pipeline.manifest import FileEntry, content_sha256, stat_signature

SKIP_NAMES = {"__pycache__"}
HASH_BATCH = 256  # files handed to the hashing threads at a time


@dataclass(frozen=True, slots=True)
class Planned:
    """A discovered file before processing: its hash, or why it cannot be read."""

    path: Path
    doc_id: str
    stat: tuple[int, ...] = ()
    sha256: str = ""
    unreadable: str = ""  # the reason, when stat or hashing failed


def discover(paths: list[Path], out_dir: Path | None = None) -> list[Path]:
    """Every file below the given paths, sorted; hidden names and OUT are
    skipped, each real folder is walked once (symlink loops end), and special
    files (FIFOs, devices) are left out since reading them can block forever.
    Broken and looping symlinks are kept: they get a failed row."""
    found: set[Path] = set()
    skip = {Path(out_dir).resolve()} if out_dir else set()
    for root in map(Path, paths):
        if not root.is_dir():
            found.add(root)
            continue
        seen: set[Path] = set()
        stack = [root]
        while stack:
            folder = stack.pop()
            try:
                real = folder.resolve()
                if real in seen or real in skip:
                    continue
                seen.add(real)
                with os.scandir(folder) as listing:
                    entries = list(listing)
            except OSError:
                continue
            for entry in entries:
                if entry.name.startswith(".") or entry.name in SKIP_NAMES:
                    continue
                kind = kind_of(entry)
                if kind == "folder":
                    stack.append(Path(entry.path))
                elif kind == "file":
                    found.add(Path(entry.path))
    return sorted(found)


def kind_of(entry: os.DirEntry) -> str:
    """folder, file (a regular file or a symlink that leads to no folder:
    broken or looping, it gets a failed row) or special (FIFO, device, socket)."""
    try:
        if entry.is_dir():
            return "folder"
        return "file" if entry.is_file() or entry.is_symlink() else "special"
    except OSError:  # a symlink to itself: ELOOP
        return "file"


def assign_doc_ids(paths: list[Path]) -> list[str]:
    """The file's stem (as the gold tables name documents), or its path
    without suffix where two files share a stem, or with it where even that
    is shared: a doc_id names one file, whatever order files come in."""
    stems: dict[str, int] = {}
    for path in paths:
        stems[path.stem] = stems.get(path.stem, 0) + 1
    bare = [path.stem if stems[path.stem] == 1 else path.with_suffix("").as_posix() for path in paths]
    counts: dict[str, int] = {}
    for name in bare:
        counts[name] = counts.get(name, 0) + 1
    return [name if counts[name] == 1 else path.as_posix() for name, path in zip(bare, paths)]


def plan(paths: list[Path], doc_ids: list[str], known: dict[str, FileEntry], jobs: int) -> list[Planned]:
    """Stat every file; a file whose stat is as the manifest remembers keeps
    its hash, the others are hashed (in threads: reading and hashing release
    the GIL)."""
    stated = [stat_file(path, doc_id, known) for path, doc_id in zip(paths, doc_ids)]
    unhashed = [i for i, p in enumerate(stated) if not p.sha256 and not p.unreadable]
    if unhashed:
        with ThreadPoolExecutor(max_workers=jobs) as threads:
            # a slice at a time: map() makes a future per item at once (36 MB for 20,000 files)
            for first in range(0, len(unhashed), HASH_BATCH):
                batch = unhashed[first:first + HASH_BATCH]
                for i, hashed in zip(batch, threads.map(hash_file, [stated[i] for i in batch])):
                    stated[i] = hashed
    return stated


def stat_file(path: Path, doc_id: str, known: dict[str, FileEntry]) -> Planned:
    try:
        stat = stat_signature(path)
    except OSError as exc:
        return unreadable_file(path, doc_id, exc)
    before = known.get(str(path))
    same = before is not None and before.stat == stat
    return Planned(path, doc_id, stat, before.sha256 if same else "")


def hash_file(planned: Planned) -> Planned:
    try:
        return replace(planned, sha256=content_sha256(planned.path))
    except OSError as exc:
        return unreadable_file(planned.path, planned.doc_id, exc)


def unreadable_file(path: Path, doc_id: str, exc: OSError) -> Planned:
    from pipeline.ingest.errors import unreadable

    missing_target = isinstance(exc, FileNotFoundError) and broken_link(path)
    return Planned(path, doc_id, unreadable=missing_target or str(unreadable(exc)))


def broken_link(path: Path) -> str:
    """The reason for a symbolic link to nothing ("" when path is not a link)."""
    try:
        return f"broken symbolic link: its target {os.readlink(path)} does not exist"
    except OSError:
        return ""
