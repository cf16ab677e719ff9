"""pandas side of cli_check: tests/reference/claims_reference.py on the article's claims file, as a process (Python
start, imports, reading the CSV files and every reading of every claim), as `bellwether check` is timed with its
process start and store reads."""
import os
import subprocess
import sys

from common import DATA, measure, report

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..", "..")
ARGS = [sys.executable, os.path.join(ROOT, "tests", "reference", "claims_reference.py"), DATA,
        os.path.join(ROOT, "claims", "article-2025-12-15.yaml")]


def work():
    subprocess.run(ARGS, check=True, capture_output=True)


report(measure(work, repeats=3))
