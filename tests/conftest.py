"""Shared test helpers: run the real CLI, find examples, and require external tools."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
IN_CI = os.environ.get("CI") == "true"


def run_plantool(*args, cwd=None, input=None, env=None, timeout=120) -> subprocess.CompletedProcess:
    """Run `python -m plantool` as a real process, as a user or a hook would."""
    full_env = dict(os.environ)
    full_env.pop("NO_COLOR", None)
    full_env["PYTHONPATH"] = str(REPO) + os.pathsep + full_env.get("PYTHONPATH", "")
    if env:
        full_env.update(env)
    return subprocess.run(
        [sys.executable, "-m", "plantool", *map(str, args)],
        cwd=cwd,
        input=input,
        capture_output=True,
        text=True,
        env=full_env,
        timeout=timeout,
    )


def require_tool(name: str) -> str:
    """The path to an external tool; skipped locally when absent, but a failure in CI."""
    found = shutil.which(name)
    if found:
        return found
    if IN_CI:
        pytest.fail(f"{name} is required in CI (.ci/run installs it)")
    pytest.skip(f"{name} is not installed (CI installs it)")


def printed_exports(plans: dict[str, tuple[Path, list[str]]], out: Path, timeout: int = 600) -> dict[str, Path]:
    """name -> its PDF: each plan exported to Word (with its extra options) and all printed by LibreOffice at once.

    One LibreOffice start-up for the lot, with a private profile in `out`; the
    .docx is beside each PDF, under the same name.
    """
    soffice = require_tool("soffice")
    documents = {}
    for name, (plan, options) in plans.items():
        documents[name] = out / f"{name}.docx"
        result = run_plantool("export", "docx", plan, "-o", documents[name], *options)
        assert result.returncode == 0, result.stderr
    converted = subprocess.run(
        [soffice, f"-env:UserInstallation={(out / 'profile').as_uri()}", "--headless", "--convert-to", "pdf",
         "--outdir", str(out), *map(str, documents.values())],
        capture_output=True, text=True, timeout=timeout,
    )
    assert converted.returncode == 0, converted.stderr
    return {name: document.with_suffix(".pdf") for name, document in documents.items()}


def require_c_parser():
    """libyaml's parser, as the loader picks it; skipped locally when ruamel.yaml.clib is absent, a failure in CI."""
    from plantool.plan.loader import _c_parser

    found = _c_parser()
    if found is not None:
        return found
    if IN_CI:
        pytest.fail("ruamel.yaml.clib is required in CI: without it the C and pure parsers cannot be compared")
    pytest.skip("ruamel.yaml.clib is not installed, so there is no C parser to compare with (CI installs it)")


@pytest.fixture
def plantool():
    return run_plantool
