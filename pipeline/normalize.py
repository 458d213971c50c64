"""normalize: Source -> list[Line].

Makes text comparable without making it unfaithful: NFKC (full-width digits
and letters to ASCII, ① to 1), one form of brackets and dashes, converter
debris (HTML tags, dash rules), page furniture (footers, running headers,
library stamps) and the stray spaces that extraction and OCR put inside
Japanese words. Blank lines are dropped but remembered (`blank_before`),
and every line keeps its source line and page number.
"""
from __future__ import annotations

import html
import unicodedata
from collections import Counter
from dataclasses import replace
from functools import lru_cache

import regex

from pipeline.model import CELL_SEP, SCANNED_METHODS, Line, Source

# CJK Radicals Supplement code points that NFKC leaves alone (Word PDFs use
# them: a font drawing 亀 and ⻲ with one glyph maps it back to either). Each
# is folded to the kanji Unicode names as its equivalent (EquivalentUnified-
# Ideograph.txt) where that is a whole kanji of Japanese text (亀岡市, 竜王町).
RADICAL_SUPPLEMENT = str.maketrans({"⺠": "民", "⻁": "虎", "⻄": "西", "⻆": "角", "⻌": "辶", "⻑": "長",
                                    "⻘": "青", "⻝": "食", "⻤": "鬼", "⻩": "黄", "⻭": "歯", "⺟": "母",
                                    "⺤": "爫", "⺩": "王", "⻖": "阝", "⻊": "足", "⻏": "阝",
                                    "⻲": "亀", "⻯": "竜", "⻫": "斉", "⻨": "麦", "⻣": "骨", "⺬": "示",
                                    "⻗": "雨", "⻱": "龜"})
# One form of dashes (katakana ー and kanji 一 are letters, not dashes) and
# waves: the wave of 令和2年4月1日〜令和7年3月31日 is U+301C from Shift_JIS
# read as JIS, U+FF5E from CP932, U+223C or U+2053 from a PDF's font, 〰 at times.
DASHES = str.maketrans({c: "-" for c in "‐‑‒–—―−﹣－⸺⸻⎯"} | {c: "~" for c in "〜～∼⁓〰"})
BRACKETS = str.maketrans({"〔": "(", "〕": ")", "［": "[", "］": "]", "｛": "{", "｝": "}"})
# Circled numbers NFKC leaves as they are (❶ negative, ➀ ➊ sans-serif, ⓵
# double; Word's bullet styles) as it makes ① ⑪: their number, so ❶ numbers
# an item, a 項 or a measure as ① does and reads the same in the tables.
DINGBAT_NUMBERS = str.maketrans(
    {chr(start + k): str(first + k) for start, first, count in (
        (0x2776, 1, 10), (0x2780, 1, 10), (0x278A, 1, 10), (0x24EB, 11, 10), (0x24F5, 1, 10), (0x24FF, 0, 1))
     for k in range(count)})
AFTER_NFKC = RADICAL_SUPPLEMENT | DASHES | BRACKETS | DINGBAT_NUMBERS  # one pass over the text
WHITESPACE = regex.compile(r"\s+")
# Invisible format characters (zero-width space, a BOM mid-file, soft
# hyphen, word joiner, direction marks) that web pages and word processors
# leave between letters: they split words, labels and cells to every rule.
# So do variation selectors after a kanji (辻 + U+E0100, the 一点しんにょう
# glyph a 住民基本台帳 font asks for): the kanji is the same character, as
# the gazetteer and every reader of the table have it.
INVISIBLE = regex.compile(r"[\p{Cf}\p{Variation_Selector}]+")
# A circled number opening a line or cell is a label however closely the
# text follows it (②創業支援); NFKC makes it a digit (2創業支援), which
# would read as part of the words (3次救急医療), so it keeps a space.
# So does a number in brackets or with a full stop in one character (⑴創業
#支援, ⒈医療: NFKC gives (1) and 1., and 1.医療 would read as no item),
# and ❶ ➊ ⓫, which DINGBAT_NUMBERS makes digits.
CIRCLED_LABEL = regex.compile(r"^(\s*[\u2460-\u249b\u3251-\u325f\u32b1-\u32bf\u2776-\u2793\u24eb-\u24ff])(?=\p{L})")

TAG = regex.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")
JAPANESE = r"[\p{Han}\p{Hiragana}\p{Katakana}ー々〆、。・「」『』()]"
JAPANESE_CHAR = regex.compile(JAPANESE)
SPACE_IN_JAPANESE = regex.compile(rf"(?<={JAPANESE}) +(?={JAPANESE})")
WORD_GAP = "\ue000"  # a private-use character: NFKC and the space rules leave it alone
WIDE_GAP = regex.compile(r"\u3000+| {2,}")
AROUND_WORD_GAP = regex.compile(rf"\s*{WORD_GAP}[\s{WORD_GAP}]*")
# 令和元年 12 月 25 日, 第 1 条: spaces around the digits of a date or a number label;
# and between digits letter-spaced one apart up to the unit (2 0 2 0 年, 2 7 日:
# 均等割付), not between a number and the date it stands before (1 2020年4月1日,
# 2 4月1日から: an item's number).
SPACE_IN_NUMBER = regex.compile(r"(?<=[年月第元]) +(?=\d)|(?<=(?<!\d)\d(?: \d)*) (?=\d(?: \d)* [年月日])"
                                r"|(?<=\d) +(?=[年月日条項号])")
SPACED_LETTERS = regex.compile(r"(?<![A-Za-z])[A-Z](?: [A-Z]){1,}(?![A-Za-z])")
RULE = regex.compile(r"^[\s\-=_~*・.:|+\p{Block=Box_Drawing}]{3,}$")
# A table row drawn with borders, as converters write them: Markdown
# (| 取組 | 甲の役割 |, ｜ after NFKC too) or box drawing (│ 取組 │ … │).
BORDERED_ROW = regex.compile(r"^\s*[|｜│┃](?P<inner>.*)[|｜│┃]\s*$")
BORDER_CHARS = ("|", "｜", "│", "┃")
BORDER = regex.compile(r"(?<!\\)[|｜│┃]")
# A rule between cells with no border around the row: Markdown's a | b | c,
# a vertical rule as OCR or a text export gives it (産業振興 | 企業誘致…).
# A bar with a blank or the line's edge on each side, so that 1|2 stays.
LETTER = regex.compile(r"\p{L}")
INNER_BORDER = regex.compile(r"[ \u3000]*(?<=^|[ \u3000])(?<!\\)[|｜│┃](?=[ \u3000]|$)[ \u3000]*")
# Markdown from converters: a heading's # marks and ** / __ around strong
# text (# 連携協約, **第1条**(目的), **(目的)**) are markup, not text.
MARKDOWN_HEADING = regex.compile(r"^\s*#{1,6}\s+")
MARKDOWN_STRONG = regex.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
# pandoc escapes the ASCII punctuation Markdown would read (\* \[ \_) and
# ends a line broken inside its paragraph with a backslash; a backslash
# before anything else is text (CP932 text's yen sign: \1,000)
MARKDOWN_ESCAPE = regex.compile(r"\\([!-/:-@\[-`{-~])|\\\s*$")
# A page number alone on its line, as word processors print it: - 3 -, - 3/5 -, 3/5,
# P.3, Page 3 (of 5), 3ページ, 3頁, (3), ・3・.
PAGE_FOOTER = regex.compile(r"^(?:-\s*\d{1,3}\s*(?:/\s*\d{1,3}\s*)?-|\d{1,3}\s*/\s*\d{1,3}|[Pp]\.?\s*\d{1,3}"
                            r"|(?i:page)\s*\d{1,3}(?:\s*(?:/|of)\s*\d{1,3})?|\d{1,3}\s*(?:ページ|頁)"
                            r"|\(\s*\d{1,3}\s*\)|・\s*\d{1,3}\s*・)$")
