#!/usr/bin/env python3
"""Compare blogtext's readability rules with Yoast SEO's readability assessments.

Usage::

    cp -r ../shared/peers/yoast /tmp/yoast && (cd /tmp/yoast && npm install)
    python scripts/compare_yoast.py --yoast /tmp/yoast [--gold] [--corpus] [--json OUT]

Texts: the hand-counted gold paragraphs (``tests/analyzers/gold_readability/texts.yaml``) and
the posts in ``corpus/``. Both tools see the same article body: blogtext segments the post, and
its body blocks are given to Yoast as HTML (heading → ``<h2>``, list item → ``<li>``,
paragraph → ``<p>``), so differences come from the checks, not from boilerplate.

For each text and check (Flesch, sentence length, paragraph length, passive voice, transition
words, consecutive sentences, subheading distance) it prints Yoast's number and traffic light
next to blogtext's number and verdict, then a summary of where they agree. Traffic lights:
Yoast score ≤ 4 = red (≈ our error), 5–7 = orange (≈ warning), ≥ 8 = green (no finding).
"""

from __future__ import annotations

import argparse
import html
import json
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "analyzers" / "gold_readability" / "texts.yaml"
CHECKS = {
    "flesch": ("readability/flesch", None),
    "sentence length": ("readability/long-sentence", "textSentenceLength"),
    "paragraph length": ("readability/long-paragraph", "textParagraphTooLong"),
    "passive": ("readability/passive", "passiveVoice"),
    "transition words": ("readability/transition-words", "textTransitionWords"),
    "consecutive": ("readability/sentence-beginnings", "sentenceBeginnings"),
    "subheadings": ("readability/subheading-distance", "subheadingsTooLong"),
}
LEVEL = {"error": 2, "warning": 1, None: 0}


@dataclass
class Row:
    """One check on one text: both tools' numbers and verdicts (0 ok, 1 warning, 2 error)."""

    check: str
    yoast: str
    ours: str
    yoast_level: int | None
    our_level: int

    @property
    def agrees(self) -> bool | None:
        if self.yoast_level is None:
            return None
        return (self.yoast_level > 0) == (self.our_level > 0)


@dataclass
class Result:
    name: str
    words: int
    rows: list[Row] = field(default_factory=list)


def yoast_level(score: int | None) -> int | None:
    """Yoast traffic light → 0 green, 1 orange, 2 red (``None`` when not assessed)."""
    if score is None:
        return None
    return 2 if score <= 4 else 1 if score <= 7 else 0


def blocks_html(blocks: list[tuple[str, str]]) -> str:
    """The body blocks as the HTML Yoast reads (title and headings as subheadings)."""
    out: list[str] = []
    in_list = False
    for kind, text in blocks:
        if kind == "list-item" and not in_list:
            out.append("<ul>")
            in_list = True
        elif kind != "list-item" and in_list:
            out.append("</ul>")
            in_list = False
        tag = {"heading": "h2", "title": "h1", "list-item": "li"}.get(kind, "p")
        out.append(f"<{tag}>{html.escape(text, quote=False)}</{tag}>")
    if in_list:
        out.append("</ul>")
    return "\n".join(out) + "\n"


def blocks_markdown(blocks: list[tuple[str, str]]) -> str:
    prefix = {"title": "# ", "heading": "## ", "list-item": "- "}
    return "\n\n".join(prefix.get(kind, "") + text for kind, text in blocks) + "\n"


def run_yoast(yoast_dir: Path, blocks: list[tuple[str, str]]) -> dict[str, Any]:
    with tempfile.NamedTemporaryFile("w", suffix=".html", encoding="utf-8", delete=False) as fh:
        fh.write(blocks_html(blocks))
        name = fh.name
    try:
        done = subprocess.run(
            ["node", "analyze.js", name, "de_DE"],
            cwd=yoast_dir,
            capture_output=True,
            text=True,
            check=True,
        )
    finally:
        Path(name).unlink()
    return json.loads(done.stdout)


