import pytest

from extractors.parties import extract_parties
from extractors.signatories import extract_signatories, split_person_name
from tests.helpers import document_of, segments_of

HEAD = """
    連携協約
    福山市(以下「甲」という。)、府中市(以下「乙」という。)及び神石高原町(以下「丙」という。)は、次のとおり締結する。
    第1条 目的とする。
    この協約の締結を証するため、本書3通を作成し、記名押印の上、各自1通を保有する。
    令和2年3月27日
"""


def signatories_of(tail: str):
    segs = segments_of(HEAD + tail)
    return extract_signatories(segs, extract_parties(segs))


def fields(s):
    return (s.role, s.municipality, s.address, s.title, s.name)


def test_blocks_with_address_title_and_name_on_one_line():
    sigs = signatories_of("""
    甲 広島県福山市東桜町3番5号
       福山市長 枝広 直幹 印
    乙 広島県府中市府川町315番地
       府中市長 小野 申人 ㊞
    丙 広島県神石郡神石高原町小畠2025番地
       神石高原町長 入江 嘉則
    """)
    assert [fields(s) for s in sigs] == [
        ("甲", "福山市", "広島県福山市東桜町3番5号", "福山市長", "枝広 直幹"),
        ("乙", "府中市", "広島県府中市府川町315番地", "府中市長", "小野 申人"),
        ("丙", "神石高原町", "広島県神石郡神石高原町小畠2025番地", "神石高原町長", "入江 嘉則"),
    ]
    assert (sigs[0].family_name, sigs[0].given_name) == ("枝広", "直幹")
    assert [s.municipality_code for s in sigs] == ["342076", "342084", "345458"]


def test_labelled_address_and_name_lines():
    sigs = signatories_of("""
    甲 住所 福山市東桜町3番5号
       氏名 福山市長 枝広直幹
    """)
    assert fields(sigs[0]) == ("甲", "福山市", "福山市東桜町3番5号", "福山市長", "枝広直幹")


def test_what_a_published_copy_prints_for_the_seal_is_no_part_of_the_name():
    sigs = signatories_of("""
    甲 広島県福山市東桜町3番5号
       福山市長 枝広 直幹 (署名)
    乙 広島県府中市府川町315番地
       府中市長 小野 申人 (公印省略)
    丙 広島県神石郡神石高原町小畠2025番地
       神石高原町長
       入江 嘉則 [押印省略]
    """)
    assert [s.name for s in sigs] == ["枝広 直幹", "小野 申人", "入江 嘉則"]
    assert (sigs[1].family_name, sigs[1].given_name) == ("小野", "申人")


def test_addresses_given_on_the_line_above_each_role_mark():
    sigs = signatories_of("""
        住所 広島県福山市東桜町3番5号
    甲 氏名 福山市長 枝広 直 ㊞
        住所 広島県府中市府川町315番地
    乙 氏名 府中市長 小野 申人 ㊞
        住所 広島県神石郡神石高原町小畠2025番地
    丙 氏名 神石高原町長 入江 嘉則 ㊞
    """)
    assert [fields(s) for s in sigs] == [
        ("甲", "福山市", "広島県福山市東桜町3番5号", "福山市長", "枝広 直"),
        ("乙", "府中市", "広島県府中市府川町315番地", "府中市長", "小野 申人"),
        ("丙", "神石高原町", "広島県神石郡神石高原町小畠2025番地", "神石高原町長", "入江 嘉則"),
    ]


def test_block_of_title_and_name_only_takes_the_municipality_from_the_title():
    sigs = signatories_of("""
    甲 府中市長
    小野申人
    """)
    assert fields(sigs[0]) == ("甲", "府中市", "", "府中市長", "小野申人")
    assert not sigs[0].redacted


def test_a_blanked_template_is_redacted():
    sigs = signatories_of("""
    乙 ●●●町●●番地
    ●●●町
    ●●●町長
    """)
    assert sigs[0].redacted
    assert fields(sigs[0]) == ("乙", "●●●町", "●●●町●●番地", "●●●町長", "")


# An agreement of a city and three towns defined as 乙1 … 乙3, down to its
# signing date: the tests of numbered 乙 blocks give their blocks after it.
YAMAGATA_NUMBERED_OTSU_HEAD = """
        連携協約書
        山形市(以下「甲」という。)、上山市(以下「乙1」という。)、天童市(以下「乙2」という。)及び大江町(以下「乙3」という。)は、次のとおり締結する。
        第1条 目的とする。
        この協約の締結を証するため、本書4通を作成し、記名押印の上、各自1通を保有する。
        令和2年3月30日
"""


def test_blocks_marked_with_numbered_otsu_are_each_a_block_of_otsu():
    segs = segments_of(YAMAGATA_NUMBERED_OTSU_HEAD + """        甲　 山形県山形市旅篭町二丁目3番25号
             山形市長 佐藤 孝一
        乙１ 山形県上山市河崎一丁目1番10号
             上山市長 横戸 長之
        (乙2) 山形県天童市老野森一丁目1番1号
             天童市長 山本 信二
        乙３：山形県西村山郡大江町大字左沢882番地の1
             大江町長 松田 秀則
    """)
    sigs = extract_signatories(segs, extract_parties(segs))
    assert [fields(s) for s in sigs] == [
        ("甲", "山形市", "山形県山形市旅篭町二丁目3番25号", "山形市長", "佐藤 孝一"),
        ("乙", "上山市", "山形県上山市河崎一丁目1番10号", "上山市長", "横戸 長之"),
        ("乙", "天童市", "山形県天童市老野森一丁目1番1号", "天童市長", "山本 信二"),
        ("乙", "大江町", "山形県西村山郡大江町大字左沢882番地の1", "大江町長", "松田 秀則"),
    ]
    assert sigs[-1].municipality_code == "063240"  # 大江町 of 山形県


