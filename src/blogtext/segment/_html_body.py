"""Article body of an HTML page via trafilatura, the page title, and click-to-tweet quotes."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, urlsplit

import lxml.etree as etree

from blogtext.segment._html_text import collapse, inline_text, text_lines

if TYPE_CHECKING:
    from trafilatura.settings import Extractor

log = logging.getLogger(__name__)

#: trafilatura options, chosen by measurement on the shared extraction corpus (see
#: scripts/eval_segmentation_html.py): ``fast`` (no readability/jusText fallback) keeps the
#: same body-snippet recall and leakage as the full run at less than half the time;
#: ``favor_recall`` let navigation boxes leak, ``favor_precision`` lost body paragraphs.
TRAFILATURA_OPTIONS = {
    "fast": True,
    "favor_precision": False,
    "favor_recall": False,
    "include_tables": True,
    "include_images": False,
    "include_links": False,
    "include_formatting": False,
    "with_metadata": False,
    "deduplicate": False,
}


@cache
def _extractor(with_comments: bool) -> Extractor:
    """trafilatura's option object for :data:`TRAFILATURA_OPTIONS`, built once per flag.

    ``bare_extraction`` would build the same object from its keyword arguments on every
    call (reading eight values through configparser each time); it accepts a shared one
    and never changes it (its recall retry works on a copy).
    """
    from trafilatura.settings import Extractor  # heavy import, only when HTML is segmented

    options = TRAFILATURA_OPTIONS
    return Extractor(
        output_format="python",  # bare_extraction's default
        fast=options["fast"],
        precision=options["favor_precision"],
        recall=options["favor_recall"],
        comments=with_comments,
        tables=options["include_tables"],
        images=options["include_images"],
        links=options["include_links"],
        formatting=options["include_formatting"],
        with_metadata=options["with_metadata"],
        dedup=options["deduplicate"],
    )


#: Pages with more elements than this skip trafilatura, whose extraction grows
#: quadratically with the number of paragraphs (measured: 10k paragraphs 0.8 s, 20k 1.9 s);
#: the body then comes from the text of the main container. The largest page of the
#: shared corpus has about 2,000 elements.
MAX_ELEMENTS = 15_000
_MAIN_CONTAINERS = etree.XPath(
    "//article | //main | //*[contains(@class,'entry-content') or contains(@class,'post-content')"
    " or contains(@class,'post-body') or contains(@class,'article-body')]"
)

#: Classes of the post's own heading (WordPress, Blogger, Kubrick-era themes, schema.org).
_TITLE_CLASSES = ("entry-title", "post-title", "storytitle", "article-title", "single-title")
#: Classes of the site's name in the page header.
_SITE_CLASSES = ("site-title", "site-name", "logo", "brand", "menu", "screen-reader-text")
_CONTENT_CLASSES = frozenset({"post", "hentry", "type-post", "entry", "article", "post-outer"})
# " | Blogname", " – Blogname", " - Blogname", " » Blogname", " :: Blogname"
_TITLE_SEPARATOR = re.compile(r"\s(?:\||–|—|-|»|::|·)\s")


@dataclass
class BodyResult:
    """The body blocks as (kind, lines) and, when asked for, trafilatura's comment lines."""

    blocks: list[tuple[str, list[str]]] = field(default_factory=list)
    comment_lines: list[str] = field(default_factory=list)
    extractor: str = "trafilatura"  # or "page-text" when trafilatura gave nothing


@dataclass
class FoundQuote:
    """A click-to-tweet quote found in the markup."""

    text: str
    source: str
    label: str | None = None


def _norm(text: str) -> str:
    return collapse(text).casefold()


def _meta_content(root: etree._Element, names: tuple[str, ...]) -> str | None:
    for meta in root.iter("meta"):
        prop = (meta.get("property") or meta.get("name") or "").lower()
        if prop in names and (value := collapse(meta.get("content") or "")):
            return value
    return None


