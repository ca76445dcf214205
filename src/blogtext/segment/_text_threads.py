"""Reply nesting for comment lists printed without indentation (flat dumps).

A browser copy or ``w3m`` dump shows replies indented under their parent; a flat copy does
not. Three cues that blog software leaves in the text still show the threads:

* **date order** – WordPress lists top-level comments in date order (oldest or newest
  first) and puts each reply right under its parent, so a reply breaks that order: on an
  oldest-first page a comment dated after a *later* comment is a reply; on a newest-first
  page a comment dated after the top-level comment above it is one;
* **the blog's author answering** – a comment by the post's author (named in the byline
  above the comments, or the most frequent commenter) right after someone else's comment
  answers it;
* **addressing** – "Hallo Anna,", "Liebe Anna!", "@Anna" at the start of a comment, where
  Anna wrote an earlier comment in the same thread, names the parent.

A reply is never dated before its parent. Without any cue a comment stays top-level.
Everything here is linear in the number of comments (plus a bounded look-back).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

from blogtext.data import read_lines

#: Comment lists at least this long in strict date order are taken as unthreaded.
UNTHREADED_MIN = 8
#: How many comments back an addressed name or an answer may reach.
LOOK_BACK = 12
#: Words in the first line of a comment that may open an address ("Hallo Anna").
_ADDRESS_REACH = 8


@cache
def address_words() -> frozenset[str]:
    """Words that open an address to a person ("hallo", "liebe", "dear")."""
    return frozenset(w.strip() for w in read_lines("segment", "address_words.txt"))


@dataclass(frozen=True)
class FlatComment:
    """What the thread inference needs to know about one comment."""

    author: str | None
    date: str | None  # ISO 8601, with or without time
    first_line: str  # first line of the comment text


def infer_parents(comments: Sequence[FlatComment], page_head: Sequence[str]) -> list[int | None]:
    """Parent position of every comment (``None`` for top-level) from the cues above.

    Args:
        comments: The comments in page order.
        page_head: Short lines of the page above the comment section (byline, author box),
            used to recognise the post's author among the commenters.
    """
    n = len(comments)
    parents: list[int | None] = [None] * n
    if n < 2:
        return parents
    dates = [c.date for c in comments]
    if n >= UNTHREADED_MIN and all(dates) and not any(_later(a, b) for a, b in pairwise(dates)):
        # A long list in strict date order: the blog does not thread its comments (a
        # threaded one puts late replies above newer comments), so answers and "@Name"
        # are conversation, not nesting.
        return parents
    keys = [_name_key(c.author) for c in comments]
    replies = _date_replies(comments)
    owner = _owner(keys, page_head)
    root = 0  # latest top-level comment
    for i, comment in enumerate(comments):
        target = _addressed(comments, keys, i, root)
        answers = owner is not None and keys[i] == owner and i > 0 and keys[i - 1] != owner
        if not (replies[i] or answers or target is not None):
            root = i
            continue
        if target is None:
            target = i - 1
            # A reply is not older than its parent: step back to a comment before it.
            while target > root and _later(comments[target].date, comment.date):
                target -= 1
        if target < 0 or _later(comments[target].date, comment.date):
            root = i
            continue
        parents[i] = target
    return parents


def _name_key(author: str | None) -> str | None:
    """The casefolded first name-like word of an author ("Sabine Gimm" → "sabine")."""
    if not author:
        return None
    for word in author.replace("|", " ").split():
        word = word.strip(".,:;!?-–—@()[]\"'").casefold()
        if len(word) >= 2 and word.isalpha():
            return word
    return author.casefold()


def _later(a: str | None, b: str | None) -> bool:
    """``a`` is strictly later than ``b`` (compared at the precision both show)."""
    if not a or not b:
        return False
    size = min(len(a), len(b))
    return a[:size] > b[:size]


def _date_replies(comments: Sequence[FlatComment]) -> list[bool]:
    """Comments whose date breaks the page's top-level date order (see module docstring)."""
    n = len(comments)
    if sum(1 for c in comments if c.date) < 3:
        return [False] * n
    oldest_first = [False] * n
    earliest_after: str | None = None
    for i in range(n - 1, -1, -1):
        date = comments[i].date
        oldest_first[i] = _later(date, earliest_after)
        if date and (earliest_after is None or _later(earliest_after, date)):
            earliest_after = date
    newest_first = [False] * n
    top: str | None = None
    for i, comment in enumerate(comments):
        if _later(comment.date, top):
            newest_first[i] = True
        elif comment.date:
            top = comment.date
    # The page's order is the one that needs fewer replies to explain the dates.
    return oldest_first if sum(oldest_first) <= sum(newest_first) else newest_first


def _owner(keys: Sequence[str | None], page_head: Sequence[str]) -> str | None:
    """The post's author among the commenters, if the page shows who that is.

    The most frequent commenter counts when named in a short line above the comments (the
    byline, an author box) or when writing at least a third of the comments; anybody else
    may simply be a chatty reader.
    """
    counts = Counter(k for k in keys if k)
    if not counts:
        return None
    (top, count), *rest = counts.most_common(2)
    if count < 2 or (rest and rest[0][1] == count):
        return None
    if 3 * count >= len(keys):
        return top
    for line in page_head:
        low = line.casefold()
        at = low.find(top)
        if at >= 0 and (at == 0 or not low[at - 1].isalpha()):
            return top
    return None


def _addressed(
    comments: Sequence[FlatComment], keys: Sequence[str | None], i: int, root: int
) -> int | None:
    """The earlier comment whose author comment ``i`` greets by name ("Hallo Anna,")."""
    words = comments[i].first_line.replace(",", " ").replace("!", " ").split()[:_ADDRESS_REACH]
    greeting = address_words()
    named: set[str] = set()
    for pos, word in enumerate(words):
        low = word.casefold()
        if low.startswith("@") and len(low) > 2:
            named.add(low[1:].strip(".:;"))
        elif pos + 1 < len(words) and low in greeting:
            named.add(words[pos + 1].casefold().strip(".:;"))
    if not named:
        return None
    for j in range(i - 1, max(root - 1, i - 1 - LOOK_BACK), -1):
        if keys[j] in named and keys[j] != keys[i]:
            return None if _later(comments[j].date, comments[i].date) else j
    return None
