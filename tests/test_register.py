"""The council register: its contents, search, resolution for `new`, the check rule, the schema names."""

from __future__ import annotations

import csv
import json
import re
from collections import Counter

import pytest
from plan_helpers import at, complete_plan, findings

from conftest import REPO, run_plantool

from plantool.register import Ambiguous, NotFound, load_register, register_path, schema_examples

SHARED_README = REPO.parent / "shared" / "data" / "README.md"


@pytest.fixture(scope="module")
def register():
    return load_register()


def test_register_holds_317_councils_with_the_documented_counts(register):
    assert len(register.councils) == 317
    assert len({c.gss_code for c in register.councils}) == 317
    counts = Counter(c.type for c in register.councils)
    documented = {
        "county": 21, "district": 164, "unitary": 62, "metropolitan district": 36,
        "London borough": 32, "City of London": 1, "Isles of Scilly": 1,
    }
    if SHARED_README.is_file():  # the source's README, when the shared data sits beside the repo
        stated = re.search(r"Counts: (.*?)\.", SHARED_README.read_text(), re.S).group(1)
        documented = {kind.strip(): int(n) for n, kind in re.findall(r"(\d+) ([A-Za-z ]+?)(?:,|$)", " ".join(stated.split()))}
    assert counts == documented


@pytest.mark.parametrize(
    "query, expected",
    [
        ("E07000039", "South Derbyshire District Council"),  # GSS code
        ("south derbyshire district council", "South Derbyshire District Council"),  # name, any case
        ("South Derbyshire", "South Derbyshire District Council"),  # short name
        ("County Durham", "Durham County Council"),
    ],
)
def test_resolve_by_each_kind_of_key(register, query, expected):
    assert register.resolve(query).name == expected


def test_resolve_by_an_alternative_name(register):
    council = next(c for c in register.councils if c.alt_names and c.alt_names[0].lower() != c.name.lower())
    assert register.resolve(council.alt_names[0].upper()) == council


def test_search_by_part_of_a_name_and_by_type(register):
    names = [c.name for c in register.search("derbyshire")]
    assert "Derbyshire County Council" in names and "South Derbyshire District Council" in names
    assert [c.name for c in register.search("derbyshire", "county")] == ["Derbyshire County Council"]
    assert [c.gss_code for c in register.search("e07000039")] == ["E07000039"]


def test_ambiguous_and_misspelt_names(register):
    with pytest.raises(Ambiguous) as ambiguous:
        register.resolve("Yorkshire")
    assert len(ambiguous.value.candidates) > 1 and all("Yorkshire" in c.name for c in ambiguous.value.candidates)
    with pytest.raises(NotFound) as missing:
        register.resolve("Derbyshre")
    assert "Derbyshire County Council" in [c.name for c in missing.value.suggestions]


def test_councils_command_formats(tmp_path):
    text = run_plantool("councils", "derbyshire", "--type", "district")
    assert text.returncode == 0 and all("\tdistrict\t" in line for line in text.stdout.splitlines())
    rows = list(csv.DictReader(run_plantool("councils", "--format", "csv").stdout.splitlines()))
    assert len(rows) == 317 and set(rows[0]) >= {"gss_code", "name", "type"}
    listing = json.loads(run_plantool("councils", "Durham", "-f", "json").stdout)
    assert listing["version"] == 1 and listing["councils"][0]["gss_code"] == "E06000047"
    assert run_plantool("councils", "--type", "parish").returncode == 2


def test_new_with_a_contradiction_an_ambiguity_a_misspelling_and_a_newer_council(tmp_path):
    def new(*args):
        return run_plantool("new", tmp_path / "p.plan.yaml", *args, input="")

    contradiction = new("--council", "South Derbyshire", "--gss-code", "E10000007")
    assert contradiction.returncode == 2 and "E07000039" in contradiction.stderr
    ambiguous = new("--council", "Yorkshire")
    assert ambiguous.returncode == 2 and "North Yorkshire Council" in ambiguous.stderr
    misspelt = new("--council", "Derbyshre")
    assert misspelt.returncode == 2 and "did you mean Derbyshire County Council" in misspelt.stderr
    assert not (tmp_path / "p.plan.yaml").exists()
    newer = new("--council", "Newtown Council", "--council-type", "unitary", "--gss-code", "E06000099")
    assert newer.returncode == 0 and "warning" in newer.stderr and "not in the council register" in newer.stderr
    checked = run_plantool("check", tmp_path / "p.plan.yaml")
    assert "(council-register)" in checked.stdout and checked.returncode == 0


def test_rule_reports_a_code_that_belongs_to_another_council():
    data = at(complete_plan(), "council.name", "Derbyshire County Council")
    [finding] = findings(data, "council-register")
    assert finding.severity == "error"
    assert finding.message == "E07000039 is South Derbyshire District Council, not Derbyshire County Council"


def test_rule_warns_on_a_code_not_in_the_register():
    [finding] = findings(at(complete_plan(), "council.gss_code", "E07999998"), "council-register")
    assert finding.severity == "warning" and "not in the register" in finding.message


def test_rule_accepts_short_and_alternative_names():
    assert findings(at(complete_plan(), "council.name", "South Derbyshire"), "council-register") == []


def test_an_updated_register_can_be_used_instead(tmp_path):
    updated = tmp_path / "councils.csv"
    source = register_path().read_text(encoding="utf-8")
    updated.write_text(source + "E06000099,Newtown Council,Newtown,unitary,,South East,\n", encoding="utf-8")
    plan = tmp_path / "p.plan.yaml"
    result = run_plantool("new", plan, "--council", "Newtown", input="", env={"PLANTOOL_REGISTER": str(updated)})
    assert result.returncode == 0 and "gss_code: E06000099" in plan.read_text()
    bad = tmp_path / "bad.csv"
    bad.write_text("code,title\n")
    result = run_plantool("councils", env={"PLANTOOL_REGISTER": str(bad)})
    assert result.returncode == 2 and "lacks column" in result.stderr


def test_schema_council_names_are_generated_from_the_register(register):
    schema = json.loads((REPO / "schema" / "productivity-plan.schema.json").read_text())
    names = schema["properties"]["council"]["properties"]["name"]
    assert names["examples"] == schema_examples(register)
    assert "enum" not in names  # completions only: a council newer than the register stays valid


def test_a_search_that_finds_nothing_suggests_the_nearest_names():
    result = run_plantool("councils", "derbyshre")
    assert result.returncode == 0 and "Derbyshire" not in result.stdout  # a suggestion, not a result
    assert "(did you mean Derbyshire County Council?)" in result.stderr
    assert "did you mean" not in run_plantool("councils", "qqqqqqqq").stderr  # nothing near: no guess
