"""segment: list[Line] -> list[Segment], and the document's type.

An agreement reads, in order: cover (optional) -> title -> preamble ->
(caption, 第N条 article)* -> closing formula -> signing date -> signatory
blocks -> 別表. Overviews (概要, slides) have a title, free text, perhaps a
two-column measure table and quoted law. The segmenter only decides which
line belongs to which part; reading values is left to the extractors.
"""
from __future__ import annotations

from dataclasses import replace

import regex

from pipeline.gazetteer import gazetteer
from pipeline.model import CELL_SEP, Kind, Line, Segment
from pipeline.numerals import (ALSO_ERA, ALSO_WESTERN, ARTICLE_NUMBER, ERA, ERA_NAMES, NUMBER,
                               SEAL_MARK, SIGNING_ACT, SIGNING_LABEL, WEEKDAY, WESTERN_YEAR, parse_article_number)

ROLE_CHARS = "甲乙丙丁戊己庚辛壬癸"
# The lines a 例規集 page prints under a title: its number (協約第1号,
# 告示第127号, (平成30年3月30日協約第1号)) and its history (改正 令和2年…,
# 令和2年3月31日一部変更). Not a title, though 協約 may stand in one.
ENACTMENT_DATE = rf"{ERA_NAMES}\s*{NUMBER}\s*年\s*{NUMBER}\s*月\s*{NUMBER}\s*日"
ENACTMENT_LINE = regex.compile(
    rf"^\(?\s*(?:(?:最終)?改正\s*[::]?\s*)?(?:{ENACTMENT_DATE}\s*)?[^\s()]{{0,8}}第\s*{NUMBER}\s*号\s*\)?$"
    rf"|^\(?\s*(?:最終)?改正(?:\s|[::]|{ERA_NAMES})"
    rf"|^\(?\s*{ENACTMENT_DATE}\s*(?:一部)?(?:変更|改正)\s*\)?$")
# Not a line that a wrapped sentence opens with a citation of law or article
# (…地方自治法 / 第二百五十二条の二第一項の規定に基づき): a body never
# starts with a paragraph number or with の規定 / に基づき.
# A label a particle follows (第3条に掲げる…, 第1条で定める…) is cited, and so
# is one a part of it, a conjunction or a bracket naming its parts follows
# (第2条各号, 第3条ただし書, 第4条本文, 第5条又は第6条, 第3条(第2項を除く。)),
# and so is a range (第5条から第7条までの規定…) unless deleted: 第5条から第7条まで 削除.
CITED_ARTICLE = regex.compile(
    rf"\s*(?:第\s*{NUMBER}\s*[項号]|の規定|に規定|に基づ|によ|を準用|中\s*「|を次のように|を削る|の次に"
    rf"|各[項号]|ただし書|本文|前段|後段|又は|若しくは|\(\s*第"
    rf"|[のにでをがはとへも]"
    rf"|(?>(?:から|ないし)\s*第\s*{NUMBER}\s*条(?:\s*の\s*{NUMBER})?\s*(?:まで)?\s*)(?!削除|$))")
# 第3条及び第4条 削除 / 第3条、第5条 削除: the articles an amendment deleted, listed.
DELETED_LIST = rf"(?:\s*(?:及び|、)\s*{ARTICLE_NUMBER.pattern})+\s*削除"
ARTICLE_LINE = regex.compile(rf"^(?>{ARTICLE_NUMBER.pattern})(?!{CITED_ARTICLE.pattern})"
                             rf"(?:\s+|$|(?=[^\s関及並、,])|(?={DELETED_LIST}))")
# (目的), 【目的】 or 「目的」 alone on its line
# ... or in the brackets word processors and web pages also set captions in
# ([目的], <目的>, 〈目的〉, 《目的》, 『目的』), or after a mark (■目的, ◆ 目的).
CAPTION_LINE = regex.compile(r"^\(([^()]{1,40})\)$|^【([^【】]{1,40})】$|^「([^「」]{1,40})」$"
                             r"|^\[([^\[\]]{1,40})\]$|^[<〈《]([^<>〈〉《》]{1,40})[>〉》]$|^『([^『』]{1,40})』$"
                             r"|^[■□◆◇]\s*([\p{Han}\p{Hiragana}\p{Katakana}ー・]{2,25})$")
# A caption one of whose brackets OCR lost ((定期的な協議): a caption only
# where the next line opens an article.
OPEN_CAPTION_LINE = regex.compile(r"^\(([^()。]{1,40})$|^([^()。]{1,40})\)$")
# A caption printed without brackets on the line above its article (目的 /
# 第一条 この協約は…), as some agreements and copies that lost the brackets
# print it: a few words, without punctuation, digits or spaces.
BARE_CAPTION_LINE = regex.compile(r"^[\p{Han}\p{Hiragana}\p{Katakana}ー・]{2,25}$")
# 別表, and 別紙 / 別記 as some agreements call it
APPENDIX_WORDS = ("別表", "別紙", "別記")
# ... also when OCR lost the parenthesis before 第N条関係: 別表第3条関係)
APPENDIX_START = regex.compile(r"^\(?別[表紙記](?:(?:第?\s*[0-9一二三四五六七八九十]+)?(?:\s|\(|\)|$)"
                               r"|第\s*[0-9一二三四五六七八九十]+\s*条(?:の\s*[0-9一二三四五六七八九十]+)?\s*関係)")
# 【別表】, ■別表, [別表第1], <別表>, 別 表 (letter-spaced): a heading set off
# by a mark or brackets, or spaced out, as word processors and web pages print it;
# without them it is a heading APPENDIX_START reads.
HEADING_MARKS = regex.compile(r"^(?:[【\[<〈《〔](?=.*[】\]>〉》〕]$)|[■□◆◇●])\s*"
                              r"|\s*[】\]>〉》〕]$")
SPACED_APPENDIX_WORD = regex.compile(r"^別\s+(?=[表紙記])")


def plain_appendix_heading(text: str) -> str:
    """The text without the marks or spacing a 別表 heading may carry
    (【別表第1】 -> 別表第1, 別 表 -> 別表); other text as it is."""
    if text[:1] in "【[<〈《〔■□◆◇●":
        text = HEADING_MARKS.sub("", text)
    return SPACED_APPENDIX_WORD.sub("別", text) if text.startswith("別 ") else text


def is_appendix_start(text: str) -> bool:
    """別表 / 別表第1(第3条関係) …, also set off by marks or spaced out."""
    return "別" in text and bool(APPENDIX_START.match(plain_appendix_heading(text)))


def as_plain_heading(line: Line) -> Line:
    """The 別表 heading as the 別表's reader expects it: without its marks."""
    text = plain_appendix_heading(line.text)
    return line if text == line.text or not APPENDIX_START.match(text) else replace(line, text=text)


TITLE_WORDS = regex.compile(r"協約|協定|覚書|協議書|規約|概要|合意書")
AGREEMENT_WORDS = regex.compile(r"協約|協定|覚書|協議書|合意書")
OVERVIEW_WORDS = regex.compile(r"概要|資料|説明|について|ポイント")
PREAMBLE_MARKS = regex.compile(r"以下「[^」]+」という|次のとおり|締結する|締結します")
CLOSING_MARKS = regex.compile(r"証するため|記名押印|署名押印|各自.{0,6}保有|各\d通を保有|通を作成")
# A date alone on its line, or with what names it the signing date (締結日:),
# perhaps in brackets. Town forms print it abbreviated too, under the blocks:
# R2.3.27, (R2.3.27), R.2.3.27, 令2.3.27, 2020/3/27, 2020-03-27.
DOTTED_DATE = (rf"(?:{ERA}|[明大昭平令])\s*(?:\d{{1,2}}|元)\s*[./]\s*\d{{1,2}}\s*[./]\s*\d{{1,2}}"
               r"|(?:18|19|20)\d{2}\s*[./]\s*\d{1,2}\s*[./]\s*\d{1,2}|(?:18|19|20)\d{2}-\d{1,2}-\d{1,2}")
DATE_TEXT = (rf"(?:{SIGNING_LABEL})?(?:{ERA}\s*{NUMBER}?\s*{ALSO_WESTERN}年\s*{ALSO_WESTERN}{NUMBER}?\s*月\s*{NUMBER}?\s*日"
             rf"|{WESTERN_YEAR}\s*{ALSO_ERA}年\s*{ALSO_ERA}{NUMBER}\s*月\s*{NUMBER}\s*日|{DOTTED_DATE}){WEEKDAY}?{SIGNING_ACT}?")
ERA_DATE_LINE = regex.compile(rf"^\(?\s*{DATE_TEXT}\s*\)?{SEAL_MARK}?$")
# The date printed on the first block's line, left of it (令和2年3月27日 甲 広島県…).
DATE_BEFORE_BLOCK = regex.compile(rf"^{DATE_TEXT}(?=\s+\S)")
# A date a right-aligned block too narrow for it breaks after its year or
# month (令和2年 / 3月27日, 令和2年3月 / 27日): two lines that are one date
# line when joined.
YEAR_LINE = regex.compile(rf"^\(?\s*(?:{SIGNING_LABEL})?(?:{ERA}\s*{NUMBER}?\s*{ALSO_WESTERN}|{WESTERN_YEAR}\s*{ALSO_ERA})年"
                          rf"(?:\s*{NUMBER}?\s*月)?$")
