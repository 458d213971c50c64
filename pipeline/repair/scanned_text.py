"""Scanned text: on lines read by OCR, a kanji the document uses once or
twice, standing where the document's majority writes another kanji in the
same words (疾域の中心的な once, 圏域の中心的な twenty times).

Tesseract reads a dense kanji as a different dense kanji from one page to
the next (圏 as 剛, 疾, 贈, 較): pairs that share no component, so the
look-alike rule (running_text.py) cannot link them. Here the evidence is
the document itself, the first of three that holds:
  surroundings  the characters on both sides, up to CONTEXT of them, seen
                around the corrected kanji MAJORITY times and clearly more
                often than around any other kanji (関係困村との: 関係町村との 8x);
  word          a two-kanji word written WORD_MAJORITY times, where this
                kanji makes none with its neighbour (あふれる較域を: 圏域 40x);
  phrase        PHRASE letters around it written whole with one other kanji,
                and nowhere with this one (経済の礼野拡大: 経済の裾野拡大).
Two rare kanji side by side (剛城内の) are first read as a pair: the two
kanji the document writes between the same neighbours (圏域内の).
and UniDic must read the result better (as well, for the surroundings).
A correctly written rare word (流域, 区域, 内外) is a word to UniDic: kept.
Only lines from scanned pages are read: in a text layer or a text file a
rare kanji is what the author wrote.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import replace

import regex

from pipeline.japanese import tagger
from pipeline.model import Line
from pipeline.repair.edits import Edit, Joined
from pipeline.repair.reading import LETTER, better_reading, falls_apart, letter_run, oddness
from pipeline.repair.running_text import NUMERALS, PairCounts, is_han, kanji_census, name_offsets, seen_beside

CONTEXT = 3  # characters on each side compared
MAJORITY = 4  # uses of the corrected context before a change is made
CLEAR = 2  # ... and this many times as many as any other kanji's; more than the original's
WORD_MAJORITY = 10  # uses of a two-kanji word that outvote its misread, in any context
# A word written this often beside the same kanji splits the vote (圏域 9x, 地域 12x):
# the surroundings must then choose.
RIVAL_WORD = WORD_MAJORITY // 2
FAR_RARER = 4  # ... this many times as many as the misread pair's
# A kanji before these ends a place name (紋別市, read 紋市) more often than a word.
PLACE_SUFFIXES = frozenset("都道府県市区町村郡")
PHRASE = 5  # letters around the kanji that, recurring whole, name the kanji meant
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
    """The lines with these replacements made, each as long as what it replaces (offsets stay valid)."""
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
        suspects = [match.start() for match in HAN.finditer(line.text)
                    if counts[match.group()] <= SUSPECT_MAX and match.group() not in NUMERALS
                    and joined.starts[index] + match.start() not in in_names]
        at, taken = set(suspects), -1  # taken: the second kanji of a pair corrected together
        for pos in suspects:
            if pos == taken:
                continue
            found = pair_edit(index, line.text, pos, joined.text) if pos + 1 in at else []
            taken = pos + 1 if found else -1
            edits += found or majority_edit(index, line.text, pos, joined.text, frequent, pairs, counts)
    return edits


def pair_edit(index: int, text: str, pos: int, document: str) -> list[Edit]:
    """剛城内外 for 圏域内外: two rare kanji side by side, each misread, so
    neither has the other as the neighbour its correction needs. The two
    kanji the document writes most between the same neighbours (CONTEXT
    letters each side, or on one side where a cell opens or a line ends
    beside them), MAJORITY times and CLEAR times any
    other pair's, where both kanji fall apart and UniDic reads the result better."""
    left = LETTERS_BEFORE.search(text[max(0, pos - CONTEXT):pos]).group()
    right = LETTERS_AFTER.match(text, pos + 2, pos + 2 + CONTEXT).group()
    if len(left) + len(right) < CONTEXT or not (left and right or max(len(left), len(right)) == CONTEXT):
        return []  # too little said: the phrase must recur whole, on one side where a cell opens or ends
    best, uses = pair_between(document, left, right, text[pos:pos + 2])
    if not best or best[0] == text[pos] or best[1] == text[pos + 1]:
        return []  # one kanji right: the single corrections' business
    start, end = letter_run(text, pos)
    original = text[start:end]
    fixed = original[:pos - start] + best + original[pos - start + 2:]
    if (is_word(text[pos:pos + 2]) or not any(falls_apart(original, at) for at in (pos - start, pos - start + 1))
            or oddness(fixed) >= oddness(original)):
        return []  # 裾野 is a word; 剛城内外 is 剛 | 城内 | 外, 剛 alone
    evidence = (f"scanned page; two kanji misread side by side: the document writes {left}{best}{right} "
                f"{uses}x; UniDic reads {fixed}")
    return [Edit(index, pos, pos + 2, best, original, fixed, "text:scanned-pair", evidence, 0.8)]


