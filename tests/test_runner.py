"""Batch runs over an archive: parallel, incremental, resumable, visible.

Faults inside a document (an exception, a hang, memory exhaustion, a dead
worker) are injected by wrapping a stage for one file name: the workers are
forked from the test process, so they run the wrapped stage.
"""
import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from pipeline import manifest as manifest_module
from pipeline import runner, workers
from pipeline.cli import main
from pipeline.progress import Progress, pick_mode
from pipeline.tables import TABLE_NAMES, documents_to_frames
from pipeline.write import write_tables
from tests.batch import (TABLE_FILES, archive_of, documents, report_of, rows_of_seeds, run_cli, seed_archive,
                         table_bytes)
from tests.conftest import ROOT, SEEDS, seed

def fault_in_a_stage(monkeypatch, name: str, fault) -> None:
    """Make the normalize stage run fault() on the file called `name`."""
    from pipeline import normalize as stage
    normalize = stage.normalize

    def faulty(source):
        if Path(source.path).name == name:
            fault()
        return normalize(source)
    monkeypatch.setattr(stage, "normalize", faulty)


def test_tables_are_byte_identical_whatever_jobs_or_discovery_order(tmp_path, monkeypatch):
    archive = seed_archive(tmp_path / "archive")
    assert run_cli(archive, "--out", tmp_path / "one", "--jobs", 1) == 0
    assert run_cli(archive, "--out", tmp_path / "two", "--jobs", 2) == 0
    found_first = runner.discover
    monkeypatch.setattr(runner, "discover", lambda *args: list(reversed(found_first(*args))))
    assert run_cli(archive, "--out", tmp_path / "reversed", "--jobs", 2) == 0
    expected = table_bytes(tmp_path / "one")
    assert table_bytes(tmp_path / "two") == expected
    assert table_bytes(tmp_path / "reversed") == expected
    ids = documents(tmp_path / "one").index.tolist()
    assert ids == sorted(ids) and len(ids) == 5
    articles = pd.read_csv(tmp_path / "one" / "articles.csv", encoding="utf-8-sig")
    assert list(articles["doc_id"]) == sorted(articles["doc_id"])  # by doc_id, then position
    for _, group in articles.groupby("doc_id"):
        assert list(group["position"]) == list(range(1, len(group) + 1))


def test_csv_and_parquet_are_those_the_table_writer_makes(tmp_path):
    """The batch renders CSV itself (much faster per document than a
    DataFrame each); the bytes must be those of write.write_tables."""
    archive = seed_archive(tmp_path / "archive")
    out = tmp_path / "out"
    assert run_cli(archive, "--out", out) == 0
    docs = [runner.process_file(path) for path in runner.discover([archive])]
    reference = tmp_path / "reference"
    frames = documents_to_frames(docs)
    write_tables(frames, reference)
    for name in TABLE_NAMES:
        assert (out / f"{name}.csv").read_bytes() == (reference / f"{name}.csv").read_bytes(), name
        ours = pd.read_parquet(out / f"{name}.parquet")
        theirs = pd.read_parquet(reference / f"{name}.parquet")
        pd.testing.assert_frame_equal(ours, theirs, check_dtype=True)
        assert dict(ours.dtypes.astype(str)) == dict(theirs.dtypes.astype(str)), name


