"""`check --format sarif`: real output, validated against the official SARIF 2.1.0 schema (tests/schemas/)."""

from __future__ import annotations

import inspect
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote

import pytest
from jsonschema import Draft4Validator, FormatChecker

from conftest import EXAMPLES, REPO, run_plantool
from plan_helpers import at, complete_plan, to_yaml

from plantool.check.rules import BUILTIN_RULES, load_rules

SCHEMA = json.loads((Path(__file__).parent / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))

# RFC 3986: what may appear in a URI once it is percent-encoded. jsonschema checks the
# "uri" and "uri-reference" formats only when an optional package is installed, so the
# test checks them itself, strictly: a space or an unencoded "ü" must fail.
_URI_CHARACTERS = re.compile(r"^(?:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")
FORMATS = FormatChecker()


@FORMATS.checks("uri-reference")
def _is_uri_reference(value) -> bool:
    if not _URI_CHARACTERS.match(value):
        return False
    # a relative reference may not have a colon in its first segment (it would read as a scheme)
    return bool(_SCHEME.match(value)) or ":" not in value.split("/", 1)[0]


@FORMATS.checks("uri")
def _is_uri(value) -> bool:
    return bool(_SCHEME.match(value)) and bool(_URI_CHARACTERS.match(value))


VALIDATOR = Draft4Validator(SCHEMA, format_checker=FORMATS)


def assert_valid_sarif(log: dict) -> None:
    errors = sorted(VALIDATOR.iter_errors(log), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:10])


def sarif(*args, cwd) -> tuple[dict, subprocess.CompletedProcess]:
    result = run_plantool("check", "--format", "sarif", *args, cwd=cwd)
    return json.loads(result.stdout), result


def test_the_schema_file_is_the_official_sarif_2_1_0_schema():
    assert SCHEMA["title"] == "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"
    assert SCHEMA["id"] == "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    assert SCHEMA["properties"]["version"]["enum"] == ["2.1.0"]
    Draft4Validator.check_schema(SCHEMA)


