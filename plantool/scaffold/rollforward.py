"""Roll last year's plan forward: the starting point of the annual progress update.

Answers, council details and the author's comments are kept (ruamel round-trip).
The plan goes back to draft, its approval and publication record is cleared, the
period moves on, and every carried-over answer gets a `# plantool: review`
comment that the review-needed rule reports until the author deletes it.
"""

from __future__ import annotations

import io

from plantool.plan.period import PERIOD

REVIEW_MARK = "# plantool: review"


class RollForwardError(Exception):
    """The old plan cannot be rolled forward; the message says why."""


def next_period(period: str) -> str:
    """2024/25 -> 2025/26."""
    match = PERIOD.match(str(period or ""))
    if not match:
        raise RollForwardError(f"its period '{period}' is not a financial year like 2024/25; give --period")
    start = int(match.group(1)) + 1
    return f"{start}/{(start + 1) % 100:02d}"


def roll_forward(text: str, schema, period: str | None) -> tuple[str, str, str]:
    """The new plan's text, with the old and new periods."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    from plantool.plan.status import DRAFT

    yaml = YAML()  # round-trip: keeps comments, order and quoting
    yaml.preserve_quotes = True
    yaml.width = 4096
    try:
        data = yaml.load(text)
    except YAMLError as exc:
        raise RollForwardError(f"it is not valid YAML ({str(exc).splitlines()[0]})") from None
    if not isinstance(data, dict) or not isinstance(data.get("plan"), dict):
        raise RollForwardError("it is not a plan (no 'plan' section)")
    plan = data["plan"]
    old = str(plan.get("period") or "")
    new = period or next_period(old)
    plan["period"] = new
    if isinstance(plan.get("title"), str) and old:
        plan["title"] = plan["title"].replace(old, new)
    plan["status"] = DRAFT
    for key in ("approval", "publication_url"):
        if key in plan:
            del plan[key]
    out = io.StringIO()
    yaml.dump(data, out)
    return mark_for_review(out.getvalue(), schema, old, new), old, new


def mark_for_review(text: str, schema, old: str, new: str) -> str:
    """Put a review comment above every carried-over answer and disclosure section."""
    from plantool.plan.loader import parse
    from plantool.plan.questions import is_blank

    doc = parse(text)
    targets = set()
    for path, _ in schema.questions():
        if path[0] == "disclosures":
            path = path[:2]  # one mark per disclosure section: its figures are last year's
        if path in doc.keys and not is_blank(_get(doc.data, path)):
            targets.add(doc.keys[path][0])
    lines = text.splitlines()
    note = f"{REVIEW_MARK} -- carried over from {old or 'the last plan'}; update it for {new}, then delete this line"
    for line_number in sorted(targets, reverse=True):
        source = lines[line_number - 1]
        indent = source[: len(source) - len(source.lstrip(" "))]
        lines.insert(line_number - 1, f"{indent}{note}")
    return "\n".join(lines) + "\n"


def _get(data, path):
    for part in path:
        if not isinstance(data, dict):
            return None
        data = data.get(part)
    return data
