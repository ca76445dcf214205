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

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.lang.de.stop_words import STOP_WORDS
from spacy.tokens import Doc

from blogtext.analyzers._doc_tokens import DocTokens, doc_tokens
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
#: Tokens after which a capitalised word stands at the start of a sentence (or a clause).
SENTENCE_END_MARKS = frozenset({".", "!", "?", ":", "–", "-", "(", "„", '"'})
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


@dataclass(slots=True)
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


def _sentence_initial(tokens: DocTokens, i: int) -> bool:
    if i == 0 or tokens.sent_start[i]:
        return True
    return tokens.is_space[i - 1] or tokens.words[i - 1] in SENTENCE_END_MARKS


def _has_two_letters(text: str) -> bool:
    letters = 0
    for ch in text:
        if ch.isalpha():
            letters += 1
            if letters == 2:
                return True
    return False


def is_noun(tokens: DocTokens, i: int, lowercase_words: set[str]) -> bool:
    """Whether token ``i`` can be a theme noun (tag, capitalisation, stop list, verb checks)."""
    # The tag test comes first: it is the cheapest and rules out most tokens.
    pos = tokens.pos[i]
    if pos not in NOUN_POS and tokens.tag[i] not in NOUN_TAGS:
        return False
    text = tokens.words[i]
    if tokens.is_space[i] or not WORD.fullmatch(text) or not _has_two_letters(text):
        return False
    if not text[0].isupper() or is_stop_noun(text):
        return False
    # Capitalised function words ("Welchen Nutzen …", "Diese Tools") are tagged PROPN/NN by
    # the weak tagger; only trust a stop-word spelling when tagger and morphologizer agree.
    folded = text.casefold()
    if folded in STOP_WORDS and not (pos == "NOUN" and tokens.tag[i] == "NN"):
        return False
    if _sentence_initial(tokens, i):
        if i + 1 < len(tokens) and tokens.lower[i + 1] in SUBJECT_PRONOUNS:
            return False
        # A sentence-initial word written in lower case elsewhere is a verb, an adjective or
        # an adverb, not a noun ("Wissen Sie …" vs "wir wissen").
        if folded in lowercase_words:
            return False
    return True


def is_attributive_adjective(tokens: DocTokens, i: int) -> bool:
    """An adjective that can open a noun phrase (not a stop adjective, not a number)."""
    text = tokens.words[i]
    if (tokens.pos[i] != "ADJ" and tokens.tag[i] != "ADJA") or not text.isalpha():
        return False
    if text.casefold() in STOP_WORDS:  # diese, welche, viele, eigene, neue …
        return False
    return adjective_stem(text) not in stop_adjectives()


def _token_blocks(tokens: DocTokens, body: BodyText | None) -> list[int]:
    """The body block of every token (``BodyText.block_at`` of its offset)."""
    if body is None or not body.block_starts:
        return [0] * len(tokens)
    # Block j holds the tokens from the first one at or after its start up to the next
    # block's first token; tokens before the first block belong to block 0.
    firsts = [bisect.bisect_left(tokens.idx, start) for start in body.block_starts]
    blocks = [0] * firsts[0]
    for block, (first, last) in enumerate(zip(firsts, [*firsts[1:], len(tokens)], strict=True)):
        blocks += [block] * (last - first)
    return blocks


@dataclass
class _ExtractionState:
    """What the mention builders need about the post (one per :func:`extract_mentions`)."""

    tokens: DocTokens
    noun_lemmas: dict[int, str]  # token index → lemma, for every noun
    blocks: list[int]  # block index per token
    block_weights: list[float]
    default_weight: float
    result: Extraction

    def block_of(self, i: int) -> tuple[int, float]:
        index = self.blocks[i]
        weights = self.block_weights
        return index, (weights[index] if index < len(weights) else self.default_weight)


