"""`plantool diff`: real plans rolled forward with the real `new --from`, edited, and compared by the real CLI.

Each test makes one category of change to this year's copy and checks the
report says so: status moves, renamed, new and dropped initiatives, savings,
figures in their units, barriers, answers and review marks, and the checks on
the pair of inputs.
"""

from __future__ import annotations

import itertools
import json
import os
import pty
import re
import subprocess
import sys

import pytest
from markdown_it import MarkdownIt

from conftest import EXAMPLES, REPO, run_plantool
from diff_helpers import by_name, diff, diff_json, edit, figure, pair, reviewed

from plantool.diff import matching
from plantool.diff.initiatives import PROGRESS
from plantool.diff.items import lists_of
from plantool.plan import loader
from plantool.plan.schema import load_schema

SCHEMA = load_schema()


def initiative(data, theme: str, name: str) -> dict:
    [found] = [i for i in data["themes"][theme]["initiatives"] if i.get("name") == name]
    return found


# -- initiatives -----------------------------------------------------------------------


def test_status_moves_forward_and_back_are_listed(tmp_path):
    last, this = pair(tmp_path)

    def progress(data):
        initiative(data, "transformation", "Shared building control")["status"] = "done"
        initiative(data, "transformation", "Digital planning applications")["status"] = "under_way"
        initiative(data, "technology_and_data", "Council tax automation")["status"] = "planned"

    edit(this, progress)
    report = diff_json(last, this)
    moves = {name: (m["last"]["status"], m["this"]["status"], m["move"]) for name, m in by_name(report["initiatives"]["matched"]).items()}
    assert moves["Shared building control"] == ("under_way", "done", "forward")
    assert moves["Digital planning applications"] == ("planned", "under_way", "forward")
    assert moves["Council tax automation"] == ("under_way", "planned", "back")
    assert moves["Customer service centre"] == ("done", "done", "same")
    markdown = diff(last, this, "--format", "markdown").stdout
    assert "| Shared building control | Transformation | Under way | Done | Moved on |" in markdown
    assert "| Council tax automation | Technology and data | Under way | Planned | Went back |" in markdown
    assert "2 moved on (1 now done), 1 went back" in markdown


def test_renamed_initiatives_are_matched_and_shown_with_their_old_name(tmp_path):
    last, this = pair(tmp_path)

    def rename(data):
        initiative(data, "transformation", "Shared building control")["name"] = "Building control shared service"
        initiative(data, "technology_and_data", "Council tax automation")["name"] = "Automating council tax moves"

    edit(this, rename)
    report = diff_json(last, this)
    matched = by_name(report["initiatives"]["matched"])
    for new_name, old_name in [("Building control shared service", "Shared building control"), ("Automating council tax moves", "Council tax automation")]:
        assert matched[new_name]["last"]["name"] == old_name and matched[new_name]["renamed"] is True
        assert matching.MATCH_THRESHOLD <= matched[new_name]["similarity"] < 100
    assert report["initiatives"]["new"] == [] and report["initiatives"]["dropped"] == []
    markdown = diff(last, this, "--format", "markdown").stdout
    assert "Building control shared service (was: Shared building control; similarity" in markdown


def test_new_and_dropped_initiatives_with_the_near_miss_shown(tmp_path):
    last, this = pair(tmp_path)

    def change(data):
        items = data["themes"]["reducing_wasteful_spend"]["initiatives"]
        items.pop(0)  # Office consolidation: dropped
        items.append({"name": "Garden waste round redesign", "status": "planned"})
        # reworded beyond recognition: below the threshold, but close enough to be shown
        initiative(data, "technology_and_data", "Council tax automation")["name"] = "Automated council tax changes of address"

    edit(this, change)
    report = diff_json(last, this)
    new = {u["initiative"]["name"]: u for u in report["initiatives"]["new"]}
    dropped = {u["initiative"]["name"]: u for u in report["initiatives"]["dropped"]}
    assert set(new) == {"Garden waste round redesign", "Automated council tax changes of address"}
    assert set(dropped) == {"Office consolidation", "Council tax automation"}
    near = new["Automated council tax changes of address"]
    assert near["closest"]["name"] == "Council tax automation"
    assert matching.NEAR_MISS <= near["similarity"] < matching.MATCH_THRESHOLD
    assert dropped["Council tax automation"]["closest"]["name"] == "Automated council tax changes of address"
    assert new["Garden waste round redesign"]["closest"] is None
    assert new["Garden waste round redesign"]["initiative"]["where"]["title"] == "Reducing wasteful spend"
    markdown = diff(last, this, "--format", "markdown").stdout
    assert f"Council tax automation (similarity {near['similarity']:g}; below the 80 needed to match)" in markdown
    assert "| Office consolidation | Reducing wasteful spend | Done | none close |" in markdown


