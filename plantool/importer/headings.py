"""Which paragraphs are headings: by style, by formatting, and by the way their text is written.

Councils type their headings as often as they style them. A paragraph is
taken as a heading when it stands alone and is short, and
- is bold throughout ("Reducing wasteful spend", or a lead-in question that
  ends with ':'), or
- is set larger than the body text, or
- starts with typed numbering ("1)", "2.", "A.", "Theme 1:", "Thematic Area 3:")
  and is not a sentence, or
- is written in capitals ("OUR PRIORITIES").
A numbered report paragraph ("1.1 The council serves 146,000 residents.") is
a sentence, not a heading, and stays a paragraph.

Headings found this way have no level of their own, so they are ranked by how
strongly they are set out (larger, then numbered, then in capitals, then
bold) and placed below the last styled heading before them.
"""

from __future__ import annotations

import re
from collections import Counter

from plantool.importer.blocks import Block

MAX_WORDS = 25  # a heading longer than this is a sentence set in bold
MAX_PLAIN_WORDS = 14  # numbered, capitals or larger, but not bold: shorter still
LARGER_BY = 1.5  # points above the body text that make a line a heading

_NUMBER = r"(?:\d{1,2}(?:\.\d{1,2}){0,3}|[A-Ha-h]|[IVXivx]{1,4})"
_WORDED = r"(?:thematic\s+area|theme|section|part|chapter|priority|appendix|annex|question|area)"
TYPED_NUMBER = re.compile(
    rf"^\s*(?:{_WORDED}\s+{_NUMBER}\s*[.:)\-–—]?|{_NUMBER}\s*[.:)\-–—](?!\d)|\({_NUMBER}\))\s*(?=\S)",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.;,!]\s*$")
_INNER_SENTENCE = re.compile(r"[a-z0-9)][.!?]\s+[A-Z]")


def numbering(text: str) -> str:
    """The typed numbering a line starts with ('Theme 1:', '2.', '1.1 ', 'A)'), or ''."""
    match = TYPED_NUMBER.match(text)
    if match:
        found = match.group(0)
        letter = re.fullmatch(r"\s*[A-Ha-hIVXivx]{1,4}\s*[.:)]\s*", found)
        if letter and "," in text:  # 'A. Leader, Leader of the Council' is a name, not a heading
            return ""
        return found.strip()
    match = re.match(r"^\s*(\d{1,2}(?:\.\d{1,2}){1,3})\s+(?=\S)", text)  # '1.1 Background'
    return match.group(1) if match else ""


def depth(number: str) -> int:
    """'1.' -> 1, '2.3' -> 2, 'Theme 1:' -> 1; '' (no numbering) -> 3."""
    if not number:
        return 3
    digits = re.findall(r"\d+", number)
    return min(2, max(1, len(digits)))


def body_size(blocks: list[Block]) -> float:
    """The font size most of the text is set in (by characters); 0 when sizes are unknown."""
    sizes: Counter = Counter()
    for block in blocks:
        if block.kind in ("paragraph", "bullet") and block.size:
            sizes[round(block.size * 2) / 2] += len(block.plain)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def why_heading(block: Block, body: float) -> str:
    """What makes a paragraph a heading ('bold', 'larger', 'numbered', 'capitals'), or '' for none."""
    if block.kind != "paragraph" or block.links and len(block.links) == 1 and block.links[0][0] == block.plain:
        return ""
    plain = block.plain.strip()
    words = plain.split()
    if not words or len(words) > MAX_WORDS:
        return ""
    number = numbering(plain)
    words_only = plain[len(number):] if number and plain.startswith(number) else plain
    sentence = bool(_SENTENCE_END.search(plain)) or bool(_INNER_SENTENCE.search(words_only))
    if block.bold_only and not (sentence and not number):
        return "bold"
    if sentence or len(words) > MAX_PLAIN_WORDS:
        return ""
    if body and block.size >= body + LARGER_BY:
        return "larger"
    if number and len(words) > 1:
        return "numbered"
    letters = [c for c in plain if c.isalpha()]
    if len(letters) >= 4 and all(c.isupper() for c in letters):
        return "capitals"
    return ""


def strength(block: Block, body: float) -> tuple:
    """How strongly a found heading is set out; a smaller tuple is a higher level."""
    larger = round((block.size - body) * 2) / 2 if body and block.size else 0.0
    capitals = all(c.isupper() for c in block.plain if c.isalpha())
    return (-larger, depth(numbering(block.plain)), 0 if capitals else 1, 0 if block.bold_only else 1)


def find_headings(blocks: list[Block]) -> list[Block]:
    """The blocks, with paragraphs that are headings by formatting or text made headings with a level."""
    body = body_size(blocks)
    found = [(index, why) for index, block in enumerate(blocks) if (why := why_heading(block, body))]
    ranks = {key: rank for rank, key in enumerate(sorted({strength(blocks[i], body) for i, _ in found}))}
    reasons = dict(found)
    styled_level = 0
    for index, block in enumerate(blocks):
        if block.kind in ("heading", "title"):
            styled_level = block.level if block.kind == "heading" else 0
            block.how = block.how or "style"
        elif index in reasons:
            block.kind = "heading"
            block.how = reasons[index]
            block.level = min(9, styled_level + 1 + ranks[strength(block, body)])
    return blocks
