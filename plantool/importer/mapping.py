"""Walk a Word document's blocks in order and place each one: headings set where text goes, text and bullets land there.

The vocabulary (`vocabulary`) names what a heading leads to; title-block lines
go to `facts`, tables to `tables`. Whatever cannot be placed is kept under
`unmapped` with where it came from, so nothing the document says is lost.
`assembly` turns what was placed into the plan.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from plantool.importer import figures, synonyms
from plantool.importer.facts import TitleBlock
from plantool.importer.placed import Placed
from plantool.importer.read_docx import Block, WordDocument, join_markup
from plantool.importer.tables import Tables
from plantool.importer.vocabulary import Entry, Vocabulary, contains, label_words, normalise
from plantool.plan.schema import is_free_text


@dataclass
class Context:
    section: tuple | None = None  # theme, disclosures or disclosure section the text is in
    section_level: int | None = None
    target: tuple | None = None  # the field text goes to, or a list for tables and bullets
    target_level: int | None = None
    explicit: bool = False  # the target was named by a prompt heading, not implied by the section


@dataclass
class Pending:
    source: str
    blocks: list = field(default_factory=list)
    first: int = 0
    last: int = 0
    kind: str = "paragraph"


class Mapper:
    """One pass over the document; `placed` holds the result."""

    def __init__(self, schema, document: WordDocument, register=None):
        self.schema = schema
        self.document = document
        self.vocab = Vocabulary(schema)
        self.register = register
        self.placed = Placed()
        self.tables = Tables(schema, self.vocab, self.placed)
        self.title_block = TitleBlock(schema, self.vocab, self.placed)
        self.ctx = Context()
        self.headings: list[tuple[int, str]] = []  # breadcrumb: (level, text)
        self.counters: dict[str, int] = {}
        self.front = True  # before any heading the schema knows
        self.seen_heading = False
        self.open_unmapped: Pending | None = None
        self.empty_headings: list[tuple[str, str]] = []  # unmatched headings with nothing under them yet
        self.council_source = ""  # where the council's name was found, if the walk found it
        self.section_headings: set[str] = set()
        self.number = 0  # the current block's place under its heading (paragraphs and tables counted apart)

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
        for block in self.document.blocks:
            if block.kind == "title":
                self.title(block)
            elif block.kind == "subtitle":
                self.subtitle(block)
            elif block.kind == "heading":
                self.heading(block, block.level)
            elif block.kind == "table":
                self.table(block)
            elif self.pseudo_heading(block):
                self.heading(block, self.pseudo_level())
            else:
                self.text(block)
        self.close_unmapped()
        self.flush_empty_headings()

    def title(self, block: Block) -> None:
        if ("plan", "title") not in self.placed.values:
            self.placed.values[("plan", "title")] = block.plain
            self.placed.mapped.append(f"title '{block.plain}' -> {self.label(('plan', 'title'))}")
        else:
            self.heading(block, 1)

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

    def pseudo_level(self) -> int:
        last = self.headings[-1][0] if self.headings else 0
        return min(last + 1, 9)

    def pseudo_heading(self, block: Block) -> bool:
        """A short paragraph in bold that names a section is a heading typed as bold text."""
        if block.kind != "paragraph" or not block.bold_only or len(block.plain) > 120 or block.links:
            return False
        return self.vocab.heading(block.plain, self.ctx.section, loose=False) is not None

    def heading(self, block: Block, level: int) -> None:
        self.close_unmapped()
        self.flush_empty_headings()
        entry = self.vocab.heading(block.plain, self.ctx.section)
        if entry is not None and entry.kind == "intro" and not self.front and self.ctx.section is not None:
            entry = None if self.ctx.section_level is not None and level > self.ctx.section_level else entry
        while self.headings and self.headings[-1][0] >= level:
            self.headings.pop()
        self.headings.append((level, block.plain))
        self.seen_heading = True
        if entry is not None:
            self.enter(entry, level, block)
            return
        # a heading the schema does not know
        if self.front:
            title_words = [p.split() for p in self.vocab.lookup(("plan", "title")).phrases]
            if any(contains(normalise(block.plain).split(), w) for w in title_words):
                if ("plan", "title") not in self.placed.values:
                    self.placed.values[("plan", "title")] = block.plain
                    self.placed.mapped.append(f"heading '{block.plain}' -> {self.label(('plan', 'title'))}")
                else:  # a second title: kept, but not inside the introduction
                    self.empty_headings.append((self.breadcrumb_parent(), block.plain))
                return
            self.add_text(("plan", synonyms.GENERAL_TEXT["plan"]), self.as_bold(block))
            return
        inside_section = self.ctx.section_level is not None and level > self.ctx.section_level
        inside_target = self.ctx.target_level is not None and level > self.ctx.target_level
        if inside_section and inside_target and self.is_text(self.ctx.target):
            self.add_text(self.ctx.target, self.as_bold(block))  # a sub-heading inside an answer
            return
        if inside_section:
            general = self.general(self.ctx.section)
            self.ctx.target, self.ctx.target_level = None, None
            if general:
                self.ctx.target = general
                self.ctx.target_level = level
                self.add_text(general, self.as_bold(block))
                return
        else:
            self.ctx = Context()
        self.empty_headings.append((self.breadcrumb_parent(), block.plain))

    def crumbs(self) -> list[tuple[int, str]]:
        """Headings from the last one that named a section: short sources, whatever the levels."""
        start = 0
        for index, (_, text) in enumerate(self.headings):
            if text in self.section_headings:
                start = index
        return self.headings[start:]

    def breadcrumb_parent(self) -> str:
        return " › ".join(text for _, text in self.crumbs()[:-1])

    def flush_empty_headings(self) -> None:
        for source, text in self.empty_headings:
            where = f"{source} › heading with no text under it" if source else "Heading with no text under it"
            self.placed.keep_unplaced(where, text)
        self.empty_headings = []

    def enter(self, entry: Entry, level: int, block: Block) -> None:
        self.front = False
        self.placed.mapped.append(f"heading '{block.plain}' -> {self.label(entry.path)}")
        if entry.parent is None:
            self.section_headings.add(block.plain)
        if entry.kind in ("theme", "section", "disclosures"):
            self.ctx = Context(entry.path, level, self.general(entry.path), level)
            own = self.vocab.own_heading(entry, block.plain) if entry.kind == "theme" else None
            if own:  # 'Reducing wasteful spend: Use of resources' keeps the council's words
                self.placed.values[own[0]] = own[1]
        elif entry.kind == "intro":
            self.ctx = Context(entry.path[:1], level, entry.path, level)
        else:  # a prompt or a list inside a section
            if self.ctx.section != entry.parent:
                parent = self.vocab.lookup(entry.parent)
                self.ctx = Context(entry.parent, level - 1 if parent else None)
            self.ctx.target, self.ctx.target_level = entry.path, level
            self.ctx.explicit = True

    def general(self, section: tuple | None) -> tuple | None:
        if not section:
            return None
        key = synonyms.GENERAL_TEXT.get(".".join(section))
        return section + (key,) if key else None

    def is_text(self, path) -> bool:
        return bool(path) and is_free_text(self.schema.node_at(path))

    @staticmethod
    def as_bold(block: Block) -> Block:
        return Block("paragraph", text=f"**{block.plain}**", plain=block.plain)

    # -- text ------------------------------------------------------------------------
    def text(self, block: Block) -> None:
        if label_words(block.plain) in synonyms.UNANSWERED_MARKS:
            return  # what a draft export writes under an unanswered prompt
        self.number = self.count("paragraph")  # its place under its heading, for `source`
        self.figures_from(block.text)
        if self.front:
            if not self.seen_heading and self.title_block.read(block):
                return
            self.add_text(("plan", synonyms.GENERAL_TEXT["plan"]), block)
            return
        target = self.ctx.target
        if block.kind == "bullet" and not self.ctx.explicit:
            record_list = self.section_record_list()
            record = self.record_from_bullet(record_list, block) if record_list else None
            if record is not None:  # a bullet under 'Barriers' is one barrier
                self.placed.lists.setdefault(record_list, []).append(record)
                return
        if target and self.is_text(target):
            self.add_text(target, block)
            return
        if self.ctx.section == ("disclosures",) and block.lead_in:
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
        general = self.general(self.ctx.section)
        if general:
            self.add_text(general, block)
            return
        self.keep(block)

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
            text = pending.blocks[0].text
        else:
            where = f"paragraph {pending.first}" if pending.first == pending.last else f"paragraphs {pending.first}–{pending.last}"
            text = join_markup(pending.blocks)
        self.placed.keep_unplaced(f"{pending.source}, {where}", text)

    def figures_from(self, text: str, context: tuple | None = None) -> None:
        self.placed.text_figures.extend(figures.in_section(self.schema, text, context or self.ctx.section))

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
        if self.tables.figure_table(block, self.ctx.section, where, number):
            return
        if self.tables.record_table(block, self.ctx.section, self.ctx.target, where, number):
            return
        if max(len(r) for r in rows) == 1:  # a one-column table is a box around text
            for markup_row in block.rows:
                for cell in markup_row:
                    for paragraph in [c for c in cell.split("\n\n") if c.strip()]:
                        bullet = paragraph.startswith("- ")
                        for line in paragraph.split("\n") if bullet else [paragraph]:
                            text = line[2:] if bullet else line
                            self.text(Block("bullet" if bullet else "paragraph", text=text, plain=figures.without_markup(text)))
            return
        for row in block.plain_rows:
            for cell in row:
                self.figures_from(cell)
        self.keep(block, "table")

