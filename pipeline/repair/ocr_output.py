"""OCR output that nothing marked as such: a text file (or HTML, or a text
layer) whose characters are a scanner's guesses.

The source marks lines read from a scanned page (Line.ocr) only where it
knows: a PDF page read by Tesseract or a text layer over a page image. An
archive's .txt of OCR'd text says nothing, yet shows it in bulk: 人ロ for
人口, 第ニ条, 今和 for 令和, とする o, each corrected by the look-alike rules
that run before scanned_text. Those corrections are the evidence, already
computed: born-digital text gives them nothing to do, or one slip at most
(the bundled sample 001 writes 美祿市 for 美祢市, the same misreading three
times). So a document whose earlier repairs corrected MIN_MISREADINGS
different misreadings is read as OCR output, and all its lines are treated
as a scanned page's.

Measured (bench/ocr_repair.py's noisy corpus, the test corpus, the bundled
samples and 300 documents of bench/archive.py): different misreadings
corrected per clean document 0 or 1 (001 and its archive variants), per
OCR'd document 2 to 20 (the noisy corpus: one document 2, the others 4 or
more; corpus 24-26: 7 to 11).
"""
from __future__ import annotations

from dataclasses import replace

from pipeline.model import Correction, Line

MIN_MISREADINGS = 2  # different misreadings: one may be a typist's slip, two are a scanner's habit
EXAMPLES = 3  # misreadings quoted in the warning


def misreadings(corrections: list[Correction]) -> list[tuple[str, str]]:
    """The different changes the corrections made, as (read, meant) without
    the context the log keeps: 観光工リアを -> 観光エリアを is (工, エ), and the
    same misreading on three lines (美祿市 in a signature block) is one.
    In the order of the lines, as a reviewer meets them."""
    ordered = sorted(corrections, key=lambda c: c.line_no)
    return list(dict.fromkeys(changed_part(c.original, c.corrected) for c in ordered))


def changed_part(original: str, corrected: str) -> tuple[str, str]:
    """What lies between the common start and the common end of the two."""
    start = 0
    while start < min(len(original), len(corrected)) and original[start] == corrected[start]:
        start += 1
    end = 0
    while end < min(len(original), len(corrected)) - start and original[-1 - end] == corrected[-1 - end]:
        end += 1
    return original[start:len(original) - end], corrected[start:len(corrected) - end]


def detected_ocr_output(lines: list[Line], corrections: list[Correction]) -> tuple[list[Line], list[str]]:
    """The lines marked as OCR'd, with a warning saying why, when the
    corrections show a scanner's misreadings; else the lines as they are.
    A source that marked some lines itself (a PDF's scanned pages) knows
    which pages are scans: its marks are left as they are."""
    if any(line.ocr for line in lines):
        return lines, []
    found = misreadings(corrections)
    if len(found) < MIN_MISREADINGS:
        return lines, []
    return [replace(line, ocr=True) for line in lines], [ocr_output_warning(found)]


def ocr_output_warning(found: list[tuple[str, str]]) -> str:
    examples = ", ".join(f"{read or '∅'}->{meant or '∅'}" for read, meant in found[:EXAMPLES])
    more = ", …" if len(found) > EXAMPLES else ""
    # no semicolon: the documents table joins a document's warnings with "; "
    return (f"read as OCR output: {len(found)} different misreadings corrected ({examples}{more}), "
            f"so rare kanji are checked as on a scanned page")
