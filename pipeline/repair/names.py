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

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import regex

from pipeline.gazetteer import gazetteer
from pipeline.model import Line
from pipeline.repair.edits import Edit, Joined
from pipeline.repair.glyphs import Link, link, lookalike_pairs, neighbours
from pipeline.repair.reading import falls_apart, letter_run, token_at

SUFFIXES = "市町村区県"
# Where a name can end: its suffix or a look-alike of it (巿, 币, 叮); 村's
# component look-alikes are every kanji with 木 on the left, too many to scan.
NAME_ENDS = (frozenset(SUFFIXES) | frozenset(c for s in SUFFIXES for c in lookalike_pairs().get(s, ()))
             | frozenset(c for s in "市町区" for c in neighbours(s)))
# A plain set of characters: the standard re module scans a document for
# them four times faster than regex (0.18 -> 0.05 ms a document), with the same matches.
NAME_END = re.compile("[" + "".join(re.escape(c) for c in sorted(NAME_ENDS)) + "]")
LETTERS_BEFORE = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}ー々ヶ]+$")  # searched up to a name's end
SUFFIX = regex.compile(f"[{SUFFIXES}]")
KANJI_OR_KATAKANA = regex.compile(r"[\p{Han}\p{Katakana}]")
NAME_CHAR = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}ー々ヶ]")
LONGEST_STEM = 6
# A name missing one character is restored only when it cannot be one of these words (本市, 同町).
DETERMINERS = frozenset("本同両各当全他前後該旧新市町村")
GENERIC_PLACE = frozenset("市町村区")


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
    document = joined.text
    written: dict[tuple[str, ...], bool] = {}

    def writes_one_of(names: tuple[str, ...]) -> bool:  # the same tails recur through a document
        if names not in written:
            written[names] = any(name in document for name in names)
        return written[names]

    for match in NAME_END.finditer(document):
        end = match.end()
        # most ends offer nothing whatever the line, as the letters before them tell (a line
        # break ends them as a line's start does; a space across one only costs a closer look)
        _, known, found, settled, lacking = tail_reading(document[max(0, end - 1 - LONGEST_STEM):end])
        if not found and (settled or known is None and not writes_one_of(lacking)
                          and " " not in document[max(0, end - LONGEST_STEM - 2):end]):
            continue
        index, pos = joined.locate(match.start())
        text = lines[index].text
        candidates = [c for c in candidates_at(text, pos + 1, joined.text)
                      if not is_generic_phrase(text[c.start:c.end], c.name, joined.text)
                      and not is_district_in_address(text, c) and not is_person_after_title(text, c)]
        if candidates and not inside_known_name(text, pos + 1):
            edit = best_edit(index, text, candidates, joined.text)
            if edit:
                edits.append(edit)
    return edits


def is_generic_phrase(span: str, name: str, document: str) -> bool:
    """両市町 (both towns), 各市町村, 本市: a determiner before 市/町/村 is
    how agreements speak of the parties, not a place name misread (下市町),
    unless the document writes that name elsewhere."""
    return (len(span) > 1 and span[0] in DETERMINERS and all(c in GENERIC_PLACE for c in span[1:])
            and name not in document)


# What a municipality's name ends with; a prefecture (広島県) is followed by one.
MUNICIPALITY_END = frozenset("市町村区")
DISTRICT_END = frozenset("町村")


def is_district_in_address(text: str, candidate: Candidate) -> bool:
    """府中市府川町: a 町 or 村 right after a municipality's name is the
    address going on (a 町名 or 大字 of 府中市), not a municipality misread;
    municipalities follow their prefecture or 郡, or stand apart. The
    district's name may open with kanji the span leaves out (西都市聖陵町:
    陵町 is no 綾町 misread, it ends 聖陵町)."""
    if candidate.name[-1] not in DISTRICT_END:
        return False
    before = text[:candidate.start]
    if before[-1:] not in MUNICIPALITY_END:
        head = DISTRICT_HEAD_AT_END.search(before, max(0, len(before) - DISTRICT_HEAD - 1))
        before = before[:head.start()] if head else ""
    return before[-1:] in MUNICIPALITY_END and ends_with_name(before)


# The kanji of a district's name before the span a candidate covers (at most
# this many, none a municipality's suffix), after a municipality's suffix.
DISTRICT_HEAD = 3
DISTRICT_HEAD_AT_END = regex.compile(rf"(?<=[市町村区])(?:(?![市町村区])\p{{Han}}){{1,{DISTRICT_HEAD}}}$")


