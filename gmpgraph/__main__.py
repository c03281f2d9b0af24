"""``python -m gmpgraph`` runs the command line."""

from gmpgraph.cli import run

if __name__ == "__main__":
    run()
