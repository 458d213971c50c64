"""別表 rows in every layout; expected rows written from reading the inputs."""
from extractors.appendix import extract_appendix
from extractors.articles import extract_articles
from extractors.parties import extract_parties
from tests.helpers import document_of, paged_document_of, segments_of

PREAMBLE = """
    甲市及び乙町の連携協約
    福山市(以下「甲」という。)及び神石高原町(以下「乙」という。)は、次のとおり連携協約を締結する。
    第1条 取組及び役割分担は、別表のとおりとする。
    令和2年4月1日
    甲 福山市長
    乙 神石高原町長
"""


def rows_of(appendix: str):
    segs = segments_of(PREAMBLE + appendix)
    rows, warnings = extract_appendix(segs, extract_parties(segs))
    return rows, warnings


def brief(row):
    return (row.section_no, row.subsection_no, row.label, row.measure, row.content, row.role_a, row.role_b)


def test_grid_rows_broken_over_a_page_in_every_way():
    rows, _ = rows_of("""
    別表(第1条関係)
    Ⅰ 経済成長のけん引
    連携施策\t取組内容\t甲の役割\t乙の役割
    ア 観光の振興\t広域観光を\t観光に取り組む。\t甲と連携する。
    - 5 -
    \t推進する。
    イ 産業の\t企業誘致に取り組む。\t誘致を進める。\t甲と連携して取
    振興\t\t\t組む。
    ウ 農業\t販路を拡大する。\t販路を拡大する。\t甲と協力する。
    \t\t\t力する。
    Ⅱ 都市機能の強化
    連携施策\t取組内容\t甲の役割\t乙の役割
    ア 医療\t救急医療を確保する。\t中心となる。\t協力する。
    """)
    assert [brief(r) for r in rows] == [
        (1, None, "ア", "観光の振興", "広域観光を推進する。", "観光に取り組む。", "甲と連携する。"),
        (1, None, "イ", "産業の振興", "企業誘致に取り組む。", "誘致を進める。", "甲と連携して取組む。"),
        (1, None, "ウ", "農業", "販路を拡大する。", "販路を拡大する。", "甲と協力する。"),
        (2, None, "ア", "医療", "救急医療を確保する。", "中心となる。", "協力する。"),
    ]
    assert rows[1].span.lines_label == "14-15"  # line 7 is the blank between the two parts
    assert rows[0].section_title == "経済成長のけん引"


def test_header_naming_parties_and_a_policy_field_column():
    rows, _ = rows_of("""
    別表
    分野\t連携する取組\t具体的な取組内容\t福山市の役割\t神石高原町の役割
    医療\t救急医療体制の確保\t休日の救急医療を確保する。\t拠点病院を運営する。\t住民に周知する。
    \t地域医療の連携\t医療情報を共有する。\t情報を集約する。\t情報を提供する。
    """)
    assert [(r.section_title, r.measure, r.content, r.role_a, r.role_b) for r in rows] == [
        ("医療", "救急医療体制の確保", "休日の救急医療を確保する。", "拠点病院を運営する。", "住民に周知する。"),
        # the 分野 cell left empty is the merged 医療 above it
        ("医療", "地域医療の連携", "医療情報を共有する。", "情報を集約する。", "情報を提供する。"),
    ]


def test_key_value_blocks_in_tab_and_colon_styles():
    rows, _ = rows_of("""
    別表(第1条関係)
    第1 生活機能の強化
    (1) 医療
    a 救急医療の確保
    取組内容\t休日夜間の救急医療体制を確保する。
    甲の役割\t急病センターを運営する。
    乙の役割\t住民への周知を行う。
    b 地域医療の連携
    取組内容：医療と介護の連携を図る。
    甲の役割：研修を実施する。
    乙の役割：研修に参加する。
    第2 結びつきの強化
    地域公共交通
    【取組内容】バス路線を維持する。
    【甲の役割】運行を調整する。
    【乙の役割】運行を支援する。
    """)
    assert [brief(r) for r in rows] == [
        (1, 1, "a", "救急医療の確保", "休日夜間の救急医療体制を確保する。", "急病センターを運営する。", "住民への周知を行う。"),
        (1, 1, "b", "地域医療の連携", "医療と介護の連携を図る。", "研修を実施する。", "研修に参加する。"),
        (2, None, "", "地域公共交通", "バス路線を維持する。", "運行を調整する。", "運行を支援する。"),
    ]
    assert (rows[0].section_title, rows[0].subsection_title) == ("生活機能の強化", "医療")


def test_measures_nested_inside_article_3():
    segs = segments_of("""
    連携協約
    盛岡市(以下「甲」という。)及び滝沢市(以下「乙」という。)は、次のとおり連携協約を締結する。
    (連携する取組)
    第3条 甲及び乙が連携する取組並びに役割分担は、次のとおりとする。
    (1) 圏域全体の経済成長のけん引
    a 産業振興
    (a) 取組内容
    企業誘致及び創業支援に取り組む。
    (b) 役割分担
    i 甲の役割 創業支援の拠点を運営する。
    ii 乙の役割 甲と連携して企業誘致に
    取り組む。
    b 観光振興
    (a) 取組内容 広域観光ルートを整備する。
    (b) 役割分担
    i 甲の役割 ルートを企画する。
    ii 乙の役割 情報を発信する。
    (2) 高次の都市機能の集積・強化
    a 高度医療
    (a) 取組内容 救命救急体制を確保する。
    (b) 役割分担
    i 甲の役割 救命救急センターを支援する。
    ii 乙の役割 搬送体制を整える。
    (費用)
    第4条 費用は甲乙協議して定める。
    """)
    rows, _ = extract_appendix(segs, extract_parties(segs))
    assert [brief(r) for r in rows] == [
        (1, None, "a", "産業振興", "企業誘致及び創業支援に取り組む。", "創業支援の拠点を運営する。", "甲と連携して企業誘致に取り組む。"),
        (1, None, "b", "観光振興", "広域観光ルートを整備する。", "ルートを企画する。", "情報を発信する。"),
        (2, None, "a", "高度医療", "救命救急体制を確保する。", "救命救急センターを支援する。", "搬送体制を整える。"),
    ]
    assert rows[2].section_title == "高次の都市機能の集積・強化"


def test_roles_given_as_ko_and_otsu_items_under_a_yakuwari_buntan_item():
    segs = segments_of("""
    定住自立圏形成協定書
    宇和島市(以下「甲」という。)と鬼北町(以下「乙」という。)は、次のとおり協定を締結する。
    第2条 甲及び乙が連携する取組は、次のとおりとする。
    (1) 生活機能の強化に係る政策分野
    ア 医療
    (ア) 取組の内容 救急医療体制を確保する。
    (イ) 役割分担
    甲:二次救急医療機関を支援する。
    乙:住民に周知する。
    イ 教育
    (ア) 取組の内容 図書館の相互利用を推進する。
    (イ) 役割分担
    甲:図書館を開放する。
    乙:図書館を開放する。
    第3条 この協定に定めのない事項は、甲及び乙が協議して定める。
    """)
    rows, _ = extract_appendix(segs, extract_parties(segs))
    assert [brief(r) for r in rows] == [
        (1, None, "ア", "医療", "救急医療体制を確保する。", "二次救急医療機関を支援する。", "住民に周知する。"),
        (1, None, "イ", "教育", "図書館の相互利用を推進する。", "図書館を開放する。", "図書館を開放する。"),
    ]
    assert [a.article_no for a in extract_articles(segs)] == ["2", "3"]


def test_roles_given_as_sentences_with_the_party_as_subject_under_yakuwari_buntan():
    """(イ) 役割分担 / (ア) 甲は、…。 / (イ) 乙は、…。: the subject says whose
    role it is; also both on the 役割分担 line (役割分担 甲は、…。乙は、…。)."""
    segs = segments_of("""
    定住自立圏形成協定書
    西条市(以下「甲」という。)と新居浜市(以下「乙」という。)は、次のとおり協定を締結する。
    (生活機能の強化に係る政策分野)
    第2条 甲及び乙が連携して取り組む事項及び役割分担は、次のとおりとする。
    (1) 医療
    ア 取組の内容
    休日及び夜間の救急医療体制の充実を図る。
    イ 役割分担
    (ア) 甲は、二次救急医療機関の運営を支援する。
    (イ) 乙は、甲と連携して初期救急医療体制を
    確保する。
    (2) 子育て
    ア 取組の内容 病児保育の広域利用を進める。
    イ 役割分担 甲は、病児保育施設を運営する。乙は、住民に制度を周知する。
    第3条 この協定に定めのない事項は、甲及び乙が協議して定める。
    """)
    rows, warnings = extract_appendix(segs, extract_parties(segs))
    assert [brief(r) for r in rows] == [
        (None, None, "1", "医療", "休日及び夜間の救急医療体制の充実を図る。", "二次救急医療機関の運営を支援する。",
         "甲と連携して初期救急医療体制を確保する。"),
        (None, None, "2", "子育て", "病児保育の広域利用を進める。", "病児保育施設を運営する。", "住民に制度を周知する。"),
    ]
    assert warnings == []


def test_beppyo_dai_n_are_sections():
    rows, _ = rows_of("""
    別表第1(第3条関係) 圏域全体の経済成長のけん引
    連携施策\t取組内容\t甲の役割\t乙の役割
    産業振興\t企業を誘致する。\t誘致を主導する。\t協力する。
    別表第2(第3条関係)
    高次の都市機能の集積・強化
    連携施策\t取組内容\t甲の役割\t乙の役割
    高度医療\t医療を提供する。\t病院を運営する。\t周知する。
    別表第3(第3条関係)
    生活関連機能サービスの向上
    連携施策\t取組内容\t甲の役割\t乙の役割
    子育て\t子育てを支援する。\t施設を開放する。\t利用を促す。
    """)
    assert [(r.section_no, r.section_title, r.measure) for r in rows] == [
        (1, "圏域全体の経済成長のけん引", "産業振興"),
        (2, "高次の都市機能の集積・強化", "高度医療"),
        (3, "生活関連機能サービスの向上", "子育て"),
    ]


def test_circled_and_dai_numbering_with_latin_labels():
    rows, _ = rows_of("""
    別表
    ① 経済成長
    (1) 産業
    連携施策\t取組内容\t甲の役割\t乙の役割
    a. 創業支援\t創業を支援する。\t窓口を置く。\t周知する。
    b. 企業誘致\t企業を誘致する。\t誘致する。\t協力する。
    ② 生活機能
    連携施策\t取組内容\t甲の役割\t乙の役割
    a. 子育て\t子育てを支援する。\t施設を開放する。\t利用を促す。
    """)
    assert [(r.section_no, r.subsection_no, r.label, r.measure) for r in rows] == [
        (1, 1, "a", "創業支援"), (1, 1, "b", "企業誘致"), (2, None, "a", "子育て")]


def test_labelled_rows_wrapped_line_by_line_without_rules_between_them():
    # A box table from Word saved as text, no rule between its rows: every
    # row wraps in all its cells, so most lines end no sentence, and a
    # measure's second line (農林水産物の販路 / 拡大) opens a cell of its own.
    rows, _ = rows_of("""
    別表(第1条関係)
    1 経済成長のけん引
    │連携する取組│取組の内容│甲の役割│乙の役割│
    ├──┼──┼──┼──┤
    │ア 企業誘致の推進│圏域への企業の立地を促進するため│企業誘致の情報を集約し、│用地の情報を甲に提供し、│
    │　│、合同で誘致活動を行う。│誘致活動を行う。│誘致活動に参加する。│
    │イ 農林水産物の販路│圏域の農林水産物の販路を拡大する│商談会を企画し、│生産者の参加を│
    │　　拡大│ため、合同の商談会を開催する。│開催する。│促す。│
    │ウ 観光の振興│周遊観光の商品を造成し、│商品を造成し、発信│観光資源の情報を甲│
    │　│発信する。│する。│に提供する。│
    └──┴──┴──┴──┘
    """)
    assert [brief(r) for r in rows] == [
        (1, None, "ア", "企業誘致の推進", "圏域への企業の立地を促進するため、合同で誘致活動を行う。",
         "企業誘致の情報を集約し、誘致活動を行う。", "用地の情報を甲に提供し、誘致活動に参加する。"),
        (1, None, "イ", "農林水産物の販路拡大", "圏域の農林水産物の販路を拡大するため、合同の商談会を開催する。",
         "商談会を企画し、開催する。", "生産者の参加を促す。"),
        (1, None, "ウ", "観光の振興", "周遊観光の商品を造成し、発信する。", "商品を造成し、発信する。",
         "観光資源の情報を甲に提供する。"),
    ]


def test_a_dash_or_same_as_left_ending_the_last_row_takes_no_text_below_the_table():
    # a web page's contact box follows the 別表: the last row ends with a
    # dash (the party has no role), which ends no sentence but is a whole cell
    rows, _ = rows_of("""
    別表
    1 経済
    連携施策\t取組内容\t甲の役割\t乙の役割
    ア 観光\t観光を振興する。\t主導する。\t協力する。
    イ 農業\t販路を拡大する。\t主導する。\t―
    このページに関するお問い合わせ
    企画課 企画調整係
    """)
    assert [(r.label, r.measure, r.role_a, r.role_b) for r in rows] == [
        ("ア", "観光", "主導する。", "協力する。"), ("イ", "農業", "主導する。", "")]
    rows, _ = rows_of("""
    別表
    1 経済
    連携施策\t取組内容\t甲の役割\t乙の役割
    ア 観光\t観光を振興する。\t主導する。\t協力する。
    イ 農業\t販路を拡大する。\t主導する。\t同左
    このページに関するお問い合わせ
    """)
    assert [(r.label, r.role_b) for r in rows] == [("ア", "協力する。"), ("イ", "主導する。")]


def test_a_web_pages_contact_box_under_the_beppyo_ends_it():
    # the page reproducing the agreement goes on under its 別表 with the
    # office to ask: no part of the last row, even where its cell lacks its 。
    rows, _ = rows_of("""
    別表
    1 経済
    連携施策\t取組内容\t甲の役割\t乙の役割
    ア 観光\t観光を振興する。\t主導する。\t協力する。
    イ 林業\t森林を保全する。\t主導する。\t協力する。
    ウ 農業\t販路を拡大する。\t主導する。\t甲と協力する
    このページに関するお問い合わせ
    企画課 企画調整係
    〒920-0292 石川県河北郡内灘町字大学1丁目2番地1
    電話番号:076-286-6701
    """)
    assert [(r.label, r.role_b) for r in rows] == [("ア", "協力する。"), ("イ", "協力する。"), ("ウ", "甲と協力する")]
    rows, _ = rows_of("""
    別表
    1 経済
    連携施策\t取組内容\t甲の役割\t乙の役割
    ア 観光\t観光を振興する。\t主導する。\t協力する。
    イ 林業\t森林を保全する。\t主導する。\t協力する。
    ウ 問合せ窓口の設置\t窓口を設置する。\t主導する。\t甲と協力する
    お問い合わせ先:企画課(電話 076-286-6701)
    """)
    assert [(r.measure, r.role_b) for r in rows] == [
        ("観光", "協力する。"), ("林業", "協力する。"), ("問合せ窓口の設置", "甲と協力する")]


PAGE_AFTER_THE_TABLE = """<p class="pagetop"><a href="#top">ページの先頭へ戻る</a></p>
<div id="side"><h2>関連情報</h2><ul><li><a href="/a">連携中枢都市圏について</a></li>
<li><a href="/b">ビジョン懇談会</a></li></ul></div>
<div id="footer"><p>浜松市役所 〒430-8652 静岡県浜松市中区元城町103番地の2</p></div></body></html>"""


def html_agreement(beppyo: str) -> str:
    return f"""<html><head><meta charset="utf-8"></head><body>
<h1>浜松市と湖西市との連携協約書</h1>
<p>浜松市(以下「甲」という。)と湖西市(以下「乙」という。)は、次のとおり連携協約を締結する。</p>
<p>第1条 連携して取り組む事項及び役割分担は、別表のとおりとする。</p>
<p>令和2年3月27日</p>
<p>甲 浜松市長 鈴木 康友</p>
<p>乙 湖西市長 影山 剛士</p>
<h2>別表(第1条関係)</h2>
{beppyo}
{PAGE_AFTER_THE_TABLE}"""


def test_a_web_pages_menu_and_footer_after_the_beppyo_table_continue_no_cell(write_file):
    """A city's page without a contact box (nor <main>): its side menu and
    footer follow the 別表's </table>. The last row's role cell lacks the
    。 the others have: still the table's end ends it."""
    from pipeline import run

    doc = run(write_file("grid.html", html_agreement("""<table border="1">
<tr><th>連携する取組</th><th>取組の内容</th><th>甲の役割</th><th>乙の役割</th></tr>
<tr><td>ア 救急医療</td><td>救急医療体制を確保する。</td><td>運営を支援する。</td><td>経費を負担する。</td></tr>
<tr><td>イ 観光の振興</td><td>周遊を促進する。</td><td>情報を発信する。</td><td>観光資源を磨く。</td></tr>
<tr><td>ウ 移住の促進</td><td>相談体制を整える。</td><td>窓口を設ける。</td><td>空き家情報を提供する。</td></tr>
<tr><td>エ 公共交通</td><td>バス路線を維持する。</td><td>運行を支援する。</td><td>利用促進に取り組む</td></tr>
</table>""")))
    assert [(r.label, r.role_b) for r in doc.appendix] == [
        ("ア", "経費を負担する。"), ("イ", "観光資源を磨く。"), ("ウ", "空き家情報を提供する。"), ("エ", "利用促進に取り組む")]


def test_a_measure_named_in_a_spanning_row_over_its_own_header_and_rowspan_content(write_file):
    """Each measure's name spans the table, then its own 取組の内容 | 役割分担
    header, then the content in a rowspan cell beside 甲: … and 乙: … rows:
    one row per measure, named by the spanning row."""
    from pipeline import run

    doc = run(write_file("spanning.html", html_agreement("""<table border="1">
<tr><th colspan="2">1 地域の活性化</th></tr>
<tr><th colspan="2">ア 移住の促進</th></tr>
<tr><th>取組の内容</th><th>役割分担</th></tr>
<tr><td rowspan="2">移住希望者への相談会を共同で開催する。</td><td>甲：相談会の企画を行う。</td></tr>
<tr><td>乙：空き家の情報を提供する。</td></tr>
<tr><th colspan="2">イ 地域公共交通の確保</th></tr>
<tr><th>取組の内容</th><th>役割分担</th></tr>
<tr><td rowspan="2">両市を結ぶバス路線を維持する。</td><td>甲：運行経費を負担する。</td></tr>
<tr><td>乙：利用の促進を図る。</td></tr>
</table>""")))
    assert [(r.section_no, r.section_title, r.label, r.measure, r.content, r.role_a, r.role_b) for r in doc.appendix] == [
        (1, "地域の活性化", "ア", "移住の促進", "移住希望者への相談会を共同で開催する。",
         "相談会の企画を行う。", "空き家の情報を提供する。"),
        (1, "地域の活性化", "イ", "地域公共交通の確保", "両市を結ぶバス路線を維持する。",
         "運行経費を負担する。", "利用の促進を図る。"),
    ]
    assert not [w for w in doc.warnings if "cells" in w or "without a header" in w]


def test_a_measure_named_on_a_line_above_its_own_grid():
    """Text: the measure's name on a line of its own above a grid with no
    measure column (取組の内容 | 甲の役割 | 乙の役割, or 取組の内容 | 役割分担 with
    the content repeated beside each party's role)."""
    rows, warnings = rows_of("""
    別表(第1条関係)
    (1) 救急医療の確保
    取組の内容\t甲の役割\t乙の役割
    休日夜間の診療体制を共同で確保する。\t診療所を運営する。\t運営費を負担する。
    (2) 観光の振興
    取組の内容\t役割分担
    周遊ルートを開発する。\t甲:ルートを企画する。
    周遊ルートを開発する。\t乙:観光資源を紹介する。
    """)
    assert [brief(r) for r in rows] == [
        (None, None, "1", "救急医療の確保", "休日夜間の診療体制を共同で確保する。", "診療所を運営する。", "運営費を負担する。"),
        (None, None, "2", "観光の振興", "周遊ルートを開発する。", "ルートを企画する。", "観光資源を紹介する。"),
    ]
    assert not [w for w in warnings if "cells" in w]