def test_zeros_of_a_kanji_address_number_are_no_blanked_name():
    sigs = signatories_of("""
    甲 広島県福山市東桜町三番五号
       福山市長 枝広 直幹
    乙 広島県府中市府川町一三〇〇番地
       府中市長 小野 申人
    丙 広島県神石郡神石高原町小畠二○○番地
       神石高原町長 入江 嘉則
    丁 〇〇県〇〇郡〇〇町
       〇〇町長 〇〇 〇〇
    戊 ○○県○○市
       ○○市長 ○○ ○○
    """)
    assert [s.address for s in sigs[:3]] == ["広島県福山市東桜町三番五号", "広島県府中市府川町一三〇〇番地",
                                             "広島県神石郡神石高原町小畠二○○番地"]
    assert [s.redacted for s in sigs] == [False, False, False, True, True]


# Parties named without 甲/乙: the signature blocks carry no role marks.
UNMARKED_HEAD = """
        三原市及び尾道市の連携に関する協約
        三原市及び尾道市は、次のとおり連携協約を締結する。
        第1条 目的とする。
        この協約の締結を証するため、本書2通を作成し、両市長が記名押印の上、各自1通を保有する。
        令和4年4月1日
"""


def test_blocks_without_role_markers_follow_the_party_order():
    segs = segments_of(UNMARKED_HEAD + """
        三原市長 岡田 吉弘
        尾道市長 平谷 祐宏
    """)
    sigs = extract_signatories(segs, extract_parties(segs))
    assert [fields(s) for s in sigs] == [
        ("甲", "三原市", "", "三原市長", "岡田 吉弘"), ("乙", "尾道市", "", "尾道市長", "平谷 祐宏")]


def test_person_names_split_by_unidic_tags():
    assert split_person_name("渡辺純忠") == ("渡辺", "純忠")
    assert split_person_name("大森 雅夫") == ("大森", "雅夫")
    assert split_person_name("") == ("", "")


def test_a_whole_block_on_one_line():
    sigs = signatories_of("""
    甲 福山市東桜町3番5号 福山市 福山市長 枝広直幹
    乙 府中市府川町315番地 府中市 府中市長 小野申人
    """)
    assert [fields(s) for s in sigs[:2]] == [
        ("甲", "福山市", "福山市東桜町3番5号", "福山市長", "枝広直幹"),
        ("乙", "府中市", "府中市府川町315番地", "府中市長", "小野申人")]


def test_unmarked_blocks_with_the_name_under_the_title():
    segs = segments_of(UNMARKED_HEAD + """
        広島県三原市港町三丁目5番1号
        三原市長
        岡田 吉弘
        広島県尾道市久保一丁目15番1号
        尾道市長
        平谷 祐宏
    """)
    sigs = extract_signatories(segs, extract_parties(segs))
    assert [fields(s) for s in sigs] == [
        ("甲", "三原市", "広島県三原市港町三丁目5番1号", "三原市長", "岡田 吉弘"),
        ("乙", "尾道市", "広島県尾道市久保一丁目15番1号", "尾道市長", "平谷 祐宏")]


SCANNED_TAIL = """
    甲 山形市旅籠町二 丁目 3 番25号
    山形市
    山形市長
    選 ●●●市 町●●●丁目●●番●●号
    ●●●市町
    ●●●市町長
"""


def test_a_misread_role_mark_gives_the_next_role_by_position():
    # OCR of a template: 乙 read as 選, spaces put into the addresses
    head = """
        山形連携中枢都市圏形成に係る連携協約
        山形市(以下「甲」という。)と●●●市町(以下「乙」という。)は、次のとおり連携協約を締結する。
        第1条 目的とする。
        令和2年1月9日
    """
    segs = segments_of(head + SCANNED_TAIL)
    sigs = extract_signatories(segs, extract_parties(segs))
    assert [fields(s) for s in sigs] == [
        ("甲", "山形市", "山形市旅籠町二丁目3番25号", "山形市長", ""),
        ("乙", "●●●市町", "●●●市町●●●丁目●●番●●号", "●●●市町長", "")]
    assert [s.redacted for s in sigs] == [False, True]
    warnings = document_of(head + SCANNED_TAIL).warnings
    assert any("signature block 乙 has no role mark (reads 選 ●●●" in w for w in warnings)


def test_a_second_head_in_a_block_stays_when_the_next_role_is_marked():
    sigs = signatories_of("""
    甲 広島県福山市東桜町3番5号
       福山市長 枝広 直幹
       職務代理者 福山市副市長 中島 智治
    乙 広島県府中市府川町315番地
       府中市長 小野 申人
    """)
    assert [s.role for s in sigs] == ["甲", "乙"]


def test_spaces_leave_an_address_but_not_before_a_building_name():
    sigs = signatories_of("""
    甲 東京都千代田区霞が関2丁目1番2号 中央合同庁舎第2号館
       福山市長 枝広 直幹
    乙 広島県府中市府川町 315 番地 1
       府中市長 小野 申人
    """)
    assert [s.address for s in sigs[:2]] == ["東京都千代田区霞が関2丁目1番2号 中央合同庁舎第2号館",
                                              "広島県府中市府川町315番地1"]


