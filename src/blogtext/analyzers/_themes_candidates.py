"""Theme candidates of one post: German noun phrases found by part-of-speech pattern.

A candidate is a noun (NOUN/PROPN), a run of two or three nouns ("Employer Branding",
"Social Media" when "Social" is tagged as a noun) or adjectives + noun(s) ("erneuerbare
Energien"). Every mention carries the weight of its block (title and headings count more) so
the ranking can see what the author put up front. Compound nouns additionally support the
post's own nouns they contain (see :mod:`._themes_compounds`).

The checks on each token are defensive because the offline tagger is weak: a capitalised
sentence-initial verb ("Prüfen Sie …") is often tagged NOUN, pronouns of address ("Ihre") are
tagged PROPN, and whitespace tokens get arbitrary tags.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.lang.de.stop_words import STOP_WORDS
from spacy.tokens import Doc, Token

from blogtext.analyzers._themes_compounds import compound_parts, fold_vocabulary
from blogtext.analyzers._themes_normalize import (
    NounLemmatizer,
    adjective_stem,
    is_stop_noun,
    stop_adjectives,
)
from blogtext.model import Block, BodyText

NOUN_POS = frozenset({"NOUN", "PROPN"})
#: A theme word: letters, digits inside, hyphens between parts; no dots ("Co.", "z.B.").
WORD = re.compile(r"[^\W\d_][\w]*(?:-[\w]+)*")
NOUN_TAGS = frozenset({"NN", "NE"})
#: Pronouns that follow an imperative or a question verb at the start of a sentence; the
#: capitalised word before them is a verb, whatever the tagger says ("Prüfen Sie").
SUBJECT_PRONOUNS = frozenset({"sie", "wir", "ihr", "du", "man", "ich", "er", "es"})
#: Longest noun run taken as one phrase; longer runs are tagging noise (a heading in title
#: case) and fall apart into single nouns.
MAX_NOUN_RUN = 3
#: Weight of a multi-noun phrase's head standing in for the whole phrase: "Employer
#: Branding" should win over "Branding", but "Branding" used alone elsewhere still counts.
HEAD_SHARE = 0.5


@dataclass(frozen=True)
class WeightOptions:
    """How much a mention counts by where it stands."""

    title: float = 3.0
    heading: float = 2.0
    body: float = 1.0


@dataclass
class Mention:
    """One occurrence of a candidate (or a compound's support for it)."""

    key: str  # grouping key: case-folded lemma(s), space-separated
    lemma: str  # display lemma ("Kunde", "erfolgreich Kooperation")
    surface: str  # as written in the post
    start: int  # character offsets into doc.text
    end: int
    block: int
    weight: float
    kind: str  # "noun" | "phrase" | "head" (share of a phrase) | "compound" (support)
    nouns: tuple[str, ...] = ()  # keys of the nouns in the mention
    via: str | None = None  # key of the compound or phrase that lends support


@dataclass
class Extraction:
    """All mentions of one post and what the ranking needs to know about the post."""

    mentions: list[Mention] = field(default_factory=list)
    blocks: int = 0
    sentences: list[tuple[int, int]] = field(default_factory=list)  # (start, end) offsets


def _block_weights(blocks: Sequence[Block] | None, options: WeightOptions) -> list[float]:
    weights = []
    for block in blocks or ():
        if block.kind == "title":
            weights.append(options.title)
        elif block.kind == "heading":
            weights.append(options.heading)
        else:
            weights.append(options.body)
    return weights


def _sentence_initial(token: Token) -> bool:
    if token.i == 0 or token.is_sent_start:
        return True
    previous = token.nbor(-1)
    return previous.is_space or previous.text in {".", "!", "?", ":", "–", "-", "(", "„", '"'}


def is_noun(token: Token, lowercase_words: set[str]) -> bool:
    """Whether ``token`` can be a theme noun (tag, capitalisation, stop list, verb checks)."""
    text = token.text
    if token.is_space or not WORD.fullmatch(text) or sum(c.isalpha() for c in text) < 2:
        return False
    if token.pos_ not in NOUN_POS and token.tag_ not in NOUN_TAGS:
        return False
    if not text[0].isupper() or is_stop_noun(text):
        return False
    # Capitalised function words ("Welchen Nutzen …", "Diese Tools") are tagged PROPN/NN by
    # the weak tagger; only trust a stop-word spelling when tagger and morphologizer agree.
    if text.casefold() in STOP_WORDS and not (token.pos_ == "NOUN" and token.tag_ == "NN"):
        return False
    if _sentence_initial(token):
        following = token.nbor(1) if token.i + 1 < len(token.doc) else None
        if following is not None and following.lower_ in SUBJECT_PRONOUNS:
            return False
        # A sentence-initial word written in lower case elsewhere is a verb, an adjective or
        # an adverb, not a noun ("Wissen Sie …" vs "wir wissen").
        if text.casefold() in lowercase_words:
            return False
    return True


def is_attributive_adjective(token: Token) -> bool:
    """An adjective that can open a noun phrase (not a stop adjective, not a number)."""
    if (token.pos_ != "ADJ" and token.tag_ != "ADJA") or not token.text.isalpha():
        return False
    if token.text.casefold() in STOP_WORDS:  # diese, welche, viele, eigene, neue …
        return False
    return adjective_stem(token.text) not in stop_adjectives()


def extract_mentions(
    doc: Doc,
    blocks: Sequence[Block] | None = None,
    body: BodyText | None = None,
    weights: WeightOptions | None = None,
) -> Extraction:
    """Every candidate mention in ``doc`` (whose text is ``body.text`` when given)."""
    options = weights or WeightOptions()
    block_weights = _block_weights(blocks, options)
    # doc.text joins every token on each access: read it once.
    text = doc.text
    lowercase_words = {t.text for t in doc if t.text[:1].islower()}
    nouns = [t for t in doc if is_noun(t, lowercase_words)]
    noun_ids = {t.i for t in nouns}
    lemmatizer = NounLemmatizer()
    lemmatizer.add_all((t.text, t.lemma_) for t in nouns)

    def block_of(token: Token) -> tuple[int, float]:
        index = body.block_at(token.idx) if body is not None else 0
        weight = block_weights[index] if index < len(block_weights) else options.body
        return index, weight

    result = Extraction(blocks=max(1, len(block_weights)))
    result.sentences = (
        [(s.start_char, s.end_char) for s in doc.sents]
        if doc.has_annotation("SENT_START")
        else [(0, len(doc.text))]
    )
    run_adjectives: list[Token] = []
    run_nouns: list[Token] = []
    current_block = -1
    for token in doc:
        index, _weight = block_of(token)
        if index != current_block:
            _flush(run_adjectives, run_nouns, lemmatizer, block_of, result, text)
            run_adjectives, run_nouns, current_block = [], [], index
        if token.i in noun_ids:
            run_nouns.append(token)
        elif not run_nouns and is_attributive_adjective(token):
            run_adjectives.append(token)
        else:
            _flush(run_adjectives, run_nouns, lemmatizer, block_of, result, text)
            run_nouns = []
            run_adjectives = [token] if is_attributive_adjective(token) else []
    _flush(run_adjectives, run_nouns, lemmatizer, block_of, result, text)
    _add_compound_support(result)
    return result


def _flush(adjectives, nouns, lemmatizer, block_of, result: Extraction, text: str) -> None:
    if not nouns:
        return
    if any(is_stop_noun(lemmatizer.lemma(t.text)) for t in nouns):
        # A generic noun in the run ("Frau Berger"): keep the other nouns alone.
        runs = [[t] for t in nouns if not is_stop_noun(lemmatizer.lemma(t.text))]
        adjectives = []
    elif len(nouns) <= MAX_NOUN_RUN:
        runs = [nouns]
    else:
        runs = [[t] for t in nouns]
    for run in runs:
        lemmas = [lemmatizer.lemma(t.text) for t in run]
        keys = tuple(lemma.casefold() for lemma in lemmas)
        block, weight = block_of(run[0])
        start, end = run[0].idx, run[-1].idx + len(run[-1].text)
        surface = text[start:end]
        if len(run) == 1:
            result.mentions.append(
                Mention(keys[0], lemmas[0], surface, start, end, block, weight, "noun", keys)
            )
        else:
            result.mentions.append(
                Mention(
                    " ".join(keys),
                    " ".join(lemmas),
                    surface,
                    start,
                    end,
                    block,
                    weight,
                    "phrase",
                    keys,
                )
            )
            head = run[-1]
            result.mentions.append(
                Mention(
                    keys[-1],
                    lemmas[-1],
                    head.text,
                    head.idx,
                    end,
                    block,
                    weight * HEAD_SHARE,
                    "head",
                    keys[-1:],
                    via=" ".join(keys),
                )
            )
    if adjectives and len(runs) == 1 and len(runs[0]) == len(nouns) <= MAX_NOUN_RUN:
        _add_adjective_phrase(adjectives, nouns, lemmatizer, block_of, result, text)


def _add_adjective_phrase(
    adjectives, nouns, lemmatizer, block_of, result: Extraction, text: str
) -> None:
    lemmas = [lemmatizer.lemma(t.text) for t in nouns]
    adjective_keys = [adjective_stem(t.text) for t in adjectives]
    # The displayed adjective lemma is the model's (lower-cased); the key is the stem, which
    # is the same for every declined form.
    adjective_lemmas = [(t.lemma_ or t.text).casefold() for t in adjectives]
    key = " ".join([*adjective_keys, *(lemma.casefold() for lemma in lemmas)])
    block, weight = block_of(adjectives[0])
    start, end = adjectives[0].idx, nouns[-1].idx + len(nouns[-1].text)
    result.mentions.append(
        Mention(
            key,
            " ".join([*adjective_lemmas, *lemmas]),
            text[start:end],
            start,
            end,
            block,
            weight,
            "phrase",
            tuple(lemma.casefold() for lemma in lemmas),
        )
    )


def _add_compound_support(result: Extraction) -> None:
    singles = {m.key: m.lemma for m in result.mentions if m.kind == "noun"}
    vocabulary = list(singles.values())
    folded = fold_vocabulary(vocabulary)
    split_cache: dict[str, list[tuple[str, str]]] = {}
    support: list[Mention] = []
    for mention in result.mentions:
        if mention.kind != "noun":
            continue
        if mention.lemma not in split_cache:
            split_cache[mention.lemma] = compound_parts(mention.lemma, vocabulary, folded)
        for part, _role in split_cache[mention.lemma]:
            key = part.casefold()
            support.append(
                Mention(
                    key,
                    part,
                    mention.surface,
                    mention.start,
                    mention.end,
                    mention.block,
                    mention.weight,
                    "compound",
                    (key,),
                    via=mention.key,
                )
            )
    result.mentions.extend(support)
