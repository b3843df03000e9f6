"""The summary's columns, in order, with their units and meanings: defined here and nowhere else.

The CSV header, the JSON keys, the HTML report and the README's column
dictionary are all made from `COLUMNS` (`python -m plantool.summary.columns`
prints the README table; a test keeps the two identical).

A disclosure figure is three columns: its value (a number, or empty), its
status, and a note. The status keeps apart what an empty value cannot:

    given          the plan gives the figure as a number
    not_available  the plan declares it not available; the note holds the reason
    missing        the plan leaves it out, empty, or as a placeholder such as TODO
    combined       not given on its own because the plan reports agency staff and
                   consultants as one combined figure (see the combined_ columns)
    not_combined   (combined_ columns only) the plan reports no combined figure
    invalid        the plan writes something that is not a number; the note holds it as written

Units are in the names: `_gbp` pounds, `_percent` percentages (9.26 means 9.26%),
`_fte` full-time equivalents; other numbers are counts.
"""

from __future__ import annotations

from dataclasses import dataclass

GIVEN, NOT_AVAILABLE, MISSING, COMBINED, NOT_COMBINED, INVALID = (
    "given", "not_available", "missing", "combined", "not_combined", "invalid")
STATUSES = (GIVEN, NOT_AVAILABLE, MISSING, COMBINED, NOT_COMBINED, INVALID)

# Units, as the column dictionary and the JSON name them.
GBP, PERCENT, FTE, COUNT, TEXT = "GBP", "percent", "FTE", "count", "text"

# --group-by choices, and the column each groups by.
GROUP_BY = {"type": "council_type", "region": "region"}

# How a plan was matched to the council register.
MATCHED_BY_CODE, MATCHED_BY_NAME, NOT_IN_REGISTER, NOT_GIVEN = "gss_code", "name", "not_in_register", "not_given"

SAVING_KINDS = ("achieved", "planned", "required")  # the schema's saving `kind`
SAVING_TYPES = ("cashable", "income", "cost_avoidance")  # the schema's saving `type`
TYPE_NOT_STATED = "type_not_stated"
SAVING_SPANS = ("one_off", "per_year", "over_years")  # the schema's saving `span`
SPAN_NOT_STATED = "span_not_stated"
INCOME_KINDS = ("target", "achieved")  # the schema's income line `kind`
INITIATIVE_STATUSES = ("done", "under_way", "planned")  # the schema's initiative `status`


@dataclass(frozen=True)
class Column:
    """One column of the plans table."""

    name: str
    unit: str  # GBP, percent, FTE, count or text
    meaning: str
    path: tuple = ()  # where a figure or a disclosure's text sits in the plan, if read straight from it
    figure: str = ""  # for a figure's _status and _note columns: the figure's value column
    stats: bool = True  # group statistics are worked out for it (numbers only)

    @property
    def numeric(self) -> bool:
        return self.unit != TEXT

    @property
    def is_figure(self) -> bool:
        """A disclosure figure's value column (it has a _status and a _note column beside it)."""
        return bool(self.path) and self.numeric


def _text(name: str, meaning: str, path: tuple = ()) -> Column:
    return Column(name, TEXT, meaning, path, stats=False)


def _number(name: str, unit: str, meaning: str, *, stats: bool = True) -> Column:
    return Column(name, unit, meaning, stats=stats)


def _statuses(path: tuple) -> str:
    """The statuses a figure can have: 'combined' only where the combined figure stands in for it."""
    section = path[1]
    names = [s for s in STATUSES if (s != COMBINED or section in COMBINABLE) and (s != NOT_COMBINED or section == COMBINING)]
    return ", ".join(names[:-1]) + " or " + names[-1]


def _figure(name: str, unit: str, meaning: str, path: tuple) -> list[Column]:
    """A disclosure figure: its value, its status and its note."""
    return [
        Column(name, unit, meaning, path),
        Column(f"{name}_status", TEXT, f"Status of {name}: {_statuses(path)}.", figure=name, stats=False),
        Column(f"{name}_note", TEXT, f"The reason, when {name} is not_available; the value as written, when invalid.",
               figure=name, stats=False),
    ]


def _share(prefix: str, section: str, what: str) -> list[Column]:
    """A share of a stated base: the percentage, what it is a share of, and the base's amount."""
    share = ("disclosures", section, "share")
    return [
        *_figure(f"{prefix}_share_percent", PERCENT, f"{what} as a percentage of the base in {prefix}_share_base.",
                 share + ("percent",)),
        _text(f"{prefix}_share_base", "What the share is of: pay_bill, staffing_budget or total_spend, as the plan says.",
              share + ("of",)),
        *_figure(f"{prefix}_share_base_gbp", GBP, "The amount of that base, in pounds, when the plan gives it.",
                 share + ("base_amount",)),
    ]


