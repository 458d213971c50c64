"""The batch runner: an archive folder in, the consolidated tables out.

    discover   walk the paths (symlink loops, hidden files and OUT skipped)
    plan       stat each file; hash the new or changed ones (archive.py); look
               results up by content hash + pipeline version (results.py)
    process    the files without a result, in worker processes with a time
               and memory limit per file (workers.py)
    publish    the tables as one complete set, copying what did not change
               (publish.py), then run_report.json (progress.py)

A second run over an unchanged archive extracts nothing and rewrites
nothing; a changed file replaces its own rows, a deleted file's rows go;
--force, or a new pipeline version, reprocesses everything. Results are
cached one file at a time, so an interrupted run is continued by the next.
A file that cannot be read, raises, hangs or exhausts memory becomes a
`failed` row with its reason, and the batch goes on.
"""
from __future__ import annotations

import fcntl
import hashlib
import importlib
import json
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

import orjson

from pipeline.archive import Planned, assign_doc_ids, discover, plan  # noqa: F401 (discover: also for callers)
from pipeline.atomic import atomic_write
from pipeline.manifest import (MANIFEST_NAME, FileEntry, Known, ManifestWriter, Outcome, PreviousManifest,
                               load_manifest, outcome_digest, output_version, pipeline_version)
from pipeline.model import Document
from pipeline.outdir import REPORT_NAME, current_folder, make_current, new_version_folder, remove_old_versions
from pipeline.progress import Progress, ReportBuilder
from pipeline.results import FileResult, ResultCache, cache_key, failed_result
from pipeline.workers import Limits, Task, process_all

CACHE = ".cache"
LOCK = ".lock"
CHANGED_WHILE_READ = "an identical file changed while it was read: run again"
WORKBOOK_AUTO_LIMIT = 500  # documents; the workbook takes ~5 ms per document to write


@dataclass(frozen=True)
class BatchOptions:
    jobs: int | None = None  # worker processes; None: one per core
    force: bool = False  # reprocess every file, ignoring cached results
    limits: Limits = field(default_factory=Limits)
    headers: str = "en"  # CSV/workbook headers: en | ja
    workbook: str = "auto"  # always | never | auto (when at most WORKBOOK_AUTO_LIMIT documents)
    progress: str = "plain"  # see progress.MODES

    @property
    def workers(self) -> int:
        return max(1, self.jobs or len(os.sched_getaffinity(0)))


@dataclass(frozen=True)
class RunReport:
    summary: dict  # what run_report.json holds

    @property
    def failed(self) -> list[dict]:
        return self.summary["failed"]


@dataclass(slots=True)
class Tracked:
    """One file of the run: all the runner holds per file, so that its memory
    stays flat however large the archive (outcomes and placements go to the
    cache and the manifest file; only their digest stays here)."""

    path: str
    doc_id: str
    stat: tuple[int, ...]
    key: str  # result cache key; "" when the file could not be read
    digest: bytes = b""  # outcome_digest of its outcome, once it has one
    reason: str = ""  # why it failed, when there is no cached result (key "")
    duplicate_of: str = ""

    @property
    def sha256(self) -> str:
        return self.key.split(".")[0]


def run_batch(paths: list[Path], out_dir: Path, headers: str = "en", options: BatchOptions | None = None) -> RunReport:
    options = replace(options or BatchOptions(), headers=headers)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    with exclusive(out_dir):
        return run_locked(list(map(Path, paths)), out_dir, options)


def run_locked(paths: list[Path], out_dir: Path, options: BatchOptions) -> RunReport:
    started = time.perf_counter()
    previous_folder = current_folder(out_dir)
    previous = load_manifest(previous_folder / MANIFEST_NAME) if previous_folder else None
    known = previous.index if previous else {}
    cache = ResultCache(out_dir / CACHE, pipeline_version())

    found = discover(paths, out_dir)
    files = [tracked(p) for p in plan(found, assign_doc_ids(found), known, options.workers)]
    del found
    reuse_results(files, known, cache, options)
    processed, workers_exited = process_missing(files, cache, options, lambda: prepare_publisher(previous_folder))
    files.sort(key=lambda f: f.doc_id)
    mark_duplicates(files)

    tables = tables_id(files, options)
    report = ReportBuilder(processed)
    publish_started = time.perf_counter()
    try:
        if previous and previous_folder and previous.tables_id == tables:
            folder, published = previous_folder, False  # nothing changed: nothing to rewrite
            remember_stats(previous, files, folder, report.add)
        else:
            folder, published = new_version_folder(out_dir), True
            publish_tables(folder, files, cache, previous, previous_folder, tables, options, report.add)
    finally:
        if previous:
            previous.close()
    publish_seconds = time.perf_counter() - publish_started
    workers_exited()  # before the report reads their peak memory
    summary = report.summary(time.perf_counter() - started, publish_seconds, options.workers, pipeline_version(),
                             published)
    write_report(folder, summary)
    if published:
        make_current(out_dir, folder)
        remove_old_versions(out_dir, keep={folder, previous_folder})
        cache.prune(keep={f.key for f in files if f.key})
    return RunReport(summary)


