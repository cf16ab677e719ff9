"""pandas side of import_full: read every CSV of the data folder and write it to a fresh embedded store (SQLite,
the embedded database Python ships; DuckDB's Python module is not available here)."""
import glob
import os
import sqlite3
import tempfile

import pandas as pd

from common import DATA, measure, report

FILES = sorted(glob.glob(os.path.join(DATA, "**", "*.csv"), recursive=True))


def work():
    with tempfile.TemporaryDirectory() as tmp:
        con = sqlite3.connect(os.path.join(tmp, "store.sqlite"))
        rows = 0
        for f in FILES:
            df = pd.read_csv(f)
            rows += len(df)
            table = os.path.relpath(f, DATA).replace(os.sep, "_").replace(".csv", "")
            df.to_sql(table, con, index=False)
        con.commit()
        con.close()
        return rows


report(measure(work, repeats=3), rows=work())