def test_unchanged_archive_is_neither_extracted_nor_rewritten(tmp_path, monkeypatch):
    archive = seed_archive(tmp_path / "archive")
    out = tmp_path / "out"
    assert run_cli(archive, "--out", out) == 0
    first_set = (out / "current").resolve()
    before = table_bytes(out)
    (archive / SEEDS[3].name).touch()  # a new mtime, the same bytes

    monkeypatch.setattr(workers, "file_rows", lambda path: pytest.fail(f"{path} was extracted again"))
    assert run_cli(archive, "--out", out) == 0
    report = report_of(out)
    assert (report["processed"], report["reused"], report["tables_rewritten"]) == (0, 5, False)
    assert (out / "current").resolve() == first_set
    assert table_bytes(out) == before
    lines = (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines()
    touched = [json.loads(line) for line in lines[1:]]  # after the header line
    stat = os.stat(archive / SEEDS[3].name)
    entry = next(e for e in touched if e["path"].endswith(SEEDS[3].name))
    assert entry["stat"][1] == stat.st_mtime_ns  # remembered: the next run does not hash it again


def test_a_changed_file_replaces_its_rows_a_deleted_one_loses_them_a_new_one_is_added(tmp_path):
    archive = seed_archive(tmp_path / "archive")
    out = tmp_path / "out"
    assert run_cli(archive, "--out", out) == 0
    changed = archive / SEEDS[2].name
    text = changed.read_text(encoding="utf-8")
    assert "連携中枢都市圏" in text
    changed.write_text(text.replace("連携中枢都市圏", "連携中核都市圏"), encoding="utf-8")
    (archive / "2017" / SEEDS[0].name).unlink()
    (archive / "added.txt").write_bytes(seed("004").read_bytes() + "\n(写し)\n".encode())

    assert run_cli(archive, "--out", out) == 0
    report = report_of(out)
    assert report["processed"] == 2 and report["files"] == 5  # the changed and the added file
    docs = documents(out)
    assert SEEDS[0].stem not in docs.index
    assert "added" in docs.index
    assert docs.loc[SEEDS[2].stem, "title"] == "岡山市及び和気町における連携中核都市圏形成に係る連携協約"  # line 10
    # Incremental tables are exactly those a first run over the same archive writes.
    assert run_cli(archive, "--out", tmp_path / "fresh") == 0
    assert table_bytes(out) == table_bytes(tmp_path / "fresh")


def test_force_and_a_new_pipeline_version_reprocess_everything(tmp_path, monkeypatch):
    archive = seed_archive(tmp_path / "archive")
    out = tmp_path / "out"
    assert run_cli(archive, "--out", out) == 0
    assert run_cli(archive, "--out", out, "--force") == 0
    assert report_of(out)["processed"] == 5
    monkeypatch.setattr(runner, "pipeline_version", lambda: "0.1.0+somethingelse")
    assert run_cli(archive, "--out", out) == 0
    assert report_of(out)["processed"] == 5
    assert report_of(out)["pipeline_version"] == "0.1.0+somethingelse"
    assert [p.name for p in (out / ".cache").iterdir()] == ["0.1.0+somethingelse"]  # old results dropped


def test_pipeline_version_follows_the_stage_sources_not_the_batch_modules(tmp_path, monkeypatch):
    package = tmp_path / "pipeline"
    package.mkdir()
    (package / "normalize.py").write_text("RULE = 1\n")
    (package / "cli.py").write_text("FLAG = 1\n")
    files = lambda: tuple((f"pipeline/{p.name}", p) for p in sorted(package.iterdir()))  # noqa: E731

    def versions():
        manifest_module.pipeline_version.cache_clear()
        manifest_module.output_version.cache_clear()
        monkeypatch.setattr(manifest_module, "source_files", files)
        return manifest_module.pipeline_version(), manifest_module.output_version()

    first_pipeline, first_output = versions()
    (package / "cli.py").write_text("FLAG = 2\n")
    second_pipeline, second_output = versions()
    assert second_pipeline == first_pipeline and second_output != first_output
    (package / "normalize.py").write_text("RULE = 2\n")
    third_pipeline, _ = versions()
    assert third_pipeline != first_pipeline
    manifest_module.pipeline_version.cache_clear()
    manifest_module.output_version.cache_clear()


def test_identical_files_under_two_names_are_both_listed_with_duplicate_of(tmp_path):
    archive = archive_of(tmp_path / "archive", {"a_original.txt": seed("001"), "b_copy.txt": seed("001"),
                                                 "other.txt": seed("002")})
    out = tmp_path / "out"
    assert run_cli(archive, "--out", out) == 0
    docs = documents(out)
    assert docs.loc["b_copy", "duplicate_of"] == "a_original"
    assert docs.loc["a_original", "duplicate_of"] == ""
    assert docs.loc["other", "duplicate_of"] == ""
    assert docs.loc["a_original", "sha256"] == docs.loc["b_copy", "sha256"]
    articles = pd.read_csv(out / "articles.csv", encoding="utf-8-sig")
    counts = articles["doc_id"].value_counts()
    assert counts["a_original"] == counts["b_copy"] == 6  # 第1条 … 第6条 in sample 001
    assert report_of(out)["duplicates"] == 1


def test_same_file_name_in_two_folders_gets_two_doc_ids(tmp_path):
    archive = archive_of(tmp_path / "archive", {"2016/kyoyaku.txt": seed("001"), "2018/kyoyaku.txt": seed("002")})
    out = tmp_path / "out"
    assert run_cli(archive, "--out", out) == 0
    ids = set(documents(out).index)
    assert ids == {f"{archive.as_posix()}/2016/kyoyaku", f"{archive.as_posix()}/2018/kyoyaku"}


@pytest.mark.parametrize("fault, reason", [
    (lambda: 1 / 0, "internal error: ZeroDivisionError"),
    (lambda: time.sleep(60), "timed out: still running after the per-file limit of 1 s"),
    (lambda: bytearray(2 * 2**30), "out of memory"),
    (lambda: os.kill(os.getpid(), signal.SIGKILL), "worker process died (killed by SIGKILL)"),
], ids=["raises", "hangs", "exhausts-memory", "worker-dies"])
def test_a_document_that_fails_becomes_a_failed_row_and_the_batch_goes_on(tmp_path, monkeypatch, fault, reason):
    archive = seed_archive(tmp_path / "archive")
    (archive / "bad.txt").write_bytes(seed("003").read_bytes() + "\n(写し)\n".encode())
    fault_in_a_stage(monkeypatch, "bad.txt", fault)
    out = tmp_path / "out"
    assert run_cli(archive, "--out", out, "--timeout", 1, "--memory", 300) == 1
    docs = documents(out)
    assert docs.loc["bad", "status"] == "failed"
    assert reason in docs.loc["bad", "warnings"]
    assert (docs.drop(index="bad")["status"] == "ok").all() and len(docs) == 6
    assert run_cli(seed_archive(tmp_path / "alone"), "--out", tmp_path / "alone_out") == 0
    assert rows_of_seeds(out) == rows_of_seeds(tmp_path / "alone_out")
    articles = pd.read_parquet(out / "articles.parquet")
    assert "bad" not in set(articles["doc_id"])


@pytest.mark.parametrize("fault, reason", [
    (lambda: time.sleep(60), "timed out: still running after the per-file limit of 2 s"),
    (lambda: os.kill(os.getpid(), signal.SIGKILL), "worker process died (killed by SIGKILL)"),
], ids=["hangs", "worker-dies"])
def test_a_batch_that_fails_as_a_whole_is_run_again_a_file_at_a_time(tmp_path, monkeypatch, fault, reason):
    """Small files travel in batches; the files that shared a batch with a
    file that hangs or kills its worker are read again one by one, and only
    that file fails."""
    files = {f"doc{i:02d}.txt": seed(f"00{i % 5}").read_bytes() + f"\n({i})\n".encode() for i in range(40)}
    archive = archive_of(tmp_path / "archive", files)
    assert len(workers.batches([workers.Task(str(p), "", 1) for p in sorted(archive.glob("*.txt"))], 1)) < 40
    fault_in_a_stage(monkeypatch, "doc17.txt", fault)
    out = tmp_path / "out"
    assert run_cli(archive, "--out", out, "--jobs", 1, "--timeout", 2) == 1
    docs = documents(out)
    assert docs.loc["doc17", "status"] == "failed" and reason in docs.loc["doc17", "warnings"]
    assert (docs.drop(index="doc17")["status"] == "ok").all() and len(docs) == 40


def test_a_failure_from_a_limit_is_retried_when_the_limit_changes(tmp_path, monkeypatch):
    archive = archive_of(tmp_path / "archive", {"slow.txt": seed("001")})
    out = tmp_path / "out"

    def slow():
        time.sleep(1.5)
    fault_in_a_stage(monkeypatch, "slow.txt", slow)
    assert run_cli(archive, "--out", out, "--timeout", 0.5) == 1
    assert run_cli(archive, "--out", out, "--timeout", 0.5) == 1
    assert report_of(out)["processed"] == 0  # same limit: the recorded failure stands
    assert run_cli(archive, "--out", out, "--timeout", 10) == 0
    assert documents(out).loc["slow", "status"] == "ok"


def interrupted_run_script(archive: Path, out: Path, victim: str, how: str) -> str:
    """A kyoyaku run whose per-file step, on the file `victim`, kills the
    runner (kill -9) or waits to be interrupted (Ctrl-C)."""
    return textwrap.dedent(f"""
        import os, signal, sys, time
        from pathlib import Path
        from pipeline import workers
        from pipeline.results import file_rows

        def step(path):
            if Path(path).name == {victim!r}:
                if {how!r} == "kill":
                    os.kill(os.getppid(), signal.SIGKILL)
                Path({str(out)!r}, "victim-started").touch()
                time.sleep(60)
            return file_rows(path)

        workers.file_rows = step
        from pipeline.cli import main
        sys.exit(main(["run", {str(archive)!r}, "--out", {str(out)!r}, "--jobs", "2", "--quiet"]))
    """)


@pytest.mark.parametrize("how", ["kill", "ctrl-c"])
def test_an_interrupted_run_leaves_the_previous_tables_and_the_next_run_continues(tmp_path, how):
    archive = seed_archive(tmp_path / "archive")
    out = tmp_path / "out"
    assert run_cli(archive, "--out", out) == 0
    previous = table_bytes(out)
    for i in range(12):  # new files; the victim is the smallest, so it is started last
        shutil.copy(SEEDS[i % 5], archive / f"new_{i:02d}.txt")
        (archive / f"new_{i:02d}.txt").write_bytes((archive / f"new_{i:02d}.txt").read_bytes() + f"\n{i}\n".encode())
    (archive / "victim.txt").write_text("連携協約\n", encoding="utf-8")

    script = interrupted_run_script(archive, out, "victim.txt", how)
    process = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT, start_new_session=True)
    if how == "ctrl-c":
        wait_for(lambda: (out / "victim-started").exists())
        os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C sends: the whole foreground group
    status = process.wait(timeout=60)
    assert status == (-signal.SIGKILL if how == "kill" else 130)

    assert table_bytes(out) == previous  # the previous complete set, untouched
    assert report_of(out)["files"] == 5
    assert run_cli(archive, "--out", out) == 0
    report = report_of(out)
    assert report["files"] == 18
    assert 1 <= report["processed"] < 13  # files finished before the interruption were kept
    assert run_cli(archive, "--out", tmp_path / "fresh") == 0
    assert table_bytes(out) == table_bytes(tmp_path / "fresh")
    assert len(list((out / ".versions").iterdir())) == 2  # the current set and the one before


