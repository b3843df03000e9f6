"""`--format html`: one self-contained, accessible page for people who would rather look than read.

Coverage, charts (each with a text alternative and its data table beside it),
the table of councils and the statistics of every figure per group. Nothing is
fetched: the style is inline and the charts are PNG data URIs drawn by
matplotlib. Without matplotlib the page says how to add the charts and keeps
their tables. Figures are in British form; a figure that is not available,
missing or in the combined figure says so in words, never by colour alone.
"""

from __future__ import annotations

import base64
from html import escape

from plantool.publish import formatting, labels
from plantool.summary import charts as chart_data
from plantool.summary import columns as C
from plantool.summary.groups import Line

WHAT_GROUP = chart_data.WHAT_GROUP
BASES = {"pay_bill": "the pay bill", "staffing_budget": "the staffing budget", "total_spend": "total spend"}
# How a figure that is not given reads in a cell (its note follows a colon), and what that means.
STATUS_WORDS = {
    C.NOT_AVAILABLE: (labels.NOT_AVAILABLE, "the plan declares the figure not available, and gives the reason shown"),
    C.MISSING: ("Missing", "the plan leaves the figure out or empty"),
    C.COMBINED: ("In the combined figure", "the plan reports agency staff and consultants as one figure"),
    C.INVALID: ("Not a number", "the plan writes something other than a number (check reports it as an error)"),
}
UNIT_WORDS = {C.GBP: "£", C.PERCENT: "%", C.FTE: "FTE", C.COUNT: "number"}

STYLE = """
body { font-family: Arial, Helvetica, sans-serif; font-size: 1rem; line-height: 1.5; color: #1b1b1b; background: #fff;
       margin: 0 auto; max-width: 75rem; padding: 1rem 1.5rem 3rem; }
h1 { font-size: 2rem; margin: 0.5rem 0 1rem; } h2 { font-size: 1.5rem; margin-top: 2.5rem; border-top: 2px solid #1b1b1b; padding-top: 1rem; }
h3 { font-size: 1.2rem; margin-top: 2rem; }
a { color: #1d4e89; } a:focus, .scroll:focus { outline: 3px solid #fd0; outline-offset: 2px; background: #fd0; color: #000; }
table { border-collapse: collapse; margin: 0.5rem 0 1.5rem; font-size: 0.95rem; }
caption { text-align: left; font-weight: bold; padding: 0.25rem 0; }
th, td { border: 1px solid #6e6e6e; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
thead th { background: #e8e8e8; } td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }
.scroll { overflow-x: auto; max-width: 100%; }
.chart { display: flex; flex-wrap: wrap; gap: 1.5rem; align-items: flex-start; margin: 0; }
.chart img { max-width: 100%; height: auto; border: 1px solid #b1b4b6; }
.note { border-left: 5px solid #1d4e89; padding: 0.5rem 1rem; background: #f3f2f1; }
dt { font-weight: bold; } dd { margin: 0 0 0.5rem 1.5rem; }
"""


def render(summary) -> str:
    by = summary.group_by or "type"
    charts = chart_data.charts(summary.rows, by)
    drawing = chart_data.matplotlib_available()
    plans = len(summary.rows)
    title = f"Productivity plans compared: {plans} plan{'s' if plans != 1 else ''}"
    sections = [
        ("coverage", "Coverage against the council register", _coverage(summary)),
        ("charts", f"Charts by {WHAT_GROUP[by]}", _charts(charts, by, drawing)),
        ("councils", "The plans", _councils(summary.rows)),
        ("statistics", f"Statistics by {WHAT_GROUP[by]}", _statistics(summary.groups, by)),
    ]
    contents = "".join(f'<li><a href="#{key}">{escape(heading)}</a></li>' for key, heading, _ in sections)
    body = "".join(f'<section aria-labelledby="{key}">\n<h2 id="{key}">{escape(heading)}</h2>\n{content}</section>\n'
                   for key, heading, content in sections)
    return (
        '<!DOCTYPE html>\n<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
        f"<header>\n<h1>{escape(title)}</h1>\n{_introduction(summary)}</header>\n"
        f'<nav aria-label="Contents">\n<ul>{contents}</ul>\n</nav>\n<main>\n{body}</main>\n'
        f"<footer>\n<p>Made by plantool {escape(summary.version)} from the plan files listed in the table of plans. "
        "Every column is in <code>plantool summary --format csv</code>; the column dictionary is in plantool's README.</p>\n"
        "</footer>\n</body>\n</html>\n"
    )


