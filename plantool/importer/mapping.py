"""Walk a document's blocks in order and place each one: headings set where text goes, text and bullets land there.

Each heading is decided once (`decide_heading`): a title or synonym of the
schema's ("exact"); a status heading such as "What we have done – stronger
communities"; or the best of the schema's places by similarity
(`similarity`), taken only at or above the threshold. A heading inside a
theme or topic that names none of its prompts is a section of the council's
own (`sections`), with its text, initiatives and measures, and one level of
sub-sections. Title-block lines and facts stated in sentences go to `facts`,
tables to `tables`. Whatever cannot be placed is kept under `unmapped` with
where it came from, so nothing the document says is lost. Every decision, with
its score, is recorded for the summary. `assembly` turns what was placed into
the plan.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from plantool.importer import figures, synonyms
from plantool.importer.blocks import Block, SourceDocument, join_markup, table_markup
from plantool.importer.facts import TitleBlock, facts_in_text
from plantool.importer.placed import OwnSection, Placed
from plantool.importer.similarity import SWITCH, THRESHOLD, Decision, Scorer
from plantool.importer.tables import Tables
from plantool.importer.vocabulary import Entry, Vocabulary, contains, label_words, normalise
from plantool.plan.schema import is_free_text

OWN_SECTIONS_KEY = "sections"  # where a theme or topic keeps the council's own headings
OTHER_SECTIONS_KEY = "other_sections"  # the council's own sections outside the themes and topics
SECTION_KINDS = ("theme", "topic", "section", "disclosures")


@dataclass
class Context:
    section: tuple | None = None  # theme, topic, disclosures or disclosure section the text is in
    section_level: int | None = None
    target: tuple | None = None  # the field text goes to, or a list for tables and bullets
    target_level: int | None = None
    explicit: bool = False  # the target was named by a prompt heading, not implied by the section
    heading: str = ""  # the council's heading for the section, as written
    own: OwnSection | None = None  # the council's own section text goes to
    own_level: int | None = None
    own_implicit: bool = False  # `own` holds the text under the theme's heading, not a heading of its own
    sub: OwnSection | None = None  # a sub-section of `own`
    sub_level: int | None = None
    status: str | None = None  # bullets are initiatives of this status (under "What we have done")
    status_level: int | None = None


@dataclass
class Pending:
    source: str
    blocks: list = field(default_factory=list)
    first: int = 0
    last: int = 0
    kind: str = "paragraph"


def status_of(text: str) -> tuple[str, str] | None:
    """'What we have done – stronger communities' -> ('done', 'stronger communities'); None for other headings."""
    norm = normalise(text)
    best = None
    for status, phrases in synonyms.STATUS_HEADINGS.items():
        for phrase in phrases:
            if norm == phrase or norm.startswith(phrase + " "):
                if best is None or len(phrase) > len(best[1]):
                    best = (status, phrase)
    if best is None:
        return None
    words = len(best[1].split())
    parts = re.split(r"\s+[–—-]\s+|:\s+", text.strip(), maxsplit=1)
    rest = parts[1].strip() if len(parts) == 2 and len(normalise(parts[0]).split()) <= words + 1 else ""
    if not rest and len(norm.split()) > words + 2:
        return None  # 'Future plans for the leisure centres' is a heading, not a status
    return best[0], rest[:1].upper() + rest[1:]


def own_title(text: str) -> str:
    """A heading as the council's own words: typed numbering and a closing colon taken off."""
    from plantool.importer.headings import numbering

    number = numbering(text)
    title = text[len(number):] if number and text.startswith(number) else text
    return title.strip().rstrip(":").strip() or text.strip()


