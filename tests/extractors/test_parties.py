import pytest

from extractors.parties import extract_area_name, extract_parties
from tests.helpers import document_of, segments_of


def roles(parties):
    return [(p.role, p.municipality) for p in parties]


def test_three_parties_defined_as_ko_otsu_hei():
    segs = segments_of("""
        備後圏域連携協約
        福山市(以下「甲」という。)、府中市(以下「乙」という。)及び神石高原町(以下「丙」という。)は、
        備後圏域(以下「圏域」という。)において連携中枢都市圏を形成するため、次のとおり連携協約を締結する。
        第1条 この連携協約は、圏域の発展を目的とする。
    """)
    assert roles(extract_parties(segs)) == [("甲", "福山市"), ("乙", "府中市"), ("丙", "神石高原町")]
    assert extract_area_name(segs) == "備後圏域"


def test_parties_named_without_ko_otsu_are_taken_in_order_from_the_preamble():
    segs = segments_of("""
        三原市及び尾道市の連携に関する協約
        尾道市及び三原市は、地方自治法第252条の2第1項の規定に基づき、次のとおり連携協約を締結する。
        第1条 この協約は、両市の連携を目的とする。
    """)
    assert roles(extract_parties(segs)) == [("甲", "尾道市"), ("乙", "三原市")]


def test_a_body_of_municipalities_named_without_ko_otsu_is_a_party():
    segs = segments_of("""
        府中市及び芦田川広域行政事務組合の定住自立圏形成協定
        府中市及び芦田川広域行政事務組合は、次のとおり定住自立圏形成協定を締結する。
        第1条 この協定は、両者の連携を目的とする。
    """)
    assert roles(extract_parties(segs)) == [("甲", "府中市"), ("乙", "芦田川広域行政事務組合")]


def test_a_municipality_in_a_bodys_name_is_no_party_of_its_own():
    segs = segments_of("""
        三次市及び三次・安芸高田行政事務組合の協約
        三次市及び三次・安芸高田行政事務組合は、次のとおり協約を締結する。
        第1条 この協約は、両者の連携を目的とする。
    """)
    assert roles(extract_parties(segs)) == [("甲", "三次市"), ("乙", "三次・安芸高田行政事務組合")]
    segs = segments_of("""
        福山市・芦田川広域行政事務組合定住自立圏形成協定
        福山市・芦田川広域行政事務組合は、次のとおり定住自立圏形成協定を締結する。
        第1条 この協定は、両者の連携を目的とする。
    """)
    assert roles(extract_parties(segs)) == [("甲", "福山市"), ("乙", "芦田川広域行政事務組合")]


def test_party_codes_come_from_the_gazetteer():
    segs = segments_of("""
        連携協約
        山口市(以下「甲」という。)及び美祢市(以下「乙」という。)は、次のとおり連携協約を締結する。
        第1条 目的とする。
    """)
    assert [p.code for p in extract_parties(segs)] == ["352039", "352136"]


def test_an_overview_names_the_central_city_as_a_topic():
    segs = segments_of("""
        連携中枢都市圏の形成に係る連携協約(案)の概要
        次の各連携施策について、八戸市は中心的な役割を担い、各町村は連携して取り組む
    """)
    assert roles(extract_parties(segs)) == [("甲", "八戸市")]


def test_area_phrase_with_hiragana_is_read_whole():
    segs = segments_of("""
        連携協約
        姫路市(以下「甲」という。)及びたつの市(以下「乙」という。)は、播磨圏域連携中枢都市圏(以下「圏域」という。)を形成するため、次のとおり締結する。
        第1条 目的とする。
    """)
    assert roles(extract_parties(segs)) == [("甲", "姫路市"), ("乙", "たつの市")]
    assert extract_area_name(segs) == "播磨圏域連携中枢都市圏"


def test_an_unnamed_area_is_empty():
    segs = segments_of("""
        連携協約
        岡山市(以下「甲」という。)及び和気町(以下「乙」という。)は、岡山市、津山市及び和気町で構成される圏域(以下「圏域」という。)において、次のとおり締結する。
        第1条 目的とする。
    """)
    assert extract_area_name(segs) == ""


@pytest.mark.parametrize("wording", ["次のとおり定住自立圏の形成に関する協定", "別記のとおり連携中枢都市圏の形成に係る連携協約"])
def test_an_area_after_no_more_than_as_follows_is_unnamed(wording):
    """とおり ends 次のとおり; the kind of area after it names none."""
    segs = segments_of(f"""
        定住自立圏形成協定書
        釧路市(以下「甲」という。)と鶴居村(以下「乙」という。)とは、{wording}を締結する。
        第1条 目的とする。
    """)
    assert extract_area_name(segs) == ""


def test_a_teiju_jiritsuken_named_in_the_title():
    segs = segments_of("""
        南信州定住自立圏形成協定書
        飯田市及び松川町は、定住自立圏の形成に関し、次のとおり協定を締結する。
        第1条 目的とする。
    """)
    assert roles(extract_parties(segs)) == [("甲", "飯田市"), ("乙", "松川町")]
    assert extract_area_name(segs) == "南信州定住自立圏"