def test_a_section_heading_over_a_grid_of_several_contents_names_no_measure():
    """A heading over a grid listing several contents is their section, not
    one measure: each line stays a row of its own."""
    rows, _ = rows_of("""
    別表(第1条関係)
    1 産業の振興
    取組の内容\t甲の役割\t乙の役割
    企業誘致を共同で行う。\t誘致活動を主導する。\t用地情報を提供する。
    特産品の販路を広げる。\t商談会を開催する。\t出展者を募る。
    """)
    assert [(r.section_no, r.role_a) for r in rows] == [(1, "誘致活動を主導する。"), (1, "商談会を開催する。")]


def test_an_unnumbered_measure_title_over_its_own_grid_names_the_measure():
    """A measure's name without a number (a bold line) over a grid of
    取組の内容 | 甲の役割 | 乙の役割: the name is the measure, the row its
    content and roles (before, the content was read as the measure)."""
    rows, _ = rows_of("""
    別表(第1条関係)
    1 経済成長のけん引
    企業誘致の推進
    取組の内容\t甲の役割\t乙の役割
    圏域への企業の立地を促進するため、共同で誘致活動を行う。\t誘致活動を総括する。\t用地情報を提供する。
    観光の振興
    取組の内容\t甲の役割\t乙の役割
    広域観光ルートを造成し、情報発信を行う。\tルートの企画を行う。\t観光資源の情報を提供する。
    """)
    assert [brief(r) for r in rows] == [
        (1, None, "", "企業誘致の推進", "圏域への企業の立地を促進するため、共同で誘致活動を行う。",
         "誘致活動を総括する。", "用地情報を提供する。"),
        (1, None, "", "観光の振興", "広域観光ルートを造成し、情報発信を行う。", "ルートの企画を行う。", "観光資源の情報を提供する。"),
    ]


def test_a_measure_title_set_off_by_a_bullet_or_brackets_names_the_measure_without_them():
    rows, _ = rows_of("""
    別表(第1条関係)
    【企業誘致の推進】
    取組の内容\t甲の役割\t乙の役割
    企業の立地を促進する。\t誘致活動を総括する。\t用地情報を提供する。
    ■観光の振興
    取組の内容\t甲の役割\t乙の役割
    観光ルートを造成する。\tルートを企画する。\t観光資源を紹介する。
    <移住の促進>
    取組の内容\t甲の役割\t乙の役割
    移住相談会を開催する。\t相談会を企画する。\t空き家情報を提供する。
    """)
    assert [(r.measure, r.content) for r in rows] == [
        ("企業誘致の推進", "企業の立地を促進する。"), ("観光の振興", "観光ルートを造成する。"),
        ("移住の促進", "移住相談会を開催する。")]


def test_several_contents_under_one_measure_title_are_rows_of_that_measure():
    """ア 企業誘致の推進 over its grid of two contents: two rows of measure ア,
    not a subsection whose contents are measures; titles inside one grid
    under its header (ア … rows, イ … rows) read the same."""
    expected = [
        (1, None, "ア", "企業誘致の推進", "圏域への企業の立地を促進するため、共同で誘致活動を行う。",
         "誘致活動を総括する。", "用地情報を提供する。"),
        (1, None, "ア", "企業誘致の推進", "企業向けの合同説明会を開催する。", "説明会を主催する。", "説明会に参加する。"),
        (1, None, "イ", "観光の振興", "広域観光ルートを造成し、情報発信を行う。", "ルートの企画を行う。", "観光資源の情報を提供する。"),
    ]
    own_headers, _ = rows_of("""
    別表(第1条関係)
    1 経済成長のけん引
    ア 企業誘致の推進
    取組の内容\t甲の役割\t乙の役割
    圏域への企業の立地を促進するため、共同で誘致活動を行う。\t誘致活動を総括する。\t用地情報を提供する。
    企業向けの合同説明会を開催する。\t説明会を主催する。\t説明会に参加する。
    イ 観光の振興
    取組の内容\t甲の役割\t乙の役割
    広域観光ルートを造成し、情報発信を行う。\tルートの企画を行う。\t観光資源の情報を提供する。
    """)
    one_header, _ = rows_of("""
    別表(第1条関係)
    1 経済成長のけん引
    取組の内容\t甲の役割\t乙の役割
    ア 企業誘致の推進
    圏域への企業の立地を促進するため、共同で誘致活動を行う。\t誘致活動を総括する。\t用地情報を提供する。
    企業向けの合同説明会を開催する。\t説明会を主催する。\t説明会に参加する。
    イ 観光の振興
    広域観光ルートを造成し、情報発信を行う。\tルートの企画を行う。\t観光資源の情報を提供する。
    """)
    assert [brief(r) for r in own_headers] == expected
    assert [brief(r) for r in one_header] == expected


def test_measure_titles_over_grids_aligned_with_spaces_or_of_names_only():
    """pdftotext -layout: a content's wrapped rest on a line of its own under
    a titled grid goes back into that content, and the next line is the
    next content of the measure; a grid of names (no 。) under titles gives
    one row per line, the next title after a row of names still a title."""
    aligned, _ = rows_of("""
    別表(第1条関係)
    1 経済成長のけん引
      企業誘致の推進
        取組の内容                          甲の役割                乙の役割
        圏域への企業の立地を促進するため、  誘致活動を総括する。    用地情報を提供する。
        共同で誘致活動を行う。
        企業向けの合同説明会を開催する。    説明会を主催する。      説明会に参加する。

      観光の振興
        取組の内容                          甲の役割                乙の役割
        広域観光ルートを造成し、情報発信を  ルートの企画を行う。    観光資源の情報を提供
        行う。                                                      する。
    """)
    assert [(r.measure, r.content, r.role_a, r.role_b) for r in aligned] == [
        ("企業誘致の推進", "圏域への企業の立地を促進するため、共同で誘致活動を行う。", "誘致活動を総括する。", "用地情報を提供する。"),
        ("企業誘致の推進", "企業向けの合同説明会を開催する。", "説明会を主催する。", "説明会に参加する。"),
        ("観光の振興", "広域観光ルートを造成し、情報発信を行う。", "ルートの企画を行う。", "観光資源の情報を提供する。"),
    ]
    names, _ = rows_of("""
    別表(第1条関係)
    1 経済成長のけん引
    ア 企業誘致の推進
    取組の内容\t甲の役割\t乙の役割
    合同企業説明会の開催\t説明会の主催\t説明会への参加
    企業立地情報の共同発信\t情報発信の総括\t用地情報の提供
    イ 観光の振興
    取組の内容\t甲の役割\t乙の役割
    広域観光ルートの造成\tルートの企画\t観光資源の情報提供
    """)
    assert [(r.section_no, r.label, r.measure, r.content, r.role_b) for r in names] == [
        (1, "ア", "企業誘致の推進", "合同企業説明会の開催", "説明会への参加"),
        (1, "ア", "企業誘致の推進", "企業立地情報の共同発信", "用地情報の提供"),
        (1, "イ", "観光の振興", "広域観光ルートの造成", "観光資源の情報提供"),
    ]


def test_unnumbered_titles_in_rows_spanning_one_html_grid(write_file):
    """Word's table: a spanning row names the field, the header follows, and
    each measure's name spans a row above its contents. None of them is a
    data row repeating its text in every cell."""
    from pipeline import run

    doc = run(write_file("titles.html", html_agreement("""<table border="1">
<tr><th colspan="3">圏域全体の経済成長のけん引</th></tr>
<tr><th>取組の内容</th><th>甲の役割</th><th>乙の役割</th></tr>
<tr><td colspan="3"><b>企業誘致の推進</b></td></tr>
<tr><td>圏域への企業の立地を促進するため、共同で誘致活動を行う。</td><td>誘致活動を総括する。</td><td>用地情報を提供する。</td></tr>
<tr><td>企業向けの合同説明会を開催する。</td><td>説明会を主催する。</td><td>説明会に参加する。</td></tr>
<tr><td colspan="3"><b>観光の振興</b></td></tr>
<tr><td>広域観光ルートを造成し、情報発信を行う。</td><td>ルートの企画を行う。</td><td>観光資源の情報を提供する。</td></tr>
</table>""")))
    assert [(r.section_title, r.measure, r.content, r.role_a, r.role_b) for r in doc.appendix] == [
        ("圏域全体の経済成長のけん引", "企業誘致の推進", "圏域への企業の立地を促進するため、共同で誘致活動を行う。",
         "誘致活動を総括する。", "用地情報を提供する。"),
        ("圏域全体の経済成長のけん引", "企業誘致の推進", "企業向けの合同説明会を開催する。", "説明会を主催する。", "説明会に参加する。"),
        ("圏域全体の経済成長のけん引", "観光の振興", "広域観光ルートを造成し、情報発信を行う。",
         "ルートの企画を行う。", "観光資源の情報を提供する。"),
    ]
    assert not [w for w in doc.warnings if "without a header" in w]


def test_measure_titles_over_html_grids_with_a_remarks_column_and_notes_under_them(write_file):
    """Each measure in bold over a table of its own with a 備考 column, a ※
    note under one table and 別表(続き) before the next field: the 備考 is
    each row's note (before, the title's row had no note cell to take it,
    and the file failed), the ※ note no row's."""
    from pipeline import run

    def grid(rows: str) -> str:
        return ('<table border="1"><tr><th>取組の内容</th><th>甲の役割</th><th>乙の役割</th><th>備考</th></tr>'
                f"{rows}</table>")

    doc = run(write_file("titled.html", html_agreement(
        "<h3>1 圏域全体の経済成長のけん引</h3>\n<p><strong>ア 企業誘致の推進</strong></p>\n"
        + grid("<tr><td>企業の立地を促進する。</td><td>誘致活動を総括する。</td><td>用地情報を提供する。</td><td>令和4年度から</td></tr>\n"
               "<tr><td>合同説明会を開催する。</td><td>説明会を主催する。</td><td>説明会に参加する。</td><td>－</td></tr>")
        + "\n<p>※ 説明会の開催地は、甲乙協議の上決定する。</p>\n<p><strong>イ 観光の振興</strong></p>\n"
        + grid("<tr><td>観光ルートを造成する。</td><td>ルートを企画する。</td><td>観光資源を紹介する。</td><td></td></tr>")
        + "\n<p>別表(続き)</p>\n<h3>2 高次の都市機能の集積・強化</h3>\n<p><strong>ア 救急医療体制の確保</strong></p>\n"
        + grid("<tr><td>救急医療体制を確保する。</td><td>センターを運営する。</td><td>運営費を負担する。</td><td>県補助</td></tr>"))))
    assert doc.status != "failed"
    assert [(r.section_no, r.label, r.measure, r.content, r.role_b, r.note) for r in doc.appendix] == [
        (1, "ア", "企業誘致の推進", "企業の立地を促進する。", "用地情報を提供する。", "令和4年度から"),
        (1, "ア", "企業誘致の推進", "合同説明会を開催する。", "説明会に参加する。", ""),
        (1, "イ", "観光の振興", "観光ルートを造成する。", "観光資源を紹介する。", ""),
        (2, "ア", "救急医療体制の確保", "救急医療体制を確保する。", "運営費を負担する。", "県補助"),
    ]


def test_a_caption_over_the_whole_grid_or_a_wrapped_cell_is_no_measure_title():
    """連携する取組及び役割分担 over the table captions it, and a role's rest
    on a line of its own under its unfinished row continues it: neither
    names a measure; the contents stay the measures of their own rows."""
    rows, _ = rows_of("""
    別表(第1条関係)
    連携する取組及び役割分担
    取組の内容\t甲の役割\t乙の役割
    企業の立地を促進する。\t誘致活動を総括する。\t用地情報を提供する。
    空き店舗を活用する。\t改修費を助成する。\t物件を紹介する。
    合同説明会を開催する。\t説明会を主催する。\t説明会の周知を行い、関係団体との
    連絡調整
    """)
    assert [(r.measure, r.role_b) for r in rows] == [
        ("企業の立地を促進する。", "用地情報を提供する。"),
        ("空き店舗を活用する。", "物件を紹介する。"),
        ("合同説明会を開催する。", "説明会の周知を行い、関係団体との連絡調整"),
    ]
    # a caption in other words: the one name over the 別表's one grid
    rows, _ = rows_of("""
    別表(第1条関係)
    連携協約に基づく具体的な取組
    取組の内容\t甲の役割\t乙の役割
    企業の立地を促進する。\t誘致活動を総括する。\t用地情報を提供する。
    空き店舗を活用する。\t改修費を助成する。\t物件を紹介する。
    """)
    assert [(r.measure, r.role_b) for r in rows] == [
        ("企業の立地を促進する。", "用地情報を提供する。"), ("空き店舗を活用する。", "物件を紹介する。")]


def test_a_web_pages_menu_after_a_key_value_table_continues_no_value(write_file):
    # each measure's keys in a <table> of its own (th key | td value)
    from pipeline import run

    doc = run(write_file("kv.html", html_agreement("""<p>1 生活機能の強化に係る政策分野</p>
<p>ア 救急医療</p>
<table border="1"><tr><th>取組の内容</th><td>救急医療体制を確保する。</td></tr>
<tr><th>甲の役割</th><td>運営を支援する。</td></tr><tr><th>乙の役割</th><td>経費を負担する。</td></tr></table>
<p>イ 公共交通</p>
<table border="1"><tr><th>取組の内容</th><td>バス路線を維持する。</td></tr>
<tr><th>甲の役割</th><td>運行を支援する。</td></tr><tr><th>乙の役割</th><td>利用促進に取り組む</td></tr></table>""")))
    assert [(r.label, r.measure, r.role_b) for r in doc.appendix] == [
        ("ア", "救急医療", "経費を負担する。"), ("イ", "公共交通", "利用促進に取り組む")]


def test_contact_headings_of_other_cms_wordings_end_the_beppyo():
    # このページの情報に関するお問い合わせ先 / この記事に関するお問い合わせ: the same box
    for heading in ("このページの情報に関するお問い合わせ先", "この記事に関するお問い合わせ", "お問い合わせ窓口"):
        rows, _ = rows_of(f"""
        別表
        1 経済
        連携施策\t取組内容\t甲の役割\t乙の役割
        ア 観光\t観光を振興する。\t主導する。\t協力する。
        イ 林業\t森林を保全する。\t主導する。\t協力する。
        ウ 農業\t販路を拡大する。\t主導する。\t甲と協力する
        {heading}
        総合政策部 政策企画課 電話番号:083-231-1111
        """)
        assert [(r.label, r.role_b) for r in rows] == [("ア", "協力する。"), ("イ", "協力する。"), ("ウ", "甲と協力する")], heading


def test_html_wrapped_cells_and_dash_rules():
    rows, _ = rows_of("""
    別表
    1 経済
    連携施策\t取組内容\t甲の役割\t乙の役割
    <p>ア 観光</p>\t<p>観光を振興する。</p>\t<p>主導する。</p>\t<p>協力する。</p>
    -----\t-----\t-----\t-----
    イ 農業\t販路を拡大する。\t主導する。\t協力する。
    """)
    assert [(r.label, r.measure, r.content) for r in rows] == [
        ("ア", "観光", "観光を振興する。"), ("イ", "農業", "販路を拡大する。")]


def test_overview_with_a_two_column_layout_broken_into_lines():
    segs = segments_of("""
    連携中枢都市圏の形成に係る連携協約の概要
    次の各連携施策について、盛岡市は中心的な役割を担い、各市町は連携して取り組む
    連携施策(3施策) 取組内容
    産学官が一体となった
    推進体制の整備
    産学官で構成する懇談会を設置し、ビジョンの策定や
    進捗管理に取り組む。
    地域医療
    救急医療の確保と医療従事者の
    育成に取り組む。
    環境 ごみの減量化に取り組む。
    ※費用は別途定める
    """)
    rows, _ = extract_appendix(segs, extract_parties(segs))
    assert [(r.measure, r.content, r.role_a) for r in rows] == [
        ("産学官が一体となった推進体制の整備", "産学官で構成する懇談会を設置し、ビジョンの策定や進捗管理に取り組む。", ""),
        ("地域医療", "救急医療の確保と医療従事者の育成に取り組む。", ""),
        ("環境", "ごみの減量化に取り組む。", ""),
    ]


def test_a_row_missing_cells_is_reported():
    rows, warnings = rows_of("""
    別表
    連携施策\t取組内容\t甲の役割\t乙の役割
    観光\t観光を振興する。\t主導する。
    """)
    assert rows[0].role_b == ""
    assert any("row 1 has 3 of 4 cells" in w for w in warnings)


def test_teiju_jiritsuken_items_with_a_description_then_role_items():
    segs = segments_of("""
    鳥取市及び岩美町の定住自立圏形成協定書
    鳥取市(以下「甲」という。)及び岩美町(以下「乙」という。)は、次のとおり協定を締結する。
    (連携する具体的事項)
    第3条 甲及び乙が連携して推進する政策分野及び具体的事項は、次のとおりとする。
    (1) 生活機能の強化に係る政策分野
    ア 医療
    (ｱ) 救急医療体制の充実
    東部地域の救急医療体制を維持・充実するため、
    病院群輪番制を運営する。
    ａ 甲の役割
    輪番制の運営を支援する。
    ｂ 乙の役割
    住民に適正な受診を啓発する。
    (ｲ) 医師の確保
    医師の確保に取り組む。
    ａ 甲の役割
    奨学金制度を運用する。
    ｂ 乙の役割
    制度を周知する。
    (2) 結びつきやネットワークの強化に係る政策分野
    ア 地域公共交通
    (ｱ) バス路線の維持
    生活バス路線を維持する。
    ａ 甲の役割
    路線を調整する。
    ｂ 乙の役割
    運行を支援する。
    (協定の変更)
    第4条 変更は協議による。
    """)
    rows, _ = extract_appendix(segs, extract_parties(segs))
    assert [(r.section_no, r.subsection_no, r.subsection_title, r.label, r.measure, r.content, r.role_a, r.role_b)
            for r in rows] == [
        (1, 1, "医療", "ア", "救急医療体制の充実", "東部地域の救急医療体制を維持・充実するため、病院群輪番制を運営する。",
         "輪番制の運営を支援する。", "住民に適正な受診を啓発する。"),
        (1, 1, "医療", "イ", "医師の確保", "医師の確保に取り組む。", "奨学金制度を運用する。", "制度を周知する。"),
        (2, 1, "地域公共交通", "ア", "バス路線の維持", "生活バス路線を維持する。", "路線を調整する。", "運行を支援する。"),
    ]


def test_one_roles_column_holding_both_parties_roles():
    rows, _ = rows_of("""
    別表
    連携する取組\t取組の内容\t役割分担
    観光振興\t広域観光を推進する。\t【甲】観光ルートを企画する。【乙】甲と連携して情報を発信する。
    子育て支援\t病児保育を相互利用する。\t甲:施設を開放する。乙:利用を周知する。
    """)
    assert [(r.measure, r.content, r.role_a, r.role_b) for r in rows] == [
        ("観光振興", "広域観光を推進する。", "観光ルートを企画する。", "甲と連携して情報を発信する。"),
        ("子育て支援", "病児保育を相互利用する。", "施設を開放する。", "利用を周知する。"),
    ]


def test_two_header_rows_with_roles_under_a_merged_cell():
    rows, _ = rows_of("""
    別表
    連携施策\t取組内容\t役割分担
    \t\t甲\t乙
    観光振興\t広域観光を推進する。\t企画する。\t発信する。
    """)
    assert [(r.measure, r.content, r.role_a, r.role_b) for r in rows] == [
        ("観光振興", "広域観光を推進する。", "企画する。", "発信する。")]



def test_party_letters_of_a_header_as_ocr_misreads_them_still_name_the_role_columns():
    """Tesseract reads 乙 as と or Z and 甲 as 申; beside the other party's
    letter, a cell of that look-alike alone is the party's column."""
    for header in ("\t\t甲\tと", "\t\t申\t乙", "\t\t甲\tZ"):
        rows, _ = rows_of(f"""
    別表
    連携施策\t取組内容\t役割分担
    {header}
    観光振興\t広域観光を推進する。\t観光ルートを企画する。\t魅力を発信する。
    """)
        assert [(r.measure, r.content, r.role_a, r.role_b) for r in rows] == [
            ("観光振興", "広域観光を推進する。", "観光ルートを企画する。", "魅力を発信する。")], header
    rows, _ = rows_of("""
    別表
    連携施策\t取組内容\t申\t乙
    観光振興\t広域観光を推進する。\t観光ルートを企画する。\t魅力を発信する。
    """)
    assert [(r.role_a, r.role_b) for r in rows] == [("観光ルートを企画する。", "魅力を発信する。")]


