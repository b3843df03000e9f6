"""Column widths from what a table holds: the layout that makes the table shortest.

Word and LibreOffice size a fixed-layout table by the widths they are given,
so plantool works them out from the text: every column is at least as wide as
its longest word (a figure such as £262,000,000 never breaks), and the rest of
the page's width goes, a slice at a time, to whichever column saves the most
lines. A one-sentence item then sits on one or two wide lines beside a narrow
status column, instead of wrapping word by word in a narrow cell.

Pure arithmetic on estimated text widths (Arial's metrics, in ems of the body
font), so it is quick, testable without Word, and the same on every machine.
"""

from __future__ import annotations

import math

# Advance widths of Arial (metric-compatible with Liberation Sans, which
# LibreOffice substitutes), in thousandths of an em; other characters count as 556.
_ARIAL = dict(
    zip(
        " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~",
        (278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, *(556,) * 10, 278, 278, 584, 584, 584, 556,
         1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944,
         667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
         556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584),
    )
)
_ARIAL.update({"£": 556, "€": 556, "–": 556, "—": 1000, "‘": 222, "’": 222, "“": 333, "”": 333, "•": 350, "…": 1000})
BOLD = 1.07  # Arial Bold runs about 7% wider: header cells are bold
LINE_FILL = 0.92  # a wrapped line is on average this full: words do not break
WORD_ROOM = 1.08  # slack on the longest word, so a metric difference never breaks a figure
SHORT = 10.0  # ems: a column whose values are all this short (a status, a sum, a year) never wraps them
STEPS = 48  # the spare width is handed out in slices of this fraction of the table's width
LOOKAHEAD = 8  # slices a column may take at once, to reach a width where its text needs fewer lines
REBALANCE_ROUNDS = 12  # at most this many moves of width between columns after the first share-out


def text_width(text: str, *, bold: bool = False) -> float:
    """The width of a line of text, in ems."""
    width = sum(_ARIAL.get(char, 556) for char in text) / 1000
    return width * BOLD if bold else width


def _unbreakable(paragraph: str) -> list[str]:
    """The parts of a paragraph a line cannot break inside: words, and a web address's parts between slashes."""
    return [part for word in paragraph.split() for part in (word.split("/") if "://" in word else [word])]


class _Column:
    """One column's text: the widths of its paragraphs, row by row, and of its longest word."""

    def __init__(self, header: list[str], cells: list[list[str]], padding: float):
        self.padding = padding
        self.header = [text_width(p, bold=True) for p in header if p.strip()]
        self.cells = [[text_width(p) for p in cell if p.strip()] for cell in cells]
        words = [text_width(w, bold=True) for p in header for w in p.split()]
        words += [text_width(w) for cell in cells for p in cell for w in _unbreakable(p)]
        self.minimum = max(words, default=0.0) * WORD_ROOM + padding
        longest_value = max((w for cell in self.cells for w in cell), default=0.0) * WORD_ROOM + padding
        if longest_value <= SHORT:
            self.minimum = max(self.minimum, longest_value)
        self.natural = max([*self.header, *(w for cell in self.cells for w in cell)], default=0.0) / LINE_FILL + padding
        self.natural = max(self.natural, self.minimum)
        self._lines: dict[float, tuple[int, list[int]]] = {}

    def lines(self, width: float) -> tuple[int, list[int]]:
        """(header lines, lines of each row) at this column width."""
        width = round(width, 6)
        if width not in self._lines:
            inner = max(width - self.padding, 1e-6) * LINE_FILL

            def count(paragraphs):
                return sum(max(1, math.ceil(w / inner - 1e-9)) for w in paragraphs)

            self._lines[width] = (count(self.header), [count(cell) for cell in self.cells])
        return self._lines[width]


