import pytest

from pipeline.model import RawLine, Source, Span
from pipeline.normalize import clean_line, normalize
from tests.helpers import source_of


def source(*texts: str) -> Source:
    return Source(doc_id="d", path="d.txt", format="text", sha256="", encoding="utf-8",
                  lines=tuple(RawLine(t, i) for i, t in enumerate(texts, 1)))


def texts(lines):
    return [ln.text for ln in lines]


def test_full_width_digits_letters_and_brackets_become_ascii():
    assert clean_line("第１条（目的）ＥＳＤの推進") == "第1条(目的)ESDの推進"


def test_spaces_inside_dates_and_article_labels_are_removed():
    assert clean_line("令和元年 12 月 25 日") == "令和元年12月25日"
    assert clean_line("第 1 条 この協約は") == "第1条 この協約は"


def test_a_letter_spaced_western_year_is_joined():
    """均等割付 spreads 2020年3月27日 over its block one character apart."""
    assert clean_line("２ ０ ２ ０ 年 ３ 月 ２ ７ 日") == "2020年3月27日"
    assert clean_line("２　０　２　０　年　３　月　２　７　日") == "2020年3月27日"
    assert clean_line("1 2020年4月1日 締結") == "1 2020年4月1日 締結"  # a number before a date stays apart
    assert clean_line("2 4月1日から施行する。") == "2 4月1日から施行する。"


def test_letter_spaced_acronyms_are_joined():
    assert clean_line("E S Dによる人づくり") == "ESDによる人づくり"


def test_ocr_letter_spacing_between_japanese_characters_is_collapsed():
    assert clean_line("甲 及 び 乙 は 、 協 議 す る 。") == "甲及び乙は、協議する。"


def test_a_single_space_between_label_and_text_is_kept():
    assert clean_line("甲 山形市旅籠町二丁目3番25号") == "甲 山形市旅籠町二丁目3番25号"


def test_a_circled_number_opening_a_line_or_cell_stays_apart_from_its_text():
    # ②創業支援 would become 2創業支援, whose 2 reads as part of the words
    # (as in 3次救急医療); inside a sentence a circled number is left as NFKC makes it.
    assert clean_line("②創業支援") == "2 創業支援"
    assert clean_line("取組\t①企業誘致\t取組①を行う。") == "取組\t1 企業誘致\t取組1を行う。"
    assert clean_line("3次救急医療") == "3次救急医療"


@pytest.mark.parametrize("circled", ["❶❷", "➀➁", "➊➋", "⓵⓶"], ids=["negative", "sans-serif", "negative-sans-serif", "double"])
def test_circled_numbers_nfkc_leaves_read_as_those_it_folds(circled):
    # ① is 1 after NFKC; ❶ (Word's bullet styles) was left ❶, a label and
    # a 項 number unlike any other
    one, two = circled
    assert clean_line(f"{two}創業支援") == "2 創業支援"
    assert clean_line(f"取組\t{one}企業誘致\t取組{one}を行う。") == "取組\t1 企業誘致\t取組1を行う。"
    assert clean_line("⓫観光振興\t⓴交通") == "11 観光振興\t20 交通"


def test_html_tags_from_converters_are_removed_and_cells_kept():
    assert clean_line("<p>イ 教育</p>\t<p>交流の促進&amp;支援</p>") == "イ 教育\t交流の促進&支援"


def test_dashes_are_unified_but_the_long_vowel_mark_is_not():
    assert clean_line("1−2―3 データ") == "1-2-3 データ"


@pytest.mark.parametrize("wave", ["〜", "～", "∼", "⁓", "〰", "~"],
                         ids=["wave-dash", "fullwidth-tilde", "tilde-operator", "swung-dash", "wavy-dash", "ascii"])
def test_a_period_reads_the_same_whichever_wave_the_converter_wrote(wave):
    # Shift_JIS read as JIS gives U+301C, CP932 U+FF5E, a PDF's font U+223C or U+2053
    assert clean_line(f"令和2年4月1日{wave}令和7年3月31日") == "令和2年4月1日~令和7年3月31日"


@pytest.mark.parametrize("dash", ["−", "－", "―", "—", "⸺", "⎯"])
def test_dashes_and_rules_of_any_code_point_read_as_one(dash):
    # EUC-JP's minus is U+2212, CP932's U+FF0D; ⸺ and ⎯ draw a cell's "none" or a rule
    assert clean_line(f"0859{dash}22{dash}2111") == "0859-22-2111"
    assert clean_line(f"ア 観光\t{dash}") == "ア 観光\t-"


def test_cjk_radical_supplement_is_folded():
    assert clean_line("市⻑") == "市長"


def test_rules_footers_and_blank_lines_are_dropped_with_line_numbers_kept():
    lines = normalize(source("第1条 甲は", "", "-------\t-----", "- 3 -", "乙と協議する。"))
    assert [(ln.no, ln.text, ln.blank_before) for ln in lines] == [
        (1, "第1条 甲は", False), (5, "乙と協議する。", True)]


