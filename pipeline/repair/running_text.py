"""Running text: a rare character that the document writes, in the same
place of the same word, as a frequent look-alike (園域 once, 圏域 twenty times).

Cheap on clean text: only kanji seen at most RARE times in the document are
examined, and UniDic is consulted only for those with a linked look-alike
whose pair of characters (with the left or right neighbour) the document
uses. The change needs the document's majority, a similarity link, and
UniDic's reading: the original falls apart, the correction is a word.
"""
from __future__ import annotations

from collections import Counter

import regex

from pipeline.model import Line
from pipeline.repair.edits import Edit, Joined
from pipeline.repair.glyphs import link, neighbours
from pipeline.repair.reading import letter_run, reads_better

RARE = 2  # a misread character is rare in its document
SUPPORT = 2  # uses of the corrected pair that make a majority
HAN_RUN = regex.compile(r"\p{Han}{2,}")


def running_text_edits(lines: list[Line]) -> list[Edit]:
    joined = Joined.of(lines)
    kanji = "\n".join(HAN_RUN.findall(joined.text))
    counts = Counter(kanji)
    frequent = frozenset(ch for ch, n in counts.items() if n > RARE)
    suspects = {ch: tuple(sorted(found)) for ch, n in counts.items()
                if n <= RARE and (found := neighbours(ch) & frequent)}
    if not suspects:
        return []
    pairs = Counter([kanji[i:i + 2] for i in range(len(kanji) - 1)])  # the fastest count in pure Python
    edits = []
    for match in regex.finditer("[" + "".join(suspects) + "]", joined.text):
        index, pos = joined.locate(match.start())
        edit = edit_at(index, lines[index].text, pos, pairs, suspects[match.group(0)])
        if edit:
            edits.append(edit)
    return edits


def edit_at(index: int, text: str, pos: int, pairs: Counter, lookalikes: tuple[str, ...]) -> Edit | None:
    """The look-alike whose pair with a neighbouring kanji the document uses
    most, if UniDic reads the result better."""
    char = text[pos]
    left, right = text[pos - 1:pos], text[pos + 1:pos + 2]
    best, best_support = "", 0
    for other in lookalikes:  # sorted, so ties resolve the same way in every run
        support = max(pairs[left + other], pairs[other + right])
        if support > best_support:
            best, best_support = other, support
    if not best:
        return None
    start, end = letter_run(text, pos)
    original = text[start:end]
    fixed = original[:pos - start] + best + original[pos - start + 1:]
    if not reads_better(original, fixed, pos - start):
        return None
    similarity = link(char, best)
    confidence = 0.65 + similarity.strength + (0.1 if best_support >= SUPPORT else -0.2)
    evidence = f"document writes {best} {best_support}x beside the same character; look-alike {similarity.label}"
    return Edit(index, pos, pos + 1, best, original, fixed, "text:document-majority", evidence, confidence)
