"""`blogtext analyze` on the command line, and the progress observers (stand-in analyzer)."""

from __future__ import annotations

import io

from batch_samples import write_corpus
from click.testing import CliRunner

from blogtext.batch.progress import LogProgress, RichProgress, choose_observer
from blogtext.batch.runner import BatchSummary
from blogtext.cli.main import cli


def test_cli_analyze_writes_reports_and_exits_0(tmp_path, fake_analyzer, monkeypatch):
    monkeypatch.setenv("CI", "1")
    write_corpus(tmp_path / "in", 3)
    result = CliRunner().invoke(
        cli,
        ["analyze", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--jobs", "1"],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    assert "3 post(s) in the report (3 analysed, 0 from cache), 0 input(s) failed" in result.stderr
    assert (tmp_path / "out" / "index.html").is_file()


def test_cli_analyze_exits_1_when_an_input_failed(tmp_path, fake_analyzer, monkeypatch):
    monkeypatch.setenv("CI", "1")
    write_corpus(tmp_path / "in", 2)
    (tmp_path / "in" / "leer.txt").write_bytes(b"")
    args = [
        "analyze",
        str(tmp_path / "in"),
        "-o",
        str(tmp_path / "out"),
        "-j",
        "1",
        "--formats",
        "json,md",
    ]
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert result.exit_code == 1
    assert "leer.txt: file is empty" in result.stderr
    assert not list((tmp_path / "out" / "posts").glob("*.html"))


def test_cli_analyze_rejects_unknown_formats(tmp_path):
    result = CliRunner().invoke(cli, ["analyze", str(tmp_path), "--formats", "json,pdf"])
    assert result.exit_code == 2 and "pdf" in result.stderr


def test_progress_log_lines_without_a_terminal():
    stream = io.StringIO()
    observer = LogProgress(stream, interval=0)
    observer.started(10)
    observer.advanced(5, 1)
    observer.failed("a.txt", "file is empty [bold]x[/bold]")
    observer.stage("writing corpus tables and dashboard")
    text = stream.getvalue()
    assert "analysing about 10 post(s)" in text and "5/10 done, 1 failed" in text and "ETA" in text
    assert "error: a.txt: file is empty [bold]x[/bold]" in text
    assert isinstance(choose_observer(io.StringIO()), LogProgress)


def test_progress_bar_runs_through_a_whole_run(tmp_path, capsys):
    observer = RichProgress()
    observer.started(2)
    observer.advanced(1, 0)
    observer.advanced(3, 1)  # more than estimated: the total grows
    observer.failed("[red]b.txt", "kaputt")
    observer.stage("writing corpus tables and dashboard")
    observer.finished(BatchSummary(tmp_path))
    assert "[red]b.txt: kaputt" in capsys.readouterr().err
