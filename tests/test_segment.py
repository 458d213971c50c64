import datetime

import pytest

from extractors.parties import extract_area_name
from pipeline import run
from pipeline.model import Kind
from pipeline.segment import classify
from tests.helpers import document_of, paged_document_of, segments_of


def kinds(segments):
    return [(s.kind.value, s.label) for s in segments]


AGREEMENT = """
    連携協約書
    令和3年4月1日
    倉敷市 総社市

    倉敷市及び総社市における連携中枢都市圏の
    形成に係る連携協約

    倉敷市(以下「甲」という。)及び総社市(以下「乙」という。)は、次のとおり連携協約を締結する。
    (目的)
    第1条 この協約は、圏域の形成を目的とする。
    (協議)
    第2条 甲及び乙は、定期的に協議する。
    2 協議の結果は公表する。
    甲及び乙は、この協約の締結を証するため、本書2通を作成し、記名押印の上、各自1通を保有する。
    令和3年4月1日
    (甲) 倉敷市西中新田640番地
    倉敷市長 伊東 香織
    乙:総社市中央一丁目1番1号
    総社市長 片岡 聡一
    別表(第1条関係)
    連携施策\t取組内容\t甲の役割\t乙の役割
"""


def test_agreement_parts_in_reading_order():
    segments = segments_of(AGREEMENT)
    assert kinds(segments) == [
        ("cover", ""), ("title", ""), ("preamble", ""), ("caption", ""), ("article", "第1条"),
        ("caption", ""), ("article", "第2条"), ("closing", ""), ("date", ""),
        ("signatory", "甲"), ("signatory", "乙"), ("appendix", "")]
    assert classify(segments) == "agreement"


def test_a_title_wrapped_over_two_lines_is_one_title():
    doc = document_of(AGREEMENT)
    assert doc.title == "倉敷市及び総社市における連携中枢都市圏の形成に係る連携協約"


def test_a_title_broken_after_a_particle_is_one_title():
    # の形成に / 係る: no title ends with に, and 係る opens no title
    doc = document_of("""
        備後圏域連携中枢都市圏の形成に
        係る連携協約書

        福山市(以下「甲」という。)及び笠岡市(以下「乙」という。)は、次のとおり連携協約を締結する。
        第一条 この協約は、圏域の発展を図ることを目的とする。
    """)
    assert (doc.title, doc.area_name) == ("備後圏域連携中枢都市圏の形成に係る連携協約書", "備後圏域連携中枢都市圏")


def test_a_closing_sentence_about_both_parties_is_not_a_signatory_block():
    segments = segments_of(AGREEMENT)
    closing = next(s for s in segments if s.kind == Kind.CLOSING)
    assert closing.lines[0].text.startswith("甲及び乙は、この協約の締結を証する")


def test_signatory_roles_in_brackets_or_with_a_colon():
    doc = document_of(AGREEMENT)
    assert [(s.role, s.municipality, s.address, s.name) for s in doc.signatories] == [
        ("甲", "倉敷市", "倉敷市西中新田640番地", "伊東 香織"), ("乙", "総社市", "総社市中央一丁目1番1号", "片岡 聡一")]


def test_a_wrapped_article_line_that_mentions_the_appendix_stays_in_the_article():
    segments = segments_of("""
        甲市及び乙市の連携協約
        倉敷市(以下「甲」という。)及び総社市(以下「乙」という。)は、次のとおり締結する。
        第1条 甲及び乙の役割分担は、
        別表に掲げるとおりとする。
        第2条 費用は協議して定める。
    """)
    assert kinds(segments)[2:] == [("article", "第1条"), ("article", "第2条")]
    assert segments[2].text.endswith("別表に掲げるとおりとする。")


def test_an_appendix_heading_whose_opening_parenthesis_ocr_lost_still_opens_the_appendix():
    text = AGREEMENT.replace("別表(第1条関係)", "別表第1条関係)") + "    観光\t周遊観光の推進\t情報発信\t協力\n"
    assert kinds(segments_of(text))[-1] == ("appendix", "")
    assert [(row.measure, row.role_a) for row in document_of(text).appendix] == [("観光", "情報発信")]


def test_a_second_agreement_after_the_first_ones_appendix_is_not_read_as_its_rows():
    # a city publishing its agreements with each partner town in one file
    first = AGREEMENT + "    観光\t周遊観光の推進\t情報発信\t協力\n"
    second = (first.replace("総社市", "早島町").replace("片岡 聡一", "中西 善久")
              .replace("周遊観光の推進", "広域観光の推進"))
    doc = document_of(first + second)
    assert [(row.measure, row.content) for row in doc.appendix] == [("観光", "周遊観光の推進")]
    assert doc.parties[1].municipality == "総社市"
    assert doc.status == "partial"
    assert "another agreement follows from line 24 (連携協約書): only the first is read" in doc.warnings


def test_text_that_is_no_agreement_is_other():
    assert classify(segments_of("牛乳を買う。\n卵を買う。")) == "other"


def test_an_agreement_whose_appendix_is_missing_is_partial():
    doc = document_of("""
        甲市及び乙町の連携協約
        倉敷市(以下「甲」という。)及び総社市(以下「乙」という。)は、次のとおり締結する。
        第1条 連携する取組は、別表に掲げるとおりとする。
        令和3年4月1日
        甲 倉敷市長
        乙 総社市長
    """)
    assert doc.status == "partial"
    assert "an article refers to 別表 but no 別表 rows were found" in doc.warnings
    besshi = document_of("""
        甲市及び乙町の連携協約
        倉敷市(以下「甲」という。)及び総社市(以下「乙」という。)は、次のとおり締結する。
        第1条 連携する取組は、別紙のとおりとする。
        令和3年4月1日
    """)
    assert "an article refers to 別紙 but no 別紙 rows were found" in besshi.warnings


def test_a_press_release_that_mentions_an_agreement_is_other():
    text = """報道資料
    令和3年4月1日
    連携中枢都市圏の形成に向けた取組について
    本市は、近隣の町と連携中枢都市圏の形成に向けた協議を開始しました。
    今後、令和3年度中の連携協約締結を目指します。"""
    assert classify(segments_of(text)) == "other"


def test_a_summary_titled_after_its_agreement_is_an_overview():
    text = """播磨圏域連携中枢都市圏形成連携協約の概要
    1 締結日 平成27年4月1日
    2 連携する取組 産業振興、観光振興、医療"""
    assert classify(segments_of(text)) == "overview"


