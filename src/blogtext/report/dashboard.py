"""The corpus dashboard ``DIR/index.html``: self-contained, no network at view time.

Charts are inline SVG drawn in Python (:mod:`._dashboard_charts`); the sortable table of posts
is drawn by a small inline script from JSON embedded in ``<script type="application/json">``,
using ``textContent`` only. The Content-Security-Policy allows exactly that one script and that
one stylesheet (by hash) and forbids every external load.

:class:`CorpusSummary` collects what the charts need while the corpus tables are written, one
report at a time (a row per post plus bounded counters), so the dashboard never needs all
reports in memory.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from blogtext.report import _dashboard_charts as charts
from blogtext.report import _values as v
from blogtext.report._html import esc, json_for_script, page

__all__ = ["CorpusSummary", "render_dashboard"]

_SAFE_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
QUOTE_EXAMPLES = 10


@dataclass
class CorpusSummary:
    """Aggregates of a corpus for the dashboard, filled report by report with :meth:`add`."""

    posts: list[dict[str, Any]] = field(default_factory=list)
    available: Counter[str] = field(default_factory=Counter)
    style_forms: Counter[str] = field(default_factory=Counter)
    style_posts: Counter[str] = field(default_factory=Counter)
    gender_rules: Counter[str] = field(default_factory=Counter)
    theme_posts: Counter[str] = field(default_factory=Counter)
    theme_phrase: dict[str, str] = field(default_factory=dict)
    quote_examples: list[tuple[str, str]] = field(default_factory=list)

    def add(self, report: dict[str, Any], post_row: dict[str, Any]) -> None:
        """Take in one report and its ``posts`` table row."""
        self.posts.append(post_row)
        for key in ("segments", "readability", "gender", "themes", "share_quotes", "findings"):
            if key in report:
                self.available[key] += 1
        self._add_gender(report)
        for theme in v.items(report, "themes") or []:
            key = v.text(theme.get("lemma")) or v.text(theme.get("phrase"))
            if key:
                self.theme_posts[key] += 1
                self.theme_phrase.setdefault(key, v.text(theme.get("phrase")) or key)
        for quote in v.items(report, "share_quotes") or []:
            if len(self.quote_examples) < QUOTE_EXAMPLES and v.text(quote.get("text")):
                self.quote_examples.append((v.title(report), v.text(quote.get("text")) or ""))

    def to_json(self) -> str:
        """The summary as JSON text (kept with the tables, so an unchanged corpus needs no
        report read again); :meth:`from_json` gives it back exactly, order included."""
        return json.dumps(
            {
                "posts": self.posts,
                "available": self.available,
                "style_forms": self.style_forms,
                "style_posts": self.style_posts,
                "gender_rules": self.gender_rules,
                "theme_posts": self.theme_posts,
                "theme_phrase": self.theme_phrase,
                "quote_examples": self.quote_examples,
            },
            ensure_ascii=False,
            separators=(",", ":"),
        )

    @classmethod
    def from_json(cls, text: str) -> CorpusSummary:
        """The summary :meth:`to_json` wrote."""
        data = json.loads(text)
        return cls(
            posts=data["posts"],
            available=Counter(data["available"]),
            style_forms=Counter(data["style_forms"]),
            style_posts=Counter(data["style_posts"]),
            gender_rules=Counter(data["gender_rules"]),
            theme_posts=Counter(data["theme_posts"]),
            theme_phrase=data["theme_phrase"],
            quote_examples=[(title, text) for title, text in data["quote_examples"]],
        )

    def _add_gender(self, report: dict[str, Any]) -> None:
        for finding in v.items(report, "findings") or []:
            rule = v.text(finding.get("rule")) or ""
            if rule.startswith("gender/"):
                self.gender_rules[rule] += 1
        gender = v.section(report, "gender")
        if gender is None:
            return
        styles: set[str] = set()
        for form in v.items(gender, "inclusive_forms") or []:
            style = v.text(form.get("style")) or "?"
            self.style_forms[style] += 1
            styles.add(style)
        for style in styles:
            self.style_posts[style] += 1


#: The table of posts: column key in the posts row → heading, digits for numbers, link flag.
TABLE_COLUMNS: tuple[dict[str, Any], ...] = (
    {"key": "title", "label": "Titel", "link": True},
    {"key": "date", "label": "Datum"},
    {"key": "author", "label": "Autor/in"},
    {"key": "words", "label": "Wörter"},
    {"key": "flesch_amstad", "label": "Flesch–Amstad", "digits": 1},
    {"key": "readability_band", "label": "Band"},
    {"key": "wstf", "label": "WSTF", "digits": 1},
    {"key": "findings", "label": "Hinweise"},
    {"key": "gender_findings", "label": "Gender-Hinweise"},
    {"key": "gender_styles", "label": "Schreibweisen"},
    {"key": "comments", "label": "Kommentare"},
    {"key": "share_quotes", "label": "Share-Zitate"},
    {"key": "top_theme", "label": "Top-Thema"},
)

STYLE = """
body{font:15px/1.45 system-ui,sans-serif;margin:0 auto;max-width:76rem;padding:1rem 1.5rem;color:#1b1b1b}
h1{font-size:1.6rem;margin:.3rem 0}h2{font-size:1.15rem;margin:0 0 .2rem}h3{font-size:.95rem;margin:.8rem 0 .2rem}
.cards{display:flex;flex-wrap:wrap;gap:.8rem;margin:1rem 0}.card{border:1px solid #ddd;border-radius:6px;padding:.5rem .9rem}
.card b{display:block;font-size:1.4rem}.muted,.explain{color:#555;font-size:.92em}.na{color:#777;font-style:italic}
section.chart{border-top:1px solid #ddd;padding:1rem 0}
table{border-collapse:collapse;font-size:.92em}th,td{padding:.2rem .5rem;border-bottom:1px solid #eee;text-align:left;vertical-align:top}
td.num{text-align:right;font-variant-numeric:tabular-nums}
th button{font:inherit;font-weight:600;background:none;border:0;padding:0;cursor:pointer;text-align:left}
th button::after{content:" ⇅";color:#aaa}svg text{font:11px system-ui,sans-serif;fill:#222}
.scroll{overflow-x:auto}
"""

# Static code: it never interpolates data into markup, only textContent and checked ids.
SCRIPT = """
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("data").textContent);
  var table = document.getElementById("posts");
  var head = table.createTHead().insertRow();
  var body = table.tBodies.length ? table.tBodies[0] : table.createTBody();
  var safeId = /^[a-z0-9][a-z0-9-]*$/;
  var order = {index: -1, direction: 1};
  function missing(x) { return x === null || x === undefined || x === ""; }
  function compare(a, b) {
    if (typeof a === "number" && typeof b === "number") { return a - b; }
    return String(a).localeCompare(String(b), "de");
  }
  function sortBy(index) {
    var key = data.columns[index].key;
    order.direction = order.index === index ? -order.direction : 1;
    order.index = index;
    data.rows.sort(function (x, y) {
      if (missing(x[key]) || missing(y[key])) { return missing(x[key]) - missing(y[key]); }
      return compare(x[key], y[key]) * order.direction;
    });
    render();
  }
  function cell(row, column) {
    var value = row[column.key];
    var td = document.createElement("td");
    var text = missing(value) ? "–" :
      (typeof value === "number" && column.digits !== undefined ? value.toFixed(column.digits) : String(value));
    if (typeof value === "number") { td.className = "num"; }
    if (column.link && data.links && safeId.test(row.post_id)) {
      var a = document.createElement("a");
      a.setAttribute("href", "posts/" + row.post_id + ".html");
      a.textContent = missing(value) ? row.post_id : text;
      td.appendChild(a);
    } else {
      td.textContent = text;
    }
    return td;
  }
  function render() {
    body.textContent = "";
    data.rows.forEach(function (row) {
      var tr = document.createElement("tr");
      data.columns.forEach(function (column) { tr.appendChild(cell(row, column)); });
      body.appendChild(tr);
    });
    table.setAttribute("data-rendered", String(data.rows.length));
  }
  data.columns.forEach(function (column, index) {
    var th = document.createElement("th");
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = column.label;
    button.addEventListener("click", function () { sortBy(index); });
    th.appendChild(button);
    head.appendChild(th);
  });
  render();
})();
"""


def render_dashboard(
    summary: CorpusSummary,
    errors: list[tuple[str, str]],
    generated: str,
    links: bool = True,
) -> str:
    """The dashboard page.

    Args:
        summary: Aggregates of the analysed posts.
        errors: (input, problem) of every input that failed.
        generated: When the run finished (shown as is).
        links: Whether per-post HTML reports exist to link to.
    """
    table_rows = [_table_row(row) for row in summary.posts]
    data = json_for_script({"columns": TABLE_COLUMNS, "rows": table_rows, "links": links})
    body = [
        "<h1>blogtext – Korpusübersicht</h1>",
        f'<p class="muted">Erstellt {esc(generated)}. Alle Werte stammen aus den Berichten in '
        "<code>posts/</code>; Tabellen zum Weiterrechnen liegen in <code>corpus/</code>.</p>",
        _cards(summary, errors),
        '<section class="chart"><h2>Alle Beiträge</h2><p class="explain">Klicken Sie auf eine '
        "Spaltenüberschrift, um zu sortieren (noch einmal: umgekehrt). Der Titel führt zum "
        "Bericht des Beitrags. Flesch–Amstad: höher = leichter; WSTF (Wiener Sachtextformel): "
        'Schulstufe, höher = schwerer.</p><noscript><p class="na">Die Tabelle braucht JavaScript; '
        'die Daten stehen auch in corpus/posts.csv.</p></noscript><div class="scroll">'
        '<table id="posts"><tbody></tbody></table></div></section>',
        charts.readability_distribution(summary),
        charts.hardest_posts(summary),
        charts.gender_per_post(summary),
        charts.gender_by_style(summary),
        charts.top_themes(summary),
        charts.comments_over_time(summary),
        charts.share_quotes(summary),
        _errors(errors),
    ]
    return page("blogtext – Korpusübersicht", "\n".join(body), STYLE, SCRIPT, data)


def _table_row(row: dict[str, Any]) -> dict[str, Any]:
    """The table's view of a posts row: known columns only, day of the date, a checked id."""
    values = {column["key"]: row.get(column["key"]) for column in TABLE_COLUMNS}
    if isinstance(values["date"], str):
        values["date"] = values["date"][:10]
    post_id = row.get("post_id") or ""
    return {"post_id": post_id if _SAFE_ID.match(post_id) else "", **values}


def _cards(summary: CorpusSummary, errors: list[tuple[str, str]]) -> str:
    scores = [r["flesch_amstad"] for r in summary.posts if r.get("flesch_amstad") is not None]
    mean = f"{sum(scores) / len(scores):.1f}" if scores else "–"
    findings = sum(r.get("findings") or 0 for r in summary.posts)
    comments = sum(r.get("comments") or 0 for r in summary.posts)
    cards = [
        ("Beiträge", len(summary.posts)),
        ("Fehlgeschlagene Eingaben", len(errors)),
        ("Ø Flesch–Amstad", mean),
        ("Hinweise", findings),
        ("Kommentare", comments),
    ]
    return (
        '<div class="cards">'
        + "".join(
            f'<div class="card"><b>{esc(value)}</b>{esc(label)}</div>' for label, value in cards
        )
        + "</div>"
    )


def _errors(errors: list[tuple[str, str]]) -> str:
    if not errors:
        return '<section class="chart"><h2>Fehlgeschlagene Eingaben</h2><p>Keine.</p></section>'
    rows = "".join(f"<tr><td>{esc(i)}</td><td>{esc(p)}</td></tr>" for i, p in errors)
    return (
        '<section class="chart"><h2>Fehlgeschlagene Eingaben</h2><p class="explain">Diese '
        "Eingaben wurden nicht analysiert (auch in errors.csv).</p>"
        f"<table><tr><th>Eingabe</th><th>Problem</th></tr>{rows}</table></section>"
    )
