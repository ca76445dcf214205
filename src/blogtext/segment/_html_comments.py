"""Find reader comments in an HTML page: items, reply nesting, author, date, text.

Blog software marks comments up in a few families, all recognised by class names, ids and
microdata rather than by page or domain:

- WordPress core and themes: ``ol.commentlist``/``.comment-list`` > ``li.comment`` (id
  ``comment-N``), replies in ``ul.children``; author ``.comment-author .fn``; date in
  ``.comment-metadata time[datetime]``/``.commentmetadata``; text ``.comment-content``.
  Older themes put the meta into ``<cite>``/``<small>`` next to bare ``<p>`` text.
  Pingbacks and trackbacks (``li.pingback``) are boilerplate, not comments.
- WordPress.com/Jetpack (``li.highlander-comment``), Divi, Avada: the same ``li.comment``.
- Blogger: ``.comment-thread`` > ``li.comment`` > ``.comment-block`` (``cite.user``,
  ``p.comment-content``), replies in ``.comment-replies``.
- wpDiscuz: ``div.wc-comment``/``div.wpd-comment`` nested for replies.
- judge.me product reviews (``div.jdgm-rev``) and schema.org ``Comment``/``Review`` microdata.
- A structural fallback: an element whose class says *comment text* next to one that says
  *comment author* (``p.commentText`` + ``p.commentAuthor``).

A reply's parent is the nearest enclosing comment item; an item that merely wraps another
(``li.comment`` > ``article#comment-N``) is merged with it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import lxml.etree as etree

from blogtext.segment._html_dates import parse_date, parse_iso_attribute, shows_time
from blogtext.segment._html_text import collapse, inline_text, is_hidden, text_lines
from blogtext.segment._html_vocab import (
    AREA_HINTS,
    AUTHOR_CLASSES,
    AUTHOR_CONTAINERS,
    AUTHOR_INNER,
    AUTHOR_NOISE,
    AUTHOR_TAIL,
    DATE_HINTS,
    DATE_PROPS,
    FORM_CLASSES,
    FORM_IDS,
    HEADING_TAGS,
    ITEM_CLASSES,
    ITEM_ID,
    ITEM_TYPES,
    MAX_AUTHOR,
    META_CLASSES,
    META_TAGS,
    PING_CLASSES,
    TEXT_CLASSES,
    TEXT_PROPS,
    WEAK_TEXT_CLASSES,
)


@dataclass
class FoundComment:
    """A comment as found in the page, before it is placed in the text view."""

    parent: int | None
    author: str | None
    date: str | None
    meta: str
    lines: list[str]


@dataclass
class CommentSection:
    """Everything the comment finder learned about a page."""

    comments: list[FoundComment] = field(default_factory=list)
    heading: str | None = None
    pingbacks: list[str] = field(default_factory=list)
    form_heading: str | None = None
    #: Subtrees to drop before the body is extracted (comment area, items, forms).
    removable: list[etree._Element] = field(default_factory=list)


def _tokens(el: etree._Element) -> set[str]:
    value = el.get("class")
    return set(value.lower().split()) if value else set()


def _is_item(el: etree._Element, tokens: set[str]) -> bool:
    if tokens & PING_CLASSES:
        return False
    if tokens & ITEM_CLASSES:
        return True
    itemtype = el.get("itemtype")
    if itemtype and any(t in itemtype.lower() for t in ITEM_TYPES):
        return True
    tag = el.tag
    if tag == "li" and ("comment" in tokens or "review" in tokens):
        return True
    ident = el.get("id")
    return bool(ident and tag in ("li", "div", "article") and ITEM_ID.fullmatch(ident.lower()))


def _in_ping_list(el: etree._Element) -> bool:
    """True inside a separate pingback/trackback list (``ol.pinglist``, ``#trackbacks``)."""
    for depth, anc in enumerate(el.iterancestors()):
        label = ((anc.get("id") or "") + " " + (anc.get("class") or "")).lower()
        if "pingback" in label or "trackback" in label or "pinglist" in label:
            return True
        if depth >= 3:
            return False
    return False


# Pre-filter in C (libxml2 XPath) so Python looks only at elements that can matter; the
# exact tests are done in Python on these. 'omment' covers comment/Comment/commentlist.
# Written as a union over the attributes (an element has one class and one id, so its
# attribute matches exactly when the element-level test would) rather than as one test on
# every element: libxml2 then only looks at elements that carry the attribute, at half
# the time. A union is returned in document order, without duplicates.
_CANDIDATES = etree.XPath(
    "//@class[contains(.,'omment') or contains(.,'eview') or contains(.,'jdgm-rev')"
    " or contains(.,'ingback') or contains(.,'rackback') or contains(.,'espond')"
    " or contains(.,'wpd')]/.."
    " | //@id[contains(.,'omment') or contains(.,'espond') or contains(.,'wpd')]/.."
    " | //*[@itemtype]"
)


def _scan(
    candidates: list[etree._Element],
) -> tuple[list[etree._Element], list[etree._Element]]:
    """Comment item candidates and pingback items, in document order."""
    items: list[etree._Element] = []
    pings: list[etree._Element] = []
    for el in candidates:
        tokens = _tokens(el)
        if el.tag == "li" and tokens & PING_CLASSES:
            pings.append(el)
        elif _is_item(el, tokens) and el.tag != "form":
            if el.tag == "li" and _in_ping_list(el):
                pings.append(el)
            else:
                items.append(el)
    return items, pings


def _leading_text_empty(outer: etree._Element, inner: etree._Element) -> bool:
    """True when ``outer`` shows no text before ``inner`` (``inner`` is then a wrapper)."""
    seen = 0
    for node in outer.iter():
        if node is inner:
            return True
        if node is not outer and isinstance(node.tag, str) and node.tag in ("script", "style"):
            continue
        text = (node.text or "") if node is not outer else (outer.text or "")
        seen += len(collapse(text))
        if seen > 6:  # a comment number ("12") may precede the real box
            return False
    return True


def _merge_wrappers(items: list[etree._Element]) -> list[etree._Element]:
    """Drop candidates that only wrap (or are wrapped by) the same comment."""
    kept: list[etree._Element] = []
    item_set = set(items)
    dropped: set[etree._Element] = set()
    for el in items:
        outer = next((a for a in el.iterancestors() if a in item_set and a not in dropped), None)
        if outer is not None and _leading_text_empty(outer, el):
            dropped.add(el)
            continue
        kept.append(el)
    return kept


def _own_elements(
    item: etree._Element, nested: set[etree._Element]
) -> list[tuple[etree._Element, set[str]]]:
    """Elements of ``item`` outside nested comment items, with their class tokens."""
    out: list[tuple[etree._Element, set[str]]] = []
    walker = etree.iterwalk(item, events=("start",))
    for _event, node in walker:
        tag = node.tag  # read once: each read builds a new str
        if node is not item and (node in nested or not isinstance(tag, str)):
            walker.skip_subtree()
            continue
        if tag in ("script", "style", "noscript", "template", "svg") or is_hidden(node):
            walker.skip_subtree()
            continue
        out.append((node, _tokens(node)))
    return out


def _outermost(chosen: list[etree._Element]) -> list[etree._Element]:
    """The elements of ``chosen`` that are not inside another one of them."""
    result: list[etree._Element] = []
    for el in chosen:
        if not any(anc in result for anc in el.iterancestors()):
            result.append(el)
    return result


def _text_containers(
    own: list[tuple[etree._Element, set[str]]], author_el: etree._Element | None
) -> list[etree._Element]:
    strong = [
        el
        for el, tokens in own
        if tokens & TEXT_CLASSES or (el.get("itemprop") or "").lower() in TEXT_PROPS
    ]
    if not strong:
        strong = [
            el
            for el, tokens in own
            if tokens & WEAK_TEXT_CLASSES
            and (author_el is None or author_el not in set(el.iterdescendants()))
        ]
    return _outermost(strong)


def _clean_author(text: str, meta_line: bool = False) -> str | None:
    """The displayed name without "sagt:"/"Comment by"; ``meta_line`` also cuts a date tail."""
    text = collapse(text)
    if meta_line and (cut := AUTHOR_TAIL.search(text)):
        text = text[: cut.start()]
    for _ in range(2):  # prefix and suffix
        text = AUTHOR_NOISE.sub("", text).strip()
    text = text.rstrip(" :,·|–—").lstrip(" ·|,")
    if not text or len(text) > MAX_AUTHOR:
        return None
    return text


def _find_author(
    own: list[tuple[etree._Element, set[str]]],
) -> tuple[str | None, etree._Element | None]:
    for el, _t in own:
        if (el.get("itemprop") or "").lower() == "author":
            names = [d for d in el.iter() if (d.get("itemprop") or "").lower() == "name"]
            source = names[0] if names else el
            value = source.get("content") or inline_text(source)
            return _clean_author(value), el
    for cls in AUTHOR_CLASSES:
        for el, tokens in own:
            if cls not in tokens:
                continue
            if cls in AUTHOR_CONTAINERS:
                inner = next(
                    (d for d in el.iterdescendants(*AUTHOR_INNER) if collapse(d.text_content())),
                    None,
                )
                if inner is not None:
                    return _clean_author(inline_text(inner)), el
            author = _clean_author(inline_text(el), meta_line=cls in AUTHOR_CONTAINERS)
            if author:
                return author, el
    for el, _t in own:
        if el.tag == "cite":
            # WordPress marks the author's link "url"; other links are permalinks/times.
            links = [a for a in el.iterdescendants("a") if "url" in _tokens(a)]
            if links:
                return _clean_author(inline_text(links[0])), el
            return _clean_author(inline_text(el), meta_line=True), el
    return None, None


def _date_of(el: etree._Element) -> tuple[str | None, str]:
    display = inline_text(el)
    date = parse_date(display)
    if date is None:
        attr = el.get("datetime") or el.get("content") or el.get("title")
        with_time = shows_time(display) if display else True
        date = parse_iso_attribute(attr, with_time) or parse_date(el.get("title"))
    return date, display


def _under_skipped(
    el: etree._Element, skip: set[etree._Element], item: etree._Element | None
) -> bool:
    """True when an ancestor of ``el`` is in ``skip``.

    Every element of ``skip`` lies in ``item``'s subtree (``item`` itself, its own
    elements, its nested replies), so the walk stops at ``item``: the ancestors above it,
    up to ``<html>``, cannot be in ``skip``. ``el`` must be ``item`` or inside it.
    """
    if el is item:
        return False
    for anc in el.iterancestors():
        if anc in skip:
            return True
        if anc is item:
            return False
    return False


def _find_date(
    own: list[tuple[etree._Element, set[str]]],
    excluded: list[etree._Element],
    nested: set[etree._Element],
    author_el: etree._Element | None,
) -> tuple[str | None, str]:
    """Date of a comment: ``<time>``/microdata, then date-ish classes, then meta text."""
    skip = set(excluded) | nested
    item = own[0][0] if own else None
    meta = [(el, t) for el, t in own if el not in skip and not _under_skipped(el, skip, item)]
    for el, _t in meta:
        if el.tag == "time" or (el.get("itemprop") or "").lower() in DATE_PROPS:
            date, display = _date_of(el)
            if date:
                return date, display
    for el, tokens in meta:
        if any(hint in token for token in tokens for hint in DATE_HINTS):
            date, display = _date_of(el)
            if date:
                return date, display
    # The author's line often carries the date ("Ben 19. Juni 2018 um 15:28 Uhr").
    lines: list[etree._Element] = [] if author_el is None else [author_el]
    lines += [el for el, t in meta if el.tag in META_TAGS or t & META_CLASSES]
    for el in lines:
        display = " ".join(text_lines(el, skip=skip))
        date = parse_date(display)
        if date:
            return date, display
    # Last resort: the item's own text outside paragraphs ("März 7, 2018" as a bare text node).
    paragraphs = {el for el, _t in meta if el.tag in ("p", "blockquote", "ul", "ol")}
    display = " ".join(text_lines(own[0][0], skip=skip | paragraphs)) if own else ""
    date = parse_date(display)
    return (date, "") if date else (None, "")


def _comment_lines(
    item: etree._Element,
    own: list[tuple[etree._Element, set[str]]],
    containers: list[etree._Element],
    nested: set[etree._Element],
    meta_els: set[etree._Element],
) -> list[str]:
    skip = nested | meta_els
    if containers:
        lines: list[str] = []
        for box in containers:
            lines.extend(text_lines(box, skip=skip))
        return lines
    # No text container: old themes put bare <p>s next to <cite>/<small> meta; some even
    # inside the author box, so a meta element that holds paragraphs is kept.
    skip = nested | {el for el in meta_els if next(el.iterdescendants("p"), None) is None}
    for el, tokens in own:
        if el.tag in ("cite", "small", "time") or (
            (el.tag in META_TAGS or tokens & META_CLASSES)
            and next(el.iterdescendants("p"), None) is None
        ):
            skip.add(el)
    paragraphs = [
        el
        for el, _t in own
        if el.tag in ("p", "blockquote", "ul", "ol", "pre")
        and not _under_skipped(el, skip, item)
        and el not in skip
    ]
    paragraphs = _outermost(paragraphs)
    if paragraphs:
        lines = []
        for para in paragraphs:
            lines.extend(text_lines(para, skip=skip))
        return lines
    return text_lines(item, skip=skip)


def _extract_item(item: etree._Element, nested: set[etree._Element]) -> FoundComment:
    own = _own_elements(item, nested)
    author, author_el = _find_author(own)
    containers = _text_containers(own, author_el)
    date, date_text = _find_date(own, containers, nested, author_el)
    meta_els = {el for el, tokens in own if tokens & META_CLASSES and el not in containers}
    if author_el is not None:
        meta_els.add(author_el)
    lines = _comment_lines(item, own, containers, nested, meta_els)
    if author and author in date_text:
        meta = date_text
    else:
        meta = " · ".join(part for part in (author or "", date_text) if part)
    return FoundComment(parent=None, author=author, date=date, meta=meta, lines=lines)


def _structural_items(candidates: list[etree._Element]) -> list[etree._Element]:
    """Items of pages without known markup: a *comment text* next to a *comment author*."""
    texts: list[etree._Element] = []
    for el in candidates:
        tokens = {t.replace("_", "-") for t in _tokens(el)}
        if tokens & {"commenttext", "comment-text", "comment-content", "commentcontent"}:
            texts.append(el)
    items: list[etree._Element] = []
    for text_el in texts:
        for anc in text_el.iterancestors():
            if anc.tag in ("body", "html"):
                break
            has_author = any(any("author" in t for t in _tokens(d)) for d in anc.iterdescendants())
            if has_author:
                if anc not in items:
                    items.append(anc)
                break
    # An ancestor that holds several comment texts is a list, not an item.
    return [it for it in items if sum(1 for t in texts if it in set(t.iterancestors())) == 1]


def _area(top_items: list[etree._Element]) -> etree._Element | None:
    """The comment area around the items (``#comments``, ``.comments-area``), if safe to drop."""
    if not top_items:
        return None
    common = list(top_items[0].iterancestors())
    for item in top_items[1:]:
        ancestors = set(item.iterancestors())
        common = [a for a in common if a in ancestors]
    if not common:
        return None
    area = common[0]
    items_len = sum(len(it.text_content()) for it in top_items)
    if area.tag in ("body", "html", "main", "article"):
        return None
    for anc in area.iterancestors():
        if anc.tag in ("body", "html", "main", "article"):
            break
        label = ((anc.get("id") or "") + " " + (anc.get("class") or "")).lower()
        if not any(hint in label for hint in AREA_HINTS):
            break
        area = anc
    extra = len(area.text_content()) - items_len
    return area if extra <= max(3000, items_len // 2) else None


def _heading(area: etree._Element | None, first_item: etree._Element) -> str | None:
    if area is None:
        return None
    for el in area.iter(*HEADING_TAGS):
        if first_item in set(el.iterancestors()):
            continue
        text = collapse(el.text_content())
        if text and len(text) <= 200:
            return text
        break
    return None


def _forms(candidates: list[etree._Element]) -> tuple[list[etree._Element], str | None]:
    forms: list[etree._Element] = []
    for el in candidates:
        is_form = (el.get("id") or "").lower() in FORM_IDS or _tokens(el) & FORM_CLASSES
        if is_form and not any(f in set(el.iterancestors()) for f in forms):
            forms.append(el)
    heading = None
    for form in forms:
        for el in form.iter(*HEADING_TAGS):
            heading = collapse(inline_text(el)) or None
            break
        if heading:
            break
    return forms, heading


def find_comments(root: etree._Element) -> CommentSection:
    """Find the comment section of a parsed page.

    Args:
        root: The page tree; it is not modified.

    Returns:
        The comments in document order with parents, plus what to drop before body
        extraction. No comments found → an empty section (forms are still listed).
    """
    candidates = _CANDIDATES(root)
    items, pings = _scan(candidates)
    items = _merge_wrappers(items)
    if not items:
        items = _structural_items(candidates)
    section = CommentSection()
    forms, section.form_heading = _forms(candidates)
    item_set = set(items)
    # The items enclosing each item, nearest first: one walk up per item, shared by the
    # reply sets, the parent look-up and the top-level test below.
    enclosing = {it: [a for a in it.iterancestors() if a in item_set] for it in items}
    # Items inside each item (its replies, at any depth), from the ancestor chains.
    nested_of: dict[etree._Element, set[etree._Element]] = {it: set() for it in items}
    for item in items:
        for anc in enclosing[item]:
            nested_of[anc].add(item)
    index_of: dict[etree._Element, int] = {}
    for item in items:
        found = _extract_item(item, nested_of[item])
        if not found.lines:
            continue
        # index_of holds only items, so the nearest indexed ancestor is in the chain.
        parent = next((index_of[a] for a in enclosing[item] if a in index_of), None)
        found.parent = parent
        index_of[item] = len(section.comments)
        section.comments.append(found)
    section.pingbacks = [inline_text(p) for p in pings if inline_text(p)]
    top = [it for it in items if not enclosing[it]]
    area = _area(top + pings) if top else None
    if area is not None:
        section.heading = _heading(area, top[0])
        section.removable.append(area)
    section.removable.extend(top + pings + forms)
    return section
