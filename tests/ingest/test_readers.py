"""Every reader on small German posts we wrote: text, HTML, Markdown, JSONL, CSV."""

from __future__ import annotations

import json

import pytest

from blogtext.config import RecordFields, Settings
from blogtext.errors import InputError
from blogtext.ingest import read_inputs

HTML_PAGE = """<!DOCTYPE html>
<html lang="de-DE"><head><meta charset="utf-8">
<title>Kundenbindung im Mittelstand | Beispielblog</title>
<meta property="og:title" content="Kundenbindung im Mittelstand">
<meta name="description" content="Fünf Wege, wie kleine Firmen Stammkundschaft halten.">
<meta name="author" content="Sandra Keller">
<meta property="article:published_time" content="2024-02-14T09:30:00+01:00">
<link rel="canonical" href="https://beispielblog.de/kundenbindung/">
</head><body><article><h1>Kundenbindung im Mittelstand</h1>
<p>Wer Stammkundschaft hält, spart Akquisekosten.</p></article></body></html>
"""


def read_all(paths, settings=None):
    return list(read_inputs([str(p) for p in paths], settings))


def test_ingest_text_dump_keeps_text_and_lines(write):
    path = write("kooperation.txt", "Titel der Seite\n\nErster Absatz über Kooperation.\n")
    [post] = read_all([path])
    assert post.format == "text"
    assert post.encoding == "utf-8"
    assert post.text.split("\n")[2] == "Erster Absatz über Kooperation."
    assert post.first_line == 1
    assert post.id.startswith("kooperation-") and len(post.id) == len("kooperation-") + 8


def test_ingest_html_reads_meta_tags(write):
    [post] = read_all([write("seite.html", HTML_PAGE)])
    assert post.format == "html"
    assert post.title == "Kundenbindung im Mittelstand"
    assert post.metadata["author"] == "Sandra Keller"
    assert post.metadata["date"] == "2024-02-14T09:30:00+01:00"
    assert post.metadata["url"] == "https://beispielblog.de/kundenbindung/"
    assert post.metadata["language"] == "de-DE"
    assert post.metadata["description"].startswith("Fünf Wege")


def test_ingest_markdown_front_matter_becomes_metadata(write):
    draft = "---\ntitle: Newsletter, die gelesen werden\ndate: 2024-03-01\ntags: [newsletter, kmu]\n---\n\n# Einleitung\n\nText.\n"
    [post] = read_all([write("entwurf.md", draft)])
    assert post.format == "markdown"
    assert post.title == "Newsletter, die gelesen werden"
    assert post.metadata["date"] == "2024-03-01"
    assert post.metadata["tags"] == ["newsletter", "kmu"]
    # "# Einleitung" is file line 7; text starts at file line 6 (the blank line after ---).
    assert post.first_line == 6
    assert post.source_line(post.text.split("\n").index("# Einleitung")) == 7


def test_ingest_markdown_toml_front_matter(write):
    [post] = read_all([write("hugo.md", '+++\ntitle = "Hugo-Beitrag"\n+++\nText.\n')])
    assert post.title == "Hugo-Beitrag"
    assert post.first_line == 4


def test_ingest_jsonl_one_post_per_line_with_fields(write):
    records = [
        {
            "id": "a1",
            "url": "https://x.de/a",
            "title": "Erster Beitrag",
            "date": "2024-01-02",
            "text": "Kunden schätzen Ehrlichkeit.",
        },
        {
            "id": "a2",
            "title": "Zweiter",
            "html": "<article><p>Gute Partner sind selten.</p></article>",
        },
    ]
    path = write(
        "export.jsonl", "\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n"
    )
    first, second = read_all([path])
    assert (first.format, first.title, first.record, first.container_format) == (
        "text",
        "Erster Beitrag",
        1,
        "jsonl",
    )
    assert first.metadata == {"url": "https://x.de/a", "date": "2024-01-02"}
    assert first.id == "export-a1"
    assert second.format == "html" and second.record == 2
    assert first.location.endswith("export.jsonl:1")


def test_ingest_jsonl_configurable_field_names(write):
    path = write(
        "cms.jsonl", json.dumps({"headline": "Titel", "content": "Inhalt des Beitrags."}) + "\n"
    )
    settings = Settings(fields=RecordFields(text="content", title="headline"))
    [post] = read_all([path], settings)
    assert post.title == "Titel"
    assert post.text == "Inhalt des Beitrags."


def test_ingest_csv_rows_are_posts(write):
    content = 'id,title,text\n7,"Beitrag mit ""Anführung""","Zeile eins\nZeile zwei"\n8,Leer,\n'
    items = read_all([write("export.csv", content)])
    assert isinstance(items[0], InputError) is False
    assert items[0].title == 'Beitrag mit "Anführung"'
    assert items[0].text == "Zeile eins\nZeile zwei"
    assert items[0].record == 2
    assert isinstance(items[1], InputError)
    assert items[1].location.endswith("export.csv:4")
    assert "no text field" in items[1].problem


def test_ingest_directory_walk_is_recursive_sorted_and_skips_hidden(write, tmp_path):
    write("b.txt", "Beitrag B")
    write("a/z.md", "# Beitrag Z")
    write("a/y.html", HTML_PAGE)
    write(".versteckt.txt", "geheim")
    write(".git/x.txt", "intern")
    write("README.md", "# Über dieses Korpus")
    write("notizen.docx", b"PK\x03\x04")
    posts = read_all([tmp_path])
    assert [p.path.rsplit("/", 1)[-1] for p in posts] == ["y.html", "z.md", "b.txt"]  # a/y, a/z, b


def test_ingest_ids_are_stable_and_content_sensitive(write):
    one = read_all([write("x/post.txt", "Gleicher Inhalt.")])[0]
    two = read_all([write("y/post.txt", "Gleicher Inhalt.")])[0]
    three = read_all([write("z/post.txt", "Anderer Inhalt.")])[0]
    assert one.id == two.id
    assert one.id != three.id


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("ohne-endung", "<!DOCTYPE html><html><body><p>Hallo Welt</p></body></html>", "html"),
        ("ohne-endung", "---\ntitle: X\n---\nText", "markdown"),
        ("ohne-endung", "Nur ein Satz ohne Auszeichnung.", "text"),
    ],
)
def test_ingest_sniffs_format_without_extension(write, name, content, expected):
    [post] = read_all([write(name, content)])
    assert post.format == expected
