import datetime as dt
import shutil
import subprocess
import sys

import pandas as pd
import pyarrow.parquet as pq

from pipeline.cli import main
from tests.conftest import seed

TABLES = ("documents", "parties", "articles", "paragraphs", "signatories", "appendix", "dates", "corrections")


def run_cli(*args) -> int:
    return main(["run", *map(str, args)])


def test_every_table_is_written_as_csv_with_bom_and_typed_parquet(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(seed("002"), raw)
    out = tmp_path / "out"
    assert run_cli(raw, "--out", out) == 0
    for name in TABLES:
        assert (out / f"{name}.csv").read_bytes().startswith(b"\xef\xbb\xbf"), name
        assert (out / f"{name}.parquet").exists(), name
    documents = pq.read_table(out / "documents.parquet")
    assert str(documents.schema.field("signed_date").type) == "date32[day]"
    assert str(documents.schema.field("n_articles").type) == "int64"
    assert documents.column("signed_date").to_pylist() == [dt.date(2016, 10, 11)]
    signatories = pq.read_table(out / "signatories.parquet")
    assert str(signatories.schema.field("redacted").type) == "bool"
    appendix = pd.read_csv(out / "appendix.csv", encoding="utf-8-sig")
    assert appendix["source_lines"].iloc[0] == "66-69"  # measure line 66, its three keys 67-69
    assert list(appendix.columns)[9:15] == ["role_a", "role_b", "role_c", "role_b_others", "note", "source_lines"]
    assert appendix["role_c"].isna().all()  # two parties: no 丙
    assert not list(out.glob(".*.tmp"))


def test_bad_files_get_failed_rows_and_the_batch_goes_on(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(seed("004"), raw)
    (raw / "empty.txt").write_bytes(b"")
    (raw / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (raw / "garbage.txt").write_bytes(b"\x82\xa0\xff\xfe\xfd\x80" * 30)
    (raw / "shopping.txt").write_text("牛乳を買う。\n卵を買う。\n", encoding="utf-8")
    out = tmp_path / "out"
    assert run_cli(raw, "--out", out) == 3  # exit status: how many failed
    documents = pd.read_csv(out / "documents.csv", encoding="utf-8-sig", keep_default_na=False).set_index("doc_id")
    assert documents.loc["empty", "status"] == "failed"
    assert "empty file" in documents.loc["empty", "warnings"]
    assert "binary file" in documents.loc["binary", "warnings"]
    assert "undecodable" in documents.loc["garbage", "warnings"]
    assert documents.loc["shopping", "status"] == "partial"
    assert "no agreement found" in documents.loc["shopping", "warnings"]
    assert documents.loc["004_cb63bec31c77b4d0", "status"] == "ok"
    appendix = pd.read_csv(out / "appendix.csv", encoding="utf-8-sig")
    assert set(appendix["doc_id"]) == {"004_cb63bec31c77b4d0"}


def test_show_prints_one_document_readably(capsys):
    assert main(["show", str(seed("001"))]) == 0
    shown = capsys.readouterr().out
    assert "山口県央連携都市圏域形成に係る連携協約" in shown
    assert "signed:      2017-03-30" in shown
    assert "第6条(連携協約の変更等)" in shown


def test_show_labels_a_branch_article_as_written(capsys, tmp_path):
    source = tmp_path / "branch.txt"
    source.write_text("連携協約書\n甲市(以下「甲」という。)と乙町(以下「乙」という。)は、次のとおり締結する。\n"
                      "第2条 甲及び乙は協力する。\n第2条の2 甲及び乙は協議する。\n", encoding="utf-8")
    assert main(["show", str(source)]) == 0
    shown = capsys.readouterr().out
    assert "  第2条の2  甲及び乙は協議する。" in shown and "条の2条" not in shown


def test_show_piped_into_a_reader_that_stops_early_ends_without_a_traceback(tmp_path):
    # kyoyaku show FILE | head: more than a pipe holds, the reader closes after one line
    source = tmp_path / "long.txt"
    source.write_text("連携協約書\n" + "第1条 甲及び乙は、圏域の発展のため相互に協力するものとする。\n" * 3000, encoding="utf-8")
    shown = subprocess.Popen([sys.executable, "-m", "pipeline", "show", str(source), "--dump", "ingest"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    first = shown.stdout.readline()
    shown.stdout.close()
    errors = shown.stderr.read().decode()
    assert shown.wait() == 0 and "連携協約書" in first.decode()
    assert "Traceback" not in errors and "BrokenPipeError" not in errors


def test_show_dumps_a_stage_with_source_line_numbers(capsys):
    assert main(["show", str(seed("004")), "--dump", "segment"]) == 0
    dumped = capsys.readouterr().out
    assert "== title  [13]\n   13 青森市及び今別町における連携中枢都市圏の形成に係る連携協約" in dumped
    assert "== signatory 甲 [49-51]" in dumped
