import pytest

from pipeline.ingest import IngestError, ingest
from pipeline.normalize import normalize

TEXT = "山口市(以下「甲」という。)及び美祢市(以下「乙」という。)は、次のとおり連携協約を締結する。\n第1条 この協約は、…"


@pytest.mark.parametrize("encoding, expected", [
    ("utf-8", "utf_8"), ("utf-8-sig", "utf-8-sig"), ("cp932", "cp932"), ("euc_jp", "euc_jp"),
])
def test_japanese_encodings_are_detected_not_assumed(write_file, encoding, expected):
    source = ingest(write_file("a.txt", TEXT, encoding))
    assert source.encoding == expected
    assert source.lines[0].text.startswith("山口市(以下「甲」")
    assert [ln.line_no for ln in source.lines] == [1, 2]


@pytest.mark.parametrize("encoding, text", [
    ("utf_8", "別表\n図書館\t路線維持確保事業\n農林水産業\t図書館相互利用事業\n"),
    ("euc_jp", "別表第１\n産業振興\t消防指令共同運用\n"),
    ("iso2022_jp", "別表\n分野\t連携事業\n医療\t救急医療体制整備事業\n"),
], ids=["utf_8", "euc_jp", "iso2022_jp"])
def test_a_short_page_of_kanji_is_read_in_its_own_encoding(write_file, encoding, text):
    """A 別表 page of kanji alone has no kana to tell the encodings apart,
    and its bytes also decode as CP932 (UTF-8's 図書館 as 蝗ｳ譖ｸ鬢ｨ, EUC-JP's
    別表 as ﾊﾌﾉｽ) or, being 7-bit, as UTF-8 with escape codes (ISO-2022-JP)."""
    source = ingest(write_file("beppyo.txt", text, encoding))
    assert source.encoding == encoding
    assert [line.text for line in source.lines] == text.split("\n")


@pytest.mark.parametrize("data, expected", [
    (TEXT.replace("\n", "\r\n").encode("utf-16"), "utf-16"),  # Notepad's "Unicode": BOM, CRLF
    (TEXT.encode("utf_16_le"), "utf_16_le"),  # the BOM dropped by a converter
    (TEXT.encode("utf_16_be"), "utf_16_be"),
], ids=["bom", "le", "be"])
def test_utf16_text_is_read_not_rejected_as_binary(write_file, data, expected):
    # its zero bytes (the high half of every ASCII character) made it look binary
    source = ingest(write_file("unicode.txt", data))
    assert source.encoding == expected
    assert [line.text for line in source.lines][:2] == TEXT.split("\n")


# A 別表 page of kanji alone: 1.7 % of its letters are kana.
KANJI_PAGE = ("別表（第３条関係）\r\n１　圏域全体の経済成長の牽引\r\n（１）産業振興\r\n"
              "ア　地域資源活用型産業振興事業\r\n２　高次都市機能集積・強化\r\n（１）高度医療提供体制充実\r\n")


@pytest.mark.parametrize("encoding", ["utf_16_le", "utf_16_be"])
def test_utf16_without_bom_of_kanji_alone_is_read(write_file, encoding):
    # kana told Japanese from garbage before; common kanji tell it as well
    source = ingest(write_file("beppyo.txt", KANJI_PAGE.encode(encoding)))
    assert source.encoding == encoding
    assert [line.text for line in source.lines][:3] == ["別表（第３条関係）", "１　圏域全体の経済成長の牽引", "（１）産業振興"]


def test_rare_ideographs_in_utf16_are_still_binary(write_file):
    # valid UTF-16 with line breaks and no controls, but ideographs spread over
    # the whole CJK block (as bytes of a wrong reading are): not Japanese text
    ideographs = "".join(chr(0x4E00 + i * 7919 % 20992) for i in range(400))
    lines = "\r\n".join(ideographs[i:i + 40] for i in range(0, 400, 40))
    with pytest.raises(IngestError, match="binary file"):
        ingest(write_file("scrambled.txt", lines.encode("utf_16_le")))


def test_binary_bytes_that_decode_as_utf16_are_still_binary(write_file):
    # even-length, zero bytes, valid UTF-16: but no kana, and control characters
    with pytest.raises(IngestError, match="binary file"):
        ingest(write_file("image.txt", bytes(range(256)) * 64))


def test_cp932_specific_characters_survive(write_file):
    # ①, ㈱ and 髙 exist in CP932 but not in plain Shift_JIS
    source = ingest(write_file("b.txt", "①髙橋市長 ㈱", "cp932"))
    assert source.lines[0].text == "①髙橋市長 ㈱"


# EUC-JP as Windows and PHP write it (cp51932, eucJP-win): NEC's row 13 and the
# IBM kanji of rows 89-92, where plain EUC-JP (JIS X 0208) has nothing.
WINDOWS_EUC = {"①": b"\xad\xa1", "②": b"\xad\xa2",  # row 13, cells 1 and 2
               "Ⅱ": b"\xad\xb6", "㈱": b"\xad\xea",  # row 13, cells 22 and 74
               "髙": b"\xfc\xe2"}  # row 92, cell 66 (CP932's EEE0)


def windows_euc(text: str) -> bytes:
    return b"".join(WINDOWS_EUC.get(ch) or ch.encode("euc_jp") for ch in text)


