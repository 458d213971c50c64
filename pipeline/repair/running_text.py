"""Running text: a rare character that the document writes, in the same
place of the same word, as a frequent look-alike (園域 once, 圏域 twenty times).

Cheap on clean text: only kanji seen at most RARE times in the document are
examined, and UniDic is consulted only for those with a linked look-alike
whose pair of characters (with the left or right neighbour) the document
uses. The change needs the document's majority, a similarity link, and
UniDic's reading: the original falls apart, the correction is a word. Where
UniDic reads both alike (都市園, 都市圏: 都市 | a suffix), the document's own
kanji word decides instead: written TIE_SUPPORT times with a hand-listed
look-alike, and this spelling nowhere else.
"""
from __future__ import annotations

import sys
from collections import Counter
from functools import cache

import regex

from pipeline.model import Line
from pipeline.repair.edits import Edit, Joined
from pipeline.repair.glyphs import link, neighbours, variant_forms
from pipeline.repair.names import known_names
from pipeline.repair.reading import better_reading, letter_run, makes_word, oddness, reads_alike, token_at

RARE = 2  # a misread character is rare in its document
SUPPORT = 2  # uses of the corrected pair that make a majority
TIE_SUPPORT = 3  # uses of the corrected kanji word when UniDic reads both alike
# Words as runs of kanji and kana (取り組む): the pairs a misread breaks.
WORD_RUN = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}ー]{2,}")
HAN = regex.compile(r"\p{Han}")
NOT_HAN = regex.compile(r"\P{Han}+")
LETTER = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}ー]")
# Numerals are the context rules' business: a date or label must parse, not just read well.
NUMERALS = frozenset("〇一二三四五六七八九十百千万元")
NONE: frozenset[str] = frozenset()


def kanji_census(text: str) -> tuple[str, Counter, frozenset[str]]:
    """The document's words (runs of letters, one a line), how often each
    kanji stands in them, and the kanji seen more than RARE times."""
    words = "\n".join(WORD_RUN.findall(text))
    # the kanji alone (a C pass drops the kana, some half the letters), counted at C speed
    counts = Counter(NOT_HAN.sub("", words))
    return words, counts, frozenset(ch for ch, n in counts.items() if n > RARE) - NUMERALS


@cache
def is_han(char: str) -> bool:
    return HAN.match(char) is not None


# The district an address names after its municipality, up to the lot number
# (金沢市広坂1丁目, 山形市旅篭町二丁目3番, 内灘町字大学1丁目2番地): a place name,
# which the words the document repeats elsewhere (広域) say nothing about.
ADDRESS_DISTRICT = regex.compile(r"[\p{Han}\p{Katakana}ー々]{1,10}?(?=(?:\d+|[一二三四五六七八九十〇]+)\s*(?:丁目|番|号|-))")


def name_offsets(text: str) -> set[int]:
    """Offsets inside a municipality the gazetteer knows (二戸市 is no
    misreading of 二百) and inside the district of an address after it."""
    offsets: set[int] = set()
    for start, end, _ in known_names(text):
        district = ADDRESS_DISTRICT.match(text, end)
        offsets.update(range(start, district.end() if district else end))
    return offsets


def running_text_edits(lines: list[Line]) -> list[Edit]:
    joined = Joined.of(lines)
    words, counts, frequent = kanji_census(joined.text)
    variants = variant_forms()
    suspects = {ch: found for ch, n in counts.items()  # a variant form (﨑 of 崎) is no misreading of it
                if n <= RARE and ch not in NUMERALS and (found := (neighbours(ch) - variants.get(ch, NONE)) & frequent)}
    pairs = PairCounts(words)
    text = joined.text
    doubled = doubled_offsets(text, pairs.present)
    if not suspects and not doubled:
        return []
    in_names = name_offsets(text)
    edits: list[Edit] = []
    for offset in doubled:
        if offset not in in_names:
            index, pos = joined.locate(offset)
            edits += doubled_edit(index, lines[index].text, pos, pairs)
    for offset in sorted(offsets_of(text, suspects)):
        lookalikes = suspects[text[offset]]
        if offset not in in_names and pairs_with_neighbours(text, offset, lookalikes, pairs.present):
            index, pos = joined.locate(offset)
            edits += lookalike_edit(index, lines[index].text, pos, pairs, tuple(sorted(lookalikes)), text,
                                    sides_across_breaks(lines, index, pos))
    return edits


def sides_across_breaks(lines: list[Line], index: int, pos: int) -> tuple[str, str]:
    """The characters before and after lines[index].text[pos], across the
    break of a line that runs to the right margin of its page: wrapped
    there, it may end inside a word (会議を開 | 催する), whose other half is
    the neighbour. Elsewhere a line break ends the word (a heading, a row)."""
    text = lines[index].text
    left = text[pos - 1] if pos else ""
    if not left and index and lines[index - 1].at_margin:
        left = lines[index - 1].text[-1:]
    right = text[pos + 1] if pos + 1 < len(text) else ""
    if not right and lines[index].at_margin and index + 1 < len(lines):
        right = lines[index + 1].text[:1]
    return left.strip(), right.strip()


