"""Trade union facility time figures that cannot all be true, or look mistyped.

Checks, in the shape of the statutory return (SI 2017/328):
- the four time bands add up to the number of officials;
- the full-time equivalent is not more than the number of officials;
- the share of the pay bill is usual: 0.2% or more is unusual (the government
  wrote to councils at that level in 2024) and 1% or more is probably a typing
  error, such as 4 for 0.04.

PASS:
    facility_time:
      officials: {headcount: 20, fte: 6.5}
      time_bands: {none: 2, up_to_half: 15, more_than_half: 2, all: 1}
      percent_of_pay_bill: 0.04

FAIL:
    facility_time:
      officials: {headcount: 20, fte: 26}
      time_bands: {none: 2, up_to_half: 15, more_than_half: 2, all: 0}
      percent_of_pay_bill: 4
"""

from __future__ import annotations

from plantool.check.findings import ERROR, WARNING
from plantool.check.rules import Problem, number

ID = "facility-time"
SEVERITY = "error"

SECTION = ("disclosures", "facility_time")
UNUSUAL_PERCENT = 0.2
TYPO_PERCENT = 1.0


def check(ctx):
    section = ctx.get(SECTION)
    if not isinstance(section, dict):
        return
    label = ctx.schema.label
    headcount = number(ctx.get(SECTION + ("officials", "headcount")))
    bands_path = SECTION + ("time_bands",)
    bands = ctx.get(bands_path)
    if headcount is not None and isinstance(bands, dict):
        counts = [number(v) for v in bands.values()]
        if counts and all(c is not None for c in counts) and sum(counts) != headcount:
            yield Problem(
                bands_path,
                f"{label(bands_path)}: the bands add up to {sum(counts):g}, "
                f"but the number of officials is {headcount:g}",
                severity=ERROR,
            )
    fte_path = SECTION + ("officials", "fte")
    fte = number(ctx.get(fte_path))
    if fte is not None and headcount is not None and fte > headcount:
        yield Problem(
            fte_path,
            f"{label(fte_path)}: {fte:g} FTE is more than the {headcount:g} officials",
            severity=ERROR,
        )
    rate_path = SECTION + ("percent_of_pay_bill",)
    rate = number(ctx.get(rate_path))
    if rate is not None and 0 <= rate <= 100:
        if rate >= TYPO_PERCENT:
            yield Problem(
                rate_path,
                f"{label(rate_path)}: {rate:g}% is far above the usual 0.02% to 0.19%; "
                f"did you mean {rate / 100:g}%? Write the percentage itself, e.g. 0.04 for 0.04%",
                severity=WARNING,
            )
        elif rate >= UNUSUAL_PERCENT:
            yield Problem(
                rate_path,
                f"{label(rate_path)}: {rate:g}% is unusually high (most councils are between 0.02% and 0.19%); "
                "check the figure",
                severity=WARNING,
            )
