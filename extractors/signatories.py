"""Signatory blocks: role, municipality, address, title (市長 …), person.

A block is a few short lines in any order: an address (番地, 丁目, 号 …),
the municipality, the head's title (山口市長) and the person (渡辺純忠),
sometimes several on one line. A 組合 or 広域連合 that is a party stands
where the municipality does, its head's office (管理者 府中市長) as title.
The person's family and given names come from UniDic's 人名,姓 / 人名,名 tags.
"""
from __future__ import annotations

from dataclasses import replace

import regex

from extractors.dates import without_closing_date
from extractors.parties import BODY_NAME, JOINT_BODY
from pipeline.gazetteer import gazetteer
from pipeline.japanese import tagger
from pipeline.model import Kind, Party, Segment, Signatory
from pipeline.segment import LOT_LINE, PLACE_ONLY, SEAL_LINE, SEAL_WORDS, WITNESS, WITNESS_MARK, role_mark

# 長与町長職務代理者 長与町副町長 中村 博: one who stands in for the head
# (職務代理者, 地方自治法第152条) or acts in a vacant office (職務執行者)
# signs with that capacity and the office held, both part of the title.
# The office may stand on the line below, before the name. A deputy's
# office (副町長; a 組合's 副管理者) is no head's title.
OFFICE = r"[^\s]*?(?:副(?:市|町|村|区)長|副知事|副管理者|副(?:組合|広域連合|連合)長|部長|局長|理事)"
ACTING = rf"(?:\s*職務(?:代理|執行)者(?:\s*{OFFICE})?)"
ACTING_END = regex.compile(r"職務(?:代理|執行)者$")
OFFICE_THEN_NAME = regex.compile(rf"^(?P<office>{OFFICE})(?:\s+|$)(?P<rest>.*)$")
HEAD_TITLE = regex.compile(rf"(?P<title>(?P<muni>[^\s]*?(?<!副)(?:都|道|府|県|市|町|村|区|組合|広域連合)|(?<!\S)(?=知事))"
                           rf"(?:長|知事|管理者)"
                           rf"{ACTING}?)(?:\s*(?P<rest>.*))?$")
# An 一部事務組合 or 広域連合 signs through its head: 管理者 (often the head
# of a member municipality, who writes both offices: 管理者 府中市長),
# 組合長 or 広域連合長, apart from the body's name or joined to it
# (南信州広域連合長). The body is the party; the title is the office as written.
MEMBER_HEAD = r"\S*?(?<!副)(?:市|町|村|区)長"
BODY_HEAD = regex.compile(
    rf"^(?:(?P<body>{BODY_NAME})\s+)?"
    rf"(?P<office>(?:(?P<joined>{BODY_NAME})(?:長|管理者)|管理者|組合長|広域連合長){ACTING}?)"
    rf"(?:\s*(?P<member>{MEMBER_HEAD}))?(?:\s+(?P<rest>.*))?$")
# A deputy signing in the head's stead with the office they hold (三原市副市長
# 今田 敦之, or 副市長 alone under 市長職務代理者 written before it): the
# office is the title, the municipality the one it is written with.
DEPUTY_TITLE = regex.compile(r"(?P<title>(?P<muni>[^\s()]*?(?:都|道|府|県|市|町|村|区)?)"
                             r"(?:副(?:市|町|村|区)長|副知事))(?:\s*(?P<rest>.*))?$")
# The capacity written after the person, in brackets: 三原市副市長 今田 敦之
# (市長職務代理者). It belongs to the title, after the office.
CAPACITY_AFTER = regex.compile(r"\s*\(\s*(?P<capacity>[^()\s]*職務(?:代理|執行)者)\s*\)\s*$")
# An address given in brackets after the person (福山市長 枝広 直幹
# (広島県福山市東桜町3番5号)): no part of the name.
BRACKETED_AFTER = regex.compile(r"\s*\(\s*(?P<inside>[^()]+?)\s*\)\s*$")
# The title written after the person, in brackets: 田上 富久(長崎市長) 印.
# Read as the title before the person (長崎市長 田上 富久).
PERSON_THEN_TITLE = regex.compile(r"^(?P<person>[^\s()]+(?:\s+[^\s()]+)?)\s*\(\s*(?P<title>[^()\s]*(?:長|知事|管理者)"
                                  r"(?:\s*[^()\s]*職務(?:代理|執行)者)?)\s*\)$")
