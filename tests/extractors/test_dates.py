import datetime as dt

import pytest

from extractors.dates import extract_dates, find_dates, parse_date, signing_date
from pipeline.model import Kind, Line, Segment
from tests.helpers import document_of, segments_of


@pytest.mark.parametrize("text, iso", [
    ("令和元年12月25日", "2019-12-25"),
    ("令和元年 12 月 25 日", "2019-12-25"),
    ("令和２年４月１日", "2020-04-01"),
    ("令和二年四月一日", "2020-04-01"),
    ("平成28年10月11日", "2016-10-11"),
    ("平成元年1月8日", "1989-01-08"),
    ("昭和63年12月31日", "1988-12-31"),
    ("昭和二十二年四月十七日", "1947-04-17"),
    ("大正十二年九月一日", "1923-09-01"),
    ("明治四十五年七月二十九日", "1912-07-29"),
    ("㍻31年4月30日", "2019-04-30"),
    ("平成32年3月31日", "2020-03-31"),  # out-of-era year, as written in plans made before 令和
    ("2020年1月9日", "2020-01-09"),
    ("R1.12.25", "2019-12-25"),  # slides abbreviate the era to its initial
    ("H31.3.29締結", "2019-03-29"),
    ("(R元/5/1～)", "2019-05-01"),
    ("H.31.3.29", "2019-03-29"),
    ("R2年3月27日", "2020-03-27"),  # the initial with 年月日, as town forms write it
    ("Ｈ３１年３月１日", "2019-03-01"),
    ("R元年5月1日", "2019-05-01"),
    ("R.2年3月27日", "2020-03-27"),
    ("令和2.3.27 締結", "2020-03-27"),  # the era written out, abbreviated the same way
    ("2019/12/25", "2019-12-25"),
    ("締結日 2020.3.27", "2020-03-27"),
    # both calendars, the other year in brackets
    ("令和２年（２０２０年）３月２７日", "2020-03-27"),
    ("令和2(2020)年3月27日", "2020-03-27"),
    ("2020（令和2）年3月27日", "2020-03-27"),
    ("2017年(平成29年)3月30日", "2017-03-30"),
    # covers and tables abbreviate the era to its first kanji
    ("令2.3.27", "2020-03-27"),
    ("平31.3.29 締結", "2019-03-29"),
    ("(昭63.12.31)", "1988-12-31"),
    # a date line spread to the width of its block (均等割付) is letter-spaced
    ("令　和　２　年　３　月　２　７　日", "2020-03-27"),
    ("令 和 二 年 十 二 月 二 十 五 日", "2020-12-25"),
    # 廿 and 卅 write twenty and thirty in one character
    ("令和二年三月廿七日", "2020-03-27"),
    ("平成三十年十二月廿五日", "2018-12-25"),
    ("平成廿八年三月卅一日", "2016-03-31"),
    ("令 和 二 年 三 月 廿 七 日", "2020-03-27"),
])
def test_dates_in_every_era_and_script_read_as_iso(text, iso):
    assert parse_date(text) == dt.date.fromisoformat(iso)


def test_impossible_day_is_not_a_date():
    assert parse_date("令和2年2月30日") is None


def test_a_kanji_that_ends_a_word_is_no_era_initial():
    assert find_dates("最大2.3.4 水平1.2.3") == []


def test_year_and_month_alone_is_not_a_full_date():
    assert find_dates("平成26年度から、平成26年8月に") == []
    assert find_dates("R2年度予算 H31年4月") == []


def test_a_capital_ending_a_code_is_no_era_initial():
    assert find_dates("FR2年3月1日 型式AR2年3月1日") == []


def test_a_version_or_part_number_is_no_abbreviated_date():
    assert find_dates("ABR1.2.3 版 R1.2.3.4") == []
    assert find_dates("v2019.1.2 第2.3.1版 12/25/2019 20201/2/3") == []


def test_every_date_in_a_line_keeps_its_raw_text():
    found = find_dates("総務省通知(平成26年8月25日付け)により、令和2年4月1日から施行")
    assert [(d.isoformat(), raw) for d, raw in found] == [
        ("2014-08-25", "平成26年8月25日"), ("2020-04-01", "令和2年4月1日")]


def dates_read(text: str) -> list[tuple[str, str]]:
    """(ISO date, text as written) of every date find_dates reads in text."""
    return [(d.isoformat(), raw) for d, raw in find_dates(text)]


@pytest.mark.parametrize("period, end", [
    ("この協約の期間は、令和2年4月1日から7年3月31日までとする。", ("2025-03-31", "7年3月31日")),
    ("期間:令和2年4月1日〜同7年3月31日", ("2025-03-31", "同7年3月31日")),
    ("期間:令和2年4月1日～令和7年3月31日", ("2025-03-31", "令和7年3月31日")),
    ("平成30年4月1日から同年9月30日まで試行する。", ("2018-09-30", "同年9月30日")),
    ("令和3年7月1日から同月31日までの間", ("2021-07-31", "同月31日")),
    ("令和3年4月1日から9月30日まで", ("2021-09-30", "9月30日")),
    ("平成二十八年四月一日から三十三年三月三十一日まで", ("2021-03-31", "三十三年三月三十一日")),
])
def test_the_end_of_a_period_written_without_its_era_is_a_date(period, end):
    """公用文 leaves out what the start of a period says (令和, the year,
    the month, or 同 for them): the end is in the start's era and year."""
    assert dates_read(period)[1] == end


@pytest.mark.parametrize("text", [
    "令和2年4月1日から5年間とする。", "令和2年4月1日から10日以内に届け出る。",
    "R2.4.1から1.5倍に引き上げる。", "2020年4月1日から1.5倍に引き上げる。",  # a ratio, no month.day
])
def test_a_span_or_an_earlier_day_after_a_date_is_no_end_of_a_period(text):
    assert len(find_dates(text)) == 1


def line(no, text):
    return Line(no=no, text=text)


def test_the_date_after_the_closing_formula_is_the_signing_date():
    segments = [
        Segment(Kind.COVER, (line(2, "令和元年12月1日"),)),
        Segment(Kind.PREAMBLE, (line(5, "要綱(平成26年8月25日付け)に基づき、締結する。"),)),
        Segment(Kind.CLOSING, (line(20, "この協約の締結を証するため、本書2通を作成し、各自1通を保有する。"),)),
        Segment(Kind.DATE, (line(22, "令和元年12月25日"),)),
    ]
    values = extract_dates(segments)
    assert signing_date(values) == dt.date(2019, 12, 25)
    assert [(v.line_no, v.kind) for v in values] == [(2, "referenced"), (5, "referenced"), (22, "signed")]


def test_a_cover_date_signs_when_no_other_date_does():
    segments = [Segment(Kind.COVER, (line(3, "平成30年4月1日"),)),
                Segment(Kind.PREAMBLE, (line(6, "甲及び乙は、次のとおり協定を締結する。"),))]
    assert signing_date(extract_dates(segments)) == dt.date(2018, 4, 1)


def test_a_date_printed_under_the_title_signs_unless_the_closing_has_one():
    from tests.helpers import document_of

    head = """
    ○連携中枢都市圏形成に係る連携協約
    平成28年3月25日
    岡山市(以下「甲」という。)と玉野市(以下「乙」という。)は、次のとおり連携協約を締結する。
    第1条 この協約は、甲及び乙の連携を目的とする。
    """
    assert document_of(head).signed_date == dt.date(2016, 3, 25)
    closing = head + """
    この協約の締結を証するため、本書2通を作成し、各自1通を保有する。
    平成28年3月31日
    甲 岡山市長 大森 雅夫
    """
    assert document_of(closing).signed_date == dt.date(2016, 3, 31)