# A head's title ending the text before a signer's name (宮崎市長 川﨑市郎).
HEAD_TITLE_BEFORE = regex.compile(r"(?:[市町村区]長|知事)\s*$")


def is_person_after_title(text: str, candidate: Candidate) -> bool:
    """宮崎市長 川﨑市郎: a span right after a head's title that the name goes
    on past (市郎) is the person signing, kept as written; a municipality's
    name never follows a head's title but as another title (…長)."""
    after = text[candidate.end:candidate.end + 1]
    return (bool(after) and after != "長" and bool(NAME_CHAR.match(after))
            and bool(HEAD_TITLE_BEFORE.search(text, max(0, candidate.start - 4), candidate.start)))


def candidates_at(text: str, end: int, document: str) -> list[Candidate]:
    """The corrections on offer for a name ending at `end` (exclusive)."""
    window = max(0, end - 1 - LONGEST_STEM)
    tail_start, known, found, settled, lacking = tail_reading(text[window:end])
    start = window + tail_start
    candidates = [Candidate(start + offset, end, name, rule, similarity, position)
                  for offset, name, rule, similarity, position in found]
    if settled:
        return candidates
    if known is not None:
        return candidates + majority_candidates(start + known, end, text[start + known:end], document)
    if any(name in document for name in lacking):  # mostly no such name at all
        tail = text[start:end]
        dropped = dropped_char_names(document)
        for offset in range(len(tail) - 1):
            span = tail[offset:]
            for name in dropped.get(span, ()):  # mostly none: no list built per offset
                if may_lack_a_char(text, start + offset, span, name, document):
                    candidates.append(Candidate(start + offset, end, name, "name:dropped", Link("component", "dropped"), -1))
    if " " in text[max(0, end - LONGEST_STEM - 2):end]:
        candidates += spaced_candidates(text, end)
    return candidates


@lru_cache(maxsize=65536)
def tail_reading(window: str) -> tuple[int, int | None, tuple, bool, tuple[str, ...]]:
    """What the letters ending a window of text at a name's end (its
    LONGEST_STEM + 1 characters) offer whatever the document: where its
    tail of letters starts, tail_candidates of that tail, whether those are
    all the candidates there can be (settled: a look-alike of a suffix
    (方, 略 for 市, 町) ends only a look-alike name, a known name without a
    hand-listed rival admits no other), and the names that lose a character
    to a span of the tail (lacking, as dropped_char_names pairs them, whose
    document must write one of them for a dropped character). A pure
    function of a few characters: the same phrases (各市町, 都市) recur
    through every document, and most offer nothing."""
    run = LETTERS_BEFORE.search(window, 0, len(window) - 1)
    start = run.start() if run else len(window) - 1
    tail = window[start:]
    known, found = tail_candidates(tail)
    settled = tail[-1] not in name_last_chars() or (known is not None and not table_lookalike_names(tail[known:]))
    lacking = tuple(name for offset in range(len(tail) - 1) for name in names_less_a_char().get(tail[offset:], ()))
    return start, known, found, settled, lacking


@lru_cache(maxsize=1)
def names_less_a_char() -> dict[str, tuple[str, ...]]:
    """dropped_char_names for a document naming every municipality twice:
    the known names of three characters or more by each form with one
    character before the suffix dropped (美市, 祢市 -> 美祢市)."""
    index: dict[str, list[str]] = {}
    for name in gazetteer().by_name:
        if len(name) >= 3:
            for i in range(len(name) - 1):
                index.setdefault(name[:i] + name[i + 1:], []).append(name)
    return {key: tuple(values) for key, values in index.items()}


@lru_cache(maxsize=65536)
def tail_candidates(tail: str) -> tuple[int | None, tuple[tuple[int, str, str, Link, int], ...]]:
    """(offset of the longest known name ending the tail or None, the names
    one look-alike or one doubled character away from a longer span ending
    the tail as (offset, name, rule, link, position)). A known name ending
    here only lets longer spans compete: 夬阪狭山市 holds 狭山市 but is 大阪狭山市,
    輪輪島市 is 輪島市. Depends on the tail only, so repeated phrases
    (各市町, 都市) cost one lookup."""
    names = gazetteer().by_name
    spans = [(offset, tail[offset:]) for offset in range(len(tail) - 1)]
    known = next((offset for offset, span in spans if span in names), None)
    found = []
    for offset, span in spans[:known]:
        for i in range(len(span)):
            for name, position in wildcard_index().get(span[:i] + "?" + span[i + 1:], ()):
                similarity = link(span[i], name[i])
                if similarity and position == i:
                    found.append((offset, name, "name:look-alike", similarity, i))
        for i in range(len(span) - 1):
            if span[i] == span[i + 1] and span[:i] + span[i + 1:] in names:
                found.append((offset, span[:i] + span[i + 1:], "name:doubled", Link("table", "doubled"), i))
    return known, tuple(found)