def test_initiatives_are_found_in_own_sections_topics_and_other_sections_and_matched_across_them(tmp_path):
    def spread(data):
        transformation = data["themes"]["transformation"]
        moved = transformation["initiatives"].pop(2)  # Digital planning applications
        transformation["sections"] = [{"title": "Planning for growth", "initiatives": [moved],
                                       "sections": [{"title": "Housing", "initiatives": [{"name": "Empty homes back into use", "status": "planned"}]}]}]
        data["topics"] = {"income_generation": {"initiatives": [{"name": "Commercial waste service", "status": "under_way"}]}}
        data["other_sections"] = [{"title": "Governance", "initiatives": [{"description": "Moved committee papers online.", "status": "planned"}]}]

    last, this = pair(tmp_path, last_change=spread)

    def shuffle(data):
        # the topic's initiative moves to a theme (matched across), the description-only one is done
        commercial = data["topics"]["income_generation"].pop("initiatives")[0]
        data["themes"]["reducing_wasteful_spend"]["initiatives"].append(commercial)
        data["other_sections"][0]["initiatives"][0]["status"] = "done"

    edit(this, shuffle)
    report = diff_json(last, this)
    matched = by_name(report["initiatives"]["matched"])
    assert set(matched) >= {"Digital planning applications", "Commercial waste service", "Moved committee papers online."}
    assert matched["Digital planning applications"]["this"]["where"] == {"path": "themes.transformation", "title": "Transformation", "section": "Planning for growth"}
    commercial = matched["Commercial waste service"]
    assert commercial["last"]["where"]["title"] == "Income generation and commercial activity"
    assert commercial["this"]["where"]["title"] == "Reducing wasteful spend"
    assert matched["Moved committee papers online."]["move"] == "forward"
    assert matched["Moved committee papers online."]["this"]["where"]["title"] == "Other sections"
    assert report["initiatives"]["new"] == [] and report["initiatives"]["dropped"] == []
    markdown = diff(last, this, "--format", "markdown").stdout
    assert "| Digital planning applications | Transformation › Planning for growth |" in markdown
    assert "| Empty homes back into use | Transformation › Planning for growth › Housing |" in markdown


def test_savings_planned_last_year_are_set_against_savings_achieved_this_year(tmp_path):
    last, this = pair(tmp_path)

    def banked(data):
        control = initiative(data, "transformation", "Shared building control")
        control["savings"] = [{"amount": 150000, "kind": "achieved", "type": "cashable", "period": "2026/27"}]
        automation = initiative(data, "technology_and_data", "Council tax automation")
        automation["savings"].append({"amount": 40000, "kind": "achieved", "type": "income", "period": "2026/27"})
        offices = initiative(data, "reducing_wasteful_spend", "Office consolidation")
        offices["savings"][0].update(amount=400000, period="2025/26")  # cumulative since 2022/23: grew by £90,000

    edit(this, banked)
    report = diff_json(last, this)
    lines = {line["initiative"]: line for line in report["savings"]["by_initiative"]}
    assert lines["Shared building control"] | {} == {
        "initiative": "Shared building control", "path": "themes.transformation.initiatives[1]",
        "planned_last": 180000, "achieved_this": 150000, "planned_this": 0,
    }
    assert (lines["Council tax automation"]["planned_last"], lines["Council tax automation"]["achieved_this"], lines["Council tax automation"]["planned_this"]) == (95000, 40000, 95000)
    # achieved savings last year's plan already reported are not counted again; a cumulative one counts its growth
    assert "Customer service centre" not in lines
    assert lines["Office consolidation"]["achieved_this"] == 90000
    assert report["savings"]["total"] == {"planned_last": 275000, "achieved_this": 280000, "planned_this": 95000}
    types = {line["type"]: line for line in report["savings"]["by_type"]}
    assert types["cashable"]["achieved_this"] == 150000 and types["cashable"]["label"] == "cashable saving"
    assert types["income"]["achieved_this"] == 40000
    assert types[None]["planned_last"] == 275000 and types[None]["achieved_this"] == 90000 and types[None]["label"] == "type not stated"
    markdown = diff(last, this, "--format", "markdown").stdout
    assert "| Shared building control | £180,000 | £150,000 | £0 |" in markdown
    assert "| Total | £275,000 | £280,000 | £95,000 |" in markdown
    assert "| Cashable saving | £0 | £150,000 | £0 |" in markdown