def test_an_agreement_amending_another_without_articles_keeps_its_parties_date_and_signatories():
    doc = document_of("""
        連携中枢都市圏形成に係る連携協約の一部を変更する連携協約
        福山市(以下「甲」という。)及び府中市(以下「乙」という。)は、平成27年3月27日に締結した連携協約の一部を次のとおり変更する。
        別表中「観光の振興」を「観光及び交流の振興」に改める。
        附 則
        この連携協約は、令和2年4月1日から効力を生ずる。
        令和2年3月25日
        甲 福山市長 枝廣 直幹
        乙 府中市長 小野 申人
    """)
    assert (doc.doc_type, doc.party("甲").municipality, doc.party("乙").municipality, doc.status) == (
        "agreement", "福山市", "府中市", "ok")
    assert doc.signed_date.isoformat() == "2020-03-25"
    assert [(s.role, s.municipality, s.name) for s in doc.signatories] == [
        ("甲", "福山市", "枝廣 直幹"), ("乙", "府中市", "小野 申人")]


def test_an_amending_agreement_that_edits_the_original_appendix_misses_none():
    doc = document_of("""
        連携協約の一部を変更する協約
        倉敷市(以下「甲」という。)及び総社市(以下「乙」という。)は、原協約の一部を次のとおり変更する。
        第1条 原協約別表中「観光振興」を「観光及び物産の振興」に改める。
        第2条 原協約別表第2中「交通」を「地域公共交通」に改める。
        令和3年3月29日
        甲 倉敷市長 伊東香織
        乙 総社市長 片岡聡一
    """)
    assert not [w for w in doc.warnings if "別表" in w]
    assert doc.status == "ok"


def test_an_article_whose_label_and_caption_stand_above_its_body():
    doc = document_of("""
        定住自立圏形成協定書
        宇和島市(以下「甲」という。)と鬼北町(以下「乙」という。)は、次のとおり協定を締結する。
        第1条 (目的)
        この協定は、甲及び乙が連携し、定住自立圏を形成することを目的とする。
        第2条
        甲及び乙は、定期的に協議する。
        2 協議の結果は公表する。
        この協定の締結を証するため、本書2通を作成し、記名押印の上、各1通を保有する。
        平成22年3月23日
        甲 宇和島市長 石橋寛久
        乙 鬼北町長 甲岡秀文
    """)
    assert [(a.article_no, a.caption, a.paragraphs) for a in doc.articles] == [
        ("1", "目的", ("この協定は、甲及び乙が連携し、定住自立圏を形成することを目的とする。",)),
        ("2", "", ("甲及び乙は、定期的に協議する。", "協議の結果は公表する。"))]
    assert [(s.role, s.name) for s in doc.signatories] == [("甲", "石橋寛久"), ("乙", "甲岡秀文")]


def test_reiki_number_and_history_lines_under_the_title_are_not_the_title():
    """例規集 pages print the agreement's number (協約第1号) and its history
    under the title; the number holds 協約 but is no title."""
    doc = document_of("""
        ○八戸市と階上町との連携中枢都市圏の形成に係る連携協約
        平成29年3月30日
        協約第1号
        改正　令和2年3月31日一部変更
        八戸市(以下「甲」という。)と階上町(以下「乙」という。)は、次のとおり連携協約を締結する。
        第1条 この連携協約は、圏域の発展を目的とする。
        平成29年3月30日
        甲 八戸市長 小林 眞
        乙 階上町長 浜谷 豊美
    """)
    assert doc.title == "八戸市と階上町との連携中枢都市圏の形成に係る連携協約"
    segments = segments_of("""
        ○八戸市と階上町との連携協約
        (平成30年3月30日協約第1号)
        八戸市(以下「甲」という。)と階上町(以下「乙」という。)は、次のとおり連携協約を締結する。
        第1条 この連携協約は、圏域の発展を目的とする。
    """)
    assert [(s.kind.value, s.text) for s in segments[:2]] == [
        ("title", "○八戸市と階上町との連携協約"), ("cover", "(平成30年3月30日協約第1号)")]


def test_a_table_of_contents_is_cover_not_articles_and_appendix():
    """目次 lists 第1条 目的 … 別表 before the agreement: its entries are
    neither the articles nor the start of the 別表."""
    segments = segments_of("""
        連携協約書
        目次
        第1条 目的
        第2条 協議
        別表
        熊本市及び宇城市の連携協約
        熊本市(以下「甲」という。)及び宇城市(以下「乙」という。)は、次のとおり連携協約を締結する。
        (目的)
        第1条 この連携協約は、圏域の発展を図ることを目的とする。
        (協議)
        第2条 定めのない事項は、甲及び乙が協議して定める。
        令和3年3月29日
        甲 熊本市長 大西 一史
        乙 宇城市長 守田 憲史
        別表(第1条関係)
        連携施策\t取組内容\t甲の役割\t乙の役割
    """)
    assert kinds(segments) == [
        ("cover", ""), ("cover", ""), ("title", ""), ("preamble", ""), ("caption", ""), ("article", "第1条"),
        ("caption", ""), ("article", "第2条"), ("date", ""), ("signatory", "甲"), ("signatory", "乙"),
        ("appendix", "")]
    assert [ln.text for ln in segments[1].lines] == ["目次", "第1条 目的", "第2条 協議", "別表"]


def test_caption_of_article_1_without_a_preamble():
    """例規集 pages may start at 第1条 right under the title and its date
    (the parties defined in 第1条): (目的) is still 第1条's caption."""
    doc = document_of("""
        ○北九州市と直方市との連携中枢都市圏形成に係る連携協約
        平成28年4月1日
        (目的)
        第1条 この連携協約は、北九州市(以下「甲」という。)及び直方市(以下「乙」という。)が連携し、圏域の発展を図ることを目的とする。
        (費用負担)
        第2条 前条の取組に要する費用は、甲及び乙が協議して定める。
    """)
    assert [(a.article_no, a.caption) for a in doc.articles] == [("1", "目的"), ("2", "費用負担")]
    assert doc.title == "北九州市と直方市との連携中枢都市圏形成に係る連携協約"


