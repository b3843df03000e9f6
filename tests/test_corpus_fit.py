"""Real councils' plans fit the format, and check finds in them what a careful reviewer finds.

tests/corpus/ holds one plan file for each council in the corpus digests and for each seed
plan, restated in our own words, and beside each NAME.expected.yaml: the findings a careful
reviewer expects, as {rule, path, severity, why}. A finding whose rule does not exist yet (a rule
announced in issue 25) is compared as soon as the rule registry has it; one that `needs` a
detection an existing rule has not learnt yet is compared as soon as a probe shows it has.
So the comparison tightens by itself as plantool learns, and nothing is marked xfail.

Run this file as a script to print the fit report (places used and words, per plan).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from plan_helpers import check_text
from plantool.check.findings import SEVERITIES
from plantool.check.rules import BUILTIN_RULES, Context, load_rules
from plantool.check.rules.plan_length import word_count
from plantool.check.runner import _SILENCE
from plantool.plan import loader as documents
from plantool.plan.schema import load_schema

CORPUS = Path(__file__).resolve().parent / "corpus"
EXAMPLES = CORPUS.parent.parent / "examples"
PLANS = sorted(CORPUS.glob("*.plan.yaml"))

# One plan per digest in the shared corpus (nine) and per seed plan (two).
COUNCILS = {
    "boston", "cumberland", "epping-forest", "folkestone-and-hythe", "gravesham",
    "kensington-and-chelsea", "kings-lynn-and-west-norfolk", "oxfordshire", "redditch",
    "derbyshire", "durham",
}
SEEDS = {"derbyshire", "durham"}

# Rule ids issue 25 announces; a sidecar may name them before they are implemented.
ANNOUNCED_RULES = {
    "truncated-text", "question-as-answer", "non-answer", "broken-figure",
    "misnamed", "staging-url", "approved-after-submission",
}

# A probe plan for detections an existing rule has yet to learn.
_PROBE = """\
schema_version: 1
council: {{name: null, type: null, gss_code: null}}
plan:
  title: Probe
  period: 2024/25
  status: draft
  introduction: {text}
"""


def _finds(rule: str, text: str) -> bool:
    return any(f.rule == rule for f in check_text(_PROBE.format(text=text)).findings)


# What each `needs:` value in a sidecar means, asked of plantool as it is now.
CAPABILITIES = {
    "pending-notes": lambda: _finds("placeholder", "Our People Strategy (due to be reviewed) guides how staff are supported."),
}


@lru_cache(maxsize=None)
def implemented_rules() -> frozenset[str]:
    return frozenset({rule.ID for rule in load_rules()} | set(BUILTIN_RULES))


@lru_cache(maxsize=None)
def has_capability(name: str) -> bool:
    return CAPABILITIES[name]()


def name_of(plan: Path) -> str:
    return plan.name.removesuffix(".plan.yaml")


def sidecar_path(plan: Path) -> Path:
    return plan.with_name(plan.name.replace(".plan.yaml", ".expected.yaml"))


@lru_cache(maxsize=None)
def sidecar(plan: Path) -> dict:
    return YAML(typ="safe", pure=True).load(sidecar_path(plan).read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def checked(plan: Path):
    return check_text(plan.read_text(encoding="utf-8"), str(plan))


def comparable(entry: dict) -> bool:
    """Whether plantool can report this expected finding today."""
    return entry["rule"] in implemented_rules() and ("needs" not in entry or has_capability(entry["needs"]))


def path_parts(dotted: str) -> tuple:
    """'themes.barriers.items[0].effect' -> ('themes', 'barriers', 'items', 0, 'effect')."""
    return tuple(int(part) if part.isdigit() else part for part in re.findall(r"[^.\[\]]+", dotted))


# -- the corpus is complete ------------------------------------------------------------------


def test_every_digest_and_seed_has_a_plan_and_a_sidecar():
    names = {f"{council}-2024" for council in COUNCILS}
    assert {name_of(p) for p in PLANS} == names
    for plan in PLANS:
        assert sidecar_path(plan).is_file(), plan.name
        assert sidecar(plan)["plan"] == plan.name
    assert {p.name.removesuffix(".expected.yaml") for p in CORPUS.glob("*.expected.yaml")} == names


def test_the_seed_plans_have_one_source_each():
    """The seeds are the examples themselves, linked, so the two can never drift apart."""
    for name in SEEDS:
        link = CORPUS / f"{name}-2024.plan.yaml"
        assert link.is_symlink(), link
        assert link.resolve() == (EXAMPLES / link.name).resolve()


# -- each plan fits ----------------------------------------------------------------------------


@pytest.mark.parametrize("plan", PLANS, ids=name_of)
def test_plan_fits_the_schema_but_for_listed_defects(plan):
    """No schema finding but one the council's own text causes (e.g. a date without a year)."""
    found = {(f.rule, f.path) for f in checked(plan).findings if f.rule in BUILTIN_RULES}
    listed = {(e["rule"], e["path"]) for e in sidecar(plan)["findings"] if e["rule"] in BUILTIN_RULES}
    assert found == listed


