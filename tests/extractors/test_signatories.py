from extractors.parties import extract_parties
from extractors.signatories import extract_signatories, split_person_name
from tests.helpers import segments_of

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


def test_blocks_without_role_markers_follow_the_party_order():
    segs = segments_of("""
        三原市及び尾道市の連携に関する協約
        三原市及び尾道市は、次のとおり連携協約を締結する。
        第1条 目的とする。
        この協約の締結を証するため、本書2通を作成し、両市長が記名押印の上、各自1通を保有する。
        令和4年4月1日
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
