"""Extra wording that councils use for the schema's sections, fields and columns.

The import matches a Word document against a vocabulary made of the schema's
own titles plus the phrases below, and nothing else: no other module of the
importer spells out a heading. Keys are dotted data paths; `*` stands for any
one key (any theme) and `[]` for the items of a list. Phrases are compared
after normalising (lower case, '&' as 'and', numbering such as "1." or
"Thematic Area 2:" removed, punctuation dropped), so write them plainly.

A heading matches an entry when its normalised text equals a phrase, or, for
headings only, when the phrase appears in it as whole words (the longest
phrase wins). Bold lead-ins of bullets must match a phrase exactly.
"""

from __future__ import annotations

from plantool.publish import labels

# Section and field headings: schema path -> extra phrases.
SYNONYMS: dict[str, list[str]] = {
    # About this plan
    # (the labels plantool's own export prints come from publish/labels.py)
    "plan.title": [labels.DOCUMENT_KIND],
    "plan.period": [labels.PERIOD, "financial year"],
    "plan.status": [labels.STATUS],
    "plan.approval.body": [labels.APPROVED_BY],
    "plan.publication_url": [labels.PUBLISHED_AT, "published", "web page"],
    "plan.contact": [labels.CONTACT, "contact us", "further information"],
    "plan.contact.telephone": [labels.TELEPHONE],
    "plan.contact.address": [labels.ADDRESS],
    "plan.cost_of_producing": [labels.COST_OF_PRODUCING, "cost of producing", "cost of this plan"],
    "plan.introduction": [
        "background",
        "introduction and background",
        "executive summary",
        "about this plan",
        "summary",
        "context",
    ],
    "plan.foreword.text": ["foreword", "leaders foreword", "foreword from the leader", "a message from the leader"],
    # Themes, with the wording of the government's letter and of real plans
    "themes.transformation": [
        "transformation",
        "how the council has transformed the way it designs and delivers services",
        "how the council has transformed the way it designs and delivers services to make better use of resources",
        "transforming services",
        "service transformation",
        "transformation and delivery",
        "service redesign",
        "redesigning services",
        "how we are transforming the way we design and deliver services",
        "use of resources transforming the way in which services are delivered and designed",
        "our transformation programme",
        "target operating model",
        "modernisation",
    ],
    "themes.transformation.organisational_change": ["how we have changed", "how the council has changed", "what has changed"],
    "themes.transformation.measuring_productivity": ["measuring productivity", "how we measure productivity", "measuring performance"],
    "themes.transformation.service_improvements": ["service improvements"],
    "themes.transformation.future_plans": ["future plans", "transformation plans", "next two years", "our plans for the next two years"],
    "themes.technology_and_data": [
        "technology and data",
        "digital technology and data",
        "digital data and technology",
        "data and technology",
        "digital and technology",
        "take advantage of technology",
        "how we plan to take advantage of technology and make better use of data",
        "how we plan to take advantage of technology and make better use of data to improve decision making service design and use of resources",
        "use of technology and data",
        "use of technology and data to support service delivery and design",
        "digital and data",
        "data and digital",
        "digital",
        "technology",
        "ict and digital",
        "harnessing technology",
    ],
    "themes.technology_and_data.data_in_decisions": ["data in decisions", "use of data", "using data"],
    "themes.technology_and_data.technology_plans": ["new technology", "technology plans", "use of technology"],
    "themes.technology_and_data.foundations": ["foundations", "systems skills and data sharing"],
    "themes.reducing_wasteful_spend": [
        "reducing wasteful spend",
        "reducing wasteful expenditure",
        "reducing waste",
        "wasteful spend",
        "wasteful expenditure",
        "reduce spend",
        "reduce wasteful spend",
        "our plans to reduce spend",
        "our plans to reduce spend within our organisation and systems",
        "plans to reduce wasteful spend within your organisation and systems",
        "managing spend",
        "managing our spend",
        "monitoring spend",
        "monitoring spend and use of staffing resources",
        "use of resources monitoring spend and use of staffing resources",
        "controlling spend",
        "spend control",
        "value for money",
        "efficiency and value for money",
        "reducing costs",
        "cost reduction",
    ],
    "themes.reducing_wasteful_spend.spending_controls": ["spending controls", "controlling spend", "stopping wasteful spend"],
    "themes.reducing_wasteful_spend.consultants_and_agency": [
        "consultants and agency staff",
        "agency staff and consultants",
        "use of agency staff and consultants",
    ],
    "themes.reducing_wasteful_spend.edi_programmes": ["edi programmes", "equality diversity and inclusion programmes"],
    "themes.barriers": [
        "barriers",
        "barriers to productivity",
        "barriers to progress",
        "the barriers preventing progress",
        "the barriers preventing progress that the government can help to reduce or remove",
        "barriers preventing progress",
        "barriers to service delivery",
        "barriers to service delivery to be addressed",
        "barriers to efficiency",
        "asks of government",
        "what we need from government",
        "what holds us back",
        "what is holding us back",
        "what stops us",
        "obstacles",
    ],
    "themes.barriers.overview": ["summary of barriers", "barriers summary"],
    "themes.barriers.items": ["asks of government", "what government could do"],
    "themes.*.initiatives": ["initiatives", "programmes and projects", "key initiatives", "projects"],
    "themes.*.measures": ["performance measures", "measures", "key measures", "performance indicators", "kpis"],
    # Further topics beside the themes
    "topics.income_generation": [
        "income generation",
        "commercial income",
        "commercialisation",
        "commercial activity",
        "generating income",
        "income",
        "fees and charges",
        "trading companies",
    ],
    "topics.assets_and_estates": [
        "assets",
        "our assets",
        "assets and estates",
        "estates",
        "property",
        "property and assets",
        "asset management",
        "land and buildings",
    ],
    "topics.assets_and_estates.treasury_management": ["treasury management", "treasury"],
    "topics.partnerships": [
        "partnerships",
        "partnership working",
        "shared services",
        "working with partners",
        "working with others",
        "devolution",
        "collaboration",
    ],
    # Disclosures
    "disclosures": ["other information", "disclosures", "spending disclosures", "additional information", "workforce information"],
    "disclosures.edi": [
        "equality diversity and inclusion",
        "equality diversity and inclusion edi",
        "edi",
        "equality and diversity",
    ],
    "disclosures.edi.narrative": ["edi training and programmes"],
    "disclosures.agency_staff": ["agency staff", "agency workers", "agency", "agency spend", "use of agency staff"],
    "disclosures.consultants": ["consultants", "consultancy", "consultancy spend", "use of consultants"],
    "disclosures.agency_and_consultants": [
        "agency staff and consultants",
        "agency workers and consultants",
        "agency and consultancy",
        "agency and consultants",
    ],
    "disclosures.facility_time": ["trade union facility time", "facility time", "trade union facilities time"],
    # Columns of tables of records
    "themes.*.initiatives[].name": ["initiative", "name", "programme", "project"],
    "themes.*.initiatives[].status": ["status"],
    "themes.*.initiatives[].description": ["description", "what it is"],
    "themes.*.initiatives[].measure": ["measure", "success measure"],
    "themes.*.measures[].measure": ["measure", "indicator"],
    "themes.*.measures[].baseline_period": ["baseline year", "base period", "base year"],
    "themes.*.measures[].change": ["increase", "decrease", "change", "difference", "increase decrease"],
    "themes.barriers.items[].barrier": ["barrier"],
    "themes.barriers.items[].effect": ["effect", "impact", "impact on the council"],
    "themes.barriers.items[].government_action": ["ask of government", "what government can do", "government action", "ask"],
}

