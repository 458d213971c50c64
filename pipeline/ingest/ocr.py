"""OCR of scanned PDF pages with Tesseract's Japanese model.

A page is rendered at 300 dpi in gray (pypdfium2), the ruling lines of its
tables are found in the image and painted white (Tesseract reads a cell
border as | or 1 and loses the text beside it), and the page is read once by
the `tesseract` command into word boxes with confidences. The words become
`Glyph`s in PDF points, so the same line and table code reads them as it
reads a text layer: cell by cell from the rules found in the image, not from
plain text lines (whose reading order interleaves the columns).

Pages are read in parallel, one Tesseract process per core with its own
threads turned off (OMP_THREAD_LIMIT=1), which is faster than one process
using every core.

For measurements that run the same scans again and again (bench/scanned.py),
KYOYAKU_OCR_CACHE=DIR keeps Tesseract's output per page in DIR, keyed by the
image Tesseract is given and its command line: a re-run after a change that
is not in OCR reads no page again, a change to the image or the settings does.
"""
from __future__ import annotations

import csv
import hashlib
import io
import os
import shutil
import subprocess
import tempfile
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import regex

from pipeline.ingest.errors import IngestError
from pipeline.ingest.layout import Glyph
from pipeline.ingest.pdf_tables import rule

DPI = 300
LANGUAGE = "jpn"
# Tesseract's page segmentation mode 4, "a single column of text of variable
# sizes": measured on the scanned samples it loses fewer lines than the
# automatic layout (3), which drops short caption lines, and than 6 or 11.
PAGE_SEGMENTATION = "4"
INSTALL_HINT = ("install Tesseract and its Japanese model: `make ocr-deps` "
                "(Debian/Ubuntu packages tesseract-ocr and tesseract-ocr-jpn)")
INK = 160  # gray level below which a pixel is ink
MIN_ROW_RULE_PT = 40.0  # longer than any character stroke
MIN_COLUMN_RULE_PT = 15.0  # shorter than a one-line table row, longer than 「 or |
RULE_MARGIN_PX = 2  # painted white around a found rule (anti-aliasing)
SOLID_CORE_PT = 3.0  # a solid square this wide fits inside a ● or ■, not in any stroke of text
MARK_PT = (4.0, 24.0)  # size of a ● or ■ standing for a character
DISC_FILL = (0.68, 0.88)  # share of its box a disc fills (pi/4 = 0.785)
SQUARE_FILL = 0.93
# Tesseract's Japanese model now and then "reads" paragraph markup that is not
# on the page: <p> and </p> over the first and last words of table cells,
# sometimes broken over two lines (</ then D>). Its boxes overlap the real
# words, so it is taken out of the words, not left to the text stages.
MARKUP = regex.compile(r"</?[pP]>")
MARKUP_WORD = regex.compile(r"</?[pP]?|[pPD]?>")
# ... or as a line of its own, with a stray mark read inside it: D テ >.
MARKUP_TAIL_LINE = regex.compile(r"/?[pPD]\P{Han}?>")
# A scan is rarely square to the page: at 0.6° a 別表's rules no longer run
# along a pixel row and no cell is found. The skew is measured on the ink at
# a quarter of the resolution (text lines give the sharpest row profile when
# straight) and the page is turned back before anything else is read.
MAX_SKEW = 3.0  # degrees searched either way
SKEW_STEP, SKEW_FINE_STEP = 0.1, 0.01
MIN_SKEW = 0.05  # below this a page is not turned (every turn blurs a little)
SKEW_SAMPLE = 4  # every 4th pixel: 75 dpi is enough to see text lines
# Noisy scans (measured on the samples printed, blurred, specked and saved as
# 200 dpi JPEG): clean pages read at 86-93 mean confidence and never gain 2
# points from a median filter; noisy ones read at 76-91 and mostly gain 2-10.
RETRY_BELOW = 88.0
RETRY_GAIN = 2.0
# A speck of a noisy scan comes back from Tesseract as a "word" (. - ! ' “ 、,
# even て or 安全) with a box of 2-3 pixels at 300 dpi and a confidence of
# 0-72; inside an empty cell, or after the 。 that ends a cell, it makes the
# table's rows look unfinished and be merged. A real character never has so
# small a box but when Tesseract collapses it (化, ・ on clean scans: 5 pixels,
# confidence over 90), and then it stays.
SPECK_EM = 0.15  # a box whose longer side is below this share of the page's median word height
SPECK_CONFIDENCE = 80.0  # ... read with less confidence than this is a speck
WORKERS = os.cpu_count() or 1  # Tesseract processes at a time
CACHE_ENV = "KYOYAKU_OCR_CACHE"  # folder for Tesseract's output per page (measurements)