def test_a_signing_date_with_both_calendars_closes_the_articles():
    doc = document_of("""
        三原市及び尾道市の連携に関する協約
        三原市(以下「甲」という。)及び尾道市(以下「乙」という。)は、次のとおり連携協約を締結する。
        第1条 目的とする。
        この協約の締結を証するため、本書2通を作成し、記名押印の上、各自1通を保有する。
        令和２年（２０２０年）３月２７日
        甲 三原市長 岡田 吉弘
        乙 尾道市長 平谷 祐宏
    """)
    assert doc.signed_date.isoformat() == "2020-03-27"
    assert [a.text for a in doc.articles] == ["目的とする。"]
    assert [s.name for s in doc.signatories] == ["岡田 吉弘", "平谷 祐宏"]


def test_blocks_printed_side_by_side_are_read_block_by_block():
    # as pdftotext -layout gives a signature area printed in three columns,
    # the role marks on a line of their own
    sigs = signatories_of("""
    (甲)                              (乙)                            (丙)
    広島県福山市東桜町3番5号          広島県府中市府川町315番地       広島県神石郡神石高原町小畠2025番地

      福山市長  枝広 直幹               府中市長  小野 申人             神石高原町長  入江 嘉則
    """)
    assert [fields(s) for s in sigs] == [
        ("甲", "福山市", "広島県福山市東桜町3番5号", "福山市長", "枝広 直幹"),
        ("乙", "府中市", "広島県府中市府川町315番地", "府中市長", "小野 申人"),
        ("丙", "神石高原町", "広島県神石郡神石高原町小畠2025番地", "神石高原町長", "入江 嘉則"),
    ]


def test_rows_of_blocks_side_by_side_are_read_row_by_row():
    # two blocks a row, a row under the other: 甲 乙 then 丙 丁, each row's
    # blocks read before the next row's
    sigs = signatories_of("""
    甲  広島県福山市東桜町3番5号            乙  広島県府中市府川町315番地
        福山市長  枝広 直幹                     府中市長  小野 申人

    丙  広島県神石郡神石高原町小畠2025番地  丁  広島県世羅郡世羅町大字本郷947番地
        神石高原町長  入江 嘉則                 世羅町長  奥田 正和
    """)
    assert [(s.role, s.municipality, s.name) for s in sigs] == [
        ("甲", "福山市", "枝広 直幹"), ("乙", "府中市", "小野 申人"),
        ("丙", "神石高原町", "入江 嘉則"), ("丁", "世羅町", "奥田 正和")]
    # towns marked 乙1, 乙2 … side by side: the numbers go on along the row
    segs = segments_of(YAMAGATA_NUMBERED_OTSU_HEAD + """        甲   山形県山形市旅篭町二丁目3番25号          乙1  山形県上山市河崎一丁目1番10号
             山形市長  佐藤 孝一                           上山市長  横戸 長之

        乙2  山形県天童市老野森一丁目1番1号          乙3  山形県西村山郡大江町大字左沢882番地の1
             天童市長  山本 信二                           大江町長  松田 秀則
    """)
    sigs = extract_signatories(segs, extract_parties(segs))
    assert [(s.role, s.municipality, s.address, s.name) for s in sigs] == [
        ("甲", "山形市", "山形県山形市旅篭町二丁目3番25号", "佐藤 孝一"),
        ("乙", "上山市", "山形県上山市河崎一丁目1番10号", "横戸 長之"),
        ("乙", "天童市", "山形県天童市老野森一丁目1番1号", "山本 信二"),
        ("乙", "大江町", "山形県西村山郡大江町大字左沢882番地の1", "松田 秀則")]


KOFU_HEAD = """
    連携協約
    甲府市(以下「甲」という。)及び甲斐市(以下「乙」という。)は、次のとおり締結する。
    第1条 目的とする。
    この協約の締結を証するため、本書2通を作成し、記名押印の上、各自1通を保有する。
    令和2年3月27日
"""


def test_municipalities_named_with_a_role_character_are_no_role_marks():
    # 甲府市長 is the mayor of 甲府市, not 甲 + 府市長; 甲 甲府市… is the mark 甲, then the address
    segs = segments_of(KOFU_HEAD + """
    甲 甲府市丸の内一丁目18番1号
       甲府市長 樋口 雄一
    乙 甲斐市篠原2610番地
       甲斐市長 保坂 武
    """)
    sigs = extract_signatories(segs, extract_parties(segs))
    assert [fields(s) for s in sigs] == [
        ("甲", "甲府市", "甲府市丸の内一丁目18番1号", "甲府市長", "樋口 雄一"),
        ("乙", "甲斐市", "甲斐市篠原2610番地", "甲斐市長", "保坂 武"),
    ]
    assert not [w for w in document_of(KOFU_HEAD + "甲 甲府市丸の内一丁目18番1号\n甲府市長 樋口 雄一\n").warnings
                if "role mark" in w]


def test_html_signature_table_cells_with_address_and_title_joined(write_file):
    """A 例規集 page lays the blocks out as a table (甲 | 住所<br>○○市長 氏名);
    the cell's lines come joined, the lot number (番地, 号) ending the address."""
    from pipeline import run

    path = write_file("sign.html", """<html><body>
<p>鳥取市と八頭町との連携協約</p>
<p>鳥取市（以下「甲」という。）と八頭町（以下「乙」という。）は、次のとおり連携協約を締結する。</p>
<p>第1条　この連携協約は、圏域の発展を図ることを目的とする。</p>
<p>平成30年3月23日</p>
<table>
<tr><td>甲</td><td>鳥取県鳥取市幸町71番地<br>鳥取市長　深澤　義彦</td></tr>
<tr><td>乙</td><td>鳥取県八頭郡八頭町郡家493番地1<br>八頭町長　吉田　英人</td></tr>
</table></body></html>""")
    assert [fields(s) for s in run(path).signatories] == [
        ("甲", "鳥取市", "鳥取県鳥取市幸町71番地", "鳥取市長", "深澤 義彦"),
        ("乙", "八頭町", "鳥取県八頭郡八頭町郡家493番地1", "八頭町長", "吉田 英人"),
    ]


