"""HTML segmenter: body via trafilatura, our own comments, text view, share quotes, hostility.

Every page here is written by us in the shape of real blog software output (WordPress,
Blogger, wpDiscuz, schema.org microdata); no third-party page is copied in.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from blogtext.model import Post, Segments
from blogtext.segment import BOILERPLATE_KINDS, overlapping_lines, segment_post
from blogtext.segment._html_dates import parse_date
from blogtext.segment.html import segment_html

FIXTURES = Path(__file__).parent / "fixtures_html"


def _post(markup: str, title: str | None = None) -> Post:
    return Post(
        id="t", path="t.html", format="html", encoding="utf-8", text=markup, sha256="", title=title
    )


def _segment(name: str) -> Segments:
    return segment_html(_post((FIXTURES / name).read_text(encoding="utf-8")))


def _body_text(segments: Segments) -> str:
    return "\n".join(block.text for block in segments.body)


def _assert_consistent(segments: Segments) -> None:
    """Every position maps into the text view; no line has two owners."""
    view = (segments.text_view or "").split("\n")
    for block in segments.body:
        for piece in block.slices:
            assert view[piece.line - 1][piece.column :].startswith(piece.text)
    for comment in segments.comments:
        assert "\n".join(view[n - 1] for n in comment.lines) == comment.text
    for item in segments.boilerplate:
        assert item.kind in BOILERPLATE_KINDS
        assert all(1 <= n <= len(view) for n in item.lines)
    assert overlapping_lines(segments) == []


# --- WordPress -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def wordpress() -> Segments:
    return _segment("wordpress_nested.html")


def test_html_wordpress_title_from_entry_title_not_site_name(wordpress: Segments) -> None:
    assert wordpress.title == "Fünf Punkte für Ihre erfolgreiche Kooperation"
    assert wordpress.body[0].kind == "title"


def test_html_wordpress_comments_authors_dates_parents(wordpress: Segments) -> None:
    got = [(c.index, c.parent, c.author, c.date) for c in wordpress.comments]
    assert got == [
        (0, None, "Tabea", "2017-04-08T11:59"),
        (1, 0, "Maria Muster", "2017-04-08T14:05"),
        # The page shows only the day, though <time datetime> has a time: keep what is shown.
        (2, None, "Jonas K.", "2017-04-09"),
    ]
    assert wordpress.comments[0].text.endswith("~Tabea")  # signature stays in the comment


def test_html_wordpress_body_and_comments_do_not_mix(wordpress: Segments) -> None:
    body = _body_text(wordpress)
    assert "Kontaktieren Sie mich gern" in body
    assert "1. Klare Ziele vereinbaren" in [b.text for b in wordpress.body if b.kind == "heading"]
    assert [b.text for b in wordpress.body if b.kind == "list-item"] == [
        "Eine Ansprechperson pro Unternehmen benennen",
        "Entscheidungswege schriftlich festhalten",
    ]
    for comment in wordpress.comments:
        assert comment.text.split("\n")[0] not in body
    comments = "\n".join(c.text for c in wordpress.comments)
    for furniture in ("sagt:", "Antworten", "Pingback", "Schreibe einen Kommentar", "Beispielblog"):
        assert furniture not in body
        assert furniture not in comments


def test_html_wordpress_boilerplate_kinds(wordpress: Segments) -> None:
    kinds = {b.kind: b.text for b in wordpress.boilerplate}
    assert kinds["comment-heading"].startswith("3 Gedanken zu")
    assert kinds["pingback"].startswith("Pingback:")
    assert kinds["comment-form"] == "Schreibe einen Kommentar"
    assert kinds["share-button"] == "Click To Tweet"


def test_html_wordpress_bctt_quote_in_body_once_label_not(wordpress: Segments) -> None:
    quote = "Die optimale Balance zwischen Geben und Nehmen ist eine hohe Kunst!"
    assert [(q.text, q.source, q.label) for q in wordpress.share_quotes] == [
        (quote, "bctt", "Click To Tweet")
    ]
    body = _body_text(wordpress)
    assert body.count(quote) == 1
    assert "Click To Tweet" not in body
    line = wordpress.share_quotes[0].lines[0]
    assert (wordpress.text_view or "").split("\n")[line - 1] == quote


def test_html_wordpress_share_bar_tweet_link_is_not_a_quote(wordpress: Segments) -> None:
    # The sharedaddy Twitter button tweets the post title: furniture, not a quote.
    assert len(wordpress.share_quotes) == 1


def test_html_wordpress_text_view_positions(wordpress: Segments) -> None:
    _assert_consistent(wordpress)
    view = (wordpress.text_view or "").split("\n")
    assert view[0] == wordpress.title
    tabea = wordpress.comments[0]
    assert [view[n - 1] for n in tabea.lines] == [
        "Danke für die klare Liste, besonders Punkt zwei hat mir in meinem letzten Projekt gefehlt.",
        "~Tabea",
    ]


def test_html_dispatch_through_segment_post() -> None:
    post = _post((FIXTURES / "no_comments.html").read_text(encoding="utf-8"))
    assert segment_post(post).title == "Schwierige Gespräche führen"


# --- other blog software -------------------------------------------------------------------


def test_html_blogger_thread_reply_and_time_only_date() -> None:
    segments = _segment("blogger_thread.html")
    got = [(c.parent, c.author, c.date) for c in segments.comments]
    # "4:14:00 PM" is 16:14; a reply that shows only "21:00" has no date.
    assert got == [(None, "Lena Leserin", "2017-05-10T16:14"), (0, "Leselampe", None)]
    assert (
        segments.comments[0].text
        == "Tolle Rezension, das Buch steht jetzt auf meiner Liste.\nLiebe Grüße, Lena"
    )
    assert segments.title == "Rezension: Stark und gelassen"
    body = _body_text(segments)
    assert "Mein Fazit: eine klare Empfehlung" in body
    assert "Tolle Rezension" not in body
    _assert_consistent(segments)


def test_html_schema_org_comment_microdata() -> None:
    segments = _segment("microdata.html")
    got = [(c.author, c.date, c.text) for c in segments.comments]
    assert got == [
        ("Holger", "2022-01-21T18:30", "Super Idee, das probiere ich am Wochenende gleich aus."),
        ("Petra S.", "2022-01-23", "Funktioniert das auch mit einer Handkreissäge?"),
    ]
    assert segments.title == "Werkstatt-Tipp: Sauber sägen"
    assert "Handkreissäge" not in _body_text(segments)
    _assert_consistent(segments)


def test_html_page_without_comments() -> None:
    segments = _segment("no_comments.html")
    assert segments.comments == []
    body = _body_text(segments)
    assert "Konflikte mag keiner." in body
    assert "Gespräche meistern" in body
    assert "Deine E-Mail-Adresse" not in body
    assert [b.kind for b in segments.body].count("list-item") == 3
    _assert_consistent(segments)


WPDISCUZ = """<html><body><article><h1>Zitronenkuchen vom Blech</h1>
<p>{body}</p><p>{body}</p></article>
<div id="comments" class="comments-area"><div id="wpcomm" class="wpdiscuz_unauth">
<div id="wc-comm-1_0" class="wc-comment wc-blog-guest wc_comment_level-1">
 <div class="wc-comment-right"><div class="wc-comment-header"><div class="wc-comment-author">Franzi</div></div>
 <div class="wc-comment-text"><p>Wie lange hält sich der Kuchen im Kühlschrank?</p></div>
 <div class="wc-comment-footer"><span class="wc-reply-button">Antworten</span>
 <div class="wc-footer-right"><div class="wc-comment-date">19. Februar 2017 20:00</div></div></div></div>
 <div id="wc-comm-2_1" class="wc-comment wc-reply wc-blog-post_author wc_comment_level-2">
  <div class="wc-comment-right"><div class="wc-comment-header"><div class="wc-comment-author">Kathrin</div></div>
  <div class="wc-comment-text"><p>Gut verpackt etwa drei Tage.</p></div>
  <div class="wc-comment-footer"><div class="wc-comment-date">20. Februar 2017 09:49</div></div></div>
 </div>
