"""The report's charts: what each shows (plain data, always), and its picture (matplotlib, when installed).

Each chart is the distribution of one figure per group (council type or
region): a box for the middle half, a line at the median, and every plan as a
dot. The data behind a chart, its text alternative and what it leaves out are
worked out here without matplotlib, so the report keeps its tables when the
optional `plantool[report]` extra is not installed; only the image needs it.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from plantool.check.rules.facility_time import UNUSUAL_PERCENT
from plantool.summary import columns as C
from plantool.summary.groups import NOT_KNOWN, Line, describe, group_key

INSTALL_HINT = "pip install 'plantool[report]'"
WHAT_GROUP = {"type": "council type", "region": "region"}


@dataclass
class Chart:
    key: str  # used for the HTML ids and the image's file name
    title: str
    axis: str  # the value axis label, with its unit
    column: str  # the row column charted
    groups: list = field(default_factory=list)  # [(group name, [values])], in group order
    left_out: str = ""  # which plans the chart leaves out, and why
    reference: tuple | None = None  # (value, label) of a line drawn across, e.g. a threshold

    def lines(self) -> list[Line]:
        """The statistics of each group, as the chart's data table shows them."""
        return [describe(self.column, C.PERCENT, None, values) for _, values in self.groups]

    def alt(self, by: str) -> str:
        """A short text alternative: what is drawn, and each group's median; the table beside it has the rest."""
        medians = [f"{name} {_percent(line.median)} ({line.count} plan{'s' if line.count != 1 else ''})"
                   for (name, _), line in zip(self.groups, self.lines()) if line.count]
        drawn = f"Box plot of {self.title.lower()}, one box per {WHAT_GROUP[by]}, every plan a dot. "
        return drawn + ("Medians: " + "; ".join(medians) + "." if medians else "No plan gives this figure.")


def charts(rows: list[dict], by: str) -> list[Chart]:
    """The report's three charts: agency share of the pay bill, facility-time share of the pay bill, completeness."""
    names = sorted({group_key(row, by) for row in rows}, key=lambda name: (name == NOT_KNOWN, name.lower()))
    agency = Chart("agency-share", "Agency spend as a share of the pay bill", "Agency spend, % of the pay bill",
                   "agency_share_percent")
    facility = Chart("facility-time", "Facility time as a share of the pay bill", "Facility time, % of the pay bill",
                     "facility_pay_bill_percent", reference=(UNUSUAL_PERCENT, f"{UNUSUAL_PERCENT:g}%: government wrote to councils at or above this in 2024"))
    complete = Chart("completeness", "Questions answered", "Questions answered, % of those asked", "questions_answered_percent")
    for chart in (agency, facility, complete):
        chart.groups = [(name, []) for name in names]
    index = {name: i for i, name in enumerate(names)}
    for row in rows:
        i = index[group_key(row, by)]
        if row["agency_share_percent"] is not None and row["agency_share_base"] == "pay_bill":
            agency.groups[i][1].append(row["agency_share_percent"])
        if row["facility_pay_bill_percent"] is not None:
            facility.groups[i][1].append(row["facility_pay_bill_percent"])
        if row["questions_answered_percent"] is not None:
            complete.groups[i][1].append(row["questions_answered_percent"])
    read = [row for row in rows if row["load_error"] is None]
    unreadable = _plans(len(rows) - len(read), "could not be read")
    other_base = sum(1 for row in read if row["agency_share_percent"] is not None and row["agency_share_base"] != "pay_bill")
    agency.left_out = _join(_left_out(read, "agency_share_percent", other_base), unreadable)
    facility.left_out = _join(_left_out(read, "facility_pay_bill_percent"), unreadable)
    complete.left_out = unreadable
    return [agency, facility, complete]


def _left_out(rows: list[dict], column: str, other_base: int = 0) -> str:
    statuses = [row[f"{column}_status"] for row in rows]
    parts = [_plans(other_base, "give the share of another base (staffing budget or total spend)"),
             _plans(statuses.count(C.COMBINED), "report agency staff and consultants as one combined figure"),
             _plans(statuses.count(C.NOT_AVAILABLE), "declare it not available"),
             _plans(statuses.count(C.MISSING), "do not give it"),
             _plans(statuses.count(C.INVALID), "give something that is not a number")]
    return _join(*parts)