MONTH_DAY_LINE = regex.compile(rf"^(?:{NUMBER}?\s*月\s*)?{NUMBER}?\s*日{WEEKDAY}?{SIGNING_ACT}?\s*\)?{SEAL_MARK}?$")
# 甲 山口市…, (甲) 山口市…, 甲:…; not 甲及び乙は… (a sentence about the parties).
# Ten towns defined one by one as 乙1 … 乙10 sign under those marks: the
# number tells the blocks apart, the role is 乙's.
ROLE_NUMBER = r"(?:\d{1,2})?"
ROLE_LINE = regex.compile(rf"^\(?([{ROLE_CHARS}]){ROLE_NUMBER}\)?(?:\s*[::]\s*|\s+|(?=\p{{Han}}))"
                          rf"(?![及並とはがの{ROLE_CHARS}、])")
# A mark and its separator alone, for a line whose place starts with a role
# character (甲 甲府市…), which ROLE_LINE takes for a sentence (甲乙協議).
SEPARATED_ROLE = regex.compile(rf"^\(?([{ROLE_CHARS}]){ROLE_NUMBER}\)?(?:\s*[::]\s*|\s+)")


# A 一部事務組合 or 広域連合 whose name opens with a role character (甲奴郡衛生施設組合,
# 乙訓環境衛生組合): the body's name, as a whole word, opening the text.
BODY_NAME_START = regex.compile(r"^\S+?(?:組合|広域連合)")


def role_mark(text: str):
    """The role mark opening a signature line (a ROLE_LINE match), or None.
    Places and bodies named with a role character are told apart by the
    gazetteer and their suffix: 甲府市長 and 甲奴郡衛生施設組合 have no
    mark, 甲 甲府市… and 乙 乙訓環境衛生組合管理者… have one."""
    match = ROLE_LINE.match(text)
    if match and match.end() == 1 and names_place_or_body(text):
        return None
    separated = SEPARATED_ROLE.match(text) if match is None else None
    if separated and names_place_or_body(text[separated.end():]):
        return separated
    return match


def names_place_or_body(text: str) -> bool:
    return gazetteer().starts_with_name(text) or ("組合" in text or "広域連合" in text) and bool(
        BODY_NAME_START.match(text))




QUOTE_START = regex.compile(r"抜粋|^【\s*[^】]*法\s*】|^\(参考\)|^参考[::]")
# Items nested in an article: (1) / 1. / 1) / 一 / a / a) / (a) / ア / ア) / i — kept inside the article
# (1. as a browser numbers the items of an HTML <ol>, and as typed lists are numbered,
# with or without a space: 2.前項の…; not 1.5倍 or 2.3.27).
ITEM_LINE = regex.compile(r"^(?:\(\s*[0-9a-zア-ン一二三四五六七八九十]+\s*\)|\d{1,2}\.(?![\d.,])|[a-z]\s|[ivx]+\s"
                          r"|(?:\d{1,2}|[a-zア-ン])\)"
                          r"|[ア-ン]\s|[一二三四五六七八九十]+\s)")
# 2 前項の… / ②前項の… / ❷前項の… (② and ❷ are "2" after normalize); not 2通, 2月, 2番
PARAGRAPH_NUMBER = regex.compile(r"^(\d{1,2})(?:\s+|(?=[^\d\s.,、)年月日条号番通]))")
# 甲: … / 乙の役割: … under a 役割分担 item of an article: the article goes on.
ROLE_ITEM = regex.compile(rf"^[{ROLE_CHARS}](?:の役割(?:分担)?)?\s*[::]")
TABLE_HEADER_WORDS = regex.compile(r"施策|取組|事業|項目|内容|役割")
SENTENCE_END = regex.compile(r"[。)」]$")


def segment(lines: list[Line]) -> list[Segment]:
    lines = with_captions_apart(with_inline_supplementary_split(lines))
    toc_start, toc_end = find_table_of_contents(lines)
    if toc_end > toc_start:  # its 第N条 / 別表 entries would open the articles and the 別表
        rest = segment(lines[:toc_start] + lines[toc_end:])
        toc = Segment(Kind.COVER, tuple(lines[toc_start:toc_end]))
        at = next((n for n, s in enumerate(rest) if s.lines and s.lines[0].no > lines[toc_start].no), len(rest))
        return rest[:at] + [toc] + rest[at:]
    table_start, table_end = find_comparison_table(lines)
    if table_end > table_start:  # its 別表 and 第N条 cells quote the agreement it amends
        rest = segment(lines[:table_start] + lines[table_end:])
        table = Segment(Kind.OTHER, tuple(lines[table_start:table_end]), label=COMPARISON_TABLE)
        at = next((n for n, s in enumerate(rest) if s.lines and s.lines[0].no > lines[table_start].no), len(rest))
        return rest[:at] + [table] + rest[at:]
    appendix_at = find_appendix_start(lines)
    next_at = next_agreement_start(lines, appendix_at)
    tail_at = find_appendix_end(lines[:next_at], appendix_at)
    contact_at = page_contact_start(lines, appendix_at, tail_at)
    body, appendix, contact, tail, rest = (lines[:appendix_at], lines[appendix_at:contact_at], lines[contact_at:tail_at],
                                           lines[tail_at:next_at], lines[next_at:])
    segments = segment_body(body + tail)
    if appendix:
        appendix = [without_instruction_number(line) for line in (as_plain_heading(appendix[0]), *appendix[1:])]
        at = next((n for n, s in enumerate(segments) if tail and s.lines and s.lines[-1].no >= tail[0].no),
                  len(segments))
        segments[at:at] = [Segment(Kind.APPENDIX, tuple(appendix))] + ([Segment(Kind.OTHER, tuple(contact))]
                                                                       if contact else [])
    if rest:  # a file of several agreements (one city's with each partner): the first is read
        segments.append(Segment(Kind.OTHER, tuple(rest), label=ANOTHER_AGREEMENT))
    return segments


ANOTHER_AGREEMENT = "another agreement"
DEFINED_PARTY = regex.compile(rf"以下\s*「\s*[{ROLE_CHARS}]{ROLE_NUMBER}\s*」\s*という")
HEAD_REACH = 6  # lines before a preamble that may be the next agreement's cover and title
ARTICLE_REACH = 12  # lines after it within which its 第1条 stands


def next_agreement_start(lines: list[Line], appendix_at: int) -> int:
    """Where a second agreement begins after this one's 別表: a preamble
    defining 甲/乙 with a 第1条 close below it, from its title on."""
    for i in range(appendix_at + 1, len(lines)):
        if lines[i].is_row or not DEFINED_PARTY.search(lines[i].text):
            continue
        if any(ARTICLE_LINE.match(ln.text) for ln in lines[i + 1:i + 1 + ARTICLE_REACH]):
            start = i
            while start > max(appendix_at + 1, i - HEAD_REACH) and is_heading_like(lines[start - 1]):
                start -= 1
            return start
    return len(lines)


COMPARISON_TABLE = "comparison table"
# The header of a 新旧対照表, as an amending agreement prints the articles and
# 別表 rows it changes: 改正後 | 改正前 (or 新 | 旧, 変更後 | 変更前, 改正案 | 現行,
# 新(改正後) | 旧(改正前), 変更後の協約 | 変更前の協約, either way round, perhaps
# with a 備考), its cells apart and letter-spaced or not.
NEW_WORD = r"(?:改正|変更|改定)(?:後|案)|新"
OLD_WORD = r"(?:改正|変更|改定)前|旧|現行"
WHAT_CHANGES = r"(?:の(?:連携)?(?:協約|協定|規定))?"
NEW_SIDE = rf"(?:{NEW_WORD})(?:\((?:{NEW_WORD})\))?{WHAT_CHANGES}"
OLD_SIDE = rf"(?:{OLD_WORD})(?:\((?:{OLD_WORD})\))?{WHAT_CHANGES}"
COMPARISON_HEADER = regex.compile(rf"^(?:(?:{NEW_SIDE})(?:{OLD_SIDE})|(?:{OLD_SIDE})(?:{NEW_SIDE}))(?:備考)?$")
CELL_GAPS = regex.compile(r"[\s|│┃]+")
# Over the header: its title (…新旧対照表) and the 別紙 mark the table is filed under.
COMPARISON_TITLE = regex.compile(r"対照表|^\(?別[紙記表]\s*[0-9一二三四五六七八九十]*\s*\)?$")


def find_comparison_table(lines: list[Line]) -> tuple[int, int]:
    """(start, end) of a 新旧対照表, from its title to the end of its table
    where the source marks it (HTML's </table>), else to the 附則, closing
    formula or date after it, or the end; (0, 0) when there is none. Its
    rows quote the agreement before and after the amendment: none is a row
    of this one's 別表, nor its 別表 heading this one's."""
    header = next((i for i, ln in enumerate(lines) if is_comparison_header(ln.text)), None)
    if header is None:
        return 0, 0
    start = header
    while start > 0 and header - start < 3 and is_comparison_title(lines[start - 1]):
        start -= 1
    end = next((j for j in range(header + 1, len(lines))
                if lines[j - 1].table_end or ends_comparison_table(lines[j])), len(lines))
    return start, end


def is_comparison_header(text: str) -> bool:
    if "前" not in text and "旧" not in text and "現行" not in text:  # every OLD_SIDE has one: most lines
        return False
    cells = CELL_GAPS.sub("", text)
    return cells != text and bool(COMPARISON_HEADER.match(cells))


def is_comparison_title(line: Line) -> bool:
    return not line.is_row and "。" not in line.text and bool(COMPARISON_TITLE.search(line.text))


