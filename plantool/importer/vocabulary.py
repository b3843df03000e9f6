"""The words a Word plan may use for each part of the plan: the schema's titles plus `synonyms.SYNONYMS`.

No heading is spelt out here. Each entry says where a heading leads (a theme,
a prompt, a list, a title-block fact) and every phrase that names it, compared
after `normalise`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from plantool.importer import synonyms
from plantool.publish.build import THEME_OWN_HEADING
from plantool.publish.labels import TITLE_WITH_OWN_HEADING
from plantool.plan.schema import dotted, is_free_text
from plantool.words import simple_words

_NUMBERING = re.compile(
    r"^\s*(?:(?:thematic\s+area|theme|section|part|chapter|appendix|annex|question|area)\s*)?"
    r"(?:\d+(?:\.\d+)*|[ivxlc]+|[a-h])\s*[.:)\-–—]+\s*"
    r"|^\s*(?:thematic\s+area|theme|section|part|chapter|question)\s+\d+\s+"
    r"|^\s*\d+(?:\.\d+)*\s+",
    re.IGNORECASE,
)


def normalise(text: str) -> str:
    """A heading as compared: numbering ('1.', 'Thematic Area 2:') removed, then plantool.words.simple_words."""
    text = str(text).replace("&", " and ").replace("’", "'")
    previous = None
    while previous != text:  # "Appendix 3: 1. Transformation"
        previous = text
        text = _NUMBERING.sub("", text, count=1)
    return simple_words(text)


def label_words(text: str) -> str:
    """A table label or cell as compared: like a heading's words, but '%' is kept ('Percentage (%)')."""
    return simple_words(text, keep="%")


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


@lru_cache(maxsize=1024)
def extra_phrases(path: tuple) -> list[str]:
    """The synonyms listed for a schema path ('[]' stands for any item of a list); do not change the list returned."""
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
    node: dict = field(default_factory=dict)  # its schema node: description and question give its wording


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
            if key in synonyms.PLAN_SECTIONS:
                path = ("plan", key, *synonyms.PLAN_SECTIONS[key])
                self.add(path, "intro", None, schema.node_at(path) or node, title=node.get("title"))
            elif schema.object_branch(node).get("x-plantool-own-sections"):
                continue  # the council's own headings are kept by title, not matched as a field
            elif "items" in node:  # related documents, amendments: a section of their own, read as a list
                self.add(("plan", key), "list", None, node)
            elif schema.object_branch(node).get("properties"):
                self.add(("plan", key), "fact", ("plan",), node)
                for sub, child in schema.object_branch(node)["properties"].items():
                    self.add(("plan", key, sub), "fact", ("plan",), schema.resolve(child))
            else:
                self.add(("plan", key), "fact", ("plan",), node)
        for key, node in schema.themes():
            self.add(("themes", key), "theme", None, node)
            self.children(("themes", key), node)
        unmapped = raw["properties"].get("unmapped")
        if unmapped:  # a draft export prints what is not placed yet under this title; a re-import takes it back
            self.add(("unmapped",), "unmapped", None, schema.resolve(unmapped))
        topics = raw["properties"].get("topics")
        if topics:
            for key, node in schema.object_branch(schema.resolve(topics)).get("properties", {}).items():
                node = schema.resolve(node)  # the further topics read like themes: headed parts, texts and lists
                self.add(("topics", key), "topic", None, node)
                self.children(("topics", key), node)
        disclosures = raw["properties"].get("disclosures")
        if disclosures:
            self.add(("disclosures",), "disclosures", None, schema.resolve(disclosures))
            for key, node in schema.disclosures():
                self.add(("disclosures", key), "section", None, node)
                self.children(("disclosures", key), node)

    def add(self, path, kind, parent, node, title: str | None = None) -> Entry:
        title = title or node.get("title") or path[-1]
        phrases = {normalise(title), normalise(without_brackets(title)), *(normalise(p) for p in extra_phrases(path))}
        entry = Entry(path, kind, parent, title, {p for p in phrases if p}, node)
        self.entries.append(entry)
        return entry

    def children(self, path, node) -> None:
        for key, child in self.schema.object_branch(node).get("properties", {}).items():
            child = self.schema.resolve(child)
            if child.get("x-plantool-own-sections") or key == synonyms.OWN_HEADING_KEY:
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

    def lists(self) -> list[tuple]:
        return [e.path for e in self.entries if e.kind == "list"]

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
        if not best:
            return None
        return best[0], self.written_date(best[0], best[1])

    def own_heading(self, entry: Entry, text: str) -> tuple[tuple, str] | None:
        """(field, words) for the council's own heading a theme's heading carries beside its title, as the export prints it."""
        if THEME_OWN_HEADING not in (self.schema.object_branch(self.schema.node_at(entry.path) or {}).get("properties") or {}):
            return None
        pattern = re.escape(TITLE_WITH_OWN_HEADING).replace(re.escape("{title}"), re.escape(entry.title), 1)
        found = re.fullmatch(pattern.replace(re.escape("{heading}"), "(?P<heading>.+)"), " ".join(text.split()), re.IGNORECASE)
        return (entry.path + (THEME_OWN_HEADING,), found.group("heading").strip()) if found else None

    def written_date(self, entry: Entry, value: str) -> str:
        """A date field's value as the schema writes it: '19 July 2024' -> '2024-07-19' (the export prints dates in words)."""
        from plantool.importer.figures import iso_date

        pattern = (self.schema.node_at(entry.path) or {}).get("pattern")
        iso = iso_date(value) if pattern and not re.match(pattern, value.rstrip(".")) else None
        return iso if iso and re.match(pattern, iso) else value
