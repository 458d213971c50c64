"""A test corpus of OCR-damaged agreements with the truth kept.

Clean agreements come from the bundled samples (their one real OCR error,
美祿市, fixed first), varied so the corpus is not five documents: the
parties become other municipalities, and half the variants number their
articles and dates in kanji (第十二条, 平成二十九年三月三十日). Noise is then
injected the way scans damage text, one error per chosen line so each can
be judged on its own:
- look-alike substitutions drawn from the confusion table (hand-listed
  pairs and kanji sharing a component: 祢 -> 祿, 二 -> ニ, 平成 -> 千茂),
- a space inside a name, a dropped or a doubled character,
- whole lines letter-spaced (美 祢 市 長), as OCR of wide print gives.
`measure()` runs normalize + repair on every noisy document and scores the
repairs against the truth, per category: municipality names, article
numbers and dates, running text.
"""
from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field

import regex

from pipeline.gazetteer import gazetteer
from pipeline.model import RawLine, Source
from pipeline.normalize import normalize
from pipeline.repair import repair
from pipeline.repair.glyphs import decompositions, lookalike_pairs, neighbours

CATEGORIES = ("names", "numbers", "text")
KANJI_DIGITS = "〇一二三四五六七八九"
ERA_DATE = regex.compile(r"(明治|大正|昭和|平成|令和)(\d+|元)年(?:(\d+)月(?:(\d+)日)?)?")
LABEL = regex.compile(r"第(\d+)([条項号])")
# What OCR makes of numerals and of the kanji around them (the truth side first).
NUMBER_LOOKALIKES = {"二": "ニ", "一": "ー", "八": "ハ", "十": "+", "条": "粂", "第": "弟", "項": "頃",
                     "平": "千", "成": "茂", "令": "今", "和": "私", "年": "午", "日": "曰", "月": "用",
                     "昭": "照", "0": "O", "1": "l"}


@dataclass(frozen=True)
class Injected:
    line_no: int
    category: str
    kind: str  # "substitute" | "space" | "drop" | "double"
    truth: str
    noisy: str


@dataclass
class NoisyDoc:
    doc_id: str
    truth: list[str]
    noisy: list[str]
    errors: list[Injected] = field(default_factory=list)


@dataclass(frozen=True)
class Score:
    repaired_right: int
    repairs: int
    fixed: int
    injected: int

    @property
    def precision(self) -> float:
        return self.repaired_right / self.repairs if self.repairs else 1.0

    @property
    def recall(self) -> float:
        return self.fixed / self.injected if self.injected else 1.0


def to_kanji(number: int) -> str:
    """29 -> 二十九, 252 -> 二百五十二 (the way agreements write numbers)."""
    if number == 0:
        return "〇"
    parts = []
    for value, unit in ((1000, "千"), (100, "百"), (10, "十")):
        digit, number = divmod(number, value)
        if digit:
            parts.append(("" if digit == 1 else KANJI_DIGITS[digit]) + unit)
    if number:
        parts.append(KANJI_DIGITS[number])
    return "".join(parts)


def clean_text(raw: str) -> str:
    """A bundled sample as its author wrote it: the one OCR error fixed."""
    return raw.replace("美祿市", "美祢市")


def varied(text: str, rng: random.Random, kanji_numbers: bool) -> str:
    """The same agreement between other municipalities, optionally numbered in kanji."""
    text = swap_municipalities(text, rng)
    if kanji_numbers:
        text = LABEL.sub(lambda m: f"第{to_kanji(int(m[1]))}{m[2]}", text)
        text = ERA_DATE.sub(kanji_date, text)
    return text


def kanji_date(match) -> str:
    era, year, month, day = match.groups()
    out = era + (year if year == "元" else to_kanji(int(year))) + "年"
    if month:
        out += to_kanji(int(month)) + "月"
    if day:
        out += to_kanji(int(day)) + "日"
    return out


def swap_municipalities(text: str, rng: random.Random) -> str:
    """Every municipality named becomes another one with the same suffix, consistently."""
    places = [name for name in gazetteer().by_name if name[-1] in "市町村"]
    mapping: dict[str, str] = {}
    out = []
    for line in text.split("\n"):
        pieces, last = [], 0
        for start, end, name in gazetteer().find_all(line):
            if name[-1] not in "市町村":
                continue
            if name not in mapping:
                mapping[name] = rng.choice([p for p in places if p[-1] == name[-1] and p not in mapping.values()])
            pieces += [line[last:start], mapping[name]]
            last = end
        out.append("".join(pieces) + line[last:])
    return "\n".join(out)


def ocr_lookalike(char: str, rng: random.Random) -> str | None:
    """A character OCR could read instead: a hand-listed look-alike most of
    the time, otherwise a JIS kanji that shares a component."""
    listed = sorted(c for c in lookalike_pairs().get(char, ()) if c not in "-+□")
    shared = sorted(c for c in neighbours(char) if c in decompositions() and c not in listed)
    if listed and (not shared or rng.random() < 0.6):
        return rng.choice(listed)
    return rng.choice(shared) if shared else None