def test_a_wrapped_line_opening_with_a_cited_law_article_is_no_article():
    """Hard-wrapped text may break before a citation (…地方自治法 /
    第二百五十二条の二第一項の規定に基づき…): that line goes on the
    sentence, it is not an article 252_2."""
    doc = document_of("""
        姫路市と神河町との連携中枢都市圏形成に係る連携協約
        姫路市(以下「甲」という。)及び神河町(以下「乙」という。)は、地方自治法
        第二百五十二条の二第一項の規定に基づき、次のとおり連携協約を締結する。
        (協約の変更)
        第一条 この連携協約を変更しようとするときは、地方自治法
        第二百五十二条の二第三項の規定により、甲及び乙が協議して定める。
        (協議)
        第二条 この連携協約に定めのない事項は、
        第一条の規定にかかわらず、甲乙協議して定める。
        平成二十八年四月一日
        甲 姫路市長 石見 利勝
        乙 神河町長 山名 宗悟
    """)
    assert [(a.article_no, a.caption, a.text) for a in doc.articles] == [
        ("1", "協約の変更", "この連携協約を変更しようとするときは、地方自治法第二百五十二条の二第三項の規定により、"
                          "甲及び乙が協議して定める。"),
        ("2", "協議", "この連携協約に定めのない事項は、第一条の規定にかかわらず、甲乙協議して定める。"),
    ]
    assert (doc.party("甲").municipality, doc.party("乙").municipality) == ("姫路市", "神河町")


def test_a_press_release_titled_after_the_agreement_it_announces_is_other():
    """記者発表資料 above it and a title that is news (…を締結します): it
    speaks of the agreement, its signing ceremony and contents, but is
    neither; the mayors attending are no signatories. The day of the
    signing ceremony it announces (1 締結式 / (1) 日時 …) is planned, not signed."""
    doc = document_of("""
        記者発表資料
        令和2年3月26日
        岡山市と玉野市が連携中枢都市圏形成に係る連携協約を締結します
        岡山市と玉野市は、地方自治法第252条の2第1項の規定に基づく連携協約を締結します。
        1 締結式
        (1) 日時 令和2年3月26日(木)午前10時から
        (2) 出席者 岡山市長 大森 雅夫
        玉野市長 黒田 晋
        2 連携協約の主な内容
        連携施策 取組内容
        産業振興 中小企業の経営力強化に取り組む。
    """)
    assert (doc.doc_type, doc.signatories, doc.appendix) == ("other", (), ())
    assert doc.signed_date is None
    assert [d.iso for d in doc.dates if d.kind == "planned"] == [datetime.date(2020, 3, 26)]
    assert classify(segments_of("岡山市と玉野市が連携協約を締結しました\n両市は、本日、連携協約を締結しました。")) == "other"


def test_a_plan_made_under_an_agreement_is_other_and_its_tables_give_no_rows():
    """A 連携中枢都市圏ビジョン mentions the agreement and tables its
    projects; its chapter heading 第1章 …の概要 is no title."""
    doc = document_of("""
        岡山連携中枢都市圏ビジョン
        令和2年3月
        第1章 岡山連携中枢都市圏ビジョンの概要
        本ビジョンは、岡山市と連携協約を締結した連携市町が、圏域の将来像及び具体的な取組を示すものである。
        第3章 具体的な取組
        取組名\t事業概要\t関係市町
        創業支援事業\t創業希望者への相談支援を行う。\t岡山市、玉野市
    """)
    assert (doc.doc_type, doc.title, doc.appendix) == ("other", "", ())


NEW_TABLE = """
    別表(第2条関係)
    1 圏域全体の経済成長のけん引
    連携施策\t取組内容\t甲の役割\t乙の役割
    ア 産業振興\t中小企業の創業を支援する。\t支援体制を整備する。\t事業者へ周知する。
    イ 観光振興\t周遊観光を推進する。\t情報発信を行う。\t観光資源を磨き上げる。
    附 則
    この協約は、令和2年4月1日から施行する。
"""


def test_an_amendment_printing_the_whole_new_table_keeps_its_rows_and_goes_on_after_it():
    # 別表を次のように改める。 then the new table, 附則, closing and signatures:
    # the 別表 ends at 附則, the signatures after it are the agreement's
    doc = document_of("""
        岡山連携中枢都市圏形成に係る連携協約の一部を変更する協約
        岡山市(以下「甲」という。)及び玉野市(以下「乙」という。)は、原協約の一部を次のとおり変更する。
        原協約の別表を次のように改める。
    """ + NEW_TABLE + """
        この協約の締結を証するため、本書2通を作成し、甲乙記名押印の上、各自1通を保有する。
        令和2年3月26日
        甲 岡山市北区大供一丁目1番1号
        岡山市長 大森 雅夫
        乙 玉野市宇野一丁目27番1号
        玉野市長 黒田 晋
    """)
    assert (doc.doc_type, doc.status, doc.signed_date.isoformat()) == ("agreement", "ok", "2020-03-26")
    assert [(s.role, s.municipality, s.name) for s in doc.signatories] == [
        ("甲", "岡山市", "大森 雅夫"), ("乙", "玉野市", "黒田 晋")]
    assert [(r.label, r.measure, r.role_b) for r in doc.appendix] == [
        ("ア", "産業振興", "事業者へ周知する。"), ("イ", "観光振興", "観光資源を磨き上げる。")]


def test_an_amending_article_keeps_its_instructions_and_a_table_without_closing_formula_ends_at_the_date():
    doc = document_of("""
        連携協約の一部を変更する協約
        山口市(以下「甲」という。)及び宇部市(以下「乙」という。)は、次のとおり協約を締結する。
        第1条 連携協約の一部を次のように変更する。
        第3条中「別表第1」を「別表」に改める。
        別表を次のように改める。
    """ + NEW_TABLE + """
        令和3年3月26日
        甲 山口市長 渡辺 純忠
        乙 宇部市長 篠﨑 圭二
    """)
    assert [(a.article_no, a.text) for a in doc.articles] == [
        ("1", "連携協約の一部を次のように変更する。第3条中「別表第1」を「別表」に改める。別表を次のように改める。")]
    assert (doc.signed_date.isoformat(), [s.role for s in doc.signatories], len(doc.appendix)) == (
        "2021-03-26", ["甲", "乙"], 2)