def ends_comparison_table(line: Line) -> bool:
    text = line.text
    return not line.is_row and bool(SUPPLEMENTARY_HEADING.match(text) or CLOSING_MARKS.search(text)
                                    or ERA_DATE_LINE.match(text))


TOC_HEADING = regex.compile(r"^目\s*次$")
# An entry of a table of contents: 第1条 目的, 第1章 総則, 別表, 附則, perhaps
# with leaders and a page number (第2条 基本方針 …… 1); a title, never a sentence.
TOC_ENTRY = regex.compile(rf"^(?:{ARTICLE_NUMBER.pattern}|第\s*[0-9一二三四五六七八九十]+\s*章|別[表紙記]|附\s*則)"
                          r"[^。]{0,30}$")


def find_table_of_contents(lines: list[Line]) -> tuple[int, int]:
    """(start, end) of a 目次 and its entries, (0, 0) when there is none."""
    start = next((i for i, ln in enumerate(lines) if ln.text.startswith("目") and TOC_HEADING.match(ln.text)), None)
    if start is None:
        return 0, 0
    end = start + 1
    while end < len(lines) and TOC_ENTRY.match(lines[end].text) and not lines[end].is_row:
        end += 1
    return (start, end) if end - start >= 3 else (0, 0)


def find_appendix_start(lines: list[Line]) -> int:
    for i, line in enumerate(lines):
        if "別" not in line.text:
            continue  # neither APPENDIX_START nor TABLE_AMENDMENT: most lines, told without a regex
        if not line.is_row and is_appendix_start(line.text) and not continues_sentence(lines, i) \
                and not labels_attachment(lines, i):
            return i
        if introduces_rows(lines, i):
            return i
    return len(lines)


def labels_attachment(lines: list[Line], i: int) -> bool:
    """別紙 over the whole agreement (attached to a bill or a notice): a
    table comes after the articles, so one before all of them, with the
    articles below, labels the paper, not a 別表."""
    return (not any(ARTICLE_LINE.match(ln.text) for ln in lines[:i])  # first: a 別表 has articles above, soon found
            and any(ARTICLE_LINE.match(ln.text) for ln in lines[i + 1:]))


def continues_sentence(lines: list[Line], i: int) -> bool:
    """Line i goes on with the unfinished article line above it."""
    return i > 0 and not lines[i - 1].is_row and not SENTENCE_END.search(lines[i - 1].text) \
        and not lines[i].blank_before and bool(ARTICLE_LINE.match(lines[i - 1].text))


# 別表1の項中イの項の次に次のように加える。 / 別表第2中アの項を次のように改める。
# over the rows an amending agreement adds or replaces: the instruction
# heads them (it names their section) and they are the agreement's rows.
# Instructions are often numbered (2 別表を次のように改める。, (2) …, 二 …).
TABLE_AMENDMENT = regex.compile(r"^(?P<number>(?:\(\s*\d{1,2}\s*\)|\d{1,2}[\s.]|[一二三四五六七八九十]{1,3}\s)\s*)?"
                                r"(?:原協約の?)?別[表紙記].*次のように(?:加える|改める)。$")


def without_instruction_number(line: Line) -> Line:
    """An instruction heading the rows it adds, without the number it has
    among the amendments ((2) 別表3の項中… -> 別表3の項中…): that number is
    no section of the 別表; the 別表's own number is."""
    if "次のように" not in line.text or line.is_row:  # TABLE_AMENDMENT needs the words: most lines
        return line
    match = TABLE_AMENDMENT.match(line.text)
    return replace(line, text=line.text[match.end("number"):]) if match and match.group("number") else line


def introduces_rows(lines: list[Line], i: int) -> bool:
    """An amending instruction on the 別表 with table rows right under it."""
    return (not lines[i].is_row and bool(TABLE_AMENDMENT.match(lines[i].text))
            and i + 1 < len(lines) and lines[i + 1].is_row)


# 附則, 附則(抄), 附則(令和2年3月31日一部変更): the supplementary provisions,
# whose own 第1条, 第2条 … are no articles of the agreement.
# Also 付則, as some towns write it, 附則 抄 without brackets, and the heading set
# off by a mark or brackets (【附則】, ■附則) as word processors print it.
SUPPLEMENTARY_HEADING = regex.compile(r"^(?:[【\[<〈《〔■□◆◇●]\s*)?[附付]\s*則"
                                      r"(?:\s*\(?\s*抄\s*\)?|\s*\([^()]*\))?(?:\s*[】\]>〉》〕])?$")


# …甲乙協議して定める。附則 この協約は、…から施行する。: a 附則 run on
# after the last sentence of the articles (a copy that lost its line breaks).
INLINE_SUPPLEMENTARY = regex.compile(r"(?<=。)\s*(?=附\s*則(?:\s*\([^()]*\))?(?:\s|$))")


def with_inline_supplementary_split(lines: list[Line]) -> list[Line]:
    """The lines, each 附則 that follows a finished sentence on its line
    moved to a line of its own (numbered as the line it came from)."""
    if not any("附" in line.text for line in lines):  # the pattern needs 附: most documents have none
        return lines
    split = []
    for line in lines:
        at = INLINE_SUPPLEMENTARY.search(line.text) if "附" in line.text and not line.is_row else None
        if at is None:
            split.append(line)
        else:
            split += [replace(line, text=line.text[:at.start()]),
                      replace(line, text=line.text[at.end():], blank_before=False)]
    return split


# (期間)第2条 この協約の期間は… / 【協議】第3条 …: a caption run onto its
# article's line (a copy that joined them, a cell holding both).
CAPTION_BEFORE_ARTICLE = regex.compile(rf"^(\([^()]{{1,20}}\)|【[^【】]{{1,20}}】)\s*(?={ARTICLE_NUMBER.pattern})")


def with_captions_apart(lines: list[Line]) -> list[Line]:
    """The lines, a caption opening an article's line set on a line of its
    own above it (numbered as the line it came from)."""
    split = []
    for line in lines:
        caption = CAPTION_BEFORE_ARTICLE.match(line.text) if line.text[:1] in "(【" and "条" in line.text else None
        if caption and not line.is_row and ARTICLE_LINE.match(line.text[caption.end():]):
            split += [replace(line, text=caption.group(1)), replace(line, text=line.text[caption.end():], blank_before=False)]
        else:
            split.append(line)
    return split


# A web page's contact box (このページに関するお問い合わせ, このページの情報に
# 関するお問い合わせ先, この記事に関するお問い合わせ, お問い合わせ先: …)
# under the 別表 it reproduces: the page, not the table, goes on there. Not
# a cell that only starts so (問い合わせ窓口の設置).
PAGE_CONTACT = regex.compile(r"^(?:この(?:ページ|記事|情報)(?:の(?:内容|情報|記事))?(?:に関する|についての|の)?\s*)?"
                          r"お?問い?合わ?せ(?:先|窓口)?(?:\s*[::].*)?$")


# A contact box given as a table of its own (担当課 | 企画課 / 電話番号 | …):
# its first cell is one of these labels, whole.
CONTACT_LABEL_CELL = regex.compile(r"^(?:担当(?:課|部署|部局|者)?|(?:電話|TEL|FAX|ファ[クッ]ク?ス)(?:番号)?"
                                   r"|E-?mail|メール(?:アドレス)?|お?問い?合わ?せ先?|連絡先)$", regex.IGNORECASE)


def page_contact_start(lines: list[Line], start: int, end: int) -> int:
    """Where a web page's contact box cuts the 別表 lines[start:end], or end:
    its heading, or a table of its own after the 別表's (the first row of a
    table after a table's end, labelled 担当課, 電話番号 …)."""
    table_ended = False  # the last row read ended its table: a row now opens another
    for i in range(start + 1, end):
        line = lines[i]
        if not line.is_row:
            if "合" in line.text and PAGE_CONTACT.match(line.text):
                return i
            table_ended = table_ended or line.table_end  # a </dl>'s last value
            continue
        if table_ended and CONTACT_LABEL_CELL.match(line.cells[0].strip()):
            return i
        table_ended = line.table_end
    return end


def find_appendix_end(lines: list[Line], start: int) -> int:
    """Where the agreement goes on after its 別表: at the closing formula
    (…を証するため、本書2通を作成し…) that follows it, or at the 附則 heading
    before that formula. An amending agreement prints the whole new table
    (別表を次のように改める。 / 別表(第3条関係) …) before its 附則, closing
    and signatures; a table printed before the signatures is read so too.
    Without a closing formula or a signing date over a role-marked signature
    after it, the 別表 runs to the end."""
    closing = next((i for i in range(start + 1, len(lines)) if opens_signing(lines, i)), None)
    if closing is None:
        return len(lines)
    while closing - 1 > start and is_wrapped_from(lines[closing - 1], lines[closing]):
        closing -= 1  # the formula's first part wrapped onto the line above
    heading = next((i for i in range(closing - 1, start, -1) if SUPPLEMENTARY_HEADING.match(lines[i].text)), None)
    return heading if heading is not None else closing


def opens_signing(lines: list[Line], i: int) -> bool:
    """The closing formula, or a date alone on its line over 甲 …市長 …."""
    text = lines[i].text
    if lines[i].is_row:
        return False
    return bool(CLOSING_MARKS.search(text)) or bool(
        ERA_DATE_LINE.match(text) and i + 1 < len(lines) and role_mark(lines[i + 1].text))


