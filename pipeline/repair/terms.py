"""Terms of art: the words every agreement of this kind is built from.

連携中枢都市圏 (read 連携中枢都市園 by OCR) cannot be settled by UniDic, which
reads 都市圏 and 都市園 alike, nor always by the document, which a scan may
misread more often than not. Like the gazetteer for names, this short list
of the law's own terms is strong evidence: a term one look-alike away is
that term.
"""
from __future__ import annotations

from functools import lru_cache

import regex

from pipeline.model import Line
from pipeline.repair.edits import Edit, Joined
from pipeline.repair.glyphs import link

# From 地方自治法 第252条の2 and the 連携中枢都市圏構想推進要綱 / 定住自立圏構想推進要綱.
TERMS = ("連携中枢都市圏", "連携中枢都市宣言", "定住自立圏", "形成協定", "連携協約", "地方自治法",
         "中心市宣言", "共生ビジョン", "都市圏ビジョン")
# (圏域 is left to the document's majority: every agreement writes it dozens of times.)


@lru_cache(maxsize=1)
def anchors() -> tuple[regex.Pattern, dict[str, tuple[tuple[str, int], ...]]]:
    """A term misread in one character keeps its first or its second half
    intact: one scan for the halves finds every candidate cheaply."""
    where: dict[str, list[tuple[str, int]]] = {}
    for term in TERMS:
        half = len(term) // 2
        where.setdefault(term[:half], []).append((term, 0))
        where.setdefault(term[half:], []).append((term, half))
    pattern = regex.compile("|".join(sorted(map(regex.escape, where), key=len, reverse=True)))
    return pattern, {anchor: tuple(places) for anchor, places in where.items()}


@lru_cache(maxsize=1)
def anchors_by_first_char() -> dict[str, tuple[str, ...]]:
    found: dict[str, list[str]] = {}
    for anchor in anchors()[1]:
        found.setdefault(anchor[0], []).append(anchor)
    return {char: tuple(group) for char, group in found.items()}


def term_edits(lines: list[Line]) -> list[Edit]:
    joined = Joined.of(lines)
    pattern, anchor_places = anchors()
    where = anchors_by_first_char()
    edits, seen = [], set()
    text = joined.text
    for match in pattern.finditer(text, overlapped=True):
        places = [place for anchor in where[match.group(0)[0]] if text.startswith(anchor, match.start())
                  for place in anchor_places[anchor]]  # 連携中 and 連携中枢 both start here
        for term, offset in places:
            start = match.start() - offset
            found = text[start:start + len(term)]
            if (start < 0 or found == term or (start, term) in seen or not differs_by_one(found, term)
                    or closest_term(found) != term):
                continue
            seen.add((start, term))
            index, pos = joined.locate(start)
            edits.append(term_edit(index, pos, found, term, text.count(term)))
    return edits


def term_edit(index: int, pos: int, found: str, term: str, uses: int) -> Edit:
    i = next(k for k, (a, b) in enumerate(zip(found, term)) if a != b)
    similarity = link(found[i], term[i])
    confidence = min(0.99, 0.6 + similarity.strength + (0.3 if uses else 0.0))
    evidence = f"term {term}" + (f" {uses}x in document" if uses else "") + f"; look-alike {similarity.label}"
    return Edit(index, pos + i, pos + i + 1, term[i], found, term, "text:term", evidence, confidence)


def closest_term(found: str) -> str | None:
    """The term `found` misspells by one linked character, if exactly one."""
    if found in TERMS:
        return None
    fits = [term for term in TERMS if len(term) == len(found)
            and sum(a != b for a, b in zip(found, term)) == 1
            and all(a == b or link(a, b) for a, b in zip(found, term))]
    return fits[0] if len(fits) == 1 else None


def differs_by_one(found: str, term: str) -> bool:
    """Same length and exactly one character different (a cheap first test)."""
    if len(found) != len(term):
        return False
    first = next((i for i, (a, b) in enumerate(zip(found, term)) if a != b), None)
    return first is not None and found[first + 1:] == term[first + 1:]
