"""German syllable counting: a vowel-nucleus counter with an exception table.

Convention (docs/readability.md): a syllable is a spoken syllable as the word is hyphenated
in German (Duden), so single-vowel syllables count ("a-ber", "ü-ber", "Ko-o-pe-ra-ti-on",
"Mil-li-o-nen"); loanwords count as pronounced in German ("Team" 1, "Ser-vice" 2); acronyms
are spelled out ("KMU" = ka-em-u = 3); digits inside a word are read as German numbers.

The counter never backtracks: one left-to-right pass over the letters, with a longest-match
lookup in a small exception table at each position.
"""

from __future__ import annotations

from functools import lru_cache

from blogtext.analyzers._readability_lexicon import exception_lengths, syllable_exceptions

VOWELS = frozenset("aeiouäöüy")

#: Two letters that form one syllable nucleus (diphthongs and long vowels).
#: Not here on purpose: "ui" (Ru-i-ne), "ea" (re-al), "oa", "oe", "ae", "io", "ia", "iu", "ue"
#: – German keeps them apart; English words with them are in the exception table.
DIGRAPHS = frozenset({"ie", "ei", "ai", "au", "eu", "äu", "aa", "ee", "oo", "ey", "ay", "oy", "ou"})

HYPHENS = "-\u2010\u2011"

#: Syllables of the German letter names, for spelled-out acronyms ("Ypsilon" has 3).
_LETTER_NAME_SYLLABLES = {"y": 3}

# German cardinals: syllables of the words for 0-19 and for the tens.
_UNITS = (1, 1, 1, 1, 1, 1, 1, 2, 1, 1)  # null eins zwei drei vier fünf sechs sie-ben acht neun
_TEENS = (1, 1, 1, 2, 2, 2, 2, 2, 2, 2)  # zehn elf zwölf drei-zehn … sech-zehn sieb-zehn …
_TENS = 2  # zwan-zig, drei-ßig, vier-zig, … neun-zig


@lru_cache(maxsize=1 << 16)  # pure, and words repeat a lot within and across posts
def count_syllables(word: str) -> int:
    """Syllables of one word as written (a hyphenated compound counts all its parts).

    Args:
        word: A word without surrounding punctuation, e.g. ``"Self-Service-Plattform"``,
            ``"Kund:innen"``, ``"KMU"``. Abbreviations are counted by the caller from
            their spoken form.

    Returns:
        The number of syllables, at least 1 for any input that contains a letter or digit.
    """
    total = 0
    part: list[str] = []
    for ch in word + "-":
        if ch in HYPHENS:
            if part:
                total += _part_syllables("".join(part))
                part = []
        elif ch.isalnum():
            # Gender marks, apostrophes and the like ("Kund:innen", "geht's") are dropped.
            part.append(ch)
    return max(1, total) if any(ch.isalnum() for ch in word) else 0


def _part_syllables(part: str) -> int:
    """Syllables of one hyphen-free part (letters and digits only)."""
    entry = syllable_exceptions().get(part.lower())
    if entry is not None:
        return entry.syllables
    total = 0
    run: list[str] = []
    digits = False
    for ch in part + "\0":
        is_digit = ch.isdecimal()  # not "¹" or "²": int() cannot read them
        if run and (ch == "\0" or is_digit != digits):
            text = "".join(run)
            total += number_syllables(text) if digits else _letter_run_syllables(text)
            run = []
        run.append(ch)
        digits = is_digit
    return total


def _letter_run_syllables(run: str) -> int:
    """Syllables of a run of letters: exception, letter name, acronym, or the nucleus rules."""
    low = run.lower()
    entry = syllable_exceptions().get(low)
    if entry is not None:
        return entry.syllables
    if len(run) == 1:
        return _LETTER_NAME_SYLLABLES.get(low, 1)
    if is_acronym(run) or not any(ch in VOWELS for ch in low):
        # Spelled out: "KMU" = ka-em-u, "Pkw" = pe-ka-we; a plural -s adds nothing ("KMUs").
        letters = low[:-1] if run.endswith("s") and run[:-1].isupper() else low
        return sum(_LETTER_NAME_SYLLABLES.get(ch, 1) for ch in letters)
    return _compound_syllables(low)


