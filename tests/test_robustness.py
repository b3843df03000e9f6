"""Hostile and awkward input, hostile exports, killed processes, full disks, and no network.

Every case runs the real CLI in a child process with a memory limit and a
timeout, so "refused quickly with bounded memory" is what is tested, without
asserting times on a shared machine.
"""

from __future__ import annotations

import io
import os
import resource
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import docx
import pytest

from conftest import EXAMPLES, FIXTURES, REPO, require_tool

MEMORY_LIMIT = 1024 * 1024 * 1024  # 1 GB of address space: a bomb would need far more


def run(*args, cwd=None, env=None, limit_memory=True, extra=None, timeout=60):
    """The CLI as a child process, with bounded memory; never more than `timeout` seconds."""
    full_env = dict(os.environ, PYTHONPATH=str(REPO), NO_COLOR="1")
    full_env.update(env or {})

    def limits():
        if limit_memory:
            resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
        if extra:
            extra()

    return subprocess.run(
        [sys.executable, "-m", "plantool", *map(str, args)],
        cwd=cwd, env=full_env, capture_output=True, text=True, timeout=timeout,
        preexec_fn=limits, stdin=subprocess.DEVNULL,
    )


def assert_clean_failure(result, exit_code: int, *expected: str):
    assert result.returncode == exit_code, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    for text in expected:
        assert text in result.stdout + result.stderr


LAUGHS = 'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n' + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]\n" for i in range(9)
)

HOSTILE = {
    "billion laughs": (LAUGHS, "(yaml-limits)"),
    "deep flow nesting": ("a: " + "[" * 100_000 + "]" * 100_000 + "\n", "(yaml-limits)"),
    "deep block nesting": ("".join("  " * i + f"k{i}:\n" for i in range(200)) + "  " * 200 + "x: 1\n", "(yaml-limits)"),
    "file over the size limit": ('a: "' + "x" * 2_500_000 + '"\n', "2 MB limit"),
    "very long line": ("plan:\n  title: '" + "x" * 1_500_000 + "'\n", "(schema)"),
    "python object tag": ("a: !!python/object/apply:os.system ['touch HACKED']\n", "(yaml-tag)"),
    "anchor cycle": ("a: &x\n  b: *x\n", "(yaml-limits)"),
}


@pytest.mark.parametrize("case", list(HOSTILE), ids=list(HOSTILE))
def test_hostile_yaml_is_refused_with_a_finding(tmp_path, case):
    text, expected = HOSTILE[case]
    plan = tmp_path / "hostile.plan.yaml"
    plan.write_text(text)
    result = run("check", plan, cwd=tmp_path)
    assert_clean_failure(result, 1, expected, f"{plan}:")
    assert not (tmp_path / "HACKED").exists()  # no code from a plan ever runs


AWKWARD_BYTES = {
    "not UTF-8": ("schema_version: 1\ncouncil:\n  name: Caf\xe9\n".encode("latin-1"), 1, "(file-format)"),
    "NUL byte": (b"schema_version: 1\x00\n", 1, "(file-format)"),
    "binary named .yaml": (bytes(range(256)) * 40, 1, "(file-format)"),
    "empty file": (b"", 1, "(file-format)"),
    "only a list": (b"- one\n- two\n", 1, "found a list"),
    "only a scalar": (b"just words\n", 1, "found 'just words'"),
    "tab indentation": (b"council:\n\tname: x\n", 1, "(yaml-syntax)"),
}


@pytest.mark.parametrize("case", list(AWKWARD_BYTES), ids=list(AWKWARD_BYTES))
def test_awkward_input_gives_a_one_line_finding(tmp_path, case):
    data, code, expected = AWKWARD_BYTES[case]
    plan = tmp_path / "awkward.plan.yaml"
    plan.write_bytes(data)
    result = run("check", plan)
    assert_clean_failure(result, code, expected)
    findings = [line for line in result.stdout.splitlines() if line.startswith(f"{plan}:") and ": error:" in line]
    assert findings and all(line.count("\n") == 0 for line in findings)


def test_bom_crlf_and_tabs_inside_text_blocks_are_accepted(tmp_path):
    text = (FIXTURES / "complete.plan.yaml").read_text().replace("      We merged three", "      We\tmerged three")
    plan = tmp_path / "windows.plan.yaml"
    plan.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode())
    result = run("check", plan)
    assert result.returncode == 0, result.stdout


def test_a_pasted_tab_where_yaml_forbids_it_is_explained(tmp_path):
    text = (FIXTURES / "complete.plan.yaml").read_text().replace("\n  type: district", "\n\ttype: district")
    plan = tmp_path / "pasted.plan.yaml"
    plan.write_text(text)
    result = run("check", plan)
    line = next(n for n, l in enumerate(text.splitlines(), 1) if "\t" in l)
    assert_clean_failure(result, 1, f"{plan}:{line}:", "a tab character", "(yaml-syntax)")


