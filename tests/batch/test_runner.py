"""The batch runner: outputs, cache, failures, pruning (with a stand-in analyzer, no spaCy)."""

from __future__ import annotations

import csv
import json
import re
import sqlite3

import pandas as pd
import pytest
from batch_samples import FAKE_PIPELINE, post_text, write_corpus

from blogtext.batch.runner import BatchOptions, run_batch


def run(corpus, out, **options):
    return run_batch([corpus], options=BatchOptions(out, jobs=1, **options))


def errors(out):
    with (out / "errors.csv").open(encoding="utf-8") as handle:
        return list(csv.reader(handle))[1:]


def test_runner_writes_every_output(tmp_path, fake_analyzer):
    write_corpus(tmp_path / "in", 5)
    out = tmp_path / "out"
    summary = run(tmp_path / "in", out)
    assert (summary.posts, summary.analysed, summary.reused, summary.failures) == (5, 5, 0, [])
    ids = sorted(p.stem for p in (out / "posts").glob("*.json"))
    assert len(ids) == 5
    for ext in ("md", "html"):
        assert sorted(p.stem for p in (out / "posts").glob(f"*.{ext}")) == ids
    for name in ("posts", "findings", "comments", "quotes", "themes"):
        assert (out / "corpus" / f"{name}.csv").is_file() and (
            out / "corpus" / f"{name}.parquet"
        ).is_file()
    posts = pd.read_parquet(out / "corpus" / "posts.parquet")
    assert posts["post_id"].tolist() == ids  # input order (files sorted by name)
    assert len(pd.read_csv(out / "corpus" / "findings.csv")) == 5
    assert (out / "index.html").read_text().count("<section") >= 8
    assert errors(out) == []
    assert json.loads((out / "posts" / f"{ids[0]}.json").read_text())["schema_version"] == "1"


def test_runner_rerun_comes_from_cache(tmp_path, fake_analyzer):
    write_corpus(tmp_path / "in", 4)
    out = tmp_path / "out"
    run(tmp_path / "in", out)
    fake_analyzer.analysed.clear()
    summary = run(tmp_path / "in", out)
    assert (summary.analysed, summary.reused, summary.posts) == (0, 4, 4)
    assert fake_analyzer.analysed == []
    summary = run(tmp_path / "in", out, use_cache=False)
    assert (summary.analysed, summary.reused) == (4, 0)


def test_runner_rerenders_missing_files_from_cache(tmp_path, fake_analyzer):
    write_corpus(tmp_path / "in", 3)
    out = tmp_path / "out"
    run(tmp_path / "in", out)
    victim = next((out / "posts").glob("*.html"))
    victim.unlink()
    fake_analyzer.analysed.clear()
    summary = run(tmp_path / "in", out)
    assert victim.is_file() and fake_analyzer.analysed == [] and summary.reused == 3


def test_runner_failures_become_error_rows_and_the_run_goes_on(tmp_path, fake_analyzer):
    corpus = tmp_path / "in"
    write_corpus(corpus, 3)
    (corpus / "kaputt.txt").write_text("Titel\n\nDieser Beitrag ist KAPUTT.\n", "utf-8")
    (corpus / "leer.txt").write_text("Titel\n\nLEER\n", "utf-8")
    (corpus / "binaer.txt").write_bytes(b"\x00\x01\x02" * 100)
    out = tmp_path / "out"
    summary = run(corpus, out)
    assert summary.posts == 3
    rows = dict((name.rsplit("/", 1)[-1], problem) for name, problem in errors(out))
    assert set(rows) == {"kaputt.txt", "leer.txt", "binaer.txt"}
    assert "ZeroDivisionError: kaputt" in rows["kaputt.txt"]
    assert rows["leer.txt"] == "article body is empty"
    assert len(pd.read_parquet(out / "corpus" / "posts.parquet")) == 3


