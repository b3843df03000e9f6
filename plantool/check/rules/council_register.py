"""The council's name, type and GSS code must agree with the register of English councils.

A code the register holds must belong to the council named, with the type the
register gives. The name may be any the register gives the council, or a known
style of one: councils call themselves "<Place> Council", "The Royal Borough
of …", with "&" for "and", with or without "Borough", "District" or "City".
A name that belongs to another council is an error; a name that matches no
council is a warning that gives the register's form. A code the register lacks
is a warning: it may be a council created after the register was made (see
PLANTOOL_REGISTER in the README). The register is loaded only when a plan gives
a GSS code.

PASS:
    council: {name: South Derbyshire District Council, type: district, gss_code: E07000039}

PASS:
    council: {name: Middlesbrough Council, type: unitary, gss_code: E06000002}

FAIL:
    council: {name: Derbyshire County Council, type: county, gss_code: E07000039}

FAIL, as a warning, since no council has this name:
    council: {name: Middlesborough Council, type: unitary, gss_code: E06000002}
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
    from plantool.register import RegisterError, load_register

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
    if isinstance(name, str) and name.strip() and not known.goes_by(name):
        owner = register.owner_of(name)
        if owner is not None and owner.gss_code != known.gss_code:
            yield Problem(("council", "name"), f"{code} is {known.name}, not {name.strip()}")
        else:
            yield Problem(
                ("council", "name"),
                f"{ctx.schema.label(('council', 'name'))}: '{name.strip()}' is not a name the register knows for "
                f"{code}, which it calls {known.name}; check the spelling, or write {known.name}",
                severity="warning",
            )
    kind = council.get("type")
    if isinstance(kind, str) and kind != known.type:
        yield Problem(("council", "type"), f"{known.name} ({code}) is a {known.type} council in the register, not {kind}")
