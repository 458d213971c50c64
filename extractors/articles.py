"""Articles (第N条, 第N条のM) with caption, body and paragraphs (項).

A paragraph starts with its number (2, ２ and ② all read as 2 after
normalization) where the previous sentence has ended; wrapped lines are
joined without a space, as Japanese has none between words.
"""
from __future__ import annotations

from dataclasses import replace

import regex

from pipeline.model import Article, Kind, Line, Segment, Span
from pipeline.normalize import SPACE_IN_JAPANESE
from pipeline.numerals import ARTICLE_NUMBER, parse_article_number, to_int
from pipeline.segment import (AMENDING_INSTRUCTION, ARTICLE_LINE, ITEM_LINE, PARAGRAPH_NUMBER, PROVISO_START,
                              ROLE_ITEM, SENTENCE_END, amendment_note_at, announces_lines_below, caption_text,
                              is_lone_number)

# 第1条(目的) / 【目的】 / <目的> / [目的] / 「目的」 この協約は…; not a body opening
# with a defined term (第2条 「連携市町村」とは、…): a particle follows that.
# Without brackets (第1条 目的 この協約は…) a few words set off by a space,
# which a sentence has not and which end in no particle (甲及び乙は 協議…).
INLINE_CAPTION = regex.compile(r"^\(([^()]{1,40})\)\s*|^【([^【】]{1,40})】\s*|^[<〈《]([^<>〈〉《》]{1,40})[>〉》]\s*"
                               r"|^\[([^\[\]]{1,40})\]\s*"
                               r"|^「([^「」]{1,40})」(?![とはをのにがもで、])\s*"
                               r"|^([\p{Han}\p{Hiragana}\p{Katakana}ー・]{1,15}[^\P{L}はがをにでものと])\s+(?=\S)")


# 第1条. / 第1条: / 第1条、: the mark some drafts set after the label, no text;
# not the 、 listing deleted articles (第6条、第7条 削除).
LABEL_SEPARATOR = regex.compile(r"^(?:[.:]|、(?!\s*第))\s*")


def extract_articles(segments: list[Segment]) -> list[Article]:
    articles = []
    caption = ""
    for seg in segments:
        if seg.kind == Kind.CAPTION:
            caption = caption_text(seg.lines[0].text)
        elif seg.kind == Kind.ARTICLE:
            articles.extend(expand_range(segment_to_article(seg, caption), seg))
            caption = ""
        else:
            caption = ""
    return articles


def segment_to_article(seg: Segment, caption: str) -> Article:
    first = seg.lines[0]
    label = ARTICLE_LINE.match(first.text)
    article_no, number, branch = parse_article_number(label.group(0).strip())
    after_label = LABEL_SEPARATOR.sub("", first.text[label.end():].strip())
    body = [Line(first.no, after_label, first.page), *seg.lines[1:]]
    body = with_lone_numbers_placed(without_amendment_notes(body))
    if body and not body[0].text:  # 第1条 alone on its line, perhaps its caption under it: 第4条 / (役割分担) / …
        body = body[1:]
    inline_caption = INLINE_CAPTION.match(body[0].text) if body else None
    if inline_caption and is_deletion_alone(body, inline_caption):  # 第2条 (削除): no caption, its text
        body = [Line(body[0].no, DELETED, body[0].page)]
    elif inline_caption and not caption:  # 第1条(目的) この協約は、…
        caption = next(group for group in inline_caption.groups() if group)
        rest = Line(body[0].no, body[0].text[inline_caption.end():], body[0].page)
        body = [rest, *body[1:]] if rest.text else body[1:]
    elif not caption and is_caption_alone(body):  # 第1条　目的 / この協約は、…
        caption, body = body[0].text, body[1:]
    paragraphs = lines_to_paragraphs(body)
    caption = SPACE_IN_JAPANESE.sub("", caption)  # (協 議), 【目 的】: spaced out on a line too short to tell so
    return Article(article_no=article_no, number=number, branch=branch, caption=caption,
                   paragraphs=tuple(text for text, _ in paragraphs), span=seg.span,
                   paragraph_spans=tuple(span for _, span in paragraphs))