@dataclass(frozen=True)
class OcrPage:
    words: tuple[Glyph, ...]  # in PDF points, top-left origin
    rules: tuple[dict, ...]  # ruling lines found in the image, in PDF points
    confidence: float | None  # Tesseract's mean word confidence, 0-100
    skew: float = 0.0  # degrees the scan was turned counter-clockwise (and is turned back)
    despeckled: bool = False  # read through a median filter (see best_reading)


def check_tesseract() -> None:
    """Raise IngestError saying what to install when OCR cannot run."""
    missing = tesseract_problem()
    if missing:
        raise IngestError(f"{missing}: {INSTALL_HINT}")


@lru_cache(maxsize=1)
def tesseract_problem() -> str:
    if shutil.which("tesseract") is None:
        return "scanned pages need OCR but the tesseract command is not installed"
    listed = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True).stdout.split()
    if LANGUAGE not in listed:
        return "scanned pages need OCR but Tesseract's Japanese model (jpn) is not installed"
    return ""


def render_pages(data: bytes, indexes: list[int]) -> list:
    """Pages (0-based indexes) of the PDF as gray PIL images at DPI."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data)
    try:
        return [document[i].render(scale=DPI / 72, grayscale=True).to_pil() for i in indexes]
    finally:
        document.close()


def ocr_pages(images: list, scale: float) -> list[OcrPage]:
    """Gray page images (PIL) -> words and rules per page, pages in parallel
    (check_tesseract() first)."""
    workers = max(1, min(len(images), WORKERS))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(lambda image: ocr_image(image, scale), images))


def ocr_image(image, scale: float) -> OcrPage:
    image, skew = straightened(image.convert("L"))
    pixels = np.asarray(image)
    ink = pixels < INK
    row_rules, column_rules = rule_boxes(ink, scale)
    marks = solid_marks(ink, scale)
    cleaned = paint_out(pixels, row_rules + column_rules + [box for box, _ in marks])
    words, confidence, despeckled = best_reading(cleaned, scale)
    words += marks_to_words(marks, scale)
    return OcrPage(tuple(words), tuple(rules_in_points(row_rules, column_rules, scale)), confidence, skew, despeckled)


def rule_boxes(ink: np.ndarray, scale: float) -> tuple[list, list]:
    """Pixel boxes of the row rules and the column rules in the image."""
    row_rules = find_rules(ink, round(MIN_ROW_RULE_PT * scale))
    column_rules = [(y0, x0, y1, x1) for x0, y0, x1, y1 in find_rules(ink.T, round(MIN_COLUMN_RULE_PT * scale))]
    return row_rules, column_rules


def rules_in_points(row_rules: list, column_rules: list, scale: float) -> list[dict]:
    rules = [rule(x0 / scale, (y0 + y1) / 2 / scale, x1 / scale, (y0 + y1) / 2 / scale) for x0, y0, x1, y1 in row_rules]
    return rules + [rule((x0 + x1) / 2 / scale, y0 / scale, (x0 + x1) / 2 / scale, y1 / scale)
                    for x0, y0, x1, y1 in column_rules]


def image_rules(data: bytes, indexes: list[int]) -> list[list[dict]]:
    """The ruling lines printed in the images of pages (0-based indexes),
    in PDF points: a scan someone made searchable has its table's rules in
    its image only. Not straightened: its text layer lies on the image as
    it is."""
    scale = DPI / 72
    return [rules_in_points(*rule_boxes(np.asarray(image.convert("L")) < INK, scale), scale)
            for image in render_pages(data, indexes)]


def best_reading(pixels: np.ndarray, scale: float) -> tuple[list[Glyph], float | None, bool]:
    """Tesseract's words and mean confidence, and whether the page was read
    despeckled: a page read with low confidence (a noisy or JPEG-blotched
    scan, whose specks come out as . - : )) is read again through a 3x3
    median filter, and that reading is kept when Tesseract is clearly more
    confident in it. Not on every page: the filter thins the hairlines of
    Mincho type, which costs a clean scan more than it gains."""
    words, confidence = tesseract_words(pixels, scale)
    if confidence is None or confidence >= RETRY_BELOW:
        return words, confidence, False
    from PIL import Image, ImageFilter

    filtered = np.asarray(Image.fromarray(pixels).filter(ImageFilter.MedianFilter(3)))
    retry_words, retry_confidence = tesseract_words(filtered, scale)
    if retry_confidence is not None and retry_confidence >= confidence + RETRY_GAIN:
        return retry_words, retry_confidence, True
    return words, confidence, False


def straightened(image):
    """The gray page turned back so that its lines run straight, and its skew."""
    from PIL import Image

    angle = skew_angle(np.asarray(image) < INK)
    if abs(angle) < MIN_SKEW:
        return image, 0.0
    return image.rotate(-angle, resample=Image.BICUBIC, fillcolor=255), angle


def skew_angle(ink: np.ndarray) -> float:
    """How far the page is turned (degrees, counter-clockwise, as PIL's
    rotate counts): the shear that makes the ink's row profile sharpest,
    searched coarse on a sample of the pixels, then fine on all of them."""
    ys, xs = np.nonzero(ink[::SKEW_SAMPLE, ::SKEW_SAMPLE])
    if len(ys) < 500:  # an empty page or a few marks: nothing to measure
        return 0.0
    coarse = np.arange(-MAX_SKEW, MAX_SKEW + SKEW_STEP / 2, SKEW_STEP)
    best = max(coarse, key=lambda a: row_sharpness(ys, xs, a))
    ys, xs = np.nonzero(ink)
    fine = np.arange(best - SKEW_STEP, best + SKEW_STEP + SKEW_FINE_STEP / 2, SKEW_FINE_STEP)
    best = max(fine, key=lambda a: (row_sharpness(ys, xs, a), -abs(a)))
    return round(float(best), 2)


def row_sharpness(ys: np.ndarray, xs: np.ndarray, angle: float) -> int:
    """Sum of squared ink counts per row once the page is sheared by angle:
    largest when text lines and rules fall on as few rows as possible."""
    rows = ys + np.rint(xs * np.tan(np.radians(angle))).astype(np.int64)
    counts = np.bincount(rows - rows.min())
    return int(np.dot(counts, counts))


def find_rules(ink: np.ndarray, min_length: int) -> list[tuple[int, int, int, int]]:
    """Horizontal runs of ink at least min_length long, as (x0, y0, x1, y1)
    boxes; runs on neighbouring pixel rows that overlap are one rule."""
    if ink.shape[1] < min_length:
        return []
    sums = np.cumsum(np.pad(ink, ((0, 0), (1, 0))), axis=1, dtype=np.int32)
    full = (sums[:, min_length:] - sums[:, :-min_length]) == min_length  # window [x, x+min_length) all ink
    runs: list[tuple[int, int, int, int]] = []
    for y in np.flatnonzero(full.any(axis=1)):
        starts, ends = run_bounds(full[y])
        for start, end in zip(starts, ends):
            runs.append((int(start), int(y), int(end) + min_length, int(y) + 1))
    return merge_runs(runs)


def run_bounds(flags: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Start and end (exclusive) of each run of True."""
    edges = np.diff(np.concatenate(([0], flags.view(np.int8), [0])))
    return np.flatnonzero(edges == 1), np.flatnonzero(edges == -1) - 1


