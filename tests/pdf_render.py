"""Test PDFs made at test time from the seed texts (no binaries in git).

`render_text_pdf` lays an agreement out the way a word processor prints it:
A4, reportlab's built-in Japanese CID font HeiseiMin-W3 (not embedded, so no
font file is needed), paragraphs wrapped at the right margin with hanging
punctuation, a running header and a `- N -` footer on every page, and every
run of TAB-separated lines drawn as a ruled table whose rows break across
pages (the header row repeated on each continuation page, as Word's "repeat
as header row" does). `rasterize_pdf` turns those pages into an image-only
PDF, the input of the OCR path.

Also here: small PDFs with one text-layer fault each (faux bold, letter
spacing, unmapped glyphs, radical code points), written by hand where
reportlab cannot produce the fault.
"""
from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

import regex
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

FONT = "HeiseiMin-W3"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))

# Japanese typesetting never starts a line with these: they hang in the margin.
NO_LINE_START = set("、。，．・：；？！ー）」』】〕’”ゝゞ々ぁぃぅぇぉっゃゅょァィゥェォッャュョ")
ASCII_WORD = regex.compile(r"[A-Za-z0-9]+|.", regex.DOTALL)


@dataclass(frozen=True)
class Layout:
    width: float = A4[0]
    height: float = A4[1]
    margin_left: float = 72
    margin_right: float = 72
    margin_top: float = 72
    margin_bottom: float = 80
    font_size: float = 10.5
    leading: float = 17
    cell_font_size: float = 9
    cell_leading: float = 13
    cell_padding: float = 4
    running_header: str = "連携協約書(写)"
    footer: str = "- {page} -"
    repeat_header_row: bool = True
    open_split_rows: bool = False  # no rule where a row breaks across pages
    table_rules: bool = True  # False: tables without any ruling line

    @property
    def text_width(self) -> float:
        return self.width - self.margin_left - self.margin_right


@dataclass(frozen=True)
class Paragraph:
    text: str


@dataclass(frozen=True)
class Blank:
    pass


@dataclass(frozen=True)
class Table:
    rows: tuple[tuple[str, ...], ...]