def test_parties_defined_as_x_wo_ko_to_shi():
    segs = segments_of("""
        定住自立圏形成協定書
        鳥取市を甲とし、岩美町を乙として、次のとおり協定を締結する。
        第1条 目的とする。
    """)
    assert roles(extract_parties(segs)) == [("甲", "鳥取市"), ("乙", "岩美町")]


def test_parties_defined_with_to_shousuru():
    segs = segments_of("""
        連携協約
        鳥取市(以下「甲」と称する。)と岩美町(以下「乙」と称する。)は、次のとおり協約を締結する。
        第1条 目的とする。
    """)
    assert roles(extract_parties(segs)) == [("甲", "鳥取市"), ("乙", "岩美町")]


def test_an_area_named_in_its_own_article():
    segs = segments_of("""
        連携協約
        福山市(以下「甲」という。)及び笠岡市(以下「乙」という。)は、次のとおり連携協約を締結する。
        (圏域の名称)
        第2条 圏域の名称は、備後圏域とする。
    """)
    assert extract_area_name(segs) == "備後圏域"


def test_an_area_named_in_quotes_as_the_name_of_the_metropolitan_area():
    segs = segments_of("""
        山口市と宇部市との連携中枢都市圏の形成に係る連携協約
        山口市を甲とし、宇部市を乙として、甲及び乙は、次のとおり連携協約を締結する。
        (圏域の名称)
        第1条 甲及び乙が形成する連携中枢都市圏の名称は、「山口宇部都市圏」とする。
    """)
    assert extract_area_name(segs) == "山口宇部都市圏"
    assert roles(extract_parties(segs)) == [("甲", "山口市"), ("乙", "宇部市")]


def test_an_area_named_only_in_the_purpose_article():
    segs = segments_of("""
        鹿屋市と垂水市との定住自立圏形成協定書
        鹿屋市(以下「甲」という。)と垂水市(以下「乙」という。)は、次のとおり協定を締結する。
        (目的)
        第1条 この協定は、甲及び乙が連携を図ることにより、大隅定住自立圏を形成し、圏域全体の活性化を図ることを目的とする。
    """)
    assert extract_area_name(segs) == "大隅定住自立圏"


def test_an_area_named_by_its_members_joined_with_nakaguro_is_read_whole():
    segs = segments_of("""
        八代市・氷川町・芦北町連携中枢都市圏形成連携協約書
        八代市(以下「甲」という。)、氷川町(以下「乙」という。)及び芦北町(以下「丙」という。)は、次のとおり連携協約を締結する。
        第1条 この連携協約は、圏域の活性化を図ることを目的とする。
    """)
    assert extract_area_name(segs) == "八代市・氷川町・芦北町連携中枢都市圏"


def test_an_area_written_in_hiragana_that_unidic_cuts_is_read_whole():
    segs = segments_of("""
        高知市と南国市との連携中枢都市圏形成に係る連携協約
        高知市(以下「甲」という。)と南国市(以下「乙」という。)は、れんけいこうち広域都市圏(以下「圏域」という。)の形成に関し、次のとおり連携協約を締結する。
        第1条 この連携協約は、圏域の発展を図ることを目的とする。
    """)
    assert extract_area_name(segs) == "れんけいこうち広域都市圏"


def test_towns_defined_together_as_one_party_each_hold_its_role():
    # 以下これらを「乙」という: the four towns of the list are all 乙, in order
    # (not only the town next to the definition)
    segs = segments_of("""
        定住自立圏形成協定書
        中心市である帯広市(以下「甲」という。)と、周辺町村である音更町、芽室町、幕別町及び池田町(以下これらを「乙」という。)は、次のとおり協定を締結する。
        第1条 この協定は、圏域の活性化を目的とする。
    """)
    parties = extract_parties(segs)
    assert roles(parties) == [("甲", "帯広市"), ("乙", "音更町"), ("乙", "芽室町"), ("乙", "幕別町"), ("乙", "池田町")]
    assert parties[-1].code == "016446"  # 池田町 of 北海道, among four 池田町


def test_towns_defined_one_by_one_as_numbered_otsu_are_each_otsu_in_number_order():
    # 乙1 … 乙11, written full width as a drafter types them: every one is 乙
    # (乙の役割 is all of theirs), taken by number, 乙10 after 乙9 and 乙11 after it
    segs = segments_of("""
        連携協約書
        盛岡市(以下「甲」という。)、八幡平市(以下「乙１」という。)、雫石町(以下「乙２」という。)、葛巻町(以下「乙３」という。)、岩手町(以下「乙４」という。)、紫波町(以下「乙５」という。)、矢巾町(以下「乙６」という。)、滝沢市(以下「乙７」という。)、
        西和賀町(以下「乙８」という。)、遠野市(以下「乙９」という。)、花巻市(以下「乙１１」という。)及び北上市(以下「乙１０」という。)は、次のとおり連携協約を締結する。
        第1条 この協約は、圏域の発展を目的とする。
    """)
    assert roles(extract_parties(segs)) == [
        ("甲", "盛岡市"), ("乙", "八幡平市"), ("乙", "雫石町"), ("乙", "葛巻町"), ("乙", "岩手町"), ("乙", "紫波町"),
        ("乙", "矢巾町"), ("乙", "滝沢市"), ("乙", "西和賀町"), ("乙", "遠野市"), ("乙", "北上市"), ("乙", "花巻市")]


