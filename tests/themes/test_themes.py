"""Key themes: candidates, weighting, compound support, selection, corpus statistics."""

from __future__ import annotations

from dataclasses import dataclass, replace

import pytest
from spacy.lang.de.stop_words import STOP_WORDS
from spacy.tokens import Doc
from spacy.vocab import Vocab
from themes_testing import build, make_blocks

from blogtext.analyzers._themes_normalize import is_stop_noun
from blogtext.analyzers.themes import (
    CorpusThemes,
    ThemeOptions,
    analyze_themes,
    extract_themes,
)
from blogtext.model import BodyText


def lemmas(themes) -> list[str]:
    return [t.lemma for t in themes]


def test_themes_headings_and_title_weighted_up() -> None:
    parts = [
        ("title", "Die Marke"),
        ("paragraph", "Der Preis steigt . Der Preis fällt . Der Preis bleibt . Die Marke auch ."),
    ]
    blocks, body, doc = build(*parts)
    assert lemmas(extract_themes(doc, blocks, body))[:2] == ["Marke", "Preis"]
    # The same text without block kinds: the more frequent noun wins.
    flat = make_blocks(*[("paragraph", text) for _kind, text in parts])
    assert lemmas(extract_themes(doc, flat, BodyText(flat)))[:2] == ["Preis", "Marke"]


def test_themes_compounds_support_their_parts() -> None:
    blocks, body, doc = build(
        ("paragraph", "Das Budget plant . Das Budget wächst . Die Kooperation hilft ."),
        (
            "paragraph",
            "Der Kooperationspartner und der Kooperationsvertrag und das Kooperationsvorhaben .",
        ),
    )
    themes = extract_themes(doc, blocks, body)
    assert themes[0].lemma == "Kooperation"
    assert themes[0].count == 1
    assert set(themes[0].compounds) == {
        "Kooperationspartner",
        "Kooperationsvertrag",
        "Kooperationsvorhaben",
    }
    without = ThemeOptions()
    without = replace(without, rank=replace(without.rank, compound_weight=0.0))
    assert extract_themes(doc, blocks, body, without)[0].lemma == "Budget"


def test_themes_group_inflected_forms_and_show_the_frequent_spelling() -> None:
    blocks, body, doc = build(
        ("paragraph", "Die Kunden kaufen . Die Kunden zahlen . Der Kunde bleibt ."),
    )
    theme = extract_themes(doc, blocks, body)[0]
    assert (theme.lemma, theme.phrase, theme.count) == ("Kunden", "Kunden", 3) or (
        theme.lemma == "Kunde" and theme.phrase == "Kunden" and theme.count == 3
    )


def test_themes_adjective_phrase_shown_when_it_dominates() -> None:
    blocks, body, doc = build(
        ("paragraph", "Erneuerbare Energien sparen . Wir nutzen erneuerbare Energien ."),
        ("paragraph", "Das Team plant ."),
        adjectives=frozenset({"Erneuerbare", "erneuerbare"}),
    )
    theme = extract_themes(doc, blocks, body)[0]
    assert theme.phrase == "erneuerbare Energien"
    assert theme.count == 2


def test_themes_lines_point_to_input_lines() -> None:
    blocks, body, doc = build(
        ("title", "Newsletter richtig planen"),
        ("paragraph", "Ein Newsletter bindet ."),
        ("paragraph", "Der Kanal zählt ."),
    )
    theme = extract_themes(doc, blocks, body)[0]
    assert theme.lemma == "Newsletter"
    assert theme.lines == (1, 3)
    assert theme.to_dict() == {
        "phrase": "Newsletter",
        "lemma": "Newsletter",
        "score": 1.0,
        "count": 2,
        "lines": [1, 3],
        "compounds": [],
    }


def test_themes_not_available_without_pos() -> None:
    doc = Doc(Vocab(), words=["Kooperation", "hilft"])
    assert analyze_themes(doc) is None
    assert extract_themes(doc) is None


def test_themes_component_sets_result() -> None:
    from blogtext.nlp.components import themes_component

    _blocks, body, doc = build(("title", "Die Marke"), ("paragraph", "Der Preis ."))
    doc._.blogtext_body = body
    themes_component(doc)
    assert doc._.blogtext_themes[0].lemma == "Marke"


# --- corpus ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Item:
    """Stands in for CandidateCount and Theme (the corpus takes any such object)."""

    key: str
    lemma: str
    phrase: str
    count: int
    mass: float
    score: float


def post(*themes: tuple[str, float]) -> list[Item]:
    return [Item(k.casefold(), k, k, 3, m, m) for k, m in themes]


def blog() -> CorpusThemes:
    corpus = CorpusThemes(top=5)
    posts = {
        "seo": (post(("Kunde", 9.0), ("Ranking", 6.0), ("Keyword", 5.0)), "2021-03-01"),
        "newsletter": (post(("Kunde", 9.0), ("Newsletter", 7.0)), "2022-05-01"),
        "preise": (post(("Kunde", 8.0), ("Preis", 8.0)), "2023-01-10"),
        "datenschutz": (post(("Datenschutz", 9.0), ("Kunde", 9.0), ("Cookie", 4.0)), None),
    }
    for post_id, (items, date) in posts.items():
        corpus.add(post_id, items, items, date=date)
    return corpus


def test_corpus_blog_wide_theme_is_down_weighted() -> None:
    corpus = blog()
    assert corpus.document_frequency()["kunde"] == 4
    assert corpus.blog_theme_keys() == {"kunde"}
    themes = corpus.post_themes("seo")
    assert [t["lemma"] for t in themes] == ["Ranking", "Keyword"]
    # c-TF-IDF alone already ranks the blog-wide theme last within the post.
    weights = corpus.ctfidf("seo")
    assert min(weights, key=weights.get) == "kunde"


