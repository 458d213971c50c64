"""write: tables -> OUT/NAME.csv (UTF-8 with BOM, for Excel), OUT/NAME.parquet
and OUT/kyoyaku.xlsx (all tables as sheets, pipeline/workbook.py).

CSV and workbook headers are snake_case, or Japanese with headers="ja"
(pipeline/headers.py); Parquet keeps snake_case for programs.

Every file is written to a temporary name in the same folder and moved into
place with os.replace, so a reader (or a crash) never sees half a file.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.atomic import atomic_write  # noqa: F401  (re-exported: callers import it from here)
from pipeline.headers import header_names
from pipeline.tables import SCHEMAS

if TYPE_CHECKING:  # pandas and the workbook are imported when used: a batch re-run often needs neither
    import pandas as pd

ARROW_TYPES = {"string": pa.string(), "Int64": pa.int64(), "boolean": pa.bool_(),
               "float64": pa.float64(), "date": pa.date32()}


def arrow_schema(name: str) -> pa.Schema:
    return pa.schema([(column, ARROW_TYPES[dtype]) for column, dtype in SCHEMAS[name].items()])


def write_tables(frames: dict[str, pd.DataFrame], out_dir: Path, headers: str = "en") -> list[Path]:
    from pipeline.workbook import WORKBOOK_NAME, write_workbook

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, frame in frames.items():
        written.append(atomic_write(out_dir / f"{name}.csv",
                                    lambda tmp, f=frame, n=name: write_csv(f, tmp, header_names(n, f.columns, headers))))
        written.append(atomic_write(out_dir / f"{name}.parquet",
                                    lambda tmp, f=frame, n=name: write_parquet(f, n, tmp)))
    written.append(atomic_write(out_dir / WORKBOOK_NAME, lambda tmp: write_workbook(frames, tmp, headers)))
    return written


def write_csv(frame: pd.DataFrame, path: Path, header: list[str] | None = None) -> None:
    frame.to_csv(path, index=False, header=header if header is not None else True,
                 encoding="utf-8-sig", lineterminator="\n")


def write_parquet(frame: pd.DataFrame, name: str, path: Path) -> None:
    table = pa.Table.from_pandas(frame, schema=arrow_schema(name), preserve_index=False)
    pq.write_table(table, path)
