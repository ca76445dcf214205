"""Stable post ids: a slug of the file name plus a short content hash (JSONL/CSV: file + row)."""

from __future__ import annotations

import re
import unicodedata

_TRANSLIT = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"}
)
_NON_SLUG = re.compile(r"[^a-z0-9]+")


def slugify(value: str, max_length: int = 60) -> str:
    """ASCII slug: "Größte Fehler – Teil 2" → "groesste-fehler-teil-2"."""
    ascii_text = (
        unicodedata.normalize("NFKD", value.translate(_TRANSLIT)).encode("ascii", "ignore").decode()
    )
    slug = _NON_SLUG.sub("-", ascii_text.lower()).strip("-")
    return slug[:max_length].rstrip("-") or "post"


def file_post_id(stem: str, sha256: str) -> str:
    return f"{slugify(stem)}-{sha256[:8]}"


def record_post_id(stem: str, record: int, record_id: object | None) -> str:
    if record_id not in (None, ""):
        return f"{slugify(stem, 30)}-{slugify(str(record_id))}"
    return f"{slugify(stem)}-{record}"
