"""Readability rules (area ``readability``): the checks of the Yoast SEO readability analysis.

Scores and counts come from :func:`blogtext.analyzers.readability.analyze_readability`
(``context.analyses["readability"]``); passive voice and transition words from the style
analysis (:func:`blogtext.analyzers.style.analyze_style`), computed once per document. The
default thresholds are Yoast's, which German bloggers know from WordPress; every threshold is
an option (``[tool.blogtext.thresholds."readability/long-sentence"] max-words = 25``).

Shares ("% of sentences") are taken over prose sentences – paragraphs, list items and quotes –
not over the title and headings, which are short by design and would dilute every share.
"""

from __future__ import annotations

from collections.abc import Iterator

from blogtext.analyzers.readability import flesch_amstad_band, wstf_band
from blogtext.analyzers.style import transition_words
from blogtext.model import Finding
from blogtext.rules._readability_hints import hardest, split_point
from blogtext.rules._style_support import (
    anchor,
    lexical_index,
    lexical_matches,
    lines_of,
    percent,
    readability_of,
    style_of,
)
from blogtext.rules.context import RuleContext
from blogtext.rules.registry import register

#: Transition words shown in suggestions (a few of data/style/transition_words.txt).
SUGGESTED_TRANSITIONS = "außerdem, deshalb, zum Beispiel, trotzdem, zunächst, schließlich"


def _prose_sentences(context: RuleContext) -> list:
    return [s.sentence for s in style_of(context).prose]


@register(
    "readability/flesch",
    "warning",
    options={"warning-below": 50, "error-below": 30, "min-words": 50},
)
def flesch(context: RuleContext) -> Iterator[Finding]:
    """A hard-to-read text: Flesch-Amstad reading ease below 50.

    ## What it flags
    One finding per document whose Flesch-Amstad score (the German Flesch formula,
    180 − words per sentence − 58.5 × syllables per word; see docs/readability.md) is below
    `warning-below` (50, "schwer"); below `error-below` (30, "sehr schwer") it is an error.
    Texts shorter than `min-words` are not scored. The suggestion names the three hardest
    sentences with their lines.

    ## Why it matters
    Long sentences and long words are what makes German text slow to read. Business blog
    readers skim; a score under 50 is the level of academic papers, and Yoast SEO marks it red.

    ## Example
    Die kontinuierliche Optimierung unternehmensinterner Kommunikationsprozesse erfordert
    zunächst eine systematische Analyse bestehender Informationsflüsse. Insbesondere die
    Implementierung digitaler Kollaborationswerkzeuge verursacht erhebliche organisatorische
    Herausforderungen. Verantwortliche Führungskräfte berücksichtigen regelmäßig die
    individuellen Qualifikationsanforderungen sämtlicher Beschäftigten. Eine nachhaltige
    Veränderungsbereitschaft entsteht ausschließlich durch transparente Entscheidungsprozesse
    und partizipative Beteiligungsmöglichkeiten. Ergänzend empfiehlt sich die Etablierung
    verbindlicher Dokumentationsstandards innerhalb sämtlicher Unternehmensbereiche.

    ## Use instead
    Gute Teams reden viel miteinander. Sie teilen ihr Wissen. Alle wissen, was die anderen
    tun. Fragen klären sie sofort. Wer Hilfe braucht, sagt es laut. So bleibt kein Problem
    lange liegen. Das spart Zeit und Nerven. Am Ende sind alle froh. Die Kundschaft merkt das
    auch. Sie bekommt schnell eine Antwort und kommt gern wieder.

    ## Options
    - `warning-below`: score below which the text is flagged (default 50).
    - `error-below`: score below which the finding is an error (default 30).
    - `min-words`: shortest text that is scored (default 50).

    ## Known limitations
    The formula only sees sentence and word length: a text of short, vague sentences scores
    well. Amstad's constants were fitted to newspaper text of the 1970s.

    ## References
    - Amstad, T. (1978): Wie verständlich sind unsere Zeitungen? Diss. Universität Zürich
    - Yoast SEO readability analysis: Flesch reading ease (German: Amstad)
    """
    scores = readability_of(context)
    if scores.flesch_amstad is None or scores.words < context.option("min-words"):
        return
    value = scores.flesch_amstad
    if value >= context.option("warning-below"):
        return
    severity = "error" if value < context.option("error-below") else "warning"
    worst = hardest(_prose_sentences(context) or list(scores.per_sentence), 3)
    where = ", ".join(f"line {s.line} ({s.word_count} words)" for s in worst)
    start, end = anchor(context)
    yield context.finding(
        start,
        end,
        f"Flesch-Amstad {value:.1f} ({flesch_amstad_band(value)}) is below "
        f"{context.option('warning-below')}: {scores.words / max(scores.sentences, 1):.1f} words "
        f"per sentence, {scores.syllables / max(scores.words, 1):.2f} syllables per word",
        [f"shorten the hardest sentences first: {where}"] if worst else [],
        severity=severity,
    )