@pytest.mark.parametrize("date_line", ["令和3年4月1日(木)", "令和三年四月一日（木曜日）", "2021年4月1日 (木曜)"])
def test_a_signing_date_with_its_weekday_still_signs(date_line):
    from tests.helpers import document_of

    doc = document_of(f"""
    郡山市と三春町との連携協約
    郡山市(以下「甲」という。)と三春町(以下「乙」という。)は、次のとおり連携協約を締結する。
    第1条 この協約は、甲及び乙の連携を目的とする。
    この協約の締結を証するため、本書2通を作成し、各自1通を保有する。
    {date_line}
    郡山市長 吉田 一夫
    三春町長 坂本 花子
    """)
    assert doc.signed_date == dt.date(2021, 4, 1)
    assert len(doc.signatories) == 2  # the date line ends the closing; the blocks follow it


def test_a_date_inside_a_sentence_with_a_weekday_after_it_is_referenced():
    segments = [Segment(Kind.CLOSING, (line(20, "令和3年4月1日(木)から施行する。"),))]
    assert [v.kind for v in extract_dates(segments)] == ["referenced"]


def test_a_letter_spaced_date_under_the_signatures_signs():
    from tests.helpers import document_of

    doc = document_of("""
    福山市と三原市との連携協約
    福山市(以下「甲」という。)と三原市(以下「乙」という。)は、次のとおり連携協約を締結する。
    第1条 この協約は、甲及び乙の連携を目的とする。
    この協約の締結を証するため、本書2通を作成し、各自1通を保有する。
    甲 広島県福山市東桜町3番5号
    福山市長 枝広 直幹
    乙 広島県三原市港町三丁目5番1号
    三原市長 岡田 吉弘
    令 和 2 年 3 月 27 日
    """)
    assert doc.signed_date == dt.date(2020, 3, 27)
    assert doc.signatories[-1].address == "広島県三原市港町三丁目5番1号"


@pytest.mark.parametrize("date_line", ["R2.3.27", "R.2.3.27", "Ｒ２．３．２７", "令2.3.27", "R2年3月27日", "2020/3/27",
                                       "（R2.3.27）", "r2.3.27", "(令和2年3月27日)", "（ｒ２．３．２７）"])
def test_an_abbreviated_date_under_the_signatures_signs(date_line):
    """Some towns' PDFs print the signing date under the blocks in the short form of forms and slides."""
    from tests.helpers import document_of

    doc = document_of(f"""
    福山市と三原市との連携協約
    福山市(以下「甲」という。)と三原市(以下「乙」という。)は、次のとおり連携協約を締結する。
    第1条 この協約は、甲及び乙の連携を目的とする。
    第2条 この協約は、令和2年4月1日から効力を生ずる。
    この協約の締結を証するため、本書2通を作成し、各自1通を保有する。
    甲 広島県福山市東桜町3番5号
    福山市長 枝広 直幹
    乙 広島県三原市港町三丁目5番1号
    三原市長 岡田 吉弘
    {date_line}
    """)
    assert doc.signed_date == dt.date(2020, 3, 27)
    assert [(s.address, s.name) for s in doc.signatories] == [
        ("広島県福山市東桜町3番5号", "枝広 直幹"), ("広島県三原市港町三丁目5番1号", "岡田 吉弘")]


@pytest.mark.parametrize("date_lines", [["H31年3月1日"], ["Ｈ３１年", "３月１日"]])
def test_an_era_initial_with_its_year_month_and_day_signs_above_the_blocks(date_lines):
    from tests.helpers import document_of

    doc = document_of(SIGNED_BEFORE_AND_AFTER.format(before="\n".join(date_lines), after=""))
    assert doc.signed_date == dt.date(2019, 3, 1)
    assert [s.name for s in doc.signatories] == ["枝広 直幹", "岡田 吉弘"]


SIGNED_BEFORE_AND_AFTER = """
福山市と三原市との連携協約
福山市(以下「甲」という。)と三原市(以下「乙」という。)は、次のとおり連携協約を締結する。
第1条 この協約は、甲及び乙の連携を目的とする。
附則
この協約は、令和2年4月1日から効力を生ずる。
この協約の締結を証するため、本書2通を作成し、各自1通を保有する。
{before}
甲 広島県福山市東桜町3番5号
福山市長 枝広 直幹
乙 広島県三原市港町三丁目5番1号
三原市長 岡田 吉弘
{after}
"""


@pytest.mark.parametrize("date_line", ["締結日:令和2年3月27日", "締結日　令和２年３月２７日", "【協約締結日】令和2年3月27日",
                                       "締結年月日 2020年3月27日", "令和2年3月27日締結", "令和２年３月２７日（金）　調印"])
@pytest.mark.parametrize("where", ["before", "after"])
def test_a_date_its_line_names_the_signing_date_signs(date_line, where):
    from tests.helpers import document_of

    doc = document_of(SIGNED_BEFORE_AND_AFTER.format(**{"before": "", "after": "", where: date_line}))
    assert doc.signed_date == dt.date(2020, 3, 27)
    assert [(v.iso.isoformat(), v.kind) for v in doc.dates] == [("2020-04-01", "referenced"), ("2020-03-27", "signed")]
    assert [s.name for s in doc.signatories] == ["枝広 直幹", "岡田 吉弘"]


@pytest.mark.parametrize("date_line", ["施行日:令和2年3月27日", "更新日 令和2年3月27日", "令和2年3月27日から施行"])
def test_a_date_its_line_names_as_something_else_is_referenced(date_line):
    from tests.helpers import document_of

    doc = document_of(SIGNED_BEFORE_AND_AFTER.format(before="", after=date_line))
    assert doc.signed_date is None


@pytest.mark.parametrize("closing", [
    "本協約の締結を証するため、令和2年3月27日、本書2通を作成し、甲乙記名押印の上、各自1通を保有する。",
    "上記協約の締結を証するため、令和２年３月２７日に本書２通を作成し、両者記名押印の上、各自１通を保有する。",
    "令和2年3月27日、この協約の締結を証するため、本書2通を作成し、各自1通を保有する。",
    "この協約の締結を証するため、本書2通を作成し、各自1通を保有する。令和2年3月27日",
])
def test_the_date_the_closing_formula_gives_signs_when_none_stands_alone(closing):
    from tests.helpers import document_of

    doc = document_of(SIGNED_BEFORE_AND_AFTER.format(before="", after="").replace(
        "この協約の締結を証するため、本書2通を作成し、各自1通を保有する。", closing))
    assert doc.signed_date == dt.date(2020, 3, 27)
    assert [(v.iso.isoformat(), v.kind) for v in doc.dates] == [("2020-04-01", "referenced"), ("2020-03-27", "signed")]


def test_the_amended_agreement_named_in_the_closing_formula_is_no_signing_date():
    from tests.helpers import document_of

    closing = ("福山市と三原市との連携協約(令和2年3月27日締結)の一部を変更する協約の締結を証するため、"
               "本書2通を作成し、各自1通を保有する。")
    text = SIGNED_BEFORE_AND_AFTER.format(before="", after="").replace(
        "この協約の締結を証するため、本書2通を作成し、各自1通を保有する。", closing)
    assert document_of(text).signed_date is None
    closing = "令和2年3月27日に締結した連携協約の一部を変更する協約の締結を証するため、本書2通を作成し、各自1通を保有する。"
    text = SIGNED_BEFORE_AND_AFTER.format(before="", after="").replace(
        "この協約の締結を証するため、本書2通を作成し、各自1通を保有する。", closing)
    assert document_of(text).signed_date is None


