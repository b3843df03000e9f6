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
import random
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


def _vary_figures(data, rng: random.Random) -> None:
    for section in data["themes"].values():
        for initiative in section.get("initiatives", []):
            for saving in initiative.get("savings", []):
                saving["amount"] = rng.randint(20, 900) * 1000
        for measure in section.get("measures", []):
            base = measure["baseline"]
            measure["baseline"] = round(base * rng.uniform(0.7, 1.3), 2)
            measure["current"] = round(measure["current"] * rng.uniform(0.7, 1.3), 2)
            measure["change"] = round(measure["current"] - measure["baseline"], 2)
    disclosures = data["disclosures"]
    pay_bill = rng.randint(8, 400) * 1_000_000
    for key in ("agency_staff", "consultants"):
        spend = rng.randint(50, int(pay_bill * 0.08 / 1000)) * 1000
        disclosures[key]["spend"] = spend
        disclosures[key]["share"]["base_amount"] = pay_bill
        disclosures[key]["share"]["percent"] = round(spend / pay_bill * 100, 2)
    disclosures["agency_staff"]["workers_over_12_months"] = rng.randint(0, 40)
    disclosures["edi"]["spend"] = rng.randint(0, 300) * 1000
    facility = disclosures["facility_time"]
    headcount = rng.randint(2, 40)
    bands = [0, 0, 0, 0]
    for _ in range(headcount):
        bands[rng.choices(range(4), weights=(2, 12, 2, 1))[0]] += 1
    facility["officials"]["headcount"] = headcount
    facility["officials"]["fte"] = round(rng.uniform(0.1, 0.6) * headcount, 1)
    facility["time_bands"] = dict(zip(("none", "up_to_half", "more_than_half", "all"), bands))
    facility["pay_bill"] = pay_bill
    facility["cost"] = int(pay_bill * rng.uniform(0.0003, 0.0015))
    facility["percent_of_pay_bill"] = round(facility["cost"] / pay_bill * 100, 2)


def make_plan(base, council: dict, index: int) -> str:
    """One plan for `council`, different from every other index's."""
    rng = random.Random(SEED + index)
    data = copy.deepcopy(base)
    slug = council["short_name"].lower().replace(" ", "-").replace("&", "and").replace(",", "")
    data["council"].update(name=council["name"], type=council["type"], gss_code=council["gss_code"])
    plan = data["plan"]
    plan["title"] = f"{council['short_name']} Productivity Plan 2025/26"
    plan["status"] = rng.choice(STATUSES)
    plan["approval"]["body"] = rng.choice(["Cabinet", "Full Council", "Executive", "Policy and Resources Committee"])
    plan["approval"]["date"] = DoubleQuotedScalarString(f"2025-0{rng.randint(6, 9)}-{rng.randint(1, 28):02d}")
    plan["contact"]["email"] = f"policy@{slug}.example.gov.uk"
    plan["cost_of_producing"] = rng.randint(5, 120) * 100
    if plan["status"] == "published":
        plan.insert(list(plan).index("approval") + 1, "publication_url", f"https://www.{slug}.example.gov.uk/productivity-plan")
    elif plan["status"] == "draft":
        del plan["approval"]
    lead = f"{council['name']} serves {rng.randint(30, 1200)},000 residents."
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
                section["initiatives"].append({
                    "name": name, "status": rng.choice(["planned", "under_way", "done"]), "description": description,
                    "savings": [{"amount": 1000, "kind": "planned", "period": "2026/27"}]})
            rng.shuffle(section["initiatives"])
    _vary_figures(data, rng)
    if rng.random() < 0.08:  # a few plans with findings, as in any real sweep
        data["themes"]["transformation"]["future_plans"] = rng.choice(["TODO", "We will set targets by TBC."])
    header = f"# {council['name']}: generated benchmark plan {index} (plantool benchmarks/corpus.py)\n"
    return header + _dump(data)


def write_corpus(directory: Path, count: int = 317) -> list[Path]:
    base = load_base()
    paths = []
    for index, council in enumerate(councils()[:count]):
        path = directory / f"{council['gss_code'].lower()}.plan.yaml"
        path.write_text(make_plan(base, council, index), encoding="utf-8")
        paths.append(path)
    return paths


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
