"""PDF input with a text layer: the seed agreements printed to PDF at test
time (tests/pdf_render.py) must give what their text files give, and the
faults of real text layers are repaired.

Expected values are read off the inputs: the seed .txt files, the table
written inline below, and pypdfium2's independent reading of the same PDF
for which page a sentence is printed on.
"""
from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest

from pipeline import run
from pipeline.ingest import IngestError, ingest
from pipeline.normalize import normalize
from pipeline.model import Span
from tests.conftest import SEEDS, seed
from tests.pdf_render import (Layout, blank_pdf, faux_bold_pdf, letter_spaced_pdf, mapped_glyphs_pdf, placed_text_pdf,
                               searchable_scan_of_text, searchable_scan_pdf, tesseract_searchable_pdf,
                              render_seed_pdf, render_text_pdf)

SEED_001 = seed("001")

# A 別表 whose rows are long enough to break across the small pages below;
# keys carry labels (ア, イ …) and the long ones wrap inside their cell.
BEPPYO = "\n".join([
    "別表（第3条関係）",
    "",
    "取組\t取組内容\t甲の役割\t乙の役割",
    *(f"{label} 圏域全体の経済成長のけん引に係る{topic}の推進\t"
      f"{topic}の充実を図るため、圏域の関係団体と連携し、情報共有と人材育成を進めるとともに、"
      f"各種連携事業に取り組む。あわせて{topic}に関する調査研究を行い、その成果を圏域内に広く発信する。\t"
      f"{topic}について圏域の中心的な役割を担い、乙と連携して取り組む。\t"
      f"{topic}について甲と連携して取り組む。"
      for label, topic in zip("アイウエオカ", ["観光振興", "産業振興", "地域医療", "子育て支援", "公共交通", "移住定住"])),
])
SMALL_PAGES = Layout(height=420)


def appendix_values(doc):
    return [(r.section_no, r.subsection_no, r.label, r.measure, r.content, r.role_a, r.role_b) for r in doc.appendix]


def article_values(doc):
    return [(a.article_no, a.caption, a.paragraphs) for a in doc.articles]


def signatory_values(doc):
    return [(s.role, s.municipality, s.address, s.title, s.name, s.redacted) for s in doc.signatories]


