"""Write the consolidated tables of a batch into a new set folder (outdir.py
makes it current once it is complete).

Rows go out in doc_id order, streamed file by file, so memory stays flat
however many documents there are. A document whose rows are unchanged since
the previous set is not rendered again: its byte range of each CSV and its
row range of each table (kept as uncompressed Arrow in .rows/, read through a
memory map) are copied, so a re-run that changed 1 % of the files costs about
1 % of rendering plus one pass of copying and Parquet encoding.

CSV is written with the csv module the way pandas writes it (UTF-8 with BOM,
"\\n", minimal quoting, empty for missing, True/False, ISO dates): rendering
a document's rows here is ~10× cheaper than a DataFrame per document, and
tests/test_runner.py checks the bytes against write.write_tables.
"""
from __future__ import annotations

import csv
import io
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from pipeline.headers import header_names
from pipeline.manifest import FileEntry
from pipeline.results import NAME_COLUMNS, FileResult
from pipeline.tables import SCHEMAS, TABLE_NAMES, typed_frame
from pipeline.atomic import atomic_write
from pipeline.write import arrow_schema

ROWS = ".rows"
ROW_GROUP = 10_000  # rows per Parquet row group and Arrow batch: bounds memory, fixed so bytes never vary
COPY_CHUNK = 1 << 20
PARSE_BATCH = 2 << 20  # bytes of rendered CSV parsed into Arrow at a time


def build_tables(folder: Path, items: Iterable[tuple[FileEntry, FileEntry | None, FileResult | None]],
                 load: Callable[[FileEntry], FileResult], previous_folder: Path | None, headers: str,
                 placed: Callable[[FileEntry], None]) -> None:
    """Write every table into folder from items (entry, its previous entry or
    None, its result if already loaded), in doc_id order: each entry's rows
    are copied from the previous set when they are unchanged, else rendered
    from its result (load(entry) when None). placed(entry) receives each
    entry with its placement as soon as its rows are written."""
    (folder / ROWS).mkdir(parents=True)
    with ArrowLane() as lane:
        writers = {name: TableWriter(name, folder, headers, previous_folder, lane) for name in TABLE_NAMES}
        try:
            for entry, old, result in items:
                if previous_folder is not None and can_copy(old, entry):
                    placement = {name: writers[name].copy(*old.placement[name]) for name in TABLE_NAMES}
                else:
                    rows = named_rows(result if result is not None else load(entry), entry)
                    placement = {name: writers[name].add(rows.get(name, [])) for name in TABLE_NAMES}
                placed(replace(entry, placement=placement))
        finally:
            for writer in writers.values():
                writer.close()


def can_copy_from(folder: Path | None) -> bool:
    """The previous set has every file rows are copied from (else all rows
    are rendered again: slower, never wrong)."""
    return folder is not None and all((folder / f"{name}.csv").is_file() and (folder / ROWS / f"{name}.arrow").is_file()
                                      for name in TABLE_NAMES)


def can_copy(old: FileEntry | None, entry: FileEntry) -> bool:
    """The previous set holds exactly this entry's rows: same content, same
    result, same name columns."""
    return (old is not None and bool(entry.key) and old.key == entry.key and old.doc_id == entry.doc_id
            and old.duplicate_of == entry.duplicate_of and old.outcome == entry.outcome
            and all(name in old.placement for name in TABLE_NAMES))


def named_rows(result: FileResult, entry: FileEntry) -> dict[str, list[tuple]]:
    """The result's rows with the columns that depend on the file name set."""
    values = {"doc_id": entry.doc_id, "source_file": entry.path, "duplicate_of": entry.duplicate_of}
    named = {}
    for table, rows in result.rows.items():
        columns = list(SCHEMAS[table])
        slots = [(columns.index(c), values[c]) for c in NAME_COLUMNS if c in columns]
        fixed = []
        for row in rows:
            row = list(row)
            for index, value in slots:
                row[index] = value
            fixed.append(row)
        named[table] = fixed
    return named


