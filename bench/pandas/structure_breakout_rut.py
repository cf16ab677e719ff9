"""pandas side of structure_breakout_rut: the reference breakout analysis (multi-year-high track over the whole
Russell 2000 history, zones and their machines) as of the last day."""
import os
import sys

from common import DATA, HERE, measure, report

sys.path.insert(0, os.path.join(HERE, "..", "..", "tests", "reference"))
from structure_breakout import analyze  # noqa: E402
from structure_common import load  # noqa: E402

FRAME = load(DATA, "markets/rut_daily.csv")


def work():
    return len(analyze(FRAME, FRAME.index[-1])["events"])


report(measure(work, repeats=3), events=work())
