"""pandas side of csv_parse: read and type every crypto daily file (the same files and checks' worth of parsing)."""
import glob
import os

import pandas as pd

from common import DATA, measure, report

FILES = sorted(glob.glob(os.path.join(DATA, "crypto", "daily", "*.csv")))


def work():
    rows = 0
    for f in FILES:
        df = pd.read_csv(f, parse_dates=["date"], dtype={"source": str, "volume_unit": str})
        rows += len(df)
    return rows


rows = work()
report(measure(work, repeats=3), rows=rows)
