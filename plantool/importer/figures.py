"""Figures as Word shows them, turned back into the numbers the schema stores.

Two sources: the "Figure | Value" tables plantool's export writes (labels are
schema titles, values formatted by plantool.formatting), and figures stated in
sentences ("spend on agency staff was 4.1% of the pay bill"). Units, labels
and enum values all come from the schema node a value is for.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from plantool.importer import synonyms
from plantool.money import IN_TEXT as MONEY_IN_TEXT
from plantool.money import NUMBER, amount, plain_number
from plantool.words import simple_words as normal

_PERCENT = re.compile(rf"(?P<n>{NUMBER})\s?(?:%|per\s?cent\b)", re.IGNORECASE)
_DATE_WORDS = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\s+(\d{4})")
_PLAIN_NUMBER = re.compile(rf"^\s*(?:{NUMBER})\s*$")
_DIGIT = re.compile(r"\d")


class Unparsed(ValueError):
    """A value that does not fit its field; the caller keeps the words instead."""


def number(text: str, *, integer: bool = False) -> int | float:
    value = plain_number(text)
    if value is None:
        raise Unparsed(text)
    if integer and isinstance(value, float):
        if value.is_integer():
            return int(value)
        raise Unparsed(text)
    return value


def money(text: str) -> int | float:
    """'£1.5m' -> 1500000, '£166,275' -> 166275 (see plantool.money)."""
    value = amount(text)
    if value is None:
        raise Unparsed(text)
    return value


def percent(text: str) -> int | float:
    match = _PERCENT.fullmatch(str(text).strip().rstrip("."))
    if not match:
        if _PLAIN_NUMBER.match(str(text)):
            return number(text)
        raise Unparsed(text)
    return number(match.group("n"))


def iso_date(text: str) -> str | None:
    """'9 July 2025' -> '2025-07-09'."""
    match = _DATE_WORDS.search(str(text))
    if not match:
        return None
    try:
        return dt.datetime.strptime(f"{match.group(1)} {match.group(2)} {match.group(3)}", "%d %B %Y").date().isoformat()
    except ValueError:
        try:
            return dt.datetime.strptime(f"{match.group(1)} {match.group(2)} {match.group(3)}", "%d %b %Y").date().isoformat()
        except ValueError:
            return None


def types_of(schema, node: dict) -> set[str]:
    """Every JSON type the node (and the value branches of its anyOf) allows."""
    node = schema.resolve(node or {})
    found: set[str] = set()
    kinds = node.get("type")
    if isinstance(kinds, str):
        found.add(kinds)
    elif isinstance(kinds, list):
        found.update(kinds)
    for option in node.get("anyOf", []):
        option = schema.resolve(option)
        if "not_available" in (option.get("properties") or {}):
            continue
        found |= types_of(schema, option)
    if "enum" in node:
        found.add("enum")
    return found


def not_available_label(schema, node: dict) -> tuple[str, str] | None:
    """(title, key) of the node's 'not available' branch, e.g. ('Not available', 'not_available')."""
    for option in schema.resolve(node or {}).get("anyOf", []):
        option = schema.resolve(option)
        props = option.get("properties") or {}
        required = option.get("required") or []
        if len(props) == 1 and required == list(props):
            return option.get("title") or required[0], required[0]
    return None


def enum_value(node: dict, text: str):
    """The enum value whose label (or value) the text is."""
    wanted = normal(text)
    labels = node.get("x-plantool-labels") or {}
    for value in node.get("enum") or ():
        if value is None:
            continue
        if normal(labels.get(value, "")) == wanted or normal(str(value)) == wanted:
            return value
    raise Unparsed(text)


