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

from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import cache

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


def is_stop_noun(word: str) -> bool:
    """Whether ``word`` or the word without a plural/case ending is a stop noun ("Tipps")."""
    lower = word.casefold()
    stops = stop_nouns()
    if lower in stops:
        return True
    return any(
        lower.endswith(ending) and lower[: -len(ending)] in stops
        for ending in NOUN_ENDINGS
        if len(lower) - len(ending) >= MIN_STEM
    )


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


def derivational_singular(word: str) -> str | None:
    """Singular of a regular derivational plural ("Lösungen" → "Lösung"), else ``None``."""
    for plural, singular in DERIVATIONAL_PLURALS:
        if word.endswith(plural) and len(word) - len(plural) >= MIN_STEM:
            return word[: -len(plural)] + singular
    return None


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
        self._model_lemmas: dict[str, Counter[str]] = defaultdict(Counter)
        self._cache: dict[str, str] = {}

    def add(self, surface: str, model_lemma: str) -> None:
        """Record one occurrence of a noun and the model's lemma for it."""
        self._model_lemmas[surface][model_lemma] += 1
        self._cache.clear()

    def add_all(self, pairs: Iterable[tuple[str, str]]) -> None:
        """Record many (surface, model lemma) occurrences."""
        for surface, lemma in pairs:
            self.add(surface, lemma)

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
        return self._cache.get(surface) or self._choose(surface, self._attested(), {})

    def _compute(self) -> None:
        attested = self._attested()
        chosen: dict[str, str] = {}
        # Short words first so compound heads are decided before the compounds using them.
        for surface in sorted(self._model_lemmas, key=len):
            chosen[surface] = self._choose(surface, attested, chosen)
        self._cache = chosen

    def _choose(self, surface: str, attested: set[str], chosen: dict[str, str]) -> str:
        derived = derivational_singular(surface)
        if derived:
            return derived
        for ending in NOUN_ENDINGS:
            stem = surface[: -len(ending)]
            if surface.endswith(ending) and len(stem) >= MIN_STEM and stem in attested:
                return stem
        model = self._model_lemma(surface)
        if model and model != surface:
            return model
        return self._head_lemma(surface, chosen) or surface

    def _model_lemma(self, surface: str) -> str | None:
        for lemma, _count in self._model_lemmas.get(surface, Counter()).most_common():
            candidate = plausible_lemma(surface, lemma)
            if candidate:
                return candidate
        return None

    @staticmethod
    def _head_lemma(surface: str, chosen: dict[str, str]) -> str | None:
        # The longest already decided word that ends the compound and changed under
        # lemmatisation lends its change: "Stammkunden" + ("Kunden" → "Kunde") → "Stammkunde".
        best: tuple[int, str] | None = None
        for head, lemma in chosen.items():
            if (
                head != lemma
                and len(head) >= 4
                and len(surface) - len(head) >= MIN_STEM
                and surface.casefold().endswith(head.casefold())
                and (best is None or len(head) > best[0])
            ):
                best = (len(head), surface[: -len(head)] + lemma.casefold())
        return best[1] if best else None