GAZETTE_NOTICE = """
    長崎市告示第12号
    地方自治法第252条の2第1項の規定により、長与町と連携協約を締結したので、同条第2項の規定により、次のとおり
    告示する。
    令和元年12月24日
    長崎市長 田中 健一

    長崎市及び長与町の連携中枢都市圏
    形成に係る連携協約

    両市町は、次のとおり連携協約を締結する。
    (目的)
    第1条 この協約は、両市町の連携を目的とする。
    この協約の締結を証するため、本書2通を作成し、各自1通を保有する。
    令和元年12月20日
    長崎市長 田中 健一
    長与町長 吉田 浩
"""


def test_a_gazette_notice_above_the_title_is_cover_and_not_the_preamble():
    segments = segments_of(GAZETTE_NOTICE)
    assert [s.kind for s in segments[:3]] == [Kind.COVER, Kind.TITLE, Kind.PREAMBLE]
    assert segments[1].text == "長崎市及び長与町の連携中枢都市圏\n形成に係る連携協約"
    doc = document_of(GAZETTE_NOTICE)
    assert (doc.title, doc.signed_date.isoformat()) == ("長崎市及び長与町の連携中枢都市圏形成に係る連携協約", "2019-12-20")
    assert [p.municipality for p in doc.parties] == ["長崎市", "長与町"]  # from the title: the preamble says 両市町


def test_a_cover_line_over_a_title_that_opens_afresh_stays_cover():
    segments = segments_of("""
        北上・西和賀定住自立圏
        定住自立圏形成協定書
        北上市(以下「甲」という。)と西和賀町(以下「乙」という。)は、次のとおり協定を締結する。
        第1条 この協定は、圏域の形成を目的とする。
    """)
    assert [(s.kind, s.text) for s in segments[:2]] == [
        (Kind.COVER, "北上・西和賀定住自立圏"), (Kind.TITLE, "定住自立圏形成協定書")]
    assert extract_area_name(segments) == "北上・西和賀定住自立圏"


def test_an_area_over_the_word_for_its_agreement_is_one_title():
    # 連携協約書 alone under the area's name says what the text of that area is
    doc = document_of("""
        みやざき共生・協働連携中枢都市圏
        連携協約書

        宮崎市(以下「甲」という。)及び国富町(以下「乙」という。)は、次のとおり連携協約を締結する。
        第1条 この連携協約は、圏域の発展を目的とする。
    """)
    assert (doc.title, doc.area_name) == ("みやざき共生・協働連携中枢都市圏連携協約書", "みやざき共生・協働連携中枢都市圏")


def test_items_numbered_1_dot_stay_in_their_article():
    """1. 2. (a browser's numbers before the items of an HTML <ol>, a typed
    list's) after the sentence that announces them are the article's items,
    not the start of the closing."""
    doc = document_of("""
    上越市と妙高市との定住自立圏の形成に関する協定書
    上越市(以下「甲」という。)と妙高市(以下「乙」という。)は、次のとおり協定を締結する。
    第1条(基本方針)
    甲及び乙は、次に掲げる政策分野について連携を図るものとする。
    1. 生活機能の強化に係る政策分野
    2. 結びつきやネットワークの強化に係る政策分野
    第2条(疑義の解決)
    この協定に関し疑義が生じたときは、甲乙協議の上、定めるものとする。
    令和3年3月26日
    甲 上越市長 中川 正明
    乙 妙高市長 井上 昌子
    """)
    assert [a.article_no for a in doc.articles] == ["1", "2"]
    assert doc.articles[0].text == ("甲及び乙は、次に掲げる政策分野について連携を図るものとする。\n"
                                    "1. 生活機能の強化に係る政策分野\n2. 結びつきやネットワークの強化に係る政策分野")


def test_the_last_signature_block_ends_with_its_heads_person():
    """What follows the last block on a city's page (このページに関する
    お問い合わせ, the office's address and phone) is not part of it: a block
    without an address must not take the office's."""
    doc = document_of("""
    上越市と妙高市との定住自立圏の形成に関する協定書
    上越市(以下「甲」という。)と妙高市(以下「乙」という。)は、次のとおり協定を締結する。
    第1条 この協定に関し疑義が生じたときは、甲乙協議の上、定めるものとする。
    令和3年3月26日
    甲
    上越市長 中川 正明
    乙
    妙高市長
    井上 昌子
    印
    このページの先頭へ
    このページに関するお問い合わせ
    企画政策部 企画政策課
    〒943-8601 新潟県上越市木田1丁目1番3号
    電話:025-526-5111
    """)
    assert [(s.role, s.address, s.title, s.name) for s in doc.signatories] == [
        ("甲", "", "上越市長", "中川 正明"), ("乙", "", "妙高市長", "井上 昌子")]
    assert doc.signatories[1].span.lines_label == "7-10"


def test_a_signing_date_under_the_last_block_stays_the_signing_date():
    doc = document_of("""
    岡山市と玉野市との連携協約
    岡山市(以下「甲」という。)と玉野市(以下「乙」という。)は、次のとおり連携協約を締結する。
    第1条 疑義が生じたときは、甲乙協議の上、定めるものとする。
    この協約の締結を証するため、本書2通を作成し、各自1通を保有する。
    甲 岡山県岡山市北区大供一丁目1番1号
    岡山市長 森川 正和
    乙 岡山県玉野市宇野一丁目27番1号
    玉野市長 黒田 直樹
    平成二十六年十一月二十八日
    """)
    assert str(doc.signed_date) == "2014-11-28"
    assert doc.signatories[1].span.lines_label == "7-8"


@pytest.mark.parametrize("first, second", [("", ""), ("1 ", "2 "), ("(1) ", "(2) "), ("一 ", "二 "), ("1.", "2.")])
def test_rows_an_amendment_adds_are_its_rows_in_the_section_its_instruction_names(first, second):
    # 別表1の項中イの項の次に次のように加える。 over a printed row: the row is the
    # agreement's (section 1, whose title is in the amended agreement); a
    # phrase edit (第1条中「…」を「…」に改める。) gives none. Instructions may be
    # numbered (1, (2), 二): the 別表 they name (別表3) gives the section, not
    # the instruction's own number.
    doc = document_of(f"""
        連携協約の一部を変更する協約
        宮崎市(以下「甲」という。)及び国富町(以下「乙」という。)は、次のとおり協約を締結する。
        原協約の一部を次のように変更する。
        第1条中「向上」を「向上並びに脱炭素社会の実現」に改める。
        {first}別表1の項中イの項の次に次のように加える。
        連携する取組\t取組の内容\t甲の役割\t乙の役割
        ウ 脱炭素の推進\t再生可能エネルギーの導入を促進する。\t計画を策定する。\t導入を促進する。
        {second}別表3の項中アの項の次に次のように加える。
        連携する取組\t取組の内容\t甲の役割\t乙の役割
        イ デジタル化の推進\tシステムを共同利用する。\t調整を行う。\t周知する。
        附 則
        この協約は、令和5年4月1日から施行する。
        この協約の締結を証するため、本書2通を作成し、記名押印の上、各自1通を保有する。
        令和5年3月24日
        甲 宮崎市長 清山 和夫
        乙 国富町長 中別府 尚文
    """)
    assert [(r.section_no, r.section_title, r.label, r.measure, r.role_b) for r in doc.appendix] == [
        (1, "", "ウ", "脱炭素の推進", "導入を促進する。"), (3, "", "イ", "デジタル化の推進", "周知する。")]
    assert (doc.articles, [s.role for s in doc.signatories], doc.signed_date.isoformat()) == ((), ["甲", "乙"], "2023-03-24")


