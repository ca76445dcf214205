"""The Ray engine on a local Ray instance with 2 CPUs: same outputs as the local engine, and a
worker killed mid-run is retried without losing or duplicating posts.

Skipped when Ray is not installed (``pip install -e ".[dev,ray]"``).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pandas as pd
import pytest
from ray_samples import mixed_corpus, post_files, sorted_tables, write_posts

pytest.importorskip("ray.data")

from blogtext.batch.runner import BatchOptions
from blogtext.config import Settings
from blogtext.distributed import RayOptions, run_ray
from blogtext.distributed.ray_engine import import_ray
from blogtext.errors import BlogtextError

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def ray_cluster():
    """A private local Ray instance with 2 CPUs for the in-process tests of this module."""
    ray = import_ray()
    ray.init(address="local", num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield ray
    ray.shutdown()


def _analyze(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "blogtext", "analyze", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_ray_engine_outputs_equal_local_engine(tmp_path):
    """Same corpus through ``--engine ray`` (its own local Ray instance) and the local engine:
    identical per-post files, corpus tables and errors.csv."""
    corpus = mixed_corpus(tmp_path / "inputs")
    local = _analyze([str(corpus), "-o", str(tmp_path / "local"), "--jobs", "2"], tmp_path)
    ray = _analyze(
        [str(corpus), "-o", str(tmp_path / "ray"), "--engine", "ray", "--jobs", "2",
         "--ray-batch-size", "3"],
        tmp_path,
    )  # fmt: skip
    # Two inputs fail (one when read, one on the worker): exit 1, the rest is written.
    assert (local.returncode, ray.returncode) == (1, 1), ray.stderr
    local_files, ray_files = post_files(tmp_path / "local"), post_files(tmp_path / "ray")
    assert len(local_files) == 3 * 16  # json, md, html of 16 posts
    assert ray_files == local_files
    local_tables, ray_tables = sorted_tables(tmp_path / "local"), sorted_tables(tmp_path / "ray")
    for name, frame in local_tables.items():
        pd.testing.assert_frame_equal(ray_tables[name], frame, check_exact=True, obj=name)
    for table in ("posts", "findings", "comments"):
        csv = f"corpus/{table}.csv"
        local_rows = sorted((tmp_path / "local" / csv).read_text("utf-8").splitlines())
        assert sorted((tmp_path / "ray" / csv).read_text("utf-8").splitlines()) == local_rows
    errors = (tmp_path / "ray" / "errors.csv").read_text("utf-8")
    assert errors == (tmp_path / "local" / "errors.csv").read_text("utf-8")
    assert "leer.txt,file is empty" in errors
    assert 'zu-lang.txt,"article body has' in errors  # failed on a Ray worker: a row all the same


def _kill_one_actor(pid_dir: Path, posts_dir: Path, killed: dict[str, int]) -> None:
    """Once the run is under way, SIGKILL the process of one analysis actor."""
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        markers = sorted(pid_dir.iterdir())
        done = len(list(posts_dir.glob("*.json"))) if posts_dir.is_dir() else 0
        if markers and done >= 4:
            pid = int(markers[0].read_text())
            os.kill(pid, signal.SIGKILL)
            killed.update(pid=pid, done=done)
            return
        time.sleep(0.05)


def test_ray_engine_survives_a_killed_worker(tmp_path, ray_cluster):
    """A worker process killed during the run: Ray restarts the actor and retries its batch;
    every post ends up exactly once in the tables, with no errors."""
    total = 80
    write_posts(tmp_path / "inputs", total)
    pid_dir = tmp_path / "actors"
    pid_dir.mkdir()
    out = tmp_path / "out"
    options = RayOptions(batch_size=2, concurrency=2, actor_pid_dir=pid_dir)
    killed: dict[str, int] = {}
    killer = threading.Thread(
        target=_kill_one_actor, args=(pid_dir, out / "posts", killed), daemon=True
    )
    killer.start()
    summary = run_ray([tmp_path / "inputs"], Settings(), BatchOptions(out), options)
    killer.join(timeout=5)

    assert killed, "no actor was killed"
    assert killed["done"] < total, "the run had finished before the kill"
    assert len(list(pid_dir.iterdir())) >= 3, "no replacement actor was started"
    assert (summary.posts, summary.failures) == (total, [])
    posts = sorted_tables(out)["posts"]
    assert len(posts) == total and posts["post_id"].is_unique
    assert len(list((out / "posts").glob("*.json"))) == total
    assert (out / "errors.csv").read_text("utf-8") == "input,problem\n"

    # A rerun over the unchanged corpus comes from the cache: no post goes to Ray again.
    again = run_ray([tmp_path / "inputs"], Settings(), BatchOptions(out), options)
    assert (again.posts, again.analysed, again.reused) == (total, 0, total)
    pd.testing.assert_frame_equal(sorted_tables(out)["posts"], posts)


def test_ray_engine_stops_when_a_node_runs_other_code(tmp_path, ray_cluster, monkeypatch):
    """A worker whose blogtext or pipeline differs from the driver's stops the run (exit 2)."""
    import blogtext.distributed.ray_engine as ray_engine

    write_posts(tmp_path / "inputs", 2)
    monkeypatch.setattr(ray_engine, "build_label", lambda pipeline: "blogtext 0.0 with other")
    with pytest.raises(BlogtextError, match="same blogtext version and German pipeline"):
        run_ray([tmp_path / "inputs"], Settings(), BatchOptions(tmp_path / "out"), RayOptions())
