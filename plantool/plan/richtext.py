"""The small free-text subset plans are written in, parsed once for rules and export.

The subset (documented in the README):
- paragraphs, separated by a blank line; single line breaks inside a paragraph are spaces;
- bullet lines starting with "- " (or "* ");
- **bold** spans, typically a lead-in at the start of a bullet;
- [link text](https://…) links.
Anything else is plain text, shown as typed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_BULLET = re.compile(r"^\s*[-*]\s+")
_INLINE = re.compile(r"\*\*(?P<bold>.+?)\*\*|\[(?P<text>[^\]]*)\]\((?P<url>[^)\s]*)\)")
_BARE_URL = re.compile(r"(?<![(\[])\b(?:https?://|www\.)[^\s)\]]+")


@dataclass(frozen=True)
class Span:
    """A run of inline text: plain, bold, italic, or a link (with its url)."""

    text: str
    bold: bool = False
    url: str | None = None
    italic: bool = False  # not written by the subset yet; writers already honour it


@dataclass(frozen=True)
class Block:
    """A paragraph (one item) or a bullet list (one item per bullet)."""

    kind: str  # "paragraph" | "bullets"
    items: tuple  # tuple of tuple[Span, ...]


@dataclass(frozen=True)
class Link:
    text: str
    url: str
    line: int  # index of the line within the text
    col: int  # index of "[" within that line


def spans(text: str) -> tuple[Span, ...]:
    """Split one paragraph or bullet into plain, bold and link spans."""
    out: list[Span] = []
    pos = 0
    for match in _INLINE.finditer(text):
        if match.start() > pos:
            out.append(Span(text[pos : match.start()]))
        if match.group("bold") is not None:
            inner = match.group("bold")
            for span in spans(inner):  # links may sit inside bold
                out.append(Span(span.text, True, span.url))
        else:
            out.append(Span(match.group("text"), url=match.group("url")))
        pos = match.end()
    if pos < len(text):
        out.append(Span(text[pos:]))
    return tuple(out)


def blocks(text: str | None) -> list[Block]:
    """Parse free text into paragraphs and bullet lists, in order."""
    if not text:
        return []
    result: list[Block] = []
    paragraph: list[str] = []
    bullets: list[str] = []

    def flush_paragraph() -> None:
        if paragraph:
            result.append(Block("paragraph", (spans(" ".join(paragraph)),)))
            paragraph.clear()

    def flush_bullets() -> None:
        if bullets:
            result.append(Block("bullets", tuple(spans(item) for item in bullets)))
            bullets.clear()

    for raw in str(text).splitlines():
        line = raw.strip()
        if not line:
            flush_paragraph()
            flush_bullets()
        elif _BULLET.match(raw):
            flush_paragraph()
            bullets.append(_BULLET.sub("", raw, count=1).strip())
        elif bullets and raw[:1].isspace():
            bullets[-1] += " " + line  # a wrapped bullet continues on an indented line
        else:
            flush_bullets()
            paragraph.append(line)
    flush_paragraph()
    flush_bullets()
    return result


def plain(text: str | None) -> str:
    """The text without markup, for word counts and matching."""
    return " ".join("".join(span.text for span in item) for block in blocks(text) for item in block.items)


# A "- " bullet at the start of any line, as str.splitlines() counts lines.
_BULLET_ANYWHERE = re.compile(r"(?:^|[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029])\s*-\s")


def may_have_markup(text: str) -> bool:
    """False only when plain(text) has exactly the words of text: no bold, link or bullet."""
    if "*" in text or "](" in text:
        return True
    return "-" in text and _BULLET_ANYWHERE.search(text) is not None


def word_count(text: str) -> int:
    """Words as a reader sees them; text with no markup is counted as it stands, without parsing."""
    return len((plain(text) if may_have_markup(text) else text).split())


def links(text: str) -> list[Link]:
    """Every [text](url) link, with where it sits in the text."""
    text = str(text)
    found: list[Link] = []
    if "](" not in text:
        return found  # most texts: nothing to look for line by line
    for index, line in enumerate(text.splitlines()):
        for match in _INLINE.finditer(line):
            if match.group("url") is not None:
                found.append(Link(match.group("text"), match.group("url"), index, match.start()))
            elif "](" in (match.group("bold") or ""):
                inner_offset = match.start() + 2
                for inner in _INLINE.finditer(match.group("bold")):
                    if inner.group("url") is not None:
                        found.append(Link(inner.group("text"), inner.group("url"), index, inner_offset + inner.start()))
    return found


def bare_urls(text: str) -> list[tuple[str, int, int]]:
    """Web addresses typed as plain text, outside any [text](url) link."""
    text = str(text)
    found: list[tuple[str, int, int]] = []
    if "http" not in text and "www." not in text:
        return found  # every address _BARE_URL finds starts with one of these
    for index, line in enumerate(text.splitlines()):
        masked = _INLINE.sub(lambda m: " " * len(m.group(0)), line)
        for match in _BARE_URL.finditer(masked):
            found.append((match.group(0).rstrip(".,;:!?'\""), index, match.start()))
    return found


def bullet_lines(text: str) -> list[tuple[str, int, int]]:
    """Each bullet's content with its line index and the column where the content starts."""
    found = []
    for index, raw in enumerate(str(text).splitlines()):
        match = _BULLET.match(raw)
        if match:
            found.append((raw[match.end() :].rstrip(), index, match.end()))
    return found
