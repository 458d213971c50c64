"""Review pages, tested in Debian's headless Chromium driven by Playwright.

A run over the bundled samples plus an empty file (fails: "empty file") and
a small PDF with a 3×2 ruled table is reviewed with `kyoyaku review OUT`;
the pages are opened from disk as a person would. Expected values are read
off raw/001_37a5c5a8a2ee1a5b.txt: 第1条 on line 13, the 甲 signature block
on lines 40-46, 別表 row ウ (地域資源を活用した地域経済の裾野拡大) on line 68,
and 美祿市 (an OCR error for 美祢市) on line 53.
Screenshots of each page type are kept in tests/artifacts/.
"""
from __future__ import annotations

import dataclasses
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest
from playwright.sync_api import expect, sync_playwright

from pipeline import run
from pipeline.cli import main
from pipeline.model import Correction
from pipeline.review import write_review
from pipeline.review.compare import group_measures, measure_key
from pipeline.review.document import locate_warning
from tests.conftest import SEEDS, seed

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"]
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
DOC_001 = "001_37a5c5a8a2ee1a5b"


def write_table_pdf(path: Path) -> None:
    """One A4 page: a caption and a ruled 3-row × 2-column table; not a 別表,
    so whether or not PDFs are read, it adds no column to the comparison."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("HeiseiKakuGo-W5"))
    table = Table([["会議", "開催時期"], ["連携協議会", "毎年5月"], ["幹事会", "随時"]],
                  colWidths=[150, 250])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.8, colors.black),
                               ("FONTNAME", (0, 0), (-1, -1), "HeiseiKakuGo-W5")]))
    caption = Paragraph("参考資料 会議の日程", ParagraphStyle("ja", fontName="HeiseiKakuGo-W5", fontSize=11))
    SimpleDocTemplate(str(path), pagesize=A4).build([caption, Spacer(1, 12), table])


@pytest.fixture(scope="module")
def reviewed_run(tmp_path_factory):
    """`kyoyaku run RAW --out OUT` then `kyoyaku review OUT`."""
    raw = tmp_path_factory.mktemp("raw")
    for path in SEEDS:
        shutil.copy(path, raw / path.name)
    (raw / "999_empty.txt").write_bytes(b"")
    write_table_pdf(raw / "500_table.pdf")
    out = tmp_path_factory.mktemp("out")
    main(["run", str(raw), "--out", str(out)])
    assert main(["review", str(out)]) == 0
    return out


@pytest.fixture(scope="module")
def corrected_review(tmp_path_factory):
    """001 with the correction OCR repair is to make (美祿市 -> 美祢市, line 53)
    and two warnings: one about a 別表 row on line 68, one about dates."""
    doc = run(seed("001"))
    doc = dataclasses.replace(
        doc, status="partial",
        corrections=(Correction(53, "美祿市", "美祢市", "gazetteer", "美祢市 is a city of 山口県", 0.93),),
        warnings=("row 3 has 2 of 4 cells (line 68)", "no signing date found"))
    out = tmp_path_factory.mktemp("corrected")
    write_review([doc], out)
    return out


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: `make browser` installs Debian's chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    """A page that fails the test on a script error or any request that is
    not to a local file: the review must work offline, opened from disk."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(f"script error: {error}"))
    page.on("request", lambda request: None if request.url.startswith(("file:", "data:"))
            else problems.append(f"network request: {request.url}"))
    yield page
    context.close()
    assert not problems


def screenshot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"))


def open_file(page, path: Path) -> None:
    page.goto(path.resolve().as_uri())


def visible_doc_ids(page) -> list[str]:
    return page.locator("#documents tbody tr:visible a.doc-link").all_inner_texts()


# --- index ---

def test_index_lists_every_document_of_the_run_failed_first(reviewed_run, page):
    documents = pd.read_csv(reviewed_run / "documents.csv", dtype=str, keep_default_na=False)
    assert len(documents) == len(SEEDS) + 2
    open_file(page, reviewed_run / "review" / "index.html")
    listed = visible_doc_ids(page)
    assert sorted(listed) == sorted(documents["doc_id"])
    failed = set(documents.loc[documents["status"] == "failed", "doc_id"])
    assert "999_empty" in failed
    assert set(listed[:len(failed)]) == failed  # on top
    empty_row = page.locator("#documents tbody tr", has=page.locator("a", has_text="999_empty"))
    expect(empty_row.locator(".reason")).to_have_text("empty file")
    row_001 = page.locator("#documents tbody tr", has=page.locator("a", has_text=DOC_001))
    expect(row_001).to_contain_text("山口県央連携都市圏域形成に係る連携協約")
    expect(row_001).to_contain_text("2017-03-30")
    expect(row_001.locator("td.num").nth(1)).to_have_text("19")  # 別表 rows ア…オ, ア…エ, …
    screenshot(page, "review-index")


