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

# The title block. A fact reads "Label: value"; short facts share one line.
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

CONTENTS = "Contents"

# Under a prompt a draft has not answered yet (a final document leaves the prompt out).
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

# On every page of a draft, and in the export command's message.
DRAFT_MARK = "DRAFT – not approved"
