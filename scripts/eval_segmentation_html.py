"""Score the HTML segmenter on the shared extraction corpus.

Reads ``<shared>/extraction-corpus/MANIFEST.tsv`` (snippets per page) and the comment gold in
``<shared>/plaintext-corpus/<page>.browser.gold.json`` and prints, per page and overall:

- body recall: ``expected_with`` snippets found in the body text;
- boilerplate leakage: ``expected_without`` snippets found in the body or the comments;
- comment recall: ``expected_comments`` snippets found in the comments (also over the
  *reachable* snippets, i.e. those present in the page markup at all: some pages load
  their comments with JavaScript);
- comment→body leakage: ``expected_comments`` snippets found in the body;
- comment count exact against the gold (pages whose gold has comments), and author, date
  and parent accuracy over gold comments matched to ours by their text;
- title exact against the gold title;
- "adjusted" leak rates that leave out snippets the plain-text gold labels otherwise
  (a boilerplate snippet that the gold dump shows as a reader comment or article text, a
  comment snippet that is also article text, e.g. a comment quoting the post);
- trafilatura 2.3.1's comment result from the manifest for comparison; seconds per page.

Snippets are matched case-sensitively after normalising whitespace, quotes, dashes and
ellipses. The pages are third-party text: they are read from ``--shared``, never copied.

Usage: ``python scripts/eval_segmentation_html.py [--shared ../shared] [--page NAME] [--json]``
"""

from __future__ import annotations

import argparse
import csv
import html
import json
import re
import sys
import time
import unicodedata
from dataclasses import asdict, dataclass, field
from pathlib import Path

from blogtext.model import Post, Segments
from blogtext.segment.html import segment_html

_QUOTES = str.maketrans(
    {
        "„": '"',
        "“": '"',
        "”": '"',
        "«": '"',
        "»": '"',
        "‚": "'",
        "‘": "'",
        "’": "'",
        "–": "-",
        "—": "-",
        "\u00a0": " ",
    }
)
_CHARSET = re.compile(rb"""charset=["']?([A-Za-z0-9_-]{1,40})""")
TARGETS = {
    "body_recall": (">=", 0.95),
    "boilerplate_leak": ("<=", 0.05),
    "comment_recall": (">=", 0.90),
    "comment_body_leak": ("<=", 0.02),
    "count_exact": (">=", 0.90),
}


def norm(text: str) -> str:
    """Normalise for snippet matching: NFC, straight quotes, one space, ``…`` as ``...``."""
    text = unicodedata.normalize("NFC", text).translate(_QUOTES).replace("…", "...")
    return re.sub(r"\s+", " ", text).strip()


def decode(raw: bytes) -> str:
    """Decode a saved page: strict UTF-8, else its declared charset, else cp1252."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    m = _CHARSET.search(raw[:4096])
    declared = m.group(1).decode("ascii").lower() if m else ""
    if declared in ("utf-8", "utf8"):
        return raw.decode("utf-8", "replace")  # a few stray bytes in a UTF-8 page
    try:
        return raw.decode(declared or "cp1252", "replace")
    except LookupError:
        return raw.decode("cp1252", "replace")


@dataclass
class PageScore:
    """Counts for one page."""

    page: str
    body_hit: int = 0
    body_total: int = 0
    leak: int = 0
    leak_total: int = 0
    comment_hit: int = 0
    comment_total: int = 0
    comment_reachable: int = 0
    comment_in_body: int = 0
    comment_in_body_gold_body: int = 0  # …of which the gold also labels article text
    leak_gold_other: int = 0  # leaked boilerplate snippets the gold labels body/comment
    gold_comments: int = 0
    found_comments: int = 0
    authors_right: int = 0
    authors_shown: int = 0
    dates_right: int = 0
    dates_shown: int = 0
    dates_invented: int = 0
    parents_right: int = 0
    parents_total: int = 0
    title_right: bool | None = None
    seconds: float = 0.0
    tf231: str = ""
    misses: list[str] = field(default_factory=list)


def _page_text(markup: str) -> str:
    """The page's text with tags replaced by spaces: tells reachable snippets apart."""
    return norm(html.unescape(re.sub(r"<[^<>]{0,5000}>", " ", markup)))


def _gold_texts(gold: dict, dump: list[str]) -> list[str]:
    texts = []
    for comment in gold["comments"]:
        lines = [dump[n - 1].strip().lstrip("•").strip() for n in comment["lines"]]
        texts.append(norm(" ".join(lines)))
    return texts