# A label alone on its line, naming the value below it: 【取組の内容】, 乙の役割分担.
KEY_LABEL = regex.compile(r"^【[^【】]{1,12}】$|^[^\s。、]{0,10}(?:の役割(?:分担)?|取組(?:の)?内容)$")
ITEM_MARKER = regex.compile(r"^(?:\(?[0-9a-zア-ン]{1,2}\)|[0-9a-zア-ン]{1,2}[\s.])")
KANJI = regex.compile(r"\p{Han}")
KANJI_ITEM = regex.compile(r"^[一二三四五六七八九十]+[\s\u3000]")
BARE_NUMBER = regex.compile(r"^\d{1,3}$")
SIGNATURE_MARKS = set("甲乙丙丁印")
SENTENCE_PUNCT = regex.compile(r"[、。,.:;「」()]")


def normalize(source: Source) -> list[Line]:
    lines: list[Line] = []
    blank = False
    scanned = {page.page for page in source.pages if page.method in SCANNED_METHODS}
    texts, ruled = cells_of_ruled_rows(unmarked([raw.text for raw in source.lines]))
    texts, through = cells_of_space_aligned_tables(texts, [raw.page for raw in source.lines])
    through |= ruled
    # paged text (form feeds, PDF) has its margin instead (lines_at_margin)
    texts, wrapped = (texts, {}) if is_paged(source.lines) else joined_hard_wraps(texts)
    through |= wrapped
    continued = {id(source.lines[k]) for i, end in wrapped.items() for k in range(i + 1, end + 1)}
    last_line = {id(source.lines[i]): source.lines[end].line_no for i, end in through.items()}
    footer_breaks: set[int] = set()  # indexes of the lines that open a page after a footer
    full = lines_at_margin(source.lines, texts)
    for raw, text in reading_order(source.lines, texts):
        if id(raw) in continued:
            continue  # joined to the line above: no blank between them
        text = clean_line(text)
        furniture = furniture_of(text)
        if furniture:
            if furniture == FOOTER:
                footer_breaks.add(len(lines))
            blank = True
            continue
        lines.append(Line(no=raw.line_no, text=text, page=raw.page, blank_before=blank, end_page=raw.end_page,
                          ocr=raw.page in scanned, through=last_line.get(id(raw)), at_margin=id(raw) in full,
                          table_end=raw.table_end))
        blank = False
    lines, footer_breaks = without_counted_page_numbers(lines, footer_breaks)
    lines = drop_page_numbers(drop_running_headers(lines, footer_breaks))
    return drop_trailing_stamps(lines)


def unmarked(texts: list[str]) -> list[str]:
    """The lines without invisible characters, and with their rules between
    cells as TABs where the document's rows have no border around them
    (a | b | c, | c for a row continued under empty cells): before any
    table is looked for, since the blanks around a bar would read as the
    gaps of a table laid out with spaces. Whether rows are bordered is the
    document's choice: one row with text outside its bars says they are
    not, and a bar at a row's edge is then an empty cell's."""
    whole = "\n".join(texts)  # one search of the whole text: most have neither
    if INVISIBLE.search(whole):
        texts = [INVISIBLE.sub("", text) for text in texts]
    if not any(bar in whole for bar in BORDER_CHARS):
        return texts
    barred = [i for i, text in enumerate(texts) if INNER_BORDER.search(text)]
    if not any(words_outside_bars(texts[i]) for i in barred):
        return texts
    for i in barred:
        texts[i] = INNER_BORDER.sub(CELL_SEP, texts[i])
    return texts


def words_outside_bars(text: str) -> bool:
    """Letters before a row's first bar or after its last (a | b); not a
    drawn table's rule line (│    ├────┤), nor a bordered row."""
    bars = [match.start() for match in BORDER.finditer(text)]
    return bool(LETTER.search(text[:bars[0]]) or LETTER.search(text[bars[-1] + 1:]))


# Agreements repeat their lines (a role cell down a whole 別表, the same
# articles in a city's agreement with each partner town): a pure function
# of the line, remembered.
@lru_cache(maxsize=1 << 14)
def clean_line(text: str) -> str:
    """One source line to its normal form; TABs (cell borders) are kept."""
    if "<" in text:
        text = TAG.sub("", text)
    if "&" in text:
        text = html.unescape(text)
    if "#" in text or "**" in text or "__" in text:
        text = MARKDOWN_STRONG.sub(r"\2", MARKDOWN_HEADING.sub("", text))
    if text.lstrip().startswith(BORDER_CHARS):
        text = borders_to_cells(text)
    if "\\" in text:
        text = MARKDOWN_ESCAPE.sub(r"\1", text)
    cells = [clean_cell(cell) for cell in text.replace("\ufffd", "").split(CELL_SEP)]
    while cells and not cells[-1]:
        cells.pop()
    if all(RULE.match(cell) or not cell for cell in cells):  # a ruled row of a text table
        return ""
    return CELL_SEP.join(cells)


# What a cleaned line holds instead of text: nothing (blanks, a drawn rule),
# or a page number printed as a footer (- 3 -), which also ends its page.
NOTHING, FOOTER = "nothing", "footer"


@lru_cache(maxsize=1 << 14)
def furniture_of(text: str) -> str | None:
    """NOTHING, FOOTER or None for a line of text. Remembered as clean_line
    is: two regex calls a line were a sixth of normalize's time."""
    if PAGE_FOOTER.match(text):  # digits, which no rule has
        return FOOTER
    if not text.replace(CELL_SEP, "").strip() or RULE.match(text):
        return NOTHING
    return None


def borders_to_cells(text: str) -> str:
    """| a | b | -> a<TAB>b; Markdown's escaped \\| stays a character."""
    row = BORDERED_ROW.match(text)
    if not row:
        return text
    return CELL_SEP.join(cell.replace("\\|", "|") for cell in BORDER.split(row["inner"]))


def clean_cell(text: str) -> str:
    cleaned = squeezed(text)
    if " " not in cleaned or not is_letter_spaced(cleaned):
        return cleaned
    # OCR and some PDFs space out every character: the spaces between
    # letters go, the word gaps stay, held through NFKC as WORD_GAP.
    marked = with_word_gaps(text.strip())
    if WORD_GAP in marked:
        cleaned = squeezed(marked)
    return AROUND_WORD_GAP.sub(" ", SPACE_IN_JAPANESE.sub("", cleaned)).strip()