def _join(*parts: str) -> str:
    return "; ".join(part for part in parts if part)


def _plans(count: int, what: str) -> str:
    if not count:
        return ""
    return f"1 plan {_singular(what)}" if count == 1 else f"{count} plans {what}"


def _singular(what: str) -> str:
    """'give …' -> 'gives …', for one plan."""
    first, _, rest = what.partition(" ")
    verbs = {"give": "gives", "report": "reports", "declare": "declares", "do": "does", "could": "could"}
    return " ".join(filter(None, [verbs.get(first, first), rest]))


def _percent(value) -> str:
    from plantool.publish.formatting import percent

    return percent(round(value, 3)) if value is not None else "–"


def matplotlib_available() -> bool:
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        return False
    return True


def png(chart: Chart) -> bytes:
    """The chart drawn by matplotlib as a PNG (no pyplot, so no global state; no timestamp, so the bytes repeat)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    names = [name for name, _ in chart.groups]
    height = 1.2 + 0.55 * max(1, len(names))
    figure = Figure(figsize=(8, height), dpi=100, layout="constrained")
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    positions = list(range(len(names), 0, -1))  # the first group at the top, as in the table
    drawn = [(values, position) for (_, values), position in zip(chart.groups, positions) if values]
    if drawn:
        axes.boxplot([values for values, _ in drawn], positions=[p for _, p in drawn], orientation="horizontal",
                     widths=0.55, whis=(0, 100), showfliers=False, patch_artist=True,  # whiskers to the lowest and highest
                     boxprops={"facecolor": "#c6dbef", "edgecolor": "#08306b"}, medianprops={"color": "#08306b", "linewidth": 2},
                     whiskerprops={"color": "#08306b"}, capprops={"color": "#08306b"})
        for values, position in drawn:
            spread = [position + 0.18 * (((i * 7) % 11) / 10 - 0.5) for i in range(len(values))]  # a fixed jitter
            axes.scatter(values, spread, s=14, color="#252525", alpha=0.75, zorder=3, linewidths=0)
    if chart.reference is not None:
        value, label = chart.reference
        axes.axvline(value, color="#a50f15", linestyle="--", linewidth=1.5, label=label)
        figure.legend(loc="outside lower center", fontsize=9, frameon=False)
    axes.set_yticks(positions, [f"{name} ({len(values)})" for name, values in chart.groups])
    axes.set_ylim(0.4, len(names) + 0.6)
    axes.set_xlabel(chart.axis)
    axes.grid(axis="x", color="#d9d9d9")
    axes.set_axisbelow(True)
    axes.spines[["top", "right"]].set_visible(False)
    out = io.BytesIO()
    figure.savefig(out, format="png", metadata={"Software": None})
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    """`python -m plantool.summary.charts PATH... -o FILE.png [--chart KEY] [--group-by type|region] [--force]`.

    One of the report's charts as a PNG file, for a README or a slide (the README's
    chart of the examples is made this way).
    """
    import argparse
    from pathlib import Path

    from plantool.plan.fileio import WriteError, atomic_write
    from plantool.plan.paths import expand
    from plantool.register import load_register
    from plantool.summary.batch import FLAGS, summarise_files
    from plantool.summary.coverage import cover

    parser = argparse.ArgumentParser(prog="python -m plantool.summary.charts", description=main.__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("-o", "--output", type=Path, required=True)
    parser.add_argument("--chart", choices=["agency-share", "facility-time", "completeness"], default="completeness")
    parser.add_argument("--group-by", choices=list(C.GROUP_BY), default="type")
    parser.add_argument("--force", action="store_true")
    args = parser.parse_args(argv)
    files, problems = expand(args.paths)
    rows = [{k: v for k, v in row.items() if k not in FLAGS} for row in summarise_files(files)]
    cover(rows, load_register())
    [chart] = [c for c in charts(rows, args.group_by) if c.key == args.chart]
    try:
        atomic_write(args.output, png(chart), force=args.force)
    except WriteError as exc:
        parser.exit(2, f"plantool: error: {exc}\n")
    print(f"wrote {args.output}: {chart.alt(args.group_by)}")
    return 2 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