def is_acronym(run: str) -> bool:
    """Whether a letter run is an acronym read letter by letter ("KMU", "SEO", "KMUs").

    Two to five capitals, optionally with a plural "s". Longer all-caps words ("WICHTIG")
    are read as words; acronyms read as words ("NATO", "WLAN") belong in the exception table.
    """
    core = run[:-1] if len(run) > 2 and run.endswith("s") else run
    return 2 <= len(core) <= 5 and core.isupper()


def _compound_syllables(low: str) -> int:
    """Split a lower-case word against the exception table and count the rest by rule.

    Greedy, left to right, longest entry first: "kundenservice" = rules("kunden") +
    table("service"); "vertriebskooperation" = rules("vertriebs") + table("koop") +
    rules("eration").
    """
    table = syllable_exceptions()
    n = len(low)
    total = 0
    rest_start = 0
    i = 0
    while i < n:
        match = None
        for length in exception_lengths():
            if length > n - i:
                continue
            entry = table.get(low[i : i + length])
            if entry is None or entry.where == "whole":
                continue
            if entry.where == "start" and i != 0:
                continue
            if entry.where == "end" and i + length != n:
                continue
            match = entry
            break
        if match is None:
            i += 1
            continue
        total += nucleus_count(low[rest_start:i]) + match.syllables
        i += len(match.text)
        rest_start = i
    return total + nucleus_count(low[rest_start:])


def nucleus_count(low: str) -> int:
    """Count vowel nuclei in a lower-case letter string (the German default rule).

    - a digraph from :data:`DIGRAPHS` is one nucleus ("Bei-spiel", "Feed-back");
    - "u" after "q" is a consonant ("Qua-li-tät");
    - "y" before a vowel at the start is a consonant ("Yo-ga");
    - a final "ien" after a consonant is two nuclei ("Stra-te-gi-en", "Li-ni-en"); the
      monosyllabic ones ("Wien", "schien") are in the exception table.
    """
    count = 0
    n = len(low)
    i = 0
    while i < n:
        ch = low[i]
        if ch not in VOWELS:
            i += 1
            continue
        if ch == "u" and i > 0 and low[i - 1] == "q":
            i += 1
            continue
        if ch == "y" and i == 0 and n > 1 and low[1] in VOWELS:
            i += 1
            continue
        pair = low[i : i + 2]
        if pair in DIGRAPHS:
            if (
                pair == "ie"
                and i + 3 == n
                and low[-1] == "n"
                and i > 0
                and low[i - 1] not in VOWELS
            ):
                count += 2
            else:
                count += 1
            i += 2
            continue
        count += 1
        i += 1
    return count


def number_syllables(digits: str) -> int:
    """Syllables of a digit string read as a German cardinal ("19" = neun-zehn = 2).

    Used only for digits inside words ("Covid-19", "3-mal"); pure numbers are not words.
    1100–1999 are read as years ("neun-zehn-hun-dert …"); beyond four digits each digit
    is read on its own.
    """
    digits = digits.lstrip("0") or "0"
    if len(digits) > 4:
        return sum(_UNITS[int(d)] for d in digits)
    value = int(digits)
    if 1100 <= value <= 1999:
        return _below_100(value // 100) + 2 + _below_100(value % 100)
    total = 0
    thousands, value = divmod(value, 1000)
    if thousands:
        total += 2 + (_UNITS[thousands] if thousands > 1 else 0)  # (zwei)tau-send
    hundreds, value = divmod(value, 100)
    if hundreds:
        total += 2 + (_UNITS[hundreds] if hundreds > 1 else 0)  # (drei)hun-dert
    if value or not total:
        total += _below_100(value)
    return total


def _below_100(value: int) -> int:
    """Syllables of 0–99 as a German word ("einundzwanzig" = 4)."""
    if value < 10:
        return _UNITS[value]
    if value < 20:
        return _TEENS[value - 10]
    units = value % 10
    return _TENS + (_UNITS[units] + 1 if units else 0)  # (ein-und)zwan-zig
