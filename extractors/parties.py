"""Parties (甲, 乙, 丙 …) and the 圏域 an agreement forms.

Parties come from the definitions `X(以下「甲」という。)`; an agreement that
never says 甲/乙 names its parties in the preamble's subject or the title
(`福山市及び三原市は、…`), taken in that order; an overview names the
central city as the subject of a sentence (`青森市は中心的な役割を担い`).
"""
from __future__ import annotations

import itertools

import regex

from pipeline.gazetteer import gazetteer
from pipeline.japanese import tagger
from pipeline.model import Kind, Party, Segment
from pipeline.segment import ANOTHER_AGREEMENT, ROLE_CHARS

# (以下「甲」という。) / を甲とし: the role; the name is the run of text before it.
# 音更町、芽室町及び池田町(以下これらを「乙」という。): one role for several
# towns, the collective 周辺町村 of a 定住自立圏 signing as one party.
COLLECTIVE = r"(?:(?:これら|それぞれ)\s*(?:を|は)?\s*(?:総称して|併せて)?\s*)"
ROLE_DEFINITION = regex.compile(
    rf"\s*\(\s*以下\s*(?P<collective>{COLLECTIVE})?[「『]?\s*(?P<role>[{ROLE_CHARS}])(?P<number>\d{{1,2}})?\s*[」』]?"
    rf"\s*(?:という|と称する|とする|と略称する)。?\s*\)"
    rf"|を(?P<role>[{ROLE_CHARS}])と(?:し|して)[、,]?")
NAME_BEFORE = regex.compile(r"[^、,。()「」\s]+$")
# NAME_BEFORE, HEAD_AND_PERSON and LIST_BEFORE end at the text's end and
# cross none of these: no match starts before the last of them, so they are
# searched in what follows it. Searched from every start of the window they
# would rescan most of it at each, the dearest search of the extract stage.
PHRASE_STOPS = "、,。()「」"
LIST_STOPS = "。()「」"  # a list runs on over its 、


def after_last_stop(text: str, stops: str) -> str:
    """text after the last of the stop characters (all of it if none)."""
    return text[max(text.rfind(stop) for stop in stops) + 1:]


# An 一部事務組合 or 広域連合 (地方自治法第284条) may be a party: a body of
# municipalities, not one, so the gazetteer does not know its name.
BODY_NAME = r"\S+?(?:組合|広域連合)"
JOINT_BODY = regex.compile(rf"^{BODY_NAME}$")
# Such a body named in a sentence (府中市及び芦田川広域行政事務組合は、); its
# name may join places with ・ (三次・安芸高田行政事務組合).
JOINT_BODY_IN_TEXT = regex.compile(r"(?:[\p{Han}\p{Katakana}ー]+・)*[\p{Han}\p{Katakana}ー]+?(?:組合|広域連合)")
NAME_SEPARATORS = regex.compile(r"^.*(?:及び|並びに|ならびに|と|、|,|・)")
MUNICIPALITY_SUFFIX = regex.compile(r"(?:市|町|村|区)$")
AREA_DEFINITION = regex.compile(r"\(\s*以下\s*「\s*(?:圏域|本圏域|連携中枢都市圏|定住自立圏|都市圏)\s*」\s*という。?\s*\)")
# (名称) 第2条 圏域の名称は、…とする。 / 連携中枢都市圏の名称は、「…」とする。
AREA_NAME_ARTICLE = regex.compile(r"(?:圏域|都市圏|定住自立圏)の名称は、?\s*[「『]?\s*(?P<name>[^、。「」『』\s]+?)\s*[」』]?\s*とする")
# 八代市・氷川町・芦北町連携中枢都市圏: names joined by ・ are one name,
# and a name may have a word in Latin letters (ハートフル・OKAYAMA定住自立圏,
# SUN-SUN定住自立圏: a hyphen joins Latin words as ・ joins others).
# A name may open in hiragana (しずおか中部連携中枢都市圏, 麒麟のまち圏域): a
# match right after hiragana is widened by reading the words before it.
NAME_CHARS = r"[\p{Han}\p{Katakana}\p{Latin}ー]"
NAME_RUN = rf"(?:{NAME_CHARS}+(?:・|(?<=\p{{Latin}})-(?=\p{{Latin}})))*(?:{NAME_CHARS}{{2,}}|(?<=\p{{Hiragana}}){NAME_CHARS}*)"
NAMED_AREA = regex.compile(rf"{NAME_RUN}(?:圏域|都市圏|定住自立圏)")
# A title names the area the agreement forms, whatever kind of 圏 it is
# (大分都市広域圏, 〇〇生活圏); elsewhere that would take 東京圏 in 東京圏への人口流出.
TITLE_AREA = regex.compile(rf"{NAME_RUN}圏域?")
# A bare 圏域 after a particle or verb ending (甲及び乙の圏域, 形成する圏域)
# is described, not named: no need to read the words before it.
DESCRIBED_AFTER = "のるたはをがにでともへや"
GENERIC_AREAS = {"圏域", "都市圏", "本圏域", "定住自立圏", "連携中枢都市圏", "当該圏域"}
# The words areas are described with, as UniDic cuts them: a title phrase of these alone names no area.
AREA_WORDS = {"周辺", "近隣", "広域", "連携", "中枢", "中心", "都市", "定住", "自立", "地域", "生活", "経済", "共生",
              "市", "町", "村", "市町", "市町村", "市町村圏", "本", "当該", "各", "両", "圏", "域", "圏域", "・"}