def column_widths(header: list[list[str]], rows: list[list[list[str]]], available: float, *, padding: float = 0.0) -> list[float]:
    """Widths (in ems, summing to `available`) for a table's columns.

    `header` holds each column's header paragraphs; `rows` each row's cells,
    each cell its paragraphs; `padding` is a cell's left plus right margin.
    """
    count = len(header)
    if not count:
        return []
    columns = [_Column(header[c], [row[c] if c < len(row) else [] for row in rows], padding) for c in range(count)]
    widths = [column.minimum for column in columns]
    if sum(widths) >= available:  # even the longest words do not fit side by side: share the page by them
        return [available * w / sum(widths) for w in widths]

    spare = available - sum(widths)
    slice_ = available / STEPS
    while spare > 1e-9:
        best = _best_widening(columns, widths, spare, slice_)
        if best is None:
            break  # every column fits its longest line
        widths[best[0]] += best[1]
        spare -= best[1]
    if spare > 1e-9:  # all text fits on single lines: widen in proportion, so the table spans the page
        total = sum(widths)
        return [w + spare * w / total for w in widths]
    return _rebalance(columns, widths, slice_)


def _height(columns: list[_Column], widths: list[float]) -> int:
    """The table's height in lines: the header's tallest cell plus each row's tallest."""
    lines = [column.lines(width) for column, width in zip(columns, widths)]
    return max(head for head, _ in lines) + sum(map(max, *(body for _, body in lines))) if len(lines) > 1 else sum(lines[0][1]) + lines[0][0]


def _rebalance(columns: list[_Column], widths: list[float], slice_: float) -> list[float]:
    """Move width from one column to another while that makes the table shorter.

    Handing out width a slice at a time can give a column room it only needed
    early on (a header on one line) that a long column would use better later.
    """
    best_height = _height(columns, widths)
    for _ in range(REBALANCE_ROUNDS):
        best = None
        for giver in range(len(columns)):
            for taker in range(len(columns)):
                if giver == taker:
                    continue
                for step in range(1, LOOKAHEAD + 1):
                    room = step * slice_
                    if widths[giver] - room < columns[giver].minimum - 1e-9:
                        break
                    trial = list(widths)
                    trial[giver] -= room
                    trial[taker] += room
                    height = _height(columns, trial)
                    if height < best_height:
                        best, best_height = trial, height
        if best is None:
            break
        widths = best
    return widths


def _best_widening(columns: list[_Column], widths: list[float], spare: float, slice_: float) -> tuple[int, float] | None:
    """(column, extra width) that saves the most lines of table height per em, looking a few slices ahead.

    When no widening within reach saves a line, the column whose text wraps
    most gets one slice, which moves the layout towards the next saving.
    """
    now = [column.lines(width) for column, width in zip(columns, widths)]
    best, best_rate = None, 0.0
    fallback, fallback_lines = None, -1
    for index, column in enumerate(columns):
        cap = min(spare, column.natural - widths[index])
        if cap <= 1e-9:
            continue
        others = [max(row) for row in zip(*(body for j, (_, body) in enumerate(now) if j != index))] or [0] * len(now[index][1])
        head_others = max((head for j, (head, _) in enumerate(now) if j != index), default=0)
        head, body = now[index]
        base = max(head_others, head) + sum(map(max, others, body))
        for step in range(1, LOOKAHEAD + 1):
            room = min(step * slice_, cap)
            head, body = column.lines(widths[index] + room)
            rate = (base - max(head_others, head) - sum(map(max, others, body))) / room
            if rate > best_rate + 1e-12:
                best, best_rate = (index, room), rate
            if room >= cap:
                break
        wrapped = sum(now[index][1]) + now[index][0]
        if wrapped > fallback_lines:
            fallback, fallback_lines = (index, min(slice_, cap)), wrapped
    return best or fallback


def estimated_height(header: list[list[str]], rows: list[list[list[str]]], widths: list[float], *, padding: float = 0.0) -> int:
    """How many lines tall the table is estimated to be at these widths (what column_widths minimises)."""
    columns = [_Column(header[c], [row[c] if c < len(row) else [] for row in rows], padding) for c in range(len(header))]
    return _height(columns, widths)
