"""OCR repair: what the evidence supports is fixed and logged, nothing else changes.

Inputs are agreement lines as scans garble them; each expected value was
read off the input (the correct spelling is the one the gazetteer or the
rest of the same text uses).
"""
from __future__ import annotations

from dataclasses import replace

from pipeline import run
from pipeline.normalize import normalize
from pipeline.repair import repair
from pipeline.repair.glyphs import link, neighbours
from tests.conftest import SEEDS, seed
from tests.helpers import document_of, source_of


def repaired(text: str):
    return repair(normalize(source_of(text)))


def texts(result) -> list[str]:
    return [line.text for line in result.lines]


def fixes(result) -> list[tuple[str, str]]:
    return [(c.original, c.corrected) for c in result.corrections]


# --- glyph similarity -------------------------------------------------------

def test_hand_listed_look_alikes_are_linked_both_ways():
    assert link("市", "巿").kind == "table"
    assert link("ニ", "二").kind == "table" and link("二", "ニ").kind == "table"


def test_kanji_sharing_a_component_are_linked_beyond_the_hand_list():
    assert link("祈", "祢").label == "component:礻"
    assert link("搗", "携").label == "component:扌"
    assert "祈" in neighbours("祢")


def test_unrelated_kanji_are_not_linked():
    assert link("山", "川") is None
    assert link("市", "町") is None


# --- municipality names -----------------------------------------------------

def test_seed_signature_block_misspelling_is_repaired_on_every_line():
    doc = run(seed("001"))
    assert [(c.original, c.corrected) for c in doc.corrections] == [("美祿市", "美祢市")] * 3
    assert [c.line_no for c in doc.corrections] == [51, 53, 55]  # address, name, title lines
    assert all(c.rule == "name:look-alike" and c.confidence >= 0.9 for c in doc.corrections)
    assert "美祢市" in doc.corrections[0].evidence and "2x in document" in doc.corrections[0].evidence
    signatory = next(s for s in doc.signatories if s.role == "乙")
    assert (signatory.municipality, signatory.municipality_code) == ("美祢市", "352136")


def test_a_look_alike_suffix_is_repaired_against_the_gazetteer():
    result = repaired("""
        山口巿(以下「甲」という。)及び美祢市(以下「乙」という。)は、連携協約を締結する。
        甲 山口市亀山町2番1号
    """)
    assert fixes(result) == [("山口巿", "山口市")]
    assert texts(result)[0].startswith("山口市(以下「甲」という。)")


def test_katakana_in_a_name_is_repaired():
    result = repaired("山ロ市及び美祢市は、次のとおり連携協約を締結する。")
    assert texts(result) == ["山口市及び美祢市は、次のとおり連携協約を締結する。"]


def test_a_name_spelled_right_elsewhere_outweighs_a_real_word_misreading():
    # 由良町 exists (和歌山県), but this agreement writes 甲良町 three times.
    result = repaired("""
        彦根市及び甲良町における連携協約
        彦根市(以下「甲」という。)及び甲良町(以下「乙」という。)は、次のとおり締結する。
        乙 由良町長
        甲良町長
    """)
    assert fixes(result) == [("由良町", "甲良町")]
    assert result.corrections[0].rule == "name:document-majority"


def test_doubled_character_and_space_inside_names_are_removed():
    result = repaired("""
        氷見市(以下「甲」という。)及び南砺市(以下「乙」という。)は、締結する。
        甲 氷氷見市長
        乙 南砺 市福光1番地
    """)
    assert texts(result)[1:] == ["甲 氷見市長", "乙 南砺市福光1番地"]


def test_a_dropped_character_is_restored_only_with_the_documents_support():
    result = repaired("""
        日進市及び豊明市における連携協約
        日進市(以下「甲」という。)及び豊明市(以下「乙」という。)は、締結する。
        進市長
    """)
    assert texts(result)[2] == "日進市長"
    # 都市 is a word the text uses throughout, not 都留市 with a character lost.
    clean = repaired("""
        都留市及び大月市は、都市機能の集積を図る。
        都留市(以下「甲」という。)は、都市圏の中心都市として連携する。
    """)
    assert clean.corrections == ()


def test_a_name_opening_a_line_is_read_from_the_line_start_not_across_the_break():
    # 進市長 after a line ending in letters (…豊明): the name's letters start at the
    # line's start, so 日進市 (written twice) lost its 日 there, and 豊明進市 is no span
    result = repaired("""
        日進市及び豊明市における連携協約
        日進市(以下「甲」という。)及び豊明市(以下「乙」という。)は、締結する。
        連携する取組は豊明
        進市長
    """)
    assert texts(result)[2:] == ["連携する取組は豊明", "日進市長"]


def test_a_name_read_a_different_wrong_way_each_time_is_settled_by_the_prefecture():
    # Tesseract on a scan of the 001 sample: 祢 came out as 徹, 枯, 引 and 貴;
    # of the 美?市 in the gazetteer only 美祢市 lies in 山口県, where 山口市 is.
    result = repaired("""
        山口市美徹市
        山口市(以下「甲」という。)及び美徹市(以下「乙」という。)は、連携協約を締結する。
        乙 美枯市大嶺町東分326番地1
        美引市
        美貴市長
    """)
    assert [c.corrected for c in result.corrections] == ["美祢市"] * 5
    assert {c.rule for c in result.corrections} == {"name:consensus"}
    assert "only 美祢市 in 山口県" in result.corrections[0].evidence
    assert texts(result)[2:] == ["乙 美祢市大嶺町東分326番地1", "美祢市", "美祢市長"]


def test_one_misreading_repeated_is_no_consensus():
    result = repaired("""
        山口市美徹市
        山口市(以下「甲」という。)及び美徹市(以下「乙」という。)は、連携協約を締結する。
    """)
    assert result.corrections == ()


def test_an_uncertain_name_is_reported_not_changed():
    # 柞 shares 木 with 松, 樽 and 林: 小松市, 小樽市 and 小林市 all fit, none is used elsewhere.
    result = repaired("この協約において、小柞市は中心市としての役割を担う。")
    assert result.corrections == ()
    assert texts(result) == ["この協約において、小柞市は中心市としての役割を担う。"]
    assert len(result.warnings) == 1 and result.warnings[0].startswith("suspicious: 柞 in 小柞市")


