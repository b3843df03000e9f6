"""Which councils have a plan: each row matched to the council register, and the register's councils left without one.

A plan is matched by its GSS code first, then by its name (the register's own
look-up, which knows other spellings); the register's name, code, type and
region then fill the row. A plan that matches neither is listed as not in the
register, keeping what the plan says. Two plans for one council (two years, or
a copy) are both kept and listed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from plantool.summary import columns as C


@dataclass
class Coverage:
    source: str  # the register file's name
    councils: int  # in the register
    with_plan: list = field(default_factory=list)  # [{gss_code, council, council_type, region, files}]
    missing: list = field(default_factory=list)  # [{gss_code, council, council_type, region}]
    not_in_register: list = field(default_factory=list)  # [{file, plan_council_name, plan_gss_code}]
    more_than_one_plan: list = field(default_factory=list)  # [{gss_code, council, files}]
    by_type: list = field(default_factory=list)  # [{group, councils, with_plan}]
    by_region: list = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "register": {"source": self.source, "councils": self.councils},
            "councils_with_plan": len(self.with_plan),
            "councils_missing": len(self.missing),
            "with_plan": self.with_plan,
            "missing": self.missing,
            "not_in_register": self.not_in_register,
            "more_than_one_plan": self.more_than_one_plan,
            "by_type": self.by_type,
            "by_region": self.by_region,
        }


class Names:
    """The register's names, normalised once, to match many plans by name.

    The same exact matches as `Register.resolve` tries first (the name or any other
    spelling, then its distinctive words), built once instead of per plan; the
    guesses resolve makes after those (a part of a name, a close spelling) are left
    out, because a summary must not join a plan to a council it only resembles.
    """

    def __init__(self, register):
        from plantool.register import distinctive, normalise

        self.register = register
        self.tables = []
        for matcher in (normalise, distinctive):
            table: dict[str, set] = {}
            for council in register.councils:
                for key in council.keys():
                    table.setdefault(matcher(key), set()).add(council.gss_code)
            self.tables.append((matcher, table))

    def find(self, name: str):
        """The one council of that name, or None (no such name, or several councils share it)."""
        council = self.register.by_code(name)
        if council is not None:
            return council
        for matcher, table in self.tables:
            wanted = matcher(name)
            codes = table.get(wanted) if wanted else None
            if codes:
                return self.register.by_code(next(iter(codes))) if len(codes) == 1 else None
        return None


class Matcher:
    """Fills a row's register columns from the council its plan names.

    The register is read at the first row unless one is given (RegisterError if it
    cannot be), and the name index is made only if a plan needs it.
    """

    def __init__(self, register=None):
        self._register = register
        self.names: Names | None = None

    @property
    def register(self):
        if self._register is None:
            from plantool.register import load_register

            self._register = load_register()
        return self._register

    def __call__(self, row: dict) -> None:
        if row["load_error"] is not None:
            return
        name, code = row["plan_council_name"], row["plan_gss_code"]
        council = self.register.by_code(code) if code else None
        how = C.MATCHED_BY_CODE
        if council is None and name:
            self.names = self.names or Names(self.register)
            council, how = self.names.find(name), C.MATCHED_BY_NAME
        if council is None:
            row["council"], row["gss_code"] = name, code
            row["register_match"] = C.NOT_IN_REGISTER if (name or code) else C.NOT_GIVEN
            return
        row.update(council=council.name, gss_code=council.gss_code, council_type=council.type,
                   region=council.region or None, register_match=how)


def cover(rows: list[dict], register, *, matched: bool = False) -> Coverage:
    """The register's coverage by these rows, matching each row first (in place) unless `matched` says a Matcher has."""
    if not matched:
        match = Matcher(register)
        for row in rows:
            match(row)
    files: dict[str, list[str]] = {}
    for row in rows:
        if row["register_match"] in (C.MATCHED_BY_CODE, C.MATCHED_BY_NAME):
            files.setdefault(row["gss_code"], []).append(row["file"])
    for row in rows:
        if row["register_match"] in (C.MATCHED_BY_CODE, C.MATCHED_BY_NAME):
            row["plans_for_council"] = len(files[row["gss_code"]])
    coverage = Coverage(register.source.name, len(register.councils))
    for council in register.councils:
        entry = {"gss_code": council.gss_code, "council": council.name, "council_type": council.type,
                 "region": council.region or None}
        if council.gss_code in files:
            coverage.with_plan.append({**entry, "files": files[council.gss_code]})
            if len(files[council.gss_code]) > 1:
                coverage.more_than_one_plan.append({"gss_code": council.gss_code, "council": council.name,
                                                    "files": files[council.gss_code]})
        else:
            coverage.missing.append(entry)
    coverage.not_in_register = [
        {"file": row["file"], "plan_council_name": row["plan_council_name"], "plan_gss_code": row["plan_gss_code"]}
        for row in rows if row["register_match"] in (C.NOT_IN_REGISTER, C.NOT_GIVEN)
    ]
    coverage.by_type = _by(register, files, lambda c: c.type)
    coverage.by_region = _by(register, files, lambda c: c.region or None)
    return coverage


def _by(register, files: dict, key) -> list[dict]:
    """Councils in the register and councils with a plan, per type or region, sorted by its name."""
    groups: dict = {}
    for council in register.councils:
        counts = groups.setdefault(key(council), [0, 0])
        counts[0] += 1
        counts[1] += council.gss_code in files
    return [{"group": group, "councils": total, "with_plan": covered}
            for group, (total, covered) in sorted(groups.items(), key=lambda item: str(item[0]))]
