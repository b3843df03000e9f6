"""Lists of records and disclosure figures as the published plan's tables.

A records table has one row per item and only the columns some item fills,
titled by the schema. A figures table has two columns, what and the figure,
each share with its base. A draft adds a row for each figure question it has
not answered yet, so a reviewer sees the gap where the figure belongs.
"""

from __future__ import annotations

from typing import Any

from plantool.check.rules.link_scheme import allowed as link_allowed
from plantool.plan.questions import is_blank, is_not_available
from plantool.plan.schema import is_free_text
from plantool.publish import labels
from plantool.publish.model import FIGURES, Cell, Column, Paragraph, Row, Span, Table
from plantool.publish.text import not_answered, text_blocks
from plantool.publish.values import amount_key, amount_text, unit_of, value_text

# Fields a records table shows inside its amount column rather than in columns
# of their own: '£1,200,000 a year', '£5,000,000 over 10 years'.
SHOWN_WITH_AMOUNT = ("span", "years")


def is_web_address(value: Any) -> bool:
    return isinstance(value, str) and value.strip().lower().startswith(("https://", "http://")) and link_allowed(value.strip())


def figure_cell(schema, value: Any, node: dict | None) -> Cell:
    """A value shown as words in one paragraph (an empty one when there is nothing to show)."""
    unit = unit_of(schema, node)
    if unit == "number" and (isinstance(value, bool) or not isinstance(value, (int, float))):
        unit = None  # a field that may hold a number holds words here
    shown = value_text(schema, value, node)
    if value in ((node or {}).get("enum") or ()):
        shown = shown[:1].upper() + shown[1:]  # a label alone in its cell starts a sentence: 'Fees and charges'
    return Cell((Paragraph((Span(shown),)),), value, unit)


def records_table(schema, rows: list, node: dict, path: tuple) -> Table:
    """A list of records as a table, with only the columns some record fills."""
    item_node = schema.child(node, 0) or {}
    props = {key: schema.resolve(child) for key, child in schema.object_branch(item_node).get("properties", {}).items()}
    records = [row if isinstance(row, dict) else {} for row in rows]
    with_amount = any(amount_key(props, record) for record in records)
    keys = [
        key
        for key in props
        if not (with_amount and key in SHOWN_WITH_AMOUNT) and any(not is_blank(record.get(key)) for record in records)
    ]
    columns = tuple(Column(key, props[key].get("title", key), unit_of(schema, props[key])) for key in keys)
    table_rows = []
    for index, record in enumerate(records):
        cells = []
        for key in keys:
            value, child = record.get(key), props[key]
            if is_free_text(child) and isinstance(value, str):
                cells.append(Cell(text_blocks(value), value))
            elif is_web_address(value):  # printed for a reader on paper, and linked for one on screen
                cells.append(Cell((Paragraph((Span(value.strip(), url=value.strip()),)),), value))
            elif with_amount and key == amount_key(props, record):
                shown = amount_text(schema, record, props, only=SHOWN_WITH_AMOUNT)
                cells.append(Cell((Paragraph((Span(shown),)),), value, unit_of(schema, child)))
            else:
                cells.append(figure_cell(schema, value, child))
        table_rows.append(Row(tuple(cells), path + (index,)))
    return Table(node.get("title", ""), node.get("description", ""), columns, tuple(table_rows))


def figures_table(schema, section: dict, node: dict, path: tuple, unanswered=frozenset()) -> Table | None:
    """A disclosure's figures as a two-column table: what, and the figure (every share with its base)."""
    rows = []
    for label, value, child, where in figure_rows(schema, section, node, path, group="", unanswered=unanswered):
        what = Cell((Paragraph((Span(label),)),))
        if where in unanswered:
            rows.append(Row((what, Cell((not_answered(),), None, unit_of(schema, child))), where))
        else:
            rows.append(Row((what, figure_cell(schema, value, child)), where))
    if not rows:
        return None
    columns = (Column("figure", labels.FIGURE), Column("value", labels.VALUE))
    return Table(labels.FIGURES_CAPTION.format(section=node.get("title", "")), "", columns, tuple(rows), FIGURES)


def figure_rows(schema, section: dict, node: dict, path: tuple, group: str, unanswered=frozenset()):
    """(label, value, node, path) for each figure given or still to answer, groups flattened ('Union officials: Number of officials')."""
    for key, child in schema.object_branch(node).get("properties", {}).items():
        child = schema.resolve(child)
        value = section.get(key)
        if is_free_text(child):
            continue
        title = child.get("title", key)
        label = labels.FIGURE_IN_GROUP.format(group=group, figure=title) if group else title
        if path + (key,) in unanswered:
            yield label, value, child, path + (key,)
        elif value is None:
            continue
        elif isinstance(value, dict) and not is_not_available(value) and "percent" not in value:
            yield from figure_rows(schema, value, schema.object_branch(child), path + (key,), group=title, unanswered=unanswered)
        elif value_text(schema, value, child):
            yield label, value, child, path + (key,)
