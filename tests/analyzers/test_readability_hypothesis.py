"""Property tests: the readability counter never crashes and keeps its invariants."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from blogtext.analyzers.readability import analyze_readability, blocks_from_plain_text
from blogtext.model import Block, BodyText, LineSlice

# German letters, digits, whitespace and the punctuation the splitter looks at.
ALPHABET = st.sampled_from(
    [
        *"aAbBeEiIoOuUyYzZäÄöÖüÜß0123456789 \n.,:;!?…-–/()[]„“”‚‘'\"»«%€*_",
        *["z. B.", "usw.", "Mio.", "…", "...", "8. April", "KMU", "E-Mail", "\u00a0"],
    ]
)
TEXT = st.lists(ALPHABET, max_size=80).map("".join)
KINDS = st.sampled_from(["title", "heading", "paragraph", "list-item", "quote"])


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_readability_never_crashes_on_text(text: str) -> None:
    scores = analyze_readability(blocks_from_plain_text(text))
    assert scores.words == sum(s.word_count for s in scores.per_sentence)
    assert scores.syllables >= scores.words
    if scores.words == 0:
        assert scores.flesch_amstad is None and scores.lix is None
    else:
        assert scores.sentences >= 1 and scores.flesch_amstad is not None
    scores.to_dict()


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(KINDS, st.lists(st.text(max_size=30), min_size=1, max_size=3)), max_size=5)
)
def test_readability_offsets_stay_inside_text(raw: list[tuple[str, list[str]]]) -> None:
    blocks = [
        Block(kind, tuple(LineSlice(n, 0, piece) for n, piece in enumerate(pieces, start=1)))
        for kind, pieces in raw
    ]
    body = BodyText(blocks)
    scores = analyze_readability(body)
    previous_end = 0
    for sentence in scores.per_sentence:
        assert previous_end <= sentence.start < sentence.end <= len(body.text)
        assert body.text[sentence.start : sentence.end] == sentence.text
        for word in sentence.words:
            assert sentence.start <= word.start < word.end <= sentence.end
        previous_end = sentence.end
    assert sum(p.words for p in scores.per_paragraph) == scores.words