def test_both_towns_and_each_municipality_are_not_misread_names():
    # 両市町 is "both the city and the town", one look-alike (一) from 下市町 (Nara)
    result = repaired("""
        宮崎市と国富町は、次のとおり連携協約を締結する。
        本書2通を作成し、両市町長が記名押印の上、各自1通を保有する。
        各市町村は、本市と連携する。
    """)
    assert result.corrections == () and result.warnings == ()


def test_a_town_district_right_after_the_municipality_in_an_address_is_no_misread_name():
    # 府川町 is a 町名 of 府中市, one look-alike (广) from 広川町: after the city's
    # name an address goes on with its districts, not with another municipality
    result = repaired("""
        乙 広島県府中市府川町315番地
           府中市長 小野申人
    """)
    assert result.corrections == () and result.warnings == ()
    # after a prefecture or 郡 a municipality's name does follow: still repaired
    result = repaired("福岡県八女郡府川町大字新代1804番地1")
    assert fixes(result) == [("府川町", "広川町")]


def test_a_town_district_whose_name_opens_before_a_look_alike_town_is_no_misread_name():
    # 聖陵町 is a 町名 of 西都市; its last two kanji 陵町 are one component (夌)
    # from 綾町, a town of the same prefecture: the span starts inside the district
    result = repaired("""
        乙 宮崎県西都市聖陵町二丁目1番地
           西都市長 橋田 和実
    """)
    assert result.corrections == () and result.warnings == ()
    # a town misread right after its prefecture is still found
    result = repaired("宮崎県東諸県郡陵町大字南俣515番地")
    assert [w for w in result.warnings if "綾町" in w] or fixes(result) == [("陵町", "綾町")]


def test_a_name_ending_inside_a_word_is_not_a_name():
    # 核市 ends like 柏市, but 核 belongs to 中核市.
    result = repaired("昼夜間人口比率おおむね1以上の指定都市・中核市と一体性を有する近隣市町村")
    assert result.corrections == () and result.warnings == ()


# --- article numbers and dates ----------------------------------------------

def test_katakana_numerals_in_article_labels_become_kanji():
    result = repaired("""
        第ニ条 甲及び乙は、前条に規定する目的を達成する。
        第十ー条 この協約に定めのない事項は、協議して定める。
        地方自治法第252条のニ第1項の規定により締結する。
    """)
    assert texts(result) == ["第二条 甲及び乙は、前条に規定する目的を達成する。",
                             "第十一条 この協約に定めのない事項は、協議して定める。",
                             "地方自治法第252条の二第1項の規定により締結する。"]
    assert {c.rule for c in result.corrections} == {"context:article-number"}


def test_misread_label_kanji_and_letters_for_digits_are_repaired():
    result = repaired("弟3条 費用の分担は、第2粂の規定による。第l条の目的")
    assert texts(result) == ["第3条 費用の分担は、第2条の規定による。第1条の目的"]


def test_broken_era_and_date_units_are_repaired():
    result = repaired("""
        千茂29年3月30日
        令和元午 12月 25日
        平成ニ十九年三月三十日
        平成26午度から地方交付税措置を講じる。
    """)
    assert texts(result) == ["平成29年3月30日", "令和元年12月25日", "平成二十九年三月三十日",
                             "平成26年度から地方交付税措置を講じる。"]
    assert all(c.rule == "context:date" for c in result.corrections)


def test_the_first_year_of_an_era_read_without_its_top_bar_is_repaired():
    # 元 read as 兀 (the same strokes less the top bar), in kanji and in digits
    result = repaired("""
        令和兀年十一月二十日
        今和兀年5月1日
        兀年の突兀たる山
    """)
    assert texts(result) == ["令和元年十一月二十日", "令和元年5月1日", "兀年の突兀たる山"]
    assert all(c.rule == "context:date" for c in result.corrections)


def test_a_kanji_zero_among_the_digits_of_a_date_is_their_zero():
    # OCR (or a typist) takes 0 for 〇 or ○ inside a number written in digits;
    # a 〇 alone is a template's blank and stays one
    result = repaired("""
        令和2年1〇月1日
        令和2年10月2○日
        2〇2〇年3月27日
        令和〇年〇月〇日
        二〇二〇年三月二十六日
    """)
    assert texts(result) == ["令和2年10月1日", "令和2年10月20日", "2020年3月27日", "令和〇年〇月〇日", "二〇二〇年三月二十六日"]
    assert all(c.rule == "context:date" for c in result.corrections)


def test_impossible_dates_and_durations_are_left_alone():
    result = repaired("""
        千茂29年13月30日
        ニ年間の計画期間とする。
    """)
    assert result.corrections == ()


def test_a_misread_role_label_of_a_signature_block_is_restored():
    # Tesseract read 乙 as Z and as と on scans of the samples.
    result = repaired("""
        青森市(以下「甲」という。)及び今別町(以下「乙」という。)は、連携協約を締結する。
        甲 青森市長
        Z 今別町長
        と 今別町大字今別字今別167番地
        と は、協議して定める。
    """)
    assert texts(result)[2:] == ["乙 今別町長", "乙 今別町大字今別字今別167番地", "と は、協議して定める。"]
    assert {c.rule for c in result.corrections} == {"context:role-label"}


def test_the_parties_misread_in_running_text_are_restored_where_only_they_can_stand():
    # Tesseract on the scanned samples: 甲 as 皿 or 四, 乙 as と or lost, 。 as o.
    result = repaired("""
        山形市(以下「甲」という。)及び天童市(以下「乙」という。)は、連携協約を締結する。
        第3条 皿及び乙が相互に連携する取組は、別表に掲げるとおりとする。
        第4条 費用は、四及び乙が協議して定める。
        第5条 甲及びの長は、定期的に協議を行うものとする o
        第6条 疑義が生じたときは、甲及びとが協議して定める。
        取組内容\t子育て支援に取り組む。
        甲の役割\tとと連携し、子育て支援に取り組む。
        乙の役割\t甲と連携し、子育て支援に取り組む。
        乙の役割\t甲と連携・協力して実施する事業について、皿と取組を推進する。
        山田及び川田の両地区並びに、田と畑を含む。
    """)
    assert texts(result)[1:] == [
        "第3条 甲及び乙が相互に連携する取組は、別表に掲げるとおりとする。",
        "第4条 費用は、甲及び乙が協議して定める。",
        "第5条 甲及び乙の長は、定期的に協議を行うものとする。",
        "第6条 疑義が生じたときは、甲及び乙が協議して定める。",
        "取組内容\t子育て支援に取り組む。",
        "甲の役割\t乙と連携し、子育て支援に取り組む。",
        "乙の役割\t甲と連携し、子育て支援に取り組む。",
        "乙の役割\t甲と連携・協力して実施する事業について、甲と取組を推進する。",
        "山田及び川田の両地区並びに、田と畑を含む。",
    ]
    assert {c.rule for c in result.corrections} == {"context:party-role", "context:sentence-end"}
    assert ("皿及び乙", "甲及び乙") in fixes(result)


