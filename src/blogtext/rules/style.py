"""Style rules (area ``style``): German style problems beyond Yoast's readability checks.

Syntax-based rules (Nominalstil, Schachtelsatz, modal verbs, "man") read the style analysis
(:func:`blogtext.analyzers.style.analyze_style`, once per document); lexical rules (Füllwörter,
Floskeln, Anglizismen) match the word lists in ``data/style/`` – each extendable with the
rule's ``extra-words`` option, and any flagged term can be accepted with the ``allow`` list.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import compress

from blogtext.analyzers.readability import count_syllables
from blogtext.analyzers.style import (
    Entry,
    anglicisms,
    empty_phrases,
    fillers,
    head_candidates,
    split_compound,
)
from blogtext.model import Finding
from blogtext.rules._style_support import (
    lexical_index,
    lexical_matches,
    match_span,
    percent,
    style_of,
)
from blogtext.rules.context import RuleContext
from blogtext.rules.registry import register

#: Fewest nouns for the noun:verb ratio to count (a two-noun sentence is never Nominalstil).
MIN_NOUNS_FOR_RATIO = 5
#: Shortest word that can have seven syllables; shorter parts are skipped without counting.
MIN_COMPOUND_LETTERS = 10
#: Tags a Füllwort must not have: "die eigentliche Frage" (ADJA) is no filler.
NOT_FILLER_TAGS = frozenset({"ADJA", "NN", "NE"})


def _verb_of(noun: str) -> str | None:
    """ "Durchführung" → "durchführen", "Verbesserung" → "verbessern" (only -ung nouns).

    Infinitives end in -en, but in -n after an unstressed -el/-er ("verbessern", "steuern")
    and in -eln where the noun dropped that e ("Handlung" → "handeln").
    """
    lower = noun.lower()
    for suffix in ("ungen", "ung"):
        if lower.endswith(suffix):
            stem = lower[: -len(suffix)]
            if len(stem) < 3:
                return None
            if stem.endswith(("er", "el")) and not stem.endswith(("ier", "iel")):
                return stem + "n"
            if stem[-1] == "l" and stem[-2] not in "aeiouäöül":
                return stem[:-1] + "e" + stem[-1] + "n"
            return stem + "en"
    return None


@register(
    "style/nominalstil",
    "warning",
    options={"min-nominalisations": 3, "max-noun-verb-ratio": 4.0},
)
def nominalstil(context: RuleContext) -> Iterator[Finding]:
    """Nominalstil: a sentence built on nouns made from verbs ("die Durchführung der Prüfung").

    ## What it flags
    Prose sentences with at least `min-nominalisations` (3) nouns ending in -ung, -heit,
    -keit, -ion, -ität, -ismus or -nis, or with more than `max-noun-verb-ratio` (4) nouns per
    verb (at least five nouns and one verb: a verbless list item is a list, not a style). The message lists the nouns; the suggestion turns the first
    -ung noun back into its verb ("Verbesserung" → "verbessern"). Ordinary nouns with these
    endings (Zeitung, Meinung, Region …, `data/style/nominal_exceptions.txt`) do not count.

    ## Why it matters
    Nouns made from verbs hide the action and who does it, pile up genitives and make
    sentences abstract. German style guides from Reiners to Schneider call it the
    "Hauptwörterkrankheit"; verbs make a text concrete and faster to read.

    ## Example
    Die Umsetzung der Maßnahmen zur Verbesserung der Qualität erfolgt durch die Abteilung.

    ## Use instead
    Die Abteilung setzt die Maßnahmen um und verbessert so die Qualität.

    ## Options
    - `min-nominalisations`: nominalisations in one sentence that are flagged (default 3).
    - `max-noun-verb-ratio`: highest number of nouns per verb (default 4.0).

    ## Known limitations
    Needs the tagger's nouns and verbs; a noun it misses is not counted. Established terms
    (Digitalisierung, Kommunikation) count like any other nominalisation.

    ## References
    - Schneider, W. (1994): Deutsch für Kenner, "Die Hauptwörterkrankheit"
    - Reiners, L. (1951): Stilkunst. München: C. H. Beck
    """
    style = style_of(context)
    if not style.has_tags:
        return
    minimum = context.option("min-nominalisations")
    max_ratio = context.option("max-noun-verb-ratio")
    for sentence in style.prose:
        nouns = [style.tokens.text[i] for i in sentence.nominalisations]
        ratio = sentence.nouns / max(sentence.verbs, 1)
        # A verbless list item or fragment is a list of things, not Nominalstil.
        heavy_ratio = (
            sentence.verbs > 0 and sentence.nouns >= MIN_NOUNS_FOR_RATIO and ratio > max_ratio
        )
        if len(nouns) < minimum and not heavy_ratio:
            continue
        listed = ", ".join(f"„{n}“" for n in nouns) or "none"
        ung_noun = next((n for n in nouns if _verb_of(n)), None)
        hint = (
            f"use verbs instead of nouns: „{ung_noun}“ → „{_verb_of(ung_noun)}“"
            if ung_noun
            else "say who does what, with a verb"
        )
        yield context.finding(
            sentence.sentence.start,
            sentence.sentence.end,
            f"Nominalstil: {len(nouns)} nominalisation{'s' if len(nouns) != 1 else ''} "
            f"({listed}); {sentence.nouns} nouns to {sentence.verbs} "
            f"verb{'s' if sentence.verbs != 1 else ''}",
            [hint],
        )


@register("style/schachtelsatz", "warning", options={"max-clauses": 3, "max-bracket-words": 10})
def schachtelsatz(context: RuleContext) -> Iterator[Finding]:
    """Schachtelsatz: too many clauses, or the verb parts too far apart (Satzklammer).

    ## What it flags
    Prose sentences with more than `max-clauses` (3) clauses – counted from finite verbs,
    backed up by subordinating conjunctions and relative pronouns – and main clauses whose
    finite verb and closing verb part (participle, infinitive or separable particle) are more
    than `max-bracket-words` (10) words apart: "Wir *haben* das Produkt, das …, gestern
    *vorgestellt*", "Wir *stellen* … *vor*".

    ## Why it matters
    A German main clause opens a bracket with the finite verb and closes it with the rest of
    the predicate; the reader holds everything in between until the meaning arrives. Wolf
    Schneider recommends no more than six words or twelve syllables inside the bracket, and
    no nesting of clauses.

    ## Example
    Wir haben das neue Produkt, das wir in den letzten zwei Jahren gemeinsam mit unseren
    Kunden entwickelt haben, gestern auf der Messe in Köln vorgestellt.

    ## Use instead
    Gestern haben wir unser neues Produkt vorgestellt. Wir haben es zwei Jahre lang mit
    unseren Kunden entwickelt.

    ## Options
    - `max-clauses`: most clauses in one sentence (default 3).
    - `max-bracket-words`: most words between the verb parts of a main clause (default 10).

    ## Known limitations
    Clauses and brackets come from part-of-speech tags and punctuation, not from a full parse:
    a clause without a comma or a finite verb the tagger misreads can be missed, and a
    coordinated second predicate ("… entwickelt und getestet") closes the bracket late.

    ## References
    - Schneider, W. (1994): Deutsch für Kenner, on the Satzklammer
    - Duden – Die Grammatik (2016), Satzklammer and Feldermodell
    """
    style = style_of(context)
    if not style.has_tags:
        return
    max_clauses = context.option("max-clauses")
    max_bracket = context.option("max-bracket-words")
    for sentence in style.prose:
        bracket = sentence.longest_bracket
        too_far = bracket is not None and bracket.words_between > max_bracket
        if sentence.clauses <= max_clauses and not too_far:
            continue
        parts = []
        if sentence.clauses > max_clauses:
            parts.append(f"{sentence.clauses} clauses (more than {max_clauses})")
        if too_far and bracket is not None:
            parts.append(
                f"{bracket.words_between} words between „{bracket.opening}“ and "
                f"„{bracket.closing}“ (more than {max_bracket})"
            )
        hint = (
            f"bring „{bracket.opening}“ and „{bracket.closing}“ together: move the inserted part "
            "after the verb or into a sentence of its own"
            if too_far and bracket is not None
            else "split the sentence: one statement per sentence"
        )
        start, end = (
            (bracket.start, bracket.end)
            if too_far and bracket
            else (
                sentence.sentence.start,
                sentence.sentence.end,
            )
        )
        yield context.finding(start, end, "Schachtelsatz: " + "; ".join(parts), [hint])


def _lexical(
    context: RuleContext, base: Sequence[Entry], kind: str, skip_tags: frozenset[str] = frozenset()
) -> Iterator[Finding]:
    style = style_of(context)
    tags = style.tokens.tag
    index = lexical_index(context, base)
    for sentence, match in lexical_matches(context, index):
        if match.first == match.last and tags[sentence.tokens[0] + match.first] in skip_tags:
            continue
        start, end = match_span(style, sentence, match)
        text = context.body.text[start:end]
        yield context.finding(start, end, f"{kind} „{text}“", [match.entry.hint or "streichen"])


@register("style/fuellwort", "info", options={"extra-words": []})
def fuellwort(context: RuleContext) -> Iterator[Finding]:
    """A Füllwort: a filler word that adds no meaning ("eigentlich", "halt", "quasi").

    ## What it flags
    Words and short phrases from `data/style/fuellwoerter.tsv` (eigentlich, halt, quasi,
    irgendwie, durchaus, gewissermaßen, ziemlich, wirklich, sozusagen …) used as adverbs or
    particles – "die eigentliche Frage" (an adjective before a noun) is not flagged. The
    suggestion says what to do, usually "streichen".

    ## Why it matters
    Fillers weaken statements and make the text longer without saying more. "Das Angebot ist
    eigentlich ziemlich gut" says less than "Das Angebot ist gut".

    ## Example
    Das Angebot ist eigentlich ziemlich gut.

    ## Use instead
    Das Angebot ist gut.

    ## Options
    - `extra-words`: more filler words (lower case; "wort=hint" adds a hint).
    - `allow`: words never flagged (config key `allow = ["wirklich"]`).

    ## Known limitations
    Words are matched as written; "wirklich" meaning "real" and "ziemlich" in a fixed phrase
    are flagged too. Findings are information, not errors: a filler is sometimes right.

    ## References
    - Schneider, W. (1994): Deutsch für Kenner, on Füllwörter
    """
    yield from _lexical(context, fillers(), "Füllwort", NOT_FILLER_TAGS)


@register("style/floskel", "warning", options={"extra-words": []})
def floskel(context: RuleContext) -> Iterator[Finding]:
    """A Floskel: an empty phrase ("an dieser Stelle", "last but not least", "Fakt ist").

    ## What it flags
    Phrases from `data/style/floskeln.tsv`: "im Grunde genommen", "last but not least", "an
    dieser Stelle", "Fakt ist", "in der heutigen Zeit", "wie bereits erwähnt", "nicht
    zuletzt", "im Rahmen von" … with a suggestion (usually: delete it, or a short word).

    ## Why it matters
    Empty phrases take the reader's time and signal routine writing. Business blogs are full
    of them; cutting them makes every sentence more direct.

    ## Example
    An dieser Stelle möchten wir uns bei allen Gästen bedanken.

    ## Use instead
    Wir danken allen Gästen.

    ## Options
    - `extra-words`: more phrases (lower case; "phrase=suggestion" adds a suggestion).
    - `allow`: phrases never flagged.

    ## Known limitations
    Phrases are matched as written, word by word; inflected variants need their own entry.

    ## References
    - Schneider, W. (1994): Deutsch für Kenner, on Floskeln and Blähwörter
    """
    yield from _lexical(context, empty_phrases(), "Floskel")


@register("style/long-compound", "info", options={"max-letters": 20, "max-syllables": 6})
def long_compound(context: RuleContext) -> Iterator[Finding]:
    """A very long compound noun ("Kundenzufriedenheitsbefragung").

    ## What it flags
    Nouns (or parts of a hyphenated noun) with more than `max-letters` (20) letters, and
    compounds with more than `max-syllables` (6) syllables (a long word that is not a
    compound, such as "Kooperationen", is left alone). The suggestion splits the compound at its
    boundary: as a phrase ("Befragung zur Kundenzufriedenheit") when the head is an action
    noun, and with a hyphen ("Kundenzufriedenheits-Befragung").

    ## Why it matters
    Readers decode long compounds from the end; beyond three parts they have to stop and
    take the word apart. A phrase or a hyphen does that work for them.

    ## Example
    Die Kundenzufriedenheitsbefragung startet im Mai.

    ## Use instead
    Die Befragung zur Kundenzufriedenheit startet im Mai.

    ## Options
    - `max-letters`: longest noun without a finding, in letters (default 20).
    - `max-syllables`: most syllables without a finding (default 6, so 7 or more are flagged).
    - `allow`: terms never flagged (e.g. a product name).

    ## Known limitations
    The split point comes from linking elements after suffixes (-heits-, -ungs-, -ions-) and a
    short list of frequent heads, not from a dictionary; without one, only the length is
    reported. Established long words (Datenschutzgrundverordnung) are flagged too.

    ## References
    - Duden: Bindestrich in unübersichtlichen Zusammensetzungen (§ 45 Amtliches Regelwerk)
    """
    style = style_of(context)
    max_letters = context.option("max-letters")
    max_syllables = context.option("max-syllables")
    tokens = style.tokens
    texts, pos = tokens.text, tokens.pos
    heads: tuple[str, ...] | None = None  # split heads from the text's nouns, at first need
    # No part of a shorter word can have MIN_COMPOUND_LETTERS letters: skipping those first
    # (at C speed) changes nothing, and most words are short.
    long_words = compress(range(len(texts)), map(MIN_COMPOUND_LETTERS.__le__, map(len, texts)))
    for k in long_words:
        text = texts[k]
        if not text[:1].isupper() or (style.has_tags and pos[k] not in ("NOUN", "PROPN")):
            continue
        for part in text.split("-"):
            # Only all-letter parts count, so their letters are their length.
            if len(part) < MIN_COMPOUND_LETTERS or not part.isalpha():
                continue
            letters = len(part)
            syllables = count_syllables(part)
            if letters <= max_letters and syllables <= max_syllables:
                continue
            if heads is None:
                nouns = compress(texts, map("NOUN".__eq__, pos))
                # The word itself need not be left out of its heads (as "other nouns" would
                # say): a head equal to the word leaves no modifier and is never chosen.
                heads = head_candidates({t for t in nouns if 4 <= len(t) <= 14})
            split = split_compound(part, heads=heads)
            if letters <= max_letters and split is None:
                continue  # many syllables but no compound ("Kooperationen"): not this rule
            hints = list(split.suggestions()) if split else ["rephrase it as two words"]
            yield context.finding(
                tokens.start[k],
                tokens.end[k],
                f"Long compound „{part}“: {letters} letters, {syllables} syllables",
                hints,
            )
            break


@register("style/anglizismus", "info", options={"extra-words": []}, enabled=False)
def anglizismus(context: RuleContext) -> Iterator[Finding]:
    """An English term where a German word says the same ("Meeting", "Deadline").

    ## What it flags
    Terms from `data/style/anglizismen.tsv` with German alternatives: Meeting →
    Besprechung, Deadline → Frist, Feedback → Rückmeldung, Tool → Werkzeug … Accepted
    loanwords (Team, Blog, Website, E-Mail, Marketing, Software, online) are not on the list.
    The rule is off by default: turn it on with `rules = {"style/anglizismus" = "info"}`.

    ## Why it matters
    Some readers find English terms in German text fashionable or exclusive; a German word
    reaches everyone. Whether that matters depends on the audience – hence off by default.

    ## Example
    Nach dem Meeting schicken wir Ihnen unser Feedback.

    ## Use instead
    Nach der Besprechung schicken wir Ihnen unsere Rückmeldung.

    ## Options
    - `extra-words`: more terms ("term=Alternative; Alternative").
    - `allow`: terms your readers use (config key `allow = ["Feedback"]`).

    ## Known limitations
    Only listed forms are found, not compounds ("Kundenmeeting") or inflected verbs.

    ## References
    - Verein Deutsche Sprache: Anglizismen-Index (for the idea; our list is our own)
    """
    yield from _lexical(context, anglicisms(), "Anglizismus")


@register(
    "style/modal-verb",
    "info",
    options={"max-per-sentence": 1, "max-share": 30, "min-sentences": 5},
)
def modal_verb(context: RuleContext) -> Iterator[Finding]:
    """Hedging with modal verbs: stacked in a sentence, or in too many sentences.

    ## What it flags
    Prose sentences with more than `max-per-sentence` (1) modal verbs ("sollten … müssen"),
    and one document-level finding when more than `max-share` (30 %) of the sentences
    contain one (texts of at least `min-sentences` sentences). Modal verbs are the forms of
    können, müssen, sollen, dürfen, wollen, mögen/möchten (`data/style/modal_verbs.txt`).

    ## Why it matters
    "Sie sollten", "wir könnten", "man müsste" make advice vague and the writer sound unsure.
    A direct imperative or statement is shorter and more convincing.

    ## Example
    Sie sollten prüfen, ob Sie das Angebot ändern müssen.

    ## Use instead
    Prüfen Sie, ob sich das Angebot ändern lässt.

    ## Options
    - `max-per-sentence`: most modal verbs in one sentence (default 1).
    - `max-share`: highest share of sentences with a modal verb, in percent (default 30).
    - `min-sentences`: fewest prose sentences for the document finding (default 5).

    ## Known limitations
    Modal verbs that are needed ("Sie können die Datei hier herunterladen") count too;
    findings are information only.

    ## References
    - Schneider, W. (1994): Deutsch für Kenner, on Konjunktiv and hedging
    """
    style = style_of(context)
    if not style.has_tags:
        return
    limit = context.option("max-per-sentence")
    prose = style.prose
    for sentence in prose:
        if len(sentence.modals) > limit:
            words = ", ".join(f"„{style.tokens.text[i]}“" for i in sentence.modals)
            yield context.finding(
                sentence.sentence.start,
                sentence.sentence.end,
                f"{len(sentence.modals)} modal verbs in one sentence ({words})",
                ["say it directly: an imperative or a plain statement"],
            )
    with_modal = [s for s in prose if s.modals]
    share = percent(len(with_modal), len(prose))
    if len(prose) >= context.option("min-sentences") and share > context.option("max-share"):
        first = style.tokens[with_modal[0].modals[0]]
        yield context.finding(
            first.start,
            first.end,
            f"{share:.0f} % of the sentences ({len(with_modal)} of {len(prose)}) use a modal verb "
            f"(more than {context.option('max-share')} %)",
            ["replace „sollten/könnten“ advice with direct statements"],
        )


#: Third person singular → plural of frequent finite verbs after "man" (others: the lemma).
_PLURAL = {"ist": "sind", "hat": "haben", "wird": "werden", "kann": "können", "muss": "müssen",
           "soll": "sollen", "darf": "dürfen", "will": "wollen", "mag": "mögen", "weiß": "wissen",
           "war": "waren", "hatte": "hatten", "wurde": "wurden", "sollte": "sollten",
           "könnte": "könnten", "müsste": "müssten", "würde": "würden", "möchte": "möchten",
           "dürfte": "dürften", "konnte": "konnten", "musste": "mussten"}  # fmt: skip


@register("style/man", "info", options={"pronoun": "Sie"})
def man(context: RuleContext) -> Iterator[Finding]:
    """A "man" sentence where the text could address the reader directly.

    ## What it flags
    Every "man" used as a pronoun ("Man sollte die Rechnung prüfen"). The suggestion
    rewrites the subject and the finite verb for `pronoun` (Sie): „Man sollte“ → „Sie sollten“.

    ## Why it matters
    "Man" is nobody: advice addressed to nobody is easy to ignore. A blog talks to its
    readers; "Sie" (or "du") makes the advice personal and the sentence active.

    ## Example
    Man sollte die Rechnung sofort prüfen.

    ## Use instead
    Prüfen Sie die Rechnung sofort.

    ## Options
    - `pronoun`: how the suggestion addresses the reader (default "Sie"; e.g. "du").

    ## Known limitations
    The verb is adapted only when it stands next to "man"; "man" in a general statement
    ("Früher wusste man wenig") is flagged too.

    ## References
    - Schneider, W. (1994): Deutsch für Kenner, on the reader-facing style
    """
    style = style_of(context)
    if not style.has_tags:
        return
    pronoun = str(context.option("pronoun"))
    for sentence in style.prose:
        for index in sentence.man:
            tok = style.tokens[index]
            hint = _address_hint(style.tokens, index, pronoun)
            yield context.finding(tok.start, tok.end, "„man“ addresses nobody", [hint])


def _address_hint(tokens: Sequence, index: int, pronoun: str) -> str:
    """„Man sollte“ → „Sie sollten“: swap the pronoun and pluralise an adjacent finite verb."""
    tok = tokens[index]
    subject = pronoun[:1].upper() + pronoun[1:] if tok.text[:1].isupper() else pronoun
    for neighbour in (index + 1, index - 1):
        if 0 <= neighbour < len(tokens) and tokens[neighbour].tag in ("VVFIN", "VAFIN", "VMFIN"):
            verb = tokens[neighbour]
            plural = _PLURAL.get(verb.lower) or (
                verb.lemma if verb.lemma.endswith("n") else verb.lower + "n"
            )
            if pronoun.lower() == "du":
                return f"address the reader: „{tok.text} {verb.text}“ → „{subject} …“"
            pair = f"{subject} {plural}" if neighbour > index else f"{plural} {pronoun}"
            original = f"{tok.text} {verb.text}" if neighbour > index else f"{verb.text} {tok.text}"
            return f"address the reader: „{original}“ → „{pair}“"
    return f"address the reader with „{pronoun}“"