def _heading_score(el: etree._Element, text: str, refs: dict[str, int]) -> int:
    """How likely a heading is the post title (see :func:`find_title`)."""
    tokens = (el.get("class") or "").lower().split()
    score = 1 if el.tag == "h1" else 0
    if any(t in _TITLE_CLASSES for t in tokens) or el.get("itemprop") == "headline":
        score += 4
    if any(site in t for t in tokens for site in _SITE_CLASSES):
        score -= 3
    score += refs.get(_norm(text), 0)
    for depth, anc in enumerate(el.iterancestors()):
        anc_tokens = set((anc.get("class") or "").lower().split())
        if anc.tag in ("article", "main") or anc_tokens & _CONTENT_CLASSES:
            score += 1
            break
        if anc.tag == "nav" or depth >= 8:
            break
    return score


def _title_refs(
    og: str | None, site: str | None, given: str | None, doc: str | None
) -> dict[str, int]:
    """Score bonus per normalised text: the post title as meta tags state it, minus site names."""
    refs: dict[str, int] = {}
    if doc:
        parts = [p for p in _TITLE_SEPARATOR.split(doc) if p.strip()]
        longest = max(parts, key=len)
        for part in parts:
            refs[_norm(part)] = 3 if part is longest else -3
    for ref in (given, og):
        if ref:
            refs[_norm(ref)] = 3
    if site:
        refs[_norm(site)] = -5
    return refs


def find_title(root: etree._Element, given: str | None = None) -> str | None:
    """The post title: the best-scored ``<h1>``–``<h3>`` heading, else og:title or ``<title>``.

    A heading scores for being an ``<h1>``, for a post-title class (``.entry-title``,
    ``.storytitle``, ``itemprop=headline``), for sitting in the article, and for matching
    og:title, the given title or the longest part of ``<title>``; it loses for a site-name
    class or for matching og:site_name or the site part of ``<title>`` (site headers often
    carry an ``<h1>`` with the blog name).
    """
    given = collapse(given) if given else None
    og = _meta_content(root, ("og:title", "twitter:title"))
    site = _meta_content(root, ("og:site_name",))
    doc_title = next((collapse(t.text_content()) for t in root.iter("title")), "") or None
    refs = _title_refs(og, site, given, doc_title)
    best: tuple[int, str] | None = None
    for count, el in enumerate(root.iter("h1", "h2", "h3")):
        if count >= 60:
            break
        text = collapse(inline_text(el))
        if not 2 <= len(text) <= 300:
            continue
        score = _heading_score(el, text, refs)
        if best is None or score > best[0]:
            best = (score, text)
    if best is not None and best[0] >= 3:
        return best[1]
    if og or given:
        return og or given
    if doc_title:
        return max(_TITLE_SEPARATOR.split(doc_title), key=len)
    return best[1] if best else None


# --- click-to-tweet -----------------------------------------------------------------------

# libxml2 XPath pre-filters; the exact tests run in Python on the few hits.
#: Every element with a class attribute, in document order (fewer proxies than ``iter()``).
_CLASSED = etree.XPath("//*[@class]")
#: Every class attribute value, as plain strings.
_CLASS_VALUES = etree.XPath("//@class", smart_strings=False)
_INTENT_CANDIDATES = etree.XPath(
    "//a[contains(@href,'intent/tweet') or contains(@href,'intent/post')"
    " or contains(@href,'/share?')]"
)
_CTT_SOURCES = (("bctt", "bctt"), ("tm-", "tm-click-to-tweet"), ("sw-", "sw-click-to-tweet"))
_SHARE_HINTS = ("share", "sharing", "social", "shariff", "addtoany", "a2a", "ssba", "essb")
_INTENT_HOSTS = ("twitter.com", "x.com")
_INTENT_PATHS = ("/intent/tweet", "/intent/post", "/share")
_URL = re.compile(r"\s?https?://\S{1,500}")
_VIA = re.compile(r"\s(?:via|von)\s@\w{1,30}\s?$", re.IGNORECASE)


def _has_ctt_class(lowered_class: str) -> bool:
    return "click-to-tweet" in lowered_class or "clicktotweet" in lowered_class


def _ctt_source(tokens: list[str]) -> str:
    for prefix, source in _CTT_SOURCES:
        if any(t.startswith(prefix) for t in tokens):
            return "bctt" if source == "bctt" else source
    return "click-to-tweet"


def _in_share_bar(el: etree._Element) -> bool:
    for depth, anc in enumerate(el.iterancestors()):
        label = ((anc.get("id") or "") + " " + (anc.get("class") or "")).lower()
        if any(hint in label for hint in _SHARE_HINTS):
            return True
        if depth >= 6:
            break
    return False


