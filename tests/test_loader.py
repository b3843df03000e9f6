"""The loader: exact line:col for findings, dates as strings, and awkward encodings."""

from __future__ import annotations

import pytest
from conftest import require_c_parser
from plan_helpers import check_text

from plantool.plan import loader as document

BASE = """\
schema_version: 1
council:
  name: South Derbyshire District Council
  type: district
  gss_code: E07000039
plan:
  title: Plan
  period: 2025/26
  status: draft
"""


def only(result, rule):
    return [f for f in result.findings if f.rule == rule]


def test_missing_key_points_at_the_mapping_that_lacks_it():
    text = BASE.replace("  gss_code: E07000039\n", "")
    [finding] = only(check_text(text), "schema")
    assert (finding.line, finding.col) == (2, 1)  # the `council:` key
    assert "gss_code" in finding.message and finding.path == "council.gss_code"


def test_wrong_type_inside_nested_list_item():
    text = BASE + """\
themes:
  transformation:
    initiatives:
      - name: Service centre
        status: done
        savings:
          - amount: 1000
            kind: achieved
          - amount: lots
            kind: planned
"""
    [finding] = only(check_text(text), "schema")
    assert (finding.line, finding.col) == (18, 21)
    assert finding.path == "themes.transformation.initiatives[0].savings[1].amount"
    assert "expected a number, found 'lots'" in finding.message


def test_duplicate_key_names_both_lines():
    text = BASE + "council:\n  name: Again\n"
    [finding] = only(check_text(text), "duplicate-key")
    assert (finding.line, finding.col) == (10, 1)
    assert "lines 2 and 10" in finding.message


def test_syntax_error_is_a_finding_with_position():
    text = BASE + "themes: [unclosed\n"
    result = check_text(text)
    [finding] = result.findings
    assert finding.rule == "yaml-syntax" and finding.severity == "error"
    assert finding.line == 11


def test_unknown_key_points_at_the_key_and_suggests():
    text = BASE + "  approvel: {body: Cabinet}\n"
    [finding] = only(check_text(text), "schema")
    assert (finding.line, finding.col) == (10, 3)
    assert "did you mean 'approval'" in finding.message


def test_unquoted_dates_stay_strings_without_type_errors():
    text = BASE.replace("status: draft", "status: approved") + "  approval:\n    body: Cabinet\n    date: 2024-07-11\n"
    doc = document.parse(text)
    assert doc.data["plan"]["approval"]["date"] == "2024-07-11"
    assert only(check_text(text), "schema") == []


def test_yaml_11_booleans_stay_text():
    doc = document.parse("a: no\nb: yes\nc: on\nd: true\n")
    assert doc.data == {"a": "no", "b": "yes", "c": "on", "d": True}


def test_bom_and_crlf_are_fine(tmp_path):
    plain = tmp_path / "plain.plan.yaml"
    plain.write_text(BASE + "  approvel: x\n", encoding="utf-8")
    awkward = tmp_path / "awkward.plan.yaml"
    awkward.write_bytes(b"\xef\xbb\xbf" + (BASE + "  approvel: x\n").replace("\n", "\r\n").encode())
    from plantool.check import runner as checker

    expected = [(f.line, f.col, f.rule, f.message) for f in checker.check_file(plain).findings]
    got = [(f.line, f.col, f.rule, f.message) for f in checker.check_file(awkward).findings]
    assert got == expected and expected


def test_non_utf8_is_a_clear_error_with_position(tmp_path):
    path = tmp_path / "latin1.plan.yaml"
    path.write_bytes(BASE.encode() + b"  title: Cost \xa3166,275\n")
    from plantool.check import runner as checker

    [finding] = checker.check_file(path).findings
    assert finding.rule == "file-format" and "not UTF-8" in finding.message
    assert (finding.line, finding.col) == (10, 15)


def test_positions_are_the_same_with_the_c_and_pure_parsers():
    from ruamel.yaml.parser import Parser

    assert require_c_parser() is not Parser  # otherwise both parses below would use the pure parser
    text = BASE + "themes:\n  transformation:\n    future_plans: |\n      See [here](https://x.gov.uk).\n"
    fast = document.parse(text)
    exact = document.parse(text, pure=True)
    assert fast.data == exact.data and fast.values == exact.values and fast.keys == exact.keys
    assert exact.keys[("themes", "transformation", "future_plans")] == (12, 5) and exact.literal_blocks


def test_link_inside_block_scalar_points_at_the_link():
    text = BASE + "themes:\n  transformation:\n    future_plans: |\n      Our plans.\n      See [here](https://x.gov.uk).\n"
    [finding] = only(check_text(text), "link-text")
    assert (finding.line, finding.col) == (14, 11)


def test_the_c_parser_is_found_where_ruamel_yaml_clib_is_installed():
    """The fast path must really be taken: clib has moved its module between releases."""
    import platform
    from importlib.metadata import PackageNotFoundError, version

    try:
        version("ruamel.yaml.clib")
    except PackageNotFoundError:
        pytest.skip("ruamel.yaml.clib is not installed")
    assert platform.python_implementation() != "CPython" or document._c_parser() is not None


def test_without_libyaml_the_loader_falls_back_to_the_pure_parser():
    """ruamel.yaml.clib blocked in a fresh process: the loader still reads the plan, with the same positions."""
    import json
    import subprocess
    import sys

    from conftest import EXAMPLES, REPO

    plan = EXAMPLES / "riverside-2025.plan.yaml"
    script = (
        "import json, sys\n"
        "sys.modules['_ruamel_yaml'] = None  # as if ruamel.yaml.clib were not installed\n"
        "from plantool.plan import loader\n"
        "assert loader._c_parser() is None\n"
        "from pathlib import Path\n"
        "doc = loader.load(Path(sys.argv[1]))\n"
        "print(json.dumps([[list(map(str, path)), list(at)] for path, at in doc.values.items()]))\n"
    )
    result = subprocess.run([sys.executable, "-c", script, str(plan)], capture_output=True, text=True, cwd=REPO, timeout=60)
    assert result.returncode == 0, result.stderr
    expected = document.load(plan, pure=True)
    assert json.loads(result.stdout) == [[list(map(str, path)), list(at)] for path, at in expected.values.items()]
