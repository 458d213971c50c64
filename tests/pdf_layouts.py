"""Three agreements drawn the way municipalities' PDFs lay them out, made at
test time with reportlab (no binaries in git). Each exercises layouts the
seed renderings (pdf_render.py) do not have:

- `merged_cells_pdf` (青森市/平内町): a 別表 with a 分野 column whose cells
  span several rows (text drawn once, vertically centred), a two-level
  header (役割分担 over 甲 | 乙), cells wrapped over 3-5 lines inside their
  rules, and a table that goes on over a page break without repeating its
  header (or repeating both its rows);
- `landscape_appendix_pdf` (金沢市/津幡町): articles on portrait pages, the
  別表 on a landscape page; each page with a running header 連携協約書, a
  footer - N - and a page number N/M; the signatures in two columns
  (甲 left, 乙 right) under a centred date, seals drawn as a red circle
  holding 印;
  `landscape_appendix_pdf` also writes that page as PDF makers write a
  landscape section: a portrait MediaBox with /Rotate 90 or 270 and the
  content drawn turned the other way (shown upright), or turned in a way
  a viewer shows sideways or upside down (/Rotate on upright content, or
  content drawn turned without /Rotate); and the 別表 without rules;
- `vertical_writing_pdf`: a page of 縦書き, characters upright one under
  the other, columns from right to left;
- `wide_appendix_pdf` (姫路市/福崎町): the 別表 on an A3 landscape page in
  7.5-point type, six columns (分野 | 施策 | 取組 | 取組内容 under one
  header row each, 役割分担 over 甲 | 乙 in two), 分野 and 施策 cells
  printed once for the rows they group;
- `placed_chars_pdf` (十和田市/六戸町): every character drawn on its own at
  an explicit position, as some PDF makers write text: justified lines
  with extra space between characters, a line whose characters come in a
  non-reading order; a 別表 ruled only by horizontal lines and one whose
  header cells are filled rectangles and whose rows are striped
  (`filled_header_table`, which also draws the stripes alone or the header
  fills over a white body).

The content is data here; the expected values are written separately, by
reading the drawn pages, in tests/test_pdf_layouts.py.
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import A3, A4, A5, landscape
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from tests.pdf_render import FONT, wrap

VERTICAL_FONT = FONT + "-V"  # the same face with the vertical CMap (UniJIS-UCS2-V): text advances downwards


def register_vertical_font() -> None:
    font = UnicodeCIDFont(FONT, isVertical=True)
    font.name = font.fontName = VERTICAL_FONT  # its own name beside the horizontal face
    pdfmetrics.registerFont(font)


register_vertical_font()

BODY, CELL = 10.5, 9.0  # font sizes
LEADING, CELL_LEADING, PAD = 17.0, 13.0, 4.0
MARGIN = 72.0


@dataclass
class Sheet:
    """A canvas written top-down (y measured from the top of the page) that
    knows its page size, so landscape pages can sit among portrait ones."""

    pdf: canvas.Canvas
    width: float = A4[0]
    height: float = A4[1]

    def text(self, x: float, top: float, text: str, size: float = BODY) -> None:
        self.pdf.setFont(FONT, size)
        self.pdf.drawString(x, self.height - top - size, text)

    def centred(self, top: float, text: str, size: float = BODY, x0: float = 0.0, x1: float | None = None) -> None:
        x1 = self.width if x1 is None else x1
        self.text((x0 + x1 - pdfmetrics.stringWidth(text, FONT, size)) / 2, top, text, size)

    def chars(self, x: float, top: float, text: str, size: float = BODY, extra: float = 0.0,
              order: list[int] | None = None) -> None:
        """Each character drawn on its own, `extra` points after each; in
        the content stream in `order` (indexes), not necessarily left to right."""
        self.pdf.setFont(FONT, size)
        xs = []
        for ch in text:
            xs.append(x)
            x += pdfmetrics.stringWidth(ch, FONT, size) + extra
        for i in order or range(len(text)):
            self.pdf.drawString(xs[i], self.height - top - size, text[i])

    def hline(self, x0: float, x1: float, y: float, width: float = 0.7) -> None:
        self.pdf.setLineWidth(width)
        self.pdf.line(x0, self.height - y, x1, self.height - y)

    def vline(self, x: float, top: float, bottom: float, width: float = 0.7) -> None:
        self.pdf.setLineWidth(width)
        self.pdf.line(x, self.height - top, x, self.height - bottom)

    def fill(self, x: float, top: float, w: float, h: float, gray: float) -> None:
        self.pdf.setFillGray(gray)
        self.pdf.rect(x, self.height - top - h, w, h, stroke=0, fill=1)
        self.pdf.setFillGray(0)

    def seal(self, x: float, top: float, size: float = 9.0) -> None:
        """A red circle holding 印, as a seal impression is drawn."""
        radius = size * 0.9
        self.pdf.setStrokeColorRGB(0.85, 0.1, 0.1)
        self.pdf.setFillColorRGB(0.85, 0.1, 0.1)
        self.pdf.setLineWidth(1)
        self.pdf.circle(x + radius, self.height - top - radius, radius, stroke=1, fill=0)
        self.pdf.setFont(FONT, size)
        self.pdf.drawCentredString(x + radius, self.height - top - radius - size * 0.35, "印")
        self.pdf.setStrokeColorRGB(0, 0, 0)
        self.pdf.setFillColorRGB(0, 0, 0)

    def new_page(self, size: tuple[float, float] = A4, rotate: int = 0, turn: int = 0) -> None:
        """A page whose content is drawn upright in a frame of `size`, that
        frame turned counter-clockwise by `turn` onto the MediaBox (which is
        then `size` turned: a landscape table drawn on a portrait page), the
        page's /Rotate set to `rotate`. A viewer turns the page clockwise by
        /Rotate, so it shows the content upright when rotate == turn (a
        landscape section as some writers export it) and sideways otherwise."""
        self.pdf.showPage()
        self.width, self.height = size
        mediabox = (size[1], size[0]) if turn % 180 else size
        # reportlab turns the MediaBox of a page with /Rotate 90 or 270 itself
        self.pdf.setPageSize((mediabox[1], mediabox[0]) if rotate % 180 else mediabox)
        self.pdf.setPageRotation(rotate)
        turn_frame(self.pdf, turn, mediabox)


def turn_frame(pdf: canvas.Canvas, turn: int, mediabox: tuple[float, float]) -> None:
    """Draw from here on turned counter-clockwise by `turn` degrees, the
    turned frame moved back onto the MediaBox."""
    width, height = mediabox
    shift = {0: (0, 0), 90: (width, 0), 180: (width, height), 270: (0, height)}[turn % 360]
    pdf.translate(*shift)
    pdf.rotate(turn)


def flow(sheet: Sheet, top: float, paragraphs: list[str], indent: float = 0.0) -> float:
    """Paragraphs wrapped at the right margin, a line's gap between them;
    returns the height under the last one."""
    width = sheet.width - 2 * MARGIN - indent
    for paragraph in paragraphs:
        if not paragraph:
            top += LEADING / 2
            continue
        for line in wrap(paragraph, width, BODY):
            sheet.text(MARGIN + indent, top, line)
            top += LEADING
    return top


# -- 1. merged cells ---------------------------------------------------------------

AOMORI_FRONT = [
    "青森圏連携中枢都市圏形成に係る連携協約書",
    "",
    "青森市（以下「甲」という。）及び平内町（以下「乙」という。）は、連携中枢都市圏である"
    "青森圏連携中枢都市圏（以下「圏域」という。）を形成するため、地方自治法（昭和22年法律第67号）"
    "第252条の2第1項の規定により、次のとおり連携協約を締結する。",
    "",
    "（目的）",
    "第1条 この連携協約は、甲及び乙が連携し、圏域全体の経済成長のけん引、高次の都市機能の集積・強化及び"
    "生活関連機能サービスの向上を図ることにより、圏域の活性化を図ることを目的とする。",
    "（連携する取組及び役割分担）",
    "第2条 甲及び乙が連携して取り組む事項及び役割分担は、別表のとおりとする。",
    "（協約の変更及び廃止）",
    "第3条 この連携協約を変更し、又は廃止しようとするときは、甲及び乙が協議の上、"
    "あらかじめそれぞれの議会の議決を経なければならない。",
    "",
    "この協約の締結を証するため、本書2通を作成し、甲及び乙が記名押印の上、各自1通を保有する。",
    "",
    "令和3年3月29日",
    "",
    "甲 青森県青森市中央一丁目22番5号",
    "  青森市長 山本 健一",
    "乙 青森県東津軽郡平内町大字小湊字小湊63",
    "  平内町長 佐藤 幸子",
]

# (section cell, [(measure cell, content, role of 甲, role of 乙)])
AOMORI_SECTIONS = [
    ("1 圏域全体の経済成長のけん引", [
        ("ア 地域産業の振興",
         "圏域の中小企業が行う新製品の開発及び販路の開拓を支援するとともに、創業を希望する者への相談体制を整え、"
         "地域産業の担い手を育成する。",
         "支援制度を設けて運用し、乙と連携して相談窓口を開設する。",
         "甲と連携し、町内の事業者に制度を周知する。"),
        ("イ 観光の振興",
         "圏域の観光資源を結ぶ周遊ルートを造成し、国内外からの誘客を促進するとともに、"
         "観光案内の多言語化を進め、滞在型観光の充実を図る。",
         "周遊ルートの造成及び情報発信を行う。",
         "町内の観光資源の情報を甲に提供し、誘客事業に協力する。"),
    ]),
    ("2 高次の都市機能の集積・強化", [
        ("ア 高度な医療サービスの提供",
         "圏域の救急医療体制を維持するため、中核病院と地域の医療機関との連携を強化し、"
         "医療従事者の確保及び育成に取り組む。",
         "中核病院の機能を充実し、乙の医療機関との連携を図る。",
         "甲と連携し、医療機関相互の連携に協力する。"),
        ("イ 公共交通ネットワークの構築",
         "圏域の住民の移動手段を確保するため、路線バス及び鉄道の利用を促進し、"
         "交通結節点の機能を強化するとともに、地域の実情に応じた交通手段を検討する。",
         "路線の維持に向けた利用促進策を乙と連携して実施する。",
         "甲と連携し、町内の交通手段の確保に取り組む。"),
    ]),
    ("3 圏域全体の生活関連機能サービスの向上", [
        ("ア 子育て支援の充実",
         "圏域内の保育施設の広域利用を進め、子育て世帯が安心して暮らせる環境を整備する。",
         "広域利用の調整を行う。",
         "広域利用の調整に協力する。"),
        ("イ 職員の人材育成",
         "合同研修を実施し、圏域の行政課題に対応できる職員を育成する。",
         "合同研修を企画し、実施する。",
         "合同研修に職員を派遣する。"),
    ]),
]

# 分野 | 取組 | 取組内容 | 甲 | 乙 (役割分担 over the last two)
AOMORI_WIDTHS = [62, 92, 145, 76, 76]


def merged_cells_pdf(path: Path, repeat_header: bool = False) -> tuple[Path, int]:
    """The 青森市/平内町 agreement; with `repeat_header` both rows of the
    table's header are drawn again atop the next page (Word's "repeat as
    header row"). Returns the path and the page count."""
    sheet = Sheet(canvas.Canvas(str(path), pagesize=A4))
    page = [1]

    def furniture() -> None:
        sheet.text(sheet.width - MARGIN - 45, 40, "連携協約書", 9)
        sheet.centred(sheet.height - 50, f"- {page[0]} -", 9)

    def next_page() -> float:
        sheet.new_page()
        page[0] += 1
        furniture()
        return two_level_header(sheet, MARGIN, columns_at(AOMORI_WIDTHS)) if repeat_header else MARGIN

    furniture()
    top = flow(sheet, MARGIN, AOMORI_FRONT)
    top = flow(sheet, top + LEADING, ["別表（第2条関係）"])
    merged_table(sheet, top + 4, next_page)
    sheet.pdf.save()
    return path, page[0]


