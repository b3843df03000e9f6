"""Pairs of plans for the diff tests: last year's, and this year's rolled forward with the real `new --from`, then edited."""

from __future__ import annotations

import io
import json
import re
import shutil
from pathlib import Path

from ruamel.yaml import YAML

from conftest import EXAMPLES, run_plantool
from plantool.plan import loader

REVIEW = "plantool: review"


def round_trip() -> YAML:
    yaml = YAML()  # round-trip: comments, order and quoting survive
    yaml.preserve_quotes = True
    yaml.width = 4096
    return yaml


def edit(path: Path, change) -> Path:
    """Load with ruamel round-trip, let `change(data)` edit it, write it back with its comments."""
    yaml = round_trip()
    data = yaml.load(path.read_text(encoding="utf-8"))
    change(data)
    out = io.StringIO()
    yaml.dump(data, out)
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def pair(tmp_path: Path, source: str | Path = "riverside-2025.plan.yaml", *, last_change=None, period: str | None = None) -> tuple[Path, Path]:
    """(last, this): a copy of an example (edited by last_change), and this year's rolled forward from it by the CLI."""
    last = tmp_path / "last.plan.yaml"
    shutil.copy(EXAMPLES / source if isinstance(source, str) else source, last)
    if last_change:
        edit(last, last_change)
    this = tmp_path / "this.plan.yaml"
    extra = ["--period", period] if period else []
    result = run_plantool("new", this, "--from", last, *extra, input="")
    assert result.returncode == 0, result.stderr
    return last, this


def reviewed(path: Path, *keys: str) -> None:
    """Delete the review mark above each dotted key, as an author does once the answer is updated."""
    doc = loader.load(path)
    lines = path.read_text(encoding="utf-8").splitlines()
    drop = set()
    for key in keys:
        parts = tuple(int(p) if p.isdigit() else p for p in re.split(r"\.|\[|\]\.?", key) if p)
        line = doc.keys[parts][0]
        assert REVIEW in lines[line - 2], f"no review mark above {key}"
        drop.add(line - 2)
    path.write_text("\n".join(l for n, l in enumerate(lines) if n not in drop) + "\n", encoding="utf-8")


def diff(last: Path, this: Path, *args, cwd=None):
    return run_plantool("diff", last, this, *args, cwd=cwd)


def diff_json(last: Path, this: Path, *args) -> dict:
    result = diff(last, this, "--format", "json", *args)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def by_name(items, side: str = "this") -> dict:
    return {(item[side]["name"] or item[side]["description"]): item for item in items}


def figure(report: dict, section: str, path: str) -> dict:
    [found] = [f for d in report["disclosures"] if d["key"] == section for f in d["figures"] if f["path"] == path]
    return found
