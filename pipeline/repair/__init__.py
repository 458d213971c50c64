"""repair: list[Line] -> Repaired (placeholder; OCR repair lands with issue 4)."""
from __future__ import annotations

from dataclasses import dataclass

from pipeline.model import Correction, Line


@dataclass(frozen=True)
class Repaired:
    lines: list[Line]
    corrections: tuple[Correction, ...] = ()
    warnings: tuple[str, ...] = ()


def repair(lines: list[Line]) -> Repaired:
    return Repaired(lines=list(lines))