def test_a_role_given_to_the_municipalities_listed_below_the_preamble_is_theirs():
    # 次に掲げる市町(以下これらを「乙」という。): the list under the sentence
    # names them, on one line or an item a line
    segs = segments_of("""
        連携協約書
        山形市(以下「甲」という。)と次に掲げる市町(以下これらを「乙」という。)は、次のとおり連携協約を締結する。
        上山市、天童市及び寒河江市
        第1条 この協約は、圏域の発展を目的とする。
    """)
    assert roles(extract_parties(segs)) == [("甲", "山形市"), ("乙", "上山市"), ("乙", "天童市"), ("乙", "寒河江市")]
    segs = segments_of("""
        定住自立圏形成協定書
        中心市である帯広市(以下「甲」という。)と別記の町村(以下これらを「乙」という。)は、次のとおり協定を締結する。
        (1) 音更町
        (2) 芽室町
        (3) 更別村
        第1条 この協定は、圏域の活性化を目的とする。
    """)
    assert roles(extract_parties(segs)) == [("甲", "帯広市"), ("乙", "音更町"), ("乙", "芽室町"), ("乙", "更別村")]


def test_a_list_before_a_single_definition_is_not_one_party():
    # each town defined on its own: a definition names the towns after the one before it only
    segs = segments_of("""
        連携協約書
        熊本市(以下「甲」という。)、大津町(以下「乙」という。)及び菊陽町(以下「丙」という。)は、次のとおり締結する。
        第1条 目的とする。
    """)
    assert roles(extract_parties(segs)) == [("甲", "熊本市"), ("乙", "大津町"), ("丙", "菊陽町")]


def test_towns_listed_before_one_definition_without_korera_all_hold_its_role():
    # 鏡野町及び奈義町(以下「乙」という。): both towns are 乙, party_b the
    # first (only 奈義町 was read, so party_b was the second town)
    segs = segments_of("""
        津山圏域定住自立圏形成協定書
        津山市(以下「甲」という。)と鏡野町、勝央町及び奈義町(以下「乙」という。)は、次のとおり協定を締結する。
        第1条 この協定は、圏域の定住を促進することを目的とする。
    """)
    assert roles(extract_parties(segs)) == [("甲", "津山市"), ("乙", "鏡野町"), ("乙", "勝央町"), ("乙", "奈義町")]


def test_an_area_in_the_title_may_end_in_any_ken_but_an_article_mentioning_tokyo_ken_names_none():
    # 大分都市広域圏 is a real name that ends in 広域圏, not 都市圏 or 圏域; in the
    # purpose article 東京圏 is where people move to, not the area formed.
    segs = segments_of("""
        大分都市広域圏の形成に係る連携協約
        大分市(以下「甲」という。)と臼杵市(以下「乙」という。)は、次のとおり連携協約を締結する。
        第1条 この連携協約は、東京圏への人口流出を抑制することを目的とする。
    """)
    assert extract_area_name(segs) == "大分都市広域圏"
    segs = segments_of("""
        大分市と臼杵市との連携協約
        大分市(以下「甲」という。)と臼杵市(以下「乙」という。)は、次のとおり連携協約を締結する。
        第1条 この連携協約は、東京圏への人口流出を抑制することを目的とする。
    """)
    assert extract_area_name(segs) == ""


def test_a_title_names_its_area_even_where_unidic_knows_no_place_in_it():
    segs = segments_of("""
        十勝定住自立圏の形成に関する協定書
        帯広市(以下「甲」という。)と音更町(以下「乙」という。)は、次のとおり協定を締結する。
        第1条 この協定は、圏域全体の活性化を図ることを目的とする。
    """)
    assert extract_area_name(segs) == "十勝定住自立圏"
    segs = segments_of("""
        周辺定住自立圏の形成に関する協定書
        帯広市(以下「甲」という。)と音更町(以下「乙」という。)は、次のとおり協定を締結する。
        第1条 この協定は、圏域全体の活性化を図ることを目的とする。
    """)
    assert extract_area_name(segs) == ""


def test_an_area_whose_name_opens_in_hiragana_is_read_whole_where_it_is_not_defined():
    # the title or an article names it; the kanji after the hiragana alone
    # (中部連携中枢都市圏, 広域連携圏) would cut the name
    title_only = segments_of("""
        しずおか中部連携中枢都市圏形成に係る連携協約
        静岡市(以下「甲」という。)及び島田市(以下「乙」という。)は、次のとおり連携協約を締結する。
        第1条 この連携協約は、圏域の発展を図ることを目的とする。
    """)
    assert extract_area_name(title_only) == "しずおか中部連携中枢都市圏"
    joined_with_no = segments_of("""
        北しなの広域連携圏の形成に係る連携協約
        長野市(以下「甲」という。)及び須坂市(以下「乙」という。)は、次のとおり連携協約を締結する。
        第1条 この連携協約は、圏域の発展を図ることを目的とする。
    """)
    assert extract_area_name(joined_with_no) == "北しなの広域連携圏"
    in_an_article = segments_of("""
        連携協約書
        鳥取市(以下「甲」という。)及び岩美町(以下「乙」という。)は、次のとおり連携協約を締結する。
        第1条 この連携協約は、甲及び乙が麒麟のまち圏域を形成し、甲及び乙の圏域の発展を図ることを目的とする。
    """)
    assert extract_area_name(in_an_article) == "麒麟のまち圏域"


