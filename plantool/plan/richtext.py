"""The small free-text subset plans are written in, parsed once for rules and export.

The subset (documented in the README):
- paragraphs, separated by a blank line; single line breaks inside a paragraph are spaces;
- bullet lines starting with "- " (or "* ");
- **bold** spans, typically a lead-in at the start of a bullet;
- *italic* or _italic_ spans (see ITALIC below for exactly when);
- [link text](https://…) links.
Anything else is plain text, shown as typed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_BULLET = re.compile(r"^\s*[-*]\s+")
_BOLD_OR_LINK = r"\*\*(?P<bold>.+?)\*\*|\[(?P<text>[^\]]*)\]\((?P<url>[^)\s]*)\)"
_BARE_URL = re.compile(r"(?<![(\[])\b(?:https?://|www\.)[^\s)\]]+")
# ITALIC: one `*` or `_` on each side of the words, tightly, so that ordinary text is never
# taken for it. The opening mark follows the start, a space or punctuation (never a letter,
# a digit or the same mark) and is followed by a character that is not a space; the closing
# mark mirrors it. The words inside hold no mark of the same kind, but *italic* may hold
# **bold**. So `*key* words` and `_key_ words` are italic, while `file_name`, `5 * 3 = 15`,
# `a*b*c`, `__init__` and a lone `*` or `_` are not.
_ITALIC = (
    r"(?<![\w*])\*(?![\s*])(?P<star>(?:[^*]|\*\*(?=\S)[^*]+?(?<=\S)\*\*)+?)(?<![\s*])\*(?![\w*])"
    r"|(?<![\w_])_(?![\s_])(?P<under>[^_]*?[^\s_])_(?![\w_])"
)
# A web address typed as text is kept as typed: the marks inside it are never italic.
_INLINE = re.compile(f"{_BOLD_OR_LINK}|(?P<bare>{_BARE_URL.pattern})|{_ITALIC}")
_MARKUP_ONLY = re.compile(_BOLD_OR_LINK)


@dataclass(frozen=True)
class Span:
    """A run of inline text: plain, bold, italic, or a link (with its url)."""

    text: str
    bold: bool = False
    url: str | None = None
    italic: bool = False


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
    """Split one paragraph or bullet into plain, bold, italic and link spans."""
    out: list[Span] = []

    def add(span: Span) -> None:
        if out and span.url is None and out[-1].url is None and (span.bold, span.italic) == (out[-1].bold, out[-1].italic):
            out[-1] = Span(out[-1].text + span.text, span.bold, None, span.italic)  # one run, however it was found
        else:
            out.append(span)

    pos = 0
    for match in _INLINE.finditer(text):
        if match.start() > pos:
            add(Span(text[pos : match.start()]))
        bold, italic = match.group("bold"), match.group("star") or match.group("under")
        if bold is not None:
            for span in spans(bold):  # links and italic may sit inside bold
                add(Span(span.text, True, span.url, span.italic))
        elif italic is not None:
            for span in spans(italic):  # links and bold may sit inside italic
                add(Span(span.text, span.bold, span.url, True))
        elif match.group("bare") is not None:
            add(Span(match.group("bare")))
        else:
            add(Span(match.group("text"), url=match.group("url")))
        pos = match.end()
    if pos < len(text):
        add(Span(text[pos:]))
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
    """False only when plain(text) has exactly the words of text: no bold, italic, link or bullet."""
    if "*" in text or "_" in text or "](" in text:
        return True
    return "-" in text and _BULLET_ANYWHERE.search(text) is not None


# A word as a reader counts one: a run of characters between spaces. A dash, an ampersand, a
# slash or a bullet standing alone is punctuation, not a word.
_NOT_WORDS = frozenset("- -- – — & + / | \\ • · * ** _ … ... : ; , . ? ! ( ) [ ] = > < #".split())


def words(text: str) -> int:
    """The words of text as it stands (no markup taken away): split on spaces, less punctuation standing alone."""
    tokens = text.split()
    return len(tokens) - sum(map(_NOT_WORDS.__contains__, tokens))


def shown(text: str) -> str:
    """The text as a reader sees it: without markup; text with no markup as it stands, without parsing."""
    return plain(text) if may_have_markup(text) else text


def word_count(text: str) -> int:
    """Words as a reader sees them."""
    return words(shown(text))


def links(text: str) -> list[Link]:
    """Every [text](url) link, with where it sits in the text."""
    text = str(text)
    found: list[Link] = []
    if "](" not in text:
        return found  # most texts: nothing to look for line by line
    for index, line in enumerate(text.splitlines()):
        _links_in(line, index, 0, found)
    return found


def _links_in(text: str, line: int, offset: int, found: list[Link]) -> None:
    """The links in `text`, which starts at column `offset` of its line, including those inside bold or italic."""
    for match in _INLINE.finditer(text):
        if match.group("url") is not None:
            found.append(Link(match.group("text"), match.group("url"), line, offset + match.start()))
            continue
        for group in ("bold", "star", "under"):
            inner = match.group(group)
            if inner is not None and "](" in inner:
                _links_in(inner, line, offset + match.start(group), found)


def bare_urls(text: str) -> list[tuple[str, int, int]]:
    """Web addresses typed as plain text, outside any [text](url) link."""
    text = str(text)
    found: list[tuple[str, int, int]] = []
    if "http" not in text and "www." not in text:
        return found  # every address _BARE_URL finds starts with one of these
    for index, line in enumerate(text.splitlines()):
        masked = _MARKUP_ONLY.sub(lambda m: " " * len(m.group(0)), line)
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
