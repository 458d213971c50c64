import pytest

from pipeline.numerals import kanji_to_int, label_ordinal, parse_article_number, roman_to_int, to_int


@pytest.mark.parametrize("text, value", [
    ("一", 1), ("十", 10), ("十二", 12), ("二十", 20), ("二百五十二", 252), ("千九百八十九", 1989),
    ("二〇一九", 2019), ("元", 1), ("三万五千", 35000), ("12", 12),
])
def test_kanji_numerals_read_as_integers(text, value):
    assert kanji_to_int(text) == value


def test_non_numeral_is_none():
    assert kanji_to_int("市") is None
    assert to_int("abc") is None


@pytest.mark.parametrize("text, value", [("I", 1), ("IV", 4), ("XII", 12), ("Ⅲ", 3), ("iii", 3)])
def test_roman_numerals(text, value):
    assert roman_to_int(text) == value


@pytest.mark.parametrize("text, value", [("１２", 12), ("⑫", 12), ("Ⅱ", 2), ("十五", 15),
                                         ("❶", 1), ("❿", 10), ("⓫", 11), ("➋", 2), ("⓷", 3)])
def test_to_int_reads_every_width_and_script(text, value):
    assert to_int(text) == value


@pytest.mark.parametrize("text, expected", [
    ("第3条", ("3", 3, None)),
    ("第十二条", ("12", 12, None)),
    ("第二百五十二条の二", ("252_2", 252, 2)),
    ("第252条の2第1項", ("252_2", 252, 2)),
    ("第 5 条の 3", ("5_3", 5, 3)),
])
def test_article_numbers_follow_the_statute_xml_num_convention(text, expected):
    assert parse_article_number(text) == expected


@pytest.mark.parametrize("label, ordinal", [("ア", 1), ("イ", 2), ("カ", 6), ("b", 2), ("(c)", 3), ("(2)", 2)])
def test_item_label_ordinals(label, ordinal):
    assert label_ordinal(label) == ordinal


@pytest.mark.parametrize("text, value", [("廿", 20), ("廿七", 27), ("卅", 30), ("卅一", 31)])
def test_twenty_and_thirty_written_in_one_character(text, value):
    assert kanji_to_int(text) == value