class TableWriter:
    """One table of the new set: NAME.csv, NAME.parquet and .rows/NAME.arrow,
    fed in doc_id order with rendered rows or ranges copied from the old set."""

    def __init__(self, name: str, folder: Path, headers: str, previous_folder: Path | None,
                 lane: ArrowLane) -> None:
        self.name = name
        self.lane = lane
        columns = list(SCHEMAS[name])
        self.old_csv = self.old_rows = None
        if previous_folder is not None:
            self.old_csv = open(previous_folder / f"{name}.csv", "rb")
            self.old_rows = OldRows(previous_folder / ROWS / f"{name}.arrow")
        self.schema = table_schema(name, self.old_rows)
        self.csv = open(folder / f"{name}.csv", "wb", buffering=COPY_CHUNK)
        self.offset = self.csv.write(("\ufeff" + render_csv([header_names(name, columns, headers)])).encode())
        self.row_count = 0
        self.pending_copy: list[int] | None = None  # [byte start, byte end, row start, row end] in the old set
        # The rows not yet handed to the Arrow lane, in table order: a range of
        # old rows, or the count of rendered rows whose CSV waits in new_csv.
        self.queued: list[range | int] = []
        self.queued_rows = 0
        self.new_csv: list[bytes] = []
        self.new_bytes = 0
        self.chunks = ArrowChunks(self.schema, folder / f"{name}.parquet", folder / ROWS / f"{name}.arrow")

    def add(self, rows: list[list]) -> tuple[int, int, int, int]:
        self.flush_copy()
        data = render_csv(rows).encode()
        self.csv.write(data)
        if rows:
            self.new_csv.append(data)
            self.new_bytes += len(data)
            self.enqueue(len(rows))
        return self.advance(len(data), len(rows))

    def copy(self, byte_start: int, byte_length: int, row_start: int, row_count: int) -> tuple[int, int, int, int]:
        pending = self.pending_copy
        if pending and pending[1] == byte_start and pending[3] == row_start:
            pending[1] += byte_length
            pending[3] += row_count
        else:
            self.flush_copy()
            self.pending_copy = [byte_start, byte_start + byte_length, row_start, row_start + row_count]
        return self.advance(byte_length, row_count)

    def advance(self, byte_length: int, row_count: int) -> tuple[int, int, int, int]:
        placement = (self.offset, byte_length, self.row_count, row_count)
        self.offset += byte_length
        self.row_count += row_count
        return placement

    def flush_copy(self) -> None:
        if self.pending_copy is None:
            return
        byte_start, byte_end, row_start, row_end = self.pending_copy
        self.pending_copy = None
        self.old_csv.seek(byte_start)
        remaining = byte_end - byte_start
        while remaining > 0:
            block = self.old_csv.read(min(remaining, COPY_CHUNK))
            if not block:
                raise OSError(f"previous {self.name}.csv is shorter than its manifest says")
            self.csv.write(block)
            remaining -= len(block)
        self.enqueue(range(row_start, row_end))

    def enqueue(self, part: range | int) -> None:
        """Queue rows for Arrow; hand them over once a row group's worth or
        PARSE_BATCH bytes of rendered CSV wait (bounded memory; the Arrow
        chunks do not depend on when this happens)."""
        if isinstance(part, int) and self.queued and isinstance(self.queued[-1], int):
            self.queued[-1] += part  # rendered rows in a row are one slice of the parse
        else:
            self.queued.append(part)
        self.queued_rows += len(part) if isinstance(part, range) else part
        if self.queued_rows >= ROW_GROUP or self.new_bytes >= PARSE_BATCH:
            self.hand_over()

    def hand_over(self) -> None:
        """Give the lane the queued rows. All rendered rows among them are
        parsed at once, however many copied ranges lie between them: a re-run
        that changed every hundredth file would otherwise parse each file's
        rows alone, and a parse costs ~0.5 ms however few rows it has."""
        if not self.queued:
            return
        parts, data = self.queued, b"".join(self.new_csv)
        self.queued, self.queued_rows, self.new_csv, self.new_bytes = [], 0, [], 0
        self.lane.run(self.append_rows, parts, data)

    def append_rows(self, parts: list[range | int], data: bytes) -> None:
        rendered, used = self.parsed(data) if data else None, 0
        for part in parts:
            if isinstance(part, range):
                for piece in self.old_rows.pieces(part.start, part.stop):
                    self.chunks.append(piece)
            else:
                self.chunks.append(rendered.slice(used, part))
                used += part

    def parsed(self, data: bytes) -> pa.Table:
        """Rendered rows -> Arrow by parsing their CSV: the same values as the
        CSV by construction, and pyarrow.array() on Python lists would import
        pandas (half a second a run) to check the lists are not pandas objects."""
        parsed = pacsv.read_csv(pa.py_buffer(data), read_options=read_options(self.schema.names),
                                parse_options=PARSE, convert_options=convert_options(self.schema))
        return pa.Table.from_arrays(parsed.columns, schema=self.schema)

    def close(self) -> None:
        try:
            self.flush_copy()
            self.hand_over()
            self.lane.run(self.chunks.close)
            self.lane.wait()  # the old files stay open until the lane has read them
        finally:
            self.csv.close()
            if self.old_csv is not None:
                self.old_csv.close()
                self.old_rows.close()


