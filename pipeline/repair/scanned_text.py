"""Scanned text: on lines read by OCR, a kanji the document uses once or
twice, standing where the document's majority writes another kanji in the
same words (疾域の中心的な once, 圏域の中心的な twenty times).

Tesseract reads a dense kanji as a different dense kanji from one page to
the next (圏 as 剛, 疾, 贈, 較): pairs that share no component, so the
look-alike rule (running_text.py) cannot link them. Here the evidence is
the context instead: the characters on both sides, up to CONTEXT of them,
must be seen around the corrected kanji MAJORITY times and clearly more
often than around any other kanji, and UniDic must read the result better.
Only lines from scanned pages are read: in a text layer or a text file a
rare kanji is what the author wrote.
"""
from __future__ import annotations

from dataclasses import replace

import regex

from pipeline.model import Line
from pipeline.repair.edits import Edit, Joined
from pipeline.repair.reading import better_reading
from pipeline.repair.running_text import NUMERALS, PairCounts, kanji_census, name_offsets

CONTEXT = 3  # characters on each side compared
MAJORITY = 4  # uses of the corrected context before a change is made
CLEAR = 2  # ... and this many times as many as any other kanji's; more than the original's
# A kanji misread the same way on every page is not rare (剛 for 圏 six times
# in one scan), but it is less common than the kanji it stands for.
SUSPECT_MAX = 8
ROUNDS = 3
HAN = regex.compile(r"\p{Han}")
LETTERS_BEFORE = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}ー]*$")
LETTERS_AFTER = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}ー]*")


def scanned_text_edits(lines: list[Line]) -> list[Edit]:
    """Rounds until nothing changes: each correction strengthens the
    majority against the other misreads of the same kanji (圏域の中 6x
    against 剛域の中 4x and 疾域の中 3x: 剛 first, then 疾)."""
    if not any(line.ocr for line in lines):
        return []
    edits: list[Edit] = []
    for _ in range(ROUNDS):
        found = majority_edits(lines)
        if not found:
            break
        edits += found
        lines = with_edits(lines, found)
    return edits


def with_edits(lines: list[Line], edits: list[Edit]) -> list[Line]:
    """The lines with these one-character replacements made (offsets stay valid)."""
    texts = {}
    for edit in edits:
        text = texts.get(edit.index, lines[edit.index].text)
        texts[edit.index] = text[:edit.start] + edit.replacement + text[edit.end:]
    return [replace(line, text=texts[i]) if i in texts else line for i, line in enumerate(lines)]


def majority_edits(lines: list[Line]) -> list[Edit]:
    joined = Joined.of(lines)
    words, counts, frequent = kanji_census(joined.text)
    pairs = PairCounts(words)
    in_names = name_offsets(joined.text)
    edits = []
    for index, line in enumerate(lines):
        if not line.ocr:
            continue
        for match in HAN.finditer(line.text):
            char, pos = match.group(), match.start()
            if counts[char] <= SUSPECT_MAX and char not in NUMERALS and joined.starts[index] + pos not in in_names:
                edits += majority_edit(index, line.text, pos, joined.text, frequent, pairs)
    return edits


def majority_edit(index: int, text: str, pos: int, document: str, frequent: frozenset[str],
                  pairs: PairCounts) -> list[Edit]:
    """The kanji the document writes most between the same neighbours, if
    it clearly wins and UniDic reads the result better."""
    left = LETTERS_BEFORE.search(text[max(0, pos - CONTEXT):pos]).group()
    right = LETTERS_AFTER.match(text, pos + 1, pos + 1 + CONTEXT).group()
    if len(left) + len(right) < 2:  # one neighbouring character says too little
        return []
    others = [other for other in frequent if other != text[pos]
              and ((right and pairs.has(other + right[0])) or (left and pairs.has(left[-1] + other)))]
    support = sorted(((context_count(document, left, other, right), other) for other in others), reverse=True)
    if not support:
        return []
    (best_count, best), runner_up = support[0], support[1][0] if len(support) > 1 else 0
    original_count = context_count(document, left, text[pos], right)
    if best_count < MAJORITY or best_count < CLEAR * runner_up or best_count <= original_count:
        return []
    reading = better_reading(text, pos, best, ties=True)
    if not reading:
        return []
    original, fixed = reading
    evidence = (f"scanned page; the document writes {left}{best}{right} {best_count}x, "
                f"with {text[pos]} {original_count}x; UniDic reads {fixed}")
    return [Edit(index, pos, pos + 1, best, original, fixed, "text:scanned-majority", evidence, 0.8)]


def context_count(document: str, left: str, char: str, right: str) -> int:
    """How often the document writes char between these neighbours; when
    both sides together are never seen (a line or cell ends), the better
    of the two sides alone, if it is two characters or more."""
    both = document.count(left + char + right)
    if both:
        return both
    return max(document.count(left + char) if len(left) >= 2 else 0,
               document.count(char + right) if len(right) >= 2 else 0)