def test_euc_jp_written_on_windows_keeps_circled_numbers_and_ibm_kanji(write_file):
    text = ("第2条　甲及び乙は、次に掲げる分野において連携する。\n①　医療\n②　福祉\n"
            "Ⅱ　結びつきやネットワークの強化\n八戸市長　髙橋　一郎\n指定管理者　㈱八戸観光\n")
    source = ingest(write_file("eucjp-win.txt", windows_euc(text)))
    assert source.encoding == "cp51932"
    assert [line.text for line in source.lines] == [
        "第2条　甲及び乙は、次に掲げる分野において連携する。", "①　医療", "②　福祉",
        "Ⅱ　結びつきやネットワークの強化", "八戸市長　髙橋　一郎", "指定管理者　㈱八戸観光", ""]


def test_html_cells_become_tab_separated_and_br_breaks_lines(write_file):
    html = """<!DOCTYPE html><html><head><title>x</title><style>p{}</style></head><body>
<p>○甲市及び乙町における連携協約</p>
<p>令和2年4月1日<br>告示第10号</p>
<table><tr><th>連携施策</th><th>取組内容</th></tr>
<tr><td>観光の<br>振興</td><td>広域観光に<br>取り組む。</td></tr></table>
</body></html>"""
    source = ingest(write_file("page.html", html))
    assert source.format == "html"
    assert [ln.text for ln in source.lines] == [
        "○甲市及び乙町における連携協約", "令和2年4月1日", "告示第10号",
        "連携施策\t取組内容", "観光の振興\t広域観光に取り組む。"]
    assert source.lines[0].line_no == 2  # the line of the HTML source


def test_html_ruby_readings_are_not_part_of_the_text(write_file):
    """例規集 pages print the reading over a name (<ruby>八戸<rt>はちのへ</rt></ruby>);
    the text is the name, in a title as in a cell, also when </rt> is omitted."""
    html = """<html><body>
<p>○<ruby>八戸<rp>(</rp><rt>はちのへ</rt><rp>)</rp></ruby>市と<ruby>階上町<rt>はしかみちょう</ruby>との連携協約</p>
<table><tr><td>イ　<ruby><rb>蕪嶋</rb><rt>かぶしま</rt></ruby>観光の推進</td><td>誘客に取り組む。</td></tr></table>
</body></html>"""
    assert [ln.text for ln in ingest(write_file("ruby.html", html)).lines] == [
        "○八戸市と階上町との連携協約", "イ 蕪嶋観光の推進\t誘客に取り組む。"]


def test_html_cells_spanning_rows_and_columns_are_repeated_where_they_cover(write_file):
    """A 分野 cell with rowspan sits beside each of its measures; a colspan
    header covers two columns: every row keeps its cells in their columns."""
    html = """<html><body><table>
<tr><th rowspan="2">分野</th><th rowspan="2">連携施策</th><th colspan="2">役割分担</th></tr>
<tr><th>甲</th><th>乙</th></tr>
<tr><td rowspan="2">1 経済成長</td><td>ア 産業振興</td><td>誘致する。</td><td>協力する。</td></tr>
<tr><td>イ 観光振興</td><td>宣伝する。</td><td>案内する。</td></tr>
<tr><td>2 医療</td><td>ア 救急</td><td>運営する。</td><td rowspan="x">周知する。</td></tr>
</table></body></html>"""
    assert [ln.text for ln in ingest(write_file("span.html", html)).lines] == [
        "分野\t連携施策\t役割分担\t役割分担",
        "分野\t連携施策\t甲\t乙",
        "1 経済成長\tア 産業振興\t誘致する。\t協力する。",
        "1 経済成長\tイ 観光振興\t宣伝する。\t案内する。",
        "2 医療\tア 救急\t運営する。\t周知する。"]


@pytest.mark.parametrize("content, reason", [
    (b"", "empty file"),
    (b"  \n\n", "empty file"),
    (bytes(range(256)) * 10, "binary file"),
    (b"\x82\xa0\x82\xa2\xff\xfe\xfd\x80\x81" * 20, "undecodable bytes"),
])
def test_bad_input_raises_a_readable_reason(write_file, content, reason):
    with pytest.raises(IngestError, match=reason):
        ingest(write_file("bad.txt", content))


def test_missing_file_reason(tmp_path):
    with pytest.raises(IngestError, match="disappeared"):
        ingest(tmp_path / "gone.txt")


def test_doc_id_is_the_file_name_without_extension(write_file):
    assert ingest(write_file("001_abc.txt", TEXT)).doc_id == "001_abc"


def test_form_feeds_give_pages_and_a_bare_page_number_closing_a_page_is_dropped(write_file):
    # pdftotext's layout: "\f" between pages, the page number alone on the last line of each
    text = ("連携協約書\n第1条 この協約は、甲及び乙が連携し、圏域の\n\n1\n"
            "\f活性化を図ることを目的とする。\n第2条 甲乙協議して定める。\n\n2\n")
    source = ingest(write_file("layout.txt", text))
    assert [(line.text, line.page) for line in source.lines][3:5] == [("1", 1), ("活性化を図ることを目的とする。", 2)]
    assert [line.text for line in normalize(source)] == [
        "連携協約書", "第1条 この協約は、甲及び乙が連携し、圏域の", "活性化を図ることを目的とする。", "第2条 甲乙協議して定める。"]


