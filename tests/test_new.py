"""`plantool new`: a scaffold generated from the schema, written safely, rolled forward."""

from __future__ import annotations

import copy
import io
import json
import os
import pty
import re
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest
from plan_helpers import check_text, complete_plan
from ruamel.yaml import YAML

from conftest import EXAMPLES, REPO, run_plantool

from plantool.plan import loader as document
from plantool.plan.questions import not_expected
from plantool.scaffold.blank import scaffold_text
from plantool.plan.schema import Schema, load_schema, schema_text


def new(tmp_path, *args, name="plan.plan.yaml"):
    result = run_plantool("new", tmp_path / name, *args, input="")
    return result, tmp_path / name


def test_fresh_scaffold_fits_the_schema_and_reports_gaps_as_warnings(tmp_path):
    result, path = new(tmp_path, "--council", "South Derbyshire", "--period", "2025/26")
    assert result.returncode == 0, result.stderr
    checked = run_plantool("check", path)
    assert checked.returncode == 0, checked.stdout
    lines = checked.stdout.splitlines()
    assert not [l for l in lines if ": error:" in l]
    assert re.search(r"; 0 of \d+ questions answered$", lines[-1])
    assert sum("(unanswered)" in l for l in lines) >= 20
    assert run_plantool("check", "--strict", path).returncode == 1


def test_every_question_appears_in_schema_order_with_its_guidance_above(tmp_path):
    result, path = new(tmp_path)
    text = path.read_text()
    lines = text.splitlines()
    schema = load_schema()
    doc = document.load(path)
    previous = 0
    skipped = not_expected(schema, doc.data)  # the combined agency-and-consultants alternative
    for question_path, node in schema.questions():
        if question_path in skipped:
            assert question_path not in doc.keys
            continue
        line, _ = doc.keys[question_path]
        assert line > previous, question_path  # schema order
        previous = line
        comments = []
        for above in reversed(lines[: line - 1]):
            if not above.strip().startswith("#"):
                break
            comments.insert(0, above.strip().lstrip("# "))
        guidance = " ".join(comments)
        assert node["title"] in guidance and " ".join(node["x-plantool-question"].split()[:4]) in guidance, question_path
        value = doc.data
        for part in question_path:
            value = value[part]
        if node.get("x-plantool-format") == "text":
            assert value == "TODO", question_path
        else:  # a figure, or a figure with its base: empty until filled in
            assert value is None or set(value.values()) == {None}, question_path
    assert text.count(": TODO") == sum(
        1 for p, n in schema.questions() if n.get("x-plantool-format") == "text" and p not in skipped
    )


def test_adding_a_prompt_to_the_schema_changes_the_scaffold(tmp_path):
    raw = json.loads(schema_text())
    theme = raw["properties"]["themes"]["properties"]["transformation"]
    theme["properties"]["workforce_skills"] = {
        "$ref": "#/$defs/text",
        "title": "Workforce skills",
        "x-plantool-question": "Which skills will staff need for the changes ahead?",
        "description": "Name the skills and how you will build them.",
    }
    text = scaffold_text(Schema(raw), {}, [])
    lines = text.splitlines()
    index = lines.index("    workforce_skills: TODO")
    assert "Which skills will staff need" in " ".join(lines[index - 3 : index])
    assert "workforce_skills" not in scaffold_text(load_schema(), {}, [])


def test_list_shapes_are_shown_as_comments(tmp_path):
    _, path = new(tmp_path)
    text = path.read_text()
    for field in ("#   - name:", "#   - measure:", "#   - barrier:", "#     government_action:"):
        assert field in text, field


def test_modeline_points_at_a_schema_copy_beside_the_plan(tmp_path):
    result, path = new(tmp_path)
    first = path.read_text().splitlines()[0]
    ref = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first).group(1)
    assert not ref.startswith(("/", "http")), "must be relative, to work on any machine and offline"
    assert (path.parent / ref).read_text() == schema_text()


def test_schema_ref_option_uses_the_given_reference_and_writes_no_copy(tmp_path):
    (tmp_path / "schema").mkdir()
    (tmp_path / "schema" / "plan.schema.json").write_text(schema_text())
    result, path = new(tmp_path, "--schema-ref", "schema/plan.schema.json")
    assert result.returncode == 0
    ref = path.read_text().splitlines()[0].split("$schema=")[1]
    assert (path.parent / ref).is_file()
    assert not (tmp_path / "productivity-plan.schema.json").exists()


def test_without_a_terminal_nothing_is_asked(tmp_path):
    result, path = new(tmp_path)
    assert result.returncode == 0
    assert "?" not in result.stdout + result.stderr.replace("did you mean", "")
    data = document.load(path).data
    assert data["council"]["name"] is None and data["plan"]["period"] is None


