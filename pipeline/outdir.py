"""The layout of OUT: complete table sets behind one `current` link.

    OUT/documents.csv  -> current/documents.csv     one link per file, made once
    OUT/current        -> .versions/000042          flipped by one os.replace
    OUT/.versions/000042/  NAME.csv, NAME.parquet, kyoyaku.xlsx, manifest.json,
                           run_report.json, .rows/NAME.arrow   (publish.py)
    OUT/.cache/            results by content hash (results.py)

A new set is written beside the current one and becomes current in a single
rename, so a reader, a crash or kill -9 sees the previous complete set or the
new one, never a mix or half a file.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

CURRENT = "current"
VERSIONS = ".versions"
REPORT_NAME = "run_report.json"


def current_folder(out_dir: Path) -> Path | None:
    folder = Path(out_dir) / CURRENT
    return folder.resolve() if folder.is_dir() else None


def public_names(folder: Path) -> list[str]:
    """The files of a set that OUT links to (the hidden .rows stay inside)."""
    return sorted(p.name for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))


def new_version_folder(out_dir: Path) -> Path:
    versions = Path(out_dir) / VERSIONS
    versions.mkdir(parents=True, exist_ok=True)
    numbers = [int(p.name) for p in versions.iterdir() if p.name.isdigit()]
    folder = versions / f"{max(numbers, default=0) + 1:06d}"
    shutil.rmtree(folder, ignore_errors=True)
    return folder


def make_current(out_dir: Path, folder: Path) -> None:
    """Flip OUT/current to folder in one rename, then make sure every public
    file of the set has its link in OUT (links go through current/, so they
    never need to change when the set does)."""
    out_dir = Path(out_dir)
    replace_with_link(out_dir / CURRENT, os.path.relpath(folder, out_dir))
    names = public_names(folder)
    for name in names:
        link = out_dir / name
        if not (link.is_symlink() and os.readlink(link) == f"{CURRENT}/{name}"):
            replace_with_link(link, f"{CURRENT}/{name}")
    for link in out_dir.iterdir():  # e.g. no workbook this time: no dangling link to it
        if link.is_symlink() and os.readlink(link).startswith(f"{CURRENT}/") and link.name not in names:
            link.unlink()


def replace_with_link(path: Path, target: str) -> None:
    tmp = path.with_name(f".{path.name}.link.tmp")
    tmp.unlink(missing_ok=True)
    os.symlink(target, tmp)
    os.replace(tmp, path)


def remove_old_versions(out_dir: Path, keep: set[Path]) -> None:
    """Keep the current set and the one before (a reader may still have it
    open); drop older ones and any a killed run left half written."""
    versions = Path(out_dir) / VERSIONS
    keep = {p.resolve() for p in keep if p is not None}
    for folder in versions.iterdir() if versions.is_dir() else ():
        if folder.resolve() not in keep:
            shutil.rmtree(folder, ignore_errors=True)