def texts_of(write_file, name: str, html: str) -> list[str]:
    return [ln.text for ln in ingest(write_file(name, html)).lines]


def test_html_table_nested_in_a_cell_is_text_of_that_cell(write_file):
    """Word nests a small table in a 別表 cell (the facilities a measure
    covers): the outer row stays one row, the inner cells words of its cell,
    and the 分野 rowspan still covers the row below."""
    html = """<html><body><table>
<tr><td rowspan="2">3 生活</td><td>ア 図書館</td><td><p>次の図書館を相互利用する。</p>
  <table><tr><td>中央図書館</td><td>甲市</td></tr><tr><td>市立図書館</td><td>乙市</td></tr></table></td>
  <td>開放する。</td></tr>
<tr><td>イ 交通</td><td>路線バスを維持する。</td><td>調整する。</td></tr>
</table></body></html>"""
    assert texts_of(write_file, "nested.html", html) == [
        "3 生活\tア 図書館\t次の図書館を相互利用する。 中央図書館 甲市 市立図書館 乙市\t開放する。",
        "3 生活\tイ 交通\t路線バスを維持する。\t調整する。"]


def test_html_signature_blocks_laid_side_by_side_in_a_table_are_read_block_by_block(write_file):
    """A table only laying out the signature blocks (甲 … | 乙 …) is not a
    row of cells: each block's lines, one block after the other."""
    html = """<html><body><p>令和2年3月30日</p>
<table class="sign"><tr>
<td>甲<br>兵庫県姫路市安田四丁目1番地<br>姫路市長　清水　康弘</td>
<td>乙<br>兵庫県宍粟市山崎町中広瀬133番地6<br>宍粟市長　山﨑　正樹</td>
</tr></table>
<table><tr><td>甲</td><td>乙</td></tr>
<tr><td><p>岡山県岡山市北区大供一丁目1番1号</p><p>岡山市長 森川 正和</p></td>
<td><p>岡山県玉野市宇野一丁目27番1号</p><p>玉野市長 黒田 直樹</p></td></tr></table>
</body></html>"""
    assert texts_of(write_file, "sign.html", html) == [
        "令和2年3月30日",
        "甲", "兵庫県姫路市安田四丁目1番地", "姫路市長　清水　康弘",
        "乙", "兵庫県宍粟市山崎町中広瀬133番地6", "宍粟市長　山﨑　正樹",
        "甲", "岡山県岡山市北区大供一丁目1番1号", "岡山市長 森川 正和",
        "乙", "岡山県玉野市宇野一丁目27番1号", "玉野市長 黒田 直樹"]


def test_html_role_columns_of_a_beppyo_stay_cells(write_file):
    """甲 | 乙 heading a 別表's role columns is no signature layout: its rows are sentences."""
    html = """<html><body><table><tr><td>甲</td><td>乙</td></tr>
<tr><td>観光情報を<br>発信する。</td><td>情報を<br>提供する。</td></tr></table></body></html>"""
    assert texts_of(write_file, "roles.html", html) == ["甲\t乙", "観光情報を発信する。\t情報を提供する。"]


def test_html_image_alt_text_stands_where_the_image_is(write_file):
    """A 外字 printed as an image (<img alt="﨑">) is a letter of the name; a seal's alt is 印."""
    html = """<html><body><p>宍粟市長　山<img src="gaiji/e0a5.png" alt="&#xFA11;" />　正樹　<img src="seal.png" alt="印"></p>
<p><img src="spacer.gif">第1条</p></body></html>"""
    assert texts_of(write_file, "alt.html", html) == ["宍粟市長　山\ufa11　正樹　印", "第1条"]


def test_html_beppyo_given_as_an_image_is_warned_of_and_read_as_its_alt_text_only(write_file):
    html = """<html><body><h3>別表(第2条関係)</h3>
<p><img src="beppyo.png" alt="別表 連携する取組と役割分担の一覧"></p>
<p>乙 湖西市長 影山 剛士<img src="seal.png" alt="印"></p></body></html>"""
    source = ingest(write_file("image.html", html))
    assert [ln.text for ln in source.lines] == ["別表(第2条関係)", "別表 連携する取組と役割分担の一覧", "乙 湖西市長 影山 剛士印"]
    assert source.warnings == ("line 2: 別表 shown as an image (別表 連携する取組と役割分担の一覧); its rows are not read",)


def test_html_ordered_list_items_carry_the_number_a_browser_prints(write_file):
    """<ol><li> shows 1. 2. …; items that print their own number ((1) …),
    lists styled without numbers and <ul> items get none."""
    html = """<html><body><p>次に掲げる政策分野とする。</p>
<ol><li>生活機能の強化</li><li><p>結びつきの強化</p></li></ol>
<ol type="a" start="2"><li>医療</li></ol>
<ol><li>(1) 教育</li></ol>
<ol style="list-style-type: none"><li>福祉</li></ol>
<ul><li>産業</li></ul></body></html>"""
    assert texts_of(write_file, "ol.html", html) == [
        "次に掲げる政策分野とする。", "1. 生活機能の強化", "2. 結びつきの強化", "b. 医療", "(1) 教育", "福祉", "産業"]