def merged_table(sheet: Sheet, top: float, next_page) -> None:
    """A ruled table whose 分野 cells span their rows; a row that does not
    fit goes to the next page, where the table goes on without its header."""
    xs = columns_at(AOMORI_WIDTHS)
    bottom_limit = sheet.height - 80
    top = two_level_header(sheet, top, xs)
    for section, rows in AOMORI_SECTIONS:
        section_top, drawn_section = top, False
        for n, row in enumerate(rows):
            cells = [wrap(text, w - 2 * PAD, CELL) for text, w in zip(row, AOMORI_WIDTHS[1:])]
            height = max(map(len, cells)) * CELL_LEADING + 2 * PAD
            if top + height > bottom_limit:  # the merged cell is cut: its text stays on this page
                if top > section_top:
                    drawn_section |= close_section_cell(sheet, section, section_top, top, xs, not drawn_section)
                sheet.hline(xs[0], xs[-1], top)
                top = section_top = next_page()
                sheet.hline(xs[0], xs[-1], top)
            for cell, x in zip(cells, xs[1:]):
                for k, line in enumerate(cell):
                    sheet.text(x + PAD, top + PAD + k * CELL_LEADING + 2, line, CELL)
            for x in xs[1:-1]:
                sheet.vline(x, top, top + height)
            top += height
            last = n == len(rows) - 1
            sheet.hline(xs[0] if last else xs[1], xs[-1], top)  # the 分野 cell has no rule inside
        close_section_cell(sheet, section, section_top, top, xs, not drawn_section)


