"""Inline suppression comments and ``--report-unused-disables``."""

from __future__ import annotations

from pathlib import Path

from blogtext.lint import LintOptions, lint_paths
from blogtext.lint.suppress import parse_directives
from blogtext.model import Post


def _lint(path: Path, **options):
    result = lint_paths([path], options=LintOptions(use_cache=False, **options))
    return [(f.finding.rule, f.finding.line) for f in result.findings], result


def _write(tmp_path: Path, text: str, name: str = "post.md") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_disable_and_enable_cover_a_range_per_rule(engine, tmp_path):
    path = _write(
        tmp_path,
        "Liebe Kunden, hallo.\n\n"  # 1
        "<!-- blogtext-disable test/kunden -->\n\n"  # 3
        "Kunden und Mitarbeiter lesen.\n\n"  # 5
        "<!-- blogtext-enable test/kunden -->\n\n"  # 7
        "Wieder Kunden hier.\n",  # 9
    )
    found, result = _lint(path)
    assert found == [("test/kunden", 1), ("test/mitarbeiter", 5), ("test/kunden", 9)]
    assert result.suppressed == 1


def test_disable_without_rules_covers_every_rule(engine, tmp_path):
    path = _write(
        tmp_path,
        "<!-- blogtext-disable -->\nKunden und Mitarbeiter.\n<!-- blogtext-enable -->\n\nKunden.\n",
    )
    found, _ = _lint(path)
    assert found == [("test/kunden", 5)]


def test_disable_next_line(engine, tmp_path):
    path = _write(
        tmp_path,
        "<!-- blogtext-disable-next-line test/kunden, test/mitarbeiter -->\n"
        "Kunden und Mitarbeiter.\n"
        "Kunden danach.\n",
    )
    found, _ = _lint(path)
    assert found == [("test/kunden", 3)]


def test_disable_next_line_inline_after_text_and_multiline_comment(engine, tmp_path):
    path = _write(
        tmp_path,
        "Erster Satz. <!--\n  blogtext-disable-next-line test/kunden -- Eigenname\n-->\nKunden.\n",
    )
    found, _ = _lint(path)
    assert found == []


def test_disable_file_anywhere(engine, tmp_path):
    path = _write(
        tmp_path, "Kunden und Mitarbeiter.\n\n<!-- blogtext-disable-file test/mitarbeiter -->\n"
    )
    found, _ = _lint(path)
    assert found == [("test/kunden", 1)]


def test_directives_in_code_are_examples_not_directives(engine, tmp_path):
    path = _write(
        tmp_path,
        "```markdown\n<!-- blogtext-disable-file -->\n```\n\n"
        "So schreiben Sie `<!-- blogtext-disable-file -->` in Ihren Text.\n\n"
        "Liebe Kunden.\n",
    )
    found, _ = _lint(path)
    assert found == [("test/kunden", 7)]


def test_html_supports_disable_file(engine, tmp_path):
    html = (
        "<html><head><title>Test</title></head><body><article>"
        "<!-- blogtext-disable-file test/kunden -->"
        "<p>Liebe Kunden, unsere Mitarbeiter freuen sich auf Sie und auf den Austausch.</p>"
        "</article></body></html>\n"
    )
    found, _ = _lint(_write(tmp_path, html, "seite.html"))
    assert [rule for rule, _ in found] == ["test/mitarbeiter"]


def test_plain_text_has_no_directives():
    post = Post("p", "p.txt", "text", "utf-8", "<!-- blogtext-disable-file -->\nText", "0")
    assert parse_directives(post) == []


def test_directive_lines_account_for_front_matter(engine, tmp_path):
    path = _write(
        tmp_path,
        "---\ntitle: Titel\n---\n\n<!-- blogtext-disable-next-line test/kunden -->\nKunden.\n",
    )
    found, _ = _lint(path)
    assert found == []


def test_unused_disables_are_reported_only_when_asked(engine, tmp_path):
    path = _write(
        tmp_path,
        "<!-- blogtext-disable-next-line test/kunden test/mitarbeiter -->\n"  # 1: mitarbeiter unused
        "Kunden lesen.\n"
        "<!-- blogtext-disable-file -->\n",  # 3: nothing left for it
    )
    found, _ = _lint(path)
    assert found == []
    found, result = _lint(path, report_unused_disables=True)
    assert found == [("lint/unused-disable", 1), ("lint/unused-disable", 3)]
    messages = [f.finding.message for f in result.findings]
    assert "no test/mitarbeiter finding was suppressed" in messages[0]
    assert result.exit_code == 0  # warnings do not fail at the default fail level


def test_unknown_rule_in_directive_is_reported(engine, tmp_path):
    path = _write(tmp_path, "<!-- blogtext-disable-next-line test/kundn -->\nKunden.\n")
    found, result = _lint(path)
    assert found == [("lint/unknown-rule", 1), ("test/kunden", 2)]
    assert "test/kundn" in result.findings[0].finding.message


def test_meta_rule_level_is_configurable(engine, tmp_path):
    (tmp_path / ".blogtext.toml").write_text('[rules]\n"lint/unused-disable" = "error"\n', "utf-8")
    path = _write(tmp_path, "<!-- blogtext-disable-next-line -->\nNichts.\n")
    _, result = _lint(path, report_unused_disables=True)
    assert [f.severity for f in result.findings] == ["error"]
    assert result.exit_code == 1
