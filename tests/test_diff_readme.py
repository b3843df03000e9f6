"""The README's `plantool diff` example is what the command prints for the two Derbyshire plans."""

from __future__ import annotations

from conftest import REPO, run_plantool

README = (REPO / "README.md").read_text(encoding="utf-8")
COMMAND = "plantool diff examples/derbyshire-2024.plan.yaml examples/derbyshire-2025.plan.yaml --format markdown"


def quoted_output() -> str:
    rest = README[README.index(f"Running `{COMMAND}`") :]
    rest = rest[rest.index("````markdown\n") + len("````markdown\n") :]
    return rest[: rest.index("````\n")]


def test_readme_shows_the_real_markdown_output():
    result = run_plantool(*COMMAND.split()[1:], cwd=REPO)
    assert result.returncode == 0, result.stderr
    assert quoted_output() == result.stdout


def test_the_quoted_output_shows_what_the_example_year_was_written_to_show():
    shown = quoted_output()
    assert "| Highways transformation programme | Transformation | Under way | Done | Moved on |" in shown
    assert "| Combined spend as a share | 9.26% of the staffing budget | 8.1% of the staffing budget | −1.16 points |" in shown
    assert "| Limits on sharing data between agencies | No longer listed |" in shown
    assert "Review mark left: not yet reviewed" in shown and "Carried over word for word" in shown
