"""UniDic's reading of a character in its word: the signal that separates a
misread character (美祿 -> 美 | 祿, an unknown or lone token) from a word."""
from __future__ import annotations

import regex

from pipeline.japanese import tagger

LETTER = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}ー々ヶ]")


def token_at(text: str, pos: int):
    """(start, word) of the UniDic token covering text[pos], or None."""
    offset = 0
    for word in tagger()(text):
        start = text.find(word.surface, offset)
        offset = start + len(word.surface)
        if start <= pos < offset:
            return start, word
    return None


def falls_apart(text: str, pos: int) -> bool:
    """The character at pos is unknown to UniDic or a word on its own."""
    found = token_at(text, pos)
    return found is None or found[1].is_unk or len(found[1].surface) == 1


def makes_word(text: str, pos: int) -> bool:
    """UniDic puts the character at pos inside a known word of two or more
    characters, or reads it as a particle or auxiliary (へ, り)."""
    found = token_at(text, pos)
    if found is None:
        return False
    word = found[1]
    if word.is_unk or word.feature.pos1 in ("補助記号", "記号"):
        return False
    return len(word.surface) > 1 or word.feature.pos1 in ("助詞", "助動詞")


def letter_run(text: str, pos: int, reach: int = 6, letter: regex.Pattern = LETTER) -> tuple[int, int]:
    """The run of Japanese letters (or of what `letter` matches) around pos,
    at most `reach` on each side."""
    start = pos
    while start > 0 and pos - start < reach and letter.match(text[start - 1]):
        start -= 1
    end = pos + 1
    while end < len(text) and end - pos <= reach and letter.match(text[end]):
        end += 1
    return start, end


def better_reading(text: str, pos: int, char: str, ties: bool = False) -> tuple[str, str] | None:
    """(word, corrected word) around pos with text[pos] replaced by char,
    when UniDic reads the corrected word better (reads_better, or as well
    with `ties`); else None."""
    start, end = letter_run(text, pos)
    original = text[start:end]
    fixed = original[:pos - start] + char + original[pos - start + 1:]
    return (original, fixed) if reads_better(original, fixed, pos - start, ties) else None


def oddness(text: str) -> int:
    """Tokens UniDic does not know or reads as one letter that is not a
    particle, auxiliary or symbol: a misreading raises this count (人ロ減少:
    人 | ロ | 減少 -> 2), its correction lowers it (人口 | 減少 -> 0)."""
    return sum(1 for word in tagger()(text)
               if word.is_unk or (len(word.surface) == 1
                                  and word.feature.pos1 not in ("助詞", "助動詞", "補助記号", "記号")))


def reads_better(original: str, fixed: str, pos: int, ties: bool = False) -> bool:
    """The correction turns a lone or unknown character into part of a word
    and leaves fewer odd tokens in the window than before (その旨及び ->
    その普及び leaves び alone, so it is not better). With `ties`, as many
    odd tokens as before will do: the corrected word may leave a suffix on
    its own (疾 | 域内 | 市 -> 圏域 | 内 | 市)."""
    if not (falls_apart(original, pos) and makes_word(fixed, pos)):
        return False
    before, after = oddness(original), oddness(fixed)
    return after < before or (ties and after == before)


def reads_alike(original: str, fixed: str) -> bool:
    """UniDic cuts both into words at the same places with the same parts
    of speech (都市 | 園 and 都市 | 圏): its reading favours neither."""
    def shape(text: str) -> list[tuple[int, str]]:
        return [(len(word.surface), word.feature.pos1) for word in tagger()(text)]
    return shape(original) == shape(fixed)
