"""Command line: `kyoyaku run PATH... --out DIR [--jobs N --force --quiet|--verbose]`, `kyoyaku show FILE`,
`kyoyaku review OUT` (HTML pages to check a run by eye).

`main(argv)` returns the exit status, so tests call it without a subprocess.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from pipeline import run
from pipeline.headers import HEADER_STYLES
from pipeline.model import Document
from pipeline.progress import failure_lines, one_line, pick_mode, summary_text
from pipeline.runner import WORKBOOK_AUTO_LIMIT, BatchOptions, OutputBusy, run_batch
from pipeline.workers import Limits


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="kyoyaku", description="Japanese inter-municipal agreements -> tables")
    commands = parser.add_subparsers(dest="command", required=True)
    run_cmd = commands.add_parser("run", help="process files or folders (recursively) into tables")
    run_cmd.add_argument("paths", nargs="+", type=Path)
    run_cmd.add_argument("--out", type=Path, default=Path("out"))
    run_cmd.add_argument("--headers", choices=HEADER_STYLES, default="en",
                         help="column headers of the CSV files and the workbook: snake_case (en) or Japanese (ja)")
    add_batch_options(run_cmd)
    show_cmd = commands.add_parser("show", help="print one document's extraction readably")
    show_cmd.add_argument("file", type=Path)
    show_cmd.add_argument("--dump", choices=("ingest", "normalize", "segment"),
                          help="print that stage's output instead of the extraction")
    review_cmd = commands.add_parser("review", help="write OUT/review/index.html to check a run by eye")
    review_cmd.add_argument("out", type=Path, help="the --out folder of a run")
    args = parser.parse_args(argv)
    if args.command == "review":
        return review(args.out)
    if args.command == "show":
        if args.dump:
            emit(dump_stage(args.file, args.dump))
            return 0
        doc = run(args.file)
        emit(render(doc))
        return 0 if doc.status != "failed" else 1
    return batch(args)


def emit(text: str) -> None:
    """Print text; a reader that stops early (kyoyaku show FILE | head) is
    no error. Python flushes stdout again at exit, so stdout then points at
    nothing (as the note on SIGPIPE in Python's signal docs does it)."""
    try:
        print(text, flush=True)
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def add_batch_options(run_cmd: argparse.ArgumentParser) -> None:
    run_cmd.add_argument("--jobs", "-j", type=int, default=None,
                         help="worker processes (default: one per core)")
    run_cmd.add_argument("--force", action="store_true",
                         help="reprocess every file, even those whose result is cached")
    run_cmd.add_argument("--timeout", type=float, default=Limits.timeout,
                         help="seconds one file may take before it is stopped and marked failed (default %(default)g)")
    run_cmd.add_argument("--memory", type=int, default=Limits.memory_mb, metavar="MB",
                         help="memory one file may use before it is stopped and marked failed (default %(default)d)")
    run_cmd.add_argument("--workbook", choices=("auto", "always", "never"), default="auto",
                         help=f"write OUT/kyoyaku.xlsx: auto = for at most {WORKBOOK_AUTO_LIMIT} documents")
    noise = run_cmd.add_mutually_exclusive_group()
    noise.add_argument("--quiet", "-q", action="store_true", help="print nothing; the exit status tells")
    noise.add_argument("--verbose", "-v", action="store_true", help="one line per file and a full summary")


def batch(args) -> int:
    """`kyoyaku run`: exit status = number of failed files (at most 125), 130 when interrupted."""
    mode = pick_mode(args.quiet, args.verbose)
    options = BatchOptions(jobs=args.jobs, force=args.force, limits=Limits(args.timeout, args.memory),
                           workbook=args.workbook, progress=mode)
    try:
        report = run_batch(args.paths, args.out, headers=args.headers, options=options)
    except KeyboardInterrupt:
        print(f"\ninterrupted: {args.out}/ still holds the previous tables; files finished so far are kept, "
              "run again to continue", file=sys.stderr)
        return 130
    except OutputBusy as exc:
        print(f"kyoyaku run: {exc}", file=sys.stderr)
        return 126
    if mode != "quiet":
        print(summary_text(report.summary, args.out) if mode in ("bar", "verbose")
              else one_line(report.summary, args.out))
        for line in failure_lines(report.summary):
            print(line, file=sys.stderr)
    return min(len(report.failed), 125)


def review(out_dir: Path) -> int:
    from pipeline.review import NoRunError, review_run  # Jinja2 and page rendering only when asked

    try:
        index = review_run(out_dir)
    except NoRunError as exc:
        print(f"kyoyaku review: {exc}", file=sys.stderr)
        return 2
    print(f"review pages: {index}")
    return 0


def render(doc: Document) -> str:
    """A person's view of one document: what a reviewer checks first."""
    out = [f"{doc.doc_id}  [{doc.doc_type}, {doc.status}]  {doc.source_file}",
           f"title:       {doc.title}",
           f"area:        {doc.area_name}",
           "parties:     " + ", ".join(f"{p.role} {p.municipality}" + (f" ({p.code})" if p.code else "")
                                       for p in doc.parties),
           f"signed:      {doc.signed_date or ''}"]
    if doc.articles:
        out.append(f"articles ({len(doc.articles)}):")
        for a in doc.articles:
            label = f"第{a.number}条" + (f"の{a.branch}" if a.branch else "")  # 第2条の2
            out.append(f"  {label}"
                       f"{'(' + a.caption + ')' if a.caption else ''}  {shorten(a.paragraphs[0] if a.paragraphs else '')}")
            out.extend(f"      {j}. {shorten(p)}" for j, p in enumerate(a.paragraphs[1:], 2))
    for s in doc.signatories:
        out.append(f"signatory {s.role}: {s.municipality} | {s.address} | {s.title} | {s.name}"
                   + (" [redacted]" if s.redacted else ""))
    if doc.appendix:
        out.append(f"appendix ({len(doc.appendix)} rows):")
        for r in doc.appendix:
            section = ".".join(str(n) for n in (r.section_no, r.subsection_no) if n is not None)
            out.append(f"  {section:5} {r.label:2} {r.measure}")
            out.append(f"        内容: {shorten(r.content)}")
            if r.role_a or r.role_b:
                out.append(f"        甲: {shorten(r.role_a)}")
                out.append(f"        乙: {shorten(r.role_b)}")
            if r.role_b_others:
                out.append(f"        乙(他): {shorten(r.role_b_others)}")
            if r.role_c:
                out.append(f"        丙: {shorten(r.role_c)}")
            if r.note:
                out.append(f"        備考: {shorten(r.note)}")
    for c in doc.corrections:
        out.append(f"correction line {c.line_no}: {c.original} -> {c.corrected} ({c.rule})")
    out.extend(f"warning: {w}" for w in doc.warnings)
    return "\n".join(out)


def dump_stage(path: Path, stage: str) -> str:
    """One stage's output, line numbers first: where a missing row went."""
    from pipeline.ingest import ingest
    from pipeline.normalize import normalize
    from pipeline.repair import repair
    from pipeline.segment import segment

    source = ingest(path)
    if stage == "ingest":
        return "\n".join(f"{ln.line_no:5} p{ln.page or '-'} {ln.text}" for ln in source.lines)
    lines = repair(normalize(source)).lines
    if stage == "normalize":
        return "\n".join(f"{ln.no:5} {ln.text}" for ln in lines)
    return "\n".join(f"== {s.kind.value} {s.label} [{s.span.lines_label}]\n"
                     + "\n".join(f"{ln.no:5} {ln.text}" for ln in s.lines) for s in segment(lines))


def shorten(text: str, width: int = 60) -> str:
    text = text.replace("\n", " / ")
    return text if len(text) <= width else text[: width - 1] + "…"


if __name__ == "__main__":
    sys.exit(main())