def test_an_acting_head_signs_with_that_capacity_and_the_office_held():
    sigs = signatories_of("""
    甲 広島県福山市東桜町3番5号
       福山市長 枝広 直幹 印
    乙 広島県府中市府川町315番地
       府中市長職務代理者 府中市副市長 山本 一郎 印
    丙 広島県神石郡神石高原町小畠2025番地
       神石高原町長職務執行者 副町長
       入江 和男
    """)
    assert [(s.title, s.name) for s in sigs] == [
        ("福山市長", "枝広 直幹"), ("府中市長職務代理者 府中市副市長", "山本 一郎"),
        ("神石高原町長職務執行者 副町長", "入江 和男")]


def test_an_address_whose_municipality_starts_with_cho_is_no_head_title():
    # 長崎県長崎市…, 長野県長野市…: 県 + 長 is not the prefecture's head
    segs = segments_of("""
    長崎市及び長与町の連携協約
    長崎市及び長与町は、次のとおり連携協約を締結する。
    第1条 この協約は、両市町の連携を目的とする。
    この協約の締結を証するため、本書2通を作成し、各自1通を保有する。
    令和2年3月27日
    長崎県長崎市魚の町4番1号
    長崎市長
    田中 健一
    長崎県西彼杵郡長与町嬉里郷659番地1
    長与町長
    吉田 浩
    """)
    sigs = extract_signatories(segs, extract_parties(segs))
    assert [fields(s) for s in sigs] == [
        ("甲", "長崎市", "長崎県長崎市魚の町4番1号", "長崎市長", "田中 健一"),
        ("乙", "長与町", "長崎県西彼杵郡長与町嬉里郷659番地1", "長与町長", "吉田 浩")]


def test_an_acting_heads_office_on_the_line_below_is_no_second_block():
    for marks in (("甲 ", "乙 "), ("", "")):
        segs = segments_of(UNMARKED_HEAD + f"""
            {marks[0]}広島県三原市港町三丁目5番1号
            三原市長 岡田 吉弘
            {marks[1]}広島県尾道市久保一丁目15番1号
            尾道市長職務代理者
            尾道市副市長 檀上 正樹 印
        """)
        sigs = extract_signatories(segs, extract_parties(segs))
        assert [(s.role, s.municipality, s.title, s.name) for s in sigs] == [
            ("甲", "三原市", "三原市長", "岡田 吉弘"),
            ("乙", "尾道市", "尾道市長職務代理者 尾道市副市長", "檀上 正樹")], marks


def test_towns_sharing_one_mark_sign_each_in_its_block_with_that_role():
    # one 乙 over four towns' blocks: each block is 乙 (the party it names),
    # not 丙, 丁, 戊 by position, and no block is reported as unmarked
    doc = document_of("""
        定住自立圏形成協定書
        帯広市(以下「甲」という。)と、音更町、芽室町及び池田町(以下これらを「乙」という。)は、次のとおり協定を締結する。
        第1条 この協定は、圏域の活性化を目的とする。
        この協定の締結を証するため、本書4通を作成し、記名押印の上、各自1通を保有する。
        令和3年3月26日
        甲 北海道帯広市西5条南7丁目1番地
        帯広市長 米田 健一
        乙 北海道河東郡音更町元町2番地
        音更町長 小西 達也
        北海道河西郡芽室町東2条2丁目14番地
        芽室町長 堀 美智子
        北海道中川郡池田町西1条7丁目11番地
        池田町長 寺岡 浩之
    """)
    assert [(s.role, s.municipality, s.name) for s in doc.signatories] == [
        ("甲", "帯広市", "米田 健一"), ("乙", "音更町", "小西 達也"), ("乙", "芽室町", "堀 美智子"),
        ("乙", "池田町", "寺岡 浩之")]
    assert not [w for w in doc.warnings if "role mark" in w]


def test_blocks_numbered_instead_of_marked_keep_the_number_out_of_the_address():
    sigs = signatories_of("""
    (1) 広島県福山市東桜町3番5号
        福山市長 枝広直幹
    ② 広島県府中市府川町315番地
        府中市長 小野申人
    3. 広島県神石郡神石高原町小畠2025番地
        神石高原町長 入江嘉則
    """)
    assert [fields(s) for s in sigs] == [
        ("甲", "福山市", "広島県福山市東桜町3番5号", "福山市長", "枝広直幹"),
        ("乙", "府中市", "広島県府中市府川町315番地", "府中市長", "小野申人"),
        ("丙", "神石高原町", "広島県神石郡神石高原町小畠2025番地", "神石高原町長", "入江嘉則"),
    ]


def test_title_before_address_in_every_block_the_last_one_included():
    sigs = signatories_of("""
    甲 福山市長 枝広直幹
       広島県福山市東桜町3番5号
    乙 府中市長 小野申人
       広島県府中市府川町315番地
    """)
    assert [fields(s) for s in sigs] == [
        ("甲", "福山市", "広島県福山市東桜町3番5号", "福山市長", "枝広直幹"),
        ("乙", "府中市", "広島県府中市府川町315番地", "府中市長", "小野申人"),
    ]