def test_corpus_needs_enough_posts_for_blog_themes() -> None:
    corpus = CorpusThemes()
    corpus.add("a", post(("Kunde", 5.0)), post(("Kunde", 5.0)))
    corpus.add("b", post(("Kunde", 5.0)), post(("Kunde", 5.0)))
    assert corpus.blog_theme_keys() == set()


def test_corpus_theme_rows_posts_dates_and_trend() -> None:
    rows = {r["lemma"]: r for r in blog().theme_rows()}
    kunde = rows["Kunde"]
    assert (kunde["posts"], kunde["mentioned_in"], kunde["blog_theme"]) == (4, 4, True)
    assert kunde["post_ids"] == ["seo", "newsletter", "preise", "datenschutz"]
    assert (kunde["first_date"], kunde["last_date"]) == ("2021-03-01", "2023-01-10")
    assert kunde["trend"] == 0.0
    assert rows["Ranking"]["trend"] == -0.5  # 2021: 1/1, 2022: 0/1, 2023: 0/1


def test_corpus_trend_rows_and_post_rows_are_table_shaped() -> None:
    corpus = blog()
    trend = [r.to_dict() for r in corpus.trend_rows("year") if r.lemma == "Preis"]
    assert trend == [
        {"lemma": "Preis", "period": p, "posts": n, "posts_in_period": 1, "share": float(n)}
        for p, n in (("2021", 0), ("2022", 0), ("2023", 1))
    ]
    rows = corpus.post_theme_rows()
    assert {r["post_id"] for r in rows} == {"seo", "newsletter", "preise", "datenschutz"}
    assert all(set(r) >= {"post_id", "rank", "lemma", "score", "blog_theme", "date"} for r in rows)


# --- with the trained pipeline ---------------------------------------------------------------

COOPERATION_POST = """\
Fünf Regeln für eine gute Kooperation

Kooperation und Zusammenarbeit mit anderen Unternehmen klingen einfach. In der Praxis scheitern viele Kooperationen aber schon nach wenigen Monaten, weil die Partner nicht miteinander reden.

Den richtigen Partner finden

Ein guter Partner ergänzt Ihr Angebot, statt mit Ihnen zu konkurrieren. Fragen Sie sich, ob der Partner dieselben Kunden anspricht und ob die Zusammenarbeit beiden Seiten nützt.

Offene Kommunikation

Ohne offene Kommunikation gibt es keine Kooperation. Vereinbaren Sie feste Termine, an denen Sie über Ziele und Probleme sprechen. Ehrliche Kommunikation verhindert Missverständnisse.

Einen Kooperationsvertrag schließen

Ein einfacher Kooperationsvertrag hält fest, wer welche Aufgaben übernimmt. Auch jeder Kooperationspartner im Netzwerk profitiert von klaren Regeln.

Als Team auftreten

Wenn beide Partner als Team auftreten, wird die Zusammenarbeit für Kunden sichtbar. Eine gemeinsame Kooperation wird so zum Erfolg für beide Unternehmen.
"""


def _plain_blocks(text: str):
    import importlib.util
    from pathlib import Path

    script = Path(__file__).resolve().parents[2] / "scripts" / "eval_themes.py"
    spec = importlib.util.spec_from_file_location("eval_themes", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.plain_blocks(text)


@pytest.mark.model
def test_themes_sample_like_post_has_expected_lemmas(nlp) -> None:
    blocks = _plain_blocks(COOPERATION_POST)
    body = BodyText(blocks)
    themes = extract_themes(nlp(body.text), blocks, body)
    # Lemma-level: a displayed adjective phrase ("offen Kommunikation") counts for its noun.
    top = [t.lemma.casefold().split()[-1] for t in themes[:6]]
    for expected in ("kooperation", "zusammenarbeit", "partner", "kommunikation"):
        assert expected in top, (expected, top)
    kooperation = next(t for t in themes if t.lemma.casefold() == "kooperation")
    assert "Kooperationsvertrag" in kooperation.compounds
    assert 1 in kooperation.lines


@pytest.mark.model
def test_themes_have_no_stop_words_or_fragments(nlp) -> None:
    blocks = _plain_blocks(COOPERATION_POST)
    body = BodyText(blocks)
    for theme in extract_themes(nlp(body.text), blocks, body):
        words = theme.phrase.split()
        assert not is_stop_noun(words[-1]), theme
        assert all(w.casefold() not in STOP_WORDS for w in words), theme
        # A theme ends in a noun (capitalised); adjectives may only precede it.
        assert words[-1][0].isupper(), theme
        assert all(w[0].isupper() or (w[0].islower() and w != words[-1]) for w in words), theme


@pytest.mark.model
def test_themes_shared_sample_top_themes(nlp) -> None:
    from pathlib import Path

    path = Path(__file__).resolve().parents[3] / "shared" / "samples" / "kooperation-5-punkte.txt"
    if not path.is_file():
        pytest.skip("../shared sample not available")
    from blogtext.ingest import read_post_text
    from blogtext.segment import segment_post

    segments = segment_post(read_post_text(path.read_bytes(), str(path), "text", "sample"))
    body = BodyText(segments.body)
    top = [t.lemma.casefold() for t in extract_themes(nlp(body.text), segments.body, body)[:5]]
    assert "kooperation" in top and "zusammenarbeit" in top, top
