#!/usr/bin/env python3
"""Span precision/recall of the gender analysis on the hand-written dev set.

Usage::

    python scripts/eval_gender.py [--devset tests/gender/devset.jsonl] [--model NAME] [-v]

Matching: a predicted span counts as correct when it overlaps a gold span of the same rule
(pronoun patterns have no canonical extent, and a noun span may or may not include a glued
footnote star). Inclusive forms must also have the gold style. The trap false-alarm rate is the
share of trap spans (things that must not fire: Drucker, named people, companies, epicene
nouns, Paarform members …) overlapped by any finding or any non-neutral inclusive form.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

from blogtext.analyzers.gender import analyze_gender
from blogtext.config import Settings
from blogtext.pipeline import Analyzer

ROOT = Path(__file__).resolve().parents[1]
RULES = (
    "gender/generic-masculine",
    "gender/generic-pronoun",
    "gender/gendered-compound",
    "gender/disclaimer",
    "inclusive",
)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def evaluate(records: list[dict], nlp, verbose: bool = False) -> dict[str, dict[str, float]]:
    """Per-rule counts and scores; prints misses and false alarms when ``verbose``."""
    tp: dict[str, int] = defaultdict(int)
    fp: dict[str, int] = defaultdict(int)
    fn: dict[str, int] = defaultdict(int)
    traps = trap_hits = 0
    docs = nlp.pipe([r["text"] for r in records])
    for rec, doc in zip(records, docs, strict=True):
        analysis = analyze_gender(doc)
        pred: list[tuple[str, int, int, str | None]] = [
            (f.rule, f.start, f.end, None)
            for f in analysis.findings
            if f.rule in RULES and f.rule != "gender/mixed-styles"
        ]
        pred += [("inclusive", f.start, f.end, f.style) for f in analysis.inclusive_forms]
        gold = [s for s in rec["spans"] if s["label"] != "trap"]
        for rule in RULES:
            g = [s for s in gold if s["label"] == rule]
            p = [x for x in pred if x[0] == rule]
            matched_gold: set[int] = set()
            for x in p:
                hit = next(
                    (
                        k
                        for k, s in enumerate(g)
                        if k not in matched_gold
                        and _overlap((x[1], x[2]), (s["start"], s["end"]))
                        and (rule != "inclusive" or s.get("style") == x[3])
                    ),
                    None,
                )
                if hit is None:
                    fp[rule] += 1
                    if verbose:
                        print(f"FP {rule:26} #{rec['id']}: {rec['text'][x[1] : x[2]]!r} ({x[3]})")
                else:
                    matched_gold.add(hit)
                    tp[rule] += 1
            for k, s in enumerate(g):
                if k not in matched_gold:
                    fn[rule] += 1
                    if verbose:
                        print(f"FN {rule:26} #{rec['id']}: {s['text']!r} in {rec['text']!r}")
        for s in rec["spans"]:
            if s["label"] != "trap":
                continue
            traps += 1
            firing = [
                x
                for x in pred
                if _overlap((x[1], x[2]), (s["start"], s["end"]))
                and not (x[0] == "inclusive" and x[3] in {"neutral", "paarform"})
            ]
            if firing:
                trap_hits += 1
                if verbose:
                    print(f"TRAP #{rec['id']}: {s['text']!r} hit by {firing[0][0]}")
    scores: dict[str, dict[str, float]] = {}
    for rule in RULES:
        p = tp[rule] / (tp[rule] + fp[rule]) if tp[rule] + fp[rule] else 1.0
        r = tp[rule] / (tp[rule] + fn[rule]) if tp[rule] + fn[rule] else 1.0
        scores[rule] = {"precision": p, "recall": r, "tp": tp[rule], "fp": fp[rule], "fn": fn[rule]}
    scores["traps"] = {"spans": traps, "false_alarms": trap_hits,
                       "rate": trap_hits / traps if traps else 0.0}  # fmt: skip
    return scores


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point; exit 1 if a target (P ≥ .90, R ≥ .85, traps ≤ 5 %) is missed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--devset", type=Path, default=ROOT / "tests" / "gender" / "devset.jsonl")
    parser.add_argument(
        "--model", default=None, help="pipeline name or path (default: as blogtext resolves it)"
    )
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    records = [json.loads(line) for line in args.devset.read_text(encoding="utf-8").splitlines()]
    # The pipeline exactly as the product runs it (no parser, blogtext's sentence splitter).
    analyzer = Analyzer(Settings(model=args.model))
    scores = evaluate(records, analyzer.nlp, args.verbose)
    print(
        f"{len(records)} sentences, model {analyzer.pipeline.label}, components {analyzer.nlp.pipe_names}"
    )
    print(f"{'rule':28} {'P':>6} {'R':>6} {'tp':>4} {'fp':>4} {'fn':>4}")
    ok = True
    for rule in RULES:
        s = scores[rule]
        print(
            f"{rule:28} {s['precision']:6.3f} {s['recall']:6.3f} {s['tp']:4} {s['fp']:4} {s['fn']:4}"
        )
        ok &= s["precision"] >= 0.90 and s["recall"] >= 0.85
    t = scores["traps"]
    print(f"trap false alarms: {t['false_alarms']}/{t['spans']} = {t['rate']:.3f}")
    ok &= t["rate"] <= 0.05
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