def without_amendment_notes(lines: list[Line]) -> list[Line]:
    """The lines without the 例規集's history notes ((令和3年4月1日一部改正)
    under a paragraph or closing it), which record changes, not the text;
    their dates stay among the document's dates."""
    kept = []
    for n, line in enumerate(lines):
        at = amendment_note_at(line.text)
        if at is None:
            kept.append(line)
        elif at > 0 or n == 0:  # the label's line keeps its place, emptied
            kept.append(Line(line.no, line.text[:at].rstrip(), line.page))
    return kept


def with_lone_numbers_placed(lines: list[Line]) -> list[Line]:
    """A number alone on its line labels the line under it where a sentence
    has ended (…とする。 / 2 / 前項の… reads 2 前項の…); inside a sentence,
    at the end, or over a line with its own label it is a page number and goes."""
    if not any(is_lone_number(line.text) for line in lines):
        return lines
    placed: list[Line] = []
    skip = False
    for n, line in enumerate(lines):
        if skip:
            skip = False
            continue
        if not is_lone_number(line.text):
            placed.append(line)
            continue
        below = lines[n + 1] if n + 1 < len(lines) else None
        if below and (not placed or SENTENCE_END.search(placed[-1].text)) and number_label(below.text) is None:
            placed.append(Line(line.no, f"{line.text} {below.text}", line.page))
            skip = True
    return placed


DELETED = "削除"


def is_deletion_alone(body: list[Line], caption) -> bool:
    """第2条 (削除) / 第5条 【削除】: the article deleted, its mark in brackets, nothing after it."""
    return len(body) == 1 and caption.end() == len(body[0].text) and any(
        group == DELETED for group in caption.groups())


# 第1条 目的, the body below: a few words of a name on the label's line.
CAPTION_ALONE = regex.compile(r"^[\p{Han}\p{Hiragana}\p{Katakana}ー・]{1,15}[^\P{L}はがをにでものと]$")


def is_caption_alone(body: list[Line]) -> bool:
    """A caption printed without brackets after the label, the body on the
    lines below; a body's first line cut at the margin is as long as the
    lines under it, a caption much shorter."""
    return len(body) > 1 and bool(CAPTION_ALONE.match(body[0].text)) and len(body[0].text) * 2 < len(body[1].text)


# 第5条から第7条まで 削除 (第5条の2から第5条の4まで): one line for the
# articles an amendment deleted; each keeps its number and reads 削除.
ARTICLE_RANGE = regex.compile(rf"^(?:から|ないし)\s*({ARTICLE_NUMBER.pattern})\s*まで\s*")


# 第3条及び第4条 削除 / 第3条、第5条及び第6条 削除: deleted articles listed.
ARTICLE_LIST = regex.compile(rf"^(?:(?:及び|、)\s*{ARTICLE_NUMBER.pattern}\s*)+(?=削除)")


def expand_range(article: Article, seg: Segment) -> list[Article]:
    """The articles a range line stands for, each with the text after まで
    (or after the last one listed)."""
    listed = ARTICLE_LIST.match(article.paragraphs[0]) if article.paragraphs else None
    if listed:
        rest = (article.paragraphs[0][listed.end():], *article.paragraphs[1:])
        numbers = [parse_article_number(m.group(0)) for m in ARTICLE_NUMBER.finditer(listed.group(0))]
        return [replace(article, paragraphs=rest)] + [
            replace(article, article_no=no, number=number, branch=branch, paragraphs=rest)
            for no, number, branch in numbers]
    match = ARTICLE_RANGE.match(article.paragraphs[0]) if article.paragraphs else None
    last = parse_article_number(match.group(1)) if match else None
    if last is None:
        return [article]
    _, last_number, last_branch = last
    rest = (article.paragraphs[0][match.end():], *article.paragraphs[1:])
    if last_branch is None and article.branch is None and last_number > article.number:
        numbers = [(str(n), n, None) for n in range(article.number, last_number + 1)]
    elif last_branch and last_number == article.number and last_branch > (article.branch or 1):
        first = [] if article.branch else [(article.article_no, article.number, None)]  # 第5条から第5条の3まで
        numbers = first + [(f"{last_number}_{b}", last_number, b) for b in range(article.branch or 2, last_branch + 1)]
    else:
        return [replace(article, paragraphs=rest)]
    return [replace(article, article_no=no, number=number, branch=branch, paragraphs=rest)
            for no, number, branch in numbers]


