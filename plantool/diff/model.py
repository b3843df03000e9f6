"""The comparison of two years' plans, as plain data: what every output format reads.

Nothing here formats or prints. Raw values from the plans are kept beside the
words shown for them (British money and percentages, the schema's labels), so
JSON can give numbers and Markdown can give words from the same object.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from plantool.diff.matching import Match, Unmatched

# How an initiative's status moved (the schema orders planned, under way, done).
FORWARD, BACK, SAME, UNKNOWN = "forward", "back", "same", "unknown"

# What happened to one disclosure figure.
CHANGED = "changed"
UNCHANGED = "unchanged"
NOT_COMPARABLE = "not_comparable"  # shares of different bases
NOT_AVAILABLE_BOTH = "not_available_both"
NOW_AVAILABLE = "now_available"  # not available last year, a figure this year
NO_LONGER_AVAILABLE = "no_longer_available"
ONLY_THIS = "only_this"  # given this year, absent last year
ONLY_LAST = "only_last"  # given last year, absent this year
FIGURE_STATES = (CHANGED, UNCHANGED, NOT_COMPARABLE, NOT_AVAILABLE_BOTH, NOW_AVAILABLE, NO_LONGER_AVAILABLE, ONLY_THIS, ONLY_LAST)

# What happened to one answer.
ANSWER_CHANGED = "changed"
ANSWER_UNCHANGED = "unchanged"  # the same words as last year: carried over
NEWLY_ANSWERED = "newly_answered"
NO_LONGER_ANSWERED = "no_longer_answered"
UNANSWERED = "unanswered"  # in neither year
NOT_EXPECTED = "not_expected"  # not asked of this plan (a combined figure answers it)
ANSWER_STATES = (ANSWER_CHANGED, ANSWER_UNCHANGED, NEWLY_ANSWERED, NO_LONGER_ANSWERED, UNANSWERED, NOT_EXPECTED)


@dataclass(frozen=True)
class PlanSide:
    """Which plan one side of the comparison is."""

    file: str
    council: str | None
    gss_code: str | None
    period: str | None
    status: str | None


@dataclass(frozen=True)
class Saving:
    amount: float
    kind: str | None  # achieved or planned
    type: str | None  # cashable, income, cost_avoidance, or not stated
    period: str | None
    text: str  # as the published plan shows it: '£211,000, achieved, 2023/24'
    since: str | None = None  # the first year of a cumulative saving ('achieved since 2019/20')


@dataclass(frozen=True)
class Initiative:
    words: str  # what it is matched by: its name, or the words of its description
    name: str | None
    description: str | None
    status: str | None  # done, under_way, planned (anything else as written)
    status_text: str  # the schema's label: 'Under way'
    group: tuple  # the theme or topic it belongs to: ('themes', 'transformation')
    group_title: str  # 'Transformation'
    section: str | None  # the heading of the council's own section it sits under
    path: tuple
    savings: tuple[Saving, ...] = ()

    @property
    def title(self) -> str:
        """How a reader knows it: its name, or the start of its description."""
        return self.name or _shortened(self.words)


@dataclass(frozen=True)
class StatusMove:
    match: Match  # of two Initiatives
    move: str  # FORWARD, BACK, SAME, UNKNOWN

    @property
    def renamed(self) -> bool:
        return self.match.last.words != self.match.this.words


@dataclass(frozen=True)
class SavingsLine:
    """Savings set side by side: planned in last year's plan, newly achieved and still planned in this year's."""

    label: str
    planned_last: float
    achieved_this: float
    planned_this: float
    key: Any = None  # the saving type for a by-type line; the initiative's path for an initiative line


@dataclass(frozen=True)
class InitiativesDiff:
    moves: tuple[StatusMove, ...]  # every matched initiative, in this year's order
    new: tuple[Unmatched, ...]
    dropped: tuple[Unmatched, ...]
    savings: tuple[SavingsLine, ...]  # one per initiative with savings in either year
    savings_total: SavingsLine
    savings_by_type: tuple[SavingsLine, ...]


@dataclass(frozen=True)
class FigureChange:
    path: tuple
    label: str  # as the export labels the figure: 'Union officials: Number of officials'
    unit: str | None  # pounds, percent, count, share, number, year; None for words
    last: Any  # the raw values (None when absent)
    this: Any
    last_text: str  # in British form, as the export shows them
    this_text: str
    state: str  # one of FIGURE_STATES
    change: float | None = None  # this minus last, in the unit: pounds, points for percentages and shares
    change_text: str = ""  # '−2.2 points', '−£16,275 (−9.8%)'


@dataclass(frozen=True)
class DisclosureDiff:
    key: str
    title: str
    figures: tuple[FigureChange, ...]
    note: str | None = None  # e.g. reported combined in one year and separately in the other


@dataclass(frozen=True)
class Barrier:
    words: str
    path: tuple


@dataclass(frozen=True)
class BarriersDiff:
    still_present: tuple[Match, ...]  # of Barriers
    added: tuple[Unmatched, ...]
    removed: tuple[Unmatched, ...]


@dataclass(frozen=True)
class ReviewMark:
    """A '# plantool: review' mark left in this year's plan, and the answer below it."""

    line: int
    path: tuple  # the key below the mark; () when none could be found
    label: str


@dataclass(frozen=True)
class AnswerChange:
    path: tuple
    label: str  # 'Transformation › How we measure productivity'
    state: str  # one of ANSWER_STATES
    carried_over: bool  # answered with the same words (or the same figure) in both years
    review_mark: bool  # a review mark still sits above it (or above its section)
    figure: bool = False  # a figure rather than words: the same value is not "word for word"


@dataclass(frozen=True)
class Titles:
    """Headings the schema gives, so outputs need no schema of their own."""

    initiatives: str
    initiative: str
    status: str
    disclosures: str
    barriers: str
    barrier: str
    savings: str


@dataclass(frozen=True)
class Comparison:
    last: PlanSide
    this: PlanSide
    warnings: tuple[str, ...]
    titles: Titles
    initiatives: InitiativesDiff
    disclosures: tuple[DisclosureDiff, ...]
    barriers: BarriersDiff
    answers: tuple[AnswerChange, ...]
    review_marks: tuple[ReviewMark, ...]


SHORT = 80  # characters of a description shown as an initiative's title


def _shortened(words: str) -> str:
    if len(words) <= SHORT:
        return words
    cut = words[:SHORT].rsplit(" ", 1)[0]
    return cut.rstrip(",;:.") + "…"