@pytest.mark.parametrize("contact", [
    "問い合わせ先 〒726-8601 広島県府中市府川町315番地 府中市企画財政課 電話0847-43-7117",
    "【お問い合わせ】府中市役所 企画財政課(〒726-8601 府中市府川町315番地)",
    "〒726-8601 広島県府中市府川町315番地 府中市企画財政課",
    "広島県府中市府川町315番地\n府中市 企画財政課 TEL 0847-43-7117",
])
def test_a_web_pages_contact_under_addressless_blocks_is_no_address(contact):
    """A city's page prints whom to ask under the agreement: its office's
    address, under blocks that give no address of their own."""
    sigs = signatories_of(f"""
    甲 福山市長 枝広直幹
    乙 府中市長 小野申人
    丙 神石高原町長 入江嘉則
    {contact}
    """)
    assert [fields(s) for s in sigs] == [
        ("甲", "福山市", "", "福山市長", "枝広直幹"),
        ("乙", "府中市", "", "府中市長", "小野申人"),
        ("丙", "神石高原町", "", "神石高原町長", "入江嘉則"),
    ]


def test_a_web_pages_contact_under_blocks_naming_the_head_first_is_no_address():
    sigs = signatories_of("""
    甲 福山市長 枝広直幹
       広島県福山市東桜町3番5号
    乙 府中市長 小野申人
       広島県府中市府川町315番地
    問い合わせ先 府中市企画財政課 電話0847-43-7117
    """)
    assert [s.address for s in sigs] == ["広島県福山市東桜町3番5号", "広島県府中市府川町315番地"]


def test_bare_or_letter_spaced_title_is_the_named_municipalitys_head():
    sigs = signatories_of("""
    甲 広島県福山市東桜町3番5号
       福山市 市　長 枝広直幹
    乙 広島県府中市府川町315番地
       府中市
       市長 小野申人
    丙 広島県神石郡神石高原町小畠2025番地
       神石高原町　町　長　入江嘉則
    """)
    assert [fields(s) for s in sigs] == [
        ("甲", "福山市", "広島県福山市東桜町3番5号", "福山市長", "枝広直幹"),
        ("乙", "府中市", "広島県府中市府川町315番地", "府中市長", "小野申人"),
        ("丙", "神石高原町", "広島県神石郡神石高原町小畠2025番地", "神石高原町長", "入江嘉則"),
    ]


@pytest.mark.parametrize("governor, name", [("知事　伊原木　隆太", "伊原木 隆太"), ("知　事　伊原木隆太", "伊原木隆太")])
def test_a_bare_governor_under_the_prefecture_is_its_governor(governor, name):
    doc = document_of(f"""
    岡山県(以下「甲」という。)と岡山市(以下「乙」という。)は、次のとおり連携協約を締結する。
    第1条 この協約は、甲及び乙の連携を目的とする。
    この協約の締結を証するため、本書2通を作成し、甲乙記名押印の上、各自1通を保有する。
    令和2年3月27日
    甲 岡山県
       {governor}
    乙 岡山市
       市長　大森　雅夫
    """)
    assert [(s.municipality, s.title, s.name) for s in doc.signatories] == [
        ("岡山県", "岡山県知事", name), ("岡山市", "岡山市長", "大森 雅夫")]


@pytest.mark.parametrize("governor, mayor", [("知　事 伊原木 隆太", "市　長　大森　雅夫"), ("知 事　伊原木　隆太", "市 長 大森 雅夫")])
def test_a_letter_spaced_title_before_a_name_in_words(governor, mayor):
    # the title's letters are spread out; the name is family and given name
    doc = document_of(f"""
    岡山県(以下「甲」という。)と岡山市(以下「乙」という。)は、次のとおり連携協約を締結する。
    第1条 この協約は、甲及び乙の連携を目的とする。
    この協約の締結を証するため、本書2通を作成し、甲乙記名押印の上、各自1通を保有する。
    令和2年3月27日
    甲 岡山県
       {governor}
    乙 岡山市
       {mayor}
    """)
    assert [(s.municipality, s.title, s.name) for s in doc.signatories] == [
        ("岡山県", "岡山県知事", "伊原木 隆太"), ("岡山市", "岡山市長", "大森 雅夫")]


def test_unmarked_blocks_with_bare_and_letter_spaced_titles():
    sigs = signatories_of("""
    福山市
    市長 枝広直幹
    府中市
    市　長 小野申人
    """)
    assert [fields(s) for s in sigs] == [
        ("甲", "福山市", "", "福山市長", "枝広直幹"),
        ("乙", "府中市", "", "府中市長", "小野申人"),
    ]


def test_address_wrapped_onto_the_next_line_is_one_address():
    sigs = signatories_of("""
    甲 広島県福山市東桜町
       3番5号
       福山市長 枝広直幹
    乙 広島県府中市府川町315
       番地
       府中市長 小野申人
    丙 広島県神石郡神石高原町
       小畠2025番地
       神石高原町長 入江嘉則
    """)
    assert [fields(s) for s in sigs] == [
        ("甲", "福山市", "広島県福山市東桜町3番5号", "福山市長", "枝広直幹"),
        ("乙", "府中市", "広島県府中市府川町315番地", "府中市長", "小野申人"),
        ("丙", "神石高原町", "広島県神石郡神石高原町小畠2025番地", "神石高原町長", "入江嘉則"),
    ]


def test_a_municipality_line_above_its_address_is_no_wrapped_address():
    sigs = signatories_of("""
    甲 福山市
       広島県福山市東桜町3番5号
       福山市長 枝広直幹
    """)
    assert fields(sigs[0]) == ("甲", "福山市", "広島県福山市東桜町3番5号", "福山市長", "枝広直幹")


