"""fugashi/UniDic access shared by the stages: one tagger per process."""
from __future__ import annotations

from functools import lru_cache

import fugashi


@lru_cache(maxsize=1)
def tagger() -> fugashi.Tagger:
    return fugashi.Tagger()


def is_person_or_place(word) -> bool:
    return word.feature.pos2 == "固有名詞" and word.feature.pos3 in ("人名", "地名")