def spans_by_category(line: str) -> dict[str, list[tuple[int, int]]]:
    """Where each kind of error can go on a line: inside names, inside
    labels and dates, and in other kanji."""
    names = [(s, e) for s, e, name in gazetteer().find_all(line) if name[-1] in "市町村"]
    numbers = [m.span() for m in LABEL.finditer(line)] + [m.span() for m in ERA_DATE.finditer(line)]
    numbers += [m.span() for m in regex.finditer(r"第[〇一二三四五六七八九十百千]+[条項号]", line)]
    taken = {i for s, e in names + numbers for i in range(s, e)}
    text = [(i, i + 1) for i, ch in enumerate(line) if i not in taken and regex.match(r"\p{Han}", ch)]
    return {"names": names, "numbers": numbers, "text": text}


def inject(line: str, category: str, span: tuple[int, int], rng: random.Random) -> tuple[str, str] | None:
    """(noisy line, kind) with one error inside span, or None if none fits."""
    start, end = span
    if category == "numbers":
        spots = [i for i in range(start, end) if line[i] in NUMBER_LOOKALIKES]
        if not spots:
            return None
        i = rng.choice(spots)
        return line[:i] + NUMBER_LOOKALIKES[line[i]] + line[i + 1:], "substitute"
    roll = rng.random()
    if category == "names" and roll < 0.1:
        i = rng.randrange(start + 1, end)
        return line[:i] + " " + line[i:], "space"
    if roll < 0.2 and end - start >= 3:
        i = rng.randrange(start, end - 1)  # a name's suffix is kept: 美祢 for 美祢市 is no name at all
        return line[:i] + line[i + 1:], "drop"
    if roll < 0.3:
        i = rng.randrange(start, end)
        return line[:i] + line[i] + line[i:], "double"
    spots = list(range(start, end))
    rng.shuffle(spots)
    for i in spots:
        other = ocr_lookalike(line[i], rng)
        if other:
            return line[:i] + other + line[i + 1:], "substitute"
    return None


def noisy_document(doc_id: str, truth: str, rng: random.Random, error_rate: float = 0.25) -> NoisyDoc:
    lines = truth.split("\n")
    repeated = {text for text, n in Counter(ln.strip() for ln in lines).items() if n > 1}
    doc = NoisyDoc(doc_id, lines, list(lines))
    for no, line in enumerate(lines):
        if line.strip() in repeated or rng.random() > error_rate:  # normalize drops repeated lines
            continue
        spans = {cat: found for cat, found in spans_by_category(line).items() if found}
        if not spans:
            continue
        category = next((cat for cat in ("names", "numbers") if cat in spans and rng.random() < 0.7),
                        rng.choice(sorted(spans)))  # names and labels are few: prefer them
        result = inject(line, category, rng.choice(spans[category]), rng)
        if result:
            doc.noisy[no], kind = result
            doc.errors.append(Injected(no + 1, category, kind, line, doc.noisy[no]))
        elif rng.random() < 0.1:
            doc.noisy[no] = " ".join(line)  # letter-spaced, no error to repair
    return doc


def corpus(samples: dict[str, str], variants: int = 6, seed: int = 4) -> list[NoisyDoc]:
    rng = random.Random(seed)
    docs = []
    for doc_id, raw in samples.items():
        for n in range(variants):
            truth = varied(clean_text(raw), rng, kanji_numbers=n % 2 == 1)
            docs.append(noisy_document(f"{doc_id}-{n}", truth, rng))
    return docs


def source(doc_id: str, lines: list[str]) -> Source:
    return Source(doc_id=doc_id, path=doc_id, format="text", sha256="", encoding="utf-8",
                  lines=tuple(RawLine(text, no) for no, text in enumerate(lines, 1)))


def rule_category(rule: str) -> str:
    if rule.startswith("name:"):
        return "names"
    if rule in ("context:article-number", "context:date"):
        return "numbers"
    return "text"


def measure(docs: list[NoisyDoc]) -> dict[str, Score]:
    """Precision of repairs (by the rule's category) and recall of injected
    errors (by where they were injected), over the whole corpus."""
    right, made, fixed, injected = Counter(), Counter(), Counter(), Counter()
    for doc in docs:
        truth = {ln.no: ln.text for ln in normalize(source(doc.doc_id, doc.truth))}
        result = repair(normalize(source(doc.doc_id, doc.noisy)))
        repaired = {ln.no: ln.text for ln in result.lines}
        damaged = {e.line_no for e in doc.errors}
        for correction in result.corrections:
            category = rule_category(correction.rule)
            made[category] += 1
            no = correction.line_no
            right[category] += no in damaged and repaired.get(no) == truth.get(no)
        for error in doc.errors:
            injected[error.category] += 1
            fixed[error.category] += repaired.get(error.line_no) == truth.get(error.line_no)
    return {cat: Score(right[cat], made[cat], fixed[cat], injected[cat]) for cat in CATEGORIES}
