"""Plain text in UTF-8 (with or without BOM), Shift_JIS/CP932, EUC-JP, ISO-2022-JP or UTF-16."""
from __future__ import annotations

import codecs
import contextlib
import hashlib
import re
from functools import cache
from pathlib import Path

import regex

from pipeline.ingest.errors import IngestError
from pipeline.model import RawLine, Source

# Encodings Japanese government text files come in, most common first.
JAPANESE_ENCODINGS = ("utf_8", "cp932", "euc_jp", "iso2022_jp")
# The labels a page may declare them by, read as browsers read them (the
# WHATWG Encoding Standard): Shift_JIS pages are Windows' CP932 in practice
# (① ～ Ⅱ 髙), and EUC-JP has Windows' rows too (see strictly). Python's
# own names are accepted as well, and the names other software gives the
# Windows variants (Windows' cp51932, PHP's eucJP-win and SJIS-win, iconv's
# EUC-JP-MS, MySQL's eucjpms, IBM's cp943c), none of which Python knows.
# Other charsets are no Japanese agreement's: a page declaring one (an
# editor's windows-1252) is guessed.
CHARSET_LABELS = {
    **dict.fromkeys(("utf-8", "utf8", "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8",
                     "x-unicode20utf8"), "utf_8"),
    **dict.fromkeys(("shift_jis", "shift-jis", "sjis", "x-sjis", "csshiftjis", "ms932", "ms_kanji",
                     "windows-31j", "cswindows31j", "cp932", "x-ms-cp932", "windows-932", "sjis-win",
                     "sjis-open", "cp943c", "ibm-943c"), "cp932"),
    **dict.fromkeys(("euc-jp", "x-euc-jp", "cseucpkdfmtjapanese", "eucjp", "euc_jp", "cp51932",
                     "windows-51932", "eucjp-win", "euc-jp-ms", "eucjp-ms", "eucjpms", "x-eucjp-open"),
                    "euc_jp"),
    **dict.fromkeys(("iso-2022-jp", "csiso2022jp", "iso2022_jp"), "iso2022_jp"),
}
KANA = regex.compile(r"[\p{Hiragana}\p{Katakana}]")
CONTROL = regex.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
CONTROL_BYTES = bytes((*range(0x00, 0x09), *range(0x0e, 0x1b), *range(0x1c, 0x20)))  # CONTROL's, as bytes
UTF16_ZERO_SHARE = 0.1  # of the pairs: the high byte of ASCII text's characters
GARBAGE = regex.compile(r"[\p{Co}\p{Cn}\x80-\x9f]")


def sniff(path: Path, head: bytes) -> bool:
    return True  # the fallback reader; binary content is rejected in read()


def looks_binary(data: bytes) -> bool:
    """NULs, or more than 5 % control bytes in the first 8 KB. Counted as
    the bytes translate() deletes: a regex over the sample took 0.1 ms a file."""
    sample = data[:8192]
    controls = len(sample) - len(sample.translate(None, CONTROL_BYTES))
    return b"\x00" in sample or controls > len(sample) * 0.05