def test_a_running_header_is_kept_once():
    lines = normalize(source("連携協約の概要", "本文その一", "連携協約の概要", "本文その二", "連携協約の概要"))
    assert texts(lines) == ["連携協約の概要", "本文その一", "本文その二"]


def test_table_header_rows_repeated_per_section_are_kept():
    header = "連携施策\t取組内容\t甲の役割\t乙の役割"
    lines = normalize(source(header, "a\tb\tc\td", header, "e\tf\tg\th", header))
    assert texts(lines).count(header) == 3


def test_a_library_stamp_at_the_end_of_a_scan_is_dropped():
    lines = normalize(source("甲と連携して取り組む。", "清華大學", "圖書館", "藏書"))
    assert texts(lines) == ["甲と連携して取り組む。"]


def test_a_signatory_name_at_the_end_is_not_a_stamp():
    lines = normalize(source("山口市長", "渡邊太郎"))
    assert texts(lines) == ["山口市長", "渡邊太郎"]


def test_key_items_repeated_under_every_measure_are_not_running_headers():
    lines = normalize(source("ａ 甲の役割", "支援する。", "ａ 甲の役割", "運用する。", "ａ 甲の役割", "調整する。"))
    assert texts(lines).count("a 甲の役割") == 3


def test_a_label_line_of_a_few_words_keeps_its_spaces():
    # many spaces for its length, but its pieces are words, not single letters
    assert clean_line("氏　名　宇部市長　篠﨑　圭二") == "氏 名 宇部市長 篠﨑 圭二"
    assert clean_line("篠　﨑　圭　二") == "篠﨑圭二"  # a name printed letter by letter


def test_a_signature_line_with_its_role_mark_and_seal_keeps_its_spaces():
    # 甲 and 印 are one letter by nature; with a one-letter given name they made half the pieces
    assert clean_line("甲　氏名　鹿屋市長　中西　茂　　㊞") == "甲 氏名 鹿屋市長 中西 茂 印"
    assert clean_line("甲 及 び 乙 は 協 議 す る 印") == "甲及び乙は協議する印"


def test_a_table_aligned_with_spaces_becomes_cells_by_the_header_columns():
    # as pdftotext -layout or a copy from a PDF gives it: cells start under their
    # header, a wrapped cell's rest is indented under its column
    lines = [line.text for line in normalize(source_of("""
        別表(第1条関係)
        連携施策          取組内容                甲の役割            乙の役割
        Ⅰ 経済成長のけん引
        ア 産業振興       企業誘致を進め、        誘致活動を行う。    情報を提供する。
                                     - 3 -
                          雇用を創出する。
        イ　観光振興　　　観光客を誘致する。　　　宣伝を行う。　　　　協力する。
        第2条 この協約は、締結の日から効力を生ずる。
        甲　　下関市長　　前田　晋太郎
    """))]
    assert lines == [
        "別表(第1条関係)",
        "連携施策\t取組内容\t甲の役割\t乙の役割",
        "I 経済成長のけん引",  # Ⅰ in NFKC
        "ア 産業振興\t企業誘致を進め、\t誘致活動を行う。\t情報を提供する。",
        "\t雇用を創出する。",
        "イ 観光振興\t観光客を誘致する。\t宣伝を行う。\t協力する。",
        "第2条 この協約は、締結の日から効力を生ずる。",
        "甲 下関市長 前田 晋太郎",  # after the table: spaces stay spaces
    ]


def test_markdown_and_box_drawn_table_rows_become_cells():
    # as converters (pandoc, markitdown) and plain-text exports draw a 別表
    lines = normalize(source(
        "| 取組 | 甲の役割 | 乙の役割 |",
        "|:---|---|---:|",
        "| ア 経済戦略の策定 | 乙と連携して推進する。 | 甲と取 |",
        "|  |  | 組を推進する。 |",
        "┌────┬────┐",
        "│ 連携施策 │ 取組内容 │",
        "├────┼────┤",
        "│ 医療 │ 救急医療を確保する。 │",
        "└────┴────┘",
        "｜ 福祉 ｜ 介護\\|福祉の人材を育てる。 ｜",
        "金額は100|200のいずれかとする。",
    ))
    assert texts(lines) == [
        "取組\t甲の役割\t乙の役割",
        "ア 経済戦略の策定\t乙と連携して推進する。\t甲と取",
        "\t\t組を推進する。",
        "連携施策\t取組内容",
        "医療\t救急医療を確保する。",
        "福祉\t介護|福祉の人材を育てる。",
        "金額は100|200のいずれかとする。",
    ]