def test_a_sentence_after_a_line_cut_at_the_margin_right_after_its_period_stays_in_the_article():
    # raw/002 printed to PDF and read by pdftotext without -layout: 第6条's first
    # line fills the page's width and ends with 。, so the next sentence (no
    # paragraph number, no indent) only wrapped; the closing formula below a
    # short line is a paragraph of its own
    doc = paged_document_of([[
        "連携協約書(写)", "", "岡山市及び和気町における連携中枢都市圏形成に係る連携協約",
        "岡山市（以下「甲」という。）及び和気町（以下「乙」という。）は、連携中枢都市圏構想推",
        "進要綱（平成26年8月25日付け総行市第200号総務省自治行政局長通知）により、岡山市、津山",
        "市、玉野市、総社市、備前市、瀬戸内市、赤磐市、真庭市、和気町、早島町、久米南町、美咲",
        "町及び吉備中央町で構成される圏域（以下「圏域」という。）において連携中枢都市圏を形成",
        "するため、地方自治法（昭和22年法律第67号）第252条の2第1項の規定に基づき、次のとおり連",
        "携協約を締結する。", "", "-1-", ""], [
        "連携協約書(写)", "", "（連携協約の変更及び廃止）",
        "第6条 この連携協約を変更し、又は廃止しようとする場合は、甲及び乙の協議によるものとする。",
        "この場合において、甲及び乙は、地方自治法第252条の2第4項の規定により、あらかじめ議会の",
        "議決を経なければならない。",
        "この連携協約の締結を証するため、本連携協約書2通を作成し、甲及び乙が記名押印の上、それ",
        "ぞれ各1通を保有する。", "平成28年10月11日", "甲 岡山市北区大供一丁目1番1号", "岡山市長", "大森 雅夫"]])
    article = doc.articles[-1]
    assert article.paragraphs == ("この連携協約を変更し、又は廃止しようとする場合は、甲及び乙の協議によるものとする。"
                                  "この場合において、甲及び乙は、地方自治法第252条の2第4項の規定により、"
                                  "あらかじめ議会の議決を経なければならない。",)



def test_a_web_pages_link_to_the_agreement_as_a_file_is_not_its_title():
    # the page's heading names the agreement; the link under it names the
    # file (its size given), nearer the preamble but no title
    doc = document_of("""
        石川中央都市圏の形成に係る連携協約
        更新日:2020年4月1日
        内灘町は、金沢市と連携協約を締結しました。
        PDFファイル連携協約書(PDF:245KB)
        金沢市(以下「甲」という。)と内灘町(以下「乙」という。)は、次のとおり連携協約を締結する。
        第1条 この協約は、圏域の発展を目的とする。
    """)
    assert doc.title == "石川中央都市圏の形成に係る連携協約"
    # a link is still the title where nothing else is one
    doc = document_of("""
        連携協約書[PDFファイル/1.2MB]
        金沢市(以下「甲」という。)と内灘町(以下「乙」という。)は、次のとおり連携協約を締結する。
        第1条 この協約は、圏域の発展を目的とする。
    """)
    assert doc.title == "連携協約書[PDFファイル/1.2MB]"


def test_a_running_header_opening_every_page_is_never_the_title():
    # raw/003 (an overview) printed to PDF and read by pdftotext without -layout:
    # 連携協約書(写) opens every page, the overview's own title stands under it
    doc = paged_document_of([
        ["連携協約書(写)", "", "連携中枢都市圏の形成に係る連携協約（案）の概要", "連携中枢都市圏の意義",
         "地域において、相当の規模と中核性を備える圏域において市町村が連携し、コンパクト化と", "", "-1-", ""],
        ["連携協約書(写)", "", "連携中枢都市圏形成の推進", "平成26年度から、国費による支援", "", "-2-", ""],
        ["連携協約書(写)", "", "連携中枢都市圏における取組内容", "① 圏域全体の経済成長のけん引", "", "-3-", ""]])
    assert doc.title == "連携中枢都市圏の形成に係る連携協約(案)の概要"


def test_a_running_header_opening_both_pages_of_a_two_page_overview_is_not_its_title():
    # corpus 08 with a header on its two pages: the line occurs only twice, too
    # few to be a repeated line, yet it opens every page, so it names the file
    doc = paged_document_of([
        ["市町村連携協約集", "令和2年2月21日", "議会全員協議会資料", "",
         "宮崎広域連携中枢都市圏の形成に係る連携協約の概要", "1 連携中枢都市圏について",
         "連携中枢都市圏は、近隣の市町村と連携し、拠点を形成する取組です。", "", "- 1 -", ""],
        ["市町村連携協約集", "", "2 連携協約の締結について",
         "宮崎市は、近隣の2町とそれぞれ連携協約を締結し、宮崎広域連携中枢都市圏を形成します。", "", "- 2 -", ""]])
    assert doc.title == "宮崎広域連携中枢都市圏の形成に係る連携協約の概要"