def _introduction(summary) -> str:
    coverage = summary.coverage
    unreadable = sum(row["load_error"] is not None for row in summary.rows)
    facts = [f"{len(summary.rows)} plans summarised"
             + (f", {unreadable} of which could not be read" if unreadable else ""),
             f"{len(coverage.with_plan)} of the {coverage.councils} councils in the register have a plan here"]
    words = "<dl>\n" + "".join(f"<dt>{escape(label)}</dt><dd>{escape(meaning)}</dd>\n"
                                for label, meaning in STATUS_WORDS.values()) + "</dl>\n"
    return f"<p>{escape('; '.join(facts))}.</p>\n<p>How figures that are not given read in the tables:</p>\n{words}"


def _coverage(summary) -> str:
    coverage = summary.coverage
    by = summary.group_by or "type"
    groups = coverage.by_type if by == "type" else coverage.by_region
    parts = [f"<p>{len(coverage.with_plan)} of the {coverage.councils} councils in the register "
             f"({escape(coverage.source)}) have a plan here; {len(coverage.missing)} have none.</p>\n"]
    parts.append(_table(f"coverage-by-{by}", f"Councils with a plan, by {WHAT_GROUP[by]}",
                        [WHAT_GROUP[by].capitalize(), "Councils in the register", "With a plan", "Without"],
                        [[g["group"] or "not known", _n(g["councils"]), _n(g["with_plan"]), _n(g["councils"] - g["with_plan"])]
                         for g in groups], numbers=(1, 2, 3)))
    parts.append(_listing("missing", "Councils without a plan",
                          f"The {len(coverage.missing)} councils in the register without a plan here",
                          ["Council", "GSS code", "Type", "Region"],
                          [[c["council"], c["gss_code"], c["council_type"], c["region"] or ""] for c in coverage.missing],
                          "Every council in the register has a plan here."))
    parts.append(_listing("unknown", "Plans for councils the register does not know",
                          "Plans whose council name and code are not in the register",
                          ["File", "Council, as the plan names it", "GSS code, as the plan gives it"],
                          [[p["file"], p["plan_council_name"] or "(none)", p["plan_gss_code"] or "(none)"]
                           for p in coverage.not_in_register],
                          "None: every plan names a council the register knows."))
    parts.append(_listing("several", "Councils with more than one plan",
                          "Councils with more than one plan here (several years, or a copy)", ["Council", "GSS code", "Files"],
                          [[c["council"], c["gss_code"], ", ".join(c["files"])] for c in coverage.more_than_one_plan], "None."))
    return "".join(parts)


def _listing(key: str, heading: str, caption: str, headers: list[str], rows: list[list], empty: str) -> str:
    """A heading, then its table, or a sentence saying there is nothing to list."""
    body = _table(f"{key}-table", caption, headers, rows) if rows else f"<p>{escape(empty)}</p>\n"
    return f'<h3 id="{key}">{escape(heading)}</h3>\n{body}'


def _charts(charts, by: str, drawing: bool) -> str:
    parts = []
    if not drawing:
        parts.append(f'<p class="note">The charts need matplotlib, which is not installed: '
                     f"<code>{escape(chart_data.INSTALL_HINT)}</code> adds them. Their figures are in the tables below.</p>\n")
    for chart in charts:
        heading_id = f"chart-{chart.key}"
        parts.append(f'<h3 id="{heading_id}">{escape(chart.title)}, by {escape(WHAT_GROUP[by])}</h3>\n')
        parts.append(f'<figure class="chart" aria-labelledby="{heading_id}">\n')
        if drawing:
            data = base64.b64encode(chart_data.png(chart)).decode("ascii")
            parts.append(f'<img src="data:image/png;base64,{data}" alt="{escape(chart.alt(by))}">\n')
        rows = [[name, _n(line.count), *(_value(v, C.PERCENT) for v in (line.min, line.q1, line.median, line.q3, line.max))]
                for (name, _), line in zip(chart.groups, chart.lines())]
        parts.append(_table(f"{heading_id}-data", f"The figures in the chart: {chart.title.lower()}",
                            [WHAT_GROUP[by].capitalize(), "Plans", "Lowest", "Lower quartile", "Median", "Upper quartile", "Highest"],
                            rows, numbers=(1, 2, 3, 4, 5, 6)))
        left_out = f"Left out: {chart.left_out}." if chart.left_out else "No plan is left out."
        parts.append(f"<figcaption>{escape(left_out)}</figcaption>\n</figure>\n")
    return "".join(parts)