def test_a_sub_header_splitting_one_role_leaves_the_role_beside_it_in_place():
    """甲の役割 spans both header rows; the second row only names the towns
    乙の役割 splits into: the column under 甲の役割 stays 甲's role, not a
    second content column. (The second town's column has no field.)"""
    segs = segments_of("""
    鶴岡市(以下「甲」という。)並びに三川町及び庄内町(以下それぞれ「乙」という。)は、次のとおり連携協約を締結する。
    第1条 取組及び役割分担は、別表のとおりとする。
    令和5年4月1日
    別表
    取組\t取組内容\t甲の役割\t乙の役割\t
    \t\t\t三川町\t庄内町
    観光振興\t広域観光を推進する。\t企画する。\t発信する。\t協力する。
    """)
    rows, _ = extract_appendix(segs, extract_parties(segs))
    assert [(r.measure, r.content, r.role_a, r.role_b) for r in rows] == [
        ("観光振興", "広域観光を推進する。", "企画する。", "発信する。")]


# --- scanned tables: what Tesseract makes of the keys, labels and stops -------

def test_scanned_key_value_blocks_with_the_role_of_otsu_misread_or_lost():
    # 乙 read as と, Z or lost, 甲 as 申; I of the section heading read as !
    # (seen on the rasterized samples).
    rows, _ = rows_of("""
    別表(第1条関係)
    ! 経済成長のけん引
    戦略的な産業振興\t
    取組内容\t産業振興施策を検討する。
    申の役割\t仕組みの構築に中心となって取り組む。
    との役割\t仕組みの構築に甲と協力して取り組む。
    新たな産業の創出\t
    取組内容\t新たな産業の創出に取り組む。
    甲の役割\t創出に中心となって取り組む。
    の役割\t創出に甲と協力して取り組む。
    II 都市機能の強化
    広域観光の推進\t
    取組内容\t観光の推進に取り組む。
    甲の役割\t観光の推進に中心となって取り組む。
    Zの役割\t観光の推進に甲と協力して取り組む。
    """)
    assert [brief(r) for r in rows] == [
        (1, None, "", "戦略的な産業振興", "産業振興施策を検討する。", "仕組みの構築に中心となって取り組む。",
         "仕組みの構築に甲と協力して取り組む。"),
        (1, None, "", "新たな産業の創出", "新たな産業の創出に取り組む。", "創出に中心となって取り組む。",
         "創出に甲と協力して取り組む。"),
        (2, None, "", "広域観光の推進", "観光の推進に取り組む。", "観光の推進に中心となって取り組む。",
         "観光の推進に甲と協力して取り組む。"),
    ]


def test_scanned_grid_with_a_lost_role_header_labels_without_space_and_look_alike_labels():
    # header 乙の役割 read as の役割; ア経済 without its space; エ read as 工
    # (a kanji), only where the sequence expects エ.
    rows, _ = rows_of("""
    別表(第1条関係)
    1 経済成長のけん引
    取組\t\t甲の役割\tの役割
    ア経済戦略の策定\t戦略の策定に取り組む。\t乙と連携する。\t甲と連携する。
    イ 戦略産業の育成\t産業の育成に取り組む。\t乙と連携する。\t甲と連携する。
    ウ地域資源の活用\t資源の活用に取り組む。\t乙と連携する。\t甲と連携する。
    工 災害対策\t災害対策に取り組む。\t乙と連携する。\t甲と連携する。
    工業の振興\t工業の振興に取り組む。\t乙と連携する。\t甲と連携する。
    """)
    assert [brief(r) for r in rows] == [
        (1, None, "ア", "経済戦略の策定", "戦略の策定に取り組む。", "乙と連携する。", "甲と連携する。"),
        (1, None, "イ", "戦略産業の育成", "産業の育成に取り組む。", "乙と連携する。", "甲と連携する。"),
        (1, None, "ウ", "地域資源の活用", "資源の活用に取り組む。", "乙と連携する。", "甲と連携する。"),
        (1, None, "エ", "災害対策", "災害対策に取り組む。", "乙と連携する。", "甲と連携する。"),
        (1, None, "", "工業の振興", "工業の振興に取り組む。", "乙と連携する。", "甲と連携する。"),
    ]


def test_a_stop_read_as_o_still_ends_the_row():
    # 推進する。 read as 推進する oO: the next measure is a row of its own.
    rows, _ = rows_of("""
    別表(第1条関係)
    連携施策\t取組内容\t甲の役割\t乙の役割
    教育\t教育の充実に取り組む。\t教育の充実に向け、連携を推進する。\t協力して取り組む。
    地域振興\t地域振興に取り組む。\t地域振興に向け、連携を推進する oO\t協力して取り組む。
    災害対策\t防災体制の充実に取り組む。\t防災体制の充実に向け、連携を推進する。\t協力して取り組む。
    """)
    assert [r.measure for r in rows] == ["教育", "地域振興", "災害対策"]


def test_role_columns_headed_role_sharing_of_each_party():
    """甲の役割分担 / 乙の役割分担 and 取組 / 概要 head the columns: the roles
    stay in their own cells instead of running into the content."""
    rows, warnings = rows_of("""
    別表(第1条関係)
    Ⅰ 圏域全体の経済成長のけん引
    取組\t概要\t甲の役割分担\t乙の役割分担
    ア 産業振興\t地場産業の販路を拡大する。\t展示会を開催する。\t展示会に参加する。
    Ⅱ 高次の都市機能の集積・強化
    取組\t概要\t福山市の役割分担\t神石高原町の役割分担
    ア 高度医療\t救急医療体制を充実する。\t救命救急センターを運営する。\t搬送体制を整える。
    """)
    assert [brief(r) for r in rows] == [
        (1, None, "ア", "産業振興", "地場産業の販路を拡大する。", "展示会を開催する。", "展示会に参加する。"),
        (2, None, "ア", "高度医療", "救急医療体制を充実する。", "救命救急センターを運営する。", "搬送体制を整える。"),
    ]
    assert not [w for w in warnings if "header" in w]


def test_numbered_policy_field_column_gives_section_number_and_title():
    rows, _ = rows_of("""
    別表
    分野\t連携施策\t取組内容\t甲の役割\t乙の役割
    1 経済成長のけん引\tア 産業振興\t企業誘致を進める。\t誘致活動を行う。\t情報を提供する。
    1 経済成長のけん引\tイ 観光振興\t観光客を誘致する。\t宣伝を行う。\t協力する。
    Ⅱ 都市機能の強化\tア 医療\t医療体制を確保する。\t病院を運営する。\t周知する。
    """)
    assert [(r.section_no, r.section_title, r.label, r.measure) for r in rows] == [
        (1, "経済成長のけん引", "ア", "産業振興"),
        (1, "経済成長のけん引", "イ", "観光振興"),
        (2, "都市機能の強化", "ア", "医療"),
    ]


def test_a_policy_field_cell_spans_the_rows_that_leave_theirs_empty():
    # the 分野 cell is printed once for its rows, as a merged cell; a row
    # broken over a line (観光情報を提供す / る。) is still one row
    rows, _ = rows_of("""
    別表
    政策分野\t連携する取組\t取組の内容\t甲の役割\t乙の役割
    1 圏域全体の経済成長のけん引\t(1) 地域産業の振興\t地場産業の販路を拡大する。\t事業を実施する。\t事業に協力する。
    \t(2) 観光振興\t広域観光を推進する。\t観光ルートを整備する。\t観光情報を提供す
    \t\t\t\tる。
    2 生活関連機能サービスの向上\t(1) 救急医療\t救急医療体制を確保する。\t体制を運営する。\t経費を負担する。
    \t(2) 公共交通\t路線バスを維持する。\t運行を支援する。\t運行を支援する。
    """)
    assert [(r.section_no, r.section_title, r.measure, r.role_b) for r in rows] == [
        (1, "圏域全体の経済成長のけん引", "地域産業の振興", "事業に協力する。"),
        (1, "圏域全体の経済成長のけん引", "観光振興", "観光情報を提供する。"),
        (2, "生活関連機能サービスの向上", "救急医療", "経費を負担する。"),
        (2, "生活関連機能サービスの向上", "公共交通", "運行を支援する。"),
    ]


def test_a_policy_column_between_the_field_and_the_measures_gives_their_subsection():
    """分野 | 施策 | 取組 | 取組内容: three levels in three columns, the
    施策 cell spanning its 取組 rows as the 分野 cell spans its 施策."""
    rows, _ = rows_of("""
    別表
    分野\t施策\t取組\t取組内容\t甲の役割\t乙の役割
    1 経済成長のけん引\t(1) 産業振興\tア 創業支援\t創業の相談に応じる。\t拠点を運営する。\t希望者を案内する。
    \t\tイ 企業誘致\t工業団地の情報を発信する。\t情報を集約する。\t情報を提供する。
    \t(2) 観光振興\tア 広域観光\t周遊ルートを造成する。\tルートを造成する。\t資源の情報を提供する。
    2 生活機能の強化\t(1) 医療\tア 救急医療\t救急医療体制を確保する。\t運営を支援する。\t経費を負担する。
    """)
    assert [(r.section_no, r.section_title, r.subsection_no, r.subsection_title, r.label, r.measure, r.content)
            for r in rows] == [
        (1, "経済成長のけん引", 1, "産業振興", "ア", "創業支援", "創業の相談に応じる。"),
        (1, "経済成長のけん引", 1, "産業振興", "イ", "企業誘致", "工業団地の情報を発信する。"),
        (1, "経済成長のけん引", 2, "観光振興", "ア", "広域観光", "周遊ルートを造成する。"),
        (2, "生活機能の強化", 1, "医療", "ア", "救急医療", "救急医療体制を確保する。"),
    ]


def test_labelled_keys_with_linked_measure_wording_under_each_field():
    """ア 連携する取組 / イ 甲の役割 / ウ 乙の役割 as keys under (1) 医療:
    the measure is 医療, 連携する取組 names the content."""
    rows, _ = rows_of("""
    別表(第1条関係)
    1 生活機能の強化に係る政策分野
    (1) 医療
     ア 連携する取組
      地域医療体制を充実させる。
     イ 甲の役割
      休日診療所を運営する。
     ウ 乙の役割
      甲の取組に協力する。
    (2) 福祉
     ア 連携する具体的な取組
      子育て支援を充実させる。
     イ 甲の役割
      病児保育を実施する。
     ウ 乙の役割
      住民に周知する。
    """)
    assert [brief(r) for r in rows] == [
        (1, None, "1", "医療", "地域医療体制を充実させる。", "休日診療所を運営する。", "甲の取組に協力する。"),
        (1, None, "2", "福祉", "子育て支援を充実させる。", "病児保育を実施する。", "住民に周知する。"),
    ]


def test_keys_numbered_with_circled_digits_under_each_measure():
    """① 取組の内容 / ② 甲の役割 / ③ 乙の役割 (1 取組の内容 … after NFKC)
    number the keys as ア イ ウ do; the block gave no rows."""
    rows, _ = rows_of("""
    別表(第1条関係)
    1 生活機能の強化に係る政策分野
    (1) 医療
     ① 取組の内容
      休日夜間診療所の運営を共同で行う。
     ② 甲の役割
      休日夜間診療所を運営する。
     ③ 乙の役割
      運営に要する経費の一部を負担する。
    (2) 教育
     ① 取組の内容
      図書館の相互利用を推進する。
     ② 甲の役割
      相互利用の調整を行う。
     ③ 乙の役割
      住民への周知を行う。
    """)
    assert [brief(r) for r in rows] == [
        (1, None, "1", "医療", "休日夜間診療所の運営を共同で行う。", "休日夜間診療所を運営する。",
         "運営に要する経費の一部を負担する。"),
        (1, None, "2", "教育", "図書館の相互利用を推進する。", "相互利用の調整を行う。", "住民への周知を行う。"),
    ]


def test_a_grid_without_content_column_has_complete_rows_but_a_missing_cell_is_reported():
    rows, warnings = rows_of("""
    別表(第1条関係)
    連携する取組\t甲の役割\t乙の役割
    1 圏域全体の経済成長のけん引
    ア 企業誘致\t誘致活動を行う。\t用地情報を提供する。
    イ 観光振興\t観光ルートを企画する。\t
    """)
    assert [brief(r) for r in rows] == [
        (1, None, "ア", "企業誘致", "", "誘致活動を行う。", "用地情報を提供する。"),
        (1, None, "イ", "観光振興", "", "観光ルートを企画する。", ""),
    ]
    assert [w for w in warnings if "cells" in w] == ["row 2 has 2 of 3 cells (line 12)"]  # 別表 is line 8


def test_a_two_column_item_and_value_table_where_a_measure_key_opens_each_row():
    rows, warnings = rows_of("""
    別表(第1条関係)
    1 経済成長のけん引
    連携施策\t産業振興
    取組内容\t企業誘致を進める。
    甲の役割\t誘致活動を行う。
    乙の役割\t情報を提供する。
    施策名：観光振興
    取組内容：観光客を誘致する。
    甲の役割：宣伝を行う。
    乙の役割：協力する。
    """)
    assert [brief(r) for r in rows] == [
        (1, None, "", "産業振興", "企業誘致を進める。", "誘致活動を行う。", "情報を提供する。"),
        (1, None, "", "観光振興", "観光客を誘致する。", "宣伝を行う。", "協力する。"),
    ]
    assert rows[0].section_title == "経済成長のけん引" and not warnings


def test_a_space_aligned_grid_gives_the_same_rows_as_a_tab_separated_one():
    rows, warnings = rows_of("""
    別表(第1条関係)
    連携施策          取組内容                甲の役割            乙の役割
    Ⅰ 経済成長のけん引
    ア 産業振興       企業誘致を進め、        誘致活動を行う。    情報を提供する。
                      雇用を創出する。
    Ⅱ 都市機能の強化
    ア 医療           医療体制を確保する。    病院を運営する。    住民に周知する。
    """)
    assert [brief(r) for r in rows] == [
        (1, None, "ア", "産業振興", "企業誘致を進め、雇用を創出する。", "誘致活動を行う。", "情報を提供する。"),
        (2, None, "ア", "医療", "医療体制を確保する。", "病院を運営する。", "住民に周知する。"),
    ]
    assert not warnings


def test_an_appendix_called_besshi_or_bekki_is_read_like_beppyo():
    for word in ("別紙", "別記"):
        rows, _ = rows_of(f"""
        {word}
        1 生活機能の強化に係る政策分野
        連携施策\t取組内容\t甲の役割\t乙の役割
        ア 医療\t救急医療を確保する。\t病院を運営する。\t周知する。
        """)
        assert [brief(r) for r in rows] == [(1, None, "ア", "医療", "救急医療を確保する。", "病院を運営する。", "周知する。")]
        assert rows[0].section_title == "生活機能の強化に係る政策分野"


def test_a_third_party_role_column_or_key_goes_to_role_c_not_into_role_b():
    segs = segments_of("""
    連携協約書
    熊本市(以下「甲」という。)、合志市(以下「乙」という。)及び菊陽町(以下「丙」という。)は、次のとおり締結する。
    第1条 甲、乙及び丙は、別表に掲げる取組を行う。
    別表(第1条関係)
    連携施策\t取組内容\t甲の役割\t乙の役割\t丙の役割
    ア 産業振興\t企業誘致を進める。\t誘致活動を行う。\t情報を提供する。\t用地を紹介する。
    イ 観光振興
    取組内容\t観光客を誘致する。
    甲の役割\t宣伝を行う。
    乙の役割\t案内する。
    丙の役割\t協力する。
    """)
    rows, warnings = extract_appendix(segs, extract_parties(segs))
    assert [(r.measure, r.content, r.role_a, r.role_b, r.role_c) for r in rows] == [
        ("産業振興", "企業誘致を進める。", "誘致活動を行う。", "情報を提供する。", "用地を紹介する。"),
        ("観光振興", "観光客を誘致する。", "宣伝を行う。", "案内する。", "協力する。"),
    ]
    assert not warnings


def test_a_fourth_party_role_column_is_left_out_with_a_warning_not_run_into_role_b():
    # the schema has fields up to 丙: 丁's column, by mark or by the fourth
    # town's name, must not be appended to 乙's role
    segs = segments_of("""
    連携協約書
    八代市(以下「甲」という。)、氷川町(以下「乙」という。)、芦北町(以下「丙」という。)及び津奈木町(以下「丁」という。)は、次のとおり締結する。
    第1条 甲、乙、丙及び丁は、別表に掲げる取組を行う。
    別表(第1条関係)
    1 経済成長のけん引
    連携施策\t取組内容\t甲の役割\t乙の役割\t丙の役割\t丁の役割
    ア 観光振興\t周遊観光を推進する。\t情報発信を担う。\t氷川町の資源を磨く。\t芦北町の資源を磨く。\t津奈木町の資源を磨く。
    2 都市機能の強化
    連携施策\t取組内容\t八代市の役割\t氷川町の役割\t芦北町の役割\t津奈木町の役割
    ア 医療\t救急医療を確保する。\t病院を運営する。\t周知する。\t協力する。\t支援する。
    """)
    rows, warnings = extract_appendix(segs, extract_parties(segs))
    assert [(r.measure, r.role_a, r.role_b, r.role_c) for r in rows] == [
        ("観光振興", "情報発信を担う。", "氷川町の資源を磨く。", "芦北町の資源を磨く。"),
        ("医療", "病院を運営する。", "周知する。", "協力する。"),
    ]
    assert [w.split(": ", 1)[1].split(" is ")[0] for w in warnings] == ["column 丁の役割"]  # once per layout


def test_role_columns_headed_by_the_party_alone():
    rows, _ = rows_of("""
    別表(第1条関係)
    1 経済成長のけん引
    取組\t取組内容\t福山市\t神石高原町
    ア 観光の振興\t広域観光を推進する。\t観光情報を発信する。\t観光資源を磨く。
    2 都市機能の強化
    取組\t取組内容\t甲(福山市)\t乙(神石高原町)
    ア 医療\t救急医療を確保する。\t救急病院を支援する。\t住民に周知する。
    3 マネジメント能力の強化
    取組\t取組内容\t中心市\t連携町
    ア 人材育成\t合同研修を行う。\t研修を企画する。\t職員を派遣する。
    """)
    assert [brief(r) for r in rows] == [
        (1, None, "ア", "観光の振興", "広域観光を推進する。", "観光情報を発信する。", "観光資源を磨く。"),
        (2, None, "ア", "医療", "救急医療を確保する。", "救急病院を支援する。", "住民に周知する。"),
        (3, None, "ア", "人材育成", "合同研修を行う。", "研修を企画する。", "職員を派遣する。"),
    ]


def test_key_value_blocks_keyed_as_torikumi_jikou_and_yakuwari_buntan_of_each_party():
    rows, _ = rows_of("""
    別紙
    【分野1】観光
    取組事項:広域観光の推進
    具体的な取組内容:両市の観光資源を結ぶ周遊ルートを造成する。
    役割分担(甲):周遊ルートの企画を行う。
    役割分担(乙):観光資源の情報を提供する。
    【分野2】防災
    取組事項:相互応援体制の構築
    具体的な取組内容:災害時に職員の派遣等を行う。
    役割分担(甲):応援要請の窓口を設置する。
    役割分担(乙):応援要請の窓口を設置する。
    """)
    assert [brief(r) for r in rows] == [
        (1, None, "", "広域観光の推進", "両市の観光資源を結ぶ周遊ルートを造成する。", "周遊ルートの企画を行う。",
         "観光資源の情報を提供する。"),
        (2, None, "", "相互応援体制の構築", "災害時に職員の派遣等を行う。", "応援要請の窓口を設置する。",
         "応援要請の窓口を設置する。"),
    ]
    assert [r.section_title for r in rows] == ["観光", "防災"]