def close_section_cell(sheet: Sheet, section: str, top: float, bottom: float, xs: list[float], draw: bool) -> bool:
    """The outer rules of a (part of a) merged 分野 cell, with its text
    centred vertically when it is drawn in this part."""
    sheet.vline(xs[0], top, bottom)
    sheet.vline(xs[-1], top, bottom)
    if draw:
        lines = wrap(section, xs[1] - xs[0] - 2 * PAD, CELL)
        start = (top + bottom) / 2 - len(lines) * CELL_LEADING / 2
        for k, line in enumerate(lines):
            sheet.text(xs[0] + PAD, start + k * CELL_LEADING + 2, line, CELL)
    return draw


def two_level_header(sheet: Sheet, top: float, xs: list[float]) -> float:
    """分野 | 取組 | 取組内容 each over two header rows; 役割分担 over 甲 | 乙."""
    half = CELL_LEADING + 2 * PAD
    bottom = top + 2 * half
    sheet.hline(xs[0], xs[-1], top)
    for x in xs[:4] + xs[-1:]:
        sheet.vline(x, top, bottom)
    sheet.vline(xs[4], top + half, bottom)
    sheet.hline(xs[3], xs[-1], top + half)
    for title, x0, x1 in zip(["分野", "取組", "取組内容"], xs, xs[1:]):
        sheet.centred(top + half - CELL / 2 - 1, title, CELL, x0, x1)
    sheet.centred(top + PAD + 2, "役割分担", CELL, xs[3], xs[5])
    sheet.centred(top + half + PAD + 2, "甲", CELL, xs[3], xs[4])
    sheet.centred(top + half + PAD + 2, "乙", CELL, xs[4], xs[5])
    sheet.hline(xs[0], xs[-1], bottom)
    return bottom


# -- 2. landscape 別表, page furniture, signatures side by side ------------------

KANAZAWA_ARTICLES = [
    "石川中央都市圏形成に係る連携協約",
    "",
    "金沢市（以下「甲」という。）及び津幡町（以下「乙」という。）は、連携中枢都市圏である"
    "石川中央都市圏（以下「圏域」という。）を形成するため、地方自治法（昭和22年法律第67号）"
    "第252条の2第1項の規定により、次のとおり連携協約を締結する。",
    "",
    "（目的）",
    "第1条 この連携協約は、甲及び乙が連携し、圏域の活性化を図ることを目的とする。",
    "（基本方針）",
    "第2条 甲及び乙は、前条に規定する目的を達成するため、次条に規定する取組について、相互に役割を分担し、"
    "連携を図るものとする。",
    "（連携する取組及び役割分担）",
    "第3条 甲及び乙が連携して取り組む事項及び役割分担は、別表に定めるとおりとする。",
    "（費用負担）",
    "第4条 前条に規定する取組を推進するために要する費用の負担については、甲及び乙が協議して別に定める。",
    "（連絡会議）",
    "第5条 甲及び乙の長は、この連携協約の推進に関し連絡調整を図るため、毎年度、連絡会議を開催するものとする。",
    "（協約の変更）",
    "第6条 この連携協約を変更しようとするときは、甲及び乙が協議の上、それぞれの議会の議決を経なければならない。",
    "（協約の廃止）",
    "第7条 甲又は乙は、この連携協約を廃止しようとするときは、あらかじめ議会の議決を経た上で、"
    "相手方に通告するものとする。",
    "2 この連携協約は、前項の規定による通告があった日から起算して2年を経過した日に、その効力を失う。",
    "（疑義の解決）",
    "第8条 この連携協約に定めのない事項又はこの連携協約に関し疑義が生じたときは、甲及び乙が協議して定める。",
]

