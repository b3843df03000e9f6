"""A plan's period: a financial year, 1 April to 31 March, written like 2025/26.

The schema's $defs/period says what a period looks like to the validator; this
is the same shape for code that works with the two years (`new --period`, the
roll-forward to next year).
"""

from __future__ import annotations

import re

PERIOD = re.compile(r"^(\d{4})/(\d{2})$")  # the schema's pattern, with the two years as groups
