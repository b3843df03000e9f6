"""The title block and the file's properties: who, when, which status, whom to ask.

Each fact is labelled by `labels` or, for the dates and the decision
reference, by the schema's own title, so a date the schema adds to the plan
appears here with no other change. Facts a reader takes in at a glance
(period and status; the dates) are short and share a line with their
neighbours.
"""

from __future__ import annotations

import re
from typing import Any

from plantool.check.rules.link_scheme import allowed as link_allowed
from plantool.plan.questions import is_blank
from plantool.plan.status import SIGNED_OFF
from plantool.publish import formatting, labels
from plantool.publish.model import Fact, Metadata, Span
from plantool.publish.text import text_inline

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def plain_fact(key: str, label: str, shown: str, value: Any, *, short: bool = False, sentence: str | None = None) -> Fact:
    return Fact(key, label, (Span(shown),), (Span(sentence or labels.FACT.format(label=label, value=shown)),), value, short)


def title_facts(schema, council: dict, plan: dict) -> tuple[Fact, ...]:
    """Period and status; approval, reference, submission and the decision's record; where and when published; contact; cost."""
    facts = []
    if plan.get("period"):
        facts.append(plain_fact("period", labels.PERIOD, str(plan["period"]), plan["period"], short=True))
    if plan.get("status"):
        facts.append(plain_fact("status", labels.STATUS, str(plan["status"]).capitalize(), plan["status"], short=True))
    approval = plan.get("approval") if isinstance(plan.get("approval"), dict) else {}
    if approval.get("body") and approval.get("date"):
        words = {"body": approval["body"], "date": formatting.date(approval["date"])}
        shown, sentence = labels.APPROVAL_DETAIL.format(**words), labels.APPROVAL.format(**words)
        facts.append(plain_fact("approval", labels.APPROVED_BY, shown, approval, sentence=sentence))
    if approval.get("reference"):
        title = _title(schema, ("plan", "approval", "reference"))
        facts.append(plain_fact("reference", title, str(approval["reference"]), approval["reference"], short=True))
    publication = _publication(council, plan)
    dates = _dates(schema, plan)
    # submission belongs with approval; the publication dates with where it is published
    facts += [fact for fact in dates if fact.key == "submitted_on"]
    facts += _decision_record(schema, approval)
    facts += publication
    facts += [fact for fact in dates if fact.key != "submitted_on"]
    facts += _contact(plan)
    cost = plan.get("cost_of_producing")
    if isinstance(cost, (int, float)) and not isinstance(cost, bool):
        shown = formatting.money(cost)
        sentence = labels.FACT.format(label=labels.COST_OF_PRODUCING, value=shown) + "."
        facts.append(plain_fact("cost", labels.COST_OF_PRODUCING, shown, cost, sentence=sentence))
    return tuple(facts)


def _title(schema, path: tuple) -> str:
    return (schema.node_at(path) or {}).get("title") or path[-1].replace("_", " ").capitalize()


def _decision_record(schema, approval: dict) -> list[Fact]:
    """Where the decision is recorded (its address printed, for a reader on paper, and linked), and what the record adds."""
    facts = []
    record = approval.get("url")
    if isinstance(record, str) and link_allowed(record) and record.strip():
        label = _title(schema, ("plan", "approval", "url"))
        link = Span(record.strip(), url=record.strip())
        facts.append(Fact("decision_record", label, (link,), (Span(labels.FACT.format(label=label, value="")), link), record))
    notes = approval.get("notes")
    if not is_blank(notes):
        label = _title(schema, ("plan", "approval", "notes"))
        spans = text_inline(notes)
        facts.append(Fact("decision_notes", label, spans, (Span(labels.FACT.format(label=label, value="")), *spans), notes))
    return facts


def _dates(schema, plan: dict) -> list[Fact]:
    """Every date the plan gives about itself (submitted, published, last updated, next review), in schema order."""
    out = []
    for key in (schema.object_branch(schema.node_at(("plan",)) or {}).get("properties") or {}):
        value = plan.get(key)
        if isinstance(value, str) and _ISO_DATE.match(value):
            out.append(plain_fact(key, _title(schema, ("plan", key)), formatting.date(value), value, short=True))
    return out


def _publication(council: dict, plan: dict) -> list[Fact]:
    url = plan.get("publication_url")
    if not (isinstance(url, str) and link_allowed(url)):
        return []
    link = Span(labels.PUBLICATION_LINK.format(council=council.get("name") or labels.NO_COUNCIL), url=url)
    lead = Span(labels.FACT.format(label=labels.PUBLISHED_AT, value=""))
    return [Fact("publication", labels.PUBLISHED_AT, (link,), (lead, link), url)]


def _contact(plan: dict) -> list[Fact]:
    """Who to contact and their email; then telephone and address, sharing a line."""
    contact = plan.get("contact") if isinstance(plan.get("contact"), dict) else {}
    facts = []
    who = ", ".join(str(contact[k]) for k in ("name", "role") if contact.get(k))
    email = contact.get("email")
    if who or email:
        shown = who + (labels.CONTACT_SEPARATOR if who and email else "")
        link = (Span(labels.EMAIL_LINK.format(address=email), url=f"mailto:{email}"),) if email else ()
        lead = Span(labels.FACT.format(label=labels.CONTACT, value=shown))
        facts.append(Fact("contact", labels.CONTACT, ((Span(shown),) if shown else ()) + link, (lead, *link), contact))
    if contact.get("telephone"):
        facts.append(plain_fact("telephone", labels.TELEPHONE, str(contact["telephone"]), contact["telephone"], short=True))
    address = contact.get("address")
    if isinstance(address, str) and address.strip():
        shown = labels.ADDRESS_LINE_SEPARATOR.join(line.strip().rstrip(",") for line in address.splitlines() if line.strip())
        facts.append(plain_fact("address", labels.ADDRESS, shown, address, short=True))
    return facts


def draft_banner(plan: dict, *, draft: bool, findings: int | None) -> str | None:
    """What a draft says on every page: not approved, or how many findings to resolve; None when final.

    A plan whose status is draft is not approved, whatever its findings. An
    approved or published plan exported as a draft is approved, so it says how
    many findings stand between it and a final document (`findings`, counted
    by the caller), or only "DRAFT" when it has none or the count is unknown.
    """
    if not draft:
        return None
    if plan.get("status") not in SIGNED_OFF:
        return labels.DRAFT_MARK
    if findings:
        return labels.plural(labels.DRAFT_FINDINGS, findings)
    return labels.DRAFT_ONLY


def metadata(council: dict, plan: dict) -> Metadata:
    author = str(council.get("name") or labels.NO_COUNCIL_AUTHOR)
    period = str(plan.get("period") or "")
    keywords = (labels.KEYWORDS[0], author, period, *labels.KEYWORDS[1:])
    return Metadata(
        title=str(plan.get("title") or labels.DOCUMENT_KIND),
        subject=labels.SUBJECT.format(period=period).strip(),
        author=author,
        keywords=tuple(k for k in keywords if k),
        language=labels.LANGUAGE,
        period=period or None,
    )
