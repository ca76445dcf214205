"""``kill -9`` at any moment, then a rerun: no lost, duplicated or half-written files or rows."""

from __future__ import annotations

import csv
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
from batch_samples import write_corpus

pytestmark = pytest.mark.model

POSTS = 60
COMMAND = [sys.executable, "-c", "from blogtext.cli.main import main; main()", "analyze"]


def start(corpus: Path, out: Path, log: Path) -> subprocess.Popen[bytes]:
    """The run as a subprocess; output goes to a file (a pipe would block on stray holders)."""
    env = {**os.environ, "CI": "1"}  # plain log lines, no progress bar
    with log.open("wb") as handle:
        return subprocess.Popen(
            [*COMMAND, str(corpus), "-o", str(out), "--jobs", "2"],
            stdout=handle,
            stderr=subprocess.STDOUT,
            env=env,
        )


def descendants(pid: int) -> set[int]:
    """Pids of every live process below ``pid`` (from /proc)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            parents[int(entry.name)] = int(fields[1])
    found, frontier = set(), {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def kill_when(process: subprocess.Popen[bytes], ready, timeout: float = 120.0) -> None:
    """SIGKILL ``process`` (only the main process, as ``kill -9`` does) once ``ready()``."""
    deadline = time.monotonic() + timeout
    while not ready() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    children = descendants(process.pid)
    process.send_signal(signal.SIGKILL)
    process.wait()
    # Workers notice their parent is gone and exit; none may linger writing files.
    deadline = time.monotonic() + 10
    while any(alive(pid) for pid in children) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [pid for pid in children if alive(pid)], "worker processes outlived the run"


def json_count(out: Path) -> int:
    return len(list((out / "posts").glob("*.json"))) if (out / "posts").is_dir() else 0


def test_kill_and_resume_completes_the_work_exactly_once(tmp_path):
    from blogtext.batch.cache import code_fingerprint

    fingerprint = code_fingerprint.__wrapped__()
    corpus, out = tmp_path / "corpus", tmp_path / "reports"
    write_corpus(corpus, POSTS)
    (corpus / "kaputt.txt").write_bytes(b"\x00\xff" * 50)  # one input that fails

    log = tmp_path / "run.log"
    kill_when(start(corpus, out, log), lambda: json_count(out) >= 1)  # in the middle of writing
    kill_when(start(corpus, out, log), lambda: json_count(out) >= 40)
    final = start(corpus, out, log)
    final.wait(timeout=300)
    stderr = log.read_text("utf-8")
    assert final.returncode == 1, stderr  # 1: one input failed, everything else written

    ids = {p.stem for p in (out / "posts").glob("*.json")}
    assert len(ids) == POSTS
    for post_id in ids:
        report = json.loads((out / "posts" / f"{post_id}.json").read_text("utf-8"))
        assert report["id"] == post_id and "findings" in report
        for ext in ("md", "html"):
            assert (out / "posts" / f"{post_id}.{ext}").read_text("utf-8").strip()
    assert (out / "posts" / f"{post_id}.html").read_text("utf-8").rstrip().endswith("</html>")
    for table in ("csv", "parquet"):
        posts = (
            pd.read_csv(out / "corpus" / "posts.csv")
            if table == "csv"
            else pd.read_parquet(out / "corpus" / "posts.parquet")
        )
        assert len(posts) == POSTS and set(posts["post_id"]) == ids
        findings = pd.read_parquet(out / "corpus" / "findings.parquet")
        assert set(findings["post_id"]) <= ids
        assert not findings.duplicated(["post_id", "index"]).any()
    assert not list(out.rglob("*.tmp"))
    with (out / "errors.csv").open(encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["input", "problem"] and len(rows) == 2 and rows[1][0].endswith("kaputt.txt")

    done = re.search(r"(\d+) analysed, (\d+) from cache", stderr)
    assert done, stderr
    analysed, reused = map(int, done.groups())
    assert analysed + reused == POSTS
    if code_fingerprint.__wrapped__() == fingerprint:  # code edited meanwhile: no reuse
        assert reused > 0, "the rerun did not resume from the work already done"
