"""OCR repair: precision and recall on the noisy test corpus, and the cost
of repair on clean text. Writes out/bench_ocr_repair.json.

    .venv/bin/python bench/ocr_repair.py [VARIANTS]
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.ingest import ingest  # noqa: E402
from pipeline.normalize import normalize  # noqa: E402
from pipeline.repair import repair  # noqa: E402
from tests.ocr_noise import corpus, measure  # noqa: E402


def clean_cost_ms(paths: list[Path], rounds: int = 20) -> float:
    """Best-of-rounds milliseconds per document for repair on clean text."""
    docs = [normalize(ingest(path)) for path in paths]
    repair(docs[0])  # load the tagger and the tables once
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for lines in docs:
            repair(lines)
        best = min(best, (time.perf_counter() - start) / len(docs) * 1000)
    return best


def main() -> None:
    variants = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    seeds = sorted((ROOT / "raw").glob("*.txt"))
    docs = corpus({p.stem: p.read_text(encoding="utf-8") for p in seeds}, variants=variants)
    scores = measure(docs)
    report = {
        "documents": len(docs),
        "categories": {cat: {"precision": round(s.precision, 4), "recall": round(s.recall, 4),
                             "repairs": s.repairs, "right": s.repaired_right,
                             "injected": s.injected, "fixed": s.fixed} for cat, s in scores.items()},
        "clean_repair_ms_per_doc": round(clean_cost_ms(seeds), 3),
    }
    for cat, s in report["categories"].items():
        print(f"{cat:8} precision {s['precision']:.3f} ({s['right']}/{s['repairs']})  "
              f"recall {s['recall']:.3f} ({s['fixed']}/{s['injected']})")
    print(f"repair on clean text: {report['clean_repair_ms_per_doc']} ms/doc")
    out = ROOT / "out"
    out.mkdir(exist_ok=True)
    (out / "bench_ocr_repair.json").write_text(json.dumps(report, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
