"""German noun and adjective normalisation for theme grouping.

The offline pipeline's lemmatizer is weak (LEMMA 92.0): it returns plural forms as lemmas
("Stammkunden", "Tools"), invents stems ("Statistike") and differs between two occurrences of
the same word. Themes must group "Kunde", "Kunden" and "Kundin" reliably, so the lemma is
chosen per *surface form* for the whole post, backed by rules:

1. derivational plural suffixes that are unambiguous in German ("-ungen" → "-ung",
   "-heiten" → "-heit", "-innen" → "-in" …) are undone first;
2. otherwise an inflectional ending is stripped only when the result is *attested* in the
   same post (as a word or as a plausible model lemma), so "Posten" never becomes "Post"
   unless the post says "Post";
3. otherwise the model's lemma is used when it is plausible (same stem as the word);
4. a compound takes its head's lemma: "Stammkunden" ends in "Kunden" → "Stammkunde".

Adjectives in noun phrases are grouped by a crude stem ("erfolgreiche", "erfolgreichen" →
"erfolgreich"); the displayed lemma is the model's most frequent lemma of the group.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache, lru_cache
from operator import itemgetter

from blogtext.data import read_lines

AREA = "themes"

#: Plural suffix → singular suffix, for endings whose plural is regular in German.
#: Longest first; each needs a stem of three letters or more in front of it.
DERIVATIONAL_PLURALS: tuple[tuple[str, str], ...] = (
    ("schaften", "schaft"),
    ("keiten", "keit"),
    ("heiten", "heit"),
    ("itäten", "ität"),
    ("ismen", "ismus"),
    ("nisse", "nis"),
    ("ungen", "ung"),
    ("ionen", "ion"),
    ("innen", "in"),
    ("iken", "ik"),
    ("uren", "ur"),
)
#: Inflectional endings of nouns (plural, genitive, weak-noun -n), tried only against forms
#: attested in the post. Longest first so "Partnern" tries "Partner" before "Partnerr".
NOUN_ENDINGS = ("ern", "en", "es", "er", "e", "n", "s")
#: Adjective endings (strong/weak/mixed declension). Used only to build grouping keys.
ADJECTIVE_ENDINGS = ("en", "em", "er", "es", "e")
#: Shortest stem left after stripping an ending.
MIN_STEM = 3

_UMLAUTS = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "Ä": "A", "Ö": "O", "Ü": "U"})


@cache
def stop_nouns() -> frozenset[str]:
    """Case-folded nouns that are never a theme (``data/themes/stop_nouns.txt``)."""
    return frozenset(word.casefold() for word in read_lines(AREA, "stop_nouns.txt"))


@cache
def stop_adjectives() -> frozenset[str]:
    """Adjective stems that do not narrow a phrase (``data/themes/stop_adjectives.txt``)."""
    return frozenset(adjective_stem(word) for word in read_lines(AREA, "stop_adjectives.txt"))


#: Entries of the word caches below: enough for a blog's recurring vocabulary, and small,
#: since every entry is one more object for the garbage collector to walk.
WORD_CACHE_SIZE = 4096


@lru_cache(maxsize=WORD_CACHE_SIZE)  # pure, and the same nouns come up again in every post
def is_stop_noun(word: str) -> bool:
    """Whether ``word`` or the word without a plural/case ending is a stop noun ("Tipps")."""
    lower = word.casefold()
    stops = stop_nouns()
    if lower in stops:
        return True
    for ending in NOUN_ENDINGS:
        if (
            len(lower) - len(ending) >= MIN_STEM
            and lower.endswith(ending)
            and lower[: -len(ending)] in stops
        ):
            return True
    return False


def capitalise(word: str) -> str:
    """``word`` with an upper-case first letter (German nouns), the rest unchanged."""
    return word[:1].upper() + word[1:]


def adjective_stem(word: str) -> str:
    """A grouping key for an attributive adjective: lower case, declension ending removed.

    The key is not a lemma ("eigen" → "eig"); it only has to be the same for every declined
    form of one adjective, which holds because the ending is stripped from every form alike.
    """
    lower = word.casefold()
    for ending in ADJECTIVE_ENDINGS:
        if lower.endswith(ending) and len(lower) - len(ending) >= MIN_STEM:
            return lower[: -len(ending)]
    return lower


@lru_cache(maxsize=WORD_CACHE_SIZE)  # pure, and called for every noun form of every post
def derivational_singular(word: str) -> str | None:
    """Singular of a regular derivational plural ("Lösungen" → "Lösung"), else ``None``."""
    for plural, singular in DERIVATIONAL_PLURALS:
        if word.endswith(plural) and len(word) - len(plural) >= MIN_STEM:
            return word[: -len(plural)] + singular
    return None


@lru_cache(maxsize=WORD_CACHE_SIZE)  # pure, and called for every noun form of every post
def ending_stems(word: str) -> tuple[str, ...]:
    """``word`` without each inflectional ending it has (NOUN_ENDINGS order, longest first),
    where MIN_STEM letters or more remain: "Partnern" → ("Partn", "Partner")."""
    return tuple(
        word[: -len(ending)]
        for ending in NOUN_ENDINGS
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM
    )


@lru_cache(maxsize=WORD_CACHE_SIZE)  # pure; called for every (word, model lemma) pair
def plausible_lemma(surface: str, lemma: str) -> str | None:
    """The model's lemma (capitalised) if it shares the word's stem, else ``None``.

    The stem check compares without umlauts ("Verträge" → "Vertrag") and allows two changed
    letters at the end; anything else is a lemmatizer error ("Anderen" → "Anderer" passes,
    "Kooperation" → "Kooperieren" does not).
    """
    if not lemma or not lemma[0].isalpha():
        return None
    lemma = capitalise(lemma)
    a, b = surface.translate(_UMLAUTS).casefold(), lemma.translate(_UMLAUTS).casefold()
    common = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        common += 1
    if common >= max(MIN_STEM, len(b) - 2) and len(b) <= len(a) + 2:
        return lemma
    return None


class NounLemmatizer:
    """Chooses one lemma per noun surface form, using what the whole post attests.

    Call :meth:`add` for every noun occurrence, then :meth:`lemma` for any surface form.
    """

    def __init__(self) -> None:
        # surface form → model lemma → occurrences, both in first-seen order (plain dicts,
        # not Counters: there is one per noun form of every post, and a dict is made faster)
        self._model_lemmas: dict[str, dict[str, int]] = {}
        self._cache: dict[str, str] = {}

    def add(self, surface: str, model_lemma: str) -> None:
        """Record one occurrence of a noun and the model's lemma for it."""
        self.add_all(((surface, model_lemma),))

    def add_all(self, pairs: Iterable[tuple[str, str]]) -> None:
        """Record many (surface, model lemma) occurrences."""
        model_lemmas = self._model_lemmas
        for surface, lemma in pairs:
            counts = model_lemmas.get(surface)
            if counts is None:
                model_lemmas[surface] = {lemma: 1}
            else:
                counts[lemma] = counts.get(lemma, 0) + 1
        self._cache = {}  # a new dict: a mapping returned by ``lemmas`` stays as it was

    def _attested(self) -> set[str]:
        forms = set(self._model_lemmas)
        for surface, lemmas in self._model_lemmas.items():
            for lemma in lemmas:
                candidate = plausible_lemma(surface, lemma)
                if candidate:
                    forms.add(candidate)
        return forms

    def lemma(self, surface: str) -> str:
        """The lemma for ``surface`` (rules, attestation, model lemma, compound head)."""
        if not self._cache:
            self._compute()
        return self._cache.get(surface) or self._choose(surface, self._attested(), _Heads())

    def lemmas(self) -> Mapping[str, str]:
        """Recorded surface form → :meth:`lemma`, for every form recorded so far (read-only)."""
        if not self._cache:
            self._compute()
        return self._cache

    def _compute(self) -> None:
        attested = self._attested()
        chosen: dict[str, str] = {}
        heads = _Heads()
        # Short words first so compound heads are decided before the compounds using them.
        for surface in sorted(self._model_lemmas, key=len):
            lemma = chosen[surface] = self._choose(surface, attested, heads)
            if surface != lemma and len(surface) >= 4:
                heads.add(surface, lemma)
        self._cache = chosen

    def _choose(self, surface: str, attested: set[str], heads: _Heads) -> str:
        derived = derivational_singular(surface)
        if derived:
            return derived
        stem = next(filter(attested.__contains__, ending_stems(surface)), None)
        if stem:
            return stem
        model = self._model_lemma(surface)
        if model and model != surface:
            return model
        return heads.compound_lemma(surface) or surface

    def _model_lemma(self, surface: str) -> str | None:
        lemmas = self._model_lemmas.get(surface)
        if not lemmas:
            return None
        if len(lemmas) == 1:  # the usual case: nothing to rank
            return plausible_lemma(surface, next(iter(lemmas)))
        # Most frequent first, ties in first-seen order (as ``Counter.most_common``).
        for lemma, _count in sorted(lemmas.items(), key=itemgetter(1), reverse=True):
            candidate = plausible_lemma(surface, lemma)
            if candidate:
                return candidate
        return None