def test_an_area_quoted_in_its_title_is_read_without_the_quotes():
    segs = segments_of("""
        「れんけいこうち広域都市圏」の形成に係る連携協約
        高知市(以下「甲」という。)及び土佐市(以下「乙」という。)は、次のとおり連携協約を締結する。
        第1条 この連携協約は、圏域の発展を図ることを目的とする。
    """)
    assert extract_area_name(segs) == "れんけいこうち広域都市圏"


def test_an_area_defined_in_quotes_or_with_a_katakana_word_is_read_whole():
    quoted = segments_of("""
        連携協約書
        高知市(以下「甲」という。)及び土佐市(以下「乙」という。)は、「れんけいこうち広域都市圏」(以下「圏域」という。)を形成するため、次のとおり連携協約を締結する。
        第1条 この連携協約は、圏域の発展を図ることを目的とする。
    """)
    assert extract_area_name(quoted) == "れんけいこうち広域都市圏"
    katakana = segments_of("""
        定住自立圏形成協定書
        栗原市(以下「甲」という。)及び登米市(以下「乙」という。)は、みやぎ県北ハートフル定住自立圏(以下「圏域」という。)を形成するため、次のとおり協定を締結する。
        第1条 この協定は、圏域の発展を図ることを目的とする。
    """)
    assert extract_area_name(katakana) == "みやぎ県北ハートフル定住自立圏"


def test_the_parties_land_defined_as_the_area_names_none():
    segs = segments_of("""
        連携協約書
        高知市(以下「甲」という。)及び土佐市(以下「乙」という。)は、甲及び乙の区域(以下「圏域」という。)において連携中枢都市圏を形成するため、次のとおり連携協約を締結する。
        第1条 この連携協約は、圏域の発展を図ることを目的とする。
    """)
    assert extract_area_name(segs) == ""


def test_parties_defined_by_their_heads_are_the_municipalities_they_head():
    segs = segments_of("""
        定住自立圏形成協定書
        中心市である釧路市長 蝦名大也(以下「甲」という。)と白糠町長 棚野孝夫(以下「乙」という。)は、次のとおり協定を締結する。
        第1条 この協定は、圏域の活性化を目的とする。
    """)
    assert roles(extract_parties(segs)) == [("甲", "釧路市"), ("乙", "白糠町")]
    segs = segments_of("""
        奈良県と五條市とのまちづくりに関する連携協約
        奈良県知事荒井正吾(以下「甲」という。)及び五條市長太田好紀(以下「乙」という。)は、次のとおり連携協約を締結する。
        第1条 この連携協約は、まちづくりの推進を目的とする。
    """)
    assert roles(extract_parties(segs)) == [("甲", "奈良県"), ("乙", "五條市")]
    segs = segments_of("""
        定住自立圏形成協定書
        鹿屋市長(以下「甲」という。)と垂水市長(以下「乙」という。)は、次のとおり協定を締結する。
        第1条 この協定は、圏域の活性化を目的とする。
    """)
    assert roles(extract_parties(segs)) == [("甲", "鹿屋市"), ("乙", "垂水市")]


def test_a_prefecture_written_before_a_party_settles_its_code_and_is_no_head():
    # 長野県長野市: 県 and 長 touch, but no 県長 holds an office; 広島県府中市
    # is the one of Hiroshima (there is another in Tokyo)
    segs = segments_of("""
        連携協約
        長野県長野市(以下「甲」という。)及び須坂市(以下「乙」という。)は、次のとおり連携協約を締結する。
        第1条 この連携協約は、圏域の発展を目的とする。
    """)
    assert roles(extract_parties(segs)) == [("甲", "長野市"), ("乙", "須坂市")]
    segs = segments_of("""
        連携協約
        広島県府中市(以下「甲」という。)及び東京都府中市(以下「乙」という。)は、次のとおり連携協約を締結する。
        第1条 この連携協約は、交流の推進を目的とする。
    """)
    assert [(p.municipality, p.code) for p in extract_parties(segs)] == [("府中市", "342084"), ("府中市", "132063")]


def test_parties_named_only_under_their_signatures_are_taken_from_the_blocks():
    doc = document_of("""
        連携中枢都市圏形成に係る連携協約
        甲及び乙は、地方自治法第252条の2第1項の規定に基づき、次のとおり連携協約を締結する。
        第1条 この連携協約は、甲及び乙が連携し、圏域の発展を図ることを目的とする。
        この協約の締結を証するため、本書2通を作成し、甲乙記名押印の上、各自1通を保有する。
        令和2年3月27日
        甲 山口県山口市亀山町2番1号
           山口市長 渡辺 純忠
        乙 山口県萩市大字江向510番地
           萩市長 藤道 健二
    """)
    assert roles(doc.parties) == [("甲", "山口市"), ("乙", "萩市")]
    assert "no parties found" not in doc.warnings


def test_an_overview_names_the_central_city_as_the_centre_of_the_area():
    segs = segments_of("""
        備後圏域連携協約の概要
        1 目的
        福山市を中心とする備後圏域において、連携中枢都市圏を形成し、圏域全体の経済成長をけん引する。
        2 主な取組 産業振興、観光振興
    """)
    assert roles(extract_parties(segs)) == [("甲", "福山市")]


