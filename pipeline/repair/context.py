"""Fixed context rules: where only a numeral or a date can stand.

Inside `第…条`, dates and numbers a katakana look-alike is a kanji numeral
(第ニ条 -> 第二条, 平成ニ十九年 -> 平成二十九年), a letter is a digit
(2O17年 -> 2017年) and a broken era is the era it resembles (千茂 -> 平成).
Outside numbers, a lone katakana look-alike between kanji is the kanji it
copies (人ロ -> 人口, 協カ -> 協力) when UniDic reads the result as a word,
and a kanji twin inside a katakana word, or opening or closing it, is the
kana (ル一ト, 工リア, メニュ一).
Every change is checked: the corrected label or date must parse.
"""
from __future__ import annotations

import re

import regex

from pipeline.gazetteer import gazetteer
from pipeline.japanese import tagger
from pipeline.model import Line
from pipeline.numerals import IROHA, kanji_to_int
from pipeline.repair.edits import Edit, Joined
from pipeline.repair.glyphs import link, lookalike_pairs
from pipeline.repair.reading import better_reading

ERAS = ("明治", "大正", "昭和", "平成", "令和")
KANJI_NUMERALS = "〇一二三四五六七八九十百千"
# Look-alikes that stand for a kanji numeral inside a number.
AS_KANJI_NUMERAL = {"ニ": "二", "ー": "一", "-": "一", "ハ": "八", "+": "十", "○": "〇", "◯": "〇"}
# Letters that stand for a digit inside a run of digits.
AS_DIGIT = {"O": "0", "o": "0", "l": "1", "I": "1", "|": "1"}
# A kanji zero (or the ○ typed for it) among digits is their 0 (令和2年1〇月1日):
# OCR and typists take the one for the other; alone it is a template's blank.
ZERO_MARKS = {"〇": "0", "○": "0", "◯": "0"}
NUMBER_CHARS = "0123456789" + KANJI_NUMERALS + "".join(AS_KANJI_NUMERAL) + "".join(AS_DIGIT)
NUM = rf"[{regex.escape(NUMBER_CHARS)}]+"
# The article/paragraph label and what OCR makes of its two kanji.
LABEL_HEAD = {"第": "第", "弟": "第", "笫": "第"}
LABEL_UNIT = {"条": "条", "粂": "条", "項": "項", "頃": "項", "頂": "項", "号": "号", "章": "章",
              "節": "節", "款": "款"}
ARTICLE_LABEL = regex.compile(
    rf"(?P<head>[{''.join(LABEL_HEAD)}])(?P<num>{NUM})(?P<unit>[{''.join(LABEL_UNIT)}])"
    rf"(?:の(?P<branch>{NUM})(?![\p{{Katakana}}ー]))?")
DATE_UNITS = {"年": "年", "午": "年", "牛": "年", "月": "月", "用": "月", "日": "日", "曰": "日"}
YEAR_UNITS = "年午牛"
# 元 of 元年 and what OCR makes of it (兀: the same strokes without the top bar).
FIRST_YEAR = "元" + "".join(sorted(lookalike_pairs().get("元", ())))
# Spaces may stand between the parts: normalize removes them only around 年, 月, 日 it recognises.
DATE = regex.compile(
    rf"(?P<era>\p{{Han}}{{2}})? ?(?P<year>{NUM}|[{FIRST_YEAR}]) ?(?P<nen>[{YEAR_UNITS}])"
    rf"(?: ?(?P<month>{NUM}) ?(?P<gatsu>[月用])(?: ?(?P<day>{NUM}) ?(?P<nichi>[日曰]))?)?")
# Katakana (and one hiragana) shapes of kanji, and katakana shapes of hiragana.
KANJI_TWIN = {"ロ": "口", "カ": "力", "ニ": "二", "ー": "一", "ハ": "八", "エ": "工", "タ": "夕",
              "ト": "卜", "オ": "才"}
