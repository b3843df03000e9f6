"""`plantool summary`: one row per plan, figures with their status, the register's coverage, group statistics.

Plans are real YAML files built from the complete fixture; the summary runs
in-process through `run_summary` (the CLI's own function) or as a real
process where exit codes and pipes matter.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
import statistics
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLES, REPO, run_plantool
from plan_helpers import at, complete_plan, drop, to_yaml

from plantool.commands.summary import run_summary
from plantool.exit_codes import CLEAN, USAGE
from plantool.plan.schema import load_schema
from plantool.register import load_register
from plantool.summary import columns as C
from plantool.summary.groups import group_statistics, quartiles
from plantool.summary.progress import DelayedProgress

NA = {"not_available": "not recorded\n  by the finance team"}


class Terminal(io.StringIO):
    def isatty(self):
        return True


def write_plans(folder: Path, plans: dict) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, plan in plans.items():
        (folder / name).write_text(plan if isinstance(plan, str) else to_yaml(plan), encoding="utf-8")
    return folder


def summarise(*paths, output_format: str = "csv", group_by=None, output=None, force=False):
    out, err = io.StringIO(), io.StringIO()
    code = run_summary([str(p) for p in paths], output, output_format, group_by, force=force, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def csv_rows(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


def one_row(tmp_path, data) -> dict:
    folder = write_plans(tmp_path / "plans", {"one.plan.yaml": data})
    code, out, err = summarise(folder)
    assert code == CLEAN, err
    [row] = csv_rows(out)
    return row


# -- figures and their statuses ------------------------------------------------------------


def test_a_complete_plan_gives_every_figure_as_a_number(tmp_path):
    row = one_row(tmp_path, complete_plan())
    assert row["agency_spend_gbp"] == "300000" and row["agency_spend_gbp_status"] == "given"
    assert row["agency_share_percent"] == "1.5" and row["agency_share_base"] == "pay_bill"
    assert row["agency_share_base_gbp"] == "20000000"
    assert row["consultants_share_percent"] == "0.6"
    assert row["facility_officials_fte"] == "0.6" and row["facility_officials_none"] == "1"
    assert row["facility_pay_bill_percent"] == "0.04" and row["facility_cost_gbp"] == "8000"
    assert row["edi_spend_gbp"] == "2500" and row["edi_period"] == "2024/25"
    assert {row[f"combined_{c}_status"] for c in ("spend_gbp", "share_percent", "share_base_gbp", "workers_over_12_months")} == {"not_combined"}
    assert row["combined_spend_gbp"] == "" and row["combined_period"] == ""
    assert row["council"] == "South Derbyshire District Council" and row["region"] == "East Midlands"
    assert row["register_match"] == "gss_code" and row["plans_for_council"] == "1"
    assert (row["questions_answered"], row["questions_total"], row["errors"], row["warnings"]) == ("26", "26", "0", "0")
    assert row["savings_achieved_gbp"] == "450000" and row["savings_achieved_type_not_stated_gbp"] == "450000"
    assert (row["initiatives_done"], row["initiatives_planned"], row["barriers"]) == ("1", "0", "1")


def test_not_available_missing_and_invalid_stay_apart(tmp_path):
    data = complete_plan()
    at(data, "disclosures.edi.spend", NA)  # declared not available, with a reason on two lines
    drop(data, "disclosures.facility_time.cost")  # left out
    at(data, "disclosures.facility_time.pay_bill", None)  # left empty
    at(data, "disclosures.agency_staff.workers_over_12_months", "TBC")  # a placeholder: missing, and a schema error
    at(data, "disclosures.consultants.spend", "£120,000")  # not a number
    at(data, "disclosures.agency_staff.share", {"not_available": "the base is not recorded"})  # a whole share
    row = one_row(tmp_path, data)
    assert (row["edi_spend_gbp"], row["edi_spend_gbp_status"], row["edi_spend_gbp_note"]) == (
        "", "not_available", "not recorded by the finance team")
    assert (row["facility_cost_gbp"], row["facility_cost_gbp_status"], row["facility_cost_gbp_note"]) == ("", "missing", "")
    assert row["facility_pay_bill_gbp_status"] == "missing"
    assert row["agency_workers_over_12_months_status"] == "missing"
    assert (row["consultants_spend_gbp"], row["consultants_spend_gbp_status"], row["consultants_spend_gbp_note"]) == (
        "", "invalid", "£120,000")
    for column in ("agency_share_percent", "agency_share_base_gbp"):
        assert (row[column], row[f"{column}_status"], row[f"{column}_note"]) == ("", "not_available", "the base is not recorded")
    assert row["agency_share_base"] == ""
    assert int(row["errors"]) >= 2  # the summary still counts what check finds


def test_a_combined_figure_stands_in_for_the_separate_ones(tmp_path):
    data = complete_plan()
    for path in ("agency_staff.spend", "agency_staff.share", "agency_staff.workers_over_12_months",
                 "consultants.spend", "consultants.share"):
        drop(data, f"disclosures.{path}")
    at(data, "disclosures.agency_and_consultants", {
        "period": "2023/24", "share": {"percent": 9.26, "of": "staffing_budget"}, "workers_over_12_months": 69})
    row = one_row(tmp_path, data)
    for column in ("agency_spend_gbp", "agency_share_percent", "agency_share_base_gbp", "agency_workers_over_12_months",
                   "consultants_spend_gbp", "consultants_share_percent", "consultants_share_base_gbp"):
        assert row[f"{column}_status"] == "combined", column
        assert row[column] == ""
    assert (row["combined_share_percent"], row["combined_share_base"], row["combined_period"]) == ("9.26", "staffing_budget", "2023/24")
    assert row["combined_workers_over_12_months"] == "69"
    assert row["combined_spend_gbp_status"] == "missing"  # the combined figure is there, its spend is not
    assert row["combined_share_base_gbp_status"] == "missing"


def test_a_separate_figure_given_beside_a_combined_one_is_given(tmp_path):
    data = at(complete_plan(), "disclosures.agency_and_consultants", {"spend": 5000})
    row = one_row(tmp_path, data)
    assert row["agency_spend_gbp_status"] == "given" and row["combined_spend_gbp"] == "5000"


def test_savings_initiatives_and_income_are_found_in_every_place_the_schema_holds_them(tmp_path):
    data = complete_plan()
    saving = lambda amount, kind, kind_of=None: {"amount": amount, "kind": kind, **({"type": kind_of} if kind_of else {})}  # noqa: E731
    at(data, "themes.transformation.sections", [{"title": "Own section", "initiatives": [
        {"status": "planned", "savings": [saving(1000, "planned", "cashable")]}]}])
    at(data, "themes.technology_and_data.initiatives", [
        {"name": "Bots", "status": "under_way", "savings": [saving(2000, "achieved", "income"), saving(30, "planned")]}])
    at(data, "topics.partnerships.items", [{"name": "Shared audit", "savings": [saving(400, "achieved", "cost_avoidance")]}])
    at(data, "topics.assets_and_estates.initiatives", [{"status": "done", "savings": [saving(5, "achieved", "cashable")]}])
    at(data, "topics.assets_and_estates.sections", [{"title": "Depots", "initiatives": [{"status": "done"}]}])
    at(data, "topics.income_generation.items", [
        {"name": "Fees", "kind": "achieved", "amount": 700}, {"name": "Lettings", "kind": "target", "amount": 60},
        {"name": "Unknown", "kind": "target", "amount": NA}])
    at(data, "other_sections", [{"title": "Climate", "initiatives": [{"status": "under_way", "savings": [saving(8, "planned", "income")]}]}])
    row = one_row(tmp_path, data)
    expected = {
        "savings_achieved_gbp": 450000 + 2000 + 400 + 5, "savings_planned_gbp": 1000 + 30 + 8,
        "savings_achieved_cashable_gbp": 5, "savings_achieved_income_gbp": 2000, "savings_achieved_cost_avoidance_gbp": 400,
        "savings_achieved_type_not_stated_gbp": 450000, "savings_planned_cashable_gbp": 1000, "savings_planned_income_gbp": 8,
        "savings_planned_cost_avoidance_gbp": 0, "savings_planned_type_not_stated_gbp": 30,
        "income_achieved_gbp": 700, "income_target_gbp": 60,
        "initiatives_done": 3, "initiatives_under_way": 2, "initiatives_planned": 1,
    }
    assert {name: float(row[name]) for name in expected} == expected


def test_each_savings_total_is_split_by_span_as_written_never_annualised(tmp_path):
    data = complete_plan()
    saving = lambda amount, kind, **more: {"amount": amount, "kind": kind, **more}  # noqa: E731
    at(data, "themes.transformation.initiatives", [{"name": "Waste", "status": "under_way", "savings": [
        saving(2_000_000, "planned", span="per_year"), saving(6_000_000, "planned", span="over_years", years=3),
        saving(500_000, "planned", span="one_off"), saving(70, "planned")]}])
    row = one_row(tmp_path, data)
    split = {span: float(row[f"savings_planned_{span}_gbp"]) for span in (*C.SAVING_SPANS, C.SPAN_NOT_STATED)}
    assert split == {"per_year": 2_000_000, "over_years": 6_000_000, "one_off": 500_000, "span_not_stated": 70}
    assert float(row["savings_planned_gbp"]) == sum(split.values())


def test_the_places_holding_initiatives_and_savings_are_the_schema_s():
    """Every reference to an initiatives list or a saving in the schema sits under a key the extraction looks under."""
    from plantool.summary.extract import _places

    schema = load_schema()
    text = json.dumps(schema.raw)
    initiatives, savings, through = _places(schema)
    assert (initiatives, savings) == (frozenset({"initiatives"}), frozenset({"savings"}))
    assert {"themes", "transformation", "sections", "topics", "partnerships", "items", "other_sections"} <= through
    assert not {"disclosures", "plan", "council", "measures", "edi"} & through
    assert text.count('"#/$defs/initiatives"') == text.count('"initiatives": {"$ref": "#/$defs/initiatives"}') > 5
    assert text.count('"#/$defs/saving"') == text.count('"items": {"$ref": "#/$defs/saving"}') == 2


def test_every_disclosure_figure_in_the_schema_has_a_column():
    schema = load_schema()
    leaves = []

    def walk(node, path):
        node = schema.object_branch(schema.resolve(node))
        for key, child in (node.get("properties") or {}).items():
            child = schema.resolve(child)
            unit = child.get("x-plantool-unit")
            numeric = any("number" in str(schema.resolve(o).get("type")) for o in child.get("anyOf", ()))
            if unit in ("pounds", "count", "percent") or (numeric and "properties" not in schema.object_branch(child)):
                leaves.append(path + (key,))
            elif "properties" in schema.object_branch(child):
                walk(child, path + (key,))

    walk(schema.raw["properties"]["disclosures"], ("disclosures",))
    numeric_leaves = {leaf for leaf in leaves if leaf[-1] not in ("staff_time",)}  # EDI staff time is hours or words
    assert {column.path for column in C.FIGURES} == numeric_leaves


def test_the_combined_statuses_follow_the_schema():
    schema = load_schema()
    [(key, node)] = [(k, n) for k, n in schema.disclosures() if n.get("x-plantool-covers")]
    assert key == C.COMBINING and tuple(node["x-plantool-covers"]) == C.COMBINABLE
    covered = {("disclosures", section, field) for section, fields in node["x-plantool-covers"].items() for field in fields}
    for column in C.FIGURES:
        can_be_combined = " combined " in C.column(f"{column.name}_status").meaning.replace(",", " ")
        assert can_be_combined == (column.path[:3] in covered), column.name


def test_the_schema_s_enums_are_the_columns_vocabularies():
    defs = load_schema().raw["$defs"]
    assert tuple(v for v in defs["saving"]["properties"]["kind"]["enum"]) == C.SAVING_KINDS
    assert tuple(v for v in defs["saving"]["properties"]["type"]["enum"] if v) == C.SAVING_TYPES
    assert tuple(v for v in defs["span"]["enum"] if v) == C.SAVING_SPANS
    assert tuple(defs["income"]["properties"]["kind"]["enum"]) == C.INCOME_KINDS
    assert tuple(defs["initiative"]["properties"]["status"]["enum"]) == C.INITIATIVE_STATUSES


# -- plans that cannot be read -------------------------------------------------------------


def test_a_plan_that_fails_to_load_is_a_row_with_its_error_and_the_rest_go_on(tmp_path):
    folder = write_plans(tmp_path / "plans", {
        "a-good.plan.yaml": complete_plan(),
        "b-broken.plan.yaml": "council: [unclosed\n",
        "c-list.plan.yaml": "- just\n- a list\n",
        "d-binary.plan.yaml": "bad \x00 bytes",
    })
    code, out, err = summarise(folder, tmp_path / "nowhere.plan.yaml")
    rows = {Path(r["file"]).name: r for r in csv_rows(out)}
    assert list(rows) == ["a-good.plan.yaml", "b-broken.plan.yaml", "c-list.plan.yaml", "d-binary.plan.yaml", "nowhere.plan.yaml"]
    assert rows["a-good.plan.yaml"]["load_error"] == "" and rows["a-good.plan.yaml"]["agency_spend_gbp"] == "300000"
    assert "b-broken.plan.yaml:2:1: YAML syntax error" in rows["b-broken.plan.yaml"]["load_error"] and "(yaml-syntax)" in rows["b-broken.plan.yaml"]["load_error"]
    assert "(schema)" in rows["c-list.plan.yaml"]["load_error"]
    assert "(file-format)" in rows["d-binary.plan.yaml"]["load_error"]
    assert rows["nowhere.plan.yaml"]["load_error"].endswith("no such file")
    for name in ("b-broken.plan.yaml", "nowhere.plan.yaml"):
        assert {k for k, v in rows[name].items() if v} == {"file", "load_error"}
    assert code == USAGE  # a path that could not be read is an I/O problem, as in check; the summary is still written
    assert "plantool: error:" in err and "nowhere.plan.yaml: no such file" in err
    assert "5 plans (4 could not be read)" in err


def test_a_broken_plan_alone_exits_0_because_the_summary_was_written(tmp_path):
    folder = write_plans(tmp_path / "plans", {"broken.plan.yaml": "council: [unclosed\n", "good.plan.yaml": complete_plan()})
    code, out, err = summarise(folder)
    assert code == CLEAN and len(csv_rows(out)) == 2


def test_exit_codes_and_files_through_the_real_cli(tmp_path):
    folder = write_plans(tmp_path / "plans", {"good.plan.yaml": complete_plan()})
    target = tmp_path / "out.csv"
    first = run_plantool("summary", folder, "-o", target)
    assert first.returncode == 0 and first.stdout == "" and "Traceback" not in first.stderr
    assert target.read_text(encoding="utf-8").startswith("file,load_error,council,")
    before = target.read_bytes()
    again = run_plantool("summary", folder, "-o", target)
    assert again.returncode == 2 and "already exists; use --force" in again.stderr
    assert target.read_bytes() == before
    assert run_plantool("summary", folder, "-o", target, "--force", "--format", "json").returncode == 0
    assert json.loads(target.read_text(encoding="utf-8"))["version"] == 1
    assert run_plantool("summary", tmp_path / "empty-dir-missing").returncode == 2
    (tmp_path / "empty").mkdir()
    empty = run_plantool("summary", tmp_path / "empty")
    assert empty.returncode == 2 and "no plan files" in empty.stderr
    assert run_plantool("summary", folder, "--format", "xml").returncode == 2
    assert run_plantool("summary", folder, "--group-by", "colour").returncode == 2
    assert run_plantool("summary", folder, "-o", tmp_path).returncode == 2


# -- CSV and JSON ---------------------------------------------------------------------------


def test_csv_is_what_pandas_r_and_excel_load_straight(tmp_path):
    data = at(complete_plan(), "disclosures.edi.spend", {"not_available": '=HYPERLINK("http://x") and "quotes", commas'})
    at(data, "disclosures.facility_time.percent_of_pay_bill", 0.0001)
    folder = write_plans(tmp_path / "plans", {"a.plan.yaml": data, "b.plan.yaml": complete_plan()})
    target = tmp_path / "s.csv"
    code, _, _ = summarise(folder, output=target)
    raw = target.read_bytes()
    assert code == CLEAN and not raw.startswith(b"\xef\xbb\xbf") and raw.decode("utf-8")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8"))))
    assert rows[0] == list(C.NAMES)  # the header, in the one defined order
    assert all(len(row) == len(C.NAMES) for row in rows)
    for row in rows[1:]:
        for name, cell in zip(C.NAMES, row):
            if C.column(name).numeric and cell:
                assert math.isfinite(float(cell)) and not any(mark in cell for mark in ",£% ")
    row = dict(zip(rows[0], rows[1]))
    assert row["edi_spend_gbp_note"] == '\'=HYPERLINK("http://x") and "quotes", commas'  # never a formula
    assert float(row["facility_pay_bill_percent"]) == 0.0001


def test_json_carries_the_same_data_with_units_and_a_version(tmp_path):
    data = at(complete_plan(), "disclosures.edi.spend", NA)
    folder = write_plans(tmp_path / "plans", {"a.plan.yaml": data, "b.plan.yaml": complete_plan()})
    _, text, _ = summarise(folder)
    _, document, _ = summarise(folder, output_format="json")
    document = json.loads(document)
    assert document["version"] == 1 and document["tool"].startswith("plantool ")
    assert [c["name"] for c in document["columns"]] == list(C.NAMES)
    assert set(document["units"]) == {c.unit for c in C.COLUMNS}
    for row, plan in zip(csv_rows(text), document["plans"], strict=True):
        for column in C.COLUMNS:
            if column.is_figure:
                figure = plan["figures"][column.name]
                assert figure["unit"] == column.unit
                got = [figure["value"], figure["status"], figure["note"]]
                want = [row[column.name], row[f"{column.name}_status"], row[f"{column.name}_note"]]
                assert [("" if v is None else v) for v in got[1:]] == want[1:]
                assert (got[0] is None and want[0] == "") or float(got[0]) == float(want[0])
            elif not column.figure:
                value = plan[column.name]
                assert ("" if value is None else str(value) if not isinstance(value, float) else repr(value)) == row[column.name] \
                    or float(value) == float(row[column.name]), column.name
    figure = document["plans"][0]["figures"]["edi_spend_gbp"]
    assert figure == {"value": None, "unit": "GBP", "status": "not_available", "note": "not recorded by the finance team"}
    assert document["groups"] is None and document["coverage"]["register"]["councils"] == 317


def test_the_summary_counts_are_check_s_own(tmp_path):
    """errors, warnings and questions as `plantool check --format json` reports them, on every example."""
    _, text, _ = summarise(*sorted(EXAMPLES.glob("*.plan.yaml")))
    checked = json.loads(run_plantool("check", "--format", "json", *sorted(EXAMPLES.glob("*.plan.yaml"))).stdout)
    for row, file in zip(csv_rows(text), checked["files"], strict=True):
        severities = [f["severity"] for f in file["findings"]]
        assert row["file"] == file["file"]
        assert (int(row["errors"]), int(row["warnings"])) == (severities.count("error"), severities.count("warning"))
        assert (int(row["questions_answered"]), int(row["questions_total"])) == (
            file["questions"]["answered"], file["questions"]["total"])
        assert row["status"] == file["status"]


# -- coverage ------------------------------------------------------------------------------


def test_plans_are_matched_by_code_then_by_name_and_the_rest_are_listed(tmp_path):
    by_name = at(complete_plan(), "council.gss_code", None)
    at(by_name, "council.name", "Amber Valley")  # the register's short name
    unknown = at(at(complete_plan(), "council.name", "Lakeside Borough Council"), "council.gss_code", "E07999998")
    nameless = at(at(complete_plan(), "council.name", None), "council.gss_code", None)
    folder = write_plans(tmp_path / "plans", {"a.plan.yaml": complete_plan(), "b.plan.yaml": by_name,
                                             "c.plan.yaml": unknown, "d.plan.yaml": nameless,
                                             "e.plan.yaml": at(complete_plan(), "plan.period", "2024/25")})
    code, text, err = summarise(folder, output_format="json")
    document = json.loads(text)
    plans = {Path(p["file"]).name: p for p in document["plans"]}
    assert plans["a.plan.yaml"]["register_match"] == "gss_code" and plans["a.plan.yaml"]["plans_for_council"] == 2
    assert plans["e.plan.yaml"]["plans_for_council"] == 2
    assert (plans["b.plan.yaml"]["register_match"], plans["b.plan.yaml"]["council"], plans["b.plan.yaml"]["gss_code"]) == (
        "name", "Amber Valley Borough Council", "E07000032")
    assert plans["b.plan.yaml"]["region"] == "East Midlands" and plans["b.plan.yaml"]["plan_gss_code"] is None
    assert (plans["c.plan.yaml"]["register_match"], plans["c.plan.yaml"]["council"], plans["c.plan.yaml"]["region"]) == (
        "not_in_register", "Lakeside Borough Council", None)
    assert plans["c.plan.yaml"]["council_type"] == "district" and plans["c.plan.yaml"]["plans_for_council"] is None
    assert plans["d.plan.yaml"]["register_match"] == "not_given"
    coverage = document["coverage"]
    assert coverage["councils_with_plan"] == 2 and coverage["councils_missing"] == 315
    assert [c["gss_code"] for c in coverage["with_plan"]] == ["E07000032", "E07000039"]
    assert [Path(p["file"]).name for p in coverage["not_in_register"]] == ["c.plan.yaml", "d.plan.yaml"]
    assert [(c["gss_code"], [Path(f).name for f in c["files"]]) for c in coverage["more_than_one_plan"]] == [
        ("E07000039", ["a.plan.yaml", "e.plan.yaml"])]
    district = next(g for g in coverage["by_type"] if g["group"] == "district")
    assert district == {"group": "district", "councils": 164, "with_plan": 2}
    assert "2 of 317 councils in the register have a plan; 2 plans name a council the register does not know; " \
           "1 council has more than one plan" in err


# -- group statistics ----------------------------------------------------------------------


def test_quartiles_are_the_inclusive_method_that_r_excel_and_pandas_use():
    assert quartiles([1, 2, 3, 4]) == (1.75, 2.5, 3.25)  # R quantile(type = 7), QUARTILE.INC, pandas .quantile
    assert quartiles([7]) == (7, 7, 7)
    assert quartiles([0.04, 0.0711]) == (0.04 + 0.25 * 0.0311, (0.04 + 0.0711) / 2, 0.04 + 0.75 * 0.0311)


def test_group_statistics_per_type_split_shares_by_base(tmp_path):
    plans = {}
    for n, (percent, of) in enumerate([(1.0, "pay_bill"), (2.0, "pay_bill"), (4.0, "pay_bill"), (9.0, "staffing_budget")]):
        data = at(complete_plan(), "disclosures.agency_staff.share", {"percent": percent, "of": of})
        drop(data, "disclosures.agency_staff.spend")
        plans[f"p{n}.plan.yaml"] = data
    plans["na.plan.yaml"] = at(complete_plan(), "disclosures.agency_staff.share", NA)
    county = at(at(complete_plan(), "council.name", "Derbyshire County Council"), "council.gss_code", "E10000007")
    plans["county.plan.yaml"] = at(county, "council.type", "county")
    folder = write_plans(tmp_path / "plans", plans)
    code, text, _ = summarise(folder, group_by="type")
    lines = csv_rows(text)
    assert list(lines[0]) == ["group_by", "group", "plans", "figure", "unit", "base", "count", "min", "q1", "median", "q3",
                              "max", "not_available", "missing", "combined", "invalid"]
    share = {(l["group"], l["base"]): l for l in lines if l["figure"] == "agency_share_percent"}
    assert set(share) == {("county", "pay_bill"), ("county", ""), ("district", "pay_bill"), ("district", "staffing_budget"), ("district", "")}
    pay_bill = share[("district", "pay_bill")]
    assert [float(pay_bill[k]) for k in ("plans", "count", "min", "q1", "median", "q3", "max")] == [5, 3, 1, 1.5, 2, 3, 4]
    assert [float(share[("district", "staffing_budget")][k]) for k in ("count", "median")] == [1, 9]
    counts = share[("district", "")]
    assert (counts["count"], counts["median"], counts["not_available"], counts["missing"]) == ("4", "", "1", "0")
    spend = next(l for l in lines if l["figure"] == "agency_spend_gbp" and l["group"] == "district")
    assert (spend["count"], spend["missing"], float(spend["median"])) == ("1", "4", 300000)
    savings = next(l for l in lines if l["figure"] == "savings_achieved_gbp" and l["group"] == "county")
    assert savings["not_available"] == "" and float(savings["median"]) == 450000


def test_group_statistics_agree_with_the_statistics_module_on_every_figure(tmp_path):
    _, text, _ = summarise(*sorted(EXAMPLES.glob("*.plan.yaml")), output_format="json")
    rows = json.loads(text)["plans"]
    flat = []
    for plan in rows:
        row = {k: v for k, v in plan.items() if k != "figures"}
        for name, figure in plan["figures"].items():
            row[name], row[f"{name}_status"], row[f"{name}_note"] = figure["value"], figure["status"], figure["note"]
        flat.append(row)
    for group in group_statistics(flat, "region"):
        members = [r for r in flat if (r["region"] or "not known") == group.name]
        for line in group.lines:
            base_column = C.share_base_column(line.figure)
            values = [r[line.figure] for r in members if r[line.figure] is not None
                      and (base_column is None or line.base is None or r[base_column] == line.base)]
            assert line.count == len(values)
            if line.median is not None:
                assert line.median == statistics.median(values)


# -- progress ------------------------------------------------------------------------------


def test_the_progress_bar_appears_only_after_a_second_on_a_terminal():
    from rich.console import Console

    now = [0.0]
    screen = io.StringIO()
    console = Console(file=screen, force_terminal=True, width=80)
    bar = DelayedProgress(3, Terminal(), enabled=True, clock=lambda: now[0], console=console)
    bar.advance()
    now[0] = 0.9
    bar.advance()
    assert not bar.shown and screen.getvalue() == ""
    now[0] = 1.2
    bar.advance()
    assert bar.shown
    bar.close()
    assert "3/3" in screen.getvalue()
    quiet = DelayedProgress(3, Terminal(), enabled=False, clock=lambda: 99.0)
    quiet.advance()
    assert not quiet.shown


def test_no_progress_bar_when_output_is_piped():
    from plantool.summary.progress import wanted

    assert wanted(Terminal(), Terminal(), output_file=False)
    assert wanted(Terminal(), io.StringIO(), output_file=True)
    assert not wanted(Terminal(), io.StringIO(), output_file=False)  # stdout piped on
    assert not wanted(io.StringIO(), Terminal(), output_file=True)  # stderr not a terminal
    many = [str(p) for p in sorted(EXAMPLES.glob("*.plan.yaml"))] * 6
    result = run_plantool("summary", *many)
    assert result.returncode == 0 and "\x1b[" not in result.stderr and "Summarising" not in result.stderr


# -- the README ----------------------------------------------------------------------------


def readme_section(heading: str) -> str:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index(heading) + len(heading):]
    return section[: section.index("\n#")]


def test_the_readme_column_dictionary_is_the_code_s():
    section = readme_section("### Column dictionary")
    assert C.dictionary_markdown() in section
    documented = [line.split("`")[1] for line in section.splitlines() if line.startswith("| `")]
    assert documented == list(C.NAMES)


def test_the_readme_summary_of_the_examples_is_what_summary_prints():
    section = readme_section("### The summary of the examples")
    lines = [line for line in section.splitlines() if line.startswith("| ")]
    header = [cell.strip().strip("`") for cell in lines[0].strip("|").split("|")]
    shown = [[cell.strip() for cell in line.strip("|").split("|")] for line in lines[1:]]
    printed = csv_rows(run_plantool("summary", "examples/", cwd=REPO).stdout)
    assert shown == [[row[name] for name in header] for row in printed]
    assert (REPO / "examples" / "summary-completeness.png").read_bytes().startswith(b"\x89PNG")


def test_every_register_council_type_is_a_group(tmp_path):
    assert {g["group"] for g in json.loads(summarise(write_plans(tmp_path / "p", {"a.plan.yaml": complete_plan()}),
                                                     output_format="json")[1])["coverage"]["by_type"]} == set(load_register().types())


@pytest.mark.parametrize("bad", [True, float("nan"), [1, 2], {"amount": 3}])
def test_odd_values_are_invalid_figures_never_a_crash(tmp_path, bad):
    row = one_row(tmp_path, at(complete_plan(), "disclosures.facility_time.cost", bad))
    assert row["facility_cost_gbp"] == "" and row["facility_cost_gbp_status"] == "invalid"


# -- the typer-free fast path --------------------------------------------------------------


@pytest.mark.parametrize("argv, expected", [
    (["summary", "plans"], {"paths": ["plans"], "output": None, "output_format": "csv", "group_by": None, "force": False}),
    (["summary", "a", "b", "-o", "s.html", "-f", "html", "--group-by=region", "--force"],
     {"paths": ["a", "b"], "output": Path("s.html"), "output_format": "html", "group_by": "region", "force": True}),
    (["summary"], None),
    (["summary", "a", "--format", "xml"], None),
    (["summary", "a", "--group-by", "colour"], None),
    (["summary", "--help"], None),
    (["summary", "a", "-o"], None),
])
def test_fast_summary_path_takes_only_simple_command_lines(argv, expected):
    from plantool.__main__ import fast_summary_arguments

    assert fast_summary_arguments(argv) == expected


def test_fast_summary_path_gives_what_the_full_cli_gives(tmp_path):
    import subprocess

    paths = [str(p) for p in sorted(EXAMPLES.glob("*.plan.yaml"))] + [str(tmp_path / "missing.plan.yaml")]
    for options in ([], ["--format", "json", "--group-by", "region"]):
        fast = run_plantool("summary", *options, *paths)
        full = subprocess.run(
            [sys.executable, "-c", "import sys; from plantool.cli import run; sys.argv[0] = 'plantool'; sys.exit(run())",
             "summary", *options, *paths], capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(REPO)})
        assert (fast.returncode, fast.stdout, fast.stderr) == (full.returncode, full.stdout, full.stderr)
        assert fast.returncode == 2 and fast.stdout


def test_an_unusable_register_is_one_line_and_exit_2(tmp_path):
    folder = write_plans(tmp_path / "plans", {"good.plan.yaml": complete_plan()})
    bad = tmp_path / "councils.csv"
    bad.write_text("code,name\nE1,x\n", encoding="utf-8")
    result = run_plantool("summary", folder, env={"PLANTOOL_REGISTER": str(bad)})
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.strip().splitlines() == [f"plantool: error: {bad}: register lacks column(s) gss_code, short_name, type, county_gss, region, alt_names"]


def test_a_bug_on_one_plan_is_that_plan_s_row_and_exit_3(tmp_path, monkeypatch):
    from plantool.summary import batch

    real = batch.plan_row

    def fails_on_b(file, *args, **kwargs):
        if file.endswith("b.plan.yaml"):
            raise KeyError("a bug")
        return real(file, *args, **kwargs)

    monkeypatch.setattr(batch, "plan_row", fails_on_b)
    folder = write_plans(tmp_path / "plans", {"a.plan.yaml": complete_plan(), "b.plan.yaml": complete_plan()})
    code, out, err = summarise(folder)
    rows = {Path(r["file"]).name: r for r in csv_rows(out)}
    assert code == 3 and rows["a.plan.yaml"]["load_error"] == "" and rows["a.plan.yaml"]["agency_spend_gbp"] == "300000"
    assert "b.plan.yaml: internal error while summarising this file: KeyError: 'a bug' (please report this)" in rows["b.plan.yaml"]["load_error"]
    assert "Traceback" not in err and "internal error while summarising this file" in err


@pytest.mark.skipif(not sys.platform.startswith("linux") or (os.cpu_count() or 1) < 2, reason="the parallel path runs on Linux with 2+ CPUs")
def test_ctrl_c_during_a_parallel_summary_exits_130_silently_and_leaves_no_process(tmp_path):
    """The summary's workers are check's (runner.each_file): the same clean stop."""
    from test_input_classes import ctrl_c_mid_run

    plans = write_plans(tmp_path / "plans", {f"p{n:03}.plan.yaml": to_yaml(at(complete_plan(), "council.gss_code", None))
                                             for n in range(400)})
    assert ctrl_c_mid_run(["summary", str(plans)], attempts=6) >= 4
