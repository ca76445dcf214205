"""Metadata of HTML pages: title, description, author, date, URL, language.

The page markup itself stays in ``Post.text``; the segmenter extracts body and comments.
"""

from __future__ import annotations

from typing import Any

from blogtext.errors import InputError

_META_KEYS = {
    "description": ("description", "og:description", "twitter:description"),
    "author": ("author", "article:author", "dc.creator", "parsely-author"),
    "date": ("article:published_time", "date", "dc.date", "og:published_time", "pubdate"),
    "modified": ("article:modified_time", "og:updated_time"),
    "site_name": ("og:site_name", "application-name"),
}


def read_html_metadata(markup: str, location: str) -> tuple[str | None, dict[str, Any]]:
    """Title and metadata of a page.

    Raises:
        InputError: The page cannot be parsed or has no visible text.
    """
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.document_fromstring(markup)
    except (etree.ParserError, ValueError) as exc:
        raise InputError(location, f"HTML cannot be parsed ({exc})") from None
    for element in root.iter("script", "style", "noscript", "template"):
        element.text = None
    body_text = " ".join(t for t in root.xpath("//body//text()") if t.strip())
    if not body_text.strip():
        raise InputError(location, "HTML page has no text")

    meta: dict[str, str] = {}
    for element in root.iter("meta"):
        key = (element.get("property") or element.get("name") or "").strip().lower()
        content = (element.get("content") or "").strip()
        if key and content and key not in meta:
            meta[key] = content
    metadata: dict[str, Any] = {}
    for field_name, keys in _META_KEYS.items():
        for key in keys:
            if key in meta:
                metadata[field_name] = meta[key]
                break
    canonical = root.xpath("//link[@rel='canonical']/@href")
    url = canonical[0].strip() if canonical else meta.get("og:url")
    if url:
        metadata["url"] = url
    lang = root.get("lang")
    if lang:
        metadata["language"] = lang.strip()
    return _title(root, meta), metadata


def _title(root: Any, meta: dict[str, str]) -> str | None:
    for candidate in (
        meta.get("og:title"),
        _first_text(root, "//article//h1"),
        _first_text(root, "//h1"),
        _first_text(root, "//title"),
    ):
        if candidate and candidate.strip():
            return " ".join(candidate.split())
    return None


def _first_text(root: Any, xpath: str) -> str | None:
    found = root.xpath(xpath)
    return found[0].text_content() if found else None
