"""A sentence that stops mid-way: "… which will help us to", "… savings of.", "… as a much more relevant.".

Text gets cut when it is pasted from another document, squeezed into a box
with a word limit, or edited in a hurry. The rule looks only for cuts a reader
cannot mistake, so that good English is never reported:

- a paragraph or bullet that ends, with no full stop, on a word that cannot end
  one: "the", "our", "and", "of", "to", "with", "which" (but "… the services we
  are responsible for" and other common endings on a preposition are allowed);
- a sentence that ends on "the", "a", "our", "and" and the like ("… savings for the.");
- a sentence that stops where its figure should be: "savings of.", "costs fell by.";
- "a" or "an" with a comparison and no noun after it: "… as a much more relevant.".

PASS:
    We will move planning applications online, which will help us to cut costs.

FAIL:
    We will move planning applications online, which will help us to

    The new contact centre delivered savings of. Staff numbers fell.

    We use the average council tax paid as a much more relevant. Reports go to Cabinet.
"""

from __future__ import annotations

import re

from plantool.check.rules import Problem, offset_place

ID = "truncated-text"
SEVERITY = "warning"

# Words after which a paragraph or bullet cannot simply stop.
_DANGLING = {
    "a", "an", "the", "our", "their", "its", "your", "my", "and", "or", "but", "nor", "&",
    "of", "to", "for", "with", "by", "from", "into", "onto", "than", "as", "via", "per",
    "which", "whose", "including", "such",
}
# Words after which a sentence may end on a preposition ("the services we are responsible for",
# "the partners we work with", "where we need to"), in their plain form: a word is looked up
# as written and without -s, -es, -d, -ed or -ing.
_STRANDING = {
    "responsible", "accountable", "entitled", "committed", "proud", "aware", "able", "subject", "part", "up",
    "forward", "used", "known", "thought", "heard", "spoken", "ought", "going", "have", "has", "had",
    "pay", "paid", "ask", "call", "apply", "applie", "account", "look", "refer", "aspire", "deal", "dealt",
    "work", "agree", "comply", "complie", "sign", "bid", "plan", "plann", "provide", "care", "cater",
    "accustom", "talk", "rely", "relie", "depend", "focus", "prepare", "wait", "hope", "aim", "need",
    "want", "continue", "try", "trie", "share", "engage", "partner", "collaborate", "liaise", "consult",
    "adhere", "contribute", "respond", "listen", "subscribe", "belong", "report", "answer", "commit",
    "budget", "allow", "mean", "intend", "expect", "seek", "manage", "choose", "decide", "get", "come",
}
_SUFFIXES = ("ing", "ed", "es", "s", "d")


def _may_strand(word: str) -> bool:
    word = word.lower()
    return word in _STRANDING or any(word.endswith(end) and word[: -len(end)] in _STRANDING for end in _SUFFIXES)


# Words that end a sentence only when it has been cut off.
_ENDS_NOTHING = {"a", "an", "the", "our", "their", "its", "your", "and", "or", "but", "nor"}
# "savings of.", "a total of around.", "costs fell by.": a sentence that stops where its figure belongs.
_FIGURE_NOUNS = {
    "saving", "savings", "total", "sum", "amount", "cost", "costs", "value", "budget", "target", "reduction",
    "increase", "rise", "fall", "decrease", "growth", "gap", "deficit", "shortfall", "overspend", "underspend",
    "spend", "spending", "investment", "income", "funding", "figure", "estimate", "contribution", "grant",
    "fee", "fees", "charge", "charges", "price", "rate", "loss", "surplus", "bill",
}
_FIGURE_VERBS = {
    "fell", "rose", "increased", "decreased", "reduced", "dropped", "declined", "grew", "cut", "saved",
    "estimated", "valued", "risen", "fallen", "grown",
}
_BEFORE_FIGURE = {"of", "by", "at", "to", "from"}
_APPROXIMATELY = {"about", "around", "approximately", "nearly", "almost", "over", "under", "some"}
# "as a much more relevant.": "a" or "an", a comparison, and no noun after it.
_ADVERBS = {"much", "far", "very", "even", "rather", "slightly", "significantly", "considerably", "still"}