def test_rows_with_bars_between_cells_and_none_around_them_become_cells():
    # Markdown without its outer pipes, or vertical rules as OCR reads them;
    # a bar at such a row's edge is an empty cell's, the blanks around a bar no column gap
    lines = normalize(source(
        "取組 | 甲の役割 | 乙の役割",
        "--- | --- | ---",
        "ア 経済戦略の策定 | 乙と連携して推進する。 | 甲と取",
        " |  | 組を推進する。",
        "イ 戦略産業の育成 ｜ 企業を支援する。 ｜ 甲と連携する。",
        "金額は100|200のいずれかとする。",
    ))
    assert texts(lines) == [
        "取組\t甲の役割\t乙の役割",
        "ア 経済戦略の策定\t乙と連携して推進する。\t甲と取",
        "\t\t組を推進する。",
        "イ 戦略産業の育成\t企業を支援する。\t甲と連携する。",
        "金額は100|200のいずれかとする。",
    ]


def test_markdown_headings_and_strong_marks_from_converters_are_dropped():
    lines = normalize(source(
        "# 岡山市及び和気町における連携中枢都市圏形成に係る連携協約",
        "**(目的)**",
        "**第1条**この連携協約は、圏域の発展を目的とする。",
        "## 別表(第3条関係)",
        "__1__ 圏域全体の経済成長のけん引",
        "注*1 及び注*2 を参照する。",
    ))
    assert texts(lines) == [
        "岡山市及び和気町における連携中枢都市圏形成に係る連携協約",
        "(目的)",
        "第1条この連携協約は、圏域の発展を目的とする。",
        "別表(第3条関係)",
        "1 圏域全体の経済成長のけん引",
        "注*1 及び注*2 を参照する。",
    ]


def test_markdown_escapes_and_hard_line_breaks_from_converters_are_dropped():
    # pandoc writes a docx's line break inside a paragraph as a trailing "\\"
    # and escapes the ASCII punctuation Markdown would read (\\*, \\[ …);
    # a backslash before anything else is text (CP932's yen sign: \\1,000)
    lines = normalize(source(
        "第3条 疑義が生じた事項は、甲及び乙が協議して定める。\\",
        "2 前項の協議は、担当課長会議において行う。",
        "広域観光の推進\\*に取り組む。\\[注\\]",
        "負担金は\\1,000とする。",
    ))
    assert texts(lines) == [
        "第3条 疑義が生じた事項は、甲及び乙が協議して定める。",
        "2 前項の協議は、担当課長会議において行う。",
        "広域観光の推進*に取り組む。[注]",
        "負担金は\\1,000とする。",
    ]


def test_signature_blocks_side_by_side_are_read_column_by_column_with_their_source_lines():
    lines = normalize(source_of("""
        令和2年3月31日
        甲  宇部市常盤町一丁目7番1号          乙  山陽小野田市日の出一丁目1番1号

            宇部市長  篠﨑 圭二                    山陽小野田市長  藤田 剛二
        甲及び乙は、  誠実に協議する。
    """))
    assert [(ln.no, ln.text) for ln in lines] == [
        (1, "令和2年3月31日"),
        (2, "甲 宇部市常盤町一丁目7番1号"), (4, "宇部市長 篠﨑 圭二"),
        (2, "乙 山陽小野田市日の出一丁目1番1号"), (4, "山陽小野田市長 藤田 剛二"),
        (5, "甲及び乙は、 誠実に協議する。"),
    ]


def test_signature_blocks_in_a_table_are_read_down_each_partys_column():
    """A row of role marks over rows of address, office and name, a
    column of labels left of them: each party's cells in turn, labels and
    the rule under the marks dropped."""
    lines = normalize(source_of("""
        令和2年3月27日
        |      | 甲                       | 乙                         |
        |------|--------------------------|----------------------------|
        | 住所 | 広島県福山市東桜町3番5号 | 広島県府中市府川町315番地  |
        | 職名 | 福山市長                 | 府中市長                   |
        | 氏名 | 枝廣 直幹                | 小野 申人                  |
    """))
    assert [(ln.no, ln.text) for ln in lines] == [
        (1, "令和2年3月27日"),
        (2, "甲"), (4, "広島県福山市東桜町3番5号"), (5, "福山市長"), (6, "枝廣 直幹"),
        (2, "乙"), (4, "広島県府中市府川町315番地"), (5, "府中市長"), (6, "小野 申人"),
    ]


def test_signature_blocks_each_in_a_cell_opening_with_its_mark_are_read_one_after_the_other():
    lines = normalize(source_of("""
        甲 岡山県津山市山北520\t乙 岡山県苫田郡鏡野町竹田76
        津山市長 谷口 圭三\t鏡野町長 山崎 親男
    """))
    assert [(ln.no, ln.text) for ln in lines] == [
        (1, "甲 岡山県津山市山北520"), (2, "津山市長 谷口 圭三"),
        (1, "乙 岡山県苫田郡鏡野町竹田76"), (2, "鏡野町長 山崎 親男"),
    ]