def test_parties_are_not_restored_in_a_text_that_does_not_define_them():
    result = repaired("""
        第1条 甲及びが協議する。
        甲の役割\tとと連携する。
    """)
    assert texts(result) == ["第1条 甲及びが協議する。", "甲の役割\tとと連携する。"]


# --- running text -----------------------------------------------------------

def test_katakana_look_alikes_between_kanji_are_repaired_when_unidic_reads_a_word():
    result = repaired("人ロ減少に対応し、協カして取リ組む。")
    assert texts(result) == ["人口減少に対応し、協力して取り組む。"]


def test_kanji_look_alikes_between_katakana_are_repaired():
    """OCR reads the long vowel ー as 一 and ロ as 口 inside katakana words;
    a kanji numeral standing after katakana (データ一件) is left alone."""
    result = repaired("観光ル一トを整備し、プ口ジェクトのデ一タを共有する。\nデータ一件ごとに確認する。")
    assert texts(result) == ["観光ルートを整備し、プロジェクトのデータを共有する。", "データ一件ごとに確認する。"]
    assert {c.rule for c in result.corrections} == {"context:kanji-in-katakana"}


def test_a_kanji_twin_opening_or_closing_a_katakana_word_is_repaired():
    """工リア, 力ード, 二ーズ: the twin is the word's first letter, so only one
    side is katakana; メニュ一: its last letter, where the stem (メニュ) is no
    word of its own or the document spells the word with the kana (センター)."""
    result = repaired("""
        観光工リアを結ぶ周遊ルートと交通系IC力ードにより、圏域の二ーズに応える。
        体験メニュ一を作成し、センタ一の運営を支援する。
        交流センターを整備する。
    """)
    assert texts(result)[:2] == ["観光エリアを結ぶ周遊ルートと交通系ICカードにより、圏域のニーズに応える。",
                                 "体験メニューを作成し、センターの運営を支援する。"]
    assert {c.rule for c in result.corrections} == {"context:kanji-in-katakana"}


def test_the_katakana_ranges_that_let_twins_through_cover_every_katakana_letter():
    """The cheap test before the kanji-twin rules must admit whatever
    [\\p{Katakana}ー] matches, or a document's twins would go unrepaired."""
    import sys

    import regex

    from pipeline.repair.context import KATAKANA_RANGES, KATAKANA_TWIN, TWIN_BESIDE_KATAKANA
    katakana = regex.compile(r"[\p{Katakana}ー]")
    letters = [chr(c) for c in range(sys.maxunicode + 1) if katakana.match(chr(c))]
    ranges = regex.compile(f"[{KATAKANA_RANGES}]")
    assert letters and all(ranges.match(letter) for letter in letters)
    twin = next(iter(KATAKANA_TWIN))
    assert all(TWIN_BESIDE_KATAKANA.search(f"あ{twin}{k}") and TWIN_BESIDE_KATAKANA.search(f"{k}{twin}あ")
               for k in ("ル", "ｰ", "ｱ", "ー"))
    assert not TWIN_BESIDE_KATAKANA.search(f"第{twin}条")


def test_a_kanji_after_a_katakana_word_is_kept_when_it_makes_a_word_with_what_follows():
    # 一件, 一覧, 一ヶ月, 口コミ, 工学 and the suffix 力 (ブランド力) are written so
    result = repaired("""
        データ一件ごとにマップ一覧へ載せ、一ヶ月ごとに口コミ情報を集める。
        デザイン工学を生かし、ブランド力とコミュニティ力を高める。
    """)
    assert result.corrections == () and result.warnings == ()
    # one katakana after a kanji is a place name's ノ: 二ノ島町 is 西ノ島町 misread, not ニノ島町
    result = repaired("""
        隠岐の島町(以下「甲」という。)及び西ノ島町(以下「乙」という。)は、連携協約を締結する。
        乙 二ノ島町長
    """)
    assert fixes(result) == [("二ノ島町", "西ノ島町")]


def test_katakana_item_labels_are_kept():
    result = repaired("""
        ア 経済戦略の策定
        エ 戦略的な観光施策の展開
        ハ 地域医療
    """)
    assert result.corrections == ()


def test_a_rare_misreading_of_a_word_the_document_repeats_is_repaired():
    result = repaired("""
        第5条 甲及び乙は、圏域の連絡会議を開催する。
        連絡会議の運営は、連絡調整のため協議による。
        この連給会議の庶務は、甲が行う。
        圏域の住民。圏域の交通。園域の環境。
    """)
    assert texts(result)[2:] == ["この連絡会議の庶務は、甲が行う。", "圏域の住民。圏域の交通。圏域の環境。"]
    assert {c.rule for c in result.corrections} == {"text:document-majority"}
    assert all(c.evidence.startswith("document writes") for c in result.corrections)


def test_the_district_of_an_address_is_no_misreading_of_a_word_the_document_repeats():
    # 広坂 is a district of 金沢市, one component (土) from 広域, which the
    # document writes three times: a place name is no misspelt word
    result = repaired("""
        第1条 甲及び乙は、広域的な連携により、広域観光及び広域交通を推進する。
        甲 石川県金沢市広坂1丁目1番1号
           金沢市長 山野之彦
    """)
    assert texts(result)[1] == "甲 石川県金沢市広坂1丁目1番1号"
    assert result.corrections == ()