# Parts of speech that can belong to a name like 山口県央連携都市圏域, びんご圏域 or
# みやぎ県北ハートフル定住自立圏.
NAME_POS = ("名詞", "接頭辞", "接尾辞", "形状詞")  # 形状詞: ハートフル, スマート
JOINERS = ("・", "の")
# One hiragana letter (match: a text opening with one), or a run of them (fullmatch: kana alone).
HIRAGANA = regex.compile(r"\p{Hiragana}+")
LATIN_WORD = regex.compile(r"\p{Latin}+")
# 次のとおり, 別記のとおり, 発展のため: nouns UniDic tags as such, which end an
# adverbial phrase before a name (次のとおり定住自立圏の形成に関する協定) and never open one.
ADVERBIAL_NOUNS = {"とおり", "通り", "ため"}


def extract_parties(segments: list[Segment]) -> list[Party]:
    text = front_text(segments)
    defined = defined_parties(text)
    if defined:
        return defined
    title = next((s.text for s in segments if s.kind == Kind.TITLE), "")
    preamble = next((s.text for s in segments if s.kind == Kind.PREAMBLE), "")
    subject = preamble.split("は、")[0] if "は、" in preamble else ""
    for candidate in (subject, title):
        names = municipality_names(candidate)
        if names:
            return with_roles(names)
    listed = role_lines(segments) or keyed_parties(segments)
    if listed:
        return with_codes(listed)
    return with_roles(listed_members(segments) or listed_subject(segments) or topic_municipalities(segments)[:1])


# 甲:久留米市 / 乙:大川市、小郡市、うきは市: an overview or a cover sheet
# naming the parties by role, a line each, each name a known municipality.
ROLE_LINE = regex.compile(rf"^(?P<role>[{ROLE_CHARS}])\s*[::]\s*(?P<names>\S.*)$")


def role_lines(segments: list[Segment]) -> list[tuple[str, str]]:
    """(role, municipality) for each name of the lines that give a role
    its municipalities, before the 別表 and the signature blocks."""
    found: list[tuple[str, str]] = []
    for seg in segments:
        if seg.kind in (Kind.QUOTE, Kind.APPENDIX, Kind.OVERVIEW_TABLE, Kind.SIGNATORY):
            continue
        for line in seg.lines:
            match = ROLE_LINE.match(line.text) if line.text[:1] in ROLE_CHARS else None
            names = [part for part in MEMBER_SEPARATOR.split(match["names"]) if part] if match else []
            if names and all(gazetteer().is_known(name) for name in names) \
                    and all(role != match["role"] for role, _ in found):
                found += [(match["role"], name) for name in names]
    return sorted(found, key=lambda item: ROLE_CHARS.index(item[0]))


# 当事者<TAB>甲:鳥取市 乙:岩美町, 【当事者】八戸市(連携中枢都市)、三戸町,
# (1) 構成市町村:…, 中心市<TAB>鳥取市 over 連携市町村<TAB>岩美町、若桜町: a
# summary's particulars, a cell or key line each, naming the members.
KEY_OPENING = r"^(?:\(?\d{1,2}[).]?\s*)?[【\[]?\s*"
KEY_CLOSING = r"\s*[】\]]?\s*(?:[::]\s*)?"
PARTIES_KEY = regex.compile(
    rf"{KEY_OPENING}(?:(?:連携)?(?:協約|協定)の)?(?P<key>当事者|締結(?:団体|市町村?)|構成(?:市町村|市町|団体)"
    rf"|中心市|中心都市|連携中枢都市|(?:連携|近隣|周辺)(?:市町村|市町|町村)){KEY_CLOSING}(?P<value>.*)$")
