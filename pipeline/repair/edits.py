"""Proposed changes to lines, and applying them with a log entry each."""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, replace

from pipeline.model import Correction, Line

# A proposal at or above this confidence changes the text; below it only warns.
THRESHOLD = 0.75


@dataclass(frozen=True)
class Edit:
    """Replace line `index`'s text[start:end] by `replacement`.

    `word` / `fixed` are the readable context for the log (美祿市 -> 美祢市),
    `evidence` says what supports the change."""

    index: int
    start: int
    end: int
    replacement: str
    word: str
    fixed: str
    rule: str
    evidence: str
    confidence: float

    @property
    def accepted(self) -> bool:
        return self.confidence >= THRESHOLD

    def warning(self, line_no: int) -> str:
        changed = next((a for a, b in zip(self.word, self.fixed) if a != b), self.word)
        return f"suspicious: {changed} in {self.word} (line {line_no}; {self.fixed}? {self.evidence})"


@dataclass(frozen=True)
class Joined:
    """All lines in one string (one regex pass per rule instead of one per
    line), with the way back from an offset to (line index, position)."""

    text: str
    starts: tuple[int, ...]

    @staticmethod
    def of(lines: list[Line]) -> "Joined":
        """The lines joined. Repair's rules join the same lines one after
        another (most documents need no edit), so the last join is kept
        with a copy of its list: the same Line objects (frozen) make the
        same text, and comparing the lists is mostly identity checks. (Read
        once into a local: threads of one process, as a Dask worker has,
        may replace it meanwhile.)"""
        global _last_join
        last = _last_join
        if last is not None and last[0] == lines:
            return last[1]
        joined = Joined.join(lines)
        _last_join = (list(lines), joined)
        return joined

    @staticmethod
    def join(lines: list[Line]) -> "Joined":
        starts, offset = [], 0
        for line in lines:
            starts.append(offset)
            offset += len(line.text) + 1
        return Joined("\n".join(line.text for line in lines), tuple(starts))

    def locate(self, offset: int) -> tuple[int, int]:
        index = bisect_right(self.starts, offset) - 1
        return index, offset - self.starts[index]

    def lines_matching(self, pattern) -> list[int]:
        """The indices of the lines holding a match, in order: one scan of
        the text picks the few lines a per-line rule needs to read."""
        return sorted({self.locate(match.start())[0] for match in pattern.finditer(self.text)})


_last_join: tuple[list[Line], Joined] | None = None


def apply_edits(lines: list[Line], edits: list[Edit]) -> tuple[list[Line], list[Correction], list[str]]:
    """Accepted edits change their lines (right to left, overlaps dropped);
    the others become warnings. Lines without edits are returned as is."""
    by_line: dict[int, list[Edit]] = {}
    warnings = []
    for edit in edits:
        if edit.accepted:
            by_line.setdefault(edit.index, []).append(edit)
        else:
            warnings.append(edit.warning(lines[edit.index].no))
    corrections = []
    lines = list(lines)
    for index in sorted(by_line):
        text = lines[index].text
        for edit in sorted(without_overlaps(by_line[index]), key=lambda e: -e.start):
            text = text[:edit.start] + edit.replacement + text[edit.end:]
            corrections.append(Correction(lines[index].no, edit.word, edit.fixed, edit.rule,
                                          edit.evidence, round(edit.confidence, 2)))
        lines[index] = replace(lines[index], text=text)
    corrections.sort(key=lambda c: c.line_no)
    return lines, corrections, sorted(set(warnings), key=warnings.index)


def without_overlaps(edits: list[Edit]) -> list[Edit]:
    """Of edits that touch the same characters keep the most confident, then
    the longest (a 第…条 label wins over a lone character inside it)."""
    kept: list[Edit] = []
    for edit in sorted(edits, key=lambda e: (-e.confidence, e.start - e.end)):
        if all(edit.end <= k.start or edit.start >= k.end for k in kept):
            kept.append(edit)
    return kept