# A person alone on a line: one or two words of letters (読谷山 洋司, 十屋幸平),
# as a block giving only the municipality and the person writes it.
PERSON_ALONE = regex.compile(r"^[\p{Han}\p{Hiragana}\p{Katakana}ー々]{1,7}(?:\s+[\p{Han}\p{Hiragana}\p{Katakana}ー々]{1,7})?$")
MEMBER_HEAD_LINE = regex.compile(rf"^(?P<member>{MEMBER_HEAD})(?:\s+(?P<rest>.*))?$")
# A lot number written as digits alone after the district (広島県府中市府川町315) ends an address too.
ADDRESS = regex.compile(r"\d+\s*番|番地|丁目|\d+\s*号|[一二三四五六七八九十]+番|大字|字|\d+(?:-\d+)+"
                        r"|^\S*?(?:都|道|府|県|郡|市|区|町|村)\S*?\p{Han}\d{1,5}$")
# 〇〇 or ○○ stands for a blanked name, but in an address written in kanji
# numerals it is two zeros of a number (一六〇〇番地, 二○○番地, typed with
# the circle ○ as often as with 〇): never after a digit.
REDACTED = regex.compile(r"[●■□×＊*]{2,}|(?<![一二三四五六七八九〇○◯])[〇○◯]{2,}|△△")
# The seal after a name, or what a published copy prints in its place:
# (署名), (自署), (公印省略), (押印省略).
SEAL = regex.compile(rf"\s*(?:印|㊞|[(\[](?:{SEAL_WORDS})[)\]])\s*$")
# 〒720-8501 before the address, on its line or alone above it: the post's
# code, no part of the address.
POSTAL_CODE = regex.compile(r"(?:〒|郵便番号\s*[::]?)\s*\d{3}\s*-\s*\d{4}\s*")
LABELS = regex.compile(r"^(?:住\s*所|所\s*在\s*地|氏\s*名|代\s*表\s*者|職\s*氏\s*名|名\s*称)\s*[::]?\s*")
# A block whose role marker was misread (選 ●●●市町…, split off by position
# in segment.py) still opens with it: one character and a space.
LONE_MARK = regex.compile(r"^[^\s\d]\s+(?=\S)")
# Parties named in the preamble may sign under numbers instead of 甲/乙:
# (1) 広島県福山市…, ① … (NFKC: 1 …), 1. …; the number is no part of the
# address, which never opens with a number of its own.
BLOCK_NUMBER = regex.compile(r"^(?:[(（]\s*\d{1,2}\s*[)）]|[①-⑳]|\d{1,2}(?:\s*[.．、]|\s))\s*(?=[^\s\d])")
# Addresses are written without spaces, but OCR and letter-spaced layouts put
# them in (山形市旅籠町二 丁目 3 番25号). Spaces go before the lot number and
# next to its digits and units; a building name after it keeps its space
# (…2番2号 中央合同庁舎).
# A signature table cell of an HTML page (住所<br>○○市長 氏名) comes joined
# (…幸町71番地鳥取市長 深澤 義彦): the lot number ends the address, the
# head's title starts after it.
ADDRESS_THEN_TITLE = regex.compile(r"(?<=[\d一二三四五六七八九十]\s*(?:番地|番|号)(?:\s*\d+(?:-\d+)*)?)"
                                   r"(?![地号])(?=[^\s\d]{1,12}?(?:都|道|府|県|市|町|村|区)(?:長|知事))")
