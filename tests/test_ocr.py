"""Scanned PDFs: pages without a text layer are read by Tesseract.

The scan is made at test time: the seed agreement printed to PDF
(tests/pdf_render.py), its pages rasterized into an image-only PDF. What
OCR must get right is read off the seed text file: its articles, its date,
its 別表 rows. Tesseract is installed by `make ocr-deps` (CI runs it), so
these tests run for real.
"""
from __future__ import annotations

import subprocess
from difflib import SequenceMatcher

import numpy as np
import pytest

from pipeline import run
from pipeline.ingest import IngestError, ingest
from pipeline.ingest import ocr
from pipeline.ingest.ocr import find_rules, tsv_to_words
from tests.conftest import seed
from tests.pdf_render import Layout, rasterize_pdf, render_seed_pdf, render_text_pdf, unknown_ordering_pdf
from tests.test_pdf_ingest import BEPPYO

SEED_001 = seed("001")


def similar(a: str, b: str) -> float:
    return SequenceMatcher(None, a.replace(" ", ""), b.replace(" ", "")).ratio()


@pytest.fixture(scope="module")
def scanned_001(tmp_path_factory):
    folder = tmp_path_factory.mktemp("scan")
    printed_folder = folder / "printed"
    printed_folder.mkdir()
    printed = render_seed_pdf(SEED_001, printed_folder)
    return rasterize_pdf(printed, folder / SEED_001.name.replace(".txt", ".pdf"), dpi=300)


@pytest.fixture(scope="module")
def ocr_doc(scanned_001):
    return run(scanned_001)


def test_every_page_of_a_scan_is_read_by_ocr_with_its_confidence(scanned_001):
    source = ingest(scanned_001)
    assert len(source.pages) >= 3
    assert all(p.method == "ocr" and 50 < p.ocr_confidence <= 100 for p in source.pages)
    assert all(f"page {p.page}: no usable text layer, read by OCR" in w for p, w in zip(source.pages, source.warnings))


def test_scan_gives_the_articles_and_date_of_the_text(ocr_doc):
    from_text = run(SEED_001)
    assert ocr_doc.signed_date == from_text.signed_date  # 平成29年3月30日
    assert [a.article_no for a in ocr_doc.articles] == ["1", "2", "3", "4", "5", "6"]
    for scanned, typed in zip(ocr_doc.articles, from_text.articles):
        assert similar(scanned.text, typed.text) >= 0.9, (scanned.text, typed.text)


def test_table_of_a_scan_is_rebuilt_cell_by_cell(ocr_doc):
    """Rows come from word boxes placed in the cells of the rules found in
    the image: each cell holds its own text (plain text lines would
    interleave the columns)."""
    typed = {r.content: r for r in run(SEED_001).appendix}
    assert len(ocr_doc.appendix) >= len(typed) - 2
    matched = [r for r in ocr_doc.appendix if any(similar(r.content, content) >= 0.9 for content in typed)]
    assert len(matched) >= 0.8 * len(typed)
    for row in matched:
        best = max(typed, key=lambda content: similar(row.content, content))
        assert similar(row.role_b, typed[best].role_b) >= 0.8


def test_scanned_table_without_rules_gets_its_columns_from_the_header_words(tmp_path):
    printed = render_text_pdf(BEPPYO, tmp_path / "unruled.pdf", Layout(height=420, table_rules=False))
    assert printed.pages >= 3 and printed.split_rows
    rows = [line.text.split("\t") for line in ingest(rasterize_pdf(printed.path, tmp_path / "scan.pdf", dpi=300)).lines
            if "\t" in line.text]
    typed = [line.split("\t") for line in BEPPYO.splitlines()[2:]]
    assert len(rows) == len(typed)  # the header once, each row whole across the page breaks
    for scanned, expected in zip(rows, typed):
        assert len(scanned) == 4
        assert similar("|".join(scanned), "|".join(expected)) >= 0.9, (scanned, expected)
        assert similar(scanned[1], expected[1]) >= 0.9  # the long content cell is not mixed with its neighbours


