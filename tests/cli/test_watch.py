"""``blogtext check --watch``: the polling loop, and the command re-checking a saved draft."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace

from click.testing import CliRunner

from blogtext.cli._watch import stamps, watch
from blogtext.cli.main import cli


class FakeFiles:
    """A scripted file system: ``script[k]`` is applied at the k-th sleep."""

    def __init__(self, script: list[dict[str, tuple[int, int] | None]]) -> None:
        self.state: dict[str, tuple[int, int] | None] = {"entwurf.md": (1, 100)}
        self.script = script
        self.sleeps = 0

    def stat(self, path: Path) -> SimpleNamespace:
        found = self.state.get(str(path))
        if found is None:
            raise FileNotFoundError(path)
        return SimpleNamespace(st_mtime_ns=found[0], st_size=found[1])

    def sleep(self, _seconds: float) -> None:
        if self.sleeps < len(self.script):
            self.state.update(self.script[self.sleeps])
        self.sleeps += 1
        if self.sleeps > 50:
            raise KeyboardInterrupt  # the test's Ctrl-C


def run_watch(files: FakeFiles, max_runs: int | None = None) -> list[int]:
    runs_at: list[int] = []
    count = watch(
        lambda: [Path("entwurf.md")],
        lambda: runs_at.append(files.sleeps),
        sleep=files.sleep,
        stat=files.stat,  # type: ignore[arg-type]
        max_runs=max_runs,
    )
    assert count == len(runs_at)
    return runs_at


def test_runs_once_at_start_and_once_per_settled_save() -> None:
    # Nothing, then a save at poll 3, nothing, another save at poll 8.
    files = FakeFiles([{}, {}, {"entwurf.md": (2, 120)}, {}, {}, {}, {}, {"entwurf.md": (3, 90)}])
    assert run_watch(files, max_runs=3) == [0, 4, 9]


def test_a_save_in_several_steps_triggers_one_run_after_it_settles() -> None:
    # Truncate (size 0), file briefly missing, then the new content: one run, at the end.
    files = FakeFiles(
        [{"entwurf.md": (2, 0)}, {"entwurf.md": None}, {"entwurf.md": (3, 140)}, {}, {}, {}]
    )
    assert run_watch(files) == [0, 4]


def test_ctrl_c_ends_watching_normally() -> None:
    files = FakeFiles([])
    assert run_watch(files) == [0]  # interrupted after 50 quiet polls, no exception


def test_stamps_mark_missing_files(tmp_path: Path) -> None:
    present = tmp_path / "a.md"
    present.write_text("Hallo", encoding="utf-8")
    first, missing = stamps([present, tmp_path / "b.md"])
    assert first is not None and first[1] == 5
    assert missing is None


def test_watch_refuses_stdin() -> None:
    result = CliRunner().invoke(cli, ["check", "-", "--watch"], input="Text")
    assert result.exit_code == 2
    assert "--watch needs a file" in result.output


def test_check_watch_rechecks_the_saved_draft(tmp_path: Path) -> None:
    draft = tmp_path / "entwurf.md"
    draft.write_text(
        "# Entwurf\n\nDas Team beantwortet jede Anfrage am selben Tag.\n", encoding="utf-8"
    )
    process = subprocess.Popen(
        [sys.executable, "-m", "blogtext", "check", str(draft), "--watch"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
        # A runner started in the background ignores SIGINT, and children inherit that;
        # give the command the default so Ctrl-C (SIGINT) reaches it as for a user.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    assert process.stderr is not None
    try:
        assert "watching for changes" in process.stderr.readline()
        time.sleep(0.5)  # a new mtime even on coarse file-system clocks
        draft.write_text(
            "# Entwurf\n\nDas Team beantwortet jede Anfrage am selben Tag. "
            "Jeder Kunde bekommt eine Antwort vom Projektleiter.\n",
            encoding="utf-8",
        )
        assert "watching for changes" in process.stderr.readline()
    finally:
        process.send_signal(signal.SIGINT)
        out, _ = process.communicate(timeout=60)
    assert process.returncode == 0
    reports = out.split("source:")[1:]  # each report has one "source:" line
    assert len(reports) == 2, out
    assert "No findings." in reports[0]
    assert "gender/generic-masculine" in reports[1] and "Projektleiter" in reports[1]