def test_a_role_header_over_sentences_is_no_signature_table():
    """甲 | 乙 over the roles of a 別表 (役割分担 split in two): rows of cells as they were."""
    lines = normalize(source_of("""
        甲\t乙
        会議を開催する。\t会議に出席する。
    """))
    assert texts(lines) == ["甲\t乙", "会議を開催する。\t会議に出席する。"]


@pytest.mark.parametrize("line, expected", [
    ("市　長　大森　雅夫", "市長 大森 雅夫"),  # a two-letter title spread to the name's width
    ("知　事 伊原木 隆太", "知事 伊原木 隆太"),  # the title's gap wider than the name's
    ("乙 市 長 中西 茂 ㊞", "乙 市長 中西 茂 印"),
    ("代表者　管　理　者　山田　太郎", "代表者 管理者 山田 太郎"),
    ("市 長 大森 雅 夫", "市長 大森 雅夫"),  # letters spaced after a word join each other
])
def test_a_letter_spaced_title_before_a_name_is_one_word_and_the_name_keeps_its_gap(line, expected):
    # the letters of the office are spaced out to a width; the words after it
    # (family and given name) are written as words
    assert clean_line(line) == expected


def test_letter_spaced_prose_with_words_among_its_letters_is_joined():
    # OCR leaves some letters unspaced: those pieces are no words of their own
    assert clean_line("甲 及 び 乙 は 協議 す る もの と する") == "甲及び乙は協議するものとする"
    assert clean_line("圏 域 の 市 長 と 協議 す る") == "圏域の市長と協議する"
    assert clean_line("こ の 協 約 は 市 長 協議 に よ る") == "この協約は市長協議による"


def test_letter_spaced_ocr_keeps_its_wider_gaps_as_word_gaps():
    # single spaces between the letters, a full-width space or a double one between the words
    assert clean_line("姫 路 市 長　石 見　利 勝") == "姫路市長 石見 利勝"
    assert clean_line("甲  姫 路 市 長  石 見  利 勝") == "甲 姫路市長 石見 利勝"



@pytest.mark.parametrize("line, expected", [
    ("岡　山　市　長　　伊　原　木　　隆　太", "岡山市長 伊原木 隆太"),
    ("市　長　　　大　森　　雅　夫　　㊞", "市長 大森 雅夫 印"),
    ("市　　長　　　大　　森　　　雅　　夫", "市長 大森 雅夫"),  # OCR's uneven gaps: two between letters, three between words
    ("岡　山　市　長　　宍　戸　　　　　　　　勉", "岡山市長 宍戸 勉"),  # a short given name spread to the family name's width
    ("岡　山　市　長　　大　森　雅　夫", "岡山市長 大森雅夫"),  # no wider gap in the name: one word
])
def test_letters_a_full_width_space_apart_keep_the_wider_gaps_as_word_gaps(line, expected):
    # every letter spaced, by full-width spaces: the gap most letters share
    # parts letters, a wider one words
    assert clean_line(line) == expected


PDFTOTEXT_TABLE = "\n".join([
    # pdftotext -layout: one column per character (not two for a full-width
    # one), a wrapped cell's rest on the next line, a blank line between rows
    "別表(第1条関係)",
    "",
    "連携施策" + " " * 6 + "取組内容" + " " * 12 + "甲の役割" + " " * 8 + "乙の役割",
    "",
    "ア 産業振興" + " " * 4 + "企業誘致を進め、" + " " * 8 + "誘致活動を" + " " * 7 + "情報を提供",
    " " * 10 + "雇用を創出する。" + " " * 8 + "行う。" + " " * 9 + "する。",
    "",
    "イ 観光振興" + " " * 4 + "観光客を誘致する。" + " " * 7 + "宣伝を行う。" + " " * 6 + "協力する。",
])


def test_a_table_printed_by_pdftotext_gives_one_row_per_ruled_row_with_its_wrapped_cells_joined():
    lines = normalize(source_of(PDFTOTEXT_TABLE))
    assert [(ln.no, ln.text, Span.of([ln]).last) for ln in lines] == [
        (1, "別表(第1条関係)", 1),
        (3, "連携施策\t取組内容\t甲の役割\t乙の役割", 3),
        (5, "ア 産業振興\t企業誘致を進め、雇用を創出する。\t誘致活動を行う。\t情報を提供する。", 6),
        (8, "イ 観光振興\t観光客を誘致する。\t宣伝を行う。\t協力する。", 8),
    ]


def test_key_labels_standing_over_their_values_are_not_running_headers():
    # the ministry's model 定住自立圏形成協定 prints 【取組の内容】 over each measure's text
    lines = normalize(source("【取組の内容】", "一", "【取組の内容】", "二", "【取組の内容】", "三",
                             "連携市町の役割", "四", "連携市町の役割", "五", "連携市町の役割"))
    assert texts(lines).count("【取組の内容】") == 3
    assert texts(lines).count("連携市町の役割") == 3


