"""The published plan, format-neutral: what it says, in the order it says it.

`publish.build` makes one from plan data and the schema; each writer (Word
today, HTML next) turns it into a file and decides only how things look. So
every output says the same words in the same order, and a consumer that needs
numbers (the year-on-year diff) finds the plan's raw values beside the words.

Everything is frozen and made of tuples, so writers share one model and two
models compare with ==. Only `Cell.value` and `Fact.value` hold the plan's own
data (numbers, dicts, lists), which no writer may change. Wording comes from
the schema or `labels`; figures are written the British way in `Cell.blocks`
and kept raw in `Cell.value`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator

from plantool.plan.richtext import Span

Inline = tuple[Span, ...]  # plain, bold, italic or linked runs of text

BODY = "body"  # a paragraph of the plan's own text
NOTE = "note"  # a remark about the plan, such as "Not answered yet."; writers set it apart (italics)


@dataclass(frozen=True)
class Paragraph:
    spans: Inline
    role: str = BODY


@dataclass(frozen=True)
class BulletList:
    items: tuple[Inline, ...]  # one per bullet


@dataclass(frozen=True)
class Column:
    """A table column. `unit` lets a writer align figures: the schema's
    x-plantool-unit ("pounds", "percent", "count", "year"), "share" for a
    percentage of a base, "number" for a plain number, None for words."""

    key: str  # the schema key of the field ("status"); "figure"/"value" in a figures table
    title: str
    unit: str | None = None


@dataclass(frozen=True)
class Cell:
    """What a cell shows (paragraphs and bullets), and the plan's value behind it.

    A figure's cell holds one paragraph with one span, even when it shows
    nothing, so every writer draws the same empty cell.
    """

    blocks: tuple[Paragraph | BulletList, ...]
    value: Any = None  # the raw value from the plan: 1.5, {"percent": 9.26, "of": "pay_bill"}, {"not_available": …}
    unit: str | None = None  # as Column.unit, for this cell (figures tables mix units in one column)

    @property
    def text(self) -> str:
        """The words shown, without markup (bullets joined by spaces)."""
        return " ".join(_plain(block) for block in self.blocks)


@dataclass(frozen=True)
class Row:
    cells: tuple[Cell, ...]  # one per column
    path: tuple = ()  # data path of the record or figure: ("disclosures", "agency_staff", "share")


RECORDS = "records"  # one row per item of a list (initiatives, measures, barriers)
FIGURES = "figures"  # a disclosure's figures: Figure | Value


@dataclass(frozen=True)
class Table:
    caption: str  # the schema's title: also the table's alternative text
    description: str
    columns: tuple[Column, ...]  # only the columns some row fills
    rows: tuple[Row, ...]
    kind: str = RECORDS


Block = Paragraph | BulletList | Table


@dataclass(frozen=True)
class Fact:
    """One fact of the title block, in two forms.

    `label` and `spans` are a term and its description (an HTML <dl>);
    `sentence` is the same fact as running text ("Approved by Cabinet on
    11 July 2024."). Short facts (period, status) may share one line.
    """

    key: str  # stable: period, status, approval, publication, contact, cost
    label: str
    spans: Inline
    sentence: Inline
    value: Any = None  # the plan's raw value ("2025/26", "approved", {"body": …, "date": …}, 12500)
    short: bool = False


@dataclass(frozen=True)
class ContentsEntry:
    anchor: str
    title: str
    level: int


@dataclass(frozen=True)
class Contents:
    title: str
    depth: int  # heading levels listed: 1 lists the themes only
    entries: tuple[ContentsEntry, ...]  # in document order


@dataclass(frozen=True)
class Section:
    """A heading and what follows it, up to the next heading of its level or above.

    `anchor` is stable across plans and years: it is made from the schema keys
    (`transformation`, `transformation-future-plans`, `disclosures-agency-staff`),
    never from the title, so links and comparisons survive rewording.
    """

    anchor: str
    title: str
    level: int  # 1 for themes, the introduction and the disclosures
    blocks: tuple[Block, ...] = ()  # what comes before the first subsection
    sections: tuple[Section, ...] = ()
    path: tuple = ()  # the data path it shows: ("themes", "transformation", "future_plans")

    def walk(self) -> Iterator[Section]:
        """This section and every section inside it, in document order."""
        yield self
        for section in self.sections:
            yield from section.walk()


@dataclass(frozen=True)
class Metadata:
    """What a file's properties say: shown by websites, search and screen readers first."""

    title: str
    subject: str
    author: str
    keywords: tuple[str, ...]  # none empty
    language: str
    period: str | None = None


@dataclass(frozen=True)
class PublishedPlan:
    """A whole plan as published: the title block, the contents, the sections, the file's properties."""

    title: str
    subtitle: str | None  # the council's name
    facts: tuple[Fact, ...]  # in reading order
    contents: Contents
    sections: tuple[Section, ...]  # introduction, themes in schema order, disclosures
    metadata: Metadata
    draft_banner: str | None = None  # the draft mark on every page; None in a final document

    def walk(self) -> Iterator[Section]:
        """Every section, nested ones included, in document order."""
        for section in self.sections:
            yield from section.walk()


def _plain(block) -> str:
    if isinstance(block, Paragraph):
        return "".join(span.text for span in block.spans)
    if isinstance(block, BulletList):
        return " ".join("".join(span.text for span in item) for item in block.items)
    return ""