#: Letters at the end of a word by which :class:`_Heads` rules out most words at once.
_ENDING_SIZE = 3


class _Heads:
    """Decided words that changed under lemmatisation, looked up by case-folded spelling."""

    def __init__(self) -> None:
        # folded spelling → (order added, word, lemma) of every such word
        self._by_folded: dict[str, list[tuple[int, str, str]]] = {}
        self._added = 0
        # Shortest and longest folded spelling: the suffixes worth looking up.
        self._shortest = 0
        self._longest = 0
        # The last ENDING_SIZE letters of every folded spelling: a word that ends in none of
        # them has no head here (valid while every spelling is that long, see ``add``).
        self._endings: set[str] = set()

    def add(self, surface: str, lemma: str) -> None:
        folded = surface.casefold()
        self._by_folded.setdefault(folded, []).append((self._added, surface, lemma))
        self._shortest = min(self._shortest, len(folded)) if self._added else len(folded)
        self._longest = max(self._longest, len(folded))
        self._endings.add(folded[-_ENDING_SIZE:])
        self._added += 1

    def compound_lemma(self, surface: str) -> str | None:
        """The lemma of a compound from its head: the longest (then first added) decided word
        that ends it lends its change: "Stammkunden" + ("Kunden" → "Kunde") → "Stammkunde"."""
        if not self._by_folded:
            return None
        folded = surface.casefold()
        if self._shortest >= _ENDING_SIZE and folded[-_ENDING_SIZE:] not in self._endings:
            return None  # the usual case: no spelling here ends the word
        best: tuple[int, int, str] | None = None  # (length, order, lemma)
        # A head ends the compound: look up every suffix instead of testing every head. Only
        # suffixes as long as some folded spelling can be found: the others are skipped.
        length = len(folded)
        first, last = max(0, length - self._longest), min(length - 1, length - self._shortest)
        for start in range(first, last + 1):
            for order, head, lemma in self._by_folded.get(folded[start:], ()):
                size = len(head)
                if len(surface) - size >= MIN_STEM and (
                    best is None or size > best[0] or (size == best[0] and order < best[1])
                ):
                    best = (size, order, surface[:-size] + lemma.casefold())
        return best[2] if best else None