@pytest.mark.parametrize("plan", PLANS, ids=name_of)
def test_nothing_is_left_unplaced(plan):
    data = documents.load(plan).data
    assert "unmapped" not in data


# -- check finds what a careful reviewer finds --------------------------------------------------


@pytest.mark.parametrize("plan", PLANS, ids=name_of)
def test_findings_are_exactly_the_expected_ones(plan):
    """Counted, not only listed, and at the severity a reviewer would give: a defect reported twice
    at one place is one finding too many, and a suggestion reported as an error is a false error."""
    found = Counter((f.rule, f.path, f.severity) for f in checked(plan).findings)
    expected = Counter((e["rule"], e["path"], e["severity"]) for e in sidecar(plan)["findings"] if comparable(e))
    assert dict(found - expected) == {}, "reported, but no careful reviewer would"
    assert dict(expected - found) == {}, "a careful reviewer expects these, and check missed them"


def test_every_announced_rule_is_compared_now():
    """The rules issue 25 announced exist, so no sidecar entry waits for a rule any more."""
    assert ANNOUNCED_RULES <= implemented_rules()
    waiting = [(p.name, e["rule"]) for p in PLANS for e in sidecar(p)["findings"] if not comparable(e)]
    assert waiting == []


@pytest.mark.parametrize("plan", PLANS, ids=name_of)
def test_sidecar_entries_are_well_formed(plan):
    """Entries that cannot be compared yet are still checked, so a typo cannot wait unnoticed."""
    schema = load_schema()
    context = Context(documents.load(plan), schema)
    assert set(sidecar(plan)) <= {"plan", "source", "findings", "not_detectable"}, sidecar(plan).keys()
    for entry in sidecar(plan)["findings"]:
        assert set(entry) <= {"rule", "path", "severity", "why", "needs"}, entry
        assert entry.get("severity") in SEVERITIES, entry
        assert entry["rule"] in implemented_rules() | ANNOUNCED_RULES, entry
        assert entry.get("needs") in (None, *CAPABILITIES), entry
        assert str(entry.get("why") or "").strip(), entry
        parts = path_parts(entry["path"])
        assert schema.node_at(parts) is not None, f"{entry['path']} is not a place in the schema"
        if entry["rule"] in ANNOUNCED_RULES:
            # These rules read what the council wrote, so the defect must be in the file.
            assert isinstance(context.get(parts), str), f"{entry['path']} holds no text in {plan.name}"
    for item in sidecar(plan).get("not_detectable") or []:
        assert set(item) == {"defect", "why"} and all(str(v).strip() for v in item.values()), item


@pytest.mark.parametrize("plan", PLANS, ids=name_of)
def test_every_silence_hides_a_finding_and_says_why(plan):
    """A silence marks a retrieval gap or a finding plantool should not raise; a stale one must go."""
    text = plan.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    for index, line in enumerate(lines):
        match = _SILENCE.search(line)
        if not match:
            continue
        assert " -- " in line[match.end():], f"{plan.name}:{index + 1}: a silence must give its reason"
        unsilenced = "".join(lines[:index] + [line.replace("plantool:", "plantool-was:", 1)] + lines[index + 1 :])
        before = checked(plan).findings
        after = check_text(unsilenced, str(plan)).findings
        for rule in match.group("rules").split(","):
            hidden = sum(f.rule == rule for f in after) - sum(f.rule == rule for f in before)
            assert hidden > 0, f"{plan.name}:{index + 1}: the silence of {rule} hides nothing; remove it"


