"""Walk a document's blocks in order and place each one: headings set where text goes, text and bullets land there.

Headings are decided and entered by `heading_steps` (mixed into `Mapper`).
Here is the rest of the walk: the title and subtitle, text (which lands in the
field the last heading opened, in the council's own section, or in the
introduction before any theme), bullets that are records (a barrier, an
initiative under a status heading), and tables. Title-block lines and facts
stated in sentences go to `facts`, table shapes to `tables`. Whatever cannot be
placed is kept under `unmapped` with where it came from, so nothing the
document says is lost. `assembly` turns what was placed into the plan.
"""

from __future__ import annotations

import re

from plantool.importer import figures, synonyms
from plantool.importer.blocks import Block, SourceDocument, join_markup, table_markup
from plantool.importer.context import Context, Pending
from plantool.importer.facts import TitleBlock, facts_in_text
from plantool.importer.heading_steps import HeadingSteps, status_of
from plantool.importer.placed import OwnSection, Placed
from plantool.importer.similarity import Scorer
from plantool.importer.tables import Tables
from plantool.importer.vocabulary import Vocabulary, label_words
from plantool.plan.schema import is_free_text


class Mapper(HeadingSteps):
    """One pass over the document; `placed` holds the result."""

    def __init__(self, schema, document: SourceDocument, register=None):
        self.schema = schema
        self.document = document
        self.vocab = Vocabulary(schema)
        self.scorer = Scorer(self.vocab)
        self.register = register
        self.placed = Placed()
        self.tables = Tables(schema, self.vocab, self.placed)
        self.title_block = TitleBlock(schema, self.vocab, self.placed)
        self.ctx = Context()
        self.headings: list[tuple[int, str]] = []  # breadcrumb: (level, text)
        self.counters: dict[str, int] = {}
        self.front = True  # before any heading the schema knows
        self.past_themes = False  # a theme or topic heading has been met
        self.seen_heading = False
        self.open_unmapped: Pending | None = None
        self.empty_headings: list[tuple[str, str]] = []  # unmatched headings with nothing under them yet
        self.council_source = ""  # where the council's name was found, if the walk found it
        self.section_headings: set[str] = set()
        self.number = 0  # the current block's place under its heading (paragraphs and tables counted apart)
        self.openings: dict[int, str] = {}
        self.unplaced_blocks: dict[int, list] = {}  # items read back from a draft export's unplaced content

    # -- where we are --------------------------------------------------------------
    def breadcrumb(self) -> str:
        return " › ".join(text for _, text in self.crumbs()) or "Start of the document"

    def count(self, what: str) -> int:
        key = f"{self.breadcrumb()}|{what}"
        self.counters[key] = self.counters.get(key, 0) + 1
        return self.counters[key]

    def label(self, path) -> str:
        return self.schema.label(path)

    # -- the walk ------------------------------------------------------------------
    def run(self) -> None:
        blocks = self.document.blocks
        self.openings = opening_texts(blocks)
        for index, block in enumerate(blocks):
            if block.kind == "title":
                self.title(block)
            elif block.kind == "subtitle":
                self.subtitle(block)
            elif block.kind == "heading":
                self.heading(block, block.level, self.openings.get(index, ""))
            elif block.kind == "table":
                self.table(block)
            else:
                self.text(block)
        self.close_unmapped()
        self.flush_empty_headings()
        self.finish_unplaced()

    def title(self, block: Block) -> None:
        if ("plan", "title") not in self.placed.values:
            self.placed.values[("plan", "title")] = block.plain
            self.placed.mapped.append(f"title '{block.plain}' -> {self.label(('plan', 'title'))}")
        else:
            self.heading(block, 1, "")

    def subtitle(self, block: Block) -> None:
        if ("council", "name") not in self.placed.values and self.looks_like_council(block.plain):
            self.placed.values[("council", "name")] = block.plain
            self.council_source = "subtitle"
            self.placed.mapped.append(f"subtitle '{block.plain}' -> {self.label(('council', 'name'))}")
        else:
            self.text(block)

    def looks_like_council(self, text: str) -> bool:
        if self.register is not None and self.register.named_in(text):
            return True
        return bool(re.search(r"\b(council|authority)\b", text, re.IGNORECASE))

    # -- text ------------------------------------------------------------------------
    def text(self, block: Block) -> None:
        if label_words(block.plain) in synonyms.UNANSWERED_MARKS:
            return  # what a draft export writes under an unanswered prompt
        self.number = self.count("paragraph")  # its place under its heading, for `source`
        self.figures_from(block.text)
        if self.front:
            if not self.seen_heading and self.title_block.read(block):
                return
            self.facts_from(block)
            self.add_text(("plan", synonyms.GENERAL_TEXT["plan"]), block)
            return
        ctx = self.ctx
        if ctx.section == ("unmapped",) and self.unplaced_blocks:
            self.unplaced_blocks[len(self.placed.unmapped) - 1].append(block)
            return
        self.facts_from(block)
        if ctx.status and block.kind == "bullet" and self.initiatives_here() is not None:
            self.initiatives_here().append(initiative(block, ctx.status))
            return
        if ctx.sub is not None or ctx.own is not None:
            self.close_unmapped()
            (ctx.sub or ctx.own).blocks.append(block)
            return
        target = ctx.target
        if block.kind == "bullet" and not ctx.explicit:
            record_list = self.section_record_list()
            record = self.record_from_bullet(record_list, block) if record_list else None
            if record is not None:  # a bullet under 'Barriers' is one barrier
                self.placed.lists.setdefault(record_list, []).append(record)
                return
        if target and self.is_text(target):
            self.add_text(target, block)
            return
        if ctx.section == ("disclosures",) and block.lead_in:
            entry = self.vocab.heading(block.lead_in, ("disclosures",), loose=False)
            if entry is not None and entry.kind == "section":
                general = self.general(entry.path)
                self.figures_from(block.text, entry.path)
                if general:
                    self.add_text(general, Block("paragraph", text=block.text, plain=block.plain))
                    self.placed.mapped.append(f"lead-in '{block.lead_in}' -> {self.label(general)}")
                    return
        record_list = target if target and self.tables.record_list(target) else None
        if block.kind == "bullet" and record_list:
            record = self.record_from_bullet(record_list, block)
            if record is not None:
                self.placed.lists.setdefault(record_list, []).append(record)
                return
        general = self.general(ctx.section)
        if general:
            self.add_text(general, block)
            return
        if self.own_sections_of(ctx.section) and not ctx.explicit:
            self.section_text().blocks.append(block)  # text under the theme's heading, before any of its own
            return
        self.keep(block)

    def section_text(self) -> OwnSection:
        """The section that holds a theme's text before its first heading: the council's heading for the theme."""
        if self.ctx.own is None:
            self.own_heading(Block("heading", text=self.ctx.heading, plain=self.ctx.heading), (self.ctx.section_level or 0) + 1, None)
            self.ctx.own_implicit = True
        return self.ctx.own

    def open_own(self) -> OwnSection | None:
        """The council's own (sub-)section tables and initiatives go to; not the text under the theme's heading."""
        if self.ctx.sub is not None:
            return self.ctx.sub
        return None if self.ctx.own_implicit else self.ctx.own

    def initiatives_here(self) -> list | None:
        """Where initiatives found here go: the open own section's, else the theme's or topic's own list."""
        ctx = self.ctx
        if self.open_own() is not None:
            return self.open_own().initiatives
        if ctx.section and self.schema.node_at(ctx.section + ("initiatives",)):
            return self.placed.lists.setdefault(ctx.section + ("initiatives",), [])
        return None

    def add_text(self, path: tuple, block: Block) -> None:
        self.close_unmapped()
        self.empty_headings = []
        self.placed.texts.setdefault(path, []).append(block)

    def keep(self, block: Block, kind: str = "paragraph") -> None:
        """Text no field takes: kept under `unmapped`, consecutive paragraphs together."""
        self.empty_headings = []
        number = self.number
        if kind == "table" or self.open_unmapped is None or self.open_unmapped.kind == "table":
            self.close_unmapped()
            self.open_unmapped = Pending(self.breadcrumb(), [block], number, number, kind)
        else:
            self.open_unmapped.blocks.append(block)
            self.open_unmapped.last = number
        if kind == "table":
            self.close_unmapped()

    def close_unmapped(self) -> None:
        pending = self.open_unmapped
        self.open_unmapped = None
        if pending is None:
            return
        if pending.kind == "table":
            where = f"table {pending.first}"
            text = table_markup(pending.blocks[0])
        else:
            where = f"paragraph {pending.first}" if pending.first == pending.last else f"paragraphs {pending.first}–{pending.last}"
            text = join_markup(pending.blocks)
        self.placed.keep_unplaced(f"{pending.source}, {where}", text)

    def figures_from(self, text: str, context: tuple | None = None) -> None:
        self.placed.text_figures.extend(figures.in_section(self.schema, text, context or self.ctx.section))

    def facts_from(self, block: Block) -> None:
        for path, value, sentence in facts_in_text(self.schema, block.plain):
            if path not in self.placed.values:
                self.placed.values[path] = value
                shown = sentence if len(sentence) <= 90 else sentence[:87] + "…"
                self.placed.mapped.append(f"'{shown}' -> {self.label(path)} (stated in the text)")

    # -- bullets as records -----------------------------------------------------------
    def section_record_list(self) -> tuple | None:
        section = self.ctx.section
        if not section or section[0] != "themes":
            return None
        lists = [e.path for e in self.vocab.under(section) if e.kind == "list"]
        return lists[0] if len(lists) == 1 and self.tables.record_list(lists[0]) else None

    def record_from_bullet(self, list_path: tuple, block: Block) -> dict | None:
        item = self.tables.item_node(list_path)
        name_key = item["required"][0]
        props = item.get("properties") or {}
        text_keys = [k for k, n in props.items() if k != name_key and is_free_text(self.schema.resolve(n))]
        if block.lead_in:
            name = block.lead_in.strip().rstrip(":.-–—").strip()
            rest = re.sub(r"^\s*[:\-–—]+\s*", "", block.rest).strip()
            if not name:
                return None
            record = {name_key: name}
            if rest and text_keys:
                record[text_keys[0]] = rest
            elif rest:
                record[name_key] = f"{name} {rest}"
            return record
        return {name_key: block.plain}

    # -- tables ------------------------------------------------------------------------
    def table(self, block: Block) -> None:
        self.close_unmapped()
        rows = [r for r in block.plain_rows if any(c.strip() for c in r)]
        if not rows:
            return
        self.number = self.count("table")
        where, number = self.breadcrumb(), self.number
        if self.ctx.section == ("unmapped",) and self.unplaced_blocks:
            self.unplaced_blocks[len(self.placed.unmapped) - 1].append(block)
            return
        if self.tables.figure_table(block, self.ctx.section, where, number):
            return
        if self.front:  # a table before the themes, such as a plan on a page, belongs to the introduction
            self.add_text(("plan", synonyms.GENERAL_TEXT["plan"]), block)
            return
        own = self.open_own()
        if self.ctx.section and self.ctx.section[0] in ("themes", "topics") and self.status_table(block, where, number):
            return
        if self.tables.record_table(block, self.ctx.section, self.ctx.target, where, number, own):
            return
        if max(len(r) for r in rows) == 1:  # a one-column table is a box around text
            for row in block.cells:
                for cell in row:
                    for inner in cell:
                        self.text(inner)
            return
        for row in block.plain_rows:
            for cell in row:
                self.figures_from(cell)
        if self.ctx.sub or self.ctx.own:
            (self.ctx.sub or self.ctx.own).blocks.append(block)
            return
        if self.own_sections_of(self.ctx.section) and not self.ctx.explicit:
            self.section_text().blocks.append(block)
            return
        self.keep(block, "table")

    def status_table(self, block: Block, where: str, number: int) -> bool:
        """A 'What we have done | What we are doing / will do' table: each item in a cell is an initiative of its column's status."""
        titles = block.plain_rows[0] if block.cells else []
        statuses = [status_of(title) for title in titles]
        if not titles or not all(statuses) or len({s[0] for s in statuses}) < 1:
            return False
        into = self.initiatives_here()
        if into is None:
            return False
        count = 0
        for row in block.cells[1:]:
            lead = []  # a paragraph that introduces the items below it is text, not an initiative
            for (status, _), cell in zip(statuses, row):
                for inner in cell:
                    if inner.kind == "paragraph" and inner.plain.rstrip().endswith(":"):
                        lead.append(inner)
                        continue
                    into.append(initiative(inner, status))
                    count += 1
            if lead:
                (self.ctx.sub or self.ctx.own or self.section_text()).blocks.extend(lead)
        place = f"'{self.open_own().title}'" if self.open_own() else self.label(self.ctx.section)
        self.placed.mapped.append(
            f"table under '{where}' (columns {', '.join(repr(t) for t in titles)}) -> {count} initiatives in {place}"
        )
        return True


def initiative(block: Block, status: str) -> dict:
    """A bullet or cell line as an initiative: a bold lead-in is its name, the rest its description."""
    if block.lead_in and block.rest.strip():
        name = block.lead_in.strip().rstrip(":.-–—").strip()
        rest = re.sub(r"^\s*[:\-–—]+\s*", "", block.rest).strip()
        if name and rest:
            return {"name": name, "status": status, "description": rest}
    return {"status": status, "description": block.text}


def opening_texts(blocks: list[Block]) -> dict[int, str]:
    """For each heading, the words of the text under it up to the next heading (what similarity reads)."""
    out: dict[int, str] = {}
    pending: list[int] = []
    words: list[str] = []
    for index, block in enumerate(blocks):
        if block.kind in ("heading", "title"):
            for heading in pending:
                out[heading] = " ".join(words)
            pending, words = [index], []
        elif pending and len(words) < 80:
            words.extend(block.plain.split()[: 80 - len(words)])
    for heading in pending:
        out[heading] = " ".join(words)
    return out
