"""OUT/kyoyaku.xlsx read back with openpyxl and pandas, and `--headers ja`.

Expected values are read off the bundled samples: 001 (山口市・美祢市) is
signed 平成29年3月30日 (source line 38), 000's 甲 山形市 has the code 062014.
"""
from __future__ import annotations

import datetime as dt

import openpyxl
import pandas as pd
import pytest
from openpyxl.utils import get_column_letter

from pipeline.cli import main
from pipeline.headers import JA_HEADERS, header_names
from pipeline.tables import SCHEMAS, TABLE_NAMES, typed_frame
from pipeline.workbook import MAX_WIDTH, write_workbook
from tests.conftest import RAW


def run_to(out_dir, *options) -> None:
    assert main(["run", str(RAW), "--out", str(out_dir), *options]) == 0


@pytest.fixture(scope="module")
def english_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("out_en")
    run_to(out)
    return out


@pytest.fixture(scope="module")
def japanese_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("out_ja")
    run_to(out, "--headers", "ja")
    return out


def csv_of(out_dir, table: str) -> pd.DataFrame:
    return pd.read_csv(out_dir / f"{table}.csv", encoding="utf-8-sig", dtype=str, keep_default_na=False)


def sheet_header(sheet) -> list[str]:
    return [cell.value for cell in next(sheet.iter_rows(min_row=1, max_row=1))]


def column_of(sheet, header: str) -> int:
    return sheet_header(sheet).index(header) + 1


def column_width(sheet, col: int) -> float:
    """openpyxl keeps grouped <col min max> ranges under their first letter."""
    for dims in sheet.column_dimensions.values():
        if dims.min <= col <= dims.max:
            return dims.width
    raise AssertionError(f"column {col} has no width set")


def test_one_sheet_per_table_named_like_the_csv_files(english_run):
    book = openpyxl.load_workbook(english_run / "kyoyaku.xlsx")
    assert book.sheetnames == list(TABLE_NAMES)
    assert all((english_run / f"{name}.csv").exists() for name in book.sheetnames)


def test_every_sheet_has_the_csv_header_frozen_and_filtered(english_run):
    book = openpyxl.load_workbook(english_run / "kyoyaku.xlsx")
    for name in TABLE_NAMES:
        sheet, csv = book[name], csv_of(english_run, name)
        assert sheet_header(sheet) == list(csv.columns) == list(SCHEMAS[name])
        assert sheet.freeze_panes == "A2"
        last_column = get_column_letter(len(csv.columns))
        assert sheet.auto_filter.ref == f"A1:{last_column}{max(len(csv), 1) + 1}"


def test_row_counts_equal_the_csv_files(english_run):
    sheets = pd.read_excel(english_run / "kyoyaku.xlsx", sheet_name=None)
    for name in TABLE_NAMES:
        assert len(sheets[name]) == len(csv_of(english_run, name)), name
    assert len(sheets["documents"]) == 5
    assert len(sheets["appendix"]) > 50  # 別表 rows of five agreements


def test_dates_are_excel_dates_and_counts_are_numbers(english_run):
    book = openpyxl.load_workbook(english_run / "kyoyaku.xlsx")
    documents = book["documents"]
    row = next(r for r in documents.iter_rows(min_row=2) if r[0].value == "001_37a5c5a8a2ee1a5b")
    signed = row[column_of(documents, "signed_date") - 1]
    assert signed.is_date and signed.value == dt.datetime(2017, 3, 30)  # 平成29年3月30日
    assert signed.number_format == "yyyy-mm-dd"
    articles = row[column_of(documents, "n_articles") - 1]
    assert articles.data_type == "n" and articles.value == 6  # 第1条 … 第6条

    frames = pd.read_excel(english_run / "kyoyaku.xlsx", sheet_name=None)
    assert pd.api.types.is_datetime64_any_dtype(frames["documents"]["signed_date"])
    assert pd.api.types.is_datetime64_any_dtype(frames["dates"]["date"])
    for column in ("n_articles", "n_paragraphs", "n_appendix_rows", "n_warnings"):
        assert pd.api.types.is_integer_dtype(frames["documents"][column]), column
    assert pd.api.types.is_integer_dtype(frames["dates"]["line_no"])
    assert pd.api.types.is_integer_dtype(frames["appendix"]["row_no"])


def test_municipality_codes_keep_their_leading_zero(english_run):
    documents = openpyxl.load_workbook(english_run / "kyoyaku.xlsx")["documents"]
    row = next(r for r in documents.iter_rows(min_row=2) if r[0].value == "000_e851971be3e62e32")
    code = row[column_of(documents, "party_a_code") - 1]
    assert (code.data_type, code.value) == ("s", "062014")  # 山形市


def test_long_text_wraps_and_short_columns_stay_narrow(english_run):
    appendix = openpyxl.load_workbook(english_run / "kyoyaku.xlsx")["appendix"]
    content = column_of(appendix, "content")
    assert appendix.cell(row=2, column=content).alignment.wrap_text
    assert MAX_WIDTH <= column_width(appendix, content) <= MAX_WIDTH + 1
    label = column_of(appendix, "label")
    assert column_width(appendix, label) < 12
    assert not appendix.cell(row=2, column=label).alignment.wrap_text


def test_japanese_headers_in_csv_and_workbook_alike(japanese_run):
    book = openpyxl.load_workbook(japanese_run / "kyoyaku.xlsx")
    appendix = sheet_header(book["appendix"])
    assert {"施策", "取組内容", "甲の役割", "乙の役割"} <= set(appendix)
    assert "締結日" in sheet_header(book["documents"])
    assert "職名" in sheet_header(book["signatories"])  # a signatory's title is a post, not a 表題
    for name in TABLE_NAMES:
        assert sheet_header(book[name]) == list(csv_of(japanese_run, name).columns), name
    signed = pd.read_excel(japanese_run / "kyoyaku.xlsx", sheet_name="documents")["締結日"]
    assert pd.api.types.is_datetime64_any_dtype(signed)


def test_parquet_keeps_snake_case_under_japanese_headers(japanese_run):
    frame = pd.read_parquet(japanese_run / "appendix.parquet")
    assert list(frame.columns) == list(SCHEMAS["appendix"])


def test_every_column_has_a_distinct_japanese_header():
    for name, schema in SCHEMAS.items():
        headers = header_names(name, schema, "ja")
        missing = [column for column in schema if column not in JA_HEADERS]
        assert not missing, f"{name}: no Japanese header for {missing}"
        assert len(set(headers)) == len(headers), f"{name}: duplicate headers {headers}"


def test_unknown_header_style_is_refused():
    with pytest.raises(ValueError, match="unknown header style"):
        header_names("documents", ["doc_id"], "fr")
    with pytest.raises(SystemExit):
        main(["run", str(RAW), "--headers", "fr"])


def test_text_that_looks_like_a_formula_stays_text(tmp_path):
    frame = typed_frame([{"doc_id": "x", "line_no": 3, "original": "=HYPERLINK(\"http://x\")",
                          "corrected": "+1", "rule": "ocr", "evidence": "", "confidence": 0.5}],
                        SCHEMAS["corrections"])
    write_workbook({"corrections": frame}, tmp_path / "book.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "book.xlsx")["corrections"]
    row = {h: c for h, c in zip(sheet_header(sheet), next(sheet.iter_rows(min_row=2)))}
    assert (row["original"].data_type, row["original"].value) == ("s", "=HYPERLINK(\"http://x\")")
    assert row["corrected"].value == "+1" and row["line_no"].value == 3
    assert row["confidence"].value == 0.5
