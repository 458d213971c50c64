"""Review pages: a person's view of a run, opened straight from disk.

    kyoyaku review OUT        (after `kyoyaku run FILES --out OUT`)

writes OUT/review/index.html (every document: status, counts, filter, sort),
OUT/review/compare.html (measures × documents, by policy field) and
OUT/review/docs/<doc_id>.html (source lines beside the extracted facts;
hovering a value highlights its lines). Each page is one self-contained
HTML file: styles, scripts and PDF page images are inlined, nothing is
fetched from the network.

    load.py      OUT -> documents, re-run for their source lines
    document.py  Document -> the facts and lines its page shows
    compare.py   documents -> measures grouped by a normalized key
    pdfpages.py  PDF -> small page images with table cells
    templates/   the pages (Jinja2), their CSS and JS
"""
from __future__ import annotations

import re
from pathlib import Path

import jinja2

from pipeline.model import Document
from pipeline.review.compare import compare
from pipeline.review.document import document_view
from pipeline.review.load import NoRunError, load_run_documents, resolve_source
from pipeline.review.pdfpages import is_pdf, page_images
from pipeline.write import atomic_write

__all__ = ["NoRunError", "review_run", "write_review"]

REVIEW_DIR = "review"
STATUS_ORDER = {"failed": 0, "partial": 1, "ok": 2}  # failed documents on top

TEMPLATES = jinja2.Environment(
    loader=jinja2.PackageLoader("pipeline.review", "templates"),
    autoescape=jinja2.select_autoescape(["html"]),
    undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)


def review_run(out_dir: Path) -> Path:
    """Review pages for the run whose tables are in out_dir; returns the index."""
    out_dir = Path(out_dir)
    return write_review(load_run_documents(out_dir), out_dir)


def write_review(docs: list[Document], out_dir: Path) -> Path:
    review_dir = Path(out_dir) / REVIEW_DIR
    (review_dir / "docs").mkdir(parents=True, exist_ok=True)
    docs = sorted(docs, key=lambda d: (STATUS_ORDER.get(d.status, 1), d.doc_id))
    names = page_names(docs)
    written = {write_page(review_dir / "docs" / name, "document.html",
                          view=document_view(doc, pdf_pages(doc, Path(out_dir))))
               for doc, name in zip(docs, names)}
    remove_stale_pages(review_dir / "docs", keep=written)
    links = {id(doc): f"docs/{name}" for doc, name in zip(docs, names)}

    def link(doc: Document) -> str:
        return links[id(doc)]

    write_page(review_dir / "compare.html", "compare.html", comparison=compare(docs), link=link)
    return write_page(review_dir / "index.html", "index.html", docs=docs, link=link)


def write_page(path: Path, template: str, **context) -> Path:
    html = TEMPLATES.get_template(template).render(**context)
    return atomic_write(path, lambda tmp: tmp.write_text(html, encoding="utf-8"))


def page_names(docs: list[Document]) -> list[str]:
    """A file name per document, from its doc_id; two files with the same
    name in different folders get distinct pages."""
    names, used = [], set()
    for doc in docs:
        stem = re.sub(r"[^\w.-]", "_", doc.doc_id) or "document"
        name, n = f"{stem}.html", 1
        while name in used:
            n += 1
            name = f"{stem}-{n}.html"
        used.add(name)
        names.append(name)
    return names


def pdf_pages(doc: Document, out_dir: Path):
    path = resolve_source(doc.source_file, out_dir)
    return page_images(path) if path is not None and is_pdf(path) else []


def remove_stale_pages(folder: Path, keep: set[Path]) -> None:
    """Pages of documents no longer in the run would mislead a reader."""
    for page in folder.glob("*.html"):
        if page not in keep:
            page.unlink()