def wait_for(condition, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out waiting"
        time.sleep(0.02)


def test_tables_are_links_into_one_complete_set(tmp_path):
    archive = seed_archive(tmp_path / "archive")
    out = tmp_path / "out"
    assert run_cli(archive, "--out", out) == 0
    current = (out / "current").resolve()
    for name in TABLE_FILES + ["run_report.json", "manifest.jsonl"]:
        assert (out / name).is_symlink() and (out / name).resolve() == current / name, name
    assert not list(out.glob(".*.tmp"))


def test_a_second_run_on_the_same_out_folder_stops_at_once(tmp_path, capsys):
    archive = seed_archive(tmp_path / "archive")
    out = tmp_path / "out"
    out.mkdir()
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import time
        from pathlib import Path
        from pipeline.runner import exclusive
        with exclusive(Path({str(out)!r})):
            Path({str(tmp_path / "held")!r}).touch()
            time.sleep(60)
    """)], cwd=ROOT)
    try:
        wait_for(lambda: (tmp_path / "held").exists())
        assert main(["run", str(archive), "--out", str(out)]) == 126
        assert "another kyoyaku run is writing" in capsys.readouterr().err
    finally:
        holder.kill()
        holder.wait()
    assert run_cli(archive, "--out", out) == 0  # free again once the holder is gone


def test_run_report_counts_statuses_formats_types_warnings_and_stage_times(tmp_path):
    archive = seed_archive(tmp_path / "archive")
    (archive / "empty.txt").write_bytes(b"")
    (archive / "shopping.txt").write_text("牛乳を買う。\n", encoding="utf-8")
    out = tmp_path / "out"
    assert run_cli(archive, "--out", out) == 1
    report = report_of(out)
    assert report["files"] == 7
    assert report["status"] == {"failed": 1, "ok": 5, "partial": 1}
    assert report["format"] == {"text": 6, "unknown": 1}
    assert report["doc_type"]["agreement"] == 4 and report["doc_type"]["overview"] == 1
    assert ["empty file", 1] in report["top_warnings"]
    assert report["failed"] == [{"file": str(archive / "empty.txt"), "reason": "empty file"}]
    assert {"ingest", "normalize", "repair", "segment", "extract", "publish"} <= set(report["stage_seconds"])
    assert len(report["slowest"]) == 7 and report["slowest"][0]["seconds"] >= report["slowest"][-1]["seconds"]
    assert report["peak_memory_mb"]["worker"] > 0


def test_plain_output_is_one_line_quiet_is_silent_verbose_lists_files(tmp_path, capsys):
    archive = archive_of(tmp_path / "archive", {"a.txt": seed("001"), "empty.txt": ""})
    assert main(["run", str(archive), "--out", str(tmp_path / "plain")]) == 1
    printed = capsys.readouterr()
    assert printed.out.count("\n") == 1
    assert printed.out.startswith("2 files (2 processed, 0 unchanged) in ")
    assert "1 failed, 1 ok" in printed.out
    assert f"failed: {archive / 'empty.txt'}: empty file" in printed.err

    assert main(["run", str(archive), "--out", str(tmp_path / "quiet"), "--quiet"]) == 1
    assert capsys.readouterr() == ("", "")

    assert main(["run", str(archive), "--out", str(tmp_path / "verbose"), "--verbose"]) == 1
    printed = capsys.readouterr()
    assert f"{archive / 'a.txt'}" in printed.err and "format:   text 1" in printed.out
    assert "time:" in printed.out and "slowest:" in printed.out


def test_a_terminal_gets_a_progress_bar_with_rate_eta_and_failures(capsys):
    class Terminal:
        def isatty(self):
            return True

    assert pick_mode(False, False, Terminal()) == "bar"
    assert pick_mode(False, False, sys.stderr) == "plain"  # pytest captures: not a terminal
    from pipeline.manifest import Outcome
    progress = Progress("bar", total=3)
    progress.file_done("a.txt", Outcome("ok", "text", "agreement", ()))
    progress.file_done("b.txt", Outcome("failed", "", "other", ("empty file",)))
    progress.close()
    drawn = capsys.readouterr().err
    assert "2/3" in drawn and "1 failed" in drawn and "file/s" in drawn and "<" in drawn  # rate, ETA


def test_make_run_passes_jobs_and_make_reprocess_forces(tmp_path):
    makefile = (ROOT / "Makefile").read_text()
    # Under a parent make (CI runs the suite from `make test`) make prints
    # "Entering/Leaving directory" lines; only the recipe lines matter here.
    dry = subprocess.run(["make", "-n", "--no-print-directory", "run", "reprocess", f"RAW={tmp_path}", "OUT=x",
                          "JOBS=3"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    recipes = [line for line in dry.splitlines() if "kyoyaku run" in line]
    assert f"kyoyaku run {tmp_path} --out x --jobs 3" in recipes[0] and "--force" not in recipes[0]
    assert "--force" in recipes[-1] and len(recipes) == 2
    assert "reprocess:" in makefile


def test_parquet_has_one_row_group_per_fixed_number_of_rows(tmp_path, monkeypatch):
    """Row groups are cut at fixed row counts, not where rendering or
    copying batches happened to end, so Parquet bytes never depend on the run
    and memory stays bounded by the batch sizes."""
    from pipeline import publish
    monkeypatch.setattr(publish, "ROW_GROUP", 7)
    monkeypatch.setattr(publish, "PARSE_BATCH", 1000)  # rendered rows reach Arrow a few at a time
    archive = seed_archive(tmp_path / "archive")
    out = tmp_path / "out"
    assert run_cli(archive, "--out", out) == 0
    appendix = pq.ParquetFile(out / "appendix.parquet")
    sizes = [appendix.metadata.row_group(i).num_rows for i in range(appendix.num_row_groups)]
    assert sizes[:-1] == [7] * (len(sizes) - 1) and 0 < sizes[-1] <= 7
    changed = archive / SEEDS[4].name
    changed.write_text(changed.read_text(encoding="utf-8") + "\n附則\n", encoding="utf-8")
    assert run_cli(archive, "--out", out) == 0
    assert run_cli(archive, "--out", tmp_path / "fresh") == 0
    assert table_bytes(out) == table_bytes(tmp_path / "fresh")


def test_warnings_are_counted_by_kind_not_by_line():
    from pipeline.progress import warning_kind
    assert warning_kind("line 65: table without a header row, columns taken as measure/content/role_a/role_b") \
        == "table without a header row, columns taken as measure/content/role_a/role_b"
    assert warning_kind("row 9 has 3 of 4 cells (line 80)") == warning_kind("row 2 has 3 of 4 cells (line 71-73)")
    assert warning_kind("timed out: still running after the per-file limit of 2 s") == "timed out"


def test_tables_of_an_older_layout_are_replaced_by_links_to_a_complete_set(tmp_path):
    archive = seed_archive(tmp_path / "archive")
    out = tmp_path / "out"
    out.mkdir()
    (out / "documents.csv").write_text("doc_id\nold\n", encoding="utf-8")  # a regular file, as writers used to leave
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    assert run_cli(archive, "--out", out) == 0
    assert (out / "documents.csv").is_symlink() and "old" not in documents(out).index
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine"  # not ours: left alone
    shutil.rmtree(out / "current" / ".rows")  # a set damaged by hand: rows are rendered again, not copied
    (archive / "extra.txt").write_bytes(seed("001").read_bytes() + b"\n(2)\n")
    assert run_cli(archive, "--out", out) == 0
    assert run_cli(archive, "--out", tmp_path / "fresh") == 0
    assert table_bytes(out) == table_bytes(tmp_path / "fresh")


def test_the_manifest_is_read_as_a_small_index_and_entries_one_at_a_time(tmp_path):
    """A re-run holds only (stat, key, outcome digest, offset) per file of the
    previous run; an entry is read back whole, by its offset, when its rows
    are published. A manifest of the older one-JSON layout is ignored."""
    from pipeline.manifest import FileEntry, ManifestWriter, Outcome, load_manifest, outcome_digest
    ok = Outcome("ok", "text", "agreement", (), 0.25, {"ingest": 0.1}, None)
    slow = Outcome("failed", "", "other", ("timed out",), 2.0, {}, (2.0, 300))
    entries = [FileEntry("a/1.txt", "1", "ab.txt", "ab", (10, 1, 2, 3), ok, "", {"documents": (3, 40, 0, 1)}),
               FileEntry("b/2.txt", "2", "cd.txt", "cd", (20, 4, 5, 6), slow, "1", {"documents": (43, 30, 1, 1)})]
    path = tmp_path / "manifest.jsonl"
    with open(path, "wb") as handle:
        writer = ManifestWriter(handle, "0.1.0+abc", "x:123")
        for entry in entries:
            writer.add(entry)
    previous = load_manifest(path)
    assert (previous.pipeline_version, previous.tables_id) == ("0.1.0+abc", "x:123")
    known = previous.index["b/2.txt"]
    assert (known.stat, known.key, known.sha256, known.limits) == ((20, 4, 5, 6), "cd.txt", "cd", (2.0, 300))
    assert known.digest == outcome_digest(slow) != outcome_digest(ok)
    assert previous.entry(known) == entries[1]
    assert previous.entry(previous.index["a/1.txt"]) == entries[0]
    assert list(previous.entries()) == entries
    (tmp_path / "old.json").write_text(json.dumps({"format": 1, "pipeline_version": "0.1.0+abc", "tables_id": "x",
                                                   "files": []}), encoding="utf-8")
    assert load_manifest(tmp_path / "old.json") is None


def test_tasks_reach_the_worker_pool_a_few_at_a_time(tmp_path, monkeypatch):
    """The runner never holds a future for every file: at most IN_FLIGHT
    tasks per worker are scheduled and not yet done."""
    from pebble import ProcessPool

    from pipeline.results import ResultCache, cache_key
    from pipeline.manifest import content_sha256
    monkeypatch.setattr(workers, "IN_FLIGHT", 1)
    scheduled = []
    schedule = ProcessPool.schedule
    monkeypatch.setattr(ProcessPool, "schedule", lambda self, *a, **k: scheduled.append(1) or schedule(self, *a, **k))
    archive = seed_archive(tmp_path / "archive")
    tasks = [workers.Task(str(p), cache_key(content_sha256(p), p), p.stat().st_size) for p in sorted(archive.rglob("*.txt"))]
    cache = ResultCache(tmp_path / "cache", "v")
    in_flight = []

    def done(task, key, outcome):
        in_flight.append(len(scheduled) - len(in_flight) - 1)
        assert key == task.key and outcome.status == "ok"
    workers.process_all(tasks, 2, workers.Limits(), cache, done)()
    assert len(in_flight) == len(scheduled) == 5
    assert max(in_flight) <= 2 - 1  # besides the one just done: 2 workers x 1 task each
    assert cache.keys() == {task.key for task in tasks}


def test_a_worker_reading_text_files_does_not_load_the_pdf_libraries():
    """Each worker imports the stages it runs: pdfplumber and pdfminer cost
    it some 0.08 s, which a batch of text agreements should never pay; nor
    the 17 ms of charset_normalizer, for encodings no agreement uses."""
    script = textwrap.dedent(f"""
        import sys
        from pipeline.results import file_rows
        result = file_rows({str(SEEDS[0])!r})
        assert result.outcome.status == "ok", result.outcome
        print(sorted(m for m in ("pdfplumber", "pdfminer", "pypdfium2", "charset_normalizer") if m in sys.modules))
    """)
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_a_failure_writing_parquet_keeps_the_previous_tables(tmp_path, monkeypatch):
    """Parquet and Arrow are encoded in a background thread while the CSV
    rows are written: its error must still fail the run before the new set
    becomes current, not leave a truncated table behind."""
    from pipeline import publish

    archive, out = seed_archive(tmp_path / "raw"), tmp_path / "out"
    assert run_cli(archive, "--out", out) == 0
    before = table_bytes(out)
    first = sorted(archive.rglob("*.txt"))[0]
    first.write_text(first.read_text(encoding="utf-8") + "\n附則\nこの協約は、締結の日から施行する。\n", encoding="utf-8")

    def disk_full(self, table):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(publish.ArrowChunks, "write", disk_full)
    with pytest.raises(OSError, match="No space left"):
        run_cli(archive, "--out", out)
    assert table_bytes(out) == before