BLANKS = regex.compile(r"[ \u3000]+")
# A head's office as a signature line prints it (市長, 岡山県知事, 管理者), in
# kanji only: この協約は市長 is a sentence's letters, no office.
OFFICE = regex.compile(r"\p{Han}*(?:長|知事|管理者)")


def with_word_gaps(text: str) -> str:
    """The letter-spaced text with WORD_GAP for its gaps between words:
    where single spaces part the letters, a full-width space or a wider gap
    (石 見　利 勝: family and given name); and around an office spelled
    letter by letter before words (市　長　大森　雅夫, 知　事 伊原木 隆太:
    a short title spread to the width of the name, which keeps its gap)."""
    pieces, gaps = BLANKS.split(text), BLANKS.findall(text)
    single = [len(piece) == 1 for piece in pieces]
    letter_gaps = [gap for i, gap in enumerate(gaps) if single[i] and single[i + 1]]
    if " " in letter_gaps:
        words = [bool(WIDE_GAP.fullmatch(gap)) for gap in gaps]
    else:  # letters a full-width space apart (大　森　　雅　夫): a gap wider than most between letters
        usual = usual_width(letter_gaps)
        words = [bool(usual) and gap_width(gap) > usual for gap in gaps]
    office = spelled_office(pieces, single)
    if office:  # its letters are one word; the words after it stay apart, letters spaced among them join
        start, end = office
        for i in range(max(start - 1, 0), len(gaps)):
            inside = start <= i < end - 1 or i >= end and single[i] and single[i + 1] and not is_seal(pieces, i + 1)
            words[i] = words[i] or not inside
    if not any(words):
        return text
    return pieces[0] + "".join((WORD_GAP if word else gap) + piece for gap, word, piece in zip(gaps, words, pieces[1:]))


def usual_width(gaps: list[str]) -> int:
    """The width most of the gaps have (the narrower of two as common), 0 for none."""
    counts = Counter(map(gap_width, gaps))
    return min((w for w in counts if counts[w] == max(counts.values())), default=0)


def gap_width(gap: str) -> int:
    """The columns a gap takes, a full-width space two."""
    return len(gap) + gap.count("\u3000")


def is_seal(pieces: list[str], i: int) -> bool:
    """The last piece is a seal mark (印, ㊞)."""
    return i == len(pieces) - 1 and unicodedata.normalize("NFKC", pieces[i]) == "印"


def spelled_office(pieces: list[str], single: list[bool]) -> tuple[int, int] | None:
    """(start, end) of the pieces that spell an office letter by letter
    (市 長, 知 事) with a word of two or more letters after it; a role mark
    before it (乙 市 長) is a word of its own."""
    end = 0
    while end < len(pieces):
        start = end
        while end < len(pieces) and single[end]:
            end += 1
        start += end - start > 2 and pieces[start] in SIGNATURE_MARKS
        if end - start >= 2 and end < len(pieces) and OFFICE.fullmatch("".join(pieces[start:end])):
            return start, end
        end += 1
    return None


def squeezed(text: str) -> str:
    """NFKC, one form of dashes and brackets, one space for any run of
    blanks, none inside letter-spaced acronyms and numbers."""
    text = CIRCLED_LABEL.sub(r"\1 ", text)
    text = unicodedata.normalize("NFKC", text).translate(AFTER_NFKC)
    text = WHITESPACE.sub(" ", text).strip()
    if " " not in text:
        return text
    text = SPACED_LETTERS.sub(lambda m: m.group(0).replace(" ", ""), text)
    return SPACE_IN_NUMBER.sub("", text)


# -- lines wrapped at the right margin --
# A printed page wraps its prose at one width; a line that reaches it was
# cut there, even when the cut fell right after a 。 and the sentence after
# it goes on below (…協議によるものとする。 / この場合において、…). Proportional
# glyphs make the full lines a few columns shorter or longer than the widest.
MARGIN_SLACK = 0.06  # share of the widest line's width
MARGIN_LINES = 5  # full lines needed to trust a margin


def is_paged(raws) -> bool:
    """Whether the source's lines know their pages (pdftotext's form feeds, PDF)."""
    return bool(raws) and (raws[0].page is not None or raws[-1].page is not None)


def lines_at_margin(raws, texts: list[str]) -> set[int]:
    """ids of the raw lines of prose that run to the right margin; only
    where pages are known (pdftotext's form feeds, PDF), as a plain text
    gives each paragraph a line of its own and has no margin."""
    if not is_paged(raws):
        return set()
    widths = {id(raw): display_width(text.rstrip()) for raw, text in zip(raws, texts) if is_prose(text)}
    widest = max(widths.values(), default=0)
    full = {key for key, width in widths.items() if width >= widest * (1 - MARGIN_SLACK)}
    return full if len(full) >= MARGIN_LINES else set()


# -- prose hard-wrapped at a fixed width (a fixed-width export, a mail body) --
# The export cuts a paragraph every N characters, wherever the cut falls
# (mid-word, inside 岡山県 or a date); each piece but the last is exactly N
# wide, in characters or in display columns. Lines a document writes one
# to a paragraph end with 。 or differ in width; a run of equal ones
# followed by a shorter one is one line cut up.
WRAP_MIN_CHARS = 20  # fixed-width exports wrap at 20 full-width characters or more
APPENDIX_HEAD = regex.compile(r"^[\s\u3000]*別\s*表")
WRAP_MIN_FULL = 2  # full lines of one width: one alone is no evidence of a fixed width


def joined_hard_wraps(texts: list[str]) -> tuple[list[str], dict[int, int]]:
    """Each run of hard-wrapped prose above the 別表 joined into its first
    line. Returns the lines (a joined run's other lines emptied) and each
    run's last line. The 別表 is left alone: a table given one cell a line
    wraps its cells at the column's width, and its reader goes by widths."""
    body_end = next((n for n, text in enumerate(texts) if "別" in text and APPENDIX_HEAD.match(text)), len(texts))
    runs, i = {}, 0
    while i < body_end - 1:
        end = wrapped_run_end(texts, i, body_end)
        if end > i:
            runs[i] = end
        i = end + 1
    # One export, one width: runs of several widths are a PDF's text copied
    # (cells wrapped at their columns' widths), read by widths further on.
    if len({len(texts[i]) for i in runs}) > 1 and len({display_width(texts[i]) for i in runs}) > 1:
        return texts, {}
    out = list(texts)
    for i, end in runs.items():
        out[i] = "".join(texts[i:end + 1])
        out[i + 1:end + 1] = [""] * (end - i)
    return out, runs


def wrapped_run_end(texts: list[str], i: int, stop: int) -> int:
    """The last line of the hard-wrapped run starting at line i, or i: lines
    as wide as line i, none ending a sentence, then the paragraph's last;
    all before line `stop`."""
    if not may_be_wrapped(texts[i], first=True) or not may_be_wrapped(texts[i + 1], first=False):
        return i  # the cheap test first: most prose lines end with 。
    for measure in (len, display_width):  # an export counts characters or columns
        width, end = measure(texts[i]), i + 1
        while end < stop and may_be_wrapped(texts[end], first=False) and measure(texts[end]) == width:
            end += 1
        if end - i >= WRAP_MIN_FULL and end < stop and may_be_wrapped(texts[end], first=False, last=True) \
                and ends_wrapped_run(texts[end], measure(texts[end]), width):
            return end
    return i