def test_unmarked_blocks_naming_the_head_first_keep_their_own_addresses():
    sigs = signatories_of("""
    福山市長 枝広直幹
    広島県福山市東桜町3番5号
    府中市長 小野申人
    広島県府中市府川町315番地
    神石高原町長
    入江嘉則
    広島県神石郡神石高原町小畠2025番地
    """)
    assert [fields(s) for s in sigs] == [
        ("甲", "福山市", "広島県福山市東桜町3番5号", "福山市長", "枝広直幹"),
        ("乙", "府中市", "広島県府中市府川町315番地", "府中市長", "小野申人"),
        ("丙", "神石高原町", "広島県神石郡神石高原町小畠2025番地", "神石高原町長", "入江嘉則"),
    ]


# A 定住自立圏 may count a 一部事務組合 or 広域連合 among its parties.
BODY_HEAD = """
    定住自立圏形成協定
    府中市(以下「甲」という。)と芦田川広域行政事務組合(以下「乙」という。)は、次のとおり協定を締結する。
    第1条 この協定は、甲及び乙の連携を目的とする。
    この協定の締結を証するため、本書2通を作成し、甲乙記名押印の上、各自1通を保有する。
    令和2年3月27日
    甲 広島県府中市府川町315番地
       府中市長 小野 申人
"""


@pytest.mark.parametrize("block, title", [
    ("乙 芦田川広域行政事務組合 管理者 府中市長 小野 申人", "管理者 府中市長"),
    ("乙 広島県府中市府川町315番地\n   芦田川広域行政事務組合\n   管理者 府中市長 小野 申人", "管理者 府中市長"),
    ("乙 芦田川広域行政事務組合管理者 府中市長 小野 申人", "芦田川広域行政事務組合管理者 府中市長"),
    ("乙 広島県府中市府川町315番地\n   芦田川広域行政事務組合管理者\n   府中市長 小野 申人",
     "芦田川広域行政事務組合管理者 府中市長"),
    ("乙 芦田川広域行政事務組合 組合長 小野 申人", "組合長"),
    ("乙 芦田川広域行政事務組合\n   管理者\n   府中市長\n   小野 申人", "管理者 府中市長"),  # a narrow block
])
def test_a_body_of_municipalities_signs_as_the_party_through_its_head(block, title):
    """The 組合 is the party, not the member town whose head holds its office."""
    doc = document_of(BODY_HEAD + block)
    assert [(s.role, s.municipality, s.title, s.name) for s in doc.signatories] == [
        ("甲", "府中市", "府中市長", "小野 申人"), ("乙", "芦田川広域行政事務組合", title, "小野 申人")]
    assert not any("芦田川" in w for w in doc.warnings)  # a body is no municipality the gazetteer should know


def test_unmarked_blocks_of_a_city_and_a_kouiki_rengou():
    doc = document_of("""
    南信州定住自立圏形成協定
    飯田市(以下「甲」という。)と南信州広域連合(以下「乙」という。)は、次のとおり協定を締結する。
    第1条 この協定は、甲及び乙の連携を目的とする。
    この協定の締結を証するため、本書2通を作成し、記名押印の上、各自1通を保有する。
    令和2年3月27日
    長野県飯田市大久保町2534番地
    飯田市長 佐藤 健
    長野県飯田市追手町二丁目678番地
    南信州広域連合長 佐藤 健
    """)
    assert [fields(s) for s in doc.signatories] == [
        ("甲", "飯田市", "長野県飯田市大久保町2534番地", "飯田市長", "佐藤 健"),
        ("乙", "南信州広域連合", "長野県飯田市追手町二丁目678番地", "南信州広域連合長", "佐藤 健")]


@pytest.mark.parametrize("body, joined", [("甲奴郡衛生施設組合", False), ("乙訓環境衛生組合", False),
                                          ("乙訓環境衛生組合", True)])
def test_a_body_whose_name_opens_with_a_role_character_is_no_role_mark(body, joined):
    """甲奴郡衛生施設組合 on its own line inside 乙's block, or after the mark 乙: the 甲/乙 is the name's."""
    head = f"{body}管理者 府中市長 小野 申人" if joined else f"{body}\n   管理者 府中市長 小野 申人"
    doc = document_of(BODY_HEAD.replace("芦田川広域行政事務組合", body) + f"""
    乙 広島県府中市上下町上下2025番地
       {head}
    """)
    assert [(s.role, s.municipality) for s in doc.signatories] == [("甲", "府中市"), ("乙", body)]
    assert doc.signatories[1].title == (f"{body}管理者 府中市長" if joined else "管理者 府中市長")
    assert doc.signatories[1].name == "小野 申人"
    assert [p.role for p in doc.parties] == ["甲", "乙"]
    assert not any("no role mark" in w for w in doc.warnings)


def test_a_bodys_deputy_listed_under_its_head_signs_no_block_of_its_own():
    doc = document_of(BODY_HEAD + """
    乙 広島県府中市上下町上下2025番地
       芦田川広域行政事務組合
       管理者 府中市長 小野 申人
       副管理者 世羅町長 奥田 正和
    """)
    assert [(s.role, s.municipality, s.title, s.name) for s in doc.signatories] == [
        ("甲", "府中市", "府中市長", "小野 申人"), ("乙", "芦田川広域行政事務組合", "管理者 府中市長", "小野 申人")]
    assert [p.municipality for p in doc.parties] == ["府中市", "芦田川広域行政事務組合"]