HIRAGANA_TWIN = {"ヘ": "へ", "リ": "り", "ベ": "べ", "ペ": "ぺ"}
# A signature block's first line: role label, space, then the place (甲 山口市亀山町2番1号).
# (MULTILINE, like the party patterns below: one scan of the joined lines finds the lines to read)
ROLE_LABEL = regex.compile(r"^(?P<label>[^\s甲乙丙丁])[ ]+(?P<rest>\S.*)", regex.MULTILINE)
DEFINED_ROLE = regex.compile(r"以下\s*「\s*([甲乙丙丁])\s*」")
# Any character some rule here would change: lines without one are skipped.
# A plain set of characters, which the standard re module finds in a
# document four times faster than regex (0.10 -> 0.02 ms), the same matches.
ERA_LOOKALIKES = "".join(sorted({c for era in ERAS for ch in era for c in lookalike_pairs().get(ch, ())}))
SUSPECT = re.compile("[" + re.escape("".join(AS_KANJI_NUMERAL) + "".join(AS_DIGIT) + "".join(ZERO_MARKS) + "弟笫粂頃頂午牛用曰"
                                     + FIRST_YEAR[1:]
                                     + ERA_LOOKALIKES + "".join(KANJI_TWIN) + "".join(HIRAGANA_TWIN)) + "]")
# The other way round: a kanji standing between katakana is the katakana it
# resembles (観光ル一ト -> ルート, プ口ジェクト -> プロジェクト); Japanese
# writes no kanji inside a katakana word.
KATAKANA_TWIN = {kanji: kana for kana, kanji in KANJI_TWIN.items()}
KANJI_IN_KATAKANA = regex.compile(rf"(?<=[\p{{Katakana}}ー])[{''.join(KATAKANA_TWIN)}](?=[\p{{Katakana}}ー])")
# The same twin as a katakana word's first or last letter (工リア, 力ード, 二ーズ;
# メニュ一): the kana side alone shows it, so UniDic must read the word better,
# and a last letter also needs a stem that is no word of its own, since a
# katakana word is often followed by a kanji numeral or suffix (データ一件,
# コミュニティ力), and the document's own spelling settles the rest (センタ一
# where it writes センター). The kana side must be two letters or more: one
# katakana after a kanji is a place name's ノ or ヶ (西ノ島町 read 二ノ島町, 一ヶ月).
KANJI_OPENING_KATAKANA = regex.compile(
    rf"(?<![\p{{Katakana}}ー])[{''.join(KATAKANA_TWIN)}](?=[\p{{Katakana}}ー]{{2}})")
KANJI_CLOSING_KATAKANA = regex.compile(
    rf"(?<=(?<![\p{{Katakana}}ー])(?P<stem>[\p{{Katakana}}ー]{{2,}}))[{''.join(KATAKANA_TWIN)}](?![\p{{Katakana}}ー])")
# All three need a twin beside a katakana letter or ー, which most documents
# never have: the standard re module tells them in one scan several times
# cheaper than the three regex scans. It knows no \p{Katakana}: the ranges
# are a superset of [\p{Katakana}ー] (tests/test_repair.py checks), enough
# for a test that only lets documents through.
KATAKANA_RANGES = "\u30a0-\u30ff\u31f0-\u31ff\u32d0-\u32fe\u3300-\u3357\uff65-\uff9f\U0001aff0-\U0001b16f"
TWIN_BESIDE_KATAKANA = re.compile(rf"[{re.escape(''.join(KATAKANA_TWIN))}](?:(?=[{KATAKANA_RANGES}])|(?<=[{KATAKANA_RANGES}].))")
LONE_KATAKANA = regex.compile(
    rf"(?<![\p{{Katakana}}ー])[{''.join(KANJI_TWIN) + ''.join(HIRAGANA_TWIN)}](?![\p{{Katakana}}ー])")


