"""`plantool summary` on the benchmark corpus: every figure it lists is what the generator planted.

benchmarks/corpus.py writes 317 plans (one per council, with figures declared
not available, figures left out, combined agency and consultant figures, share
bases other than the pay bill, savings in every place the schema holds them,
plans for councils the register does not know, a plan that gives only a name,
and two plans for one council) and records in planted.json what it put in each,
in the summary's own column names. The summary runs as a real process.
"""

from __future__ import annotations

import csv
import json
import shutil
import sys
from pathlib import Path

import pytest
from conftest import REPO, run_plantool

from plantool.summary import columns as C

sys.path.insert(0, str(REPO / "benchmarks"))
import corpus  # noqa: E402

# Columns the generator cannot plant, because plantool works them out: they are compared with `check` below.
FROM_CHECK = {"questions_answered", "questions_total", "questions_answered_percent", "errors", "warnings"}


@pytest.fixture(scope="module")
def planted_corpus(tmp_path_factory) -> tuple[Path, dict]:
    folder = tmp_path_factory.mktemp("corpus")
    corpus.write_corpus(folder)
    return folder, json.loads((folder / corpus.PLANTED).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def summary_rows(planted_corpus, tmp_path_factory) -> dict[str, dict]:
    folder, _ = planted_corpus
    out = tmp_path_factory.mktemp("out") / "summary.csv"
    result = run_plantool("summary", folder, "-o", out, timeout=600)
    assert result.returncode == 0, result.stderr
    with out.open(encoding="utf-8", newline="") as handle:
        return {Path(row["file"]).name: row for row in csv.DictReader(handle)}


def same(cell: str, planted) -> bool:
    if planted is None:
        return cell == ""
    if isinstance(planted, (int, float)):
        return cell != "" and float(cell) == planted
    return cell == planted


def test_the_corpus_plants_what_the_test_needs(planted_corpus):
    _, planted = planted_corpus
    plans = planted["plans"]
    assert len(plans) == 317
    statuses = [plan[f"{c.name}_status"] for plan in plans.values() for c in C.FIGURES]
    for status in (C.GIVEN, C.NOT_AVAILABLE, C.MISSING, C.COMBINED, C.NOT_COMBINED):
        assert statuses.count(status) >= 10, status
    assert {plan["agency_share_base"] for plan in plans.values()} == {"pay_bill", "staffing_budget", "total_spend", None}
    assert {plan["register_match"] for plan in plans.values()} == {"gss_code", "name", "not_in_register"}
    assert len(planted["not_in_register"]) == 3 and len(planted["missing"]) == 4 and len(planted["more_than_one_plan"]) == 1
    for total in ("savings_achieved_income_gbp", "savings_planned_cost_avoidance_gbp", "savings_required_gbp", "income_target_gbp",
                  "savings_planned_over_years_gbp", "savings_achieved_one_off_gbp", "savings_required_span_not_stated_gbp"):
        assert sum(plan[total] > 0 for plan in plans.values()) >= 10, total


def test_every_figure_in_the_csv_is_the_planted_one(planted_corpus, summary_rows):
    _, planted = planted_corpus
    assert set(summary_rows) == set(planted["plans"])
    compared = 0
    wrong = []
    for name, plan in planted["plans"].items():
        row = summary_rows[name]
        assert set(plan) | FROM_CHECK | {"file"} == set(C.NAMES), "the generator plants every other column"
        for column, value in plan.items():
            compared += 1
            if not same(row[column], value):
                wrong.append(f"{name} {column}: planted {value!r}, listed {row[column]!r}")
    assert not wrong, "\n".join(wrong[:20])
    assert compared == 317 * (len(C.NAMES) - len(FROM_CHECK) - 1)


def test_the_counts_from_check_are_check_s_own(planted_corpus, summary_rows):
    folder, _ = planted_corpus
    checked = json.loads(run_plantool("check", "--format", "json", folder, timeout=600).stdout)
    assert len(checked["files"]) == 317
    for file in checked["files"]:
        row = summary_rows[Path(file["file"]).name]
        severities = [f["severity"] for f in file["findings"]]
        assert (int(row["errors"]), int(row["warnings"])) == (severities.count("error"), severities.count("warning"))
        assert (int(row["questions_answered"]), int(row["questions_total"])) == (
            file["questions"]["answered"], file["questions"]["total"])


def test_coverage_lists_exactly_the_councils_left_out(planted_corpus, tmp_path):
    folder, planted = planted_corpus
    plans = planted["plans"]
    [(twice, both)] = planted["more_than_one_plan"].items()
    ordinary = [name for name, plan in plans.items() if plan["register_match"] == "gss_code" and plan["plans_for_council"] == 1]
    removed = ordinary[10:300:37] + [both[0], planted["not_in_register"][0]]
    copy = tmp_path / "some"
    shutil.copytree(folder, copy)
    for name in removed:
        (copy / name).unlink()
    result = run_plantool("summary", copy, "--format", "json", timeout=600)
    assert result.returncode == 0, result.stderr
    coverage = json.loads(result.stdout)["coverage"]
    left_out = {plans[name]["gss_code"] for name in ordinary[10:300:37]}
    assert len(left_out) == 8 and twice not in left_out  # the council with two plans keeps its other one
    assert sorted(c["gss_code"] for c in coverage["missing"]) == sorted(set(planted["missing"]) | left_out)
    assert sorted(Path(p["file"]).name for p in coverage["not_in_register"]) == planted["not_in_register"][1:]
    assert coverage["more_than_one_plan"] == []
    assert coverage["councils_with_plan"] + coverage["councils_missing"] == 317
    assert coverage["councils_with_plan"] == 317 - 4 - 8
