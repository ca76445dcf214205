"""Exit codes and levels, --changed-only, .gitignore, the cache, rules commands, packaging."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
import yaml

from blogtext.lint import LintOptions, lint_paths
from blogtext.lint.changed import parse_hunks

REPO = Path(__file__).resolve().parents[2]
WARNING_ONLY = "Liebe Kunden, willkommen.\n"
ALL_LEVELS = "Liebe Kunden, unsere Mitarbeiter stellen den Newsletter vor.\n"


def _post(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "args", "code"),
    [
        (WARNING_ONLY, [], 0),  # default fail level: error
        (WARNING_ONLY, ["--fail-level", "warning"], 1),
        (WARNING_ONLY, ["--fail-level", "suggestion"], 1),
        (ALL_LEVELS, [], 1),
        (ALL_LEVELS, ["--fail-level", "none"], 0),
        (ALL_LEVELS, ["--min-level", "error", "--fail-level", "error"], 1),
        ("Nur Newsletter.\n", ["--fail-level", "warning"], 0),
        ("Nichts zu beanstanden.\n", ["--fail-level", "suggestion"], 0),
    ],
)
def test_exit_codes_follow_the_fail_level(engine, tmp_path, lint_cli, text, args, code):
    _post(tmp_path, "post.md", text)
    result = lint_cli("post.md", *args)
    assert result.exit_code == code, result.output


def test_min_level_hides_without_changing_the_exit_code(engine, tmp_path, lint_cli):
    _post(tmp_path, "post.md", WARNING_ONLY)
    result = lint_cli(
        "post.md", "--min-level", "error", "--fail-level", "warning", "--format", "line"
    )
    assert result.exit_code == 1
    assert result.output == ""  # the warning fails the run but is below the shown level
    text = lint_cli("post.md", "--min-level", "error", "--fail-level", "warning")
    assert "1 below --min-level error not shown" in text.output


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *args],
        cwd=repo,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    repo.mkdir()
    _git(repo, "init", "-q", "-b", "main")
    _post(
        repo,
        "posts/a.md",
        "Liebe Kunden, hallo.\n\nZweiter Absatz ohne Befund.\n\nDritter Absatz.\n",
    )
    _post(repo, "posts/b.md", "Liebe Kunden, unverändert.\n")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "Beiträge")
    return repo


def test_changed_only_keeps_findings_on_changed_lines(engine, repo, monkeypatch):
    monkeypatch.chdir(repo)
    _post(
        repo,
        "posts/a.md",
        "Liebe Kunden, hallo.\n\nZweiter Absatz mit Kunden.\n\nDritter Absatz.\n",
    )
    _post(repo, "posts/neu.md", "Neue Kunden.\n")  # untracked: wholly changed
    everything = lint_paths(["posts"], options=LintOptions(use_cache=False))
    assert len(everything.findings) == 4
    changed = lint_paths(["posts"], options=LintOptions(use_cache=False, changed_only=True))
    assert [(f.path, f.finding.line) for f in changed.findings] == [
        ("posts/a.md", 3),
        ("posts/neu.md", 1),
    ]


def test_changed_only_against_a_base_ref_uses_the_merge_base(engine, repo, monkeypatch, lint_cli):
    monkeypatch.chdir(repo)
    _git(repo, "checkout", "-q", "-b", "feature")
    _post(repo, "posts/b.md", "Liebe Kunden, unverändert.\n\nNeue Kunden im Zweig.\n")
    _git(repo, "commit", "-q", "-am", "Zweig")
    _git(repo, "checkout", "-q", "main")
    _post(repo, "posts/a.md", "Geänderte Kunden auf main.\n")
    _git(repo, "commit", "-q", "-am", "main weiter")
    _git(repo, "checkout", "-q", "feature")
    result = lint_cli(
        "posts", "--changed-only", "--base", "main", "--format", "line", "--fail-level", "none"
    )
    assert result.output.splitlines() == [
        "posts/b.md:3:6: warning test/kunden „Kunden“: generisches Maskulinum, besser „Kundschaft“"
    ]


def test_changed_only_errors(engine, tmp_path, repo, lint_cli, monkeypatch):
    _post(tmp_path, "outside/post.md", WARNING_ONLY)
    result = lint_cli(str(tmp_path / "outside"), "--changed-only")
    assert result.exit_code == 2 and "git work tree" in result.stderr
    monkeypatch.chdir(repo)
    result = lint_cli("posts", "--changed-only", "--base", "gibt-es-nicht")
    assert result.exit_code == 2 and "gibt-es-nicht" in result.stderr


def test_parse_hunks():
    diff = "@@ -1 +1 @@\n-a\n+b\n@@ -5,0 +6,2 @@\n+c\n+d\n@@ -9,2 +10,0 @@\n-e\n-f\n"
    assert parse_hunks(diff) == {1, 6, 7}


def test_gitignore_is_respected_when_walking(engine, repo, monkeypatch):
    monkeypatch.chdir(repo)
    (repo / ".gitignore").write_text("build/\n*.tmp.md\n", "utf-8")
    _post(repo, "build/site/index.md", WARNING_ONLY)
    _post(repo, "posts/notiz.tmp.md", WARNING_ONLY)
    result = lint_paths(["."], options=LintOptions(use_cache=False))
    assert result.files == ["posts/a.md", "posts/b.md"]
    named = lint_paths(["posts/notiz.tmp.md"], options=LintOptions(use_cache=False))
    assert named.files == ["posts/notiz.tmp.md"]  # a file named explicitly is linted
    unfiltered = lint_paths(["."], options=LintOptions(use_cache=False, respect_gitignore=False))
    assert "build/site/index.md" in unfiltered.files


def test_gitignore_without_git(engine, tmp_path):
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / ".gitignore").write_text("public/\n!public/keep.md\n", "utf-8")
    _post(tmp_path, "site/public/index.md", WARNING_ONLY)
    _post(tmp_path, "site/public/keep.md", WARNING_ONLY)
    _post(tmp_path, "site/post.md", WARNING_ONLY)
    result = lint_paths(["site"], options=LintOptions(use_cache=False))
    assert result.files == ["site/post.md", "site/public/keep.md"]


def test_second_run_is_served_from_the_cache(engine, tmp_path):
    for i in range(3):
        _post(tmp_path, f"posts/p{i}.md", f"Beitrag {i}. {ALL_LEVELS}")
    first = lint_paths(["posts"])
    assert (first.cached, engine.calls) == (0, 3)
    second = lint_paths(["posts"])
    assert (second.cached, engine.calls) == (3, 3)
    assert [f.finding for f in second.findings] == [f.finding for f in first.findings]
    _post(tmp_path, "posts/p1.md", "Geänderte Kunden.\n")
    third = lint_paths(["posts"])
    assert (third.cached, engine.calls) == (2, 4)
    (tmp_path / ".blogtext.toml").write_text('[rules]\n"test/kunden" = "error"\n', "utf-8")
    fourth = lint_paths(["posts"])  # other settings: other keys
    assert (fourth.cached, engine.calls) == (0, 7)
    lint_paths(["posts"], options=LintOptions(use_cache=False))
    assert engine.calls == 10
    assert (tmp_path / ".cache" / "lint-v1.sqlite").is_file()


def test_allowlist_drops_findings_of_allowed_terms(engine, tmp_path):
    _post(tmp_path, "post.md", ALL_LEVELS)
    (tmp_path / ".blogtext.toml").write_text('allow = ["kunden", "Newsletter"]\n', "utf-8")
    result = lint_paths(["post.md"], options=LintOptions(use_cache=False))
    assert [f.finding.rule for f in result.findings] == ["test/mitarbeiter"]


def test_empty_files_are_skipped_not_failed(engine, tmp_path, lint_cli):
    _post(tmp_path, "_index.md", "---\ntitle: Archiv\n---\n")
    _post(tmp_path, "leer.md", "")
    result = lint_cli(".", "--format", "json")
    report = json.loads(result.output)
    assert result.exit_code == 0
    assert report["summary"]["skipped"] == 1 and report["summary"]["errors"] == 0


def test_rules_list_and_explain(test_rules):
    from click.testing import CliRunner

    from blogtext.cli.main import cli

    listing = CliRunner().invoke(cli, ["rules"], obj={})
    assert listing.exit_code == 0
    line = next(line for line in listing.output.splitlines() if line.startswith("test/kunden"))
    assert "warning" in line and 'Flags the word "Kunden"' in line
    explained = CliRunner().invoke(cli, ["rules", "explain", "test/mitarbeiter"], obj={})
    assert explained.exit_code == 0
    assert "Example" in explained.output and "Unsere Mitarbeiter helfen." in explained.output
    meta = CliRunner().invoke(cli, ["rules", "explain", "lint/unused-disable"], obj={})
    assert meta.exit_code == 0 and "--report-unused-disables" in meta.output
    unknown = CliRunner().invoke(cli, ["rules", "explain", "test/gibtsnicht"], obj={})
    assert unknown.exit_code == 2


def test_pre_commit_hook_definition():
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text("utf-8"))
    hook = next(h for h in hooks if h["id"] == "blogtext")
    assert hook["language"] == "python"
    assert hook["entry"] == "blogtext lint"
    assert hook["types_or"] == ["markdown", "plain-text", "html"]


@pytest.mark.model
def test_lint_with_the_real_pipeline(tmp_path, lint_cli):
    """End to end with whatever real rules exist and the installed German pipeline."""
    _post(
        tmp_path,
        "post.md",
        "# Kundenbindung\n\nUnsere Mitarbeiter beraten jeden Kunden persönlich und gern.\n",
    )
    result = lint_cli("post.md", "--format", "json", "--fail-level", "none")
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["summary"]["posts"] == 1
    assert report["tool"]["pipeline"]
