"""Repair measured on a corpus of agreements with injected OCR noise.

Targets (issue 4): precision >= 0.98 in every category (a wrong repair is
worse than none), recall >= 0.90 for municipality names and for article
numbers and dates, and no change at all to the clean documents. The
numbers are printed with `pytest -s tests/test_ocr_noise.py` and by
`make bench` (bench/ocr_repair.py).
"""
from __future__ import annotations

import random

import pytest

from pipeline.normalize import normalize
from pipeline.repair import repair
from tests.conftest import SEEDS
from tests.ocr_noise import corpus, measure, noisy_document, source, to_kanji, varied, clean_text


@pytest.fixture(scope="module")
def noisy_corpus():
    samples = {path.stem: path.read_text(encoding="utf-8") for path in SEEDS}
    return corpus(samples, variants=12)


@pytest.fixture(scope="module")
def scores(noisy_corpus):
    result = measure(noisy_corpus)
    for category, score in result.items():
        print(f"\n{category:8} precision {score.precision:.3f} ({score.repaired_right}/{score.repairs})"
              f"  recall {score.recall:.3f} ({score.fixed}/{score.injected})")
    return result


def test_every_category_gets_enough_injected_errors_to_measure(scores):
    assert all(score.injected >= 60 for score in scores.values())


@pytest.mark.parametrize("category", ["names", "numbers", "text"])
def test_repairs_are_precise(scores, category):
    assert scores[category].precision >= 0.98


@pytest.mark.parametrize("category", ["names", "numbers"])
def test_names_numbers_and_dates_are_recovered(scores, category):
    assert scores[category].recall >= 0.90


def test_noisy_documents_are_read_as_ocr_output(noisy_corpus):
    """Their sources carry no OCR marks, as a .txt of OCR'd text: the
    misreadings the look-alike rules correct must tell them (the clean
    variants, below, get no warning at all)."""
    read_as_ocr = [doc.doc_id for doc in noisy_corpus
                   if all(line.ocr for line in repair(normalize(source(doc.doc_id, doc.noisy))).lines)]
    assert len(read_as_ocr) >= 0.95 * len(noisy_corpus)


def test_clean_variants_are_left_exactly_as_they_are(noisy_corpus):
    for doc in noisy_corpus:
        result = repair(normalize(source(doc.doc_id, doc.truth)))
        assert result.corrections == () and result.warnings == (), doc.doc_id


# --- the generator itself ----------------------------------------------------

def test_kanji_numbers_are_written_as_agreements_write_them():
    assert [to_kanji(n) for n in (1, 10, 12, 29, 252, 2019)] == ["一", "十", "十二", "二十九", "二百五十二",
                                                                   "二千十九"]


def test_variants_swap_parties_consistently_and_can_number_in_kanji():
    text = clean_text("山口市(以下「甲」という。)及び美祿市(以下「乙」という。)\n第2条 平成29年3月30日\n美祿市長")
    out = varied(text, random.Random(1), kanji_numbers=True)
    first, second, third = out.split("\n")
    assert "山口市" not in out and "美祢市" not in out
    party_b = first.split("及び")[1].split("(")[0]
    assert third == party_b + "長"
    assert second == "第二条 平成二十九年三月三十日"


def test_injected_errors_keep_the_truth_and_change_only_their_line():
    text = clean_text(SEEDS[1].read_text(encoding="utf-8"))
    doc = noisy_document("001", text, random.Random(7), error_rate=0.5)
    assert doc.truth == text.split("\n")
    damaged = {error.line_no for error in doc.errors}
    assert damaged
    for no, (truth, noisy) in enumerate(zip(doc.truth, doc.noisy), 1):
        if no in damaged:
            assert truth != noisy
        elif truth != noisy:  # a letter-spaced line without an error
            assert noisy.replace(" ", "") == truth.replace(" ", "")
