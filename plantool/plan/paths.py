"""Plan file names: which files are plans, where to find them, and what an output beside one is called."""

from __future__ import annotations

import os
from pathlib import Path

PLAN_SUFFIXES = (".plan.yaml", ".plan.yml")  # what `check DIR` and the pre-commit hook look for
YAML_SUFFIXES = (".yaml", ".yml")  # also accepted as a plan given by name
NEW_PLAN_SUFFIX = PLAN_SUFFIXES[0]


def stem(path: Path, suffixes: tuple[str, ...] = PLAN_SUFFIXES + YAML_SUFFIXES) -> str:
    """The name without its plan or document suffix (matched without regard to case)."""
    name = path.name
    for suffix in suffixes:
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return name


def beside(path: Path, suffix: str, suffixes: tuple[str, ...] = PLAN_SUFFIXES + YAML_SUFFIXES) -> Path:
    """derbyshire-2024.plan.yaml -> derbyshire-2024.docx (with suffix '.docx'), in the same folder."""
    return path.with_name(stem(path, suffixes) + suffix)


def expand(paths: list[str]) -> tuple[list[Path], list[str]]:
    """Files to check from the command line: files as given, directories walked for *.plan.yaml.

    Returns the files (each once) and I/O problems for arguments that are neither.
    Directory walks do not follow symlinked directories, so a symlink loop cannot trap them.
    """
    files: list[Path] = []
    seen: set[str] = set()
    problems: list[str] = []

    def add(path: Path) -> None:
        try:
            key = os.path.realpath(path)
        except OSError:
            key = str(path)
        if key not in seen:
            seen.add(key)
            files.append(path)

    for arg in paths:
        path = Path(arg)
        if path.is_dir():
            found = []
            for root, dirs, names in os.walk(path, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found += [Path(root) / n for n in sorted(names) if n.endswith(PLAN_SUFFIXES)]
            if not found:
                problems.append(f"{arg}: no plan files (*.plan.yaml) in this directory")
            for item in found:
                add(item)
        else:
            add(path)  # missing or unreadable files are reported when checked
    return files, problems