def test_signature_blocks_naming_more_parties_than_the_text_are_the_parties():
    # the purpose article names only the central city as a topic
    doc = document_of("""
        定住自立圏形成協定書
        甲及び乙は、定住自立圏構想推進要綱に基づき、次のとおり協定を締結する。
        第1条 この協定は、鹿屋市を中心とする圏域の活性化を目的とする。
        この協定の締結を証するため、本書2通を作成し、甲乙記名押印の上、各自1通を保有する。
        令和2年3月25日
        甲 鹿児島県鹿屋市共栄町20番1号
           鹿屋市長 中西 茂
        乙 鹿児島県垂水市上町114番地
           垂水市長 尾脇 雅弥
    """)
    assert roles(doc.parties) == [("甲", "鹿屋市"), ("乙", "垂水市")]


def test_an_overview_that_lists_its_members_without_ko_otsu_names_them_in_order():
    doc = document_of("""
        みやざき共創都市圏連携協約の概要
        1 連携市町
        宮崎市(中心市)、国富町、綾町
        2 主な連携施策
        (1) 地域医療体制の充実
        (2) 観光振興の推進
    """)
    assert doc.doc_type == "overview"
    assert roles(doc.parties) == [("甲", "宮崎市"), ("乙", "国富町"), ("丙", "綾町")]
    assert doc.area_name == "みやざき共創都市圏"


def test_the_term_of_a_plan_before_the_area_is_no_part_of_its_name():
    doc = document_of("""
        第2期備後圏域連携中枢都市圏ビジョン(素案)に対する意見募集の結果について
        1 募集期間
        令和3年1月5日から令和3年2月4日まで
    """)
    assert doc.area_name == "備後圏域連携中枢都市圏"
    segs = segments_of("""
        第二次しずおか中部連携中枢都市圏の形成に係る連携協約
        静岡市(以下「甲」という。)及び島田市(以下「乙」という。)は、次のとおり連携協約を締結する。
        第1条 この協約は、圏域の発展を目的とする。
    """)
    assert extract_area_name(segs) == "しずおか中部連携中枢都市圏"


def test_a_reading_or_nickname_in_brackets_between_the_area_and_its_definition():
    segs = segments_of("""
        津山圏域定住自立圏形成協定書
        津山市(以下「甲」という。)及び鏡野町(以下「乙」という。)は、津山圏域定住自立圏(つやまエリア)(以下「圏域」という。)を形成するため、次のとおり協定を締結する。
        第1条 この協定は、圏域の発展を目的とする。
    """)
    assert extract_area_name(segs) == "津山圏域定住自立圏"
    segs = segments_of("""
        高知市及び土佐市の連携協約
        高知市(以下「甲」という。)及び土佐市(以下「乙」という。)は、「れんけいこうち広域都市圏」(仮称)(以下「圏域」という。)を形成するため、次のとおり連携協約を締結する。
        第1条 この協約は、圏域の発展を目的とする。
    """)
    assert extract_area_name(segs) == "れんけいこうち広域都市圏"


def test_a_defined_phrase_of_words_every_area_is_described_with_names_no_area():
    # UniDic reads させぼ as a verb, an auxiliary and a sign: the phrase before the definition
    # keeps only 広域都市圏, a kind of area, which is no name
    segs = segments_of("""
        連携協約書
        甲及び乙は、西九州させぼ広域都市圏(以下「圏域」という。)を形成するため、次のとおり連携協約を締結する。
        第1条 この協約は、圏域の発展を目的とする。
    """)
    assert extract_area_name(segs) == "西九州させぼ広域都市圏"


@pytest.mark.parametrize("where", ["title", "definition", "article"])
def test_an_area_name_with_a_word_in_hiragana_that_unidic_misreads_keeps_it(where):
    # UniDic reads させぼ as さ|せ|ぼ, ぼ a sign: no words, so no clause
    # ending before 広域都市圏, but a word of the name
    for name in ("西九州させぼ広域都市圏", "北ちくご定住自立圏"):
        title = f"{name}の形成に係る連携協約" if where == "title" else "連携協約書"
        defined = f"{name}(以下「圏域」という。)を形成するため、" if where == "definition" else ""
        purpose = f"甲及び乙が{name}を形成し、" if where == "article" else ""
        segs = segments_of(f"""
            {title}
            佐世保市(以下「甲」という。)及び平戸市(以下「乙」という。)は、{defined}次のとおり連携協約を締結する。
            第1条 この協約は、{purpose}圏域の発展を図ることを目的とする。
        """)
        assert extract_area_name(segs) == name


@pytest.mark.parametrize("where", ["title", "definition", "article"])
@pytest.mark.parametrize("name", ["ハートフル・OKAYAMA定住自立圏", "SUN-SUN定住自立圏"])
def test_an_area_name_with_latin_letters_is_read_whole(where, name):
    title = f"{name}形成協定書" if where == "title" else "定住自立圏形成協定書"
    defined = f"{name}(以下「圏域」という。)を形成するため、" if where == "definition" else ""
    purpose = f"甲及び乙が{name}を形成し、" if where == "article" else ""
    segs = segments_of(f"""
        {title}
        岡山市(以下「甲」という。)及び玉野市(以下「乙」という。)は、{defined}次のとおり協定を締結する。
        第1条 この協定は、{purpose}圏域の発展を図ることを目的とする。
    """)
    assert extract_area_name(segs) == name