class ArrowLane:
    """The Arrow side of publishing (parsing rendered CSV, reading old rows,
    encoding Parquet and Arrow) in one background thread, in the order it is
    given, while the caller renders and copies the next CSV rows: pyarrow
    releases the GIL, so publishing uses a second core. At most MAX_WAITING
    jobs wait (each may hold a 2 MB batch); an error is raised to the caller
    at its next run() or wait()."""

    MAX_WAITING = 16

    def __init__(self) -> None:
        self.thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="arrow-lane")
        self.waiting: deque[Future] = deque()

    def run(self, job: Callable[..., object], *args) -> None:
        self.waiting.append(self.thread.submit(job, *args))
        while self.waiting and (self.waiting[0].done() or len(self.waiting) > self.MAX_WAITING):
            self.waiting.popleft().result()

    def wait(self) -> None:
        while self.waiting:
            self.waiting.popleft().result()

    def __enter__(self) -> ArrowLane:
        return self

    def __exit__(self, *exc) -> None:
        try:
            if exc[0] is None:
                self.wait()
        finally:
            for job in self.waiting:
                job.cancel()
            self.thread.shutdown(wait=True)


PARSE = pacsv.ParseOptions(newlines_in_values=True)


def read_options(names: list[str]) -> pacsv.ReadOptions:
    """One thread: a 2 MB batch gains little from Arrow's thread pool, and
    each of its threads keeps a malloc arena that grows the runner's memory."""
    return pacsv.ReadOptions(column_names=names, use_threads=False)


@lru_cache(maxsize=None)
def convert_options(schema: pa.Schema) -> pacsv.ConvertOptions:
    """Read back exactly what render_csv wrote: empty is missing except in
    text columns (pandas writes missing text as empty too), True/False."""
    return pacsv.ConvertOptions(column_types=schema, strings_can_be_null=False, quoted_strings_can_be_null=False,
                                null_values=[""], true_values=["True"], false_values=["False"])


