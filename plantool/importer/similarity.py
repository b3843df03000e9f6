"""How closely a section of a document matches each place in the plan, scored with rapidfuzz.

A section is its heading plus the opening of the text under it. It is
compared with the schema's own wording for every theme, topic, prompt and
disclosure: titles and the documented synonyms (`synonyms.SYNONYMS`) for the
heading, and those with the descriptions and questions for the opening text.
Words are compared by their first five letters ("spending" and "spend",
"transformed" and "transforming" agree) after common words are dropped.

rapidfuzz does the scoring (0-100). A heading at least as long as a name is
scored mostly by `token_set_ratio`, which rewards holding all of the name's
words, and partly by `token_sort_ratio`, which holds back a long heading that
merely contains a short name. A heading shorter than a name is scored by
`token_sort_ratio` alone: 'Governance' is not 'asks of government'. A decision at or above `THRESHOLD` places
the section; below it the section is kept as it is, and the best guess is
named in the summary so the author can move it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from plantool.importer.vocabulary import Entry, Vocabulary, normalise, without_brackets

THRESHOLD = 70  # a section is placed at this score or above
SWITCH = 90  # a sub-heading leaves its theme for another place only at this score
HEADING_WEIGHT = 0.8  # the heading outweighs the opening text
OPENING_WORDS = 60  # how much of the text under a heading is read
STEM = 5

COMMON_WORDS = frozenset(
    """a an and are as at be been by can do does for from has have how in into is it its of on or our
    so that the their them this to us we what when which will with within your you s council councils
    make making better use way ways""".split()
)
SCORED_KINDS = ("intro", "theme", "topic", "disclosures", "section", "text", "list")


@lru_cache(maxsize=4096)
def stems(text: str) -> str:
    """The words that carry meaning, each cut to its first letters: 'Managing our spending' -> 'manag spend'."""
    return " ".join(word[:STEM] for word in normalise(without_brackets(text)).split() if word not in COMMON_WORDS)


@dataclass
class Decision:
    """Where a section goes (`entry`, None when below the threshold), the best guess, and the score."""

    heading: str
    entry: Entry | None
    best: Entry | None
    score: int
    how: str = "similar"  # "exact" (a title or synonym), "similar" (scored), "status" (what we have done …)

    @property
    def placed(self) -> bool:
        return self.entry is not None


class Scorer:
    """Scores every place at once for a heading, with rapidfuzz's batch functions, and remembers the result."""

    def __init__(self, vocab: Vocabulary):
        self.vocab = vocab
        self.entries = [e for e in vocab.entries if e.kind in SCORED_KINDS]
        self.names: list[str] = []  # every name of every entry, flattened
        self.owner: list[int] = []  # the entry each name belongs to
        for index, entry in enumerate(self.entries):
            for name in sorted({stems(p) for p in entry.phrases} - {""}):
                self.names.append(name)
                self.owner.append(index)
        self.name_words = [len(name.split()) for name in self.names]
        self.wording = [stems(" ".join(self._wording(entry))) for entry in self.entries]
        self.cache: dict[tuple[str, str], dict[tuple, int]] = {}

    def _wording(self, entry: Entry) -> list[str]:
        parts = [entry.title, *entry.phrases, entry.node.get("description", ""), entry.node.get("x-plantool-question", "")]
        for child in self.vocab.entries:
            if child.parent == entry.path and child.kind in ("text", "list"):
                parts += [child.title, child.node.get("x-plantool-question", "")]
        return [p for p in parts if p]

    def scores(self, heading: str, opening: str) -> dict[tuple, int]:
        """0-100 for every place: the heading's match, raised (never lowered) by the opening text's."""
        said = stems(heading)
        opening_said = " ".join(stems(opening).split()[:OPENING_WORDS]) if opening else ""
        key = (said, opening_said)
        if key not in self.cache:
            self.cache[key] = self._scores(said, opening_said)
        return self.cache[key]

    def _scores(self, said: str, opening: str) -> dict[tuple, int]:
        from rapidfuzz import fuzz, process

        by_heading = [0.0] * len(self.entries)
        if said:
            words = len(said.split())
            every = dict(limit=None, processor=None)
            by_set, by_sort = [0.0] * len(self.names), [0.0] * len(self.names)
            for _, score, i in process.extract(said, self.names, scorer=fuzz.token_set_ratio, **every):
                by_set[i] = score
            for _, score, i in process.extract(said, self.names, scorer=fuzz.token_sort_ratio, **every):
                by_sort[i] = score
            for owner, name_words, set_score, sort_score in zip(self.owner, self.name_words, by_set, by_sort):
                score = sort_score if words < name_words else 0.7 * set_score + 0.3 * sort_score
                if score > by_heading[owner]:
                    by_heading[owner] = score
        # the opening text can lift a score by at most (1 - HEADING_WEIGHT) * 100, so it is read only
        # for places whose heading score could reach the threshold with it
        reachable = [i for i, score in enumerate(by_heading) if HEADING_WEIGHT * score + (1 - HEADING_WEIGHT) * 100 >= THRESHOLD]
        if opening and reachable:
            wording = [self.wording[i] for i in reachable]
            for _, score, k in process.extract(opening, wording, scorer=fuzz.token_set_ratio, limit=None, processor=None):
                index = reachable[k]
                by_heading[index] = max(by_heading[index], HEADING_WEIGHT * by_heading[index] + (1 - HEADING_WEIGHT) * score)
        return {entry.path: round(by_heading[index]) for index, entry in enumerate(self.entries)}

    def score(self, heading: str, opening: str, entry: Entry) -> int:
        return self.scores(heading, opening).get(entry.path, 0)

    def decide(self, heading: str, opening: str, candidates: list[Entry], threshold: int = THRESHOLD) -> Decision:
        """The best-scoring candidate; placed only at `threshold` or above. Ties go to the earlier candidate."""
        scores = self.scores(heading, opening)
        best, best_score = None, -1
        for entry in candidates:
            if entry.kind not in SCORED_KINDS:
                continue
            score = scores.get(entry.path, 0)
            if score > best_score:
                best, best_score = entry, score
        return Decision(heading, best if best_score >= threshold else None, best, max(best_score, 0))