@register("readability/wiener", "warning", options={"warning-from": 12.0, "min-words": 50})
def wiener(context: RuleContext) -> Iterator[Finding]:
    """A text for experts: Wiener Sachtextformel (WSTF 1) of school grade 12 or higher.

    ## What it flags
    One finding per document whose first Wiener Sachtextformel (Bamberger & Vanecek) is at or
    above `warning-from` (12): the text needs the reading skill of the last school years or
    more. Texts shorter than `min-words` are not scored.

    ## Why it matters
    The WSTF was built for German non-fiction; it weighs long words (more than six letters,
    three or more syllables) and sentence length. Grade 12 and up reads like a specialist
    report – too hard for a blog that wants customers, not colleagues.

    ## Example
    Die kontinuierliche Optimierung unternehmensinterner Kommunikationsprozesse erfordert
    zunächst eine systematische Analyse bestehender Informationsflüsse. Insbesondere die
    Implementierung digitaler Kollaborationswerkzeuge verursacht erhebliche organisatorische
    Herausforderungen. Verantwortliche Führungskräfte berücksichtigen regelmäßig die
    individuellen Qualifikationsanforderungen sämtlicher Beschäftigten. Eine nachhaltige
    Veränderungsbereitschaft entsteht ausschließlich durch transparente Entscheidungsprozesse
    und partizipative Beteiligungsmöglichkeiten. Ergänzend empfiehlt sich die Etablierung
    verbindlicher Dokumentationsstandards innerhalb sämtlicher Unternehmensbereiche.

    ## Use instead
    Gute Teams reden viel miteinander. Sie teilen ihr Wissen. Alle wissen, was die anderen
    tun. Fragen klären sie sofort. Wer Hilfe braucht, sagt es laut. So bleibt kein Problem
    lange liegen. Das spart Zeit und Nerven. Am Ende sind alle froh. Die Kundschaft merkt das
    auch. Sie bekommt schnell eine Antwort und kommt gern wieder.

    ## Options
    - `warning-from`: WSTF 1 score from which the text is flagged (default 12.0).
    - `min-words`: shortest text that is scored (default 50).

    ## Known limitations
    Like every formula it counts, it does not understand: technical terms the readers know
    still count as hard.

    ## References
    - Bamberger, R.; Vanecek, E. (1984): Lesen – Verstehen – Lernen – Schreiben. Wien: Jugend und Volk
    """
    scores = readability_of(context)
    value = scores.wiener_sachtextformel.get(1)
    if value is None or scores.words < context.option("min-words"):
        return
    if value < context.option("warning-from"):
        return
    start, end = anchor(context)
    yield context.finding(
        start,
        end,
        f"Wiener Sachtextformel {value:.1f} – {wstf_band(value)} – is at or above "
        f"{context.option('warning-from'):g}: {scores.polysyllabic_words} of {scores.words} words "
        f"have three or more syllables",
        ["use shorter, everyday words and split long sentences"],
    )