def test_a_section_row_spanning_the_grid_is_a_section_heading():
    rows, _ = rows_of("""
    別表(第1条関係)
    連携する取組\t取組の内容\t甲の役割\t乙の役割
    1 圏域全体の経済成長のけん引\t1 圏域全体の経済成長のけん引\t1 圏域全体の経済成長のけん引\t1 圏域全体の経済成長のけん引
    ア 産業振興\t地場産業の振興を図る。\t産業振興を主導する。\t甲と連携する。
    イ 観光振興\t広域観光を推進する。\t観光情報を発信する。\t観光資源を磨く。
    2 高次の都市機能の集積・強化\t\t\t
    ア 高度医療\t高度医療体制を整備する。\t救命救急センターを運営する。\t甲と連携する。
    """)
    assert [brief(r) for r in rows] == [
        (1, None, "ア", "産業振興", "地場産業の振興を図る。", "産業振興を主導する。", "甲と連携する。"),
        (1, None, "イ", "観光振興", "広域観光を推進する。", "観光情報を発信する。", "観光資源を磨く。"),
        (2, None, "ア", "高度医療", "高度医療体制を整備する。", "救命救急センターを運営する。", "甲と連携する。"),
    ]
    assert [r.section_title for r in rows] == ["圏域全体の経済成長のけん引"] * 2 + ["高次の都市機能の集積・強化"]


def test_grid_measures_numbered_1_2_carry_the_number_as_their_label():
    """別表第1 / 別表第2 of a 定住自立圏 協定 number their measures 1, 2 in the
    first cell (１　医療); a number that belongs to the name (3次救急医療)
    is no label."""
    rows, _ = rows_of("""
    別表第1(第1条関係) 生活機能の強化に係る政策分野
    取組\t取組の内容\t甲の役割\t乙の役割
    1 医療\t救急医療体制を維持する。\t二次救急医療を担う。\t初期救急医療を担う。
    2. 福祉\t相談支援を行う。\t相談窓口を設置する。\t住民へ周知する。
    3次救急医療\t高度医療を提供する。\t救命救急センターを運営する。\t搬送に協力する。
    別表第2(第1条関係) 結びつきやネットワークの強化に係る政策分野
    取組\t甲の役割\t乙の役割
    1 地域公共交通\t運行経費を負担する。\t利用を促進する。
    """)
    assert [(r.section_no, r.label, r.measure, r.content, r.role_a, r.role_b) for r in rows] == [
        (1, "1", "医療", "救急医療体制を維持する。", "二次救急医療を担う。", "初期救急医療を担う。"),
        (1, "2", "福祉", "相談支援を行う。", "相談窓口を設置する。", "住民へ周知する。"),
        (1, "", "3次救急医療", "高度医療を提供する。", "救命救急センターを運営する。", "搬送に協力する。"),
        (2, "1", "地域公共交通", "", "運行経費を負担する。", "利用を促進する。"),
    ]


# pdftotext without -layout (and copies from PDF viewers) put every cell of
# a 別表 on a line of its own: header cells, then each row's cells in order.
LINEARIZED = """
    別表(第1条関係)
    連携施策
    取組内容
    甲の役割
    乙の役割
    1 圏域全体の経済成長のけん引
    ア 高度な医療サービ
    スの提供体制の構築
    高度な医療サービスを圏域の
    住民が受けられる体制を整え
    る。
    拠点病院の機能の充実を
    図る。
    拠点病院との連携を図
    る。
    イ 広域的な公共交
    通網の維持・確保
    路線バスの運行を維持する。
    運行を支援する。
    利用を促進する。
    2 圏域全体の生活関連機能サービスの向上
    連携施策
    取組内容
    甲の役割
    乙の役割
    ア 子育て支援
    病児保育の相互利用を進め
    る。
    施設を提供する。
    住民への周知を行う。
    附 則
    この協約は、令和2年4月1日から施行する。
"""


def test_a_grid_given_one_cell_per_line_is_rebuilt_into_its_rows():
    """Sentence cells end with 。; a measure's wrapped rest (スの提供体制の構築)
    is shorter than the content column, whose wrapped lines fill it."""
    rows, warnings = rows_of(LINEARIZED)
    assert [brief(r) for r in rows] == [
        (1, None, "ア", "高度な医療サービスの提供体制の構築", "高度な医療サービスを圏域の住民が受けられる体制を整える。",
         "拠点病院の機能の充実を図る。", "拠点病院との連携を図る。"),
        (1, None, "イ", "広域的な公共交通網の維持・確保", "路線バスの運行を維持する。", "運行を支援する。", "利用を促進する。"),
        (2, None, "ア", "子育て支援", "病児保育の相互利用を進める。", "施設を提供する。", "住民への周知を行う。"),
    ]
    assert rows[0].section_title == "圏域全体の経済成長のけん引"
    assert rows[0].span.lines_label == "14-22"  # all the lines of its cells
    assert warnings == []


def test_one_cell_per_line_rows_that_cannot_be_told_apart_are_left_out_with_a_warning():
    """A cell without 。 (情報発信) and a cell of two sentences broken at
    its line end leave too few or too many lines ending a cell: those rows
    are dropped, the rows around them kept, and the document is partial."""
    appendix = """
    別表(第1条関係)
    連携施策
    取組内容
    甲の役割
    乙の役割
    ア 産業振興
    中小企業の経営力強化に取り組む。
    支援の体制を整える。
    事業者への支援を行う。
    イ 観光振興
    周遊ルートを整備する。
    情報発信
    観光資源を磨き上げる。
    ウ 子育て
    病児保育を進める。
    施設を提供する。
    また、職員を派遣する。
    周知を行う。
    エ 地域公共交通
    路線バスを維持する。
    運行を支援する。
    利用を促進する。
    """
    rows, warnings = rows_of(appendix)
    assert [(r.label, r.measure, r.role_b) for r in rows] == [
        ("ア", "産業振興", "事業者への支援を行う。"), ("エ", "地域公共交通", "利用を促進する。")]
    assert len(warnings) == 2 and all("could not be told apart" in w for w in warnings)
    assert document_of(PREAMBLE + appendix).status == "partial"


def test_one_cell_per_line_rows_with_a_remarks_column_end_with_their_note():
    """備考 (or 摘要) last in a header given one cell per line: each row's
    note is what follows its sentence cells up to the next label (over two
    lines, a sentence, or nothing); with blank lines parting the cells and
    no labels, a block after the roles is the note when the block after it
    ends no sentence (a measure, whose content follows), else the note is
    empty and that block the next measure."""
    rows, warnings = rows_of("""
    別表(第1条関係)
    連携施策
    取組の内容
    甲の役割
    乙の役割
    摘要
    1 経済成長のけん引
    ア 企業誘致の推進
    圏域への企業の立地を促進するため、共同で誘致
    活動を行う。
    誘致活動を総括する。
    用地情報を提供する。
    令和4年度から
    実施
    イ 観光の振興
    広域観光ルートを造成し、情報発信を行う。
    ルートの企画を行う。
    観光資源の情報を提供する。
    2 生活関連機能サービスの向上
    ア 救急医療体制の確保
    休日及び夜間の救急医療体制を確保する。
    救急医療センターを運営する。
    運営費の一部を負担する。
    県の補助事業を活用する。
    """)
    assert [(r.section_no, r.label, r.measure, r.role_b, r.note) for r in rows] == [
        (1, "ア", "企業誘致の推進", "用地情報を提供する。", "令和4年度から実施"),
        (1, "イ", "観光の振興", "観光資源の情報を提供する。", ""),
        (2, "ア", "救急医療体制の確保", "運営費の一部を負担する。", "県の補助事業を活用する。"),
    ]
    assert rows[0].content == "圏域への企業の立地を促進するため、共同で誘致活動を行う。"
    assert warnings == []
    rows, warnings = rows_of("""
    別表(第1条関係)

    連携施策

    取組の内容

    甲の役割

    乙の役割

    備考

    企業誘致の推進

    圏域への企業の立地を促進するため、共同で誘致
    活動を行う。

    誘致活動を総括する。

    用地情報を提供する。

    観光の振興

    広域観光ルートを造成し、情報発信を行う。

    ルートの企画を行う。

    観光資源の情報を提供する。

    県の補助事業を活用
    する。

    移住の促進

    移住相談会を共同で開催する。

    相談会を企画する。

    空き家の情報を提供する。

    －
    """)
    assert [(r.measure, r.content, r.role_a, r.note) for r in rows] == [
        ("企業誘致の推進", "圏域への企業の立地を促進するため、共同で誘致活動を行う。", "誘致活動を総括する。", ""),
        ("観光の振興", "広域観光ルートを造成し、情報発信を行う。", "ルートの企画を行う。", "県の補助事業を活用する。"),
        ("移住の促進", "移住相談会を共同で開催する。", "相談会を企画する。", ""),
    ]
    assert warnings == []


def test_one_cell_per_line_grids_of_contents_and_roles_under_measure_titles():
    """pdftotext without -layout of measures titled above their own grids
    (取組の内容 / 甲の役割 / 乙の役割, one cell per line): the rows are the
    sentences in threes, each titled by the name above its header."""
    rows, warnings = rows_of("""
    別表(第1条関係)
    1 経済成長のけん引
    ア 企業誘致の推進
    取組の内容
    甲の役割
    乙の役割
    圏域への企業の立地を促進するため、共同で誘致
    活動を行う。
    誘致活動を総括する。
    用地情報を提供する。
    企業向けの合同説明会を開催する。
    説明会を主催する。
    説明会に参加する。
    観光の振興
    取組の内容
    甲の役割
    乙の役割
    広域観光ルートを造成し、情報発信を行う。
    ルートの企画を行う。
    観光資源の情報を提
    供する。
    """)
    assert [(r.section_no, r.label, r.measure, r.content, r.role_a, r.role_b) for r in rows] == [
        (1, "ア", "企業誘致の推進", "圏域への企業の立地を促進するため、共同で誘致活動を行う。", "誘致活動を総括する。", "用地情報を提供する。"),
        (1, "ア", "企業誘致の推進", "企業向けの合同説明会を開催する。", "説明会を主催する。", "説明会に参加する。"),
        (1, "", "観光の振興", "広域観光ルートを造成し、情報発信を行う。", "ルートの企画を行う。", "観光資源の情報を提供する。"),
    ]
    assert warnings == []


def test_one_cell_per_line_rows_without_labels_are_all_left_out_after_a_failure():
    """Without labels nothing shows where the next row starts once one went
    wrong: the table's rows are all dropped rather than shifted."""
    clean = """
    別表(第1条関係)
    取組
    甲の役割
    乙の役割
    産業振興
    支援の体制を整える。
    事業者への支援を行う。
    観光振興
    情報発信を行う。
    観光資源を磨き上げる。
    """
    rows, warnings = rows_of(clean)
    assert [(r.label, r.measure, r.role_a, r.role_b) for r in rows] == [
        ("", "産業振興", "支援の体制を整える。", "事業者への支援を行う。"),
        ("", "観光振興", "情報発信を行う。", "観光資源を磨き上げる。")]
    assert warnings == []
    rows, warnings = rows_of(clean.replace("情報発信を行う。", "情報発信"))
    assert rows == [] and any("all left out" in w for w in warnings)


# raw/000 printed and read by pdftotext without -layout: blank lines part the
# cells; a row whose cells share baselines comes side by side on single
# spaces, another out of order (乙の役割 before 取組内容, 甲の役割 after them).
PDFTOTEXT_BLOCKS = """
別表(第3条関係)
1 圏域全体の経済成長のけん引
連携施策

取組内容

甲の役割

乙の役割

産学官民一体となった
圏域の経済成長等の推
進体制の整備

産学官民一体となった圏域の経
済成長等を図るため、ビジョン
懇談会を開催し、連携中枢都市
圏ビジョンの策定、進捗管理等
に取り組む。

産学官民一体となった圏
域の経済成長等の推進体
制の整備について、圏域
の中心的な役割を担うと
ともに圏域内市町と連携
して取り組む。

連携中枢都市圏ビジョン
の推進について甲と連携
して取り組む。

産業クラスターの形成、 産業クラスターの形成、イノベー 産業クラスターの形成、
イノベーションの実現、 ションの実現、新規創業の促進 イノベーションの実現、
した戦略産業の育成
企業支援、雇用の確保等、各種 戦略産業の育成に向け、
連携事業に取り組む。
各種連携事業について圏
域の中心的な役割を担う
とともに圏域内市町と連
携して取り組む。

各種連携事業について、
甲と連携して取り組む。

地域資源を活用した地
域経済の裾野拡大

各種連携事業について、
甲と連携して取り組む。

地域資源を活用した地域経済の
裾野拡大を図るため、販路拡大
の推進等、各種連携事業に取り
組む。

地域資源を活用した地域
経済の裾野拡大に向け、
各種連携事業について圏
域の中心的な役割を担う
とともに圏域内市町と連
携して取り組む。

その他の圏域全体の経
済成長のけん引に係る
施策

圏域全体の経済成長のけん引に
係る施策の促進を図るための新
たな施策の検討に取り組む。

圏域全体の経済成長のけ
ん引に係る施策の促進に
向けた新たな施策の検討
について圏域の中心的な
役割を担うとともに圏域
内市町と連携して取り組
む。

新たな施策の検討につい
て、甲と連携して取り組
む。
"""


def test_unlabelled_rows_parted_by_blank_lines_are_found_again_after_one_that_fails():
    """Blank lines show where a measure starts again (a run not ending with
    。); the side-by-side row and the one whose 乙の役割 stands where the
    取組内容 belongs (too narrow for that column) are left out with warnings."""
    rows, warnings = rows_of(PDFTOTEXT_BLOCKS)
    assert [(r.measure, r.content[:10], r.role_b) for r in rows] == [
        ("産学官民一体となった圏域の経済成長等の推進体制の整備", "産学官民一体となった",
         "連携中枢都市圏ビジョンの推進について甲と連携して取り組む。"),
        ("その他の圏域全体の経済成長のけん引に係る施策", "圏域全体の経済成長の", "新たな施策の検討について、甲と連携して取り組む。")]
    assert len(warnings) >= 2 and any("not as wide as their columns" in w for w in warnings)


def test_a_cell_of_two_paragraphs_that_word_broke_the_row_at_is_one_cell():
    """Word's plain text gives a table one TAB line per row, but breaks the
    row where a cell holds a second paragraph; the rest of the row opens
    with that paragraph. A 分野 merged over two rows is repeated or empty."""
    rows, warnings = rows_of("""
    別表(第1条関係)
    分野\t連携施策\t取組内容\t甲の役割\t乙の役割
    産業\tア 産業振興\t中小企業の経営力強化に取り組む。
    創業を支援する。\t支援の体制を整える。\t事業者への支援を行う。
    産業\tイ 観光振興\t周遊ルートを整備する。\t情報発信を行う。
    観光案内所を運営する。
    案内板を整備する。\t観光資源を磨き上げる。
    医療\tウ 地域医療\t救急医療体制を維持する。\t運営を担う。\t普及啓発を行う。
    \tエ 子育て支援\t病児保育を進める。\t施設を提供する。\t周知を行う。
    """)
    assert [(r.section_title, r.label, r.measure, r.content, r.role_a, r.role_b) for r in rows] == [
        ("産業", "ア", "産業振興", "中小企業の経営力強化に取り組む。創業を支援する。", "支援の体制を整える。",
         "事業者への支援を行う。"),
        ("産業", "イ", "観光振興", "周遊ルートを整備する。", "情報発信を行う。観光案内所を運営する。案内板を整備する。",
         "観光資源を磨き上げる。"),
        ("医療", "ウ", "地域医療", "救急医療体制を維持する。", "運営を担う。", "普及啓発を行う。"),
        ("医療", "エ", "子育て支援", "病児保育を進める。", "施設を提供する。", "周知を行う。"),
    ]
    assert warnings == []
    assert rows[1].span.lines_label == "12-14"


def test_an_overview_table_kept_as_cells_gives_a_row_per_line():
    """An overview's 施策 | 取組内容 | 関係市町 table: the last cell names
    towns without 。, which must not run the next row into this one."""
    doc = document_of("""
    岡山連携中枢都市圏形成に係る連携協約の概要
    1 連携する取組
    連携施策\t取組内容\t関係市町
    産業振興\t中小企業の経営力強化に取り組む。\t岡山市、玉野市
    観光振興\t周遊ルートを整備し、\t岡山市
    \t誘客を図る。
    """)
    assert doc.doc_type == "overview"
    assert [(r.measure, r.content, r.role_a) for r in doc.appendix] == [
        ("産業振興", "中小企業の経営力強化に取り組む。", ""), ("観光振興", "周遊ルートを整備し、誘客を図る。", "")]


# -- layouts probed by corpus documents 16-19 ---------------------------------
def test_ministry_model_keys_standing_over_their_values_under_every_measure():
    # 【取組の内容】 / 【甲の役割】 recur under each measure: key labels, not running headers
    rows, _ = rows_of("""
    別表(第1条関係)
    1 生活機能の強化に係る政策分野
    (1) 医療
    ア 救急医療体制の確保
    【取組の内容】
    休日夜間診療所の運営を維持する。
    【甲の役割】
    診療所を運営する。
    【乙の役割】
    経費の一部を負担する。
    イ 在宅医療の推進
    【取組の内容】
    在宅医療の体制を構築する。
    【甲の役割】
    拠点を設置する。
    【乙の役割】
    拠点と連携する。
    (2) 福祉
    ア 子育て支援
    【取組の内容】
    保育所を相互に利用する。
    【甲の役割】
    利用を調整する。
    【乙の役割】
    住民に周知する。
    """)
    assert [brief(r) for r in rows] == [
        (1, 1, "ア", "救急医療体制の確保", "休日夜間診療所の運営を維持する。", "診療所を運営する。", "経費の一部を負担する。"),
        (1, 1, "イ", "在宅医療の推進", "在宅医療の体制を構築する。", "拠点を設置する。", "拠点と連携する。"),
        (1, 2, "ア", "子育て支援", "保育所を相互に利用する。", "利用を調整する。", "住民に周知する。"),
    ]


def test_a_value_listing_bullet_items_keeps_every_item():
    rows, _ = rows_of("""
    別表
    ア 在宅医療の推進
    【取組の内容】
    ・ 在宅医療の体制を構築する。
    ・ 情報共有に参加する。
    【甲の役割】 拠点を設置する。
    【乙の役割】 拠点と連携する。
    ・ 乙の後の測定
    【取組の内容】 測定する。
    """)
    assert [(r.measure, r.content.replace(" ", ""), r.role_b) for r in rows] == [
        ("在宅医療の推進", "・在宅医療の体制を構築する。・情報共有に参加する。", "拠点と連携する。"),
        ("・ 乙の後の測定", "測定する。", ""),  # a role that opens no list is not continued by a bullet line
    ]


def test_a_key_naming_both_parties_gives_each_the_value():
    rows, _ = rows_of("""
    別表
    ア 病児保育の広域利用
    【取組の内容】 病児保育を相互に利用する。
    【甲及び乙の役割】
    相互利用の調整を行う。
    イ 図書館の相互利用
    取組内容: 図書館を相互に利用する。
    甲・乙の役割: 住民に周知する。
    """)
    assert [(r.measure, r.role_a, r.role_b) for r in rows] == [
        ("病児保育の広域利用", "相互利用の調整を行う。", "相互利用の調整を行う。"),
        ("図書館の相互利用", "住民に周知する。", "住民に周知する。"),
    ]


def test_a_key_naming_two_of_three_parties_gives_each_of_them_the_value():
    segs = segments_of("""
    伊那市、箕輪町及び南箕輪村の定住自立圏形成協定
    伊那市(以下「甲」という。)、箕輪町(以下「乙」という。)及び南箕輪村(以下「丙」という。)は、次のとおり協定を締結する。
    第1条 取組及び役割分担は、別表のとおりとする。
    令和4年4月1日
    別表
    ア 広域路線バスの運行
    【取組の内容】 広域路線バスを運行する。
    【甲の役割】 運行事業者と協議する。
    【乙及び丙の役割】
    運行費用の一部を負担する。
    イ 消費生活相談
    取組内容: 相談窓口を共同で設ける。
    乙の役割: 町民に周知する。
    甲・丙の役割: 相談員を置く。
    """)
    rows, _ = extract_appendix(segs, extract_parties(segs))
    assert [(r.measure, r.role_a, r.role_b, r.role_c) for r in rows] == [
        ("広域路線バスの運行", "運行事業者と協議する。", "運行費用の一部を負担する。", "運行費用の一部を負担する。"),
        ("消費生活相談", "相談員を置く。", "町民に周知する。", "相談員を置く。"),
    ]


