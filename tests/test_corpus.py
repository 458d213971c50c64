"""A corpus of agreements in wordings and layouts the bundled samples do not
have (tests/data/corpus/). Each document has a hand-written
`<stem>.expected.json` beside it, in the gold format (FORMAT of the scorer):
the values a careful reader takes from the document, written by reading it.

Values are compared as the scorer compares them: text after Unicode NFKC
with every whitespace character removed, numbers as integers, dates as ISO
strings. A field that is `null` in the expected file is not compared.
One test per document and field group, each listing every field that differs.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pytest

from pipeline import run
from pipeline.model import Document
from tests.expected_values import (Diff, compare_appendix, compare_articles, compare_corrections,
                                   compare_document_fields, compare_signatories)

CORPUS = Path(__file__).resolve().parent / "data" / "corpus"
EXPECTED_SUFFIX = ".expected.json"


def corpus_documents() -> list[Path]:
    return sorted(p for p in CORPUS.iterdir()
                  if p.is_file() and not p.name.endswith(EXPECTED_SUFFIX)
                  and (CORPUS / (p.stem + EXPECTED_SUFFIX)).exists())


DOCUMENTS = corpus_documents()
IDS = [p.stem for p in DOCUMENTS]


@lru_cache(maxsize=None)
def result(path: Path) -> Document:
    return run(path)


def expected_of(path: Path) -> dict:
    return json.loads((CORPUS / (path.stem + EXPECTED_SUFFIX)).read_text(encoding="utf-8"))


def test_the_corpus_is_there():
    assert len(DOCUMENTS) >= 10, [p.name for p in CORPUS.iterdir()]


def compared(path: Path, compare) -> None:
    exp, doc = expected_of(path), result(path)
    diff = Diff(path.name)
    compare(diff, exp, doc)
    diff.check()


@pytest.mark.parametrize("path", DOCUMENTS, ids=IDS)
def test_document_fields(path):
    compared(path, compare_document_fields)


@pytest.mark.parametrize("path", DOCUMENTS, ids=IDS)
def test_articles(path):
    compared(path, compare_articles)


@pytest.mark.parametrize("path", DOCUMENTS, ids=IDS)
def test_signatories(path):
    compared(path, compare_signatories)


@pytest.mark.parametrize("path", DOCUMENTS, ids=IDS)
def test_appendix(path):
    compared(path, compare_appendix)


@pytest.mark.parametrize("path", DOCUMENTS, ids=IDS)
def test_corrections(path):
    """The (original, corrected) pairs of the expected file, compared as the
    scorer does (NFKC, no whitespace): each must be logged, and, since a
    wrong correction is worse than a missed one, each logged correction must
    be one of them. Not compared when the file has no `corrections` list."""
    compared(path, compare_corrections)