def test_a_misread_unidic_reads_like_the_word_is_settled_by_the_documents_own_word():
    # UniDic reads 都市園 as 都市 | 園 just as 都市圏 as 都市 | 圏: no evidence
    # either way; the area name written three times and a listed look-alike decide.
    text = """
        れんけいこうち広域都市圏の形成に係る連携協約
        甲及び乙は、れんけいこうち広域都市圏を形成する。
        れんけいこうち広域都市圏の救急医療体制を維持する。
        れんけいこうち広域都市園の観光を振興する。都市公園を整備する。
    """
    result = repaired(text)
    assert texts(result)[3] == "れんけいこうち広域都市圏の観光を振興する。都市公園を整備する。"
    assert [c.rule for c in result.corrections] == ["text:document-word"]
    assert "writes 都市圏 3x, 都市園 once" in result.corrections[0].evidence
    # twice is not yet the document's word
    assert repaired(text.replace("甲及び乙は、れんけいこうち広域都市圏を形成する。", "")).corrections == ()


def test_the_letter_pairs_a_document_holds_are_every_overlapping_pair():
    # PairCounts reads pairs from UTF-32 bytes at both alignments: odd and
    # even lengths, line breaks and a character outside the BMP (𠮷).
    from pipeline.repair.running_text import PairCounts

    for words in ("圏域の連携\n連絡会議", "圏域の連携\n連絡会議を", "𠮷野町\n圏域"):
        pairs = PairCounts(words)
        every_pair = {a + b for a in words for b in words}
        assert {pair for pair in every_pair if pairs.has(pair)} == {words[i:i + 2] for i in range(len(words) - 1)}
        assert pairs["連携"] == words.count("連携")


def test_a_term_of_art_is_repaired_even_where_the_scan_misreads_it_more_often():
    # UniDic reads 都市園 and 都市圏 alike; the law's term decides.
    result = repaired("""
        山形市及び●●●市町における連携中枢都市園の形成に係る連携協約
        連携中枢都市圏構想推進要綱に基づく連携中枢都市園を形成するため
    """)
    assert texts(result) == ["山形市及び●●●市町における連携中枢都市圏の形成に係る連携協約",
                             "連携中枢都市圏構想推進要綱に基づく連携中枢都市圏を形成するため"]
    assert {c.rule for c in result.corrections} == {"text:term"}


def test_a_doubled_kanji_is_removed_when_the_document_writes_the_word_once():
    result = repaired("""
        広域的な交通網の強化に取り組む。
        地域公共交通の利用促進に取り組む。
        広域的な交交通網の整備を図る。
    """)
    assert texts(result)[2] == "広域的な交通網の整備を図る。"


def test_a_kanji_ending_one_word_and_starting_the_next_is_no_doubling():
    # 定例会|会議録 and 中心市|市長: the document writes 例会 and 心市 elsewhere, and the
    # second copy starts a word; 交交通網 after な has no word to end.
    result = repaired("""
        令和2年第1回定例会会議録
        定例会の会議に付議する。会議録は公表する。定例会において報告する。
        中心市市長は、中心市の区域において取り組む。
        広域的な交通網の強化に取り組む。地域公共交通の利用促進に取り組む。
        広域的な交交通網の整備を図る。
    """)
    assert texts(result)[0] == "令和2年第1回定例会会議録"
    assert texts(result)[2] == "中心市市長は、中心市の区域において取り組む。"
    assert texts(result)[4] == "広域的な交通網の整備を図る。"
    assert [(c.original, c.corrected) for c in result.corrections] == [("広域的な交交通網の整備", "広域的な交通網の整備")]


def test_a_word_wrapped_at_the_right_margin_is_read_across_the_break():
    # A PDF text layer's line ends at the margin inside 開催: 催 at the next line's
    # start is no misread 保 (保する, from 確保する 3x), since 開保 is nowhere.
    lines = normalize(source_of("""
        第5条 甲及び乙の長は、この連携協約の推進に関し連絡調整を図るため、毎年度、連絡会議を開
        催するものとする。
        救急医療体制を確保する。
        移動手段を確保するため、路線バスを運行する。
        医療機関の連携を確保するものとする。
    """))
    lines[0] = replace(lines[0], at_margin=True)  # as normalize marks a paged text's full line
    result = repair(lines)
    assert (result.corrections, result.warnings) == ((), ())


def test_doubled_kanji_are_found_in_text_order_each_run_read_from_its_start():
    from pipeline.repair.running_text import LetterCensus

    text = "交交交通網と々々\n市市町、ああ 11 連携携\n人人"
    # 交交交 once at 0 (the third 交 is no new pair), 々々 at 6, 市市 at 9, 携携 at 20,
    # 人人 at 23; ああ and 11 are no kanji
    assert LetterCensus(text).doubled_offsets() == [0, 6, 9, 20, 23]
    assert LetterCensus("交通網の整備").doubled_offsets() == []
    assert LetterCensus("交交交交、𠮷𠮷").doubled_offsets() == [0, 2, 5]  # two pairs in a run of four


def test_a_real_word_reading_is_not_replaced_by_a_look_alike():
    # 旨 looks like 普 and 普及 is a word, but その普及び would not read.
    result = repaired("""
        普及啓発に努める。普及促進を図る。
        その旨及び当該連携の内容を公表する。
    """)
    assert result.corrections == ()


# --- clean text never changes -----------------------------------------------

def test_clean_seeds_get_no_corrections_but_the_real_error():
    for path in SEEDS:
        result = repair(normalize(source_of(path.read_text(encoding="utf-8"), path.stem)))
        expected = [("美祿市", "美祢市")] * 3 if path.name.startswith("001") else []
        assert fixes(result) == expected, path.name
        assert result.warnings == (), path.name


def test_repair_is_a_pure_function_of_its_lines():
    lines = normalize(source_of(seed("001").read_text(encoding="utf-8")))
    before = list(lines)
    first, second = repair(lines), repair(lines)
    assert lines == before
    assert first == second


# --- gazetteer codes on parties and signatories ---------------------------------