def test_skew_of_a_crooked_page_is_measured_from_its_ink(tmp_path):
    import pypdfium2 as pdfium

    printed = render_text_pdf(BEPPYO, tmp_path / "p.pdf").path
    for turn in (0.0, 0.7, -1.6):
        scan = rasterize_pdf(printed, tmp_path / f"scan{turn}.pdf", dpi=300, turn=turn)
        page = pdfium.PdfDocument(str(scan))[0].render(scale=300 / 72, grayscale=True).to_pil()
        assert abs(ocr.skew_angle(np.asarray(page.convert("L")) < ocr.INK) - turn) <= 0.05


def test_a_crooked_scan_is_straightened_so_its_table_rules_are_found(tmp_path):
    """At 0.7° a rule drifts 3 pixel rows across the table: without turning
    the page back no rule, so no cell, is found."""
    printed = render_text_pdf(BEPPYO, tmp_path / "ruled.pdf", Layout(height=420))
    scanned = ingest(rasterize_pdf(printed.path, tmp_path / "crooked.pdf", dpi=300, turn=0.7))
    assert all(abs(page.skew - 0.7) <= 0.05 for page in scanned.pages)
    assert "straightened by 0.7" in scanned.warnings[0]
    rows = [line.text.split("\t") for line in scanned.lines if "\t" in line.text]
    typed = [line.split("\t") for line in BEPPYO.splitlines()[2:]]
    assert len(rows) == len(typed)
    for row, expected in zip(rows, typed):
        assert len(row) == 4 and similar(row[1], expected[1]) >= 0.9, (row, expected)


def test_a_noisy_scan_is_read_again_despeckled_and_its_table_cells_come_out_clean(tmp_path):
    """Specks read as . - : ) and broken rows: the page's low confidence
    sends it through a median filter, whose reading Tesseract trusts more."""
    printed = render_text_pdf(BEPPYO, tmp_path / "p.pdf")
    scanned = ingest(rasterize_pdf(printed.path, tmp_path / "noisy.pdf", dpi=200, noisy=True))
    assert any(page.despeckled for page in scanned.pages)
    assert any("despeckled" in warning for warning in scanned.warnings)
    rows = [line.text.split("\t") for line in scanned.lines if "\t" in line.text]
    typed = [line.split("\t") for line in BEPPYO.splitlines()[2:]]
    assert len(rows) == len(typed)
    assert sum(similar(row[1], expected[1]) >= 0.9 for row, expected in zip(rows, typed)) >= len(typed) - 1


def test_scan_text_is_not_letter_spaced(ocr_doc):
    """Tesseract's words are joined without spaces; past a line's label
    (ア 地域医療, 第1条 この) a space between Japanese characters is left only
    where a box gap was as wide as a character: a few, not one per word."""
    from pipeline.ingest.layout import CJK
    cells = [cell[3:] for line in ocr_doc.lines for cell in line.text.split("\t")]
    japanese = sum(len(CJK.findall(cell)) for cell in cells)
    spaces = sum(1 for cell in cells for a, b, c in zip(cell, cell[1:], cell[2:])
                 if b == " " and CJK.match(a) and CJK.match(c))
    assert japanese > 2000 and spaces < 0.01 * japanese


def test_page_with_unreadable_text_layer_falls_back_to_ocr(tmp_path):
    path = unknown_ordering_pdf(tmp_path / "cid.pdf", ["連携協約書", "山口市及び美祢市は連携協約を締結する。"])
    source = ingest(path)
    assert source.pages[0].method == "ocr" and source.pages[0].cid_glyphs > 20
    assert similar("".join(line.text for line in source.lines), "連携協約書山口市及び美祢市は連携協約を締結する。") >= 0.9


