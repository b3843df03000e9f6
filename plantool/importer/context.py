"""Where the walk through a document is: the section, the field text goes to, the council's own section open.

Shared by the walk (`mapping`) and its heading steps (`heading_steps`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from plantool.importer.placed import OwnSection

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
