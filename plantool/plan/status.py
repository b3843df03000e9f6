"""The plan's status values, as code refers to them.

The schema's enum (plan.status) is where they are defined and described; these
names are how code says which one it means, and a test holds them to the enum.
"""

from __future__ import annotations

DRAFT = "draft"  # being written: gaps are warnings, the export is marked DRAFT
APPROVED = "approved"  # signed off by members
PUBLISHED = "published"  # on the council's website: it must say where
SIGNED_OFF = (APPROVED, PUBLISHED)  # gaps are errors; the export is final


def statuses(schema) -> tuple[str, ...]:
    """The statuses the schema allows, in its order."""
    return tuple((schema.node_at(("plan", "status")) or {}).get("enum") or ())
