"""`plantool councils`: search the register, as a table on a terminal and as data for scripts."""

from __future__ import annotations

import csv
from typing import TextIO

from plantool.exit_codes import CLEAN, USAGE

JSON_VERSION = 1  # bump only with an incompatible change to the JSON below (see README)


def run_councils(query: str, kind: str | None, output_format: str, *, out: TextIO, err: TextIO) -> int:
    from plantool.register import RegisterError, load_register

    try:
        register = load_register()
    except RegisterError as exc:
        err.write(f"plantool: error: {exc}\n")
        return USAGE
    if kind and kind not in register.types():
        err.write(f"plantool: error: unknown council type '{kind}'; choose from: {', '.join(register.types())}\n")
        return USAGE
    found = register.search(query, kind)
    if output_format == "json":
        document = {
            "version": JSON_VERSION,
            "register": {"source": register.source.name, "councils": len(register.councils)},
            "query": query,
            "type": kind,
            "councils": [council.as_dict() for council in found],
        }
        from plantool.output import json_text

        out.write(json_text(document, out) + "\n")
    elif output_format == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["gss_code", "name", "short_name", "type", "county_gss", "region", "alt_names"])
        for c in found:
            writer.writerow([c.gss_code, c.name, c.short_name, c.type, c.county_gss, c.region, ";".join(c.alt_names)])
    else:
        _write_text(found, out)
    if not found and output_format == "text":
        err.write(f"no council in the register matches '{query}'{_nearest(register, query)}\n")
    return CLEAN


def _nearest(register, query: str) -> str:
    """' (did you mean Derbyshire County Council?)' for a misspelt name, as `new` suggests; '' when none is near."""
    from plantool.register import NotFound

    try:
        register.resolve(query)
    except NotFound as missing:
        if missing.suggestions:
            return f" (did you mean {' or '.join(council.name for council in missing.suggestions)}?)"
    except LookupError:
        pass
    return ""


def _write_text(found, out: TextIO) -> None:
    from plantool.check.reports.text import use_colour

    if use_colour(out) and found:
        from rich.console import Console
        from rich.table import Table

        table = Table("GSS code", "Council", "Type", "Region")
        for c in found:
            table.add_row(c.gss_code, c.name, c.type, c.region)
        Console(file=out).print(table)
        return
    for c in found:
        out.write(f"{c.gss_code}\t{c.name}\t{c.type}\t{c.region}\n")
