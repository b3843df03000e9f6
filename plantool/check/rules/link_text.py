"""Link text that does not say where the link goes (an accessibility failure).

WCAG 2.2 (2.4.4, link purpose) asks that link text make sense on its own:
screen-reader users often hear links out of context. A bare web address in
the text is reported too.

PASS:
    See [our savings plans for 2025 to 2029](https://www.example.gov.uk/savings).

FAIL:
    Our savings plans are [here](https://www.example.gov.uk/savings).

    Performance is on our [website](https://www.example.gov.uk/).

    See https://www.example.gov.uk/savings.
"""

from __future__ import annotations

import re

from plantool.plan import richtext
from plantool.check.rules import Problem

ID = "link-text"
SEVERITY = "warning"

VAGUE = {
    "here", "click here", "click", "link", "this link", "this", "more", "read more",
    "more info", "more information", "website", "our website", "the website",
    "web page", "webpage", "page", "this page", "details", "see here", "go", "document",
}


def vague(text: str) -> bool:
    """True for link text that says nothing about its target (shared with export)."""
    words = re.sub(r"[^\w\s]", " ", text.lower()).split()
    cleaned = " ".join(words)
    return not cleaned or cleaned in VAGUE or bool(re.fullmatch(r"(https?|www)\S*", text.strip()))


def check(ctx):
    for path, text in ctx.texts:
        for link in richtext.links(text):
            if vague(link.text):
                yield Problem(
                    path,
                    f"{ctx.schema.label(path)}: link text '{link.text}' does not say where it goes; "
                    "describe the destination, e.g. '[our 2025 savings plan](…)'",
                    at=(link.line, link.col),
                )
        for url, line, col in richtext.bare_urls(text):
            yield Problem(
                path,
                f"{ctx.schema.label(path)}: bare web address {url}; write it as [descriptive text]({url})",
                at=(line, col),
            )
