"""Compare readability counts and scores on the gold set: hand vs blogtext vs textstat.

Usage:
    python scripts/compare_readability.py [--gold tests/analyzers/gold_readability/texts.yaml]
        [--counts]

Per gold text it prints Flesch-Amstad, WSTF 1 and LIX as computed from the hand counts, by
blogtext, and by textstat 0.7.13 (``flesch_reading_ease``, ``wiener_sachtextformel``, ``lix``
with ``set_lang("de")``; textstat gets the body text as blogtext joins it, blocks separated by
a blank line), then the mean absolute error of each against the hand values. ``--counts`` adds
sentence, word and syllable counts side by side.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path
from typing import Any

import yaml

from blogtext.analyzers.readability import (
    analyze_readability,
    flesch_amstad,
    lix,
    wiener_sachtextformel,
)
from blogtext.model import Block, BodyText, LineSlice

DEFAULT_GOLD = Path(__file__).resolve().parents[1] / "tests/analyzers/gold_readability/texts.yaml"
METRICS = ("fre", "wstf1", "lix")


def _blocks(text: dict[str, Any]) -> list[Block]:
    return [
        Block(b["kind"], (LineSlice(n, 0, b["text"]),)) for n, b in enumerate(text["blocks"], 1)
    ]


def _hand(counts: dict[str, int]) -> dict[str, float | None]:
    words, sentences = counts["words"], counts["sentences"]
    return {
        "fre": flesch_amstad(words=words, sentences=sentences, syllables=counts["syllables"]),
        "wstf1": wiener_sachtextformel(
            1,
            words=words,
            sentences=sentences,
            polysyllabic_words=counts["polysyllabic"],
            long_words=counts["long"],
            monosyllabic_words=counts["monosyllabic"],
        ),
        "lix": lix(words=words, sentences=sentences, long_words=counts["long"]),
    }


def _textstat(body: str) -> tuple[dict[str, float], dict[str, int]]:
    import textstat  # imported here: only this script needs it

    textstat.set_lang("de")  # before any syllable function, or textstat goes online
    textstat.set_rounding_points(None)
    scores = {
        "fre": textstat.flesch_reading_ease(body),
        "wstf1": textstat.wiener_sachtextformel(body, 1),
        "lix": textstat.lix(body),
    }
    counts = {
        "sentences": textstat.sentence_count(body),
        "words": textstat.lexicon_count(body),
        "syllables": textstat.syllable_count(body),
    }
    return scores, counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--counts", action="store_true", help="also print the counts")
    args = parser.parse_args(argv)
    gold = yaml.safe_load(args.gold.read_text(encoding="utf-8"))

    errors: dict[str, dict[str, list[float]]] = {
        who: {m: [] for m in METRICS} for who in ("ours", "textstat")
    }
    header = f"{'text':<28}" + "".join(f" | {m.upper():>5} hand   ours  tstat" for m in METRICS)
    if args.counts:
        header += " | sent h/o/t   words h/o/t     syll h/o/t"
    print(header)
    print("-" * len(header))
    for text in gold:
        blocks = _blocks(text)
        hand = _hand(text["counts"])
        scores = analyze_readability(blocks)
        ours = {
            "fre": scores.flesch_amstad,
            "wstf1": scores.wiener_sachtextformel[1],
            "lix": scores.lix,
        }
        theirs, their_counts = _textstat(BodyText(blocks).text)
        row = f"{text['id']:<28}"
        for m in METRICS:
            row += f" | {hand[m]:10.1f} {ours[m]:6.1f} {theirs[m]:6.1f}"
            errors["ours"][m].append(abs(ours[m] - hand[m]))
            errors["textstat"][m].append(abs(theirs[m] - hand[m]))
        if args.counts:
            c = text["counts"]
            row += (
                f" | {c['sentences']:3d}/{scores.sentences:3d}/{their_counts['sentences']:3d}"
                f"  {c['words']:4d}/{scores.words:4d}/{their_counts['words']:4d}"
                f"  {c['syllables']:4d}/{scores.syllables:4d}/{their_counts['syllables']:4d}"
            )
        print(row)
    print("-" * len(header))
    for who in ("ours", "textstat"):
        maes = "  ".join(f"{m.upper()} {statistics.fmean(errors[who][m]):6.2f}" for m in METRICS)
        print(f"mean absolute error vs hand, {who:<9}: {maes}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
