"""The bundled samples end to end; each expected value was read off the
source text in raw/ (line numbers in comments)."""
import datetime as dt

import pytest

from pipeline import run
from tests.conftest import seed


@pytest.fixture(scope="module")
def docs():
    return {prefix: run(seed(prefix)) for prefix in ("000", "001", "002", "003", "004")}


def test_document_fields(docs):
    yamagata = docs["000"]
    assert yamagata.doc_type == "agreement"
    assert yamagata.title == "山形市及び●●●市町における連携中枢都市圏の形成に係る連携協約"  # line 3
    assert yamagata.area_name == "山形連携中枢都市圏"  # line 5: …を山形連携中枢都市圏(以下「圏域」という。)
    assert [(p.role, p.municipality) for p in yamagata.parties] == [("甲", "山形市"), ("乙", "●●●市町")]
    assert yamagata.signed_date == dt.date(2020, 1, 9)  # line 33: 令和2年1月9日
    assert docs["004"].signed_date == dt.date(2019, 12, 25)  # line 47: 令和元年12月25日


def test_an_area_that_is_not_named_is_empty(docs):
    assert docs["002"].area_name == ""  # line 12: …で構成される圏域(以下「圏域」という。)


def test_the_overview_has_no_articles_and_names_the_central_city(docs):
    overview = docs["003"]
    assert overview.doc_type == "overview"
    assert overview.articles == ()  # 第二百五十二条の二 (line 157) is quoted law
    assert [(p.role, p.municipality) for p in overview.parties] == [("甲", "青森市")]  # line 64
    assert overview.signed_date is None
    assert len(overview.appendix) == 15  # line 66: 連携施策(15施策)


def test_paragraph_two_of_article_4_is_its_own_paragraph(docs):
    article = docs["004"].articles[3]  # lines 31-33
    assert article.caption == "事務執行に当たっての連携、協力及び費用分担"
    assert len(article.paragraphs) == 2
    assert article.paragraphs[1].startswith("前項の規定により必要となる手続")


def test_signatories_of_a_block_with_title_and_name_only(docs):
    ko, otsu = docs["004"].signatories  # lines 49-57
    assert (ko.municipality, ko.address, ko.title, ko.name) == ("青森市", "", "青森市長", "小野寺晃彦")
    assert (otsu.family_name, otsu.given_name) == ("中嶋", "久")


def test_the_redacted_template_block(docs):
    ko, otsu = docs["000"].signatories  # lines 35-45
    assert not ko.redacted and ko.address == "山形市旅籠町二丁目3番25号"
    assert otsu.redacted and otsu.title == "●●●市町長"


def test_rows_broken_over_a_page_come_out_whole(docs):
    medical = docs["000"].appendix[5]  # lines 61-63: continuation with an empty first cell
    assert medical.content == "高度な医療サービスの提供を図るため、医療体制の充実等、各種連携事業に取り組む。"
    assert medical.role_b == "各種連携事業について、甲と連携して取り組む。"
    transport = docs["001"].appendix[6]  # lines 77-79: the first cell continues too
    assert (transport.label, transport.measure) == ("イ", "高度な中心拠点の整備・広域的な交通網の強化")
    education = docs["004"].appendix[8]  # lines 84-86: the tail 'む。' repeats the finished cell
    assert education.role_b == "甲と連携して実施する事業について、協力して取り組む。"
    assert education.content == "学校教育や社会教育環境等の充実を図るため、各種連携事業に取り組む。"


def test_key_value_blocks_and_roman_sections(docs):
    rows = docs["002"].appendix  # lines 64-128
    assert len(rows) == 14
    assert (rows[4].section_no, rows[4].measure) == (2, "ESDによる人づくりとネットワーク化の推進")  # line 85: E S D
    assert rows[0].role_a == "戦略的な産業振興に向けた仕組みの構築に圏域の中心となって取り組む。"


def test_html_tags_in_cells_and_subsections(docs):
    row = docs["001"].appendix[10]  # line 90: <p>イ 教育・文化・スポーツ</p>
    assert (row.section_no, row.subsection_no, row.subsection_title, row.label, row.measure) == (
        3, 1, "生活機能の強化に係る政策分野", "イ", "教育・文化・スポーツ")


def test_the_library_stamp_is_not_part_of_the_last_row(docs):
    last = docs["004"].appendix[-1]  # line 100, then the stamp 清華大學 圖書館 藏書 (lines 102-107)
    assert last.measure == "人材の育成"
    assert "圖書館" not in last.role_b
