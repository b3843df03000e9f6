"""The plan is much longer than the suggested 3 to 4 pages.

The government asked for a short plan. Length is estimated from the words a
reader sees, at about 500 words to a page of the Word export: every word of
every text, table cell and figure, each counted once, where it is written.
Punctuation standing alone (a dash, "&", a bullet) is not a word, markup
(`**`, `[…](…)`, `- `) is not counted, and the file's own `schema_version`
is not part of the plan a reader sees.

PASS: a plan of 1,800 words (about 4 pages).

FAIL: a plan of 4,500 words (about 9 pages).
"""

from __future__ import annotations

import math

from plantool.plan import richtext
from plantool.plan.schema import is_free_text
from plantool.check.rules import Problem

ID = "plan-length"
SEVERITY = "warning"

WORDS_PER_PAGE = 500
SUGGESTED_PAGES = 4


NOT_SHOWN = {("schema_version",)}  # a fact about the file, never printed


def word_count(ctx) -> int:
    """Every word of the plan once: each text, table cell and figure where it is written."""
    texts: list[str] = []
    figures = 0
    for path, value, node in ctx.values:
        if path in NOT_SHOWN:
            continue
        if isinstance(value, str):
            texts.append(richtext.shown(value) if is_free_text(node) else value)
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            figures += 1
    return richtext.words("\n".join(texts)) + figures  # one count over all the text: far quicker than one per field


def _at_most(ctx) -> int:
    """A bound on word_count, cheap to work out: taking markup away never adds a word (a property test holds it)."""
    figures = sum(1 for _, value, _ in ctx.values if type(value) in (int, float))  # not bool, a subclass of int
    return richtext.words(ctx.all_text) + figures


def check(ctx):
    if _at_most(ctx) <= SUGGESTED_PAGES * WORDS_PER_PAGE:
        return  # most plans: within the pages, without taking any text's markup apart
    words = word_count(ctx)
    pages = math.ceil(words / WORDS_PER_PAGE)
    if pages > SUGGESTED_PAGES:
        yield Problem(
            ("themes",) if "themes" in ctx.data else (),
            f"The plan: about {words:,} words, roughly {pages} pages, "
            f"beyond the suggested {SUGGESTED_PAGES}; consider moving detail to linked documents",
        )