# A title letter-spaced on its own (福山市 市　長 X, 岡山県 知　事 X) is read as one word.
SPACED_TITLE = regex.compile(r"(?<![^\s])(?:([市町村区])\s+長|知\s+事)(?=\s|$)")
# The bare title under the municipality's name (福山市 / 市長 X, 岡山県 /
# 知事 X): the office is that municipality's or prefecture's head (福山市長).
BARE_TITLE = regex.compile(r"^[市町村区](?:長|$)")
BARE_GOVERNOR = regex.compile(r"^知事")
LOT_START = regex.compile(r"\d|[一二三四五六七八九十]+(?=丁目|番)|丁目|番地|番|号")
SPACE_IN_LOT = regex.compile(r"\s+(?=\d|丁目|番地|番|号)|(?<=\d)\s+(?=[丁番号])")
# Compiled once: regex.sub(pattern_string, …) looks the pattern up in regex's cache on every call.
BLANKS = regex.compile(r"\s+")


def extract_signatories(segments: list[Segment], parties: list[Party]) -> list[Signatory]:
    by_role: dict[str, Party] = {}
    for party in parties:
        by_role.setdefault(party.role, party)
    signatories = []
    for seg in segments:
        if seg.kind == Kind.SIGNATORY:
            signatory = block_to_signatory(seg, by_role.get(seg.label))
            signatories.append(with_role_of_its_party(signatory, seg, parties))
    return signatories


def with_role_of_its_party(signatory: Signatory, seg: Segment, parties: list[Party]) -> Signatory:
    """A block without a mark of its own took its role from the order of the
    blocks; the party it names knows better. Four towns defined together as
    乙 sign under one 乙 mark, one block each: each block is 乙, not 丙, 丁 …"""
    if seg.label == WITNESS or role_mark(seg.lines[0].text):
        return signatory
    party = party_named(signatory, parties)
    return replace(signatory, role=party.role) if party and party.role != signatory.role else signatory


def party_named(signatory: Signatory, parties: list[Party]) -> Party | None:
    for party in parties:
        same_code = party.code and party.code == signatory.municipality_code
        if same_code or not party.code and party.municipality == signatory.municipality:
            return party
    return None


def block_to_signatory(seg: Segment, party: Party | None) -> Signatory:
    texts = [SPACED_TITLE.sub(one_word, ADDRESS_THEN_TITLE.sub(" ", ln.text.replace("\t", " "))).strip()
             for ln in seg.lines]
    role_match = role_mark(texts[0])
    if seg.label == WITNESS:
        texts[0] = WITNESS_MARK.sub("", texts[0])
        texts = [t for t in texts if t]
    elif role_match:
        texts[0] = texts[0][role_match.end():].strip()
    elif LONE_MARK.match(texts[0]) and ADDRESS.search(texts[0]):
        texts[0] = LONE_MARK.sub("", texts[0])
    else:
        texts[0] = BLOCK_NUMBER.sub("", texts[0])
    texts = without_role_name(texts)
    address = municipality = title = name = capacity = person_alone = ""
    texts = [POSTAL_CODE.sub("", t).strip() if "〒" in t or "郵便" in t else t for t in texts]
    for text in joined_addresses([t for t in (LABELS.sub("", t) for t in texts) if t]):
        text = without_closing_date(text)
        if text.endswith((")", "印", "㊞")) and (reordered := PERSON_THEN_TITLE.match(SEAL.sub("", text))):
            text = f"{reordered['title']} {reordered['person']}"
        if "職務" in text and (written_after := CAPACITY_AFTER.search(text)):
            text, capacity = text[:written_after.start()], written_after["capacity"]
        bracketed = BRACKETED_AFTER.search(text) if text.endswith(")") else None
        if bracketed and not address and ADDRESS.search(bracketed["inside"]) and head_title(text[:bracketed.start()]):
            text, address = text[:bracketed.start()], bracketed["inside"]
        body_head = BODY_HEAD.match(text) if not title else None
        head = None if body_head else head_title(text)
        if body_head:
            title = " ".join(filter(None, (body_head["office"], body_head["member"])))
            municipality = body_head["body"] or body_head["joined"] or municipality
            name = SEAL.sub("", body_head["rest"] or "").strip()
        elif not name and title_awaits_member(title) and (member := MEMBER_HEAD_LINE.match(text)):
            # 南信州広域連合管理者 / 飯田市長 佐藤 健
            title, name = f"{title} {member['member']}", SEAL.sub("", member["rest"] or "").strip()
        elif JOINT_BODY.match(text) and not municipality and not title:
            municipality = text  # the body's name on its own line, its head's office below
        elif head and not title:
            prefix_address, prefix_place = split_address(text[:head.start()])
            bare = not head["muni"] or BARE_TITLE.match(head["muni"])  # 市長 X, 副市長 X: no place written
            if bare:
                prefix_place = place_before(text[:head.start()])
            title, municipality = head["title"], municipality or prefix_place or ("" if bare else head["muni"])
            address = address or prefix_address
            name = name or SEAL.sub("", head["rest"] or "").strip()
        elif not name and ACTING_END.search(title) and OFFICE_THEN_NAME.match(text):
            office = OFFICE_THEN_NAME.match(text)  # 長与町長職務代理者 / 長与町副町長 中村 博
            title, name = f"{title} {office['office']}", SEAL.sub("", office["rest"]).strip()
        elif ADDRESS.search(text) and not address:
            address, trailing_municipality = split_address(text)
            municipality = municipality or trailing_municipality
        elif PLACE_ONLY.match(text) and not municipality:
            municipality = text
        elif not name and title and not ADDRESS.search(text):
            name = SEAL.sub("", text).strip()
        elif (municipality or address) and not person_alone and is_person_alone(SEAL.sub("", text).strip()):
            person_alone = SEAL.sub("", text).strip()
    if not municipality and party:
        municipality = party.municipality
    if not name:  # 甲 延岡市 / 読谷山 洋司: no title written; or the person over the title (X / 福山市長)
        name = person_alone
    if capacity:
        title = f"{title}({capacity})"
    if BARE_TITLE.match(title) and municipality.endswith(title[0]):
        title = municipality + title[1:]
    elif BARE_GOVERNOR.match(title) and municipality[-1:] in ("都", "道", "府", "県"):
        title = municipality + title
    address = compact_address(address)
    family, given = split_person_name(name)
    redacted = any(REDACTED.search(t) for t in texts)
    return Signatory(role=seg.label, municipality=municipality, address=address, title=title,
                     name=name, family_name=family, given_name=given, redacted=redacted,
                     span=seg.span, municipality_code=municipality_code(municipality, address, party))