def merge_runs(runs: list[tuple[int, int, int, int]]) -> list[tuple[int, int, int, int]]:
    """Runs on neighbouring pixel rows that overlap are one rule; a run that
    touches two rules joins them (a rule not quite straight: two pieces on
    its first row, one whole run on the next)."""
    merged: list[list[int]] = []
    for x0, y0, x1, y1 in runs:  # sorted by y
        touching = [box for box in merged if box[3] >= y0 and x0 < box[2] and box[0] < x1]
        if not touching:
            merged.append([x0, y0, x1, y1])
            continue
        first = touching[0]
        for box in touching[1:]:
            first[1] = min(first[1], box[1])
            first[0], first[2] = min(first[0], box[0]), max(first[2], box[2])
            merged.remove(box)
        first[0], first[2], first[3] = min(first[0], x0), max(first[2], x1), y1
    return [tuple(b) for b in merged]


def solid_marks(ink: np.ndarray, scale: float) -> list[tuple[tuple[int, int, int, int], str]]:
    """Solid discs and squares of a character's size: ● and ■, the marks a
    published template or a redacted copy puts where a name or an address
    was (●●●市町●●●丁目). Tesseract's Japanese model has no ● at all and
    reads them as @, 欠, 久; they are found in the image instead (every
    k x k window inside them is ink, which no stroke of text is), painted out
    before OCR and given back as words. Box in pixels, and the mark."""
    k = round(SOLID_CORE_PT * scale)
    if min(ink.shape) <= k:
        return []
    sums = np.pad(ink, ((1, 0), (1, 0))).cumsum(axis=0, dtype=np.int32).cumsum(axis=1)
    windows = sums[k:, k:] - sums[:-k, k:] - sums[k:, :-k] + sums[:-k, :-k]  # ink in [y, y+k) x [x, x+k)
    core = windows == k * k
    if not core.any():
        return []
    marks = []
    for x0, y0, x1, y1 in find_rules(core, 1):
        x1, y1 = x1 - 1 + k, y1 - 1 + k  # the union of the windows
        width, height = x1 - x0, y1 - y0
        if not (MARK_PT[0] * scale <= min(width, height) and max(width, height) <= MARK_PT[1] * scale
                and 0.8 <= width / height <= 1.25):
            continue
        fill = ink[y0:y1, x0:x1].mean()
        mark = "●" if DISC_FILL[0] <= fill <= DISC_FILL[1] else "■" if fill >= SQUARE_FILL else ""
        if mark:
            marks.append(((x0, y0, x1, y1), mark))
    return marks