def context_edits(lines: list[Line]) -> list[Edit]:
    """Only lines holding a look-alike are read (one regex pass finds them)."""
    joined = Joined.of(lines)
    edits = []
    for index in joined.lines_matching(SUSPECT):
        text = lines[index].text
        edits += article_label_edits(index, text)
        edits += date_edits(index, text)
        edits += lone_katakana_edits(index, text)
    if TWIN_BESIDE_KATAKANA.search(joined.text):
        edits += kanji_twin_edits(joined, lines)
    return edits


def kanji_twin_edits(joined: Joined, lines: list[Line]) -> list[Edit]:
    """A kanji inside a katakana word, opening or closing it, read as the katakana it resembles."""
    edits = []
    for match in KANJI_IN_KATAKANA.finditer(joined.text):
        edits += kanji_in_katakana_edits(*joined.locate(match.start()), lines)
    for match in KANJI_OPENING_KATAKANA.finditer(joined.text):
        edits += kanji_in_katakana_edits(*joined.locate(match.start()), lines, "opening")
    for match in KANJI_CLOSING_KATAKANA.finditer(joined.text):
        word = match["stem"] + KATAKANA_TWIN[match.group()]
        if not is_one_word(match["stem"]) or word in joined.text:
            edits += kanji_in_katakana_edits(*joined.locate(match.start()), lines, "closing")
    return edits


def role_edits(lines: list[Line]) -> list[Edit]:
    """Runs after the names are repaired, so that と 美枯市… is seen as と 美祢市….
    Every rule here needs roles the document defines; each reads only the
    lines its patterns match."""
    joined = Joined.of(lines)
    roles = set(DEFINED_ROLE.findall(joined.text))
    if not roles:
        return []
    edits = [edit for index in joined.lines_matching(ROLE_LABEL)
             for edit in role_label_edits(index, lines[index].text, roles)]
    if {"甲", "乙"} <= roles:
        edits += [edit for index in joined.lines_matching(PARTY_ROLES)
                  for edit in party_pair_edits(index, lines[index].text)]
    if roles == {"甲", "乙"} and LOST_PARTNER.search(joined.text):
        edits += lost_partner_edits(lines)
    return edits


def lost_partner_edits(lines: list[Line]) -> list[Edit]:
    """Only in documents whose parties are 甲 and 乙 alone: the partner of
    甲 is 乙 and the partner of 乙 is 甲."""
    edits, header = [], None
    for index, line in enumerate(lines):
        if "\t" not in line.text:
            continue
        cells = line.text.split("\t")
        owners = [column_owner(cell) for cell in cells]
        if "甲" in owners and "乙" in owners:
            header = owners
            continue
        if header is None or len(cells) != len(header):
            continue  # another table
        for match in LOST_PARTNER.finditer(line.text):
            column = line.text.count("\t", 0, match.start())
            owner = header[column] if column < len(header) else None
            if owner is None:
                continue
            partner = "乙" if owner == "甲" else "甲"
            original = line.text[match.start():match.start() + 3]
            edits.append(Edit(index, match.start(), match.start(), partner, original, partner + original,
                              "context:party-role",
                              f"a cell of the {owner}の役割 column opening with と連携 names {partner}, "
                              f"the other party of the document", 0.85))
    return edits


def column_owner(cell: str) -> str | None:
    """甲 or 乙 for a 別表 header cell 甲の役割 / 乙の役割 as OCR reads it
    (申の役割, との役割, の役割); None for any other cell."""
    match = ROLE_HEADER.match(cell.strip())
    if not match:
        return None
    return "甲" if match["role"] and match["role"] in "甲" + KO_LOOKALIKES else "乙"


# 。 read by Tesseract as o, O or 〇 (ものとする o, 推進する oO): after kana,
# at the end of a line or a table cell, where Japanese ends its sentence.
SENTENCE_STOP = regex.compile(r"(?<=\p{Hiragana})[ ]?[oO○〇]{1,2}(?=\t|$)")


