"""Shared pieces of the market-structure reference scripts: loading a data file or a ratio, and swing pivots.

Written from the definitions in docs/structure.md, independently of the C# code: pivots use pandas rolling
windows rather than loops.
"""
import os

import numpy as np
import pandas as pd


def load(data, spec):
    """A frame with date index and high/low/close: spec is a path relative to the data folder, or 'A.csv/B.csv' for
    the ratio of two files' closes on their common dates (rows with a missing close dropped)."""
    if "|" in spec:
        a, b = spec.split("|")
        x, y = load(data, a), load(data, b)
        joined = x[["close"]].join(y[["close"]], how="inner", lsuffix="_a", rsuffix="_b").dropna()
        ratio = joined.close_a / joined.close_b
        return pd.DataFrame({"high": np.nan, "low": np.nan, "close": ratio})
    df = pd.read_csv(os.path.join(data, spec), parse_dates=["date"], float_precision="round_trip").set_index("date").sort_index()
    return df[["high", "low", "close"]].astype(float)


def extreme(df, kind):
    """The series a pivot of `kind` reads: highs (lows), the close where missing."""
    col = df["high" if kind == "high" else "low"]
    return col.where(col.notna(), df["close"])


def pivots(df, kind, left, right, last_pos, first_pos=0):
    """Positions of pivots confirmed by row last_pos: strictly beyond the `left` values before, at least the `right` after."""
    v = extreme(df.iloc[: last_pos + 1], kind).reset_index(drop=True)
    s = v if kind == "high" else -v
    before = s.shift(1).rolling(left, min_periods=1).max()
    after = s[::-1].shift(1).rolling(right, min_periods=1).max()[::-1]
    pos = np.arange(len(s))
    ok = (pos >= max(left, first_pos)) & (pos + right <= last_pos) & s.notna().to_numpy()
    ok &= (before.isna() | (s > before)).to_numpy() & (after.isna() | (s >= after)).to_numpy()
    return list(np.flatnonzero(ok))