def tracked(planned: Planned) -> Tracked:
    key = cache_key(planned.sha256, planned.path) if planned.sha256 else ""
    return Tracked(str(planned.path), planned.doc_id, planned.stat, key, reason=planned.unreadable)


def publish_tables(folder: Path, files: list[Tracked], cache: ResultCache, previous: PreviousManifest | None,
                   previous_folder: Path | None, tables: str, options: BatchOptions,
                   placed: Callable[[FileEntry], None]) -> None:
    """Write the new set into folder (not yet current) with its manifest,
    streamed: each file's entry goes to the manifest and to placed() as its
    rows are written, and is not kept."""
    from pipeline.publish import build_tables, can_copy_from, write_workbook_from

    same_code = previous is not None and previous.tables_id.split(":")[0] == output_version()
    copy_from = previous_folder if same_code and can_copy_from(previous_folder) else None
    folder.mkdir(parents=True)

    def write(tmp: Path) -> None:
        with open(tmp, "wb", buffering=1 << 20) as handle:
            manifest = ManifestWriter(handle, pipeline_version(), tables)

            def add(entry: FileEntry) -> None:
                manifest.add(entry)
                placed(entry)
            build_tables(folder, final_entries(files, previous, cache), lambda e: load_result(e, cache), copy_from,
                         options.headers, add)

    atomic_write(folder / MANIFEST_NAME, write)
    if wants_workbook(options.workbook, len(files)):
        write_workbook_from(folder, options.headers)


def final_entries(files: list[Tracked], previous: PreviousManifest | None,
                  cache: ResultCache) -> Iterator[tuple[FileEntry, FileEntry | None, FileResult | None]]:
    """(entry, its previous entry when the content is the same, its result
    when it had to be loaded) for each file in doc_id order. The outcome is
    the previous entry's when it is the same, else the cached result's."""
    for f in files:
        before = previous.index.get(f.path) if previous else None
        old = previous.entry(before) if before is not None and f.key and before.key == f.key else None
        result = None
        if old is not None and before.digest == f.digest:
            outcome = old.outcome
        else:
            result = cached_result(f.path, f.key, cache) if f.key else failed_result(Path(f.path), f.reason)
            outcome = result.outcome
        yield FileEntry(f.path, f.doc_id, f.key, f.sha256, f.stat, outcome, f.duplicate_of), old, result


def remember_stats(previous: PreviousManifest, files: list[Tracked], folder: Path,
                   placed: Callable[[FileEntry], None]) -> None:
    """Nothing to publish: the previous entries are this run's (tables_id
    says so, in the same order). A file touched but not changed keeps its
    rows; its new stat is noted so that the next run need not hash it again."""
    if all(known.stat == f.stat for f in files if (known := previous.index.get(f.path)) is not None):
        for entry in previous.entries():
            placed(entry)
        return

    def write(tmp: Path) -> None:
        with open(tmp, "wb", buffering=1 << 20) as handle:
            manifest = ManifestWriter(handle, previous.pipeline_version, previous.tables_id)
            for entry, f in zip(previous.entries(), files, strict=True):
                if entry.path != f.path:
                    raise RuntimeError(f"manifest out of step with the run at {f.path}")
                entry = replace(entry, stat=f.stat)
                manifest.add(entry)
                placed(entry)

    atomic_write(folder / MANIFEST_NAME, write)


class OutputBusy(RuntimeError):
    """Another run holds the lock on OUT."""


