"""The heading half of the walk: where each heading leads, and what it opens.

A heading is decided once (`decide_heading`): a title or synonym of the
schema's ("exact"); a status heading such as "What we have done – stronger
communities"; or the best of the schema's places by similarity, taken only at
or above the threshold. A heading inside a theme or topic that names none of
its prompts opens a section of the council's own, with one level of
sub-sections. Every decision, with its score, is recorded for the summary.
`Mapper` (in `mapping`) mixes these steps into the walk.
"""

from __future__ import annotations

import re

from plantool.importer import synonyms
from plantool.importer.blocks import Block, join_markup
from plantool.importer.context import OTHER_SECTIONS_KEY, OWN_SECTIONS_KEY, SECTION_KINDS, Context
from plantool.importer.placed import OwnSection
from plantool.importer.similarity import SWITCH, THRESHOLD, Decision
from plantool.importer.vocabulary import Entry, contains, normalise
from plantool.plan.schema import is_free_text


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


class HeadingSteps:
    """Deciding and entering headings; mixed into `Mapper`, whose state (ctx, placed, vocab, scorer) it uses."""

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
