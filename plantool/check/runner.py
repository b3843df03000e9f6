"""Check plan files: load, validate against the schema, run the rules, apply silences.

`check_file` is a pure function of a path and the schema, so a batch can be
spread over processes; the validator is built once per process.
"""

from __future__ import annotations

import os
import re
import signal
import sys
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator, TypeVar

from plantool.plan import loader as documents
from plantool.plan.paths import display_name
from plantool.check.findings import ERROR, WARNING, Finding
from plantool.plan.schema import Schema, dotted, load_schema, value_at

T = TypeVar("T")
_SILENCE = re.compile(r"#\s*plantool:\s*disable(?P<file>-file)?=(?P<rules>[\w,-]+)")


@dataclass
class FileResult:
    file: str
    findings: list = field(default_factory=list)
    answered: int = 0
    questions: int = 0
    status: str | None = None
    io_error: str | None = None  # set when the file could not be read at all, or could not be checked
    internal_error: bool = False  # io_error is a bug in plantool met on this file (exit 3)


def check_document(doc: documents.Document, schema: Schema) -> FileResult:
    from plantool.plan.questions import summary_counts
    from plantool.check.rules import Context, load_rules, severity_of

    result = FileResult(doc.path)
    findings = [Finding(doc.path, p.line, p.col, ERROR, p.rule, p.message, detail=p.detail) for p in doc.problems]
    if doc.data is not None or not doc.problems:
        from plantool.check.validation import findings_from_errors

        findings += findings_from_errors(schema, doc.data, doc.position, doc.path)
    if isinstance(doc.data, dict):
        ctx = Context(doc, schema)
        result.status = ctx.status
        for rule in load_rules():
            for problem in rule.check(ctx):
                if problem.line_col is not None:
                    line, col = problem.line_col
                elif problem.at is not None:
                    line, col = doc.text_position(problem.path, *problem.at)
                else:
                    line, col = doc.position(problem.path, key=problem.key)
                findings.append(
                    Finding(doc.path, line, col, severity_of(rule, problem, ctx), rule.ID, problem.message, dotted(problem.path))
                )
        result.answered, result.questions = summary_counts(ctx.questions)
    result.findings = sorted(_apply_silences(doc, findings), key=Finding.sort_key)
    return result


def check_file(path: Path, schema: Schema | None = None, display: str | None = None) -> FileResult:
    """One file's result; never raises, so one bad file cannot cost the report on the others.

    A bug met while checking this file becomes its one-line error (exit 3, see
    `internal_error`), and every other file in the batch is still checked and reported.
    """
    shown = display_name(path) if display is None else display
    try:
        schema = schema or load_schema()
        doc = documents.load(path, display=shown)
        return check_document(doc, schema)
    except documents.PlanIOError as exc:
        return FileResult(shown, io_error=str(exc))
    except Exception as exc:  # a bug in plantool: report it for this file only
        reason = " ".join(str(exc).split())[:200]
        return FileResult(
            shown,
            io_error=f"{shown}: internal error while checking this file: {type(exc).__name__}: {reason} (please report this)",
            internal_error=True,
        )


PARALLEL_FROM = 16  # files; below this, starting workers costs more than it saves


def check_files(files: list[Path], schema: Schema | None = None) -> list[FileResult]:
    """Check many files, using every core for a large batch; results keep the input order."""
    return list(each_file(check_file, files, schema))


