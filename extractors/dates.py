"""Era and western dates -> datetime.date (令和元年12月25日 -> 2019-12-25,
R1.12.25 -> 2019-12-25).

Lenient on purpose: full-width or kanji numerals (廿七 too), 元年, spaces
between parts (a letter-spaced 令 和 2 年 too), an era shortened to a letter
or its first kanji (R2年3月27日, R2.3.27, 令2.3.27), and years past an era's
end (平成32年, written in real plans before the era changed) are all read;
an impossible day (2月30日) is not a date.

One date is the signing date: the best placed by signing_rank (a line of
its own after the closing formula or under the blocks, perhaps keyed
締結日: or broken after its year; else the date the formula gives; else
what a gazette notice says; else the cover's).
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import unicodedata

import regex

from pipeline.model import DateValue, Kind, Line, Segment
from pipeline.numerals import (ALSO_ERA, ALSO_WESTERN, DATE_NUMBER, ERA, ERA_INITIAL, ERA_NAMES, NUMERAL_KANJI,
                               SEAL_MARK, SIGNING_ACT, SIGNING_LABEL, SIGNING_VERB, WEEKDAY, WESTERN_YEAR, kanji_to_int)
from pipeline.segment import CLOSING_MARKS, NOTICE_SENTENCE_END, date_lines_at

# First year of each era (元年) and its first day.
ERAS = {"明治": dt.date(1868, 1, 25), "大正": dt.date(1912, 7, 30), "昭和": dt.date(1926, 12, 25),
        "平成": dt.date(1989, 1, 8), "令和": dt.date(2019, 5, 1)}
ERA_DATE = regex.compile(
    rf"(?P<era>{ERA})\s*(?P<year>{DATE_NUMBER})\s*{ALSO_WESTERN}年\s*{ALSO_WESTERN}"
    rf"(?P<month>{DATE_NUMBER})\s*月\s*(?P<day>{DATE_NUMBER})\s*日")
# The end of a period whose start names the era: 令和2年4月1日から7年3月31日
# まで, …〜同7年3月31日, …から同年9月30日, …から6月30日 (the start's year):
# the era, and the year or month 同 stands for, are the start's; after a
# western start (2020年4月1日から同年9月30日まで), its year.
# The start's weekday may stand before the word joining them (令和2年4月1日(水)
# から…), and 自…至… joins them as から…まで does.
TO = rf"{WEEKDAY}?\s*(?:から|より|至|[~〜～\-])\s*"
PERIOD_END = regex.compile(
    rf"{TO}(?P<end>(?:(?:同\s*)?(?P<year>{DATE_NUMBER})\s*年|同\s*年)?\s*"
    rf"(?:(?P<month>{DATE_NUMBER})\s*月|同\s*月)\s*(?P<day>{DATE_NUMBER})\s*日)")
# A form's 至 line (or ～ line) under its 自 line, the era left out: 至 7年3月31日.
CONTINUED_END = regex.compile(rf"\s*(?:至|から|より|[~〜～\-])\s*(?P<end>(?P<year>{DATE_NUMBER})\s*年\s*"
                              rf"(?P<month>{DATE_NUMBER})\s*月\s*(?P<day>{DATE_NUMBER})\s*日)")
ENDING_LINE_OPENERS = "至からよ~〜～-"  # what CONTINUED_END may open with, a cheap test first
# 附則's 同年10月1日, 同月15日: the year (and month) of the date before it;
# 同7年3月31日 (a form's 至 line under its 自 line): a year of its era;
# and 同日 (…4月1日に締結し、同日から施行する), that very date. Not the end
# of a word (翌年同日, a year on, is no date of the text's).
SAME_AS_BEFORE = regex.compile(rf"同\s*(?P<year>{DATE_NUMBER})\s*年\s*(?P<month>{DATE_NUMBER})\s*月"
                               rf"\s*(?P<day>{DATE_NUMBER})\s*日"
                               rf"|同\s*(?:年\s*(?P<month>{DATE_NUMBER})\s*月|月)\s*(?P<day>{DATE_NUMBER})\s*日"
                               r"|(?<!\p{Han})同\s*日(?!程)")  # not 同日程 (the same schedule)
SAME_DAY = regex.compile(r"同\s*日")
# A day a sentence names in words (…期間が満了する日の三月前までに, 効力が
# 生じた日, 告示の日): a 同日 after it repeats that day, not the date before
# it. (A key such as 施行日: before 同日 names the day 同日 gives.)
DAY_IN_WORDS = regex.compile(r"[るたの]\s*日(?=[^\p{Han}\d]|[以前後限付迄]|$)")  # not 協議の日程, 会議の日時
# A heading over what follows (附則, 別表, (経過措置), 2 施行日, 【期間】,
# ■締結式): short, no sentence, opening with a heading's mark or number.
# It may key the 同日 right under it (2 締結日 / 令和2年3月27日 / 3 施行日 /
# 同日), but what comes after its first line is another matter, where a
# 同日 repeats no date above the heading.
SECTION_HEADING = regex.compile(
    r"\s*(?:附\s*則|別\s*表|様\s*式|備\s*考|[■□●◆◇◎○・【\[]|第\s*\S{1,4}\s*[章節款]|\(\s*\S{1,12}\s*\)\s*$"
    r"|\(\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3}|[アイウエオカキクケコ]|[a-z])\s*\)"
    r"|(?:\d{1,2}|[一二三四五六七八九十]{1,3}|[IVX]{1,4}|[アイウエオカキクケコ]|[a-z])(?:\s*[.)]\s*|\s+)(?=\S))")
# 2020年3月27日, 二〇二〇年三月二十七日: digits or kanji, as the year is written.
MONTH_OR_DAY = rf"(?:\d{{1,2}}|{NUMERAL_KANJI}{{1,3}})"
WESTERN_DATE = regex.compile(rf"(?<!\d|{NUMERAL_KANJI})(?P<year>{WESTERN_YEAR})\s*{ALSO_ERA}年\s*{ALSO_ERA}"
                             rf"(?P<month>{MONTH_OR_DAY})\s*月\s*(?P<day>{MONTH_OR_DAY})\s*日")
# Slides and tables abbreviate the era to its initial (R1.12.25, H31.3.29).
# The era written out is abbreviated the same way (令和2.3.27), an initial
# may carry its dot (H.31.3.29), and a western date its slashes (2019/12/25).
# Covers and tables also shorten the era to its first kanji (令2.3.27), which
# then opens a word (最大2.3.4 is no 大正 date).
ERA_INITIALS = ({"M": "明治", "T": "大正", "S": "昭和", "H": "平成", "R": "令和"}
                | {era[0]: era for era in ERAS} | {era: era for era in ERAS})
ABBREVIATED_DATE = regex.compile(rf"(?P<era>{ERA_INITIAL}|{ERA_NAMES}"
                                 r"|(?<!\p{Han})[明大昭平令](?=\s*(?:\d|元)))\s*(?P<year>\d{1,2}|元)"
                                 r"\s*[./]\s*(?P<month>\d{1,2})\s*[./]\s*(?P<day>\d{1,2})(?![0-9./])")
# The end of a period abbreviated as its start is, without its era
# (R2.4.1～7.3.31, 令2.4.1-7.3.31): a year in the start's era; without its
# year too (R2.4.1～9.30, 2020/4/1～9/30): the start's year.
ABBREVIATED_END = regex.compile(rf"{TO}(?P<end>(?:(?P<year>\d{{1,2}}|元)\s*[./]\s*)?"
                                r"(?P<month>\d{1,2})\s*[./]\s*(?P<day>\d{1,2}))(?![0-9./])")
# ISO's hyphens too (2020-03-27, a spreadsheet's date cell), both of them,
# nothing around that continues a number (0866-92-8200, 1999-12-31-2).
SLASHED_DATE = regex.compile(r"(?<![0-9./A-Za-z-])(?P<year>(?:18|19|20)\d{2})"
                             r"(?:\s*[/.]\s*(?P<month>\d{1,2})\s*[/.]|-(?P<month>\d{1,2})-)"
                             r"\s*(?P<day>\d{1,2})(?![0-9./-])")
# A date a template or a draft leaves blank for the day of signing
# (令和　年　月　日, 令和2年3月　日, 令和○年○月○日, or 　　年　　月　　日 as
# its line): blanks, a mark typed in place of a number, or nothing where a
# number goes (normalizing takes 令和　年　月　日 for a letter-spaced 令和年月日).
HOLE = r"[\s○〇●◯×*□■△▲◇◆_?Xx]+"  # X, △, ? too: 令和X年X月X日
DATE_PART = rf"(?:{DATE_NUMBER}|{HOLE})"
BLANK_DATE = regex.compile(rf"{ERA_NAMES}\s*(?P<year>{DATE_PART})?\s*年\s*(?P<month>{DATE_PART})?\s*月"
                           rf"\s*(?P<day>{DATE_PART})?\s*日|^\s*年{HOLE}?月{HOLE}?日\s*$")
# The weekday printed after a date, 令和2年3月27日(金) or (金曜日): a misread
# day (27 as 21) shows as a weekday that is not the date's.
WEEKDAYS = "月火水木金土日"  # Monday first, as date.weekday() counts
WEEKDAY_AFTER = regex.compile(rf"\s*\(\s*(?P<weekday>[{WEEKDAYS}])(?:曜日?)?\s*\)")
# Why a date was not read.
LEFT_BLANK, NO_DAY = "left blank", "no day of the calendar"
# What every date above holds (before NFKC too: 年, or digits with . / or -, full-width or not).
DATE_HINT = regex.compile(r"年|\d\s*[./．／]|\d[-－]\d")
# What may stand before and after a date alone on its line: a key naming it
# the signing date (締結日:), its weekday (令和3年4月1日(木)), the act (締結),
# the brackets a form prints it in under the blocks ((R2.3.27)), and the
# seal pressed by it (令和2年3月27日 印).
BEFORE_DATE = regex.compile(rf"\(?\s*(?:{SIGNING_LABEL})?")
AFTER_DATE = regex.compile(rf"{WEEKDAY}?{SIGNING_ACT}?\s*\)?{SEAL_MARK}?\s*")
# A date the closing formula gives is followed by a comma or tells when the
# copies were made (…27日に本書2通を…), unlike a date it names (…27日締結の).
AT_SIGNING = regex.compile(r"\s*(?:[、,]|に\s*[、,]?\s*(?:本書|この|本|甲|各|両|協[約定]書))")
SENTENCE = regex.compile(r"[^。]+。?")
# A date a sentence reports the agreement concluded on (…を令和2年3月27日に
# 締結したので、 / 令和2年3月27日付けで…を締結した。), not one naming an
# agreement it amends (令和2年3月27日に締結した連携協約の一部を変更する…).
CONCLUDED_ON = regex.compile(r"\s*(?:に|付けで|付で|をもって)\s*(?:[^、。締]{0,20}を\s*)?締結(?:した|しました)(?:ので|ため|。|$)")
# Where a signing date stands, most telling first (a cover date is the last resort).
SIGNING_KINDS = (Kind.DATE, Kind.SIGNATORY, Kind.CLOSING, Kind.COVER)
# The agreement's own text, where a date left blank is one still to be set;
# a form (様式) printed in a 別表 or a quotation leaves its dates blank for its users.
OWN_TEXT_KINDS = (*SIGNING_KINDS, Kind.PREAMBLE, Kind.ARTICLE)


def parse_date(text: str) -> dt.date | None:
    """The first date in text, or None."""
    found = find_dates(text)
    return found[0][0] if found else None


def find_dates(text: str, unread: list[tuple[str, str]] | None = None,
               previous: dt.date | None = None) -> list[tuple[dt.date, str]]:
    """Every date in text with the exact text it was read from, in order.
    Given a list, unread gets each date that is no day of the calendar
    (令和3年2月29日) or left blank (令和　年　月　日) as (raw, why). Given
    the last date of the line before, a 同日 / 同年10月1日 before any date
    of this line is read from it (a sentence wrapped between the two)."""
    # most lines: no 年 and no 1.2 / 1/2 (the str tests, cheaper than the regex, for the characters it needs)
    if not ("年" in text or "." in text or "/" in text or "-" in text or "．" in text or "／" in text or "－" in text
            ) or not DATE_HINT.search(text):
        if previous is None or "同" not in text:  # SAME_AS_BEFORE needs 同, and 日 after it
            return []
    text = unicodedata.normalize("NFKC", text)
    found = []
    for match in ERA_DATE.finditer(text):
        year = number(match["year"])
        date = read_day(western_year(match["era"], year), number(match["month"]), number(match["day"]),
                        match.group(0), unread)
        if date:
            found.append((match.start(), date, match.group(0)))
            if end := period_end(text, match, date, unread):
                found.append(end)
    for match in ABBREVIATED_DATE.finditer(text):
        year, month, day = kanji_to_int(match["year"]), int(match["month"]), int(match["day"])
        # R2.2.30 is a day misprinted; R2.13.31 or R1.2.345 is a number of some other kind
        date = read_day(western_year(match["era"], year), month, day, match.group(0),
                        unread if month <= 12 and day <= 31 else None)
        if date:
            found.append((match.start(), date, match.group(0)))
            if end := abbreviated_period_end(text, match, date, unread):
                found.append(end)
    for match in (*WESTERN_DATE.finditer(text), *SLASHED_DATE.finditer(text)):
        date = read_day(number(match["year"].replace("○", "〇")), number(match["month"]), number(match["day"]),
                        match.group(0), unread)
        if date:
            found.append((match.start(), date, match.group(0)))
            if end := period_end(text, match, date, unread) or abbreviated_period_end(text, match, date, unread):
                found.append(end)
    if unread is not None and "月" in text and "日" in text:
        unread += [(raw, LEFT_BLANK) for raw in blank_dates(text)]
    if previous and not found and text.lstrip()[:1] in ENDING_LINE_OPENERS:
        if end := continued_period_end(text, previous, unread):
            found.append(end)
    found.sort(key=lambda item: item[0])
    if (found or previous) and "同" in text:
        found = with_same_dates(text, found, unread, previous)
    return [(date, raw) for _, date, raw in found]


def continued_period_end(text: str, previous: dt.date,
                         unread: list[tuple[str, str]] | None) -> tuple[int, dt.date, str] | None:
    """(where, date, text) of the end on a line of its own under its start
    (自 令和2年4月1日 / 至 7年3月31日): a year of the era the start lies in."""
    match = CONTINUED_END.match(text)
    if not match:
        return None
    date = read_day(era_year(previous, number(match["year"])), number(match["month"]), number(match["day"]),
                    match["end"], unread)
    return (match.start("end"), date, match["end"]) if date and date >= previous else None


def with_same_dates(text: str, found: list[tuple[int, dt.date, str]], unread: list[tuple[str, str]] | None,
                    previous: dt.date | None = None) -> list[tuple[int, dt.date, str]]:
    """found (in order) with each 同日 / 同年10月1日 / 同月15日 the line has
    besides a period's end: the date before it (on this line, else
    previous), or its year (and month)."""
    taken = {at for at, _, _ in found}
    for match in SAME_AS_BEFORE.finditer(text):
        before = [(at + len(raw), date) for at, date, raw in found if at < match.start()] or (
            [(0, previous)] if previous else [])
        if match.start() in taken or not before:
            continue
        if match["day"] is None:  # 同日, unless a day named in words stands between (…満了する日の…同日の翌日)
            if DAY_IN_WORDS.search(text, before[-1][0], match.start()):
                continue
            date = before[-1][1]
        else:
            month = number(match["month"]) if match["month"] else before[-1][1].month
            year = era_year(before[-1][1], number(match["year"])) if match["year"] else before[-1][1].year
            date = read_day(year, month, number(match["day"]), match.group(0), unread)
        if date:
            found = sorted([*found, (match.start(), date, match.group(0))], key=lambda item: item[0])
    return found


def era_year(date: dt.date, year: int | None) -> int | None:
    """The western year of a year of the era date lies in (同7年 after 令和2年…)."""
    era = max((first for first in ERAS.values() if first <= date), default=None)
    return era.year - 1 + year if era and year and year < 100 else None


def read_day(year: int | None, month: int | None, day: int | None, raw: str,
             unread: list[tuple[str, str]] | None) -> dt.date | None:
    """The date, or None; a year, month and day that make no day of the
    calendar (2月30日, 2021年2月29日) are noted in unread when asked for."""
    date = safe_date(year, month, day)
    if date is None and unread is not None and year and month and day:
        unread.append((raw, NO_DAY))
    return date


def blank_dates(text: str) -> list[str]:
    """Each date in (NFKC) text a template leaves blank."""
    return [match.group(0).strip() for match in BLANK_DATE.finditer(text)
            if any(is_hole(match[part]) for part in ("year", "month", "day"))]


def is_hole(part: str | None) -> bool:
    """No number stands there, or a 〇 that holds its place (令和〇年〇月〇日)."""
    return part is None or not number(part)


def period_end(text: str, start, start_date: dt.date,
               unread: list[tuple[str, str]] | None = None) -> tuple[int, dt.date, str] | None:
    """(where, date, text) of a period's end written without its era right
    after the start's match, or None. Not before the start: that is no end."""
    match = PERIOD_END.match(text, start.end())
    era = start.groupdict().get("era")
    if not match or match["year"] and not era:  # after 2020年…, 2025年3月31日 is a date of its own
        return None
    year = number(match["year"]) if match["year"] else None
    if year and year > 99:  # 令和2年4月1日〜2025年3月31日: a western year, a date of its own
        return None
    month = number(match["month"]) if match["month"] else start_date.month
    day = number(match["day"])
    if year and not match["end"].startswith("同"):
        date = end_in_era(era, year, month, day, start_date)
    elif year:
        date = safe_date(western_year(era, year), month, day)
    elif match["month"] and "同" not in match["end"]:  # …10月1日から3月31日まで: no 同年 holds it to the year
        date = year_less_end(start_date, month, day)
    else:
        date = safe_date(start_date.year, month, day)
    if date is None and unread is not None and month and day:
        unread.append((match["end"], NO_DAY))
    return (match.start("end"), date, match["end"]) if date and date >= start_date else None


