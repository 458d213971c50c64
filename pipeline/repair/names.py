"""Municipality names: a name the gazetteer does not know, one look-alike
away from one it knows, is that name (美祿市 -> 美祢市).

Candidates come from a wildcard index of the gazetteer (美?市 -> 美祢市,
美唄市, …) filtered by a similarity link at the open position, so any
look-alike pair is found, not only the hand-listed ones. Evidence adds up
to a confidence: the gazetteer hit, the link, the same name spelled right
elsewhere in the document, and UniDic's reading (a corrupted stem falls
apart into single characters: 美祿 -> 美 | 祿). A doubled character
(美祢祢市), a space inside the name (美祢 市) and, with the document's
support, a dropped character are repaired the same way.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import regex

from pipeline.gazetteer import gazetteer
from pipeline.model import Line
from pipeline.repair.edits import Edit, Joined
from pipeline.repair.glyphs import Link, link, lookalike_pairs
from pipeline.repair.reading import falls_apart, letter_run, token_at

SUFFIXES = "市町村区県"
# Where a name can end: its suffix or a hand-listed look-alike of it (巿).
NAME_ENDS = frozenset(SUFFIXES) | frozenset(c for s in SUFFIXES for c in lookalike_pairs().get(s, ()))
NAME_END = regex.compile("[" + "".join(sorted(NAME_ENDS)) + "]")
NAME_CHAR = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}ー々ヶ]")
LONGEST_STEM = 6
# A name missing one character is restored only when it cannot be one of these words (本市, 同町).
DETERMINERS = frozenset("本同両各当全他前後該旧新市町村")


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int  # exclusive, in the line's text
    name: str
    rule: str
    link: Link
    position: int  # the differing character's offset in the span, -1 for none


@lru_cache(maxsize=1)
def wildcard_index() -> dict[str, tuple[tuple[str, int], ...]]:
    """美?市 -> ((美祢市, 1), (美唄市, 1), …) for every name and position."""
    index: dict[str, list[tuple[str, int]]] = {}
    for name in gazetteer().by_name:
        for i in range(len(name)):
            index.setdefault(name[:i] + "?" + name[i + 1:], []).append((name, i))
    return {key: tuple(values) for key, values in index.items()}


def name_edits(lines: list[Line]) -> list[Edit]:
    joined = Joined.of(lines)
    edits = []
    for match in NAME_END.finditer(joined.text):
        index, pos = joined.locate(match.start())
        text = lines[index].text
        candidates = candidates_at(text, pos + 1, joined.text)
        if candidates and not inside_known_name(text, pos + 1):
            edit = best_edit(index, text, candidates, joined.text)
            if edit:
                edits.append(edit)
    return edits


def candidates_at(text: str, end: int, document: str) -> list[Candidate]:
    """The corrections on offer for a name ending at `end` (exclusive);
    none when a known name already ends there."""
    start = end - 1
    while start > 0 and end - start <= LONGEST_STEM and NAME_CHAR.match(text[start - 1]):
        start -= 1
    tail = text[start:end]
    found = tail_candidates(tail)
    if found is None:
        return []
    candidates = [Candidate(start + offset, end, name, rule, similarity, position)
                  for offset, name, rule, similarity, position in found]
    dropped = dropped_char_names(document)
    for offset in range(len(tail) - 1):
        span = tail[offset:]
        if span[0] not in DETERMINERS:
            candidates += [Candidate(start + offset, end, name, "name:dropped", Link("table", "dropped"), -1)
                           for name in dropped.get(span, ())]
    if " " in text[max(0, end - LONGEST_STEM - 2):end]:
        candidates += spaced_candidates(text, end)
    return candidates


@lru_cache(maxsize=65536)
def tail_candidates(tail: str) -> tuple[tuple[int, str, str, Link, int], ...] | None:
    """Gazetteer names one look-alike (or one doubled character) away from a
    span ending the tail: (offset in tail, name, rule, link, position).
    None when a suffix of the tail is itself a known name. Depends on the
    tail only, so repeated phrases (各市町, 都市) cost one lookup."""
    names = gazetteer().by_name
    spans = [(offset, tail[offset:]) for offset in range(len(tail) - 1)]
    if any(span in names for _, span in spans):
        return None
    found = []
    for offset, span in spans:
        for i in range(len(span)):
            for name, position in wildcard_index().get(span[:i] + "?" + span[i + 1:], ()):
                similarity = link(span[i], name[i])
                if similarity and position == i:
                    found.append((offset, name, "name:look-alike", similarity, i))
        for i in range(len(span) - 1):
            if span[i] == span[i + 1] and span[:i] + span[i + 1:] in names:
                found.append((offset, span[:i] + span[i + 1:], "name:doubled", Link("table", "doubled"), i))
    return tuple(found)


def inside_known_name(text: str, end: int) -> bool:
    """True when the character before `end` is inside a longer known name (the first 市 of 市川市)."""
    names = gazetteer().by_name
    for stop in range(end + 1, min(len(text), end + LONGEST_STEM) + 1):
        for start in range(max(0, stop - LONGEST_STEM - 1), end):
            if text[start:stop] in names:
                return True
    return False


def spaced_candidates(text: str, end: int) -> list[Candidate]:
    """美祢 市: a space inside a name, when neither piece is a name."""
    names = gazetteer().by_name
    found = []
    for gap in range(max(0, end - LONGEST_STEM - 2), end - 1):
        if text[gap] != " ":
            continue
        for start in range(max(0, gap - LONGEST_STEM), gap):
            joined = text[start:gap] + text[gap + 1:end]
            if (joined in names and text[gap + 1:end] not in names and not ends_with_name(text[:gap])
                    and all(NAME_CHAR.match(ch) for ch in joined)):
                found.append(Candidate(start, end, joined, "name:space", Link("table", "space"), -1))
    return found


def ends_with_name(text: str) -> bool:
    names = gazetteer().by_name
    return any(text[-size:] in names for size in range(2, LONGEST_STEM + 2) if len(text) >= size)


@lru_cache(maxsize=64)
def dropped_char_names(document: str) -> dict[str, tuple[str, ...]]:
    """Names the document uses at least twice, by each one-character-shorter
    form (美祢市 -> 美市, 祢市): a dropped character needs the document's word."""
    counts = Counter(name for _, _, name in known_names(document))
    index: dict[str, list[str]] = {}
    for name, n in counts.items():
        if n >= 2 and len(name) >= 3:
            for i in range(len(name) - 1):  # the suffix itself is not restored
                index.setdefault(name[:i] + name[i + 1:], []).append(name)
    return {key: tuple(values) for key, values in index.items()}


