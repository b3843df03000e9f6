"""`plantool rules`: every rule id with its severity and documentation."""

from __future__ import annotations

import inspect

SEVERITY_WORDS = {
    "gap": "warning in a draft, error once approved or published",
    "error": "error",
    "warning": "warning",
    "info": "info",
}


def rules_text() -> str:
    from plantool.check.rules import BUILTIN_RULES, BUILTIN_SEVERITY, load_rules

    parts = []
    for rule_id, doc in BUILTIN_RULES.items():
        parts.append(f"{rule_id}  [{BUILTIN_SEVERITY.get(rule_id, 'error')}]\n    {doc}\n")
    for rule in load_rules():
        doc = inspect.cleandoc(rule.__doc__ or "")
        body = "\n".join("    " + line if line else "" for line in doc.splitlines())
        parts.append(f"{rule.ID}  [{SEVERITY_WORDS[rule.SEVERITY]}]\n{body}\n")
    return "\n".join(parts)