CENTRAL_KEYS = ("中心市", "中心都市", "連携中枢都市")
# 甲:鳥取市 / 甲 鳥取市 / (甲)鳥取市: the role of the names that follow it
ROLE_BEFORE_NAME = regex.compile(rf"^\(?(?P<role>[{ROLE_CHARS}])\)?\s*[::]?\s*(?P<name>.*)$")
ROLE_MARK_AFTER_NAME = regex.compile(rf"(?<=[市町村区])(?=\(?[{ROLE_CHARS}]\)?\s*[::])")
CENTRAL_NOTE = regex.compile(r"\((?:中心市|中心都市|連携中枢都市)\)")


def keyed_parties(segments: list[Segment]) -> list[tuple[str, str]]:
    """(role, municipality) of the members the particulars name under a
    key: by the roles they mark, else the central city first and the rest
    in their order (甲, 乙, 丙 …)."""
    central: list[tuple[str, str]] = []
    members: list[tuple[str, str]] = []
    for seg in segments:
        if seg.kind in (Kind.QUOTE, Kind.APPENDIX, Kind.OVERVIEW_TABLE, Kind.SIGNATORY, Kind.ARTICLE):
            continue
        for line in seg.lines:
            text = "\t".join(cell.strip() for cell in line.cells) if line.is_row else line.text
            match = PARTIES_KEY.match(text) if ("市" in text or "町" in text or "村" in text) else None
            named = keyed_members(match["value"].replace("\t", " ")) if match else []
            (central if match and match["key"] in CENTRAL_KEYS else members).extend(
                item for item in named if item not in central + members)
    found = central + members
    if found and all(role for role, _ in found):
        return sorted(found, key=lambda item: ROLE_CHARS.index(item[0]))
    return list(zip(ROLE_CHARS, [name for _, name in found])) if not any(role for role, _ in found) else []


def keyed_members(value: str) -> list[tuple[str, str]]:
    """(role or "", name) of each municipality of a key's value, the one
    noted as the central city first; none unless every part is one."""
    central = CENTRAL_NOTE.search(value)
    named, role = [], ""
    if ":" in value:  # 甲:宮崎市<br>乙:国富町 (NFKC made ： a colon): the cell's lines joined as one
        value = ROLE_MARK_AFTER_NAME.sub(" ", value)
    for part in MEMBER_SEPARATOR.split(value):
        marked = ROLE_BEFORE_NAME.match(part) if part[:1] in ROLE_CHARS or part[:1] == "(" else None
        if marked and not gazetteer().is_known(NOTE_IN_BRACKETS.sub("", part)):
            role, part = marked["role"], marked["name"]
        name = NOTE_IN_BRACKETS.sub("", part).strip()
        if not name:
            continue
        if not gazetteer().is_known(name):
            return []
        named.append((role, name, bool(central and CENTRAL_NOTE.search(part))))
    return [(role, name) for role, name, _ in sorted(named, key=lambda item: not item[2])]


# 宮崎市、国富町、綾町 / 宮崎市・国富町・綾町 / 宮崎市(中心市) 国富町 綾町:
# an overview lists the members on a line of their own, under 連携市町 or
# 構成市町村, without naming them 甲 and 乙.
MEMBER_SEPARATOR = regex.compile(r"\s*(?:、|,|・|及び|並びに|\s)\s*")
NOTE_IN_BRACKETS = regex.compile(r"\([^()]*\)")


def listed_members(segments: list[Segment]) -> list[str]:
    """The municipalities of the first line that is nothing but a list of
    two or more of them, in its order."""
    for seg in segments:
        if seg.kind in (Kind.QUOTE, Kind.APPENDIX, Kind.OVERVIEW_TABLE):
            continue
        for line in seg.lines:
            text = "" if line.is_row else NOTE_IN_BRACKETS.sub("", line.text).strip()
            parts = [part for part in MEMBER_SEPARATOR.split(text) if part]
            if len(parts) >= 2 and all(gazetteer().is_known(part) for part in parts):
                return parts
    return []


def front_text(segments: list[Segment]) -> str:
    """Title, preamble and articles: where parties are defined."""
    kinds = (Kind.TITLE, Kind.PREAMBLE, Kind.ARTICLE, Kind.COVER)
    return "\n".join(s.text for s in segments if s.kind in kinds)


def defined_parties(text: str) -> list[Party]:
    """Each role's parties in the order of the roles; towns defined one by
    one as 乙1, 乙2 … 乙10 are each 乙, in the order of their numbers."""
    names: dict[tuple[str, int], list[str]] = {}
    for match in ROLE_DEFINITION.finditer(text):
        key = (match["role"], int(match["number"] or 0))
        window = after_last_stop(text[max(0, match.start() - 60):match.start()], PHRASE_STOPS)
        before = NAME_BEFORE.search(window)
        if not before:
            continue
        name = head_of(window) or municipality_at_end(NAME_SEPARATORS.sub("", before.group(0)).strip())
        if FORWARD_REFERENCE.match(name):  # 次に掲げる市町(以下これらを「乙」…) / the list on the lines below
            listed = members_listed_below(text, match.end())
            if listed and key not in names:
                names[key] = listed
                continue
        if name and key not in names:
            # 鏡野町及び奈義町(以下「乙」という。): a list before a definition is
            # the role's, with or without これら; the one before stops at its )
            listed = listed_before(after_last_stop(text[max(0, match.start() - 120):match.start()], LIST_STOPS))
            names[key] = listed[:-1] + [name] if listed and listed[-1] == name else [name]
    ordered = sorted(names.items(), key=lambda item: (ROLE_CHARS.index(item[0][0]), item[0][1]))
    return with_codes([(role, name) for (role, _), group in ordered for name in group])