def test_a_box_drawn_row_ruled_off_from_the_next_is_one_row_of_joined_cells():
    lines = normalize(source(
        "┌────┬────┐",
        "│ 連携施策 │ 取組内容 │",
        "├────┼────┤",
        "│ ア 農林水産物の │ 販路拡大に取り組む。 │",
        "│ ブランド化 │  │",
        "├────┼────┤",
        "│ イ 創業 │ 創業を支援する。 │",
        "└────┴────┘",
    ))
    assert [(ln.no, ln.text) for ln in lines] == [
        (2, "連携施策\t取組内容"), (4, "ア 農林水産物のブランド化\t販路拡大に取り組む。"), (7, "イ 創業\t創業を支援する。")]
    assert lines[1].through == 5


def test_a_table_ruled_under_its_header_only_keeps_a_row_a_line():
    lines = normalize(source(
        "+------+------+",
        "| 施策 | 内容 |",
        "+------+------+",
        "| ア 観光 | 観光を振興する。 |",
        "| イ 産業 | 産業を振興する。 |",
        "+------+------+",
    ))
    assert texts(lines) == ["施策\t内容", "ア 観光\t観光を振興する。", "イ 産業\t産業を振興する。"]


def test_the_second_line_of_a_space_aligned_header_splits_the_column_it_stands_under():
    lines = normalize(source(
        "連携する取組        取組の内容              役割分担",
        "                                            甲                  乙",
        "ア 観光             観光を振興する。        宣伝する。          協力する。",
    ))
    assert texts(lines) == ["連携する取組\t取組の内容\t役割分担", "\t\t甲\t乙", "ア 観光\t観光を振興する。\t宣伝する。\t協力する。"]


# Excerpts of pdftotext -layout's output for raw/000 printed to PDF
# (tests/pdf_render.render_text_pdf): one grid column per character.
PDFTOTEXT_HEADER = "連携施策         取組内容              甲の役割          乙の役割"


def test_header_cells_centred_over_their_columns_keep_the_cells_starting_left_of_them():
    # aligned on screen (a full-width character two wide); each header starts
    # 3 to 5 columns right of its cells, as a header centred in its column does
    lines = [line.text for line in normalize(source_of("""
        別表(第2条関係)
          連携施策          取組内容                      甲の役割                  乙の役割
        1 圏域全体の経済成長のけん引
          ア 産業振興    中小企業の販路拡大を支援    商談会を開催する。        町内企業に参加を
                         する。                                                  呼びかける。
          イ 観光振興    広域観光ルートを造成する。  ルートの企画を行う。      観光資源の情報を
                                                                                 提供する。
          ア 地域医療    救急医療体制を確保する。    急患センターを運営する。  運営費を負担する。
    """))]
    assert lines[1:] == [
        "連携施策\t取組内容\t甲の役割\t乙の役割",
        "1 圏域全体の経済成長のけん引",
        "ア 産業振興\t中小企業の販路拡大を支援\t商談会を開催する。\t町内企業に参加を",
        "\tする。\t\t呼びかける。",
        "イ 観光振興\t広域観光ルートを造成する。\tルートの企画を行う。\t観光資源の情報を",
        "\t\t\t提供する。",
        "ア 地域医療\t救急医療体制を確保する。\t急患センターを運営する。\t運営費を負担する。",
    ]


def test_a_cell_pdftotext_pushed_left_of_its_header_goes_to_the_nearest_column():
    # the third cell starts at 28, three left of 甲の役割 (31), one space after the second
    lines = normalize(source(
        PDFTOTEXT_HEADER,
        "",
        "産業クラスターの形成、 産業クラスターの形成、イノベー 産業クラスターの形成、      各種連携事業について、",
        "イノベーションの実現、 ションの実現、新規創業の促進 イノベーションの実現、       甲と連携して取り組む。",
    ))
    assert texts(lines)[1].split("\t") == [
        "産業クラスターの形成、イノベーションの実現、", "産業クラスターの形成、イノベーションの実現、新規創業の促進",
        "産業クラスターの形成、イノベーションの実現、", "各種連携事業について、甲と連携して取り組む。"]


def test_a_body_line_of_short_cells_is_no_header_since_header_cells_are_no_sentences():
    # 種連携事業に取り組む。 | 各種連携事業について圏 | … has table words in three short pieces
    lines = normalize(source(
        PDFTOTEXT_HEADER,
        "",
        "医療体制の充実      医療体制の充実を図るため、各    医療体制の充実に向け、   各種連携事業について、",
        "             種連携事業に取り組む。       各種連携事業について圏   甲と連携して取り組む。",
        "                               域の中心的な役割を担う",
        "",
        "福祉の充実        福祉の充実を図るため、各種連    福祉の充実に向け、各種   各種連携事業について、",
        "             携事業に取り組む。         連携事業について圏域の   甲と連携して取り組む。",
    ))
    assert texts(lines)[1:] == [
        "医療体制の充実\t医療体制の充実を図るため、各種連携事業に取り組む。"
        "\t医療体制の充実に向け、各種連携事業について圏域の中心的な役割を担う\t各種連携事業について、甲と連携して取り組む。",
        "福祉の充実\t福祉の充実を図るため、各種連携事業に取り組む。\t福祉の充実に向け、各種連携事業について圏域の\t"
        "各種連携事業について、甲と連携して取り組む。"]


