"""How plantool compares names people write: council names, headings, labels and figure captions.

One normaliser, so that the register and the importer agree on when two
spellings are the same: case, '&' against 'and', apostrophes (straight or
curly) and punctuation never tell two names apart.
"""

from __future__ import annotations

import re

_APOSTROPHES = re.compile(r"['’‘]")


def simple_words(text: str, *, keep: str = "") -> str:
    """'Telford & Wrekin' -> 'telford and wrekin'; 'Council’s plan:' -> 'councils plan'.

    Letters and digits survive, lower-cased; `keep` names other characters that
    carry meaning for the caller (the importer keeps '%' in figure labels).
    Everything else becomes a single space.
    """
    text = _APOSTROPHES.sub("", str(text).lower().replace("&", " and "))
    return " ".join(re.sub(f"[^a-z0-9{re.escape(keep)}]+", " ", text).split())