def test_a_party_the_gazetteer_does_not_know_gets_a_warning_not_a_code():
    # 美東町 merged into 美祢市 in 2008; an old agreement still names it.
    doc = document_of("""
        連携協約
        山口市(以下「甲」という。)及び美東町(以下「乙」という。)は、次のとおり連携協約を締結する。
        第1条 この協約は、両市町の連携を目的とする。
        平成15年4月1日
    """)
    assert [(p.municipality, p.code) for p in doc.parties] == [("山口市", "352039"), ("美東町", "")]
    assert "municipality not in gazetteer: 美東町" in doc.warnings
    assert doc.status == "partial"


def test_an_ambiguous_name_alone_is_reported():
    doc = document_of("""
        府中市の連携に関する協約
        府中市(以下「甲」という。)は、次のとおり協約を定める。
        第1条 この協約は、連携を目的とする。
    """)
    assert doc.parties[0].code == ""
    assert "municipality 府中市 matches several in the gazetteer" in doc.warnings


def test_seed_parties_and_signatories_all_carry_codes():
    for path in SEEDS:
        doc = run(path)
        assert not [w for w in doc.warnings if "gazetteer" in w], path.name


def test_role_cell_that_lost_its_opening_party_gets_the_other_party_of_its_column():
    """Tesseract drops a 乙 that opens a 別表 cell: と連携・協力して… In a
    document of 甲 and 乙, the 甲の役割 column names 乙 and the 乙の役割
    column 甲; a cell elsewhere, or a document with a 丙, is left alone."""
    text = ("山口市(以下「甲」という。)及び美祢市(以下「乙」という。)は、次のとおり協約を締結する。\n"
            "施策\t取組内容\t申の役割\tの役割\n"
            "観光\tと連携して取り組む。\tと連携・協力して、取組を推進する。\tと協力して実施する。\n"
            "別の表\tと連携\n")
    repaired = repair(normalize(source_of(text)))
    assert [line.text for line in repaired.lines][2] == \
        "観光\tと連携して取り組む。\t乙と連携・協力して、取組を推進する。\t甲と協力して実施する。"
    assert repaired.lines[3].text == "別の表\tと連携"
    assert sorted((c.original, c.corrected, c.rule) for c in repaired.corrections) == \
        [("と協力", "甲と協力", "context:party-role"), ("と連携", "乙と連携", "context:party-role")]
    three = text.replace("は、次の", "及び萩市(以下「丙」という。)は、次の")
    assert not repair(normalize(source_of(three))).corrections


def test_a_role_header_read_with_a_space_before_its_particle_still_names_its_column():
    # Tesseract leaves a gap between a wide kanji and its kana: 甲 の役割
    text = ("山口市(以下「甲」という。)及び美祢市(以下「乙」という。)は、次のとおり協約を締結する。\n"
            "取組\t\t甲 の役割\tとの役割\n"
            "イ 戦略産業の育成\t企業誘致を推進する。\tと連携・協力して、取組を推進する。\t甲と連携して実施する。\n")
    assert repair(normalize(source_of(text))).lines[2].text == \
        "イ 戦略産業の育成\t企業誘致を推進する。\t乙と連携・協力して、取組を推進する。\t甲と連携して実施する。"


# --- scanned pages: misreads without a glyph link ---------------------------

SCANNED_ROLES = """
    ア 産業振興\t企業誘致を進める。\t事業について圏域の中心的な役割を担う。\t甲と連携する。
    イ 観光振興\t周遊観光を進める。\t事業について剛域の中心的な役割を担う。\t甲と連携する。
    ウ 地域医療\t医療連携を進める。\t事業について圏域の中心的な役割を担う。\t甲と連携する。
    エ 子育て支援\t子育てを支援する。\t事業について疾域の中心的な役割を担う。\t甲と連携する。
    オ 公共交通\t交通網を整える。\t事業について圏域の中心的な役割を担う。\t甲と連携する。
    カ 移住定住\t移住を促進する。\t事業について剛域の中心的な役割を担う。\t甲と連携する。
    キ 人材育成\t職員を育成する。\t事業について圏域の中心的な役割を担う。\t甲と連携する。
    ク 環境保全\t自然を保全する。\t事業について圏域の中心的な役割を担う。\t甲と連携する。
"""


def scanned(text: str):
    lines = [replace(line, ocr=True) for line in normalize(source_of(text))]
    return repair(lines)


def test_on_a_scanned_page_a_kanji_misread_without_a_glyph_link_follows_the_documents_majority():
    # Tesseract reads 圏 as 剛 or 疾: no component shared, but 圏域の中心的な is written five times
    result = scanned(SCANNED_ROLES)
    assert sorted(set(fixes(result))) == [("事業について剛域の中心的な", "事業について圏域の中心的な"),
                                          ("事業について疾域の中心的な", "事業について圏域の中心的な")]
    assert all(c.rule == "text:scanned-majority" for c in result.corrections)
    assert sum("圏域の中心的な" in text for text in texts(result)) == 8


def test_on_a_scan_a_correction_that_leaves_a_suffix_on_its_own_still_reads_as_well():
    # 疾 | 域内 | 市 | 町 and 圏域 | 内 | 市 | 町 hold as many one-letter tokens (内 a suffix),
    # but 疾 alone falls apart and the document writes 圏域内市町 six times
    text = SCANNED_ROLES.replace("役割を担う。", "役割を担うとともに圏域内市町と連携する。")
    text = text.replace("ク 環境保全\t自然を保全する。\t事業について圏域の中心的な役割を担うとともに圏域内市町",
                        "ク 環境保全\t自然を保全する。\t事業について圏域の中心的な役割を担うとともに疾域内市町")
    assert ("担うとともに疾域内市町と連", "担うとともに圏域内市町と連") in fixes(scanned(text))


def test_on_a_scan_a_kanji_is_not_changed_to_one_the_document_never_writes_beside_its_other_neighbour():
    # 圏域の中 is written eight times, but never 中性: 圏域の決性化 (活性化 misread) is no 中性化
    text = SCANNED_ROLES + "    ケ 地域活性化\t商店街を支援する。\t交流による圏域の決性化に向けて取り組む。\t甲と連携する。\n"
    assert ("による圏域の決性化に向けて", "による圏域の中性化に向けて") not in fixes(scanned(text))


