"""Every fixed word a published plan prints that the schema does not give.

The schema gives the headings, prompts and column titles. What is left is the
furniture of the document: the title block's labels, the figures tables'
header, the draft mark, the note under an unanswered prompt. The writers print
these, and the importer recognises them when it reads a plantool export back
(`importer/synonyms.py` builds its phrases from here). A round trip depends on
both sides agreeing, so each label is spelt here and nowhere else.
"""

from __future__ import annotations

# What kind of document this is: the title of a plan with none, and its subject.
DOCUMENT_KIND = "Productivity plan"
SUBJECT = DOCUMENT_KIND + " {period}"
KEYWORDS = (DOCUMENT_KIND.lower(), "local government")  # the council and period go between them
LANGUAGE = "en-GB"
NO_COUNCIL_AUTHOR = "Council"  # the document's author when the plan names no council
NO_COUNCIL = "the council"  # in link text, when the plan names no council

# The title block. A fact reads "Label: value"; consecutive short facts share one line.
# Dates (published, last updated, next review, submitted) and the decision
# reference are labelled with the schema's own titles.
PERIOD = "Period"
STATUS = "Status"
APPROVED_BY = "Approved by"
APPROVAL_DETAIL = "{body} on {date}"
APPROVAL = APPROVED_BY + " " + APPROVAL_DETAIL + "."  # 'Approved by Cabinet on 11 July 2024.'

PUBLISHED_AT = "Published at"
PUBLICATION_LINK = "{council}'s productivity plan page"
CONTACT = "Contact"
EMAIL_LINK = "email {address}"
COST_OF_PRODUCING = "Cost of producing this plan"
FACT = "{label}: {value}"
FACT_SEPARATOR = " · "  # between short facts on one line
CONTACT_SEPARATOR = " – "  # between who to contact and the email link
TELEPHONE = "Telephone"
ADDRESS = "Address"
ADDRESS_LINE_SEPARATOR = ", "  # an address written on several lines, printed on one

CONTENTS = "Contents"

# A theme's title with the council's own heading for it beside it.
TITLE_WITH_OWN_HEADING = "{title}: {heading}"

# Under the foreword: who signed it, one per line, the name in bold and then the
# role ('A. Leader, Leader of the Council').
SIGNATORY_ROLE = ", {role}"

# Under a question a draft has not answered yet, and under a disclosure section it
# lacks; in a figures table, the value of a figure not given. A final document
# leaves them out.
NOT_ANSWERED = "Not answered yet."

# Disclosure figures: a two-column table of what, and the figure.
FIGURE = "Figure"
VALUE = "Value"
FIGURES_CAPTION = "{section}: figures"
FIGURE_IN_GROUP = "{group}: {figure}"  # 'Union officials: Number of officials'

# Figures in words. "Not available" itself is the schema's title for a figure
# declared not available; this is the fallback when a node has no such branch.
NOT_AVAILABLE = "Not available"
NOT_AVAILABLE_TEXT = "{label}: {reason}"
SHARE = "{percent} of {base}"  # every percentage states its base
SHARE_WITH_AMOUNT = "{share} ({amount})"
UNSTATED_BASE = "an unstated base"

# An amount with what kind of money it is, in one cell: '£1,485,000 achieved,
# cashable saving, 2024/25'; '£42,000,000 planned over 10 years'; '£16,000,000
# from Towns Fund, 2021/22'. The amount leads; what qualifies it follows with a
# space; the rest with commas. Enum values read as the schema's labels.
AMOUNT_QUALIFIED = "{amount} {qualifier}"
AMOUNT_PART_SEPARATOR = ", "
OVER_YEARS = ("over {years} year", "over {years} years")  # one, many: a span over a stated number of years
SINCE = "since {value}"  # the first year of a cumulative saving
FROM_SOURCE = "from {value}"  # where funding or income came from
LIST_SEPARATOR = "; "  # between the items of a short list in one cell (partners)

# On every page of a draft, and in the export command's message. A plan whose
# status is draft is not approved; an approved or published plan exported as a
# draft says how many findings stand between it and a final document, or only
# that it is a draft when it has none.
DRAFT_MARK = "DRAFT – not approved"
DRAFT_FINDINGS = ("DRAFT – {count} finding to resolve", "DRAFT – {count} findings to resolve")  # one, many
DRAFT_ONLY = "DRAFT"


def plural(forms: tuple[str, str], count: int, **words) -> str:
    """The singular or plural form of a label, filled in: plural(OVER_YEARS, 10, years=10)."""
    return forms[0 if count == 1 else 1].format(count=count, **words)

# In a draft, an item an import could not place, when it names no source.
UNPLACED_ITEM = "Content from the imported document"