def test_index_filters_by_status_and_text(reviewed_run, page):
    documents = pd.read_csv(reviewed_run / "documents.csv", dtype=str, keep_default_na=False)
    open_file(page, reviewed_run / "review" / "index.html")
    page.select_option("#status-filter", "failed")
    failed = sorted(documents.loc[documents["status"] == "failed", "doc_id"])
    assert sorted(visible_doc_ids(page)) == failed
    expect(page.locator("#shown-count")).to_have_text(f"{len(failed)} of {len(documents)} documents shown")
    page.select_option("#status-filter", "")
    page.fill("#text-filter", "美祢")  # 乙 of 001 only
    assert visible_doc_ids(page) == [DOC_001]
    page.fill("#text-filter", "青森")  # the overview 003 and the agreement 004
    assert sorted(visible_doc_ids(page)) == ["003_c0d480ff15a294b0", "004_cb63bec31c77b4d0"]


def test_index_sorts_by_a_column(reviewed_run, page):
    open_file(page, reviewed_run / "review" / "index.html")
    header = page.locator("#documents thead th", has_text="別表 rows")
    column = page.locator("#documents thead th").all_inner_texts().index(header.inner_text())
    header.click()
    header.click()  # descending
    counts = [int(t) for t in page.locator(f"#documents tbody tr td:nth-child({column + 1})").all_inner_texts()]
    assert counts == sorted(counts, reverse=True) and counts[0] == 19


def test_clicking_a_document_opens_its_page(reviewed_run, page):
    open_file(page, reviewed_run / "review" / "index.html")
    page.click(f"a.doc-link:text('{DOC_001}')")
    expect(page).to_have_url(re.compile(rf"/review/docs/{DOC_001}\.html$"))
    expect(page.locator("h1")).to_contain_text(DOC_001)
    expect(page.locator("#L13")).to_contain_text("第1条 この連携協約は")


# --- document page ---

def test_a_value_highlights_its_source_lines(reviewed_run, page):
    open_file(page, reviewed_run / "review" / "docs" / f"{DOC_001}.html")
    page.locator(".article", has_text="第1条").locator("p.paragraph").click()
    expect(page.locator("tr.hl")).to_have_count(1)
    expect(page.locator("#L13")).to_have_class(re.compile(r"\bhl\b"))

    page.locator("table.appendix tbody tr", has_text="地域資源を活用した地域経済の裾野拡大").click()
    expect(page.locator("tr.hl")).to_have_count(1)
    expect(page.locator("#L68")).to_have_class(re.compile(r"\bhl\b"))
    expect(page.locator("#L68")).to_be_in_viewport()  # the source pane scrolled to it

    # Hovering the 甲 signatory lights up its block, lines 40-46 (blank lines are not shown).
    page.locator(".facts table.grid tbody tr", has_text="渡辺純忠").hover()
    hovered = [int(n) for n in page.locator("tr.hover").evaluate_all("rows => rows.map(r => r.dataset.line)")]
    assert hovered == [40, 42, 44, 46]
    screenshot(page, "review-document")


def test_a_correction_shows_original_corrected_and_rule(corrected_review, page):
    open_file(page, corrected_review / "review" / "docs" / f"{DOC_001}.html")
    correction = page.locator("table.corrections tbody tr")
    expect(correction).to_have_count(1)
    expect(correction.locator("del")).to_have_text("美祿市")
    expect(correction.locator("ins")).to_have_text("美祢市")
    expect(correction).to_contain_text("gazetteer")
    expect(page.locator("#L53 .note.correction")).to_contain_text("美祿市 → 美祢市 (gazetteer)")
    correction.click()
    expect(page.locator("#L53")).to_have_class(re.compile(r"\bhl\b"))
    screenshot(page, "review-correction")


