"""plantool against the tools a council would otherwise use, measured side by side.

    python benchmarks/run.py                  # full run, about two minutes
    python benchmarks/run.py --quick          # CI: proves it runs; its times mean little
    python benchmarks/run.py --output FILE    # also write the Markdown report to FILE

Run it with the Python that has plantool installed: plantool and
check-jsonschema are taken from beside sys.executable, pandoc from PATH.  A
missing peer tool turns its rows into "skipped (tool not installed)".

Every figure is a whole process started afresh and timed from outside, and
every ratio compares runs made in this same invocation, taken in turn, because
absolute times on a shared 2-core machine drift.  Nothing is cached between
runs: plans live in a fresh temporary directory (checked afterwards for stray
files), and the environment is used as given, so with PYTHONDONTWRITEBYTECODE=1
any plantool module without a current .pyc is compiled on every run; the report
counts them.  Exit status is 0 unless a command that should succeed fails
(`check` may exit 1 for findings).  No timing is asserted, in either mode.
"""

from __future__ import annotations

import argparse
import datetime
import importlib.util
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

try:
    from corpus import EXAMPLES, REPO, linked_plan, scaled_plan, write_corpus  # noqa: E402
except ImportError as missing:  # ruamel.yaml lives in plantool's environment, not necessarily this Python's
    raise SystemExit(f"{missing}: run this with the Python that has plantool installed, "
                     "for example /tmp/venv/bin/python benchmarks/run.py")
from import_docs import word_plan  # noqa: E402
from markdown import to_markdown  # noqa: E402
from measure import (CommandFailed, bytecode_env_note, interleaved, median_ms, peak_rss_and_cpu, spread,  # noqa: E402
                     stale_bytecode)  # noqa: E402
from report import ComparisonTable, GrowthTable  # noqa: E402

SCHEMA = REPO / "schema" / "productivity-plan.schema.json"
CHECK_OK = (0, 1)  # 1 means findings, which is a successful check
MUST_SUCCEED = (0,)


def tool(name: str) -> str | None:
    """A console script beside this interpreter (the venv's own), else one on PATH."""
    local = Path(sys.executable).parent / name
    return str(local) if local.exists() else shutil.which(name)


def real_plan() -> Path:
    """Derbyshire's real plan; the Riverside example until that file exists."""
    derbyshire = EXAMPLES / "derbyshire-2024.plan.yaml"
    return derbyshire if derbyshire.exists() else EXAMPLES / "riverside-2025.plan.yaml"


def version(command: list[str] | None) -> str:
    if command is None:
        return "not installed"
    out = subprocess.run(command, capture_output=True, text=True)
    return (out.stdout or out.stderr).strip().splitlines()[0] if out.returncode == 0 else "unknown"


def yaml_parser(script: str | None) -> str:
    """Which YAML parser a console script's Python has: libyaml (C) or ruamel's pure Python.

    check-jsonschema reads YAML with ruamel.yaml, which uses libyaml only when
    ruamel.yaml.clib is installed (since ruamel.yaml 0.19 it no longer pulls it
    in); without it the peer is about 2.5 times slower on a batch, so the
    report says which one each side had.
    """
    if script is None:
        return "not installed"
    first = Path(script).read_bytes()[:200].split(b"\n", 1)[0]
    python = first[2:].decode().strip() if first.startswith(b"#!") else sys.executable
    probe = "import ruamel.yaml, _ruamel_yaml"
    found = subprocess.run([*python.split(), "-c", probe], capture_output=True).returncode == 0
    return "libyaml (C)" if found else "pure Python (ruamel.yaml.clib not installed)"


