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


def _candidates(text: str):
    """(offset, words) of the answer's opening: its first line, and its first sentence when that is a question."""
    stripped = text.lstrip()
    offset = len(text) - len(stripped)
    first_line = stripped.split("\n", 1)[0]
    yield offset, _MARKUP.sub("", first_line)
    question_end = stripped.find("?")
    if 0 < question_end and "\n\n" not in stripped[:question_end]:
        yield offset, _MARKUP.sub("", stripped[: question_end + 1])


@lru_cache(maxsize=None)
def _wordings(*said: str) -> tuple[str, ...]:
    """The question and its title as compared (the schema's few wordings, normalised once)."""
    return tuple(simple_words(text) for text in said if isinstance(text, str))


def _close(a: str, b: str) -> bool:
    import difflib  # only for the few answers whose length is near the question's

    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    # The quick ratios are upper bounds of ratio(): most openings fail them at little cost.
    return matcher.real_quick_ratio() >= CLOSE and matcher.quick_ratio() >= CLOSE and matcher.ratio() >= CLOSE


def check(ctx):
    for question in ctx.questions:
        text = ctx.get(question.path)
        if not isinstance(text, str) or not text.strip():
            continue
        wordings = _wordings(question.node.get("x-plantool-question", ""), question.node.get("title", ""))
        for offset, opening in _candidates(text):
            words = simple_words(opening)
            if not words:
                continue
            match = next((w for w in wordings if w and abs(len(w) - len(words)) <= len(w) * (1 - CLOSE) * 2 and _close(w, words)), None)
            if match is None:
                continue
            alone = simple_words(text) == words
            yield Problem(
                question.path,
                f"{ctx.schema.label(question.path)}: "
                + ("the answer is only the question's own wording; write the answer instead" if alone
                   else f"the question's own wording ('{' '.join(opening.split())}') is left above the answer; delete it"),
                at=offset_place(text, offset),
            )
            break
