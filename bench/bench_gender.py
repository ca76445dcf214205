#!/usr/bin/env python3
"""How much the gender analysis adds to the German pipeline's own time per document.

Usage: ``python bench/bench_gender.py [--model de_ud_gsdpud_sm] [--repeat 5]``. Documents: the
shared sample body (read from ../shared, if present) and the dev-set sentences joined into
posts of ~40 sentences. Target (issue 5): analysis ≤ 15 % of the pipeline time.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import spacy

from blogtext.analyzers._gender_lexicon import load_lexicon
from blogtext.analyzers.gender import analyze_gender

ROOT = Path(__file__).resolve().parents[1]


def documents() -> list[str]:
    """Benchmark texts: the sample body and dev-set sentences as blog-sized posts."""
    docs: list[str] = []
    sample = ROOT.parent / "shared" / "samples" / "kooperation-5-punkte.txt"
    if sample.exists():
        docs.append(sample.read_text(encoding="utf-8").split("2 thoughts on", 1)[0])
    lines = (ROOT / "tests" / "gender" / "devset.jsonl").read_text(encoding="utf-8").splitlines()
    sentences = [json.loads(line)["text"] for line in lines]
    docs += [" ".join(sentences[i : i + 40]) for i in range(0, len(sentences), 40)]
    return docs


def main() -> int:
    """Print pipeline vs. analysis time and the ratio; exit 1 above 15 %."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="de_ud_gsdpud_sm")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    nlp = spacy.load(args.model)
    texts = documents()
    load_lexicon()  # one-off load (~0.2 s) is start-up cost, not per document
    nlp_time = gender_time = 0.0
    for _ in range(args.repeat):
        for text in texts:
            t0 = time.perf_counter()
            doc = nlp(text)
            t1 = time.perf_counter()
            analyze_gender(doc)
            t2 = time.perf_counter()
            nlp_time += t1 - t0
            gender_time += t2 - t1
    n = len(texts) * args.repeat
    words = sum(len(t.split()) for t in texts)
    ratio = gender_time / nlp_time
    print(f"{len(texts)} documents ({words} words) × {args.repeat}")
    print(f"pipeline: {1000 * nlp_time / n:8.1f} ms/doc")
    print(f"gender:   {1000 * gender_time / n:8.1f} ms/doc  ({100 * ratio:.1f} % of the pipeline)")
    return 0 if ratio <= 0.15 else 1


if __name__ == "__main__":
    raise SystemExit(main())