def abbreviated_period_end(text: str, start, start_date: dt.date,
                           unread: list[tuple[str, str]] | None = None) -> tuple[int, dt.date, str] | None:
    """(where, date, text) of the end of an abbreviated period written
    without its era right after the start's match (R2.4.1～7.3.31), or
    without its year too (R2.4.1～9.30, 2020/4/1～9/30), or None. Not before
    the start: that is no end. An end that is no day of the calendar
    (R2.4.1～2.13.31) is noted in unread: the period says a date stands there."""
    match = ABBREVIATED_END.match(text, start.end())
    if not match:
        return None
    era = start.groupdict().get("era")
    if match["year"] and not era:  # 2020/4/1-20/3/31 is no period of one calendar
        return None
    month, day = int(match["month"]), int(match["day"])
    if match["year"]:
        date = end_in_era(era, kanji_to_int(match["year"]), month, day, start_date)
    else:  # not the next year's, as a 3月31日 may be: R2.4.1から1.5倍 is no period
        date = safe_date(start_date.year, month, day)
    if date is None and unread is not None:
        unread.append((match["end"], NO_DAY))
    return (match.start("end"), date, match["end"]) if date and date >= start_date else None


def year_less_end(start_date: dt.date, month: int, day: int) -> dt.date | None:
    """The end of a period written without its year (…から9月30日まで): in
    the start's year, or in the next when that day has passed by the start
    (令和2年10月1日から3月31日まで: a period running over the new year, as
    fiscal periods do). None when no day of the calendar."""
    date = safe_date(start_date.year, month, day)
    if date is not None and date < start_date:
        return safe_date(start_date.year + 1, month, day)
    return date