# A role given to the municipalities a list below the sentence names
# (次に掲げる市町, 別記の町村, 下記の市町村): the list, a line or an item each.
FORWARD_REFERENCE = regex.compile(r"^(?:次に掲げる|次の|別記の?|下記の?|以下の)")
LIST_ITEM_MARK = regex.compile(r"^(?:\(\s*[\dア-ン一二三四五六七八九十]{1,3}\s*\)|[一二三四五六七八九十]{1,3}\s|\d{1,2}[.\s]|[ア-ン]\s|・)\s*")


def members_listed_below(text: str, at: int) -> list[str]:
    """The municipalities on the lines after the one holding `at`, while
    each line (an item mark aside) is nothing but known names."""
    names: list[str] = []
    for line in text[at:].split("\n")[1:]:
        line = NOTE_IN_BRACKETS.sub("", LIST_ITEM_MARK.sub("", line.strip())).strip()
        parts = [part for part in MEMBER_SEPARATOR.split(line) if part]
        if not parts or not all(gazetteer().is_known(part) for part in parts):
            break
        names += [part for part in parts if part not in names]
    return names


# 釧路市長 蝦名大也(以下「甲」という。), 鹿屋市長(以下「甲」…): a party
# defined by its head, perhaps with the person holding the office. The
# place must end as a head's title starts (長野県長野市 holds no 県長).
PERSON = r"[\p{Han}\p{Hiragana}\p{Katakana}ー]{1,6}(?:\s+[\p{Han}\p{Hiragana}\p{Katakana}ー]{1,6})?"
HEAD_AND_PERSON = regex.compile(
    rf"(?P<place>[^、,。()「」\s]+?(?:[市町村区](?=長)|[都道府県](?=知事)))(?:長|知事)(?:\s*{PERSON})?$")


def head_of(text: str) -> str:
    """The municipality or prefecture whose head (and person) end the text, or ""."""
    found = HEAD_AND_PERSON.search(text)
    place = municipality_at_end(found["place"]) if found else ""
    return place if place and gazetteer().is_known(place) else ""


# The list a collective role names: 周辺町村である音更町、芽室町、幕別町及び池田町
LIST_BEFORE = regex.compile(r"[^。()「」\s]+$")
LIST_SEPARATOR = regex.compile(r"、|,|及び|並びに|ならびに")


def listed_before(text: str) -> list[str]:
    """The known municipalities listed (、 及び 並びに) right before a
    collective definition, in order; the list ends where a part names none."""
    run = LIST_BEFORE.search(text)
    names: list[str] = []
    for part in reversed(LIST_SEPARATOR.split(run.group(0)) if run else []):
        name = municipality_at_end(part.strip())
        if not name or not gazetteer().is_known(name):
            break
        names.insert(0, name)
    return names


def municipality_at_end(name: str) -> str:
    """'中心市である釧路市' -> '釧路市': a known municipality closing the phrase
    is the party; anything else (●●●市町, a 広域連合) stays as written."""
    found = gazetteer().find_all(name)
    if found and found[-1][1] == len(name) and found[-1][0] > 0:
        start = found[-1][0]
        prefecture = gazetteer().prefecture_of(name[max(0, start - 4):start])
        return name[start - len(prefecture):] if prefecture and name[:start].endswith(prefecture) else name[start:]
    return name


def municipality_names(text: str) -> list[str]:
    """The municipalities and 組合 / 広域連合 text names, in order; a
    municipality inside a body's name (府中市・神石高原町事務組合) is the body's."""
    bodies = [joint_body(text, m.start(), m.end()) for m in JOINT_BODY_IN_TEXT.finditer(text)]
    places = [(start, end, name) for start, end, name in gazetteer().find_all(text)
              if not any(b_start <= start < b_end for b_start, b_end, _ in bodies)]
    names: list[str] = []
    for _, _, name in sorted(bodies + places):
        if name not in names:
            names.append(name)
    return names


