"""Municipality names a scan reads a different wrong way each time.

Tesseract turned 美祢市 into 美徹市, 美枯市, 美引市 and 美貴市 in one document:
no reading repeats, none is one look-alike away from the truth, so neither
the hand table nor the document's majority helps. The instability itself is
the document's evidence that the glyph at that position is unreadable, and
the gazetteer settles it when a single municipality of the document's
prefecture fits the rest of the spelling. Runs after names.py, on what the
look-alike repairs left.
"""
from __future__ import annotations

from collections import Counter

import regex

from pipeline.gazetteer import gazetteer
from pipeline.model import Line
from pipeline.repair.edits import Edit, Joined
from pipeline.repair.names import inside_known_name, known_names, unidic_reading, wildcard_index

LONGEST = 5  # characters of a name with its suffix looked at
HAN_BEFORE = regex.compile(rf"\p{{Han}}{{1,{LONGEST}}}$")  # searched up to a suffix's end
SUFFIX = regex.compile("[市町村]")


def consensus_edits(lines: list[Line]) -> list[Edit]:
    """One name read a different wrong way each time (美徹市, 美枯市, 美引市 for
    美祢市): the document shows the glyph at that position is unreadable, and
    when a single municipality of the document's prefecture fits the rest of
    the spelling, it is that one. Needs two distinct readings that UniDic
    cannot parse, so a word used consistently (中核市) never qualifies."""
    joined = Joined.of(lines)
    text = joined.text
    starts = unknown_spans(text)
    prefectures = None
    edits = []
    for pattern, spans in spellings(starts).items():
        if len(spans) < 2:
            continue  # the usual case: one spelling, used consistently
        if prefectures is None:
            prefectures = document_prefectures(text)
        i = pattern.index("?")
        members = []
        for start, span in sorted((start, span) for span in spans for start in starts[span]):  # in text order
            index, pos = joined.locate(start)
            members.append((index, pos, pos + len(span), span, i))
        members = [m for m in members if not inside_known_name(lines[m[0]].text, m[2])]
        readings = {span for _, _, _, span, _ in members}
        unreadable = {span for index, start, _, span, i in members
                      if unidic_reading(lines[index].text, start, start + i) == "apart"}
        fits = {name for name, _ in wildcard_index().get(pattern, ())
                if any(m.prefecture in prefectures for m in gazetteer().by_name[name])}
        if len(unreadable) < 2 or len(fits) != 1:
            continue
        name = fits.pop()
        evidence = (f"gazetteer: only {name} in {'/'.join(sorted(prefectures))} fits {pattern}; "
                    f"the document reads it {len(readings)} ways ({','.join(sorted(readings))})")
        edits += [Edit(index, start, end, name, span, name, "name:consensus", evidence, 0.8)
                  for index, start, end, span, _ in members]
    return edits


def unknown_spans(text: str) -> dict[str, list[int]]:
    """Each run of kanji ending with 市, 町 or 村 that the gazetteer does not
    know (3 to LONGEST characters), with the offsets where it starts."""
    names = gazetteer().by_name
    starts: dict[str, list[int]] = {}
    for match in SUFFIX.finditer(text):
        end = match.end()
        run = HAN_BEFORE.search(text, max(0, end - LONGEST), end)
        for size in range(3, len(run.group()) + 1 if run else 0):
            span = text[end - size:end]
            if span not in names:
                starts.setdefault(span, []).append(end - size)
    return starts


def spellings(spans) -> dict[str, list[str]]:
    """The spans by pattern, one inner character left open (美?市 -> 美徹市,
    美枯市): built from the distinct spans, not from every occurrence, since
    a document repeats its few names many times."""
    groups: dict[str, list[str]] = {}
    for span in spans:
        for i in range(1, len(span) - 1):  # the first character differing would make any start a name
            groups.setdefault(span[:i] + "?" + span[i + 1:], []).append(span)
    return groups


def document_prefectures(document: str) -> set[str]:
    """The prefectures of the municipalities a document names unambiguously."""
    found = Counter()
    for _, _, name in known_names(document):
        hits = gazetteer().by_name[name]
        if len(hits) == 1:
            found[hits[0].prefecture] += 1
    top = max(found.values(), default=0)
    return {prefecture for prefecture, n in found.items() if n == top}
