"""A link that is not a web or email address (only http, https and mailto are allowed).

Links such as javascript:, file: or data: can run code or point at the
author's own computer; they are refused in the plan and in the Word export.

PASS:
    [our Council Plan](https://www.example.gov.uk/council-plan)

    [the policy team](mailto:policy@example.gov.uk)

FAIL:
    [our Council Plan](javascript:alert(1))

    [the shared drive](file:///S:/Policy/plan.docx)
"""

from __future__ import annotations

from plantool.plan import richtext
from plantool.check.rules import Problem

ID = "link-scheme"
SEVERITY = "error"

ALLOWED = ("http://", "https://", "mailto:")


def allowed(url: str) -> bool:
    return url.strip().lower().startswith(ALLOWED)


def check(ctx):
    for path, text in ctx.texts:
        for link in richtext.links(text):
            if not allowed(link.url):
                yield Problem(
                    path,
                    f"{ctx.schema.label(path)}: link '{link.text}' goes to '{link.url}'; "
                    "only http, https and mailto links are allowed",
                    at=(link.line, link.col),
                )