def ends_wrapped_run(text: str, width: int, full: int) -> bool:
    """The paragraph's last piece: shorter than the full ones, or as wide
    when the sentence ends right at the margin."""
    return width < full or width == full and text.rstrip().endswith("。")


# A sentence's end, also under a note after it: …定める。(令和3年3月31日一部改正)
SENTENCE_CLOSED = regex.compile(r"。(?:\s*[(（][^()（）]{1,40}[)）])?$")


def may_be_wrapped(text: str, first: bool, last: bool = False) -> bool:
    """A piece of a cut prose line: long enough for the first, not ending a
    sentence but for the last; a later piece starts at the margin and is not
    a new item or paragraph (ア, (1), 2 …), and none has cells or gaps."""
    body = text.strip()
    # the tests without a regex first: most lines are short or end with 。
    if not body or "\t" in text or first and len(body) < WRAP_MIN_CHARS or not last and body.endswith("。"):
        return False
    if GAP.search(body) or not last and SENTENCE_CLOSED.search(body):
        return False
    if furniture_of(clean_line(text)) == FOOTER:  # both remembered: the loop below asks again
        return False  # a page number (－３－) cut into a sentence is no piece of it: the page's furniture
    if first:
        return True
    head = unicodedata.normalize("NFKC", text[:4])  # (1) and 1 also in full width
    return not text[:1].isspace() and not ITEM_MARKER.match(head) and not KANJI_ITEM.match(head)


def is_prose(text: str) -> bool:
    """A line of running text: not indented, no cells or gaps in it."""
    return bool(text.strip()) and "\t" not in text and leading_width(text) < 2 and not GAP.search(text.strip())


# -- tables drawn with borders whose rows are ruled off from each other --
# A rule drawn across the table: +----+----+, ├────┼────┤, |---|---|, also
# one under a spanning header cell only (│    │    ├────┬────┤).
BORDER_RULE = regex.compile(r"^\s*[+|｜\p{Block=Box_Drawing}][\s\-=_~.:|+｜\p{Block=Box_Drawing}]{2,}$")
CELL_FINISHED = regex.compile(r"[。)」]$")


def starts_with_border(text: str) -> bool:
    first = text.lstrip()[:1]
    return first in ("+", "|", "｜") or "\u2500" <= first <= "\u257f"


def cells_of_ruled_rows(texts: list[str]) -> tuple[list[str], dict[int, int]]:
    """A table drawn with borders (│ a │ b │, | a | b |) whose rows are ruled
    off from each other (├──┼──┤, +---+---+) shows a row's wrapped cells as
    lines in a run between two rules: such a run is one row, its lines'
    cells joined column by column. Only where the rules part two or more
    body rows: a table ruled under its header alone has one row a line.
    Returns the lines (merged rows as TAB cells) and each merged row's last line."""
    if not any(BORDER_RULE.match(text) for text in texts if starts_with_border(text)):
        return texts, {}
    out, through = list(texts), {}
    for block in drawn_tables(texts):
        runs = runs_of([i for i in block if not BORDER_RULE.match(texts[i])])
        if len(runs) < 3:  # a header and one body: the rules may set off only the header
            continue
        for run in runs:
            cells = [borders_to_cells(texts[i]).split(CELL_SEP) for i in run]
            ruled = is_row_rule(texts, run[0] - 1) and is_row_rule(texts, run[-1] + 1)
            if len(run) < 2 or not ruled or not continues_cells(cells):
                continue
            width = max(map(len, cells))
            out[run[0]] = CELL_SEP.join(join_wrapped([row[c] if c < len(row) else "" for row in cells])
                                        for c in range(width))
            for i in run[1:]:
                out[i] = ""
            through[run[0]] = run[-1]
    return out, through


def is_row_rule(texts: list[str], i: int) -> bool:
    """A rule between rows; not Markdown's |---|---| under its header, whose
    rows follow one a line."""
    return 0 <= i < len(texts) and bool(BORDER_RULE.match(texts[i])) and not texts[i].lstrip().startswith(("|", "｜"))


def drawn_tables(texts: list[str]) -> list[list[int]]:
    """Indexes of the lines of each drawn table: bordered rows and rules in a run."""
    tables: list[list[int]] = []
    for i, text in enumerate(texts):
        if not (starts_with_border(text) and (BORDER_RULE.match(text) or BORDERED_ROW.match(text))):
            continue
        if tables and tables[-1][-1] == i - 1:
            tables[-1].append(i)
        else:
            tables.append([i])
    return tables


def continues_cells(rows: list[list[str]]) -> bool:
    """The lines of a run are one wrapped row, not rows of their own (a table
    ruling off groups of rows): a later line leaves its first cell empty, or
    leaves empty a cell the line above fills (only the measure wrapped), or
    the line above breaks off a cell mid-sentence (a finished row's cells end
    with 。)."""
    for above, line in zip(rows, rows[1:]):
        if not line[0].strip():
            return True
        for k, cell in enumerate(above[1:], 1):
            below = line[k].strip() if k < len(line) else ""
            if cell.strip() and (not below or not CELL_FINISHED.search(cell.strip())):
                return True
    return False


# -- tables laid out with spaces (pdftotext -layout, text copied from a PDF) --
# A gap between cells: two or more blanks (one full-width space separates words: ア　産業振興).
GAP = regex.compile(r"[ \u3000]{2,}")
GAP_PAIRS = ("  ", " \u3000", "\u3000 ", "\u3000\u3000")  # the two blanks a GAP starts with
GAP_SPLIT = regex.compile(r"([ \u3000]{2,})")
BLANK_SPLIT = regex.compile(r"([ \u3000]+)")  # inside a row: any blank, placed by where the next word starts
HEADER_HINT = regex.compile(r"施策|取組|内容|概要|役割|分野|事業|項目")
SENTENCE_MARK = regex.compile(r"[、。]")
TABLE_BREAK = regex.compile(r"^\s*(?:第\s*[0-9０-９一二三四五六七八九十百]+\s*条|別[表紙記])")


