"""PDF reading speed: pages per second for text-layer and scanned PDFs, and
how much of the time is the PDF library's (pdfplumber, pypdfium2 rendering,
Tesseract) versus our own code. Writes out/bench_pdf.json.

    .venv/bin/python bench/pdf.py [SCANNED_DOCS]   (default 2 scanned seeds)

The PDFs are the seeds printed at run time (tests/pdf_render.py). Library
time is measured by doing exactly the library calls the reader makes
(dedupe_chars, chars, edges, find_tables) on their own; our share is the
reader's total minus that; a second estimate sums the self time of our
functions under cProfile. For scans, the rendering and the tesseract runs
are timed inside the reader, one page at a time (WORKERS = 1), then pages/s
is measured again with a process per core.
"""
from __future__ import annotations

import cProfile
import io
import json
import pstats
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pdfplumber  # noqa: E402
import pypdfium2 as pdfium  # noqa: E402
import pypdfium2.raw as pdfium_raw  # noqa: E402

from pipeline.ingest import ingest, ocr  # noqa: E402
from pipeline.ingest import pdf as pdf_reader  # noqa: E402
from pipeline.ingest.layout import Glyph, TextLine, glyphs_to_lines  # noqa: E402
from pipeline.ingest.pdf_tables import table_settings  # noqa: E402
from tests.pdf_render import rasterize_pdf, render_seed_pdf  # noqa: E402

ROUNDS = 5


def best_of(function, rounds: int = ROUNDS) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - start)
    return best


def pdfplumber_calls(data: bytes) -> None:
    """The library work of the text-layer reader, and nothing else."""
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            page = page.dedupe_chars(tolerance=1)
            page.chars  # noqa: B018 (parses the page)
            page.find_tables(table_settings(page, None))


def pdfium_text(data: bytes, boxes: bool) -> None:
    """pypdfium2's text layer: plain text, or every character with its box
    (what a pdfium-based line builder would need)."""
    document = pdfium.PdfDocument(data)
    for page in document:
        text = page.get_textpage()
        if boxes:
            for i in range(text.count_chars()):
                text.get_charbox(i)
        else:
            text.get_text_range()
    document.close()


def own_share_by_profile(pdfs: list[Path]) -> float:
    """Second estimate: self time of the functions in pipeline/ (cProfile),
    over the time of everything else."""
    profile = cProfile.Profile()
    profile.runcall(lambda: [ingest(p) for p in pdfs])
    stats = pstats.Stats(profile).stats
    own = sum(tottime for (filename, _, _), (_, _, tottime, _, _) in stats.items()
              if f"{ROOT}/pipeline/" in filename)
    total = sum(tottime for (_, _, tottime, _, _) in stats.values())
    return own / (total - own)


def text_layer(pdfs: list[Path]) -> dict:
    data = [p.read_bytes() for p in pdfs]
    pages = sum(len(pdfium.PdfDocument(d)) for d in data)
    reader = best_of(lambda: [ingest(p) for p in pdfs])
    library = best_of(lambda: [pdfplumber_calls(d) for d in data])
    return {
        "documents": len(pdfs), "pages": pages,
        "pages_per_second": round(pages / reader, 1),
        "ms_per_page": round(reader / pages * 1000, 1),
        "pdfplumber_ms_per_page": round(library / pages * 1000, 1),
        "own_code_ms_per_page": round((reader - library) / pages * 1000, 1),
        "own_code_share_of_library": round((reader - library) / library, 3),
        "own_code_share_of_library_by_profile": round(own_share_by_profile(pdfs), 3),
        "pypdfium2_text_ms_per_page": round(best_of(lambda: [pdfium_text(d, False) for d in data]) / pages * 1000, 1),
        "pypdfium2_char_boxes_ms_per_page": round(best_of(lambda: [pdfium_text(d, True) for d in data]) / pages * 1000, 1),
    }


# -- the pypdfium2 experiment: its character boxes where a page has no rules ----

PATH_OBJECT = 2  # FPDF_PAGEOBJ_PATH: a page with paths may hold a ruled table


def pdfium_glyphs(page) -> list[Glyph]:
    """Characters with their advance boxes ("loose"), top-left origin;
    the spaces and line breaks pdfium generates itself are left out."""
    text_page = page.get_textpage()
    count = text_page.count_chars()
    text = text_page.get_text_range(0, count)
    height = page.get_height()
    glyphs = []
    for i, char in enumerate(text[:count]):
        if pdfium_raw.FPDFText_IsGenerated(text_page.raw, i) or char in "\r\n":
            continue
        left, bottom, right, top = text_page.get_charbox(i, loose=True)
        glyphs.append(Glyph(char, left, right, height - top, height - bottom))
    return glyphs


def hybrid_lines(data: bytes) -> tuple[list[list[str]], list[bool]]:
    """Per page: lines from pypdfium2 when the page has no paths, else from
    pdfplumber (as the reader does); and whether pdfium read the page."""
    document = pdfium.PdfDocument(data)
    pages, by_pdfium = [], []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for index, page in enumerate(document):
            if any(obj.type == PATH_OBJECT for obj in page.get_objects()):
                read = pdf_reader.read_text_layer(pdf.pages[index])
                pages.append([b.text for b in read.blocks if isinstance(b, TextLine)])
                by_pdfium.append(False)
            else:
                pages.append([line.text for line in glyphs_to_lines(pdfium_glyphs(page))])
                by_pdfium.append(True)
    document.close()
    return pages, by_pdfium