def test_html_page_with_main_content_is_read_without_menus_sidebar_and_footer(write_file):
    """A city's page: the header, the menus (<nav>), the breadcrumbs (an
    <ol>: no numbers leak into the content), the sidebar and the footer with
    the office's address are outside <main>, and are not the agreement."""
    html = """<html><body><header><p>上越市</p></header>
<nav><ul><li>くらし</li><li>市政情報</li></ul></nav>
<ol class="pankuzu"><li>トップ</li><li>協定書</li></ol>
<main><div id="contents"><h1>上越市と妙高市との定住自立圏の形成に関する協定書</h1>
<div><p>第1条 目的とする。</p></div></div></main>
<aside><p>関連リンク</p></aside>
<footer><address>〒943-8601 新潟県上越市木田1丁目1番3号 電話:025-526-5111</address></footer>
</body></html>"""
    assert texts_of(write_file, "site.html", html) == [
        "上越市と妙高市との定住自立圏の形成に関する協定書", "第1条 目的とする。"]


def test_html_table_ends_mark_the_last_row_of_each_table_also_one_framed_by_a_layout_table(write_file):
    """The 別表's last row carries the table's end, also where a layout
    table frames the page (the agreement's cell, then the menu's); a table
    nested in a value's cell is words of that cell and marks nothing."""
    menu = "".join(f"<p>お知らせ{n}</p>" for n in range(1, 13))
    html = f"""<html><body><table><tr><td><p>別表</p>
<table><tr><th>取組</th><th>甲の役割</th></tr>
<tr><td>ア 観光</td><td>宣伝する。<table><tr><td>市</td><td>町</td></tr></table></td></tr>
<tr><td>イ 交通</td><td>路線を維持する</td></tr></table></td>
<td>{menu}</td></tr></table>
<table><tr><td>ウ 農業</td><td>販路を広げる</td></tr></table><p>トップへ戻る</p></body></html>"""
    lines = ingest(write_file("ends.html", html)).lines
    assert [ln.text for ln in lines if ln.table_end] == ["イ 交通\t路線を維持する", "お知らせ12", "ウ 農業\t販路を広げる"]
    assert "ア 観光\t宣伝する。 市 町" in [ln.text for ln in lines]


def test_html_definition_list_ends_like_a_table(write_file):
    # <dl> of 【key】 | value: its last line ends it; a <dl> inside a cell is words of the cell
    html = """<html><body><dl><dt>取組の内容</dt><dd>診療体制を確保する。</dd><dt>乙の役割</dt>
<dd>【乙の役割】<br>運営費を負担する</dd></dl><p>関連ページ</p>
<table><tr><td>ア</td><td><dl><dt>甲</dt><dd>運営</dd></dl></td></tr></table></body></html>"""
    lines = ingest(write_file("dl.html", html)).lines
    assert [(ln.text, ln.table_end) for ln in lines] == [
        ("取組の内容", False), ("診療体制を確保する。", False), ("乙の役割", False), ("【乙の役割】", False),
        ("運営費を負担する", True), ("関連ページ", False), ("ア\t甲運営", True)]


def test_html_articles_laid_out_in_a_table_read_as_numbered_text(write_file):
    """A page lays out its articles in two columns: (caption and) number | text.
    Each reads as the article line it is; a table of contents (第1条 | 目的)
    stays rows."""
    html = """<html><body><table>
<tr><td>（目的）<br>第１条</td><td>この協約は、圏域の活性化を図ることを目的とする。</td></tr>
<tr><td>第２条<br>（協議）</td><td>定めのない事項は、甲乙協議して定める。<br>２　前項の協議は、書面で行う。</td></tr>
<tr><td>第３条の２（期間）</td><td>この協約の期間は、5年とする。</td></tr>
</table>
<table><tr><td>第１条</td><td>目的</td></tr><tr><td>第２条</td><td>協議</td></tr></table></body></html>"""
    assert texts_of(write_file, "articles.html", html) == [
        "（目的）", "第１条\u3000この協約は、圏域の活性化を図ることを目的とする。",
        "（協議）", "第２条\u3000定めのない事項は、甲乙協議して定める。", "２　前項の協議は、書面で行う。",
        "第３条の２（期間）\u3000この協約の期間は、5年とする。",
        "第１条\t目的", "第２条\t協議"]


def test_html_menus_are_skipped_on_a_page_without_main(write_file):
    html = """<html><body><nav><a href="/">トップ</a> &gt; <a href="/reiki/">例規集</a></nav>
<p>○甲市と乙町との連携協約</p></body></html>"""
    assert texts_of(write_file, "nav.html", html) == ["○甲市と乙町との連携協約"]


def test_xhtml_with_an_xml_declaration_and_doctype_is_html_whatever_its_name(write_file):
    page = ('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN"'
            ' "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n<html><body><p>連携協約</p></body></html>')
    assert ingest(write_file("export.dat", page)).format == "html"


def references(text: str) -> str:
    """Text as character references (&#36899;…), as some 例規 converters write every non-ASCII letter."""
    return "".join(f"&#{ord(ch)};" for ch in text)


