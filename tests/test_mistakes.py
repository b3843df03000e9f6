"""The YAML mistakes officers make are explained in plain English, at the place they made them.

Each file in tests/mistakes/ is a copy of an example plan with ONE typical mistake
(a test below holds every file to that). For each, the finding must point at the
real mistake (not where the parser noticed it), carry the right rule id and say
the key words of the explanation, and keep the parser's words in `detail`.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
from conftest import EXAMPLES

from plantool.check import runner as checker
from plantool.plan import loader as document
from plantool.plan.schema import load_schema

MISTAKES = Path(__file__).resolve().parent / "mistakes"

R, D, U, F = "riverside-2025", "derbyshire-2024", "durham-2024", "flawed-2025"

# file stem: (example it was copied from, line, col, rule, key words of the explanation)
CASES = {
    "colon-in-answer-initiative": (R, 56, 38, "yaml-syntax", ["'description'", "colon followed by a space", "double quotes", 'description: "One team answers: all']),
    "colon-in-answer-barrier-effect": (U, 223, 53, "yaml-syntax", ["'effect'", "colon followed by a space", "double quotes", 'effect: "Bidding and monitoring cost millions: over']),
    "colon-in-answer-title": (R, 13, 37, "yaml-syntax", ["'title'", "colon", 'title: "Riverside Productivity Plan: 2025/26"']),
    "colon-in-answer-data-in-decisions": (F, 33, 47, "yaml-syntax", ["colon", 'data_in_decisions: "We use data in two ways: most']),
    "indentation-key-too-far-right": (R, 9, 4, "yaml-syntax", ["'type' on line 9", "column 4", "'name' on line 8", "column 3", "1 space left"]),
    "indentation-key-too-far-left": (R, 9, 2, "yaml-syntax", ["'type' on line 9", "column 2", "'name' on line 8", "1 space right"]),
    "indentation-first-key-too-far-right": (U, 8, 4, "yaml-syntax", ["'name' on line 8", "'type' on line 9", "1 space left"]),
    "indentation-key-after-block": (R, 46, 6, "yaml-syntax", ["'service_improvements' on line 46", "'measuring_productivity' on line 42", "1 space left"]),
    "indentation-key-in-list-item": (D, 103, 10, "yaml-syntax", ["'status' on line 103", "'name' on line 102", "1 space left"]),
    "indentation-approval-reference": (R, 19, 4, "yaml-syntax", ["'reference' on line 19", "'date' on line 18", "1 space right"]),
    "list-item-too-far-left": (R, 62, 6, "yaml-syntax", ["list item on line 62", "items of one list must line up", "1 space right"]),
    "list-item-too-deep": (U, 222, 9, "yaml-syntax", ["list item on line 222", "line 219", "2 spaces left"]),
    "list-item-too-shallow": (U, 222, 5, "yaml-syntax", ["list item on line 222", "line 219", "2 spaces right"]),
    "unclosed-double-quote-name": (R, 8, 9, "yaml-syntax", ["double quote is never closed", 'next double quote, on line 18', 'name: "Riverside District Council"']),
    "unclosed-double-quote-date": (R, 18, 11, "yaml-syntax", ["double quote is never closed", "end of the file", 'date: "2025-07-09"']),
    "unclosed-double-quote-barrier": (U, 237, 18, "yaml-syntax", ["double quote is never closed", '- barrier: "Narrow local tax base"']),
    "unclosed-single-quote-name": (R, 8, 9, "yaml-syntax", ["single quote is never closed", "\"government's\" on line 28", "name: 'Riverside District Council'"]),
    "unclosed-single-quote-overview": (U, 217, 15, "yaml-syntax", ["single quote is never closed", "\"Children's\" on line 226"]),
    "apostrophe-in-single-quotes-name": (R, 8, 19, "yaml-syntax", ["apostrophe in \"Riverside's\"", "twice ('')", 'name: "Riverside\'s District Council"']),
    "apostrophe-in-single-quotes-initiative": (D, 102, 24, "yaml-syntax", ["apostrophe in \"Children's\"", "twice ('')", "double quotes"]),
    "missing-space-after-colon-period": (R, 14, 9, "yaml-syntax", ["'period:2025/26'", "no space after the colon", "period: 2025/26"]),
    "missing-space-after-colon-gss-code": (R, 10, 11, "yaml-syntax", ["no space after the colon", "gss_code: E07999999"]),
    "missing-space-after-colon-status": (R, 63, 15, "yaml-syntax", ["no space after the colon", "status: under_way"]),
    "missing-space-after-dash": (U, 237, 7, "yaml-syntax", ["no space after the dash", "- barrier: Narrow local tax base"]),
    "block-text-not-indented-future-plans": (R, 51, 5, "yaml-syntax", ["'future_plans: |'", "not indented", "6 spaces instead of 4"]),
    "block-text-not-indented-introduction": (D, 19, 3, "yaml-syntax", ["'introduction: |'", "not indented", "4 spaces instead of 2"]),
    "comment-before-block-text": (R, 51, 5, "yaml-syntax", ["'future_plans: |'", "comment", "after the bar", "future_plans: |  # plantool: disable=placeholder"]),
    "block-text-on-header-line": (R, 50, 21, "yaml-syntax", ["same line as '|'", "next line", "indented 6 spaces", "'By March 2027"]),
    "text-after-closing-quote-date": (R, 18, 22, "yaml-syntax", ["closing quote", "'(Cabinet)'", "one pair of quotes"]),
    "text-after-closing-quote-name": (U, 8, 16, "yaml-syntax", ["closing quote", "'County Council'", "name: '\"Durham\" County Council'"]),
    "tab-indentation": (R, 9, 1, "yaml-syntax", ["tab character", "indent with spaces"]),
    "non-breaking-space-indentation": (R, 9, 1, "yaml-syntax", ["non-breaking space (U+00A0)", "Word", "2 spaces, then 'type: district'"]),
    "non-breaking-space-in-list-item": (U, 241, 1, "yaml-syntax", ["non-breaking space (U+00A0)", "8 spaces, then 'effect:"]),
    "zero-width-space-indentation": (U, 17, 1, "yaml-syntax", ["zero-width space (U+200B)", "2 spaces, then 'status: published'"]),
    "non-breaking-space-before-key": (U, 241, 9, "yaml-syntax", ["key 'effect'", "non-breaking space (U+00A0)", "delete the character"]),
    "smart-quotes-description": (R, 56, 22, "yaml-syntax", ["curly quote (“)", "straight quotes", 'description: "One team answers:']),
    "smart-quotes-title": (D, 13, 10, "yaml-syntax", ["curly quote (“)", 'title: "Productivity Plan: 2024"']),
    "comment-in-answer-council-name": (R, 8, 36, "comment-in-answer", ["'#1 council'", "only 'Riverside District Council'", 'name: "Riverside District Council #1 council"', "|"]),
    "comment-in-answer-barrier-effect": (U, 241, 48, "comment-in-answer", ["'#1 pressure on budgets.'", "only 'Placement costs are spiralling'", "double quotes"]),
    "unrecognised-unclosed-bracket": (R, 9, 7, "yaml-syntax", ["not a mistake plantool can explain", "expected ',' or ']', but got ':'"]),
}

KINDS = {  # every kind of mistake the issue lists, with the corpus files that show it
    "': ' inside a one-line answer": "colon-in-answer-",
    "wrong or mixed indentation": "indentation-",
    "an unclosed double or single quote": "unclosed-",
    "an apostrophe inside single quotes": "apostrophe-in-single-quotes-",
    "a missing space after a colon": "missing-space-after-colon-",
    "a list item at the wrong depth": "list-item-",
    "a | block whose text is not indented": "block-text-",
    "text after a closing quote": "text-after-closing-quote-",
    "tabs": "tab-",
    "a pasted non-breaking or zero-width space": ("non-breaking-space-", "zero-width-space-"),
    "smart quotes used as YAML quotes": "smart-quotes-",
    "'#' after text in a one-line answer": "comment-in-answer-",
}


def the_finding(path: Path, *, pure: bool):
    doc = document.load(path, display=path.name, pure=pure)
    result = checker.check_document(doc, load_schema())
    return result.findings


def test_the_corpus_and_the_table_agree():
    assert sorted(p.name.removesuffix(".plan.yaml") for p in MISTAKES.glob("*.plan.yaml")) == sorted(CASES)
    assert len(CASES) >= 25


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_kind_of_mistake_is_in_the_corpus(kind):
    assert any(name.startswith(KINDS[kind]) for name in CASES), kind


def changes(name: str) -> list[tuple]:
    """Where a broken plan differs from the example it was copied from (difflib opcodes)."""
    original = (EXAMPLES / f"{CASES[name][0]}.plan.yaml").read_text(encoding="utf-8").splitlines()
    broken = (MISTAKES / f"{name}.plan.yaml").read_text(encoding="utf-8").splitlines()
    return [op for op in difflib.SequenceMatcher(None, original, broken, autojunk=False).get_opcodes() if op[0] != "equal"]


def changed_lines(name: str) -> list[str]:
    [(_, _, _, start, end)] = changes(name)
    return (MISTAKES / f"{name}.plan.yaml").read_text(encoding="utf-8").splitlines()[start:end]


@pytest.mark.parametrize("name", list(CASES))
def test_each_broken_plan_is_an_example_with_one_mistake(name):
    hunks = changes(name)
    assert len(hunks) == 1, hunks  # one place changed
    assert hunks[0][0] in ("replace", "insert") and hunks[0][2] - hunks[0][1] <= 5  # a few lines at most: one mistake, not a rewrite


@pytest.mark.parametrize("name", list(CASES))
def test_the_mistake_is_explained_where_it_was_made(name):
    _, line, col, rule, words = CASES[name]
    findings = the_finding(MISTAKES / f"{name}.plan.yaml", pure=False)
    matching = [f for f in findings if f.rule == rule]
    assert len(matching) == 1, [(f.line, f.col, f.rule, f.message) for f in findings]
    [finding] = matching
    assert (finding.line, finding.col) == (line, col), finding.message
    for word in words:
        assert word in finding.message, (word, finding.message)
    if not name.startswith("unrecognised-"):  # a known mistake is reported on the line that was changed
        [(_, _, _, first_changed, _)] = changes(name)
        assert finding.line == first_changed + 1
    if rule == "yaml-syntax":
        assert finding.severity == "error"
    else:
        assert finding.severity == "warning"


@pytest.mark.parametrize("name", [n for n, case in CASES.items() if case[3] == "yaml-syntax" and n != "non-breaking-space-before-key"])
def test_a_syntax_mistake_keeps_the_parsers_own_words_in_detail(name):
    [finding] = the_finding(MISTAKES / f"{name}.plan.yaml", pure=False)
    assert finding.rule == "yaml-syntax"
    from ruamel.yaml import YAML

    with pytest.raises(Exception) as raised:  # the parser, asked directly
        list(YAML(typ="safe", pure=True).parse((MISTAKES / f"{name}.plan.yaml").read_text(encoding="utf-8")))
    error = raised.value
    assert f"{error.problem} (line {error.problem_mark.line + 1}, column {error.problem_mark.column + 1})" in finding.detail


@pytest.mark.parametrize("name", list(CASES))
def test_the_c_and_pure_parsers_explain_each_mistake_alike(name):
    from importlib.metadata import PackageNotFoundError, version

    try:
        version("ruamel.yaml.clib")
    except PackageNotFoundError:
        pytest.skip("ruamel.yaml.clib is not installed, so there is only one parser")
    path = MISTAKES / f"{name}.plan.yaml"
    fast, exact = the_finding(path, pure=False), the_finding(path, pure=True)
    assert fast == exact and fast


# -- the README's table "Common mistakes and what plantool says" -------------------------------

README_ROWS = [  # (the mistake, in the README's words; the corpus file whose message is shown)
    ("`: ` inside a one-line answer", "colon-in-answer-initiative"),
    ("a key indented one space too far", "indentation-key-too-far-right"),
    ("the first key of a section indented too far (the parser notices a line later)", "indentation-first-key-too-far-right"),
    ("a list item at the wrong depth", "list-item-too-deep"),
    ("a double quote never closed (the parser notices ten lines later)", "unclosed-double-quote-name"),
    ("a single quote never closed", "unclosed-single-quote-name"),
    ("an apostrophe inside single quotes", "apostrophe-in-single-quotes-name"),
    ("no space after a colon", "missing-space-after-colon-period"),
    ("a `\\|` block whose text is not indented", "block-text-not-indented-future-plans"),
    ("text after a closing quote", "text-after-closing-quote-name"),
    ("a tab pasted into the indentation", "tab-indentation"),
    ("a non-breaking space pasted from Word at the start of a line", "non-breaking-space-indentation"),
    ("curly quotes from Word used as quotes", "smart-quotes-title"),
    ("` #` after text in a one-line answer (a valid file: a warning)", "comment-in-answer-council-name"),
    ("anything else: the parser's words, at the parser's position", "unrecognised-unclosed-bracket"),
]
README_HEADING = "#### Common mistakes and what plantool says"
_VISIBLE = {"\t": "[TAB]", "\u00a0": "[NBSP]", "\u200b": "[ZWSP]"}


def _cell(text: str) -> str:
    for char, shown in _VISIBLE.items():
        text = text.replace(char, shown)
    return "`" + text.replace("|", "\\|") + "`"


def readme_table() -> str:
    """The table as plantool really prints it: run the CLI on the corpus and quote each finding."""
    from conftest import REPO, run_plantool

    names = [name for _, name in README_ROWS]
    printed = run_plantool("check", *(MISTAKES / f"{name}.plan.yaml" for name in names), cwd=REPO).stdout.splitlines()
    rows = ["| mistake | what the officer typed | what plantool says |", "|---|---|---|"]
    for mistake, name in README_ROWS:
        rule = CASES[name][3]
        prefix = f"{MISTAKES / name}.plan.yaml:"
        [said] = [p.removeprefix(prefix) for p in printed if p.startswith(prefix) and p.endswith(f"({rule})")]
        typed = changed_lines(name)[0].rstrip()
        rows.append(f"| {mistake} ([example](tests/mistakes/{name}.plan.yaml)) | {_cell(typed)} | {_cell(said)} |")
    return "\n".join(rows) + "\n"


def test_the_readme_table_shows_what_plantool_really_says():
    from conftest import REPO

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index(README_HEADING) :]
    table = table[table.index("| mistake |") :]
    table = table[: table.index("\n\n") + 1]
    assert table == readme_table(), "regenerate it with: python tests/test_mistakes.py"


if __name__ == "__main__":
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    sys.stdout.write(readme_table())