def date_lines_at(lines: list[Line] | tuple[Line, ...], i: int) -> int:
    """How many lines the date line at i takes: 1, 2 when broken after its
    year, 0 when no date line starts there."""
    text = lines[i].text
    # asked of every line; few hold a date (年, or the . / - of R2.3.27, 2020/3/27, 2020-03-27)
    if "年" not in text and "." not in text and "/" not in text and "-" not in text:
        return 0
    if ERA_DATE_LINE.match(text):
        return 1
    if i + 1 < len(lines) and YEAR_LINE.match(text) and MONTH_DAY_LINE.match(lines[i + 1].text):
        return 2 if ERA_DATE_LINE.match(text + lines[i + 1].text) else 0  # one 月, neither lost nor doubled
    return 0


def segment_body(lines: list[Line]) -> list[Segment]:
    """Split what comes before the 別表 into its parts."""
    quote_at = next((i for i, ln in enumerate(lines) if QUOTE_START.search(ln.text)), len(lines))
    lines, quoted = lines[:quote_at], lines[quote_at:]
    first_article = next((i for i, ln in enumerate(lines) if ARTICLE_LINE.match(ln.text)), None)
    if first_article is None:
        segments = segment_without_articles(lines)
    else:
        segments = segment_front(lines[:first_article]) + segment_articles_and_after(lines[first_article:])
    if quoted:
        segments.append(Segment(Kind.QUOTE, tuple(quoted)))
    return segments


def segment_front(lines: list[Line]) -> list[Segment]:
    """Cover, title and preamble: the lines before the first article."""
    preamble_at = find_preamble(lines)
    if preamble_at is not None:
        while preamble_at > 0 and is_wrapped_from(lines[preamble_at - 1], lines[preamble_at]):
            preamble_at -= 1
    head = lines if preamble_at is None else lines[:preamble_at]
    title_at = first_title(head, range(len(head) - 1, -1, -1))
    segments = []
    if title_at is not None:
        title_start = title_at
        while title_start > 0 and is_title_start(head[title_start - 1], head[title_start]):
            title_start -= 1
        if title_start > 0:
            segments.append(Segment(Kind.COVER, tuple(head[:title_start])))
        segments.append(Segment(Kind.TITLE, tuple(head[title_start:title_at + 1])))
        rest = head[title_at + 1:]
        dated = 0
        while dated < len(rest) and (ERA_DATE_LINE.match(rest[dated].text) or ENACTMENT_LINE.match(rest[dated].text)):
            dated += 1  # 例規集 pages print the date, number and history under the title: cover lines
        if dated:
            segments.append(Segment(Kind.COVER, tuple(rest[:dated])))
            rest = rest[dated:]
    else:
        rest = head
    # The caption of 第1条 ends the front, after the preamble or, where the
    # agreement has none (例規集 pages start at 第1条), after the title.
    rest = list(rest) + (lines[preamble_at:] if preamble_at is not None else [])
    trailing_captions = []
    while rest and (CAPTION_LINE.match(rest[-1].text)
                    or not trailing_captions and OPEN_CAPTION_LINE.match(rest[-1].text)
                    or not trailing_captions and len(rest) > 1 and is_bare_caption(rest[-1], rest[-2])):
        trailing_captions.insert(0, rest.pop())
    chapters = []
    while rest:  # 第1章 総則 (or 第1章 / 総則) over 第1条's caption
        if CHAPTER_HEADING.match(rest[-1].text):
            chapters.insert(0, (rest.pop(),))
        elif len(rest) > 1 and chapter_lines(rest, len(rest) - 2) == 2:
            chapters.insert(0, (rest[-2], rest[-1]))
            del rest[-2:]
        else:
            break
    if rest:
        segments.append(Segment(Kind.PREAMBLE, tuple(rest)))
    segments.extend(Segment(Kind.OTHER, chapter, label=CHAPTER) for chapter in chapters)
    segments.extend(Segment(Kind.CAPTION, (ln,)) for ln in trailing_captions)
    return segments


# 長崎市告示第12号 / …連携協約を締結したので、…次のとおり告示する。 / date /
# 長崎市長 …: a gazette notice publishing the agreement (地方自治法第252条の2
# 第2項) is printed above its title. Its sentence announces, never concludes.
NOTICE_SENTENCE_END = regex.compile(r"(?:告示|公告|公示|公表)する。$")
# 議案第45号 / 連携協約の締結について / …次のとおり締結することについて、
# 議会の議決を求める。: a council bill asks for the council's vote above
# the agreement it attaches; its sentence asks, never concludes.
BILL_SENTENCE_END = regex.compile(r"(?:議決|承認|同意)を(?:求める|求めます|得たい|お願いする)。$|提出する。$")
SENTENCE_REACH = 4  # lines a wrapped sentence may run over


def find_preamble(lines: list[Line]) -> int | None:
    """The first line with a preamble's mark (以下「甲」という, 次のとおり,
    締結する) whose sentence is no notice (…次のとおり告示する。) or
    council bill (…議決を求める。), the first defining the parties if one
    does: a bill may also ask to conclude the agreement (…次のとおり連携協約を
    締結する。) above its title."""
    marked = [i for i, line in enumerate(lines)
              if PREAMBLE_MARKS.search(line.text) and not announces_or_asks(sentence_from(lines, i))]
    return next((i for i in marked if DEFINED_PARTY.search(lines[i].text)), marked[0] if marked else None)


def announces_or_asks(sentence: str) -> bool:
    return bool(NOTICE_SENTENCE_END.search(sentence) or BILL_SENTENCE_END.search(sentence))


def sentence_from(lines: list[Line], i: int) -> str:
    """The text from line i to the first line that ends a sentence."""
    parts = []
    for line in lines[i:i + SENTENCE_REACH]:
        parts.append(line.text)
        if line.text.endswith("。"):
            break
    return "".join(parts)


def segment_articles_and_after(lines: list[Line]) -> list[Segment]:
    """Articles with their captions, then closing formula, date, signatories."""
    segments: list[Segment] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        match = ARTICLE_LINE.match(line.text)
        if match:
            end = article_end(lines, i)
            segments.append(Segment(Kind.ARTICLE, tuple(as_typed(ln) for ln in lines[i:end]),
                                    label=match.group(0).strip()))
            i = end
        elif is_caption_before_article(lines, i):
            segments.append(Segment(Kind.CAPTION, (line,)))
            i += 1
        elif CHAPTER_HEADING.match(line.text):
            taken = chapter_lines(lines, i)
            segments.append(Segment(Kind.OTHER, tuple(lines[i:i + taken]), label=CHAPTER))
            i += taken
        elif (resume := articles_resume_at(lines, i, segments)) is not None:
            segments.append(Segment(Kind.OTHER, tuple(lines[i:resume]), label=STRAY))
            i = resume
        else:
            segments.extend(segment_closing(lines[i:]))
            break
    return segments


# A stamp or a scanner's or converter's leftover between two articles
# (県立図書館 蔵書印 over 第3条 on a new page): the articles go on after it
# when the next one, a line or few below, carries the next number.
STRAY = "stray"
STRAY_REACH = 3  # lines of such debris between two articles


def articles_resume_at(lines: list[Line], i: int, segments: list[Segment]) -> int | None:
    """Where the articles go on after stray lines from i: the caption or
    article line of the article numbered next after the last one read.
    A line that ends a sentence, or opens the closing formula, the date or
    a signature, is no debris."""
    last = next((parse_article_number(s.label) for s in reversed(segments) if s.kind == Kind.ARTICLE), None)
    if last is None:
        return None
    for k in range(i + 1, min(i + 1 + STRAY_REACH, len(lines))):
        debris = lines[k - 1].text
        if debris.endswith("。") or CLOSING_MARKS.search(debris) or ERA_DATE_LINE.match(debris) or role_mark(debris):
            return None
        if ARTICLE_LINE.match(lines[k].text):
            article = k
        elif is_caption_before_article(lines, k):
            article = k + 1
        else:
            continue
        number = parse_article_number(lines[article].text)
        return k if number and follows(last, number) else None
    return None


def follows(last: tuple[str, int, int | None], number: tuple[str, int, int | None]) -> bool:
    """第3条 after 第2条 or 第2条の2; 第2条の2 after 第2条, 第2条の3 after 第2条の2."""
    _, main, branch = number
    return (main == last[1] + 1 and branch is None) or (main == last[1] and branch == (last[2] or 1) + 1)


# 第2章 連携する取組 / 第1節 総則: a heading that groups the articles under
# it, no part of the article above; a heading, never a sentence (第2章に…).
CHAPTER_HEADING = regex.compile(rf"^第\s*{NUMBER}\s*[章節款](?![のにでをはがと中])[^。、]{{0,30}}$")
CHAPTER = "chapter"
# 第2章 alone, its title (連携する取組) on the line under it.
CHAPTER_NUMBER_ALONE = regex.compile(rf"^第\s*{NUMBER}\s*[章節款]$")


def chapter_lines(lines: list[Line], i: int) -> int:
    """The lines of the chapter heading at i: 2 where its number stands
    alone over its title (a few words), else 1. A chapter has a title, so
    the words are its own even right over an article (第3章 / 雑則 / 第9条)."""
    below = lines[i + 1] if i + 1 < len(lines) else None
    return 2 if below and CHAPTER_NUMBER_ALONE.match(lines[i].text) and BARE_CAPTION_LINE.match(below.text) else 1


