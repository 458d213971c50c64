"""Three agreements drawn the way municipalities lay out their PDFs
(tests/pdf_layouts.py) read through the whole pipeline; then one focused
test per repair those layouts needed.

The expected values below were written by reading the drawn pages (as
rendered to images), not taken from the pipeline's output.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline import run
from pipeline.ingest import ingest
from tests.pdf_layouts import MARGIN, Sheet, filled_header_table, landscape_appendix_pdf, merged_cells_pdf, \
    placed_chars_pdf, rules_only_across, section_cut_after_first_row_pdf, towns_sharing_role_pdf, two_up_pdf, \
    vertical_writing_pdf, wide_appendix_pdf

SIGNATORY = ("role", "municipality", "address", "title", "name", "redacted")


def document_values(doc):
    return (doc.title, doc.area_name, doc.party("甲").municipality, doc.party("乙").municipality,
            doc.signed_date.isoformat() if doc.signed_date else "")


def article_values(doc):
    return [(a.article_no, a.caption, a.paragraphs) for a in doc.articles]


def signatory_values(doc):
    return [tuple(getattr(s, name) for name in SIGNATORY) for s in doc.signatories]


def appendix_values(doc):
    return [(r.section_no, r.section_title, r.label, r.measure, r.content, r.role_a, r.role_b) for r in doc.appendix]


@pytest.fixture(scope="module")
def drawn(tmp_path_factory) -> dict[str, tuple[Path, int]]:
    folder = tmp_path_factory.mktemp("layouts")
    return {"aomori": merged_cells_pdf(folder / "aomori.pdf"),
            "kanazawa": landscape_appendix_pdf(folder / "kanazawa.pdf"),
            "towada": placed_chars_pdf(folder / "towada.pdf")}


# -- 1. merged 分野 cells, a two-level header, a table going on over a page ----------

def test_merged_cells_agreement(drawn):
    path, pages = drawn["aomori"]
    assert pages == 2  # the 別表 goes on overleaf, its header not repeated
    doc = run(path)
    assert doc.status == "ok"
    assert document_values(doc) == ("青森圏連携中枢都市圏形成に係る連携協約書", "青森圏連携中枢都市圏", "青森市", "平内町",
                                    "2021-03-29")
    assert article_values(doc) == [
        ("1", "目的", ("この連携協約は、甲及び乙が連携し、圏域全体の経済成長のけん引、高次の都市機能の集積・強化及び"
                       "生活関連機能サービスの向上を図ることにより、圏域の活性化を図ることを目的とする。",)),
        ("2", "連携する取組及び役割分担", ("甲及び乙が連携して取り組む事項及び役割分担は、別表のとおりとする。",)),
        ("3", "協約の変更及び廃止", ("この連携協約を変更し、又は廃止しようとするときは、甲及び乙が協議の上、"
                                "あらかじめそれぞれの議会の議決を経なければならない。",)),
    ]
    assert signatory_values(doc) == [
        ("甲", "青森市", "青森県青森市中央一丁目22番5号", "青森市長", "山本 健一", False),
        ("乙", "平内町", "青森県東津軽郡平内町大字小湊字小湊63", "平内町長", "佐藤 幸子", False),
    ]
    assert appendix_values(doc) == AOMORI_APPENDIX
    assert [r.span.pages for r in doc.appendix][2:4] == [(1,), (2,)]  # イ of 分野 2 is overleaf


GROWTH, HUB, LIFE = "圏域全体の経済成長のけん引", "高次の都市機能の集積・強化", "圏域全体の生活関連機能サービスの向上"
AOMORI_APPENDIX = [
    (1, GROWTH, "ア", "地域産業の振興",
     "圏域の中小企業が行う新製品の開発及び販路の開拓を支援するとともに、創業を希望する者への相談体制を整え、"
     "地域産業の担い手を育成する。",
     "支援制度を設けて運用し、乙と連携して相談窓口を開設する。", "甲と連携し、町内の事業者に制度を周知する。"),
    (1, GROWTH, "イ", "観光の振興",
     "圏域の観光資源を結ぶ周遊ルートを造成し、国内外からの誘客を促進するとともに、観光案内の多言語化を進め、"
     "滞在型観光の充実を図る。",
     "周遊ルートの造成及び情報発信を行う。", "町内の観光資源の情報を甲に提供し、誘客事業に協力する。"),
    (2, HUB, "ア", "高度な医療サービスの提供",
     "圏域の救急医療体制を維持するため、中核病院と地域の医療機関との連携を強化し、医療従事者の確保及び育成に取り組む。",
     "中核病院の機能を充実し、乙の医療機関との連携を図る。", "甲と連携し、医療機関相互の連携に協力する。"),
    (2, HUB, "イ", "公共交通ネットワークの構築",
     "圏域の住民の移動手段を確保するため、路線バス及び鉄道の利用を促進し、交通結節点の機能を強化するとともに、"
     "地域の実情に応じた交通手段を検討する。",
     "路線の維持に向けた利用促進策を乙と連携して実施する。", "甲と連携し、町内の交通手段の確保に取り組む。"),
    (3, LIFE, "ア", "子育て支援の充実",
     "圏域内の保育施設の広域利用を進め、子育て世帯が安心して暮らせる環境を整備する。",
     "広域利用の調整を行う。", "広域利用の調整に協力する。"),
    (3, LIFE, "イ", "職員の人材育成", "合同研修を実施し、圏域の行政課題に対応できる職員を育成する。",
     "合同研修を企画し、実施する。", "合同研修に職員を派遣する。"),
]


def test_a_two_level_header_repeated_atop_the_next_page_is_dropped_whole(tmp_path):
    """Word repeats both header rows (分野 … 役割分担, then 甲 | 乙) on the
    page the table goes on to; neither is a row of the 別表."""
    path, pages = merged_cells_pdf(tmp_path / "aomori.pdf", repeat_header=True)
    assert pages == 2
    doc = run(path)
    assert appendix_values(doc) == AOMORI_APPENDIX
    assert [r.span.pages for r in doc.appendix][2:4] == [(1,), (2,)]


# -- 2. a landscape 別表 among portrait pages; signatures side by side with seals ---------

def test_landscape_appendix_agreement(drawn):
    path, pages = drawn["kanazawa"]
    doc = run(path)
    assert doc.status == "ok"
    assert document_values(doc) == ("石川中央都市圏形成に係る連携協約", "石川中央都市圏", "金沢市", "津幡町", "2022-03-25")
    assert [a.article_no for a in doc.articles] == [str(n) for n in range(1, 9)]
    assert article_values(doc)[6] == ("7", "協約の廃止", (
        "甲又は乙は、この連携協約を廃止しようとするときは、あらかじめ議会の議決を経た上で、相手方に通告するものとする。",
        "この連携協約は、前項の規定による通告があった日から起算して2年を経過した日に、その効力を失う。"))
    assert signatory_values(doc) == [
        ("甲", "金沢市", "石川県金沢市広坂一丁目1番1号", "金沢市長", "村田 誠一", False),
        ("乙", "津幡町", "石川県河北郡津幡町字加賀爪ニ3番地", "津幡町長", "中川 和子", False),
    ]
    assert appendix_values(doc) == KANAZAWA_APPENDIX
    assert all(r.span.pages == (3,) for r in doc.appendix)
    texts = [line.text.strip() for line in ingest(path).lines]
    assert not [t for t in texts if "連携協約書" == t or t.startswith("- ") or "/3" in t]  # furniture of every page


KANAZAWA_APPENDIX = [
    (None, "", "ア", "企業誘致の推進",
     "圏域への企業の立地を促進するため、工業団地の情報を一体的に発信し、立地を検討する企業への支援を行う。",
     "圏域の工業団地の情報を集約し、一体的に発信する。", "町内の工業団地の情報を甲に提供し、企業の誘致に協力する。"),
    (None, "", "イ", "広域観光の推進", "圏域の観光資源を生かした周遊観光を推進し、交流人口の拡大を図る。",
     "周遊観光の企画及び情報発信を行う。", "町内の観光資源の情報を提供し、周遊観光の推進に協力する。"),
    (None, "", "ウ", "地域医療の確保", "休日及び夜間の救急医療体制を確保するため、医療機関の連携を図る。",
     "休日夜間急病診療所を運営する。", "甲と連携し、住民への周知を行う。"),
    (None, "", "エ", "図書館の相互利用", "圏域の住民が圏域内の図書館を相互に利用できるようにする。",
     "乙の住民の利用を受け入れる。", "甲の住民の利用を受け入れる。"),
]


# -- 2b. the landscape 別表 page written turned ---------------------------------------------

KANAZAWA_ARTICLE_VALUES = [
    ("1", "目的", ("この連携協約は、甲及び乙が連携し、圏域の活性化を図ることを目的とする。",)),
    ("2", "基本方針", ("甲及び乙は、前条に規定する目的を達成するため、次条に規定する取組について、相互に役割を分担し、"
                     "連携を図るものとする。",)),
    ("3", "連携する取組及び役割分担", ("甲及び乙が連携して取り組む事項及び役割分担は、別表に定めるとおりとする。",)),
    ("4", "費用負担", ("前条に規定する取組を推進するために要する費用の負担については、甲及び乙が協議して別に定める。",)),
    ("5", "連絡会議", ("甲及び乙の長は、この連携協約の推進に関し連絡調整を図るため、毎年度、連絡会議を開催するものとする。",)),
    ("6", "協約の変更", ("この連携協約を変更しようとするときは、甲及び乙が協議の上、それぞれの議会の議決を経なければならない。",)),
    ("7", "協約の廃止", ("甲又は乙は、この連携協約を廃止しようとするときは、あらかじめ議会の議決を経た上で、相手方に通告するものとする。",
                      "この連携協約は、前項の規定による通告があった日から起算して2年を経過した日に、その効力を失う。")),
    ("8", "疑義の解決", ("この連携協約に定めのない事項又はこの連携協約に関し疑義が生じたときは、甲及び乙が協議して定める。",)),
]

# how page 3 is written: (its /Rotate, the turn of its content on the MediaBox), as Sheet.new_page takes them
SHOWN_UPRIGHT = {"portrait-rotate-90": (90, 90), "portrait-rotate-270": (270, 270)}  # pdfminer turns these itself
SHOWN_TURNED = {"landscape-rotate-90": (90, 0), "landscape-rotate-270": (270, 0), "landscape-rotate-180": (180, 0),
                "portrait-drawn-turned-90": (0, 90), "portrait-drawn-turned-270": (0, 270)}


@pytest.fixture(scope="module")
def landscape_lines(drawn) -> list[tuple[str, int]]:
    """What the plain landscape 別表 page (a landscape MediaBox) gives."""
    return [(line.text, line.page) for line in ingest(drawn["kanazawa"][0]).lines]


@pytest.mark.parametrize("rotate, turn", [*SHOWN_UPRIGHT.values(), *SHOWN_TURNED.values()],
                         ids=[*SHOWN_UPRIGHT, *SHOWN_TURNED])
def test_a_turned_landscape_page_reads_as_a_reader_turning_it_sees_it(tmp_path, landscape_lines, rotate, turn):
    """Upright on screen or sideways, the 別表 page gives the rows it
    holds and the lines the plain landscape page gives, its running header,
    footer and page number dropped like those of the portrait pages."""
    path, _ = landscape_appendix_pdf(tmp_path / "turned.pdf", rotate, turn)
    doc = run(path)
    assert doc.status == "ok"
    assert article_values(doc) == KANAZAWA_ARTICLE_VALUES
    assert appendix_values(doc) == KANAZAWA_APPENDIX
    assert all(r.span.pages == (3,) for r in doc.appendix)
    assert [(line.text, line.page) for line in ingest(path).lines] == landscape_lines


@pytest.mark.parametrize("rotate, turn", [(0, 0), (90, 0), (0, 90)],
                         ids=["landscape", "landscape-rotate-90", "portrait-drawn-turned-90"])
def test_a_table_without_rules_on_a_turned_page_keeps_its_columns(tmp_path, rotate, turn):
    """Its cells set apart by column gaps only: once the page is turned
    upright the gaps run across the lines again, as on a landscape page."""
    path, _ = landscape_appendix_pdf(tmp_path / "unruled.pdf", rotate, turn, ruled=False)
    doc = run(path)
    assert (doc.status, doc.corrections) == ("ok", ())  # 第5条's 開 | 催 wraps at the margin: no misread 保
    assert article_values(doc) == KANAZAWA_ARTICLE_VALUES
    assert appendix_values(doc) == KANAZAWA_APPENDIX


def test_a_page_of_vertical_writing_is_not_turned(tmp_path):
    """縦書き runs down the page as a sideways landscape page's lines do on
    screen, but its characters stand upright: the page keeps its frame
    (portrait) and its characters their places. (Vertical writing is not
    read as such: the top band holds the two columns' first characters.)"""
    from pipeline.ingest.pdf import read_pages

    path = vertical_writing_pdf(tmp_path / "tate.pdf", ["第一条　この協約は、甲及び乙が連携し、",
                                                         "圏域の活性化を図ることを目的とする。"])
    page, = read_pages(path.read_bytes())
    assert page.width < page.height
    assert page.blocks[0].text == "圏 第"  # turned, it would read 第一条 … along a line


def test_a_page_turns_by_the_direction_most_of_its_characters_take():
    from pipeline.ingest.orientation import text_turn

    upright, upwards, downwards = (1, 0, 0, 1, 0, 0), (0, 1, -1, 0, 0, 0), (0, -1, 1, 0, 0, 0)

    def chars(matrix, count):
        return [{"text": "字", "matrix": matrix}] * count

    assert text_turn(chars(upright, 40) + chars(upwards, 6)) == 0  # a note set sideways in the margin
    assert text_turn(chars(upwards, 40) + chars(upright, 3)) == 90  # the page number upright under a sideways table
    assert text_turn(chars(downwards, 40)) == 270
    assert text_turn([{"text": " ", "matrix": upwards}]) == 0  # blanks say nothing


# -- 3. characters placed one by one, tables without column rules --------------------

def test_placed_characters_agreement(drawn):
    path, _ = drawn["towada"]
    doc = run(path)
    assert document_values(doc) == ("十和田市と六戸町との定住自立圏の形成に関する協定書", "十和田・六戸定住自立圏", "十和田市",
                                    "六戸町", "2018-10-01")
    assert article_values(doc) == [
        ("1", "目的", ("この協定は、甲及び乙が相互に役割を分担し、連携を図ることにより、圏域全体の活性化を図り、"
                       "住民が安心して暮らし続けることができる地域を形成することを目的とする。",)),
        ("2", "連携する取組及び役割分担", ("甲及び乙が連携して取り組む事項及び役割分担は、別表第1及び別表第2のとおりとする。",)),
        ("3", "協定の変更", ("この協定を変更しようとするときは、甲及び乙が協議の上、それぞれの議会の議決を経て定めるものとする。",)),
    ]
    assert signatory_values(doc) == [
        ("甲", "十和田市", "青森県十和田市西十二番町6番1号", "十和田市長", "高橋 昌平", False),
        ("乙", "六戸町", "青森県上北郡六戸町大字犬落瀬字前谷地60番地", "六戸町長", "三浦 洋子", False),
    ]
    texts = [line.text for line in ingest(path).lines]
    assert "この協定の締結を証するため、本書2通を作成し、甲乙記名押印の上、各自その1通を保有する。" in texts
    life, management = "生活機能の強化に係る政策分野", "圏域マネジメント能力の強化に係る政策分野"
    # 別表第1 ruled by horizontal lines only; 別表第2 without any rule, its
    # header cells filled and its first body row striped, the second white
    assert appendix_values(doc) == [
        (1, life, "ア", "救急医療体制の確保", "圏域の救急医療体制を確保するため、二次救急医療機関の運営を支援する。",
         "二次救急医療機関を運営する。", "運営に要する経費の一部を負担する。"),
        (1, life, "イ", "地域公共交通の確保", "圏域の住民の通院及び通学の手段を確保するため、路線バスを運行する。",
         "路線バスの運行を支援する。", "甲と連携して利用を促進する。"),
        (2, management, "ア", "職員の交流", "合同研修を実施し、職員の資質の向上を図る。",
         "合同研修を企画し、実施する。", "合同研修に職員を派遣する。"),
        (2, management, "イ", "移住の促進", "圏域への移住を促進するため、相談会を共同で開催する。",
         "相談会を企画し、運営する。", "相談会に参加し、町の情報を発信する。"),
    ]


# -- the repairs, one by one ------------------------------------------------------------

def test_text_of_a_cell_spanning_rows_goes_to_that_cell():
    """pdfplumber lists a merged cell in its first row; its text, centred
    vertically, lies in the rows below, where that column has no cell."""
    from pipeline.ingest.layout import Glyph
    from pipeline.ingest.pdf_tables import Cell, cells_to_texts

    rows = [[Cell(0, 0, 50, 60), Cell(50, 0, 150, 30)], [None, Cell(50, 30, 150, 60)]]
    glyphs = [Glyph("分", 5, 14, 25, 34), Glyph("野", 14, 23, 25, 34), Glyph("医", 5, 14, 38, 47),
              Glyph("ア", 55, 64, 5, 14), Glyph("イ", 55, 64, 35, 44)]
    assert cells_to_texts(rows, glyphs) == [["分野医", "ア"], ["", "イ"]]


def test_second_header_row_keeps_the_columns_it_leaves_empty(write_file):
    path = write_file("two_level.txt", "\n".join([
        "甲市と乙町の連携協約", "", "別表（第2条関係）",
        "分野\t取組\t取組内容\t役割分担\t",
        "\t\t\t甲\t乙",
        "1 経済\tア 観光の振興\t周遊観光を進める。\t企画する。\t協力する。",
    ]))
    assert [(r.section_no, r.section_title, r.label, r.measure, r.content, r.role_a, r.role_b)
            for r in run(path).appendix] == [(1, "経済", "ア", "観光の振興", "周遊観光を進める。", "企画する。", "協力する。")]


def test_a_row_opening_a_page_with_an_empty_section_cell_is_a_new_row():
    """The 分野 cell spans rows, so the row under it leaves it empty: the
    measure column (filled in every row) tells a cut row, not column 0."""
    from pipeline.ingest.pdf_tables import TableBlock, continue_table

    closing = TableBlock((("分野", "取組", "甲の役割"), ("1 医療", "ア 救急医療の確保", "運営する。"),
                          ("", "イ 小児医療の充実", "支援する。"), ("2 交通", "ア 路線バスの確保", "運行する。")),
                         0, 0, 1, 1, (1, 1, 1, 1))
    opening = TableBlock((("", "イ 地域交通の確保", "支援する。"),), 0, 0, 1, 1, (2,))
    assert continue_table(closing, opening).rows[3:] == (("2 交通", "ア 路線バスの確保", "運行する。"),
                                                         ("", "イ 地域交通の確保", "支援する。"))


def test_letter_spacing_of_a_justified_line_is_no_space_around_digits():
    from pipeline.ingest.layout import Glyph, band_to_line

    x, glyphs = 0.0, []
    for ch in "第3条の規定により2通":
        width = 5.25 if ch.isdigit() else 10.5
        glyphs.append(Glyph(ch, x, x + width, 0, 10.5))
        x += width + 3.5  # a third of an em between every two characters
    assert band_to_line(glyphs).text == "第3条の規定により2通"


def test_a_justified_line_ending_with_a_comma_flush_at_the_margin_wraps():
    from pipeline.ingest.layout import TextLine
    from pipeline.ingest.pdf import wraps_into

    margins = (72.0, 523.0)
    # 、 set inside the margin, the character before it an em and the letter spacing short of it
    line = TextLine("第1条 この協定は、甲及び乙が連携を図ることにより、", 72, 509.5, 100, 110.5, 10.5, 523.0)
    following = TextLine("圏域の活性化を図ることを目的とする。", 72, 300, 117, 127.5, 10.5, 300)
    assert wraps_into(line, following, margins)


def test_lines_of_cells_side_by_side_are_not_joined_as_a_paragraph():
    from pipeline.ingest.layout import TextLine
    from pipeline.ingest.pdf import wraps_into

    margins = (72.0, 523.0)
    line = TextLine("ア 救急医療    圏域の救急医療体制を確保するた 二次救急医療機関を運", 72, 523, 100, 109, 9, 523)
    following = TextLine("保          め、二次救急医療機関の運営を支 営する。", 72, 400, 113, 122, 9, 400)
    assert not wraps_into(line, following, margins)


def test_footer_of_a_landscape_page_is_found_by_its_distance_from_the_bottom():
    from pipeline.ingest.furniture import furniture
    from pipeline.ingest.layout import TextLine

    def page(height: float) -> list[TextLine]:
        body = [TextLine(f"第{n}条 本文", 72, 200, 100 + 20 * n, 110 + 20 * n, 10) for n in range(1, 4)]
        return [*body, TextLine("- 1 -", 290, 310, height - 57, height - 48, 9)]

    pages = [page(842), page(842), page(595)]
    dropped = furniture(pages, [False] * 3, [842, 842, 595])
    assert all(id(lines[-1]) in dropped for lines in pages)


def test_table_ruled_only_across_is_read_by_its_rows_and_aligned_columns(tmp_path):
    from reportlab.pdfgen import canvas

    path = tmp_path / "across.pdf"
    sheet = Sheet(canvas.Canvas(str(path)))
    rules_only_across(sheet, MARGIN, [("取組", "取組の内容", "甲の役割"),
                                      ("ア 救急医療体制の確保", "二次救急医療機関の運営を支援し、休日の診療体制を確保する。", "運営する。"),
                                      ("イ 交通", "路線バスを運行する。", "支援する。")], [100, 200, 150])
    sheet.pdf.save()
    assert [line.text for line in ingest(path).lines if line.text] == [
        "取組\t取組の内容\t甲の役割",
        "ア 救急医療体制の確保\t二次救急医療機関の運営を支援し、休日の診療体制を確保する。\t運営する。",
        "イ 交通\t路線バスを運行する。\t支援する。",
    ]


# tables of shaded cells without any rule: the fills are the grid

SHADED_ROWS = [("取組", "取組の内容", "甲の役割"),
               ("ア 職員の交流", "合同研修を実施し、職員の資質の向上を図る。", "研修を企画する。"),
               ("イ 移住の促進", "移住相談会を開催する。", "相談会を運営し、情報を発信する。"),
               ("ウ 図書館", "図書館を相互に利用する。", "利用を受け入れる。"),
               ("エ 防災", "災害時に相互に応援する。", "物資を備蓄し、提供する。")]
SHADED_LINES = ["取組\t取組の内容\t甲の役割",
                "ア 職員の交流\t合同研修を実施し、職員の資質の向上を図る。\t研修を企画する。",
                "イ 移住の促進\t移住相談会を開催する。\t相談会を運営し、情報を発信する。",
                "ウ 図書館\t図書館を相互に利用する。\t利用を受け入れる。",
                "エ 防災\t災害時に相互に応援する。\t物資を備蓄し、提供する。"]


def shaded_table_lines(tmp_path, **shading) -> list[str]:
    """The lines read from a page holding SHADED_ROWS drawn without rules,
    a paragraph under the table."""
    from reportlab.pdfgen import canvas

    path = tmp_path / "shaded.pdf"
    sheet = Sheet(canvas.Canvas(str(path)))
    bottom = filled_header_table(sheet, MARGIN, SHADED_ROWS, [110, 180, 160], **shading)
    sheet.text(MARGIN, bottom + 20, "2 前項の取組の詳細は、甲及び乙が協議して定める。")
    sheet.pdf.save()
    return [line.text for line in ingest(path).lines if line.text]


def test_table_of_filled_header_cells_and_striped_rows_is_read_by_its_fills(tmp_path):
    assert shaded_table_lines(tmp_path) == [*SHADED_LINES, "2 前項の取組の詳細は、甲及び乙が協議して定める。"]


def test_striped_rows_without_header_fills_take_columns_from_aligned_words(tmp_path):
    assert shaded_table_lines(tmp_path, header_fills=False) == [
        *SHADED_LINES, "2 前項の取組の詳細は、甲及び乙が協議して定める。"]


def test_filled_header_cells_over_a_white_body_take_rows_from_line_spacing(tmp_path):
    assert shaded_table_lines(tmp_path, stripes=False) == [*SHADED_LINES, "2 前項の取組の詳細は、甲及び乙が協議して定める。"]


# -- 4. towns sharing 乙, a column each under 乙の役割 ---------------------------------------

def test_role_of_a_under_a_header_splitting_the_role_of_b_by_town(tmp_path):
    """甲の役割 spans both header rows beside 乙の役割 split into 三川町 |
    庄内町: its column stays 甲's role, not more content. 三川町, the first
    乙, fills role_b; 庄内町 role_b_others."""
    doc = run(towns_sharing_role_pdf(tmp_path / "shonai.pdf"))
    assert [(r.label, r.measure, r.content, r.role_a, r.role_b) for r in doc.appendix] == [
        ("ア", "企業誘致の推進", "圏域への企業の立地を促進するため、工業団地の情報を一体的に発信する。",
         "工業団地の情報を集約し、一体的に発信する。", "町内の工業団地の情報を甲に提供する。"),
        ("イ", "地域医療の確保", "休日及び夜間の救急医療体制を確保するため、医療機関の連携を図る。",
         "休日夜間急病診療所を運営する。", "住民への周知を行う。"),
    ]
    assert [r.role_b_others for r in doc.appendix] == ["庄内町:町内の空き工場の情報を甲に提供する。",
                                                       "庄内町:診療所の運営費の一部を負担する。"]


def test_a_line_ending_with_a_comma_inside_the_margin_wraps(tmp_path):
    """A line of full-width characters only ends an em short of the
    margin when the next one did not fit; ending with 、 it ends two ems
    short of its last letter: still a wrapped line of its paragraph."""
    texts = [line.text for line in ingest(towns_sharing_role_pdf(tmp_path / "shonai.pdf")).lines]
    assert ("鶴岡市（以下「甲」という。）並びに三川町及び庄内町（以下それぞれ「乙」という。）は、連携中枢都市圏である"
            "庄内南部連携中枢都市圏（以下「圏域」という。）を形成するため、地方自治法（昭和22年法律第67号）"
            "第252条の2第1項の規定により、次のとおり連携協約を締結する。") in texts


# -- 5. an A3 landscape 別表: 分野 | 施策 | 取組 | 取組内容 | 役割分担 over 甲 | 乙 ------------

def test_a_wide_appendix_in_small_type_gives_each_measure_its_field_and_policy(tmp_path):
    """Read off the A3 page: the 取組 column (ア 創業支援) holds the
    measures, the 施策 column beside 分野 the level between them; 施策's
    and 分野's cells are printed once for the rows they group."""
    doc = run(wide_appendix_pdf(tmp_path / "himeji.pdf"))
    growth, life = "圏域全体の経済成長のけん引", "生活関連機能サービスの向上"
    assert [(r.section_no, r.section_title, r.subsection_no, r.subsection_title, r.label, r.measure, r.content,
             r.role_a, r.role_b) for r in doc.appendix] == [
        (1, growth, 1, "産業振興", "ア", "創業支援",
         "創業を希望する者に対し、圏域の支援機関が連携して相談及び融資のあっせんを行う。",
         "創業支援の拠点を運営し、相談に応じる。", "町内の創業希望者を甲の拠点に案内する。"),
        (1, growth, 1, "産業振興", "イ", "企業誘致", "圏域への企業の立地を促進するため、工業団地の情報を一体的に発信する。",
         "工業団地の情報を集約し、発信する。", "町内の工業用地の情報を甲に提供する。"),
        (1, growth, 2, "観光振興", "ア", "広域観光の推進", "圏域の観光資源を結ぶ周遊ルートを造成し、誘客を図る。",
         "周遊ルートを造成し、情報を発信する。", "町内の観光資源の情報を提供する。"),
        (2, life, 1, "医療", "ア", "救急医療体制の確保", "二次救急医療機関の運営を支援し、圏域の救急医療体制を確保する。",
         "二次救急医療機関の運営を支援する。", "運営に要する経費の一部を負担する。"),
    ]
    assert [r.span.pages for r in doc.appendix] == [(2,)] * 4


# -- 6. signature blocks as a ruled table ----------------------------------------------

BINGO_FRONT = [
    "備後圏域連携中枢都市圏形成に係る連携協約",
    "",
    "福山市（以下「甲」という。）と府中市（以下「乙」という。）は、地方自治法第252条の2第1項の規定により、"
    "次のとおり連携協約を締結する。",
    "",
    "第1条 この連携協約は、甲及び乙が連携し、圏域の活性化を図ることを目的とする。",
    "",
    "この協約の締結を証するため、本書2通を作成し、甲乙記名押印の上、各自1通を保有する。",
    "",
    "令和2年3月27日",
]


@pytest.mark.parametrize("rows, widths", [
    ([("", "甲", "乙"), ("住所", "広島県福山市東桜町3番5号", "広島県府中市府川町315番地"),
      ("職名", "福山市長", "府中市長"), ("氏名", "枝廣 直幹", "小野 申人")], [60, 200, 190]),
    ([("甲", "乙"), ("広島県福山市東桜町3番5号", "広島県府中市府川町315番地"),
      ("福山市長 枝廣 直幹", "府中市長 小野 申人")], [225, 225]),
    # each block in one cell, its lines cut where the cell is narrow
    ([("甲 広島県福山市東桜町3番5号 福山市長 枝廣 直幹", "乙 広島県府中市府川町315番地 府中市長 小野 申人")],
     [150, 150]),
], ids=["labelled-rows", "marks-over-rows", "block-a-cell"])
def test_signature_blocks_in_a_ruled_table_are_read_block_by_block(tmp_path, rows, widths):
    """The signing parties laid out as a ruled table, 甲's column beside
    乙's: each party's address, office and name are its own, not the two
    parties' run together row by row."""
    from reportlab.pdfgen import canvas

    from tests.pdf_layouts import LEADING, flow, ruled_table
    sheet = Sheet(canvas.Canvas(str(tmp_path / "bingo.pdf")))
    ruled_table(sheet, flow(sheet, MARGIN, BINGO_FRONT) + LEADING, rows, widths)
    sheet.pdf.save()
    assert signatory_values(run(tmp_path / "bingo.pdf")) == [
        ("甲", "福山市", "広島県福山市東桜町3番5号", "福山市長", "枝廣 直幹", False),
        ("乙", "府中市", "広島県府中市府川町315番地", "府中市長", "小野 申人", False),
    ]


# -- a 分野 cell cut after its first row; two pages printed to a side ---------------------

def test_a_row_opening_a_page_under_a_cut_section_cell_is_its_own_row_after_a_single_row(tmp_path):
    """The page before holds one measure only, so its 分野 column looks
    filled in every row; the rows after イ on the next page show it is not
    the key column (分野 2 spans two rows), and イ is a measure of its own.
    Cells keep their items (・ …, (1) …) in order."""
    doc = run(section_cut_after_first_row_pdf(tmp_path / "cut_section.pdf"))
    growth, life = "経済成長のけん引", "生活関連機能サービスの向上"
    assert appendix_values(doc) == [
        (1, growth, "ア", "産業振興", "圏域の産業振興のため、次の事業を行う。・創業支援セミナーの開催・販路開拓の支援",
         "(1) セミナーを企画し、実施する。(2) 販路開拓の支援制度を運用する。",
         "(1) 町内の事業者に周知する。(2) 甲の支援制度の運用に協力する。"),
        (1, growth, "イ", "観光振興", "圏域の観光資源を生かし、次に掲げる取組を行う。・周遊ルートの造成・外国人観光客の誘致",
         "周遊ルートを造成する。", "観光資源の情報を提供する。"),
        (2, life, "ア", "医療", "救急医療体制の確保を図る。", "・夜間急病診療所の運営・医療従事者の確保",
         "・住民への周知・診療所運営費の負担"),
        (2, life, "イ", "教育", "図書館の相互利用を進める。", "乙の住民の利用を受け入れる。", "甲の住民の利用を受け入れる。"),
    ]
    assert [r.span.pages for r in doc.appendix] == [(2,), (3,), (3,), (3,)]


@pytest.mark.parametrize("numbers_right", [False, True], ids=["centred-numbers", "numbers-at-the-right"])
def test_a_sheet_printed_two_pages_to_a_side_reads_the_left_page_then_the_right(tmp_path, numbers_right):
    doc = run(two_up_pdf(tmp_path / "two_up.pdf", numbers_right))
    assert document_values(doc) == ("いわて県央連携中枢都市圏形成に係る連携協約書", "いわて県央連携中枢都市圏", "盛岡市", "滝沢市",
                                    "2020-03-27")
    assert article_values(doc) == [
        ("1", "目的", ("この連携協約は、甲及び乙が連携し、圏域の活性化を図ることを目的とする。",)),
        ("2", "基本方針", ("甲及び乙は、前条に規定する目的を達成するため、次条に規定する取組について、相互に役割を分担し、"
                        "連携を図るものとする。",)),
        ("3", "連携する取組及び役割分担", ("甲及び乙が連携して取り組む事項及び役割分担は、別表のとおりとする。",)),
        ("4", "費用負担", ("前条に規定する取組を推進するために要する費用の負担については、甲及び乙が協議して別に定める。",)),
        ("5", "協約の変更", ("この連携協約を変更しようとするときは、甲及び乙が協議の上、それぞれの議会の議決を経なければならない。",)),
        ("6", "疑義の解決", ("この連携協約に定めのない事項又はこの連携協約に関し疑義が生じたときは、甲及び乙が協議して定める。",)),
    ]
    assert signatory_values(doc) == [
        ("甲", "盛岡市", "岩手県盛岡市内丸12番2号", "盛岡市長", "谷藤 裕明", False),
        ("乙", "滝沢市", "岩手県滝沢市中鵜飼55番地", "滝沢市長", "主濱 了", False),
    ]
    source = ingest(tmp_path / "two_up.pdf")
    assert [p.page for p in source.pages] == [1, 2]
    assert not [ln.text for ln in source.lines if "-" in ln.text or "/3" in ln.text]  # each half's number is furniture
