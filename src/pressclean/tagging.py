"""Metadata tagging of a cleaned document: title, dates, entities, keywords, language.

First version: the headline line only; the tagging work adds dates, people, places,
organisations (spaCy), keywords and language.
"""

from __future__ import annotations

from typing import Any

from pressclean.document import Document


def tag_document(doc: Document) -> dict[str, Any]:
    """Tags for ``doc`` as a JSON-ready dict (the ``tags`` of its record)."""
    first = next((ln.strip() for ln in doc.clean_text.splitlines() if ln.strip()), "")
    return {"title": first if 0 < len(first) <= 120 else ""}