@pytest.fixture(scope="module")
def seed_pdfs(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("pdf")
    return {path.stem: render_seed_pdf(path, folder) for path in SEEDS}


@pytest.mark.parametrize("text_file", SEEDS, ids=lambda p: p.stem[:3])
def test_pdf_of_a_seed_extracts_what_its_text_file_does(seed_pdfs, text_file):
    from_text, from_pdf = run(text_file), run(seed_pdfs[text_file.stem])
    assert from_pdf.format == "pdf" and from_pdf.status != "failed"
    assert (from_pdf.doc_type, from_pdf.title, from_pdf.area_name, from_pdf.signed_date) == \
        (from_text.doc_type, from_text.title, from_text.area_name, from_text.signed_date)
    assert [(p.role, p.municipality) for p in from_pdf.parties] == [(p.role, p.municipality) for p in from_text.parties]
    assert article_values(from_pdf) == article_values(from_text)
    assert signatory_values(from_pdf) == signatory_values(from_text)
    assert appendix_values(from_pdf) == appendix_values(from_text)


def test_every_page_is_read_from_its_text_layer(seed_pdfs):
    source = ingest(seed_pdfs[SEED_001.stem])
    assert len(source.pages) >= 3
    assert all(p.method == "text" and p.ocr_confidence is None and p.cid_glyphs == 0 for p in source.pages)
    assert source.warnings == ()


def test_running_header_and_page_numbers_are_dropped(seed_pdfs):
    source = ingest(seed_pdfs[SEED_001.stem])
    texts = [line.text for line in source.lines]
    assert "連携協約書(写)" not in texts  # printed at the top of every page
    assert not any(text.startswith("- ") and text.endswith(" -") for text in texts)  # - 1 -, - 2 - …
    assert texts[0] == "連携協約書"  # the cover line itself stays


def test_paragraph_wrapped_at_the_margin_is_one_line_again(seed_pdfs):
    preamble = next(line for line in SEED_001.read_text(encoding="utf-8").splitlines()
                    if line.startswith("山口市（以下「甲」という。）"))
    assert len(preamble) > 100  # printed on three lines
    assert preamble in [line.text for line in ingest(seed_pdfs[SEED_001.stem]).lines]


def test_article_and_appendix_row_know_their_pages(seed_pdfs):
    path = seed_pdfs[SEED_001.stem]
    doc = run(path)
    article_6 = next(a for a in doc.articles if a.article_no == "6")
    first_page, last_page = pages_printing(path, "第6条"), pages_printing(path, "議会の議決を経なければ")
    assert article_6.span.pages == tuple(sorted({*first_page, *last_page}))
    row = next(r for r in doc.appendix if r.measure == "地域公共交通")
    assert row.span.pages == tuple(pages_printing(path, "ア 地域公共交通"))


def pages_printing(path: Path, text: str) -> list[int]:
    """1-based pages whose text (read by pdfium, not pdfplumber) contains text."""
    document = pdfium.PdfDocument(str(path))
    try:
        return [i + 1 for i in range(len(document))
                if text in document[i].get_textpage().get_text_range().replace("\r\n", "")]
    finally:
        document.close()


# -- a 別表 across pages ----------------------------------------------------------

@pytest.mark.parametrize("layout", [SMALL_PAGES, Layout(height=420, open_split_rows=True)],
                         ids=["ruled-break", "open-break"])
def test_table_broken_over_pages_gives_each_source_row_once(tmp_path, layout):
    rendered = render_text_pdf(BEPPYO, tmp_path / "beppyo.pdf", layout)
    assert rendered.pages >= 3 and rendered.split_rows  # rows really were cut by page breaks
    rows = [line for line in ingest(rendered.path).lines if "\t" in line.text]
    assert [r.text for r in rows] == BEPPYO.splitlines()[2:]  # header once, each row whole
    assert len({r.page for r in rows}) >= 3


def test_cut_row_with_unlabeled_key_rest_is_joined(tmp_path):
    rendered = render_text_pdf(BEPPYO, tmp_path / "beppyo.pdf", SMALL_PAGES)
    keys = [line.text.split("\t")[0] for line in ingest(rendered.path).lines if "\t" in line.text]
    cut = [key for key in rendered.split_rows if key in keys]
    assert cut and all(key[0] in "アイウエオカ" for key in keys[1:])


def test_a_row_cut_by_a_page_break_spans_both_pages_in_its_provenance(tmp_path):
    rendered = render_text_pdf(BEPPYO, tmp_path / "beppyo.pdf", SMALL_PAGES)
    rows = [line for line in ingest(rendered.path).lines if "\t" in line.text]
    cut = [row for row in rows if row.text.split("\t")[0] in rendered.split_rows]
    assert cut and all(row.end_page == row.page + 1 for row in cut)
    assert all(row.end_page is None for row in rows if row not in cut)
    first = normalize(ingest(rendered.path))
    spans = {line.text.split("\t")[0]: Span.of([line]) for line in first if "\t" in line.text}
    assert all(len(spans[row.text.split("\t")[0]].pages) == 2 for row in cut)  # source_pages "3-4"


def test_header_repeated_on_each_page_is_kept_once(tmp_path):
    rendered = render_text_pdf(BEPPYO, tmp_path / "beppyo.pdf", SMALL_PAGES)
    texts = [line.text for line in ingest(rendered.path).lines]
    assert texts.count("取組\t取組内容\t甲の役割\t乙の役割") == 1
    document = pdfium.PdfDocument(str(rendered.path))
    assert sum("甲の役割" in page.get_textpage().get_text_range() for page in document) == rendered.pages


# Role columns titled with their party's name in brackets: 甲の役割（福井市）.
FUKUI_NAMED_ROLES = "\n".join([
    "福井市及び坂井市の連携協約",
    "",
    "福井市（以下「甲」という。）及び坂井市（以下「乙」という。）は、次のとおり連携協約を締結する。",
    "第1条 甲及び乙が連携して取り組む事項及び役割分担は、別表のとおりとする。",
    "",
    "別表（第1条関係）",
    "",
    "連携施策\t取組内容\t甲の役割（福井市）\t乙の役割（坂井市）",
    "ア 企業誘致の推進\t工業団地の情報を一体的に発信する。\t情報を集約し、発信する。\t市内の情報を甲に提供する。",
    "イ 広域観光の推進\t周遊観光を推進する。\t周遊観光を企画する。\t周遊観光に協力する。",
])


def test_role_columns_titled_with_the_partys_name_in_brackets_are_the_header(tmp_path):
    """(福井市) closes the title with a bracket, as a sentence ends; the row
    is still the header, not the first measure's first words."""
    rendered = render_text_pdf(FUKUI_NAMED_ROLES, tmp_path / "named.pdf")
    assert [(r.label, r.measure, r.content, r.role_a, r.role_b) for r in run(rendered.path).appendix] == [
        ("ア", "企業誘致の推進", "工業団地の情報を一体的に発信する。", "情報を集約し、発信する。", "市内の情報を甲に提供する。"),
        ("イ", "広域観光の推進", "周遊観光を推進する。", "周遊観光を企画する。", "周遊観光に協力する。"),
    ]



# A 施策 column grouping the 取組 rows beside it (its cell spans them: empty below the first).
HACHINOHE_MEASURES_BY_POLICY = "\n".join([
    "八戸圏域連携中枢都市圏形成に係る連携協約",
    "",
    "八戸市（以下「甲」という。）及び三戸町（以下「乙」という。）は、次のとおり連携協約を締結する。",
    "第1条 甲及び乙が連携して取り組む事項及び役割分担は、別表のとおりとする。",
    "",
    "別表（第1条関係）",
    "",
    "施策\t取組\t取組内容\t甲の役割\t乙の役割",
    "1 経済成長のけん引\tア 地域産業の振興\t中小企業の販路の開拓を支援する。\t支援制度を運用する。\t制度を周知する。",
    "\tイ 観光の振興\t周遊ルートを造成する。\t情報発信を行う。\t誘客事業に協力する。",
    "2 生活機能の強化\tア 地域医療の確保\t救急医療体制を維持する。\t中核病院を運営する。\t連携に協力する。",
])


def test_a_policy_column_before_the_measures_gives_their_section(tmp_path):
    """施策 and 取組 both name a measure; the first groups the rows of the
    second, as a 分野 column does: 取組 is no content column."""
    rendered = render_text_pdf(HACHINOHE_MEASURES_BY_POLICY, tmp_path / "policy.pdf")
    assert [(r.section_no, r.section_title, r.label, r.measure, r.content, r.role_a, r.role_b)
            for r in run(rendered.path).appendix] == [
        (1, "経済成長のけん引", "ア", "地域産業の振興", "中小企業の販路の開拓を支援する。", "支援制度を運用する。", "制度を周知する。"),
        (1, "経済成長のけん引", "イ", "観光の振興", "周遊ルートを造成する。", "情報発信を行う。", "誘客事業に協力する。"),
        (2, "生活機能の強化", "ア", "地域医療の確保", "救急医療体制を維持する。", "中核病院を運営する。", "連携に協力する。"),
    ]

# Title and preamble of the pages laid out word by word below.
UBE_FRONT = [
    [(60, "宇部市及び山陽小野田市の連携協約")],
    [(60, "宇部市(以下「甲」という。)及び山陽小野田市(以下「乙」という。)は、次のとおり締結する。")],
]


def test_signature_blocks_side_by_side_on_the_page_are_read_block_by_block(tmp_path):
    path = placed_text_pdf(tmp_path / "side.pdf", [
        *UBE_FRONT,
        [(60, "第1条 この連携協約は、圏域の発展を目的とする。")],
        [(60, "この協約の締結を証するため、本書2通を作成し、記名押印の上、各自1通を保有する。")],
        [(60, "令和2年3月31日")],
        [(60, "甲 宇部市常盤町一丁目7番1号"), (320, "乙 山陽小野田市日の出一丁目1番1号")],
        [(75, "宇部市長 久保田 后子"), (335, "山陽小野田市長 藤田 剛二")],
    ])
    doc = run(path)
    assert [(s.role, s.municipality, s.address, s.title, s.name) for s in doc.signatories] == [
        ("甲", "宇部市", "宇部市常盤町一丁目7番1号", "宇部市長", "久保田 后子"),
        ("乙", "山陽小野田市", "山陽小野田市日の出一丁目1番1号", "山陽小野田市長", "藤田 剛二"),
    ]


def test_a_table_without_rules_on_a_text_layer_page_gives_cells_and_joins_wrapped_cells(tmp_path):
    path = placed_text_pdf(tmp_path / "unruled.pdf", [
        *UBE_FRONT,
        [(60, "第1条 甲及び乙の役割分担は、別表のとおりとする。")],
        [(60, "令和2年3月31日")],
        [(60, "別表(第1条関係)")],
        [(60, "連携施策"), (160, "取組内容"), (330, "甲の役割"), (450, "乙の役割")],
        [(60, "産業振興"), (160, "企業誘致を推進し、"), (330, "情報を発信する。"), (450, "用地を紹介する。")],
        [(160, "雇用を創出する。")],
        [(60, "観光振興"), (160, "周遊観光を進める。"), (330, "事業を実施し、"), (450, "事業に協力する。")],
        [(330, "効果を検証する。")],
    ])
    assert [(r.measure, r.content, r.role_a, r.role_b) for r in run(path).appendix] == [
        ("産業振興", "企業誘致を推進し、雇用を創出する。", "情報を発信する。", "用地を紹介する。"),
        ("観光振興", "周遊観光を進める。", "事業を実施し、効果を検証する。", "事業に協力する。"),
    ]


def test_a_text_layer_over_a_page_image_is_read_as_someone_elses_ocr(tmp_path):
    """A scan made searchable: its text layer is read, and its lines are
    OCR's guesses, open to the repairs for scanned pages (剛域 -> 圏域)."""
    roles = [f"{label} 事業について{kanji}域の中心的な役割を担う。" for label, kanji in zip("アイウエオ", "圏圏剛圏圏")]
    source = ingest(searchable_scan_pdf(tmp_path / "searchable.pdf", ["別表(第1条関係)", *roles]))
    assert [page.method for page in source.pages] == ["scan-text"]
    lines = normalize(source)
    assert all(line.ocr for line in lines)
    from pipeline.repair import repair
    assert [(c.original, c.corrected) for c in repair(lines).corrections] == [
        ("事業について剛域の中心的な", "事業について圏域の中心的な")]


TESSERACT_MADE_TEXT = "\n".join([
    "岡山市(以下「甲」という。)と玉野市(以下「乙」という。)は、次のとおり協約を締結する。",
    "第1条　この協約は、地方自治法第252条の2第1項の規定に基づき、必要な事項を定める。",
    "ア　地域医療の充実"])


def test_tesseracts_own_text_layer_is_read_again_by_our_ocr_when_it_can_run(tmp_path):
    """A layer Tesseract wrote is the same engine's reading of the raw image,
    which runs a table's cells together: where OCR can run, the page is
    read again, with its image's rules painted out, and says so."""
    source = ingest(tesseract_searchable_pdf(TESSERACT_MADE_TEXT, tmp_path / "tesseract.pdf", dpi=300))
    assert [page.method for page in source.pages] == ["ocr"]
    assert source.warnings[0].startswith("page 1: its Tesseract text layer read again by OCR (mean confidence ")
    first, article, item = [line.text for line in normalize(source)][-3:]
    assert first == "岡山市(以下「甲」という。)と玉野市(以下「乙」という。)は、次のとおり協約を締結する。"
    assert article.startswith("第1条 この協約は、地方自治法第252条の2")  # a gap may open before 第1項
    assert item == "ア 地域医療の充実"


def test_tesseracts_own_text_layer_is_read_by_its_word_boxes_without_its_word_spaces(tmp_path, monkeypatch):
    """Tesseract's PDF writes a space after every word, Japanese ones too
    (連携 中枢 都市 圏 の), and stretches each word with its space over the
    word's box: read by those boxes, as our own OCR's words are, the
    spaces inside Japanese go and the gaps the page shows stay. (Where
    OCR cannot run: elsewhere the page is read again, see above.)"""
    from pipeline.ingest import ocr

    monkeypatch.setattr(ocr, "tesseract_problem", lambda: "no tesseract command")
    text = "\n".join(["岡山市(以下「甲」という。)と玉野市(以下「乙」という。)は、次のとおり協約を締結する。",
                      "第1条　この協約は、地方自治法第252条の2第1項の規定に基づき、必要な事項を定める。",
                      "ア　地域医療の充実",
                      "Wi-Fi環境の整備及びICTの活用"])
    source = ingest(tesseract_searchable_pdf(text, tmp_path / "tesseract.pdf", dpi=300))
    assert [page.method for page in source.pages] == ["scan-text"]
    lines = [line.text for line in normalize(source)][-4:]
    assert lines[:3] == ["岡山市(以下「甲」という。)と玉野市(以下「乙」という。)は、次のとおり協約を締結する。",
                         "第1条 この協約は、地方自治法第252条の2第1項の規定に基づき、必要な事項を定める。",
                         "ア 地域医療の充実"]
    assert lines[3].endswith(" 環境の整備及びICTの活用")  # Tesseract's own reading of Wi-Fi aside


# -- text-layer faults -------------------------------------------------------------

@pytest.mark.parametrize("prefix", ["000", "004"])
def test_a_searchable_scan_reads_its_table_by_the_rules_in_its_image(tmp_path, prefix):
    """A scan made searchable has a text layer but its 別表's rules only in
    the image: found there, the cells are read as on a printed PDF; without
    them the wrapped cells, set closer than a column gap, ran together."""
    path = searchable_scan_of_text(seed(prefix).read_text(encoding="utf-8"), tmp_path / f"{prefix}.pdf")
    assert {page.method for page in ingest(path).pages} == {"scan-text"}
    assert appendix_values(run(path)) == appendix_values(run(seed(prefix)))


def test_bars_ocr_read_from_a_scans_column_rules_are_dropped(tmp_path):
    """Tesseract's own text layer has a "|" where it read a table's column
    rule: one that sits on a rule found in the page's image is the rule,
    no character of the cell beside it."""
    path = searchable_scan_of_text(seed("000").read_text(encoding="utf-8"), tmp_path / "bars.pdf", bars_on_rules=True)
    assert any(c in "|｜" for c in pdftext(path)), "the probe has no bars to drop"
    doc = run(path)
    assert appendix_values(doc) == appendix_values(run(seed("000")))
    assert not any("|" in value for row in appendix_values(doc) for value in row if isinstance(value, str))


def pdftext(path: Path) -> str:
    document = pdfium.PdfDocument(str(path))
    try:
        return "".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


def test_faux_bold_duplicates_are_read_once(tmp_path):
    source = ingest(faux_bold_pdf(tmp_path / "bold.pdf", ["連携協約書", "第1条 この連携協約は、甲及び乙が締結する。"]))
    assert [line.text for line in source.lines if line.text] == ["連携協約書", "第1条 この連携協約は、甲及び乙が締結する。"]


def test_letter_spacing_is_not_read_as_spaces_but_real_spaces_stay(tmp_path):
    source = ingest(letter_spaced_pdf(tmp_path / "spaced.pdf", ["この連携協約は甲及び乙が", "ア 経済戦略の策定", "E S D"]))
    assert [line.text for line in source.lines if line.text] == ["この連携協約は甲及び乙が", "ア 経済戦略の策定", "E S D"]



def test_a_text_layer_with_a_space_after_every_character_keeps_only_its_wider_word_spaces(tmp_path):
    """Some converters write justified or letter-spaced text as characters
    with a space glyph after each (鶴 岡 市 長   皆 川   治): one space is
    the letter spacing, two or more stand for a word space in the text."""
    def spaced(text: str) -> str:
        return " ".join(text)

    path = placed_text_pdf(tmp_path / "spaced_out.pdf", [
        [(60, spaced("三川町長 阿部 誠"))],
        [(60, spaced("甲 山形県鶴岡市馬場町9番25号"))],
        [(60, spaced("令和5年4月1日"))],
    ])
    assert [line.text for line in ingest(path).lines if line.text] == [
        "三川町長 阿部 誠", "甲 山形県鶴岡市馬場町9番25号", "令和5年4月1日"]

def test_radical_code_points_in_the_text_layer_are_folded(tmp_path):
    path = mapped_glyphs_pdf(tmp_path / "radicals.pdf", [["山口市⻑ 渡辺純忠", "⾧期的な取組"]])
    source = ingest(path)
    assert [line.text for line in source.lines if line.text] == ["山口市⻑ 渡辺純忠", "⾧期的な取組"]
    assert [line.text for line in normalize(source)] == ["山口市長 渡辺純忠", "長期的な取組"]


def test_a_party_written_with_radical_code_points_matches_the_gazetteer(tmp_path):
    """A font drawing 亀 and ⻲ (竜 and ⻯) with one glyph may map it back to
    the radical: 亀岡市 and 竜王町 must still be found as municipalities."""
    path = mapped_glyphs_pdf(tmp_path / "radical_names.pdf", [[
        "⻲岡市と⻯王町の連携協約",
        "⻲岡市（以下「甲」という。）及び⻯王町（以下「乙」という。）は、",
        "次のとおり連携協約を締結する。",
        "第1条 甲及び乙は、連携して観光の振興に取り組む。",
        "令和3年4月1日",
        "甲 ⻲岡市⻑ 桂川 孝裕",
        "乙 ⻯王町⻑ 西田 秀治",
    ]])
    doc = run(path)
    assert (doc.party("甲").municipality, doc.party("乙").municipality) == ("亀岡市", "竜王町")
    assert [(s.role, s.municipality, s.title) for s in doc.signatories] == [
        ("甲", "亀岡市", "亀岡市長"), ("乙", "竜王町", "竜王町長")]


def test_glyphs_without_unicode_are_counted_and_reported(tmp_path):
    path = mapped_glyphs_pdf(tmp_path / "cid.pdf", [["長﨑市と甲の連携協約", "第1条 目的"]], unmapped="﨑")
    source = ingest(path)
    assert source.pages[0].method == "text" and source.pages[0].cid_glyphs == 1
    assert source.lines[0].text == "長\ufffd市と甲の連携協約"  # the glyph's place is kept
    assert normalize(source)[0].text == "長市と甲の連携協約"
    assert source.warnings == ("page 1: 1 glyphs without a Unicode value (cid:NNN)",)


# -- files that cannot be read -----------------------------------------------------

def test_damaged_pdf_fails_with_a_reason(write_file):
    path = write_file("broken.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n")
    with pytest.raises(IngestError, match="damaged PDF"):
        ingest(path)


def test_pdf_of_blank_pages_fails_with_a_reason(tmp_path):
    with pytest.raises(IngestError, match="PDF without text"):
        ingest(blank_pdf(tmp_path / "blank.pdf", pages=2))


def test_encrypted_pdf_fails_with_a_reason(tmp_path):
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    path = tmp_path / "locked.pdf"
    pdf = canvas.Canvas(str(path), encrypt=pdfencrypt.StandardEncryption("secret", canPrint=0))
    pdf.drawString(72, 720, "locked")
    pdf.save()
    with pytest.raises(IngestError, match="encrypted PDF"):
        ingest(path)


def test_batch_with_pdf_and_text_writes_source_pages(seed_pdfs, tmp_path):
    import pandas as pd

    from pipeline.cli import main

    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.pdf").write_bytes(seed_pdfs[SEED_001.stem].read_bytes())
    (raw / "b.txt").write_bytes(seed("002").read_bytes())
    assert main(["run", str(raw), "--out", str(tmp_path / "out")]) == 0
    documents = pd.read_csv(tmp_path / "out" / "documents.csv")
    assert dict(zip(documents.doc_id, documents.format)) == {"a": "pdf", "b": "text"}
    articles = pd.read_csv(tmp_path / "out" / "articles.csv", dtype=str)
    assert articles[articles.doc_id == "a"].source_pages.notna().all()
    assert articles[articles.doc_id == "b"].source_pages.isna().all()