def test_missing_tesseract_fails_that_file_with_what_to_install(tmp_path, monkeypatch):
    printed = render_text_pdf("第1条 この協約は、甲及び乙が連携することを目的とする。", tmp_path / "p.pdf").path
    scanned = rasterize_pdf(printed, tmp_path / "scan.pdf")
    monkeypatch.setenv("PATH", str(tmp_path))  # no tesseract command on it
    ocr.tesseract_problem.cache_clear()
    try:
        with pytest.raises(IngestError, match="tesseract-ocr-jpn") as raised:
            ingest(scanned)
        assert "make ocr-deps" in str(raised.value)
        doc = run(scanned)
        assert doc.status == "failed" and "tesseract" in doc.warnings[0]
        assert run(printed).status != "failed"  # a PDF with a text layer needs no OCR
    finally:
        ocr.tesseract_problem.cache_clear()


# -- pieces -------------------------------------------------------------------

def test_rules_are_found_as_long_ink_runs():
    ink = np.zeros((200, 300), dtype=bool)
    ink[50:53, 20:280] = True  # a row rule, 3 px thick
    ink[150, 20:280] = True  # a thin one
    ink[100, 40:60] = True  # a dash of text, too short
    assert find_rules(ink, 100) == [(20, 50, 280, 53), (20, 150, 280, 151)]
    ink = np.zeros((200, 300), dtype=bool)
    ink[20:180, 30:32] = True  # a column rule
    assert [(y0, x0, y1, x1) for x0, y0, x1, y1 in find_rules(ink.T, 100)] == [(30, 20, 32, 180)]


TSV_HEADER = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"


def test_tesseract_tsv_becomes_word_boxes_in_points():
    tsv = (TSV_HEADER +
           "1\t1\t0\t0\t0\t0\t0\t0\t2480\t3508\t-1\t\n"
           "5\t1\t1\t1\t1\t1\t300\t600\t100\t50\t96.5\t連携\n"
           "5\t1\t1\t1\t1\t2\t410\t600\t50\t50\t83.5\t書\n"
           "5\t1\t1\t1\t1\t3\t470\t600\t10\t50\t95\t \n")
    words, confidence = tsv_to_words(tsv, scale=300 / 72)
    assert [w.text for w in words] == ["連携", "書"]
    assert (words[0].x0, words[0].top, words[0].x1, words[0].bottom) == pytest.approx((72, 144, 96, 156))
    assert confidence == 90.0


def test_specks_tesseract_reads_as_words_are_dropped_but_collapsed_characters_stay():
    """A noisy scan's specks come back as words with boxes of 2-3 pixels
    and low confidence (“ in an empty cell, . after a cell's 。), which
    make a table's rows look unfinished; a character whose box Tesseract
    collapsed (化 read at 93) and small punctuation (、 8 pixels tall) stay."""
    tsv = (TSV_HEADER +
           "5\t1\t1\t1\t0\t1\t300\t500\t100\t50\t96\t連携\n"
           "5\t1\t1\t1\t0\t2\t400\t500\t100\t50\t96\t事業\n"
           "5\t1\t1\t1\t0\t3\t500\t500\t100\t50\t96\t推進\n"
           "5\t1\t1\t1\t1\t1\t300\t600\t100\t50\t96\t取り組む\n"
           "5\t1\t1\t1\t1\t2\t400\t640\t10\t10\t90\t。\n"
           "5\t1\t1\t1\t1\t3\t700\t630\t3\t3\t0\t.\n"
           "5\t1\t1\t1\t2\t1\t300\t700\t100\t50\t96\t教育\n"
           "5\t1\t1\t1\t2\t2\t400\t700\t1\t8\t88\t、\n"
           "5\t1\t1\t1\t2\t3\t420\t720\t5\t5\t93\t化\n"
           "5\t1\t1\t1\t2\t4\t900\t710\t2\t2\t56\tて\n"
           "5\t1\t1\t1\t3\t1\t300\t800\t100\t50\t96\t甲の役割\n"
           "5\t1\t1\t1\t3\t2\t800\t810\t2\t3\t0\t“\n")
    words, confidence = tsv_to_words(tsv, scale=300 / 72)
    assert [w.text for w in words] == ["連携", "事業", "推進", "取り組む", "。", "教育", "、", "化", "甲の役割"]
    assert confidence == pytest.approx((4 * 96 + 90 + 0 + 96 + 88 + 93 + 56 + 96 + 0) / 12, abs=0.05)


