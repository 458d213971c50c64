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

from pipeline.archive import Planned, assign_doc_ids, discover, plan  # noqa: F401 (discover: also for callers)
from pipeline.atomic import atomic_write
from pipeline.manifest import (MANIFEST_NAME, FileEntry, Manifest, Outcome, load_manifest, output_version,
                               pipeline_version)
from pipeline.model import Document
from pipeline.outdir import REPORT_NAME, current_folder, make_current, new_version_folder, remove_old_versions
from pipeline.progress import Progress, build_report
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
    entries: tuple[FileEntry, ...]
    summary: dict  # what run_report.json holds

    @property
    def failed(self) -> list[FileEntry]:
        return [e for e in self.entries if e.outcome.status == "failed"]


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
    known = previous.by_path() if previous else {}
    cache = ResultCache(out_dir / CACHE, pipeline_version())

    found = discover(paths, out_dir)
    planned = plan(found, assign_doc_ids(found), known, options.workers)
    outcomes, keys = reuse_results(planned, known, cache, options)
    processed, workers_exited = process_missing(planned, outcomes, keys, cache, options)
    entries = with_duplicates([entry_of(p, keys, outcomes) for p in planned])
    entries.sort(key=lambda e: e.doc_id)

    tables = tables_id(entries, options)
    publish_started = time.perf_counter()
    if previous and previous_folder and previous.tables_id == tables:
        folder, published = previous_folder, False  # nothing changed: nothing to rewrite
        remember_stats(previous, entries, folder)
    else:
        folder, published = new_version_folder(out_dir), True
        entries = publish_tables(folder, entries, cache, previous, previous_folder, tables, options)
    publish_seconds = time.perf_counter() - publish_started
    workers_exited()  # before build_report reads their peak memory
    summary = build_report(entries, processed, time.perf_counter() - started, publish_seconds,
                           options.workers, pipeline_version(), published)
    write_report(folder, summary)
    if published:
        make_current(out_dir, folder)
        remove_old_versions(out_dir, keep={folder, previous_folder})
        cache.prune(keep={e.key for e in entries if e.key})
    return RunReport(tuple(entries), summary)


def publish_tables(folder: Path, entries: list[FileEntry], cache: ResultCache, previous: Manifest | None,
                   previous_folder: Path | None, tables: str, options: BatchOptions) -> list[FileEntry]:
    """Write the new set into folder (not yet current) with its manifest."""
    from pipeline.publish import build_tables, can_copy_from, write_workbook_from

    same_code = previous is not None and previous.tables_id.split(":")[0] == output_version()
    copy_from = previous_folder if same_code and can_copy_from(previous_folder) else None
    entries = build_tables(folder, entries, lambda e: load_result(e, cache), previous, copy_from, options.headers)
    if wants_workbook(options.workbook, len(entries)):
        write_workbook_from(folder, options.headers)
    write_manifest(folder, Manifest(pipeline_version(), tables, tuple(entries)))
    return entries


def remember_stats(previous: Manifest, entries: list[FileEntry], folder: Path) -> None:
    """A file touched but not changed keeps its rows; its new stat is noted
    so that the next run need not hash it again."""
    stats = {e.path: e.stat for e in entries}
    if all(stats.get(e.path, e.stat) == e.stat for e in previous.entries):
        return
    write_manifest(folder, replace(previous, entries=tuple(replace(e, stat=stats.get(e.path, e.stat))
                                                            for e in previous.entries)))


def write_manifest(folder: Path, manifest: Manifest) -> None:
    def write(tmp: Path) -> None:
        with open(tmp, "w", encoding="utf-8", buffering=1 << 20) as handle:
            manifest.write_json(handle)

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


def reuse_results(planned: list[Planned], known: dict[str, FileEntry], cache: ResultCache,
                  options: BatchOptions) -> tuple[dict[str, Outcome], dict[str, str]]:
    """Outcomes (by path) of the files whose result is cached, and every
    readable file's cache key (by path)."""
    keys = {str(p.path): cache_key(p.sha256, p.path) for p in planned if p.sha256}
    outcomes: dict[str, Outcome] = {}
    if options.force:
        return outcomes, keys
    cached = cache.keys()
    limits = options.limits.as_tuple()
    for path, key in keys.items():
        if key not in cached:
            continue
        before = known.get(path)
        outcome = before.outcome if before is not None and before.key == key else cached_outcome(cache, key)
        if outcome is not None and outcome.limits in (None, limits):
            outcomes[path] = outcome
    return outcomes, keys