def test_box_drawn_grid_whose_rows_are_ruled_off_gives_one_row_per_ruled_row():
    # the measure wraps while the other cells finish on the first line
    rows, _ = rows_of("""
    別表
    +------------------+----------------------+------------------+------------------+
    | 連携施策         | 取組内容             | 甲の役割         | 乙の役割         |
    +==================+======================+==================+==================+
    | (a) 農林水産物の | 販路拡大に取り組む。 | 商談会を開く。   | 出展者を募る。   |
    | ブランド化       |                      |                  |                  |
    +------------------+----------------------+------------------+------------------+
    | (b) 創業支援     | 創業を支援する。     | 窓口を設ける。   | 周知する。       |
    +------------------+----------------------+------------------+------------------+
    """)
    assert [brief(r) for r in rows] == [
        (None, None, "a", "農林水産物のブランド化", "販路拡大に取り組む。", "商談会を開く。", "出展者を募る。"),
        (None, None, "b", "創業支援", "創業を支援する。", "窓口を設ける。", "周知する。"),
    ]


def test_box_drawn_grid_with_a_two_line_header_and_numbered_labels():
    # cells are told apart by the borders, not by where the (misaligned) text stands
    rows, _ = rows_of("""
    別表第1 圏域全体の経済成長のけん引(第1条関係)
    ┌──────┬──────────┬───────────────┐
    │連携する取組│取組の内容          │役割分担                      │
    │            │                    ├───────┬───────┤
    │            │                    │甲            │乙            │
    ├──────┼──────────┼───────┼───────┤
    │1-1 産業    │中小企業の販路開拓を│支援制度を運用│甲と連携し、周│
    │の振興      │支援する。          │する。        │知する。      │
    ├──────┼──────────┼───────┼───────┤
    │1-2 観光の振興│周遊ルートを設定する。│情報を発信する。│同左│
    └──────┴──────────┴───────┴───────┘
    別表第2 高次の都市機能の集積・強化(第1条関係)
    ┌──────┬──────────┬───────┬───────┐
    │連携する取組│取組の内容│甲の役割│乙の役割│
    ├──────┼──────────┼───────┼───────┤
    │2-1 医療│救命救急センターを支援する。│センターを支援する。│－│
    └──────┴──────────┴───────┴───────┘
    """)
    assert [brief(r) for r in rows] == [
        (1, None, "1-1", "産業の振興", "中小企業の販路開拓を支援する。", "支援制度を運用する。", "甲と連携し、周知する。"),
        (1, None, "1-2", "観光の振興", "周遊ルートを設定する。", "情報を発信する。", "情報を発信する。"),
        (2, None, "2-1", "医療", "救命救急センターを支援する。", "センターを支援する。", ""),
    ]
    assert rows[0].section_title == "圏域全体の経済成長のけん引"  # (第1条関係) after the title is no part of it


def test_placeholder_cells_same_as_left_same_as_above_and_dashes():
    rows, _ = rows_of("""
    別表
    連携施策\t取組内容\t甲の役割\t乙の役割
    ア 観光\t観光を振興する。\t宣伝する。\t同左
    イ 物産\t物産展を開く。\t開催する。\t同上
    ウ 医療\t医療を確保する。\t病院を運営する。\t―
    """)
    assert [(r.role_a, r.role_b) for r in rows] == [
        ("宣伝する。", "宣伝する。"), ("開催する。", "宣伝する。"), ("病院を運営する。", "")]


def test_a_row_after_a_section_heading_never_continues_the_row_above_it():
    rows, _ = rows_of("""
    別表
    第1 経済成長
    連携施策\t取組内容\t甲の役割\t乙の役割
    産業振興\t企業を誘致する。\t誘致する。\t協力する。
    観光\t観光を振興する。\t宣伝する。\t同左
    第2 都市機能
    連携施策\t取組内容\t甲の役割\t乙の役割
    医療\t医療を確保する。\t運営する。\t協力する。
    """)
    assert [(r.section_no, r.measure) for r in rows] == [(1, "産業振興"), (1, "観光"), (2, "医療")]


def test_sections_numbered_in_lower_case_roman_from_i():
    rows, _ = rows_of("""
    別表
    I 経済成長
    i 産業振興
    連携施策\t取組内容\t甲の役割\t乙の役割
    (a) 創業支援\t創業を支援する。\t窓口を設ける。\t周知する。
    ii 観光
    連携施策\t取組内容\t甲の役割\t乙の役割
    (a) 観光振興\t観光を振興する。\t宣伝する。\t協力する。
    """)
    assert [(r.section_no, r.subsection_no, r.subsection_title, r.label) for r in rows] == [
        (1, 1, "産業振興", "a"), (1, 2, "観光", "a")]


def test_space_aligned_grid_with_a_two_line_header():
    # pdftotext -layout of a header whose 役割分担 cell spans 甲 and 乙
    rows, _ = rows_of("""
    別表
    連携する取組        取組の内容                    役割分担
                                                      甲                        乙
    a. 企業誘致         企業誘致活動を行う。          中心的な役割を担う。      甲と連携する。
    b. 物産展           物産展を開催する。            物産展を企画する。        出展を促す。
    """)
    assert [brief(r) for r in rows] == [
        (None, None, "a", "企業誘致", "企業誘致活動を行う。", "中心的な役割を担う。", "甲と連携する。"),
        (None, None, "b", "物産展", "物産展を開催する。", "物産展を企画する。", "出展を促す。"),
    ]


def test_a_row_broken_at_a_page_beside_a_spanning_field_cell_keeps_the_field_once():
    """A converter breaks a row at a page into two <tr>; the 分野 cell's
    rowspan covers both, so HTML gives it on the continuation too: the same
    cell seen again, not more of its text."""
    rows, _ = rows_of("""
    別表(第1条関係)
    分野\t連携する取組\t取組の内容\t甲の役割\t乙の役割
    1 経済成長のけん引\tア 地域産業の振興\t技術力の向上を図るため、\t窓口を運営するとともに、\t周知を行う。
    1 経済成長のけん引\t\t研究開発を支援する。\t助成を行う。\t
    1 経済成長のけん引\tイ 森林資源の活用\t木材の利用を促進する。\t普及啓発を行う。\t木材を供給する。
    """)
    assert [(r.section_no, r.section_title, r.label, r.measure, r.content, r.role_a, r.role_b) for r in rows] == [
        (1, "経済成長のけん引", "ア", "地域産業の振興", "技術力の向上を図るため、研究開発を支援する。",
         "窓口を運営するとともに、助成を行う。", "周知を行う。"),
        (1, "経済成長のけん引", "イ", "森林資源の活用", "木材の利用を促進する。", "普及啓発を行う。", "木材を供給する。")]


def test_of_towns_sharing_one_role_the_first_fills_role_b_and_the_others_role_b_others():
    # 乙 is four towns; their columns must not be run together into role_b:
    # role_b is party_b's (the first 乙 town's) column, and the others' text
    # is kept beside it, each after its town
    segs = segments_of("""
    定住自立圏形成協定書
    帯広市(以下「甲」という。)と、音更町、芽室町及び池田町(以下これらを「乙」という。)は、次のとおり締結する。
    第1条 甲及び乙は、別表に掲げる取組を行う。
    別表(第1条関係)
    1 圏域マネジメント能力の強化
    取組\t取組の内容\t帯広市\t音更町\t芽室町\t池田町
    (1) 人材育成\t合同研修を行う。\t企画する。\t会場を提供する。\t参加する。\t参加する。
    """)
    rows, warnings = extract_appendix(segs, extract_parties(segs))
    assert [(r.measure, r.role_a, r.role_b, r.role_c) for r in rows] == [("人材育成", "企画する。", "会場を提供する。", "")]
    assert rows[0].role_b_others == "芽室町:参加する。 池田町:参加する。"
    assert not warnings


NUMBERED_OTSU_HEAD = """
    連携協約書
    山形市(以下「甲」という。)、上山市(以下「乙1」という。)及び天童市(以下「乙2」という。)は、次のとおり締結する。
    第1条 甲及び乙は、別表に掲げる取組を行う。
    別表(第1条関係)
    1 経済成長のけん引
"""


def test_roles_keyed_by_numbered_otsu_are_the_towns_defined_so():
    # 乙1の役割 / 乙2の役割, as keys or as columns: 乙1 is party_b (role_b),
    # 乙2 the town defined as 乙2 (role_b_others, by its name)
    for body in ("""
    (1) 産業の振興
    取組の内容:相談体制を整える。
    甲の役割:相談窓口を設置する。
    乙1の役割:相談窓口を周知する。
    乙2の役割:甲と情報を共有する。
    """, """
    取組\t取組の内容\t甲の役割\t乙1の役割\t乙2の役割
    (1) 産業の振興\t相談体制を整える。\t相談窓口を設置する。\t相談窓口を周知する。\t甲と情報を共有する。
    """):
        segs = segments_of(NUMBERED_OTSU_HEAD + body)
        rows, warnings = extract_appendix(segs, extract_parties(segs))
        assert [(r.measure, r.content, r.role_a, r.role_b, r.role_b_others) for r in rows] == [
            ("産業の振興", "相談体制を整える。", "相談窓口を設置する。", "相談窓口を周知する。", "天童市:甲と情報を共有する。")]
        assert not warnings


def test_role_columns_of_towns_sharing_otsu_named_in_brackets_are_kept_apart():
    # 乙の役割(鏡野町) | 乙の役割(奈義町): 奈義町's text was run into role_b
    # without a word of whose it was; ○ in a town's column is no role
    segs = segments_of("""
    定住自立圏形成協定書
    津山市(以下「甲」という。)と鏡野町及び奈義町(以下これらを「乙」という。)は、次のとおり協定を締結する。
    第1条 甲及び乙は、別表に掲げる取組を行う。
    別表(第1条関係)
    1 生活機能の強化に係る政策分野
    取組	取組の内容	甲の役割	乙の役割(鏡野町)	乙の役割(奈義町)
    ア 福祉	病児保育を広域で利用する。	病児保育を実施する。	利用者を受け入れる。	住民へ周知する。
    イ 観光	広域観光を推進する。	○	○	○
    ウ 医療	救急医療体制を確保する。	輪番制を運営する。	-	運営費を負担する。
    """)
    rows, warnings = extract_appendix(segs, extract_parties(segs))
    assert [(r.measure, r.role_a, r.role_b, r.role_b_others) for r in rows] == [
        ("福祉", "病児保育を実施する。", "利用者を受け入れる。", "奈義町:住民へ周知する。"),
        ("観光", "", "", ""),
        ("医療", "輪番制を運営する。", "", "奈義町:運営費を負担する。"),
    ]
    assert not warnings


def test_key_value_blocks_with_a_role_key_per_otsu_town_keep_each_towns_role_apart():
    # 【乙の役割(鏡野町)】 / 【乙の役割(奈義町)】 in a key/value 別表: the
    # keys were not read at all (the town in brackets before 】), so both
    # towns' roles were lost; as in a grid, the first town fills role_b and
    # the others role_b_others. 同上 under a town's key is the town's above;
    # a town's key may also be its name (勝央町の役割) or 乙(town).
    segs = segments_of("""
    津山圏域定住自立圏形成協定書
    津山市(以下「甲」という。)と鏡野町、奈義町及び勝央町(以下これらを「乙」という。)は、次のとおり協定を締結する。
    第1条 甲及び乙は、別表に掲げる取組を行う。
    別表(第1条関係)
    1 生活機能の強化に係る政策分野
    ア 救急医療体制の充実
    【取組の内容】
    病院群輪番制の運営を支援する。
    【甲の役割】
    輪番制病院の運営経費を負担する。
    【乙の役割(鏡野町)】
    甲と連携し、運営経費の一部を
    負担する。
    【乙の役割(奈義町)】同上
    勝央町の役割: 住民への周知を行う。
    イ 小児医療の確保
    取組の内容: 休日の小児科診療体制を確保する。
    甲の役割: 休日小児科診療所を運営する。
    乙(鏡野町)の役割: 住民への周知を行う。
    乙(奈義町)の役割: ―
    乙(勝央町)の役割: 受診を促す。
    """)
    rows, warnings = extract_appendix(segs, extract_parties(segs))
    assert [(r.label, r.measure, r.content, r.role_a, r.role_b, r.role_b_others) for r in rows] == [
        ("ア", "救急医療体制の充実", "病院群輪番制の運営を支援する。", "輪番制病院の運営経費を負担する。",
         "甲と連携し、運営経費の一部を負担する。",
         "奈義町:甲と連携し、運営経費の一部を負担する。 勝央町:住民への周知を行う。"),
        ("イ", "小児医療の確保", "休日の小児科診療体制を確保する。", "休日小児科診療所を運営する。",
         "住民への周知を行う。", "勝央町:受診を促す。"),
    ]
    assert not warnings


# 津山市 with 鏡野町 and 奈義町 sharing 乙, down to the 別表's first section:
# the opening of the towns-sharing-乙 tests below.
TSUYAMA_TWO_TOWNS = """
    津山圏域定住自立圏形成協定書
    津山市(以下「甲」という。)と鏡野町及び奈義町(以下これらを「乙」という。)は、次のとおり協定を締結する。
    第1条 甲及び乙は、別表に掲げる取組を行う。
    別表(第1条関係)
    1 生活機能の強化に係る政策分野"""


def test_a_two_column_key_value_block_with_a_role_row_per_otsu_town():
    segs = segments_of(TSUYAMA_TWO_TOWNS + """
    ア 救急医療体制の充実
    取組の内容\t病院群輪番制の運営を支援する。
    甲の役割\t輪番制病院の運営経費を負担する。
    乙の役割(鏡野町)\t運営経費の一部を負担する。
    乙の役割(奈義町)\t住民へ周知する。
    """)
    rows, warnings = extract_appendix(segs, extract_parties(segs))
    assert [(r.measure, r.content, r.role_a, r.role_b, r.role_b_others) for r in rows] == [
        ("救急医療体制の充実", "病院群輪番制の運営を支援する。", "輪番制病院の運営経費を負担する。",
         "運営経費の一部を負担する。", "奈義町:住民へ周知する。")]
    assert not warnings


def test_towns_roles_given_one_per_line_under_one_otsu_key():
    # 【乙の役割】 / 鏡野町:… / 奈義町:…: the second town's line was dropped
    # (the first town's value had its 。) and the first kept its name in role_b
    segs = segments_of(TSUYAMA_TWO_TOWNS + """
    ア 救急医療体制の充実
    【取組の内容】病院群輪番制の運営を支援する。
    【甲の役割】輪番制病院の運営経費を負担する。
    【乙の役割】
    鏡野町：運営経費の一部を負担する。
    奈義町：住民へ周知する。
    イ 小児医療の確保
    【取組の内容】休日の小児科診療体制を確保する。
    【甲の役割】休日小児科診療所を運営する。
    【乙の役割】（鏡野町）住民への周知を行う。
    （奈義町）受診を促す。
    """)
    rows, warnings = extract_appendix(segs, extract_parties(segs))
    assert [(r.label, r.role_a, r.role_b, r.role_b_others) for r in rows] == [
        ("ア", "輪番制病院の運営経費を負担する。", "運営経費の一部を負担する。", "奈義町:住民へ周知する。"),
        ("イ", "休日小児科診療所を運営する。", "住民への周知を行う。", "奈義町:受診を促す。")]
    assert not warnings


def test_keys_opened_by_a_bullet_or_an_angle_bracket_and_a_town_after_the_key():
    # ■取組の内容 / <甲の役割> / ・奈義町の役割: / 〔乙の役割(鏡野町)〕 (a bracket
    # around the town's note) / 乙の役割 鏡野町 (the town after a space, its
    # value below): none of these keys was read, and the blocks gave no rows
    segs = segments_of(TSUYAMA_TWO_TOWNS + """
    ア 救急医療体制の充実
    ■取組の内容
    病院群輪番制の運営を支援する。
    ＜甲の役割＞
    運営経費を負担する。
    〔乙の役割（鏡野町）〕
    運営経費の一部を負担する。
    ・奈義町の役割：住民へ周知する。
    イ 小児医療の確保
    ◆取組の内容　休日の小児科診療体制を確保する。
    ◆甲の役割　休日小児科診療所を運営する。
    ◆乙の役割　鏡野町
    住民への周知を行う。
    ◆乙の役割　奈義町
    受診を促す。
    """)
    rows, warnings = extract_appendix(segs, extract_parties(segs))
    assert [(r.label, r.measure, r.content, r.role_a, r.role_b, r.role_b_others) for r in rows] == [
        ("ア", "救急医療体制の充実", "病院群輪番制の運営を支援する。", "運営経費を負担する。", "運営経費の一部を負担する。",
         "奈義町:住民へ周知する。"),
        ("イ", "小児医療の確保", "休日の小児科診療体制を確保する。", "休日小児科診療所を運営する。", "住民への周知を行う。",
         "奈義町:受診を促す。")]
    assert not warnings


def test_town_keys_under_field_headings_with_a_placeholder_value_and_the_measure_named_by_its_key():
    # 【奈義町の役割】同上 took the next heading ((2) 福祉) into its value, as a
    # value without 。, so that measure was lost; and (1) 医療 over
    # 【連携する取組】 is a subsection under 1 生活機能…, which it had replaced
    segs = segments_of("""
    津山圏域定住自立圏形成協定書
    津山市(以下「甲」という。)と鏡野町及び奈義町(以下「乙」という。)は、次のとおり協定を締結する。
    第1条 甲及び乙は、別表に掲げる取組を行う。
    別表(第1条関係)
    1 生活機能の強化に係る政策分野
    (1) 医療
    【連携する取組】救急医療体制の充実
    【取組の内容】病院群輪番制の運営を支援する。
    【津山市の役割】輪番制病院の運営経費を負担する。
    【鏡野町の役割】運営経費の一部を負担する。
    【奈義町の役割】同上
    (2) 福祉
    【連携する取組】病児保育
    【取組の内容】病児保育を広域で実施する。
    【津山市の役割】病児保育を実施する。
    【鏡野町の役割】―
    【奈義町の役割】利用料の一部を助成する。
    """)
    rows, warnings = extract_appendix(segs, extract_parties(segs))
    assert [(r.section_no, r.section_title, r.subsection_no, r.subsection_title, r.measure, r.content, r.role_a,
             r.role_b, r.role_b_others) for r in rows] == [
        (1, "生活機能の強化に係る政策分野", 1, "医療", "救急医療体制の充実", "病院群輪番制の運営を支援する。",
         "輪番制病院の運営経費を負担する。", "運営経費の一部を負担する。", "奈義町:運営経費の一部を負担する。"),
        (1, "生活機能の強化に係る政策分野", 2, "福祉", "病児保育", "病児保育を広域で実施する。",
         "病児保育を実施する。", "", "奈義町:利用料の一部を助成する。")]
    assert not warnings


def test_a_slide_table_with_a_mark_column_per_town_gives_measures_under_their_fields():
    # 分野 | 連携する取組 | one column of ○ per partner town: the header names
    # the measure column (not the first cell), an empty 分野 cell is the one
    # above it, ○ columns are no content, and the table ends at its last row
    doc = document_of("""
    都城広域定住自立圏形成協定の概要
    ■協定の締結
    ・都城市は、三股町、曽於市及び志布志市とそれぞれ定住自立圏形成協定を締結しました。
    ■連携する取組(○は連携する市町)
    分野\t連携する取組\t三股町\t曽於市\t志布志市
    医療\t救急医療体制の充実\t○\t○\t○
    \t地域医療を担う人材の確保\t○\t\t○
    福祉\t病児保育の広域利用\t○\t○\t
    ■今後の予定
    ・令和5年3月 共生ビジョンの改定
    """)
    assert doc.doc_type == "overview"
    assert [(r.section_title, r.measure, r.content, r.role_a) for r in doc.appendix] == [
        ("医療", "救急医療体制の充実", "", ""), ("医療", "地域医療を担う人材の確保", "", ""),
        ("福祉", "病児保育の広域利用", "", "")]


def test_roles_given_in_a_table_of_their_own_complete_the_measures_of_the_first():
    # 別表第1 lists the measures with ○ under each town taking part, 別表第2
    # gives each measure's roles: one row per measure, the roles in place of
    # the marks, a town without ○ or role ""
    rows, _ = rows_of("""
    別表第1(第2条関係)
    番号\t事業名\t事業概要\t福山市\t神石高原町
    1\t広域観光の推進\t周遊ルートを造成する。\t○\t○
    2\t物流の促進\t合同説明会を開催する。\t○\t
    別表第2(第2条関係)
    1 広域観光の推進
    甲の役割:情報発信を行う。
    乙の役割:観光資源を紹介する。
    2 物流の促進
    甲の役割:荷主へ周知する。
    """)
    assert [(r.section_no, r.label, r.measure, r.content, r.role_a, r.role_b) for r in rows] == [
        (1, "1", "広域観光の推進", "周遊ルートを造成する。", "情報発信を行う。", "観光資源を紹介する。"),
        (1, "2", "物流の促進", "合同説明会を開催する。", "荷主へ周知する。", "")]


