"""repair: list[Line] -> Repaired — OCR errors fixed where evidence supports it.

Rules run in order, each on the lines the previous one left:
  context  第ニ条 -> 第二条, 千茂29年 -> 平成29年, 令和兀年 -> 令和元年, 人ロ -> 人口,
           ル一ト, 工リア, メニュ一 -> ルート, エリア, メニュー (context.py)
  stops    推進する oO -> 推進する。 at a line or cell end (context.py)
  voicing  甲及ひ乙 -> 甲及び乙, a voicing mark lost where no word is left (context.py)
  labels   ア イ ッ エ -> ア イ ウ エ, a row label the sequence needs (context.py)
  names    美祿市 -> 美祢市 against the gazetteer and the document (names.py)
  consensus 美徹市, 美枯市, 美引市 -> 美祢市, one name misread many ways (consensus.py)
  roles    Z 今別町長 -> 乙 今別町長, a signature block's misread role label;
           皿及び乙が / 甲及びが -> 甲及び乙が, とと連携 -> 乙と連携 (context.py)
  terms    連携中枢都市園 -> 連携中枢都市圏, the law's own terms (terms.py)
  text     a word the document spells right elsewhere (running_text.py); where
           UniDic reads both alike, its kanji word written 3x: 都市園 -> 都市圏
  (OCR output unmarked by its source, a text file of OCR'd text, is told
  by the misreadings the rules above corrected: ocr_output.py)
  scanned  on OCR'd lines, a kanji where the document's majority writes
           another between the same neighbours: 疾域の中 -> 圏域の中, or in the
           word it writes most: あふれる較域 -> あふれる圏域, or two kanji misread
           side by side where it writes another pair: 剛城内の -> 圏域内の (scanned_text.py)
  drafting on OCR'd lines, 別表に揚げる -> 別表に掲げる (drafting.py)
A rule proposes edits with a confidence; an edit at or above the threshold
changes the text and is logged as a Correction, one below it becomes a
`suspicious: …` warning. A pure function of its input: clean text comes
back unchanged.
"""
from __future__ import annotations

from dataclasses import dataclass

from pipeline.model import Correction, Line
from pipeline.repair.consensus import consensus_edits
from pipeline.repair.drafting import drafting_edits
from pipeline.repair.context import (context_edits, label_sequence_edits, role_edits, sentence_end_edits,
                                     voicing_edits)
from pipeline.repair.edits import apply_edits
from pipeline.repair.names import name_edits
from pipeline.repair.ocr_output import detected_ocr_output
from pipeline.repair.running_text import running_text_edits
from pipeline.repair.scanned_text import scanned_text_edits
from pipeline.repair.terms import term_edits

# Look-alike rules first: their corrections tell OCR output the source did
# not mark, before the rules for scanned lines run.
LOOKALIKE_RULES = (context_edits, sentence_end_edits, voicing_edits, label_sequence_edits, name_edits,
                   consensus_edits, role_edits, term_edits, running_text_edits)
SCANNED_RULES = (scanned_text_edits, drafting_edits)


@dataclass(frozen=True)
class Repaired:
    lines: list[Line]
    corrections: tuple[Correction, ...] = ()
    warnings: tuple[str, ...] = ()


def repair(lines: list[Line]) -> Repaired:
    lines, corrections, warnings = applied(list(lines), LOOKALIKE_RULES)
    lines, detected = detected_ocr_output(lines, corrections)
    lines, scanned_fixes, scanned_doubts = applied(lines, SCANNED_RULES)
    corrections = sorted(corrections + scanned_fixes, key=lambda c: c.line_no)
    return Repaired(lines=lines, corrections=tuple(corrections),
                    warnings=tuple(detected + warnings + scanned_doubts))


def applied(lines: list[Line], rules) -> tuple[list[Line], list[Correction], list[str]]:
    """The lines after each rule in turn, with its corrections and doubts."""
    corrections: list[Correction] = []
    warnings: list[str] = []
    for rule in rules:
        lines, fixed, doubts = apply_edits(lines, rule(lines))
        corrections += fixed
        warnings += doubts
    return lines, corrections, warnings
