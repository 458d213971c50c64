"""Japanese numbering: kanji numerals, roman and circled numbers, 第N条のM.

Shared by the segmenter and the extractors. Input is expected after NFKC
(full-width digits are ASCII, ① is "1", ⑴ is "(1)", Ⅱ is "II").
"""
from __future__ import annotations

import unicodedata

import regex

KANJI_DIGITS = {"〇": 0, "零": 0, "一": 1, "壱": 1, "二": 2, "弐": 2, "三": 3, "参": 3, "四": 4,
                "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
KANJI_UNITS = {"十": 10, "拾": 10, "百": 100, "千": 1000}
# 廿 and 卅 (丗) are twenty and thirty in one character, as dates in older
# or formal typesetting write them (令和二年三月廿七日).
KANJI_TENS = {"廿": "二十", "卄": "二十", "卅": "三十", "丗": "三十"}
TENS_AS_UNITS = str.maketrans(KANJI_TENS)
KANJI_NUMERAL_CHARS = "".join(KANJI_DIGITS) + "".join(KANJI_UNITS) + "".join(KANJI_TENS) + "万元"

# The kanji numerals a number is written in (廿 and 卅 included).
NUMERAL_KANJI = "[〇零一壱二弐三参四五六七八九十拾百千万廿卄卅丗]"
# A number as written in agreements: ASCII digits or kanji numerals.
NUMBER = rf"(?:\d+|{NUMERAL_KANJI}+|元)"
# An era's two kanji may stand apart on a letter-spaced line (令　和 spread
# to its block's width by 均等割付, as a PDF's text gives it).
ERA_NAMES = r"(?:明\s*治|大\s*正|昭\s*和|平\s*成|令\s*和)"
# Slides, tables and town forms write the era as its Latin initial (R2年3月27日,
# H31.3.29, R.2.3.27): a capital standing alone before the year, not the
# end of a word or code (ABR1.2.3, v2019). A form typed in lower case writes it
# so too (r2.3.27).
ERA_INITIAL = r"(?<![A-Za-z0-9])[MTSHRmtshr](?:\.(?=\s*(?:\d|元)))?(?=\s*(?:\d|元))"
# An era as a date line writes it: its name or its initial.
ERA = rf"(?:{ERA_NAMES}|{ERA_INITIAL})"
# A year, month or day: a NUMBER whose characters a letter-spaced date line
# (令 和 ２ 年 ３ 月 ２ ７ 日) sets one space apart.
DATE_NUMBER = rf"(?:\d(?:\s?\d)*|{NUMERAL_KANJI}(?:\s?{NUMERAL_KANJI})*|元)"
# A western year: four digits, or four kanji digits as formal or vertical
# typesetting writes them (二〇二〇, 一九八五; typists take ○ for 〇), of
# 18xx to 20xx only, since a run of kanji digits is no year by itself.
WESTERN_YEAR = r"(?:\d{4}|(?:一[八九]|二[〇○])[〇○一二三四五六七八九]{2})"
# A year given in both calendars, the other in brackets before or after 年:
# 令和2年(2020年)3月, 令和2(2020)年3月, 2020(令和2)年3月, 2020年(令和2年)3月.
ALSO_WESTERN = rf"(?:\(\s*{WESTERN_YEAR}\s*年?\s*\)\s*)?"
ALSO_ERA = rf"(?:\(\s*{ERA_NAMES}\s*{NUMBER}\s*年?\s*\)\s*)?"
# The weekday a date may carry after it: 令和3年4月1日(木), …日(木曜日).
WEEKDAY = r"(?:\s*\(\s*[月火水木金土日](?:曜日?)?\s*\))"
# What names a date on its line the signing date: a key before it (締結日:,
# 【協約締結日】, 締結年月日, 調印日) or the act after it (…27日締結, …日 調印).
SIGNING_LABEL = (r"(?:[【\[(]\s*)?(?:(?:連携)?協[約定]\s*)?(?:締\s*結|調\s*印|署\s*名)\s*(?:年\s*月\s*)?日"
                 r"\s*(?:[】\])]\s*)?[::]?\s*")
# The act, or 付け (付) that dates a document as the act does (…27日付け,
# …27日付けで締結, …27日付締結).
SIGNING_VERB = r"(?:締\s*結|調\s*印|署\s*名)"
SIGNING_ACT = rf"(?:\s*付\s*け?(?:\s*で)?(?:\s*{SIGNING_VERB})?|\s*(?:に\s*)?{SIGNING_VERB})"
# The seal a signer presses by the date as by the name (令和2年3月27日 印,
# …日 ㊞, …日(印)): the date signs with it as without it.
SEAL_MARK = r"(?:\s*[(\[]?\s*[印㊞]\s*[)\]]?)"

# Circled numbers that NFKC leaves as they are (① becomes 1, ❶ stays ❶):
# negative ❶-❿ ⓫-⓴, sans-serif ➀-➓, double ⓵-⓾. Word's bullet lists use them.
DINGBAT_CIRCLED = "[\u2776-\u2793\u24eb-\u24fe]"
DINGBAT_CIRCLED_CHAR = regex.compile(rf"^{DINGBAT_CIRCLED}$")

ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
# Katakana item labels in 五十音 order (ア, イ, ウ, …), as used for 別表 items.
GOJUON = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン"
IROHA = "イロハニホヘトチリヌルヲワカヨタレソツネナラムウヰノオクヤマケフコエテアサキユメミシヱヒモセス"


def kanji_to_int(text: str) -> int | None:
    """二百五十二 -> 252, 十 -> 10, 二〇 -> 20, 廿七 -> 27, 元 -> 1; None if not a numeral."""
    if not text:
        return None
    if text == "元":
        return 1
    if DINGBAT_CIRCLED_CHAR.match(text):  # isdigit() holds for ❶, but int() refuses it
        return int(unicodedata.numeric(text))
    if text.isdigit():
        return int(unicodedata.normalize("NFKC", text))
    text = text.translate(TENS_AS_UNITS)
    if any(ch not in KANJI_DIGITS and ch not in KANJI_UNITS and ch != "万" for ch in text):
        return None
    if "万" in text:
        high, _, low = text.partition("万")
        high_value = kanji_to_int(high) if high else 1
        low_value = kanji_to_int(low) if low else 0
        if high_value is None or low_value is None:
            return None
        return high_value * 10000 + low_value
    if not any(ch in KANJI_UNITS for ch in text):  # positional: 二〇一九
        return int("".join(str(KANJI_DIGITS[ch]) for ch in text))
    total, digit = 0, None
    for ch in text:
        if ch in KANJI_DIGITS:
            digit = KANJI_DIGITS[ch]
        else:
            total += (1 if digit is None else digit) * KANJI_UNITS[ch]
            digit = None
    return total + (digit or 0)


def to_int(text: str) -> int | None:
    """Any single number: 12, １２, 十二, 元, XII, Ⅻ, ⑫, ❶."""
    text = unicodedata.normalize("NFKC", text).strip()
    value = kanji_to_int(text)  # digits, ❶ and kanji
    if value is not None:
        return value
    return roman_to_int(text)


def roman_to_int(text: str) -> int | None:
    text = unicodedata.normalize("NFKC", text).upper()
    if not text or any(ch not in ROMAN_VALUES for ch in text):
        return None
    total = 0
    for i, ch in enumerate(text):
        value = ROMAN_VALUES[ch]
        if i + 1 < len(text) and ROMAN_VALUES[text[i + 1]] > value:
            total -= value
        else:
            total += value
    return total


# 第❶条 as a Word template numbers articles with its bullet style.
ARTICLE_NUMBER = regex.compile(rf"第\s*({NUMBER}|{DINGBAT_CIRCLED})\s*条(?:\s*の\s*({NUMBER}))?")


def parse_article_number(text: str) -> tuple[str, int, int | None] | None:
    """'第二百五十二条の二' -> ('252_2', 252, 2); '第3条' -> ('3', 3, None)."""
    match = ARTICLE_NUMBER.match(text)
    if not match:
        return None
    number = kanji_to_int(match.group(1))
    if number is None:
        return None
    branch = kanji_to_int(match.group(2)) if match.group(2) else None
    return (f"{number}_{branch}" if branch else str(number)), number, branch


def label_ordinal(label: str) -> int | None:
    """Position of an item label in its series: ア->1, イ->2, b->2, (c)->3, ii->2."""
    core = label.strip("()（）.．、 ")
    if not core:
        return None
    if len(core) == 1 and core in GOJUON:
        return GOJUON.index(core) + 1
    if len(core) == 1 and core.isascii() and core.isalpha() and core.islower():
        return ord(core) - ord("a") + 1
    return to_int(core)
