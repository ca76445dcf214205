"""``python -m blogtext`` runs the command line."""

from blogtext.cli.main import main

main()