def test_runner_prunes_reports_of_vanished_or_changed_inputs(tmp_path, fake_analyzer):
    corpus = tmp_path / "in"
    paths = write_corpus(corpus, 3)
    out = tmp_path / "out"
    run(corpus, out)
    paths[0].unlink()
    paths[1].write_text(post_text(1) + "Ein neuer Absatz.\n", "utf-8")  # new content → new id
    summary = run(corpus, out)
    assert summary.posts == 2
    ids = {p.stem for p in (out / "posts").glob("*.json")}
    assert ids == set(pd.read_parquet(out / "corpus" / "posts.parquet")["post_id"])
    assert len(list((out / "posts").iterdir())) == 6


def test_runner_formats_json_only_removes_other_files(tmp_path, fake_analyzer):
    write_corpus(tmp_path / "in", 2)
    out = tmp_path / "out"
    run(tmp_path / "in", out)
    run(tmp_path / "in", out, formats=("json",))
    assert {p.suffix for p in (out / "posts").iterdir()} == {".json"}


def test_runner_duplicate_ids_are_errors(tmp_path, fake_analyzer):
    corpus = tmp_path / "in"
    (corpus / "a").mkdir(parents=True)
    (corpus / "b").mkdir()
    for folder in ("a", "b"):
        (corpus / folder / "gleich.txt").write_text(post_text(7), "utf-8")
    summary = run(corpus, tmp_path / "out")
    assert summary.posts == 1
    [(location, problem)] = summary.failures
    assert location.endswith("b/gleich.txt") and "duplicate post id" in problem


def test_runner_skips_its_own_output_directory(tmp_path, fake_analyzer):
    write_corpus(tmp_path, 2)
    out = tmp_path / "reports"
    run(tmp_path, out)
    summary = run(tmp_path, out)  # reports/ now holds .md/.html/.csv files: not inputs
    assert (summary.posts, summary.failures) == (2, [])


def test_runner_cleans_leftover_temporary_files(tmp_path, fake_analyzer):
    write_corpus(tmp_path / "in", 1)
    out = tmp_path / "out"
    (out / "posts").mkdir(parents=True)
    (out / "posts" / ".x.json.abc.tmp").write_text("{", "utf-8")
    (out / "corpus").mkdir()
    (out / "corpus" / ".posts.csv.123.tmp").write_text("half", "utf-8")
    run(tmp_path / "in", out)
    assert not list(out.rglob("*.tmp"))


def test_runner_refuses_a_second_run_on_the_same_directory(tmp_path, fake_analyzer):
    from blogtext.batch._outputs import OutputDir
    from blogtext.errors import BlogtextError

    write_corpus(tmp_path / "in", 1)
    with OutputDir(tmp_path / "out"), pytest.raises(BlogtextError, match="another"):
        run(tmp_path / "in", tmp_path / "out")


def test_cache_is_sqlite_wal(tmp_path, fake_analyzer):
    write_corpus(tmp_path / "in", 2)
    run(tmp_path / "in", tmp_path / "out")
    db = sqlite3.connect(tmp_path / "out" / ".cache" / "cache.sqlite")
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("SELECT count(*) FROM reports").fetchone()[0] == 2


def test_cache_key_changes_with_settings_content_and_pipeline(tmp_path):
    from blogtext.batch.cache import cache_key, run_fingerprint
    from blogtext.config import Settings
    from blogtext.ingest import read_inputs
    from blogtext.model import PipelineInfo

    [path] = write_corpus(tmp_path, 1)
    [post] = list(read_inputs([path]))
    base = cache_key(post, run_fingerprint(Settings(), FAKE_PIPELINE))
    assert base == cache_key(post, run_fingerprint(Settings(source="other.toml"), FAKE_PIPELINE))
    assert base != cache_key(post, run_fingerprint(Settings(style="stern"), FAKE_PIPELINE))
    newer = PipelineInfo(name="de_fake", version="1.1", path="/nowhere")
    assert base != cache_key(post, run_fingerprint(Settings(), newer))
    path.write_text(post_text(0) + "Mehr.\n", "utf-8")
    [changed] = list(read_inputs([path]))
    assert base != cache_key(changed, run_fingerprint(Settings(), FAKE_PIPELINE))