def test_a_look_alike_seen_beside_both_neighbours_beats_one_written_more_often_beside_one():
    # 捲 shares 扌 with 担 and 推: を推 (を推進) is written more often than を担, but 推う never and 担う thrice
    result = repaired("""
        ア 産業振興\t企業誘致を推進する。\t圏域の中心的な役割を担うとともに、産業を推進する。\t取組を推進する。
        イ 観光振興\t周遊観光を推進する。\t圏域の中心的な役割を担うとともに、観光を推進する。\t取組を推進する。
        ウ 地域医療\t医療連携を推進する。\t圏域の中心的な役割を捲うとともに、医療を推進する。\t取組を推進する。
        エ 公共交通\t交通網の整備を推進する。\t圏域の中心的な役割を担うとともに、交通を推進する。\t取組を推進する。
    """)
    assert fixes(result) == [("心的な役割を捲うとともに", "心的な役割を担うとともに")]


def test_on_a_scan_two_kanji_misread_side_by_side_follow_the_pair_the_document_writes_there():
    # 剛城: neither 剛域 nor 圏城 is written, so neither kanji alone has its evidence
    text = SCANNED_ROLES.replace("カ 移住定住\t移住を促進する。\t事業について剛域", "カ 移住定住\t移住を促進する。\t事業について剛城")
    assert ("事業について剛城の中心的な", "事業について圏域の中心的な") in fixes(scanned(text))
    # a cell opening with them, the letters after them written four times with 圏域 (圏域内外の);
    # UniDic reads 剛 | 城内 | 外: one of the two falling apart is enough
    result = scanned("""
        第1条 この協約は、甲及び乙が圏域内外の人々の交流を促し、圏域全体の活性化を図ることを目的とする。
        ア 観光振興\t圏域内外からの観光客を誘致する。\t観光情報を発信する。\t甲と連携する。
        イ 移住定住\t圏域内外への情報発信を強化する。\t移住相談を行う。\t甲と連携する。
        ウ 交流促進\t剛城内外の住民の交流を深める。\t交流事業を行う。\t甲と連携する。
        エ 産業振興\t圏域内外の企業との取引を広げる。\t企業を支援する。\t甲と連携する。
        オ 人材育成\t圏域内外の大学と連携する。\t研修を行う。\t甲と連携する。
        カ 地域医療\t圏域内外の病院と連携する。\t医療を確保する。\t甲と連携する。
    """)
    assert fixes(result) == [("剛城内外の住民", "圏域内外の住民")]
    assert result.corrections[0].rule == "text:scanned-pair"


def test_on_a_scan_two_kanji_beside_letters_written_with_another_pair_only_on_one_side_are_kept():
    # 関する情執の共有 (情報, one misread): する取組 is written four times, but not 関する取組の共有
    text = SCANNED_AREA + "".join(f"    {label} 施策\t連携に関する取組を進める。\n" for label in "カキクケ")
    text += "    コ 情報\t施設に関する情執の共有を図る。\n"
    assert not [fix for fix in fixes(scanned(text)) if "情執" in fix[0]]


def test_on_a_scan_two_rare_kanji_making_a_word_are_kept_however_common_a_pair_is_there():
    # 裾野 is a word: 圏域内の written four times does not make 裾野内の a misread
    assert scanned(SCANNED_AREA.replace("圏域内の病院", "裾野内の病院")).corrections == ()


def test_the_same_text_from_a_text_layer_keeps_its_rare_kanji():
    assert repaired(SCANNED_ROLES).corrections == ()


def test_a_rare_kanji_that_makes_a_word_is_no_misread_on_a_scan():
    text = SCANNED_ROLES.replace("事業について剛域の中心的な", "事業について流域の中心的な")
    assert ("事業について流域の中心的な", "事業について圏域の中心的な") not in fixes(scanned(text))


# A scanned agreement writing 圏域 a dozen times, in varied wordings
SCANNED_AREA = """
    第1条 この協約は、甲及び乙が圏域全体の活性化を図り、住民が安心して暮らせる魅力あふれる圏域を形成することを目的とする。
    第2条 甲及び乙は、圏域の将来像を共有し、圏域内の連携を深めるものとする。
    ア 産業振興\t圏域の産業を振興する。\t圏域内の企業を支援する。\t甲及び乙は関係町村との連携を図る。
    イ 観光振興\t圏域の観光を振興する。\t圏域外からの誘客を図る。\t甲及び乙は関係町村との連携を図る。
    ウ 地域医療\t圏域の医療を確保する。\t圏域内の病院を支援する。\t甲及び乙は関係町村との連携を図る。
    エ 地域経済\t地域経済の裾野拡大を図る。\t圏域内の商店を支援する。\t甲及び乙は関係町村との連携を図る。
    オ 公共交通\t圏域の交通網を整える。\t圏域内の路線を維持する。\t甲及び乙は関係町村との連携を図る。
"""


def test_on_a_scan_a_kanji_misread_in_a_word_the_document_writes_a_dozen_times_is_that_word():
    # あふれる較域を: no context the document repeats, but 圏域 is written a dozen
    # times, 較 | 域 is no word and 圏域 is
    text = SCANNED_AREA.replace("魅力あふれる圏域を", "魅力あふれる較域を")
    result = scanned(text)
    assert fixes(result) == [("魅力あふれる較域を形成する", "魅力あふれる圏域を形成する")]
    assert result.corrections[0].rule == "text:scanned-word"


# A scanned agreement writing 地域 about as often as 圏域
SCANNED_AREA_AND_REGION = """
    第1条 この協約は、甲及び乙が連携し、地域の資源を活かしながら、圏域の住民が安心して暮らせる地域社会を形成することを目的とする。
    第2条 甲及び乙は、圏域の将来像を共有し、地域の特性に応じた取組を進めるものとする。
    ア 産業振興\t地域の産業を振興する。\t圏域内の企業を支援する。\t地域の企業と連携する。
    イ 観光振興\t地域の観光資源を磨き上げる。\t圏域外からの誘客を図る。\t地域の魅力を発信する。
    ウ 地域医療\t圏域の医療体制を確保する。\t地域の病院を支援する。\t圏域の住民の受診を支える。
    エ 公共交通\t地域の交通網を整える。\t圏域内の路線を維持する。\t地域の移動手段を確保する。
    オ 移住定住\t圏域への移住を促進する。\t地域の魅力を伝えながら、圏域の住民と交流する。\t圏域の情報を発信する。
"""