def test_a_date_alone_signs_before_the_one_in_the_closing_formula_or_on_the_cover():
    segments = [
        Segment(Kind.COVER, (line(1, "令和2年3月1日"),)),
        Segment(Kind.CLOSING, (line(20, "この協約の締結を証するため、令和2年3月20日、本書2通を作成する。"),)),
        Segment(Kind.DATE, (line(22, "令和2年3月27日"),)),
    ]
    assert signing_date(extract_dates(segments)) == dt.date(2020, 3, 27)
    assert signing_date(extract_dates(segments[:2])) == dt.date(2020, 3, 20)


@pytest.mark.parametrize("date_lines", [["令和2年", "3月27日"], ["　　　　　　　　　　令和２年", "　　　　　　　　　　　３月２７日"],
                                        ["2020年", "3月27日(金)"], ["令和２年３月", "２７日"], ["令和二年三月", "二十七日"],
                                        ["(令和2年", "3月27日)"]])
@pytest.mark.parametrize("where", ["before", "after"])
def test_a_signing_date_broken_after_its_year_signs(date_lines, where):
    """A right-aligned block too narrow for the date breaks it after 年, or after 月."""
    from tests.helpers import document_of

    doc = document_of(SIGNED_BEFORE_AND_AFTER.format(**{"before": "", "after": "", where: "\n".join(date_lines)}))
    assert doc.signed_date == dt.date(2020, 3, 27)
    assert [(v.iso.isoformat(), v.kind) for v in doc.dates] == [("2020-04-01", "referenced"), ("2020-03-27", "signed")]
    assert [(s.address, s.name) for s in doc.signatories] == [
        ("広島県福山市東桜町3番5号", "枝広 直幹"), ("広島県三原市港町三丁目5番1号", "岡田 吉弘")]



@pytest.mark.parametrize("date_lines", [["令和２年３月２７日　印"], ["令和2年3月27日 ㊞"], ["令和２年３月２７日（印）"],
                                        ["(R2.3.27) 印"], ["令和２年", "３月２７日　㊞"]])
@pytest.mark.parametrize("where", ["before", "after"])
def test_a_signing_date_with_a_seal_pressed_by_it_signs(date_lines, where):
    """Some signers press the seal by the date as by the name: the seal is no
    part of the date line, which stands alone above or under the blocks."""
    doc = document_of(SIGNED_BEFORE_AND_AFTER.format(**{"before": "", "after": "", where: "\n".join(date_lines)}))
    assert doc.signed_date == dt.date(2020, 3, 27)
    assert [(v.iso.isoformat(), v.kind) for v in doc.dates] == [("2020-04-01", "referenced"), ("2020-03-27", "signed")]
    assert [(s.title, s.name) for s in doc.signatories] == [("福山市長", "枝広 直幹"), ("三原市長", "岡田 吉弘")]


NOTICE = """
福山市告示第12号
{sentence}
令和2年4月1日
福山市長 枝広 直幹
福山市と三原市との連携協約
福山市(以下「甲」という。)と三原市(以下「乙」という。)は、次のとおり連携協約を締結する。
第1条 この協約は、甲及び乙の連携を目的とする。
"""


@pytest.mark.parametrize("sentence", [
    "地方自治法第252条の2第1項の規定により、三原市と連携協約を令和2年3月27日に締結したので、同条第2項の規定により次のとおり告示する。",
    "令和２年３月２７日付けで三原市と連携協約を締結したので、地方自治法第252条の2第2項の規定により、次のとおり告示する。",
])
def test_the_date_a_gazette_notice_says_the_agreement_was_concluded_on_signs(sentence):
    from tests.helpers import document_of

    doc = document_of(NOTICE.format(sentence=sentence))
    assert doc.signed_date == dt.date(2020, 3, 27)
    assert [(v.iso.isoformat(), v.kind) for v in doc.dates] == [("2020-03-27", "signed"), ("2020-04-01", "referenced")]


@pytest.mark.parametrize("sentence", [
    "地方自治法第252条の2第1項の規定により、三原市と連携協約を締結したので、同条第2項の規定により次のとおり告示する。",
    "三原市と令和2年3月27日に締結した連携協約の一部を変更する協約を締結したので、\n地方自治法第252条の2第2項の規定により次のとおり告示する。",
])
def test_the_date_of_a_gazette_notice_is_no_signing_date(sentence):
    """The notice is dated when it is published, after the agreement was signed."""
    from tests.helpers import document_of

    assert document_of(NOTICE.format(sentence=sentence)).signed_date is None


@pytest.mark.parametrize("dated", ["R2.3.27", "令和２年３月２７日", "令和2年3月27日 印", "(R2.3.27)"])
def test_a_date_written_on_the_signers_line_signs_and_is_no_part_of_the_name(dated):
    """Some towns' forms have each head date the line they sign on (三原市長 岡田 吉弘 R2.3.27)."""
    from tests.helpers import document_of

    doc = document_of(f"""
    福山市と三原市との連携協約
    福山市(以下「甲」という。)と三原市(以下「乙」という。)は、次のとおり連携協約を締結する。
    第1条 この協約は、甲及び乙の連携を目的とする。
    第2条 この協約は、令和2年4月1日から効力を生ずる。
    この協約の締結を証するため、本書2通を作成し、各自1通を保有する。
    甲 広島県福山市東桜町3番5号
       福山市長　枝広　直幹　{dated}
    乙 広島県三原市港町三丁目5番1号
       三原市長　岡田　吉弘　{dated}
    """)
    assert doc.signed_date == dt.date(2020, 3, 27)
    assert [(s.title, s.name) for s in doc.signatories] == [("福山市長", "枝広 直幹"), ("三原市長", "岡田 吉弘")]


HEADS = """
    福山市と府中市との連携協約
    福山市(以下「甲」という。)と府中市(以下「乙」という。)は、次のとおり連携協約を締結する。
    第1条 この協約は、甲及び乙の連携を目的とする。
    第2条 この協約は、令和2年4月1日から効力を生ずる。
    この協約の締結を証するため、本書2通を作成し、各自1通を保有する。
"""


def test_blocks_each_dated_by_their_party_sign_on_the_last_date():
    """Signed in turn (持ち回り): the agreement is concluded when the last party signs."""
    from tests.helpers import document_of

    doc = document_of(HEADS + """
    甲 令和2年3月26日
       広島県福山市東桜町3番5号
       福山市長 枝広 直幹
    乙 令和2年3月27日
       広島県府中市府川町315番地
       府中市長 小野 申人
    """)
    assert doc.signed_date == dt.date(2020, 3, 27)
    assert [(s.role, s.address, s.name) for s in doc.signatories] == [
        ("甲", "広島県福山市東桜町3番5号", "枝広 直幹"), ("乙", "広島県府中市府川町315番地", "小野 申人")]


@pytest.mark.parametrize("date", ["令和２年３月２７日", "R2.3.27", "2020/3/27"])
def test_a_date_printed_left_of_the_first_block_signs_and_leaves_the_block_whole(date):
    from tests.helpers import document_of

    doc = document_of(HEADS + f"""
    {date}　甲　広島県福山市東桜町３番５号
    　　　　　　　　　　　　福山市長　枝広　直幹
    　　　　　　　　　　乙　広島県府中市府川町３１５番地
    　　　　　　　　　　　　府中市長　小野　申人
    """)
    assert doc.signed_date == dt.date(2020, 3, 27)
    assert [(s.role, s.address, s.name) for s in doc.signatories] == [
        ("甲", "広島県福山市東桜町3番5号", "枝広 直幹"), ("乙", "広島県府中市府川町315番地", "小野 申人")]