def table_files(out):
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in (out / "corpus").iterdir()}


def dashboard(out):
    return re.sub(r"Erstellt [^.<]*\.", "Erstellt X.", (out / "index.html").read_text("utf-8"))


def test_runner_rerun_keeps_unchanged_tables_and_writes_the_dashboard(tmp_path, fake_analyzer):
    corpus, out = tmp_path / "in", tmp_path / "out"
    write_corpus(corpus, 4)
    (corpus / "leer.txt").write_text("Titel\n\nLEER\n", "utf-8")
    run(corpus, out)
    tables, page = table_files(out), dashboard(out)
    summary = run(corpus, out)
    assert (summary.reused, summary.posts, len(summary.failures)) == (4, 4, 1)
    assert table_files(out) == tables  # not even rewritten
    assert dashboard(out) == page and errors(out)[0][1] == "article body is empty"
    run(corpus, out, use_cache=False)  # rebuilds everything: the same text
    assert {n: b for n, (b, _) in table_files(out).items()} == {
        n: b for n, (b, _) in tables.items()
    }
    assert dashboard(out) == page


def test_runner_rebuilds_tables_changed_on_disk(tmp_path, fake_analyzer):
    write_corpus(tmp_path / "in", 3)
    out = tmp_path / "out"
    run(tmp_path / "in", out)
    tables = {name: data for name, (data, _) in table_files(out).items()}
    (out / "corpus" / "findings.csv").unlink()
    (out / "corpus" / "posts.csv").write_text("edited\n", "utf-8")
    run(tmp_path / "in", out)
    assert {name: data for name, (data, _) in table_files(out).items()} == tables


def test_runner_never_trusts_tables_of_an_interrupted_rebuild(tmp_path, fake_analyzer, monkeypatch):
    from blogtext.batch.cache import ReportCache

    write_corpus(tmp_path / "a", 3)
    write_corpus(tmp_path / "b", 2)
    out = tmp_path / "out"
    run(tmp_path / "a", out)
    tables = {name: data for name, (data, _) in table_files(out).items()}
    record = ReportCache.set_corpus_state

    def killed_after_the_tables(cache, fingerprint, summary=""):
        if fingerprint is not None:
            raise KeyboardInterrupt  # the tables of b are in place, their record is not
        record(cache, fingerprint, summary)

    monkeypatch.setattr(ReportCache, "set_corpus_state", killed_after_the_tables)
    with pytest.raises(KeyboardInterrupt):
        run(tmp_path / "b", out)
    monkeypatch.setattr(ReportCache, "set_corpus_state", record)
    assert len(pd.read_csv(out / "corpus" / "posts.csv")) == 2
    run(tmp_path / "a", out)  # a's record was forgotten before b's tables replaced a's
    assert {name: data for name, (data, _) in table_files(out).items()} == tables


def test_keep_freed_memory_raises_glibcs_thresholds(monkeypatch: pytest.MonkeyPatch) -> None:
    import ctypes
    import sys
    from types import SimpleNamespace

    from blogtext.batch import worker

    calls: list[tuple[int, int]] = []

    def mallopt(param: int, value: int) -> int:
        calls.append((param, value))
        return 1

    monkeypatch.setattr(ctypes, "CDLL", lambda name: SimpleNamespace(mallopt=mallopt))
    monkeypatch.setattr(sys, "platform", "linux")
    worker.keep_freed_memory()
    # M_MMAP_THRESHOLD at glibc's 32 MiB limit, M_TRIM_THRESHOLD far above a batch's buffers.
    assert calls == [(-3, 32 * 1024 * 1024), (-1, 1 << 30)]
    calls.clear()
    monkeypatch.setattr(sys, "platform", "darwin")
    worker.keep_freed_memory()
    assert calls == []
