"""Plain text in UTF-8 (with or without BOM), Shift_JIS/CP932, EUC-JP or ISO-2022-JP."""
from __future__ import annotations

import hashlib
from pathlib import Path

import charset_normalizer
import regex

from pipeline.ingest.errors import IngestError
from pipeline.model import RawLine, Source

# Encodings Japanese government text files come in, most common first.
JAPANESE_ENCODINGS = ("utf_8", "cp932", "euc_jp", "iso2022_jp")
KANA = regex.compile(r"[\p{Hiragana}\p{Katakana}]")
CONTROL = regex.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
GARBAGE = regex.compile(r"[\p{Co}\p{Cn}\x80-\x9f]")
LINE_BREAK = regex.compile(r"\r\n|\r|\n")


def sniff(path: Path, head: bytes) -> bool:
    return True  # the fallback reader; binary content is rejected in read()


def looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    return b"\x00" in sample or len(CONTROL.findall(sample.decode("latin-1"))) > len(sample) * 0.05


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding). A BOM wins; otherwise every Japanese encoding
    that decodes the bytes strictly is a candidate, and the one whose result
    has the most kana is taken (kana are what a wrong guess destroys)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    utf8 = strict_utf8(data)
    if utf8 is not None and KANA.search(utf8) and not too_garbled(utf8):
        # Kana in valid UTF-8 settle it: CP932 and EUC-JP kana bytes are never
        # valid UTF-8, and ISO-2022-JP is 7-bit. Saves three decodings per file.
        return utf8, "utf_8"
    candidates = []
    for encoding in JAPANESE_ENCODINGS:
        try:
            decoded = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        if too_garbled(decoded):
            continue  # cp932 decodes stray 0x80/0xFD-0xFF bytes as control/private-use code points
        candidates.append((len(KANA.findall(decoded)), -JAPANESE_ENCODINGS.index(encoding), decoded, encoding))
    if candidates:
        _, _, decoded, encoding = max(candidates)
        return decoded, encoding
    # Other encodings (UTF-16 without BOM …) only if the result reads as Japanese:
    # kana, because garbage decoded as UTF-16 is a soup of CJK ideographs.
    guess = charset_normalizer.from_bytes(data).best()
    if guess is not None and guess.encoding and kana_share(str(guess)) > 0.1:
        return str(guess), guess.encoding
    raise IngestError("undecodable bytes: not UTF-8, Shift_JIS/CP932, EUC-JP or ISO-2022-JP")


def strict_utf8(data: bytes) -> str | None:
    try:
        return data.decode("utf_8")
    except UnicodeDecodeError:
        return None


def too_garbled(decoded: str) -> bool:
    return len(GARBAGE.findall(decoded)) > 0.01 * len(decoded)


def kana_share(text: str) -> float:
    letters = [ch for ch in text if not ch.isspace()]
    return len(KANA.findall(text)) / len(letters) if letters else 0.0


def read(path: Path, data: bytes) -> Source:
    if looks_binary(data):
        raise IngestError("binary file: not text, HTML or PDF")
    decoded, encoding = decode(data)
    lines = tuple(paged_lines(LINE_BREAK.split(decoded)))
    return Source(doc_id=path.stem, path=str(path), format="text",
                  sha256=hashlib.sha256(data).hexdigest(), encoding=encoding, lines=lines)


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