def amount_record(schema, props: dict, text: str) -> dict | None:
    """A sum of money as the export words it, back into its record; None when the text is not in that form.

    '£1,485,000 achieved, cashable saving, 2024/25' -> amount, kind, type, period;
    '£42,000,000 planned over 10 years' -> amount, kind, span, years;
    '£16,000,000 from Towns Fund, 2021/22' -> amount, source, period. The
    inverse of publish.values.amount_text, read with the same labels.
    """
    from plantool.publish import labels
    from plantool.publish.values import PHRASED, QUALIFIERS

    props = {key: schema.resolve(node) for key, node in props.items()}
    amount_key = next((key for key, node in props.items() if node.get("x-plantool-unit") == "pounds"), None)
    parts = [part.strip() for part in re.split(r",\s+(?![0-9]{3}\b)", str(text)) if part.strip()]
    head = re.match(rf"(?P<amount>{MONEY_IN_TEXT.pattern})(?:\s+(?P<words>.+))?$", parts[0], re.IGNORECASE) if parts else None
    if amount_key is None or head is None:
        return None
    record: dict[str, Any] = {amount_key: money(head.group("amount"))}
    words = head.group("words") or ""
    for key in (key for key in props if key in QUALIFIERS):
        words = _qualifier(schema, props, key, words, record, labels.OVER_YEARS, PHRASED.get(key))
    if words:
        return None
    for part in parts[1:]:
        for key, node in props.items():
            if key in record:
                continue
            try:
                phrase = PHRASED.get(key)
                if phrase:
                    found = re.fullmatch(re.escape(phrase).replace(re.escape("{value}"), "(?P<value>.+)"), part)
                    if not found:
                        continue
                    part = found.group("value")
                record[key] = value(schema, node, part)
                break
            except Unparsed:
                continue
        else:
            return None
    return record


def _qualifier(schema, props: dict, key: str, words: str, record: dict, over_years: tuple, phrase: str | None) -> str:
    """Read one qualifier of an amount ('achieved', 'over 10 years', 'from Towns Fund') off the front of `words`."""
    if not words:
        return words
    node = props[key]
    if "years" in props and key == "span":
        for form in over_years:
            pattern = re.escape(form).replace(re.escape("{years}"), r"(?P<years>\d+)")
            found = re.match(rf"{pattern}(?:\s+|$)", words)
            if found:
                record["years"] = int(found.group("years"))
                lead = form.split("{")[0]
                spans = [v for v, label in (node.get("x-plantool-labels") or {}).items() if label.startswith(lead)]
                if len(spans) == 1:
                    record[key] = spans[0]
                return words[found.end():]
    if phrase:
        found = re.fullmatch(re.escape(phrase).replace(re.escape("{value}"), "(?P<value>.+)"), words)
        if found:
            record[key] = found.group("value").strip()
            return ""
        return words
    names = node.get("x-plantool-labels") or {}
    choices = sorted(((str(names.get(v, v)), v) for v in node.get("enum") or () if v is not None), key=lambda c: -len(c[0]))
    for shown, enum in choices:
        if words == shown or words.startswith(shown + " "):
            record[key] = enum
            return words[len(shown):].strip()
    return words


def base_key(schema, share_node: dict, phrase: str):
    """'the pay bill' / 'its paybill' -> 'pay_bill', from the schema's labels and BASE_SYNONYMS."""
    of_node = schema.child(schema.object_branch(share_node), "of") or {}
    labels = of_node.get("x-plantool-labels") or {}
    wanted = normal(re.sub(r"^\s*(the|its|our|their|total)\s+", "", phrase, flags=re.IGNORECASE))
    wanted_full = normal(phrase)
    for value in of_node.get("enum") or ():
        if value is None:
            continue
        names = [labels.get(value, ""), str(value).replace("_", " "), *synonyms.BASE_SYNONYMS.get(value, [])]
        for name in names:
            name = normal(re.sub(r"^\s*the\s+", "", name))
            if name and (name == wanted or name == wanted_full):
                return value
    raise Unparsed(phrase)


def share(schema, node: dict, text: str) -> dict:
    """'4.1% of the pay bill (£20,000,000)' -> {percent: 4.1, of: pay_bill, base_amount: 20000000}."""
    match = re.fullmatch(
        rf"\s*(?P<p>{NUMBER})\s?%\s*(?:of\s+(?P<base>[^()]+?))?\s*(?:\((?P<amount>[^)]*)\))?\s*\.?\s*",
        str(text),
    )
    if not match:
        raise Unparsed(text)
    out: dict[str, Any] = {"percent": number(match.group("p")), "of": None}
    if match.group("base"):
        out["of"] = base_key(schema, node, match.group("base"))
    if match.group("amount"):
        out["base_amount"] = money(match.group("amount"))
    return out