def test_a_date_under_blocks_without_role_marks_signs_and_the_blocks_are_read():
    from tests.helpers import document_of

    doc = document_of(HEADS + """
    広島県福山市東桜町3番5号
    福山市長 枝広 直幹
    広島県府中市府川町315番地
    府中市長 小野 申人
    令和2年3月27日
    """)
    assert doc.signed_date == dt.date(2020, 3, 27)
    assert [(s.role, s.address, s.title, s.name) for s in doc.signatories] == [
        ("甲", "広島県福山市東桜町3番5号", "福山市長", "枝広 直幹"), ("乙", "広島県府中市府川町315番地", "府中市長", "小野 申人")]


def test_a_date_over_the_title_and_the_signing_date_are_two_rows_one_each():
    # 協約第1号 / 令和2年3月27日 set right over the title, the same day under the closing formula:
    # two lines, so two rows; the one the closing formula dates is the signing
    segs = segments_of("""
        協約第1号
        令和2年3月27日
        福山市・府中市連携協約書
        福山市(以下「甲」という。)と府中市(以下「乙」という。)は、次のとおり連携協約を締結する。
        第1条 この連携協約は、甲及び乙の連携を目的とする。
        この協約の締結を証するため、本書2通を作成し、甲乙記名押印の上、各自1通を保有する。
        令和2年3月27日
        甲 広島県福山市東桜町3番5号
        福山市長 枝廣 直幹
    """)
    values = extract_dates(segs)
    assert [(v.kind, v.iso) for v in values] == [("referenced", dt.date(2020, 3, 27)), ("signed", dt.date(2020, 3, 27))]
    assert len({v.line_no for v in values}) == 2


CEREMONY_RELEASE = """
    記者発表資料
    令和2年2月5日
    岡山市政策局政策部政策企画課

    岡山連携中枢都市圏の形成に係る連携協約の締結式を行います

    岡山市と玉野市は、岡山連携中枢都市圏の形成に向けて、連携協約を締結します。
    つきましては、下記のとおり締結式を開催しますので、お知らせします。

    記

    1　日　時　　令和2年2月10日（月）午前10時から
    2　場　所　　岡山市役所本庁舎3階　第一会議室
    3　内　容　　連携協約書への署名、記念撮影
"""


def test_a_press_release_announcing_the_signing_ceremony_records_its_day_as_planned():
    """締結します / 締結式を開催します: the day is one to come; the release is
    no proof the agreement was signed then, so it is planned, not signed."""
    doc = document_of(CEREMONY_RELEASE)
    assert doc.doc_type == "other"
    assert doc.signed_date is None
    assert [(d.kind, d.iso) for d in doc.dates] == [("referenced", dt.date(2020, 2, 5)),  # the release's own day
                                                     ("planned", dt.date(2020, 2, 10))]
    assert any("announced for 令和2年2月10日" in w for w in doc.warnings)


def test_a_release_reporting_the_ceremony_held_is_signed_on_its_day():
    doc = document_of(CEREMONY_RELEASE.replace("連携協約を締結します。", "連携協約を締結しました。")
                      .replace("締結式を開催しますので、お知らせします", "締結式を開催しましたので、お知らせします"))
    assert doc.signed_date == dt.date(2020, 2, 10)
    assert not any(d.kind == "planned" for d in doc.dates)


@pytest.mark.parametrize("when", ["日時：令和2年2月10日（月）　10時00分～", "と　き　令和2年2月10日(月)午前10時",
                                  "■開催日時\n令和2年2月10日（月）10:00～10:30"])
def test_a_ceremonys_day_keyed_in_other_words_or_on_the_line_below_is_found(when):
    doc = document_of(f"""
        お知らせ
        連携協約の締結について
        岡山市と玉野市は、連携協約を締結します。
        ■締結式
        {when}
        会場：岡山市役所
    """)
    assert [(d.kind, d.iso) for d in doc.dates] == [("planned", dt.date(2020, 2, 10))]
    past = document_of(f"""
        お知らせ
        連携協約の締結について
        岡山市と玉野市は、連携協約を締結いたしました。
        ■締結式
        {when}
        会場：岡山市役所
    """)
    assert past.signed_date == dt.date(2020, 2, 10)


def test_the_ceremonys_day_in_the_sentence_naming_it_is_found():
    doc = document_of("""
        記者発表資料
        岡山市と玉野市の連携協約について
        岡山市と玉野市は、令和2年2月10日（月）に連携協約の締結式を行います。
    """)
    assert [(d.kind, d.iso) for d in doc.dates] == [("planned", dt.date(2020, 2, 10))]
    past = document_of("""
        記者発表資料
        岡山市と玉野市の連携協約について
        岡山市と玉野市は、令和2年2月10日（月）に連携協約の締結式を行いました。
    """)
    assert past.signed_date == dt.date(2020, 2, 10)


def test_a_ceremony_named_among_the_keys_after_its_day_is_the_ceremonys_day():
    # 日時 / 場所 / 内容: 連携協約締結式: the event the keys describe is named last
    doc = document_of("""
        記者発表資料
        大分市・竹田市連携協約の締結について
        大分市と竹田市は、連携中枢都市圏の形成に向けて連携協約を締結しました。
        日時：令和2年2月3日（月）午前10時30分
        場所：竹田市役所　3階　大会議室
        内容：連携協約締結式
        問い合わせ先　竹田市企画情報課
    """)
    assert doc.signed_date == dt.date(2020, 2, 3)


def test_a_day_labelled_as_the_one_the_signing_is_planned_for_is_planned():
    doc = document_of("""
        記者発表資料
        令和3年1月20日
        大分市と臼杵市の連携協約について
        大分市と臼杵市は、連携協約を締結する予定です。
        締結予定日：令和3年2月3日（水）
    """)
    assert doc.signed_date is None
    assert [(d.kind, d.iso) for d in doc.dates] == [("referenced", dt.date(2021, 1, 20)),
                                                     ("planned", dt.date(2021, 2, 3))]


@pytest.mark.parametrize("sentence", [
    "福山市と三原市は、令和２年３月２７日（金）に、備後圏域連携中枢都市圏形成に係る連携協約を締結しました。",
    "本日、令和２年３月２７日付けで、福山市と三原市との間で連携協約が締結されました。",
])
def test_the_day_a_release_reports_the_agreement_concluded_on_is_its_signing_date(sentence):
    doc = document_of(f"""
        記者発表資料
        令和２年３月３０日
        連携協約の締結について
        {sentence}
        この協約は、令和２年４月１日から効力を生じます。
    """)
    assert doc.signed_date == dt.date(2020, 3, 27)
    assert [(v.iso.isoformat(), v.kind) for v in doc.dates] == [
        ("2020-03-30", "referenced"), ("2020-03-27", "signed"), ("2020-04-01", "referenced")]


@pytest.mark.parametrize("sentence", [
    "令和２年３月２７日に締結した連携協約に基づき、共通乗車券を発行します。",
    "福山市は、令和２年３月２７日に中心市宣言を行い、三原市と連携協約を締結しました。",  # the day of another act
])
def test_an_agreement_a_release_names_by_its_date_or_another_acts_day_is_no_report_of_signing(sentence):
    doc = document_of(f"""
        記者発表資料
        令和２年６月１日
        圏域の公共交通の共通乗車券について
        {sentence}
    """)
    assert doc.signed_date is None


def test_a_meetings_day_in_a_release_naming_no_ceremony_is_no_signing_date():
    doc = document_of("""
        記者発表資料
        岡山連携中枢都市圏連携協議会の開催について
        岡山市と玉野市は、連携協約に基づく取組を協議します。
        日時　令和2年2月10日（月）午前10時から
    """)
    assert doc.signed_date is None


