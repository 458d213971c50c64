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
from functools import cache, lru_cache

import numpy as np
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
    text = joined.text
    census = LetterCensus(text)
    doubled, suspected = census.doubled_offsets(), census.suspect_offsets()
    if not doubled and not suspected:  # most documents: no word to look up, no pair to count
        return []
    in_names = name_offsets(text)
    pairs = PairCounts("\n".join(WORD_RUN.findall(text)))
    edits: list[Edit] = []
    for offset in doubled:
        if offset not in in_names:
            index, pos = joined.locate(offset)
            edits += doubled_edit(index, lines[index].text, pos, pairs)
    for offset in suspected:
        if offset not in in_names:
            index, pos = joined.locate(offset)
            # a variant form (﨑 of 崎, 髙 of 高) is no misreading of it: names keep theirs
            lookalikes = tuple(sorted(census.lookalikes_of(text[offset]) - variant_forms().get(text[offset], NONE)))
            edits += lookalike_edit(index, lines[index].text, pos, pairs, lookalikes, text,
                                    sides_across_breaks(lines, index, pos))
    return edits


class LetterCensus:
    """kanji_census, PairCounts.present, doubled_offsets and the per-offset
    test of pairs_with_neighbours, computed over the document's code points
    as arrays: the same answers at a fraction of the cost of a Python loop
    or a regex pass each, which every document paid though most need no
    edit. The kind of each distinct character (letter, kanji) comes from the
    same classes as WORD_RUN and HAN, asked once per character."""

    def __init__(self, text: str):
        # surrogatepass: a lone surrogate (a broken decode) is a code point like any other, no letter
        self.codes = codes = np.frombuffer(text.encode(UTF32, "surrogatepass"), dtype=np.uint32)
        self.kinds = kinds = char_kinds(codes)
        self.letter = kinds != NOT_LETTER
        self.han = kinds >= HAN_LETTER
        # letters next to a letter: the characters of the runs WORD_RUN finds
        joined = self.letter[:-1] & self.letter[1:]
        self.in_word = np.zeros(len(codes), dtype=bool)
        self.in_word[:-1] |= joined
        self.in_word[1:] |= joined
        # every pair of letters in a word, as pair_key makes it, sorted for lookups
        firsts, seconds = codes[:-1][joined].astype(np.uint64), codes[1:][joined].astype(np.uint64)
        self.present = np.sort(firsts << np.uint64(FIRST_SHIFT) | seconds << np.uint64(SECOND_SHIFT))

    def doubled_offsets(self) -> list[int]:
        """Where a kanji stands twice in a row (交交通網), in text order, as a
        scan of the text finds them: 交交交 once, at its start (a run's
        pairs taken from its left, none overlapping)."""
        codes = self.codes
        found: list[int] = []
        for offset in np.flatnonzero((codes[:-1] == codes[1:]) & self.han[:-1]).tolist():
            if not found or found[-1] != offset - 1:
                found.append(offset)
        return found

    def suspect_offsets(self) -> list[int]:
        """The offsets, in text order, of the rare kanji (seen at most RARE
        times in words) linked to a frequent one (suspects) where some
        look-alike is seen beside a neighbour as pairs_with_neighbours
        asks: the few places a correction is to be looked for."""
        # numerals are the context rules' business
        kanji, counts = value_counts(self.codes[self.in_word & (self.kinds == HAN_LETTER)])
        frequent, rare = kanji[counts > RARE], kanji[counts <= RARE]
        if not len(rare) or not len(frequent):
            return []
        # every (rare kanji, linked character) as two columns; the frequent ones are its look-alikes
        linked = [neighbour_codes(code) for code in rare.tolist()]
        owners = np.repeat(np.arange(len(rare)), [len(codes) for codes in linked])
        others = np.concatenate(linked)
        frequent_other = code_table(frequent, np.ones(len(frequent), dtype=bool), False)(others)
        self.lookalikes, owners = others[frequent_other], owners[frequent_other]
        if not len(owners):
            return []
        # each rare kanji's look-alikes are lookalikes[first:stop]
        self.rare = rare
        order = np.arange(len(rare))
        self.first, self.stop = np.searchsorted(owners, order), np.searchsorted(owners, order, "right")
        suspects = self.stop > self.first
        owner_at = code_table(rare[suspects], order[suspects], -1)(self.codes)
        offsets = np.flatnonzero(owner_at >= 0)
        owner_at = owner_at[offsets]
        return self.seen_beside_offsets(offsets, self.first[owner_at], (self.stop - self.first)[owner_at])

    def seen_beside_offsets(self, offsets, first, count) -> list[int]:
        """pairs_with_neighbours at these offsets, for all the look-alikes
        of each (lookalikes[first:first + count]) at once: a row for each."""
        codes, size = self.codes, len(self.codes)
        at = np.repeat(offsets, count)
        # a row's look-alike: its offset's first plus the row's place among the offset's rows
        run_starts = np.repeat(np.cumsum(count) - count, count)
        others = self.lookalikes[np.repeat(first, count) + np.arange(len(at)) - run_starts].astype(np.uint64)
        left_at, right_at = np.maximum(at - 1, 0), np.minimum(at + 1, size - 1)
        # a line break is no neighbour; nor is the text's edge
        has_left = (at > 0) & (codes[left_at] != NEWLINE)
        has_right = (at + 1 < size) & (codes[right_at] != NEWLINE)
        shift_first, shift_second = np.uint64(FIRST_SHIFT), np.uint64(SECOND_SHIFT)
        left_pairs = codes[left_at].astype(np.uint64) << shift_first | others << shift_second
        right_pairs = others << shift_first | codes[right_at].astype(np.uint64) << shift_second
        before = has_left & member_of(self.present, left_pairs)
        after = has_right & member_of(self.present, right_pairs)
        # seen_beside, row by row
        seen = (before | after) & (before | ~(has_left & self.han[left_at])) & (after | ~(has_right & self.han[right_at]))
        return np.unique(at[seen]).tolist()

    def lookalikes_of(self, char: str) -> frozenset[str]:
        """A suspect's frequent look-alikes: neighbours(char) & frequent."""
        k = int(np.searchsorted(self.rare, ord(char)))
        return frozenset(map(chr, self.lookalikes[self.first[k]:self.stop[k]].tolist()))