def test_a_tab_inside_a_sentence_is_text(tmp_path):
    """YAML 1.2 allows tabs inside plain text; libyaml, which check uses, agrees."""
    text = (FIXTURES / "complete.plan.yaml").read_text().replace("One team handles", "One\tteam handles")
    plan = tmp_path / "pasted.plan.yaml"
    plan.write_text(text)
    assert run("check", plan).returncode == 0


def test_a_directory_named_like_a_plan_and_a_missing_file_are_io_errors(tmp_path):
    (tmp_path / "folder.plan.yaml").mkdir()
    result = run("check", tmp_path / "folder.plan.yaml" / "..", tmp_path / "missing.plan.yaml")
    assert_clean_failure(result, 2, "missing.plan.yaml")


def test_unreadable_file_is_an_io_error(tmp_path):
    plan = tmp_path / "secret.plan.yaml"
    shutil.copy(FIXTURES / "complete.plan.yaml", plan)
    plan.chmod(0)
    if os.geteuid() == 0:  # root reads anything: drop the capabilities that let it, for this run

        def drop_read_override():
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            for capability in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
                if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
                    raise OSError(ctypes.get_errno(), "cannot drop capability")

        result = run("check", plan, extra=drop_read_override)
    else:
        result = run("check", plan)
    assert_clean_failure(result, 2, "permission denied")


def test_symlink_loops_and_repeated_files_are_walked_once(tmp_path):
    plans = tmp_path / "plans"
    plans.mkdir()
    shutil.copy(FIXTURES / "complete.plan.yaml", plans / "a.plan.yaml")
    (plans / "loop").symlink_to(plans, target_is_directory=True)
    (plans / "self").symlink_to(tmp_path, target_is_directory=True)
    result = run("check", plans, plans, plans / "a.plan.yaml", timeout=30)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("a.plan.yaml:") == 1


def hostile_plan(tmp_path) -> Path:
    """A plan with a 50,000-character paragraph, 10,000 initiatives, control characters and bad links."""
    from plan_helpers import at, complete_plan, to_yaml

    data = complete_plan()
    paragraph = ("Savings came from one shared service centre. " * 1200)[:50_000]
    at(data, "plan.introduction", paragraph + "\x0b\x1f end.")
    at(data, "themes.transformation.initiatives", [{"name": f"Project {n}", "status": "planned"} for n in range(10_000)])
    at(data, "themes.technology_and_data.technology_plans",
       "See [our tool](javascript:alert(1)) and [the share](file:///S:/plan.docx).")
    plan = tmp_path / "big.plan.yaml"
    plan.write_text(to_yaml(data))
    return plan


def test_hostile_export_is_a_valid_document_that_libreoffice_opens(tmp_path):
    soffice = require_tool("soffice")
    plan = hostile_plan(tmp_path)
    checked = run("check", plan)
    assert checked.returncode == 1 and checked.stdout.count("(link-scheme)") == 2
    result = run("export", "docx", plan, "-o", tmp_path / "big.docx", "--draft", timeout=300)
    assert result.returncode == 0, result.stderr
    document = docx.Document(tmp_path / "big.docx")
    assert len(document.tables[0].rows) == 10_001
    targets = [rel.target_ref for rel in document.part.rels.values() if rel.is_external]
    assert not [t for t in targets if t.startswith(("javascript:", "file:"))]
    assert "our tool" in "\n".join(p.text for p in document.paragraphs)
    # LibreOffice opens it and reads every row (as text: laying out 285 pages as PDF takes minutes)
    converted = subprocess.run(
        [soffice, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--convert-to", "txt:Text",
         "--outdir", str(tmp_path), str(tmp_path / "big.docx")],
        capture_output=True, text=True, timeout=600,
    )
    assert converted.returncode == 0, converted.stderr
    text = (tmp_path / "big.txt").read_text(encoding="utf-8-sig")
    assert sum(1 for line in text.splitlines() if line.startswith("Project ")) == 10_000
    assert "Savings came from one shared service centre. " * 100 in text.replace("\n", " ")


def template_cases(tmp_path) -> dict[str, Path]:
    good = tmp_path / "good.docx"
    docx.Document().save(good)
    macro = tmp_path / "looks-fine.docx"  # a .docm renamed: the package says what it is
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(macro, "w") as target:
        for item in source.infolist():
            content = source.read(item)
            if item.filename == "[Content_Types].xml":
                content = content.replace(b"wordprocessingml.document.main+xml", b"ms-word.document.macroEnabled.main+xml")
            target.writestr(item, content)
        target.writestr("word/vbaProject.bin", b"Attribute VB_Name = \"AutoOpen\"")
    corrupt = tmp_path / "corrupt.docx"
    corrupt.write_bytes(good.read_bytes()[:-200])
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as target:
        target.writestr("[Content_Types].xml", "<Types/>")
        target.writestr("word/document.xml", b"\0" * (300 * 1024 * 1024))
    text = tmp_path / "notes.docx"
    text.write_text("not a Word file")
    docm = tmp_path / "macro.docm"
    shutil.copy(good, docm)
    return {"not a docx": text, ".docm name": docm, "macro content": macro, "corrupt zip": corrupt, "zip bomb": bomb}


