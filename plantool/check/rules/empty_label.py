"""A bullet that is only a label, with nothing after it.

PASS:
    - **Capital funding** – one-off grants cannot pay for running costs.

FAIL:
    - **Capital funding** –

    - Capital funding:
"""

from __future__ import annotations

import re

from plantool.plan import richtext
from plantool.check.rules import Problem

ID = "empty-label"
SEVERITY = "gap"

# A label (bold or plain, up to ~8 words) ending in a dash or colon, then nothing.
_LABEL_ONLY = re.compile(r"^(\*\*[^*]+\*\*|[^.!?]{1,80}?)\s*(\*\*)?\s*[-–—:]\s*(\*\*)?\s*$")
_BOLD_ONLY = re.compile(r"^\*\*[^*]+\*\*\s*[-–—:]?\s*$")


def check(ctx):
    for path, text in ctx.texts:
        for content, index, col in richtext.bullet_lines(text):
            if _LABEL_ONLY.match(content) or _BOLD_ONLY.match(content):
                label = richtext.plain(content).strip(" -–—:")
                yield Problem(
                    path,
                    f"{ctx.schema.label(path)}: bullet '{label}' has a label but nothing after it",
                    at=(index, col),
                )
