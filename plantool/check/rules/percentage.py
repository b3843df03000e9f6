"""A stated percentage does not match amount ÷ base × 100.

Checked wherever the schema pairs a percentage with an amount and its base
(x-plantool-percentage), when all three are given. The stated percentage may
be rounded to the decimals it is written with.

PASS:
    facility_time: {cost: 166275, pay_bill: 415687500, percent_of_pay_bill: 0.04}

FAIL:
    facility_time: {cost: 166275, pay_bill: 41568750, percent_of_pay_bill: 0.04}
"""

from __future__ import annotations

from plantool.plan.schema import dotted
from plantool.check.rules import Problem, number

ID = "percentage-mismatch"
SEVERITY = "error"


def check(ctx):
    for path, value, node in ctx.values:
        spec = node.get("x-plantool-percentage") if node else None
        if not (spec and isinstance(value, dict)):
            continue
        percent_path = path + tuple(spec["percent"])
        percent = number(ctx.get(percent_path))
        amount = number(ctx.get(path + tuple(spec["amount"])))
        base = number(ctx.get(path + tuple(spec["base"])))
        if percent is None or amount is None or not base:
            continue
        actual = amount / base * 100
        if abs(actual - percent) > tolerance(ctx.get(percent_path)):
            yield Problem(
                percent_path,
                f"{ctx.schema.label(percent_path)}: {percent:g}% does not match "
                f"{dotted(spec['amount'])} ÷ {dotted(spec['base'])} × 100 = {actual:.4g}%",
            )


def tolerance(stated) -> float:
    """Half a unit in the last written decimal place, plus a little for float error."""
    text = repr(float(stated)) if isinstance(stated, float) else str(stated)
    decimals = len(text.split(".")[1]) if "." in text and "e" not in text else 0
    return 0.5 * 10 ** (-decimals) + 1e-9