def test_bad_templates_are_refused_before_anything_is_written(tmp_path):
    plan = tmp_path / "plan.plan.yaml"
    shutil.copy(FIXTURES / "complete.plan.yaml", plan)
    for case, template in template_cases(tmp_path).items():
        result = run("export", "docx", plan, "--template", template)
        assert_clean_failure(result, 2, str(template))
        assert not (tmp_path / "plan.docx").exists(), case
        assert len(result.stderr.strip().splitlines()) == 1, (case, result.stderr)


def test_a_dotx_template_is_accepted(tmp_path):
    dotx = tmp_path / "house.dotx"
    buffer = io.BytesIO()
    docx.Document().save(buffer)
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(dotx, "w") as target:
        for item in source.infolist():
            content = source.read(item).replace(b"wordprocessingml.document.main+xml", b"wordprocessingml.template.main+xml")
            target.writestr(item, content)
    plan = tmp_path / "plan.plan.yaml"
    shutil.copy(FIXTURES / "complete.plan.yaml", plan)
    assert run("export", "docx", plan, "--template", dotx).returncode == 0


def stray_files(directory: Path) -> list[str]:
    return [p.name for p in directory.iterdir() if p.name.endswith(".tmp") or p.name.startswith(".")]


def test_sigkill_during_export_leaves_the_previous_file_and_no_temporary_files(tmp_path):
    plan = hostile_plan(tmp_path)
    target = tmp_path / "big.docx"
    first = run("export", "docx", plan, "-o", target, "--draft", timeout=300)
    assert first.returncode == 0, first.stderr
    before = target.read_bytes()
    env = dict(os.environ, PYTHONPATH=str(REPO), NO_COLOR="1")
    outcomes = set()
    for delay in (0.3, 1.0, 2.0, 3.5):
        process = subprocess.Popen([sys.executable, "-m", "plantool", "export", "docx", str(plan), "-o", str(target), "--draft"],
                                   env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        after = target.read_bytes()
        assert after == before or zipfile.ZipFile(io.BytesIO(after)).testzip() is None
        outcomes.add("old" if after == before else "new")
        assert stray_files(tmp_path) == []
    assert "old" in outcomes  # at least one kill landed before the new file was complete


def test_a_full_disk_keeps_the_old_file_and_leaves_no_temporary_file(tmp_path):
    """Simulated with RLIMIT_FSIZE: the write fails with EFBIG exactly as ENOSPC would."""
    plan = tmp_path / "plan.plan.yaml"
    shutil.copy(FIXTURES / "complete.plan.yaml", plan)
    target = tmp_path / "plan.docx"
    target.write_bytes(b"the council's own file")

    def small_disk():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))

    result = run("export", "docx", plan, "--force", extra=small_disk)
    assert_clean_failure(result, 2, "cannot write")
    assert target.read_bytes() == b"the council's own file"
    assert stray_files(tmp_path) == []
    result = run("new", tmp_path / "next.plan.yaml", extra=small_disk)
    assert_clean_failure(result, 2, "cannot write")
    assert not (tmp_path / "next.plan.yaml").exists() and stray_files(tmp_path) == []


def test_check_never_writes_anything(tmp_path):
    for example in EXAMPLES.glob("*.plan.yaml"):
        shutil.copy(example, tmp_path / example.name)
    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in tmp_path.iterdir()}
    run("check", tmp_path, "--format", "json")
    assert {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in tmp_path.iterdir()} == before


def test_no_command_touches_the_network(tmp_path):
    """sitecustomize makes every socket raise; each command must still work."""
    guard = tmp_path / "guard"
    guard.mkdir()
    (guard / "sitecustomize.py").write_text(
        "import socket\n"
        "def _refuse(*a, **k):\n"
        "    raise OSError('network access attempted')\n"
        "socket.socket = _refuse\n"
        "socket.create_connection = _refuse\n"
        "socket.getaddrinfo = _refuse\n"
    )
    env = {"PYTHONPATH": f"{guard}{os.pathsep}{REPO}"}
    plan = tmp_path / "plan.plan.yaml"
    commands = [
        ("new", plan, "--council", "E07000039", "--period", "2025/26"),
        ("check", plan),
        ("check", EXAMPLES / "riverside-2025.plan.yaml", "--format", "json"),
        ("export", "docx", EXAMPLES / "riverside-2025.plan.yaml", "-o", tmp_path / "r.docx"),
        ("councils", "durham", "--format", "json"),
        ("schema",),
    ]
    for command in commands:
        result = run(*command, env=env)
        assert result.returncode == 0, (command, result.stderr)
        assert "network access attempted" not in result.stdout + result.stderr
    # the guard is real: the same environment refuses a plain connection attempt
    probe = subprocess.run([sys.executable, "-c", "import socket; socket.create_connection(('pypi.org', 443))"],
                           env=dict(os.environ, **env), capture_output=True, text=True)
    assert probe.returncode != 0 and "network access attempted" in probe.stderr
