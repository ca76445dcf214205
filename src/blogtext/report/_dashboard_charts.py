"""The charts of the dashboard: each one a titled ``<section>`` with an explanation.

Every chart function takes the aggregated :class:`~blogtext.report.dashboard.CorpusSummary`
and returns safe markup. A chart whose analysis ran for no post says so instead of drawing
an empty frame.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from blogtext.report import _values as v
from blogtext.report._html import esc
from blogtext.report._svg import BAND_COLOURS, column_chart, hbar_chart, scatter_chart

if TYPE_CHECKING:
    from blogtext.report.dashboard import CorpusSummary

TOP = 15


def chart(title: str, explanation: str, content: str, empty: str | None = None) -> str:
    """A chart section: heading, a sentence on how to read it, the chart (or why none)."""
    body = content or f'<p class="na">{esc(empty or "Keine Daten.")}</p>'
    return f'<section class="chart"><h2>{esc(title)}</h2><p class="explain">{esc(explanation)}</p>{body}</section>'


def _na(analysis: str) -> str:
    return f"{analysis} ist für keinen Beitrag verfügbar (Analyse nicht gelaufen)."


def readability_distribution(s: CorpusSummary) -> str:
    """Posts per Flesch–Amstad band."""
    scores = [r["flesch_amstad"] for r in s.posts if r.get("flesch_amstad") is not None]
    bands = [label for _, label, _ in reversed(v.AMSTAD_BANDS)]
    counts = [(label, float(sum(v.amstad_band(x) == label for x in scores))) for label in bands]
    missing = len(s.posts) - len(scores)
    extra = f" {missing} Beiträge ohne Wert sind nicht enthalten." if missing and scores else ""
    return chart(
        "Lesbarkeit: Verteilung",
        "Wie viele Beiträge in welchem Lesbarkeitsband liegen, nach dem Flesch-Index für Deutsch "
        "(Amstad 1978, 0–100, höher = leichter lesbar; links schwer, rechts leicht). "
        "Gemessen wird nur der Artikeltext, ohne Kommentare." + extra,
        column_chart(counts, colours=list(reversed(BAND_COLOURS))) if scores else "",
        _na("Die Lesbarkeit"),
    )


def hardest_posts(s: CorpusSummary) -> str:
    """The posts with the lowest Flesch–Amstad scores."""
    scored = [r for r in s.posts if r.get("flesch_amstad") is not None]
    hardest = sorted(scored, key=lambda r: r["flesch_amstad"])[:10]
    colours = [
        BAND_COLOURS[
            [label for _, label, _ in v.AMSTAD_BANDS].index(
                v.amstad_band(r["flesch_amstad"]) or "sehr schwer"
            )
        ]
        for r in hardest
    ]
    rows = [(r.get("title") or r["post_id"], r["flesch_amstad"]) for r in hardest]
    return chart(
        "Die am schwersten lesbaren Beiträge",
        "Die zehn Beiträge mit dem niedrigsten Flesch–Amstad-Wert. Ein kurzer Balken heißt "
        "schwer lesbar (lange Sätze, lange Wörter); die Farbe zeigt das Band wie oben.",
        hbar_chart(rows, colours=colours) if rows else "",
        _na("Die Lesbarkeit"),
    )


def gender_per_post(s: CorpusSummary) -> str:
    """Posts with the most gender findings."""
    counted = [r for r in s.posts if r.get("gender_findings") is not None]
    top = sorted((r for r in counted if r["gender_findings"]), key=lambda r: -r["gender_findings"])
    rows = [(r.get("title") or r["post_id"], float(r["gender_findings"])) for r in top[:TOP]]
    clean = sum(1 for r in counted if not r["gender_findings"])
    return chart(
        "Gender-Hinweise je Beitrag",
        f"Beiträge mit den meisten Hinweisen zu nicht geschlechtergerechter Sprache (z. B. "
        f"generisches Maskulinum wie „die Kunden“, „jeder, der …“). {clean} von {len(counted)} "
        "geprüften Beiträgen haben keinen solchen Hinweis.",
        hbar_chart(rows),
        _na("Die Regelprüfung") if not counted else "Kein Beitrag hat Gender-Hinweise.",
    )


def gender_by_style(s: CorpusSummary) -> str:
    """Inclusive forms per writing style, and gender findings per rule."""
    styles = [
        (f"{style} ({s.style_posts[style]} Beiträge)", float(n))
        for style, n in s.style_forms.most_common()
    ]
    rules = [(rule, float(n)) for rule, n in s.gender_rules.most_common(TOP)]
    content = ""
    if styles:
        content += "<h3>Inklusive Formen nach Schreibweise</h3>" + hbar_chart(styles)
    if rules:
        content += "<h3>Gender-Hinweise nach Regel</h3>" + hbar_chart(rules)
    return chart(
        "Gendergerechte Schreibweisen",
        "Oben: wie oft jede inklusive Schreibweise im Korpus vorkommt (doppelpunkt = Kund:innen, "
        "stern = Kund*innen, unterstrich = Kund_innen, binnen-i = KundInnen, paarform = Kundinnen "
        "und Kunden, neutral = Kundschaft) und in wie vielen Beiträgen. Unten: die Hinweise nach "
        "Regel; mehrere Schreibweisen in einem Beitrag meldet gender/mixed-styles.",
        content,
        _na("Die Gender-Analyse")
        if not s.available["gender"]
        else "Keine inklusiven Formen und keine Gender-Hinweise gefunden.",
    )


def top_themes(s: CorpusSummary) -> str:
    """The themes found in most posts."""
    rows = [(s.theme_phrase[lemma], float(n)) for lemma, n in s.theme_posts.most_common(TOP)]
    return chart(
        "Häufigste Themen",
        "Die Themen (Schlüsselphrasen), die in den meisten Beiträgen vorkommen. Balken = Zahl "
        "der Beiträge, in denen das Thema unter den Themen des Beitrags ist; gleiche Grundformen "
        "(„erfolgreiche Kooperation“/„erfolgreicher Kooperationen“) zählen zusammen.",
        hbar_chart(rows, unit=" Beiträge"),
        _na("Die Themenanalyse") if not s.available["themes"] else "Keine Themen gefunden.",
    )


def comments_over_time(s: CorpusSummary) -> str:
    """Comments per post against the post's date."""
    points: list[tuple[float, float, str]] = []
    for row in s.posts:
        day = _ordinal(row.get("date"))
        if day is not None and row.get("comments") is not None:
            label = f"{row.get('title') or row['post_id']} ({str(row['date'])[:10]}): {row['comments']} Kommentare"
            points.append((day, float(row["comments"]), label))
    undated = sum(1 for r in s.posts if r.get("comments") is not None) - len(points)
    extra = f" {undated} Beiträge ohne Datum sind nicht eingezeichnet." if undated else ""
    return chart(
        "Kommentare je Beitrag im Zeitverlauf",
        "Jeder Punkt ist ein Beitrag: waagerecht sein Veröffentlichungsdatum, senkrecht die Zahl "
        "der Leserkommentare. Fahren Sie mit der Maus über einen Punkt für den Titel." + extra,
        scatter_chart(points, _year_ticks(points)) if points else "",
        _na("Die Segmentierung (Kommentare)")
        if not s.available["segments"]
        else "Kein Beitrag hat ein Datum und Kommentare.",
    )