def test_lines_whose_cells_pdftotext_parted_by_one_space_only_stay_rows_of_the_table():
    # no gap of two spaces in the third and fourth line: they were taken for text after the table
    lines = normalize(source(
        PDFTOTEXT_HEADER,
        "",
        "産業クラスターの形成、 産業クラスターの形成、イノベー 産業クラスターの形成、      各種連携事業について、",
        "イノベーションの実現、 ションの実現、新規創業の促進 イノベーションの実現、       甲と連携して取り組む。",
        "新規創業の促進及び地 及び地域の中堅企業等を核とし 新規創業の促進及び地域",
        "域の中堅企業等を核と た戦略産業の育成を図るため、 の中堅企業等を核とした",
        "した戦略産業の育成   企業支援、雇用の確保等、各種 戦略産業の育成に向け、",
        "            連携事業に取り組む。      各種連携事業について圏",
        "                            域の中心的な役割を担う",
        "                            とともに圏域内市町と連",
        "                            携して取り組む。",
    ))
    assert texts(lines)[1].split("\t") == [
        "産業クラスターの形成、イノベーションの実現、新規創業の促進及び地域の中堅企業等を核とした戦略産業の育成",
        "産業クラスターの形成、イノベーションの実現、新規創業の促進及び地域の中堅企業等を核とした戦略産業の育成を図るため、"
        "企業支援、雇用の確保等、各種連携事業に取り組む。",
        "産業クラスターの形成、イノベーションの実現、新規創業の促進及び地域の中堅企業等を核とした戦略産業の育成に向け、"
        "各種連携事業について圏域の中心的な役割を担うとともに圏域内市町と連携して取り組む。",
        "各種連携事業について、甲と連携して取り組む。"]
    assert len(lines) == 2


@pytest.mark.parametrize("header", [
    "取組                             甲の役割          乙の役割",  # 取組 over the measure and its content
    "             取組                甲の役割          乙の役割",  # the same header on the next page
], ids=["spanning", "moved"])
def test_a_column_the_header_does_not_start_is_found_where_the_rows_start_cells(header):
    # raw/001's 別表 printed by pdftotext -layout: one header cell over two columns
    lines = normalize(source(
        header,
        "",
        "ア 高度な医療サービ   医療機関や県等との連携や情報    乙と連携・協力して、取   甲と連携・協力して実施",
        "スの提供体制構築の支   共有を図り、高度な医療サービ    組を推進する。       する事業について、甲と",
        "援            スの提供体制構築の支援などに                  取組を推進する。",
        "             取り組む。",
    ))
    assert texts(lines)[1].split("\t") == [
        "ア 高度な医療サービスの提供体制構築の支援", "医療機関や県等との連携や情報共有を図り、高度な医療サービスの提供体制構築の支援などに取り組む。",
        "乙と連携・協力して、取組を推進する。", "甲と連携・協力して実施する事業について、甲と取組を推進する。"]
    assert texts(lines)[0].split("\t")[2:] == ["甲の役割", "乙の役割"]


def test_a_running_header_atop_the_next_page_of_a_table_is_no_row_of_it():
    # raw/004 by pdftotext -layout: the page's running header stood in the last column,
    # as if the row above went on over the page
    from pipeline.ingest.text import paged_lines

    lines = normalize(Source(doc_id="d", path="d.txt", format="text", sha256="", encoding="utf-8", lines=tuple(
        paged_lines([
            PDFTOTEXT_HEADER,
            "",
            "産業クラスターの形成、 産業クラスターの形成、イノベー 産業クラスターの形成、   甲と連携して実施する事",
            "イノベーション実現、 ション実現、新規創業促進、地 イノベーション実現、新     業について、協力して取",
            "新規創業促進、地域の 域の中堅企業等を核とした戦略 規創業促進、地域の中堅     り組む。",
            "",
            "",
            "                         -2-",
            "\f                                                     連携協約書(写)",
            "",
            "",
            "連携施策         取組内容               甲の役割          乙の役割",
            "",
            "中堅企業等を核とした   産業の育成を図るため、起業支 企業等を核とした戦略産",
            "戦略産業の育成      援等、各種連携事業に取り組む。 業の育成を図るため、圏",
        ]))))
    assert [ln.text.split("\t")[-1] for ln in lines[1:3]] == ["甲と連携して実施する事業について、協力して取り組む。", "連携協約書(写)"]
    assert not lines[2].is_row


