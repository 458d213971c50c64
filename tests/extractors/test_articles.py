import pytest

from extractors.articles import extract_articles
from pipeline import run
from tests.helpers import document_of, segments_of

KANJI_ARTICLES = """
    福山市及び三原市の定住自立圏形成協定

    福山市(以下「甲」という。)及び三原市(以下「乙」という。)は、次のとおり協定を締結する。

    (目的)
    第一条 この協定は、定住自立圏を形成することを目的とする。
    (期間)
    第二条 この協定の期間は、締結の日から起算して三年とする。
    ２ 前項の期間満了の日の三月前までに、甲又は乙から
    申出がないときは、更に三年間延長するものとする。
    ③ 前項の規定は、延長後の期間についても同様とする。
    第二条の二 甲及び乙は、次に掲げる事項について協議する。
    (1) 医療に関すること。
    (2) 教育に関すること。
    第三条(協議) この協定に定めのない事項は、甲乙協議して定める。

    令和三年一月八日
"""


def test_kanji_numbered_articles_with_captions_paragraphs_and_branches():
    articles = extract_articles(segments_of(KANJI_ARTICLES))
    assert [(a.article_no, a.caption) for a in articles] == [
        ("1", "目的"), ("2", "期間"), ("2_2", ""), ("3", "協議")]
    period = articles[1]
    assert period.paragraphs == (
        "この協定の期間は、締結の日から起算して三年とする。",
        "前項の期間満了の日の三月前までに、甲又は乙から申出がないときは、更に三年間延長するものとする。",
        "前項の規定は、延長後の期間についても同様とする。")
    assert articles[2].text == "甲及び乙は、次に掲げる事項について協議する。\n(1) 医療に関すること。\n(2) 教育に関すること。"
    assert articles[3].paragraphs == ("この協定に定めのない事項は、甲乙協議して定める。",)


def test_article_spans_point_to_source_lines():
    articles = extract_articles(segments_of(KANJI_ARTICLES))
    assert articles[1].span.lines_label == "8-11"
    assert [s.lines_label for s in articles[1].paragraph_spans] == ["8", "9-10", "11"]


def test_a_wrapped_line_starting_with_a_number_is_not_a_paragraph():
    articles = extract_articles(segments_of("""
        甲市及び乙町の連携協約
        甲市(以下「甲」という。)及び乙町(以下「乙」という。)は、次のとおり締結する。
        第1条 本書は、甲及び乙が各
        2通を作成する。
    """))
    assert articles[0].paragraphs == ("本書は、甲及び乙が各2通を作成する。",)


def test_quoted_law_in_an_overview_is_not_an_article():
    doc = document_of("""
        連携協約の概要

        【目的】(第1条)
        圏域を形成すること

        【地方自治法 抜粋】
        (連携協約)
        第二百五十二条の二 普通地方公共団体は、連携協約を締結することができる。
        2 普通地方公共団体は、連携協約を締結したときは、その旨を告示する。
    """)
    assert doc.doc_type == "overview"
    assert doc.articles == ()


def test_a_caption_missing_one_bracket_still_heads_its_article():
    # a scan lost the ) of (定期的な協議) and the ( of (疑義の解決): the
    # articles after it are articles, not the closing.
    articles = extract_articles(segments_of("""
        山形市及び天童市の連携協約
        山形市(以下「甲」という。)及び天童市(以下「乙」という。)は、次のとおり連携協約を締結する。
        (目的
        第1条 この協約は、圏域の形成を目的とする。
        (定期的な協議
        第2条 甲及び乙の長は、定期的に協議を行うものとする。
        疑義の解決)
        第3条 疑義が生じたときは、甲及び乙が協議して定める。
        この連携協約の締結を証するため、本書2通を作成し、甲及び乙が記名押印の上、各自1通を保有する。
        令和2年1月9日
    """))
    assert [(a.article_no, a.caption, a.text) for a in articles] == [
        ("1", "目的", "この協約は、圏域の形成を目的とする。"),
        ("2", "定期的な協議", "甲及び乙の長は、定期的に協議を行うものとする。"),
        ("3", "疑義の解決", "疑義が生じたときは、甲及び乙が協議して定める。"),
    ]


def test_captions_in_lenticular_brackets_on_their_own_line_or_after_the_number():
    articles = extract_articles(segments_of("""
    連携協約書
    宇部市(以下「甲」という。)と山陽小野田市(以下「乙」という。)は、次のとおり連携協約を締結する。
    【目的】
    第1条 この協約は、甲及び乙の連携を目的とする。
    第2条 【基本方針】甲及び乙は、相互に協力する。
    """))
    assert [(a.article_no, a.caption, a.text) for a in articles] == [
        ("1", "目的", "この協約は、甲及び乙の連携を目的とする。"),
        ("2", "基本方針", "甲及び乙は、相互に協力する。")]


BARE_CAPTIONS = """
    岡山市と玉野市との連携協約

    岡山市(以下「甲」という。)と玉野市(以下「乙」という。)は、次のとおり連携協約を締結する。

    目的
    第一条 この連携協約は、圏域を形成することを目的とする。
    基本方針
    第二条 甲及び乙は、次に掲げる分野について連携を図るものとする。
    (一) 経済成長のけん引
    (二) 生活関連機能サービスの向上
    連携協約の変更
    第三条 この連携協約の変更は、甲乙協議して定める。
    附則
    第一条 この連携協約は、令和二年四月一日から施行する。

    この協約の締結を証するため、本書二通を作成する。
"""


def test_captions_without_brackets_on_the_line_above_open_no_new_part():
    articles = extract_articles(segments_of(BARE_CAPTIONS))
    assert [(a.article_no, a.caption) for a in articles] == [
        ("1", "目的"), ("2", "基本方針"), ("3", "連携協約の変更")]
    assert articles[1].text.endswith("(二) 生活関連機能サービスの向上")  # the caption of 第三条 is no item


def test_a_title_over_the_first_article_is_no_caption():
    articles = extract_articles(segments_of("""
        ○甲府市連携協約
        第1条 この協約は、圏域を形成することを目的とする。
    """))
    assert [(a.article_no, a.caption) for a in articles] == [("1", "")]