def test_ocr_cache_keeps_tesseract_output_per_image_and_settings(tmp_path, monkeypatch):
    """KYOYAKU_OCR_CACHE (for benches): the same image and settings are read
    once; another image or another page segmentation mode is read again."""
    calls = []

    def fake_tesseract(command, **kwargs):
        calls.append(command)
        return subprocess.CompletedProcess(command, 0, stdout=f"output {len(calls)}", stderr="")

    monkeypatch.setattr(ocr.subprocess, "run", fake_tesseract)
    page = np.full((40, 60), 255, dtype=np.uint8)
    other = page.copy()
    other[10:20, 10:20] = 0
    assert ocr.tesseract_tsv(page) == "output 1"  # no cache folder set: always read
    assert ocr.tesseract_tsv(page) == "output 2"
    monkeypatch.setenv(ocr.CACHE_ENV, str(tmp_path / "ocr"))
    assert ocr.tesseract_tsv(page) == "output 3"
    assert ocr.tesseract_tsv(page) == "output 3"  # from the cache
    assert ocr.tesseract_tsv(other) == "output 4"
    monkeypatch.setattr(ocr, "PAGE_SEGMENTATION", "6")
    assert ocr.tesseract_tsv(page) == "output 5"
    assert len(list((tmp_path / "ocr").glob("*.tsv"))) == 3


def test_paragraph_markup_tesseract_hallucinates_is_not_read_as_text():
    from pipeline.ingest.ocr import without_markup
    assert [without_markup(w) for w in ["<p>", "</p>", "</", "D>", "、<p>", "。</p>", "<p>乙"]] == \
        ["", "", "", "", "、", "。", "乙"]
    assert without_markup("甲") == "甲" and without_markup("a<b") == "a<b"


def test_a_hallucinated_tag_split_into_a_line_of_its_own_is_dropped():
    # Rows as Tesseract wrote them for a 別表 cell of a scanned seed: </ ends
    # the cell's last line, then a line of its own reads D, テ and >.
    tsv = TSV_HEADER + ("5\t1\t13\t1\t1\t1\t1900\t1222\t200\t33\t93.0\t取組を推進する。\n"
                  "5\t1\t13\t1\t1\t2\t2123\t1222\t29\t33\t89.99\t</\n"
                  "5\t1\t14\t1\t1\t1\t1748\t1284\t16\t26\t91.91\tD\n"
                  "5\t1\t14\t1\t1\t2\t1768\t1283\t9\t17\t58.71\tテ\n"
                  "5\t1\t14\t1\t1\t3\t1776\t1279\t12\t35\t76.10\t>\n"
                  "5\t1\t15\t1\t1\t1\t1748\t1340\t60\t33\t95.0\tDX\n")
    words, _ = tsv_to_words(tsv, scale=300 / 72)
    assert [w.text for w in words] == ["取組を推進する。", "DX"]