# The era after each: an end written without its era after a start in an
# era's last year may be in the next (平成31年4月1日から元年9月30日まで).
NEXT_ERA = dict(zip(ERAS, list(ERAS)[1:]))


def end_in_era(era: str, year: int, month: int, day: int, start_date: dt.date) -> dt.date | None:
    """The end of a period written without its era: in the start's era; or,
    when that falls before the start, in the era that began between the
    two (H31.4.1～元.9.30: 元年 after 平成31年 is 令和元年), if the start
    lies in the year before that era or later (a draft could not name the
    era to come any earlier). None when no day of the calendar."""
    own = ERA_INITIALS[without_blanks(era).replace(".", "").upper()]
    date = safe_date(ERAS[own].year - 1 + year, month, day)
    following = NEXT_ERA.get(own)
    if date is not None and date >= start_date or following is None:
        return date
    first_day = ERAS[following]
    later = safe_date(first_day.year - 1 + year, month, day)
    if later and later >= first_day and later >= start_date and start_date.year >= first_day.year - 1:
        return later
    return date


def western_year(era: str, year: int | None) -> int | None:
    """The western year of an era's year: 令和, 令 和, 令, R and R. all count from 2019."""
    return ERAS[ERA_INITIALS[without_blanks(era).replace(".", "").upper()]].year - 1 + year if year else None