def test_captions_in_corner_brackets_above_or_beside_the_article_number():
    articles = extract_articles(segments_of("""
        松山市と砥部町との連携協約
        松山市(以下「甲」という。)と砥部町(以下「乙」という。)は、次のとおり連携協約を締結する。
        「目的」
        第1条 この協約は、圏域の形成を目的とする。
        第2条「協議」 甲及び乙は、協議する。
    """))
    assert [(a.article_no, a.caption, a.text) for a in articles] == [
        ("1", "目的", "この協約は、圏域の形成を目的とする。"), ("2", "協議", "甲及び乙は、協議する。")]


def test_a_body_opening_with_a_defined_term_in_corner_brackets_has_no_caption():
    articles = extract_articles(segments_of("""
        松山市と砥部町との連携協約
        松山市(以下「甲」という。)と砥部町(以下「乙」という。)は、次のとおり連携協約を締結する。
        第1条 「連携市町村」とは、乙をいう。
    """))
    assert [(a.caption, a.text) for a in articles] == [("", "「連携市町村」とは、乙をいう。")]


def test_supplementary_provisions_after_an_item_without_a_full_stop_are_no_articles():
    articles = extract_articles(segments_of("""
        ○倉敷市と早島町との連携協約
        倉敷市(以下「甲」という。)と早島町(以下「乙」という。)は、次のとおり連携協約を締結する。
        (目的)
        第1条 この協約は、圏域の形成を目的とする。
        (協議)
        第2条 甲及び乙は、次に掲げる事項について協議する。
        (1) 取組の進捗に関すること。
        (2) その他必要な事項
        附 則(抄)
        (施行期日)
        第1条 この協約は、令和2年4月1日から施行する。
        (経過措置)
        第2条 この協約の施行前に行った取組は、この協約に基づく取組とみなす。
    """))
    assert [a.article_no for a in articles] == ["1", "2"]
    assert articles[1].text.endswith("(2) その他必要な事項")


CHAPTERS = """
    甲市及び乙町の連携協約

    甲市(以下「甲」という。)及び乙町(以下「乙」という。)は、次のとおり連携協約を締結する。

    第1章 総則
    (目的)
    第1条 この協約は、圏域を形成することを目的とする。
    第2章 連携する取組
    第1節 経済成長のけん引
    基本方針
    第2条 甲及び乙は、次に掲げる取組を行う。
    (1) 産業の振興
    (2) 観光の推進
    第3章 雑則
    第3条 この協約に定めのない事項は、甲乙協議して定める。

    令和3年4月1日
"""


def test_chapter_and_section_headings_are_no_part_of_any_article():
    articles = extract_articles(segments_of(CHAPTERS))
    assert [(a.article_no, a.caption, a.text) for a in articles] == [
        ("1", "目的", "この協約は、圏域を形成することを目的とする。"),
        ("2", "基本方針", "甲及び乙は、次に掲げる取組を行う。\n(1) 産業の振興\n(2) 観光の推進"),
        ("3", "", "この協約に定めのない事項は、甲乙協議して定める。")]


CITED_AND_DELETED = """
    甲市及び乙町の連携協約

    甲市(以下「甲」という。)及び乙町(以下「乙」という。)は、次のとおり連携協約を締結する。

    第1条 この協約は、圏域を形成することを目的とする。
    第2条 甲及び乙は、次条に定める取組のうち、
    第3条に掲げるものを優先する。
    第3条 甲及び乙は、前条及び
    第五条から第七条までの規定により連携する。
    第4条 削除
    第五条から第七条まで 削除
    第7条の2から第7条の3まで 削除
    第8条 この協約の期間は、
    第1条で定める目的の達成までとする。

    令和3年4月1日
"""


def test_a_line_opening_with_a_cited_article_is_no_article_and_a_deleted_range_is_each_article():
    articles = extract_articles(segments_of(CITED_AND_DELETED))
    assert [(a.article_no, a.text) for a in articles] == [
        ("1", "この協約は、圏域を形成することを目的とする。"),
        ("2", "甲及び乙は、次条に定める取組のうち、第3条に掲げるものを優先する。"),
        ("3", "甲及び乙は、前条及び第五条から第七条までの規定により連携する。"),
        ("4", "削除"), ("5", "削除"), ("6", "削除"), ("7", "削除"), ("7_2", "削除"), ("7_3", "削除"),
        ("8", "この協約の期間は、第1条で定める目的の達成までとする。")]


def test_deleted_articles_listed_or_marked_in_brackets_are_each_an_article_reading_deleted():
    articles = extract_articles(segments_of("""
        松阪市及び多気町の定住自立圏形成協定
        松阪市(以下「甲」という。)及び多気町(以下「乙」という。)は、次のとおり協定を締結する。
        (目的)
        第1条 この協定は、定住自立圏の形成を目的とする。
        第2条 (削除)
        第3条及び第4条 削除
        第5条 【削除】
        第6条、第7条及び第七条の二 削除
        第8条 甲及び乙は、第1条及び
        第2条の規定に基づき協議する。
    """))
    assert [(a.article_no, a.caption, a.text) for a in articles] == [
        ("1", "目的", "この協定は、定住自立圏の形成を目的とする。"),
        ("2", "", "削除"), ("3", "", "削除"), ("4", "", "削除"), ("5", "", "削除"),
        ("6", "", "削除"), ("7", "", "削除"), ("7_2", "", "削除"),
        ("8", "", "甲及び乙は、第1条及び第2条の規定に基づき協議する。")]


CAPTION_VARIANTS = """
    甲市及び乙町の連携協約

    甲市(以下「甲」という。)及び乙町(以下「乙」という。)は、次のとおり連携協約を締結する。

    第1条 目的 この協約は、圏域を形成することを目的とする。
    第2条＜基本方針＞ 甲及び乙は、連携して取り組む。
    第3条 〈連携する取組〉 甲及び乙は、観光の推進に取り組む。
    第4条
    (役割分担)
    甲及び乙は、別表に定める役割を担う。
    第5条 甲 及 び 乙 は 、協議する。

    令和3年4月1日
"""