# A block may open with the name the preamble gives its party instead of
# 甲/乙 (北上市(以下「中心市」という。) signs as 中心市 岩手県北上市芳町…),
# on the address's line or above it, perhaps in brackets.
ROLE_NAME = regex.compile(r"^[(\[]?(?P<name>[^\s\d()\[\]]{1,8})[)\]]?(?:\s+|$)")


def without_role_name(texts: list[str]) -> list[str]:
    """The block's lines without a role name opening them: a word no
    place or body is called, before an address that opens with a place."""
    role_name = ROLE_NAME.match(texts[0])
    if not role_name or is_place_or_body(role_name["name"]):
        return texts
    rest = texts[0][role_name.end():] or (texts[1] if len(texts) > 1 else "")
    if not ADDRESS.search(rest) or not (gazetteer().prefecture_of(rest) or gazetteer().starts_with_name(rest)):
        return texts
    return [texts[0][role_name.end():], *texts[1:]] if texts[0][role_name.end():] else texts[1:]


def is_place_or_body(name: str) -> bool:
    """A place an address may be spaced after (広島県, 釧路市, 北海道阿寒郡),
    a 組合, or a name blacked out."""
    return (gazetteer().is_known(name) or bool(gazetteer().prefecture_of(name)) or name.endswith("郡")
            or bool(JOINT_BODY.match(name)) or bool(REDACTED.search(name)))


def is_person_alone(text: str) -> bool:
    """A line that can only be the person: letters alone, no place, body or title."""
    return bool(PERSON_ALONE.match(text)) and len(text.replace(" ", "")) > 1 and not PLACE_ONLY.match(text) \
        and not is_place_or_body(text) and not HEAD_TITLE.search(text) and not text.endswith(("長", "者", "事")) \
        and not SEAL_LINE.match(text) and text not in NO_PERSON_WORDS


# Words that close or annotate a signature area, never a person: 以上, 記名押印.
NO_PERSON_WORDS = {"以上", "記", "記名押印", "署名押印", "記名", "署名", "押印", "公印", "写し", "写"}