@pytest.mark.parametrize("prolog, declaration, expected", [
    ("", '<meta charset="Shift_JIS">', "cp932"),
    ("", '<meta http-equiv="Content-Type" content="text/html; charset=x-sjis">', "cp932"),
    ("", "<meta http-equiv=Content-Type content='text/html; charset=Windows-31J'>", "cp932"),
    ("", "<META CHARSET=MS932>", "cp932"),
    ("", '<meta http-equiv="Content-Type" content="text/html;charset=EUC-JP">', "euc_jp"),
    ("", '<meta charset="iso-2022-jp">', "iso2022_jp"),
    ('<?xml version="1.0" encoding="shift-jis"?>\n', "", "cp932"),
    ("", '<!-- <meta charset="EUC-JP"> --><meta charset="Shift_JIS">', "cp932"),
    ("", "", "utf_8"),
    ("", '<meta charset="CP51932">', "euc_jp"),  # Windows' name of its EUC-JP, unknown to Python
    ("", '<meta http-equiv="Content-Type" content="text/html; charset=EUC-JP-MS">', "euc_jp"),  # iconv's
    ("", '<meta charset="eucJP-win">', "euc_jp"),  # PHP's
    ("", '<meta charset="SJIS-win">', "cp932"),  # PHP's
], ids=["meta", "http-equiv", "unquoted", "upper-case", "euc-jp", "iso-2022-jp", "xml", "commented-out", "none",
        "cp51932", "euc-jp-ms", "eucjp-win", "sjis-win"])
def test_an_html_page_is_read_in_the_encoding_it_declares(write_file, prolog, declaration, expected):
    """Bytes every Japanese encoding reads alike (ASCII and character
    references) are in the encoding the page declares, by any of its labels."""
    page = (f"{prolog}<html><head>{declaration}<title>{references('連携協約')}</title></head><body>"
            f"<p>{references('○岡山市及び玉野市における連携協約')}</p></body></html>")
    source = ingest(write_file("reiki.html", page.encode("ascii")))
    assert source.encoding == expected
    assert [line.text for line in source.lines] == ["○岡山市及び玉野市における連携協約"]


def test_a_declared_shift_jis_page_is_read_as_cp932_with_its_windows_characters(write_file):
    """What pages call Shift_JIS is Windows' CP932 (① ～ Ⅱ 髙 are not in JIS X 0208), as browsers read it."""
    page = ('<html><head><meta http-equiv=Content-Type content="text/html; charset=Shift_JIS"></head><body>'
            "<p>第５条　この協約の期間は、平成29年4月1日～令和4年3月31日とする。</p>"
            "<p>①　医療</p><p>Ⅱ　結びつきやネットワークの強化</p><p>八戸市長　髙橋　一郎</p></body></html>")
    source = ingest(write_file("kyoyaku.htm", page.encode("cp932")))
    assert source.encoding == "cp932"
    assert [line.text for line in source.lines] == [
        "第５条　この協約の期間は、平成29年4月1日～令和4年3月31日とする。", "①　医療",
        "Ⅱ　結びつきやネットワークの強化", "八戸市長　髙橋　一郎"]


def test_a_declared_euc_jp_page_keeps_the_characters_windows_adds(write_file):
    page = ('<html><head><meta charset="EUC-JP"></head><body><p>①　医療</p><p>②　福祉</p>'
            "<p>八戸市長　髙橋　一郎</p></body></html>")
    source = ingest(write_file("kyoyaku.html", windows_euc(page)))
    assert source.encoding == "cp51932"
    assert [line.text for line in source.lines] == ["①　医療", "②　福祉", "八戸市長　髙橋　一郎"]


UTF16_PAGE = """<!DOCTYPE html>
<html lang="ja"><head><meta charset="UTF-16"><title>連携協約</title></head>
<body><p>鳥取市及び岩美町における連携協約</p>
<p>第1条　この協約は、甲及び乙が連携し、圏域の発展を図ることを目的とする。</p>
<table><tr><th>取組</th><th>甲の役割</th><th>乙の役割</th></tr>
<tr><td>ア 観光振興</td><td>企画する。</td><td>協力する。</td></tr></table>
</body></html>"""


@pytest.mark.parametrize("name, encoding, expected", [
    ("kyoyaku.txt", "utf-16", "utf-16"),  # Word's "Unicode" web page saved under .txt: BOM
    ("kyoyaku", "utf_16_le", "utf_16_le"),  # no suffix, no BOM: zero bytes beside the markup
    ("kyoyaku.html", "utf_16_be", "utf_16_be"),
    ("kyoyaku.txt", "utf-8-sig", "utf-8-sig"),  # Notepad's UTF-8 BOM before <!DOCTYPE
], ids=["utf16-bom-txt", "utf16le-no-suffix", "utf16be-html", "utf8-bom-txt"])
def test_an_html_page_in_utf16_or_after_a_bom_is_read_as_html(write_file, name, encoding, expected):
    source = ingest(write_file(name, UTF16_PAGE, encoding))
    assert (source.format, source.encoding) == ("html", expected)
    assert [line.text for line in source.lines] == [
        "鳥取市及び岩美町における連携協約",
        "第1条　この協約は、甲及び乙が連携し、圏域の発展を図ることを目的とする。",
        "取組\t甲の役割\t乙の役割", "ア 観光振興\t企画する。\t協力する。"]


BEPPYO_PAGE = """<html><head>{declaration}<title>別表</title></head><body><h1>別表第１</h1><table>
<tr><th>区分</th><th>取組</th><th>内容</th></tr>
<tr><td>医療</td><td>救急医療</td><td>病院群輪番制</td></tr>
<tr><td>医療</td><td>医療連携</td><td>医師確保</td></tr>
<tr><td>消防</td><td>広域消防</td><td>消防指令共同運用</td></tr>
<tr><td>産業振興</td><td>農業振興</td><td>地産地消</td></tr>
</table></body></html>"""


