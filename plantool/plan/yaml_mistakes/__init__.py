"""The YAML mistakes officers make, explained in plain English where they made them.

The parser reports where it noticed a problem, which is often not where the
author went wrong: an unclosed quote is noticed at the next quote, ten lines on.
Each recogniser (spaces.py, quotes.py, layout.py) reads the parser's error and the lines around it, finds
the place the author went wrong, and makes the repair the explanation will
suggest. It claims the mistake only if the repaired text parses past the line
where the original failed, so no cause is ever named that was not checked.
Anything else keeps the parser's own words at the parser's position.

Every explanation says what is wrong, where (the finding's line and column),
and how to fix it, with an example made from the author's own text. The
parser's words always go into `detail`.

This runs only for a file that failed to parse, so re-reading the text a few
times costs nothing on the fast path.
"""

from __future__ import annotations

from plantool.plan.yaml_mistakes import layout, quotes, spaces
from plantool.plan.yaml_mistakes.failure import Explanation, Failure, quoted, shorten, straight_quotes
from plantool.plan.yaml_mistakes.spaces import invisible_spaces_before_keys

__all__ = ["Explanation", "explain", "invisible_spaces_before_keys", "quoted", "shorten", "straight_quotes"]

# Most specific first: the first whose repair checks out explains the failure.
RECOGNISERS = (
    spaces.tab,
    spaces.invisible_space,
    quotes.unclosed_quote,
    quotes.apostrophe,
    quotes.text_after_quote,
    quotes.smart_quotes,
    layout.block_text_on_header_line,
    layout.comment_before_block_text,
    layout.block_text_not_indented,
    layout.missing_space,
    layout.colon_in_answer,
    layout.indentation,
)


def explain(text: str, error) -> Explanation:
    """The plain-English explanation of the parser's `error` on `text`, or the parser's words."""
    failure = Failure(text, error)
    for recognise in RECOGNISERS:
        try:
            found = recognise(failure)
        except (IndexError, ValueError, KeyError, AttributeError, TypeError):  # a shape it did not expect: not its mistake
            found = None
        if found is not None:
            return Explanation(found.line, found.col, found.message, failure.detail)
    why = (
        "the file is too large for plantool to check which mistake caused it"
        if failure.out_of_budget
        else "this is not a mistake plantool can explain"
    )
    return Explanation(
        failure.line,
        failure.col,
        f"YAML syntax error: {failure.problem} (the YAML parser's words: {why}; look at this line and the lines just above it)",
        failure.detail,
    )