def pairs_with_neighbours(text: str, offset: int, lookalikes: frozenset[str], present: set[int]) -> bool:
    """Whether some look-alike is seen beside this character's neighbours
    as a correction needs (seen_beside): most rare characters are rare
    words, and these set lookups spare them the full look. A line break is
    no neighbour: at a line's edge only the neighbour on the line counts
    here. Runs some hundred times a document, hence pair_key written out."""
    left = text[offset - 1] if offset and text[offset - 1] != "\n" else ""
    right = text[offset + 1] if offset + 1 < len(text) and text[offset + 1] != "\n" else ""
    left_code = ord(left) << FIRST_SHIFT if left else -1
    right_code = ord(right) << SECOND_SHIFT if right else -1
    for other in lookalikes:
        code = ord(other)
        before = left_code >= 0 and left_code | code << SECOND_SHIFT in present
        after = right_code >= 0 and code << FIRST_SHIFT | right_code in present
        if (before or after) and seen_beside(before, after, left, right):  # mostly neither: no call
            return True
    return False


def seen_beside(before: bool, after: bool, left: str, right: str) -> bool:
    """Whether a look-alike may stand between left and right, given whether
    the document writes it after left (before) and before right (after):
    beside each neighbouring kanji (高坎の is not 高域の), and beside at least
    one neighbour; a kana neighbour may be a particle that starts the next
    word (この運携)."""
    return (before or after) and (before or not is_han(left)) and (after or not is_han(right))


def doubled_offsets(text: str, present: set[int]) -> list[int]:
    """Where a kanji stands twice in a row (交交通網), in text order, as a
    scan of the text would find them (交交交: once, at its start). The
    document's pairs already say which kanji are doubled, mostly none: half
    the time of a regex scan."""
    found = []
    for char in {chr(key & LOW_HALF) for key in present if key >> 32 == key & LOW_HALF}:
        if is_han(char):
            pair, offset = char + char, text.find(char + char)
            while offset >= 0:
                found.append(offset)
                offset = text.find(pair, offset + 2)
    return sorted(found)


def offsets_of(text: str, chars) -> list[int]:
    """Every offset of each (rare) character: str.find, no pattern to compile per document."""
    found = []
    for char in chars:
        offset = text.find(char)
        while offset >= 0:
            found.append(offset)
            offset = text.find(char, offset + 1)
    return found


class PairCounts:
    """How often the document's words hold a two-character string. Which
    pairs occur is known at once (pair_keys); a count is taken only for a
    pair that occurs and is asked for."""

    def __init__(self, words: str):
        self.words = words
        self.present = pair_keys(words)
        self.known: dict[str, int] = {}

    def has(self, pair: str) -> bool:
        return len(pair) == 2 and pair_key(pair[0], pair[1]) in self.present

    def get(self, pair: str, default: int = 0) -> int:
        if not self.has(pair):
            return default
        count = self.known.get(pair)
        if count is None:
            count = self.known[pair] = overlapping_count(self.words, pair)
        return count

    __getitem__ = get