def code_table(codes, values, missing):
    """A lookup from code points to values (missing for any other code
    point): an array indexed by the code point, as long as the largest."""
    table = np.full(int(codes[-1]) + 2 if len(codes) else 1, missing, dtype=np.asarray(values).dtype)
    table[codes] = values
    return lambda looked_up: table[np.minimum(looked_up, len(table) - 1)]


def member_of(ascending, values):
    """Whether each of values is in the ascending array."""
    if not len(ascending):
        return np.zeros(len(values), dtype=bool)
    return ascending[np.minimum(np.searchsorted(ascending, values), len(ascending) - 1)] == values


@lru_cache(maxsize=8192)
def neighbour_codes(code: int):
    """neighbours() of a character as an ascending array of code points."""
    return np.array(sorted(map(ord, neighbours(chr(code)))), dtype=np.uint32)


def value_counts(values) -> tuple:
    """The distinct values, ascending, and how often each occurs."""
    values = np.sort(values)
    starts = np.flatnonzero(np.concatenate(([True], values[1:] != values[:-1])))
    return values[starts], np.diff(np.append(starts, len(values)))


# NUMERAL_LETTER: a kanji among NUMERALS
NOT_LETTER, OTHER_LETTER, HAN_LETTER, NUMERAL_LETTER, UNKNOWN = 0, 1, 2, 3, 255
NEWLINE = ord("\n")
# The kind of every code point, as LETTER and HAN class it, filled in as
# characters are first met: a property of the character, asked once per process.
KINDS = np.full(sys.maxunicode + 1, UNKNOWN, dtype=np.uint8)


def char_kinds(codes):
    """HAN_LETTER, NUMERAL_LETTER, OTHER_LETTER (kana, ー) or NOT_LETTER for each code point."""
    kinds = KINDS[codes]
    unknown = kinds == UNKNOWN
    if unknown.any():
        for code in set(codes[unknown].tolist()):
            char = chr(code)
            KINDS[code] = ((NUMERAL_LETTER if char in NUMERALS else HAN_LETTER) if HAN.match(char)
                           else OTHER_LETTER if LETTER.match(char) else NOT_LETTER)
        kinds = KINDS[codes]
    return kinds


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


def seen_beside(before: bool, after: bool, left: str, right: str) -> bool:
    """Whether a look-alike may stand between left and right, given whether
    the document writes it after left (before) and before right (after):
    beside each neighbouring kanji (高坎の is not 高域の), and beside at least
    one neighbour; a kana neighbour may be a particle that starts the next
    word (この運携)."""
    return (before or after) and (before or not is_han(left)) and (after or not is_han(right))


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