def test_a_deputy_signing_for_the_head_with_the_capacity_written_after_the_name():
    sigs = signatories_of("""
    甲 広島県福山市東桜町3番5号
       市長職務代理者　副市長　中島　智治
    乙 広島県府中市府川町315番地
       府中市副市長　山本　一郎（市長職務代理者）
    丙 広島県神石郡神石高原町小畠2025番地
       神石高原町副町長　入江　和男
    """)
    assert [(s.municipality, s.title, s.name) for s in sigs] == [
        ("福山市", "福山市長職務代理者 副市長", "中島 智治"),
        ("府中市", "府中市副市長(市長職務代理者)", "山本 一郎"),
        ("神石高原町", "神石高原町副町長", "入江 和男")]


CENTRE_AND_TOWN = """
    北上・西和賀定住自立圏形成協定書
    北上市(以下「中心市」という。)と西和賀町(以下「周辺町」という。)は、次のとおり協定を締結する。
    第1条 この協定は、中心市及び周辺町の連携を目的とする。
    上記協定の締結を証するため、本書2通を作成し、中心市及び周辺町の長が記名押印の上、各自1通を保有する。
    平成28年3月28日
"""


@pytest.mark.parametrize("blocks", [
    """
    中心市　岩手県北上市芳町１番１号
    　　　　北上市長　髙橋　敏彦　印
    周辺町　岩手県和賀郡西和賀町川尻４０地割４０番地７１
    　　　　西和賀町長　細井　洋行　印
    """,
    """
    （中心市）
    岩手県北上市芳町１番１号
    北上市長　髙橋　敏彦
    （周辺町）
    岩手県和賀郡西和賀町川尻４０地割４０番地７１
    西和賀町長　細井　洋行
    """,
])
def test_blocks_marked_with_the_names_the_preamble_gives_the_parties(blocks):
    """中心市 / 周辺町 stand where 甲 / 乙 would: no part of the address or the municipality."""
    doc = document_of(CENTRE_AND_TOWN + blocks)
    assert [fields(s) for s in doc.signatories] == [
        ("甲", "北上市", "岩手県北上市芳町1番1号", "北上市長", "髙橋 敏彦"),
        ("乙", "西和賀町", "岩手県和賀郡西和賀町川尻40地割40番地71", "西和賀町長", "細井 洋行")]


@pytest.mark.parametrize("address", ["北海道阿寒郡 鶴居村鶴居西1丁目1番地", "北海道 阿寒郡鶴居村鶴居西1丁目1番地"])
def test_a_place_spaced_off_the_rest_of_the_address_stays_in_it(address):
    doc = document_of(f"""
    釧路市(以下「甲」という。)と鶴居村(以下「乙」という。)は、次のとおり協定を締結する。
    第1条 この協定は、甲及び乙の連携を目的とする。
    この協定の締結を証するため、本書2通を作成し、甲乙記名押印の上、各自1通を保有する。
    令和2年3月27日
    甲 北海道釧路市黒金町7丁目5番地
       釧路市長 蝦名 大也
    乙 {address}
       鶴居村長 大石 正行
    """)
    assert doc.signatories[1].address == "北海道阿寒郡鶴居村鶴居西1丁目1番地"


def test_an_address_in_brackets_after_the_person_is_the_address():
    sigs = signatories_of("""
    甲　福山市長　枝広　直幹　（広島県福山市東桜町３番５号）
    乙　府中市長　小野　申人　（広島県府中市府川町３１５番地）
    丙　神石高原町長　入江　嘉則
    """)
    assert [fields(s) for s in sigs] == [
        ("甲", "福山市", "広島県福山市東桜町3番5号", "福山市長", "枝広 直幹"),
        ("乙", "府中市", "広島県府中市府川町315番地", "府中市長", "小野 申人"),
        ("丙", "神石高原町", "", "神石高原町長", "入江 嘉則")]


@pytest.mark.parametrize("mayor, family, given", [
    ("岡　山　市　長　　伊　原　木　　隆　太", "伊原木", "隆太"),
    ("市　長　　　宍　戸　　　　　　　　勉", "宍戸", "勉"),
    ("岡　山　市　長　　　大　森　　雅　夫　　印", "大森", "雅夫"),
])
def test_a_signature_line_spaced_letter_by_letter_with_uneven_gaps_splits_title_and_person(mayor, family, given):
    # UniDic knows neither 伊原木 nor 宍戸 as a family name: the wider gap tells
    doc = document_of(f"""
    岡山市(以下「甲」という。)と玉野市(以下「乙」という。)は、次のとおり連携協約を締結する。
    第1条 この協約は、甲及び乙の連携を目的とする。
    この協約の締結を証するため、本書2通を作成し、甲乙記名押印の上、各自1通を保有する。
    令和元年12月25日
    甲　岡山市北区大供一丁目1番1号
    　　岡山市
    　　{mayor}
    乙　玉野市宇野一丁目27番1号
    　　玉野市長　黒田　晋
    """)
    first = doc.signatories[0]
    assert (first.municipality, first.title, first.family_name, first.given_name) == ("岡山市", "岡山市長", family, given)


def test_the_title_in_brackets_after_the_person_is_the_title():
    sigs = signatories_of("""
    甲 広島県福山市東桜町3番5号
       枝広 直幹（福山市長） 印
    乙 広島県府中市府川町315番地
       小野 申人（府中市長）
    丙 広島県神石郡神石高原町小畠2025番地の1
       入江 嘉則（神石高原町長） ㊞
    """)
    assert [fields(s) for s in sigs] == [
        ("甲", "福山市", "広島県福山市東桜町3番5号", "福山市長", "枝広 直幹"),
        ("乙", "府中市", "広島県府中市府川町315番地", "府中市長", "小野 申人"),
        ("丙", "神石高原町", "広島県神石郡神石高原町小畠2025番地の1", "神石高原町長", "入江 嘉則"),
    ]


