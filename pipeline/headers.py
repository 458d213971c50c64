"""Column headers for people: English snake_case (the default) or Japanese.

The table schemas in pipeline/tables.py name every column in snake_case;
this is the one place that says what each column is called in Japanese, for
CSV files and the workbook when the user asks for `--headers ja`. Parquet
always keeps the snake_case names, since programs read it.
"""
from __future__ import annotations

HEADER_STYLES = ("en", "ja")

JA_HEADERS: dict[str, str] = {
    # documents
    "doc_id": "文書ID", "source_file": "元ファイル", "sha256": "SHA-256", "duplicate_of": "重複元", "format": "形式",
    "doc_type": "文書種別", "title": "表題", "area_name": "圏域名",
    "party_a": "甲", "party_a_code": "甲の団体コード", "party_b": "乙", "party_b_code": "乙の団体コード",
    "signed_date": "締結日", "n_articles": "条数", "n_paragraphs": "項数", "n_signatories": "署名者数",
    "n_appendix_rows": "別表行数", "n_corrections": "訂正数", "n_warnings": "警告数",
    "status": "状態", "warnings": "警告",
    # parties, signatories
    "role": "当事者", "municipality": "市町村", "municipality_code": "団体コード",
    "address": "住所", "name": "氏名", "family_name": "姓", "given_name": "名", "redacted": "黒塗り",
    # articles, paragraphs
    "position": "順番", "article_no": "条番号", "number": "条", "branch": "枝番号", "caption": "見出し",
    "text": "本文", "paragraph_no": "項番号", "source_lines": "元の行", "source_pages": "元のページ",
    # appendix (別表)
    "row_no": "通し番号", "section_no": "分野番号", "section_title": "政策分野",
    "subsection_no": "小分野番号", "subsection_title": "小分野", "label": "記号", "measure": "施策",
    "content": "取組内容", "role_a": "甲の役割", "role_b": "乙の役割", "role_c": "丙の役割",
    "role_b_others": "乙の役割(他の市町村)", "note": "備考",
    # dates, corrections
    "kind": "種別", "date": "日付", "raw": "原文", "line_no": "行番号",
    "original": "訂正前", "corrected": "訂正後", "rule": "規則", "evidence": "根拠", "confidence": "確信度",
}
# The same column name means something else in these tables.
JA_HEADERS_BY_TABLE: dict[str, dict[str, str]] = {
    "signatories": {"title": "職名"},
}


def header_names(table: str, columns, style: str = "en") -> list[str]:
    """The headers to print for these snake_case columns of a table in the
    given style. A column without a Japanese name keeps its snake_case name
    rather than failing a run (a test checks that every column has one)."""
    if style not in HEADER_STYLES:
        raise ValueError(f"unknown header style {style!r}: choose one of {', '.join(HEADER_STYLES)}")
    if style == "en":
        return list(columns)
    names = {**JA_HEADERS, **JA_HEADERS_BY_TABLE.get(table, {})}
    return [names.get(column, column) for column in columns]
