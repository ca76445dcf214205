"""The engine hook of the batch runner and the Ray engine's parts that need no Ray."""

from __future__ import annotations

import sys
from pathlib import Path

import pyarrow as pa
import pytest
from click.testing import CliRunner
from ray_samples import write_posts

from blogtext.batch import _sink
from blogtext.batch.runner import BatchOptions
from blogtext.batch.worker import WorkItem, WorkResult
from blogtext.cli.main import cli
from blogtext.config import Settings
from blogtext.model import PipelineInfo
from blogtext.report.json import dumps

FAKE_PIPELINE = PipelineInfo(name="de_fake", version="1.0", path="/nowhere")


def _result(item: WorkItem, title: str) -> WorkResult:
    report = {"schema_version": "1", "id": item.post.id, "title": title}
    return WorkResult(
        item.seq, item.post.id, item.post.location, item.key, report, {"json": dumps(report)}
    )


class TwiceEngine:
    """Delivers every result twice (as a retried task may) and never answers for post 3."""

    def run(self, items, settings, formats, pipeline, on_results):
        for item in items:
            if item.post.id.startswith("beitrag-003"):
                continue
            on_results([_result(item, "erste Antwort"), _result(item, "zweite Antwort")])
            on_results([_result(item, "dritte Antwort")])


def test_sink_keeps_the_first_result_per_post_and_lists_missing_ones(tmp_path, monkeypatch):
    monkeypatch.setattr(_sink, "require_pipeline", lambda model=None: FAKE_PIPELINE)
    write_posts(tmp_path / "inputs", 5)
    summary = _sink.run_batch_with(
        TwiceEngine(), [tmp_path / "inputs"], Settings(), BatchOptions(tmp_path / "out")
    )
    assert summary.posts == 4
    assert [problem for _, problem in summary.failures] == ["no result came back from the engine"]
    titles = [p.read_text("utf-8") for p in sorted((tmp_path / "out" / "posts").glob("*.json"))]
    assert len(titles) == 4 and all("erste Antwort" in text for text in titles)
    rows = (tmp_path / "out" / "corpus" / "posts.csv").read_text("utf-8").splitlines()
    assert len(rows) == 1 + 4


def test_cli_engine_ray_without_ray_exits_2(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "ray", None)  # import ray → ImportError
    write_posts(tmp_path / "inputs", 1)
    result = CliRunner().invoke(
        cli, ["analyze", "--engine", "ray", str(tmp_path / "inputs"), "-o", str(tmp_path / "o")]
    )
    assert result.exit_code == 2
    assert 'pip install "blogtext[ray]"' in result.output
    assert not (tmp_path / "o").exists()


def test_cli_ray_options_need_engine_ray(tmp_path):
    result = CliRunner().invoke(
        cli, ["analyze", "--ray-concurrency", "2", str(tmp_path), "-o", str(tmp_path / "o")]
    )
    assert result.exit_code == 2
    assert "need --engine ray" in result.output


@pytest.mark.model
def test_actor_analyses_a_batch_and_reports_a_foreign_build(tmp_path):
    """The map_batches callable, called directly: results per row, or fatal rows on a node
    whose blogtext/pipeline differs from the driver's."""
    from blogtext.distributed._actor import (
        ITEM_SCHEMA,
        PostAnalyzer,
        build_label,
        decode_results,
        encode_items,
    )
    from blogtext.ingest import read_inputs
    from blogtext.nlp.model import require_pipeline

    write_posts(tmp_path / "inputs", 2)
    posts = list(read_inputs([tmp_path / "inputs"]))
    items = [WorkItem(i, post, f"key{i}") for i, post in enumerate(posts)]
    batch = pa.Table.from_pylist(encode_items(items), schema=ITEM_SCHEMA)
    build = build_label(require_pipeline())

    results, fatal = decode_results(PostAnalyzer(Settings(), ("json",), build)(batch))
    assert fatal is None
    assert [r.post_id for r in results] == [p.id for p in posts]
    assert all(r.report is not None and set(r.files) == {"json"} for r in results)

    stranger = PostAnalyzer(Settings(), ("json",), "blogtext 9.9 with another pipeline")
    results, fatal = decode_results(stranger(batch))
    assert results == [] and fatal is not None and "same blogtext version" in fatal


def test_ray_options_default_batch_matches_local_chunks():
    from blogtext.distributed import RayOptions

    assert RayOptions().batch_size == BatchOptions(Path(".")).chunk_posts


def test_ray_engine_retries_lost_posts_alone_then_lists_them(tmp_path):
    """Posts whose batch never came back are retried one per task; still lost → an error row."""
    from blogtext.distributed.ray_engine import RayEngine, RayOptions
    from blogtext.ingest import read_inputs

    write_posts(tmp_path / "inputs", 5)
    items = [WorkItem(i, p, f"k{i}") for i, p in enumerate(read_inputs([tmp_path / "inputs"]))]
    calls: list[tuple[list[int], int]] = []

    class Engine(RayEngine):
        def _run_dataset(self, window, batch_size, actor_kwargs, on_results):
            calls.append(([item.seq for item in window], batch_size))
            # First pass: posts 1 and 3 are lost; alone, post 3 is lost again.
            lost = {1, 3} if batch_size > 1 else {3}
            on_results([_result(item, "ok") for item in window if item.seq not in lost])
            return [item for item in window if item.seq in lost]

    delivered: list[WorkResult] = []
    Engine(RayOptions(batch_size=4, window_posts=3), 2).run(
        iter(items), Settings(), ("json",), FAKE_PIPELINE, delivered.extend
    )
    assert calls == [([0, 1, 2], 4), ([1], 1), ([3, 4], 4), ([3], 1)]
    assert [(r.seq, r.problem is None) for r in delivered] == [
        (0, True), (2, True), (1, True), (4, True), (3, False)
    ]  # fmt: skip
    assert "died" in (delivered[-1].problem or "")


def test_ray_address_nobody_listens_on_fails_fast():
    import socket

    from blogtext.distributed.ray_engine import _check_reachable
    from blogtext.errors import BlogtextError

    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]  # bound, not listening: connections are refused
        with pytest.raises(BlogtextError, match="ray start --head"):
            _check_reachable(f"127.0.0.1:{port}", timeout=2)
    _check_reachable("auto")  # left to Ray