def pair_between(document: str, left: str, right: str, misread: str) -> tuple[str, int]:
    """(two kanji, uses) the document writes between left and right MAJORITY
    times and CLEAR times as often as any other two; ("", 0) if none."""
    between = Counter(match[1] for match in regex.finditer(
        f"{regex.escape(left)}(\\p{{Han}}{{2}}){regex.escape(right)}", document, overlapped=True))
    between.pop(misread, None)
    ranked = between.most_common(2)
    if not ranked or ranked[0][1] < MAJORITY or (len(ranked) > 1 and ranked[0][1] < CLEAR * ranked[1][1]):
        return "", 0
    return ranked[0]


def majority_edit(index: int, text: str, pos: int, document: str, frequent: frozenset[str],
                  pairs: PairCounts, counts: Counter) -> list[Edit]:
    """The kanji the document writes instead, by the first evidence that
    holds: the same neighbours (surroundings_edit), the same word with one
    neighbour (word_edit), or the whole same phrase (phrase_edit)."""
    left = LETTERS_BEFORE.search(text[max(0, pos - CONTEXT):pos]).group()
    right = LETTERS_AFTER.match(text, pos + 1, pos + 1 + CONTEXT).group()
    if len(left) + len(right) < 2:  # one neighbouring character says too little, but for a word (「贈域」)
        return word_edit(index, text, pos, left, right, document, pairs, counts, frequent)
    return (surroundings_edit(index, text, pos, left, right, document, frequent, pairs)
            or word_edit(index, text, pos, left, right, document, pairs, counts, frequent)
            or phrase_edit(index, text, pos, left, right, document))


def surroundings_edit(index: int, text: str, pos: int, left: str, right: str, document: str,
                      frequent: frozenset[str], pairs: PairCounts) -> list[Edit]:
    """The kanji the document writes most between the same neighbours, if
    it clearly wins and UniDic reads the result better, or alike where the
    whole surroundings recur (関係困村との: 関係 | 困 | 村 and 関係 | 町 | 村,
    but 関係町村との eight times)."""
    # written beside each neighbouring kanji: 圏域の決性化 is no 中性化 for 圏域の中 written six times
    others = [other for other in frequent if other != text[pos]
              and seen_beside(bool(left) and pairs.has(left[-1] + other), bool(right) and pairs.has(other + right[0]),
                              left[-1:], right[:1])]
    support = sorted(((context_count(document, left, other, right), other) for other in others), reverse=True)
    if not support:
        return []
    (best_count, best), runner_up = support[0], support[1][0] if len(support) > 1 else 0
    original_count = context_count(document, left, text[pos], right)
    if best_count < MAJORITY or best_count < CLEAR * runner_up or best_count <= original_count:
        return []
    reading = better_reading(text, pos, best, ties=True) or alike_in_full_context(text, pos, best, left, right,
                                                                                  document)
    if not reading:
        return []
    original, fixed = reading
    evidence = (f"scanned page; the document writes {left}{best}{right} {best_count}x, "
                f"with {text[pos]} {original_count}x; UniDic reads {fixed}")
    return [Edit(index, pos, pos + 1, best, original, fixed, "text:scanned-majority", evidence, 0.8)]


