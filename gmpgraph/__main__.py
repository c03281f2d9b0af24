"""``python -m gmpgraph`` runs the command line."""

from gmpgraph.cli import run

run()