def cells_of_space_aligned_tables(texts: list[str], pages: list | None = None) -> tuple[list[str], dict[int, int]]:
    """Lines of a table aligned with spaces become TAB-separated cells. The
    header row (three or more cells, two of them table words such as 取組内容
    or 甲の役割) gives the columns by where its cells start on screen (a
    full-width character is two wide), and where many rows start a cell
    far from any header cell is a column too (one header cell over two
    columns); a row's pieces go to the column starting nearest to them, so
    a wrapped cell's rest, indented under its column, comes
    out with empty leading cells, as other layouts give it. Two lines in a
    row without a gap, or a 第N条 / 別表 line, end the table."""
    if not has_gap(texts):
        return texts, {}
    out = list(texts)
    columns: list[int] | None = None
    width = display_width
    plain_run = 0
    rows: list[int] = []  # lines made into cells, headers excluded
    header_at = -1
    for i, text in enumerate(texts):
        if "\t" in text or TABLE_BREAK.match(text) or starts_with_border(text):
            columns = None  # cells already drawn: borders tell them apart better than positions
            continue
        header = header_columns_at(text)
        if header:
            width = column_measure(text, texts[i + 1:i + 1 + MEASURE_LINES])
            header = header if width is display_width else header_columns_at(text, width)
            columns = with_body_columns(header, body_below(texts, i), width)
            plain_run, header_at = 0, i
            out[i] = ("\t".join(piece for _, piece in pieces_of(text)) if columns == header
                      else cells_under(text, columns, width))
        elif columns and i == header_at + 1 and sub_header_columns(text, columns, width):
            columns = sub_header_columns(text, columns, width)
            out[i] = cells_under(text, columns, width)
        # a footer printed across the table (- 3 -) stays a line of its own, to be dropped,
        # and so does a running header over the header repeated on the next page
        elif columns and text.strip() and not is_page_furniture(text) and not is_page_top(texts, pages, i):
            cells = cells_under(text, columns, width)
            if GAP.search(text.strip()) or leading_width(text) >= 2 or is_split(cells):
                out[i], plain_run = cells, 0
                rows.append(i)
            else:
                plain_run += 1
                columns = None if plain_run >= 2 else columns
    return merge_spaced_rows(texts, out, rows)


def has_gap(texts: list[str]) -> bool:
    """Whether any line has a GAP, by str's substring search in the joined
    text: a regex call a line cost five times as much, and most have none."""
    whole = "\n".join(texts)
    return any(pair in whole for pair in GAP_PAIRS)


def is_page_top(texts: list[str], pages: list | None, i: int) -> bool:
    """The first line of a page (pdftotext's form feed before it) with a
    table header next: the page's running header, not a row's last words."""
    if not pages or pages[i] is None:
        return False
    above = next((k for k in range(i - 1, -1, -1) if texts[k].strip()), None)
    below = next((k for k in range(i + 1, len(texts)) if texts[k].strip()), None)
    return (above is not None and pages[above] != pages[i]
            and below is not None and bool(header_columns_at(texts[below])))


def is_split(cells: str) -> bool:
    """Words in two cells or more: a row even where pdftotext left only
    one space between its full cells (新規創業の促進及び地 及び地域の…)."""
    return sum(bool(cell) for cell in cells.split("\t")) >= 2


# Where the rows' cells start: a start shared by this share of the table's
# lines is a column even where the header names none (取組 over both the
# measure and its content, printed once; pdftotext moving a lone header word).
BODY_COLUMN_SHARE = 0.4
SAME_COLUMN = 3  # display columns: pdftotext places a column's cells this far apart
BODY_LINES = 80


def body_below(texts: list[str], header: int) -> list[str]:
    """The lines of the table under a header with a gap in them, up to the
    next header, a 第N条 or 別表 line or two lines of plain text in a row."""
    body, plain = [], 0
    for text in texts[header + 1:header + 1 + BODY_LINES]:
        if "\t" in text or TABLE_BREAK.match(text) or header_columns_at(text):
            break
        if GAP.search(text.strip()) or leading_width(text) >= 2:
            body.append(text)
            plain = 0
        elif text.strip():
            plain += 1
            if plain >= 2:
                break
    return body


def with_body_columns(header: list[int], body: list[str], width) -> list[int]:
    """The header's columns and those where many rows start a cell far from
    any header cell: each cluster of starts (a few columns apart, as
    pdftotext shifts them) counted once a line. A header cell under which
    no cell starts, centred over its column, keeps the cluster nearest to
    it (up to MISFIT_CAP left or right) as its own cells."""
    counts: Counter = Counter()
    for text in body:
        counts.update({start for start, _ in pieces_of(text, width=width)})
    needed = max(2, BODY_COLUMN_SHARE * len(body))
    frequent = [start for start, n in cluster_modes(counts) if n >= needed]
    far = [start for start in frequent if all(abs(start - column) > SAME_COLUMN for column in header)]
    for column in header:
        if not any(abs(start - column) <= SAME_COLUMN for start in frequent):
            near = [start for start in far if abs(start - column) <= MISFIT_CAP]
            if near:
                far.remove(min(near, key=lambda start: abs(start - column)))
    return sorted(header + far)


def cluster_modes(counts: Counter) -> list[tuple[int, int]]:
    """(most frequent start, lines) of each run of starts at most
    SAME_COLUMN apart."""
    clusters: list[list[int]] = []
    for start in sorted(counts):
        if clusters and start - clusters[-1][-1] <= SAME_COLUMN:
            clusters[-1].append(start)
        else:
            clusters.append([start])
    return [(max(run, key=counts.__getitem__), sum(counts[s] for s in run)) for run in clusters]


SUB_HEADER_CELL = 8  # characters: a column name (甲, 乙の役割, 鹿児島市), not a cell of text


def sub_header_columns(text: str, columns: list[int], width) -> list[int] | None:
    """A header over two lines (役割分担 spanning 甲 and 乙 printed under it):
    a line right under the header whose pieces are all short names, none of
    them under the first column, splits the column it stands under. Returns
    the columns: the header's left of it, the sub-header's, the header's right of it."""
    pieces = pieces_of(text, width=width)
    if len(pieces) < 2 or len(columns) < 2 or pieces[0][0] < columns[1] - 1:
        return None
    if any(len(piece) > SUB_HEADER_CELL or "、" in piece or "。" in piece for _, piece in pieces):
        return None
    first, last = pieces[0][0], pieces[-1][0]
    return [c for c in columns if c < first - 1] + [start for start, _ in pieces] + [c for c in columns if c > last]


def merge_spaced_rows(texts: list[str], out: list[str], rows: list[int]) -> tuple[list[str], dict[int, int]]:
    """A ruled table printed as text (pdftotext -layout) shows a row's
    wrapped cells as lines in a run, and a blank line between rows: such a
    run, blank above and below, is one row, its lines' cells joined column
    by column. Returns the lines and, for each merged row, its last line."""
    through: dict[int, int] = {}
    for run in runs_of(rows):
        if len(run) >= 2 and is_blank(texts, run[0] - 1) and is_blank(texts, run[-1] + 1):
            cells = [line.split("\t") for line in (out[i] for i in run)]
            width = max(map(len, cells))
            out[run[0]] = "\t".join(join_wrapped([row[c] if c < len(row) else "" for row in cells])
                                    for c in range(width)).rstrip("\t")
            for i in run[1:]:
                out[i] = ""
            through[run[0]] = run[-1]
    return out, through


def runs_of(indexes: list[int]) -> list[list[int]]:
    """Consecutive indexes grouped: [3, 4, 5, 8, 9] -> [[3, 4, 5], [8, 9]]."""
    runs: list[list[int]] = []
    for i in indexes:
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def is_blank(texts: list[str], i: int) -> bool:
    return i < 0 or i >= len(texts) or not texts[i].strip()


ALNUM_END = regex.compile(r"[A-Za-z0-9]$")
ALNUM_START = regex.compile(r"^[A-Za-z0-9]")