def plumber_lines(data: bytes) -> list[list[str]]:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return [[b.text for b in pdf_reader.read_text_layer(page).blocks if isinstance(b, TextLine)]
                for page in pdf.pages]


def hybrid(pdfs: list[Path]) -> dict:
    """pypdfium2 for pages without rules, pdfplumber where tables may be:
    how fast, and do the pdfium pages read exactly as pdfplumber reads them?"""
    data = [p.read_bytes() for p in pdfs]
    pages = sum(len(pdfium.PdfDocument(d)) for d in data)
    seconds = best_of(lambda: [hybrid_lines(d) for d in data])
    same = differ = 0
    for d in data:
        lines, by_pdfium = hybrid_lines(d)
        for mine, theirs, read_by_pdfium in zip(lines, plumber_lines(d), by_pdfium):
            if read_by_pdfium:
                same, differ = same + (mine == theirs), differ + (mine != theirs)
    return {"pages_per_second": round(pages / seconds, 1), "pages_read_by_pypdfium2": same + differ,
            "of_pages": pages, "pypdfium2_pages_reading_as_pdfplumber": same}


class Timed:
    """Wraps a function and adds up the wall time spent in it."""

    def __init__(self, function):
        self.function, self.seconds = function, 0.0

    def __call__(self, *args, **kwargs):
        start = time.perf_counter()
        try:
            return self.function(*args, **kwargs)
        finally:
            self.seconds += time.perf_counter() - start


def scanned(scans: list[Path]) -> dict:
    pages = sum(len(pdfium.PdfDocument(str(p))) for p in scans)
    tesseract = Timed(ocr.tesseract_words)
    render = Timed(ocr.render_pages)
    ocr.tesseract_words, ocr.render_pages = tesseract, render
    workers, ocr.WORKERS = ocr.WORKERS, 1
    try:
        start = time.perf_counter()
        for path in scans:
            ingest(path)
        sequential = time.perf_counter() - start
    finally:
        ocr.tesseract_words, ocr.render_pages = tesseract.function, render.function
        ocr.WORKERS = workers
    start = time.perf_counter()
    for path in scans:
        ingest(path)
    parallel = time.perf_counter() - start
    library = tesseract.seconds + render.seconds
    return {
        "documents": len(scans), "pages": pages, "workers": ocr.WORKERS,
        "pages_per_second": round(pages / parallel, 2),
        "pages_per_second_one_worker": round(pages / sequential, 2),
        "tesseract_ms_per_page": round(tesseract.seconds / pages * 1000),
        "render_ms_per_page": round(render.seconds / pages * 1000),
        "own_code_ms_per_page": round((sequential - library) / pages * 1000),
        "own_code_share_of_library": round((sequential - library) / library, 3),
    }


def main() -> None:
    scanned_docs = int(sys.argv[1]) if len(sys.argv) > 1 else 2
    seeds = sorted((ROOT / "raw").glob("*.txt"))
    with tempfile.TemporaryDirectory() as folder:
        printed = [render_seed_pdf(seed, Path(folder)) for seed in seeds]
        scans = [rasterize_pdf(p, Path(folder) / f"scan_{p.name}", dpi=300) for p in printed[:scanned_docs]]
        report = {"text_layer": text_layer(printed), "pypdfium2_where_no_rules": hybrid(printed),
                  "scanned": scanned(scans),
                  "tesseract_available": not ocr.tesseract_problem()}
    out = ROOT / "out" / "bench_pdf.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(report, indent=1), encoding="utf-8")
    text, scan = report["text_layer"], report["scanned"]
    print(f"{'PDF':12} {'pages':>6} {'pages/s':>8} {'library ms/p':>13} {'own ms/p':>9} {'own/library':>12}")
    print(f"{'text layer':12} {text['pages']:>6} {text['pages_per_second']:>8} {text['pdfplumber_ms_per_page']:>13} "
          f"{text['own_code_ms_per_page']:>9} {text['own_code_share_of_library']:>12.1%}")
    print(f"{'scanned':12} {scan['pages']:>6} {scan['pages_per_second']:>8} "
          f"{scan['tesseract_ms_per_page'] + scan['render_ms_per_page']:>13} {scan['own_code_ms_per_page']:>9} "
          f"{scan['own_code_share_of_library']:>12.1%}")
    print(f"own code on text-layer pages by profile (self time in pipeline/): "
          f"{text['own_code_share_of_library_by_profile']:.1%} of the library's")
    print(f"pypdfium2 for comparison: {text['pypdfium2_text_ms_per_page']} ms/page plain text, "
          f"{text['pypdfium2_char_boxes_ms_per_page']} ms/page with character boxes")
    mixed = report["pypdfium2_where_no_rules"]
    print(f"pypdfium2 on pages without rules, pdfplumber elsewhere: {mixed['pages_per_second']} pages/s; "
          f"{mixed['pages_read_by_pypdfium2']} of {mixed['of_pages']} pages read by pypdfium2, "
          f"{mixed['pypdfium2_pages_reading_as_pdfplumber']} of them line for line as by pdfplumber "
          f"-> {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