def test_the_validation_can_fail():
    """The validator is real: broken logs and unencoded URIs are refused."""
    good = {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": []}]}
    assert_valid_sarif(good)
    bad_level = json.loads(json.dumps(good))
    bad_level["runs"][0]["results"] = [{"message": {"text": "m"}, "level": "fatal"}]
    bad_region = json.loads(json.dumps(good))
    bad_region["runs"][0]["results"] = [{"message": {"text": "m"}, "locations": [
        {"physicalLocation": {"artifactLocation": {"uri": "a.yaml"}, "region": {"startColumn": 3}}}]}]
    for broken in ({"runs": []}, bad_level, bad_region):
        assert list(VALIDATOR.iter_errors(broken))
    for uri in ("plans/a b.plan.yaml", "plans/für.plan.yaml", "2025:26.plan.yaml", "100%.yaml"):
        assert not _is_uri_reference(uri), uri
    for uri in ("plans/a%20b.plan.yaml", "plans/f%C3%BCr.plan.yaml", "file:///tmp/x.yaml"):
        assert _is_uri_reference(uri), uri


@pytest.fixture
def workspace(tmp_path):
    """A folder with findings in a file named with spaces and non-ASCII letters, beside real examples."""
    (tmp_path / "plans" / "Ørsted district").mkdir(parents=True)
    odd = tmp_path / "plans" / "Ørsted district" / "Plan für 2025:26 #2 (100%).plan.yaml"
    odd.write_text(to_yaml(at(complete_plan(), "council.type", "county")), encoding="utf-8")
    shutil.copy(EXAMPLES / "flawed-2025.plan.yaml", tmp_path / "plans" / "flawed-2025.plan.yaml")
    (tmp_path / "plans" / "broken.plan.yaml").write_text("schema_version: [\n", encoding="utf-8")
    (tmp_path / "empty").mkdir()
    return tmp_path, odd


def test_findings_unreadable_files_and_odd_names_validate(workspace):
    root, odd = workspace
    args = ["plans", "missing.plan.yaml", "empty"]
    log, result = sarif(*args, cwd=root)
    assert_valid_sarif(log)
    assert result.returncode == 2  # the missing file wins, exactly as with the other formats
    assert run_plantool("check", *args, cwd=root).returncode == 2

    [run] = log["runs"]
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("plantool", "0.1.0")
    assert driver["informationUri"].startswith("https://")
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == root.resolve().as_uri() + "/"

    # every finding the JSON format reports is a result, at the same place, in the same order
    findings = [
        (entry["file"], f) for entry in json.loads(run_plantool("check", "--format", "json", *args, cwd=root).stdout)["files"]
        for f in entry["findings"]
    ]
    assert len(run["results"]) == len(findings) > 20
    level = {"error": "error", "warning": "warning", "info": "note"}
    rule_ids = [rule["id"] for rule in driver["rules"]]
    for sarif_result, (file, finding) in zip(run["results"], findings):
        assert sarif_result["ruleId"] == finding["rule"] == rule_ids[sarif_result["ruleIndex"]]
        assert sarif_result["level"] == level[finding["severity"]]
        assert sarif_result["message"]["text"] == finding["message"]
        [location] = sarif_result["locations"]
        artifact = location["physicalLocation"]["artifactLocation"]
        assert artifact["uriBaseId"] == "%SRCROOT%" and unquote(artifact["uri"]) == Path(file).as_posix()
        assert location["physicalLocation"]["region"] == {"startLine": finding["line"], "startColumn": finding["col"]}

    odd_uri = "plans/%C3%98rsted%20district/Plan%20f%C3%BCr%202025%3A26%20%232%20%28100%25%29.plan.yaml"
    odd_results = [r for r in run["results"] if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == odd_uri]
    assert {r["ruleId"] for r in odd_results} == {"council-register", "gss-code-type"}

    # what could not be checked is reported, not dropped
    [invocation] = run["invocations"]
    assert invocation["executionSuccessful"] is False and invocation["exitCode"] == 2
    notes = {n["message"]["text"]: n for n in invocation["toolExecutionNotifications"]}
    assert set(notes) == {"missing.plan.yaml: no such file", "empty: no plan files (*.plan.yaml) in this directory"}
    assert notes["missing.plan.yaml: no such file"]["locations"][0]["physicalLocation"]["artifactLocation"] == {
        "uri": "missing.plan.yaml", "uriBaseId": "%SRCROOT%"}
    assert all(n["level"] == "error" for n in notes.values())
    assert result.stderr.count("plantool: error:") == 2  # stderr says so too, as for every format


def test_detail_and_paths_travel_in_the_property_bag(workspace):
    root, _ = workspace
    log, _ = sarif("plans/flawed-2025.plan.yaml", cwd=root)
    assert_valid_sarif(log)
    schema_results = [r for r in log["runs"][0]["results"] if r["ruleId"] == "schema"]
    assert schema_results and all(r["properties"]["schemaPath"].startswith("#/") for r in schema_results)
    assert all(r["properties"]["dataPath"] for r in schema_results)


def test_a_findings_detail_is_carried(tmp_path, monkeypatch):
    """`detail` (the underlying tool's own words) is in the result's property bag, and only when there is one."""
    from plantool.check.findings import Finding
    from plantool.check.reports import Report
    from plantool.check.reports.sarif import as_sarif
    from plantool.check.runner import FileResult

    monkeypatch.chdir(tmp_path)
    words = "while parsing a flow sequence\nexpected ',' or ']', but got '<stream end>'"
    findings = [
        Finding("a.plan.yaml", 2, 1, "error", "yaml-syntax", "YAML syntax error: a list is not closed", detail=words),
        Finding("a.plan.yaml", 1, 1, "warning", "plan-length", "long"),
    ]
    log = as_sarif(Report([FileResult("a.plan.yaml", findings)], [], 1, "0.1.0"))
    assert_valid_sarif(log)
    with_detail, without = log["runs"][0]["results"]
    assert with_detail["properties"] == {"detail": words}
    assert "properties" not in without


def test_a_clean_plan_and_a_file_outside_the_working_directory(tmp_path):
    plan = tmp_path / "outside" / "clean plan.plan.yaml"
    plan.parent.mkdir()
    plan.write_text(to_yaml(complete_plan()), encoding="utf-8")
    (tmp_path / "work").mkdir()
    log, result = sarif(plan, cwd=tmp_path / "work")
    assert_valid_sarif(log)
    assert result.returncode == 0 and log["runs"][0]["results"] == []
    assert log["runs"][0]["invocations"] == [{"executionSuccessful": True, "exitCode": 0}]

    broken = plan.with_name("broken.plan.yaml")
    broken.write_text("a: [\n", encoding="utf-8")
    log, result = sarif(broken, cwd=tmp_path / "work")
    assert_valid_sarif(log)
    [artifact] = {json.dumps(r["locations"][0]["physicalLocation"]["artifactLocation"]) for r in log["runs"][0]["results"]}
    assert json.loads(artifact) == {"uri": broken.resolve().as_uri()}  # outside: an absolute file: URI


def test_rules_come_from_the_rule_registry():
    log, _ = sarif(EXAMPLES / "riverside-2025.plan.yaml", cwd=REPO)
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    modules = load_rules()
    assert [rule["id"] for rule in rules] == list(BUILTIN_RULES) + [m.ID for m in modules]
    by_id = {rule["id"]: rule for rule in rules}
    for rule_id, doc in BUILTIN_RULES.items():
        assert by_id[rule_id]["shortDescription"]["text"] == doc
        assert by_id[rule_id]["defaultConfiguration"]["level"] == "error"
    level = {"error": "error", "warning": "warning", "info": "note", "gap": "warning"}
    for module in modules:
        doc = inspect.cleandoc(module.__doc__)
        assert by_id[module.ID]["shortDescription"]["text"] == doc.splitlines()[0]
        assert by_id[module.ID]["help"]["text"] == doc and "FAIL" in doc
        assert by_id[module.ID]["defaultConfiguration"]["level"] == level[module.SEVERITY]


@pytest.mark.parametrize("name", sorted(p.name for p in EXAMPLES.glob("*.plan.yaml")))
def test_every_example_validates_with_the_same_exit_code_as_text(name):
    log, result = sarif(f"examples/{name}", cwd=REPO)
    assert_valid_sarif(log)
    assert result.returncode == run_plantool("check", f"examples/{name}", cwd=REPO).returncode
    assert log["runs"][0]["invocations"][0]["exitCode"] == result.returncode


def test_fast_path_and_full_cli_print_the_same_sarif(tmp_path):
    paths = [str(p) for p in sorted(EXAMPLES.glob("*.plan.yaml"))] + [str(tmp_path / "missing.plan.yaml")]
    fast = run_plantool("check", "--format", "sarif", *paths)
    full = subprocess.run(
        [sys.executable, "-c", "import sys; from plantool.cli import run; sys.argv[0] = 'plantool'; sys.exit(run())",
         "check", "--format", "sarif", *paths],
        capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert (fast.returncode, fast.stdout, fast.stderr) == (full.returncode, full.stdout, full.stderr)
    assert fast.returncode == 2


def test_a_finding_keeps_its_fingerprint_when_lines_move_and_loses_it_when_fixed(tmp_path):
    """Code scanning tracks an alert by its partial fingerprint: what the finding is about, not its line."""
    plan = tmp_path / "p.plan.yaml"

    def fingerprints() -> dict[str, tuple[str, int]]:
        log, _ = sarif(plan.name, cwd=tmp_path)
        assert_valid_sarif(log)
        results = log["runs"][0]["results"]
        prints = [r["partialFingerprints"]["plantoolFinding/v1"] for r in results]
        assert len(set(prints)) == len(prints), "each result its own"
        return {p: (r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"]) for p, r in zip(prints, results)}

    data = at(at(complete_plan(), "themes.transformation.future_plans", "TBC"), "themes.barriers.items", [
        {"barrier": "Short-term grants", "effect": "TODO", "government_action": "TODO"}])
    text = to_yaml(data)
    plan.write_text(text, encoding="utf-8")
    before = fingerprints()
    assert len(before) >= 3
    plan.write_text("# a comment\n# and another\n" + text, encoding="utf-8")
    after = fingerprints()
    assert set(after) == set(before)  # the same alerts ...
    assert all(after[p][1] == before[p][1] + 2 for p in before)  # ... two lines further down
    plan.write_text(to_yaml(at(data, "themes.transformation.future_plans", "We will share a legal team by 2026.")), encoding="utf-8")
    fixed = fingerprints()
    assert set(fixed) < set(before) and len(fixed) == len(before) - 1  # the fixed one is gone, the rest remain


def test_a_syntax_error_keeps_its_fingerprint_when_its_line_number_moves():
    from plantool.check.findings import Finding
    from plantool.check.reports.sarif import fingerprint

    at_8 = Finding("p.plan.yaml", 8, 9, "error", "yaml-syntax", "the double quote opened on line 8 is never closed (the next one is on line 18)")
    at_10 = Finding("p.plan.yaml", 10, 9, "error", "yaml-syntax", "the double quote opened on line 10 is never closed (the next one is on line 20)")
    other = Finding("p.plan.yaml", 8, 9, "error", "yaml-syntax", "the single quote opened on line 8 is never closed")
    assert fingerprint(at_8, 1) == fingerprint(at_10, 1) != fingerprint(other, 1)


def test_findings_that_differ_only_in_their_line_numbers_get_their_own_fingerprints(tmp_path):
    text = "schema_version: 1\ncouncil:\n  name: X\n  name: Y\nplan:\n  title: A\n  name: B\n  name: C\n"
    (tmp_path / "p.plan.yaml").write_text(text, encoding="utf-8")  # one mistake twice: messages alike but for their lines
    log, _ = sarif("p.plan.yaml", cwd=tmp_path)
    results = log["runs"][0]["results"]
    prints = [r["partialFingerprints"]["plantoolFinding/v1"] for r in results]
    assert sum(r["ruleId"] == "duplicate-key" for r in results) == 2 and len(prints) == len(set(prints))