def test_on_a_scan_two_common_words_with_the_kanji_are_told_apart_by_the_documents_own_phrase():
    # 地域 12x, 圏域 9x: 贈域 is no word and either could be meant; 圏域の住民 is written twice, 地域の住民 never
    for misread in "贈較":
        text = SCANNED_AREA_AND_REGION.replace("活かしながら、圏域の住民", f"活かしながら、{misread}域の住民")
        assert fixes(scanned(text)) == [(f"{misread}域の住民が安", "圏域の住民が安")]


def test_on_a_scan_a_misread_between_two_common_words_is_left_where_nothing_decides():
    # 圏域の将来像 and 地域の将来像 are written nowhere else: 地域, written most, is no evidence
    assert scanned(SCANNED_AREA_AND_REGION.replace("圏域の将来像", "疾域の将来像")).corrections == ()
    assert scanned(SCANNED_AREA_AND_REGION.replace("地域の特性", "贈域の特性")).corrections == ()


def test_on_a_scan_a_rare_word_with_the_same_kanji_is_kept():
    # 流域, 区域: words of their own however often 圏域 is written
    text = SCANNED_AREA.replace("魅力あふれる圏域を", "豊かな流域を").replace("圏域外からの", "区域外からの")
    assert scanned(text).corrections == ()


def test_on_a_scan_a_word_of_its_own_beside_a_misread_is_kept():
    # 国内外 read 圈内外: 内容 may be written a dozen times, 内外 is a word
    text = SCANNED_AREA.replace("圏域外からの誘客", "圈内外からの誘客") + "".join(
        f"    {label} 施策\\t内容を定める。\\t内容を定める。\\t内容を定める。\\n" for label in "カキクケコ")
    assert not [fix for fix in fixes(scanned(text)) if "内容" in fix[1]]


def test_on_a_scan_a_misread_both_words_read_alike_follows_seven_letters_written_four_times():
    # 関係 | 困 | 村 and 関係 | 町 | 村: UniDic prefers neither, 関係町村との is written four times
    text = SCANNED_AREA.replace("病院を支援する。\t甲及び乙は関係町村との", "病院を支援する。\t甲及び乙は関係困村との")
    assert fixes(scanned(text)) == [("及び乙は関係困村との連携を", "及び乙は関係町村との連携を")]


def test_on_a_scan_a_rare_word_misread_follows_the_same_phrase_written_beside_it():
    # 裾野 is written once more, in the same phrase: 地域経済の礼野拡大 is 地域経済の裾野拡大
    text = SCANNED_AREA.replace("\t圏域内の商店を支援する。", "\t地域経済の礼野拡大に向け、商店を支援する。")
    assert fixes(scanned(text)) == [("地域経済の礼野拡大に向け", "地域経済の裾野拡大に向け")]


def test_on_a_scan_hoisted_after_a_reference_is_the_drafting_idiom_listed():
    # 揚げる is a word, but a table or the items of an article are listed (掲げる), never hoisted
    result = scanned("""
        第3条 甲及び乙が連携する取組は、別表第1に揚げるとおりとする。
        第4条 甲及び乙は、次に揚げる事項について協議する。
        2 前項各号に揚げる事項のほか、必要な事項は別に定める。
        第5条 記念式典では、庁舎に市旗を揚げるものとする。
    """)
    assert [text for text in texts(result)] == [
        "第3条 甲及び乙が連携する取組は、別表第1に掲げるとおりとする。",
        "第4条 甲及び乙は、次に掲げる事項について協議する。",
        "2 前項各号に掲げる事項のほか、必要な事項は別に定める。",
        "第5条 記念式典では、庁舎に市旗を揚げるものとする。"]
    assert {c.rule for c in result.corrections} == {"text:drafting-idiom"}


def test_hoisted_in_a_text_layer_is_what_the_author_typed():
    assert repaired("第3条 甲及び乙が連携する取組は、別表に揚げるとおりとする。").corrections == ()

def test_a_row_label_misread_as_a_look_alike_is_the_label_its_sequence_needs():
    result = repaired("""
        ア 経済戦略の策定\t取組を進める。
        イ戦略産業の育成\t企業を支援する。
        ッ地域資源の活用\t販路を広げる。
        工 観光施策の展開\t誘客を図る。
        オ その他\t連携を図る。
        ア 高度な医療\t体制を支援する。
    """)
    assert fixes(result) == [("ッ地域資源の", "ウ地域資源の"), ("工 観光施策", "エ 観光施策")]
    assert [text.split("\t")[0][:1] for text in texts(result)] == list("アイウエオア")


def test_a_label_of_the_iroha_series_misread_as_a_kanji_is_the_katakana_label():
    # イ ロ ハ ニ: ロ read as the kanji 口 (mouth), ニ as 二 (two)
    result = repaired("""
        イ 医療連携体制の構築\t救急医療を確保する。
        口 地域公共交通の確保\t路線を維持する。
        ハ 人材の育成\t研修を共同で実施する。
        二 その他\t連携を図る。
    """)
    assert fixes(result) == [("口 地域公共", "ロ 地域公共"), ("二 その他", "ニ その他")]
    assert result.corrections[0].evidence == "the label between イ and ハ is ロ"


def test_labels_out_of_sequence_without_a_look_alike_are_left_alone():
    # a skipped label (ウ deleted in an amendment) is what the text says
    result = repaired("""
        ア 経済戦略の策定\t取組を進める。
        イ 戦略産業の育成\t企業を支援する。
        エ 観光施策の展開\t誘客を図る。
        オ その他\t連携を図る。
    """)
    assert result.corrections == ()


# --- OCR output its source did not mark (a .txt of OCR'd text) ----------------

OCR_ARTICLE = "第ニ条 甲及び乙は、別表に掲げる取組を推進する。\n人ロ減少に対応するため、連携して取り組む。"


