"""Generated plans for the benchmarks: one per English council, all different.

A national sweep checks ~317 plans that share a shape but not their words or
figures, so the corpus does the same: each plan starts from the Riverside
example, takes a real council from the register, and gets its own text
lengths (8–20 KB files) and figures from a seeded random.Random, so every run
measures the same files.  Most plans are clean; a few carry findings, as real
ones do.  Bigger plans for the size curve repeat a real plan's lists and text.
"""

from __future__ import annotations

import copy
import csv
import io
import json
import os
import random
import sys
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, LiteralScalarString

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples"
BASE_PLAN = EXAMPLES / "riverside-2025.plan.yaml"
REGISTER_NAME = "english-councils-2024.csv"
SEED = 2024

SENTENCES = [
    "Each service reports three to five measures to Cabinet every quarter, with unit costs set against our nearest statistical neighbours.",
    "We moved {n} processes online this year, and the share of requests made on the web rose by {p} points.",
    "A joint procurement with neighbouring councils cut the price of the waste contract by {p}% over its first {y} years.",
    "Sickness absence fell from {a} to {b} days per FTE after we brought occupational health back in house.",
    "The housing repairs service now plans work from stock-condition data rather than from complaints.",
    "Agency spending is reviewed each month by the leadership team, and every placement longer than six months needs director approval.",
    "We closed {n} buildings and moved staff into the civic centre, saving £{m} a year in running costs.",
    "Our customer service centre answers {q}% of calls at first contact, up from {p}% in 2021/22.",
    "Short-term grants each need a bid and a return; last year {n} grants under £100,000 took about {y} FTE of officer time.",
    "Temporary accommodation costs have risen {p}% since 2021/22 and are now the biggest pressure on the budget.",
    "We share building control, legal services and internal audit with {n} neighbouring councils.",
    "A nightly dashboard brings together performance, finance and workforce data for every directorate.",
    "Apprenticeships and a market supplement have filled {n} hard-to-recruit planning and environmental health posts.",
    "The council tax team processes a change of address in {b} days, down from {a} days before automation.",
    "Every contract above £100,000 goes to the Commercial Board, which has challenged {n} renewals this year.",
    "We ask government to return to multi-year settlements so that invest-to-save projects can pay back over three years.",
    "Staff numbers fell from {a}00 to {b}00 FTE over four years with no compulsory redundancies.",
    "An information governance board oversees data quality, retention and sharing agreements with partners.",
    "Our equality work is delivered by existing staff alongside their main roles, with {n} volunteer champions.",
    "Route tablets in every refuse vehicle cut missed collections by {p}% in the first year.",
]
INITIATIVES = [
    ("Digital customer accounts", "Residents track requests and payments in one online account."),
    ("Shared internal audit", "One audit team serving three councils under a joint committee."),
    ("Fleet electrification", "Replacing pool cars and small vans with electric vehicles as leases end."),
    ("Accommodation review", "Fewer, better-used buildings, with desks shared across teams."),
    ("Automated benefits changes", "Universal Credit notices applied without re-keying."),
    ("Procurement pipeline", "A twelve-month forward plan of contracts, shared with suppliers."),
    ("Early help hubs", "Family support brought together in locality hubs."),
    ("Planning backlog team", "A time-limited team clearing older applications."),
]
STATUSES = ["approved", "approved", "published", "published", "draft"]


def register_csv() -> Path:
    """The council register: plantool's own copy if present, else the shared data folder."""
    for candidate in (REPO / "plantool" / "register" / REGISTER_NAME, REPO.parent / "shared" / "data" / REGISTER_NAME):
        if candidate.exists():
            return candidate
    raise FileNotFoundError(f"{REGISTER_NAME} not found in plantool/data or ../shared/data")


def councils() -> list[dict]:
    with register_csv().open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _yaml() -> YAML:
    yaml = YAML()  # round trip: keeps block scalars, so files look hand-written
    yaml.width = 88
    yaml.indent(mapping=2, sequence=4, offset=2)  # the examples' own layout
    return yaml


def _dump(data) -> str:
    out = io.StringIO()
    _yaml().dump(data, out)
    return out.getvalue()