def test_a_participation_mark_in_a_party_column_is_no_role():
    rows, _ = rows_of("""
    別表(第2条関係)
    事業名\t事業概要\t福山市\t神石高原町
    広域観光の推進\t周遊ルートを造成する。\t○\t◯
    """)
    assert [(r.role_a, r.role_b) for r in rows] == [("", "")]


def test_a_measure_name_wrapped_over_two_lines_above_its_keys_is_read_whole():
    # raw/002 by pdftotext -layout (and without it, then with no blank lines at all):
    # the measure's cell wrapped, its keys follow in a two-column layout
    rows, _ = rows_of("""
    別表（第3条関係）

    I 圏域全体の経済成長のけん引

    強みをいかした新たな産業の創出・
    育成

    取組内容                 地域の強みや資源をいかし、広域的な情報共有、企業マッチング等を行う
                         ことにより、新たな産業の創出や育成、商品開発等に取り組む。

    甲の役割                 産業の創出・育成等に圏域の中心となって取り組む。

    乙の役割                 産業の創出・育成等に甲と協力して取り組む。

    地域資源をいかした商品や農産物
    の販路開拓・拡大
    取組内容                 地域の強みや資源を持ち寄り、商品や農産物について、生産地と消費地と
    """)
    assert [r.measure for r in rows] == ["強みをいかした新たな産業の創出・育成", "地域資源をいかした商品や農産物の販路開拓・拡大"]
    assert rows[0].content == "地域の強みや資源をいかし、広域的な情報共有、企業マッチング等を行うことにより、新たな産業の創出や育成、商品開発等に取り組む。"


def test_a_measure_repeated_atop_a_page_as_the_tables_header_row_is_no_row():
    # raw/002 printed to PDF (the section's first row, a measure alone, repeated
    # atop each page as a header row) and read by pdftotext without -layout:
    # 乙の役割 under the copy belongs to the measure the page break cut
    doc = paged_document_of([
        ["連携協約書(写)", "", "連携協約", "岡山市（以下「甲」という。）及び和気町（以下「乙」という。）は、次のとおり連携協約を締結する。",
         "第1条 取組及び役割分担は、別表に掲げるとおりとする。", "平成28年10月11日", "甲 岡山市長", "乙 和気町長", "", "-1-", ""],
        ["連携協約書(写)", "", "別表（第1条関係）", "III 圏域全体の生活関連機能サービスの向上", "子育て支援の充実", "取組内容", "",
         "仕事と子育てを両立し、安心して子どもを産み育てることができるよう、", "子育て支援の充実に取り組む。", "",
         "甲の役割", "", "乙と連携し、子育て支援に取り組む。", "", "乙の役割", "", "甲と連携し、子育て支援に取り組む。", "",
         "圏域内への移住・定住の促進", "取組内容", "", "人口の減少を可能な限り抑えるため、圏域内への移住・定住の促進に取り",
         "組む。", "", "甲の役割", "", "乙と連携し、移住・定住の促進に取り組む。", "", "-2-", ""],
        ["連携協約書(写)", "", "子育て支援の充実", "乙の役割", "", "甲と連携し、移住・定住の促進に取り組む。", "",
         "公共施設の最適化", "取組内容", "", "公共施設に関する情報の共有、相互利用等による利便性の向上と利用の促",
         "進に取り組む。", "", "甲の役割", "", "乙と連携し、公共施設の最適化に取り組む。", "", "乙の役割", "",
         "甲と連携し、公共施設の最適化に取り組む。"]])
    assert [(row.measure, row.role_b) for row in doc.appendix] == [
        ("子育て支援の充実", "甲と連携し、子育て支援に取り組む。"),
        ("圏域内への移住・定住の促進", "甲と連携し、移住・定住の促進に取り組む。"),
        ("公共施設の最適化", "甲と連携し、公共施設の最適化に取り組む。")]


def test_a_bracketed_label_touching_its_measure_in_a_grid_cell():
    # (ｱ)企業誘致 as typed into an Excel cell: the bracket ends the label.
    rows, _ = rows_of("""
    別表(第1条関係)
    I 経済成長のけん引
    連携施策\t取組内容\t甲の役割\t乙の役割
    （ｱ）企業誘致の推進\t企業誘致に取り組む。\t誘致活動を行う。\t甲と連携する。
    （ｲ）地場産品の販路拡大\t販路拡大に取り組む。\t物産展を開催する。\t出展を促す。
    """)
    assert [(r.section_no, r.label, r.measure) for r in rows] == [
        (1, "ア", "企業誘致の推進"), (1, "イ", "地場産品の販路拡大")]


def test_subsections_numbered_under_their_section_as_1_1_and_full_width_1_2():
    # 第１ field / １－１ 医療 / a) measure / 取組内容：…: the subsection's
    # number is the one after the dash (its section's comes first).
    rows, _ = rows_of("""
    別表(第1条関係)
    第１ 生活機能の強化に係る政策分野
    １－１ 医療
    a) 救急医療体制の確保
    取組内容：救急医療体制の維持に取り組む。
    甲の役割：中心的な役割を担う。
    乙の役割：住民に周知する。
    １－２ 福祉
    a) 相談支援
    取組内容：相談支援事業を実施する。
    甲の役割：事業を運営する。
    乙の役割：費用を負担する。
    第２ 結びつきやネットワークの強化に係る政策分野
    2-1 地域公共交通
    a) 路線バスの維持
    取組内容：路線バスを維持する。
    甲の役割：事業者と協議する。
    乙の役割：費用を負担する。
    """)
    assert [(r.section_no, r.subsection_no, r.subsection_title, r.label, r.measure) for r in rows] == [
        (1, 1, "医療", "a", "救急医療体制の確保"), (1, 2, "福祉", "a", "相談支援"),
        (2, 1, "地域公共交通", "a", "路線バスの維持")]


def test_measures_labelled_1_1_under_their_section_keep_the_label():
    rows, _ = rows_of("""
    別表(第1条関係)
    1 経済成長のけん引
    1-1 企業誘致
    取組内容\t企業誘致に取り組む。
    甲の役割\t誘致活動を行う。
    乙の役割\t甲と連携する。
    1-2 販路拡大
    取組内容\t販路拡大に取り組む。
    甲の役割\t物産展を開催する。
    乙の役割\t出展を促す。
    """)
    assert [(r.section_no, r.subsection_no, r.label, r.measure) for r in rows] == [
        (1, None, "1-1", "企業誘致"), (1, None, "1-2", "販路拡大")]


def test_a_circled_measure_number_touching_its_name_is_its_label():
    rows, _ = rows_of("""
    別表(第1条関係)
    Ⅰ 経済成長のけん引
    ①ものづくり産業の振興
    取組内容\t技術相談に取り組む。
    甲の役割\t相談窓口を運営する。
    乙の役割\t甲と連携する。
    ②創業支援
    取組内容\t創業を支援する。
    甲の役割\tセミナーを開催する。
    乙の役割\t参加を促進する。
    """)
    assert [(r.section_no, r.label, r.measure) for r in rows] == [(1, "1", "ものづくり産業の振興"), (1, "2", "創業支援")]


def test_a_field_numbered_1_over_measures_numbered_1_after_nfkc_is_a_section():
    # １ field / ⑴ subsection / ① measure, and ２ field / ① measure: NFKC
    # writes the field and the measure alike (1 …); the numbered line right
    # under a field tells it from a measure, which its keys follow.
    rows, _ = rows_of("""
    別表(第1条関係)
    １ 圏域全体の経済成長のけん引
    ⑴ 産業振興
    ① ものづくり産業の振興
    取組内容\t技術相談に取り組む。
    甲の役割\t相談窓口を運営する。
    乙の役割\t甲と連携する。
    ② 創業支援
    取組内容\t創業を支援する。
    甲の役割\tセミナーを開催する。
    乙の役割\t参加を促進する。
    ２ 圏域全体の生活関連機能サービスの向上
    ① 図書館の相互利用
    取組内容\t図書館を相互に利用する。
    甲の役割\t市立図書館を開放する。
    乙の役割\t市立図書館を開放する。
    """)
    assert [(r.section_no, r.section_title, r.subsection_no, r.label, r.measure) for r in rows] == [
        (1, "圏域全体の経済成長のけん引", 1, "1", "ものづくり産業の振興"),
        (1, "圏域全体の経済成長のけん引", 1, "2", "創業支援"),
        (2, "圏域全体の生活関連機能サービスの向上", None, "1", "図書館の相互利用")]


def test_measures_without_keys_numbered_one_after_another_stay_measures():
    # ア / イ in a grid's stead, each on its line: イ follows ア as its sibling,
    # so ア heads no list and stays a measure.
    rows, _ = rows_of("""
    別表(第1条関係)
    1 経済成長のけん引
    ア 企業誘致
    イ 販路拡大
    取組内容\t販路拡大に取り組む。
    甲の役割\t物産展を開催する。
    乙の役割\t出展を促す。
    ウ 観光振興
    取組内容\t周遊観光に取り組む。
    甲の役割\tルートを企画する。
    乙の役割\t情報を提供する。
    """)
    assert [(r.section_no, r.label, r.measure) for r in rows] == [(1, "ア", "企業誘致"), (1, "イ", "販路拡大"), (1, "ウ", "観光振興")]


def test_subsections_numbered_with_kanji_in_brackets():
    rows, _ = rows_of("""
    別表(第1条関係)
    1 経済成長のけん引
    （一） 産業振興
    ア 企業誘致
    取組内容\t企業誘致に取り組む。
    甲の役割\t誘致活動を行う。
    乙の役割\t甲と連携する。
    （二） 観光
    ア 観光振興
    取組内容\t周遊観光に取り組む。
    甲の役割\tルートを企画する。
    乙の役割\t情報を提供する。
    """)
    assert [(r.section_no, r.subsection_no, r.subsection_title, r.label, r.measure) for r in rows] == [
        (1, 1, "産業振興", "ア", "企業誘致"), (1, 2, "観光", "ア", "観光振興")]


def test_labels_in_brackets_negative_circles_capitals_and_kanji_in_brackets():
    """【ア】, ❶, (A), Ａ．and ㈠ mark items as ア and (ｱ) do: the marker is
    the label (its brackets and stop dropped), not part of the measure."""
    rows, _ = rows_of("""
    別表(第1条関係)
    1 経済成長のけん引
    取組\t取組内容\t甲の役割\t乙の役割
    【ア】産業振興\t企業誘致を進める。\t誘致活動を行う。\t情報を提供する。
    【イ】 観光振興\t観光客を誘致する。\t宣伝を行う。\t協力する。
    2 都市機能の強化
    取組\t取組内容\t甲の役割\t乙の役割
    ❶医療\t医療体制を確保する。\t病院を運営する。\t周知する。
    ❷ 福祉\t福祉を充実する。\t施設を運営する。\t周知する。
    3 生活関連機能サービスの向上
    取組\t取組内容\t甲の役割\t乙の役割
    (A) 公共交通\t路線を維持する。\t運行を支援する。\t利用を促す。
    Ｂ．ICT活用\tシステムを共同利用する。\t運用する。\t利用する。
    ㈢ 人材育成\t研修を行う。\t研修を開く。\t職員を派遣する。
    """)
    assert [(r.section_no, r.label, r.measure) for r in rows] == [
        (1, "ア", "産業振興"), (1, "イ", "観光振興"),
        (2, "1", "医療"), (2, "2", "福祉"),  # as ① ② are (NFKC: 1, 2)
        (3, "A", "公共交通"), (3, "B", "ICT活用"), (3, "三", "人材育成"),
    ]


def test_sections_numbered_with_negative_circled_numbers():
    """❶ ❷ (which normalize makes 1 and 2, as NFKC makes ① ②) number the sections."""
    rows, _ = rows_of("""
    別表(第1条関係)
    ❶ 経済成長のけん引
    取組\t取組内容\t甲の役割\t乙の役割
    ア 産業振興\t企業誘致を進める。\t誘致活動を行う。\t情報を提供する。
    ❷ 都市機能の強化
    取組\t取組内容\t甲の役割\t乙の役割
    ア 医療\t医療体制を確保する。\t病院を運営する。\t周知する。
    """)
    assert [(r.section_no, r.section_title, r.label, r.measure) for r in rows] == [
        (1, "経済成長のけん引", "ア", "産業振興"),
        (2, "都市機能の強化", "ア", "医療"),
    ]


def test_placeholders_drawn_long_letter_spaced_or_as_ditto_marks():
    """－－ / ――― and 特になし say the party has no role (""); 同　左 is 同左
    spaced to the cell's width; 〃 is 同上; in a key/value block, whose
    fields stand one under another, 同上 repeats the value above it."""
    rows, _ = rows_of("""
    別表(第1条関係)
    1 経済成長のけん引
    取組\t取組内容\t甲の役割\t乙の役割
    ア 産業振興\t企業誘致を進める。\t誘致活動を行う。\t－－
    イ 観光振興\t観光客を誘致する。\t宣伝を行う。\t―――
    ウ 農業振興\t農産物を売る。\t販路を開く。\t特になし
    エ 林業振興\t木材を売る。\t販路を広げる。\t同　左
    オ 商業振興\t店を開く。\t支援する。\t〃
    2 都市機能の強化
    ア 医療
    取組内容\t医療体制を確保する。
    甲の役割\t病院を運営する。
    乙の役割\t同上
    """)
    assert [(r.label, r.role_a, r.role_b) for r in rows] == [
        ("ア", "誘致活動を行う。", ""), ("イ", "宣伝を行う。", ""), ("ウ", "販路を開く。", ""),
        ("エ", "販路を広げる。", "販路を広げる。"), ("オ", "支援する。", "販路を広げる。"),
        ("ア", "病院を運営する。", "病院を運営する。"),
    ]


def test_keys_in_round_brackets_above_their_values_or_before_them():
    """(取組内容) / (甲の役割) as keys, as 【】 keys are written: each over its
    value or with the value after it on the same line."""
    rows, _ = rows_of("""
    別表(第1条関係)
    Ⅰ 経済成長のけん引
    １ 企業誘致
    (取組内容)
    工業団地への企業誘致を進める。
    (甲の役割)
    誘致活動の窓口となる。
    (乙の役割)
    用地の情報を提供する。
    ２ 観光振興
    (取組の内容) 広域の観光ルートをつくる。
    (甲の役割) ルートを企画する。
    (乙の役割) 観光資源を紹介する。
    """)
    assert [brief(r) for r in rows] == [
        (1, None, "1", "企業誘致", "工業団地への企業誘致を進める。", "誘致活動の窓口となる。", "用地の情報を提供する。"),
        (1, None, "2", "観光振興", "広域の観光ルートをつくる。", "ルートを企画する。", "観光資源を紹介する。"),
    ]


def test_a_measure_wrapped_onto_a_line_of_its_own_without_its_empty_cells():
    """A grid row whose measure cell wrapped while its other cells did not:
    the rest of the measure is a line without TABs (trailing empty cells
    are dropped) and belongs to the measure above, whether it opens with a
    particle (の…) or the measure above broke off after one (…による)."""
    rows, _ = rows_of("""
    別表(第1条関係)
    連携する取組\t取組の内容\t甲の役割\t乙の役割
    1 経済成長のけん引
    ア 地域資源を活用した地域経済\t特産品の販路を広げる。\t販路開拓を行う。\t特産品を提供する。
    の裾野拡大
    イ 産学官金の連携による\t連携の場を設ける。\t事務局を担う。\t会議に参加する。
    新産業創出
    ウ 観光振興\t観光ルートをつくる。\tルートを企画する。\t観光資源を紹介する。
    """)
    assert [(r.label, r.measure, r.content, r.role_b) for r in rows] == [
        ("ア", "地域資源を活用した地域経済の裾野拡大", "特産品の販路を広げる。", "特産品を提供する。"),
        ("イ", "産学官金の連携による新産業創出", "連携の場を設ける。", "会議に参加する。"),
        ("ウ", "観光振興", "観光ルートをつくる。", "観光資源を紹介する。"),
    ]


def test_a_measure_wrapped_onto_the_next_page_atop_it():
    """The measure's rest opens the next page, under the page's footer: the
    same row, though a page break (like a blank line) stands between."""
    doc = paged_document_of([
        ["連携協約", "福山市（以下「甲」という。）及び府中市（以下「乙」という。）は、次のとおり連携協約を締結する。",
         "第1条 取組及び役割分担は、別表のとおりとする。", "令和2年4月1日", "甲 福山市長", "乙 府中市長", "",
         "別表（第1条関係）", "連携する取組\t取組の内容\t甲の役割\t乙の役割", "1 経済成長のけん引",
         "ア ものづくり産業の技術の高度化及び\t共同研究を進める。\t研究の場を設ける。\t企業に周知する。", "", "- 2 -", ""],
        ["人材の育成", "イ 観光振興\t観光ルートをつくる。\tルートを企画する。\t観光資源を紹介する。"]])
    assert [(row.label, row.measure, row.role_b) for row in doc.appendix] == [
        ("ア", "ものづくり産業の技術の高度化及び人材の育成", "企業に周知する。"),
        ("イ", "観光振興", "観光資源を紹介する。")]


def test_a_cells_wrapped_rest_alone_on_the_next_line_goes_back_into_its_cell():
    """A row whose one cell wrapped further than the others prints that rest
    on a line of its own, trailing TABs gone: a sentence cell left without
    its 。 takes it (also over a page break); with every sentence finished,
    a short fragment between a row and the row labelled next is the rest
    of the measure, even where it starts with a kanji (地域経済 / 裾野拡大)."""
    rows, _ = rows_of("""
    別表(第1条関係)
    1 経済成長のけん引
    連携施策\t取組内容\t甲の役割\t乙の役割
    ア 地域資源を活用した地域経済\t農林水産物のブランド化を進める。\t事業を実施する。\t事業に参画する。
    裾野拡大
    イ 観光振興\t観光資源を活用し、広域的な観光ルートの造成と\t観光ルートの企画を行う。\t情報を提供する。
    - 3 -
    情報発信に取り組む。
    ウ 企業誘致\t企業立地の促進に取り組む。\t誘致活動を行うとともに、立地企業への\t誘致活動に協力する。
    支援を行う。
    エ 創業支援\t創業希望者を支援する。\t窓口を設置する。\t周知を行う。
    """)
    assert [brief(r)[2:] for r in rows] == [
        ("ア", "地域資源を活用した地域経済裾野拡大", "農林水産物のブランド化を進める。", "事業を実施する。", "事業に参画する。"),
        ("イ", "観光振興", "観光資源を活用し、広域的な観光ルートの造成と情報発信に取り組む。", "観光ルートの企画を行う。",
         "情報を提供する。"),
        ("ウ", "企業誘致", "企業立地の促進に取り組む。", "誘致活動を行うとともに、立地企業への支援を行う。", "誘致活動に協力する。"),
        ("エ", "創業支援", "創業希望者を支援する。", "窓口を設置する。", "周知を行う。"),
    ]


def test_a_line_between_two_rows_out_of_label_order_is_no_measure_tail():
    # the order starts again at ア under it: a section heading, not the rest of 医療
    rows, _ = rows_of("""
    別表(第1条関係)
    連携施策\t取組内容\t甲の役割\t乙の役割
    ア 医療\t救急医療を確保する。\t病院を運営する。\t周知する。
    地域公共交通
    ア 路線バス\t路線を維持する。\t運行経費を負担する。\t利用を促進する。
    """)
    assert [r.measure for r in rows] == ["医療", "路線バス"]