@pytest.mark.parametrize("declaration, encoding", [
    ('<meta charset="Shift_JIS">', "euc_jp"),  # an EUC-JP page whose bytes CP932 also decodes
    ('<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">', "utf_8"),  # converted, meta kept
    ('<meta charset="EUC-JP">', "cp932"),
    ('<meta charset="windows-1252">', "cp932"),  # an editor's default: no Japanese page's
], ids=["sjis-but-euc", "sjis-but-utf8", "euc-but-sjis", "latin"])
def test_a_wrong_declaration_gives_way_to_the_encoding_of_the_bytes(write_file, declaration, encoding):
    page = BEPPYO_PAGE.format(declaration=declaration)
    source = ingest(write_file("beppyo.html", page.encode(encoding)))
    assert source.encoding == encoding
    assert [line.text for line in source.lines] == [
        "別表第１", "区分\t取組\t内容", "医療\t救急医療\t病院群輪番制", "医療\t医療連携\t医師確保",
        "消防\t広域消防\t消防指令共同運用", "産業振興\t農業振興\t地産地消"]


def test_a_utf16_page_of_tags_and_kanji_without_a_bom_is_read(write_file):
    """Its few kana (less than a tenth of its letters, the markup counted)
    made the guess for UTF-16 without a BOM refuse it: undecodable."""
    page = BEPPYO_PAGE.format(declaration='<meta charset="utf-16">')
    source = ingest(write_file("beppyo.html", page, "utf_16_le"))
    assert source.encoding == "utf_16_le"
    assert [line.text for line in source.lines][:3] == ["別表第１", "区分\t取組\t内容", "医療\t救急医療\t病院群輪番制"]


def test_html_preformatted_text_keeps_its_lines(write_file):
    """Some 例規集 systems and city sites print the agreement as the plain
    text it was typed in, inside <pre>: a browser shows its line breaks,
    so each line is a line (not one run of the whole agreement), its indent
    and the blank lines between kept as typed."""
    html = """<html><body><pre>
○盛岡市と紫波町との連携中枢都市圏の形成に係る連携協約
　　　　　　　　　　　平成31年3月27日

（目的）
第1条　この連携協約は、甲及び乙が連携し、
圏域の経済成長のけん引を図ることを目的とする。
</pre><p>別表（第3条関係）</p></body></html>"""
    assert texts_of(write_file, "pre.html", html) == [
        "○盛岡市と紫波町との連携中枢都市圏の形成に係る連携協約", "　　　　　　　　　　　平成31年3月27日", "", "（目的）",
        "第1条　この連携協約は、甲及び乙が連携し、", "圏域の経済成長のけん引を図ることを目的とする。",
        "別表（第3条関係）"]


def test_html_page_framed_in_a_layout_table_is_read_as_its_lines_and_tables(write_file):
    """Older city sites and 例規集 frame the page in a table: a menu cell
    beside a cell holding the whole agreement, its 別表 a table nested in
    that cell. The agreement's cell is read as the page it holds (not one
    run of text), and the 別表 nested in it as a table (a cell's spaces
    are one space, as in every table)."""
    articles = "".join(f"<p>（{caption}）</p><p>第{no}条　{body}</p>" for no, (caption, body) in enumerate([
        ("目的", "この連携協約は、圏域の発展を図ることを目的とする。"),
        ("連携する取組", "甲及び乙が連携する取組は、別表のとおりとする。"),
        ("協議", "疑義が生じたときは、甲及び乙が協議して定める。")], 1))
    html = f"""<html><body><table width="100%"><tr>
<td width="20%"><ul><li><a href="/">例規集トップ</a></li><li><a href="/s">検索</a></li></ul></td>
<td><div class="title">○盛岡市と紫波町との連携中枢都市圏の形成に係る連携協約</div>
<div>平成31年3月27日</div>
<p>盛岡市（以下「甲」という。）と紫波町（以下「乙」という。）は、次のとおり連携協約を締結する。</p>
{articles}
<p>別表（第2条関係）</p>
<table border="1"><tr><th>連携する具体的事項</th><th>取組の内容</th><th>甲の役割</th><th>乙の役割</th></tr>
<tr><td>ア　産業振興</td><td>地域企業の販路拡大及び<br>創業を支援する。</td><td>支援策を実施する。</td><td>町内企業へ周知する。</td></tr>
</table></td></tr></table></body></html>"""
    assert texts_of(write_file, "framed.html", html) == [
        "例規集トップ", "検索",
        "○盛岡市と紫波町との連携中枢都市圏の形成に係る連携協約", "平成31年3月27日",
        "盛岡市（以下「甲」という。）と紫波町（以下「乙」という。）は、次のとおり連携協約を締結する。",
        "（目的）", "第1条　この連携協約は、圏域の発展を図ることを目的とする。",
        "（連携する取組）", "第2条　甲及び乙が連携する取組は、別表のとおりとする。",
        "（協議）", "第3条　疑義が生じたときは、甲及び乙が協議して定める。",
        "別表（第2条関係）",
        "連携する具体的事項\t取組の内容\t甲の役割\t乙の役割",
        "ア 産業振興\t地域企業の販路拡大及び創業を支援する。\t支援策を実施する。\t町内企業へ周知する。"]


