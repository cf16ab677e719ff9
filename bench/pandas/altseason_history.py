"""pandas side of altseason_history: the Altcoin Season Index for every day from 2018-01-01 to Bitcoin's last
close, N = 90, for K = 50 and K = 100, with the vectorised pandas/numpy implementation that the tests use as the
reference (tests/reference/altseason.py). Files are read once outside the timing, as on the C# side, which starts
from series already in memory; the timed work builds the close matrix and both histories."""
import os
import sys

from common import DATA, measure, report

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests", "reference"))
import altseason  # noqa: E402

CRYPTO = os.path.join(DATA, "crypto")
LISTS = altseason.read_rankings(CRYPTO)
FLAGS = altseason.read_exclusions(CRYPTO)
CLOSES = altseason.read_closes(os.path.join(CRYPTO, "daily"))


def work():
    return altseason.compute(LISTS, FLAGS, CLOSES, windows=[90], tops=[50, 100], start="2018-01-01")


result = work()
report(measure(work, repeats=5), days=len(result["50/90"]["dates"]))