def _councils(rows: list[dict]) -> str:
    headers = ["Council", "Type", "Region", "Period and status", "Questions answered", "Errors", "Warnings",
               "Agency spend, share", "Consultant spend, share", "Facility time, share of pay bill", "EDI spend",
               "Savings achieved", "Savings planned", "Initiatives", "Barriers"]
    body = []
    for row in rows:
        if row["load_error"] is not None:
            body.append([row["file"], ("Could not be read: " + row["load_error"], len(headers) - 1)])
            continue
        council = row["council"] or row["file"]
        if row["register_match"] in (C.NOT_IN_REGISTER, C.NOT_GIVEN):
            council += " (not in the register)"
        body.append([
            council, row["council_type"] or "", row["region"] or "",
            " ".join(filter(None, [row["period"], row["status"]])),
            f"{row['questions_answered']} of {row['questions_total']}", _n(row["errors"]), _n(row["warnings"]),
            _share(row, "agency"), _share(row, "consultants"), _facility(row), _figure(row, "edi_spend_gbp"),
            _value(row["savings_achieved_gbp"], C.GBP), _value(row["savings_planned_gbp"], C.GBP),
            ", ".join(f"{row[f'initiatives_{s}']} {s.replace('_', ' ')}" for s in C.INITIATIVE_STATUSES),
            _n(row["barriers"]),
        ])
    return ("<p>One row per plan file. Shares state their base; the CSV has every figure and its status.</p>\n"
            + _table("plans-table", "The plans, one row per file", headers, body, numbers=(5, 6, 11, 12, 14), scroll=True))


def _statistics(groups, by: str) -> str:
    parts = [f"<p>For each figure, the plans in each {escape(WHAT_GROUP[by])} that give it, and the lowest value, "
             "the lower quartile, the median, the upper quartile and the highest (quartiles by the inclusive method, "
             "as R, Excel's QUARTILE.INC and pandas compute them). Shares are shown for each base separately.</p>\n"]
    figures: dict[tuple, list] = {}
    for group in groups:
        for line in group.lines:
            figures.setdefault((line.figure, line.base), []).append((group, line))
    for (name, base), entries in figures.items():
        column = C.column(name)
        statuses = base is None and C.share_base_column(name) is not None  # a share's line that counts statuses
        heading = _heading(name) + (f", of {BASES.get(base, base)}" if base else "")
        key = f"stats-{name}" + (f"-{base}" if base else "") + ("-statuses" if statuses else "")
        if statuses:
            heading = _heading(name) + ": how many plans give it"
        headers = [WHAT_GROUP[by].capitalize(), "Plans", "With a value"]
        if not statuses:
            headers += ["Lowest", "Lower quartile", "Median", "Upper quartile", "Highest"]
        if entries[0][1].missing is not None:
            headers += ["Not available", "Missing", "In combined figure", "Not a number"]
        rows = [_statistics_row(group, line, column.unit, statuses) for group, line in entries]
        parts.append(f'<h3 id="{escape(key)}">{escape(heading)}</h3>\n')
        parts.append(_table(f"{key}-table", f"{column.meaning}", headers, rows, numbers=tuple(range(1, len(headers)))))
    return "".join(parts)


def _statistics_row(group, line: Line, unit: str, statuses_only: bool) -> list:
    row = [group.name, _n(group.plans), _n(line.count)]
    if not statuses_only:
        row += [_value(v, unit) for v in (line.min, line.q1, line.median, line.q3, line.max)]
    if line.missing is not None:
        row += [_n(line.not_available), _n(line.missing), _n(line.combined), _n(line.invalid)]
    return row