@register(
    "readability/long-sentence",
    "warning",
    options={
        "max-words": 20,
        "error-words": 30,
        "max-share": 25,
        "error-share": 30,
        "min-sentences": 5,
    },
)
def long_sentence(context: RuleContext) -> Iterator[Finding]:
    """A sentence of more than 20 words, and a text where more than 25 % of sentences are.

    ## What it flags
    Every sentence with more than `max-words` (20) words – a warning; above `error-words`
    (30) an error. Words are counted as in docs/readability.md (numbers are not words,
    "z. B." is one). In addition, one document-level finding when more than `max-share`
    (25 %) of the prose sentences are long (error above `error-share`, 30 %), for texts of
    at least `min-sentences` sentences. The suggestion names a comma or dash near the middle
    where the sentence can be split.

    ## Why it matters
    Readers keep about a dozen words in working memory; German puts the verb parts at the
    end, so a long sentence makes them wait for the meaning. Yoast SEO recommends at most
    25 % sentences over 20 words.

    ## Example
    Wenn Sie Ihre Buchhaltung selbst erledigen, sollten Sie alle Belege sofort nach dem Einkauf
    fotografieren und in einem eigenen Ordner ablegen, damit am Monatsende nichts fehlt.

    ## Use instead
    Erledigen Sie Ihre Buchhaltung selbst? Dann fotografieren Sie jeden Beleg gleich nach dem
    Einkauf. Legen Sie ihn in einem eigenen Ordner ab. So fehlt am Monatsende nichts.

    ## Options
    - `max-words`: longest sentence without a finding (default 20).
    - `error-words`: longest sentence that is only a warning (default 30).
    - `max-share`: highest share of long sentences in percent (default 25).
    - `error-share`: share above which the document finding is an error (default 30).
    - `min-sentences`: fewest prose sentences for the document finding (default 5).

    ## Known limitations
    Enumerations with many commas count as long, although lists are easy to read; write them
    as a Markdown list instead.

    ## References
    - Yoast SEO readability analysis: sentence length (20 words, 25 %/30 %)
    - Schneider, W. (1994): Deutsch für Kenner. München: Piper
    """
    max_words, error_words = context.option("max-words"), context.option("error-words")
    prose = _prose_sentences(context)
    long = [s for s in prose if s.word_count > max_words]
    for sentence in long:
        hint = split_point(context.body, sentence)
        yield context.finding(
            sentence.start,
            sentence.end,
            f"Sentence has {sentence.word_count} words (more than {max_words})",
            [hint] if hint else ["split it into two or three sentences"],
            severity="error" if sentence.word_count > error_words else "warning",
        )
    if len(prose) < context.option("min-sentences") or not long:
        return
    share = percent(len(long), len(prose))
    if share <= context.option("max-share"):
        return
    start, end = anchor(context)
    yield context.finding(
        start,
        end,
        f"{share:.0f} % of the sentences ({len(long)} of {len(prose)}) have more than "
        f"{max_words} words; at most {context.option('max-share')} % is recommended",
        [f"shorten the sentences on lines {lines_of(context, (s.start for s in long))}"],
        severity="error" if share > context.option("error-share") else "warning",
    )


