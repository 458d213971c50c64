"""A PDF's pages as small images with the table finder's cells drawn over them.

pypdfium2 renders the page (fast); pdfplumber's table finder gives the cells,
the same detector the PDF reader uses, so a reviewer sees which cells a
table row was read from. Cells stay in PDF points and are drawn as SVG over
the image, so they line up at any display size.
"""
from __future__ import annotations

import base64
import io
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium

IMAGE_WIDTH_PX = 560  # small: enough to recognise a page and its tables


@dataclass(frozen=True)
class PageImage:
    page: int  # 1-based
    width: float  # PDF points
    height: float
    png_data_uri: str
    cells: tuple[tuple[float, float, float, float], ...]  # x0, top, x1, bottom in points


def is_pdf(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(5) == b"%PDF-"
    except OSError:
        return False


def page_images(path: Path) -> list[PageImage]:
    """Every page of the PDF at path; a PDF that cannot be opened has none
    (its document page already says why it failed)."""
    try:
        rendered = render_pages(path)
        cells = table_cells(path)
    except Exception:  # a broken PDF must not stop the review of the others
        return []
    return [PageImage(page, width, height, uri, cells.get(page, ()))
            for page, (width, height, uri) in rendered.items()]


def render_pages(path: Path) -> dict[int, tuple[float, float, str]]:
    pdf = pdfium.PdfDocument(str(path))
    try:
        pages = {}
        for index in range(len(pdf)):
            page = pdf[index]
            width, height = page.get_size()
            image = page.render(scale=IMAGE_WIDTH_PX / width, grayscale=True).to_pil()
            pages[index + 1] = (width, height, png_data_uri(image))
        return pages
    finally:
        pdf.close()


def table_cells(path: Path) -> dict[int, tuple[tuple[float, float, float, float], ...]]:
    with pdfplumber.open(path) as pdf:
        return {page.page_number: tuple(tuple(round(v, 1) for v in cell)
                                        for table in page.find_tables() for cell in table.cells)
                for page in pdf.pages}


def png_data_uri(image) -> str:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")
