"""Batch speed over a synthetic archive: `make bench` (N=20000 for a big one).

Builds N text agreements by rewriting the bundled samples (other
municipalities from the gazetteer, other dates, reordered table rows, layout
variants: encodings, line ends, widths, indentation, blank lines) in
sub-folders of 500, then measures with the real command line:

    cold run, 1 job and all cores   docs/s and scaling
    no-op re-run                    seconds (nothing changed)
    re-run after changing 1 %       seconds, and as a share of the cold run
    peak memory                     runner and largest worker (run_report.json)

and profiles the per-file step in this process (cProfile, top entries by own
time). Prints a table and merges the numbers for this N into out/bench.json.
"""
from __future__ import annotations

import compileall
import cProfile
import csv
import io
import json
import os
import pstats
import random
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline import run  # noqa: E402

N = int(os.environ.get("N", "2000"))
WORK = ROOT / "out" / "bench"
CODE = WORK / "code"
SEEDS = sorted((ROOT / "raw").glob("*.txt"))
FOLDER_SIZE = 500
ERA_DATE = re.compile(r"(平成|令和)\s*([0-9０-９]+|元)\s*年\s*([0-9０-９]+)\s*月\s*([0-9０-９]+)\s*日")
WIDE = str.maketrans("0123456789", "０１２３４５６７８９")
TARGETS = {"cold_docs_per_s": 300, "scaling": 1.7, "noop_s": 1.0, "one_percent_share": 0.05}


def municipalities() -> dict[str, list[str]]:
    """Gazetteer names by their last character (市, 町, 村), to swap like for like."""
    by_kind: dict[str, list[str]] = {}
    with open(ROOT / "pipeline" / "data" / "municipalities.csv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            name = row["city"]
            if name and name[-1] in "市町村" and not name.endswith("区"):
                by_kind.setdefault(name[-1], []).append(name)
    return by_kind


def seed_names(path: Path) -> list[str]:
    """The municipalities a sample names as parties or signatories."""
    doc = run(path)
    names = {p.municipality for p in doc.parties} | {s.municipality for s in doc.signatories}
    return sorted((n for n in names if n and n[-1] in "市町村" and "●" not in n), key=len, reverse=True)


def rewrite(text: str, names: list[str], pool: dict[str, list[str]], rng: random.Random) -> str:
    for name in names:
        text = text.replace(name, rng.choice(pool[name[-1]]))
    text = ERA_DATE.sub(lambda m: other_date(m, rng), text)
    text = swap_table_rows(text, rng)
    return layout_variant(text, rng)


def other_date(match: re.Match, rng: random.Random) -> str:
    era = match.group(1)
    year = rng.randint(1, 31 if era == "平成" else 7)
    return f"{era}{'元' if year == 1 and rng.random() < 0.5 else year}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日"


def swap_table_rows(text: str, rng: random.Random) -> str:
    """Two neighbouring key/value rows of a 別表 block change places."""
    lines = text.split("\n")
    rows = [i for i, line in enumerate(lines) if "\t" in line]
    pairs = [(a, b) for a, b in zip(rows, rows[1:]) if b - a <= 2]
    if pairs and rng.random() < 0.7:
        a, b = rng.choice(pairs)
        lines[a], lines[b] = lines[b], lines[a]
    return "\n".join(lines)


def layout_variant(text: str, rng: random.Random) -> str:
    variant = rng.randrange(5)
    if variant == 1:  # full-width article numbers
        text = re.sub(r"第(\d+)条", lambda m: f"第{m.group(1).translate(WIDE)}条", text)
    elif variant == 2:  # paragraphs indented with an ideographic space
        text = re.sub(r"(?m)^(?=[^\s（第])", "\u3000", text)
    elif variant == 3:  # no blank lines
        text = re.sub(r"\n\s*\n", "\n", text)
    return text


def encode(text: str, rng: random.Random) -> bytes:
    choice = rng.randrange(4)
    if choice == 1:
        text = text.replace("\n", "\r\n")
    if choice == 2:
        try:
            return text.encode("cp932")
        except UnicodeEncodeError:
            pass
    return ("\ufeff" if choice == 3 else "").encode() + text.encode("utf-8")


def build_archive(folder: Path, count: int) -> Path:
    shutil.rmtree(folder, ignore_errors=True)
    rng = random.Random(20261124)
    pool = municipalities()
    seeds = [(path.read_text(encoding="utf-8"), seed_names(path), path.stem) for path in SEEDS]
    seen: set[bytes] = set()
    for i in range(count):
        text, names, stem = seeds[i % len(seeds)]
        while True:
            data = encode(rewrite(text, names, pool, rng), rng)
            if data not in seen:
                break
        seen.add(data)
        target = folder / f"{i // FOLDER_SIZE:03d}" / f"{i:06d}_{stem[:3]}.txt"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return folder


def snapshot_code(folder: Path) -> Path:
    """A copy of the packages as they are now: every run of the benchmark
    measures the same pipeline version even while the tree is being edited."""
    shutil.rmtree(folder, ignore_errors=True)
    for package in ("pipeline", "extractors"):
        shutil.copytree(ROOT / package, folder / package, ignore=shutil.ignore_patterns("__pycache__"))
    # Bytecode as an installed package has it: with PYTHONDONTWRITEBYTECODE set
    # (some sandboxes and CI images) every worker would compile the sources again.
    compileall.compile_dir(folder, quiet=1)
    return folder


def kyoyaku(archive: Path, out: Path, *args: str) -> tuple[float, dict]:
    """Wall seconds of one `kyoyaku run` (interpreter start included) and its report."""
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "pipeline", "run", str(archive), "--out", str(out), "--quiet", *args],
                   cwd=CODE, env={**os.environ, "PYTHONPATH": str(CODE)}, check=False)
    seconds = time.perf_counter() - started
    return seconds, json.loads((out / "run_report.json").read_text(encoding="utf-8"))