@register("readability/long-paragraph", "warning", options={"max-words": 150, "error-words": 200})
def long_paragraph(context: RuleContext) -> Iterator[Finding]:
    """A paragraph of more than 150 words.

    ## What it flags
    Paragraphs (and quotes, list items) with more than `max-words` (150) words; above
    `error-words` (200) an error. The suggestion names the sentence boundary nearest the
    middle, where a new paragraph could start.

    ## Why it matters
    On screen, a long block of text looks like work, and readers skip it. Short paragraphs
    give the eye resting points; Yoast SEO recommends at most 150 words.

    ## Example
    Unser Onlineshop ist im letzten Jahr stark gewachsen. Im Januar haben wir noch jede
    Bestellung von Hand verpackt. Im Sommer kamen an manchen Tagen über zweihundert Pakete
    zusammen. Wir haben deshalb einen kleinen Lagerraum in der Nachbarschaft gemietet. Dort
    stehen jetzt drei Packtische, ein Drucker für Etiketten und viele Regale. Zwei neue
    Kolleginnen kümmern sich um den Versand. Sie prüfen jeden Morgen die offenen Bestellungen
    und packen sie nach Dringlichkeit. Eilige Sendungen gehen bis zwölf Uhr aus dem Haus.
    Alles andere holt der Paketdienst am Nachmittag ab. Die Kundschaft bekommt eine E-Mail mit
    der Sendungsnummer. Fragen zum Versand beantworten wir innerhalb eines Tages. Retouren
    landen in einer eigenen Kiste, die wir einmal pro Woche leeren. So behalten wir den
    Überblick, auch wenn viel los ist. Im nächsten Jahr wollen wir den Versand weiter
    verbessern. Ein kleines Lagerprogramm soll uns helfen, den Bestand immer im Blick zu
    behalten. Außerdem testen wir gerade umweltfreundliche Verpackungen aus Graspapier.

    ## Use instead
    Unser Onlineshop ist im letzten Jahr stark gewachsen. Im Januar haben wir noch jede
    Bestellung von Hand verpackt. Im Sommer kamen an manchen Tagen über zweihundert Pakete
    zusammen. Wir haben deshalb einen kleinen Lagerraum in der Nachbarschaft gemietet. Dort
    stehen jetzt drei Packtische, ein Drucker für Etiketten und viele Regale.

    Zwei neue Kolleginnen kümmern sich um den Versand. Sie prüfen jeden Morgen die offenen
    Bestellungen und packen sie nach Dringlichkeit. Eilige Sendungen gehen bis zwölf Uhr aus
    dem Haus. Alles andere holt der Paketdienst am Nachmittag ab. Die Kundschaft bekommt eine
    E-Mail mit der Sendungsnummer. Fragen zum Versand beantworten wir innerhalb eines Tages.

    Retouren landen in einer eigenen Kiste, die wir einmal pro Woche leeren. So behalten wir
    den Überblick, auch wenn viel los ist. Im nächsten Jahr wollen wir den Versand weiter
    verbessern. Ein kleines Lagerprogramm soll uns helfen, den Bestand immer im Blick zu
    behalten. Außerdem testen wir gerade umweltfreundliche Verpackungen aus Graspapier.

    ## Options
    - `max-words`: longest paragraph without a finding (default 150).
    - `error-words`: longest paragraph that is only a warning (default 200).

    ## Known limitations
    A paragraph is what the input makes one (a blank line in Markdown and plain text, `<p>` in
    HTML); hard line breaks inside a paragraph do not split it.

    ## References
    - Yoast SEO readability analysis: paragraph length (150/200 words)
    """
    scores = readability_of(context)
    max_words, error_words = context.option("max-words"), context.option("error-words")
    for paragraph in scores.per_paragraph:
        if paragraph.kind in ("title", "heading") or paragraph.words <= max_words:
            continue
        own = [s for s in scores.per_sentence if s.block == paragraph.block]
        running, split_line = 0, None
        for sentence in own[:-1]:
            running += sentence.word_count
            if running >= paragraph.words / 2:
                split_line = context.body.position(sentence.end)[0]
                break
        hint = (
            f"start a new paragraph after the sentence ending on line {split_line} (word {running})"
            if split_line
            else "split it into two paragraphs"
        )
        yield context.finding(
            paragraph.start,
            paragraph.end,
            f"Paragraph has {paragraph.words} words (more than {max_words})",
            [hint],
            severity="error" if paragraph.words > error_words else "warning",
        )