def _period(prefix: str, section: str, what: str) -> Column:
    return _text(f"{prefix}_period", f"The financial year the {what} figures are for, as written (2024/25).",
                 ("disclosures", section, "period"))


def _savings() -> list[Column]:
    words = {"achieved": "achieved (already banked)", "planned": "planned (identified, not yet banked)",
             "required": "required (a gap still to be found)"}
    totals = [_number(f"savings_{kind}_gbp", GBP, f"Total of the savings the plan states as {words.get(kind, kind)}, in pounds.")
              for kind in SAVING_KINDS]
    by_type = [
        _number(f"savings_{kind}_{kind_of}_gbp", GBP,
                f"{kind.capitalize()} savings " + (f"of type {kind_of}" if kind_of != TYPE_NOT_STATED else "whose type is not stated")
                + ", in pounds.")
        for kind in SAVING_KINDS for kind_of in (*SAVING_TYPES, TYPE_NOT_STATED)
    ]
    # A plan may state one saving as £2m a year and another as £6m over three years: the totals
    # add them as written, and these columns say how much of each total is which, so an analyst
    # can compare like with like (nothing is annualised or guessed).
    spans = {"one_off": "as one-off", "per_year": "as an amount each year", "over_years": "as a total over several years",
             SPAN_NOT_STATED: "without saying over what time"}
    by_span = [
        _number(f"savings_{kind}_{span}_gbp", GBP, f"{kind.capitalize()} savings stated {spans[span]}, in pounds, as written.")
        for kind in SAVING_KINDS for span in (*SAVING_SPANS, SPAN_NOT_STATED)
    ]
    return totals + by_type + by_span


FACILITY = "facility_time"
# The disclosure that may stand in for others (the schema's x-plantool-covers), and those it covers;
# a test holds these to the schema.
COMBINING = "agency_and_consultants"
COMBINABLE = ("agency_staff", "consultants")

