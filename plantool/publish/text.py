"""A plan's free text as the published plan's paragraphs, bullet lists and runs.

Links are kept only to web and email addresses (`check` reports the rest as
link-scheme); a refused link keeps its words.
"""

from __future__ import annotations

from typing import Any

from plantool.check.rules.link_scheme import allowed as link_allowed
from plantool.plan import richtext
from plantool.publish.model import NOTE, BulletList, Paragraph, Span
from plantool.publish import labels


def inline(spans) -> tuple[Span, ...]:
    """Free-text spans as published: links only to web and email addresses."""
    out = []
    for span in spans:
        if span.url is not None and link_allowed(span.url):
            out.append(Span(span.text, span.bold, span.url.strip(), span.italic))
        else:  # a refused scheme keeps its words only
            out.append(Span(span.text, span.bold, None, span.italic))
    return tuple(out)


def text_blocks(value: Any) -> tuple:
    """Free text as paragraphs and bullet lists."""
    out = []
    for block in richtext.blocks(str(value)):
        if block.kind == "bullets":
            out.append(BulletList(tuple(inline(item) for item in block.items)))
        else:
            out.extend(Paragraph(inline(item)) for item in block.items)
    return tuple(out)


def text_inline(value: Any) -> tuple[Span, ...]:
    """Free text run together on one line (a note in the title block): paragraphs joined by a space, bullets by '; '."""
    out: list[Span] = []
    for block in text_blocks(value):
        bullets = isinstance(block, BulletList)
        for index, item in enumerate(block.items if bullets else (block.spans,)):
            if out:
                out.append(Span(labels.LIST_SEPARATOR if bullets and index else " "))
            out.extend(item)
    return tuple(out)


def not_answered() -> Paragraph:
    """The note a draft shows where a question has no answer yet."""
    return Paragraph((Span(labels.NOT_ANSWERED),), NOTE)
