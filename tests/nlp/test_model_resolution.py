"""Which German pipeline is used, and the clear error when there is none."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from blogtext.cli.main import cli
from blogtext.nlp import model as model_module
from blogtext.nlp.model import find_wheel, install_pipeline, resolve_pipeline, wheel_directories

runner = CliRunner()


@pytest.fixture
def blank_pipeline_dir(tmp_path: Path) -> Path:
    """A real (blank) German spaCy pipeline on disk, named so it is clearly ours."""
    import spacy

    nlp = spacy.blank("de")
    nlp.meta["name"] = "testpipeline"
    nlp.meta["version"] = "9.9.9"
    path = tmp_path / "pipeline"
    nlp.to_disk(path)
    return path


def test_model_status_without_any_pipeline_exits_2(monkeypatch):
    monkeypatch.delenv("BLOGTEXT_MODEL", raising=False)
    monkeypatch.setenv("BLOGTEXT_MODEL_FALLBACKS", "de_not_installed_a,de_not_installed_b")
    result = runner.invoke(cli, ["model", "status"])
    assert result.exit_code == 2
    assert (
        "no German spaCy pipeline is installed (looked for de_not_installed_a, de_not_installed_b)"
        in result.stderr
    )
    assert "blogtext model install" in result.stderr


def test_analyze_without_pipeline_exits_2_before_work(monkeypatch, write, tmp_path):
    monkeypatch.delenv("BLOGTEXT_MODEL", raising=False)
    monkeypatch.setenv("BLOGTEXT_MODEL_FALLBACKS", "")
    post = write("post.txt", "Ein Beitrag.\n")
    result = runner.invoke(cli, ["analyze", str(post), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert result.stderr.startswith("blogtext: error: no German spaCy pipeline")
    assert not (tmp_path / "out" / "posts").exists()


def test_configured_pipeline_directory_wins(monkeypatch, blank_pipeline_dir, write, tmp_path):
    monkeypatch.setenv("BLOGTEXT_MODEL", str(blank_pipeline_dir))
    result = runner.invoke(cli, ["model", "status"])
    assert result.exit_code == 0, result.output
    assert "de_testpipeline 9.9.9" in result.stdout
    assert "configured" in result.stdout
    post = write("post.txt", "Ein Beitrag über Partner.\n")
    check = runner.invoke(cli, ["check", str(post), "--format", "json"])
    assert json.loads(check.stdout)["pipeline"]["spacy_model"] == "de_testpipeline 9.9.9"


def test_configured_pipeline_missing_is_an_error_not_a_fallback(monkeypatch, tmp_path):
    monkeypatch.setenv("BLOGTEXT_MODEL", str(tmp_path / "nirgends"))
    resolution = resolve_pipeline()
    assert resolution.info is None
    assert "is not installed and is not a pipeline directory" in resolution.problem
    assert runner.invoke(cli, ["model", "status"]).exit_code == 2


@pytest.mark.model
def test_model_status_names_installed_pipeline_and_warns_for_stand_in(monkeypatch):
    monkeypatch.delenv("BLOGTEXT_MODEL", raising=False)
    monkeypatch.delenv("BLOGTEXT_MODEL_FALLBACKS", raising=False)
    result = runner.invoke(cli, ["model", "status"])
    assert result.exit_code == 0
    name = result.stdout.split()[1]
    assert name in ("de_core_news_sm", "de_ud_gsdpud_sm")
    assert "components: tok2vec" in result.stdout
    assert ("offline stand-in" in result.stderr) == (name == "de_ud_gsdpud_sm")


def test_wheel_directory_from_environment_and_preference(monkeypatch, tmp_path):
    official = tmp_path / "official"
    official.mkdir()
    (official / "de_core_news_sm-3.8.0-py3-none-any.whl").write_bytes(b"")
    stand_in = tmp_path / "standin"
    stand_in.mkdir()
    (stand_in / "de_ud_gsdpud_sm-0.2.0-py3-none-any.whl").write_bytes(b"")
    monkeypatch.setenv("BLOGTEXT_MODEL_WHEELS", str(stand_in))
    directories = wheel_directories(extra=str(official), start=tmp_path)
    assert directories[:2] == [official.resolve(), stand_in.resolve()]
    assert find_wheel(directories)[0] == "de_core_news_sm"
    assert find_wheel([stand_in.resolve()])[0] == "de_ud_gsdpud_sm"


def test_install_offline_uses_pip_with_the_wheel_directory(monkeypatch, tmp_path):
    wheels = tmp_path / "wheels"
    wheels.mkdir()
    (wheels / "de_ud_gsdpud_sm-0.2.0-py3-none-any.whl").write_bytes(b"")
    monkeypatch.setattr("spacy.util.is_package", lambda name: False)
    calls = []

    class Done:
        returncode = 0

    def fake_run(command, check):
        calls.append(command)
        return Done()

    result = install_pipeline(wheels=str(wheels), offline=True, run=fake_run)
    assert result.method == "wheel" and result.name == "de_ud_gsdpud_sm"
    assert calls == [
        [
            model_module.sys.executable,
            "-m",
            "pip",
            "install",
            "--no-index",
            "--find-links",
            str(wheels.resolve()),
            "de_ud_gsdpud_sm",
        ]
    ]


def test_install_without_internet_or_wheels_is_a_clear_error(monkeypatch, tmp_path):
    monkeypatch.setattr("spacy.util.is_package", lambda name: False)
    monkeypatch.delenv("BLOGTEXT_MODEL_WHEELS", raising=False)
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli, ["model", "install", "--offline"])
    assert result.exit_code == 2
    assert "no pipeline wheel" in result.stderr