def render_csv(rows) -> str:
    """Rows as pandas' to_csv writes them (csv module, minimal quoting, "\\n";
    None as empty; str(date) is its ISO form, str(True) is True)."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue()


class OldRows:
    """The previous set's rows of one table, read a batch at a time as
    ranges are asked for (in increasing order, as copies come in doc_id
    order): a memory map of the whole file would count all of it, once
    touched, in the runner's resident memory."""

    def __init__(self, path: Path) -> None:
        self.file = pa.OSFile(str(path))
        self.reader = pa.ipc.open_file(self.file)
        self.schema = self.reader.schema
        self.index, self.start, self.batch = -1, 0, None  # the batch read last and its first row

    def pieces(self, start: int, end: int) -> Iterator[pa.Table]:
        """Rows start..end as tables, one per batch they span."""
        if start < self.start:
            self.index, self.start, self.batch = -1, 0, None  # asked for an earlier range: read from the top
        while start < end:
            while self.batch is None or start >= self.start + self.batch.num_rows:
                self.next_batch()
            stop = min(end, self.start + self.batch.num_rows)
            yield pa.Table.from_batches([self.batch.slice(start - self.start, stop - start)])
            start = stop

    def next_batch(self) -> None:
        if self.batch is not None:
            self.start += self.batch.num_rows
        self.index += 1
        if self.index >= self.reader.num_record_batches:
            raise OSError("previous rows file is shorter than its manifest says")
        self.batch = self.reader.get_batch(self.index)

    def close(self) -> None:
        self.batch = None
        self.file.close()


def table_schema(name: str, old_rows: OldRows | None) -> pa.Schema:
    """The Arrow schema with pandas' metadata, so pandas.read_parquet gives
    back the nullable dtypes of tables.SCHEMAS (Int64, not float with NaN).
    The metadata is taken from the previous set when it has the same columns:
    computing it imports pandas, which a small re-run should not pay for."""
    schema = arrow_schema(name)
    if old_rows is not None and old_rows.schema.equals(schema) and old_rows.schema.metadata:
        return old_rows.schema
    return schema_from_pandas(name)


@lru_cache(maxsize=None)
def schema_from_pandas(name: str) -> pa.Schema:
    empty = typed_frame([], SCHEMAS[name])
    return pa.Table.from_pandas(empty, schema=arrow_schema(name), preserve_index=False).schema


def prepare(previous_folder: Path | None) -> None:
    """Compute ahead what build_tables will need (the runner calls this while
    its workers work): pandas' metadata, when there is no previous set to
    take it from."""
    if not can_copy_from(previous_folder):
        for name in TABLE_NAMES:
            schema_from_pandas(name)


class ArrowChunks:
    """Tables appended in order go out as Parquet row groups and Arrow
    batches of exactly ROW_GROUP rows, whatever the pieces were."""

    def __init__(self, schema: pa.Schema, parquet_path: Path, arrow_path: Path) -> None:
        self.schema = schema
        self.parquet = pq.ParquetWriter(parquet_path, schema)
        self.arrow = pa.ipc.new_file(str(arrow_path), schema)
        self.pieces: list[pa.Table] = []
        self.buffered = 0

    def append(self, table: pa.Table) -> None:
        if table.num_rows == 0:
            return
        self.pieces.append(table)
        self.buffered += table.num_rows
        while self.buffered >= ROW_GROUP:
            joined = pa.concat_tables(self.pieces)
            self.write(joined.slice(0, ROW_GROUP))
            rest = joined.slice(ROW_GROUP)
            self.pieces, self.buffered = ([rest] if rest.num_rows else []), rest.num_rows

    def write(self, table: pa.Table) -> None:
        table = table.combine_chunks()
        self.parquet.write_table(table, row_group_size=ROW_GROUP)
        self.arrow.write_table(table, max_chunksize=ROW_GROUP)

    def close(self) -> None:
        if self.pieces:
            self.write(pa.concat_tables(self.pieces))
        self.pieces, self.buffered = [], 0
        self.parquet.close()
        self.arrow.close()


def write_workbook_from(folder: Path, headers: str) -> None:
    """The workbook of the tables just written (small sets only: see runner)."""
    from pipeline.workbook import WORKBOOK_NAME, write_workbook

    frames = {name: typed_frame(pq.read_table(folder / f"{name}.parquet").to_pylist(), SCHEMAS[name])
              for name in TABLE_NAMES}
    atomic_write(folder / WORKBOOK_NAME, lambda tmp: write_workbook(frames, tmp, headers))