KANAZAWA_CLOSING = "この協約の締結を証するため、本書2通を作成し、甲及び乙が記名押印の上、各自1通を保有する。"

KANAZAWA_ROWS = [
    ("取組", "取組内容", "甲の役割", "乙の役割"),
    ("ア 企業誘致の推進", "圏域への企業の立地を促進するため、工業団地の情報を一体的に発信し、立地を検討する企業への支援を行う。",
     "圏域の工業団地の情報を集約し、一体的に発信する。", "町内の工業団地の情報を甲に提供し、企業の誘致に協力する。"),
    ("イ 広域観光の推進", "圏域の観光資源を生かした周遊観光を推進し、交流人口の拡大を図る。",
     "周遊観光の企画及び情報発信を行う。", "町内の観光資源の情報を提供し、周遊観光の推進に協力する。"),
    ("ウ 地域医療の確保", "休日及び夜間の救急医療体制を確保するため、医療機関の連携を図る。",
     "休日夜間急病診療所を運営する。", "甲と連携し、住民への周知を行う。"),
    ("エ 図書館の相互利用", "圏域の住民が圏域内の図書館を相互に利用できるようにする。",
     "乙の住民の利用を受け入れる。", "甲の住民の利用を受け入れる。"),
]

KANAZAWA_WIDTHS = [150, 300, 125, 125]  # on a landscape page: 700 of 842 points


def landscape_appendix_pdf(path: Path, rotate: int = 0, turn: int = 0, ruled: bool = True) -> tuple[Path, int]:
    """The 金沢市/津幡町 agreement: portrait article pages, the 別表 on a
    landscape page (written with `rotate` and `turn` as Sheet.new_page
    takes them; ruled, or its cells set in columns without any rule);
    returns the path and the page count."""
    pages = 3
    sheet = Sheet(canvas.Canvas(str(path), pagesize=A4))

    def furniture(number: int) -> None:
        sheet.text(sheet.width - MARGIN - 45, 36, "連携協約書", 9)
        sheet.centred(sheet.height - 48, f"- {number} -", 9)
        sheet.text(sheet.width - MARGIN - 15, sheet.height - 48, f"{number}/{pages}", 9)

    furniture(1)
    top = flow(sheet, MARGIN, KANAZAWA_ARTICLES[:14])
    sheet.new_page()
    furniture(2)
    top = flow(sheet, MARGIN, KANAZAWA_ARTICLES[14:] + ["", KANAZAWA_CLOSING, ""])
    signatures_side_by_side(sheet, top + LEADING)
    sheet.new_page(landscape(A4), rotate, turn)
    furniture(3)
    top = flow(sheet, MARGIN - 20, ["別表（第3条関係）"])
    (ruled_table if ruled else unruled_table)(sheet, top + 4, KANAZAWA_ROWS, KANAZAWA_WIDTHS)
    sheet.pdf.save()
    return path, pages


def signatures_side_by_side(sheet: Sheet, top: float) -> None:
    """The date centred, then 甲's block on the left and 乙's on the right,
    each name followed by its seal."""
    sheet.centred(top, "令和4年3月25日")
    top += 2 * LEADING
    left, right = MARGIN, sheet.width / 2 + 10
    blocks = [(left, "甲", "石川県金沢市広坂一丁目1番1号", "金沢市", "金沢市長 村田 誠一"),
              (right, "乙", "石川県河北郡津幡町字加賀爪ニ3番地", "津幡町", "津幡町長 中川 和子")]
    for x, role, address, town, head in blocks:
        sheet.text(x, top, f"{role} {address}", 9.5)
        sheet.text(x + 2 * BODY, top + LEADING, town)
        sheet.text(x + 2 * BODY, top + 2 * LEADING, head)
        sheet.seal(x + 2 * BODY + pdfmetrics.stringWidth(head, FONT, BODY) + 8, top + 2 * LEADING - 3)


def ruled_table(sheet: Sheet, top: float, rows, widths: list[float]) -> float:
    """A plain ruled grid, cells wrapped inside their rules."""
    xs = columns_at(widths)
    sheet.hline(xs[0], xs[-1], top)
    return ruled_rows(sheet, top, rows, widths, xs)


def ruled_rows(sheet: Sheet, top: float, rows, widths: list[float], xs: list[float], size: float = CELL,
               leading: float = CELL_LEADING, pad: float = PAD, nudge: float = 2) -> float:
    """Rows of a ruled grid from `top` down, each cell wrapped inside its
    rules and the rule under each row drawn; the bottom of the last."""
    for row in rows:
        cells = [wrap(text, w - 2 * pad, size) for text, w in zip(row, widths)]
        height = max(map(len, cells)) * leading + 2 * pad
        for cell, x in zip(cells, xs):
            for k, line in enumerate(cell):
                sheet.text(x + pad, top + pad + k * leading + nudge, line, size)
        for x in xs:
            sheet.vline(x, top, top + height)
        top += height
        sheet.hline(xs[0], xs[-1], top)
    return top