def share_quotes(s: CorpusSummary) -> str:
    """Share-quotes per post, with examples."""
    with_quotes = sorted(
        (r for r in s.posts if r.get("share_quotes")), key=lambda r: -r["share_quotes"]
    )
    rows = [(r.get("title") or r["post_id"], float(r["share_quotes"])) for r in with_quotes[:TOP]]
    examples = "".join(
        f'<li>„{esc(text)}“ <span class="muted">– {esc(title)}</span></li>'
        for title, text in s.quote_examples
    )
    content = hbar_chart(rows) + (f"<h3>Beispiele</h3><ul>{examples}</ul>" if examples else "")
    return chart(
        "Share-Zitate",
        "Share-Zitate sind Sätze, die Leser mit einem Klick teilen können („Click to Tweet“). "
        "Balken = Zahl der Share-Zitate je Beitrag (nur Beiträge mit mindestens einem).",
        content if rows else "",
        _na("Die Share-Zitat-Erkennung")
        if not s.available["share_quotes"]
        else "Kein Beitrag hat Share-Zitate.",
    )


def _ordinal(value: Any) -> float | None:
    """Day number of an ISO date (``2017-04-08…``), or ``None``."""
    from datetime import date

    text = v.text(value)
    if not text or len(text) < 10:
        return None
    try:
        return float(date.fromisoformat(text[:10]).toordinal())
    except ValueError:
        return None


def _year_ticks(points: list[tuple[float, float, str]]) -> list[tuple[float, str]]:
    from datetime import date

    first, last = (
        date.fromordinal(int(min(p[0] for p in points))),
        date.fromordinal(int(max(p[0] for p in points))),
    )
    if first.year == last.year:
        return [
            (float(date(first.year, m, 1).toordinal()), f"{m:02d}/{first.year}")
            for m in range(1, 13)
        ]
    return [(float(date(y, 1, 1).toordinal()), str(y)) for y in range(first.year, last.year + 2)]
