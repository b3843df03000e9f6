"""The council's name, type and GSS code must agree with the register of English councils.

A code the register holds must belong to the council named, with the type the
register gives. The name may be any the register gives the council, or a known
style of one: councils call themselves "<Place> Council", "The Royal Borough
of …", with "&" for "and", with or without "Borough", "District" or "City".
A name that belongs to another council is an error; a name that matches no
council is a warning that gives the register's form. A code the register lacks
is a warning: it may be a council created after the register was made (see
PLANTOOL_REGISTER in the README). A plan with no GSS code is judged by its name
alone: a name close to a council's but not one (a misspelling) is a warning with
the register's nearest names; a name near none is only noted (it may be a form of
the name the register lacks, "BCP Council"), as is any name of a kind of body the
register does not hold (a combined authority). The register is loaded only when
a plan gives a GSS code or, without one, a council name.

PASS:
    council: {name: South Derbyshire District Council, type: district, gss_code: E07000039}

PASS:
    council: {name: Middlesbrough Council, type: unitary, gss_code: E06000002}

FAIL:
    council: {name: Derbyshire County Council, type: county, gss_code: E07000039}

FAIL, as a warning, since no council has this name:
    council: {name: Middlesborough Council, type: unitary, gss_code: E06000002}

FAIL, as a warning: no GSS code, and a misspelt name:
    council: {name: Derbysheer County Council, type: county}

PASS:
    council: {name: Derbyshire County Council, type: county}
"""

from __future__ import annotations

from plantool.check.rules import Problem

ID = "council-register"
SEVERITY = "error"


def check(ctx):
    council = ctx.get(("council",))
    if not isinstance(council, dict):
        return
    code, name = council.get("gss_code"), council.get("name")
    has_code = isinstance(code, str) and bool(code.strip())
    if not has_code and not (isinstance(name, str) and name.strip()):
        return
    from plantool.register import RegisterError, load_register

    try:
        register = load_register()
    except RegisterError as exc:
        yield Problem(("council", "gss_code"), f"cannot compare with the council register: {exc}", severity="warning")
        return
    kind = council.get("type")
    if has_code:
        known = yield from _by_code(ctx, register, code, name)
    elif isinstance(kind, str) and kind not in register.types():
        return  # a combined authority: not the register's to judge
    else:
        known = yield from _by_name(ctx, register, name.strip())
    if known is not None and isinstance(kind, str) and kind != known.type:
        yield Problem(("council", "type"), f"{known.name} ({known.gss_code}) is a {known.type} council in the register, not {kind}")


def _by_code(ctx, register, code: str, name):
    """The council the code names (None when the register lacks it), with what disagrees about its name."""
    known = register.by_code(code)
    if known is None:
        yield Problem(
            ("council", "gss_code"),
            f"{ctx.schema.label(('council', 'gss_code'))}: {code} is not in the register of English councils; "
            "check it, or it may be newer than the register",
            severity="warning",
        )
        return None
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
    return known


def _by_name(ctx, register, name: str):
    """What a plan without a code is told about its name, and the council it names exactly, if any.

    Only a council's own full name is taken as naming it, to judge the type by:
    the register's looser matches ("Newcastle" in "Newcastle Borough Council")
    are right for a search, not for telling an author they are wrong.
    """
    from plantool.register import NotFound, normalise

    try:
        known = register.resolve(name)
        exact = normalise(name) in {normalise(known.name), *map(normalise, known.alt_names)}
        return known if exact else None  # only the council's own full name is sure enough to judge its type by
    except NotFound as missing:
        label = ctx.schema.label(("council", "name"))
        if missing.suggestions:
            nearest = " or ".join(council.name for council in missing.suggestions)
            yield Problem(("council", "name"), f"{label}: '{name}' is not a council the register knows (did you mean {nearest}?); "
                          "check the spelling", severity="warning")
        else:
            yield Problem(("council", "name"), f"{label}: '{name}' is not a name the register knows; give the council's "
                          "GSS code, so the plan can be matched to its council", severity="info")
    except LookupError:
        pass  # a name several councils share: nothing to say it is wrong
    return None