def test_a_council_bill_over_the_agreement_it_asks_to_conclude_is_its_cover():
    # the bill's sentence has the preamble's marks (次のとおり…締結する) but
    # defines no parties; the agreement's preamble below it does
    doc = document_of("""
        議案第23号
        連携協約の締結について
        地方自治法第252条の2第3項の規定により、土佐市との間で次のとおり連携協約を締結する。
        令和2年3月3日提出
        高知市長 岡崎 誠也

        高知市及び土佐市における連携中枢都市圏形成に係る連携協約
        高知市(以下「甲」という。)及び土佐市(以下「乙」という。)は、次のとおり連携協約を締結する。
        (目的)
        第1条 この連携協約は、甲及び乙が連携し、圏域の発展を図ることを目的とする。
        この協約の締結を証するため、本書2通を作成し、甲乙記名押印の上、各自1通を保有する。
        令和2年3月27日
        甲 高知市長 岡崎 誠也
        乙 土佐市長 板原 啓文
    """)
    assert (doc.doc_type, doc.title) == ("agreement", "高知市及び土佐市における連携中枢都市圏形成に係る連携協約")
    assert [(p.role, p.municipality) for p in doc.parties] == [("甲", "高知市"), ("乙", "土佐市")]


def test_a_council_bill_above_an_agreement_without_ko_otsu_is_the_agreement():
    doc = document_of("""
        議案第45号
        連携協約の締結について
        地方自治法(昭和22年法律第67号)第252条の2第1項の規定により、日向市と門川町との間において、
        日向圏域連携中枢都市圏の形成に係る連携協約を次のとおり締結することについて、同条第3項の規定により議会の議決を求める。
        令和3年2月22日提出
        日向市長 十屋幸平

        日向圏域連携中枢都市圏形成に係る連携協約
        日向市及び門川町は、日向圏域連携中枢都市圏を形成するため、次のとおり連携協約を締結する。
        (目的)
        第1条 この協約は、日向市及び門川町が連携し、圏域の持続的な発展を図ることを目的とする。
        (協議)
        第2条 この協約に定めのない事項は、日向市及び門川町が協議して定める。
    """)
    assert doc.doc_type == "agreement"
    assert doc.title == "日向圏域連携中枢都市圏形成に係る連携協約"
    assert doc.area_name == "日向圏域連携中枢都市圏"
    assert [(p.role, p.municipality) for p in doc.parties] == [("甲", "日向市"), ("乙", "門川町")]
    assert doc.signed_date is None  # a bill asks to conclude it: 提出 is no signing


def test_a_title_quoted_whole_is_the_title_without_its_brackets():
    doc = document_of("""
        「郡山市と三春町との連携協約」
        郡山市(以下「甲」という。)及び三春町(以下「乙」という。)は、次のとおり連携協約を締結する。
        (目的)
        第1条 この協約は、甲及び乙の発展を目的とする。
        平成31年3月26日
        甲 郡山市長 品川萬里
        乙 三春町長 鈴木義孝
    """)
    assert doc.title == "郡山市と三春町との連携協約"
    assert [a.caption for a in doc.articles] == ["目的"]


def test_a_long_history_line_under_the_title_is_cover_not_the_preambles_first_part():
    segments = segments_of("""
        ○姫路市と福崎町との連携中枢都市圏形成に係る連携協約
        平成27年4月1日
        改正 平成30年3月30日 令和3年3月31日 令和5年3月31日
        姫路市(以下「甲」という。)及び福崎町(以下「乙」という。)は、次のとおり連携協約を締結する。
        第1条 この協約は、圏域の発展を目的とする。
    """)
    assert [(s.kind.value, s.text) for s in segments[:3]] == [
        ("title", "○姫路市と福崎町との連携中枢都市圏形成に係る連携協約"),
        ("cover", "平成27年4月1日\n改正 平成30年3月30日 令和3年3月31日 令和5年3月31日"),
        ("preamble", "姫路市(以下「甲」という。)及び福崎町(以下「乙」という。)は、次のとおり連携協約を締結する。")]


STAMPED_BETWEEN_ARTICLES = """
    久留米市(以下「甲」という。)とうきは市(以下「乙」という。)は、次のとおり連携協約を締結する。
    (目的)
    第1条 この協約は、圏域全体の経済成長のけん引を図ることを目的とする。
    (基本方針)
    第2条 甲及び乙は、別表に掲げる取組について連携を図るものとする。
    - 1 -
    県立図書館 蔵書印
    (連携する取組の推進)
    第3条 甲及び乙は、必要な措置を講ずるよう努めるものとする。
    (その他)
    第4条 この協約に定めのない事項は、甲乙協議の上、定めるものとする。
    この協約の締結を証するため、本書2通を作成し、甲乙記名押印の上、各自1通を保有する。
    令和2年3月26日
    甲 久留米市長 大久保 勉
    乙 うきは市長 髙木 典雄
"""


def test_a_stamp_between_two_articles_does_not_end_them():
    doc = document_of(STAMPED_BETWEEN_ARTICLES)
    assert [a.article_no for a in doc.articles] == ["1", "2", "3", "4"]
    assert doc.articles[2].caption == "連携する取組の推進"
    assert "蔵書印" not in "".join(a.text for a in doc.articles)
    assert any("県立図書館 蔵書印" in w and "between two articles" in w for w in doc.warnings)
    assert [s.municipality for s in doc.signatories] == ["久留米市", "うきは市"]


def test_a_line_after_the_articles_is_no_stray_when_no_next_article_follows():
    # 第9条 is no continuation of 第2条: what follows the articles is read as before
    text = STAMPED_BETWEEN_ARTICLES.replace("第3条 甲及び乙は、必要な", "第9条 甲及び乙は、必要な")
    assert "stray" not in [s.label for s in segments_of(text)]


def test_a_finished_sentence_between_articles_is_no_stray():
    # a sentence is no stamp: it is the article's own (a paragraph left
    # unnumbered), and the article numbered next goes on after it
    text = STAMPED_BETWEEN_ARTICLES.replace("県立図書館 蔵書印", "以上のとおり定める。")
    labels = [(s.kind.value, s.label) for s in segments_of(text)]
    assert ("other", "stray") not in labels and ("article", "第3条") in labels
    article2 = next(s for s in segments_of(text) if s.label == "第2条")
    assert article2.lines[-1].text == "以上のとおり定める。"


