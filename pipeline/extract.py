"""extract: list[Segment] -> Document, running the extractors in order."""
from __future__ import annotations

from dataclasses import replace

import regex

from extractors.appendix import extract_appendix
from extractors.articles import extract_articles
from extractors.dates import (ceremony_signing, labelled_signing, planned_signing, read_dates, reported_signing,
                              signed_today, signing_date)
from extractors.parties import JOINT_BODY, extract_area_name, extract_parties
from extractors.signatories import extract_signatories
from pipeline.gazetteer import gazetteer
from pipeline.model import Document, Kind, Party, Segment, Source
from pipeline.repair import Repaired
from pipeline.segment import (ANOTHER_AGREEMENT, APPENDIX_WORDS, COMPARISON_TABLE, ROLE_CHARS, STRAY, WITNESS,
                              classify, role_mark, title_text)


def extract(segments: list[Segment], source: Source, repaired: Repaired) -> Document:
    doc_type = classify(segments)
    if doc_type != "agreement":  # articles of an overview are quotations or summaries
        segments = [s for s in segments if s.kind != Kind.ARTICLE]
    title = next((title_text("".join(ln.text for ln in s.lines)) for s in segments
                  if s.kind == Kind.TITLE), "")
    parties = extract_parties(segments)
    dates, date_warnings = read_dates(segments)
    if doc_type != "agreement":  # a summary's own date (資料作成日) is no signing date; one labelled 締結日 is,
        dates, planned_warnings = summary_dates(segments, dates)
        date_warnings = date_warnings + planned_warnings
    articles = extract_articles(segments)
    signatories = extract_signatories(segments, parties)
    signing = parties_signing(signatories)
    parties = signing if len(signing) > len(parties) else with_codes_signed(parties, signatories)
    appendix, table_warnings = extract_appendix(segments, parties)
    if doc_type == "other":  # a plan's tables, a press release's attendees: no agreement's rows or signers
        signatories, appendix, table_warnings = [], [], []
    warnings = [*source.warnings, *repaired.warnings, *table_warnings, *date_warnings,
                *missing_fact_warnings(doc_type, title, parties, dates, articles, appendix)]
    warnings += gazetteer_warnings(parties, signatories) + unmarked_block_warnings(segments, signatories, parties)
    warnings += [f"another agreement follows from line {s.lines[0].no} ({s.lines[0].text[:40]}): "
                 "only the first is read" for s in segments if s.label == ANOTHER_AGREEMENT]
    warnings += [f"line {s.lines[0].no} ({s.lines[0].text[:40]}): a 新旧対照表 of the amended agreement, "
                 "its changes read as no 別表 rows" for s in segments if s.label == COMPARISON_TABLE]
    warnings += [f"line {s.lines[0].no} ({s.lines[0].text[:40]}) between two articles: read as no part of them"
                 for s in segments if s.label == STRAY]
    return Document(
        doc_id=source.doc_id, source_file=source.path, sha256=source.sha256, format=source.format,
        doc_type=doc_type, title=title, area_name=extract_area_name(segments), parties=tuple(parties),
        signed_date=signing_date(dates), articles=tuple(articles), signatories=tuple(signatories),
        appendix=tuple(appendix), dates=tuple(dates), corrections=tuple(repaired.corrections),
        warnings=tuple(warnings), status=status_of(doc_type, warnings), lines=tuple(repaired.lines),
        pages=source.pages)


def summary_dates(segments: list[Segment], dates: list) -> tuple[list, list[str]]:
    """The dates of a summary or a press release: the one labelled 締結日 or
    the day of a signing ceremony it reports held, a date its sentence
    reports the signing done on (…27日に連携協約を締結しました), or the
    release's own day when it reports the signing done 本日, is signed; the day it
    announces the signing for (締結予定日, a ceremony to come) is planned,
    with a warning, since an announcement is no proof it was signed then."""
    signed = labelled_signing(segments)
    planned = None if signed else planned_signing(segments)
    signed = signed or (None if planned else (ceremony_signing(segments) or reported_signing(segments)
                                              or signed_today(segments)))
    dates = [replace(d, kind="signed" if (d.line_no, d.raw) == signed else
                     "planned" if (d.line_no, d.raw) == planned else "referenced") for d in dates]
    warnings = [f"line {planned[0]}: the signing is announced for {planned[1]}, not reported done: "
                "recorded as planned, not as the signing date"] if planned else []
    return dates, warnings