def test_captions_without_brackets_in_angle_brackets_and_under_a_bare_label():
    articles = extract_articles(segments_of(CAPTION_VARIANTS))
    assert [(a.article_no, a.caption, a.text) for a in articles] == [
        ("1", "目的", "この協約は、圏域を形成することを目的とする。"),
        ("2", "基本方針", "甲及び乙は、連携して取り組む。"),
        ("3", "連携する取組", "甲及び乙は、観光の推進に取り組む。"),
        ("4", "役割分担", "甲及び乙は、別表に定める役割を担う。"),
        ("5", "", "甲及び乙は、協議する。")]  # letter-spaced: no caption


def test_a_first_paragraph_numbered_like_the_others_loses_its_number():
    articles = extract_articles(segments_of("""
        甲市及び乙町の連携協約
        甲市(以下「甲」という。)及び乙町(以下「乙」という。)は、次のとおり締結する。
        第1条 ①この協約は、圏域を形成することを目的とする。
        ②前項の圏域は、甲及び乙の区域とする。
        第2条 1市1町は、連携する。
    """))
    assert [a.paragraphs for a in articles] == [
        ("この協約は、圏域を形成することを目的とする。", "前項の圏域は、甲及び乙の区域とする。"),
        ("1市1町は、連携する。",)]


def test_a_caption_without_brackets_alone_after_the_label_over_the_body():
    articles = extract_articles(segments_of("""
        甲市及び乙町の連携協約
        甲市(以下「甲」という。)及び乙町(以下「乙」という。)は、次のとおり連携協約を締結する。
        第1条 目的
        この協約は、甲及び乙が連携して圏域を形成することを目的とする。
        第2条 連携する取組
        甲及び乙が連携する取組は、別表のとおりとする。
        第3条 甲及び乙は、連携して取り組むものとし、その費用は
        協議して定める。
    """))
    assert [(a.caption, a.text) for a in articles] == [
        ("目的", "この協約は、甲及び乙が連携して圏域を形成することを目的とする。"),
        ("連携する取組", "甲及び乙が連携する取組は、別表のとおりとする。"),
        ("", "甲及び乙は、連携して取り組むものとし、その費用は協議して定める。")]


def test_the_closing_formula_after_a_last_item_without_a_full_stop_is_no_part_of_the_article():
    doc = document_of("""
        甲市及び乙町の連携協約
        甲市(以下「甲」という。)及び乙町(以下「乙」という。)は、次のとおり連携協約を締結する。
        (目的)
        第1条 この協約は、圏域の形成を目的とする。
        (協約の廃止)
        第2条 甲又は乙は、次に掲げる場合には、この協約を廃止することができる。
        一 圏域の形成が困難となった場合
        二 その他甲及び乙が協議して必要と認めた場合
        この協約の締結を証するため、本書2通を作成し、甲乙記名押印の上、各自1通を保有する。
        令和2年4月1日
        甲 甲市長 山田一郎
        乙 乙町長 川上二郎
    """)
    assert doc.articles[1].text == ("甲又は乙は、次に掲げる場合には、この協約を廃止することができる。\n"
                                    "一 圏域の形成が困難となった場合\n二 その他甲及び乙が協議して必要と認めた場合")
    assert str(doc.signed_date) == "2020-04-01"


def test_amendment_notes_of_a_reiki_page_are_no_article_text_and_end_no_article():
    doc = document_of("""
        大崎市及び涌谷町の定住自立圏形成協定
        大崎市(以下「甲」という。)及び涌谷町(以下「乙」という。)は、次のとおり協定を締結する。
        (目的)
        第1条 この協定は、大崎定住自立圏を形成することを目的とする。
        (令和3年4月1日一部改正)
        第2条 甲及び乙は、次に掲げる事項について連携する。〔平成30年改正〕
        2 前項の連携に要する経費は、甲乙協議して定める。
        〔平成31年3月29日一部変更〕
        3 前2項に定めるもののほか、必要な事項は別に定める。(平30・追加)(令2・一部改正)
        (協議)
        第3条 この協定に定めのない事項は、甲乙協議して定める。
        令和元年5月1日
        甲 大崎市長 伊藤康志
        乙 涌谷町長 大友啓一
    """)
    assert [(a.article_no, a.caption) for a in doc.articles] == [("1", "目的"), ("2", ""), ("3", "協議")]
    assert doc.articles[0].paragraphs == ("この協定は、大崎定住自立圏を形成することを目的とする。",)
    assert doc.articles[1].paragraphs == ("甲及び乙は、次に掲げる事項について連携する。",
                                          "前項の連携に要する経費は、甲乙協議して定める。",
                                          "前2項に定めるもののほか、必要な事項は別に定める。")
    assert doc.signed_date.isoformat() == "2019-05-01"
    assert {(d.iso.isoformat(), d.kind) for d in doc.dates} == {
        ("2021-04-01", "referenced"), ("2019-03-29", "referenced"), ("2019-05-01", "signed")}


def test_a_supplementary_provision_run_on_after_the_last_article_is_not_its_text():
    doc = document_of("""
        鳥取市及び岩美町の連携協約
        鳥取市(以下「甲」という。)及び岩美町(以下「乙」という。)は、次のとおり連携協約を締結する。
        第1条 この協約は、甲及び乙の連携を目的とする。
        第2条 この協約に定めのない事項は、甲乙協議して定める。附則 この協約は、平成30年4月1日から施行する。
        この協約の締結を証するため、本書2通を作成し、甲乙記名押印の上、各自1通を保有する。
        平成30年3月29日
        甲 鳥取市長 深澤義彦
        乙 岩美町長 西垣英彦
    """)
    assert doc.articles[-1].paragraphs == ("この協約に定めのない事項は、甲乙協議して定める。",)
    assert doc.signed_date.isoformat() == "2018-03-29"