def number(written: str) -> int | None:
    return kanji_to_int(without_blanks(written))


def without_blanks(text: str) -> str:
    """令 和 -> 令和: str.split's blanks are regex's \\s, without a pattern lookup per call."""
    return "".join(text.split())


def safe_date(year: int | None, month: int | None, day: int | None) -> dt.date | None:
    if not year or not month or not day:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def extract_dates(segments: list[Segment]) -> list[DateValue]:
    return read_dates(segments)[0]


def read_dates(segments: list[Segment]) -> tuple[list[DateValue], list[str]]:
    """All dates; the one in the best signing position (see signing_rank)
    is `signed`, every other one `referenced`. And a warning for each date
    not read: no day of the calendar, or left blank in the agreement's own
    text; where the best placed is one of them, none is signed."""
    found = []
    keyed_blanks = set()  # (line_no, raw) of blanks a 締結日 key names the signing date
    for seg in segments:
        previous = None  # the segment's last date so far, that a 同日 further down may stand for
        keyed = False  # a heading since that date: only the line under it may still repeat it
        above = ""
        for line, notice_date in with_notice_dates_marked(with_broken_dates_joined(seg.lines)):
            unread: list[tuple[str, str]] = []
            dates = find_dates(line.text, unread, previous)
            found += [(seg.kind, line, date, raw, notice_date, "") for date, raw in dates]
            for raw, why in unread:
                if why == LEFT_BLANK and labelled_as_signing(raw, line.text, above):
                    keyed_blanks.add((line.no, raw))  # 締結日 令和　年　月　日 in a summary: still to be set
                elif why == LEFT_BLANK and seg.kind not in OWN_TEXT_KINDS:
                    continue
                found.append((seg.kind, line, None, raw, notice_date, why))
            above = line.text
            if dates:
                previous, keyed = dates[-1][0], False
                if names_a_day(line.text[line.text.rfind(dates[-1][1]) + len(dates[-1][1]):]):
                    previous = None  # …から施行し、期間が満了する日の / 同日の翌日: that day, no date
            elif previous and (keyed or names_a_day(line.text)):
                previous = None
            elif previous and is_heading(line.text):
                keyed = True  # the line under it may still say 同日
    # 同日 repeats a date the text gives before it: that one signs, if any.
    ranks = [None if notice_date or raw[0] == "同" and SAME_DAY.fullmatch(raw) else signing_rank(kind, raw, line.text)
             for kind, line, _, raw, notice_date, _ in found]
    # Parties dating their own blocks (甲 令和2年3月26日 … 乙 令和2年3月27日)
    # conclude it when the last signs: among dates in the blocks, the latest.
    # A block left undated has not signed yet: it is later than any.
    signed = min((i for i, rank in enumerate(ranks) if rank is not None), default=None,
                 key=lambda i: (ranks[i], signing_order(found[i][0], found[i][2])))
    values = [DateValue(iso=date, raw=as_written(raw), kind="signed" if i == signed else "referenced",
                        line_no=line.no)
              for i, (_, line, date, raw, _, _) in enumerate(found) if date]
    warnings = [unread_warning(line.no, raw, why, i == signed or (line.no, raw) in keyed_blanks)
                for i, (_, line, date, raw, _, why) in enumerate(found) if not date]
    warnings += [warning for _, line, date, raw, _, _ in found if date and "(" in line.text
                 for warning in [weekday_warning(line, date, raw)] if warning]
    return sorted(values, key=lambda v: v.line_no), warnings  # a line's dates as they stand (start, then end)


