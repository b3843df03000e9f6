"""How plan/yaml_mistakes decides: only a repair that parses is claimed, and the words stay the parser's otherwise."""

from __future__ import annotations

import pytest
from ruamel.yaml import YAML

from plantool.plan import loader as document
from plantool.plan.yaml_mistakes import Failure, explain, quoted, shorten, straight_quotes

PLAN = """\
council:
  name: Riverside District Council
  type: district
plan:
  title: Riverside Productivity Plan
  period: 2025/26
"""


def parser_error(text: str):
    with pytest.raises(Exception) as raised:
        list(YAML(typ="safe", pure=True).parse(text))
    return raised.value


def test_a_repair_counts_only_when_the_text_then_parses_past_the_failure():
    text = PLAN.replace("  type: district", "   type: district")
    failure = Failure(text, parser_error(text))
    assert failure.line == 3
    assert failure.fixed_by({3: "  type: district"})
    assert not failure.fixed_by({3: "   type: district"})  # no change: still fails on line 3
    assert not failure.fixed_by({3: "     type: district"})  # a wrong repair fails there too


def test_a_mistake_of_no_known_kind_keeps_the_parsers_words_and_position():
    text = PLAN.replace("  name: Riverside District Council", "  name: {Riverside District Council")
    error = parser_error(text)
    found = explain(text, error)
    assert (found.line, found.col) == (error.problem_mark.line + 1, error.problem_mark.column + 1)
    assert error.problem in found.message and "not a mistake plantool can explain" in found.message
    assert error.problem in found.detail


def test_a_shape_that_looks_like_a_known_mistake_is_not_claimed_when_its_repair_fails():
    # The parser fails at the key on line 3, which is where a badly indented key fails too;
    # but the fault is the bracket left open on line 2, so no re-indenting parses, and
    # plantool says it cannot explain it rather than blame the indentation.
    text = PLAN.replace("  name: Riverside District Council", "  name: [Riverside District Council")
    error = parser_error(text)
    assert error.problem_mark.line + 1 == 3
    found = explain(text, error)
    assert found.message.startswith(f"YAML syntax error: {error.problem} (") and "not a mistake plantool can explain" in found.message


def test_crlf_line_ends_give_the_same_explanation():
    text = PLAN.replace("  period: 2025/26", "  period:2025/26\n  status: draft")
    lf = document.parse(text).problems
    crlf = document.parse(text.replace("\n", "\r\n")).problems
    assert [(p.line, p.col, p.message) for p in crlf] == [(p.line, p.col, p.message) for p in lf]
    assert "no space after the colon" in lf[0].message and (lf[0].line, lf[0].col) == (6, 9)


def test_a_file_too_large_to_explain_affordably_gets_the_parsers_words(monkeypatch):
    from plantool.plan.yaml_mistakes import failure

    text = PLAN + "".join(f"  note_{i}: {'x' * 80}\n" for i in range(100)) + "   status: draft\n"  # one space too far
    assert "'status' on line 107" in explain(text, parser_error(text)).message
    monkeypatch.setattr(failure, "BUDGET", len(text) - 1)  # as if the file were larger than the budget
    found = explain(text, parser_error(text))
    assert "too large for plantool to check which mistake caused it" in found.message
    assert (found.line, found.col) == (107, 10)  # the parser's position


def test_quoted_picks_quotes_that_need_no_escapes():
    assert quoted("Riverside's #1") == '"Riverside\'s #1"'
    assert quoted('The "Riverside" plan') == "'The \"Riverside\" plan'"
    assert quoted('It\'s the "best"') == "'It''s the \"best\"'"
    for text in ("Riverside's #1", 'The "Riverside" plan', 'It\'s the "best"', "a: b", "back\\slash"):
        assert YAML(typ="safe", pure=True).load(f"k: {quoted(text)}") == {"k": text}


def test_straight_quotes_and_shorten():
    assert straight_quotes("“Plan: 2024”") == ("Plan: 2024", True)
    assert straight_quotes("Plan “2024”") == ("Plan “2024”", False)
    assert shorten("x" * 10) == "x" * 10
    cut = shorten("a" * 40 + "b" * 40, 21)
    assert len(cut) == 21 and cut.startswith("a" * 10) and cut.endswith("b" * 10) and "…" in cut
