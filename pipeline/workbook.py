"""tables -> OUT/kyoyaku.xlsx: the same tables as the CSVs, ready for Excel.

One sheet per table, named like its CSV file. Every sheet has its header row
frozen and an autofilter, columns wide enough to read, long text wrapped,
dates written as Excel dates and counts as numbers (a CSV opened in Excel
guesses these and sometimes guesses wrong: codes like 022012 lose their
leading zero, which is why codes stay text here).
"""
from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

import pandas as pd
import xlsxwriter

from pipeline.headers import header_names
from pipeline.tables import SCHEMAS

WORKBOOK_NAME = "kyoyaku.xlsx"
MAX_WIDTH = 60  # characters; wider text wraps instead
MIN_WIDTH = 6
WIDTH_SAMPLE_ROWS = 2000  # widths are judged on the first rows only, to stay fast


def write_workbook(frames: dict[str, pd.DataFrame], path: Path, headers: str = "en") -> None:
    """Write one sheet per table frame (columns as in SCHEMAS) to path."""
    workbook = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    formats = {
        "header": workbook.add_format({"bold": True, "bg_color": "#DDE4EE", "text_wrap": True,
                                       "valign": "top", "border": 1}),
        "date": workbook.add_format({"num_format": "yyyy-mm-dd", "valign": "top"}),
        "text": workbook.add_format({"valign": "top"}),
        "wrap": workbook.add_format({"valign": "top", "text_wrap": True}),
    }
    try:
        for name, frame in frames.items():
            write_sheet(workbook, formats, name, frame, headers)
    finally:
        workbook.close()


def write_sheet(workbook, formats, name: str, frame: pd.DataFrame, headers: str) -> None:
    sheet = workbook.add_worksheet(name)
    schema = SCHEMAS[name]
    titles = header_names(name, frame.columns, headers)
    widths = column_widths(frame, titles)
    for col, (column, title) in enumerate(zip(frame.columns, titles)):
        cell_format = formats["wrap"] if widths[col] >= MAX_WIDTH else formats["text"]
        if schema[column] == "date":
            cell_format = formats["date"]
        sheet.set_column(col, col, widths[col], cell_format)
        sheet.write_string(0, col, title, formats["header"])
    # constant_memory mode writes row by row, so cells go out in row order.
    for row, values in enumerate(frame.itertuples(index=False, name=None), 1):
        for col, (column, value) in enumerate(zip(frame.columns, values)):
            write_cell(sheet, row, col, schema[column], value, formats)
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, max(len(frame), 1), max(len(frame.columns) - 1, 0))


def write_cell(sheet, row: int, col: int, dtype: str, value, formats) -> None:
    """Each schema type as its own Excel type; missing values stay empty."""
    if is_missing(value):
        return
    if dtype == "date" and isinstance(value, dt.date):
        sheet.write_datetime(row, col, dt.datetime(value.year, value.month, value.day), formats["date"])
    elif dtype in ("Int64", "float64"):
        sheet.write_number(row, col, value)
    elif dtype == "boolean":
        sheet.write_boolean(row, col, bool(value))
    else:  # write_string: text that starts with "=" must not become a formula
        sheet.write_string(row, col, str(value))


def column_widths(frame: pd.DataFrame, titles: list[str]) -> list[float]:
    """Width per column from its header and its longest (sampled) value,
    counting full-width characters double, as Excel displays them."""
    sample = frame.head(WIDTH_SAMPLE_ROWS)
    widths = []
    for column, title in zip(frame.columns, titles):
        longest = max((display_width(str(v)) for v in sample[column] if not is_missing(v)), default=0)
        widths.append(min(max(display_width(title) + 2, longest + 1, MIN_WIDTH), MAX_WIDTH))
    return widths


def display_width(text: str) -> int:
    first_line = max(text.split("\n"), key=len) if text else ""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in first_line)


def is_missing(value) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value))
