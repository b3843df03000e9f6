"""Pair up items across two years by their words, tolerating rewording (rapidfuzz).

An initiative or barrier is often reworded from one year to the next
("Highways transformation programme" becomes "Highways transformation"). Each
pair is scored 0 to 100 with rapidfuzz: the mean of its token-sort ratio (the
same words, in any order) and its token-set ratio (one wording contains the
other), after lower-casing and dropping punctuation. Pairs are taken best
first, within the same theme or topic before across, and each item is used
once. A pair scoring below MATCH_THRESHOLD is not a match: the items count as
new or dropped, and the best candidate from NEAR_MISS up is reported beside
them so a reader can judge.

The threshold is set from data: no two different initiatives or barriers
within the example plans or the real councils' plans in tests/corpus score 80
or more (the highest is 76.5), while the rewordings in the tests do.
rapidfuzz is imported here only, so `check` never loads it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Sequence

MATCH_THRESHOLD = 80.0
NEAR_MISS = 60.0
SCORER = "mean of rapidfuzz token_sort_ratio and token_set_ratio, default_process"


@dataclass(frozen=True)
class Match:
    """The same item in both years."""

    last: Any
    this: Any
    score: float  # 0 to 100; 100 for the same words


@dataclass(frozen=True)
class Unmatched:
    """An item found in one year only, with the closest item of the other year when it came near."""

    item: Any
    nearest: Any = None  # set only from NEAR_MISS up
    score: float | None = None


@dataclass(frozen=True)
class Pairing:
    matched: tuple[Match, ...]  # in this year's order
    only_last: tuple[Unmatched, ...]  # dropped, removed: in last year's order
    only_this: tuple[Unmatched, ...]  # new, added: in this year's order


def similarity(a: str, b: str) -> float:
    """0 to 100: how alike two wordings are, ignoring case, punctuation and word order."""
    from rapidfuzz import utils

    return _score(utils.default_process(a), utils.default_process(b))


def _score(a: str, b: str) -> float:
    """similarity() of two wordings already lower-cased and stripped of punctuation."""
    from rapidfuzz import fuzz

    return round((fuzz.token_sort_ratio(a, b) + fuzz.token_set_ratio(a, b)) / 2, 1)


def pair(last: Sequence, this: Sequence, words: Callable[[Any], str], group: Callable[[Any], Any] = lambda item: None) -> Pairing:
    """Match items of last year to items of this year, best scores first, same group before any group."""
    from rapidfuzz import utils

    last_words = [utils.default_process(words(a)) for a in last]
    this_words = [utils.default_process(words(b)) for b in this]
    scores = [[_score(a, b) for b in this_words] for a in last_words]
    taken_last: dict[int, tuple[int, float]] = {}
    taken_this: set[int] = set()
    for same_group_only in (True, False):
        candidates = sorted(
            (
                (-scores[i][j], j, i)
                for i in range(len(last))
                for j in range(len(this))
                if scores[i][j] >= MATCH_THRESHOLD and (not same_group_only or group(last[i]) == group(this[j]))
            ),
        )
        for negative, j, i in candidates:
            if i not in taken_last and j not in taken_this:
                taken_last[i] = (j, -negative)
                taken_this.add(j)
    matched = sorted(((j, i, score) for i, (j, score) in taken_last.items()))
    free_last = [i for i in range(len(last)) if i not in taken_last]
    free_this = [j for j in range(len(this)) if j not in taken_this]

    def nearest(score_of: Callable[[int], float], pool: list[int], items: Sequence) -> tuple[Any, float | None]:
        best = max(pool, key=score_of, default=None)
        if best is None or score_of(best) < NEAR_MISS:
            return None, None
        return items[best], score_of(best)

    only_last = tuple(Unmatched(last[i], *nearest(lambda j: scores[i][j], free_this, this)) for i in free_last)
    only_this = tuple(Unmatched(this[j], *nearest(lambda i: scores[i][j], free_last, last)) for j in free_this)
    return Pairing(tuple(Match(last[i], this[j], score) for j, i, score in matched), only_last, only_this)