def test_html_cells_and_rows_without_end_tags_are_closed_as_a_browser_closes_them(write_file):
    """HTML lets </td>, </th> and </tr> be left out (hand-written pages,
    older 例規集 systems): the next cell, row or the table's end closes them."""
    html = """<html><body><p>別表（第3条関係）</p>
<table border=1>
<tr><th>連携する具体的事項<th>取組の内容<th>甲の役割<th>乙の役割
<tr><td colspan=4>1　圏域全体の経済成長のけん引
<tr><td>ア　産業振興<td>地域企業の販路拡大を支援する。<td>支援策を実施する。<td>町内企業へ周知する。
<tr><td>イ　広域観光の推進<td>誘客に取り組む。<td>プロモーションを実施する。<td>観光情報を提供する。
</table>
<p>附　則</p></body></html>"""
    assert texts_of(write_file, "omitted.html", html) == [
        "別表（第3条関係）",
        "連携する具体的事項\t取組の内容\t甲の役割\t乙の役割",
        "1 圏域全体の経済成長のけん引\t1 圏域全体の経済成長のけん引\t1 圏域全体の経済成長のけん引"
        "\t1 圏域全体の経済成長のけん引",
        "ア 産業振興\t地域企業の販路拡大を支援する。\t支援策を実施する。\t町内企業へ周知する。",
        "イ 広域観光の推進\t誘客に取り組む。\tプロモーションを実施する。\t観光情報を提供する。",
        "附　則"]


def test_html_paragraph_number_in_an_element_of_its_own_stands_before_its_text(write_file):
    """例規集 systems put a 項's number in an element of its own beside its
    text (<div class="num">2</div><div class="text">…</div>): the number
    opens the paragraph, as the page shows it, and is no line of its own."""
    html = """<html><body>
<div class="article"><div class="num">第4条</div><div class="text">前条に規定する取組に必要な費用の負担は、甲及び乙が協議して定める。</div></div>
<div class="clause"><div class="num">2</div><div class="text">前項の費用の負担に関し必要な事項は、別に定める。</div></div>
<div class="clause"><div class="num">３</div><div class="text">前2項の規定は、乙が負担する費用に準用する。</div></div>
<div class="article-title">（疑義の解決）</div>
<div class="article"><div class="num">第5条</div><div class="text">疑義が生じたときは、甲及び乙が協議して定める。</div></div>
</body></html>"""
    assert texts_of(write_file, "clause-num.html", html) == [
        "第4条", "前条に規定する取組に必要な費用の負担は、甲及び乙が協議して定める。",
        "2　前項の費用の負担に関し必要な事項は、別に定める。",
        "３　前2項の規定は、乙が負担する費用に準用する。",
        "（疑義の解決）", "第5条", "疑義が生じたときは、甲及び乙が協議して定める。"]


def test_html_page_number_left_alone_by_a_converter_is_not_glued_to_the_text_below(write_file):
    """A converter's page number (2 on a line of its own) after an article
    whose 項 2 is already printed is no paragraph number: it stays a line."""
    html = """<html><body>
<p>第4条　費用の負担は、甲及び乙が協議して定める。</p>
<p>2　前項の費用の負担に関し必要な事項は、</p>
<p align="center">2</p>
<p>別に定める。</p>
</body></html>"""
    assert texts_of(write_file, "page-number.html", html) == [
        "第4条　費用の負担は、甲及び乙が協議して定める。", "2　前項の費用の負担に関し必要な事項は、", "2",
        "別に定める。"]


# An agreement kept as an Excel sheet and saved as CSV (CP932, CRLF): the
# text pasted into column A, the 別表 a grid whose cells Excel quotes where
# they hold a comma or a line break of their own (Alt+Enter).
EXCEL_CSV = (
    "連携協約書\r\n"
    ",,,\r\n"
    "第3条 甲及び乙が連携して取り組む事項及び役割分担は、別表のとおりとする。,,,\r\n"
    "別表（第3条関係）,,,\r\n"
    "連携施策,取組内容,甲の役割,乙の役割\r\n"
    "1 圏域全体の経済成長のけん引,,,\r\n"
    'ア 産業振興,"圏域内企業の販路拡大を支援するため、\r\n商談会の開催等に取り組む。",'
    '"商談会を企画し、実施する。","圏域内企業への周知を行う。"\r\n'
    'イ 観光振興,"広域観光ルート""因幡の旅""の造成, 情報発信等に取り組む。",観光ルートを造成する。,情報を提供する。\r\n'
)


def test_excel_csv_gives_column_a_as_lines_and_records_as_rows_of_cells(write_file):
    source = ingest(write_file("kyoyaku.csv", EXCEL_CSV, "cp932"))
    assert [(line.line_no, line.text) for line in source.lines if line.text] == [
        (1, "連携協約書"),
        (3, "第3条 甲及び乙が連携して取り組む事項及び役割分担は、別表のとおりとする。"),
        (4, "別表（第3条関係）"),
        (5, "連携施策\t取組内容\t甲の役割\t乙の役割"),
        (6, "1 圏域全体の経済成長のけん引"),
        (7, "ア 産業振興\t圏域内企業の販路拡大を支援するため、商談会の開催等に取り組む。"
            "\t商談会を企画し、実施する。\t圏域内企業への周知を行う。"),
        (9, "イ 観光振興\t広域観光ルート\"因幡の旅\"の造成, 情報発信等に取り組む。\t観光ルートを造成する。\t情報を提供する。"),
    ]


