"""Accuracy on scans: the seeds printed, rasterized to image-only PDFs at
300 dpi, read by Tesseract and run through the pipeline, with and without
OCR repair, scored by the shared scorer strict and --soft. Writes
out/bench_scanned.json.

    .venv/bin/python bench/scanned.py [--fresh]

Kept under out/bench/scanned/ so that a re-run after a change to repair or
extraction takes seconds, not the ~2 s per page of Tesseract:
  scans/      the image-only PDFs (made again when a seed or the renderer
              changes: stamps/ holds what they were made from)
  ocr/        Tesseract's output per page (KYOYAKU_OCR_CACHE, see ingest/ocr.py):
              a change to the image preprocessing or the settings misses it
  repaired/   `kyoyaku run scans --out repaired` (the real command, repair on)
  unrepaired/ the same files with repair switched off (`repair` replaced by
              the identity in this process: for measurement only; checked by
              the run logging no correction)
  scans-crooked/, scans-noisy/ and crooked-repaired/, noisy-repaired/:
              the same pages fed 0.8° crooked, and noisy (200 dpi JPEG with
              sensor noise, specks and blur, 0.4° crooked), repair on
  scans-searchable/, searchable-layer/, searchable-read-again/: the scans
              made searchable by `tesseract … pdf`, read from that layer
              alone (as without Tesseract) and as `kyoyaku run` reads them
              (the layer read again by our OCR)
--fresh empties ocr/ first. Without Tesseract the bench says so and stops;
without the scorer (../shared/eval/score.py beside the repository) it runs
the pipeline and says that scoring was skipped.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.ingest import ocr  # noqa: E402

WORK = ROOT / "out" / "bench" / "scanned"
SCORER = ROOT.parent / "shared" / "eval" / "score.py"
GOLD = ROOT.parent / "shared" / "gold"
DPI = 300
METRICS = ("documents", "articles_f1", "signatories", "appendix_row_f1", "appendix_cells", "corrections", "overall")


# Scans as they come from real scanners: fed crooked, and noisy (sensor
# noise, specks, blur, a coarse 200 dpi JPEG), see tests/pdf_render.py.
VARIANTS = {"crooked": {"dpi": DPI, "turn": 0.8}, "noisy": {"dpi": 200, "turn": 0.4, "noisy": True}}


def make_scans(seeds: list[Path], variant: str = "") -> list[Path]:
    """The seeds as image-only PDFs (scans/, or scans-VARIANT/), made again
    only when the seed or the renderer changed."""
    from tests.pdf_render import rasterize_pdf, render_seed_pdf

    options = VARIANTS.get(variant, {"dpi": DPI})
    renderer = (ROOT / "tests" / "pdf_render.py").read_bytes()
    folder = WORK / (f"scans-{variant}" if variant else "scans")
    printed, stamps = WORK / "printed", WORK / (f"stamps-{variant}" if variant else "stamps")
    for made in (folder, printed, stamps):
        made.mkdir(parents=True, exist_ok=True)
    scans = []
    for seed in seeds:
        stamp = hashlib.sha256(seed.read_bytes() + renderer + json.dumps(options).encode()).hexdigest()
        scan, stamp_file = folder / f"{seed.stem}.pdf", stamps / seed.stem
        if not (scan.exists() and stamp_file.exists() and stamp_file.read_text() == stamp):
            rasterize_pdf(render_seed_pdf(seed, printed), scan, **options)
            stamp_file.write_text(stamp)
        scans.append(scan)
    return scans


def make_searchable(scans: list[Path]) -> list[Path]:
    """The scans made searchable by Tesseract itself (`tesseract page.png
    out pdf`, its default page segmentation; what OCRmyPDF also writes):
    each page's image with Tesseract's GlyphLessFont layer over it. Made
    again only when its scan changed."""
    folder, stamps = WORK / "scans-searchable", WORK / "stamps-searchable"
    for made in (folder, stamps):
        made.mkdir(parents=True, exist_ok=True)
    searchable = []
    for scan in scans:
        target, stamp_file = folder / scan.name, stamps / scan.stem
        stamp = hashlib.sha256(scan.read_bytes()).hexdigest()
        if not (target.exists() and stamp_file.exists() and stamp_file.read_text() == stamp):
            tesseract_pdf(scan, target)
            stamp_file.write_text(stamp)
        searchable.append(target)
    return searchable


def tesseract_pdf(scan: Path, target: Path) -> None:
    import pypdfium2 as pdfium

    with tempfile.TemporaryDirectory(prefix="kyoyaku-searchable-") as work:
        source, joined = pdfium.PdfDocument(str(scan)), pdfium.PdfDocument.new()
        try:
            for n, page in enumerate(source):
                image = Path(work, f"{n}.png")
                page.render(scale=DPI / 72, grayscale=True).to_pil().save(image, dpi=(DPI, DPI))
                subprocess.run(["tesseract", str(image), str(image.with_suffix("")), "-l", "jpn", "pdf"],
                               check=True, capture_output=True)
                made = pdfium.PdfDocument(str(image.with_suffix(".pdf")))
                joined.import_pages(made)
                made.close()
            joined.save(str(target))
        finally:
            source.close()
            joined.close()


def run_layer_only(scans: list[Path], out: Path) -> float:
    """The searchable scans read from their Tesseract layer alone, as where
    OCR cannot run (tesseract_problem answered for this process only)."""
    from pipeline.distributed import write_results
    from pipeline.results import file_rows

    shutil.rmtree(out, ignore_errors=True)
    original = ocr.tesseract_problem
    ocr.tesseract_problem = lambda: "switched off for the measurement"
    started = time.perf_counter()
    try:
        results = [file_rows(path) for path in scans]
    finally:
        ocr.tesseract_problem = original
    write_results(scans, results, out)
    return time.perf_counter() - started


def run_repaired(scans: list[Path], out: Path) -> float:
    """The real command on the scans, into a fresh folder."""
    shutil.rmtree(out, ignore_errors=True)
    env = dict(os.environ, KYOYAKU_OCR_CACHE=str(WORK / "ocr"))
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "pipeline", "run", str(scans[0].parent), "--out", str(out), "--quiet",
                    "--workbook", "never"], cwd=ROOT, env=env, check=False)
    return time.perf_counter() - started


def run_unrepaired(scans: list[Path], out: Path) -> float:
    """The same files with repair replaced by the identity, in this process
    (no worker inherits the switch, no result cache is involved)."""
    import pipeline.repair
    from pipeline.distributed import write_results
    from pipeline.repair import Repaired
    from pipeline.results import file_rows

    shutil.rmtree(out, ignore_errors=True)
    os.environ["KYOYAKU_OCR_CACHE"] = str(WORK / "ocr")
    original = pipeline.repair.repair
    pipeline.repair.repair = lambda lines: Repaired(lines=list(lines))
    started = time.perf_counter()
    try:
        results = [file_rows(path) for path in scans]
    finally:
        pipeline.repair.repair = original
    write_results(scans, results, out)
    if any(result.rows.get("corrections") for result in results):
        raise SystemExit("repair was not switched off: the unrepaired run logged corrections")
    return time.perf_counter() - started


def score(out: Path, soft: bool) -> dict:
    command = [sys.executable, str(SCORER), "--out", str(out), "--gold", str(GOLD), "--json"]
    result = subprocess.run(command + (["--soft"] if soft else []), capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def doc_fields(result: dict) -> str:
    per_doc = result["per_doc"].values()
    return f"{sum(d.get('doc_ok', 0) for d in per_doc)}/{sum(d.get('doc_n', 0) for d in per_doc)}"


def main() -> None:
    if ocr.tesseract_problem():
        print(f"bench/scanned.py skipped: {ocr.tesseract_problem()} ({ocr.INSTALL_HINT})")
        return
    if "--fresh" in sys.argv:
        shutil.rmtree(WORK / "ocr", ignore_errors=True)
    seeds = sorted((ROOT / "raw").glob("*.txt"))
    started = time.perf_counter()
    scans = make_scans(seeds)
    timings = {"scans_s": round(time.perf_counter() - started, 1)}
    runs = {"unrepaired": WORK / "unrepaired", "repaired": WORK / "repaired"}
    timings["unrepaired_s"] = round(run_unrepaired(scans, runs["unrepaired"]), 1)
    timings["repaired_s"] = round(run_repaired(scans, runs["repaired"]), 1)
    for variant in VARIANTS:
        runs[f"{variant}_repaired"] = WORK / f"{variant}-repaired"
        timings[f"{variant}_s"] = round(run_repaired(make_scans(seeds, variant), runs[f"{variant}_repaired"]), 1)
    searchable = make_searchable(scans)
    runs["searchable_layer"] = WORK / "searchable-layer"
    timings["searchable_layer_s"] = round(run_layer_only(searchable, runs["searchable_layer"]), 1)
    runs["searchable_read_again"] = WORK / "searchable-read-again"
    timings["searchable_read_again_s"] = round(run_repaired(searchable, runs["searchable_read_again"]), 1)
    report: dict = {"documents": len(scans), "dpi": DPI, "seconds": timings,
                    "tesseract": {"psm": ocr.PAGE_SEGMENTATION, "command": ocr.tesseract_command("IMAGE")}}
    if not (SCORER.exists() and GOLD.is_dir()):
        print(f"scoring skipped: no scorer at {SCORER} (the tables are in {WORK})")
    else:
        scores = {}
        for name, out in runs.items():
            for mode in ("strict", "soft"):
                result = score(out, soft=mode == "soft")
                scores[f"{name}_{mode}"] = {**{k: round(v, 4) for k, v in result["summary"].items()},
                                            "document_fields": doc_fields(result),
                                            "per_doc": result["per_doc"]}
        report["scores"] = scores
        print(f"{'scanned seeds':22}" + "".join(f"{m[:12]:>13}" for m in METRICS) + f"{'doc fields':>12}")
        for key, s in scores.items():
            print(f"{key:22}" + "".join(f"{s.get(m, float('nan')):>13.3f}" for m in METRICS)
                  + f"{s['document_fields']:>12}")
    print("seconds: " + ", ".join(f"{k} {v}" for k, v in timings.items()))
    out = ROOT / "out"
    out.mkdir(exist_ok=True)
    (out / "bench_scanned.json").write_text(json.dumps(report, indent=1, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