def known_names(document: str) -> list[tuple[int, int, str]]:
    """Gazetteer names in the document, found around each suffix character
    (much cheaper than scanning every position)."""
    names = gazetteer().by_name
    found = []
    for match in regex.finditer(f"[{SUFFIXES}]", document):
        end = match.end()
        for start in range(max(0, end - LONGEST_STEM - 1), end - 1):
            if document[start:end] in names:
                found.append((start, end, document[start:end]))
                break
    return found


def best_edit(index: int, text: str, candidates: list[Candidate], document: str) -> Edit | None:
    """The most confident correction at one place; ambiguity lowers confidence."""
    scored = sorted(((confidence(c, text, document), c) for c in candidates),
                    key=lambda pair: (-pair[0], -(pair[1].end - pair[1].start)))
    best_score, best = scored[0]
    rivals = {c.name for score, c in scored[1:] if c.name != best.name and score >= best_score - 0.2}
    if rivals:
        best_score -= 0.3
    if best_score < 0.5:
        return None
    original = text[best.start:best.end]
    evidence = evidence_text(best, document)
    if rivals:
        evidence += "; also " + ",".join(sorted(rivals))
    return Edit(index, best.start, best.end, best.name, original, best.name, best.rule, evidence,
                min(best_score, 0.99))


def confidence(candidate: Candidate, text: str, document: str) -> float:
    score = 0.6 + candidate.link.strength  # a gazetteer hit and a similarity link
    if document.count(candidate.name) > 0:
        score += 0.3  # spelled right elsewhere in the document
    if candidate.rule == "name:look-alike":
        reading = unidic_reading(text, candidate.start, candidate.start + candidate.position)
        if reading == "cut":
            return 0.0  # the span starts inside a word (核市 in 中核市): not a name
        score += 0.1 if reading == "apart" else -0.1
    if len(candidate.name) <= 2:
        score -= 0.2  # a one-character stem (津市) is too easy to hit by chance
    return score


def unidic_reading(text: str, start: int, position: int) -> str:
    """How UniDic reads the character at `position` of a span starting at
    `start`, within its run of letters: "apart" when it stands alone or is
    unknown (how a misread character shows: 美祿 -> 美 | 祿), "cut" when its
    word begins before the span (核市 in 中核市), else "word"."""
    run_start, run_end = letter_run(text, position, reach=LONGEST_STEM + 2)
    found = token_at(text[run_start:run_end], position - run_start)
    if found and found[0] + run_start < start:
        return "cut"
    return "apart" if falls_apart(text[run_start:run_end], position - run_start) else "word"


def evidence_text(candidate: Candidate, document: str) -> str:
    parts = [f"gazetteer {candidate.name}"]
    uses = document.count(candidate.name)
    if uses:
        parts.append(f"{uses}x in document")
    if candidate.position >= 0 and candidate.rule == "name:look-alike":
        parts.append(f"look-alike {candidate.link.label}")
    else:
        parts.append(candidate.rule.split(":")[1])
    return "; ".join(parts)
