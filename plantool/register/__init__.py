"""The register of English principal councils: names, types and GSS codes.

The register is data (a CSV shipped in the package, from mySociety, CC BY 4.0),
loaded only by the commands and the rule that use it. PLANTOOL_REGISTER points
plantool at an updated file with the same columns, as councils are reorganised.
"""

from __future__ import annotations

import csv
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from plantool.words import simple_words as normalise  # the one way plantool compares names

REGISTER_NAME = "english-councils-2024.csv"
COLUMNS = ("gss_code", "name", "short_name", "type", "county_gss", "region", "alt_names")
ENV_VARIABLE = "PLANTOOL_REGISTER"

# Words that do not tell councils apart: "south derbyshire district council" is "south derbyshire".
_GENERIC = re.compile(
    r"\b(the|council|county|district|borough|city|metropolitan|london|royal|of|ua|and)\b"
)


class RegisterError(Exception):
    """The register file cannot be used; the message names it."""


@dataclass(frozen=True)
class Council:
    gss_code: str
    name: str
    short_name: str
    type: str
    county_gss: str
    region: str
    alt_names: tuple[str, ...]

    def keys(self) -> tuple[str, ...]:
        """Every name the council goes by, plus its code."""
        return (self.gss_code, self.name, self.short_name, *self.alt_names)

    def goes_by(self, name: str) -> bool:
        """Whether `name` is one of the council's names or a known style of one.

        A style keeps the distinctive words and varies the rest: 'Middlesbrough Council' for
        Middlesbrough Borough Council, 'The Royal Borough of Kensington and Chelsea', '&' for
        'and', with or without 'Borough', 'District', 'City' or 'County'.
        """
        wanted, core = normalise(name), distinctive(name)
        return any(normalise(key) == wanted or (core and distinctive(key) == core) for key in self.keys()[1:])

    def as_dict(self) -> dict:
        return {
            "gss_code": self.gss_code,
            "name": self.name,
            "short_name": self.short_name,
            "type": self.type,
            "county_gss": self.county_gss or None,
            "region": self.region,
            "alt_names": list(self.alt_names),
        }


class Ambiguous(LookupError):
    def __init__(self, query: str, candidates: list[Council]):
        self.query, self.candidates = query, candidates
        names = "; ".join(f"{c.name} ({c.gss_code})" for c in candidates[:10])
        super().__init__(f"'{query}' matches {len(candidates)} councils: {names}")


class NotFound(LookupError):
    def __init__(self, query: str, suggestions: list[Council]):
        self.query, self.suggestions = query, suggestions
        hint = f" (did you mean {' or '.join(c.name for c in suggestions)}?)" if suggestions else ""
        super().__init__(f"no council called '{query}' in the register{hint}")


def distinctive(text: str) -> str:
    """The words that identify a council: 'Derbyshire County Council' -> 'derbyshire'."""
    return " ".join(_GENERIC.sub(" ", normalise(text)).split())


_PACKAGED = Path(__file__).resolve().parent / REGISTER_NAME


def register_path() -> Path:
    override = os.environ.get(ENV_VARIABLE)
    if override:
        return Path(override)
    return _PACKAGED