@pytest.mark.parametrize("text, iso, raw", [
    # a western year in kanji digits, as vertical or formal typesetting writes it
    ("二〇二〇年三月二十六日", "2020-03-26", "二〇二〇年三月二十六日"),
    ("一九八五年十月一日締結", "1985-10-01", "一九八五年十月一日"),
    # both calendars, one of them in kanji digits
    ("二〇二〇年（令和二年）三月二十六日", "2020-03-26", "二〇二〇年(令和二年)三月二十六日"),
    ("令和二年（二〇二〇年）三月二十七日", "2020-03-27", "令和二年(二〇二〇年)三月二十七日"),
    ("令和２年（二〇二〇年）３月２７日", "2020-03-27", "令和2年(二〇二〇年)3月27日"),
])
def test_a_western_year_in_kanji_digits_is_read(text, iso, raw):
    assert [(d.isoformat(), r) for d, r in find_dates(text)] == [(iso, raw)]


def test_kanji_digits_that_are_no_year_of_this_calendar_are_no_date():
    """Four kanji digits make a year of 18xx to 20xx only; a longer run is no year."""
    assert find_dates("五〇〇〇年三月一日 一二〇二〇年三月一日") == []


KANJI_DATED = """
    倉敷市と総社市との連携協約書
    倉敷市（以下「甲」という。）と総社市（以下「乙」という。）は、次のとおり連携協約を締結する。
    第一条　この協約は、甲及び乙が連携して圏域の発展を図ることを目的とする。
    第二条　この協約の有効期間は、二〇二〇年四月一日から二〇二五年三月三十一日までとする。
    この協約の締結を証するため、本書二通を作成し、甲乙記名押印の上、各自その一通を保有する。
    {date}
    甲　岡山県倉敷市西中新田六四〇番地
    　　倉敷市長　伊東　香織
    乙　岡山県総社市中央一丁目一番一号
    　　総社市長　片岡　聡一
"""


@pytest.mark.parametrize("date", ["二〇二〇年三月二十六日", "二〇二〇年（令和二年）三月二十六日"])
def test_a_signing_date_with_its_western_year_in_kanji_signs(date):
    doc = document_of(KANJI_DATED.format(date=date))
    assert doc.signed_date == dt.date(2020, 3, 26)
    assert [(v.iso.isoformat(), v.kind) for v in doc.dates] == [
        ("2020-04-01", "referenced"), ("2025-03-31", "referenced"), ("2020-03-26", "signed")]
    assert len(doc.signatories) == 2


@pytest.mark.parametrize("date", ["令和２年３月２７日付け", "令和2年3月27日付", "令和２年３月２７日付けで締結",
                                  "（令和２年３月２７日付け締結）"])
def test_a_signing_date_dated_with_tsuke_signs(date):
    """付け (付) dates a document as 締結 does: the date line under the formula signs."""
    doc = document_of(KANJI_DATED.format(date=date))
    assert doc.signed_date == dt.date(2020, 3, 27)
    assert len(doc.signatories) == 2


def test_a_date_with_tsuke_inside_a_sentence_is_referenced():
    segments = [Segment(Kind.CLOSING, (line(20, "令和2年3月27日付けで通知された事項を協議する。"),))]
    assert [v.kind for v in extract_dates(segments)] == ["referenced"]


# The warning quotes the line as normalized: blanks spread evenly between
# its characters (令和　　年　　月　　日) read as letter-spacing and go.
@pytest.mark.parametrize("date, shown", [
    ("令和　　年　　月　　日", "令和年月日"),  # a template's date, filled in by hand at the signing
    ("令和２年３月　　日", "令和2年3月 日"),  # a draft: the day is set at the ceremony
    ("令和２年　月　日", "令和2年月日"),
    ("令和○年○月○日", "令和○年○月○日"),
    ("令和〇年〇月〇日", "令和〇年〇月〇日"),
    ("令和Ｘ年Ｘ月Ｘ日", "令和X年X月X日"),  # other marks a template types for the numbers
    ("令和△年△月△日", "令和△年△月△日"),
    ("平成　　年　　月　　日", "平成年月日"),
    ("　　　　年　　月　　日", "年 月 日"),
])
def test_a_signing_date_left_blank_signs_nothing_and_says_so(date, shown):
    doc = document_of(KANJI_DATED.format(date=date))
    assert doc.signed_date is None
    assert doc.status == "partial"
    assert f"line 6: the signing date is left blank ({shown})" in doc.warnings
    assert len(doc.signatories) == 2


def test_a_blank_signing_date_leaves_the_cover_date_referenced():
    """The cover's date is the last resort for the day of signing: a blank
    where the parties date their signatures says the day is not set yet."""
    segments = [Segment(Kind.COVER, (line(2, "令和2年3月1日"),)),
                Segment(Kind.CLOSING, (line(20, "この協約の締結を証するため、本書2通を作成し、各自1通を保有する。"),)),
                Segment(Kind.DATE, (line(22, "令和 年 月 日"),))]
    assert [v.kind for v in extract_dates(segments)] == ["referenced"]


def test_a_date_left_blank_in_an_article_is_warned_about_not_read():
    text = KANJI_DATED.format(date="令和２年３月２７日").replace(
        "二〇二〇年四月一日から二〇二五年三月三十一日まで", "令和　　年　　月　　日から令和７年３月３１日まで")
    doc = document_of(text)
    assert doc.signed_date == dt.date(2020, 3, 27)
    assert "line 4: a date is left blank (令和 年 月 日)" in doc.warnings
    assert [v.iso.isoformat() for v in doc.dates] == ["2025-03-31", "2020-03-27"]


@pytest.mark.parametrize("date, raw", [
    ("令和２年２月３０日", "令和2年2月30日"),
    ("令和３年２月２９日", "令和3年2月29日"),  # 2021 has no 閏日
    ("令和二年四月三十一日", "令和二年四月三十一日"),
    ("二〇二一年二月二十九日", "二〇二一年二月二十九日"),
])
def test_a_signing_date_that_is_no_day_of_the_calendar_is_kept_as_written_with_a_warning(date, raw):
    doc = document_of(KANJI_DATED.format(date=date))
    assert doc.signed_date is None
    assert all(v.kind == "referenced" for v in doc.dates)
    assert f"line 6: the signing date {raw} is no day of the calendar" in doc.warnings


def test_a_period_ending_on_no_day_of_the_calendar_is_warned_about_not_read():
    text = KANJI_DATED.format(date="令和２年３月２７日").replace(
        "二〇二〇年四月一日から二〇二五年三月三十一日まで", "令和２年４月１日から令和７年２月２９日まで")
    doc = document_of(text)
    assert [v.iso.isoformat() for v in doc.dates] == ["2020-04-01", "2020-03-27"]
    assert "line 4: 令和7年2月29日 is no day of the calendar" in doc.warnings
    assert doc.signed_date == dt.date(2020, 3, 27)


@pytest.mark.parametrize("text, iso", [
    ("令和2年2月29日", "2020-02-29"),  # 2020 was a leap year
    ("平成31年4月30日", "2019-04-30"),  # the last day of 平成
    # drafted before the era changed: the same day a careful reader records
    ("平成31年5月1日", "2019-05-01"),
    ("平成32年3月31日", "2020-03-31"),
])
def test_days_at_the_edges_of_the_calendar_and_of_an_era(text, iso):
    assert parse_date(text) == dt.date.fromisoformat(iso)


@pytest.mark.parametrize("text, iso", [
    ("2020-03-27", "2020-03-27"),  # ISO 8601, as a spreadsheet or a converter exports a date cell
    ("締結日 2020-3-27", "2020-03-27"),
    ("（２０２０－０３－２７）", "2020-03-27"),
])
def test_a_date_written_with_hyphens_is_read(text, iso):
    assert parse_date(text) == dt.date.fromisoformat(iso)