def test_ocr_word_running_across_a_column_rule_is_cut_there():
    """Tesseract read the end of one cell's line and the start of the next
    cell's as one word 圏域甲と: each cell gets its own characters."""
    from pipeline.ingest.layout import Glyph
    from pipeline.ingest.pdf_tables import Cell, cells_to_texts

    row = [Cell(0, 0, 100, 30), Cell(100, 0, 200, 30)]
    words = [Glyph("連携する", 60, 96, 10, 19), Glyph("圏域甲と", 82, 118, 22, 31),
             Glyph("連携", 104, 122, 10, 19)]
    assert cells_to_texts([row], words, ocr=True) == [["連携する圏域", "連携甲と"]]
    # a box far wider than its two characters is not cut: where they stand is unknown
    assert cells_to_texts([row], [Glyph("産学", 30, 120, 10, 19)], ocr=True) == [["産学", ""]]


def test_ocr_word_boxed_across_a_column_rule_stays_in_the_cell_it_starts_in():
    """The last character of a cell's line, boxed by Tesseract over the
    rule with its middle beyond it (町 of 圏域内市町 in a noisy scan), ends
    that line; it cannot start the next cell's text, which stands clear of
    the rule."""
    from pipeline.ingest.layout import Glyph
    from pipeline.ingest.pdf_tables import Cell, cells_to_texts

    row = [Cell(0, 0, 100, 40), Cell(100, 0, 200, 40)]
    words = [Glyph("圏域内市", 60, 96, 10, 19), Glyph("町", 98, 104, 10, 19),
             Glyph("取り組む", 62, 98, 22, 31), Glyph("。", 99.5, 106, 22, 31),
             Glyph("各種", 104, 122, 22, 31)]
    assert cells_to_texts([row], words, ocr=True) == [["圏域内市町取り組む。", "各種"]]


def test_punctuation_hanging_past_a_cell_rule_stays_with_its_line():
    """、 set hanging past the right rule of 施策 lands just inside the next
    cell; it never starts a line, so it ends the line of the cell before."""
    from pipeline.ingest.layout import Glyph
    from pipeline.ingest.pdf_tables import Cell, cells_to_texts

    row = [Cell(0, 0, 100, 40), Cell(100, 0, 200, 40)]
    words = [Glyph("形成", 80, 98, 10, 19), Glyph("、", 100.5, 102, 17, 19), Glyph("産業", 110, 128, 10, 19),
             Glyph("育成", 4, 22, 22, 31), Glyph("、", 101, 103, 29, 31), Glyph("を", 110, 119, 22, 31)]
    assert cells_to_texts([row], words, ocr=True) == [["形成、育成", "産業、を"]]  # 育成 ends far from the rule


def test_redaction_marks_are_found_in_the_image_and_read_as_one_word():
    """●●● (a blanked template) is not in Tesseract's Japanese model: discs
    and squares of a character's size are found in the image; strokes,
    rules and larger blots are not marks."""
    from PIL import Image, ImageDraw

    from pipeline.ingest.ocr import marks_to_words, solid_marks

    scale = 300 / 72
    image = Image.new("L", (1200, 400), 255)
    draw = ImageDraw.Draw(image)
    for n in range(3):  # ●●● at 10.5 pt: discs ~35 px wide, 44 px apart
        draw.ellipse((100 + 44 * n, 100, 135 + 44 * n, 135), fill=0)
    draw.rectangle((400, 100, 435, 135), fill=0)  # ■
    draw.ellipse((600, 100, 635, 135), fill=0)  # a lone ● further on
    draw.rectangle((100, 250, 1000, 258), fill=0)  # a table rule, 8 px thick
    draw.rectangle((700, 100, 710, 200), fill=0)  # a thick stroke
    draw.ellipse((800, 20, 1100, 320), fill=0)  # a blot far larger than a character
    ink = np.asarray(image) < 160
    marks = solid_marks(ink, scale)
    assert sorted(mark for _, mark in marks) == ["■", "●", "●", "●", "●"]
    words = sorted(marks_to_words(marks, scale), key=lambda w: w.x0)
    assert [w.text for w in words] == ["●●●", "■", "●"]
    assert words[0].x0 < 100 / scale and words[0].x1 > 223 / scale  # the run's box, a little widened