def load_base(path: Path = BASE_PLAN):
    """The plan without its leading comments (Riverside's says it is fictional and opts out of the register)."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    while lines and lines[0].startswith("#"):
        lines.pop(0)
    return _yaml().load("".join(lines))


def _sentence(rng: random.Random) -> str:
    return rng.choice(SENTENCES).format(
        n=rng.randint(2, 40), p=rng.randint(3, 60), q=rng.randint(61, 95), y=rng.randint(2, 6), m=f"{rng.randint(40, 900)},000",
        a=rng.randint(7, 12), b=rng.randint(3, 6))


def _paragraph(rng: random.Random, sentences: int, lead: str = "") -> str:
    text = " ".join([lead, *(_sentence(rng) for _ in range(sentences))])
    words, lines, line = text.split(), [], ""
    for word in words:  # wrap by hand so the literal block looks like a person wrote it
        if line and len(line) + len(word) > 76:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return "\n".join([*lines, line])


def _text_fields(data):
    for section in data["themes"].values():
        for key, value in section.items():
            if isinstance(value, str):
                yield section, key


NOT_AVAILABLE_REASONS = [
    "not recorded separately from other training costs",
    "the finance system does not split this out",
    "collected from 2025/26 onwards",
    "held by the shared HR service; not available for this plan",
]
# Councils no longer in the register (abolished in the 2023 reorganisations) and an invented one: the
# plans an analyst's folder really holds beside the current councils'.
NOT_IN_REGISTER = [
    {"name": "Allerdale Borough Council", "type": "district", "gss_code": "E07000026"},
    {"name": "Craven District Council", "type": "district", "gss_code": "E07000163"},
    {"name": "Lakeside Borough Council", "type": "district", "gss_code": "E07999998"},
]
BASES = [("pay_bill", 1.0)] * 7 + [("staffing_budget", 1.25)] * 2 + [("total_spend", 3.0)]
SAVING_TYPES = [None, "cashable", "cashable", "income", "cost_avoidance"]


class Planted:
    """What the generator put in one plan, in the words of `plantool summary`'s columns (README, column dictionary).

    Recorded as each figure is planted, never read back from the plan, so a test can compare the
    summary with it: a figure is (value, status, note); totals add up as savings are planted.
    """

    def __init__(self):
        self.values: dict = {}
        for kind in ("achieved", "planned", "required"):
            self.values[f"savings_{kind}_gbp"] = 0
            for kind_of in ("cashable", "income", "cost_avoidance", "type_not_stated"):
                self.values[f"savings_{kind}_{kind_of}_gbp"] = 0
            for span in ("one_off", "per_year", "over_years", "span_not_stated"):
                self.values[f"savings_{kind}_{span}_gbp"] = 0
        self.values.update(income_achieved_gbp=0, income_target_gbp=0, initiatives_done=0, initiatives_under_way=0,
                           initiatives_planned=0)

    def figure(self, column: str, value=None, status: str = "given", note: str | None = None) -> None:
        self.values.update({column: value, f"{column}_status": status, f"{column}_note": note})

    def text(self, column: str, value) -> None:
        self.values[column] = value

    def saving(self, saving: dict) -> None:
        kind, kind_of, span = saving["kind"], saving.get("type") or "type_not_stated", saving.get("span") or "span_not_stated"
        self.values[f"savings_{kind}_gbp"] += saving["amount"]
        self.values[f"savings_{kind}_{kind_of}_gbp"] += saving["amount"]
        self.values[f"savings_{kind}_{span}_gbp"] += saving["amount"]

    def initiative(self, initiative: dict) -> None:
        self.values[f"initiatives_{initiative['status']}"] += 1
        for saving in initiative.get("savings") or ():
            self.saving(saving)


def _saving(rng: random.Random, kind: str | None = None) -> dict:
    saving = {"amount": rng.randint(20, 900) * 1000, "kind": kind or rng.choice(["achieved", "planned", "planned", "required"])}
    kind_of = rng.choice(SAVING_TYPES)
    if kind_of:
        saving["type"] = kind_of
    saving["period"] = "2024/25" if saving["kind"] == "achieved" else "2026/27"
    span = rng.choice(["per_year", "per_year", "one_off", "over_years", None])
    if span:
        saving["span"] = span
    if span == "over_years":
        saving["years"] = rng.randint(2, 5)
    return saving


def _initiative(rng: random.Random, name: str, description: str) -> dict:
    status = rng.choice(["planned", "under_way", "done"])
    initiative = {"name": name, "status": status, "description": description}
    if rng.random() < 0.8:
        initiative["savings"] = [_saving(rng) for _ in range(rng.randint(1, 2))]
    return initiative


def _share(section, rng: random.Random, spend: int, pay_bill: int, p: Planted, prefix: str) -> None:
    of, scale = rng.choice(BASES)
    base = int(pay_bill * scale)
    percent = round(spend / base * 100, 2)
    section["spend"] = spend
    share = section["share"]
    share["percent"], share["of"], share["base_amount"] = percent, of, base
    p.figure(f"{prefix}_spend_gbp", spend)
    p.figure(f"{prefix}_share_percent", percent)
    p.text(f"{prefix}_share_base", of)
    p.figure(f"{prefix}_share_base_gbp", base)


def _vary_figures(data, rng: random.Random, p: Planted) -> None:
    for section in data["themes"].values():
        for initiative in section.get("initiatives", []):
            for saving in initiative.get("savings", []):
                saving["amount"] = rng.randint(20, 900) * 1000
                if rng.random() < 0.5:
                    saving["type"] = rng.choice(SAVING_TYPES[1:])
            p.initiative(initiative)
        for measure in section.get("measures", []):
            base = measure["baseline"]
            measure["baseline"] = round(base * rng.uniform(0.7, 1.3), 2)
            measure["current"] = round(measure["current"] * rng.uniform(0.7, 1.3), 2)
            measure["change"] = round(measure["current"] - measure["baseline"], 2)
    disclosures = data["disclosures"]
    pay_bill = rng.randint(8, 400) * 1_000_000
    for prefix, key in (("agency", "agency_staff"), ("consultants", "consultants")):
        _share(disclosures[key], rng, rng.randint(50, int(pay_bill * 0.08 / 1000)) * 1000, pay_bill, p, prefix)
        p.text(f"{prefix}_period", disclosures[key]["period"])
    workers = rng.randint(0, 40)
    disclosures["agency_staff"]["workers_over_12_months"] = workers
    p.figure("agency_workers_over_12_months", workers)
    for column in ("combined_spend_gbp", "combined_share_percent", "combined_share_base_gbp", "combined_workers_over_12_months"):
        p.figure(column, status="not_combined")
    p.text("combined_period", None)
    p.text("combined_share_base", None)
    disclosures["edi"]["spend"] = edi = rng.randint(0, 300) * 1000
    p.figure("edi_spend_gbp", edi)
    p.text("edi_period", disclosures["edi"]["period"])
    facility = disclosures["facility_time"]
    headcount = rng.randint(2, 40)
    bands = [0, 0, 0, 0]
    for _ in range(headcount):
        bands[rng.choices(range(4), weights=(2, 12, 2, 1))[0]] += 1
    facility["officials"]["headcount"] = headcount
    facility["officials"]["fte"] = fte = round(rng.uniform(0.1, 0.6) * headcount, 1)
    facility["time_bands"] = dict(zip(("none", "up_to_half", "more_than_half", "all"), bands))
    facility["pay_bill"] = pay_bill
    facility["cost"] = cost = int(pay_bill * rng.uniform(0.0003, 0.0015))
    facility["percent_of_pay_bill"] = percent = round(cost / pay_bill * 100, 2)
    p.text("facility_period", facility["period"])
    p.figure("facility_officials", headcount)
    p.figure("facility_officials_fte", fte)
    for band, count in zip(("none", "up_to_half", "more_than_half", "all"), bands):
        p.figure(f"facility_officials_{band}", count)
    p.figure("facility_pay_bill_gbp", pay_bill)
    p.figure("facility_cost_gbp", cost)
    p.figure("facility_pay_bill_percent", percent)
    p.figure("facility_paid_activities_percent", facility["paid_activities_percent"])
    if rng.random() < 0.1:
        _combine(disclosures, rng, pay_bill, p)


def _combine(disclosures, rng: random.Random, pay_bill: int, p: Planted) -> None:
    """Agency staff and consultants reported as one figure, as Derbyshire does; the separate figures go."""
    for prefix, key, fields in (("agency", "agency_staff", ("spend", "share", "workers_over_12_months")),
                                ("consultants", "consultants", ("spend", "share"))):
        for field in fields:
            del disclosures[key][field]
        for column in ("spend_gbp", "share_percent", "share_base_gbp"):
            p.figure(f"{prefix}_{column}", status="combined")
        p.text(f"{prefix}_share_base", None)
    p.figure("agency_workers_over_12_months", status="combined")
    combined = {"period": "2023/24", "spend": 0, "share": {"percent": 0, "of": "pay_bill", "base_amount": 0}}
    keys = list(disclosures)
    disclosures.insert(keys.index("consultants") + 1, "agency_and_consultants", combined)
    combined = disclosures["agency_and_consultants"]
    _share(combined, rng, rng.randint(100, int(pay_bill * 0.12 / 1000)) * 1000, pay_bill, p, "combined")
    combined["workers_over_12_months"] = workers = rng.randint(5, 80)
    combined["narrative"] = "Agency staff and consultants are bought through one managed service, so the council reports them together."
    p.figure("combined_workers_over_12_months", workers)
    p.text("combined_period", "2023/24")


# Figures a plan may declare not available or leave out: (column, path under disclosures), separate figures only.
OPTIONAL_FIGURES = [
    ("edi_spend_gbp", ("edi", "spend")),
    ("agency_workers_over_12_months", ("agency_staff", "workers_over_12_months")),
    ("agency_share_base_gbp", ("agency_staff", "share", "base_amount")),
    ("consultants_share_base_gbp", ("consultants", "share", "base_amount")),
    ("facility_officials_fte", ("facility_time", "officials", "fte")),
    ("facility_officials_all", ("facility_time", "time_bands", "all")),
    ("facility_pay_bill_gbp", ("facility_time", "pay_bill")),
    ("facility_paid_activities_percent", ("facility_time", "paid_activities_percent")),
    ("facility_cost_gbp", ("facility_time", "cost")),
]


def _gaps(disclosures, rng: random.Random, p: Planted) -> None:
    """A few plans declare figures not available, with a reason, or leave them out (key gone, or empty)."""
    available = [(column, path) for column, path in OPTIONAL_FIGURES
                 if p.values.get(f"{column}_status") == "given"]
    if rng.random() < 0.15:
        for column, path in rng.sample(available, 2):
            reason = rng.choice(NOT_AVAILABLE_REASONS)
            _parent(disclosures, path)[path[-1]] = {"not_available": reason}
            p.figure(column, status="not_available", note=reason)
            available.remove((column, path))
    if rng.random() < 0.12:
        for column, path in rng.sample(available, 2):
            parent = _parent(disclosures, path)
            if rng.random() < 0.5:
                del parent[path[-1]]
            else:
                parent[path[-1]] = None
            p.figure(column, status="missing")
    if p.values["consultants_share_percent_status"] == "given" and rng.random() < 0.05:
        reason = rng.choice(NOT_AVAILABLE_REASONS)  # a whole share declared not available
        disclosures["consultants"]["share"] = {"not_available": reason}
        for column in ("consultants_share_percent", "consultants_share_base_gbp"):
            p.figure(column, status="not_available", note=reason)
        p.text("consultants_share_base", None)


def _parent(disclosures, path: tuple):
    node = disclosures
    for part in path[:-1]:
        node = node[part]
    return node


def _extras(data, rng: random.Random, p: Planted) -> None:
    """Savings, initiatives and income in the other places the schema holds them, in some plans."""
    if rng.random() < 0.3:  # a theme's own section
        initiative = _initiative(rng, "Locality working", "Services organised around four localities.")
        data["themes"]["transformation"]["sections"] = [
            {"title": "Stronger communities", "text": "What we have done under this corporate priority.", "initiatives": [initiative]}]
        p.initiative(initiative)
    topics = {}
    if rng.random() < 0.3:
        partnership = {"name": "Shared revenues and benefits service", "kind": "shared_service",
                       "partners": ["Neighbouring District Council"], "since": 2019,
                       "savings": [_saving(rng) for _ in range(rng.randint(1, 2))]}
        for saving in partnership["savings"]:
            p.saving(saving)
        topics["partnerships"] = {"items": [partnership]}
    if rng.random() < 0.25:
        initiative = _initiative(rng, "Asset disposals", "Surplus buildings sold or let.")
        topics["assets_and_estates"] = {"overview": "We hold fewer, better-used buildings.", "initiatives": [initiative]}
        p.initiative(initiative)
    if rng.random() < 0.3:
        items = []
        for name in rng.sample(["Garden waste subscriptions", "Commercial lettings", "Building control fees"], 2):
            item = {"name": name, "source": "fees_and_charges", "kind": rng.choice(["achieved", "target"]),
                    "amount": rng.randint(50, 2000) * 1000, "period": "2024/25"}
            items.append(item)
            p.values[f"income_{item['kind']}_gbp"] += item["amount"]
        topics["income_generation"] = {"overview": "Fees are set to recover the full cost of each service.", "items": items}
    if topics:
        data["topics"] = topics
    if rng.random() < 0.2:
        initiative = _initiative(rng, "Climate emergency plan", "Council buildings on renewable heat by 2030.")
        data["other_sections"] = [{"title": "Climate and nature", "text": "Our climate commitments.", "initiatives": [initiative]}]
        p.initiative(initiative)


def _identity(council: dict, index: int, count: int) -> tuple[dict, str, dict]:
    """(the council the plan names, its period, what the summary should say about the council).

    A few positions are special, so every corpus of ten or more plans has them: plans for councils
    the register does not know (the register's council at that position then has no plan), a plan
    that gives only its council's name, and a second plan (last year's) for the previous council.
    """
    special = {count // 7: 0, count // 3: 1, count // 2: 2} if count >= 10 else {}
    named = {"name": council["name"], "type": council["type"], "gss_code": council["gss_code"]}
    expect = {"council": council["name"], "gss_code": council["gss_code"], "council_type": council["type"],
              "region": council["region"] or None, "register_match": "gss_code",
              "plan_council_name": council["name"], "plan_gss_code": council["gss_code"], "plans_for_council": 1}
    if index in special:
        named = dict(NOT_IN_REGISTER[special[index]])
        expect = {"council": named["name"], "gss_code": named["gss_code"], "council_type": named["type"], "region": None,
                  "register_match": "not_in_register", "plan_council_name": named["name"],
                  "plan_gss_code": named["gss_code"], "plans_for_council": None}
    elif count >= 10 and index == 2 * count // 3:
        named["gss_code"] = None
        expect.update(register_match="name", plan_gss_code=None)
    return named, "2025/26", expect


def make_plan(base, council: dict, index: int, count: int = 317, previous: dict | None = None) -> tuple[str, dict]:
    """One plan for `council`, different from every other index's, and what was planted in it.

    With `previous`, the plan is last year's plan of that council instead (a second plan for one council).
    """
    rng = random.Random(SEED + index)
    data = copy.deepcopy(base)
    p = Planted()
    named, period, expect = _identity(previous or council, index, count)
    if previous is not None:
        period = "2024/25"
        expect["plans_for_council"] = 2
    slug = council["short_name"].lower().replace(" ", "-").replace("&", "and").replace(",", "")
    data["council"].update(named)
    plan = data["plan"]
    plan["title"] = f"{named['name']} Productivity Plan {period}"
    plan["period"] = period
    plan["status"] = rng.choice(STATUSES)
    plan["approval"]["body"] = rng.choice(["Cabinet", "Full Council", "Executive", "Policy and Resources Committee"])
    plan["approval"]["date"] = DoubleQuotedScalarString(f"2025-0{rng.randint(6, 9)}-{rng.randint(1, 28):02d}")
    plan["contact"]["email"] = f"policy@{slug}.example.gov.uk"
    plan["cost_of_producing"] = rng.randint(5, 120) * 100
    if plan["status"] == "published":
        plan.insert(list(plan).index("approval") + 1, "publication_url", f"https://www.{slug}.example.gov.uk/productivity-plan")
    elif plan["status"] == "draft":
        del plan["approval"]
    lead = f"{named['name']} serves {rng.randint(30, 1200)},000 residents."
    plan["introduction"] = LiteralScalarString(_paragraph(rng, rng.randint(1, 3), lead) + "\n")
    # Text: extra paragraphs, mostly short plans, so files run from about 8 to 20 KB.
    budget = round(rng.triangular(2, 32, 8))
    fields = list(_text_fields(data))
    for _ in range(budget):
        section, key = rng.choice(fields)
        section[key] = LiteralScalarString(str(section[key]).rstrip() + "\n\n" + _paragraph(rng, rng.randint(2, 4)) + "\n")
    for section in data["themes"].values():
        if "initiatives" in section:
            for name, description in rng.sample(INITIATIVES, rng.randint(0, 3)):
                section["initiatives"].append(_initiative(rng, name, description))
            rng.shuffle(section["initiatives"])
    _vary_figures(data, rng, p)
    _gaps(data["disclosures"], rng, p)
    _extras(data, rng, p)
    barriers = data["themes"]["barriers"]["items"]
    if rng.random() < 0.3:
        del barriers[rng.randrange(len(barriers))]
    p.text("barriers", len(barriers))
    if rng.random() < 0.08:  # a few plans with findings, as in any real sweep
        data["themes"]["transformation"]["future_plans"] = rng.choice(["TODO", "We will set targets by TBC."])
    p.values.update(expect, period=period, status=plan["status"], load_error=None)
    header = f"# {named['name']}: generated benchmark plan {index} (plantool benchmarks/corpus.py)\n"
    return header + _dump(data), p.values


def file_name(council: dict, planted: dict, previous: bool) -> str:
    code = (planted["plan_gss_code"] or council["gss_code"]).lower()
    return f"{code}-2024.plan.yaml" if previous else f"{code}.plan.yaml"


_BASE: list = []  # the base plan, loaded once before the workers fork (passing it to each job would pickle it each time)


def _make(job: tuple) -> tuple[str, str, dict]:
    council, index, count, previous = job
    text, planted = make_plan(_BASE[0], council, index, count, previous)
    return file_name(previous or council, planted, previous is not None), text, planted


PLANTED = "planted.json"


def write_corpus(directory: Path, count: int = 317) -> list[Path]:
    """`count` plans in `directory`, and `planted.json` beside them: what each plan holds, and the register's councils left without one.

    planted.json is {"plans": {file name: {summary column: value}}, "missing": [GSS codes],
    "not_in_register": [file names], "more_than_one_plan": {GSS code: [file names]}}. The
    plans are made on every core; each is seeded by its position, so the files are the same however made.
    """
    _BASE[:] = [load_base()]
    chosen = councils()[:count]
    duplicate = 5 * count // 6 if count >= 10 else None  # this position holds the previous council's second plan
    jobs = [(council, index, count, chosen[index - 1] if index == duplicate else None)
            for index, council in enumerate(chosen)]
    made = _map(_make, jobs)
    paths, plans = [], {}
    for name, text, planted in made:
        path = directory / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
        plans[name] = planted
    if duplicate is not None:  # the council with two plans: each of them says so
        for planted in plans.values():
            if planted["gss_code"] == chosen[duplicate - 1]["gss_code"]:
                planted["plans_for_council"] = 2
    covered = {p["gss_code"] for p in plans.values() if p["register_match"] != "not_in_register"}
    record = {
        "version": 1, "seed": SEED, "plans": plans,
        "missing": sorted(c["gss_code"] for c in councils() if c["gss_code"] not in covered),
        "not_in_register": sorted(n for n, p in plans.items() if p["register_match"] == "not_in_register"),
        "more_than_one_plan": {p["gss_code"]: sorted(n for n, q in plans.items() if q["gss_code"] == p["gss_code"])
                               for p in plans.values() if p["plans_for_council"] == 2},
    }
    (directory / PLANTED).write_text(json.dumps(record, indent=1, ensure_ascii=False), encoding="utf-8")
    return paths


def _map(function, jobs: list) -> list:
    """function over jobs, in order, on every core for a big corpus (ruamel's emitter is the slow part)."""
    workers = os.cpu_count() or 1
    if len(jobs) < 40 or workers < 2 or not sys.platform.startswith("linux"):
        return [function(job) for job in jobs]
    import multiprocessing

    with multiprocessing.get_context("fork").Pool(workers) as pool:
        return pool.map(function, jobs, chunksize=8)


def scaled_plan(path: Path, scale: int) -> str:
    """`path` made `scale` times bigger: every list and every text answer repeated (copies, not YAML aliases)."""
    data = load_base(path)

    def grow(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if isinstance(value, list) and value and isinstance(value[0], dict):
                    node[key] = [copy.deepcopy(item) for _ in range(scale) for item in value]
                elif isinstance(value, str) and "\n" in value:
                    node[key] = LiteralScalarString("\n".join([value.rstrip() + "\n"] * scale))
                else:
                    grow(value)

    grow(data["themes"])
    grow(data["plan"])
    return _dump(data)


def linked_plan(path: Path, links: int) -> str:
    """`path` with `links` more web links, each to its own address, as a bulleted list in the introduction.

    Every link is a relationship in the Word document, so this shows how export
    time grows with the number of links alone.
    """
    data = load_base(path)
    items = "\n".join(f"- [Background paper {n}](https://www.example.gov.uk/papers/{n})" for n in range(1, links + 1))
    data["plan"]["introduction"] = LiteralScalarString(f"{data['plan'].get('introduction') or ''}\n\n{items}\n".lstrip())
    return _dump(data)
