"""German readability formulas and their bands, computed from our own counts.

Each function takes counts (not text), so the counting conventions stay in one place and the
formulas can be checked against textstat's implementation fed with the same counts
(tests/analyzers/test_readability_formulas.py). An undefined score is ``None``, never 0.
"""

from __future__ import annotations

# Flesch Reading Ease for German, Amstad's adaptation of Flesch (1948):
# Amstad, Toni (1978): Wie verständlich sind unsere Zeitungen? Dissertation, Universität Zürich.
# FRE_de = 180 − ASL − 58.5 · ASW (ASL = words per sentence, ASW = syllables per word).
# The score is not clamped: very short, simple texts may exceed 100, dense ones go below 0.
AMSTAD_BASE = 180.0
AMSTAD_ASL = 1.0
AMSTAD_ASW = 58.5

# Wiener Sachtextformeln (Vienna non-fiction formulas):
# Bamberger, Richard; Vanecek, Erich (1984): Lesen – Verstehen – Lernen – Schreiben. Die
# Schwierigkeitsstufen von Texten in deutscher Sprache. Wien: Jugend und Volk, Diesterweg.
# WSTF_n = a·MS + b·SL + c·IW − d·ES − e, with MS = % words of ≥ 3 syllables, SL = words per
# sentence, IW = % words of > 6 letters, ES = % one-syllable words; result ≈ school grade
# (4 = very easy … 15 = very hard). Coefficients (MS, SL, IW, ES, constant):
WSTF_COEFFICIENTS: dict[int, tuple[float, float, float, float, float]] = {
    1: (0.1935, 0.1672, 0.1297, -0.0327, -0.875),
    2: (0.2007, 0.1682, 0.1373, 0.0, -2.779),
    3: (0.2963, 0.1905, 0.0, 0.0, -1.1144),
    4: (0.2744, 0.2656, 0.0, 0.0, -1.693),
}

# LIX (Läsbarhetsindex): Björnsson, Carl-Hugo (1968): Läsbarhet. Stockholm: Liber.
# LIX = words/sentences + 100 · long words/words, a long word having more than six letters.

#: Flesch-Amstad bands (lower bound, label): the cut points commonly tabled in German for
#: Flesch/Amstad (Amstad 1978; Flesch 1948 used the same 90/80/70/60/50/30 steps).
FLESCH_AMSTAD_BANDS: tuple[tuple[float, str], ...] = (
    (90.0, "sehr leicht"),
    (80.0, "leicht"),
    (70.0, "mittelleicht"),
    (60.0, "mittel"),
    (50.0, "mittelschwer"),
    (30.0, "schwer"),
)
FLESCH_AMSTAD_LOWEST_BAND = "sehr schwer"

#: WSTF grades run from 4 (very easy) to 15 (very hard) (Bamberger & Vanecek 1984).
WSTF_MIN_GRADE = 4
WSTF_MAX_GRADE = 15


def flesch_amstad(*, words: int, sentences: int, syllables: int) -> float | None:
    """Flesch Reading Ease after Amstad (1978); ``None`` without words or sentences."""
    if words <= 0 or sentences <= 0:
        return None
    return AMSTAD_BASE - AMSTAD_ASL * (words / sentences) - AMSTAD_ASW * (syllables / words)


def wiener_sachtextformel(
    variant: int,
    *,
    words: int,
    sentences: int,
    polysyllabic_words: int,
    long_words: int,
    monosyllabic_words: int,
) -> float | None:
    """Wiener Sachtextformel 1–4 (Bamberger & Vanecek 1984); ``None`` without words.

    Raises:
        ValueError: ``variant`` is not 1, 2, 3 or 4.
    """
    if variant not in WSTF_COEFFICIENTS:
        raise ValueError(f"Wiener Sachtextformel variant must be 1–4, not {variant!r}")
    if words <= 0 or sentences <= 0:
        return None
    ms_coef, sl_coef, iw_coef, es_coef, constant = WSTF_COEFFICIENTS[variant]
    ms = 100.0 * polysyllabic_words / words
    sl = words / sentences
    iw = 100.0 * long_words / words
    es = 100.0 * monosyllabic_words / words
    return ms_coef * ms + sl_coef * sl + iw_coef * iw + es_coef * es + constant


def lix(*, words: int, sentences: int, long_words: int) -> float | None:
    """LIX (Björnsson 1968); ``None`` without words or sentences."""
    if words <= 0 or sentences <= 0:
        return None
    return words / sentences + 100.0 * long_words / words


def flesch_amstad_band(score: float | None) -> str | None:
    """German band of a Flesch-Amstad score: "sehr leicht" (≥ 90) … "sehr schwer" (< 30)."""
    if score is None:
        return None
    for lower, label in FLESCH_AMSTAD_BANDS:
        if score >= lower:
            return label
    return FLESCH_AMSTAD_LOWEST_BAND


def wstf_grade(score: float | None) -> int | None:
    """The school grade (Schulstufe 4–15) a Wiener Sachtextformel score stands for."""
    if score is None:
        return None
    return min(WSTF_MAX_GRADE, max(WSTF_MIN_GRADE, round(score)))


def wstf_band(score: float | None) -> str | None:
    """German label of a WSTF score, e.g. "Schulstufe 7"; the ends say how easy or hard."""
    grade = wstf_grade(score)
    if grade is None:
        return None
    if grade == WSTF_MIN_GRADE:
        return f"Schulstufe {grade} (sehr leicht)"
    if grade == WSTF_MAX_GRADE:
        return f"Schulstufe {grade} (sehr schwer)"
    return f"Schulstufe {grade}"
