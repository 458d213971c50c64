"""The batch's per-file step on a Dask cluster (optional extra: pip install 'kyoyaku[dask]').

`file_rows(path)` is a pure function from a path to rows, so any engine that
maps a function over a list can run it; only the files must be readable from
the workers (a shared or network file system). This module maps it with a
Dask client and writes the tables with the same writer as `kyoyaku run`:

    from distributed import Client
    from pipeline.distributed import run_on_dask
    run_on_dask([Path("/shared/archive")], Path("out"), Client("scheduler:8786"))

What it leaves to `kyoyaku run`: the result cache and manifest (every call
processes every file), per-file time and memory limits (Dask's own worker
memory limits and `distributed.comm.timeouts` apply), and flat memory (all
rows are gathered into this process: fine for tens of thousands of files).
"""
from __future__ import annotations

from pathlib import Path

from pipeline.results import FileResult, file_rows
from pipeline.archive import assign_doc_ids, discover
from pipeline.runner import duplicate_of


def run_on_dask(paths: list[Path], out_dir: Path, client, headers: str = "en") -> list[FileResult]:
    """Process every file below paths on the client's cluster into out_dir's tables."""
    files = discover(paths, out_dir)
    results = client.gather(client.map(file_rows, files, pure=False))
    write_results(files, results, out_dir, headers)
    return results


def write_results(files: list[Path], results: list[FileResult], out_dir: Path, headers: str = "en") -> None:
    """Name the rows as the batch runner does and write every table."""
    from pipeline.tables import rows_to_frames
    from pipeline.write import write_tables

    doc_ids = assign_doc_ids(files)
    sha256s = [sha256_of(result) for result in results]
    originals = duplicate_of(doc_ids, sha256s)
    rows = [result.row_dicts(doc_id=doc_id, source_file=str(path), duplicate_of=original)
            for path, result, doc_id, original in zip(files, results, doc_ids, originals)]
    write_tables(rows_to_frames(rows), Path(out_dir), headers=headers)


def sha256_of(result: FileResult) -> str:
    """The content hash ingest recorded in the documents row ("" if unread)."""
    documents = result.row_dicts()["documents"]
    return documents[0]["sha256"] if documents else ""