def same_tables(a: Path, b: Path) -> bool:
    names = sorted(p.name for p in a.iterdir() if p.suffix in (".csv", ".parquet"))
    return bool(names) and all((a / n).read_bytes() == (b / n).read_bytes() for n in names)


def change_one_percent(archive: Path) -> int:
    """Append a line to every hundredth file (ASCII: valid in every encoding used)."""
    files = sorted(archive.rglob("*.txt"))[::100]
    for path in files:
        path.write_bytes(path.read_bytes() + b"\n(rev. 2)\n")
    return len(files)


def profile(archive: Path, count: int = 200) -> list[dict]:
    """Top entries by own time of the per-file step over `count` documents."""
    from pipeline.results import file_rows

    paths = sorted(archive.rglob("*.txt"))[:count]
    file_rows(paths[0])  # warm: first-call set-up is not per-document cost
    profiler = cProfile.Profile()
    profiler.enable()
    for path in paths:
        file_rows(path)
    profiler.disable()
    stats = pstats.Stats(profiler)
    total = stats.total_tt
    top = sorted(stats.stats.items(), key=lambda kv: -kv[1][2])[:15]
    return [{"function": f"{Path(f).name}:{line}({name})", "own_ms_per_doc": round(tt / count * 1000, 3),
             "cumulative_ms_per_doc": round(ct / count * 1000, 3), "share": round(tt / total, 3)}
            for (f, line, name), (_, _, tt, ct, _) in top]