def article_end(lines: list[Line], start: int) -> int:
    """An article runs on while lines continue a sentence, start a new
    paragraph (2, 3, …) or item ((1), a, ア …); it stops at the next caption
    or article, and at a line that starts afresh after a finished sentence."""
    end = start + 1
    while end < len(lines):
        # 2 alone on its line over its paragraph's text, or a page number inside a sentence:
        # the line under it decides, and the number goes with it
        at = end + 1 if end + 1 < len(lines) and is_lone_number(lines[end].text) else end
        line, previous = as_typed(lines[at]), lines[end - 1]
        if ARTICLE_LINE.match(line.text) or is_appendix_start(line.text) or SUPPLEMENTARY_HEADING.match(line.text) \
                or CHAPTER_HEADING.match(line.text):
            break  # 附則 and 第2章 also after an item without 。 (…その他必要な事項)
        if is_caption_before_article(lines, at):
            break
        labelled = at > end and not ERA_DATE_LINE.match(line.text) and not role_mark(line.text)
        continues = labelled or not SENTENCE_END.search(previous.text) or starts_paragraph_or_item(line.text) \
            or end == start + 1 and is_bare_article_head(previous.text) \
            or end == start + 2 and is_bare_article_head(lines[start].text) and bool(CAPTION_LINE.match(previous.text)) \
            or continues_past_margin(previous, line) or is_amendment_note(line.text) \
            or AMENDS.search(lines[start].text) and AMENDING_INSTRUCTION.search(line.text) \
            or PROVISO_START.match(line.text) or cites_paragraph_above(line.text) or in_same_element(previous, line) \
            or line.is_row and previous.is_row \
            or runs_on_to_next_article(lines, start, at) \
            or announces_lines_below(previous.text) and not ERA_DATE_LINE.match(line.text) and not role_mark(line.text)
        if not continues or CLOSING_MARKS.search(line.text) and ends_item_or_sentence(lines, start, end):
            break
        end = at + 1
    return end


# …次のとおりとする。 / …次の会議を置く。 / …以下の事項とする。: a sentence
# announcing what the lines under it list, numbered or not (令和2年4月1日から
# 令和7年3月31日まで, a council's name): they are the article's.
LIST_ANNOUNCED = regex.compile(r"次[にの]|以下の|下記")


def announces_lines_below(text: str) -> bool:
    return text.endswith("。") and bool(LIST_ANNOUNCED.search(text))


# ただし、… / この場合において、…: a proviso or a second sentence that only goes
# on with the one above, though set on a line of its own; it opens nothing.
PROVISO_START = regex.compile(r"^(?:ただし|但し|この場合(?:において)?)[、,]")
# 前項の協議が整わないときは、… / 甲及び乙は、前各項の…: a sentence citing the
# paragraph above it is a paragraph of the article, numbered or not.
PARAGRAPH_ABOVE_CITED = regex.compile(r"^[^。]*?前(?:各|\d{1,2})?項")


def in_same_element(previous: Line, line: Line) -> bool:
    """line comes from the HTML element previous does (a <br> broke them:
    <p>第2条 …とする。<br>甲及び乙は、…。</p>), and is no closing formula,
    date, signature or 附則 a page (or a copy run on) may also put there."""
    return (previous.no == line.no and not line.is_row and not CLOSING_MARKS.search(line.text)
            and not ERA_DATE_LINE.match(line.text) and not role_mark(line.text)
            and not SUPPLEMENTARY_START.match(line.text))


# 附則 この協約は、…: the supplementary provisions run on after the articles' last sentence.
SUPPLEMENTARY_START = regex.compile(r"^[附付]\s*則(?:\s*\([^()]*\))?(?:\s|$)")


def cites_paragraph_above(text: str) -> bool:
    return "項" in text and bool(PARAGRAPH_ABOVE_CITED.match(text))


UNNUMBERED_REACH = 12  # lines an unnumbered paragraph (or a few) may take before the next article


def runs_on_to_next_article(lines: list[Line], start: int, at: int) -> bool:
    """Lines from at that hold a sentence and reach the article numbered next
    after the one at start, with nothing between that closes the articles
    (the formula, a date, a signature, 附則, 別表): the article's paragraphs
    written without numbers (…とする。 / 前項の取組の詳細は、…). Lines holding
    no sentence there are a stamp or a leftover (articles_resume_at)."""
    sentence = False
    for k in range(at, min(at + UNNUMBERED_REACH, len(lines))):
        line = lines[k]
        if ARTICLE_LINE.match(line.text):
            number, here = parse_article_number(line.text), parse_article_number(lines[start].text)
            return sentence and bool(number and here and follows(here, number))
        if line.is_row or CLOSING_MARKS.search(line.text) or date_lines_at(lines, k) or role_mark(line.text) \
                or SUPPLEMENTARY_HEADING.match(line.text) or is_appendix_start(line.text):
            return False
        sentence = sentence or line.text.endswith("。") and not is_caption_before_article(lines, k)
    return False


def as_typed(line: Line) -> Line:
    """A line as typed where Word's plain text gave it TABs: before an item
    (a list's indent) and after a list's number ((1)<TAB>医療, 2<TAB>前項の…).
    A line that keeps a TAB between two texts is a table's row, and stays."""
    if CELL_SEP not in line.text:
        return line
    text = line.text.lstrip(CELL_SEP)
    number, tab, rest = text.partition(CELL_SEP)
    if tab and len(number) <= LIST_NUMBER_MAX and (ITEM_LINE.match(number + " ") or PARAGRAPH_NUMBER.match(number + " ")):
        text = f"{number} {rest}"
    return line if CELL_SEP in text else replace(line, text=text)


LIST_NUMBER_MAX = 6  # (10), iii., 二十: a list's number, never a cell's text


# A number alone on its line: a paragraph's label over its text, or a page
# number a copy without page breaks left inside an article.
LONE_NUMBER = regex.compile(r"^\d{1,2}$")


def is_lone_number(text: str) -> bool:
    return len(text) <= 2 and bool(LONE_NUMBER.match(text))


def ends_item_or_sentence(lines: list[Line], start: int, end: int) -> bool:
    """The article's text so far is complete: its last line ends a sentence,
    or it is the last item of a list, which needs no 。 ((2) その他必要な事項)
    and which the closing formula follows."""
    previous = lines[end - 1]
    if SENTENCE_END.search(previous.text):
        return True
    item_at = next((i for i in range(end - 1, start, -1)
                    if ITEM_LINE.match(lines[i].text) or announces_lines_below(lines[i - 1].text)), None)
    return item_at is not None and all(not SENTENCE_END.search(ln.text) for ln in lines[item_at:end - 1])


def continues_past_margin(previous: Line, line: Line) -> bool:
    """A line under one cut at the right margin right after its 。 goes on
    with the paragraph: a new paragraph would be numbered (2, 3 …) or
    indented, and the date and signatures open their own lines."""
    return (previous.at_margin and not line.blank_before and not line.is_row
            and not ERA_DATE_LINE.match(line.text) and not role_mark(line.text))


# (令和3年4月1日一部改正) / (平成30年改正) / 〔平30・一部変更〕 after an
# article or paragraph, alone on its line or closing it: the history a
# 例規集 prints, no words of the agreement. An era and a year open it and
# the kind of change closes it.
AMENDMENT_NOTE = regex.compile(rf"\(\s*(?:{ERA}|[明大昭平令])\s*{NUMBER}[^()。]{{0,40}}?"
                               r"(?:改正|改め|変更|追加|削除|新設)\s*\)\s*$")


def amendment_note_at(text: str) -> int | None:
    """Where the amendment notes closing the line start (0: the line is
    one), or None. The notes end with ), which the quick test asks first."""
    if not text.endswith(")"):
        return None
    at = None
    while (note := AMENDMENT_NOTE.search(text)) is not None:  # (平成30年改正)(令和2年改正)
        at, text = note.start(), text[:note.start()].rstrip()
    return at


def is_amendment_note(text: str) -> bool:
    return amendment_note_at(text) == 0


# 第1条 …協約の一部を次のように変更する。 / 第3条中「…」を「…」に改める。 /
# 別表を次のように改める。: an amending article's instructions stand one to
# a line, each a finished sentence, and belong to the article.
AMENDS = regex.compile(r"次のように(?:変更|改正|改め)")
AMENDING_INSTRUCTION = regex.compile(r"(?:改める|削る|加える)。$")


def is_bare_article_head(text: str) -> bool:
    """第1条 or 第1条 (目的) alone on its line: the body follows below."""
    rest = text[ARTICLE_LINE.match(text).end():].strip()
    return not rest or bool(CAPTION_LINE.match(rest))


def is_caption_before_article(lines: list[Line], i: int) -> bool:
    if i + 1 >= len(lines) or not ARTICLE_LINE.match(lines[i + 1].text) or is_amendment_note(lines[i].text) \
            or SUPPLEMENTARY_HEADING.match(lines[i].text):
        return False  # (令和2年改正) is bracketed as a caption is, but notes the article above; 【附則】 heads its own
    return bool(CAPTION_LINE.match(lines[i].text) or OPEN_CAPTION_LINE.match(lines[i].text)
                or i > 0 and is_bare_caption(lines[i], lines[i - 1]))


def is_bare_caption(line: Line, previous: Line) -> bool:
    """A caption without brackets (its article below is checked by the
    caller): it follows a finished sentence or the last item of the article
    before, so the tail of a title or a cover line over an agreement without
    preamble (例規集: title, then 第1条) is none; a chapter heading (第2章
    …) may stand above it. 附則 heads the
    supplementary provisions, 別表 a table."""
    return (not line.is_row and bool(BARE_CAPTION_LINE.match(line.text))
            and not SUPPLEMENTARY_HEADING.match(line.text) and not is_appendix_start(line.text)
            and not TOC_HEADING.match(line.text)
            and (previous.text.endswith("。") or bool(ITEM_LINE.match(previous.text))
                 or bool(CHAPTER_HEADING.match(previous.text)) and not CHAPTER_NUMBER_ALONE.match(previous.text)))