@pytest.mark.parametrize("clause", ["甲及び乙が形成する", "甲及び乙が協力し", "甲及び乙で構成される", "甲及び乙が共に形成していく",
                                    "圏域の発展のため", "次のとおり", "甲が中心となり"])
def test_hiragana_ending_a_clause_before_a_kind_of_area_names_none(clause):
    # the verb ending, particle or adverbial noun before 広域都市圏 is grammar, not a coined word
    for where in ("definition", "article"):
        defined = f"{clause}広域都市圏(以下「圏域」という。)において、" if where == "definition" else ""
        purpose = f"{clause}広域都市圏の発展を図り、" if where == "article" else ""
        segs = segments_of(f"""
            連携協約書
            佐世保市(以下「甲」という。)及び平戸市(以下「乙」という。)は、{defined}次のとおり連携協約を締結する。
            第1条 この協約は、{purpose}甲及び乙の連携を目的とする。
        """)
        assert extract_area_name(segs) == "", (clause, where)


def test_a_party_named_in_two_prefectures_takes_the_code_its_signing_address_settles():
    """府中市 is a city of 東京都 and of 広島県: the block's address says which."""
    doc = document_of("""
        府中市と芦田川広域行政事務組合との連携協約
        府中市(以下「甲」という。)と芦田川広域行政事務組合(以下「乙」という。)は、次のとおり協約を締結する。
        第1条 この協約は、甲及び乙の連携を目的とする。
        この協約の締結を証するため、本書2通を作成し、甲乙記名押印の上、各自1通を保有する。
        令和2年3月27日
        甲 広島県府中市府川町315番地
           府中市長 小野 申人
        乙 芦田川広域行政事務組合 管理者 府中市長 小野 申人
    """)
    assert [(p.role, p.municipality, p.code) for p in doc.parties] == [
        ("甲", "府中市", "342084"), ("乙", "芦田川広域行政事務組合", "")]
    assert not any("matches several" in w for w in doc.warnings)


KURUME_OVERVIEW = """
    連携中枢都市圏形成に係る連携協約の概要
    1 連携協約の当事者
      甲:久留米市
      乙:大川市、小郡市、うきは市
    2 締結日
      令和2年3月26日
    3 連携する取組
    (1) 圏域全体の経済成長のけん引
    4 資料作成日
      令和2年4月1日
"""


def test_an_overview_naming_the_parties_by_role_a_line_each_gives_them():
    doc = document_of(KURUME_OVERVIEW)
    assert doc.doc_type == "overview"
    assert roles(doc.parties) == [("甲", "久留米市"), ("乙", "大川市"), ("乙", "小郡市"), ("乙", "うきは市")]


def test_an_overview_signed_on_a_day_it_labels_as_the_signing_date():
    doc = document_of(KURUME_OVERVIEW)
    assert doc.signed_date.isoformat() == "2020-03-26"  # 締結日, not the paper's own date below
    assert [(d.kind, d.iso.isoformat()) for d in doc.dates] == [("signed", "2020-03-26"), ("referenced", "2020-04-01")]
    unlabelled = document_of(KURUME_OVERVIEW.replace("2 締結日", "2 経緯"))
    assert unlabelled.signed_date is None  # a summary's dates are no signing dates unless it says so


def test_an_overview_names_its_parties_in_a_table_of_particulars():
    # 当事者 as a cell, marked 甲/乙 or with the central city noted, or a
    # 【当事者】 key line; the 中心市 and its partners under keys of their own
    cases = {
        "項目\t内容\n名称\t鳥取因幡連携中枢都市圏形成に係る連携協約\n当事者\t甲:鳥取市 乙:岩美町\n期間\t定めなし":
            [("甲", "鳥取市"), ("乙", "岩美町")],
        "項目\t内容\n締結日\t平成27年3月18日\n当事者\t福山市(連携中枢都市)及び府中市": [("甲", "福山市"), ("乙", "府中市")],
        "【名称】八戸圏域連携中枢都市圏の形成に係る連携協約\n【当事者】八戸市(連携中枢都市)、三戸町":
            [("甲", "八戸市"), ("乙", "三戸町")],
        "(1) 構成市町村:三戸町、八戸市(中心市)": [("甲", "八戸市"), ("乙", "三戸町")],
        "中心市\t鳥取市\n連携市町村\t岩美町、若桜町": [("甲", "鳥取市"), ("乙", "岩美町"), ("丙", "若桜町")],
        "当事者 甲 久留米市、乙 大川市、小郡市": [("甲", "久留米市"), ("乙", "大川市"), ("乙", "小郡市")],
        # an HTML cell's two lines (甲:宮崎市<br>乙:国富町) read as one
        "締結日\t令和2年3月26日\n当事者\t甲:宮崎市乙:国富町": [("甲", "宮崎市"), ("乙", "国富町")],
    }
    for particulars, parties in cases.items():
        doc = document_of("連携中枢都市圏形成に係る連携協約の概要\n" + particulars)
        assert (doc.doc_type, roles(doc.parties)) == ("overview", parties), particulars


def test_a_key_naming_no_parties_gives_none():
    # 問い合わせ先, 出席者: municipalities named under other keys are no parties
    doc = document_of("""
        連携中枢都市圏形成に係る連携協約の概要
        出席者\t鳥取市長、岩美町長
        問い合わせ先\t鳥取市企画推進部
    """)
    assert roles(doc.parties) == []


