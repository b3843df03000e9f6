"""Word tables into the plan: 'Figure | Value' tables to disclosures, tables of records to lists.

A table is taken only when its labels or column headings are the schema's
(titles and synonyms); a row or cell that does not fit goes to `unmapped`
with the table and row it came from.
"""

from __future__ import annotations

import re
from typing import Any

from plantool.importer import figures, synonyms
from plantool.importer.placed import Placed
from plantool.importer.blocks import Block
from plantool.importer.vocabulary import Vocabulary, extra_phrases, label_words
from plantool.plan.schema import is_free_text
from plantool.publish.tables import SHOWN_WITH_AMOUNT


class Tables:
    def __init__(self, schema, vocab: Vocabulary, placed: Placed):
        self.schema, self.vocab, self.placed = schema, vocab, placed

    # -- the items of a list field ----------------------------------------------------
    def item_node(self, list_path: tuple) -> dict:
        node = self.schema.node_at(list_path)
        return self.schema.object_branch(self.schema.child(node, 0) or {}) if node else {}

    def item_props(self, list_path: tuple) -> dict:
        return {k: self.schema.resolve(v) for k, v in self.item_node(list_path).get("properties", {}).items()}

    def record_list(self, path: tuple) -> bool:
        """A list whose records can be made from a bullet: one required field, a short name."""
        item = self.item_node(path)
        props = item.get("properties") or {}
        required = item.get("required") or []
        return bool(props) and len(required) == 1 and "string" in figures.types_of(self.schema, props[required[0]])

    # -- 'Figure | Value' ----------------------------------------------------------------
    def figure_labels(self, section: tuple) -> dict[str, tuple]:
        """Label -> path, the way the export labels figures ('Union officials: Number of officials'); worked out once per section."""
        cache = self.__dict__.setdefault("_labels", {})
        if section not in cache:
            cache[section] = self._figure_labels(section)
        return cache[section]

    def _figure_labels(self, section: tuple) -> dict[str, tuple]:
        out: dict[str, tuple] = {}
        schema = self.schema

        def walk(node, path, prefix):
            for key, child in schema.object_branch(node).get("properties", {}).items():
                child = schema.resolve(child)
                if is_free_text(child):
                    continue
                title = child.get("title", key)
                props = schema.object_branch(child).get("properties") or {}
                if props and "percent" not in props and "not_available" not in props:
                    walk(child, path + (key,), f"{prefix}{title}: ")
                else:
                    for phrase in {f"{prefix}{title}", *(f"{prefix}{p}" for p in extra_phrases(path + (key,)))}:
                        out[label_words(phrase)] = path + (key,)

        walk(schema.node_at(section), section, "")
        return out

    def figure_table(self, block: Block, section: tuple | None, where: str, number: int) -> bool:
        """A two-column table of a disclosure's figures; True when taken."""
        rows = block.plain_rows
        if not rows or any(len(r) != 2 for r in rows):
            return False
        sections = [section] if section and section[0] == "disclosures" and len(section) == 2 else []
        sections += [("disclosures", key) for key, _ in self.schema.disclosures() if ("disclosures", key) not in sections]
        header = tuple(label_words(c) for c in rows[0])
        body = rows[1:] if header in synonyms.FIGURE_TABLE_HEADERS else rows
        # the section whose labels fit the most rows
        best, best_hits = None, 0
        for candidate in sections:
            labels = self.figure_labels(candidate)
            hits = sum(1 for label, _ in body if label_words(label) in labels)
            if hits > best_hits:
                best, best_hits = candidate, hits
        if best is None or (header not in synonyms.FIGURE_TABLE_HEADERS and best_hits < max(1, len(body) // 2)):
            return False
        labels = self.figure_labels(best)
        self.placed.mapped.append(f"figures table under '{where}' -> {self.schema.label(best)}")
        for index, (label, shown) in enumerate(body, start=1):
            path = labels.get(label_words(label))
            source = f"{where}, table {number} row {index + (len(rows) - len(body))}"
            if path is not None and label_words(shown) in synonyms.UNANSWERED_MARKS:
                continue  # a figure a draft export marks as not answered yet
            if path is None:
                self.placed.text_figures.extend(figures.in_section(self.schema, f"{label}: {shown}", best))
                self.placed.keep_unplaced(source, f"{label}: {shown}")
                continue
            try:
                value = figures.value(self.schema, self.schema.node_at(path), shown)
            except figures.Unparsed:
                self.placed.keep_unplaced(source, f"{label}: {shown}")
                continue
            if value is not None:
                self.placed.table_figures.append((path, value, source))
        return True

    # -- tables of records -------------------------------------------------------------
    def record_table(self, block: Block, section: tuple | None, target: tuple | None, where: str, number: int, own=None) -> bool:
        """A table whose columns are a list's fields (initiatives, measures, barriers); True when taken.

        Inside a section of the council's own (`own`, a placed.OwnSection), its
        initiatives or measures take the rows instead of the theme's.
        """
        rows = [r for r in block.plain_rows if any(c.strip() for c in r)]
        if len(rows) < 1:
            return False
        header = [label_words(c) for c in block.plain_rows[0]]
        all_lists = self.vocab.lists()
        candidates = []
        if target and target in all_lists:
            candidates.append(target)
        if section:
            candidates += [e.path for e in self.vocab.under(section) if e.kind == "list" and e.path not in candidates]
        if not candidates:
            candidates = all_lists
        best, best_columns, best_score = None, None, 0
        for path in candidates:
            props = self.item_props(path)
            if not props:
                continue
            columns = {}
            for index, cell in enumerate(header):
                for key, node in props.items():
                    names = {label_words(node.get("title", key)), *(label_words(p) for p in extra_phrases(path + ("[]", key)))}
                    if cell in names and key not in columns.values():
                        columns[index] = key
                        break
            required = self.item_node(path).get("required") or []
            if not all(r in columns.values() for r in required):
                continue
            if len(columns) > best_score:
                best, best_columns, best_score = path, columns, len(columns)
        if best is None or best_score < min(2, len(header)):
            return False
        # the same kind of list in several themes: only the current section's own will do
        same = [p for p in candidates if p[-1] == best[-1]]
        if len(same) > 1 and best[:-1] != section and best != target:
            return False
        into = getattr(own, best[-1], None) if own is not None else None
        kept = self._records(block, best, best_columns, f"{where}, table {number}", into)
        place = f"'{own.title}' › {self.schema.label(best).rsplit(' › ', 1)[-1]}" if into is not None else self.schema.label(best)
        self.placed.mapped.append(f"table under '{where}' ({kept} rows) -> {place}")
        return True

    def _records(self, block: Block, list_path: tuple, columns: dict[int, str], table: str, into: list | None = None) -> int:
        """Each row as a record of the list; what does not fit goes to `unmapped`. The number of records kept."""
        props = self.item_props(list_path)
        required = self.item_node(list_path).get("required") or []
        titles = block.plain_rows[0]
        kept = 0
        for r, (plain_row, markup_row) in enumerate(zip(block.plain_rows[1:], block.rows[1:]), start=2):
            if not any(c.strip() for c in plain_row):
                continue
            record, problems = {}, []
            for index, key in columns.items():
                if index >= len(plain_row) or not plain_row[index].strip():
                    continue
                try:
                    record[key] = self.cell_value(props[key], plain_row[index], markup_row[index])
                except figures.Unparsed:
                    # an amount shown with its span, as the export shows it: '£1,200,000 a year'
                    shown_with = {k: props[k] for k in (key, *SHOWN_WITH_AMOUNT) if k in props}
                    amount = figures.amount_record(self.schema, shown_with, plain_row[index]) if len(shown_with) > 1 else None
                    if amount:
                        record.update(amount)
                    else:
                        problems.append(index)
            extra = [i for i in range(len(plain_row)) if i not in columns and plain_row[i].strip()]
            source = f"{table} row {r}"
            if not all(k in record for k in required):
                text = "; ".join(f"{titles[i] if i < len(titles) else i + 1}: {plain_row[i]}" for i in range(len(plain_row)) if plain_row[i].strip())
                self.placed.keep_unplaced(source, text)
                continue
            (self.placed.lists.setdefault(list_path, []) if into is None else into).append({key: record[key] for key in props if key in record})
            kept += 1
            for i in problems + extra:
                column = titles[i] if i < len(titles) else str(i + 1)
                self.placed.keep_unplaced(f"{source}, column '{column}'", markup_row[i])
        return kept

    def cell_value(self, node: dict, plain: str, markup: str) -> Any:
        if is_free_text(node):
            return markup
        if "items" in node:
            item = self.schema.object_branch(self.schema.resolve(node["items"]))
            return [self.part_record(item, part) for part in re.split(r"\s*;\s+", plain) if part.strip()]
        return figures.value(self.schema, node, plain)

    def part_record(self, item: dict, text: str) -> dict:
        """'£310,000 achieved, 2024/25, since 2022/23' -> a saving; otherwise each part to the first field it fits."""
        props = {k: self.schema.resolve(v) for k, v in item.get("properties", {}).items()}
        if not props and "string" in figures.types_of(self.schema, item):
            return text  # a list of names (a partnership's partners)
        amount = figures.amount_record(self.schema, props, text)
        if amount is not None and all(k in amount for k in item.get("required") or []):
            return amount  # a sum of money in the words the export gives it
        record: dict[str, Any] = {}
        for part in [p.strip() for p in re.split(r",\s+(?![0-9]{3}\b)", text) if p.strip()]:
            for key, node in props.items():
                if key in record:
                    continue
                try:
                    record[key] = figures.value(self.schema, node, part)
                    break
                except figures.Unparsed:
                    continue
            else:
                raise figures.Unparsed(text)
        if not all(k in record for k in item.get("required") or []):
            raise figures.Unparsed(text)
        return record
