"""The real pre-commit, running this repository's hooks in a throwaway git repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLES, FIXTURES, REPO, require_tool

pytest.importorskip("pre_commit", reason="pre-commit comes with the test extra")


def git(*args, cwd):
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True)


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory):
    """This working tree as a clean one-commit repository, so pre-commit builds its env once."""
    require_tool("git")
    files = git("ls-files", "-co", "--exclude-standard", cwd=REPO).stdout.splitlines()
    target = tmp_path_factory.mktemp("hook-repo")
    for name in files:
        source = REPO / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    git("init", "-q", cwd=target)
    git("add", "-A", cwd=target)
    git("-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-qm", "snapshot", cwd=target)
    return target


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory):
    return tmp_path_factory.mktemp("pre-commit-home")


def try_repo(hook_repo, home, work: Path, files: dict[str, str], hook="plantool-check"):
    """Stage `files` in a fresh repository and run the hook as `git commit` would."""
    git("init", "-q", cwd=work)
    for name, text in files.items():
        (work / name).parent.mkdir(parents=True, exist_ok=True)
        (work / name).write_text(text)
    git("add", "-A", cwd=work)
    env = dict(os.environ, PRE_COMMIT_HOME=str(home), NO_COLOR="1")
    env.pop("PYTHONPATH", None)
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(hook_repo), hook, "--color", "never"],
        cwd=work, capture_output=True, text=True, env=env, timeout=600,
    )


VALID = (FIXTURES / "complete.plan.yaml").read_text()
BROKEN = VALID.replace("status: approved", "status: finished")
DRAFT_WITH_GAPS = VALID.replace("status: approved", "status: draft").replace(
    "    service_improvements: Online booking cut missed bin collections by a fifth.\n", "    service_improvements: TODO\n"
)


def test_valid_plan_passes(hook_repo, pre_commit_home, tmp_path):
    result = try_repo(hook_repo, pre_commit_home, tmp_path, {"plans/district.plan.yaml": VALID})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Passed" in result.stdout


def test_broken_plan_fails_with_file_line_col(hook_repo, pre_commit_home, tmp_path):
    result = try_repo(hook_repo, pre_commit_home, tmp_path, {"plans/district.plan.yaml": BROKEN})
    assert result.returncode == 1, result.stdout + result.stderr
    line = next(n for n, text in enumerate(BROKEN.splitlines(), 1) if "status: finished" in text)
    assert f"plans/district.plan.yaml:{line}:11: error:" in result.stdout
    assert "Failed" in result.stdout


def test_draft_with_gaps_passes_and_shows_warnings(hook_repo, pre_commit_home, tmp_path):
    result = try_repo(hook_repo, pre_commit_home, tmp_path, {"district.plan.yaml": DRAFT_WITH_GAPS})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "warning:" in result.stdout and "(unanswered)" in result.stdout


def test_strict_hook_blocks_the_same_draft(hook_repo, pre_commit_home, tmp_path):
    result = try_repo(hook_repo, pre_commit_home, tmp_path, {"district.plan.yaml": DRAFT_WITH_GAPS}, hook="plantool-check-strict")
    assert result.returncode == 1, result.stdout + result.stderr


def test_files_outside_the_naming_convention_are_not_checked(hook_repo, pre_commit_home, tmp_path):
    files = {"config/settings.yaml": BROKEN, "notes/plan.txt": BROKEN, "district.plan.yaml.bak": BROKEN}
    result = try_repo(hook_repo, pre_commit_home, tmp_path, files)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no files to check" in result.stdout.lower()
    assert "error:" not in result.stdout


def test_the_bundled_example_passes_the_hook(hook_repo, pre_commit_home, tmp_path):
    example = (EXAMPLES / "riverside-2025.plan.yaml").read_text()
    result = try_repo(hook_repo, pre_commit_home, tmp_path, {"riverside-2025.plan.yaml": example})
    assert result.returncode == 0, result.stdout + result.stderr