def unruled_table(sheet: Sheet, top: float, rows, widths: list[float]) -> float:
    """The cells of ruled_table without a rule: columns stand apart by
    two and a half ems at least (a column gap, as layout.COLUMN_GAP reads
    one), rows by a line's gap."""
    xs = columns_at(widths)
    for row in rows:
        cells = [wrap(text, w - 2.5 * CELL, CELL) for text, w in zip(row, widths)]
        for cell, x in zip(cells, xs):
            for k, line in enumerate(cell):
                sheet.text(x, top + k * CELL_LEADING, line, CELL)
        top += (max(map(len, cells)) + 1) * CELL_LEADING
    return top


def vertical_writing_pdf(path: Path, lines: list[str], size: float = 12.0) -> Path:
    """縦書き on a portrait page: each line a column, the first at the right."""
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont(VERTICAL_FONT, size)
    for k, line in enumerate(lines):
        pdf.drawString(A4[0] - MARGIN - 2 * size * k, A4[1] - MARGIN, line)
    pdf.save()
    return path


# -- 3. characters placed one by one; tables without vertical rules or with fills --

TOWADA_FRONT = [
    "十和田市と六戸町との定住自立圏の形成に関する協定書",
    "",
    "十和田市（以下「甲」という。）と六戸町（以下「乙」という。）は、定住自立圏構想推進要綱に基づき、"
    "甲を中心市とし、乙をその周辺町村とする十和田・六戸定住自立圏（以下「圏域」という。）の形成に関し、"
    "次のとおり協定を締結する。",
    "",
    "（目的）",
    "第1条 この協定は、甲及び乙が相互に役割を分担し、連携を図ることにより、圏域全体の活性化を図り、"
    "住民が安心して暮らし続けることができる地域を形成することを目的とする。",
    "（連携する取組及び役割分担）",
    "第2条 甲及び乙が連携して取り組む事項及び役割分担は、別表第1及び別表第2のとおりとする。",
    "（協定の変更）",
    "第3条 この協定を変更しようとするときは、甲及び乙が協議の上、それぞれの議会の議決を経て定めるものとする。",
    "",
    "この協定の締結を証するため、本書2通を作成し、甲乙記名押印の上、各自その1通を保有する。",
    "",
    "平成30年10月1日",
    "",
    "甲 青森県十和田市西十二番町6番1号",
    "  十和田市長 高橋 昌平",
    "乙 青森県上北郡六戸町大字犬落瀬字前谷地60番地",
    "  六戸町長 三浦 洋子",
]

TOWADA_TABLE_1 = [
    ("取組", "取組の内容", "甲の役割", "乙の役割"),
    ("ア 救急医療体制の確保", "圏域の救急医療体制を確保するため、二次救急医療機関の運営を支援する。",
     "二次救急医療機関を運営する。", "運営に要する経費の一部を負担する。"),
    ("イ 地域公共交通の確保", "圏域の住民の通院及び通学の手段を確保するため、路線バスを運行する。",
     "路線バスの運行を支援する。", "甲と連携して利用を促進する。"),
]

TOWADA_TABLE_2 = [
    ("取組", "取組の内容", "甲の役割", "乙の役割"),
    ("ア 職員の交流", "合同研修を実施し、職員の資質の向上を図る。", "合同研修を企画し、実施する。", "合同研修に職員を派遣する。"),
    ("イ 移住の促進", "圏域への移住を促進するため、相談会を共同で開催する。", "相談会を企画し、運営する。", "相談会に参加し、町の情報を発信する。"),
]

TOWADA_WIDTHS = [100, 151, 100, 100]


def placed_chars_pdf(path: Path) -> tuple[Path, int]:
    """The 十和田市/六戸町 協定: every character drawn on its own; paragraph
    lines justified to the right margin; the title's characters in a
    shuffled order. Returns the path and the page count."""
    sheet = Sheet(canvas.Canvas(str(path), pagesize=A4))
    width = sheet.width - 2 * MARGIN
    title, *rest = TOWADA_FRONT
    order = list(range(len(title)))
    random.Random(7).shuffle(order)
    sheet.chars(MARGIN + 20, MARGIN, title, 12, order=order)
    top = MARGIN + 2 * LEADING
    for paragraph in rest:
        if not paragraph:
            top += LEADING / 2
            continue
        lines = wrap(paragraph, 0.8 * width, BODY)  # short lines, so justifying them spreads them well apart
        for k, line in enumerate(lines):
            last = k == len(lines) - 1
            extra = 0.0 if last else (width - pdfmetrics.stringWidth(line, FONT, BODY)) / max(1, len(line) - 1)
            sheet.chars(MARGIN, top, line, BODY, extra)
            top += LEADING
    sheet.new_page()
    top = flow(sheet, MARGIN, ["別表第1 生活機能の強化に係る政策分野（第2条関係）"])
    top = rules_only_across(sheet, top + 4, TOWADA_TABLE_1, TOWADA_WIDTHS)
    top = flow(sheet, top + LEADING, ["別表第2 圏域マネジメント能力の強化に係る政策分野（第2条関係）"])
    filled_header_table(sheet, top + 4, TOWADA_TABLE_2, TOWADA_WIDTHS)
    sheet.pdf.save()
    return path, 2


def cell_lines(sheet: Sheet, top: float, row, widths: list[float], xs: list[float]) -> float:
    """A row's cells wrapped and drawn character by character; its height."""
    cells = [wrap(text, w - 2 * PAD, CELL) for text, w in zip(row, widths)]
    for cell, x in zip(cells, xs):
        for k, line in enumerate(cell):
            sheet.chars(x + PAD, top + PAD + k * CELL_LEADING + 2, line, CELL)
    return max(map(len, cells)) * CELL_LEADING + 2 * PAD


