"""Shared fixtures: the bundled seed agreements and small file writers."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "raw"
DATA = Path(__file__).resolve().parent / "data"
SEEDS = sorted(RAW.glob("*.txt"))


def seed(prefix: str) -> Path:
    """The bundled sample whose file name starts with prefix ("001")."""
    return next(p for p in SEEDS if p.name.startswith(prefix))


@pytest.fixture
def write_file(tmp_path):
    """write_file(name, text, encoding="utf-8") -> Path in a fresh folder."""

    def write(name: str, content: str | bytes, encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_bytes(content.encode(encoding))
        return path

    return write