def test_a_role_sentence_recurring_down_a_table_is_no_running_header_where_pages_are_known():
    # raw/000 printed and read by pdftotext without -layout: the same 乙の役割 cell
    # recurs mid-page under each measure; only the page's top line is a running header
    from pipeline.ingest.text import paged_lines

    lines = normalize(Source(doc_id="d", path="d.txt", format="text", sha256="", encoding="utf-8", lines=tuple(
        paged_lines(["連携協約書(写)", "医療体制の充実", "各種連携事業について、", "甲と連携して取り組む。", "(注)", "以上",
                     "\f連携協約書(写)", "福祉の充実", "各種連携事業について、", "甲と連携して取り組む。", "(注)", "以上",
                     "\f連携協約書(写)", "地域振興の充実", "各種連携事業について、", "甲と連携して取り組む。", "(注)", "以上"]))))
    assert texts(lines).count("連携協約書(写)") == 1
    assert texts(lines).count("甲と連携して取り組む。") == 3


def test_a_running_header_after_a_footer_goes_even_where_only_some_pages_end_with_a_form_feed():
    # the pages of this file end at footers (- 1 -); one form feed, added by
    # whoever joined two exports, makes the pages known: the header under
    # the footer still opens a page, so it is no part of the sentence it cuts
    from pipeline.ingest.text import paged_lines

    page = ["八戸圏域 連携協約書", "第1条 甲及び乙は、相互に", "- 1 -", "八戸圏域 連携協約書", "協力する。",
            "第2条 甲及び乙は、", "- 2 -", "八戸圏域 連携協約書", "協議する。", "- 3 -", "\f八戸圏域 連携協約書",
            "第3条 甲及び乙は、誠実に協議する。"]
    lines = normalize(Source(doc_id="d", path="d.txt", format="text", sha256="", encoding="utf-8",
                             lines=tuple(paged_lines(page))))
    assert texts(lines) == ["八戸圏域 連携協約書", "第1条 甲及び乙は、相互に", "協力する。", "第2条 甲及び乙は、",
                            "協議する。", "第3条 甲及び乙は、誠実に協議する。"]


def test_signature_blocks_side_by_side_indented_by_an_ideographic_space_are_read_block_by_block():
    lines = normalize(source_of("""
        \u3000甲\u3000岡山県岡山市北区大供一丁目1番1号\u3000\u3000\u3000\u3000\u3000乙\u3000岡山県玉野市宇野一丁目27番1号
        \u3000\u3000\u3000岡山市長\u3000森川\u3000正和\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000玉野市長\u3000黒田\u3000直樹
    """))
    assert [(ln.no, ln.text) for ln in lines] == [
        (1, "甲 岡山県岡山市北区大供一丁目1番1号"), (2, "岡山市長 森川 正和"),
        (1, "乙 岡山県玉野市宇野一丁目27番1号"), (2, "玉野市長 黒田 直樹"),
    ]


# -- prose hard-wrapped at a fixed width --
WRAPPED = """\
第1条 この連携協約は、甲及び乙が、圏域全体の経済成長のけん引、高次の
都市機能の集積・強化及び圏域全体の生活関連機能サービスの向上に関する取
組を相互に連携して実施することにより、岡山県の住民が活力にあふれる圏域
を形成することを目的とする。
第2条 甲及び乙は、前条に規定する目的を達成するため、連携を図る。"""


def test_a_paragraph_cut_at_one_width_is_one_line_again():
    lines = normalize(source_of(WRAPPED))
    assert [ln.text[:4] for ln in lines] == ["第1条 ", "第2条 "]
    assert "取組を相互" in lines[0].text and lines[0].text.endswith("目的とする。")
    assert (lines[0].no, lines[0].through, lines[1].blank_before) == (1, 4, False)


def test_a_cut_right_after_the_sentence_end_closes_the_run():
    text = "\n".join(WRAPPED.split("\n")[:3]) + "\n" + "甲及び乙は、相互に連携して実施することにより、圏域を形成するもの。"
    assert len(normalize(source_of(text))) == 1


@pytest.mark.parametrize("footer", ["－３－", "- 3 -", "(3)", "3/8"])
def test_a_page_number_after_lines_of_one_width_is_no_last_piece_of_their_sentence(footer):
    # a scan's lines of one width, then the page's number, then the sentence goes on:
    # the number is dropped as the footer it is, never joined into the sentence
    lines = WRAPPED.split("\n")
    text = "\n".join(lines[:2] + [footer] + lines[2:])
    doc_text = " ".join(ln.text for ln in normalize(source_of(text)))
    assert footer.replace(" ", "") not in doc_text.replace(" ", "")
    assert "サービスの向上に関する" in doc_text


