"""The GSS code's prefix does not suit the type of council.

The prefixes per type come from the schema (x-plantool-gss-prefixes):
E10 county, E07 district, E06 unitary, E08 metropolitan district,
E09 London borough, E47 combined authority.

PASS:
    council: {type: county, gss_code: E10000007}

FAIL:
    council: {type: district, gss_code: E10000007}
"""

from __future__ import annotations

from plantool.check.rules import Problem

ID = "gss-code-type"
SEVERITY = "error"


def check(ctx):
    council = ctx.get(("council",))
    if not isinstance(council, dict):
        return
    code, kind = council.get("gss_code"), council.get("type")
    if not (isinstance(code, str) and isinstance(kind, str)) or len(code) < 3:
        return  # a wrong type is the schema's finding; this rule compares two pieces of text
    prefixes = ctx.schema.annotation("x-plantool-gss-prefixes", {}).get(kind)
    if not prefixes:
        return
    if code[:3] not in prefixes:
        expected = " or ".join(prefixes)
        yield Problem(
            ("council", "gss_code"),
            f"{ctx.schema.label(('council', 'gss_code'))}: {code} starts {code[:3]}, "
            f"but a {kind} council's code starts {expected}",
        )
