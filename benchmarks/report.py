"""Markdown tables for the report: plain pipe tables, so they paste into README or a PR as they are."""

from __future__ import annotations

from measure import median_ms, spread

SKIPPED = "skipped (tool not installed)"


class ComparisonTable:
    """The headline rows: plantool against a peer, with the ratio and its target."""

    def __init__(self):
        self.rows: list[str] = []

    def add(self, what: str, ours: list[float], peer_name: str, peer: list[float] | None, target: float):
        if peer is None:
            self.rows.append(f"| {what} | {spread(ours)} | {peer_name} | {SKIPPED} | – | ≤ {target} | – |")
            return
        ratio = median_ms(ours) / median_ms(peer)
        met = "yes" if ratio <= target else "**no**"
        shown = f"{ratio:.2f}" if f"{ratio:.2f}" != f"{target:.2f}" else f"{ratio:.3f}"  # never hide a near miss
        self.rows.append(f"| {what} | {spread(ours)} | {peer_name} | {spread(peer)} | {shown} | ≤ {target} | {met} |")

    def markdown(self) -> str:
        return "\n".join(["| benchmark | plantool ms | measured against | peer ms | ratio (median/median) | target | met |",
                          "|---|---:|---|---:|---:|---:|---|", *self.rows])


class GrowthTable:
    """How plantool and check-jsonschema scale with one input dimension."""

    def __init__(self, first: str, extra: str):
        self.head = f"| {first} | {extra} | plantool ms | check-jsonschema ms | ratio |\n|---|---:|---:|---:|---:|"
        self.rows: list[str] = []

    def add(self, label: str, extra: str, ours: list[float], peer: list[float] | None):
        if peer is None:
            self.rows.append(f"| {label} | {extra} | {spread(ours)} | {SKIPPED} | – |")
        else:
            self.rows.append(f"| {label} | {extra} | {spread(ours)} | {spread(peer)} | {median_ms(ours) / median_ms(peer):.2f} |")

    def markdown(self) -> str:
        return "\n".join([self.head, *self.rows])