def caption_text(text: str) -> str:
    """目的 from (目的), and from (目的 or 目的) as OCR may leave it, or
    from 目的 printed without brackets."""
    match = CAPTION_LINE.match(text) or OPEN_CAPTION_LINE.match(text)
    if match:
        return next((g for g in match.groups() if g), "").strip()
    return text.strip() if BARE_CAPTION_LINE.match(text) else ""


def starts_paragraph_or_item(text: str) -> bool:
    return bool(PARAGRAPH_NUMBER.match(text) or ITEM_LINE.match(text) or ROLE_ITEM.match(text))


def segment_closing(lines: list[Line]) -> list[Segment]:
    """Closing formula, signing date and the signatory blocks."""
    lines = with_date_apart_from_block(lines)
    date_at = next((i for i in range(len(lines)) if date_lines_at(lines, i)), None)
    role_at = next((i for i, ln in enumerate(lines) if role_mark(ln.text)), None)
    if date_at is not None and (role_at is None or date_at < role_at):
        date_end = date_at + date_lines_at(lines, date_at)
        closing, date, rest = lines[:date_at], lines[date_at:date_end], lines[date_end:]
        formula_end = 1 + max((i for i in range(date_at) if CLOSING_MARKS.search(lines[i].text)), default=-1)
        if formula_end and any(is_head_line(ln.text) for ln in closing[formula_end:]):
            # blocks without marks between the formula and a date printed under them
            return ([Segment(Kind.CLOSING, tuple(closing[:formula_end]))] + signatory_blocks(closing[formula_end:])
                    + [Segment(Kind.DATE, tuple(date))] + signatory_blocks(rest))
    elif role_at is not None:  # blocks follow the formula; a date, if any, comes later
        closing, date, rest = lines[:role_at], [], lines[role_at:]
    else:
        closing, date, rest = lines, [], []
    segments = [Segment(Kind.CLOSING, tuple(closing))] if closing else []
    if date:
        segments.append(Segment(Kind.DATE, tuple(date)))
    return segments + signatory_blocks(rest)


def with_date_apart_from_block(lines: list[Line]) -> list[Line]:
    """The lines, a date printed left of the first block's role mark
    (令和2年3月27日 甲 広島県…) set on a line of its own above the block."""
    for i, line in enumerate(lines):
        date = DATE_BEFORE_BLOCK.match(line.text) if "年" in line.text or "." in line.text or "/" in line.text else None
        if date and role_mark(line.text[date.end():].lstrip()):
            date_line = replace(line, text=date.group(0))
            return [*lines[:i], date_line, replace(line, text=line.text[date.end():].lstrip()), *lines[i + 1:]]
    return lines


# 立会人 宮崎県知事 X: one who witnesses the signing (a governor, a
# minister's official) signs a block of their own, as no party. The word
# may stand alone over the block.
WITNESS = "立会人"
WITNESS_MARK = regex.compile(r"^[(\[]?\s*立\s*会\s*(?:い\s*)?[人者]\s*[)\]]?(?:\s*[::]\s*|\s+|$)")


def is_witness_line(text: str) -> bool:
    return text.startswith(("立", "(", "[")) and bool(WITNESS_MARK.match(text))


def signatory_blocks(lines: list[Line]) -> list[Segment]:
    """Split the signature area at role markers (甲, 乙, …); without markers,
    at each line that names a head of a municipality (○○市長 …). A marked
    block that holds a second head (its own marker misread: 選 ●●●市町…) is
    split there too, the second taking the next role in order. A witness's
    block (立会人 …) ends the blocks before it and is labelled 立会人."""
    witness = next((i for i, ln in enumerate(lines) if is_witness_line(ln.text)), None)
    if witness is not None:
        end = next((i for i in range(witness + 1, len(lines)) if role_mark(lines[i].text)), len(lines))
        return (signatory_blocks(lines[:witness]) + after_last_block(Segment(Kind.SIGNATORY, tuple(lines[witness:end]),
                                                                             label=WITNESS))
                + signatory_blocks(lines[end:]))
    starts = [i for i, ln in enumerate(lines) if role_mark(ln.text)]
    if not starts:
        starts = head_first_starts(lines, block_starts_without_roles(lines))
    if not starts:
        return [Segment(Kind.OTHER, tuple(lines))] if lines else []
    role_marks = [role_mark(lines[start].text) for start in starts]
    starts = with_addresses_above(lines, starts) if role_marks[0] else starts
    segments = [Segment(Kind.OTHER, tuple(lines[:starts[0]]))] if starts[0] > 0 else []
    marked = {mark.group(1) for mark in role_marks if mark}
    for n, (start, mark) in enumerate(zip(starts, role_marks)):
        end = starts[n + 1] if n + 1 < len(starts) else len(lines)
        role = mark.group(1) if mark else ROLE_CHARS[n] if n < len(ROLE_CHARS) else ""
        for block in unmarked_heads(lines[start:end], role, marked) if mark else [lines[start:end]]:
            segments.append(Segment(Kind.SIGNATORY, tuple(block), label=role))
            role = next_role(role)
    others = [ln.text for seg in segments[:-1] if seg.kind == Kind.SIGNATORY for ln in seg.lines]
    return segments[:-1] + after_last_block(segments[-1], not others or any(map(ADDRESS_HINT.search, others)))


def after_last_block(last: Segment, addresses_below: bool = True) -> list[Segment]:
    """The last block ends with its head's person (and a seal on a line of
    its own): what follows on a web page (このページに関するお問い合わせ, the
    office's address and phone) would give the block a second address. An
    address under its head is the block's only where the other blocks give
    theirs (addresses_below): under blocks that give none it is the office
    to contact. A signing date printed under the blocks stays a date."""
    end = block_end(list(last.lines), addresses_below)
    if end >= len(last.lines):
        return [last]
    rest = last.lines[end:]
    dated = date_lines_at(rest, 0)
    return ([Segment(Kind.SIGNATORY, last.lines[:end], label=last.label)]
            + ([Segment(Kind.DATE, rest[:dated])] if dated else [])
            + ([Segment(Kind.OTHER, rest[dated:])] if rest[dated:] else []))


# What stands for a seal after a signer's name: 印, or (公印省略), (署名) …
SEAL_WORDS = r"印|署名|自署|公?印省略|押印省略|(?:記名|署名)押印|押印"
SEAL_LINE = regex.compile(rf"^[(\[]?(?:㊞|{SEAL_WORDS})[)\]]?$")


def block_end(block: list[Line], addresses_below: bool = True) -> int:
    """After the line naming the head (…市長 X), or the line under it when
    the title ends its line (…市長 / X; …職務執行者 副町長 / X; 管理者 /
    府中市長 / X), and a seal; and after the address under them if
    addresses_below."""
    head = next((i for i, ln in enumerate(block) if is_head_line(ln.text)), None)
    if head is None:
        return len(block)
    end = head + 1
    if BODY_OFFICE_ENDS_LINE.search(block[head].text) and end < len(block) and is_head_line(block[end].text):
        end += 1  # …組合管理者 / 府中市長 …: the member's head who holds the office
    end += int(bool(TITLE_ENDS_LINE.search(block[end - 1].text)))
    while end < len(block) and SEAL_LINE.match(block[end].text.replace(" ", "")):
        end += 1
    return end + (address_below(block, head, end) if addresses_below else 0)


# A page's contact (問い合わせ先 〒… ○○市企画課 電話…), never a signer's address.
CONTACT_WORDS = regex.compile(r"問い?合わ?せ|連絡先|担当|電話|TEL|FAX|ファ[クッ]ク?ス|メール|E-?mail|\p{Han}課(?:\s|$|[(])",
                              regex.IGNORECASE)


def address_below(block: list[Line], head: int, end: int) -> int:
    """The lines of the address of a block that names its head first
    (甲 福山市長 X / its address): none above the head, one below, perhaps
    wrapped (広島県世羅郡世羅町 / 大字西上原123番地1, …三丁目 / 5番1号)."""
    if any(ADDRESS_HINT.search(ln.text) for ln in block[:head + 1]):
        return 0
    below = [ln.text.strip() for ln in block[end:end + 2]]
    if below and is_address_line(block[end]):
        taken = 1 + int(len(below) == 2 and bool(LOT_LINE.match(below[1])))
    else:
        wrapped = len(below) == 2 and PLACE_ONLY.match(below[0]) and is_address_line(block[end + 1])
        taken = 2 if wrapped else 0
    return 0 if any(CONTACT_WORDS.search(text) for text in below[:taken]) else taken


def is_head_line(text: str) -> bool:
    """A head's title not inside an address (東京都豊島区長崎1丁目: 区長 is no title)."""
    if DEPUTY_LINE.match(text):
        return False
    last = None
    for last in HEAD_TITLE.finditer(text):
        pass
    return last is not None and not ADDRESS_HINT.search(text, last.end())


def with_addresses_above(lines: list[Line], starts: list[int]) -> list[int]:
    """Blocks that give the address on the line above the role mark
    (住所 …番地 / 甲 氏名 …市長 …): when the first block does so, each block
    starts at the address line just above its mark."""
    first = starts[0]
    if first == 0 or not is_address_line(lines[first - 1]):
        return starts
    return [start - 1 if start > 0 and is_address_line(lines[start - 1]) else start for start in starts]