def test_a_text_file_with_several_misreadings_is_read_as_ocr_output_and_checked_as_a_scan():
    # 第ニ条 (ニ for 二) and 人ロ (ロ for 口): two different misreadings, a scanner's habit;
    # then 剛域/疾域 follow the document's 圏域の中心的な as on a scanned page
    result = repaired(OCR_ARTICLE + "\n" + SCANNED_ROLES)
    assert all(line.ocr for line in result.lines)
    assert result.warnings == ("read as OCR output: 2 different misreadings corrected (ニ->二, ロ->口), "
                               "so rare kanji are checked as on a scanned page",)
    assert sorted({(c.original, c.corrected) for c in result.corrections
                   if c.rule == "text:scanned-majority"}) == [
        ("事業について剛域の中心的な", "事業について圏域の中心的な"),
        ("事業について疾域の中心的な", "事業について圏域の中心的な")]
    assert texts(result)[:2] == ["第二条 甲及び乙は、別表に掲げる取組を推進する。", "人口減少に対応するため、連携して取り組む。"]


def test_one_misreading_however_often_repeated_is_no_evidence_of_ocr():
    # 人ロ twice (a slip copied, as 美祿市 in the sample 001) is one misreading: the rare kanji stay
    result = repaired("人ロ減少に対応する。\n人ロの定着を図る。\n" + SCANNED_ROLES)
    # (the log shows up to six letters on each side of the corrected one)
    assert fixes(result) == [("人ロ減少に対応す", "人口減少に対応す"), ("人ロの定着を図る", "人口の定着を図る")]
    assert result.warnings == ()
    assert not any(line.ocr for line in result.lines)


def test_a_source_that_marks_its_scanned_pages_keeps_its_text_layer_pages_unmarked():
    # a PDF whose last page is a scan: the misreadings on its text-layer page say
    # nothing the source does not know better, so 剛域 there stays
    lines = normalize(source_of(OCR_ARTICLE + "\n" + SCANNED_ROLES + "\n以上"))
    lines[-1] = replace(lines[-1], ocr=True)
    result = repair(lines)
    assert [line.ocr for line in result.lines] == [False] * (len(lines) - 1) + [True]
    assert not [c for c in result.corrections if c.rule == "text:scanned-majority"]
    assert not [w for w in result.warnings if w.startswith("read as OCR output")]


def test_ocr_output_says_so_in_the_documents_table():
    from pipeline.tables import document_rows

    doc = document_of("""
        連携協約書
        鳥取市(以下「甲」という。)及び岩美町(以下「乙」という。)は、次のとおり連携協約を締結する。
        第1条 この協約は、人ロ減少社会において圏域の活力を維持することを目的とする。
        第ニ条 甲及び乙は、別表に掲げる取組を推進する。
        令和2年3月2日
    """)
    row = document_rows(doc)["documents"][0]
    assert ("read as OCR output: 2 different misreadings corrected (ロ->口, ニ->二), "
            "so rare kanji are checked as on a scanned page") in row["warnings"].split("; ")
    assert row["status"] == "partial"


def test_ocr_output_saved_as_a_web_page_is_read_as_ocr_output_too():
    from pathlib import Path

    from pipeline.ingest.html import read

    paragraphs = [OCR_ARTICLE] + [" ".join(row.split("\t")) for row in SCANNED_ROLES.strip().splitlines()]
    page = "<html><body>" + "".join(f"<p>{p.strip()}</p>" for p in paragraphs) + "</body></html>"
    result = repair(normalize(read(Path("kyoyaku.html"), page.encode("utf-8"))))
    assert result.warnings[0].startswith("read as OCR output: 2 different misreadings corrected")
    assert ("事業について剛域の中心的な", "事業について圏域の中心的な") in fixes(result)


# --- voicing marks ------------------------------------------------------------

def test_a_lost_voicing_mark_in_a_connective_is_restored():
    # Tesseract reads び as ひ and げ as け: 及ひ, 掲ける are no words
    result = repaired("""
        第1条 この協約は、甲及ひ乙が連携し、圏域の発展を図ることを目的とする。
        第2条 甲及び乙は、別表に掲ける取組に基つき、並ひに連携する。
    """)
    assert sorted(fixes(result)) == sorted([("及ひ", "及び"), ("掲け", "掲げ"), ("基つ", "基づ"), ("並ひに", "並びに")])
    assert texts(result)[1] == "第2条 甲及び乙は、別表に掲げる取組に基づき、並びに連携する。"
    assert all(c.rule == "context:voicing" for c in result.corrections)


def test_an_unvoiced_form_that_is_a_word_is_left_alone():
    # 対応し, 発生し are the verbs' own forms, not 対応じ, 発生じ misread
    result = repaired("第1条 甲は、災害が発生したときは、速やかに対応し、乙に通知する。")
    assert fixes(result) == []


def test_a_signers_name_in_a_variant_form_is_kept_as_written():
    # 宮﨑 and 髙 are the forms the persons write their names in, not misreadings of
    # 宮崎 (the city named throughout) and 高; 川﨑市郎 after a head's title is a
    # person, not 川崎市 misread
    result = repaired("""
        宮崎市(以下「甲」という。)と都城市(以下「乙」という。)は、次のとおり連携協約を締結する。
        第1条 この協約は、宮崎市及び都城市の連携により、宮崎県の県央及び県南の発展を図ることを目的とする。
        宮崎市は中心市として、都城市は連携市として取り組む。
        甲 宮崎市橘通西一丁目1番1号
           宮崎市長 宮﨑 一郎
        乙 宮崎県都城市姫城町6街区21号
           都城市長 髙見 邉志
        丙 宮崎県延岡市東本小路2番地1
           延岡市長 川﨑市郎
    """)
    assert result.corrections == () and result.warnings == ()
    assert "宮崎市長 宮﨑 一郎" in texts(result) and "延岡市長 川﨑市郎" in texts(result)


def test_a_rare_kanji_is_suspected_only_where_its_look_alike_pairs_with_a_neighbour():
    from pipeline.repair.running_text import LetterCensus

    # 園 once, 圏 three times beside 域: 園域 is suspected, 園 at a line's start
    # before no pair the document writes (園芸) is not, nor 二 (numerals are the
    # context rules'), nor a look-alike's pair across a line break (…圏\n域)
    text = "圏域の連携。圏域を形成。圏域内。\n園域の振興。\n園芸を振興する。ニ十二年。連携の圏\n域"
    assert LetterCensus(text).suspect_offsets() == [text.index("園域")]
    assert LetterCensus("圏域の連携。").suspect_offsets() == []