def value(schema, node: dict, text: str) -> Any:
    """The value a field holds, from how Word shows it; raises Unparsed when it does not fit."""
    node = schema.resolve(node or {})
    text = " ".join(str(text).split())
    if not text:
        return None
    na = not_available_label(schema, node)
    if na:
        title, key = na
        prefix = re.match(rf"\s*{re.escape(title)}\s*[:\-–]\s*(.*)$", text, re.IGNORECASE)
        if prefix and prefix.group(1).strip():
            return {key: prefix.group(1).strip()}
    unit = node.get("x-plantool-unit")
    kinds = types_of(schema, node)
    if unit == "pounds":
        return money(text)
    if unit == "percent":
        return percent(text)
    if unit == "count":
        return number(text, integer=True)
    branch = schema.object_branch(node)
    if "percent" in (branch.get("properties") or {}) and "of" in (branch.get("properties") or {}):
        return share(schema, node, text)
    if "enum" in kinds:
        return enum_value(node, text)
    if kinds & {"number", "integer"} and _PLAIN_NUMBER.match(text):
        if "integer" in kinds and "number" not in kinds:
            return number(text, integer=True)
        result = number(text)
        if isinstance(result, float) and "number" not in kinds:
            raise Unparsed(text)
        if isinstance(result, int) and "integer" not in kinds and "number" not in kinds:
            raise Unparsed(text)
        return result
    if "string" in kinds:
        if node.get("pattern") and not re.search(node["pattern"], text):
            written = iso_date(text)  # a date shown in words: '2 September 2025'
            if written and re.search(node["pattern"], written):
                return written
            raise Unparsed(text)
        return text
    raise Unparsed(text)


# -- figures stated in sentences ---------------------------------------------------


@dataclass
class Found:
    path: tuple  # data path of the field
    value: Any
    sentence: str


def without_markup(text: str) -> str:
    """'**Spend** was [£4m](https://…)' -> 'Spend was £4m'."""
    return re.sub(r"\*\*|\[([^\]]*)\]\([^)]*\)", lambda m: m.group(1) or "", str(text))


def sentences(text: str) -> list[str]:
    plain = without_markup(text)
    return [s.strip() for s in re.split(r"(?<=[.;!?])\s+(?=[A-Z(£0-9])", " ".join(plain.split())) if s.strip()]


def subject(sentence: str) -> str | None:
    """Which disclosure a sentence is about, from FIGURE_SUBJECTS (both agency and consultants: combined)."""
    lowered = sentence.lower()
    hits = [path for path, words in synonyms.FIGURE_SUBJECTS.items() if any(re.search(rf"\b{re.escape(w)}", lowered) for w in words)]
    agency = "disclosures.agency_staff" in hits
    consultants = "disclosures.consultants" in hits
    if agency and consultants:
        return synonyms.COMBINED_SUBJECT
    return hits[0] if len(hits) == 1 else None


def in_text(schema, text: str, context: str | None = None) -> list[Found]:
    """Figures a sentence states about a disclosure: amounts, percentages with their base, long-serving counts.

    `context` is the disclosure (dotted path) the text sits under, used when
    the sentence itself does not say.
    """
    found: list[Found] = []
    if not _DIGIT.search(text):
        return found  # every figure is written with a digit
    for sentence in sentences(text):
        if not _DIGIT.search(sentence):
            continue
        about = subject(sentence) or context
        if not about or not about.startswith("disclosures."):
            continue
        section_key = about.split(".", 1)[1]
        node = schema.node_at(("disclosures", section_key))
        if node is None:
            continue
        found.extend(_sentence_figures(schema, section_key, node, sentence))
    return found


def in_section(schema, text: str, section: tuple | None) -> list[Found]:
    """Figures stated in text that sits under `section`; a disclosure section is the sentences' default subject."""
    context = ".".join(section) if section and section[0] == "disclosures" and len(section) == 2 else None
    return in_text(schema, text, context)


def _field_paths(schema, node: dict):
    """(key, child) for the section's fields."""
    for key, child in schema.object_branch(node).get("properties", {}).items():
        yield key, schema.resolve(child)