def _match(gold_texts: list[str], ours: list[str]) -> dict[int, int]:
    """Gold comment index → our comment index, by text (first 60 chars, then overlap)."""
    mapping: dict[int, int] = {}
    used: set[int] = set()
    for i, text in enumerate(gold_texts):
        key = text[:60]
        candidates = [j for j, t in enumerate(ours) if j not in used and key and key in t]
        if not candidates:
            words = set(text.split())
            scored = [
                (len(words & set(t.split())) / max(1, len(words)), j)
                for j, t in enumerate(ours)
                if j not in used
            ]
            candidates = [j for s, j in sorted(scored, reverse=True) if s >= 0.6][:1]
        if candidates:
            mapping[i] = candidates[0]
            used.add(candidates[0])
    return mapping


def _score_comments(score: PageScore, gold: dict, dump: list[str], seg: Segments) -> None:
    ours = [norm(c.text) for c in seg.comments]
    mapping = _match(_gold_texts(gold, dump), ours)
    for i, g in enumerate(gold["comments"]):
        j = mapping.get(i)
        mine = seg.comments[j] if j is not None else None
        if g["author"] is not None:
            score.authors_shown += 1
            score.authors_right += bool(mine and mine.author == g["author"])
        if g["date"] is not None:
            score.dates_shown += 1
            score.dates_right += bool(mine and mine.date == g["date"])
        elif mine and mine.date is not None:
            score.dates_invented += 1
        score.parents_total += 1
        want = None if g["parent"] is None else mapping.get(g["parent"], -1)
        score.parents_right += bool(mine and mine.parent == want)
        if mine and (mine.author != g["author"] or mine.date != g["date"]):
            score.misses.append(
                f"meta: ours {mine.author!r} {mine.date} gold {g['author']!r} {g['date']}"
            )


def _gold_labels(shared: Path, stem: str) -> list[tuple[str, str]]:
    """(normalised line, label) of the browser dump, or [] without gold."""
    gold_path = shared / "plaintext-corpus" / f"{stem}.browser.gold.json"
    if not gold_path.exists():
        return []
    labels = json.loads(gold_path.read_text(encoding="utf-8"))["labels"]
    dump = (shared / "plaintext-corpus" / f"{stem}.browser.txt").read_text(encoding="utf-8")
    return [(norm(line), labels.get(str(i), "")) for i, line in enumerate(dump.split("\n"), 1)]


def _labelled(lines: list[tuple[str, str]], snippet: str, wanted: set[str]) -> bool:
    return any(label in wanted and snippet in line for line, label in lines)


def score_page(row: dict, shared: Path) -> PageScore:
    """Segment one page of the manifest and score it."""
    page = row["file"]
    gold_lines = _gold_labels(shared, page.removesuffix(".html"))
    score = PageScore(page=page, tf231=row.get("tf231_comment_snippets_in_comments", ""))
    markup = decode((shared / "extraction-corpus" / page).read_bytes())
    post = Post(id=page, path=page, format="html", encoding="utf-8", text=markup, sha256="")
    start = time.perf_counter()
    seg = segment_html(post)
    score.seconds = time.perf_counter() - start
    body = norm("\n".join(b.text for b in seg.body))
    comments = norm("\n".join(c.text for c in seg.comments))
    visible = _page_text(markup)
    for snippet in json.loads(row["expected_with"]):
        score.body_total += 1
        hit = norm(snippet) in body
        score.body_hit += hit
        if not hit:
            score.misses.append(f"body miss: {snippet!r}")
    for snippet in json.loads(row["expected_without"]):
        score.leak_total += 1
        leaked = norm(snippet) in body or norm(snippet) in comments
        score.leak += leaked
        if leaked:
            other = _labelled(gold_lines, norm(snippet), {"body", "comment"})
            score.leak_gold_other += other
            score.misses.append(f"leak{' (gold: body/comment)' if other else ''}: {snippet!r}")
    for snippet in json.loads(row["expected_comments"]):
        key = norm(snippet)
        score.comment_total += 1
        score.comment_reachable += key in visible
        score.comment_hit += key in comments
        score.comment_in_body += key in body
        if key not in comments:
            score.misses.append(
                f"comment miss{'' if key in visible else ' (not in page)'}: {snippet!r}"
            )
        if key in body:
            also = _labelled(gold_lines, key, {"body"})
            score.comment_in_body_gold_body += also
            score.misses.append(
                f"comment in body{' (gold: also body)' if also else ''}: {snippet!r}"
            )
    stem = page.removesuffix(".html")
    gold_path = shared / "plaintext-corpus" / f"{stem}.browser.gold.json"
    if gold_path.exists():
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        dump = (shared / "plaintext-corpus" / f"{stem}.browser.txt").read_text(encoding="utf-8")
        score.gold_comments = len(gold["comments"])
        score.found_comments = len(seg.comments)
        score.title_right = norm(seg.title or "") == norm(gold.get("title") or "")
        if not score.title_right:
            score.misses.append(f"title: ours {seg.title!r} gold {gold.get('title')!r}")
        _score_comments(score, gold, dump.split("\n"), seg)
    return score


