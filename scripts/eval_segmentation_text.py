"""Score the plain-text segmenter against the line-level gold in ../shared.

Reads ``<shared>/plaintext-corpus/*.gold.json`` (each with the ``.txt`` beside it) and
``<shared>/samples/*.gold.json``, runs :func:`blogtext.segment.plaintext.segment_text`, and
prints per dump style (browser, w3m, flat, sample) and overall:

* line-level precision / recall / F1 for body, comment, boilerplate (gold ``unknown`` and
  ``either`` lines are skipped) and their macro-F1,
* the rate of dumps whose comment count is exact,
* author / date / parent accuracy over matched comments (a predicted comment matches the
  gold comment it shares the most lines with; parents are compared through that matching),
* the worst dumps by macro-F1.

Usage: ``python scripts/eval_segmentation_text.py [--shared DIR] [--json] [--worst N]
[--errors PAGE]``. ``--errors`` prints the mislabelled lines (gold → predicted) and the
comment records of every dump whose file name contains PAGE.
The shared folder defaults to ``../shared`` relative to the repository root.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from blogtext.model import Post, Segments
from blogtext.segment import line_labels
from blogtext.segment.plaintext import segment_text

CLASSES = ("body", "comment", "boilerplate")
STYLES = ("browser", "w3m", "flat", "sample")


@dataclass
class Tally:
    """Counts for one group of dumps."""

    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    dumps: int = 0
    count_exact: int = 0
    matched: int = 0
    author_ok: int = 0
    author_n: int = 0
    date_ok: int = 0
    date_n: int = 0
    parent_ok: int = 0
    gold_comments: int = 0
    pred_comments: int = 0

    def add(self, other: Tally) -> None:
        self.confusion.update(other.confusion)
        for name in (
            "dumps",
            "count_exact",
            "matched",
            "author_ok",
            "author_n",
            "date_ok",
            "date_n",
            "parent_ok",
            "gold_comments",
            "pred_comments",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def prf(self) -> dict[str, dict[str, float]]:
        out: dict[str, dict[str, float]] = {}
        for cls in CLASSES:
            tp = self.confusion[(cls, cls)]
            fp = sum(n for (g, p), n in self.confusion.items() if p == cls and g != cls)
            fn = sum(n for (g, p), n in self.confusion.items() if g == cls and p != cls)
            prec = tp / (tp + fp) if tp + fp else 1.0
            rec = tp / (tp + fn) if tp + fn else 1.0
            f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
            out[cls] = {"precision": prec, "recall": rec, "f1": f1, "support": tp + fn}
        return out

    def summary(self) -> dict[str, Any]:
        prf = self.prf()
        present = [c for c in CLASSES if prf[c]["support"] > 0]
        macro = sum(prf[c]["f1"] for c in present) / len(present) if present else 1.0
        return {
            "dumps": self.dumps,
            "classes": prf,
            "macro_f1": macro,
            "comment_count_exact": self.count_exact / self.dumps if self.dumps else 1.0,
            "gold_comments": self.gold_comments,
            "pred_comments": self.pred_comments,
            "matched_comments": self.matched,
            "author_accuracy": self.author_ok / self.author_n if self.author_n else None,
            "date_accuracy": self.date_ok / self.date_n if self.date_n else None,
            "parent_accuracy": self.parent_ok / self.matched if self.matched else None,
        }


def score_dump(txt: Path, gold: dict[str, Any]) -> tuple[Tally, Segments]:
    """Segment one dump and compare it with its gold."""
    text = txt.read_text(encoding="utf-8")
    post = Post(id=txt.stem, path=str(txt), format="text", encoding="utf-8", text=text, sha256="")
    segments = segment_text(post)
    pred = line_labels(segments)
    tally = Tally(dumps=1)
    for key, label in gold["labels"].items():
        if label not in CLASSES:
            continue
        tally.confusion[(label, pred.get(int(key), "none"))] += 1
    gold_comments = gold.get("comments", [])
    tally.gold_comments = len(gold_comments)
    tally.pred_comments = len(segments.comments)
    tally.count_exact = int(len(gold_comments) == len(segments.comments))
    # Match each gold comment to the predicted comment with the largest line overlap.
    match: dict[int, int] = {}
    for gi, gc in enumerate(gold_comments):
        glines = set(gc["lines"])
        best, best_overlap = None, 0
        for pi, pc in enumerate(segments.comments):
            overlap = len(glines & set(pc.lines))
            if overlap > best_overlap and pi not in match.values():
                best, best_overlap = pi, overlap
        if best is not None:
            match[gi] = best
    for gi, pi in match.items():
        gc, pc = gold_comments[gi], segments.comments[pi]
        tally.matched += 1
        gold_author = gc.get("author", gc.get("author_signature"))
        if gold_author is not None:
            tally.author_n += 1
            tally.author_ok += int((pc.author or "").strip() == gold_author.strip())
        if "date" in gc:
            tally.date_n += 1
            tally.date_ok += int(pc.date == gc["date"])
        gold_parent = gc.get("parent")
        pred_parent = pc.parent
        expected = match.get(gold_parent) if gold_parent is not None else None
        tally.parent_ok += int(
            (gold_parent is None and pred_parent is None)
            or (gold_parent is not None and pred_parent is not None and expected == pred_parent)
        )
    return tally, segments


def print_errors(txt: Path, gold: dict[str, Any]) -> None:
    """Print the lines whose predicted label differs from the gold, and both comment lists."""
    _, segments = score_dump(txt, gold)
    pred = line_labels(segments)
    text = txt.read_text(encoding="utf-8").split("\n")
    print(f"== {txt.name}")
    for key, label in sorted(gold["labels"].items(), key=lambda kv: int(kv[0])):
        got = pred.get(int(key), "none")
        if label in CLASSES and got != label:
            print(f"  {int(key):5} {label:>11} → {got:11} {text[int(key) - 1][:110]}")
    print("  -- gold comments (first line, author, date, parent)")
    for i, gc in enumerate(gold.get("comments", [])):
        first = gc["lines"][0] if gc["lines"] else None
        print(f"  {i:3} L{first} {gc.get('author')!r} {gc.get('date')} parent={gc.get('parent')}")
    print("  -- predicted comments")
    for pc in segments.comments:
        first = pc.lines[0] if pc.lines else None
        print(f"  {pc.index:3} L{first} {pc.author!r} {pc.date} parent={pc.parent}")


def collect(shared: Path) -> list[tuple[str, Path, dict[str, Any]]]:
    """(style, txt path, gold) for every gold file in the corpus and the samples."""
    found: list[tuple[str, Path, dict[str, Any]]] = []
    for gold_path in sorted((shared / "plaintext-corpus").glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        txt = gold_path.with_name(gold_path.name.replace(".gold.json", ".txt"))
        found.append((gold.get("style", "browser"), txt, gold))
    for gold_path in sorted((shared / "samples").glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        found.append(("sample", gold_path.with_name(gold["file"]), gold))
    return found


def main(argv: list[str] | None = None) -> int:
    root = Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=root.parent / "shared")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument("--worst", type=int, default=8, help="how many worst dumps to list")
    parser.add_argument(
        "--errors", metavar="PAGE", help="print mislabelled lines of dumps whose name has PAGE"
    )
    args = parser.parse_args(argv)
    dumps = collect(args.shared)
    if args.errors:
        for _style, txt, gold in dumps:
            if args.errors in txt.name:
                print_errors(txt, gold)
        return 0
    if not dumps:
        print(f"no gold files under {args.shared}", file=sys.stderr)
        return 2
    per_style: dict[str, Tally] = {s: Tally() for s in STYLES}
    overall = Tally()  # the three corpus styles (the sample is reported on its own)
    pages: list[dict[str, Any]] = []
    for style, txt, gold in dumps:
        tally, _ = score_dump(txt, gold)
        per_style.setdefault(style, Tally()).add(tally)
        if style != "sample":
            overall.add(tally)
        summary = tally.summary()
        pages.append(
            {
                "file": txt.name,
                "style": style,
                "macro_f1": summary["macro_f1"],
                "comments": f"{tally.pred_comments}/{tally.gold_comments}",
                "errors": sum(n for (g, p), n in tally.confusion.items() if g != p),
            }
        )
    report = {
        "styles": {s: t.summary() for s, t in per_style.items() if t.dumps},
        "overall": overall.summary(),
        "worst": sorted(pages, key=lambda p: (p["macro_f1"], -p["errors"]))[: args.worst],
    }
    if args.json:
        print(json.dumps(report, indent=1, ensure_ascii=False))
        return 0
    for name, summary in [*report["styles"].items(), ("overall", report["overall"])]:
        print(f"== {name} ({summary['dumps']} dumps)")
        for cls in CLASSES:
            c = summary["classes"][cls]
            print(
                f"  {cls:12} P={c['precision']:.3f} R={c['recall']:.3f} F1={c['f1']:.3f} "
                f"n={c['support']}"
            )

        def fmt(value: float | None) -> str:
            return "n/a" if value is None else f"{value:.3f}"

        print(
            f"  macro-F1={summary['macro_f1']:.4f}  count-exact={summary['comment_count_exact']:.3f}"
            f"  comments pred/gold={summary['pred_comments']}/{summary['gold_comments']}"
            f"  author={fmt(summary['author_accuracy'])} date={fmt(summary['date_accuracy'])}"
            f" parent={fmt(summary['parent_accuracy'])}"
        )
    print("== worst dumps")
    for page in report["worst"]:
        print(
            f"  {page['macro_f1']:.3f}  errors={page['errors']:3}  comments={page['comments']:7}"
            f"  {page['file']}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