def columns_at(widths: list[float], left: float = MARGIN) -> list[float]:
    """The x of each column's left rule, then the table's right one."""
    xs = [left]
    for w in widths:
        xs.append(xs[-1] + w)
    return xs


def rules_only_across(sheet: Sheet, top: float, rows, widths: list[float]) -> float:
    """Horizontal rules above, between and below the rows; no vertical ones."""
    xs = columns_at(widths)
    sheet.hline(xs[0], xs[-1], top, 1.2)
    for n, row in enumerate(rows):
        top += cell_lines(sheet, top, row, widths, xs)
        sheet.hline(xs[0], xs[-1], top, 1.2 if n == len(rows) - 1 else 0.5)
    return top


def filled_header_table(sheet: Sheet, top: float, rows, widths: list[float], header_fills: bool = True,
                        stripes: bool = True) -> float:
    """Header cells as grey rectangles with white gaps between them, body
    rows striped: no ruling line at all. Without `header_fills` the header
    row is white like every other body row; without `stripes` the body is
    all white."""
    xs = columns_at(widths)
    header, *body = rows
    height = CELL_LEADING + 2 * PAD
    if header_fills:
        for x, w in zip(xs, widths):
            sheet.fill(x + 0.75, top, w - 1.5, height, 0.8)
    cell_lines(sheet, top, header, widths, xs)
    top += height + 1.5
    for n, row in enumerate(body):
        cells = [wrap(text, w - 2 * PAD, CELL) for text, w in zip(row, widths)]
        row_height = max(map(len, cells)) * CELL_LEADING + 2 * PAD
        if stripes and n % 2 == 0:
            sheet.fill(xs[0], top, xs[-1] - xs[0], row_height, 0.93)
        cell_lines(sheet, top, row, widths, xs)
        top += row_height
    return top


# -- 4. towns sharing the role of 乙, each with its column under 乙の役割 -----------------

SHONAI_FRONT = [
    "庄内南部連携中枢都市圏形成に係る連携協約",
    "",
    # its first line ends with 、 set inside the margin, two ems short of it: 連 did not fit
    "鶴岡市（以下「甲」という。）並びに三川町及び庄内町（以下それぞれ「乙」という。）は、連携中枢都市圏である"
    "庄内南部連携中枢都市圏（以下「圏域」という。）を形成するため、地方自治法（昭和22年法律第67号）"
    "第252条の2第1項の規定により、次のとおり連携協約を締結する。",
    "",
    "（目的）",
    "第1条 この連携協約は、甲及び乙が連携し、圏域の活性化を図ることを目的とする。",
    "（基本方針）",
    "第2条 甲及び乙は、前条に規定する目的を達成するため、次条に規定する取組について、相互に役割を分担し、"
    "連携を図るものとする。",
    "（連携する取組及び役割分担）",
    "第3条 甲及び乙が連携して取り組む事項及び役割分担は、別表に定めるとおりとする。",
    "",
    "令和5年4月1日",
    "",
    "甲 山形県鶴岡市馬場町9番25号",
    "  鶴岡市長 皆川 治",
    "乙 山形県東田川郡三川町大字横山字西田85番地",
    "  三川町長 阿部 誠",
    "乙 山形県東田川郡庄内町余目字町132番地1",
    "  庄内町長 富樫 透",
]

SHONAI_ROWS = [
    ("ア 企業誘致の推進", "圏域への企業の立地を促進するため、工業団地の情報を一体的に発信する。",
     "工業団地の情報を集約し、一体的に発信する。", "町内の工業団地の情報を甲に提供する。", "町内の空き工場の情報を甲に提供する。"),
    ("イ 地域医療の確保", "休日及び夜間の救急医療体制を確保するため、医療機関の連携を図る。",
     "休日夜間急病診療所を運営する。", "住民への周知を行う。", "診療所の運営費の一部を負担する。"),
]

SHONAI_WIDTHS = [80, 150, 74, 74, 73]


def towns_sharing_role_pdf(path: Path) -> Path:
    """The 鶴岡市/三川町/庄内町 agreement: 三川町 and 庄内町 are both 乙; the
    別表's header gives 取組, 取組内容 and 甲の役割 over two rows and splits
    乙の役割 into a column per town."""
    sheet = Sheet(canvas.Canvas(str(path), pagesize=A4))
    top = flow(sheet, MARGIN, SHONAI_FRONT)
    top = flow(sheet, top + LEADING, ["別表（第3条関係）"])
    xs = columns_at(SHONAI_WIDTHS)
    half = CELL_LEADING + 2 * PAD
    top += 4
    sheet.hline(xs[0], xs[-1], top)
    for x in xs[:4] + xs[-1:]:
        sheet.vline(x, top, top + 2 * half)
    sheet.vline(xs[4], top + half, top + 2 * half)
    sheet.hline(xs[3], xs[-1], top + half)
    for title, x0, x1 in zip(["取組", "取組内容", "甲の役割"], xs, xs[1:]):
        sheet.centred(top + half - CELL / 2 - 1, title, CELL, x0, x1)
    sheet.centred(top + PAD + 2, "乙の役割", CELL, xs[3], xs[5])
    sheet.centred(top + half + PAD + 2, "三川町", CELL, xs[3], xs[4])
    sheet.centred(top + half + PAD + 2, "庄内町", CELL, xs[4], xs[5])
    ruled_table(sheet, top + 2 * half, SHONAI_ROWS, SHONAI_WIDTHS)
    sheet.pdf.save()
    return path


