"""A Comparison laid out as a document: sections, paragraphs and tables of the published-plan model.

The same model the Word export draws, so the report's structure is decided
once here and each writer (text, Markdown) only decides how it looks. Headings
for the plan's parts come from the schema (via Comparison.titles), the rest
from diff/labels.py. No data path is ever shown: items are named by their
words, places by the schema's titles.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from plantool.diff import labels
from plantool.diff.compare import same_council
from plantool.diff.matching import MATCH_THRESHOLD, Unmatched
from plantool.diff.model import (
    ANSWER_CHANGED,
    CHANGED,
    FORWARD,
    NEWLY_ANSWERED,
    BACK,
    SAME,
    UNCHANGED,
    Comparison,
    FigureChange,
    Initiative,
    SavingsLine,
)
from plantool.publish import formatting
from plantool.publish.model import NOTE, BulletList, Cell, Column, Paragraph, Row, Section, Span, Table

REVIEW = "review"  # a cell value: writers may highlight a review mark left in the plan


def paragraph(text: str, role: str | None = None) -> Paragraph:
    return Paragraph((Span(text),), role) if role else Paragraph((Span(text),))


def cell(text: str, value=None, unit: str | None = None) -> Cell:
    return Cell((paragraph(text),), value, unit)


def table(caption: str, columns: list[tuple[str, str, str | None]], rows: list[list[Cell]]) -> Table:
    return Table(caption, "", tuple(Column(key, title, unit) for key, title, unit in columns), tuple(Row(tuple(r)) for r in rows))


def plan_of(period: str) -> str:
    return labels.PLAN_OF.format(period=period)


def build(comparison: Comparison, *, review_lines: bool = False) -> Section:
    """The whole report as one level-1 section. review_lines lists each review mark's line (for the officer's terminal)."""
    c = comparison
    last, this = c.last.period or labels.UNKNOWN_PERIOD, c.this.period or labels.UNKNOWN_PERIOD
    council = c.this.council or c.last.council or labels.NO_COUNCIL
    if not same_council(c.last, c.this):  # compared with --force: the one test diff refuses by
        council = labels.TWO_COUNCILS.format(last=c.last.council, this=c.this.council)
    title = labels.TITLE.format(council=council, last=last, this=this)
    compared = labels.COMPARED.format(
        last=last, this=this, last_file=Path(c.last.file).name, this_file=Path(c.this.file).name,
        last_status=c.last.status or "", this_status=c.this.status or "",
    )
    blocks = [paragraph(compared)] + [paragraph(labels.WARNING.format(message=w), NOTE) for w in c.warnings]
    sections = (
        summary(c, last, this),
        initiatives(c, last, this),
        disclosures(c, last, this),
        barriers(c, last, this),
        answers(c, this, review_lines),
    )
    return Section("progress", title, 1, tuple(blocks), sections)


# -- summary ---------------------------------------------------------------------------


def summary(c: Comparison, last: str, this: str) -> Section:
    moves = [m.move for m in c.initiatives.moves]
    lines = []
    if moves or c.initiatives.new or c.initiatives.dropped:
        done = sum(1 for m in c.initiatives.moves if m.move == FORWARD and m.match.this.status == "done")
        lines.append(labels.SUMMARY_MOVES.format(
            forward=moves.count(FORWARD), done=done, back=moves.count(BACK), same=moves.count(SAME),
            new=len(c.initiatives.new), dropped=len(c.initiatives.dropped),
        ))
    else:
        lines.append(labels.SUMMARY_NO_INITIATIVES)
    total = c.initiatives.savings_total
    if c.initiatives.savings:
        lines.append(labels.SUMMARY_SAVINGS.format(planned=formatting.money(total.planned_last), achieved=formatting.money(total.achieved_this), last=last, this=this))
    states = [f.state for d in c.disclosures for f in d.figures]
    if states:
        lines.append(labels.SUMMARY_FIGURES.format(changed=states.count(CHANGED), unchanged=states.count(UNCHANGED), other=len(states) - states.count(CHANGED) - states.count(UNCHANGED)))
    b = c.barriers
    lines.append(labels.SUMMARY_BARRIERS.format(added=len(b.added), removed=len(b.removed), still=len(b.still_present)))
    kinds = [a.state for a in c.answers]
    lines.append(labels.SUMMARY_ANSWERS.format(
        changed=kinds.count(ANSWER_CHANGED), new=kinds.count(NEWLY_ANSWERED),
        carried=sum(1 for a in c.answers if a.carried_over), marks=len(c.review_marks),
    ))
    return Section("summary", labels.SUMMARY, 2, (BulletList(tuple((Span(line),) for line in lines)),))


# -- initiatives -----------------------------------------------------------------------


def where(item: Initiative) -> str:
    return f"{item.group_title} › {item.section}" if item.section else item.group_title


def closest(unmatched: Unmatched) -> str:
    if unmatched.nearest is None:
        return labels.NONE_CLOSE
    return labels.NEAR_MISS.format(name=unmatched.nearest.title, score=_score(unmatched.score), threshold=_score(MATCH_THRESHOLD))


def _score(score: float) -> str:
    return formatting.number(score)


def initiatives(c: Comparison, last: str, this: str) -> Section:
    d, t = c.initiatives, c.titles
    if not (d.moves or d.new or d.dropped):
        return Section("initiatives", t.initiatives, 2, (paragraph(labels.NO_INITIATIVES),))
    parts = []
    if d.moves:
        rows = []
        for m in d.moves:
            now, before = m.match.this, m.match.last
            name = labels.RENAMED.format(name=now.title, old=before.title, score=_score(m.match.score)) if m.renamed else now.title
            rows.append([cell(name), cell(where(now)), cell(before.status_text, before.status), cell(now.status_text, now.status), cell(labels.MOVED[m.move], m.move)])
        columns = [("initiative", t.initiative, None), ("where", labels.WHERE, None), ("last", plan_of(last), None), ("this", plan_of(this), None), ("progress", labels.PROGRESS, None)]
        parts.append(Section("status-moves", labels.STATUS_MOVES, 3, (table(labels.STATUS_MOVES, columns, rows),)))
    parts.append(unmatched_section("new-initiatives", labels.NEW_INITIATIVES, labels.NO_NEW, d.new, t.initiative, this, last))
    parts.append(unmatched_section("dropped-initiatives", labels.DROPPED_INITIATIVES, labels.NO_DROPPED, d.dropped, t.initiative, last, this))
    parts.append(savings(c, last, this))
    note = paragraph(labels.MATCHING_NOTE.format(threshold=_score(MATCH_THRESHOLD)))
    return Section("initiatives", t.initiatives, 2, (note,), tuple(parts))


def unmatched_section(anchor: str, title: str, none: str, items: tuple[Unmatched, ...], initiative: str, own: str, other: str) -> Section:
    if not items:
        return Section(anchor, title, 3, (paragraph(none),))
    columns = [("initiative", initiative, None), ("where", labels.WHERE, None), ("status", plan_of(own), None), ("closest", labels.CLOSEST.format(period=other), None)]
    rows = [[cell(u.item.title), cell(where(u.item)), cell(u.item.status_text, u.item.status), cell(closest(u), u.score)] for u in items]
    return Section(anchor, title, 3, (table(title, columns, rows),))


def savings(c: Comparison, last: str, this: str) -> Section:
    d, t = c.initiatives, c.titles
    if not d.savings:
        return Section("savings", t.savings, 3, (paragraph(labels.NO_SAVINGS),))
    amounts = [
        ("planned_last", labels.PLANNED_LAST.format(period=last), "pounds"),
        ("achieved_this", labels.ACHIEVED_THIS.format(period=this), "pounds"),
        ("planned_this", labels.PLANNED_THIS.format(period=this), "pounds"),
    ]

    def row(line: SavingsLine) -> list[Cell]:
        return [cell(line.label)] + [cell(formatting.money(getattr(line, key)), getattr(line, key), "pounds") for key, _, _ in amounts]

    by_initiative = table(labels.SAVINGS_BY_INITIATIVE, [("initiative", t.initiative, None)] + amounts, [row(line) for line in (*d.savings, d.savings_total)])
    by_type = table(labels.SAVINGS_BY_TYPE, [("type", labels.TYPE, None)] + amounts,
                    [row(replace(line, label=line.label[:1].upper() + line.label[1:])) for line in d.savings_by_type])
    note = paragraph(labels.SAVINGS_NOTE.format(last=last))
    return Section("savings", t.savings, 3, (by_initiative, by_type, note))


# -- disclosures -----------------------------------------------------------------------


def change_words(figure: FigureChange) -> str:
    if figure.state == CHANGED and figure.change_text:
        return figure.change_text
    return labels.FIGURE_STATE[figure.state]


def disclosures(c: Comparison, last: str, this: str) -> Section:
    if not c.disclosures:
        return Section("disclosures", c.titles.disclosures, 2, (paragraph(labels.NO_DISCLOSURES),))
    columns = [("figure", labels.FIGURE, None), ("last", plan_of(last), "figure"), ("this", plan_of(this), "figure"), ("change", labels.CHANGE, None)]
    parts = []
    for d in c.disclosures:
        rows = [
            [cell(f.label), cell(f.last_text or labels.ABSENT, f.last, f.unit), cell(f.this_text or labels.ABSENT, f.this, f.unit), cell(change_words(f), f.state)]
            for f in d.figures
        ]
        blocks = ([paragraph(d.note, NOTE)] if d.note else []) + [table(d.title, columns, rows)]
        parts.append(Section(f"disclosures-{d.key.replace('_', '-')}", d.title, 3, tuple(blocks)))
    return Section("disclosures", c.titles.disclosures, 2, (), tuple(parts))


# -- barriers --------------------------------------------------------------------------


def barriers(c: Comparison, last: str, this: str) -> Section:
    b, t = c.barriers, c.titles
    rows = []
    for m in b.still_present:
        note = labels.BARRIER_RENAMED.format(old=m.last.words, score=_score(m.score)) if m.last.words != m.this.words else ""
        rows.append([cell(m.this.words), cell(labels.BARRIER_CHANGE["still_present"], "still_present"), cell(note)])
    for u in b.added:
        rows.append([cell(u.item.words), cell(labels.BARRIER_CHANGE["added"], "added"), cell(_near(u, last))])
    for u in b.removed:
        rows.append([cell(u.item.words), cell(labels.BARRIER_CHANGE["removed"], "removed"), cell(_near(u, this))])
    if not rows:
        return Section("barriers", t.barriers, 2, (paragraph(labels.NO_BARRIERS),))
    columns = [("barrier", t.barrier, None), ("change", labels.CHANGE, None), ("note", labels.NOTE, None)]
    return Section("barriers", t.barriers, 2, (table(t.barriers, columns, rows),))


def _near(u: Unmatched, period: str) -> str:
    if u.nearest is None:
        return ""
    return labels.CLOSEST.format(period=period) + ": " + labels.NEAR_MISS.format(name=u.nearest.words, score=_score(u.score), threshold=_score(MATCH_THRESHOLD))


# -- answers ---------------------------------------------------------------------------


def answers(c: Comparison, this: str, review_lines: bool) -> Section:
    rows = []
    for a in c.answers:
        carried = labels.SAME_FIGURE if a.figure else labels.CARRIED_OVER
        notes = ([carried] if a.carried_over else []) + ([labels.REVIEW_LEFT] if a.review_mark else [])
        rows.append([cell(a.label), cell(labels.ANSWER_STATE[a.state], a.state), cell("; ".join(notes), REVIEW if a.review_mark else None)])
    columns = [("question", labels.QUESTION, None), ("this", plan_of(this), None), ("note", labels.NOTE, None)]
    blocks: list = [table(labels.ANSWERS, columns, rows)]
    if review_lines and c.review_marks:
        blocks.append(paragraph(labels.REVIEW_MARKS.format(period=this)))
        blocks.append(BulletList(tuple((Span(labels.REVIEW_MARK_AT.format(line=m.line, label=m.label or "")),) for m in c.review_marks)))
    return Section("answers", labels.ANSWERS, 2, tuple(blocks))