def pair_keys(text: str) -> set[int]:
    """Every overlapping pair of characters in text, each as one integer
    (pair_key): the text in UTF-32 read as 8-byte integers at both
    alignments. Three times faster than a string per pair, and this runs
    on every document."""
    data = memoryview(text.encode(UTF32))
    keys = set(data[:len(data) // 8 * 8].cast("Q"))
    keys.update(data[4:][:(len(data) - 4) // 8 * 8].cast("Q"))
    return keys


# The code points of two characters as pair_keys reads them from memory.
UTF32 = "utf-32-le" if sys.byteorder == "little" else "utf-32-be"
SECOND_SHIFT, FIRST_SHIFT = (32, 0) if sys.byteorder == "little" else (0, 32)
LOW_HALF = (1 << 32) - 1


def pair_key(first: str, second: str) -> int:
    return ord(first) << FIRST_SHIFT | ord(second) << SECOND_SHIFT


def overlapping_count(text: str, pair: str) -> int:
    """Occurrences, overlapping ones included (交交交 holds 交交 twice)."""
    if pair[0] != pair[-1]:
        return text.count(pair)
    count, offset = 0, text.find(pair)
    while offset >= 0:
        count, offset = count + 1, text.find(pair, offset + 1)
    return count


def joins_two_words(text: str, pos: int, pairs: PairCounts) -> bool:
    """定例会|会議録, 中心市|市長: the first copy ends a compound the document
    writes elsewhere too, before another word than the one the removal
    would make (定例会の, not 定例会議), and UniDic reads the second copy as
    the start of a word. 政策分分野 is no such case: 策分 stands only in 政策分野;
    nor 交交通網, where な ends no word."""
    before, char, after = text[pos - 1:pos], text[pos], text[pos + 2:pos + 3]
    if not before or not is_han(before):
        return False
    elsewhere = pairs.words.count(before + char) - (pairs.words.count(before + char + after) if after else 0)
    if elsewhere < SUPPORT:
        return False
    start, end = letter_run(text, pos + 1)
    found = token_at(text[start:end], pos + 1 - start)
    return (found is not None and found[0] == pos + 1 - start
            and len(found[1].surface) > 1 and not found[1].is_unk)


def lookalike_edit(index: int, text: str, pos: int, pairs: PairCounts, lookalikes: tuple[str, ...],
                   document: str, sides: tuple[str, str]) -> list[Edit]:
    """The look-alike whose pair with a neighbouring kanji (sides, across a
    wrapped line's break) the document uses most, if UniDic reads the result
    better, or reads both alike and the document's own kanji word settles
    it (same_reading_edit)."""
    char = text[pos]
    left, right = sides
    best, best_support = "", 0
    left = left if left and LETTER.match(left) else ""
    right = right if right and LETTER.match(right) else ""
    if not left and not right:
        return []
    best_sides = 0
    for other in lookalikes:  # sorted, so ties resolve the same way in every run
        before = pairs.get(left + other, 0) if left else 0
        after = pairs.get(other + right, 0) if right else 0
        if not seen_beside(before > 0, after > 0, left, right):
            continue
        # seen beside both neighbours beats any count beside one: 役割を捲う is
        # 担う (を担, 担う), not the 推 of を推進 written more often
        support, sides = max(before, after), (before > 0) + (after > 0)
        if (sides, support) > (best_sides, best_support):
            best, best_support, best_sides = other, support, sides
    if not best:
        return []
    reading = better_reading(text, pos, best)
    if not reading:
        return same_reading_edit(index, text, pos, best, document)
    original, fixed = reading
    similarity = link(char, best)
    confidence = 0.65 + similarity.strength + (0.1 if best_support >= SUPPORT else -0.2)
    evidence = f"document writes {best} {best_support}x beside the same character; look-alike {similarity.label}"
    return [Edit(index, pos, pos + 1, best, original, fixed, "text:document-majority", evidence, confidence)]


def same_reading_edit(index: int, text: str, pos: int, other: str, document: str) -> list[Edit]:
    """広域都市園 -> 広域都市圏: UniDic reads a suffix kanji and its look-alike
    alike (都市 | 園, 都市 | 圏), so it says nothing either way. A hand-listed
    look-alike and the document's own kanji word then decide: the word with
    the look-alike written TIE_SUPPORT times, this spelling nowhere else."""
    similarity = link(text[pos], other)
    if similarity is None or similarity.kind != "table":
        return []
    start, end = letter_run(text, pos, reach=2, letter=HAN)  # 都市園 in 広域都市園の
    word = text[start:end]
    corrected = word[:pos - start] + other + word[pos - start + 1:]
    if len(word) < 2 or document.count(word) != 1 or document.count(corrected) < TIE_SUPPORT:
        return []
    run_start, run_end = letter_run(text, pos)
    original = text[run_start:run_end]
    fixed = original[:pos - run_start] + other + original[pos - run_start + 1:]
    if not reads_alike(original, fixed):
        return []
    evidence = (f"UniDic reads {word} and {corrected} alike; the document writes {corrected} "
                f"{document.count(corrected)}x, {word} once; look-alike {similarity.label}")
    return [Edit(index, pos, pos + 1, other, original, fixed, "text:document-word", evidence, 0.8)]


def doubled_edit(index: int, text: str, pos: int, pairs: PairCounts) -> list[Edit]:
    """交交通網 -> 交通網: a kanji printed twice, once only in the document,
    where the single form is how the document writes the word elsewhere."""
    char = text[pos]
    if pairs.get(char + char, 0) > 1 or joins_two_words(text, pos, pairs):
        return []
    left, right = text[pos - 1:pos], text[pos + 2:pos + 3]
    sides = [pair for pair in (left + char, char + right) if len(pair) == 2 and LETTER.match(pair.replace(char, "", 1))]
    if not sides or max(pairs.get(pair, 0) for pair in sides) < SUPPORT:
        return []
    start, end = letter_run(text, pos)
    original = text[start:end]
    fixed = original[:pos - start] + original[pos - start + 1:]
    if not (oddness(fixed) < oddness(original) and makes_word(fixed, pos - start)):
        return []
    evidence = f"{char} doubled once; the document writes {max(sides, key=pairs.__getitem__)} {max(pairs[p] for p in sides)}x"
    return [Edit(index, pos, pos + 2, char, original, fixed, "text:doubled", evidence, 0.8)]