def read_until(fd, wanted: bytes, timeout=30.0) -> bytes:
    seen = b""
    deadline = time.monotonic() + timeout
    while wanted not in seen:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise AssertionError(f"timed out waiting for {wanted!r}; saw {seen!r}")
        ready, _, _ = select.select([fd], [], [], remaining)
        if ready:
            try:
                chunk = os.read(fd, 1024)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
    return seen


def test_on_a_terminal_missing_options_are_asked_for(tmp_path):
    path = tmp_path / "plan.plan.yaml"
    controller, terminal = pty.openpty()
    env = dict(os.environ, PYTHONPATH=str(REPO), NO_COLOR="1", TERM="xterm")
    process = subprocess.Popen(
        [sys.executable, "-m", "plantool", "new", str(path)],
        stdin=terminal, stdout=terminal, stderr=terminal, env=env, close_fds=True,
    )
    os.close(terminal)
    try:
        read_until(controller, b"Council")
        os.write(controller, b"Yorkshire\r")
        read_until(controller, b"Which council?")
        os.write(controller, b"1\r")
        read_until(controller, b"period")
        os.write(controller, b"2025-26\r")  # wrong form: asked again
        read_until(controller, b"2025/26")
        os.write(controller, b"2025/26\r")
        read_until(controller, b"wrote")
        assert process.wait(timeout=30) == 0
    finally:
        os.close(controller)
        if process.poll() is None:
            process.kill()
    data = document.load(path).data
    assert "Yorkshire" in data["council"]["name"] and data["plan"]["period"] == "2025/26"


def test_existing_file_is_never_overwritten_without_force(tmp_path):
    path = tmp_path / "plan.plan.yaml"
    path.write_bytes(b"my own words\n")
    result, _ = new(tmp_path, "--council", "E07000039")
    assert result.returncode == 2 and "already exists" in result.stderr and "--force" in result.stderr
    assert path.read_bytes() == b"my own words\n"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.plan.yaml"]  # no stray temporary file
    result, _ = new(tmp_path, "--council", "E07000039", "--force")
    assert result.returncode == 0 and "South Derbyshire" in path.read_text()


def test_missing_directory_and_bad_period_are_clear_errors(tmp_path):
    result = run_plantool("new", tmp_path / "nowhere" / "plan.plan.yaml", input="")
    assert result.returncode == 2 and "does not exist" in result.stderr and "Traceback" not in result.stderr
    result, _ = new(tmp_path, "--period", "2025/27")
    assert result.returncode == 2 and "2025/26" in result.stderr


def test_no_permission_is_a_clear_error(tmp_path):
    if os.geteuid() == 0:  # root writes anywhere, except sysfs
        locked = Path("/sys/kernel")
        if not locked.is_dir():
            pytest.skip("no directory root cannot write to")
    else:
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o500)
    result = run_plantool("new", locked / "plan.plan.yaml", input="")
    assert result.returncode == 2 and "permission denied" in result.stderr and "Traceback" not in result.stderr


def test_gss_code_and_type_are_validated_as_check_does(tmp_path):
    result, _ = new(tmp_path, "--council-type", "county", "--gss-code", "E07000039")
    assert result.returncode == 2 and "district" in result.stderr
    result, _ = new(tmp_path, "--council-type", "parish")
    assert result.returncode == 2 and "not one of" in result.stderr
    result, _ = new(tmp_path, "--gss-code", "E1000007")
    assert result.returncode == 2 and "eight digits" in result.stderr


def merge(target, source):
    """Fill a round-trip-loaded scaffold with real answers, keeping its comments."""
    for key, value in source.items():
        if isinstance(value, dict) and isinstance(target.get(key), dict):
            merge(target[key], value)
        else:
            target[key] = copy.deepcopy(value)


def test_scaffold_filled_in_programmatically_checks_clean(tmp_path):
    result, path = new(tmp_path, "--council", "E07000039", "--period", "2025/26")
    yaml = YAML()
    data = yaml.load(path.read_text())
    merge(data, complete_plan())
    out = io.StringIO()
    yaml.dump(data, out)
    text = out.getvalue()
    assert "# yaml-language-server" in text and "# How the council has changed" in text  # comments survive
    result = check_text(text)
    assert result.findings == [] and result.answered == result.questions


def roll(tmp_path, source, *args):
    result = run_plantool("new", tmp_path / "next.plan.yaml", "--from", source, *args, input="")
    return result, tmp_path / "next.plan.yaml"