def _intent_text(href: str) -> str | None:
    try:
        parts = urlsplit(href)
    except ValueError:
        return None
    host = (parts.hostname or "").removeprefix("www.").removeprefix("mobile.")
    if host not in _INTENT_HOSTS or not parts.path.startswith(_INTENT_PATHS):
        return None
    values = parse_qs(parts.query).get("text")
    if not values:
        return None
    text = _VIA.sub("", _URL.sub("", values[0][:2000]))
    return collapse(text) or None


def _ctt_box(el: etree._Element) -> FoundQuote | None:
    tokens = (el.get("class") or "").lower().split()
    text_el = button = None
    for d in el.iterdescendants():
        d_tokens = (d.get("class") or "").lower().split() if isinstance(d.tag, str) else []
        if text_el is None and any(t.endswith(("ctt-text", "tweet-text")) for t in d_tokens):
            text_el = d
        elif button is None and any(t.endswith(("ctt-btn", "-btn", "button")) for t in d_tokens):
            button = d
    label = collapse(inline_text(button)) if button is not None else None
    if button is not None:
        button.drop_tree()  # the button label is page furniture, not article text
    text = collapse(inline_text(text_el if text_el is not None else el))
    return FoundQuote(text=text, source=_ctt_source(tokens), label=label or None) if text else None


def find_share_quotes(root: etree._Element, title: str | None) -> list[FoundQuote]:
    """Click-to-tweet quotes; their button labels are removed from ``root``.

    Better Click To Tweet (``.bctt-click-to-tweet`` > ``.bctt-ctt-text`` + ``.bctt-ctt-btn``),
    similar plugins (``.tm-click-to-tweet``, ``.sw-click-to-tweet``), and in-text links to
    ``twitter.com/intent/tweet?text=…``/``x.com/intent/post?text=…`` outside share bars.
    """
    quotes: list[FoundQuote] = []
    # Only elements with a class attribute can be boxes; testing the lower-cased attribute
    # as a whole equals testing its tokens, as neither needle contains whitespace. Most
    # pages have no box: the class values alone (plain strings, no element objects) tell;
    # the newline between them cannot be part of a match.
    boxes: list[etree._Element] = []
    if _has_ctt_class("\n".join(_CLASS_VALUES(root)).lower()):
        boxes = [el for el in _CLASSED(root) if _has_ctt_class(el.get("class").lower())]
    box_set = set(boxes)
    for box in boxes:
        if any(a in box_set for a in box.iterancestors()):
            continue
        if (quote := _ctt_box(box)) is not None:
            quotes.append(quote)
            for wrapper in box.iterancestors("a"):
                # Social Warfare wraps the box in its share link; a link-only block would be
                # dropped from the body with the quote in it, so keep it as a paragraph.
                wrapper.tag = "p"
                wrapper.attrib.pop("href", None)
                break
    title_key = _norm(title or "")
    for link in _INTENT_CANDIDATES(root):
        text = _intent_text(link.get("href") or "")
        if not text or link in box_set or any(a in box_set for a in link.iterancestors()):
            continue
        if any(d in box_set for d in link.iterdescendants()):
            continue  # Social Warfare wraps its whole box in the share link
        # A share button tweets the post title (maybe with a prefix): furniture, not a quote.
        key = _norm(text)
        if _in_share_bar(link) or (
            title_key and title_key in key and len(title_key) * 5 >= len(key) * 3
        ):
            continue
        anchor = collapse(inline_text(link))
        if anchor and (_norm(anchor) in _norm(text) or _norm(text) in _norm(anchor)):
            quotes.append(FoundQuote(text=anchor, source="intent-link"))
        else:
            quotes.append(FoundQuote(text=text, source="intent-link", label=anchor or None))
            if len(anchor) <= 40:
                link.drop_tree()
    return quotes


# --- body -----------------------------------------------------------------------------------


#: trafilatura's XML has no invisible elements; ``<head>`` there is a heading.
_TF_SKIP_TAGS = frozenset({"graphic"})
#: trafilatura XML elements that hold blocks.
_TF_BLOCKS = frozenset({"p", "head", "code", "item", "list", "quote", "table", "row", "div"})