def marks_to_words(marks: list[tuple[tuple[int, int, int, int], str]], scale: float) -> list[Glyph]:
    """Marks side by side on a line are one word (●●●), its box widened by
    the space between two marks, as a character box is, so that no space is
    read between the marks and the text beside them."""
    words: list[list] = []
    for (x0, y0, x1, y1), mark in sorted(marks, key=lambda m: (m[0][1], m[0][0])):
        size = y1 - y0
        last = words[-1] if words else None
        if last and last[4] == mark and abs(last[1] - y0) < 0.3 * size and 0 <= x0 - last[2] < 0.6 * size:
            last[2], last[5] = x1, last[5] + 1
        else:
            words.append([x0, y0, x1, y1, mark, 1])
    glyphs = []
    for x0, y0, x1, y1, mark, count in words:
        pad = 0.1 * (y1 - y0)
        glyphs.append(Glyph(mark * count, (x0 - pad) / scale, (x1 + pad) / scale, y0 / scale, y1 / scale))
    return glyphs


def paint_out(pixels: np.ndarray, boxes: list[tuple[int, int, int, int]]) -> np.ndarray:
    cleaned = pixels.copy()
    m = RULE_MARGIN_PX
    for x0, y0, x1, y1 in boxes:
        cleaned[max(0, y0 - m):y1 + m, max(0, x0 - m):x1 + m] = 255
    return cleaned


def tesseract_words(pixels: np.ndarray, scale: float) -> tuple[list[Glyph], float | None]:
    """Run the tesseract command on the image; words with their boxes."""
    return tsv_to_words(tesseract_tsv(pixels), scale)