def as_written(raw: str) -> str:
    """A date's text without the blanks a layout puts in it (令　和　２年 ->
    令和2年, 令和元年 12 月 25 日 -> 令和元年12月25日): no date means anything by them."""
    return without_blanks(raw) if " " in raw or "\u3000" in raw or "\t" in raw else raw


def names_a_day(text: str) -> bool:
    """A line naming a day in words (…満了する日の…): a 同日 below repeats that day."""
    return "日" in text and bool(DAY_IN_WORDS.search(text))


def is_heading(text: str) -> bool:
    """A heading over what follows (附則, 2 施行日, (経過措置)): short, no sentence."""
    stripped = text.strip()
    return len(stripped) <= 30 and "。" not in stripped and "、" not in stripped and bool(
        SECTION_HEADING.match(stripped))


def signing_order(kind: Kind, date: dt.date | None) -> int:
    """Among dates in the blocks, the latest first, and one not read (left
    blank: not signed yet) before any; elsewhere all alike."""
    if kind is not Kind.SIGNATORY:
        return 0
    return -date.toordinal() if date else -dt.date.max.toordinal() - 1


def weekday_warning(line: Line, date: dt.date, raw: str) -> str:
    """A warning if the weekday in brackets right after the date on its line
    (…27日(木)) is not the date's, else ""."""
    at = line.text.find(raw)
    match = WEEKDAY_AFTER.match(line.text, at + len(raw)) if at >= 0 else None
    if not match or WEEKDAYS.index(match["weekday"]) == date.weekday():
        return ""
    return f"line {line.no}: the weekday ({match['weekday']}) is not that of {as_written(raw)} ({WEEKDAYS[date.weekday()]})"