@pytest.mark.parametrize("text", ["TEL 0866-92-8200", "〒700-8544 岡山市北区大供一丁目1-1",
                                  "整理番号 2020-123-4567", "1999-12-31-2", "2020-3-27/4", "2020-3.27"])
def test_numbers_with_hyphens_that_make_no_date_are_none(text):
    assert find_dates(text) == []


def test_a_hyphenated_date_under_the_closing_formula_signs():
    doc = document_of(KANJI_DATED.format(date="2020-03-27"))
    assert doc.signed_date == dt.date(2020, 3, 27)
    assert len(doc.signatories) == 2


@pytest.mark.parametrize("period, end", [
    ("この協定の有効期間は、2020年4月1日から同年9月30日までとする。", ("2020-09-30", "同年9月30日")),
    ("試行期間:2021年7月1日～同月31日", ("2021-07-31", "同月31日")),
    ("二〇二〇年四月一日から同年九月三十日まで", ("2020-09-30", "同年九月三十日")),
    ("2020年（令和2年）4月1日から9月30日まで", ("2020-09-30", "9月30日")),
])
def test_the_end_of_a_period_after_a_western_start_takes_its_year(period, end):
    assert dates_read(period)[1:] == [end]


def test_a_western_periods_end_with_its_own_year_is_read_once():
    assert [raw for _, raw in find_dates("2020年4月1日から2025年3月31日まで")] == ["2020年4月1日", "2025年3月31日"]


@pytest.mark.parametrize("date, warning", [
    ("令和２年３月２７日（木）", "line 6: the weekday (木) is not that of 令和2年3月27日 (金)"),
    ("令和２年３月２１日（金曜日）", "line 6: the weekday (金) is not that of 令和2年3月21日 (土)"),
    ("令　和　２　年　３　月　２　７　日（木）", "line 6: the weekday (木) is not that of 令和2年3月27日 (金)"),
])
def test_a_weekday_that_is_not_the_dates_is_warned_about(date, warning):
    """27 March 2020 was a Friday: the day or its weekday is misprinted or misread."""
    doc = document_of(KANJI_DATED.format(date=date))
    assert warning in doc.warnings


@pytest.mark.parametrize("date", ["令和２年３月２７日（金）", "令和２年３月２７日（金曜日）", "令和2年3月27日(金)締結"])
def test_the_dates_own_weekday_is_no_warning(date):
    doc = document_of(KANJI_DATED.format(date=date))
    assert doc.signed_date == dt.date(2020, 3, 27)
    assert doc.warnings == ()


def test_a_block_whose_date_is_left_blank_has_not_signed_yet():
    """Signed in turn: 乙 has not dated its block, so the agreement is not
    concluded on 甲's date; the blank is no part of the signer's name."""
    doc = document_of("""
        倉敷市と総社市との連携協約書
        倉敷市（以下「甲」という。）と総社市（以下「乙」という。）は、次のとおり連携協約を締結する。
        第１条　この協約は、甲及び乙が連携して圏域の発展を図ることを目的とする。
        この協約の締結を証するため、本書２通を作成し、甲乙記名押印の上、各自その１通を保有する。
        甲　岡山県倉敷市西中新田６４０番地
        　　倉敷市長　伊東　香織　　令和２年３月２６日
        乙　岡山県総社市中央一丁目１番１号
        　　総社市長　片岡　聡一　　令和　　年　　月　　日
    """)
    assert doc.signed_date is None
    assert [(v.raw, v.kind) for v in doc.dates] == [("令和2年3月26日", "referenced")]
    assert [(s.title, s.name) for s in doc.signatories] == [("倉敷市長", "伊東 香織"), ("総社市長", "片岡 聡一")]
    assert "line 8: the signing date is left blank (令和 年 月 日)" in doc.warnings


@pytest.mark.parametrize("text, dates", [
    ("この協約は、令和２年４月１日から施行する。ただし、第３条の規定は、同年１０月１日から施行する。",
     [("2020-04-01", "令和2年4月1日"), ("2020-10-01", "同年10月1日")]),
    ("令和2年4月1日に締結し、同月15日に告示した。", [("2020-04-01", "令和2年4月1日"), ("2020-04-15", "同月15日")]),
    ("2020年4月1日から施行し、同年十月一日から適用する。", [("2020-04-01", "2020年4月1日"), ("2020-10-01", "同年十月一日")]),
    ("平成31年3月29日に締結し、令和元年5月1日に変更し、同年6月1日から適用する。",
     [("2019-03-29", "平成31年3月29日"), ("2019-05-01", "令和元年5月1日"), ("2019-06-01", "同年6月1日")]),
])
def test_a_date_in_the_same_year_or_month_as_the_one_before_it_is_read(text, dates):
    """附則 say 同年10月1日 (同月15日) for the year (month) of the date before it in the sentence."""
    assert [(d.isoformat(), raw) for d, raw in find_dates(text)] == dates


def test_a_same_year_date_with_no_date_before_it_is_none():
    assert find_dates("同年10月1日から施行する。") == []


@pytest.mark.parametrize("text, dates", [
    ("この協約は、令和2年4月1日に締結し、同日から施行する。", [("2020-04-01", "令和2年4月1日"), ("2020-04-01", "同日")]),
    ("この協約は、令和２年４月１日から施行し、同日以後に実施する事業について適用する。",
     [("2020-04-01", "令和2年4月1日"), ("2020-04-01", "同日")]),
    ("H31.3.29に締結し、同日付けで告示した。", [("2019-03-29", "H31.3.29"), ("2019-03-29", "同日")]),
    ("令和2年4月1日から令和7年3月31日までとし、同 日限り失効する。",
     [("2020-04-01", "令和2年4月1日"), ("2025-03-31", "令和7年3月31日"), ("2025-03-31", "同 日")]),
    ("令和2年4月1日に説明会の日程を定め、会議の日時は同日午前10時とする。",
     [("2020-04-01", "令和2年4月1日"), ("2020-04-01", "同日")]),
])
def test_the_same_day_as_the_date_before_it_is_that_date(text, dates):
    """同日 says again the date the sentence gave last."""
    assert [(d.isoformat(), raw) for d, raw in find_dates(text)] == dates


@pytest.mark.parametrize("text", ["同日から施行する。", "令和2年4月1日の翌年同日まで",
                                  "令和2年4月1日に説明会を開き、同日程で意見交換会を行う。"])
def test_a_same_day_with_no_date_before_it_or_ending_a_word_is_none(text):
    """No date before it, a word ending in it (翌年同日: a year on), or a
    word starting with it (同日程: the same schedule): no date of its own."""
    assert [raw for _, raw in find_dates(text)] in ([], ["令和2年4月1日"])


def test_the_same_day_on_the_line_after_a_date_is_that_date():
    """A sentence wrapped between lines: 同日 (同年10月1日) on the next line
    still says the date the line before ended with."""
    doc = document_of("""
        真庭市と新庄村との連携協約
        真庭市（以下「甲」という。）と新庄村（以下「乙」という。）は、次のとおり連携協約を締結する。
        第１条　この協約は、甲及び乙が連携して圏域の活性化を図ることを目的とする。
        附　則
        １　この協約は、令和２年４月１日から施行し、
        同日以後に実施する事業について適用する。
        ２　第１条の規定は、同年１０月１日から適用する。
        この協約の締結を証するため、本書２通を作成し、甲乙記名押印の上、各自その１通を保有する。
        令和２年３月２７日
        甲　岡山県真庭市久世２９２７番地２
        　　真庭市長　太田　昇
        乙　岡山県真庭郡新庄村２００８番地１
        　　新庄村長　小倉　博俊
    """)
    assert doc.signed_date == dt.date(2020, 3, 27)
    assert [(v.iso.isoformat(), v.raw, v.kind) for v in doc.dates] == [
        ("2020-04-01", "令和2年4月1日", "referenced"), ("2020-04-01", "同日", "referenced"),
        ("2020-10-01", "同年10月1日", "referenced"), ("2020-03-27", "令和2年3月27日", "signed")]


