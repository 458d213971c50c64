"""別表 rows of many documents -> a matrix of measures × documents.

The same 連携施策 is worded slightly differently from one agreement to the
next (産業クラスターの形成、イノベーションの実現 … / 産業クラスターの形成、
イノベーション実現 …), so measures are grouped by a normalized key: width,
punctuation and the particles の/及び/並びに do not count, and keys that
still differ by a character or two (産学官民 / 産学金官民) are merged.
"""
from __future__ import annotations

import difflib
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

import regex

from pipeline.model import AppendixRow, Document

LEADING_LABEL = regex.compile(r"^(?:[\(（]?[0-9０-９]{1,2}[\)）.．]|[ア-ン][\s.．、]|[①-⑳])\s*")
NOT_MEANING = regex.compile(r"[\s\p{P}\p{S}]|及び|並びに|の")
OTHER = "その他"
SIMILAR_ENOUGH = 0.85  # difflib ratio between keys of one measure (産学官民… / 産学金官民…: 0.98)
NO_FIELD = ("", "")  # (policy field, sub-field) of a row that names neither


def measure_key(name: str) -> str:
    """What stays of a measure name once wording that varies is removed.
    Every 'その他…' row means 'other measures of this field', so they share a key."""
    text = LEADING_LABEL.sub("", unicodedata.normalize("NFKC", name).strip())
    if text.startswith(OTHER):
        return OTHER
    return NOT_MEANING.sub("", text)


@dataclass(frozen=True)
class MeasureUse:
    """One document's row for a measure."""

    doc_id: str
    name: str
    row_no: int
    field: tuple[str, str]
    source_lines: str


@dataclass
class MeasureGroup:
    key: str
    uses: list[MeasureUse] = field(default_factory=list)

    @property
    def name(self) -> str:
        """The most frequent wording, shortest on a tie."""
        counts = Counter(use.name for use in self.uses)
        return min(counts, key=lambda n: (-counts[n], len(n), n))

    @property
    def variants(self) -> list[str]:
        return sorted({use.name for use in self.uses} - {self.name})

    @property
    def field(self) -> tuple[str, str]:
        """Most documents' policy field for this measure; a document that
        gives none (an overview) does not outvote those that do."""
        fields = Counter(use.field for use in self.uses if use.field != NO_FIELD)
        return min(fields, key=lambda f: (-fields[f], f)) if fields else NO_FIELD

    def uses_in(self, doc_id: str) -> list[MeasureUse]:
        return [use for use in self.uses if use.doc_id == doc_id]


@dataclass(frozen=True)
class Comparison:
    areas: list[tuple[str, list[Document]]]  # the columns: documents with 別表 rows, by 圏域
    fields: list[tuple[str, list[tuple[str, list[MeasureGroup]]]]]  # the rows: field -> sub-field -> measures

    @property
    def documents(self) -> list[Document]:
        return [doc for _, members in self.areas for doc in members]

    @property
    def n_measures(self) -> int:
        return sum(len(groups) for _, subfields in self.fields for _, groups in subfields)


def field_of(row: AppendixRow) -> tuple[str, str]:
    return (row.section_title, row.subsection_title)


def group_measures(docs: list[Document]) -> list[MeasureGroup]:
    """Every 別表 row of every document in one group per measure, in the
    order measures first appear."""
    groups: list[MeasureGroup] = []
    by_key: dict[tuple[str, str], MeasureGroup] = {}
    for doc in docs:
        for row_no, row in enumerate(doc.appendix, 1):
            use = MeasureUse(doc.doc_id, row.measure, row_no, field_of(row), row.span.lines_label)
            key = measure_key(row.measure)
            # その他 is a measure of its own in every field, never across fields.
            lookup = (key, use.field if key == OTHER else "")
            group = by_key.get(lookup) or similar_group(key, groups)
            if group is None:
                group = MeasureGroup(key)
                groups.append(group)
            by_key[lookup] = group
            group.uses.append(use)
    return groups


def similar_group(key: str, groups: list[MeasureGroup]) -> MeasureGroup | None:
    if key == OTHER:
        return None
    # get_close_matches filters with cheap upper bounds before the full ratio.
    keys = {g.key: g for g in groups if g.key != OTHER}
    match = difflib.get_close_matches(key, list(keys), n=1, cutoff=SIMILAR_ENOUGH)
    return keys[match[0]] if match else None


def central_city(doc: Document) -> str:
    party = doc.party("甲") or (doc.parties[0] if doc.parties else None)
    return party.municipality if party else ""


def areas_of(docs: list[Document]) -> list[tuple[str, list[Document]]]:
    """Documents grouped by 圏域: those of one central city (甲) side by side,
    labelled with the 圏域 name any of them gives, else with the city."""
    by_city: dict[str, list[Document]] = {}
    for doc in sorted(docs, key=lambda d: (central_city(d), d.doc_id)):
        by_city.setdefault(central_city(doc), []).append(doc)
    areas = []
    for city, members in by_city.items():
        named = next((d.area_name for d in members if d.area_name), "")
        areas.append((named or city or "(圏域不明)", members))
    return areas


def compare(docs: list[Document]) -> Comparison:
    areas = areas_of([d for d in docs if d.appendix])
    columns = [doc for _, members in areas for doc in members]
    fields: dict[str, dict[str, list[MeasureGroup]]] = {}
    for group in group_measures(columns):
        section, subsection = group.field
        fields.setdefault(section, {}).setdefault(subsection, []).append(group)
    return Comparison(areas, [(section, list(subfields.items())) for section, subfields in fields.items()])
