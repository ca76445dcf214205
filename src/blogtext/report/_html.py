"""Safe HTML building blocks shared by the per-post reports and the dashboard.

All post text is hostile (scraped titles, comments and author names). The rules here:

* every piece of data goes through :func:`esc` (``html.escape`` with quotes) — in text and in
  attribute values alike; no data ever becomes a URL, an event handler or markup;
* data for JavaScript is embedded as JSON in ``<script type="application/json">`` with ``<``,
  ``>`` and ``&`` written as ``\\u003c`` etc. (:func:`json_for_script`), so no string can close
  the element; the script reads it with ``JSON.parse`` and writes it with ``textContent``;
* a Content-Security-Policy meta element forbids every external load and allows only the
  page's own inline style and script, by their SHA-256 hashes — even if escaping were missed
  somewhere, an injected ``<script>`` or ``onerror=`` handler would not run.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from typing import Any


def esc(value: object) -> str:
    """``value`` as text safe in HTML content and in quoted attribute values."""
    text = "" if value is None else str(value)
    # Most values hold none of the five characters; html.escape would copy them five times.
    if _HTML_SPECIAL(text) is None:
        return text
    return html.escape(text, quote=True)


#: The characters html.escape(…, quote=True) replaces.
_HTML_SPECIAL = re.compile("[&<>\"']").search


def json_for_script(data: Any) -> str:
    """JSON text that can sit inside ``<script type="application/json">`` without escaping it.

    ``<``, ``>`` and ``&`` become ``\\u003c``/``\\u003e``/``\\u0026`` (still the same JSON),
    so ``</script>`` or ``<!--`` inside a string cannot end or confuse the element; U+2028/9
    are escaped for old parsers.
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char, escape in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(char, escape)
    return text


def _csp_hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def content_security_policy(style: str, script: str | None) -> str:
    """A policy that allows exactly this page's inline style and script and nothing else."""
    script_src = _csp_hash(script) if script is not None else "'none'"
    return (
        "default-src 'none'; "
        f"style-src {_csp_hash(style)}; "
        f"script-src {script_src}; "
        "img-src data:; font-src 'none'; connect-src 'none'; "
        "base-uri 'none'; form-action 'none'; frame-src 'none'; object-src 'none'"
    )


def page(
    title: str, body: str, style: str, script: str | None = None, data: str | None = None
) -> str:
    """A complete, self-contained HTML document.

    Args:
        title: Page title (escaped here).
        body: Body markup, already built from escaped pieces.
        style: The page's CSS (inline, allowed by hash).
        script: Optional inline JavaScript (allowed by hash); it must not be built from data.
        data: Optional JSON text from :func:`json_for_script`, embedded as ``#data``.
    """
    policy = content_security_policy(style, script)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="de">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{esc(policy)}">',
        '<meta name="referrer" content="no-referrer">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{esc(title)}</title>",
        f"<style>{style}</style>",
        "</head>",
        "<body>",
        body,
    ]
    if data is not None:
        parts.append(f'<script type="application/json" id="data">{data}</script>')
    if script is not None:
        parts.append(f"<script>{script}</script>")
    parts += ["</body>", "</html>", ""]
    return "\n".join(parts)


def tag(name: str, content: str, cls: str | None = None, **attributes: object) -> str:
    """``<name class=…>content</name>``; ``content`` must already be safe markup."""
    attrs = f' class="{esc(cls)}"' if cls else ""
    for key, value in attributes.items():
        if value is not None:
            attrs += f' {key.rstrip("_").replace("_", "-")}="{esc(value)}"'
    return f"<{name}{attrs}>{content}</{name}>"


def definition_list(rows: list[tuple[str, object]]) -> str:
    """A ``<dl>`` of label → value pairs (both escaped; ``None`` values are left out)."""
    entries = "".join(
        f"<dt>{esc(label)}</dt><dd>{esc(value)}</dd>" for label, value in rows if value is not None
    )
    return f"<dl>{entries}</dl>"


def not_available(what: str) -> str:
    """The standard note for an analysis whose key is absent from the report."""
    return f'<p class="na">{esc(what)}: nicht verfügbar (diese Analyse lief für den Beitrag nicht).</p>'
