"""Each kind of bad input: a one-line error naming the file, the batch goes on, exit 1."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from blogtext.cli.main import cli
from blogtext.config import Settings
from blogtext.errors import InputError
from blogtext.ingest import read_inputs

GOOD_TEXT = "Kooperationen im Mittelstand\n\nGemeinsam erreichen kleine Firmen mehr.\n"


def errors_of(paths, settings=None):
    return [
        item
        for item in read_inputs([str(p) for p in paths], settings)
        if isinstance(item, InputError)
    ]


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("leer.txt", b"", "file is empty"),
        ("nur-leerzeichen.txt", b"  \n\t\n", "no text"),
        ("bild.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("steuerzeichen.txt", bytes(range(1, 9)) * 200, "binary"),
        (
            "leer.html",
            b"<html><head><title>x</title><script>var a=1;</script></head><body> </body></html>",
            "HTML page has no text",
        ),
        ("kaputt.md", b"---\ntitle: [offen\n---\nText", "invalid YAML front matter"),
        ("offen.md", b"---\ntitle: Entwurf\nText ohne Ende", "never closed"),
    ],
)
def test_bad_file_gives_one_error_naming_it(write, name, content, problem):
    [error] = errors_of([write(name, content)])
    assert error.location.endswith(name)
    assert problem in error.problem
    assert "\n" not in str(error)


def test_file_over_size_limit(write):
    path = write("riesig.txt", "Wort " * 400)
    [error] = errors_of([path], Settings(max_file_bytes=1000))
    assert "larger than the size limit" in error.problem


def test_missing_path_and_empty_directory(tmp_path):
    (tmp_path / "leer").mkdir()
    (tmp_path / "leer" / "bild.png").write_bytes(b"\x89PNG")
    missing, empty = errors_of([tmp_path / "gibt-es-nicht.txt", tmp_path / "leer"])
    assert missing.problem == "no such file or directory"
    assert "directory has no posts" in empty.problem


def test_jsonl_bad_lines_name_their_line_and_others_survive(write):
    lines = [
        json.dumps({"text": "Erster guter Beitrag."}),
        '{"text": "abgeschnitten',
        json.dumps({"title": "ohne Text"}),
        "[1, 2, 3]",
        json.dumps({"text": "Zweiter guter Beitrag."}),
    ]
    path = write("korpus.jsonl", "\n".join(lines) + "\n")
    items = list(read_inputs([str(path)]))
    assert [type(i).__name__ for i in items] == [
        "Post",
        "InputError",
        "InputError",
        "InputError",
        "Post",
    ]
    assert items[1].location.endswith("korpus.jsonl:2") and "invalid JSON" in items[1].problem
    assert items[2].location.endswith("korpus.jsonl:3") and "no text field" in items[2].problem
    assert "not a JSON object" in items[3].problem
    assert items[4].record == 5


def test_jsonl_oversized_record_is_skipped_not_loaded(write):
    big = json.dumps({"text": "x" * 5000})
    path = write("gross.jsonl", big + "\n" + json.dumps({"text": "klein"}) + "\n")
    items = list(read_inputs([str(path)], Settings(max_file_bytes=1000)))
    assert isinstance(items[0], InputError) and "size limit" in items[0].problem
    assert items[1].text == "klein"


def test_cli_analyze_reports_every_bad_input_and_continues(write, tmp_path):
    write("posts/gut.txt", GOOD_TEXT)
    write("posts/leer.txt", b"")
    write("posts/binaer.txt", b"\x00\x01\x02binary")
    write("posts/leer.html", b"<html><body>   </body></html>")
    write("posts/korpus.jsonl", '{"text": "Guter Eintrag."}\n{kaputt\n')
    write("posts/zwei.md", "---\ntitle: Zweiter guter Beitrag\n---\nText des Entwurfs.\n")
    out = tmp_path / "out"
    result = CliRunner().invoke(
        cli, ["analyze", str(tmp_path / "posts"), str(tmp_path / "fehlt"), "-o", str(out)]
    )
    assert result.exit_code == 1, result.output
    error_lines = [
        line for line in result.stderr.splitlines() if line.startswith("blogtext: error:")
    ]
    assert len(error_lines) == 5
    for fragment in (
        "leer.txt: file is empty",
        "binaer.txt: binary",
        "leer.html: HTML page has no text",
        "korpus.jsonl:2: invalid JSON",
        "fehlt: no such file",
    ):
        assert any(fragment in line for line in error_lines), fragment
    assert "Traceback" not in result.output
    assert len(list((out / "posts").glob("*.json"))) == 3
    rows = (out / "errors.csv").read_text(encoding="utf-8").splitlines()
    assert rows[0] == "input,problem" and len(rows) == 6