# -- disclosure figures ----------------------------------------------------------------


def test_figures_change_in_their_units_with_percentage_points_for_shares(tmp_path):
    def last_year(data):
        data["disclosures"]["agency_staff"]["share"] = {"percent": 9.3, "of": "pay_bill"}
        data["disclosures"]["edi"]["spend"] = {"not_available": "not recorded"}
        data["disclosures"]["facility_time"]["cost"] = {"not_available": "the return was late"}
        del data["disclosures"]["facility_time"]["pay_bill"]

    last, this = pair(tmp_path, last_change=last_year)

    def this_year(data):
        disclosures = data["disclosures"]
        disclosures["agency_staff"]["share"]["percent"] = 7.1
        disclosures["agency_staff"]["workers_over_12_months"] = 5
        disclosures["consultants"]["spend"] = 189000
        disclosures["consultants"]["share"]["of"] = "total_spend"
        disclosures["facility_time"]["cost"] = 15000
        disclosures["facility_time"]["percent_of_pay_bill"] = 0.075
        disclosures["facility_time"]["officials"]["fte"] = {"not_available": "not collected this year"}
        del disclosures["facility_time"]["paid_activities_percent"]
        disclosures["edi"]["period"] = "2025/26"

    edit(this, this_year)
    report = diff_json(last, this)
    share = figure(report, "agency_staff", "disclosures.agency_staff.share")
    assert (share["state"], share["change"], share["change_text"]) == ("changed", -2.2, "−2.2 points")
    assert (share["last_text"], share["this_text"]) == ("9.3% of the pay bill", "7.1% of the pay bill")
    assert share["last"] == {"percent": 9.3, "of": "pay_bill"} and share["unit"] == "share"
    workers = figure(report, "agency_staff", "disclosures.agency_staff.workers_over_12_months")
    assert (workers["change"], workers["change_text"]) == (2, "+2")
    spend = figure(report, "consultants", "disclosures.consultants.spend")
    assert (spend["change"], spend["change_text"]) == (-21000, "−£21,000 (−10.0%)")
    assert figure(report, "consultants", "disclosures.consultants.share")["state"] == "not_comparable"
    assert figure(report, "edi", "disclosures.edi.spend")["state"] == "not_available_both"
    assert figure(report, "facility_time", "disclosures.facility_time.cost")["state"] == "now_available"
    assert figure(report, "facility_time", "disclosures.facility_time.officials.fte")["state"] == "no_longer_available"
    percent = figure(report, "facility_time", "disclosures.facility_time.percent_of_pay_bill")
    assert (percent["change"], percent["change_text"]) == (0.005, "+0.005 points")
    assert figure(report, "facility_time", "disclosures.facility_time.paid_activities_percent")["state"] == "only_last"
    assert figure(report, "edi", "disclosures.edi.period")["state"] == "changed"
    assert figure(report, "agency_staff", "disclosures.agency_staff.spend")["state"] == "unchanged"
    markdown = diff(last, this, "--format", "markdown").stdout
    assert "| Agency spend as a share | 9.3% of the pay bill | 7.1% of the pay bill | −2.2 points |" in markdown
    assert "| Spend on EDI | Not available: not recorded | Not available: not recorded | Not available in either year |" in markdown
    assert "| Consultant spend as a share | 1.05% of the pay bill (£20,000,000) | 1.05% of total spend (£20,000,000) | Not comparable: the shares are of different bases |" in markdown
    assert "| Paid trade union activities as a share of paid facility time | 2% | not given | Not given this year |" in markdown


