"""Helpers for batch-run tests: small archives and reading a run's tables."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd

from pipeline.cli import main
from pipeline.tables import TABLE_NAMES
from tests.conftest import SEEDS

TABLE_FILES = [f"{name}.{ext}" for name in TABLE_NAMES for ext in ("csv", "parquet")]


def archive_of(folder: Path, files: dict[str, Path | str | bytes]) -> Path:
    """folder/name for each name: a copy of a file, the text or the bytes given."""
    for name, content in files.items():
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, Path):
            shutil.copy(content, target)
        elif isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    return folder


def seed_archive(folder: Path) -> Path:
    """The five samples, two of them in a sub-folder."""
    return archive_of(folder, {("2017/" if i < 2 else "") + p.name: p for i, p in enumerate(SEEDS)})


def run_cli(*args) -> int:
    return main(["run", *map(str, args), "--quiet"])


def report_of(out: Path) -> dict:
    return json.loads((out / "run_report.json").read_text(encoding="utf-8"))


def table_bytes(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in TABLE_FILES}


def documents(out: Path) -> pd.DataFrame:
    return pd.read_csv(out / "documents.csv", encoding="utf-8-sig", keep_default_na=False).set_index("doc_id")


def rows_of_seeds(out: Path) -> dict[str, list[dict]]:
    """Every row the five samples have in a run's tables (source_file aside,
    since it names the archive): what no other file may take away."""
    seeds = {p.stem for p in SEEDS}
    rows = {}
    for name in TABLE_NAMES:
        frame = pd.read_parquet(out / f"{name}.parquet")
        frame = frame[frame["doc_id"].isin(seeds)].drop(columns=["source_file"], errors="ignore")
        rows[name] = frame.astype(str).to_dict("records")
    return rows
