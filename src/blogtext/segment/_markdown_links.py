"""Links, bare URLs and WordPress shortcodes: bounded scanners for the inline pass.

Each scanner starts at one character the inline scanner stopped at and reads forward at most
a bounded distance (:data:`MAX_TAG_LENGTH`), so a document full of unclosed ``[`` or
``](`` stays linear.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from blogtext.segment._markdown_syntax import MAX_TAG_LENGTH, normalize_label

_URL_TRAIL = frozenset("?!.,:;*_~'\"“”‘’»«")
_SHORTCODE_NAME = re.compile(r"[a-z][a-z0-9_-]{0,49}")
#: Shortcodes accepted without attributes; anything with ``name=`` attributes is one anyway.
_KNOWN_SHORTCODES_TEXT = (
    "bctt caption gallery embed audio video playlist tweetthis clicktotweet "
    "click_to_tweet contact-form-7 wp_caption more"
)
KNOWN_SHORTCODES = frozenset(_KNOWN_SHORTCODES_TEXT.split())
#: Shortcodes whose attribute holds the quote a reader can share ("Click To Tweet").
SHARE_SHORTCODES = {"bctt": "tweet", "clicktotweet": "tweet", "tweetthis": "tweet"}
_QUOTE_CLOSERS = {'"': '"', "'": "'", "“": "”", "„": "“", "″": "″", "”": "”"}


def trim_url(buf: str, start: int, end: int) -> int:
    """GFM: trailing punctuation and an unbalanced ``)`` are not part of a bare URL."""
    surplus = buf.count(")", start, end) - buf.count("(", start, end)
    while end > start:
        last = buf[end - 1]
        if last in _URL_TRAIL:
            end -= 1
        elif last == ")" and surplus > 0:
            end -= 1
            surplus -= 1
        else:
            break
    return end


def link_tail(
    buf: str, j: int, text: str | None, labels: Collection[str], budget: int
) -> tuple[int | None, int]:
    """End of the link after ``]`` at ``j - 1``: ``(dest "title")``, ``[label]`` or a
    shortcut reference to a defined label (``None`` if the brackets are literal text),
    and how many characters an inline destination scan read (at most ``budget``)."""
    if buf.startswith("(", j):
        return _inline_destination(buf, j + 1, min(MAX_TAG_LENGTH, budget))
    if buf.startswith("[", j):
        close = buf.find("]", j + 1, j + 1001)
        if close < 0 or "[" in buf[j + 1 : close]:
            return None, 0
        label = buf[j + 1 : close] or text
        found = label is not None and normalize_label(label) in labels
        return (close + 1 if found else None), 0
    if text is not None and normalize_label(text) in labels:
        return j, 0
    return None, 0


def _inline_destination(buf: str, start: int, reach: int) -> tuple[int | None, int]:
    """End of ``dest "title")`` starting after ``(``, reading at most ``reach`` characters;
    also returns how far it read."""
    limit = min(len(buf), start + reach)
    k = _skip_ws(buf, start, limit)
    if k < limit and buf[k] == "<":
        close = buf.find(">", k, limit)
        if close < 0 or "\n" in buf[k:close]:
            return None, limit - start
        k = close + 1
    else:
        depth = 0
        while k < limit and not buf[k].isspace():
            ch = buf[k]
            if ch == "\\":
                k += 1
            elif ch == "(":
                depth += 1
            elif ch == ")":
                if depth == 0:
                    break
                depth -= 1
            k += 1
    k = _skip_ws(buf, k, limit)
    if k < limit and buf[k] in "\"'(" and buf[k - 1].isspace():
        closer = ")" if buf[k] == "(" else buf[k]
        k += 1
        while k < limit and buf[k] != closer:
            k += 2 if buf[k] == "\\" else 1
        k = _skip_ws(buf, k + 1, limit)
    if k < limit and buf[k] == ")":
        return k + 1, k + 1 - start
    return None, min(k, limit) - start + 1


def _skip_ws(buf: str, k: int, limit: int) -> int:
    while k < limit and buf[k].isspace():
        k += 1
    return k


def scan_shortcode(buf: str, i: int) -> tuple[int, tuple[int, int] | None] | None:
    """A WordPress shortcode ``[name attr="…"]`` or ``[/name]`` at ``i``.

    Returns its end and, for Click-To-Tweet shortcodes, the range of the quote text.
    """
    closing = buf.startswith("[/", i)
    name = _SHORTCODE_NAME.match(buf, i + (2 if closing else 1))
    if name is None:
        return None
    k = name.end()
    known = name.group() in KNOWN_SHORTCODES
    if closing:
        return (k + 1, None) if buf.startswith("]", k) else None
    if buf.startswith("]", k) or buf.startswith("/]", k):
        end = k + (1 if buf[k] == "]" else 2)
        return (end, None) if known and buf[end : end + 1] not in ("(", "[", ":") else None
    if not buf.startswith((" ", "\t"), k):
        return None
    return _shortcode_attributes(buf, k, name.group(), known)


def _shortcode_attributes(
    buf: str, k: int, name: str, known: bool
) -> tuple[int, tuple[int, int] | None] | None:
    """Scan ``attr="value" …]`` after a shortcode's name (which ends at ``k``)."""
    start = k
    limit = min(len(buf), k + MAX_TAG_LENGTH)
    wanted = SHARE_SHORTCODES.get(name)
    value: tuple[int, int] | None = None
    has_attribute = False
    while k < limit:
        ch = buf[k]
        if ch == "]":
            return (k + 1, value) if known or has_attribute else None
        if ch == "[":
            return None
        if ch == "=":
            has_attribute = True
            v = _skip_ws(buf, k + 1, limit)
            closer = _QUOTE_CLOSERS.get(buf[v : v + 1])
            if closer is None:
                k = v
                continue
            close = buf.find(closer, v + 1, limit)
            if close < 0:
                return None
            attr = _word_before(buf, k, start)
            if wanted is not None and attr == wanted and value is None:
                value = (v + 1, close)
            k = close + 1
            continue
        k += 1
    return None


def _word_before(buf: str, k: int, start: int) -> str:
    """The attribute name that ends (maybe followed by spaces) just before ``k``."""
    end = k
    while end > start and buf[end - 1] in " \t":
        end -= 1
    begin = end
    while begin > start and (buf[begin - 1].isalnum() or buf[begin - 1] in "_-"):
        begin -= 1
    return buf[begin:end]