def join_wrapped(parts: list[str]) -> str:
    """Lines of one paragraph or cell, joined: nothing between Japanese
    characters, a space between two ASCII words."""
    text = ""
    for part in (p.strip() for p in parts):
        if not part:
            continue
        if text and ALNUM_END.search(text) and ALNUM_START.match(part):
            text += " "
        text += part
    return text


# -- signature blocks side by side (甲 left, 乙 right), as text layouts print them --
# A column head: a role mark standing alone or before the block's first word.
# Towns defined one by one as 乙1, 乙2 … sign under those numbered marks.
SIDE_ROLE = regex.compile(r"^[(（]?(?P<role>[甲乙丙丁戊])(?P<number>[0-9０-９]{1,2})?[)）]?(?:[:：]|\s|$|(?=\p{Han}))"
                          r"(?![及並とはがの、])")
SIDE_ROLES = "甲乙丙丁戊"
SIDE_SLACK = 4  # display columns a right-hand block's line may start left of its role mark
SIDE_MAX_LINES = 12  # a signature block is a few lines; more is something else


def reading_order(raws: list, texts: list[str]) -> list[tuple]:
    """(source line, text) in reading order: signature blocks printed side by
    side (甲 住所 … 乙 住所 on one line, titles and names below) are read
    column by column, each part keeping its source line; so are those laid
    side by side in a table's cells (signature_grid)."""
    gap, grids = has_gap(texts), may_hold_signature_grid(texts)
    if not gap and not grids:  # no gap, no blocks side by side
        return list(zip(raws, texts))
    ordered: list[tuple] = []
    i = 0
    while i < len(texts):
        grid = signature_grid(texts, i) if grids else None
        if grid is not None:
            ordered += grid_in_reading_order(raws, texts, i, grid)
            i = grid[0]
            continue
        starts = side_by_side_columns(texts[i]) if gap else None
        end = side_by_side_end(texts, i, starts) if starts else i + 1
        if end - i < 2 and not (starts and whole_blocks_on_one_line(texts[i], starts)):
            ordered.append((raws[i], texts[i]))
            i += 1
            continue
        columns = [column_parts(text, starts) for text in texts[i:end]]
        for c in range(len(starts)):
            ordered += [(raws[i + k], parts[c]) for k, parts in enumerate(columns) if parts[c]]
        i = end
    return ordered


def side_by_side_columns(text: str) -> list[int] | None:
    """Display columns where the blocks of a line such as 甲 宇部市… 乙
    山陽小野田市… start: its first piece and each later piece opening with
    the next role mark (甲, then 乙, then 丙)."""
    if "\t" in text or not GAP.search(text.strip()):
        return None
    pieces = pieces_of(text)
    roles = [(start, SIDE_ROLE.match(piece)) for start, piece in pieces]
    if not roles[0][1]:
        return None
    starts, last = [roles[0][0]], side_mark_order(roles[0][1])
    for start, mark in roles[1:]:
        if mark and follows_mark(last, order := side_mark_order(mark)):
            starts.append(start)
            last = order
    return starts if len(starts) >= 2 else None


# A head's title in a block (福山市長, 岡山県知事, …組合管理者).
HEAD_IN_BLOCK = regex.compile(r"(?<!副)(?:[市町村区]\s*長|知\s*事|管理者|(?:組合|連合)長)")


def whole_blocks_on_one_line(text: str, starts: list[int]) -> bool:
    """甲 福山市長 枝広 直幹    乙 府中市長 小野 申人: each block whole
    on the one line, its head's title in it."""
    return all(HEAD_IN_BLOCK.search(part) for part in column_parts(text, starts))


def side_mark_order(mark) -> tuple[int, int]:
    """(role, number) of a mark: 甲 (0, 0), 乙2 (1, 2)."""
    return SIDE_ROLES.index(mark["role"]), int(unicodedata.normalize("NFKC", mark["number"] or "0"))


def follows_mark(last: tuple[int, int], mark: tuple[int, int]) -> bool:
    """The next role (乙 after 甲, 乙1 after 甲), or the next number of the same (乙3 after 乙2)."""
    return mark[0] == last[0] + 1 or mark[0] == last[0] and mark[1] == last[1] + 1 and last[1] > 0


def side_by_side_end(texts: list[str], head: int, starts: list[int]) -> int:
    """The line after the last one that still has words in the rightmost
    block (blank lines may stand between)."""
    end = head + 1
    for i in range(head + 1, min(len(texts), head + SIDE_MAX_LINES)):
        text = texts[i]
        if not text.strip():
            continue
        pieces = pieces_of(text)
        if "\t" in text or TABLE_BREAK.match(text) or not any(start >= starts[-1] - SIDE_SLACK for start, _ in pieces):
            break
        if pieces[0][0] < starts[1] - SIDE_SLACK and SIDE_ROLE.match(pieces[0][1]):
            break  # the next row of blocks (乙3 … 乙4 … under 乙1 … 乙2 …)
        end = i + 1
    return end


def column_parts(text: str, starts: list[int]) -> list[str]:
    """The line's text in each block, by where its pieces start."""
    parts = [""] * len(starts)
    for start, piece in pieces_of(text):
        column = max((c for c, begin in enumerate(starts) if c == 0 or start >= begin - SIDE_SLACK), default=0)
        parts[column] += (" " if parts[column] else "") + piece.strip()
    return parts


# Signature blocks laid side by side in a table (a ruled PDF table, Markdown):
# a row of role marks alone over rows of address, office and name (a column
# of labels 住所 | 職名 | 氏名 left of them), or cells each opening with
# their role mark. Read cell by cell down each party's column.
GRID_MARK = regex.compile(r"^[(（]?(?P<role>[甲乙丙丁戊])[)）]?(?P<rest>(?:[\s:：].*)?)$")
GRID_OFFICE = regex.compile(r"(?:[都道府県市町村区]長|知事|管理者)(?:[\s\u3000]|$)")


def may_hold_signature_grid(texts: list[str]) -> bool:
    """A cheap test first: some row of cells holds a role mark."""
    return any("甲" in text and grid_cells(text) is not None for text in texts)


def grid_cells(text: str) -> list[str] | None:
    """A row's cells, TAB-separated or between bars (| a | b |); None for other lines."""
    if text.lstrip().startswith(BORDER_CHARS):
        text = borders_to_cells(text)
    return [cell.strip() for cell in text.split(CELL_SEP)] if CELL_SEP in text else None


def signature_grid(texts: list[str], head: int) -> tuple[int, list[int]] | None:
    """(end, the columns of the parties' blocks) when a table of signature
    blocks starts at `head`: the head row's filled cells open with the role
    marks in order, each block column names a head of office (…市長 as a
    word), no cell is a sentence."""
    if "甲" not in texts[head] or "。" in texts[head]:
        return None
    cells = grid_cells(texts[head])
    if cells is None:
        return None
    marks = [(c, GRID_MARK.match(cell)) for c, cell in enumerate(cells) if cell]
    if len(marks) < 2 or not all(m for _, m in marks) or \
            not SIDE_ROLES.startswith("".join(m["role"] for _, m in marks)):
        return None
    columns = [c for c, _ in marks]
    if columns != list(range(columns[0], columns[0] + len(columns))):
        return None  # an empty block between two: no such layout
    end = head + 1
    while end < min(len(texts), head + SIDE_MAX_LINES) and "。" not in texts[end] \
            and grid_cells(texts[end]) is not None:
        end += 1
    rows = [grid_cells(text) for text in texts[head:end]]
    if not all(any(c < len(row) and GRID_OFFICE.search(row[c]) for row in rows) for c in columns):
        return None
    return end, columns


