"""Reference for Bellwether's risk-on divergence, in pandas.

Usage: divergence.py INDEX_CSV CRYPTO_CSV NEAR_HIGH DEEP_DRAWDOWN AS_OF
Drawdown by close of each series from its own running peak (rows up to AS_OF), joined on the dates both have;
active when the index drawdown >= -NEAR_HIGH and the crypto drawdown < -DEEP_DRAWDOWN. Episodes are runs of
consecutive active shared days.
"""
import json
import sys

import pandas as pd

index_csv, crypto_csv, near, deep, as_of = sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4]), sys.argv[5]


def drawdown(path):
    s = pd.read_csv(path, parse_dates=["date"]).set_index("date").close
    s = s[s.index <= as_of].dropna()
    return s / s.cummax() - 1


joined = pd.concat({"index": drawdown(index_csv), "crypto": drawdown(crypto_csv)}, axis=1, join="inner")
active = (joined["index"] >= -near) & (joined["crypto"] < -deep)
run_id = (active != active.shift()).cumsum()
episodes = [{"start": g.index[0].strftime("%Y-%m-%d"), "end": g.index[-1].strftime("%Y-%m-%d"), "days": len(g),
             "deepest": float(g.crypto.min())} for _, g in joined[active].groupby(run_id[active])]
print(json.dumps({"dates": joined.index.strftime("%Y-%m-%d").tolist(), "index": joined["index"].tolist(),
                  "crypto": joined.crypto.tolist(), "active": active.tolist(), "episodes": episodes}))
