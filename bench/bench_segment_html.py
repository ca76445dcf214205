"""Benchmark the HTML segmenter: seconds per page on the shared corpus and on hostile pages.

Target (issue 3): at most 0.05 s per page on average. Reports wall-clock and CPU time
(``time.process_time``; steadier than wall time on a shared, loaded machine), the best of
``--repeat`` runs per page, plus synthetic hostile pages (deep nesting, a huge page,
broken markup, a long single-line text) that must finish in bounded time.

Usage: ``python bench/bench_segment_html.py [--shared ../shared] [--repeat 3]``
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from blogtext.model import Post
from blogtext.segment.html import segment_html

TARGET_SECONDS = 0.05


def _post(text: str) -> Post:
    return Post(
        id="bench", path="bench.html", format="html", encoding="utf-8", text=text, sha256=""
    )


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", "replace")


def _best_of(fn: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Best (wall, cpu) seconds of ``repeat`` runs."""
    walls, cpus = [], []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        fn()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return min(walls), min(cpus)


def hostile_pages() -> dict[str, str]:
    """Synthetic pages that once broke HTML tools: depth, size, broken and odd markup."""
    paragraph = "<p>Ein Absatz mit genug Text, damit er als Inhalt zählt, und noch etwas mehr.</p>"
    comment = (
        '<li class="comment" id="comment-{i}"><div class="comment-author"><b class="fn">'
        'Leser {i}</b></div><div class="comment-content"><p>Kommentar {i}</p></div>'
        '<ul class="children">'
    )
    return {
        "deep-10000-divs": "<html><body>" + "<div>" * 10_000 + "Text" + "</div>" * 10_000,
        "deep-2000-nested-comments": '<ol class="commentlist">'
        + "".join(comment.format(i=i) for i in range(2_000)),
        "huge-5MB": "<html><body><article>" + paragraph * 65_000 + "</article></body></html>",
        "broken-tags": "<html><body><p>Text <b><i>kaputt</b></i><div></p><li>" * 2_000,
        "single-line-2MB-no-tags": "wort " * 400_000,
        "unclosed-attributes": '<div class="comment" id="x' + "a" * 100_000 + "<p>Text",
        "empty": "",
    }


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print a table; returns 0."""
    default_shared = Path(__file__).resolve().parents[1].parent / "shared"
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=default_shared)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    segment_html(_post("<p>warm-up: imports trafilatura</p>"))
    pages = sorted((args.shared / "extraction-corpus").glob("*.html"))
    walls, cpus = [], []
    for path in pages:
        text = _decode(path.read_bytes())
        wall, cpu = _best_of(lambda text=text: segment_html(_post(text)), args.repeat)
        walls.append(wall)
        cpus.append(cpu)
        print(f"{path.name[:50]:50} {len(text) / 1e3:7.0f} kB  wall {wall:.3f}s  cpu {cpu:.3f}s")
    if pages:
        print(
            f"\ncorpus: {len(pages)} pages, mean wall {statistics.mean(walls):.4f} s/page, "
            f"mean cpu {statistics.mean(cpus):.4f} s/page, max wall {max(walls):.3f} s "
            f"(target ≤ {TARGET_SECONDS} s/page on average)"
        )
    print("\nhostile pages:")
    for name, text in hostile_pages().items():
        wall, cpu = _best_of(lambda text=text: segment_html(_post(text)), 1)
        print(f"{name:30} {len(text) / 1e6:6.2f} MB  wall {wall:.3f}s  cpu {cpu:.3f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