@register(
    "readability/passive",
    "warning",
    options={"max-share": 10, "error-share": 15, "count-zustandspassiv": False},
)
def passive(context: RuleContext) -> Iterator[Finding]:
    """Too many passive sentences: more than 10 % use the Vorgangspassiv.

    ## What it flags
    One document-level finding when more than `max-share` (10 %) of the prose sentences
    contain a Vorgangspassiv – a form of *werden* with a Partizip II ("wird geprüft", "wurde
    verschickt", "muss geprüft werden", "ist gelöst worden"); above `error-share` (15 %) it is
    an error. Each passive sentence is then listed as an info finding on its own line.
    Not passive: Futur I ("wird vorstellen"), Futur II ("wird erledigt haben"), *werden* as a
    full verb ("wird Chefin", "wird besser"). The Zustandspassiv (*sein* + Partizip II: "ist
    geschlossen") is detected as its own kind and reported in the message; it counts towards
    the share only with `count-zustandspassiv`. The perfect of verbs with *sein* ("ist
    gestiegen") is not passive.

    ## Why it matters
    The passive hides who acts. "Die Rechnung wird geprüft" leaves the reader asking: by whom?
    Active sentences are shorter and clearer, and they put your company or your reader in
    the subject position. Yoast SEO recommends at most 10 % passive sentences.

    ## Example
    Die Rechnungen werden jeden Monat geprüft. Danach werden sie an die Buchhaltung geschickt.
    Wir archivieren alle Belege.

    ## Use instead
    Wir prüfen die Rechnungen jeden Monat. Danach schicken wir sie an die Buchhaltung. Wir
    archivieren alle Belege.

    ## Options
    - `max-share`: highest share of passive sentences in percent (default 10).
    - `error-share`: share above which the finding is an error (default 15).
    - `count-zustandspassiv`: count *sein* + Partizip II towards the share (default false).

    ## Known limitations
    Detection uses the tagger's parts of speech and lemmas inside a clause (between commas),
    not a full parse: a participle the tagger reads as an adjective is missed, and the
    *bekommen*-Passiv ("bekommt … geschickt") is not detected. Zustandspassiv and adjectives
    ("ist geöffnet") cannot always be told apart.

    ## References
    - Duden – Die Grammatik (2016), Passiv
    - Yoast SEO readability analysis: passive voice (10 %/15 %)
    """
    style = style_of(context)
    if not style.has_tags:
        return
    prose = style.prose
    counted_kinds = {"vorgangspassiv"}
    if context.option("count-zustandspassiv"):
        counted_kinds.add("zustandspassiv")
    counted = [s for s in prose if any(p.kind in counted_kinds for p in s.passives)]
    states = [s for s in prose if s.passives and s not in counted]
    share = percent(len(counted), len(prose))
    if not counted or share <= context.option("max-share"):
        return
    severity = "error" if share > context.option("error-share") else "warning"
    also = f"; {len(states)} more use the Zustandspassiv (sein + participle)" if states else ""
    first = counted[0].sentence
    yield context.finding(
        first.start,
        first.end,
        f"{share:.0f} % of the sentences ({len(counted)} of {len(prose)}) use the passive "
        f"(werden + participle); at most {context.option('max-share')} % is recommended{also}",
        [
            f"rewrite in the active voice, lines {lines_of(context, (s.sentence.start for s in counted))}"
        ],
        severity=severity,
    )
    for sentence in counted:
        construction = next(p for p in sentence.passives if p.kind in counted_kinds)
        yield context.finding(
            construction.start,
            construction.end,
            f"Passive „{construction.auxiliary} … {construction.participle}“ ({construction.kind})",
            ["say who acts: make the agent the subject"],
            severity="info",
        )


