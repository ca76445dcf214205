"""The indexed and incremental code paths of the theme analysis agree with the plain
definitions they replace (longest-part scans over the whole vocabulary, compound splits ruled
out by one set test, greedy selection that rescans the pool after every pick, compound heads
tested one by one). No model needed."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from blogtext.analyzers._themes_compounds import (
    LINKING_ELEMENTS,
    MIN_REST,
    CompoundSplitter,
    _longest_head,
    _longest_modifier,
    compound_parts,
    fold_vocabulary,
)
from blogtext.analyzers._themes_normalize import MIN_STEM, _Heads
from blogtext.analyzers._themes_rank import Candidate
from blogtext.analyzers.themes import ThemeOptions, _select

PARTS = ["kunde", "kunden", "bindung", "vertrag", "partner", "kooperation", "service",
         "team", "arbeit", "zeit", "daten", "schutz", "straße", "maß", "info"]  # fmt: skip


def _reference_modifier(lower: str, folded: dict[str, str]) -> str | None:
    best: str | None = None
    for part in folded:
        if part == lower or not lower.startswith(part):
            continue
        for link in LINKING_ELEMENTS:
            if lower.startswith(part + link) and len(lower) - len(part) - len(link) >= MIN_REST:
                if best is None or len(part) > len(best):
                    best = part
                break
    return best


def _reference_head(lower: str, folded: dict[str, str]) -> str | None:
    heads = [p for p in folded if p != lower and lower.endswith(p) and len(lower) - len(p) >= 3]
    return max(heads, key=len, default=None)


def _random_vocabulary(seed: int) -> tuple[random.Random, list[str]]:
    rng = random.Random(seed)
    return rng, [w.capitalize() for w in rng.sample(PARTS, 8)]


@pytest.mark.parametrize("seed", range(20))
def test_compound_part_lookups_match_the_vocabulary_scan(seed: int) -> None:
    rng, vocabulary = _random_vocabulary(seed)
    folded = fold_vocabulary(vocabulary)
    for _ in range(200):
        word = "".join(rng.choice([*PARTS, "s", "es", "n", "x"]) for _ in range(rng.randint(1, 4)))
        assert _longest_modifier(word, folded) == _reference_modifier(word, folded), word
        assert _longest_head(word, folded) == _reference_head(word, folded), word


@pytest.mark.parametrize("seed", range(20))
def test_compound_splitter_matches_compound_parts(seed: int) -> None:
    # The splitter rules most words out by one set test; it must agree with the full split,
    # hyphenated words and words shorter than two parts included.
    rng, vocabulary = _random_vocabulary(seed)
    splitter = CompoundSplitter(vocabulary)
    for _ in range(200):
        pieces = [rng.choice([*PARTS, "s", "es", "n", "x", "-"]) for _ in range(rng.randint(1, 4))]
        word = "".join(pieces).capitalize()
        assert splitter.parts(word) == compound_parts(word, vocabulary), word


def _reference_compound_lemma(surface: str, chosen: dict[str, str]) -> str | None:
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


@pytest.mark.parametrize("seed", range(20))
def test_compound_heads_by_suffix_match_the_scan_over_all_heads(seed: int) -> None:
    rng = random.Random(seed)
    chosen: dict[str, str] = {}
    heads = _Heads()
    for word in rng.sample(PARTS, 10):
        surface = word.capitalize() + rng.choice(["", "n", "en", "s"])
        if surface in chosen:
            continue  # a post's surfaces are distinct ("Kunde" + "n", "Kunden")
        lemma = rng.choice([surface, word.capitalize(), surface[:-1] or surface])
        chosen[surface] = lemma
        if surface != lemma and len(surface) >= 4:
            heads.add(surface, lemma)
    for _ in range(200):
        surface = "".join(rng.choice(PARTS) for _ in range(rng.randint(1, 3))).capitalize()
        surface += rng.choice(["", "n", "en", "s"])
        assert heads.compound_lemma(surface) == _reference_compound_lemma(surface, chosen)


def _reference_select(ranked: list[Candidate], options: ThemeOptions) -> list[tuple]:
    compound_weight = options.rank.compound_weight
    pool = [
        c
        for c in ranked
        if c.count
        and c.score > 0
        and not (c.kind == "phrase" and " ".join(c.nouns) != c.key)
        and not (c.kind == "phrase" and c.count < options.min_phrase_count)
    ]
    chosen: list[tuple] = []
    chosen_keys: set[str] = set()
    used_nouns: set[str] = set()

    def adjusted(c: Candidate) -> float:
        mass = c.mass(compound_weight)
        if not mass or not c.borrowed:
            return c.score
        return c.score * c.mass_without(chosen_keys, compound_weight) / mass

    while pool and len(chosen) < options.keep:
        pool = [c for c in pool if not used_nouns.intersection(c.nouns or (c.key,))]
        if not pool:
            break
        best = max(pool, key=adjusted)
        best_score = adjusted(best)
        pool.remove(best)
        chosen.append((best.key, best_score))
        chosen_keys.add(best.key)
        used_nouns.update(best.nouns or (best.key,))
    return chosen


def _candidates(rng: random.Random) -> list[Candidate]:
    keys = [f"n{k}" for k in range(40)]
    out = []
    for key in keys:
        c = Candidate(key, "noun", (key,))
        c.count = rng.randint(0, 4)
        c.weighted = float(c.count) * rng.choice([1.0, 2.0, 3.0])
        c.support = rng.choice([0.0, 1.0, 2.5])
        # Some candidates lend weight to others; equal scores test the tie order.
        c.borrowed = Counter({rng.choice(keys): rng.choice([0.5, 1.0, 2.0]) for _ in range(2)})
        c.score = rng.choice([0.0, 1.0, 2.0, 2.0, 3.5, 5.0])
        out.append(c)
    for _ in range(10):
        a, b = rng.sample(keys, 2)
        phrase = Candidate(f"{a} {b}", "phrase", (a, b))
        phrase.count, phrase.weighted, phrase.score = 2, 2.0, rng.choice([2.0, 4.0])
        phrase.borrowed = Counter({a: 1.0})
        out.append(phrase)
    return out


@pytest.mark.parametrize("seed", range(30))
def test_selection_with_a_heap_matches_the_pool_rescan(seed: int) -> None:
    rng = random.Random(seed)
    ranked = _candidates(rng)
    options = ThemeOptions(keep=12)
    picked = [(best.key, score) for best, _shown, score in _select(ranked, options)]
    assert picked == _reference_select(ranked, options)