@dataclass
class Writer:
    """Places blocks on pages top to bottom; a new page when one is full."""

    pdf: canvas.Canvas
    layout: Layout
    page: int = 1
    y: float = field(init=False)
    split_rows: list[str] = field(default_factory=list)  # key cell of each row broken over a page

    def __post_init__(self) -> None:
        self.y = self.top
        self.draw_furniture()

    @property
    def top(self) -> float:
        return self.layout.height - self.layout.margin_top

    @property
    def room(self) -> float:
        return self.y - self.layout.margin_bottom

    def new_page(self) -> None:
        self.pdf.showPage()
        self.page += 1
        self.y = self.top
        self.draw_furniture()

    def draw_furniture(self) -> None:
        lay = self.layout
        self.pdf.setFont(FONT, 9)
        if lay.running_header:
            self.pdf.drawRightString(lay.width - lay.margin_right, lay.height - 40, lay.running_header)
        if lay.footer:
            self.pdf.drawCentredString(lay.width / 2, 40, lay.footer.format(page=self.page))

    def paragraph(self, text: str) -> None:
        lay = self.layout
        for line in wrap(text, lay.text_width, lay.font_size):
            if self.room < lay.leading:
                self.new_page()
            self.y -= lay.leading
            self.pdf.setFont(FONT, lay.font_size)
            self.pdf.drawString(lay.margin_left, self.y, line)

    def blank(self) -> None:
        if self.y < self.top:
            self.y -= self.layout.leading

    def table(self, rows: tuple[tuple[str, ...], ...]) -> None:
        lay = self.layout
        widths = column_widths(len(rows[0]), lay.text_width)
        cells = [[wrap(cell, w - 2 * lay.cell_padding, lay.cell_font_size) for cell, w in zip(row, widths)]
                 for row in rows]
        header = cells[0] if lay.repeat_header_row and looks_like_header(rows[0]) else None
        self.y -= 4
        for row in cells:
            self.table_row(row, widths, header)

    def table_row(self, row: list[list[str]], widths: list[float], header, continued: bool = False) -> None:
        lay = self.layout
        line_count = max(1, *(len(c) for c in row))
        fits = int((self.room - 2 * lay.cell_padding) // lay.cell_leading)
        if fits >= line_count:
            self.draw_row(row, widths, line_count, open_top=continued and lay.open_split_rows)
            return
        if fits >= 2 and row is not header:  # break the row: what fits here, the rest overleaf
            self.draw_row([c[:fits] for c in row], widths, fits, open_top=continued and lay.open_split_rows,
                          open_bottom=lay.open_split_rows)
            self.split_rows.append("".join(row[0]))
            rest = [c[fits:] for c in row]
            continued = True
        else:
            rest = row
        self.new_page()
        if header is not None and row is not header:
            self.draw_row(header, widths, max(len(c) for c in header))
        self.table_row(rest, widths, header, continued)

    def draw_row(self, row: list[list[str]], widths: list[float], line_count: int,
                 open_top: bool = False, open_bottom: bool = False) -> None:
        lay = self.layout
        height = line_count * lay.cell_leading + 2 * lay.cell_padding
        top, bottom = self.y, self.y - height
        x = lay.margin_left
        self.pdf.setLineWidth(0.7 if lay.table_rules else 0)
        self.pdf.setStrokeGray(0 if lay.table_rules else 1)  # unruled: the rules are drawn white
        if not open_top:
            self.pdf.line(x, top, x + sum(widths), top)
        if not open_bottom:
            self.pdf.line(x, bottom, x + sum(widths), bottom)
        self.pdf.setFont(FONT, lay.cell_font_size)
        for cell, width in zip(row, widths):
            self.pdf.line(x, top, x, bottom)
            for n, text in enumerate(cell):
                baseline = top - lay.cell_padding - (n + 1) * lay.cell_leading + 3
                self.pdf.drawString(x + lay.cell_padding, baseline, text)
            x += width
        self.pdf.line(x, top, x, bottom)
        self.y = bottom


def column_widths(count: int, total: float) -> list[float]:
    shares = {1: [1.0], 2: [0.32, 0.68], 3: [0.3, 0.4, 0.3], 4: [0.22, 0.3, 0.24, 0.24]}
    return [total * s for s in shares.get(count, [1 / count] * count)]


def looks_like_header(row: tuple[str, ...]) -> bool:
    """Column titles: short cells, no sentence."""
    return all(len(cell) <= 12 and "。" not in cell for cell in row)


def wrap(text: str, width: float, size: float) -> list[str]:
    """Break text into lines no wider than width: anywhere between Japanese
    characters, never inside an ASCII word or number, punctuation hanging."""
    lines, current = [], ""
    for token in ASCII_WORD.findall(text):
        candidate = current + token
        fits = pdfmetrics.stringWidth(candidate, FONT, size) <= width
        if fits or not current.strip() or token[0] in NO_LINE_START:
            current = candidate
        else:
            lines.append(current.rstrip())
            current = token.lstrip()
    if current.strip():
        lines.append(current.rstrip())
    return lines


def text_to_blocks(text: str) -> list[Paragraph | Blank | Table]:
    """Lines with a TAB are table rows; a run of them (blank lines inside the
    run included) is one table; other lines are paragraphs."""
    blocks: list[Paragraph | Blank | Table] = []
    rows: list[tuple[str, ...]] = []
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if "\t" in line:
            rows.append(tuple(line.split("\t")))
            continue
        if not line.strip() and rows and any("\t" in ln for ln in lines[i + 1:i + 3]):
            continue  # a blank line between two rows of the same table
        if rows:
            blocks.append(table_of(rows))
            rows = []
        blocks.append(Paragraph(line.strip()) if line.strip() else Blank())
    if rows:
        blocks.append(table_of(rows))
    return blocks


def table_of(rows: list[tuple[str, ...]]) -> Table:
    width = max(len(r) for r in rows)
    return Table(tuple(r + ("",) * (width - len(r)) for r in rows))


@dataclass(frozen=True)
class Rendered:
    path: Path
    pages: int
    split_rows: tuple[str, ...]  # key cells of the rows a page break cut


def render_text_pdf(text: str, path: Path, layout: Layout = Layout(), pdf: canvas.Canvas | None = None) -> Rendered:
    pdf = pdf or canvas.Canvas(str(path), pagesize=(layout.width, layout.height))
    writer = Writer(pdf, layout)
    for block in text_to_blocks(text):
        if isinstance(block, Paragraph):
            writer.paragraph(block.text)
        elif isinstance(block, Table):
            writer.table(block.rows)
        else:
            writer.blank()
    pdf.save()
    return Rendered(path, writer.page, tuple(writer.split_rows))


def render_seed_pdf(seed: Path, folder: Path, layout: Layout = Layout()) -> Path:
    """raw/NNN_x.txt -> folder/NNN_x.pdf (same stem: the gold files are named by it)."""
    return render_text_pdf(seed.read_text(encoding="utf-8"), folder / f"{seed.stem}.pdf", layout).path


def rasterize_pdf(source: Path, target: Path, dpi: int = 200, turn: float = 0.0, noisy: bool = False) -> Path:
    """Every page as a grayscale image in an image-only PDF (a scan); turn:
    degrees counter-clockwise, a page fed crooked into the scanner; noisy:
    sensor noise, specks and a blur, saved as a coarse JPEG (seeded: the
    same bytes every run)."""
    import pypdfium2 as pdfium
    from PIL import Image

    document = pdfium.PdfDocument(str(source))
    try:
        images = [page.render(scale=dpi / 72, grayscale=True).to_pil() for page in document]
    finally:
        document.close()
    if turn:
        images = [image.rotate(turn, resample=Image.BICUBIC, fillcolor=255) for image in images]
    if noisy:
        images = [with_noise(image, seed) for seed, image in enumerate(images)]
    images[0].save(target, "PDF", resolution=dpi, save_all=True, append_images=images[1:])
    return target


def with_noise(image, seed: int):
    import numpy as np
    from PIL import Image, ImageFilter

    rng = np.random.default_rng(seed)
    pixels = np.asarray(image.convert("L")).astype(np.int16) + rng.normal(0, 26, image.size[::-1]).astype(np.int16)
    pixels[rng.random(pixels.shape) < 0.002] = 0
    blurred = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(0.6))
    buffer = io.BytesIO()
    blurred.save(buffer, "JPEG", quality=55)
    return Image.open(io.BytesIO(buffer.getvalue()))


