"""The author's terminal report (``blogtext check``, ``report/text.py``)."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

DRAFT = """---
title: Fünf Tipps für Ihre Buchhaltung
author: Lena Vogt
---

# Fünf Tipps für Ihre Buchhaltung

Die Belege werden jeden Monat geprüft. Danach werden sie an die Buchhaltung geschickt.

Bevor Sie eine neue Software für die Buchhaltung einführen, sollten Sie mit Ihrer
Steuerberaterin klären, welche Schnittstellen sie nutzt und welche Belege sie braucht.

Das ist eigentlich ganz einfach. Unsere Kund:innen und Mitarbeiter*innen sind zufrieden.
"""
ANSI = re.compile(r"\x1b\[[0-9;]*m")


@pytest.fixture(scope="module")
def report():
    from blogtext.pipeline import analyze_text

    return analyze_text(DRAFT, input_format="markdown", name="draft.md")


@pytest.mark.model
def test_check_text_sections(report) -> None:
    from blogtext.report.text import render_text

    text = render_text(report, color=False)
    assert text.startswith("Fünf Tipps für Ihre Buchhaltung\n")
    assert "source:   draft.md (markdown, utf-8)" in text
    assert "pipeline: " in text and "author:   Lena Vogt" in text
    assert re.search(r"Flesch-Amstad +-?\d+\.\d – \w", text)
    assert re.search(r"WSTF 1 +\d+\.\d – Schulstufe \d+", text)
    assert re.search(r"LIX +\d+\.\d – ", text)
    assert re.search(r"\d+ sentences · \d+ words · ", text)
    assert "Hardest sentences" in text
    assert "inclusive styles: stern ×1, doppelpunkt ×1" in text
    assert not ANSI.search(text)


@pytest.mark.model
def test_check_text_findings_with_position_and_suggestion(report) -> None:
    from blogtext.report.text import render_text

    text = render_text(report, color=False)
    lines = text.splitlines()
    first = next(i for i, line in enumerate(lines) if "readability/long-sentence" in line)
    assert re.match(
        r"  10:1 +(warning|error) +readability/long-sentence +Sentence has \d+ words", lines[first]
    )
    assert lines[first + 1].lstrip().startswith("→ split the sentence at")
    assert re.search(r"  13:\d+ +info +style/fuellwort +Füllwort „eigentlich“", text)
    positions = [
        tuple(map(int, m.groups())) for m in re.finditer(r"^  (\d+):(\d+) ", text, re.MULTILINE)
    ]
    findings = positions[-len(report.findings) :]
    assert findings == sorted(findings)


@pytest.mark.model
def test_check_text_colours_only_when_asked(report) -> None:
    from blogtext.report.text import render_text

    coloured = render_text(report, color=True)
    assert ANSI.search(coloured)
    assert ANSI.sub("", coloured) == render_text(report, color=False)


@pytest.mark.model
def test_check_text_cli_without_tty_has_no_colours(tmp_path) -> None:
    from blogtext.cli.main import cli

    path = tmp_path / "draft.md"
    path.write_text(DRAFT, encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(path)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "readability/passive" in result.output
    assert not ANSI.search(result.output)


@pytest.mark.model
def test_check_text_empty_body() -> None:
    from blogtext.pipeline import analyze_text
    from blogtext.report.text import render_text

    report = analyze_text("# Nur ein Titel\n", input_format="markdown", name="leer.md")
    text = render_text(report, color=False)
    assert "Nur ein Titel" in text
    assert "Traceback" not in text