class Bench:
    """One invocation: the tools, the temporary workspace and the repeat count."""

    def __init__(self, work: Path, quick: bool):
        self.work, self.quick = work, quick
        self.repeats = 2 if quick else 10
        self.plantool = tool("plantool")
        self.checker = tool("check-jsonschema")
        self.pandoc = shutil.which("pandoc")
        if self.plantool is None:
            raise CommandFailed("plantool is not installed beside this Python; run `pip install -e .` into it first")

    def schema_check(self, files) -> list[str] | None:
        return [self.checker, "--schemafile", str(SCHEMA), *map(str, files)] if self.checker else None

    def pair(self, ours, ours_ok, peer, peer_ok, repeats=None):
        times = interleaved({"ours": (ours, ours_ok), "peer": (peer, peer_ok)}, repeats or self.repeats)
        return times["ours"], times.get("peer")

    def run(self) -> str:
        plan = self.work / real_plan().name
        shutil.copy(real_plan(), plan)
        from ruamel.yaml import YAML

        markdown_file = self.work / "plan.md"
        markdown_file.write_text(to_markdown(YAML(typ="safe").load(plan.read_text(encoding="utf-8"))), encoding="utf-8")
        corpus = self.work / "corpus"
        corpus.mkdir()
        files = write_corpus(corpus, 20 if self.quick else 317)
        before = sorted(p.name for p in self.work.rglob("*"))

        table = ComparisonTable()
        size = f"{plan.stat().st_size / 1024:.0f} KB"
        ours, peer = self.pair([self.plantool, "check", str(plan)], CHECK_OK, self.schema_check([plan]), CHECK_OK)
        table.add(f"1. cold `plantool check` of one real plan ({plan.name}, {size})", ours,
                  "`check-jsonschema --schemafile`", peer, 0.5)

        ours, peer = self.pair([self.plantool, "--version"], MUST_SUCCEED, [sys.executable, "-c", "pass"], MUST_SUCCEED)
        table.add("2. `plantool --version`", ours, "`python -c pass`", peer, 5)

        batch = interleaved({"check": ([self.plantool, "check", str(corpus)], CHECK_OK),
                             "summary": ([self.plantool, "summary", str(corpus)], MUST_SUCCEED),
                             "peer": (self.schema_check(files), CHECK_OK)}, self.repeats)
        batch_ours, batch_peer = batch["check"], batch.get("peer")
        table.add(f"3. one `plantool check` call on {len(files)} generated plans", batch_ours,
                  "one `check-jsonschema` call, same files", batch_peer, 0.15)
        table.add(f"4. one `plantool summary` call on the same {len(files)} plans (CSV to stdout)", batch["summary"],
                  "the same `check-jsonschema` runs", batch_peer, 0.3)

        docx, peer_docx = self.work / "out" / "plan.docx", self.work / "out" / "peer.docx"
        docx.parent.mkdir()
        export = [self.plantool, "export", "docx", str(plan), "-o", str(docx), "--draft", "--force"]
        pandoc = [self.pandoc, str(markdown_file), "-o", str(peer_docx)] if self.pandoc else None
        pipeline = (f"'{self.checker}' --schemafile '{SCHEMA}' '{plan}' && '{self.pandoc}' '{markdown_file}' -o '{peer_docx}'"
                    if self.checker and self.pandoc else None)
        times = interleaved({"ours": (export, MUST_SUCCEED), "pipeline": (pipeline, MUST_SUCCEED),
                             "pandoc": (pandoc, MUST_SUCCEED)}, self.repeats)
        label = f"cold `plantool export docx {plan.name} -o x.docx --draft --force`"
        table.add(f"5. {label}", times["ours"], "`check-jsonschema … && pandoc plan.md -o out.docx`",
                  times.get("pipeline"), 0.5)
        table.add("6. the same export", times["ours"], "`pandoc plan.md -o out.docx` alone", times.get("pandoc"), 2.0)

        sections = [self.header(), "", table.markdown(), "", self.notes(plan, markdown_file, len(files)),
                    "", self.memory(corpus, files),
                    "", self.register_cost(plan),
                    "", self.by_size(plan),
                    "", self.by_count(files, batch_ours, batch_peer),
                    "", self.import_growth(),
                    "", self.by_links(plan)]
        stray = sorted(set(p.name for p in self.work.rglob("*")) - set(before) - {"out", "plan.docx", "peer.docx", "no-code.plan.yaml", "import"}
                       - {p.name for p in self.work.glob("scale-*")} - {p.name for p in (self.work / "import").glob("*")}
                       - {p.name for p in self.work.glob("links-*")} - {p.name for p in (self.work / "out").glob("links-*")})
        sections += ["", f"Files written beside the plans during the run: {', '.join(stray) or 'none'}."]
        return "\n".join(sections)

    def header(self) -> str:
        installed = importlib.util.find_spec("plantool")  # the package the plantool command runs, not the source tree
        stale, total = stale_bytecode(Path(installed.origin).parent if installed and installed.origin else REPO / "plantool")
        spec = importlib.util.find_spec("check_jsonschema")
        peer_stale = stale_bytecode(Path(spec.origin).parent) if spec and spec.origin else None
        mode = "QUICK MODE: few repeats, small corpus; the times prove it runs, nothing more. " if self.quick else ""
        return "\n".join([
            f"Python {platform.python_version()} ({platform.python_implementation()}), {os.cpu_count()} CPUs, "
            f"{platform.system()} {platform.machine()}, {datetime.datetime.now().isoformat(timespec='minutes')}",
            "",
            f"{mode}Times are wall milliseconds of whole processes, median (min–max) of {self.repeats} runs each, "
            f"after one untimed warm-up; compared commands ran in turn. Versions: {version([self.plantool, '--version'])}; "
            f"{version([self.checker, '--version']) if self.checker else 'check-jsonschema not installed'}; "
            f"{version([self.pandoc, '--version']) if self.pandoc else 'pandoc not installed'}. "
            f"YAML parser: plantool {yaml_parser(self.plantool)}, check-jsonschema {yaml_parser(self.checker)}. "
            f"{bytecode_env_note()}: {stale} of {total} plantool modules have no current .pyc and are compiled on "
            f"every run" + (f" (check-jsonschema: {peer_stale[0]} of {peer_stale[1]})." if peer_stale else "."),
        ])

    def notes(self, plan: Path, markdown_file: Path, count: int) -> str:
        return "\n".join([
            f"- Row 1 uses {plan.name}" + ("" if plan.name.startswith("derbyshire") else
                                           " (derbyshire-2024.plan.yaml does not exist yet)") + ".",
            "- Row 3: plantool forks worker processes for 16 or more files (one per CPU here); check-jsonschema "
            "uses one process. The CPU time below separates the two causes of the gap: less work, and two cores.",
            "- Row 4: `plantool summary` checks every plan as `check` does (same workers), extracts its figures in the "
            "same pass, matches it to the council register and writes the CSV; rows 3 and 4 and their peer ran in turn.",
            f"- Rows 5–6: the real plan has check errors, so plantool exports it with `--draft` (a plain export "
            f"refuses); the check still runs first. The peer's Markdown ({markdown_file.stat().st_size / 1024:.0f} KB) "
            "comes from the same plan via benchmarks/markdown.py; `&&` runs through /bin/sh.",
            f"- The {count} generated plans (benchmarks/corpus.py) are one per English council, 8–20 KB, seeded; "
            "most are clean, a few carry findings.",
        ])

    def memory(self, corpus: Path, files: list[Path]) -> str:
        rows = ["| one call on %d plans | peak RSS, largest process | CPU s, user+sys, all processes |" % len(files),
                "|---|---|---|"]
        for command in ("check", "summary"):
            mb, cpu = peak_rss_and_cpu([self.plantool, command, str(corpus)])
            rows.append(f"| plantool {command} | {mb:,.0f} MB | {cpu:.2f} |")
        if self.checker:
            mb, cpu = peak_rss_and_cpu(self.schema_check(files))
            rows.append(f"| check-jsonschema | {mb:,.0f} MB | {cpu:.2f} |")
        else:
            rows.append("| check-jsonschema | skipped (tool not installed) | – |")
        return "\n".join(rows)

    def register_cost(self, plan: Path) -> str:
        """The council register is read only when a plan has a GSS code: what that costs a cold check."""
        without = self.work / "no-code.plan.yaml"
        without.write_text(re.sub(r"(?m)^(\s*gss_code:).*$", r"\1", plan.read_text(encoding="utf-8")), encoding="utf-8")
        times = interleaved({"with": ([self.plantool, "check", str(plan)], CHECK_OK),
                             "without": ([self.plantool, "check", str(without)], CHECK_OK)}, self.repeats)
        extra = median_ms(times["with"]) - median_ms(times["without"])
        return "\n".join([
            "| cold `plantool check` of the real plan | ms, median (min–max) |", "|---|---:|",
            f"| with its GSS code (the council register is read) | {spread(times['with'])} |",
            f"| with the GSS code left empty (register not read) | {spread(times['without'])} |",
            f"| cost of the register | {extra:,.0f} |",
        ])

    def by_size(self, plan: Path) -> str:
        table = GrowthTable("one plan, N× the real plan", "size")
        for scale in (1, 4) if self.quick else (1, 4, 16):
            path = self.work / f"scale-{scale}.plan.yaml"
            path.write_text(scaled_plan(plan, scale), encoding="utf-8")
            ours, peer = self.pair([self.plantool, "check", str(path)], CHECK_OK, self.schema_check([path]), CHECK_OK)
            table.add(f"{scale}×", f"{path.stat().st_size / 1024:,.0f} KB", ours, peer)
        return table.markdown()

    def by_count(self, files: list[Path], batch_ours, batch_peer) -> str:
        table = GrowthTable("files in one call", "per file (plantool)")
        counts = (1, 10) if self.quick else (1, 10, 100)
        for count in counts:
            chosen = files[:count]
            ours, peer = self.pair([self.plantool, "check", *map(str, chosen)], CHECK_OK,
                                   self.schema_check(chosen), CHECK_OK)
            table.add(str(count), f"{median_ms(ours) / count:,.1f} ms", ours, peer)
        table.add(f"{len(files)} (row 3)", f"{median_ms(batch_ours) / len(files):,.1f} ms", batch_ours, batch_peer)
        return table.markdown()

    def import_growth(self) -> str:
        """`plantool import docx` on Word plans of growing size: time per MB of body XML, how it grows, memory."""
        folder = self.work / "import"
        folder.mkdir()
        rows = ["| body XML (word/document.xml) | `plantool import docx` wall ms, median (min–max) | wall s per MB | "
                "CPU s per MB | growth: time ratio ÷ size ratio | peak RSS |", "|---:|---:|---:|---:|---:|---:|"]
        previous = None
        for target in (0.25, 0.5) if self.quick else (0.5, 1, 2, 4):
            source = folder / f"plan-{target}.docx"
            size = word_plan(source, target)
            command = [self.plantool, "import", "docx", str(source), "-o", str(folder / "out.plan.yaml"), "--force"]
            times = interleaved({"import": (command, MUST_SUCCEED)}, 1 if self.quick else 3)["import"]
            memory, cpu = peak_rss_and_cpu(command)
            growth = "–" if previous is None else f"{(median_ms(times) / previous[1]) / (size / previous[0]):.2f}"
            rows.append(f"| {size:.2f} MB | {spread(times)} | {median_ms(times) / 1000 / size:.2f} | {cpu / size:.2f} | "
                        f"{growth} | {memory:,.0f} MB |")
            previous = (size, median_ms(times))
        return "\n".join([*rows, "",
                          "Import's budget is 2 s per MB of body XML on this machine; a growth near 1.00 means time "
                          "grows in step with size (linear). The whole process is timed (start-up of about half a "
                          "second included, which weighs most on the smallest plan). The import refuses bodies over "
                          "10 MB; a long real plan is under 1 MB."])

    def by_links(self, plan: Path) -> str:
        """Export time against the number of web links: each is a relationship in the Word file.

        The extra time over the same plan without the links, per 1,000 links,
        stays flat when the cost of a link does not depend on how many came
        before it (it used to grow with their square: issue 19).
        """
        counts = (0, 1_000, 5_000) if self.quick else (0, 1_000, 5_000, 10_000)
        commands = {}
        for count in counts:
            path = self.work / f"links-{count}.plan.yaml"
            path.write_text(linked_plan(plan, count), encoding="utf-8")
            out = self.work / "out" / f"links-{count}.docx"
            commands[count] = ([self.plantool, "export", "docx", str(path), "-o", str(out), "--draft", "--force"], MUST_SUCCEED)
        times = interleaved(commands, min(self.repeats, 5))
        base = median_ms(times[0])
        rows = ["| web links added to the real plan | plan size | cold `plantool export docx --draft` ms | "
                "extra ms per 1,000 links |", "|---:|---:|---:|---:|"]
        for count in counts:
            size = (self.work / f"links-{count}.plan.yaml").stat().st_size / 1024
            extra = f"{(median_ms(times[count]) - base) * 1000 / count:,.0f}" if count else "–"
            rows.append(f"| {count:,} | {size:,.0f} KB | {spread(times[count])} | {extra} |")
        return "\n".join(rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="few repeats and a small corpus: proves the suite runs")
    parser.add_argument("--output", type=Path, help="also write the Markdown report to this file")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="plantool-bench-"))
    try:
        report = Bench(work, args.quick).run()
    except CommandFailed as failure:
        print(f"benchmark failed: {failure}", file=sys.stderr)
        return 1
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(report)
    if args.output:
        args.output.write_text(report + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