def is_address_line(line: Line) -> bool:
    return not role_mark(line.text) and bool(ADDRESS_HINT.search(line.text) or ADDRESS_LABEL.match(line.text))


def unmarked_heads(block: list[Line], role: str, marked: set[str]) -> list[list[Line]]:
    """A marked block split at each further head it holds, when the roles
    that would follow in order are not marked elsewhere."""
    starts = block_starts_without_roles(block)
    at = ROLE_CHARS.find(role)
    following = set(ROLE_CHARS[at + 1:at + len(starts)])
    if len(starts) < 2 or starts[0] != 0 or len(following) < len(starts) - 1 or following & marked:
        return [block]
    return [block[a:b] for a, b in zip(starts, [*starts[1:], len(block)])]


def next_role(role: str) -> str:
    at = ROLE_CHARS.find(role)
    return ROLE_CHARS[at + 1] if 0 <= at < len(ROLE_CHARS) - 1 else ""


# A head's title; a deputy's (副町長, 副知事) under an acting head's
# (…町長職務代理者) is no second head.
# 市　長 letter-spaced as a word of its own is a title too, and so is the
# head of a 組合 or 広域連合 that is a party (管理者, 組合長, 広域連合長).
HEAD_TITLE = regex.compile(r"(?<!副)(?:(?:市|町|村|区)(?:長|\s+長(?=\s|$))|知事|(?<!\S)知\s+事(?=\s|$)"
                           r"|(?:^|組合|広域連合)\s*管理者|(?:組合|連合)長)")
# A body's deputy listed under its head (副管理者 世羅町長 奥田 正和, 副組合長 …):
# the member's head named there holds the deputy's office and signs no block.
DEPUTY_LINE = regex.compile(r"^副(?:管理者|組合長|広域連合長|連合長)")
# The head's office of a 組合 or 広域連合 closing its line: the member
# municipality's head who holds it may stand on the line below.
BODY_OFFICE_ENDS_LINE = regex.compile(r"(?:管理者|(?:組合|連合)長)\s*$")
ADDRESS_HINT = regex.compile(r"\d+番|番地|丁目|\d+号|[一二三四五六七八九十]+番")
# A title closing its line (…市長, 長与町長, …職務執行者 副町長) has the
# person under it. Not "長 and something after it": 長崎市長 has that too.
TITLE_ENDS_LINE = regex.compile(r"(?:長|知事|管理者|職務代理者|職務執行者)\s*$")
# An address's lot numbers alone on a line (5番1号).
LOT_LINE = regex.compile(r"^(?:[\d一二三四五六七八九十〇]+\s*(?:丁目|番地|番|号|-|の)?\s*)+$")
ADDRESS_LABEL = regex.compile(r"^(?:住\s*所|所\s*在\s*地)")
# A place alone on its line, as an address may wrap after it (広島県世羅郡世羅町).
PLACE_ONLY = regex.compile(r"^[^\s\d]{1,12}?(?:都|道|府|県|市|町|村|区)$")


def head_first_starts(lines: list[Line], starts: list[int]) -> list[int]:
    """Unmarked blocks that open with the head (福山市長 X / its address):
    when the first does, every block starts at its head's line, so an
    address under a head stays in that head's block."""
    if not starts or not is_head_line(lines[starts[0]].text):
        return starts
    return [i for i in range(starts[0], len(lines)) if is_head_line(lines[i].text)]


def block_starts_without_roles(lines: list[Line]) -> list[int]:
    """A block is address?, municipality?, title (…長), name?; the next one
    starts after the title and its name, which is on the title's line or
    the line after it (a line that is no address, title or place name).
    A body's office over the member head holding it (…組合管理者 / 府中市長
    X) is one title."""
    starts, expecting_new, name_may_follow, office_held = [], True, False, False
    for i, ln in enumerate(lines):
        text = ln.text
        if office_held and names_head(text):  # …組合管理者 / 府中市長 X: who holds the office
            office_held, name_may_follow = False, bool(TITLE_ENDS_LINE.search(text))
            continue
        office_held = False
        if name_may_follow and not (ADDRESS_HINT.search(text) or HEAD_TITLE.search(text) or PLACE_ONLY.match(text)):
            name_may_follow = False  # the name under its title
            continue
        name_may_follow = False
        if expecting_new:
            starts.append(i)
            expecting_new = False
        if names_head(text):
            expecting_new = True
            name_may_follow = bool(TITLE_ENDS_LINE.search(text))
            office_held = bool(BODY_OFFICE_ENDS_LINE.search(text))
    return [s for s in starts if any(names_head(ln.text) for ln in lines[s:s + 4])]


def names_head(text: str) -> bool:
    return bool(HEAD_TITLE.search(text)) and not DEPUTY_LINE.match(text)


def segment_without_articles(lines: list[Line]) -> list[Segment]:
    """An agreement without 第N条 (one amending another: 別表中「…」を「…」に
    改める) has a preamble and a closing like any other; overviews and other
    documents have a title, free text and perhaps a table of measures."""
    preamble_at = find_preamble(lines)
    closing_at = None if preamble_at is None else next(
        (i for i in range(preamble_at + 1, len(lines)) if is_closing_start(lines[i].text)), None)
    if closing_at is not None:
        body = lines[preamble_at + 1:closing_at]
        return (segment_front(lines[:preamble_at + 1]) + ([Segment(Kind.OTHER, tuple(body))] if body else [])
                + segment_closing(lines[closing_at:]))
    return segment_overview(lines)


def is_closing_start(text: str) -> bool:
    return bool(CLOSING_MARKS.search(text) or ERA_DATE_LINE.match(text) or role_mark(text))


def segment_overview(lines: list[Line]) -> list[Segment]:
    title_at = first_title(lines, range(len(lines)))
    section_at = next((i for i, ln in enumerate(lines) if is_section_heading(ln)), None)
    if title_at is not None and section_at is not None and title_at >= section_at:
        title_at = heading_above(lines[:section_at])  # 1 連携協約の締結状況 heads a section, not the paper
    segments = []
    if title_at is not None:
        if title_at > 0:
            segments.append(Segment(Kind.COVER, tuple(lines[:title_at])))
        segments.append(Segment(Kind.TITLE, (lines[title_at],)))
        lines = lines[title_at + 1:]
    particulars = particulars_rows(lines)
    table_at = next((i for i, ln in enumerate(lines) if i not in particulars and (
        is_overview_table_header(ln) or is_header_row_over_rows(lines, i))), None)
    if table_at is None:
        return segments + ([Segment(Kind.OTHER, tuple(lines))] if lines else [])
    if table_at:
        segments.append(Segment(Kind.OTHER, tuple(lines[:table_at])))
    # a 別表 saved on its own (Excel's CSV, no 別表 heading) names 甲's and 乙's roles
    kind = Kind.APPENDIX if names_party_roles(lines[table_at]) else Kind.OVERVIEW_TABLE
    segments.append(Segment(kind, tuple(lines[table_at:])))
    return segments


# 1 連携協約の締結状況, (1) …, I …(Ⅰ after NFKC), ア …, 第1章 …: a paper's
# numbered section heading, a short line of its own.
SECTION_NUMBER = regex.compile(r"^(?:\(\s*[0-9A-Za-zア-ン一二三四五六七八九十]{1,3}\s*\)|[0-9]{1,2}(?:\s|[.、](?!\d))"
                               r"|[IVX]{1,4}(?:\s|[.、])|[ア-ン](?:\s|[.、])|[一二三四五六七八九十]{1,3}(?:\s|、)"
                               rf"|第\s*{NUMBER}\s*[章節部])\s*(?=\S)")
# 記者発表資料, お知らせ, 記: what a press release prints above or below its
# title, and the office issuing it (岡山市政策局政策部政策企画課).
RELEASE_MARK_LINE = regex.compile(r"^[【\[(]?\s*(?:記者発表資料?|報道発表資料?|報道資料|プレスリリース|報道機関各位|お知らせ|記)\s*[】\])]?$"
                                  r"|^\S+[課局室係班](?:\s*\S*(?:担当|係))?$")


# The characters SECTION_NUMBER can open with: a cheap test before it.
SECTION_OPENERS = set("(0123456789IVX第一二三四五六七八九十") | {chr(c) for c in range(ord("ア"), ord("ン") + 1)}


def is_section_heading(line: Line) -> bool:
    return line.text[:1] in SECTION_OPENERS and bool(SECTION_NUMBER.match(line.text)) and is_heading_like(line)


def heading_above(lines: list[Line]) -> int | None:
    """The index of the paper's own title among the lines above its first
    section: the longest heading there that is no date, no press release's
    mark or office and no section of its own; None when there is none."""
    candidates = [i for i, ln in enumerate(lines) if may_title_a_paper(ln)]
    return max(candidates, key=lambda i: len(lines[i].text), default=None)


def may_title_a_paper(line: Line) -> bool:
    text = line.text
    return (is_heading_like(line) and len(text) >= 4 and not line.running_header
            and not ERA_DATE_LINE.match(text) and not YEAR_LINE.match(text) and not RELEASE_MARK_LINE.match(text))


# 甲の役割, 乙の役割分担, 役割(乙): an agreement's 別表 names its parties' roles by
# their marks; an overview's table names them 中心市の役割, 連携市町村の役割.
PARTY_ROLE_HEADER = regex.compile(rf"^(?:[{ROLE_CHARS}]の役割(?:分担)?|役割(?:分担)?\([{ROLE_CHARS}]\))$")