def joint_body(text: str, start: int, end: int) -> tuple[int, int, str]:
    """The body's name text[start:end] without the municipalities listed
    before it with ・ (福山市・芦田川広域行政事務組合 names two parties)."""
    while (dot := text.find("・", start, end)) != -1 and gazetteer().is_known(text[start:dot]):
        start = dot + 1
    return start, end, text[start:end]


def with_roles(names: list[str]) -> list[Party]:
    return with_codes(list(zip(ROLE_CHARS, names)))


def with_codes(roles_and_names: list[tuple[str, str]]) -> list[Party]:
    """Parties with their codes; a prefecture written before the name
    (北海道釧路市) settles the code, and the party is the municipality."""
    codes = gazetteer().codes_in_context([name for _, name in roles_and_names])
    return [Party(role, without_prefecture(name), code) for (role, name), code in zip(roles_and_names, codes)]


def without_prefecture(name: str) -> str:
    prefecture = gazetteer().prefecture_of(name)
    rest = name[len(prefecture):]
    return rest if prefecture and rest and gazetteer().is_known(rest) else name


# 青森市は…, 福山市を中心とする備後圏域: how an overview names the central city.
CENTRAL_AFTER_NAME = regex.compile(r"は|を中心")


def topic_municipalities(segments: list[Segment]) -> list[str]:
    """Municipalities that are the topic of a sentence (`青森市は…`) or the
    centre of the area (`福山市を中心とする`)."""
    names = []
    for seg in segments:
        if seg.kind == Kind.QUOTE:
            continue
        for start, end, name in gazetteer().find_all(seg.text):
            if CENTRAL_AFTER_NAME.match(seg.text, end) and name not in names:
                names.append(name)
    return names


# 久留米市と大川市は、… / 鳥取市、岩美町及び若桜町は: names joined as one subject.
SUBJECT_JOINER = regex.compile(r"と|及び|並びに|、|,|・")
# …は (the subject), or the makers of the agreement named before it: 福山市と
# 府中市による連携協約, …との連携協約, …間の定住自立圏形成協定.
AFTER_MEMBERS = regex.compile(r"は|(?:による|との|の|間の|間における)\s*(?:連携協約|定住自立圏形成協定|協定)")


def listed_subject(segments: list[Segment]) -> list[str]:
    """The municipalities of the first subject that lists two or more of
    them (a press release: 久留米市と大川市は、…連携協約を締結します。), or
    of the agreement they make (福山市と府中市による連携協約の締結式)."""
    for seg in segments:
        if seg.kind in (Kind.QUOTE, Kind.APPENDIX, Kind.OVERVIEW_TABLE, Kind.SIGNATORY):
            continue
        for line in seg.lines:
            found = gazetteer().find_all(line.text) if "は" in line.text or "協" in line.text else []
            for n, (_, end, _) in enumerate(found):
                if not AFTER_MEMBERS.match(line.text, end):
                    continue
                first = n
                while first > 0 and SUBJECT_JOINER.fullmatch(line.text[found[first - 1][1]:found[first][0]]):
                    first -= 1
                if n > first:
                    return [name for _, _, name in found[first:n + 1]]
    return []


def extract_area_name(segments: list[Segment]) -> str:
    """The 圏域 as the text names it: the noun phrase defined as
    (以下「圏域」という。), else a named ○○圏域 in the cover (北上・西和賀
    定住自立圏 over 定住自立圏形成協定書), title or preamble,
    else in an article (この協定は、…大隅定住自立圏を形成し…: many 定住自立圏
    agreements name theirs only in the 目的 article); "" when the text names
    none (…で構成される圏域)."""
    text = front_text(segments)
    named = AREA_NAME_ARTICLE.search(text)
    if named:
        return named["name"]
    keyed = keyed_area(segments)
    if keyed:
        return keyed
    definition = AREA_DEFINITION.search(text)
    if definition:
        phrase = ORDINAL.sub("", defined_phrase(text[:definition.start()]))
        return defined_area_term(text) if is_kind_of_area(phrase) or LAND_OF_PARTIES.search(phrase) else phrase
    own = [s for s in segments if s.label != ANOTHER_AGREEMENT]
    return (defined_area_term(text)
            or named_area_in(segments, (Kind.COVER, Kind.TITLE, Kind.PREAMBLE, Kind.ARTICLE))
            or formed_or_quoted_area(text)
            or named_area_in(own, (Kind.OTHER,))
            or formed_or_quoted_area("\n".join(s.text for s in own if s.kind == Kind.OTHER)))


# 甲及び乙で構成する圏域(以下「おおいた都市広域圏」という。): the name is the
# term defined, not the phrase before it; any kind of 圏 (広域圏, 生活圏).
DEFINED_AREA_TERM = regex.compile(r"\(\s*以下\s*「\s*(?P<term>[^「」()\s、。]{2,30}?圏域?)\s*」\s*という")


