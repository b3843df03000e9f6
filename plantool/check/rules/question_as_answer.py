"""The question's own wording copied in as the answer, or left above it.

Authors often paste the question (or its title from the schema) into the
answer box as a reminder and forget to take it out; or the question is all the
box holds. The first line of the answer, and its first sentence when that ends
in "?", are compared with the question and with its title: close to either
(most of the same words in the same order, as difflib scores it), and it is
reported. A lead-in such as "**Staff networks:** two networks meet …" is an
answer, not the question, and is never reported.

PASS:
    themes:
      transformation:
        measuring_productivity: We compare our unit costs with similar councils every quarter.

FAIL:
    themes:
      transformation:
        measuring_productivity: How does the council measure its productivity? We compare unit costs.

    themes:
      transformation:
        measuring_productivity: How does the council measure its productivity?
"""

from __future__ import annotations

import re
from functools import lru_cache

from plantool.check.rules import Problem, offset_place
from plantool.words import simple_words

ID = "question-as-answer"
SEVERITY = "gap"

CLOSE = 0.9  # difflib's ratio: the same words, give or take a word or a typo

_MARKUP = re.compile(r"^\s*(?:[-*]\s+|#+\s*)?|\*\*|__")


def _openings(text: str):
    """(offset, opening) of the answer: its first line, and its first sentence when that is a question."""
    stripped = text.lstrip()
    offset = len(text) - len(stripped)
    yield offset, stripped.split("\n", 1)[0]
    question_end = stripped.find("?")
    if 0 < question_end and "\n\n" not in stripped[:question_end]:
        yield offset, stripped[: question_end + 1]


@lru_cache(maxsize=None)
def _wordings(*said: str) -> tuple[str, ...]:
    """The question and its title as compared (the schema's few wordings, normalised once)."""
    return tuple(simple_words(text) for text in said if isinstance(text, str) and text.strip())


def _near_in_length(wording: str, opening: str) -> bool:
    """Whether two texts are close enough in length for difflib's ratio to reach CLOSE (a cheap first test)."""
    return abs(len(wording) - len(opening)) <= len(wording) * (1 - CLOSE) * 2


def _close(a: str, b: str) -> bool:
    import difflib  # only for the few answers whose length is near the question's

    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    # The quick ratios are upper bounds of ratio(): most openings fail them at little cost.
    return matcher.real_quick_ratio() >= CLOSE and matcher.quick_ratio() >= CLOSE and matcher.ratio() >= CLOSE


def _echo(wordings: tuple[str, ...], opening: str) -> bool:
    """Whether an opening is the question, or its title, in other words than by chance."""
    if all(len(opening) > 1.5 * len(w) + 10 or len(opening) < 0.75 * len(w) for w in wordings):
        return False  # far from every wording in length, markup and punctuation allowed for
    words = simple_words(_MARKUP.sub("", opening))
    return bool(words) and any(_near_in_length(w, words) and _share_words(w, words) and _close(w, words) for w in wordings)


def _share_words(a: str, b: str) -> bool:
    """Most words in common: a cheap first test, before difflib compares letter by letter."""
    first, second = set(a.split()), set(b.split())
    return len(first & second) >= 0.6 * max(len(first), len(second))


def check(ctx):
    for question in ctx.questions:
        text = ctx.get(question.path)
        if not isinstance(text, str) or not text.strip():
            continue
        wordings = _wordings(question.node.get("x-plantool-question", ""), question.node.get("title", ""))
        for offset, opening in _openings(text):
            if not _echo(wordings, opening):
                continue
            alone = simple_words(_MARKUP.sub("", text)) == simple_words(_MARKUP.sub("", opening))
            shown = " ".join(opening.split())
            yield Problem(
                question.path,
                f"{ctx.schema.label(question.path)}: "
                + ("the answer is only the question's own wording; write the answer instead" if alone
                   else f"the question's own wording ('{shown}') is left above the answer; delete it"),
                at=offset_place(text, offset),
            )
            break