def with_codes_signed(parties: list[Party], signatories) -> list[Party]:
    """A party whose name the gazetteer finds in several prefectures (府中市:
    東京都 and 広島県) takes the code its signature block's address settles
    (広島県府中市府川町…)."""
    signed = {(s.role, s.municipality): s.municipality_code for s in signatories if s.municipality_code}
    return [replace(p, code=signed.get((p.role, p.municipality), "")) if not p.code else p for p in parties]


def parties_signing(signatories) -> list[Party]:
    """The parties as the signature blocks name them, for an agreement that
    names them nowhere else (甲及び乙は、次のとおり… over 甲 山口市長 …)
    or only one as a topic (山口市を中心とする圏域…)."""
    parties: list[Party] = []
    for s in signatories:
        if s.role in ROLE_CHARS and s.municipality and all(p.role != s.role for p in parties):
            parties.append(Party(s.role, s.municipality, s.municipality_code))
    return parties


def missing_fact_warnings(doc_type, title, parties, dates, articles, appendix) -> list[str]:
    warnings = []
    if doc_type == "other":
        warnings.append("no agreement found in the text")
        return warnings
    if not title:
        warnings.append("no title found")
    if not parties:
        warnings.append("no parties found")
    if doc_type == "agreement":
        if not any(d.kind == "signed" for d in dates):
            warnings.append("no signing date found")
        named = next((word for word in APPENDIX_WORDS for a in articles if refers_to_own(word, a.text)), "")
        if not appendix and named:
            warnings.append(f"an article refers to {named} but no {named} rows were found")
        numbers = [a.number for a in articles if a.branch is None]
        if numbers != list(range(1, len(numbers) + 1)):
            warnings.append("article numbers are not consecutive: " + ",".join(map(str, numbers)))
    return warnings


# 原協約別表中「観光振興」を「…」に改める: an amending agreement edits the
# 別表 of the one it amends, and has none of its own.
AMENDED_IN = r"(?!(?:第?\s*[0-9一二三四五六七八九十]+)?\s*中\s*「)"
OWN_APPENDIX = {word: regex.compile(word + AMENDED_IN) for word in APPENDIX_WORDS}


def refers_to_own(word: str, text: str) -> bool:
    """The article names a 別表 of this agreement, not one it amends."""
    return word in text and bool(OWN_APPENDIX[word].search(text))


def status_of(doc_type: str, warnings: list[str]) -> str:
    return "ok" if doc_type != "other" and not warnings else "partial"


def unmarked_block_warnings(segments: list[Segment], signatories, parties) -> list[str]:
    """A signature block among marked ones that has no 甲/乙 mark of its own
    (misread: 選 ●●●市町…) took its role from the order of the blocks,
    unless it names one of the towns that share a role: they sign under one
    mark (乙 over four towns' blocks). A witness's block (立会人) is marked as such."""
    blocks = [s for s in segments if s.kind == Kind.SIGNATORY]
    marked = [bool(role_mark(s.lines[0].text)) for s in blocks]
    if not any(marked):
        return []
    roles = [p.role for p in parties]
    named = {(p.role, p.municipality) for p in parties if roles.count(p.role) > 1}
    return [f"signature block {block.label} has no role mark (reads {block.lines[0].text[:12]}); "
            f"its role is taken from the order of the blocks"
            for block, ok, signer in zip(blocks, marked, signatories)
            if not ok and block.label != WITNESS and (signer.role, signer.municipality) not in named]


def gazetteer_warnings(parties, signatories) -> list[str]:
    """A party or signatory without a municipality code: the gazetteer does
    not know the name (a misreading repair could not settle, a merged town)
    or cannot tell which one it is. Blanked templates (●●●市) are not names,
    and a 組合 or 広域連合 is no municipality."""
    found: dict[str, str] = {}
    named = [(p.municipality, p.code) for p in parties]
    named += [(s.municipality, s.municipality_code) for s in signatories]
    for name, code in named:
        if name and not code and "●" not in name and not JOINT_BODY.match(name) and name not in found:
            known = gazetteer().is_known(name)
            found[name] = (f"municipality {name} matches several in the gazetteer" if known
                           else f"municipality not in gazetteer: {name}")
    return list(found.values())
