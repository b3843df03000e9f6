"""plantool against the tools a council would otherwise use, measured side by side.

    python benchmarks/run.py            # full run: about three minutes
    python benchmarks/run.py --quick    # CI: proves it works; times mean little

Every figure is a whole process started cold, timed from outside; ratios
compare runs made in this same invocation, because absolute times on a shared
2-core machine drift. Nothing is cached between runs: plans are written to a
fresh temporary directory, and plantool writes nothing beside them.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import REPO, councils, make_plan, write_corpus  # noqa: E402
from markdown import to_markdown  # noqa: E402

SCHEMA = REPO / "schema" / "productivity-plan.schema.json"
REAL_PLAN = REPO / "examples" / "derbyshire-2024.plan.yaml"
BIN = Path(sys.executable).parent


def tool(name: str) -> str | None:
    local = BIN / name
    return str(local) if local.exists() else shutil.which(name)


def timed(command, *, repeats: int, shell: bool = False, ok=(0, 1)) -> list[float]:
    """Wall-clock seconds of `repeats` cold runs of a whole process."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        done = subprocess.run(command, shell=shell, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        times.append(time.perf_counter() - start)
        if done.returncode not in ok:
            raise SystemExit(f"benchmark command failed ({done.returncode}): {command}\n{done.stderr.decode()[-500:]}")
    return times


def peak_rss_kb(command) -> int:
    """Largest resident set of any process the command started (RUSAGE_CHILDREN, in a wrapper)."""
    probe = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, "
             "stderr=subprocess.DEVNULL); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    return int(subprocess.run([sys.executable, "-c", probe, *command], capture_output=True, text=True).stdout)


def summary(times: list[float]) -> str:
    return f"{statistics.median(times) * 1000:,.0f} ({min(times) * 1000:,.0f}–{max(times) * 1000:,.0f})"


class Table:
    def __init__(self):
        self.rows: list[str] = []

    def compare(self, what: str, ours: list[float], peer_name: str, peer: list[float] | None, target: float | None):
        if peer is None:
            self.rows.append(f"| {what} | {summary(ours)} | {peer_name} | skipped (tool not installed) | – | – |")
            return
        ratio = statistics.median(ours) / statistics.median(peer)
        verdict = "–" if target is None else (f"≤ {target} ✓" if ratio <= target else f"≤ {target} ✗")
        self.rows.append(f"| {what} | {summary(ours)} | {peer_name} | {summary(peer)} | {ratio:.2f} | {verdict} |")

    def markdown(self) -> str:
        head = ("| what | plantool ms, median (min–max) | measured against | peer ms, median (min–max) | ratio | target |\n"
                "|---|---|---|---|---|---|")
        return "\n".join([head, *self.rows])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="few repeats and a small corpus: proves the benchmark runs")
    parser.add_argument("--output", type=Path, help="also write the Markdown report here")
    args = parser.parse_args()
    repeats = 2 if args.quick else 11
    count = 20 if args.quick else 317

    plantool, checker, pandoc = tool("plantool"), tool("check-jsonschema"), shutil.which("pandoc")
    if plantool is None:
        raise SystemExit("plantool is not installed next to this Python; run `pip install .` first")
    work = Path(tempfile.mkdtemp(prefix="plantool-bench-"))
    try:
        report = run_all(work, plantool, checker, pandoc, repeats, count, args.quick)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(report)
    if args.output:
        args.output.write_text(report + "\n", encoding="utf-8")
    return 0