def unread_warning(line_no: int, raw: str, why: str, signing: bool) -> str:
    if why == LEFT_BLANK:
        shown = " ".join(raw.split())  # a template's run of blanks as one: there a number is still to come
        return f"line {line_no}: {'the signing date' if signing else 'a date'} is left blank ({shown})"
    return f"line {line_no}: {'the signing date ' if signing else ''}{as_written(raw)} is {why}"


def with_notice_dates_marked(lines: list[Line]) -> list[tuple[Line, bool]]:
    """Each line, and whether it is the date under a gazette notice's
    sentence (…次のとおり告示する。 / 令和2年4月1日): the day the notice was
    published, after the agreement was signed."""
    # asked of every line: the pattern's closing する。 is looked for before the regex
    return [(line, n > 0 and "する。" in lines[n - 1].text and bool(NOTICE_SENTENCE_END.search(lines[n - 1].text)))
            for n, line in enumerate(lines)]


def with_broken_dates_joined(lines: tuple[Line, ...]) -> list[Line]:
    """The lines, a date broken after its year (令和2年 / 3月27日) joined into
    one line numbered as its first."""
    joined, i = [], 0
    while i < len(lines):
        if date_lines_at(lines, i) == 2:
            joined.append(dataclasses.replace(lines[i], text=lines[i].text + lines[i + 1].text))
            i += 2
        else:
            joined.append(lines[i])
            i += 1
    return joined


def signing_rank(kind: Kind, raw: str, line: str) -> int | None:
    """How telling the date's place is of signing, lowest first: a line of
    its own after the closing formula, in the signature blocks, in the
    closing; the date the closing formula itself gives (…を証するため、
    令和2年3月27日、本書2通を…); the date a notice on the cover says the
    agreement was concluded on (…を令和2年3月27日に締結したので、…告示する。),
    or the title's closing bracket (…連携協約(令和2年3月27日締結));
    a date alone on the cover is the last resort. None where a signing date
    does not stand."""
    if kind is Kind.TITLE:
        return 4 if dates_the_title(raw, line) else None
    if kind not in SIGNING_KINDS:
        return None
    if kind is not Kind.COVER and stands_alone(raw, line):
        return SIGNING_KINDS.index(kind)
    if kind is Kind.SIGNATORY and closes_line(raw, line):
        return SIGNING_KINDS.index(kind)  # 三原市長 岡田 吉弘 R2.3.27: dated where the signer signed
    if kind is Kind.CLOSING and given_by_closing_formula(raw, line):
        return 3
    if kind is Kind.COVER and line.find(raw) >= 0 and CONCLUDED_ON.match(line, line.find(raw) + len(raw)):
        return 4
    if kind is Kind.COVER and stands_alone(raw, line):
        return 5
    return None


# The bracket closing a title with the day it was concluded: (令和2年3月27日締結), (…付け).
TITLE_DATED = regex.compile(r"\(\s*$")
CONCLUDED_AFTER = regex.compile(rf"{WEEKDAY}?\s*(?:付\s*け?|{SIGNING_VERB})\s*\)\s*$")


def dates_the_title(raw: str, line: str) -> bool:
    """The date in brackets ends the title with the act (…連携協約(令和2年3月27日締結)),
    not naming an agreement the title amends (…(令和2年3月27日締結)の一部を変更する協約)."""
    at = line.rfind(raw)
    return at >= 0 and bool(TITLE_DATED.search(line, 0, at)) and bool(CONCLUDED_AFTER.match(line, at + len(raw)))