# -- 5. an A3 landscape 別表 in small type, three levels in three columns ------------------

HIMEJI_FRONT = [
    "播磨圏域連携中枢都市圏形成に係る連携協約",
    "",
    "姫路市（以下「甲」という。）と福崎町（以下「乙」という。）は、地方自治法（昭和22年法律第67号）"
    "第252条の2第1項の規定により、次のとおり連携協約を締結する。",
    "",
    "（連携する取組及び役割分担）",
    "第1条 甲及び乙が連携して取り組む事項及び役割分担は、別表のとおりとする。",
    "",
    "平成27年4月1日",
    "",
    "甲 兵庫県姫路市安田四丁目1番地",
    "  姫路市長 石見 利勝",
    "乙 兵庫県神崎郡福崎町南田原3116番地の1",
    "  福崎町長 嶋田 正義",
]

HIMEJI_ROWS = [
    ("1 圏域全体の経済成長のけん引", "(1) 産業振興", "ア 創業支援",
     "創業を希望する者に対し、圏域の支援機関が連携して相談及び融資のあっせんを行う。",
     "創業支援の拠点を運営し、相談に応じる。", "町内の創業希望者を甲の拠点に案内する。"),
    ("", "", "イ 企業誘致", "圏域への企業の立地を促進するため、工業団地の情報を一体的に発信する。",
     "工業団地の情報を集約し、発信する。", "町内の工業用地の情報を甲に提供する。"),
    ("", "(2) 観光振興", "ア 広域観光の推進", "圏域の観光資源を結ぶ周遊ルートを造成し、誘客を図る。",
     "周遊ルートを造成し、情報を発信する。", "町内の観光資源の情報を提供する。"),
    ("2 生活関連機能サービスの向上", "(1) 医療", "ア 救急医療体制の確保",
     "二次救急医療機関の運営を支援し、圏域の救急医療体制を確保する。",
     "二次救急医療機関の運営を支援する。", "運営に要する経費の一部を負担する。"),
]

HIMEJI_WIDTHS = [120, 100, 120, 400, 200, 200]  # on an A3 landscape page: 1,140 of 1,191 points
SMALL, SMALL_LEADING, SMALL_PAD = 7.5, 10.5, 3.0


def wide_appendix_pdf(path: Path) -> Path:
    """The 姫路市/福崎町 agreement: the articles on an A4 page, the 別表 on
    an A3 landscape page, its header over two rows."""
    sheet = Sheet(canvas.Canvas(str(path), pagesize=A4))
    flow(sheet, MARGIN, HIMEJI_FRONT)
    sheet.new_page(landscape(A3))
    sheet.text(25, 40, "別表（第1条関係）")
    xs = columns_at(HIMEJI_WIDTHS, left=25.0)
    top, half = 62.0, SMALL_LEADING + 2 * SMALL_PAD
    sheet.hline(xs[0], xs[-1], top)
    for x in xs[:5] + xs[-1:]:
        sheet.vline(x, top, top + 2 * half)
    sheet.vline(xs[5], top + half, top + 2 * half)
    sheet.hline(xs[4], xs[-1], top + half)
    for title, x0, x1 in zip(["分野", "施策", "取組", "取組内容"], xs, xs[1:]):
        sheet.centred(top + half - SMALL / 2, title, SMALL, x0, x1)
    sheet.centred(top + SMALL_PAD + 1, "役割分担", SMALL, xs[4], xs[6])
    sheet.centred(top + half + SMALL_PAD + 1, "甲", SMALL, xs[4], xs[5])
    sheet.centred(top + half + SMALL_PAD + 1, "乙", SMALL, xs[5], xs[6])
    top += 2 * half
    sheet.hline(xs[0], xs[-1], top)
    ruled_rows(sheet, top, HIMEJI_ROWS, HIMEJI_WIDTHS, xs, SMALL, SMALL_LEADING, SMALL_PAD, nudge=1)
    sheet.pdf.save()
    return path


# -- 6. a 分野 cell cut after its first row; a sheet printed two pages to a side ----------

MORIOKA_FRONT = [
    "いわて県央連携中枢都市圏形成に係る連携協約書",
    "",
    "盛岡市（以下「甲」という。）及び滝沢市（以下「乙」という。）は、連携中枢都市圏であるいわて県央連携中枢都市圏"
    "（以下「圏域」という。）を形成するため、地方自治法（昭和22年法律第67号）第252条の2第1項の規定により、"
    "次のとおり連携協約を締結する。",
    "",
    "（目的）",
    "第1条 この連携協約は、甲及び乙が連携し、圏域の活性化を図ることを目的とする。",
    "（基本方針）",
    "第2条 甲及び乙は、前条に規定する目的を達成するため、次条に規定する取組について、相互に役割を分担し、"
    "連携を図るものとする。",
    "（連携する取組及び役割分担）",
    "第3条 甲及び乙が連携して取り組む事項及び役割分担は、別表のとおりとする。",
    "（費用負担）",
    "第4条 前条に規定する取組を推進するために要する費用の負担については、甲及び乙が協議して別に定める。",
    "（協約の変更）",
    "第5条 この連携協約を変更しようとするときは、甲及び乙が協議の上、それぞれの議会の議決を経なければならない。",
    "（疑義の解決）",
    "第6条 この連携協約に定めのない事項又はこの連携協約に関し疑義が生じたときは、甲及び乙が協議して定める。",
    "",
    "この協約の締結を証するため、本書2通を作成し、甲及び乙が記名押印の上、各自1通を保有する。",
    "",
    "令和2年3月27日",
    "",
    "甲 岩手県盛岡市内丸12番2号",
    "  盛岡市長 谷藤 裕明",
    "乙 岩手県滝沢市中鵜飼55番地",
    "  滝沢市長 主濱 了",
]