def cached_outcome(cache: ResultCache, key: str) -> Outcome | None:
    result = cache.get(key)
    return result.outcome if result else None


def process_missing(planned: list[Planned], outcomes: dict[str, Outcome], keys: dict[str, str],
                    cache: ResultCache, options: BatchOptions) -> tuple[set[str], Callable[[], None]]:
    """Process every readable file without an outcome, once per content key
    (identical files share one result); fills outcomes and keys in place.
    Returns the paths processed and a function waiting for the workers' exit."""
    sharing: dict[str, list[str]] = {}
    tasks = []
    for p in planned:
        path = str(p.path)
        if p.sha256 and path not in outcomes:
            if keys[path] not in sharing:
                tasks.append(Task(p.path, keys[path], p.stat[0]))
            sharing.setdefault(keys[path], []).append(path)
    progress = Progress(options.progress, len(tasks))

    def done(task: Task, key: str, outcome: Outcome) -> None:
        for path in sharing[task.key]:
            if key != task.key and path != str(task.path):
                # task.path changed while it was read; this file still holds the old bytes
                outcomes[path], keys[path] = failed_result(Path(path), CHANGED_WHILE_READ).outcome, ""
            else:
                outcomes[path], keys[path] = outcome, key
        progress.file_done(str(task.path), outcome)

    try:
        workers_exited = process_all(tasks, options.workers, options.limits, cache, done,
                                     meanwhile=import_publisher)
    finally:
        progress.close()
    return {path for paths in sharing.values() for path in paths}, workers_exited


def import_publisher() -> None:
    """pyarrow takes 0.2 s to import: done while the workers work."""
    importlib.import_module("pipeline.publish")


def entry_of(planned: Planned, keys: dict[str, str], outcomes: dict[str, Outcome]) -> FileEntry:
    path = str(planned.path)
    if planned.unreadable:
        outcome = failed_result(planned.path, planned.unreadable).outcome
        return FileEntry(path, planned.doc_id, key="", sha256="", stat=(), outcome=outcome)
    key = keys.get(path, "")
    sha256 = key.split(".")[0] if key else ""
    stat = planned.stat if sha256 == planned.sha256 else ()  # changed while read: hash it again next run
    return FileEntry(path, planned.doc_id, key=key, sha256=sha256, stat=stat, outcome=outcomes[path])


def with_duplicates(entries: list[FileEntry]) -> list[FileEntry]:
    originals = duplicate_of([e.doc_id for e in entries], [e.sha256 for e in entries])
    return [replace(e, duplicate_of=original) for e, original in zip(entries, originals)]


def duplicate_of(doc_ids: list[str], sha256s: list[str]) -> list[str]:
    """Files with the same bytes: the first by doc_id is the original (""),
    the others name it (all keep their rows). An unread file ("") has none."""
    first: dict[str, str] = {}
    for doc_id, sha256 in sorted(zip(doc_ids, sha256s)):
        if sha256:
            first.setdefault(sha256, doc_id)
    return ["" if not sha or first[sha] == doc_id else first[sha] for doc_id, sha in zip(doc_ids, sha256s)]


def tables_id(entries: list[FileEntry], options: BatchOptions) -> str:
    """What the published tables hold: equal ids mean equal tables, so a run
    whose id equals the current one has nothing to rewrite."""
    digest = hashlib.sha256()
    workbook = wants_workbook(options.workbook, len(entries))
    digest.update(json.dumps([options.headers, workbook]).encode())
    for e in entries:
        digest.update(json.dumps([e.path, e.doc_id, e.key, e.duplicate_of, e.outcome.status,
                                  e.outcome.warnings, e.outcome.seconds], ensure_ascii=False).encode())
    return f"{output_version()}:{digest.hexdigest()[:16]}"


def wants_workbook(choice: str, documents: int) -> bool:
    return choice == "always" or (choice == "auto" and documents <= WORKBOOK_AUTO_LIMIT)


def load_result(entry: FileEntry, cache: ResultCache) -> FileResult:
    """The rows of an entry for publishing: from the cache, or rebuilt for a
    file that could not be read (those are not cached)."""
    if entry.key:
        result = cache.get(entry.key)
        if result is not None:
            return result
        return failed_result(Path(entry.path), "cached result lost while running: run again with --force")
    return failed_result(Path(entry.path), "; ".join(entry.outcome.warnings))


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
