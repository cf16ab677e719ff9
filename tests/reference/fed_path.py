"""Reference for Bellwether's fed funds path, in pandas.

Usage: fed_path.py DFF_CSV THRESHOLD CONFIRM BASELINE AS_OF [AS_OF ...]
A move starts on observation t when every one of the CONFIRM observations from t on is at least THRESHOLD away
from the median of the BASELINE observations before t, on the same side, and observation t-1 is not; its size is
the median of those CONFIRM observations minus that baseline median. After a move the scan resumes past its
confirming window. For each AS_OF (data cut at that date): the latest move, and cuts / hikes dated after
AS_OF - 6 months and AS_OF - 12 months; regime = direction of the latest move in the 6 months, else on_hold.
"""
import json
import sys

import numpy as np
import pandas as pd

path, threshold, confirm, baseline = sys.argv[1], float(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
as_ofs = [pd.Timestamp(a) for a in sys.argv[5:]]
dff = pd.read_csv(path, parse_dates=["date"]).set_index("date").iloc[:, 0].dropna()


def moves(s):
    before = s.rolling(baseline).median().shift(1)
    # Lowest and highest observation of the confirming window starting at t (a rolling window read forwards).
    ahead_min = s[::-1].rolling(confirm).min()[::-1]
    ahead_max = s[::-1].rolling(confirm).max()[::-1]
    after = s[::-1].rolling(confirm).median()[::-1]
    previous = s.shift(1) - before  # the day before t, against t's baseline
    up = (ahead_min - before >= threshold) & (previous < threshold)
    down = (ahead_max - before <= -threshold) & (previous > -threshold)
    found, blocked_until = [], -1
    for t in np.flatnonzero((up | down).values):
        if t <= blocked_until:
            continue
        found.append({"date": s.index[t].strftime("%Y-%m-%d"), "before": float(before.iloc[t]), "after": float(after.iloc[t]),
                      "confirmed_on": s.index[t + confirm - 1].strftime("%Y-%m-%d")})
        blocked_until = t + confirm - 1
    return found


readings = []
for a in as_ofs:
    m = moves(dff[dff.index <= a])
    def count(months, cut):
        lo = (a - pd.DateOffset(months=months)).strftime("%Y-%m-%d")
        return sum(1 for c in m if c["date"] > lo and (c["after"] < c["before"]) == cut)
    six = [c for c in m if c["date"] > (a - pd.DateOffset(months=6)).strftime("%Y-%m-%d")]
    regime = "on_hold" if not six else ("easing" if six[-1]["after"] < six[-1]["before"] else "tightening")
    readings.append({"as_of": a.strftime("%Y-%m-%d"), "last": m[-1] if m else None,
                     "cuts6": count(6, True), "hikes6": count(6, False), "cuts12": count(12, True), "hikes12": count(12, False),
                     "regime": regime})
print(json.dumps({"moves": moves(dff), "readings": readings}))
