"""Roll last year's plan forward: the starting point of the annual progress update.

Answers, council details and the author's comments are kept (ruamel round-trip).
The plan goes back to draft, its approval and publication record is cleared, the
period moves on, and every carried-over answer gets a `# plantool: review`
comment that the review-needed rule reports until the author deletes it.
"""

from __future__ import annotations

import io
import re

from plantool.plan.period import PERIOD

REVIEW_MARK = "# plantool: review"


class RollForwardError(Exception):
    """The old plan cannot be rolled forward; the message says why."""


def next_period(period: str) -> str:
    """2024/25 -> 2025/26."""
    match = PERIOD.fullmatch(str(period or ""))
    if not match:
        shown = repr(str(period)[:40])  # any text may be there: quoted, escaped and cut short
        raise RollForwardError(f"its period {shown} is not a financial year like 2024/25; give --period")
    start = int(match.group(1)) + 1
    return f"{start}/{(start + 1) % 100:02d}"


def roll_forward(text: str, schema, period: str | None) -> tuple[str, str, str]:
    """The new plan's text, with the old and new periods."""
    from ruamel.yaml.error import YAMLError

    from plantool.plan.status import DRAFT

    yaml = _round_trip_yaml()
    try:
        data = yaml.load(text)
    except YAMLError as exc:
        raise RollForwardError(f"it is not valid YAML ({str(exc).splitlines()[0]})") from None
    if not isinstance(data, dict) or not isinstance(data.get("plan"), dict):
        raise RollForwardError("it is not a plan (no 'plan' section)")
    plan = data["plan"]
    old = str(plan.get("period") or "")
    new = period or next_period(old)
    if not PERIOD.fullmatch(old):
        old = ""  # it is written into a comment and a message: only a real period, never arbitrary text
    plan["period"] = new
    if isinstance(plan.get("title"), str) and old:
        plan["title"] = plan["title"].replace(old, new)
    plan["status"] = DRAFT
    for key in ("approval", "publication_url"):
        if key in plan:
            del plan[key]
    return mark_for_review(_dumped(yaml, data, layout_of(text)), schema, old, new), old, new


DEFAULT_LAYOUT = (2, 0)  # ruamel.yaml's own: what the roll-forward wrote before it kept the author's layout


def _dumped(yaml, data, layout: tuple[int, int]) -> str:
    """The plan in the author's layout, unless that would change an answer; then in the default layout.

    ruamel.yaml keeps a block's indentation indicator (`|2`) while indenting its
    text by the file's own step, which changes the text; so the answers as written
    are compared with those the default layout gives, and the default wins a difference.
    """
    from plantool.plan.loader import parse

    def dump(mapping: int, offset: int) -> str:
        yaml.indent(mapping=mapping, sequence=offset + 2, offset=offset)
        out = io.StringIO()
        yaml.dump(data, out)
        return out.getvalue()

    reference = dump(*DEFAULT_LAYOUT)
    if layout == DEFAULT_LAYOUT:
        return reference
    candidate = dump(*layout)
    same = parse(candidate).data == parse(reference).data
    return candidate if same else reference


_KEY_ONLY = re.compile(r"^( *)(?:- +)?[^\s#-][^:#]*:\s*(?:#.*)?$")  # 'key:' with its value on the lines below
_ITEM = re.compile(r"^( *)- ")
_KEY = re.compile(r"^( *)[^\s#-][^:#]*:(?:\s|$)")


def layout_of(text: str) -> tuple[int, int]:
    """The plan's own indentation: (spaces a mapping indents, spaces a list's dash sits right of its key).

    The most common of each in the file, so a year's roll-forward keeps the author's
    layout and the year-on-year git diff shows only what changed (2 and 0, or 2 and 2).
    """
    from collections import Counter

    mappings, offsets = Counter(), Counter()
    lines = [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    for line, following in zip(lines, lines[1:]):
        parent = _KEY_ONLY.match(line)
        if not parent:
            continue
        column = len(line) - len(line.lstrip(" -"))  # where the key starts, after a list item's dash
        if item := _ITEM.match(following):
            offsets[len(item.group(1)) - column] += 1
        elif (key := _KEY.match(following)) and len(key.group(1)) > column:
            mappings[len(key.group(1)) - column] += 1
    mapping = mappings.most_common(1)[0][0] if mappings else 2
    offset = offsets.most_common(1)[0][0] if offsets else 0
    return (mapping if 1 < mapping <= 8 else 2), (offset if 0 <= offset <= 8 else 0)


def _round_trip_yaml():
    """ruamel's round-trip YAML (keeps comments, order and quoting) that types nothing.

    Every scalar stays the text the author wrote, so nothing is converted and back:
    an impossible date (2025-02-30), `0x_`, a 5,000-digit number or `.nan` is carried
    over as typed instead of crashing the converter, and the plan loader, which `check`
    uses, decides what each one means. Explicitly tagged scalars (`!!int 0x_`) are kept
    with their tag, unconverted.
    """
    from ruamel.yaml import YAML
    from ruamel.yaml.constructor import RoundTripConstructor
    from ruamel.yaml.resolver import VersionedResolver

    class TextResolver(VersionedResolver):
        @property
        def versioned_resolver(self):
            return {}  # no implicit types: every plain scalar is text

    class TextConstructor(RoundTripConstructor):
        pass

    for kind in ("int", "float", "bool", "null", "timestamp"):
        TextConstructor.add_constructor(f"tag:yaml.org,2002:{kind}", RoundTripConstructor.construct_unknown)
    yaml = YAML()
    yaml.Resolver = TextResolver
    yaml.Constructor = TextConstructor
    yaml.preserve_quotes = True
    yaml.width = 4096
    return yaml


def mark_for_review(text: str, schema, old: str, new: str) -> str:
    """Put a review comment above every carried-over answer and disclosure section."""
    from plantool.plan.loader import parse
    from plantool.plan.questions import is_blank
    from plantool.plan.schema import value_at

    doc = parse(text)
    targets = set()
    for path, _ in schema.questions():
        if path[0] == "disclosures":
            path = path[:2]  # one mark per disclosure section: its figures are last year's
        if path in doc.keys and not is_blank(value_at(doc.data, path)):
            targets.add(doc.keys[path][0])
    lines = text.splitlines()
    note = f"{REVIEW_MARK} -- carried over from {old or 'the last plan'}; update it for {new}, then delete this line"
    for line_number in sorted(targets, reverse=True):
        source = lines[line_number - 1]
        indent = source[: len(source) - len(source.lstrip(" "))]
        lines.insert(line_number - 1, f"{indent}{note}")
    return "\n".join(lines) + "\n"