# Headings that say whether the bullets or table column under them are done,
# under way or planned ("What we have done – stronger communities", "Our future
# plans"): status -> phrases a heading starts with. What follows the phrase
# after a dash names the council's own section the items belong to.
STATUS_HEADINGS: dict[str, list[str]] = {
    "done": [
        "what we have done",
        "what we have achieved",
        "what we have delivered",
        "what has been done",
        "what we did",
        "our achievements",
        "achievements",
        "achieved",
        "completed",
        "done",
        "delivered",
        "progress to date",
    ],
    "under_way": [
        "what we are doing",
        "what we are doing now",
        "what is under way",
        "work in progress",
        "in progress",
        "under way",
        "underway",
        "ongoing",
        "current",
    ],
    "planned": [
        "our future plans",
        "future plans",
        "what we will do",
        "what we plan to do",
        "what we are going to do",
        "next steps",
        "planned",
        "looking ahead",
        "future",
    ],
}

# The key of a theme's own heading (the council's name for the theme).
OWN_HEADING_KEY = "heading"

# The plan's own sections of text: schema key under `plan` -> the keys of its text below that.
PLAN_SECTIONS: dict[str, tuple] = {"introduction": (), "foreword": ("text",)}

# Where text goes that sits under a section heading with no prompt heading of
# its own (for example a paragraph straight after "Trade union facility time").
# Sections not listed keep such text under `unmapped`.
GENERAL_TEXT: dict[str, str] = {
    "plan": "introduction",
    "themes.barriers": "overview",
    "disclosures.edi": "narrative",
    "disclosures.agency_staff": "reasons",
    "disclosures.consultants": "reasons",
    "disclosures.agency_and_consultants": "narrative",
    "disclosures.facility_time": "narrative",
    "topics.income_generation": "overview",
    "topics.assets_and_estates": "overview",
    "topics.partnerships": "overview",
}