def grid_in_reading_order(raws: list, texts: list[str], head: int, grid: tuple[int, list[int]]) -> list[tuple]:
    """Each party's column top to bottom, a cell a line; the labels left of
    the blocks (住所, 職名) are dropped, as the block's lines say what they
    are, and so are rules (|---|)."""
    end, columns = grid
    rows = [(raws[k], grid_cells(texts[k])) for k in range(head, end) if not RULE.match(texts[k])]
    return [(raw, cells[c]) for c in columns for raw, cells in rows if c < len(cells) and cells[c]]


def is_page_furniture(text: str) -> bool:
    """- 3 -, a rule, or a page number centred under the table."""
    cleaned = clean_cell(text)
    return bool(PAGE_FOOTER.match(cleaned) or RULE.match(cleaned)
                or (BARE_NUMBER.match(cleaned) and leading_width(text) >= 10))


def header_columns_at(text: str, width=None) -> list[int] | None:
    if not (GAP.search(text) and HEADER_HINT.search(text)):  # most lines: no need to measure
        return None
    pieces = pieces_of(text, width=width or display_width)
    hinted = sum(bool(HEADER_HINT.search(piece)) for _, piece in pieces)
    # header cells are names (取組内容, 甲の役割), never sentences: a body line of
    # short cells (事業に取り組む。 | 各種連携事業について) is no header
    if len(pieces) >= 3 and hinted >= 2 and all(len(piece) <= 12 and not SENTENCE_MARK.search(piece)
                                                for _, piece in pieces):
        return [start for start, _ in pieces]
    return None


def pieces_of(text: str, gap: regex.Pattern = GAP_SPLIT, width=None) -> list[tuple[int, str]]:
    """(display column where it starts, text) of each piece between gaps."""
    width = width or display_width
    pieces, position = [], 0
    for i, part in enumerate(gap.split(text)):  # the pattern captures: pieces and gaps alternate
        if part and i % 2 == 0:
            # A line indented by one blank (an ideographic space) starts
            # its first piece at the word, not at the blank: 甲 stays a role mark.
            word = part.lstrip(" \u3000")
            if word:
                pieces.append((position + width(part[:len(part) - len(word)]), word))
        position += width(part)
    return pieces


# How a layout counts a full-width character: two columns on screen and in
# hand-aligned text, one in pdftotext -layout's grid. The count under which
# the rows' pieces start where the header's cells do is the table's.
# A header centred over its column starts a few columns right of the cells
# under it: how far each cell starts from its nearest header cell, not
# whether it starts exactly there, tells the count; a cell further off than
# MISFIT_CAP is in no header's column under either count.
MEASURE_LINES = 8
MISFIT_CAP = 8


def column_measure(header: str, below: list[str]):
    """display_width or len, whichever lines the rows up under the header."""
    def misfit(width) -> int:
        starts = [start for start, _ in pieces_of(header, width=width)]
        return sum(min(MISFIT_CAP, min(abs(start - s) for s in starts))
                   for text in below if GAP.search(text.strip())
                   for start, _ in pieces_of(text, width=width)[1:])
    return len if misfit(len) < misfit(display_width) else display_width


def cells_under(text: str, columns: list[int], width=None) -> str:
    """A row's words into the columns whose start is nearest to theirs, left
    to right: a word that starts inside a column (産業振興 after ア　) stays
    in its cell, and a cell that pdftotext pushed a few columns left of its
    header (one space after a full cell before it) still finds its column."""
    cells = [""] * len(columns)
    column = 0
    for start, piece in pieces_of(text, gap=BLANK_SPLIT, width=width):
        column = max(column, nearest_column(columns, start))
        cells[column] += (" " if cells[column] else "") + piece
    return "\t".join(cells).rstrip("\t")


def nearest_column(columns: list[int], start: int) -> int:
    """The column starting nearest to `start`; the right one of a tie."""
    return min(range(len(columns)), key=lambda c: (abs(columns[c] - start), -c))


def leading_width(text: str) -> int:
    return display_width(text[:len(text) - len(text.lstrip(" \u3000"))])


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "FW" else 1 for ch in text)


def is_letter_spaced(text: str) -> bool:
    """True when most Japanese characters stand alone between spaces, the
    signature of OCR output; ordinary lines have at most a few spaces. A
    label line of a few words (氏 名 宇部市長 篠﨑 圭二) has many spaces too,
    but most of its pieces are words, not single letters."""
    japanese = len(JAPANESE_CHAR.findall(text))
    if japanese < 4 or len(SPACE_IN_JAPANESE.findall(text)) < japanese * 0.4:
        return False
    pieces = [piece for piece in text.split(" ") if JAPANESE_CHAR.search(piece)]
    if len(pieces) > 3:  # a signature line's role mark and seal are one letter by nature (甲 … 中西 茂 印)
        pieces = pieces[pieces[0] in SIGNATURE_MARKS:len(pieces) - (pieces[-1] in SIGNATURE_MARKS)]
    return 2 * sum(len(piece) == 1 for piece in pieces) >= len(pieces)


def drop_page_numbers(lines: list[Line]) -> list[Line]:
    """A bare number closing a page (3, before the break to page 4) is its
    page number; only where pages are known (PDF, text with form feeds)."""
    return [ln for i, ln in enumerate(lines)
            if not (ln.page is not None and BARE_NUMBER.match(ln.text)
                    and (i + 1 == len(lines) or lines[i + 1].page != ln.page))]


def without_counted_page_numbers(lines: list[Line], footer_breaks: set[int]) -> tuple[list[Line], set[int]]:
    """Text copied from a PDF viewer keeps each page's number bare (1, 2, 3)
    with the next page's running header under it: numbers counting up, each
    over the same line, are footers (- 3 -) and that line their pages'
    header; both go, and the page breaks are kept for the running headers
    still to be found. A last number going on with the count closes the
    last page. Returns the lines and the indexes of the lines opening a page."""
    numbers = [i for i, ln in enumerate(lines)  # most files: none; isdigit admits all BARE_NUMBER does
               if len(ln.text) <= 3 and ln.text.isdigit() and BARE_NUMBER.match(ln.text) and not ln.is_row]
    if len(numbers) < 2:
        return lines, footer_breaks
    furniture = counted_page_furniture(lines, numbers)
    if not furniture:
        return lines, footer_breaks
    kept, breaks, dropped = [], set(), 0
    for i, ln in enumerate(lines):
        if i in furniture:
            dropped += 1
            if furniture[i]:  # a page number: the next line kept opens a page
                breaks.add(i + 1)
            continue
        kept.append(ln)
    shift = [0] * (len(lines) + 1)  # old index -> new index of the next line kept
    new = 0
    for i in range(len(lines) + 1):
        shift[i] = new
        new += i < len(lines) and i not in furniture
    return kept, {shift[i] for i in footer_breaks | breaks if shift[i] < len(kept)}


