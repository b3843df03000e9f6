"""The council's name, type and GSS code must agree with the register of English councils.

A code the register holds must belong to the council named, with the type the
register gives. A code the register lacks is a warning: it may be a council
created after the register was made (see PLANTOOL_REGISTER in the README).
The register is loaded only when a plan gives a GSS code.

PASS:
    council: {name: South Derbyshire District Council, type: district, gss_code: E07000039}

FAIL:
    council: {name: Derbyshire County Council, type: county, gss_code: E07000039}
"""

from __future__ import annotations

from plantool.check.rules import Problem

ID = "council-register"
SEVERITY = "error"


def check(ctx):
    council = ctx.get(("council",))
    if not isinstance(council, dict):
        return
    code = council.get("gss_code")
    if not isinstance(code, str) or not code.strip():
        return
    from plantool.register import RegisterError, load_register, normalise

    try:
        register = load_register()
    except RegisterError as exc:
        yield Problem(("council", "gss_code"), f"cannot compare with the council register: {exc}", severity="warning")
        return
    known = register.by_code(code)
    if known is None:
        yield Problem(
            ("council", "gss_code"),
            f"{ctx.schema.label(('council', 'gss_code'))}: {code} is not in the register of English councils; "
            "check it, or it may be newer than the register",
            severity="warning",
        )
        return
    name = council.get("name")
    if isinstance(name, str) and name.strip() and normalise(name) not in {normalise(k) for k in known.keys()[1:]}:
        yield Problem(("council", "name"), f"{code} is {known.name}, not {name.strip()}")
    kind = council.get("type")
    if isinstance(kind, str) and kind != known.type:
        yield Problem(("council", "type"), f"{known.name} ({code}) is a {known.type} council in the register, not {kind}")