def test_the_same_day_after_a_day_named_in_words_repeats_no_date():
    """…満了する日の三月前までに…同日の翌日: 同日 is the day the words name."""
    text = "この協約は、令和2年4月1日から効力を生じ、その期間が満了する日の三月前までに申出がないときは、同日の翌日から更新される。"
    assert [raw for _, raw in find_dates(text)] == ["令和2年4月1日"]


def test_the_same_day_alone_on_its_line_never_signs():
    """同日 repeats a date the text gives: that one signs."""
    segments = [Segment(Kind.CLOSING, (line(20, "この協約の締結を証するため、令和2年3月27日、本書2通を作成し、"),
                                       line(21, "同日"), line(22, "甲乙記名押印の上、各自1通を保有する。")))]
    assert [(v.line_no, v.raw, v.kind) for v in extract_dates(segments)] == [
        (20, "令和2年3月27日", "signed"), (21, "同日", "referenced")]


@pytest.mark.parametrize("period, dates", [
    ("連携期間：R2.4.1～7.3.31", [("2020-04-01", "R2.4.1"), ("2025-03-31", "7.3.31")]),
    ("計画期間（令2.4.1-7.3.31）", [("2020-04-01", "令2.4.1"), ("2025-03-31", "7.3.31")]),
    ("H28.4.1 〜 33.3.31", [("2016-04-01", "H28.4.1"), ("2021-03-31", "33.3.31")]),
    ("R2.4.1-R7.3.31", [("2020-04-01", "R2.4.1"), ("2025-03-31", "R7.3.31")]),
    ("H31.4.1～R6.3.31", [("2019-04-01", "H31.4.1"), ("2024-03-31", "R6.3.31")]),
])
def test_the_end_of_an_abbreviated_period_without_its_era_is_in_the_starts(period, dates):
    """Slides shorten a period as they shorten its dates, and leave the era
    out of its end as 公用文 does: R2.4.1～7.3.31 ends in 令和7年."""
    assert dates_read(period) == dates


@pytest.mark.parametrize("text", ["R2.4.1～1.3.31", "R2.4.1～7.3.31.2", "R2.4.1-7.2.30"])
def test_an_earlier_day_or_no_date_after_an_abbreviated_date_is_no_end(text):
    assert [raw for _, raw in find_dates(text)] == ["R2.4.1"]


def test_a_release_reporting_the_signing_done_today_is_signed_on_its_own_day():
    doc = document_of("""
        報道資料
        令和2年3月27日
        福山市企画政策課
        福山市と府中市が連携協約を締結しました
        福山市と府中市は、本日、備後圏域の形成に向けた連携協約を締結しました。
        締結式では、両市長が協約書に署名しました。
    """)
    assert doc.signed_date == dt.date(2020, 3, 27)
    # 本日 in a sentence of no signing dates nothing
    other = document_of("""
        報道資料
        令和2年3月27日
        福山市と府中市の連携協約について
        福山市と府中市は、本日、連携中枢都市圏連携協議会を開催しました。
    """)
    assert other.signed_date is None


def test_a_release_saying_in_a_sentence_the_day_the_agreement_was_or_will_be_signed():
    done = document_of("""
        記者発表資料
        令和2年3月30日
        福山市と府中市の連携協約について
        福山市と府中市は、令和2年3月27日（金）に連携協約を締結しました。
        今後、両市は圏域の発展に向けて連携します。
    """)
    assert done.signed_date == dt.date(2020, 3, 27)
    to_come = document_of("""
        記者発表資料
        令和3年1月20日
        福山市と府中市の連携協約について
        福山市と府中市は、令和3年2月3日に、備後圏域の連携協約を締結する予定です。
    """)
    assert to_come.signed_date is None
    assert [(d.kind, d.iso) for d in to_come.dates] == [("referenced", dt.date(2021, 1, 20)),
                                                         ("planned", dt.date(2021, 2, 3))]
    # a date naming an agreement signed before signs nothing
    named = document_of("""
        記者発表資料
        福山市と府中市の連携協約について
        令和2年3月27日に締結した連携協約に基づき、両市は新たな取組を始めます。
    """)
    assert named.signed_date is None and not any(d.kind == "planned" for d in named.dates)


@pytest.mark.parametrize("period, dates", [
    ("連携期間：R2.4.1～9.30", [("2020-04-01", "R2.4.1"), ("2020-09-30", "9.30")]),
    ("試行期間（令2.10.1-12.28）", [("2020-10-01", "令2.10.1"), ("2020-12-28", "12.28")]),
    ("実施期間 2021/7/1～8/31", [("2021-07-01", "2021/7/1"), ("2021-08-31", "8/31")]),
])
def test_the_end_of_an_abbreviated_period_without_its_year_is_in_the_starts(period, dates):
    """A period within one year leaves the year out of its end as well (R2.4.1～9.30)."""
    assert dates_read(period) == dates


@pytest.mark.parametrize("period, end", [
    ("この協約の期間は、令和2年10月1日から3月31日までとする。", ("2021-03-31", "3月31日")),
    ("令和2年4月1日から3月31日まで", ("2021-03-31", "3月31日")),  # a fiscal year
    ("2020年10月1日から3月31日まで", ("2021-03-31", "3月31日")),
])
def test_a_year_less_end_before_the_starts_day_is_in_the_next_year(period, end):
    """A period of months over the new year (a fiscal half-year) leaves the
    end's year out: 3月31日 after 10月1日 is the next year's."""
    assert dates_read(period)[1:] == [end]


@pytest.mark.parametrize("period, end", [
    ("H31.4.1～元.9.30", ("2019-09-30", "元.9.30")),
    ("平成31年4月1日から元年9月30日まで", ("2019-09-30", "元年9月30日")),
    ("平成三十一年四月一日から二年三月三十一日まで", ("2020-03-31", "二年三月三十一日")),
    ("昭和63.4.1～元.3.31", ("1989-03-31", "元.3.31")),
])
def test_a_periods_end_without_its_era_after_the_era_changed_is_in_the_new_era(period, end):
    """元年 (or 2年) after 平成31年 can only be 令和's: the period ends after it starts."""
    assert dates_read(period)[1:] == [end]


def test_an_era_less_year_long_before_the_next_era_is_no_end_in_it():
    """Drafted in 平成20年, 2年 cannot mean 令和2年: no end read."""
    assert [raw for _, raw in find_dates("平成20年4月1日から2年3月31日まで")] == ["平成20年4月1日"]


@pytest.mark.parametrize("period", ["令和2年4月1日〜2025年3月31日", "令和二年四月一日から二〇二五年三月三十一日まで"])
def test_a_western_end_after_an_era_start_is_one_date_of_its_own(period):
    """2025年 is a western year, not 令和2025年."""
    assert [d.isoformat() for d, _ in find_dates(period)] == ["2020-04-01", "2025-03-31"]


@pytest.mark.parametrize("period, raw", [("連携期間：R2.4.1～2.13.31", "2.13.31"), ("R2.4.1-7.2.30", "7.2.30"),
                                         ("R2.4.1～9.31", "9.31")])
