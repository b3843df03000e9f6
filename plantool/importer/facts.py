"""The title block's facts: 'Period: 2025/26 · Status: Approved', 'Approved by Cabinet on 9 July 2025.', the contact.

Also the facts a document states only in passing, filled in once the plan is
assembled: the council (from the register, named in the title, introduction
or document properties) and the period (from the title).
"""

from __future__ import annotations

import re

from plantool.importer import figures
from plantool.importer.placed import Placed
from plantool.importer.read_docx import Block, WordDocument
from plantool.importer.vocabulary import Entry, Vocabulary


class TitleBlock:
    """Reads the lines before the first heading that state a fact, into `placed.values`."""

    def __init__(self, schema, vocab: Vocabulary, placed: Placed):
        self.schema, self.vocab, self.placed = schema, vocab, placed

    def read(self, block: Block) -> bool:
        """True when every part of the line was placed (then it is not introduction text)."""
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

    def _mapped(self, block: Block, path: tuple) -> bool:
        self.placed.mapped.append(f"'{block.plain}' -> {self.schema.label(path)}")
        return True

    def fact(self, entry: Entry, value: str, block: Block) -> bool:
        schema, values = self.schema, self.placed.values
        path = entry.path
        node = schema.node_at(path) or {}
        if not value:
            return False
        if path == ("plan", "status"):
            self.placed.status_seen = value
            return True
        if path[:2] == ("plan", "approval") and len(path) == 3 and "date" in (schema.object_branch(schema.node_at(path[:2])).get("properties") or {}):
            match = re.match(r"(?P<body>.+?)\s+on\s+(?P<date>\d.*?)\.?$", value)
            if match and figures.iso_date(match.group("date")):
                values[path] = match.group("body").strip()
                values[path[:2] + ("date",)] = figures.iso_date(match.group("date"))
                return self._mapped(block, path[:2])
        if schema.object_branch(node).get("properties"):  # contact: name, role – email
            return self.contact(path, value, block)
        if "pattern" in node and path != ("plan", "publication_url"):
            if not re.match(node["pattern"], value.rstrip(".")):
                return False
        if path == ("plan", "publication_url") or (node.get("pattern") or "").startswith("^https?"):
            url = next((u for _, u in block.links if re.match(r"https?://", u or "")), None)
            url = url or (re.search(r"https?://\S+", value).group(0) if re.search(r"https?://\S+", value) else None)
            if not url:
                return False
            values[path] = url.rstrip(".")
            return self._mapped(block, path)
        try:
            parsed = figures.value(schema, node, value.rstrip(".") if node.get("x-plantool-unit") else value)
        except figures.Unparsed:
            return False
        if isinstance(parsed, str):
            parsed = parsed.rstrip(".") if node.get("pattern") else parsed
        values[path] = parsed
        return self._mapped(block, path)

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
            self.placed.values[path + (key,)] = part
        if email:
            mail_key = next((k for k, n in props.items() if "@" in (self.schema.resolve(n).get("pattern") or "")), None)
            if mail_key:
                self.placed.values[path + (mail_key,)] = email
        self._mapped(block, path)
        return bool(parts or email)


def fill_council(data: dict, register, document: WordDocument, source: str) -> str:
    """Complete `data['council']` from the register; the note says what was found and where.

    `source` says where the walk found the council's name, if it did (the subtitle).
    """
    council = data.setdefault("council", {})
    found = None
    if council.get("name") and register is not None:
        try:
            found = register.resolve(council["name"])
        except LookupError:
            found = None
    if not council.get("name") and register is not None:
        plan = data.get("plan") or {}
        for where, text in (("title", plan.get("title")), ("introduction", plan.get("introduction")), ("document properties", document.core_author)):
            found = register.named_in(text or "")
            if found:
                council["name"] = found.name
                source = where
                break
    if found is not None:
        for key, value in (("type", found.type), ("gss_code", found.gss_code)):
            if council.get(key) is None:
                council[key] = value
        return f"council: {found.name} ({found.gss_code}, {found.type}) from the register, named in the {source or 'document'}"
    if council.get("name"):
        return f"council: '{council['name']}' is not in the register; add its type and GSS code"
    return "council: no council named; fill in council.name, type and gss_code"


def fill_period(schema, data: dict, document: WordDocument) -> None:
    """The period from the title (or the document's title property) when no title-block line gave it."""
    plan = data.get("plan") or {}
    if plan.get("period"):
        return
    node = schema.node_at(("plan", "period")) or {}
    pattern = (node.get("pattern") or "^$").strip("^$")
    for text in (plan.get("title"), document.core_title):
        match = re.search(pattern, text or "")
        if match:
            plan["period"] = match.group(0)
            return