def test_the_corrections_of_a_run_are_on_its_pages(reviewed_run, page):
    """Whatever OCR repair corrected in the run (001 spells 美祢市 as 美祿市 on
    lines 51-55) is listed on the document page and marked on its source
    lines, no more and no less; the rendering of one known correction is
    checked on its own in the next test."""
    corrections = pd.read_csv(reviewed_run / "corrections.csv", dtype=str, keep_default_na=False)
    corrections = corrections[corrections["doc_id"] == DOC_001]
    open_file(page, reviewed_run / "review" / "docs" / f"{DOC_001}.html")
    rows = page.locator("table.corrections tbody tr")
    expect(rows).to_have_count(len(corrections))
    for i, c in enumerate(corrections.itertuples()):
        expect(rows.nth(i).locator("del")).to_have_text(c.original)
        expect(rows.nth(i).locator("ins")).to_have_text(c.corrected)
        expect(page.locator(f"#L{c.line_no} .note.correction")).to_contain_text(
            f"{c.original} → {c.corrected} ({c.rule})")


def test_warnings_are_shown_where_they_apply(corrected_review, page):
    open_file(page, corrected_review / "review" / "docs" / f"{DOC_001}.html")
    expect(page.locator("#L68 .note.warning")).to_contain_text("row 3 has 2 of 4 cells")
    expect(page.locator(".warning[data-section=appendix]")).to_have_text("⚠ row 3 has 2 of 4 cells (line 68)")
    expect(page.locator(".warning[data-section=dates]")).to_have_text("⚠ no signing date found")
    page.locator(".warning[data-section=appendix]").click()
    expect(page.locator("#L68")).to_have_class(re.compile(r"\bhl\b"))


def test_a_column_some_rows_fill_is_a_cell_of_every_row_under_its_header():
    """The page heads the 別表 grid with the first row's labels: a 備考 the
    second row alone gives must not run past the header of a narrower row."""
    from pipeline.review.document import appendix_facts
    from tests.helpers import document_of

    doc = document_of("""
    甲市及び乙町の連携協約
    福山市(以下「甲」という。)及び神石高原町(以下「乙」という。)は、次のとおり連携協約を締結する。
    第1条 取組及び役割分担は、別表のとおりとする。
    別表(第1条関係)
    取組\t取組の内容\t甲の役割\t乙の役割\t備考
    ア 観光振興\t観光客を誘致する。\t宣伝を行う。\t協力する。\t
    イ 企業誘致\t企業誘致を推進する。\t誘致活動を行う。\t情報を提供する。\t県事業
    """)
    facts = appendix_facts(doc)
    assert [[f.label for f in row][-2:] for row in facts] == [["乙の役割", "備考"], ["乙の役割", "備考"]]
    assert [row[-1].value for row in facts] == ["", "県事業"]


def test_warning_text_decides_its_place():
    assert locate_warning("row 3 has 2 of 4 cells (line 57-59)").lines == "57-59"
    assert locate_warning("row 3 has 2 of 4 cells (line 57-59)").section == "appendix"
    assert locate_warning("line 12: table without a header row").section == "appendix"
    assert locate_warning("no parties found").section == "parties"
    assert locate_warning("article numbers are not consecutive: 1,2,4").section == "articles"
    assert locate_warning("empty file").section == "document"


def test_pdf_pages_show_their_table_cells(reviewed_run, page):
    open_file(page, reviewed_run / "review" / "docs" / "500_table.html")
    figure = page.locator("figure#page-1")
    expect(figure).to_be_visible()
    assert figure.locator("img").evaluate("img => img.complete && img.naturalWidth > 0")
    expect(figure.locator("rect.table-cell")).to_have_count(6)  # 3 rows × 2 columns
    expect(figure.locator("figcaption")).to_have_text("page 1 · 6 table cells")
    figure.scroll_into_view_if_needed()
    screenshot(page, "review-pdf")


def test_a_changed_source_is_flagged(tmp_path, write_file):
    source = write_file("001.txt", seed("001").read_text(encoding="utf-8"))
    out = tmp_path / "out"
    main(["run", str(source), "--out", str(out)])
    source.write_text(source.read_text(encoding="utf-8") + "\n追記\n", encoding="utf-8")
    assert main(["review", str(out)]) == 0
    html = (out / "review" / "docs" / "001.html").read_text(encoding="utf-8")
    assert "source file changed since the run" in html


