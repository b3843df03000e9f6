"""Directives are read from real YAML comments only, and file-level rules are never silenced."""

from __future__ import annotations

import pytest
from plan_helpers import COMPLETE, check_text

from plantool.plan import loader as document

FIXTURE = COMPLETE.read_text(encoding="utf-8")
PARSERS = [pytest.param(False, id="c-parser"), pytest.param(True, id="pure-parser")]

TRICKY = """\
a: |  # header comment
  text # inside the block
  # also inside the block
b: plain#not-a-comment # a comment
c: "quoted # text" # after the closing quote
d: 'single # text'
e: multi
  line # a comment after a plain scalar
# on its own line
f: [x, "y # z"] # after a flow list
"""


@pytest.mark.parametrize("pure", PARSERS)
def test_only_hashes_outside_every_scalar_are_comments(pure):
    doc = document.parse(TRICKY, pure=pure)
    assert doc.problems == []
    found = [(c.line, c.col, c.text, c.own_line) for c in doc.comments]
    assert found == [
        (1, 7, "# header comment", False),
        (4, 24, "# a comment", False),
        (5, 20, "# after the closing quote", False),
        (8, 8, "# a comment after a plain scalar", False),
        (9, 1, "# on its own line", True),
        (10, 17, "# after a flow list", False),
    ]


def test_the_c_and_pure_parsers_record_the_same_scalar_spans():
    assert document.parse(FIXTURE).scalars == document.parse(FIXTURE, pure=True).scalars
    assert document.parse(TRICKY).scalars == document.parse(TRICKY, pure=True).scalars


def test_an_alias_adds_no_span_of_its_own():
    doc = document.parse("a: &x\n  b: text\nc: *x\n")
    assert doc.data == {"a": {"b": "text"}, "c": {"b": "text"}}
    assert sorted(doc.scalars) == [(1, 1), (2, 3), (2, 6), (3, 1)]


def findings(text: str, rule: str | None = None):
    return [f for f in check_text(text).findings if rule is None or f.rule == rule]


LINK_HERE = "    service_improvements: See our results [here](https://example.gov.uk/results).\n"


def with_link(text: str = FIXTURE) -> str:
    return text.replace(
        "    service_improvements: Online booking cut missed bin collections by a fifth.\n", LINK_HERE
    )


def test_the_fixture_with_a_vague_link_has_one_link_text_finding():
    assert [f.line for f in findings(with_link(), "link-text")] == [26]


def test_a_real_disable_file_comment_silences_the_rule():
    text = "# plantool: disable-file=link-text -- house style\n" + with_link()
    assert findings(text, "link-text") == []


def test_a_disable_file_directive_inside_a_quoted_answer_silences_nothing():
    text = with_link().replace(
        "  title: Productivity Plan 2025/26", '  title: "Plan # plantool: disable-file=link-text"'
    )
    assert len(findings(text, "link-text")) == 1


def test_a_disable_directive_inside_a_block_answer_silences_nothing():
    text = with_link().replace(
        "    service_improvements: See", "    service_improvements: |\n      # plantool: disable=link-text\n      See"
    )
    [finding] = findings(text, "link-text")
    assert finding.line == 28


def test_a_disable_comment_after_the_answer_on_the_same_line_silences_it():
    text = with_link().replace(LINK_HERE, LINK_HERE.rstrip("\n") + "  # plantool: disable=link-text -- agreed wording\n")
    assert findings(text, "link-text") == []


def test_the_review_mark_inside_an_answer_is_text_not_a_mark():
    quoted = FIXTURE.replace(
        "    service_improvements: Online booking cut missed bin collections by a fifth.",
        '    service_improvements: "Online booking # plantool: review"',
    )
    assert findings(quoted, "review-needed") == []
    real = FIXTURE.replace("    service_improvements:", "    # plantool: review -- carried over\n    service_improvements:")
    [finding] = findings(real, "review-needed")
    assert (finding.line, finding.col) == (26, 5)