COLUMNS: tuple[Column, ...] = (
    # Which plan, and which council.
    _text("file", "The plan file, as found from the paths given."),
    _text("load_error", "Why the plan could not be read (file, line and column where known); empty when it was read. "
                        "The rest of the row is then empty."),
    _text("council", "The council's official name from the register; the plan's own name when the register does not know the council."),
    _text("gss_code", "The council's GSS code from the register; the plan's own code when the register does not know the council."),
    _text("council_type", "county, district, unitary, metropolitan district, London borough, City of London or Isles of Scilly, "
                          "from the register; the type the plan gives when the register does not know the council."),
    _text("region", "The council's region from the register (East Midlands, London, …); empty when the register does not know the council."),
    _text("register_match", f"How the plan was matched to the register: {MATCHED_BY_CODE} (by its code), {MATCHED_BY_NAME} (its code is empty "
                            f"or unknown, its name is the register's), {NOT_IN_REGISTER}, or {NOT_GIVEN} (no name or code)."),
    _text("plan_council_name", "The council's name as the plan writes it."),
    _text("plan_gss_code", "The GSS code as the plan writes it."),
    _number("plans_for_council", COUNT, "How many of the plans summarised are for this council (2 or more: several years, "
                                        "or a duplicate); empty when the register does not know the council.", stats=False),
    # The plan.
    _text("period", "The financial year the plan covers, as written (2025/26)."),
    _text("status", "draft, approved or published, as written."),
    _number("questions_answered", COUNT, "Questions the plan answers, as `plantool check` counts them "
                                         "(a figure declared not available counts as answered)."),
    _number("questions_total", COUNT, "Questions asked of the plan (those a combined agency and consultants figure "
                                      "replaces are not asked)."),
    _number("questions_answered_percent", PERCENT, "questions_answered ÷ questions_total × 100, to two decimal places."),
    _number("errors", COUNT, "Errors `plantool check` reports (gaps are errors once a plan is approved or published)."),
    _number("warnings", COUNT, "Warnings `plantool check` reports."),
    # Disclosures.
    _period("edi", "edi", "EDI"),
    *_figure("edi_spend_gbp", GBP, "Spend on staff equality, diversity and inclusion training and programmes, in pounds.",
             ("disclosures", "edi", "spend")),
    _period("agency", "agency_staff", "agency staff"),
    *_figure("agency_spend_gbp", GBP, "Spend on agency staff, in pounds.", ("disclosures", "agency_staff", "spend")),
    *_share("agency", "agency_staff", "Agency spend"),
    *_figure("agency_workers_over_12_months", COUNT, "Agency workers engaged for more than 12 months.",
             ("disclosures", "agency_staff", "workers_over_12_months")),
    _period("consultants", "consultants", "consultants"),
    *_figure("consultants_spend_gbp", GBP, "Spend on consultants, in pounds.", ("disclosures", "consultants", "spend")),
    *_share("consultants", "consultants", "Consultant spend"),
    _period("combined", "agency_and_consultants", "combined agency staff and consultants"),
    *_figure("combined_spend_gbp", GBP, "Agency staff and consultants reported as one figure: spend, in pounds.",
             ("disclosures", "agency_and_consultants", "spend")),
    *_share("combined", "agency_and_consultants", "Combined agency and consultant spend"),
    *_figure("combined_workers_over_12_months", COUNT, "Agency or consultancy workers engaged for more than 12 months, "
                                                       "reported as one figure.",
             ("disclosures", "agency_and_consultants", "workers_over_12_months")),
    _period("facility", FACILITY, "trade union facility time"),
    *_figure("facility_officials", COUNT, "Employees who were trade union officials during the period (statutory return).",
             ("disclosures", FACILITY, "officials", "headcount")),
    *_figure("facility_officials_fte", FTE, "Those officials as full-time equivalents.",
             ("disclosures", FACILITY, "officials", "fte")),
    *_figure("facility_officials_none", COUNT, "Officials who spent 0% of their working hours on facility time.",
             ("disclosures", FACILITY, "time_bands", "none")),
    *_figure("facility_officials_up_to_half", COUNT, "Officials who spent 1% to 50% of their working hours on facility time.",
             ("disclosures", FACILITY, "time_bands", "up_to_half")),
    *_figure("facility_officials_more_than_half", COUNT, "Officials who spent 51% to 99% of their working hours on facility time.",
             ("disclosures", FACILITY, "time_bands", "more_than_half")),
    *_figure("facility_officials_all", COUNT, "Officials who spent 100% of their working hours on facility time.",
             ("disclosures", FACILITY, "time_bands", "all")),
    *_figure("facility_cost_gbp", GBP, "Cost of facility time, in pounds.", ("disclosures", FACILITY, "cost")),
    *_figure("facility_pay_bill_gbp", GBP, "Total pay bill, in pounds.", ("disclosures", FACILITY, "pay_bill")),
    *_figure("facility_pay_bill_percent", PERCENT, "Cost of facility time as a percentage of the pay bill, as the plan states it.",
             ("disclosures", FACILITY, "percent_of_pay_bill")),
    *_figure("facility_paid_activities_percent", PERCENT, "Hours on paid trade union activities as a percentage of paid facility time hours.",
             ("disclosures", FACILITY, "paid_activities_percent")),
    # Savings, income, initiatives and barriers, wherever the plan holds them.
    *_savings(),
    *(_number(f"income_{kind}_gbp", GBP, f"Total of the income lines marked {kind} (income generation), in pounds.")
      for kind in INCOME_KINDS),
    *(_number(f"initiatives_{status}", COUNT, f"Initiatives whose status is {status}, in every theme, section and topic.")
      for status in INITIATIVE_STATUSES),
    _number("barriers", COUNT, "Barriers listed under the barriers theme."),
)

NAMES: tuple[str, ...] = tuple(c.name for c in COLUMNS)
_BY_NAME: dict[str, Column] = {c.name: c for c in COLUMNS}
FIGURES: tuple[Column, ...] = tuple(c for c in COLUMNS if c.is_figure)
TEXT_FROM_PLAN: tuple[Column, ...] = tuple(c for c in COLUMNS if c.path and not c.numeric)
STATISTICS: tuple[Column, ...] = tuple(c for c in COLUMNS if c.numeric and c.stats)


def column(name: str) -> Column:
    return _BY_NAME[name]


def share_base_column(percent_column: str) -> str | None:
    """agency_share_percent -> agency_share_base: a share's base, which its statistics are split by."""
    if percent_column.endswith("_share_percent"):
        return percent_column.removesuffix("_percent") + "_base"
    return None


def dictionary_markdown() -> str:
    """The README's column dictionary, as a Markdown table."""
    rows = ["| column | unit | meaning |", "|---|---|---|"]
    rows += [f"| `{c.name}` | {c.unit} | {c.meaning.replace('|', '¦')} |" for c in COLUMNS]
    return "\n".join(rows)


if __name__ == "__main__":  # python -m plantool.summary.columns: the README's column dictionary
    print(dictionary_markdown())
