"""Time of blogtext's text scanners on hostile input: nothing may take more than linear time.

Run: .venv/bin/python bench/bench_hostile.py

Scraped pages and drafts are hostile: unclosed markup, runs of brackets or stars, a
megabyte on one line. Each case below once made a regex or a recursive walk slow (or would,
in a careless implementation); the tests in ``tests/`` check what the code returns on such
input (with a hang guard only), and this benchmark checks that it returns quickly: every case
must finish within its budget, the bound the tests used to assert. A super-linear regression
overshoots it by orders of magnitude; the first HTML case includes importing trafilatura.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from blogtext.model import Post
from blogtext.segment._html_dates import parse_date
from blogtext.segment.html import segment_html
from blogtext.segment.markdown import segment_markdown

#: (area, case, budget in seconds, input)
CASES: list[tuple[str, str, float, str]] = [
    ("html", "10,000 '<'", 10.0, "<" * 10_000),
    ("html", "3,000 unclosed comment divs", 10.0, "<div class='comment'>" * 3_000),
    (
        "html",
        "10,000 nested divs",
        10.0,
        "<html><body>" + "<div>" * 10_000 + "x" + "</div>" * 10_000,
    ),
    (
        "html",
        "broken nesting × 500",
        10.0,
        "<p>Text <b><i>kaputt</b></i><div></p><li></ul></table>" * 500,
    ),
    (
        "html",
        "1,000 nested replies",
        10.0,
        '<ol class="commentlist">'
        + "".join(
            f'<li class="comment"><b class="fn">L{i}</b><div class="comment-content"><p>K {i}</p></div><ul class="children">'
            for i in range(1_000)
        ),
    ),
    ("markdown", "20,000 '![a]('", 1.0, "![a](" * 20_000),
    ("markdown", "30,000 '[' then ']'", 1.0, "[" * 30_000 + "]" * 30_000),
    ("markdown", "20,000 '<!--'", 1.0, "<!--" * 20_000),
    ("markdown", "unbalanced emphasis", 1.0, "*a " * 20_000 + "b* " * 20_000),
    ("markdown", "100,000 tabs", 1.0, "\t" * 100_000 + "x"),
    ("date", "1 MB of digits", 1.0, "1" * 1_000_000 + " 8. April 2017"),
    ("date", "500,000 '. '", 1.0, ". " * 500_000),
    (
        "gender",
        "long runs without a match",
        2.0,
        ("Kundenkundenkunden " * 50 + "Kunden" * 300 + " ") * 5 + "Wer , " * 500 + "*:" * 500,
    ),
]


def _post(text: str, fmt: str) -> Post:
    return Post(id="hostile", path="hostile", format=fmt, encoding="utf-8", sha256="0", text=text)


def _runner(area: str) -> Callable[[str], object]:
    if area == "html":
        return lambda text: segment_html(_post(text, "html"))
    if area == "markdown":
        return lambda text: segment_markdown(_post(text, "markdown"))
    if area == "date":
        return parse_date
    import spacy

    from blogtext.analyzers.gender import analyze_gender

    blank = spacy.blank("de")  # tokenising is spaCy's cost, not the scanners'
    return lambda text: analyze_gender(blank(text))


def main() -> None:
    runners: dict[str, Callable[[str], object]] = {}
    slow = 0
    for area, case, budget, text in CASES:
        run = runners.setdefault(area, _runner(area))
        start = time.perf_counter()
        run(text)
        seconds = time.perf_counter() - start
        verdict = "ok" if seconds <= budget else "TOO SLOW"
        slow += seconds > budget
        print(f"{area:9s} {case:32s} {seconds:7.3f} s  (budget {budget:4.1f} s)  {verdict}")
    print(f"{len(CASES) - slow}/{len(CASES)} cases within budget")


if __name__ == "__main__":
    main()