def unknown_ordering_pdf(path: Path, lines: list[str]) -> Path:
    """Text in a CID font whose character collection pdfminer does not know:
    the text layer reads as (cid:NNN) only, while the page still renders
    (pdfium decodes the font's own encoding). Same-length byte patch, so
    the cross-reference table stays valid."""
    pdf = canvas.Canvas(str(path), pagesize=A4, pageCompression=0)
    pdf.setFont(FONT, 12)
    for n, line in enumerate(lines):
        pdf.drawString(72, 760 - 24 * n, line)
    pdf.save()
    path.write_bytes(path.read_bytes().replace(b"/Ordering (Japan1)", b"/Ordering (Xapan1)"))
    return path


def placed_text_pdf(path: Path, lines: list[list[tuple[float, str]]], size: float = 10.5) -> Path:
    """One page, each line a list of (x in points, text): for layouts that
    put things side by side on a line."""
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont(FONT, size)
    for n, line in enumerate(lines):
        for x, text in line:
            pdf.drawString(x, 780 - 2 * size * n, text)
    pdf.save()
    return path


def searchable_scan_pdf(path: Path, lines: list[str], size: float = 10.5) -> Path:
    """A scan made searchable: an image of the whole page (here a plain
    one) with a text layer laid over it, as a scanner's OCR writes it."""
    from PIL import Image
    from reportlab.lib.utils import ImageReader

    pdf = canvas.Canvas(str(path), pagesize=A4)
    width, height = A4
    pdf.drawImage(ImageReader(Image.new("L", (int(width), int(height)), 250)), 0, 0, width, height)
    pdf.setFont(FONT, size)
    for n, line in enumerate(lines):
        pdf.drawString(60, height - 60 - 2 * size * n, line)
    pdf.save()
    return path


