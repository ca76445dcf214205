"""Evaluate key themes against the hand-written gold set, next to YAKE.

Usage::

    .venv/bin/python scripts/eval_themes.py [--method tf|textrank] [--verbose]

Gold: ``tests/themes/gold/*.txt`` (our own posts) and ``gold.yaml`` (five themes per post,
written before any output was looked at), plus the third-party sample post from
``../shared/samples`` (read from there, never copied; skipped when absent).

Scores, per system, averaged over posts:

* precision@5 — share of the top five themes that match a gold theme;
* recall@10 — share of the gold themes matched by the top ten.

Matching is lemma-level: both sides are lemmatised (our themes carry lemmas; YAKE's keyphrases
go through the same spaCy pipeline), case-folded, and each word reduced by the same
ending-stripping stem, so "Kunden" = "Kunde". A multi-word prediction also matches a gold theme
equal to its last word ("erfolgreiche Kooperation" ~ "Kooperation"). Each gold theme is matched
at most once. YAKE (``pip install yake``, an optional evaluation dependency) runs on the same
body text with German stop words, at n = 1, 2 and 3.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import replace
from pathlib import Path

import yaml

from blogtext.analyzers._themes_normalize import adjective_stem
from blogtext.analyzers.themes import ThemeOptions, analyze_themes
from blogtext.model import Block, BodyText, LineSlice

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO / "tests" / "themes" / "gold"
SHARED = REPO.parent / "shared"
HEADING_MAX = 80


def plain_blocks(text: str) -> list[Block]:
    """Blocks of one of our gold posts: first paragraph = title; a one-line paragraph
    without closing punctuation = heading; the rest paragraphs (line numbers kept)."""
    blocks: list[Block] = []
    lines = text.split("\n")
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        if not stripped:
            continue
        if not blocks:
            kind = "title"
        elif len(stripped) <= HEADING_MAX and not re.search(r"[.:;,]$", stripped):
            kind = "heading"
        else:
            kind = "paragraph"
        blocks.append(Block(kind, (LineSlice(number, 0, stripped),)))
    return blocks


def shared_blocks(path: Path) -> list[Block]:
    """The sample's body blocks from the project's plain-text segmenter."""
    from blogtext.ingest import read_post_text
    from blogtext.segment import segment_post

    post = read_post_text(path.read_bytes(), str(path), "text", path.stem)
    return segment_post(post).body


def load_posts() -> list[tuple[str, list[Block], list[list[str]]]]:
    gold = yaml.safe_load((GOLD / "gold.yaml").read_text(encoding="utf-8"))
    posts = []
    for name, themes in gold["posts"].items():
        text = (GOLD / name).read_text(encoding="utf-8")
        posts.append((name, plain_blocks(text), [t.split("|") for t in themes]))
    for name, themes in (gold.get("shared") or {}).items():
        path = SHARED / name
        if path.is_file():
            posts.append(
                (f"shared:{Path(name).name}", shared_blocks(path), [t.split("|") for t in themes])
            )
    return posts


def words_key(lemma: str) -> tuple[str, ...]:
    """Matching key: lower-cased words, hyphens as spaces, each stemmed."""
    return tuple(adjective_stem(w) for w in re.split(r"[\s\-]+", lemma.casefold()) if w)


def matches(predicted: tuple[str, ...], gold: list[tuple[str, ...]]) -> bool:
    return any(predicted == g or (len(predicted) > 1 and predicted[-1:] == g) for g in gold)


def score(predicted: list[tuple[str, ...]], gold: list[list[str]]) -> tuple[float, float]:
    """(precision@5, recall@10) with each gold theme matched at most once."""
    gold_keys = [[words_key(alt) for alt in alts] for alts in gold]

    def hits(k: int) -> int:
        free = list(range(len(gold_keys)))
        found = 0
        for p in predicted[:k]:
            for i in free:
                if matches(p, gold_keys[i]):
                    free.remove(i)
                    found += 1
                    break
        return found

    return hits(5) / 5, hits(10) / len(gold_keys)


def yake_keyphrases(text: str, n: int, nlp) -> list[tuple[str, ...]]:
    import yake

    extractor = yake.KeywordExtractor(lan="de", n=n, top=10)
    phrases = [kw for kw, _s in extractor.extract_keywords(text)]
    return [words_key(" ".join(t.lemma_ or t.text for t in doc)) for doc in nlp.pipe(phrases)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--method", default=None, help="tf or textrank (default: ours)")
    parser.add_argument("--compound-weight", type=float, default=None)
    parser.add_argument("--dispersion", type=float, default=None)
    parser.add_argument("--no-yake", action="store_true")
    parser.add_argument("--verbose", "-v", action="store_true")
    args = parser.parse_args(argv)

    from blogtext.pipeline import Analyzer

    analyzer = Analyzer()  # the pipeline as the product runs it
    nlp, info = analyzer.nlp, analyzer.pipeline
    options = ThemeOptions()
    rank = options.rank
    if args.method:
        rank = replace(rank, method=args.method)
    if args.compound_weight is not None:
        rank = replace(rank, compound_weight=args.compound_weight)
    if args.dispersion is not None:
        rank = replace(rank, dispersion=args.dispersion)
    options = replace(options, rank=rank)

    systems: dict[str, list[tuple[float, float]]] = {"blogtext": []}
    if not args.no_yake:
        systems.update({"yake n=1": [], "yake n=2": [], "yake n=3": []})
    print(f"pipeline: {info.label}; ranking: {options.rank}")
    for name, blocks, gold in load_posts():
        body = BodyText(blocks)
        doc = nlp(body.text)
        analysis = analyze_themes(doc, blocks, body, options)
        themes = list(analysis.themes) if analysis else []
        predicted = [words_key(t.lemma) for t in themes]
        systems["blogtext"].append(score(predicted, gold))
        line = (
            f"{name:32s} p@5 {systems['blogtext'][-1][0]:.2f} r@10 {systems['blogtext'][-1][1]:.2f}"
        )
        if not args.no_yake:
            for n in (1, 2, 3):
                systems[f"yake n={n}"].append(score(yake_keyphrases(body.text, n, nlp), gold))
        print(line)
        if args.verbose:
            print("   ours:", ", ".join(f"{t.phrase} ({t.score})" for t in themes))
            print("   gold:", ", ".join("|".join(g) for g in gold))
    print()
    print(
        f"{'system':12s} {'precision@5':>12s} {'recall@10':>10s}   ({len(systems['blogtext'])} posts)"
    )
    for system, scores in systems.items():
        p = sum(s[0] for s in scores) / len(scores)
        r = sum(s[1] for s in scores) / len(scores)
        print(f"{system:12s} {p:12.3f} {r:10.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
