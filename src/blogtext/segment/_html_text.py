"""Text helpers for the HTML segmenter: parsing, class tokens, block-aware text of an element.

Everything here walks trees iteratively (``iterwalk``/``iter``), never recursively, so a
hostile page cannot exhaust the Python stack; libxml2 itself caps the tree depth at 255.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

import lxml.etree as etree
import lxml.html

#: Elements whose content is never visible text.
SKIP_TAGS = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "math",
        "iframe",
        "object",
        "embed",
        "textarea",
        "select",
        "option",
        "button",
        "input",
        "head",
        "title",
        "meta",
        "link",
    }
)

#: Elements that start a new line of text (block-level in a browser rendering).
BLOCK_TAGS = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "dd",
        "details",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "th",
        "tr",
        "ul",
        "body",
        "html",
    }
)

#: Line breaks: HTML ``<br>`` and trafilatura's ``<lb>``.
_BREAK_TAGS = frozenset({"br", "lb"})

#: Class names that hide text from sighted readers (WordPress, Bootstrap, Tailwind).
_HIDDEN_CLASSES = frozenset({"screen-reader-text", "sr-only", "visually-hidden", "hidden"})

# Invisible characters (soft hyphen, zero-width space, BOM, LRM) vanish inside words.
_INVISIBLE = re.compile("[\u00ad\u200b\ufeff\u200e]")


def collapse(text: str) -> str:
    """Collapse runs of whitespace (incl. no-break space) to one space and strip."""
    # split()/join is the same as substituting ``\s+`` and stripping (str.split, str.strip
    # and the regex ``\s`` share one definition of whitespace; checked for every code
    # point), at a third of the time.
    return " ".join(_INVISIBLE.sub("", text).split())


# C0 controls other than tab/newline/CR: libxml2 keeps them in text nodes, but lxml refuses
# to write such text back (e.g. when ``drop_tree`` merges a tail), so they go first.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# A tag: ``[^<>]`` cannot run past the next bracket, so stripping is linear.
_TAG = re.compile(r"<[^<>]*>")


def strip_tags(markup: str) -> list[str]:
    """Text lines of markup without a parser: the last resort when the tree lost the text
    (libxml2 stops at nesting depth 256 and drops what lies deeper)."""
    text = html.unescape(_TAG.sub(" ", _CONTROL.sub("", markup)))
    lines = (collapse(line) for line in text.split("\n"))
    return [line for line in lines if line]


def parse_html(markup: str) -> lxml.html.HtmlElement:
    """Parse decoded markup into an lxml HTML tree.

    The string is re-encoded as UTF-8 and parsed with an explicit encoding, because lxml
    refuses ``str`` input that carries an XML encoding declaration and would otherwise
    guess the charset from a ``<meta>`` that no longer applies to the decoded text.

    Raises:
        lxml.etree.ParserError: The markup holds no element at all.
    """
    parser = etree.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)
    parser.set_element_class_lookup(_HTML_CLASSES)
    data = _CONTROL.sub("", markup).encode("utf-8", "replace")
    return lxml.html.document_fromstring(data, parser=parser)


#: Element classes of parsed pages: lxml.html's classes, looked up in C. The parser of
#: ``lxml.html`` picks the class in a Python callback for every element object created,
#: a tenth of the segmenter's time on real pages; the only difference is that ``<form>``,
#: ``<input>``, ``<select>``, ``<textarea>`` and ``<label>`` become plain ``HtmlElement``
#: objects, without the form-field properties (``value``, ``fields``, …) that neither the
#: segmenter nor trafilatura reads.
_HTML_CLASSES = etree.ElementDefaultClassLookup(
    element=lxml.html.HtmlElement,
    comment=lxml.html.HtmlComment,
    pi=lxml.html.HtmlProcessingInstruction,
    entity=lxml.html.HtmlEntity,
)


def class_tokens(el: etree._Element) -> list[str]:
    """Lower-cased class names of ``el``."""
    value = el.get("class")
    return value.lower().split() if value else []


def is_hidden(el: etree._Element) -> bool:
    """True when inline markup hides ``el`` (``hidden``, ``display:none``, sr-only classes)."""
    if el.get("hidden") is not None or el.get("aria-hidden") == "true":
        return True
    style = el.get("style")
    if style and "display" in style:
        compact = style.replace(" ", "").lower()
        if "display:none" in compact:
            return True
    return not _HIDDEN_CLASSES.isdisjoint(class_tokens(el))


def text_lines(
    el: etree._Element,
    skip: Iterable[etree._Element] = (),
    skip_tags: frozenset[str] = SKIP_TAGS,
) -> list[str]:
    """Visible text of ``el`` as lines: block elements and ``<br>`` break lines.

    Args:
        el: The element to render.
        skip: Elements (inside ``el``) whose subtree is left out, e.g. nested replies.
        skip_tags: Tags whose content is never text (trafilatura's XML passes its own set:
            there ``<head>`` is a heading).

    Returns:
        Non-empty lines with whitespace collapsed.
    """
    skip_set = set(skip)
    lines: list[str] = []
    parts: list[str] = []

    def flush() -> None:
        line = collapse("".join(parts))
        if line:
            lines.append(line)
        parts.clear()

    # Each read of ``tag``/``text``/``tail`` builds a new str from the C tree, so every
    # value is read once into a local.
    walker = etree.iterwalk(el, events=("start", "end"))
    for event, node in walker:
        tag = node.tag
        if not isinstance(tag, str):
            tag = ""
        if event == "start":
            if not tag or tag in skip_tags or node in skip_set or is_hidden(node):
                walker.skip_subtree()
                continue
            if tag in BLOCK_TAGS or tag in _BREAK_TAGS:
                flush()
            text = node.text
            if text:
                parts.append(text)
        else:
            if tag in BLOCK_TAGS:
                flush()
            if node is not el:
                tail = node.tail
                if tail:
                    parts.append(tail)
    flush()
    return lines


def inline_text(el: etree._Element) -> str:
    """Visible text of ``el`` on one line (blocks joined by spaces)."""
    return " ".join(text_lines(el))