def test_a_beppyo_saved_alone_is_an_appendix_by_its_role_columns():
    """A 別表 saved on its own from Excel (no 別表 heading, no articles):
    a header naming 甲's and 乙's roles is an agreement's 別表, whose rows
    are read as such, not an overview's table."""
    doc = document_of("""
        施策\t取組の内容\t甲の役割\t乙の役割
        Ⅰ 圏域全体の経済成長のけん引
        ア 地域産業の振興\t地場企業の販路開拓を支援する。\t展示会を開催する。\t出展企業を募る。
        イ 移住定住の促進\t移住希望者への相談体制を整える。\t相談窓口を設ける。\t空き家情報を提供する。
        Ⅱ 高次の都市機能の集積・強化
        ア 救急医療体制の確保\t二次救急医療を維持する。\t病院群輪番制を運営する。\t運営費の一部を負担する。
    """)
    assert [(r.section_no, r.label, r.measure, r.content, r.role_a, r.role_b) for r in doc.appendix] == [
        (1, "ア", "地域産業の振興", "地場企業の販路開拓を支援する。", "展示会を開催する。", "出展企業を募る。"),
        (1, "イ", "移住定住の促進", "移住希望者への相談体制を整える。", "相談窓口を設ける。", "空き家情報を提供する。"),
        (2, "ア", "救急医療体制の確保", "二次救急医療を維持する。", "病院群輪番制を運営する。", "運営費の一部を負担する。"),
    ]
    assert [r.section_title for r in doc.appendix] == ["圏域全体の経済成長のけん引"] * 2 + ["高次の都市機能の集積・強化"]


def test_an_overview_table_of_the_centre_city_and_partners_roles_stays_an_overview_table():
    segments = segments_of("""
        連携中枢都市圏の取組概要
        番号\t取組\t中心市の役割\t連携市町村の役割
        1\t救急医療\t病院群輪番制を運営する。\t運営費を負担する。
    """)
    assert Kind.OVERVIEW_TABLE in [s.kind for s in segments]


@pytest.mark.parametrize("text, title", [
    ("""
        令和3年度第1回岡山連携中枢都市圏連携推進協議会
        令和3年5月20日

        1　開会
        2　議事
        （1）連携協約に基づく取組の実施状況について
        （2）連携中枢都市圏ビジョンの改定について
        3　閉会
    """, "令和3年度第1回岡山連携中枢都市圏連携推進協議会"),
    ("""
        定住自立圏構想の推進に向けて

        Ⅰ　定住自立圏協定の締結
        　中心市と近隣市町村は、定住自立圏形成協定を締結する。
        Ⅱ　共生ビジョンの策定
        　中心市は、定住自立圏共生ビジョンを策定する。
    """, "定住自立圏構想の推進に向けて"),
    ("""
        記者発表資料
        令和2年2月5日

        岡山市と玉野市が連携して取り組む施策

        1　連携協約に定める取組の概要
        　産業振興、観光振興などの分野で連携します。
        2　今後の予定
        　令和2年4月から取組を開始します。
    """, "岡山市と玉野市が連携して取り組む施策"),
    ("""
        令和4年3月

        ア　連携協約の締結状況
        　福山市は、平成27年2月に連携協約を締結した。
    """, ""),
    ("""
        記者発表資料
        令和2年2月5日
        岡山市政策局政策部政策企画課

        1　連携協約の締結について
        　岡山市と玉野市は、連携協約を締結します。
    """, ""),  # the office issuing a release is no title
])
def test_a_paper_whose_first_agreement_word_heads_a_section_is_titled_by_its_own_heading(text, title):
    # the line naming an agreement is a numbered section's heading (1 …, (1) …, Ⅰ …, ア …):
    # the paper's title is the heading above its first section, if it prints one
    doc = document_of(text)
    assert doc.title == title
    assert doc.doc_type == "other"


def test_a_notice_marked_oshirase_above_its_title_is_a_press_release():
    doc = document_of("""
        お知らせ
        令和元年10月25日

        備後圏域連携協約の締結について

        福山市と府中市は、備後圏域における連携協約を次のとおり締結します。

        ■締結式
        　日時：令和元年10月31日（木曜日）　14時00分～14時30分
        　会場：福山市役所　議会棟3階
    """)
    assert doc.doc_type == "other"
    assert [(d.kind, d.iso) for d in doc.dates if d.kind != "referenced"] == [("planned", datetime.date(2019, 10, 31))]


@pytest.mark.parametrize("label", ["別紙", "(別紙)", "別記", "別紙1"])
def test_a_label_over_the_whole_agreement_attached_to_a_paper_is_no_appendix(label):
    """別紙 above the title: the agreement is the paper attached to a bill or a
    notice. A 別表 comes after the articles, so this one opens none."""
    doc = document_of(f"""
        {label}
        福山市と府中市との連携協約書
        福山市(以下「甲」という。)と府中市(以下「乙」という。)は、次のとおり連携協約を締結する。
        第1条 この協約は、甲及び乙の連携を目的とする。
        第2条 連携する取組は、別表のとおりとする。
        この協約の締結を証するため、本書2通を作成し、甲乙記名押印の上、各自1通を保有する。
        令和2年3月27日
        甲 広島県福山市東桜町3番5号
           福山市長 枝広 直幹
        乙 広島県府中市府川町315番地
           府中市長 小野 申人
        別表(第2条関係)
        連携施策\t甲の役割\t乙の役割
        観光振興\t観光情報を発信する。\t観光資源を磨き上げる。
    """)
    assert doc.title == "福山市と府中市との連携協約書"
    assert [a.article_no for a in doc.articles] == ["1", "2"]
    assert [s.name for s in doc.signatories] == ["枝広 直幹", "小野 申人"]
    assert [(r.measure, r.role_a) for r in doc.appendix] == [("観光振興", "観光情報を発信する。")]
    assert not any("another agreement" in w for w in doc.warnings)


AMENDING_WITH_COMPARISON = """
    宇部市と山陽小野田市との連携協約の一部を変更する協約

    宇部市(以下「甲」という。)及び山陽小野田市(以下「乙」という。)は、令和2年3月27日に締結した連携協約の一部を次のとおり変更する。

    原協約の一部を次のように改める。

    連携協約新旧対照表
    {header}
    第5条 この協約の期間は、令和7年3月31日までとする。\t第5条 この協約の期間は、令和5年3月31日までとする。
    別表(第3条関係)\t別表(第3条関係)
    (2) 観光の振興\t(新設)
    取組の内容\t圏域の観光資源を広域で発信する。\t
    附 則
    この協約は、令和5年4月1日から効力を生ずる。
    この協約の締結を証するため、本書2通を作成し、甲乙記名押印の上、各自1通を保有する。
    令和5年3月24日
    甲 宇部市長 篠﨑 圭二
    乙 山陽小野田市長 藤田 剛二
"""