def one_word(spaced: regex.Match) -> str:
    return BLANKS.sub("", spaced.group(0))


def title_awaits_member(title: str) -> bool:
    """A body's office ending the line (…事務組合管理者): the member
    municipality's head it is held by may stand on the line below."""
    match = BODY_HEAD.match(title)
    return bool(match) and not match["member"]


def head_title(text: str):
    """The first head's title in text (…市長, with what follows it), or None.
    長崎県長崎市魚の町…: where a municipality's name follows 県 or 市, its 長
    opens that name (長崎市, 長野市, 長岡市), and the line is an address."""
    for match in HEAD_TITLE.finditer(text, overlapped=True):
        if not gazetteer().starts_with_name(text[match.end("muni"):]):
            return match
    return DEPUTY_TITLE.search(text) if "副" in text else None


def joined_addresses(texts: list[str]) -> list[str]:
    """A block's lines with an address wrapped onto the next line joined
    back: 広島県福山市東桜町 / 3番5号, or …東桜町3番 / 5号."""
    joined: list[str] = []
    for text in texts:
        if joined and continues_address(joined[-1], text):
            joined[-1] += text
        else:
            joined.append(text)
    return joined


def continues_address(previous: str, text: str) -> bool:
    """text goes on with the address previous began: the lot numbers alone,
    or the rest after a place that is more than a municipality's name
    (広島県神石郡神石高原町 / 小畠2025番地, not 府中市 / 府中市府川町315番地)."""
    if head_title(previous) or head_title(text) or not ADDRESS.search(text):
        return False
    if previous[-1:].isdigit() and text.startswith(("番", "号", "丁目")):
        return True  # …府川町315 / 番地: the unit of the number the line ended with
    if LOT_LINE.match(text):
        return bool(ADDRESS.search(previous) or place_opening(previous))
    return not ADDRESS.search(previous) and place_opening(previous) and not place_opening(text)


def place_opening(text: str) -> bool:
    """text starts with a prefecture or municipality and is not just a name."""
    g = gazetteer()
    starts = g.prefecture_of(text) or g.starts_with_name(text)
    return bool(starts) and " " not in text.strip() and not g.is_known(text)


def place_before(text: str) -> str:
    """The municipality's name ending text (…東桜町3番5号 福山市), or ""."""
    parts = text.split()
    return parts[-1] if parts and PLACE_ONLY.match(parts[-1]) else ""


def split_address(text: str) -> tuple[str, str]:
    """'山口市亀山町2番1号 山口市' -> (address, municipality): a PDF or OCR line
    may hold the address and the municipality's name side by side."""
    parts = text.split()
    if len(parts) > 1 and PLACE_ONLY.match(parts[-1]) and ADDRESS.search(" ".join(parts[:-1])):
        return " ".join(parts[:-1]), parts[-1]
    return (text.strip(), "") if ADDRESS.search(text) else ("", "")


def compact_address(address: str) -> str:
    lot = LOT_START.search(address)
    place_end = lot.start() if lot else len(address)
    return BLANKS.sub("", address[:place_end]) + SPACE_IN_LOT.sub("", address[place_end:])


def municipality_code(municipality: str, address: str, party: Party | None) -> str:
    """The address's prefecture decides between same-named places; else the
    party's code, resolved with the other parties."""
    code = gazetteer().code(municipality, gazetteer().prefecture_of(address))
    if not code and party and party.municipality == municipality:
        code = party.code
    return code


def split_person_name(name: str) -> tuple[str, str]:
    """大森 雅夫 -> (大森, 雅夫), by UniDic's 姓/名 tags; ("", "") when unsure."""
    if not name:
        return "", ""
    parts = name.split()
    if len(parts) == 2:
        return parts[0], parts[1]
    family, given = "", ""
    for word in tagger()(name.replace(" ", "")):
        tag = word.feature.pos4 if word.feature.pos3 == "人名" else ""
        if tag == "姓" and not given:
            family += word.surface
        else:
            given += word.surface
    return (family, given) if family and given else ("", "")