# -- the fit report -----------------------------------------------------------------------------

# How deep the report looks under each top-level key: deep enough to name a theme's prompt,
# list or own sections, a topic's parts, a disclosure section, or a part of the plan record.
_REPORT_DEPTH = {"plan": 2, "themes": 3, "topics": 3, "disclosures": 2, "other_sections": 1, "unmapped": 1}


def places_used(data: dict) -> list[str]:
    """The schema places a plan fills, in file order: 'plan.related_documents', 'themes.transformation.sections', …"""
    schema = load_schema()
    places: list[str] = []

    def walk(value, path: tuple, depth: int) -> None:
        if value is None or value == [] or value == {}:
            return
        if len(path) > 1 and path[-1] in (schema.node_at(path[:-1]) or {}).get("required", ()):
            return  # every plan has these (its title, period, status)
        if len(path) == depth or not isinstance(value, dict):
            places.append(".".join(path))
            return
        for key, child in value.items():
            walk(child, path + (key,), depth)

    for key, value in data.items():
        if key in _REPORT_DEPTH:
            walk(value, (key,), _REPORT_DEPTH[key])
    return places


def fit_report(plans: list[Path] = PLANS) -> list[dict]:
    """For each corpus plan: the schema places it uses and its word count (as plan-length counts)."""
    schema = load_schema()
    report = []
    for plan in plans:
        doc = documents.load(plan)
        report.append({"plan": plan.name, "places": places_used(doc.data), "words": word_count(Context(doc, schema))})
    return report


def fit_table(report: list[dict]) -> str:
    """The report as a Markdown table, each place's parts grouped: `themes.barriers` (overview, items)."""
    rows = ["| plan | places used | words |", "|---|---|---:|"]
    for row in report:
        groups: dict[str, list[str]] = {}
        for place in row["places"]:
            parent, _, part = place.rpartition(".")
            if "." not in parent:
                parent, part = place, ""  # a part of the plan record, a disclosure, other_sections: alone
            groups.setdefault(parent, []).append(part)
        shown = [f"`{g}`" + (f" ({', '.join(p for p in parts if p)})" if any(parts) else "") for g, parts in groups.items()]
        rows.append(f"| `{row['plan']}` | {'; '.join(shown)} | {row['words']:,} |")
    return "\n".join(rows)


def test_fit_report_names_real_places_and_counts_words():
    schema = load_schema()
    report = fit_report()
    assert [r["plan"] for r in report] == [p.name for p in PLANS]
    for row in report:
        assert row["words"] > 0, row["plan"]
        for place in row["places"]:
            assert schema.node_at(path_parts(place)) is not None, (row["plan"], place)


def test_the_corpus_uses_the_places_the_schema_grew_for_real_plans():
    """Each place exists because a real plan needed it; the corpus must keep showing that."""
    used = {place for row in fit_report() for place in row["places"]}
    for place in (
        "plan.related_documents", "plan.amendments", "plan.submitted_on", "plan.contact",
        "themes.transformation.sections", "topics.income_generation.overview",
        "topics.assets_and_estates.initiatives", "topics.partnerships.items", "other_sections",
    ):
        assert place in used, place
    records = [value for plan in PLANS for _, value, _ in load_schema().walk_data(documents.load(plan).data) if isinstance(value, dict)]
    assert any(r.get("status") and "name" not in r for r in records), "an initiative given only as a description"
    assert any(r.get("funding") for r in records), "an initiative with funding secured"
    assert any(r.get("span") == "over_years" and r.get("years") for r in records), "a saving spread over years"
    assert {r.get("type") for r in records if "kind" in r and "amount" in r} >= {"cashable", "cost_avoidance"}


if __name__ == "__main__":
    print(fit_table(fit_report()))
