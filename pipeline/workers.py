"""Worker processes for the per-file step, with a time and memory limit per file.

pebble's ProcessPool kills the worker of a task that runs past its timeout
and replaces a worker that dies (a segfault in a library, the kernel's OOM
killer), so one bad document costs one failed row, never the batch. Each
worker caps its own address space (RLIMIT_AS), so a document that would
exhaust memory raises MemoryError in its worker instead of swapping the
machine. Workers write each result to the cache themselves: the runner
receives only the small Outcome, and its memory stays flat however large the
archive.
"""
from __future__ import annotations

import ctypes
import multiprocessing
import os
import resource
import signal
import threading
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures import FIRST_COMPLETED, wait
from dataclasses import dataclass, replace
from pathlib import Path

from pipeline.manifest import Outcome, content_sha256
from pipeline.results import OUT_OF_MEMORY, FileResult, ResultCache, cache_key, failed_result, file_rows

PR_SET_PDEATHSIG = 1
# Tasks handed to the pool per worker at a time: enough that no worker waits for the
# next, few enough that the runner never holds a future for every file of the archive.
IN_FLIGHT = 4
# Small files travel in batches: each task costs the runner about 0.3 ms of
# pebble's queues and threads, on the cores the workers need, and a small
# text agreement takes only some 10 ms. A file that may take long (a PDF
# may need OCR; a big file) travels alone, and every worker gets many
# batches, so the load stays balanced.
BATCH_FILES = 8
BATCH_BYTES = 256 * 1024
BATCHES_PER_WORKER = 16


@dataclass(frozen=True)
class Limits:
    timeout: float = 300.0  # seconds one file may take (OCR of a long scan takes minutes)
    memory_mb: int = 4096  # memory one worker may add on top of what it starts with

    def as_tuple(self) -> tuple[float, int]:
        return (float(self.timeout), int(self.memory_mb))


@dataclass(frozen=True, slots=True)
class Task:
    path: str
    key: str  # cache key of the content the runner hashed
    size: int = 0  # bytes: big files are started first, so no long straggler ends the run


def process_all(tasks: Iterable[Task], jobs: int, limits: Limits, cache: ResultCache,
                on_done: Callable[[Task, str, Outcome], None],
                meanwhile: Callable[[], object] = lambda: None) -> Callable[[], None]:
    """Run every task in a pool of `jobs` processes; on_done(task, key, outcome)
    is called in this process as each finishes (key: where its result is
    cached, "" when it is not), and meanwhile() once the workers have their
    tasks. A batch that fails as a whole (its worker timed out or died) is
    run again a file at a time, so only the file at fault fails. Ctrl-C
    stops the workers and re-raises. Returns a function that waits until the
    workers have exited (they do so in the background)."""
    tasks = sorted(tasks, key=lambda task: (-task.size, task.path))
    if not tasks:
        return lambda: None
    from pebble import ProcessPool

    pool = ProcessPool(max_workers=jobs, context=multiprocessing.get_context("fork"),
                       initializer=start_worker, initargs=(limits.memory_mb,))
    waiting = deque(batches(tasks, jobs))
    running: dict = {}

    def schedule(count: int) -> None:
        for _ in range(min(count, len(waiting))):
            batch = waiting.popleft()
            future = pool.schedule(process_batch_into_cache, args=(batch, str(cache.root), cache.folder.name, limits),
                                   timeout=limits.timeout)
            running[future] = batch

    try:
        schedule(jobs * IN_FLIGHT)
        meanwhile()
        while running:
            finished_now, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in finished_now:
                batch = running.pop(future)
                if len(batch) > 1 and future.exception() is not None:
                    waiting.extendleft((task,) for task in reversed(batch))
                    continue
                for task, (key, outcome) in zip(batch, finished(future, batch[0], limits, cache)):
                    on_done(task, key, outcome)
            schedule(len(finished_now))
    except BaseException:
        pool.stop()
        pool.join()
        raise
    pool.close()
    closing = threading.Thread(target=pool.join, daemon=True)  # pebble's join polls: ~0.1 s
    closing.start()
    return closing.join


def batches(tasks: list[Task], jobs: int) -> list[tuple[Task, ...]]:
    """The tasks, in their order, as batches of small files (see BATCH_FILES);
    one file a batch when the run is too small to share out in batches."""
    size = max(1, min(BATCH_FILES, len(tasks) // (jobs * BATCHES_PER_WORKER)))
    found: list[tuple[Task, ...]] = []
    batch: list[Task] = []
    for task in tasks:
        if size == 1 or task.size > BATCH_BYTES or task.path.lower().endswith(".pdf"):
            found.append((task,))
            continue
        batch.append(task)
        if len(batch) == size:
            found.append(tuple(batch))
            batch = []
    return found + ([tuple(batch)] if batch else [])


def finished(future, task: Task, limits: Limits, cache: ResultCache) -> list[tuple[str, Outcome]]:
    """The (key, outcome) of each file of a finished batch; a worker killed
    for its timeout or dead of a signal (only a batch of one file gets here
    then) becomes a failed result for `task`, cached with the limits it hit."""
    from pebble import ProcessExpired

    seconds = 0.0
    try:
        return future.result()
    except FutureTimeout:
        reason = f"timed out: still running after the per-file limit of {limits.timeout:g} s"
        seconds = limits.timeout
    except MemoryError:  # e.g. the result was too big to pass back
        reason = OUT_OF_MEMORY
    except ProcessExpired as exc:
        reason = f"worker process died ({died_how(exc.exitcode)}): out of memory or a crash in a library"
    except Exception as exc:  # e.g. a result that cannot be pickled: a bug, reported on the file
        reason = f"internal error: {type(exc).__name__}: {exc}"
    result = failed_result(task.path, reason, limits=limits.as_tuple(), seconds=seconds)
    cache.put(task.key, result)
    return [(task.key, result.outcome)]


def died_how(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        try:
            return f"killed by {signal.Signals(-exitcode).name}"
        except ValueError:
            return f"signal {-exitcode}"
    return f"exit code {exitcode}"


def process_batch_into_cache(batch: tuple[Task, ...], cache_root: str, version_folder: str,
                             limits: Limits) -> list[tuple[str, Outcome]]:
    """In a worker: process_into_cache for each file of the batch, in order."""
    return [process_into_cache(task, cache_root, version_folder, limits) for task in batch]


def process_into_cache(task: Task, cache_root: str, version_folder: str, limits: Limits) -> tuple[str, Outcome]:
    """In a worker: run the per-file step and cache its result under the hash
    of the bytes actually read (the file may have changed since the runner
    hashed it). A file that cannot be read now is not cached: that is a state
    of the file system, not of the content, and the next run looks again."""
    cache = ResultCache(Path(cache_root), version_folder)
    try:
        key = cache_key(content_sha256(task.path), task.path)
    except OSError:
        key = ""
    result = file_rows(task.path)
    if OUT_OF_MEMORY in result.outcome.warnings:
        result = FileResult(replace(result.outcome, limits=limits.as_tuple()), result.rows)
    if key:
        cache.put(key, result)
    return key, result.outcome


def start_worker(memory_mb: int) -> None:
    """Worker set-up: die with the runner, leave Ctrl-C to the runner, one
    OCR thread per process (faster with one process per core), cap memory."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    try:
        ctypes.CDLL(None).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        pass  # not Linux: orphans end when their pipe closes
    if memory_mb > 0:
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        limit = address_space_bytes() + memory_mb * 2**20
        if hard == resource.RLIM_INFINITY or limit < hard:
            resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def address_space_bytes() -> int:
    """This process's virtual size (what RLIMIT_AS counts)."""
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