def test_roll_forward_keeps_answers_and_comments_and_resets_approval(tmp_path):
    source = EXAMPLES / "riverside-2025.plan.yaml"
    result, path = roll(tmp_path, source)
    assert result.returncode == 0, result.stderr
    text = path.read_text()
    old = document.load(source).data
    new_data = document.load(path).data
    assert new_data["plan"]["period"] == "2026/27" and "2026/27" in new_data["plan"]["title"]
    assert new_data["plan"]["status"] == "draft"
    assert "approval" not in new_data["plan"] and "publication_url" not in new_data["plan"]
    assert new_data["themes"] == old["themes"] and new_data["disclosures"] == old["disclosures"]
    assert new_data["council"] == old["council"]
    for comment in [l for l in source.read_text().splitlines() if l.strip().startswith("#") and "yaml-language-server" not in l]:
        assert comment in text
    checked = run_plantool("check", path)
    reviews = [l for l in checked.stdout.splitlines() if "(review-needed)" in l]
    answered_prompts = sum(1 for p, _ in load_schema().questions() if p[0] == "themes")
    assert len(reviews) >= answered_prompts and checked.returncode == 0
    assert run_plantool("check", "--strict", path).returncode == 1
    # once reviewed (the marks deleted), nothing is left to do
    path.write_text("\n".join(l for l in text.splitlines() if "plantool: review" not in l) + "\n")
    assert "(review-needed)" not in run_plantool("check", path).stdout


def test_roll_forward_of_an_approved_plan_with_marks_left_is_an_error(tmp_path):
    result, path = roll(tmp_path, EXAMPLES / "riverside-2025.plan.yaml", "--period", "2027/28")
    text = path.read_text().replace("status: draft", "status: approved\n  approval: {body: Cabinet, date: '2027-07-01'}")
    path.write_text(text)
    checked = run_plantool("check", path)
    assert checked.returncode == 1 and ": error: carried over" in checked.stdout


def test_roll_forward_from_a_missing_or_broken_plan_is_a_clear_error(tmp_path):
    result, _ = roll(tmp_path, tmp_path / "missing.plan.yaml")
    assert result.returncode == 2 and "no such file" in result.stderr
    broken = tmp_path / "broken.plan.yaml"
    broken.write_text("plan: [\n")
    result, path = roll(tmp_path, broken)
    # the same finding and exit code as `check` gives (issue 19: new --from reads with the plan loader)
    assert result.returncode == 1 and "YAML syntax error" in result.stderr and "(yaml-syntax)" in result.stderr
    assert "cannot roll forward" in result.stderr and not path.exists()


@pytest.mark.parametrize("example", sorted(EXAMPLES.glob("*.plan.yaml")), ids=lambda p: p.name)
def test_rolling_forward_keeps_the_authors_layout_so_the_git_diff_shows_only_what_changed(example, tmp_path):
    """Only the plan section's period, title, status and record change, and review marks are added; every other line stays as typed."""
    target = tmp_path / "next.plan.yaml"
    result = run_plantool("new", target, "--from", example)
    assert result.returncode == 0, result.stderr

    def body(text: str) -> list[str]:
        lines = [line for line in text.splitlines() if "# plantool: review" not in line and "yaml-language-server" not in line]
        start = lines.index("plan:")
        end = next(n for n in range(start + 1, len(lines)) if lines[n] and not lines[n].startswith((" ", "#")))
        return lines[:start] + lines[end:]  # everything but the plan section, which rolling forward rewrites

    assert body(target.read_text(encoding="utf-8")) == body(example.read_text(encoding="utf-8"))


@pytest.mark.parametrize("offset", [0, 2, 4])
def test_the_layout_is_read_from_the_file(offset):
    from plantool.scaffold.rollforward import layout_of

    text = "council:\n  name: X\nthemes:\n  barriers:\n    items:\n" + " " * (4 + offset) + "- barrier: y\n"
    assert layout_of(text) == (2, offset)


@pytest.mark.parametrize("step", [3, 4])
def test_rolling_forward_never_changes_an_answer_whatever_the_layout(step, tmp_path):
    """A block that starts blank or with an indentation indicator (|2) keeps its text exactly, in any indentation."""
    i = " " * step
    old = tmp_path / "old.plan.yaml"
    old.write_text(
        f"schema_version: 1\ncouncil:\n{i}name: X\nplan:\n{i}period: 2024/25\n{i}status: draft\nthemes:\n{i}transformation:\n"
        f"{i}{i}organisational_change: |\n\n{i}{i}{i}first\n{i}{i}{i}second\n"
        f"{i}{i}future_plans: |2\n{i}{i}    indented first\n{i}{i}  second\n"
        f"{i}{i}initiatives:\n{i}{i}{i}- name: A\n{i}{i}{i}  status: done\n",
        encoding="utf-8",
    )
    new = tmp_path / "new.plan.yaml"
    result = run_plantool("new", new, "--from", old)
    assert result.returncode == 0, result.stderr
    assert document.load(new).data["themes"] == document.load(old).data["themes"]
