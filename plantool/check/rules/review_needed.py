"""An answer carried over from last year's plan has not been reviewed yet.

`plantool new --from` marks every carried-over answer with a
`# plantool: review` comment. Update the answer for the new period, then
delete the comment.

PASS:
    # (no review comment left)
    measuring_productivity: We now publish unit costs every quarter.

FAIL:
    # plantool: review -- carried over from 2024/25; update it for 2025/26, then delete this line
    measuring_productivity: We compare unit costs every year.
"""

from __future__ import annotations

import re

from plantool.check.rules import Problem

ID = "review-needed"
SEVERITY = "gap"

_MARK = re.compile(r"#\s*plantool:\s*review\b")


def check(ctx):
    doc = ctx.document
    if "plantool:" not in doc.text:
        return
    for comment in doc.comments:  # an answer that merely quotes the mark is not one
        match = _MARK.search(comment.text)
        if match:
            yield Problem(
                (),
                "carried over from the last plan and not yet reviewed; update the answer below, then delete this comment",
                line_col=(comment.line, comment.col + match.start()),
            )