@register(
    "readability/transition-words",
    "warning",
    options={"min-share": 20, "min-words": 200, "extra-words": []},
)
def transition_words_rule(context: RuleContext) -> Iterator[Finding]:
    """Too few transition words: less than 20 % of the sentences contain one.

    ## What it flags
    One document-level finding for texts of more than `min-words` (200) words where fewer
    than `min-share` (20 %) of the prose sentences contain a transition word or phrase
    (außerdem, deshalb, jedoch, zum Beispiel, trotzdem, folglich, zunächst, schließlich …;
    the list is `data/style/transition_words.txt`, extend it with `extra-words`).

    ## Why it matters
    Transition words tell readers how one sentence relates to the next – cause, contrast,
    order, example. Without them a text reads like a list of claims, and readers have to
    work out the logic themselves. Yoast SEO asks for at least 20 % (30 % for green).

    ## Example
    Unser Onlineshop ist im letzten Jahr stark gewachsen. Im Januar haben wir noch jede
    Bestellung von Hand verpackt. Im Sommer kamen an manchen Tagen über zweihundert Pakete
    zusammen. Wir haben deshalb einen kleinen Lagerraum in der Nachbarschaft gemietet. Dort
    stehen jetzt drei Packtische, ein Drucker für Etiketten und viele Regale. Zwei neue
    Kolleginnen kümmern sich um den Versand. Sie prüfen jeden Morgen die offenen Bestellungen
    und packen sie nach Dringlichkeit. Eilige Sendungen gehen bis zwölf Uhr aus dem Haus.
    Alles andere holt der Paketdienst am Nachmittag ab. Die Kundschaft bekommt eine E-Mail mit
    der Sendungsnummer. Fragen zum Versand beantworten wir innerhalb eines Tages.

    Retouren landen in einer eigenen Kiste, die wir einmal pro Woche leeren. So behalten wir
    den Überblick, auch wenn viel los ist. Im nächsten Jahr wollen wir den Versand weiter
    verbessern. Ein kleines Lagerprogramm soll uns helfen, den Bestand immer im Blick zu
    behalten. Wir testen gerade umweltfreundliche Verpackungen aus Graspapier. Früher lief
    der Kundenservice über ein einziges Postfach. Heute nutzen wir ein Ticketsystem, das jede
    Anfrage einer Person zuordnet. Niemand muss mehr raten, wer gerade zuständig ist.

    Häufige Fragen haben wir auf einer Hilfeseite gesammelt. Dort finden sich Antworten zu
    Lieferzeiten, Zahlungsarten und Rücksendungen. Seit die Seite online ist, kommen weniger
    Anfragen per Telefon. Einmal im Monat schauen wir uns gemeinsam die Zahlen an.

    ## Use instead
    Unser Onlineshop ist im letzten Jahr stark gewachsen. Im Januar haben wir zunächst jede
    Bestellung von Hand verpackt. Im Sommer kamen dann an manchen Tagen über zweihundert
    Pakete zusammen. Wir haben deshalb einen kleinen Lagerraum in der Nachbarschaft gemietet.
    Dort stehen jetzt drei Packtische, ein Drucker für Etiketten und viele Regale. Außerdem
    kümmern sich zwei neue Kolleginnen um den Versand. Sie prüfen jeden Morgen die offenen
    Bestellungen und packen sie nach Dringlichkeit. Eilige Sendungen gehen bis zwölf Uhr aus
    dem Haus. Alles andere holt der Paketdienst am Nachmittag ab. Die Kundschaft bekommt eine
    E-Mail mit der Sendungsnummer. Fragen zum Versand beantworten wir innerhalb eines Tages.

    Retouren landen in einer eigenen Kiste, die wir einmal pro Woche leeren. So behalten wir
    den Überblick, auch wenn viel los ist. Im nächsten Jahr wollen wir den Versand weiter
    verbessern. Ein kleines Lagerprogramm soll uns dabei helfen, den Bestand immer im Blick zu
    behalten. Zudem testen wir gerade umweltfreundliche Verpackungen aus Graspapier. Früher
    lief der Kundenservice über ein einziges Postfach. Heute nutzen wir hingegen ein
    Ticketsystem, das jede Anfrage einer Person zuordnet. Folglich muss niemand mehr raten, wer
    gerade zuständig ist.

    Außerdem haben wir häufige Fragen auf einer Hilfeseite gesammelt. Dort finden sich
    Antworten zu Lieferzeiten, Zahlungsarten und Rücksendungen. Seit die Seite online ist,
    kommen weniger Anfragen per Telefon. Einmal im Monat schauen wir uns gemeinsam die Zahlen an.

    ## Options
    - `min-share`: lowest share of sentences with a transition word, in percent (default 20).
    - `min-words`: shortest text that is checked (default 200).
    - `extra-words`: more transition words or phrases (lower case), added to the list.

    ## Known limitations
    Words are matched as written, without telling senses apart: "dann" or "doch" count even
    where they are not connectives; a connective missing from the list is not counted.

    ## References
    - Yoast SEO readability analysis: transition words (20 %/30 %, texts over 200 words)
    """
    scores = readability_of(context)
    style = style_of(context)
    if scores.words <= context.option("min-words") or not style.tokens:
        return
    prose = style.prose
    index = lexical_index(context, transition_words())
    with_transition = {id(sentence) for sentence, _ in lexical_matches(context, index, prose)}
    share = percent(len(with_transition), len(prose))
    if not prose or share >= context.option("min-share"):
        return
    start, end = anchor(context)
    yield context.finding(
        start,
        end,
        f"Only {share:.0f} % of the sentences ({len(with_transition)} of {len(prose)}) contain a "
        f"transition word; at least {context.option('min-share')} % is recommended",
        [f"link sentences with words such as {SUGGESTED_TRANSITIONS}"],
    )


