"""How much the theme analysis adds to the German pipeline's own time per post (target ≤ 20 %).

Run: .venv/bin/python bench/bench_themes.py [--runs 5] [--repeat 1]

Posts: the theme gold set (``tests/themes/gold/*.txt``). For each post, the pipeline time is
``nlp(body.text)`` and the theme time is ``analyze_themes(doc, blocks, body)``; both are the
median of ``--runs`` runs after one warm-up. ``--repeat N`` concatenates every post N times to
see how both scale with length. Exits 1 when the total ratio is above 20 %.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from blogtext.analyzers.themes import analyze_themes
from blogtext.model import Block, BodyText, LineSlice
from blogtext.pipeline import Analyzer

GOLD = Path(__file__).resolve().parents[1] / "tests" / "themes" / "gold"
TARGET = 0.20


def blocks_of(text: str) -> list[Block]:
    """Title, headings (short lines without closing punctuation), paragraphs."""
    blocks: list[Block] = []
    for number, line in enumerate(text.split("\n"), start=1):
        line = line.strip()
        if not line:
            continue
        kind = (
            "title"
            if not blocks
            else "heading"
            if len(line) < 80 and line[-1] not in ".:;,"
            else "paragraph"
        )
        blocks.append(Block(kind, (LineSlice(number, 0, line),)))
    return blocks


def median_time(function, runs: int) -> float:
    function()  # warm-up (caches, lazy loading)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    analyzer = Analyzer()  # the pipeline as the product runs it
    nlp, info = analyzer.nlp, analyzer.pipeline
    total_nlp = total_themes = 0.0
    print(f"pipeline {info.label}; median of {args.runs} runs per post")
    for path in sorted(GOLD.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        text = "\n\n".join([text] * args.repeat)
        blocks = blocks_of(text)
        body = BodyText(blocks)
        doc = nlp(body.text)
        t_nlp = median_time(lambda body=body: nlp(body.text), args.runs)
        t_themes = median_time(
            lambda doc=doc, blocks=blocks, body=body: analyze_themes(doc, blocks, body), args.runs
        )
        total_nlp += t_nlp
        total_themes += t_themes
        print(
            f"{path.name:24s} {len(doc):5d} tokens  nlp {t_nlp * 1000:7.1f} ms  "
            f"themes {t_themes * 1000:6.1f} ms  ({t_themes / t_nlp:5.1%})"
        )
    ratio = total_themes / total_nlp
    print(
        f"total: nlp {total_nlp * 1000:.0f} ms, themes {total_themes * 1000:.0f} ms "
        f"→ themes add {ratio:.1%} (target ≤ {TARGET:.0%})"
    )
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
