"""Drafting idioms: a misread that is itself a word, where the way
agreements are drafted says which word is meant.

別表に揚げる reads well to UniDic (揚げる, to hoist), yet a list is never
hoisted: after a reference to a table, a list or an item (別表, 次, 前各号,
前項, 第3条), に掲げる is the drafting idiom and 揚 is 掲 misread (the two
differ in one stroke group). 揚げる elsewhere (旗を揚げる) is left as written.
Only OCR'd lines are read: in a text file a typist's 揚げる is what the
author wrote.
"""
from __future__ import annotations

import regex

from pipeline.model import Line
from pipeline.repair.edits import Edit, Joined

# What a provision cites: a table or annex (別表第1), the next or former
# items (次, 前各号), a numbered article, paragraph or item (第3条, 前項).
REFERENCE = r"(?:別表[\p{N}第一二三四五六七八九十の]*|別記|次|各号|[条項号表記])"
HOISTED = regex.compile(REFERENCE + r"(?:の各号)?に(揚)げ")
QUICK = "揚げ"  # every match holds it


def drafting_edits(lines: list[Line]) -> list[Edit]:
    joined = Joined.of(lines)
    if QUICK not in joined.text:
        return []
    edits = []
    for match in HOISTED.finditer(joined.text):
        index, pos = joined.locate(match.start(1))
        line = lines[index]
        if line.ocr:
            start = joined.locate(match.start())[1]
            word = line.text[start:pos + 3]
            fixed = word[:pos - start] + "掲" + word[pos - start + 1:]
            evidence = "drafting idiom: after a reference, に掲げる (揚 is 掲 misread)"
            edits.append(Edit(index, pos, pos + 1, "掲", word, fixed, "text:drafting-idiom", evidence, 0.8))
    return edits
