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


def test_cp932_specific_characters_survive(write_file):
    # ①, ㈱ and 髙 exist in CP932 but not in plain Shift_JIS
    source = ingest(write_file("b.txt", "①髙橋市長 ㈱", "cp932"))
    assert source.lines[0].text == "①髙橋市長 ㈱"


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