# Words that, in a sentence, say which disclosure a stated figure belongs to.
# A sentence naming both agency staff and consultants is the combined figure.
FIGURE_SUBJECTS: dict[str, list[str]] = {
    "disclosures.agency_staff": ["agency"],
    "disclosures.consultants": ["consultant", "consultancy"],
    "disclosures.facility_time": ["facility time", "facilities time", "trade union"],
    "disclosures.edi": ["edi", "equality, diversity and inclusion", "equality diversity and inclusion"],
}
COMBINED_SUBJECT = "disclosures.agency_and_consultants"

# Other names for the bases a percentage is stated against (share.of), beyond the schema's labels.
BASE_SYNONYMS: dict[str, list[str]] = {
    "pay_bill": ["pay bill", "paybill", "pay-bill", "total pay bill", "salary bill", "wage bill"],
    "staffing_budget": ["staffing budget", "total staffing budget", "workforce budget", "staff budget"],
    "total_spend": ["total spend", "total expenditure", "overall spend", "net revenue budget"],
}

# A sum of money in a sentence is a disclosure's spend only when the sentence says it was spent.
SPEND_WORDS = ["spend", "spent", "spending", "cost", "expenditure", "paid", "pay for"]

# Words after a count that make it the count of long-serving workers.
LONG_ENGAGEMENT = ["12 months", "twelve months", "a year", "one year"]

# Header rows of two-column figure tables (plantool's own export writes the first), in lower case.
FIGURE_TABLE_HEADERS = [(labels.FIGURE.lower(), labels.VALUE.lower()), ("figure", "amount"), ("measure", "value"), ("item", "value")]

# Document furniture that is not content: the contents label before a table of
# contents, and what a draft export writes under an unanswered prompt. These are
# compared in lower case without punctuation.
CONTENTS_LABELS = [labels.CONTENTS.lower(), "table of contents"]
UNANSWERED_MARKS = [labels.NOT_ANSWERED.lower().rstrip(".")]

# Title-block lines written as "Label: value" that say the plan's status.
STATUS_LABELS = [labels.STATUS.lower()]