def test_a_block_of_the_municipality_and_the_person_alone_keeps_the_person():
    # no title is written: the person under the municipality's name is the signer
    sigs = signatories_of("""
    甲 福山市
       枝広 直幹
    乙 府中市
       小野申人 印
    丙 神石高原町
       入江 嘉則
    """)
    assert [(s.role, s.municipality, s.title, s.name) for s in sigs] == [
        ("甲", "福山市", "", "枝広 直幹"), ("乙", "府中市", "", "小野申人"), ("丙", "神石高原町", "", "入江 嘉則")]


def test_a_witness_signs_a_block_of_its_own_and_is_no_party():
    doc = document_of(HEAD + """
    甲 広島県福山市東桜町3番5号
       福山市長 枝広 直幹
    乙 広島県府中市府川町315番地
       府中市長 小野 申人
    丙 広島県神石郡神石高原町小畠2025番地
       神石高原町長 入江 嘉則
    立会人 広島県知事 湯﨑 英彦
    """)
    assert [(s.role, s.municipality, s.title, s.name) for s in doc.signatories] == [
        ("甲", "福山市", "福山市長", "枝広 直幹"), ("乙", "府中市", "府中市長", "小野 申人"),
        ("丙", "神石高原町", "神石高原町長", "入江 嘉則"), ("立会人", "広島県", "広島県知事", "湯﨑 英彦")]
    assert [p.role for p in doc.parties] == ["甲", "乙", "丙"]
    assert not any("role mark" in w for w in doc.warnings)


def test_a_witness_named_over_its_block_after_unmarked_blocks():
    segs = segments_of("""
    連携協約
    鳥取市及び岩美町は、次のとおり連携協約を締結する。
    第1条 目的とする。
    この協約の締結を証するため、本書2通を作成し、記名押印の上、各自1通を保有する。
    令和2年3月27日
    鳥取県鳥取市尚徳町116番地
    鳥取市長 深澤 義彦
    鳥取県岩美郡岩美町浦富675番地1
    岩美町長 西垣 英彦
    立会人
    鳥取県知事 平井 伸治
    """)
    sigs = extract_signatories(segs, extract_parties(segs))
    assert [(s.role, s.municipality, s.name) for s in sigs] == [
        ("甲", "鳥取市", "深澤 義彦"), ("乙", "岩美町", "西垣 英彦"), ("立会人", "鳥取県", "平井 伸治")]


def test_a_bodys_deputy_head_acting_for_its_head_signs_with_both_offices():
    segs = segments_of("""
    連携協約
    府中市(以下「甲」という。)と芦田川広域行政事務組合(以下「乙」という。)は、次のとおり連携協約を締結する。
    第1条 目的とする。
    この協約の締結を証するため、本書2通を作成し、甲乙記名押印の上、各自1通を保有する。
    令和2年3月27日
    甲 広島県府中市府川町315番地
       府中市長 小野 申人
    乙 広島県府中市府川町315番地
       芦田川広域行政事務組合
       管理者職務代理者 副管理者 枝広 直幹
    """)
    sigs = extract_signatories(segs, extract_parties(segs))
    assert (sigs[1].municipality, sigs[1].title, sigs[1].name) == (
        "芦田川広域行政事務組合", "管理者職務代理者 副管理者", "枝広 直幹")


def test_a_postal_code_before_the_address_is_no_part_of_it():
    sigs = signatories_of("""
    甲 〒720-8501 広島県福山市東桜町3番5号
       福山市長 枝広 直幹
    乙 〒726-8601
       広島県府中市府川町315番地
       府中市長 小野 申人
    丙 郵便番号 720-1522 広島県神石郡神石高原町小畠2025番地
       神石高原町長 入江 嘉則
    """)
    assert [(s.address, s.name) for s in sigs] == [
        ("広島県福山市東桜町3番5号", "枝広 直幹"), ("広島県府中市府川町315番地", "小野 申人"),
        ("広島県神石郡神石高原町小畠2025番地", "入江 嘉則")]


def test_a_seal_note_or_closing_word_under_the_municipality_is_no_person():
    sigs = signatories_of("""
    甲 福山市
       公印省略
    乙 府中市
       小野 申人
    丙 神石高原町
       以上
    """)
    assert [s.name for s in sigs] == ["", "小野 申人", ""]


def test_whole_blocks_side_by_side_on_one_line_are_read_block_by_block():
    sigs = signatories_of("""
    甲 福山市長 枝広 直幹　　　　　乙 府中市長 小野 申人　　　　　丙 神石高原町長 入江 嘉則
    """)
    assert [(s.role, s.title, s.name) for s in sigs] == [
        ("甲", "福山市長", "枝広 直幹"), ("乙", "府中市長", "小野 申人"), ("丙", "神石高原町長", "入江 嘉則")]


def test_the_person_over_the_title_is_the_person():
    sigs = signatories_of("""
    甲 広島県福山市東桜町3番5号
       枝広 直幹
       福山市長
    乙 広島県府中市府川町315番地
       小野 申人
       府中市長
    """)
    assert [(s.title, s.name) for s in sigs] == [("福山市長", "枝広 直幹"), ("府中市長", "小野 申人")]


def test_a_lot_number_in_digits_alone_ends_the_address_and_a_noted_seal_is_no_name():
    sigs = signatories_of("""
    甲 広島県福山市東桜町3-5
       福山市長 枝広 直幹 (記名押印)
    乙 広島県府中市府川町315
       府中市長 小野 申人 (署名押印)
    """)
    assert [(s.address, s.name) for s in sigs] == [("広島県福山市東桜町3-5", "枝広 直幹"),
                                                   ("広島県府中市府川町315", "小野 申人")]