def run_all(work: Path, plantool: str, checker: str | None, pandoc: str | None, repeats: int, count: int, quick: bool) -> str:
    from ruamel.yaml import YAML

    plan = work / REAL_PLAN.name
    shutil.copy(REAL_PLAN, plan)
    markdown_file = work / "plan.md"
    markdown_file.write_text(to_markdown(YAML(typ="safe").load(REAL_PLAN.read_text(encoding="utf-8"))), encoding="utf-8")
    corpus = work / "corpus"
    corpus.mkdir()
    files = write_corpus(corpus, count)
    schema_check = [checker, "--schemafile", str(SCHEMA)] if checker else None

    table = Table()
    ours = timed([plantool, "check", str(plan)], repeats=repeats)
    peer = timed(schema_check + [str(plan)], repeats=repeats) if checker else None
    table.compare(f"cold `check` of one real plan ({plan.name}, {plan.stat().st_size // 1024} KB)", ours,
                  "`check-jsonschema --schemafile`", peer, 0.5)

    ours = timed([plantool, "--version"], repeats=repeats)
    table.compare("`plantool --version`", ours, "`python -c pass`", timed([sys.executable, "-c", "pass"], repeats=repeats), 5)

    batch_repeats = max(2, repeats // 3)
    ours = timed([plantool, "check", str(corpus)], repeats=batch_repeats)
    peer = timed(schema_check + [str(f) for f in files], repeats=batch_repeats) if checker else None
    table.compare(f"one `check` call on {len(files)} generated plans", ours, "one `check-jsonschema` call", peer, 0.15)

    out = work / "plan.docx"
    export = [plantool, "export", "docx", str(plan), "-o", str(out), "--draft", "--force"]
    ours = timed(export, repeats=repeats)
    if checker and pandoc:
        pipeline = f"'{checker}' --schemafile '{SCHEMA}' '{plan}' && '{pandoc}' '{markdown_file}' -o '{work / 'peer.docx'}'"
        table.compare("cold `export docx` (checks first)", ours, "`check-jsonschema` then `pandoc`", timed(pipeline, repeats=repeats, shell=True, ok=(0,)), 0.5)
    else:
        table.compare("cold `export docx` (checks first)", ours, "`check-jsonschema` then `pandoc`", None, 0.5)
    peer = timed([pandoc, str(markdown_file), "-o", str(work / "peer.docx")], repeats=repeats, ok=(0,)) if pandoc else None
    table.compare("the same export", ours, "`pandoc` alone", peer, 2.0)

    lines = [
        f"plantool benchmark, {datetime.date.today().isoformat()}: Python {platform.python_version()}, "
        f"{os.cpu_count()} CPUs, {platform.machine()}{', QUICK MODE (times not meaningful)' if quick else ''}",
        "",
        table.markdown(),
        "",
        memory_and_growth(work, plantool, schema_check, files, repeats, quick),
    ]
    return "\n".join(lines)


def memory_and_growth(work: Path, plantool: str, schema_check, files: list[Path], repeats: int, quick: bool) -> str:
    rows = ["| measure | plantool | check-jsonschema |", "|---|---|---|"]
    corpus = files[0].parent
    ours_kb = peak_rss_kb([plantool, "check", str(corpus)])
    peer_kb = peak_rss_kb(schema_check + [str(f) for f in files]) if schema_check else None
    rows.append(f"| peak RSS, one call on {len(files)} plans | {ours_kb / 1024:,.0f} MB | "
                f"{f'{peer_kb / 1024:,.0f} MB' if peer_kb else 'skipped'} |")

    base = (REPO / "examples" / "derbyshire-2024.plan.yaml").read_text(encoding="utf-8")
    council = councils()[0]
    for scale in (1, 4) if quick else (1, 4, 16):
        path = work / f"scale-{scale}.plan.yaml"
        path.write_text(make_plan(base, council, 0, scale), encoding="utf-8")
        ours = timed([plantool, "check", str(path)], repeats=repeats)
        peer = timed(schema_check + [str(path)], repeats=repeats) if schema_check else None
        rows.append(f"| one plan, {scale}× a real plan ({path.stat().st_size // 1024} KB) | {summary(ours)} ms | "
                    f"{summary(peer) + ' ms' if peer else 'skipped'} |")
    for count in (1, 10, 100, len(files)) if not quick else (1, 10):
        chosen = files[:count]
        ours = timed([plantool, "check", *map(str, chosen)], repeats=max(2, repeats // 3))
        peer = timed(schema_check + [str(f) for f in chosen], repeats=max(2, repeats // 3)) if schema_check else None
        rows.append(f"| {count} plan(s) in one call | {summary(ours)} ms | {summary(peer) + ' ms' if peer else 'skipped'} |")
    return "\n".join(rows)


if __name__ == "__main__":
    raise SystemExit(main())