def test_renkei_suru_torikumi_names_the_measure_in_a_block_giving_its_content_under_a_key_of_its_own():
    # 【連携する取組】 then 【取組の内容】: the first is the measure's name (it
    # was read into the content, or dropped with no measure open), and the
    # numbered line above the block is its section
    rows, _ = rows_of("""
    別表(第1条関係)
    1 観光振興
    【連携する取組】
    広域観光ルートの造成
    【取組の内容】
    観光資源を活用し、広域的な観光ルートの造成に取り組む。
    【甲の役割】
    観光ルートの企画を行う。
    【乙の役割】
    観光資源の情報を提供する。
    2 産業振興
    【連携する取組】企業立地の促進
    【取組の内容】企業立地の促進に取り組む。
    【甲の役割】誘致活動を行う。
    【乙の役割】誘致活動に協力する。
    【連携する取組】創業支援
    【取組の内容】創業希望者を支援する。
    【甲の役割】窓口を設置する。
    【乙の役割】周知を行う。
    """)
    assert [(r.section_no, r.section_title, r.label, r.measure, r.content, r.role_a, r.role_b) for r in rows] == [
        (1, "観光振興", "", "広域観光ルートの造成", "観光資源を活用し、広域的な観光ルートの造成に取り組む。",
         "観光ルートの企画を行う。", "観光資源の情報を提供する。"),
        (2, "産業振興", "", "企業立地の促進", "企業立地の促進に取り組む。", "誘致活動を行う。", "誘致活動に協力する。"),
        (2, "産業振興", "", "創業支援", "創業希望者を支援する。", "窓口を設置する。", "周知を行う。"),
    ]


def test_a_web_pages_sidebar_after_a_definition_list_continues_no_value(write_file):
    # the 別表's keys and values in a <dl>, the page's sidebar right after it
    from pipeline import run

    doc = run(write_file("dl.html", html_agreement("""<h4>1 生活機能の強化に係る政策分野</h4>
<dl><dt>(1) 医療</dt><dd>ア 救急医療体制の確保</dd><dd>【取組の内容】<br>休日夜間の診療体制を確保する。</dd>
<dd>【甲の役割】<br>急患診療所を運営する。</dd><dd>【乙の役割】<br>運営費の一部を負担する</dd></dl>""")))
    assert [(r.subsection_title, r.label, r.measure, r.role_a, r.role_b) for r in doc.appendix] == [
        ("医療", "ア", "救急医療体制の確保", "急患診療所を運営する。", "運営費の一部を負担する")]


def test_a_contact_table_after_the_beppyo_table_ends_it(write_file):
    """The page's contact box as a table of its own (担当課 | …, 電話番号 | …)
    under the 別表's, with no heading: its rows were read as the rest of
    the last measure, whose role lacks its 。."""
    from pipeline import run

    doc = run(write_file("contact.html", html_agreement("""<table border="1">
<tr><th>連携する取組</th><th>取組の内容</th><th>甲の役割</th><th>乙の役割</th></tr>
<tr><td>ア 救急医療</td><td>救急医療体制を確保する。</td><td>運営を支援する。</td><td>経費を負担する。</td></tr>
<tr><td>イ 公共交通</td><td>バス路線を維持する。</td><td>運行を支援する。</td><td>利用促進に取り組む</td></tr>
</table>
<h3>担当</h3>
<table class="contact"><tr><th>担当課</th><td>企画調整部 企画課</td></tr>
<tr><th>電話番号</th><td>053-457-2241</td></tr></table>""")))
    assert [(r.label, r.measure, r.content, r.role_b) for r in doc.appendix] == [
        ("ア", "救急医療", "救急医療体制を確保する。", "経費を負担する。"),
        ("イ", "公共交通", "バス路線を維持する。", "利用促進に取り組む")]


def test_a_labelled_name_under_renkei_suru_torikumi_keeps_its_label_apart():
    # the numbered line over the block became the section, and the name
    # given by 【連携する取組】 the measure with its label ア still in it
    rows, _ = rows_of("""
    別表(第1条関係)
    1 圏域全体の経済成長のけん引
    【連携する取組】ア 企業誘致の推進
    【取組の内容】共同で誘致活動を行う。
    【甲の役割】誘致活動を主導する。
    【乙の役割】用地情報を提供する。
    【連携する取組】イ 観光の振興
    【取組の内容】広域観光ルートを開発する。
    【甲の役割】ルートを開発する。
    【乙の役割】観光資源の情報を提供する。
    """)
    assert [(r.section_no, r.section_title, r.label, r.measure, r.content) for r in rows] == [
        (1, "圏域全体の経済成長のけん引", "ア", "企業誘致の推進", "共同で誘致活動を行う。"),
        (1, "圏域全体の経済成長のけん引", "イ", "観光の振興", "広域観光ルートを開発する。")]


def test_a_section_row_spanning_a_key_value_table_continues_no_value_above_it(write_file):
    """例規集: the 別表 a table of th key | td value rows, sections in rows
    spanning it (colspan); a role above one lacks its 。, and the section's
    row is still no part of it but the next section."""
    from pipeline import run

    doc = run(write_file("reiki.html", html_agreement("""<table border="1">
<tr><th colspan="2">1 経済成長のけん引</th></tr>
<tr><th>連携する取組</th><td>ア 企業誘致の推進</td></tr>
<tr><th>取組の内容</th><td>共同で誘致活動を行う。</td></tr>
<tr><th>甲の役割</th><td>誘致活動を主導する。</td></tr>
<tr><th>乙の役割</th><td>用地情報を提供する</td></tr>
<tr><th colspan="2">2 都市機能の強化</th></tr>
<tr><th>連携する取組</th><td>ア 高度医療の提供</td></tr>
<tr><th>取組の内容</th><td>高度な医療を受けられる体制を確保する。</td></tr>
<tr><th>甲の役割</th><td>体制を整える。</td></tr>
<tr><th>乙の役割</th><td>住民への周知</td></tr>
</table>""")))
    assert [(r.section_no, r.section_title, r.label, r.measure, r.role_b) for r in doc.appendix] == [
        (1, "経済成長のけん引", "ア", "企業誘致の推進", "用地情報を提供する"),
        (2, "都市機能の強化", "ア", "高度医療の提供", "住民への周知")]


def test_a_remarks_column_is_no_part_of_the_content_but_the_rows_note():
    # 備考 past the role columns was read as more content (…推進する。令和4年度から)
    rows, warnings = rows_of("""
    別表(第1条関係)
    連携施策\t取組内容\t甲の役割\t乙の役割\t備考
    ア 観光振興\t広域観光を推進する。\t企画する。\t協力する。\t令和4年度から
    イ 企業誘致\t企業立地を促進する。\t誘致活動を行う。\t情報を提供する。\t
    """)
    assert [brief(r)[2:] + (r.note,) for r in rows] == [
        ("ア", "観光振興", "広域観光を推進する。", "企画する。", "協力する。", "令和4年度から"),
        ("イ", "企業誘致", "企業立地を促進する。", "誘致活動を行う。", "情報を提供する。", ""),
    ]
    assert warnings == []


# -- overviews: metadata tables and tables of roles ---------------------------
def test_an_overviews_table_of_particulars_gives_no_rows_but_its_measures_table_does():
    # 項目 | 内容 over 名称, 締結日, 当事者 …: the agreement's particulars, no
    # measures; the table of measures below it gives the rows
    doc = document_of("""
    鳥取因幡連携中枢都市圏形成に係る連携協約の概要
    1 協約の概要
    項目\t内容
    名称\t鳥取市と岩美町との鳥取因幡連携中枢都市圏形成に係る連携協約
    締結日\t平成30年3月26日
    当事者\t鳥取市、岩美町
    期間\t定めなし
    2 連携する取組
    連携施策\t取組内容
    観光振興\t広域観光ルートを造成する。
    移住促進\t合同で移住相談会を開催する。
    """)
    assert doc.doc_type == "overview"
    assert [(r.measure, r.content) for r in doc.appendix] == [
        ("観光振興", "広域観光ルートを造成する。"), ("移住促進", "合同で移住相談会を開催する。")]


def test_an_overview_of_particulars_only_gives_no_rows():
    doc = document_of("""
    備後圏域連携中枢都市圏形成に係る連携協約の概要
    項目\t内容
    協約の名称\t備後圏域連携中枢都市圏形成に係る連携協約
    締結年月日\t平成27年3月18日
    構成市町\t福山市、府中市
    圏域名\t備後圏域
    有効期間\t期間の定めなし
    """)
    assert doc.appendix == ()


def test_an_overview_table_of_the_central_citys_and_the_partners_roles_gives_them():
    # 分野 | 取組 | 中心市の役割 | 連携市町村の役割: the roles are 甲's and 乙's
    doc = document_of("""
    定住自立圏形成協定の概要
    分野\t取組\t中心市の役割\t連携市町村の役割
    生活機能の強化\t地域医療の充実\t休日夜間急患センターを運営する。\t住民への周知を行う。
    \t子育て支援\t病児保育事業を実施する。\t利用者負担の助成を行う。
    ネットワークの強化\t地域公共交通\t路線バスの維持を図る。\t―
    """)
    assert [(r.section_title, r.measure, r.content, r.role_a, r.role_b) for r in doc.appendix] == [
        ("生活機能の強化", "地域医療の充実", "", "休日夜間急患センターを運営する。", "住民への周知を行う。"),
        ("生活機能の強化", "子育て支援", "", "病児保育事業を実施する。", "利用者負担の助成を行う。"),
        ("ネットワークの強化", "地域公共交通", "", "路線バスの維持を図る。", "")]


def test_an_overview_table_numbering_its_measures_keeps_the_numbers_and_marks_give_no_roles():
    doc = document_of("""
    十勝定住自立圏形成協定の概要
    番号\t連携施策\t取組内容\t中心市\t近隣町村
    1\t救急医療\t夜間急病センターを運営する。\t○\t○
    2\t消費生活\t消費生活相談を共同で行う。\t○\t
    """)
    assert [(r.label, r.measure, r.content, r.role_a, r.role_b) for r in doc.appendix] == [
        ("1", "救急医療", "夜間急病センターを運営する。", "", ""), ("2", "消費生活", "消費生活相談を共同で行う。", "", "")]


def test_a_section_number_parted_from_its_title_by_a_tab_is_a_section_heading():
    """Word numbers a heading with a TAB after its number (２<TAB>高次の…):
    under a grid that line is two cells, a number and a title with no
    sentence in it, and still the next section's heading, not a row."""
    rows, _ = rows_of("""
    別表(第3条関係)
    1\t圏域全体の経済成長のけん引
    取組\t取組内容\t甲の役割\t乙の役割
    ア 産業振興\t商談会の開催等に取り組む。\t商談会を実施する。\t企業へ周知する。
    2\t高次の都市機能の集積・強化
    取組\t取組内容\t甲の役割\t乙の役割
    ア 高度医療の提供\t救急医療体制の充実を図る。\t体制を確保する。\t救急搬送を行う。
    3\t圏域全体の生活関連機能サービスの向上
    イ 地域公共交通\tバス路線を維持する。\t路線を運行する。\t運行費を負担する。
    """)
    assert [brief(r) for r in rows] == [
        (1, None, "ア", "産業振興", "商談会の開催等に取り組む。", "商談会を実施する。", "企業へ周知する。"),
        (2, None, "ア", "高度医療の提供", "救急医療体制の充実を図る。", "体制を確保する。", "救急搬送を行う。"),
        (3, None, "イ", "地域公共交通", "バス路線を維持する。", "路線を運行する。", "運行費を負担する。"),
    ]
    assert [r.section_title for r in rows] == ["圏域全体の経済成長のけん引", "高次の都市機能の集積・強化",
                                               "圏域全体の生活関連機能サービスの向上"]


def test_a_number_and_a_name_alone_in_a_numbered_grid_stay_a_row():
    """Under a 番号 column the number is the measure's own: a row giving
    only its number and name is still that measure, no section."""
    rows, _ = rows_of("""
    別表(第1条関係)
    番号\t取組\t取組内容\t甲の役割\t乙の役割
    1\t産業振興\t商談会を開催する。\t商談会を実施する。\t企業へ周知する。
    2\t移住促進
    """)
    assert [(r.section_no, r.label, r.measure, r.content) for r in rows] == [
        (None, "1", "産業振興", "商談会を開催する。"), (None, "2", "移住促進", ""),
    ]


def test_a_section_numbered_on_in_another_style_is_the_next_section():
    """1 … / 2 … / (3) …: the third section's number slipped into another
    style. A style met first on the number after the open section's, where
    a list under that section would start at 1, numbers the sections on;
    a style already met as the subsection level stays that level, also
    where its numbers run on through the sections ((3) under 2)."""
    rows, _ = rows_of("""
    別表(第1条関係)
    1\t圏域全体の経済成長のけん引
    取組\t取組の内容\t甲の役割\t乙の役割
    ア 産業振興\t企業誘致を推進する。\t誘致活動を行う。\t情報を提供する。
    2\t高次の都市機能の集積・強化
    ア 医療\t救急医療体制を確保する。\t体制を整える。\t搬送に協力する。
    (3)\t圏域全体の生活関連機能サービスの向上
    ア 福祉\t介護人材を育成する。\t研修を行う。\t研修に参加する。
    イ 教育\t図書館を相互利用する。\t蔵書を開放する。\t蔵書を開放する。
    """)
    assert [(r.section_no, r.section_title, r.subsection_no, r.label, r.measure) for r in rows] == [
        (1, "圏域全体の経済成長のけん引", None, "ア", "産業振興"),
        (2, "高次の都市機能の集積・強化", None, "ア", "医療"),
        (3, "圏域全体の生活関連機能サービスの向上", None, "ア", "福祉"),
        (3, "圏域全体の生活関連機能サービスの向上", None, "イ", "教育")]
    rows, _ = rows_of("""
    別表(第1条関係)
    1 圏域全体の経済成長のけん引
    (1) 産業振興
    取組\t取組の内容\t甲の役割\t乙の役割
    ア 企業誘致\t企業誘致を推進する。\t誘致活動を行う。\t情報を提供する。
    (2) 観光振興
    ア 観光PR\t観光情報を発信する。\t情報を発信する。\t素材を提供する。
    2 高次の都市機能の集積・強化
    (3) 医療
    ア 救急医療\t救急医療体制を確保する。\t体制を整える。\t搬送に協力する。
    """)
    assert [(r.section_no, r.subsection_no, r.subsection_title, r.measure) for r in rows] == [
        (1, 1, "産業振興", "企業誘致"), (1, 2, "観光振興", "観光PR"), (2, 3, "医療", "救急医療")]


def test_an_untitled_column_of_labels_is_the_label_and_the_column_after_it_the_measure():
    """A header leaving the first column's cell empty over ア / イ (or 1 /
    (1)): the labels are no measure, and the measure and content are the
    named columns after them."""
    rows, _ = rows_of("""
    別表(第1条関係)
    \t連携施策\t取組の内容\t甲の役割\t乙の役割
    ア\t企業誘致\t企業誘致を推進する。\t誘致活動を行う。\t情報を提供する。
    イ\t観光振興\t観光客を誘致する。\t広報を行う。\t案内を行う。
    """)
    assert [brief(r) for r in rows] == [
        (None, None, "ア", "企業誘致", "企業誘致を推進する。", "誘致活動を行う。", "情報を提供する。"),
        (None, None, "イ", "観光振興", "観光客を誘致する。", "広報を行う。", "案内を行う。")]
    rows, _ = rows_of("""
    別表(第1条関係)
    分野\t\t連携する取組\t取組の内容\t甲の役割\t乙の役割
    産業振興\t1\t企業誘致\t企業誘致を推進する。\t誘致活動を行う。\t情報を提供する。
    \t2\t観光振興\t観光客を誘致する。\t広報を行う。\t案内を行う。
    医療\t(1)\t救急医療\t救急体制を確保する。\t体制を整える。\t搬送に協力する。
    """)
    assert [(r.section_title, r.label, r.measure, r.content) for r in rows] == [
        ("産業振興", "1", "企業誘致", "企業誘致を推進する。"), ("産業振興", "2", "観光振興", "観光客を誘致する。"),
        ("医療", "1", "救急医療", "救急体制を確保する。")]



def test_an_untitled_column_of_labels_and_names_gives_the_measure_not_the_label():
    """分野 | (untitled) | 取組の内容: the untitled cell holds ア on the row's
    first line and the measure's name on its next (a cell of two lines, as
    a layout prints it), or ア alone beside 取組の内容 holding the names: the
    measure is the name, ア its label."""
    two_lines, _ = rows_of("""
    別表(第1条関係)
    分野\t\t取組の内容\t甲の役割\t乙の役割
    経済成長のけん引\tア
    \t企業誘致の推進\t圏域への企業の立地を促進する。\t誘致活動を総括する。\t用地情報を提供する。
    \tイ\t広域観光ルートを造成する。\tルートの企画を行う。\t観光資源の情報を提供する。
    \t観光の振興
    """)
    assert [(r.section_title, r.label, r.measure, r.content, r.role_b) for r in two_lines] == [
        ("経済成長のけん引", "ア", "企業誘致の推進", "圏域への企業の立地を促進する。", "用地情報を提供する。"),
        ("経済成長のけん引", "イ", "観光の振興", "広域観光ルートを造成する。", "観光資源の情報を提供する。"),
    ]
    labels_apart, _ = rows_of("""
    別表(第1条関係)
    分野\t\t取組の内容\t甲の役割\t乙の役割
    経済成長のけん引\tア\t企業誘致の推進\t誘致活動を総括する。\t用地情報を提供する。
    \tイ\t観光の振興\tルートの企画を行う。\t観光資源の情報を提供する。
    """)
    assert [(r.label, r.measure, r.role_a) for r in labels_apart] == [
        ("ア", "企業誘致の推進", "誘致活動を総括する。"), ("イ", "観光の振興", "ルートの企画を行う。")]


def test_a_header_spanning_the_label_and_measure_columns_names_no_field_above_the_measures(write_file):
    """<th colspan="2">連携する取組</th> over ア | 企業誘致の推進: the labels are
    the label, not a subsection."""
    from pipeline import run

    doc = run(write_file("colspan.html", html_agreement("""<table border="1">
<tr><th>分野</th><th colspan="2">連携する取組</th><th>取組の内容</th><th>甲の役割</th><th>乙の役割</th></tr>
<tr><td rowspan="2">経済成長のけん引</td><td>ア</td><td>企業誘致の推進</td><td>圏域への企業の立地を促進する。</td><td>誘致活動を総括する。</td><td>用地情報を提供する。</td></tr>
<tr><td>イ</td><td>観光の振興</td><td>広域観光ルートを造成する。</td><td>ルートの企画を行う。</td><td>観光資源の情報を提供する。</td></tr>
</table>""")))
    assert [(r.section_title, r.subsection_title, r.label, r.measure, r.content) for r in doc.appendix] == [
        ("経済成長のけん引", "", "ア", "企業誘致の推進", "圏域への企業の立地を促進する。"),
        ("経済成長のけん引", "", "イ", "観光の振興", "広域観光ルートを造成する。"),
    ]


def test_tekiyo_is_the_content_where_it_is_the_tables_only_description_and_a_remark_after_the_roles():
    """摘要 as statutes' tables use it, last after the roles, is a remark (the
    note); as the only description of a measure (連携事業 | 摘要 | 甲の役割 |
    乙の役割, 事業名 | 摘要, or 【摘要】 first in a measure's keys), its summary:
    the content."""
    grid, _ = rows_of("""
    別表(第1条関係)
    連携事業\t摘要\t甲の役割\t乙の役割
    ア 企業誘致の推進\t共同で誘致活動を行う。\t誘致活動を総括する。\t用地情報を提供する。
    """)
    assert [(r.measure, r.content, r.role_a, r.note) for r in grid] == [
        ("企業誘致の推進", "共同で誘致活動を行う。", "誘致活動を総括する。", "")]
    names, _ = rows_of("""
    別表(第1条関係)
    事業名\t摘要
    1 企業誘致の推進\t共同で誘致活動を行う。
    2 観光の振興\t広域観光ルートを造成する。
    """)
    assert [(r.label, r.measure, r.content, r.note) for r in names] == [
        ("1", "企業誘致の推進", "共同で誘致活動を行う。", ""), ("2", "観光の振興", "広域観光ルートを造成する。", "")]
    last, _ = rows_of("""
    別表(第1条関係)
    連携事業\t取組の内容\t甲の役割\t乙の役割\t摘要
    ア 企業誘致の推進\t共同で誘致活動を行う。\t誘致活動を総括する。\t用地情報を提供する。\t令和4年度から
    """)
    assert [(r.content, r.note) for r in last] == [("共同で誘致活動を行う。", "令和4年度から")]
    blocks, _ = rows_of("""
    別表(第1条関係)
    (1) 企業誘致の推進
    【摘要】
    共同で誘致活動を行う。
    【甲の役割】
    誘致活動を総括する。
    【乙の役割】
    用地情報を提供する。
    【摘要】
    令和4年度から
    (2) 観光の振興
    【摘要】
    広域観光ルートを造成する。
    【甲の役割】
    ルートの企画を行う。
    【乙の役割】
    観光資源の情報を提供する。
    """)
    assert [(r.measure, r.content, r.role_b, r.note) for r in blocks] == [
        ("企業誘致の推進", "共同で誘致活動を行う。", "用地情報を提供する。", "令和4年度から"),
        ("観光の振興", "広域観光ルートを造成する。", "観光資源の情報を提供する。", "")]