def test_articles_paragraphs_and_items_numbered_with_negative_and_bracketed_circled_numbers():
    doc = document_of("""
        盛岡市及び滝沢市の連携協約
        盛岡市(以下「甲」という。)及び滝沢市(以下「乙」という。)は、次のとおり連携協約を締結する。
        第❶条 この協約は、盛岡広域の発展を目的とする。
        第❷条 甲及び乙は、次の取組を行う。
        ⑴産業振興に関すること。
        ⑵観光振興に関すること。
        ❷前項の取組の詳細は、別に定める。
        第❸条 甲及び乙は、次の事業を行う。
        ⒈医療に関すること。
        ⒉福祉に関すること。
        令和2年3月27日
        甲 盛岡市長 谷藤裕明
        乙 滝沢市長 主浜了
    """)
    assert [a.article_no for a in doc.articles] == ["1", "2", "3"]
    assert doc.articles[1].paragraphs == (
        "甲及び乙は、次の取組を行う。\n(1) 産業振興に関すること。\n(2) 観光振興に関すること。",
        "前項の取組の詳細は、別に定める。")
    assert doc.articles[2].text == "甲及び乙は、次の事業を行う。\n1. 医療に関すること。\n2. 福祉に関すること。"


CIRCLED_ITEMS_AND_OTHER_PARAGRAPH_LABELS = """
    高梁市及び吉備中央町の連携協約

    高梁市(以下「甲」という。)及び吉備中央町(以下「乙」という。)は、次のとおり連携協約を締結する。

    (連携する政策分野)
    第２条　甲及び乙は、次に掲げる政策分野において連携する。
    ①　生活機能の強化に係る政策分野
    ②　結びつきやネットワークの強化に係る政策分野
    ２　前項各号の取組の詳細は、別表のとおりとする。
    (変更)
    第３条　この協約を変更しようとするときは、甲及び乙は、次の手続を経るものとする。
    ア　議会の議決を経ること。
    イ　告示すること。
    ２．前項の規定は、この協約を廃止しようとする場合について準用する。
    (期間)
    第４条　この協約の期間は、締結の日から５年間とする。
    （２）前項の期間満了の日までに申出がないときは、更に５年間延長するものとし、以後も同様と
    する。
    (疑義の解決)
    第５条
    (1) この協約に定めのない事項は、甲乙協議して定める。
    (2) この協約の解釈に疑義が生じたときは、甲乙協議して定める。
"""


def test_circled_items_stay_in_their_paragraph_and_2_dot_and_bracketed_2_open_paragraphs():
    articles = extract_articles(segments_of(CIRCLED_ITEMS_AND_OTHER_PARAGRAPH_LABELS))
    assert [a.article_no for a in articles] == ["2", "3", "4", "5"]
    assert articles[0].paragraphs == (
        "甲及び乙は、次に掲げる政策分野において連携する。\n1 生活機能の強化に係る政策分野"
        "\n2 結びつきやネットワークの強化に係る政策分野",
        "前項各号の取組の詳細は、別表のとおりとする。")
    assert articles[1].paragraphs == (
        "この協約を変更しようとするときは、甲及び乙は、次の手続を経るものとする。\nア 議会の議決を経ること。\nイ 告示すること。",
        "前項の規定は、この協約を廃止しようとする場合について準用する。")
    assert articles[2].paragraphs == (
        "この協約の期間は、締結の日から5年間とする。",
        "前項の期間満了の日までに申出がないときは、更に5年間延長するものとし、以後も同様とする。")
    assert articles[3].paragraphs == ("この協約に定めのない事項は、甲乙協議して定める。",
                                      "この協約の解釈に疑義が生じたときは、甲乙協議して定める。")


@pytest.mark.parametrize("circled", ["❶❷", "➀➁", "➊➋", "⓵⓶"], ids=["negative", "sans-serif", "negative-sans-serif", "double"])
def test_items_numbered_with_circles_nfkc_leaves_read_as_those_numbered_1_2(circled):
    """❶ ❷ (Word's bullet styles) number items as ① ② do: the same text,
    1 and 2, not ❶ in one agreement's articles and 1 in another's."""
    one, two = circled
    articles = extract_articles(segments_of("""
        高梁市及び吉備中央町の連携協約
        高梁市(以下「甲」という。)及び吉備中央町(以下「乙」という。)は、次のとおり連携協約を締結する。
        第２条　甲及び乙は、次に掲げる政策分野において連携する。
        ①　生活機能の強化に係る政策分野
        ②結びつきやネットワークの強化に係る政策分野
        ２　前項各号の取組の詳細は、別表のとおりとする。
        第３条　この協約の期間は、締結の日から５年間とする。
        ②　前項の期間満了の日までに申出がないときは、更に５年間延長する。
    """.replace("①", one).replace("②", two)))
    assert [a.paragraphs for a in articles] == [
        ("甲及び乙は、次に掲げる政策分野において連携する。\n1 生活機能の強化に係る政策分野"
         "\n2 結びつきやネットワークの強化に係る政策分野",
         "前項各号の取組の詳細は、別表のとおりとする。"),
        ("この協約の期間は、締結の日から5年間とする。", "前項の期間満了の日までに申出がないときは、更に5年間延長する。")]


def test_items_numbered_1_2_after_a_sentence_are_no_paragraphs():
    articles = extract_articles(segments_of("""
        甲市及び乙町の連携協約
        甲市(以下「甲」という。)及び乙町(以下「乙」という。)は、次のとおり締結する。
        第３条　甲及び乙は、次に掲げる事項について協議する。
        1. 取組の内容に関すること。
        2. 費用の負担に関すること。
        3. その他必要な事項
        2. 前項の協議は、毎年度行う。
    """))
    assert articles[0].paragraphs == (
        "甲及び乙は、次に掲げる事項について協議する。\n1. 取組の内容に関すること。\n2. 費用の負担に関すること。"
        "\n3. その他必要な事項",
        "前項の協議は、毎年度行う。")


