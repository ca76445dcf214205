"""A generated German corpus for the batch tests (small posts whose content differs)."""

from __future__ import annotations

from pathlib import Path

from blogtext.model import PipelineInfo

#: The pipeline the stand-in analyzer of the runner tests claims to be.
FAKE_PIPELINE = PipelineInfo(name="de_fake", version="1.0", path="/nowhere")

TOPICS = ("Kundenbindung", "Newsletter", "Teamführung", "Buchhaltung", "Recruiting", "Social Media")


def post_text(i: int) -> str:
    """A short plain-text post with a title, two paragraphs and one comment (unique per ``i``)."""
    topic = TOPICS[i % len(TOPICS)]
    return (
        f"{topic} im Mittelstand, Teil {i}\n\n"
        f"Jeder Kunde merkt, ob ein Unternehmen zuhört. In Folge {i} geht es um {topic} "
        "und um die Frage, wie Mitarbeiter und Mitarbeiterinnen davon profitieren.\n\n"
        f"Ein kurzer Absatz mit {i} Beispielen aus der Praxis. Die Kund:innen danken es.\n"
    )


def write_corpus(directory: Path, count: int) -> list[Path]:
    """``count`` posts as ``post-NNN.txt`` in ``directory``."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        path = directory / f"post-{i:03d}.txt"
        path.write_text(post_text(i), "utf-8")
        paths.append(path)
    return paths