@contextmanager
def exclusive(out_dir: Path) -> Iterator[None]:
    """One run at a time per OUT: a second one stops at once with a reason.
    A POSIX record lock: unlike flock, forked workers do not inherit it, so
    it is free the moment the runner dies, even under kill -9."""
    with open(out_dir / LOCK, "a+") as handle:
        try:
            fcntl.lockf(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise OutputBusy(f"another kyoyaku run is writing to {out_dir}/; wait for it to finish") from None
        yield


def reuse_results(files: list[Tracked], known: dict[str, Known], cache: ResultCache, options: BatchOptions) -> None:
    """Give each readable file whose result is cached (and was not made
    under other limits) the digest of its outcome: it needs no worker."""
    if options.force:
        return
    cached = cache.keys()
    limits = options.limits.as_tuple()
    for f in files:
        if not f.key or f.key not in cached:
            continue
        before = known.get(f.path)
        if before is not None and before.key == f.key:
            outcome_limits, digest = before.limits, before.digest
        else:
            outcome = cached_outcome(cache, f.key)
            if outcome is None:
                continue
            outcome_limits, digest = outcome.limits, outcome_digest(outcome)
        if outcome_limits in (None, limits):
            f.digest = digest


def cached_outcome(cache: ResultCache, key: str) -> Outcome | None:
    result = cache.get(key)
    return result.outcome if result else None


def process_missing(files: list[Tracked], cache: ResultCache, options: BatchOptions,
                    meanwhile: Callable[[], object] = lambda: None) -> tuple[set[str], Callable[[], None]]:
    """Process every readable file without an outcome, once per content key
    (identical files share one result); sets their key and digest in place,
    and runs meanwhile() while the workers work. Returns the paths processed
    and a function waiting for the workers' exit."""
    sharing: dict[str, list[Tracked]] = {}
    tasks = []
    for f in files:
        if f.key and not f.digest:
            if f.key not in sharing:
                tasks.append(Task(f.path, f.key, f.stat[0]))
            sharing.setdefault(f.key, []).append(f)
    processed = {f.path for group in sharing.values() for f in group}
    progress = Progress(options.progress, len(tasks))

    def done(task: Task, key: str, outcome: Outcome) -> None:
        for f in sharing.pop(task.key):
            if key != task.key and f.path != task.path:
                # task.path changed while it was read; this file still holds the old bytes
                unread(f, CHANGED_WHILE_READ)
            elif not key:  # could not be read by the worker: nothing cached, the reason stands
                unread(f, "; ".join(outcome.warnings))
            else:
                f.stat = f.stat if key == f.key else ()  # changed while read: hash it again next run
                f.key, f.digest = key, outcome_digest(outcome)
        progress.file_done(task.path, outcome)

    try:
        workers_exited = process_all(tasks, options.workers, options.limits, cache, done,
                                     meanwhile=meanwhile)
    finally:
        progress.close()
    return processed, workers_exited


def unread(f: Tracked, reason: str) -> None:
    """A file with no cached result: it fails with reason, and is hashed again next run."""
    f.key, f.stat, f.reason = "", (), reason
    f.digest = outcome_digest(failed_result(Path(f.path), reason).outcome)


def prepare_publisher(previous_folder: Path | None) -> None:
    """What publishing needs, loaded while the workers work: pyarrow (0.2 s
    to import) and, for a first run, pandas' column metadata (0.4 s)."""
    importlib.import_module("pipeline.publish").prepare(previous_folder)


def mark_duplicates(files: list[Tracked]) -> None:
    originals = duplicate_of([f.doc_id for f in files], [f.sha256 for f in files])
    for f, original in zip(files, originals):
        f.duplicate_of = original


def duplicate_of(doc_ids: list[str], sha256s: list[str]) -> list[str]:
    """Files with the same bytes: the first by doc_id is the original (""),
    the others name it (all keep their rows). An unread file ("") has none."""
    first: dict[str, str] = {}
    for doc_id, sha256 in sorted(zip(doc_ids, sha256s)):
        if sha256:
            first.setdefault(sha256, doc_id)
    return ["" if not sha or first[sha] == doc_id else first[sha] for doc_id, sha in zip(doc_ids, sha256s)]


def tables_id(files: list[Tracked], options: BatchOptions) -> str:
    """What the published tables hold: equal ids mean equal tables, so a run
    whose id equals the current one has nothing to rewrite."""
    digest = hashlib.sha256()
    workbook = wants_workbook(options.workbook, len(files))
    digest.update(orjson.dumps([options.headers, workbook]))
    for f in files:
        digest.update(orjson.dumps([f.path, f.doc_id, f.key, f.duplicate_of, f.digest.hex()]))
    return f"{output_version()}:{digest.hexdigest()[:16]}"


def wants_workbook(choice: str, documents: int) -> bool:
    return choice == "always" or (choice == "auto" and documents <= WORKBOOK_AUTO_LIMIT)


def load_result(entry: FileEntry, cache: ResultCache) -> FileResult:
    """The rows of an entry for publishing: from the cache, or rebuilt for a
    file that could not be read (those are not cached)."""
    if entry.key:
        return cached_result(entry.path, entry.key, cache)
    return failed_result(Path(entry.path), "; ".join(entry.outcome.warnings))


def cached_result(path: str, key: str, cache: ResultCache) -> FileResult:
    result = cache.get(key)
    if result is not None:
        return result
    return failed_result(Path(path), "cached result lost while running: run again with --force")


def write_report(folder: Path, summary: dict) -> None:
    text = json.dumps(summary, ensure_ascii=False, indent=1)
    atomic_write(folder / REPORT_NAME, lambda tmp: tmp.write_text(text, encoding="utf-8"))


def process_file(path: Path) -> Document:
    """One file through the stages in this process (kyoyaku review uses it);
    never raises: a bug in a stage becomes a failed Document."""
    from pipeline import run
    from pipeline.model import failed_document
    from pipeline.results import internal_error

    try:
        return run(path)
    except Exception as exc:  # a bug must not stop the caller
        return failed_document(Path(path).stem, str(path), internal_error(exc))