def test_a_paragraph_number_alone_over_its_text_and_a_bare_page_number_inside_a_sentence():
    articles = extract_articles(segments_of("""
        岡山市と玉野市との連携協約
        岡山市(以下「甲」という。)と玉野市(以下「乙」という。)は、次のとおり連携協約を締結する。
        (期間)
        第２条
        この協約の期間は、締結の日から５年間とする。
        ２
        前項の期間満了の日までに、甲又は乙から申出がないときは、
                                        ３
        更に５年間延長する。
        ３
        前項の規定により延長した後も同様とする。
        ４
        (協議)
        第３条
        この協約に定めのない事項は、甲乙協議して定める。
    """))
    assert [(a.article_no, a.caption) for a in articles] == [("2", "期間"), ("3", "協議")]
    assert articles[0].paragraphs == (
        "この協約の期間は、締結の日から5年間とする。",
        "前項の期間満了の日までに、甲又は乙から申出がないときは、更に5年間延長する。",
        "前項の規定により延長した後も同様とする。")
    assert articles[1].paragraphs == ("この協約に定めのない事項は、甲乙協議して定める。",)


def test_a_paragraph_after_an_item_that_wrapped_without_a_full_stop():
    articles = extract_articles(segments_of("""
        甲市及び乙町の連携協約
        甲市(以下「甲」という。)及び乙町(以下「乙」という。)は、次のとおり締結する。
        第３条　甲又は乙は、この協約を変更しようとするときは、次に掲げる事項を記載した書面により協議しなければならない。
        (1) 変更の内容
        (2) 変更の理由及び変更後の取組の実施に必要な経費の見込みに関する
        事項
        ２　前項の協議が調ったときは、甲及び乙は、議会の議決を経るものとする。
    """))
    assert articles[0].paragraphs == (
        "甲又は乙は、この協約を変更しようとするときは、次に掲げる事項を記載した書面により協議しなければならない。"
        "\n(1) 変更の内容\n(2) 変更の理由及び変更後の取組の実施に必要な経費の見込みに関する事項",
        "前項の協議が調ったときは、甲及び乙は、議会の議決を経るものとする。")


def test_a_caption_run_onto_its_articles_line_before_the_label():
    # (期間)第2条 … ended the articles at 第1条: every later article was lost
    articles = extract_articles(segments_of("""
        甲市及び乙町の連携協約
        甲市(以下「甲」という。)及び乙町(以下「乙」という。)は、次のとおり締結する。
        （目的）第１条　この協約は、圏域の発展を目的とする。
        （期間）第２条　この協約の期間は、５年間とする。
        ２　前項の期間は、延長することができる。
        【協議】第３条　この協約に定めのない事項は、甲乙協議して定める。
    """))
    assert [(a.article_no, a.caption, a.paragraphs) for a in articles] == [
        ("1", "目的", ("この協約は、圏域の発展を目的とする。",)),
        ("2", "期間", ("この協約の期間は、5年間とする。", "前項の期間は、延長することができる。")),
        ("3", "協議", ("この協約に定めのない事項は、甲乙協議して定める。",))]


def test_a_paragraph_numbered_as_the_next_item_would_be_is_told_by_its_sentence():
    # NFKC writes ③ and ３ alike: after ① 救急… / ② 病児… (phrases) the
    # sentence ３ 前２項の…。 is paragraph 3, while ③ 教育 goes on with the list
    articles = extract_articles(segments_of("""
        甲市及び乙町の連携協約
        甲市(以下「甲」という。)及び乙町(以下「乙」という。)は、次のとおり締結する。
        第２条　甲及び乙は、次に掲げる分野において連携する。
        ①　医療
        ②　福祉
        ２　前項の連携の内容は、次のとおりとする。
        ①　救急医療体制の確保
        ②　病児保育の実施
        ３　前２項の詳細は、別表のとおりとする。
        第３条　甲及び乙は、次に掲げる分野において連携する。
        ①　医療
        ②　福祉
        ③　教育
    """))
    assert articles[0].paragraphs == (
        "甲及び乙は、次に掲げる分野において連携する。\n1 医療\n2 福祉",
        "前項の連携の内容は、次のとおりとする。\n1 救急医療体制の確保\n2 病児保育の実施",
        "前2項の詳細は、別表のとおりとする。")
    assert articles[1].paragraphs == ("甲及び乙は、次に掲げる分野において連携する。\n1 医療\n2 福祉\n3 教育",)


def test_items_and_paragraphs_indented_with_tabs_as_word_saves_them_as_text():
    # Word's "plain text" keeps a list's indent as TABs before its items
    # and after each list number; the items are the article's, and the
    # paragraph after them its second
    doc = document_of("\n".join([
        "(基本方針)",
        "第2条 甲及び乙は、次に掲げる方針に基づき、連携して取組を推進するものとする。",
        "\t(1)\t圏域全体の経済成長のけん引",
        "\t(2)\t高次の都市機能の集積・強化",
        "2\t前項の取組は、毎年度見直すものとする。",
        "(協議)",
        "第3条\tこの協約に定めのない事項は、甲乙協議して定める。",
    ]))
    assert [(a.article_no, a.caption) for a in doc.articles] == [("2", "基本方針"), ("3", "協議")]
    policy = doc.articles[0]
    assert list(policy.paragraphs) == [
        "甲及び乙は、次に掲げる方針に基づき、連携して取組を推進するものとする。\n"
        "(1) 圏域全体の経済成長のけん引\n(2) 高次の都市機能の集積・強化",
        "前項の取組は、毎年度見直すものとする。",
    ]
    assert not [w for w in doc.warnings if "between two articles" in w]


def test_items_under_a_list_announced_without_a_full_stop_or_after_a_colon_stay_apart():
    articles = extract_articles(segments_of("""
        津山市及び鏡野町の定住自立圏形成協定
        津山市(以下「甲」という。)及び鏡野町(以下「乙」という。)は、次のとおり協定を締結する。
        (連携する取組)
        第2条　甲及び乙が連携して取り組む政策分野は、次に掲げる事項とする
        1　医療
        2　福祉
        3　教育
        ２　前項の取組の詳細は、別表に定めるとおりとする。
        (協議)
        第3条　甲及び乙が協議する事項は、以下のとおりとする：
        1　費用の負担に関すること。
        2　事業の評価に関すること。
        (期間)
        第4条　この協定の期間は、締結の日から
        1 年とする。
        2　前項の期間満了の日までに申出がないときは、更に1年間延長する。
    """))
    assert [a.paragraphs for a in articles] == [
        ("甲及び乙が連携して取り組む政策分野は、次に掲げる事項とする\n1 医療\n2 福祉\n3 教育",
         "前項の取組の詳細は、別表に定めるとおりとする。"),
        ("甲及び乙が協議する事項は、以下のとおりとする:\n1 費用の負担に関すること。\n2 事業の評価に関すること。",),
        ("この協定の期間は、締結の日から1年とする。",  # a wrapped sentence's 1 is no list
         "前項の期間満了の日までに申出がないときは、更に1年間延長する。")]