</div></div></div></body></html>"""


def test_html_wpdiscuz_nesting_and_dates() -> None:
    body = "Der Teig wird auf dem Blech verteilt und bei 180 Grad etwa 25 Minuten gebacken."
    segments = segment_html(_post(WPDISCUZ.format(body=body)))
    got = [(c.parent, c.author, c.date, c.text) for c in segments.comments]
    assert got == [
        (None, "Franzi", "2017-02-19T20:00", "Wie lange hält sich der Kuchen im Kühlschrank?"),
        (0, "Kathrin", "2017-02-20T09:49", "Gut verpackt etwa drei Tage."),
    ]


OLD_THEME = """<html><body><div class="post"><h2 class="storytitle">Pseudonyme im Netz</h2>
<div class="storycontent"><p>{body}</p><p>{body}</p></div></div>
<ol id="commentlist">
<li id="comment-9291"><p>Mit Verlaub, das sehe ich anders.</p>
<p><cite>Comment by <a href="http://example.org" rel="external nofollow" class="url">Peter H.</a>
&#8212; 18.07, 2011 @ <a href="#comment-9291">11:43</a></cite></p></li>
<li id="comment-9292"><p>Die Regelung wirkt eindeutig.</p>
<p><cite>Comment by Daniel &#8212; 18.07, 2011 @ <a href="#comment-9292">13:10</a></cite></p></li>
</ol></body></html>"""


def test_html_old_theme_cite_meta() -> None:
    body = "Wer im Netz unter Pseudonym schreibt, hat dafür oft gute Gründe, die das Recht schützt."
    segments = segment_html(_post(OLD_THEME.format(body=body)))
    got = [(c.author, c.date, c.text) for c in segments.comments]
    assert got == [
        ("Peter H.", "2011-07-18T11:43", "Mit Verlaub, das sehe ich anders."),
        ("Daniel", "2011-07-18T13:10", "Die Regelung wirkt eindeutig."),
    ]
    assert segments.title == "Pseudonyme im Netz"


def test_html_intent_link_with_label_is_quote_label_removed() -> None:
    quote = "Gute Kooperationen beginnen mit ehrlichen Erwartungen."
    markup = (
        "<html><body><article><h1>Kooperation</h1><p>Einleitung mit genug Worten, damit der Text "
        "als Artikel gilt und nicht als Navigation erkannt wird, und noch mehr Worte.</p>"
        f"<p>{quote} <a href='https://x.com/intent/post?text=Gute%20Kooperationen%20beginnen%20mit"
        "%20ehrlichen%20Erwartungen.&url=https%3A%2F%2Fexample.org'>Tweet this</a></p>"
        "<p>Schluss mit genug Worten, damit der Text als Artikel gilt, und noch mehr Worte dazu.</p>"
        "</article></body></html>"
    )
    segments = segment_html(_post(markup))
    assert [(q.text, q.source, q.label) for q in segments.share_quotes] == [
        (quote, "intent-link", "Tweet this")
    ]
    assert "Tweet this" not in _body_text(segments)
    assert _body_text(segments).count(quote) == 1


# --- hostile input -------------------------------------------------------------------------


def test_html_script_in_comment_author_stays_plain_text() -> None:
    markup = (
        (FIXTURES / "wordpress_nested.html")
        .read_text(encoding="utf-8")
        .replace(
            '<b class="fn">Tabea</b>',
            '<b class="fn">&lt;script&gt;alert(1)&lt;/script&gt;Tabea<script>steal()</script></b>',
        )
    )
    segments = segment_html(_post(markup))
    assert segments.comments[0].author == "<script>alert(1)</script>Tabea"
    assert "steal()" not in (segments.text_view or "")


@pytest.mark.parametrize(
    "markup",
    [
        "",
        "   \n\t ",
        "kein HTML, nur ein Satz ohne Tags.",
        "<html><body></body></html>",
        "<" * 10_000,
        "<div class='comment'>" * 3_000,
        "<html><body>" + "<div>" * 10_000 + "Tief verschachtelt" + "</div>" * 10_000,
        "<p>Text <b><i>kaputt</b></i><div></p><li></ul></table>" * 500,
        '<?xml version="1.0" encoding="iso-8859-1"?><html><body><p>Ä</p></body></html>',
        "<li class='comment'><p>Nur ein Kommentar</p></li>" * 50,
        "\x00\x01<p>\ud7ff Steuerzeichen</p>",
    ],
)
@pytest.mark.usefixtures("hang_guard")
def test_html_hostile_input_does_not_crash(markup: str) -> None:
    segments = segment_html(_post(markup))
    _assert_consistent(segments)


def test_html_deep_nesting_keeps_text() -> None:
    markup = "<html><body>" + "<div>" * 10_000 + "Tief verschachtelt" + "</div>" * 10_000
    segments = segment_html(_post(markup))
    assert "Tief verschachtelt" in (segments.text_view or "")


@pytest.mark.usefixtures("hang_guard")
def test_html_deeply_nested_replies_bounded() -> None:
    item = '<li class="comment"><b class="fn">L{i}</b><div class="comment-content"><p>K {i}</p></div><ul class="children">'
    markup = '<ol class="commentlist">' + "".join(item.format(i=i) for i in range(1_000))
    segments = segment_html(_post(markup))
    # libxml2 caps the tree depth, so the deepest replies are flattened, never lost silently
    # into the body.
    assert segments.comments[0].author == "L0"
    assert segments.comments[1].parent == 0


_TAGS = st.sampled_from(
    ["div", "p", "li", "ul", "ol", "span", "article", "h1", "h2", "br", "time", "cite", "b", "a"]
)
_CLASSES = st.sampled_from(
    [
        "",
        "comment",
        "comment-content",
        "fn",
        "comment-author",
        "children",
        "entry-content",
        "bctt-click-to-tweet",
        "bctt-ctt-text",
        "bctt-ctt-btn",
        "wc-comment",
        "says",
        "reply",
    ]
)
_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)


@st.composite
def _markup(draw: st.DrawFn) -> str:
    parts: list[str] = []
    for _ in range(draw(st.integers(0, 40))):
        choice = draw(st.integers(0, 3))
        if choice == 0:
            parts.append(f'<{draw(_TAGS)} class="{draw(_CLASSES)}" datetime="{draw(_TEXT)}">')
        elif choice == 1:
            parts.append(f"</{draw(_TAGS)}>")
        else:
            parts.append(draw(_TEXT))
    return "".join(parts)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_markup())
def test_html_random_markup_never_crashes(markup: str) -> None:
    _assert_consistent(segment_html(_post(markup)))


# --- dates ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("shown", "iso"),
    [
        ("8. April 2017 um 11:59", "2017-04-08T11:59"),
        ("8. Dezember 2010 um 10:56 Uhr", "2010-12-08T10:56"),
        ("23.05.2019 - 09:05", "2019-05-23T09:05"),
        ("14.09.2022 um 21.11", "2022-09-14T21:11"),
        ("Januar 15, 2014 um 23:36", "2014-01-15T23:36"),
        ("January 15, 2014 at 11:36 pm", "2014-01-15T23:36"),
        ("on 11/08/2020 at 9:52", "2020-08-11T09:52"),
        ("18.07, 2011 @ 11:43", "2011-07-18T11:43"),
        ("21. Jan 2022", "2022-01-21"),
        ("3. Jänner 2019", "2019-01-03"),
        ("März 7, 2018", "2018-03-07"),
        ("2020-08-11T09:52:46+02:00", "2020-08-11T09:52"),
        ("21:00", None),
        ("vor 3 Tagen", None),
        ("99.99.9999", None),
    ],
)
def test_html_parse_date_german_and_english(shown: str, iso: str | None) -> None:
    assert parse_date(shown) == iso


@pytest.mark.usefixtures("hang_guard")
def test_html_parse_date_long_input_is_bounded() -> None:
    assert parse_date("1" * 1_000_000 + " 8. April 2017") is None  # beyond the scanned prefix
    assert parse_date(". " * 500_000) is None


CTT_QUOTE = "Wer zuhört, gewinnt Kundschaft, die bleibt."
ARTICLE_AROUND = (
    "<html><body><article><h1>Zuhören</h1><p>Einleitung mit genug Worten, damit der Text als "
    "Artikel gilt und nicht als Navigation erkannt wird, und noch mehr Worte.</p>{box}"
    "<p>Schluss mit genug Worten, damit der Text als Artikel gilt, und noch mehr Worte dazu.</p>"
    "</article></body></html>"
)


@pytest.mark.parametrize(
    ("box", "source"),
    [
        (
            '<div class="tm-click-to-tweet"><div class="tm-ctt-text">'
            f'<a href="https://twitter.com/intent/tweet?text=x">{CTT_QUOTE}</a></div>'
            '<a class="tm-ctt-btn" href="https://twitter.com/intent/tweet?text=x">Click To Tweet</a></div>',
            "tm-click-to-tweet",
        ),
        (
            '<a class="swp_CTT" href="https://twitter.com/share?text=x"><span class="sw-click-to-tweet">'
            f'<span class="sw-ctt-text">{CTT_QUOTE}</span>'
            '<span class="sw-ctt-btn">Click To Tweet</span></span></a>',
            "sw-click-to-tweet",
        ),
        (
            f"<p>{CTT_QUOTE} <a href='https://twitter.com/intent/tweet?text="
            "Wer%20zuh%C3%B6rt%2C%20gewinnt%20Kundschaft%2C%20die%20bleibt.'>Klicken zum Twittern</a></p>",
            "intent-link",
        ),
    ],
)
def test_html_click_to_tweet_plugins(box: str, source: str) -> None:
    segments = segment_html(_post(ARTICLE_AROUND.format(box=box)))
    assert [(q.text, q.source) for q in segments.share_quotes] == [(CTT_QUOTE, source)]
    body = _body_text(segments)
    assert body.count(CTT_QUOTE) == 1
    assert "Click To Tweet" not in body and "Klicken zum Twittern" not in body
