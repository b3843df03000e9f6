"""Column widths from what a table holds (export/docx/columns.py): pure arithmetic, checked without Word.

The layout must keep every word and figure whole, never wrap a short value,
fill the width it is given, and make the table no taller than sharing the
width by how much text each column holds (plantool's layout before).
"""

from __future__ import annotations

import pytest

from plan_helpers import one_sentence_initiatives

from plantool.export.docx.columns import column_widths, estimated_height, text_width

PAGE = 43.8  # ems of 11 pt text across 17 cm
PADDING = 0.98  # Word's cell margins, left and right, in the same ems


def proportional(header, rows, available):
    """The old layout: widths in proportion to each column's longest cell, capped at 60 characters."""
    weights = [max(8, min(max(len(" ".join(row[c])) for row in rows), 60)) for c in range(len(header))]
    return [available * w / sum(weights) for w in weights]


def initiatives_table(count: int):
    header = [["Initiative status"], ["What it is and what it achieved"]]
    labels = {"done": "Done", "under_way": "Under way", "planned": "Planned"}
    rows = [[[labels[item["status"]]], [item["description"]]] for item in one_sentence_initiatives(count)]
    return header, rows


def test_widths_fill_the_page_and_keep_every_word_whole():
    header = [["Initiative name"], ["Savings"], ["What it is and what it achieved"]]
    rows = [[["Customer service centre"], ["£262,000,000 achieved, 2024/25"], ["A long description of the work. " * 10]]]
    widths = column_widths(header, rows, PAGE, padding=PADDING)
    assert sum(widths) == pytest.approx(PAGE)
    for column, width in enumerate(widths):
        words = [w for p in header[column] + rows[0][column] for w in p.split()]
        assert width - PADDING >= max(text_width(w, bold=True) for w in words) * 0.99, column  # £262,000,000 never breaks


def test_a_status_column_is_narrow_and_never_wraps_its_value():
    header, rows = initiatives_table(120)
    status, description = column_widths(header, rows, PAGE, padding=PADDING)
    assert status - PADDING >= text_width("Under way")  # one line, however narrow
    assert status < 0.2 * PAGE and description > 0.8 * PAGE


def test_one_sentence_items_take_one_or_two_lines():
    header, rows = initiatives_table(120)
    widths = column_widths(header, rows, PAGE, padding=PADDING)
    assert estimated_height(header, rows, widths, padding=PADDING) <= 2 + 2 * len(rows)


@pytest.mark.parametrize("shape", ["sentences", "sparse long column"])
def test_the_table_is_no_taller_than_sharing_the_width_by_text(shape):
    if shape == "sentences":
        header, rows = initiatives_table(60)
    else:  # savings given for one row in six: the 'mostly empty' columns
        header = [["Initiative name"], ["Initiative status"], ["What it is and what it achieved"], ["Savings"]]
        rows = [[[f"Programme {i}"], ["Under way"], ["Redesigning the service with partners so that fewer people need it."], [""]] for i in range(6)]
        rows[2][3] = ["£211,000 achieved, cashable saving, 2023/24; £249,000 planned over 10 years"]
    ours = estimated_height(header, rows, column_widths(header, rows, PAGE, padding=PADDING), padding=PADDING)
    before = estimated_height(header, rows, proportional(header, rows, PAGE), padding=PADDING)
    assert ours <= before


def test_figures_stay_whole_in_a_table_of_many_columns():
    """Sharing by text left figure columns narrower than their figures ('10,306' broken over two lines)."""
    header = [["Measure"], ["Baseline period"], ["Baseline"], ["Current"], ["Change"], ["How success is measured"]]
    rows = [[["Children helped with home-to-school transport"], ["2019"], ["9,307"], ["10,306"], ["+11%"], ["Reported to Cabinet every quarter with a benchmark."]]] * 8
    widths = column_widths(header, rows, PAGE, padding=PADDING)
    before = proportional(header, rows, PAGE)
    for column in (1, 2, 3, 4):
        figure = text_width(rows[0][column][0])
        assert widths[column] - PADDING >= figure
    assert any(before[column] - PADDING < text_width(rows[0][column][0]) for column in (1, 2, 3, 4))


def test_a_web_address_does_not_claim_a_column_of_its_own_length():
    url = "https://www.example.gov.uk/council/policies-and-plans/productivity-plan-2024-appendix"
    widths = column_widths([["Document title"], ["Web address"]], [[["Savings plans"], [url]]], PAGE, padding=PADDING)
    assert widths[1] < PAGE  # it fits beside the title, breaking between its parts if it must
    assert widths[0] - PADDING >= text_width("Savings", bold=False)


def test_the_same_table_always_gets_the_same_widths():
    header, rows = initiatives_table(30)
    assert column_widths(header, rows, PAGE, padding=PADDING) == column_widths(header, rows, PAGE, padding=PADDING)
