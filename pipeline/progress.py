"""What a batch run shows while it runs and says when it ends.

Modes: "bar" (a terminal: tqdm bar with files done, rate, ETA and failures
so far), "plain" (not a terminal: one summary line at the end), "verbose"
(one line per file, then the full summary), "quiet" (nothing; the exit
status and OUT/run_report.json tell). The report itself is a dict, written
as run_report.json and rendered here as a short text.
"""
from __future__ import annotations

import re
import resource
import sys
from collections import Counter

from pipeline.manifest import FileEntry, Outcome

MODES = ("quiet", "plain", "bar", "verbose")
LOCATION = re.compile(r"^(?:lines?|rows?|pages?) [\d-]+: ")
NUMBER = re.compile(r"\d+(?:-\d+)?")
SHOWN_FAILURES = 20
TOP = 10


def pick_mode(quiet: bool, verbose: bool, stream=sys.stderr) -> str:
    if quiet:
        return "quiet"
    if verbose:
        return "verbose"
    return "bar" if stream.isatty() else "plain"


class Progress:
    """Told about every file as it finishes; draws the bar or the lines."""

    def __init__(self, mode: str, total: int) -> None:
        self.mode = mode
        self.failed = 0
        self.bar = None
        if mode == "bar" and total:
            import tqdm

            tqdm.tqdm.monitor_interval = 0  # no monitor thread: workers are forked from this process
            self.bar = tqdm.tqdm(total=total, unit="file", file=sys.stderr, dynamic_ncols=True,
                                 desc="extracting", smoothing=0.1)

    def file_done(self, path: str, outcome: Outcome) -> None:
        self.failed += outcome.status == "failed"
        if self.bar is not None:
            self.bar.set_postfix_str(f"{self.failed} failed", refresh=False)
            self.bar.update(1)
        elif self.mode == "verbose":
            reason = f"  {outcome.warnings[0]}" if outcome.status == "failed" and outcome.warnings else ""
            print(f"{outcome.status:7} {outcome.seconds:7.3f}s  {path}{reason}", file=sys.stderr)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


class ReportBuilder:
    """run_report.json, built from the entries one at a time (in doc_id
    order) as they are published: counts, most frequent warnings, slowest
    files, time per stage. Nothing per file is kept but the failures."""

    def __init__(self, processed: set[str]) -> None:
        self.processed = processed
        self.files = self.duplicates = 0
        self.status: Counter = Counter()
        self.format: Counter = Counter()
        self.doc_type: Counter = Counter()
        self.warnings: Counter = Counter()
        self.stages: Counter = Counter()
        self.slowest: list[tuple[float, str]] = []  # (-seconds, path), cut to TOP from time to time
        self.failed: list[dict] = []

    def add(self, entry: FileEntry) -> None:
        outcome = entry.outcome
        self.files += 1
        self.duplicates += bool(entry.duplicate_of)
        self.status[outcome.status] += 1
        self.format[outcome.format or "unknown"] += 1
        self.doc_type[outcome.doc_type] += 1
        self.warnings.update(warning_kind(w) for w in outcome.warnings)
        if entry.path in self.processed:
            self.stages.update(outcome.stages)
        self.slowest.append((-outcome.seconds, entry.path))
        if len(self.slowest) > 4 * TOP:
            self.slowest = sorted(self.slowest)[:TOP]
        if outcome.status == "failed":
            self.failed.append({"file": entry.path, "reason": "; ".join(outcome.warnings)})

    def summary(self, seconds: float, publish_seconds: float, jobs: int, version: str, published: bool) -> dict:
        processed = len(self.processed)
        stages = Counter(self.stages)
        stages["publish"] = publish_seconds
        slowest = sorted(self.slowest)[:TOP]
        return {
            "files": self.files,
            "processed": processed,
            "reused": self.files - processed,
            "seconds": round(seconds, 3),
            "files_per_second": round(processed / seconds, 1) if seconds and processed else None,
            "jobs": jobs,
            "pipeline_version": version,
            "tables_rewritten": published,
            "status": dict(sorted(self.status.items())),
            "format": dict(sorted(self.format.items())),
            "doc_type": dict(sorted(self.doc_type.items())),
            "duplicates": self.duplicates,
            "top_warnings": self.warnings.most_common(TOP),
            "slowest": [{"file": path, "seconds": -minus} for minus, path in slowest if minus],
            "stage_seconds": {k: round(v, 3) for k, v in sorted(stages.items(), key=lambda kv: -kv[1])},
            "peak_memory_mb": peak_memory_mb(),
            "failed": self.failed,
        }


def warning_kind(warning: str) -> str:
    """What a warning is about, without where: "line 65: table without a
    header row, …" and "row 9 has 3 of 4 cells (line 80)" count with their
    kind ("row N has N of N cells (line N)"); text after a colon is detail."""
    warning = LOCATION.sub("", warning).split(":")[0]
    return NUMBER.sub("N", warning)


def peak_memory_mb() -> dict[str, float]:
    """Largest resident size of this process and of any worker (Linux: KiB)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {"runner": round(own / 1024, 1), "worker": round(workers / 1024, 1)}


def one_line(report: dict, out_dir) -> str:
    counts = ", ".join(f"{n} {s}" for s, n in report["status"].items()) or "nothing found"
    work = f"{report['processed']} processed, {report['reused']} unchanged"
    return f"{report['files']} files ({work}) in {report['seconds']:.1f}s: {counts} -> {out_dir}/"


def summary_text(report: dict, out_dir) -> str:
    """The short summary printed at the end on a terminal or with --verbose."""
    lines = [one_line(report, out_dir)]
    if report["files_per_second"]:
        lines[0] += f"  [{report['files_per_second']:g} files/s with {report['jobs']} jobs]"
    lines.append("format:   " + counted(report["format"]) + "   doc_type: " + counted(report["doc_type"]))
    if report["duplicates"]:
        lines.append(f"duplicates: {report['duplicates']} files have the same bytes as another (duplicate_of)")
    if report["top_warnings"]:
        lines.append("warnings: " + ", ".join(f"{w} ({n})" for w, n in report["top_warnings"][:5]))
    if report["slowest"]:
        lines.append("slowest:  " + ", ".join(f"{s['file']} {s['seconds']:.2f}s" for s in report["slowest"][:3]))
    stages = {k: v for k, v in report["stage_seconds"].items() if v}
    if stages:
        lines.append("time:     " + ", ".join(f"{k} {v:.2f}s" for k, v in stages.items()))
    return "\n".join(lines)


def counted(counts: dict) -> str:
    return ", ".join(f"{k} {v}" for k, v in counts.items()) or "-"


def failure_lines(report: dict) -> list[str]:
    failed = report["failed"]
    lines = [f"  failed: {f['file']}: {f['reason']}" for f in failed[:SHOWN_FAILURES]]
    if len(failed) > SHOWN_FAILURES:
        lines.append(f"  … and {len(failed) - SHOWN_FAILURES} more failures, listed in run_report.json")
    return lines