def main() -> None:
    cores = len(os.sched_getaffinity(0))
    snapshot_code(CODE)
    started = time.perf_counter()
    archive = build_archive(WORK / "archive", N)
    built = time.perf_counter() - started
    one, all_cores = WORK / "out-1", WORK / f"out-{cores}"
    for out in (one, all_cores):
        shutil.rmtree(out, ignore_errors=True)
    cold_one, report_one = kyoyaku(archive, one, "--jobs", "1")
    cold_all, report_all = kyoyaku(archive, all_cores, "--jobs", str(cores))
    identical = same_tables(one, all_cores)
    noop, report_noop = kyoyaku(archive, all_cores)
    changed = change_one_percent(archive)
    rerun, report_rerun = kyoyaku(archive, all_cores)
    results = {
        "n": N, "cores": cores, "archive_build_s": round(built, 1),
        "cold_1_job_s": round(cold_one, 2), "cold_1_job_docs_per_s": round(N / cold_one, 1),
        "cold_all_cores_s": round(cold_all, 2), "cold_all_cores_docs_per_s": round(N / cold_all, 1),
        "scaling": round(cold_one / cold_all, 2),
        "tables_identical_1_vs_all_cores": identical,
        "noop_rerun_s": round(noop, 3), "noop_processed": report_noop["processed"],
        "noop_rerun_inside_s": report_noop["seconds"],
        "one_percent_files": changed, "one_percent_rerun_s": round(rerun, 3),
        "one_percent_processed": report_rerun["processed"],
        "one_percent_share_of_cold": round(rerun / cold_all, 4),
        "peak_memory_mb": report_all["peak_memory_mb"],
        "stage_seconds_cold_all_cores": report_all["stage_seconds"],
        "status": report_all["status"],
        "profile_top": profile(archive),
    }
    print_table(results)
    write_results(results)


def print_table(r: dict) -> None:
    checks = [
        ("cold, 1 job", f"{r['cold_1_job_docs_per_s']:8.1f} docs/s", f"{r['cold_1_job_s']:.1f} s", ""),
        (f"cold, {r['cores']} jobs", f"{r['cold_all_cores_docs_per_s']:8.1f} docs/s", f"{r['cold_all_cores_s']:.1f} s",
         mark(r["cold_all_cores_docs_per_s"] >= TARGETS["cold_docs_per_s"], f">= {TARGETS['cold_docs_per_s']}")),
        ("scaling", f"{r['scaling']:8.2f} x", "", mark(r["scaling"] >= TARGETS["scaling"], f">= {TARGETS['scaling']}")),
        ("no-op re-run", f"{r['noop_rerun_s']:8.3f} s", f"{r['noop_processed']} processed",
         mark(r["noop_rerun_s"] < TARGETS["noop_s"], "< 1 s")),
        ("1 % changed re-run", f"{r['one_percent_rerun_s']:8.3f} s",
         f"{r['one_percent_share_of_cold']:.1%} of cold",
         mark(r["one_percent_share_of_cold"] < TARGETS["one_percent_share"], "< 5 %")),
        ("peak memory", f"{r['peak_memory_mb']['runner']:8.0f} MB", f"worker {r['peak_memory_mb']['worker']:.0f} MB", ""),
        ("tables 1 vs all", f"{'identical' if r['tables_identical_1_vs_all_cores'] else 'DIFFER':>13}", "", ""),
    ]
    out = io.StringIO()
    print(f"archive of N={r['n']} text documents on {r['cores']} cores (built in {r['archive_build_s']} s)", file=out)
    for row in checks:
        print(f"  {row[0]:20} {row[1]:>16}  {row[2]:22} {row[3]}", file=out)
    print("  profile of the per-file step, top entries by own time (ms per document):", file=out)
    for entry in r["profile_top"][:10]:
        print(f"    {entry['own_ms_per_doc']:7.3f}  {entry['share']:6.1%}  {entry['function']}", file=out)
    print(out.getvalue(), end="")


def mark(ok: bool, target: str) -> str:
    return f"{'ok  ' if ok else 'MISS'} (target {target})"


def write_results(results: dict) -> None:
    path = ROOT / "out" / "bench.json"
    try:
        existing = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        existing = {}
    existing.setdefault("archive", {})[str(results["n"])] = results
    path.write_text(json.dumps(existing, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
