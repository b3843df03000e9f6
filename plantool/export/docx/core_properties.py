"""A Word file's core properties: what Explorer, a website's listing and a screen reader show before the text.

Public python-docx API only; each value fitted to what a core property holds,
so a long title or council name never stops an export that `check` passed.
"""

from __future__ import annotations

from typing import Iterable

from plantool.export.docx.ooxml import xml_safe

CORE_PROPERTY_LIMIT = 255  # characters: python-docx refuses longer text in a core property, as Word's dialog does


def fit_core_property(text: str) -> str:
    """Text a core property can hold: XML-safe, and at most 255 characters, cut at a word with '…'.

    Core properties are metadata (the file's title in Explorer and on a
    website's listing); the document itself shows the whole title.
    """
    text = xml_safe(text)
    if len(text) <= CORE_PROPERTY_LIMIT:
        return text
    cut = text[: CORE_PROPERTY_LIMIT - 1]
    if " " in cut[CORE_PROPERTY_LIMIT // 2 :]:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:–-\n\t") + "…"


def set_core_properties(document, *, title: str, subject: str, author: str, keywords: Iterable[str], identifier: str = "") -> None:
    """Title, subject, author, keywords and plantool's mark: what a website and a screen reader show first.

    Each is fitted to a core property's limit, so a long title or council name
    (or the keywords made of them) never stops an export that `check` passed.
    """
    properties = document.core_properties
    properties.title = fit_core_property(title)
    properties.subject = fit_core_property(subject)
    properties.author = fit_core_property(author)
    properties.last_modified_by = fit_core_property(author)
    properties.keywords = fit_core_property(", ".join(k for k in keywords if k))
    properties.identifier = fit_core_property(identifier)
    properties.comments = ""
