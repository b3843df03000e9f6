"""Build the wheel, install it in a new venv outside the repository, and check a plan from there."""

from __future__ import annotations

import json
import subprocess
import sys
import sysconfig
import venv
import zipfile

import pytest

from conftest import FIXTURES, REPO


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """A venv holding only the built wheel; dependencies come from this test environment."""
    base = tmp_path_factory.mktemp("wheel")
    dist = base / "dist"
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist), str(REPO)],
        capture_output=True, text=True, timeout=600,
    )
    assert built.returncode == 0, built.stderr
    [wheel] = dist.glob("plantool-*.whl")
    env_dir = base / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    done = subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "--no-deps", "--no-index", str(wheel)],
        capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stderr
    # Let the new venv see this environment's dependencies (not its plantool): a .pth line
    # adds the directory, but .pth files inside it (such as an editable install) are not read.
    site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          capture_output=True, text=True).stdout.strip()
    with open(f"{site}/zz-test-deps.pth", "w") as handle:
        handle.write(sysconfig.get_paths()["purelib"] + "\n")
    return wheel, env_dir


def test_wheel_carries_the_schema(installed):
    wheel, _ = installed
    names = zipfile.ZipFile(wheel).namelist()
    assert "plantool/data/productivity-plan.schema.json" in names
    packaged = json.loads(zipfile.ZipFile(wheel).read("plantool/data/productivity-plan.schema.json"))
    assert packaged == json.loads((REPO / "schema" / "productivity-plan.schema.json").read_text())


def test_installed_plantool_checks_a_plan_outside_the_repo(installed, tmp_path):
    _, env_dir = installed
    plan = tmp_path / "x.plan.yaml"
    plan.write_text((FIXTURES / "complete.plan.yaml").read_text())
    result = subprocess.run([str(env_dir / "bin" / "plantool"), "check", str(plan)],
                            capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "26 of 26 questions answered" in result.stdout
    where = subprocess.run([str(env_dir / "bin" / "python"), "-c", "import plantool, plantool.schema as s; print(plantool.__file__); print(s.schema_path())"],
                           capture_output=True, text=True, cwd=tmp_path).stdout.split()
    assert all(str(env_dir) in line for line in where), where


def test_installed_plantool_carries_the_council_register(installed, tmp_path):
    wheel, env_dir = installed
    assert "plantool/register/english-councils-2024.csv" in zipfile.ZipFile(wheel).namelist()
    result = subprocess.run([str(env_dir / "bin" / "plantool"), "councils", "E07000039", "--format", "json"],
                            capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert result.returncode == 0, result.stderr
    listing = json.loads(result.stdout)
    assert listing["register"]["councils"] == 317
    assert [c["name"] for c in listing["councils"]] == ["South Derbyshire District Council"]
    made = subprocess.run([str(env_dir / "bin" / "plantool"), "new", "x.plan.yaml", "--council", "south derbyshire"],
                          capture_output=True, text=True, cwd=tmp_path, timeout=120, stdin=subprocess.DEVNULL)
    assert made.returncode == 0, made.stderr
    assert "gss_code: E07000039" in (tmp_path / "x.plan.yaml").read_text()
