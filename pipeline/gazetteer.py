"""The municipalities of Japan (全国地方公共団体コード), for matching names.

Data: data/municipalities.csv (code, prefecture, city, kana), see
data/municipalities.md for its source and date.
"""
from __future__ import annotations

import csv
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import regex


NAME_SUFFIX = regex.compile(r"[市町村区都道府県]")


@dataclass(frozen=True)
class Municipality:
    code: str
    prefecture: str
    name: str  # 山口市; "" for a prefecture row
    kana: str
    prefecture_kana: str = ""

    @property
    def full_name(self) -> str:
        return self.prefecture + self.name


@dataclass(frozen=True)
class Gazetteer:
    by_name: dict[str, tuple[Municipality, ...]]
    longest: int

    def lookup(self, name: str) -> tuple[Municipality, ...]:
        """All municipalities called `name` (a prefecture prefix narrows it)."""
        name = name.strip()
        if name in self.by_name:
            return self.by_name[name]
        for prefecture_len in (3, 4):  # 山口県美祢市, 神奈川県横浜市
            prefecture, rest = name[:prefecture_len], name[prefecture_len:]
            hits = tuple(m for m in self.by_name.get(rest, ()) if m.prefecture == prefecture)
            if hits:
                return hits
        return ()

    def code(self, name: str, prefer_prefecture: str = "") -> str:
        hits = self.lookup(name)
        if prefer_prefecture:
            narrowed = tuple(m for m in hits if m.prefecture == prefer_prefecture)
            hits = narrowed or hits
        return hits[0].code if len(hits) == 1 else ""

    def codes_in_context(self, names: list[str]) -> list[str]:
        """Codes for names read together (the parties of one agreement): an
        ambiguous name (府中市: Tokyo or Hiroshima) takes the prefecture the
        unambiguous names share."""
        prefectures = [hits[0].prefecture for hits in map(self.lookup, names) if len(hits) == 1]
        context = max(set(prefectures), key=prefectures.count) if prefectures else ""
        return [self.code(name, context) for name in names]

    def starts_with_name(self, text: str) -> bool:
        """text opens with a municipality's name (甲府市長…, 美祢市大嶺町…)."""
        return any(text[:size] in self.by_name for size in range(2, self.longest + 1))

    def prefecture_of(self, address: str) -> str:
        """The prefecture an address starts with (広島県福山市… -> 広島県)."""
        for size in (3, 4):
            if len(address) >= size and address[:size] in self.by_name and address[size - 1] in "都道府県":
                return address[:size]
        return ""

    def find_all(self, text: str) -> list[tuple[int, int, str]]:
        """Non-overlapping municipality names in text, the longest ending at
        each 市/町/村/区 (or prefecture suffix). Looking back from the few
        suffix characters is ~90x faster than a regex over 1,788 names."""
        found: list[tuple[int, int, str]] = []
        previous_end = 0
        for suffix in NAME_SUFFIX.finditer(text):
            end = suffix.end()
            for size in range(min(self.longest, end - previous_end), 1, -1):
                if text[end - size:end] in self.by_name:
                    found.append((end - size, end, text[end - size:end]))
                    previous_end = end
                    break
        return found

    def is_known(self, name: str) -> bool:
        return bool(self.lookup(name))

    def is_place_reading(self, kana: str) -> bool:
        """kana (hiragana) spells the reading of a municipality or prefecture
        without its suffix: とよはし (豊橋市), くまもと (熊本市, 熊本県), はちのへ."""
        return kana in place_readings()


# The reading of each suffix as the list writes it (ﾄﾖﾊｼｼ, ﾏﾂﾏｴﾁｮｳ, ｱｲﾁｹﾝ).
SUFFIX_READINGS = {"市": ("ｼ",), "町": ("ﾁｮｳ", "ﾏﾁ"), "村": ("ｿﾝ", "ﾑﾗ"), "区": ("ｸ",),
                   "県": ("ｹﾝ",), "府": ("ﾌ",), "都": ("ﾄ",), "道": ("ﾄﾞｳ",)}
# A reading this short is a word of grammar as often as a place (つ, なか, みなと…の).
SHORTEST_READING = 3


@lru_cache(maxsize=1)
def place_readings() -> frozenset[str]:
    """The readings in hiragana of every municipality and prefecture,
    without the suffix (市, 町, 県 …)."""
    readings = set()
    for entries in gazetteer().by_name.values():
        for entry in entries:
            if entry.name:
                readings.add(reading_of(entry.name, entry.kana))
            else:  # ほっかい and ほっかいどう alike
                readings.update((reading_of(entry.prefecture, entry.prefecture_kana),
                                 reading_of("", entry.prefecture_kana)))
    return frozenset(r for r in readings if len(r) >= SHORTEST_READING)


def reading_of(name: str, kana: str) -> str:
    """ﾄﾖﾊｼｼ for 豊橋市 -> とよはし: NFKC makes the half-width katakana full
    width, and each katakana letter sits 0x60 above its hiragana."""
    for suffix in SUFFIX_READINGS.get(name[-1:], ()):
        if kana.endswith(suffix):
            kana = kana[:-len(suffix)]
            break
    full = unicodedata.normalize("NFKC", kana)
    return "".join(chr(ord(c) - 0x60) if "ァ" <= c <= "ヶ" else c for c in full)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    by_name: dict[str, list[Municipality]] = {}
    with resources.files("pipeline").joinpath("data/municipalities.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            entry = Municipality(row["code"], row["prefecture"], row["city"], row.get("city_kana", ""),
                                 row.get("prefecture_kana", ""))
            key = entry.name or entry.prefecture
            by_name.setdefault(key, []).append(entry)
    frozen = {name: tuple(entries) for name, entries in by_name.items()}
    return Gazetteer(by_name=frozen, longest=max(map(len, frozen)))
