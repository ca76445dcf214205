"""Hostile post text is inert in a real browser: per-post HTML reports and the dashboard.

Each payload, if it ever ran, would change ``document.title`` to "PWNED", set a ``data-pwned``
attribute on ``<body>`` or append ``<div id="pwned">``. Chromium loads every page headless and
dumps the DOM after scripts ran; the legitimate dashboard script must have rendered its table.
Skipped only when Debian's ``chromium`` is not installed (CI installs it in ``.ci/run``).
"""

from __future__ import annotations

import html.parser
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from report_samples import PAYLOADS, hostile_report, hostile_text

from blogtext.report.corpus import report_rows
from blogtext.report.dashboard import CorpusSummary, render_dashboard
from blogtext.report.html import render_post_html

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")


class _Dom(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.title = ""
        self.body: dict[str, str | None] = {}
        self.ids: list[str | None] = []
        self.tables: dict[str | None, dict[str, str | None]] = {}
        self.rows = 0
        self.titles = 0
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self._in_title = tag == "title" and not self.titles
        self.titles += tag == "title"
        self.body = attributes if tag == "body" else self.body
        self.ids.append(attributes.get("id"))
        if tag == "table":
            self.tables[attributes.get("id")] = attributes
        self.rows += tag == "tr"

    def handle_endtag(self, tag):
        self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data


def load(page: Path, profile: Path) -> _Dom:
    """The DOM of ``page`` after Chromium ran its scripts."""
    command = [
        CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
        f"--user-data-dir={profile}", "--virtual-time-budget=2000", "--dump-dom", page.as_uri(),
    ]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    dom = _Dom()
    dom.feed(done.stdout)
    assert dom.body is not None and "</html>" in done.stdout, done.stdout[-500:]
    return dom


def assert_no_payload_ran(dom: _Dom) -> None:
    # The payloads are part of the real title (escaped); a run payload would replace it.
    assert dom.title.strip() != "PWNED"
    assert "data-pwned" not in dom.body
    assert "pwned" not in dom.ids


def test_browser_reports_from_dicts_run_no_payload(tmp_path):
    report = hostile_report()
    lines = dict(enumerate(hostile_text().split("\n"), start=1))
    (tmp_path / "line-view.html").write_text(render_post_html(report, lines), "utf-8")
    (tmp_path / "segment-view.html").write_text(render_post_html(report, None), "utf-8")
    summary = CorpusSummary()
    for i in range(3):
        copy = {**report, "id": f"post-{i}"}
        summary.add(copy, report_rows(copy)["posts"][0])
    page = render_dashboard(summary, [(PAYLOADS[2], PAYLOADS[3])], PAYLOADS[0])
    (tmp_path / "index.html").write_text(page, "utf-8")
    for name in ("line-view.html", "segment-view.html"):
        assert_no_payload_ran(load(tmp_path / name, tmp_path / "profile"))
    dashboard = load(tmp_path / "index.html", tmp_path / "profile")
    assert_no_payload_ran(dashboard)
    assert dashboard.tables["posts"].get("data-rendered") == "3"  # our script did run


HOSTILE_INPUTS = {
    "xss-text.txt": hostile_text(),
    "xss-draft.md": (
        f"---\ntitle: {json.dumps(PAYLOADS[1])}\nauthor: {json.dumps(PAYLOADS[0])}\nurl: {json.dumps(PAYLOADS[4])}\n---\n\n"
        f"# Mitarbeiter gewinnen {PAYLOADS[0]}\n\nJeder Bewerber zählt. {PAYLOADS[3]}\n"
    ),
    "xss-page.html": (
        f"<html><head><title>{PAYLOADS[0]}</title><meta name=\"author\" content='{PAYLOADS[1]}'></head>"
        "<body><article><h1>Kundenbindung</h1><p>Jeder Kunde zählt, sagt der Unternehmer.</p>"
        f"<p>&lt;script&gt;document.title='PWNED'&lt;/script&gt; {PAYLOADS[5]}</p></article>"
        f'<ol class="comment-list"><li class="comment"><b class="fn">&lt;img src=x onerror=alert(1)&gt;</b>'
        "<p>Danke für den Beitrag!</p></li></ol></body></html>"
    ),
}


@pytest.mark.model
def test_browser_batch_reports_of_hostile_posts_run_no_payload(tmp_path):
    from blogtext.batch.runner import BatchOptions, run_batch

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in HOSTILE_INPUTS.items():
        (corpus / name).write_text(text, "utf-8")
    (corpus / "xss-export.jsonl").write_text(
        "\n".join(json.dumps({"id": str(i), "title": PAYLOADS[i], "author": PAYLOADS[0], "url": PAYLOADS[4],
                              "text": f"Titel\n\nJeder Mitarbeiter kennt das. {PAYLOADS[3]}"}) for i in range(2)) + "\n",
        "utf-8",
    )  # fmt: skip
    out = tmp_path / "reports"
    summary = run_batch([corpus], options=BatchOptions(out, jobs=1))
    assert summary.posts == 5, summary.failures
    pages = sorted((out / "posts").glob("*.html"))
    assert len(pages) == 5
    for page in pages:
        assert_no_payload_ran(load(page, tmp_path / "profile"))
    dashboard = load(out / "index.html", tmp_path / "profile")
    assert_no_payload_ran(dashboard)
    assert dashboard.tables["posts"].get("data-rendered") == "5"
