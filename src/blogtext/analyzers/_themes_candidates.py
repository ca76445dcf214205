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
from functools import lru_cache
from itertools import compress, islice

from spacy.lang.de.stop_words import STOP_WORDS
from spacy.tokens import Doc

from blogtext.analyzers._doc_tokens import DocTokens, doc_tokens
from blogtext.analyzers._themes_compounds import CompoundSplitter
from blogtext.analyzers._themes_normalize import (
    WORD_CACHE_SIZE,
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
#: Parts of speech and tags of the words of a phrase: nouns and attributive adjectives.
PHRASE_POS = NOUN_POS | {"ADJ"}
PHRASE_TAGS = NOUN_TAGS | {"ADJA"}
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
    tokens: DocTokens | None = None  # the post's token table, for ``sentences``

    @property
    def sentences(self) -> list[tuple[int, int]]:
        """(start, end) character offsets of the post's sentences (none without ``tokens``).

        Made when asked: only the TextRank ranking needs them.
        """
        return [] if self.tokens is None else _sentences(self.tokens)


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


def _has_two_letters(text: str) -> bool:
    letters = 0
    for ch in text:
        if ch.isalpha():
            letters += 1
            if letters == 2:
                return True
    return False


@lru_cache(maxsize=WORD_CACHE_SIZE)  # pure, and the same nouns come up again in every post
def _noun_spelling(text: str) -> str | None:
    """``text`` case-folded when its spelling allows a theme noun, else ``None``.

    The checks of :func:`is_noun` that depend on the text alone: a word (no dots), two letters
    or more, capitalised, not a stop noun.
    """
    if not WORD.fullmatch(text) or not _has_two_letters(text):
        return None
    if not text[0].isupper() or is_stop_noun(text):
        return None
    return text.casefold()


def is_noun(tokens: DocTokens, i: int, post_words: set[str]) -> bool:
    """Whether token ``i`` can be a theme noun (tag, capitalisation, stop list, verb checks).

    ``post_words`` is the set of every token text of the post (``set(tokens.words)``).
    """
    # The tag test comes first: it is the cheapest and rules out most tokens.
    pos = tokens.pos[i]
    if pos not in NOUN_POS and tokens.tag[i] not in NOUN_TAGS:
        return False
    if tokens.is_space[i]:
        return False
    folded = _noun_spelling(tokens.words[i])
    if folded is None:
        return False
    # Capitalised function words ("Welchen Nutzen …", "Diese Tools") are tagged PROPN/NN by
    # the weak tagger; only trust a stop-word spelling when tagger and morphologizer agree.
    if folded in STOP_WORDS and not (pos == "NOUN" and tokens.tag[i] == "NN"):
        return False
    # At the start of a sentence or clause (inline: a call per noun was measurable).
    if (
        i == 0
        or tokens.sent_start[i]
        or tokens.is_space[i - 1]
        or tokens.words[i - 1] in SENTENCE_END_MARKS
    ):
        if i + 1 < len(tokens) and tokens.lower[i + 1] in SUBJECT_PRONOUNS:
            return False
        # A sentence-initial word written in lower case elsewhere is a verb, an adjective or
        # an adverb, not a noun ("Wissen Sie …" vs "wir wissen"). (``folded`` is a word of
        # the post with a lower-case first letter: the same test as membership in the set of
        # the post's lower-case words, without building that set.)
        if folded in post_words and folded[:1].islower():
            return False
    return True


def is_attributive_adjective(tokens: DocTokens, i: int) -> bool:
    """An adjective that can open a noun phrase (not a stop adjective, not a number)."""
    if tokens.pos[i] != "ADJ" and tokens.tag[i] != "ADJA":
        return False
    return _attributive_spelling(tokens.words[i])


@lru_cache(maxsize=WORD_CACHE_SIZE)  # pure, and the same adjectives come up in every post
def _attributive_spelling(text: str) -> bool:
    """The checks of :func:`is_attributive_adjective` that depend on the text alone."""
    if not text.isalpha():
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


def _sentences(tokens: DocTokens) -> list[tuple[int, int]]:
    """(start, end) character offsets of the sentences (the whole text without a splitter).

    ``DocTokens.sentence_spans`` with the start tokens picked by ``compress`` (C) instead of
    a Python loop over every token: the same starts, so the same spans.
    """
    if not tokens.has_sents:
        return [(0, len(tokens.text))]
    count = len(tokens)
    starts = [0, *compress(range(1, count), islice(tokens.sent_start, 1, None))]
    ends = [*starts[1:], count]
    idx, end = tokens.idx, tokens.end
    return [(idx[a], end[b - 1]) for a, b in zip(starts, ends, strict=True) if a < b]


#: What the mention builders use of a noun surface form, the same for every occurrence:
#: (lemma, key = lemma case-folded, (key,) = the ``nouns`` of a one-noun mention, whether
#: the lemma is a stop noun). A plain tuple: one per surface form of every post, and a tuple
#: is built in C.
_Noun = tuple[str, str, tuple[str], bool]


@lru_cache(maxsize=WORD_CACHE_SIZE)  # pure, and the same lemmas come up again in every post
def _noun_entry(lemma: str) -> _Noun:
    key = lemma.casefold()
    return (lemma, key, (key,), is_stop_noun(lemma))


@dataclass
class _ExtractionState:
    """What the mention builders need about the post (one per :func:`extract_mentions`)."""

    tokens: DocTokens
    nouns: dict[str, _Noun]  # surface form → its lemma and key, for every noun
    blocks: list[int]  # block index per token
    weights: list[float]  # weight per block index (every index in ``blocks``)
    result: Extraction
    single_nouns: list[Mention] = field(default_factory=list)  # the "noun" mentions

    def noun(self, i: int) -> _Noun:
        return self.nouns[self.tokens.words[i]]


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
    words, pos, tag = tokens.words, tokens.pos, tokens.tag
    post_words = set(words)
    # Only nouns and adjectives matter below, and is_noun and is_attributive_adjective both
    # require one of these tags: the tokens without are skipped in a list comprehension.
    tagged = [
        i
        for i, pos_, tag_ in zip(range(len(tokens)), pos, tag, strict=True)
        if pos_ in PHRASE_POS or tag_ in PHRASE_TAGS
    ]
    # (token index, is a noun) of the nouns and attributive adjectives, in text order.
    words_of_phrases: list[tuple[int, bool]] = []
    noun_indices: list[int] = []
    for i in tagged:
        if is_noun(tokens, i, post_words):
            noun_indices.append(i)
            words_of_phrases.append((i, True))
        elif is_attributive_adjective(tokens, i):
            words_of_phrases.append((i, False))
    lemmatizer = NounLemmatizer()
    lemma_of = tokens.lemma
    lemmatizer.add_all([(words[i], lemma_of[i]) for i in noun_indices])
    # Lemma and key per surface form, chosen once (the mention builders read them often).
    nouns = {surface: _noun_entry(lemma) for surface, lemma in lemmatizer.lemmas().items()}

    result = Extraction(blocks=max(1, len(block_weights)), tokens=tokens)
    token_blocks = _token_blocks(tokens, body)
    block_count = token_blocks[-1] + 1 if token_blocks else 0  # blocks only grow
    state = _ExtractionState(
        tokens,
        nouns,
        token_blocks,
        [*block_weights, *[options.body] * (block_count - len(block_weights))],
        result,
    )
    # The runs of adjectives + nouns. A token that is neither (a gap in the indices) and a
    # block boundary both end a run; adjectives after nouns start the next run.
    run_adjectives: list[int] = []
    run_nouns: list[int] = []
    current_block = -1
    previous = -2
    for i, is_noun_token in words_of_phrases:
        block = token_blocks[i]
        if i != previous + 1 or block != current_block:
            if run_nouns:
                _flush(run_adjectives, run_nouns, state)
            run_adjectives, run_nouns, current_block = [], [], block
        previous = i
        if is_noun_token:
            run_nouns.append(i)
        elif not run_nouns:
            run_adjectives.append(i)
        else:
            _flush(run_adjectives, run_nouns, state)
            run_adjectives, run_nouns = [i], []
    if run_nouns:
        _flush(run_adjectives, run_nouns, state)
    _add_compound_support(state.single_nouns, result)
    return result


def _flush(adjectives: list[int], nouns: list[int], state: _ExtractionState) -> None:
    tokens = state.tokens
    text, idx, ends = tokens.text, tokens.idx, tokens.end
    mentions = state.result.mentions
    if len(nouns) == 1:
        # The usual run, one noun: the general case below without its lists.
        i = nouns[0]
        lemma, key, keys, stop = state.noun(i)
        if stop:
            return
        block = state.blocks[i]
        start, end = idx[i], ends[i]
        mention = Mention(
            key, lemma, text[start:end], start, end, block, state.weights[block], "noun", keys
        )
        mentions.append(mention)
        state.single_nouns.append(mention)
        if adjectives:
            _add_adjective_phrase(adjectives, nouns, state)
        return
    words = tokens.words
    stops = [state.noun(i)[3] for i in nouns]
    if any(stops):
        # A generic noun in the run ("Frau Berger"): keep the other nouns alone.
        runs = [[i] for i, stop in zip(nouns, stops, strict=True) if not stop]
        adjectives = []
    elif len(nouns) <= MAX_NOUN_RUN:
        runs = [nouns]
    else:
        runs = [[i] for i in nouns]
    for run in runs:
        run_entries = [state.noun(i) for i in run]
        lemmas = [entry[0] for entry in run_entries]
        keys = tuple(entry[1] for entry in run_entries)
        block = state.blocks[run[0]]
        weight = state.weights[block]
        start, end = idx[run[0]], ends[run[-1]]
        surface = text[start:end]
        if len(run) == 1:
            mention = Mention(keys[0], lemmas[0], surface, start, end, block, weight, "noun", keys)
            mentions.append(mention)
            state.single_nouns.append(mention)
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
    lemmas = [state.noun(i)[0] for i in nouns]
    noun_keys = tuple(state.noun(i)[1] for i in nouns)
    adjective_keys = [adjective_stem(tokens.words[i]) for i in adjectives]
    # The displayed adjective lemma is the model's (lower-cased); the key is the stem, which
    # is the same for every declined form.
    adjective_lemmas = [(tokens.lemma[i] or tokens.words[i]).casefold() for i in adjectives]
    key = " ".join([*adjective_keys, *noun_keys])
    block = state.blocks[adjectives[0]]
    start, end = tokens.idx[adjectives[0]], tokens.end[nouns[-1]]
    state.result.mentions.append(
        Mention(
            key,
            " ".join([*adjective_lemmas, *lemmas]),
            tokens.text[start:end],
            start,
            end,
            block,
            state.weights[block],
            "phrase",
            noun_keys,
        )
    )


def _add_compound_support(single_nouns: list[Mention], result: Extraction) -> None:
    """Compound support for the one-noun mentions ``single_nouns`` (all of ``result``'s)."""
    singles = {m.key: m.lemma for m in single_nouns}
    splitter = CompoundSplitter(singles.values())
    split_cache: dict[str, list[tuple[str, str]]] = {}
    support: list[Mention] = []
    for mention in single_nouns:
        parts = split_cache.get(mention.lemma)
        if parts is None:
            parts = split_cache[mention.lemma] = splitter.parts(mention.lemma)
        for part, _role in parts:
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
