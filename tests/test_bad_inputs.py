"""Bad files in an archive: each gets its row (failed, with the reason a
person can act on, or read normally), none stops the batch, and none takes
rows away from the good files beside it (compared with a run of the good
files alone)."""
import ctypes
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from pipeline import runner
from tests.batch import archive_of, documents, report_of, rows_of_seeds, run_cli
from tests.conftest import ROOT, seed
from tests.pdf_render import render_seed_pdf

GOOD = ("001", "004")  # an agreement with a 別表 grid, one with key/value blocks
PR_CAPBSET_DROP, CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH = 24, 1, 2


@pytest.fixture(scope="module")
def good_rows(tmp_path_factory):
    """The good files' rows when they are alone in the archive."""
    folder = tmp_path_factory.mktemp("good")
    assert run_cli(good_archive(folder / "archive"), "--out", folder / "out") == 0
    return rows_of_seeds(folder / "out")


def seed_pdf(folder: Path) -> Path:
    """Sample 002 printed to PDF (text layer, ruled 別表)."""
    folder.mkdir(parents=True, exist_ok=True)
    return render_seed_pdf(seed("002"), folder)


def good_archive(folder: Path) -> Path:
    return archive_of(folder, {seed(prefix).name: seed(prefix) for prefix in GOOD})


def run_with(tmp_path, bad: dict, *options) -> tuple[int, Path]:
    archive = archive_of(good_archive(tmp_path / "archive"), bad)
    out = tmp_path / "out"
    return run_cli(archive, "--out", out, *options), out


def failure(out: Path, doc_id: str) -> str:
    row = documents(out).loc[doc_id]
    assert row["status"] == "failed", row["warnings"]
    assert row["warnings"], "a failed row says why"
    return row["warnings"]


@pytest.mark.parametrize("content, reason", [
    (b"", "empty file"),
    (b" \r\n\t\n", "empty file"),
    (bytes(range(256)) * 64, "binary file"),
    (b"\x82\xa0\xff\xfe\xfd\x80" * 200, "undecodable bytes"),
], ids=["empty", "blank", "binary", "undecodable"])
def test_unreadable_content_is_a_failed_row(tmp_path, good_rows, content, reason):
    status, out = run_with(tmp_path, {"bad.txt": content})
    assert status == 1
    assert reason in failure(out, "bad")
    assert rows_of_seeds(out) == good_rows


def test_a_pdf_cut_in_half_is_a_failed_row(tmp_path, good_rows):
    whole = seed_pdf(tmp_path / "pdf").read_bytes()
    status, out = run_with(tmp_path, {"halved.pdf": whole[: len(whole) // 2]})
    assert status == 1
    assert "PDF" in failure(out, "halved")
    assert rows_of_seeds(out) == good_rows


def test_an_encrypted_pdf_is_a_failed_row(tmp_path, good_rows):
    writer = PdfWriter(clone_from=PdfReader(seed_pdf(tmp_path / "pdf")))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="AES-128")
    encrypted = tmp_path / "encrypted.pdf"
    with open(encrypted, "wb") as handle:
        writer.write(handle)
    status, out = run_with(tmp_path, {"locked.pdf": encrypted})
    assert status == 1
    assert "PDF" in failure(out, "locked")
    assert rows_of_seeds(out) == good_rows


def test_a_50_mb_file_is_stopped_at_the_time_limit_and_the_rest_go_on(tmp_path, good_rows):
    text = seed("002").read_bytes()
    huge = text * (50 * 2**20 // len(text) + 1)  # 50 MB of agreements: minutes of work
    status, out = run_with(tmp_path, {"huge.txt": huge}, "--timeout", "2")
    assert status == 1
    assert "timed out: still running after the per-file limit of 2 s" in failure(out, "huge")
    assert rows_of_seeds(out) == good_rows
    report = report_of(out)
    assert report["slowest"][0] == {"file": str(tmp_path / "archive" / "huge.txt"), "seconds": 2.0}
    assert report["peak_memory_mb"]["runner"] < 1000  # hashed in blocks, never read whole by the runner


def test_a_name_with_spaces_and_japanese_characters_is_read_like_any_other(tmp_path, good_rows):
    name = "連携協約 書（写し） 2019年.txt"
    status, out = run_with(tmp_path, {name: seed("002")})
    assert status == 0
    docs = documents(out)
    row = docs.loc["連携協約 書（写し） 2019年"]
    assert row["status"] == "ok"
    assert row["source_file"] == str(tmp_path / "archive" / name)
    assert row["title"] == "岡山市及び和気町における連携中枢都市圏形成に係る連携協約"  # line 10 of sample 002
    assert rows_of_seeds(out) == good_rows


def test_symlink_loops_end_and_broken_links_are_failed_rows(tmp_path, good_rows):
    archive = good_archive(tmp_path / "archive")
    (archive / "sub").mkdir()
    (archive / "sub" / "003.txt").write_bytes(seed("003").read_bytes())
    (archive / "sub" / "back_up").symlink_to("..")  # a folder loop
    (archive / "self.txt").symlink_to("self.txt")  # a link to itself
    (archive / "dangling.txt").symlink_to("nowhere.txt")
    out = tmp_path / "out"
    assert run_cli(archive, "--out", out) == 2
    assert "Too many levels of symbolic links" in failure(out, "self")
    assert failure(out, "dangling") == "broken symbolic link: its target nowhere.txt does not exist"
    docs = documents(out)
    assert list(docs.index).count("003") == 1 and docs.loc["003", "status"] == "ok"  # walked once
    assert len(docs) == 5
    assert rows_of_seeds(out) == good_rows


@pytest.mark.parametrize("when", ["after discovery", "after hashing"])
def test_a_file_that_disappears_mid_run_is_a_failed_row(tmp_path, good_rows, monkeypatch, when):
    archive = archive_of(good_archive(tmp_path / "archive"), {"fleeting.txt": seed("002")})
    step = runner.discover if when == "after discovery" else runner.plan

    def then_delete(*args, **kwargs):
        result = step(*args, **kwargs)
        (archive / "fleeting.txt").unlink()
        return result
    monkeypatch.setattr(runner, step.__name__, then_delete)
    out = tmp_path / "out"
    assert run_cli(archive, "--out", out) == 1
    assert failure(out, "fleeting") == "file disappeared before it could be read"
    assert rows_of_seeds(out) == good_rows
    (archive / "fleeting.txt").write_bytes(seed("002").read_bytes())  # back: read normally, nothing cached
    monkeypatch.undo()
    assert run_cli(archive, "--out", out) == 0
    assert documents(out).loc["fleeting", "status"] == "ok"


def without_file_permission_override() -> None:
    """In the child, before exec: root reads any file unless it gives up
    these two capabilities (what a normal user never had)."""
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH):
        if libc.prctl(PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def test_a_file_without_read_permission_is_a_failed_row(tmp_path, good_rows):
    archive = archive_of(good_archive(tmp_path / "archive"), {"secret.txt": seed("002")})
    (archive / "secret.txt").chmod(0)
    out = tmp_path / "out"
    command = [sys.executable, "-m", "pipeline", "run", str(archive), "--out", str(out), "--quiet"]
    drop = without_file_permission_override if os.geteuid() == 0 else None
    status = subprocess.run(command, cwd=ROOT, preexec_fn=drop, timeout=120).returncode
    assert status == 1
    assert failure(out, "secret") == "permission denied: the file cannot be read"
    assert rows_of_seeds(out) == good_rows