def our_report(text: str, name: str) -> Any:
    from blogtext.pipeline import analyze_text

    return analyze_text(text, input_format="markdown", name=name)


def compare(name: str, blocks: list[tuple[str, str]], report: Any, yoast: dict[str, Any]) -> Result:
    """The rows of one text."""
    scores = report.readability
    result = Result(name, scores.words)
    assessments = {a["id"]: a for a in yoast.get("assessments", [])}
    levels: dict[str, int] = defaultdict(int)
    doc_level: dict[str, int] = defaultdict(int)
    for f in report.findings:
        levels[f.rule] = max(levels[f.rule], LEVEL.get(f.severity, 0))
        if f.severity != "info":
            doc_level[f.rule] = max(doc_level[f.rule], LEVEL[f.severity])
    kinds = [b.kind for b in report.body.blocks]
    prose = [s for s in scores.per_sentence if kinds[s.block] not in ("title", "heading")]
    research = yoast.get("researches", {})

    flesch = yoast.get("flesch") or {}
    ours_fre = scores.flesch_amstad
    fre_level = 0 if ours_fre is None or ours_fre >= 50 else (2 if ours_fre < 30 else 1)
    y_fre = flesch.get("score")
    y_fre_level = None if y_fre is None else (0 if y_fre >= 50 else 2 if y_fre < 30 else 1)
    result.rows.append(
        Row(
            "flesch",
            f"{y_fre} (unclamped {flesch.get('inputs', {}).get('unclamped', float('nan')):.1f})",
            f"{ours_fre:.1f}" if ours_fre is not None else "–",
            y_fre_level,
            fre_level,
        )
    )

    y_sentences = research.get("countSentencesFromText") or []
    y_long = sum(s["words"] > 20 for s in y_sentences) if isinstance(y_sentences, list) else 0
    y_total = len(y_sentences) if isinstance(y_sentences, list) else 0
    long_ours = sum(s.word_count > 20 for s in prose)
    share_ours = 100 * long_ours / len(prose) if prose else 0
    ours_level = 2 if share_ours > 30 else 1 if share_ours > 25 else 0
    result.rows.append(
        Row(
            "sentence length",
            f"{y_long}/{y_total} long",
            f"{long_ours}/{len(prose)} long ({share_ours:.0f} %)",
            yoast_level(assessments.get("textSentenceLength", {}).get("score")),
            ours_level,
        )
    )

    y_paragraphs = research.get("getParagraphLength") or []
    result.rows.append(
        Row(
            "paragraph length",
            f"max {max(y_paragraphs, default=0)} words",
            f"max {max((p.words for p in scores.per_paragraph), default=0)} words",
            yoast_level(assessments.get("textParagraphTooLong", {}).get("score")),
            levels["readability/long-paragraph"],
        )
    )

    passive = research.get("getPassiveVoiceResult") or {}
    ours_passive = [
        f for f in report.findings if f.rule == "readability/passive" and f.severity == "info"
    ]
    result.rows.append(
        Row(
            "passive",
            f"{len(passive.get('passives', []))}/{passive.get('total', 0)}",
            f"{len(ours_passive)}/{len(prose)}" if ours_passive else f"≤10 % of {len(prose)}",
            yoast_level(assessments.get("passiveVoice", {}).get("score")),
            doc_level["readability/passive"],
        )
    )

    transitions = research.get("findTransitionWords") or {}
    applicable = yoast.get("researches", {}).get("wordCountInText", 0) > 200
    result.rows.append(
        Row(
            "transition words",
            f"{transitions.get('transitionWordSentences', 0)}/{transitions.get('totalSentences', 0)}"
            + ("" if applicable else " (n/a ≤200 words)"),
            "flagged" if levels["readability/transition-words"] else "ok",
            yoast_level(assessments.get("textTransitionWords", {}).get("score"))
            if applicable
            else None,
            levels["readability/transition-words"],
        )
    )

    beginnings = research.get("getSentenceBeginnings") or []
    worst = max(beginnings, key=lambda b: b["count"], default={"word": "", "count": 0})
    result.rows.append(
        Row(
            "consecutive",
            f"max {worst['count']}× „{worst['word']}“",
            "flagged" if levels["readability/sentence-beginnings"] else "ok",
            yoast_level(assessments.get("sentenceBeginnings", {}).get("score")),
            2 * bool(levels["readability/sentence-beginnings"]),
        )
    )

    result.rows.append(
        Row(
            "subheadings",
            str(assessments.get("subheadingsTooLong", {}).get("score", "–")),
            "flagged" if levels["readability/subheading-distance"] else "ok",
            yoast_level(assessments.get("subheadingsTooLong", {}).get("score")),
            levels["readability/subheading-distance"],
        )
    )
    return result