# The letters SENTENCE_STOP needs, found by the standard re module in the
# whole document at once: most lines hold none and are not searched.
SENTENCE_STOP_LETTER = re.compile("[oO○〇]")


def sentence_end_edits(lines: list[Line]) -> list[Edit]:
    edits = []
    for index in Joined.of(lines).lines_matching(SENTENCE_STOP_LETTER):
        line = lines[index]
        for match in SENTENCE_STOP.finditer(line.text):
            before = line.text[max(0, match.start() - 3):match.start()]
            edits.append(Edit(index, match.start(), match.end(), "。", before + match.group(0), before + "。",
                              "context:sentence-end", "o/O after kana at the end of a line or cell: 。", 0.85))
    return edits


# Tesseract drops a voicing mark (び as ひ): in the words every agreement is
# built from, the unvoiced kana makes no word at all (及ひ, 並ひに, 基つく,
# 掲ける), so the word is known without the document's help. Words whose
# unvoiced form is a word too (対応し, 発生し) are not listed.
UNVOICED_WORDS = {"及ひ": "及び", "並ひに": "並びに", "基つ": "基づ", "掲け": "掲げ"}
UNVOICED = regex.compile("|".join(UNVOICED_WORDS))


def voicing_edits(lines: list[Line]) -> list[Edit]:
    joined = Joined.of(lines)
    edits = []
    for match in UNVOICED.finditer(joined.text):
        index, pos = joined.locate(match.start())
        word, fixed = match.group(), UNVOICED_WORDS[match.group()]
        at = next(i for i, (a, b) in enumerate(zip(word, fixed)) if a != b)
        edits.append(Edit(index, pos + at, pos + at + 1, fixed[at], word, fixed, "context:voicing",
                          f"{word} is no word: {fixed} with its voicing mark lost", 0.9))
    return edits


# A row label of a sequence (ア イ ウ エ … or イ ロ ハ ニ …) opening a line or its first
# cell, before a space, or a katakana label touching its kanji (ア経済戦略: OCR lost the space).
SEQUENCE_LABEL = regex.compile(r"^(?P<label>\S)[ ](?=\S)|^(?P<label>\p{Katakana})(?=\p{Han})")
KATAKANA_SEQUENCE = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワ"
LABEL_SERIES = (KATAKANA_SEQUENCE, IROHA)


def label_sequence_edits(lines: list[Line]) -> list[Edit]:
    """ア, イ, ッ, エ or イ, 口, ハ: a label between two labels of a sequence
    that is a look-alike of the one the sequence needs there (ッ for ウ, 工
    for エ, the kanji 口 for ロ) is that label. The label after it must be
    the next one, or a new sequence's first."""
    labelled = [(i, m["label"]) for i, line in enumerate(lines) if (m := SEQUENCE_LABEL.match(line.text))]
    edits = []
    before = labelled[0][1] if labelled else ""  # as the sequence reads it, corrected
    for n in range(1, len(labelled)):
        index, label = labelled[n]
        after = labelled[n + 1][1] if n + 1 < len(labelled) else ""
        expected = misread_label(before, label, after)
        if expected:
            word = lines[index].text[:6].split("\t")[0]
            edits.append(Edit(index, 0, 1, expected, word, expected + word[1:], "context:label-sequence",
                              f"the label between {before} and {after or 'the end'} is {expected}", 0.85))
            label = expected
        before = label
    return edits


def misread_label(before: str, label: str, after: str) -> str:
    """The label a series needs after `before`, when `label` is OCR's
    look-alike of it and `after` follows it in the same series (or starts
    one again, or there is none); else ''."""
    for series in LABEL_SERIES:
        expected = following_label(series, before)
        if (expected and label != expected and reads_as(label, expected)
                and (after in ("", series[0]) or reads_as(after, following_label(series, expected)))):
            return expected
    return ""