class Mapper:
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

    # -- headings --------------------------------------------------------------------
    def in_section(self, level: int) -> bool:
        return self.ctx.section is not None and self.ctx.section_level is not None and level > self.ctx.section_level

    def decide_heading(self, text: str, opening: str, level: int) -> Decision:
        """Where a heading leads: an exact title or synonym first, then a status heading, then the most similar place."""
        section = self.ctx.section if self.in_section(level) else None
        entry = self.vocab.heading(text, section, loose=False)
        if entry is not None:
            return Decision(text, entry, entry, 100, "exact")
        if section is not None and self.ctx.target_level is not None and level > self.ctx.target_level and self.is_text(self.ctx.target) and self.ctx.explicit:
            best = self.scorer.decide(text, opening, self.vocab.under(section), 101)
            return Decision(text, None, best.best, best.score, "inside")  # a sub-heading inside an answer
        if section is not None and section[0] in ("themes", "topics") and status_of(text):
            return Decision(text, None, None, 100, "status")
        own = self.placed.values.get(section + (synonyms.OWN_HEADING_KEY,)) if section is not None else None
        if own and normalise(own_title(text)) == normalise(str(own)):
            return Decision(text, None, None, 100, "own")  # the theme's own heading again: the text under it is a section of the council's own
        top = [e for e in self.vocab.top() if e.kind != "fact"]
        if section is not None:
            children = self.vocab.under(section)
            inner = self.scorer.decide(text, opening, children)
            outer = self.scorer.decide(text, opening, top, SWITCH)
            if outer.placed and outer.score > inner.score and outer.entry.path != section:
                return outer
            if inner.placed:
                return inner
            best = max((inner, outer), key=lambda d: d.score)
            return Decision(text, None, best.best, best.score, "own")
        prompts = [e for e in self.vocab.entries if e.kind in ("text", "list") and e.parent and e.parent[0] in ("themes", "topics", "disclosures")]
        decision = self.scorer.decide(text, opening, top)
        by_prompt = self.scorer.decide(text, opening, prompts, SWITCH)
        if by_prompt.placed and by_prompt.score > decision.score:
            return by_prompt
        return decision

    def record(self, decision: Decision, block: Block, where: str) -> None:
        what = "heading" if block.how in ("", "style", "html") else f"heading ({block.how})"
        if decision.how == "exact":
            self.placed.mapped.append(f"{what} '{block.plain}' -> {where} (exact, score 100)")
        elif decision.placed:
            self.placed.mapped.append(f"{what} '{block.plain}' -> {where} (score {decision.score})")
        elif decision.how == "layout":
            self.placed.mapped.append(f"{what} '{block.plain}' -> {where} (a section of the council's own in a plantool export, score 100)")
        elif decision.how == "own" and decision.best is None and decision.score == 100:
            self.placed.mapped.append(f"{what} '{block.plain}' -> {where} (the theme's own heading again, score 100)")
        elif decision.how == "inside":  # inside an answer a heading stays there; the nearest prompt is shown
            guess = f"nearest {self.label(decision.best.path)}, score {decision.score}" if decision.best else "score 0"
            self.placed.mapped.append(f"{what} '{block.plain}' -> {where} ({guess})")
        else:
            guess = f"best guess {self.label(decision.best.path)}, score {decision.score} < {THRESHOLD}" if decision.best else f"no guess, score 0 < {THRESHOLD}"
            self.placed.mapped.append(f"{what} '{block.plain}' -> {where} ({guess})")

    def heading(self, block: Block, level: int, opening: str) -> None:
        self.close_unmapped()
        self.flush_empty_headings()
        if self.ctx.section == ("unmapped",) and self.in_section(level):
            self.unplaced_item(block)
            return
        decision = self.decide_heading(block.plain, opening, level)
        entry = decision.entry
        if entry is not None and entry.kind == "intro" and not self.front and self.ctx.section is not None:
            if self.ctx.section_level is not None and level > self.ctx.section_level:
                decision = Decision(block.plain, None, entry, decision.score, "own")
                entry = None
        while self.headings and self.headings[-1][0] >= level:
            self.headings.pop()
        self.headings.append((level, block.plain))
        self.seen_heading = True
        if entry is not None:
            self.record(decision, block, self.label(entry.path))
            self.enter(entry, level, block)
            return
        if decision.how == "inside":
            self.add_text(self.ctx.target, self.as_bold(block))
            self.record(decision, block, f"kept as a sub-heading in {self.label(self.ctx.target)}")
            return
        if decision.how == "status":
            self.status_heading(block, level)
            return
        if decision.how == "own" and self.own_sections_of(self.ctx.section):
            self.own_heading(block, level, decision)
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
            self.record(decision, block, self.label(("plan", "introduction")) + " (before any theme)")
            self.add_text(("plan", synonyms.GENERAL_TEXT["plan"]), self.as_bold(block))
            return
        if self.in_section(level):
            general = self.general(self.ctx.section)
            if general:
                self.record(decision, block, f"kept as a sub-heading in {self.label(general)}")
                self.ctx.target, self.ctx.target_level, self.ctx.explicit = general, level, False
                self.add_text(general, self.as_bold(block))
                return
        if self.document.own_export and self.past_themes and not self.in_section(level):
            # plantool's own export puts the council's other sections after the themes and topics
            self.ctx = Context((OTHER_SECTIONS_KEY,), level, heading=block.plain)
            self.own_heading(block, level, Decision(block.plain, None, None, 100, "layout"))
            return
        self.record(decision, block, "left unmapped")
        self.ctx = Context()
        self.empty_headings.append((self.breadcrumb_parent(), block.plain))

    def unplaced_item(self, block: Block) -> None:
        """Under 'Content not yet placed' (a draft export's last section): each heading is an item's source."""
        self.placed.unmapped.append({"source": block.plain, "text": ""})
        self.unplaced_blocks[len(self.placed.unmapped) - 1] = []
        self.placed.mapped.append(f"heading '{block.plain}' -> {self.label(('unmapped',))} (an item kept from an earlier import)")

    def finish_unplaced(self) -> None:
        for index, blocks in self.unplaced_blocks.items():
            self.placed.unmapped[index]["text"] = join_markup(blocks)

    def own_sections_of(self, section: tuple | None) -> tuple | None:
        """The path of a theme's or topic's list of the council's own sections, if it has one."""
        if section == (OTHER_SECTIONS_KEY,):
            return section
        if not section or section[0] not in ("themes", "topics"):
            return None
        node = self.schema.node_at(section + (OWN_SECTIONS_KEY,))
        return section + (OWN_SECTIONS_KEY,) if node and node.get("x-plantool-own-sections") else None

    def own_heading(self, block: Block, level: int, decision: Decision | None) -> None:
        """A heading of the council's own inside a theme or topic: a section, or a sub-section of the one open."""
        path = self.own_sections_of(self.ctx.section)
        title = own_title(block.plain)
        ctx = self.ctx
        ctx.target, ctx.target_level, ctx.explicit = None, None, False
        if ctx.status_level is not None and level <= ctx.status_level:
            ctx.status, ctx.status_level = None, None
        if ctx.own is not None and ctx.own_level is not None and level > ctx.own_level:
            if ctx.sub is not None and ctx.sub_level is not None and level > ctx.sub_level:
                ctx.sub.blocks.append(self.as_bold(block))  # deeper than the schema's one level of sub-sections
                where = f"kept as a sub-heading in '{ctx.sub.title}'"
            else:
                ctx.sub, ctx.sub_level = OwnSection(title), level
                ctx.own.sections.append(ctx.sub)
                where = f"{self.label(path)} › '{ctx.own.title}' › sub-section"
        else:
            ctx.own, ctx.own_level, ctx.sub, ctx.sub_level = OwnSection(title), level, None, None
            ctx.own_implicit = False
            self.placed.own.setdefault(path, []).append(ctx.own)
            where = f"{self.label(path)}: '{title}'"
        if decision is not None:
            self.record(decision, block, where)

    def status_heading(self, block: Block, level: int) -> None:
        """'What we have done – stronger communities': bullets below are initiatives of that status, in that section."""
        status, rest = status_of(block.plain)
        ctx = self.ctx
        ctx.target, ctx.target_level, ctx.explicit = None, None, False
        if rest:
            same = ctx.own is not None and normalise(ctx.own.title) == normalise(rest) and ctx.own_level == level
            if not same:
                self.own_heading(Block("heading", text=rest, plain=rest), level, None)
        elif ctx.sub is not None and ctx.sub_level is not None and level <= ctx.sub_level:
            ctx.sub, ctx.sub_level = None, None
        elif ctx.own is not None and ctx.own_level is not None and level <= ctx.own_level:
            ctx.own, ctx.own_level, ctx.sub, ctx.sub_level = None, None, None, None
        ctx.status, ctx.status_level = status, level
        into = f"'{ctx.own.title}'" if ctx.own is not None else self.label(ctx.section)
        what = "heading" if block.how in ("", "style", "html") else f"heading ({block.how})"
        self.placed.mapped.append(f"{what} '{block.plain}' -> initiatives ({status}) in {into} (status heading, score 100)")

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
        if entry.parent is None:
            self.section_headings.add(block.plain)
        if entry.kind in SECTION_KINDS:
            self.past_themes = self.past_themes or entry.path[0] in ("themes", "topics")
            self.ctx = Context(entry.path, level, self.general(entry.path), level, heading=block.plain)
            own = own_title(block.plain)
            beside = re.match(rf"\s*{re.escape(entry.title)}\s*:\s*(?P<own>\S.*)$", own, re.IGNORECASE)
            own = beside.group("own").strip() if beside else own  # 'Barriers: What holds us back', as the export shows it
            if entry.kind == "theme" and normalise(own) != normalise(entry.title):
                self.placed.values.setdefault(entry.path + (synonyms.OWN_HEADING_KEY,), own)
        elif entry.kind == "intro":
            self.ctx = Context(("plan",), level, entry.path, level, heading=block.plain)
        elif entry.kind == "unmapped":
            self.ctx = Context(entry.path, level, heading=block.plain)
        else:  # a prompt or a list inside a section
            if self.ctx.section != entry.parent:
                parent = self.vocab.lookup(entry.parent)
                self.ctx = Context(entry.parent, level - 1 if parent else None)
            self.ctx.own = self.ctx.sub = None
            self.ctx.own_level = self.ctx.sub_level = None
            self.ctx.status = self.ctx.status_level = None
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
        """A heading kept inside text: bold, unless it was a heading only by its typed numbering or capitals."""
        if block.how in ("numbered", "capitals", "larger") or block.bold_only:
            return Block("paragraph", text=block.text if block.bold_only or block.how != "bold" else f"**{block.plain}**", plain=block.plain)
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