MIN_PAGE_LINES = 5


def counted_page_furniture(lines: list[Line], numbers: list[int]) -> dict[int, bool]:
    """{index: is a page number} of the counted page numbers and the running
    header under each; {} unless two or more count up over the same line."""
    header_of = {}
    for i in numbers:
        below = lines[i + 1].text.strip() if i + 1 < len(lines) and not lines[i + 1].is_row else ""
        # a key label over each measure's value (1 / 【取組の内容】) is no running header
        if len(below) >= 6 and not ITEM_MARKER.match(below) and not KEY_LABEL.match(below):
            header_of[i] = below
    for header in set(header_of.values()):
        pages = [i for i in numbers if header_of.get(i) == header]
        counts = [int(lines[i].text) for i in pages]
        if len(pages) < 2 or counts != list(range(counts[0], counts[0] + len(counts))):
            continue
        # a page holds more than a few lines: numbered cells of a table printed
        # one a line (1 / 圏域全体 / …) come closer together
        if any(b - a < MIN_PAGE_LINES for a, b in zip(pages, pages[1:])):
            continue
        furniture = {i: True for i in pages} | {i + 1: False for i in pages}
        last = numbers[-1]
        if last == len(lines) - 1 and last > pages[-1] and int(lines[last].text) == counts[-1] + 1:
            furniture[last] = True
        return furniture
    return {}


def drop_running_headers(lines: list[Line], footer_breaks: set[int] = frozenset()) -> list[Line]:
    """A non-table line that recurs three or more times, or opens every
    page of two or more, is a running header or footer (a slide or page
    title); keep only its first occurrence.
    Short lines recur for other reasons (甲の役割 under every measure), and
    so do key labels standing over their value (【取組の内容】 / 【甲の役割】,
    as the ministry's model 定住自立圏形成協定 prints each measure)."""
    counts = Counter(ln.text.strip() for ln in lines if not ln.is_row)
    repeated = {text for text, n in counts.items()
                if n >= 3 and len(text) >= 6 and not ITEM_MARKER.match(text) and not KEY_LABEL.match(text)}
    edges = page_edges(lines, footer_breaks)
    tops = page_tops(lines, footer_breaks) if edges is not None else []
    opening = Counter(lines[i].text.strip() for i in tops if not lines[i].is_row)
    # two pages print their header only twice, too few to be a repeated
    # line; opening every page, it is the file's header all the same
    repeated |= {text for text, n in opening.items() if n == len(tops) >= 2 and len(text) >= 6}
    repeated |= first_line_cutting_sentences(lines, counts)
    if not repeated:  # most documents: nothing to drop or mark
        return lines
    seen: set[str] = set()
    kept = []
    for i, ln in enumerate(lines):
        key = ln.text.strip()
        if key in repeated and key in seen and (edges is None or i in edges):
            continue
        seen.add(key)
        # the first one is kept (it may be the cover's only line) but marked: what
        # opens every page names the file (連携協約書(写)), not this text; a slide's
        # title repeated lower on its pages is no page's first line
        kept.append(replace(ln, running_header=True) if key in repeated and opening[key] >= 2 else ln)
    return kept


UNFINISHED = regex.compile(r"[^。)」]$")
CUT_SENTENCE_LENGTH = 12  # a line of prose cut at the page's end, not a label or a short value


def is_cut_sentence(line: Line) -> bool:
    return not line.is_row and len(line.text) >= CUT_SENTENCE_LENGTH and bool(UNFINISHED.search(line.text))


def first_line_cutting_sentences(lines: list[Line], counts: Counter) -> set[str]:
    """The file's first line (its title, printed atop every page of the
    PDF it was copied from), where it recurs inside a sentence (…推進する /
    松山市と東温市との連携協約 / ものとする。): pages unknown and no
    footer, this is all that shows it is a running header."""
    first = lines[0].text.strip() if lines and not lines[0].is_row else ""
    if counts[first] < 2 or len(first) < 6 or first.endswith("。"):  # most files: the title is printed once
        return set()
    if ITEM_MARKER.match(first) or KEY_LABEL.match(first):  # 【取組の内容】 over each measure's value
        return set()
    cuts = any(ln.text.strip() == first and is_cut_sentence(lines[i - 1]) for i, ln in enumerate(lines[1:], 1))
    return {first} if cuts else set()


def page_edges(lines: list[Line], footer_breaks: set[int] = frozenset()) -> set[int] | None:
    """Indexes of the first and last two lines of each page, where pages are
    known: a running header stands there, while the same role sentence
    recurs down a 別表 that pdftotext printed one cell per line. A page
    ends at a form feed and also at a footer (- 3 -): a file may have form
    feeds between some pages only, and its headers stand after each footer."""
    pages = [ln.page for ln in lines]
    if None in pages and not footer_breaks or not lines:  # a plain text's pages are told by its footers
        return None
    page_of = page_numbers(lines, footer_breaks)
    if page_of[-1] < 1:
        return None
    edges = set()
    for i, page in enumerate(page_of):
        if i < 2 or page_of[i - 2] != page or i + 2 >= len(page_of) or page_of[i + 2] != page:
            edges.add(i)
    return edges


def page_numbers(lines: list[Line], footer_breaks: set[int] = frozenset()) -> list[int]:
    """The page of each line, counted from 0 by form feeds and footers alike."""
    page_of, page = [], 0
    for i, ln in enumerate(lines):
        page += i > 0 and (ln.page != lines[i - 1].page or i in footer_breaks)
        page_of.append(page)
    return page_of


def page_tops(lines: list[Line], footer_breaks: set[int] = frozenset()) -> list[int]:
    """Indexes of the first line of each page; a footer closing the file opens none."""
    page_of = page_numbers(lines, footer_breaks)
    return [i for i, page in enumerate(page_of) if i == 0 or page != page_of[i - 1]]


def drop_trailing_stamps(lines: list[Line]) -> list[Line]:
    """Library stamps and watermarks printed on a scan's last page: short
    lines without punctuation at the very end, written in old character forms
    (UniDic gives 學 the lemma 学, 圖 -> 図)."""
    end = len(lines)
    while end > 0 and is_stamp_line(lines[end - 1].text):
        end -= 1
    return lines[:end]


def is_stamp_line(text: str) -> bool:
    if CELL_SEP in text or len(text) > 10 or SENTENCE_PUNCT.search(text):
        return False
    return any(old_form_words(text))


@lru_cache(maxsize=4096)
def old_form_words(text: str) -> tuple[str, ...]:
    from pipeline.japanese import is_person_or_place, tagger

    found = []
    for word in tagger()(text):
        if is_person_or_place(word):  # 渡邊 in a signature is a name, not a stamp
            return ()
        lemma = word.feature.lemma or ""
        surface = word.surface
        if (len(lemma) == len(surface) and lemma != surface
                and all(KANJI.match(ch) for ch in surface + lemma)):
            found.append(surface)
    return tuple(found)