class TextOverScans(canvas.Canvas):
    """A canvas that lays each page's text over a given page image and
    draws no rules: a scan made searchable, its tables ruled in the image only."""

    def __init__(self, path: str, images: list, **kwargs) -> None:
        super().__init__(path, **kwargs)
        self.images, self.drawn = images, 0
        self.draw_scan()

    def draw_scan(self) -> None:
        from reportlab.lib.utils import ImageReader

        if self.drawn < len(self.images):
            self.drawImage(ImageReader(self.images[self.drawn]), 0, 0, *self._pagesize)
            self.drawn += 1

    def showPage(self) -> None:
        super().showPage()
        self.draw_scan()

    def line(self, *args) -> None:
        pass


class BarsOverRules(TextOverScans):
    """A scan made searchable by Tesseract, which reads a table's column
    rule as a "|" beside each line of text it crosses: each vertical rule
    is laid over with bars a line apart, a little off the rule as OCR
    places them."""

    def line(self, x1: float, y1: float, x2: float, y2: float) -> None:
        if x1 != x2:
            return
        self.saveState()
        self.setFont(FONT, 9)
        bar = pdfmetrics.stringWidth("|", FONT, 9)
        for n, y in enumerate(range(round(min(y1, y2)) + 3, round(max(y1, y2)) - 8, 13)):
            self.drawString(x1 - bar / 2 + (-1.5, 0, 1.5)[n % 3], y, "|")
        self.restoreState()


def searchable_scan_of_text(text: str, path: Path, layout: Layout = Layout(), dpi: int = 150,
                            bars_on_rules: bool = False) -> Path:
    """The text printed (render_text_pdf), scanned, and made searchable:
    each page an image with the same text laid over it as a text layer,
    the rules of its tables in the image only (`bars_on_rules`: read by
    the OCR as "|" in the text layer)."""
    import pypdfium2 as pdfium

    printed = render_text_pdf(text, path.with_suffix(".printed.pdf"), layout).path
    document = pdfium.PdfDocument(str(printed))
    try:
        images = [page.render(scale=dpi / 72, grayscale=True).to_pil() for page in document]
    finally:
        document.close()
    pdf = (BarsOverRules if bars_on_rules else TextOverScans)(str(path), images, pagesize=(layout.width, layout.height))
    render_text_pdf(text, path, layout, pdf)
    return path


def tesseract_searchable_pdf(text: str, path: Path, dpi: int = 200) -> Path:
    """The text printed (render_text_pdf), scanned and made searchable by
    Tesseract itself (`tesseract page.png out pdf`): its own text layer, in
    its GlyphLessFont, over the page image."""
    import subprocess

    import pypdfium2 as pdfium

    printed = render_text_pdf(text, path.with_suffix(".printed.pdf")).path
    document = pdfium.PdfDocument(str(printed))
    try:
        image = document[0].render(scale=dpi / 72, grayscale=True).to_pil()
    finally:
        document.close()
    image.save(path.with_suffix(".png"), dpi=(dpi, dpi))
    subprocess.run(["tesseract", str(path.with_suffix(".png")), str(path.with_suffix("")), "-l", "jpn", "pdf"],
                   check=True, capture_output=True)
    return path.with_suffix(".pdf")


