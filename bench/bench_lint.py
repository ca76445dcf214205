"""How long `blogtext lint` takes on 100 Markdown posts of ~800 words (target: ≤ 20 s cold).

Run: .venv/bin/python bench/bench_lint.py [--posts 100] [--words 800] [--out DIR]

Builds the posts from the paragraphs of the demo texts in corpus/ (each post a different
deterministic mix, with front matter, headings and a list), then runs the installed console
script twice with a fresh cache directory: the first run analyses every post (including
loading the German pipeline), the second must be served from the cache. Prints both times,
the number of findings, and the posts served from the cache.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"


def paragraphs() -> list[str]:
    """Prose paragraphs (≥ 25 words) of the plain-text and Markdown demo posts."""
    found: list[str] = []
    for path in sorted(CORPUS.glob("*")):
        if path.suffix not in (".txt", ".md") or path.stem.lower() == "readme":
            continue
        raw = path.read_bytes()
        try:
            content = raw.decode("utf-8")
        except UnicodeDecodeError:  # one demo dump is cp1252 on purpose (encoding tests)
            content = raw.decode("cp1252")
        for block in re.split(r"\n\s*\n", content):
            text = " ".join(block.split())
            if len(text.split()) >= 25 and not text.startswith(("#", "---", "<", "|", "```")):
                found.append(text)
    if not found:
        sys.exit("bench_lint: no paragraphs found in corpus/")
    return found


def build_posts(directory: Path, count: int, words: int) -> None:
    """Write ``count`` Markdown posts of about ``words`` words into ``directory``."""
    pool = paragraphs()
    directory.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        rng = random.Random(number)
        body: list[str] = []
        total = 0
        section = 1
        while total < words:
            if len(body) % 4 == 0:
                body.append(f"## Abschnitt {section}")
                section += 1
            paragraph = rng.choice(pool)
            body.append(paragraph)
            total += len(paragraph.split())
        body.insert(2, "- erster Punkt der Liste\n- zweiter Punkt der Liste")
        text = (
            f"---\ntitle: Beitrag {number + 1}\ndate: 2024-01-{number % 28 + 1:02d}\n---\n\n"
            f"# Beitrag {number + 1}\n\n" + "\n\n".join(body) + "\n"
        )
        (directory / f"beitrag-{number + 1:03d}.md").write_text(text, encoding="utf-8")


def run_in_process(posts: Path, cache: Path) -> tuple[float, dict]:
    """Lint through the library in this process (the code fingerprint is computed once)."""
    from blogtext.lint import LintOptions, lint_paths
    from blogtext.lint.json import lint_to_dict

    start = time.perf_counter()
    result = lint_paths([posts], options=LintOptions(fail_level="none", cache_dir=cache))
    return time.perf_counter() - start, lint_to_dict(result)


def run_lint(executable: str, posts: Path, cache: Path) -> tuple[float, dict]:
    start = time.perf_counter()
    completed = subprocess.run(
        [
            executable,
            "lint",
            str(posts),
            "--format",
            "json",
            "--fail-level",
            "none",
            "--cache-dir",
            str(cache),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    elapsed = time.perf_counter() - start
    if completed.returncode != 0:
        sys.exit(f"bench_lint: blogtext lint failed ({completed.returncode}): {completed.stderr}")
    return elapsed, json.loads(completed.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--posts", type=int, default=100)
    parser.add_argument("--words", type=int, default=800)
    parser.add_argument(
        "--in-process",
        action="store_true",
        help="Call lint_paths in this process instead of the console script. Use it in a work "
        "tree others are editing: the cache key includes a fingerprint of the blogtext code, "
        "so edits between two script runs (rightly) invalidate the cache.",
    )
    parser.add_argument(
        "--out", type=Path, default=None, help="Work directory (default: a temporary one)."
    )
    args = parser.parse_args()
    # Not under bench/out/: that folder is git-ignored, and lint honours .gitignore.
    args.out = args.out or Path(tempfile.mkdtemp(prefix="blogtext-bench-lint-"))
    executable = shutil.which("blogtext", path=str(Path(sys.executable).parent)) or "blogtext"
    shutil.rmtree(args.out, ignore_errors=True)
    posts, cache = args.out / "posts", args.out / "cache"
    build_posts(posts, args.posts, args.words)
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in posts.glob("*.md"))
    print(f"{args.posts} Markdown posts, {words} words in total ({words // args.posts} per post)")

    def run(posts: Path, cache: Path) -> tuple[float, dict]:
        if args.in_process:
            return run_in_process(posts, cache)
        return run_lint(executable, posts, cache)

    cold, report = run(posts, cache)
    summary = report["summary"]
    print(
        f"first run (pipeline load + analysis): {cold:6.2f} s  "
        f"{summary['findings']} findings, {summary['cached']} posts from cache  "
        f"[target ≤ 20 s: {'ok' if cold <= 20 else 'MISSED'}]"
    )
    warm, report = run(posts, cache)
    summary = report["summary"]
    print(
        f"second run (unchanged tree):          {warm:6.2f} s  "
        f"{summary['findings']} findings, {summary['cached']} of {summary['posts']} posts from cache"
    )
    print(f"pipeline: {report['tool']['pipeline']}")


if __name__ == "__main__":
    main()