@pytest.mark.parametrize("text", [
    # one line as wide as the next is no evidence of a fixed width
    "甲及び乙は、前条の目的を達成するため、次条に規定する取組において\n(連携する取組及び役割分担)",
    # articles of equal width whose sentences end under an amendment note
    "第2条 前項の取組は、別表に定める。(令和3年3月31日一部改正)\n第3条 この協約の期間は、3年間とする。(令和3年3月31日追加)\n"
    "第4条 この協約に定めのない事項は、協議する。",
    # items of equal width stay items
    "(1) 圏域全体の経済成長のけん引に関する取組の推進\n(2) 圏域全体の経済成長のけん引に関する取組の推進\n(3) 観光",
    # a table given one cell a line below the 別表 is read by widths
    "別表\n産業クラスターの形成、イノベーション実現、新規創業促進\n地域の中堅企業等を核とした戦略産業の育成を図るため、\n取り組む。",
])
def test_lines_that_are_not_one_cut_paragraph_stay_apart(text):
    assert len(normalize(source_of(text))) == len(text.split("\n"))


def test_a_title_atop_two_pages_split_by_a_footer_is_dropped_from_the_article_it_cuts():
    from tests.helpers import document_of
    for footer in ("- 1 -", None):  # a page footer tells the pages apart; without one, the cut sentence does
        lines = ["松山市と東温市との連携協約",
                 "松山市(以下「甲」という。)及び東温市(以下「乙」という。)は、次のとおり連携協約を締結する。",
                 "第1条 甲及び乙は、圏域の発展のため、次に掲げる取組を推進する",
                 *([footer] if footer else []),
                 "松山市と東温市との連携協約",
                 "ものとする。",
                 "第2条 この協約に定めのない事項は、甲乙協議して定める。",
                 "平成30年3月26日", "甲 松山市長 野志克仁", "乙 東温市長 加藤章"]
        doc = document_of("\n".join(lines))
        assert doc.title == "松山市と東温市との連携協約"
        assert doc.articles[0].paragraphs == ("甲及び乙は、圏域の発展のため、次に掲げる取組を推進するものとする。",)


PDF_VIEWER_COPY = """高松市と三木町との連携中枢都市圏形成に係る連携協約
高松市(以下「甲」という。)及び三木町(以下「乙」という。)は、次のとおり連携協約を締結する。
(目的)
第1条 この連携協約は、圏域の発展を図ることを目的とする。
(連携する取組)
第2条 甲及び乙が連携して取り組む事項は、別表のとおりとする。
1
瀬戸・高松広域連携中枢都市圏連携協約
(費用負担)
第3条 前条の取組に要する費用は、甲及び乙が協議して定める。
2 前項の費用は、予算の範囲内で負担する。
2
瀬戸・高松広域連携中枢都市圏連携協約
(協議)
第4条 この連携協約に定めのない事項は、甲及び乙が協議して定める。
3"""


def test_page_numbers_counting_up_each_over_the_same_line_are_page_breaks():
    """Copied from a PDF viewer, a page ends in its bare number (1, 2, 3) and
    the next opens with the running header: both are furniture, neither a
    line of the article they fall in."""
    kept = texts(normalize(source_of(PDF_VIEWER_COPY)))
    assert kept == [
        "高松市と三木町との連携中枢都市圏形成に係る連携協約",
        "高松市(以下「甲」という。)及び三木町(以下「乙」という。)は、次のとおり連携協約を締結する。",
        "(目的)", "第1条 この連携協約は、圏域の発展を図ることを目的とする。",
        "(連携する取組)", "第2条 甲及び乙が連携して取り組む事項は、別表のとおりとする。",
        "(費用負担)", "第3条 前条の取組に要する費用は、甲及び乙が協議して定める。",
        "2 前項の費用は、予算の範囲内で負担する。",
        "(協議)", "第4条 この連携協約に定めのない事項は、甲及び乙が協議して定める。",
    ]


@pytest.mark.parametrize("text", [
    # a 別表 printed one cell a line: numbered rows over the same area cell, closer than pages
    "別表\n1\n連携市町村の全域\n観光を振興する。\n2\n連携市町村の全域\n医療を確保する。",
    # 項 numbers alone over their text: each followed by a different line
    "第1条 甲及び乙は協議する。\n2\n前項の協議は毎年行う。\n3\n前項の協議の結果は公表する。",
    # measures numbered alone on a line over the same key label are no pages
    "別表\n1\n【取組の内容】\n観光を振興する。\n2\n【取組の内容】\n医療を確保する。",
    # numbers not counting up
    "第1条 甲乙協議する。\n3\n連携協約書の写し\n第2条 協議する。\n3\n連携協約書の写し\n第3条 定める。",
])
def test_bare_numbers_that_are_no_page_count_stay(text):
    assert len(normalize(source_of(text))) == len(text.split("\n"))