# The labels a paragraph (項) may carry: 2 / ② / ❷ (PARAGRAPH_NUMBER, all 2 after normalize),
# 2. and (2) (⑵ after NFKC). Items (号) carry the same ones, told apart by
# their place: an item list starts at 1 inside a paragraph and counts on.
DOTTED_LABEL = regex.compile(r"^(\d{1,2})\.(?![\d.,])\s*")
BRACKETED_LABEL = regex.compile(r"^\(\s*(\d{1,2})\s*\)\s*")
LABEL_STYLES = (("plain", PARAGRAPH_NUMBER), ("dotted", DOTTED_LABEL), ("bracketed", BRACKETED_LABEL))


def number_label(text: str) -> tuple[str, int, int] | None:
    """(style, number, where the text after it starts) of a numbered
    label opening the line, or None. All the styles open with a digit or (,
    which the quick test lets through."""
    if not text or text[0] not in "0123456789(":
        return None
    for style, pattern in LABEL_STYLES:
        match = pattern.match(text)
        if match:
            return style, to_int(match.group(1)), match.end()
    return None


def lines_to_paragraphs(lines: list[Line]) -> list[tuple[str, Span]]:
    """Paragraphs 1, 2, 3 …; a 1 (①, 1., (1)) before the first is a label
    too where a paragraph 2 of that style follows (第1条 ①この協約は… /
    ②前項の…), else it is text."""
    first = number_label(lines[0].text) if lines else None
    if first and first[1] == 1:
        unlabelled = [Line(lines[0].no, lines[0].text[first[2]:].strip(), lines[0].page), *lines[1:]]
        paragraphs = numbered_paragraphs(unlabelled)
        if len(paragraphs) > 1:
            return paragraphs
    return numbered_paragraphs(lines)


def numbered_paragraphs(lines: list[Line]) -> list[tuple[str, Span]]:
    """Group lines into paragraphs 1, 2, 3 …; the number label is dropped.
    A label numbered next opens a paragraph after a finished sentence or
    item, unless it goes on with the items of its style the paragraph lists
    (…次に掲げるとおりとする。 / ①… / ②… / ③…, ⑴ ⑵): a label 1 after a
    finished sentence opens such a list. NFKC writes ③ and ３ alike, so a
    sentence after items that are no sentences (① 医療 / ② 福祉 / ３ 前項の…。)
    opens the paragraph the number would also go on with the list."""
    groups: list[list[tuple[Line, bool]]] = []
    expected = 2
    items: dict[str, int] = {}  # the last item number of each style in the current paragraph
    for line in lines:
        label = number_label(line.text)
        # …次のとおりとする。 / 令和2年4月1日から…まで: listed, unnumbered, a line of its own;
        # …次のように変更する。 / 第3条中…改める。 run on as amending articles' instructions do
        if groups and label is None and announces_lines_below(groups[-1][-1][0].text) \
                and not AMENDING_INSTRUCTION.search(line.text):
            groups[-1].append((line, True))
            continue
        if groups and label is None and opens_unnumbered_paragraph(groups[-1], line):
            groups.append([(line, False)])
            expected, items = expected + 1, {}
            continue
        if groups and label and follows_finished(groups[-1]) and label[1] == expected \
                and (items.get(label[0]) != expected - 1 or is_sentence_after_phrases(groups[-1], line)
                     or len(groups) == 1 and refers_to_previous_paragraph(line.text)):
            groups.append([(Line(line.no, line.text[label[2]:].strip(), line.page), False)])
            expected, items = expected + 1, {}
            continue
        is_item = bool(ITEM_LINE.match(line.text)) or line.is_row  # a table's row in the article: a line of its own
        if label and groups and (label[1] == 1 and (follows_finished(groups[-1]) or announces_list(groups[-1]))
                                 or items.get(label[0]) == label[1] - 1):
            items[label[0]], is_item = label[1], True
        if groups:
            groups[-1].append((line, is_item))
        else:
            groups.append([(line, is_item)])
    return [(join_lines(group), Span.of([line for line, _ in group])) for group in groups if group]