def utf16_text(data: bytes) -> tuple[str, str] | None:
    """(text, encoding) of Windows' "Unicode" text (Notepad, Excel's Unicode
    text export): UTF-16, whose zero bytes would make it look binary. With
    its BOM, or without one (a converter may drop it) when either byte order
    reads as Japanese (reads_as_japanese) with no control characters; binary
    data read as UTF-16 is a soup of rare ideographs and controls."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        with contextlib.suppress(UnicodeDecodeError):
            return data.decode("utf-16"), "utf-16"
        return None
    if b"\x00" not in data[:8192] or len(data) % 2:
        return None
    for encoding in ("utf_16_le", "utf_16_be"):
        with contextlib.suppress(UnicodeDecodeError):
            text = data.decode(encoding)
            if not CONTROL.search(text) and not too_garbled(text) and reads_as_japanese(text):
                return text, encoding
    return None


def utf16_byte_order(head: bytes) -> str | None:
    """The UTF-16 codec of bytes that are UTF-16 by their look: a BOM, or
    the zero bytes of ASCII (markup, digits, line breaks) on one side of
    each pair, as no 8-bit encoding and no binary file has them (a few on
    the other side are kanji's: 一 is U+4E00). None else."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    if b"\x00" not in head:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    enough = UTF16_ZERO_SHARE * len(head) / 2
    if odd >= enough and even * 4 <= odd:
        return "utf_16_le"
    if even >= enough and odd * 4 <= even:
        return "utf_16_be"
    return None


def decode(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Return (text, encoding). A BOM wins; otherwise every Japanese encoding
    that decodes the bytes strictly is a candidate, and the most Japanese
    reading of them is taken (most_japanese). The charset a page declares
    (declared, a label as written) wins where the bytes leave it open; a
    wrong declaration reads as less Japanese than the bytes' own encoding,
    or does not decode them at all, and is overruled."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    utf8 = strict_utf8(data)
    if utf8 is not None and KANA.search(utf8) and not too_garbled(utf8):
        # Kana in valid UTF-8 settle it: CP932 and EUC-JP kana bytes are never
        # valid UTF-8, and ISO-2022-JP is 7-bit. Saves three decodings per file.
        return utf8, "utf_8"
    # cp932 decodes stray 0x80/0xFD-0xFF bytes as control/private-use code points: garbled
    candidates = [strict for encoding in JAPANESE_ENCODINGS
                  if (strict := strictly(data, encoding)) is not None and not too_garbled(strict[0])]
    if candidates:
        return most_japanese(candidates, CHARSET_LABELS.get((declared or "").strip().lower()))
    # Other encodings (UTF-16 without BOM …) only if the result reads as Japanese:
    # kana, because garbage decoded as UTF-16 is a soup of CJK ideographs.
    # (Imported here: rarely needed, and 17 ms of every worker's start.)
    import charset_normalizer

    guess = charset_normalizer.from_bytes(data).best()
    if guess is not None and guess.encoding and kana_share(str(guess)) > 0.1:
        return str(guess), guess.encoding
    raise IngestError("undecodable bytes: not UTF-8, Shift_JIS/CP932, EUC-JP or ISO-2022-JP")


def most_japanese(candidates: list[tuple[str, str]], declared: str | None = None) -> tuple[str, str]:
    """The (text, encoding) with the fewest uncommon characters: a wrong
    encoding turns the bytes of everyday kanji and kana into rare kanji,
    half-width katakana and control codes (連携事業 in UTF-8 read as CP932
    is 騾｣謳ｺ莠区･ｭ), which counting kana alone took for Japanese when a
    short page of kanji had none. Of equals, the declared encoding; then the
    most kana; then the first in JAPANESE_ENCODINGS (max keeps the first)."""
    if len(candidates) == 1:
        return candidates[0]
    uncommon = uncommon_character()
    counts = {text: len(uncommon.findall(text)) for text, _ in candidates}  # 7-bit bytes read alike: counted once
    fewest = min(counts.values())
    finalists = [candidate for candidate in candidates if counts[candidate[0]] == fewest]
    if len(finalists) == 1:
        return finalists[0]  # kana are slow to count (0.3 ms in 4,000 characters): only for a tie
    return max(finalists, key=lambda candidate: (ENCODING_FAMILY.get(candidate[1], candidate[1]) == declared,
                                                 len(KANA.findall(candidate[0]))))


# JIS X 0208 rows of everyday text: symbols, full-width digits and letters,
# kana, Greek, Cyrillic and box drawing (1-8), NEC's ① Ⅱ ㈱ (13), and the
# 2,965 kanji of level 1 (16-47), chosen as those in common use. Level 2
# (48-84) holds the rarer kanji a wrong reading is made of.
COMMON_JIS_ROWS = (*range(1, 9), 13, *range(16, 48))


@cache
def uncommon_character() -> re.Pattern:
    """Any character but ASCII text (not its control codes: ISO-2022-JP read
    as UTF-8 keeps its escapes) and those of the common JIS rows. Python's
    re, not regex: re tests a class of 4,000 characters as a bitmap, a
    hundred times faster. Built on first use (some 20 ms), as only a file
    that two encodings read needs it."""
    common = set("\t\n\f\r") | {chr(code) for code in range(0x20, 0x7F)}
    for row in COMMON_JIS_ROWS:
        common |= jis_row_characters(row)
    return re.compile("[^" + re.escape("".join(sorted(common))) + "]")


def jis_row_characters(row: int) -> set[str]:
    """A JIS X 0208 row as EUC-JP and as CP932 read it: both 〜 and ～, ‖ and ∥ …"""
    characters = set()
    for cell in range(0xA1, 0xFF):
        euc = bytes((row + 0xA0, cell))
        for encoded, encoding in ((euc, "euc_jp"), (shift_jis_of_euc(*euc), "cp932")):
            with contextlib.suppress(UnicodeDecodeError):
                characters.add(encoded.decode(encoding))
    return characters


def strictly(data: bytes, encoding: str) -> tuple[str, str] | None:
    """(text, encoding) if the bytes decode without an error, else None.
    EUC-JP that Python's euc_jp refuses is tried with Windows' rows (cp51932)."""
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError:
        if encoding != "euc_jp":
            return None
    try:
        return data.decode("euc_jp", errors=WINDOWS_ROWS), "cp51932"
    except UnicodeDecodeError:
        return None


def windows_row_of_euc(error: UnicodeDecodeError) -> tuple[str, int]:
    """EUC-JP written on Windows (cp51932, PHP's eucJP-win) has ① Ⅱ ㈱ in
    row 13 and 髙 﨑 in rows 89-92, which Python's euc_jp (plain JIS X 0208
    and 0212) refuses; browsers read them as CP932 reads the same row and
    cell (the WHATWG EUC-JP decoder). euc_jis_2004 is no substitute: it
    reads rows 89-92 as other kanji (髙's code as 郄). So a refused two-byte
    code is moved to its Shift_JIS bytes and read by cp932."""
    pair = error.object[error.start:error.start + 2]
    if len(pair) < 2 or not all(0xA1 <= byte <= 0xFE for byte in pair):
        raise error
    try:
        return shift_jis_of_euc(*pair).decode("cp932"), error.start + 2
    except UnicodeDecodeError:
        raise error from None


def shift_jis_of_euc(lead: int, trail: int) -> bytes:
    """The Shift_JIS bytes of the JIS X 0208 row and cell an EUC-JP pair encodes."""
    row, cell = lead - 0xA0, trail - 0xA0
    first = (row + 1) // 2 + (0x80 if row <= 62 else 0xC0)
    second = cell + (0x3F if cell < 64 else 0x40) if row % 2 else cell + 0x9E
    return bytes((first, second))


WINDOWS_ROWS = "kyoyaku-euc-windows-rows"
codecs.register_error(WINDOWS_ROWS, windows_row_of_euc)
ENCODING_FAMILY = {"cp51932": "euc_jp"}  # what a page declaring EUC-JP may turn out to be


def strict_utf8(data: bytes) -> str | None:
    try:
        return data.decode("utf_8")
    except UnicodeDecodeError:
        return None


def too_garbled(decoded: str) -> bool:
    return len(GARBAGE.findall(decoded)) > 0.01 * len(decoded)


def reads_as_japanese(text: str) -> bool:
    """Kana, or (a 別表 or a list of names can be kanji almost alone) nearly
    only characters of the common JIS rows: bytes read in the wrong
    encoding give mostly rare ideographs, as a random ideograph is one of
    the 2,965 common kanji only one time in seven."""
    if kana_share(text) > 0.1:
        return True
    letters = sum(1 for ch in text if not ch.isspace() and not ch.isascii())
    return letters >= 20 and len(uncommon_character().findall(text)) <= 0.05 * letters


def kana_share(text: str) -> float:
    letters = [ch for ch in text if not ch.isspace()]
    return len(KANA.findall(text)) / len(letters) if letters else 0.0


def read(path: Path, data: bytes) -> Source:
    utf16 = utf16_text(data)
    if utf16 is None and looks_binary(data):
        raise IngestError("binary file: not text, HTML or PDF")
    decoded, encoding = utf16 or decode(data)
    lines = tuple(paged_lines(split_lines(decoded)))
    return Source(doc_id=path.stem, path=str(path), format="text",
                  sha256=hashlib.sha256(data).hexdigest(), encoding=encoding, lines=lines)


def split_lines(text: str) -> list[str]:
    """The text split at CR LF, CR or LF (str.splitlines would also split at
    form feeds, which mark pages here, and at other separators)."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def paged_lines(texts: list[str]):
    """RawLines; where the text has form feeds (pdftotext puts one between
    pages) each line also carries its page, so page numbers can be told
    from the text."""
    if not any("\f" in text for text in texts):
        yield from (RawLine(text=text, line_no=i) for i, text in enumerate(texts, 1))
        return
    page = 1
    for i, text in enumerate(texts, 1):
        page += text.count("\f")
        yield RawLine(text=text.replace("\f", ""), line_no=i, page=page)
