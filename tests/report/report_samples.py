"""A complete German per-post report full of hostile strings, for renderer and browser tests."""

from __future__ import annotations

from typing import Any

#: Payloads that would run script, load something or navigate if they were ever markup.
#: Each marks the page if it runs: document.title, a body attribute, an element with id "pwned".
PAYLOADS = (
    "<script>document.title='PWNED';document.body.setAttribute('data-pwned','1')</script>",
    "\"><img src=x onerror=\"document.title='PWNED';document.body.setAttribute('data-pwned','2')\">",
    "'><svg onload=\"var d=document.createElement('div');d.id='pwned';document.body.appendChild(d)\">",
    "</script><script>document.body.setAttribute('data-pwned','3')</script><!--",
    "javascript:document.body.setAttribute('data-pwned','4')",
    "[click](javascript:alert(1)) <iframe srcdoc=\"<script>parent.document.title='PWNED'</script>\">",
)

LINES = [
    "{title} Wie Kund:innen bleiben",
    "",
    "Jeder Unternehmer weiß, dass der zweite Auftrag zählt. {p1}",
    "Ein zufriedener Kunde ist noch lange kein treuer Kunde. Share on X",
    "",
    "3 Kommentare",
    "{p2} sagt:",
    "Toller Beitrag über Mitarbeiter*innen! {p3}",
    "Antworten",
]


def hostile_text() -> str:
    """The input text of the hostile post (line numbers as in :func:`hostile_report`)."""
    return (
        "\n".join(LINES).format(title=PAYLOADS[0], p1=PAYLOADS[4], p2=PAYLOADS[1], p3=PAYLOADS[3])
        + "\n"
    )


def hostile_report() -> dict[str, Any]:
    """A per-post report dict as DESIGN.md defines it, with a payload in every text field."""
    lines = hostile_text().split("\n")
    body_text = "\n\n".join(lines[i] for i in (0, 2, 3))
    return {
        "schema_version": "1",
        "id": "hostile-post-1a2b3c4d",
        "source": {"path": f"corpus/{PAYLOADS[2]}.txt", "format": "text", "encoding": "utf-8", "sha256": "0" * 64},
        "pipeline": {"blogtext": "0.1.0", "spacy_model": f"de_test 1.0 {PAYLOADS[0]}"},
        "title": PAYLOADS[0] + " Wie Kund:innen bleiben",
        "metadata": {"url": PAYLOADS[4], "author": PAYLOADS[1], "date": "2023-04-08T11:59"},
        "segments": {
            "body": {
                "text": body_text,
                "lines": [1, 3, 4],
                "blocks": [
                    {"kind": "title", "text": lines[0], "lines": [1]},
                    {"kind": "paragraph", "text": lines[2], "lines": [3]},
                    {"kind": "paragraph", "text": lines[3], "lines": [4]},
                ],
            },
            "comments": [
                {"index": 0, "parent": None, "author": PAYLOADS[1], "date": "2023-04-09T10:00",
                 "text": lines[7], "lines": [8]},
            ],
            "boilerplate": [
                {"kind": "comment-heading", "text": lines[5], "lines": [6]},
                {"kind": "comment-meta", "text": lines[6], "lines": [7]},
                {"kind": "reply-link", "text": "Antworten", "lines": [9]},
                {"kind": "share-button", "text": "Share on X", "lines": [4], "inline": True},
            ],
        },
        "share_quotes": [{"text": PAYLOADS[2] + " Ein zufriedener Kunde", "lines": [4], "source": "label"}],
        "themes": [
            {"phrase": PAYLOADS[5], "lemma": "zweit Auftrag", "score": 0.42, "count": 2},
            {"phrase": "treuer Kunde", "lemma": "treu Kunde", "score": 0.3, "count": 1},
        ],
        "readability": {"sentences": 3, "words": 30, "syllables": 55, "flesch_amstad": 54.8,
                        "wiener_sachtextformel": {"1": 7.3, "2": 7.4, "3": 8.1, "4": 8.2}, "lix": 39.8},
        "gender": {"inclusive_forms": [{"text": "Kund:innen", "style": "doppelpunkt", "line": 1},
                                       {"text": "Mitarbeiter*innen", "style": "stern", "line": 8}],
                   "styles_used": ["doppelpunkt", "stern"], "disclaimer": None},
        "findings": [
            {"rule": "gender/generic-masculine", "severity": "warning", "message": "Generisches Maskulinum " + PAYLOADS[1],
             "line": 3, "column": 7, "end_line": 3, "end_column": 18, "text": "Unternehmer",
             "suggestions": ["Unternehmer:in", PAYLOADS[0]]},
            {"rule": "gender/generic-masculine", "severity": "warning", "message": "Generisches Maskulinum",
             "line": 4, "column": 17, "end_line": 4, "end_column": 22, "text": "Kunde", "suggestions": []},
            {"rule": "gender/mixed-styles", "severity": "error", "message": PAYLOADS[3],
             "line": 8, "column": 21, "end_line": 8, "end_column": 38, "text": "Mitarbeiter*innen", "suggestions": []},
        ],
    }  # fmt: skip