@pytest.mark.parametrize("rule", ["schema", "duplicate-key", "yaml-syntax", "yaml-limits", "file-format"])
def test_disable_file_of_a_file_level_rule_is_refused_with_a_warning(rule):
    text = f"# plantool: disable-file={rule} -- please\n" + FIXTURE.replace("  type: district", "  type: borough")
    found = findings(text)
    [refused] = [f for f in found if f.rule == "silence-refused"]
    assert (refused.line, refused.col, refused.severity) == (1, 1, "warning")
    assert f"cannot silence {rule}" in refused.message and "still stand" in refused.message
    assert [f.rule for f in found if f.rule == "schema"] == ["schema"]  # nothing was silenced


def test_a_file_level_rule_in_a_list_is_refused_and_the_others_still_silenced():
    text = "# plantool: disable-file=link-text,schema\n" + with_link().replace("  type: district", "  type: borough")
    found = findings(text)
    assert [f.rule for f in found if f.rule in ("link-text", "schema", "silence-refused")] == ["silence-refused", "schema"]


def test_disable_on_a_line_never_silences_a_file_level_rule():
    text = FIXTURE.replace("  type: district", "  type: borough  # plantool: disable=schema")
    found = [f for f in findings(text) if f.rule in ("schema", "silence-refused")]
    assert [(f.line, f.rule) for f in found] == [(6, "schema"), (6, "silence-refused")]


def test_disable_all_on_a_line_leaves_duplicate_keys_reported():
    text = FIXTURE.replace("  type: district\n", "  type: district\n  type: district  # plantool: disable=all\n")
    assert [f.rule for f in findings(text)] == ["duplicate-key"]


BLOCK_LINK = "    service_improvements: |\n      Bins are collected on time.\n\n      See our results [here](https://example.gov.uk/results).\n"


def with_block_link() -> str:
    return with_link().replace(LINK_HERE, BLOCK_LINK)


def test_a_vague_link_deep_in_a_block_answer_is_found_on_its_own_line():
    [finding] = findings(with_block_link(), "link-text")
    assert finding.line == 29  # the fourth line of the answer, three below its key


@pytest.mark.parametrize("directive", ["after the bar", "on the line above the key"])
def test_a_directive_at_a_block_answer_s_key_covers_every_line_of_the_answer(directive):
    if directive == "after the bar":
        text = with_block_link().replace("    service_improvements: |\n", "    service_improvements: |  # plantool: disable=link-text -- agreed\n")
    else:
        text = with_block_link().replace("    service_improvements: |\n", "    # plantool: disable=link-text -- agreed\n    service_improvements: |\n")
    assert findings(text, "link-text") == []
    assert findings(text.replace("disable=link-text", "disable=placeholder"), "link-text") != []  # only the rule named


def test_a_directive_above_a_key_covers_that_key_and_not_its_neighbours():
    above_neighbour = with_block_link().replace(
        "    measuring_productivity:", "    # plantool: disable=link-text -- agreed\n    measuring_productivity:")
    assert above_neighbour.count("disable=link-text") == 1
    assert len(findings(above_neighbour, "link-text")) == 1  # above another answer: the link's finding still stands


def test_the_cost_of_directives_grows_in_step_with_them():
    """Every item silenced on its own line: 4 times the items must cost well under 16 times (square) the time."""
    import time

    from plantool.check.runner import check_document
    from plantool.plan.schema import load_schema

    schema = load_schema()

    def seconds(items: int) -> float:
        lines = ["schema_version: 1", "council:", "  name: X", "plan:", "  period: 2025/26", "  status: draft", "other_sections:"]
        lines += [f"  - title: TODO {n}  # plantool: disable=placeholder" for n in range(items)]
        doc = document.parse("\n".join(lines) + "\n")
        start = time.perf_counter()
        result = check_document(doc, schema)
        assert not [f for f in result.findings if f.rule == "placeholder"]  # every one silenced
        return time.perf_counter() - start

    seconds(200)  # warm
    small, large = min(seconds(1500) for _ in range(2)), min(seconds(6000) for _ in range(2))
    assert large / small < 8, (small, large)