def test_a_figure_given_only_this_year_and_a_combined_figure_replacing_separate_ones(tmp_path):
    last, this = pair(tmp_path)

    def combine(data):
        disclosures = data["disclosures"]
        for key in ("spend", "share", "workers_over_12_months"):
            del disclosures["agency_staff"][key]
        for key in ("spend", "share"):
            del disclosures["consultants"][key]
        disclosures["agency_and_consultants"] = {"period": "2025/26", "spend": 1000000, "share": {"percent": 5, "of": "pay_bill"}}

    edit(this, combine)
    report = diff_json(last, this)
    [combined] = [d for d in report["disclosures"] if d["key"] == "agency_and_consultants"]
    assert {f["state"] for f in combined["figures"]} == {"only_this"}
    assert "2026/27 plan" in combined["note"] and "Agency staff, Consultants" in combined["note"]
    assert figure(report, "agency_staff", "disclosures.agency_staff.spend")["state"] == "only_last"


# -- barriers and answers --------------------------------------------------------------


def test_barriers_added_removed_and_still_present(tmp_path):
    last, this = pair(tmp_path)

    def change(data):
        items = data["themes"]["barriers"]["items"]
        items[0]["barrier"] = "Single-year funding settlements"  # reworded
        del items[2]  # Temporary accommodation costs: resolved
        items.append({"barrier": "Audit backlog", "effect": "Accounts are signed off late.", "government_action": "Fund the audit reset."})

    edit(this, change)
    report = diff_json(last, this)
    barriers = report["barriers"]
    still = {m["this"]["barrier"]: m["last"]["barrier"] for m in barriers["still_present"]}
    assert still == {"Single-year funding settlements": "One-year funding settlements", "Competitive bidding for small grants": "Competitive bidding for small grants"}
    assert [u["barrier"]["barrier"] for u in barriers["added"]] == ["Audit backlog"]
    assert [u["barrier"]["barrier"] for u in barriers["removed"]] == ["Temporary accommodation costs"]
    markdown = diff(last, this, "--format", "markdown").stdout
    assert "| Audit backlog | New this year |" in markdown
    assert "| Temporary accommodation costs | No longer listed |" in markdown
    assert "Reworded from: One-year funding settlements" in markdown


def test_answers_carried_over_unchanged_are_flagged_and_so_are_review_marks_left(tmp_path):
    last, this = pair(tmp_path)
    report = diff_json(last, this)
    answered = [a for a in report["answers"] if a["state"] not in ("unanswered", "not_expected")]
    assert answered and all(a["state"] == "unchanged" and a["carried_over"] and a["review_mark"] for a in answered)
    checked = run_plantool("check", this).stdout
    assert len(report["review_marks"]) == checked.count("(review-needed)") > 0

    def update(data):
        data["themes"]["transformation"]["measuring_productivity"] = "We now publish unit costs every quarter."
        data["disclosures"]["consultants"]["spend"] = 150000

    edit(this, update)
    reviewed(this, "themes.transformation.measuring_productivity")
    report = diff_json(last, this)
    answers = {a["path"]: a for a in report["answers"]}
    measuring = answers["themes.transformation.measuring_productivity"]
    assert (measuring["state"], measuring["carried_over"], measuring["review_mark"]) == ("changed", False, False)
    future = answers["themes.transformation.future_plans"]
    assert (future["state"], future["carried_over"], future["review_mark"]) == ("unchanged", True, True)
    spend = answers["disclosures.consultants.spend"]  # updated, but its section's mark is still there
    assert (spend["state"], spend["carried_over"], spend["review_mark"], spend["figure"]) == ("changed", False, True, True)
    assert answers["disclosures.consultants.reasons"]["carried_over"] is True
    markdown = diff(last, this, "--format", "markdown").stdout
    assert "| Transformation › How we measure productivity | Updated |  |" in markdown
    assert "| Transformation › Transformation planned for the next two years | Same as last year | Carried over word for word; Review mark left: not yet reviewed |" in markdown
    text = diff(last, this).stdout
    mark_line = next(m["line"] for m in report["review_marks"] if m["path"] == "themes.transformation.future_plans")
    assert f"line {mark_line}: Transformation › Transformation planned for the next two years" in text


# -- checks on the pair ----------------------------------------------------------------