def names_party_roles(line: Line) -> bool:
    cells = line.cells if line.is_row else line.text.split()
    return "役割" in line.text and any(PARTY_ROLE_HEADER.match(cell.strip()) for cell in cells)


# 名称 | 締結日 | 当事者 | 期間 …: the particulars of an agreement a summary
# tables under 項目 | 内容 (and a 圏域名, its members, its main measures in a
# sentence), no measures of it.
PARTICULAR_KEY = regex.compile(
    r"^(?:連携)?(?:協約|協定)?の?(?:名称|締結(?:年月)?日|当事者|構成(?:市町村|市町|団体)|連携市町村?|中心市"
    r"|連携中枢都市|(?:有効)?期間|圏域名?|圏域の名称|主な(?:取組|内容)|目的|効力発生日|施行日|議決日|所在地)$")


def particulars_rows(lines: list[Line]) -> set[int]:
    """The indexes of the rows (and the header over them) of each table
    whose rows are mostly keyed by an agreement's particulars."""
    found: set[int] = set()
    i = 0
    while i < len(lines):
        if not lines[i].is_row:
            i += 1
            continue
        end = i
        while end < len(lines) and lines[end].is_row:
            end += 1
        keyed = sum(bool(PARTICULAR_KEY.match(ln.cells[0].strip().replace(" ", ""))) for ln in lines[i:end])
        if keyed >= 2 and keyed * 2 >= end - i - 1:  # the header (項目 | 内容) is no key
            found.update(range(i, end))
        i = end
    return found


def is_overview_table_header(line: Line) -> bool:
    """'連携施策(15施策) 取組内容': a short line of two or more header words."""
    words = line.text.replace("\t", " ").split()
    return (2 <= len(words) <= 5 and len(line.text) <= 40 and not SENTENCE_END.search(line.text)
            and sum(bool(TABLE_HEADER_WORDS.search(w)) for w in words) >= 2)


def is_header_row_over_rows(lines: list[Line], i: int) -> bool:
    """分野 | 連携する取組 | 三股町 | 曽於市: a table's header kept as cells (a
    slide's table, ○ under each partner town) over a row of the table: short
    cells, none a sentence, one naming the measures."""
    cells = [cell.strip() for cell in lines[i].cells] if lines[i].is_row else []
    return (len(cells) >= 2 and i + 1 < len(lines) and lines[i + 1].is_row
            and all(len(cell) <= 20 and not SENTENCE_END.search(cell) for cell in cells)
            and any(TABLE_HEADER_WORDS.search(cell) for cell in cells))


def is_heading_like(line: Line) -> bool:
    """A cover or title line (連携協約書, a date, the parties' names, a title
    wrapped over lines): no table row, no sentence."""
    return not line.is_row and not SENTENCE_END.search(line.text) and len(line.text) <= 60


def first_title(lines: list[Line], order) -> int | None:
    """The index of the first title-like line in that order; a page's
    running header, or a web page's link to the agreement as a file, only
    where no other line is one."""
    candidates = [i for i in order if is_title_like(lines[i])]
    return next((i for i in candidates if not lines[i].running_header and not names_a_file(lines[i].text)),
                candidates[0] if candidates else None)


# 「郡山市と三春町との連携協約」: a title quoted whole, as a running header
# or a 例規集 heading may print it; a caption quoted so names no agreement.
QUOTED_TITLE = regex.compile(r"^[「『]([^「」『』]+(?:協約|協定|覚書|協議書|合意書)書?(?:\(案\))?)[」』]$")


def title_text(text: str, bullets: str = "○◯◎■□◆◇ ") -> str:
    """A title without its bullet (○, ■ …) or the brackets quoting it whole.
    ● is a bullet only when telling a title: it also blanks a template's
    names (●●市及び●●町の連携協約), which the title keeps."""
    text = text.lstrip(bullets)
    quoted = QUOTED_TITLE.match(text) if text.startswith(("「", "『")) else None
    return quoted.group(1) if quoted else text


# A web page's link to the agreement as a file, its size given (連携協約書
# (PDF:245KB), [PDFファイル/1.2MB]): the page names the file, no title.
FILE_LINK = regex.compile(r"(?i)(?:pdf|word|excel|docx?|xlsx?|ファイル)[^()\[\]]{0,10}?[\s:/(\[]\s*\d[\d.,]*\s*[kmg]i?b")


def names_a_file(text: str) -> bool:
    return ("B" in text or "b" in text) and FILE_LINK.search(text) is not None  # a size ends in B


def is_title_like(line: Line) -> bool:
    text = title_text(line.text, "○◯◎●■□◆◇ ")
    return (not line.is_row and 4 <= len(text) <= 100 and bool(TITLE_WORDS.search(text))
            and not CHAPTER_LINE.match(text)
            and not text.endswith("。") and not ARTICLE_LINE.match(text) and not CAPTION_LINE.match(text)
            and "以下" not in text and not ENACTMENT_LINE.match(text))


CHAPTER_LINE = regex.compile(r"^第\s*[0-9一二三四五六七八九十]+\s*[章節編]")  # 第1章 …の概要 heads a chapter
# …の形成に / 係る連携協約書: no title ends with a case particle.
TITLE_BREAK = regex.compile(r"(?:の|に|を|における|に係る|に関する|及び|並びに|と|、)$")


# …連携中枢都市圏 / 形成に係る連携協約: a title's second part may open with
# what no title opens with, a particle or the 形成 of the area named above.
TITLE_CONTINUATION = regex.compile(r"^(?:の|に?(?:係る|関する|おける|ついて)|における|及び|並びに|形成)")
# …連携中枢都市圏 / 連携協約書: the area's name over what the text is.
AREA_AT_END = regex.compile(r"圏域?$")
AGREEMENT_OPENING = regex.compile(r"^(?:連携)?(?:協約|協定)")


def is_title_start(previous: Line, line: Line) -> bool:
    """A title wrapped over two lines: the first part ends mid-phrase
    (…連携中枢都市圏の / 形成に係る連携協約), or the second part opens
    mid-phrase (…連携中枢都市圏 / 形成に係る連携協約) or names the
    agreement of the area named above (…連携中枢都市圏 / 連携協約書)."""
    return not line.blank_before and not previous.is_row and len(previous.text) <= 60 \
        and (bool(TITLE_BREAK.search(previous.text)) or is_heading_like(previous)
             and (bool(TITLE_CONTINUATION.match(line.text)) or names_area_over_agreement(previous, line))
             and not ENACTMENT_LINE.match(previous.text) and not ERA_DATE_LINE.match(previous.text))


def names_area_over_agreement(previous: Line, line: Line) -> bool:
    return bool(AREA_AT_END.search(previous.text)) and bool(AGREEMENT_OPENING.match(line.text))


def is_wrapped_from(previous: Line, line: Line) -> bool:
    """previous is the first part of a sentence that line continues; a
    例規集's history line (改正 平成30年3月30日 令和3年3月31日) is none."""
    return not previous.is_row and not SENTENCE_END.search(previous.text) and not is_title_like(previous) \
        and len(previous.text) >= 20 and not ENACTMENT_LINE.match(previous.text)


def classify(segments: list[Segment]) -> str:
    """agreement: a 協約/協定 with its own articles; overview: a summary or
    slide about one; other: anything else."""
    title = next((s.text for s in segments if s.kind == Kind.TITLE), "")
    has_articles = any(s.kind == Kind.ARTICLE for s in segments)
    all_text = "\n".join(s.text for s in segments if s.kind != Kind.QUOTE)
    signed = any(s.kind == Kind.SIGNATORY for s in segments)  # an amending agreement has no articles
    if ((has_articles or signed and AGREEMENT_WORDS.search(title))
            and not OVERVIEW_WORDS.search(title) and AGREEMENT_WORDS.search(title + all_text)):
        return "agreement"
    if announces_or_plans(segments, title):
        return "other"
    # A summary names the agreement in its title or lays out its measures; a
    # text that only mentions one (a press release, a council minute) is other.
    about_one = AGREEMENT_WORDS.search(title) or (OVERVIEW_WORDS.search(title) and AGREEMENT_WORDS.search(all_text))
    if about_one or any(s.kind in (Kind.OVERVIEW_TABLE, Kind.APPENDIX) for s in segments):
        return "overview"
    return "other"


# A press release says so above its title (記者発表資料, 報道発表, お知らせ
# on a line of its own) or titles itself as news (…連携協約を締結します); a
# plan made under an agreement (…連携中枢都市圏ビジョン, 共生ビジョン, 計画,
# 戦略) heads its first line with the plan's name. Both speak of an
# agreement and lay out measures without being one or its summary.
PRESS_MARK = regex.compile(r"記者発表|報道発表|報道資料|プレスリリース|報道機関各位|^[【\[(]?\s*お知らせ\s*[】\])]?$")
NEWS_TITLE = regex.compile(r"(?:ます|ました)[。!]?$")
PLAN_TITLE = regex.compile(r"(?:ビジョン|計画|戦略)(?:\s*\([^()]*\))?$")
HEAD_LINES = 4


def announces_or_plans(segments: list[Segment], title: str) -> bool:
    head = [ln.text for s in segments for ln in s.lines][:HEAD_LINES]
    first = head[0] if head else ""
    return (any(PRESS_MARK.search(text) for text in head) or bool(NEWS_TITLE.search(title))
            or bool(PLAN_TITLE.search(first)) and not AGREEMENT_WORDS.search(first))