def test_a_paragraph_2_citing_the_paragraph_before_follows_a_one_item_list():
    """① and ２ both read 2 after NFKC; an item of paragraph 1 cannot cite
    前項, which paragraph 1 has none of."""
    articles = extract_articles(segments_of("""
        倉敷市及び総社市の連携協約
        倉敷市(以下「甲」という。)及び総社市(以下「乙」という。)は、次のとおり連携協約を締結する。
        (連携する取組)
        第1条　甲及び乙は、次に掲げる取組について連携する。
        ①　圏域全体の経済成長のけん引に関すること。
        ２　甲及び乙は、前項の取組の詳細を別に定める。
        (協議)
        第2条　甲及び乙は、次に掲げる事項について協議する。
        ①　費用の負担に関すること。
        ②　前各号に掲げるもののほか、必要な事項に関すること。
    """))
    assert [a.paragraphs for a in articles] == [
        ("甲及び乙は、次に掲げる取組について連携する。\n1 圏域全体の経済成長のけん引に関すること。",
         "甲及び乙は、前項の取組の詳細を別に定める。"),
        ("甲及び乙は、次に掲げる事項について協議する。\n1 費用の負担に関すること。\n2 前各号に掲げるもののほか、必要な事項に関すること。",)]


def test_articles_laid_out_in_an_html_table_of_number_and_text(write_file):
    # a city page's two columns: caption and 第N条 | the article's text (項 after <br>)
    from pipeline import run

    doc = run(write_file("jobun.html", """<html><head><meta charset="utf-8"></head><body>
<h1>鳥取市と岩美町との連携協約書</h1>
<p>鳥取市(以下「甲」という。)と岩美町(以下「乙」という。)は、次のとおり連携協約を締結する。</p>
<table class="jobun">
<tr><td>(目的)<br>第1条</td><td>この協約は、圏域の経済の活性化を図ることを目的とする。</td></tr>
<tr><td>第2条<br>(協議)</td><td>この協約に定めのない事項は、甲乙協議して定める。<br>2 前項の協議は、書面により行う。</td></tr>
</table>
<p>平成30年3月26日</p>
<p>甲 鳥取市長 深澤 義彦</p><p>乙 岩美町長 西垣 英彦</p></body></html>"""))
    assert [(a.article_no, a.caption, a.paragraphs) for a in doc.articles] == [
        ("1", "目的", ("この協約は、圏域の経済の活性化を図ることを目的とする。",)),
        ("2", "協議", ("この協約に定めのない事項は、甲乙協議して定める。", "前項の協議は、書面により行う。"))]


UNNUMBERED_PARAGRAPHS = """
    伊万里市及び有田町の定住自立圏形成協定
    伊万里市(以下「甲」という。)及び有田町(以下「乙」という。)は、次のとおり協定を締結する。
    (期間)
    第1条 この協定の有効期間は、締結の日から令和7年3月31日までとする。
    ただし、期間満了の日の3月前までに甲又は乙から申出がないときは、更に5年間延長するものとする。
    (連携する取組)
    第2条 甲及び乙は、次の各号に掲げる取組について連携する。
    1) 地域医療の確保
    2) 公共交通の維持
    前項の取組の詳細は、別に定める。
    甲及び乙は、毎年度、取組の成果を公表する。
    (協議)
    第3条 この協定に定めのない事項は、甲乙協議して定める。
    この協定の締結を証するため、本書2通を作成し、甲乙記名押印の上、各自1通を保有する。
    令和2年3月30日
    甲 伊万里市長 深浦 弘信
    乙 有田町長 松尾 佳昭
"""


def test_paragraphs_left_unnumbered_stay_in_their_article():
    # a sentence set on its own line between two articles is a paragraph of the
    # one above, not the end of the articles; ただし、… goes on with its paragraph
    articles = extract_articles(segments_of(UNNUMBERED_PARAGRAPHS))
    assert [(a.article_no, a.caption) for a in articles] == [("1", "期間"), ("2", "連携する取組"), ("3", "協議")]
    assert articles[0].paragraphs == (
        "この協定の有効期間は、締結の日から令和7年3月31日までとする。"
        "ただし、期間満了の日の3月前までに甲又は乙から申出がないときは、更に5年間延長するものとする。",)
    assert articles[1].paragraphs == (
        "甲及び乙は、次の各号に掲げる取組について連携する。\n1) 地域医療の確保\n2) 公共交通の維持",
        "前項の取組の詳細は、別に定める。",
        "甲及び乙は、毎年度、取組の成果を公表する。")
    assert [s.lines_label for s in articles[1].paragraph_spans] == ["7-9", "10", "11"]


def test_a_proviso_on_its_own_line_after_the_last_article_stays_in_it():
    text = UNNUMBERED_PARAGRAPHS.replace(
        "第3条 この協定に定めのない事項は、甲乙協議して定める。",
        "第3条 この協定に定めのない事項は、甲乙協議して定める。\n    ただし、軽微な事項は、担当課長が協議して定める。")
    doc = document_of(text)
    assert doc.articles[-1].paragraphs == (
        "この協定に定めのない事項は、甲乙協議して定める。ただし、軽微な事項は、担当課長が協議して定める。",)
    assert doc.signed_date.isoformat() == "2020-03-30"


