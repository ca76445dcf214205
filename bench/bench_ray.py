"""Posts/s of `blogtext analyze --engine ray` (local Ray, 2 CPUs) against the local engine, --jobs 2.

Run: .venv/bin/python bench/bench_ray.py [--size 200] [--repeat 1]

Both engines analyse the same corpus of N posts (built from `corpus/` with a small unique edit
per post, as in `bench_analyze.py`), with `--no-cache` and all per-post formats, each in a fresh
process. Reported per engine:

* end to end: wall time of the whole process (imports, Ray start-up and shut-down, pipeline
  loads, analysis, files, tables, dashboard) → posts/s;
* run: the time `run_batch`/`run_ray` takes (for Ray without starting/stopping the instance);
* steady: posts/s between the first and the last post finished — the throughput once every
  worker has its pipeline loaded, i.e. what scales with the number of workers (posts/s per
  worker = steady / workers). Ray hands results to the driver in bursts (blocks of a batch, and
  its first ones only after every actor has started), which flatters this figure for Ray;
  compare the engines by "run" first.

The outputs of both runs are compared (per-post JSON files must be identical).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))

from bench_analyze import OUT, build_corpus  # noqa: E402 - the shared benchmark corpus

WORKERS = 2


class _Clock:
    """Batch observer that notes when the first and the last post were finished."""

    def __init__(self) -> None:
        self.first: float | None = None
        self.last: float | None = None
        self.first_done = self.done = 0

    def started(self, estimate: int | None) -> None: ...
    def failed(self, location: str, problem: str) -> None: ...
    def stage(self, message: str) -> None: ...
    def finished(self, summary: object) -> None: ...

    def advanced(self, done: int, failed: int) -> None:
        now = time.perf_counter()
        if self.first is None:
            self.first, self.first_done = now, done
        self.last, self.done = now, done


def child(engine: str, corpus: Path, out: Path) -> None:
    """One measured run in this process; prints a JSON line."""
    start = time.perf_counter()
    from blogtext.batch.runner import BatchOptions, run_batch
    from blogtext.config import Settings

    options = BatchOptions(out, jobs=WORKERS, use_cache=False)
    clock = _Clock()
    if engine == "ray":
        from blogtext.distributed import RayOptions, run_ray

        summary = run_ray([corpus], Settings(), options, RayOptions(num_cpus=WORKERS), clock)
    else:
        summary = run_batch([corpus], Settings(), options, clock)
    assert clock.first is not None and clock.last is not None
    steady = (clock.done - clock.first_done) / max(clock.last - clock.first, 1e-9)
    print(
        json.dumps(
            {
                "posts": summary.posts,
                "failures": len(summary.failures),
                "run_seconds": summary.seconds,
                "steady_posts_per_s": steady,
                "in_process_seconds": time.perf_counter() - start,
            }
        )
    )


def measure(engine: str, corpus: Path, out: Path) -> dict[str, float]:
    """Run the child for ``engine`` in a fresh process; its numbers plus the wall time."""
    shutil.rmtree(out, ignore_errors=True)
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, __file__, "--child", engine, str(corpus), str(out)],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        sys.exit(f"{engine} run failed:\n{done.stderr[-3000:]}")
    wall = time.perf_counter() - start
    result = json.loads(done.stdout.strip().splitlines()[-1])
    return {**result, "wall_seconds": wall}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--size", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=1, help="runs per engine (best is shown)")
    parser.add_argument(
        "--child", nargs=3, metavar=("ENGINE", "CORPUS", "OUT"), help=argparse.SUPPRESS
    )
    args = parser.parse_args()
    if args.child:
        child(args.child[0], Path(args.child[1]), Path(args.child[2]))
        return

    corpus = build_corpus(args.size)
    print(f"corpus: {args.size} posts in {corpus.relative_to(REPO)}; {WORKERS} workers each")
    print(f"{'engine':<22}{'end to end':>22}{'run':>20}{'steady':>14}{'per worker':>13}")
    results = {}
    for engine, label in (("local", "local --jobs 2"), ("ray", "ray, local 2 CPUs")):
        runs = [measure(engine, corpus, OUT / f"ray-bench-{engine}") for _ in range(args.repeat)]
        best = min(runs, key=lambda r: r["wall_seconds"])
        results[engine] = best
        n = best["posts"]
        print(
            f"{label:<22}{best['wall_seconds']:>7.1f} s {n / best['wall_seconds']:>6.1f} posts/s"
            f"{best['run_seconds']:>6.1f} s {n / best['run_seconds']:>6.1f} p/s"
            f"{best['steady_posts_per_s']:>8.1f} p/s{best['steady_posts_per_s'] / WORKERS:>8.1f} p/s"
        )
    local_files = sorted((OUT / "ray-bench-local" / "posts").glob("*.json"))
    same = all(
        path.read_bytes() == (OUT / "ray-bench-ray" / "posts" / path.name).read_bytes()
        for path in local_files
    )
    print(f"per-post JSON identical: {same} ({len(local_files)} files)")
    ratio = results["ray"]["steady_posts_per_s"] / results["local"]["steady_posts_per_s"]
    print(f"steady-state ray / local: {ratio:.2f}")


if __name__ == "__main__":
    main()