def reads_as(found: str, label: str) -> bool:
    """found is the label, or OCR's look-alike of it (ッ for ウ, 工 for エ)."""
    return bool(label) and (found == label or found in lookalike_pairs().get(label, ()))


def following_label(series: str, label: str) -> str:
    at = series.find(label) if len(label) == 1 else -1
    return series[at + 1] if 0 <= at < len(series) - 1 else ""


# 甲 and 乙 where the text can only name the parties, as Tesseract misreads
# them on scans: 甲 as 申/由/皿/四 (皿, 四 seen beside 申 on the scanned seeds),
# 乙 as と/Z/| or lost (甲及びが協議して). Lone 田 only before 及び, where
# a field (田と畑) cannot stand.
KO_LOOKALIKES = "申由皿四"
OTSU_LOOKALIKES = "とZz|"
# 皿及び乙が / 甲及びとが / 甲及びの長: a pair of roles before a particle.
PARTY_PAIR = regex.compile(rf"(?<![\p{{Han}}\p{{Katakana}}])(?P<a>[甲田{KO_LOOKALIKES}])及び"
                           rf"(?P<b>[乙{OTSU_LOOKALIKES}]?)(?=[がはのにを、])")
# A clause of a role cell that names the other party first, as the partner
# of a joint act: とと連携し… -> 乙と連携し…, …について、皿と取組を… -> 甲と取組を…
PARTNER_ACTS = "連携|協力|共同|協議|調整|取組|取り組"
PARTY_PARTNER = regex.compile(rf"(?:^|(?<=[\t、 ]))(?P<r>[{KO_LOOKALIKES}{OTSU_LOOKALIKES}])(?=と(?:{PARTNER_ACTS}))",
                              regex.MULTILINE)
# Either of the two, to find the lines party_pair_edits reads.
PARTY_ROLES = regex.compile(f"{PARTY_PAIR.pattern}|{PARTY_PARTNER.pattern}", regex.MULTILINE)
# A role cell of a 別表 opening with the particle と (と連携・協力して…) lost
# the party it names: Tesseract drops a 乙 that opens a cell. The party is
# the other one than the column's own (甲の役割 -> 乙), read from the header.
LOST_PARTNER = regex.compile(r"(?:^|(?<=\t))(?=と(?:連携|協力))", regex.MULTILINE)
# (OCR may leave a gap between the kanji and its kana: 甲 の役割)
ROLE_HEADER = regex.compile(rf"^(?P<role>[甲乙{KO_LOOKALIKES}{OTSU_LOOKALIKES}]?) *の役割")


def party_pair_edits(index: int, text: str) -> list[Edit]:
    """Only in documents that define 甲 and 乙 (以下「甲」という)."""
    edits = []
    for match in PARTY_PAIR.finditer(text):
        a, b = match["a"], match["b"]
        if a == "甲" and b == "乙":
            continue
        fixed = "甲及び乙"
        original = text[match.start():match.end()]
        edits.append(Edit(index, match.start(), match.end(), fixed, original, fixed, "context:party-role",
                          "the document defines 甲 and 乙; X及びY before a particle names the two parties", 0.85))
    for match in PARTY_PARTNER.finditer(text):
        role = "甲" if match["r"] in KO_LOOKALIKES else "乙"
        original = text[match.start():match.start() + 4]
        edits.append(Edit(index, match.start(), match.end(), role, original, role + original[1:],
                          "context:party-role",
                          "the document defines 甲 and 乙; a clause opening with Xと連携/取組 names a party", 0.85))
    return edits