# -- cells -------------------------------------------------------------------------------


def _figure(row: dict, name: str) -> str:
    status = row[f"{name}_status"]
    if status == C.GIVEN:
        return _as_written(row[name], C.column(name).unit)
    if status not in STATUS_WORDS:  # not_combined: there is nothing to say in the separate figure's place
        return ""
    label, note = STATUS_WORDS[status][0], row[f"{name}_note"]
    return f"{label}: {note}" if note else label


def _share(row: dict, prefix: str) -> str:
    """'4.1% of the pay bill', or what stands in its place: the combined share, not available, missing."""
    name = f"{prefix}_share_percent"
    if row[f"{name}_status"] == C.COMBINED and row["combined_share_percent_status"] == C.GIVEN:
        return "Combined: " + _share(row, "combined")
    if row[f"{name}_status"] != C.GIVEN:
        return _figure(row, name)
    base = row[f"{prefix}_share_base"]
    return labels.SHARE.format(percent=_as_written(row[name], C.PERCENT), base=BASES.get(base, base or labels.UNSTATED_BASE))


def _facility(row: dict) -> str:
    text = _figure(row, "facility_pay_bill_percent")
    if row["facility_pay_bill_percent_status"] == C.GIVEN and row["facility_cost_gbp"] is not None:
        text = labels.SHARE_WITH_AMOUNT.format(share=text, amount=_as_written(row["facility_cost_gbp"], C.GBP))
    return text


def _as_written(value, unit: str) -> str:
    """A plan's own figure in British form, every digit it was written with (0.0711%, £4,164,000.50)."""
    if unit == C.GBP:
        return formatting.money(value)
    if unit == C.PERCENT:
        return formatting.percent(value)
    return formatting.number(value)


def _value(value, unit: str) -> str:
    """A worked-out number (a median, a total) in British form, rounded for reading; the CSV keeps every digit."""
    if value is None:
        return "–"
    if unit == C.GBP:
        return formatting.money(round(value))
    if unit == C.PERCENT:
        return formatting.percent(round(value, 3))
    return formatting.number(round(value, 1))


def _n(value) -> str:
    return "–" if value is None else formatting.number(value)


def _heading(name: str) -> str:
    """agency_share_percent -> 'Agency share (%)': the column's name, readable."""
    words, unit = name, ""
    for suffix, shown in (("_gbp", "£"), ("_percent", "%"), ("_fte", "FTE")):
        if words.endswith(suffix):
            words, unit = words.removesuffix(suffix), f" ({shown})"
    return words.replace("_", " ").capitalize() + unit


def _table(table_id: str, caption: str, headers: list[str], rows: list[list], *, numbers: tuple = (),
           scroll: bool = False) -> str:
    """A table with a caption, column headers and the first cell of each row as its row header.

    A cell may be (text, columns) to span columns. A wide table sits in a scrollable region that
    the keyboard can reach and that is named by the caption.
    """
    head = "".join(f'<th scope="col"{_number_class(i, numbers)}>{escape(h)}</th>' for i, h in enumerate(headers))
    lines = []
    for row in rows:
        cells = []
        for i, cell in enumerate(row):
            text, span = cell if isinstance(cell, tuple) else (cell, 1)
            spanning = f' colspan="{span}"' if span > 1 else ""
            if i == 0:
                cells.append(f'<th scope="row">{escape(str(text))}</th>')
            else:
                cells.append(f"<td{spanning}{_number_class(i, numbers) if span == 1 else ''}>{escape(str(text))}</td>")
        lines.append("<tr>" + "".join(cells) + "</tr>")
    caption_id = f"{table_id}-caption"
    table = (f'<table id="{escape(table_id)}">\n<caption id="{escape(caption_id)}">{escape(caption)}</caption>\n'
             f"<thead><tr>{head}</tr></thead>\n<tbody>\n" + "\n".join(lines) + "\n</tbody>\n</table>\n")
    if scroll:
        return f'<div class="scroll" role="region" aria-labelledby="{escape(caption_id)}" tabindex="0">\n{table}</div>\n'
    return table


def _number_class(index: int, numbers: tuple) -> str:
    return ' class="number"' if index in numbers else ""