def test_an_agreement_pasted_into_one_column_keeps_the_lines_of_a_cell(write_file):
    # a whole article pasted into cell A1, its paragraphs on lines of their own
    csv_text = '"第4条 費用は、甲及び乙が協議して定める。\n2 前項の協議は、毎年度行う。"\n'
    assert [line.text for line in ingest(write_file("a.csv", csv_text)).lines] == [
        "第4条 費用は、甲及び乙が協議して定める。", "2 前項の協議は、毎年度行う。"]


def test_excel_unicode_text_tsv_joins_a_cell_broken_inside_its_quotes(write_file):
    tsv = '取組\t甲の役割\t乙の役割\r\nア 産業振興\t"企業誘致を\r\n進める。"\t協力する。\r\n'
    source = ingest(write_file("beppyo.tsv", tsv, "utf-16"))
    assert [line.text for line in source.lines] == ["取組\t甲の役割\t乙の役割", "ア 産業振興\t企業誘致を進める。\t協力する。"]


@pytest.mark.parametrize("name, encoding", [
    ("kyoyaku.txt", "cp932"), ("kyoyaku", "utf-8"), ("kyoyaku.txt", "utf-16"),
], ids=["txt-cp932", "no-suffix", "txt-utf16"])
def test_a_csv_saved_under_another_name_is_read_as_csv(write_file, name, encoding):
    """Excel's CSV renamed .txt (a mail filter, a portal upload) or with
    its suffix lost: its records have one width, so it is read as the
    .csv it is, not as lines of text with commas in them."""
    source = ingest(write_file(name, EXCEL_CSV, encoding))
    assert source.format == "csv"
    assert [line.text for line in source.lines if line.text][3:6] == [
        "連携施策\t取組内容\t甲の役割\t乙の役割",
        "1 圏域全体の経済成長のけん引",
        "ア 産業振興\t圏域内企業の販路拡大を支援するため、商談会の開催等に取り組む。"
        "\t商談会を企画し、実施する。\t圏域内企業への周知を行う。"]


def test_cells_copied_from_excel_into_a_text_file_are_read_as_tsv(write_file):
    # Excel puts a copied cell holding a line break (Alt+Enter) in quotes
    pasted = ('取組\t内容\t甲の役割\t乙の役割\r\n'
              'ア 観光振興\t"温泉地と白壁土蔵群を結ぶ周遊ルートを整備し、\r\n誘客を図る。"\t周遊ルートを企画する。\t情報を発信する。\r\n'
              'イ 移住定住\t相談窓口を共同で運営する。\t"窓口を設置する。\r\n相談員を置く。"\t相談会に職員を派遣する。\r\n')
    source = ingest(write_file("beppyo.txt", pasted))
    assert source.format == "tsv"
    assert [line.text for line in source.lines] == [
        "取組\t内容\t甲の役割\t乙の役割",
        "ア 観光振興\t温泉地と白壁土蔵群を結ぶ周遊ルートを整備し、誘客を図る。\t周遊ルートを企画する。\t情報を発信する。",
        "イ 移住定住\t相談窓口を共同で運営する。\t窓口を設置する。相談員を置く。\t相談会に職員を派遣する。"]


PROSE_WITH_COMMAS = {
    # commas for 、 (horizontal 公用文), lines of every width
    "varied": ("伯耆町と江府町との連携協約\n\n"
               "伯耆町(以下「甲」という。)と江府町(以下「乙」という。)は,地方自治法第252条の2第1項の規定に基づき,"
               "次のとおり連携協約を締結する。\n(目的)\n第1条 この協約は,甲及び乙が連携し,圏域の活性化を図ることを目的とする。\n"
               "第2条 甲及び乙は,次に掲げる事項について連携する。\n(1) 観光振興に関すること。\n"
               "第3条 甲又は乙は,この協約の変更を求めるときは,相手方に申し出るものとする。\n"
               "2 前項の申出があったときは,甲及び乙は,誠実に協議するものとする。\n令和4年1月20日\n"),
    # every line one comma: one width, as a two-column CSV, but no quoted or empty cell
    "one-each": ("第1条 この協約は,甲及び乙の連携を目的とする。\n第2条 甲及び乙は,観光振興について連携する。\n"
                 "第3条 甲及び乙は,移住定住について連携する。\n第4条 この協約の期間は,令和4年4月1日から5年間とする。\n"
                 "第5条 この協約に定めのない事項は,甲乙協議して定める。\n第6条 この協約の締結を証するため,本書2通を作成する。\n"),
    # a TAB after each article number (Word's text export): one width, but no quoted cell
    "tabbed": ("第1条\tこの協約は、甲及び乙の連携を目的とする。\n第2条\t甲及び乙は、観光振興について連携する。\n"
               "第3条\t甲及び乙は、\"道の駅\"の運営について連携する。\n第4条\tこの協約の期間は、5年間とする。\n"),
}


@pytest.mark.parametrize("prose", PROSE_WITH_COMMAS.values(), ids=PROSE_WITH_COMMAS.keys())
def test_prose_with_commas_or_tabs_stays_text(write_file, prose):
    source = ingest(write_file("kyoyaku.txt", prose))
    assert source.format == "text"
    assert [line.text for line in source.lines] == prose.split("\n")