def role_label_edits(index: int, text: str, roles: set[str]) -> list[Edit]:
    """と 美祢市大嶺町… -> 乙 美祢市大嶺町…: a signature block's role label,
    misread, before a municipality, an address or a mayor's title; only for
    a role the document defines (以下「乙」という)."""
    match = ROLE_LABEL.match(text)
    if not match:
        return []
    role = next((r for r in sorted(roles) if r != match["label"] and link(match["label"], r)), None)
    if role is None or not gazetteer().starts_with_name(match["rest"]):
        return []
    return [Edit(index, 0, 1, role, text[:match.end("label") + 1] + match["rest"][:4], role + " " + match["rest"][:4],
                 "context:role-label", f"signature label before a place name; the document defines {role}", 0.85)]


def read_number(text: str) -> str | None:
    """A number slot with its look-alikes replaced, or None when the slot
    does not read as one number (digits mixed with kanji, or nothing left)."""
    if text in FIRST_YEAR:  # 元年 needs its era: DATE accepts 元/兀 only before 年, and an era is required
        return "元"
    if all(ch.isdigit() or ch in AS_DIGIT for ch in text):
        return "".join(AS_DIGIT.get(ch, ch) for ch in text)
    if all(ch.isdigit() or ch in AS_DIGIT or ch in ZERO_MARKS for ch in text) and any(ch.isdigit() for ch in text):
        return "".join(AS_DIGIT.get(ch) or ZERO_MARKS.get(ch, ch) for ch in text)
    if all(ch in KANJI_NUMERALS or ch in AS_KANJI_NUMERAL for ch in text):
        fixed = "".join(AS_KANJI_NUMERAL.get(ch, ch) for ch in text)
        return fixed if kanji_to_int(fixed) is not None else None
    return None


def article_label_edits(index: int, text: str) -> list[Edit]:
    edits = []
    for match in ARTICLE_LABEL.finditer(text):
        if not SUSPECT.search(match.group(0)):
            continue
        head, unit = LABEL_HEAD[match["head"]], LABEL_UNIT[match["unit"]]
        number = read_number(match["num"])
        branch = read_number(match["branch"]) if match["branch"] else ""
        if number is None or branch is None:
            continue
        if match["head"] != head and match["unit"] != unit:
            continue  # both kanji of the label misread: too little left to be sure
        fixed = head + number + unit + (f"の{branch}" if match["branch"] else "")
        if fixed != match.group(0):
            edits.append(Edit(index, match.start(), match.end(), fixed, match.group(0), fixed,
                              "context:article-number", "inside 第…条: " + changed_chars(match.group(0), fixed),
                              0.95))
    return edits


def date_edits(index: int, text: str) -> list[Edit]:
    if not any(unit in text for unit in YEAR_UNITS):
        return []  # every date here has its 年: no need to run DATE along the line
    edits = []
    for match in DATE.finditer(text):
        if not SUSPECT.search(match.group(0)):
            continue
        era = corrected_era(match["era"] or "")
        body = corrected_date_body(match, bool(era), text[match.end():match.end() + 1] == "度")
        if body is None:
            continue
        start = match.start("era") if era else match.start("year")
        original, fixed = text[start:match.end()], era + body
        if fixed != original:
            edits.append(Edit(index, start, match.end(), fixed, original, fixed, "context:date",
                              "date pattern: " + changed_chars(original, fixed), 0.9))
    return edits


def corrected_date_body(match, has_era: bool, fiscal: bool) -> str | None:
    """Year, month and day with look-alikes replaced, if they read as a
    date: at least two landmarks (era, 年, 月, 日, the 度 of 年度) as
    printed, and an era or a four-digit year with its month (a bare 12年
    is a duration)."""
    year = read_number(match["year"])
    month, day = (read_number(part) if part else "" for part in (match["month"], match["day"]))
    if year is None or month is None or day is None:
        return None
    landmarks = [has_era and match["era"] in ERAS, match["nen"] == "年",
                 match["gatsu"] == "月", match["nichi"] == "日", fiscal and not match["gatsu"]]
    if sum(landmarks) < 2 and not (has_era and landmarks[1]):
        return None
    if not has_era and not (year.isdigit() and len(year) == 4 and match["month"]):
        return None
    if not plausible(year, month, day):
        return None
    return (year + "年" + (month + "月" if match["gatsu"] else "")
            + (day + "日" if match["nichi"] else ""))