def _ratio(num: float, den: float) -> float | None:
    return num / den if den else None


def summarise(scores: list[PageScore]) -> dict[str, float | None]:
    """Overall rates (snippet rates are micro-averaged over all snippets)."""

    def total(name: str) -> int:
        return sum(getattr(s, name) for s in scores)

    with_comments = [s for s in scores if s.gold_comments]
    return {
        "body_recall": _ratio(total("body_hit"), total("body_total")),
        "boilerplate_leak": _ratio(total("leak"), total("leak_total")),
        "boilerplate_leak_adjusted": _ratio(
            total("leak") - total("leak_gold_other"), total("leak_total")
        ),
        "comment_recall": _ratio(total("comment_hit"), total("comment_total")),
        "comment_recall_reachable": _ratio(total("comment_hit"), total("comment_reachable")),
        "comment_body_leak": _ratio(total("comment_in_body"), total("comment_total")),
        "comment_body_leak_adjusted": _ratio(
            total("comment_in_body") - total("comment_in_body_gold_body"), total("comment_total")
        ),
        "count_exact": _ratio(
            sum(s.gold_comments == s.found_comments for s in with_comments), len(with_comments)
        ),
        "count_exact_all_pages": _ratio(
            sum(s.gold_comments == s.found_comments for s in scores), len(scores)
        ),
        "author_accuracy": _ratio(total("authors_right"), total("authors_shown")),
        "date_accuracy": _ratio(total("dates_right"), total("dates_shown")),
        "dates_invented": total("dates_invented"),
        "parent_accuracy": _ratio(total("parents_right"), total("parents_total")),
        "title_exact": _ratio(sum(bool(s.title_right) for s in scores), len(scores)),
        "tf231_comment_recall": _tf_recall(scores),
        "seconds_per_page": _ratio(total("seconds"), len(scores)),
    }


def _tf_recall(scores: list[PageScore]) -> float | None:
    hit = den = 0
    for s in scores:
        if "/" in s.tf231 and s.tf231.split("/")[1]:
            a, b = s.tf231.split("/")
            hit, den = hit + int(a), den + int(b)
    return _ratio(hit, den)


def _fmt(value: float | None) -> str:
    return "  -  " if value is None else f"{value:5.3f}"


def print_report(scores: list[PageScore], overall: dict[str, float | None], verbose: bool) -> None:
    """Human-readable table, then the overall numbers against the targets."""
    head = f"{'page':44} body  leak  comm  c>b   count    auth  date  par   tf231  title  sec"
    print(head)
    for s in scores:
        print(
            f"{s.page[:44]:44} {_fmt(_ratio(s.body_hit, s.body_total))} "
            f"{_fmt(_ratio(s.leak, s.leak_total))} {_fmt(_ratio(s.comment_hit, s.comment_total))} "
            f"{_fmt(_ratio(s.comment_in_body, s.comment_total))} "
            f"{s.found_comments:3}/{s.gold_comments:<3} "
            f"{_fmt(_ratio(s.authors_right, s.authors_shown))} "
            f"{_fmt(_ratio(s.dates_right, s.dates_shown))} "
            f"{_fmt(_ratio(s.parents_right, s.parents_total))} {s.tf231:>6}  "
            f"{'ok' if s.title_right else 'NO':5} {s.seconds:.3f}"
        )
        if verbose:
            for miss in s.misses:
                print(f"    {miss}")
    print()
    for key, value in overall.items():
        target = TARGETS.get(key)
        verdict = ""
        if target and value is not None:
            op, limit = target
            ok = value >= limit if op == ">=" else value <= limit
            verdict = f"  target {op} {limit}: {'met' if ok else 'MISSED'}"
        shown = value if isinstance(value, int) else _fmt(value)
        print(f"{key:26} {shown}{verdict}")


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point; returns 0 (the scores are a report, not a gate)."""
    default_shared = Path(__file__).resolve().parents[1].parent / "shared"
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=default_shared)
    parser.add_argument("--page", help="only pages whose file name contains this")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("-v", "--verbose", action="store_true", help="list misses per page")
    args = parser.parse_args(argv)
    manifest = args.shared / "extraction-corpus" / "MANIFEST.tsv"
    with manifest.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    if args.page:
        rows = [r for r in rows if args.page in r["file"]]
    # Warm-up: the first call imports trafilatura and its dependencies (~0.3 s).
    segment_html(
        Post(id="w", path="w", format="html", encoding="utf-8", text="<p>x</p>", sha256="")
    )
    scores = [score_page(row, args.shared) for row in rows]
    overall = summarise(scores)
    if args.json:
        json.dump({"overall": overall, "pages": [asdict(s) for s in scores]}, sys.stdout, indent=1)
        print()
    else:
        print_report(scores, overall, args.verbose)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