def test_a_different_council_is_refused_without_force_and_compared_with_it(tmp_path):
    last, this = pair(tmp_path)

    def other(data):
        data["council"]["name"] = "Lakeside District Council"
        data["council"]["gss_code"] = "E07999998"

    edit(this, other)
    refused = diff(last, this)
    assert refused.returncode == 2 and refused.stdout == ""
    [line] = refused.stderr.splitlines()
    assert line.startswith("plantool: error: ") and "E07999999" in line and "E07999998" in line and "--force" in line
    forced = diff(last, this, "--force", "--format", "json")
    assert forced.returncode == 0
    report = json.loads(forced.stdout)
    assert any("not the same council" in w for w in report["warnings"])
    assert "not the same council" in forced.stderr
    heading = diff(last, this, "--force", "--format", "markdown").stdout.splitlines()[0]
    assert "Riverside District Council and Lakeside District Council" in heading  # the title names both


def test_a_council_renamed_between_years_is_one_council_in_the_title(tmp_path):
    last, this = pair(tmp_path)
    edit(this, lambda data: data["council"].update(name="Riverside City Council"))  # the same GSS code
    result = diff(last, this, "--format", "markdown")
    assert result.returncode == 0, result.stderr
    assert " and " not in result.stdout.splitlines()[0] and "Riverside City Council" in result.stdout.splitlines()[0]


def test_a_period_that_does_not_follow_on_is_a_warning_in_the_report_and_on_stderr(tmp_path):
    last, this = pair(tmp_path, period="2027/28")
    result = diff(last, this, "--format", "markdown")
    assert result.returncode == 0
    assert "plantool: warning:" in result.stderr and "2027/28" in result.stderr and "2025/26" in result.stderr
    assert re.search(r"^> Warning: .*2027/28.*not the year after 2025/26", result.stdout, re.M)
    (tmp_path / "next").mkdir()
    ok = diff(*pair(tmp_path / "next"))
    assert ok.returncode == 0 and "warning" not in ok.stderr and "Warning" not in ok.stdout


BAD_INPUTS = {
    "missing": None,
    "directory": "DIR",
    "not YAML": "plan: [\n  unclosed",
    "binary": b"\x00\x01\x02PK",
    "a list": "- 1\n- 2\n",
    "no plan section": "council: {name: Somewhere}\n",
    "empty": "",
}


@pytest.mark.parametrize("kind", BAD_INPUTS)
@pytest.mark.parametrize("position", ["last", "this"])
def test_an_input_that_is_not_a_plan_is_one_line_naming_the_file_and_exit_2(tmp_path, kind, position):
    good = EXAMPLES / "riverside-2025.plan.yaml"
    bad = tmp_path / "bad.plan.yaml"
    content = BAD_INPUTS[kind]
    if content == "DIR":
        bad.mkdir()
    elif isinstance(content, bytes):
        bad.write_bytes(content)
    elif content is not None:
        bad.write_text(content)
    result = diff(bad, good) if position == "last" else diff(good, bad)
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    [line] = result.stderr.splitlines()
    assert line.startswith("plantool: error: ") and str(bad) in line and "Traceback" not in line


# -- outputs ---------------------------------------------------------------------------

