"""Tests for the plain-text segmenter (blogtext.segment.plaintext).

All texts here are written by us in the shape of real dumps (browser copy, w3m, flat);
the one test that reads the shared sample skips when ``../shared`` is absent.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from blogtext.data import read_lines
from blogtext.model import Post, Segments
from blogtext.segment import BOILERPLATE_KINDS, line_labels, overlapping_lines
from blogtext.segment._text_comments import parse_header, signature
from blogtext.segment._text_dates import find_date
from blogtext.segment._text_lines import make_line, split_lines
from blogtext.segment._text_phrases import PHRASE_FILES, match_phrase, normalize
from blogtext.segment.plaintext import segment_text

FIXTURES = Path(__file__).parent / "fixtures"
SHARED = Path(__file__).resolve().parents[3] / "shared"


def _post(text: str, title: str | None = None) -> Post:
    return Post(
        id="t", path="t.txt", format="text", encoding="utf-8", text=text, sha256="", title=title
    )


def _segment(text: str, title: str | None = None) -> Segments:
    return segment_text(_post(text, title))


def _fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def _line_no(text: str, startswith: str) -> int:
    for number, line in enumerate(text.split("\n"), 1):
        if line.strip().startswith(startswith):
            return number
    raise AssertionError(f"no line starts with {startswith!r}")


def _flatten(text: str) -> str:
    """The flat dump style: the browser copy without indentation and bullets."""
    out = []
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped.startswith("• "):
            stripped = stripped[2:]
        out.append(stripped)
    return "\n".join(out)


def assert_consistent(text: str, segments: Segments) -> None:
    """Every non-blank line owned once; slices and comment lines point at the input."""
    assert overlapping_lines(segments) == []
    labels = line_labels(segments)
    lines = text.split("\n")
    for number, line in enumerate(lines, 1):
        if line.strip():
            assert number in labels, f"line {number} not owned: {line!r}"
        else:
            assert number not in labels, f"blank line {number} owned"
    for block in segments.body:
        for piece in block.slices:
            source = lines[piece.line - 1]
            assert source[piece.column : piece.column + len(piece.text)] == piece.text
    for item in segments.boilerplate:
        assert item.kind in BOILERPLATE_KINDS


# --- the WordPress browser copy with every trap ----------------------------------------------


@pytest.fixture(scope="module")
def wordpress() -> tuple[str, Segments]:
    text = _fixture("wordpress_browser.txt")
    return text, _segment(text)


def test_plaintext_every_line_owned_once(wordpress: tuple[str, Segments]) -> None:
    text, segments = wordpress
    assert_consistent(text, segments)


def test_plaintext_title_and_article(wordpress: tuple[str, Segments]) -> None:
    text, segments = wordpress
    labels = line_labels(segments)
    assert segments.title == "Tomaten im Kübel ziehen"
    assert segments.body[0].kind == "title"
    assert labels[_line_no(text, "Wer keinen Garten")] == "body"
    assert labels[_line_no(text, "• einen Kübel")] == "body"
    assert labels[_line_no(text, "Startseite »")] == "boilerplate"
    assert labels[_line_no(text, "von Jana")] == "boilerplate"
    kinds = {b.kind for b in segments.body}
    assert {"title", "heading", "paragraph", "list-item"} <= kinds


def test_plaintext_footnote_star_and_call_to_action_stay_in_article(
    wordpress: tuple[str, Segments],
) -> None:
    text, segments = wordpress
    labels = line_labels(segments)
    assert labels[_line_no(text, "* Alle Angaben")] == "body"
    assert labels[_line_no(text, "Schreiben Sie mir gern")] == "body"


def test_plaintext_share_label_is_inline_boilerplate(wordpress: tuple[str, Segments]) -> None:
    text, segments = wordpress
    number = _line_no(text, "Gieße morgens")
    assert line_labels(segments)[number] == "body"
    inline = [b for b in segments.boilerplate if b.inline]
    assert inline == [type(inline[0])("share-button", "Click To Tweet", (number,), inline=True)]
    (quote,) = segments.share_quotes
    assert quote.text == "Gieße morgens und nie über die Blätter, dann bleiben die Pflanzen gesund."
    assert quote.lines == (number,) and quote.source == "label"
    block = next(b for b in segments.body if number in b.lines)
    assert not block.text.endswith("Tweet")


def test_plaintext_comments_with_nesting(wordpress: tuple[str, Segments]) -> None:
    text, segments = wordpress
    comments = segments.comments
    assert [(c.author, c.date, c.parent) for c in comments] == [
        ("Mara", "2021-03-14T08:15", None),
        ("Jana", "2021-03-14T10:02", 0),
        ("Tom", "2021-03-16T19:45", None),
    ]
    assert (
        comments[0].text
        == "Danke für die Anleitung, genau das habe ich gesucht!\nLiebe Grüße\nMara"
    )
    assert comments[0].lines == tuple(
        range(_line_no(text, "Danke für die"), _line_no(text, "Mara") + 1)
    )


def test_plaintext_pingback_form_captcha_are_boilerplate(wordpress: tuple[str, Segments]) -> None:
    text, segments = wordpress
    labels = line_labels(segments)
    by_line = {line: b.kind for b in segments.boilerplate if not b.inline for line in b.lines}
    assert by_line[_line_no(text, "[…] eine schöne")] == "pingback"
    assert by_line[_line_no(text, "• Pingback:")] == "pingback"
    assert by_line[_line_no(text, "drei + 4 =")] == "captcha"
    assert by_line[_line_no(text, "3 Gedanken zu")] == "comment-heading"
    assert by_line[_line_no(text, "Antworten")] == "reply-link"
    for start in (
        "Schreibe einen Kommentar",
        "Deine E-Mail-Adresse",
        "Meinen Namen",
        "Diese Website",
    ):
        assert by_line[_line_no(text, start)] == "comment-form", start
    assert labels[_line_no(text, "Teilen mit:")] == "boilerplate"
    assert by_line[_line_no(text, "Ähnliche Beiträge")] == "related-posts"


def test_plaintext_flat_dump_same_labels_comments_top_level(
    wordpress: tuple[str, Segments],
) -> None:
    text, segments = wordpress
    flat = _flatten(text)
    flat_segments = _segment(flat)
    assert_consistent(flat, flat_segments)
    assert line_labels(flat_segments) == line_labels(segments)
    assert [(c.author, c.date) for c in flat_segments.comments] == [
        (c.author, c.date) for c in segments.comments
    ]
    # Without indentation there is no nesting cue: every comment is top-level.
    assert all(c.parent is None for c in flat_segments.comments)


def test_plaintext_w3m_noise() -> None:
    text = "\n".join(
        [
            "Skip to content",
            "[logo]",
            "",
            "Ein Abend im Kiez",
            "",
            "Gestern waren wir im Viertel unterwegs und haben drei neue Cafés ausprobiert, alle mit Hafermilch.",
            "",
            "[cafe-bild-1]",
            "",
            "Das zweite Café hatte den besten Kuchen, das dritte die freundlichste Bedienung im ganzen Kiez.",
            "",
            "Ein Kommentar zu „Ein Abend im Kiez“",
            "",
            " 1. Paula sagt:",
            "    2. Mai 2022 um 18:30 Uhr",
            "",
            "    Da muss ich auch mal hin!",
            "",
            "    Antworten",
            "",
            "Schreibe einen Kommentar Antworten abbrechen",
            "",
            "Kommentar[                                             ]",
            "Name * [                              ]",
            "[ ] Meinen Namen, E-Mail und Website in diesem Browser speichern, bis ich wieder kommentiere.",
            "[Kommentar abschicken]",
            "zwanzig − 17 = [  ]",
        ]
    )
    segments = _segment(text)
    assert_consistent(text, segments)
    labels = line_labels(segments)
    assert labels[4] == "body" and labels[8] == "body"  # title and an image inside the article
    assert labels[2] == "boilerplate"
    assert [(c.author, c.date, c.text) for c in segments.comments] == [
        ("Paula", "2022-05-02T18:30", "Da muss ich auch mal hin!")
    ]
    assert all(labels[n] == "boilerplate" for n in range(21, 28) if text.split("\n")[n - 1].strip())


def test_plaintext_footer_style_headers_after_text() -> None:
    text = _fixture("footer_style.txt")
    segments = _segment(text)
    assert_consistent(text, segments)
    assert [(c.author, c.date, len(c.lines)) for c in segments.comments] == [
        ("Petra Lang", "2020-02-03T09:12", 1),
        ("Henrik", "2020-02-03T11:40", 2),
    ]
    labels = line_labels(segments)
    assert labels[_line_no(text, "Comment by Petra")] == "boilerplate"
    assert labels[_line_no(text, "Seit einem halben Jahr")] == "body"


def test_plaintext_blogger_english() -> None:
    text = _fixture("blogger_english.txt")
    segments = _segment(text)
    assert_consistent(text, segments)
    labels = line_labels(segments)
    assert labels[_line_no(text, "Three books")] == "body"
    assert labels[_line_no(text, "Posted by Lena")] == "boilerplate"
    assert labels[_line_no(text, "Labels:")] == "boilerplate"
    assert [(c.author, c.date, c.parent) for c in segments.comments] == [
        ("Sophie", "2014-01-15T23:36", None),
        ("Lena", "2014-01-16T08:05", 0),
        ("Mark", None, None),
    ]


def test_plaintext_given_title_wins() -> None:
    text = (
        "Mein Blog\n\nDer echte Titel\n\n"
        + "Ein langer erster Absatz mit vielen Wörtern, der eindeutig zum Artikel gehört. " * 2
    )
    segments = _segment(text, title="Der echte Titel")
    assert segments.title == "Der echte Titel"
    assert segments.body[0].kind == "title" and segments.body[0].text == "Der echte Titel"


def test_plaintext_name_says_in_article_is_not_a_comment() -> None:
    text = "\n".join(
        [
            "Neue Pflege im Test",
            "",
            "Ich habe das Shampoo vier Wochen lang benutzt und berichte hier ausführlich von meinen Erfahrungen damit.",
            "",
            "Der Hersteller sagt:",
            "",
            "Unsere Formel pflegt das Haar und schützt die Farbe bei jeder Wäsche besonders schonend und gründlich.",
            "",
            "Mein Fazit nach vier Wochen: Die Farbe hält tatsächlich länger, die Haare glänzen sichtbar mehr.",
        ]
    )
    segments = _segment(text)
    assert segments.comments == []
    assert set(line_labels(segments).values()) == {"body"}


def test_plaintext_signatures_and_author_fallback() -> None:
    lines = split_lines("Danke für den Input! ~Tabea")
    assert signature(lines) == "Tabea"
    assert signature(split_lines("Tolle Idee.\nlg\nStefanie")) == "Stefanie"
    assert signature(split_lines("Schöner Beitrag.\nLG, Miriam")) == "Miriam"
    assert signature(split_lines("Schöner Beitrag, danke.")) is None


# --- phrase families ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("2 thoughts on “5 Punkte für Ihre erfolgreiche Kooperation!", "comment-heading"),
        ("2 thoughts on “Titel”", "comment-heading"),
        ("4 Gedanken zu „Ein Titel“", "comment-heading"),
        ("12 Kommentare zu „Noch ein Titel“", "comment-heading"),
        ("Ein Kommentar zu „Titel“", "comment-heading"),
        ("3 Antworten auf „Titel“", "comment-heading"),
        ("One thought on “Title”", "comment-heading"),
        ("5 Responses to “Title”", "comment-heading"),
        ("52Comments", "comment-heading"),
        ("Kommentare (3)", "comment-heading"),
        ("Permalink", "comment-meta"),
        ("Antworten", "reply-link"),
        ("Reply", "reply-link"),
        ("Antworten ↓", "reply-link"),
        ("Schreibe einen Kommentar", "comment-form"),
        ("Hinterlasse einen Kommentar", "comment-form"),
        ("Kommentar verfassen", "comment-form"),
        (
            "Deine E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * markiert",
            "comment-form",
        ),
        ("Ihre E-Mail-Adresse wird nicht veröffentlicht.", "comment-form"),
        ("Erforderliche Felder sind mit * markiert", "comment-form"),
        (
            "Meinen Namen, E-Mail und Website in diesem Browser speichern, bis ich wieder kommentiere.",
            "comment-form",
        ),
        (
            "Save my name, email, and website in this browser for the next time I comment.",
            "comment-form",
        ),
        ("Diese Website verwendet Akismet, um Spam zu reduzieren.", "comment-form"),
        ("This site uses Akismet to reduce spam.", "comment-form"),
        ("Antworten abbrechen", "reply-link"),
        ("Du kommentierst mit Deinem WordPress.com-Konto. ( Abmelden / Ändern )", "comment-form"),
        ("Share on X", "share-button"),
        ("Teilen mit:", "share-button"),
        ("Gefällt mir:", "share-button"),
        ("Tweet", "share-button"),
        ("WhatsApp", "share-button"),
        ("Drucken", "share-button"),
        ("Klick, um auf Facebook zu teilen (Wird in neuem Fenster geöffnet)", "share-button"),
        ("Pinterest192.0K", "share-button"),
        ("%d Bloggern gefällt das:", "share-button"),
        ("Ähnliche Beiträge", "related-posts"),
        ("Das könnte Sie auch interessieren", "related-posts"),
        ("Das könnte dich auch interessieren!", "related-posts"),
        ("Vorheriger Beitrag", "navigation"),
        ("Inhaltsverzeichnis", "navigation"),
        (
            "Diese Website benutzt Cookies. Wenn Sie die Website weiter nutzen, stimmen Sie zu.",
            "cookie-notice",
        ),
        ("Blog per E-Mail folgen", "newsletter"),
        ("Über den Autor", "author-box"),
        ("Veröffentlicht am 3. Mai 2020", "byline"),
        ("von Jana", "byline"),
        ("Tags: Garten, Balkon", "tags"),
        ("Schlagwörter:Natur, Pflege", "tags"),
        ("Pingback: Ein anderer Blog", "pingback"),
        ("Anzeige", "advertising"),
        ("© 2021 Janas Balkon", "footer"),
    ],
)
def test_plaintext_phrase_families(line: str, kind: str) -> None:
    rule = match_phrase(normalize(line))
    assert rule is not None and rule.kind == kind, (line, rule)


@pytest.mark.parametrize(
    "line",
    [
        "Von der Idee zum fertigen Produkt in nur drei Wochen",
        "Kontaktieren Sie mich jetzt für mehr Information – ich begleite Ihr Vorhaben.",
        "* Alle Formulierungen betreffen sowohl die männliche wie auch die weibliche Ansprache.",
        "Wir teilen mit Ihnen unsere besten Tipps für den Garten.",
    ],
)
def test_plaintext_article_lines_match_no_phrase(line: str) -> None:
    assert match_phrase(normalize(line)) is None


@pytest.mark.parametrize(
    "line", ["zwanzig − 17 =", "3 + 4 =", "− =", "acht × 2 =", "12 ÷ drei =", "sieben - 5 = [  ]"]
)
def test_plaintext_captcha(line: str) -> None:
    assert make_line(0, line).captcha


@pytest.mark.parametrize("line", ["E = mc²", "a + b = c ist die Formel", "Preis: 3 + 4 Euro"])
def test_plaintext_not_captcha(line: str) -> None:
    assert not make_line(0, line).captcha


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("8. April 2017 um 11:59", "2017-04-08T11:59"),
        ("7. Dez 2018 um 13:22 Uhr", "2018-12-07T13:22"),
        ("23.05.2019 - 09:05", "2019-05-23T09:05"),
        ("14.09.2022 um 21.11", "2022-09-14T21:11"),
        ("Januar 15, 2014 um 23:36", "2014-01-15T23:36"),
        ("Juni 19th, 2018", "2018-06-19"),
        ("11/08/2020 at 9:52", "2020-08-11T09:52"),
        ("17.07, 2011 @ 13:04", "2011-07-17T13:04"),
        ("2019-01-01 @ 00:39", "2019-01-01T00:39"),
        ("Mittwoch, Mai 10, 2017 4:14:00 PM", "2017-05-10T16:14"),
        ("21. Jan 2022", "2022-01-21"),
    ],
)
def test_plaintext_dates(line: str, iso: str) -> None:
    date = find_date(line)
    assert date is not None and date.iso == iso


@pytest.mark.parametrize(
    ("line", "author", "date"),
    [
        ("Tabea sagt:", "Tabea", None),
        ("Anna says:", "Anna", None),
        ("Kommentar von Mareike", "Mareike", None),
        ("Comment by Mirko Lange — 17.07, 2011 @ 13:04", "Mirko Lange", "2011-07-17T13:04"),
        ("Julia on 11/08/2020 at 9:52", "Julia", "2020-08-11T09:52"),
        ("Ben 19. Juni 2018 um 15:28 Uhr - Antworten", "Ben", "2018-06-19T15:28"),
        ("Trockenduscher am 9. Juni 2017 um 13:22", "Trockenduscher", "2017-06-09T13:22"),
        ("8. April 2017 um 11:59", None, "2017-04-08T11:59"),
        ("Do 24. Mai 2018, 10:58 | Antworten", None, "2018-05-24T10:58"),
        ("Ruby21:00", "Ruby", None),
    ],
)
def test_plaintext_comment_headers(line: str, author: str | None, date: str | None) -> None:
    header = parse_header(make_line(0, "  • " + line))
    assert header is not None
    assert (header.author, header.date) == (author, date)


def test_plaintext_toc_is_navigation() -> None:
    prose = (
        "Ein ausführlicher Absatz über das Thema, der genug Wörter hat, um als Fließtext zu gelten."
    )
    text = "\n".join(
        [
            "Titel des Beitrags",
            "",
            prose,
            "",
            "Inhalt",
            "",
            "  • Teil eins",
            "  • Teil zwei",
            "",
            "Teil eins",
            "",
            prose,
            "",
            "Teil zwei",
            "",
            prose,
        ]
    )
    segments = _segment(text)
    labels = line_labels(segments)
    assert labels[5] == labels[7] == labels[8] == "boilerplate"
    assert labels[10] == labels[12] == "body"


# --- data files ----------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "kind"), PHRASE_FILES)
def test_plaintext_phrase_files_valid(name: str, kind: str) -> None:
    assert kind in BOILERPLATE_KINDS
    rows = read_lines("segment", name)
    assert rows, name
    seen: set[tuple[str, str]] = set()
    for row in rows:
        cols = row.split("\t")
        assert cols[0] in {"line", "prefix", "suffix", "contains"}, row
        assert 2 <= len(cols) <= 3 and cols[1].strip(), row
        if len(cols) == 3:
            assert cols[2].isdigit(), row
        key = (cols[0], normalize(cols[1]))
        assert key not in seen, f"{name}: duplicate {row!r}"
        seen.add(key)


@pytest.mark.parametrize(
    "name",
    [
        "share_labels.txt",
        "months.tsv",
        "number_words.tsv",
        "comment_verbs.tsv",
        "greetings.tsv",
        "rating_words.txt",
        "address_words.txt",
    ],
)
def test_plaintext_word_lists_valid(name: str) -> None:
    rows = read_lines("segment", name)
    assert rows and len(rows) == len(set(rows)), name


# --- robustness ----------------------------------------------------------------------------


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_plaintext_never_crashes_and_owns_every_line(text: str) -> None:
    text = text.replace("\r", "")
    assert_consistent(text, _segment(text))


_PIECES = [
    "• ",
    "  ",
    "Antworten",
    "Reply",
    "2 thoughts on “",
    "Tabea sagt:",
    "8. April 2017 um 11:59",
    "Schreibe einen Kommentar",
    "zwanzig − 17 =",
    "Share on X",
    "[…]",
    "Permalink",
    "\n",
    "\n\n",
    "Ein ganz normaler Satz mit genug Wörtern, damit er als Fließtext zählt.",
    "~Tabea",
    "lg",
    "Kommentar von Anna",
    "Comment by Bob — 17.07, 2011 @ 13:04",
    "[image]",
    "Ähnliche Beiträge",
]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_PIECES), max_size=60))
def test_plaintext_blog_shaped_noise_owns_every_line(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert_consistent(text, _segment(text))


def test_plaintext_ten_megabyte_single_line_finishes() -> None:
    text = ("Wort, " * 1_700_000)[: 10 * 1024 * 1024]
    segments = _segment(text)
    assert line_labels(segments) == {1: "body"}
    assert segments.body[0].slices[0].text == text.rstrip()


def test_plaintext_random_punctuation_lines_finish() -> None:
    rng = random.Random(3)
    alphabet = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~•–—„“”‘’…«»×÷−0123456789 "
    text = "\n".join(
        "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 3000))) for _ in range(300)
    )
    assert_consistent(text, _segment(text))


def test_plaintext_long_lines_of_dates_and_colons_finish() -> None:
    # Inputs aimed at the date and phrase patterns: digits, dots, colons, month names.
    text = "\n".join(
        ["1." * 50_000, "12:" * 50_000, "Mai 1, " * 20_000, ". " * 100_000, "[" * 100_000]
    )
    assert_consistent(text, _segment(text))


# --- the shared sample --------------------------------------------------------------------


@pytest.mark.skipif(not (SHARED / "samples").is_dir(), reason="../shared is not available")
def test_plaintext_shared_sample_matches_gold() -> None:
    gold = json.loads((SHARED / "samples" / "kooperation-5-punkte.gold.json").read_text("utf-8"))
    text = (SHARED / "samples" / gold["file"]).read_text("utf-8")
    segments = _segment(text)
    assert_consistent(text, segments)
    labels = line_labels(segments)
    for line, label in gold["labels"].items():
        if label != "either":
            assert labels.get(int(line)) == label, line
    assert segments.title == gold["title"]
    assert [q.text for q in segments.share_quotes] == gold["share_quotes"]
    assert [(c.date, c.parent, list(c.lines)) for c in segments.comments] == [
        (c["date"], c["parent"], c["lines"]) for c in gold["comments"]
    ]
    assert [c.author for c in segments.comments] == [
        c["author_signature"] for c in gold["comments"]
    ]
    headings = [line for b in segments.body if b.kind == "heading" for line in b.lines]
    assert set(gold["headings"]) <= set(headings)


# --- shop reviews, ratings, pagers, link rows -------------------------------------------------

_PROSE = "Dieser Absatz ist lang genug, damit er als Fließtext des Artikels gezählt wird."

_REVIEWS = "\n".join(
    [
        "Teekanne aus Steingut",
        "",
        _PROSE,
        "",
        "Kundenbewertungen",
        "",
        "Basierend auf 3 Bewertungen",
        "Bewertung schreiben",
        "67%",
        "(2)",
        "33%",
        "(1)",
        "  • M",
        "    Maren K.",
        "    Hält warm",
        "",
        "    Der Tee bleibt lange heiß und die Kanne tropft beim Einschenken nicht.",
        "",
        "  • JB",
        "    Jonas B.",
        "    Zu klein",
        "",
        "    Für vier Tassen reicht sie leider nicht ganz.",
        "",
        "    Hallo Jonas, danke für den Hinweis, wir ergänzen die Füllmenge. Dein Team",
        "",
        "123",
        "",
        "Informationen",
        "  • Versand",
        "  • Impressum",
    ]
)


@pytest.mark.parametrize("flat", [False, True])
def test_plaintext_shop_reviews_with_letter_avatars_are_comments(flat: bool) -> None:
    text = _flatten(_REVIEWS) if flat else _REVIEWS
    segments = _segment(text)
    assert_consistent(text, segments)
    labels = line_labels(segments)
    assert [(c.author, c.date, c.parent) for c in segments.comments] == [
        ("Maren K.", None, None),
        ("Jonas B.", None, None),
    ]
    # The review title and the shop's answer belong to the review.
    assert segments.comments[0].text.startswith("Hält warm\n")
    assert segments.comments[1].text.endswith("Dein Team")
    for start in ("Basierend auf", "Bewertung schreiben", "67%", "(2)", "M", "Maren K.", "123"):
        assert labels[_line_no(text, start)] == "boilerplate", start
    assert labels[_line_no(text, "Dieser Absatz")] == "body"


def test_plaintext_review_word_in_a_menu_does_not_open_comments() -> None:
    text = "\n".join(["Rezensionen", "Über mich", "", "Mein Titel", "", _PROSE, "", _PROSE])
    segments = _segment(text)
    assert segments.comments == []
    assert line_labels(segments)[6] == "body"


@pytest.mark.parametrize(
    ("line", "rating"),
    [
        ("4 von 5 (12 Bewertungen)", True),
        ("4,5 von 5 Sternen", True),
        ("Bewertet mit 5 von 5", True),
        ("Rated 4.20 out of 5", True),
        ("★★★★☆", True),
        ("85%", True),
        ("Teil 2 von 5", False),
        ("1/2 Tasse Zucker", False),
        ("Drei von fünf Ideen haben wir umgesetzt.", False),
    ],
)
def test_plaintext_rating_lines(line: str, rating: bool) -> None:
    assert make_line(0, line).rating is rating


def test_plaintext_rating_under_the_title_is_post_meta() -> None:
    text = "\n".join(["Mein Titel", "3 von 5 (4 Bewertungen)", "", _PROSE, "", _PROSE])
    labels = line_labels(_segment(text))
    assert labels[1] == "body" and labels[2] == "boilerplate"


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("← Der Kübel im Winter", "navigation"),
        ("Saatgut selbst gewinnen →", "navigation"),
        ("‹ Ältere Einträge", "navigation"),
        ("123", "navigation"),
        ("« 1 2 3 … 7 »", "navigation"),
        ("1 2 3 Weiter", "navigation"),
        ("Impressum // Über mich // Datenschutz", "footer"),
        ("Start | Rezepte | Kontakt", "footer"),
        ("»Ein Zitat in Anführungszeichen«", None),
        ("Das ist wichtig →", "navigation"),
        ("Die Regel lautet: erst gießen → dann düngen.", None),
        ("12", "comment-meta"),  # a bare comment number, not a pager
    ],
)
def test_plaintext_post_links_pagers_and_link_rows(line: str, kind: str | None) -> None:
    assert make_line(0, line).kind == kind


def test_plaintext_blog_name_and_tagline_above_the_date_are_not_the_title() -> None:
    text = "\n".join(
        [
            "Gartenblog",
            "",
            "Gemüse auf kleinem Raum",
            "",
            "12.04.2021",
            "",
            "Mein Titel",
            "",
            _PROSE,
            "",
            _PROSE,
        ]
    )
    labels = line_labels(_segment(text))
    assert labels[1] == labels[3] == labels[5] == "boilerplate"
    assert labels[7] == labels[9] == "body"


# --- comment headers: avatar residue, dates inside comment text --------------------------------


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("[3f9a1c]Lena 14.09.2022 um 21.11", "Lena"),
        ("[a7b2e9d04] Lena Berg sagt:", "Lena Berg"),
        ("● Lena sagt:", "Lena"),
        ("-xy sagt:", "-xy"),
        (
            "Tom Krause | tomsgarten.de 3. Mai 2021 um 10:00 Uhr - Antworten",
            "Tom Krause | tomsgarten.de",
        ),
    ],
)
def test_plaintext_author_without_avatar_residue(line: str, author: str) -> None:
    header = parse_header(make_line(0, line))
    assert header is not None and header.author == author


def test_plaintext_avatar_alt_before_kommentar_von() -> None:
    text = "\n".join(
        [
            "Titel",
            "",
            _PROSE,
            "",
            "2 Kommentare zu „Titel“",
            "",
            "    bild Kommentar von Lena",
            "    8. Dezember 2020 um 10:56",
            "",
            "    Schöne Idee, probiere ich aus.",
        ]
    )
    (comment,) = _segment(text).comments
    assert comment.author == "Lena"


@pytest.mark.parametrize(
    "line", ["Beschluss vom 11.10.2020, Az. 3 U 12/20", "[…] Nachtrag vom 21.06.2021 […]"]
)
def test_plaintext_date_inside_comment_text_is_not_a_header(line: str) -> None:
    assert parse_header(make_line(0, line)) is None


# --- reply nesting in flat dumps ------------------------------------------------------------


def _flat_comments(records: list[tuple[str, str, str]], head: str = "") -> Segments:
    """A flat dump: heading, then per comment "Name sagt:", a date line and one text line."""
    rows = ["Titel", head, "", _PROSE, "", f"{len(records)} Kommentare zu „Titel“", ""]
    for name, date, body in records:
        rows += [f"{name} sagt:", date, "", body, "", "Antworten", ""]
    rows += ["Schreibe einen Kommentar"]
    return _segment("\n".join(rows))


def test_plaintext_flat_replies_from_oldest_first_date_order() -> None:
    segments = _flat_comments(
        [
            ("Anna", "3. Mai 2021 um 10:00", "Wie lange hält sich das?"),
            ("Bert", "6. Mai 2021 um 09:00", "Bei mir eine Woche."),
            ("Carla", "4. Mai 2021 um 12:00", "Sehr hilfreich, danke."),
            ("Dora", "5. Mai 2021 um 08:00", "Schon ausprobiert."),
        ]
    )
    assert [c.parent for c in segments.comments] == [None, 0, None, None]


def test_plaintext_flat_replies_from_newest_first_date_order() -> None:
    segments = _flat_comments(
        [
            ("Anna", "9. Mai 2021 um 10:00", "Tolles Rezept."),
            ("Bert", "7. Mai 2021 um 09:00", "Geht das auch ohne Ei?"),
            ("Carla", "8. Mai 2021 um 12:00", "Ja, mit Apfelmus."),
            ("Dora", "2. Mai 2021 um 08:00", "Schon ausprobiert."),
        ]
    )
    assert [c.parent for c in segments.comments] == [None, None, 1, None]


def test_plaintext_flat_answers_by_the_post_author_and_by_name() -> None:
    segments = _flat_comments(
        [
            ("Anna", "3. Mai 2021", "Wie lange hält sich das?"),
            ("Jana", "3. Mai 2021", "Liebe Anna, etwa eine Woche im Kühlschrank."),
            ("Bert", "3. Mai 2021", "Sehr hilfreich."),
            ("Carla", "3. Mai 2021", "Hallo Bert, freut mich."),
            # A threaded blog shows a reply to Anna inside Anna's thread, above Bert.
            ("Dora", "3. Mai 2021", "Hallo Anna, bei mir sogar länger."),
        ],
        head="von Jana",
    )
    assert [c.parent for c in segments.comments] == [None, 0, None, 2, None]


def test_plaintext_flat_long_chronological_list_stays_unthreaded() -> None:
    names = ["Anna", "Jana", "Bert", "Jana", "Carla", "Jana", "Dora", "Jana"]
    segments = _flat_comments(
        [
            (n, f"{i + 1}. Mai 2021 um 10:00", f"@{names[i - 1]} Guter Punkt.")
            for i, n in enumerate(names)
        ],
        head="von Jana",
    )
    assert [c.parent for c in segments.comments] == [None] * len(names)


# --- fast paths keep the results of the slow ones -------------------------------------------


@pytest.mark.parametrize(
    ("line", "norm"),
    [
        ("٣ Kommentare", "{n} kommentare"),  # a non-ASCII decimal digit is a number too
        ("１２ Comments", "{n} comments"),
        ("2\u2003Kommentare", "{n} kommentare"),  # any Unicode space collapses to one space
        ("Kommentare\xa0(12)", "kommentare ({n}"),
        ("  • 3   Antworten  ", "{n} antworten"),
        ("Seite {n}", "seite {n}"),  # a literal "{n}" is spaced like a replaced number
        ("Pinterest192.0K", "pinterest {n}. {n} k"),
        ("Über   den\tAutor", "über den autor"),
    ],
)
def test_plaintext_normalize_digits_and_spaces(line: str, norm: str) -> None:
    assert normalize(line) == norm


@pytest.mark.parametrize("line", ["Kategorie:Fashion", "kategorie: Fashion", "Tags, Garten"])
def test_plaintext_prefix_phrase_after_first_word_check(line: str) -> None:
    rule = match_phrase(normalize(line))
    assert rule is not None and rule.kind in ("byline", "tags")


def test_plaintext_repeated_content_keeps_its_own_position() -> None:
    # Features come from a cache keyed by the content; indentation, bullet, index do not.
    first, second = make_line(0, "Antworten"), make_line(7, "    • Antworten")
    assert (first.index, first.indent, first.column, first.bullet) == (0, 0, 0, False)
    assert (second.index, second.indent, second.column, second.bullet) == (7, 4, 6, True)
    assert first.kind == second.kind == "reply-link" and first.norm == second.norm


@pytest.mark.parametrize("line", ["1 ²", "² 3", "1 ① 2", "³"])
def test_plaintext_digit_like_marks_are_not_page_numbers(line: str) -> None:
    # int() rejects "²" although str.isdigit accepts it; the pager test must not crash.
    assert not make_line(0, line).arrow_nav
    assert_consistent(line, _segment(line))


def test_plaintext_boilerplate_runs_merge_up_to_the_limit() -> None:
    text = "\n".join(
        ["Mein Titel", "", _PROSE, _PROSE, "", "Ähnliche Beiträge"]
        + [f"Verwandter Beitrag Nummer {i}" for i in range(1, 121)]
        + ["", "", "", "Noch ein Link", "", "Und noch einer"]
    )
    segments = _segment(text)
    assert_consistent(text, segments)
    runs = [(b.kind, b.lines[0], len(b.lines)) for b in segments.boilerplate]
    # 120 adjacent lines: items of 50, 50, 20; three blank lines split, one does not.
    assert runs == [
        ("related-posts", 6, 1),
        ("other", 7, 50),
        ("other", 57, 50),
        ("other", 107, 20),
        ("other", 130, 2),
    ]
    assert segments.boilerplate[1].text.split("\n")[:2] == [
        "Verwandter Beitrag Nummer 1",
        "Verwandter Beitrag Nummer 2",
    ]
