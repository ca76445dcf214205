"""Concrete suggestions for the readability rules: where to split, which sentences to fix first."""

from __future__ import annotations

from collections.abc import Sequence

from blogtext.analyzers.readability import Sentence
from blogtext.analyzers.style import hardest_sentences
from blogtext.model import BodyText

#: Words after a comma at which a German sentence splits naturally.
SPLIT_WORDS = frozenset({"und", "aber", "denn", "doch", "sondern", "weil", "da", "wobei",
                         "die", "der", "das", "dass", "wenn", "sodass", "damit"})  # fmt: skip
#: Punctuation after a word that marks a split point (at most two characters each).
SPLIT_MARKS = (",", ";", ":", " –", " —", " -")


def hardest(sentences: Sequence[Sentence], count: int) -> list[Sentence]:
    """The ``count`` hardest sentences (see :func:`~blogtext.analyzers.style.hardest_sentences`)."""
    return hardest_sentences(sentences, count)


def split_point(body: BodyText, sentence: Sentence) -> str | None:
    """Where a long sentence could be split: the comma, semicolon or dash nearest its middle.

    Returns a phrase such as „… Kunden, weil“ (word 12 of 27), or ``None`` without a mark.
    """
    words = sentence.words
    text = body.text
    middle = len(words) / 2
    best: tuple[float, int] | None = None
    for k, word in enumerate(words[:-1]):
        # No mark is longer than two characters, so this is ``text[end:end + 2]`` starting
        # with one, without the slice.
        if not text.startswith(SPLIT_MARKS, word.end):
            continue
        score = abs(k + 1 - middle)
        if words[k + 1].text.lower() in SPLIT_WORDS:
            score -= 2  # prefer a split before a conjunction or relative pronoun
        if best is None or score < best[0]:
            best = (score, k)
    if best is None:
        return None
    k = best[1]
    mark = body.text[words[k].end : words[k].end + 2].strip()[:1]
    return (
        f"split the sentence at „… {words[k].text}{mark} {words[k + 1].text} …“ "
        f"(after word {k + 1} of {len(words)})"
    )