DIFF_JSON_SCHEMA = {
    "$defs": {
        "plan": {
            "type": "object", "required": ["file", "council", "gss_code", "period", "status"], "additionalProperties": False,
            "properties": {key: {"type": ["string", "null"]} for key in ("file", "council", "gss_code", "period", "status")},
        },
        "initiative": {
            "type": "object",
            "required": ["name", "description", "status", "where", "path", "savings"],
            "properties": {
                "where": {"type": "object", "required": ["path", "title", "section"]},
                "savings": {"type": "array", "items": {"type": "object", "required": ["amount", "kind", "type", "period", "text"]}},
            },
        },
        "unmatched_initiative": {
            "type": "object", "required": ["initiative", "closest", "similarity"],
            "properties": {"initiative": {"$ref": "#/$defs/initiative"}, "similarity": {"type": ["number", "null"]}},
        },
        "amounts": {"type": "object", "required": ["planned_last", "achieved_this", "planned_this"]},
        "barrier": {"type": "object", "required": ["barrier", "path"]},
    },
    "type": "object",
    "required": ["version", "tool", "last", "this", "warnings", "initiatives", "savings", "disclosures", "barriers", "answers", "review_marks"],
    "properties": {
        "version": {"const": 1},
        "last": {"$ref": "#/$defs/plan"},
        "this": {"$ref": "#/$defs/plan"},
        "warnings": {"type": "array", "items": {"type": "string"}},
        "initiatives": {
            "type": "object",
            "required": ["threshold", "near_miss", "scorer", "matched", "new", "dropped"],
            "properties": {
                "matched": {"type": "array", "items": {
                    "type": "object", "required": ["last", "this", "similarity", "renamed", "move"],
                    "properties": {"last": {"$ref": "#/$defs/initiative"}, "this": {"$ref": "#/$defs/initiative"},
                                   "move": {"enum": ["forward", "back", "same", "unknown"]}},
                }},
                "new": {"type": "array", "items": {"$ref": "#/$defs/unmatched_initiative"}},
                "dropped": {"type": "array", "items": {"$ref": "#/$defs/unmatched_initiative"}},
            },
        },
        "savings": {
            "type": "object", "required": ["by_initiative", "total", "by_type"],
            "properties": {
                "by_initiative": {"type": "array", "items": {"allOf": [{"$ref": "#/$defs/amounts"}, {"required": ["initiative", "path"]}]}},
                "total": {"$ref": "#/$defs/amounts"},
                "by_type": {"type": "array", "items": {"allOf": [{"$ref": "#/$defs/amounts"}, {"required": ["type", "label"]}]}},
            },
        },
        "disclosures": {"type": "array", "items": {
            "type": "object", "required": ["key", "title", "note", "figures"],
            "properties": {"figures": {"type": "array", "items": {
                "type": "object",
                "required": ["path", "label", "unit", "state", "last", "this", "last_text", "this_text", "change", "change_text"],
                "properties": {"state": {"enum": ["changed", "unchanged", "not_comparable", "not_available_both", "now_available",
                                                  "no_longer_available", "only_this", "only_last"]},
                               "change": {"type": ["number", "null"]}},
            }}},
        }},
        "barriers": {"type": "object", "required": ["still_present", "added", "removed"]},
        "answers": {"type": "array", "items": {
            "type": "object", "required": ["path", "label", "state", "carried_over", "figure", "review_mark"],
            "properties": {"state": {"enum": ["changed", "unchanged", "newly_answered", "no_longer_answered", "unanswered", "not_expected"]}},
        }},
        "review_marks": {"type": "array", "items": {"type": "object", "required": ["line", "path", "label"]}},
    },
}


def test_json_output_has_the_documented_shape():
    from jsonschema import Draft202012Validator

    report = diff_json(EXAMPLES / "derbyshire-2024.plan.yaml", EXAMPLES / "derbyshire-2025.plan.yaml")
    errors = sorted(Draft202012Validator(DIFF_JSON_SCHEMA).iter_errors(report), key=str)
    assert not errors, errors[0]
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for key in DIFF_JSON_SCHEMA["required"]:
        assert f'"{key}"' in readme[readme.index("### `plantool diff` JSON") :], key


def markdown_tables(text: str):
    """(header cells, body rows) for every table, as markdown-it parses them."""
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    tables, current, row, where = [], None, None, None
    for token in tokens:
        if token.type == "table_open":
            current = {"head": [], "body": []}
        elif token.type in ("thead_open", "tbody_open"):
            where = "head" if token.type == "thead_open" else "body"
        elif token.type == "tr_open":
            row = []
        elif token.type == "inline" and row is not None:
            row.append(token.content)
        elif token.type == "tr_close":
            current[where].append(row)
            row = None
        elif token.type == "table_close":
            tables.append(current)
    return tables


YAML_PATH = re.compile(r"\b[a-z]+(?:_[a-z]+)*(?:\[\d+\])?\.[a-z_]+|\b[a-z]+_[a-z_]+\b|\[\d+\]")


def test_markdown_tables_have_header_rows_and_no_yaml_paths(tmp_path):
    last, this = pair(tmp_path)
    edit(this, lambda data: initiative(data, "transformation", "Shared building control").update(status="done"))
    for text in (diff(last, this, "--format", "markdown").stdout,
                 diff(EXAMPLES / "derbyshire-2024.plan.yaml", EXAMPLES / "derbyshire-2025.plan.yaml", "--format", "markdown").stdout):
        tables = markdown_tables(text)
        assert len(tables) >= 6
        for table in tables:
            [header] = table["head"]
            assert all(cell.strip() for cell in header)
            assert table["body"] and all(len(row) == len(header) for row in table["body"])
        plain = re.sub(r"\([\w-]+\.plan\.yaml", "(", text)  # the file names compared are not YAML paths
        assert not YAML_PATH.search(plain), YAML_PATH.search(plain).group(0)
        headings = [line for line in text.splitlines() if line.startswith("#")]
        assert headings[0].startswith("## ") and all(not h.startswith("# ") for h in headings)
        schema_titles = {node["title"] for _, node in SCHEMA.disclosures()} | {SCHEMA.node_at(("disclosures",))["title"]}
        assert {h.lstrip("# ") for h in headings} & schema_titles


