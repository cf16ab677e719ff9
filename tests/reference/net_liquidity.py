"""Reference for Bellwether's net liquidity and M2 growth, in pandas.

Usage: net_liquidity.py DATA_FOLDER AS_OF
Net liquidity = WALCL/1000 - WTREGEN/1000 - RRPONTSYD (US$ bn; WALCL and WTREGEN are in US$ millions in the data
folder, RRPONTSYD in billions) on every Wednesday from the first one on which all three have started to the last
one on or before the latest date any input has (up to AS_OF). A Wednesday where an input has no value is skipped.
Changes are against the Wednesday 4 and 13 weeks earlier (NaN when that one was skipped).
M2: year-on-year growth of M2SL against the month dated exactly 12 months earlier.
"""
import json
import os
import sys

import pandas as pd

data, as_of = sys.argv[1], pd.Timestamp(sys.argv[2])


def load(name):
    s = pd.read_csv(os.path.join(data, "macro", f"{name}.csv"), parse_dates=["date"]).set_index("date")[name]
    return s[s.index <= as_of].dropna()


walcl, tga, rrp = load("WALCL") / 1000, load("WTREGEN") / 1000, load("RRPONTSYD")
start = max(s.index[0] for s in (walcl, tga, rrp))
end = max(s.index[-1] for s in (walcl, tga, rrp))
grid = pd.date_range(start, end, freq="W-WED")
frame = pd.DataFrame({"WALCL": walcl.reindex(grid), "WTREGEN": tga.reindex(grid), "RRPONTSYD": rrp.reindex(grid)})
frame["net"] = frame.WALCL - frame.WTREGEN - frame.RRPONTSYD
frame["chg4"] = frame.net - frame.net.shift(4)
frame["chg13"] = frame.net - frame.net.shift(13)
complete = frame.dropna(subset=["net"])
skipped = frame[frame.net.isna()]

m2 = load("M2SL")
year_ago = m2.reindex(m2.index - pd.DateOffset(months=12)).values
yoy = m2.values / year_ago - 1


def nan_to_none(values):
    return [None if pd.isna(v) else float(v) for v in values]


print(json.dumps({
    "weeks": complete.index.strftime("%Y-%m-%d").tolist(),
    "net": complete.net.tolist(),
    "walcl": complete.WALCL.tolist(),
    "tga": complete.WTREGEN.tolist(),
    "rrp": complete.RRPONTSYD.tolist(),
    "chg4": nan_to_none(complete.chg4),
    "chg13": nan_to_none(complete.chg13),
    "skipped": skipped.index.strftime("%Y-%m-%d").tolist(),
    "skipped_missing": [[c for c in ("WALCL", "WTREGEN", "RRPONTSYD") if pd.isna(r[c])] for _, r in skipped.iterrows()],
    "m2_dates": m2.index.strftime("%Y-%m-%d").tolist(),
    "m2_yoy": nan_to_none(yoy),
}))