def defined_area_term(text: str) -> str:
    """The named area a definition makes its term, or ""."""
    if "圏" not in text:
        return ""
    for match in DEFINED_AREA_TERM.finditer(text):
        term = ORDINAL.sub("", match["term"])
        if not is_kind_of_area(term) and is_area_name(term, in_title=True):
            return term
    return ""


# The area the agreement forms, in any kind of 圏 (広域圏, 生活圏), named in
# its articles without a definition: quoted (「おおいた都市広域圏」において),
# or as what is formed (おおいた都市広域圏を形成し, …圏の形成を図り,
# 形成する別府湾岸生活圏), with a place or a coined word in its name: 東京圏
# への人口流出 is no area formed, 日常生活圏の形成 names none.
QUOTED_AREA = regex.compile(r"「\s*(?P<name>[^「」()\s、。]{2,30}?圏域?)\s*」")
FORMED_AREA = regex.compile(rf"(?P<name>{NAME_RUN}圏域?)\s*(?:を|の)\s*形成|形成する\s*(?P<name>{NAME_RUN}圏域?)")


def formed_or_quoted_area(text: str) -> str:
    """The first named area text quotes or says is formed, or ""."""
    if "圏" not in text:
        return ""
    text = without_ordinals(text)
    for match in QUOTED_AREA.finditer(text):
        if not is_kind_of_area(match["name"]) and is_area_name(match["name"], in_title=False):
            return match["name"]
    for match in FORMED_AREA.finditer(text):
        phrase = area_phrase(text, TITLE_AREA.match(text[:match.end("name")], match.start("name")))
        if phrase and not is_kind_of_area(phrase) and is_area_name(phrase, in_title=False):
            return phrase
    return ""


# 圏域名<TAB>備後圏域, 【圏域の名称】「…」: a summary's particulars name the area under a key.
AREA_KEY = regex.compile(rf"{KEY_OPENING}(?:圏域名|圏域の名称|(?:連携中枢)?都市圏(?:名|の名称)|定住自立圏(?:名|の名称))"
                         rf"{KEY_CLOSING}[「『]?\s*(?P<name>[^\s「」『』。、]+?)\s*[」』]?(?:\s*\([^()]*\))?$")


def keyed_area(segments: list[Segment]) -> str:
    """The area a key names in the text outside the articles, 別表 and quotations, or ""."""
    for seg in segments:
        if seg.kind in (Kind.QUOTE, Kind.APPENDIX, Kind.OVERVIEW_TABLE, Kind.SIGNATORY, Kind.ARTICLE) \
                or seg.label == ANOTHER_AGREEMENT or "圏" not in seg.text:
            continue
        for line in seg.lines:
            text = "\t".join(cell.strip() for cell in line.cells) if line.is_row else line.text
            match = AREA_KEY.match(text) if "圏" in text else None
            if match and "圏" in match["name"]:
                return match["name"]
    return ""


def named_area_in(segments: list[Segment], kinds: tuple[Kind, ...]) -> str:
    """The first area named in the segments of those kinds, or "". The
    free text of a document without a title (a council's or a plan's
    paper, 第2期備後圏域連携中枢都市圏ビジョン…について) is read last."""
    for seg in segments:
        if seg.kind in kinds:
            in_title = seg.kind == Kind.TITLE
            text = without_ordinals(seg.text)
            for match in (TITLE_AREA if in_title else NAMED_AREA).finditer(text):
                phrase = area_phrase(text, match)
                if is_area_name(phrase, in_title):
                    return phrase
    return ""


# 第2期備後圏域連携中枢都市圏ビジョン, 第二次…, 第1回…協議会: the term of a
# plan or an agreement renewed, or a meeting's count, written before the
# area's name and no part of it.
ORDINAL = regex.compile(r"第\s*[0-9〇一二三四五六七八九十]+\s*[期次回]")


def without_ordinals(text: str) -> str:
    """The text with each 第N期 blanked, so that no name runs into it."""
    if "第" not in text:  # the pattern starts with 第: most segments have none
        return text
    return ORDINAL.sub(lambda match: " " * len(match.group(0)), text)


def area_phrase(text: str, match: regex.Match) -> str:
    """The area the match names, with the hiragana its name opens with."""
    before = text[match.start() - 1:match.start()]
    if not HIRAGANA.match(before):
        return match.group(0)
    if match.group(0) in GENERIC_AREAS and before in DESCRIBED_AFTER and not place_reading_before(text[:match.start()]):
        return match.group(0)
    return noun_phrase_before(text[:match.end()])


# The hiragana run ending a text.
KANA_RUN_AT_END = regex.compile(r"\p{Hiragana}+$")