def each_file(work: Callable[..., T], files: list[Path], schema: Schema | None = None) -> Iterator[T]:
    """`work(path, schema)` for every file, yielded in the input order as each is done; a large batch on every core.

    `work` must never raise (as `check_file`). `summary` extracts figures in the same pass
    through it. Ctrl-C stops a parallel batch cleanly: the workers ignore SIGINT (only this
    process reacts, with KeyboardInterrupt, exit 130), and they are ended and waited for
    with SIGINT held back, so none is left behind and none prints.
    """
    schema = schema or load_schema()
    workers = min(os.cpu_count() or 1, max(1, len(files) // (PARALLEL_FROM // 2)))
    if len(files) < PARALLEL_FROM or workers < 2 or not sys.platform.startswith("linux"):
        for path in files:
            yield work(path, schema)
        return
    import multiprocessing

    # Doing the first file here does every one-off job (imports, the compiled
    # schema, the register, schema look-ups) once; forked workers inherit the results.
    first = work(files[0], schema)
    rest = files[1:]
    pool = None
    try:
        with _sigint_held():  # a worker forked now starts with SIGINT pending, and drops it (_worker_start)
            pool = multiprocessing.get_context("fork").Pool(workers, initializer=_worker_start)
        results = pool.imap(work, rest, chunksize=max(1, len(rest) // (workers * 4)))
        yield first  # the workers are busy already while the caller looks at it
        yield from results
    finally:
        if pool is not None:
            with _sigint_held():  # a second Ctrl-C must not interrupt the clean-up half-way
                pool.terminate()
                pool.join()


@contextmanager
def _sigint_held():
    """Hold SIGINT back (it stays pending) and deliver it at the end of the block."""
    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)


def _worker_start() -> None:
    """In each worker: ignore Ctrl-C (the parent ends the pool), dropping one already pending."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def _apply_silences(doc: documents.Document, findings: list) -> list:
    """Drop findings silenced by a '# plantool: disable=rule' comment on their line or the line above.

    A directive on the line of a key whose answer is text, or on the comment
    line just above it, covers every line of that answer (a `|` block); above a
    section it covers only the section's own line. Only real YAML comments count: an answer that quotes the directive
    silences nothing. A directive naming a file-level rule silences nothing
    either, and is reported, so the author knows the finding still stands.
    """
    if "plantool:" not in doc.text:
        return findings
    from plantool.check.rules import FILE_LEVEL_RULES

    whole_file: set[str] = set()
    by_line: dict[int, set[str]] = {}
    by_value: dict[str, set[str]] = {}  # a key's dotted path -> rules silenced for all it holds
    refused: list = []
    for comment in doc.comments:
        match = _SILENCE.search(comment.text)
        if not match:
            continue
        rules = set(match.group("rules").split(","))
        refused += [_refusal(doc.path, comment, match.group(0), rule) for rule in FILE_LEVEL_RULES if rule in rules]
        rules.difference_update(FILE_LEVEL_RULES)
        if match.group("file"):
            whole_file |= rules
            continue
        lines = (comment.line, comment.line + 1) if comment.own_line else (comment.line,)  # a comment line covers the next
        for line in lines:
            by_line.setdefault(line, set()).update(rules)
    if by_line:
        keys_by_line: dict[int, list] = {}
        for path, (line, _col) in doc.keys.items():
            if line in by_line:
                keys_by_line.setdefault(line, []).append(path)
        for line, paths in keys_by_line.items():
            for path in paths:
                if isinstance(value_at(doc.data, path), str):  # a text answer; a section keeps to its line
                    by_value.setdefault(dotted(path), set()).update(by_line[line])

    def silenced(finding) -> bool:
        if finding.rule in FILE_LEVEL_RULES:
            return False
        here = by_line.get(finding.line, ())
        if finding.rule in whole_file or finding.rule in here or "all" in here:
            return True
        if not by_value:
            return False
        return any(finding.rule in by_value.get(key, ()) or "all" in by_value.get(key, ()) for key in _enclosing(finding.path))

    return [f for f in findings if not silenced(f)] + refused


def _enclosing(path: str) -> list[str]:
    """A dotted path and every path it lies in: themes.x.items[2].effect, themes.x.items[2], themes.x.items, themes.x, themes."""
    found = [path]
    for index in range(len(path) - 1, 0, -1):
        if path[index] in ".[":
            found.append(path[:index])
    return found


def _refusal(path: str, comment, directive: str, rule: str) -> Finding:
    return Finding(
        path,
        comment.line,
        comment.col,
        WARNING,
        "silence-refused",
        f"'{directive}' cannot silence {rule}: a problem with the file as a whole must be fixed, "
        f"not silenced, so {rule} findings still stand",
    )
