"""Comparing a Document with the values a careful reader takes from it, as
the scorer compares them (FORMAT of the scorer): text after Unicode NFKC
with every whitespace character removed, numbers as integers, dates as ISO
strings; a field that is `null` in the expected values is not compared.

Shared by tests/test_corpus.py (hand-written expected files) and
tests/test_metamorphic.py (the same documents, rewritten in ways a reader
does not notice). Each `compare_*` adds every mismatch of one field group to
a Diff, so one failure lists them all.
"""
from __future__ import annotations

import datetime as dt
import unicodedata

import pytest
import regex

from pipeline.model import Document


def norm(value) -> str:
    """The scorer's text normal form: NFKC, no whitespace at all."""
    if value is None:
        return ""
    return regex.sub(r"\s+", "", unicodedata.normalize("NFKC", str(value)))


def iso(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


def as_int(value) -> int | None:
    return None if value in (None, "") else int(value)


class Diff:
    """Collects every mismatch of one field group, so one run shows them all."""

    def __init__(self, doc: str) -> None:
        self.doc = doc
        self.problems: list[str] = []

    def text(self, where: str, expected, actual) -> None:
        if expected is None:
            return
        if norm(expected) != norm(actual):
            self.problems.append(f"{where}:\n      expected {str(expected)!r}\n      got      {str(actual)!r}")

    def value(self, where: str, expected, actual) -> None:
        if expected != actual:
            self.problems.append(f"{where}:\n      expected {expected!r}\n      got      {actual!r}")

    def check(self) -> None:
        if self.problems:
            pytest.fail(f"{self.doc}: {len(self.problems)} field(s) differ\n  " + "\n  ".join(self.problems),
                        pytrace=False)


def compare_document_fields(diff: Diff, exp: dict, doc: Document) -> None:
    diff.value("status", "not failed", "failed" if doc.status == "failed" else "not failed")
    diff.value("doc_type", exp["doc_type"], doc.doc_type)
    diff.text("title", exp["title"], doc.title)
    diff.text("area_name", exp.get("area_name"), doc.area_name)
    for role, key in (("甲", "party_a"), ("乙", "party_b")):
        party = doc.party(role)
        diff.text(f"{key} ({role})", exp[key], party.municipality if party else "")
    diff.value("signed_date", exp["signed_date"], iso(doc.signed_date))
    if exp.get("parties") is not None:
        diff.value("parties", [(p["role"], norm(p["municipality"])) for p in exp["parties"]],
                   [(p.role, norm(p.municipality)) for p in doc.parties])
    for date in exp.get("dates") or []:
        kinds = [d.kind for d in doc.dates if d.iso.isoformat() == date["date"]]
        if date["kind"] not in kinds:
            diff.value(f"dates: {date['date']}", date["kind"], kinds or "not found")


def compare_articles(diff: Diff, exp: dict, doc: Document) -> None:
    expected_numbers = [str(a["article_no"]) for a in exp["articles"]]
    actual_numbers = [a.article_no for a in doc.articles]
    diff.value("article numbers", expected_numbers, actual_numbers)
    actual_by_no = {a.article_no: a for a in doc.articles}
    for article in exp["articles"]:
        no = str(article["article_no"])
        got = actual_by_no.get(no)
        if got is None:
            continue
        diff.text(f"article {no} caption", article["caption"], got.caption)
        diff.text(f"article {no} text", article["text"], got.text)


SIGNATORY_FIELDS = ("role", "municipality", "address", "title", "name")


def compare_signatories(diff: Diff, exp: dict, doc: Document) -> None:
    diff.value("number of signatories", len(exp["signatories"]), len(doc.signatories))
    for n, (want, got) in enumerate(zip(exp["signatories"], doc.signatories), 1):
        for name in SIGNATORY_FIELDS:
            diff.text(f"signatory {n} ({want['role']}) {name}", want[name], getattr(got, name))
        diff.value(f"signatory {n} ({want['role']}) redacted", want["redacted"], got.redacted)


APPENDIX_TEXT_FIELDS = ("section_title", "subsection_title", "label", "measure", "content", "role_a", "role_b")


def paired_rows(expected: list[dict], actual: list) -> list[tuple[int, dict, object]]:
    """Rows side by side: by position when the counts agree; otherwise each
    expected row with the first unused output row of the same measure (None
    if there is none), so one missing or split row does not make every later
    row differ."""
    if len(expected) == len(actual):
        return [(n, want, got) for n, (want, got) in enumerate(zip(expected, actual), 1)]
    unused = list(actual)
    pairs = []
    for n, want in enumerate(expected, 1):
        got = next((r for r in unused if norm(r.measure) == norm(want["measure"])), None)
        if got is not None:
            unused.remove(got)
        pairs.append((n, want, got))
    return pairs


def compare_appendix(diff: Diff, exp: dict, doc: Document) -> None:
    diff.value("number of appendix rows", len(exp["appendix"]), len(doc.appendix))
    if len(exp["appendix"]) != len(doc.appendix):
        diff.value("measures", [norm(r["measure"]) for r in exp["appendix"]],
                   [norm(r.measure) for r in doc.appendix])
    for n, want, got in paired_rows(exp["appendix"], list(doc.appendix)):
        where = f"row {n} ({want['measure'][:20]})"
        if got is None:
            diff.value(where, "a row with this measure", "none")
            continue
        for name in ("section_no", "subsection_no"):
            diff.value(f"{where} {name}", as_int(want[name]), as_int(getattr(got, name)))
        for name in APPENDIX_TEXT_FIELDS:
            diff.text(f"{where} {name}", want[name], getattr(got, name))
        # 丙's role: compared where the expected row gives one (three parties sharing the measures)
        diff.text(f"{where} role_c", want.get("role_c"), got.role_c)
        # 備考: written only where the document gives one; elsewhere none is expected
        diff.text(f"{where} note", want.get("note", ""), got.note)


def pairs_match(expected: tuple[str, str], logged: tuple[str, str]) -> bool:
    """A logged correction stands for an expected one when each side holds
    the other, original with original and corrected with corrected: the
    log shows the word around the change (今和2年3月1日 for 今和2年), as the
    scorer's containment test allows."""
    (o, k), (lo, lk) = expected, logged
    return (o in lo and k in lk) or (lo in o and lk in k)


def compare_corrections(diff: Diff, exp: dict, doc: Document) -> None:
    """Each expected (original, corrected) pair must be logged and, since a
    wrong correction is worse than a missed one, each logged correction must
    be one of them. Not compared when there is no `corrections` list."""
    if exp.get("corrections") is None:
        return
    expected = {(norm(c["original"]), norm(c["corrected"])) for c in exp["corrections"]}
    logged = {(norm(c.original), norm(c.corrected)) for c in doc.corrections}
    for pair in sorted(expected):
        if not any(pairs_match(pair, found) for found in logged):
            diff.value(f"correction {pair[0]} -> {pair[1]}", "logged", "missing")
    for found in sorted(logged):
        if not any(pairs_match(pair, found) for pair in expected):
            diff.value(f"correction {found[0]} -> {found[1]}", "not made", "made (not in the expected list)")


def compare_everything(diff: Diff, exp: dict, doc: Document) -> None:
    for compare in (compare_document_fields, compare_articles, compare_signatories, compare_appendix,
                    compare_corrections):
        compare(diff, exp, doc)


def expected_from(doc: Document) -> dict:
    """A Document written as expected values in the gold format: for the
    bundled samples, whose extraction scores 1.000 against the shared gold,
    this is their gold, kept without copying the scorer's files."""
    return {
        "doc_type": doc.doc_type, "title": doc.title, "area_name": doc.area_name,
        "party_a": party_name(doc, "甲"), "party_b": party_name(doc, "乙"),
        "signed_date": iso(doc.signed_date),
        "parties": [{"role": p.role, "municipality": p.municipality} for p in doc.parties],
        "dates": [{"date": d.iso.isoformat(), "kind": d.kind} for d in doc.dates],
        "articles": [{"article_no": a.article_no, "caption": a.caption, "text": a.text} for a in doc.articles],
        "signatories": [{name: getattr(s, name) for name in SIGNATORY_FIELDS + ("redacted",)}
                        for s in doc.signatories],
        "appendix": [{name: getattr(r, name) for name in ("section_no", "subsection_no") + APPENDIX_TEXT_FIELDS}
                     for r in doc.appendix],
        "corrections": [{"original": c.original, "corrected": c.corrected} for c in doc.corrections],
    }


def party_name(doc: Document, role: str) -> str:
    party = doc.party(role)
    return party.municipality if party else ""