def place_reading_before(text: str) -> str:
    """The place written in hiragana that ends the text, perhaps after a
    particle or a verb (、とよはし, をくまもと, 形成するとよはし: the longest
    end of the hiragana run that spells a municipality's or prefecture's
    reading, which UniDic cuts into particles and verb endings: と|よ|は|し,
    いま|ばり), or ""."""
    run = KANA_RUN_AT_END.search(text[-12:]) if HIRAGANA.match(text[-1:]) else None
    ends = (run.group(0)[start:] for start in range(len(run.group(0)))) if run else ()
    return next((place for place in ends if gazetteer().is_place_reading(place)), "")


def place_readings_before_areas(text: str) -> list[tuple[int, int]]:
    """The spans of the places written in hiragana right before a 圏 word."""
    spans = []
    for match in AREA_WORD.finditer(text):
        place = place_reading_before(text[:match.start()])
        if place:
            spans.append((match.start() - len(place), match.start()))
    return spans


def in_katakana(text: str, spans: list[tuple[int, int]]) -> str:
    """とよはし圏域 -> トヨハシ圏域, one letter for one: UniDic reads a
    name it does not know in katakana as nouns, as it does not in hiragana."""
    for start, end in spans:
        text = text[:start] + "".join(chr(ord(c) + 0x60) for c in text[start:end]) + text[end:]
    return text


# A 圏 word a place in hiragana may touch: 圏域, 連携中枢都市圏, 中部連携中枢都市圏.
AREA_WORD = regex.compile(r"[^\p{Hiragana}\s、。「」()]{0,8}?圏")


# 「れんけいこうち広域都市圏」(以下「圏域」という。): the name as quoted.
QUOTED_AT_END = regex.compile(r"[「『]\s*([^「」『』]+?)\s*[」』]\s*$")
# 甲及び乙の区域(以下「圏域」という。): the parties' land, described, not named.
LAND_OF_PARTIES = regex.compile(r"(?:区域|全域)$")


# 津山圏域定住自立圏(つやまエリア)(以下「圏域」という。): a reading or a
# nickname in brackets between the name and its definition.
NOTE_AT_END = regex.compile(r"\s*\([^()]{1,20}\)\s*$")


def defined_phrase(text: str) -> str:
    """The phrase that ends the text: quoted, or the noun phrase, past a
    note in brackets after it."""
    note = NOTE_AT_END.search(text[-60:]) if text.endswith(")") else None
    text = text[:len(text) - len(note.group(0))] if note else text
    quoted = QUOTED_AT_END.search(text[-60:])
    return quoted.group(1) if quoted else noun_phrase_before(text)


def noun_phrase_before(text: str) -> str:
    """The name phrase that ends the text: nouns with prefixes and suffixes,
    joined by ・ or の between nouns (因幡・但馬麒麟のまち連携中枢都市圏);
    a verb, another particle or punctuation ends it (…で構成される圏域).
    A place written in hiragana (とよはし圏域) is read as the noun it is."""
    places = place_readings_before_areas(text) if "圏" in text else []
    if not places:
        return words_phrase_before(text)
    marked = in_katakana(text, places)
    phrase = words_phrase_before(marked)
    if not phrase or not marked.endswith(phrase):
        return phrase
    start = len(text) - len(phrase)
    # イマ|バリ, ハチ|ノ|ヘ: UniDic may still read the head of the place as a modifier
    start = next((place_start for place_start, place_end in places if place_start < start < place_end), start)
    return text[start:]


def words_phrase_before(text: str) -> str:
    words = list(tagger()(text[-60:]))
    phrase: list = []
    for word in reversed(words):
        joins = phrase and (word.surface in JOINERS and phrase[0].feature.pos1 in NAME_POS
                            or word.surface == "-" and LATIN_WORD.fullmatch(phrase[0].surface))
        if word.feature.pos1 not in NAME_POS and not joins or word.surface in ADVERBIAL_NOUNS:
            break
        phrase.insert(0, word)
    phrase = without_leading_modifiers(phrase)
    name = "".join(w.surface for w in phrase)
    cut_head = words[-len(phrase) - 1] if phrase and len(words) > len(phrase) else None
    if cut_head is not None and text.endswith(name) and is_cut_name_head(cut_head):
        return with_leading_kana(text[:-len(name)], name)
    kana = kana_before(words[:len(words) - len(phrase)]) if phrase else []
    if kana and text.endswith(name) and is_coined_kana(kana):
        coined = "".join(w.surface for w in kana) + name
        return words_phrase_before(text[:-len(coined)]) + coined
    return name