def _row_text(row: etree._Element) -> str:
    cells = [
        collapse(" ".join(text_lines(cell, skip_tags=_TF_SKIP_TAGS))) for cell in row.iter("cell")
    ]
    return " | ".join(c for c in cells if c)


def _tf_blocks(body: etree._Element) -> list[tuple[str, list[str]]]:
    """Blocks from trafilatura's XML body, walked with an explicit stack (no recursion)."""
    blocks: list[tuple[str, list[str]]] = []
    stack: list[tuple[object, str | None]] = [(iter(body), None)]
    while stack:
        children, override = stack[-1]
        el = next(children, None)  # type: ignore[call-overload]
        if el is None:
            stack.pop()
            continue
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in ("p", "head", "code", "item"):
            nested = [d for d in el.iterdescendants("list")] if tag == "item" else []
            lines = text_lines(el, skip=nested, skip_tags=_TF_SKIP_TAGS)
            kind = {"head": "heading", "item": "list-item"}.get(tag, "paragraph")
            if lines:
                blocks.append((override or kind, lines))
            outer = [sub for sub in nested if not any(a in nested for a in sub.iterancestors())]
            if outer:  # nested lists follow their item, in document order
                stack.append((iter(outer), override))
        elif tag == "row":
            if line := _row_text(el):
                blocks.append((override or "paragraph", [line]))
        elif tag and tag not in ("lb", "graphic"):
            kind = "quote" if tag == "quote" else override
            if any(child.tag in _TF_BLOCKS for child in el):
                stack.append((iter(el), kind))
            elif lines := text_lines(el, skip_tags=_TF_SKIP_TAGS):
                # Text straight in a container (``<quote>text<lb/>more</quote>``) or a
                # stray inline element between blocks.
                blocks.append((kind or "paragraph", lines))
    return blocks


def page_text_blocks(root: etree._Element) -> list[tuple[str, list[str]]]:
    """Degraded body: every visible line of the main container (or the page) as a paragraph.

    The main container is the ``<article>``/``<main>``/``.entry-content`` with the most
    text, when it holds at least half of the page's text.
    """
    body = next(root.iter("body"), root)
    best, best_len = body, 0
    total = len(body.text_content())
    for el in _MAIN_CONTAINERS(root)[:50]:
        size = len(el.text_content())
        if size > best_len:
            best, best_len = el, size
    container = best if best_len * 2 >= total else body
    return [("paragraph", [line]) for line in text_lines(container)]


def _resplit(
    blocks: list[tuple[str, list[str]]], root: etree._Element
) -> list[tuple[str, list[str]]]:
    """Split a lone run-together block back into the page's own lines.

    On short pages trafilatura falls back to its baseline extractor, which returns the
    whole article (heading included) as one paragraph. When the page's own lines cover
    that block, they replace it.
    """
    if len(blocks) != 1 or len(" ".join(blocks[0][1])) < 200:
        return blocks
    joined = " ".join(blocks[0][1])
    lines = [line for _kind, (line,) in page_text_blocks(root) if line in joined]
    if sum(len(line) + 1 for line in lines) < 0.9 * len(joined):
        return blocks
    return [("paragraph", [line]) for line in lines]


def extract_body(root: etree._Element, with_comments: bool) -> BodyResult:
    """Run trafilatura on ``root`` (which it may modify) and convert its output to blocks.

    Args:
        root: The page with comment sections already removed.
        with_comments: Ask trafilatura for its comment text too (when our own comment
            finder saw no structure).

    Returns:
        The blocks; none when trafilatura fails or finds nothing (the caller then falls
        back to :func:`page_text_blocks` on a fresh tree: trafilatura prunes ``root``).
    """
    from trafilatura import bare_extraction  # heavy import, only when HTML is segmented

    result = BodyResult()
    size = int(root.xpath("count(//*)"))
    doc = None
    if size <= MAX_ELEMENTS:
        try:
            doc = bare_extraction(root, options=_extractor(with_comments))
        except Exception as exc:
            log.debug("trafilatura failed: %r", exc)
    if doc is not None and doc.body is not None:
        result.blocks = _resplit(_tf_blocks(doc.body), root)
        if with_comments and doc.commentsbody is not None:
            result.comment_lines = text_lines(doc.commentsbody, skip_tags=_TF_SKIP_TAGS)
    return result
