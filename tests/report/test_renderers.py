"""Per-post Markdown/HTML, corpus tables and dashboard, from report dicts (no pipeline needed)."""

from __future__ import annotations

import html
import html.parser
import json
import re

import pandas as pd
from report_samples import PAYLOADS

from blogtext.report._html import json_for_script
from blogtext.report.corpus import SCHEMAS, CorpusTableWriter, frame, read_tables, report_rows
from blogtext.report.dashboard import CorpusSummary, render_dashboard
from blogtext.report.html import render_post_html
from blogtext.report.markdown import md_escape, render_markdown


class _Elements(html.parser.HTMLParser):
    """Tag names and attributes of every element of a page (as a browser's parser sees them)."""

    def __init__(self) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))


def elements(page: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Elements()
    parser.feed(page)
    return parser.elements


def assert_inert(page: str) -> None:
    """No payload became markup: no event handlers, no foreign elements, one script at most."""
    found = elements(page)
    assert not [t for t, _ in found if t in ("img", "iframe", "object", "embed", "base", "form")]
    assert not [a for _, a in found if any(name.startswith("on") for name in a)]
    assert not [a for _, a in found if any("javascript:" in (v or "") for v in a.values())]
    scripts = [a for t, a in found if t == "script"]
    assert all(a.get("type") in (None, "application/json") for a in scripts)
    assert len(scripts) <= 2


def test_html_post_report_escapes_every_payload(report, source_lines):
    page = render_post_html(report, source_lines)
    assert_inert(page)
    assert "&lt;script&gt;document.title" in page
    assert "script-src 'none'" in html.unescape(page)  # the per-post report runs no script


def test_html_post_report_marks_findings_inline_with_messages(report, source_lines):
    page = render_post_html(report, source_lines)
    assert re.search(r'<mark class="sev-warning" title="[^"]*">Unternehmer</mark>', page)
    assert re.search(r'<mark class="sev-error" title="[^"]*">Mitarbeiter\*innen</mark>', page)
    assert '<tr class="seg-comment"><td class="ln">8</td>' in page
    assert '<tr class="seg-boilerplate"><td class="ln">6</td>' in page
    assert '<tr class="seg-body"><td class="ln">4</td>' in page  # inline share button keeps body


def test_html_post_report_segment_view_without_lines(report):
    page = render_post_html(report, None)
    assert_inert(page)
    assert '<mark class="sev-warning" title="Generisches Maskulinum">Kunde</mark>' in page
    assert 'class="box seg-comment"' in page


def test_html_post_report_says_when_analyses_are_missing(report, source_lines):
    for key in ("segments", "share_quotes", "themes", "readability", "gender", "findings"):
        del report[key]
    page = render_post_html(report, source_lines)
    for what in (
        "Lesbarkeit",
        "Regelprüfung",
        "Share-Zitate",
        "Themen",
        "Gender-Analyse",
        "Segmentierung",
    ):
        assert (
            f"{what}: nicht verfügbar" in page
            or f"{what} (Artikel/Kommentare): nicht verfügbar" in page
        )


def test_markdown_summary_is_inert_and_complete(report):
    text = render_markdown(report)
    assert "<" not in text.replace("&lt;", "")
    assert "54.8" in text and "mittelschwer" in text
    assert "gender/generic\\-masculine" not in text  # hyphens stay readable
    assert "Unternehmer:in" in text
    assert "\\[click\\]" in text  # no link from post text


def test_markdown_escape_neutralises_markup():
    assert md_escape("<b>*x*</b> [a](b)") == "&lt;b&gt;\\*x\\*&lt;/b&gt; \\[a\\](b)"


def test_json_for_script_cannot_close_the_element():
    text = json_for_script({"t": "</script><script>alert(1)</script>", "u": "\u2028&"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"t": "</script><script>alert(1)</script>", "u": "\u2028&"}


def test_corpus_rows_one_per_item(report):
    rows = report_rows(report)
    assert [len(rows[name]) for name in ("posts", "findings", "comments", "quotes", "themes")] == [
        1,
        3,
        1,
        1,
        2,
    ]
    post = rows["posts"][0]
    assert post["flesch_amstad"] == 54.8 and post["readability_band"] == "mittelschwer"
    assert (
        post["gender_findings"] == 3
        and post["comments"] == 1
        and post["gender_styles"] == "doppelpunkt,stern"
    )
    assert {r["post_id"] for name in rows for r in rows[name]} == {report["id"]}


def test_corpus_rows_absent_analysis_gives_nulls_not_zeros(report):
    del report["readability"], report["segments"], report["themes"]
    rows = report_rows(report)
    data = frame("posts", rows["posts"])
    assert data["flesch_amstad"].isna().all() and data["comments"].isna().all()
    assert rows["themes"] == [] and rows["comments"] == []


def test_corpus_writer_streams_csv_and_parquet(tmp_path, report):
    writer = CorpusTableWriter(tmp_path, flush_rows=2)  # several flushes per table
    for i in range(5):
        report["id"] = f"post-{i}"
        writer.add(report)
    writer.close()
    tables = read_tables(tmp_path)
    for name, schema in SCHEMAS.items():
        csv = pd.read_csv(tmp_path / f"{name}.csv")
        assert list(csv.columns) == list(schema) == list(tables[name].columns)
        assert len(csv) == len(tables[name])
    assert len(tables["posts"]) == 5 and len(tables["findings"]) == 15
    assert tables["posts"]["post_id"].tolist() == [f"post-{i}" for i in range(5)]
    assert not list(tmp_path.glob(".*.tmp"))


def test_corpus_csv_is_what_pandas_writes(tmp_path, report):
    """The writer prints CSV with the csv module; pandas' to_csv is the reference."""
    tricky = [
        'Zitat mit "Anführungszeichen", Komma',
        "zwei\nZeilen\r\nund CR",
        "",
        " ",
        "Ünïcödé ✓",
        "a;b",
    ]
    writer = CorpusTableWriter(tmp_path, flush_rows=3)
    rows = {name: [] for name in SCHEMAS}
    for i, text in enumerate(tricky):
        report["id"], report["title"], report["findings"][0]["message"] = f"post-{i}", text, text
        report["themes"][0]["phrase"] = text
        report["readability"]["flesch_amstad"] = [63.4, 0.1 + 0.2, -0.0, 1e-7, 12345678.9, 50][i]
        writer.add(report)
        for name, table_rows in report_rows(report).items():
            rows[name] += table_rows
    writer.close()
    for name in SCHEMAS:
        expected = frame(name, rows[name]).to_csv(index=False, lineterminator="\n")
        assert (tmp_path / f"{name}.csv").read_bytes().decode("utf-8") == expected, name
    assert rows["posts"][3]["title"] == " " and rows["posts"][1]["flesch_amstad"] == 0.1 + 0.2


def test_dashboard_charts_are_titled_explained_and_inert(report):
    summary = CorpusSummary()
    for i in range(3):
        report["id"] = f"post-{i}"
        summary.add(report, report_rows(report)["posts"][0])
    page = render_dashboard(summary, [(PAYLOADS[1], PAYLOADS[0])], "2024-01-01T00:00:00")
    assert_inert(page)
    for title in ("Lesbarkeit: Verteilung", "Die am schwersten lesbaren Beiträge", "Gender-Hinweise je Beitrag",
                  "Gendergerechte Schreibweisen", "Häufigste Themen", "Kommentare je Beitrag im Zeitverlauf",
                  "Share-Zitate"):  # fmt: skip
        assert f"<h2>{title}</h2>" in page
    assert page.count('<p class="explain">') >= 8
    assert "nicht verfügbar" not in page


def test_dashboard_says_which_analyses_did_not_run(report):
    for key in ("readability", "themes", "gender", "share_quotes", "segments"):
        del report[key]
    summary = CorpusSummary()
    summary.add(report, report_rows(report)["posts"][0])
    page = render_dashboard(summary, [], "now")
    # readability (2 charts), themes, comments, share-quotes; gender findings still chart
    assert page.count("ist für keinen Beitrag verfügbar") == 5
    assert "<h3>Gender-Hinweise nach Regel</h3>" in page


def test_dashboard_summary_kept_as_json_renders_the_same_page(report):
    summary = CorpusSummary()
    for i in range(4):
        report["id"] = f"post-{i}"
        if i == 2:
            del report["readability"]
        summary.add(report, report_rows(report)["posts"][0])
    kept = CorpusSummary.from_json(summary.to_json())
    assert kept == summary
    assert render_dashboard(kept, [("a", "b")], "now") == render_dashboard(
        summary, [("a", "b")], "now"
    )
