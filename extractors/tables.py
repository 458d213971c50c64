"""Table grids: header rows -> column roles, and rows broken over pages.

A grid arrives as TAB-separated lines (text files, HTML cells and the PDF
table finder all give that shape). A row the source broke across a page
continues on the next line(s) in one of three ways, all merged here:
- the continuation's key cell (the measure) is empty: `\t\t…の役割を\t`;
- the key cell holds the rest of the previous key cell, recognisable
  because the previous row is unfinished (a prose cell without 。) or
  because the table labels its rows (ア, イ …) and this one has no label;
- a fragment that repeats what the cell already ended with (`…取り組む。` +
  `む。`) is dropped rather than doubled.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import regex

from pipeline.model import Line, Party

# A cell that gives no value of its own: a dash or なし (the party has no
# part in the measure: recorded empty), 同左 (the same as the cell to its
# left) and 同上 or 〃 (the same as the cell above), which a grid's reader
# resolves. A rule may be drawn with several dashes (－－, ―――), and a
# placeholder letter-spaced to the cell's width (同　左).
NO_VALUE = regex.compile(r"^(?:-+|ー|・|(?:特に)?なし|該当なし)$")
SAME_AS_LEFT = regex.compile(r"^同\s*左$")
SAME_AS_ABOVE = regex.compile(r"^(?:同\s*上|〃)$")


# Any of them (each is anchored at both ends): one regex call a cell.
PLACEHOLDER = regex.compile("|".join(p.pattern for p in (NO_VALUE, SAME_AS_LEFT, SAME_AS_ABOVE)))


# The letters a placeholder can end with (its $ also before a final newline):
# asked of every cell, most of which end otherwise and skip the regex.
PLACEHOLDER_ENDS = frozenset("-ー・し左上〃\n")


def is_placeholder(text: str) -> bool:
    """A cell that stands in for a value (see NO_VALUE) rather than giving one."""
    return text[-1:] in PLACEHOLDER_ENDS and PLACEHOLDER.match(text) is not None


NOTE_COLUMN = "note"
FIELDS = ("section", "subsection", "label", "measure", "content", "role_a", "role_b", "role_c", "role_b_others", NOTE_COLUMN)
# 甲の役割 / 乙の役割 as OCR reads them: 甲 as 申, 乙 as と, Z or | or lost
# (Tesseract, seen on scanned 別表 headers and key cells).
# Also 役割分担(甲) / 役割(乙), the party after the word.
ROLE_A_KEY = r"(?:[甲申]の役割(?:分担)?|役割(?:分担)?\(甲\))"
ROLE_B_KEY = r"(?:[乙とZz|]?の役割(?:分担)?|役割(?:分担)?\(乙\))"
HEADER_WORDS = {
    "content": regex.compile(r"^(?:取組|事業|具体的な?取組|連携)?(?:の)?(?:内容|概要)$"),
    "role_a": regex.compile(rf"^甲$|^{ROLE_A_KEY}$|中心(?:市|都市)の役割|連携中枢都市の役割|^中心(?:市|都市)$|^連携中枢都市$"),
    "role_b": regex.compile(rf"^乙$|^{ROLE_B_KEY}$|連携市町村?の役割|近隣市町村?の役割|周辺市町村?の役割"
                            r"|^(?:連携|近隣|周辺)(?:市町村|市町|町村|市|町|村)$"),
    "role_c": regex.compile(r"^丙$|^丙の役割(?:分担)?$"),
    "measure": regex.compile(r"^(?:連携)?(?:施策|取組|事業|項目|名称)(?:名)?(?:\(.*\))?$|^連携する取組$|^連携施策"),
    "section": regex.compile(r"^(?:政策)?分野$|^区分$"),
    "roles": regex.compile(r"^役割分担$|^役割$|^甲乙の役割$"),
    "label": regex.compile(r"^(?:番号|No\.?|記号)$"),
    # 備考 (remarks: 令和4年度から, 県事業): the row's note, no part of the
    # content, where a column past the roles would go
    NOTE_COLUMN: regex.compile(r"^(?:備考|摘要|特記事項)(?:欄)?$"),
}
ROLE_OF = regex.compile(r"^(?P<name>.+)の役割(?:分担)?$")
# A role column's title with its party noted in brackets: 甲の役割(福井市),
# 中心市の役割(福井市) are read without the note, 福井市の役割(甲) as 甲の役割.
# The note's closing bracket would otherwise end the cell like a sentence.
ROLE_NOTED_BY_NAME = regex.compile(r"^(?P<title>[^()]+の役割(?:分担)?)\([^()]+\)$")
ROLE_NOTED_BY_LETTER = regex.compile(r"^[^()]+の役割(?:分担)?\((?P<role>[甲乙丙])\)$")
ROLE_KINDS = {"甲": "role_a", "乙": "role_b", "丙": "role_c"}
PARTICIPATION = {"○", "◯", "●", "◎"}  # a town's mark that it takes part, no role
BRACKETED_NOTE = regex.compile(r"\((?P<name>[^()]+)\)$")
# A fourth party's column (丁の役割, or the fourth town's name) has no field
# in the schema: it is kept out of the row, with a warning, instead of being
# run into another party's role.
UNPLACED_ROLE = "role_unplaced"
LATER_ROLES = "丁戊己庚辛壬癸"
ROLE_COLUMNS = ("role_a", "role_b", "role_c", "roles", UNPLACED_ROLE)
# A column named by its party alone: 甲(鹿屋市), 鹿屋市(甲), 鹿屋市.
PARTY_HEADER = regex.compile(rf"^(?P<role>[甲乙丙{LATER_ROLES}])\((?P<name>[^()]+)\)$"
                             rf"|^(?P<name>[^()]+)\((?P<role>[甲乙丙{LATER_ROLES}])\)$")
# A katakana label may touch a kanji measure when OCR loses the space (ア経済戦略…).
# A number labels a measure too (1 医療, 2. 福祉), but only before a space or
# a stop: 3次救急医療 and 1.5次産業 begin with a number that is part of the name.
# A number under its section's (1-1, 2-3: the second measure of section 2)
# labels one too, before a space. A label in brackets ends at its bracket
# and may touch the measure ((ｱ)企業誘致, as Excel cells are typed), as
# may one in 【】 (【ア】企業誘致); ❶企業誘致 is 1 企業誘致 after normalize,
# as ①企業誘致 is. A capital letter labels one only in brackets
# or before a stop ((A) 企業誘致, Ａ．企業誘致): A 級 is a word; so does a
# kanji numeral in brackets ((一), NFKC's ㈠).
LABEL_INSIDE = r"(?:[a-zA-Zア-ン]|\d{1,2}|[一二三四五六七八九十]{1,3})"
LABEL = regex.compile(rf"^(?P<label>[ア-ン]|[a-z]|\({LABEL_INSIDE}\)|【{LABEL_INSIDE}】"
                      r"|[A-Z](?=[.)])|[ivx]{1,4}|\d{1,2}-\d{1,2}(?=\s)"
                      r"|\d{1,2}(?=[\s.、)](?!\d)))"
                      rf"(?:[\s.、)]\s*|\s*$|(?<=^[ア-ン])(?=\p{{Han}})|(?<=[)】])(?=\S))(?P<rest>.*)$")
# A cell holding a label and nothing else (ア, 1, (1), 【ア】, a., ❶ (1 after normalize), ii, 1-2):
# an untitled column of them labels the rows, it names no measure.
BARE_LABEL = regex.compile(rf"^[(【]?\s*(?:{LABEL_INSIDE}|[ivx]{{1,4}}|\d{{1,2}}-\d{{1,2}})\s*[)】.、]?$")
TERMINATED = regex.compile(r"[。)」]$")
# A cell that ends a sentence, also when OCR read its 。 as o / O (推進する oO).
FINISHED = regex.compile(r"[。)」]$|(?<=[\p{Hiragana}\p{Katakana}\p{Han}])\s*[oO○〇]{1,2}$")
KATAKANA_LABELS = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワ"
KANJI = regex.compile(r"\p{Han}")


@dataclass
class GridRow:
    """A table row being assembled; cells by field name."""

    cells: dict[str, str]
    lines: list[Line] = field(default_factory=list)
    label: str = ""


def header_columns(cells: list[str], parties: list[Party]) -> dict[int, str] | None:
    """Column index -> field for a header row, or None if not a header.
    Role columns are found by name; the remaining columns before them are
    measure then content, whatever (possibly misplaced) words they carry."""
    found = recognised_columns(cells, parties)
    if found is None or len(found) < 2:
        return None
    return assign_free_columns(found, len(cells))


def is_header_row(cells: list[str], parties: list[Party]) -> bool:
    """header_columns would read the row as a header (without assigning its free columns)."""
    found = column_names(tuple(cells), tuple(parties))
    return found is not None and len(found) >= 2


def recognised_columns(cells: list[str], parties: list[Party]) -> dict[int, str] | None:
    """Column index -> field for the cells that name a column (取組内容,
    甲の役割, a party's name …); None when a cell is a sentence (a data row)."""
    found = column_names(tuple(cells), tuple(parties))
    return None if found is None else dict(found)


@lru_cache(maxsize=4096)
def column_names(cells: tuple[str, ...], parties: tuple[Party, ...]) -> dict[int, str] | None:
    """recognised_columns, remembered: the table readers ask it of the same
    row several times (is it a header? does a header follow?)."""
    cells = [without_party_note(cell.replace(" ", "")) for cell in cells]
    if any(len(cell) > 20 or TERMINATED.search(cell) and not PARTY_HEADER.match(cell) for cell in cells):
        return None  # a sentence: a data row
    names = party_column_kinds(parties)
    found: dict[int, str] = {}
    for i, cell in enumerate(cells):
        if not cell:
            continue
        role = ROLE_OF.match(cell)
        kind = next((k for k, pattern in HEADER_WORDS.items() if pattern.search(cell)), None)
        name = role["name"] if role else cell
        kind = kind or party_column(numbered_town(name, parties) or name, names)
        if kind is None and role:
            kind = names.get(role["name"]) or next_free_role(found)
        if kind:
            found[i] = kind
    return with_summary_as_content(cells, with_misread_party_letters(cells, found))


# 摘要 is a remarks column at a table's end (令和4年度から, 県事業), as statutes'
# tables use it, but the measure's summary where it is the table's only
# description (連携事業 | 摘要 | 甲の役割 | 乙の役割, 事業名 | 摘要).
SUMMARY = "摘要"


def with_summary_as_content(cells: list[str], found: dict[int, str]) -> dict[int, str]:
    """A 摘要 column is the content when no column is named so and no role
    column stands before it."""
    at = next((i for i, kind in found.items() if kind == NOTE_COLUMN and cells[i].startswith(SUMMARY)), None)
    if at is None or "content" in found.values() or any(i < at for i, kind in found.items() if kind in ROLE_COLUMNS):
        return found
    return found | {at: "content"}


# 甲 and 乙 alone as a header names them (a sub-header under 役割分担), as
# Tesseract misreads them: 甲 as 申, 乙 as と or Z (cf. ROLE_A_KEY, ROLE_B_KEY).
MISREAD_PARTY_LETTER = {"申": "role_a", "と": "role_b", "Z": "role_b", "z": "role_b"}


def with_misread_party_letters(cells: list[str], found: dict[int, str]) -> dict[int, str]:
    """甲 | と: a cell holding only a look-alike of one party's letter, in a
    row that names the other party's column and not this one's, is this
    party's column. Alone, と or Z is no column title."""
    for i, cell in enumerate(cells):
        kind = MISREAD_PARTY_LETTER.get(cell)
        other = "role_b" if kind == "role_a" else "role_a"
        if kind and i not in found and other in found.values() and kind not in found.values():
            found[i] = kind
    return found


# 乙1, 乙10: one of the towns defined one by one as 乙1 … 乙10.
NUMBERED_OTSU = regex.compile(r"^乙(?P<number>[1-9]\d?)$")


def numbered_town(name: str, parties) -> str:
    """The municipality defined as 乙N (the Nth 乙 in order), 乙N itself
    when the parties do not reach N; '' when name is no numbered 乙."""
    numbered = NUMBERED_OTSU.match(name) if name.startswith("乙") else None
    if not numbered:
        return ""
    towns = [party.municipality for party in parties if party.role == "乙"]
    number = int(numbered["number"])
    return towns[number - 1] if number <= len(towns) else name


def without_party_note(cell: str) -> str:
    """甲の役割(福井市) -> 甲の役割; 福井市の役割(甲) -> 甲の役割."""
    if "の役割" not in cell:  # both patterns need it; most cells are no role's title
        return cell
    by_letter = ROLE_NOTED_BY_LETTER.match(cell)
    if by_letter:
        return by_letter["role"] + "の役割"
    return ROLE_NOTED_BY_NAME.sub(r"\g<title>", cell)


def party_column_kinds(parties: tuple[Party, ...]) -> dict[str, str]:
    """Municipality -> the role field its column fills. Towns sharing one
    role (four defined together as 乙) all head its columns: the first, as
    it is party_b, fills role_b, the others role_b_others (see row_cells)."""
    return {party.municipality: ROLE_KINDS.get(party.role, UNPLACED_ROLE) for party in parties}


def party_column(name: str, names: dict[str, str]) -> str | None:
    """The role column a party's name heads: 甲(鹿屋市), 鹿屋市(甲) or a
    party's municipality alone, also before の役割; 丁 and later parties
    head a column the schema has no field for."""
    match = PARTY_HEADER.match(name)
    if match:
        return ROLE_KINDS.get(match["role"], UNPLACED_ROLE)
    if len(name) == 1 and name in LATER_ROLES:
        return UNPLACED_ROLE
    return names.get(name)


def next_free_role(found: dict[int, str]) -> str:
    """An unknown party's role column (…の役割) takes the next role field
    not yet taken; past 丙 none is left."""
    taken = set(found.values())
    return next((kind for kind in ("role_a", "role_b") if kind not in taken), UNPLACED_ROLE)


def assign_free_columns(found: dict[int, str], width: int) -> dict[int, str]:
    """Fill columns whose header is empty or misplaced: the text columns
    before the role columns are measure then content, in that order."""
    roles = {i: k for i, k in found.items() if k in ROLE_COLUMNS}
    fixed = {i: k for i, k in found.items() if k in ("section", "label", NOTE_COLUMN)}
    sections = [i for i, k in fixed.items() if k == "section"]
    if len(sections) >= 2:  # 分野 | 政策分野: the field, then the policy area within it
        fixed[sections[1]] = "subsection"
    first_role = min(roles, default=width)
    free = [i for i in range(first_role) if i not in fixed]
    named = [i for i in free if found.get(i) == "measure"]
    if len(named) >= 2:
        # 施策 | 取組 | 取組内容: of two columns naming a measure the first groups
        # the others' rows (its cell spans them), as a 分野 column does; beside
        # a 分野 column (分野 | 施策 | 取組 | 取組内容) it is the level under it
        fixed[named[0]] = "subsection" if "section" in fixed.values() else "section"
        free.remove(named[0])
    columns = dict(fixed) | dict(roles)
    for i, kind in zip(free, ("measure", "content")):
        columns[i] = kind
    for i in free[2:]:  # unexpected extra text columns read as more content
        columns[i] = "content"
    return columns


def default_columns(width: int) -> dict[int, str]:
    """A grid without a header: the usual 別表 order."""
    order = {1: ("measure",), 2: ("measure", "content"), 3: ("measure", "content", "role_a"),
             4: ("measure", "content", "role_a", "role_b"),
             5: ("section", "measure", "content", "role_a", "role_b")}
    return dict(enumerate(order.get(width, order[4])))


def split_label(text: str) -> tuple[str, str]:
    """'ア 経済戦略の策定' -> ('ア', '経済戦略の策定')."""
    match = LABEL.match(text)
    if match and match["rest"]:
        return match["label"].strip("()【】"), match["rest"].strip()
    return "", text


def next_label(previous: str) -> str:
    """The katakana label after `previous` (ア -> イ), or ''."""
    at = KATAKANA_LABELS.find(previous) if len(previous) == 1 else -1
    return KATAKANA_LABELS[at + 1] if 0 <= at < len(KATAKANA_LABELS) - 1 else ""


def split_expected_label(text: str, expected: str) -> tuple[str, str]:
    """The label a row should carry next, read as its look-alike (エ as 工,
    カ as 力): '工 災害対策' after ウ -> ('エ', '災害対策'). Only the label the
    sequence expects, and only before a space or a kanji."""
    from pipeline.repair.glyphs import lookalike_pairs

    if expected and len(text) > 1 and text[0] in lookalike_pairs().get(expected, ()) \
            and (text[1].isspace() or KANJI.match(text[1])):
        rest = text[1:].strip()
        if rest:
            return expected, rest
    return "", text


def row_cells(line: Line, columns: dict[int, str], towns: dict[int, str] | None = None) -> dict[str, str]:
    """The row's cells by field; `towns` names the columns of towns sharing
    one role (乙の役割(鏡野町) | 乙の役割(奈義町)): the first column fills the
    role (party_b is the first 乙 town), the others make role_b_others, so
    no town's text is lost or run into another's."""
    cells = {kind: "" for kind in FIELDS}
    shared: dict[str, list[tuple[str, str]]] = {}
    last_titled = max(columns, default=0)  # a cell past every titled column is more content
    for i, cell in enumerate(line.cells):
        kind = columns.get(i, "content" if i > last_titled else None)
        if kind == "roles":  # one 役割分担 column holding 【甲】…【乙】…
            role_a, role_b = split_roles(cell.strip())
            cells["role_a"], cells["role_b"] = join_fragment(cells["role_a"], role_a), join_fragment(cells["role_b"], role_b)
        elif towns and i in towns:
            shared.setdefault(kind, []).append((towns[i], cell.strip()))
        elif kind in cells:
            cells[kind] = join_fragment(cells[kind], cell.strip())
    for kind, parts in shared.items():
        first, *others = parts
        cells[kind] = join_fragment(cells[kind], first[1])
        others_field = "role_b_others" if kind == "role_b" else kind  # 甲 or 丙 shared: rare, run into the field
        cells[others_field] = join_fragment(cells[others_field], shared_role_cell(others))
    return cells


def shared_role_cell(parts: list[tuple[str, str]]) -> str:
    """The cells of towns' columns as one value: each town's text after its
    name (芽室町:…。 池田町:…。); a dash or ○ is no text of a role."""
    given = [(town, text) for town, text in parts if text and not NO_VALUE.match(text) and text not in PARTICIPATION]
    return " ".join(f"{town}:{text}" if town else text for town, text in given)


def shared_role_towns(cells: list[str], columns: dict[int, str], parties=()) -> dict[int, str]:
    """Column -> town, for the columns of a role several columns fill (乙 is
    two towns): the town the header names (乙の役割(鏡野町), 鏡野町, 鏡野町の役割),
    or '' when it names only the role."""
    counts: dict[str, int] = {}
    for kind in columns.values():
        counts[kind] = counts.get(kind, 0) + 1
    return {i: header_town(cells[i], parties) for i, kind in columns.items()
            if kind in ROLE_KINDS.values() and counts[kind] > 1 and i < len(cells)}


def header_town(cell: str, parties=()) -> str:
    """The town a role column's header names: 乙の役割(鏡野町), 乙(鏡野町),
    鏡野町(乙), 鏡野町の役割, 鏡野町; '' for 乙の役割 or 役割分担(乙)."""
    cell = cell.replace(" ", "").strip()
    noted = BRACKETED_NOTE.search(cell)
    if noted and noted["name"] not in ROLE_KINDS:
        return noted["name"]
    base = cell[:noted.start()] if noted else cell
    role = ROLE_OF.match(base)
    name = role["name"] if role else base
    name = numbered_town(name, parties) or name  # 乙2の役割: the town defined as 乙2
    return "" if name in ROLE_KINDS or HEADER_WORDS["roles"].match(name) else name


# 【甲】, (甲), 甲:, 甲の役割: — a marker needs its bracket or colon, so that
# "甲と連携して…" (a sentence about 甲 inside 乙's role) is not one; or it is
# the subject opening a sentence: 甲は、…。乙は、…。
ROLE_MARKER = regex.compile(r"[【(\[]\s*(?P<role>甲|乙)(?:の役割)?\s*[】)\]]\s*[::]?\s*|(?P<role>甲|乙)(?:の役割)?\s*[::]\s*"
                            r"|(?:^|(?<=。))\s*(?P<role>甲|乙)は[、,]\s*")


def split_roles(text: str) -> tuple[str, str]:
    """'【甲】圏域の中心となる。【乙】甲と連携する。' -> (role_a, role_b); text
    without markers is taken as both parties' shared role."""
    markers = list(ROLE_MARKER.finditer(text))
    if not markers:
        return text, text
    roles = {"甲": "", "乙": ""}
    for marker, following in zip(markers, markers[1:] + [None]):
        end = following.start() if following else len(text)
        roles[marker["role"]] = join_fragment(roles[marker["role"]], text[marker.end():end].strip())
    return roles["甲"], roles["乙"]


def is_continuation(cells: dict[str, str], previous: GridRow | None, uses_labels: bool,
                    terminated_columns: set[str]) -> bool:
    if previous is None:
        return False
    key = cells["measure"]
    if not key:
        return True
    labelled = bool(split_label(key)[0] or BARE_LABEL.match(key.strip()))
    if previous.label and not previous.cells["measure"] and not labelled:
        return True  # ア alone on the row's first line: the name on its next one is its measure
    unfinished = any(is_open(previous.cells[c]) for c in terminated_columns)
    if uses_labels:
        return not labelled and unfinished
    return unfinished


def is_open(cell: str) -> bool:
    """A sentence cell not ended yet: no 。; a placeholder (－, 同左, なし)
    is a whole cell however it ends."""
    return bool(cell) and not FINISHED.search(cell) and not is_placeholder(cell.strip())


def merge_into(row: GridRow, cells: dict[str, str], line: Line) -> None:
    for kind, fragment in cells.items():
        # A cell spanning both lines (HTML's rowspan 分野 cell beside a row the
        # converter broke at a page) is the same cell repeated, not more text.
        if fragment and fragment != row.cells[kind]:
            row.cells[kind] = join_fragment(row.cells[kind], fragment)
    row.lines.append(line)


def join_fragment(cell: str, fragment: str) -> str:
    """Join a wrapped fragment to its cell; a fragment that only repeats the
    finished cell's ending (…取り組む。 + む。) is an artefact, not text."""
    if not cell:
        return fragment
    if TERMINATED.search(cell) and cell.endswith(fragment):
        return cell
    return cell + fragment


def terminated_indexes(lines: list[Line]) -> set[int]:
    """Columns (after the first) whose cells normally end a sentence (。),
    judged over every table row of the region: in those a cell without 。
    marks a row that continues on the next line. Where the rows are
    labelled (ア, イ …) and no rule parts them, each line of a wrapped row
    is a row of its own and only its last ends the sentences: then only
    the lines before a labelled row, a line of text (a heading) or the end
    are judged."""
    rows = [n for n, line in enumerate(lines) if line.is_row and header_columns(line.cells, []) is None]
    if any(split_label(lines[n].cells[0].strip())[0] for n in rows):
        rows = [n for n in rows if ends_labelled_row(lines, n)]
    ends: dict[int, list[bool]] = {}
    for n in rows:
        for i, cell in enumerate(lines[n].cells[1:], 1):
            if len(cell.strip()) >= 3:  # not a page-break fragment like む。
                ends.setdefault(i, []).append(bool(FINISHED.search(cell.strip())))
    return {i for i, flags in ends.items() if sum(flags) >= 0.6 * len(flags)}


def ends_labelled_row(lines: list[Line], n: int) -> bool:
    """The row line lines[n] is the last of its row: what follows is no row,
    or a row whose first cell opens with a label."""
    following = lines[n + 1] if n + 1 < len(lines) else None
    return following is None or not following.is_row or bool(split_label(following.cells[0].strip())[0])


def terminated_kinds(indexes: set[int], columns: dict[int, str]) -> set[str]:
    kinds = {columns.get(i) for i in indexes}
    if "roles" in kinds:
        kinds |= {"role_a", "role_b"}
    return kinds & {"content", "role_a", "role_b"}
