"""Output formats of ``blogtext lint``: line, text, json, sarif (schema-validated), github."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest

from blogtext.lint import LintOptions, lint_paths
from blogtext.lint.github import escape_data, escape_property, format_command, render_github
from blogtext.lint.result import LintFinding, LintResult
from blogtext.lint.sarif import FINGERPRINT_KEY, lint_to_sarif
from blogtext.model import Finding
from blogtext.rules.registry import all_rules

SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text("utf-8"))
LINE = re.compile(
    r"^(?P<path>[^:\n]+):(?P<line>\d+):(?P<col>\d+): (?P<severity>error|warning|info) "
    r"(?P<rule>[a-z]+/[a-z0-9]+(?:-[a-z0-9]+)*) (?P<message>.+)$"
)

POST = """---
title: Neues aus dem Team
---

# Willkommen

Liebe Kunden, unsere Mitarbeiter stellen heute den Newsletter vor.
Auch neue Kunden sind willkommen.
"""


@pytest.fixture
def post(tmp_path: Path) -> Path:
    path = tmp_path / "posts" / "willkommen.md"
    path.parent.mkdir()
    path.write_text(POST, encoding="utf-8")
    return path


def test_line_format_is_parsable(engine, post, lint_cli):
    result = lint_cli("posts", "--format", "line", "--fail-level", "none")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    parsed = [LINE.match(line) for line in lines]
    assert all(parsed), lines
    found = {(m["rule"], m["line"], m["col"], m["severity"]) for m in parsed if m}
    assert ("test/kunden", "7", "7", "warning") in found
    assert ("test/mitarbeiter", "7", "22", "error") in found
    assert ("test/hinweis", "7", "52", "info") in found
    assert ("test/kunden", "8", "11", "warning") in found
    assert {m["path"] for m in parsed if m} == {"posts/willkommen.md"}


def test_line_format_keeps_one_finding_per_line():
    finding = Finding("test/kunden", "warning", "erste Zeile\nzweite Zeile", 1, 1, 1, 3, "ab")
    result = LintResult(findings=[LintFinding("a.md", finding)])
    from blogtext.lint.line import render_line

    assert render_line(result) == "a.md:1:1: warning test/kunden erste Zeile zweite Zeile\n"


def test_text_format_groups_by_file_with_summary_and_no_colour_off_a_tty(engine, post, lint_cli):
    result = lint_cli("posts", "--fail-level", "none")
    out = result.output
    assert "\x1b[" not in out  # CliRunner is not a terminal
    assert out.splitlines()[0] == "posts/willkommen.md"
    assert re.search(r"^  7:7 +warning +„Kunden“", out, re.M)
    assert "4 findings (1 error, 2 warnings, 1 info) in 1 of 1 file." in out


def test_text_format_colours_when_asked():
    from blogtext.lint.text import render_text

    finding = Finding("test/kunden", "error", "kaputt", 1, 1, 1, 3, "ab")
    coloured = render_text(
        LintResult(findings=[LintFinding("a.md", finding)], files=["a.md"]), color=True
    )
    assert "\x1b[31m" in coloured  # red severity


def test_no_color_environment_disables_colour(monkeypatch):
    from blogtext.cli import lint as lint_command

    monkeypatch.setenv("NO_COLOR", "1")
    assert lint_command._use_colour() is False


def test_json_format_is_versioned_and_complete(engine, post, lint_cli):
    result = lint_cli("posts", "--format", "json", "--min-level", "warning")
    assert result.exit_code == 1
    report = json.loads(result.output)
    assert report["schema_version"] == "1"
    assert report["summary"]["by_severity"] == {"error": 1, "warning": 2, "info": 0}
    assert report["summary"]["hidden"] == 1
    assert report["summary"]["exit_code"] == 1
    first = report["findings"][0]
    assert first["path"] == "posts/willkommen.md"
    assert set(first) >= {
        "rule",
        "severity",
        "message",
        "line",
        "column",
        "end_line",
        "end_column",
        "text",
        "suggestions",
        "record",
    }


def test_sarif_validates_against_the_official_schema(engine, post, tmp_path, lint_cli):
    out = tmp_path / "blogtext.sarif"
    result = lint_cli("posts", "--format", "sarif", "--output-file", str(out))
    assert result.exit_code == 1
    assert result.output == ""  # the report went to the file
    log = json.loads(out.read_text("utf-8"))
    jsonschema.validate(log, SCHEMA, cls=jsonschema.Draft4Validator)
    run = log["runs"][0]
    rule_ids = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    assert {rule.id for rule in all_rules()} <= set(rule_ids)
    assert {"lint/unused-disable", "lint/unknown-rule"} <= set(rule_ids)
    kunden = run["tool"]["driver"]["rules"][rule_ids.index("test/kunden")]
    assert kunden["shortDescription"]["text"] == 'Flags the word "Kunden" (test rule).'
    assert "Liebe Kunden" in kunden["help"]["text"]
    assert kunden["defaultConfiguration"]["level"] == "warning"
    levels = {r["ruleId"]: r["level"] for r in run["results"]}
    assert levels == {"test/kunden": "warning", "test/mitarbeiter": "error", "test/hinweis": "note"}
    first = run["results"][0]
    assert rule_ids[first["ruleIndex"]] == first["ruleId"]
    location = first["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "posts/willkommen.md"
    assert location["region"] == {
        "startLine": 7,
        "startColumn": 7,
        "endLine": 7,
        "endColumn": 13,
        "snippet": {"text": "Kunden"},
    }
    fingerprints = [r["partialFingerprints"][FINGERPRINT_KEY] for r in run["results"]]
    assert len(set(fingerprints)) == len(fingerprints)


def test_sarif_fingerprints_survive_inserted_lines(engine, post):
    before = lint_paths(["posts"], options=LintOptions(use_cache=False))
    post.write_text(POST.replace("# Willkommen\n", "# Willkommen\n\nEin neuer Absatz.\n"), "utf-8")
    after = lint_paths(["posts"], options=LintOptions(use_cache=False))

    def prints(result):
        return sorted(
            r["partialFingerprints"][FINGERPRINT_KEY]
            for r in lint_to_sarif(result)["runs"][0]["results"]
        )

    assert [f.finding.line for f in after.findings] != [f.finding.line for f in before.findings]
    assert prints(before) == prints(after)


def test_sarif_with_unreadable_input_reports_a_notification(engine, tmp_path, lint_cli):
    (tmp_path / "kaputt.md").write_bytes(b"\x00\x01\x02binary\x00" * 50)
    result = lint_cli("kaputt.md", "--format", "sarif")
    assert result.exit_code == 2
    log = json.loads(result.stdout)
    jsonschema.validate(log, SCHEMA, cls=jsonschema.Draft4Validator)
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert "kaputt.md" in invocation["toolExecutionNotifications"][0]["message"]["text"]


@pytest.mark.parametrize(
    ("raw", "data", "prop"),
    [
        ("100 % sicher", "100 %25 sicher", "100 %25 sicher"),
        ("a:b,c", "a:b,c", "a%3Ab%2Cc"),
        ("Zeile 1\nZeile 2\r\n", "Zeile 1%0AZeile 2%0D%0A", "Zeile 1%0AZeile 2%0D%0A"),
        ("%3A bleibt", "%253A bleibt", "%253A bleibt"),
    ],
)
def test_github_escaping_follows_the_toolkit(raw, data, prop):
    assert escape_data(raw) == data
    assert escape_property(raw) == prop


def test_github_command_escapes_properties_and_message():
    finding = Finding(
        "test/kunden", "warning", "50 % der Kunden:\nbitte, ändern", 3, 5, 3, 11, "Kunden"
    )
    command = format_command(LintFinding("texte/a,b:c.md", finding))
    assert command == (
        "::warning file=texte/a%2Cb%3Ac.md,line=3,col=5,endLine=3,endColumn=11,"
        "title=blogtext test/kunden::50 %25 der Kunden:%0Abitte, ändern"
    )


def test_github_prints_most_severe_first_and_writes_the_step_summary(
    engine, tmp_path, monkeypatch, lint_cli
):
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    text = "".join(f"Zeile {i}: Liebe Kunden und Mitarbeiter.\n\n" for i in range(12))
    (tmp_path / "lang.md").write_text(text, "utf-8")
    result = lint_cli("lang.md", "--format", "github")
    assert result.exit_code == 1
    commands = [line for line in result.output.splitlines() if line.startswith("::")]
    assert len(commands) == 24
    assert all(line.startswith("::error ") for line in commands[:12])
    assert all(line.startswith("::warning ") for line in commands[12:])
    assert "GitHub shows 10 annotations per level" in result.output
    table = summary.read_text("utf-8")
    assert table.startswith("## blogtext lint")
    assert table.count("| error |") == 12 and table.count("| warning |") == 12


def test_github_notice_for_info_findings():
    finding = Finding("test/hinweis", "info", "Hinweis", 1, 1, 1, 2, "a")
    assert render_github(LintResult(findings=[LintFinding("a.md", finding)])).startswith(
        "::notice "
    )