def given_by_closing_formula(raw: str, line: str) -> bool:
    """The date is the formula's own (…証するため、令和2年3月27日、本書…; or
    alone after it: …保有する。令和2年3月27日), not one it names (…協約
    (令和2年3月27日締結)の一部を変更する協約の締結を証するため) or a 附則
    sentence the closing holds (…令和2年4月1日から効力を生ずる。)."""
    sentences = SENTENCE.findall(line)
    for n, sentence in enumerate(sentences):
        at = sentence.find(raw)
        if at < 0:
            continue
        if CLOSING_MARKS.search(sentence):
            return bool(AT_SIGNING.match(sentence, at + len(raw)))
        return n > 0 and bool(CLOSING_MARKS.search(sentences[n - 1])) and stands_alone(raw, sentence)
    return False


def stands_alone(raw: str, line: str) -> bool:
    """The date is all its line holds, but for its weekday, its seal and
    what names it the signing date."""
    line = line.strip()
    line = line[BEFORE_DATE.match(line).end():]
    return line.startswith(raw.strip()) and bool(AFTER_DATE.fullmatch(line[len(raw.strip()):]))


def closes_line(raw: str, line: str) -> bool:
    """The date ends its line, but for its weekday, brackets and the seal
    (岡田 吉弘 令和2年3月27日 印)."""
    at = line.rfind(raw)
    return at >= 0 and bool(AFTER_DATE.fullmatch(line, at + len(raw)))


def without_closing_date(text: str) -> str:
    """text without the date that ends it (三原市長 岡田 吉弘 R2.3.27 ->
    三原市長 岡田 吉弘): a signer may date the line they sign on."""
    unread: list[tuple[str, str]] = []
    raws = [raw for _, raw in find_dates(text, unread)] + [raw for raw, _ in unread]
    last = max(raws, key=text.rfind, default="")  # a date left blank (令和　年　月　日) too
    if not last or not closes_line(last, text):
        return text
    return text[:text.rfind(last)].rstrip(" (")


# 締結日:令和2年3月26日, 締結日<TAB>令和2年3月26日, or 2 締結日 over the date:
# a summary's label for the day the agreement it sums up was signed.
SIGNING_LABEL_BEFORE = regex.compile(r"(?:締\s*結|調\s*印|署\s*名)\s*(?:年\s*月\s*)?日\s*[::】\])]?\s*$")


def labelled_signing(segments: list[Segment]) -> tuple[int, str] | None:
    """(line_no, raw) of the first date labelled as the signing date: the
    label ends the text before it on its line, or the line above."""
    return labelled_date(segments, SIGNING_LABEL_BEFORE)


def labelled_date(segments: list[Segment], label: regex.Pattern) -> tuple[int, str] | None:
    """(line_no, raw) of the first date the label names (see labelled_signing)."""
    for seg in segments:
        for n, line in enumerate(seg.lines):
            for _, raw in find_dates(line.text) if "日" in line.text else ():
                if labelled_as_signing(raw, line.text, seg.lines[n - 1].text if n else "", label):
                    return line.no, as_written(raw)
    return None


def labelled_as_signing(raw: str, text: str, above: str, label: regex.Pattern = SIGNING_LABEL_BEFORE) -> bool:
    """A 締結日 key (or the label given) ends the text before the date on its line, or the line above."""
    before = text[:text.find(raw)]
    if not before.strip():
        before = above
    return bool(label.search(before))


# 記者発表: …連携協約の締結式を行います / 1 日時 令和2年2月10日(月)午前10時から:
# a press release announcing the ceremony where the agreement is signed
# gives the day under a key of when it takes place (日時, 開催日時, とき),
# perhaps numbered (1 日時, which NFKC may glue: 1日 時).
CEREMONY = regex.compile(r"(?:締\s*結|調\s*印|署\s*名)\s*式")
WHEN_KEY = regex.compile(r"(?:^|[\s\d■□●○◆◇・.)】])(?:開催|締結式の?|調印式の?)?(?:日\s*時|日\s*程|と\s*き)\s*[::】\])]?\s*$")


def ceremony_signing(segments: list[Segment]) -> tuple[int, str] | None:
    """(line_no, raw) of the date a text announcing a signing ceremony gives
    it: under a 日時 key with the ceremony named before it or among the keys
    after it (日時:… / 場所:… / 内容:連携協約締結式), or in the sentence
    naming it (令和2年2月10日に締結式を行います)."""
    lines = [line for seg in segments for line in seg.lines]
    named = False
    for n, line in enumerate(lines):
        found = find_dates(line.text) if "日" in line.text else []
        named = named or bool(CEREMONY.search(line.text))
        for date_at, raw in ((line.text.find(raw), raw) for _, raw in found):
            before = line.text[:date_at]
            if not before.strip() and n:
                before = lines[n - 1].text
            keyed = WHEN_KEY.search(before)
            if keyed and (named or names_ceremony_below(lines[n + 1:])) \
                    or names_ceremony_after(line.text, date_at + len(raw)):
                return line.no, as_written(raw)
    return None


def names_ceremony_below(lines: list[Line]) -> bool:
    """One of the few lines after a 日時 key's (its 場所, 内容 …) names the
    ceremony, before any line giving another date."""
    for line in lines[:4]:
        if CEREMONY.search(line.text):
            return True
        if DATE_HINT.search(line.text) and find_dates(line.text):
            return False
    return False