class Register:
    def __init__(self, councils: list[Council], source: Path):
        self.councils = councils
        self.source = source
        self._by_code = {c.gss_code: c for c in councils}

    def by_code(self, code: str) -> Council | None:
        return self._by_code.get(code.strip().upper()) if isinstance(code, str) else None

    def types(self) -> list[str]:
        return sorted({c.type for c in self.councils})

    def search(self, query: str = "", kind: str | None = None) -> list[Council]:
        """Councils whose code or any name contains the query, case-insensitively."""
        wanted = normalise(query)
        found = []
        for council in self.councils:
            if kind and council.type != kind:
                continue
            if not wanted or any(wanted in normalise(key) for key in council.keys()):
                found.append(council)
        return found

    def resolve(self, query: str) -> Council:
        """Exactly one council for a name, short name, other spelling or GSS code."""
        code = self.by_code(query)
        if code:
            return code
        for matcher in (normalise, distinctive):
            wanted = matcher(query)
            if not wanted:
                continue
            hits = [c for c in self.councils if any(matcher(key) == wanted for key in c.keys())]
            if len(hits) == 1:
                return hits[0]
            if hits:
                raise Ambiguous(query, hits)
        partial = self.search(query) if len(normalise(query)) >= 4 else []
        if len(partial) == 1:  # "Kensington": the one council whose name contains it
            return partial[0]
        if partial and len(partial) <= 20:
            raise Ambiguous(query, partial)
        import difflib  # only for a name that matched nothing

        names = {}
        for council in self.councils:
            for key in (council.name, council.short_name):
                names.setdefault(normalise(key), council)
        close = difflib.get_close_matches(normalise(query), list(names), n=3, cutoff=0.75)
        suggestions = list(dict.fromkeys(names[n] for n in close))
        raise NotFound(query, suggestions)

    def owner_of(self, name: str) -> Council | None:
        """The one council a name belongs to, or None when it matches none or several."""
        try:
            return self.resolve(name)
        except LookupError:
            return None

    def named_in(self, text: str) -> Council | None:
        """The first council a piece of prose names ('… of Derbyshire County Council …'); the longest name wins a tie.

        Names of one word ('Derby') are too common in prose to count.
        """
        if not text:
            return None
        haystack = f" {normalise(text)} "
        best = None
        for council in self.councils:
            for name in (council.name, *council.alt_names):
                needle = normalise(name)
                if len(needle.split()) < 2:
                    continue
                at = haystack.find(f" {needle} ")
                if at >= 0 and (best is None or at < best[0] or (at == best[0] and len(needle) > best[1])):
                    best = (at, len(needle), council)
        return best[2] if best else None


@lru_cache(maxsize=4)
def _load(path: str) -> Register:
    source = Path(path)
    try:
        with source.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = [c for c in COLUMNS if c not in (reader.fieldnames or ())]
            if missing:
                raise RegisterError(f"{source}: register lacks column(s) {', '.join(missing)}")
            councils = [
                Council(
                    gss_code=row["gss_code"].strip().upper(),
                    name=row["name"].strip(),
                    short_name=row["short_name"].strip(),
                    type=row["type"].strip(),
                    county_gss=(row["county_gss"] or "").strip(),
                    region=(row["region"] or "").strip(),
                    alt_names=tuple(n.strip() for n in (row["alt_names"] or "").split(";") if n.strip()),
                )
                for row in reader
            ]
    except OSError as exc:
        raise RegisterError(f"{source}: cannot read the council register: {exc.strerror or exc}") from None
    except (UnicodeDecodeError, csv.Error) as exc:
        raise RegisterError(f"{source}: the council register is not a UTF-8 CSV file ({exc})") from None
    if not councils:
        raise RegisterError(f"{source}: the council register is empty")
    return Register(councils, source)


def load_register(path: Path | None = None) -> Register:
    return _load(str(path or register_path()))


def schema_examples(register: Register) -> list[str]:
    """The council names the schema offers an editor as completions."""
    return sorted(c.name for c in register.councils)


def sync_schema(schema_file: Path, register: Register) -> bool:
    """Rewrite the schema's council-name examples from the register; True if it changed.

    The register is the one source of names; run `python -m plantool.register`
    after updating it. The examples are one line, so the diff stays readable.
    """
    import json

    text = schema_file.read_text(encoding="utf-8")
    line = json.dumps(schema_examples(register), ensure_ascii=False)
    pattern = re.compile(r'("x-plantool-register-examples": true,\s*"examples": )\[[^\]]*\]')
    updated, count = pattern.subn(lambda m: m.group(1) + line, text)
    if count != 1:
        raise RegisterError(f"{schema_file}: no council-name examples marked x-plantool-register-examples")
    if updated != text:
        schema_file.write_text(updated, encoding="utf-8")
    return updated != text


if __name__ == "__main__":  # python -m plantool.register: refresh the schema's name list
    from plantool.plan.schema import schema_path

    target = schema_path()
    print(f"{target}: {'updated' if sync_schema(target, load_register()) else 'already in step'}")