def _sentence_figures(schema, section_key: str, node: dict, sentence: str) -> list[Found]:
    out: list[Found] = []
    percentage = node.get("x-plantool-percentage") or {}
    used: list[tuple[int, int]] = []

    # a percentage with its base: '9.26% of the total staffing budget'
    share_path = tuple(percentage.get("percent") or ())
    share_field = schema.node_at(("disclosures", section_key, share_path[0])) if share_path else None
    if share_field is not None:
        share_node = share_field if len(share_path) > 1 else None
        names = []
        of_node = schema.child(schema.object_branch(share_node), "of") if share_node else None
        if of_node:
            for value in of_node.get("enum") or ():
                if value is None:
                    continue
                labels = of_node.get("x-plantool-labels") or {}
                for name in [labels.get(value, ""), *synonyms.BASE_SYNONYMS.get(value, [])]:
                    name = re.sub(r"^the\s+", "", name)
                    if name:
                        names.append((name, value))
        else:  # a plain percentage of a fixed base (facility time: of the pay bill)
            base_key_path = tuple(percentage.get("base") or ())
            base_node = schema.node_at(("disclosures", section_key, *base_key_path)) if base_key_path else None
            for value, words in synonyms.BASE_SYNONYMS.items():
                title = normal((base_node or {}).get("title", ""))
                if any(normal(w) in title for w in words) or normal(value.replace("_", " ")) in title:
                    names.extend((w, value) for w in words)
        names.sort(key=lambda item: -len(item[0]))
        alternatives = "|".join(re.escape(n).replace(r"\ ", " ").replace(" ", r"[\s-]?") for n, _ in names)
        if alternatives:
            pattern = re.compile(
                rf"(?P<p>{NUMBER})\s?(?:%|per\s?cent)\s+of\s+(?:(?:the|its|our|their|total|a|an)\s+)*(?P<base>{alternatives})\b"
                rf"(?:\s*\((?P<amount>£[^)]*)\))?",
                re.IGNORECASE,
            )
            for match in pattern.finditer(sentence):
                base_value = next((v for n, v in names if normal(n) == normal(match.group("base"))), None)
                pct = number(match.group("p"))
                used.append(match.span())
                if share_node is not None:
                    record: dict[str, Any] = {"percent": pct, "of": base_value}
                    if match.group("amount"):
                        try:
                            record["base_amount"] = money(match.group("amount"))
                        except Unparsed:
                            pass
                    out.append(Found(("disclosures", section_key, share_path[0]), record, sentence))
                else:
                    out.append(Found(("disclosures", section_key, *share_path), pct, sentence))
                    if match.group("amount") and percentage.get("base"):
                        try:
                            out.append(Found(("disclosures", section_key, *percentage["base"]), money(match.group("amount")), sentence))
                        except Unparsed:
                            pass
                break

    # an amount: the section's amount field (x-plantool-percentage), else its first money question
    amount_path = tuple(percentage.get("amount") or ())
    if not amount_path:
        for key, child in _field_paths(schema, node):
            if child.get("x-plantool-unit") == "pounds" and "x-plantool-question" in child:
                amount_path = (key,)
                break
    spending = any(re.search(rf"\b{re.escape(w)}", sentence, re.IGNORECASE) for w in synonyms.SPEND_WORDS)
    if amount_path and spending:
        for match in MONEY_IN_TEXT.finditer(sentence):
            if any(start <= match.start() < end for start, end in used):
                continue
            try:
                amount = money(match.group(0))
            except Unparsed:
                continue
            out.append(Found(("disclosures", section_key, *amount_path), amount, sentence))
            break

    # a count of workers engaged for over a year
    lowered = sentence.lower()
    if any(phrase in lowered for phrase in synonyms.LONG_ENGAGEMENT):
        for key, child in _field_paths(schema, node):
            if child.get("x-plantool-unit") == "count" and "x-plantool-question" in child:
                match = re.search(r"(?<![\d.,£])(\d[\d,]*)(?![\d.,]*\s?%)\s+(?:[a-z/-]+\s+){0,4}?(?:workers|staff|people|contractors|consultants|posts)\b", sentence, re.IGNORECASE)
                if match:
                    try:
                        out.append(Found(("disclosures", section_key, key), number(match.group(1), integer=True), sentence))
                    except Unparsed:
                        pass
                break
    return out