def corrected_era(text: str) -> str:
    """平成 for 平成 or 千茂; "" when text is not (a look-alike of) one era."""
    if text in ERAS:
        return text
    if len(text) != 2:
        return ""
    matches = [era for era in ERAS if all(link(a, b) and link(a, b).kind in ("same", "table")
                                          for a, b in zip(text, era))]
    return matches[0] if len(matches) == 1 else ""


def plausible(year: str, month: str, day: str) -> bool:
    y = 1 if year == "元" else kanji_to_int(year)
    m = kanji_to_int(month) if month else 1
    d = kanji_to_int(day) if day else 1
    return bool(y) and 1 <= (m or 0) <= 12 and 1 <= (d or 0) <= 31 and (y <= 99 or 1868 <= y <= 2100)


def lone_katakana_edits(index: int, text: str) -> list[Edit]:
    """人ロ減少 -> 人口減少: a katakana look-alike standing alone next to
    kanji, where its twin makes a dictionary word with a neighbour."""
    edits = []
    misread_kana = {m.start() for m in KANJI_IN_KATAKANA.finditer(text)}  # デ一タ: 一 is the kana, not タ
    for match in LONE_KATAKANA.finditer(text):
        pos, char = match.start(), match.group(0)
        if pos - 1 in misread_kana or pos + 1 in misread_kana:
            continue
        before, after = text[pos - 1:pos], text[pos + 1:pos + 2]
        if char in KANJI_TWIN and (is_han(before) or is_han(after)):
            twin = KANJI_TWIN[char]
        elif char in HIRAGANA_TWIN and (is_hiragana(before) or is_hiragana(after) or is_han(before)):
            twin = HIRAGANA_TWIN[char]
        else:
            continue
        reading = better_reading(text, pos, twin)
        if reading:
            original, fixed = reading
            edits.append(Edit(index, pos, pos + 1, twin, original, fixed, "context:katakana-in-kanji",
                              f"lone katakana {char} beside kanji; UniDic reads {fixed}", 0.9))
    return edits


def kanji_in_katakana_edits(index: int, pos: int, lines: list[Line], where: str = "between") -> list[Edit]:
    """ル一ト -> ルート (a kanji between katakana), 工リア -> エリア (opening
    a katakana word), メニュ一 -> メニュー (closing it), when UniDic reads the
    katakana word better."""
    text = lines[index].text
    twin = KATAKANA_TWIN[text[pos]]
    reading = better_reading(text, pos, twin)
    if not reading:
        return []
    original, fixed = reading
    return [Edit(index, pos, pos + 1, twin, original, fixed, "context:kanji-in-katakana",
                 f"kanji {text[pos]} {where} katakana; UniDic reads {fixed}", 0.9)]


def is_one_word(text: str) -> bool:
    """UniDic reads text as one known word (データ, コミュニティ; not メニュ)."""
    words = tagger()(text)
    return len(words) == 1 and not words[0].is_unk


def changed_chars(original: str, fixed: str) -> str:
    pairs = [f"{a}->{b}" for a, b in zip(original, fixed) if a != b]
    return ", ".join(pairs) if len(original) == len(fixed) else f"{original}->{fixed}"


# Compiled once: regex.match(pattern_string, …) looks the pattern up in regex's cache on every call.
HAN = regex.compile(r"\p{Han}")
HIRAGANA = regex.compile(r"\p{Hiragana}")


def is_han(ch: str) -> bool:
    return bool(ch) and HAN.match(ch) is not None


def is_hiragana(ch: str) -> bool:
    return bool(ch) and HIRAGANA.match(ch) is not None
