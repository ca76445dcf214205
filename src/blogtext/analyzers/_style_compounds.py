"""Where to split a long German compound, and how to say it more readably.

There is no German dictionary in the package, so the split point comes from two cues that are
reliable without one, tried in order:

1. a derivational suffix followed by the linking -s- (Fugen-s): "-heits-", "-keits-",
   "-ungs-", "-ions-", "-itäts-", "-schafts-" – "Kundenzufriedenheits|befragung",
   "Qualitätssicherungs|maßnahmen". The rightmost such boundary wins (the head is the last part);
2. a frequent head from ``compound_heads.txt`` or a noun of the same text at the end of the
   word ("Datenschutz|verordnung").

Suggestions: the hyphenated form ("Kundenzufriedenheits-Befragung", allowed by the Duden for
long compounds) and, when the head is an action noun, a phrase with "zur"/"zum"
("Befragung zur Kundenzufriedenheit"); the article follows the gender the modifier's last
suffix implies (-heit, -ung, … feminine; -tum, -ment … neuter; -ismus, -ling masculine).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from blogtext.analyzers._style_lexicon import compound_heads

#: Suffixes after which a linking -s- marks a compound boundary, longest first.
LINKED_SUFFIXES = ("schafts", "heits", "keits", "itäts", "tums", "ungs", "ions", "lings")
#: The head and the modifier must each have at least this many letters.
MIN_PART = 4
FEMININE = ("heit", "keit", "ung", "schaft", "ion", "ität", "ik", "ei", "enz", "anz", "ur")
NEUTER = ("tum", "ment", "chen", "lein", "um")
MASCULINE = ("ismus", "ling", "or")
#: Heads that name an action or a plan and read well with "zur/zum …".
ACTION_HEADS = ("ung", "ungen", "ion", "ionen", "nahme", "nahmen", "analyse", "strategie",
                "konzept", "plan", "programm", "prozess", "richtlinie", "verfahren")  # fmt: skip


@dataclass(frozen=True)
class CompoundSplit:
    """A split of ``word`` into ``modifier`` (with its linking element) and ``head``."""

    word: str
    modifier: str
    head: str

    @property
    def hyphenated(self) -> str:
        """ "Kundenzufriedenheits-Befragung"."""
        return f"{self.modifier}-{self.head[:1].upper()}{self.head[1:]}"

    @property
    def phrase(self) -> str | None:
        """ "Befragung zur Kundenzufriedenheit", or ``None`` when no article can be chosen."""
        head = self.head[:1].upper() + self.head[1:]
        if not head.lower().endswith(ACTION_HEADS):
            return None
        base = self.modifier
        lower = base.lower()
        if lower.endswith(LINKED_SUFFIXES) and lower.endswith("s"):
            base = base[:-1]  # drop the linking -s-: "Kundenzufriedenheits" → "…heit"
        lower = base.lower()
        if lower.endswith(FEMININE):
            article = "zur"
        elif lower.endswith(NEUTER) or lower.endswith(MASCULINE):
            article = "zum"
        else:
            return None
        return f"{head} {article} {base}"

    def suggestions(self) -> tuple[str, ...]:
        phrase = self.phrase
        return (phrase, self.hyphenated) if phrase else (self.hyphenated,)


def head_candidates(vocabulary: Iterable[str] = ()) -> tuple[str, ...]:
    """The heads :func:`split_compound` tries when no linking element marks the boundary.

    The frequent heads of ``compound_heads.txt``, then the nouns of ``vocabulary`` (lower
    case, longest first). Compute it once to split many words against the same vocabulary.
    """
    nouns = {v.lower() for v in vocabulary if len(v) >= MIN_PART + 2}
    return compound_heads() + tuple(sorted(nouns, key=len, reverse=True))


def split_compound(
    word: str, vocabulary: Iterable[str] = (), *, heads: Sequence[str] | None = None
) -> CompoundSplit | None:
    """The most plausible modifier/head split of ``word`` (no hyphen inside), or ``None``.

    Args:
        word: A noun as written ("Kundenzufriedenheitsbefragung").
        vocabulary: Other nouns of the text; one of them at the end of ``word`` is a head.
        heads: ``head_candidates(vocabulary)``, when already computed (``vocabulary`` is then
            not read).
    """
    lower = word.lower()
    best: int | None = None
    for suffix in LINKED_SUFFIXES:
        start = 0
        while (found := lower.find(suffix, start)) >= 0:
            cut = found + len(suffix)
            if cut >= MIN_PART and len(lower) - cut >= MIN_PART and (best is None or cut > best):
                best = cut
            start = found + 1
    if best is None:
        # The longest head first; heads of equal length that both end the word are the same
        # string, so the order among them does not matter.
        for head in heads if heads is not None else head_candidates(vocabulary):
            if lower.endswith(head) and len(lower) - len(head) >= MIN_PART:
                best = len(lower) - len(head)
                break
    if best is None:
        return None
    return CompoundSplit(word, word[:best], word[best:])
