"""What the walk over a document has placed so far, and where; assembly turns it into the plan."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class OwnSection:
    """A heading of the council's own inside a theme or topic, with what is under it (the schema's own_section)."""

    title: str
    blocks: list = field(default_factory=list)  # its text, as blocks
    initiatives: list = field(default_factory=list)
    measures: list = field(default_factory=list)
    sections: list = field(default_factory=list)  # one level of sub-sections (OwnSection, with no sections)


@dataclass
class Placed:
    values: dict[tuple, Any] = field(default_factory=dict)  # title-block facts and other single values
    texts: dict[tuple, list] = field(default_factory=dict)  # free-text field -> its blocks, in order
    lists: dict[tuple, list] = field(default_factory=dict)  # list field -> its records
    own: dict[tuple, list] = field(default_factory=dict)  # the path of a `sections` list -> its OwnSections
    table_figures: list[tuple[tuple, Any, str]] = field(default_factory=list)  # (path, value, source)
    text_figures: list = field(default_factory=list)  # figures.Found, stated in sentences
    unmapped: list[dict] = field(default_factory=list)  # {"source": where, "text": what}
    mapped: list[str] = field(default_factory=list)  # "heading 'X' -> Theme › Prompt (score 100)", in document order
    status_seen: str | None = None  # the status the document states; the import is always a draft

    def keep_unplaced(self, source: str, text: str) -> None:
        self.unmapped.append({"source": source, "text": text})