def test_an_overview_names_its_area_under_a_key():
    doc = document_of("""
        備後圏域連携中枢都市圏形成に係る連携協約の概要
        項目\t内容
        当事者\t福山市及び府中市
        圏域名\t備後圏域
    """)
    assert doc.area_name == "備後圏域"
    keyed = document_of("連携協約の概要\n【圏域の名称】「みやざき共創都市圏」\n【締結日】令和2年3月26日")
    assert keyed.area_name == "みやざき共創都市圏"


def test_members_listed_under_a_key_beside_the_central_city_topic_are_all_parties():
    # 福山市を中心とする… names the centre; 構成市町 lists every member
    doc = document_of("""
        備後圏域連携協約の概要
        1 目的
        福山市を中心とする備後圏域において、連携中枢都市圏を形成し、圏域全体の経済成長をけん引する。
        2 構成市町 福山市、府中市、神石高原町
    """)
    assert roles(doc.parties) == [("甲", "福山市"), ("乙", "府中市"), ("丙", "神石高原町")]


def test_a_press_release_whose_subject_lists_the_parties_gives_them_all():
    # the title names none; the sentence's subject lists both (not only the one before は)
    doc = document_of("""
        報道機関各位
        久留米広域連携中枢都市圏形成に係る連携協約の締結について
        久留米市と大川市は、久留米広域連携中枢都市圏の形成に向け、下記のとおり連携協約を締結しますので、お知らせします。
        1 日時 令和3年3月26日(金)午前10時
    """)
    assert doc.doc_type == "other"
    assert roles(doc.parties) == [("甲", "久留米市"), ("乙", "大川市")]


@pytest.mark.parametrize("phrase", ["それぞれの生活圏域", "すべての定住自立圏域", "ほか圏域", "暮らしやすい圏域",
                                    "住みやすい都市圏", "ひとつの広域都市圏", "二つの生活圏域", "それぞれ圏域"])
def test_words_saying_which_or_how_many_areas_open_no_name(phrase):
    # それぞれ, すべて, ほか (nouns read as adverbs), やすい (a suffix cut from its verb),
    # ひとつの, 二つの (a count): what is left is a kind of area, no name
    for where in ("definition", "article"):
        defined = f"{phrase}(以下「圏域」という。)において、" if where == "definition" else ""
        purpose = f"{phrase}の発展を図り、" if where == "article" else ""
        segs = segments_of(f"""
            連携協約書
            佐世保市(以下「甲」という。)及び平戸市(以下「乙」という。)は、{defined}次のとおり連携協約を締結する。
            第1条 この協約は、甲及び乙が連携し、{purpose}住民の福祉の向上を目的とする。
        """)
        assert extract_area_name(segs) == "", (phrase, where)


@pytest.mark.parametrize("name", ["三遠南信定住自立圏", "十勝定住自立圏", "二戸地域定住自立圏"])
def test_a_numeral_opening_a_place_in_kanji_stays_in_the_name(name):
    # UniDic reads 三 | 遠, 十 | 勝, 二 | 戸: a numeral, but one that names, not counts
    segs = segments_of(f"""
        {name}形成協定書
        豊橋市(以下「甲」という。)及び飯田市(以下「乙」という。)は、次のとおり協定を締結する。
        第1条 この協定は、甲及び乙の連携を目的とする。
    """)
    assert extract_area_name(segs) == name


def test_a_kana_name_that_unidic_cuts_into_an_adverb_like_noun_stays_whole():
    # 、まえばし圏域: まえ | ばし, まえ read as 前 (a noun used as an adverb) but run into more kana
    segs = segments_of("""
        連携協約書
        前橋市(以下「甲」という。)及び高崎市(以下「乙」という。)は、次のとおり連携協約を締結する。
        第1条 この協約は、甲及び乙が連携し、まえばし圏域の発展を図ることを目的とする。
    """)
    assert extract_area_name(segs) == "まえばし圏域"


# A municipality's reading in hiragana that UniDic cuts into grammar: と|よ|は|し,
# いま|ばり (an adverb), ふく|やま (a verb), はち|の|へ (particles), ながさ|き.
PLACES_IN_HIRAGANA = ["とよはし圏域", "いまばり圏域", "ふくやま圏域", "はちのへ圏域", "ながさき圏域",
                      "くまもと連携中枢都市圏", "おおいた都市広域圏"]


@pytest.mark.parametrize("name", PLACES_IN_HIRAGANA)
def test_an_area_named_by_a_place_in_hiragana_is_read_whole_where_it_is_defined(name):
    segs = segments_of(f"""
        連携協約書
        甲市(以下「甲」という。)及び乙町(以下「乙」という。)は、{name}(以下「圏域」という。)を形成するため、次のとおり連携協約を締結する。
        第1条 この協約は、圏域の発展を図ることを目的とする。
    """)
    assert extract_area_name(segs) == name


@pytest.mark.parametrize("name", PLACES_IN_HIRAGANA)
def test_an_area_named_by_a_place_in_hiragana_is_read_whole_in_a_title(name):
    segs = segments_of(f"""
        {name}の形成に関する連携協約
        甲及び乙は、次のとおり連携協約を締結する。
        第1条 この協約は、甲及び乙の連携を目的とする。
    """)
    assert extract_area_name(segs) == name