@register("readability/sentence-beginnings", "warning", options={"min-run": 3})
def sentence_beginnings(context: RuleContext) -> Iterator[Finding]:
    """Three or more consecutive sentences that start with the same word.

    ## What it flags
    Runs of at least `min-run` (3) consecutive prose sentences that begin with the same word
    ("Wir … Wir … Wir …"). After an article, demonstrative or small number the first two words
    are compared, as Yoast SEO does ("Die Kunden …" and "Die Preise …" differ). Headings and
    list items end a run: parallel list items are good style.

    ## Why it matters
    Repeated beginnings make a text monotonous and hide the logic between sentences.

    ## Example
    Wir planen jedes Projekt gemeinsam. Wir testen jede Idee mit echten Kunden. Wir messen
    die Ergebnisse nach vier Wochen.

    ## Use instead
    Wir planen jedes Projekt gemeinsam. Jede Idee testen wir mit echten Kunden. Nach vier
    Wochen messen wir die Ergebnisse.

    ## Options
    - `min-run`: shortest run of equal beginnings that is flagged (default 3).

    ## Known limitations
    Only the first word(s) are compared; "Wir haben … Wir sind …" counts as repetitive.

    ## References
    - Yoast SEO readability analysis: consecutive sentences (3 or more)
    """
    min_run = context.option("min-run")
    run: list = []
    for sentence in [*style_of(context).sentences, None]:
        continues = (
            sentence is not None
            and sentence.kind in ("paragraph", "quote")
            and sentence.beginning
            and run
            and sentence.beginning == run[0].beginning
        )
        if continues:
            run.append(sentence)
            continue
        if len(run) >= min_run:
            word = run[0].sentence.words[0].text
            yield context.finding(
                run[0].sentence.start,
                run[-1].sentence.end,
                f"{len(run)} consecutive sentences start with „{word}“",
                ["vary the start: begin with the object, a time or a transition word"],
            )
        run = (
            [sentence]
            if sentence is not None
            and sentence.kind in ("paragraph", "quote")
            and sentence.beginning
            else []
        )