def test_an_article_wrapped_before_a_citation_of_another_is_not_cut_there():
    # 第2条各号 / 第3条ただし書 / 第1条又は… open a wrapped line: citations, never articles
    articles = extract_articles(segments_of("""
        今治市及び上島町の連携協約
        今治市(以下「甲」という。)及び上島町(以下「乙」という。)は、次のとおり連携協約を締結する。
        第1条 この協約は、圏域の発展を目的とする。
        第2条 甲及び乙は、次に掲げる事項について連携する。
        (ア) 医療
        (イ) 福祉
        第3条 甲及び乙は、前条に掲げる事項のうち、協議により定めるものについて、
        第2条各号に掲げる事項の実施計画を定める。
        2 前項の実施計画は、
        第3条ただし書の規定にかかわらず、毎年度見直すものとする。
        3 甲及び乙は、
        第1条又は第2条の規定の運用について協議する。
        4 甲及び乙は、
        第2条(第1号を除く。)の事項を毎年度公表する。
        第4条 この協約に定めのない事項は、甲乙協議して定める。
    """))
    assert [a.article_no for a in articles] == ["1", "2", "3", "4"]
    assert articles[2].paragraphs == (
        "甲及び乙は、前条に掲げる事項のうち、協議により定めるものについて、第2条各号に掲げる事項の実施計画を定める。",
        "前項の実施計画は、第3条ただし書の規定にかかわらず、毎年度見直すものとする。",
        "甲及び乙は、第1条又は第2条の規定の運用について協議する。",
        "甲及び乙は、第2条(第1号を除く。)の事項を毎年度公表する。")


def test_lines_an_article_announces_are_its_own_not_stray_lines():
    # …次のとおりとする。 / 次の会議を置く。 over an unnumbered line (a period, a
    # council's name): the article's, no stray line between two articles
    doc = document_of("""
        日田市及び九重町の連携協約
        日田市(以下「甲」という。)及び九重町(以下「乙」という。)は、次のとおり連携協約を締結する。
        (期間)
        第1条 この協約の期間は、次のとおりとする。
        令和2年4月1日から令和7年3月31日まで
        (協議)
        第2条 この協約に定めのない事項は、甲乙協議して定める。
        (連絡調整)
        第3条 甲及び乙は、連絡調整のため、次の会議を置く。
        日田・九重連携推進会議
        この協約の締結を証するため、本書2通を作成し、甲乙記名押印の上、各自1通を保有する。
        令和2年3月27日
        甲 日田市長 原田 啓介
        乙 九重町長 日野 康志
    """)
    assert [(a.article_no, a.paragraphs) for a in doc.articles] == [
        ("1", ("この協約の期間は、次のとおりとする。\n令和2年4月1日から令和7年3月31日まで",)),
        ("2", ("この協約に定めのない事項は、甲乙協議して定める。",)),
        ("3", ("甲及び乙は、連絡調整のため、次の会議を置く。\n日田・九重連携推進会議",))]
    assert not any("between two articles" in w for w in doc.warnings)
    assert doc.signed_date.isoformat() == "2020-03-27"


@pytest.mark.parametrize("caption_line, article_line, caption", [
    ("(協 議)", "第3条 この協約に定めのない事項は、甲乙協議して定める。", "協議"),
    ("", "第3条 【協 議】 この協約に定めのない事項は、甲乙協議して定める。", "協議"),
    ("", "第3条(疑義の 解決) この協約に定めのない事項は、甲乙協議して定める。", "疑義の解決")])
def test_a_caption_spaced_out_reads_without_its_spaces(caption_line, article_line, caption):
    # too short for the line's letter spacing to be told apart from words; a caption has no words apart
    articles = extract_articles(segments_of(f"""
        宇和島市及び鬼北町の連携協約
        宇和島市(以下「甲」という。)及び鬼北町(以下「乙」という。)は、次のとおり連携協約を締結する。
        第1条 この協約は、圏域の発展を目的とする。
        {caption_line}
        {article_line}
    """))
    assert articles[-1].caption == caption
    assert articles[-1].paragraphs == ("この協約に定めのない事項は、甲乙協議して定める。",)


def test_a_sentence_citing_the_paragraph_above_after_the_last_article_is_its_paragraph():
    # unnumbered, under the last article: 前項 makes it a paragraph, not the closing
    doc = document_of("""
        本巣市及び北方町の連携協約
        本巣市(以下「甲」という。)及び北方町(以下「乙」という。)は、次のとおり連携協約を締結する。
        (協議)
        第1条 この協約に定めのない事項は、甲乙協議して定める。
        前項の協議が整わないときは、岐阜県に助言を求めることができる。
        この協約の締結を証するため、本書2通を作成し、甲乙記名押印の上、各自1通を保有する。
        令和2年3月27日
        甲 本巣市長 藤原 勉
        乙 北方町長 戸部 哲哉
    """)
    assert [(a.article_no, a.caption, a.paragraphs) for a in doc.articles] == [
        ("1", "協議", ("この協約に定めのない事項は、甲乙協議して定める。",
                     "前項の協議が整わないときは、岐阜県に助言を求めることができる。"))]
    assert [s.municipality for s in doc.signatories] == ["本巣市", "北方町"]


@pytest.mark.parametrize("heading", ["付 則", "【附則】", "■附則", "附 則 抄", "付則(令和3年3月31日一部変更)",
                                     "【附則】\n        第1条 この協約は、令和2年4月1日から施行する。"])
def test_supplementary_provisions_headed_otherwise_stay_out_of_the_last_article(heading):
    # the last article ends with an item, no 。: only the heading tells where it ends
    doc = document_of(f"""
        本巣市及び北方町の連携協約
        本巣市(以下「甲」という。)及び北方町(以下「乙」という。)は、次のとおり連携協約を締結する。
        第1条 甲及び乙は、次に掲げる事項について協議する。
        (1) 取組の進捗に関すること
        (2) その他必要な事項
        {heading}
        (施行期日)
        第1条 この協約は、令和2年4月1日から施行する。
        この協約の締結を証するため、本書2通を作成し、甲乙記名押印の上、各自1通を保有する。
        令和2年3月27日
        甲 本巣市長 藤原 勉
        乙 北方町長 戸部 哲哉
    """)
    assert [(a.article_no, a.text) for a in doc.articles] == [
        ("1", "甲及び乙は、次に掲げる事項について協議する。\n(1) 取組の進捗に関すること\n(2) その他必要な事項")]
    assert doc.signed_date.isoformat() == "2020-03-27"