def gold_texts() -> list[tuple[str, list[tuple[str, str]]]]:
    items = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    return [
        (item["id"], [(b["kind"], " ".join(b["text"].split())) for b in item["blocks"]])
        for item in items
    ]


def corpus_posts() -> list[tuple[str, Any]]:
    from blogtext.pipeline import analyze_file

    posts = []
    for path in sorted((ROOT / "corpus").iterdir()):
        if path.suffix not in (".txt", ".md", ".html") or path.name == "README.md":
            continue
        [report] = analyze_file(path)
        posts.append((path.name, report))
    return posts


def print_result(result: Result) -> None:
    print(f"\n## {result.name} ({result.words} words)")
    print(f"  {'check':18} {'Yoast':34} {'blogtext':30} agree")
    for row in result.rows:
        light = {None: "–", 0: "green", 1: "orange", 2: "red"}[row.yoast_level]
        ours = {0: "ok", 1: "warning", 2: "error"}[row.our_level]
        mark = {None: "n/a", True: "yes", False: "NO"}[row.agrees]
        print(f"  {row.check:18} {row.yoast + ' ' + light:34} {row.ours + ' ' + ours:30} {mark}")


def summary(results: list[Result]) -> dict[str, Counter]:
    table: dict[str, Counter] = defaultdict(Counter)
    for result in results:
        for row in result.rows:
            table[row.check][{None: "n/a", True: "agree", False: "differ"}[row.agrees]] += 1
    print("\n# Summary (flag vs. no flag; orange and red both count as a flag)")
    for check, counts in table.items():
        print(
            f"  {check:18} agree {counts['agree']:3}  differ {counts['differ']:3}  n/a {counts['n/a']:3}"
        )
    return table


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--yoast", type=Path, required=True, help="folder with analyze.js and node_modules"
    )
    parser.add_argument("--gold", action="store_true", help="only the gold texts")
    parser.add_argument("--corpus", action="store_true", help="only the corpus posts")
    parser.add_argument("--json", type=Path, help="write the rows as JSON here")
    args = parser.parse_args()
    if not (args.yoast / "node_modules" / "yoastseo").is_dir():
        print(
            f"{args.yoast}: run `npm install` there first (see ../shared/peers/yoast/README.md)",
            file=sys.stderr,
        )
        return 2
    both = not args.gold and not args.corpus
    results: list[Result] = []
    if args.gold or both:
        for name, blocks in gold_texts():
            report = our_report(blocks_markdown(blocks), f"{name}.md")
            results.append(compare(name, blocks, report, run_yoast(args.yoast, blocks)))
            print_result(results[-1])
    if args.corpus or both:
        for name, report in corpus_posts():
            blocks = [(b.kind, b.text) for b in report.segments.body]
            results.append(compare(name, blocks, report, run_yoast(args.yoast, blocks)))
            print_result(results[-1])
    summary(results)
    if args.json:
        args.json.write_text(
            json.dumps(
                [
                    {"name": r.name, "words": r.words, "rows": [row.__dict__ for row in r.rows]}
                    for r in results
                ],
                ensure_ascii=False,
                indent=2,
            ),
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
