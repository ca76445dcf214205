"""Markup vocabulary of blog comment sections: class names, ids, itemprops, phrases.

Gathered from what blog software emits (WordPress core and themes, WordPress.com/Jetpack,
Blogger, wpDiscuz, Divi, judge.me, schema.org), not from single pages. Class names are
compared lower-cased, as whole tokens unless a comment says otherwise.
"""

from __future__ import annotations

import re

#: Class names of a comment item on non-``li`` elements (on ``li``, "comment"/"review" suffice).
ITEM_CLASSES = frozenset(
    {"wc-comment", "wpd-comment", "jdgm-rev", "comment-item", "single-comment", "commentitem"}
)
#: schema.org types whose items are reader comments (reviews count as comments).
ITEM_TYPES = ("schema.org/comment", "schema.org/usercomments", "schema.org/review")
ITEM_ID = re.compile(r"(?:li-|div-)?comment-?\d{1,12}")
PING_CLASSES = frozenset({"pingback", "trackback"})

#: Classes/itemprops of the element that holds the comment text, in priority order.
TEXT_CLASSES = frozenset(
    {
        "comment-content",
        "comment-text",
        "comment__content",
        "comment_content",
        "comment_text",
        "commenttext",
        "commentcontent",
        "comment-entry",
        "wc-comment-text",
        "wpd-comment-text",
        "jdgm-rev__content",
        "jdgm-rev__reply-content",
        "review-text",
        "description",
    }
)
TEXT_PROPS = frozenset({"text", "commenttext", "reviewbody", "description"})
#: Text classes that some themes also use for the whole item (author inside): used only
#: when the element holds no author.
WEAK_TEXT_CLASSES = frozenset({"comment-body", "commentbody", "comment_body"})

#: Author classes, strongest first. "Container" classes may hold avatar and "sagt:" too.
AUTHOR_CLASSES = (
    "fn",
    "comment-author-name",
    "comment__author-name",
    "comment-author-link",
    "wc-comment-author",
    "wpd-comment-author",
    "jdgm-rev__author",
    "commentauthor",
    "comment_author",
    "author-name",
    "user",
    "username",
    "comment-author",
    "author",
)
AUTHOR_CONTAINERS = frozenset({"comment-author", "comment_author", "commentauthor", "author"})
AUTHOR_INNER = ("strong", "b", "cite", "a")
AUTHOR_NOISE = re.compile(
    r"^(?:kommentar von|comment by|geschrieben von|posted by|von|by)\s+|"
    r"\s*(?:sagt|says|schreibt|schrieb|meint|kommentierte|wrote|said)\s*:?\s*$",
    re.IGNORECASE,
)
# "Daniel — 17.07, 2011 @ 13:10", "Oydenos am 10. Juni 2017": the meta line goes on after
# the name with a dash, "@", "am"/"on"/"um" and a date.
AUTHOR_TAIL = re.compile(r"\s(?:[—–|@]|-\s|am\s\d|on\s\d|um\s\d)")
MAX_AUTHOR = 80

#: Meta furniture inside an item that is never comment text.
META_CLASSES = frozenset(
    {
        "reply",
        "comment-reply",
        "comment-reply-link",
        "comment-likes",
        "comment-like-link",
        "edit-link",
        "comment-edit-link",
        "comment-meta",
        "commentmetadata",
        "comment-metadata",
        "comment-author",
        "comment__meta",
        "says",
        "avatar",
        "comment-number",
        "comment-actions",
        "comment-footer",
        "wc-comment-footer",
        "wc-comment-header",
        "wpd-comment-footer",
        "wpd-comment-header",
        "jdgm-rev__header",
        "jdgm-rev__actions",
        "comment-header",
        "reply-link",
    }
)
DATE_PROPS = frozenset({"datecreated", "datepublished", "commenttime", "uploaddate"})
META_TAGS = frozenset({"cite", "small", "header", "footer"})
DATE_HINTS = ("date", "time", "metadata", "comment-meta", "postinfo", "published")
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
AREA_HINTS = ("comment", "kommentar", "discuss", "respond", "review", "wpdiscuz", "wpd-")
FORM_IDS = frozenset({"respond", "commentform", "comment-form", "wpdiscuz-form"})
FORM_CLASSES = frozenset({"comment-respond", "comment-form", "wpd-form", "wpdiscuz-form"})
