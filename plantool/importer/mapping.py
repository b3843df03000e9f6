"""Place a Word document's content in the plan: headings to themes and prompts, tables to lists, figures to disclosures.

The vocabulary is the schema's titles plus `synonyms.SYNONYMS`; no heading is
spelt out here. Whatever cannot be placed goes to the plan's `unmapped` list
with where it came from, so nothing the document says is lost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from plantool.plan.schema import is_free_text
from plantool.importer import figures
from plantool.importer import synonyms
from plantool.importer.read_docx import Block, WordDocument, join_markup

PLACEHOLDER = "TODO"  # what `plantool new` writes, and check reports as unanswered
UNMAPPED_KEY = "unmapped"

_NUMBERING = re.compile(
    r"^\s*(?:(?:thematic\s+area|theme|section|part|chapter|appendix|annex|question|area)\s*)?"
    r"(?:\d+(?:\.\d+)*|[ivxlc]+|[a-h])\s*[.:)\-–—]+\s*"
    r"|^\s*(?:thematic\s+area|theme|section|part|chapter|question)\s+\d+\s+"
    r"|^\s*\d+(?:\.\d+)*\s+",
    re.IGNORECASE,
)


def normalise(text: str) -> str:
    """Lower case, '&' as 'and', numbering ('1.', 'Thematic Area 2:') and punctuation removed."""
    text = str(text).replace("&", " and ").replace("’", "'")
    previous = None
    while previous != text:  # "Appendix 3: 1. Transformation"
        previous = text
        text = _NUMBERING.sub("", text, count=1)
    text = text.lower().replace("'", "")
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


def without_brackets(text: str) -> str:
    return re.sub(r"\([^)]*\)", " ", str(text))


def contains(words: list[str], phrase: list[str]) -> bool:
    n = len(phrase)
    return n > 0 and any(words[i : i + n] == phrase for i in range(len(words) - n + 1))


def _synonym_keys() -> list[tuple[re.Pattern, list[str]]]:
    out = []
    for key, phrases in synonyms.SYNONYMS.items():
        pattern = re.escape(key).replace(r"\*", r"[^.\[]+").replace(r"\[\]", r"\[\]")
        out.append((re.compile(f"^{pattern}$"), phrases))
    return out


_KEYS = _synonym_keys()


def dotted(path: tuple) -> str:
    out = ""
    for part in path:
        if part == "[]":
            out += "[]"
        else:
            out += f".{part}" if out else str(part)
    return out


def extra_phrases(path: tuple) -> list[str]:
    name = dotted(path)
    found: list[str] = []
    for pattern, phrases in _KEYS:
        if pattern.match(name):
            found.extend(phrases)
    return found


@dataclass
class Entry:
    path: tuple
    kind: str  # intro | theme | disclosures | section | text | list | figure | fact
    parent: tuple | None
    title: str
    phrases: set[str] = field(default_factory=set)


class Vocabulary:
    """Every heading the schema can be matched by, with where it leads."""

    def __init__(self, schema):
        self.schema = schema
        self.entries: list[Entry] = []
        raw = schema.resolve(schema.raw)
        plan = schema.node_at(("plan",))
        # the plan's title-block facts, and the introduction as a section
        for key, node in schema.object_branch(plan).get("properties", {}).items():
            node = schema.resolve(node)
            if key == synonyms.GENERAL_TEXT.get("plan"):
                self.add(("plan", key), "intro", None, node)
            elif schema.object_branch(node).get("properties"):
                self.add(("plan", key), "fact", ("plan",), node)
                for sub, child in schema.object_branch(node)["properties"].items():
                    self.add(("plan", key, sub), "fact", ("plan",), schema.resolve(child))
            else:
                self.add(("plan", key), "fact", ("plan",), node)
        for key, node in schema.themes():
            self.add(("themes", key), "theme", None, node)
            self.children(("themes", key), node)
        disclosures = raw["properties"].get("disclosures")
        if disclosures:
            self.add(("disclosures",), "disclosures", None, schema.resolve(disclosures))
            for key, node in schema.disclosures():
                self.add(("disclosures", key), "section", None, node)
                self.children(("disclosures", key), node)

    def add(self, path, kind, parent, node) -> Entry:
        title = node.get("title") or path[-1]
        phrases = {normalise(title), normalise(without_brackets(title)), *(normalise(p) for p in extra_phrases(path))}
        entry = Entry(path, kind, parent, title, {p for p in phrases if p})
        self.entries.append(entry)
        return entry

    def children(self, path, node) -> None:
        for key, child in self.schema.object_branch(node).get("properties", {}).items():
            child = self.schema.resolve(child)
            if child.get("x-plantool-own-sections"):
                continue  # the council's own headings are kept by title, not matched as a field
            if is_free_text(child):
                self.add(path + (key,), "text", path, child)
            elif "items" in child:
                self.add(path + (key,), "list", path, child)
            else:
                self.add(path + (key,), "figure", path, child)

    def top(self):
        return [e for e in self.entries if e.parent is None]

    def under(self, parent):
        return [e for e in self.entries if e.parent == parent and e.kind in ("text", "list")]

    def lookup(self, path) -> Entry | None:
        return next((e for e in self.entries if e.path == path), None)

    @staticmethod
    def exact(norm: str, entries) -> list[Entry]:
        return [e for e in entries if norm in e.phrases]

    @staticmethod
    def containing(norm: str, entries) -> Entry | None:
        words = norm.split()
        best, best_len = None, 0
        for entry in entries:
            for phrase in entry.phrases:
                pw = phrase.split()
                if len(pw) > best_len and contains(words, pw):
                    best, best_len = entry, len(pw)
        return best

    def heading(self, text: str, section: tuple | None, *, loose: bool = True) -> Entry | None:
        """The section or prompt a heading names, preferring the current section's own prompts."""
        norms = {normalise(text), normalise(without_brackets(text))} - {""}
        if not norms:
            return None
        children = self.under(section) if section else []
        everything_below = [e for e in self.entries if e.kind in ("text", "list") and e.parent and e.parent[0] != "plan"]
        for norm in norms:
            for pool in (children, self.top()):
                hits = self.exact(norm, pool)
                if hits:
                    return hits[0]
        for norm in norms:
            hits = self.exact(norm, everything_below)
            if len({h.path for h in hits}) == 1:
                return hits[0]
        if not loose:
            return None
        for norm in norms:
            for pool in (children, self.top()):
                hit = self.containing(norm, pool)
                if hit:
                    return hit
        return None

    def fact(self, text: str) -> tuple[Entry, str] | None:
        """A title-block line such as 'Period: 2025/26' or 'Approved by Cabinet on 9 July 2025.'."""
        best = None
        for entry in self.entries:
            if entry.kind != "fact":
                continue
            for phrase in entry.phrases:
                words = phrase.split()
                pattern = r"^\s*" + r"[\W_]+".join(re.escape(w) for w in words) + r"\b\s*(?P<colon>:)?\s*(?P<value>.*)$"
                match = re.match(pattern, text, re.IGNORECASE)
                # 'Label: value'; only 'Approved by … on <date>' is written without a colon
                if match and not match.group("colon") and not re.search(r"\son\s+\d", match.group("value")):
                    continue
                if match and (best is None or len(words) > best[2]):
                    best = (entry, match.group("value").strip(), len(words))
        return (best[0], best[1]) if best else None


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
    def __init__(self, schema, document: WordDocument, register=None):
        self.schema = schema
        self.document = document
        self.vocab = Vocabulary(schema)
        self.register = register
        self.values: dict[tuple, Any] = {}
        self.texts: dict[tuple, list[Block]] = {}
        self.lists: dict[tuple, list] = {}
        self.unmapped: list[dict] = []
        self.text_figures: list[figures.Found] = []
        self.table_figures: list[tuple[tuple, Any, str]] = []
        self.ctx = Context()
        self.headings: list[tuple[int, str]] = []  # breadcrumb: (level, text)
        self.counters: dict[str, int] = {}
        self.front = True  # before any heading the schema knows
        self.seen_heading = False
        self.open_unmapped: Pending | None = None
        self.empty_headings: list[tuple[str, str]] = []  # unmatched headings with nothing under them yet
        self.log_mapped: list[str] = []
        self.log_notes: list[str] = []
        self.status_seen: str | None = None
        self.council_source = ""
        self.section_headings: set[str] = set()
        self.figures_placed: list = []
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
        if ("plan", "title") not in self.values:
            self.values[("plan", "title")] = block.plain
            self.log_mapped.append(f"title '{block.plain}' -> {self.label(('plan', 'title'))}")
        else:
            self.heading(block, 1)

    def subtitle(self, block: Block) -> None:
        if ("council", "name") not in self.values and self.looks_like_council(block.plain):
            self.values[("council", "name")] = block.plain
            self.council_source = "subtitle"
            self.log_mapped.append(f"subtitle '{block.plain}' -> {self.label(('council', 'name'))}")
        else:
            self.text(block)

    def looks_like_council(self, text: str) -> bool:
        if self.register is not None and self.find_council(text):
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
                if ("plan", "title") not in self.values:
                    self.values[("plan", "title")] = block.plain
                    self.log_mapped.append(f"heading '{block.plain}' -> {self.label(('plan', 'title'))}")
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
            self.unmapped.append({"source": where, "text": text})
        self.empty_headings = []

    def enter(self, entry: Entry, level: int, block: Block) -> None:
        self.front = False
        self.log_mapped.append(f"heading '{block.plain}' -> {self.label(entry.path)}")
        if entry.parent is None:
            self.section_headings.add(block.plain)
        if entry.kind in ("theme", "section", "disclosures"):
            self.ctx = Context(entry.path, level, self.general(entry.path), level)
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
        if figures_normal(block.plain) in synonyms.UNANSWERED_MARKS:
            return  # what a draft export writes under an unanswered prompt
        self.number = self.count("paragraph")  # its place under its heading, for `source`
        self.figures_from(block.text)
        if self.front:
            if not self.seen_heading and self.facts(block):
                return
            self.add_text(("plan", synonyms.GENERAL_TEXT["plan"]), block)
            return
        target = self.ctx.target
        if block.kind == "bullet" and not self.ctx.explicit:
            record_list = self.section_record_list()
            record = self.record_from_bullet(record_list, block) if record_list else None
            if record is not None:  # a bullet under 'Barriers' is one barrier
                self.lists.setdefault(record_list, []).append(record)
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
                    self.log_mapped.append(f"lead-in '{block.lead_in}' -> {self.label(general)}")
                    return
        record_list = target if target and self.record_list(target) else None
        if block.kind == "bullet" and record_list:
            record = self.record_from_bullet(record_list, block)
            if record is not None:
                self.lists.setdefault(record_list, []).append(record)
                return
        general = self.general(self.ctx.section)
        if general:
            self.add_text(general, block)
            return
        self.keep(block)

    def add_text(self, path: tuple, block: Block) -> None:
        self.close_unmapped()
        self.empty_headings = []
        self.texts.setdefault(path, []).append(block)

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
        self.unmapped.append({"source": f"{pending.source}, {where}", "text": text})

    def figures_from(self, text: str, context: tuple | None = None) -> None:
        section = context or self.ctx.section
        where = ".".join(section) if section and section[0] == "disclosures" and len(section) == 2 else None
        self.text_figures.extend(figures.in_text(self.schema, text, where))

    # -- the title block -------------------------------------------------------------
    def facts(self, block: Block) -> bool:
        """'Period: 2025/26 · Status: Approved', 'Approved by Cabinet on 9 July 2025.': True when every part was placed."""
        parts = [p.strip() for p in re.split(r"\s+[·|]\s+", block.plain) if p.strip()]
        placed = []
        for part in parts:
            found = self.vocab.fact(part)
            if not found:
                return False
            placed.append(found)
        if not placed:
            return False
        results = [self.fact(entry, value, block) for entry, value in placed]
        return all(results)

    def fact(self, entry: Entry, value: str, block: Block) -> bool:
        path = entry.path
        node = self.schema.node_at(path) or {}
        if not value:
            return False
        if path == ("plan", "status"):
            self.status_seen = value
            return True
        if path[:2] == ("plan", "approval") and len(path) == 3 and "date" in (self.schema.object_branch(self.schema.node_at(path[:2])).get("properties") or {}):
            match = re.match(r"(?P<body>.+?)\s+on\s+(?P<date>\d.*?)\.?$", value)
            if match and figures.iso_date(match.group("date")):
                self.values[path] = match.group("body").strip()
                self.values[path[:2] + ("date",)] = figures.iso_date(match.group("date"))
                self.log_mapped.append(f"'{block.plain}' -> {self.label(path[:2])}")
                return True
        if self.schema.object_branch(node).get("properties"):  # contact: name, role – email
            return self.contact(path, value, block)
        if "pattern" in node and path != ("plan", "publication_url"):
            if not re.match(node["pattern"], value.rstrip(".")):
                return False
        if path == ("plan", "publication_url") or (node.get("pattern") or "").startswith("^https?"):
            url = next((u for _, u in block.links if re.match(r"https?://", u or "")), None)
            url = url or (re.search(r"https?://\S+", value).group(0) if re.search(r"https?://\S+", value) else None)
            if not url:
                return False
            self.values[path] = url.rstrip(".")
            self.log_mapped.append(f"'{block.plain}' -> {self.label(path)}")
            return True
        try:
            parsed = figures.value(self.schema, node, value.rstrip(".") if node.get("x-plantool-unit") else value)
        except figures.Unparsed:
            return False
        if isinstance(parsed, str):
            parsed = parsed.rstrip(".") if node.get("pattern") else parsed
        self.values[path] = parsed
        self.log_mapped.append(f"'{block.plain}' -> {self.label(path)}")
        return True

    def contact(self, path: tuple, value: str, block: Block) -> bool:
        props = self.schema.object_branch(self.schema.node_at(path)).get("properties", {})
        email = None
        for _, url in block.links:
            if url and url.lower().startswith("mailto:"):
                email = url[7:]
        found = re.search(r"[^@\s]+@[^@\s]+\.[^@\s]+", value)
        email = email or (found.group(0).rstrip(".") if found else None)
        who = re.split(r"\s+[–—-]\s+", value)[0] if email else value
        if email and who.strip().lower().startswith(("email", "e-mail")):
            who = ""
        parts = [p.strip() for p in who.split(",", 1)] if who.strip() else []
        keys = [k for k, n in props.items() if "pattern" not in self.schema.resolve(n)]
        for key, part in zip(keys, parts):
            self.values[path + (key,)] = part
        if email:
            mail_key = next((k for k, n in props.items() if "@" in (self.schema.resolve(n).get("pattern") or "")), None)
            if mail_key:
                self.values[path + (mail_key,)] = email
        self.log_mapped.append(f"'{block.plain}' -> {self.label(path)}")
        return bool(parts or email)

    # -- lists of records --------------------------------------------------------------
    def item_props(self, list_path: tuple) -> dict:
        node = self.schema.node_at(list_path)
        item = self.schema.child(node, 0) if node else None
        return {k: self.schema.resolve(v) for k, v in self.schema.object_branch(item or {}).get("properties", {}).items()}

    def item_node(self, list_path: tuple) -> dict:
        node = self.schema.node_at(list_path)
        return self.schema.object_branch(self.schema.child(node, 0) or {}) if node else {}

    def record_list(self, path: tuple) -> bool:
        """A list whose records can be made from a bullet: one required field, a short name."""
        item = self.item_node(path)
        props = item.get("properties") or {}
        required = item.get("required") or []
        return bool(props) and len(required) == 1 and "string" in figures.types_of(self.schema, props[required[0]])

    def section_record_list(self) -> tuple | None:
        section = self.ctx.section
        if not section or section[0] != "themes":
            return None
        lists = [e.path for e in self.vocab.under(section) if e.kind == "list"]
        return lists[0] if len(lists) == 1 and self.record_list(lists[0]) else None

    def record_from_bullet(self, list_path: tuple, block: Block) -> dict | None:
        item = self.item_node(list_path)
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
        if self.figure_table(block):
            return
        if self.record_table(block):
            return
        if max(len(r) for r in rows) == 1:  # a one-column table is a box around text
            for markup_row in block.rows:
                for cell in markup_row:
                    for paragraph in [c for c in cell.split("\n\n") if c.strip()]:
                        bullet = paragraph.startswith("- ")
                        for line in paragraph.split("\n") if bullet else [paragraph]:
                            text = line[2:] if bullet else line
                            plain = re.sub(r"\*\*|\[([^\]]*)\]\([^)]*\)", lambda m: m.group(1) or "", text)
                            self.text(Block("bullet" if bullet else "paragraph", text=text, plain=plain))
            return
        for row in block.plain_rows:
            for cell in row:
                self.figures_from(cell)
        self.keep(block, "table")

    def figure_labels(self, section: tuple) -> dict[str, tuple]:
        """Label -> path, the way the export labels figures ('Union officials: Number of officials')."""
        out: dict[str, tuple] = {}
        node = self.schema.node_at(section)

        def walk(node, path, prefix):
            for key, child in self.schema.object_branch(node).get("properties", {}).items():
                child = self.schema.resolve(child)
                if is_free_text(child):
                    continue
                title = child.get("title", key)
                branch = self.schema.object_branch(child)
                props = branch.get("properties") or {}
                if props and "percent" not in props and "not_available" not in props:
                    walk(child, path + (key,), f"{prefix}{title}: ")
                else:
                    for phrase in {f"{prefix}{title}", *(f"{prefix}{p}" for p in extra_phrases(path + (key,)))}:
                        out[figures_normal(phrase)] = path + (key,)

        walk(node, section, "")
        return out

    def figure_table(self, block: Block) -> bool:
        rows = block.plain_rows
        if not rows or any(len(r) != 2 for r in rows):
            return False
        sections = [self.ctx.section] if self.ctx.section and self.ctx.section[0] == "disclosures" and len(self.ctx.section) == 2 else []
        sections += [("disclosures", key) for key, _ in self.schema.disclosures() if ("disclosures", key) not in sections]
        header = tuple(figures_normal(c) for c in rows[0])
        body = rows[1:] if header in synonyms.FIGURE_TABLE_HEADERS else rows
        # the section whose labels fit the most rows
        best, best_hits = None, 0
        for section in sections:
            labels = self.figure_labels(section)
            hits = sum(1 for label, _ in body if figures_normal(label) in labels)
            if hits > best_hits:
                best, best_hits = section, hits
        if best is None or (header not in synonyms.FIGURE_TABLE_HEADERS and best_hits < max(1, len(body) // 2)):
            return False
        labels = self.figure_labels(best)
        self.log_mapped.append(f"figures table under '{self.breadcrumb()}' -> {self.label(best)}")
        number = self.number
        for index, (label, shown) in enumerate(body, start=1):
            path = labels.get(figures_normal(label))
            source = f"{self.breadcrumb()}, table {number} row {index + (len(rows) - len(body))}"
            if path is None:
                self.figures_from(f"{label}: {shown}", best)
                self.unmapped.append({"source": source, "text": f"{label}: {shown}"})
                continue
            try:
                value = figures.value(self.schema, self.schema.node_at(path), shown)
            except figures.Unparsed:
                self.unmapped.append({"source": source, "text": f"{label}: {shown}"})
                continue
            if value is not None:
                self.table_figures.append((path, value, source))
        return True

    def record_table(self, block: Block) -> bool:
        rows = [r for r in block.plain_rows if any(c.strip() for c in r)]
        if len(rows) < 1:
            return False
        header = [figures_normal(c) for c in block.plain_rows[0]]
        candidates = []
        if self.ctx.target and self.ctx.target in [e.path for e in self.vocab.entries if e.kind == "list"]:
            candidates.append(self.ctx.target)
        if self.ctx.section:
            candidates += [e.path for e in self.vocab.under(self.ctx.section) if e.kind == "list" and e.path not in candidates]
        if not candidates:
            candidates = [e.path for e in self.vocab.entries if e.kind == "list"]
        best, best_columns, best_score = None, None, 0
        for path in candidates:
            props = self.item_props(path)
            if not props:
                continue
            columns = {}
            for index, cell in enumerate(header):
                for key, node in props.items():
                    names = {figures_normal(node.get("title", key)), *(figures_normal(p) for p in extra_phrases(path + ("[]", key)))}
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
        if len(same) > 1 and best[:-1] != self.ctx.section and best != self.ctx.target:
            return False
        props = self.item_props(best)
        required = self.item_node(best).get("required") or []
        number = self.number
        kept = 0
        titles = block.plain_rows[0]
        for r, (plain_row, markup_row) in enumerate(zip(block.plain_rows[1:], block.rows[1:]), start=2):
            if not any(c.strip() for c in plain_row):
                continue
            record, problems = {}, []
            for index, key in best_columns.items():
                if index >= len(plain_row) or not plain_row[index].strip():
                    continue
                try:
                    record[key] = self.cell_value(props[key], plain_row[index], markup_row[index])
                except figures.Unparsed:
                    problems.append(index)
            extra = [i for i in range(len(plain_row)) if i not in best_columns and plain_row[i].strip()]
            source = f"{self.breadcrumb()}, table {number} row {r}"
            if not all(k in record for k in required):
                text = "; ".join(f"{titles[i] if i < len(titles) else i + 1}: {plain_row[i]}" for i in range(len(plain_row)) if plain_row[i].strip())
                self.unmapped.append({"source": source, "text": text})
                continue
            ordered = {key: record[key] for key in props if key in record}
            self.lists.setdefault(best, []).append(ordered)
            kept += 1
            for i in problems + extra:
                column = titles[i] if i < len(titles) else str(i + 1)
                self.unmapped.append({"source": f"{source}, column '{column}'", "text": markup_row[i]})
        self.log_mapped.append(f"table under '{self.breadcrumb()}' ({kept} rows) -> {self.label(best)}")
        return True

    def cell_value(self, node: dict, plain: str, markup: str) -> Any:
        if is_free_text(node):
            return markup
        if "items" in node:
            item = self.schema.object_branch(self.schema.resolve(node["items"]))
            return [self.part_record(item, part) for part in re.split(r"\s*;\s+", plain) if part.strip()]
        return figures.value(self.schema, node, plain)

    def part_record(self, item: dict, text: str) -> dict:
        """'£310,000, achieved, 2024/25, 2022/23' -> a saving: each part to the first field it fits."""
        props = {k: self.schema.resolve(v) for k, v in item.get("properties", {}).items()}
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

    # -- the council -------------------------------------------------------------------
    def fill_council(self, data: dict) -> None:
        council = data.setdefault("council", {})
        found = None
        if council.get("name") and self.register is not None:
            try:
                found = self.register.resolve(council["name"])
            except LookupError:
                found = None
        if not council.get("name"):
            plan = data.get("plan") or {}
            for source, text in (("title", plan.get("title")), ("introduction", plan.get("introduction")), ("document properties", self.document.core_author)):
                found = self.find_council(text or "")
                if found:
                    council["name"] = found.name
                    self.council_source = source
                    break
        if found is not None:
            for key, value in (("type", found.type), ("gss_code", found.gss_code)):
                if council.get(key) is None:
                    council[key] = value
            self.log_notes.append(f"council: {found.name} ({found.gss_code}, {found.type}) from the register, named in the {self.council_source or 'document'}")
        elif council.get("name"):
            self.log_notes.append(f"council: '{council['name']}' is not in the register; add its type and GSS code")
        else:
            self.log_notes.append("council: no council named; fill in council.name, type and gss_code")

    def fill_period(self, data: dict) -> None:
        plan = data.get("plan") or {}
        if plan.get("period"):
            return
        node = self.schema.node_at(("plan", "period")) or {}
        pattern = (node.get("pattern") or "^$").strip("^$")
        for text in (plan.get("title"), self.document.core_title):
            match = re.search(pattern, text or "")
            if match:
                plan["period"] = match.group(0)
                return

    def find_council(self, text: str):
        """The first register council named in the text (longest name at the same place)."""
        if self.register is None or not text:
            return None
        from plantool.register import normalise as reg_normal

        haystack = f" {reg_normal(text)} "
        best = None
        for council in self.register.councils:
            for name in (council.name, *council.alt_names):
                needle = reg_normal(name)
                if len(needle.split()) < 2:
                    continue
                at = haystack.find(f" {needle} ")
                if at >= 0 and (best is None or at < best[0] or (at == best[0] and len(needle) > best[1])):
                    best = (at, len(needle), council)
        return best[2] if best else None


def figures_normal(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9%]+", " ", str(text).lower().replace("&", " and ")).split())


# -- the plan --------------------------------------------------------------------------


def set_in(data: dict, path: tuple, value: Any) -> None:
    for part in path[:-1]:
        if not isinstance(data.get(part), dict):
            data[part] = {}
        data = data[part]
    data[path[-1]] = value


def get_in(data: dict, path: tuple) -> Any:
    for part in path:
        if not isinstance(data, dict):
            return None
        data = data.get(part)
    return data


def skeleton(schema, node: dict, path: tuple, questions: set) -> Any:
    """Every field of an object, empty: text questions say TODO, everything else null."""
    node = schema.resolve(node)
    props = schema.object_branch(node).get("properties")
    if is_free_text(node):
        return PLACEHOLDER if path in questions else None
    if props and "items" not in node and "not_available" not in props and not ("percent" in props and "of" in props):
        return {key: skeleton(schema, child, path + (key,), questions) for key, child in props.items()}
    if "enum" in node and len(node["enum"]) == 1:
        return node["enum"][0]
    return None


def build(schema, mapper: Mapper) -> dict:
    """The plan as data, in schema order, with everything the document gave placed in it."""
    questions = {path for path, _ in schema.questions()}
    root = schema.resolve(schema.raw)
    data: dict[str, Any] = {}
    for key, node in root["properties"].items():
        node = schema.resolve(node)
        if key == UNMAPPED_KEY:
            continue
        if key == "plan":
            props = schema.object_branch(node)["properties"]
            keep = set(node.get("required") or []) | {synonyms.GENERAL_TEXT["plan"]}
            keep |= {path[1] for path in mapper.values if path[0] == "plan"}
            data[key] = {k: skeleton(schema, props[k], (key, k), questions) for k in props if k in keep}
            continue
        if key == "disclosures":
            data[key] = {}
            for section, section_node in schema.disclosures():
                data[key][section] = skeleton(schema, section_node, (key, section), questions)
            continue
        data[key] = skeleton(schema, node, (key,), questions)
    for path, value in mapper.values.items():
        set_in(data, path, value)
    for path, blocks in mapper.texts.items():
        set_in(data, path, join_markup(blocks))
    for path, records in mapper.lists.items():
        set_in(data, path, records)
    figures_placed = []
    for path, value, source in mapper.table_figures:
        set_in(data, path, value)
        figures_placed.append((path, value, source))
    for found in mapper.text_figures:
        if get_in(data, found.path) is None:
            set_in(data, found.path, found.value)
            figures_placed.append((found.path, found.value, f"text: \"{found.sentence}\""))
    mapper.figures_placed = figures_placed
    status = schema.node_at(("plan", "status")) or {}
    if "draft" in (status.get("enum") or []):
        data["plan"]["status"] = "draft"
    # optional sections that replace others (x-plantool-covers) only when the document filled them
    for section, section_node in schema.disclosures():
        if section_node.get("x-plantool-covers") and not any(p[:2] == ("disclosures", section) for p, _, _ in figures_placed) and ("disclosures", section) not in {p[:2] for p in mapper.texts}:
            del data["disclosures"][section]
    mapper.fill_council(data)
    mapper.fill_period(data)
    if mapper.unmapped:
        data[UNMAPPED_KEY] = list(mapper.unmapped)
    return data