def blank_pdf(path: Path, pages: int = 1) -> Path:
    pdf = canvas.Canvas(str(path), pagesize=A4)
    for _ in range(pages):
        pdf.showPage()
    pdf.save()
    return path


# -- text-layer faults -------------------------------------------------------

def faux_bold_pdf(path: Path, lines: list[str]) -> Path:
    """Each line drawn twice, 0.3 pt apart: how word processors fake bold."""
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont(FONT, 10.5)
    for n, line in enumerate(lines):
        y = 760 - 20 * n
        pdf.drawString(72, y, line)
        pdf.drawString(72.3, y, line)
    pdf.save()
    return path


def letter_spaced_pdf(path: Path, lines: list[str], char_space: float = 3.5) -> Path:
    """Lines set with extra space between characters (justified or spaced-out
    headings), which a fixed gap tolerance reads as word spaces."""
    pdf = canvas.Canvas(str(path), pagesize=A4)
    for n, line in enumerate(lines):
        text = pdf.beginText(72, 760 - 20 * n)
        text.setFont(FONT, 10.5)
        text.setCharSpace(char_space)
        text.textLine(line)
        pdf.drawText(text)
    pdf.save()
    return path


def mapped_glyphs_pdf(path: Path, pages: list[list[str]], unmapped: str = "") -> Path:
    """A hand-written PDF whose font maps each glyph to a Unicode character
    through its ToUnicode table, so the text layer can hold what reportlab
    never writes: radical code points (⻑ for 長) or characters in `unmapped`,
    which get a glyph but no Unicode value, read as (cid:NNN)."""
    alphabet = sorted({ch for page in pages for line in page for ch in line})
    cid_of = {ch: n for n, ch in enumerate(alphabet, 1)}
    mapping = "".join(f"<{cid_of[ch]:04X}> <{ord(ch):04X}>\n" for ch in alphabet if ch not in unmapped)
    to_unicode = ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
                  "/CMapName /Custom def /CIDSystemInfo << /Registry (Custom) /Ordering (None) /Supplement 0 >> def\n"
                  "1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
                  f"{len(alphabet) - len(set(unmapped) & set(alphabet))} beginbfchar\n{mapping}endbfchar\n"
                  "endcmap CMapName currentdict /CMap defineresource pop end end\n")
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [%s] /Count %d >>" % (" ".join(f"{6 + 2 * i} 0 R" for i in range(len(pages))),
                                                      len(pages)),
        "<< /Type /Font /Subtype /Type0 /BaseFont /HeiseiMin-W3 /Encoding /Identity-H "
        "/DescendantFonts [4 0 R] /ToUnicode 5 0 R >>",
        "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /HeiseiMin-W3 "
        "/CIDSystemInfo << /Registry (Custom) /Ordering (None) /Supplement 0 >> "
        "/FontDescriptor << /Type /FontDescriptor /FontName /HeiseiMin-W3 /Flags 6 "
        "/FontBBox [0 -120 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >> "
        "/DW 1000 >>",
        stream(to_unicode),
    ]
    for n, page in enumerate(pages):
        content = "".join(f"BT /F1 10.5 Tf 72 {760 - 20 * i} Td <{''.join(f'{cid_of[ch]:04X}' for ch in line)}> Tj ET\n"
                          for i, line in enumerate(page))
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                       f"/Resources << /Font << /F1 3 0 R >> >> /Contents {7 + 2 * n} 0 R >>")
        objects.append(stream(content))
    path.write_bytes(assemble_pdf(objects))
    return path


def stream(content: str) -> str:
    data = content.encode("ascii")
    return f"<< /Length {len(data)} >>\nstream\n{content}endstream"


def assemble_pdf(objects: list[str]) -> bytes:
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n{body}\nendobj\n".encode("ascii"))
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode("ascii"))
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode("ascii"))
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode("ascii"))
    return out.getvalue()