def tesseract_command(image_path: str) -> list[str]:
    return ["tesseract", image_path, "stdout", "-l", LANGUAGE, "--dpi", str(DPI), "--psm", PAGE_SEGMENTATION, "tsv"]


def tesseract_tsv(pixels: np.ndarray) -> str:
    cached = cache_path(pixels)
    if cached is not None and cached.exists():
        return cached.read_text(encoding="utf-8")
    from PIL import Image

    with tempfile.TemporaryDirectory(prefix="kyoyaku-ocr-") as folder:
        image_path = Path(folder) / "page.pgm"  # PGM: no compression to wait for
        Image.fromarray(pixels).save(image_path)
        env = dict(os.environ, OMP_THREAD_LIMIT="1")
        result = subprocess.run(tesseract_command(str(image_path)), capture_output=True, text=True, env=env)
    if result.returncode != 0:
        raise IngestError(f"tesseract failed: {result.stderr.strip()[:200]}")
    if cached is not None:
        cached.parent.mkdir(parents=True, exist_ok=True)
        partial = cached.with_suffix(f".{os.getpid()}.tmp")
        partial.write_text(result.stdout, encoding="utf-8")
        partial.replace(cached)
    return result.stdout


def cache_path(pixels: np.ndarray) -> Path | None:
    """Where KYOYAKU_OCR_CACHE keeps this image's output (None: not set)."""
    folder = os.environ.get(CACHE_ENV)
    if not folder:
        return None
    key = hashlib.sha256(" ".join(tesseract_command("")).encode() + str(pixels.shape).encode())
    key.update(np.ascontiguousarray(pixels).tobytes())
    return Path(folder) / f"{key.hexdigest()}.tsv"


def without_markup(text: str) -> str:
    """A word without the paragraph tags Tesseract hallucinates ("" if it
    was nothing else)."""
    if "<" not in text and ">" not in text:
        return text
    text = MARKUP.sub("", text)
    return "" if MARKUP_WORD.fullmatch(text) else text


def tsv_to_words(tsv: str, scale: float) -> tuple[list[Glyph], float | None]:
    """Tesseract's words in PDF points, without markup and specks, and
    its mean confidence over its words, specks too (a specked page is one
    to read again through the median filter)."""
    rows = [row for row in csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE)
            if row["level"] == "5" and (row.get("text") or "").strip()]
    markup_lines = markup_only_lines(rows)
    specks = speck_rows(rows)
    words, confidences = [], []
    for n, row in enumerate(rows):
        text = without_markup(row["text"].strip())
        if not text or line_key(row) in markup_lines:
            continue
        confidence = float(row["conf"])
        if confidence >= 0:
            confidences.append(confidence)
        if n in specks:
            continue
        left, top, width, height = (int(row[k]) for k in ("left", "top", "width", "height"))
        words.append(Glyph(text, left / scale, (left + width) / scale, top / scale, (top + height) / scale))
    mean = round(sum(confidences) / len(confidences), 1) if confidences else None
    return words, mean


def speck_rows(rows: list[dict]) -> set[int]:
    """Indexes of the words that are specks: a box too small for any
    character of the page's type, read with low confidence (SPECK_EM)."""
    if not rows:
        return set()
    heights = sorted(int(row["height"]) for row in rows)
    limit = SPECK_EM * heights[len(heights) // 2]
    return {n for n, row in enumerate(rows)
            if max(int(row["width"]), int(row["height"])) < limit and float(row["conf"]) < SPECK_CONFIDENCE}


def line_key(row: dict) -> tuple[str, str, str, str]:
    return row["page_num"], row["block_num"], row["par_num"], row["line_num"]


def markup_only_lines(rows: list[dict]) -> set[tuple[str, str, str, str]]:
    """Lines that are the tail of a hallucinated tag split into words of its
    own (D テ > after a </ that closed the line above)."""
    texts: dict[tuple[str, str, str, str], str] = defaultdict(str)
    for row in rows:
        texts[line_key(row)] += row["text"].strip()
    return {key for key, text in texts.items() if MARKUP_TAIL_LINE.fullmatch(text)}