def test_review_without_a_run_says_what_to_do(tmp_path, capsys):
    assert main(["review", str(tmp_path)]) == 2
    assert "kyoyaku run" in capsys.readouterr().err


# --- comparison ---

def test_comparison_shows_which_agreement_covers_which_measure(reviewed_run, page):
    open_file(page, reviewed_run / "review" / "index.html")
    page.click("text=compare measures across documents")
    expect(page).to_have_url(re.compile(r"/review/compare\.html$"))
    columns = [t.split("\n")[-1].strip() for t in page.locator("th.doc").all_inner_texts()]
    assert sorted(columns) == [p.stem for p in SEEDS]  # the PDF and the empty file have no 別表

    row = page.locator("tr.measure-row", has=page.locator("th.measure", has_text="地域資源を活用した地域経済の裾野拡大"))
    cells = row.locator("td.has, td.no").evaluate_all("cells => cells.map(c => c.className)")
    covered = {doc for doc, css in zip(columns, cells) if css.startswith("has")}
    # 002 (岡山) words its measure 地域資源をいかした商品や農産物の販路開拓・拡大 instead.
    assert covered == {"000_e851971be3e62e32", DOC_001, "003_c0d480ff15a294b0", "004_cb63bec31c77b4d0"}

    cluster = page.locator("tr.measure-row", has_text="産業クラスターの形成")
    expect(cluster).to_have_count(1)  # two wordings, one measure
    expect(cluster.locator("td.variants")).to_contain_text("イノベーションの実現、新規創業の促進及び")
    expect(page.locator("th.area", has_text="青森圏域")).to_have_attribute("colspan", "2")
    screenshot(page, "review-compare")

    page.fill("#measure-filter", "観光")
    names = page.locator("tr.measure-row:visible th.measure").all_inner_texts()
    assert names and all("観光" in n for n in names)

    page.fill("#measure-filter", "")
    row.locator("td.has a").first.click()  # opens that document at its 別表 row
    expect(page).to_have_url(re.compile(r"/docs/\w+\.html#R\d+$"))
    expect(page.locator("tr.hl").first).to_contain_text("地域資源を活用した地域経済の裾野拡大")


def test_comparison_can_hide_measures_every_agreement_has(tmp_path, page):
    docs = [run(seed(prefix)) for prefix in ("000", "003", "004")]
    write_review(docs, tmp_path)
    open_file(page, tmp_path / "review" / "compare.html")
    total = page.locator("tr.measure-row").count()
    page.check("#differ-filter")
    hidden = set(page.locator("tr.measure-row[hidden] th.measure").all_inner_texts())
    # In all three: 産学(金)官民…, 産業クラスター…, 地域資源…, 戦略的な観光施策の展開.
    assert len(hidden) == 4 and "戦略的な観光施策の展開" in hidden
    expect(page.locator("#shown-count")).to_have_text(f"{total - 4} of {total} measures shown")


def test_measure_names_that_vary_share_a_key():
    assert measure_key("産業クラスターの形成、イノベーションの実現、新規創業の促進及び地域の中堅企業等を核とした戦略産業の育成") \
        == measure_key("産業クラスターの形成、イノベーション実現、新規創業促進、地域の中堅企業等を核とした戦略産業の育成")
    assert measure_key("圏域内外の住民との交流及び移住の促進") == measure_key("圏域内外の住民との交流・移住促進")
    assert measure_key("その他の圏域全体の経済成長のけん引に係る施策") == measure_key("その他")
    assert measure_key("地域医療") != measure_key("地域医療・福祉")


def test_grouping_merges_near_wordings_but_keeps_other_per_field():
    groups = group_measures([run(seed(prefix)) for prefix in ("000", "001", "004")])
    by_doc = {g.name: {use.doc_id[:3] for use in g.uses} for g in groups}
    merged = next(g for g in groups if "産学" in g.name)  # 産学官民… (000) / 産学金官民… (004)
    assert {use.doc_id[:3] for use in merged.uses} == {"000", "004"} and len(merged.variants) == 1
    others = [g for g in groups if g.key == "その他"]
    assert len(others) == len({g.field for g in others}) >= 3  # one その他 per policy field
    assert by_doc["地域医療"] == {"004"}