def test_a_field_and_a_policy_area_column_are_the_section_and_subsection():
    """分野 | 政策分野 | 具体的取組 | 事業内容: the two field columns are two
    levels (each spanning its rows), not one section run together."""
    rows, _ = rows_of("""
    別表(第1条関係)
    分野\t政策分野\t具体的取組\t事業内容\t甲の役割\t乙の役割
    生活機能の強化\t医療\t救急医療体制の確保\t休日及び夜間の救急医療体制を確保する。\t救急医療センターを運営する。\t運営費の一部を負担する。
    \t福祉\t病児保育の相互利用\t病児保育施設を相互に利用できるようにする。\t施設を提供する。\t利用者を周知する。
    結びつきやネットワークの強化\t地域公共交通\t路線バスの維持\t両市を結ぶ路線バスを維持する。\t運行経費を負担する。\t利用を促進する。
    """)
    assert [(r.section_title, r.subsection_title, r.measure, r.content) for r in rows] == [
        ("生活機能の強化", "医療", "救急医療体制の確保", "休日及び夜間の救急医療体制を確保する。"),
        ("生活機能の強化", "福祉", "病児保育の相互利用", "病児保育施設を相互に利用できるようにする。"),
        ("結びつきやネットワークの強化", "地域公共交通", "路線バスの維持", "両市を結ぶ路線バスを維持する。"),
    ]


def test_an_unnumbered_field_spanning_a_grid_with_a_measure_column_is_the_section(write_file):
    """圏域全体の経済成長のけん引 across the table (colspan), or alone on a line
    between the rows where the labels start again at ア: the section of the
    measures below, not a text run into every cell of the next row."""
    from pipeline import run

    doc = run(write_file("fields.html", html_agreement("""<table border="1">
<tr><th>連携する取組</th><th>取組の内容</th><th>甲の役割</th><th>乙の役割</th></tr>
<tr><td colspan="4">圏域全体の経済成長のけん引</td></tr>
<tr><td>企業誘致の推進</td><td>企業の立地を促進する。</td><td>誘致活動を総括する。</td><td>用地情報を提供する。</td></tr>
<tr><td>観光の振興</td><td>広域観光ルートを造成する。</td><td>ルートの企画を行う。</td><td>観光資源の情報を提供する。</td></tr>
<tr><td colspan="4">生活関連機能サービスの向上</td></tr>
<tr><td>救急医療体制の確保</td><td>救急医療体制を確保する。</td><td>センターを運営する。</td><td>運営費を負担する。</td></tr>
</table>""")))
    expected = [
        ("圏域全体の経済成長のけん引", "企業誘致の推進", "企業の立地を促進する。", "誘致活動を総括する。"),
        ("圏域全体の経済成長のけん引", "観光の振興", "広域観光ルートを造成する。", "ルートの企画を行う。"),
        ("生活関連機能サービスの向上", "救急医療体制の確保", "救急医療体制を確保する。", "センターを運営する。"),
    ]
    assert [(r.section_title, r.measure, r.content, r.role_a) for r in doc.appendix] == expected
    rows, _ = rows_of("""
    別表(第1条関係)
    連携する取組\t取組の内容\t甲の役割\t乙の役割
    圏域全体の経済成長のけん引
    ア 企業誘致の推進\t企業の立地を促進する。\t誘致活動を総括する。\t用地情報を提供する。
    イ 観光の振興\t広域観光ルートを造成する。\tルートの企画を行う。\t観光資源の情報を提供する。
    生活関連機能サービスの向上
    ア 救急医療体制の確保\t救急医療体制を確保する。\tセンターを運営する。\t運営費を負担する。
    """)
    assert [(r.section_title, r.measure, r.content, r.role_a) for r in rows] == expected


def test_a_beppyo_continued_under_its_number_keeps_its_section_title():
    """別表第1(続き) over the rest of 別表第1 on the next page goes on in its
    section: its title stays, no new untitled section opens."""
    rows, _ = rows_of("""
    別表第1(第1条関係) 圏域全体の経済成長のけん引
    連携する取組\t取組の内容\t甲の役割\t乙の役割
    ア 企業誘致の推進\t企業の立地を促進する。\t誘致活動を総括する。\t用地情報を提供する。
    別表第1(続き)
    連携する取組\t取組の内容\t甲の役割\t乙の役割
    イ 観光の振興\t広域観光ルートを造成する。\tルートの企画を行う。\t観光資源の情報を提供する。
    別表第2(第1条関係) 高次の都市機能の集積・強化
    連携する取組\t取組の内容\t甲の役割\t乙の役割
    ア 救急医療体制の確保\t救急医療体制を確保する。\tセンターを運営する。\t運営費を負担する。
    別表第2 つづき
    連携する取組\t取組の内容\t甲の役割\t乙の役割
    イ 高等教育機関との連携\t人材育成を行う。\t大学との調整を行う。\t学生の受入れに協力する。
    """)
    assert [(r.section_no, r.section_title, r.label) for r in rows] == [
        (1, "圏域全体の経済成長のけん引", "ア"), (1, "圏域全体の経済成長のけん引", "イ"),
        (2, "高次の都市機能の集積・強化", "ア"), (2, "高次の都市機能の集積・強化", "イ")]


def test_a_continuation_mark_atop_a_page_is_no_part_of_the_cell_it_breaks():
    """(つづき) or 別表(続き) printed where a row broke over a page: the open
    cell goes on with the next page's rest, without the mark."""
    rows, _ = rows_of("""
    別表(第1条関係)
    連携する取組\t取組の内容\t甲の役割\t乙の役割
    ア 企業誘致の推進\t企業の立地を促進するため、\t誘致活動を総括する。\t用地情報を提供する。
    (つづき)
    \t共同で誘致活動を行う。\t\t
    イ 移住の促進\t移住相談会を開催する。\t相談会を企画する。\t空き家情報を
    別表(続き)
    \t\t\t提供する。
    """)
    assert [(r.label, r.content, r.role_b) for r in rows] == [
        ("ア", "企業の立地を促進するため、共同で誘致活動を行う。", "用地情報を提供する。"),
        ("イ", "移住相談会を開催する。", "空き家情報を提供する。")]


def test_remarks_of_a_key_value_block_are_the_measures_note():
    """【備考】 under a measure's keys is the row's note, also on the lines
    below its key, and the next measure still opens after a remark (or a
    role) ending without 。."""
    rows, warnings = rows_of("""
    別表(第1条関係)
    1 産業振興
    (1) 企業誘致の推進
    【取組の内容】
    企業誘致を推進する。
    【甲の役割】
    誘致活動を行う。
    【乙の役割】
    情報を提供する。
    【備考】
    令和4年度から実施する。
    (2) 観光振興
    取組の内容:観光客を誘致する。
    甲の役割:広報を行う。
    乙の役割:案内を行う。
    備考:県事業
    (3) 創業支援
    取組の内容:創業希望者を支援する。
    甲の役割:窓口を設置する。
    乙の役割:周知
    (4) 移住促進
    取組の内容:移住相談会を開催する。
    甲の役割:相談会を開催する。
    乙の役割:相談員を派遣する。
    備考:国の交付金を活用する。対象外の経費は甲乙で
    協議する。
    """)
    assert [brief(r) + (r.note,) for r in rows] == [
        (1, None, "1", "企業誘致の推進", "企業誘致を推進する。", "誘致活動を行う。", "情報を提供する。",
         "令和4年度から実施する。"),
        (1, None, "2", "観光振興", "観光客を誘致する。", "広報を行う。", "案内を行う。", "県事業"),
        (1, None, "3", "創業支援", "創業希望者を支援する。", "窓口を設置する。", "周知", ""),
        (1, None, "4", "移住促進", "移住相談会を開催する。", "相談会を開催する。", "相談員を派遣する。",
         "国の交付金を活用する。対象外の経費は甲乙で協議する。")]
    assert rows[0].span.lines_label == "10-18"  # the measure line to its remark's text
    assert warnings == []


def test_remarks_columns_named_otherwise_or_beside_a_two_row_header_are_the_rows_note():
    rows, warnings = rows_of("""
    別表(第1条関係)
    取組\t取組の内容\t甲の役割\t乙の役割\t備考欄
    ア 企業誘致\t企業誘致を推進する。\t誘致活動を行う。\t情報を提供する。\t令和4年度から
    """)
    assert [brief(r)[2:] + (r.note,) for r in rows] == [
        ("ア", "企業誘致", "企業誘致を推進する。", "誘致活動を行う。", "情報を提供する。", "令和4年度から")]
    assert warnings == []
    rows, warnings = rows_of("""
    別表(第1条関係)
    取組\t取組の内容\t役割分担\t\t特記事項
    \t\t甲\t乙
    ア 企業誘致\t企業誘致を推進する。\t誘致活動を行う。\t情報を提供する。\t県事業と連携
    """)
    assert [brief(r)[2:] + (r.note,) for r in rows] == [
        ("ア", "企業誘致", "企業誘致を推進する。", "誘致活動を行う。", "情報を提供する。", "県事業と連携")]
    assert warnings == []


def test_a_remarks_cell_broken_over_lines_is_joined_and_a_dash_or_same_as_above_resolved():
    """A 備考 cell wraps as the other cells do (its rest on the next line,
    the other cells empty, over a page footer); a dash is no remark and 同上
    the remark above. The 備考 under the grid, numbered notes on the whole
    table, is no row's: it stays out, with a warning."""
    rows, warnings = rows_of("""
    別表(第1条関係)
    1 圏域全体の経済成長のけん引
    取組\t取組の内容\t甲の役割\t乙の役割\t備考
    ア 企業誘致の推進\t圏域内への企業誘致を推進する。\t誘致活動を行う。\t用地情報を提供する。\t令和4年度から実施
    イ 農業の振興\t農産物の販路を拡大する。\t販路開拓を行う。\t生産者との調整を行う。\t県の補助事業を活
    - 5 -
    \t\t\t\t用する。
    ウ 林業の振興\t木材の利用を促進する。\t利用計画を定める。\t木材を供給する。\t同上
    エ 高度医療の提供\t高度な医療を提供する体制を確保する。\t拠点病院を運営する。\t住民に周知する。\t―
    備考 1 この表において「圏域」とは、甲及び乙の区域をいう。
    2 役割の詳細は、甲乙協議の上定める。
    """)
    assert [(r.label, r.measure, r.role_b, r.note) for r in rows] == [
        ("ア", "企業誘致の推進", "用地情報を提供する。", "令和4年度から実施"),
        ("イ", "農業の振興", "生産者との調整を行う。", "県の補助事業を活用する。"),
        ("ウ", "林業の振興", "木材を供給する。", "県の補助事業を活用する。"),
        ("エ", "高度医療の提供", "住民に周知する。", "")]
    assert [w.split(": ", 1)[1] for w in warnings] == ["備考 outside any row; its text is left out"]
    assert warnings[0].startswith("line 17:")


def test_a_remarks_column_of_a_table_aligned_with_spaces_is_the_rows_note():
    rows, warnings = rows_of("""
    別表(第1条関係)
    連携施策          取組内容                甲の役割            乙の役割            備考
    ア 産業振興       企業誘致を進め、        誘致活動を行う。    情報を提供する。    令和5年度
                      雇用を創出する。                                                から実施
    イ　観光振興　　　観光客を誘致する。　　　宣伝を行う。　　　　協力する。
    """)
    assert [(r.label, r.measure, r.content, r.role_a, r.role_b, r.note) for r in rows] == [
        ("ア", "産業振興", "企業誘致を進め、雇用を創出する。", "誘致活動を行う。", "情報を提供する。", "令和5年度から実施"),
        ("イ", "観光振興", "観光客を誘致する。", "宣伝を行う。", "協力する。", "")]
    assert warnings == []


def test_remarks_on_the_whole_table_after_the_last_key_value_block_are_no_measures_note():
    """備考 opening a numbered list of notes (1 この表において…), under the
    last measure of key/value blocks, speaks of the table: left out, warned."""
    rows, warnings = rows_of("""
    別表(第1条関係)
    1 産業振興
    (1) 企業誘致の推進
    取組の内容:企業誘致を推進する。
    甲の役割:誘致活動を行う。
    乙の役割:情報を提供する。
    備考:県事業
    (2) 観光振興
    取組の内容:観光客を誘致する。
    甲の役割:広報を行う。
    乙の役割:案内を行う。
    備考
    1 この表において「圏域」とは、甲及び乙の区域をいう。
    2 役割の詳細は、甲乙協議の上定める。
    """)
    assert [(r.measure, r.role_b, r.note) for r in rows] == [
        ("企業誘致の推進", "情報を提供する。", "県事業"), ("観光振興", "案内を行う。", "")]
    assert [w.split(": ", 1)[1] for w in warnings] == ["備考 outside any row; its text is left out"]
    assert warnings[0].startswith("line 19:")


# The page two 備考 tests share: an agreement's web page down to its 別表's
# header, whose last column is 備考; each test gives its own rows.
KURASHIKI_SOJA_PAGE_WITH_REMARKS = """<html><head><meta charset="utf-8"></head><body>
<p>倉敷市と総社市との連携協約</p>
<p>倉敷市(以下「甲」という。)と総社市(以下「乙」という。)は、次のとおり連携協約を締結する。</p>
<p>第1条 連携して取り組む事項及び役割分担は、別表のとおりとする。</p>
<p>令和3年3月25日</p>
<p>甲 倉敷市長 伊東 香織</p>
<p>乙 総社市長 片岡 聡一</p>
<p>別表(第1条関係)</p>
<table border="1">
<tr><th>連携する取組</th><th>取組の内容</th><th>甲の役割</th><th>乙の役割</th><th>備考</th></tr>
"""


def test_a_remarks_column_of_an_html_table_is_the_rows_note(write_file):
    from pipeline import run

    path = write_file("beppyo.html", KURASHIKI_SOJA_PAGE_WITH_REMARKS + """<tr><td>ア 企業誘致</td><td>企業誘致を推進する。</td><td>誘致活動を行う。</td><td>情報を提供する。</td>
<td>県の補助事業を<br>活用する。</td></tr>
<tr><td>イ 観光振興</td><td>観光客を誘致する。</td><td>宣伝を行う。</td><td>協力する。</td><td></td></tr>
</table></body></html>""")
    doc = run(path)
    assert [(r.label, r.measure, r.role_b, r.note) for r in doc.appendix] == [
        ("ア", "企業誘致", "情報を提供する。", "県の補助事業を活用する。"), ("イ", "観光振興", "協力する。", "")]
    assert not [w for w in doc.warnings if "備考" in w]


def test_an_overview_tables_remarks_column_is_the_rows_note():
    # 取組 | 取組内容 | 中心市の役割 | 連携市町村の役割 | 備考, a row continued below its measure
    doc = document_of("""
    備北定住自立圏形成協定の概要
    取組\t取組内容\t中心市の役割\t連携市町村の役割\t備考
    地域医療の充実\t救急医療体制を確保する。\t急患センターを運営する。\t住民に周知する。\t平成30年度から
    \t\t\t\t実施
    公共交通の維持\t路線バスを維持する。\t運行を支援する。\t―\t―
    """)
    assert [(r.measure, r.role_a, r.role_b, r.note) for r in doc.appendix] == [
        ("地域医療の充実", "急患センターを運営する。", "住民に周知する。", "平成30年度から実施"),
        ("公共交通の維持", "運行を支援する。", "", "")]


def test_a_remark_on_the_table_in_a_row_spanning_it_is_no_measure(write_file):
    """HTML: 備考 in a cell spanning the table's columns (colspan) notes the
    table, as the 備考 paragraph under it does; a 備考 cell spanning two
    measures' rows (rowspan) is the note of each."""
    from pipeline import run

    path = write_file("beppyo.html", KURASHIKI_SOJA_PAGE_WITH_REMARKS + """<tr><td>ア 企業誘致</td><td>企業誘致を推進する。</td><td>誘致活動を行う。</td><td>情報を提供する。</td>
<td rowspan="2">県の補助事業を活用する。</td></tr>
<tr><td>イ 観光振興</td><td>観光客を誘致する。</td><td>宣伝を行う。</td><td>協力する。</td></tr>
<tr><td colspan="5">備考 この表において「圏域」とは、甲及び乙の区域をいう。</td></tr>
</table>
<p>備考 1 役割の詳細は、甲乙協議の上定める。</p>
</body></html>""")
    doc = run(path)
    assert [(r.label, r.measure, r.role_b, r.note) for r in doc.appendix] == [
        ("ア", "企業誘致", "情報を提供する。", "県の補助事業を活用する。"),
        ("イ", "観光振興", "協力する。", "県の補助事業を活用する。")]
    assert len([w for w in doc.warnings if "備考 outside any row" in w]) == 2


def test_an_overview_table_read_as_no_rows_says_so():
    # content cells that end no sentence, a wide space apart from the measure: not read
    doc = document_of("""
        備後圏域連携協約の概要

        1　連携協約の当事者
        　福山市、府中市

        2　連携する取組
        連携施策　　取組内容
        産業振興　　ものづくり産業の振興
        観光振興　　広域観光ルートの開発
    """)
    assert doc.doc_type == "overview"
    assert doc.appendix == ()
    assert doc.status == "partial"
    assert any(w.startswith("line ") and "(連携施策 取組内容)" in w and "overview table gave no rows" in w
               for w in doc.warnings)


def test_rows_wrapped_over_lines_with_nothing_between_rows_and_no_labels_are_one_row_each():
    # pdftotext -layout of a table whose rows have no labels and no blank line between
    # them: a measure cell going on with the rest of the word above (ブラ|ンド化, 体制|の整備)
    # under sentence cells none of which has ended is the same row
    rows, _ = rows_of("""
    別表
    分野\t連携する取組\t取組の内容\t甲の役割\t乙の役割
    \t農産物のブラ\tい草等の農産物の\t商談会を企画し、\t生産者の参
    \tンド化\t販路を拡大するため、\t開催する。\t加を促す。
    \t\t商談会を開く。\t\t
    \t企業誘致\t港の機能を生かし、\t誘致を主導す\t情報を提
    \t\t企業誘致に取り組む。\tる。\t供する。
    \t広域避難体制\t広域避難の体制を\t避難所の相互利用\t同左
    防災\tの整備\t整備する。\tを調整する。\t
    """)
    assert [(r.section_title, r.measure, r.content, r.role_a, r.role_b) for r in rows] == [
        ("", "農産物のブランド化", "い草等の農産物の販路を拡大するため、商談会を開く。", "商談会を企画し、開催する。",
         "生産者の参加を促す。"),
        ("", "企業誘致", "港の機能を生かし、企業誘致に取り組む。", "誘致を主導する。", "情報を提供する。"),
        ("防災", "広域避難体制の整備", "広域避難の体制を整備する。", "避難所の相互利用を調整する。", "避難所の相互利用を調整する。"),
    ]


def test_rows_of_unfinished_phrases_stay_apart_when_the_measure_opens_a_word():
    # cells without 。 are phrases here, not wrapped sentences: each line is a row
    rows, _ = rows_of("""
    別表
    連携する取組\t取組の内容\t甲の役割\t乙の役割
    企業誘致\t合同の誘致活動\t活動の主導\t情報の提供
    観光振興\t周遊ルートの整備\t整備の実施\t情報の発信
    """)
    assert [r.measure for r in rows] == ["企業誘致", "観光振興"]


def test_a_placeholder_is_told_by_its_last_letter_first_whatever_its_spacing():
    """is_placeholder skips the regex for cells ending with no placeholder's
    letter: every placeholder the regex knows must still be one."""
    from extractors.tables import is_placeholder
    for cell in ("-", "---", "ー", "・", "なし", "特になし", "該当なし", "同左", "同　左", "同 上", "同上", "〃", "なし\n"):
        assert is_placeholder(cell), cell
    for cell in ("", "同左の取組を行う。", "企業誘致を推進する", "上", "なしとする。"):
        assert not is_placeholder(cell), cell
