"""Group statistics: for each council type or region, the count, median and quartiles of every number.

Quartiles use the inclusive method (the same as R's default type 7, Excel's
QUARTILE.INC and pandas' `quantile`), so an analyst who recomputes them gets
the same figures. A share is summarised separately for each base it is of
(pay bill, staffing budget, total spend), because shares of different bases
cannot be compared; one more line with an empty base counts its statuses.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from plantool.summary import columns as C

NOT_KNOWN = "not known"  # the group of a plan whose council's type or region is not known
STATUS_COUNTS = (C.NOT_AVAILABLE, C.MISSING, C.COMBINED, C.INVALID)


@dataclass
class Line:
    """The statistics of one figure in one group (for a share: of one base)."""

    figure: str
    unit: str
    base: str | None
    count: int  # plans with a value
    min: float | None
    q1: float | None
    median: float | None
    q3: float | None
    max: float | None
    not_available: int | None = None  # status counts: for figures only, and for a share on its empty-base line
    missing: int | None = None
    combined: int | None = None
    invalid: int | None = None


@dataclass
class Group:
    name: str
    plans: int
    lines: list

    def as_dict(self) -> dict:
        return {"group": self.name, "plans": self.plans, "figures": [asdict(line) for line in self.lines]}


def quartiles(values: list[float]) -> tuple[float, float, float]:
    """(lower quartile, median, upper quartile), inclusive method; one value is all three."""
    if len(values) == 1:
        return values[0], values[0], values[0]
    import statistics  # imported here: a plain CSV summary need not load it

    q1, median, q3 = statistics.quantiles(values, n=4, method="inclusive")
    return q1, median, q3


def describe(figure: str, unit: str, base: str | None, values: list) -> Line:
    if not values:
        return Line(figure, unit, base, 0, None, None, None, None, None)
    q1, median, q3 = quartiles(values)
    return Line(figure, unit, base, len(values), min(values), q1, median, q3, max(values))


def group_key(row: dict, by: str) -> str:
    return row[C.GROUP_BY[by]] or NOT_KNOWN


def group_statistics(rows: list[dict], by: str) -> list[Group]:
    """One Group per council type or region, sorted by name with 'not known' last."""
    members: dict[str, list[dict]] = {}
    for row in rows:
        members.setdefault(group_key(row, by), []).append(row)
    order = sorted(members, key=lambda name: (name == NOT_KNOWN, name.lower()))
    return [Group(name, len(members[name]), _lines(members[name])) for name in order]


def _lines(rows: list[dict]) -> list[Line]:
    lines = []
    for column in C.STATISTICS:
        name = column.name
        statuses = [row[f"{name}_status"] for row in rows] if column.is_figure else None
        base_column = C.share_base_column(name)
        if base_column is None:
            line = describe(name, column.unit, None, [row[name] for row in rows if row[name] is not None])
            lines.append(_with_statuses(line, statuses))
            continue
        bases = sorted({row[base_column] for row in rows if row[name] is not None}, key=lambda b: (b is None, b or ""))
        for base in bases:
            lines.append(describe(name, column.unit, base or NOT_KNOWN,
                                  [row[name] for row in rows if row[name] is not None and row[base_column] == base]))
        given = sum(row[name] is not None for row in rows)
        lines.append(_with_statuses(Line(name, column.unit, None, given, None, None, None, None, None), statuses))
    return lines


def _with_statuses(line: Line, statuses: list | None) -> Line:
    if statuses is not None:
        for status in STATUS_COUNTS:
            setattr(line, status, statuses.count(status))
    return line