# (分野, [(取組, 取組内容, 甲の役割, 乙の役割)]), each cell a list of the lines its writer broke it into
MORIOKA_SECTIONS = [
    ("1 経済成長のけん引", [
        (["ア 産業振興"], ["圏域の産業振興のため、次の事業を行う。", "・創業支援セミナーの開催", "・販路開拓の支援"],
         ["(1) セミナーを企画し、実施する。", "(2) 販路開拓の支援制度を運用する。"],
         ["(1) 町内の事業者に周知する。", "(2) 甲の支援制度の運用に協力する。"]),
        (["イ 観光振興"], ["圏域の観光資源を生かし、次に掲げる取組を行う。", "・周遊ルートの造成", "・外国人観光客の誘致"],
         ["周遊ルートを造成する。"], ["観光資源の情報を提供する。"]),
    ]),
    ("2 生活関連機能サービスの向上", [
        (["ア 医療"], ["救急医療体制の確保を図る。"], ["・夜間急病診療所の運営", "・医療従事者の確保"],
         ["・住民への周知", "・診療所運営費の負担"]),
        (["イ 教育"], ["図書館の相互利用を進める。"], ["乙の住民の利用を受け入れる。"], ["甲の住民の利用を受け入れる。"]),
    ]),
]
MORIOKA_HEADER = ("分野", "取組", "取組内容", "甲の役割", "乙の役割")
MORIOKA_WIDTHS = [70, 90, 150, 70, 70]


def section_cut_after_first_row_pdf(path: Path) -> Path:
    """The 盛岡市/滝沢市 agreement, its 別表 on a page of its own under a
    one-row header: the page breaks after the first measure, inside the
    merged cell of 分野 1, whose text stays on the first page; the next page
    opens with イ under an empty 分野 cell, without the header."""
    sheet = Sheet(canvas.Canvas(str(path), pagesize=A4))
    sheet.centred(sheet.height - 50, "- 1 -", 9)
    flow(sheet, MARGIN, MORIOKA_FRONT)
    sheet.new_page()
    sheet.centred(sheet.height - 50, "- 2 -", 9)
    top = flow(sheet, MARGIN, ["別表（第3条関係）"]) + 4
    xs = columns_at(MORIOKA_WIDTHS)
    height = CELL_LEADING + 2 * PAD
    sheet.hline(xs[0], xs[-1], top)
    for title, x0, x1 in zip(MORIOKA_HEADER, xs, xs[1:]):
        sheet.centred(top + PAD + 2, title, CELL, x0, x1)
    for x in xs:
        sheet.vline(x, top, top + height)
    top += height
    sheet.hline(xs[0], xs[-1], top)
    for s, (section, rows) in enumerate(MORIOKA_SECTIONS):
        section_top, drawn = top, False
        for n, row in enumerate(rows):
            if (s, n) == (0, 1):  # the page breaks inside 分野 1, its text drawn above the break
                drawn = close_section_cell(sheet, section, section_top, top, xs, True)
                sheet.hline(xs[0], xs[-1], top)
                sheet.new_page()
                sheet.centred(sheet.height - 50, "- 3 -", 9)
                top = section_top = MARGIN
                sheet.hline(xs[0], xs[-1], top)
            cells = [[part for line in cell for part in wrap(line, w - 2 * PAD, CELL)]
                     for cell, w in zip(row, MORIOKA_WIDTHS[1:])]
            for cell, x in zip(cells, xs[1:]):
                for k, line in enumerate(cell):
                    sheet.text(x + PAD, top + PAD + k * CELL_LEADING + 2, line, CELL)
            row_height = max(map(len, cells)) * CELL_LEADING + 2 * PAD
            for x in xs[1:-1]:
                sheet.vline(x, top, top + row_height)
            top += row_height
            sheet.hline(xs[0] if n == len(rows) - 1 else xs[1], xs[-1], top)  # none inside the 分野 cell
        close_section_cell(sheet, section, section_top, top, xs, not drawn)
    sheet.pdf.save()
    return path


def two_up_pdf(path: Path, numbers_right: bool = False) -> Path:
    """The 盛岡市/滝沢市 agreement's articles printed two A5 pages to each
    side of a landscape A4 sheet (a printer's "2 in 1"), each page with its
    own margins and its page number - N - centred under it (or N/3 at its
    right margin)."""
    pages = [MORIOKA_FRONT[:7], MORIOKA_FRONT[7:15], MORIOKA_FRONT[15:]]
    pdf = canvas.Canvas(str(path), pagesize=landscape(A4))
    width, height = A5
    size, leading, margin = 9.0, 14.0, 40.0
    for n, lines in enumerate(pages):
        half = Sheet(pdf, width, height)
        pdf.saveState()
        pdf.translate((n % 2) * width, 0)
        top = margin
        for paragraph in lines:
            if not paragraph:
                top += leading / 2
                continue
            for line in wrap(paragraph, width - 2 * margin, size):
                half.text(margin, top, line, size)
                top += leading
        if numbers_right:
            half.text(width - margin - pdfmetrics.stringWidth(f"{n + 1}/3", FONT, 8), height - 30, f"{n + 1}/3", 8)
        else:
            half.centred(height - 30, f"- {n + 1} -", 8)
        pdf.restoreState()
        if n % 2:
            pdf.showPage()
    pdf.save()
    return path
