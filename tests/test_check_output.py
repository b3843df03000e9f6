"""What `check` prints, in every format: findings in plan order, and a summary that says why --strict failed."""

from __future__ import annotations

import json

import pytest

from conftest import EXAMPLES, run_plantool
from plan_helpers import at, complete_plan, to_yaml

# A plan with findings from many rules and the schema, made so that rule order and plan order differ.
MIXED = at(at(at(at(complete_plan(), "plan.status", "draft"), "disclosures.edi.spend", "£4,500"),
              "themes.transformation.future_plans", "We will finish by TBC, see [here](https://x.gov.uk/p)."),
           "council.gss_code", "E07999999")


@pytest.fixture
def plans(tmp_path):
    mixed = tmp_path / "mixed.plan.yaml"
    mixed.write_text(to_yaml(MIXED), encoding="utf-8")
    return [EXAMPLES / "flawed-2025.plan.yaml", EXAMPLES / "durham-2024.plan.yaml", mixed]


def in_plan_order(places: list[tuple[int, int]]) -> bool:
    return len(places) > 3 and places == sorted(places)


def test_text_lists_findings_in_plan_order(plans):
    for plan in plans:
        lines = run_plantool("check", plan).stdout.splitlines()[:-1]
        places = [tuple(int(n) for n in line.split(":")[1:3]) for line in lines]
        assert in_plan_order(places), (plan.name, places)


def test_json_github_and_sarif_list_findings_in_plan_order(plans):
    for plan in plans:
        report = json.loads(run_plantool("check", "--format", "json", plan).stdout)
        assert in_plan_order([(f["line"], f["col"]) for f in report["files"][0]["findings"]]), plan.name
        github = [line for line in run_plantool("check", "--format", "github", plan).stdout.splitlines() if line.startswith("::")]
        places = [(int(line.split("line=")[1].split(",")[0]), int(line.split("col=")[1].split(",")[0])) for line in github]
        assert in_plan_order(places), plan.name
        sarif = json.loads(run_plantool("check", "--format", "sarif", plan).stdout)
        regions = [r["locations"][0]["physicalLocation"]["region"] for r in sarif["runs"][0]["results"]]
        assert in_plan_order([(r["startLine"], r["startColumn"]) for r in regions]), plan.name


def test_a_refused_export_lists_findings_in_plan_order(tmp_path):
    result = run_plantool("export", "docx", EXAMPLES / "flawed-2025.plan.yaml", "-o", tmp_path / "x.docx")
    assert result.returncode == 1
    places = [tuple(int(n) for n in line.split(":")[1:3]) for line in result.stderr.splitlines() if line.startswith(str(EXAMPLES))]
    assert in_plan_order(places), places


def test_strict_failing_on_warnings_alone_says_so(tmp_path):
    plan = tmp_path / "draft.plan.yaml"
    draft = at(at(complete_plan(), "plan.status", "draft"), "themes.transformation.future_plans", "TODO. We will move planning online.")
    plan.write_text(to_yaml(draft), encoding="utf-8")
    relaxed = run_plantool("check", plan)
    assert relaxed.returncode == 0 and "--strict" not in relaxed.stdout
    strict = run_plantool("check", "--strict", plan)
    assert strict.returncode == 1
    summary = strict.stdout.splitlines()[-1]
    assert summary.startswith(f"{plan}: 0 errors, 1 warning;") and "fails because of --strict" in summary, summary
    github = run_plantool("check", "--strict", "--format", "github", plan).stdout.splitlines()[-1]
    assert "fails because of --strict" in github


def test_strict_with_errors_says_nothing_more(plans):
    summary = run_plantool("check", "--strict", plans[0]).stdout.splitlines()[-1]
    assert "--strict" not in summary


def test_the_total_line_says_so_for_many_files(tmp_path):
    paths = []
    for name in ("a", "b"):
        path = tmp_path / f"{name}.plan.yaml"
        path.write_text(to_yaml(at(at(complete_plan(), "plan.status", "draft"), "themes.transformation.future_plans", "TODO")), encoding="utf-8")
        paths.append(path)
    lines = run_plantool("check", "--strict", *paths).stdout.splitlines()
    assert lines[-1].startswith("2 files checked: 0 errors, 2 warnings") and "fails because of --strict" in lines[-1]