def without_leading_modifiers(phrase: list) -> list:
    """The phrase past the words that modify it rather than name it:
    それぞれの, すべての, ほか (nouns UniDic reads as adverbs), 暮らしやすい
    (a suffix cut off from its verb), ひとつの, 二つの (a count), and the
    の or ・ left at its head. A numeral counts only in kana or before の:
    十勝, 三遠南信 and 二戸 open with one."""
    start = 0
    while start < len(phrase):
        if phrase[start].surface in (*JOINERS, "-"):  # a phrase does not start with の or ・
            start += 1
        elif is_modifier(phrase[start]) and not runs_into_kana(phrase[start + 1:]):
            start += 1
        elif phrase[start].feature.pos2 == "数詞" and is_count(phrase[start:]):
            start += 1
        else:
            break
    return phrase[start:]


def is_modifier(word) -> bool:
    """A word that says which areas or what they are like, never what one
    is called. (Determiners and adjectives, この, あらゆる, 住みよい, end the
    walk back before the phrase already.)"""
    pos = word.feature
    return pos.pos1 == "名詞" and pos.pos3 == "副詞可能" or pos.pos1 == "接尾辞"


def runs_into_kana(rest: list) -> bool:
    """まえ|ばし圏域: a word in hiragana after it, no particle, makes it a
    piece of a name in kana UniDic cut up, not a word of its own."""
    return bool(rest) and rest[0].surface not in JOINERS and bool(HIRAGANA.match(rest[0].surface))


def is_count(words: list) -> bool:
    """ひとつ, 二つの: a numeral in kana, or one with its counter before の."""
    if HIRAGANA.fullmatch(words[0].surface):
        return True
    rest = list(itertools.dropwhile(lambda w: w.feature.pos1 == "接尾辞" or w.feature.pos2 == "数詞", words[1:]))
    return bool(rest) and rest[0].surface == "の"


def kana_before(words: list) -> list:
    """The words in hiragana that end the list, in order."""
    run: list = []
    for word in reversed(words):
        if not HIRAGANA.fullmatch(word.surface):
            break
        run.insert(0, word)
    return run


def is_coined_kana(run: list) -> bool:
    """西九州させぼ広域都市圏: hiragana between the words of a name that
    UniDic cannot read, finding a sign in it (さ|せ|ぼ), is a word of the
    name. Hiragana it reads as words is grammar ending a clause before the
    phrase (形成する, 中心となり, 協力し, の, で), whatever form it ends in."""
    return any(w.feature.pos1 in ("記号", "補助記号") for w in run)


# A run of hiragana after punctuation or a bracket, touching what follows.
KANA_AFTER_BREAK = regex.compile(r"(?:^|[、。,「『(\s])(\p{Hiragana}+)$")


def is_cut_name_head(word) -> bool:
    """れんけいこうち広域都市圏: UniDic cuts a name written in hiragana
    (れん|けいこ|うち) and tags its head as a verb ending or particle,
    which no clause starts with."""
    return word.feature.pos1 in ("助動詞", "助詞") and bool(HIRAGANA.fullmatch(word.surface))


def with_leading_kana(before: str, name: str) -> str:
    """The name with the hiragana back to the punctuation before it."""
    run = KANA_AFTER_BREAK.search(before) if HIRAGANA.match(name) else None
    return run.group(1) + name if run else name


# A word in hiragana or Latin letters within a name (れんけいこうち広域都市圏,
# 麒麟のまち圏域, ハートフル・OKAYAMA定住自立圏): a name of the area's own
# making; の alone only joins words.
COINED_WORD = regex.compile(r"(?!の)\p{Hiragana}|\p{Latin}")


def is_kind_of_area(phrase: str) -> bool:
    """圏域, 広域都市圏: words every area is described with, no name (what
    is left when a clause ends before it: 甲及び乙が形成する広域都市圏)."""
    return phrase in GENERIC_AREAS or all(word.surface in AREA_WORDS for word in tagger()(phrase))


def is_area_name(phrase: str, in_title: bool) -> bool:
    """A named area, not a kind of one (広域都市圏, 周辺定住自立圏): one
    with a place's name or a coined word in hiragana. A title
    names the area it forms, so there a word beyond the vocabulary of
    areas is enough: UniDic knows 十勝 only as 十 | 勝."""
    if phrase in GENERIC_AREAS:
        return False
    coined = bool(COINED_WORD.search(phrase))
    return coined or has_place_name(phrase) or (in_title and any(w.surface not in AREA_WORDS for w in tagger()(phrase)))


def has_place_name(text: str) -> bool:
    """A proper noun in the phrase: UniDic tags many regional names as
    surnames (大隅, 湖東, 大崎 -> 人名), and a phrase of common nouns
    (広域都市圏, 周辺定住自立圏) is no name."""
    return any(w.feature.pos2 == "固有名詞" for w in tagger()(text)) or bool(gazetteer().find_all(text))