@pytest.mark.parametrize("header", ["改正後\t改正前", "改 正 後          改 正 前", "新\t旧", "現行\t改正案",
                                    "変更後 | 変更前 | 備考", "新(改正後)\t旧(改正前)",
                                    "変更後の連携協約\t変更前の連携協約"])
def test_a_comparison_table_of_an_amending_agreement_gives_no_beppyo_rows(header):
    # the 新旧対照表 quotes the agreement before and after: its 別表 cell is no 別表 of this
    # agreement and its rows no measures; the 附則, closing and blocks after it are read as ever
    doc = document_of(AMENDING_WITH_COMPARISON.replace("{header}", header))
    assert doc.appendix == ()
    assert any("新旧対照表" in w for w in doc.warnings)
    assert [s.role for s in doc.signatories] == ["甲", "乙"]
    assert doc.signed_date == datetime.date(2023, 3, 24)
    assert doc.articles == ()


def test_a_line_reading_new_and_old_in_a_sentence_is_no_comparison_header():
    doc = document_of(AGREEMENT + "    1 新旧の庁舎の活用\t施設の相互利用を進める。\t調整を行う。\t協力する。\n")
    assert [r.measure for r in doc.appendix] == ["新旧の庁舎の活用"]


def test_a_comparison_table_ends_where_the_page_closes_its_table(tmp_path):
    # a page gives the articles' changes as a 新旧対照表, then replaces the 別表 outright:
    # the new 別表 after the comparison's </table> is this agreement's
    page = tmp_path / "amending.html"
    page.write_text("""<html><body>
        <h1>宇部市と山陽小野田市との連携協約の一部を変更する協約</h1>
        <p>宇部市(以下「甲」という。)及び山陽小野田市(以下「乙」という。)は、連携協約の一部を次のとおり変更する。</p>
        <p>1 第5条を次のように改める。</p>
        <table><tr><th>新</th><th>旧</th></tr>
        <tr><td>第5条 この協約の期間は、令和7年3月31日までとする。</td><td>第5条 この協約の期間は、令和5年3月31日までとする。</td></tr>
        </table>
        <p>2 別表を次のように改める。</p>
        <table><tr><th>連携する取組</th><th>取組の内容</th><th>甲の役割</th><th>乙の役割</th></tr>
        <tr><td>観光の振興</td><td>観光資源を広域で発信する。</td><td>発信を企画する。</td><td>情報を提供する。</td></tr>
        </table>
        <p>附 則</p><p>この協約は、令和5年4月1日から効力を生ずる。</p>
        <p>この協約の締結を証するため、本書2通を作成し、甲乙記名押印の上、各自1通を保有する。</p>
        <p>令和5年3月24日</p>
        <p>甲 宇部市長 篠﨑 圭二</p><p>乙 山陽小野田市長 藤田 剛二</p>
        </body></html>""", encoding="utf-8")
    doc = run(page)
    assert [(r.measure, r.content, r.role_a, r.role_b) for r in doc.appendix] == [
        ("観光の振興", "観光資源を広域で発信する。", "発信を企画する。", "情報を提供する。")]


MARKED_BEPPYO = """
    西条市及び新居浜市の連携協約
    西条市(以下「甲」という。)及び新居浜市(以下「乙」という。)は、次のとおり連携協約を締結する。
    第1条 この協約は、圏域の発展を目的とする。
    第2条 甲及び乙が連携する取組及び役割分担は、別表のとおりとする。
    第3条 甲及び乙は、次に掲げる事項について協議する。
    (1) 取組の進捗に関すること
    (2) その他必要な事項
    HEADING
    ア 観光振興
    取組の内容 観光客の誘致を図る。
    甲の役割 事業を企画する。
    乙の役割 事業に協力する。
"""


@pytest.mark.parametrize("heading", ["【別表】", "■別表", "[別表第1]", "<別表>", "別　表", "【別表(第2条関係)】"])
def test_a_beppyo_heading_set_off_by_marks_or_spaced_out_opens_the_beppyo(heading):
    # the last article ends with an item, no 。: the heading still ends it
    doc = document_of(MARKED_BEPPYO.replace("HEADING", heading))
    assert doc.articles[-1].text == "甲及び乙は、次に掲げる事項について協議する。\n(1) 取組の進捗に関すること\n(2) その他必要な事項"
    assert [(r.label, r.measure, r.content, r.role_a, r.role_b) for r in doc.appendix] == [
        ("ア", "観光振興", "観光客の誘致を図る。", "事業を企画する。", "事業に協力する。")]


@pytest.mark.parametrize("line", ["■別表のとおり", "【別表】の取組"])
def test_a_marked_line_speaking_of_the_beppyo_opens_none(line):
    assert "appendix" not in [s.kind.value for s in segments_of(MARKED_BEPPYO.replace("HEADING", line))]


def test_a_chapter_number_alone_takes_its_title_from_the_line_under_it():
    # 第2章 / 連携する取組: the title is the chapter's, no preamble line nor stray line
    doc = document_of("""
        津山市及び鏡野町の連携協約
        津山市(以下「甲」という。)及び鏡野町(以下「乙」という。)は、次のとおり連携協約を締結する。
        第1章
        総則
        第1条 この協約は、圏域の発展を目的とする。
        第2章
        連携する取組
        (連携する取組)
        第2条 甲及び乙は、相互に役割を分担する。
        第3章
        雑則
        第3条 この協約に定めのない事項は、甲乙協議して定める。
        この協約の締結を証するため、本書2通を作成し、甲乙記名押印の上、各自1通を保有する。
        令和2年3月27日
        甲 津山市長 谷口 圭三
        乙 鏡野町長 山崎 親男
    """)
    assert [(a.article_no, a.caption, a.text) for a in doc.articles] == [
        ("1", "", "この協約は、圏域の発展を目的とする。"),
        ("2", "連携する取組", "甲及び乙は、相互に役割を分担する。"),
        ("3", "", "この協約に定めのない事項は、甲乙協議して定める。")]
    assert doc.warnings == () and doc.status == "ok"
    chapters = [[ln.text for ln in s.lines] for s in segments_of("""
        津山市(以下「甲」という。)及び鏡野町(以下「乙」という。)は、次のとおり連携協約を締結する。
        第1章
        総則
        (目的)
        第1条 この協約は、圏域の発展を目的とする。
    """) if s.label == "chapter"]
    assert chapters == [["第1章", "総則"]]
