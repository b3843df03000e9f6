"""The README tells the truth: its sample output, its rule table and its examples table."""

from __future__ import annotations

import re

from conftest import REPO, run_plantool

from plantool.check.rules import BUILTIN_RULES, load_rules

README = (REPO / "README.md").read_text(encoding="utf-8")


def fenced_block_after(marker: str) -> list[str]:
    rest = README[README.index(marker):]
    rest = rest[rest.index("```") :].split("\n", 1)[1]
    return rest[: rest.index("```")].strip().splitlines()


def test_sample_output_is_what_check_prints():
    printed = run_plantool("check", "examples/flawed-2025.plan.yaml", cwd=REPO).stdout.splitlines()
    shown = fenced_block_after("Running `plantool check examples/flawed-2025.plan.yaml` prints")
    assert shown and all(line in printed for line in shown)


def test_every_rule_is_documented_in_the_rules_table():
    ids = [rule.ID for rule in load_rules()] + list(BUILTIN_RULES)
    table = README[README.index("## Rules") :]
    for rule_id in ids:
        assert f"| `{rule_id}` |" in table, rule_id


def test_examples_table_counts_match_check():
    rows = re.findall(r"\| `examples/([\w-]+\.plan\.yaml)` \|[^|]*\| (clean|\d+ errors?)", README)
    assert {name for name, _ in rows} == {p.name for p in (REPO / "examples").glob("*.plan.yaml")}
    for name, expected in rows:
        summary = run_plantool("check", f"examples/{name}", cwd=REPO).stdout.splitlines()[-1]
        errors = "clean" if summary.split(": ", 1)[1].startswith("0 errors, 0 warnings") else summary.split(": ", 1)[1].split(",")[0]
        assert errors == expected, name