def test_output_file_is_written_once_and_replaced_only_with_force(tmp_path):
    last, this = pair(tmp_path)
    out = tmp_path / "progress.md"
    first = diff(last, this, "--format", "markdown", "-o", out)
    assert first.returncode == 0 and out.read_text() == diff(last, this, "--format", "markdown").stdout
    out.write_text("the officer's notes")
    again = diff(last, this, "--format", "markdown", "-o", out)
    assert again.returncode == 2 and "already exists" in again.stderr and out.read_text() == "the officer's notes"
    assert diff(last, this, "-o", out, "--force").returncode == 0 and out.read_text().startswith("Year-on-year progress")


def run_on_terminal(*args, env_extra=None) -> bytes:
    controller, terminal = pty.openpty()
    env = dict(os.environ, PYTHONPATH=str(REPO), TERM="xterm")
    env.pop("NO_COLOR", None)
    env.update(env_extra or {})
    process = subprocess.Popen([sys.executable, "-m", "plantool", "diff", *map(str, args)], stdout=terminal, stderr=terminal, env=env, close_fds=True)
    os.close(terminal)
    seen = b""
    try:
        while True:
            try:
                chunk = os.read(controller, 65536)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
        assert process.wait(timeout=60) == 0
    finally:
        os.close(controller)
    return seen


def test_colour_only_on_a_terminal_and_never_with_no_color():
    args = (EXAMPLES / "derbyshire-2024.plan.yaml", EXAMPLES / "derbyshire-2025.plan.yaml")
    assert b"\x1b[" in run_on_terminal(*args)
    assert b"\x1b[" not in run_on_terminal(*args, env_extra={"NO_COLOR": "1"})
    assert "\x1b[" not in diff(*args).stdout


# -- design --------------------------------------------------------------------------------


def test_progress_order_names_the_schemas_statuses():
    status = SCHEMA.child(SCHEMA.resolve(SCHEMA.raw["$defs"]["initiative"]), "status")
    assert set(PROGRESS) == {s for s in status["enum"] if s}


def test_the_threshold_keeps_different_items_of_every_example_and_real_plan_apart():
    """No two different initiatives (or barriers) within one example or real council's plan score as the same."""
    plans = sorted(EXAMPLES.glob("*.plan.yaml")) + sorted((REPO / "tests" / "corpus").glob("*.plan.yaml"))
    pairs = 0
    for path in plans:
        data = loader.load(path).data
        for definition, field in (("initiative", "name"), ("barrier", "barrier")):
            words = [item.get(field) or item.get("description") for _, items, _ in lists_of(SCHEMA, data, definition)
                     for item in items if isinstance(item, dict) and (item.get(field) or item.get("description"))]
            for a, b in itertools.combinations(words, 2):
                pairs += 1
                assert matching.similarity(a, b) < matching.MATCH_THRESHOLD, (path.name, a, b)
    assert pairs > 200


def test_check_never_imports_rapidfuzz():
    code = (
        "import sys, runpy\n"
        f"sys.argv = ['plantool', 'check', {str(EXAMPLES / 'riverside-2025.plan.yaml')!r}]\n"
        "try:\n    runpy.run_module('plantool', run_name='__main__')\nexcept SystemExit:\n    pass\n"
        "print('LOADED', [m for m in sys.modules if m.split('.')[0] == 'rapidfuzz'])\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=dict(os.environ, PYTHONPATH=str(REPO)))
    assert "LOADED []" in result.stdout, result.stdout + result.stderr


def test_the_format_choice_comes_from_the_registry():
    from plantool.diff.formats import FORMATS

    shown = run_plantool("diff", "--help").stdout
    assert all(name in shown for name in FORMATS)
    refused = run_plantool("diff", EXAMPLES / "riverside-2025.plan.yaml", EXAMPLES / "riverside-2025.plan.yaml", "--format", "yaml")
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
