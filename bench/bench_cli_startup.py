"""How long `blogtext --help` and `blogtext --version` take (target < 0.3 s).

Run: .venv/bin/python bench/bench_cli_startup.py [--runs 10]
Spawns the installed console script, so the number includes interpreter start-up.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    executable = shutil.which("blogtext", path=str(Path(sys.executable).parent)) or "blogtext"
    for argv in (["--help"], ["--version"]):
        times = []
        for _ in range(args.runs):
            start = time.perf_counter()
            subprocess.run([executable, *argv], check=True, capture_output=True)
            times.append(time.perf_counter() - start)
        print(
            f"blogtext {' '.join(argv):10} median {statistics.median(times):.3f} s"
            f"  min {min(times):.3f} s  max {max(times):.3f} s  (target < 0.3 s)"
        )


if __name__ == "__main__":
    main()
