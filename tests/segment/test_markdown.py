"""Markdown drafts: prose blocks with exact file positions, markup as boilerplate, directives.

All drafts here are written for these tests. ``_post`` plays the ingest stage: it takes the
front matter off and sets ``first_line``/``title`` the way the Markdown reader does.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from blogtext.model import BodyText, Post, Segments
from blogtext.segment import BOILERPLATE_KINDS, line_labels, overlapping_lines, segment_post
from blogtext.segment.markdown import (
    MARKUP,
    Suppression,
    find_suppression,
    is_suppressed,
    parse_markdown,
    parse_suppressions,
    scan_comments,
    segment_markdown,
    unused_suppressions,
)

FIXTURES = Path(__file__).parent / "fixtures_md"


def _post(text: str, *, first_line: int = 1, title: str | None = None) -> Post:
    return Post(
        id="entwurf",
        path="entwurf.md",
        format="markdown",
        encoding="utf-8",
        text=text,
        sha256="0" * 64,
        title=title,
        first_line=first_line,
    )


def _ingest(raw: str) -> Post:
    """Split YAML front matter off like the ingest stage (title only, enough for these tests)."""
    lines = raw.split("\n")
    end = lines.index("---", 1)
    title = next(
        line.split(":", 1)[1].strip().strip('"')
        for line in lines[1:end]
        if line.startswith("title:")
    )
    return _post("\n".join(lines[end + 1 :]), first_line=end + 2, title=title)


def _blocks(text: str, **kwargs: object) -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in segment_markdown(_post(text, **kwargs)).body]  # type: ignore[arg-type]


def _check_invariants(post: Post, segments: Segments) -> None:
    """Every slice is verbatim source; every non-blank line is owned exactly once."""
    lines = post.text.split("\n")
    for block in segments.body:
        assert block.slices
        for piece in block.slices:
            source = lines[piece.line - post.first_line]
            assert source[piece.column : piece.column + len(piece.text)] == piece.text
            assert piece.text == piece.text.strip() and piece.text
    assert overlapping_lines(segments) == []
    labels = line_labels(segments)
    for offset, line in enumerate(lines):
        if line.strip():
            assert post.first_line + offset in labels, (offset, line)
        else:
            assert post.first_line + offset not in labels
    assert segments.comments == []
    assert {item.kind for item in segments.boilerplate} <= {MARKUP}


def _position(segments: Segments, word: str, occurrence: int = 0) -> tuple[int, int]:
    body = BodyText(segments.body)
    offset = -1
    for _ in range(occurrence + 1):
        offset = body.text.index(word, offset + 1)
    return body.position(offset)


# -- the whole draft -----------------------------------------------------------------------


@pytest.fixture
def draft() -> Post:
    return _ingest((FIXTURES / "kooperation-entwurf.md").read_text(encoding="utf-8"))


def test_markdown_draft_blocks(draft: Post) -> None:
    segments = segment_markdown(draft)
    assert segments.title == "Kooperationen, die tragen"
    assert [(b.kind, b.text) for b in segments.body] == [
        (
            "paragraph",
            "Gute Kooperationen entstehen nicht zufällig. Sie brauchen klare Ziele, offene "
            "Kommunikation und etwas Geduld.",
        ),
        ("heading", "Warum Partnerschaften zählen"),
        (
            "paragraph",
            "Unsere Kundinnen erwarten heute mehr als ein Produkt: Sie wollen Lösungen, die "
            "wirklich zusammenpassen.",
        ),
        ("paragraph", "Das ist eigentlich der wichtigste Punkt."),
        ("heading", "Die fünf Punkte im Überblick"),
        ("list-item", "Ziele gemeinsam festlegen"),
        ("list-item", "Rollen klären, etwa mit einer einfachen Matrix"),
        ("list-item", "Wer entscheidet?"),
        ("list-item", "Wer informiert?"),
        ("list-item", "Erfolge messen (Vorlage)"),
        ("quote", "Vertrauen ist gut, ein Vertrag ist besser."),
        ("paragraph", "Für die Auswertung genügt mit zwei Zeilen:"),
        ("paragraph", "Mehr dazu lesen Sie unter oder im Leitfaden der Kammer."),
        (
            "quote",
            "Eine gute Kooperation ist wie ein Staffellauf: Der Stab muss sauber übergeben werden.",
        ),
        ("paragraph", "Phase Dauer"),
        ("paragraph", "Start 2 Wochen"),
        ("paragraph", "Leitfaden für Kooperationen, Ausgabe 2023."),
    ]
    _check_invariants(draft, segments)


def test_markdown_draft_positions_include_front_matter(draft: Post) -> None:
    segments = segment_markdown(draft)
    assert draft.first_line == 6
    assert _position(segments, "Kundinnen") == (12, 8)
    assert _position(segments, "zusammenpassen") == (13, 28)
    assert _position(segments, "Matrix") == (23, 14)
    assert _position(segments, "informiert") == (25, 10)
    assert _position(segments, "besser") == (29, 7)
    assert _position(segments, "Zeilen") == (31, 56)
    assert _position(segments, "Kammer") == (41, 19)
    assert _position(segments, "Staffellauf") == (43, 48)
    assert _position(segments, "Wochen") == (47, 13)


def test_markdown_draft_markup_lines(draft: Post) -> None:
    segments = segment_markdown(draft)
    markup = {item.lines: item.text.split("\n")[0] for item in segments.boilerplate}
    assert markup == {
        (15,): "<!-- blogtext-disable-next-line style/fuellwort -->",
        (19,): "----------------------------",
        (33, 34, 35, 36): "```python",
        (38,): "![Diagramm der Umfrage](umfrage.png)",
        (46,): "|-------|------:|",
        (49, 50, 51): "<!--",
    }
    assert [(q.text, q.lines, q.source) for q in segments.share_quotes] == [
        (
            "Eine gute Kooperation ist wie ein Staffellauf: Der Stab muss sauber übergeben werden.",
            (43,),
            "shortcode",
        )
    ]


def test_markdown_draft_directive(draft: Post) -> None:
    suppressions = parse_suppressions(draft)
    assert suppressions == [
        Suppression("disable-next-line", ("style/fuellwort",), 15, 1, 16, 16),
    ]
    segments = segment_markdown(draft)
    assert _position(segments, "eigentlich") == (16, 9)
    assert is_suppressed(suppressions, "style/fuellwort", 16)
    assert not is_suppressed(suppressions, "style/fuellwort", 17)
    assert not is_suppressed(suppressions, "style/man", 16)


def test_markdown_dispatcher_and_kind() -> None:
    assert "markup" in BOILERPLATE_KINDS
    segments = segment_post(_post("Ein Satz."))
    assert [(b.kind, b.text) for b in segments.body] == [("paragraph", "Ein Satz.")]


# -- headings and title --------------------------------------------------------------------


def test_markdown_headings_atx_and_setext() -> None:
    text = (
        "## Ziele ##\n"
        "### C# und F# im Team\n"
        "#Kein Titel\n"
        "\n"
        "Mehrzeilige\n"
        "Überschrift\n"
        "===\n"
        "\n"
        "Zweite Ebene\n"
        "---\n"
        "####### sieben ist zu viel"
    )
    assert _blocks(text, title="Aus dem Front Matter") == [
        ("heading", "Ziele"),
        ("heading", "C# und F# im Team"),
        ("paragraph", "#Kein Titel"),
        ("heading", "Mehrzeilige Überschrift"),
        ("heading", "Zweite Ebene"),
        ("paragraph", "####### sieben ist zu viel"),
    ]


def test_markdown_title_from_first_h1_without_front_matter() -> None:
    text = "Vorspann.\n\n# Der *echte* Titel\n\n# Noch ein H1\n\nText."
    segments = segment_markdown(_post(text))
    assert segments.title == "Der echte Titel"
    assert [b.kind for b in segments.body] == ["paragraph", "title", "heading", "paragraph"]
    assert _position(segments, "Titel") == (3, 15)


def test_markdown_front_matter_title_keeps_h1_as_heading() -> None:
    segments = segment_markdown(_post("# Überschrift\n\nText.", title="Aus YAML"))
    assert segments.title == "Aus YAML"
    assert [b.kind for b in segments.body] == ["heading", "paragraph"]


def test_markdown_no_title_at_all() -> None:
    segments = segment_markdown(_post("## Nur H2\n\nText."))
    assert segments.title is None


# -- paragraphs, lists, quotes -------------------------------------------------------------


def test_markdown_paragraph_hard_wraps_one_slice_per_line() -> None:
    text = "  Erste Zeile,\nzweite Zeile   \n   dritte Zeile.\n\nNeuer Absatz."
    segments = segment_markdown(_post(text, first_line=10))
    first = segments.body[0]
    assert [(s.line, s.column, s.text) for s in first.slices] == [
        (10, 2, "Erste Zeile,"),
        (11, 0, "zweite Zeile"),
        (12, 3, "dritte Zeile."),
    ]
    assert first.text == "Erste Zeile, zweite Zeile dritte Zeile."
    assert segments.body[1].lines == [14]


def test_markdown_lists_nested_with_continuation() -> None:
    text = (
        "- Punkt eins\n"
        "* Punkt zwei\n"
        "  geht weiter\n"
        "faul fortgesetzt\n"
        "+ Punkt drei\n"
        "    1. verschachtelt\n"
        "    2) auch verschachtelt\n"
        "\n"
        "  Zweiter Absatz im Punkt drei.\n"
        "\n"
        "1. Geordnet\n"
        "10. Zehn"
    )
    assert _blocks(text) == [
        ("list-item", "Punkt eins"),
        ("list-item", "Punkt zwei geht weiter faul fortgesetzt"),
        ("list-item", "Punkt drei"),
        ("list-item", "verschachtelt"),
        ("list-item", "auch verschachtelt"),
        ("list-item", "Zweiter Absatz im Punkt drei."),
        ("list-item", "Geordnet"),
        ("list-item", "Zehn"),
    ]
    segments = segment_markdown(_post(text))
    assert _position(segments, "verschachtelt", 1) == (7, 13)
    _check_invariants(_post(text), segments)


def test_markdown_numbers_at_line_start_stay_prose() -> None:
    text = "Im Jahr\n2024 war alles anders.\n\n2. Platz für uns"
    assert _blocks(text) == [
        ("paragraph", "Im Jahr 2024 war alles anders."),
        ("list-item", "Platz für uns"),
    ]


def test_markdown_task_list_checkboxes_dropped() -> None:
    assert _blocks("- [ ] Angebot schreiben\n- [x] Termin vereinbaren") == [
        ("list-item", "Angebot schreiben"),
        ("list-item", "Termin vereinbaren"),
    ]


def test_markdown_quotes_nested_and_lazy() -> None:
    text = (
        "> Erster Satz im Zitat\n"
        "faul weiter.\n"
        ">\n"
        "> > Zitat im Zitat\n"
        "> - Liste im Zitat\n"
        "\n"
        "Danach normal."
    )
    segments = segment_markdown(_post(text))
    assert [(b.kind, b.text) for b in segments.body] == [
        ("quote", "Erster Satz im Zitat faul weiter."),
        ("quote", "Zitat im Zitat"),
        ("list-item", "Liste im Zitat"),
        ("paragraph", "Danach normal."),
    ]
    assert _position(segments, "Zitat im") == (4, 5)
    assert [item.lines for item in segments.boilerplate] == [(3,)]  # the lone ">"


# -- code ----------------------------------------------------------------------------------


def test_markdown_fenced_code_is_markup() -> None:
    text = (
        "Vorher.\n"
        "```python title='beispiel.py'\n"
        "print('Kein Text für die Analyse')\n"
        "\n"
        "```\n"
        "~~~~\n"
        "```\n"
        "immer noch Code\n"
        "~~~~\n"
        "Nachher.\n"
        "````\n"
        "nicht geschlossen\n"
        "\n"
        "bis zum Ende"
    )
    segments = segment_markdown(_post(text))
    assert [b.text for b in segments.body] == ["Vorher.", "Nachher."]
    assert [item.lines for item in segments.boilerplate] == [
        (2, 3, 5),
        (6, 7, 8, 9),
        (11, 12, 14),
    ]
    _check_invariants(_post(text), segments)


def test_markdown_indented_code_only_outside_paragraphs() -> None:
    text = "Ein Absatz\n    mit eingerückter Fortsetzung.\n\n    code_block = True\n\tmehr_code()"
    segments = segment_markdown(_post(text))
    assert [b.text for b in segments.body] == ["Ein Absatz mit eingerückter Fortsetzung."]
    assert [item.lines for item in segments.boilerplate] == [(4, 5)]


def test_markdown_inline_code_splits_line_into_slices() -> None:
    text = "Mit `git status` und ``a ` b`` prüfen Sie den Stand, `offen bleibt literal."
    segments = segment_markdown(_post(text, first_line=3))
    block = segments.body[0]
    assert [(s.column, s.text) for s in block.slices] == [
        (0, "Mit"),
        (17, "und"),
        (31, "prüfen Sie den Stand, `offen bleibt literal."),
    ]
    assert _position(segments, "prüfen") == (3, 32)


# -- links, images, HTML, URLs -------------------------------------------------------------


def test_markdown_links_keep_text_images_dropped() -> None:
    text = (
        'Lesen Sie [unseren Leitfaden](https://example.de/leitfaden "Leitfaden") und\n'
        "[die Studie][studie] oder [Kontakt]. ![Logo](logo.png) Ende.\n"
        "[Kein Link] bleibt, [leer]() nicht.\n"
        "\n"
        "[studie]: https://example.de/studie 'Studie 2024'\n"
        "[kontakt]: <https://example.de/kontakt>"
    )
    segments = segment_markdown(_post(text))
    assert segments.body[0].text == (
        "Lesen Sie unseren Leitfaden und die Studie oder Kontakt. Ende. "
        "[Kein Link] bleibt, leer nicht."
    )
    assert [item.lines for item in segments.boilerplate] == [(5,), (6,)]
    assert _position(segments, "Leitfaden") == (1, 20)
    assert _position(segments, "Studie") == (2, 6)


def test_markdown_html_comments_single_and_multi_line() -> None:
    text = (
        "Satz eins <!-- Randnotiz --> Satz zwei.\n"
        "<!-- ganze Zeile -->\n"
        "<!--\n"
        "mehrzeilig\n"
        "--> Text danach.\n"
        "\n"
        "Absatz mit <!-- Kommentar\n"
        "über zwei Zeilen --> Ende."
    )
    result = parse_markdown(_post(text))
    assert [(b.kind, b.text) for b in result.segments.body] == [
        ("paragraph", "Satz eins Satz zwei."),
        ("paragraph", "Text danach."),
        ("paragraph", "Absatz mit Ende."),
    ]
    assert [item.lines for item in result.segments.boilerplate] == [(2, 3, 4)]
    assert [(c.line, c.column, c.end_line, c.body) for c in result.comments] == [
        (1, 10, 1, " Randnotiz "),
        (2, 0, 2, " ganze Zeile "),
        (3, 0, 5, "\nmehrzeilig\n"),
        (7, 11, 8, " Kommentar\nüber zwei Zeilen "),
    ]


def test_markdown_html_tags_removed_text_kept() -> None:
    text = (
        "Ein <strong>wichtiger</strong> Hinweis<br>für alle.\n"
        "\n"
        '<div class="hinweis">\n'
        "<h2>Kasten</h2>\n"
        "<p>Text im <em>Kasten</em>.</p>\n"
        "<ul>\n"
        "<li>Erstens</li>\n"
        "</ul>\n"
        "<script>var kein = 'Text';</script>\n"
        "</div>\n"
        "\n"
        "<pre>\n"
        "vorformatiert\n"
        "</pre>"
    )
    segments = segment_markdown(_post(text))
    assert [(b.kind, b.text) for b in segments.body] == [
        ("paragraph", "Ein wichtiger Hinweis für alle."),
        ("heading", "Kasten"),
        ("paragraph", "Text im Kasten."),
        ("list-item", "Erstens"),
    ]
    assert [item.lines for item in segments.boilerplate] == [(3,), (6,), (8, 9, 10), (12, 13, 14)]


def test_markdown_urls_and_autolinks_dropped() -> None:
    text = (
        "Quelle: https://example.de/pfad_mit_unterstrich?x=1, siehe auch\n"
        "www.beispiel.de. Oder <https://example.de/a> und <info@example.de>.\n"
        "(https://example.de/klammer) bleibt weg."
    )
    assert _blocks(text) == [("paragraph", "Quelle: , siehe auch . Oder und . bleibt weg.")]


def test_markdown_entities_nbsp_splits_words() -> None:
    assert _blocks("10&nbsp;Prozent &amp; mehr") == [("paragraph", "10 Prozent &amp; mehr")]


# -- emphasis and escapes ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Das ist *wichtig* und **sehr wichtig**.", "Das ist wichtig und sehr wichtig."),
        ("Ein _kursives_ und __fettes__ Wort.", "Ein kursives und fettes Wort."),
        ("***Alles*** oder ~~nichts~~.", "Alles oder nichts."),
        ("Liebe Kund*innen und Kolleg*innen", "Liebe Kund*innen und Kolleg*innen"),
        ("Kund_innen und snake_case bleiben", "Kund_innen und snake_case bleiben"),
        ("5 * 3 = 15 und ein einsamer * Stern", "5 * 3 = 15 und ein einsamer * Stern"),
        ("Fußnote* ohne Partner", "Fußnote* ohne Partner"),
        ("\\*Kein Kursiv\\* hier", "*Kein Kursiv\\* hier"),
        ("Zeile mit Umbruch\\\nweiter", "Zeile mit Umbruch weiter"),
    ],
)
def test_markdown_emphasis_markers_removed(text: str, expected: str) -> None:
    assert _blocks(text) == [("paragraph", expected)]


def test_markdown_emphasis_positions() -> None:
    segments = segment_markdown(_post("Bitte **Mitarbeitende** fragen.", first_line=7))
    assert [(s.column, s.text) for s in segments.body[0].slices] == [
        (0, "Bitte"),
        (8, "Mitarbeitende"),
        (24, "fragen."),
    ]
    assert _position(segments, "fragen") == (7, 25)


# -- footnotes, shortcodes, tables, definitions, rules ------------------------------------


def test_markdown_footnotes() -> None:
    text = (
        "Laut Studie[^quelle] steigt der Umsatz.\n"
        "\n"
        "[^quelle]: Eigene Erhebung 2023,\n"
        "    mit 120 Befragten.\n"
        "\n"
        "    Zweiter Absatz der Fußnote."
    )
    segments = segment_markdown(_post(text))
    assert [(b.kind, b.text) for b in segments.body] == [
        ("paragraph", "Laut Studie steigt der Umsatz."),
        ("paragraph", "Eigene Erhebung 2023, mit 120 Befragten."),
        ("paragraph", "Zweiter Absatz der Fußnote."),
    ]
    assert _position(segments, "Eigene") == (3, 12)


def test_markdown_shortcodes() -> None:
    text = (
        '[bctt tweet="Kooperation braucht Vertrauen." username="beispiel"]\n'
        "\n"
        "Wie sie sagt: [bctt tweet='Klein anfangen, groß denken.'] – und weiter.\n"
        "\n"
        '[caption id="bild_1" align="alignleft"]<img src="team.jpg"> Unser Team[/caption]\n'
        "\n"
        "[gallery]\n"
        "\n"
        "Zitat [sic] bleibt."
    )
    segments = segment_markdown(_post(text))
    assert [(b.kind, b.text) for b in segments.body] == [
        ("quote", "Kooperation braucht Vertrauen."),
        ("paragraph", "Wie sie sagt: Klein anfangen, groß denken. – und weiter."),
        ("paragraph", "Unser Team"),
        ("paragraph", "Zitat [sic] bleibt."),
    ]
    assert [(q.text, q.lines, q.source) for q in segments.share_quotes] == [
        ("Kooperation braucht Vertrauen.", (1,), "shortcode"),
        ("Klein anfangen, groß denken.", (3,), "shortcode"),
    ]
    assert _position(segments, "Vertrauen") == (1, 34)
    _check_invariants(_post(text), segments)


def test_markdown_multiline_shortcode_quote() -> None:
    text = '[bctt tweet="Erste Zeile\nzweite Zeile"]'
    segments = segment_markdown(_post(text, first_line=4))
    assert [(b.kind, b.text, b.lines) for b in segments.body] == [
        ("quote", "Erste Zeile zweite Zeile", [4, 5])
    ]
    assert segments.share_quotes[0].lines == (4, 5)


def test_markdown_shortcode_inside_raw_html() -> None:
    segments = segment_markdown(_post('<p>[bctt tweet="Zitat im HTML-Absatz."]</p>'))
    assert [(b.kind, b.text) for b in segments.body] == [("quote", "Zitat im HTML-Absatz.")]
    assert [q.text for q in segments.share_quotes] == ["Zitat im HTML-Absatz."]


def test_markdown_template_tags_dropped() -> None:
    text = (
        '{{< figure src="team.jpg" title="Unser Team" >}}\n'
        "\n"
        "Willkommen bei {{ site.title }} – {% include hinweis.html %}heute neu.\n"
        "\n"
        "{{% notice tip %}}\n"
        "Ein Tipp für Leserinnen.\n"
        "{{% /notice %}}\n"
        "\n"
        "## Ziele {#ziele}\n"
        "\n"
        "Absatz\n"
        "{: .hervorgehoben}\n"
        "\n"
        "Mengen {5 Stück} bleiben, {{ offen auch."
    )
    segments = segment_markdown(_post(text))
    assert [(b.kind, b.text) for b in segments.body] == [
        ("paragraph", "Willkommen bei – heute neu."),
        ("paragraph", "Ein Tipp für Leserinnen."),
        ("heading", "Ziele"),
        ("paragraph", "Absatz"),
        ("paragraph", "Mengen {5 Stück} bleiben, {{ offen auch."),
    ]
    assert [item.lines for item in segments.boilerplate] == [(1,), (5,), (7,), (12,)]


def test_markdown_mdx_imports_are_markup() -> None:
    text = 'import Chart from "./chart"\nexport const meta = {}\n\n<Chart />\n\nText.'
    post = _post(text)
    mdx = Post(**{**post.__dict__, "path": "entwurf.mdx"})
    assert [b.text for b in segment_markdown(mdx).body] == ["Text."]
    assert [item.lines for item in segment_markdown(mdx).boilerplate] == [(1, 2), (4,)]
    assert segment_markdown(post).body[0].text.startswith("import Chart")


def test_markdown_table_rows_are_paragraphs() -> None:
    text = "Vorher\n| Name | Rolle `x` |\n| :--- | ---: |\n| Ana | Leitung |\nKeine | Pipe\n\nNach"
    segments = segment_markdown(_post(text))
    assert [(b.kind, b.text) for b in segments.body] == [
        ("paragraph", "Vorher"),
        ("paragraph", "Name Rolle"),
        ("paragraph", "Ana Leitung"),
        ("paragraph", "Keine Pipe"),
        ("paragraph", "Nach"),
    ]
    assert [(s.line, s.column, s.text) for s in segments.body[2].slices] == [
        (4, 2, "Ana"),
        (4, 8, "Leitung"),
    ]
    assert [item.lines for item in segments.boilerplate] == [(3,)]


def test_markdown_rules_and_definitions_are_markup() -> None:
    text = 'Oben\n\n***\n- - -\n___\n\n[quelle]: https://example.de "Titel"\n\nUnten'
    segments = segment_markdown(_post(text))
    assert [b.text for b in segments.body] == ["Oben", "Unten"]
    assert [item.lines for item in segments.boilerplate] == [(3,), (4,), (5,), (7,)]


def test_markdown_front_matter_left_in_text_is_markup() -> None:
    text = "---\ntitle: Entwurf\ntags: [a, b]\n---\n\nText."
    segments = segment_markdown(_post(text))
    assert [b.text for b in segments.body] == ["Text."]
    assert [item.lines for item in segments.boilerplate] == [(1, 2, 3, 4)]


def test_markdown_empty_and_blank_posts() -> None:
    for text in ("", "\n\n", "   \n\t\n"):
        segments = segment_markdown(_post(text))
        assert segments.body == [] and segments.boilerplate == [] and segments.title is None


# -- properties and hostile input ----------------------------------------------------------

_MARKDOWN_ATOMS = st.sampled_from(
    [
        "#", "# ", "## ", "- ", "* ", "+ ", "1. ", "2) ", "> ", ">", "```", "~~~", "    ", "\t",
        " ", "\n", "\n\n", "`", "``", "*", "**", "_", "~~", "[", "]", "(", ")", "![", "](",
        "<", ">", "<!--", "-->", "<div>", "</div>", "<b>", "<script>", "</script>", "&nbsp;",
        "https://example.de/a_b", "www.x.de", "\\", "|", "---", "===", "[^1]", "[^1]: ",
        "[x]: http://a", '[bctt tweet="', '"]', '"', "Wort", "Kund*innen", "Satz.", "ä", "=",
        "<https://a.b>", '<a href="x">', "\r", "\u2028", "\x0b", "+++", "{{<", ">}}", "{#",
        "}", "{{", "| a |", "|---|",
    ]
)  # fmt: skip


def _check_post(text: str, first_line: int) -> None:
    post = _post(text, first_line=first_line)
    segments = segment_markdown(post)
    _check_invariants(post, segments)
    body = BodyText(segments.body)
    last_line = first_line + text.count("\n")
    for offset in range(0, len(body.text), 7):
        line, column = body.position(offset)
        assert first_line <= line <= last_line
        assert column >= 1
    parse_suppressions(post)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_MARKDOWN_ATOMS, max_size=60).map("".join), st.integers(1, 40))
def test_markdown_property_markdownish_text(text: str, first_line: int) -> None:
    _check_post(text, first_line)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300), st.integers(1, 5))
def test_markdown_property_any_text(text: str, first_line: int) -> None:
    _check_post(text, first_line)


@pytest.mark.parametrize(
    "text",
    [
        "![a](" * 20_000,
        "[" * 30_000 + "]" * 30_000,
        '<a x="' * 20_000,
        "<!--" * 20_000,
        "`a ``b " * 20_000,
        "*a " * 20_000 + "b* " * 20_000,
        ">" * 30_000 + " Zitat",
        "".join("  " * i + "- x\n" for i in range(600)),
        '[bctt tweet="' * 20_000,
        "!@#$%^&*()_+-=[]{}|;:,.<>?/~`\\" * 10_000,
        "\t" * 100_000 + "x",
        "Wort und *Satz*.\n" * 10_000,
    ],
    ids=lambda text: repr(text[:12]),
)
@pytest.mark.usefixtures("hang_guard")
def test_markdown_hostile_input_is_handled(text: str) -> None:
    post = _post(text)
    segments = segment_markdown(post)
    parse_suppressions(post)
    _check_invariants(post, segments)


# -- suppression directives ----------------------------------------------------------------


def _suppressions(text: str, first_line: int = 1) -> list[Suppression]:
    return parse_suppressions(_post(text, first_line=first_line))


def test_directive_disable_enable_range() -> None:
    text = (
        "Absatz eins.\n"
        "<!-- blogtext-disable style/fuellwort, style/man -- wörtliches Zitat -->\n"
        "Eigentlich sagt man das so.\n"
        "<!-- blogtext-enable style/man -->\n"
        "Man sagt.\n"
        "<!-- blogtext-enable -->\n"
        "Eigentlich wieder geprüft."
    )
    suppressions = _suppressions(text, first_line=3)
    assert suppressions == [
        Suppression("disable", ("style/man",), 4, 1, 4, 5, (), "wörtliches Zitat"),
        Suppression("disable", ("style/fuellwort",), 4, 1, 4, 7, (), "wörtliches Zitat"),
    ]
    assert is_suppressed(suppressions, "style/man", 5)
    assert not is_suppressed(suppressions, "style/man", 7)
    assert is_suppressed(suppressions, "style/fuellwort", 7)
    assert not is_suppressed(suppressions, "style/fuellwort", 9)
    assert not is_suppressed(suppressions, "style/fuellwort", 3)


def test_directive_disable_all_and_partial_enable() -> None:
    text = "<!-- blogtext-disable -->\nA\n<!-- blogtext-enable gender -->\nB"
    suppressions = _suppressions(text)
    assert suppressions == [
        Suppression("disable", (), 1, 1, 1, 2),
        Suppression("disable", (), 1, 1, 3, None, ("gender",)),
    ]
    assert is_suppressed(suppressions, "gender/generic-masculine", 2)
    assert not is_suppressed(suppressions, "gender/generic-masculine", 4)
    assert is_suppressed(suppressions, "readability/long-sentence", 4)


def test_directive_area_token_matches_rules_of_area() -> None:
    suppressions = _suppressions("<!-- blogtext-disable readability -->\nText")
    assert is_suppressed(suppressions, "readability/flesch", 2)
    assert not is_suppressed(suppressions, "readability-x/flesch", 2)
    assert not is_suppressed(suppressions, "style/man", 2)


def test_directive_disable_next_line_after_multiline_comment() -> None:
    text = "<!--\n  blogtext-disable-next-line\n  gender/generic-masculine\n-->\nDie Kunden."
    suppressions = _suppressions(text, first_line=10)
    assert suppressions == [
        Suppression("disable-next-line", ("gender/generic-masculine",), 10, 1, 14, 14)
    ]
    assert is_suppressed(suppressions, "gender/generic-masculine", 14)
    assert not is_suppressed(suppressions, "gender/generic-masculine", 15)


def test_directive_disable_line_inline() -> None:
    text = "Erste Zeile.\nDie Kunden <!-- blogtext-disable-line gender --> kommen."
    suppressions = _suppressions(text)
    assert suppressions == [Suppression("disable-line", ("gender",), 2, 12, 2, 2)]
    assert is_suppressed(suppressions, "gender/generic-masculine", 2)
    assert not is_suppressed(suppressions, "gender/generic-masculine", 1)


def test_directive_disable_file_covers_every_line() -> None:
    text = "Text davor.\n\n<!-- blogtext-disable-file style/anglizismus -->"
    suppressions = _suppressions(text, first_line=5)
    assert suppressions == [Suppression("disable-file", ("style/anglizismus",), 7, 1, 1, None)]
    assert is_suppressed(suppressions, "style/anglizismus", 1)
    assert is_suppressed(suppressions, "style/anglizismus", 500)
    assert not is_suppressed(suppressions, "style/man", 500)


def test_directive_not_in_code_and_not_misspelled() -> None:
    text = (
        "```html\n"
        "<!-- blogtext-disable-file -->\n"
        "```\n"
        "Schreiben Sie `<!-- blogtext-disable -->` vor den Absatz.\n"
        "\n"
        "    <!-- blogtext-disable -->\n"
        "\n"
        "<!-- blogtext-disabled style/man -->\n"
        "<!-- Hinweis: blogtext-disable -->"
    )
    assert _suppressions(text) == []


def test_directive_find_and_unused() -> None:
    text = (
        "<!-- blogtext-disable-next-line style/man -->\n"
        "Man sagt.\n"
        "<!-- blogtext-disable-next-line gender -->\n"
        "Ohne Befund."
    )
    suppressions = _suppressions(text)
    used = find_suppression(suppressions, "style/man", 2)
    assert used is not None and used.line == 1
    assert find_suppression(suppressions, "style/man", 4) is None
    assert [s.line for s in unused_suppressions(suppressions, [used])] == [3]


def test_directive_unused_reported_once_per_split_directive() -> None:
    text = "<!-- blogtext-disable -->\nA\n<!-- blogtext-enable style/man -->\nB"
    suppressions = _suppressions(text)
    assert len(suppressions) == 2
    assert [s.line for s in unused_suppressions(suppressions, [])] == [1]
    used = find_suppression(suppressions, "gender/generic-masculine", 4)
    assert unused_suppressions(suppressions, [used]) == []  # type: ignore[list-item]


def test_directive_scan_comments_for_other_formats() -> None:
    text = "<p>Text</p>\n<!-- blogtext-disable-next-line style/man -->\n<p>Man</p>"
    comments = scan_comments(text, first_line=3)
    assert [(c.line, c.column, c.end_line) for c in comments] == [(4, 0, 4)]
    post = Post(
        id="seite", path="seite.html", format="html", encoding="utf-8", text=text, sha256=""
    )
    assert parse_suppressions(post) == [
        Suppression("disable-next-line", ("style/man",), 2, 1, 3, 3)
    ]
