"""The command-line surface: help, version, lazy imports, check, analyze, not-yet-built commands."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from blogtext import __version__
from blogtext.cli.main import COMMANDS, cli

runner = CliRunner()


@pytest.mark.parametrize(
    "command", [[], *[[name] for name in COMMANDS], ["model", "status"], ["model", "install"]]
)
def test_cli_help_explains_with_an_example(command):
    result = runner.invoke(cli, [*command, "--help"])
    assert result.exit_code == 0, result.output
    assert "Example:" in result.output
    assert "blogtext " in result.output.split("Example:")[1]


def test_cli_version():
    result = runner.invoke(cli, ["--version"])
    assert result.exit_code == 0
    assert __version__ in result.output


def test_cli_help_and_version_do_not_import_spacy():
    code = (
        "import sys\n"
        "from blogtext.cli.main import cli\n"
        "for args in (['--help'], ['--version'], ['analyze', '--help'], ['check', '--help']):\n"
        "    try:\n"
        "        cli(args, prog_name='blogtext')\n"
        "    except SystemExit:\n"
        "        pass\n"
        "heavy = [m for m in ('spacy', 'pandas', 'lxml', 'trafilatura', 'textstat') if m in sys.modules]\n"
        "print('HEAVY', heavy)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip().endswith("HEAVY []")


@pytest.mark.model
def test_cli_check_prints_report_for_each_format(write):
    files = {
        "a.txt": "Erfolgreiche Kooperation\n\nZusammenarbeit ist Freud und Leid zugleich.\n",
        "b.html": "<html><head><title>Seite</title><meta name='author' content='Anna'></head><body><p>Absatz mit Text.</p></body></html>",
        "c.md": "---\ntitle: Entwurf über Newsletter\n---\n\nEin Absatz.\n",
        "d.jsonl": json.dumps({"title": "Aus dem Export", "text": "Inhalt."}) + "\n",
        "e.csv": "title,text\nAus CSV,Inhalt der Zeile.\n",
    }
    for name, content in files.items():
        path = write(name, content)
        result = runner.invoke(cli, ["check", str(path), "--format", "json"])
        assert result.exit_code == 0, (name, result.output)
        report = json.loads(result.stdout)
        assert report["schema_version"] == "1"
        assert report["source"]["path"] == str(path)
        assert report["pipeline"]["blogtext"] == __version__
        assert report["pipeline"]["spacy_model"].split()[0] in (
            "de_core_news_sm",
            "de_ud_gsdpud_sm",
        )
        text = runner.invoke(cli, ["check", str(path)])
        assert text.exit_code == 0 and "pipeline:" in text.stdout


@pytest.mark.model
def test_cli_check_reads_stdin():
    result = runner.invoke(
        cli, ["check", "-", "--format", "json"], input="Ein kurzer Entwurf über Kundenbindung.\n"
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["source"]["path"] == "<stdin>"


def test_cli_check_bad_file_is_one_line_error(tmp_path):
    empty = tmp_path / "leer.txt"
    empty.write_bytes(b"")
    result = runner.invoke(cli, ["check", str(empty)])
    assert result.exit_code == 1
    assert result.stderr.strip() == f"blogtext: error: {empty}: file is empty"


def test_cli_invalid_config_exits_2(tmp_path):
    config = tmp_path / ".blogtext.toml"
    config.write_text('style = "gendersternchen"\n', encoding="utf-8")
    result = runner.invoke(cli, ["check", "--config", str(config), str(config)])
    assert result.exit_code == 2
    assert str(config) in result.stderr and "style" in result.stderr


@pytest.mark.model
def test_cli_analyze_writes_reports_and_errors_csv(write, tmp_path):
    write("in/eins.txt", "Titel eins\n\nText eins.\n")
    write("in/zwei.md", "# Titel zwei\n\nText zwei.\n")
    out = tmp_path / "out"
    result = runner.invoke(cli, ["analyze", str(tmp_path / "in"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    reports = sorted((out / "posts").glob("*.json"))
    assert len(reports) == 2
    data = json.loads(reports[0].read_text(encoding="utf-8"))
    assert {"schema_version", "source", "pipeline", "title"} <= set(data)
    assert (out / "errors.csv").read_text(encoding="utf-8") == "input,problem\n"
    assert not list(out.rglob("*.tmp"))


def test_cli_check_rejects_unknown_rule_option(tmp_path):
    config = tmp_path / ".blogtext.toml"
    config.write_text(
        '[thresholds."readability/long-sentence"]\nmax_words = 25\n', encoding="utf-8"
    )
    post = tmp_path / "post.txt"
    post.write_text("Ein kurzer Beitrag.\n", encoding="utf-8")
    result = runner.invoke(cli, ["check", "--config", str(config), str(post)])
    assert result.exit_code == 2
    assert "has no option 'max_words'" in result.stderr and "max-words" in result.stderr