@register(
    "readability/subheading-distance", "warning", options={"max-words": 300, "error-words": 350}
)
def subheading_distance(context: RuleContext) -> Iterator[Finding]:
    """More than 300 words without a subheading.

    ## What it flags
    Each section – the text before the first heading, or between two headings – with more
    than `max-words` (300) words; above `error-words` (350) an error. A text without any
    subheading is one section. The suggestion names the paragraph nearest the middle of the
    section where a subheading fits.

    ## Why it matters
    Readers scan headings to find what they need; search engines use them to understand the
    structure. A long stretch without one hides the content.

    ## Example
    Unser Onlineshop ist im letzten Jahr stark gewachsen. Im Januar haben wir noch jede
    Bestellung von Hand verpackt. Im Sommer kamen an manchen Tagen über zweihundert Pakete
    zusammen. Wir haben deshalb einen kleinen Lagerraum in der Nachbarschaft gemietet. Dort
    stehen jetzt drei Packtische, ein Drucker für Etiketten und viele Regale.

    Zwei neue Kolleginnen kümmern sich um den Versand. Sie prüfen jeden Morgen die offenen
    Bestellungen und packen sie nach Dringlichkeit. Eilige Sendungen gehen bis zwölf Uhr aus
    dem Haus. Alles andere holt der Paketdienst am Nachmittag ab. Die Kundschaft bekommt eine
    E-Mail mit der Sendungsnummer. Retouren landen in einer eigenen Kiste, die wir einmal pro
    Woche leeren. So behalten wir den Überblick, auch wenn viel los ist.

    Auch im Kundenservice hat sich einiges getan. Früher lief alles über ein einziges
    Postfach. Heute nutzen wir ein Ticketsystem, das jede Anfrage einer Person zuordnet.
    Niemand muss mehr raten, wer gerade zuständig ist. Häufige Fragen haben wir auf einer
    Hilfeseite gesammelt. Dort finden sich Antworten zu Lieferzeiten, Zahlungsarten und
    Rücksendungen. Seit die Seite online ist, kommen deutlich weniger Anfragen per Telefon.
    Das Team hat dadurch mehr Zeit für schwierige Fälle.

    Einmal im Monat setzen wir uns zusammen und schauen uns die Zahlen an. Welche Fragen
    kommen oft? Wo hakt es noch? Aus diesen Runden entstehen meist kleine, aber wirksame
    Verbesserungen. Zuletzt haben wir zum Beispiel die Bestätigungsmail verständlicher
    formuliert. Für das kommende Jahr haben wir uns drei Ziele gesetzt. Wir wollen schneller
    liefern, weniger Verpackung verbrauchen und noch freundlicher antworten. Dafür suchen wir
    ab Herbst eine weitere Person für das Lager. Wer Lust auf einen abwechslungsreichen Job in
    einem kleinen Team hat, meldet sich gern bei uns. Bewerbungen nehmen wir per E-Mail oder
    ganz klassisch per Post entgegen. Wir antworten innerhalb von zwei Wochen auf jede
    Zuschrift. Ein kurzes Gespräch im Lager zeigt schnell, ob die Arbeit zu Ihnen passt. Wir
    freuen uns auf Sie.

    ## Use instead
    ### Mehr Platz für den Versand

    Unser Onlineshop ist im letzten Jahr stark gewachsen. Im Januar haben wir noch jede
    Bestellung von Hand verpackt. Im Sommer kamen an manchen Tagen über zweihundert Pakete
    zusammen. Wir haben deshalb einen kleinen Lagerraum in der Nachbarschaft gemietet. Dort
    stehen jetzt drei Packtische, ein Drucker für Etiketten und viele Regale.

    Zwei neue Kolleginnen kümmern sich um den Versand. Sie prüfen jeden Morgen die offenen
    Bestellungen und packen sie nach Dringlichkeit. Eilige Sendungen gehen bis zwölf Uhr aus
    dem Haus. Alles andere holt der Paketdienst am Nachmittag ab. Die Kundschaft bekommt eine
    E-Mail mit der Sendungsnummer. Retouren landen in einer eigenen Kiste, die wir einmal pro
    Woche leeren. So behalten wir den Überblick, auch wenn viel los ist.

    ### Ein Ticketsystem für den Kundenservice

    Auch im Kundenservice hat sich einiges getan. Früher lief alles über ein einziges
    Postfach. Heute nutzen wir ein Ticketsystem, das jede Anfrage einer Person zuordnet.
    Niemand muss mehr raten, wer gerade zuständig ist. Häufige Fragen haben wir auf einer
    Hilfeseite gesammelt. Dort finden sich Antworten zu Lieferzeiten, Zahlungsarten und
    Rücksendungen. Seit die Seite online ist, kommen deutlich weniger Anfragen per Telefon.
    Das Team hat dadurch mehr Zeit für schwierige Fälle.

    Einmal im Monat setzen wir uns zusammen und schauen uns die Zahlen an. Welche Fragen
    kommen oft? Wo hakt es noch? Aus diesen Runden entstehen meist kleine, aber wirksame
    Verbesserungen. Zuletzt haben wir zum Beispiel die Bestätigungsmail verständlicher
    formuliert. Für das kommende Jahr haben wir uns drei Ziele gesetzt. Wir wollen schneller
    liefern, weniger Verpackung verbrauchen und noch freundlicher antworten. Dafür suchen wir
    ab Herbst eine weitere Person für das Lager. Wer Lust auf einen abwechslungsreichen Job in
    einem kleinen Team hat, meldet sich gern bei uns. Bewerbungen nehmen wir per E-Mail oder
    ganz klassisch per Post entgegen. Wir antworten innerhalb von zwei Wochen auf jede
    Zuschrift. Ein kurzes Gespräch im Lager zeigt schnell, ob die Arbeit zu Ihnen passt. Wir
    freuen uns auf Sie.

    ## Options
    - `max-words`: most words in a section without a finding (default 300).
    - `error-words`: most words in a section that is only a warning (default 350).

    ## Known limitations
    A bold line used as a heading in plain text is a heading only if the segmenter recognises
    it as one. The title does not count as a subheading.

    ## References
    - Yoast SEO readability analysis: subheading distribution (300/350 words)
    """
    scores = readability_of(context)
    max_words, error_words = context.option("max-words"), context.option("error-words")
    sections: list[list] = [[]]
    for paragraph in scores.per_paragraph:
        if paragraph.kind == "heading":
            sections.append([])
        elif paragraph.kind != "title":
            sections[-1].append(paragraph)
    for section in sections:
        words = sum(p.words for p in section)
        if words <= max_words:
            continue
        running, middle = 0, section[0]
        for paragraph in section:
            if running >= words / 2:
                middle = paragraph
                break
            running += paragraph.words
        line = context.body.position(middle.start)[0]
        yield context.finding(
            section[0].start,
            section[-1].end,
            f"{words} words without a subheading (more than {max_words})",
            [f"add a subheading before line {line}"],
            severity="error" if words > error_words else "warning",
        )
