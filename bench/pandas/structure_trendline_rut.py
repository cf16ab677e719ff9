"""pandas side of structure_trendline_rut: reference resistance and support trendlines (6-month lookback) as of
every month end of the Russell 2000 history."""
import os
import sys

from common import DATA, HERE, measure, report

sys.path.insert(0, os.path.join(HERE, "..", "..", "tests", "reference"))
from structure_common import load  # noqa: E402
from structure_trendline import lines_as_of  # noqa: E402

FRAME = load(DATA, "markets/rut_daily.csv")
MONTH_ENDS = FRAME.groupby(FRAME.index.to_period("M")).tail(1).index


def work():
    return sum(len(lines_as_of(FRAME, d, side)["lines"]) for d in MONTH_ENDS for side in ("resistance", "support"))


report(measure(work, repeats=1, warmup=0), lines=work())
