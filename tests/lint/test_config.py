"""Configuration for lint: discovery from each file's directory, overrides by glob, errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from blogtext.config import Settings, glob_match, load_settings
from blogtext.errors import ConfigError
from blogtext.lint import LintOptions, lint_paths

TEXT = "Liebe Kunden, unsere Mitarbeiter stellen den Newsletter vor.\n"


def _post(tmp_path: Path, name: str, text: str = TEXT) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _rules(result) -> list[tuple[str, str, str]]:
    return [(f.path, f.finding.rule, f.severity) for f in result.findings]


def test_config_is_found_from_the_linted_files_directory(engine, tmp_path, monkeypatch):
    _post(tmp_path, "blog/a/post.md")
    _post(tmp_path, "blog/b/post.md")
    (tmp_path / "blog" / "a" / ".blogtext.toml").write_text(
        '[rules]\n"test/kunden" = "off"\n"test/hinweis" = "error"\n', "utf-8"
    )
    (tmp_path / "blog" / "pyproject.toml").write_text(
        '[tool.blogtext.rules]\n"test/mitarbeiter" = "suggestion"\n', "utf-8"
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)  # discovery must not depend on the current directory
    result = lint_paths([tmp_path / "blog"], options=LintOptions(use_cache=False))
    by_file = {}
    for path, rule, severity in _rules(result):
        by_file.setdefault(Path(path).parent.name, set()).add((rule, severity))
    assert by_file["a"] == {("test/mitarbeiter", "error"), ("test/hinweis", "error")}
    assert by_file["b"] == {
        ("test/kunden", "warning"),
        ("test/mitarbeiter", "info"),
        ("test/hinweis", "info"),
    }


def test_explicit_config_file_wins(engine, tmp_path, lint_cli):
    _post(tmp_path, "post.md")
    (tmp_path / ".blogtext.toml").write_text('[rules]\n"test/mitarbeiter" = "off"\n', "utf-8")
    other = tmp_path / "ci.toml"
    other.write_text('[rules]\n"test/kunden" = "off"\n', "utf-8")
    result = lint_cli("post.md", "--config", str(other), "--format", "line")
    assert "test/mitarbeiter" in result.output and "test/kunden" not in result.output


def test_overrides_apply_by_glob(engine, tmp_path):
    _post(tmp_path, "posts/fertig.md")
    _post(tmp_path, "drafts/2024/entwurf.md")
    (tmp_path / "pyproject.toml").write_text(
        "[tool.blogtext]\n"
        'allow = ["Newsletter"]\n'
        "[[tool.blogtext.overrides]]\n"
        'files = ["drafts/**"]\n'
        'rules = {"test/mitarbeiter" = "warning", "test/kunden" = "off"}\n'
        'allow = ["Mitarbeiter"]\n',
        "utf-8",
    )
    result = lint_paths([tmp_path], options=LintOptions(use_cache=False))
    assert _rules(result) == [
        ("posts/fertig.md", "test/kunden", "warning"),
        ("posts/fertig.md", "test/mitarbeiter", "error"),
    ]  # drafts: kunden off, Mitarbeiter allowed (allow lists add up), Newsletter allowed everywhere


def test_thresholds_and_overrides_merge():
    settings = Settings(options={"thresholds": {"x/y": {"a": 1, "b": 2}}})
    from blogtext.config import _merge

    merged = _merge(settings, {"thresholds": {"x/y": {"b": 3}}, "style": "stern"})
    assert merged.options["thresholds"] == {"x/y": {"a": 1, "b": 3}}
    assert merged.style == "stern"


def test_ignore_globs_skip_files_even_when_named(engine, tmp_path, lint_cli):
    _post(tmp_path, "posts/ok.md")
    _post(tmp_path, "posts/alt.draft.md")
    _post(tmp_path, "vendor/fremd.md")
    (tmp_path / ".blogtext.toml").write_text('ignore = ["*.draft.md", "vendor"]\n', "utf-8")
    result = lint_cli(".", "posts/alt.draft.md", "--format", "json", "--fail-level", "none")
    import json

    assert json.loads(result.output)["files"] == ["posts/ok.md"]


@pytest.mark.parametrize(
    ("content", "key", "reason"),
    [
        ("colour = 1\n", "colour", "unknown key"),
        ('[rules]\n"test/kundn" = "error"\n', 'rules."test/kundn"', "unknown rule 'test/kundn'"),
        ('[rules]\n"test/kunden" = "fatal"\n', 'rules."test/kunden"', "must be one of"),
        (
            '[thresholds."test/mitarbeiter"]\nlimt = 3\n',
            'thresholds."test/mitarbeiter".limt',
            "no option 'limt'",
        ),
        ('style = "gendergap"\n', "style", "must be one of"),
        ('allow = "Team"\n', "allow", "list of non-empty strings"),
        ("[[overrides]]\nrules = {}\n", "overrides[0].files", "is required"),
        ('[[overrides]]\nfiles = ["a/**"]\nmodel = "x"\n', "overrides[0].model", "cannot be set"),
        (
            '[[overrides]]\nfiles = ["a/**"]\nrules = {"nope/rule" = "off"}\n',
            'overrides[0].rules."nope/rule"',
            "unknown rule",
        ),
        ("rules = [\n", "", "invalid TOML"),
    ],
)
def test_invalid_config_exits_2_naming_file_key_and_reason(
    engine, tmp_path, lint_cli, content, key, reason
):
    _post(tmp_path, "post.md")
    config = tmp_path / ".blogtext.toml"
    config.write_text(content, "utf-8")
    result = lint_cli("post.md")
    assert result.exit_code == 2
    assert str(config) in result.stderr
    assert f"'{key}'" in result.stderr if key else True
    assert reason in result.stderr


def test_missing_path_is_a_usage_error(engine, tmp_path, lint_cli):
    result = lint_cli("gibt-es-nicht.md")
    assert result.exit_code == 2
    assert "gibt-es-nicht.md" in result.stderr


def test_load_settings_keeps_the_old_signature(tmp_path):
    (tmp_path / ".blogtext.toml").write_text(
        'style = "stern"\n[thresholds."a/b"]\nx = 1\n', "utf-8"
    )
    settings = load_settings(None, start=tmp_path)
    assert settings.style == "stern"
    assert settings.options["thresholds"] == {"a/b": {"x": 1}}
    with pytest.raises(ConfigError):
        load_settings(tmp_path / "fehlt.toml")


@pytest.mark.parametrize(
    ("pattern", "path", "expected"),
    [
        ("drafts/**", "drafts/2024/a.md", True),
        ("drafts/**", "posts/drafts.md", False),
        ("drafts", "blog/drafts/a.md", True),
        ("/drafts", "blog/drafts/a.md", False),
        ("*.mdx", "a/b/c.mdx", True),
        ("docs/*.md", "docs/a/b.md", False),
        ("docs/**/*.md", "docs/b.md", True),
        ("docs/**/*.md", "docs/a/b.md", True),
        ("entwurf-?.md", "entwurf-1.md", True),
        ("[!a]*.md", "alt.md", False),
    ],
)
def test_glob_match(pattern, path, expected):
    assert glob_match(pattern, path) is expected