def test_an_abbreviated_periods_end_that_is_no_day_is_warned_about(period, raw):
    doc = document_of(KANJI_DATED.format(date="令和２年３月２７日").replace(
        "この協約の有効期間は、二〇二〇年四月一日から二〇二五年三月三十一日までとする。", period))
    assert f"line 4: {raw} is no day of the calendar" in doc.warnings
    assert [d.isoformat() for d in (v.iso for v in doc.dates)] == ["2020-04-01", "2020-03-27"]


def test_the_dates_of_a_line_keep_their_order_in_it():
    """A period's start before its end, whatever their spelling."""
    doc = document_of(KANJI_DATED.format(date="昭和６３年３月２５日").replace(
        "二〇二〇年四月一日から二〇二五年三月三十一日まで", "昭和６３年４月１日から平成元年３月３１日まで"))
    assert [(v.raw, v.kind) for v in doc.dates] == [
        ("昭和63年4月1日", "referenced"), ("平成元年3月31日", "referenced"), ("昭和63年3月25日", "signed")]


@pytest.mark.parametrize("date_line", ["令　和　２　年　３　月　２　７　日", "令和２年　３月　２７日", "令　和　２年３月２７日"])
def test_a_letter_spaced_dates_raw_text_is_as_written_without_the_layouts_blanks(date_line):
    doc = document_of(KANJI_DATED.format(date=date_line))
    assert [(v.raw, v.kind) for v in doc.dates if v.kind == "signed"] == [("令和2年3月27日", "signed")]


SAME_DAY_ARTICLES = """
    真庭市と新庄村との連携協約
    真庭市（以下「甲」という。）と新庄村（以下「乙」という。）は、次のとおり連携協約を締結する。
    第１条　この協約は、甲及び乙が連携して圏域の活性化を図ることを目的とする。
    第２条　この協約の期間は、令和２年４月１日から令和７年３月３１日までとする。
    ２　甲及び乙は、前項の期間の満了後も連携を続ける必要があると認めるときは、
    協議の上、この協約を更新することができる。
    ３　前項の規定により更新した協約は、同日の翌日から効力を生ずる。
    第３条　この協約は、令和２年４月１日から効力を生じ、その期間が満了する日の三月前までに申出がないときは、
    同日の翌日から起算して５年間更新されるものとする。
    附　則
    （施行期日）
    １　この協約は、令和２年４月１日から施行する。
    （経過措置）
    ２　この協約の施行の際現に甲及び乙が実施している事業については、
    なお従前の例による。
    ３　第２条の規定は、同日から適用する。
    この協約の締結を証するため、本書２通を作成し、甲乙記名押印の上、各自その１通を保有する。
    令和２年３月２７日
    甲　岡山県真庭市久世２９２７番地２
    　　真庭市長　太田　昇
    乙　岡山県真庭郡新庄村２００８番地１
    　　新庄村長　小倉　博俊
"""


def test_the_same_day_repeats_the_nearest_date_above_it_in_its_article_but_not_past_a_heading():
    """Article 2's 同日 (line 7) repeats its period's end, two lines up; article
    3's repeats the day its sentence names in words (満了する日), no date; the
    附則's third item is under another caption than the date: none."""
    doc = document_of(SAME_DAY_ARTICLES)
    assert [(v.line_no, v.iso.isoformat(), v.raw) for v in doc.dates] == [
        (4, "2020-04-01", "令和2年4月1日"), (4, "2025-03-31", "令和7年3月31日"), (7, "2025-03-31", "同日"),
        (8, "2020-04-01", "令和2年4月1日"), (12, "2020-04-01", "令和2年4月1日"), (18, "2020-03-27", "令和2年3月27日")]


def test_the_same_day_a_key_gives_repeats_the_date_of_the_key_above_it():
    doc = document_of("""
        連携中枢都市圏形成に係る連携協約の締結状況
        １　名称
        　　備後圏域連携中枢都市圏形成に係る連携協約
        ２　締結日
        　　令和２年３月２７日
        ３　施行日
        　　同日
        ４　当事者
        　　甲：福山市
        　　乙：三原市
        ５　備考
        　　同日付けで告示した。
    """)
    assert [(v.line_no, v.iso.isoformat(), v.raw, v.kind) for v in doc.dates] == [
        (5, "2020-03-27", "令和2年3月27日", "signed"), (7, "2020-03-27", "同日", "referenced")]


@pytest.mark.parametrize("period, end", [
    ("自令和2年4月1日至7年3月31日", ("2025-03-31", "7年3月31日")),
    ("期間　自　令和２年４月１日　至　同７年３月３１日", ("2025-03-31", "同7年3月31日")),
    ("自R2.4.1至7.3.31", ("2025-03-31", "7.3.31")),
    ("令和2年4月1日(水)から7年3月31日(月)まで", ("2025-03-31", "7年3月31日")),
    ("開催期間：令和２年４月１日（水）～９月３０日（水）", ("2020-09-30", "9月30日")),
    ("R2.4.1(水)～9.30(水)", ("2020-09-30", "9.30")),
])
def test_a_period_from_to_or_with_its_starts_weekday_still_ends_in_the_starts_era(period, end):
    """自…至… is から…まで in a form's words; the start's weekday may stand before から."""
    assert dates_read(period)[1:] == [end]


@pytest.mark.parametrize("title", ["福山市と三原市との連携協約（令和２年３月２７日締結）",
                                   "福山市と三原市との連携協約\n（令和２年３月２７日付け締結）"])
def test_the_date_a_title_closes_with_signs_when_no_other_date_does(title):
    """…連携協約(令和2年3月27日締結): the title says when it was concluded."""
    doc = document_of(SIGNED_BEFORE_AND_AFTER.format(before="", after="").replace(
        "福山市と三原市との連携協約", title, 1))
    assert doc.signed_date == dt.date(2020, 3, 27)
    assert [(v.iso.isoformat(), v.kind) for v in doc.dates] == [("2020-03-27", "signed"), ("2020-04-01", "referenced")]


def test_the_date_of_an_agreement_a_title_amends_is_no_signing_date():
    doc = document_of(SIGNED_BEFORE_AND_AFTER.format(before="", after="").replace(
        "福山市と三原市との連携協約", "福山市と三原市との連携協約（令和２年３月２７日締結）の一部を変更する協約", 1))
    assert doc.signed_date is None


@pytest.mark.parametrize("key_lines", [["２　締結日　　令和　　年　　月　　日"], ["【協約締結日】", "令和○年○月○日"]])
def test_a_summarys_signing_date_left_blank_is_warned_about(key_lines):
    """A draft summary keys the day still to be set (締結日 令和　年　月　日)."""
    doc = document_of("\n".join(["連携協約の概要（案）", "１　名称　　備後圏域連携中枢都市圏形成に係る連携協約",
                                 *key_lines, "３　効力発生日　令和２年４月１日", "４　当事者　福山市、三原市"]))
    assert doc.signed_date is None
    assert any(w.startswith(f"line {2 + len(key_lines)}: the signing date is left blank (") for w in doc.warnings)


@pytest.mark.parametrize("to_line, raw", [("至 同 7年3月31日", "同7年3月31日"), ("至　７年３月３１日", "7年3月31日"),
                                         ("～7年3月31日", "7年3月31日")])
def test_a_forms_to_line_under_its_from_line_ends_in_the_starts_era(to_line, raw):
    """自 令和2年4月1日 / 至 (同) 7年3月31日: the era is the one above."""
    segments = [Segment(Kind.ARTICLE, (line(5, "第2条 この協約の期間は、次のとおりとする。"), line(6, "自 令和2年4月 1日"),
                                       line(7, to_line)))]
    assert [(v.line_no, v.iso.isoformat(), v.raw) for v in extract_dates(segments)] == [
        (6, "2020-04-01", "令和2年4月1日"), (7, "2025-03-31", raw)]