@pytest.mark.parametrize("name", [n for n in PLACES_IN_HIRAGANA if n.endswith(("圏域", "都市圏"))])
def test_an_area_named_by_a_place_in_hiragana_is_read_whole_in_an_article(name):
    # くまもと|連携中枢都市圏: と before a kind of area is no particle here
    segs = segments_of(f"""
        連携協約書
        甲及び乙は、次のとおり連携協約を締結する。
        第1条 この協約は、甲及び乙が連携し、{name}の発展を図ることを目的とする。
    """)
    assert extract_area_name(segs) == name


@pytest.mark.parametrize("phrase", ["それぞれの圏域", "すべての圏域", "ともに圏域", "さらに圏域"])
def test_hiragana_that_spells_no_place_before_an_area_names_none(phrase):
    segs = segments_of(f"""
        連携協約書
        甲及び乙は、次のとおり連携協約を締結する。
        第1条 この協約は、甲及び乙が連携し、{phrase}の発展を図ることを目的とする。
    """)
    assert extract_area_name(segs) == ""


def test_a_meetings_count_before_the_area_is_no_part_of_its_name():
    segs = segments_of("""
        令和3年度第1回岡山連携中枢都市圏連携推進協議会
        1　開会
        2　議事
    """)
    assert extract_area_name(segs) == "岡山連携中枢都市圏"


@pytest.mark.parametrize("clause", ["甲及び乙が形成する", "甲及び乙による", "甲及び乙を"])
def test_a_place_in_hiragana_right_after_a_clause_is_read_without_the_clause(clause):
    # 形成する|とよはし: the run of hiragana holds the clause's ending and the place
    segs = segments_of(f"""
        連携協約書
        甲及び乙は、次のとおり連携協約を締結する。
        第1条 この協約は、{clause}とよはし圏域の発展を図ることを目的とする。
    """)
    assert extract_area_name(segs) == "とよはし圏域"


@pytest.mark.parametrize("purpose", [
    # the name is the term a definition makes, not the phrase before it
    "この協約は、甲及び乙で構成する圏域(以下「おおいた都市広域圏」という。)において、連携して経済成長を図ることを目的とする。",
    # quoted where it is formed, no definition
    "この協約は、大分市及び由布市で構成する「おおいた都市広域圏」において、連携を図ることを目的とする。",
    # what the parties form, unquoted: 〜圏を形成し / 〜圏の形成を図り
    "この協約は、甲及び乙が、おおいた都市広域圏を形成し、連携して圏域全体の活性化を図ることを目的とする。",
    "この協約は、甲及び乙が連携して、おおいた都市広域圏の形成を図り、もって経済成長を図ることを目的とする。",
])
def test_an_area_of_any_kind_of_ken_named_only_in_an_article_is_the_documents_area(purpose):
    segs = segments_of(f"""
        大分市と由布市との連携協約
        大分市(以下「甲」という。)と由布市(以下「乙」という。)は、次のとおり連携協約を締結する。
        第1条 {purpose}
    """)
    assert extract_area_name(segs) == "おおいた都市広域圏"


@pytest.mark.parametrize("purpose", [
    "この協定は、住民の日常生活圏の形成を図ることを目的とする。",
    "この協定は、一体的な生活圏を形成し、東京圏への人口流出を抑制することを目的とする。",
    "この協定は、「定住自立圏」の形成を目的とする。",
])
def test_a_kind_of_area_formed_or_quoted_in_an_article_names_none(purpose):
    segs = segments_of(f"""
        帯広市と音更町との協定書
        帯広市(以下「甲」という。)と音更町(以下「乙」という。)は、次のとおり協定を締結する。
        第1条 {purpose}
    """)
    assert extract_area_name(segs) == ""


def test_a_report_names_the_parties_as_the_makers_of_the_agreement():
    doc = document_of("""
        お知らせ
        連携協約締結式を開催しました
        令和2年3月27日(金)、福山市役所において、福山市と府中市による連携協約の締結式を開催しました。
        両市長が協約書に署名し、今後の連携を確認しました。
    """)
    assert roles(doc.parties) == [("甲", "福山市"), ("乙", "府中市")]
    assert str(doc.signed_date) == "2020-03-27"


def test_the_parties_land_defined_as_the_area_before_a_named_area_defined_later():
    # 甲及び乙の区域 (以下「圏域」) names none; the 圏 a later definition makes its term does
    segs = segments_of("""
        大分市と由布市との連携協約
        大分市(以下「甲」という。)と由布市(以下「乙」という。)は、甲及び乙の区域(以下「圏域」という。)において、次のとおり連携協約を締結する。
        第1条 この協約は、圏域をもって構成する連携中枢都市圏(以下「おおいた都市広域圏」という。)の発展を目的とする。
    """)
    assert extract_area_name(segs) == "おおいた都市広域圏"


def test_a_release_quoting_the_area_its_parties_form_names_it():
    doc = document_of("""
        記者発表資料
        令和2年3月30日
        大分市と由布市の連携協約について
        大分市と由布市は、「おおいた都市広域圏」の形成に向けて、令和2年3月27日に連携協約を締結しました。
    """)
    assert doc.area_name == "おおいた都市広域圏"