def test_a_sentence_after_a_br_in_an_articles_html_paragraph_is_its_text(tmp_path):
    # <p>第2条 …とする。<br>甲及び乙は、…。</p>: one element, so one article; 前項 after a <br> opens paragraph 2
    page = tmp_path / "br.html"
    page.write_text("""<html><head><meta charset="utf-8"></head><body>
        <h2>飯塚市及び嘉麻市の連携協約</h2>
        <p>飯塚市(以下「甲」という。)及び嘉麻市(以下「乙」という。)は、次のとおり連携協約を締結する。</p>
        <p>(協議)<br>第1条 この協約に定めのない事項は、甲乙協議して定める。<br>前項の協議が整わないときは、福岡県に助言を求める。</p>
        <p>(期間)<br>第2条 この協約の期間は、5年とする。<br>甲及び乙は、期間の満了前に見直しを行う。</p>
        <p>この協約の締結を証するため、本書2通を作成し、甲乙記名押印の上、各自1通を保有する。<br>令和2年3月27日</p>
        <p>甲 飯塚市長 片峯 誠</p>
        <p>乙 嘉麻市長 赤間 幸弘</p>
        </body></html>""", encoding="utf-8")
    doc = run(page)
    assert [(a.article_no, a.caption, a.paragraphs) for a in doc.articles] == [
        ("1", "協議", ("この協約に定めのない事項は、甲乙協議して定める。", "前項の協議が整わないときは、福岡県に助言を求める。")),
        ("2", "期間", ("この協約の期間は、5年とする。甲及び乙は、期間の満了前に見直しを行う。",))]
    assert doc.signed_date.isoformat() == "2020-03-27"


def test_a_table_an_article_announces_is_its_text_row_by_row():
    # 次の表のとおりとする。 over rows (TABs): the article's, one row a line; 第3条 after them is an article
    lines = ["周南市及び下松市の連携協約",
             "周南市(以下「甲」という。)及び下松市(以下「乙」という。)は、次のとおり連携協約を締結する。",
             "第1条 この協約は、圏域の発展を目的とする。",
             "第2条 甲及び乙の役割分担は、次の表のとおりとする。",
             "区分\t甲の役割\t乙の役割", "医療\t体制を整備する。\t協力する。", "福祉\t計画を策定する。\t事業を実施する。",
             "第3条 この協約に定めのない事項は、甲乙協議して定める。",
             "この協約の締結を証するため、本書2通を作成し、甲乙記名押印の上、各自1通を保有する。",
             "令和2年3月27日", "甲 周南市長 藤井 律子", "乙 下松市長 國井 益雄"]
    doc = document_of("\n".join(lines))
    assert [(a.article_no, a.paragraphs) for a in doc.articles] == [
        ("1", ("この協約は、圏域の発展を目的とする。",)),
        ("2", ("甲及び乙の役割分担は、次の表のとおりとする。\n区分\t甲の役割\t乙の役割\n"
               "医療\t体制を整備する。\t協力する。\n福祉\t計画を策定する。\t事業を実施する。",)),
        ("3", ("この協約に定めのない事項は、甲乙協議して定める。",))]
    assert doc.signed_date.isoformat() == "2020-03-27"


def test_the_mark_after_an_article_label_is_no_text():
    articles = extract_articles(segments_of("""
        備前市及び赤穂市の連携協約
        備前市(以下「甲」という。)及び赤穂市(以下「乙」という。)は、次のとおり連携協約を締結する。
        第1条. この協約は、圏域の発展を目的とする。
        第2条: 甲及び乙は、相互に役割を分担する。
        第3条． 甲及び乙が連携する取組は、甲乙協議して定める。
        第4条 ： (協議) この協約に定めのない事項は、甲乙協議して定める。
    """))
    assert [(a.article_no, a.caption, a.text) for a in articles] == [
        ("1", "", "この協約は、圏域の発展を目的とする。"),
        ("2", "", "甲及び乙は、相互に役割を分担する。"),
        ("3", "", "甲及び乙が連携する取組は、甲乙協議して定める。"),
        ("4", "協議", "この協約に定めのない事項は、甲乙協議して定める。")]


@pytest.mark.parametrize("opening, closing", [("[", "]"), ("<", ">"), ("〈", "〉"), ("《", "》"), ("『", "』"),
                                              ("■", ""), ("◆ ", "")])
def test_captions_in_other_brackets_or_after_a_mark_head_their_articles(opening, closing):
    # before, they were stray lines between the articles (a warning, partial) and no caption
    doc = document_of(f"""
        備前市及び赤穂市の連携協約
        備前市(以下「甲」という。)及び赤穂市(以下「乙」という。)は、次のとおり連携協約を締結する。
        {opening}目的{closing}
        第1条 この協約は、圏域の発展を目的とする。
        {opening}協議{closing}
        第2条 この協約に定めのない事項は、甲乙協議して定める。
        この協約の締結を証するため、本書2通を作成し、甲乙記名押印の上、各自1通を保有する。
        令和2年3月27日
        甲 備前市長 吉村 武司
        乙 赤穂市長 牟礼 正稔
    """)
    assert [(a.article_no, a.caption, a.text) for a in doc.articles] == [
        ("1", "目的", "この協約は、圏域の発展を目的とする。"),
        ("2", "協議", "この協約に定めのない事項は、甲乙協議して定める。")]
    assert doc.warnings == ()


def test_a_caption_in_square_brackets_after_the_label_is_the_caption():
    articles = extract_articles(segments_of("""
        備前市及び赤穂市の連携協約
        備前市(以下「甲」という。)及び赤穂市(以下「乙」という。)は、次のとおり連携協約を締結する。
        第1条 [目的] この協約は、圏域の発展を目的とする。
    """))
    assert [(a.caption, a.text) for a in articles] == [("目的", "この協約は、圏域の発展を目的とする。")]