def alike_in_full_context(text: str, pos: int, other: str, left: str, right: str,
                          document: str) -> tuple[str, str] | None:
    """(word, corrected word) when this kanji falls apart and UniDic reads
    the correction no worse (関係 | 困 | 村, 関係 | 町 | 村), where the document
    writes the corrected kanji between all CONTEXT neighbours on both sides
    MAJORITY times: seven characters recurring are the evidence UniDic lacks."""
    if len(left) < CONTEXT or len(right) < CONTEXT or document.count(left + other + right) < MAJORITY:
        return None
    start, end = letter_run(text, pos)
    original = text[start:end]
    fixed = original[:pos - start] + other + original[pos - start + 1:]
    if not falls_apart(original, pos - start) or lone_letters(fixed) > lone_letters(original):
        return None
    return original, fixed


def lone_letters(text: str) -> int:
    """Tokens UniDic does not know or reads as one letter, particles and
    auxiliaries aside: as reading.oddness, but a kanji it calls a symbol
    (困 in 関係困村) counts too."""
    return sum(1 for word in tagger()(text)
               if word.is_unk or (len(word.surface) == 1 and word.feature.pos1 not in ("助詞", "助動詞")
                                  and LETTER.match(word.surface)))


def word_edit(index: int, text: str, pos: int, left: str, right: str, document: str, pairs: PairCounts,
              counts: Counter, frequent: frozenset[str]) -> list[Edit]:
    """較域 once, 圏域 forty times: a two-kanji word the document writes
    WORD_MAJORITY times with a neighbouring kanji, where this kanji makes
    no word with it (UniDic: 較 | 域) and the correction does. Any context:
    a line may end, a particle or あふれる stand beside it. 流域, 区域, 県域
    are words: left as written. The word must be that kanji's usual one
    (more than half its uses) and clearly the most written, or, where two
    are common (圏域 9x, 地域 12x), clearly the one the surroundings take
    (ながら、贈域の住民: 圏域の住民 twice, 地域の住民 never), and none where
    nothing decides (疾域の将来像, written nowhere else). A kanji between two (都道府県, 総行市) must make
    a string the document writes."""
    char = text[pos]
    before = text[pos - 1] if pos and is_han(text[pos - 1]) else ""
    after = text[pos + 1] if pos + 1 < len(text) and is_han(text[pos + 1]) else ""
    for pre, post in ((before, ""), ("", after)):
        neighbour = pre or post
        if counts[neighbour] < WORD_MAJORITY:  # no word of it is written that often (nor of "")
            continue
        if post in PLACE_SUFFIXES:  # 紋市は: 紋別市 cut short, a name's business
            continue
        words = common_words(pre, char, post, before, after, pairs, frequent)
        if not words or words[0][0] < WORD_MAJORITY:
            continue
        best = usual_word(words, counts[neighbour]) or surroundings_choice(words, left, right, document)
        if best and not is_word(pre + char + post) and not outvoted(best, char, left, right, document):
            return word_correction(index, text, pos, best, pre, post, pairs)
    return []


def common_words(pre: str, char: str, post: str, before: str, after: str, pairs: PairCounts,
                 frequent: frozenset[str]) -> list[tuple[int, str]]:
    """(uses, kanji) of the words the document writes RIVAL_WORD times
    with the neighbour in place of char, FAR_RARER times as often as char's,
    most used first; between two kanji, written beside both."""
    words = sorted(((pairs.get(pre + other + post), other) for other in frequent if other != char), reverse=True)
    return [(count, other) for count, other in words
            if count >= RIVAL_WORD and count >= FAR_RARER * pairs.get(pre + char + post)
            and (not (before and after) or (pairs.get(before + other) and pairs.get(other + after)))]


def is_word(pair: str) -> bool:
    """UniDic knows the two kanji as one word (内外, 流域) when they stand
    alone, whatever it makes of them in a misread line (圈内 | 外)."""
    words = tagger()(pair)
    return len(words) == 1 and not words[0].is_unk