def extract_mentions(
    doc: Doc,
    blocks: Sequence[Block] | None = None,
    body: BodyText | None = None,
    weights: WeightOptions | None = None,
) -> Extraction:
    """Every candidate mention in ``doc`` (whose text is ``body.text`` when given)."""
    options = weights or WeightOptions()
    block_weights = _block_weights(blocks, options)
    tokens = doc_tokens(doc)
    words = tokens.words
    lowercase_words = {word for word in words if word[:1].islower()}
    pos, tag = tokens.pos, tokens.tag
    nouns = [
        i
        for i in range(len(tokens))
        # The tag test of is_noun, repeated here to skip the call for most tokens.
        if (pos[i] in NOUN_POS or tag[i] in NOUN_TAGS) and is_noun(tokens, i, lowercase_words)
    ]
    lemmatizer = NounLemmatizer()
    lemmatizer.add_all((words[i], tokens.lemma[i]) for i in nouns)
    # Every noun's lemma, chosen once (the mention builders read it several times).
    noun_lemmas = {i: lemmatizer.lemma(words[i]) for i in nouns}

    result = Extraction(blocks=max(1, len(block_weights)))
    result.sentences = (
        [(tokens.idx[a], tokens.end[b - 1]) for a, b in tokens.sentence_spans()]
        if tokens.has_sents
        else [(0, len(tokens.text))]
    )
    state = _ExtractionState(
        tokens, noun_lemmas, _token_blocks(tokens, body), block_weights, options.body, result
    )
    is_noun_at = [False] * len(tokens)
    for i in nouns:
        is_noun_at[i] = True
    run_adjectives: list[int] = []
    run_nouns: list[int] = []
    current_block = -1
    for i, block in enumerate(state.blocks):
        if block != current_block:
            if run_nouns:
                _flush(run_adjectives, run_nouns, state)
            run_adjectives, run_nouns, current_block = [], [], block
        if is_noun_at[i]:
            run_nouns.append(i)
            continue
        # Evaluated once per token, for both branches below; the tag test first skips the
        # call for most tokens.
        adjective = (pos[i] == "ADJ" or tag[i] == "ADJA") and is_attributive_adjective(tokens, i)
        if not run_nouns and adjective:
            run_adjectives.append(i)
        else:
            if run_nouns:
                _flush(run_adjectives, run_nouns, state)
                run_nouns = []
            run_adjectives = [i] if adjective else []
    if run_nouns:
        _flush(run_adjectives, run_nouns, state)
    _add_compound_support(result)
    return result


def _flush(adjectives: list[int], nouns: list[int], state: _ExtractionState) -> None:
    if not nouns:
        return
    words, noun_lemmas = state.tokens.words, state.noun_lemmas
    stops = [is_stop_noun(noun_lemmas[i]) for i in nouns]
    if any(stops):
        # A generic noun in the run ("Frau Berger"): keep the other nouns alone.
        runs = [[i] for i, stop in zip(nouns, stops, strict=True) if not stop]
        adjectives = []
    elif len(nouns) <= MAX_NOUN_RUN:
        runs = [nouns]
    else:
        runs = [[i] for i in nouns]
    text, idx, ends = state.tokens.text, state.tokens.idx, state.tokens.end
    mentions = state.result.mentions
    for run in runs:
        lemmas = [noun_lemmas[i] for i in run]
        keys = tuple(lemma.casefold() for lemma in lemmas)
        block, weight = state.block_of(run[0])
        start, end = idx[run[0]], ends[run[-1]]
        surface = text[start:end]
        if len(run) == 1:
            mentions.append(
                Mention(keys[0], lemmas[0], surface, start, end, block, weight, "noun", keys)
            )
        else:
            mentions.append(
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
            mentions.append(
                Mention(
                    keys[-1],
                    lemmas[-1],
                    words[head],
                    idx[head],
                    end,
                    block,
                    weight * HEAD_SHARE,
                    "head",
                    keys[-1:],
                    via=" ".join(keys),
                )
            )
    if adjectives and len(runs) == 1 and len(runs[0]) == len(nouns) <= MAX_NOUN_RUN:
        _add_adjective_phrase(adjectives, nouns, state)


def _add_adjective_phrase(adjectives: list[int], nouns: list[int], state: _ExtractionState) -> None:
    tokens = state.tokens
    lemmas = [state.noun_lemmas[i] for i in nouns]
    adjective_keys = [adjective_stem(tokens.words[i]) for i in adjectives]
    # The displayed adjective lemma is the model's (lower-cased); the key is the stem, which
    # is the same for every declined form.
    adjective_lemmas = [(tokens.lemma[i] or tokens.words[i]).casefold() for i in adjectives]
    key = " ".join([*adjective_keys, *(lemma.casefold() for lemma in lemmas)])
    block, weight = state.block_of(adjectives[0])
    start, end = tokens.idx[adjectives[0]], tokens.end[nouns[-1]]
    state.result.mentions.append(
        Mention(
            key,
            " ".join([*adjective_lemmas, *lemmas]),
            tokens.text[start:end],
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