def opens_unnumbered_paragraph(group: list[tuple[Line, bool]], line: Line) -> bool:
    """A line without a number opens a paragraph where the one above ended a
    sentence on a line of its own (not cut at a paged text's margin, nor a
    <br> inside one HTML paragraph), as agreements that leave paragraphs
    unnumbered set them; after a <br> or under items without 。 only a line
    citing 前項 does. A proviso (ただし、…), an item, a table's row, 甲: …
    under a 役割分担 item and an amending article's instructions (…を改める。)
    go on with the paragraph."""
    previous = group[-1][0]
    if not previous.text.endswith("。") and not group[-1][1]:
        return False  # a sentence wrapped onto the line: most lines, told before any pattern
    if previous.at_margin or line.is_row or ITEM_LINE.match(line.text) or ROLE_ITEM.match(line.text) \
            or PROVISO_START.match(line.text) or AMENDING_INSTRUCTION.search(line.text):
        return False
    if refers_to_previous_paragraph(line.text):  # 前項の… after a sentence or items, a <br> too
        return previous.text.endswith("。") or group[-1][1]
    return previous.text.endswith("。") and previous.no != line.no


# 前項 / 前各項 / 前2項: the paragraph before. Paragraph 1 has none, so a
# line numbered 2 there that cites it opens paragraph 2, though a list of
# items numbered alike (① … / ２ 前項の…, both 1 and 2 after NFKC) counts on.
PREVIOUS_PARAGRAPH = regex.compile(r"前(?:各|\d{1,2})?項")


def refers_to_previous_paragraph(text: str) -> bool:
    return "項" in text and bool(PREVIOUS_PARAGRAPH.search(text))


# …次に掲げる事項とする / 以下のとおり / 下記の… or a colon closing the line:
# the words that announce a list, whether or not a 。 or ： ends them.
LIST_ANNOUNCEMENT = regex.compile(r"次[にの]|以下の|下記|[::]$")


def announces_list(group: list[tuple[Line, bool]]) -> bool:
    """The paragraph so far announces the items below it, though its last
    line ends no sentence (…次に掲げる事項とする / 1 医療 / 2 福祉): a label
    1 there opens the list, where inside a wrapped sentence it is text."""
    return any(LIST_ANNOUNCEMENT.search(line.text) for line, _ in group)


def is_sentence_after_phrases(group: list[tuple[Line, bool]], line: Line) -> bool:
    """line is a sentence (ends with 。) under an item that is none."""
    return not SENTENCE_END.search(group[-1][0].text) and line.text.endswith("。")


def follows_finished(group: list[tuple[Line, bool]]) -> bool:
    """The paragraph so far ends a sentence, or lists items, which need no
    。 and may wrap (after (2) …の確保, or …に関する / 事項)."""
    return bool(SENTENCE_END.search(group[-1][0].text)) or any(is_item for _, is_item in group)


def join_lines(lines: list[tuple[Line, bool]]) -> str:
    """Wrapped lines join with nothing between; an item ((1), 一, ア, ① …) starts a new line."""
    text = ""
    for line, is_item in lines:
        if text and is_item:
            text += "\n"
        text += line.text
    return text