# 締結予定日:令和3年2月3日, 調印日(予定):…: a day the signing is set for.
PLANNED_LABEL_BEFORE = regex.compile(r"(?:締\s*結|調\s*印|署\s*名)\s*(?:式\s*)?(?:予\s*定\s*日|日\s*\(\s*予\s*定\s*\))"
                                     r"\s*[::】\])]?\s*$")
# A text reporting the signing done (締結しました, 締結式を行いました, 締結式が
# 行われました); one that announces it (締結します, 締結する予定です,
# 締結式を行います, or a 日時 under 締結式 alone) speaks of a day to come.
SIGNED_ALREADY = regex.compile(r"(?:締\s*結|調\s*印|署\s*名)[^。、]{0,12}?(?:(?:いた)?しました|(?:行|執り行)(?:いました|われました)"
                               r"|開催(?:しました|されました))")


def signed_today(segments: list[Segment]) -> tuple[int, str] | None:
    """(line_no, raw) of the date a release is dated, when it reports the
    signing done 本日 (本日、…連携協約を締結しました): the last date above
    that sentence, the one heading the release."""
    dated = None
    for line in (line for seg in segments for line in seg.lines):
        for sentence in line.text.split("。") if "本日" in line.text and "ました" in line.text else ():
            today = sentence.find("本日")
            if today >= 0 and SIGNED_ALREADY.search(sentence, today):
                return dated
        found = find_dates(line.text) if "日" in line.text else []
        dated = (line.no, as_written(found[-1][1])) if found else dated
    return None


def planned_signing(segments: list[Segment]) -> tuple[int, str] | None:
    """(line_no, raw) of the day a text says the agreement is to be signed
    on: labelled 締結予定日, the ceremony it announces when it does not
    report the signing done, or a date its sentence says it will be signed
    on (令和3年2月3日に連携協約を締結する予定です)."""
    labelled = labelled_date(segments, PLANNED_LABEL_BEFORE)
    if labelled:
        return labelled
    ceremony = ceremony_signing(segments)
    if ceremony and not any(SIGNED_ALREADY.search(line.text) for seg in segments for line in seg.lines
                            if "ました" in line.text):
        return ceremony
    return signing_to_come(segments)


# 令和3年2月3日に(、両市は)連携協約を締結する予定です / …締結します: the
# clause the date opens says the signing is to come (reported_signing reads
# one reporting it done). Not …に締結した連携協約の… (a date naming an agreement).
SIGNING_TO_COME = regex.compile(
    rf"{WEEKDAY}?\s*(?:に|付けで|付で|をもって)\s*[、,]?[^。、,]{{0,60}}?(?:締\s*結|調\s*印)"
    r"(?:(?:いた)?します|する予定|を予定)")


def signing_to_come(segments: list[Segment]) -> tuple[int, str] | None:
    """(line_no, raw) of the first date whose clause says the agreement is
    to be signed on it."""
    return date_opening(segments, SIGNING_TO_COME, ("締", "調"))


def date_opening(segments: list[Segment], clause: regex.Pattern, words: tuple[str, ...]) -> tuple[int, str] | None:
    """(line_no, raw) of the first date that `clause` goes on from, on a
    line holding one of `words` (which every such clause has: most lines
    are passed over before their dates are read)."""
    for line in (line for seg in segments for line in seg.lines):
        if not any(word in line.text for word in words):
            continue
        for _, raw in find_dates(line.text):
            at = line.text.find(raw)
            if at >= 0 and clause.match(line.text, at + len(raw)):
                return line.no, as_written(raw)
    return None


# 福山市と三原市は、令和2年3月27日(金)に、…連携協約を締結しました。: a
# release reporting (or announcing) the day the agreement is concluded, in
# the sentence's own verb (not …に締結した連携協約に基づき, naming it), in
# one clause (…20日に中心市宣言を行い、…と協定を締結しました: the day of another act).
REPORTED_CONCLUDED = regex.compile(
    rf"{WEEKDAY}?\s*(?:に|付けで|付で|をもって)\s*[、,]?[^。、,]{{0,60}}?協[約定](?:書)?\s*[をが]\s*"
    rf"締結(?:しました|した|します|いたしました|いたします|されました|された)\s*。")


def reported_signing(segments: list[Segment]) -> tuple[int, str] | None:
    """(line_no, raw) of the date a release says the agreement was (or is
    to be) concluded on, in the sentence saying so."""
    return date_opening(segments, REPORTED_CONCLUDED, ("締結",))


def names_ceremony_after(text: str, end: int) -> bool:
    """The sentence the date ends in names the ceremony, no other date between."""
    rest = text[end:].split("。")[0]
    ceremony = CEREMONY.search(rest)
    return bool(ceremony) and not DATE_HINT.search(rest[:ceremony.start()])


def signing_date(values: list[DateValue]) -> dt.date | None:
    return next((v.iso for v in values if v.kind == "signed"), None)
