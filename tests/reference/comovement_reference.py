"""Reference for the co-movement screen (Bellwether.Core.Screening): rolling Pearson correlations of every pair at
lags -L..L, recomputed from scratch with pandas/numpy at the steps asked for.

Usage: comovement_reference.py CLOSES_CSV WINDOW MAX_LAG STEP [STEP ...]
CLOSES_CSV: a `date` column then one column per instrument; an empty cell is no bar that step.
Rules (docs/scale.md): an instrument's return at step t is ln(close_t / close at its previous bar), spanning t minus
that bar's step. Lane (a, b, k) correlates r_a(t) with r_b(t - k) for t in the last WINDOW steps up to STEP: at k = 0
both returns must exist with the same span; at k != 0 both must exist. Prints a JSON list of
{"step", "a", "b", "lag", "r" (null: undefined), "n"} for every pair a < b and lag.
"""
import json
import sys

import numpy as np
import pandas as pd


def returns(closes):
    r = np.full(len(closes), np.nan)
    span = np.zeros(len(closes), dtype=int)
    last = None
    for t, c in enumerate(closes):
        if np.isnan(c):
            continue
        if last is not None:
            r[t] = np.log(c / closes[last])
            span[t] = t - last
        last = t
    return r, span


def lane(ra, sa, rb, sb, step, window, lag):
    xs, ys = [], []
    for t in range(step - window + 1, step + 1):
        if t - lag < 0:
            continue
        if sa[t] == 0 or sb[t - lag] == 0 or (lag == 0 and sa[t] != sb[t]):
            continue
        xs.append(ra[t])
        ys.append(rb[t - lag])
    n = len(xs)
    if n < 2 or np.std(xs) == 0 or np.std(ys) == 0:
        return None, n
    return float(np.corrcoef(xs, ys)[0, 1]), n


def main():
    frame = pd.read_csv(sys.argv[1], index_col=0)
    window, max_lag = int(sys.argv[2]), int(sys.argv[3])
    steps = [int(s) for s in sys.argv[4:]]
    series = [returns(frame[c].to_numpy(dtype=float)) for c in frame.columns]
    out = []
    for step in steps:
        for a in range(len(series)):
            for b in range(a + 1, len(series)):
                (ra, sa), (rb, sb) = series[a], series[b]
                for lag in range(-max_lag, max_lag + 1):
                    # A negative lag is the pair read from b's side: r_b(t) against r_a(t - |lag|).
                    r, n = lane(ra, sa, rb, sb, step, window, lag) if lag >= 0 else lane(rb, sb, ra, sa, step, window, -lag)
                    out.append({"step": step, "a": a, "b": b, "lag": lag, "r": r, "n": n})
    print(json.dumps(out))


main()