_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")
# The last word of a sentence _cut_in can find a cut in: any other word, and the sentence is whole.
_MAY_END_A_CUT = _ENDS_NOTHING | _BEFORE_FIGURE | _APPROXIMATELY | {"up", "than"}
_WORD = re.compile(r"[\w'’&]+|[^\w\s]")
# Where a paragraph or bullet ends: before a blank line or the next bullet (and at the end of the text).
_BLOCK_BREAK = re.compile(r"\n[ \t]*(?:\n|(?=[-*][ \t]))")
_LAST_WORD = re.compile(r"(?:(?P<before>[\w'’]+)[\s(]+)?(?P<word>[\w&'’]+)$")
_TERMINAL = ".!?:;…)]\"'”’*"
_WINDOW = 60  # characters looked at before a sentence or paragraph ends


def _block_ends(text: str):
    """(offset, block) of each paragraph or bullet that ends on a word after which text cannot stop."""
    start = 0
    for end in [m.start() for m in _BLOCK_BREAK.finditer(text)] + [len(text)]:
        block_start, block = start, text[start:end]
        start = end
        stripped = block.rstrip()
        if not stripped or stripped[-1] in _TERMINAL:
            continue
        window = max(0, len(stripped) - _WINDOW)
        tail = _LAST_WORD.search(stripped, window)
        if tail and tail.group("word").lower() in _DANGLING and not _may_strand(tail.group("before") or ""):
            if len(stripped.split()) > 2:
                yield block_start + tail.start("word"), stripped


def _sentence_cuts(text: str):
    """(offset, text up to the cut) of each sentence that stops where more must follow."""
    for end in _SENTENCE_END.finditer(text):
        window = max(0, end.start() - _WINDOW)
        last = text[window : end.start()].lower().rsplit(None, 2)[-2:]
        if not last or (last[-1] not in _MAY_END_A_CUT and last[0] not in ("more", "less")):
            continue  # most sentences end in a way no cut does: no need to look closer
        words = [(m.start(), m.group(0)) for m in _WORD.finditer(text, window, end.start())][-5:]
        cut = _cut_in(words)
        if cut is not None:
            yield cut, text[: end.end()]


def _cut_in(words: list[tuple[int, str]]) -> int | None:
    """Where the cut phrase starts, given the (offset, word) pairs just before a full stop; None if no cut."""
    if len(words) < 2:
        return None
    lower = [word.lower() for _, word in words]
    last, before = words[-1][1], words[-2][1]
    if last in _ENDS_NOTHING and (before[-1:].islower() or before in (",", ";")):
        return words[-1][0]
    for size in (2, 3):  # "savings of", "savings of around"
        if len(words) >= size and lower[-size + 1] in _BEFORE_FIGURE and (size == 2 or lower[-1] in _APPROXIMATELY):
            head = lower[-size]
            if head in _FIGURE_NOUNS or (head in _FIGURE_VERBS and lower[-size + 1] != "of"):
                return words[-size][0]
    for size in (3, 4):  # "a more relevant", "a much more relevant"
        phrase = lower[-size:]
        if len(phrase) == size and phrase[0] in ("a", "an") and phrase[-2] in ("more", "less") and phrase[-1].isalpha():
            if size == 3 or phrase[1] in _ADVERBS:
                if words[-size][1] in ("a", "an"):  # lower-case: "A more" starts a heading, not a cut
                    return words[-size][0]
    return None


def check(ctx):
    for path, text in ctx.texts:
        for offset, block in _block_ends(text):
            yield Problem(
                path,
                f"{ctx.schema.label(path)}: the text stops at '…{_tail(block)}' as if cut off; finish the sentence",
                at=offset_place(text, offset),
            )
        if "." not in text and "?" not in text and "!" not in text:
            continue
        for offset, upto in _sentence_cuts(text):
            yield Problem(
                path,
                f"{ctx.schema.label(path)}: '…{_tail(upto)}' breaks off mid-sentence; finish it or take it out",
                at=offset_place(text, offset),
            )


def _tail(text: str, words: int = 6) -> str:
    return " ".join(text.split()[-words:])
