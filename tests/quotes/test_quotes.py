"""Share-quote metrics: X length and fit, repeated body sentences, reuse across posts."""

from __future__ import annotations

import pytest

from blogtext.analyzers.quotes import (
    LINK_LENGTH,
    POST_LIMIT,
    QuoteOptions,
    analyze_quote,
    analyze_quotes,
    normalise,
    reused_quotes,
    weighted_length,
)
from blogtext.model import Block, LineSlice, ShareQuote


def block(line: int, text: str, kind: str = "paragraph") -> Block:
    return Block(kind, (LineSlice(line, 0, text),))


def quote(text: str, lines: tuple[int, ...] = (), source: str = "label") -> ShareQuote:
    return ShareQuote(
        text=text, lines=lines, source=source, label="Share on X" if source == "label" else None
    )


# --- length and fit --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "length"),
    [("abc", 3), ("Größe", 5), ("Zusammenarbeit – „Kunst“!", 25), ("日本", 4), ("😀", 2), ("", 0)],
)
def test_quotes_weighted_length_counts_like_x(text: str, length: int) -> None:
    assert weighted_length(text) == length


def test_quotes_weighted_length_uses_nfc() -> None:
    decomposed = "Gro\u0308\u00dfe"  # o + combining diaeresis
    assert weighted_length(decomposed) == 5


def test_quotes_fit_without_handle_exact_boundary() -> None:
    assert POST_LIMIT == 280 and LINK_LENGTH == 23
    fits = analyze_quote(quote("a" * 256))
    assert (fits.chars, fits.post_length, fits.fits) == (256, 280, True)
    too_long = analyze_quote(quote("a" * 257))
    assert (too_long.post_length, too_long.fits) == (281, False)


def test_quotes_fit_with_via_handle_exact_boundary() -> None:
    options = QuoteOptions(via="@blogtext")  # " via @blogtext" = 14 characters
    assert options.suffix == " via @blogtext"
    assert analyze_quote(quote("a" * 242), options=options).post_length == 280
    assert analyze_quote(quote("a" * 242), options=options).fits
    assert not analyze_quote(quote("a" * 243), options=options).fits
    # The handle may be given without "@".
    assert QuoteOptions(via="blogtext").suffix == " via @blogtext"


def test_quotes_wide_characters_count_double() -> None:
    metrics = analyze_quote(quote("😀" * 128))  # 256 weighted
    assert (metrics.chars, metrics.post_length, metrics.fits) == (256, 280, True)


def test_quotes_options_from_config_table() -> None:
    options = QuoteOptions.from_mapping({"via": "@kanzlei_mueller", "limit": 500})
    assert (options.via, options.limit, options.link_length) == ("@kanzlei_mueller", 500, 23)
    assert QuoteOptions.from_mapping(None) == QuoteOptions()
    with pytest.raises(ValueError, match="unknown key"):
        QuoteOptions.from_mapping({"handle": "x"})
    with pytest.raises(ValueError, match="handle"):
        QuoteOptions(via="kein handle!")
    with pytest.raises(ValueError, match="positive integer"):
        QuoteOptions.from_mapping({"limit": 0})


# --- repeated body sentences -----------------------------------------------------------------

BODY = [
    block(1, "Teamarbeit im Verein", "title"),
    block(3, "Gemeinsam geht vieles leichter. Vertrauen ist die Währung jeder Partnerschaft!"),
    block(5, "Vertrauen ist die Währung jeder Partnerschaft. Was braucht es dafür?"),
    block(7, "Ohne Absprachen wird es schwierig. Was braucht es dafür?"),
]


def test_quotes_own_paragraph_is_not_a_repetition() -> None:
    metrics = analyze_quote(
        quote("Ohne Absprachen wird es schwierig. Was braucht es dafür?", (7,)), BODY
    )
    assert not metrics.repeats_body
    assert metrics.repeated_lines == ()


def test_quotes_sentence_repeated_elsewhere_is_found() -> None:
    metrics = analyze_quote(
        quote("Vertrauen ist die Währung jeder Partnerschaft. Was braucht es dafür?", (5,)), BODY
    )
    # Line 3 has the first sentence (ending "!" instead of "."); "Was braucht es dafür?" on
    # line 7 is too short to count on its own.
    assert metrics.repeats_body
    assert metrics.repeated_lines == (3,)


def test_quotes_comparison_ignores_case_quotes_and_punctuation() -> None:
    assert normalise("„Vertrauen“ ist   die WÄHRUNG – jeder Partnerschaft!") == normalise(
        '"vertrauen" ist die Währung - jeder Partnerschaft.'
    )


def test_quotes_without_lines_first_occurrence_is_its_place() -> None:
    body = [block(1, "Kurze Wege sparen Zeit und Geld."), block(2, "Mehr Text hier.")]
    once = analyze_quote(quote("Kurze Wege sparen Zeit und Geld.", source="bctt"), body)
    assert not once.repeats_body
    twice = analyze_quote(
        quote("Kurze Wege sparen Zeit und Geld.", source="intent-link"),
        [*body, block(3, "Fazit: Kurze Wege sparen Zeit und Geld. Punkt.")],
    )
    assert twice.repeats_body and twice.repeated_lines == (3,)


def test_quotes_to_dict_has_design_keys() -> None:
    [metrics] = analyze_quotes([quote("Vertrauen zählt.", (3,))], BODY, QuoteOptions(via="x"))
    data = metrics.to_dict()
    assert data["text"] == "Vertrauen zählt." and data["lines"] == [3]
    assert data["chars"] == 16 and data["post_length"] == 16 + 7 + 1 + 23
    assert set(data) == {
        "text",
        "lines",
        "source",
        "label",
        "chars",
        "post_length",
        "fits",
        "repeats_body",
        "repeated_lines",
    }


# --- reuse across posts ----------------------------------------------------------------------


def test_quotes_reused_across_posts() -> None:
    pairs = [
        ("post-a", "Vertrauen ist die Währung jeder Partnerschaft!"),
        ("post-b", "Kurze Wege sparen Zeit."),
        ("post-c", "vertrauen ist die Währung jeder Partnerschaft."),
        ("post-c", "Vertrauen ist die Währung jeder Partnerschaft!"),  # same post twice
        ("post-d", "Kurze Wege sparen Zeit!"),
        ("post-d", "Nur hier."),
        ("post-e", "Vertrauen ist die Währung jeder Partnerschaft"),
    ]
    reused = reused_quotes(pairs)
    assert [(r.text, r.posts) for r in reused] == [
        ("Vertrauen ist die Währung jeder Partnerschaft!", ("post-a", "post-c", "post-e")),
        ("Kurze Wege sparen Zeit.", ("post-b", "post-d")),
    ]
    assert reused[0].to_dict()["count"] == 3


def test_quotes_not_reused_within_one_post() -> None:
    assert reused_quotes([("a", "Eins."), ("a", "Eins!"), ("b", "Zwei.")]) == []