@lru_cache(maxsize=1)
def name_last_chars() -> frozenset[str]:
    """The characters a municipality's name ends with (市, 町, 村, 区, 県, 都, …)."""
    return frozenset(name[-1] for name in gazetteer().by_name)


def majority_candidates(start: int, end: int, name: str, document: str) -> list[Candidate]:
    """A known name written once, a hand-listed look-alike away from another
    known name the document writes at least twice (由良町 once, 甲良町 three
    times): the document's spelling wins."""
    rivals = table_lookalike_names(name)
    if not rivals or document.count(name) != 1:  # most names have no rival: no need to count
        return []
    return [Candidate(start, end, other, "name:document-majority", similarity, i)
            for other, i, similarity in rivals if document.count(other) >= 2]


@lru_cache(maxsize=4096)
def table_lookalike_names(name: str) -> tuple[tuple[str, int, Link], ...]:
    """(other name, position, link) for the known names one hand-listed
    look-alike away from `name` (甲良町 for 由良町)."""
    found = []
    for i in range(len(name)):
        for other, _ in wildcard_index().get(name[:i] + "?" + name[i + 1:], ()):
            similarity = link(name[i], other[i])
            if other != name and similarity and similarity.kind == "table":
                found.append((other, i, similarity))
    return tuple(found)


def may_lack_a_char(text: str, start: int, span: str, name: str, document: str) -> bool:
    """A span can be `name` with a character lost when it starts a word (not
    after another kanji: 西松市 is a misread, not a loss), does not start
    with a determiner (本市, 同町), and is a one-off in the document while
    the name is not (都市, written twenty times, is a word)."""
    if start > 0 and not after_boundary(text, start):
        return False
    if span[0] in DETERMINERS:
        return False
    standalone = document.count(span) - (document.count(name) if span in name else 0)
    return standalone <= 1 and document.count(name) >= 2


def after_boundary(text: str, start: int) -> bool:
    """True when a name may begin at start: at the line's start, after a
    non-kanji, or after its prefecture or 郡 (山口県美祢市, 和気郡和気町)."""
    before = text[start - 1:start]
    return not before or before in "県郡都府道" or not KANJI_OR_KATAKANA.match(before)


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


@lru_cache(maxsize=8)
def known_names(document: str) -> list[tuple[int, int, str]]:
    """Gazetteer names in the document, found around each suffix character
    (much cheaper than scanning every position)."""
    names = gazetteer().by_name
    found = []
    for match in SUFFIX.finditer(document):
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
    if best_score < 0.4:
        return None  # not even worth a warning
    original = text[best.start:best.end]
    evidence = evidence_text(best, document)
    if rivals:
        evidence += "; also " + ",".join(sorted(rivals))
    return Edit(index, best.start, best.end, best.name, original, best.name, best.rule, evidence,
                min(best_score, 0.99))


def confidence(candidate: Candidate, text: str, document: str) -> float:
    score = 0.6 + candidate.link.strength  # a gazetteer hit and a similarity link
    if uses_elsewhere(candidate, text, document) > 0:
        score += 0.3  # spelled right elsewhere in the document
    if candidate.rule == "name:look-alike":
        reading = unidic_reading(text, candidate.start, candidate.start + candidate.position)
        if reading == "cut":
            return 0.0  # the span starts inside a word (核市 in 中核市): not a name
        score += 0.1 if reading == "apart" else -0.1
    if not after_boundary(text, candidate.start):
        score -= 0.1  # names follow a boundary or their prefecture/郡; 郡賀町 inside 和気郡賀町 does not
    if len(candidate.name) <= 2:
        score -= 0.2  # a one-character stem (津市) is too easy to hit by chance
    return round(score, 2)


def uses_elsewhere(candidate: Candidate, text: str, document: str) -> int:
    """The name's uses in the document outside the span being corrected."""
    return document.count(candidate.name) - text[candidate.start:candidate.end].count(candidate.name)


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
    if uses:  # (counted over the whole document, as a reviewer would search it)
        parts.append(f"{uses}x in document")
    if candidate.position >= 0 and candidate.rule == "name:look-alike":
        parts.append(f"look-alike {candidate.link.label}")
    else:
        parts.append(candidate.rule.split(":")[1])
    return "; ".join(parts)
