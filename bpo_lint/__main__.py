"""`python -m bpo_lint` runs the command-line tool."""

from bpo_lint.cli import main

main()
