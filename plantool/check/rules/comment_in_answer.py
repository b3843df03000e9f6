"""An answer typed without quotes is cut short at ` #`: YAML reads the rest of the line as a comment.

The file is valid, so nothing else would tell the author that the end of the
answer is gone. Put the whole answer in quotes, or write it as a `|` block,
to keep the `#` and what follows it. Quoted answers, `|` blocks, comments on
their own line, comments after a closing quote, and `# plantool:` directives
are not flagged; nor are fields whose answer is a number, a choice, a date, a
period, a code or an address, where a note after `#` is plainly a comment.

PASS:
    council:
      name: "Riverside District Council #1 for recycling"

    council:
      # Riverside is fictional
      name: Riverside District Council

    council:
      name: "Riverside District Council" # fictional

FAIL:
    council:
      name: Riverside District Council #1 for recycling

    plan:
      title: Productivity Plan 2025/26 #2 in the series
"""

from __future__ import annotations

import re

from plantool.check.rules import Problem

ID = "comment-in-answer"
SEVERITY = "warning"

_DIRECTIVE = re.compile(r"#\s*(plantool|yaml-language-server):")
_CONSTRAINED = ("enum", "const", "pattern", "format")


def check(ctx):
    doc = ctx.document
    if not _text_then_hash(doc.text):
        return
    after_text = {c.line: c for c in doc.comments if not c.own_line and not _DIRECTIVE.match(c.text)}
    if not after_text:
        return
    lines = doc.lines
    for path, value, node in ctx.strings:
        if not node or any(word in node for word in _CONSTRAINED):
            continue  # not free text: a `#` note after it is meant as a comment
        span = doc.scalars.get(doc.values.get(path))
        if span is None or span[2] != "" or span[0] not in after_text:
            continue  # quoted or a block (the `#` is part of the answer), or no comment after it
        end_line, end_col, _ = span
        comment = after_text[end_line]
        between = lines[end_line - 1][end_col - 1 : comment.col - 1]
        if between and not between.strip(" \t"):  # the comment follows this answer directly
            yield Problem(path, _message(path, value, between + comment.text.rstrip()), line_col=(comment.line, comment.col))


def _text_then_hash(text: str) -> bool:
    """Whether some line has text, then a space and `#`: without one, no answer can be cut short."""
    at = text.find("#")
    while at != -1:
        if at and text[at - 1] in " \t" and text[text.rfind("\n", 0, at) + 1 : at].strip():
            return True
        at = text.find("#", at + 1)
    return False


def _message(path, kept: str, cut: str) -> str:
    from plantool.plan.yaml_mistakes import quoted, shorten, straight_quotes  # only when there is something to say

    whole, curly = straight_quotes(kept + cut)
    label = f"{path[-1]}: " if isinstance(path[-1], str) else "- "
    because = " (curly quotes are not YAML quotes)" if curly else ""
    return (
        f"the answer stops before ' #': YAML reads '{shorten(cut.strip())}' as a comment, so the answer is only "
        f"'{shorten(kept)}'; to keep all of it, put it in double quotes{because}, as in {label}{shorten(quoted(whole), 70)}, "
        f"or end the line at '{label}|' and write the answer on the next line, indented"
    )
