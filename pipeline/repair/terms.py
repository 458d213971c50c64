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
    intact: one scan for the halves finds every candidate cheaply. The scan
    reports the longest half starting at a place; the shorter ones there
    are its prefixes, so each half comes with the (term, offset) places of
    all halves it begins with (連携中枢: those of 連携中枢, 連携中 and 連携)."""
    where: dict[str, list[tuple[str, int]]] = {}
    for term in TERMS:
        half = len(term) // 2
        where.setdefault(term[:half], []).append((term, 0))
        where.setdefault(term[half:], []).append((term, half))
    pattern = regex.compile("|".join(sorted(map(regex.escape, where), key=len, reverse=True)))
    within = {anchor: tuple(place for prefix in where if prefix[0] == anchor[0] and anchor.startswith(prefix)
                            for place in where[prefix])
              for anchor in where}
    return pattern, within


def term_edits(lines: list[Line]) -> list[Edit]:
    joined = Joined.of(lines)
    pattern, places = anchors()
    edits, seen = [], set()
    text = joined.text
    for match in pattern.finditer(text, overlapped=True):
        for term, offset in places[match.group()]:
            start = match.start() - offset
            # closest_term is cached: the same words recur through a document
            if start >= 0 and closest_term(text[start:start + len(term)]) == term and (start, term) not in seen:
                seen.add((start, term))
                index, pos = joined.locate(start)
                edits.append(term_edit(index, pos, text[start:start + len(term)], term, text.count(term)))
    return edits


def term_edit(index: int, pos: int, found: str, term: str, uses: int) -> Edit:
    i = next(k for k, (a, b) in enumerate(zip(found, term)) if a != b)
    similarity = link(found[i], term[i])
    confidence = min(0.99, 0.6 + similarity.strength + (0.3 if uses else 0.0))
    evidence = f"term {term}" + (f" {uses}x in document" if uses else "") + f"; look-alike {similarity.label}"
    return Edit(index, pos + i, pos + i + 1, term[i], found, term, "text:term", evidence, confidence)


@lru_cache(maxsize=4096)
def closest_term(found: str) -> str | None:
    """The term `found` misspells by one linked character, if exactly one."""
    if found in TERMS:
        return None
    fits = [term for term in TERMS if len(term) == len(found)
            and sum(a != b for a, b in zip(found, term)) == 1
            and all(a == b or link(a, b) for a, b in zip(found, term))]
    return fits[0] if len(fits) == 1 else None