def outvoted(best: str, char: str, left: str, right: str, document: str) -> bool:
    """Whether the surroundings are written with another kanji more often
    than with the word's: 剌業促進 is 創業促進 where the document writes that,
    not the 事業 it writes most; 紋市は中心的な is 紋別市は."""
    rivals = kanji_beside(document, left, right) - {best, char}
    top = max((context_count(document, left, rival, right) for rival in rivals), default=0)
    return top > context_count(document, left, best, right)


def kanji_beside(document: str, left: str, right: str) -> set[str]:
    """The kanji the document writes just after left or just before right,
    each of two letters or more."""
    found = set()
    for side, after in ((left, True), (right, False)):
        if len(side) < 2:
            continue
        offset = document.find(side)
        while offset >= 0:
            at = offset + len(side) if after else offset - 1
            if 0 <= at < len(document) and is_han(document[at]):
                found.add(document[at])
            offset = document.find(side, offset + 1)
    return found


def usual_word(words: list[tuple[int, str]], uses: int) -> str:
    """The kanji of the most written word, if it is more than half the
    neighbour's uses and twice the next word."""
    if not words or words[0][0] * 2 <= uses or (len(words) > 1 and words[0][0] < CLEAR * words[1][0]):
        return ""
    return words[0][1]


def surroundings_choice(words: list[tuple[int, str]], left: str, right: str, document: str) -> str:
    """Of the common words, the kanji the surroundings are written with
    MAJORITY // 2 times and CLEAR times as often as with any other."""
    if len(left) + len(right) < 3:  # the word's own neighbour is no surroundings
        return ""
    ranked = sorted(((context_count(document, left, other, right), other) for _, other in words), reverse=True)
    if not ranked or ranked[0][0] < MAJORITY // 2 or (len(ranked) > 1 and ranked[0][0] < CLEAR * ranked[1][0]):
        return ""
    return ranked[0][1]


def word_correction(index: int, text: str, pos: int, best: str, pre: str, post: str,
                    pairs: PairCounts) -> list[Edit]:
    reading = better_reading(text, pos, best)
    if not reading:
        return []
    original, fixed = reading
    word, misread = pre + best + post, pre + text[pos] + post
    evidence = (f"scanned page; the document writes {word} {pairs.get(word)}x, {misread} {pairs.get(misread)}x; "
                f"UniDic reads {fixed}")
    return [Edit(index, pos, pos + 1, best, original, fixed, "text:scanned-word", evidence, 0.8)]


def phrase_edit(index: int, text: str, pos: int, left: str, right: str, document: str) -> list[Edit]:
    """地域経済の礼野拡大 where a cell beside it writes 地域経済の裾野拡大: the
    same PHRASE letters around another kanji, this one's phrase nowhere
    else, and UniDic reads the other better. A rare word (裾野, 創出) may be
    written once or twice: the whole phrase recurring is the evidence."""
    if len(left) + len(right) < PHRASE or not left or not right:
        return []
    others = kanji_between(document, left, right) - {text[pos]}
    if len(others) != 1 or document.count(left + text[pos] + right) > 1:
        return []
    other = others.pop()
    reading = better_reading(text, pos, other)
    if not reading:
        return []
    original, fixed = reading
    evidence = f"scanned page; the document writes {left}{other}{right}, {left}{text[pos]}{right} only here"
    return [Edit(index, pos, pos + 1, other, original, fixed, "text:scanned-phrase", evidence, 0.8)]


def kanji_between(document: str, left: str, right: str) -> set[str]:
    """The kanji the document writes between left and right."""
    found, offset = set(), document.find(left)
    while offset >= 0:
        middle = offset + len(left)
        if document.startswith(right, middle + 1) and is_han(document[middle]):
            found.add(document[middle])
        offset = document.find(left, offset + 1)
    return found


def context_count(document: str, left: str, char: str, right: str) -> int:
    """How often the document writes char between these neighbours; when
    both sides together are never seen (a line or cell ends), the better
    of the two sides alone, if it is two characters or more."""
    both = document.count(left + char + right)
    if both:
        return both
    return max(document.count(left + char) if len(left) >= 2 else 0,
               document.count(char + right) if len(right) >= 2 else 0)
