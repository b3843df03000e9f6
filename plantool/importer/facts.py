"""The title block's facts: 'Period: 2025/26 · Status: Approved', 'Approved by Cabinet on 9 July 2025.', the contact.

Also the facts a document states only in passing, filled in once the plan is
assembled: the council (from the register, named in the title, introduction
or document properties) and the period (from the title).
"""

from __future__ import annotations

import re

from plantool.importer import figures
from plantool.importer.placed import Placed
from plantool.importer.blocks import Block, WordDocument
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


# -- facts stated in running text ------------------------------------------------------

_COST_WORDS = re.compile(r"\b(?:cost|costs|costing)\b", re.IGNORECASE)
_PRODUCING = re.compile(r"\b(?:produc\w*|prepar\w*|writ\w*|develop\w*|draft\w*)\b", re.IGNORECASE)
_DATE = r"\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+\s+\d{4}"
_APPROVED = re.compile(
    rf"\b(?:approved|agreed|endorsed|adopted|signed off)\s+by\s+(?:the\s+)?(?P<body>[A-Za-z][\w’'&\- ]*?)\s+(?:at its meeting\s+)?on\s+(?P<date>{_DATE})"
)
_SUBMITTED = re.compile(rf"\bsubmitted\b[^.]*?\bon\s+(?P<date>{_DATE})", re.IGNORECASE)
_PERIOD = re.compile(
    r"\b(?:this|the|our)\s+(?:productivity\s+)?plan\b[^.]{0,80}?\b(?P<start>20\d\d)\s*(?:/|-|–|to)\s*(?P<end>(?:20)?\d\d)\b",
    re.IGNORECASE,
)


def facts_in_text(schema, text: str) -> list[tuple[tuple, object, str]]:
    """Title-block facts a plan states in a sentence: (path, value, sentence), for example
    'Producing this plan has cost the council £2,500' -> (('plan', 'cost_of_producing'), 2500, …);
    'approved by the Council's Cabinet on 10 July 2024' -> the approval body and date;
    'submitted … on 19 July 2024' -> the date submitted; 'This plan covers 2024 to 2025' -> the period."""
    from plantool.money import IN_TEXT, amount

    found: list[tuple[tuple, object, str]] = []
    if not re.search(r"cost|approved|agreed|endorsed|adopted|signed off|submitted|plan", text, re.IGNORECASE):
        return found
    for sentence in figures.sentences(text):
        if _COST_WORDS.search(sentence) and _PRODUCING.search(sentence) and re.search(r"\bplan\b", sentence, re.IGNORECASE):
            money = IN_TEXT.search(sentence)
            value = amount(money.group(0)) if money else None
            if value is not None:
                found.append((("plan", "cost_of_producing"), value, sentence))
        approved = _APPROVED.search(sentence)
        if approved and figures.iso_date(approved.group("date")):
            body = re.sub(r"^(?:the\s+)?council[’']s\s+", "", approved.group("body").strip(), flags=re.IGNORECASE)
            found.append((("plan", "approval", "body"), body, sentence))
            found.append((("plan", "approval", "date"), figures.iso_date(approved.group("date")), sentence))
        submitted = _SUBMITTED.search(sentence)
        if submitted and figures.iso_date(submitted.group("date")) and schema.node_at(("plan", "submitted_on")):
            found.append((("plan", "submitted_on"), figures.iso_date(submitted.group("date")), sentence))
        period = _PERIOD.search(sentence)
        if period:
            start, end = int(period.group("start")), int(period.group("end")[-2:])
            if end == (start + 1) % 100:
                found.append((("plan", "period"), f"{start}/{end:02d}", sentence))
    return found
